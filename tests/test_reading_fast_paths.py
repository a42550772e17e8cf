"""The readers' fast paths (issue 14) read what the plain ones read.

Each shortcut taken for speed (a pattern without a lazy tail, a test that skips a
search, a list split only when it can split) is compared here with the reading it
stands for, on lines built from the pieces that make those readings differ.
"""

from __future__ import annotations

import random
import re

from adrtool import dialects, status_words
from adrtool.dialects import common, inline, madr, self_status
from adrtool.sections import heading_of, headings, outside_fences


def _pieces_lines(pieces, count, seed, longest=8):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, longest))) for _ in range(count)]


def test_inline_lines_read_as_the_editing_pattern_reads_them():
    pieces = ["Decision", " ", "\t", "**", "__", ":", "(", ")", "D7", "deliberate, one-way", "Use tabs", "> ", "- ",
              "1. ", "\u00a0", "**:", "x  "]
    # Random tails after a line's usual openings, so that many lines are decision lines.
    openings = ["", "- ", "> ", "1. ", "  * ", "**", "> **"]
    tails = _pieces_lines(pieces, 4000, 1)
    rnd = random.Random(4)
    lines = [rnd.choice(openings) + "Decision" + rnd.choice(["", " D7", " (two-way)", " D-1 (x)"]) + rnd.choice(
        [":", "**:", ":**", " :"]) + tail for tail in tails]
    lines += tails + ["- Decision (arbitrary, two-way): Flush every 100 ms.  \t",
                      "> **Decision D7 (deliberate, one-way):** Keys are UUIDv7. "]
    matched = 0
    for line in lines:
        full, read = inline._LINE.match(line), inline._READ_LINE.match(line)
        assert (full is None) == (read is None), line
        if full:
            matched += 1
            groups = read.groupdict()
            groups["text"] = groups["text"].rstrip(" \t")
            assert groups == full.groupdict(), line
    assert matched > 2000  # enough decision lines to compare


def test_revisit_is_searched_wherever_it_can_match():
    pieces = ["revisit", "REVISIT", "Re-Visit", "review again", "Review  again", "revıs", "it", "ſ", "re", "visit", ";",
              " ", "x", "-"]
    lines = _pieces_lines(pieces, 4000, 2)
    found = [line for line in lines if inline._REVISIT.search(line)]
    assert found and all(inline._may_revisit(line) for line in found)
    assert inline._REVISIT.search("revıſit soon") and inline._may_revisit("revıſit soon")  # folded by IGNORECASE
    assert not inline._may_revisit("Use tabs for indentation.")


def test_one_name_lists_as_the_splitting_does():
    for value in ["Jonas Weber", "  Ana  ", "a, b", "a;b", "[a] [b]", "`x`", "[x]", "", "   ", "a , b ;c", "\u00a0Bo\u00a0"]:
        text = value.strip()
        expected = [p.strip().strip("`") for p in common._LIST_SEPARATOR.split(text.strip("[]")) if p.strip()]
        if text.startswith("[") and text.endswith("]") and "] [" in text:
            expected = [t.strip() for t in text[1:-1].split("] [") if t.strip()]
        assert common.split_list(value) == (expected if value else []), value


def _headings_line_by_line(lines, start=0):
    return [(i, *found) for i, line in outside_fences(lines, start) if (found := heading_of(line))]


def test_headings_found_by_index_are_those_of_each_line():
    pieces = ["#", "##", "#######", " ", "\t", "\u00a0", "\n", "\r\n", "\r", "Status", " #", "\x0c", "\u2028", "a#",
              "\u00e9", "\u00b2", "7", "\u0085"]  # (letters, digits and a blank beyond ASCII before a newline: one strip)
    for text in _pieces_lines(pieces, 4000, 3, longest=14):
        lines = text.splitlines(keepends=True)
        for start in (0, 2):
            expected = _headings_line_by_line(lines, start)
            assert headings(lines, start, text) == expected, (text, start)
            assert headings(lines, start) == expected, (text, start)


def test_headings_in_fenced_texts_are_those_outside_the_fences():
    # (Indented fences by one to four spaces, and the heading forms of the unfenced test: the fenced path keeps only
    # the indented lines whose first four characters hold a backquote or tilde, and reads headings inline.)
    pieces = ["#", "##", "```", "~~~", "````", " ```", "  ~~~", "   ```", "    ```", "`", "~", " ", "\n", "\r\n",
              "Status", "py", " #", "\t", "\u00a0", "\r", "#######", "\x0c", "7"]
    for text in _pieces_lines(pieces, 6000, 5, longest=10):
        lines = text.splitlines(keepends=True)
        for start in (0, 2):
            expected = _headings_line_by_line(lines, start)
            assert headings(lines, start, text) == expected, (text, start)
            assert headings(lines, start) == expected, (text, start)


def test_both_bullets_are_told_apart_from_one_metadata_region():
    cases = {
        "# T\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context\n": madr.MADR2,
        "# T\n\n- Status: accepted\n\n## Context\n": madr.MADR2_DASH,
        "# T\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n": None,
        "# T\n\n- Date: 2020-01-01\n- Deciders: Ana\n": madr.MADR2_DASH,
    }
    for text, expected in cases.items():
        lines = text.splitlines(keepends=True)
        heads = headings(lines, 0, text)
        dialect, found = madr.bullet_dialect(lines, 0, heads)
        assert dialect is expected, text
        assert madr.MADR2.matches(lines, 0, heads) is (expected is madr.MADR2)
        if dialect is not None:  # what matching read is what parsing reads
            assert dialect.parse("d/0001-t.md", "0001-t", lines, 0, heads, text, found) == \
                dialect.parse("d/0001-t.md", "0001-t", lines, 0, heads, text)


def test_records_built_by_position_have_every_field_where_named():
    text = ("---\nstatus: accepted\ndate: 2020-01-02\ndecision-makers: [Ana, Bo]\nchoice: deliberate\ndoor: one-way\n"
            "revisit: when asked\ntags: [a, b]\ngoverns: [src/]\nreferences: [RFC 1]\ninline-id: D3\n---\n# 7. Title\n\nBody\n")
    record, _ = dialects.parse_file("docs/decisions/0007-title.md", text, True)
    got = {name: getattr(record, name) for name in common._ORDER if name != "body"}
    assert got["id"] == "0007" and got["number"] == 7 and got["title"] == "Title"
    assert got["status_raw"] == "accepted" and got["date"] == "2020-01-02"
    assert got["decision_makers"] == ["Ana", "Bo"] and got["tags"] == ["a", "b"]
    assert str(got["choice"]) == "deliberate" and str(got["door"]) == "one-way" and got["revisit"] == "when asked"
    assert got["governs"] == ["src/"] and got["references"] == ["RFC 1"] and got["inline_id"] == "D3"
    assert got["line"] is None and got["path"] == "docs/decisions/0007-title.md" and got["dialect"] == "native"
    assert record.body.startswith("\nBody")


def test_every_relation_phrase_passes_the_substring_guard():
    """`prose.links` runs its relation pattern only on lines where `_may_relate` finds a stem: every phrase the
    pattern matches, in any case, must hold one, or a link would be dropped unseen."""
    from adrtool.dialects import prose

    phrases = ["superseded by", "Superceded by", "REPLACED BY", "ersetzt durch", "remplacée par", "remplace par",
               "reemplazado por", "substituído por", "sostituito da", "被取代", "which supersedes this",
               "that replaces this", "Supersedes", "supercedes", "replaces", "ersetzt", "remplace", "reemplaza",
               "substitui", "sostituisce", "decided to supersede", "amended by", "Supplemented by", "erweitert durch",
               "modifiée par", "modificado por", "amends", "supplements", "erweitert", "modifie", "Relates to:",
               "related to:", "Related ADRs:", "Related decisions:", "Related:", "Relacionado:", "relacionadas:",
               "siehe auch:", "voir aussi:", "See also:", "ADRs liées:", "ADR lié:"]
    for phrase in phrases:
        line = f"- {phrase} [ADR 7](0007-x.md)"
        assert prose.VERB.search(line), phrase
        assert prose._may_relate(line.lower(), 0, len(line)), phrase
    for phrase in ("Relates to [ADR 7](0007-x.md)", "- related to [ADR 7](0007-x.md)"):
        assert prose.VERB.search(phrase) and prose._may_relate(phrase.lower(), 0, len(phrase))
    # A line with no stem has no relation word for the pattern either.
    rng = random.Random(7)
    words = ["the", "use", "link", "see", "[ADR 7](0007-x.md)", "we", "chose", "Postgres", "because", "rel", "super"]
    for _ in range(2000):
        line = " ".join(rng.choice(words) for _ in range(12))
        if not prose._may_relate(line.lower(), 0, len(line)):
            assert not prose.VERB.search(line), line


def test_typed_links_are_those_the_pattern_finds_on_every_line(monkeypatch):
    """`prose.links` and `related.related_section` run the relation pattern only where `may_relate_line` finds a stem
    (each line lowered alone): on random bodies of links, relation words in several cases and characters whose
    lowering changes their length (`İ`), they find what they find with the guard switched off."""
    from adrtool.dialects import prose, related

    pieces = ["[ADR 7](0007-x.md)", "[b](0002-b.md)", " ", "\n", "\n\n", "  ", "Superseded by ", "REPLACES ",
              "amended by ", "Related to: ", "see also ", "MODİFİED BY ", "İ", "ΣΟΦΙΑ ", "the ", "we chose ", "- ",
              "## Related ADRs\n", "## Links\n", "and ", "(", ")", ".", "which supersedes this", "relié à "]
    texts = _pieces_lines(pieces, 1500, 11, longest=24)
    guarded = []
    for text in texts:
        lines = text.splitlines(keepends=True)
        guarded.append((prose.links(lines, 0, text), related.related_section(lines, headings(lines, 0, text))))
    monkeypatch.setattr(prose, "may_relate_line", lambda line: True)
    for text, expected in zip(texts, guarded):
        lines = text.splitlines(keepends=True)
        assert (prose.links(lines, 0, text), related.related_section(lines, headings(lines, 0, text))) == expected, text
    assert sum(bool(a or b) for a, b in guarded) > 300  # (most bodies type a link: the comparison is not empty)


def test_body_guards_find_what_the_searches_they_replace_find():
    """`common.build`'s guards by `str.find`: a link's opening (`](`, `][`) found by each `]` and the character after
    it, and " ADR" or "'ADR" by each "ADR" and the character before it, are found exactly where the pattern and the two
    searches they replace find them, from any offset (a `]` at the end, "ADR" at the offset or the text's start)."""
    import re

    link_start = re.compile(r"\](?:\(|\[)")
    pieces = ["]", "(", "[", "](", "][", "] (", "ADR", " ADR", "'ADR", "(ADR", "xADR", "AD", "R", " ", "'", "\n",
              "word", "İ", "é"]
    texts = _pieces_lines(pieces, 3000, 17, longest=10)
    rng = random.Random(3)
    links = adrs = 0
    for text in texts:
        for offset in {0, 1, rng.randint(0, len(text)), len(text)}:
            expected_link = link_start.search(text, offset) is not None
            expected_adr = any(text.find(mark, offset) >= 0 for mark in (" ADR", "'ADR", "\nADR"))
            assert common._links_from(text, offset) is expected_link, (text, offset)
            assert common._names_adr(text, offset) is expected_adr, (text, offset)
            links += expected_link
            adrs += expected_adr
    assert 2000 < links < 10000 and 2000 < adrs < 10000  # (both answers common: the comparison is not one-sided)


def test_plain_status_words_link_nothing_as_the_hint_says(monkeypatch):
    """`vocabulary.status_links` says "no links" without its hint pattern for a status that is one plain status word
    with no supersession hint in it: on every status word, in several cases, padded, and with letters whose case
    folding differs (`ſ`, `İ`, `K`), it gives what the pattern's path gives."""
    from adrtool import vocabulary

    rng = random.Random(5)
    statuses = []
    for word in status_words.STATUS_WORDS:
        for form in (word, word.upper(), word.title(), f"  {word}\n", word.replace("s", "ſ"), word.replace("i", "İ"),
                     word.replace("k", "\u212a"), f"{word} by [ADR-7](0007-x.md)", f"{word}; superseded by ADR 3"):
            statuses.append(form)
        statuses.append("".join(c.upper() if rng.random() < 0.5 else c for c in word))
    fast = [vocabulary.status_links(s) for s in statuses]
    monkeypatch.setattr(vocabulary, "_UNHINTED_WORDS", frozenset())
    assert [vocabulary.status_links(s) for s in statuses] == fast
    assert sum(map(bool, fast)) > 100 and len(vocabulary._UNHINTED_WORDS) == 0
    assert not any("\u0307" in word for word in status_words.STATUS_WORDS)  # (what lowering `İ` adds is in no word)


def test_a_door_word_is_no_choice_without_cleaning():
    """`vocabulary.parse_choice` answers None for a door word (an inline decision's tags try each token as a choice
    first) without `_clean`: the same answer as cleaning it, in any case and padding."""
    from adrtool import vocabulary

    for word in [*vocabulary._DOOR_WORDS, *vocabulary._CHOICE_WORDS]:
        for token in (word, word.upper(), f" {word.title()} ", f"**{word}**", f"✅ {word}"):
            simple = token.strip().lower()
            expected = vocabulary._CHOICE_WORDS.get(simple) or vocabulary._CHOICE_WORDS.get(vocabulary._clean(token))
            assert vocabulary.parse_choice(token) is expected, token


def test_passive_agents_are_found_where_each_search_finds_one():
    """`this_record._adr_after` (each "ADR" and the words before it) says what a search for each of `_AGENTS`, and of
    `_ENTRY_MARKS`, says, from any offset (a phrase cut by the offset, "ADR" at the text's start, several in a row)."""
    from adrtool.dialects import this_record

    pieces = ["ADR", " ADR", "by ", "by **", "durch ", "par l'", "par l’", "par ", "por el ", "por ", "By ", "b", "y",
              " ", "**", "l'", "\n", "superseded ", "x", "Supersedes ", "eplaces ", "mends ", "xtends ", "s "]
    texts = _pieces_lines(pieces, 4000, 23, longest=8)
    rng = random.Random(9)
    hits = 0
    for text in texts:
        for offset in {0, 1, rng.randint(0, len(text)), len(text)}:
            for phrases, words in ((this_record._AGENTS, this_record._AGENT_WORDS),
                                   (this_record._ENTRY_MARKS, this_record._ENTRY_WORDS)):
                expected = any(text.find(phrase, offset) >= 0 for phrase in phrases)
                assert this_record._adr_after(text, offset, words) is expected, (text, offset, phrases)
                hits += expected
    assert 600 < hits < 28000  # (both answers common: the comparison is not one-sided)


def test_tagged_decisions_are_found_where_the_pattern_finds_them():
    """`inline.scan_record` tries `_TAGGED` only where a "(" follows "ecision" within the pattern's reach: on random
    texts with the parenthesis at every distance, it finds the first tagged decision the pattern alone finds."""
    pieces = ["Decision", "ecision", "(", " ", "D7 ", "x", "\n", ":", ")", "(deliberate, one-way)", "abcdefgh", "é"]
    texts = _pieces_lines(pieces, 4000, 29, longest=10)
    texts += [f"{lead}Decision{' ' * k}(deliberate, one-way): T" for k in range(22) for lead in ("", "## Decision\n- ")]
    found = 0
    for text in texts:
        at = text.find("ecision")
        while at >= 0 and not inline._TAGGED.match(text, at):
            at = text.find("ecision", at + 7)
        expected = [] if at < 0 else [d for d in inline.scan("r.md", text, "0001") if d.choice or d.door]
        assert inline.scan_record("r.md", text, "0001") == expected, text
        found += at >= 0
    assert 300 < found < 3900  # (both answers common)


def test_the_closing_blocks_logbook_guard_never_hides_a_logbook_line():
    """closing_block.read looks for a logbook line only when a lowered logbook word is in the record's last lines:
    on random tails dense in the words, their cases and accents, the guard is false only where the pattern finds none."""
    import random

    from adrtool.dialects import closing_block

    rng = random.Random(29)
    parts = ["journal", "JOURNAL", "Log", "log", "book", " ", "\n", "Logbuch", "bitácora", "BITÁCORA", "Diário",
             "diario", "catalog", "blog", "x", "-", "İ", "ı", "é", "logbook", "de bord", "2025-10-21", "DIÁRIO", "ẞ", "Log Book",
             "bit", "di", "a", "á", "cora", "rio", "Bitacora", "_", "LOG"]
    for _ in range(4000):
        tail = "".join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
        lines = [line + "\n" for line in tail.split("\n")]
        slow = [i for i, line in enumerate(lines) if closing_block._LOGBOOK.search(line)]
        low = max(-1, len(lines) - 1 - 40)
        text = "\n".join(line.rstrip("\r\n") for line in lines[low + 1:])
        folded = text.lower()
        odd = any(c in text for c in "\u0130\u0131\u212a\u017f")
        if not odd and not any(w in folded for w in ("log", "journal", "bit", "di")):
            assert not slow, tail
            continue
        t, pattern = (text, closing_block._LOGBOOK) if odd or len(folded) != len(text) else (
            folded, closing_block._LOGBOOK_FOLDED)
        fast = sorted({low + 1 + t.count("\n", 0, m.start()) for m in pattern.finditer(t)})
        assert fast == slow, tail
        if t is folded:  # the lowered tail's matches tried only at the words they open with
            assert sorted(low + 1 + i for i in closing_block.logbook_lines(folded)) == slow, tail


def test_cleaning_ascii_text_by_translate_drops_what_the_category_loop_drops():
    """vocabulary._clean and strip_accents take ASCII text without a loop a character: the same text as the loops,
    on random strings of every ASCII character (controls, symbols, markup) and of letters beyond it."""
    import unicodedata

    from adrtool import vocabulary

    def accents_loop(text):
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))

    def clean_loop(text):  # `_clean` after its markup is removed, as it was written before the ASCII path
        text = "".join(c for c in text if unicodedata.category(c)[0] not in ("S", "C") or c in "\t ")
        return accents_loop(text).strip().lower()

    rng = random.Random(31)
    ascii_chars = [chr(i) for i in range(128)]
    wider = ascii_chars + ["é", "✅", "ﬁ", "Å", "\u0301", "İ", "채", "ﾊﾞ", "\u00a0", "\u2028"]
    for alphabet in (ascii_chars, wider):
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            assert vocabulary.strip_accents(text) == accents_loop(text), repr(text)
            marked = vocabulary._MARKUP.sub("", text)
            if "[" not in text and "<a" not in text and "<A" not in text and "`" not in text:
                assert vocabulary._clean(text) == clean_loop(marked), repr(text)


def test_searches_by_a_rare_character_first_find_what_str_find_finds():
    """text_find.find_after and has_fence_marks give `str.find`'s answer and `in`'s, from every offset, on random texts
    dense in the needles' pieces (each needle cut, doubled, at the start and the end)."""
    from adrtool.text_find import find_after, has_fence_marks

    rng = random.Random(37)
    parts = ["|", " ", "Relat", "| Relat", "(", "q", "u", "(qu", "<", "!--", "<!--", "`", "``", "```", "~", "~~", "~~~",
             "\n", "é", "x", "| Superseding ADR", "Superseding"]
    needles = [("| Relat", 0), ("(qu", 1), ("<!--", 0), ("| Superseding ADR", 0), ("(qu", 0), ("<!--", 2)]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert has_fence_marks(text) == ("```" in text or "~~~" in text), text
        for needle, rare in needles:
            for start in range(len(text) + 2):
                assert find_after(text, needle, rare, start) == text.find(needle, start), (text, needle, start)


def test_the_bodys_headings_taken_from_the_readers_are_those_read_again():
    """common._body_headings reuses the reader's headings below a heading they hold: the same list as reading the
    headings again from there, on random fenced texts, from every start and every line."""
    pieces = ["# T\n", "## Related\n", "```\n", "~~~\n", "  ```\n", "    ```\n", "text\n", "## A ##\n", "```py\n",
              "#x\n", "\n", "- [0002](0002-x.md)\n", "~~~~\n"]
    rng = random.Random(41)
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        lines = text.splitlines(keepends=True)
        for start in range(0, min(3, len(lines))):
            raw = common.RawRecord(path="d/0001-x.md", dialect="nygard", lines=lines, text=text,
                                   heads=headings(lines, start, text))
            for body_start in range(len(lines) + 1):
                got = common._body_headings(raw, body_start, text)
                assert got == headings(lines, body_start, text), (text, start, body_start)
                checked += any(h[0] == body_start - 1 for h in raw.heads)
    assert checked > 3000


def test_passive_sentences_found_at_the_participles_are_those_the_pattern_finds():
    """this_record._passive_matches tries `_PASSIVE` only where a participle's beginning is: the same matches as
    `finditer`, on random texts dense in the participles (cut, in several cases), agents, dates and numbers."""
    from adrtool.dialects import this_record

    rng = random.Random(43)
    parts = ["Superseded", "superseded", "SUPERSEDED", "Amended", "amend", "ed", "replaced", "Remplacée", "modifié", "Modificada",
             "ersetzt", "geändert", "Erweitert", "sustituido", "extended", "supplemented", " ", "\t", " by ", " BY ", " par l'",
             " por el ", " durch ", "ADR", "adr", "-", "0012", "7", "**", "__", " on 2026-07-14", "\n", "x", "İ", "ſ", "é",
             "Superceded", "reemplazado", "Remplacée par l'ADR 7", "superseded by ADR-0012", "Amended on 2026-07-14 by ADR 31",
             "modificado por el ADR 4", "Ersetzt durch ADR 9", "sustituida por ADR 2", "extended by **ADR-5"]
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 16)))
        for offset in (0, 3):
            slow = [(m.span(), m.groups()) for m in this_record._PASSIVE.finditer(text, offset)]
            fast = [(m.span(), m.groups()) for m in this_record._passive_matches(text, offset)]
            assert fast == slow, (text, offset)
            matched += bool(slow)
    assert matched > 500


def test_bold_labels_found_at_their_lines_are_those_the_pattern_finds():
    """related.bold_labels tries `_BOLD_LABEL` only at the lines opening with "**": the same matches as `finditer`."""
    from adrtool.dialects import related

    rng = random.Random(47)
    parts = ["**", "*", "Related", "相关（Related）", ":", "：", " ", "\t", "\n", "\r\n", "\r", "- ", "x", "**Supersedes:**",
             "**Related** :", "  **Amends**：", "***", "[0002](0002-x.md)"]
    matched = 0
    for _ in range(5000):
        body = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        slow = [(m.span(), m.groups()) for m in related._BOLD_LABEL.finditer(body)]
        assert [(m.span(), m.groups()) for m in related.bold_labels(body)] == slow, body
        matched += bool(slow)
    assert matched > 200


def test_a_self_stated_status_found_at_its_openings_is_the_one_the_search_finds():
    """self_status.self_status tries `_SELF_STATUS` only where "This ", "this " or "The proposed " opens: `search`'s match."""
    rng = random.Random(53)
    parts = ["This ", "this ", "The proposed ", "the proposed ", "Th", "is", " ", "\n", "document", "ADR", "decision",
             "steps", "approach", " is ", " has been ", " are ", "now ", "superseded", "approved", "rejected", "x", "\t",
             "This document is superseded", "The proposed steps are approved", "the proposed changes were accepted", "Other"]
    matched = 0
    for _ in range(5000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        for offset in (0, 4):
            slow = self_status._SELF_STATUS.search(text, offset)
            fast = self_status.self_status(text, offset)
            assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups())), (text, offset)
            matched += slow is not None
    assert matched > 500


def test_a_heading_of_letters_and_blanks_is_named_as_the_pattern_cleans_it():
    """nygard._is_named skips `_NOT_WORD.sub` for a heading that is letters, digits and blanks: it removes nothing."""
    from adrtool.dialects import nygard

    rng = random.Random(59)
    alphabet = ["a", "Z", "7", " ", "_", "é", "²", "½", "状", "ß", "\u0301", "-", ".", "\t", "\u00a0", "İ", "٣", "ǅ"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        if text.replace(" ", "").isalnum():
            assert nygard._NOT_WORD.sub("", text) == text, repr(text)


def test_relationship_headers_found_at_their_lines_are_those_the_pattern_finds():
    """relationship_table._headers tries `_HEADER` only at the lines opening with "|": `finditer`'s matches, from
    every offset."""
    from adrtool.dialects import relationship_table

    rng = random.Random(61)
    parts = ["|", " ", "\n", "\t", "Relationship", "RELATIONSHIP", "| Relationship | ADR |", "|\nRelationship|", "x",
             " | ", "|---|", "\r\n", "ADR"]
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        for offset in range(len(text) + 1):
            slow = [(m.span(), m.groups()) for m in relationship_table._HEADER.finditer(text, offset)]
            assert [(m.span(), m.groups()) for m in relationship_table._headers(text, offset)] == slow, (text, offset)
            matched += bool(slow)
    assert matched > 500


def test_relation_verbs_found_at_their_openings_are_those_the_pattern_finds():
    """prose.verb_matches and verb_search try `VERB` only where a phrase's opening is: `finditer`'s and `search`'s
    matches, on random texts of every phrase (whole, cut, in several cases), over random slices."""
    from adrtool.dialects import prose

    rng = random.Random(67)
    phrases = ["superseded by", "Superceded 2026-07-14 by", "replaced by", "ERSETZT DURCH", "remplacée par", "reemplazado por",
               "substituído por", "sostituito da", "被取代", "that supersedes this", "Which replaces this", "abgelöst von",
               "Supersedes", "supercedes", "replaces", "ersetzt", "remplace", "reemplaza", "substitui", "sostituisce",
               "decided to supersede", "Chose to supersede", "Löst [x] ab", "amended by", "supplemented on 2026-01-02 by",
               "extended by", "erweitert durch", "modifiée par", "amendé par", "modificada por", "amends", "supplements",
               "erweitert", "modifie", "Related to:", "related ADRs **:", "relacionados:", "siehe auch:", "voir aussi :",
               "See also:", "ADRs liées:", "reliée à [", "This ADR relates to [", "- related to the decisions [", "related"]
    parts = phrases + [" ", "\n", "-", "x", "[a](0002-x.md)", ":", "İ", "ſ", "é", "ADR-0007", "un", "ing"]
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
        begin = rng.randint(0, len(text))
        end = rng.randint(begin, len(text))
        slow = [(m.span(), m.lastgroup) for m in prose.VERB.finditer(text, begin, end)]
        assert [(m.span(), m.lastgroup) for m in prose.verb_matches(text, begin, end)] == slow, (text, begin, end)
        first = prose.VERB.search(text, begin, end)
        found = prose.verb_search(text, begin, end)
        assert (found and found.span()) == (first and first.span()), (text, begin, end)
        assert [m.span() for m in prose.verb_matches(text)] == [m.span() for m in prose.VERB.finditer(text)], text
        matched += bool(slow)
    assert matched > 150


def test_a_supersession_hint_found_by_substrings_is_the_one_the_pattern_finds():
    """vocabulary._hinted answers as `_SUPERSESSION_HINT.search`, on random texts of its words in several cases."""
    from adrtool import vocabulary

    rng = random.Random(71)
    parts = ["supers", "SUPERC", "Replac", "exceeded by", "Exceeded  by", "ersetz", "Rempla", "reEmpla", "substitu",
             "sostitu", "取代", "替代", "替换", "代替", "sup", "ers", " ", "\n", "x", "ſupers", "İ", "ı", "é", "accepted"]
    hinted = 0
    for _ in range(6000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
        assert vocabulary._hinted(text) == (vocabulary._SUPERSESSION_HINT.search(text) is not None), text
        hinted += vocabulary._hinted(text)
    assert 1000 < hinted < 5900


def _literal_openings(items, room: int = 24) -> set[str]:
    """Every literal text a parsed pattern can open with, up to `room` characters; a "\\0" marks where it stops
    being literal (a class of many characters, a repeat taken once)."""
    import re._constants as sre

    found = {""}
    for op, av in items:
        grown: set[str] = set()
        for pre in found:
            if len(pre) >= room or "\0" in pre:
                grown.add(pre)
            elif op is sre.LITERAL:
                grown.add(pre + chr(av))
            elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                grown.add(pre)
            elif op is sre.SUBPATTERN:
                grown |= {pre + p for p in _literal_openings(av[3], room - len(pre))}
            elif op is sre.BRANCH:
                for alternative in av[1]:
                    grown |= {pre + p for p in _literal_openings(alternative, room - len(pre))}
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                if av[0] == 0:
                    grown.add(pre)  # (taken no times: the rest opens here)
                grown |= {pre + p + "\0" for p in _literal_openings(av[2], room - len(pre))}
            elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
                grown |= {pre + chr(v) for _, v in av}
            else:
                grown.add(pre + "\0")
        found = grown
    return found


def test_every_pattern_tried_at_its_openings_opens_with_one_of_them():
    """`prose.verb_matches` tries `VERB` only where the lowered text holds one of `_VERB_OPENINGS`: a phrase added to
    `_PHRASES` without its opening would never be read (as `addendum to` once was, caught by a truth23 fixture)."""
    import re._parser as sre_parse

    from adrtool.dialects import prose

    from adrtool.dialects import closing_block, self_status

    def unopened(pattern: str, openings: tuple[str, ...], fold: bool) -> list[str]:
        found = _literal_openings(list(sre_parse.parse(pattern, re.IGNORECASE if fold else 0)))
        cut = [o.split("\0")[0] for o in found]
        return [o for o in cut if not any((o.lower() if fold else o).startswith(x) for x in openings)]

    missing = [(relation.name, o) for relation, pattern in prose._PHRASES.items()
               for o in unopened(pattern, prose._VERB_OPENINGS, fold=True)]
    # The same holds of the other patterns tried only where an opening is found.
    missing += unopened(closing_block._LOGBOOK.pattern, closing_block._LOGBOOK_OPENINGS, fold=True)
    missing += unopened(self_status._SELF_STATUS.pattern, self_status._SELF_STATUS_OPENINGS, fold=False)
    assert missing == []

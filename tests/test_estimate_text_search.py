"""The estimates' fast substring tests (`text_scans.contains`, the headings' `#` search) answer as the plain ones do.

They lead a search by one rare character of the needle (memchr) and check each hit in place, so
the cases that matter are texts dense in that character, hits at the very start or end, and a
needle that overlaps itself: random short texts over a small alphabet cover them all.
"""

from __future__ import annotations

import random

import pytest

from adrtool.reasoning import estimate_text, text_scans
from adrtool.reasoning.text_scans import contains

NEEDLES = ["://", "](", "]\n", "~~~", "<!--", "```", "\n--", "\n==", "...", "T\nT", "a:",
           "The change that we're proposing or have agreed to implement."]


@pytest.mark.parametrize("needle", NEEDLES)
def test_contains_is_the_in_operator(needle):
    rng = random.Random(needle)
    alphabet = sorted(set(needle)) + ["a", " "]
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        if rng.random() < 0.2:  # the needle itself somewhere, and texts past four hits of its rare character
            at = rng.randint(0, len(text))
            text = text[:at] + needle + text[at:]
        assert contains(text, needle) is (needle in text), (text, needle)


def test_atx_headings_are_the_multiline_pattern():
    """`_headings` finds a line's leading `#` by memchr and a look at the character before: the same headings
    as the plain multi-line pattern, on texts dense in `#`, line breaks and spaces."""
    import re

    plain = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
    rng = random.Random(7)
    for _ in range(4000):
        text = "".join(rng.choice(["#", "\n", "a", " ", "##", "\n# x"]) for _ in range(rng.randint(0, 14)))
        expected = [(m.start(), m.end(), len(m.group(1)), m.group(2)) for m in plain.finditer(text)]
        assert estimate_text._headings(text, rst=False) == expected or "\n--" in text or "\n==" in text, text


# Pieces of the lines the placeholder pattern's branches are about, and of the lines next to them: one
# placeholder alone, braces, angle brackets and comments, dots, MADR 2's square brackets, links and checkboxes.
PLACEHOLDER_PIECES = ["TODO", "tbd", " N/A.", "{x y}", "<a b>", "...", "\u2026", "[option 1]", "- [ ] item", "[a](b)",
                      "text", "  ", "\r", "> ", "* ", "word word", "{}", "{a|b}", "x" * 20, "]", "[", ":", "-",
                      "<!-- a -->", ">", ".", "\t"]


def test_placeholder_lines_go_line_by_line_as_the_multiline_pattern_takes_them():
    rng = random.Random(11)
    for _ in range(20000):
        text = "\n".join("".join(rng.choice(PLACEHOLDER_PIECES) for _ in range(rng.randint(0, 5)))
                         for _ in range(rng.randint(1, 6)))
        assert estimate_text._without_placeholder_lines(text) == estimate_text._PLACEHOLDER_LINE.sub("", text), text
    # The shapes each branch takes, in a record.
    record = ("# 1. Use X\n\n## Context\n\n{Describe the context}\n<!-- markdownlint-disable MD025 -->\nTBD\n"
              "- Good, because [argument a]\nSee [ADR 2](0002-x.md) for the rest.\nWe will fill this in...\n")
    assert estimate_text._without_placeholder_lines(record) == estimate_text._PLACEHOLDER_LINE.sub("", record)
    assert "{Describe" not in estimate_text._without_placeholder_lines(record)


def test_words_beyond_ascii_are_the_non_word_pattern():
    """`split_words` and `spaced_words` cut a text that is not ASCII where `NON_WORD.sub(" ", text)` does (curly quotes,
    dashes, no-break and wide spaces, accents, Chinese, Cyrillic, underscores and digits beside them)."""
    pieces = ["ab", "Z", "_", "9", " ", "-", ".", ",", "\u2019", "\u201c", "\u2014", "\u00e9", "\u00a0", "\u2003",
              "\u4e2d", "\u0130", "\t", "\n", "://", "](", "\u2026", "\u0422\u0411", "\u00b2", "\u0663", "\U0001f600",
              "\u200b", "\x1c", "\ud800"]
    rng = random.Random(13)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))).lower()
        expected = text_scans.NON_WORD.sub(" ", text)
        words = text_scans.split_words(text)
        assert words == expected.split(), text
        assert text_scans.spaced_words(text, words) == expected, text


def test_heading_patterns_find_what_one_pattern_a_cue_finds():
    """The heading meanings' patterns, their look-behind in front of the words, answer as the alternation of
    each cue's own pattern does, on headings made of the cue words, their plurals and prefixes."""
    import re

    from adrtool.reasoning import meaning

    plain = [re.compile("|".join(meaning._cue_pattern(c) for c in cues)) for _, cues in meaning._HEADING_WORDS]
    words = [c for _, cues in meaning._HEADING_WORDS for c in cues] + ["a", "x", "s", "-", "1.", "\u00e9"]
    rng = random.Random(17)
    for _ in range(3000):
        heading = rng.choice([" ", ""]).join(rng.choice(words) + rng.choice(["", "s", "x", "ing"])
                                             for _ in range(rng.randint(1, 3)))
        for one, (_, fast) in zip(plain, meaning._HEADING_PATTERNS):
            assert (one.search(heading) is None) == (fast.search(heading) is None), heading


def _texts(seed: int, pieces: list[str], count: int, most: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))


def test_addresses_go_as_the_address_pattern_takes_them():
    """`without_addresses` tries the pattern only at each "](" and before each "://": the same text as its `sub`,
    on texts dense in links, schemes, angle brackets and the characters that end an address."""
    pieces = ["](", "://", "http", "https", "<", ">", ")", "(", " ", "\n", "a", "]", "h", "HTTP", "x/y", "\t", "<http"]
    for text in _texts(19, pieces, 20000, 14):
        assert text_scans.without_addresses(text) == text_scans.ADDRESS.sub(" ", text), text


def test_fenced_code_is_what_the_fence_pattern_finds():
    """`fenced_spans` finds each opening line and its closing line by `str.find`: the spans of the pattern, with
    its backtracking (a run of four backticks closed by three), indents of up to three spaces, blanks after the
    closing run, a fence left open, and both fence characters mixed."""
    pieces = ["```", "~~~", "`", "~", "````", " ", "  ", "   ", "    ", "\n", "a", "\t", "\r", "~~~~", "x\n"]
    for text in _texts(23, pieces, 30000, 18):
        assert text_scans.fenced_spans(text) == [m.span() for m in text_scans.FENCED.finditer(text)], text
    record = "# 1. X\n\n````md\n```\ncode\n```\n````\n\n~~~\nopen\n"
    assert estimate_text._blanked(record, text_scans.fenced_spans(record)) == \
        text_scans.FENCED.sub(estimate_text._blank, record)


def test_underlined_headings_are_the_underline_pattern():
    """`underlined_matches` tries the pattern only at the line before each underline: the same matches as its
    `finditer`, on texts dense in underline characters, short and long title lines, and underlines in a row."""
    pieces = ["---", "===", "~~~", "-", "=", "\n", "a", " ", "\t", "#", "*", "+", "^", "\"", "'", "`", "|", "Title",
              "x" * 60, "\r", "\u00a0"]
    for text in _texts(29, pieces, 20000, 16):
        assert [m.span() for m in text_scans.underlined_matches(text)] == \
            [m.span() for m in text_scans.UNDERLINED.finditer(text)], text


def test_bare_placeholder_lines_are_the_multiline_pattern():
    """The bare TODO, TBD and N/A lines are found by the pattern led by a line break (and the first line alone):
    the same line starts as the plain multi-line pattern."""
    pieces = ["TODO", "tbd", "N/A", "n/a", " ", "\t", ">", "*", "+", "-", ".", ":", "\n", "x", "\r", "Tbd", "todo."]
    for text in _texts(31, pieces, 20000, 10):
        plain = {m.start() for m in text_scans._BARE_PLACEHOLDER.finditer(text)}
        assert plain <= set(text_scans.placeholder_line_starts(text)), text
        fast = {m.start() + 1 for m in text_scans._BARE_AFTER_BREAK.finditer(text)}
        assert fast | ({0} if text_scans._BARE_PLACEHOLDER.match(text) else set()) == plain, text

"""Typed links written in a record's prose rather than on a link line (sections and lists of links: `related`).

    This ADR in part supersedes [0003](0003-aws-networking-outline.md).
    **These IP ranges have been superseded by [ADR #0033](0033-ip-ranges.md).**
    Note: this ADR supersedes some aspects of [ADR-15](adr-015-x.md) and [ADR-16](adr-016-y.md).
    - Aterriza en: [...](../modelo.md). Relacionado: [ADR-0006](0006-estrategia.md)

A relation word, then within the same sentence one or more links to files
named like decision records (a number or a date in the name), outside code
fences and HTML comments.  Links to anything else (an issue, a discussion,
a design note) are not decision links.
"""

from __future__ import annotations

import re

from adrtool import record_names
from adrtool.model import Relation
from adrtool.sections import outside_fences
from adrtool.text_find import case_blind_matches, find_after, has_fence_marks

# A passive's date between participle and agent: `*(Amended 2026-07-14 by ADR 0031: ...)*` (Joey9801/coppice-rs
# ce3496752f87 docs/decisions/0003-*.md; `this_record.passive_links` reads the same words before a bare number).
_DATED = r"(?:[ \t]+(?:on[ \t]+)?\d{4}-\d\d(?:-\d\d)?)?"
_PHRASES = {
    # "Document that supersedes this one: [...]" (ionic-team/stencil 160c6ff4fc1a docs/adr/0010-deno-vendoring.md).
    Relation.SUPERSEDED_BY: rf"(?:superseded|superceded|replaced){_DATED} by|ersetzt durch|remplac[ée]e? par|reemplazad[oa] por"
                            r"|substitu[íi]d[oa] por|sostituit[oa] da|被取代|(?:that|which) (?:supersedes|replaces) this"
                            r"|abgelöst (?:durch|von)",
    # "We decided to supersede [ADR-0011](...)" (elastisys/compliantkubernetes 04884fa09dae docs/adr/0046-handle-crds.md).
    Relation.SUPERSEDES: r"supersedes|supercedes|replaces|ersetzt|remplace|reemplaza|substitui|sostituisce"
                         r"|(?:decided|decide|chose|choose) to supersede"
                         # German `ablösen`, its particle after the object: `* Löst [ADR-0005](...) ab` (mi-classroom/
                         # mi-web-technologien-beiboot-ss2020-p2sk 4c45bb7f3f41 docs/adr/0010-*.md, under `## Links`).
                         r"|löst(?=[^\n]{1,200}?\sab\b)",
    # To supplement is to extend without replacing (ADORSYS-GIS/ai-helm c23aafc4258e docs/adr/0011-*.md, under
    # `## Related`: `- **Supplements** [ADR-0005](./0005-per-user-attribution-via-authorino-headers.md)`).
    # `Accepté — **amendé par l'[ADR 0015](...)**` (0xTheOldOne/idelia 7fbdf264e82d docs/adr/0012-style-scss.md).
    # `- **Status**: Accepted (extended by [0007](0007-optional-nostr-buyer-login.md))` (bitbybit-ar/bitbybit-cursa
    # fe0a90794369 docs/architecture/decisions/0006-*.md): the passive only ("extends" is said of code too).
    Relation.AMENDED_BY: rf"(?:amended|supplemented|extended){_DATED} by|erweitert durch|modifi[ée]e? par|amend[ée]e? par|modificad[oa] por",
    # An addendum changes part of a record, the rest standing (defenseunicorns/uds-core c1e3c7523ae8 adrs/0009-*.md:
    # "This is an addendum to [ADR 0002](./0002-uds-core-functional-layers.md), updating the functional layers to:").
    Relation.AMENDS: r"amends|supplements|erweitert|modifie|addendum to"
                     # "Extends" is said of code too, so only with a record's link for its object, and a record that
                     # narrows what another set (dnlcodes4-spec/ThinkRich b91b63a22e23 docs/architecture/decisions/
                     # 0014-*.md: `Narrows the PWA scope set by [ADR-0004](...); extends [ADR-0002](...) with a URL
                     # topology.`; DEFINITIONS, truth28).
                     r"|extends(?=[ \t]+\[)|(?:narrows|refines|restricts)(?=[ \t]+[^.;\n\[]{0,60}?\b(?:set|defined|decided"
                     r"|chosen|established)[ \t]+(?:by|in)[ \t]+\[)",
    # "related to" is common prose ("changes related to schemas"): only as a label, before a colon
    # (`- Related: [ADR-0006](0006-error-handling.md) - Error Handling`, SUNET/go-trust 218de410543a docs/adr/0001-*.md).
    Relation.RELATES_TO: r"(?:relates to|related to|related adrs?|related decisions?|related documents?|related|relacionad[oa]s?|siehe auch"
                         r"|voir aussi|see also|adrs? li[ée]e?s?)(?=\s*(?:\*\*)?\s*:)"  # (French: "related ADR")
                         # or opening a line, a link line's label: `- Relates to [Use Log4brains ...](20210212-...md)`
                         # under `## References` (fire/fire-proposals 664a87cffaab docs/decisions/20210212-use-markdown-
                         # architectural-decision-records.md).
                         # `Relates to decision [0002: Layering Scheme](0002-layering-scheme.md)`, `This relates to decision [...]`
                         # under the title (embvm/embvm-core b4de623b6392 docs/architecture/decisions/0006-*.md, 0010-*.md).
                         # French "related to" before its link: `relié à [ADR 0008](...)` (phikhi/multiplyz b820ae4cdeb4
                         # docs/adr/0009-*.md, in its `**Liens**` bullet).
                         r"|reli[ée]e?s? (?:à|a)(?=\s+(?:l'|l’)?\[)"
                         r"|(?:^|(?<=^[-*+] ))(?:this (?:adr |decision |record )?)?(?:relates to|related to)"
                         r"(?: (?:the )?(?:decisions?|adrs?|records?))?(?=\s+\[)",
}
VERB = re.compile("|".join(f"(?P<{r.name}>\\b(?:{p})\\b)" for r, p in _PHRASES.items()), re.IGNORECASE | re.MULTILINE)
# Every match of `VERB` opens with one of these, lowered: the first letters of each phrase above (a phrase added
# there needs its opening here: tests/test_reading_fast_paths.py reads every phrase's openings from the pattern).
_VERB_OPENINGS = ("supe", "repla", "ersetzt", "rempla", "reempla", "substitu", "sostitu", "被取代", "that", "which", "abgel",
                  "decide", "cho", "löst", "amend", "supplement", "extended", "erweitert", "modifi", "rel", "siehe", "voir",
                  "see also", "adr", "this", "addendum", "extends", "narrows", "refines", "restricts")


def verb_matches(text: str, begin: int = 0, end: int | None = None) -> list:
    """`VERB.finditer(text, begin, end)`, the pattern tried only at its phrases' openings (`case_blind_matches`): its
    forty case-blind alternatives, each opening with `\\b`, cost 65-95 us a long real line (bench/README.md issue 14)."""
    return list(case_blind_matches(VERB, text, _VERB_OPENINGS, begin, end))


def verb_search(text: str, begin: int = 0, end: int | None = None):
    """`VERB.search(text, begin, end)`, as `verb_matches` finds it (the first of them)."""
    return next(case_blind_matches(VERB, text, _VERB_OPENINGS, begin, end), None)


LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CODE_SPAN = re.compile(r"(`+)[^`]+?\1")  # an inline code span shows an example, it links nothing
_SENTENCE_END = re.compile(r"[.!?;](?:\s|\*|$)")


# Lower-case beginnings of every relation phrase above: a few substring searches of a text say
# whether it can hold a relation word at all (a regular expression over a long text would not be cheap).
_STEMS = ("supers", "superc", "replac", "amend", "suppl", "relat", "relac", "ersetz", "erweiter", "rempla", "reempla",
          "substitu", "sostitu", "modifi", "löst", "addendum", "extended by", "extends [", "narrows", "refines", "restricts", "siehe auch", "voir aussi", "see also", "取代", "adr li", "adrs li", "relié")


def _may_relate(lowered: str, begin: int, end: int) -> bool:
    """Whether lowered[begin:end] holds a relation phrase's beginning: a handful of substring searches over one
    line, where `VERB` (a dozen case-blind alternatives tried at every position) costs about 30 us a long line
    of a real record (a fifth of `list`'s parse on real folders, bench/README.md issue 14)."""
    segment = lowered[begin:end]
    for stem in _STEMS:  # (a loop, not `any` over a generator: 21 stems a link line, the generator's frames cost half)
        if stem in segment:
            return True
    return False


def may_relate_line(line: str) -> bool:
    """`_may_relate` over a whole line (or a few); true when lowering changes its length, as `links` had it."""
    lowered = line.lower()
    return len(lowered) != len(line) or _may_relate(lowered, 0, len(lowered))


def relation_positions(text: str) -> list[int]:
    """Offsets in `text` where a relation word may start (each stem's occurrences), sorted."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text  # (a few characters change length when lowered; offsets must match)
    found = []
    for stem in _STEMS:
        at = lowered.find(stem)
        while at >= 0:
            found.append(at)
            at = lowered.find(stem, at + 1)
    return sorted(found)


def decision_file(href: str) -> bool:
    if href.startswith(("http://", "https://", "#", "mailto:")):
        return False
    name = href.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    stem = re.sub(r"\.(?:md|rst)$", "", name)
    if record_names.file_number(stem) is not None:
        return True
    # A dated note in another folder is no record: `[docs/research/2026-07-07-pptx-approaches.md](../research/...)`, a
    # research snapshot (fuj1g0n/slidev-editable-pptx d65e2428e401 docs/adr/0004-*.md), unless a decision folder's.
    return record_names.is_dated_name(stem) and (not href.startswith("../") or _DECISION_FOLDER.search(href) is not None)


_DECISION_FOLDER = re.compile(r"(?:adrs?|decisions?|decision-records?)/[^/]*$", re.IGNORECASE)


def _continues(text: str, begin: int) -> bool:
    """Whether the line at `begin` goes on with the sentence of the line above (not a new item, row or heading).

    An indented line carries a list item's sentence on (Joey9801/coppice-rs ce3496752f87 docs/decisions/0013-job-attempt-
    allocation-state-machines.md: `- **Status:** Accepted; job machine amended by` over `  [ADR 0030](0030-...md); ...`).
    """
    first = text[begin:begin + 1]
    if first in " \t":
        first = text[begin:begin + 12].lstrip(" \t")[:1]
    return begin > 1 and text[begin - 2] != "\n" and (first.islower() or first in "[(")


_ENTRY_OPENS = ("- ", "* ", "+ ")


def _entry_end(text: str, end: int) -> int:
    """Where the list entry whose first line ends at `end` ends: its indented lines that are no new entry, five at most.

    bitbybit-ar/bitbybit-cursa docs/architecture/decisions/0015-sats-settlement-rail.md, under `## References`:
    `- ADR [0002](0002-settlement-via-wapu.md) — the original Wapu-only` over `  decision; the settlement-rail-count
    clause is superseded by this` and `  ADR.` (DEFINITIONS, truth19)."""
    for _ in range(5):
        if text[end + 1:end + 3] != "  " or text[end + 1:end + 12].lstrip(" ")[:2] in _ENTRY_OPENS:
            break
        nxt = text.find("\n", end + 1)
        end = len(text) if nxt < 0 else nxt
    return end


def _paragraph_start(text: str, begin: int) -> int:
    """Where the paragraph holding offset `begin` starts (looking at most 400 characters back)."""
    floor = max(0, begin - 400)
    blank = text.rfind("\n\n", floor, begin)
    if blank >= 0:
        return blank + 2
    return text.find("\n", floor) + 1 if floor else 0


_NEGATED = re.compile(r"\b(?:not|never)\s+$", re.IGNORECASE)


def _mentioned(line: str, start: int, end: int) -> bool:
    """Whether the relation word at line[start:end] is named rather than used: negated, or inside quotation marks.

    ezavgorodniy/social-network-api f07b30b375a1 docs/adrs/0014-read-through-pagination.md: `uses the same "amends,
    not supersedes" relationship introduced in [ADR 13](...)` types no link to ADR 13 (DEFINITIONS, truth29).
    """
    if _NEGATED.search(line, max(0, start - 8), start):
        return True
    return _quoted(line, start, end, '"', '"') or _quoted(line, start, end, "\u201c", "\u201d")


def _quoted(line: str, start: int, end: int, opening: str, closing: str) -> bool:
    """Whether line[start:end] stands between `opening` and the next `closing`, with no link inside the quotation."""
    opened = line.rfind(opening, 0, start)
    if opened < 0 or (line.count(opening, 0, start) % 2 == 0 if opening == closing else closing in line[opened:start]):
        return False  # (no quotation open here: none before, or the last one before was closed)
    shut = line.find(closing, end)
    return shut >= 0 and "](" not in line[opened:shut]


def _with_paragraph(kept: list[tuple[int, str]], n: int) -> str:
    """Line n of `kept` (index, line) with the lines of its paragraph above it, when they hold a relation word.

    aquarist-labs/s3gw docs/decisions/0007-release-process.md at 80f5ba2c25c4: "This document is superseded by
    three different ADRs, covering the same topics / and expanding them: [Release Methodology][adr_methodology], ...".
    """
    index, line = kept[n]
    first = line.lstrip(" ")[:1] if line[:1] == " " else line[:1]  # (an indented line goes on with its item, as in _continues)
    if not first.islower() and first not in "[(" or verb_search(line):
        return line
    above: list[str] = []
    for m in range(n - 1, max(-1, n - 6), -1):
        if kept[m][0] != index - len(above) - 1 or not kept[m][1].strip():
            break
        above.insert(0, kept[m][1])
    joined = "\n".join([*above, line])
    return joined if above and verb_search(joined) else line


def links(lines: list[str], start: int = 0, text: str | None = None,
          known: set[int] | frozenset = frozenset(), own: int | None = None) -> list[tuple[Relation, str, int]]:
    """(relation, target as written, 1-based line) of each typed link in the prose of lines[start:].

    `text`, when the caller has it, is "".join(lines[start:]).  Only lines with a link and
    a relation word can hold one, so those are found with substring searches first; the
    whole text is walked (for fences and comments) only when it has any.  `known` are the
    1-based lines whose links the dialect has read already (its link lines): not looked at again.  `own` is
    the record's number: a sentence whose subject is another record by number states that record's relation.
    """
    if text is None:
        text = "".join(lines[start:])
    at = text.find("](")
    if at < 0:
        return []
    candidates: list[tuple[int, str]] = []  # (0-based index from start, line)
    line_no, counted = 0, 0
    # (Each link line is lowered alone, not the whole body: lowering a real record's 3,800 characters was two thirds
    # of all lowering in `list` on real folders, bench/README.md issue 14, branch w/realparse. A segment whose
    # lowering changes its length goes to the pattern, as the whole body did then.)
    while at >= 0:
        begin = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line_no += text.count("\n", counted, begin)
        counted = begin
        if start + line_no + 1 not in known:
            if may_relate_line(text[begin:end]) and verb_search(text, begin, end):
                candidates.append((line_no, text[begin:end]))
            elif _continues(text, begin) and (lead := _paragraph_start(text, begin)) < begin \
                    and may_relate_line(text[lead:begin]) and verb_search(text, lead, begin):
                candidates.append((line_no, text[lead:end]))  # the sentence began on an earlier line
            elif text[end + 1:end + 3] == "  " and text[begin:begin + 2] in _ENTRY_OPENS \
                    and (stop := _entry_end(text, end)) > end and may_relate_line(text[end:stop]) \
                    and verb_search(text, end, stop):
                candidates.append((line_no, text[begin:stop]))  # the list entry's sentence goes on below its link
        at = text.find("](", end)
    if not candidates:
        return []
    if find_after(text, "<!--", 0) >= 0 or has_fence_marks(text):
        # Comments and fenced code hold no links (templates explain the statuses in them).
        text = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text) if "<!--" in text else text
        kept = list(outside_fences(text.splitlines(), 0))
        candidates = [(i, _with_paragraph(kept, n)) for n, (i, line) in enumerate(kept) if "](" in line]
    found: list[tuple[Relation, str, int]] = []
    for index, line in candidates:
        if "`" in line:
            line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for verb in verb_matches(line):
            relation = Relation[verb.lastgroup]
            if relation is Relation.SUPERSEDED_BY and verb.group(0)[:1] in "wWtT" \
                    and (before := _LINK_THEN_WHICH.search(line[max(0, verb.start() - 300):verb.start()])) \
                    and decision_file(before.group(1)):
                # "see [ADR 0008](0008-x.md), which supersedes this point": the link the clause follows replaces this.
                if not any(r is relation and t == before.group(1) for r, t, _ in found):
                    found.append((relation, before.group(1), start + index + 1))
                continue
            if _subject_is_a_link(line, verb.start()) or _mentioned(line, verb.start(), verb.end()) \
                    or _subject_is_another_number(line, verb.start(), own):
                continue
            by_this = relation in _BY_THIS and _BY_THIS_ONE.match(line, verb.end()) is not None
            if by_this:
                relation = _BY_THIS[relation]  # "ADRs that are partially superseded by this one: [0004](...), ..."
                if line.lstrip(" \t")[:2] in ("- ", "* ", "+ ") and (before := _entry_targets(line, verb.start())):
                    # `- [0008](...) — amended by this ADR.`: the entry's own link, before the verb
                    found.extend((relation, t, start + index + 1) for t in before
                                 if not any(r is relation and x == t for r, x, _ in found))
                    continue
            rest = line[verb.end():]
            # The sentence ends at its full stop (outside the links' own brackets) or the next relation word.
            masked = LINK.sub(lambda m: "x" * len(m.group(0)), rest)
            stops = [m.start() for m in (_SENTENCE_END.search(masked), verb_search(masked)) if m]
            if "(" in line[:verb.start()] and (close := _closing_paren(line, verb.start(), masked)) is not None:
                stops.append(close)
            cited = _cited_from(masked)
            for link in LINK.finditer(rest[: min(stops, default=len(rest))]):
                if decision_file(link.group(2)) and link.start() < cited:
                    item = (relation, link.group(2), start + index + 1)
                    if not any(r is relation and t == item[1] for r, t, _ in found):
                        found.append(item)
    return found


def _closing_paren(line: str, at: int, masked: str) -> int | None:
    """Where in `masked` (the line after the verb at `at`, links masked) the parenthesis the verb stands in closes.

    `> **Implementation note (amendment 2026-07-23, supersedes the 2026-07-22 note):** The aggregate hierarchy has been
    re-unified (see [ADR-0025](...))` (GabrielInnomat/VitalSync docs/architecture/decisions/0006-*.md; DEFINITIONS,
    truth19): the verb's object is the note, the link after the parenthesis is another sentence's."""
    before = LINK.sub("", line[:at])
    depth = before.count("(") - before.count(")")
    if depth <= 0:
        return None
    for i, c in enumerate(masked):
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return i
    return None


# The passive verb's agent this record: the links after it are the records it supersedes or amends (bitbybit-ar/
# bitbybit-cursa fe0a90794369 docs/architecture/decisions/0012-multi-tenant-marketplace.md, under `## References`:
# "- ADRs that are partially superseded by this one:" over `  [0004](0004-static-config-deployment.md),` and two more).
_BY_THIS_ONE = re.compile(r"[ \t]+(?:this|the present)\s+(?:one|adr|decision|record|document)\b", re.IGNORECASE)
_BY_THIS = {Relation.SUPERSEDED_BY: Relation.SUPERSEDES, Relation.AMENDED_BY: Relation.AMENDS}


def _entry_targets(line: str, end: int) -> list[str]:
    """The decision files a list entry links before `end`."""
    return [m.group(2) for m in LINK.finditer(line, 0, end) if decision_file(m.group(2))]


# A link just before the verb is its subject: a relation between two other records (zeroae/zae-limiter docs/adr/100-centralized-
# config.md: "([ADR-118](118-...md) supersedes [ADR-102](102-...md))", and in its table "[ADR-102](102-...md) *(superseded
# by [ADR-118](...))*"), not this record's.
_LINK_BEFORE = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)[\s*_(]*$")
# A relative clause's antecedent: `[ADR 0008](0008-x.md), which supersedes this` (Atypical-Consulting/Koine a408f7d3ec83
# adr/0002-*.md: "see [ADR 0008](...), which supersedes this point").
_LINK_THEN_WHICH = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)[*_]*,?[ \t]*$")
# The verb's object a thing, its records cited in parentheses after it: "The original per-limit `#LIMIT#` config keys
# were replaced by composite `#CONFIG` items ([ADR-114](...), [ADR-115](...))" (zae-limiter 100): no record replaces this.
_CITED = re.compile(r"[^\W\d_][^\W\d_`' -]*[ \t`]+[^(\d]*?\(x")


def _subject_is_a_link(line: str, at: int) -> bool:
    if line.rfind(")", 0, at) < 0:
        return False
    m = _LINK_BEFORE.search(line[max(0, at - 300):at])
    return m is not None and decision_file(m.group(1))


# Another record by number as the subject of a passive: "**Note:** ADR-0009 was subsequently superseded by [ADR-0010]
# (0010-...md)" (euforicio/adr-demo aed396017740 adr/0008-use-mongodb-for-session-storage.md; DEFINITIONS, truth31).
_NUMBER_SUBJECT = re.compile(r"\bADR[-\s#\u2011]*0*(\d{1,5})\**[ \t]+(?:(?:was|is|has been|had been|got)[ \t]+)?"
                             r"(?:[a-z]+ly[ \t]+)?$", re.IGNORECASE)


def _subject_is_another_number(line: str, at: int, own: int | None) -> bool:
    if line.find("DR", max(0, at - 60), at) < 0:  # (a literal first: most relation words follow no `ADR-n`)
        return False
    m = _NUMBER_SUBJECT.search(line, max(0, at - 60), at)
    return m is not None and int(m.group(1)) != own


def _cited_from(masked: str) -> int:
    """Where links after the verb stop being its object: at a parenthesis opened after words naming no record
    (`masked` is the rest of the line after the verb, its links masked as x's)."""
    m = _CITED.match(masked.lstrip(" \t*_:"))
    if m is None or "adr" in m.group(0).lower() or "decision" in m.group(0).lower() or "record" in m.group(0).lower():
        return len(masked) + 1
    return len(masked) - len(masked.lstrip(" \t*_:")) + m.end() - 2


# Japanese states the relation after the link: `[ADR-002: ...](ADR-002-per-connection-management.md) によって破棄`
# ("discarded by ADR-002", touka-aoi/parallel-vs-single d52ee2b4b525 docs/adr/ADR-001-heartbeat.md).
_POSTFIX_SUPERSEDED = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)\s*(?:によって|により)(?:破棄|置き換え|置換|廃止|代替)")


# And "this ADR abolishes (an item of) ADR-0000": `ADR-0000 の「...」\n  の一項は本 ADR により廃止する。` (fuj1g0n/slidev-editable-pptx
# d65e2428e401 docs/adr/0014-single-adr-log-and-requirements-dir.md): the records the sentence names, superseded.
_BY_THIS_ADR = re.compile(r"本\s*ADR\s*(?:によって|により)(?:破棄|置き換え|置換|廃止|代替)")


# French puts it in a relative clause after the link: `[ADR 0003](./0003-x.md) (qu'il **étend**)`, "which it extends"
# (phikhi/multiplyz b820ae4cdeb4 docs/adr/0004-*.md, in its `**Liens**` bullet).
_POSTFIX_CLAUSE = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)\s*\(qu['’](?:il|elle)\s+(?:\*\*|_)?(étend|amende|modifie|complète"
                             r"|remplace)(?:\*\*|_)?\s*\)", re.IGNORECASE)
_CLAUSE_RELATIONS = {"remplace": Relation.SUPERSEDES}  # (the others extend it: amends)


def postfix_links(text: str, offset: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """Links whose relation word follows the link (`[...](x.md) によって破棄`, superseded-by; `[...](x.md) (qu'il
    étend)`, amends), and supersedes links to the records a sentence ending `本 ADR により廃止する` names;
    `first_line` is the 1-based line at `offset`."""
    found = [(Relation.SUPERSEDED_BY, m.group(1), first_line + text.count("\n", offset, m.start()))
             for m in _POSTFIX_SUPERSEDED.finditer(text, offset) if decision_file(m.group(1))]
    for m in _POSTFIX_CLAUSE.finditer(text, offset) if find_after(text, "(qu", 1, offset) >= 0 else ():
        if decision_file(m.group(1)):
            found.append((_CLAUSE_RELATIONS.get(m.group(2).lower(), Relation.AMENDS), m.group(1),
                          first_line + text.count("\n", offset, m.start())))
    for m in _BY_THIS_ADR.finditer(text, offset) if text.find("本", offset) >= 0 else ():
        begin = max(text.rfind("。", offset, m.start()), text.rfind("\n\n", offset, m.start()),
                    text.rfind("\n- ", offset, m.start()), text.rfind("\n* ", offset, m.start()), offset)
        for ref in PLAIN_ADR.finditer(text, begin, m.start()):
            if not any(t == ref.group(1) for _, t, _ in found):
                found.append((Relation.SUPERSEDES, ref.group(1), first_line + text.count("\n", offset, ref.start())))
    return found



# A sentence whose subject is `It`, the one record the sentence before it links (2002Bishwajeet/yantra docs/adr/0016-*.md,
# in an amendment note: `... is [ADR-0017](0017-x.md), which proposes taking the caller's address from ...** It amends how
# the caller's address is *obtained* in decisions 2 and 4`; DEFINITIONS, truth24): that record amends (supersedes) this
# one.  Not when the `It` sentence links a record itself (its object), nor when the sentence before is this record's.
IT_MARKS = ("It amends ", "It supersedes ")
_IT_RELATIONS = {"amends": Relation.AMENDED_BY, "supersedes": Relation.SUPERSEDED_BY}
_IT_SENTENCE = re.compile(r"(?:^|(?<=[.!?*_)] )|(?<=^> ))It (amends|supersedes) ", re.MULTILINE)
_THIS_ONES = re.compile(r"\b(?:this|the present) (?:adr|record|decision|document)\b|\bwe\b", re.IGNORECASE)


def pronoun_links(text: str, offset: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """Links of `It amends ...` sentences (above); the caller has found one of `IT_MARKS` in the text."""
    found: list[tuple[Relation, str, int]] = []
    for m in _IT_SENTENCE.finditer(text, offset):
        stop = _SENTENCE_END.search(text, m.end())
        if "](" in text[m.end():stop.start() if stop else len(text)]:
            continue  # `It supersedes [ADR-0003](...)`: its own object
        begin = max(text.rfind(". ", offset, m.start() - 2), text.rfind("\n\n", offset, m.start()),
                    text.rfind("\n>\n", offset, m.start()), offset)
        before = text[begin:m.start()]
        targets = [link.group(2) for link in LINK.finditer(before) if decision_file(link.group(2))]
        if len(targets) == 1 and not _THIS_ONES.search(before):
            found.append((_IT_RELATIONS[m.group(1)], targets[0], first_line + text.count("\n", offset, m.start())))
    return found


# A record named by number in prose (`ADR-0007`, `adr 12`), shared with `related`.
# A project code may stand between ADR and the number, and a non-breaking hyphen for a hyphen (`**ADR-SUI-0007**`,
# `ADR‑SUI-0006`: DFE-Digital/single-unique-identifier 5426ff918506 Docs/Architecture decisions/Systems landscape/).
PROJECT_CODE = r"(?:(?-i:[A-Z]{2,6})[-\u2011])?"
PLAIN_ADR = re.compile(r"\bADR[-\s#\u2011]*" + PROJECT_CODE + r"(\d{1,5})\b", re.IGNORECASE)

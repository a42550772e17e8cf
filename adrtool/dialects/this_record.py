"""Sentences whose subject is this record, naming another by number without a link.

    - This supersedes ADR 0002's Decision 3 on the specific point that ...
    This **amends** ADR 0011's Consequences rather than superseding the ADR: ...

(Atypical-Consulting/Koine a408f7d3ec83 adr/0008-*.md, adr/0012-*.md.)  The subject is `This` alone or `This
ADR`/`record`/`decision`, the verb in the present tense, bold or not, and the object `ADR N` (a possessive after it changes
nothing; a linked `[ADR N](...)` is prose's).  The relation is the verb's: supersedes, replaces -> supersedes; amends, extends
-> amends.  The caller looks for ` ADR` first (one substring search); the pattern opens with a literal, which the
regular expression engine scans for as fast.
"""

from __future__ import annotations

import re

from adrtool.model import Relation
from adrtool.text_find import case_blind_matches

# An adverb may stand before the verb: `This ADR formally supersedes **ADR-0002**, whose Status header is updated`
# (ArtheosClub/Bizzi_Project d7bc8abc67ae docs/adr/0007-*.md; truth35).
# The object a part of the record, named: `This amends the lifecycle ownership part of ADR-0003.` (1170082607/DQAgent
# docs/adr/0008-*.md; DEFINITIONS, truth24); `This decision extends the authoring-surface half of ADR-0002`
# (VictorHueni/homemade-claude-kit f014fbaef661 docs/architecture/decisions/adr-0005-*.md; truth26).
_PART_OF = r"(?:the[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:part|parts|section|sections|aspect|aspects|point|points|portion|half|halves)[ \t]+of[ \t]+)?"
_ADVERB = (r"(?:(?:formally|explicitly|officially|effectively|partially|partly|fully|largely|hereby|also|now|thus|"
           r"therefore)[ \t]+)?")
_SENTENCE = re.compile(
    r"This(?:[ \t]+(?:ADR|record|decision|document))?[ \t]+" + _ADVERB + r"(?:\*\*|__)?(supersedes|replaces|amends|extends)(?:\*\*|__)?"
    r"[ \t]+" + _PART_OF + r"(?:\*\*|__)?ADR[-\s#\u2011]*(?:(?-i:[A-Z]{2,6})[-\u2011])?(\d{1,5})\b")
# This record as the subject of a second clause, `it` (Maxjiang03/Trustworthy-Agentic-Communication adr/0011-*.md:
# `This ADR closes both; it **extends** ADR 0003/0009 and re-opens neither`; 0012-*.md: `This ADR settles it; it extends
# the\nADR 0009 classification`; DEFINITIONS, truth20).  `the` may stand before the object, a slash join its numbers.
_IT_CLAUSE = re.compile(
    r"This[ \t]+(?:ADR|record|decision|document)\b[^.\n]{0,80}?[;,][ \t]+it[ \t]+(?:\*\*|__)?(supersedes|replaces|amends|extends)"
    r"(?:\*\*|__)?\s+(?:the\s+)?ADR[-\s#]*(\d{1,5})\b")
_SLASHED = re.compile(r"/(\d{1,5})\b")
_RELATIONS = {"supersedes": Relation.SUPERSEDES, "replaces": Relation.SUPERSEDES,
              "amends": Relation.AMENDS, "extends": Relation.AMENDS}


def links(text: str, offset: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """(relation, number as written, 1-based line) of each such sentence; `first_line` is the line of text[offset]."""
    found: list[tuple[Relation, str, int]] = []
    for m in _SENTENCE.finditer(text, offset):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # (`\b` before the literal would cost the engine its fast literal scan)
        _add_listed(found, text, m, _MORE, first_line + text.count("\n", offset, m.start()))  # `ADR-0118, ADR-0069, and ...`
    if text.find("; it ", offset) >= 0 or text.find(", it ", offset) >= 0:
        for m in _IT_CLAUSE.finditer(text, offset):
            _add_listed(found, text, m, _SLASHED, first_line + text.count("\n", offset, m.start()))  # `ADR 0003/0009`
    if (text.find(" supersedes only ", offset) >= 0 or text.find(" replaces only ", offset) >= 0) \
            and (head := text.find("\n#", offset)) != offset:  # (above the first heading only)
        head = len(text) if head < 0 else head
        for m in _OTHER_SUPERSEDES_ONLY.finditer(text, offset, head):
            stop = text.find(". ", m.end(), head)
            if not _OTHER_SUBJECT.search(text, m.end(), head if stop < 0 else stop):
                _add(found, Relation.SUPERSEDED_BY, m.group(1), first_line + text.count("\n", offset, m.start()))
    if text.find("本", offset) >= 0:  # `本 ADR 取代了`ADR-003`和`ADR-005``: this record supersedes those it names
        for m in _THIS_ADR_SUPERSEDES.finditer(text, offset):
            stop = min(x for x in (text.find("。", m.end()), text.find("\n", m.end()), len(text)) if x >= 0)
            for ref in _OTHER_SUBJECT.finditer(text, m.end(), stop):
                _add(found, Relation.SUPERSEDES, _NUMBER.search(ref.group(0)).group(0),
                     first_line + text.count("\n", offset, ref.start()))
    if text.find("d into ADR", offset) >= 0 or text.find("d into [ADR", offset) >= 0:
        for m in _MERGED_INTO.finditer(text, offset):
            _add(found, Relation.SUPERSEDED_BY, m.group(1), first_line + text.count("\n", offset, m.start()))
    _other_record_links(found, text, offset, first_line)
    _more_other_record_links(found, text, offset, first_line)
    if _adr_after(text, offset, _ENTRY_WORDS):  # (a mark of `_ENTRY_MARKS`)
        for pattern in (_ENTRY, _ASIDE):
            for m in pattern.finditer(text, offset):
                _add(found, _RELATIONS[m.group(1).lower()], m.group(2), first_line + text.count("\n", offset, m.start()))
    return found


def _add_listed(found: list[tuple[Relation, str, int]], text: str, m, more_pattern, line: int) -> None:
    """The relation of `m` (its verb, group 1) to its number (group 2) and to every number `more_pattern` reads after it."""
    relation, targets, at = _RELATIONS[m.group(1)], [m.group(2)], m.end()
    while more := more_pattern.match(text, at):
        targets.append(more.group(1))
        at = more.end()
    for target in targets:
        _add(found, relation, target, line)


def _add(found: list[tuple[Relation, str, int]], relation: Relation, target: str, line: int) -> None:
    """Append the link unless `found` holds it already (the same relation and target, on any line)."""
    if not any(r is relation and t == target for r, t, _ in found):
        found.append((relation, target, line))


# A list entry whose verb has no subject, this record's (bitbybit-ar/bitbybit-cursa fe0a90794369 docs/architecture/
# decisions/0014-marketplace-open-to-all-logged-in-users.md, under `## References`: `- Supersedes ADR 0008
# (merchant-admin-dashboard) — the panel surface ...`). Looked for only when a verb stands before `ADR` (str.find).
_ENTRY_MARKS = ("upersedes ADR", "eplaces ADR", "mends ADR", "xtends ADR")
_ENTRY_WORDS = tuple(mark[:-3] for mark in _ENTRY_MARKS)  # (each mark before its "ADR", for `_adr_after`)
assert all(mark.endswith("ADR") for mark in _ENTRY_MARKS)
_ENTRY = re.compile(r"^[ \t]*[-*+][ \t]+(?:\*\*|__)?(Supersedes|Replaces|Amends|Extends)(?:\*\*|__)?[ \t]+ADR[-\s#]*(\d{1,5})\b",
                    re.MULTILINE)


# A parenthesis whose verb has no subject, this record's, after at most a few words and a comma (goldh0rse/trellis
# docs/architecture/decisions/0005-*.md: `**Adapter invariant (restated, supersedes ADR-0003 on this point):**`;
# DEFINITIONS, truth19).  `(see ADR-0005, which supersedes ADR-0003)` has a subject, `which`: not this record.
_ASIDE = re.compile(r"\((?:[a-z][a-z \t-]{0,30}[,;][ \t]*)?(supersedes|replaces|amends|extends)[ \t]+ADR[-\s#]*(\d{1,5})\b")


# Another record the subject, this one's decision the object, in a note above the first section: `Phase 3's ADR-0003
# supersedes only the decision that `AgentApplication` owns the loop. The tool contract, ... remain accepted.`
# (1170082607/DQAgent docs/adr/0002-*.md; DEFINITIONS, truth24): a partial supersession, superseded-by ADR-0003.
# `only` marks a part of this record; a sentence naming a further record (`... the decision of ADR-0001`) is theirs.
_OTHER_SUPERSEDES_ONLY = re.compile(r"\bADR[-\s#]*(\d{1,5})[ \t]+(?:supersedes|replaces)[ \t]+only[ \t]+(?:the|this|that|its)[ \t]+"
                                    r"(?:decision|choice|part|point|rule)\b")


# Chinese, this record the subject, the records it supersedes after the verb (wozonet1/helixpipe docs/adr/006-*.md:
# `因此，本 ADR 取代了`ADR-003`和`ADR-005`作为顶层的数据模型设计决策。`; DEFINITIONS, truth24), to the sentence's end.
_THIS_ADR_SUPERSEDES = re.compile(r"本[ \t]*(?:ADR|决策|记录|文档)[ \t]*(?:\*\*)?(?:取代|替代|替换|代替)了?")
_NUMBER = re.compile(r"\d{1,5}")


# This record merged into another, opening its line or a label's value: `Disposition: Merged into ADR-0001;
# implementation guidance moved to standards/...` under `Status: Rejected` (CamilaParedes23/banquito-ADR docs/adr/
# microservicios-cloud/adr-0003-*.md, whose 0001 says `Supersedes: ADR-0003 como decisión independiente`; DEFINITIONS,
# truth19): superseded-by.  `Merged with ADR-0011 into a single testing standard` merges both into a non-record: none.
_MERGED_INTO = re.compile(r"^[ \t]*(?:[-*+>][ \t]+)?(?:(?:\*\*|__)?[^\W\d_][\w \t]{0,30}:(?:\*\*|__)?[ \t]*)?"
                          r"(?:\*\*|__)?(?:Merged|Folded|Absorbed|Consolidated)[ \t]+into[ \t]+\[?ADR[-\s#]*(\d{1,5})\b",
                          re.MULTILINE | re.IGNORECASE)


# (45ck/Portarium docs/internal/adr/ADR-0142-approval-execution-atomic-claim-cas.md: "This ADR extends ADR-0118,
# ADR-0069, and ADR-0101.")
_MORE = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)ADR[-\s#]*(\d{1,5})\b")


# The passive, this record the one changed: `*(Amended 2026-07-14 by ADR 0031: that JSON is handwritten ...)*`
# (Joey9801/coppice-rs ce3496752f87 docs/decisions/0003-protobuf-serialization-and-cluster-version-gates.md).  The
# participle, a date it may carry (`on 2026-07-14`), the agent word, `ADR N`.  A sentence whose subject is another
# record (`ADR 0005 was superseded by ADR 0007`) relates those two, not this one.  Each language's words come from
# `_PASSIVES` (participle -> relation) and `_AGENTS` (the word before `ADR`, as the guards' literals).
_PASSIVES = {
    "amended": Relation.AMENDED_BY, "supplemented": Relation.AMENDED_BY, "extended": Relation.AMENDED_BY,
    "superseded": Relation.SUPERSEDED_BY, "superceded": Relation.SUPERSEDED_BY, "replaced": Relation.SUPERSEDED_BY,
    "geändert": Relation.AMENDED_BY, "erweitert": Relation.AMENDED_BY, "ersetzt": Relation.SUPERSEDED_BY,
    "modifié": Relation.AMENDED_BY, "modifiée": Relation.AMENDED_BY, "amendé": Relation.AMENDED_BY,
    "amendée": Relation.AMENDED_BY, "remplacé": Relation.SUPERSEDED_BY, "remplacée": Relation.SUPERSEDED_BY,
    "modificado": Relation.AMENDED_BY, "modificada": Relation.AMENDED_BY, "reemplazado": Relation.SUPERSEDED_BY,
    "reemplazada": Relation.SUPERSEDED_BY, "sustituido": Relation.SUPERSEDED_BY, "sustituida": Relation.SUPERSEDED_BY,
    # A later record narrowing one part of this one, as `Revises` (NotUserFriendly/final-multiplex 5693625dfdc9
    # docs/decisions/0012-*.md: `- **Scoped by ADR-0024** — the core-owned resize-to-tile applies to the compositor path
    # only`; DEFINITIONS, truth26). `Refined by ADR-0016` stays untyped, as `Refines` does.
    "scoped": Relation.AMENDED_BY,
}
_AGENTS = ("by ADR", "by **ADR", "durch ADR", "par l'ADR", "par l’ADR", "par ADR", "por el ADR", "por ADR")
_PASSIVE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(_PASSIVES, key=len, reverse=True)) + r")(?:\*\*|__)?"
    r"(?:[ \t]+(?:on[ \t]+|am[ \t]+|le[ \t]+|el[ \t]+)?\d{4}-\d\d(?:-\d\d)?)?[ \t]+(?:by|durch|par|por)[ \t]+(?:l['’]|el[ \t]+)?"
    r"(?:\*\*|__)?ADR[-\s#]*(\d{1,5})\b", re.IGNORECASE)
# The participle opens its clause (a line, a list item, a parenthesis, a table cell, after a colon or a dash) or
# follows this record as the subject (`This part was amended ...`, `This ADR is superseded ...`).
# Or `As` opens the sentence before it, this record's text as another changed it (akonwi/ard f01ae7ec7148 docs/adrs/
# 0009-support-traits-for-shared-behavior.md: "As amended by ADR 0065, a trait method that permits receiver mutation
# declares ..."); `the schema as amended by ADR 5` is a thing's change, not this record's.
_OPENS_CLAUSE = re.compile(r"(?:^|[(|:;—–]|^[ \t]*(?:[-*+]|\d+[.)]))[ \t*_]*$|(?:^|[.!?:;][ \t]+|^[ \t]*[-*+][ \t]+)As$")
_THIS_IS = re.compile(r"\b(?:this|diese[rs]?|cette|cet|este|esta)(?:[ \t]+(?:adr|record|decision|document|part|section"
                      r"|entscheidung|décision|decisión|parte))?[ \t]+(?:is|was|has[ \t]+been|ist|wurde|est|a[ \t]+été|fue|es)"
                      r"(?:[ \t]+(?:now|partly|partially|in[ \t]+part|teilweise|en[ \t]+partie|parcialmente))?$", re.IGNORECASE)
_OTHER_SUBJECT = re.compile(r"\bADR[-\s#]*\d{1,5}\b", re.IGNORECASE)


def _adr_after(text: str, offset: int, words: tuple[str, ...]) -> bool:
    """Whether one of `words` followed by "ADR" is in `text` from `offset`: each "ADR" found once and the words before
    it looked at (`str.endswith` over the text from `offset`), one pass over a body instead of a search for each phrase
    (on real records, with their many ` ADR`, those searches cost a third of this module; bench/README.md issue 14)."""
    at = text.find("ADR", offset)
    while at >= 0:
        if text.endswith(words, offset, at):
            return True
        at = text.find("ADR", at + 1)
    return False


_AGENT_WORDS = tuple(agent[:-3] for agent in _AGENTS)  # ("by ", "by **", "durch ", ...: each agent before its "ADR")
assert all(agent.endswith("ADR") for agent in _AGENTS)


# The beginnings of `_PASSIVES`' participles, lowered: every match of `_PASSIVE` opens with one.
_PARTICIPLE_STEMS = ("amend", "supplemented", "extended", "supersed", "superced", "replaced", "geändert", "erweitert",
                     "ersetzt", "modifi", "rempla", "reempla", "sustitu", "scoped")
assert all(word.startswith(_PARTICIPLE_STEMS) for word in _PASSIVES)


def _passive_matches(text: str, offset: int) -> list:
    """`_PASSIVE.finditer(text, offset)`, the pattern tried only at a participle's beginning (`case_blind_matches`):
    its case-blind alternation behind a look-behind cost 500 us over a long real record (bench/README.md, issue 14)."""
    return list(case_blind_matches(_PASSIVE, text, _PARTICIPLE_STEMS, offset))


def passive_links(text: str, offset: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """(relation, number as written, 1-based line) of each `Amended [DATE] by ADR N` / `Superseded by ADR N` naming
    this record's changer by number; the caller has found ` ADR` in the text, this looks only if an agent word is there."""
    if not _adr_after(text, offset, _AGENT_WORDS):
        return []
    found: list[tuple[Relation, str, int]] = []
    for m in _passive_matches(text, offset):
        if m.start() and text[m.start() - 1] in "`'\"":
            continue  # a status quoted (`` `superseded by ADR-0010` ``), as code or words, states nothing here
        line_start = max(text.rfind("\n", offset, m.start()) + 1, offset)
        lead = text[line_start:m.start()].rstrip(" \t*_")
        if not (_OPENS_CLAUSE.search(lead) or _THIS_IS.search(lead)):
            continue  # a thing is the subject: `the tag model is superseded by ADR-0055` (ADORSYS-GIS/ai-helm 0132)
        if _OTHER_SUBJECT.search(lead):
            continue  # `- [ADR-0004](...) — Original decision (superseded by ADR-0009)`: another record's change
        _add(found, _PASSIVES[m.group(1).lower()], m.group(2), first_line + text.count("\n", offset, m.start()))
    return found


# Another record the subject of a list entry, this decision the object (cadesalaberry/vitest-sentry-reporter
# b9b529c6b74c docs/decisions/0006-*.md, under `## References`: `- ADR-0011: Make the release workflow reusable by
# forks (...) — supplements this decision so forks can publish ...`; DEFINITIONS, truth28): amended-by, or
# superseded-by for `supersedes this decision`.  The entry's title may run on to the next line, never past a period,
# a blank line, a heading or the next entry.
_ENTRY_CHANGES_THIS = re.compile(
    r"^[ \t]*[-*+][ \t]+(?:\*\*|__)?\[?ADR[-\s#]*(\d{1,5})\b(?:[^\]\n]*\]\([^)\s]*\))?"
    r"(?:[^.\n]|\n(?![ \t]*(?:[-*+][ \t]|\n|#))){0,240}?[ \t—–:-]"
    r"(supplements|amends|extends|supersedes|replaces)\s+this[ \t]+(?:decision|ADR|record|document)\b", re.MULTILINE)
_CHANGES_THIS = {"supplements": Relation.AMENDED_BY, "amends": Relation.AMENDED_BY, "extends": Relation.AMENDED_BY,
                 "supersedes": Relation.SUPERSEDED_BY, "replaces": Relation.SUPERSEDED_BY}
# This record changing another and saying it does not replace it: `un nouvel ADR, qui référence et complète
# l'ADR-0005 sans le remplacer` (JuriSOK/OpenPortfolio 84412bde1154 docs/decisions/0011-*.md; DEFINITIONS, truth27),
# in English `complements ADR 5 without replacing it`: amends.  A clause naming another record before the verb
# (`ADR-0007 complète l'ADR-0005 ...`) is that record's.
_WITHOUT_REPLACING = re.compile(
    r"\b(?:complète|complete|complements|amende|amends|modifie|modifies|étend|extends|précise|refines)[ \t]+(?:l['’])?"
    r"ADR[-\s#]*(\d{1,5})\b[^.;\n]{0,80}?\b(?:sans[ \t]+(?:le|la|les)[ \t]+remplacer|without[ \t]+(?:replacing|superseding))",
    re.IGNORECASE)
# The record this one changes, named earlier in the sentence, then `that ADR is amended rather than superseded`
# (J5kinner/Bushwhacker 7e13d310f95a docs/decisions/0011-*.md: `This overrides ADR 0005's rejection of the package;
# that ADR is amended rather than superseded, so ...`; DEFINITIONS, truth27): amends, when one record is named.
_AMENDED_NOT_SUPERSEDED = re.compile(
    r"\b(?:that|the|this|said)[ \t]+(?:ADR|record|decision)[ \t]+(?:is|was|gets)[ \t]+amended,?[ \t]+"
    r"(?:rather[ \t]+than|not|instead[ \t]+of[ \t]+(?:being[ \t]+)?)[ \t]*(?:supersed|replac)", re.IGNORECASE)
# This record changing "that decision", the one the sentence before (or the clause before) names (msulzbrgr/kiro-fishing
# cb2b96867081 docs/adr/0005-*.md: `ADR-0003 established that OSM and Leaflet are the map stack; this ADR extends that
# decision to cover ...`; rancher/turtles b2e1223c8da2 docs/adr/0011-*.md: `[ADR #8](./0008-...) proposes usage of ...
# This ADR extends on the idea, ...`; DEFINITIONS, truth30): its verb's relation, when one record is named there.
_CHANGES_THAT = re.compile(
    r"\b[Tt]his[ \t]+(?:ADR|record|decision|document)[ \t]+(?:\*\*|__)?(extends|amends|supersedes|replaces)(?:\*\*|__)?"
    r"(?:[ \t]+on)?[ \t]+(?:that|the|this|its)[ \t]+(?:decision|idea|approach|design|choice|record|ADR|proposal)\b")
_THAT_MARKS = ("extends th", "extends on th", "amends th", "supersedes th", "replaces th")
# Other records the subject, this one's effect on them told in the passive with no agent (kristofdegrave/homeassistant-
# smart-charging 623bcf3ea51c docs/adl/0015-*.md: `ADR-0002 and ADR-0010 are **extended, not superseded**:`;
# DEFINITIONS, truth30): this record amends each.  `ADR-0010 was extended by ADR-0012` has an agent: `passive_links`'.
_ARE_CHANGED = re.compile(
    r"\bADR[-\s#]*(\d{1,5})\b((?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|/)ADR[-\s#]*\d{1,5}\b)*)[ \t]+(?:is|are)[ \t]+"
    r"(?:\*\*|__)?(?:extended|amended|supplemented)(?:\*\*|__)?(?=[,.:;]|[ \t]+(?:not|rather)\b)")
_CHANGED_MARKS = ("re extended", "re **extended", "is extended", "is **extended", "re amended", "re **amended",
                  "is amended", "is **amended")
# Another record marked superseded with no agent, or its scope extended, by this record's decision (skijima404/
# architecture-review-knowledge 254e72487980 docs/adr/adr-0004.md: `ADR-0001 is marked as **Superseded** and retained
# only as historical documentation`, `ADR-0002 remains **Accepted** ..., but its scope is extended to cover ...`;
# DEFINITIONS, truth36): this record supersedes the first and amends the second.  With an agent (`... superseded by
# ADR-0007`) the relation is the agent's, not this record's.
_MARKED_SUPERSEDED = re.compile(
    r"\bADR[-\s#]*(\d{1,5})\b[ \t]+(?:is|was)[ \t]+(?:now[ \t]+|hereby[ \t]+)?marked[ \t]+as[ \t]+(?:\*\*|__)?[Ss]uperseded"
    r"(?:\*\*|__)?(?!(?:\*\*|__)?[ \t]+by\b)")
_SCOPE_EXTENDED = re.compile(r"\bADR[-\s#]*(\d{1,5})\b[^.\n]{0,160}?\bits[ \t]+scope[ \t]+is[ \t]+(?:extended|broadened|widened)\b")
# This record (`It`, opening a sentence after one about it) relating to another by number (kristofdegrave/homeassistant-
# smart-charging 623bcf3ea51c docs/adl/0004-*.md: `... this ADR now makes explicit and justifies. It\nalso relates to
# ADR-0003 (adapter layer ...)`; DEFINITIONS, truth30): relates-to.  `depends on` stays untyped.
_RELATES_TO = re.compile(r"(?:^|(?<=[.!?][ \t\n]))(?:It|This[ \t]+(?:ADR|record|decision|document))(?:\s+also)?\s+"
                         r"relates\s+to\s+ADR[-\s#]*(\d{1,5})\b", re.MULTILINE)
# Another record a list entry's subject, this record the relative clause closing it (nofuturekid/nova 2e483a7db27c
# docs/adr/0012-*.md, under `## References`: `- ADR-0008 — the in-app updater this ADR extends.`; DEFINITIONS,
# truth32): this record amends it, or supersedes it for `this ADR replaces`.
_ENTRY_THIS_CHANGES = re.compile(
    r"^[ \t]*[-*+][ \t]+(?:\*\*|__)?\[?ADR[-\s#]*(\d{1,5})\b(?:[^\]\n]*\]\([^)\s]*\))?(?:\*\*|__)?[ \t]*[—–:-][^.\n]{0,200}?"
    r"[ \t]this[ \t]+(?:ADR|decision|record|document)[ \t]+(extends|amends|supersedes|replaces)[ \t]*[.;]?[ \t]*\r?$",
    re.MULTILINE)
_ENTRY_THIS_MARKS = ("extends.\n", "extends\n", "amends.\n", "supersedes.\n", "replaces.\n")
# The same with `it` after the verb, another record the line's subject (Infer-Lab/inferlab e3d28d138550
# docs/adr/ADR-0003.md: `- [ADR-0002](../adr/ADR-0002.md) remains historical context after this ADR supersedes it.`;
# DEFINITIONS, truth39): the one record the line opens with is the object.
_ENTRY_THIS_CHANGES_IT = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?\[?ADR[-\s#]*(\d{1,5})\b(?:[^\]\n]*\]\([^)\s]*\))?(?:\*\*|__)?[^.\n]{0,200}?"
    r"[ \t]this[ \t]+(?:ADR|decision|record|document)[ \t]+(extends|amends|supersedes|replaces)[ \t]+it\b", re.MULTILINE)
_ADR_NUMBER = re.compile(r"ADR[-\s#]*(\d{1,5})")
_IT_MARKS = (" supersedes it", " replaces it", " amends it", " extends it")
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _start_before(text: str, offset: int, at: int, ends: re.Pattern = _CLAUSE_END) -> int:
    """Where the clause (or, with `_SENTENCE_END`, the sentence) holding text[at] begins, at most 400 characters back."""
    begin = offset
    for end in ends.finditer(text, max(offset, at - 400), at):
        begin = end.end()
    return begin


def _other_record_links(found: list[tuple[Relation, str, int]], text: str, offset: int, first_line: int) -> None:
    """The three sentence shapes above, each looked for only when a literal of it is in the text (str.find)."""
    if text.find("s this decision", offset) >= 0 or text.find("s this ADR", offset) >= 0 \
            or text.find("s this record", offset) >= 0:
        for m in _ENTRY_CHANGES_THIS.finditer(text, offset):
            _add(found, _CHANGES_THIS[m.group(2)], m.group(1), first_line + text.count("\n", offset, m.start()))
    if text.find("remplacer", offset) >= 0 or text.find("without repla", offset) >= 0 \
            or text.find("without supersed", offset) >= 0:
        for m in _WITHOUT_REPLACING.finditer(text, offset):
            if not _OTHER_SUBJECT.search(text, _start_before(text, offset, m.start()), m.start()):
                _add(found, Relation.AMENDS, m.group(1), first_line + text.count("\n", offset, m.start()))
    if text.find("amended", offset) >= 0:
        for m in _AMENDED_NOT_SUPERSEDED.finditer(text, offset):
            begin = _start_before(text, offset, m.start(), _SENTENCE_END)
            named = {_NUMBER.search(n.group(0)).group(0) for n in _OTHER_SUBJECT.finditer(text, begin, m.start())}
            if len(named) == 1:
                _add(found, Relation.AMENDS, named.pop(), first_line + text.count("\n", offset, m.start()))


def _more_other_record_links(found: list[tuple[Relation, str, int]], text: str, offset: int, first_line: int) -> None:
    """`_CHANGES_THAT`, `_ARE_CHANGED` and `_RELATES_TO`, each looked for only when a literal of it is in the text."""
    if any(text.find(mark, offset) >= 0 for mark in _THAT_MARKS):
        for m in _CHANGES_THAT.finditer(text, offset):
            begin = _start_before(text, offset, m.start(), _SENTENCE_END)
            if not _OTHER_SUBJECT.search(text, begin, m.start()) and begin > offset:
                paragraph = text.rfind("\n\n", offset, m.start())
                end = begin  # (the sentence before ends at its stop, looked for before it)
                while end > offset and text[end - 1].isspace():
                    end -= 1
                end -= 1
                begin = max(_start_before(text, offset, end, _SENTENCE_END), paragraph + 2 if paragraph >= 0 else offset)
            named = {_NUMBER.search(n.group(0)).group(0).lstrip("0") for n in _OTHER_SUBJECT.finditer(text, begin, m.start())}
            if len(named) == 1:
                _add(found, _RELATIONS[m.group(1)], named.pop() or "0", first_line + text.count("\n", offset, m.start()))
    if any(text.find(mark, offset) >= 0 for mark in _CHANGED_MARKS):
        for m in _ARE_CHANGED.finditer(text, offset):
            line = first_line + text.count("\n", offset, m.start())
            for target in [m.group(1), *_NUMBER.findall(m.group(2))]:
                _add(found, Relation.AMENDS, target, line)
    if text.find("marked as", offset) >= 0:
        for m in _MARKED_SUPERSEDED.finditer(text, offset):
            _add(found, Relation.SUPERSEDES, m.group(1), first_line + text.count("\n", offset, m.start()))
    if text.find("scope is", offset) >= 0:
        for m in _SCOPE_EXTENDED.finditer(text, offset):
            _add(found, Relation.AMENDS, m.group(1), first_line + text.count("\n", offset, m.start()))
    if any(text.find(mark, offset) >= 0 for mark in _ENTRY_THIS_MARKS):
        for m in _ENTRY_THIS_CHANGES.finditer(text, offset):
            _add(found, _RELATIONS[m.group(2)], m.group(1), first_line + text.count("\n", offset, m.start()))
    if any(text.find(mark, offset) >= 0 for mark in _IT_MARKS):
        for m in _ENTRY_THIS_CHANGES_IT.finditer(text, offset):
            if len({int(n) for n in _ADR_NUMBER.findall(m.group(0))}) == 1:  # (one record before the verb: `it`)
                _add(found, _RELATIONS[m.group(2)], m.group(1), first_line + text.count("\n", offset, m.start()))
    if text.find("relates to ADR", offset) >= 0 or text.find("relates\nto ADR", offset) >= 0:
        for m in _RELATES_TO.finditer(text, offset):
            _add(found, Relation.RELATES_TO, m.group(1), first_line + text.count("\n", offset, m.start()))

"""Reading the words people write: statuses, tags and dates (titles and file names: `record_names`).

Real ADR folders are messy (emoji, bold, prose after the status, dated logs,
other languages, unfilled template placeholders).  Everything here is a pure
function from text to a normalized value, so dialects share one vocabulary.
"""

from __future__ import annotations

import re
import unicodedata

from adrtool import dates
from adrtool.model import Choice, Door, Relation, Status
from adrtool.status_words import CJK_WORDS, PHRASES_BY_FIRST_WORD, STATUS_PHRASES, STATUS_WORDS, strip_accents
from adrtool.text_find import ODD_CASE

# "被 ADR-045 取代" (superseded by ADR-045: the passive 被, its agent, then the verb; luchenqun/cosmos-sdk-docs
# cb3680d46b91 docs/integrate/architecture/adr-010-modular-antehandler.md).
_CJK_PASSIVE = re.compile(r"被([^，。,;\n]{0,40}?)(?:取代|替代|替换|代替)")
# Words that qualify a status without being one ("Partly superseded", "Now deprecated").
_QUALIFIERS = {"partly", "partially", "partial", "mostly", "largely", "fully", "now", "was", "is", "status",
               "teilweise", "partiellement", "parcialmente", "currently", "provisionally", "tentatively", "deels"}

_PLACEHOLDER = re.compile(r"^\s*[\[{<].*[|/].*[\]}>]\s*$")
# A status log entry: "2020-01-01 proposed", or the word first as phodal's Russian template writes it
# ("Предложено: 2020-01-01").
_DATED_ENTRY = re.compile(r"^\s*(?:[-*+]\s*)?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*[:\-–—]?\s*|([^\W\d_]+):\s*\d{4}-\d{1,2}-\d{1,2}\s*$)")


def is_log_entry(line: str) -> bool:
    """Whether `line` is an entry of a dated status log: a date first, or a status word and its date.

    A label's date is none: `Date: 2026-05-27` under `Accepted` in a Status section (AWeber-Imbi/imbi a6483c67e5a0
    docs/api/adr/0015-cyclonedx-1.7-sbom-standard.md) dates the record, it logs no state.
    """
    m = _DATED_ENTRY.match(line)
    return m is not None and (m.group(1) is None or _category_of_words(_clean(m.group(1))) is not Status.UNKNOWN)
_LEADING_DATE = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*[:\-–—,]?\s*")
_TRAILING_DATE = re.compile(r"[\s:,(\-–—]*\(?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\)?\s*$")
_MARKUP = re.compile(r"[*_`~]+")
# Markdown links inline and by reference, HTML anchors, RST's `text <url>`_ and :role:`text <target>`.
_MD_LINK = re.compile(r"\[([^\]]*)\](?:\(([^)]*)\)|\[[^\]]*\])")
_HTML_LINK = re.compile(r"<a\s[^>]*>(.*?)</a>", re.IGNORECASE)
_RST_LINK = re.compile(r"(?::[\w:+-]+:)?`([^`<]*?)\s*(?:<[^>]*>)?`_{0,2}")
_WORDS = re.compile(r"[^\W\d_]+")
_ID_IN_TEXT = re.compile(
    r"(?:\[(?P<label>[^\]]*)\]\((?P<href>[^)\s]*)\))|(?:\b(?:adr|ADR|Adr)[-\s#\u2011]*(?:[A-Z]{2,6}[-\u2011])?(?P<adr>\d{1,5})\b)|(?:#(?P<hash>\d{1,5})\b)"
)


def _clean(raw: str) -> str:
    text = raw
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "<a" in text or "<A" in text:
        text = _HTML_LINK.sub(r"\1", text)
    if "`" in text:
        text = _RST_LINK.sub(r"\1", text)
    text = _MARKUP.sub("", text)
    if text.isascii():  # (the same characters dropped by one `translate`, not a category looked up a character)
        return text.translate(_ASCII_SYMBOLS).strip().lower()
    # Drop emoji and other symbols (e.g. "✅ Accepted").
    text = "".join(c for c in text if unicodedata.category(c)[0] not in ("S", "C") or c in "\t ")
    return strip_accents(text).strip().lower()


# The ASCII characters `_clean` drops: symbols and controls (`$`, `+`, `|`, a form feed), the tab kept.
_ASCII_SYMBOLS = {i: None for i in range(128) if unicodedata.category(chr(i))[0] in ("S", "C") and chr(i) not in "\t "}


def last_status_entry(raw: str) -> str:
    """A status written as a dated log ("2020-01-01 proposed\\n2020-02-01 accepted") -> last entry."""
    lines = [l for l in raw.splitlines() if l.strip()]
    if len(lines) > 1 and sum(1 for l in lines if is_log_entry(l)) >= 1:
        dated = [l for l in lines if is_log_entry(l)]
        return dated[-1]
    return lines[0] if lines else ""


# A status badge, read by the label it renders: shields.io's `badge/<label>-<message>-<colour>` and
# badgen's `badge/<label>/<status>/<colour>` (the alt text may say nothing: "Generic badge").
_BADGE = re.compile(r"(?:shields\.io/badge/(?:[^-)\s]|--)*-((?:[^-)\s]|--)+)-|badgen\.net/badge/[^/)\s]*/([^/)\s]+))")


def _category_of_line(line: str) -> Status:
    """The category a single status line starts with, else UNKNOWN."""
    if _PLACEHOLDER.match(line):
        return Status.UNKNOWN  # "{Deprecated|Proposed|Accepted}" is a template left unfilled
    if _lists_choices(line):
        return Status.UNKNOWN
    if "badge" in line and (badge := _BADGE.search(line)):
        # uktrade/trade-remedies-api 9c30764da186 docs/adr/adr-001-use-adrs.md:
        # `[![Generic badge](https://badgen.net/badge/ADR/approved/green/)](...)`.
        message = (badge.group(1) or badge.group(2)).replace("--", "-").replace("_", " ").replace("%20", " ")
        category = _category_of_words(_clean(message))
        if category is not Status.UNKNOWN:
            return category
    text = _clean(_LEADING_DATE.sub("", line.strip().lstrip("-*+> ").strip()))
    text = _LEADING_DATE.sub("", text).lstrip(" :-–—")
    category = _category_of_words(text)
    if category is Status.UNKNOWN and (phase := _PHASE_TAG.match(text)):
        category = _category_of_words(text[phase.end():])  # `P2 已接受`: the status word after the phase it was taken in
    if category is not Status.UNKNOWN and (later := _LATER_STATE.match(text)):
        again = _category_of_words(later.group(1))
        return category if again is Status.UNKNOWN else again
    return category


# A project phase or milestone before the status word, a qualifier (`- 状态：P2 已接受`, `- 状态：P3C 已采用`, "accepted in phase
# P2": 3311930677/Intelligent-Input-Method-v2 docs/adr/0004-*.md, 0008-*.md; DEFINITIONS, truth24).
_PHASE_TAG = re.compile(r"[a-z]{1,2}\d{1,2}(?:\.\d{1,2})?[a-z]?[ \t]+(?=\S)")


# A state, the day it ended, then the one that followed: the later counts, as in a log (`Rejected - 2025-12-08 -
# Superceded by decision to ...`, DFE-Digital/single-unique-identifier 5426ff918506 .../Systems landscape/0006-*.md).
_LATER_STATE = re.compile(r"[^\d\n]{2,40}?[ (]\d{4}-\d{2}-\d{2}\)?[ \t]*[-–—,;:][ \t]*([^\W\d].*)")


_LINK_DESTINATION = re.compile(r"\]\([^()\s]*\)")


def _lists_choices(line: str) -> bool:
    """"proposed | accepted", "提议/通过/完成/已弃用/已取代": the choices, not a choice; a link's path separates none
    (`Proposed — ... (per [CTO Review](../../Review/CTO_Review.md) §7)`, RobiBobi10/hiddenwing 7cc2515656d6 .../0003-*.md)."""
    if line.count("|") >= 1 or line.count("/") >= 2:
        if "](" in line:
            line = _LINK_DESTINATION.sub("]", line)
        parts = [_clean(part) for part in re.split(r"[|/]", line)]
        return sum(1 for part in parts if _category_of_words(part) is not Status.UNKNOWN) > 1
    return False


def _category_of_words(text: str) -> Status:
    if not text:
        return Status.UNKNOWN
    if not text[0].isascii() and "\u2e80" <= text[0] <= "\u9fff" or "\u3040" <= text[:1] <= "\u30ff":
        for word, category in CJK_WORDS:
            if text.startswith(word):
                if category is Status.DEPRECATED and "被" in text and _CJK_PASSIVE.search(text):
                    return Status.SUPERSEDED  # retired and replaced by a named record (`已废弃 —— 被 [ADR-0003](...) 取代`)
                return category
        if text[0] == "被" and _CJK_PASSIVE.match(text):
            return Status.SUPERSEDED  # "被 ADR-045 取代", superseded by ADR-045
        return Status.UNKNOWN
    for phrase, category in STATUS_PHRASES:
        if text.startswith(phrase):
            return category
    words = _WORDS.findall(text[:80])
    if words and words[0] in PHRASES_BY_FIRST_WORD:
        for phrase, category in PHRASES_BY_FIRST_WORD[words[0]]:
            if text.startswith(phrase):
                return category
    if words[:2] == ["current", "status"]:  # `- Current Status: Accepted` (greenriver/hmis-warehouse; truth33)
        words = words[2:]
    while words and words[0] in _QUALIFIERS:
        words = words[1:]
    if not words:
        return Status.UNKNOWN
    if len(words) > 1 and words[0] + " " + words[1] in STATUS_WORDS:  # "پیشنهاد شده"
        return STATUS_WORDS[words[0] + " " + words[1]]
    if len(words) > 1 and words[0] + words[1] in STATUS_WORDS:
        return STATUS_WORDS[words[0] + words[1]]
    first = words[0]
    if first in STATUS_WORDS:
        category = STATUS_WORDS[first]
        if first == "retired" and _RETIRED_BY.match(text):
            return Status.SUPERSEDED  # `Retired by ADR 0005`: a named record put it out of force (0disoft/velox 0004)
        if category in _LATER_STATE_OF and "upersed" in text and _LATER_SUPERSEDED.search(text):
            # `Accepted (Partially Superseded)`, `accepted, superseded by [ADR-0010](...)`: a later state the line
            # adds counts (defenseunicorns/pepr b16fc8b7976f adr/0003-*.md; DFE-Digital/early-years-foundation-reform
            # ef1b89948ad9 adr/0007-*.md, and 0001-*.md's `Rejected, superseded by [ADR-0002](0002-madr.md)`).
            return Status.SUPERSEDED
        if category is Status.DEPRECATED and "by" in text and _REPLACED_BY.search(text):
            return Status.SUPERSEDED  # `Deprecated, superseded by ADR-0003`: the retirement names its replacing record
        return category
    if first in ("not", "no") and "accept" in text:
        return Status.REJECTED
    return Status.UNKNOWN


# The replacing record a retirement names (tangniyuqi/tm-stock 0fec05e3944b docs/adr/0002-*.md, in Chinese; DEFINITIONS,
# truth26: `deprecated` is a retirement without one). `Deprecated - see [0013](...)` names none by its verb (truth3).
_REPLACED_BY = re.compile(r"[,;·•—–(-]\s*(?:now\s+)?(?:superseded|replaced)\s+by\s+\[?(?:adr|decision|record)?[-\s#]*\d")
_LATER_STATE_OF = (Status.ACCEPTED, Status.PROPOSED, Status.REJECTED)
_RETIRED_BY = re.compile(r"retired\s+by\s+(?:the\s+)?(?:adr|decision|record|rfc)?[-\s#]*\d")
# (After a comma, only with its `by`: `Proposed [Proposed, Accepted, ..., Superseded, etc.]` is the template's list of
# values, CMS-Enterprise/easi-app docs/adr/0004-using-typescript.md.)
_LATER_SUPERSEDED = re.compile(r"\((?:partially\s+|partly\s+|in part\s+)?superseded\b(?!\s*[,|/])"
                               # (`Accepted, then **superseded in part by Phase 3 (v0.4)**.`, 8055vineet/peakstorystudio
                               # d9ccb53a6503 docs/adr/0005-*.md: the later state counts; DEFINITIONS, truth26)
                               r"|[,;·•—–]\s*(?:now\s+|then\s+)?(?:\*\*)?(?:partially\s+|partly\s+|in part\s+)?"
                               r"superseded\s+(?:in part\s+)?by\b"
                               # the part superseded named (`Accepted; M4 completion criterion superseded by ADR 0016`,
                               # 0disoft/velox docs/adr/0011-*.md; DEFINITIONS, truth24, by truth15's partial supersession)
                               r"|;\s*(?:[^\W\d_][\w-]*\s+){1,5}superseded\s+by\s+\[?(?:adr\b|\d)", re.IGNORECASE)
# (`Accepted · **Superseded by [ADR-0025](...)** (2026-07-09)`, a middle dot or a dash as the comma: itsamiitt/waterfall
# adr/0002-api-first-no-scraping.md, DEFINITIONS truth20.)
_BOLD = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__")
_CHECKBOX = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s*(.*)$")


def checklist(lines: list[str]) -> list[tuple[int, int, bool, Status]] | None:
    """A status checklist's boxes: (index in `lines`, column of the box's mark, checked, the status its
    word names), when `lines` hold two boxes or more and at least one of them is checked; else None.  Several checked
    boxes are a log, each state ticked as it was reached (Arbeidstilsynet/design 1c6a025d6dca docs/adr/
    adr-0002-*.md: `- [x] Foreslått (dato: 2025-06-02)`, `- [x] Akseptert (dato: 2025-06-10)`, `- [ ] Avvist`):
    the last checked one is the status, the first one's date the record's."""
    boxes = []
    for i, line in enumerate(lines):
        m = _CHECKBOX.match(line)
        if m:
            boxes.append((i, m.start(1), m.group(1) in "xX", _category_of_line(m.group(2))))
    return boxes if len(boxes) > 1 and any(b[2] for b in boxes) else None


def checked_lines(raw: str) -> list[str]:
    """The checked boxes' lines of a status checklist, in order (none when `raw` is no checklist)."""
    lines = [l for l in raw.splitlines() if l.strip()]
    return [lines[i] for i, _, on, _ in checklist(lines) or () if on]


_LOGGED = re.compile(r"^\s*[-*+]\s.*\b(?:19|20)\d\d\b")  # a bullet that carries a year


def status_entry(raw: str) -> tuple[Status, str]:
    """(category, the line it was read from) for a status as written.

    A dated log counts by its last entry.  Otherwise the first line that
    starts with a status word counts ("The status of this ADR:\\nAccepted"),
    and failing that a status word in bold ("We have **accepted** it").
    """
    lines = [l for l in raw.splitlines() if l.strip()]
    if not lines:
        return Status.UNKNOWN, ""
    if len(lines) > 1 and "[" in raw:
        # A checklist: the checked box is the status, the unchecked ones are the template's choices
        # (route06/actions 5c9a07f11333 docs/adr/001-adrの導入.md: `- [ ] 提案中`, `- [x] 承認`, `- [ ] 否認`).
        boxes = checklist(lines)
        if boxes:
            index, _, _, category = next(b for b in reversed(boxes) if b[2])
            return category, lines[index]
    if len(lines) > 1 and any(is_log_entry(l) for l in lines):
        # The last entry that is a status: "2026-06-14 amended: added ..." after "2026-06-13 accepted" is
        # no status (kryota-dev/actions 1b0a97fd1b3e docs/adr/006-add-claude-and-codex-pr-review-reusable-workflows.md).
        dated = [l for l in lines if is_log_entry(l)]
        for entry in reversed(dated):
            category = _category_of_line(entry)
            if category is not Status.UNKNOWN:
                return category, entry
        return Status.UNKNOWN, dated[-1]
    found = [(category, line) for line in lines if (category := _category_of_line(line)) is not Status.UNKNOWN]
    if len(found) > 1 and all(_LOGGED.match(line) for _, line in found):
        # A bulleted log, each entry dated: the last counts (openedx/license-manager d1fc5d9d3a72 docs/decisions/
        # 0004-renewal-processing.rst: `* Proposed May 2021`, `* Accepted June 2021`, `* Updated ... August 2021`).
        return found[-1]
    if found:
        return found[0]
    for line in lines:
        for m in _BOLD.finditer(line):
            category = _category_of_words(_clean(m.group(1) or m.group(2)))
            if category is not Status.UNKNOWN:
                return category, line
    return Status.UNKNOWN, lines[0]


def normalize_status(raw: str | None) -> Status:
    """Map a status as written to its category; unknown and unfilled ones are UNKNOWN."""
    if raw is None:
        return Status.UNKNOWN
    simple = raw.strip().lower()
    if simple in STATUS_WORDS:  # the common case: one plain word
        return STATUS_WORDS[simple]
    return status_entry(raw)[0]


# "superseded by X", "replaced by X", "ersetzt durch X": the record is the older one.
_PASSIVE = re.compile(r"\b(?:supersed|superced|replac|exceed|retired(?=\s+by\s+[^,;.\n]{0,12}\d)|ersetzt|remplac|reemplaz|substitu|sostitu)\w*\s+"
                      r"(?:by|durch|par|por|da|with|in favou?r of)\b|\b(?:superseded|superceded|replaced)\b"
                      # The participle alone in Portuguese, Spanish, Italian, its record after it (DouglasPrado/alexandria
                      # 3d1ed9fa4b84 docs/adr/ADR-002.md: `**Status:** Substituída — incorporada na ADR-001`).
                      r"|\b(?:substituid|sustituid|reemplazad|sostituit)[oa]s?\b"
                      r"|被(?=[^，。,;\n]{0,40}?(?:取代|替代|替换|代替))")
# "supersedes X", "replaces X": the record is the newer one.
_ACTIVE = re.compile(r"\b(?:supersedes|supercedes|replaces|ersetzt)\b(?!\s+(?:by|durch)\b)")
_LINK_SPAN = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_SUPERSESSION_HINT = re.compile(r"supers|superc|replac|exceeded by|retired by|ersetz|rempla|reempla|substitu|sustitu|sostitu|取代|替代|替换|代替",
                                re.IGNORECASE)


# The hint's alternatives are plain words: a lowered text holds one where the case-blind pattern finds one.
_HINT_WORDS = tuple(_SUPERSESSION_HINT.pattern.split("|"))
assert all(re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", word) for word in _HINT_WORDS)


def _hinted(text: str) -> bool:
    """Whether `_SUPERSESSION_HINT` finds a hint in `text`: by substring tests on the lowered text, which the case-blind
    alternation (tried at every character of a long status section) cost ten times; a text whose lowering moves
    offsets or that holds a letter matched case-blind beside another than its lowered form goes to the pattern."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(c in text for c in ODD_CASE):
        return _SUPERSESSION_HINT.search(text) is not None
    for word in _HINT_WORDS:
        if word in lowered:
            return True
    return False


# The status words no supersession hint is in (`accepted`, `proposed`): a status that is one of them, once stripped and
# lowered (which keeps what the case-blind hint finds), links nothing, known without the pattern's search (issue 14).
_UNHINTED_WORDS = frozenset(word for word in STATUS_WORDS if not _SUPERSESSION_HINT.search(word))


def status_links(raw: str | None) -> list[tuple[Relation, str]]:
    """Links carried by a status text.

    'superseded by ADR-0012' -> (superseded-by, '12'); 'accepted; supersedes ADR-0003'
    -> (supersedes, '0003'): the verb's voice says which record is the newer.
    """
    if not raw or raw.strip().lower() in _UNHINTED_WORDS or not _hinted(raw):
        return []
    _, entry = status_entry(raw)
    if _PLACEHOLDER.match(entry):
        # The template's unfilled list of choices (`[ accepted | superseded by [xxx](yyyymmdd-xxx.md)]`,
        # hyperledger/identus-cloud-agent docs/decisions at 8b8d521b14ff) links nothing.
        return []
    if not _hinted(entry):
        # The word is on another line of the status than the status itself, unless only on the line that
        # lists the choices (`STATUS：proposed/accepted/done/deprecated/superseded` above a dated log,
        # kun-g/reading doc/adr/0001-使用adr.md at d8556922ef70).
        others = [l for l in raw.splitlines() if _hinted(l) and not _lists_choices(l)]
        if not others:
            return []
        entry = raw
    text = strip_accents(entry).lower()
    if len(text) != len(entry):
        text = entry.lower()  # offsets must match the text as written
    verbs = sorted(((m, r) for m, r in ((_PASSIVE.search(text), Relation.SUPERSEDED_BY),
                                        (_ACTIVE.search(text), Relation.SUPERSEDES)) if m),
                   key=lambda pair: pair[0].start())
    found: list[tuple[Relation, str]] = []
    for n, (m, relation) in enumerate(verbs):
        stop = verbs[n + 1][0].start() if n + 1 < len(verbs) else len(entry)
        targets = []
        for link in _LINK_SPAN.finditer(entry):
            if link.start(1) <= m.start() < link.end(1):
                targets = [link.group(2)]  # "[Superseded by ADR-0012](0012-x.md)": the word is the link
        if not targets:
            told = entry[m.end():stop]
            if "below" in told or "above" in told:
                told = _SECTION_POINTER.sub(" ", told)
            targets = reference_targets(told)
        if targets:
            found.append((relation, targets[0]))
            if relation is Relation.SUPERSEDED_BY and ("by" in text[m.end():stop] or " and " in text[m.end():stop]):
                found += [(relation, t) for t in _replaced_again(entry, m.end(), stop) if t != targets[0]]
    return found


# A pointer to a section of this file, its heading quoted: `Superseded by the singleton extraction — see "Revisit
# (actioned, ADR-0030 D2)" below` (nofuturekid/nova 2e483a7db27c docs/adr/0012-*.md; DEFINITIONS, truth32): the
# record its heading names is not the replacement.
_SECTION_POINTER = re.compile(r"[\"“][^\"”\n]{1,120}[\"”][ \t]+(?:below|above)\b")


# A second replacement on the same line: `Superseded by [ADR-0008](...), and ultimately by [ADR-0024](...)`
# (RealRogerWinter/onestreamer docs/architecture/adr/0002-*.md, 0007-*.md; DEFINITIONS, truth20), `then by`, `and later by`.
# Or a second record joined to the first by `and` alone: `Superseded by ADR-0016 and ADR-0019` (TannerMidd/Sub-Etha
# e839763793a2 docs/adr/0009-neon-drizzle-persistence.md).
_AGAIN_BY = re.compile(r"(?:,|\band\b|\bthen\b)\s*(?:(?:then|later|finally|ultimately|eventually|again)\s+)?by\b"
                       r"|\band\s+(?=\[?ADR[-\s#]*\d)", re.IGNORECASE)


def _replaced_again(entry: str, start: int, stop: int) -> list[str]:
    """The records each `, and ultimately by X` in entry[start:stop] names, the first of each."""
    out = []
    for again in _AGAIN_BY.finditer(entry, start, stop):
        following = reference_targets(entry[again.end():stop])
        if following:
            out.append(following[0])
    return out


_EXTENDS = re.compile(r"\bextends\b(.*?)(?:[.!?;](?:\s|$)|$)", re.IGNORECASE | re.DOTALL)


def extended_targets(status: str) -> list[str]:
    """The records a status says this one extends, each sentence's own: `Accepted. Extends ADR 0004 (...) and
    ADR 0002 (...)` (AmadouMamane/Limes b6c368c67a99 docs/decisions/0006-egress-redaction.md), `Accepted. Extends
    [ADR 0011](0011-sync-calibre-....md), which ...` (mikevalstar/grimoire 4437db85c1a8 docs/adrs/0012-*.md).
    Asked only of a status holding "xtends"."""
    found: list[str] = []
    for m in _EXTENDS.finditer(status):
        found += [t for t in reference_targets(m.group(1)) if t not in found]
    return found


_DATED_STEM_REF = re.compile(r"(?:(?<=[\s`(\[])|^)((?:19|20)\d\d-\d\d-\d\d-[^\W_][\w-]*(?:\.(?:md|rst))?)")


_BACKTICKED_PATH = re.compile(r"`[^`\s]*/((?:\d{1,5}|(?:19|20)\d\d-\d\d-\d\d)-[^`\s/]*\.(?:md|rst))`")


# A record named only to say the relation leaves it alone, and an item of a document's section: codesidh/level-sweep-agent
# 9923a2dcbd7b adr/0007-*.md, `**Supersedes**: detail-fills ADR-0002 §"..." ...; Phase 4's Narrator/Reviewer ADR-0006 is
# unaffected.`, and 0005-*.md, `**Supersedes**: closes `architecture-spec.md` v2.4 §22 #2` (DEFINITIONS, truth31).
_UNAFFECTED = re.compile(r"\**[ \t]+(?:is|are|remains|stays)[ \t]+(?:unaffected|not affected|untouched|unchanged)\b")


def reference_targets(text: str) -> list[str]:
    """Decision references in free text: '[ADR-12](0012-x.md)', 'ADR 12', '#12', '0012-x.md'."""
    found: list[str] = []
    for m in _ID_IN_TEXT.finditer(text):
        if m.group("href") is not None:
            found.append(m.group("href") or m.group("label"))
        elif m.group("adr"):
            if not _UNAFFECTED.match(text, m.end()):
                found.append(m.group("adr"))
        elif m.group("hash") and text.find("§", max(0, m.start() - 8), m.start()) < 0:
            found.append(m.group("hash"))
    if not found and (m := _DATED_STEM_REF.search(text)):
        # A date-named record by its file name, without its extension (Altinn/altinn-studio e049d2c021c4 docs/adr/
        # 2025-10-08-studio-library-persistence-2.md: `- Status: Replaces 2025-09-04-studio-library-persistence`).
        found.append(m.group(1))
    if not found and "`" in text and (m := _BACKTICKED_PATH.search(text)):
        # A record's path from the repository root, in backticks (akonwi/ard f01ae7ec7148 docs/adrs/0003-*.md: ``Superseded
        # by `docs/adrs/0033-async-is-goroutines-and-channels.md`.``): its file name, as a link beside the record.
        found.append(m.group(1))
    if not found:
        # A number alone, or a file name's ("0003", "0003-x.md", RST's "`_0003 Initial API`"); not a date's year
        # (`Superseded by Update 2025-01-10`, AWLL-inc/work-management d5391db681a2 docs/adr/005-*.md: a section).
        # Nor a number of a series (`設計書 01/02/04`, design documents 1, 2 and 4, in kani3camp/mine-party 7a03cb2e4fcf
        # docs/adr/0004-data-storage-strategy-do-d1-kv.md's `- 関連:` line).
        # Nor a phase's number (`superseded in part by Phase 3 (v0.4)`, 8055vineet/peakstorystudio d9ccb53a6503
        # docs/adr/0005-*.md; DEFINITIONS, truth26: Phase 3 names no record).
        bare = re.findall(r"(?:(?<=[\s`_(\[])(?<!phase )(?<!Phase )(?<!stage )(?<!Stage )(?<!step )(?<!Step )|^)"
                          r"(\d{1,5})(?!-\d\d?-\d\d?\b|/\d)(?:-[\w-]+(?:\.(?:md|rst))?)?\b", text)
        found.extend(bare[:1])
    return found


# Words of a heading only a decision record has (any language it is written in).
_RECORD_HEADING = re.compile(
    r"\b(?:context|problem|background|decision|outcome|consequence|option|alternative|rationale|status|drivers?|"
    r"kontext|entscheidung|konsequenz|contexte|decision|consequence|contexto|decisao|consecuencia|consequencia|"
    r"contesto|decisione|conseguenz|motivation|opcion|opcoes|opzion)|背景|上下文|决策|决定|结果|后果|状态|контекст|решение|последствия|"
    r"статус|زمینه|تصمیم|نتایج|وضعیت",
    re.IGNORECASE,
)


def is_record_heading(heading: str) -> bool:
    """Whether a heading names a part of a decision record (Context, Decision, Consequences, Status...)."""
    return bool(_RECORD_HEADING.search(strip_accents(heading)))


# A page's own word that it is the decision's record: `> **注意**: 本ドキュメントは意思決定の根拠（ADR）です。` ("this
# document is the basis of the decision (ADR)", furima-share-re/fleapay-lite 5bc50fac57e7 adr/EDO_ICHIBA_1億リーチ戦略.md),
# "This document is an ADR" (bench/reading/DEFINITIONS.md, Added for truth11).
_DECLARED_RECORD = re.compile(
    r"(?:本|この)(?:ドキュメント|文書)は[^。\n]{0,20}[（(]ADR[)）]です"
    r"|\bthis (?:document|page) is an? (?:adr|architectur(?:e|al) decision record)\b", re.IGNORECASE)


def declares_record(text: str) -> bool:
    """Whether text (a file's opening lines) says the file is a decision record."""
    return _DECLARED_RECORD.search(text) is not None


# ---- tags -------------------------------------------------------------------

_CHOICE_WORDS = {
    "deliberate": Choice.DELIBERATE,
    "considered": Choice.DELIBERATE,
    "arbitrary": Choice.ARBITRARY,
    "guess": Choice.ARBITRARY,
}
_DOOR_WORDS = {
    "one-way": Door.ONE_WAY,
    "oneway": Door.ONE_WAY,
    "one way": Door.ONE_WAY,
    "one-way door": Door.ONE_WAY,
    "irreversible": Door.ONE_WAY,
    "two-way": Door.TWO_WAY,
    "twoway": Door.TWO_WAY,
    "two way": Door.TWO_WAY,
    "two-way door": Door.TWO_WAY,
    "reversible": Door.TWO_WAY,
}


def parse_choice(value: str | None) -> Choice | None:
    if value is None:
        return None
    simple = str(value).strip().lower()
    if simple in _CHOICE_WORDS:
        return _CHOICE_WORDS[simple]
    if simple in _DOOR_WORDS:  # (an inline decision's tags try each token as a choice first: no cleaning for a door)
        return None
    return _CHOICE_WORDS.get(_clean(str(value)))


def parse_door(value: str | None) -> Door | None:
    if value is None:
        return None
    simple = str(value).strip().lower()
    if simple in _DOOR_WORDS:
        return _DOOR_WORDS[simple]
    return _DOOR_WORDS.get(_clean(str(value)).replace("_", "-"))


# ---- dates ------------------------------------------------------------------


def normalize_date(raw: str | None) -> str | None:
    """'2017/11/22', '13/02/2021', '3rd March 2022' -> ISO; anything unreadable -> None (see `adrtool.dates`)."""
    return dates.normalize(raw)

"""Reading the words people write: statuses, tags, dates, titles and file names.

Real ADR folders are messy (emoji, bold, prose after the status, dated logs,
other languages, unfilled template placeholders).  Everything here is a pure
function from text to a normalized value, so dialects share one vocabulary.
"""

from __future__ import annotations

import re
import unicodedata

from adrtool.model import Choice, Door, Relation, Status

# ---- statuses ---------------------------------------------------------------

# First word(s) of a status, lower-cased and stripped of accents -> category.
# Other languages are listed only where the word is unambiguous.
_STATUS_WORDS: dict[str, Status] = {}
for _category, _words in {
    Status.PROPOSED: (
        "proposed draft pending in review inreview under review review wip open "
        "proposal suggested rfc new todo discussing discussion in progress "
        "vorgeschlagen entwurf propose proposee brouillon propuesto propuesta borrador "
        "proposto proposta rascunho bozza voorgesteld concept"
    ),
    Status.ACCEPTED: (
        "accepted accept approved implemented adopted agreed done active decided "
        "valid in effect final ratified "
        "akzeptiert angenommen genehmigt accepte acceptee adopte aceptado aceptada "
        "aprobado aceito aceita aprovado accettato accettata approvato geaccepteerd "
        "aangenomen goedgekeurd"
    ),
    Status.REJECTED: (
        "rejected declined refused abandoned dropped withdrawn discarded "
        "abgelehnt verworfen rejete refuse rechazado rejeitado recusado respinto "
        "rifiutato afgewezen"
    ),
    Status.DEPRECATED: (
        "deprecated obsolete retired outdated archived revoked "
        "veraltet abgekundigt obsolet deprecie obsolete obsoleto descontinuado "
        "deprecato verouderd"
    ),
    Status.SUPERSEDED: (
        "superseded superceded replaced ersetzt abgelost remplace remplacee "
        "reemplazado substituido sostituito vervangen"
    ),
}.items():
    for _word in _words.split():
        _STATUS_WORDS[_word] = _category
# Multi-word phrases matched before single words.
_STATUS_PHRASES = [
    ("in review", Status.PROPOSED),
    ("under review", Status.PROPOSED),
    ("in progress", Status.PROPOSED),
    ("in effect", Status.ACCEPTED),
    ("work in progress", Status.PROPOSED),
]

_PLACEHOLDER = re.compile(r"^\s*[\[{<].*[|/].*[\]}>]\s*$")
_DATED_ENTRY = re.compile(r"^\s*(?:[-*+]\s*)?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*[:\-–—]?\s*")
_LEADING_DATE = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*[:\-–—,]?\s*")
_MARKUP = re.compile(r"[*_`~]+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_WORD = re.compile(r"[a-z]+(?:[- ][a-z]+)?")
_ID_IN_TEXT = re.compile(
    r"(?:\[(?P<label>[^\]]*)\]\((?P<href>[^)\s]*)\))|(?:\b(?:adr|ADR|Adr)[-\s#]*(?P<adr>\d{1,5})\b)|(?:#(?P<hash>\d{1,5})\b)"
)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _clean(raw: str) -> str:
    text = _MD_LINK.sub(r"\1", raw)
    text = _MARKUP.sub("", text)
    # Drop emoji and other symbols (e.g. "✅ Accepted").
    text = "".join(c for c in text if unicodedata.category(c)[0] not in ("S", "C") or c in "\t ")
    return strip_accents(text).strip().lower()


def last_status_entry(raw: str) -> str:
    """A status written as a dated log ("2020-01-01 proposed\\n2020-02-01 accepted") -> last entry."""
    lines = [l for l in raw.splitlines() if l.strip()]
    if len(lines) > 1 and sum(1 for l in lines if _DATED_ENTRY.match(l)) >= 1:
        dated = [l for l in lines if _DATED_ENTRY.match(l)]
        return dated[-1]
    return lines[0] if lines else ""


def normalize_status(raw: str | None) -> Status:
    """Map a status as written to its category; unknown and unfilled ones are UNKNOWN."""
    if raw is None:
        return Status.UNKNOWN
    simple = raw.strip().lower()
    if simple in _STATUS_WORDS:  # the common case: one plain word
        return _STATUS_WORDS[simple]
    entry = last_status_entry(raw)
    if _PLACEHOLDER.match(entry):
        return Status.UNKNOWN  # "{Deprecated|Proposed|Accepted}" is a template left unfilled
    text = _clean(_LEADING_DATE.sub("", entry.strip().lstrip("-*+ ").strip()))
    text = _LEADING_DATE.sub("", text)
    text = text.lstrip(" :-–—")
    if not text:
        return Status.UNKNOWN
    for phrase, category in _STATUS_PHRASES:
        if text.startswith(phrase):
            return category
    match = _WORD.match(text)
    if not match:
        return Status.UNKNOWN
    words = match.group(0)
    first = words.split()[0].split("-")[0]
    if words.replace(" ", "") in _STATUS_WORDS:
        return _STATUS_WORDS[words.replace(" ", "")]
    if first in _STATUS_WORDS:
        return _STATUS_WORDS[first]
    if first in ("not", "no") and "accept" in text:
        return Status.REJECTED
    return Status.UNKNOWN


def status_links(raw: str | None) -> list[tuple[Relation, str]]:
    """Links carried by a status text: 'superseded by ADR-0012' -> (superseded-by, '12')."""
    if not raw:
        return []
    lowered = raw.lower()
    if not any(word in lowered for word in ("supers", "superc", "replac", "ersetz", "rempla")):
        return []
    entry = last_status_entry(raw)
    text = strip_accents(entry).lower()
    m = re.search(r"\b(supersed|superced|replaced|ersetzt|remplace)\w*\s+(by|durch|par|with)?\b", text)
    if not m:
        return []
    rest = entry[m.end():] if len(entry) == len(text) else entry
    targets = reference_targets(rest)
    return [(Relation.SUPERSEDED_BY, t) for t in targets[:1]]


def reference_targets(text: str) -> list[str]:
    """Decision references in free text: '[ADR-12](0012-x.md)', 'ADR 12', '#12', '0012-x.md'."""
    found: list[str] = []
    for m in _ID_IN_TEXT.finditer(text):
        if m.group("href") is not None:
            found.append(m.group("href") or m.group("label"))
        elif m.group("adr"):
            found.append(m.group("adr"))
        elif m.group("hash"):
            found.append(m.group("hash"))
    if not found:
        bare = re.findall(r"\b(\d{1,5})(?:-[\w-]+(?:\.md)?)?\b", text)
        found.extend(bare[:1])
    return found


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
    return _CHOICE_WORDS.get(_clean(str(value)))


def parse_door(value: str | None) -> Door | None:
    if value is None:
        return None
    simple = str(value).strip().lower()
    if simple in _DOOR_WORDS:
        return _DOOR_WORDS[simple]
    return _DOOR_WORDS.get(_clean(str(value)).replace("_", "-"))


# ---- dates ------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def normalize_date(raw: str | None) -> str | None:
    """'2017/11/22', '13/02/2021', '2021-2-3' -> ISO; anything else is kept as written.

    Day-first is assumed for d/m/y (as most of the world writes it) unless the
    middle number cannot be a month.
    """
    if raw is None:
        return None
    text = _MARKUP.sub("", str(raw)).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _DMY.match(text)
    if m:
        a, b, y = (int(g) for g in m.groups())
        d, mo = (a, b) if b <= 12 else (b, a)
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _COMPACT.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return text


# ---- titles and file names --------------------------------------------------

_TITLE_PREFIX = re.compile(
    r"^(?:(?:adr|ADR|Adr|RFC|rfc)[\s#_-]*)?(\d{1,5})(?:\s*[.:)\-–—]\s*|\s+)(?=\S)"
)
_ADR_WORD_PREFIX = re.compile(r"^(?:adr|ADR|Adr)\s*[:\-–—]\s*")
_FILE_NUMBER = re.compile(r"^(?:adr|rfc|dr|decision)?[\s_-]*(\d{1,5})(?:[\s_.\-]|$)", re.IGNORECASE)
_DATE_STEM = re.compile(r"^(19|20)\d{6}(?:[-_].*)?$")


def strip_title_number(title: str) -> tuple[str, int | None]:
    """'# ADR 041: Foo', '0014. Foo', '34 EKS', '1. Title' -> ('Foo', 41) ..."""
    text = title.strip()
    m = _TITLE_PREFIX.match(text)
    if m:
        return text[m.end():].strip(), int(m.group(1))
    m = _ADR_WORD_PREFIX.match(text)
    if m:
        return text[m.end():].strip(), None
    return text, None


def file_number(stem: str) -> int | None:
    """The number in a record's file name, or None (log4brains date stems are ids, not numbers)."""
    if _DATE_STEM.match(stem):
        return None
    m = _FILE_NUMBER.match(stem)
    return int(m.group(1)) if m else None


def is_date_stem(stem: str) -> bool:
    return bool(_DATE_STEM.match(stem))


def slugify(title: str, max_length: int = 60) -> str:
    """A file-name slug like adr-tools' (lower case, dashes), keeping non-ASCII letters readable.

    Accented Latin letters are folded to ASCII; letters of other scripts are
    kept as they are, since dropping them would leave an empty slug.
    """
    folded = strip_accents(title).lower()
    out = []
    for c in folded:
        if c.isalnum():
            out.append(c)
        else:
            out.append("-")
    slug = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug

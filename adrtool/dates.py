"""Reading the dates people write in decision records, to ISO `yyyy-mm-dd` or nothing.

Seen in real folders: `2017/11/22`, `13/02/2021`, `10/04/18`, `[2023-05-09]`,
`3rd March 2022`, `2017年11月22日`, an unfilled `[YYYY-MM-DD]`, and
`2023-13-10` (year-day-month, once the month is impossible).  A date is ISO
or None, never a malformed string; `read` says why when it had to guess or
could not read one, so the caller can report the line.
"""

from __future__ import annotations

import datetime as _dt
import re

_MARKUP = re.compile(r"[*_`~]+")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?!\d)")
# "2020-Nov-09", "2020 November 9"
_YEAR_FIRST_NAMED = re.compile(r"^(\d{4})[-/ ]([A-Za-zÀ-ÿ]{3,10})\.?[-/ ](\d{1,2})(?!\d)")
_CJK = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
# Unfilled template placeholders: YYYY-MM-DD, dd/mm/yyyy, {date}, <date>, DATE, TBD.
_PLACEHOLDER = re.compile(
    r"^(?:[\[{(<]?\s*(?:y{2,4}|d{1,2}|m{1,2}|date|today|tbd|todo|n/?a|none|-+|\.+|x+)"
    r"(?:\s*[-/.]\s*(?:y{2,4}|d{1,2}|m{1,2}|x+))*\s*[\]})>]?|\{[^}\d]*\}|<[^>\d]*>|<!--.*-->)$",
    # (a date filled in between the braces is a date: `{2023-11-10}`, and between angle brackets, `<2026-07-28>`;
    # one inside an HTML comment renders as nothing: no date)
    re.IGNORECASE,
)
_MONTHS = {}
for _number, _names in enumerate((
    "january jan januar janvier enero janeiro gennaio januari",
    "february feb februar fevrier février febrero fevereiro febbraio februari",
    "march mar märz marz mars marzo março marco maart",
    "april apr avril abril aprile",
    "may mai mayo maio maggio mei",
    "june jun juni juin junio junho giugno",
    "july jul juli juillet julio julho luglio",
    "august aug aout août agosto augustus",
    "september sep sept septembre septiembre setembro settembre",
    "october oct oktober octobre octubre outubro ottobre",
    "november nov novembre noviembre novembro",
    "december dec dezember décembre decembre diciembre dezembro dicembre",
), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = r"(?P<month>[A-Za-zÀ-ÿ]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.|º)?"
_YEAR = r"(?P<year>\d{4})"
# "3rd March 2022", "3 March, 2022", "March 3rd, 2022", "Mar 3 2022", "3. März 2022", "3 de marzo de 2022".
_NAMED = (
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_DAY}\s+(?:de\s+|of\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b"),
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    # "11-April-2023" (opendatahub-io/architecture-decision-records 6325c10cd213 ODH-ADR-0003-*.md).
    re.compile(rf"^{_DAY}-{_MONTH}-{_YEAR}\b"),
)




def _valid(y: int, mo: int, d: int) -> str | None:
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def read(raw: object) -> tuple[str | None, str | None]:
    """(the ISO date `raw` holds or None, a note when it had to be guessed or could not be read).

    A plain tuple: one is made per record, and a NamedTuple's constructor costs more.
    """
    if raw is None:
        return (None, None)
    if type(raw) is str and len(raw) == 10 and raw[4] == "-" and raw[7] == "-":  # the common case: ISO
        try:
            _dt.date.fromisoformat(raw)
            return raw, None
        except ValueError:
            pass
    text = _MARKUP.sub("", str(raw)).strip()
    if not text or _PLACEHOLDER.match(text):
        return (None, None)
    # "[2023-05-09]", "(2023-05-09)", "{2023-11-10}" (MADR's template braces, filled in), "<2026-07-28>" and
    # "<!2026-07-25>" (the template's `<!-- YYYY-MM-DD -->` half overwritten; no comment or tag, so Markdown shows
    # the text: G977A/BOG-retail-client360 4b3b5d6e2337 docs/decisions/0002-seal-ground-truth.md): decoration.
    while text[:1] in "[({<" and text[-1:] in "])}>" and len(text) > 2:
        text = text[1:-1].strip().lstrip("!") if text[0] == "<" else text[1:-1].strip()
    text = text.lstrip("[({<")
    if not text or _PLACEHOLDER.match(text):
        return (None, None)
    m = _ISO.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        iso = _valid(y, mo, d)
        if iso:
            return (iso, None)
        swapped = _valid(y, d, mo) if mo > 12 else None
        if swapped:
            return (swapped, f"date '{m.group(0)}' has no month {mo}; read as year-day-month ({swapped})")
        return (None, f"date '{m.group(0)}' is not a calendar date; no date")
    m = _DMY.match(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        y = int(year) if len(year) == 4 else 2000 + int(year)
        # Day first (as most of the world writes it) unless the middle number cannot be a month.
        iso = _valid(y, b, a) if b <= 12 else _valid(y, a, b)
        if iso:
            return (iso, None)
        return (None, f"date '{m.group(0)}' is not a calendar date; no date")
    for pattern in (_COMPACT, _CJK):
        m = pattern.match(text)
        if m:
            iso = _valid(*(int(g) for g in m.groups()))
            if iso:
                return (iso, None)
    m = _YEAR_FIRST_NAMED.match(text)
    if m and m.group(2).lower() in _MONTHS:
        iso = _valid(int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3)))
        if iso:
            return (iso, None)
    for pattern in _NAMED:
        m = pattern.match(text)
        if m and m.group("month").lower() in _MONTHS:
            iso = _valid(int(m.group("year")), _MONTHS[m.group("month").lower()], int(m.group("day")))
            if iso:
                return (iso, None)
    shown = text if len(text) <= 40 else text[:39] + "…"
    return (None, f"cannot read the date '{shown}'; no date")


def normalize(raw: object) -> str | None:
    """The ISO date, or None."""
    return read(raw)[0]


LEADING = re.compile(r"^\s*(?:[-*+]\s*)?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})")


# Year first, or a numeric date with a four-digit year last (`Accepted (07/13/2022)`, openedx/course-discovery
# e519c2834f2d docs/decisions/0013-ranking-in-algolia-by-start-date.rst: read as `normalize` reads it).
# A full stop after it may end the sentence (`**Status.** Accepted · 2026-04-22.`, max578/janusplot 1fb7b67c0d68
# adr/0002-class-system.md), not a longer number.
_ANYWHERE = re.compile(r"(?<![\d/.-])(\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{4})(?![\d/-]|\.\d)")


def within(line: str) -> str | None:
    """A full date written anywhere in a line ('**Accepted** *2023-06-09*' -> '2023-06-09'), else None."""
    m = _ANYWHERE.search(line)
    return normalize(m.group(1)) if m else None


_WORD_FIRST = re.compile(r"^\s*(?:[-*+]\s*)?[^\W\d_]+:\s*(\d{4}-\d{1,2}-\d{1,2})")


def leading(line: str) -> str | None:
    """The date of a status-log entry ('2017-11-22 提议', 'Предложено: 2017-11-22' -> '2017-11-22'), else None."""
    m = LEADING.match(line) or _WORD_FIRST.match(line)
    return normalize(m.group(1)) if m else None


_WORD_START = re.compile(r"(?<![\w.])(?=[\w])")
_A_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def named_within(line: str) -> str | None:
    """A date written with its month's name after a status word (`Accepted - January 28, 2026`, charchess/hAIrem
    fdd4c23d42d3 docs/architecture/decisions/0013-*.md; `Accepté le 3 mars 2024`), else None: `within` reads numbers
    only. Each of the line's first words is tried as the date's start; the line must hold a year."""
    if _A_YEAR.search(line) is None:
        return None
    for n, m in enumerate(_WORD_START.finditer(line)):
        if n and n < 8 and (iso := read(line[m.start():])[0]) is not None:
            return iso
    return None


# A note dating a later change to the record, beside its status (`**IMPLEMENTED** (Updated: 2025-09-26)`,
# acald-creator/design-token-toolkit b7c782b2b908 doc/architecture/decisions/0001-*.md), names no decision date, as a
# front-matter `updated:` does not; in the languages adrtool reads too.
_UPDATE_NOTE = re.compile(r"\(?\s*(?:last\s+)?(?:updated|revised|mis\s+[àa]\s+jour|actualizado|aktualisiert|atualizado|"
                          r"aggiornato|обновлено)\b[^)]*\)?", re.IGNORECASE)


def without_update_notes(line: str) -> str:
    """The line less its `(Updated: <date>)` notes."""
    return _UPDATE_NOTE.sub("", line)

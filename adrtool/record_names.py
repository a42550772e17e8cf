"""Titles and file names of records: the number in a file name or a title, dated names, placeholder and generic
titles, and the slug a new record's file name is made of.

Pure functions from text to a value, as in `vocabulary` (statuses, tags, dates), which they were part of.
"""

from __future__ import annotations

import re
import unicodedata

from adrtool.vocabulary import strip_accents

# "Architecture decision record(s)" in Spanish, a label before the title (and, in front matter, a title that calls
# its file a record): `Registro de decisiones arquitectónicas`, also singular and unaccented.
RECORD_LABEL_ES = r"registro\s+de\s+decisi[oó]n(?:es)?\s+arquitect[oó]nicas?"
# German `Nr.` ("number") belongs to the number prefix (`# Nr. 001: Verwendung von React Native ...`, jeel-st/Sipster
# 1853253a00fe docs/dokumentationen/architecture-decision-record-adrs/nr.-001-*.md).
_TITLE_PREFIX = re.compile(
    r"^(?:(?:adr|ADR|Adr|RFC|rfc)[\s#_-]*|Nr\.\s*)?(\d{1,5})(?:\s*[.:)\-–—：·、]\s*|\s+)(?=\S)"
)
# "Architecture Decision Record: Foo", "Decision record - Foo": a label, not the title.  The word ADR without a
# number is part of the title (`ADR: Repository Directory Traversal API`, nextflow-io/nextflow 2aad02f65758
# adr/20250929-repository-directory-traversal.md; bench/reading/DEFINITIONS.md, title).
# Its number may follow the label (`# Architecture decision record 2: Python, Django, PostgreSQL`, DOI-OS-ORDA/DARTS
# 902ff04724aa docs/adrs/0002-python-django-postgres.md); Spanish teams write the label as `Registro de decisiones
# arquitectónicas - Migrar a EJS` (CodeAnd-Co/Documentacion 18c9888b1ac0 .../Decisiones tecnológicas/registroEJS.md).
_ADR_WORD_PREFIX = re.compile(
    r"^(?:architecture\s+decision\s+record|architectural\s+decision\s+record|decision\s+record|"
    r"architecture\s+decision|" + RECORD_LABEL_ES + r")(?:\s+(\d{1,5}))?\s*[:\-–—]\s*(?=\S)",
    re.IGNORECASE,
)
# `# ADR 2022-10-17: Foo`: the record's identifier is a date, dropped like a number (actions/actions-runner-controller
# 2ee6b3b8e8d2 docs/adrs/2022-10-17-runner-image.md).
_DATE_ID_PREFIX = re.compile(r"^(?:adr|rfc)[\s#_-]*\d{4}-\d{2}-\d{2}\s*[.:)\-–—：]\s*(?=\S)", re.IGNORECASE)
# The template's lead-in before a real title: `# Title - Clarify Spatial Extent encoding.` (ESIPFed/
# science-on-schema.org 229b5515d714 decisions/101-spatialExtent.md); a bare `# Title` keeps its word.
_TITLE_LEAD_IN = re.compile(r"^title\s*[:\-–—]\s+(?=\S)", re.IGNORECASE)
# An unfilled numbering placeholder: "# n. Login.gov", "# NNNN. Foo", "# {number}. Foo", "# X - Foo", also after the
# label (`# ADR-00X: VFS ID Strategy ...`, naninfinite/website-os 4e5f843fa57b docs/decisions/ADR-00X-vfs-id-strategy.md), and a
# number left out altogether, its separator orphaned (`# : Design simplified ...`, usnistgov/OSCAL c527e402f674 decisions/0009).
_NUMBER_PLACEHOLDER = re.compile(r"^(?:(?:(?:adr|rfc)[\s#_-]*)?(?:n|nn+|\d*x+|number|\{\{?\s*\w+\s*\}?\}|<\w+>)\s*[.:)\-–—]|:)"
                                 r"\s+(?=\S)", re.IGNORECASE)
# An upper-case identifier in the number's place (`# ADR-TERMINAL-SCOPE: Terminal.EXE Scope and Intent`, website-os 4e5f843fa57b
# docs/decisions/ADR-TERMINAL-SCOPE.md) is dropped as a number is; `# ADR: Foo`, with none, keeps its lead-in.
_WORD_ID_PREFIX = re.compile(r"^ADR-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\s*:\s+(?=\S)")
# An identifier of capitals and digits after `ADR` and a space, dash-led parts and dotted ones (`# ADR R9-E — Liquidar la
# comisión ...`, `# ADR R9-F.6 — Restringir el EOD ...`, CamilaParedes23/banquito-ADR b115b6f7477e docs/adr/microservicios/
# adr-r9-e-*.md, adr-r9-f6-*.md) is dropped too; it holds a digit, so a word (`# ADR API — ...`) stays.
_MIXED_ID_PREFIX = re.compile(r"^ADR[ -](?=[A-Z0-9.-]*\d)[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*(?:\s*:|\s+[-–—])\s+(?=\S)")
# An ISO date before the number names when it was written (`2021-06-06_002-reactive-core.md`, cardano-scaling/hydra
# docs/adr at ca8d19bca): the number is the one after it.
# A project's name before the label and a scope after it number the record too: `ODH-ADR-0003-...`,
# `ODH-ADR-Operator-0001-...` (opendatahub-io/architecture-decision-records at 6325c10cd213).
_FILE_NUMBER = re.compile(r"^(?:(?:[a-z]{2,12}[\s_-]+)?(?:adr|rfc|dr|decision)(?:[\s_-]+[a-z]{1,12}(?=[\s_-]+\d))?)?[\s_-]*"
                          r"(?:(?:19|20)\d\d-\d\d-\d\d[_-](?=\d))?(\d{1,5})(?:[\s_.\-]|$)", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"[0-9]{4}-")
# A number run into a CamelCase name (`0003Styling.md`, Universal-Connect-Project/architecture-decision-record
# architectureDecisionRecords/): three digits or more, then a capital and a small letter (not "3rd", "2fa").
_CAMEL_NUMBER = re.compile(r"(\d{3,5})(?=[A-Z][a-z])")
_DATE_STEM = re.compile(r"^(19|20)\d{6}(?:[-_].*)?$")
# A record named by the day it was made, its date written with dashes (Altinn/altinn-studio e049d2c021c4 docs/adr/
# 2025-09-04-studio-library-persistence.md): no number (not 2025), its id is its stem, as a log4brains record's.
# A date then a number (`2024-01-05-0003-x`) is numbered by the number (`_FILE_NUMBER`).
_DASHED_DATE_STEM = re.compile(r"^(?:19|20)\d\d-[01]\d-[0-3]\d(?:[-_](?!\d)|$)")
_TIMESTAMP_STEM = re.compile(r"^((?:19|20)\d{12})(?:[-_]|$)")


# Every first character the three patterns above can match ("12.", "ADR 4", "RFC", "Architecture
# decision: ...", "NNNN.", "x -", "{number}", "<n>", an orphan ":"), besides the digits of any script (`\d`);
# no other character case-folds to one of these.
_TITLE_STARTS = frozenset("0123456789aArRdDnNxX{<:")


# A heading that only names the kind of document ("# Architecture Decision") or is the template's generic label
# (`# Subject` under a front-matter `title:`, Letterbook/Letterbook 419ac4885881 Letterbook.Docs/_adr/04-error-reporting.md):
# no title of its own.
_GENERIC_TITLE = re.compile(
    r"^(?:architectur(?:e|al)\s+decision(?:\s+records?)?|decision(?:\s+record)?|adr|subject|title)"
    # with the kind's abbreviation after it (`# Architectural Decision Record (ADR)`, DFE-Digital/find-information-about-
    # academies-and-trusts 0ab17cad649b docs/adrs/0008-release-notes.md)
    r"(?:\s*\(adrs?\))?$", re.IGNORECASE)


# A heading the template left to be written over: `# Title(change me)` (davenkin/andy-springboot4-template 55bc679af27d ADRs/000_what_is_adr.md),
# `# ADR-0001: [短いタイトル]` ("short title", furima-share-re/fleapay-lite 5bc50fac57e7 adr/0001-template.md), MADR's
# `# [short title of solved problem and solution]`: the folder's template, not a record.
_PLACEHOLDER_TITLE = re.compile(r"\(change me\)|\[(?:short title|短いタイトル|简短标题|简短的标题)", re.IGNORECASE)


def is_placeholder_title(title: str) -> bool:
    return ("(" in title or "[" in title) and _PLACEHOLDER_TITLE.search(title) is not None


def is_generic_title(title: str) -> bool:
    """Whether a heading only says what kind of document this is (the record's own title is elsewhere)."""
    return _GENERIC_TITLE.match(title.strip()) is not None


def _icons_end(text: str) -> int:
    """Where the icon emoji leading `text` end (0 if none): symbols, their variation selectors and joiners, blanks."""
    i = 0
    while i < len(text) and (text[i] in " \t\ufe0f\u200d" or unicodedata.category(text[i]) in ("So", "Sk")):
        i += 1
    return i if i < len(text) else 0


# Status marks a folder's index gives its records, repeated after the title (zhuxiangqun/RANGEN-V2 39c03948fd55
# docs/architecture/adr/adr-001.md: `# ADR-001: 采用渐进式工具加载 (Progressive Tool Loading) ✅`, 🔶 for proposed): the
# status's, not the title's.  Only these marks: another emoji after a title is the title's own.
_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_STATUS_MARKS = frozenset("✅✔☑❌✖❎🔶🔷🟢🟡🟠🔴⚠🚧⏳⛔🚫")


def strip_title_number(title: str) -> tuple[str, int | None]:
    """The title without its number prefix (`_strip_number`), a strike-through's marks and a status mark after it."""
    if "~~" in title:
        # Struck through when superseded (DouglasPrado/alexandria 3d1ed9fa4b84 docs/adr/ADR-002.md: `# ADR-002:
        # ~~Axum como web framework~~ — Substituída`): the words are the title, as they render.
        title = _STRUCK.sub(r"\1", title)
    text, number = _strip_number(title)
    end = text[-1:]
    if end >= "\u2000":
        if end == "\ufe0f":
            end = text[-2:-1]
        if end in _STATUS_MARKS:
            rest = text.rstrip("\ufe0f")[:-1].rstrip()
            if rest and text[len(rest)] in " \t":  # (a mark set apart from the words, not one written onto them)
                return rest, number
    return text, number


def _strip_number(title: str) -> tuple[str, int | None]:
    """'# ADR 041: Foo', '0014. Foo', '34 EKS', '1. Title' -> ('Foo', 41) ...

    Icon emoji before or after the number prefix go with it (tiagonpsilva/architecture-decision-records
    9df2b2f270b4 architectural-patterns/adr-003-microservices.md: `# 003 - 📝 🏛️ Arquitetura de Microsserviços`,
    adr-021-*.md: `# 🎨 ADR-021: Arquitetura de Micro-frontends`); without a number they are the title's own.
    """
    text = title.strip()
    if text[:2] in ("**", "__") and len(text) > 4 and text[-2:] == text[:2] and text[:2] not in text[2:-2]:
        # A heading written wholly in bold (`# **ADR-0001: Record architecture decisions**`, aeells/forge-kit
        # e3fdfe651295 docs/architecture/decisions/0001-*.md): the emphasis goes, then the number prefix.
        return strip_title_number(text[2:-2])
    if text[:1] >= "\u2000" and (icons := _icons_end(text)):
        rest, number = strip_title_number(text[icons:])
        return (rest, number) if number is not None else (text, None)
    if text[:1] not in _TITLE_STARTS and not text[:1].isdecimal():  # ("Use Postgres": as none can start)
        if text[:5] in ("Title", "TITLE") and (m := _TITLE_LEAD_IN.match(text)):
            return strip_title_number(text[m.end():])
        return text, None
    if text[3:4] in " -_#" and text[4:8].isdecimal() and (m := _DATE_ID_PREFIX.match(text)):
        return text[m.end():].strip(), None
    m = _TITLE_PREFIX.match(text)
    if m:
        rest = text[m.end():].strip()
        if rest[:1] >= "\u2000" and (icons := _icons_end(rest)):
            rest = rest[icons:]
        return rest, int(m.group(1))
    m = _ADR_WORD_PREFIX.match(text) or _NUMBER_PLACEHOLDER.match(text) or _WORD_ID_PREFIX.match(text) \
        or _MIXED_ID_PREFIX.match(text)
    if m:
        rest, number = strip_title_number(text[m.end():])  # "Architecture Decision Record: 12. Foo"
        return rest, (int(m.group(1)) if m.re is _ADR_WORD_PREFIX and m.group(1) else number)
    return text, None


def file_number(stem: str) -> int | None:
    """The number in a record's file name, or None (log4brains date stems are ids, not numbers)."""
    if stem[4:5] == "-" and stem[:2] not in ("19", "20") and _FOUR_DIGITS.match(stem):
        return int(stem[:4])  # `0042-use-x`, what adr-tools and MADR write: the patterns below read the same
    if _DATE_STEM.match(stem) or stem[4:5] == "-" and _DASHED_DATE_STEM.match(stem):
        return None
    m = _FILE_NUMBER.match(stem) or _CAMEL_NUMBER.match(stem)
    if m:
        return int(m.group(1))
    # A 14-digit timestamp (`20240516132303-use-markdown-any-decision-records.md`, MTES-MCT/zero-logement-vacant
    # docs/decisions at e2cca5479e87): unique to the second, so it numbers the record.
    m = _TIMESTAMP_STEM.match(stem) if stem[:1] in "12" else None
    return int(m.group(1)) if m else None


def is_date_stem(stem: str) -> bool:
    return bool(_DATE_STEM.match(stem))


def is_dated_name(stem: str) -> bool:
    """Whether a file is named by its day, as log4brains writes it (`20200925-x`) or with dashes (`2025-09-04-x`)."""
    return bool(_DATE_STEM.match(stem)) or stem[4:5] == "-" and bool(_DASHED_DATE_STEM.match(stem))


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

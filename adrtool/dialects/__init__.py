"""One module per file format; this module picks the right one for a file.

Reading: `parse_file` turns a Markdown file's text into a record (or None, if
the file is a design document) plus the inline decisions it holds.
Writing: `writer_for(decision)` gives the functions that edit a file of that
dialect in its own style (`set_field`, `add_link`, `remove_link`).
"""

from __future__ import annotations

import re

from adrtool import frontmatter, languages, record_names, vocabulary
from adrtool.dialects import inline, native, nygard, phodal, status_history
from adrtool.dialects.log4brains import LOG4BRAINS
from adrtool.dialects.madr import MADR2, MADR2_DASH, bullet_dialect
from adrtool.model import Decision, Kind, Problem
from adrtool.sections import Section, headings, sections

RECORD_DIALECTS = ("native", "madr4", "madr3", "madr2", "log4brains", "nygard", "phodal", "rst")


def _stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name[:-3] if name.lower().endswith(".md") else name.rsplit(".", 1)[0]


def is_rst(path: str) -> bool:
    return path[-4:].lower() == ".rst"


def _is_record(record: Decision, headings_text: list[str]) -> bool:
    """A numbered file is a record unless it has no status, no metadata and no section a record has.

    An install how-to or a notes page in the decision folder is a document, not a
    record of unknown status.
    """
    if record.status_raw is not None or record.date or record.links or record.decision_makers or record.is_tagged:
        return True
    if record.number and "title" in record.field_lines and not _HOW_TO.match(record.title):
        # A numbered place in the sequence makes a record, even one that explains more than it decides
        # (aquarist-labs/s3gw docs/decisions/0010-sfs-versioning.md at 80f5ba2c25c4: no status, design sections).
        return True
    return any(vocabulary.is_record_heading(h) for h in headings_text)


# "ADR: Naming", "ADR-012 - ...", "Architecture Decision Record: ...": a title that says it is a record; not
# "ADR 创建流程" (ADR creation process, luchenqun/cosmos-sdk-docs cb3680d46b91 docs/integrate/architecture/PROCESS.md),
# where the word names what the page is about.
# Spanish `Registro de decisiones arquitectónicas Migrar a EJS` (front matter; CodeAnd-Co/Documentacion 18c9888b1ac0
# .../Decisiones tecnológicas/registroEJS.md) says so in words long enough to need no separator.
_RECORD_TITLE = re.compile(r"\s*(?:(?:adr|architectur(?:e|al) decision(?: record)?)\s*(?:[:#\-–—]|\d)|"
                           + record_names.RECORD_LABEL_ES + r"\s)", re.IGNORECASE)


def _front_date(fm) -> tuple[str, int] | None:
    """A front matter's `date:` or created key (languages.CREATED_KEYS) as (text, 1-based line), for a record
    the Nygard reader reads from its body; None when it has none or its value is no text."""
    for key in ("date", *languages.CREATED_KEYS):
        value = fm.data.get(key)
        if value.__class__ is str and value.strip() and key in fm.key_lines:
            return value.strip(), fm.key_lines[key] + 1
    return None


def _titled_as_record(fm, heads) -> bool:
    """An unnumbered file whose title calls it a decision record (then `_is_record` asks for a record's sections).

    Unleash/unleash contributing/ADRs/back-end/naming.md (2025 HEAD): `title: "ADR: Naming"` in front
    matter, then Background and Decision sections, no number and no status.
    """
    title = fm.data.get("title") if fm.present else None
    if title.__class__ is not str:
        title = next((text for _, level, text in heads if level == 1), None)
    return bool(title) and _RECORD_TITLE.match(title) is not None


# The section a record states its decision under, by its whole heading (accents and case aside).
# MADR's "Decision Outcome" as its translated templates write it: German `## Ergebnis der Entscheidung`
# (neuro-inclusive-transit/development 5d821801318e adrs/001a-system-architecture-build.md, with `Kontext und
# Problemstellung` and `In Betracht gezogene Optionen`) or `Entscheidungsergebnis`, French `Résultat de la décision`,
# Spanish `Resultado de la decisión`, Portuguese `Resultado da decisão`, Italian `Esito della decisione`.
_DECISION_HEADINGS = frozenset({"decision", "decision outcome", "the decision", "our decision", "entscheidung",
                                "decisao", "decisione", "决策", "决定", "решение",
                                "ergebnis der entscheidung", "entscheidungsergebnis", "resultat de la decision",
                                "resultado de la decision", "resultado da decisao", "esito della decisione"})


# A numbered file headed as the template's example (Hardhat-Enterprises/Deakin-Detonator-Toolkit 3bec7505b296
# documentation/adr/ADR-0000.md: `# THIS IS AN EXAMPLE ADR` over the template's sections, filled in).
_EXAMPLE_TITLE = re.compile(r"this is an? example (?:adr|record|decision)\b", re.IGNORECASE)
# A record titled by its kind alone, numbered 0 or not: `# ADR-0000: Template` (shaes-farm/dcc e4f7af9e80f8
# docs/adr/adr-0000.md, its Date `YYYY-MM-DD`), `# ADR Template`: the folder's template, whatever its file is called.
_TEMPLATE_TITLE = re.compile(r"(?:(?:adr|architecture decision record|decision record|record)\s+)?template$", re.IGNORECASE)
# Titles of the how-to pages teams number beside their records: documents, not records.
_HOW_TO = re.compile(r"(?:how[ -]?to|installing|installation|getting started|set ?up)\b", re.IGNORECASE)


# The Context and Decision section names of the templates of every language phodal's `adr` writes.
_CONTEXT_NAMES = frozenset(lang.sections[0].lower() for lang in languages.PHODAL.values())
_DECISION_NAMES = frozenset(lang.sections[1].lower() for lang in languages.PHODAL.values())


def _has_record_sections(heads) -> bool:
    """An unnumbered file of a decision folder whose sections make it a record (then `_is_record` asks the rest):

    - a level-2 section headed "Decision" (Skyscanner/backpack decisions/*.md: no number, no status, `# Logo usage
      in our open source repos` over `## Decision`; bench/judgement holdout8);
    - a title over both a Context and a Decision section of any of phodal's languages (bench/reading/DEFINITIONS.md,
      is_record: ONSdigital/sdc 208151f19349 doc/architecture/decisions/godaddy-structured-json-logging-java.md,
      `# Godaddy structured JSON logger ...` over Context, Decision, Consequences);
    - a title over a Problem section and the options weighed (below).
    """
    context = decision = problem = options = titled = weighed = chosen = False
    for _, level, text in heads:
        if level == 1:
            titled = True
            continue
        if level == 2 and vocabulary.strip_accents(text).lower().rstrip(" :") in _DECISION_HEADINGS:
            return True
        name = text.strip().lower()
        context = context or name in _CONTEXT_NAMES
        decision = decision or name in _DECISION_NAMES
        problem = problem or name in _PROBLEM_NAMES
        options = options or name in _OPTIONS_NAMES
        if level == 2:
            folded = vocabulary.strip_accents(name).rstrip(" :?")
            weighed = weighed or folded in _WEIGHED_NAMES
            chosen = chosen or folded in _CHOSEN_NAMES
    return titled and (context and decision or problem and options or weighed and chosen)


# A decision being worked out: a title over a Problem section and the options weighed (drewgingerich/homelab
# af8cfb7836d5 docs/decisions/241019-use-tailscale-for-personal-remote-access.md: `## Problem`, `## Options`,
# `## Solution`; 250324A-*.md, Problem and Solution only; DRAFT-use-nixops.md, the sections left empty under `# 1. ...`).
_PROBLEM_NAMES = frozenset({"problem", "problem statement", "the problem"})
_OPTIONS_NAMES = frozenset({"options", "considered options", "options considered", "the options", "solution"})
# The options weighed and the one chosen, as level-2 sections: a decision made (nibralab/joomla-architecture 99ab82e904fc
# docs/Architecture/filesystem-meta.md: `# Filesystem Abstraction Layer` over `## Why bother?`, `## Factors`, `## Criteria`,
# `## Options`, `## Solution`, `## Consequences`, no status; DEFINITIONS, truth20), in the languages adrtool reads.
# The solutions proposed and the one kept, as a team's own template names them (Shiva-Br/architecture-decision-records
# b9576d5d5160 teams-engagement.md: `# Team Engagement` over Context, Decision Drivers, `## Proposed Solutions`,
# `## Solution`, Consequences; DEFINITIONS, truth27).
_WEIGHED_NAMES = frozenset({"options", "considered options", "options considered", "the options", "alternatives",
                            "proposed solutions", "possible solutions", "solutions considered", "considered solutions",
                            "optionen", "alternativen", "opciones", "alternativas", "opcoes", "opzioni", "alternative"})
_CHOSEN_NAMES = frozenset({"solution", "chosen solution", "the solution", "losung", "gewahlte losung", "solucion",
                           "solucao", "soluzione"})


def _declares_record(lines: list[str], start: int) -> bool:
    """An unnumbered page whose opening lines say it is the decision's record (see `vocabulary.declares_record`).

    (Asked only of a file in the decision folder that nothing else made a record: its first dozen lines, and the
    pattern only when they hold the word ADR or "decision record".)
    """
    head = "".join(lines[start:start + 12])
    return ("ADR" in head or "ecision record" in head) and vocabulary.declares_record(head)


def escaped_headings(lines: list[str], start: int) -> list[str]:
    """The headings of a file whose every Markdown marker is backslash-escaped (`\\# Use Markdown ...`, `\\## Context and
    Problem Statement`, left by a rich-text editor's export: zdanovichnick/adr-test 9de2f827d88e docs/adr/0000-*.md),
    as a reader sees them; asked only of a file with no heading and no status."""
    return [line.lstrip("\\#").strip() for line in lines[start:] if line.startswith(("\\# ", "\\## ", "\\### "))]


def _unwrapped(text: str, lines: list[str]) -> tuple[str, list[str]]:
    """A file wrapped whole in one ```` ```markdown ```` fence (a pasting slip) read as the Markdown it wraps.

    PC1-23/Checkpoint2 docs/ADR/0007-modifiability.md opens with ```` ```markdown ```` and closes with ```` ``` ````.
    The two fence lines are read as blank lines, so every other line keeps its number (edits stay surgical).
    """
    last = len(lines) - 1
    while last > 0 and not lines[last].strip():
        last -= 1
    if last < 1 or lines[0].strip().lower() not in ("```markdown", "```md") or lines[last].strip() != "```":
        return text, lines
    if any(line.lstrip().startswith("```") for line in lines[1:last]):
        return text, lines  # (a fence inside: the wrapper is not one block)
    lines = ["\n", *lines[1:last], "\n", *lines[last + 1:]]
    return "".join(lines), lines


def parse_file(path: str, text: str, in_decision_dir: bool, log4brains_repo: bool = False):
    """(record or None, inline decisions) for one file.

    A file is a record when its name carries a number or a log4brains date,
    or when it holds record metadata (front matter, status bullets or a
    Status section), and it reads like one (see `_is_record`).  Any other file
    is a design document.  Inside a record, a tagged `Decision (...):` line is
    a sub-decision of it.  Malformed front matter is a problem of the record, whose
    readable keys, title and body are still read (`frontmatter.salvage`); raises
    frontmatter.FrontMatterError when the file is no record.
    """
    stem = _stem(path)
    if path[-4:].lower() == ".rst":  # (is_rst, inline: this runs for every file)
        return _parse_rst(path, text, stem, in_decision_dir)
    if "\n\ufeff" in text:
        # A byte-order mark opening a line inside the file, where files were pasted together (Control39/portfolio-
        # system-architect afc854fba81b docs/architecture/decisions/ADR-001-*.md: `\ufeff# ADR-001: ...` below two
        # "Consolidated" notes): invisible, as at the file's start; the line count is kept, the file is not changed.
        text = text.replace("\n\ufeff", "\n")
    lines = text.splitlines(keepends=True)
    if text.startswith("```"):
        text, lines = _unwrapped(text, lines)
    try:
        fm = frontmatter.parse(lines)
        if not fm.present and text.startswith("<!--") and (opening := frontmatter.after_comment(lines)):
            fm = frontmatter.parse_after_comment(lines, opening)
        malformed = None
    except frontmatter.FrontMatterError as exc:  # read the rest of the record; the error becomes its problem
        fm, bad_line = frontmatter.salvage(lines)
        # YAML's own mark is often the line after the one that broke it; the first unreadable line is named then.
        guessed = exc.line is None or str(exc).startswith("invalid YAML")
        malformed = frontmatter.FrontMatterError(str(exc), (bad_line or exc.line) if guessed else exc.line)
    start = fm.end_line + 1 if fm.present else 0
    record: Decision | None = None
    declared = False
    if in_decision_dir or fm.present:
        if native.looks_like_record(fm):
            # Front matter holds everything but the title: no need to map every heading.
            record = native.parse(path, stem, lines, fm, text=text)
        elif (bullets := bullet_dialect(lines, start, heads := headings(lines, start, text)))[0] is MADR2:
            record = MADR2.parse(path, stem, lines, start, heads, text, bullets[1])  # (headings: found once, reused)
        elif bullets[0] is MADR2_DASH:
            dialect = LOG4BRAINS if (log4brains_repo or record_names.is_date_stem(stem)) else MADR2_DASH
            record = dialect.parse(path, stem, lines, start, heads, text, bullets[1])
        elif in_decision_dir and (record_names.file_number(stem) is not None or record_names.is_dated_name(stem)
                                  or nygard._status_section(lines, start, heads) is not None
                                  or _titled_as_record(fm, heads) or (declared := _declares_record(lines, start))
                                  or "template" not in stem.lower() and _has_record_sections(heads)
                                  or not heads and nygard.opens_with_record_line(lines, start)):
            record = nygard.parse(path, stem, lines, start, heads, text, fm.data.get("title") if fm.present else None,
                                  fm.data.get(status_history.KEY) if fm.present else None,
                                  _front_date(fm) if fm.present else None)
            if record.title[:1] in "Tt" and _EXAMPLE_TITLE.match(record.title) \
                    or record.title[-8:].lower() == "template" and _TEMPLATE_TITLE.match(record.title) \
                    or record_names.is_placeholder_title(record.title):
                record = None  # the folder's template (shown filled in, or its title left to write), not a record
            elif record.status_raw is None and not declared and not _is_record(
                    record, [h for i, _, h in heads if i != (record.field_lines.get("title") or 0) - 1]
                    or escaped_headings(lines, start)):
                record = None
            elif phodal.is_phodal_record(record, lines):
                record.dialect = phodal.NAME
    if malformed is not None:
        if record is None:
            raise malformed
        record.problems.append(Problem(path, f"{malformed}; the rest of the file was read", malformed.line,
                                       "front-matter"))
    if record is not None:
        return record, inline.scan_record(path, text, record.id)
    return None, inline.scan(path, text, stem)


def _parse_rst(path: str, text: str, stem: str, in_decision_dir: bool):
    from adrtool.dialects import rst

    if in_decision_dir:
        from adrtool.dialects.rst_structure import titles

        lines = text.splitlines(keepends=True)
        found = titles(lines)
        record = rst.parse(path, stem, lines, found, text)
        others = [t.text for t in found if t.line + 1 != record.field_lines.get("title")]
        numbered = record_names.file_number(stem) is not None
        if (numbered or record.status_raw is not None) and _is_record(record, others):
            return record, inline.scan_record(path, text, record.id)
    return None, inline.scan(path, text, stem)


def sections_of(path: str, lines: list[str], start: int = 0) -> list[Section]:
    """The sections of a decision file of any format: Markdown headings, or reStructuredText titles.

    (Here, above both readers, so that `adrtool.sections` imports no dialect.)  RST is
    read by `adrtool.dialects.rst.sections`, whose line scan needs no docutils.
    """
    if is_rst(path):
        from adrtool.dialects import rst

        return rst.sections(lines, start)
    return sections(lines, start)


def writer_for(decision: Decision, text: str):
    """The editing functions for a record of this dialect, given its current text."""
    if decision.kind is Kind.INLINE:
        raise ValueError("inline decisions are edited with adrtool.dialects.inline")
    if decision.dialect in native.NAMES:
        return native
    if decision.dialect == "nygard":
        from adrtool.dialects import nygard_write

        return nygard_write
    if decision.dialect == phodal.NAME:
        return phodal
    if decision.dialect == "rst":
        from adrtool.dialects import rst_write

        return rst_write
    if decision.dialect == "log4brains":
        return LOG4BRAINS
    if decision.dialect == "madr2":
        lines = text.splitlines(keepends=True)
        start = frontmatter.parse(lines).end_line + 1 if text.startswith("---") else 0
        return MADR2 if MADR2.matches(lines, start) else MADR2_DASH
    raise ValueError(f"no writer for dialect {decision.dialect}")

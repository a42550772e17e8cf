"""adr-tools / Michael Nygard records.

    # 1. Record architecture decisions

    Date: 2016-02-12

    ## Status

    Accepted

    Supersedes [1. Old](0001-old.md)

The status and link lines live in the `## Status` section; other metadata
(`Date:`, and adrtool's `Choice:`/`Door:`) are `Key: value` lines between the
title and the first section, so `adr list`, `adr generate toc` and
`adr generate graph` keep working on files adrtool edits (`nygard_write`).
"""

from __future__ import annotations

import re

from adrtool import dates, languages, record_names, vocabulary
from adrtool.dialects import metadata_lines, status_history
from adrtool.dialects.common import RawRecord, build, find_title, opens_file_over_metadata
from adrtool.dialects.link_lines import parse_link_line
from adrtool.model import Decision, Link, Relation, Status
from adrtool.sections import headings_from

NAME = "nygard"
_STATUS_HEADINGS = {"status", "statut", "état", "etat", "estado", "stato", "statuses", "state", "decision status",
                    "ステータス", "状態", "狀態", *languages.STATUS_HEADINGS,  # (Japanese: route06/actions docs/adr)
                    *languages.OTHER_STATUS_LABELS,  # (`## Trạng thái`, Vietnamese, as its bold label)
                    # Before an `Implementation status` section, which says whether it was built
                    # (Hardhat-Enterprises/Deakin-Detonator-Toolkit documentation/adr/ADR-0003.md).
                    "proposal status",
                    # "Current status" (LISBON11/fit-bot 54cec1d83d3a docs/business/decisions/0001-*.md: `## Текущий статус`).
                    "current status", "текущий статус"}

_SUPERSEDABLE, _SUPERSEDED_BY = (Status.PROPOSED, Status.ACCEPTED), Relation.SUPERSEDED_BY  # (bound once: see common)
_NOT_WORD = re.compile(r"[^\w ]")  # what a heading loses before it is compared with the names above
_SECTION_NUMBER = re.compile(r"^[\d ]+")  # what is left of `2.` or `1.2)` once _NOT_WORD has been applied


def _is_named(text: str, names: set[str]) -> bool:
    """Whether a heading is one of `names`, in either of its languages (`## 状态 (Status)`)."""
    # (A heading of letters, digits and blanks loses nothing to `_NOT_WORD`, whose `\w` is `isalnum` and "_": no sub.)
    name = (text if text.replace(" ", "").isalnum() else _NOT_WORD.sub("", text)).strip().lower()
    if name in names:
        return True
    if name[:1].isdigit() and _SECTION_NUMBER.sub("", name) in names:
        # A numbered section, `## 2. ステータス` (kai-5908/harmony-study-app 7e08c5f6d508 docs/ADR/adr_harmony_task_model.md,
        # over `## 1. タイトル`, `## 3. コンテキスト`), `## 2. Status`, `## 2) Statut`: its number is no part of its name.
        return True
    return (")" in text or "）" in text) and any(
        _NOT_WORD.sub("", name).strip() in names for name in languages.heading_names(text))


def _status_section(lines: list[str], start: int, heads=None) -> tuple[int, int] | None:
    """(heading index, end index) of the Status section."""
    heads = headings_from(lines, start, heads)
    for n, (idx, level, text) in enumerate(heads):
        # Level 1 too, below the title: "# Status" (seen in cisagov/manage.get.gov 0028).
        if (level >= 2 or idx > start) and _is_named(text, _STATUS_HEADINGS):
            end = len(lines)
            for idx2, level2, _ in heads[n + 1 :]:
                if level2 <= level:
                    end = idx2
                    break
            return idx, end
    return None


def _chapter_title(raw: RawRecord, lines: list[str], start: int, heads=None, number: int | None = None) -> None:
    """No level-1 heading: the first heading titles the record when every other one lies below it.

    A record written as a chapter of a guidebook (SimonDingemans/Escape-Room-AGV 9d34ad4f8799
    producten/software-guidebook/11-decision-log/adr-007-meerdere-paginas.md: `### ADR-007 meerdere pagina's`
    over `####` sections).  A first heading that is a section of its own (`## Status` among `##`) is no title.
    """
    heads = headings_from(lines, start, heads)
    if len(heads) > 1 and all(level > heads[0][1] for _, level, _ in heads[1:]) \
            and not _is_named(heads[0][2], _STATUS_HEADINGS):
        raw.title_line, raw.title = heads[0][0] + 1, heads[0][2]
    elif heads and number is not None and record_names.strip_title_number(heads[0][2])[1] == number \
            and all(level >= heads[0][1] for _, level, _ in heads[1:]):
        # The first heading numbers the record as its file name does, its sections at the same level below it
        # (ADORSYS-GIS/ai-helm c23aafc4258e docs/adr/0013-defer-image-updater-writeback.md: `## ADR-0013: Defer ...`
        # over `## Context`, `## Decision`): it is the record's title, no section.
        raw.title_line, raw.title = heads[0][0] + 1, heads[0][2]
    elif len(heads) > 1 and all(level >= heads[0][1] for _, level, _ in heads[1:]) \
            and not vocabulary.is_record_heading(heads[0][2]) and opens_file_over_metadata(lines, start, heads[0][0]):
        # Every heading at one level, the first opening the file with the Status and Date lines under it
        # (raskolnikoff/RAGfish 54c0473abe29 docs/adr/adr-0001.md: `## RAGpack ZIP as Unified Knowledge Package; ...`
        # over `- Status: Proposed`, `- Date: 2025-08-01`, then `## Context`): the record's title, no section.
        raw.title_line, raw.title = heads[0][0] + 1, heads[0][2]


# (Or a dash after the number: `ADR-003 – Object Lock Mode Selection` over plain numbered sections, TechWithHer/
# Enterprise-Amazon-S3-Platform 73e43109ed72 docs/adr/ADR-003.md; DEFINITIONS, truth41.)
_RECORD_LINE = re.compile(r"ADR[-\s#]*(?:[\w-]*\s*:|\d{1,5}[ \t]+[–—-])\s+\S")


def opens_with_record_line(lines: list[str], start: int) -> bool:
    """Whether a file's first line names the record as a heading would (`ADR-00X: Terminal-OS Arcade ...`)."""
    first = next((line for line in lines[start:start + 3] if line.strip()), "")
    return first[:3] == "ADR" and _RECORD_LINE.match(first) is not None


def plain_status_line(lines: list[str], start: int) -> int | None:
    """The line under a plain `Status` line (no heading mark) holding the status, in a file with no headings."""
    at = next((i for i in range(start, len(lines)) if lines[i].strip().lower() == "status"), None)
    return next((i for i in range(at + 1, min(at + 4, len(lines))) if lines[i].strip()), None) if at else None


# A heading that is the record's id alone (Michal11K/nfosync 7cadf04c20c4 docs/adr/ADR-0002.md: `# ADR-0002`, then
# `Repository Pattern.` and nothing else; DEFINITIONS, truth39): the plain line under it is the title.
_ID_ONLY = re.compile(r"(?:ADR|adr|Adr)?[-\s#_\u2011]*\d{1,5}\s*$")
_NOT_A_TITLE_LINE = "#-*+>|`<![:"  # what opens a heading, list, quote, table, code, markup or a link line


def _line_under_id(raw: RawRecord, lines: list[str]) -> None:
    """The first non-blank line under an id-only heading titles the record, when it is a plain line of text."""
    below = next((i for i in range(raw.title_line, len(lines)) if lines[i].strip()), None)
    if below is None:
        return
    line = lines[below].strip()
    if line[:2] == "# " and line[2:].strip():
        # A second level-1 heading under the id's (FredB30/Feeligrane a578b07d358d docs/adr/ADR-0001.md: `# ADR-0001`,
        # then `# Repository Governance`; DEFINITIONS, truth42) is the title.
        raw.title_line, raw.title = below + 1, line[2:].strip()
        return
    if line[:1] in _NOT_A_TITLE_LINE or _KEY_LINE.match(lines[below]) or line.isdigit():
        return  # (a `Status: Accepted` line, a section, a list: the id stays the title)
    raw.title_line, raw.title = below + 1, line


def _plain_line_record(raw: RawRecord, lines: list[str], start: int) -> None:
    """A file with no Markdown heading: its opening line titles it, a plain `Status` line heads its status.

    naninfinite/website-os 4e5f843fa57b docs/decisions/ADR-00X-terminal-arcade-renderers.md opens with
    `ADR-00X: Terminal-OS Arcade Renderers ...`, then `Status`, `Accepted — Sprint 1`, `Context`, ... as plain lines.
    """
    first = _first_line_title(raw, lines, start)
    value = plain_status_line(lines, first + 1)
    if value is not None:
        raw.fields["status"], raw.field_lines["status"] = lines[value].strip(), value + 1


def _first_line_title(raw: RawRecord, lines: list[str], start: int) -> int:
    """The file's first non-blank line titles the record (`opens_with_record_line` said it names one); its index."""
    first = next(i for i in range(start, len(lines)) if lines[i].strip())
    raw.title_line, raw.title = first + 1, lines[first].strip()
    return first


def _title_section(raw: RawRecord, lines: list[str], start: int, heads=None) -> bool:
    """A `Title` heading holding the title's one plain line titles the record, as truth5's `- Title:` field.

    Hardhat-Enterprises/Deakin-Detonator-Toolkit documentation/adr/ADR-0003.md opens with `## Title`, then
    the title; ADR-0014 with `# Title`; StatusNeo/vms web-backend/docs/adr/0002-backend-framework.md has a
    generic `# Architecture Decision Record` over `## Title`.  Looked for only when no level-1 heading, or a
    generic one, titles the record and the file holds `# Title`.  A `Title` heading over a backticked date
    (trivedisorabh/ferris docs/adr) keeps the placeholder.
    """
    if raw.title is not None and not record_names.is_generic_title(raw.title):
        return False
    found = headings_from(lines, start, heads)
    for n, (idx, level, text) in enumerate(found):
        if text.strip().lower() != "title":
            continue
        if raw.title is None and n:  # (no level-1 heading: only a first `## Title` is the record's)
            return False
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        body = [i for i in range(idx + 1, end) if lines[i].strip()]
        line = lines[body[0]].strip() if len(body) == 1 else ""
        if line and line[:1] not in "<[!-*>|`#":
            raw.title_line, raw.title = body[0] + 1, line
            return True
        return False
    return False


def _record_subheading(raw: RawRecord, lines: list[str], start: int, heads=None) -> None:
    """A generic level-1 heading over one `##` heading that heads the record, its sections all deeper: that names it.

    DFE-Digital/find-information-about-academies-and-trusts 0ab17cad649b docs/adrs/0008-release-notes.md:
    `# Architectural Decision Record (ADR)`, then `## ADR: Adoption of Keep a Changelog Format for Release Notes` over
    `### Status`, `### Context`, ...  A `## Status` or `## Context` under the generic heading is a section: no name.
    """
    found = headings_from(lines, start, heads)
    after = [h for h in found if h[0] >= raw.title_line]
    if len(after) < 2 or after[0][1] != 2 or any(level <= 2 for _, level, _ in after[1:]):
        return
    text = after[0][2].strip()
    if text and not vocabulary.is_record_heading(text) and not record_names.is_generic_title(text):
        raw.title_line, raw.title = after[0][0] + 1, text


def _opening_line_title(raw: RawRecord, lines: list[str], start: int, heads=None) -> None:
    """The first level-1 heading is `# Status`, the others sections too: a plain opening line names the record.

    touka-aoi/parallel-vs-single d52ee2b4b525 docs/adr/ADR-007-session-id-bytes-no-error.md opens with
    `ADR: SessionID.Bytes()はエラーを返さない`, ADR-006 with `¥# ADR-006: ...` (a stray `¥` before the `#`).
    """
    if sum(level == 1 and vocabulary.is_record_heading(text) for _, level, text in headings_from(lines, start, heads)) < 2:
        return  # (`# Status` then `# Decision`, `# Context`...: the record's sections, none its title)
    first = next((i for i in range(start, raw.title_line - 1) if lines[i].strip()), None)
    text = lines[first].strip().lstrip("¥\\").lstrip("#").strip() if first is not None else ""
    if text and text[:1] not in "<[!-*>|`":
        raw.title_line, raw.title = first + 1, text


_STATUS_IN_HEADING = re.compile(r"^(\S+)\s*[:：]\s*(\S.*)$")


def _status_heading(lines: list[str], start: int, heads=None) -> tuple[int, str] | None:
    """(index, status) of a heading that holds the status itself: `# Status: accepted` (touka-aoi/parallel-vs-single
    d52ee2b4b525 docs/adr/ADR-004-session-endpoint-close.md.md)."""
    for idx, _, text in headings_from(lines, start, heads):
        m = _STATUS_IN_HEADING.match(text) if ":" in text or "：" in text else None
        if m and _is_named(m.group(1), _STATUS_HEADINGS):
            return idx, m.group(2).strip()
    return None


def _reads_as_status(lines: list[str], section: tuple[int, int]) -> bool:
    """Whether a Status section holds a status, not a part of the design called "Status".

    nats-io/nats-architecture-and-design adr/ADR-2.md (2025 HEAD) gives its status in a metadata
    table under the title and has a `## Status` section about status headers of messages.
    """
    head, end = section
    text = "\n".join(l for l in lines[head + 1 : min(end, head + 12)] if l.strip() and not parse_link_line(l))
    return vocabulary.status_entry(text)[0] is not Status.UNKNOWN


def trailing_status_line(lines: list[str]) -> tuple[int, str] | None:
    """(index, status as written) of a `Status: Accepted` line closing the file, for a record that says its status
    nowhere else (Eswar-426/ARES-MEMORY-OS 6141e2f92612 docs/decisions/ADR-002.md: plain `Context:` / `Decision:`
    paragraphs, then `Status: Accepted` as the last line; DEFINITIONS, truth42)."""
    last = len(lines) - 1
    while last > 0 and not lines[last].strip():
        last -= 1
    if last <= 0 or lines[last][:1] not in "Ss*-" or ":" not in lines[last]:
        return None
    read, _ = metadata_lines.read(lines, last, last + 1, "")
    return (last, read["status"]) if "status" in read else None


def _first_section(lines: list[str], start: int, heads=None) -> int:
    for idx, level, _ in headings_from(lines, start, heads):
        if level >= 2:
            return idx
    return len(lines)


def _subtitle_metadata(lines: list[str], title_idx: int, first: int, heads) -> tuple[dict, dict]:
    """The metadata under a subtitle: the first section heading follows the title with nothing between (blank
    lines, a `---` rule) and its body opens with a table or with metadata lines; else nothing."""
    if any(line.strip() not in ("", "---") for line in lines[title_idx + 1:first]):
        return {}, {}
    opening = next((i for i in range(first + 1, min(first + 4, len(lines))) if lines[i].strip()), None)
    table = opening is not None and lines[opening].lstrip()[:1] == "|"
    if not table and (opening is None or ":" not in lines[opening] and "：" not in lines[opening]):
        return {}, {}  # (a section's prose: no metadata line opens it)
    # A bulleted block too: `## Metadata` over `- status: accepted`, `- owner: pipeline` (IvanFerroli/WatchDog 0db8aa08af79
    # docs/adr/ADR-001-*.md; DEFINITIONS, truth34).
    bullet = lines[opening].lstrip()[:1] if not table and lines[opening].lstrip()[:2] in ("- ", "* ") else ""
    fields, where = metadata_lines.read(lines, first + 1, _first_section(lines, first + 1, heads), bullet)
    if table or opening + 1 in where.values():
        return fields, where
    return {}, {}


_KEY_LINE = re.compile(r"[ \t]*[^\W\d][\w -]{0,30}:[ \t]")


def _metadata_above_title(lines: list[str], start: int, title_idx: int, fields: dict, where: dict) -> tuple[dict, dict]:
    """Metadata lines above the title, front matter whose `---` fences were left out (ITDependsQ42022/Hey-Blue
    287dbe612e08 Functional Decision Records/ADR-IM/ADR-011 Store minimal PII.md: `status: accepted`, `date:
    2022-11-08`, `deciders: Shari`, then `# ADR-011 Store minimal PII`), read where the title has none.
    Only a block of keys counts: every non-blank line above the title a `key: value` line, one a status or date."""
    if any(line.strip() and not _KEY_LINE.match(line) for line in lines[start:title_idx]):
        return fields, where
    above, at = metadata_lines.read(lines, start, title_idx, "")
    if "status" not in above and "date" not in above:
        return fields, where
    return {**above, **fields}, {**at, **where}


def parse(path: str, stem: str, lines: list[str], start: int = 0, heads=None, text: str | None = None,
          front_title: object = None, status_log: object = None, front_date: tuple | None = None) -> Decision:
    """The record; `front_title` is a front-matter `title:` (Docusaurus), the title when no heading gives one
    or when the heading is the template's generic label (`# Subject`); `status_log` a front-matter
    `statusHistory` (see status_history)."""
    raw = RawRecord(path=path, dialect=NAME, lines=lines, text=text, heads=heads)
    find_title(raw, start, heads)
    if front_title.__class__ is str and front_title.strip() and (
            raw.title is None or record_names.is_generic_title(raw.title)):
        # jclemente-tlm/tlm-doc-architecture a7d528e949ee docs/adrs/adr-001-estrategia-multi-tenancy.md:
        # `title: "ADR-001: Estrategia Multi-Tenancy"`, then `## ✅ ESTADO`.
        raw.fields["title"] = front_title.strip()
    elif (raw.title is None or raw.title[:1] in "TtAa") and "# Title" in (text if text is not None else "".join(lines)) \
            and _title_section(raw, lines, start, heads):
        pass
    elif raw.title is not None and record_names.is_generic_title(raw.title):
        _record_subheading(raw, lines, start, heads)
    elif raw.title is None and not headings_from(lines, start, heads) and opens_with_record_line(lines, start):
        _plain_line_record(raw, lines, start)
    elif raw.title is None:
        _chapter_title(raw, lines, start, heads, record_names.file_number(stem))
        if raw.title is None and opens_with_record_line(lines, start):
            # No heading titles it, its first line names the record as a heading would, its sections below
            # (Dmitriy-Bondarev/TimeWoven 72d6a4a609e6 docs/adr/ADR-003.md: `ADR-003: Аудио пайплайн ...`, then
            # `Дата:` and `Статус:` lines, then `## Контекст`).
            _first_line_title(raw, lines, start)
    elif raw.title_line > start + 1 and _is_named(raw.title, _STATUS_HEADINGS):
        _opening_line_title(raw, lines, start, heads)
    elif raw.title is not None and _ID_ONLY.match(raw.title):
        _line_under_id(raw, lines)
    title_idx = raw.title_line - 1 if raw.title_line else start
    first = _first_section(lines, title_idx + 1, heads)
    fields, where = metadata_lines.read(lines, title_idx + 1 if raw.title_line else start, first, "")
    if not fields and raw.title_line and first < len(lines):
        # `# ADR-001: Enhanced ADR Format`, `## Proposal: Toggle-able WH(Y) ...`, then `| **Status** | Proposed |`
        # (cgbarlow/iris 1f1d77ba5af1 docs/adrs/ADR-001-Enhanced-ADR-Format.md): a subtitle, the metadata table under it.
        # Or metadata lines: `### Título de la decisión arquitectónica`, then `Status: Aceptado`, `Fecha: 19-05-2025`
        # (CodeAnd-Co/Documentacion 18c9888b1ac0 .../Decisiones tecnológicas/registroEJS.md, a team's template).
        fields, where = _subtitle_metadata(lines, title_idx, first, heads)
    if raw.title_line and raw.title_line > start + 1 and "status" not in fields:
        fields, where = _metadata_above_title(lines, start, title_idx, fields, where)
    raw.fields.update(fields)
    raw.field_lines.update(where)
    section = _status_section(lines, title_idx, heads)
    if section and "status" in fields and not _reads_as_status(lines, section):
        section = None  # a metadata line (or table) gave the status; a later "Status" section is the design's own
    if section:
        read_status_section(raw, lines, section)
    if "status" not in raw.fields and (found := _status_heading(lines, title_idx, heads)):
        raw.fields["status"], raw.field_lines["status"] = found[1], found[0] + 1
    if "status" not in raw.fields and not section and (closing := trailing_status_line(lines)) is not None:
        raw.fields["status"], raw.field_lines["status"] = closing[1], closing[0] + 1
    if "date" not in raw.fields:
        _bare_date(raw, lines, title_idx + 1 if raw.title_line else start, first, heads)
    if "date" not in raw.fields:
        _made_date(raw, lines, text)
    if "date" not in raw.fields and front_date is not None:
        # The body dates nothing, the front matter does (llevasseur/claude-proxy a29fb9089419 docs/adrs/0003-*.md:
        # `title:`, `tags:`, `timestamp: 2026-07-28` over a `## Status` section): its (text, 1-based line).
        raw.fields["date"], raw.field_lines["date"] = front_date
    if "status" not in raw.fields or "date" not in raw.fields:
        from adrtool.dialects import closing_block  # (asked of the few records missing one)

        closing, at = closing_block.read(lines, first)
        for key in closing.keys() - raw.fields.keys():
            raw.fields[key], raw.field_lines[key] = closing[key], at[key]
    if status_log is not None:
        _logged_status(raw, lines, status_log)
    raw.body_start = title_idx + 1 if raw.title_line else start
    decision = build(raw, stem)
    # `adr new -s` only removes the word "Accepted" before adding "Superseded by [...]";
    # a link like that in the Status section is the status, whatever word is left.
    # A later section's remark does not unsay the Status section (AetherizeGmbH/harbor-workload-identity-bridge
    # docs/adr/0002-*.md: `Accepted`, then in the Decision's list "*Note: originally specified as ...; superseded by
    # [ADR-0013](...). The split decision below is unaffected.*"): nor is its link the record's.
    if decision.status in _SUPERSEDABLE and any(link.relation is _SUPERSEDED_BY for link in decision.links):
        if section and any(l.relation is _SUPERSEDED_BY and (l.line or 0) > section[1] for l in decision.links):
            decision.links = [l for l in decision.links if l.relation is not _SUPERSEDED_BY or (l.line or 0) <= section[1]]
        if any(link.relation is _SUPERSEDED_BY for link in decision.links):
            decision.status = Status.SUPERSEDED
    elif decision.status is Status.SUPERSEDED and section and (see := _see_in_status(lines, section)) \
            and not any(link.relation is _SUPERSEDED_BY for link in decision.links):
        decision.links.append(Link(_SUPERSEDED_BY, see[1], see[0]))
    return decision


# `Accepted (Partially Superseded)` over `> **Note**: ... See [ADR-0021](./0021-x.md) for the current module resolution
# strategy` (defenseunicorns/pepr b16fc8b7976f adr/0003-use-commonjs-and-esbuild.md): the one record the superseded
# record's Status section sends its reader to is the one in force.
_SEE_LINK = re.compile(r"\bSee\s+(?:\*\*)?\[[^\]]*\]\(([^)\s]+)[^)]*\)")


def _see_in_status(lines: list[str], section: tuple[int, int]) -> tuple[int, str] | None:
    """(1-based line, target) of the only `See [...](record)` of a Status section, else None."""
    from adrtool.dialects.prose import decision_file

    found = [(i + 1, m.group(1)) for i in range(section[0], min(section[1], len(lines))) if "See" in lines[i]
             for m in _SEE_LINK.finditer(lines[i]) if decision_file(m.group(1))]
    return found[0] if len({t for _, t in found}) == 1 else None


def _logged_status(raw: RawRecord, lines: list[str], log: object) -> None:
    """Status and date from a front-matter `statusHistory` log, when the body gives neither."""
    status, first_date = status_history.read(log)
    if status is not None and "status" not in raw.fields:
        raw.fields["status"] = status
        entries = status_history.entry_lines(lines)
        raw.field_lines["status"] = entries[-1] + 1 if entries else 1
        raw.field_lines[status_history.KEY] = entries[0] + 1 if entries else 1  # (writers: the log dates changes)
    if first_date is not None and "date" not in raw.fields:
        raw.fields["date"] = first_date


_DATE_HEADINGS = {"date", "datum", "fecha", "data", "日期"}
DATE_IN_HEADING = re.compile(r"^(?:date|datum|fecha|data|日期)[ \t]*[:：][ \t]*(\S.*?)[ \t#]*$", re.IGNORECASE)


def _bare_date(raw: RawRecord, lines: list[str], start: int, first: int, heads) -> None:
    """A line holding only a date where adr-tools writes its Date line, or the first line of a `## Date` section.

    DFE-Digital/get-an-identity docs/architecture/decisions/0004-...md at 2033bc3c584c: `27 July 2022`
    under the title; Green-Software-Foundation/carbon-aware-sdk 0006-data-source-registration.md: `## Date`
    then `2022-11-1`.
    """
    candidates = [i for i in range(start, first) if lines[i].strip()][:3]
    for idx, level, text in headings_from(lines, start, heads):
        if level >= 2 and _is_named(text, _DATE_HEADINGS):
            candidates += [i for i in range(idx + 1, min(idx + 4, len(lines))) if lines[i].strip()][:1]
            break
        if level >= 2 and (m := DATE_IN_HEADING.match(text)):
            # The label and its date in the heading itself (PublicDataWorks/complaint-manager 4815734f1d08
            # doc/adr/009-add-crud-functionality-to-ui-for-updating-officer-information.md: `### Date: 2024-05-02`).
            iso, note = dates.read(m.group(1))
            if iso and not note:
                raw.fields["date"] = m.group(1)
                raw.field_lines["date"] = idx + 1
                return
            break
    for i in candidates:
        line = lines[i].strip()
        if line[:1] == "`" and line[-1:] == "`":  # `2021-04-26` in code (trivedisorabh/ferris b2ca635f827f docs/adr)
            line = line.strip("`")
        if line[:1].isdigit() or line[:1].isupper() and line[:3].isalpha():
            iso, note = dates.read(line)
            if iso and not note:
                raw.fields["date"] = line
                raw.field_lines["date"] = i + 1
                return


# What a date section's heading starts with, found by `str.find` before any heading is mapped (see `section_date`).
_DATE_SECTION_MARKS = ("# Date", "# Fecha", "# Datum", "# Data", "# 日期")


def read_status_section(raw: RawRecord, lines: list[str], section: tuple[int, int]) -> None:
    """The Status section's lines are the status; its link lines are links."""
    head, end = section
    status_lines = []
    for i in range(head + 1, end):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        link = parse_link_line(line)
        if link:
            if link[0] is not None:  # (an untyped label's line is no status and no relation)
                raw.links.append(Link(link[0], link[1], i + 1))
            continue
        status_lines.append(line.strip())
        raw.field_lines.setdefault("status", i + 1)
    if status_lines:
        raw.fields["status"] = "\n".join(status_lines)
    raw.field_lines.setdefault("status", head + 1)


def section_date(raw: RawRecord, lines: list[str], start: int, text: str | None, heads=None) -> None:
    """The first line of a `## Date` section, for a front-matter record whose front matter gives no date.

    zarvent/v2m-lab docs/docs/en/adr/001-fastapi-migration.md: front matter with `status:` and `last_update:`
    (an update date, no decision date), then `## Date` over `2025-01-15`; the Spanish folder's `## Fecha`.
    """
    whole = text if text is not None else "".join(lines)
    if any(whole.find(mark) >= 0 for mark in _DATE_SECTION_MARKS):
        _bare_date(raw, lines, start, start, heads)


def _made_date(raw: RawRecord, lines: list[str], text: str | None) -> None:
    """A line saying when the record was made or decided, wherever it is: a footer `**作成日**: 2024-10-04`
    (AWLL-inc/work-management d5391db681a2 docs/adr/005-ui-library-and-data-table.md, whose Status holds a
    later update's date)."""
    whole = text if text is not None else "".join(lines)
    if whole.find("\n**Date") >= 0:
        _bold_date(raw, lines)
        if "date" in raw.fields:
            return
    if not any(whole.find(label) >= 0 for label in languages.MADE_LABELS):
        return
    for i, line in enumerate(lines):
        if any(label in line for label in languages.MADE_LABELS):
            m = metadata_lines.match_line(line, "") or metadata_lines.match_line(line, "-") \
                or metadata_lines.match_line(line, "*")
            if m and m.group(3).strip() in languages.MADE_LABELS and dates.read(m.group(6))[0]:
                raw.fields["date"], raw.field_lines["date"] = m.group(6), i + 1
                return


def _bold_date(raw: RawRecord, lines: list[str]) -> None:
    """A bold `**Date**:` line wherever it stands, when none under the title gives the date: a Date line is one
    (maphilipps/ZH-DEMO 4cdc9cd8f9e0 doc/architecture/decisions/0002-*.md: `**Date**: 2025-09-06` after a rule at
    the end of the record)."""
    for i, line in enumerate(lines):
        if line[:6] == "**Date" and (m := metadata_lines.match_line(line, "")) and m.group(3).lower() == "date" \
                and dates.read(m.group(6))[0]:
            raw.fields["date"], raw.field_lines["date"] = m.group(6), i + 1
            return

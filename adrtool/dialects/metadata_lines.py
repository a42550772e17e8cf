"""`Key: value` metadata lines under the title, shared by the line-based dialects.

adr-tools writes `Date: 2016-02-12`; MADR 2 writes `* Status: accepted`;
log4brains writes `- Status: accepted`.  They differ only in the bullet, so
one engine reads and edits all three, each in its own style.
"""

from __future__ import annotations

import re

from adrtool import languages
from adrtool.dialects import html_table
from adrtool.dialects.common import FIELDS, LIST_FIELDS, ensure_final_newline, newline_of

_KEY_ALIASES = {
    "status": "status",
    # `- Current Status: Accepted` under `## Status` (greenriver/hmis-warehouse 2bb2a18d9449 docs/adr/0002-*.md;
    # DEFINITIONS, truth33).
    "current status": "status",
    "state": "status",
    "date": "date",
    "deciders": "decision-makers",
    "decision-makers": "decision-makers",
    "decision makers": "decision-makers",
    "decision-maker": "decision-makers",
    "choice": "choice",
    "door": "door",
    "revisit": "revisit",
    "tags": "tags",
    "governs": "governs",
    "references": "references",
    # The date labels of phodal's `adr` templates and of other languages.
    **{label: "date" for label in languages.DATE_LABELS},
    "datum": "date",
    "fecha": "date",
    # The day it was first decided, over later revisions (Abraha33/ERP 3adb527919bf docs/adr/ADR-001-stack-tecnologico.md:
    # `**Fecha original:** 2026-04-07` over `**Última revisión:** 2026-04-18 — ...`).
    "fecha original": "date",
    "original date": "date",
    "data original": "date",
    "datum der entscheidung": "date",
    "introduced": "date",  # when the record was made (GSA-TTS/FAC fe766b09799c docs/architecture/decisions/0005-*.md)
    # French "creation", as `* Création : 2022-09-14` over `* Dernière mise à jour : ...` (an update, no date), also
    # misspelt `* Créatrion :` (MTES-MCT/dialog a55692369d5d docs/adr/003_technical_stack.md, 008_bdtopo.md).
    "création": "date",
    "créatrion": "date",
    # Created, decided (AWLL-inc/work-management d5391db681a2 docs/adr/005-ui-library-and-data-table.md: a footer
    # `**作成日**: 2024-10-04`; `**最終更新**:`, last updated, is no decision date).
    **{label: "date" for label in languages.MADE_LABELS},
    "statut": "status",
    "estado": "status",
    # Beside `Implementation Status` (Hardhat-Enterprises/Deakin-Detonator-Toolkit documentation/adr/ADR-0004.md).
    "proposal status": "status",
    "inline-id": "inline-id",
    "inline id": "inline-id",
    # Hand-written records in other scripts ("- 状态：已接受", "- 决策者：创始团队").
    **{label: "status" for label in languages.STATUS_HEADINGS},
    "狀態": "status",
    # A Japanese bullet header (kani3camp/mine-party 7a03cb2e4fcf docs/adr/0004-data-storage-strategy-do-d1-kv.md:
    # `- 日付: YYYY-MM-DD`, `- ステータス: Accepted`, `- 関連: ADR-0003（ランタイム選定）, 設計書 01/02/04`).
    "ステータス": "status",
    "日付": "date",
    # Vietnamese and Japanese labels (languages.OTHER_*: `**Trạng thái:** Được chấp nhận`, `**Ngày:** 2026-06-14`).
    **{label: "status" for label in languages.OTHER_STATUS_LABELS},
    **{label: "date" for label in languages.OTHER_DATE_LABELS},
    # Korean bullets under the title (KU-BIG/2026_SPRING-Fincoach f1b8ae89c285 docs/decisions/0001-*.md:
    # `- 날짜: 2026-05-15`, `- 상태: 채택됨 (Accepted)`).
    "상태": "status",
    "날짜": "date",
    "関連": "relates-to",
    # A record that names itself in a field under a generic heading (`# Architecture Decision`, then
    # `- Title: Use Nix flakes ...`: eduardoshanahan/nix-pi 23a8dc23c35d docs/decisions/ADR-0001-nix-flakes.md); see common.build.
    "title": "title",
    "决策者": "decision-makers",
    "决策人": "decision-makers",
    # Links written as metadata lines ("* Supersedes: [MADR 093](093-x.md)", "- 局部取代：ADR-0013 的语料").
    "supersedes": "supersedes",
    "replaces": "supersedes",
    # A partial supersession is a supersession (thehumanworks/synextra backend/adrs/0005-*.md: `- Supersedes aspects of:
    # ADR 0003 (orchestration layer), ADR 0004 (streaming architecture)`; DEFINITIONS, truth24).
    **dict.fromkeys(("supersedes aspects of", "supersedes parts of", "supersedes part of", "partially supersedes",
                     "partly supersedes", "supersedes in part"), "supersedes"),
    "superseded by": "superseded-by",
    "superseded-by": "superseded-by",
    # written as a YAML key on a plain line under the title (maehwasoo/AILSS baf58ba821cc docs/adr/0006-*.md:
    # `status: superseded`, then `superseded_by: 0007-obsidian-plugin-hosts-mcp-over-localhost`)
    "superseded_by": "superseded-by",
    "replaced by": "superseded-by",
    "amends": "amends",
    "amended by": "amended-by",
    # To supplement is to extend without replacing (ADORSYS-GIS/ai-helm c23aafc4258e docs/adr/0011-*.md:
    # `**Supplements:** [ADR-0005](...)`; 0005: `**Supplemented by:** [ADR-0011](...) — ...`, twice).
    "supplements": "amends",
    "supplemented by": "amended-by",
    # (Joey9801/coppice-rs ce3496752f87 docs/decisions/0015-durable-format-versioning.md: `- **Extends:** [ADR 0002](...),`
    # then `  [ADR 0003](...)` on the next line)
    "extends": "amends",
    "extended by": "amended-by",
    # To expand is to extend (saviorsoul/encrypt 83d74dcabde5 docs/adr/0010-*.md: `- **Expands:** [0009](...)`).
    "expands": "amends",
    "expanded by": "amended-by",
    # A part of a record changed by another, the rest standing (MordechaiN/Cart-Optimizer 99ea50a11ff5
    # docs/architecture/adr/0007-single-page-dashboard-ux.md: `- Revises: ADR-0006 (navigation model only)`).
    "revises": "amends",
    "revised by": "amended-by",
    "relates to": "relates-to",
    "related": "relates-to",
    "related adrs": "relates-to",
    # Portuguese and Spanish, "related to" (marciojolima/tc_fiap_fase5 295ef48ec53a docs/ADRs/ADR-003.md:
    # `- Relacionada a: [ADR-002](ADR-002.md), [ADR-011](ADR-011.md)` under the title; DEFINITIONS, truth43).
    **dict.fromkeys(("relacionada a", "relacionado a", "relacionada com", "relacionado com", "relacionadas",
                     "relacionados", "relacionado con", "relacionada con", "adrs relacionados", "adrs relacionadas"),
                    "relates-to"),
    # "Related ADRs" in Russian (LISBON11/fit-bot 54cec1d83d3a docs/architecture/decisions/0008-*.md:
    # `- **Связанные ADR**: ADR-0003 (Supabase), ADR-0004 (...)` under the title).
    "связанные adr": "relates-to",
    "取代": "supersedes",
    # "Association", related, in traditional and simplified script (DDGG0531/try_chatbot_mono b28f0ca2b88f docs/adr/
    # 0002-state-management.md: `- 關聯：ADR-0001（前端架構）、ADR-0003（路由／權限）`; DEFINITIONS, truth33).
    "關聯": "relates-to",
    "关联": "relates-to",
    "替代": "supersedes",
    "局部取代": "supersedes",
    "部分取代": "supersedes",
    "被取代": "superseded-by",
    "被替代": "superseded-by",
    "关联": "relates-to",
    "相关": "relates-to",
}
_DISPLAY = {
    "status": "Status",
    "date": "Date",
    "decision-makers": "Deciders",
    "choice": "Choice",
    "door": "Door",
    "revisit": "Revisit",
    "tags": "Tags",
    "governs": "Governs",
    "references": "References",
    "inline-id": "Inline-Id",
}


_KEY_ASCII = r"[A-Za-z][A-Za-z _\-]*?"  # (`superseded_by:` as YAML spells a key)
# Two labels joined by a slash, `Backs / extends:` (`_joined_link_label`): tried only on a line with a slash that no
# other pattern reads (the optional part costs every metadata line a fifth more, bench/README.md issue 14).
_KEY_SLASHED = r"[A-Za-z][A-Za-z _\-]*?[ \t]*/[ \t]*[A-Za-z][A-Za-z _\-]*?"
# A key in letters of any script ("日期", "Дата", "تاریخ"), tried only on lines that are not ASCII.
_KEY_ANY = r"[^\W\d_][^\W\d_ \-]*(?:[ \-][^\W\d_]+)*?"


def _pattern(bullet: str, key: str = _KEY_ASCII, separator: str = r"[:：]") -> re.Pattern:
    # A metadata line may be quoted: `> Status: Accepted` under the title (krtw00/agentmine 5ebb6cff7af2
    # docs/10-decisions/005-ai-agnostic-orchestration.md); the quote mark is part of the line's lead, kept on edits.
    lead = r"[ \t]*" + (re.escape(bullet) + r"[ \t]+" if bullet else r"(?:>[ \t]*)?")
    # An emoji shortcode may open the bullet, its label in italics: `* :white_check_mark: _Status:_ Implemented January
    # 2024` (DOI-OS-ORDA/DARTS 902ff04724aa docs/adrs/0001-*.md); both are the line's lead and marks, kept on edits.
    if bullet:
        lead += r"(?::[a-z0-9_+\-]+:[ \t]+)?"
    # The colon may be full-width ("日期：").
    # The key may be bold, or in code: `` `Date`: 2022-09-19 `` (llfrometa89/poc-scala-geohash c0fcc102b0cb docs/adrs/
    # 1.initial-component-definition.md); an edit keeps the marks as written.
    # An italic line is one too: `*Status: accepted*` (BenniKiel/OpenFrame 43e72d409c11 docs/decisions/0001-*.md), its
    # closing mark left out of the value (read) and kept on edits (set_line).
    # A qualifier may stand between the bold label and its colon: `- **Supersedes** (in part): ADR-0006 (...)`
    # (nofuturekid/nova 2e483a7db27c docs/adr/0015-promotion-requires-new-commit.md); it goes with the closing mark.
    return re.compile(r"^(" + lead + r")(\*\*|`|[*_](?=[^\W\d_]))?(" + key + r")((?:\*\*|`)(?:[ \t]+\((?:in part|partly|"
                      r"partially|in parts)\))?)?[ \t]*" + separator
                      + r"(\*\*|_(?=[ \t]))?[ \t]*(.*?)[ \t]*\r?\n?$")


# "Date 09/04/2018": a date line whose colon was forgotten (seen in ministryofjustice/cloud-platform).
# Also as a bullet, with or without its colon, whatever the record's own bullet (`* Date: 2020-11-05` in a
# record without a status bullet, theupdateframework/python-tuf docs/adr/0002; `- Date 2023-09-26`,
# hyperledger/identus-cloud-agent docs/decisions/20230926-...md).
_DATE_NO_COLON = re.compile(r"^(?:[-*+][ \t]+)?(\*\*)?(date|datum|fecha|data)(\*\*)?[ \t]*:?[ \t]+(\d[\d/.\-]{5,}\d)[ \t]*\r?\n?$",
                            re.IGNORECASE)


PATTERNS = {b: _pattern(b) for b in ("", "*", "-")}
_ANY_SCRIPT = {b: _pattern(b, _KEY_ANY) for b in ("", "*", "-")}
# A bold label closed by a full stop, `**Status.** Accepted · 2026-04-22.` (max578/janusplot 1fb7b67c0d68
# adr/0002-class-system.md): a pattern of its own, tried only on a line opening with `**` that holds `.**`.
_FULL_STOP = _pattern("", separator=r"\.(?=\*\*)")


# A bold Status label with no colon, its value after a blank (TechWithHer/Enterprise-Amazon-S3-Platform
# 73e43109ed72 docs/adr/ADR-0001.md: `**Status** Accepted`, then `**Context** : ...`; DEFINITIONS, truth41).
_BARE_BOLD = _pattern("", key=r"(?:[Ss]tatus|STATUS|[Ee]stado|[Ss]tatut)", separator=r"(?<=\*\*)(?=[ \t]+[^\s:：])")


def _bare_bold_label(line: str, bullet: str) -> bool:
    return not bullet and line[:2] == "**" and ":" not in line and "：" not in line


def _full_stop_label(line: str, bullet: str) -> bool:
    return not bullet and line[:2] == "**" and ".**" in line


def match_line(line: str, bullet: str):
    """The metadata line's match (groups: lead, bold, key, bold, bold, value), or None."""
    return PATTERNS[bullet].match(line) or (None if line.isascii() else _ANY_SCRIPT[bullet].match(line)) \
        or (_FULL_STOP.match(line) if _full_stop_label(line, bullet) else None) \
        or (_BARE_BOLD.match(line) if _bare_bold_label(line, bullet) else None)


def display_name(name: str) -> str:
    """How a field's key is spelled on a metadata line ('decision-makers' -> 'Deciders')."""
    return _DISPLAY[name]


_LINK_NAMES = frozenset({"supersedes", "superseded-by", "amends", "amended-by", "relates-to"})


def _joined_link_label(key: str) -> str | None:
    """The link field of two labels joined by a slash, when one of them names one and the other none (VM-s-Solutions/
    cleansia ac2162aad90f agents/backlog/adr/0008-*.md: `- **Backs / extends:** ADR-0002 (...)`, amends; DEFINITIONS,
    truth41)."""
    named = {_KEY_ALIASES.get(part.strip()) for part in key.split("/")}
    links = named & _LINK_NAMES
    return links.pop() if len(links) == 1 and named <= _LINK_NAMES | {None} else None


def field_name(key: str) -> str | None:
    return _KEY_ALIASES.get(key.strip().lower())


# "|Status  |Implemented|": a two-column metadata table under the title (nats-io/nats-architecture-and-design
# adr/ADR-10.md at its 2025 HEAD writes every record's Date, Author, Status and Tags this way).
# A row's closing bar may be forgotten: `| Date           | 11-April-2023` (opendatahub-io/architecture-decision-records
# 6325c10cd213 architecture-decision-records/ODH-ADR-0003-use-apache-2-0-licence.md).
_TABLE_ROW = re.compile(r"^[ \t]*\|([^|]*)\|([^|\r\n]*?)(?:\|[ \t]*|[ \t]*(?=\r?\n?$))\r?\n?$")


def _cell(old: str, value: str) -> str:
    """`value` in a table cell written like `old`: its leading blanks, and its width where the value fits."""
    lead = old[: len(old) - len(old.lstrip())]
    text = lead + value
    return text.ljust(len(old)) if len(text) < len(old) else text + (" " if old.endswith(" ") else "")


def table_row(line: str):
    """(field name, value, the value cell's span in `line`) of a metadata table row, or None."""
    m = _TABLE_ROW.match(line) if line.lstrip(" \t")[:1] == "|" else None
    if not m:
        return None
    name = _KEY_ALIASES.get(m.group(1).strip().strip("*").strip().lower())
    return (name, m.group(2).strip(), m.span(2)) if name else None


# For reading: the same lines, the value taken whole and trimmed in `read` (a lazy value group
# retries the tail of the pattern at every character of it).
_READ = {b: re.compile(p.pattern.replace(r"(.*?)[ \t]*\r?\n?$", "(.*)")) for b, p in PATTERNS.items()}
_READ_ANY = {b: re.compile(p.pattern.replace(r"(.*?)[ \t]*\r?\n?$", "(.*)")) for b, p in _ANY_SCRIPT.items()}
_READ_FULL_STOP = re.compile(_FULL_STOP.pattern.replace(r"(.*?)[ \t]*\r?\n?$", "(.*)"))
_READ_SLASHED = {b: re.compile(_pattern(b, key=_KEY_SLASHED).pattern.replace(r"(.*?)[ \t]*\r?\n?$", "(.*)"))
                 for b in ("", "*", "-")}
_READ_BARE_BOLD = re.compile(_BARE_BOLD.pattern.replace(r"(.*?)[ \t]*\r?\n?$", "(.*)"))


# Two bold labels on one line, set apart by a middle dot, a bullet or a bar: `**Date:** 2026-07-08 · **Status:**
# Accepted` (AMirandaCodes/NextPost 74b9f829ab8a docs/adr/0002-sync-sqlalchemy.md, every record of its folder). The line's
# first label is the line's key; each later one, when it is a known key, takes the text after it up to the next.
_SHARED_LABEL = re.compile(r"[ \t]+[·•|][ \t]+\*\*([^*:\n]+?)(?::\*\*|\*\*[ \t]*:)[ \t]*")


def shared_fields(value: str) -> list[tuple[str, int, int]]:
    """(field name, start, end) of each known field that shares a metadata line's value after its own, in `value`;
    the line's own value is value[:the first start's label].  Empty for the common line without a second label."""
    if "**" not in value:
        return []
    found = [(name, m) for m in _SHARED_LABEL.finditer(value) if (name := field_name(m.group(1)))]
    return [(name, m.end(), found[k + 1][1].start() if k + 1 < len(found) else len(value.rstrip()))
            for k, (name, m) in enumerate(found)]


def _first_label(value: str, shared: list[tuple[str, int, int]]) -> re.Match:
    """The separator and label opening the first of `shared` (`shared_fields(value)`): where the line's own value ends."""
    return _SHARED_LABEL.search(value, 0, shared[0][1])


# Relations a record may give on several lines (`**Supplemented by:** [ADR-0011](...)`, then the same for ADR-0046).
_REPEATABLE = frozenset(("supersedes", "superseded-by", "amends", "amended-by", "relates-to"))


def _continued(lines: list[str], start: int, stop: int) -> str:
    """The indented lines that carry a relation bullet's value on (`- **Amended by:** [ADR 0017](...)`, then
    `  (...); extended by` and `  [ADR 0015](...), [ADR 0016](...), and [ADR 0018](...).`: coppice-rs 0002)."""
    more = ""
    for j in range(start, stop):
        line = lines[j]
        if line[:2] != "  " or not line.strip() or line.lstrip()[:1] in "-*+|":
            break
        more += " " + line.strip()
    return more


def read(lines: list[str], start: int, stop: int, bullet: str) -> tuple[dict, dict]:
    """Fields found on metadata lines in lines[start:stop] -> (fields, 1-based lines)."""
    fields: dict[str, object] = {}
    where: dict[str, int] = {}
    match, any_script = _READ[bullet].match, _READ_ANY[bullet].match
    for i in range(start, stop):
        line = lines[i]
        # Only a line with a colon (and its bullet first) can be a metadata line: tested before any pattern.
        m = None
        if not bullet and line[:1] in "| \t" and "|" in line:
            row = table_row(line)
            if row and row[0] not in fields:
                fields[row[0]], where[row[0]] = row[1], i + 1
            if row:
                continue
        if not bullet and line[:1] in "< \t" and html_table.is_cell_line(line):
            cell = html_table.row(lines, i, stop, field_name)
            if cell and cell[0] not in fields:
                fields[cell[0]], where[cell[0]] = cell[1], cell[2] + 1
            if cell:
                continue
        if ("：" in line or ":" in line) and (not bullet or line.lstrip(" \t")[:1] == bullet):
            m = match(line) or (None if line.isascii() else any_script(line))
            if m is None and "/" in line:
                m = _READ_SLASHED[bullet].match(line)
        elif line[:2] == "**" and not bullet and ".**" in line:  # (as _full_stop_label, inline: every line)
            m = _READ_FULL_STOP.match(line)
        elif "status" not in fields and _bare_bold_label(line, bullet):
            m = _READ_BARE_BOLD.match(line)
        if not m:
            if "date" not in fields and (line[:1] in "Dd*" if not bullet else line[:1] == bullet and ":" not in line):
                loose = _DATE_NO_COLON.match(line)
                if loose:
                    fields["date"] = loose.group(4)
                    where["date"] = i + 1
            continue
        name = _KEY_ALIASES.get(key := m.group(3).strip().lower())
        if name is None and "/" in key:
            name = _joined_link_label(key)
        if name is None:
            if key[-11:] != " superseded" or line.lstrip(" \t")[:1] not in ("-", "*"):  # (a bulleted label only)
                continue
            # One part of this record superseded, the rest standing: `- **Transport mechanism superseded:** ADR-0019
            # (2026-06-25) replaced ...; the raw-decoded-frames payload decision here is retained.` (NotUserFriendly/
            # final-multiplex 5693625dfdc9 docs/decisions/0011-*.md; truth15's partial supersession, DEFINITIONS truth26).
            name = "superseded-by"
        if name in fields:
            if name in _REPEATABLE and fields[name].__class__ is str:  # each line of a relation names its own record
                fields[name] += "\n" + m.group(6).strip() + _continued(lines, i + 1, stop)
            continue
        value = m.group(6)  # (its trailing blanks and line ending go with the strip below)
        shared = shared_fields(value)
        if shared:
            for other, a, b in shared:
                if other not in fields:
                    fields[other], where[other] = value[a:b].strip(), i + 1
            value = value[:_first_label(value, shared).start()]
        if m.group(2) == "*":
            value = value.rstrip().removesuffix("*")
        if "<!--" in value:
            value = re.sub(r"<!--.*?-->", "", value)
        fields[name] = value.strip() + (_continued(lines, i + 1, stop) if name in _REPEATABLE else "")
        where[name] = i + 1
    return fields, where


def format_value(name: str, value: object, bullet: str) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def set_line(
    text: str, name: str, value: object | None, bullet: str, region: tuple[int, int], insert_after: int
) -> str:
    """Set metadata line `name` in lines[region]; insert it after index `insert_after` if absent.

    Only that line changes; the key spelling, bullet and emphasis stay as written.
    """
    lines = text.splitlines(keepends=True)
    nl = newline_of(lines)
    start, stop = region
    for i in range(start, min(stop, len(lines))):
        row = None if bullet else table_row(lines[i])
        if row and row[0] == name:
            if value is None:
                del lines[i]
            else:  # only the value cell changes, its padding kept where the new value fits
                a, b = row[2]
                lines[i] = lines[i][:a] + _cell(lines[i][a:b], format_value(name, value, bullet)) + lines[i][b:]
            return "".join(lines)
        cell = None if bullet or not html_table.is_cell_line(lines[i]) else html_table.row(lines, i, stop, field_name)
        if cell and cell[0] == name:  # only the value cell's text changes (emptied when the field goes)
            j, (a, b) = cell[2], cell[3]
            lines[j] = lines[j][:a] + ("" if value is None else format_value(name, value, bullet)) + lines[j][b:]
            return "".join(lines)
        m = match_line(lines[i], bullet)
        shared = shared_fields(m.group(6)) if m and field_name(m.group(3)) != name else []
        for other, a, b in shared:  # the field shares the line with another: only its own text changes
            if other == name:
                at = m.start(6)
                if value is None:  # its label goes with it, from the separator before it
                    a = _SHARED_LABEL.search(m.group(6), 0, a).start()
                    lines[i] = lines[i][:at + a] + lines[i][at + b:]
                else:
                    lines[i] = lines[i][:at + a] + format_value(name, value, bullet) + lines[i][at + b:]
                return "".join(lines)
        if m and field_name(m.group(3)) == name and (later := shared_fields(m.group(6))):
            # the line's own field, with others after it: its text up to the first separator changes, they stay
            at, first = m.start(6), _first_label(m.group(6), later)
            if value is None:  # the line keeps the later fields, the first of them now its own
                lines[i] = m.group(1) + "**" + first.group(1) + ":** " + lines[i][at + first.end():]
            else:
                lines[i] = lines[i][:at] + format_value(name, value, bullet) + lines[i][at + first.start():]
            return "".join(lines)
        if m and field_name(m.group(3)) == name:
            if value is None:
                del lines[i]
                return "".join(lines)
            ending = lines[i][len(lines[i].rstrip("\r\n")):]
            comment = re.search(r"\s*<!--.*?-->\s*$", m.group(6))
            sep = "." if m.group(5) and lines[i][m.start(5) - 1] == "." else ":"
            if m.re is _BARE_BOLD:
                sep = ""  # (`**Status** Accepted`: the label keeps its want of a colon)
            closing = "*" if m.group(2) == "*" and m.group(6).endswith("*") else ""
            rebuilt = (
                m.group(1) + (m.group(2) or "") + m.group(3) + (m.group(4) or "") + sep + (m.group(5) or "")
                + " " + format_value(name, value, bullet) + closing + (comment.group(0) if comment else "") + ending
            )
            lines[i] = rebuilt
            return "".join(lines)
    if value is None:
        return text
    prefix = f"{bullet} " if bullet else ""
    if not bullet and 0 <= insert_after < len(lines) and lines[insert_after][:1] == ">":
        prefix = "> "  # the line above is a quoted metadata line: the new one joins the quote
    new = f"{prefix}{_DISPLAY[name]}: {format_value(name, value, bullet)}{nl}"
    beside = table_row(lines[insert_after]) if not bullet and 0 <= insert_after < len(lines) else None
    if beside:  # the metadata is a table: a new row of it, its cells as wide as the row above
        line = lines[insert_after]
        first = line.index("|")
        a, b = beside[2]
        new = (line[: first + 1] + _cell(line[first + 1 : a - 1], _DISPLAY[name]) + "|"
               + _cell(line[a:b], format_value(name, value, bullet)) + "|" + nl)
    elif not bullet and 0 <= insert_after < len(lines) and "</tr" in lines[insert_after].lower():
        # the metadata is an HTML table: a new row of it, written like the row above
        lines[insert_after + 1:insert_after + 1] = html_table.new_row(lines, insert_after, _DISPLAY[name],
                                                                      format_value(name, value, bullet))
        return "".join(lines)
    ensure_final_newline(lines, insert_after, nl)
    lines.insert(insert_after + 1, new)
    return "".join(lines)


def last_metadata_index(lines: list[str], start: int, stop: int, bullet: str, order_before: str | None = None) -> int | None:
    """Index of the last metadata line in the region (where a new one goes)."""
    last = None
    for i in range(start, min(stop, len(lines))):
        m = match_line(lines[i], bullet)
        if (m and field_name(m.group(3))) or (not bullet and table_row(lines[i])):
            last = i
        elif not bullet and html_table.is_cell_line(lines[i]) and (cell := html_table.row(lines, i, stop, field_name)):
            last = html_table.row_end(lines, cell[2], stop)  # (a new field goes after the row, as a row of its own)
    return last


assert set(_DISPLAY) == set(FIELDS) and LIST_FIELDS <= set(FIELDS)

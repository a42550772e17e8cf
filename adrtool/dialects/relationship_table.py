"""A record's relationship table: `| Relationship | ADR ID | Title | Notes |`, one row per related record.

cgbarlow/iris 1f1d77ba5af1 (docs/adrs/ADR-007-Audit-Log-Integrity.md) closes each record with a `## Dependencies` table whose
first column types the row (`Relates To`, `Depends On`, `Enables`) and whose `ADR ID` column names the record
(`ADR-005`, or `TBD` for one not yet written). A row is typed by its Relationship column alone, through the same
label table as link lines (`Depends On` and `Enables` stay untyped); the Notes column retypes nothing. A table
inside a fenced block is an example, not the record's.
"""
from __future__ import annotations

import re

from adrtool.model import Relation
from adrtool.text_find import occurrences

# Where a table may start: the literal the caller looks for with str.find before calling in.
MARK = "| Relat"
_HEADER = re.compile(r"^\|\s*Relationship\s*\|(?P<rest>.*)$", re.IGNORECASE | re.MULTILINE)
_ID = re.compile(r"\bADR[-\s#]*(\d{1,5})\b", re.IGNORECASE)


def _cells(line: str) -> list[str]:
    return [c.strip().strip("*`").strip() for c in line.strip().strip("|").split("|")]


def _headers(text: str, offset: int) -> list:
    """`_HEADER.finditer(text, offset)`, the pattern tried only at the lines that open with "|" (its `^` gave the engine
    no prefix to skip by: 70 us a real record with a table)."""
    starts = [offset] if text[offset:offset + 1] == "|" and (offset == 0 or text[offset - 1] == "\n") else []
    starts += [at + 1 for at in occurrences(text, ("\n|",), max(offset - 1, 0)) if at + 1 > offset]
    found, end, match = [], offset, _HEADER.match
    for at in starts:
        if at >= end and (m := match(text, at)):
            found.append(m)
            end = m.end()
    return found


def table_links(text: str, offset: int, first_line: int, relation_of) -> list[tuple[Relation, str, int]]:
    """Each typed row of each relationship table in text[offset:] as (relation, number, line)."""
    found: list[tuple[Relation, str, int]] = []
    for header in _headers(text, offset):
        if text.count("\n```", offset, header.start()) % 2:
            continue  # inside a fenced example
        columns = [c.lower() for c in _cells(header.group(0))]
        at = next((i for i, c in enumerate(columns) if c in ("adr id", "adr", "id", "record")), None)
        if at is None:
            continue
        line_no = first_line + text.count("\n", offset, header.start())
        rows = text[header.end() + 1:].split("\n")
        for n, row in enumerate(rows[1:] if rows and set(rows[0].strip()) <= set("|-: ") else rows, 1):
            if not row.lstrip().startswith("|"):
                break
            cells = _cells(row)
            relation = relation_of(cells[0]) if len(cells) > at else None
            number = _ID.search(cells[at]) if relation is not None else None
            if number is not None:
                found.append((relation, number.group(1), line_no + n + 1))
    return found


# A revision-history row naming the record proposed to supersede this one: `| 2026-07-30 | r2 | marco | Superseding ADR
# 0032 (dual-format views) proposed; supersession pending its implementation — this ADR stays Implemented ... |`
# (marconucara/web-vault 514a7e0e6c2e adr/0007-tolaria-views-evaluator.md). The status keeps its word, as the row says.
REVISION_MARK = "| Superseding ADR"
_SUPERSEDING_CELL = re.compile(r"\|\s*Superseding ADR[-\s#]*(\d{1,5})\b")


def revision_links(text: str, offset: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """The superseded-by link of each revision row whose change opens `Superseding ADR N`, as (relation, number, line)."""
    found: list[tuple[Relation, str, int]] = []
    for m in _SUPERSEDING_CELL.finditer(text, offset):
        if text.count("\n```", offset, m.start()) % 2 == 0 and not any(t == m.group(1) for _, t, _ in found):
            found.append((Relation.SUPERSEDED_BY, m.group(1), first_line + text.count("\n", offset, m.start())))
    return found

"""Bullet-metadata records: MADR 2 (`* Status: accepted`), and the engine log4brains reuses.

    # Use Markdown Architectural Decision Records

    * Status: accepted
    * Deciders: Ana, Bo
    * Date: 2020-02-01

Links other than supersession live in a `## Links` section as bullets
(`* Refines [ADR-0005](0005-example.md)`).  Each edit rewrites one bullet.
"""

from __future__ import annotations

from adrtool import record_names, vocabulary
from adrtool.dialects import metadata_lines
from adrtool.dialects.common import (RawRecord, build, ensure_final_newline, find_title, last_filled, newline_of,
                                     opens_file_over_metadata)
from adrtool.dialects.link_lines import LABEL_OF, has_link_line, parse_link_line
from adrtool.model import Decision, Link, Relation
from adrtool.sections import headings_from


def _numbered_level2_title(lines: list[str], start: int, head) -> bool:
    """Whether a file without a level-1 heading opens with a numbered level-2 title, its metadata under it
    (AlexandrBukhtatyy/log-viewer 2afb8cec3ed9 docs/adr/0011-*.md: `## 0011. Server-side aggregates ...`, then
    `- Status: proposed`, `- Date: 2026-05-02`, then `## Context and Problem Statement`)."""
    idx, level, text = head
    if level != 2:
        return False
    if text[:1].isdecimal() and record_names.strip_title_number(text)[1] is not None:
        return not any(line.strip() for line in lines[start:idx])
    # Unnumbered, when the Status and Date lines follow it and it names no section (raskolnikoff/RAGfish
    # 54c0473abe29 docs/adr/adr-0001.md: `## RAGpack ZIP as Unified Knowledge Package; ...`, `- Status: Proposed`).
    return not vocabulary.is_record_heading(text) and opens_file_over_metadata(lines, start, idx)


class BulletDialect:
    def __init__(self, name: str, bullet: str):
        self.name = name
        self.bullet = bullet

    # ---- reading ------------------------------------------------------------
    def metadata(self, lines: list[str], start: int = 0, heads=None) -> tuple[int, int]:
        """(first, stop) line indexes of the metadata region under the title."""
        heads = headings_from(lines, start, heads)
        title_idx = next((i for i, level, _ in heads if level == 1), start - 1)
        if title_idx < start and heads and _numbered_level2_title(lines, start, heads[0]):
            title_idx = heads[0][0]
        stop = next((i for i, level, _ in heads if i > title_idx and level >= 1), len(lines))
        return title_idx + 1, stop

    def matches(self, lines: list[str], start: int = 0, heads=None) -> bool:
        return self.matching(lines, self.metadata(lines, start, heads)) is not None

    def matching(self, lines: list[str], region: tuple[int, int]):
        """(region, fields, lines) of the metadata when its lines are this dialect's, else None.

        Given the region, which is the same for every bullet (`bullet_dialect` finds it once); what was
        read is handed to `parse`, which reads the same lines when the region is no longer than 30.
        """
        first, stop = region
        fields, where = metadata_lines.read(lines, first, min(stop, first + 30), self.bullet)
        if "status" in fields or ("date" in fields and "decision-makers" in fields):
            return region, fields, where
        return None

    def parse(self, path: str, stem: str, lines: list[str], start: int = 0, heads=None,
              text: str | None = None, found=None) -> Decision:
        """The record; `found` is what `matching` read of it, if it was asked."""
        raw = RawRecord(path=path, dialect=self.name, lines=lines, text=text, heads=heads)
        find_title(raw, start, heads)
        if raw.title is None and (heads := headings_from(lines, start, heads)) \
                and _numbered_level2_title(lines, start, heads[0]):
            raw.title_line, raw.title = heads[0][0] + 1, heads[0][2]
        if found is not None and found[0][1] <= found[0][0] + 30:
            _, fields, where = found
        else:
            first, stop = self.metadata(lines, start, heads)
            fields, where = metadata_lines.read(lines, first, stop, self.bullet)
        raw.fields.update(fields)
        raw.field_lines.update(where)
        section = self._links_section(lines, heads)
        if section:
            for i in range(section[0] + 1, section[1]):
                link = parse_link_line(lines[i])
                if link and link[0] is not None:
                    raw.links.append(Link(link[0], link[1], i + 1))
        raw.body_start = raw.title_line if raw.title_line else start
        return build(raw, stem)

    def _links_section(self, lines: list[str], heads=None) -> tuple[int, int] | None:
        heads = headings_from(lines, 0, heads)
        for n, (idx, level, text) in enumerate(heads):
            if level >= 2 and text.strip().lower() in ("links", "related decisions", "related"):
                end = next((i for i, lv, _ in heads[n + 1 :] if lv <= level), len(lines))
                return idx, end
        return None

    # ---- writing ------------------------------------------------------------
    def set_field(self, text: str, name: str, value: object | None) -> str:
        lines = text.splitlines(keepends=True)
        first, stop = self.metadata(lines)
        last = metadata_lines.last_metadata_index(lines, first, stop, self.bullet)
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value) if value else None
        if last is None and value is not None:
            nl = newline_of(lines)
            ensure_final_newline(lines, first - 1, nl)
            lines[first:first] = [nl, f"{self.bullet} {_DISPLAY_NAME.get(name, name)}: {value}{nl}"]
            return "".join(lines)
        return metadata_lines.set_line(text, name, value, self.bullet, (first, stop), last if last is not None else first)

    def add_link(self, text: str, relation: Relation, target_id: str, target_title: str, target_file: str) -> str:
        if relation is Relation.SUPERSEDED_BY:
            return self.set_field(text, "status", f"superseded by [{target_title}]({target_file})")
        lines = text.splitlines(keepends=True)
        nl = newline_of(lines)
        entry = f"{self.bullet} {LABEL_OF[relation]} [{target_title}]({target_file}){nl}"
        if has_link_line(lines, relation, target_file):
            return text
        section = self._links_section(lines)
        if section is None:
            ensure_final_newline(lines, len(lines) - 1, nl)
            tail = [nl] if lines and lines[-1].strip() else []
            return "".join(lines + tail + [f"## Links{nl}", nl, entry])
        head, end = section
        last = last_filled(lines, head, end, nl)
        lines[last + 1 : last + 1] = [nl, entry] if last == head else [entry]
        return "".join(lines)

    def remove_link(self, text: str, relation: Relation, targets: set[str]) -> str:
        out = []
        for line in text.splitlines(keepends=True):
            parsed = parse_link_line(line)
            if parsed and parsed[0] is relation and (parsed[1] in targets or parsed[2] in targets):
                continue
            out.append(line)
        return "".join(out)


_DISPLAY_NAME = {
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

MADR2 = BulletDialect("madr2", "*")
# Some MADR 2 folders use dashes; they read the same but keep their own bullet.
MADR2_DASH = BulletDialect("madr2", "-")


def bullet_dialect(lines: list[str], start: int, heads):
    """(MADR2, what it read) when `*` bullets match, else (MADR2_DASH, ...) when `-` bullets do, else (None, None).

    The metadata region is found once for both (`BulletDialect.metadata` does not depend on the bullet).
    """
    region = MADR2.metadata(lines, start, heads)
    first, stop = region
    if not any(line.lstrip(" \t")[:1] in ("*", "-") for line in lines[first : min(stop, first + 30)]):
        return None, None  # no line opens with a bullet (an adr-tools record): neither reading can find a field
    found = MADR2.matching(lines, region)
    if found is not None:
        return MADR2, found
    found = MADR2_DASH.matching(lines, region)
    return (MADR2_DASH, found) if found is not None else (None, None)

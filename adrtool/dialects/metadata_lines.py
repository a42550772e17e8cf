"""`Key: value` metadata lines under the title, shared by the line-based dialects.

adr-tools writes `Date: 2016-02-12`; MADR 2 writes `* Status: accepted`;
log4brains writes `- Status: accepted`.  They differ only in the bullet, so
one engine reads and edits all three, each in its own style.
"""

from __future__ import annotations

import re

from adrtool.dialects.common import FIELDS, LIST_FIELDS, ensure_final_newline, newline_of

_KEY_ALIASES = {
    "status": "status",
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
    "inline-id": "inline-id",
    "inline id": "inline-id",
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


def _pattern(bullet: str) -> re.Pattern:
    lead = r"[ \t]*" + (re.escape(bullet) + r"[ \t]+" if bullet else "")
    return re.compile(r"^(" + lead + r")(\*\*)?([A-Za-z][A-Za-z \-]*?)(\*\*)?[ \t]*:(\*\*)?[ \t]*(.*?)[ \t]*\r?\n?$")


PATTERNS = {b: _pattern(b) for b in ("", "*", "-")}


def display_name(name: str) -> str:
    """How a field's key is spelled on a metadata line ('decision-makers' -> 'Deciders')."""
    return _DISPLAY[name]


def field_name(key: str) -> str | None:
    return _KEY_ALIASES.get(key.strip().lower())


def read(lines: list[str], start: int, stop: int, bullet: str) -> tuple[dict, dict]:
    """Fields found on metadata lines in lines[start:stop] -> (fields, 1-based lines)."""
    pattern = PATTERNS[bullet]
    fields: dict[str, object] = {}
    where: dict[str, int] = {}
    for i in range(start, stop):
        m = pattern.match(lines[i])
        if not m:
            continue
        name = field_name(m.group(3))
        if name is None or name in fields:
            continue
        value = re.sub(r"<!--.*?-->", "", m.group(6)).strip()
        fields[name] = value
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
    pattern = PATTERNS[bullet]
    start, stop = region
    for i in range(start, min(stop, len(lines))):
        m = pattern.match(lines[i])
        if m and field_name(m.group(3)) == name:
            if value is None:
                del lines[i]
                return "".join(lines)
            ending = lines[i][len(lines[i].rstrip("\r\n")):]
            comment = re.search(r"\s*<!--.*?-->\s*$", m.group(6))
            rebuilt = (
                m.group(1) + (m.group(2) or "") + m.group(3) + (m.group(4) or "") + ":" + (m.group(5) or "")
                + " " + format_value(name, value, bullet) + (comment.group(0) if comment else "") + ending
            )
            lines[i] = rebuilt
            return "".join(lines)
    if value is None:
        return text
    prefix = f"{bullet} " if bullet else ""
    new = f"{prefix}{_DISPLAY[name]}: {format_value(name, value, bullet)}{nl}"
    ensure_final_newline(lines, insert_after, nl)
    lines.insert(insert_after + 1, new)
    return "".join(lines)


def last_metadata_index(lines: list[str], start: int, stop: int, bullet: str, order_before: str | None = None) -> int | None:
    """Index of the last metadata line in the region (where a new one goes)."""
    pattern = PATTERNS[bullet]
    last = None
    for i in range(start, min(stop, len(lines))):
        m = pattern.match(lines[i])
        if m and field_name(m.group(3)):
            last = i
    return last


assert set(_DISPLAY) == set(FIELDS) and LIST_FIELDS <= set(FIELDS)

"""Metadata kept in an HTML table under the title, read and edited as a Markdown metadata table is.

neuro-inclusive-transit/development adrs/002-backend-services-technology.md (bench/reading truth22) writes
MADR's fields as rows of `<table>`, each cell on its own line:

    <tr>
    <th>status</th>
    <td>accepted</td><!-- {proposed / rejected / accepted / ...} -->
    </tr>

A row names a field in its first cell (`<th>` or `<td>`, in any language `metadata_lines` knows) and holds
its value in the next cell, on the same line (`<tr><td><b>Status</b></td><td>Accepted</td></tr>`) or on the
next non-blank line.  The value reads as its text: `<a href="x">t</a>` as the link `[t](x)`, other tags
dropped.  Only lines that open with `<t` (after blanks) are looked at (`metadata_lines.read`).
"""

from __future__ import annotations

import re

_CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)</t[hd]\s*>", re.IGNORECASE)
_OPEN_CELL = re.compile(r"<t[hd]\b[^>]*>", re.IGNORECASE)
_ANCHOR = re.compile(r"<a\b[^>]*?\bhref\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_ROW_END = re.compile(r"</tr\s*>", re.IGNORECASE)


def is_cell_line(line: str) -> bool:
    """Whether a line opens with an HTML table tag (`<table>`, `<tr>`, `<th>`, `<td>`), blanks aside."""
    return line.lstrip(" \t")[:3].lower() in ("<tr", "<th", "<td", "<ta")


def cell_text(inner: str) -> str:
    """What a reader sees of a cell: links as Markdown links, other tags and emphasis marks dropped."""
    if "<" in inner:
        inner = _ANCHOR.sub(lambda m: f"[{_TAG.sub('', m.group(2)).strip()}]({m.group(1)})", inner)
        inner = _TAG.sub(" ", inner)
    if "&" in inner:
        import html

        inner = html.unescape(inner)
    return " ".join(inner.split())


def row(lines: list[str], i: int, stop: int, field_name):
    """(field, value, index of the value's line, the value cell's inner span) of a row naming a field in
    lines[i], or None; `field_name` maps a label to a field (metadata_lines.field_name)."""
    cells = list(_CELL.finditer(lines[i]))
    if not cells:
        return None
    name = field_name(cell_text(cells[0].group(2)).strip("*_: "))
    if name is None:
        return None
    if len(cells) > 1:
        return name, cell_text(cells[1].group(2)), i, cells[1].span(2)
    for j in range(i + 1, min(stop, i + 3, len(lines))):
        if not lines[j].strip():
            continue
        value = _CELL.search(lines[j])
        if value is None or value.group(1).lower() != "td" or not is_cell_line(lines[j]):
            return None
        return name, cell_text(value.group(2)), j, value.span(2)
    return None


def row_end(lines: list[str], j: int, stop: int) -> int:
    """The index of the line that closes the row whose value is on line j (`</tr>`), or j."""
    if _ROW_END.search(lines[j], _CELL.search(lines[j]).end()):
        return j
    for k in range(j + 1, min(stop, j + 3, len(lines))):
        if _ROW_END.search(lines[k]):
            return k
        if lines[k].strip():
            break
    return j


def new_row(lines: list[str], end: int, label: str, value: str) -> list[str]:
    """A row for a new field, written like the row that closes on line `end`: its lines and cells, the
    label in its first cell and the value in its second, its comments (the template's hints) left out."""
    begin = end
    while begin > max(0, end - 4) and "<tr" not in lines[begin].lower():
        begin -= 1
    first = _CELL.search("".join(lines[begin:end + 1]))
    if first is not None and first.group(2).islower():
        label = label.lower()  # (`<th>status</th>`: the labels written in lower case)
    texts = iter((label, value))
    out = []
    for line in lines[begin:end + 1]:
        line = re.sub(r"[ \t]*<!--.*?-->", "", line)
        out.append(_CELL.sub(lambda m: m.group(0)[:m.start(2) - m.start()] + next(texts, "")
                             + m.group(0)[m.end(2) - m.start():], line))
    return out

"""A Markdown index of the decision records, and the marked block of a file it lives in.

`render` makes the table; `replace_block` swaps it in between
`<!-- adrtool-toc -->` and `<!-- adrtool-toc-end -->`, leaving every other
byte of the file (a README, say) as the user wrote it.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePosixPath
from urllib.parse import quote

from adrtool.model import Decision
from adrtool.store import StoreError

START_MARKER = "<!-- adrtool-toc -->"
END_MARKER = "<!-- adrtool-toc-end -->"
_START = re.compile(r"<!--\s*adrtool-toc\s*-->", re.IGNORECASE)
_END = re.compile(r"<!--\s*adrtool-toc-end\s*-->", re.IGNORECASE)


def _cell(text: str) -> str:
    """Table-cell safe: a '|' would end the cell, a newline the row."""
    return " ".join(text.split()).replace("|", "\\|")


def _link_text(text: str) -> str:
    return _cell(text).replace("[", "\\[").replace("]", "\\]")


def link_target(record_path: str, base_folder: str, prefix: str = "") -> str:
    """The record's path relative to the folder the index is read from, URL-quoted."""
    relative = os.path.relpath(record_path, base_folder or ".")
    return prefix + quote(PurePosixPath(relative.replace(os.sep, "/")).as_posix(), safe="/._-~")


def _order(d: Decision):
    return (d.number is None, d.number if d.number is not None else 0, d.id, d.path)


def render(records: list[Decision], base_folder: str, prefix: str = "", newline: str = "\n") -> str:
    """The index table; links are relative to `base_folder` (repository-relative)."""
    rows = ["| ID | Title | Status | Choice | Door |", "| --- | --- | --- | --- | --- |"]
    for d in sorted(records, key=_order):
        title = f"[{_link_text(d.title)}]({link_target(d.path, base_folder, prefix)})"
        choice = d.choice.value if d.choice else "untagged"
        door = d.door.value if d.door else "untagged"
        rows.append(f"| {_cell(d.id)} | {title} | {d.status.value} | {choice} | {door} |")
    return newline.join(rows) + newline


def replace_block(text: str, table: str, path: str) -> str:
    """`text` with the part between the markers replaced by `table`; StoreError when the markers are missing."""
    start = _START.search(text)
    end = _END.search(text, start.end()) if start else None
    if start is None or end is None:
        missing = START_MARKER if start is None else END_MARKER
        raise StoreError(f"{path}: no '{missing}' marker; add '{START_MARKER}' and '{END_MARKER}' where the index goes")
    newline = newline_of(text)
    return text[: start.end()] + newline + newline + table + newline + text[end.start():]


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"

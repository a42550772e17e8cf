"""The table's rows, made once per load (in the loading worker): each decision's cells as markup, its
row key, and the records DataTable keeps for a row, so that a refill only chooses and orders them.

An untagged decision's cells show its estimate, dimmed and marked (adrtool.tui.estimated); closed
ones fade.  No widget here: the loading worker calls `prepare`, the table shows what it made.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.markup import escape
from textual.widgets._data_table import Row  # the row record add_row makes; see prepare
from textual.widgets.data_table import ColumnKey, RowKey

from adrtool.model import Decision
from adrtool.tui import estimated, filtering
from adrtool.tui.widgets.fast_table import FastRowKey

COLUMNS = (("id", "ID"), ("title", "Title"), ("status", "Status"), ("choice", "Choice"),
           ("door", "Door"), ("date", "Date"), ("tags", "Tags"))
_PLAIN = {  # a cell's text without markup, for its width
    "id": lambda d: d.id,
    "status": lambda d: d.status.value,
    "choice": lambda d: d.choice.value if d.choice else "untagged",
    "door": lambda d: d.door.value if d.door else "untagged",
    "date": lambda d: d.date or "",
    "tags": lambda d: ", ".join(d.tags),
}
# Theme colours are filled in when a cell is first drawn (so a theme change needs no reload).
_UNTAGGED = "[italic @adr-untagged]untagged[/]"
_MUTED, _MUTED_STRUCK = "[@adr-muted]", "[@adr-muted strike]"
SORT_KEYS = {
    "id": lambda d: (d.number is None, d.number or 0, d.id),
    "title": lambda d: d.title.lower(),
    "status": lambda d: d.status.value,
    "choice": lambda d: d.choice.value if d.choice else "~",
    "door": lambda d: d.door.value if d.door else "~",
    "date": lambda d: d.date or "",
    "tags": lambda d: ",".join(d.tags),
}


def row_key(decision: Decision) -> str:
    """Unique per decision: a record is its file; an inline decision is a line of its document."""
    return f"{decision.path}:{decision.line or 0}#{decision.id}"


def _escape(text: str) -> str:
    return escape(text) if "[" in text else text  # markup starts with "[": most cells need no regex


def _tag(tag, guess) -> str:
    if tag is not None:
        return tag.value
    return estimated.cell(guess.value) if guess is not None else _UNTAGGED


def cells(d: Decision, est=None) -> tuple:
    """The row of a decision as markup strings: DataTable parses markup only for the rows on screen.
    An untagged decision's estimate (`est`) shows dimmed and marked in place of "untagged"."""
    row = (_escape(d.id), _escape(d.title), d.status.value,
           _tag(d.choice, est and est.choice), _tag(d.door, est and est.door),
           _escape(d.date or ""), _escape(", ".join(d.tags)))
    if d.status in filtering.CLOSED:  # superseded and rejected fade into the background
        return tuple(f"{_MUTED_STRUCK}{c}[/]" if i == 1 else f"{_MUTED}{c}[/]" for i, c in enumerate(row))
    return row


class Prepared(NamedTuple):
    haystack: str  # what the fuzzy filter searches
    key: RowKey
    data: dict  # column key -> cell, as DataTable stores a row
    row: Row
    offset: tuple  # (key, 0): the row's one line in DataTable's line-offset list


class PreparedRows(dict):
    """id(decision) -> Prepared; `widest` is each short column's widest cell (characters)."""

    widest: dict[str, int]
    estimated: bool = False  # some rows show estimates


_COLUMN_KEYS = [ColumnKey(key) for key, _label in COLUMNS]


def prepare(decisions: list[Decision], estimates: dict | None = None) -> PreparedRows:
    """Every decision's row, ready to drop into the table: the per-decision work of a refill,
    done once per load (in the loading worker) instead of on every filter keystroke or resize."""
    out = PreparedRows()
    known = estimates or {}
    for d in decisions:
        key = FastRowKey(row_key(d))
        out[id(d)] = Prepared(filtering.haystack(d), key, dict(zip(_COLUMN_KEYS, cells(d, known.get(id(d))))),
                              Row(key, 1), (key, 0))
    out.widest = {key: max(map(len, map(plain, decisions)), default=0) for key, plain in _PLAIN.items()}
    _widen_for_estimates(out, decisions, known)
    return out


def _widen_for_estimates(rows: PreparedRows, decisions: list[Decision], known: dict) -> None:
    rows.estimated = rows.estimated or bool(known)
    if not known:
        return
    for axis in ("choice", "door"):
        values = [len(estimated.MARK + getattr(known[id(d)], axis).value) for d in decisions
                  if getattr(d, axis) is None and id(d) in known]
        rows.widest[axis] = max([rows.widest[axis], *values])


def with_estimates(rows: PreparedRows, decisions: list[Decision], known: dict) -> None:
    """Untagged rows show their estimates from now on (the cells are the table's own dicts, changed in place)."""
    for d in decisions:
        est = known.get(id(d))
        if est is not None:
            rows[id(d)].data.update(zip(_COLUMN_KEYS, cells(d, est)))
    _widen_for_estimates(rows, decisions, known)

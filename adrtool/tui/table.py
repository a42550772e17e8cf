"""The decision table: every decision, filtered and sorted; a DataTable (virtual, fast at 10,000 rows)."""

from __future__ import annotations

from rich.markup import escape
from textual.message import Message
from textual.widgets import DataTable
from typing import NamedTuple

from textual.widgets.data_table import ColumnKey, RowKey
from textual.widgets._data_table import Row  # the row record add_row makes; see _append_rows

from adrtool.model import Decision
from adrtool.tui import filtering, keys

COLUMNS = (("id", "ID"), ("title", "Title"), ("status", "Status"), ("choice", "Choice"),
           ("door", "Door"), ("date", "Date"), ("tags", "Tags"))
# Fixed widths for the short columns; the title takes what is left, so every column stays visible.
WIDTHS = {"id": 7, "status": 10, "choice": 10, "door": 8, "date": 10, "tags": 10}
MIN_TITLE = 20
_UNTAGGED = "[italic #d7875f]untagged[/]"
_SORT_KEYS = {
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


def cells(d: Decision) -> tuple:
    """The row of a decision as markup strings: DataTable parses markup only for the rows on screen."""
    row = (escape(d.id), escape(d.title), d.status.value,
           d.choice.value if d.choice else _UNTAGGED,
           d.door.value if d.door else _UNTAGGED,
           escape(d.date or ""), escape(", ".join(d.tags)))
    if d.status in filtering.CLOSED:  # superseded and rejected fade into the background
        return tuple(f"[dim strike]{c}[/]" if i == 1 else f"[dim]{c}[/]" for i, c in enumerate(row))
    return row


class Prepared(NamedTuple):
    haystack: str  # what the fuzzy filter searches
    key: RowKey
    data: dict  # column key -> cell, as DataTable stores a row
    row: Row


def prepare(decisions: list[Decision]) -> dict[int, Prepared]:
    """id(decision) -> its row, ready to drop into the table: the per-decision work of a refill,
    done once per load (in the loading worker) instead of on every filter keystroke."""
    column_keys = [ColumnKey(key) for key, _label in COLUMNS]
    out = {}
    for d in decisions:
        key = RowKey(row_key(d))
        out[id(d)] = Prepared(filtering.haystack(d), key, dict(zip(column_keys, cells(d))), Row(key, 1))
    return out


class DecisionTable(DataTable):
    """Owns its filter, quadrant, sort and hide-closed state; the app only feeds it decisions."""

    BINDINGS = keys.bindings("table")

    class Filled(Message):
        """The table shows the current selection (posted after every refill; the bench waits for it)."""

        def __init__(self, shown: int, total: int) -> None:
            super().__init__()
            self.shown, self.total = shown, total

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.decisions: list[Decision] = []
        self._haystacks: list[str] = []
        self._prepared: dict[int, Prepared] = {}
        self.shown: list[Decision] = []
        self.query_text = ""
        self.quadrant = ""
        self.hide_closed = False
        self.sort_column = "id"
        self.sort_reverse = False

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key, width=WIDTHS.get(key, MIN_TITLE))

    def on_resize(self) -> None:
        padding = 2 * self.cell_padding * len(COLUMNS) + 2  # + the vertical scrollbar
        width = max(MIN_TITLE, self.size.width - sum(WIDTHS.values()) - padding)
        column = self.columns["title"]
        if column.width != width:
            column.width = width
            # DataTable has no public "set column width": drop its render caches and re-measure.
            self._clear_caches()
            self._require_update_dimensions = True
            self.refresh()

    # ---- state changes (each refills once) ---------------------------------
    def set_decisions(self, decisions: list[Decision], prepared: dict[int, Prepared] | None = None) -> None:
        self.decisions = self._sorted(decisions)
        self._prepared = prepared if prepared is not None else prepare(self.decisions)
        self._haystacks = [self._prepared[id(d)].haystack for d in self.decisions]
        self.refill()

    def set_query(self, text: str) -> None:
        self.query_text = text
        self.refill()

    def set_quadrant(self, quadrant: str) -> None:
        self.quadrant = quadrant
        self.refill()

    def toggle_closed(self) -> None:
        self.hide_closed = not self.hide_closed
        self.refill()

    def sort_by(self, column: str) -> None:
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.set_decisions(self.decisions, self._prepared)

    def _sorted(self, decisions: list[Decision]) -> list[Decision]:
        return sorted(decisions, key=_SORT_KEYS[self.sort_column], reverse=self.sort_reverse)

    # ---- rendering --------------------------------------------------------------
    def refill(self) -> None:
        keep = self.current()
        self.shown = filtering.select(self.decisions, self.query_text, quadrant=self.quadrant,
                                      hide_closed=self.hide_closed, haystacks=self._haystacks)
        self.clear()
        self._append_rows([self._prepared[id(d)] for d in self.shown])
        if keep is not None:
            self.select(keep)
        self.post_message(self.Filled(len(self.shown), len(self.decisions)))

    # ---- speed: DataTable's per-row bookkeeping is too slow at 10,000 rows ---------------
    def _append_rows(self, rows: list[Prepared]) -> None:
        """`add_row` for many rows at once: the same records (made in advance by prepare()), but the
        cursor check and the idle wake-up happen once instead of per row (add_row: ~170 us a row)."""
        index = self.row_count
        locations, data, records = self._row_locations, self._data, self.rows
        for prepared in rows:
            locations[prepared.key] = index
            data[prepared.key] = prepared.data
            records[prepared.key] = prepared.row
            index += 1
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = self.cursor_coordinate
        self.check_idle()
        self.refresh()

    def _update_dimensions(self, new_rows) -> None:
        # Every column has a fixed width and every row one line, so DataTable's measuring of
        # each new cell (seconds at 10,000 rows) is unnecessary: only the virtual size is needed.
        super()._update_dimensions(())

    def current(self) -> Decision | None:
        if not self.shown or not (0 <= self.cursor_row < len(self.shown)):
            return None
        return self.shown[self.cursor_row]

    def select(self, decision: Decision | str) -> bool:
        """Move the cursor to a decision (or its row key); False when it is filtered out."""
        key = decision if isinstance(decision, str) else row_key(decision)
        try:
            index = self.get_row_index(key)
        except Exception:  # RowDoesNotExist: filtered out or gone
            return False
        self.move_cursor(row=index)
        return True

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(str(event.column_key.value))

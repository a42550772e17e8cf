"""The decision table: every decision, filtered, ranked and sorted; a DataTable (virtual, fast at 10,000 rows).

The columns fit the width: ID, a title taking the rest, Status, Choice and Door
always; Date and Tags when there is room; Choice and Door abbreviated (with a
legend line below the table) when the title would be squeezed.  A cut title or
tag list ends with an ellipsis.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from adrtool.model import Decision
from adrtool.tui import estimated, filtering, keys
from adrtool.tui.widgets.fast_table import FastDataTable
from adrtool.tui.widgets.table_rows import COLUMNS, SORT_KEYS, PreparedRows, prepare, row_key, with_estimates

CORE = ("id", "title", "status", "choice", "door")  # always shown: the two tags are the point of the tool
# The short columns are as wide as their widest cell (within these bounds); the title takes
# what is left of the table's width, so every column stays visible and the title gets the room.
SHORT_WIDTHS = {"id": (2, 12), "status": (6, 10), "choice": (6, 11), "door": (4, 8), "date": (4, 10), "tags": (4, 18)}
ABBREVIATED_WIDTHS = {"choice": (6, 6), "door": (6, 6)}  # "~delib", "~1-way": an estimate is marked
MIN_TITLE = 12
NARROW_TABLE, NARROW_ID = 100, 9  # below 100 columns the ID column gives up to 3 of its 12 to the title
ROOMY_TITLE = 40  # Date and Tags are added only while the title keeps at least this much
SQUEEZED_TITLE = 28  # below this, Choice and Door are abbreviated
ABBREVIATIONS = (("deliberate", "delib"), ("arbitrary", "arbit"), ("one-way", "1-way"), ("two-way", "2-way"),
                 ("]untagged[", "]?["))
LEGEND = "delib/arbit: deliberate/arbitrary · 1-way/2-way door · ? untagged"
# Keystrokes closer together than this after a refill (key repeat, fast typing) coalesce into one
# refill at the end of the pause; a keystroke after a quiet moment is applied at once.
FILTER_PAUSE = 0.02
_clock = time.monotonic  # tests replace it to type "fast" without sleeping


class DecisionTable(FastDataTable):
    """Owns its filter, quadrant, sort, hide-closed and column state; the screen only feeds it decisions."""

    BINDINGS = keys.bindings("table")

    class Filled(Message):
        """The table shows the current selection (posted after every refill; the bench waits for it)."""

        def __init__(self, shown: int, total: int, hints: tuple[str, ...] = (), typed: bool = False) -> None:
            super().__init__()
            self.shown, self.total, self.hints = shown, total, hints
            self.typed = typed  # refilled for a filter keystroke (more may follow)

    class Layout(Message):
        """The columns changed, or estimates came: `legend` is the line below the table ("" for none)."""

        def __init__(self, legend: str) -> None:
            super().__init__()
            self.legend = legend

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.decisions: list[Decision] = []
        # Parallel to `decisions` (table order) and to `shown`: each row's prepared cells and haystack,
        # and a shown row's place in table order (ranking ties keep it).
        self._rows: list[Prepared] = []
        self._haystacks: list[str] = []
        self._shown_rows: list[Prepared] = []
        self._shown_haystacks: list[str] = []
        self._shown_positions: list[int] = []
        self._prepared: PreparedRows | None = None
        self.shown: list[Decision] = []
        self.query_text = ""
        self.quadrant = ""
        self.hide_closed = False
        self.sort_column = "id"
        self.sort_reverse = False
        self.columns_shown: tuple[str, ...] = ()
        self.abbreviated = False
        self._legend: str | None = None  # the legend last told to the screen (Layout)
        self._query_timer = None  # a coalesced refill waiting for the typing to pause
        self._typed = self._quiet = False
        self._refilled_at = 0.0  # _clock() at the end of the last refill
        self._texts: dict[RowKey, dict[ColumnKey, Text]] = {}
        self._colors: dict[str, str] = {}  # "@adr-untagged" -> the theme's colour
        self._filtered_by: tuple | None = None  # (text, terms, quadrant, hide_closed) of `shown`

    @property
    def ranked(self) -> bool:
        return bool(filtering.parse(self.query_text).text)

    def on_mount(self) -> None:
        self.restyle()
        self._set_columns(CORE, False)

    def on_resize(self) -> None:
        self._fit_columns()

    def watch_show_vertical_scrollbar(self) -> None:
        self._fit_columns()  # the scrollbar came or went: the title gains or gives up its column

    def restyle(self) -> None:
        """Take the theme's colours (at mount and after a theme change)."""
        variables = self.app.adr_colors
        self._colors = {f"@{name}": variables.get(name, "default") for name in ("adr-untagged", "adr-muted")}
        self._texts = {}
        self._clear_caches()
        self.refresh()

    # ---- columns ------------------------------------------------------------------
    def _widths(self, columns: tuple[str, ...], abbreviated: bool) -> dict[str, int]:
        room = self.scrollable_content_region.width  # without the scrollbar, when there is one
        widths = {}
        for key in columns:
            if key == "title":
                continue
            low, high = (ABBREVIATED_WIDTHS if abbreviated else SHORT_WIDTHS).get(key, SHORT_WIDTHS.get(key))
            if key == "id" and room < NARROW_TABLE:
                high = min(high, NARROW_ID)  # a long inline id ("queue-retries#2") ends with "…" instead
            label = len(dict(COLUMNS)[key])
            widest = self._prepared.widest[key] if self._prepared else 0
            widths[key] = min(high, max(low, widest, 0 if abbreviated and key in ABBREVIATED_WIDTHS else label))
        widths["title"] = max(MIN_TITLE, room - sum(widths.values()) - 2 * self.cell_padding * len(columns))
        return widths

    def _choose(self) -> tuple[tuple[str, ...], bool]:
        """The columns that fit: every column while the title stays roomy, else fewer, else abbreviated."""
        for extra in (("date", "tags"), ("date",), ()):
            columns = CORE + extra
            if self._widths(columns, False)["title"] >= (ROOMY_TITLE if extra else SQUEEZED_TITLE):
                return columns, False
        return CORE, True

    def _set_columns(self, columns: tuple[str, ...], abbreviated: bool) -> None:
        keep = self.current()
        super().clear(columns=True)
        for key in columns:
            self.add_column(dict(COLUMNS)[key], key=key, width=SHORT_WIDTHS.get(key, (MIN_TITLE,))[0])
        self.columns_shown, self.abbreviated = columns, abbreviated
        self._texts = {}
        if self._prepared is not None:
            self._adopt(self._rows)
            if self._filtered_by is not None:  # else the rows of a new load follow at once (refill)
                self._show_rows(self._shown_rows)
                if keep is not None:
                    self.select(keep)
        self._tell_legend()

    def _fit_columns(self) -> None:
        """Columns for the width, each as wide as it needs, the title the rest (on every resize and load)."""
        if not self.is_mounted or not self.columns:
            return
        columns, abbreviated = self._choose()
        if (columns, abbreviated) != (self.columns_shown, self.abbreviated):
            self._set_columns(columns, abbreviated)
        changed = False
        for key, width in self._widths(columns, abbreviated).items():
            column = self.columns[ColumnKey(key)]
            if column.width != width:
                column.width = column.content_width = width
                changed = True
        if changed:
            # DataTable has no public "set column width": drop its render caches and re-measure.
            self._clear_caches()
            self._require_update_dimensions = True
            self.refresh()
        self.call_after_refresh(self._scroll_cursor_into_view)  # a smaller table must still show the cursor

    # ---- state changes (each refills once) ---------------------------------
    def set_decisions(self, decisions: list[Decision], prepared: PreparedRows | None = None) -> None:
        if prepared is None or prepared is not self._prepared:  # new rows (not just a new order): new cells
            self._texts = {}
        self.decisions = self._sorted(decisions)
        self._prepared = prepared if prepared is not None else prepare(self.decisions)
        self._rows = [self._prepared[id(d)] for d in self.decisions]
        self._haystacks = [row.haystack for row in self._rows]
        self._adopt(self._rows)
        self._filtered_by = None  # new decisions or a new order: filter them all
        self._fit_columns()
        self._tell_legend()  # estimates may have come with the rows
        self.refill()

    def _tell_legend(self) -> None:
        legend = self.legend()
        if legend != self._legend:
            self._legend = legend
            self.post_message(self.Layout(legend))

    def legend(self) -> str:
        """What the cells' abbreviations and marks mean, when there are any."""
        parts = [LEGEND] if self.abbreviated else []
        if self._prepared is not None and self._prepared.estimated:
            parts.append(estimated.SHORT_LEGEND if self.abbreviated else estimated.LEGEND)
        return " · ".join(parts)

    def show_estimates(self, known: dict) -> None:
        """The estimates arrived (made after the table was first drawn): untagged rows show them."""
        if self._prepared is None:
            return
        with_estimates(self._prepared, self.decisions, known)
        self._texts = {}
        self._clear_caches()
        self._fit_columns()
        self.refresh()
        self._tell_legend()

    def set_query(self, text: str) -> None:
        self.query_text = text
        self._typed = True  # the refill that follows says so (Filled.typed)
        self._cancel_pending_query()
        wait = self._refilled_at + FILTER_PAUSE - _clock()
        if wait <= 0:
            self.refill()
        else:
            self._query_timer = self.set_timer(wait, self.refill)

    def _cancel_pending_query(self) -> None:
        if self._query_timer is not None:
            self._query_timer.stop()
            self._query_timer = None

    def flush_query(self) -> None:
        """Apply a coalesced filter now (tests call this instead of sleeping)."""
        if self._query_timer is not None:
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
        return sorted(decisions, key=SORT_KEYS[self.sort_column], reverse=self.sort_reverse)

    # ---- rendering --------------------------------------------------------------
    def refill(self, keep: Decision | str | None = None) -> None:
        """Filter and rank again; the cursor stays on the same decision (or `keep`) when it is still shown."""
        self._cancel_pending_query()
        # The current row's place in table order, while the decisions are the same ones: found again
        # among the new rows by a list search, without a row-key index of every shown row.
        anchor = self._shown_positions[self.cursor_row] if (
            keep is None and self._filtered_by is not None and 0 <= self.cursor_row < len(self._shown_positions)) else None
        keep = keep if keep is not None else self.current()
        parsed = filtering.parse(self.query_text)
        narrowing = (self._filtered_by is not None and self._filtered_by[1:] == (parsed.terms, self.quadrant, self.hide_closed)
                     and parsed.text.startswith(self._filtered_by[0]) and self._filtered_by[0])
        # Typing more letters can only remove rows: search the rows shown, not every decision.
        if narrowing:
            pool, rows, haystacks, positions = self.shown, self._shown_rows, self._shown_haystacks, self._shown_positions
        else:
            pool, rows, haystacks, positions = self.decisions, self._rows, self._haystacks, None
        picked = filtering.select_indices(pool, parsed, quadrant=self.quadrant, hide_closed=self.hide_closed,
                                          haystacks=haystacks, positions=positions)
        self.shown = [pool[i] for i in picked]
        self._shown_rows = [rows[i] for i in picked]
        self._shown_haystacks = [haystacks[i] for i in picked]
        self._shown_positions = [positions[i] for i in picked] if positions is not None else picked
        self._filtered_by = (parsed.text, parsed.terms, self.quadrant, self.hide_closed)
        # Quiet from here on: the cursor kept on its decision, or clamped to fewer rows by _show_rows, is
        # no highlight, Filled says the rows changed.  (Clamping outside the quiet showed the detail pane,
        # a screen-wide layout, inside a keystroke's own frame whenever the cursor was below the new last row.)
        self._quiet = True
        self._show_rows(self._shown_rows)
        if anchor is not None:
            self.move_cursor(row=self._shown_positions.index(anchor) if anchor in self._shown_positions else 0)
        elif keep is None or not self.select(keep):
            self.move_cursor(row=0)
        self._quiet = False
        typed, self._typed = self._typed, False
        self.post_message(self.Filled(len(self.shown), len(self.decisions), parsed.hints, typed))
        self._refilled_at = _clock()

    def post_message(self, message) -> bool:
        if self._quiet and isinstance(message, DataTable.RowHighlighted):
            return True
        return super().post_message(message)

    def _highlight_row(self, row_index: int) -> None:
        super()._highlight_row(row_index)
        # The screen follows the cursor at once (its RowHighlighted handler then finds nothing to do):
        # a message lets the table's frame be drawn first, and the frame timer then holds the pane's
        # back by one to two frame periods.
        follow = getattr(self.screen, "cursor_moved", None) if self.is_mounted and not self._quiet else None
        if follow is not None:
            follow()
    # ---- speed: DataTable's per-row bookkeeping is too slow at 10,000 rows ---------------
    def _cell_text(self, row_key: RowKey, column_key: ColumnKey) -> Text:
        """The cell's markup parsed once per load (kept with the decision's prepared row)."""
        texts = self._texts.get(row_key)
        if texts is None:
            texts = self._texts[row_key] = {}
        text = texts.get(column_key)
        if text is None:
            markup = self._data[row_key][column_key]
            if self.abbreviated and column_key.value in ABBREVIATED_WIDTHS:
                for long, short in ABBREVIATIONS:
                    markup = markup.replace(long, short)
            if "@adr-" in markup:
                for token, color in self._colors.items():
                    markup = markup.replace(token, color)
            text = texts[column_key] = Text.from_markup(markup, end="")
        return text

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
        self.move_cursor(row=index)  # and scrolled into view
        return True

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(str(event.column_key.value))

"""DataTable, fast at 10,000 rows: rows prepared in advance, put in with whole-dict operations, drawn
from their Text without DataTable's per-cell renderables, and lines cached by whether the cursor is on
their row.  Same records, same styles, same result as DataTable (tests/test_tui_speed.py compares them).

A subclass provides `_cell_text(row_key, column_key) -> Text`, puts a load's rows in with `_adopt` and
shows some of them, in order, with `_show_rows`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from rich.segment import Segment
from rich.style import Style
from textual._segment_tools import line_crop
from textual._two_way_dict import TwoWayDict  # DataTable's row index; see RowIndex
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

class RowIndex(TwoWayDict):
    """DataTable's row key <-> row index map over the shown rows (prepared records with `.key`), in
    order: the index -> key side is the list itself, the key -> index side is made when first asked
    for (a refill that keeps no cursor never needs it)."""

    def __init__(self, rows: list) -> None:
        self._rows = rows
        self._made: dict | None = None

    @property
    def _forward(self) -> dict:
        if self._made is None:
            self._made = {p.key: i for i, p in enumerate(self._rows)}
        return self._made

    @property
    def _reverse(self) -> list:
        return self._rows

    def get_key(self, value: int):
        return self._rows[value].key if 0 <= value < len(self._rows) else None

    def contains_value(self, value: int) -> bool:
        return 0 <= value < len(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class Field(Sequence):
    """One field of each shown row, as a read-only list (DataTable's row order and line offsets),
    without building that list on every refill."""

    def __init__(self, rows: list, name: str) -> None:
        self._rows, self._name = rows, name

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [getattr(p, self._name) for p in self._rows[index]]
        return getattr(self._rows[index], self._name)

    def clear(self) -> None:  # DataTable.clear empties its offsets list; the rows are replaced instead
        pass


class FastRowKey(str, RowKey):
    """A RowKey that is also its own string: hashed and compared in C.  DataTable keys several
    dicts of every shown row by row key on each refill, and RowKey's Python-level __hash__ was
    most of that time at 10,000 rows.  Equal to, and hashed as, RowKey(value) and value."""

    def __new__(cls, value: str) -> "FastRowKey":
        key = str.__new__(cls, value)
        key.value = value
        return key

    def __init__(self, value: str) -> None:  # RowKey's __init__ only sets `value`, done above
        pass



class FastDataTable(DataTable):
    """DataTable with the shortcuts above; a subclass gives each cell's Text (`_cell_text`)."""

    def __init__(self, *args, **kwargs) -> None:
        self._shown: list = []  # the prepared rows shown, in order (see _show_rows)
        self._fitted: dict = {}  # (row key, column key, width) -> the cell's text fitted to it, as (text, style) pairs
        super().__init__(*args, **kwargs)

    def _cell_text(self, row_key, column_key):
        raise NotImplementedError

    # The virtual size (rows x columns) never changes the table's own size, which the stylesheet
    # fixes: set it without the whole-screen layout Textual's reactive asks for (two layouts a
    # keystroke with the filter's), and lay out again only when a scrollbar comes or goes.
    virtual_size = Reactive(Size(0, 0), layout=False)

    def _update_dimensions(self, new_rows) -> None:
        # Every column has a fixed width and every row one line, so DataTable's measuring of
        # each new cell (seconds at 10,000 rows) is unnecessary: only the virtual size is needed.
        width = sum(column.get_render_width(self) for column in self.columns.values()) + self._row_label_column_width
        size = Size(width, self._total_row_height + (self.header_height if self.show_header else 0))
        if size == self.virtual_size:
            return
        scrollbars = (self.show_vertical_scrollbar, self.show_horizontal_scrollbar)
        self.virtual_size = size
        self._scroll_update(size)
        if (self.show_vertical_scrollbar, self.show_horizontal_scrollbar) != scrollbars:
            self.refresh(layout=True)


    # ---- the rows: every row of the load in DataTable's dicts once, a refill only orders the shown ---
    def _adopt(self, rows: list) -> None:
        """Put every row the table can show (prepared once per load) into DataTable's dicts, once.

        DataTable keeps a row in `rows` and `_data` only while it is shown; building and emptying
        those two dicts for 10,000 rows on every filter keystroke was a third of a refill.  Here they
        hold every row of the load, and what is shown, in which order, is the row index alone
        (`_show_rows`); `row_count` and the row checks below count the shown rows."""
        self._data = {p.key: p.data for p in rows}
        self.rows = {p.key: p.row for p in rows}

    def _show_rows(self, rows: list) -> None:
        """Show these adopted rows, in this order (what `clear` then `add_row` for each would show)."""
        self._shown = rows
        self._row_locations = RowIndex(rows)
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = self.cursor_coordinate  # clamped to the rows shown now
        self.check_idle()
        self.refresh()

    # Rows in order, one line each: DataTable's row order and line offsets are the shown rows' own.
    @property
    def ordered_rows(self):
        return Field(self._shown, "row")

    @property
    def _y_offsets(self):
        return Field(self._shown, "offset")

    @property
    def row_count(self) -> int:
        return len(self._shown)

    def is_valid_row_index(self, row_index: int) -> bool:
        return 0 <= row_index < self.row_count

    def _highlight_row(self, row_index: int) -> None:
        # DataTable checks the index against `_data`, which holds every row here, not only the shown.
        if self.is_valid_row_index(row_index):
            super()._highlight_row(row_index)
        else:
            self.refresh_row(row_index)

    def clear(self, columns: bool = False):
        # DataTable.clear lists every row's line offset only to empty that list (60 ms at 10,000
        # rows): with the rows gone first, that list is empty.  (A refill does not clear: _show_rows.)
        self.rows = {}
        self._shown = []
        self._row_locations = RowIndex(self._shown)
        return super().clear(columns)

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False):
        """A body cell drawn straight from its Text: DataTable's own path renders every cell through
        Padding and Styled renderables (~0.25 ms a cell, ~75 ms for the 300 cells of a refilled
        screen).  Same cache, same styles, same result: one line, padded, cropped to the width.

        The text fitted to the width is kept across refills (`_fitted`, emptied with DataTable's
        caches); the styles are combined without the cell's position first, which repeats from
        cell to cell (Rich caches those sums), and the position (the mouse's meta) is added last."""
        if row_index < 0 or column_index < 0 or width <= 2 * self.cell_padding:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        cache_key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor,
                     self._update_count, self._pseudo_class_state)
        lines = self._cell_render_cache.get(cache_key)
        if lines is None:
            component_style, post_style = self._get_styles_to_render_cell(
                False, False, row_index < self.fixed_rows or column_index < self.fixed_columns, hover, cursor,
                self.show_cursor, self._show_hover_cursor, self.cursor_foreground_priority == "css",
                self.cursor_background_priority == "css")
            inner = width - 2 * self.cell_padding
            fitted = self._fitted.get((row_key, column_key, inner))
            if fitted is None:
                text = self._cell_text(row_key, column_key).copy()
                text.truncate(inner, overflow="ellipsis", pad=True)
                fitted = self._fitted[(row_key, column_key, inner)] = [
                    (segment.text, segment.style) for segment in text.render(self.app.console)]
            pre_style = base_style + component_style
            meta = Style.from_meta({"row": row_index, "column": column_index})
            padding = Segment(" " * self.cell_padding, pre_style + post_style + meta)
            line = [padding]
            line += [Segment(text, (pre_style + style if style else pre_style) + post_style + meta) for text, style in fitted]
            line.append(padding)
            lines = [line]
            self._cell_render_cache[cache_key] = lines
        return lines

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._fitted = {}

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        """DataTable's row style, from the per-component cache (DataTable recomputes it for every line)."""
        if row_index == -1:
            return self.get_component_rich_style("datatable--header")
        if row_index < self.fixed_rows:
            return self.get_component_rich_style("datatable--fixed")
        if self.zebra_stripes:
            return self.get_component_rich_style("datatable--odd-row" if row_index % 2 else "datatable--even-row")
        return base_style

    def _plain_rows(self) -> bool:
        """A row cursor, no fixed columns, no row labels: the table drawn here (else DataTable's own path)."""
        return not self.fixed_columns and not (self.show_row_labels and self._labelled_row_exists) and self.cursor_type == "row"

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """DataTable's line, cached by whether the cursor (and the mouse) is on this line's row rather
        than by where they are: a cursor move redraws its two rows, not every line on screen."""
        if not self._plain_rows():
            return super()._render_line(y, x1, x2, base_style)
        width = self.size.width
        header = self.header_height if self.show_header else 0
        if y < header:
            row_key, line_no, row_index = self._header_row_key, y, -1
        elif y - header < len(self._shown):  # one line a row: the line is the row
            row_index, line_no = y - header, 0
            row_key = self._shown[row_index].key
        else:
            return Strip.blank(width, base_style)
        cursor, hover = self.cursor_coordinate, self.hover_coordinate
        marks = (row_index == cursor.row, row_index == hover.row, hover.row == (row_index or 0))
        cache_key = (y, x1, x2, width, row_key, marks, base_style, self.show_cursor, self._show_hover_cursor,
                     self._update_count, self._pseudo_class_state)
        strip = self._line_cache.get(cache_key)
        if strip is None:
            _fixed, scrollable = self._line_in_row(row_key, row_index, line_no, base_style, cursor, hover)
            segments = line_crop(list(chain.from_iterable(scrollable)), x1, x2, width)
            strip = self._line_cache[cache_key] = Strip(segments).adjust_cell_length(width, base_style).simplify()
        return strip

    def _render_line_in_row(self, row_key: RowKey, line_no: int, base_style: Style, cursor_location, hover_location):
        """One row's line, as DataTable draws it with a row cursor and no fixed columns or row labels,
        without the style lookups DataTable repeats for every line (~1.8 ms a line at 10,000 rows)."""
        if not self._plain_rows():
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        row_index = self._row_locations.get(row_key) if row_key in self._row_locations else -1
        return self._line_in_row(row_key, row_index, line_no, base_style, cursor_location, hover_location)

    def _line_in_row(self, row_key: RowKey, row_index: int, line_no: int, base_style: Style, cursor_location,
                     hover_location):
        cursor, hover = row_index == cursor_location.row, row_index == hover_location.row
        hover_extend = hover_location.row == (row_index or 0)
        cache_key = (row_key, line_no, base_style, cursor, hover, hover_extend, self.show_cursor,
                     self._show_hover_cursor, self._update_count, self._pseudo_class_state)
        found = self._row_render_cache.get(cache_key)
        if found is not None:
            return found
        row_style = self._get_row_style(row_index, base_style)
        render_cell = self._render_cell
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        cells = [render_cell(row_index, i, row_style, width, cursor=cursor, hover=hover)[line_no]
                 for i, width in enumerate(widths)]
        extend, _ = self._get_styles_to_render_cell(row_index == -1, False, False, hover_extend, cursor,
                                                    self.show_cursor, self._show_hover_cursor, False, False)
        extend = row_style + extend + Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        cells.append([Segment(" " * max(0, self.size.width - sum(widths) - self._row_label_column_width), extend)])
        pair = ([], cells)
        self._row_render_cache[cache_key] = pair
        return pair


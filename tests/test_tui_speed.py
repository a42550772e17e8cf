"""The shortcuts that keep the UI fast at 10,000 decisions give the same results as the plain way.

(How fast they are is measured by bench/tui_bench.py; tests never assert a time.)
"""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.widgets import DataTable

from adrtool.tui import filtering, relations
from adrtool.tui.widgets import table as table_module
from tests.test_tui_sample import make_sample
from tests.tui_support import anyio_backend, running, settle, shown_ids  # noqa: F401

pytestmark = pytest.mark.anyio


def _flat(lines) -> list[tuple[str, Style]]:
    """A rendered cell as (character, style) pairs: how it looks, however the segments are split."""
    return [(ch, segment.style) for line in lines for segment in line for ch in segment.text]


async def test_cells_look_exactly_as_datatable_draws_them(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        table = app.table
        assert any(d.status in filtering.CLOSED for d in table.shown)  # dimmed and struck-through rows
        assert any(d.choice is None for d in table.shown)  # "untagged" in colour
        columns = len(table.ordered_columns)
        compared = 0
        for cursor in (False, True):
            for row in range(table.row_count):
                for column in range(columns):
                    width = table.ordered_columns[column].get_render_width(table)
                    base = Style(color="#e0e0e0", bgcolor="#202020")
                    table._cell_render_cache.clear()
                    fast = table._render_cell(row, column, base, width, cursor=cursor)
                    # DataTable's own path, given the same text (its markup parsed, the theme's colours in)
                    row_key, column_key = table._row_locations.get_key(row), table._column_locations.get_key(column)
                    markup = table._data[row_key][column_key]
                    table._data[row_key][column_key] = table._cell_text(row_key, column_key).copy()
                    table._clear_caches()
                    plain = DataTable._render_cell(table, row, column, base, width, cursor=cursor)
                    table._data[row_key][column_key] = markup
                    table._clear_caches()
                    assert _flat(fast) == _flat(plain), (row, column, cursor)
                    compared += 1
        assert compared == 2 * table.row_count * columns


async def test_typing_on_narrows_and_backspace_widens_like_filtering_from_scratch(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        everything = app.table.decisions
        for query in ["e", "es", "ess", "es", "", "status:accepted", "status:accepted e", "status:accepted ev",
                      "status:proposed ev", "u", "uu", "w", "wi", "wit", "with"]:
            app.table.set_query(query)
            app.table.flush_query()
            expected = filtering.select(everything, query)
            assert app.table.shown == expected, query
            assert app.table.row_count == len(expected)


async def test_first_keystroke_applies_at_once_and_fast_ones_coalesce(tmp_path, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(table_module, "_clock", lambda: now[0])
    async with running(make_sample(tmp_path)) as (app, pilot):
        table = app.table
        now[0] += 10  # a quiet moment since the last refill
        table.set_query("optc")
        assert shown_ids(app) == ["0003"]  # at once, without waiting or flushing
        table.set_query("kafka")  # the same instant: typing fast
        assert shown_ids(app) == ["0003"]  # not yet: it waits for the typing to pause
        await settle(pilot)  # settle flushes the waiting filter instead of sleeping
        assert shown_ids(app) == ["0005"]


async def test_links_from_the_index_match_a_scan_of_every_decision(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        repo = app.repo
        index = relations.incoming(repo)
        assert app.detail.incoming is not None  # the app made it after loading
        incoming_somewhere = 0
        for decision in repo.decisions:
            scanned = relations.links_of(repo, decision)
            assert relations.links_of(repo, decision, index) == scanned, decision.id
            incoming_somewhere += any(item.incoming for item in scanned)
        assert incoming_somewhere  # the sample has links written on one side only


async def test_title_takes_the_width_the_short_columns_leave(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        table = app.table

        def title_and_rest() -> tuple[int, int]:
            widths = {str(key.value): column.get_render_width(table) for key, column in table.columns.items()}
            return widths.pop("title"), sum(widths.values())

        title, rest = title_and_rest()
        assert title + rest == table.scrollable_content_region.width  # no spare width at the right
        assert table.columns["status"].width == len("superseded")  # the widest status, no more
        narrow_title = title
        await pilot.resize_terminal(200, 40)
        await settle(pilot)
        title, rest = title_and_rest()
        assert title + rest == table.scrollable_content_region.width
        assert title > narrow_title + 20 and table.columns_shown[-2:] == ("date", "tags")  # room: more columns too


async def test_whole_lines_look_exactly_as_datatable_draws_them(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        table = app.table
        base = Style(color="#e0e0e0", bgcolor="#202020")
        keys = [table._header_row_key] + [table._row_locations.get_key(i) for i in range(table.row_count)]
        for cursor_row in (0, 3):
            table.move_cursor(row=cursor_row)
            await pilot.pause()
            for key in keys:
                table._clear_caches()
                fast = table._render_line_in_row(key, 0, base, table.cursor_coordinate, table.hover_coordinate)
                table._clear_caches()
                plain = DataTable._render_line_in_row(table, key, 0, base, table.cursor_coordinate, table.hover_coordinate)
                assert _flat(fast[1]) == _flat(plain[1]) and fast[0] == plain[0], (key, cursor_row)


async def test_lines_cached_by_cursor_row_are_what_datatable_draws_after_the_cursor_moves(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        table = app.table
        base = Style(color="#e0e0e0", bgcolor="#202020")
        height = table.row_count + 1
        width = table.size.width

        def lines(render) -> list:
            return [[(ch, segment.style) for segment in render(y, 0, width, base) for ch in segment.text]
                    for y in range(height)]

        lines(table._render_line)  # warm the caches at the first row
        for row in (2, 5, 0):
            table.move_cursor(row=row)
            await pilot.pause()
            fast = lines(table._render_line)  # most lines from the cache
            table._plain_rows = lambda: False  # DataTable's own path, nothing cached
            table._clear_caches()
            plain = lines(table._render_line)
            del table._plain_rows
            table._clear_caches()
            assert fast == plain, row


async def test_garbage_is_collected_when_keys_pause_not_while_they_come(tmp_path, monkeypatch):
    """The collector is off while the app runs and collects once no key has come for a moment
    (collector.py); after the app, Python's own collection is back."""
    import gc
    import weakref

    from adrtool.tui import collector

    class Node:
        pass

    def cycles(n: int):
        nodes = [Node() for _ in range(n)]
        for a, b in zip(nodes, nodes[1:] + nodes[:1]):
            a.other = b  # one ring: freed only by the cycle collector
        return weakref.ref(nodes[0])

    # The collector's clock stands still unless the test moves it: the app's own tick (every CHECK s)
    # runs during the awaits too, and on a loaded machine a press took longer than QUIET, so with the
    # real clock that tick rightly collected the ring before the test looked (18 of 20 runs at load 10-14).
    now = [1000.0]
    monkeypatch.setattr(collector, "_clock", lambda: now[0])
    async with running(make_sample(tmp_path)) as (app, pilot):
        assert not gc.isenabled()
        await pilot.press("down")  # a key just now (the app records it); the last collection was now too
        # From here to the last assert nothing awaits, so only the test's ticks run.
        ring = cycles(2 * collector.PILED_UP)
        before = app.collector.collections
        app.collector.tick()
        assert ring() is not None and app.collector.collections == before
        now[0] += collector.QUIET + 0.01  # the user paused
        app.collector.tick()
        assert ring() is None and app.collector.collections == before + 1
    assert gc.isenabled()

"""A layout for every terminal size: what the table, the 2x2 and the detail pane do at 80x24, 120x40, 200x60."""

from __future__ import annotations

import pytest

from adrtool.tui.screens.reading import ReadingScreen
from tests.conftest import write
from tests.test_tui_sample import make_sample
from tests.tui_support import anyio_backend, running, screen_text, select, settle  # noqa: F401

pytestmark = pytest.mark.anyio
LONG_TITLE = "Keep every cache entry for exactly as long as the upstream order store says it stays valid, never longer"


def many(root, n: int) -> None:
    for i in range(10, 10 + n):
        write(root / f"decisions/{i:04d}-filler-{i}.md",
              f"---\nstatus: accepted\nchoice: arbitrary\ndoor: two-way\ntags: [filler, more-tags, and-more]\n---\n# Filler {i}\n")


def widths(table) -> dict[str, int]:
    return {str(key.value): column.get_render_width(table) for key, column in table.columns.items()}


async def test_80x24_keeps_the_two_tags_on_screen_and_the_detail_is_its_own_screen(tmp_path):
    root = make_sample(tmp_path)
    write(root / "decisions/0008-long.md", f"---\nstatus: accepted\n---\n# {LONG_TITLE}\n")
    many(root, 30)
    async with running(root, size=(80, 24)) as (app, pilot):
        table = app.table
        assert table.columns_shown == ("id", "title", "status", "choice", "door")
        assert sum(widths(table).values()) == table.scrollable_content_region.width  # nothing off-screen
        assert not app.home.query_one("#right").display  # no side-by-side detail pane
        summary = app.home.query_one("#summary")
        assert summary.display and not app.home.query_one("#quadrant").display
        # the two untagged decisions' estimates apart from the tagged counts ("~2"), as the digest draws them
        assert str(summary.render()).startswith("36 in force · delib 1w 1 2w 1 · arbit 1w ⚠2 ~2 2w 30 · untagged 2")
        screen = screen_text(app)
        assert "Keep every cache entry for exact" in screen and "…" in screen  # a cut title ends with an ellipsis
        assert "never longer" not in screen
        table.focus()
        await pilot.press("pagedown", "pagedown", "pagedown")  # the last row, far below the fold, in view
        await settle(pilot)
        assert table.cursor_row == table.row_count - 1
        assert table.scroll_y > 0 and table.cursor_row - table.scroll_y < table.scrollable_content_region.height
        await pilot.press("enter")
        assert isinstance(app.screen, ReadingScreen)  # the detail, as a screen of its own


async def test_a_narrower_table_abbreviates_choice_and_door_with_a_legend(tmp_path):
    async with running(make_sample(tmp_path), size=(64, 24)) as (app, pilot):
        table = app.table
        assert table.abbreviated and table.columns_shown[-2:] == ("choice", "door")
        legend = app.home.query_one("#legend")
        assert legend.display and "delib/arbit: deliberate/arbitrary" in str(legend.render())
        screen = screen_text(app)
        assert "delib" in screen and "1-way" in screen and "deliberate" not in screen.split("Door")[1].split("delib/arbit")[0]
        await pilot.resize_terminal(160, 45)  # room again: the full words, no legend
        await settle(pilot)
        legend = str(app.home.query_one("#legend").render())  # no abbreviations: only what "~" means
        assert not table.abbreviated and "delib/arbit" not in legend and legend.startswith("~ estimated")


@pytest.mark.parametrize("size, columns", [((120, 40), ("id", "title", "status", "choice", "door")),
                                           ((200, 60), ("id", "title", "status", "choice", "door", "date", "tags"))])
async def test_wider_terminals_get_more_columns_and_the_detail_beside_the_table(tmp_path, size, columns):
    root = make_sample(tmp_path)
    many(root, 3)
    async with running(root, size=size) as (app, pilot):
        assert app.table.columns_shown == columns
        assert app.home.query_one("#right").display and app.home.query_one("#quadrant").display
        assert not app.home.query_one("#summary").display
        # the detail pane shows the current row from the start
        assert "0001  Use PostgreSQL for storage" in str(app.home.query_one("#detail-meta").render())
        await select(app, pilot, "0012")
        if "tags" in columns:
            assert "filler, more-tags, and-more" in screen_text(app) or "filler, more-tags…" in screen_text(app)


async def test_shrinking_the_terminal_keeps_the_cursor_row_in_view(tmp_path):
    root = make_sample(tmp_path)
    many(root, 40)
    async with running(root, size=(160, 45)) as (app, pilot):
        await select(app, pilot, "0040")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        table = app.table
        assert table.current().id == "0040"
        assert table.scroll_y <= table.cursor_row < table.scroll_y + table.scrollable_content_region.height

"""What the Pilot tests of the terminal UI share: run the app on a folder, wait for it, pick options.

Tests wait for workers (`settle`) or for the app's own events, never for time.
Import `anyio_backend` into a test module to run its async tests on asyncio.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from adrtool.tui.app import AdrApp
from adrtool.tui.screens.dialogs import ChoiceScreen

SIZE = (140, 40)


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def settle(pilot) -> None:
    """Let messages run and wait for every worker they start, until nothing is left to do."""
    app = pilot.app
    # Until nothing is left, or 60 s (not a count of rounds: at load 15 twenty rounds could end with a
    # worker still running, and the test then looked at the screen before its result landed).
    deadline = asyncio.get_running_loop().time() + 60
    while asyncio.get_running_loop().time() < deadline:
        await pilot.pause()
        if app.home.ready:
            app.table.flush_query()  # a filter coalesced while typing fast, without waiting
            await pilot.pause()
            app.home.flush_detail()  # the detail pane of the row the filter left the cursor on
            await app.detail.flush_body()  # the debounced body, and the review that follows it, without waiting
            await pilot.pause()
            app.home.flush_review()
        await pilot.pause()
        if not [w for w in app.workers if w.group != "watch" and not w.is_finished]:
            return
        await app.wait_idle()


@asynccontextmanager
async def running(root: Path, watch: bool = False, size: tuple[int, int] = SIZE, theme: str | None = None):
    app = AdrApp(root, watch=watch, theme=theme)
    # Toasts expire after 5 s; a loaded machine can take longer than that from start-up to a test's
    # look at them (`notes`), so they stay for the whole test here.
    app.NOTIFICATION_TIMEOUT = 600
    async with app.run_test(size=size) as pilot:
        await asyncio.wait_for(app.loaded.wait(), 30)
        await settle(pilot)
        yield app, pilot


def shown_ids(app) -> list[str]:
    return [d.id for d in app.table.shown]


async def select(app, pilot, decision_id: str) -> None:
    target = next(d for d in app.table.shown if d.id == decision_id)
    assert app.table.select(target)
    app.table.focus()
    await settle(pilot)


async def choose(pilot, option_id: str) -> None:
    """Pick an option in the ChoiceScreen on top."""
    screen = pilot.app.screen
    assert isinstance(screen, ChoiceScreen)
    options = screen.query_one("#choices")
    options.highlighted = options.get_option_index(option_id)
    await pilot.press("enter")
    await settle(pilot)


async def reload_after(app, pilot, action) -> None:
    """Run `action` (which writes) and wait for the repository to be read again."""
    app.repo_changed.clear()
    await action()
    await asyncio.wait_for(app.repo_changed.wait(), 30)
    await settle(pilot)


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def notes(app) -> list[str]:
    return list(app.said)


def screen_text(app) -> str:
    return app.export_screenshot().replace("&#160;", " ")

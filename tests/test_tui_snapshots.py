"""SVG snapshots of the main screens at a fixed size (pytest-textual-snapshot).

Regenerate with `pytest tests/test_tui_snapshots.py --snapshot-update`, then look at them.
The sample repository has fixed dates and no git, so the pictures are deterministic.
"""

from __future__ import annotations

import asyncio

import pytest

from adrtool.review.findings import Finding
from adrtool.tui import review_panel
from adrtool.tui.app import AdrApp
from tests.test_tui_sample import make_sample

SIZE = (140, 40)


@pytest.fixture(autouse=True)
def fixed_findings(monkeypatch):
    """The pictures check the layout, not the rubric's wording (tested in test_review_rubric.py):
    a fixed finding keeps them stable while the rules evolve."""
    def check(decision, repo=None, history=None):
        return [Finding("rubric/example", "warning", decision.path, 1, f"{decision.id} cites no evidence",
                        "add a reference the decision rests on")]

    monkeypatch.setattr(review_panel, "check", check)


async def _ready(pilot, select: str | None = None) -> None:
    app = pilot.app
    await asyncio.wait_for(app.loaded.wait(), 30)
    await app.wait_idle()
    if select:
        app.table.select(next(d for d in app.table.shown if d.id == select))
    await pilot.pause()
    await app.wait_idle()
    await app.detail.flush_body()
    await pilot.pause()
    await app.wait_idle()  # the review that follows the body
    await pilot.pause()


def test_home_screen(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path, broken=True), watch=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=_ready)


def test_quadrant_selected_and_focused(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path), watch=False)

    async def run_before(pilot):
        await _ready(pilot)
        await pilot.click("#q-arbitrary-one-way")
        pilot.app.query_one("QuadrantChart").focus()
        await _ready(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_detail_pane_of_a_superseded_decision(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path), watch=False)

    async def run_before(pilot):
        await _ready(pilot, select="0004")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_editor(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path), watch=False)

    async def run_before(pilot):
        await _ready(pilot, select="0003")
        await pilot.press("e")
        await pilot.app.wait_idle()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

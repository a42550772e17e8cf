"""SVG snapshots of the screens at fixed sizes (80x24, 120x40, 200x60) and in the three themes.

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
    for _ in range(3):  # the body, then the review that follows it
        await pilot.pause()
        await app.wait_idle()
        await app.detail.flush_body()
        await pilot.pause()
        app.home.flush_review()
    await pilot.pause()


def ready(select: str | None = None, *keys: str):
    async def run_before(pilot):
        await _ready(pilot, select)
        if keys:
            await pilot.press(*keys)
            await _ready(pilot)
    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
def test_home_screen_at_every_size(snap_compare, tmp_path, size):
    app = AdrApp(make_sample(tmp_path, broken=True), watch=False)
    assert snap_compare(app, terminal_size=size, run_before=ready())


@pytest.mark.parametrize("theme", ["light", "high-contrast"])
def test_home_screen_in_each_theme(snap_compare, tmp_path, theme):
    app = AdrApp(make_sample(tmp_path), watch=False, theme=theme)
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready("0004"))


@pytest.mark.parametrize("size, theme", [((80, 24), "dark"), ((120, 40), "light"), ((200, 60), "high-contrast")])
def test_reading_view(snap_compare, tmp_path, size, theme):
    app = AdrApp(make_sample(tmp_path), watch=False, theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=ready("0001", "enter"))


def test_quadrant_selected_and_focused(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path), watch=False)

    async def run_before(pilot):
        await _ready(pilot)
        await pilot.click("#q-arbitrary-one-way")
        pilot.app.query_one("QuadrantChart").focus()
        await _ready(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


async def steady_cursor(pilot) -> None:
    """A blinking cursor makes an editor's frame depend on when it is taken: hold it on."""
    from textual.widgets import TextArea

    await pilot.app.workers.wait_for_complete()
    for _ in range(50):  # the editor takes focus on mount: wait for it, the cursor is drawn only with it
        if isinstance(pilot.app.focused, TextArea):
            break
        await pilot.pause(0.02)
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
        # TextArea caches each rendered line under a key that holds the cursor only while it blinks,
        # not the focus: a line painted with blinking off before the area had focus (or in the hidden
        # half of a blink) was reused without its cursor, so the frame depended on timing (one run in
        # three at load 15).  `notify_style_update` empties that cache; then repaint it all.
        area.notify_style_update()
        area.refresh()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the review states and highlighting come from workers
    # Then wait for three frames alike (late highlighting and gutter marks land after mount; on a loaded
    # machine two frames 50 ms apart could match before they had landed: one failure in three at load 15).
    shot, alike = pilot.app.export_screenshot(), 0
    for _ in range(40):
        await pilot.pause(0.1)
        shot, before = pilot.app.export_screenshot(), shot
        alike = alike + 1 if shot == before else 0
        if alike == 2:
            break


def test_design_document_editor(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path), watch=False)

    async def run_before(pilot):
        await ready("D1", "o")(pilot)
        while not getattr(pilot.app.screen, "states", None):  # each decision's review state in the side list
            await pilot.app.wait_idle()
            await pilot.pause()
        await steady_cursor(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_help_at_80x24(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path), watch=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready(None, "question_mark"))


def test_record_editor(snap_compare, tmp_path):
    app = AdrApp(make_sample(tmp_path), watch=False)

    async def run_before(pilot):
        await ready("0003", "e")(pilot)
        while getattr(pilot.app.screen, "findings", None) is None:  # the review of the text as opened
            await pilot.app.wait_idle()
            await pilot.pause()
        await steady_cursor(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


@pytest.mark.parametrize("size, theme", [((80, 24), "dark"), ((120, 40), "light"), ((200, 60), "high-contrast")])
def test_tagging_session(snap_compare, tmp_path, size, theme):
    """The first untagged decision, its estimate with the evidence highlighted, the session's keys."""
    app = AdrApp(make_sample(tmp_path), watch=False, theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=ready(None, "t"))

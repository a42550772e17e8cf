"""The reading view (Enter): a decision rendered with its tags, git dates and authors, links both ways
(followable), references, governed paths, the reasoning card and review findings; `]`/`[` step through
the table; `e` edits; escape returns with the cursor on the decision read last."""

from __future__ import annotations

import pytest

from adrtool.tui.screens.editor import EditorScreen
from adrtool.tui.screens.reading import ReadingScreen
from tests.conftest import write
from tests.test_tui_sample import make_sample
from tests.tui_support import anyio_backend, running, screen_text, select, settle  # noqa: F401

pytestmark = pytest.mark.anyio

WITH_REFERENCES = """---
status: accepted
date: 2026-01-20
choice: deliberate
door: one-way
references: [docs/bench/latency.md]
governs: ["src/cache/**"]
relates-to: ["0001"]
---
# Cache in front of the order store

## Context

Reads dominate.
"""


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def open_reading(app, pilot, decision_id: str) -> ReadingScreen:
    await select(app, pilot, decision_id)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ReadingScreen)
    return app.screen


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_reading_a_decision_and_following_its_links_both_ways(tmp_path, size):
    root = make_sample(tmp_path)
    write(root / "decisions/0006-cache-in-front.md", WITH_REFERENCES)
    async with running(root, size=size) as (app, pilot):
        reading = await open_reading(app, pilot, "0006")
        meta = text_of(reading, "#reading-meta")
        assert "0006  Cache in front of the order store" in meta and "deliberate · one-way" in meta
        refs = text_of(reading, "#reading-refs")
        assert "References docs/bench/latency.md" in refs and "Governs src/cache/**" in refs
        links = reading.query_one("#reading-links")
        assert [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)] == \
            ["→ relates-to 0001 Use PostgreSQL for storage"]
        screen = screen_text(app)
        assert "Reads dominate." in screen and "status: accepted" not in screen  # rendered, front matter hidden
        assert text_of(reading, "#reading-card").startswith("Reasoning deliberate/one-way")
        links.focus()
        await pilot.press("enter")  # follow the link
        await settle(pilot)
        assert reading.decision.id == "0001"
        labels = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
        assert labels == ["← supersedes 0004 Use MySQL", "← relates-to 0006 Cache in front of the order store"]
        links.highlighted = 0
        await pilot.press("enter")  # and back the other way: 0004, written only in 0004's file
        await settle(pilot)
        assert reading.decision.id == "0004"
        assert "→ superseded-by 0001" in str(links.get_option_at_index(0).prompt)
        await pilot.press("escape")
        await settle(pilot)
        assert app.table.current().id == "0004"  # the cursor is where the reading ended


async def test_next_previous_and_edit_from_the_reading_view(tmp_path):
    async with running(make_sample(tmp_path), size=(80, 24)) as (app, pilot):
        reading = await open_reading(app, pilot, "0002")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert reading.decision.id == "0003" and app.table.current().id == "0003"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert reading.decision.id == "0001"
        await pilot.press("e")
        assert isinstance(app.screen, EditorScreen) and app.screen.path == "decisions/0001-use-postgresql.md"
        await pilot.press("escape")
        assert app.screen is reading


async def test_the_reasoning_card_with_each_item_and_its_quoted_line(tmp_path):
    from adrtool.reasoning import read_card

    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        decision = next(d for d in app.repo.records if d.id == "0001")
        expected = read_card(decision, app.repo)
        detail_card = str(app.home.query_one("#detail-card").render())
        reading = await open_reading(app, pilot, "0001")
        card = text_of(reading, "#reading-card")
        assert card.startswith("Reasoning deliberate/one-way, as tagged")
        for item in expected.items:  # the four essentials and the supports, each found / thin / absent
            mark = {"found": "✓", "thin": "~", "absent": "✗"}[item.state]
            assert f"{mark} {item.name:<15} {item.state:<6}" in card and item.summary in card
            for quote in item.quotes[:2]:
                assert f"line {quote.line}: “{quote.text.strip()}”" in card  # the line it rests on, verbatim
        assert {i.name for i in expected.items} >= {"decision", "alternatives", "reason", "cost"}
        assert "decision" in detail_card and "alternatives" in detail_card  # the detail pane shows it too


async def test_an_rst_record_is_rendered_from_its_markdown_and_committed_from_the_git_screen(tmp_path):
    """An RST record (openedx-events' layout) in the detail pane and the reading view, converted as the
    digest converts it; a link to its .rst file found from the other side; its file on the git screen."""
    from adrtool.dialects.rst import to_markdown
    from adrtool.tui.screens.git import GitScreen
    from tests.conftest import git
    from tests.test_reading_rst import EVENTS
    from tests.tui_support import choose

    write(tmp_path / ".adrtool.toml", 'dirs = ["docs/decisions"]\n')
    write(tmp_path / "docs/decisions/0002-events-naming.rst", EVENTS)
    write(tmp_path / "docs/decisions/0003-cache.md",
          "---\nstatus: accepted\nrelates-to: [0002-events-naming.rst]\n---\n# Cache events\n\nWe cache them.\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    async with running(tmp_path) as (app, pilot):
        await select(app, pilot, "0002")
        record = app.table.current()
        assert record.dialect == "rst" and app.detail.body_markdown == to_markdown(record.body)
        from adrtool.tui import relations

        scanned = relations.links_of(app.repo, record)  # without the index: the scan finds the .rst name
        assert [(i.incoming, i.target.id) for i in scanned] == [(True, "0003")]
        reading = await open_reading(app, pilot, "0002")
        text = screen_text(app)
        assert "Names are strings." in text and "Events naming and versioning" in text and "*****" not in text
        await pilot.press("d")
        await settle(pilot)
        await choose(pilot, "two-way")
        assert "\n:Door: two-way\n" in (tmp_path / "docs/decisions/0002-events-naming.rst").read_text()
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GitScreen) and reading is not app.screen
        assert [f.path for f in app.screen.files] == ["docs/decisions/0002-events-naming.rst"]
        assert app.screen.query_one("#git-message").value == "decisions: tag 0002 Events naming and versioning"

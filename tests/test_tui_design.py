"""Writing design documents in the UI: the Documents screen, the editor that recognises inline decisions
as one types, tagging the line under the cursor in place, a new tagged line, saving, and promotion."""

from __future__ import annotations

import pytest

from adrtool.tui import inline_lines
from adrtool.tui.screens.design_editor import DesignEditorScreen
from adrtool.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, ConflictScreen, TextPrompt
from adrtool.tui.screens.documents import DocumentsScreen
from tests.conftest import write
from tests.test_tui_sample import DESIGN_DOC, make_sample
from tests.tui_support import anyio_backend, choose, notes, read, reload_after, running, select, settle  # noqa: F401

pytestmark = pytest.mark.anyio
DOC = "docs/design/cache.md"


async def open_cache_doc(app, pilot) -> DesignEditorScreen:
    await pilot.press("D")
    assert isinstance(app.screen, DocumentsScreen)
    assert app.screen.paths == [DOC]
    await pilot.press("enter")
    await settle(pilot)
    editor = app.screen
    assert isinstance(editor, DesignEditorScreen) and editor.path == DOC
    return editor


def type_at_end(editor, text: str) -> None:
    area = editor.text_area
    area.insert(text, area.document.end)


def marks(editor) -> dict[int, str]:
    return {row: label for row, (label, _style) in editor.text_area.marks.items()}


async def test_inline_decisions_are_recognised_as_one_types(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        editor = await open_cache_doc(app, pilot)
        assert marks(editor) == {4: "A·1w", 5: "D·2w", 6: "?·??"}  # rows are 0-based: lines 5, 6, 7
        assert [d.id for d in editor.decisions] == ["D1", "D2", "cache#3"]
        type_at_end(editor, "- Decision (arbitrary, two")  # half typed: not a decision line yet
        await pilot.pause()
        assert 7 not in marks(editor)
        type_at_end(editor, "): Evict the oldest entry first.\n")  # a decision, its door not read ("two")
        await pilot.pause()
        assert marks(editor)[7] == "A·??"
        editor.text_area.insert("-way", (7, len("- Decision (arbitrary, two")))
        await pilot.pause()
        assert marks(editor)[7] == "A·2w" and editor.decisions[-1].title == "Evict the oldest entry first"
        side = editor.query_one("#design-decisions")
        assert side.option_count == 4 and "Evict the oldest entry first" in str(side.get_option_at_index(3).prompt)
        await settle(pilot)  # the review of each decision, once typing pauses
        assert "review:" in str(side.get_option_at_index(3).prompt) or editor.states
        # the gutter shows the mark on that line, in the screen as drawn
        assert "A·2w" in app.export_screenshot().replace("&#160;", " ")
        assert "one-way: ctrl+r promotes" in str(side.get_option_at_index(0).prompt)  # D1: arbitrary one-way


async def test_tags_are_set_on_the_line_under_the_cursor_and_nothing_else(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        editor = await open_cache_doc(app, pilot)
        area = editor.text_area
        area.move_cursor((6, 3))  # "- Decision: Flush the write buffer every 100 ms."
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, ChoiceScreen)
        await choose(pilot, "arbitrary")
        await pilot.press("ctrl+o")
        await choose(pilot, "two-way")
        assert area.document.get_line(6) == "- Decision (arbitrary, two-way): Flush the write buffer every 100 ms."
        expected = DESIGN_DOC.replace("- Decision: Flush", "- Decision (arbitrary, two-way): Flush")
        assert area.text == expected  # every other byte as it was
        assert read(root, DOC) == DESIGN_DOC  # not written until saved
        area.move_cursor((5, 0))  # D2: deliberate, two-way -> one-way is offered promotion
        await pilot.press("ctrl+o")
        assert app.screen.query_one("#choices").highlighted == 1  # opens on the current value
        await choose(pilot, "one-way")
        assert "D2 is a one-way door: ctrl+r promotes it to a record" in notes(app)
        await reload_after(app, pilot, lambda: pilot.press("ctrl+s"))
        assert read(root, DOC) == expected.replace("(deliberate, two-way): Entries", "(deliberate, one-way): Entries")
        await pilot.press("escape")  # saved: closes without asking
        assert not isinstance(app.screen, DesignEditorScreen)
        decisions = {d.id: d.quadrant for d in app.repo.inline}
        assert decisions["cache#3"] == "arbitrary/two-way" and decisions["D2"] == "deliberate/one-way"


async def test_a_new_tagged_decision_line_and_a_new_document(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        editor = await open_cache_doc(app, pilot)
        area = editor.text_area
        area.move_cursor((2, 0))  # "The cache sits in front of the order store."
        await pilot.press("ctrl+n")
        await choose(pilot, "arbitrary/two-way")
        assert area.document.get_line(3) == "- Decision (arbitrary, two-way): "
        assert area.cursor_location == (3, len("- Decision (arbitrary, two-way): "))
        await pilot.press(*"Shard by tenant")
        assert [d.title for d in editor.decisions][0] == "Shard by tenant"
        assert marks(editor)[3] == "A·2w"
        await reload_after(app, pilot, lambda: pilot.press("ctrl+s"))
        assert "- Decision (arbitrary, two-way): Shard by tenant\n" in read(root, DOC)
        await pilot.press("escape")
        await settle(pilot)
        # a second document, from the Documents screen
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("n")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one("#prompt-input").value = "Queue retries"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DesignEditorScreen) and app.screen.path == "docs/design/queue-retries.md"
        assert read(root, "docs/design/queue-retries.md") == "# Queue retries\n\n"


async def test_saving_a_document_changed_on_disk_asks(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        editor = await open_cache_doc(app, pilot)
        type_at_end(editor, "Mine.\n")
        write(root / DOC, DESIGN_DOC + "Theirs.\n")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert read(root, DOC).endswith("Theirs.\n")  # nothing written yet
        await pilot.click("#keep")
        assert app.screen is editor and editor.dirty


async def test_promotion_is_offered_for_one_way_decisions_and_shows_both_diffs(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        editor = await open_cache_doc(app, pilot)
        editor.text_area.move_cursor((5, 0))  # D2: two-way, nothing to promote
        await pilot.pause()
        assert "promote" not in {b.binding.action for b in app.screen.active_bindings.values()}
        editor.text_area.move_cursor((4, 0))  # D1: arbitrary, one-way
        type_at_end(editor, "Unsaved words.\n")  # promotion saves the document first
        editor.text_area.move_cursor((4, 0))
        await pilot.pause()
        assert "promote" in {b.binding.action for b in app.screen.active_bindings.values()}
        await pilot.press("ctrl+r")
        await settle(pilot)
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen) and confirm.question.startswith("Promote D1 to a record?")
        assert "+++ b/decisions/0006-keys-are-uuidv7.md" in confirm.diff_text  # the new record
        assert "-- Decision D1 (arbitrary, one-way): Keys are UUIDv7." in confirm.diff_text  # and the line it replaces
        assert read(root, DOC).endswith("Unsaved words.\n")  # saved before planning
        await reload_after(app, pilot, lambda: pilot.click("#yes"))
        record = read(root, "decisions/0006-keys-are-uuidv7.md")
        assert "inline-id: D1" in record and "choice: arbitrary" in record and "door: one-way" in record
        line = read(root, DOC).splitlines()[4]
        assert line == "- Decision D1 (arbitrary, one-way) is recorded in [0006: Keys are UUIDv7](../../decisions/0006-keys-are-uuidv7.md)."
        assert app.screen is editor and editor.text_area.document.get_line(4) == line and not editor.dirty
        assert [d.id for d in editor.decisions] == ["D2", "cache#3"]  # the line is a link now, no longer inline
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.table.current().path == "decisions/0006-keys-are-uuidv7.md"  # the cursor follows the record
        assert app.repo.find("D1")[0].path == "decisions/0006-keys-are-uuidv7.md"  # the id is kept


async def test_promote_from_the_table_with_p(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        await select(app, pilot, "D2")
        await pilot.press("p")  # two-way: not offered
        assert not isinstance(app.screen, ConfirmScreen)
        await select(app, pilot, "D1")
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # cancelled: nothing written
        assert read(root, DOC) == DESIGN_DOC and not (root / "decisions/0006-keys-are-uuidv7.md").exists()
        await pilot.press("p")
        await settle(pilot)
        await reload_after(app, pilot, lambda: pilot.click("#yes"))
        assert app.table.current().id == "0006" and app.table.current().title == "Keys are UUIDv7"


def test_marks_and_retagging_are_the_store_s_own_reading():
    decisions = inline_lines.scan(DOC, DESIGN_DOC)
    assert [inline_lines.label(d) for d in decisions] == ["A·1w", "D·2w", "?·??"]
    line = "> **Decision D7 (deliberate, proposed):** Keys are UUIDv7."
    assert inline_lines.retag(line, door=inline_lines.Door.ONE_WAY) == \
        "> **Decision D7 (deliberate, proposed, one-way):** Keys are UUIDv7."
    assert inline_lines.at_row(decisions, 4).id == "D1" and inline_lines.at_row(decisions, 0) is None
    before = inline_lines.scan(DOC, DESIGN_DOC)
    after = inline_lines.scan(DOC, DESIGN_DOC.replace("(deliberate, two-way)", "(deliberate, one-way)"))
    assert [d.id for d in inline_lines.newly_one_way(before, after)] == ["D2"]
    linked = inline_lines.scan(DOC, "- Decision D1 (arbitrary, one-way): [Keys are UUIDv7](../../decisions/0009-keys.md)\n")
    assert not inline_lines.may_promote(linked[0])  # already promoted: it links to its record


async def test_a_design_document_from_nothing_to_a_commit(git_repo):
    """The whole flow of issue 12 in one run, as the tmux test drives it: a new document, two inline
    decisions typed into it, one re-tagged one-way, promoted to a record, committed from the git screen."""
    from adrtool.tui.screens.git import GitScreen
    from tests.conftest import git

    root = make_sample(git_repo)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    async with running(root) as (app, pilot):
        await pilot.press("D")
        await pilot.press("n")
        app.screen.query_one("#prompt-input").value = "Queue retries"
        await pilot.press("enter")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, DesignEditorScreen) and editor.path == "docs/design/queue-retries.md"
        editor.text_area.move_cursor(editor.text_area.document.end)
        await pilot.press("ctrl+n")
        await choose(pilot, "arbitrary/two-way")
        await pilot.press(*"Retry three times", "enter")
        await pilot.press("ctrl+n")
        await choose(pilot, "deliberate/two-way")
        await pilot.press(*"Back off exponentially")
        assert [(d.title, inline_lines.label(d)) for d in editor.decisions] == [
            ("Retry three times", "A·2w"), ("Back off exponentially", "D·2w")]
        first = editor.decisions[0]
        editor.text_area.move_cursor((first.line - 1, 0))
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ChoiceScreen) and app.screen.current == "two-way"  # on the current value
        await choose(pilot, "one-way")
        assert inline_lines.label(editor.decisions[0]) == "A·1w"
        assert "promote" in {b.binding.action for b in app.screen.active_bindings.values()}
        await reload_after(app, pilot, lambda: pilot.press("ctrl+s"))
        assert "- Decision (arbitrary, one-way): Retry three times\n" in read(root, "docs/design/queue-retries.md")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "+++ b/decisions/0006-retry-three-times.md" in app.screen.diff_text
        await reload_after(app, pilot, lambda: pilot.click("#yes"))
        record = read(root, "decisions/0006-retry-three-times.md")
        assert "choice: arbitrary" in record and "door: one-way" in record
        text = read(root, "docs/design/queue-retries.md")
        assert "[0006: Retry three times](../../decisions/0006-retry-three-times.md)" in text
        assert "- Decision (deliberate, two-way): Back off exponentially" in text
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.table.current().path == "decisions/0006-retry-three-times.md"  # the cursor follows the record
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GitScreen)
        message = app.screen.query_one("#git-message").value
        assert message.startswith("decisions: ") and "0006 Retry three times" in message and "queue-retries.md" in message
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert git(root, "log", "-1", "--format=%s").strip() == message
        assert git(root, "status", "--porcelain").strip() == ""

"""Every flow of the terminal UI, driven with Textual's Pilot on real files (and real git where it matters).

Tests wait for workers (`settle`) or for the app's own events, never for time.
"""

from __future__ import annotations

import asyncio

import pytest

from adrtool.tui.screens.dialogs import (ChoiceScreen, ConfirmScreen, ConflictScreen, DecisionPicker, ListingScreen,
                                         NewDecisionScreen)
from adrtool.tui.screens.editor import EditorScreen
from adrtool.tui.screens.git import GitScreen
from adrtool.tui.screens.help import HelpScreen
from adrtool.tui.screens.reading import ReadingScreen
from adrtool.tui.widgets.table_rows import row_key
from tests.conftest import git, write
from tests.test_tui_sample import make_sample
from tests.tui_support import anyio_backend, choose, notes, read, reload_after, running, select, settle, shown_ids  # noqa: F401

pytestmark = pytest.mark.anyio  # anyio's pytest plugin runs the async tests (on asyncio, as Textual needs)


async def edit(app, pilot, decision_id: str, typed: str) -> EditorScreen:
    """Open the editor on a decision and type at the end of the file."""
    await select(app, pilot, decision_id)
    await pilot.press("e")
    editor = app.screen
    assert isinstance(editor, EditorScreen)
    editor.text_area.insert(typed, editor.text_area.document.end)
    return editor


# ---- browsing ---------------------------------------------------------------------------------------


async def test_home_lists_every_decision_and_the_broken_file(tmp_path):
    root = make_sample(tmp_path, broken=True)
    async with running(root) as (app, pilot):
        assert sorted(shown_ids(app)) == ["0001", "0002", "0003", "0004", "0005", "D1", "D2", "cache#3"]
        problems = str(app.query_one("#problems").render())
        assert "decisions/0006-broken.md: binary file" in problems
        # decisions in force, as the digest counts them: not the proposed 0002/0003, not the superseded 0004
        counts = app.query_one("QuadrantChart").counts()
        assert counts == {"deliberate/one-way": 1, "deliberate/two-way": 1, "arbitrary/one-way": 2,
                          "arbitrary/two-way": 0, "untagged": 1}
        assert "5 in force" in str(app.query_one("#quadrant-caption").render())
        from adrtool.digest.content import build

        digest = build(app.repo, __import__("datetime").date(2026, 2, 1), history=False)
        assert {q: n for q, n in digest.counts.items()} == counts  # the same rule, the same numbers
        # untagged cells show the estimate, dimmed and marked; the 2x2 counts estimates apart, as the digest does
        from adrtool.reasoning.estimate import estimate

        untagged = next(d for d in app.table.shown if d.id == "0003")
        row = app.table.get_row(row_key(untagged))
        guess = estimate(untagged, app.repo)
        assert row[3] == f"[italic @adr-muted]~{guess.choice.value}[/]" and row[4] == f"[italic @adr-muted]~{guess.door.value}[/]"
        assert {q: n for q, n in digest.estimated.items()} == app.query_one("QuadrantChart").estimated_counts()
        assert "~ estimated" in str(app.query_one("#legend").render())


async def test_filter_terms_and_fuzzy_text(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await pilot.press("slash")
        assert app.focused.id == "filter"
        await pilot.press(*"optc")  # fuzzy: the letters in order
        await settle(pilot)
        assert shown_ids(app) == ["0003"]
        app.query_one("#filter").value = "status:accepted door:one-way"
        await settle(pilot)
        assert sorted(shown_ids(app)) == ["0001", "0005", "D1"]
        app.query_one("#filter").value = "tag:storage"
        await settle(pilot)
        assert shown_ids(app) == ["0001"]
        await pilot.press("escape")
        assert app.focused is app.table


async def test_quadrant_selection_filters_the_table(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await pilot.click("#q-arbitrary-one-way")
        await settle(pilot)
        assert sorted(shown_ids(app)) == ["0005", "D1"]
        await pilot.click("#q-arbitrary-one-way")  # again: filter off
        await settle(pilot)
        assert len(shown_ids(app)) == 8
        # by keyboard: focus the chart, move to untagged, select
        app.query_one("QuadrantChart").focus()
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert sorted(shown_ids(app)) == ["0003", "cache#3"]
        await pilot.press("0")  # all quadrants again
        await settle(pilot)
        assert len(shown_ids(app)) == 8


async def test_closed_decisions_hide_and_sorting(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        assert "0004" in shown_ids(app)
        await pilot.press("x")
        assert "0004" not in shown_ids(app)
        app.home.action_sort("date")
        await settle(pilot)
        dated = [d.date for d in app.table.shown if d.date]
        assert dated == sorted(dated)
        app.home.action_sort("date")  # again: reversed
        await settle(pilot)
        dated = [d.date for d in app.table.shown if d.date]
        assert dated == sorted(dated, reverse=True)
        await pilot.click("#table", offset=(12, 0))  # the Title header
        await settle(pilot)
        titles = [d.title.lower() for d in app.table.shown]
        assert app.table.sort_column == "title" and titles == sorted(titles)


async def test_links_are_navigable_both_ways(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await select(app, pilot, "0001")
        links = app.query_one("#detail-links")
        labels = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
        assert labels == ["← supersedes 0004 Use MySQL"]  # written only in 0004's file
        await pilot.press("f")
        await settle(pilot)
        assert app.table.current().id == "0004"
        labels = [str(app.query_one("#detail-links").get_option_at_index(0).prompt)]
        assert labels == ["→ superseded-by 0001 Use PostgreSQL for storage"]


async def test_detail_shows_rendered_body_without_front_matter(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await select(app, pilot, "0001")
        await app.detail.flush_body()
        await settle(pilot)
        body = app.detail.body_markdown
        assert "Orders need a durable" in body and "status: accepted" not in body
        app.detail.scroll_to_widget(app.query_one("#detail-body"), animate=False, top=True)
        await pilot.pause()
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "Orders need a durable" in screen and "Context and Problem Statement" in screen
        assert "date: 2026-01-10" not in screen  # front matter hidden
        meta = str(app.query_one("#detail-meta").render())
        assert "accepted" in meta and "deliberate · one-way" in meta and "storage" in meta


async def test_help_lists_the_keys_that_work_here_grouped_app_keys_first(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _rows in app.screen.groups]
        assert titles[:5] == ["Navigate", "Decide", "Write", "Git", "App"] and titles[-1] == "Widget keys"
        descriptions = [d.split("  [")[0] for _k, d in app.screen.rows]
        assert "Choice  [decision.choice]" in [d for _k, d in app.screen.rows]  # the id to rebind it by
        assert "Choice" in descriptions and "Filter by quadrant" not in descriptions
        assert "AI review" not in descriptions  # this repository did not opt in
        assert "Promote" not in descriptions  # 0001 is a record: promotion is for inline one-way decisions
        widget = dict(app.screen.groups)["Widget keys"]
        assert descriptions.index("Choice") < descriptions.index(widget[0][1])  # adrtool's keys before the table's
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        app.query_one("QuadrantChart").focus()
        await pilot.press("f1")
        descriptions = [d.split("  [")[0] for _k, d in app.screen.rows]
        assert "Filter by quadrant" in descriptions and "Read" not in descriptions
        await pilot.press("escape")
        await select(app, pilot, "D1")  # an inline one-way decision: promotion is offered
        await pilot.press("question_mark")
        assert "Promote" in [d.split("  [")[0] for _k, d in app.screen.rows]


async def test_keys_are_rebindable_from_config(tmp_path):
    root = make_sample(tmp_path)
    write(root / ".adrtool.toml", 'dirs = ["decisions"]\n[keys]\n"decision.new" = "ctrl+n"\n"no.such" = "x"\n')
    async with running(root) as (app, pilot):
        assert "[tool.adrtool.keys]: unknown key id 'no.such'" in list(app.said)
        await pilot.press("n")
        assert not isinstance(app.screen, NewDecisionScreen)
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, NewDecisionScreen)


async def test_palette_jumps_to_a_decision(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*"kafka")
        await settle(pilot)
        for _ in range(50):  # the palette searches in a task; wait for its result list
            await pilot.pause()
            if app.screen.query("CommandList") and app.screen.query_one("CommandList").option_count:
                break
        await pilot.press("enter")
        await settle(pilot)
        assert app.table.current().id == "0005"


# ---- writing ------------------------------------------------------------------------------------------


async def test_tag_choice_and_door(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        await select(app, pilot, "0003")
        await pilot.press("c")
        assert app.screen.query_one("#choices").highlighted == 0  # untagged: the first option
        await reload_after(app, pilot, lambda: choose(pilot, "deliberate"))
        assert app.table.current().id == "0003"  # the cursor stays on the decision written
        await pilot.press("d")
        await reload_after(app, pilot, lambda: choose(pilot, "two-way"))
        text = read(root, "decisions/0003-commit-with-optimistic-checks.md")
        assert "choice: deliberate" in text and "door: two-way" in text
        assert text.endswith("Compare the version before writing.\n")  # the rest untouched
        assert app.query_one("QuadrantChart").counts()["deliberate/two-way"] == 1  # still proposed: not in force
        await pilot.press("d")  # the picker opens on the current value
        options = app.screen.query_one("#choices")
        assert options.get_option_at_index(options.highlighted).id == "two-way"
        await pilot.press("enter")  # the same value: nothing to change, nothing written
        await settle(pilot)
        assert "nothing to change" in notes(app)
        # inline decisions are tagged in their line
        await select(app, pilot, "cache#3")
        await pilot.press("c")
        await reload_after(app, pilot, lambda: choose(pilot, "arbitrary"))
        assert "Decision (arbitrary): Flush" in read(root, "docs/design/cache.md")
        assert app.table.current().id == "cache#3"
        await pilot.press("d")  # re-tagged one-way: promotion is offered
        await reload_after(app, pilot, lambda: choose(pilot, "one-way"))
        assert "cache#3 is now a one-way door: p promotes it to a record" in notes(app)


async def test_status_follows_the_lifecycle_and_asks_before_rejecting(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        await select(app, pilot, "0003")
        await pilot.press("s")
        options = app.screen.query_one("#choices")
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == ["accepted", "rejected"]
        await choose(pilot, "rejected")
        assert isinstance(app.screen, ConfirmScreen)  # hard to reverse: asks, with the diff
        assert "+status: rejected" in app.screen.diff_text
        await pilot.press("escape")
        assert "status: proposed" in read(root, "decisions/0003-commit-with-optimistic-checks.md")
        await pilot.press("s")
        await reload_after(app, pilot, lambda: choose(pilot, "accepted"))
        text = read(root, "decisions/0003-commit-with-optimistic-checks.md")
        assert "status: accepted" in text and "date: 2026-01-12" not in text
        await select(app, pilot, "0004")  # superseded is final
        await pilot.press("s")
        assert not isinstance(app.screen, ChoiceScreen)


async def test_supersede_writes_both_files(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        await select(app, pilot, "0002")
        await pilot.press("S")
        assert isinstance(app.screen, DecisionPicker)
        await pilot.press(*"optim")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await reload_after(app, pilot, lambda: pilot.click("#yes"))
        assert "superseded" in read(root, "decisions/0002-indent-with-tabs.md")
        assert "supersedes: [2]" in read(root, "decisions/0003-commit-with-optimistic-checks.md")
        assert next(d for d in app.repo.records if d.id == "0002").status.value == "superseded"


async def test_new_decision_asks_title_and_tags_then_opens_the_editor(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        await pilot.press("n")
        assert isinstance(app.screen, NewDecisionScreen)
        app.screen.query_one("#new-title").value = "Cache keys are UUIDs"
        await pilot.click("#choice-arbitrary")
        await pilot.click("#door-two-way")
        await pilot.click("#create")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        path = app.screen.path
        assert path.startswith("decisions/0006-")
        text = read(root, path)
        assert "Cache keys are UUIDs" in text and "choice: arbitrary" in text and "door: two-way" in text
        app.screen.text_area.insert("\nWe chose UUIDv7.\n", app.screen.text_area.document.end)
        await reload_after(app, pilot, lambda: pilot.press("ctrl+s"))
        assert read(root, path).endswith("We chose UUIDv7.\n")
        assert "0006" in [d.id for d in app.repo.records]
        await pilot.press("escape")
        await settle(pilot)
        assert app.table.current().id == "0006"  # the cursor follows the new decision


async def test_edit_save_and_leave(tmp_path):
    root = make_sample(tmp_path)
    rel = "decisions/0002-indent-with-tabs.md"
    async with running(root) as (app, pilot):
        editor = await edit(app, pilot, "0002", "More on tabs.\n")
        await pilot.press("escape")  # unsaved: asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#no")
        assert app.screen is editor and editor.dirty
        await reload_after(app, pilot, lambda: pilot.press("ctrl+s"))
        assert read(root, rel).endswith("We indent with tabs.\nMore on tabs.\n")
        assert not editor.dirty
        await pilot.press("escape")
        assert app.screen is not editor and app.table.current().id == "0002"
        await pilot.press("enter")  # enter reads; e edits, from the reading view too
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("e")
        assert isinstance(app.screen, EditorScreen) and app.screen.path == rel


async def test_conflict_on_save_shows_the_difference_and_lets_the_user_choose(tmp_path):
    root = make_sample(tmp_path)
    rel = "decisions/0002-indent-with-tabs.md"
    async with running(root) as (app, pilot):
        editor = await edit(app, pilot, "0002", "Mine.\n")
        write(root / rel, read(root, rel) + "Theirs.\n")  # another editor saved meanwhile
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert "-Theirs." in app.screen.diff_text and "+Mine." in app.screen.diff_text
        assert read(root, rel).endswith("Theirs.\n")  # nothing written yet
        await pilot.click("#keep")
        assert app.screen is editor and editor.text_area.text.endswith("Mine.\n")  # typed text kept
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#overwrite")
        await settle(pilot)
        assert read(root, rel).endswith("We indent with tabs.\nMine.\n")
        # and the other choice: take the disk version
        write(root / rel, read(root, rel) + "Third.\n")
        editor.text_area.insert("Lost.\n", editor.text_area.document.end)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#theirs")
        await settle(pilot)
        assert editor.text_area.text.endswith("Mine.\nThird.\n") and not editor.dirty


async def test_quit_with_unsaved_text_asks_first(tmp_path):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await select(app, pilot, "0002")
        await pilot.press("e")
        app.screen.text_area.insert("unsaved", (0, 0))
        await app.run_action("quit")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running


# ---- git, live, robust ------------------------------------------------------------------------------


async def test_commit_modified_decisions_with_a_prefilled_message(git_repo):
    root = make_sample(git_repo)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    async with running(root) as (app, pilot):
        await select(app, pilot, "0003")
        await pilot.press("s")
        await reload_after(app, pilot, lambda: choose(pilot, "accepted"))
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GitScreen)
        assert [f.path for f in screen.files] == ["decisions/0003-commit-with-optimistic-checks.md"]
        message = screen.query_one("#git-message").value
        assert message == "decisions: accept 0003 Commit with optimistic checks"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert git(root, "log", "-1", "--format=%s").strip() == message
        assert git(root, "status", "--porcelain").strip() == ""
        assert screen.files == []


async def test_external_change_updates_table_and_detail(tmp_path):
    root = make_sample(tmp_path)
    async with running(root, watch=True) as (app, pilot):
        await select(app, pilot, "0002")
        app.repo_changed.clear()
        text = read(root, "decisions/0002-indent-with-tabs.md").replace("# Indent with tabs", "# Indent with spaces")
        write(root / "decisions/0002-indent-with-tabs.md", text)
        write(root / "decisions/0007-new-from-outside.md", "---\nstatus: proposed\n---\n# New from outside\n")
        for _ in range(3):  # the watcher may report the two writes in one batch or two
            await asyncio.wait_for(app.repo_changed.wait(), 30)
            await settle(pilot)
            if "0007" in shown_ids(app) and app.table.current().title == "Indent with spaces":
                break
            app.repo_changed.clear()
        assert "0007" in shown_ids(app)
        assert app.table.current().title == "Indent with spaces"  # the cursor stays on the same decision
        assert "Indent with spaces" in str(app.query_one("#detail-meta").render())


async def test_missing_folder_offers_init(git_repo):
    async with running(git_repo) as (app, pilot):
        assert isinstance(app.screen, ConfirmScreen)
        assert "decisions" in app.screen.question
        await reload_after(app, pilot, lambda: pilot.click("#yes"))
        assert (git_repo / "decisions").is_dir()
        assert app.repo.records  # init starts the log with its first record


async def test_bad_input_never_crashes(tmp_path):
    root = make_sample(tmp_path, broken=True)
    write(root / "decisions" / "0008-binary.md", "")
    (root / "decisions" / "0008-binary.md").write_bytes(b"\xff\xfe\x00garbage")
    write(root / "decisions" / "0009-brackets.md",  # markup-like text must show as written
          "---\nstatus: proposed\nrelates-to: ['0001']\ntags: ['[/red]']\n---\n# Parse [b]old[/] and [2026\n")
    async with running(root) as (app, pilot):
        await select(app, pilot, "0009")
        assert "Parse [b]old[/] and [2026" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("S")  # the picker's title carries the decision's title
        assert isinstance(app.screen, DecisionPicker)
        await pilot.press("escape")
        await select(app, pilot, "0001")  # the link back from 0009, labelled with its title
        problems = str(app.query_one("#problems").render())
        assert "0008-binary.md" in problems and "0006-broken.md" in problems
        app.query_one("#filter").value = "status: door:nonsense ((( [["
        await settle(pilot)
        assert shown_ids(app) == []
        assert "status: needs a value" in str(app.query_one("#filter-hint").render())
        await pilot.press("escape", "c")  # nothing selected: a warning, no crash
        await settle(pilot)
        assert app.is_running and not isinstance(app.screen, ChoiceScreen)


async def test_branch_review_lists_findings_of_the_decisions_changed_on_the_branch(git_repo):
    root = make_sample(git_repo)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    git(root, "checkout", "-q", "-b", "topic")
    write(root / "decisions/0006-hasty.md", "---\nstatus: proposed\nchoice: arbitrary\ndoor: one-way\n---\n# Hasty\n\nJust do it.\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "hasty")
    async with running(root) as (app, pilot):
        await pilot.press("R")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ListingScreen) and screen.where.startswith("branch review")
        paths = {where.split(":")[0] for where, _message in screen.rows}
        assert paths == {"decisions/0006-hasty.md"}  # only what the branch changed
        assert any("error" in message for _where, message in screen.rows)


async def test_detail_shows_the_git_timeline(git_repo):
    root = make_sample(git_repo)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start", env={"GIT_AUTHOR_DATE": "2026-01-12T10:00:00", "GIT_COMMITTER_DATE": "2026-01-12T10:00:00"})
    rel = "decisions/0003-commit-with-optimistic-checks.md"
    write(root / rel, read(root, rel).replace("status: proposed", "status: accepted"))
    git(root, "commit", "-q", "-am", "accept", env={"GIT_AUTHOR_DATE": "2026-01-20T10:00:00", "GIT_COMMITTER_DATE": "2026-01-20T10:00:00"})
    async with running(root) as (app, pilot):
        await select(app, pilot, "0003")
        history = str(app.query_one("#detail-history").render())
        assert "2026-01-12  proposed" in history and "2026-01-20  accepted" in history and "Ana Lima" in history
        await pilot.press("enter")  # the reading view: dates and authors from git
        await settle(pilot)
        dates = str(app.screen.query_one("#reading-git").render())
        assert "created 2026-01-12 by Ana Lima" in dates and "changed 2026-01-20 by Ana Lima" in dates


async def test_a_refused_commit_says_why_and_keeps_the_files(git_repo):
    root = make_sample(git_repo)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    hook = root / ".git" / "hooks" / "pre-commit"
    write(hook, "#!/bin/sh\necho 'decision files need review' >&2\nexit 1\n")
    hook.chmod(0o755)
    rel = "decisions/0002-indent-with-tabs.md"
    write(root / rel, read(root, rel) + "More.\n")
    async with running(root) as (app, pilot):
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GitScreen)
        assert git(root, "log", "--format=%s").splitlines() == ["start"]  # the hook ran and refused
        assert "commit failed: decision files need review" in list(app.said)
        assert read(root, rel).endswith("More.\n")


async def test_the_editor_reviews_the_text_as_typed(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        editor = await edit(app, pilot, "0005", "")
        await settle(pilot)
        assert "rubric/arbitrary-one-way" in {f.rule for f in editor.findings}
        row = editor.text_area.text.splitlines().index("door: one-way")
        editor.text_area.replace("door: two-way", (row, 0), (row, len("door: one-way")))
        editor.run_review()  # what the typing pause triggers
        await settle(pilot)
        assert "rubric/arbitrary-one-way" not in {f.rule for f in editor.findings}
        assert "is an arbitrary choice" not in str(editor.query_one("#editor-review").render())


async def test_filter_ranks_by_match_and_clearing_keeps_the_selection(tmp_path):
    root = make_sample(tmp_path)
    write(root / "decisions/0007-record-design-decisions.md",
          "---\nstatus: accepted\n---\n# Record design decisions with adrtool\n")
    async with running(root) as (app, pilot):
        await pilot.press("slash", *"mi")
        await settle(pilot)
        assert shown_ids(app) == ["D2", "0003"]  # "minutes" starts a word; "commit" only contains it
        assert "ranked by match" in str(app.query_one("#status-line").render())
        app.table.select(app.table.shown[1])
        await pilot.press("ctrl+u")  # clear the filter: every row again, the cursor where it was
        await settle(pilot)
        assert len(shown_ids(app)) == 9 and app.table.current().id == "0003"
        app.query_one("#filter").value = "digest"  # letters scattered over the title are no match
        await settle(pilot)
        assert shown_ids(app) == []
        app.query_one("#filter").value = "rec des"
        await settle(pilot)
        assert shown_ids(app) == ["0007"]
        app.query_one("#filter").value = "status:bogus"
        await settle(pilot)
        hint = str(app.query_one("#filter-hint").render())
        assert shown_ids(app) == [] and "status:bogus matches nothing" in hint and "accepted" in hint
        app.query_one("#filter").value = "status:accepted"
        await settle(pilot)
        assert not app.query_one("#filter-hint").display


async def test_the_git_screen_proposes_add_for_a_new_record(git_repo):
    root = make_sample(git_repo)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    async with running(root) as (app, pilot):
        await pilot.press("n")
        app.screen.query_one("#new-title").value = "Cache keys are UUIDs"
        await pilot.click("#create")
        await settle(pilot)
        await pilot.press("escape")  # the editor, unchanged
        await settle(pilot)
        await pilot.press("c")  # tagged afterwards: still a new file for git
        await reload_after(app, pilot, lambda: choose(pilot, "arbitrary"))
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GitScreen)
        assert app.screen.query_one("#git-message").value == "decisions: add 0006 Cache keys are UUIDs"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert git(root, "log", "-1", "--format=%s").strip() == "decisions: add 0006 Cache keys are UUIDs"


async def test_renumber_asks_with_the_diff_and_the_cursor_follows(tmp_path):
    root = make_sample(tmp_path)
    async with running(root) as (app, pilot):
        await select(app, pilot, "0002")
        await pilot.press("N")
        prompt = app.screen
        assert prompt.query_one("#prompt-input").value == "6"  # the next free number, to change or take
        prompt.query_one("#prompt-input").value = "9"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "Renumber 0002 to 9?" in app.screen.question
        assert "+++ b/decisions/0009-indent-with-tabs.md" in app.screen.diff_text
        await reload_after(app, pilot, lambda: pilot.click("#yes"))
        assert (root / "decisions/0009-indent-with-tabs.md").is_file()
        assert not (root / "decisions/0002-indent-with-tabs.md").exists()
        assert app.table.current().id == "0009"


@pytest.mark.parametrize("keys, dialog, own", [
    (("n",), NewDecisionScreen, "dialog.cancel"),
    (("c",), ChoiceScreen, "dialog.cancel"),
    (("S",), DecisionPicker, "dialog.cancel"),
    (("question_mark",), HelpScreen, "help.close"),
])
async def test_each_dialog_has_its_own_footer(tmp_path, keys, dialog, own):
    async with running(make_sample(tmp_path)) as (app, pilot):
        await select(app, pilot, "0002")
        await pilot.press(*keys)
        await settle(pilot)
        assert isinstance(app.screen, dialog)
        offered = {b.binding.id for b in app.screen.active_bindings.values() if b.binding.show}
        assert own in offered and not offered & {"decision.choice", "decision.new", "app.quit"}
        assert app.screen.query("Footer")  # drawn in the dialog, not the table's behind it

"""The optional AI review in the UI: absent unless the repository opted in; runs in a worker against
the real SDK talking to the fake Messages API on loopback."""

from __future__ import annotations

import pytest

from tests.ai_support import fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.test_ai_results import FINDINGS
from tests.tui_support import anyio_backend, running, select, settle  # noqa: F401  (fixture)

pytestmark = pytest.mark.anyio


def enabled_actions(app) -> set[str]:
    """The actions whose keys the footer and help offer right now."""
    return {b.binding.action for b in app.screen.active_bindings.values()}  # check_action already applied


async def test_ai_review_shows_its_findings_beside_the_rubric(tmp_path, fake):
    fake.reply = lambda body: FINDINGS
    root = make_repo(tmp_path / "repo")
    async with running(root) as (app, pilot):
        await select(app, pilot, "0001")
        assert "ai_review" in enabled_actions(app)
        await pilot.press("a")
        await settle(pilot)
        review = str(app.query_one("#detail-review").render())
        assert "AI" in review and "No managed queue service was considered." in review
        assert len(fake.message_requests()) == 1
        assert app._ai_cancel is None  # finished: the cancel key is gone again
        await pilot.press("a")  # again: the stored result is reused, nothing sent
        await settle(pilot)
        assert len(fake.message_requests()) == 1


async def test_nothing_ai_related_when_the_repository_did_not_opt_in(tmp_path, fake):
    root = make_repo(tmp_path / "repo", enabled=False)
    async with running(root) as (app, pilot):
        await select(app, pilot, "0001")
        assert "ai_review" not in enabled_actions(app)
        await pilot.press("a")
        await settle(pilot)
        assert fake.requests == []
        assert "AI" not in str(app.query_one("#detail-review").render())


async def test_the_reading_view_shows_a_stored_ai_summary(tmp_path, fake):
    from adrtool import store
    from adrtool.ai import summarize

    fake.reply = lambda body: {"summary": "We keep things in Store 1. It was chosen for durability."}
    root = make_repo(tmp_path / "repo")
    repo = store.load(root)
    summarize.summarize_decisions(repo, [repo.resolve("1")])
    async with running(root) as (app, pilot):
        await select(app, pilot, "0001")
        await pilot.press("enter")
        await settle(pilot)
        ai = app.screen.query_one("#reading-ai")
        assert ai.display and "We keep things in Store 1." in str(ai.render())
        requests = len(fake.message_requests())
        await pilot.press("right_square_bracket")  # 0002 has no stored summary: none shown, nothing sent
        await settle(pilot)
        assert not app.screen.query_one("#reading-ai").display and len(fake.message_requests()) == requests


async def test_a_rubric_error_the_ai_cleared_shows_as_a_warning_marked_so(tmp_path, fake):
    """The detail pane and the reading view show the merged findings `adrtool review` prints: a rubric
    error refuted by a verified quote of the AI judge is a warning marked "cleared by AI review"."""
    import subprocess
    import sys

    from adrtool import store
    from adrtool.ai import review
    from tests.conftest import ROOT
    from tests.test_ai_review_merge import NYGARD, REFUTES_NYGARD, repo_with

    root = repo_with(tmp_path, local=NYGARD)
    fake.reply = lambda body: REFUTES_NYGARD
    repo = store.load(root)
    assert [o.state for o in review.review_decisions(repo, repo.decisions).outcomes] == ["done"]
    async with running(root) as (app, pilot):
        await select(app, pilot, "0003")
        shown = str(app.query_one("#detail-review").render())
        assert "warning cleared by AI review" in shown and 'AI quoted line 12: "we could instead move that history' in shown
        assert "error" not in shown.replace("rubric/", "")  # nothing left as an error
        await pilot.press("enter")
        await settle(pilot)
        assert "cleared by AI review" in str(app.screen.query_one("#reading-review").render())
    # Merging stored results reads files only: the SDK is not imported.
    probe = ("import sys; from pathlib import Path; from adrtool import store; from adrtool.tui import review_panel; "
             "r = store.load(Path('.')); d = r.resolve('3'); "
             "f = review_panel.findings_for(d, r); assert any('cleared by AI review' in x.message for x in f), f; "
             "print('anthropic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "False", done.stderr

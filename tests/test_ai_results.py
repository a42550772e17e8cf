"""Stored results: written with provenance, reused with zero requests, merged into review and digest."""

from __future__ import annotations

import threading

import pytest
import yaml

from tests.ai_support import ai_repo, fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import git, write

from adrtool import store
from adrtool.ai import AIError, review, summarize, verdicts

# An answer that claims nothing about the essentials (absent, with no word on what is missing:
# the merge ignores such a claim) and one finding, quoting a line both test records share.
FINDINGS = {
    "quadrant": "deliberate/one-way",
    "essentials": {name: {"quote": "", "why": "", "state": "absent"}
                   for name in ("decision", "alternatives", "reason", "cost")},
    "findings": [{"kind": "missing-option", "severity": "warning", "quote": "We need somewhere to keep things",
                  "message": "No managed queue service was considered.",
                  "recommendation": "Weigh a managed queue against running our own."}],
}


def _front_matter(path) -> dict:
    return yaml.safe_load(path.read_text().split("---\n")[1])


def test_results_are_stored_with_provenance_and_reused(ai_repo, fake, cli):
    fake.reply = lambda body: FINDINGS
    first = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert first.code == 0, first.err
    assert "warning ai/missing-option (line 11): No managed queue service was considered." in first.out
    assert len(fake.message_requests()) == 2
    meta = _front_matter(ai_repo / ".adrtool/ai/review/0001.md")
    assert meta["model"] == "claude-sonnet-5-5" and meta["prompt"] == "review@2"
    assert len(meta["input-sha256"]) == 64 and meta["source"] == "decisions/0001-store-1.md"
    assert meta["usage"]["input_tokens"] > 0 and meta["usage"]["output_tokens"] > 0
    # The second request read the rubric from the (simulated) prompt cache.
    second_meta = _front_matter(ai_repo / ".adrtool/ai/review/0002.md")
    assert second_meta["usage"]["cache_read_input_tokens"] == meta["usage"]["cache_creation_input_tokens"] > 0

    fake.reset()
    again = cli(["ai", "review", "--all", "--yes"], ai_repo)
    assert again.code == 0
    assert fake.requests == []
    assert "0 new, 2 reused, 0 HTTP attempt(s)" in again.err


def test_status_lists_missing_and_stale(ai_repo, fake, cli):
    assert cli(["ai", "review", "1", "--yes"], ai_repo).code == 0
    status = cli(["ai", "status"], ai_repo)
    assert "missing  review     0002" in status.out
    assert "review     0001" not in status.out
    record = ai_repo / "decisions/0001-store-1.md"
    record.write_text(record.read_text() + "\nWe also considered files.\n")
    status = cli(["ai", "status"], ai_repo)
    assert "stale    review     0001" in status.out
    fake.reset()
    assert cli(["ai", "review", "--all", "--yes"], ai_repo).code == 0
    assert len(fake.message_requests()) == 2  # the stale one and the missing one


def test_review_findings_are_merged_as_ai_findings(ai_repo, fake):
    fake.reply = lambda body: FINDINGS
    repo = store.load(ai_repo)
    run = review.review_decisions(repo, repo.decisions[:1])
    assert [o.state for o in run.outcomes] == ["done"]
    repo = store.load(ai_repo)
    found = verdicts.review_findings(repo, repo.decisions)
    assert len(found) == 1
    f = found[0]
    assert (f.source, f.rule, f.severity, f.decision_id, f.path) == (
        "ai", "ai/missing-option", "warning", "0001", "decisions/0001-store-1.md")
    # An edited decision's old findings are stale, and no longer merged.
    record = ai_repo / "decisions/0001-store-1.md"
    record.write_text(record.read_text().replace("Use Store 1.", "Use Store 1, with backups."))
    assert verdicts.review_findings(store.load(ai_repo), store.load(ai_repo).decisions) == []


def test_newcomer_summaries_for_the_digest(ai_repo, fake, cli):
    fake.reply = lambda body: {"summary": "We keep things in Store 1. It was chosen for durability."}
    result = cli(["ai", "summarize", "1", "--yes"], ai_repo)
    assert result.code == 0, result.err
    assert "We keep things in Store 1." in result.out
    repo = store.load(ai_repo)
    assert summarize.summary_for(repo, repo.resolve("1")) == "We keep things in Store 1. It was chosen for durability."
    assert summarize.summary_for(repo, repo.resolve("2")) is None


def test_progress_and_cancel_for_a_worker(ai_repo, fake):
    repo = store.load(ai_repo)
    cancel = threading.Event()
    seen = []

    def progress(done, total, item):
        seen.append((done, total, item))
        cancel.set()  # the user cancels once the first decision is done

    run = review.review_decisions(repo, repo.decisions, progress=progress, cancel=cancel)
    assert [o.state for o in run.outcomes] == ["done", "not-done"]
    assert run.outcomes[1].message == "cancelled"
    assert seen == [(1, 2, "0001")]
    assert len(fake.message_requests()) == 1


def test_the_api_refuses_to_run_when_ai_is_off(tmp_path, fake):
    repo = store.load(make_repo(tmp_path / "repo", enabled=False))
    with pytest.raises(AIError, match="enabled = true"):
        review.review_decisions(repo, repo.decisions)
    assert fake.requests == []


def test_changed_reviews_only_the_decisions_changed_on_the_branch(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo / "decisions/0003-new.md", "---\nstatus: proposed\n---\n# New\n")
    record = repo / "decisions/0002-store-2.md"
    record.write_text(record.read_text() + "\nMore context.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "topic")
    result = cli(["ai", "review", "--changed", "--base", "main", "--yes"], repo)
    assert result.code == 0, result.err
    sent = [b["messages"][0]["content"] for b in fake.message_requests()]
    assert len(sent) == 2
    assert any('id="0002"' in s for s in sent) and any('id="0003"' in s for s in sent)


def test_adrtool_review_shows_the_stored_ai_findings(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    fake.reply = lambda body: FINDINGS
    assert cli(["ai", "review", "--all", "--yes"], repo).code == 0
    fake.reset()
    result = cli(["review", "--all", "--format", "json"], repo)
    assert fake.requests == []  # merging stored results never calls the API
    assert "No managed queue service was considered." in result.out
    assert '"source": "ai"' in result.out


def test_changed_outside_git_is_one_line(ai_repo, fake, cli):
    result = cli(["ai", "review", "--changed", "--yes"], ai_repo)
    assert result.code == 2
    assert result.err.startswith("adrtool: error: not a git repository")
    assert fake.requests == []

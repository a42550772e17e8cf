"""Tag suggestions applied surgically, and Message Batches that survive an interruption."""

from __future__ import annotations

import json
import threading

import pytest

from tests.ai_support import fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import write

from adrtool import store
from adrtool.ai import AIError, review

NYGARD = """# 3. Use UUIDs for order ids

Date: 2020-04-01

## Status

Accepted

## Context

Orders need ids before they reach the database.

## Decision

We will use UUIDv4 for order ids.

## Consequences

Ids are 36 characters long.
"""


def test_tags_are_suggested_and_applied_only_where_missing(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", records=1)
    write(repo / "decisions/0003-use-uuids.md", NYGARD)
    write(repo / "docs/design/queue.md", "# Queue\n\n- Decision: Flush every 100 ms.\n")
    write(repo / "pyproject.toml", (repo / "pyproject.toml").read_text().replace(
        'dirs = ["decisions"]', 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]'))
    fake.reply = lambda body: {"choice": "deliberate", "choice_reason": "Options were weighed.",
                               "door": "one-way", "door_reason": "Ids are persisted and shared."}
    result = cli(["ai", "tags", "--untagged", "--apply", "--yes"], repo)
    assert result.code == 0, result.err
    assert len(fake.message_requests()) == 2  # the tagged record 0001 was not sent
    assert "choice: deliberate: Options were weighed." in result.out
    after = (repo / "decisions/0003-use-uuids.md").read_text()
    before_lines, after_lines = NYGARD.splitlines(), after.splitlines()
    added = [line for line in after_lines if line not in before_lines]
    assert len(added) >= 1 and all(("deliberate" in line or "one-way" in line) for line in added)
    assert all(line in after_lines for line in before_lines)  # nothing the user wrote was lost
    d = store.load(repo).resolve("3")
    assert (d.choice.value, d.door.value) == ("deliberate", "one-way")
    inline = (repo / "docs/design/queue.md").read_text()
    assert inline == "# Queue\n\n- Decision (deliberate, one-way): Flush every 100 ms.\n"


def test_apply_in_a_script_needs_yes(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", records=0)
    write(repo / "decisions/0003-use-uuids.md", NYGARD)
    result = cli(["ai", "tags", "3", "--apply"], repo)
    assert result.code == 2 and "--yes" in result.err
    assert fake.requests == []
    assert (repo / "decisions/0003-use-uuids.md").read_text() == NYGARD


def test_batch_reports_errored_and_expired_per_request(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", records=4)
    fake.batch_outcomes = {1: "errored", 2: "expired"}
    fake.polls_before_end = 2
    result = cli(["ai", "summarize", "--all", "--batch", "--yes"], repo)
    assert result.code == 1
    creates = [r for r in fake.requests if r.path == "/v1/messages/batches"]
    assert len(creates) == 1 and len(creates[0].body["requests"]) == 4
    assert fake.message_requests() == []  # everything went through the batch
    assert "0002-store-2.md: AI summarize failed: the batch request failed: fake: request rejected" in result.err
    assert "0003-store-3.md: AI summarize failed: expired before the batch processed it" in result.err
    stored = sorted(p.name for p in (repo / ".adrtool/ai/summarize").iterdir())
    assert stored == ["0001.md", "0004.md"]
    assert not (repo / ".adrtool/ai/pending-batch.json").exists()


def test_an_interrupted_batch_is_resumed(tmp_path, fake, cli):
    repo_path = make_repo(tmp_path / "repo", records=3)
    fake.polls_before_end = 3
    repo = store.load(repo_path)
    cancel = threading.Event()
    with pytest.raises(AIError, match="keeps running and --resume collects it"):
        # The worker is cancelled at the first progress report, as a user closing the TUI would.
        review.review_decisions(repo, repo.decisions, batch=True, cancel=cancel,
                                progress=lambda done, total, item: cancel.set())
    state = json.loads((repo_path / ".adrtool/ai/pending-batch.json").read_text())
    assert state["batch_id"] == "msgbatch_0001" and state["feature"] == "review"

    again = cli(["ai", "review", "--all", "--batch", "--yes"], repo_path)
    assert again.code == 2 and "msgbatch_0001 (review) is still pending; collect it with --resume" in again.err

    resumed = cli(["ai", "review", "--resume"], repo_path)
    assert resumed.code == 0, resumed.err
    assert len([r for r in fake.requests if r.path == "/v1/messages/batches"]) == 1  # not sent twice
    assert sorted(p.name for p in (repo_path / ".adrtool/ai/review").iterdir()) == ["0001.md", "0002.md", "0003.md"]
    assert not (repo_path / ".adrtool/ai/pending-batch.json").exists()
    fake.reset()
    assert cli(["ai", "review", "--all", "--batch", "--yes"], repo_path).code == 0
    assert fake.requests == []

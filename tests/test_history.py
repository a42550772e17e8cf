"""Decision history from git: creation, last change, authors, status timeline, renames, shallow clones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adrtool import git_log, history, store
from tests.conftest import git, write

PROPOSED = "# 1. Use Kafka\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n\n## Context\n\nEvents.\n"


def commit(repo: Path, message: str, author: str, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message,
        env={"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})


@pytest.fixture(autouse=True, params=["one path-limited log", "every commit walked"])
def strategy(request, monkeypatch):
    """Every test runs with both ways of reading the whole history (see history.FEW_FILES)."""
    monkeypatch.setattr(history, "FEW_FILES", 1000 if request.param == "one path-limited log" else 0)
    return request.param


@pytest.fixture(scope="module")
def logged(tmp_path_factory) -> Path:
    """A record proposed by Ana, accepted by Bo (reviewed by Cy), renamed by Bo; a side branch merged in."""
    repo = tmp_path_factory.mktemp("history") / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / "decisions/0001-use-kafka.md", PROPOSED)
    commit(repo, "propose", "Ana Lima", "2024-01-01T10:00:00+00:00")
    (repo / "decisions/0001-use-kafka.md").write_text(PROPOSED.replace("Proposed", "Accepted"), encoding="utf-8")
    commit(repo, "accept\n\nReviewed-by: Cy Diaz <cy@example.com>", "Bo Chen", "2024-02-01T10:00:00+00:00")
    (repo / "decisions/0001-use-kafka.md").write_text(
        PROPOSED.replace("Proposed", "Accepted").replace("Events.", "Events, replayed."), encoding="utf-8")
    commit(repo, "wording", "Ana Lima", "2024-02-15T10:00:00+00:00")
    git(repo, "mv", "decisions/0001-use-kafka.md", "decisions/0001-kafka-for-events.md")
    commit(repo, "rename", "Bo Chen", "2024-03-01T10:00:00+00:00")
    git(repo, "checkout", "-q", "-b", "side")
    write(repo / "decisions/0002-use-tabs.md", "# 2. Use tabs\n\n## Status\n\nAccepted\n")
    commit(repo, "tabs", "Dee Fox", "2024-03-05T10:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "--no-edit", "side",
        env={"GIT_AUTHOR_DATE": "2024-03-06T10:00:00+00:00", "GIT_COMMITTER_DATE": "2024-03-06T10:00:00+00:00"})
    return repo


def test_created_updated_authors_and_reviewers_follow_renames(logged):
    found = history.load(store.load(logged))
    h = found["decisions/0001-kafka-for-events.md"]
    assert (h.created.isoformat(), h.created_by) == ("2024-01-01T10:00:00+00:00", "Ana Lima")
    assert (h.updated.isoformat(), h.updated_by) == ("2024-03-01T10:00:00+00:00", "Bo Chen")
    assert h.authors == ["Ana Lima", "Bo Chen"]
    assert h.reviewers == ["Cy Diaz <cy@example.com>"]
    assert "decisions/0001-use-kafka.md" not in found
    assert found["decisions/0002-use-tabs.md"].created_by == "Dee Fox"  # through the merge
    assert not found.shallow


def test_the_status_timeline_has_one_event_per_change(logged):
    h = history.load(store.load(logged))["decisions/0001-kafka-for-events.md"]
    assert [(e.status, e.author, e.date.date().isoformat()) for e in h.timeline] == [
        ("proposed", "Ana Lima", "2024-01-01"), ("accepted", "Bo Chen", "2024-02-01")]
    assert h.timeline[1].status_raw == "Accepted"


def test_list_json_history(logged, cli):
    result = cli(["list", "--json", "--history"], logged)
    rows = {r["id"]: r for r in json.loads(result.out)}
    assert rows["0001"]["created"] == "2024-01-01T10:00:00+00:00"
    assert rows["0001"]["updated"] == "2024-03-01T10:00:00+00:00"
    assert rows["0001"]["authors"] == ["Ana Lima", "Bo Chen"]


def test_log_command(logged, cli):
    result = cli(["log", "1"], logged)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[1] == "created  2024-01-01  by Ana Lima"
    assert [l.split()[2] for l in lines if l.startswith("  2024")] == ["proposed", "accepted"]
    data = json.loads(cli(["log", "0001", "--json"], logged).out)
    assert [e["status"] for e in data["timeline"]] == ["proposed", "accepted"]
    missing = cli(["log", "99"], logged)
    assert missing.code == 2 and missing.err.count("\n") == 1


def test_outside_git_history_is_absent_and_everything_else_works(tmp_path, cli):
    write(tmp_path / "decisions/0001-use-kafka.md", PROPOSED)
    assert history.load(store.load(tmp_path)) is None
    rows = json.loads(cli(["list", "--json", "--history"], tmp_path).out)
    assert (rows[0]["created"], rows[0]["authors"]) == (None, [])
    result = cli(["log", "1"], tmp_path)
    assert result.code == 2 and "not a git repository" in result.err


def test_a_shallow_clone_is_known_and_said_once(logged, tmp_path, cli):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{logged}", str(clone))
    found = history.load(store.load(clone))
    assert found.shallow and history.is_shallow(clone)
    result = cli(["log", "1"], clone)
    assert result.err.count("fetch-depth: 0") == 1


def test_a_file_name_reused_after_a_delete_starts_a_new_history(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / "decisions/0001-a.md", PROPOSED)
    commit(repo, "one", "Ana Lima", "2024-01-01T10:00:00+00:00")
    git(repo, "rm", "-q", "decisions/0001-a.md")
    commit(repo, "gone", "Ana Lima", "2024-01-02T10:00:00+00:00")
    write(repo / "decisions/0001-a.md", PROPOSED)
    commit(repo, "again", "Bo Chen", "2024-01-03T10:00:00+00:00")
    h = history.load(store.load(repo))["decisions/0001-a.md"]
    assert h.created_by == "Bo Chen"


def test_neither_list_nor_its_history_imports_gitpython(logged):
    import subprocess
    import sys

    probe = ("import sys; from adrtool.cli import main; main({args}); "
             "print('GIT-LOADED' if 'git' in sys.modules else 'GIT-ABSENT', file=sys.stderr)")

    def loaded(args: list[str]) -> str:
        out = subprocess.run([sys.executable, "-c", probe.format(args=args)], cwd=logged, capture_output=True, text=True)
        return out.stderr.strip().splitlines()[-1]

    assert loaded(["list"]) == "GIT-ABSENT"
    assert loaded(["list", "--json", "--history"]) == "GIT-ABSENT"  # the git binary is enough


def test_reading_the_log_in_parallel_blocks_changes_nothing(logged, monkeypatch):
    def summary():
        found = history.load(store.load(logged))
        return {k: [(t.commit, t.change, t.path, t.author) for t in h.touches] for k, h in found.items()}

    whole = summary()
    monkeypatch.setattr(git_log, "cores", lambda: 4)
    monkeypatch.setattr(git_log, "_MIN_BLOCK", 1)
    monkeypatch.setattr(git_log, "_BLOCKS_PER_WORKER", 1)  # 4 processes of 1-2 commits each
    assert summary() == whole
    assert len(whole["decisions/0001-kafka-for-events.md"]) == 4


def test_one_file_s_history_follows_its_renames(logged):
    found = history.load(store.load(logged), ["decisions/0001-kafka-for-events.md"])
    h = found["decisions/0001-kafka-for-events.md"]
    assert (h.created_by, h.created.date().isoformat()) == ("Ana Lima", "2024-01-01")
    assert [t.change for t in h.touches] == ["R", "M", "M", "A"]
    assert [e.status for e in h.timeline] == ["proposed", "accepted"]


def test_other_files_are_not_histories_and_a_file_moved_into_the_folder_keeps_its_past(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / "notes/kafka.md", PROPOSED)
    write(repo / "src/app.py", "print('hi')\n")
    commit(repo, "draft", "Ana Lima", "2024-01-01T10:00:00+00:00")
    (repo / "decisions").mkdir()
    git(repo, "mv", "notes/kafka.md", "decisions/0001-use-kafka.md")
    commit(repo, "adopt adrtool", "Bo Chen", "2024-02-01T10:00:00+00:00")
    found = history.load(store.load(repo))
    assert set(found) == {"decisions/0001-use-kafka.md"}
    h = found["decisions/0001-use-kafka.md"]
    assert (h.created_by, h.updated_by) == ("Ana Lima", "Bo Chen")


def test_timelines_are_read_per_file_when_asked_or_all_at_once(logged):
    found = history.load(store.load(logged))
    first, second = found["decisions/0001-kafka-for-events.md"], found["decisions/0002-use-tabs.md"]
    assert [e.status for e in first.timeline] == ["proposed", "accepted"]
    assert second._timeline is None  # the other file's old versions were not read
    found.fill_timelines()
    assert [e.status for e in second._timeline] == ["accepted"]


def test_a_git_failure_is_one_line(logged):
    with pytest.raises(history.HistoryError) as caught:
        history.load(store.load(logged), since="no-such-commit")
    message = str(caught.value)
    assert "\n" not in message and "no-such-commit" in message and " failed in " in message, message


def test_only_commits_that_change_a_decision_folder_are_compared(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / "src/app.py", "v = 0\n")
    commit(repo, "code 0", "Ana Lima", "2024-01-01T10:00:00+00:00")
    write(repo / "notes/kafka.md", PROPOSED)  # a draft outside the folders, edited with code only
    commit(repo, "draft", "Ana Lima", "2024-01-02T10:00:00+00:00")
    write(repo / "decisions/0002-use-tabs.md", "# 2. Use tabs\n\n## Status\n\nAccepted\n")
    write(repo / "notes/kafka.md", PROPOSED + "\nMore.\n")  # one commit on both: counted once below
    commit(repo, "tabs and the draft", "Bo Chen", "2024-01-03T10:00:00+00:00")
    for n in range(3):
        write(repo / "src/app.py", f"v = {n + 1}\n")
        commit(repo, f"code {n + 1}", "Cy Diaz", f"2024-01-0{4 + n}T10:00:00+00:00")
    git(repo, "mv", "notes/kafka.md", "decisions/0001-use-kafka.md")
    commit(repo, "adopt the draft", "Dee Fox", "2024-01-09T10:00:00+00:00")
    walked = git_log.walk(repo, "HEAD", ["decisions", "docs/no such folder"])
    assert [sha for sha, _, _ in walked] == git(repo, "rev-list", "--topo-order", "HEAD").split()
    subject = dict(line.split(" ", 1) for line in git(repo, "log", "--format=%H %s").splitlines())
    chosen = git_log.changing_commits(walked)
    assert [subject[c] for c in chosen] == ["adopt the draft", "tabs and the draft"]
    found = history.load(store.load(repo))
    h = found["decisions/0001-use-kafka.md"]
    assert [(t.change, t.author) for t in h.touches] == [("R", "Dee Fox"), ("M", "Bo Chen"), ("A", "Ana Lima")]
    assert [t.author for t in found["decisions/0002-use-tabs.md"].touches] == ["Bo Chen"]


def test_a_folder_whose_name_has_spaces_is_walked_too(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / ".adrtool.toml", 'dirs = ["Design Notes/adr"]\n')
    write(repo / "Design Notes/adr/0001-use-kafka.md", PROPOSED)
    commit(repo, "propose", "Ana Lima", "2024-01-01T10:00:00+00:00")
    write(repo / "src/app.py", "v = 1\n")
    commit(repo, "code", "Bo Chen", "2024-01-02T10:00:00+00:00")
    found = history.load(store.load(repo))
    assert [t.author for t in found["Design Notes/adr/0001-use-kafka.md"].touches] == ["Ana Lima"]


def test_history_read_while_the_store_forks_its_second_parser_is_the_same(logged, monkeypatch):
    from adrtool.config import discover

    expected = {k: [t.commit for t in h.touches] for k, h in history.load(store.load(logged)).items()}
    monkeypatch.setattr(store, "PARALLEL_THRESHOLD", 1)  # fork the second parser even for two files
    monkeypatch.setattr(store, "spare_core", lambda: True)  # and on a busy machine
    config = discover(logged)
    finish = history.begin(config)  # git runs in a thread while this thread forks
    repo = store.load(config=config)
    found = finish(repo)
    assert {k: [t.commit for t in h.touches] for k, h in found.items()} == expected
    assert [e.status for e in found["decisions/0001-kafka-for-events.md"].timeline] == ["proposed", "accepted"]

"""`adrtool governs PATH... | --changed`: the decisions governing files, for humans and hooks."""

from __future__ import annotations

import json

import pytest

from adrtool import governs, store
from adrtool.review.workflow import governs_spec
from tests.conftest import git, write


def record(status="accepted", choice="deliberate", door="one-way", patterns=("src/storage/**",), title="Storage"):
    tags = "".join(f"{k}: {v}\n" for k, v in (("choice", choice), ("door", door)) if v)
    listed = ", ".join(f'"{p}"' for p in patterns)
    return f"---\nstatus: {status}\n{tags}governs: [{listed}]\n---\n# {title}\n\n## Decision Outcome\n\nWe chose it. More.\n"


@pytest.fixture
def repo(git_repo):
    write(git_repo / "decisions/0001-storage.md", record())
    write(git_repo / "decisions/0002-spacing.md", record(choice="arbitrary", door="two-way", patterns=["*.css"], title="Spacing"))
    write(git_repo / "decisions/0003-old.md", record(status="superseded", title="Old storage"))
    write(git_repo / "decisions/0004-layout.md", record(choice=None, door=None, patterns=["src/"], title="Layout"))
    write(git_repo / "src/storage/commit.py", "x = 1\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "base")
    return git_repo


def test_text_names_each_decision_and_what_it_means(cli, repo):
    result = cli(["governs", "src/storage/commit.py"], repo)
    assert result.code == 0, result.err
    assert result.out.startswith("2 decisions govern src/storage/commit.py (1 more no longer in force: --all shows them):")
    assert "\x1b[" not in result.out  # not a terminal: no colour
    blocks = result.out.split("\n\n")[1:]
    assert blocks[0].startswith("0001  Storage  [accepted]  decisions/0001-storage.md")
    assert "  deliberate, one-way: read the reasoning before changing this" in blocks[0]
    assert "  We chose it." in blocks[0]
    assert blocks[1].startswith("0004  Layout") and "untagged:" in blocks[1]


def test_json_is_the_mcp_answer(cli, repo):
    data = json.loads(cli(["governs", "src/ui/app.css", "--json"], repo).out)
    assert data["paths"] == ["src/ui/app.css"]
    assert [(d["id"], d["advice"]) for d in data["decisions"]] == [
        ("0004", "untagged: read the reasoning before changing this; a change against it needs a new decision that "
                 "supersedes it (treated as deliberate, one-way until tagged)"),
        ("0002", "arbitrary, two-way: free to change with better data; say so in the record"),
    ]
    everything = json.loads(cli(["governs", "src/storage/x.py", "--json", "--all"], repo).out)
    assert "0003" in [d["id"] for d in everything["decisions"]] and everything["not_in_force"] == 0


def test_a_folder_is_matched_as_a_folder(cli, repo):
    data = json.loads(cli(["governs", "src/storage", "--json"], repo).out)
    assert [d["id"] for d in data["decisions"]] == ["0001", "0004"] and data["decisions"][0]["matches"] == ["src/storage"]


def test_nothing_governs_is_still_exit_0(cli, repo):
    result = cli(["governs", "README.md"], repo)
    assert (result.code, result.out) == (0, "no decision governs README.md\n")


def test_paths_are_taken_from_the_current_folder(cli, repo):
    inside = cli(["governs", "commit.py", "--json"], repo / "src/storage")
    assert json.loads(inside.out)["paths"] == ["src/storage/commit.py"]
    absolute = cli(["governs", str(repo / "src/storage/commit.py"), "--json"], repo)
    assert json.loads(absolute.out)["paths"] == ["src/storage/commit.py"]
    outside = cli(["governs", "../elsewhere.py", "--json"], repo)
    assert outside.code == 2 and json.loads(outside.err)["error"] == "outside-repository"


def test_changed_lists_the_files_of_the_branch(cli, repo):
    git(repo, "checkout", "-qb", "feature")
    write(repo / "src/storage/commit.py", "x = 2\n")
    git(repo, "commit", "-qam", "change")
    write(repo / "style.css", "a {}\n")  # untracked, not yet committed: still part of the change
    data = json.loads(cli(["governs", "--changed", "--base", "main", "--json"], repo).out)
    assert data["paths"] == ["src/storage/commit.py", "style.css"]
    assert [d["id"] for d in data["decisions"]] == ["0001", "0004", "0002"]
    assert cli(["governs", "--changed", "--base", "nope"], repo).code == 2
    assert cli(["governs"], repo).code == 2 and cli(["governs", "x", "--changed"], repo).code == 2


@pytest.mark.parametrize("pattern, path, expected", [
    ("src/db/**", "src/db/a/b.sql", True),
    ("src/*.py", "src/a/b.py", False),
    ("*.proto", "api/v1/x.proto", True),
    ("./migrations/", "migrations/001.sql", True),
    ("migrations/", "migrations2/x", False),
])
def test_one_matcher_for_review_digest_and_governs(repo, pattern, path, expected):
    assert governs.spec([pattern]).match_file(path) is expected
    assert governs_spec([pattern]).match_file(path) is expected  # the review's rule asks the same matcher
    d = store.load(repo).decisions[0]
    d.governs = [pattern]
    assert bool(governs.governing([d], [path])) is expected

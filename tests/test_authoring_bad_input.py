"""Bad input to the authoring commands: one clear line, exit code 2, and no file touched."""

from __future__ import annotations

from pathlib import Path

import pytest

import adrtool.authoring.operations as operations
from tests.conftest import run_process, write
from tests.conftest import make_read_only


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / "decisions/0001-first.md", "---\nstatus: accepted\ndate: 2020-01-01\n---\n\n# First\n")
    write(tmp_path / "decisions/0002-second.md",
          "---\nstatus: accepted\ndate: 2020-02-01\nsupersedes: [1]\n---\n\n# Second\n")
    write(tmp_path / "decisions/0003-third.md",
          "---\nstatus: accepted\ndate: 2020-03-01\nsupersedes: [2]\n---\n\n# Third\n")
    # the older sides of the supersessions, as `supersede` would have written them
    p1, p2 = tmp_path / "decisions/0001-first.md", tmp_path / "decisions/0002-second.md"
    p1.write_text(p1.read_text().replace("status: accepted", "status: superseded by ADR-0002"))
    p2.write_text(p2.read_text().replace("status: accepted", "status: superseded by ADR-0003"))
    return tmp_path


def assert_refused(cli, root: Path, args: list[str], message: str) -> None:
    before = snapshot(root)
    r = cli(args, root)
    assert r.code == 2, (args, r.out, r.err)
    assert r.err.startswith("adrtool: error: ") and r.err.count("\n") == 1, r.err
    assert message in r.err, r.err
    assert "Traceback" not in r.err and r.out == ""
    assert snapshot(root) == before


@pytest.mark.parametrize("args, message", [
    (["new", ""], "the title is empty"),
    (["new", "   "], "the title is empty"),
    (["new", "?!-- ..."], "has no letters or digits"),
    (["new", "x" * 500], "500 characters long; at most 200"),
    (["new", "Fine", "--supersedes", "42"], "no decision '42'"),
    (["new", "Fine", "--link", "amends:42"], "no decision '42'"),
    (["new", "Fine", "--link", "blocks:1"], "unknown relation 'blocks'"),
    (["new", "Fine", "--link", "amends"], "expected REL:ID"),
    (["new", "Fine", "--status", "maybe"], "unknown status 'maybe'"),
    (["new", "Fine", "--choice", "random"], "unknown choice 'random'"),
    (["new", "Fine", "--template", "nope"], "no template 'nope'"),
    (["tag", "42", "--door", "one-way"], "no decision '42'"),
    (["tag", "1", "--door", "sideways"], "unknown door 'sideways'"),
    (["tag", "1"], "nothing to set"),
    (["status", "42", "accepted"], "no decision '42'"),
    (["status", "3", "approved-ish"], "unknown status"),
    (["status", "3", "frobnicated"], "unknown status 'frobnicated'"),
    (["supersede", "3", "3"], "0003 cannot supersede itself"),
    (["supersede", "3", "1"], "would be a cycle"),
    (["supersede", "2", "1"], "would be a cycle"),
    (["supersede", "1", "42"], "no decision '42'"),
    (["link", "1", "amends", "1"], "cannot be linked to itself"),
    (["link", "1", "supersedes", "1"], "cannot supersede itself"),
    (["link", "1", "blocks", "2"], "unknown relation 'blocks'"),
    (["link", "1", "2"], "expected SRC REL DST"),
])
def test_bad_input_is_one_line_exit_2_and_touches_nothing(repo, cli, args, message):
    assert_refused(cli, repo, args, message)


def test_new_outside_any_repository(tmp_path, cli):
    empty = tmp_path / "nowhere"
    empty.mkdir()
    assert_refused(cli, empty, ["new", "Use Postgres"], "no decision folder found")
    assert list(empty.iterdir()) == []


def test_read_only_folder(repo, cli):
    undo = make_read_only(repo / "decisions")
    try:
        assert_refused(cli, repo, ["new", "Use Postgres"], "decisions: folder is not writable; nothing written")
        assert_refused(cli, repo, ["tag", "1", "--door", "one-way"], "not writable")
    finally:
        undo()


def test_a_record_changed_on_disk_between_read_and_write(repo, cli, monkeypatch):
    path = repo / "decisions/0003-third.md"
    plan = operations.link

    def plan_then_someone_edits(*args, **kwargs):
        changes = plan(*args, **kwargs)
        path.write_text(path.read_text() + "\nEdited in another editor.\n")
        return changes

    monkeypatch.setattr(operations, "link", plan_then_someone_edits)
    other = (repo / "decisions/0001-first.md").read_bytes()
    r = cli(["link", "1", "amends", "3"], repo)
    assert r.code == 2 and r.err.count("\n") == 1
    assert "0003-third.md: changed on disk since it was read; nothing written" in r.err
    assert path.read_text().endswith("Edited in another editor.\n")
    assert (repo / "decisions/0001-first.md").read_bytes() == other


def test_a_real_process_prints_no_traceback(repo):
    r = run_process(["supersede", "3", "1"], repo)
    assert r.code == 2 and r.err.count("\n") == 1 and "cycle" in r.err


@pytest.mark.parametrize("args, message", [
    (["init", "elsewhere"], ".adrtool.toml already configures adrtool here"),
    (["init", "../outside"], "outside the repository"),
])
def test_init_refusals(git_repo, cli, args, message):
    if "elsewhere" in args:
        write(git_repo / ".adrtool.toml", 'dirs = ["decisions"]\n')
    assert_refused(cli, git_repo, args, message)


def test_inline_decisions_cannot_be_superseded_or_linked(repo, cli):
    write(repo / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs"]\n')
    write(repo / "docs/design.md", "# Design\n\n- Decision D1 (arbitrary, two-way): Use tabs.\n")
    assert_refused(cli, repo, ["supersede", "D1", "3"],
                   "D1 is an inline decision (docs/design.md:3); only record files can be superseded")
    assert_refused(cli, repo, ["link", "3", "amends", "D1"], "only record files can be linked")
    assert_refused(cli, repo, ["new", "X", "-s", "D1"], "only record files can be superseded")

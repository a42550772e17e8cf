"""Change / apply: the one planned-write path every authoring command uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from adrtool import store
from adrtool.authoring.changes import Change, apply, apply_or_show, describe, merge
from adrtool.store import ConflictError, StoreError
from tests.conftest import make_read_only, write

RECORD = "---\nstatus: proposed\ndate: 2024-01-01\n---\n\n# Use Postgres\n"


@pytest.fixture
def repo(tmp_path: Path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / "decisions" / "0001-use-postgres.md", RECORD)
    return store.load(tmp_path)


def test_diff_is_a_unified_diff_with_dev_null_for_created_and_deleted_files():
    created = Change("decisions/0002-x.md", None, "# X\n")
    deleted = Change("decisions/0002-x.md", "# X\n", None)
    assert created.diff().splitlines()[:3] == ["--- /dev/null", "+++ b/decisions/0002-x.md", "@@ -0,0 +1 @@"]
    assert deleted.diff().splitlines()[:2] == ["--- a/decisions/0002-x.md", "+++ /dev/null"]
    updated = Change("a.md", "one\ntwo\n", "one\n2\n")
    assert "-two\n+2\n" in updated.diff()
    assert (created.action, deleted.action, updated.action) == ("created", "deleted", "updated")


def test_diff_marks_a_missing_final_newline():
    assert "\\ No newline at end of file" in Change("a.md", "x", "y").diff()


def test_merge_folds_changes_to_one_file_and_drops_no_ops():
    merged = merge([Change("a.md", "1\n", "2\n"), Change("b.md", "x\n", "x\n"), Change("a.md", "2\n", "3\n")])
    assert merged == [Change("a.md", "1\n", "3\n")]


def test_apply_creates_updates_and_deletes(repo):
    rel = "decisions/0001-use-postgres.md"
    apply(repo, [
        Change("decisions/sub/0002-new.md", None, "# New\n"),
        Change(rel, RECORD, RECORD.replace("proposed", "accepted")),
    ])
    assert (repo.root / "decisions/sub/0002-new.md").read_text() == "# New\n"
    assert "status: accepted" in (repo.root / rel).read_text()
    apply(repo, [Change("decisions/sub/0002-new.md", "# New\n", None)])
    assert not (repo.root / "decisions/sub/0002-new.md").exists()
    assert describe([Change("x.md", None, "a")]) == ["created x.md"]


def test_a_rename_writes_the_new_file_before_removing_the_old(repo):
    old = "decisions/0001-use-postgres.md"
    apply(repo, [Change(old, RECORD, None), Change("decisions/0007-use-postgres.md", None, RECORD)])
    assert not (repo.root / old).exists()
    assert (repo.root / "decisions/0007-use-postgres.md").read_text() == RECORD


def test_a_file_changed_on_disk_after_planning_stops_every_write(repo):
    rel = "decisions/0001-use-postgres.md"
    planned = [Change("decisions/0002-other.md", None, "# Other\n"), Change(rel, RECORD, RECORD + "more\n")]
    (repo.root / rel).write_text(RECORD + "edited by someone else\n")
    with pytest.raises(ConflictError, match="changed on disk"):
        apply(repo, planned)
    assert (repo.root / rel).read_text() == RECORD + "edited by someone else\n"
    assert not (repo.root / "decisions/0002-other.md").exists()


def test_creating_over_an_existing_file_is_refused(repo):
    with pytest.raises(ConflictError, match="already exists"):
        apply(repo, [Change("decisions/0001-use-postgres.md", None, "# Clobber\n")])
    assert (repo.root / "decisions/0001-use-postgres.md").read_text() == RECORD


def test_a_read_only_folder_is_refused_before_anything_is_written(repo):
    rel = "decisions/0001-use-postgres.md"
    undo = make_read_only(repo.root / "decisions")
    try:
        with pytest.raises(StoreError, match="not writable"):
            apply(repo, [Change(rel, RECORD, RECORD + "x\n")])
    finally:
        undo()
    assert (repo.root / rel).read_text() == RECORD


def test_apply_or_show_prints_a_diff_on_dry_run_and_writes_nothing(repo, capsys):
    apply_or_show(repo, [Change("decisions/0002-x.md", None, "# X\n")], dry_run=True)
    assert "+++ b/decisions/0002-x.md" in capsys.readouterr().out
    assert not (repo.root / "decisions/0002-x.md").exists()
    apply_or_show(repo, [Change("decisions/0002-x.md", None, "# X\n")], dry_run=False)
    assert capsys.readouterr().out == "created decisions/0002-x.md\n"


def test_a_file_with_a_byte_order_mark_is_edited_and_keeps_it(tmp_path, cli):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    path = tmp_path / "decisions/0001-bom.md"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf---\nstatus: proposed\n---\n\n# Bom\n")
    r = cli(["tag", "1", "--door", "one-way"], tmp_path)
    assert r.code == 0, r.err
    assert path.read_bytes() == b"\xef\xbb\xbf---\nstatus: proposed\ndoor: one-way\n---\n\n# Bom\n"

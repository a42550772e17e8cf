"""The write path itself: folder locks, content checks, re-planning, all-or-nothing, clean-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from adrtool import locking, store, store_write
from adrtool.authoring import operations
from adrtool.authoring.changes import Change, apply
from adrtool.errors import ConflictError
from tests.conftest import ROOT, git, write

RECORD = "---\nstatus: proposed\ndate: 2024-01-01\n---\n\n# Use Postgres\n\nBecause.\n"
REL = "decisions/0001-use-postgres.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / REL, RECORD)
    write(tmp_path / "decisions/0002-use-redis.md", RECORD.replace("Postgres", "Redis"))
    return tmp_path


def test_an_editor_that_writes_in_place_keeping_size_and_time_is_still_seen(root):
    repo = store.load(root)
    changes = operations.set_tags(repo, "1", door="one-way")
    path = root / REL
    st = path.stat()
    with open(path, "r+b") as fh:  # same length, same modification time: only the content differs
        fh.write(RECORD.replace("Because.", "Becauze.").encode())
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(ConflictError, match="changed on disk since it was read"):
        apply(repo, changes)
    assert "Becauze." in path.read_text() and "door" not in path.read_text()


def test_a_writer_that_lost_the_race_makes_its_edit_again_on_the_new_text(root):
    repo = store.load(root)
    changes = operations.set_tags(repo, "1", door="one-way")
    # Another writer tags the record (and edits the prose) after this plan was made.
    other = store.load(root)
    apply(other, operations.set_tags(other, "1", choice="deliberate"))
    (root / REL).write_text((root / REL).read_text() + "\nA later paragraph.\n")
    written = apply(repo, changes, replan=lambda r: operations.set_tags(r, r.resolve("1"), door="one-way"))
    text = (root / REL).read_text()
    assert "choice: deliberate" in text and "door: one-way" in text and text.endswith("A later paragraph.\n")
    assert written[0].after == text and repo.texts[REL] == text
    assert repo.resolve("1").choice.value == "deliberate"  # the repository was brought up to date


def test_a_plan_that_no_longer_applies_is_refused_with_one_line(root, cli):
    repo = store.load(root)
    changes = operations.set_status(repo, "1", "rejected")
    other = store.load(root)
    apply(other, operations.set_status(other, "1", "accepted"))
    with pytest.raises(operations.LifecycleError, match="accepted -> rejected is outside the lifecycle"):
        apply(repo, changes, replan=lambda r: operations.set_status(r, r.resolve("1"), "rejected"))
    assert "status: accepted" in (root / REL).read_text()


def test_a_record_added_meanwhile_makes_new_choose_the_next_number(root):
    repo = store.load(root)
    rel, changes = operations.new_decision(repo, "Use Kafka")
    assert rel.startswith("decisions/0003-")
    write(root / "decisions/0003-use-nats.md", RECORD.replace("Postgres", "NATS"))  # another `new` won
    with pytest.raises(ConflictError, match="0003-use-nats.md: was added since the folder was read"):
        apply(repo, changes)
    written = apply(repo, changes, replan=lambda r: operations.new_decision(r, "Use Kafka")[1])
    assert [c.path for c in written] == ["decisions/0004-use-kafka.md"]
    assert (root / "decisions/0003-use-nats.md").read_text().count("NATS") == 1


def test_an_edit_landing_while_the_new_text_is_staged_is_caught_by_the_second_check(root, monkeypatch):
    repo = store.load(root)
    changes = operations.set_tags(repo, "1", door="one-way")
    stage = store_write._stage

    def stage_then_an_editor_saves(*args):
        staged = stage(*args)
        (root / REL).write_text(RECORD + "typed meanwhile\n")
        return staged

    monkeypatch.setattr(store_write, "_stage", stage_then_an_editor_saves)
    with pytest.raises(ConflictError, match="changed on disk"):
        apply(repo, changes)
    assert (root / REL).read_text() == RECORD + "typed meanwhile\n"
    assert sorted(p.name for p in (root / "decisions").iterdir()) == ["0001-use-postgres.md", "0002-use-redis.md"]
    assert list((root / ".git" / store_write.STAGING).iterdir()) == []


def test_a_file_created_in_the_last_moment_undoes_the_other_files_of_the_change(root, monkeypatch):
    repo = store.load(root)
    install = store_write._install

    def someone_creates_b_first(writes, staged, currents):
        write(root / "decisions/b.md", "theirs\n")
        return install(writes, staged, currents)

    monkeypatch.setattr(store_write, "_install", someone_creates_b_first)
    with pytest.raises(ConflictError, match="decisions/b.md: already exists"):
        apply(repo, [Change("decisions/a.md", None, "mine\n"), Change("decisions/b.md", None, "mine\n"),
                     Change(REL, RECORD, RECORD + "mine\n")])
    assert not (root / "decisions/a.md").exists()
    assert (root / "decisions/b.md").read_text() == "theirs\n"
    assert (root / REL).read_text() == RECORD


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
"""


def test_a_writer_waits_for_the_folder_lock_of_another_process_then_refuses_in_one_line(root, cli, monkeypatch):
    link = root / "elsewhere"
    link.symlink_to(root / "decisions")  # another path to the same folder locks the same inode
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(link)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        monkeypatch.setattr(locking, "WAIT_SECONDS", 0.2)
        r = cli(["tag", "1", "--door", "one-way"], root)
        assert r.code == 2 and r.err.count("\n") == 1
        assert "another adrtool process has been writing here" in r.err and "nothing written" in r.err
        assert (root / REL).read_text() == RECORD
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert cli(["tag", "1", "--door", "one-way"], root).code == 0  # the lock went with its process
    assert "door: one-way" in (root / REL).read_text()


def test_locks_are_reentrant_in_a_thread(root):
    folder = root / "decisions"
    with locking.hold([folder]) as held:
        assert locking.folder_key(folder) in held
        store_write.write_atomic(root / REL, RECORD + "x\n", expected=RECORD)  # takes the same folder again
        assert locking.folder_key(folder) in locking.held_folders()
    assert locking.held_folders() == set()


def test_the_next_write_removes_what_killed_writers_left_and_nothing_else(root):
    area = store_write.staging_folder(root / "decisions")
    assert area == root / ".git" / store_write.STAGING
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    live = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        orphan = write(area / f"{dead.stdout.strip()}-abc.tmp", "half a record")
        busy = write(area / f"{live.pid}-def.tmp", "a write in progress")
        other = write(area / "notes.txt", "not ours")
        store_write.write_atomic(root / REL, RECORD + "x\n", expected=RECORD)
        assert not orphan.exists() and busy.exists() and other.exists()
    finally:
        live.stdin.close()
        live.wait(timeout=10)


def test_outside_git_temporary_files_are_hidden_beside_the_file(tmp_path):
    write(tmp_path / REL, RECORD)
    assert store_write.staging_folder(tmp_path / "decisions") == tmp_path / "decisions"
    store_write.write_atomic(tmp_path / REL, RECORD + "x\n", expected=RECORD)
    assert sorted(p.name for p in (tmp_path / "decisions").iterdir()) == ["0001-use-postgres.md"]


def test_a_git_worktree_stages_in_its_own_git_directory(root, git_repo):
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "start")
    tree = root.parent / "second-tree"
    git(git_repo, "worktree", "add", "-q", str(tree))
    write(tree / REL, RECORD)
    area = store_write.staging_folder(tree / "decisions")
    assert area.parent == (git_repo / ".git" / "worktrees" / "second-tree").resolve()
    store_write.write_atomic(tree / REL, RECORD + "x\n", expected=RECORD)
    assert (tree / REL).read_text() == RECORD + "x\n" and list(area.iterdir()) == []


def test_the_writer_script_runs_the_real_command_line(root):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    line = '{"cwd": "%s", "args": ["tag", "1", "--door", "one-way"]}\n' % root
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "concurrent_writer.py")], input=line,
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.stdout.strip() == '{"code": 0, "out": "updated %s\\n", "err": ""}' % REL

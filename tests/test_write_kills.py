"""SIGKILL at random moments of a 1 MB write: the record is always the old or the new text in full.

`tests/write_killer.py` forks the writers and kills them; these tests assert
on its report.  In a git repository temporary files are staged in the git
directory, so the decision folder never holds one, even right after a kill;
outside git they are hidden files beside the record, never read as
decisions, and removed by the next write.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, git, write

sys.path.insert(0, str(ROOT / "tests"))
import write_killer  # noqa: E402  (a sibling script)


def kill_writers(root: Path, rounds: int, seed: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "write_killer.py"), str(root), str(rounds), str(seed), "10"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def big_repo(root: Path) -> Path:
    write(root / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(root / write_killer.REL, write_killer.texts()[0])
    return root


def test_killed_writers_never_tear_a_record_or_leave_files_in_the_decision_folder(tmp_path):
    root = big_repo(tmp_path)
    git(root, "init", "-q")
    report = kill_writers(root, 200, seed=14)
    assert report["torn"] == [], report
    assert report["leftovers"] == [], report
    assert report["flips"] >= 20 and report["inside"] >= 20, report  # kills landed both inside and between writes
    assert report["after_next_write"] == [], report
    assert report["problems"] == [], report


def test_without_git_a_killed_writer_leaves_only_a_hidden_temporary_file_the_next_write_removes(tmp_path):
    root = big_repo(tmp_path)
    report = kill_writers(root, 100, seed=15)
    assert report["torn"] == [], report
    assert report["flips"] >= 10 and report["inside"] >= 10, report
    names = {name for entry in report["leftovers"] for name in entry["files"]}
    assert all(re.fullmatch(r"\.adrtool-\d+-\w+\.tmp", name) for name in names), names
    assert report["after_next_write"] == [], report
    assert report["problems"] == [], report  # the store never read a temporary file as a record

"""A copy of this checkout as it is now (tracked files and new ones git does not ignore), for tests
that install or run adrtool the way another repository would: the GitHub Action and pre-commit.

Copying keeps the build away from the working tree (pip builds in the source folder), and includes
uncommitted work, so the test checks the code being changed, not the last commit.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT, git


def files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return sorted(p for p in out.split("\0") if p and (ROOT / p).is_file())


def copy_to(dest: Path, *, commit: bool = False) -> Path:
    """Copy the checkout's files to `dest`; with `commit`, make it a git repository with one commit."""
    for rel in files():
        if rel.startswith(("bench/", "docs/", "tests/")) and not rel.startswith("docs/ci/"):
            continue  # not part of the installed package or the hooks: keeps the copy small and fast
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    if commit:
        git(dest, "init", "-q", "-b", "main")
        git(dest, "add", "-A")
        git(dest, "-c", "commit.gpgsign=false", "commit", "-qm", "adrtool as checked out")
    return dest

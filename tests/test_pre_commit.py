"""Both hooks of .pre-commit-hooks.yaml, run by the real pre-commit (`try-repo`) on a real repository.

pre-commit needs the hook repository to be a git repository with a commit, so the hooks are
tried from a committed copy of this checkout as it is now (uncommitted work included).  The
hooks are `language: python`: pre-commit builds adrtool's own environment (for users: once per
`rev`, then reused).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests import checkout
from tests.conftest import ROOT, git, require_tool, write

GOOD = ("---\nstatus: accepted\ndate: 2026-01-05\nchoice: arbitrary\ndoor: two-way\nrevisit: when p99 passes 50 ms\n"
        "---\n# Cache lookups for 60 seconds\n\n- **What:** cache lookups for 60 s.\n"
        "- **Why this guess:** cheap to change.\n- **Revisit when:** p99 passes 50 ms.\n")
BROKEN = "---\nstatus: [accepted\n---\n# Broken\n"
UNTAGGED = "---\nstatus: proposed\n---\n# Use a queue\n"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    return checkout.copy_to(tmp_path_factory.mktemp("pre-commit") / "adrtool", commit=True)


def try_repo(hook_repo: Path, repo: Path) -> subprocess.CompletedProcess:
    """`pre-commit try-repo HOOKS --all-files --hook-stage manual`: every hook of the manifest, in one run
    (try-repo builds the hooks' environment afresh each time, about 10-15 s, so the tests run it twice in all)."""
    exe = require_tool("pre-commit")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PRE_COMMIT", "GIT_"))}
    env.update(PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    return subprocess.run([exe, "try-repo", str(hook_repo), "--all-files", "--hook-stage", "manual"], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=600)


def _result(output: str, name: str) -> str:
    """'Passed' or 'Failed' for the hook named `name` in pre-commit's output."""
    line = next(l for l in output.splitlines() if l.startswith(name))
    return line.rsplit(".", 1)[-1].strip()


@pytest.fixture
def project(git_repo) -> Path:
    write(git_repo / "decisions/0001-cache-lookups.md", GOOD)
    write(git_repo / "README.md", "# Service\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "base")
    git(git_repo, "checkout", "-qb", "feature")
    return git_repo


def test_the_hooks_file_declares_both_hooks():
    declared = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(declared) == {"adrtool-lint", "adrtool-review"}
    assert all(h["language"] == "python" for h in declared.values())


LINT = "adrtool lint (staged decision files)"
REVIEW = "adrtool review (this branch's decisions)"


def test_both_hooks_pass_on_good_decisions(hook_repo, project):
    write(project / "decisions/0002-retry-twice.md", GOOD.replace("Cache lookups for 60 seconds", "Retry twice"))
    git(project, "add", "-A")
    git(project, "commit", "-qm", "a good decision")
    done = try_repo(hook_repo, project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (_result(done.stdout, LINT), _result(done.stdout, REVIEW)) == ("Passed", "Passed")


def test_both_hooks_fail_on_bad_decisions(hook_repo, project):
    write(project / "decisions/0002-broken.md", BROKEN)  # unreadable front matter: lint's error
    write(project / "decisions/0003-use-a-queue.md", UNTAGGED)  # untagged, no reasoning: review's errors
    git(project, "add", "-A")  # staged, not committed: the lint hook sees the files, review --worktree too
    done = try_repo(hook_repo, project)
    assert done.returncode == 1, done.stdout + done.stderr
    assert (_result(done.stdout, LINT), _result(done.stdout, REVIEW)) == ("Failed", "Failed")
    assert "decisions/0002-broken.md" in done.stdout and "rubric/untagged" in done.stdout

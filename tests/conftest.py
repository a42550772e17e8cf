"""Shared test fixtures: real git repositories in temporary folders, the CLI in-process
and as a real process, and tools that must exist in CI."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis' per-example deadline and its too-slow health check are timing assertions: on this 2-core machine
# under a parallel suite they fail a property that holds. The properties keep their example counts.
settings.register_profile("adrtool", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("adrtool")

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(name: str) -> str:
    """The path of an external tool; in CI a missing tool fails the test instead of skipping it."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is required in CI but is not installed (.ci/run installs it)")
        pytest.skip(f"{name} not installed")
    return path


def make_read_only(folder: Path):
    """A folder nobody can write to; returns the undo.

    chmod does not stop root, so as root the folder is made immutable with chattr instead.
    """
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return lambda: folder.chmod(0o755)
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if done.returncode != 0:
        if IN_CI:
            pytest.fail(f"cannot make a read-only folder as root: {done.stderr.strip()}")
        pytest.skip(f"cannot make a read-only folder as root: {done.stderr.strip()}")
    return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True)


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(args: list[str], cwd: Path) -> Result:
    """Run adrtool's main() in-process in `cwd` (fast; for most tests)."""
    from adrtool.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse exits
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(old)
    return Result(code, out.getvalue(), err.getvalue())


def run_process(args: list[str], cwd: Path, env: dict | None = None, input: str | None = None, timeout: int = 60) -> Result:
    """Run adrtool as a real process (for exit codes, tracebacks, imports)."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    if env:
        full_env.update(env)
    proc = subprocess.run([sys.executable, "-m", "adrtool", *map(str, args)], cwd=cwd, env=full_env,
                          capture_output=True, text=True, input=input, timeout=timeout)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def git(cwd: Path, *args: str, env: dict | None = None) -> str:
    full_env = dict(os.environ, GIT_AUTHOR_NAME="Ana Lima", GIT_AUTHOR_EMAIL="ana@example.com",
                    GIT_COMMITTER_NAME="Ana Lima", GIT_COMMITTER_EMAIL="ana@example.com")
    if env:
        full_env.update(env)
    return subprocess.run(["git", *args], cwd=cwd, env=full_env, check=True, capture_output=True, text=True).stdout


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """An empty git repository with an identity and `main` as its branch."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Ana Lima")
    git(repo, "config", "user.email", "ana@example.com")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch):
    # Tests never see a developer's own settings or keys.
    for var in ("ADRTOOL_DIR", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "VISUAL", "EDITOR"):
        monkeypatch.delenv(var, raising=False)

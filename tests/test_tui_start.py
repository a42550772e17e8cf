"""Honest start: `adrtool` with no terminal on standard input or output says what to run instead, exits 2,
and never writes escape codes into a file."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tests.test_tui_sample import make_sample


def run_adrtool(cwd, stdin, stdout) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "adrtool"], cwd=cwd, stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                                       "TERM": "xterm-256color"}, timeout=30)


def test_no_terminal_one_line_exit_2_and_no_escape_codes(tmp_path):
    repo = make_sample(tmp_path / "repo")
    out = tmp_path / "out.txt"
    with open(out, "wb") as sink:
        done = run_adrtool(repo, subprocess.DEVNULL, sink)  # as `adrtool </dev/null >file`
    assert done.returncode == 2
    assert out.read_bytes() == b""  # nothing, escape codes least of all
    lines = done.stderr.decode().splitlines()
    assert lines == ["adrtool: the terminal UI needs a terminal on standard input and output; "
                     "run `adrtool list` (or `adrtool --help`) instead"]


def test_output_to_a_pipe_is_refused_too(tmp_path):
    repo = make_sample(tmp_path / "repo")
    done = run_adrtool(repo, subprocess.DEVNULL, subprocess.PIPE)
    assert done.returncode == 2 and done.stdout == b"" and b"\x1b" not in done.stderr

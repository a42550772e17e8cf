"""The shell: completion scripts sourced in a real bash, colour on a real pty, help, and what writes say."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool, run_process, write

RECORD = "---\nstatus: {status}\nchoice: deliberate\ndoor: one-way\n---\n# {title}\n"


@pytest.fixture
def repo(git_repo):
    write(git_repo / "decisions/0001-use-postgres.md", RECORD.format(status="accepted", title="Use Postgres"))
    write(git_repo / "decisions/0002-use-redis.md", RECORD.format(status="proposed", title="Use Redis"))
    write(git_repo / "docs/design/cache.md", "- Decision D7 (arbitrary, two-way): Cache for 60 s.\n")
    write(git_repo / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')
    return git_repo


@pytest.fixture
def bin_dir(tmp_path) -> Path:
    """An `adrtool` on PATH that runs this checkout (the completion script calls `adrtool` by name)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "adrtool"
    script.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m adrtool "$@"\n')
    script.chmod(0o755)
    return folder


def _complete(repo: Path, bin_dir: Path, script: Path, words: list[str]) -> list[str]:
    """Source the script in a real bash and run its completion function on `words` (the last is being typed)."""
    bash = require_tool("bash")
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = (f"source '{script}'\n"
               f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n"
               'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}\n'
               "_shtab_adrtool adrtool\n"
               'printf "%s\\n" "${COMPREPLY[@]}"\n')
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run([bash, "--norc", "--noprofile", "-c", program], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return [w for w in done.stdout.splitlines() if w]


def test_bash_completes_commands_ids_and_statuses(repo, bin_dir, tmp_path):
    result = run_process(["completion", "bash"], repo)
    assert result.code == 0 and "complete -o bashdefault -F _shtab_adrtool adrtool" in result.out
    script = tmp_path / "adrtool.bash"
    script.write_text(result.out)
    assert _complete(repo, bin_dir, script, ["adrtool", "st"]) == ["status"]
    assert sorted(_complete(repo, bin_dir, script, ["adrtool", "show", ""])) == ["0001", "0002", "D7"]
    assert _complete(repo, bin_dir, script, ["adrtool", "tag", "00"]) == ["0001", "0002"]
    assert _complete(repo, bin_dir, script, ["adrtool", "status", "0002", "acc"]) == ["accepted"]
    assert _complete(repo, bin_dir, script, ["adrtool", "list", "--door", ""]) == ["one-way", "two-way", "untagged"]
    assert _complete(repo, bin_dir, script, ["adrtool", "new", "x", "--choice", "a"]) == ["arbitrary"]


@pytest.mark.parametrize("shell, check", [("zsh", ["-n"]), ("fish", ["--no-execute"])])
def test_zsh_and_fish_scripts_parse(repo, tmp_path, shell, check):
    result = run_process(["completion", shell], repo)
    assert result.code == 0 and "adrtool completion --ids" in result.out
    script = tmp_path / f"adrtool.{shell}"
    script.write_text(result.out)
    done = subprocess.run([require_tool(shell), *check, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_ids_for_completion_are_silent_outside_a_repository(git_repo):
    result = run_process(["completion", "--ids"], git_repo)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert run_process(["completion"], git_repo).code == 2


def test_completion_adds_nothing_to_other_commands(repo):
    """`adrtool list` never imports shtab (the script is generated only by `adrtool completion`)."""
    code = ("import sys, io, contextlib\nfrom adrtool.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['list'])\n"
            "print('shtab' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def test_help_says_adrtool_alone_opens_the_terminal_ui(repo):
    out = run_process(["--help"], repo).out
    assert out.startswith("usage: adrtool [--dir DIR] [COMMAND [ARGS ...]]\n")
    assert "`adrtool` alone opens the terminal UI" in out


# ---- colour: on a terminal only --------------------------------------------------------------


def _on_pty(args: list[str], cwd: Path, env: dict) -> str:
    """Run adrtool with its standard output on a real pseudo-terminal; return what it printed."""
    leader, follower = pty.openpty()
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color")
    full_env.pop("NO_COLOR", None)
    full_env.update(env)
    proc = subprocess.Popen([sys.executable, "-m", "adrtool", *args], cwd=cwd, env=full_env,
                            stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_tables_and_findings_are_coloured_on_a_terminal(repo):
    write(repo / "decisions/0003-broken-link.md", RECORD.format(status="accepted", title="Broken").replace(
        "door: one-way\n", "door: one-way\nsupersedes: [99]\n"))
    listed = _on_pty(["list"], repo, {})
    assert "\x1b[32maccepted\x1b[0m" in listed and "\x1b[33mproposed\x1b[0m" in listed
    assert "\x1b[1;35mone-way\x1b[0m" in listed
    # Alignment is computed on the plain text: the title column starts at the same place on every row.
    rows = [line for line in listed.replace("\r", "").splitlines() if line.startswith("00")]
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", r) for r in rows]
    assert len({r.index("Use") if "Use" in r else r.index("Broken") for r in plain}) == 1
    linted = _on_pty(["lint"], repo, {})
    assert "\x1b[1;31merror\x1b[0m: decisions/0003-broken-link.md" in linted


def test_no_colour_when_piped_or_with_no_color(repo):
    assert "\x1b[" not in run_process(["list"], repo).out  # piped
    assert "\x1b[" not in _on_pty(["list"], repo, {"NO_COLOR": "1"})
    assert "\x1b[" not in _on_pty(["list"], repo, {"TERM": "dumb"})


def test_every_command_that_writes_a_file_says_so(repo):
    digest = run_process(["digest", "--out", "d.html"], repo)
    assert digest.code == 0 and digest.out == "created d.html\n"
    assert run_process(["digest", "--out", "d.html"], repo).out == "updated d.html\n"
    review = run_process(["review", "--all", "--format", "json", "--sarif", "r.sarif"], repo)
    assert "created r.sarif" in review.err and review.out.startswith("{")  # the report on stdout stays JSON

"""Import only what a command needs: `list`, `show` and `lint` never load the UI, AI, MCP, completion or git libraries,
and docutils only where an RST record needs it."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT, write

HEAVY = ("textual", "anthropic", "git", "rich", "markdown_it", "httpx2", "yaml", "mcp", "shtab", "pathspec", "docutils")


def imported(cwd, command) -> list[str]:
    """The heavy libraries a command imports, run in its own process."""
    code = (
        "import sys, io, contextlib\n"
        "from adrtool.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({command!r})\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("command", [["list", "--json"], ["show", "1"], ["lint"], ["list"]])
def test_light_commands_import_no_heavy_library(tmp_path, command):
    write(tmp_path / "decisions/0001-a.md", "---\nstatus: accepted\nchoice: arbitrary\ndoor: two-way\n---\n# A\n")
    assert imported(tmp_path, command) == []


def test_docutils_is_imported_only_for_what_only_it_can_read(tmp_path):
    # Titles the line scan is sure of need no docutils (Open edX's layout, openedx/openedx-events 0001);
    # a title right under a paragraph line is docutils' to judge, so listing that file imports it.
    write(tmp_path / "docs/decisions/0001-purpose-of-this-repo.rst",
          "1. Purpose of this Repo\n=======================\n\nStatus\n------\n\n**Accepted**\n")
    assert imported(tmp_path, ["list", "--json"]) == []
    write(tmp_path / "docs/decisions/0002-odd.rst", "2. Odd\n======\n\nStatus\n------\nAccepted\nstill text\n----------\n")
    assert imported(tmp_path, ["list", "--json"]) == ["docutils"]

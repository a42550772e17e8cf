"""Import only what a command needs: `list`, `show` and `lint` never load the UI, AI, MCP, completion or git libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, write

HEAVY = ("textual", "anthropic", "git", "rich", "markdown_it", "httpx2", "yaml", "mcp", "shtab", "pathspec")


@pytest.mark.parametrize("command", [["list", "--json"], ["show", "1"], ["lint"], ["list"]])
def test_light_commands_import_no_heavy_library(tmp_path, command):
    write(tmp_path / "decisions/0001-a.md", "---\nstatus: accepted\nchoice: arbitrary\ndoor: two-way\n---\n# A\n")
    code = (
        "import sys, io, contextlib\n"
        "from adrtool.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({command!r})\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"

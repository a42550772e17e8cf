"""The headless core never imports Textual; only adrtool.tui does."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import adrtool
from tests.conftest import ROOT


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(adrtool.__path__, "adrtool."):
        if info.name.startswith(("adrtool.tui", "adrtool.cli", "adrtool.__main__")):
            continue
        names.append(info.name)
    return names


def test_core_packages_never_import_textual():
    modules = core_modules()
    assert "adrtool.store" in modules and "adrtool.model" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as exc:\n"
        "        if 'textual' in str(exc):\n"
        "            raise\n"  # importing textual and failing is still importing textual
        "print('textual' in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))[:3])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "False []"


def test_the_tui_itself_does_import_textual():
    """The check above would pass vacuously if nothing could import textual at all."""
    out = subprocess.run([sys.executable, "-c", "import sys, adrtool.tui.app; print('textual' in sys.modules)"],
                         capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "True", out.stderr

"""adrtool's templates are installed with the package (a real, non-editable `pip install`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT

SOURCES = ("adrtool", "templates", "pyproject.toml", "setup.py", "README.md")


def test_a_non_editable_install_contains_the_templates(tmp_path):
    source = tmp_path / "src"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, source / name)
    target = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    installed = sorted(p.name for p in (target / "adrtool" / "templates").glob("*.md"))
    assert installed == sorted(p.name for p in (ROOT / "templates").glob("*.md"))
    probe = ("import adrtool, adrtool.authoring.templates as t; "
             "print(adrtool.__file__); print(t.template_dir()); print(t.ours('quick').splitlines()[5])")
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout
    module, folder, title_line = out.splitlines()
    assert module.startswith(str(target)) and folder == str(target / "adrtool" / "templates")
    assert title_line == "# {{title}}"

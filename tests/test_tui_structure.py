"""The terminal UI stays split by screen: no module of adrtool/tui over 400 lines (issue 12), and each
screen in a module of its own under tui/screens."""

from __future__ import annotations

from tests.conftest import ROOT

TUI = ROOT / "adrtool" / "tui"
LIMIT = 400


def test_no_tui_module_is_over_400_lines():
    sizes = {str(p.relative_to(TUI)): len(p.read_text(encoding="utf-8").splitlines()) for p in TUI.rglob("*.py")}
    assert len(sizes) > 10 and "app.py" in sizes  # it did find the modules
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}


def test_each_screen_has_its_own_module():
    screens = {p.stem for p in (TUI / "screens").glob("*.py")}
    assert {"home", "reading", "documents", "design_editor", "editor", "git", "tagging"} <= screens

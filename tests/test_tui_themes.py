"""Themes: dark, light and high-contrast; every text/background pair they draw meets WCAG AA (4.5:1);
chosen in configuration or from the palette."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color

from adrtool.tui import themes
from tests.conftest import write
from tests.test_tui_sample import make_sample
from tests.tui_support import anyio_backend, notes, running, settle  # noqa: F401

TCSS = Path(themes.__file__).with_name("app.tcss")


@pytest.mark.parametrize("name", list(themes.THEMES))
def test_every_text_and_background_pair_meets_wcag_aa(name):
    low = []
    for text, back in themes.PAIRS:
        fg, bg = themes.pair_colors(name, text, back)
        ratio = themes.contrast(fg, bg)
        if ratio < themes.WCAG_AA:
            low.append(f"{text} {fg.hex} on {back} {bg.hex}: {ratio:.2f}")
    assert low == []


def test_the_contrast_formula_matches_wcag():
    assert themes.contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert themes.contrast(Color(0x76, 0x76, 0x76), Color(255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    # alpha is drawn over the background, as Textual draws it: half-white on black is grey
    assert themes.resolve("#ffffff 50%", Color(0, 0, 0)).hex == "#7F7F7F"
    assert themes.resolve("auto 87%", Color(255, 255, 255)).hex == themes.resolve("#000000 87%", Color(255, 255, 255)).hex


def test_the_stylesheet_draws_only_checked_theme_colours():
    """No literal colour in the CSS, and every colour variable it uses is in a checked pair (or a border)."""
    css = re.sub(r"/\*.*?\*/", "", TCSS.read_text(), flags=re.S)
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b", css), "a literal colour in app.tcss"
    checked = {v for pair in themes.PAIRS for v in pair}
    for prop, variable in re.findall(r"\b(color|background):\s*\$([\w-]+)", css):
        assert variable in checked or variable == "boost", f"{prop}: ${variable} is not in themes.PAIRS"


pytestmark = pytest.mark.anyio


async def test_the_theme_comes_from_configuration_and_the_palette(tmp_path):
    root = make_sample(tmp_path)
    write(root / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n[tui]\ntheme = "light"\n')
    async with running(root) as (app, pilot):
        assert app.theme == "adrtool-light"
        assert app.table._colors["@adr-untagged"] == themes.THEMES["light"].variables["adr-untagged"]
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"theme: dark", "theme: light", "theme: high-contrast"} <= set(titles) and "Theme" not in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "theme: high-contrast")
        command.callback()
        await settle(pilot)
        assert app.theme == "adrtool-high-contrast"
        assert app.table._colors["@adr-untagged"] == themes.THEMES["high-contrast"].variables["adr-untagged"]


async def test_an_unknown_theme_is_one_warning_and_the_default(tmp_path):
    root = make_sample(tmp_path)
    write(root / ".adrtool.toml", 'dirs = ["decisions"]\n[tui]\ntheme = "solarized"\n')
    async with running(root) as (app, pilot):
        assert app.theme == "adrtool-dark"
        assert any("[tool.adrtool.tui] theme: unknown theme 'solarized'" in n for n in notes(app))

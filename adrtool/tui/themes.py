"""The UI's three themes (dark, light, high-contrast) and the colour pairs they must keep readable.

Every colour the app draws comes from a theme variable: Textual's own
(`$foreground`, `$panel`, ...) or adrtool's (`$adr-...`, set in each theme's
`variables`).  `PAIRS` lists every text/background pair the screens draw;
tests/test_tui_themes.py reads each theme's generated colours and checks every
pair against WCAG AA (4.5:1), so a new colour cannot slip in unchecked.

Rich renderables (the Markdown body, diffs) do not read Textual variables:
`rich_styles` and `code_theme` make their styles from the same variables.
"""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

DEFAULT = "dark"
WCAG_AA = 4.5

_QUADRANT_VARIABLES = ("d1", "d2", "a1", "a2")  # deliberate one-way, deliberate two-way, arbitrary one-way, arbitrary two-way


def _theme(name: str, *, dark: bool, colors: dict[str, str], variables: dict[str, str]) -> Theme:
    return Theme(name=f"adrtool-{name}", dark=dark, **colors, variables=variables)


THEMES: dict[str, Theme] = {
    "dark": _theme("dark", dark=True, colors=dict(
        primary="#2563a8", secondary="#3d7fc4", accent="#f0b03c", warning="#8a5a00", error="#a8261f",
        success="#1f7a3d", foreground="#e6e6e6", background="#121417", surface="#1a1d21", panel="#272c33"),
        variables={
            "text-muted": "#a9afb8", "text-error": "#ff8a80", "text-warning": "#f2c14e", "text-success": "#72d08f",
            "text-primary": "#8ab8ef", "text-accent": "#f0b03c",
            "block-cursor-foreground": "#ffffff", "block-cursor-background": "#2563a8",
            "block-cursor-blurred-foreground": "#ffffff", "block-cursor-blurred-background": "#34404f",
            "footer-key-foreground": "#f0b03c", "input-selection-background": "#2563a8",
            "adr-untagged": "#f0a27a", "adr-muted": "#a9afb8", "adr-note": "#7fd4e6", "adr-link": "#8ab8ef",
            "adr-heading": "#8ab8ef", "adr-code-fg": "#e6e6e6", "adr-code-bg": "#23272d",
            "adr-diff-add": "#72d08f", "adr-diff-del": "#ff8a80", "adr-diff-hunk": "#7fd4e6",
            "adr-d1-bg": "#1f3a5f", "adr-d1-fg": "#e6eefb", "adr-d2-bg": "#244d3a", "adr-d2-fg": "#e4f6ea",
            "adr-a1-bg": "#5c1f24", "adr-a1-fg": "#ffe3e3", "adr-a2-bg": "#5a4a1d", "adr-a2-fg": "#fff4d6",
            "adr-evidence-fg": "#121417", "adr-evidence-bg": "#f0b03c",
        }),
    "light": _theme("light", dark=False, colors=dict(
        primary="#1f5fa8", secondary="#2f6fb5", accent="#8a4b00", warning="#f0c040", error="#b3261e",
        success="#1e6b34", foreground="#1b1f24", background="#f4f4f2", surface="#ffffff", panel="#e2e5ea"),
        variables={
            "text-muted": "#50565e", "text-error": "#a11d16", "text-warning": "#6e4a00", "text-success": "#1a5e2d",
            "text-primary": "#1f5fa8", "text-accent": "#7a4200",
            "block-cursor-foreground": "#ffffff", "block-cursor-background": "#1f5fa8",
            "block-cursor-blurred-foreground": "#1b1f24", "block-cursor-blurred-background": "#cfdcec",
            "footer-key-foreground": "#7a4200", "input-selection-background": "#b9d0ee",
            "adr-untagged": "#9a3f12", "adr-muted": "#50565e", "adr-note": "#0b5f73", "adr-link": "#1f5fa8",
            "adr-heading": "#184e8c", "adr-code-fg": "#1b1f24", "adr-code-bg": "#eceef1",
            "adr-diff-add": "#1a5e2d", "adr-diff-del": "#a11d16", "adr-diff-hunk": "#0b5f73",
            "adr-d1-bg": "#d6e4f5", "adr-d1-fg": "#10243d", "adr-d2-bg": "#d8efe0", "adr-d2-fg": "#123222",
            "adr-a1-bg": "#f8d9d9", "adr-a1-fg": "#5a1010", "adr-a2-bg": "#f6ecc9", "adr-a2-fg": "#4a3a05",
            "adr-evidence-fg": "#1b1f24", "adr-evidence-bg": "#f7d774",
        }),
    "high-contrast": _theme("high-contrast", dark=True, colors=dict(
        primary="#ffff00", secondary="#00ffff", accent="#00ffff", warning="#ffd700", error="#ff5c5c",
        success="#00e676", foreground="#ffffff", background="#000000", surface="#000000", panel="#1c1c1c"),
        variables={
            "text": "#ffffff", "text-muted": "#d6d6d6", "text-error": "#ff8080", "text-warning": "#ffd700",
            "text-success": "#5cff9d", "text-primary": "#ffff00", "text-accent": "#00ffff",
            "button-color-foreground": "#000000",
            "block-cursor-foreground": "#000000", "block-cursor-background": "#ffff00",
            "block-cursor-blurred-foreground": "#000000", "block-cursor-blurred-background": "#bdbdbd",
            "footer-key-foreground": "#00ffff", "input-selection-background": "#0050a0",
            "adr-untagged": "#ffb08a", "adr-muted": "#d6d6d6", "adr-note": "#00ffff", "adr-link": "#00ffff",
            "adr-heading": "#ffff00", "adr-code-fg": "#ffffff", "adr-code-bg": "#1c1c1c",
            "adr-diff-add": "#5cff9d", "adr-diff-del": "#ff8080", "adr-diff-hunk": "#00ffff",
            "adr-d1-bg": "#001f4d", "adr-d1-fg": "#ffffff", "adr-d2-bg": "#00361c", "adr-d2-fg": "#ffffff",
            "adr-a1-bg": "#4d0000", "adr-a1-fg": "#ffffff", "adr-a2-bg": "#3d3000", "adr-a2-fg": "#ffffff",
            "adr-evidence-fg": "#000000", "adr-evidence-bg": "#ffff00",
        }),
}

# Every (text, background) the screens draw, by theme variable.  Textual's widgets first (table,
# cursor, header, footer, inputs, buttons, toasts), then adrtool's own.  "auto N%" text (Textual's
# $text) is resolved against its background, as Textual does.
PAIRS: tuple[tuple[str, str], ...] = (
    ("foreground", "background"), ("foreground", "surface"), ("foreground", "panel"),
    ("foreground", "surface-lighten-1"), ("foreground", "surface-darken-1"), ("foreground", "panel-lighten-1"),
    ("text", "background"), ("text", "surface"), ("text", "panel"),
    ("text-muted", "background"), ("text-muted", "surface"), ("text-muted", "panel"),
    ("block-cursor-foreground", "block-cursor-background"),
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),
    ("footer-key-foreground", "footer-background"), ("footer-description-foreground", "footer-background"),
    ("footer-foreground", "footer-background"),
    ("input-selection-foreground", "input-selection-background"),
    ("button-foreground", "surface"), ("button-color-foreground", "primary"),
    ("button-color-foreground", "warning"), ("button-color-foreground", "error"),
    ("text-error", "background"), ("text-error", "surface"), ("text-error", "panel"), ("text-error", "panel-lighten-1"),
    ("text-warning", "background"), ("text-warning", "surface"), ("text-warning", "panel"), ("text-warning", "panel-lighten-1"),
    ("text-success", "background"), ("text-success", "surface"), ("text-success", "panel-lighten-1"),
    ("text-primary", "surface"), ("text-accent", "surface"), ("text-accent", "panel"),
    ("adr-untagged", "background"), ("adr-untagged", "surface"), ("adr-untagged", "panel"),
    ("adr-muted", "background"), ("adr-muted", "surface"), ("adr-muted", "panel"),
    ("adr-note", "surface"), ("adr-link", "surface"), ("adr-heading", "surface"),
    ("adr-code-fg", "adr-code-bg"), ("adr-evidence-fg", "adr-evidence-bg"),
    ("adr-diff-add", "surface"), ("adr-diff-del", "surface"), ("adr-diff-hunk", "surface"),
    *((f"adr-{q}-fg", f"adr-{q}-bg") for q in _QUADRANT_VARIABLES),
)


def textual_name(name: str) -> str:
    return THEMES[name].name


def from_settings(settings: dict) -> tuple[str, str | None]:
    """(theme name, warning) from `[tool.adrtool.tui] theme = ...`; an unknown name is warned about."""
    table = settings.get("tui") if isinstance(settings, dict) else None
    value = table.get("theme") if isinstance(table, dict) else None
    if value is None:
        return DEFAULT, None
    if isinstance(value, str) and value.strip().lower() in THEMES:
        return value.strip().lower(), None
    return DEFAULT, f"[tool.adrtool.tui] theme: unknown theme {value!r} (use {', '.join(THEMES)}); using {DEFAULT}"


# ---- the colours a theme generates, resolved to what is drawn ---------------------------------------
def variables(name: str) -> dict[str, str]:
    """The CSS variables the app gets from the theme, merged as App.get_css_variables merges them."""
    return variables_of(THEMES[name])


def variables_of(theme: Theme) -> dict[str, str]:
    return {**theme.to_color_system().generate(), **theme.variables}


def resolve(value: str, background: Color) -> Color:
    """A generated value ("#rrggbb", "#rrggbbaa", "auto 87%", "#rrggbb 50%") as drawn over `background`."""
    value = value.strip()
    alpha = 1.0
    if value.endswith("%") and " " in value:
        value, percent = value.rsplit(" ", 1)
        alpha = float(percent[:-1]) / 100
    if value == "auto":
        return background + background.get_contrast_text(alpha)
    color = Color.parse(value)
    return background + color.with_alpha(color.a * alpha)


def pair_colors(name: str, text: str, back: str) -> tuple[Color, Color]:
    generated = variables(name)
    ground = Color.parse(generated["background"])
    back_color = resolve(generated[back], ground) if generated[back] not in ("transparent", "initial") else ground
    return resolve(generated[text], back_color), back_color


def contrast(a: Color, b: Color) -> float:
    """The WCAG 2 contrast ratio of two opaque colours."""
    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# ---- Rich renderables: the Markdown body and code blocks --------------------------------------------
def rich_styles(generated: dict[str, str]) -> dict[str, str]:
    """Styles for Rich's Markdown, from the theme's variables (pushed onto the app's console)."""
    def v(name: str) -> str:
        return generated[name]

    heading = v("adr-heading")
    return {
        "markdown.h1": f"bold {heading}", "markdown.h1.border": heading, "markdown.h2": f"bold underline {heading}",
        "markdown.h3": f"bold {heading}", "markdown.h4": "bold", "markdown.h5": "underline", "markdown.h6": "italic",
        "markdown.link": f"underline {v('adr-link')}", "markdown.link_url": f"underline {v('adr-link')}",
        "markdown.code": f"{v('adr-code-fg')} on {v('adr-code-bg')}",
        "markdown.code_block": f"{v('adr-code-fg')} on {v('adr-code-bg')}",
        "markdown.block_quote": v("adr-muted"), "markdown.hr": v("adr-muted"),
        "markdown.item.bullet": f"bold {v('adr-muted')}", "markdown.item.number": f"bold {v('adr-muted')}",
        "markdown.table.border": v("adr-muted"), "markdown.table.header": "bold",
        "adr.evidence": f"bold {v('adr-evidence-fg')} on {v('adr-evidence-bg')}",  # an estimate's cue (evidence.py)
    }


def code_theme(generated: dict[str, str]):
    """A syntax theme that draws every token in the checked code colours (no unchecked token colours)."""
    from rich.style import Style
    from rich.syntax import SyntaxTheme

    style = Style.parse(f"{generated['adr-code-fg']} on {generated['adr-code-bg']}")

    class PlainCode(SyntaxTheme):
        def get_style_for_token(self, token_type) -> Style:
            return style

        def get_background_style(self) -> Style:
            return style

    return PlainCode()

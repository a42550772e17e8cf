"""`?`: the keys that work here, on the screen you are on, grouped (navigate, decide, write, git, AI, app).

adrtool's own keys come first, each with the id to rebind it by; the keys
Textual's widgets bring (cursor left/right, page up/down, ...) follow, under
their own heading.  Keys that do nothing here (AI without opt-in, promote on a
record) are not listed: context help, not a list to memorise.
"""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from adrtool.tui import keys, markup
from adrtool.tui.screens.dialogs import Dialog

HINT = "Rebind any key by its id in [tool.adrtool.keys]; ctrl+p opens the command palette."


def sections(app, screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, what)]) for the bindings active on `screen`, adrtool's by group, then the widgets'."""
    grouped: dict[str, list[tuple[str, str]]] = {g: [] for g in keys.GROUPS}
    widget: list[tuple[str, str]] = []
    seen: dict[tuple, int] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not active.enabled or binding.system:
            continue
        label = app.get_key_display(dataclasses.replace(binding, key=key, key_display=None))
        group = keys.group_of(binding.id)
        rows = grouped[group] if group else widget
        same = (group, binding.id or binding.action, binding.description)
        if same in seen:  # two keys for one action ("escape", "q"): one row
            old_label, text = rows[seen[same]]
            rows[seen[same]] = (f"{old_label} {label}", text)
            continue
        seen[same] = len(rows)
        rows.append((label, f"{binding.description}  [{binding.id}]" if group else binding.description))
    out = [(keys.GROUP_TITLES[g], rows) for g, rows in grouped.items() if rows]
    if widget:
        out.append(("Widget keys", widget))
    return out


class HelpScreen(Dialog):
    BINDINGS = keys.bindings("help")

    def __init__(self, where: str, groups: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.where, self.groups = where, groups

    @property
    def rows(self) -> list[tuple[str, str]]:
        return [row for _title, rows in self.groups for row in rows]

    def body(self) -> ComposeResult:
        yield Label(f"Keys: {markup.escape(self.where)}", classes="question")
        width = min(12, max((len(k) for k, _ in self.rows), default=4))
        lines = []
        for title, rows in self.groups:
            lines.append(f"[b $text-accent]{markup.escape(title)}[/]")
            lines += [f"  [b]{markup.escape(k).ljust(width)}[/b]  {markup.escape(text)}" for k, text in rows]
        with VerticalScroll(classes="listing"):
            yield Static("\n".join(lines))
        yield Label(markup.muted(markup.escape(HINT)))

"""A design document with its inline decisions listed beside it; jump between them."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from adrtool.model import Decision
from adrtool.tui import keys
from adrtool.tui.detail import tag_markup


class InlineList(OptionList):
    BINDINGS = keys.bindings("document")


class DocumentScreen(Screen):
    """Dismisses with the inline decision chosen (enter) so the table can select it, or None."""

    BINDINGS = [b for b in keys.bindings("document") if b.id == "document.close"]

    def __init__(self, repo, path: str, inline: list[Decision], current: Decision | None = None) -> None:
        super().__init__()
        self.repo, self.path = repo, path
        self.inline = sorted(inline, key=lambda d: d.line or 0)
        self.current = current

    def compose(self) -> ComposeResult:
        yield Static(f" design document [b]{escape(self.path)}[/b]: {len(self.inline)} inline decisions", id="doc-title")
        with Horizontal():
            yield TextArea(self.repo.text(self.path), language="markdown", read_only=True, soft_wrap=True,
                           show_line_numbers=True, id="doc-text")
            yield InlineList(*[Option(f"{escape(d.id)} [dim]line {d.line}[/]\n{escape(d.title)}\n{tag_markup(d)}")
                               for d in self.inline], id="doc-decisions")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one(InlineList)
        options.focus()
        if self.inline:
            index = self.inline.index(self.current) if self.current in self.inline else 0
            options.highlighted = index
            self._jump(self.inline[index])

    def _jump(self, decision: Decision) -> None:
        area = self.query_one("#doc-text", TextArea)
        row = max(0, (decision.line or 1) - 1)
        area.move_cursor((row, 0))
        area.select_line(row)
        area.scroll_cursor_visible(center=True)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index is not None and event.option_index < len(self.inline):
            self._jump(self.inline[event.option_index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.inline[event.option_index])

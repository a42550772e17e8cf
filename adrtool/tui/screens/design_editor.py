"""The design-document editor: a design written with its inline decisions recognised as one types.

Each `Decision (...)` line gets a gutter mark with its tags (A·2w: arbitrary,
two-way); a side list shows the document's decisions with their review state.
ctrl+t / ctrl+o set choice / door on the line under the cursor (that line is
rewritten in place, nothing else), ctrl+n writes a new tagged decision line,
ctrl+r promotes a one-way decision to a record (writing is worth it there).
Saving is the store's atomic, conflict-checked write, as for records.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.strip import Strip
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from adrtool.model import Choice, Decision, Door
from adrtool.tui import inline_lines, keys, markup, review_panel
from adrtool.tui.decision_actions import CHOICES, DOORS
from adrtool.tui.loading import NO_REPR
from adrtool.tui.screens.dialogs import ChoiceScreen
from adrtool.tui.screens.editor import TextEditor

QUADRANT_VARIABLE = {"deliberate/one-way": "d1", "deliberate/two-way": "d2", "arbitrary/one-way": "a1",
                     "arbitrary/two-way": "a2"}
NEW_LINE_CHOICES = [("arbitrary/two-way", "arbitrary, two-way: a guess, cheap to change (one line is enough)"),
                    ("deliberate/two-way", "deliberate, two-way: weighed, cheap to change"),
                    ("deliberate/one-way", "deliberate, one-way: weighed, hard to undo (promote it to a record)"),
                    ("arbitrary/one-way", "arbitrary, one-way: a guess that is hard to undo (reason it, or promote)")]


class DesignTextArea(TextArea):
    """A TextArea whose gutter also shows, on each inline-decision line, that decision's tags."""

    marks: dict[int, tuple[str, Style]] = {}  # 0-based row -> (label, style)

    @property
    def gutter_width(self) -> int:
        width = super().gutter_width
        return width + inline_lines.MARK_WIDTH if width else 0

    def set_marks(self, marks: dict[int, tuple[str, Style]]) -> None:
        if marks != self.marks:
            self.marks = marks
            self._line_cache.clear()
            self.refresh()

    def _render_line(self, y: int) -> Strip:
        strip = super()._render_line(y)
        if not self.show_line_numbers:
            return strip
        info = self.wrapped_document._offset_to_line_info
        offset = y + self.scroll_offset.y
        mark = ("", Style.null())
        if 0 <= offset < len(info) and info[offset] is not None and info[offset][1] == 0:
            mark = self.marks.get(info[offset][0], mark)
        label, style = mark
        cell = Segment(f"{label:<{inline_lines.MARK_WIDTH - 1}} ", style if label else Style.null())
        return Strip.join([Strip([cell], inline_lines.MARK_WIDTH), strip.crop(inline_lines.MARK_WIDTH)])


class DesignEditorScreen(TextEditor):
    BINDINGS = keys.bindings("design")

    def __init__(self, repo, path: str, line: int | None = None) -> None:
        super().__init__(repo, path)
        self.start_line = line
        self.decisions: list[Decision] = inline_lines.scan(path, self.saved_text)
        self.states: dict[str, str] = {}  # decision id -> review state ("ok", "1 warning", ...)

    def compose(self) -> ComposeResult:
        yield Static(self.title_markup(), id="editor-title")
        with Horizontal():
            yield DesignTextArea(self.saved_text, language="markdown", soft_wrap=True, show_line_numbers=True,
                                 id="editor-text")
            with Vertical(id="design-side"):
                yield Static("", id="design-count")
                yield OptionList(id="design-decisions")
                yield Static(markup.muted(inline_lines.LEGEND), id="design-legend")
        yield Footer()

    def title_markup(self) -> str:
        return super().title_markup().replace(" editing ", " design document ", 1)

    def on_mount(self) -> None:
        self.text_area.focus()
        self._show_decisions()
        if self.start_line:
            self.text_area.move_cursor((self.start_line - 1, 0))
            self.text_area.scroll_cursor_visible(center=True)
        self.run_review()

    # ---- live recognition ------------------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        before = self.decisions
        self.decisions = inline_lines.scan(self.path, self.text_area.text)
        self._show_decisions()
        self.show_title()
        for d in inline_lines.newly_one_way(before, self.decisions):
            self.notify(f"{d.id} is a one-way door: ctrl+r promotes it to a record", timeout=8)
        self.schedule_review()

    def _mark_style(self, decision: Decision) -> Style:
        variables = self.app.adr_colors
        q = QUADRANT_VARIABLE.get(decision.quadrant)
        if q is None:
            return Style.parse(f"italic {variables.get('adr-untagged', 'default')}")
        return Style.parse(f"bold {variables[f'adr-{q}-fg']} on {variables[f'adr-{q}-bg']}")

    def _show_decisions(self) -> None:
        self.text_area.set_marks({d.line - 1: (inline_lines.label(d), self._mark_style(d)) for d in self.decisions})
        listing = self.query_one("#design-decisions", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options([Option(self._option(d)) for d in self.decisions])
        if self.decisions:
            listing.highlighted = min(highlighted or 0, len(self.decisions) - 1)
        n = len(self.decisions)
        self.query_one("#design-count", Static).update(f"[b]{n}[/b] inline decision{'s' if n != 1 else ''}")
        self.refresh_bindings()

    def _option(self, d: Decision) -> str:
        state = self.states.get(d.id)
        lines = [f"[b]{markup.escape(inline_lines.label(d))}[/b] {markup.escape(d.id)} {markup.muted(f'line {d.line}')}",
                 markup.escape(d.title)]
        if state:
            lines.append(state)
        if inline_lines.may_promote(d):
            lines.append("[$text-accent]one-way: ctrl+r promotes it to a record[/]")
        return "\n".join(lines)

    def run_review(self) -> None:
        self.review(list(self.decisions))

    @work(thread=True, exclusive=True, group="design-review", description=NO_REPR)
    def review(self, decisions: list[Decision]) -> None:
        states = {}
        for d in decisions:
            found = review_panel.check(d, self.repo)
            if found is None:
                return  # no review engine: no states
            worst = [f for f in found if f.severity == "error"] or [f for f in found if f.severity == "warning"]
            if not worst:
                states[d.id] = "[$text-success]review: ok[/]"
            else:
                color = markup.SEVERITY[worst[0].severity]
                states[d.id] = f"[{color}]{len(worst)} {worst[0].severity}{'s' if len(worst) > 1 else ''}[/]: {markup.escape(worst[0].message)}"
        self.app.call_from_thread(self._reviewed, decisions, states)

    def _reviewed(self, decisions, states) -> None:
        if decisions == self.decisions:
            self.states = states
            self._show_decisions()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.focused is event.option_list and event.option_index is not None and event.option_index < len(self.decisions):
            self._jump(self.decisions[event.option_index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._jump(self.decisions[event.option_index])
        self.text_area.focus()

    def _jump(self, decision: Decision) -> None:
        area = self.text_area
        area.move_cursor(((decision.line or 1) - 1, 0))
        area.scroll_cursor_visible(center=True)

    # ---- keys: tag, write, promote ------------------------------------------------------------------
    def current_decision(self) -> Decision | None:
        """The decision on the cursor's line (else the one highlighted in the side list, when it has focus)."""
        found = inline_lines.at_row(self.decisions, self.text_area.cursor_location[0])
        listing = self.query_one("#design-decisions", OptionList)
        if found is None and self.focused is listing and listing.highlighted is not None:
            found = self.decisions[listing.highlighted]
        return found

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "promote":
            d = self.current_decision() if self.is_mounted else None
            return d is not None and inline_lines.may_promote(d)
        return True

    def on_text_area_selection_changed(self) -> None:
        self.refresh_bindings()  # the promote key follows the line under the cursor

    def _on_decision_line(self) -> Decision | None:
        d = self.current_decision()
        if d is None:
            self.notify("put the cursor on a Decision (…) line, or press ctrl+n to write one", severity="warning")
        return d

    def action_set_choice(self) -> None:
        d = self._on_decision_line()
        if d is not None:
            self._ask_tag(d, "choice", CHOICES, d.choice.value if d.choice else None)

    def action_set_door(self) -> None:
        d = self._on_decision_line()
        if d is not None:
            self._ask_tag(d, "door", DOORS, d.door.value if d.door else None)

    def _ask_tag(self, d: Decision, name: str, options, current: str | None) -> None:
        def chosen(value: str | None) -> None:
            if not value or value == current:
                return
            row = d.line - 1
            old = self.text_area.document.get_line(row)
            tag = {"choice": Choice(value)} if name == "choice" else {"door": Door(value)}
            self.text_area.replace(inline_lines.retag(old, **tag), (row, 0), (row, len(old)))  # this line only
            self.text_area.focus()

        self.app.push_screen(ChoiceScreen(f"{name} of {d.id} {d.title}", options, current), chosen)

    def action_new_decision(self) -> None:
        def chosen(quadrant: str | None) -> None:
            if not quadrant:
                return
            choice, door = quadrant.split("/")
            area = self.text_area
            row = area.cursor_location[0]
            current = area.document.get_line(row)
            line = inline_lines.new_line(Choice(choice), Door(door))
            if current.strip():
                area.insert("\n" + line, (row, len(current)))
                row += 1
            else:
                area.replace(line, (row, 0), (row, len(current)))
            area.move_cursor((row, len(line)))
            area.focus()

        self.app.push_screen(ChoiceScreen("A new inline decision: which kind?", NEW_LINE_CHOICES), chosen)

    def action_promote(self) -> None:
        d = self.current_decision()
        if d is None or not inline_lines.may_promote(d):
            self.notify("put the cursor on a one-way Decision (…) line to promote it", severity="warning")
            return
        if self.dirty and not self.action_save():
            return  # promotion reads the document from disk: it is saved first
        saved = inline_lines.at_row(inline_lines.scan(self.path, self.saved_text), d.line - 1)
        if saved is None:
            return
        # What promote plans from is the text just saved (if the disk differs, the store refuses to write).
        self.app.repo.texts[self.path] = self.saved_text
        self.app.promote(saved, then=lambda _written: self.load_disk_text(self.app.repo.texts[self.path]))

    def repo_changed(self, repo) -> None:
        """After a reload: write through the repository as read now, unless typed text would be lost."""
        if not self.dirty and repo.texts.get(self.path, self.saved_text) == self.saved_text:
            self.repo = repo

"""Modal dialogs: confirm (with the diff of what will change), pick one of a few (opening on the current
value), pick a decision, ask for one line of text, the new-decision form, the save-conflict choice, and
a two-column listing (the branch review).  Each dialog has its own footer: its keys, not the table's."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from adrtool.model import Choice, Decision, Door
from adrtool.tui import filtering, keys, markup

PICKER_LIMIT = 200  # options shown at once in a decision picker; the filter narrows the rest


def diff_view(diff_text: str) -> Static:
    return Static(markup.diff(diff_text), classes="diff", markup=True)


class Dialog(ModalScreen):
    BINDINGS = keys.bindings("dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield from self.body()
        yield Footer()

    def body(self) -> ComposeResult:
        yield from ()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(Dialog):
    """Anything hard to reverse asks first, showing exactly what will change."""

    def __init__(self, question: str, diff_text: str | None = None, yes: str = "Yes") -> None:
        super().__init__()
        self.question, self.diff_text, self.yes = question, diff_text, yes

    def body(self) -> ComposeResult:
        yield Label(markup.escape(self.question), classes="question")
        if self.diff_text is not None:
            with VerticalScroll(classes="diff-scroll"):
                yield diff_view(self.diff_text)
        with Horizontal(classes="buttons"):
            yield Button(self.yes, variant="primary", id="yes")
            yield Button("Cancel", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class ChoiceScreen(Dialog):
    """Pick one of a few values (a tag, a status, a relation); opens on the current value."""

    def __init__(self, title: str, options: list[tuple[str, str]], current: str | None = None,
                 current_label: str = "now") -> None:
        super().__init__()
        self.title_text, self.options, self.current = title, options, current
        self.current_label = current_label  # "(now)" beside the current value; "(estimated)" for an estimate

    def body(self) -> ComposeResult:
        yield Label(markup.escape(self.title_text), classes="question")
        yield OptionList(*[Option(markup.escape(label) + (f" ({self.current_label})" if value == self.current else ""), id=value)
                           for value, label in self.options], id="choices")

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        values = [value for value, _label in self.options]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class DecisionPicker(Dialog):
    """Choose a decision by typing part of its id or title (ranked as the table's filter ranks)."""

    def __init__(self, title: str, decisions: list[Decision]) -> None:
        super().__init__()
        self.title_text, self.decisions = title, decisions
        self.matches: list[Decision] = []

    def body(self) -> ComposeResult:
        yield Label(markup.escape(self.title_text), classes="question")
        yield Input(placeholder="id or title", id="picker-input")
        yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        self._refresh("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, text: str) -> None:
        self.matches = filtering.select(self.decisions, text)[:PICKER_LIMIT]
        options = self.query_one("#picker-list", OptionList)
        options.clear_options()
        options.add_options([Option(f"{markup.escape(d.id)}  {markup.escape(d.title)}") for d in self.matches])
        if self.matches:
            options.highlighted = 0

    def on_input_submitted(self) -> None:
        if self.matches:
            options = self.query_one("#picker-list", OptionList)
            self.dismiss(self.matches[options.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.matches[event.option_index])


class TextPrompt(Dialog):
    """One line of text (a new number, a document name); `check` returns an error to show, or None."""

    def __init__(self, question: str, value: str = "", placeholder: str = "", check=None) -> None:
        super().__init__()
        self.question, self.value, self.placeholder, self.check = question, value, placeholder, check

    def body(self) -> ComposeResult:
        yield Label(markup.escape(self.question), classes="question")
        yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
        yield Static("", id="prompt-error", classes="error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        error = self.check(value) if self.check else (None if value else "type something first")
        if error:
            self.query_one("#prompt-error", Static).update(markup.escape(error))
            return
        self.dismiss(value)


class NewDecisionScreen(Dialog):
    """Title and both tags first: the template follows the tags."""

    def body(self) -> ComposeResult:
        yield Label("New decision", classes="question")
        yield Input(placeholder="Title, e.g. Commit with optimistic checks", id="new-title")
        with Horizontal(classes="tags"):
            with RadioSet(id="new-choice"):
                yield RadioButton("deliberate", value=True, id="choice-deliberate")
                yield RadioButton("arbitrary", id="choice-arbitrary")
            with RadioSet(id="new-door"):
                yield RadioButton("one-way door", value=True, id="door-one-way")
                yield RadioButton("two-way door", id="door-two-way")
        yield Static("", id="new-error", classes="error")
        with Horizontal(classes="buttons"):
            yield Button("Create", variant="primary", id="create")
            yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#new-title", Input).focus()

    def _submit(self) -> None:
        title = self.query_one("#new-title", Input).value.strip()
        if not title:
            self.query_one("#new-error", Static).update("a decision needs a title")
            self.query_one("#new-title", Input).focus()
            return
        choice_button = self.query_one("#new-choice", RadioSet).pressed_button
        door_button = self.query_one("#new-door", RadioSet).pressed_button
        choice = Choice(choice_button.id.removeprefix("choice-")) if choice_button else None
        door = Door(door_button.id.removeprefix("door-")) if door_button else None
        self.dismiss({"title": title, "choice": choice, "door": door})

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self._submit()
        else:
            self.dismiss(None)


class ConflictScreen(Dialog):
    """The file changed on disk while you edited: show how, and let the user choose."""

    def __init__(self, path: str, diff_text: str) -> None:
        super().__init__()
        self.path, self.diff_text = path, diff_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(f"{markup.escape(self.path)} changed on disk while you were editing. Differences (disk → yours):",
                        classes="question")
            with VerticalScroll(classes="diff-scroll"):
                yield diff_view(self.diff_text)
            with Horizontal(classes="buttons"):
                yield Button("Keep editing", variant="primary", id="keep")
                yield Button("Overwrite with mine", variant="warning", id="overwrite")
                yield Button("Load theirs (drop mine)", variant="error", id="theirs")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss("keep")


class ListingScreen(Dialog):
    """Two columns under a title (the branch review's findings)."""

    BINDINGS = keys.bindings("help")

    def __init__(self, where: str, rows: list[tuple[str, str]], hint: str = "") -> None:
        super().__init__()
        self.where, self.rows, self.hint = where, rows, hint

    def body(self) -> ComposeResult:
        yield Label(markup.escape(self.where), classes="question")
        width = max((len(k) for k, _ in self.rows), default=4)
        text = "\n".join(f"[b]{markup.escape(k).ljust(width)}[/b]  {markup.escape(desc)}" for k, desc in self.rows)
        with VerticalScroll(classes="listing"):
            yield Static(text)
        if self.hint:
            yield Label(markup.muted(markup.escape(self.hint)))

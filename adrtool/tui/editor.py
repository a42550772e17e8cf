"""The editor: a Markdown TextArea with the rubric's findings beside it, saved through the store.

Typed text is never lost: a failed save keeps the buffer, a file changed on
disk meanwhile shows the difference and lets the user choose, and leaving
with unsaved changes asks first.
"""

from __future__ import annotations

import difflib

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from adrtool.store import ConflictError, StoreError, read_text
from adrtool.tui import keys, review_panel
from adrtool.tui.detail import findings_markup
from adrtool.tui.dialogs import ConfirmScreen, ConflictScreen

REVIEW_DELAY = 0.6  # seconds of no typing before the rubric re-runs


class EditorScreen(Screen):
    BINDINGS = keys.bindings("editor")

    class Saved(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, repo, path: str) -> None:
        super().__init__()
        self.repo, self.path = repo, path
        self.saved_text = repo.text(path)
        self.findings: list | None = None  # the rubric's findings for the text as typed
        self._review_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(f" editing [b]{escape(self.path)}[/b]", id="editor-title")
        with Horizontal():
            yield TextArea.code_editor(self.saved_text, language="markdown", soft_wrap=True, id="editor-text")
            with VerticalScroll(id="editor-side"):
                yield Static("", id="editor-review")
        yield Footer()

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#editor-text", TextArea)

    @property
    def dirty(self) -> bool:
        return self.text_area.text != self.saved_text

    def on_mount(self) -> None:
        self.text_area.focus()
        self._run_review()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._show_title()
        if self._review_timer is not None:
            self._review_timer.stop()
        self._review_timer = self.set_timer(REVIEW_DELAY, self._run_review)

    def _show_title(self) -> None:
        mark = " [yellow]● modified[/]" if self.dirty else ""
        self.query_one("#editor-title", Static).update(f" editing [b]{escape(self.path)}[/b]{mark}")

    def _run_review(self) -> None:
        self.review(self.text_area.text)

    @work(thread=True, exclusive=True, group="editor-review", description="review the edited text")
    def review(self, text: str) -> None:
        findings = review_panel.check_text(self.path, text, self.repo)
        self.app.call_from_thread(self._show_findings, findings)

    def _show_findings(self, findings) -> None:
        self.findings = findings
        markup = "[dim]review engine not installed[/]" if findings is None else findings_markup(findings)
        self.query_one("#editor-review", Static).update(markup)

    # ---- saving ----------------------------------------------------------------
    def action_save(self) -> None:
        text = self.text_area.text
        try:
            self.repo.write(self.path, text)
        except ConflictError:
            self._resolve_conflict(text)
            return
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return
        self._after_save(text)

    def _after_save(self, text: str) -> None:
        self.saved_text = text
        self._show_title()
        self.notify(f"saved {self.path}")
        self._run_review()
        self.post_message(self.Saved(self.path))

    def _resolve_conflict(self, mine: str) -> None:
        try:
            theirs = read_text(self.repo.root / self.path)
        except (OSError, UnicodeDecodeError) as exc:
            self.notify(f"{self.path}: cannot read: {exc}", severity="error")
            return
        diff = "".join(difflib.unified_diff(theirs.splitlines(keepends=True), mine.splitlines(keepends=True),
                                            f"disk/{self.path}", f"editor/{self.path}"))

        def chosen(answer: str | None) -> None:
            if answer == "overwrite":
                self.repo.texts[self.path] = theirs  # we have now seen the disk version: write over it knowingly
                try:
                    self.repo.write(self.path, mine)
                except StoreError as exc:
                    self.notify(str(exc), title="Not saved", severity="error")
                    return
                self._after_save(mine)
            elif answer == "theirs":
                self.repo.texts[self.path] = theirs
                self.saved_text = theirs
                self.text_area.load_text(theirs)
                self._show_title()
                self.post_message(self.Saved(self.path))

        self.app.push_screen(ConflictScreen(self.path, diff), chosen)

    # ---- leaving ------------------------------------------------------------------
    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(True)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen(f"Discard unsaved changes to {self.path}?", yes="Discard"), answered)

    def action_external(self) -> None:
        if self.dirty:
            self.notify("save first (ctrl+s): the external editor opens the file on disk", severity="warning")
            return
        if self.app.edit_externally(self.path):
            try:
                text = read_text(self.repo.root / self.path)
            except (OSError, UnicodeDecodeError) as exc:
                self.notify(str(exc), severity="error")
                return
            self.repo.texts[self.path] = text
            self.saved_text = text
            self.text_area.load_text(text)
            self.post_message(self.Saved(self.path))

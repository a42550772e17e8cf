"""The editors: a Markdown TextArea saved through the store (atomic, refused if the file changed on disk).

`TextEditor` is what both editors share: typed text is never lost (a failed
save keeps the buffer, a file changed on disk meanwhile shows the difference
and lets the user choose, leaving or quitting with unsaved changes asks
first).  `EditorScreen` edits a record with the rubric's findings beside it;
the design-document editor (design_editor.py) adds live inline decisions.
"""

from __future__ import annotations

import difflib

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from adrtool.store import ConflictError, StoreError, read_text
from adrtool.tui import keys, markup, review_panel
from adrtool.tui.screens.dialogs import ConfirmScreen, ConflictScreen

REVIEW_DELAY = 0.6  # seconds of no typing before the rubric re-runs


class TextEditor(Screen):
    """A file in a TextArea (`#editor-text`), saved with ctrl+s; subclasses compose and review."""

    class Saved(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, repo, path: str) -> None:
        super().__init__()
        self.repo, self.path = repo, path
        self.saved_text = repo.text(path)
        self._review_timer: Timer | None = None

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#editor-text", TextArea)

    @property
    def dirty(self) -> bool:
        return self.text_area.text != self.saved_text

    def title_markup(self) -> str:
        mark = " [$text-warning]● modified[/]" if self.query("#editor-text") and self.dirty else ""
        return f" editing [b]{markup.escape(self.path)}[/b]{mark}"

    def show_title(self) -> None:
        self.query_one("#editor-title", Static).update(self.title_markup())

    def schedule_review(self) -> None:
        if self._review_timer is not None:
            self._review_timer.stop()
        self._review_timer = self.set_timer(REVIEW_DELAY, self.run_review)

    def run_review(self) -> None:
        """Review the text as typed (subclasses)."""

    # ---- saving ----------------------------------------------------------------
    def action_save(self) -> bool:
        text = self.text_area.text
        try:
            self.repo.write(self.path, text)
        except ConflictError:
            self._resolve_conflict(text)
            return False
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return False
        self._after_save(text)
        return True

    def _after_save(self, text: str) -> None:
        self.saved_text = text
        self.show_title()
        self.notify(f"saved {self.path}")
        self.run_review()
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
                self.load_disk_text(theirs)

        self.app.push_screen(ConflictScreen(self.path, diff), chosen)

    def load_disk_text(self, text: str) -> None:
        """Take the file as it is on disk now (after a conflict, $EDITOR or a promotion)."""
        self.repo.texts[self.path] = text
        self.saved_text = text
        self.text_area.load_text(text)
        self.show_title()
        self.post_message(self.Saved(self.path))

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
            self.load_disk_text(text)


class EditorScreen(TextEditor):
    """A decision record, with the rubric's findings for the text as typed beside it."""

    BINDINGS = keys.bindings("editor")

    def __init__(self, repo, path: str) -> None:
        super().__init__(repo, path)
        self.findings: list | None = None  # the rubric's findings for the text as typed

    def compose(self) -> ComposeResult:
        yield Static(self.title_markup(), id="editor-title")
        with Horizontal():
            yield TextArea.code_editor(self.saved_text, language="markdown", soft_wrap=True, id="editor-text")
            with VerticalScroll(id="editor-side"):
                yield Static("", id="editor-review")
        yield Footer()

    def on_mount(self) -> None:
        self.text_area.focus()
        self.run_review()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.show_title()
        self.schedule_review()

    def run_review(self) -> None:
        self.review(self.text_area.text)

    @work(thread=True, exclusive=True, group="editor-review", description="review the edited text")
    def review(self, text: str) -> None:
        findings = review_panel.check_text(self.path, text, self.repo)
        self.app.call_from_thread(self._show_findings, findings)

    def _show_findings(self, findings) -> None:
        self.findings = findings
        text = markup.muted("review engine not installed") if findings is None else markup.findings(findings)
        self.query_one("#editor-review", Static).update(text)

"""The git screen: changed decision files (all ticked), a prefilled message, commit."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, SelectionList

from adrtool.tui import gitops, keys, markup


class GitScreen(Screen):
    BINDINGS = keys.bindings("git")

    class Committed(Message):
        def __init__(self, sha: str) -> None:
            super().__init__()
            self.sha = sha

    def __init__(self, repo, actions: dict[str, str], message: str | None = None) -> None:
        super().__init__(id="git")
        self.repo, self.actions = repo, actions
        self.message = message  # a prefilled message (the tagging session's); else one made from the files
        self.files: list[gitops.FileState] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="git-body"):
            yield Label("Changed decision files [dim](space toggles)[/]", id="git-status")
            yield SelectionList[str](id="git-files")
            yield Label("Commit message")
            yield Input(id="git-message")
            with Horizontal(classes="buttons"):
                yield Button("Commit", variant="primary", id="git-commit")
                yield Button("Close", id="git-close")
        yield Footer()

    def on_mount(self) -> None:
        self.load_status()

    @work(thread=True, exclusive=True, group="git")
    def load_status(self) -> None:
        try:
            files = gitops.changed_decision_files(self.repo)
            message = self.message or gitops.suggest_message(self.repo, files, self.actions)
        except gitops.GitError as exc:
            self.app.call_from_thread(self._show_error, str(exc))
            return
        self.app.call_from_thread(self._show_files, files, message)

    def _show_error(self, message: str) -> None:
        self.query_one("#git-status", Label).update(f"[$text-error]{markup.escape(message)}[/]")

    def _show_files(self, files: list[gitops.FileState], message: str) -> None:
        self.files = files
        listing = self.query_one("#git-files", SelectionList)
        listing.clear_options()
        listing.add_options([(f"{f.state:9} {markup.escape(f.path)}", f.path, True) for f in files])
        if not files:
            self.query_one("#git-status", Label).update("No changed decision files.")
        self.query_one("#git-message", Input).value = message
        listing.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "git-commit":
            self.action_commit()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss()

    def on_input_submitted(self) -> None:
        self.action_commit()

    def action_commit(self) -> None:
        paths = list(self.query_one("#git-files", SelectionList).selected)
        message = self.query_one("#git-message", Input).value
        self.commit(paths, message)

    @work(thread=True, exclusive=True, group="git")
    def commit(self, paths: list[str], message: str) -> None:
        try:
            sha = gitops.commit(self.repo, paths, message)
        except gitops.GitError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Not committed", severity="error")
            return
        self.app.call_from_thread(self._committed, sha)

    def _committed(self, sha: str) -> None:
        self.notify(f"committed {sha}")
        self.post_message(self.Committed(sha))
        self.load_status()

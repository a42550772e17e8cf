"""The adrtool terminal UI: the app composes its screens and owns what they share.

One module per screen (screens/: home, reading, documents, design editor,
record editor, git, dialogs, help), each owning its keys and actions; the app
holds the repository (loading.py reads it in workers), the one write path
(writing.py), the theme and the AI worker.  Start-up never blocks: the frame
paints at once and the repository loads in a worker thread.
"""

from __future__ import annotations

import asyncio
import collections
import gc
import sys
import threading
from pathlib import Path

from rich.theme import Theme as RichTheme
from textual import events, work
from textual.app import App, SystemCommand

from adrtool.model import Decision, Kind
from adrtool.tui import estimated, keys, review_panel, themes
from adrtool.tui.collector import IdleCollector
from adrtool.tui.commands import AdrCommands
from adrtool.tui.loading import NO_REPR, EstimatesMade, HistoryLoaded, LinksIndexed, Loading, LoadFailed, RepoLoaded
from adrtool.tui.screens.home import HomeScreen
from adrtool.tui.writing import Writing

NOT_A_TERMINAL = ("adrtool: the terminal UI needs a terminal on standard input and output; "
                  "run `adrtool list` (or `adrtool --help`) instead")


class AdrApp(Loading, Writing, App):
    CSS_PATH = "app.tcss"
    TITLE = "adrtool"
    BINDINGS = keys.bindings("app")
    COMMANDS = App.COMMANDS | {AdrCommands}

    def __init__(self, start: Path | None = None, dirs: list[str] | None = None, watch: bool = True,
                 theme: str | None = None) -> None:
        super().__init__()
        self.start = start or Path.cwd()
        self.dirs = dirs or None
        self.repo = None
        self.estimates: dict | None = None  # this load's estimated tags of untagged decisions, once made
        self.actions_done: dict[str, str] = {}
        self.watch_enabled = watch
        self._watch_stop = threading.Event()
        self._ai_cancel: threading.Event | None = None  # set while an AI review runs
        self._theme_choice = theme  # a test's or the bench's choice; else the configuration's
        self.collector = IdleCollector()
        # The bench and tests wait on this: set once the first load has filled the table.
        self.loaded = asyncio.Event()
        self.repo_changed = asyncio.Event()  # set after every (re)load; tests clear it and wait
        # Every message shown this session, newest last: a toast leaves the screen after its timeout, and a
        # test (or a slow reader) must still be able to tell that it was said.
        self.said: collections.deque[str] = collections.deque(maxlen=200)

    # ---- composition ----------------------------------------------------------------------------
    def get_default_screen(self) -> HomeScreen:
        return HomeScreen()

    @property
    def home(self) -> HomeScreen:
        return self.screen_stack[0]

    @property
    def table(self):
        return self.home.table

    @property
    def detail(self):
        return self.home.detail

    def all_decisions(self) -> list[Decision]:
        return self.repo.decisions if self.repo else []

    def on_load(self) -> None:
        for theme in themes.THEMES.values():
            self.register_theme(theme)
        name, warning = (self._theme_choice, None) if self._theme_choice else self._configured_theme()
        self.theme = themes.textual_name(name)
        if warning:
            self.call_later(self.notify, warning, severity="warning")
        self.collector.start(self)  # before the load, whose worker leaves the collector as it found it
        # Start reading the decisions before the screen is built: the worker's messages wait in
        # the app's queue, which Textual only processes once everything is composed and mounted.
        self.load_repo()

    def _configured_theme(self):
        from adrtool.config import ConfigError, discover

        try:
            return themes.from_settings(discover(self.start, self.dirs).settings)
        except (ConfigError, OSError):
            return themes.DEFAULT, None  # the load reports the configuration's problem

    def on_unmount(self) -> None:
        self._watch_stop.set()
        self.collector.stop()

    async def on_event(self, event) -> None:
        if isinstance(event, events.Key):
            self.collector.key()  # no collection while keys come (collector.py)
        await super().on_event(event)

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < 100 or event.size.height < 30, "-small")  # dialogs use the room

    def watch_theme(self, name: str) -> None:
        """Rich renderables (the Markdown body) take their styles from the theme's variables too."""
        generated = self.adr_colors = themes.variables_of(self.get_theme(name))
        if getattr(self, "_rich_theme_pushed", False):
            self.console.pop_theme()
        self.console.push_theme(RichTheme(themes.rich_styles(generated)))
        self._rich_theme_pushed = True
        self.code_theme = themes.code_theme(generated)
        if self.screen_stack and self.home.is_mounted:
            self.table.restyle()
            self.home.refresh_detail()

    def get_system_commands(self, screen):
        for command in super().get_system_commands(screen):
            if command.title != "Theme":  # Textual's picker offers themes whose contrast nobody checked
                yield command
        for name in themes.THEMES:
            yield SystemCommand(f"theme: {name}", f"the {name} theme (set it in [tool.adrtool.tui] theme)",
                                lambda name=name: setattr(self, "theme", themes.textual_name(name)))

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None, markup: bool = True) -> None:
        # Messages carry paths, titles and errors as written ("[tool.adrtool.keys]", "[2026"): never markup.
        self.said.append(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # ---- what the workers made ---------------------------------------------------------------------
    def on_load_failed(self, message: LoadFailed) -> None:
        if self.is_stale(message):
            return  # a newer load is on its way: its outcome is the one to show
        self.home.load_failed(message.error)
        self.notify(message.error, title="Cannot load decisions", severity="error", timeout=10)

    def on_repo_loaded(self, message: RepoLoaded) -> None:
        if self.is_stale(message):
            return  # a newer load is on its way, read after the last write
        if not self.home.ready:  # a load faster than the first frame: shown once the home screen is up
            self._early_load = message
            return
        first = self.repo is None
        self.repo = message.repo
        self.estimates = message.estimates  # None: made after the table is up (EstimatesMade)
        self.histories = None  # the history of the previous load; this load's follows
        if first:
            keymap, warnings = keys.keymap_from_settings(self.repo.config.settings)
            if keymap:
                self.update_keymap(keymap)
            for w in warnings:
                self.notify(w, severity="warning")
            self.sub_title = self.repo.config.rel(self.repo.config.dirs[0]) if self.repo.config.dirs else ""
        self.home.show_repo(self.repo, message.prepared, self.take_follow())
        for screen in self.screen_stack[1:]:
            if hasattr(screen, "repo_changed"):
                screen.repo_changed(self.repo)
        table_painted = threading.Event()
        self.call_after_refresh(table_painted.set)
        self.index_repo(self.repo, table_painted, message.estimates is None)
        if first:
            self.loaded.set()
            if not self.repo.decisions and not self.repo.problems:
                self.offer_init()  # a missing or empty folder
            if any(d.is_dir() for d in self.repo.config.dirs):
                self.start_watching()
        self.repo_changed.set()

    def home_ready(self) -> None:
        early, self._early_load = getattr(self, "_early_load", None), None
        if early is not None:
            self.on_repo_loaded(early)

    def on_links_indexed(self, message: LinksIndexed) -> None:
        if message.repo is self.repo:
            self.detail.incoming = message.incoming

    def on_estimates_made(self, message: EstimatesMade) -> None:
        if message.repo is self.repo:
            self.estimates = message.estimates
            self.home.show_estimates(message.estimates)
            for screen in self.screen_stack[1:]:
                if hasattr(screen, "estimates_made"):
                    screen.estimates_made()

    def estimate_of(self, decision: Decision | None):
        """The estimated tags of an untagged decision (None for a tagged one)."""
        return estimated.estimate_of(self.repo, decision, self.estimates)

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        if message.repo is self.repo:
            self.histories = message.histories
            # The links index and the history live as long as the load: out of the collector's way too
            # (a full collection walking them took 30 ms in the middle of a keystroke at 10,000).
            gc.freeze()
            self.home.refresh_detail()

    def action_reload(self) -> None:
        self.load_repo()

    # ---- opening screens ----------------------------------------------------------------------------
    def read(self, decision: Decision) -> None:
        from adrtool.tui.screens.reading import ReadingScreen

        self.push_screen(ReadingScreen(decision))

    def open_editor(self, path: str, line: int | None = None) -> None:
        """A record in the record editor; anything else (a design document) in the design editor."""
        from adrtool.tui.screens.design_editor import DesignEditorScreen
        from adrtool.tui.screens.editor import EditorScreen

        if self._is_design_document(path):
            self.push_screen(DesignEditorScreen(self.repo, path, line))
        else:
            self.push_screen(EditorScreen(self.repo, path))

    def _is_design_document(self, path: str) -> bool:
        from adrtool.tui.screens.documents import design_documents

        if any(d.path == path and d.kind is Kind.RECORD for d in self.repo.decisions):
            return False
        folders = [self.repo.config.rel(f) + "/" for f in self.repo.config.design_dirs]
        return any(path.startswith(f) for f in folders) or path in design_documents(self.repo)

    def open_documents(self) -> None:
        from adrtool.tui.screens.documents import DocumentsScreen

        if self.repo is not None:
            self.push_screen(DocumentsScreen())

    def open_git(self, message: str | None = None) -> None:
        from adrtool.tui.screens.git import GitScreen

        if self.repo is not None:
            self.push_screen(GitScreen(self.repo, self.actions_done, message))

    def open_tagging(self) -> None:
        from adrtool.tui.screens.tagging import start_session

        start_session(self)

    def jump_to(self, decision: Decision) -> None:
        """Select a decision in the table, clearing the filters that hide it."""
        home = self.home
        if not home.table.select(decision):
            home.clear_filters()
            home.table.select(decision)
        if self.screen is home:
            home.table.focus()

    def on_text_editor_saved(self, message) -> None:
        self.actions_done.setdefault(message.path, "edit")
        self.load_repo()

    def on_git_screen_committed(self, message) -> None:
        self.actions_done.clear()
        self.load_history(self.repo)  # the timeline has a new commit

    # ---- help and quitting ------------------------------------------------------------------------------
    def action_help(self) -> None:
        from adrtool.tui.screens.help import HelpScreen, sections

        screen = self.screen
        where = {"home": "decisions", "reading": "reading a decision", "documents": "design documents",
                 "git": "git", "tagging": "tagging untagged decisions"}.get(screen.id or "", type(screen).__name__.removesuffix("Screen").lower())
        focused = screen.focused
        if focused is not None and focused.id in ("filter", "quadrant"):
            where += f" ({'the filter' if focused.id == 'filter' else 'the 2x2'})"
        self.push_screen(HelpScreen(where, sections(self, screen)))

    async def action_quit(self) -> None:
        from adrtool.tui.screens.dialogs import ConfirmScreen
        from adrtool.tui.screens.editor import TextEditor

        dirty = [s for s in self.screen_stack if isinstance(s, TextEditor) and s.dirty]
        if not dirty:
            self.exit()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.exit()

        self.push_screen(ConfirmScreen(f"Quit and discard unsaved changes to {dirty[0].path}?", yes="Discard"), answered)

    # ---- git review and the optional AI review -----------------------------------------------------------
    def branch_review(self) -> None:
        if self.repo is not None:
            self.notify("reviewing the branch…")
            self._review_branch()

    @work(thread=True, exclusive=True, group="branch-review", description=NO_REPR)
    def _review_branch(self) -> None:
        try:
            from adrtool import review
            report = review.run_review(self.repo)
        except (ImportError, AttributeError):
            self.call_from_thread(self.notify, "branch review is not available in this build", severity="warning")
            return
        except Exception as exc:  # e.g. no base branch: one line, never a crash
            self.call_from_thread(self.notify, str(exc).strip() or type(exc).__name__, title="Review failed", severity="error")
            return
        self.call_from_thread(self._show_branch_review, report.findings)

    def _show_branch_review(self, findings) -> None:
        from adrtool.tui.screens.dialogs import ListingScreen

        rows = [(f"{f.path}:{f.line or ''}", f"{f.severity}: {f.message}") for f in findings]
        self.push_screen(ListingScreen("branch review" + ("" if rows else ": no findings"), rows))

    def run_on_screen(self, action: str) -> None:
        """A palette command: on the screen in front when it has that action, else on the home screen."""
        screen = self.screen if hasattr(self.screen, f"action_{action.split('(')[0]}") else self.home
        self.call_later(self.run_action, action, screen)

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "ai_cancel":
            return self._ai_cancel is not None
        return True

    def start_ai_review(self, decision: Decision) -> None:
        if not review_panel.ai_enabled(self.repo):
            return
        if self._ai_cancel is not None:
            self.notify("an AI review is already running (A cancels it)", severity="warning")
            return
        self._ai_cancel = threading.Event()
        self.refresh_bindings()
        self.home.status(f"AI review of {decision.id}… (A cancels)")
        self._ai_review(decision, self._ai_cancel)

    def action_ai_cancel(self) -> None:
        if self._ai_cancel is not None:
            self._ai_cancel.set()
            self.home.status("cancelling the AI review…")

    @work(thread=True, exclusive=True, group="ai", description=NO_REPR)
    def _ai_review(self, decision: Decision, cancel: threading.Event) -> None:
        def progress(done: int, total: int, _item=None) -> None:
            self.call_from_thread(self.home.status, f"AI review {done}/{total}… (A cancels)")

        try:
            outcome = review_panel.run_ai_review(self.repo, decision, progress, cancel)
        except Exception as exc:  # the network and the SDK fail in many ways; one line, never a crash
            outcome = f"AI review failed: {type(exc).__name__}: {exc}"
        self.call_from_thread(self._ai_finished, outcome)

    def _ai_finished(self, outcome: str) -> None:
        self._ai_cancel = None
        self.refresh_bindings()
        self.notify(outcome, severity="information" if outcome.startswith("AI review done") else "warning")
        self.home.refresh_detail()  # re-read the findings, the AI's included
        if hasattr(self.screen, "gather"):
            self.screen.gather(self.screen.decision)


def run(args) -> int:
    """`adrtool` with no command: the UI, or one line (exit 2) when there is no terminal to draw on."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(NOT_A_TERMINAL, file=sys.stderr)
        return 2
    AdrApp(Path.cwd(), list(args.dir or [])).run()
    return 0

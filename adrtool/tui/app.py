"""The adrtool terminal UI: the decision table, the 2x2, the detail pane, and every writing flow.

Start-up never blocks: the frame paints at once and the repository loads in
a worker thread.  Writes are planned by adrtool.authoring (the same Change
lists the CLI's --dry-run shows) and applied through the store.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import os
import shlex
import subprocess
import threading
from pathlib import Path

from rich.markup import escape
from textual import on, work
from textual.app import App, ComposeResult, SuspendNotSupported
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Static

from adrtool.model import Decision, Kind, Relation, Status
from adrtool.tui import keys, relations, review_panel
from adrtool.tui import table as table_rows
from adrtool.tui.commands import AdrCommands
from adrtool.tui.detail import DetailPane
from adrtool.tui.dialogs import ChoiceScreen, ConfirmScreen, DecisionPicker, ListingScreen, NewDecisionScreen
from adrtool.tui.quadrant import QuadrantChart
from adrtool.tui.table import DecisionTable

STATUS_VERBS = {"accepted": "accept", "rejected": "reject", "deprecated": "deprecate",
                "superseded": "supersede", "proposed": "propose"}
HARD_TO_REVERSE = {"rejected", "deprecated", "superseded"}
MAX_PROBLEM_LINES = 6
PART_NAMES = {"DecisionTable": "decision table", "QuadrantChart": "the 2x2", "FilterInput": "filter",
              "OptionList": "links", "TextArea": "editor"}
# A worker's description, given so that Textual does not make one from repr() of its arguments:
# the repr of a Repository walks every decision (0.4 s at 10,000, holding the interpreter lock).
_NO_REPR = "adrtool worker"
# Seconds the detail pane's indexes wait for the table's first frame (a safety net: that frame comes).
TABLE_PAINT_WAIT = 2.0
NARROW = 120  # columns: below this the detail side takes a share instead of a fixed width


class RepoLoaded(Message):
    def __init__(self, repo, prepared: dict) -> None:
        super().__init__()
        self.repo = repo
        self.prepared = prepared  # the table's per-decision rows, made off the UI thread


class LinksIndexed(Message):
    def __init__(self, repo, incoming: dict) -> None:
        super().__init__()
        self.repo = repo
        self.incoming = incoming  # relations.incoming(repo)


class LoadFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class FilterInput(Input):
    BINDINGS = keys.bindings("filter")


class AdrApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "adrtool"
    BINDINGS = keys.bindings("app")
    COMMANDS = App.COMMANDS | {AdrCommands}

    def __init__(self, start: Path | None = None, dirs: list[str] | None = None, watch: bool = True) -> None:
        super().__init__()
        self.start = start or Path.cwd()
        self.dirs = dirs or None
        self.repo = None
        self.actions_done: dict[str, str] = {}  # path -> last verb, for the commit message
        self.watch_enabled = watch
        self._watch_stop = threading.Event()
        self._watching = False
        self._shown: Decision | None = None  # the decision the detail pane shows
        self._ai_cancel: threading.Event | None = None  # set while an AI review runs
        # The bench and tests wait on this: set once the first load has filled the table.
        self.loaded = asyncio.Event()
        self.repo_changed = asyncio.Event()  # set after every (re)load; tests clear it and wait

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield FilterInput(placeholder="filter: words  status:accepted  door:one-way  tag:storage", id="filter")
                yield DecisionTable(id="table")
                yield Static("loading decisions…", id="status-line")
                yield Static("", id="problems")
            with Vertical(id="right"):
                yield QuadrantChart(id="quadrant")
                yield DetailPane(id="detail")
        yield Footer()

    @property
    def table(self) -> DecisionTable:
        return self.query_one(DecisionTable)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def all_decisions(self) -> list[Decision]:
        return self.repo.decisions if self.repo else []

    def on_load(self) -> None:
        # Start reading the decisions before the screen is built: the worker's messages wait in
        # the app's queue, which Textual only processes once everything is composed and mounted.
        self.load_repo()

    def on_mount(self) -> None:
        self.table.focus()

    def on_unmount(self) -> None:
        self._watch_stop.set()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    # ---- loading (workers) ------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load_repo(self) -> None:
        from adrtool import store
        from adrtool.config import ConfigError

        reloading = gc.get_freeze_count() > 0
        gc.unfreeze()  # what the last load froze may be garbage now: let the collector see it again
        # Loading makes millions of objects that all live on; the collector walking them again and
        # again as they are made cost ~0.3 s of the first table at 10,000 decisions.
        gc.disable()
        try:
            repo = store.load(self.start, self.dirs)
            prepared = table_rows.prepare(repo.decisions)
        except (ConfigError, store.StoreError, OSError) as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        except Exception as exc:  # a bug in a reader must not close the app: say so, keep the last good state
            self.post_message(LoadFailed(f"reading the decisions failed: {type(exc).__name__}: {exc}"))
            return
        finally:
            gc.enable()
        if reloading:
            gc.collect()  # the previous load's cycles, before they would be frozen with the new one
        # The loaded decisions live until the next load: keep the garbage collector from walking
        # those millions of objects again and again (a collection in the middle of a filter
        # keystroke showed up as a 30 ms list comprehension).  The next load unfreezes them first.
        gc.freeze()
        self.post_message(RepoLoaded(repo, prepared))

    @work(thread=True, exclusive=True, group="index", description=_NO_REPR)
    def index_repo(self, repo, table_painted: threading.Event) -> None:
        """What only the detail pane needs, made once the table is on screen: resolving every link
        and reading the git history hold the interpreter lock long enough to delay the table's
        first frame by most of a second at 10,000 decisions."""
        table_painted.wait(TABLE_PAINT_WAIT)
        # Every link resolved once, so a cursor move need not scan.
        self.post_message(LinksIndexed(repo, relations.incoming(repo)))
        self.load_history(repo)

    @work(thread=True, exclusive=True, group="history", description=_NO_REPR)
    def load_history(self, repo) -> None:
        """The whole repository's git history, once per load, kept in memory for the detail pane.

        One pass over the log costs about as much as one path-limited `git log` for a single
        file in a large repository, so asking per decision as the cursor moves would be slower.
        """
        histories = review_panel.repository_history(repo)
        self.call_from_thread(self._history_loaded, repo, histories)

    def _history_loaded(self, repo, histories) -> None:
        if repo is not self.repo:
            return  # a newer load is on its way
        self._histories = histories
        if self.detail.decision is not None:
            self.review_decision(self.detail.decision)

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None, markup: bool = True) -> None:
        # Messages carry paths, titles and errors as written ("[tool.adrtool.keys]", "[2026"): never markup.
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.query_one("#status-line", Static).update(f"[red]{escape(message.error)}[/]")
        self.notify(message.error, title="Cannot load decisions", severity="error", timeout=10)

    async def wait_idle(self) -> None:
        """Wait until no worker but the folder watcher is running (tests and the bench use this)."""
        from textual.worker import WorkerCancelled

        while busy := [w for w in self.workers if w.group != "watch" and not w.is_finished]:
            try:
                await self.workers.wait_for_complete(busy)
            except WorkerCancelled:  # an exclusive worker replaced by a newer one: nothing to wait for
                pass

    def on_repo_loaded(self, message: RepoLoaded) -> None:
        first = self.repo is None
        self.repo = message.repo
        self._histories = None  # the history of the previous load; this load's follows
        if first:
            keymap, warnings = keys.keymap_from_settings(self.repo.config.settings)
            if keymap:
                self.update_keymap(keymap)
            for w in warnings:
                self.notify(w, severity="warning")
            self.sub_title = self.repo.config.rel(self.repo.config.dirs[0]) if self.repo.config.dirs else ""
        self.detail.incoming = None  # made for the previous repository; the new one follows (LinksIndexed)
        self.table.set_decisions(self.repo.decisions, message.prepared)
        self.query_one(QuadrantChart).show_counts(self.repo.decisions)
        self._show_problems()
        table_painted = threading.Event()
        self.call_after_refresh(table_painted.set)
        self.index_repo(self.repo, table_painted)
        if first:
            self.loaded.set()
            if not self.repo.decisions and not self.repo.problems:
                self.offer_init()  # a missing or empty folder
            if any(d.is_dir() for d in self.repo.config.dirs):
                self.start_watching()
        self.repo_changed.set()

    def on_links_indexed(self, message: LinksIndexed) -> None:
        if message.repo is self.repo:
            self.detail.incoming = message.incoming

    def _show_problems(self) -> None:
        problems = self.repo.problems + [p for d in self.repo.decisions for p in d.problems if p.severity == "error"]
        widget = self.query_one("#problems", Static)
        widget.display = bool(problems)
        if problems:
            lines = [f"[b red]{len(problems)} problem(s) reading files[/]"]
            lines += [f"[red]{escape(str(p))}[/]" for p in problems[:MAX_PROBLEM_LINES]]
            if len(problems) > MAX_PROBLEM_LINES:
                lines.append(f"… and {len(problems) - MAX_PROBLEM_LINES} more (`adrtool lint`)")
            widget.update("\n".join(lines))

    def action_reload(self) -> None:
        self.load_repo()

    # ---- live: watch the decision folders ------------------------------------------
    def start_watching(self) -> None:
        if self.watch_enabled and not self._watching:
            self._watching = True
            self.watch_folders()

    @work(thread=True, exclusive=True, group="watch")
    def watch_folders(self) -> None:
        from watchfiles import watch

        folders = [str(d) for d in [*self.repo.config.dirs, *self.repo.config.design_dirs] if d.is_dir()]
        if not folders:
            return
        try:
            for _changes in watch(*folders, stop_event=self._watch_stop, debounce=200, rust_timeout=500):
                self.call_from_thread(self.load_repo)
        except Exception as exc:  # e.g. the folder was deleted: stop watching, keep working (ctrl+r reloads)
            self._watching = False
            self.call_from_thread(self.notify, f"stopped watching for changes: {exc}", severity="warning")

    # ---- table, filter, quadrant, detail -----------------------------------------------
    def on_decision_table_filled(self, message: DecisionTable.Filled) -> None:
        table = self.table
        parts = [f"{message.shown} of {message.total} decisions"]
        if table.quadrant:
            parts.append(f"quadrant {table.quadrant}")
        if table.hide_closed:
            parts.append("closed hidden (x)")
        parts.append(f"sorted by {table.sort_column}{' ↓' if table.sort_reverse else ''}")
        # The refilled table is painted first; the status line and the detail pane follow together in
        # the next frame.  The status line is one line of fixed size: updating it needs no layout of
        # the whole screen (~30 ms a keystroke when it was in the table's frame).
        self.call_after_refresh(self._after_refill, " · ".join(parts))

    def _after_refill(self, status: str) -> None:
        self.query_one("#status-line", Static).update(status, layout=False)
        self._show_current()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.table.set_query(event.value)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.table.focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        self.table.focus()

    def on_quadrant_chart_selected(self, message: QuadrantChart.Selected) -> None:
        self.table.set_quadrant(message.quadrant)

    def action_quadrant(self, quadrant: str) -> None:
        chart = self.query_one(QuadrantChart)
        chart.selected = quadrant
        self.table.set_quadrant(quadrant)

    def action_toggle_closed(self) -> None:
        self.table.toggle_closed()

    def action_sort(self, column: str) -> None:
        self.table.sort_by(column)

    @on(DataTable.RowSelected, "#table")
    def row_selected(self) -> None:
        """Enter opens: a record in the editor, an inline decision in its design document."""
        decision = self.table.current()
        if decision is not None:
            self.action_open_document() if decision.kind is Kind.INLINE else self.open_editor(decision.path)

    @on(DataTable.RowHighlighted, "#table")
    def row_highlighted(self) -> None:
        self._show_current()

    def _show_current(self) -> None:
        if self.repo is None or not self.detail.display:
            return  # a hidden pane is not re-rendered
        decision = self.table.current()
        if decision is self._shown and decision is not None:
            return
        self._shown = decision
        self.detail.show(self.repo, decision)

    def on_detail_pane_rested(self, message: DetailPane.Rested) -> None:
        decision = message.decision
        if decision is not None and decision is self.detail.decision:
            self.review_decision(decision)

    @work(thread=True, exclusive=True, group="review", description=_NO_REPR)
    def review_decision(self, decision: Decision) -> None:
        """Once the cursor rests: this decision's git history (one `git log` for its file), then the rubric."""
        history = review_panel.history_of(self.repo, decision, getattr(self, "_histories", None))
        if self.detail.decision is decision:
            self.call_from_thread(self.detail.set_history, history)
        findings = review_panel.check(decision, self.repo, history)
        ai_findings = review_panel.stored_ai_findings(self.repo, decision)
        if ai_findings:
            findings = (findings or []) + ai_findings
        if findings is None:
            self.call_from_thread(self.detail.set_findings, None, True)
        elif self.detail.decision is decision:
            self.call_from_thread(self.detail.set_findings, findings)

    def jump_to(self, decision: Decision) -> None:
        """Select a decision, clearing filters that hide it."""
        if not self.table.select(decision):
            self.query_one("#filter", Input).value = ""
            self.action_quadrant("")
            self.table.hide_closed = False
            self.table.set_query("")
            self.table.select(decision)
        self.table.focus()

    def on_detail_pane_follow_link(self, message: DetailPane.FollowLink) -> None:
        self.jump_to(message.decision)

    def action_follow_link(self) -> None:
        target = self.detail.first_link_target()
        if target is None:
            self.notify("this decision links to nothing")
        else:
            self.jump_to(target)

    # ---- help ---------------------------------------------------------------------------
    def action_help(self) -> None:
        """The keys of the focused part first (Textual orders active bindings from the focus outward)."""
        focused = self.focused
        where = PART_NAMES.get(type(focused).__name__, type(focused).__name__) if focused else "adrtool"
        rows = []
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.description and active.enabled and self.check_action(binding.action.removeprefix("app."), ()) is not False:
                label = self.get_key_display(dataclasses.replace(binding, key=key, key_display=None))
                rows.append((label, f"{binding.description}  [{binding.id}]" if binding.id else binding.description))
        self.push_screen(ListingScreen(f"Keys: {where}", rows,
                                       "Rebind any key in [tool.adrtool.keys] by its id; ctrl+p opens the command palette."))

    # ---- quitting: never lose typed text ----------------------------------------------------
    async def action_quit(self) -> None:
        from adrtool.tui.editor import EditorScreen

        dirty = [s for s in self.screen_stack if isinstance(s, EditorScreen) and s.dirty]
        if not dirty:
            self.exit()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.exit()

        self.push_screen(ConfirmScreen(f"Quit and discard unsaved changes to {dirty[0].path}?", yes="Discard"), answered)

    # ---- writing ---------------------------------------------------------------------------------
    def _selected(self) -> Decision | None:
        decision = self.table.current()
        if decision is None:
            self.notify("no decision selected", severity="warning")
        return decision

    def _operations(self):
        try:
            from adrtool.authoring import changes, operations
        except ImportError:
            self.notify("authoring operations are not available in this build", severity="error")
            return None, None
        return operations, changes

    def _apply(self, planned, verb: str, question: str | None = None) -> None:
        """Plan with `planned()` (-> list[Change]), ask first when `question`, apply, remember the verb, reload."""
        operations, changes = self._operations()
        if operations is None:
            return
        try:
            plan = planned(operations)
        except Exception as exc:  # StoreError is the user's to fix; anything else must not close the app either
            self.notify(_one_line(exc), title="Not changed", severity="error")
            return
        if not plan:
            self.notify("nothing to change")
            return

        def go(confirmed: bool | None = True) -> None:
            if not confirmed:
                return
            try:
                changes.apply(self.repo, plan)
            except Exception as exc:
                self.notify(_one_line(exc), title="Not changed", severity="error")
                return
            for change in plan:
                self.actions_done[change.path] = verb
            self.notify(f"{verb}: " + ", ".join(c.path for c in plan))
            self.load_repo()

        if question:
            self.push_screen(ConfirmScreen(question, "".join(c.diff() for c in plan), yes="Apply"), go)
        else:
            go()

    def action_set_choice(self) -> None:
        self._ask_tag("choice", [("deliberate", "deliberate: weighed with care"), ("arbitrary", "arbitrary: just picked")])

    def action_set_door(self) -> None:
        self._ask_tag("door", [("one-way", "one-way door: hard to undo"), ("two-way", "two-way door: cheap to change")])

    def _ask_tag(self, name: str, options: list[tuple[str, str]]) -> None:
        decision = self._selected()
        if decision is None:
            return

        def chosen(value: str | None) -> None:
            if value:
                self._apply(lambda ops: ops.set_tags(self.repo, decision, **{name: value}), "tag")

        self.push_screen(ChoiceScreen(f"{name} of {decision.id} {decision.title}", options), chosen)

    def action_set_status(self) -> None:
        from adrtool.authoring import lifecycle

        decision = self._selected()
        if decision is None:
            return
        # superseded needs the superseding decision: that is its own key (S)
        allowed = sorted(s.value for s in lifecycle.ALLOWED.get(decision.status, set()) if s is not Status.SUPERSEDED)
        if not allowed:
            self.notify(f"{decision.status.value} is final; its status does not change", severity="warning")
            return

        def chosen(value: str | None) -> None:
            if not value:
                return
            question = f"Set {decision.id} to {value}? This is hard to reverse." if value in HARD_TO_REVERSE else None
            self._apply(lambda ops: ops.set_status(self.repo, decision, value), STATUS_VERBS.get(value, value), question)

        self.push_screen(ChoiceScreen(f"status of {decision.id} (now {decision.status.value})",
                                      [(s, s) for s in allowed]), chosen)

    def action_supersede(self) -> None:
        old = self._selected()
        if old is None:
            return

        def chosen(new: Decision | None) -> None:
            if new is None:
                return
            if new is old:
                self.notify("a decision cannot supersede itself", severity="warning")
                return
            self._apply(lambda ops: ops.supersede(self.repo, old, new), "supersede",
                        f"Mark {old.id} superseded by {new.id}?")

        others = [d for d in self.repo.records if d is not old]
        self.push_screen(DecisionPicker(f"Which decision supersedes {old.id} {old.title}?", others), chosen)

    def action_link(self) -> None:
        src = self._selected()
        if src is None:
            return
        relations = [(Relation.RELATES_TO.value, "relates to"), (Relation.AMENDS.value, "amends")]

        def relation_chosen(relation: str | None) -> None:
            if not relation:
                return

            def target_chosen(dst: Decision | None) -> None:
                if dst is not None:
                    self._apply(lambda ops: ops.link(self.repo, src, Relation(relation), dst), "link",
                                f"Link {src.id} {relation} {dst.id}?")

            others = [d for d in self.repo.records if d is not src]
            self.push_screen(DecisionPicker(f"{src.id} {relation} …", others), target_chosen)

        self.push_screen(ChoiceScreen(f"link {src.id} to another decision", relations), relation_chosen)

    def action_new_decision(self) -> None:
        if self.repo is None:
            return

        def answered(form: dict | None) -> None:
            if not form:
                return
            operations, changes = self._operations()
            if operations is None:
                return
            try:
                path, plan = operations.new_decision(self.repo, form["title"], choice=form["choice"], door=form["door"])
                changes.apply(self.repo, plan)
            except Exception as exc:
                self.notify(_one_line(exc), title="Not created", severity="error")
                return
            self.actions_done[path] = "add"
            self.load_repo()
            self.open_editor(path)

        self.push_screen(NewDecisionScreen(), answered)

    # ---- editing ---------------------------------------------------------------------------
    def action_edit(self) -> None:
        decision = self._selected()
        if decision is not None:
            self.open_editor(decision.path)

    def open_editor(self, path: str) -> None:
        from adrtool.tui.editor import EditorScreen

        self.push_screen(EditorScreen(self.repo, path))

    def on_editor_screen_saved(self, message) -> None:
        self.actions_done.setdefault(message.path, "edit")
        self.load_repo()

    def action_external_edit(self) -> None:
        decision = self._selected()
        if decision is not None and self.edit_externally(decision.path):
            self.actions_done.setdefault(decision.path, "edit")
            self.load_repo()

    def edit_externally(self, path: str) -> bool:
        """$VISUAL or $EDITOR on the file, with the app suspended; True when the editor ran."""
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not command:
            self.notify("set $VISUAL or $EDITOR to edit outside adrtool (or press e)", severity="warning")
            return False
        try:
            with self.suspend():
                subprocess.run([*shlex.split(command), str(self.repo.root / path)], check=False)
        except SuspendNotSupported:
            self.notify("this terminal cannot hand over to an external editor", severity="error")
            return False
        except OSError as exc:
            self.notify(f"{command}: {exc.strerror}", severity="error")
            return False
        return True

    # ---- design documents ----------------------------------------------------------------------
    def action_open_document(self) -> None:
        from adrtool.tui.document import DocumentScreen

        decision = self._selected()
        if decision is None:
            return
        if decision.kind is not Kind.INLINE:
            self.notify("not an inline decision: e edits this record", severity="warning")
            return
        inline = [d for d in self.repo.inline if d.path == decision.path]

        def chosen(target: Decision | None) -> None:
            if target is not None:
                self.jump_to(target)

        self.push_screen(DocumentScreen(self.repo, decision.path, inline, decision), chosen)

    # ---- git and review ------------------------------------------------------------------------
    def action_git(self) -> None:
        from adrtool.tui.git_screen import GitScreen

        if self.repo is not None:
            self.push_screen(GitScreen(self.repo, self.actions_done))

    def on_git_screen_committed(self, message) -> None:
        self.actions_done.clear()
        self._shown = None  # the timeline has a new commit
        self._show_current()

    def action_branch_review(self) -> None:
        if self.repo is not None:
            self.notify("reviewing the branch…")
            self.review_branch()

    @work(thread=True, exclusive=True, group="branch-review")
    def review_branch(self) -> None:
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
        rows = [(f"{f.path}:{f.line or ''}", f"{f.severity}: {f.message}") for f in findings]
        self.push_screen(ListingScreen("branch review" + ("" if rows else ": no findings"), rows))

    # ---- the optional AI review -------------------------------------------------------------------
    def check_action(self, action: str, parameters) -> bool | None:
        if action == "ai_review":
            return review_panel.ai_enabled(self.repo)  # no AI key in the footer unless the repo opted in
        if action == "ai_cancel":
            return self._ai_cancel is not None
        return True

    def action_ai_review(self) -> None:
        decision = self._selected()
        if decision is None or not review_panel.ai_enabled(self.repo):
            return
        if self._ai_cancel is not None:
            self.notify("an AI review is already running (A cancels it)", severity="warning")
            return
        self._ai_cancel = threading.Event()
        self.refresh_bindings()
        self.query_one("#status-line", Static).update(f"AI review of {decision.id}… (A cancels)")
        self.ai_review(decision, self._ai_cancel)

    def action_ai_cancel(self) -> None:
        if self._ai_cancel is not None:
            self._ai_cancel.set()
            self.query_one("#status-line", Static).update("cancelling the AI review…")

    @work(thread=True, exclusive=True, group="ai", description=_NO_REPR)
    def ai_review(self, decision: Decision, cancel: threading.Event) -> None:
        def progress(done: int, total: int, _item=None) -> None:
            self.call_from_thread(self.query_one("#status-line", Static).update,
                                  f"AI review {done}/{total}… (A cancels)")

        try:
            outcome = review_panel.run_ai_review(self.repo, decision, progress, cancel)
        except Exception as exc:  # the network and the SDK fail in many ways; one line, never a crash
            outcome = f"AI review failed: {type(exc).__name__}: {exc}"
        self.call_from_thread(self._ai_finished, outcome)

    def _ai_finished(self, outcome: str) -> None:
        self._ai_cancel = None
        self.refresh_bindings()
        self.notify(outcome, severity="information" if outcome.startswith("AI review done") else "warning")
        self._shown = None  # re-read the findings, the AI's included
        self._show_current()

    # ---- init ----------------------------------------------------------------------------------
    def offer_init(self) -> None:
        folder = self.repo.config.rel(self.repo.config.dirs[0])

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            operations, changes = self._operations()
            if operations is None:
                return
            try:
                plan = operations.init(self.repo.root, folder)
                changes.apply(self.repo, plan)
            except Exception as exc:
                self.notify(_one_line(exc), title="init failed", severity="error")
                return
            if not plan:
                self.notify(f"{folder}/ is already set up: press n to write the first decision")
                return
            self.notify("created " + ", ".join(c.path for c in plan))
            self.load_repo()
            self.start_watching()

        state = "is empty" if (self.repo.root / folder).is_dir() else "does not exist"
        self.push_screen(ConfirmScreen(f"The decision folder {folder}/ {state}. Set it up (adrtool init)?", yes="Init"),
                         answered)


def _one_line(exc: Exception) -> str:
    """A StoreError's own message; for anything else (a bug) its type too, so it can be reported."""
    from adrtool.store import StoreError

    text = str(exc).strip() or type(exc).__name__
    return text if isinstance(exc, StoreError) else f"{type(exc).__name__}: {text}"


def run(args) -> int:
    AdrApp(Path.cwd(), list(args.dir or [])).run()
    return 0

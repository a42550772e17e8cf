"""The home screen: the decision table with its filter, the 2x2, and the detail pane of the current row.

The layout follows the terminal: below NARROW columns the detail pane gives
its room to the table (Enter opens the reading view, the detail as a screen
of its own); below SHORT rows, or when narrow, the 2x2 collapses to one line
above the table.  This screen owns the filter, quadrant and selection state
and the keys that act on the decision under the cursor (DecisionActions).
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from adrtool.model import Decision
from adrtool.tui import estimated, keys, markup, review_panel
from adrtool.tui.decision_actions import DecisionActions
from adrtool.tui.loading import NO_REPR
from adrtool.tui.widgets.detail import DetailPane
from adrtool.tui.widgets.quadrant import QuadrantChart, QuadrantSummary, in_force_counts
from adrtool.tui.widgets.table import DecisionTable

NARROW = 110  # columns: below this the detail pane is a screen of its own (the reading view)
SHORT = 34  # rows: below this the 2x2 is one line above the table
MAX_PROBLEM_LINES = 6
REVIEW_REST = 0.25  # seconds the cursor rests on a shown body before its review starts
TYPING_REST = 0.12  # seconds of no filter keystroke before the detail pane shows the current row
FILTER_HELP = "filter: words  status:accepted  door:one-way  tag:storage"


class FilterInput(Input):
    BINDINGS = keys.bindings("filter")
    # Input sets its virtual size on every keystroke; its own size is fixed by the stylesheet, so
    # that needs a repaint, not a layout of the whole screen (as DecisionTable.virtual_size).
    virtual_size = Reactive(Size(0, 0), layout=False)

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        # The table refills now, inside the keystroke's own handling, so that the letter and its rows
        # are drawn in one frame: refilling on Input.Changed let the letter's frame go first, and the
        # screen's frame timer then held the rows back for one to two more frame periods (17-33 ms).
        if self.is_mounted and isinstance(self.screen, HomeScreen) and self.screen.ready:
            self.screen.table.set_query(value)


class HomeScreen(DecisionActions, Screen):
    BINDINGS = keys.bindings("home")

    def __init__(self) -> None:
        super().__init__(id="home")
        self.ready = False  # composed and mounted: the app may hand over a loaded repository
        self._shown: Decision | None = None  # the decision the detail pane shows
        self._review_timer = None
        self._detail_timer = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield QuadrantSummary("", id="summary")
                yield FilterInput(placeholder=FILTER_HELP, id="filter")
                yield Static("", id="filter-hint")
                yield DecisionTable(id="table")
                yield Static("", id="legend")
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

    @property
    def side_by_side(self) -> bool:
        return not self.has_class("-narrow")

    def current_decision(self) -> Decision | None:
        return self.table.current()

    def on_mount(self) -> None:
        self.table.focus()
        self._fit(self.app.size)
        self.ready = True
        self.app.home_ready()

    def on_resize(self, event) -> None:
        self._fit(event.size)

    def _fit(self, size) -> None:
        narrow, short = size.width < NARROW, size.height < SHORT
        self.set_class(narrow, "-narrow")
        self.set_class(narrow or short, "-compact")
        footer = self.query_one(Footer)
        footer.compact = narrow  # the keys that work here, all of them, in 80 columns
        footer.show_command_palette = not narrow
        if not narrow:
            self._shown = None
            self.call_after_refresh(self._show_current)

    # ---- the repository, as loaded ---------------------------------------------------------------
    def show_repo(self, repo, prepared, follow=None) -> None:
        """A (re)load: every widget from the new decisions; the cursor stays, or follows `follow`."""
        self.detail.incoming = None  # made for the previous repository; the new one follows (LinksIndexed)
        self.table.set_decisions(repo.decisions, prepared)
        if follow is not None:
            self._select_file(repo, *follow)
        self._show_counts(repo, self.app.estimates)
        self._show_problems(repo)
        self._shown = None

    def _show_counts(self, repo, estimates: dict | None) -> None:
        counts, live = in_force_counts(repo.decisions)
        guessed = estimated.counts(repo.decisions, estimates) if estimates else None
        self.query_one(QuadrantChart).show_counts(counts, live, len(repo.decisions), guessed)
        self.query_one(QuadrantSummary).show_counts(counts, live, self.table.quadrant, guessed)

    def show_estimates(self, estimates: dict) -> None:
        """This load's estimates, made once the table was up: in the cells, the 2x2 and the pane."""
        self.table.show_estimates(estimates)
        self._show_counts(self.app.repo, estimates)
        self.refresh_detail()

    def _select_file(self, repo, path: str, line: int | None) -> None:
        """The decision of that file (at that line): a created, renumbered or promoted one."""
        found = [d for d in repo.decisions if d.path == path]
        target = next((d for d in found if line is None or d.line == line), found[0] if found else None)
        if target is not None:
            self.app.jump_to(target)

    def _show_problems(self, repo) -> None:
        problems = repo.problems + [p for d in repo.decisions for p in d.problems if p.severity == "error"]
        widget = self.query_one("#problems", Static)
        widget.display = bool(problems)
        if problems:
            lines = [f"[b $text-error]{len(problems)} problem(s) reading files[/]"]
            lines += [f"[$text-error]{markup.escape(str(p))}[/]" for p in problems[:MAX_PROBLEM_LINES]]
            if len(problems) > MAX_PROBLEM_LINES:
                lines.append(f"… and {len(problems) - MAX_PROBLEM_LINES} more (`adrtool lint`)")
            widget.update("\n".join(lines))

    def load_failed(self, error: str) -> None:
        self.query_one("#status-line", Static).update(f"[$text-error]{markup.escape(error)}[/]")

    def status(self, text: str) -> None:
        self.query_one("#status-line", Static).update(markup.escape(text), layout=False)

    # ---- table, filter, quadrant, detail ---------------------------------------------------------
    def on_decision_table_filled(self, message: DecisionTable.Filled) -> None:
        table = self.table
        parts = [f"{message.shown} of {message.total} decisions"]
        if table.quadrant:
            parts.append(f"quadrant {table.quadrant}")
        if table.hide_closed:
            parts.append("closed hidden (x)")
        parts.append("ranked by match" if table.ranked else f"sorted by {table.sort_column}{' ↓' if table.sort_reverse else ''}")
        hint = self.query_one("#filter-hint", Static)
        if message.hints or hint.display:
            hint.update(markup.muted(markup.escape(message.hints[0])) if message.hints else "")
            hint.display = bool(message.hints)
        # The refilled table is painted first; the status line and the detail pane follow together in
        # the next frame.  The status line is one line of fixed size: updating it needs no layout of
        # the whole screen (~30 ms a keystroke when it was in the table's frame).
        self.call_after_refresh(self._after_refill, " · ".join(parts), message.typed)

    def on_decision_table_layout(self, message: DecisionTable.Layout) -> None:
        legend = self.query_one("#legend", Static)
        legend.update(markup.muted(markup.escape(message.legend)))
        legend.display = bool(message.legend)

    def _after_refill(self, status: str, typed: bool) -> None:
        self.status(status)
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if typed:  # the detail pane's layout waits for the typing to pause
            self._detail_timer = self.set_timer(TYPING_REST, self.flush_detail)
        else:
            self._show_current()

    def flush_detail(self) -> None:
        """Show the current row in the detail pane now (after typing pauses; tests call it)."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = None
        self._show_current()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.table.focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""  # the cursor stays on its decision

    def on_quadrant_chart_selected(self, message: QuadrantChart.Selected) -> None:
        self.action_quadrant(message.quadrant)

    def action_quadrant(self, quadrant: str) -> None:
        self.query_one(QuadrantChart).selected = quadrant
        self.query_one(QuadrantSummary).show_selected(quadrant)
        self.table.set_quadrant(quadrant)

    def action_toggle_closed(self) -> None:
        self.table.toggle_closed()

    def action_sort(self, column: str) -> None:
        self.table.sort_by(column)

    def clear_filters(self) -> None:
        """Show every decision again (jumping to one the filters hide)."""
        self.query_one("#filter", Input).value = ""
        self.table.query_text = ""
        self.query_one(QuadrantChart).selected = ""
        self.query_one(QuadrantSummary).show_selected("")
        self.table.quadrant, self.table.hide_closed = "", False
        self.table.refill()

    @on(DataTable.RowSelected, "#table")
    def row_selected(self) -> None:
        """Enter (or a click on the current row) opens the reading view."""
        decision = self.table.current()
        if decision is not None:
            self.app.read(decision)

    @on(DataTable.RowHighlighted, "#table")
    def row_highlighted(self) -> None:
        self._show_current()  # usually done already, by cursor_moved

    def cursor_moved(self) -> None:
        """The table's cursor moved (called by the table itself): the moved cursor and the pane's header
        in one frame.  Drawing the table's frame first and the pane in the next cost more than the
        pane's layout saved: the screen's frame timer holds a second frame back by 17-33 ms."""
        self._show_current()

    def _show_current(self) -> None:
        if self.app.repo is None or not self.side_by_side:
            return  # a hidden pane is not re-rendered
        decision = self.table.current()
        if decision is self._shown and decision is not None:
            return
        self._shown = decision
        self.detail.show(self.app.repo, decision)

    def refresh_detail(self) -> None:
        """Show the current decision again (a commit, an AI result, the history arrived)."""
        self._shown = None
        self._show_current()

    def on_detail_pane_rested(self, message: DetailPane.Rested) -> None:
        """The body is shown; the slower work (git history, card, rubric) once the cursor has rested a
        little longer, so skimming down the table does not start a review for every row passed."""
        decision = message.decision
        if self._review_timer is not None:
            self._review_timer.stop()
        if decision is not None and decision is self.detail.decision:
            self._review_timer = self.set_timer(REVIEW_REST, lambda: self._review_if_shown(decision))

    def _review_if_shown(self, decision: Decision) -> None:
        self._review_timer = None
        if decision is not None and decision is self.detail.decision:
            self.review_decision(decision)

    def flush_review(self) -> None:
        """Start a waiting review now (tests call this instead of sleeping)."""
        if self._review_timer is not None:
            self._review_timer.stop()
            self._review_if_shown(self.detail.decision)

    @work(thread=True, exclusive=True, group="review", description=NO_REPR)
    def review_decision(self, decision: Decision) -> None:
        """Once the cursor rests: its git history, the reasoning card, then the rubric and stored AI findings."""
        app = self.app
        history = review_panel.history_of(app.repo, decision, app.histories)
        if self.detail.decision is not decision:
            return  # the cursor moved on: the rest is for a decision no longer shown
        app.call_from_thread(self.detail.set_history, history)
        card = review_panel.card_for(decision, app.repo, history)
        if self.detail.decision is not decision:
            return
        app.call_from_thread(self.detail.set_card, card)
        findings = review_panel.findings_for(decision, app.repo, history)
        if findings is None:
            app.call_from_thread(self.detail.set_findings, None, True)
        elif self.detail.decision is decision:
            app.call_from_thread(self.detail.set_findings, findings)

    def on_detail_pane_follow_link(self, message: DetailPane.FollowLink) -> None:
        self.app.jump_to(message.decision)

    def action_follow_link(self) -> None:
        decision = self._selected()
        if decision is None:
            return
        from adrtool.tui import relations

        target = next((i.target for i in relations.links_of(self.app.repo, decision, self.detail.incoming)
                       if i.target is not None), None)
        if target is None:
            self.notify("this decision links to nothing")
        else:
            self.app.jump_to(target)

    # ---- other screens and flows --------------------------------------------------------------------
    def action_read_current(self) -> None:
        decision = self._selected()
        if decision is not None:
            self.app.read(decision)

    def action_new_decision(self) -> None:
        self.app.new_decision()

    def action_documents(self) -> None:
        self.app.open_documents()

    def action_git(self) -> None:
        self.app.open_git()

    def action_tag_session(self) -> None:
        self.app.open_tagging()

    def action_branch_review(self) -> None:
        self.app.branch_review()

"""The reading view (Enter): one decision rendered, with everything known about it.

Its tags, status, dates and authors from git, links both ways (Enter follows
one), references and governed paths, the reasoning card, the review's findings
and stored AI results, and the body rendered (Markdown; RST converted).  `]` and
`[` read the next and previous decision of the table; `e` edits, `E` opens
$EDITOR; the decision keys of the home screen work here too.  Wide terminals
put the body beside the rest; narrow ones stack them (this is then the detail
pane, as a screen of its own).
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from adrtool.model import Decision
from adrtool.reasoning.estimate import missing
from adrtool.tui import keys, markup, relations, review_panel
from adrtool.tui.decision_actions import DecisionActions
from adrtool.tui.loading import NO_REPR
from adrtool.tui.widgets.detail import render_markdown
from adrtool.tui.widgets.table_rows import row_key

SIDE_BY_SIDE = 120  # columns from which the body sits beside the rest


class RecordView(Screen):
    """One decision shown with everything known about it; the reading view and the tagging session.

    A subclass gives its title line (`title_text`) and may put widgets first (`lead`)."""

    def __init__(self, decision: Decision, id: str) -> None:
        super().__init__(id=id)
        self.decision = decision
        self._links: list[relations.LinkItem] = []
        self.card = self.findings = self.history = None  # filled in by the worker
        self._wide = None

    def lead(self) -> list:
        return []

    def title_text(self, decision: Decision) -> str:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        self._wide = self.app.size.width >= SIDE_BY_SIDE
        yield Static("", id="reading-title")
        parts = [*self.lead(), Static("", id="reading-meta"), Static("", id="reading-git"),
                 OptionList(id="reading-links"), Static("", id="reading-refs")]
        later = [Static("", id="reading-card"), Static("", id="reading-review"), Static("", id="reading-ai"),
                 Static("", id="reading-history")]
        body = Static("", id="reading-text")
        if self._wide:
            with Horizontal(id="reading-columns"):
                with VerticalScroll(id="reading-body"):
                    yield body
                with VerticalScroll(id="reading-side"):
                    yield from parts
                    yield from later
        else:
            with VerticalScroll(id="reading-body"):
                yield from parts
                yield body
                yield from later
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.decision)

    def on_resize(self, event) -> None:
        if self._wide is not None and (event.size.width >= SIDE_BY_SIDE) != self._wide:
            self.refresh(recompose=True)
            self.call_after_refresh(self.show, self.decision)

    # ---- showing one decision --------------------------------------------------------------------
    def show(self, decision: Decision) -> None:
        app = self.app
        self.decision = decision
        self.card = self.findings = self.history = None
        est = app.estimate_of(decision)
        self.query_one("#reading-title", Static).update(self.title_text(decision))
        self.query_one("#reading-meta", Static).update(markup.header(decision, est, quote_width=400))
        self.query_one("#reading-git", Static).update(markup.dates_and_authors(None))
        self._links = relations.links_of(app.repo, decision, app.home.detail.incoming)
        links = self.query_one("#reading-links", OptionList)
        links.clear_options()
        links.add_options([Option(markup.link_label(item)) for item in self._links])
        links.display = bool(self._links)
        if self._links:
            links.highlighted = 0
        refs = markup.references(decision)
        self.query_one("#reading-refs", Static).update(refs)
        self.query_one("#reading-refs").display = bool(refs)
        self.query_one("#reading-card", Static).update(markup.card(None))
        self.query_one("#reading-review", Static).update(markup.findings(None))
        self.query_one("#reading-ai", Static).display = False
        self.query_one("#reading-history", Static).update("")
        evidence = [e for guess in missing(decision, est).values() for e in guess.evidence] if est else ()
        self.query_one("#reading-text", Static).update(
            render_markdown(app, markup.body_text(app.repo, decision), evidence, converted=decision.dialect == "rst"))
        self.query_one("#reading-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()
        self.gather(decision)

    def estimates_made(self) -> None:
        """This load's estimates arrived: the decision shown again with its own."""
        self.show(self.decision)

    @work(thread=True, exclusive=True, group="reading", description=NO_REPR)
    def gather(self, decision: Decision) -> None:
        """Git history, the reasoning card, the rubric's findings merged with stored AI ones, the stored AI summary."""
        app = self.app
        history = review_panel.history_of(app.repo, decision, app.histories)
        card = review_panel.card_for(decision, app.repo, history)
        findings = review_panel.findings_for(decision, app.repo, history)
        summary = review_panel.stored_summary(app.repo, decision)
        app.call_from_thread(self._gathered, decision, history, card, findings, summary)

    def _gathered(self, decision, history, card, findings, summary) -> None:
        if decision is not self.decision or not self.is_mounted:
            return
        self.history, self.card, self.findings = history, card, findings
        self.query_one("#reading-git", Static).update(markup.dates_and_authors(history) if history is not None
                                                      else markup.muted("git: no history (not a git repository?)"))
        self.query_one("#reading-card", Static).update(markup.card(card, quote_width=400))
        review = self.query_one("#reading-review", Static)
        review.update(markup.findings(findings) if findings is not None else "")
        ai = self.query_one("#reading-ai", Static)
        ai.update(markup.ai_summary(summary))
        ai.display = bool(summary)
        self.query_one("#reading-history", Static).update(markup.timeline(history))

    def repo_changed(self, repo) -> None:
        """After a reload: the same decision, as read now (its file may have just been written)."""
        key = row_key(self.decision)
        same = [d for d in repo.decisions if d.path == self.decision.path]
        found = next((d for d in same if row_key(d) == key), same[0] if same else None)
        if found is None:
            self.notify(f"{self.decision.path} is gone", severity="warning")
            self.dismiss()
            return
        self.show(found)

    def action_scroll_down(self) -> None:
        self.query_one("#reading-body", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#reading-body", VerticalScroll).scroll_up()


class ReadingScreen(DecisionActions, RecordView):
    BINDINGS = keys.bindings("reading")

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision, id="reading")

    def current_decision(self) -> Decision | None:
        return self.decision

    def title_text(self, decision: Decision) -> str:
        shown = self.app.home.table.shown
        position = next((i for i, d in enumerate(shown) if d is decision), None)
        where = f"{position + 1} of {len(shown)}" if position is not None else "not in the table's filter"
        return f" reading [b]{markup.escape(decision.id)}[/b]  {markup.muted(markup.escape(where + ' · ] next · [ previous'))}"

    # ---- keys ----------------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.app.jump_to(self.decision)
        self.dismiss()

    def action_step(self, offset: int) -> None:
        shown = self.app.home.table.shown
        position = next((i for i, d in enumerate(shown) if d is self.decision), None)
        if not shown:
            return
        target = shown[(position + offset) % len(shown)] if position is not None else shown[0]
        self.app.home.table.select(target)
        self.show(target)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._links[event.option_index]
        if item.target is not None:
            self.app.home.table.select(item.target)
            self.show(item.target)

    def action_follow_link(self) -> None:
        target = next((i.target for i in self._links if i.target is not None), None)
        if target is None:
            self.notify("this decision links to nothing")
            return
        self.app.jump_to(target)
        self.show(target)

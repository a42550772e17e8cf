"""The detail pane: tags and status, links both ways, references, the reasoning card, review
findings, git timeline, and the rendered Markdown (front matter hidden).

Markdown is slow to render, so the body is debounced: the header lines
follow the cursor at once, the body only once the cursor rests.  It is
rendered by Rich into one Static (about 4x faster than Textual's Markdown
widget, which mounts a widget per block) to keep a cursor move under 100 ms.
"""

from __future__ import annotations

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from adrtool.model import Decision
from adrtool.tui import evidence as evidence_marks
from adrtool.tui import markup, relations

BODY_DELAY = 0.05  # seconds the cursor must rest before the Markdown is rendered (key repeat is ~0.03 s)


def render_markdown(app, text: str, evidence=(), converted: bool = False):
    """Rich's Markdown in the theme's checked colours (styles on the app's console, code in plain colours);
    with `evidence` (an estimate's), each cue is drawn highlighted."""
    markdown = Markdown(evidence_marks.mark(text, evidence, converted), hyperlinks=False,
                        code_theme=getattr(app, "code_theme", "ansi_dark"))
    return evidence_marks.Highlighted(markdown) if evidence else markdown


class DetailPane(VerticalScroll):
    class Rested(Message):
        """The cursor rested on a decision and its body is shown: time for the slower work (review)."""

        def __init__(self, decision: Decision | None) -> None:
            super().__init__()
            self.decision = decision

    class Shown(Message):
        """The pane's header shows a newly selected decision (the body follows once the cursor rests)."""

        def __init__(self, decision: Decision | None) -> None:
            super().__init__()
            self.decision = decision

    class FollowLink(Message):
        def __init__(self, decision: Decision) -> None:
            super().__init__()
            self.decision = decision

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.decision: Decision | None = None
        self.repo = None
        self.incoming: dict | None = None  # relations.incoming(repo), set by the app once made
        self._links: list[relations.LinkItem] = []
        self._body_timer: Timer | None = None
        self._shown_body: str | None = None
        self._pending_body: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(markup.muted("loading decisions…"), id="detail-meta")
        yield OptionList(id="detail-links")
        yield Static("", id="detail-refs")
        yield Static("", id="detail-card")
        yield Static("", id="detail-review")
        yield Static("", id="detail-history")
        yield Static("", id="detail-body")

    def show(self, repo, decision: Decision | None) -> None:
        self.repo, self.decision = repo, decision
        meta = self.query_one("#detail-meta", Static)
        links = self.query_one("#detail-links", OptionList)
        refs = self.query_one("#detail-refs", Static)
        if decision is None:
            meta.update(markup.muted("no decision here: clear the filter, or press n to write one"))
            links.clear_options()
            links.display = False
            refs.update("")
            self.set_card(None, empty=True)
            self.set_findings(None, empty=True)
            self.set_history(None)
            self._schedule_body("")
            self.post_message(self.Shown(None))
            return
        meta.update(markup.header(decision, self.app.estimate_of(decision)))
        self._links = relations.links_of(repo, decision, self.incoming)
        links.clear_options()
        links.add_options([Option(markup.link_label(item)) for item in self._links])
        links.display = bool(self._links)
        ref_text = markup.references(decision)
        refs.update(ref_text)
        refs.display = bool(ref_text)
        self.set_card(None)
        self.set_findings(None)
        self.set_history(None)  # filled in once the cursor rests (see AdrApp.review_decision)
        self._schedule_body(markup.body_text(repo, decision))
        self.post_message(self.Shown(decision))

    def set_card(self, card, empty: bool = False) -> None:
        widget = self.query_one("#detail-card", Static)
        widget.update("" if empty else markup.card(card))
        widget.display = not empty

    def set_findings(self, findings, empty: bool = False) -> None:
        widget = self.query_one("#detail-review", Static)
        widget.update("" if empty else markup.findings(findings))
        widget.display = not empty

    def set_history(self, history) -> None:
        widget = self.query_one("#detail-history", Static)
        widget.update(markup.timeline(history))
        widget.display = history is not None

    # ---- the debounced body ---------------------------------------------------
    def _schedule_body(self, text: str) -> None:
        if self._body_timer is not None:
            self._body_timer.stop()
        self._pending_body = text
        self._body_timer = self.set_timer(BODY_DELAY, lambda: self._render_body(text))

    def _render_body(self, text: str) -> None:
        if text != self._shown_body:
            self._shown_body = text
            self.query_one("#detail-body", Static).update(render_markdown(self.app, text))
        self.post_message(self.Rested(self.decision))

    @property
    def body_markdown(self) -> str | None:
        """The Markdown the body shows now (None before the first render)."""
        return self._shown_body

    async def flush_body(self) -> None:
        """Render a pending body now (tests and the bench call this instead of sleeping)."""
        if self._body_timer is not None and self._pending_body is not None and self._pending_body != self._shown_body:
            self._body_timer.stop()
            self._render_body(self._pending_body)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self._links[event.option_index]
        if item.target is not None:
            self.post_message(self.FollowLink(item.target))

    def first_link_target(self) -> Decision | None:
        return next((i.target for i in self._links if i.target is not None), None)

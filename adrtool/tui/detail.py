"""The detail pane: tags and status, links both ways, references, git timeline, review findings,
and the rendered Markdown (front matter hidden).

Markdown is slow to render, so the body is debounced: the header lines
follow the cursor at once, the body only once the cursor rests.  It is
rendered by Rich into one Static (about 4x faster than Textual's Markdown
widget, which mounts a widget per block) to keep a cursor move under 100 ms.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from rich.markdown import Markdown
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from adrtool import frontmatter
from adrtool.model import Decision, Kind
from adrtool.tui import relations

BODY_DELAY = 0.05  # seconds the cursor must rest before the Markdown is rendered (key repeat is ~0.03 s)
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def tag_markup(decision: Decision) -> str:
    choice = decision.choice.value if decision.choice else "[italic #d7875f]choice untagged[/]"
    door = decision.door.value if decision.door else "[italic #d7875f]door untagged[/]"
    return f"{choice} · {door}"


def body_text(repo, decision: Decision) -> str:
    """What the Markdown pane shows: the record without its front matter, or the whole design document."""
    if decision.kind is Kind.RECORD:
        return decision.body
    try:
        text = repo.text(decision)
    except OSError:
        return decision.body
    lines = frontmatter.split_lines(text)
    end = frontmatter.find_block(lines)
    return "".join(lines[end + 1:]) if end is not None else text


def findings_markup(findings) -> str:
    if findings is None:
        return "[dim]review: checking…[/]"
    if not findings:
        return "[green]review: no findings[/]"
    lines = [f"[b]Review[/b] ({len(findings)})"]
    for f in findings:
        where = f" [dim](line {f.line})[/]" if f.line else ""
        source = " [magenta]AI[/]" if f.source == "ai" else ""
        lines.append(f"[{SEVERITY_STYLE.get(f.severity, '')}]{f.severity}[/]{source} {escape(f.message)}{where}"
                     f"\n  [dim]→ {escape(f.recommendation)}[/]")
    return "\n".join(lines)


def timeline_markup(history) -> str:
    if history is None:
        return ""
    events = getattr(history, "timeline", None) or []
    if not events:
        return "[dim]history: not committed yet[/]"
    lines = ["[b]History[/b]"]
    for e in events:
        lines.append(f"{escape(str(e.date)[:10])}  {escape(str(e.status_raw or e.status))}  "
                     f"[dim]{escape(str(e.author))} {escape(str(e.commit)[:8])}[/]")
    return "\n".join(lines)


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
        yield Static("[dim]no decision selected[/]", id="detail-meta")
        yield OptionList(id="detail-links")
        yield Static("", id="detail-refs")
        yield Static("", id="detail-review")
        yield Static("", id="detail-history")
        yield Static("", id="detail-body")

    def show(self, repo, decision: Decision | None) -> None:
        self.repo, self.decision = repo, decision
        meta = self.query_one("#detail-meta", Static)
        links = self.query_one("#detail-links", OptionList)
        refs = self.query_one("#detail-refs", Static)
        if decision is None:
            meta.update("[dim]no decision selected[/]")
            links.clear_options()
            links.display = False
            refs.update("")
            self.set_findings(None, empty=True)
            self.set_history(None)
            self._schedule_body("")
            self.post_message(self.Shown(None))
            return
        meta.update(self._meta_markup(decision))
        self._links = relations.links_of(repo, decision, self.incoming)
        links.clear_options()
        links.add_options([Option(self._link_label(item)) for item in self._links])
        links.display = bool(self._links)
        ref_lines = [f"[b]References[/b] {escape(r)}" for r in decision.references]
        ref_lines += [f"[b]Governs[/b] {escape(g)}" for g in decision.governs]
        refs.update("\n".join(ref_lines))
        refs.display = bool(ref_lines)
        self.set_findings(None)
        self.set_history(None)  # filled in once the cursor rests (see AdrApp.review_decision)
        self._schedule_body(body_text(repo, decision))
        self.post_message(self.Shown(decision))

    def _meta_markup(self, d: Decision) -> str:
        where = f"{d.path}:{d.line}" if d.line else d.path
        lines = [f"[b]{escape(d.id)}[/b]  [b]{escape(d.title)}[/b]",
                 f"[dim]{escape(where)}  ({escape(d.dialect)})[/]",
                 f"status [b]{escape(d.status_raw or d.status.value)}[/b]   {tag_markup(d)}   {escape(d.date or '')}"]
        if d.revisit:
            lines.append(f"revisit {escape(d.revisit)}")
        if d.tags:
            lines.append("tags " + ", ".join(escape(t) for t in d.tags))
        if d.decision_makers:
            lines.append("decided by " + ", ".join(escape(m) for m in d.decision_makers))
        for p in d.problems:
            lines.append(f"[red]{escape(str(p))}[/]")
        return "\n".join(lines)

    @staticmethod
    def _link_label(item: relations.LinkItem) -> str:
        arrow = "←" if item.incoming else "→"
        if item.target is None:
            return f"{arrow} {item.relation.value} {escape(item.written)} (not found)"
        return f"{arrow} {item.relation.value} {escape(item.target.id)} {escape(item.target.title)}"

    def set_findings(self, findings, empty: bool = False) -> None:
        widget = self.query_one("#detail-review", Static)
        widget.update("" if empty else findings_markup(findings))
        widget.display = not empty

    def set_history(self, history) -> None:
        widget = self.query_one("#detail-history", Static)
        widget.update(timeline_markup(history))
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
            self.query_one("#detail-body", Static).update(Markdown(text, hyperlinks=False))
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

"""Newcomer summaries: two to four plain sentences per decision, read by the digest."""

from __future__ import annotations

from adrtool.ai import payload, runner, stored
from adrtool.model import Decision

NAME = "summarize"


def render_body(request: payload.Request, data: dict) -> str:
    d = request.decision
    return f"# Summary: {d.id} {d.title}\n\n{data['summary'].strip()}"


# A summary is of the decision as written: attached files add cost, not clarity.
FEATURE = runner.Feature(NAME, render_body, with_references=False)
request_for = FEATURE.request_for


def summarize_decisions(repo, decisions: list[Decision], **options) -> runner.Run:
    """Options as for `review.review_decisions` (progress, cancel, client, batch, resume)."""
    return runner.run_decisions(repo, FEATURE, decisions, **options)


def summary_for(repo, decision: Decision) -> str | None:
    """The stored newcomer summary of a decision, if present and current; no network."""
    data = stored.current_answer(repo, NAME, request_for, decision)
    text = data.get("summary") if data else None
    return text.strip() if isinstance(text, str) and text.strip() else None

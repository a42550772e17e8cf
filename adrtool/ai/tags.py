"""Suggested tags for legacy records: choice and door, each with a one-line reason.

Suggestions are stored like every AI result; `apply_tags` writes only tags
a decision does not have yet (a human's tag is never overwritten), and only
after the caller confirmed each one.
"""

from __future__ import annotations

from adrtool.ai import payload, runner
from adrtool.model import Choice, Decision, Door, Kind

NAME = "tags"


def render_body(request: payload.Request, data: dict) -> str:
    d = request.decision
    return "\n".join([
        f"# Suggested tags: {d.id} {d.title}", "",
        f"- choice: **{data['choice']}**: {data['choice_reason']}",
        f"- door: **{data['door']}**: {data['door_reason']}",
    ])


# Tags are judged from the record alone: attached files add cost, not signal.
FEATURE = runner.Feature(NAME, render_body, with_references=False)
request_for = FEATURE.request_for


def suggest_tags(repo, decisions: list[Decision], **options) -> runner.Run:
    """Options as for `review.review_decisions` (progress, cancel, client, batch, resume)."""
    return runner.run_decisions(repo, FEATURE, decisions, **options)


def tag_suggestion_for(repo, decision: Decision) -> dict | None:
    """The stored tag suggestion of a decision, if present and current; no network.

    {"choice": ..., "choice_reason": ..., "door": ..., "door_reason": ...}
    """
    from adrtool.ai import stored

    data = stored.current_answer(repo, NAME, request_for, decision)
    return {k: data.get(k) for k in ("choice", "choice_reason", "door", "door_reason")} if data else None


def missing_tags(decision: Decision, data: dict) -> dict[str, str]:
    """The suggested tags the decision lacks: {'choice': 'deliberate', 'door': 'one-way'}."""
    out = {}
    if decision.choice is None:
        out["choice"] = data["choice"]
    if decision.door is None:
        out["door"] = data["door"]
    return out


def apply_tags(repo, decision: Decision, tags: dict[str, str]) -> None:
    """Write the tags into the decision's file, in its own dialect, through the store."""
    from adrtool import dialects
    from adrtool.dialects import inline

    text = repo.text(decision)
    if decision.kind is Kind.INLINE:
        lines = text.splitlines(keepends=True)
        index = decision.line - 1
        lines[index] = inline.retag(lines[index],
                                    choice=Choice(tags["choice"]) if "choice" in tags else None,
                                    door=Door(tags["door"]) if "door" in tags else None)
        new = "".join(lines)
    else:
        writer = dialects.writer_for(decision, text)
        new = text
        for name in ("choice", "door"):
            if name in tags:
                new = writer.set_field(new, name, tags[name])
    repo.write(decision.path, new)

"""The AI review: judge each decision against the rubric (door x choice), as findings.

The model only advises: nothing here edits a decision.  Its findings are
stored as files and merged into `adrtool review` by `stored.review_findings`.
"""

from __future__ import annotations

from adrtool.ai import payload, runner
from adrtool.model import Decision

NAME = "review"


def render_body(request: payload.Request, data: dict) -> str:
    d = request.decision
    lines = [f"# AI review: {d.id} {d.title}", "",
             f"Quadrant as judged: {data['quadrant']}; adequate for it: {'yes' if data['adequate'] else 'no'}.", ""]
    if not data["findings"]:
        lines.append("No findings.")
    for f in data["findings"]:
        lines.append(f"- **{f['severity']}** `{f['kind']}`: {f['message']}")
        lines.append(f"  - Recommendation: {f['recommendation']}")
    return "\n".join(lines)


FEATURE = runner.Feature(NAME, render_body)
request_for = FEATURE.request_for


def review_decisions(repo, decisions: list[Decision], *, progress=None, cancel=None, client=None,
                     batch: bool = False, resume: bool = False) -> runner.Run:
    """Review these decisions (reusing current stored results); callable from a TUI worker.

    `progress(done, total, item)` is called as each item completes; setting
    the `cancel` event stops before the next request (or during a retry wait).
    Raises AIError when AI is off, the key is missing or refused.
    """
    return runner.run_decisions(repo, FEATURE, decisions, progress=progress, cancel=cancel, client=client,
                                batch=batch, resume=resume)

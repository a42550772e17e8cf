"""The AI judge: the same policy as the offline review, with Claude as the second reader.

The request carries the record, the policy (the prompt, `prompts/review.md`)
and the offline card: the rubric's verdict per essential with the lines it
found.  The model answers per essential `found | thin | absent` with a
verbatim quote, plus findings each with a quote (`reasoning.ai_verdict`).
The answer is stored as given; every reader verifies its quotes against the
record that was sent (`ai.verdicts`), and `adrtool review` merges what is
verified (`reasoning.merge`).  The model only advises: nothing here edits a
decision.
"""

from __future__ import annotations

import json

from adrtool.ai import payload, runner
from adrtool.ai.redaction import redact
from adrtool.model import Decision, Kind
from adrtool.reasoning import ai_verdict

NAME = "review"


def card_text(card) -> str:
    """The offline card as sent: `card.to_json()` without what the decision tag already says
    (id, path, title), each quoted line once under `lines` and items pointing at their line
    numbers; compact JSON, one item a line (readable in --show-payload, few tokens); redacted
    like the record, since the quotes are lines of the record."""
    data = card.to_json()
    for key in ("id", "path", "title"):
        data.pop(key, None)
    lines: dict[str, str] = {}

    def view(item: dict) -> dict:
        for q in item.get("quotes", []):
            lines[str(q["line"])] = q["text"]
        out = {k: v for k, v in item.items() if k not in ("quotes", "source")}
        out["lines"] = [q["line"] for q in item.get("quotes", [])]
        return out

    items = [view(i) for i in data.pop("items")]
    if "remarks" in data:
        data["remarks"] = [view(r) for r in data["remarks"]]
    rows = [json.dumps(data, ensure_ascii=False)[:-1] + ', "items": [']
    rows.append(",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "],")
    rows.append('"lines": ' + json.dumps(dict(sorted(lines.items(), key=lambda kv: int(kv[0]))), ensure_ascii=False) + "}")
    return f'<offline-card>\n{redact(chr(10).join(rows)).text}\n</offline-card>'


def card_block(repo, decision: Decision) -> tuple[str, object]:
    """The offline card as sent beside the decision, and the card.

    Read without the git history: the supports it would change are not the
    judge's business, and the request's hash then does not move with every commit.
    """
    from adrtool.reasoning import read_card

    card = read_card(decision, repo)
    return card_text(card), card


def verified(request: payload.Request, data) -> ai_verdict.Verdict:
    """The answer as a Verdict with every quote checked against the decision text that was sent."""
    d = request.decision
    verdict = ai_verdict.parse(d.id, data)
    return ai_verdict.verify(verdict, request.decision_text or "", first_line=_first_line(d))


def _first_line(decision: Decision) -> int:
    """The file line the text sent starts on: an inline decision is one line of a document."""
    return (decision.line or 1) if decision.kind is Kind.INLINE else 1


def render_body(request: payload.Request, data: dict) -> str:
    d = request.decision
    verdict = verified(request, data)
    lines = [f"# AI review: {d.id} {d.title}", "", f"Quadrant as judged: {verdict.quadrant}.", "",
             "| essential | state | line | quote | why |", "|---|---|---|---|---|"]
    for c in verdict.claims:
        line = str(c.line) if c.line else ("" if c.state == "absent" else "not verified")
        lines.append(f"| {c.essential} | {c.state} | {line} | {_cell(c.quote)} | {_cell(c.why)} |")
    lines.append("")
    if not verdict.findings:
        lines.append("No findings with a verified quote.")
    for f in verdict.findings:
        lines.append(f"- **{f.severity}** `{f.kind}` (line {f.line}): {f.message}")
        lines.append(f"  - Recommendation: {f.recommendation}")
    if verdict.unverified:
        lines += ["", "## Quotes not found in the record (ignored)", ""]
        lines += [f"- {u.where}: \"{u.quote}\" ({u.why})" for u in verdict.unverified]
    return "\n".join(lines)


def _cell(value: str) -> str:
    return " ".join(value.split()).replace("|", "\\|")


FEATURE = runner.Feature(NAME, render_body, beside=card_block)
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

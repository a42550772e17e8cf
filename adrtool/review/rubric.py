"""The rubric: the product's rule for how much reasoning a decision owes, applied to its card.

The reasoning card (`adrtool.reasoning`) says, for each essential and support,
whether the record shows it (found / thin / absent, with the line).  This
module is the policy that turns the card and the decision's quadrant into
findings; it reads no text itself.  The policy, as adrtool/review/POLICY.md
states it:

| quadrant | owes | absent | thin |
|---|---|---|---|
| deliberate, one-way | decision, alternatives, reason, cost | error | warning |
| arbitrary, one-way | the decision; why an arbitrary pick is acceptable and what undoing it costs | error (both missing) | warning (one missing) |
| deliberate, two-way | a decision and a reason | warning | - |
| arbitrary, two-way | one line: the decision (a revisit trigger is a note) | warning | - |
| untagged | as its estimated quadrant (`judged_quadrant`), plus a warning to tag it that names the estimate | | |

Supports (evidence, decision-makers, a confirmation or revisit plan) are
notes on a one-way door, never more.  A record still equal to its template
is `rubric/unfilled`: an error on a one-way door, a warning on a two-way
door.  Closed records (superseded, deprecated, rejected) are history: they
are judged only when the change under review rewrites their body.  Two-way
doors never get an error.  Every error must be one the author would agree
with on reading the card: the card errs towards "thin" when unsure, and
calls an essential "absent" only when it found no signal of it at all
(`adrtool.reasoning.essentials`) and the record shows the absence (the
section for it missing, empty or all read, or the record too short to hold
it: `adrtool.reasoning.absence`), so an error is a clear absence.

Deterministic and offline: the editor runs it on every pause in typing.
"""

from __future__ import annotations

from adrtool.model import Choice, Decision, Door, Kind
from adrtool.reasoning import ABSENT, ESSENTIALS, FOUND, SUPPORTS, THIN, Card, read_card
from adrtool.reasoning.card import DECISION, REASON
from adrtool.reasoning.quadrant import judged_quadrant
from adrtool.review.findings import Finding
from adrtool.review.rules import ESSENTIAL_RULES, SUPPORT_RULES

_ADVICE = {
    "decision": "state the choice in a sentence of its own (\"We will ...\" or \"Chosen option: ...\")",
    "alternatives": "name at least one real alternative and why it lost (\"instead of X, because ...\", or a Bad item)",
    "reason": "say why this option serves the problem (\"because ...\"), in the record's own words",
    "cost": "name at least one downside, trade-off or risk of the chosen option (a Bad item, a consequence)",
    "evidence": "add the data, spike or reference the decision rests on (`references:` or a link)",
    "decision-makers": "name the decision-makers, or have it reviewed (a `Reviewed-by:` trailer in the commit)",
    "plan": "say how you will know it worked, or when to revisit it (`revisit:`)",
}


def check(decision: Decision, repo=None, history=None, *, changed: bool = False, card: Card | None = None) -> list[Finding]:
    """Findings for one decision.  `history` is its `adrtool.history.History` (or the whole map), if known.

    `changed`: the change under review rewrote the record's body (a closed
    record is judged only then).  `card` replaces the offline card (e.g. one
    merged with verified AI results).
    """
    if history is not None and hasattr(history, "get") and not hasattr(history, "touches"):
        history = history.get(decision.path)
    if card is None:
        card = read_card(decision, repo, history)
    return judge(decision, card, changed=changed)


def judge(decision: Decision, card: Card, *, changed: bool = False) -> list[Finding]:
    """The policy: the card and the judged quadrant -> findings (see the module docstring)."""
    if card.closed and not changed:
        return []
    p = _Policy(decision, card)
    choice, door, basis = judged_quadrant(decision)
    if basis != "tags":
        cmd = f"adrtool tag {decision.id} --suggest --apply"
        p.add("rubric/untagged", "warning",
              f"{decision.id} is untagged; judged by its estimated quadrant: {choice.value} {door.value} door "
              f"({_estimate_reasons(decision)})",
              f"say how it was chosen and how hard it is to undo: `{cmd}` (or `adrtool tag {decision.id} "
              "--choice deliberate|arbitrary --door one-way|two-way`)",
              decision.field_lines.get("choice") if decision.kind is Kind.INLINE else None)
    if card.unfilled:
        one_way = door is Door.ONE_WAY
        p.add("rubric/unfilled", "error" if one_way else "warning", f"{decision.id} is still its template",
              "fill it in: what was decided" + (", the alternatives, the reason and the cost" if one_way else ""))
        return p.findings
    if door is Door.ONE_WAY and choice is Choice.ARBITRARY:
        p.arbitrary_one_way()
    elif door is Door.ONE_WAY:
        p.deliberate_one_way()
    else:
        p.two_way(choice)
    return p.findings


def _estimate_reasons(decision: Decision) -> str:
    """What the estimate of each missing tag rests on: "choice: no reasoning visible; door: tuning"."""
    from adrtool.reasoning.estimate import estimate, missing

    guesses = missing(decision, estimate(decision))
    return "; ".join(f"{axis}: {g.reason}" for axis, g in guesses.items())


class _Policy:
    def __init__(self, decision: Decision, card: Card):
        self.d = decision
        self.card = card
        self.findings: list[Finding] = []
        self.anchor = decision.line or decision.field_lines.get("title") or 1

    def add(self, rule: str, severity: str, message: str, recommendation: str, line: int | None = None) -> None:
        self.findings.append(Finding(rule, severity, self.d.path, line or self.anchor, message, recommendation, self.d.id))

    def _line(self, name: str) -> int | None:
        item = self.card.get(name)
        return item.quotes[0].line if item and item.quotes else None

    def essential(self, name: str, absent: str = "error", thin: str | None = "warning") -> None:
        item = self.card.get(name)
        state = item.state if item else ABSENT
        missing, weak = ESSENTIAL_RULES[name]
        summary = item.summary if item else "not found"
        if state == ABSENT:
            self.add(missing, absent, f"{self.d.id} ({name}: absent): {summary}", _ADVICE[name], self._line(name))
        elif state == THIN and thin:
            self.add(weak, thin, f"{self.d.id} ({name}: thin): {summary}", _ADVICE[name], self._line(name))

    def deliberate_one_way(self) -> None:
        for name in ESSENTIALS:
            self.essential(name)
        for name in SUPPORTS:
            if self.card.state(name) != FOUND:
                item = self.card.get(name)
                self.add(SUPPORT_RULES[name], "note", f"{self.d.id}: {item.summary if item else name}", _ADVICE[name],
                         self.d.field_lines.get("decision-makers") if name == "decision-makers" else None)
        self.wording()

    def arbitrary_one_way(self) -> None:
        self.essential(DECISION)
        said = {r.name for r in self.card.remarks}
        owned = {"arbitrary-acceptable": "why an arbitrary pick is acceptable", "undo-cost": "what undoing it would cost"}
        missing = [what for name, what in owned.items() if name not in said]
        if not missing:
            return  # it says why a guess is acceptable here and what undoing it would cost
        severity = "error" if len(missing) == 2 else "warning"
        self.add("rubric/arbitrary-one-way", severity,
                 f"{self.d.id} is an arbitrary choice behind a one-way door, and does not say {' or '.join(missing)}",
                 "reason it and tag it deliberate, make it reversible (two-way), or say why a guess is acceptable "
                 "here and what undoing it would cost", self.d.field_lines.get("door"))

    def two_way(self, choice: Choice) -> None:
        self.essential(DECISION, absent="warning", thin=None)
        if choice is Choice.DELIBERATE:
            self.essential(REASON, absent="warning", thin=None)
        elif self.card.state("plan") == ABSENT:
            self.add("rubric/missing-revisit", "note", f"{self.d.id} has no revisit trigger",
                     f"add when to look at it again: `adrtool tag {self.d.id} --revisit \"...\"`")

    def wording(self) -> None:
        for remark in self.card.remarks:
            if remark.name not in ("crowd-wording", "absolute-wording"):
                continue
            what = "crowd-following" if remark.name == "crowd-wording" else "absolute"
            self.add(f"rubric/{remark.name}", "note", f"{self.d.id} uses {what} wording: \"{remark.summary}\"",
                     "replace it with the concrete reason or trade-off it stands for",
                     remark.quotes[0].line if remark.quotes else None)

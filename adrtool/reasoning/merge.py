"""One verdict from two readers: the offline card and rubric findings, merged with the AI judge's.

The rules (the README's "AI review" section says the same):

- Without a verified AI verdict the offline verdict stands, unchanged.
- A rubric **error** about an essential that the judge shows to be there,
  with a quote adrtool found in the record, becomes a **warning** marked
  "cleared by AI review" with the quote, pinned on the quote's line.  Only the rubric's
  essential errors can be cleared (`CLEARABLE`); workflow findings never.
- The judge adds an **error** only for an essential the quadrant owes that it
  finds absent (and no rubric error already says so: then that error is
  marked "confirmed by AI review"), or for a one-way door tagged two-way
  (`door-mislabelled`).  Its other findings are warnings at most on a one-way
  door and notes on a two-way door: never more than the quadrant owes.
- A claim or finding whose quote could not be verified changes nothing; it is
  listed in `Merged.unverified` for the caller to report.  A claim of absence
  has no quote to verify, so it counts only with its `why` (what is missing).
- Closed records (superseded, deprecated, rejected) get nothing added.

Findings are whatever finding type the caller uses (`review.findings.Finding`):
this module reads their fields, copies them with `dataclasses.replace`, and
builds new ones with the caller's `make`, so `reasoning/` imports no layer above it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable

from adrtool.reasoning.ai_verdict import AIFinding, Claim, Unverified, Verdict
from adrtool.reasoning.card import ABSENT, ALTERNATIVES, COST, DECISION, ESSENTIALS, REASON, Card, Item, Quote

# The rubric's rules that say "this essential is absent", and the essentials that refute each.
# (An arbitrary one-way door is excused by a reason why an arbitrary pick is acceptable and
# the cost of undoing it.)  A rule not listed is never cleared.
CLEARABLE: dict[str, tuple[str, ...]] = {
    "rubric/missing-decision": (DECISION,),
    "rubric/missing-options": (ALTERNATIVES,),
    "rubric/missing-alternatives": (ALTERNATIVES,),
    "rubric/missing-rationale": (REASON,),
    "rubric/missing-reason": (REASON,),
    "rubric/missing-consequences": (COST,),
    "rubric/missing-negative-consequence": (COST,),
    "rubric/missing-cost": (COST,),
    "rubric/arbitrary-one-way": (REASON, COST),
}

# The essentials each quadrant owes: only these can become an AI error.
OWED: dict[str, tuple[str, ...]] = {
    "deliberate/one-way": ESSENTIALS,
    "arbitrary/one-way": (DECISION, REASON, COST),
}

LABELS = {
    DECISION: "stated decision",
    ALTERNATIVES: "real alternative with a reason it lost",
    REASON: "reason of the record's own for the choice",
    COST: "acknowledged cost (a downside, trade-off or risk of the chosen option)",
}
_ARBITRARY_LABELS = {REASON: "reason why an arbitrary pick is acceptable here",
                     COST: "cost of undoing the pick"}
ASK = {
    DECISION: "State what was decided, in a sentence of its own",
    ALTERNATIVES: "Name at least one real alternative and why it lost",
    REASON: "Say why the chosen option serves the problem, in the record's own words",
    COST: "Name at least one downside, trade-off or risk of the chosen option",
}
QUOTE_CHARS = 120  # a longer quote is shortened in messages (the stored result keeps it whole)


@dataclass
class Merged:
    findings: list  # the decision's findings after the merge, rubric order kept, AI additions last
    cleared: list = field(default_factory=list)  # (the rubric finding as it was, the claims that cleared it)
    confirmed: list = field(default_factory=list)  # rubric findings the judge agreed with
    added: list = field(default_factory=list)  # findings the judge added
    unverified: tuple[Unverified, ...] = ()
    verdict: Verdict | None = None  # the verified verdict merged, if any (for `merge_card`)


def owed(card: Card) -> tuple[str, ...]:
    return () if card.closed else OWED.get(card.quadrant, ())


def label(card: Card, essential: str) -> str:
    if card.quadrant.startswith("arbitrary/"):
        return _ARBITRARY_LABELS.get(essential, LABELS[essential])
    return LABELS[essential]


def shorten(quote: str) -> str:
    one_line = " ".join(quote.split())
    return one_line if len(one_line) <= QUOTE_CHARS else one_line[:QUOTE_CHARS - 1].rstrip() + "…"


def _cited(claims: list[Claim]) -> str:
    return "; ".join(f'line {c.line}{" (thin)" if c.state == "thin" else ""}: "{shorten(c.quote)}"' for c in claims)


def _two_way(card: Card) -> bool:
    return card.quadrant.endswith("/two-way")


def _severity_of(card: Card, f: AIFinding) -> str:
    if f.kind == "door-mislabelled":
        if not _two_way(card):
            return "note"  # one-way judged two-way: the mislabel only costs some writing
        # A one-way door tagged two-way escapes the reasoning it owes; an estimated quadrant is no tag.
        return "error" if card.basis == "tags" else "warning"
    cap = "note" if _two_way(card) else "warning"
    order = ("note", "warning", "error")
    return order[min(order.index(f.severity), order.index(cap))]


def merge(card: Card, findings: list, verdict: Verdict | None, make: Callable[..., object]) -> Merged:
    """The findings of one decision after merging its verified AI verdict (see the module docstring).

    `findings` are that decision's offline findings; `make(**fields)` builds a
    new finding with the fields of `review.findings.Finding`.
    """
    if verdict is None:
        return Merged(list(findings))
    if not verdict.verified:
        raise ValueError("merge needs a verified verdict (reasoning.ai_verdict.verify)")
    out, merged = [], Merged([], unverified=verdict.unverified, verdict=verdict)
    # Essentials an offline error already reports as absent: the rubric's own findings say so,
    # and so does the card (the rubric reports every absent essential the quadrant owes).
    covered = {e for e in owed(card) if card.state(e) == ABSENT}
    for f in findings:
        needed = CLEARABLE.get(f.rule, ()) if f.severity == "error" and f.source == "rules" else ()
        claims = [verdict.claim(e) for e in needed]
        if needed and all(c is not None and c.refutes_absence for c in claims):
            # Pinned on the line the judge quoted: where a reader (or an annotation) sees the essential.
            cleared = dataclasses.replace(f, severity="warning", line=claims[0].line or f.line,
                                          message=f"{f.message}; cleared by AI review: {_cited(claims)}")
            merged.cleared.append((f, claims))
            out.append(cleared)
            continue
        absent = [c for c in claims if c is not None and c.state == ABSENT and c.why]
        if needed and absent:
            f = dataclasses.replace(f, message=f"{f.message}; confirmed by AI review: {absent[0].why}")
            merged.confirmed.append(f)
        covered.update(needed)
        out.append(f)
    anchor = _anchor(card, findings)
    if not card.unfilled:  # a record that is still its template has its one error already
        for essential in owed(card):
            c = verdict.claim(essential)
            if c is None or c.state != ABSENT or not c.why or essential in covered:
                continue
            item = card.get(essential)
            line = item.quotes[0].line if item and item.quotes else anchor
            added = make(rule=f"ai/absent-{essential}", severity="error", path=card.path, line=line,
                         message=f"{card.decision_id}: AI review finds no {label(card, essential)}: {c.why}",
                         recommendation=ASK[essential], decision_id=card.decision_id, source="ai")
            merged.added.append(added)
            out.append(added)
    if not card.closed:
        for f in verdict.findings:
            if not f.verified:
                continue
            added = make(rule=f"ai/{f.kind}", severity=_severity_of(card, f), path=card.path, line=f.line,
                         message=f'{f.message} (line {f.line}: "{shorten(f.quote)}")',
                         recommendation=f.recommendation, decision_id=card.decision_id, source="ai")
            merged.added.append(added)
            out.append(added)
    merged.findings = out
    return merged


def _anchor(card: Card, findings: list) -> int | None:
    """The line to pin an AI error on when the card quotes nothing: the decision's first finding's."""
    lines = [f.line for f in findings if getattr(f, "line", None)]
    return min(lines) if lines else None


def merge_card(card: Card, verdict: Verdict | None) -> Card:
    """The card as the reader sees it after the merge: verified AI claims replace what rules missed.

    An essential the rules found absent but the judge quoted (verified) takes
    the judge's state and quote; one the judge finds absent while the quadrant
    owes it becomes absent with the judge's reason.  Items set so carry
    `source="ai"`; the supports are the rules' alone.
    """
    if verdict is None or card.closed:
        return card
    items = []
    for item in card.items:
        c = verdict.claim(item.name) if item.name in ESSENTIALS else None
        if c is not None and item.state == ABSENT and c.refutes_absence:
            item = Item(item.name, c.state, f"found by AI review: {c.why}" if c.why else "found by AI review",
                        (Quote(c.line, c.quote),), source="ai")
        elif (c is not None and c.state == ABSENT and c.why and item.state != ABSENT
              and item.name in owed(card) and not card.unfilled):
            item = Item(item.name, ABSENT, f"AI review: {c.why}", item.quotes, source="ai")
        items.append(item)
    return dataclasses.replace(card, items=tuple(items))

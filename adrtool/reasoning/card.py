"""The reasoning card: the four essentials a one-way door owes, and the supports, each with its line.

Every item found names the line of the record it was found on and quotes it
verbatim, so that a reader (or the AI judge's quote check) can see exactly
what the verdict rests on.  Line numbers are 1-based lines of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FOUND, THIN, ABSENT = "found", "thin", "absent"
STATES = (FOUND, THIN, ABSENT)

# The essentials (policy in adrtool/review/POLICY.md and the README): each looked for anywhere in the record.
DECISION = "decision"          # a decision is stated (not a template, a sign-post, the current state)
ALTERNATIVES = "alternatives"  # at least one real alternative with a reason it lost
REASON = "reason"              # a reason of the record's own for the choice
COST = "cost"                  # at least one downside, trade-off or risk of the chosen option
ESSENTIALS = (DECISION, ALTERNATIVES, REASON, COST)

# The supports: never errors, notes at most.
EVIDENCE = "evidence"                # data, a spike, a measurement, a reference
DECISION_MAKERS = "decision-makers"  # named beyond the author, or a Reviewed-by trailer
PLAN = "plan"                        # a confirmation or revisit plan
SUPPORTS = (EVIDENCE, DECISION_MAKERS, PLAN)


@dataclass(frozen=True)
class Quote:
    line: int  # 1-based line in the file
    text: str  # verbatim text from that line of the file

    def to_json(self) -> dict:
        return {"line": self.line, "text": self.text}


@dataclass(frozen=True)
class Item:
    name: str  # one of ESSENTIALS or SUPPORTS
    state: str  # found | thin | absent
    summary: str  # one line: what was found, or what is missing
    quotes: tuple[Quote, ...] = ()
    source: str = "rules"  # "rules" (offline) or "ai" (set or confirmed by the AI judge, quotes verified)

    def to_json(self) -> dict:
        return {"name": self.name, "state": self.state, "summary": self.summary,
                "quotes": [q.to_json() for q in self.quotes], "source": self.source}


@dataclass(frozen=True)
class Card:
    decision_id: str
    path: str
    quadrant: str  # the quadrant judged: "deliberate/one-way", ..., as tagged or as estimated
    basis: str  # "tags" when tagged, "default" when untagged (judged as deliberate/one-way), "estimate" when estimated
    unfilled: bool = False  # the record is still its template
    closed: bool = False  # superseded, deprecated or rejected: history, not judged on reasoning
    items: tuple[Item, ...] = field(default_factory=tuple)
    # Added for the rubric: wording that stands in for reasoning ("crowd-wording", "absolute-wording"),
    # and an arbitrary pick owned up to ("arbitrary-acceptable", "undo-cost"), each an Item in state
    # "found" with its quote.  Never an essential.
    remarks: tuple[Item, ...] = field(default_factory=tuple)
    title: str = ""

    def get(self, name: str) -> Item | None:
        for item in self.items:
            if item.name == name:
                return item
        return None

    def state(self, name: str) -> str:
        item = self.get(name)
        return item.state if item else ABSENT

    def to_json(self) -> dict:
        return {"id": self.decision_id, "path": self.path, "quadrant": self.quadrant, "basis": self.basis,
                "unfilled": self.unfilled, "closed": self.closed, "items": [i.to_json() for i in self.items],
                "remarks": [r.to_json() for r in self.remarks], "title": self.title}

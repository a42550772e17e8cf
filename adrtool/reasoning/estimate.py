"""Estimated tags for a decision: its choice and its door, each with the lines of the record that decided it.

Offline, deterministic and cheap: `list --json` estimates every untagged
decision, ten thousand of them in a few tenths of a second, in one pass
over each record's text (`estimate_text`) with precompiled word sets.
Estimates are shown, never written as tags by themselves: `adrtool tag
--suggest --apply` writes one only after a person confirmed it.

- **door** (`estimate_door`) follows what undoing the decision would take
  (issue 15's definitions, bench/judgement/DEFINITIONS.md): a small linear
  model over the cue words of each door in the title, the Decision section
  and the rest (weights in `estimate_door_weights`, checked
  leave-one-collection-out, decision 0095); it leans one-way when nothing
  speaks or the signs are too few for a two-way door.
- **choice** (`estimate_choice`) follows the reasoning that is visible, as
  the reasoning card reads it: a reason of the record's own, or an
  alternative turned down, is `deliberate`; a pick asserted with neither is
  `arbitrary` ("no reasoning visible").  Never deliberate by default.  With
  the card itself (`card=`), the card's essentials decide.

Every piece of evidence is a line of the file (1-based) quoted verbatim,
with the column span of the cue so that a viewer can highlight it.
"""

from __future__ import annotations

from dataclasses import dataclass
from json.encoder import encode_basestring as _json_str  # (the C encoder's string quoting, ensure_ascii=False)

from adrtool.model import Decision
from adrtool.reasoning import estimate_choice, estimate_door, estimate_text
from adrtool.reasoning.estimate_choice import ARBITRARY, BOTH, DELIBERATE, NO_REASONING, OWN_REASON, WEIGHED
from adrtool.reasoning.estimate_door import MIN_WORDS, NO_CUE, ONE_WAY, TIE, TOO_LITTLE, TWO_WAY
from adrtool.reasoning.estimate_text import Found

__all__ = ["ARBITRARY", "BOTH", "CARD", "DELIBERATE", "MIN_WORDS", "NO_CUE", "NO_REASONING", "ONE_WAY", "OWN_REASON",
           "RULES", "TIE", "TOO_LITTLE", "TWO_WAY", "WEIGHED", "Estimate", "Evidence", "Guess", "estimate",
           "estimate_all", "estimate_many", "json_fields", "judged_quadrant", "missing"]

RULES, CARD = "rules", "card"


@dataclass(frozen=True)
class Evidence:
    """One line the estimate rests on."""

    line: int  # 1-based line of the file
    text: str  # the line as written (a window of 160 characters around the cue on a longer line)
    cue: str = ""  # the words that decided it ("" when the line is quoted as a whole)
    start: int = -1  # the cue's columns in `text`, for highlighting (-1: none)
    end: int = -1
    offset: int = 0  # where `text` starts in the file's line: the cue is at columns offset+start..offset+end

    def to_json(self) -> dict:
        return {"line": self.line, "text": self.text, "cue": self.cue}

    @classmethod
    def of(cls, found: Found) -> "Evidence":
        return cls(found.line, found.text, found.cue, found.start, found.end, found.offset)


@dataclass(frozen=True)
class Guess:
    """The estimate on one axis."""

    value: str  # deliberate | arbitrary, or one-way | two-way
    reason: str  # short: "no reasoning visible", "persisted data, format or schema"
    evidence: tuple[Evidence, ...] = ()
    lean: bool = False  # the text gave too little, so the safer value was taken
    source: str = RULES  # "rules" (cue words) or "card" (the reasoning card's essentials)

    def to_json(self) -> dict:
        """The evidence of `estimate_evidence` (the value itself is `choice_estimate` / `door_estimate`)."""
        return {"reason": self.reason, "lean": self.lean, "quotes": [e.to_json() for e in self.evidence]}


@dataclass(frozen=True)
class Estimate:
    """Both axes, estimated from the text whatever the decision's tags say."""

    decision_id: str
    path: str
    choice: Guess
    door: Guess

    @property
    def quadrant(self) -> str:
        return f"{self.choice.value}/{self.door.value}"


def estimate(decision: Decision, repo=None, card=None) -> Estimate:
    """The estimated choice and door of `decision`.

    `repo` gives the file's text (the body alone is read without it, with
    the same result and lines).  `card` (the decision's
    `adrtool.reasoning.Card`) makes the choice follow its essentials.
    """
    text = estimate_text.read(decision, repo)
    choice = _choice_from_card(card) if card is not None else _guess(estimate_choice.choice(text))
    return Estimate(decision.id, decision.path, choice, _guess(estimate_door.door(text)))


def _guess(found: tuple[str, str, list[Found], bool]) -> Guess:
    value, reason, lines, lean = found
    return Guess(value, reason, tuple(Evidence.of(f) for f in lines), lean)


def missing(decision: Decision, est: Estimate) -> dict[str, Guess]:
    """The axes the decision has no tag for: {"choice": Guess, "door": Guess}, or fewer."""
    out = {}
    if decision.choice is None:
        out["choice"] = est.choice
    if decision.door is None:
        out["door"] = est.door
    return out


NO_ESTIMATE = {"choice_estimate": None, "door_estimate": None, "estimate_evidence": None}


def json_fields(decision: Decision, est: Estimate | None) -> dict:
    """The keys `list --json` and `show --json` add (README, "The JSON contract").

    Each axis the decision is tagged on is null; a fully tagged decision has
    all three keys null.
    """
    guesses = missing(decision, est) if est is not None else {}
    if not guesses:
        return dict(NO_ESTIMATE)
    return {
        "choice_estimate": guesses["choice"].value if "choice" in guesses else None,
        "door_estimate": guesses["door"].value if "door" in guesses else None,
        "estimate_evidence": {axis: g.to_json() for axis, g in guesses.items()},
    }


PARALLEL_THRESHOLD = 2000  # past this many decisions to estimate, a forked child estimates half of them


def estimate_many(repo, decisions: list[Decision]) -> list[Estimate]:
    """`estimate` for each decision, in two processes when there are many (deterministic either way)."""
    from adrtool.parallel import map_in_two

    return map_in_two(lambda part: [estimate(d, repo) for d in part], decisions, PARALLEL_THRESHOLD)


def estimate_all(repo, decisions: list[Decision], as_json: bool = False) -> list:
    """`json_fields` for each decision, estimating only the axes it has no tag for (in two processes when many).

    The JSON is built straight from what each reading found (no Estimate,
    Guess or Evidence objects), and an axis that is tagged is not read at
    all: this is what `list --json` pays for every untagged decision.
    With `as_json`, each result is those fields' compact JSON text instead
    (`json.dumps(fields, ensure_ascii=False)`, written directly), made where
    it was estimated: the forked child sends back one string an item, not
    nested dicts to pickle, and the tagged decisions share one text.
    """
    from adrtool.parallel import map_in_two

    if as_json:
        def work(part):
            return [_fields_json(d, repo) for d in part]
        none = NO_ESTIMATE_JSON
    else:
        def work(part):
            return [_fields(d, repo) for d in part]
        none = NO_ESTIMATE
    untagged = [d for d in decisions if d.choice is None or d.door is None]
    found = iter(map_in_two(work, untagged, PARALLEL_THRESHOLD))
    return [none if d.choice is not None and d.door is not None else next(found) for d in decisions]


def _fields(d: Decision, repo) -> dict:
    text = estimate_text.read(d, repo)
    evidence = {}
    choice = door = None
    if d.choice is None:
        choice, reason, lines, lean = estimate_choice.choice(text)
        evidence["choice"] = _evidence_json(reason, lean, lines)
    if d.door is None:
        door, reason, lines, lean = estimate_door.door(text)
        evidence["door"] = _evidence_json(reason, lean, lines)
    return {"choice_estimate": choice, "door_estimate": door, "estimate_evidence": evidence}


NO_ESTIMATE_JSON = '{"choice_estimate": null, "door_estimate": null, "estimate_evidence": null}'


def _fields_json(d: Decision, repo) -> str:
    """`json.dumps(_fields(d, repo), ensure_ascii=False)`, written directly (`tests/test_estimates.py` checks
    both agree): the same bytes without a dict and a list per quote to build and then encode."""
    text = estimate_text.read(d, repo)
    evidence = []
    choice = door = "null"
    if d.choice is None:
        value, reason, lines, lean = estimate_choice.choice(text)
        choice = _json_str(value)
        evidence.append('"choice": ' + _evidence_text(reason, lean, lines))
    if d.door is None:
        value, reason, lines, lean = estimate_door.door(text)
        door = _json_str(value)
        evidence.append('"door": ' + _evidence_text(reason, lean, lines))
    return f'{{"choice_estimate": {choice}, "door_estimate": {door}, "estimate_evidence": {{{", ".join(evidence)}}}}}'


def _evidence_text(reason: str, lean: bool, lines: list[Found]) -> str:
    quotes = ", ".join([f'{{"line": {int.__repr__(f.line)}, "text": {_json_str(f.text)}, "cue": {_json_str(f.cue)}}}'
                        for f in lines])
    return f'{{"reason": {_json_str(reason)}, "lean": {"true" if lean else "false"}, "quotes": [{quotes}]}}'


def _evidence_json(reason: str, lean: bool, lines: list[Found]) -> dict:
    return {"reason": reason, "lean": lean, "quotes": [{"line": f.line, "text": f.text, "cue": f.cue} for f in lines]}


def judged_quadrant(decision: Decision, est: Estimate) -> str:
    """The quadrant with each tag the decision has, and the estimate for each it lacks."""
    choice = decision.choice.value if decision.choice else est.choice.value
    door = decision.door.value if decision.door else est.door.value
    return f"{choice}/{door}"


def _choice_from_card(card) -> Guess:
    from adrtool.reasoning.card import ALTERNATIVES, FOUND, REASON, THIN

    reason, alternatives = card.get(REASON), card.get(ALTERNATIVES)
    has_reason = reason is not None and reason.state == FOUND
    weighed = alternatives is not None and alternatives.state in (FOUND, THIN)
    if not has_reason and not weighed:
        why = NO_REASONING + (" (still its template)" if getattr(card, "unfilled", False) else "")
        return Guess(ARBITRARY, why, (), source=CARD)
    quotes = [item.quotes[0] for item in (reason if has_reason else None, alternatives if weighed else None)
              if item is not None and item.quotes]
    why = BOTH if has_reason and weighed else OWN_REASON if has_reason else WEIGHED
    return Guess(DELIBERATE, why, tuple(Evidence(q.line, q.text) for q in quotes), source=CARD)

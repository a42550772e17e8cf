"""Estimated tags for a decision: its choice and its door, each with the lines of the record that decided it.

Offline, deterministic and cheap (it runs on every untagged decision of
`adrtool list --json`).  Estimates are shown, never written as tags by
themselves: `adrtool tag --suggest --apply` writes one only after a person
confirmed it.

- **door** follows what undoing the decision would take (issue 15's
  definitions, bench/judgement/DEFINITIONS.md): cue words for persisted
  data, identifiers, published contracts, foundations and conventions
  across teams lean one-way; internal structure, tooling, tuning, a library
  behind an interface, a process and presentation lean two-way.  The title
  and the Decision section weigh most, because the record's own subject
  decides, not its worst consequence.  No cue, a tie, or too little text:
  one-way, and the reason says so.
- **choice** follows the reasoning that is visible: a reason of the
  record's own, or an alternative turned down with a reason, is
  `deliberate`; a pick asserted with none is `arbitrary` ("no reasoning
  visible").  Never deliberate by default.  With the reasoning card
  (`card=`), the card's essentials decide; without it, the same rule is
  read from cue words, which is fast enough for ten thousand records.

Every piece of evidence is a line of the file (1-based) quoted verbatim,
with the column span of the cue so that a viewer can highlight it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adrtool.model import Decision
from adrtool.reasoning import estimate_cues as cues
from adrtool.reasoning import estimate_text
from adrtool.reasoning.estimate_text import Found, Text, Zone

DELIBERATE, ARBITRARY = "deliberate", "arbitrary"
ONE_WAY, TWO_WAY = cues.ONE_WAY, cues.TWO_WAY
RULES, CARD = "rules", "card"

NO_REASONING = "no reasoning visible"
TOO_LITTLE = "too little text: leaning one-way"
NO_CUE = "no sign of what undoing it takes: leaning one-way"
TIE = "as many signs each way: leaning one-way"
OWN_REASON, WEIGHED = "a reason of its own", "alternatives weighed"
BOTH = "alternatives weighed, and a reason of its own"
MIN_WORDS = 25  # fewer words of the author's own than this is "too little text"
TEMPLATE_WORDS = 8  # fewer than this below the title: the record is still its template, the title alone is no sign
# Where a cue was found: the subject (the title, the Decision section) weighs most.
WEIGHTS = {"title": 3.0, "decision": 2.0, "body": 1.0}
TOP_CUES = 3  # many weak words must not outweigh the few that name the subject
TWO_WAY_MARGIN = 1.0  # two-way only when its cues outweigh the one-way cues (a tie leans one-way)


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

    `repo` is used only when the body's first line cannot be told from the
    decision (a record with no title line).  `card` (the decision's
    `adrtool.reasoning.Card`) makes the choice follow its essentials.
    """
    text = estimate_text.read(decision, repo)
    choice = _choice_from_card(card) if card is not None else _choice_from_text(text)
    return Estimate(decision.id, decision.path, choice, _door(text))


def missing(decision: Decision, est: Estimate) -> dict[str, Guess]:
    """The axes the decision has no tag for: {"choice": Guess, "door": Guess}, or fewer."""
    out = {}
    if decision.choice is None:
        out["choice"] = est.choice
    if decision.door is None:
        out["door"] = est.door
    return out


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


NO_ESTIMATE = {"choice_estimate": None, "door_estimate": None, "estimate_evidence": None}


PARALLEL_THRESHOLD = 2000  # past this many decisions to estimate, a forked child estimates half of them


def estimate_many(repo, decisions: list[Decision]) -> list[Estimate]:
    """`estimate` for each decision, in two processes when there are many (deterministic either way)."""
    from adrtool.parallel import map_in_two

    return map_in_two(lambda part: [estimate(d, repo) for d in part], decisions, PARALLEL_THRESHOLD)


def estimate_all(repo, decisions: list[Decision]) -> list[dict]:
    """`json_fields` for each decision, estimating only those with a tag missing (in two processes when many)."""
    from adrtool.parallel import map_in_two

    # The child sends back the JSON fields, not Estimate objects: plain dicts pickle several times faster.
    untagged = [d for d in decisions if not d.is_tagged]
    found = iter(map_in_two(lambda part: [json_fields(d, estimate(d, repo)) for d in part], untagged,
                            PARALLEL_THRESHOLD))
    return [NO_ESTIMATE if d.is_tagged else next(found) for d in decisions]


def judged_quadrant(decision: Decision, est: Estimate) -> str:
    """The quadrant with each tag the decision has, and the estimate for each it lacks."""
    choice = decision.choice.value if decision.choice else est.choice.value
    door = decision.door.value if decision.door else est.door.value
    return f"{choice}/{door}"


# ---- door -------------------------------------------------------------------------------------

def _door_hits(text: Text) -> list[tuple[float, str, cues.DoorCue, Zone]]:
    """(score, cue text, cue, zone) of each door cue at its weightiest place, weightiest first."""
    best: dict[str, tuple[float, str, cues.DoorCue, Zone]] = {}
    # The subject decides: the title and the Decision section; the rest only when there is no Decision section.
    for zone in (text.title, text.decision if text.decision.segments else text.body):
        weight = WEIGHTS[zone.name]
        words = zone.words
        found = [c for first in words & cues.DOOR_PHRASE_KEYS for c in cues.DOOR_PHRASES[first]
                 if c.second in words and zone.has_phrase(c.text)]
        if found:  # a word inside a phrase that matched says no more than the phrase ("core" "api" in "core api")
            covered = {w for c in found for w in c.text.split()}
            found += [cues.DOOR_WORDS[w] for w in words & cues.DOOR_WORD_KEYS if w not in covered]
        else:
            found = [cues.DOOR_WORDS[w] for w in words & cues.DOOR_WORD_KEYS]
        if zone.chinese:
            found += [c for c in cues.DOOR_CHINESE if c.text in zone.raw]
        for cue in found:
            score = weight * cue.weight
            held = best.get(cue.text)
            if held is None or held[0] < score:
                best[cue.text] = (score, cue.text, cue, zone)
    return sorted(best.values(), key=lambda h: (-h[0], h[1]))


def _door(text: Text) -> Guess:
    hits = _door_hits(text)
    if not hits or (text.words < TEMPLATE_WORDS and not text.inline):  # nothing tells, or still its template
        reason = TOO_LITTLE if text.words < MIN_WORDS else NO_CUE
        return Guess(ONE_WAY, reason, _subject(text), lean=True)
    totals = {ONE_WAY: 0.0, TWO_WAY: 0.0}
    counted = {ONE_WAY: 0, TWO_WAY: 0}
    by_group: dict[str, float] = {}
    for score, _, cue, _ in hits:  # weightiest first: only the TOP_CUES strongest signs of each side count
        if counted[cue.door] < TOP_CUES:
            counted[cue.door] += 1
            totals[cue.door] += score
            by_group[cue.group] = by_group.get(cue.group, 0.0) + score
    if totals[ONE_WAY] == totals[TWO_WAY]:
        return Guess(ONE_WAY, TIE, _evidence(hits[:2]), lean=True)
    door = TWO_WAY if totals[TWO_WAY] > totals[ONE_WAY] * TWO_WAY_MARGIN else ONE_WAY
    group = min((g for g in by_group if cues.GROUPS[g][0] == door), key=lambda g: (-by_group[g], g))
    reason = cues.GROUPS[group][1]
    if text.words < MIN_WORDS and not text.inline:
        reason += " (little text)"
    return Guess(door, reason, _evidence([h for h in hits if h[2].door == door][:2]))


# ---- choice -----------------------------------------------------------------------------------

def _choice_from_text(text: Text) -> Guess:
    """Deliberate when a reason or a turned-down alternative shows; the first of each is the evidence."""
    reason = _first_cue(text, cues.REASONS)
    alternative = _first_cue(text, cues.ALTERNATIVES)
    if reason is None and alternative is None:
        return Guess(ARBITRARY, NO_REASONING, _subject(text), lean=text.words < MIN_WORDS)
    found = tuple(Evidence.of(f) for f in (reason, alternative) if f is not None)
    if reason is not None and alternative is not None:
        why = BOTH
    else:
        why = OWN_REASON if reason is not None else WEIGHED
    return Guess(DELIBERATE, why, found)


def _first_cue(text: Text, kind: cues.ChoiceCues) -> Found | None:
    """A line holding one of these cues: in the Decision section first, then the rest, then the title.

    The most telling cue present is quoted ("because" before "allows"), so
    the same text always quotes the same line.
    """
    for zone in (text.decision, text.body, text.title):
        present = zone.words & kind.words
        if present:
            for cue, first, last in kind.ordered:
                if first in present and last in present and (first == cue or zone.has_phrase(cue)):
                    found = estimate_text.locate(zone, cue)
                    if found is not None:
                        return found
        if zone.chinese:
            for cue in kind.chinese:
                if cue in zone.raw:
                    return estimate_text.locate(zone, cue)
    return None


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


# ---- evidence ---------------------------------------------------------------------------------

def _evidence(hits: list) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for _, cue, _, zone in hits:
        found = estimate_text.locate(zone, cue)
        if found is not None and all(o.line != found.line or o.start != found.start for o in out):
            out.append(Evidence.of(found))
    return tuple(out)


def _subject(text: Text) -> tuple[Evidence, ...]:
    """The line that states the decision (its Decision section's first line, else the title), quoted whole."""
    for zone in (text.decision, text.title):
        found = estimate_text.first_line(zone)
        if found is not None:
            return (Evidence.of(found),)
    return ()

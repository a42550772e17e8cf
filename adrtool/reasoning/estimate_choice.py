"""The estimated choice: deliberate exactly when a reason or a rejected alternative is visible, as the card reads them.

The labels define choice from the essentials (bench/judgement/DEFINITIONS.md:
deliberate "when its reason is found, or at least one alternative is
rejected with a reason"), and the reasoning card (`essentials`) is where
adrtool reads those two.  This is the card's reading of them, cheap enough
for every untagged decision of `list --json`: the same section meanings
(`meaning.meaning_of`), the same cue tables as words
(`estimate_choice_cues`), looked for zone by zone with set intersections
instead of line by line.  Where the card's rules need a line's own
structure (a "Good, because" item), one regex reads the zone that has
the label words.

- **reason**: a reason cue in what states the choice (the Decision and
  Rationale sections; a record with no Decision section: its prose outside
  any recognised section), a Rationale section of its own, a Good /
  Positive consequence, or a reason cue in the Context on a line that
  speaks of what the title names (the card's "a reason in the context that
  speaks of what was chosen").
- **alternative**: an alternative cue outside the Context ("instead of",
  "rejected", "compared to"), a Bad / Con item under the options, options
  listed while the Decision compares them, or the way things are now
  faulted in the Context (the status quo weighed and rejected).

Neither: arbitrary, "no reasoning visible"; never deliberate by default.
"""

from __future__ import annotations

import re

from adrtool.reasoning import estimate_choice_cues as cc
from adrtool.reasoning import estimate_text
from adrtool.reasoning.estimate_text import (CONSEQUENCES, CONTEXT, DECISION, OPTIONS, OTHER, POSITIVE, RATIONALE,
                                             Found, Text, Zone)

DELIBERATE, ARBITRARY = "deliberate", "arbitrary"
NO_REASONING = "no reasoning visible"
OWN_REASON, WEIGHED = "a reason of its own", "alternatives weighed"
BOTH = "alternatives weighed, and a reason of its own"
MIN_WORDS = 25
RATIONALE_WORDS = 5  # a Rationale section of this many words is a reason by itself (the card's rule)
POSITIVE_WORDS = 3  # a Good consequence with this many words is a reason (the card: "with content")
NEAR = 240  # characters around a status-quo word in which a problem with it must be named (about a line)

_FOR = "|".join(re.escape(w) for w in cc.FOR_LABELS.split("|"))
_AGAINST = "|".join(re.escape(w) for w in cc.AGAINST_LABELS.split("|"))
# A list item or a line led by its label: "* Good, because ...", "- **Con**: ...", "优点：...".
_LABEL_LINE = r"^[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*(?:\*\*|__)?({})(?![^\W_])"
_FOR_LINE = re.compile(_LABEL_LINE.format(_FOR), re.IGNORECASE | re.MULTILINE)
_AGAINST_LINE = re.compile(_LABEL_LINE.format(_AGAINST), re.IGNORECASE | re.MULTILINE)
_WORD = re.compile(r"[^\W_]+")
_REASONS_LEAD = re.compile(r"^[^\n]*\b(because|reasons?|why|rationale|motivation|weil|gründe|raisons?|razones|razões|"
                           r"motivos|ragioni)\b[^\n]*[:：][ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S",
                           re.IGNORECASE | re.MULTILINE)
_STOP = frozenset("the a an and or of for to in on with use using we our new not no as by be is are it this that "
                  "adr der die das und für von mit le la les des et pour el los las y para o os e com il di per "
                  "zu ein eine un une".split())


def choice(text: Text) -> tuple[str, str, list[Found], bool]:
    """(choice, reason, the lines it rests on, whether the text was too short to tell)."""
    reason = _reason(text)
    alternative = _alternative(text)
    if reason is None and alternative is None:
        from adrtool.reasoning.estimate_door import subject

        return ARBITRARY, NO_REASONING, subject(text), text.words < MIN_WORDS
    found = [f for f in (reason, alternative) if f is not None]
    why = BOTH if reason is not None and alternative is not None else OWN_REASON if reason is not None else WEIGHED
    return DELIBERATE, why, found, False


def _contexts(text: Text) -> list[Zone]:
    """The zones that say why something must be decided: the Context and the drivers, and, in a record with a
    Decision section, the prose above its first section (MADR 2 writes its problem statement there)."""
    zones = text.zones
    out = [zones[CONTEXT]] if CONTEXT in zones else []
    if OTHER in zones and DECISION in zones:
        out.append(zones[OTHER])
    return out


def _stated(text: Text) -> Zone | None:
    """What states the choice: the Decision section, or in a record with none, its prose outside any section."""
    zones = text.zones
    return zones.get(DECISION) or zones.get(OTHER)


def _reason(text: Text) -> Found | None:
    zones = text.zones
    for zone in (_stated(text), zones.get(RATIONALE)):
        if zone:
            found = _first(zone, cc.REASONS)
            if found is not None:
                return found
    rationale, positive = zones.get(RATIONALE), zones.get(POSITIVE)
    if rationale and rationale.size >= RATIONALE_WORDS:
        return estimate_text.first_line(rationale)
    for zone in zones.values():  # "Reasons behind this move were:" above a list: its items are the reasons
        if zone.words & cc.LEAD_WORDS:
            m = _REASONS_LEAD.search(zone.raw)
            if m is not None:
                return estimate_text._quote(zone, m.start(1), m.end(1))
    if positive and positive.size >= POSITIVE_WORDS:
        return estimate_text.first_line(positive)
    for kind in (CONSEQUENCES, OPTIONS):  # "* Good, because ..." among the consequences or the chosen option's pros
        found = _labelled(zones.get(kind), _FOR_LINE)
        if found is not None:
            return found
    return _context_reason(text)


def _alternative(text: Text) -> Found | None:
    zones = text.zones
    contexts = _contexts(text)
    for zone in zones.values():
        found = _first(zone, cc.REJECTIONS if any(zone is c for c in contexts) else cc.ALTERNATIVES)
        if found is not None:
            return found
    options = zones.get(OPTIONS)
    if options:  # an option with something said against it: a Bad item, or its explanation
        found = _labelled(options, _AGAINST_LINE) or _first(options, cc.AGAINSTS)
        if found is not None:
            return found
        decided = zones.get(DECISION)
        if decided:
            found = _first(decided, cc.COMPARISONS)
            if found is not None:
                return found
    return _status_quo(text, contexts)


def _status_quo(text: Text, contexts: list[Zone]) -> Found | None:
    """A Context that says how things are now and what is wrong with it, or a decision that changes a practice
    the Context faults: the status quo counts as the rejected alternative (DEFINITIONS, the clarified
    status-quo rule), as the card reads it, anywhere in the Context."""
    problem = next(((zone, cues) for zone in contexts for cues in [cc.PROBLEMS.found(zone)] if cues), None)
    if problem is None:
        return None
    zone, cues = problem
    now = any(cc.STATUS_QUOS.found(z) for z in contexts)
    if now or any(cc.CHANGES.found(z) for z in (_stated(text), text.title) if z):
        return estimate_text.locate(zone, cues[0])
    return None


def _context_reason(text: Text) -> Found | None:
    """A reason cue in the Context on a line that speaks of what was chosen (a word of the title or the
    Decision section): the card's "a reason in the context that speaks of what was chosen"."""
    contexts = _contexts(text)
    if not contexts:
        return None
    named = {w for w in text.title.words if len(w) > 2 and w not in _STOP and not w.isdigit()}
    stated = text.zones.get(DECISION)
    if stated:
        named |= {w for w in stated.words if len(w) > 2 and w not in _STOP and not w.isdigit()}
    if not named:
        return None
    for zone in contexts:
        for cue in cc.REASONS.found(zone):
            found = estimate_text.locate(zone, cue)
            if found is not None and named & set(_WORD.findall(found.text.lower())):
                return found
    return None


def _first(zone: Zone, kind: cc.Cues) -> Found | None:
    for cue in kind.found(zone):
        found = estimate_text.locate(zone, cue)
        if found is not None:
            return found
    return None


def _labelled(zone: Zone | None, pattern: re.Pattern) -> Found | None:
    if not zone or not (zone.words & cc.LABEL_WORDS or zone.chinese):
        return None
    m = pattern.search(zone.raw)
    if m is None:
        return None
    return estimate_text._quote(zone, m.start(1), m.end(1))

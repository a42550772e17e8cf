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
  speaks of what was chosen").  A reason cue in Consequences prose is not
  one: the card reads only a Good or Positive consequence as the reason.
- **alternative**: an alternative cue outside the Context ("instead of",
  "rejected", "compared to"), a Bad / Con item under the options, options
  listed while the Decision compares them, or the way things are now
  faulted in the Context (the status quo weighed and rejected).
- with neither, an alternative the card calls *thin* (`estimate_choice_absence`:
  options described, a record argued at length, a comparison or a weighing
  told in prose), which the card's estimate counts as weighed.

Otherwise: arbitrary, "no reasoning visible"; never deliberate by default
(a short record that shows no reasoning stays arbitrary).
(A Decision section that is only 'Chosen option: "TBD"' is not read as
"none chosen": DEFINITIONS judges such a record as usual when it states
its proposal elsewhere, which cue words cannot tell from a record that
prefers no option.)
"""

from __future__ import annotations

import re

from adrtool.reasoning import estimate_choice_cues as cc
from adrtool.reasoning import estimate_choice_absence, estimate_door, estimate_text  # (door: `subject`)
from adrtool.reasoning.estimate_choice_cues import first_of
from adrtool.reasoning.estimate_text import (CONSEQUENCES, CONTEXT, DECISION, OPTIONS, OTHER, POSITIVE, RATIONALE,
                                             Found, Text, Zone)

DELIBERATE, ARBITRARY = "deliberate", "arbitrary"
NO_REASONING = "no reasoning visible"
OWN_REASON, WEIGHED = "a reason of its own", "alternatives weighed"
BOTH = "alternatives weighed, and a reason of its own"
ARGUED = "argued at length, no alternative named"  # the card's thin alternative of a long record
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
# Words that say nothing of what was chosen, and the digits of numbered titles.
_STOP = frozenset("the a an and or of for to in on with use using we our new not no as by be is are it this that "
                  "will can all any at from its us adr der die das und für von mit zu ein eine le la les des et "
                  "pour un une el los las y para o os e com il di per 0 1 2 3 4 5 6 7 8 9 10 11 12".split())


def choice(text: Text) -> tuple[str, str, list[Found], bool]:
    """(choice, reason, the lines it rests on, whether the text was too short to tell).

    The signals are tried from the cheapest and commonest to the rarest, and
    the first one found decides: a record is deliberate as soon as one reason
    or one turned-down alternative is visible, so most records stop at their
    Decision section.  A reason and an alternative in that section are both
    named.
    """
    stated = _stated(text)
    reason = _first(stated, cc.REASONS) if stated else None
    alternative = _first(stated, cc.ALTERNATIVES) if stated else None
    if reason is None and alternative is None:
        reason = _reason(text)
        if reason is None:
            alternative = _alternative(text)
            if alternative is None:
                return _unseen(text)
    if alternative is None and OPTIONS in text.zones:  # a record that lists options: say whether they lost
        alternative = _weighed_options(text.zones[OPTIONS])
    found = [f for f in (reason, alternative) if f is not None]
    why = BOTH if reason is not None and alternative is not None else OWN_REASON if reason is not None else WEIGHED
    return DELIBERATE, why, found, False


def _unseen(text: Text) -> tuple[str, str, list[Found], bool]:
    """No cue of a reason or of a lost alternative: deliberate only where the card would call the alternatives
    *thin* (`estimate_choice_absence`), else arbitrary, "no reasoning visible"."""
    found = estimate_choice_absence.thin_alternative(text, _contexts(text))
    if found is None:
        return ARBITRARY, NO_REASONING, estimate_door.subject(text), text.words < MIN_WORDS
    kind, line = found
    return DELIBERATE, ARGUED if kind == estimate_choice_absence.LONG else WEIGHED, [line] if line else [], False


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
    """A reason beyond the Decision section's own cue words (which `choice` tried first)."""
    zones = text.zones
    rationale, positive = zones.get(RATIONALE), zones.get(POSITIVE)
    if rationale:  # a Rationale section: its cue words, or its words at all
        found = _first(rationale, cc.REASONS)
        if found is not None or rationale.size >= RATIONALE_WORDS:
            return found or estimate_text.first_line(rationale)
    if positive and positive.size >= POSITIVE_WORDS:
        return estimate_text.first_line(positive)
    for kind in (CONSEQUENCES, OPTIONS):  # "* Good, because ..." among the consequences or the chosen option's pros
        found = _labelled(zones.get(kind), _FOR_LINE)
        if found is not None:
            return found
    found = _context_reason(text)
    if found is not None:
        return found
    for zone in zones.values():  # "Reasons behind this move were:" above a list: its items are the reasons
        if not zone.present.isdisjoint(cc.LEAD_WORDS):
            m = _REASONS_LEAD.search(zone.raw)
            if m is not None:
                return estimate_text._quote(zone, m.start(1), m.end(1))
    return None


def _alternative(text: Text) -> Found | None:
    """An alternative beyond the Decision section's own cue words (which `choice` tried first)."""
    zones = text.zones
    contexts = _contexts(text)
    stated = _stated(text)
    options = zones.get(OPTIONS)
    if options:  # an option with something said against it: a Bad item, or its explanation
        found = _weighed_options(options)
        if found is not None:
            return found
        decided = zones.get(DECISION)
        if decided:
            found = _first(decided, cc.COMPARISONS)
            if found is not None:
                return found
    found = _status_quo(text, contexts)  # the Context, which the reason above has already read
    if found is not None:
        return found
    for zone in zones.values():
        if zone is not stated:
            found = _first(zone, cc.REJECTIONS if any(zone is c for c in contexts) else cc.ALTERNATIVES)
            if found is not None:
                return found
    return None


def _weighed_options(options: Zone) -> Found | None:
    return _labelled(options, _AGAINST_LINE) or _first(options, cc.AGAINSTS)


def _status_quo(text: Text, contexts: list[Zone]) -> Found | None:
    """A Context that says how things are now and what is wrong with it, or a decision that changes a practice
    the Context faults: the status quo counts as the rejected alternative (DEFINITIONS, the clarified
    status-quo rule), as the card reads it, anywhere in the Context."""
    for zone in contexts:
        cue = first_of(cc.PROBLEMS, zone)
        if cue:
            break
    else:
        return None
    for z in contexts:  # the way things are now, in the Context
        if first_of(cc.STATUS_QUOS, z):
            return estimate_text.locate(zone, cue)
    for z in (_stated(text), text.title):  # or a decision that changes a practice
        if z and first_of(cc.CHANGES, z):
            return estimate_text.locate(zone, cue)
    return None


def _context_reason(text: Text) -> Found | None:
    """A reason cue in the Context on a line that speaks of what was chosen (a word of the title or the
    Decision section): the card's "a reason in the context that speaks of what was chosen"."""
    contexts = _contexts(text)
    if not contexts:
        return None
    named = None  # the words of what was chosen, made only once a reason cue is found (most Contexts have none)
    for zone in contexts:
        for cue in cc.REASONS.found(zone):
            found = estimate_text.locate(zone, cue)
            if found is None:
                continue
            if named is None:
                named = text.title.words
                stated = text.zones.get(DECISION)
                if stated:
                    named = named | stated.words
                named = named - _STOP
                if not named:
                    return None
            if not named.isdisjoint(_WORD.findall(found.text.lower())):
                return found
    return None


def _first(zone: Zone, kind: cc.Cues) -> Found | None:
    """The line of the most telling cue of this kind in `zone` (its longest phrase, else its first word in
    alphabetical order: the same text always quotes the same line)."""
    if not zone.present.isdisjoint(kind.keys) or (kind.chinese and zone.chinese):
        cue = first_of(kind, zone)
        found = estimate_text.locate(zone, cue) if cue is not None else None
        if found is not None and _prose(found):
            return found
        for cue in kind.found(zone) if found is not None else ():  # the first was inline code: the others
            found = estimate_text.locate(zone, cue)
            if found is not None and _prose(found):
                return found
    return None


def _prose(found: Found) -> bool:
    """Inline code is an identifier, not prose: "`since` (string)" is a field, not a reason.  And "we would like
    to ..." is a wish (DEFINITIONS: a wish is a thin reason), not another way weighed as what it would be like."""
    if found.text.count("`", 0, found.start) % 2:
        return False
    return found.cue[:1] not in "wW" or _WISH.match(found.text, found.end) is None


_WISH = re.compile(r"[ \t]+(?:like|love|prefer|gerne?)\b", re.IGNORECASE)  # after "would" / "würde(n)"


def _labelled(zone: Zone | None, pattern: re.Pattern) -> Found | None:
    if not zone or not (not zone.present.isdisjoint(cc.LABEL_WORDS) or zone.chinese):
        return None
    m = pattern.search(zone.raw)
    if m is None:
        return None
    return estimate_text._quote(zone, m.start(1), m.end(1))

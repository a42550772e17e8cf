"""The estimated door: what undoing the decision would take, weighed by a small linear model over where its cues are.

What the model reads (issue 15, bench/judgement/DEFINITIONS.md): the cue
words of `estimate_cues` (each a group of one door: persisted data, a
published contract, a foundation, identifiers, an organisation-wide
convention are one-way; internal structure, tooling, tuning, a library, a
process, presentation are two-way; and what the record says about undoing
it), summed by **door and place**: the title, the Decision section (the
prose outside any section when there is none), and the rest of the text.
Six totals, two flags for a short text, and a bias: their weights are in
`estimate_door_weights`, fitted on every hand-labelled record and checked
leave-one-collection-out and grouped by round (bench/estimates/door_cv.py;
decision 0095).

Why so few features: per-group weights (15 groups x 3 places) and hand
rules on which cue of which place wins (the rules before this one) both
fitted the collections they were read from and lost 15 to 25 points on
collections nobody had studied.  Six totals carry to unseen collections
best of everything tried (bench/README.md, "Estimated tags").

- **Lean one-way when nothing speaks**: no cue at all is one-way, and the
  reason says so; a record whose cues tip two-way only slightly is one-way
  too (`THRESHOLD`, the hidden mix's 60/40 prior), and says it leans.
- **Evidence**: the (at most two) cues that pushed hardest toward the
  door given, each quoted on its own line; with no cue, the line that
  states the decision.  A leading "Architecture Decision Record:" or
  "ADR-12:" of a title names the document, not the subject, and is not read.
"""

from __future__ import annotations

import re

from adrtool.reasoning import estimate_cues as cues
from adrtool.reasoning import estimate_door_weights as model
from adrtool.reasoning import estimate_text
from adrtool.reasoning.estimate_text import DECISION, OTHER, Found, Text, Zone

ONE_WAY, TWO_WAY = cues.ONE_WAY, cues.TWO_WAY
TOO_LITTLE = "too little text: leaning one-way"
NO_CUE = "no sign of what undoing it takes: leaning one-way"
TIE = "signs either way, too few for a two-way door: leaning one-way"
MIN_WORDS = model.SHORT_WORDS  # fewer words of the author's own than this is "too little text"
PLACES = model.PLACES
# "Architecture Decision Record: Configuration", "ADR-012: ...", "12. ...": the document's name, not its subject.
# A front matter's 'title: "ADR-013: ..."' likewise.
_TITLE_PREFIX = re.compile(r"^(?:title[ \t]*:[ \t]*[\"']?)?[#\s]*(?:\d+[.:)]?\s+)?(?:(?:architecture|architectural|any)\s+"
                           r"decision\s+record|adr)[\s_-]*\d*\s*[:.\-–—]\s*", re.IGNORECASE)
_COEF = {(place, door): model.WEIGHTS[place][i] for place in PLACES for i, door in enumerate((ONE_WAY, TWO_WAY))}


def door(text: Text) -> tuple[str, str, list[Found], bool]:
    """(door, reason, the lines it rests on, whether it leans for want of signs)."""
    found = _found(text)
    if not found:  # nothing tells
        reason = TOO_LITTLE if text.words < MIN_WORDS else NO_CUE
        return ONE_WAY, reason, subject(text), True
    sums: dict[tuple[str, str], float] = {}
    for place, _, one, two, _ in found:
        if one:
            sums[place, ONE_WAY] = sums.get((place, ONE_WAY), 0.0) + one
        if two:
            sums[place, TWO_WAY] = sums.get((place, TWO_WAY), 0.0) + two
    score = model_score(sums, text.words, text.inline)
    value = TWO_WAY if score > model.THRESHOLD else ONE_WAY
    sign = 1.0 if value == TWO_WAY else -1.0
    by_group: dict[str, float] = {}
    top: list[tuple[float, str, Zone]] = []  # the two cues that pushed hardest toward `value`
    for place, zone, _, _, zone_cues in found:
        coef = sign * _COEF[place, value]
        if coef <= 0:
            continue
        for c in zone_cues:
            if c.door == value:
                push = coef * c.weight
                by_group[c.group] = by_group.get(c.group, 0.0) + push
                top = _two_best(top, (-push, c.text, zone))
    if not by_group or (value == ONE_WAY and score > 0):  # one-way for want of enough two-way signs
        top = []  # the strongest signs of either door: what was seen, and was not enough
        for place, zone, _, _, zone_cues in found:
            for c in zone_cues:
                top = _two_best(top, (-abs(_COEF[place, c.door]) * c.weight, c.text, zone))
        return ONE_WAY, TOO_LITTLE if text.words < MIN_WORDS and not text.inline else TIE, _located(top), True
    reason = cues.GROUPS[min(by_group, key=lambda g: (-by_group[g], g))][1]
    if text.words < MIN_WORDS and not text.inline:
        reason += " (little text)"
    return value, reason, _located(top), False


def _two_best(top: list, candidate: tuple) -> list:
    """The two smallest of `top` and `candidate` by (minus the push, the cue's text): the evidence, in order."""
    if len(top) < 2:
        return sorted(top + [candidate], key=_rank)
    if _rank(candidate) < _rank(top[1]):
        return sorted([top[0], candidate], key=_rank)
    return top


def _rank(item: tuple) -> tuple[float, str]:
    return item[0], item[1]


def _found(text: Text) -> list[tuple[str, Zone, float, float, list[cues.DoorCue]]]:
    """(place, zone, one-way weight, two-way weight, its cues) of each zone holding a door cue: the title (its
    document prefix skipped), the Decision section (the prose outside any section when there is none), and only
    when both are silent the first other section that speaks (reading every section carried no better to unseen
    collections, bench/README.md, and costs a third more)."""
    out: list = []
    title = text.title
    if title:
        _skip_prefix(title)
        _add(out, "title", title)
    stated = text.decision if text.decision else text.zone(OTHER)
    if stated:
        _add(out, "decision", stated)
    if not out:  # the rest of the text only when the title and the Decision say nothing, in the record's order,
        for zone in text.zones.values():  # up to the first section that speaks (the Context, most often)
            if zone is not stated:
                _add(out, "body", zone)
                if out:
                    break
    return out


def _add(out: list, place: str, zone: Zone) -> None:
    found = zone_cues(zone)
    if found:
        one = two = 0.0
        for c in found:
            if c.door == ONE_WAY:
                one += c.weight
            else:
                two += c.weight
        out.append((place, zone, one, two, found))


def cues_by_place(text: Text) -> list[tuple[str, Zone, cues.DoorCue]]:
    """(place, zone, cue) of every door cue of the record, in the record's order (`_found`'s places)."""
    return [(place, zone, c) for place, zone, _, _, found in _found(text) for c in found]


def totals(found: list[tuple[str, Zone, cues.DoorCue]]) -> dict[tuple[str, str], float]:
    """(place, door) -> the sum of its cues' weights (before the cap)."""
    out: dict[tuple[str, str], float] = {}
    for place, _, c in found:
        key = place, c.door
        out[key] = out.get(key, 0.0) + c.weight
    return out


def features(found: list, words: int, inline: bool = False) -> list[float]:
    """The model's inputs in `estimate_door_weights.FEATURES` order (the bench fits the weights on these)."""
    sums = totals(found)
    return [min(sums.get((place, door), 0.0), model.CAP) for place in PLACES for door in (ONE_WAY, TWO_WAY)] + \
        [1.0 if words < model.SHORT_WORDS and not inline else 0.0,
         1.0 if words < model.TEMPLATE_WORDS and not inline else 0.0]


def model_score(sums: dict[tuple[str, str], float], words: int, inline: bool = False) -> float:
    """The model's score: above `THRESHOLD` is two-way (a log-odds on a set with as many of each door)."""
    score = model.BIAS
    for key, total in sums.items():
        score += _COEF[key] * (total if total < model.CAP else model.CAP)
    if not inline:
        if words < model.SHORT_WORDS:
            score += model.SHORT
        if words < model.TEMPLATE_WORDS:
            score += model.TEMPLATE
    return score


def _phrases(zone: Zone, present: set[str]) -> list[cues.DoorCue]:
    """The door phrases in `zone` (none inside a longer one that matched), and its Chinese cues."""
    padded = zone.padded
    found = [c for first in present.intersection(cues.DOOR_PHRASE_KEYS) for second, candidates in _PHRASES_BY_FIRST[first]
             if second in present for spaced, c in candidates if spaced in padded]
    if len(found) > 1:  # "decision records" inside "architecture decision records" says no more than it
        found = [c for c in found if not any(c is not o and f" {c.text} " in f" {o.text} " for o in found)]
    if zone.chinese:
        raw = zone.raw
        found += [c for c in cues.DOOR_CHINESE if c.text in raw]
    return found


# first word -> ((second word, ((" phrase ", its cue), ...)), ...): a membership test a pair, no set made, and
# each phrase looked for in the zone's padded words (`Zone.has_phrase`, inlined)
_PHRASES_BY_FIRST = {first: tuple((second, tuple((f" {c.text} ", c) for c in cues.DOOR_PHRASE_PAIRS[first, second]))
                                  for second in sorted(seconds))
                     for first, seconds in cues.DOOR_PHRASE_SECONDS.items()}


def zone_cues(zone: Zone) -> list[cues.DoorCue]:
    """The door cues in `zone`: phrases, then the words no matched phrase covers, then Chinese substrings."""
    present = zone.present
    if present.isdisjoint(cues.DOOR_KEYS) and not zone.chinese:
        return []
    phrases = _phrases(zone, present)
    words = present.intersection(cues.DOOR_WORD_KEYS)
    if phrases:
        words -= {w for c in phrases for w in c.text.split()}
    return phrases + [cues.DOOR_WORDS[w] for w in sorted(words)]


def _skip_prefix(title: Zone) -> None:
    m = _TITLE_PREFIX.match(title.raw)
    if m:
        title.skip(m.end())


def _located(counted: list[tuple[float, str, Zone]]) -> list[Found]:
    out: list[Found] = []
    for _, cue, zone in counted:
        found = estimate_text.locate(zone, cue)
        if found is not None and all(o.line != found.line or o.start != found.start for o in out):
            out.append(found)
    return out


def subject(text: Text) -> list[Found]:
    """The line that states the decision (its Decision section's first line, else the title), quoted whole."""
    for zone in (text.zones.get(DECISION), text.title):
        if zone:
            found = estimate_text.first_line(zone)
            if found is not None:
                return [found]
    return []

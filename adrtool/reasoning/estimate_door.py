"""The estimated door: what undoing the decision would take, weighed by a small linear model over where its cues are.

What the model reads (issue 15, bench/judgement/DEFINITIONS.md): the cue
words of `estimate_cues` (each a group of one door: persisted data, a
published contract, a foundation, identifiers, an organisation-wide
convention are one-way; internal structure, tooling, tuning, a library, a
process, presentation are two-way; and what the record says about undoing
it), summed by **door and place**: the title, the Decision section (the
prose outside any section when there is none), and the body (the Context
and the Consequences, by their words alone, `BODY_KINDS`).  Six totals and
a bias held at 0: their weights are in `estimate_door_weights`, fitted on
every hand-labelled record that is not short and checked
leave-one-collection-out and grouped by round (bench/estimates/door_cv.py;
decision 0095).  A short record is decided by the lean rule, the model
before the body was read always, frozen (`short`).

Why so few features: per-group weights (15 groups x 3 places) and hand
rules on which cue of which place wins (the rules before this one) both
fitted the collections they were read from and lost 15 to 25 points on
collections nobody had studied.  Six totals carry to unseen collections
best of everything tried (bench/README.md, "Estimated tags").

- **Lean one-way when nothing speaks**: no cue at all is one-way, and the
  reason says so; a record whose cues tip two-way only slightly is one-way
  too (`THRESHOLD`, the hidden mix's 60/40 prior), and says it leans.
- **Evidence**: the (at most two) cues of the title and the Decision that
  pushed hardest toward the door given (the body's only when it alone
  did), each quoted on its own line; with no cue, the line that
  states the decision.  A leading "Architecture Decision Record:" or
  "ADR-12:" of a title names the document, not the subject, and is not read.
- **Cost**: the body's words are the door's costliest look-up, since the
  choice mostly stops at the Decision and leaves the body untokenized: it
  is looked up only where it can change the door (`_settled`), and by
  `Zone.among`, a third cheaper than `Zone.present`.
"""

from __future__ import annotations

import re

from adrtool.reasoning import estimate_cues as cues
from adrtool.reasoning import estimate_door_weights as model
from adrtool.reasoning import estimate_text
from adrtool.reasoning.estimate_text import (CONSEQUENCES, CONTEXT, DECISION, NEGATIVE, OTHER, POSITIVE, Found, Text,
                                             Zone)

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
# The sections read as the body, by their cue words alone, in every record that is not short: the Context's and the
# Consequences' (the Positive and Negative ones too).  Not the options weighed, the Rationale or the prose outside
# any section beside a Decision: reading them carried no better to unseen collections and cost the tokenizing of
# what the choice mostly leaves alone (bench/README.md, eighth round).
BODY_KINDS = frozenset({CONTEXT, CONSEQUENCES, POSITIVE, NEGATIVE})
# What the body can add to the model's score at most, down and up: its weights times the cap (`_settled`), with a
# margin for the sums' rounding.
_BODY_SWING = (sum(max(0.0, -w) for w in model.WEIGHTS["body"]) * model.CAP + 1e-9,
               sum(max(0.0, w) for w in model.WEIGHTS["body"]) * model.CAP + 1e-9)
# a door word -> (its weight if one-way, its weight if two-way): the body's totals without its cues made
_WORD_WEIGHTS = {w: (c.weight, 0) if c.door == ONE_WAY else (0, c.weight) for w, c in cues.DOOR_WORDS.items()}
_COEF = {(place, door): model.WEIGHTS[place][i] for place in PLACES for i, door in enumerate((ONE_WAY, TWO_WAY))}
# A short record's weights: the lean rule's, frozen (estimate_door_weights)
_SHORT_COEF = {(place, door): model.SHORT_WEIGHTS[place][i] for place in PLACES
               for i, door in enumerate((ONE_WAY, TWO_WAY))}


def door(text: Text) -> tuple[str, str, list[Found], bool]:
    """(door, reason, the lines it rests on, whether it leans for want of signs)."""
    little = short(text)
    if little:  # too little text: the lean rule's reading and its own weights, whatever the fit
        found, coefs = _found(text, False), _SHORT_COEF
    else:
        found, coefs = _stated(text), _COEF
        if not _settled(found, text):  # the body read only where it can change the door, its reason or its lines
            _read_body(text, found)
    if not found:  # nothing tells
        reason = TOO_LITTLE if text.words < MIN_WORDS else NO_CUE
        return ONE_WAY, reason, subject(text), True
    score = model_score(_sums(found), text.words, text.inline)
    value = TWO_WAY if score > model.THRESHOLD else ONE_WAY
    sign = 1.0 if value == TWO_WAY else -1.0
    # The reason and the evidence: the title's and the Decision's cues that pushed toward `value`; the body's only
    # when those two pushed no way toward it (the body decided it).
    by_group, top = _pushes([f for f in found if f[0] != "body"], value, sign, coefs)
    if not by_group:
        by_group, top = _pushes(found, value, sign, coefs)
    if not by_group or (value == ONE_WAY and score > 0):  # one-way for want of enough two-way signs
        return ONE_WAY, TOO_LITTLE if little else TIE, _strongest(found, coefs), True
    reason = cues.GROUPS[min(by_group, key=lambda g: (-by_group[g], g))][1]
    return value, reason + " (little text)" if little else reason, _located(top), False


def _sums(found: list) -> dict[tuple[str, str], float]:
    """(place, door) -> the weight of its cues among `found` (before the cap)."""
    sums: dict[tuple[str, str], float] = {}
    for place, _, one, two, _ in found:
        if one:
            sums[place, ONE_WAY] = sums.get((place, ONE_WAY), 0.0) + one
        if two:
            sums[place, TWO_WAY] = sums.get((place, TWO_WAY), 0.0) + two
    return sums


def _settled(stated: list, text: Text) -> bool:
    """Whether the title's and the Decision's cues (`stated`) settle the door whatever the body holds: its weights
    times the cap bound what it can add to the score (`_BODY_SWING`), so when the score is beyond the threshold by
    more than that, and a cue of these two pushed toward the door they give (so the reason and the lines are
    theirs), reading the body would change nothing `door` returns.  The body's look-up is the door's costliest
    step (it tokenizes what the choice left alone), and a fifth of the records are settled so (eighth round)."""
    if not stated:
        return False
    score = model_score(_sums(stated), text.words, text.inline)
    down, up = _BODY_SWING
    if score > model.THRESHOLD + down:
        value = TWO_WAY
    elif score + up < 0.0:  # one-way, and not leaning for want of two-way signs (the score stays below 0)
        value = ONE_WAY
    else:
        return False
    sign = 1.0 if value == TWO_WAY else -1.0
    return any(sign * _COEF[place, value] > 0 and any(c.door == value for c in zone_cues)
               for place, _, _, _, zone_cues in stated)


def short(text: Text) -> bool:
    """Whether the record gives too little text for the model: fewer than `MIN_WORDS` words of the author's own
    below the title, and not an inline record (whose title is its text)."""
    return text.words < MIN_WORDS and not text.inline


def _pushes(found: list, value: str, sign: float, coefs: dict) -> tuple[dict[str, float], list[tuple[float, str, Zone]]]:
    """(group -> its cues' push toward `value`, the two cues that pushed hardest toward it) among `found`."""
    by_group: dict[str, float] = {}
    top: list[tuple[float, str, Zone]] = []
    for entry in found:
        place, zone = entry[0], entry[1]
        coef = sign * coefs[place, value]
        if coef <= 0:
            continue
        for c in _cues(entry):
            if c.door == value:
                push = coef * c.weight
                by_group[c.group] = by_group.get(c.group, 0.0) + push
                top = _two_best(top, (-push, c.text, zone))
    return by_group, top


def _strongest(found: list, coefs: dict) -> list[Found]:
    """The strongest signs of either door, the title's and the Decision's first: what was seen, and was not
    enough."""
    top: list = []
    for entry in [f for f in found if f[0] != "body"] or found:
        place, zone = entry[0], entry[1]
        for c in _cues(entry):
            top = _two_best(top, (-abs(coefs[place, c.door]) * c.weight, c.text, zone))
    return _located(top)


def _two_best(top: list, candidate: tuple) -> list:
    """The two smallest of `top` and `candidate` by (minus the push, the cue's text): the evidence, in order."""
    if len(top) < 2:
        return sorted(top + [candidate], key=_rank)
    if _rank(candidate) < _rank(top[1]):
        return sorted([top[0], candidate], key=_rank)
    return top


def _rank(item: tuple) -> tuple[float, str]:
    return item[0], item[1]


def _found(text: Text, body: bool = True) -> list[tuple[str, Zone, float, float, list[cues.DoorCue]]]:
    """(place, zone, one-way weight, two-way weight, its cues) of each zone holding a door cue: the title (its
    document prefix skipped), the Decision section (the prose outside any section when there is none), and, with
    `body`, the sections of `BODY_KINDS` as the body, by their cue words only, kept as words (`_cues` makes them
    cues).  Read always, the body carried better to unseen collections than read only when the other two are
    silent (decision 0095, seventh round); its words are found by `Zone.among`, which tokenizes a zone the choice
    left alone without meeting it with every cue key, where its phrases doubled the door's cost (eighth round).
    Without `body` (a short record, the lean rule's reading) the first other section that speaks, its phrases too,
    only when the title and the Decision are silent."""
    if body:
        out = _stated(text)
        _read_body(text, out)
        return out
    out = _stated(text)
    if not out:  # in the record's order, up to the first section that speaks (the Context, most often)
        stated = text.decision if text.decision else text.zone(OTHER)
        for zone in text.zones.values():
            if zone is not stated:
                _add(out, "body", zone)
                if out:
                    break
    return out


def _stated(text: Text) -> list:
    """`_found`'s entries of the title and of the Decision section (or the prose outside any section)."""
    out: list = []
    title = text.title
    if title:
        _skip_prefix(title)
        _add(out, "title", title)
    stated = text.decision if text.decision else text.zone(OTHER)
    if stated:
        _add(out, "decision", stated)
    return out


def _read_body(text: Text, out: list) -> None:
    """Appends to `out` an entry for each section of `BODY_KINDS` holding a door word (its words kept as words)."""
    kinds, keys, weights = BODY_KINDS, cues.DOOR_WORD_KEYS, _WORD_WEIGHTS
    stated = text.decision if text.decision else text.zone(OTHER)
    for zone in text.zones.values():  # (in the record's order)
        if zone.name in kinds and zone is not stated:
            words = zone.among(keys)
            if words:
                one = two = 0  # (whole weights: the sums are exact in any order of the set)
                for w in words:
                    a, b = weights[w]
                    one += a
                    two += b
                out.append(("body", zone, one, two, words))


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


def cues_by_place(text: Text, body: bool | None = None) -> list[tuple[str, Zone, cues.DoorCue]]:
    """(place, zone, cue) of every door cue of the record, in the record's order (`_found`'s places; the body
    read always unless the record is short, or as `body` says)."""
    return [(entry[0], entry[1], c) for entry in _found(text, not short(text) if body is None else body)
            for c in _cues(entry)]


def _cues(entry: tuple) -> list[cues.DoorCue]:
    """The cues of one of `_found`'s entries: the body's, which it keeps as words, made only when asked (most
    records' evidence is the title's or the Decision's)."""
    found = entry[4]
    return found if isinstance(found, list) else [cues.DOOR_WORDS[w] for w in sorted(found)]


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
    """The model's score: above `THRESHOLD` is two-way (a log-odds on a set with as many of each door); a short
    record's is the lean rule's, its frozen weights and the two flags."""
    if inline or words >= model.SHORT_WORDS:
        score, coefs = model.BIAS, _COEF
    else:
        score, coefs = model.SHORT_BIAS + model.SHORT + (model.TEMPLATE if words < model.TEMPLATE_WORDS else 0.0), \
            _SHORT_COEF
    for key, total in sums.items():
        score += coefs[key] * (total if total < model.CAP else model.CAP)
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

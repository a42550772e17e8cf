"""The estimated door: what undoing the decision would take, weighed from the cue words of its zones.

Rules, each about how real records say what undoing takes (issue 15,
bench/judgement/DEFINITIONS.md; the figures behind them are in
bench/README.md, "Estimated tags"):

- **The title names the subject, and weighs most** (3).  What was decided
  (a storage format, a public API, an identity provider, a platform; or a
  tool, a test approach, a process, a convention inside one repository)
  is said there in a few words, and a record's title is the one line
  written to say what it is about.  A leading "Architecture Decision
  Record:" or "ADR-12:" names the document, not the subject, and is not read.
- **The Decision section comes next** (1 for a one-way cue, 0.5 for a
  two-way one), **the rest of the text last** (0.5 and 0.25).  A one-way
  decision is usually explained with internal detail (modules, tests,
  scripts, a pipeline), so two-way words below the title are weaker
  evidence than one-way words there: on dev and test, a two-way word in
  the Decision section came with a one-way label more often than not,
  while data, contract and identity words there came with one-way labels
  three times in four.  A record with no Decision section has its prose
  outside any recognised section read in its place.
- **What the record says about undoing it** ("hard to change", "existing
  data", "can be reverted", "a trial", "for now") is a statement about the
  door itself, and weighs 1 wherever it is.
- **Cues are weighed, not first-matched**: each side counts its three
  strongest cues (a cue at its weightiest place); many weak words must not
  outweigh the few that name the subject, and a word inside a phrase that
  matched says no more than the phrase.
- **Lean one-way only when nothing speaks**: no cue, a tie, or a record
  that is still its template (fewer than 8 words of its own below the
  title) is one-way, and the reason says so.
"""

from __future__ import annotations

import re

from adrtool.reasoning import estimate_cues as cues
from adrtool.reasoning import estimate_text
from adrtool.reasoning.estimate_text import DECISION, OTHER, Found, Text, Zone

ONE_WAY, TWO_WAY = cues.ONE_WAY, cues.TWO_WAY
TOO_LITTLE = "too little text: leaning one-way"
NO_CUE = "no sign of what undoing it takes: leaning one-way"
TIE = "as many signs each way: leaning one-way"
MIN_WORDS = 25  # fewer words of the author's own than this is "too little text"
TEMPLATE_WORDS = 8  # fewer than this below the title: the record is still its template, the title alone is no sign
TOP_CUES = 3
BODY_ONLY_WHEN_SILENT = True
# (weight of a one-way cue, weight of a two-way cue) by where it is found.
WEIGHTS = {"title": (3.0, 3.0), "decision": (1.0, 0.5), "body": (0.5, 0.25)}
STATEMENT = 1.0  # a sentence about undoing it ("hard to change", "a trial"), below the title
_STATEMENT_GROUPS = frozenset({"irreversible", "reversible"})
# "Architecture Decision Record: Configuration", "ADR-012: ...", "12. ...": the document's name, not its subject.
_TITLE_PREFIX = re.compile(r"^[#\s]*(?:\d+[.:)]?\s+)?(?:(?:architecture|architectural|any)\s+decision\s+record|"
                           r"adr)[\s_-]*\d*\s*[:.\-–—]\s*", re.IGNORECASE)


def door(text: Text) -> tuple[str, str, list[Found], bool]:
    """(door, reason, the lines it rests on, whether it leans for want of signs)."""
    hits = _hits(text)
    if hits and all(place == "body" and cue.weight < 2 for _, _, cue, _, place in hits):
        hits = []  # the title and the Decision are silent, and the rest only leans: nothing speaks
    if not hits or (text.words < TEMPLATE_WORDS and not text.inline):  # nothing tells, or still its template
        reason = TOO_LITTLE if text.words < MIN_WORDS else NO_CUE
        return ONE_WAY, reason, subject(text), True
    totals = {ONE_WAY: 0.0, TWO_WAY: 0.0}
    counted = {ONE_WAY: 0, TWO_WAY: 0}
    by_group: dict[str, float] = {}
    for score, _, cue, _, _ in hits:  # weightiest first: only the TOP_CUES strongest signs of each side count
        if counted[cue.door] < TOP_CUES:
            counted[cue.door] += 1
            totals[cue.door] += score
            by_group[cue.group] = by_group.get(cue.group, 0.0) + score
    if totals[ONE_WAY] == totals[TWO_WAY]:
        return ONE_WAY, TIE, _located(hits[:2]), True
    value = TWO_WAY if totals[TWO_WAY] > totals[ONE_WAY] else ONE_WAY
    group = min((g for g in by_group if cues.GROUPS[g][0] == value), key=lambda g: (-by_group[g], g))
    reason = cues.GROUPS[group][1]
    if text.words < MIN_WORDS and not text.inline:
        reason += " (little text)"
    return value, reason, _located([h for h in hits if h[2].door == value][:2]), False


def _hits(text: Text) -> list[tuple[float, str, cues.DoorCue, Zone, str]]:
    """(score, cue text, cue, zone, place) of each door cue at its weightiest place, weightiest first."""
    best: dict[str, tuple[float, str, cues.DoorCue, Zone, str]] = {}
    stated = text.decision if text.decision else text.zone(OTHER)
    places = [("title", text.title), ("decision", stated)]
    places += [("body", z) for z in text.zones.values() if z is not stated]
    for place, zone in places:
        if not zone:
            continue
        if place == "body" and best and BODY_ONLY_WHEN_SILENT:
            break  # the rest of the text is read only when the title and the Decision say nothing
        one, two = WEIGHTS[place]
        for cue in zone_cues(zone, _title_skip(zone) if place == "title" else 0):
            if place != "title" and cue.group in _STATEMENT_GROUPS:
                weight = STATEMENT
            else:
                weight = one if cue.door == ONE_WAY else two
            score = weight * cue.weight
            held = best.get(cue.text)
            if held is None or held[0] < score:
                best[cue.text] = (score, cue.text, cue, zone, place)
    return sorted(best.values(), key=lambda h: (-h[0], h[1]))


def zone_cues(zone: Zone, skip: int = 0) -> list[cues.DoorCue]:
    """The door cues in `zone`: phrases, then the words no matched phrase covers, then Chinese substrings."""
    words = zone.words if not skip else _words_after(zone, skip)
    present = words & cues.DOOR_KEYS
    if not present and not zone.chinese:
        return []
    found = [c for first in present & cues.DOOR_PHRASE_KEYS for c in cues.DOOR_PHRASES[first]
             if c.second in words and zone.has_phrase(c.text)]
    if found:  # a word inside a phrase that matched says no more than the phrase ("core" "api" in "core api"),
        # nor does a shorter phrase inside a longer one ("decision records" in "architecture decision records")
        if len(found) > 1:
            found = [c for c in found if not any(c is not o and f" {c.text} " in f" {o.text} " for o in found)]
        covered = {w for c in found for w in c.text.split()}
        found += [cues.DOOR_WORDS[w] for w in present & cues.DOOR_WORD_KEYS if w not in covered]
    else:
        found = [cues.DOOR_WORDS[w] for w in present & cues.DOOR_WORD_KEYS]
    if zone.chinese:
        raw = zone.raw[skip:]
        found += [c for c in cues.DOOR_CHINESE if c.text in raw]
    return found


def _title_skip(zone: Zone) -> int:
    m = _TITLE_PREFIX.match(zone.raw)
    return m.end() if m else 0


def _words_after(zone: Zone, skip: int) -> set[str]:
    rest = Zone(zone.name, [(zone.segments[0][0], zone.raw[skip:])])
    zone._words, zone._spaced = rest.words, rest._spaced  # the title's words are those after its prefix
    return zone._words


def _located(hits: list) -> list[Found]:
    out: list[Found] = []
    for _, cue, _, zone, _ in hits:
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

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
  door itself, and weighs 1 wherever it is; a choice it declares
  provisional ("not considered a final decision", "an intermediate step",
  "experimental") weighs 3, as a product named in the title does.
- **Cues are weighed, not first-matched**: each side counts its three
  strongest cues (a cue at its weightiest place); many weak words must not
  outweigh the few that name the subject, and a word inside a phrase that
  matched says no more than the phrase.
- **Lean one-way only when nothing speaks**: no cue, a tie, or a record
  that is still its template (fewer than 8 words of its own below the
  title) is one-way, and the reason says so; unless the template's title
  names its subject plainly (two cues of one door, one of them strong, as
  "testing library": DEFINITIONS, "Only a title").
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
TEMPLATE_WORDS = 8  # fewer than this below the title: the record is still its template, only a plain title speaks
TOP_CUES = 3
# (weight of a one-way cue, weight of a two-way cue) by where it is found.
WEIGHTS = {"title": (3.0, 3.0), "decision": (1.0, 0.5), "body": (0.5, 0.25)}
STATEMENT = 1.0  # a sentence about undoing it ("hard to change", "a trial"), below the title
# "Architecture Decision Record: Configuration", "ADR-012: ...", "12. ...": the document's name, not its subject.
# A front matter's 'title: "ADR-013: ..."' likewise.
_TITLE_PREFIX = re.compile(r"^(?:title[ \t]*:[ \t]*[\"']?)?[#\s]*(?:\d+[.:)]?\s+)?(?:(?:architecture|architectural|any)\s+"
                           r"decision\s+record|adr)[\s_-]*\d*\s*[:.\-–—]\s*", re.IGNORECASE)


def door(text: Text) -> tuple[str, str, list[Found], bool]:
    """(door, reason, the lines it rests on, whether it leans for want of signs)."""
    signs = _signs(text)
    if signs and all(place == "body" and weight < 2 for _, _, weight, _, _, place in signs):
        signs = []  # the title and the Decision are silent, and the rest only leans: nothing speaks
    if text.words < TEMPLATE_WORDS and not text.inline and not _plain_title(signs):  # still its template
        signs = []
    if not signs:  # nothing tells
        reason = TOO_LITTLE if text.words < MIN_WORDS else NO_CUE
        return ONE_WAY, reason, subject(text), True
    signs.sort(key=_weightiest)
    counted: dict[str, list[tuple[float, str, Zone]]] = {ONE_WAY: [], TWO_WAY: []}
    for score, side, _, names, zone, _ in signs:  # weightiest first: only the TOP_CUES strongest signs of each side
        mine = counted[side]
        room = TOP_CUES - len(mine)
        if room > 0:
            mine += [(score, name, zone) for name in (sorted(names)[:room] if len(names) > 1 else names)]
    totals = {side: sum([score for score, _, _ in found]) for side, found in counted.items()}
    if totals[ONE_WAY] == totals[TWO_WAY]:
        return ONE_WAY, TIE, _located((counted[ONE_WAY] + counted[TWO_WAY])[:2]), True
    value = TWO_WAY if totals[TWO_WAY] > totals[ONE_WAY] else ONE_WAY
    by_group: dict[str, float] = {}
    for score, name, _ in counted[value]:
        group = cues.cue(name).group
        by_group[group] = by_group.get(group, 0.0) + score
    reason = cues.GROUPS[min(by_group, key=lambda g: (-by_group[g], g))][1]
    if text.words < MIN_WORDS and not text.inline:
        reason += " (little text)"
    return value, reason, _located(counted[value][:2]), False


def _plain_title(signs: list) -> bool:
    """Whether the title of a record that is still its template names its subject plainly (DEFINITIONS, "Only a
    title": "a test library is tooling"): two cues of one door or more, one naming the kind of decision by
    itself, and nothing of that strength for the other door.  One word alone may mean something else."""
    names = {ONE_WAY: 0, TWO_WAY: 0}
    strong = {ONE_WAY: False, TWO_WAY: False}
    for _, side, weight, cues_found, _, place in signs:
        if place == "title":
            names[side] += len(cues_found)
            strong[side] = strong[side] or weight >= 2
    return any(names[side] >= 2 and strong[side] and not strong[other]
               for side, other in ((ONE_WAY, TWO_WAY), (TWO_WAY, ONE_WAY)))


def _weightiest(sign: tuple) -> tuple[float, str]:
    return -sign[0], min(sign[3])


def _signs(text: Text) -> list[tuple[float, str, int, frozenset[str], Zone, str]]:
    """(score, door, cue weight, cue texts, zone, place) of the door cues found, by place and kind.

    The title weighs more than the Decision, and the Decision more than the
    rest, so a cue already found in an earlier place is not counted again.
    Words are scored a kind at a time (a set intersection for each door,
    weight and whether it is a statement about undoing), phrases one by one.
    """
    out: list = []
    seen: set[str] = set()
    stated = text.decision if text.decision else text.zone(OTHER)
    title = text.title
    if title:
        _skip_prefix(title)
        _add_signs(out, seen, title, "title")
    if stated:
        _add_signs(out, seen, stated, "decision")
    if not out:  # the rest of the text only when the title and the Decision say nothing, in the record's order,
        for zone in text.zones.values():  # up to the first section that speaks (the Context, most often)
            if zone is not stated:
                _add_signs(out, seen, zone, "body")
                if out:
                    break
    return out


def _add_signs(out: list, seen: set[str], zone: Zone, place: str) -> None:
    present = zone.present
    if present.isdisjoint(cues.DOOR_KEYS) and not zone.chinese:
        return
    phrases = _phrases(zone, present)
    covered: set[str] | tuple = ()
    if phrases:
        one, two = WEIGHTS[place]
        below = place != "title"
        covered = {w for c in phrases for w in c.text.split()}
        for c in phrases:
            if c.text not in seen:
                seen.add(c.text)
                score = (STATEMENT if below and c.group in cues.STATEMENT_GROUPS else one if c.door == ONE_WAY else two)
                out.append((score * c.weight, c.door, c.weight, frozenset((c.text,)), zone, place))
    words = present.intersection(cues.DOOR_WORD_KEYS)
    if covered or seen:
        words = words.difference(covered, seen)
    if words:
        seen |= words
        for level, score, side, weight in _LEVELS[place]:
            hit = level.intersection(words)
            if hit:
                out.append((score, side, weight, hit, zone, place))


def _levels_by_place() -> dict[str, tuple[tuple[frozenset[str], float, str, int], ...]]:
    """place -> (the words of a level, their score there, door, cue weight), in `cues.WORD_LEVELS`' order."""
    out = {}
    for place, (one, two) in WEIGHTS.items():
        below = place != "title"
        out[place] = tuple((level, (STATEMENT if below and statement else one if side == ONE_WAY else two) * weight,
                            side, weight) for (side, statement, weight), level in cues.WORD_LEVELS.items())
    return out


_LEVELS = _levels_by_place()


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
    phrases = _phrases(zone, present)
    covered = {w for c in phrases for w in c.text.split()}
    return phrases + [cues.DOOR_WORDS[w] for w in sorted(present.intersection(cues.DOOR_WORD_KEYS) - covered)]


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

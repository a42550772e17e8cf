"""The table filter: words matched on id and title, ranked by how well they match, plus `key:value` terms.

    cache status:accepted door:one-way tag:storage choice:arbitrary kind:inline quadrant:untagged

A word matches, best first: the decision's number or id exactly; the start of
a word ("post" in "Use PostgreSQL"); anywhere inside a word ("gres"); or as
starts of successive words ("optc": "OPTimistic Checks").  Letters scattered
through a title do not match ("digest" is not in "Record design decisions with
adrtool").  Results are ranked by match, ties in table order.

Pure functions over Decisions (no Textual), so they are cheap to test and to
run on every keystroke: a few compiled patterns per query, one pass over rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adrtool import vocabulary
from adrtool.model import Decision, Status

CLOSED = (Status.SUPERSEDED, Status.REJECTED)
KEYS = ("status", "door", "choice", "tag", "kind", "quadrant")
VALUES = {
    "status": tuple(s.value for s in Status),
    "door": ("one-way", "two-way", "untagged"),
    "choice": ("deliberate", "arbitrary", "untagged"),
    "kind": ("record", "inline"),
    "quadrant": ("deliberate/one-way", "deliberate/two-way", "arbitrary/one-way", "arbitrary/two-way", "untagged"),
}
_TERM = re.compile(r"^([A-Za-z][\w-]*):(.*)$")
# Match tiers, best first (lower is better): the score of a row is the sum over the query's words.
EXACT, WORD_START, INSIDE, WORD_RUN = 0, 1, 2, 3


@dataclass(frozen=True)
class Query:
    text: str = ""  # the free words, lowercased, joined by one space
    terms: tuple[tuple[str, str], ...] = ()
    hints: tuple[str, ...] = ()  # one line each: a term that can match nothing, an unknown key

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())


def _known_value(key: str, value: str) -> bool:
    if key == "tag":
        return True
    if key == "status":
        return value in VALUES["status"] or vocabulary.normalize_status(value) is not Status.UNKNOWN
    if key == "door":
        return value == "untagged" or vocabulary.parse_door(value) is not None
    if key == "choice":
        return value == "untagged" or vocabulary.parse_choice(value) is not None
    return value in VALUES[key]


def parse(query: str) -> Query:
    words, terms, hints = [], [], []
    for token in query.split():
        m = _TERM.match(token)
        if not m:
            words.append(token.lower())
            continue
        key, value = m.group(1).lower(), m.group(2).strip().lower()
        if key not in KEYS:
            hints.append(f"'{key}:' is not a filter ({', '.join(k + ':' for k in KEYS)}); searching for the text")
            words.append(token.lower())
            continue
        example = VALUES.get(key, ("storage",))[0]
        if not value:
            hints.append(f"{key}: needs a value, e.g. {key}:{example}")
            continue
        if not _known_value(key, value):
            hints.append(f"{key}:{value} matches nothing; {key} is one of {', '.join(VALUES[key])}")
        terms.append((key, value))
    return Query(" ".join(words), tuple(terms), tuple(hints))


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def haystack(decision: Decision) -> str:
    """What the filter searches: id and title, lowercased; then, after a tab, the same with every
    run of other characters made one space, so a word's start is a string search (" post")."""
    text = f"{decision.id} {decision.title}".lower().replace("\t", " ")
    return f"{text}\t {_NOT_WORD.sub(' ', text)}"


class WordMatcher:
    """How well one query word matches a haystack (None: not at all)."""

    def __init__(self, word: str) -> None:
        self.word = word
        plain = not _NOT_WORD.search(word)  # letters and digits only: its starts are found by " " + word
        self._spaced = " " + word if plain else None
        escaped = re.escape(word)
        self._start = re.compile(r"(?<![a-z0-9])" + escaped).search
        # Starts of successive words: each letter continues the run or starts a later word.
        parts = [re.escape(c) for c in word]
        self._run = re.compile(r"(?<![a-z0-9])" + parts[0] + "".join(f"(?:{p}|[^\t]*?(?<![a-z0-9]){p})" for p in parts[1:])).search
        # A run starts at a word that starts with the word's first letter; for a letter or digit of
        # [a-z0-9] the spaced copy shows that start as " " + letter (other characters it makes spaces).
        self._initial = " " + word[0] if not _NOT_WORD.match(word[0]) else None
        # Not inside the text, a run uses two words or more: some later letter starts a word, which the
        # spaced copy shows as " " + letter.  A string search for each rules most rows out before the
        # regex (3.5 us a row, most of a keystroke's ranking).  Letters and digits only: the spaced
        # copy makes every other character a space.
        self._later = tuple(" " + c for c in set(word[1:])) if plain and len(word) > 1 else None
        self._number = int(word) if word.isdigit() else None

    def tier(self, text: str) -> int | None:
        word = self.word
        if word in text:  # the spaced copy holds a letters-and-digits word exactly when the text does
            if text.startswith(word):  # the haystack starts with the id: the id exactly, or its start
                n = len(word)
                return EXACT if text[n] in " \t" else WORD_START
            if self._number is not None:  # "12" is 0012
                ident = text[:text.find(" ")]
                if ident.isdigit() and int(ident) == self._number:
                    return EXACT
            spaced = self._spaced
            if spaced is not None:
                return WORD_START if spaced in text else INSIDE
            return WORD_START if self._start(text) else INSIDE
        if self._initial is not None and self._initial not in text:
            return None  # a run starts at a word that starts with the word's first letter
        if self._later is not None and not any(start in text for start in self._later):
            return None
        return WORD_RUN if self._run(text) else None


def _term_matches(decision: Decision, key: str, value: str) -> bool:
    if key == "status":
        if decision.status.value == value:
            return True
        status = vocabulary.normalize_status(value)  # "Accepted", "approved", "draft", ...
        return status is not Status.UNKNOWN and status is decision.status
    if key == "door":
        if value == "untagged":
            return decision.door is None
        door = vocabulary.parse_door(value)
        return door is not None and decision.door is door
    if key == "choice":
        if value == "untagged":
            return decision.choice is None
        choice = vocabulary.parse_choice(value)
        return choice is not None and decision.choice is choice
    if key == "tag":
        return any(value == t.lower() for t in decision.tags)
    if key == "kind":
        return decision.kind.value == value
    if key == "quadrant":
        return decision.quadrant == value
    return True


def score(matchers: list[WordMatcher], text: str) -> int | None:
    """The row's score (lower is better), or None when a word does not match."""
    total = 0
    for matcher in matchers:
        tier = matcher.tier(text)
        if tier is None:
            return None
        total += tier
    return total


def select_indices(decisions: list[Decision], query: str | Query, *, quadrant: str = "", hide_closed: bool = False,
                   haystacks: list[str] | None = None, positions: list[int] | None = None) -> list[int]:
    """Positions in `decisions` of the rows the table shows: filtered, then ranked by match (ties by
    `positions`, the rows' places in table order, when `decisions` is an earlier ranking)."""
    parsed = query if isinstance(query, Query) else parse(query)
    texts = haystacks if haystacks is not None else [haystack(d) for d in decisions]
    if parsed.terms or quadrant or hide_closed:
        keep = [i for i, d in enumerate(decisions)
                if not (hide_closed and d.status in CLOSED) and not (quadrant and d.quadrant != quadrant)
                and all(_term_matches(d, key, value) for key, value in parsed.terms)]
    else:
        keep = range(len(decisions))
    words = parsed.words
    if not words:
        return list(keep)
    matchers = [WordMatcher(w) for w in words]
    if len(matchers) == 1:  # plain typing, the common case: no call per row beyond the matcher's own
        tier = matchers[0].tier
        if isinstance(keep, range):
            tiers = list(map(tier, texts))
        else:
            tiers = [None] * len(texts)
            for i in keep:
                tiers[i] = tier(texts[i])
        # A few tiers: a pass per tier that occurs instead of sorting (ties stay in `i` order).
        found = [t for t in (EXACT, WORD_START, INSIDE, WORD_RUN) if t in tiers]
        buckets = [[i for i, s in enumerate(tiers) if s == t] for t in found]
        if positions is None:
            return [i for bucket in buckets for i in bucket]
        return [i for bucket in buckets for i in sorted(bucket, key=positions.__getitem__)]
    scored = [(s, i) for i in keep if (s := score(matchers, texts[i])) is not None]
    if positions is None:
        scored.sort()  # ties keep their order: i is the tie-break
        return [i for _s, i in scored]
    ranked = sorted((s, positions[i], i) for s, i in scored)
    return [i for _s, _p, i in ranked]


def select(decisions: list[Decision], query: str | Query, **options) -> list[Decision]:
    """The decisions the table shows, in the given order, ranked by match when there are words."""
    return [decisions[i] for i in select_indices(decisions, query, **options)]

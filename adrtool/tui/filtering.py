"""The table filter: fuzzy text on id and title, plus `key:value` terms.

    cache status:accepted door:one-way tag:storage choice:arbitrary kind:inline

Pure functions over Decisions (no Textual), so they are fast to test and to
run on every keystroke: one compiled pattern per query, one pass over rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adrtool import vocabulary
from adrtool.model import Decision, Status

CLOSED = (Status.SUPERSEDED, Status.REJECTED)
_TERM = re.compile(r"^(status|door|choice|tag|kind|quadrant):(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    text: str = ""  # fuzzy part, lowercased
    terms: tuple[tuple[str, str], ...] = ()
    errors: tuple[str, ...] = field(default=())

    @property
    def pattern(self) -> re.Pattern | None:
        return _fuzzy_pattern(self.text) if self.text else None


def parse(query: str) -> Query:
    words, terms, errors = [], [], []
    for token in query.split():
        m = _TERM.match(token)
        if not m:
            words.append(token.lower())
            continue
        key, value = m.group(1).lower(), m.group(2).strip().lower()
        if not value:
            errors.append(f"{key}: needs a value")
            continue
        terms.append((key, value))
    return Query(" ".join(words), tuple(terms), tuple(errors))


def _fuzzy_pattern(text: str) -> re.Pattern:
    """Each character in order, anything between: 'optc' matches 'optimistic checks'."""
    chars = [re.escape(c) for c in text if not c.isspace()]
    return re.compile(".*?".join(chars))


def haystack(decision: Decision) -> str:
    return f"{decision.id} {decision.title}".lower()


def _term_matches(decision: Decision, key: str, value: str) -> bool:
    if key == "status":
        return decision.status.value == value or vocabulary.normalize_status(value) is decision.status
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


def matches(decision: Decision, query: Query, pattern: re.Pattern | None, text: str | None = None) -> bool:
    if pattern is not None and not pattern.search(text if text is not None else haystack(decision)):
        return False
    return all(_term_matches(decision, key, value) for key, value in query.terms)


def select(decisions: list[Decision], query: str, *, quadrant: str = "", hide_closed: bool = False,
           haystacks: list[str] | None = None) -> list[Decision]:
    """The decisions the table shows, in the given order.  `haystacks` (parallel to decisions) saves lowercasing per keystroke."""
    parsed = parse(query)
    pattern = parsed.pattern
    if pattern is not None and haystacks is not None and not (parsed.terms or quadrant or hide_closed):
        # Plain typing, the common case: one regex search a row, no call per decision (~10 ms at 10,000).
        search = pattern.search
        return [d for d, text in zip(decisions, haystacks) if search(text)]
    out = []
    for index, d in enumerate(decisions):
        if hide_closed and d.status in CLOSED:
            continue
        if quadrant and d.quadrant != quadrant:
            continue
        if matches(d, parsed, pattern, haystacks[index] if haystacks is not None else None):
            out.append(d)
    return out

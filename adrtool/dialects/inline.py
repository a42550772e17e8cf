"""Inline decisions: one line inside a design document.

    - Decision (arbitrary, two-way): Flush the write buffer every 100 ms; revisit with production latency data.
    > **Decision D7 (deliberate, one-way):** Keys are UUIDv7.
    Decision: Use tabs.                      <- untagged

Tags are order-free and case-insensitive; a status word may join them
(`proposed`).  The id is the explicit one (`D7`) or `<doc stem>#<n>`.
An inline decision has no status of its own unless one is tagged: it is
taken as accepted, since the design document states it.
"""

from __future__ import annotations

import re

from adrtool import vocabulary
from adrtool.model import Choice, Decision, Door, Kind, Problem, Status
from adrtool.sections import outside_fences
from adrtool.text_find import has_fence_marks

NAME = "inline"
_LINE = re.compile(
    r"^(?P<lead>(?:[ \t]*(?:>[ \t]*|[-*+][ \t]+|\d+[.)][ \t]+))*)"
    r"(?P<open>\*\*|__)?Decision"
    r"(?:[ \t]+(?P<id>[A-Za-z]{0,12}[-_]?\d[\w.-]*))?"
    r"(?:[ \t]*\((?P<tags>[^()\n]*)\))?"
    r"[ \t]*(?P<close1>\*\*|__)?[ \t]*:[ \t]*(?P<close2>\*\*|__)?[ \t]*"
    r"(?P<text>\S.*?)[ \t]*\r?$"
)
# For reading a line of `str.splitlines()` (no line ending): the text taken whole, its trailing blanks
# stripped in `scan` (the lazy group above retries the pattern's tail at every character of it).
_READ_LINE = re.compile(_LINE.pattern.replace(r"(?P<text>\S.*?)[ \t]*\r?$", r"(?P<text>\S.*)"))
# A decision promoted to a record (`adrtool promote`) leaves a link where its line was:
#     - Decision D7 (deliberate, one-way) is recorded in [0066: Keys are UUIDv7](../decisions/0066-keys.md).
# It is no longer a decision here (the record is), but it keeps its place in the count, so the
# positional ids (`design#3`) of the decisions after it stay what they were.
_PROMOTED = re.compile(
    r"^(?P<lead>(?:[ \t]*(?:>[ \t]*|[-*+][ \t]+|\d+[.)][ \t]+))*)(?:\*\*|__)?Decision"
    r"(?:[ \t]+[A-Za-z]{0,12}[-_]?\d[\w.-]*)?(?:[ \t]*\([^()\n]*\))?(?:\*\*|__)?[ \t]+is recorded in[ \t]+\["
)
_REVISIT = re.compile(r"[;,.]?\s*\b(?:revisit|re-visit|review again)\b\s*(?P<when>.*)$", re.IGNORECASE)


def _may_revisit(body: str) -> bool:
    """Whether `_REVISIT` can match: its words, in any case, in an ASCII line (a search that cannot start
    anywhere still tries every character: 2-3 us a line).  Outside ASCII the pattern decides, since
    IGNORECASE also folds `ſ` and `ı` to `s` and `i`."""
    if not body.isascii():
        return True
    low = body.lower()
    return "revisit" in low or "re-visit" in low or "review again" in low


def parse_tags(tags: str | None):
    choice = door = status = None
    unknown: list[str] = []
    if tags:
        for token in (t.strip() for t in tags.split(",")):
            if not token:
                continue
            c = vocabulary.parse_choice(token)
            d = None if c else vocabulary.parse_door(token)
            s = None if (c or d) else vocabulary.normalize_status(token)
            if c:
                choice = c
            elif d:
                door = d
            elif s is not Status.UNKNOWN:
                status = (s, token)
            else:
                unknown.append(token)
    return choice, door, status, unknown


# A tagged inline decision: "Decision (", or "Decision D7 (", within a few characters.
_TAGGED = re.compile(r"ecision[^\n:()]{0,16}\(")


def scan_record(path: str, text: str, record_id: str) -> list[Decision]:
    """The tagged `Decision (deliberate, one-way): ...` lines of a record: sub-decisions, ids `0012#1`.

    Untagged `Decision: ...` lines are not counted in a record: legacy records use
    them as labels for the record's own decision.
    """
    # Each "ecision" found by substring search, the regex tried only there: quicker than a
    # regex search of the whole text, which most records (with their "## Decision") would need.
    # (`_TAGGED` needs a "(" within 17 characters of the word's end: a search of those few first, which finds none
    # at almost every "ecision" of a record, is a third of the pattern's cost; tests/test_reading_fast_paths.py.)
    at = text.find("ecision")
    while at >= 0 and (text.find("(", at + 7, at + 24) < 0 or not _TAGGED.match(text, at)):
        at = text.find("ecision", at + 7)
    if at < 0:
        return []
    return [d for d in scan(path, text, record_id) if d.choice is not None or d.door is not None]


def scan(path: str, text: str, stem: str) -> list[Decision]:
    if "ecision" not in text:
        return []
    found: list[Decision] = []
    promoted = 0  # promoted decisions before this line: they keep their places in the numbering
    lines = text.splitlines()
    if has_fence_marks(text):
        candidates = [(i, line) for i, line in outside_fences(lines) if "ecision" in line]
    else:  # no fence can open: every line is outside one (a comprehension, not the generator)
        candidates = [(i, line) for i, line in enumerate(lines) if "ecision" in line]
    for index, line in candidates:
        m = _READ_LINE.match(line)
        if not m:
            promoted += 1 if is_promoted(line) else 0
            continue
        choice, door, status, unknown = parse_tags(m.group("tags"))
        body = m.group("text").rstrip(" \t")
        if m.group("open") and body.endswith(m.group("open")):
            body = body[: -len(m.group("open"))].rstrip()
        revisit = None
        r = _REVISIT.search(body) if _may_revisit(body) else None
        if r:
            revisit = r.group("when").rstrip(" .") or None
            title = body[: r.start()].rstrip(" ;,.") or body
        else:
            title = body.rstrip().rstrip(".")
        n = len(found) + promoted + 1
        ident = m.group("id") or f"{stem}#{n}"
        problems = [
            Problem(path, f"unknown tag '{t}' in inline decision (expected deliberate|arbitrary, one-way|two-way)",
                    index + 1, "unknown-tag", "error")
            for t in unknown
        ]
        found.append(
            Decision(
                id=ident,
                title=title,
                path=path,
                kind=Kind.INLINE,
                dialect=NAME,
                status=status[0] if status else Status.ACCEPTED,
                status_raw=status[1] if status else None,
                choice=choice,
                door=door,
                revisit=revisit,
                body=line.strip(),
                line=index + 1,
                problems=problems,
                field_lines={"choice": index + 1, "door": index + 1, "status": index + 1},
            )
        )
    return found


def retag(line: str, choice: Choice | None = None, door: Door | None = None, status: str | None = None) -> str:
    """The same inline-decision line with its parentheses set; other tokens keep their order."""
    m = _LINE.match(line.rstrip("\r\n"))
    if not m:
        raise ValueError("not an inline decision line")
    tokens = [t.strip() for t in (m.group("tags") or "").split(",") if t.strip()]
    def replace(kind, value):
        for i, t in enumerate(tokens):
            if kind(t):
                tokens[i] = value
                return
        tokens.append(value)
    if choice is not None:
        replace(lambda t: vocabulary.parse_choice(t) is not None, choice.value)
    if door is not None:
        replace(lambda t: vocabulary.parse_door(t) is not None, door.value)
    if status is not None:
        replace(lambda t: vocabulary.normalize_status(t) is not Status.UNKNOWN
                and not vocabulary.parse_choice(t) and not vocabulary.parse_door(t), status)
    ending = line[len(line.rstrip("\r\n")):]
    core = line.rstrip("\r\n")
    group = "(" + ", ".join(tokens) + ")"
    if m.group("tags") is not None:
        start, end = m.span("tags")
        return core[: start - 1] + group + core[end + 1 :] + ending
    # No parentheses yet: put them after "Decision" or its id.
    anchor = m.end("id") if m.group("id") else m.start() + len(m.group("lead") or "") + len(m.group("open") or "") + len("Decision")
    return core[:anchor] + " " + group + core[anchor:] + ending


def set_revisit(line: str, revisit: str | None) -> str:
    core = line.rstrip("\r\n")
    ending = line[len(core):]
    m = _LINE.match(core)
    if not m:
        raise ValueError("not an inline decision line")
    start = m.start("text")
    body = core[start:]
    close = ""
    if m.group("open") and body.endswith(m.group("open")):
        close = m.group("open")
        body = body[: -len(close)]
    r = _REVISIT.search(body)
    if r:
        body = body[: r.start()].rstrip(" ;,.")
    else:
        body = body.rstrip(" .")
    if revisit:
        body = f"{body}; revisit {revisit.strip()}."
    else:
        body = body + "."
    return core[:start] + body + close + ending


def match(line: str):
    """The parts of an inline-decision line (`lead`, `open`, `id`, `tags`, `text`...), or None."""
    return _LINE.match(line.rstrip("\r\n"))


def is_promoted(line: str) -> bool:
    """Whether `line` is what a promoted decision left behind (a tagged link to its record)."""
    return _PROMOTED.match(line) is not None


def promoted(line: str, label: str, target: str) -> str:
    """The line that replaces a promoted decision: its lead, id and tags, and a link to the record."""
    core = line.rstrip("\r\n")
    m = _LINE.match(core)
    if not m:
        raise ValueError("not an inline decision line")
    bold = m.group("open") or ""
    ident = f" {m.group('id')}" if m.group("id") else ""
    tags = f" ({m.group('tags').strip()})" if m.group("tags") and m.group("tags").strip() else ""
    return f"{m.group('lead') or ''}{bold}Decision{ident}{tags}{bold} is recorded in [{label}]({target}).{line[len(core):]}"

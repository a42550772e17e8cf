"""Scans of a record's text at C speed, for the tag estimates (`estimate_text`): each answers exactly as the
plain operator or pattern it replaces (`tests/test_estimate_text_search.py` checks each against it).

`list --json` reads ten thousand records this way, real ones 3,800 characters long: a pattern tried at every
character, or a Python step a line or a word, is what their estimates cost (bench/README.md, issue 15,
branches w/realest and w/estcost3).
"""

from __future__ import annotations

import re

NON_WORD = re.compile(r"[\W_]+")
_NON_WORD_CHAR = re.compile(r"[\W_]")

# ---- substring tests at memchr speed ---------------------------------------------------------------
# CPython 3.11 finds a needle of two or more characters at about 2 ns a character of the text, and
# one character (memchr) at a fiftieth of that: `list --json` makes a dozen such tests a record.  So
# a test is led by one rare character of its needle (`":" in head and "://" in head`), and a needle
# whose rare character may occur a few times ("-" in "\n--") is found through it, each hit checked.

_COMMON = frozenset(" \t\n.,abcdefghijklmnopqrstuvwxyz0123456789")
_ANCHORS: dict[str, int] = {}  # needle -> the index of the character it is found by (-1: none is rare)


def contains(text: str, needle: str) -> bool:
    """`needle in text`, found by the needle's rarest character with `str.find` (a few hits checked, then plain)."""
    anchor = _ANCHORS.get(needle)
    if anchor is None:
        anchor = _ANCHORS[needle] = next((i for i, c in enumerate(needle) if c not in _COMMON), -1)
    if anchor < 0:
        return needle in text
    char, find, starts = needle[anchor], text.find, text.startswith
    at = find(char, anchor)
    for _ in range(4):  # text dense in the character: past four hits, the plain search
        if at < 0:
            return False
        if starts(needle, at - anchor):
            return True
        at = find(char, at + 1)
    return at >= 0 and needle in text


# Every ASCII byte that is no letter or digit as a space; the bytes of other characters (>= 128) kept.
_ASCII_NON_ALNUM = bytes(c if c >= 128 or chr(c).isalnum() else 32 for c in range(256))
_ASCII = bytes(range(128))


def split_words(lower: str) -> list[str]:
    r"""`NON_WORD.sub(" ", lower).split()`, for a text that is not ASCII: the regex tests every character's
    category (about 12 ns a character, 48 us a real zone); here the ASCII ones are made spaces in one
    `bytes.translate` of the UTF-8, and the few distinct characters beyond ASCII that are no letter or digit
    ("’", "“", "—", a no-break space), found by the pattern among those characters alone (every ASCII byte
    deleted: a tenth of the text), each made a space by one `str.replace`.
    (`[\W_]` is exactly "not `str.isalnum`", which no whitespace is, so `split` cuts where the regex did.)"""
    try:
        data = lower.encode("utf-8")
    except UnicodeError:  # (a lone surrogate: the regex, as before)
        return NON_WORD.sub(" ", lower).split()
    spaced = data.translate(_ASCII_NON_ALNUM).decode("utf-8")
    beyond = data.translate(None, _ASCII).decode("utf-8")  # (a character beyond ASCII is bytes >= 128 only)
    if beyond and not beyond.isalnum():
        for char in set(_NON_WORD_CHAR.findall(beyond)):
            spaced = spaced.replace(char, " ")
    return spaced.split()


def spaced_words(lower: str, words: list[str]) -> str:
    """`NON_WORD.sub(" ", lower)` from its words: each run of other characters one space, at the ends too."""
    if not words:
        return " " if lower else ""
    return (" " if not lower[0].isalnum() else "") + " ".join(words) + (" " if not lower[-1].isalnum() else "")


# A line the placeholder pattern can match holds one of these (each branch needs one), or is a bare word of the
# first branch: so only such lines are tried, found with `str.find` (memchr) instead of a Python step a line.
_PLACEHOLDER_CHARS = ("{", "<", "[", "…", "...")
_BARE_PLACEHOLDER = re.compile(r"^[ \t>*+-]*(?:todo|tbd|n/a)[ \t.:]*$", re.IGNORECASE | re.MULTILINE)
_BARE_AFTER_BREAK = re.compile(r"\n[ \t>*+-]*(?:todo|tbd|n/a)[ \t.:]*$", re.IGNORECASE | re.MULTILINE)


def placeholder_line_starts(text: str) -> list[int]:
    """The start of each line of `text` that holds a placeholder's character or is a bare TODO, TBD or N/A."""
    starts = set()
    find, rfind = text.find, text.rfind
    for char in _PLACEHOLDER_CHARS:
        at = find(char)
        while at >= 0:
            starts.add(rfind("\n", 0, at) + 1)
            end = find("\n", at)
            if end < 0:
                break
            at = find(char, end)
    # A bare word's line: the pattern led by the line break before it, a literal that the engine finds by a
    # fast scan (the plain multi-line pattern tries its `^` at every character; lowering the text to test for
    # the three words first cost more than this), and the first line by itself.
    if _BARE_PLACEHOLDER.match(text) is not None:
        starts.add(0)
    starts.update([m.start() + 1 for m in _BARE_AFTER_BREAK.finditer(text)])
    return sorted(starts)


# ---- the patterns that would try themselves at every character, found from their rare literals -----------
# Each function below gives what its pattern's `sub` or `finditer` gives: the pattern itself is still what
# decides each match, tried only where a match can begin (the places its literal text fixes), in order, each
# one past the end of the last match, as the engine's own scan resumes.

ADDRESS = re.compile(r"\]\([^)\s]*\)|<?https?://[^\s)>]*>?")


def without_addresses(text: str) -> str:
    """`ADDRESS.sub(" ", text)`: a match begins at a "](", or at the "http" (or the "<" before it) of a "://"."""
    find, starts = text.find, []
    at = find("](")
    while at >= 0:
        starts.append(at)
        at = find("](", at + 1)
    at = find("://")
    while at >= 0:
        start = at - 5 if at >= 5 and text.startswith("https", at - 5) else \
            at - 4 if at >= 4 and text.startswith("http", at - 4) else -1
        if start >= 0:
            starts.append(start)
            if start and text[start - 1] == "<":  # (the match begins there; `start` itself is tried only past it)
                starts.append(start - 1)
        at = find("://", at + 1)
    return _sub_at(ADDRESS, text, sorted(starts), " ")


def _sub_at(pattern: re.Pattern, text: str, starts: list[int], by: str) -> str:
    match, pieces, pos = pattern.match, [], 0
    for start in starts:
        if start < pos:
            continue
        m = match(text, start)
        if m is not None:
            pieces.append(text[pos:start])
            pieces.append(by)
            pos = m.end()
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


FENCED = re.compile(r"^[ ]{0,3}(```+|~~~+)[^\n]*\n.*?^[ ]{0,3}\1[ \t]*$", re.DOTALL | re.MULTILINE)


def fenced_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `FENCED.finditer(text)`: its lazy body tries the closing fence at every character (80 us a
    fenced real record).  An opening is a line of at most three spaces and a run of three or more of one fence
    character; its match closes at the first later line of at most three spaces, the same run and blanks only,
    the run tried at its full length first and then shorter, as the engine backtracks."""
    spans, pos, find, rfind = [], 0, text.find, text.rfind
    while True:
        opening = _next_opening(text, pos)
        if opening is None:
            return spans
        line, at, char = opening
        run = at
        while run < len(text) and text[run] == char:
            run += 1
        body = find("\n", run)
        if body < 0:  # (an opening needs a line after it)
            return spans
        body += 1
        for size in range(run - at, 2, -1):
            end = _closing(text, body, char * size, find, rfind)
            if end >= 0:
                spans.append((line, end))
                pos = end
                break
        else:
            pos = body


def _next_opening(text: str, pos: int) -> tuple[int, int, str] | None:
    """(line start, run start, character) of the first line at or after `pos` that may open a fence."""
    best = None
    for needle in ("```", "~~~"):
        at = text.find(needle, pos)
        while at >= 0 and (best is None or at < best[1]):
            line = text.rfind("\n", 0, at) + 1
            if line >= pos and at - line <= 3 and text.count(" ", line, at) == at - line:
                best = (line, at, needle[0])
                break
            at = text.find(needle, at + 1)
    return best


def _closing(text: str, start: int, fence: str, find, rfind) -> int:
    """The end of the first line from `start` of at most three spaces, `fence` and blanks only (-1: none)."""
    at = find(fence, start)
    while at >= 0:
        line = rfind("\n", 0, at) + 1
        end = find("\n", at)
        if end < 0:
            end = len(text)
        if line >= start and at - line <= 3 and text.count(" ", line, at) == at - line and \
                not text[at + len(fence):end].strip(" \t"):
            return end
        at = find(fence, at + 1)
    return -1


# An underlined heading: RST's titles, Markdown's setext headings ("Context\n-------").
UNDERLINED = re.compile(r"^([^\s\n][^\n]{0,100})\n([=\-~^\"'`#*+])\2{2,}[ \t]*$", re.MULTILINE)
_UNDERLINE = re.compile(r"\n([=\-~^\"'`#*+])\1{2,}[ \t]*$", re.MULTILINE)  # (led by a literal: a fast scan)


def underlined_matches(text: str) -> list[re.Match]:
    """`list(UNDERLINED.finditer(text))`, tried only at the line before each underline (a match ends with one)."""
    out, pos, match, rfind = [], 0, UNDERLINED.match, text.rfind
    for u in _UNDERLINE.finditer(text):
        line = rfind("\n", 0, u.start()) + 1
        if line < pos:
            continue
        m = match(text, line)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out

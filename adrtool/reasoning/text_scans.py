"""Scans of a record's text at C speed, for the tag estimates (`estimate_text`): each answers exactly as the
plain operator or pattern it replaces (`tests/test_estimate_text_search.py` checks each against it).

`list --json` reads ten thousand records this way, real ones 3,800 characters long: a pattern tried at every
character, or a Python step a line or a word, is what their estimates cost (bench/README.md, issue 15,
branch w/realest).
"""

from __future__ import annotations

import re

NON_WORD = re.compile(r"[\W_]+")

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


def split_words(lower: str) -> list[str]:
    r"""`NON_WORD.sub(" ", lower).split()`, for a text that is not ASCII: the regex tests every character's
    category (about 12 ns a character, 48 us a real zone); here the ASCII ones are made spaces in one
    `bytes.translate` of the UTF-8, and only a word holding a character beyond ASCII that is no letter or digit
    ("don’t", "“quoted”") goes to the regex.
    (`[\W_]` is exactly "not `str.isalnum`", which no whitespace is, so `split` cuts where the regex did.)"""
    try:
        words = lower.encode("utf-8").translate(_ASCII_NON_ALNUM).decode("utf-8").split()
    except UnicodeError:  # (a lone surrogate: the regex, as before)
        return NON_WORD.sub(" ", lower).split()
    if "".join(words).isalnum() or not words:  # (two C passes: no character left that the regex would cut at)
        return words
    out = []
    for w in words:
        if w.isascii() or w.isalnum():  # ("für", "décision", "决策": letters throughout)
            out.append(w)
        else:
            out.extend(NON_WORD.sub(" ", w).split())
    return out


def spaced_words(lower: str, words: list[str]) -> str:
    """`NON_WORD.sub(" ", lower)` from its words: each run of other characters one space, at the ends too."""
    if not words:
        return " " if lower else ""
    return (" " if not lower[0].isalnum() else "") + " ".join(words) + (" " if not lower[-1].isalnum() else "")


# A line the placeholder pattern can match holds one of these (each branch needs one), or is a bare word of the
# first branch: so only such lines are tried, found with `str.find` (memchr) instead of a Python step a line.
_PLACEHOLDER_CHARS = ("{", "<", "[", "…", "...")
_BARE_PLACEHOLDER = re.compile(r"^[ \t>*+-]*(?:todo|tbd|n/a)[ \t.:]*$", re.IGNORECASE | re.MULTILINE)


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
    low = text.lower()  # (these letters match no character beyond ASCII when case is ignored)
    if "tbd" in low or "todo" in low or "n/a" in low:  # (three C scans before a pattern tried at every position)
        starts.update([m.start() for m in _BARE_PLACEHOLDER.finditer(text)])
    return sorted(starts)

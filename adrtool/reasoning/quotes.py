"""Finding a quoted passage in a text: the one matcher for every quote a model claims.

Used for the page citations of a paper summary (`ai.paper`) and for the
quotes the AI judge gives from a decision record (`reasoning.ai_verdict`).
A quote counts as found when it appears in the text after both are
normalized the same way: Unicode compatibility forms unfolded (ligatures),
typographic quotes and dashes made plain, words hyphenated across a line
break joined, Markdown markup dropped (emphasis, code ticks, links reduced to
their text, heading, list and quote markers, table pipes), whitespace joined
and case folded.  A quote may leave out a stretch with "..." (or "…"): its
parts must then appear in order.  Nothing else is forgiven: a paraphrase is
not a quote.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_PLAIN = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-",
                        "−": "-"})
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](url) and ![alt](src): the text
_ANGLE_URL = re.compile(r"<((?:https?|mailto):[^>\s]*)>")  # <https://...>: the address
_LINE_MARKS = re.compile(r"(?m)^[ \t]*(?:(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t]+)+")
_EMPHASIS = re.compile(r"[*_`~]+")
_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")  # "architec-\nture" in extracted PDF text
_SPACE = re.compile(r"\s+")
_GAP = re.compile(r"\s*(?:\.\.\.|…)\s*")


def normalize(text: str) -> str:
    """The form in which quotes and texts are compared (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).translate(_PLAIN)
    text = _HYPHEN_BREAK.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _ANGLE_URL.sub(r"\1", text)
    text = _LINE_MARKS.sub("", text)
    text = _EMPHASIS.sub("", text).replace("|", " ")
    return _SPACE.sub(" ", text).strip().casefold()


def parts(quote: str) -> list[str]:
    """The normalized pieces of a quote that must appear in order ("a ... b" is two pieces)."""
    return [p for p in (normalize(piece) for piece in _GAP.split(quote)) if p]


def _word_find(piece: str, text: str, at: int) -> int:
    """The first occurrence of `piece` at or after `at` that neither starts nor ends inside a word."""
    while True:
        i = text.find(piece, at)
        if i < 0:
            return -1
        end = i + len(piece)
        if not (i > 0 and text[i - 1].isalnum() and piece[0].isalnum()) and \
                not (end < len(text) and text[end].isalnum() and piece[-1].isalnum()):
            return i
        at = i + 1


def find(quote: str, normalized_text: str) -> int | None:
    """Where the quote starts in an already normalized text, or None when it is not there.

    A piece must match whole words: "cheap" is not found in "cheapest".
    """
    pieces = parts(quote)
    if not pieces:
        return None
    first = _word_find(pieces[0], normalized_text, 0)
    if first < 0:
        return None
    at = first + len(pieces[0])
    for piece in pieces[1:]:  # a later start of the first piece could only narrow the search
        at = _word_find(piece, normalized_text, at)
        if at < 0:
            return None
        at += len(piece)
    return first


def contains(quote: str, text: str) -> bool:
    """True when `quote` is found in `text` (both normalized here)."""
    return find(quote, normalize(text)) is not None


class Lines:
    """A text prepared once for many look-ups, answering with the line a quote starts on.

    Each line is normalized on its own and the lines are joined by a space, so
    a quote may run across lines and a match maps straight back to its line.
    """

    def __init__(self, text: str):
        self.starts: list[int] = []  # where each non-empty normalized line begins
        self.numbers: list[int] = []  # its 1-based line number
        pieces, at = [], 0
        for number, line in enumerate(text.splitlines(), 1):
            clean = normalize(line)
            if not clean:
                continue
            self.starts.append(at)
            self.numbers.append(number)
            pieces.append(clean)
            at += len(clean) + 1
        self.normalized = " ".join(pieces)

    def line_of(self, quote: str) -> int | None:
        """The 1-based line on which `quote` starts, or None when the text does not contain it."""
        at = find(quote, self.normalized)
        if at is None:
            return None
        return self.numbers[bisect.bisect_right(self.starts, at) - 1]

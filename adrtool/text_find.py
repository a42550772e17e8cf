"""Substring searches that look for a rare character of the needle first.

`str.find` of one character is a `memchr`: 0.03-0.07 us over a 2.6 KB record.  Of a longer needle it steps through
the text a character or two at a time: 2-3.6 us over the same record for "```" (whose backquote shares the skip
filter's slot with the blank), "| Relat" or "(qu".  The readers ask such questions of every record's whole body, and
most bodies hold no backquote, no "|", no "q": a search for that character first answers them (issue 14).
"""

from __future__ import annotations

# Letters a case-blind pattern matches beside other letters than their lowered forms (`ı` and `İ` for `i`, `ſ` for `s`,
# the Kelvin sign for `k`): a text holding one is no text whose lowered form finds every place such a pattern matches.
ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")


def find_after(text: str, needle: str, rare: int, start: int = 0) -> int:
    """`text.find(needle, start)`, by a search for `needle[rare]` first: where it is absent, so is the needle; where
    it first is (at q), the needle's first place is no earlier than q - rare."""
    at = text.find(needle[rare], start + rare)
    return at if at < 0 else text.find(needle, at - rare)


def has_fence_marks(text: str) -> bool:
    """Whether "```" or "~~~" is in `text` (where a fence may open)."""
    at = text.find("`")
    if at >= 0 and text.find("```", at) >= 0:
        return True
    at = text.find("~")
    return at >= 0 and text.find("~~~", at) >= 0


def occurrences(text: str, needles: tuple[str, ...], start: int = 0) -> list[int]:
    """Every offset from `start` where one of `needles` begins in `text`, sorted (one twice if two begin there): where
    a pattern whose every match opens with one of them is worth trying, instead of at every character."""
    found = []
    for needle in needles:
        at = text.find(needle, start)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    found.sort()
    return found


def case_blind_matches(pattern, text: str, openings: tuple[str, ...], begin: int = 0, end: int | None = None):
    """`pattern.finditer(text, begin, end)` for a case-blind pattern whose every match opens with one of `openings`
    (lowered), tried only where the lowered text holds one: a pattern opening with `\\b`, a look-behind or a case-blind
    alternation gives the engine no prefix to skip by, and `finditer` tries it at every character.  A text whose
    lowering moves offsets, or that holds one of `ODD_CASE`, is searched whole."""
    end = len(text) if end is None else end
    segment = text[begin:end]
    lowered = segment.lower()
    if len(lowered) != len(segment) or any(c in segment for c in ODD_CASE):
        yield from pattern.finditer(text, begin, end)
        return
    after, match = begin, pattern.match
    for at in occurrences(lowered, openings):
        if begin + at >= after and (m := match(text, begin + at, end)):
            yield m
            after = m.end()

"""The estimates' fast substring tests (`estimate_text.contains`, the headings' `#` search) answer as the plain ones do.

They lead a search by one rare character of the needle (memchr) and check each hit in place, so
the cases that matter are texts dense in that character, hits at the very start or end, and a
needle that overlaps itself: random short texts over a small alphabet cover them all.
"""

from __future__ import annotations

import random

import pytest

from adrtool.reasoning import estimate_text
from adrtool.reasoning.estimate_text import contains

NEEDLES = ["://", "](", "]\n", "~~~", "<!--", "```", "\n--", "\n==", "...", "T\nT", "a:",
           "The change that we're proposing or have agreed to implement."]


@pytest.mark.parametrize("needle", NEEDLES)
def test_contains_is_the_in_operator(needle):
    rng = random.Random(needle)
    alphabet = sorted(set(needle)) + ["a", " "]
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        if rng.random() < 0.2:  # the needle itself somewhere, and texts past four hits of its rare character
            at = rng.randint(0, len(text))
            text = text[:at] + needle + text[at:]
        assert contains(text, needle) is (needle in text), (text, needle)


def test_atx_headings_are_the_multiline_pattern():
    """`_headings` finds a line's leading `#` by memchr and a look at the character before: the same headings
    as the plain multi-line pattern, on texts dense in `#`, line breaks and spaces."""
    import re

    plain = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
    rng = random.Random(7)
    for _ in range(4000):
        text = "".join(rng.choice(["#", "\n", "a", " ", "##", "\n# x"]) for _ in range(rng.randint(0, 14)))
        expected = [(m.start(), m.end(), len(m.group(1)), m.group(2)) for m in plain.finditer(text)]
        assert estimate_text._headings(text, rst=False) == expected or "\n--" in text or "\n==" in text, text

"""The estimates' fast substring tests (`estimate_text.contains`, `_line_start`) answer as the plain ones do.

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


def test_line_start_is_the_newline_search():
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice("#\na ") for _ in range(rng.randint(0, 12)))
        for start in range(1, len(text) + 2):
            assert estimate_text._line_start(text, "#", start) == (text.find("\n#", start - 1) + 1 or -1), (text, start)

"""The estimates' fast substring tests (`text_scans.contains`, the headings' `#` search) answer as the plain ones do.

They lead a search by one rare character of the needle (memchr) and check each hit in place, so
the cases that matter are texts dense in that character, hits at the very start or end, and a
needle that overlaps itself: random short texts over a small alphabet cover them all.
"""

from __future__ import annotations

import random

import pytest

from adrtool.reasoning import estimate_text, text_scans
from adrtool.reasoning.text_scans import contains

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


# Pieces of the lines the placeholder pattern's branches are about, and of the lines next to them: one
# placeholder alone, braces, angle brackets and comments, dots, MADR 2's square brackets, links and checkboxes.
PLACEHOLDER_PIECES = ["TODO", "tbd", " N/A.", "{x y}", "<a b>", "...", "\u2026", "[option 1]", "- [ ] item", "[a](b)",
                      "text", "  ", "\r", "> ", "* ", "word word", "{}", "{a|b}", "x" * 20, "]", "[", ":", "-",
                      "<!-- a -->", ">", ".", "\t"]


def test_placeholder_lines_go_line_by_line_as_the_multiline_pattern_takes_them():
    rng = random.Random(11)
    for _ in range(20000):
        text = "\n".join("".join(rng.choice(PLACEHOLDER_PIECES) for _ in range(rng.randint(0, 5)))
                         for _ in range(rng.randint(1, 6)))
        assert estimate_text._without_placeholder_lines(text) == estimate_text._PLACEHOLDER_LINE.sub("", text), text
    # The shapes each branch takes, in a record.
    record = ("# 1. Use X\n\n## Context\n\n{Describe the context}\n<!-- markdownlint-disable MD025 -->\nTBD\n"
              "- Good, because [argument a]\nSee [ADR 2](0002-x.md) for the rest.\nWe will fill this in...\n")
    assert estimate_text._without_placeholder_lines(record) == estimate_text._PLACEHOLDER_LINE.sub("", record)
    assert "{Describe" not in estimate_text._without_placeholder_lines(record)


def test_words_beyond_ascii_are_the_non_word_pattern():
    """`split_words` and `spaced_words` cut a text that is not ASCII where `NON_WORD.sub(" ", text)` does (curly quotes,
    dashes, no-break and wide spaces, accents, Chinese, Cyrillic, underscores and digits beside them)."""
    pieces = ["ab", "Z", "_", "9", " ", "-", ".", ",", "\u2019", "\u201c", "\u2014", "\u00e9", "\u00a0", "\u2003",
              "\u4e2d", "\u0130", "\t", "\n", "://", "](", "\u2026", "\u0422\u0411", "\u00b2", "\u0663"]
    rng = random.Random(13)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))).lower()
        expected = text_scans.NON_WORD.sub(" ", text)
        words = text_scans.split_words(text)
        assert words == expected.split(), text
        assert text_scans.spaced_words(text, words) == expected, text


def test_heading_patterns_find_what_one_pattern_a_cue_finds():
    """The heading meanings' patterns, their look-behind in front of the words, answer as the alternation of
    each cue's own pattern does, on headings made of the cue words, their plurals and prefixes."""
    import re

    from adrtool.reasoning import meaning

    plain = [re.compile("|".join(meaning._cue_pattern(c) for c in cues)) for _, cues in meaning._HEADING_WORDS]
    words = [c for _, cues in meaning._HEADING_WORDS for c in cues] + ["a", "x", "s", "-", "1.", "\u00e9"]
    rng = random.Random(17)
    for _ in range(3000):
        heading = rng.choice([" ", ""]).join(rng.choice(words) + rng.choice(["", "s", "x", "ing"])
                                             for _ in range(rng.randint(1, 3)))
        for one, (_, fast) in zip(plain, meaning._HEADING_PATTERNS):
            assert (one.search(heading) is None) == (fast.search(heading) is None), heading

"""When no cue shows reasoning: the card's evidence of absence (`absence`), read cheaply, for the estimated choice.

The card's estimate of the choice (`estimate._choice_from_card`) is
deliberate when the reason is found or the alternatives are found *or
thin*, and `absence.not_shown` makes the alternatives thin, not absent,
whenever the record may weigh one in words no cue knows.  So a record in
which the choice's cue words find nothing is still deliberate in the card's
reading when one of these holds, and `thin_alternative` looks for them in
the same order, on the zones `estimate_text` made:

- an options section that describes its options, not only names them
  (`absence.unread_option`);
- a record that lists no options and is long (`absence.long_argument`:
  100 words of its own, counted as the card counts them);
- a line outside the Context that compares the choice with something else
  (`absence.comparison`: "simpler than", "whereas");
- a sentence that tells of a weighing in prose (`absence.weighing_told`:
  "we evaluated", "verglichen", not a lead-in to a list).

Only records with no cue of a reason or of a lost alternative get here (a
tenth of real ones), so the regexes run on few zones, and each only where the
zone's `present` words (its trigger words are among the choice's KEYS) hold one.  A short record in which none of
these holds stays arbitrary: never deliberate by default.
"""

from __future__ import annotations

import re

from adrtool.reasoning import estimate_text
from adrtool.reasoning.estimate_choice_cues import COMPARISON_WORDS, WEIGHING_KEYS, WEIGHING_VERBS, WEIGHING_ZH
from adrtool.reasoning.estimate_text import CONTEXT, OPTIONS, Found, Text, Zone

OPTIONS_DESCRIBED, LONG, COMPARED, WEIGHING = "options described", "long", "compared", "weighing told"

# The card's `absence.LONG_RECORD_WORDS`: a record of this many words of its own may weigh an alternative unseen.
# Counted the card's way (`card_words`) over this reading's zones, which keep a few words the card's lines leave
# out: 708 of the 719 real records whose card states its count fall on the card's side of 100 (105 would put 713
# there, but agrees with the card's choice on fewer records: bench/README.md).
LONG_RECORD_WORDS = 100
# Under this many words by `Zone.size`, no record reaches LONG_RECORD_WORDS the card's way (none of 6,211 real
# records under 90 does), so the words are not counted again.
SHORT_WORDS = 80
SURE_WORDS = 130  # past this many of the tokens already made, a record is long without counting again
DESCRIBED_OPTIONS_WORDS = 20  # an options section this long (both counts) says more of its options than names
WEIGHING_WORDS = 6  # a sentence that tells of a weighing has this many words (the card's UNREAD_SENTENCE_WORDS)

_WORD = re.compile(r"[^\W_]+")  # a word as the card counts one (`absence.words`)
# A comparison, not a quantity ("more than 3", "other than"): the card's `absence._COMPARISON`, on the text as
# written (accents kept, any punctuation between words).
_COMPARISON = re.compile(
    r"(?<![^\W_])(?:(?!(?:other|rather|order)\W)[^\W\d_]+er|more\W+[^\W\d_]+|less\W+[^\W\d_]+|better|worse)"
    r"(?:\W+[^\W\d_]+){0,2}\W+than\b(?!\W+\d)|\bwhereas\b|\bin contrast\b|\bon the other hand\b|\balternatively\b|"
    r"(?<![^\W_])[^\W\d_]+er\W+als\b(?!\W+\d)|\bplus\W+[^\W\d_]+\W+que\b|\bm[aá]s\W+[^\W\d_]+\W+que\b|"
    r"\bmais\W+[^\W\d_]+\W+(?:do\W+)?que\b|\bpi[uù]\W+[^\W\d_]+\W+di\b|\bчем\b", re.IGNORECASE)
_WEIGHING = re.compile(r"(?<![^\W_])(?:" + "|".join(WEIGHING_VERBS) + r"|looked\W+(?:at|into))(?![^\W_])|"
                       + "|".join(WEIGHING_ZH), re.IGNORECASE)
_WEIGHING_CJK = re.compile("|".join(WEIGHING_ZH))


def thin_alternative(text: Text, contexts: list[Zone]) -> tuple[str, Found | None] | None:
    """(which of the card's checks holds, the line it rests on), or None: the card would call the alternatives
    absent.  `contexts` are the zones that say why a decision is needed (`estimate_choice._contexts`)."""
    zones = text.zones
    options = zones.get(OPTIONS)
    if options is not None:
        if options.size >= DESCRIBED_OPTIONS_WORDS and len(_WORD.findall(options.raw)) >= DESCRIBED_OPTIONS_WORDS:
            return OPTIONS_DESCRIBED, estimate_text.first_line(options)
    elif text.words >= SHORT_WORDS and card_words(text) >= LONG_RECORD_WORDS:
        return LONG, estimate_text.first_line(zones.get(CONTEXT) or next(iter(zones.values())))
    found = compared(text, contexts)
    if found is not None:
        return COMPARED, found
    found = weighing_told(text)
    return (WEIGHING, found) if found is not None else None


def card_words(text: Text) -> int:
    """The record's words as the card counts them (`absence.words`: a run of letters or digits, so that a
    Japanese sentence is a word or two, where `Zone.size` counts two characters a word), or a count past
    SURE_WORDS when the record is surely long.

    First from the tokens the choice has already made of each ASCII zone (punctuation as spaces: the same runs,
    less addresses, of its first READ_CHARS characters): past SURE_WORDS of them the record is long whatever the
    few differences; below, every zone is counted again the card's way."""
    total = 0
    for zone in text.zones.values():
        tokens = getattr(zone, "_tokens", None) if zone.raw.isascii() else None  # (None: not made, or renamed)
        total += len(tokens) if tokens is not None else len(_WORD.findall(zone.raw))
        if total >= SURE_WORDS:
            return total
    return sum([len(_WORD.findall(z.raw)) for z in text.zones.values()])


def compared(text: Text, contexts: list[Zone]) -> Found | None:
    """A line outside the Context that compares the choice with something else ("simpler to extend than a
    queue", "whereas"): another way weighed in passing (the card's `absence.comparison`)."""
    for zone in text.zones.values():
        if zone.present.isdisjoint(COMPARISON_WORDS) or any(zone is c for c in contexts):
            continue
        m = _COMPARISON.search(zone.raw)
        if m is not None:
            return estimate_text._quote(zone, m.start(), m.end())
    return None


def weighing_told(text: Text) -> Found | None:
    """A sentence, the Context's too, that tells of a weighing with a verb in the past ("we have also evaluated
    the hybrid form"), not a lead-in to a list ("Options considered:"): the card's `absence.weighing_told`."""
    for zone in text.zones.values():
        if zone.present.isdisjoint(WEIGHING_KEYS) and not (zone.chinese and _WEIGHING_CJK.search(zone.raw)):
            continue
        for m in _WEIGHING.finditer(zone.raw):
            found = estimate_text._quote(zone, m.start(), m.end())
            said = found.text[:found.start] + found.text[found.end:]  # its line, less the verb
            if not found.text.rstrip().endswith((":", "：")) and len(_WORD.findall(said)) >= WEIGHING_WORDS - 1:
                return found
    return None

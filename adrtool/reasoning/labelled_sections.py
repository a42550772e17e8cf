"""Sections a record writes as labelled paragraphs: "Context: ...", "Decision: ...", "Consequences: ...".

Some collections write a whole record under its title with no section
headings, each part a paragraph opened by its section's name and a colon
(wells01440/coinshop ea6838fba1ae docs/adrs/0002-sqlite-single-writer.md:
"Context: household-scale multi-user system; ...", then "Decision: ..." and
"Consequences: ...").  A reader reads those labels as headings; the card, by
headings alone, read the Context's rejected alternatives and its reasons as
text of no section, and called them absent.

The rule is narrow, so that a "Data: ..." line in prose is never a section:
it applies only to a record in which no line sits under a heading the card
recognises, and only when at least two different section meanings open
paragraphs there (the layout, not one stray label).  A label is one to
three words (bold or not) that `meaning.meaning_of` recognises, in any
language it reads ("Kontext:", "Decisão:", "后果:").  A label holds from its
line to the next label.
"""

from __future__ import annotations

import re

from adrtool.reasoning import meaning
from adrtool.reasoning.record_text import Line, RecordText

_LABEL = re.compile(r"^(?:\*\*|__)?(?P<label>[^\W\d_][^\W_]*(?:[ -][^\W\d_][^\W_]*){0,2})(?:\*\*|__)?[ \t]*[:：]"
                    r"(?:\*\*|__)?(?:[ \t]+|$)(?P<rest>.*)$")
# What a labelled paragraph may stand for: the parts of a record's reasoning (a "Status:" or "Date:" line is
# metadata, read elsewhere).
_SECTION_MEANINGS = (meaning.CONTEXT, meaning.DECISION, meaning.CONSEQUENCES, meaning.RATIONALE, meaning.NEGATIVE,
                     meaning.OPTIONS)


def _label(line: Line) -> tuple[str, str, str] | None:
    """(label, its meaning, the text after it) when `line` opens with a section label."""
    m = _LABEL.match(line.text)
    if not m:
        return None
    found = meaning.meaning_of(m.group("label"))
    return (m.group("label"), found, m.group("rest")) if found in _SECTION_MEANINGS else None


def apply(rt: RecordText) -> None:
    """Give the lines of a record written in labelled paragraphs the meanings of their labels (in place)."""
    if not rt.lines or any(line.meanings for line in rt.lines):
        return
    labels = {id(line): found for line in rt.lines if (found := _label(line))}
    if len({found[1] for found in labels.values()}) < 2:
        return
    current: tuple[str, str] | None = None
    for line in rt.lines:
        found = labels.get(id(line))
        if found is not None:
            label, current_meaning, rest = found
            current = (label, current_meaning)
            line.text, line.folded = rest.strip(), meaning.normalize_words(rest)
        if current is None:
            continue
        label, current_meaning = current
        line.meanings = (current_meaning,)
        line.headings = (label, *line.headings)
        line.heading_meanings = (current_meaning, *(line.heading_meanings or (None,) * (len(line.headings) - 1)))

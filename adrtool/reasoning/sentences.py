"""A record's text cut into units and sentences: what a cue word is judged within.

Real records hard-wrap their prose (adr-tools, Nygard-style collections and
most Portuguese and Clojure records wrap at 72-80 columns), so a line is an
accident of the editor: "because" ends one line and its reason starts the
next, "is easily" and "confused" sit on two.  A cue is read in its sentence,
and a sentence in its unit:

- a **unit** is a paragraph (consecutive lines of one section), a list item
  with the lines that continue it, or a table row;
- a **sentence** is a unit cut at ". ", "! ", "? " (not after "e.g.",
  "i.e.", "etc.", "vs.", "p. ex."), and at "。", "！", "？", "；";
- a list item's **intro** is the paragraph (or the shallower item) that leads
  into its list when that one ends with ":" or with a dangling "because"
  ("Chosen option: "X", because", "Cons:", "Reasons behind this move were:",
  "Contras:"): the items carry on its sentence, so they are its reasons, its
  downsides.

Every sentence keeps the lines it spans, so a quote is always a whole line of
the file, the one the cue is on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adrtool.reasoning import meaning
from adrtool.reasoning.record_text import Line, RecordText

_ABBREVIATIONS = frozenset("e.g i.e eg ie etc vs cf ex p approx no nr fig sec z.b d.h u.a bzw p.ex ca".split())
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？；])")
# A paragraph that ends by pointing below ("Chosen option: "MADR 3.0.0", because it comes out best (see below).")
# leads in the list right under it, as one ending in ":" does: those items are what it points at.
_LEAD_IN = re.compile(r"(?:[:：]|\b(?:because|since|as|weil|denn|parce que|car|porque|pois|perche|потому что|因为)|"
                      r"\b(?:see below|siehe unten|voir ci-dessous|ver abaixo|veja abaixo|ver abajo|vedi sotto|см\. ниже)"
                      r"\W*|见下文?|详见下文)\W*$", re.IGNORECASE)


@dataclass(eq=False)
class Sentence:
    unit: "Unit"
    lines: tuple[Line, ...]  # the lines of the file it spans
    text: str
    folded: str  # `meaning.normalize_words` of the text

    @property
    def line(self) -> Line:
        return self.lines[0]

    def line_of(self, cue: str) -> Line:
        """The line the cue is on (the first line of the sentence when the cue spans a line break)."""
        for line in self.lines:
            if cue.strip() and cue.strip() in line.folded:
                return line
        return self.lines[0]

    # Where the sentence sits: that of its unit's first line.
    def within(self, *wanted: str) -> bool:
        return self.unit.lines[0].within(*wanted)

    @property
    def innermost(self) -> str | None:
        return self.unit.lines[0].innermost

    @property
    def headings(self) -> tuple[str, ...]:
        return self.unit.lines[0].headings

    @property
    def meanings(self) -> tuple[str, ...]:
        return self.unit.lines[0].meanings


@dataclass(eq=False)
class Unit:
    lines: tuple[Line, ...]
    text: str
    folded: str
    sentences: list[Sentence] = field(default_factory=list)
    intro: "Unit | None" = None  # the lead-in of the list this item is in, when it ends with ":" or "because"

    @property
    def line(self) -> Line:
        return self.lines[0]

    @property
    def item(self) -> bool:
        return self.lines[0].item

    @property
    def lead_in(self) -> bool:
        return bool(_LEAD_IN.search(self.text))


# A line that opens with a bold label ("**Negativo:** ...", "__Cons__: ...") starts a unit of its own even with no
# blank line above it: authors write such labelled lines one under another and mean each apart.
_BOLD_LABEL = re.compile(r"(?:\*\*|__)[^*_\n]{1,40}?(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)")


def cut(rt: RecordText) -> list[Unit]:
    """The units of the record, in order, each cut into sentences."""
    groups: list[list[Line]] = []
    prev: Line | None = None
    for line in rt.lines:
        joins = (prev is not None and not line.item and not line.cells and not prev.cells
                 and line.number == prev.number + 1 and line.headings == prev.headings
                 and not (line.text.startswith(("**", "__")) and _BOLD_LABEL.match(line.text)))
        if joins:
            groups[-1].append(line)
        else:
            groups.append([line])
        prev = line
    units = [_unit(g) for g in groups]
    _link_intros(units)
    return units


def _unit(lines: list[Line]) -> Unit:
    text = " ".join(l.text for l in lines if l.text)
    unit = Unit(tuple(lines), text, meaning.normalize_words(text))
    if len(lines) == 1 and not _SPLIT.search(text):
        unit.sentences = [Sentence(unit, unit.lines, text, unit.folded)]
        return unit
    starts, at = [], 0  # where each line's text begins in `text`
    for l in lines:
        starts.append(at)
        at += len(l.text) + (1 if l.text else 0)
    pieces, begin = [], 0
    for m in _SPLIT.finditer(text):
        before = text[begin:m.start()].rsplit(None, 1)
        last = before[-1].rstrip(".").lower() if before else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue  # "e.g. Kafka", "p. ex."
        pieces.append((begin, m.start()))
        begin = m.end()
    pieces.append((begin, len(text)))
    if len(pieces) == 1:  # a wrapped sentence: the unit's folded text is the sentence's
        unit.sentences = [Sentence(unit, unit.lines, text.strip(), unit.folded)]
        return unit
    for a, b in pieces:
        piece = text[a:b].strip()
        if not piece:
            continue
        spanned = tuple(l for l, s in zip(lines, starts) if s < b and s + len(l.text) >= a) or unit.lines[:1]
        unit.sentences.append(Sentence(unit, spanned, piece, meaning.normalize_words(piece)))
    return unit


def _link_intros(units: list[Unit]) -> None:
    """Give each list item the lead-in it continues: a paragraph ending in ":"/"because" right above its list,
    or, for a nested item, the shallower item above it that ends so."""
    for n, unit in enumerate(units):
        if not unit.item:
            continue
        indent = unit.line.indent
        for prev in reversed(units[:n]):
            if prev.line.headings != unit.line.headings:
                break
            if prev.item and prev.line.indent >= indent:
                continue  # a sibling (or a deeper item) of the same list
            if prev.lead_in:
                unit.intro = prev
            break


def sentences(units: list[Unit]) -> list[Sentence]:
    return [s for u in units for s in u.sentences]

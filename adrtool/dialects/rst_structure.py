"""The section titles of a reStructuredText file, exactly as docutils finds them, fast.

docutils is the authority on RST, but importing it and parsing one record
costs about 40 ms and 5 ms, against a few microseconds for a line scan.  So
`titles` first scans lines with docutils' own rules for titles (the title
text at column 0 after a blank line, an underline or an over- and underline
of one punctuation character at least as wide as the text, levels in the
order styles first appear); the scan gives up, and docutils decides, at
anything where docutils could decide otherwise: a title-like block right
after a non-blank line, a list or field marker as title text, a short
adornment, a simple table, a quoted literal block, an inconsistent level.
`tests/test_rst_structure.py` holds the two paths to the same answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# One punctuation character repeated (docutils' `nonalphanum7bit`), as an under- or overline.
_ADORNMENT = re.compile(r"([!-/:-@\[-`{-~])\1*[ \t]*$")
# Column-0 starts docutils reads as something other than a paragraph (so not as a title): bullets,
# field and option markers, line blocks, explicit markup, anonymous targets.  Each ends at the next
# unindented line, which starts a new element.
_NOT_PARAGRAPH = re.compile(r"(?:[-+*\u2022\u2023\u2043](?:[ \t]|$)|:[^: ]|-{1,2}\w|\|(?:[ \t]|$)"
                            r"|\.\.(?:[ \t]|$)|__(?:[ \t]|$))")
# Blocks that run to the next blank line whatever their lines look like: doctests, grid tables.
_TEXT_BLOCK = re.compile(r">>>|\+[-=]")
# A simple table (its borders are columns of "="): where it ends is docutils' to say.
_SIMPLE_TABLE = re.compile(r"=+( +=+)+ *$")
_LITERAL_NEXT = re.compile(r"(?<!\\)(?:\\\\)*::[ \t]*$")
# First characters, so that most lines are settled without a regular expression (the scan runs per line).
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MARKERS = frozenset("-+*\u2022\u2023\u2043:|._")


def _adorned(line: str) -> bool:
    return bool(line) and line[0] in _PUNCTUATION and bool(_ADORNMENT.match(line))


def _literal_next(line: str) -> bool:
    return line.rstrip().endswith("::") and bool(_LITERAL_NEXT.search(line))


def _not_paragraph(line: str) -> bool:
    return line[0] in _MARKERS and bool(_NOT_PARAGRAPH.match(line))


@dataclass(frozen=True)
class Title:
    text: str  # the title as written, stripped (inline markup kept)
    level: int  # 1 for the first title style of the document, 2 for the next...
    first: int  # 0-based index of the title's first line (its overline, or its text)
    line: int  # 0-based index of the title text
    last: int  # 0-based index of its underline


def column_width(text: str) -> int:
    """docutils' width of a title: wide East Asian characters count two, combining ones none."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text) - sum(
        1 for c in text if unicodedata.combining(c))


def titles(lines: list[str]) -> list[Title]:
    """Every section title of the document, in order."""
    found = scan(lines)
    return found if found is not None else with_docutils(lines)


def scan(lines: list[str]) -> list[Title] | None:
    """The titles by docutils' rules, or None where only docutils can say."""
    text = [line.rstrip("\r\n") for line in lines]
    n = len(text)
    out: list[Title] = []
    styles: list[tuple[str, ...]] = []
    depth = 0

    def place(style: tuple[str, ...]) -> int | None:
        nonlocal depth
        if style in styles:
            level = styles.index(style) + 1
            if level > depth + 1:
                return None  # docutils: "Title level inconsistent"
        elif len(styles) == depth:
            styles.append(style)
            level = len(styles)
        else:
            return None
        depth = level
        return level

    starts = True  # may a new element start on this line (after a blank line, or a title)?
    i = 0
    while i < n:
        line = text[i]
        if not line.strip():
            starts = True
            i += 1
            continue
        if line[0] in " \t":  # inside an indented block: no title here; it ends at the next unindented line
            starts = True
            i += 1
            continue
        first = line[0]
        if first == "=" and _SIMPLE_TABLE.match(line):
            return None
        if starts and first in ">+" and _TEXT_BLOCK.match(line):
            if i and text[i - 1].strip():
                return None  # a table or doctest straight after another element: docutils may reject it
            while i < n and text[i].strip():
                if _adorned(text[i]):
                    return None  # where such a block ends, and a title begins, is docutils' to say
                i += 1
            continue
        adorned = first in _PUNCTUATION and _ADORNMENT.match(line)
        following = text[i + 1] if i + 1 < n else ""
        if adorned:
            if not following.strip():
                if _literal_next(line) and _quoted_literal_follows(text, i):
                    return None
                starts, i = False, i + 1  # a transition, or a line of text: no title either way
                continue
            if not starts:
                return None  # a paragraph's last line, or a construct docutils may end here
            over = line.rstrip()
            under = text[i + 2].rstrip() if i + 2 < n else ""
            title = following.strip()
            if len(over) < 4 or under != over or _adorned(following) or column_width(title) > len(over):
                return None
            level = place((over[0], under[0]))
            if level is None:
                return None
            out.append(Title(title, level, i, i + 1, i + 2))
            starts, i = True, i + 3
            continue
        if following and following[0] not in " \t" and _adorned(following):
            under = following.rstrip()
            if not starts:
                return None
            if _not_paragraph(line):
                starts, i = True, i + 1  # a list item or a field: the adornment line starts what follows
                continue
            if column_width(line.rstrip()) > len(under) and len(under) < 4:
                # docutils: "Possible title underline, too short": the two lines are a paragraph's.
                if _literal_next(following) and _quoted_literal_follows(text, i + 1):
                    return None
                starts, i = False, i + 2
                continue
            level = place((under[0],))
            if level is None:
                return None
            out.append(Title(line.strip(), level, i, i, i + 1))
            starts, i = True, i + 2
            continue
        if _literal_next(line) and _quoted_literal_follows(text, i):
            return None
        # A list item or field ends at the next unindented line; a paragraph's next line continues it.
        starts = starts and _not_paragraph(line)
        i += 1
    return out


def _quoted_literal_follows(text: list[str], i: int) -> bool:
    """After a paragraph ending in '::', an unindented block: a quoted literal block, or a warning."""
    j = i + 1
    while j < len(text) and not text[j].strip():
        j += 1
    return j < len(text) and text[j][0] not in " \t"


def with_docutils(lines: list[str]) -> list[Title]:
    """The titles docutils' own parser finds, located in the lines in document order.

    Each title is the next line with its text and an adornment below; it has an
    overline when the line above (not already another title's) repeats the
    underline.  A level keeps the style its first title had, as docutils requires.
    """
    from adrtool.dialects import rst_docutils

    out: list[Title] = []
    styles: dict[int, tuple[str, ...]] = {}
    position = 0
    stripped = [line.rstrip("\r\n") for line in lines]
    n = len(stripped)
    for raw, level in rst_docutils.section_titles("\n".join(stripped)):
        for i in range(position, n - 1):
            below = stripped[i + 1].rstrip()
            if stripped[i].strip() != raw.strip() or not _ADORNMENT.match(below):
                continue
            if len(below) < 4 and column_width(stripped[i].rstrip()) > len(below):
                continue  # too short to be this title's underline (docutils reads such lines as text)
            over = i - 1 >= position and stripped[i - 1].rstrip() == below
            style = (below[0], below[0]) if over else (below[0],)
            if styles.get(level, style) != style:
                continue
            styles[level] = style
            out.append(Title(raw.strip(), level, i - 1 if over else i, i, i + 1))
            position = i + 2
            break
    return out

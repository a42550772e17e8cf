"""Markdown structure by lines: headings and sections, skipping fenced code.

A line scanner rather than a full Markdown parser, because loading ten
thousand records must stay well under a second; only ATX headings (`# ...`)
and fences matter for finding titles and sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from adrtool.text_find import has_fence_marks

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*\r?\n?$")
_FENCE = re.compile(r"^[ ]{0,3}(```+|~~~+)")
# What may follow a heading's hashes: a space or a tab, and a no-break space, which editors type for a space
# (`##\u00a0Status` in guardian/dotcom-rendering f72cb8fc59ac dotcom-rendering/docs/architecture/028-react-context-api.md:
# a reader sees a heading, where CommonMark sees a paragraph).
_AFTER_HASHES = (" ", "\t", "\u00a0")


@dataclass
class Section:
    heading: str  # the heading text, as written ("" for the text before the first heading)
    level: int  # 0 for the preamble
    line: int  # 1-based line of the heading in the file
    start: int  # 0-based index of the first line after the heading
    end: int  # 0-based index one past the section's last line (before the next heading of any level)
    text: str  # the section's text, without the heading line


def heading_of(line: str) -> tuple[int, str] | None:
    """(level, text) when `line` is an ATX heading (`## Text ##`), else None.

    What `_HEADING` matches, by string methods: its lazy group made the regular
    expression retry its tail at every character, the largest single cost of
    reading 10,000 records (`bench/README.md`, issue 14).
    """
    rest = line.lstrip("#")
    level = len(line) - len(rest)
    if not 1 <= level <= 6 or rest[:1] not in _AFTER_HASHES or not rest:
        return None
    if rest[-1:] == "\n":
        rest = rest[:-1]
    if rest[-1:] == "\r":
        rest = rest[:-1]
    return level, rest.rstrip(" \t#").strip()


def headings(lines: list[str], start: int = 0, text: str | None = None) -> list[tuple[int, int, str]]:
    """(index, level, text) of each ATX heading outside fenced code.

    `text`, when the caller has it, lets the common case (no fences at all)
    be decided by one substring search instead of a look at every line.
    """
    out = []
    if text is not None:
        fenced = has_fence_marks(text)
    else:
        fenced = any(("```" in l or "~~~" in l) for l in lines[start:] if l[:1] in "`~ ")
    if not fenced:
        # No fences (the common case): only lines starting with '#' can be headings, found by a
        # comprehension of their indexes alone (this runs over every line of most files the store
        # reads; a tuple per candidate and a test of `start` per line cost a third more).
        candidates = [i for i, line in enumerate(lines) if line[:1] == "#"]
    else:
        candidates = _outside_fences_hashed(lines, start)
    for i in candidates:
        if i < start:
            continue
        line = lines[i]
        rest = line.lstrip("#")  # (`heading_of`, inline: a call per heading costs a fifth of this loop)
        level = len(line) - len(rest)
        if level <= 6 and rest[:1] in (" ", "\t", "\u00a0"):  # (_AFTER_HASHES, as a constant)
            if rest[-1:] == "\n" and rest[-2:-1].isalnum():
                # `## Status\n`, the common heading: no closing hashes, blanks or `\r` before the newline,
                # so the steps below come to one strip (which removes the same leading blanks).
                out.append((i, level, rest.strip()))
                continue
            rest = rest.rstrip("\n")  # (a line from `splitlines` ends in one at most)
            if rest[-1:] == "\r":
                rest = rest[:-1]
            out.append((i, level, rest.rstrip(" \t#").strip()))
    return out


def _outside_fences_hashed(lines: list[str], start: int) -> list[int]:
    """Indexes from `start` of the lines starting with '#' outside fenced code (`outside_fences`' rule).

    Only lines that may open or close a fence (a backquote or a tilde after at most three spaces) or start with '#'
    are looked at: `outside_fences`' generator over every line cost a real record 30 us.  An indented line is kept
    only when its first four characters, spaces removed, begin with a backquote or a tilde (a superset of what
    `_FENCE` matches): real records indent list items and their code, and trying `_FENCE` on each of those lines
    cost a fenced real record a tenth of `headings` (bench/README.md, issue 14, branch w/realparse).
    """
    found = []
    fence = ""
    for i in [i for i, line in enumerate(lines) if line[:1] in _FENCE_OR_HEADING
              and (line[0] != " " or line[:4].lstrip(" ")[:1] in _TICK_OR_TILDE)]:
        if i < start:
            continue
        line = lines[i]
        if line[0] != "#":
            m = _FENCE.match(line)
            if m:
                marker = m.group(1)[0] * 3
                fence = "" if fence == marker else (fence or marker)
        elif not fence:
            found.append(i)
    return found


_FENCE_OR_HEADING = ("#", "`", "~", " ")
_TICK_OR_TILDE = ("`", "~")


def outside_fences(lines: list[str], start: int = 0):
    """(index, line) of each line from `start` that is not inside fenced code (fence lines excluded)."""
    fence = ""
    for i in range(start, len(lines)):
        line = lines[i]
        if line.startswith(("`", "~", " ")):
            m = _FENCE.match(line)
            if m:
                marker = m.group(1)[0] * 3
                fence = "" if fence == marker else (fence or marker)
                continue
        if not fence:
            yield i, line


def sections(lines: list[str], start: int = 0) -> list[Section]:
    """Split `lines[start:]` into sections at every heading."""
    heads = headings(lines, start)
    out: list[Section] = []
    first = heads[0][0] if heads else len(lines)
    if first > start:
        out.append(Section("", 0, start + 1, start, first, "".join(lines[start:first])))
    for n, (idx, level, text) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        out.append(Section(text, level, idx + 1, idx + 1, end, "".join(lines[idx + 1 : end])))
    return out


def headings_from(lines: list[str], start: int = 0, heads=None) -> list[tuple[int, int, str]]:
    """`headings`, reusing an already computed list (parsing one file asks several times)."""
    if heads is None:
        return headings(lines, start)
    return [h for h in heads if h[0] >= start] if start else heads


def first_h1(lines: list[str], start: int = 0, heads=None) -> tuple[int, str] | None:
    """(index, text) of the first level-1 heading outside fenced code."""
    if heads is None:
        # Stop at the first H1 (usually the first line after the front matter) instead of
        # mapping every heading of the file.
        for i, line in outside_fences(lines, start):
            if line[:1] == "#" and line[1:2] != "#":
                found = heading_of(line)
                if found:
                    return i, found[1]
        return None
    for idx, level, text in headings_from(lines, start, heads):
        if level == 1:
            return idx, text
    return None

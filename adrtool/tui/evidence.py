"""The lines an estimate rests on, highlighted in the rendered record (Rich only; no Textual).

An estimate's evidence names a line of the file and the columns of its cue
(adrtool.reasoning.estimate.Evidence).  The body is rendered by Rich's
Markdown, which knows nothing of columns, so each cue is wrapped in two
zero-width marks before rendering (`mark`) and the segments between them are
restyled afterwards (`Highlighted`): the marks take no cell, so wrapping and
tables come out as without them, and whatever Markdown makes of the line
(emphasis, a list item, a table cell) the cue is drawn highlighted.

A quote is found in the body by its text (the line nearest the one named,
since the body is the file less its front matter); an RST record's body is
converted to Markdown first, so when the line is not there as written the cue
alone is searched for.  A line that is not in the body at all (a title the
dialect keeps apart) is only quoted beside the text, never guessed at.
"""

from __future__ import annotations

import re

from rich.segment import Segment

START, END = "\u200b", "\u2060"  # zero width space, word joiner: both zero cells wide
STYLE = "adr.evidence"  # a Rich style of the app's console theme (themes.rich_styles)
_SPLIT = re.compile(f"([{START}{END}])")
# What Markdown reads at the start of a line: a mark before it would turn a heading or list item into text.
_LINE_SYNTAX = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*)*)")


def mark(body: str, evidence, converted: bool = False) -> str:
    """`body` with each piece of evidence's cue (or its whole quoted line) between START and END.
    `converted`: the body is not the file's text (RST made Markdown), so a cue is also looked for alone."""
    if not evidence:
        return body
    lines = body.replace(START, "").replace(END, "").split("\n")
    spans: dict[int, list[tuple[int, int]]] = {}
    for e in evidence:
        found = _locate(lines, e, converted)
        if found is not None:
            spans.setdefault(found[0], []).append(found[1:])
    for i, found in spans.items():
        line = lines[i]
        for start, end in reversed(_merged(found)):
            line = line[:start] + START + line[start:end] + END + line[end:]
        lines[i] = line
    return "\n".join(lines)


def _locate(lines: list[str], e, converted: bool) -> tuple[int, int, int] | None:
    """(line index, start, end) of the evidence in the body's lines, or None."""
    quoted = e.text.rstrip()
    if quoted.strip():
        at = [i for i, line in enumerate(lines) if quoted in line]
        if at:
            # The body is a tail of the file: its line i is at most the file's line i + 1.
            before = [i for i in at if i <= e.line - 1]
            i = before[-1] if before else at[0]
            column = lines[i].find(quoted)
            if e.start >= 0:
                return i, column + e.start, column + e.end
            lead = len(_LINE_SYNTAX.match(quoted).group(1))
            return (i, column + lead, column + len(quoted)) if lead < len(quoted) else None
    needle = (e.cue or quoted).strip().lower()
    if not needle or not converted:  # a line not in the body (the title above it): quoted beside it only
        return None
    for i, line in enumerate(lines):
        column = line.lower().find(needle)
        if column >= 0 and len(line.lower()) == len(line):
            return i, column, column + len(needle)
    return None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


class Highlighted:
    """A Rich renderable drawn with the text between START and END in the evidence style, marks dropped."""

    def __init__(self, renderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console, options):
        highlight = console.get_style(STYLE, default="reverse")
        inside = False
        for segment in console.render(self.renderable, options):
            text = segment.text
            if segment.control or (not inside and START not in text and END not in text):
                yield segment
                continue
            for part in _SPLIT.split(text):
                if part == START:
                    inside = True
                elif part == END:
                    inside = False
                elif part:
                    style = segment.style + highlight if inside and segment.style else highlight if inside else segment.style
                    yield Segment(part, style)

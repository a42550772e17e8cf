"""A decision's text as the card reads it: the lines the author wrote, each with its line and sections.

What is kept: every line of the record's body (or, for an inline decision,
of the design-document section around it) that is not metadata, a heading,
fenced code, the Status or Links section, or template text
(`template_text`).  Each line carries the meanings of the sections it sits
in, innermost first, so that "### Kafka" under "## Pros and Cons of the
Options" is read as an option, and its "* Bad, because ..." as a downside
of Kafka.  Table rows are split into cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adrtool.dialects import sections_of
from adrtool.model import Decision, Kind
from adrtool.reasoning import meaning, template_text
from adrtool.sections import Section, outside_fences

_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]+(?P<text>.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINKS_HEADINGS = ("links", "related decisions", "related", "see also", "related adrs")


@dataclass
class Line:
    number: int  # 1-based line of the file
    raw: str  # the line as written (no line break): what a quote shows
    text: str  # what the author wrote on it: no comments, placeholders or list marker
    folded: str  # `text` folded for cue matching (meaning.normalize_words)
    meanings: tuple[str, ...]  # meanings of the enclosing sections, innermost first (unrecognised ones left out)
    headings: tuple[str, ...]  # the enclosing headings, innermost first
    heading_meanings: tuple[str | None, ...] = ()  # the meaning of each of `headings` (None: not recognised)
    item: bool = False  # a list item (its own line or a table row)
    indent: int = 0
    cells: tuple[str, ...] = ()  # a table row's cells
    columns: tuple[str, ...] = ()  # the table's header cells

    def within(self, *wanted: str) -> bool:
        return any(m in wanted for m in self.meanings)

    @property
    def innermost(self) -> str | None:
        return self.meanings[0] if self.meanings else None


@dataclass
class RecordText:
    decision: Decision
    lines: list[Line] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # the sections read, with file line numbers
    raw_lines: list[str] = field(default_factory=list)  # every line of the file, for quoting metadata
    written: int = 0  # lines with anything the author wrote, before template lines are dropped
    template: int = 0  # lines dropped as template text

    @property
    def unfilled(self) -> bool:
        """Nothing but the form: every line with words in it is template text (or there is none)."""
        return not self.lines

    def where(self, *wanted: str) -> list[Line]:
        return [line for line in self.lines if line.within(*wanted)]

    def outside(self, *unwanted: str) -> list[Line]:
        return [line for line in self.lines if not line.within(*unwanted)]


def read(decision: Decision, repo=None) -> RecordText:
    """The lines of `decision` the card reads (see the module docstring)."""
    full = _file_text(decision, repo)
    if full is None:
        full, first = _fallback(decision)
    else:
        first = None
    all_lines = full.splitlines(keepends=True)
    start, stop = _region(decision, all_lines, first)
    out = RecordText(decision, raw_lines=all_lines)
    section_list = [s for s in sections_of(decision.path, all_lines, start) if s.line - 1 < stop]
    out.sections = section_list
    meta_lines = set() if decision.kind is Kind.INLINE else set(decision.field_lines.values())
    known = template_text.template_lines(repo)
    text = "".join(all_lines)
    kept = _uncommented(text).splitlines()
    by_index = _section_of_index(section_list, len(all_lines))
    others = _other_inline_lines(decision, all_lines, start, stop)
    columns: tuple[str, ...] = ()
    for index, _line in outside_fences(all_lines, start):
        if index >= stop:
            break
        raw = all_lines[index].rstrip("\r\n")
        number = index + 1
        chain = by_index.get(index, ())
        if number in meta_lines or number in others or raw.lstrip().startswith("#") or _is_heading_line(chain, number):
            continue
        if any(meaning.meaning_of(s.heading) == meaning.STATUS or _is_links(s.heading) for s in chain):
            continue
        content = kept[index] if index < len(kept) else raw
        if not content.strip():
            continue
        cells: tuple[str, ...] = ()
        if content.lstrip().startswith("|"):
            if _TABLE_RULE.match(content):
                continue
            cells = tuple(c.strip() for c in content.strip().strip("|").split("|"))
            if not columns or _is_header(all_lines, index):
                columns = cells
                continue
        else:
            columns = ()
        m = _LIST_ITEM.match(content)
        body = m.group("text") if m else content.strip()
        if decision.kind is Kind.INLINE and number == decision.line:
            body = decision.title
        clean = template_text.strip_placeholders(body)
        out.written += 1
        if template_text.is_placeholder(body) or template_text.key(content) in known:
            out.template += 1
            continue
        chain_meanings = tuple(meaning.meaning_of(s.heading) if s.level > 0 else None for s in chain)
        out.lines.append(Line(
            number=number, raw=raw, text=clean.strip(), folded=meaning.normalize_words(clean),
            meanings=tuple(m2 for m2 in chain_meanings if m2), headings=tuple(s.heading for s in chain),
            heading_meanings=chain_meanings, item=bool(m) or bool(cells),
            indent=len(m.group("indent").expandtabs(4)) if m else 0, cells=cells, columns=columns if cells else (),
        ))
    return out


def _other_inline_lines(d: Decision, lines: list[str], start: int, stop: int) -> set[int]:
    """Line numbers of the other inline decisions around an inline one: their words are not its reasoning."""
    if d.kind is not Kind.INLINE:
        return set()
    from adrtool.dialects import inline

    region = "".join(lines[:stop])
    return {o.line for o in inline.scan(d.path, region, d.stem) if o.line != d.line and o.line and o.line > start}


def _is_heading_line(chain: tuple[Section, ...], number: int) -> bool:
    return bool(chain) and chain[0].line == number and chain[0].level > 0


def _is_links(heading: str) -> bool:
    return meaning.normalize(heading) in _LINKS_HEADINGS


def _is_header(lines: list[str], index: int) -> bool:
    """A table row followed by a |---| rule."""
    return index + 1 < len(lines) and bool(_TABLE_RULE.match(lines[index + 1]))


def _uncommented(text: str) -> str:
    """The text with HTML comments blanked out, line breaks kept (a comment may span lines)."""
    return template_text._COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _section_of_index(section_list: list[Section], total: int) -> dict[int, tuple[Section, ...]]:
    """line index -> the sections it is in, innermost first (a heading belongs to its own section)."""
    out: dict[int, tuple[Section, ...]] = {}
    stack: list[Section] = []
    for n, s in enumerate(section_list):
        while stack and stack[-1].level >= s.level and s.level > 0:
            stack.pop()
        if s.level == 0:
            stack = []
        stack.append(s)
        end = section_list[n + 1].line - 1 if n + 1 < len(section_list) else total
        chain = tuple(reversed([x for x in stack if x.level > 0] or stack))
        first = s.line - 1 if s.level > 0 else s.start
        for i in range(first, end):
            out[i] = chain
    return out


def _file_text(d: Decision, repo) -> str | None:
    if repo is None:
        return None
    try:
        return repo.text(d)
    except (OSError, UnicodeDecodeError):
        return None


def _fallback(d: Decision) -> tuple[str, int]:
    """Without the file: its body, placed at the line it starts on (blank lines above keep the numbers)."""
    if d.kind is Kind.INLINE:
        return "\n" * ((d.line or 1) - 1) + d.body + "\n", (d.line or 1) - 1
    offset = d.field_lines.get("title", 0)
    return "\n" * offset + d.body, offset


def _sections_above(lines: list[str], body: int) -> int:
    """Where the record's text starts: its body, or the first section above the title when the title is a
    heading below sections of the record (a file with no title line whose first `#` heading is a later one,
    `# Consequências` under `## Contexto` and `## Decisão`: those sections are the record too).  Only `##`
    and deeper headings count, and not in front matter, where `# ` starts a YAML comment."""
    if not body or lines[0].startswith("---"):
        return body
    from adrtool.sections import headings

    above = [idx for idx, level, _ in headings(lines[:body]) if level >= 2]
    return above[0] if above else body


def _region(d: Decision, lines: list[str], first: int | None) -> tuple[int, int]:
    """(first index, stop index) of the lines that hold this decision's reasoning."""
    if d.kind is not Kind.INLINE:
        if first is not None:
            return first, len(lines)
        full = "".join(lines)
        if d.body and full.endswith(d.body):
            return _sections_above(lines, full[: len(full) - len(d.body)].count("\n")), len(lines)
        return d.field_lines.get("title", 0), len(lines)
    line = d.line or 1
    from adrtool.sections import headings

    heads = headings(lines)
    start, level = 0, 0
    for idx, lv, _ in heads:
        if idx < line - 1:
            start, level = idx, lv
    stop = len(lines)
    for idx, lv, _ in heads:
        if idx > line - 1 and (level == 0 or lv <= level):
            stop = idx
            break
    return start, stop

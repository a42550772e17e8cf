"""A decision's text as the tag estimates read it: three zones of words, each with the lines they came from.

- `title`: the title line (or an inline decision's own line);
- `decision`: the sections that state what was decided (Decision, Decision
  Outcome, Proposal, Entscheidung, 决策, ...);
- `body`: every other section the author wrote (context, options,
  consequences, ...), less the Status and Links sections and the metadata.

Comments, fenced code, addresses and template placeholders are not the
author's words and are left out.  Each zone is tokenized once (lower case,
punctuation as spaces) into a word set and a space-joined string for
phrases: one pass at C speed, because `list --json` reads ten thousand
records this way.  A cue found in a zone is located afterwards, and only
then, on the zone's lines, to quote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adrtool.model import Decision, Kind

_PUNCT = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n\r\t", b" " * 35)
_NON_WORD = re.compile(r"[\W_]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ADDRESS = re.compile(r"\]\([^)\s]*\)|<?https?://[^\s)>]*>?")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FENCED = re.compile(r"^[ ]{0,3}(```+|~~~+)[^\n]*\n.*?^[ ]{0,3}\1[ \t]*$", re.DOTALL | re.MULTILINE)
# Template text: a line that is only a placeholder, holds a {placeholder with words}, or is a short "fill in ..." line.
_PLACEHOLDER_LINE = re.compile(
    r"^[ \t>*+-]*(?:\{[^{}\n]*\}|<[^<>\n]*>|\.\.\.|…|todo|tbd|n/a)[ \t.:]*$|^[^\n]*\{[^{}\n]*[ |][^{}\n]*\}[^\n]*$|"
    r"^[^\n]{0,40}(?:\.\.\.|…)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t#]*$")
_RST_HEADING = re.compile(r"^([^\s\n][^\n]*)\n([=\-~^\"'`#*+])\2{2,}[ \t]*$", re.MULTILINE)
_METADATA_LINE = re.compile(
    r"^[ \t]*[-*]?[ \t]*\**(?:date|status|deciders|decision-makers|decision makers|tags|choice|door|consulted|"
    r"informed|supersedes|superseded by|amends|amended by|datum|fecha|data|日期)\**[:：][^\n]*", re.MULTILINE | re.IGNORECASE)

# Heading meaning, first match wins (so "Decision Drivers" is not the decision).
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("skip", ("status", "statut", "estado", "stato", "状态", "links", "related", "see also", "references",
              "referenzen", "références", "referencias", "referências", "riferimenti", "相关", "参考")),
    ("body", ("driver", "requirement", "forces", "treiber", "anforderung", "exigence", "requisito", "consequence",
              "implication", "trade-off", "tradeoff", "positive", "negative", "konsequenz", "folgen",
              "conséquence", "consecuencia", "consequência", "conseguenz", "结果", "后果", "影响", "option",
              "alternative", "pros and cons", "considered", "context", "problem", "background")),
    ("decision", ("decision", "outcome", "chosen", "proposal", "resolution", "entscheidung", "décision", "decisión",
                  "decisão", "decisao", "decisione", "决策", "决定")),
)
_KIND_PATTERNS = tuple((kind, re.compile("|".join(re.escape(w) for w in words))) for kind, words in _KINDS)
_CONSEQUENCE = re.compile(r"consequence|positive|negative|konsequenz|conséquence|consecuencia|consequência|后果")
_KIND_MEMO: dict[str, str] = {}  # heading -> kind, for this process: a few dozen headings recur in every folder


def heading_kind(heading: str) -> str:
    """'decision', 'skip' (Status, Links) or 'body' for every other heading."""
    kind = _KIND_MEMO.get(heading)
    if kind is None:
        folded = heading.lower()
        kind = next((k for k, pattern in _KIND_PATTERNS if pattern.search(folded)), "body")
        _KIND_MEMO[heading] = kind
    return kind


class Zone:
    """One zone's lines, and its words once asked for.

    A plain class with slots, tokenized lazily: `list --json` makes three per
    record, and the body is tokenized only when the choice needs to look in it.
    """

    __slots__ = ("name", "segments", "raw", "_lower", "_words", "_tokens", "_joined", "_chinese")

    def __init__(self, name: str, segments: list[tuple[int, str]] | None = None):
        self.name = name  # title | decision | body
        self.segments = segments if segments is not None else []  # (file line of the text's first line, text)
        # The zone's text (segments joined by newlines), for Chinese cues and for quoting.
        self.raw = self.segments[0][1] if len(self.segments) == 1 else "\n".join(t for _, t in self.segments)
        self._lower: str | None = None
        self._words: set[str] | None = None
        self._tokens: list[str] = []
        self._joined: str | None = None
        self._chinese: bool | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.raw.lower()
        return self._lower

    @property
    def chinese(self) -> bool:
        if self._chinese is None:
            self._chinese = not self.raw.isascii() and _CJK.search(self.raw) is not None
        return self._chinese

    @property
    def size(self) -> int:
        """How much the author wrote here, in words: spaces between words, two Chinese characters a word."""
        raw = self.raw
        if not raw:
            return 0
        size = len(raw.split()) if len(raw) < 400 else len(raw) // 6  # a long text is surely long enough
        return size + (len(_CJK.findall(raw)) // 2 if self.chinese else 0)

    @property
    def words(self) -> set[str]:
        if self._words is None:
            lower = self.lower
            if "://" in lower or "](" in lower:  # addresses are not the author's words
                lower = _ADDRESS.sub(" ", lower)
            if lower.isascii():
                self._tokens = lower.encode("ascii").translate(_PUNCT).decode("ascii").split()
            else:
                self._tokens = _NON_WORD.sub(" ", lower).split()
            self._words = set(self._tokens)
        return self._words

    def has_phrase(self, phrase: str) -> bool:
        """Whether the words of `phrase` follow each other here (punctuation between them ignored)."""
        if self._joined is None:  # built on the first phrase looked for: many zones need none
            self.words
            self._joined = " " + " ".join(self._tokens) + " "
        return f" {phrase} " in self._joined


@dataclass
class Text:
    title: Zone
    decision: Zone
    body: Zone
    inline: bool = False  # an inline decision: its one line is the whole decision

    @property
    def zones(self) -> tuple[Zone, Zone, Zone]:
        return (self.title, self.decision, self.body)

    @property
    def words(self) -> int:
        """The author's own words below the title (an inline decision's: those of its line)."""
        return self.title.size if self.inline else self.decision.size + self.body.size


def read(decision: Decision, repo=None) -> Text:
    """The three zones of `decision` (its file's text comes from `repo`, which holds it since loading)."""
    full = _file_text(decision, repo)
    if decision.kind is Kind.INLINE:
        raw = _line_at(full, decision.line) if full and decision.line else ""
        own = Zone("title", [(decision.line or 1, raw or decision.body or decision.title)])
        return Text(own, Zone("decision"), Zone("body"), inline=True)
    text = decision.body
    title_line = decision.field_lines.get("title")
    title = decision.title if title_line else ""
    if full is not None and full.endswith(text):
        at = len(full) - len(text)
        first = full.count("\n", 0, at) + 1
        if title_line == first - 1:  # the line just before the body: quote the title as written
            title = full[full.rfind("\n", 0, max(at - 1, 0)) + 1 : at].rstrip("\r\n")
        elif title_line and title_line < first:  # an underlined (RST) title: its own line, as written
            title = _line_at(full, title_line) or title
    else:
        first = title_line + 1 if title_line else 1
    text = _authored(text)
    title_segment = [(title_line, title)] if title_line and title else []
    segments: dict[str, list[tuple[int, str]]] = {"decision": [], "body": []}
    metadata = bool(decision.field_lines)
    pos, kind, line = 0, "body", first
    top = 7  # the level of the headings that name sections; deeper ones belong to the section above them
    for start, end, level, heading in _headings(text, decision.path.endswith(".rst")):
        _add(segments, kind, line, text[pos:start], metadata and pos == 0)
        line += text.count("\n", pos, end)
        pos = end
        if level <= top:
            top = level
            kind = heading_kind(heading)
        elif kind == "decision" and _CONSEQUENCE.search(heading.lower()):
            kind = "body"  # "### Positive Consequences" under "## Decision Outcome"
        elif kind != "skip" and heading_kind(heading) == "skip":
            kind = "skip"  # "### Links" at the end of a section
    _add(segments, kind, line, text[pos:], metadata and pos == 0)
    return Text(Zone("title", title_segment), Zone("decision", segments["decision"]), Zone("body", segments["body"]))


def _authored(text: str) -> str:
    """The body less comments, fenced code and placeholder lines (blanked, so line numbers hold)."""
    if not ("<" in text or "{" in text or "..." in text or "…" in text or "`" in text or "~~~" in text
            or "TBD" in text or "TODO" in text):
        return text  # the common case: nothing to take out
    if "<!--" in text:
        text = _COMMENT.sub(_blank, text)
    if "```" in text or "~~~" in text:
        text = _FENCED.sub(_blank, text)
    return _PLACEHOLDER_LINE.sub("", text)


def _blank(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


_HEADING_MEMO: dict[str, tuple[int, str] | None] = {}  # heading line -> (level, text), for this process


def _headings(text: str, rst: bool) -> list[tuple[int, int, int, str]]:
    """(start, end, level, heading) of each heading: ATX lines, and underlined titles in RST."""
    out = []
    at = 0 if text.startswith("#") else _next_heading(text, 0)
    while at >= 0:
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        line = text[at:end]
        parsed = _HEADING_MEMO.get(line, False)
        if parsed is False:
            m = _MD_HEADING.match(line)
            parsed = _HEADING_MEMO[line] = (len(m.group(1)), m.group(2)) if m else None
        if parsed is not None:
            out.append((at, end, *parsed))
        at = _next_heading(text, end)
    if rst:
        out += [(m.start(), m.end(), 1, m.group(1)) for m in _RST_HEADING.finditer(text)]
        out.sort()
    return out


def _next_heading(text: str, start: int) -> int:
    at = text.find("\n#", start)
    return at + 1 if at >= 0 else -1


def _add(segments: dict[str, list[tuple[int, str]]], kind: str, line: int, text: str, preamble: bool) -> None:
    if kind == "skip" or not text.strip():
        return
    if preamble:  # "* Deciders: ...", "Date: ..." before the first heading say nothing about the decision
        text = _METADATA_LINE.sub("", text)
    segments[kind].append((line, text))


def _file_text(decision: Decision, repo) -> str | None:
    if repo is None:
        return None
    try:
        return repo.text(decision)  # in memory since the repository was loaded
    except Exception:  # unreadable now: the body alone, numbered from the title
        return None


def _line_at(full: str, number: int) -> str:
    pos = 0
    for _ in range(number - 1):
        pos = full.find("\n", pos) + 1
        if pos == 0:
            return ""
    end = full.find("\n", pos)
    return full[pos:] if end < 0 else full[pos:end].rstrip("\r")


# ---- quoting ----------------------------------------------------------------------------------

QUOTE_CHARS = 160  # a longer line is quoted as the window of this many characters around the cue
_CUE_PATTERNS: dict[str, re.Pattern] = {}  # cue -> its pattern, compiled once per process


@dataclass(frozen=True)
class Found:
    line: int
    text: str  # the line as written, or a window of it around the cue
    cue: str
    start: int  # the cue's columns in `text`
    end: int
    offset: int = 0  # where `text` starts in the file's line (0 unless a long line was windowed)


def locate(zone: Zone, cue: str) -> Found | None:
    """The first line of `zone` holding `cue` (as a word, any case), quoted as written."""
    at = _find_word(zone.lower, cue) if len(zone.lower) == len(zone.raw) and " " not in cue else None
    if at is None:  # a phrase ("command line" matches "command-line"), or lower() changed the text's length
        pattern = _CUE_PATTERNS.get(cue)
        if pattern is None:
            words = cue.split()
            body = re.escape(cue) if _CJK.search(cue) else \
                r"(?<![^\W_])" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![^\W_])"
            pattern = _CUE_PATTERNS[cue] = re.compile(body, re.IGNORECASE)
        m = pattern.search(zone.raw)
        if m is None:
            return None
        at = (m.start(), m.end())
    elif at == (-1, -1):
        return None
    return _quote(zone, *at)


def _find_word(lower: str, word: str) -> tuple[int, int]:
    """(start, end) of the first whole-word occurrence of `word` in `lower`, or (-1, -1)."""
    cjk = _CJK.search(word) is not None
    at = lower.find(word)
    while at >= 0:
        end = at + len(word)
        if cjk or ((at == 0 or not _word_char(lower[at - 1])) and (end == len(lower) or not _word_char(lower[end]))):
            return at, end
        at = lower.find(word, at + 1)
    return -1, -1


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _quote(zone: Zone, start: int, end: int) -> Found:
    """The line of the zone's text around [start, end), with its file line number."""
    offset = 0
    for first, text in zone.segments:  # which segment: they are joined by one newline each
        if start <= offset + len(text):
            break
        offset += len(text) + 1
    a, b = start - offset, end - offset
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_text = text[line_start : len(text) if line_end < 0 else line_end].rstrip("\r")
    a, b = a - line_start, b - line_start
    left = 0
    if len(line_text) > QUOTE_CHARS:
        left = max(0, min(a - QUOTE_CHARS // 3, len(line_text) - QUOTE_CHARS))
        line_text, a, b = line_text[left : left + QUOTE_CHARS], a - left, b - left
    return Found(first + text.count("\n", 0, line_start), line_text, zone.raw[start:end], a, b, left)


def first_line(zone: Zone) -> Found | None:
    """The zone's first non-empty line, quoted whole (clipped to QUOTE_CHARS)."""
    for first, text in zone.segments:
        for offset, raw in enumerate(text.split("\n")):
            if raw.strip():
                return Found(first + offset, raw.rstrip("\r")[:QUOTE_CHARS], "", -1, -1)
    return None

"""A decision's text as the tag estimates read it: its title and its sections, grouped by what they mean.

One pass over the record: the headings are found with `str.find` (and, for
underlined headings, one regex), each heading's meaning is the reasoning
card's (`meaning.meaning_of`, so "Decision Outcome", "Entscheidung" and
"决策" are all the decision), and the text between headings goes to the zone
of its section's kind:

- `title`: the title line (or an inline decision's own line);
- `decision`: what was decided (Decision, Decision Outcome, Proposal, ...);
- `rationale`: a section of reasons (Rationale, Justification, Begründung);
- `context`: the problem and the forces (Context, Problem, Decision Drivers);
- `options`: the options weighed and their pros and cons;
- `consequences`, `positive`, `negative`: what follows (Positive and
  Negative Consequences apart, since a Good consequence is a reason);
- `other`: prose under no recognised heading (a record with no sections).

A subsection with no meaning of its own belongs to its parent ("### Kafka"
under "## Considered Options" is an option).  Status, links and references
are left out, and so are comments, fenced code, addresses and template
placeholders: they are not the author's words.

Each zone is tokenized once, when asked (lower case, punctuation as spaces)
into a word set and a padded string for phrases: C-speed passes, because
`list --json` reads ten thousand records this way.  A cue found in a zone is
located afterwards, and only then, on the zone's lines, to quote it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from adrtool.model import Decision, Kind
from adrtool.reasoning import estimate_choice_cues, estimate_cues, meaning
from adrtool.reasoning.template_text import KNOWN_TEMPLATE_LINES
from adrtool.reasoning.text_scans import (contains, fenced_spans, placeholder_line_starts, spaced_words, split_words,
                                          underlined_matches, without_addresses)

# Every word that begins a cue of the door or of the choice, and the second word of every phrase: a zone's
# `present`, so that a phrase is looked for only when its first two words are there.
CUE_KEYS = estimate_cues.DOOR_KEYS | estimate_choice_cues.KEYS | estimate_cues.SECOND_WORDS | \
    estimate_choice_cues.SECOND_WORDS

_PUNCT = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n\r\t", b" " * 35)
_LOWER_PUNCT = bytes(_PUNCT[c] if not 65 <= c <= 90 else c + 32 for c in range(256))  # and A-Z as a-z
_CJK = re.compile(r"[\u3400-\u9fff]")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_RST_COMMENT = re.compile(r"^\.\.(?![^\n]*::)[^\n]*(?:\n(?:[ \t]+[^\n]*)?)*?(?=\n\S|\Z)", re.MULTILINE)
# Template text: a line that is only a placeholder, holds a {placeholder with words}, or is a short "fill in ..." line.
_PLACEHOLDER_LINE = re.compile(
    r"^[ \t>*+-]*(?:\{[^{}\n]*\}|<[^<>\n]*>|\.\.\.|…|todo|tbd|n/a)[ \t.:]*$|^[^\n]*\{[^\n]*?[ |][^\n]*\}[^\n]*$|"
    r"^[^\n]{0,40}(?:\.\.\.|…)[ \t]*$|"
    # MADR's older template writes its filler in square brackets: "- Good, because [argument a]", "[Describe the
    # context ...]", 'Chosen option: "[option 1]", because [justification ...]' (a bracket that is no link, and no
    # "- [ ] item" of a checklist).
    r"^(?:[^\[\]\n]{0,30}\[(?=[^\]\n]*[^\W_])[^\[\]\n]*[ |][^\[\]\n]*\](?![(\[:]))+[^\[\]\n]{0,30}$",
    re.IGNORECASE | re.MULTILINE)
_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t#]*$")
_METADATA_LINE = re.compile(
    r"^[ \t]*[-*]?[ \t]*\**(?:date|status|deciders|decision-makers|decision makers|tags|choice|door|consulted|"
    r"informed|supersedes|superseded by|amends|amended by|technical story|datum|fecha|data|日期)\**[:：][^\n]*",
    re.MULTILINE | re.IGNORECASE)

_FRONT_TITLE = re.compile(r"^title[ \t]*:[^\n]*", re.MULTILINE)  # Docusaurus, Jekyll, Hugo: "title: ADR-4: Use X"
DECISION, RATIONALE, CONTEXT, OPTIONS = "decision", "rationale", "context", "options"
CONSEQUENCES, POSITIVE, NEGATIVE, OTHER, SKIP = "consequences", "positive", "negative", "other", "skip"
READ_CHARS = 4000  # the words of a section past this many characters are not read (their cost grows with length)
KINDS = (DECISION, RATIONALE, CONTEXT, OPTIONS, CONSEQUENCES, POSITIVE, NEGATIVE, OTHER)

# The card's meanings, as the estimates group them (evidence and confirmation sections are the author's prose).
_BY_MEANING = {meaning.DECISION: DECISION, meaning.RATIONALE: RATIONALE, meaning.CONTEXT: CONTEXT,
               meaning.OPTIONS: OPTIONS, meaning.CONSEQUENCES: CONSEQUENCES, meaning.NEGATIVE: NEGATIVE,
               meaning.STATUS: SKIP, meaning.EVIDENCE: OTHER, meaning.CONFIRMATION: OTHER}
# Headings the card has no meaning for, or reads otherwise: links are not the author's words; the forces of a
# decision (MADR's Decision Drivers) are its context; a consequences heading that says "good" holds reasons.
_SKIP_HEADING = re.compile(r"^\W*(?:links|related|see also|references|referenzen|références|referencias|"
                           r"referências|riferimenti|相关|参考)", re.IGNORECASE)
_FORCES_HEADING = re.compile(r"driver|requirement|forces|treiber|anforderung|exigence|requisito|驱动|需求", re.IGNORECASE)
_POSITIVE_HEADING = re.compile(r"positive|\bgood\b|benefit|\bpros\b|advantage|vorteil|avantage|ventaja|vantag|优点|好处",
                               re.IGNORECASE)
_KIND_MEMO: dict[str, str | None] = {}  # heading -> kind, for this process: a few dozen headings recur in every folder


def heading_kind(heading: str) -> str | None:
    """The kind of a section by its heading, or None when the heading has no meaning of its own."""
    try:
        return _KIND_MEMO[heading]
    except KeyError:
        pass
    if _SKIP_HEADING.match(heading):
        kind = SKIP
    elif _FORCES_HEADING.search(heading):
        kind = CONTEXT
    else:
        kind = _BY_MEANING.get(meaning.meaning_of(heading))
        if kind == CONSEQUENCES and _POSITIVE_HEADING.search(heading):
            kind = POSITIVE
    _KIND_MEMO[heading] = kind
    return kind


class Zone:
    """One zone's lines, and, once asked for, the cue words it holds.

    A plain class with slots, tokenized lazily and at most once: most zones
    of most records are looked into by a few set operations, or not at all.
    `present` is every word of the zone that begins some cue (the union of
    the cue tables' keys, `CUE_KEYS`): one C-speed pass over the zone's
    words, after which each kind of cue is a small set intersection.
    """

    __slots__ = ("name", "segments", "raw", "chinese", "size", "_lower", "_tokens", "_present", "_words", "_padded")

    def __init__(self, name: str, segments: list[tuple[int, str]] | None = None):
        self.name = name
        self.segments = segments if segments is not None else []  # (file line of the text's first line, text)
        # The zone's text (segments joined by newlines), for Chinese cues and for quoting.
        raw = self.raw = self.segments[0][1] if len(self.segments) == 1 else "\n".join([t for _, t in self.segments])
        # Whether it holds Chinese: a plain attribute, since the door and the choice ask it of most zones (the
        # ASCII test is a flag of the string, and the pattern runs only on a text that is not ASCII).
        self.chinese = not raw.isascii() and _CJK.search(raw) is not None
        # How much the author wrote here, in words: spaces between words, two Chinese characters a word (the
        # door reads every zone's, so it is counted here; no list of words is made for it).
        size = raw.count(" ") + raw.count("\n") + 1 if len(raw) < 400 else len(raw) // 6
        self.size = size + len(_CJK.findall(raw)) // 2 if self.chinese else size
        self._lower = self._tokens = self._present = self._words = None
        self._padded = ""

    def __bool__(self) -> bool:
        return bool(self.segments)

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.raw.lower()
        return self._lower

    def _tokenize(self) -> list[str]:
        raw = self.raw
        if raw.isascii():  # lower case and punctuation as spaces in one pass over the bytes (no lower-case copy)
            head = raw[:READ_CHARS] if len(raw) > READ_CHARS else raw
            if not (":" in head and "://" in head) and not ("]" in head and "](" in head):  # (see `contains`)
                spaced = head.encode("ascii").translate(_LOWER_PUNCT).decode("ascii")
                self._padded = f" {spaced} "
                self._tokens = spaced.split()
                return self._tokens
        lower = self.lower
        if len(lower) > READ_CHARS:  # a section's subject and reasons come first; a long one is read in part
            lower = lower[:READ_CHARS]
        if (":" in lower and "://" in lower) or ("]" in lower and "](" in lower):  # addresses: not the author's
            lower = without_addresses(lower)
        if lower.isascii():
            spaced = lower.encode("ascii").translate(_PUNCT).decode("ascii")
            self._tokens = spaced.split()
        else:
            self._tokens = words = split_words(lower)
            spaced = spaced_words(lower, words)
        self._padded = f" {spaced} "
        return self._tokens

    @property
    def present(self) -> set[str]:
        """The words of this zone that begin some cue."""
        if self._present is None:
            self._present = CUE_KEYS.intersection(self._tokens if self._tokens is not None else self._tokenize())
        return self._present

    @property
    def words(self) -> set[str]:
        """Every word of this zone."""
        if self._words is None:
            self._words = set(self._tokens if self._tokens is not None else self._tokenize())
        return self._words

    @property
    def padded(self) -> str:
        """The zone's words, lower case, one space between each and one at each end (" a b c ")."""
        if self._tokens is None:
            self._tokenize()
        return self._padded

    def has_phrase(self, phrase: str) -> bool:
        """Whether the words of `phrase` follow each other here (punctuation between them as spaces)."""
        if self._tokens is None:
            self._tokenize()
        return f" {phrase} " in self._padded

    def skip(self, chars: int) -> None:
        """Read the words after the first `chars` characters only (a title's "ADR-12:" names the document)."""
        rest = Zone(self.name, [(0, self.raw[chars:])])
        self._tokens, self._padded = rest._tokenize(), rest._padded
        self._present = self._words = None


_EMPTY = Zone("")


class Text:
    """A record's title and zones, with what the door and the choice ask of every record worked out once.

    A slotted class, not a dataclass: one is made per record, and `decision` and `words` are plain
    attributes (the door reads them several times a record)."""

    __slots__ = ("title", "zones", "inline", "decision", "words")

    def __init__(self, title: Zone, zones: dict[str, Zone] | None = None, inline: bool = False):
        self.title = title
        self.zones = zones = zones if zones is not None else {}  # kind -> its zone (only kinds the record has)
        self.inline = inline  # an inline decision: its one line is the whole decision
        self.decision = zones.get(DECISION, _EMPTY)
        # The author's own words below the title (an inline decision's: those of its line).
        self.words = title.size if inline else sum([z.size for z in zones.values()])

    def zone(self, kind: str) -> Zone:
        return self.zones.get(kind, _EMPTY)


def read(decision: Decision, repo=None) -> Text:
    """The zones of `decision` (its file's text comes from `repo`, which holds it since loading)."""
    full = _file_text(decision, repo)
    if decision.kind is Kind.INLINE:
        raw = _line_at(full, decision.line) if full and decision.line else ""
        own = Zone("title", [(decision.line or 1, raw or decision.body or decision.title)])
        return Text(own, inline=True)
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
        elif not title_line and full.startswith("---"):  # a site generator's front matter names it: its title line
            m = _FRONT_TITLE.search(full, 0, at)
            if m is not None:
                title_line, title = full.count("\n", 0, m.start()) + 1, m.group(0)
    else:
        first = title_line + 1 if title_line else 1
    rst = decision.path.endswith(".rst")
    text = _authored(text, rst)
    segments: dict[str, list[tuple[int, str]]] = {}
    metadata = bool(decision.field_lines)
    pos, line = 0, first
    stack: list[tuple[int, str]] = []  # (level, kind) of the headings above the current text
    kind = OTHER
    kinds = _KIND_MEMO
    for start, end, level, heading in _headings(text, rst):
        chunk = text[pos:start]
        if kind != SKIP and chunk and not chunk.isspace():  # (`_add`, inlined for the common case)
            if metadata and pos == 0:
                _add(segments, kind, line, chunk, True)
            else:
                segments.setdefault(kind, []).append((line, chunk))
        line += text.count("\n", pos, end)
        pos = end
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if parent == SKIP or parent == OPTIONS:
            kind = parent  # under Links everything is links; under the options, each subsection is an option
        else:
            own = kinds[heading] if heading in kinds else heading_kind(heading)
            kind = own if own is not None else parent or OTHER
        stack.append((level, kind))
    _add(segments, kind, line, text[pos:], metadata and pos == 0)
    zones = {k: Zone(k, segs) for k, segs in segments.items()}
    return Text(Zone("title", [(title_line, title)] if title_line and title else []), zones)


def _authored(text: str, rst: bool = False) -> str:
    """The body less comments, fenced code and placeholder lines (blanked, so line numbers hold)."""
    if rst and "\n.." in text:
        text = _RST_COMMENT.sub(_blank, text)
    for line in _KNOWN_LINES:  # adr-tools' own filler ("What becomes easier or more difficult to do ...")
        if line in text:  # (a long needle: plain `in` skips ahead, and beats `contains` led by a capital)
            text = text.replace(line, "")
    # The common case: nothing to take out.  (A "TBD" or "TODO" line alone, with no other template text
    # around it, stays: a word or two of it changes no estimate, and looking for it costs every record.)
    if not ("<" in text or "{" in text or "`" in text or "…" in text or ("~" in text and "~~~" in text) or
            ("]" in text and "]\n" in text) or _DOTS.search(text) is not None):  # (single characters first: memchr)
        return text
    if "<!--" in text:
        text = _COMMENT.sub(_blank, text)
    if "```" in text or "~~~" in text:
        text = _blanked(text, fenced_spans(text))
    return _without_placeholder_lines(text)


def _without_placeholder_lines(text: str) -> str:
    """`_PLACEHOLDER_LINE.sub("", text)`, line by line: the multi-line pattern tries its four branches at every
    character (about 100 us a real record of 3,800 characters); a line is tried only when it has the shape some
    branch needs: one placeholder alone (`{...}`, `<...>`, dots, a word such as TBD), braces, an ending in dots, or
    a square bracket near each end (MADR 2's "[option 1]")."""
    match = _PLACEHOLDER_LINE.match  # (on one line, its `^` and `$` are the line's ends)
    find = text.find
    pieces, pos = [], 0
    for start in placeholder_line_starts(text):
        end = find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        word = line.lstrip(" \t>*+-").rstrip(" \t.:")  # (what the first branch allows around its one placeholder)
        if (len(word) <= 4 or (word[0] == "{" and word[-1] == "}") or (word[0] == "<" and word[-1] == ">")
                or ("{" in line and "}" in line) or line.rstrip(" \t").endswith(("...", "…"))
                or ("[" in line[:31] and "]" in line[-31:])) and match(line):
            pieces.append(text[pos:start])
            pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


# The forms' sentences that the placeholder lines below do not already take ("Context here..." they do).
_DOTS = re.compile(r"\.\.\.")  # (the regex engine finds "..." faster than `in` does)
_KNOWN_LINES = tuple(line for line in KNOWN_TEMPLATE_LINES if not line.endswith(("...", "…")))


def _blank(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span as its line breaks only (what `sub(_blank, text)` makes of the spans' matches)."""
    if not spans:
        return text
    pieces, pos = [], 0
    for start, end in spans:
        pieces.append(text[pos:start])
        pieces.append("\n" * text.count("\n", start, end))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


_HEADING_MEMO: dict[str, tuple[int, str] | None] = {}  # heading line -> (level, text), for this process


def _headings(text: str, rst: bool) -> list[tuple[int, int, int, str]]:
    """(start, end, level, heading) of each heading: ATX lines, and underlined headings (RST, setext)."""
    out = []
    memo, find = _HEADING_MEMO, text.find
    at = find("#")  # each "#" that starts a line: memchr on "#" (rare in prose) and a look at the character before,
    # not the slower search for two characters ("\n#")
    while at >= 0:
        if at and text[at - 1] != "\n":
            at = find("#", at + 1)
            continue
        end = find("\n", at)
        if end < 0:
            end = len(text)
        line = text[at:end]
        parsed = memo.get(line, False)
        if parsed is False:
            m = _MD_HEADING.match(line)
            parsed = memo[line] = (len(m.group(1)), m.group(2)) if m else None
        if parsed is not None:
            out.append((at, end, parsed[0], parsed[1]))
        at = find("#", end + 1)
    if rst or ("-" in text and contains(text, "\n--")) or ("=" in text and contains(text, "\n==")):
        levels: dict[str, int] = {}  # RST ranks underline styles by first use; setext has = above -
        underlined = [(m.start(), m.end(), m.group(2), m.group(1).strip()) for m in underlined_matches(text)
                      if not m.group(1).lstrip().startswith(("|", "-", "*", "+", "#", ">"))]
        for start, end, char, heading in underlined:
            level = levels.setdefault(char, len(levels) + 1) if rst else (1 if char == "=" else 2)
            out.append((start, end, level, heading))
        out.sort()
    return out


def _add(segments: dict[str, list[tuple[int, str]]], kind: str, line: int, text: str, preamble: bool) -> None:
    if kind == SKIP or not text or text.isspace():  # (`isspace` is `not strip()` without the copy)
        return
    if preamble:  # "* Deciders: ...", "Date: ..." before the first heading say nothing about the decision
        text = _METADATA_LINE.sub("", text)
        if not text or text.isspace():
            return
    segments.setdefault(kind, []).append((line, text))


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


class Found(NamedTuple):
    """A cue's line, quoted (a tuple: ten thousand records make tens of thousands of these)."""

    line: int
    text: str  # the line as written, or a window of it around the cue
    cue: str
    start: int  # the cue's columns in `text`
    end: int
    offset: int = 0  # where `text` starts in the file's line (0 unless a long line was windowed)


def cue_pattern(cue: str) -> re.Pattern:
    """The cue as a pattern: its words in order, any punctuation between them, whole words (Chinese: as is)."""
    pattern = _CUE_PATTERNS.get(cue)
    if pattern is None:
        body = re.escape(cue) if _CJK.search(cue) else \
            r"(?<![^\W_])" + r"[\W_]+".join(re.escape(w) for w in cue.split()) + r"(?![^\W_])"
        pattern = _CUE_PATTERNS[cue] = re.compile(body, re.IGNORECASE)
    return pattern


def locate(zone: Zone, cue: str) -> Found | None:
    """The first line of `zone` holding `cue` (as a word, any case), quoted as written.

    Found with `str.find` on the lower-case text and checked at each hit (a
    pattern searched from every position of a long zone costs far more);
    the pattern only confirms a phrase, whose words punctuation may separate.
    """
    raw, lower = zone.raw, zone.lower
    if len(lower) != len(raw):  # lower() changed the text's length: positions would not match
        m = cue_pattern(cue).search(raw)
        return None if m is None else _quote(zone, m.start(), m.end())
    try:
        chinese, first, pattern = _LOCATING[cue]
    except KeyError:
        chinese = _CJK.search(cue) is not None
        first = cue.split(" ", 1)[0]
        pattern = cue_pattern(cue) if first != cue and not chinese else None
        _LOCATING[cue] = chinese, first, pattern
    if chinese:
        at = lower.find(cue)
        return None if at < 0 else _quote(zone, at, at + len(cue))
    at = lower.find(first)
    size, length = len(first), len(lower)
    while at >= 0:
        end = at + size
        if (at == 0 or not ((c := lower[at - 1]).isalnum() or c == "_")) and \
                (end == length or not ((c := lower[end]).isalnum() or c == "_")):
            if pattern is None:
                return _quote(zone, at, end)
            m = pattern.match(raw, at)
            if m is not None:
                return _quote(zone, at, m.end())
        at = lower.find(first, end)
    return None


_LOCATING: dict[str, tuple[bool, str, re.Pattern | None]] = {}  # cue -> (Chinese, first word, pattern of a phrase)


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

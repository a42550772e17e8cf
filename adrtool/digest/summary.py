"""A decision's one-paragraph summary: the stored AI summary when it is current,
else an honest extract of the record's own words (and labelled as one)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from adrtool import sections
from adrtool.model import Decision, Kind

MAX_CHARS = 280
FEATURE = "summarize"  # the AI feature whose stored results are newcomer summaries
# Headings whose first sentences say what was decided and why, most telling first.
_DECISION_HEADINGS = ("decision outcome", "decision", "chosen option")
_CONTEXT_HEADINGS = ("context and problem statement", "context", "problem statement", "problem")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(`*])")
# Links and emphasis anywhere; quote and list markers at a line start (one `^` for the three is
# what keeps the scan of long sections fast).
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]{1,3}|^(?:>\s*|\s*[-*+]\s+|\s*\d+[.)]\s+)", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|#\.)\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_GROUPS = (("decision", _DECISION_HEADINGS), ("context", _CONTEXT_HEADINGS))


@dataclass(frozen=True)
class Summary:
    text: str
    source: str  # "ai" | "extract" | "none"

    @property
    def label(self) -> str:
        return {"ai": "AI summary", "extract": "Extract", "none": ""}[self.source]


def stored_summary_reader(repo):
    """The AI package's reader of stored summaries, or None when there are none to read.

    Checking which summary files exist first (one folder listing) keeps
    decisions without one from paying for a request hash each.
    """
    try:
        from adrtool.ai import config as ai_config
        from adrtool.ai.stored import path_for
        from adrtool.ai.summarize import summary_for

        settings = ai_config.load(repo.config)
        folder = repo.root / settings.results_dir / FEATURE
        present = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    except ImportError:
        return None
    if not present:
        return None

    def read(repo, decision: Decision) -> str | None:
        if path_for(settings, FEATURE, decision.id).rsplit("/", 1)[-1] not in present:
            return None
        try:
            return summary_for(repo, decision)
        except ImportError:  # the AI package is installed only in part: no stored summaries
            return None

    return read


def summarize(repo, decision: Decision, stored=None) -> Summary:
    if stored is not None:
        text = stored(repo, decision)
        if text:
            return Summary(_clip(" ".join(text.split())), "ai")
    if decision.kind is Kind.INLINE:
        return Summary("", "none")  # the title is the whole decision
    text = extract(decision.body, decision.path)
    return Summary(text, "extract" if text else "none")


def extract(body: str, path: str = "") -> str:
    """The first sentence of the decision section, then of the context section, clipped."""
    lines = body.splitlines(keepends=True)
    if path.lower().endswith(".rst"):
        return _extract_rst(lines)
    heads = sections.headings(lines, 0, body)  # with the text: one regex scan in the common case
    found: dict[str, str] = {}
    for n, (idx, _level, heading) in enumerate(heads):
        name = heading.lower().rstrip(":")
        for group, names in _GROUPS:
            # Only a section whose heading names a group is joined into text (most are not).
            if group not in found and name.startswith(names):
                end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
                sentence = first_sentence("".join(lines[idx + 1 : end]))
                if sentence:
                    found[group] = sentence
    parts = [found[k] for k in ("decision", "context") if k in found]
    return _clip(" ".join(parts))


def _extract_rst(lines: list[str]) -> str:
    """As `extract`, for an RST record: its sections by the same names, its markup and comments left out."""
    from adrtool.dialects import rst

    found: dict[str, str] = {}
    for section in rst.sections(lines):
        name = rst.plain(section.heading).lower().rstrip(":")
        for group, names in _GROUPS:
            if group not in found and section.level and name.startswith(names):
                text = "".join(_LIST_MARKER.sub("", lines[i]) for i in rst.content_lines(lines, section.start, section.end))
                sentence = first_sentence(rst.plain(text), markup=False)
                if sentence:
                    found[group] = sentence
    return _clip(" ".join(found[k] for k in ("decision", "context") if k in found))


def first_sentence(text: str, markup: bool = True) -> str:
    """The first sentence of the first paragraph with content; `markup` False for text already plain."""
    if "<!--" in text:
        text = _COMMENT.sub("", text)
    plain = _MARKUP.sub(r"\1", text) if markup else text  # an unmatched group is replaced by "": the markup alone goes
    # Template placeholders ("{Describe the context...}") are not content.
    for paragraph in _PARAGRAPH_BREAK.split(plain):
        stripped = paragraph.strip()
        if stripped and not stripped.startswith(("{", "[")):
            return _SENTENCE_END.split(" ".join(paragraph.split()), 1)[0]
    return ""


def _clip(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text[: MAX_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"

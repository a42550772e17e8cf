"""The AI judge's answer, as adrtool reads it: a claim per essential and findings, each with a quote.

The model (see `adrtool/ai/prompts/review.md`) answers, for each of the four
essentials, `found | thin | absent` with a verbatim quote from the record for
what it found, plus findings (`dummy-alternative`, `door-mislabelled`, ...),
each with a quote.  Nothing the model says is taken on trust: `verify` looks
every quote up in the record text that was sent (`reasoning.quotes`, the
matcher paper citations use) and marks what it cannot find, or what is only
template text, as unverified.  An unverified claim changes nothing
(`reasoning.merge`); it is reported, never silently dropped.

Types and pure functions only: no SDK, no files.  `adrtool.ai` builds the
request and stores the raw answer; this module turns the answer into a Verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from adrtool.reasoning import quotes
from adrtool.reasoning.card import ABSENT, ESSENTIALS, FOUND, THIN

STATES = (FOUND, THIN, ABSENT)
QUADRANTS = ("deliberate/one-way", "deliberate/two-way", "arbitrary/one-way", "arbitrary/two-way")
SEVERITIES = ("note", "warning", "error")
# What the judge may report beyond the essentials (what rules cannot see).
KINDS = (
    "dummy-alternative",          # an option that was never a serious candidate
    "missing-option",             # an obvious option a competent engineer would have weighed
    "rationale-does-not-follow",  # the reason does not follow from the problem, or would justify any option
    "implausible-consequence",    # a claimed benefit the choice cannot deliver
    "door-mislabelled",           # a two-way tag on a one-way door, or the reverse
    "choice-mislabelled",         # deliberate with no weighing visible, or arbitrary with real deliberation
    "other",
)
MIN_QUOTE_WORDS = 3  # "Bad, because" proves nothing; "We will use PostgreSQL" does

# Template text is never evidence: `{title of option 1}`, `<what becomes harder>`, TODO, TBD.
# (`{`/`<` right before a word, and a space inside: `latency < 10 ms` and `{ "a": 1 }` are not placeholders.)
_PLACEHOLDER = re.compile(r"\{\w[^{}\n]*\s[^{}\n]*\}|<\w[^<>\n]*\s[^<>\n]*>|\bTODO\b|\bTBD\b|\bFIXME\b")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Claim:
    """The judge's view of one essential."""

    essential: str  # one of card.ESSENTIALS
    state: str  # found | thin | absent
    quote: str  # verbatim from the record; "" for absent
    why: str  # one line: why found, why thin, or what is missing
    line: int | None = None  # where the quote starts in the file, once verified
    verified: bool = False  # the quote was found in the record (never true for absent)

    @property
    def refutes_absence(self) -> bool:
        """A verified quote shows the essential is there (found or thin)."""
        return self.state in (FOUND, THIN) and self.verified


@dataclass(frozen=True)
class AIFinding:
    kind: str  # one of KINDS
    severity: str  # as the model proposed it; `reasoning.merge` caps it by the quadrant
    message: str
    recommendation: str
    quote: str
    line: int | None = None
    verified: bool = False


@dataclass(frozen=True)
class Unverified:
    """A quote adrtool could not confirm: reported, and ignored."""

    where: str  # "reason" (an essential) or "finding dummy-alternative"
    quote: str
    why: str  # "not found in the record", "template text", "too short to show anything", "no quote given"

    def to_json(self) -> dict:
        return {"where": self.where, "quote": self.quote, "why": self.why}


@dataclass(frozen=True)
class Verdict:
    decision_id: str
    quadrant: str  # the quadrant the judge judged by
    claims: tuple[Claim, ...]
    findings: tuple[AIFinding, ...]
    unverified: tuple[Unverified, ...] = field(default_factory=tuple)
    verified: bool = False  # `verify` has run

    def claim(self, essential: str) -> Claim | None:
        return next((c for c in self.claims if c.essential == essential), None)

    def to_json(self) -> dict:
        return {
            "id": self.decision_id, "quadrant": self.quadrant,
            "essentials": {c.essential: {"state": c.state, "quote": c.quote, "why": c.why, "line": c.line,
                                         "verified": c.verified} for c in self.claims},
            "findings": [{"kind": f.kind, "severity": f.severity, "message": f.message,
                          "recommendation": f.recommendation, "quote": f.quote, "line": f.line,
                          "verified": f.verified} for f in self.findings],
            "unverified": [u.to_json() for u in self.unverified],
        }


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse(decision_id: str, data) -> Verdict:
    """The Verdict in a stored or fresh answer (already checked against `ai.schemas.REVIEW`).

    Raises ValueError with one line when the answer is not a review answer at
    all (a damaged results file); unknown values are read as the safest ones.
    """
    if not isinstance(data, dict) or not isinstance(data.get("essentials"), dict):
        raise ValueError("not an AI review answer (no `essentials`)")
    claims = []
    for name in ESSENTIALS:
        item = data["essentials"].get(name)
        item = item if isinstance(item, dict) else {}
        state = item.get("state") if item.get("state") in STATES else ABSENT
        claims.append(Claim(name, state, _text(item.get("quote")), _text(item.get("why"))))
    findings = []
    for item in data.get("findings") or []:
        if not isinstance(item, dict):
            continue
        kind = item.get("kind") if item.get("kind") in KINDS else "other"
        severity = item.get("severity") if item.get("severity") in SEVERITIES else "note"
        findings.append(AIFinding(kind, severity, _text(item.get("message")), _text(item.get("recommendation")),
                                  _text(item.get("quote"))))
    quadrant = data.get("quadrant") if data.get("quadrant") in QUADRANTS else ""
    return Verdict(decision_id, quadrant, tuple(claims), tuple(findings))


def record_lines(text: str) -> quotes.Lines:
    """The record as quotes are looked up in it: HTML comments (template guidance) blanked out.

    A comment's lines stay as empty lines, so line numbers are those of the file.
    """
    return quotes.Lines(_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text))


def check_quote(quote: str, lines: quotes.Lines) -> tuple[int | None, str | None]:
    """(line, None) for a quote found in the record, else (None, why it is not accepted)."""
    if not quote:
        return None, "no quote given"
    if _PLACEHOLDER.search(quote):
        return None, "template text"
    if len(re.findall(r"\w+", quotes.normalize(quote))) < MIN_QUOTE_WORDS:
        return None, "too short to show anything"
    line = lines.line_of(quote)
    return (line, None) if line is not None else (None, "not found in the record")


def verify(verdict: Verdict, record_text: str, first_line: int = 1) -> Verdict:
    """The verdict with every quote checked against the record text that was sent.

    `first_line` is the file line the text starts on (an inline decision is
    one line of a larger document).  A found or thin claim whose quote fails
    keeps its state but stays unverified; a finding whose quote fails is
    removed; both are listed in `unverified`.
    """
    lines = record_lines(record_text)
    shift = first_line - 1
    claims, findings, unverified = [], [], []
    for c in verdict.claims:
        if c.state == ABSENT:
            claims.append(c)
            continue
        line, why = check_quote(c.quote, lines)
        if why:
            unverified.append(Unverified(c.essential, c.quote, why))
            claims.append(replace(c, line=None, verified=False))
        else:
            claims.append(replace(c, line=line + shift, verified=True))
    for f in verdict.findings:
        line, why = check_quote(f.quote, lines)
        if why:
            unverified.append(Unverified(f"finding {f.kind}", f.quote, why))
        else:
            findings.append(replace(f, line=line + shift, verified=True))
    return replace(verdict, claims=tuple(claims), findings=tuple(findings), unverified=tuple(unverified),
                   verified=True)

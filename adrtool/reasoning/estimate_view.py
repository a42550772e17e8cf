"""An estimate as plain text: what `adrtool show` and `adrtool tag --suggest` print.

    choice:  arbitrary (estimated): no reasoning visible
             7: We use Kafka; it is the industry standard.
    door:    one-way (estimated): foundational platform, framework, vendor or licence
             7: We use Kafka; it is the industry standard.  ("Kafka")
    AI suggests: choice deliberate, door one-way: they disagree on choice

Only the axes the decision has no tag for are shown.
"""

from __future__ import annotations

from adrtool.model import Decision
from adrtool.reasoning.estimate import Estimate, missing

QUOTE_WIDTH = 110


def render(decision: Decision, est: Estimate, ai: dict | None = None, indent: str = "  ") -> list[str]:
    """The lines for each missing tag; `ai` is a stored AI tag suggestion ({"choice", "door", ...reasons})."""
    out: list[str] = []
    guesses = missing(decision, est)
    for axis, guess in guesses.items():
        out.append(f"{indent}{axis + ':':8} {guess.value} (estimated): {guess.reason}")
        lines: dict[int, list] = {}  # one line quoted once, with every cue found on it
        for e in guess.evidence:
            lines.setdefault(e.line, []).append(e)
        for number, found in lines.items():
            text = " ".join(found[0].text.split())
            text = text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"
            named = [f'"{e.cue}"' for e in found if e.cue and e.cue.lower() != text.lower()]
            out.append(f"{indent}{'':8} {number}: {text}" + (f"  ({', '.join(named)})" if named else ""))
    if ai:
        out += ai_lines(guesses, ai, indent)
    return out


def disagreements(guesses: dict, ai: dict) -> list[str]:
    """The axes on which a stored AI suggestion and the estimate differ."""
    return [axis for axis, guess in guesses.items() if ai.get(axis) and ai.get(axis) != guess.value]


def ai_lines(guesses: dict, ai: dict, indent: str) -> list[str]:
    shown = [f"{axis} {ai[axis]}" for axis in guesses if ai.get(axis)]
    if not shown:
        return []
    out = [f"{indent}AI suggests: {', '.join(shown)}"]
    for axis in guesses:
        reason = ai.get(f"{axis}_reason")
        if ai.get(axis) and reason:
            out.append(f"{indent}{'':8} {axis}: {' '.join(str(reason).split())}")
    differ = disagreements(guesses, ai)
    if differ:
        out.append(f"{indent}the AI and the estimate disagree on {' and '.join(differ)}: read the record before choosing")
    return out


def tags_text(guesses: dict) -> str:
    """"choice arbitrary, door one-way": what --apply would write."""
    return ", ".join(f"{axis} {guess.value}" for axis, guess in guesses.items())

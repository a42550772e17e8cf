"""Wording both renderers share, so the Markdown and the HTML say the same thing."""

from __future__ import annotations

from adrtool.digest.content import Digest, Entry

QUADRANT_NAMES = {
    "deliberate/one-way": "Load-bearing",
    "deliberate/two-way": "Considered, cheap to undo",
    "arbitrary/one-way": "Danger zone",
    "arbitrary/two-way": "Free to change",
    "untagged": "Untagged",
}
SHORT_NAMES = dict(QUADRANT_NAMES, **{"deliberate/two-way": "Considered"})
INTRO = ("Which decisions must be engaged with before they are changed, and which were best guesses "
         "that can change as soon as there is better data.")
LOAD_BEARING = ("Accepted, deliberate and expensive to undo: read the record and talk to its decision-makers "
                "before changing what it governs.")
DANGER_ZONE = ("Best guesses that are expensive to undo. Nobody defends them on the merits, but changing them "
               "costs: gather the data first, then propose a replacement.")
CONSIDERED = "Thought through, but cheap to undo: argue with the reasoning, then change them."
FREE = "Best guesses that are cheap to undo: change them when there is better data, and say so in the record."
FREE_INLINE = "Inline decisions stated in design documents:"
IN_FLIGHT = "Proposals not yet accepted: the place to join a discussion."
DUE = "Revisit dates that have passed, and revisit triggers to check against what is known now."
RECENT_DEFAULT = "The most recently changed records, from git history."
NO_HISTORY = "No git history is available here, so recent changes cannot be shown."
HISTORY = "Which decisions replaced which (an arrow points from the old decision to its successor)."
UNTAGGED_HOW = ("Write the estimated tags with `adrtool tag --suggest --untagged --apply` (it asks before each record), "
                "tag one at a time with `adrtool tag ID --choice deliberate|arbitrary --door one-way|two-way`, "
                "or get suggestions for all of them with `adrtool ai tags --untagged` (opt-in; each is confirmed before it is written).")
LIKELY_LOAD_BEARING = ("Untagged decisions whose text suggests they were weighed and are expensive to undo. These are "
                       "estimates, not tags: confirm or correct each with `adrtool tag ID --suggest --apply`, then it "
                       "moves to Load-bearing.")


def title(d: Digest) -> str:
    base = f"Decision digest: {d.name}" if d.name else "Decision digest"
    return f"{base} (tag: {d.tag})" if d.tag else base


def overview(d: Digest) -> str:
    parts = [f"{d.total} decisions: {d.records} records"]
    if d.inline:
        parts.append(f"{d.inline} inline in design documents")
    return ", ".join(parts) + "."


def in_force(d: Digest) -> int:
    return sum(d.counts.values())


def estimates_note(d: Digest) -> str:
    """What in the digest rests on estimates ("" when every decision in force is tagged)."""
    n = d.counts["untagged"]
    if not n:
        return ""
    return (f"{n} of the {in_force(d)} decisions in force {'are' if n != 1 else 'is'} untagged. Their quadrants are "
            "**estimated** from each record's text (what undoing it would take, and whether reasoning is visible): "
            "the *estimated* counts in the 2x2 and the section Likely load-bearing rest on estimates, not tags. "
            "Every other section rests on tags.")


def untagged_intro(d: Digest) -> str:
    n = d.counts["untagged"]
    text = (f"{n} decision{'s' if n != 1 else ''} in force carr{'y' if n != 1 else 'ies'} no tags yet: nobody has said "
            "whether they were deliberate or arbitrary, or how hard they are to undo. Until they are tagged, "
            "their estimates (not tags) say which look load-bearing.")
    if d.untagged_past:
        n = d.untagged_past
        text += f" ({n} more untagged decision{'s are' if n != 1 else ' is'} superseded, deprecated or rejected.)"
    return text


def recent_intro(d: Digest) -> str:
    if d.since:
        return f"Records changed since {d.since.isoformat()}, from git history."
    return RECENT_DEFAULT


def revisit_reason(r) -> str:
    return f"due since {r.due.isoformat()}" if r.due else "trigger to check"


def estimate_text(e: Entry) -> str:
    """"deliberate, one-way (estimated)" for an untagged entry, "" otherwise."""
    return f"{e.estimated_quadrant.replace('/', ', ')} (estimated)" if e.estimate is not None else ""


def estimate_evidence(e: Entry) -> list[tuple[str, str, int, str]]:
    """(axis, reason, line, quoted text) of the first quote of each estimated axis."""
    from adrtool.reasoning.estimate import missing

    out = []
    for axis, guess in missing(e.decision, e.estimate).items() if e.estimate is not None else ():
        quote = guess.evidence[0] if guess.evidence else None
        out.append((axis, guess.reason, quote.line if quote else 0, " ".join(quote.text.split()) if quote else ""))
    return out


def makers(e: Entry) -> str:
    return ", ".join(e.decision.decision_makers)


def consequence_text(e: Entry) -> str:
    c = e.consequence
    if c is None:
        return ""
    parts = []
    if c.linked_from:
        parts.append(f"linked from {c.linked_from} decision{'s' if c.linked_from != 1 else ''}")
    if c.patterns:
        parts.append(f"governs {c.files} file{'s' if c.files != 1 else ''}")
    return ", ".join(parts) or "nothing links to it yet"


def where(e: Entry) -> str:
    """Where an inline decision is stated; "" for a record (its link says it)."""
    d = e.decision
    return f"{d.path}:{d.line}" if d.kind.value == "inline" else ""


def label(e: Entry) -> str:
    d = e.decision
    return f"{d.id} {d.title}" if d.number is not None else d.title


def chain_text(chain, entry_of) -> list[list[Entry]]:
    """The chain's members by column (oldest first)."""
    columns: dict[int, list[Entry]] = {}
    for m in chain.members:
        columns.setdefault(chain.column[id(m)], []).append(entry_of[id(m)])
    return [columns[c] for c in sorted(columns)]

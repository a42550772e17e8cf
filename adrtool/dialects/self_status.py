"""A record that states its own status in its text rather than in a status line.

"This document is superseded by three different ADRs", "The proposed steps are approved", or a bold
`**Superseded:**` label opening a line: `common.build` reads these only when a record has no status line.
"""

from __future__ import annotations

import re

from adrtool.text_find import occurrences

# A record with no status line that states its own status in one sentence (aquarist-labs/s3gw docs/decisions
# at 80f5ba2c25c4: 0007 "This document is superseded by three different ADRs", 0004 "The proposed steps are
# approved"; CMS-Enterprise/easi-app docs/adr/0040-CEDAR-caching.md: "**Superseded:** The nginx caching proxy").
_SELF_STATUS = re.compile(  # (case spelled out: an IGNORECASE alternation over a whole body costs 5x)
    r"[Tt]h(?:is (?:document|ADR|adr|decision|record|proposal)|e proposed (?:steps|changes|decision|approach))"
    r"\s+(?:is|are|has been|have been|was|were)\s+(?:now\s+)?(superseded|deprecated|rejected|approved|accepted)\b")
# The label ends at its colon or full stop: "**Rejected** because: ..." under an option (opendatahub-io/odh-dashboard
# b9d09633b0ee packages/gen-ai/docs/adr/0008-caching-strategy.md) tells why an option lost, not the record's status.
_BOLD_STATUS = re.compile(r"\*\*([Ss]uperseded|[Dd]eprecated|[Rr]ejected)(?:[:.]\*\*|\*\*[:.])")


# What every match of `_SELF_STATUS` opens with.
_SELF_STATUS_OPENINGS = ("This ", "this ", "The proposed ", "the proposed ")


def self_status(text: str, offset: int):
    """`_SELF_STATUS.search(text, offset)`, tried only where a sentence of its can open: its first letter, a `t` either
    case, is in every English word or two, where the engine stopped to try the rest (50 us a long body)."""
    match = _SELF_STATUS.match
    return next((m for at in occurrences(text, _SELF_STATUS_OPENINGS, offset) if (m := match(text, at))), None)


def stated_status(text: str, offset: int) -> str | None:
    """The status word of a sentence in which the record states its own status, or of a bold label opening a line."""
    stated = self_status(text, offset)
    if stated:
        return stated.group(1)
    for bold in _BOLD_STATUS.finditer(text, offset):
        if bold.start() == 0 or text[bold.start() - 1] == "\n":
            return bold.group(1)
    return None

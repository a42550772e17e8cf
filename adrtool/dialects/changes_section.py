"""A record's `## Changes` section, where a later record that changes one part of it is listed under a subheading
headed by its link: that record amends this one (amended-by), the rest of this one standing.

saviorsoul/encrypt 83d74dcabde5 docs/adr/0009-api-authentication-with-server-minted-redis-nonces.md: its
`## Changes` holds `### 2026-07-04 — [0010](./0010-challenge-reuses-pending-auth-nonce.md)` over an as-accepted vs
current table; the folder's first record defines the section as where "a later decision refines an accepted ADR but
does not fully supersede it" (DEFINITIONS.md, "Added for truth26"). A subsection that names no record gives no link.
"""

from __future__ import annotations

from adrtool.dialects import prose
from adrtool.model import Relation

# What `links` needs in a body before it maps headings: found by `str.find` (most bodies have no such heading).
MARK = "# Changes"
_NAMES = ("changes", "change log", "changelog", "amendments")


def links(lines: list[str], heads: list[tuple[int, int, str]]) -> list[tuple[Relation, str, int]]:
    """(amended-by, target, 1-based line) for each record linked in a subheading of a `## Changes` section."""
    found: list[tuple[Relation, str, int]] = []
    for n, (_, level, text) in enumerate(heads):
        if level < 2 or text.strip().lower() not in _NAMES:
            continue
        for idx, sub_level, sub_text in heads[n + 1:]:
            if sub_level <= level:
                break
            if "](" not in sub_text:
                continue
            for m in prose.LINK.finditer(sub_text):
                target = m.group(2)
                if prose.decision_file(target) and not any(t == target for _, t, _ in found):
                    found.append((Relation.AMENDED_BY, target, idx + 1))
    return found

"""Sentences whose subject is this record, naming another by number without a link.

    - This supersedes ADR 0002's Decision 3 on the specific point that ...
    This **amends** ADR 0011's Consequences rather than superseding the ADR: ...

(Atypical-Consulting/Koine a408f7d3ec83 adr/0008-*.md, adr/0012-*.md.)  The subject is `This` alone or `This
ADR`/`record`/`decision`, the verb in the present tense, bold or not, and the object `ADR N` (a possessive after it changes
nothing; a linked `[ADR N](...)` is prose's).  The relation is the verb's: supersedes, replaces -> supersedes; amends, extends
-> amends.  The caller looks for ` ADR` first (one substring search); the pattern opens with a literal, which the
regular expression engine scans for as fast.
"""

from __future__ import annotations

import re

from adrtool.model import Relation

_SENTENCE = re.compile(
    r"This(?:[ \t]+(?:ADR|record|decision|document))?[ \t]+(?:\*\*|__)?(supersedes|replaces|amends|extends)(?:\*\*|__)?"
    r"[ \t]+ADR[-\s#]*(\d{1,5})\b")
_RELATIONS = {"supersedes": Relation.SUPERSEDES, "replaces": Relation.SUPERSEDES,
              "amends": Relation.AMENDS, "extends": Relation.AMENDS}


def links(text: str, offset: int, first_line: int) -> list[tuple[Relation, str, int]]:
    """(relation, number as written, 1-based line) of each such sentence; `first_line` is the line of text[offset]."""
    found: list[tuple[Relation, str, int]] = []
    for m in _SENTENCE.finditer(text, offset):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # (`\b` before the literal would cost the engine its fast literal scan)
        relation, line = _RELATIONS[m.group(1)], first_line + text.count("\n", offset, m.start())
        targets, at = [m.group(2)], m.end()
        while more := _MORE.match(text, at):  # `This ADR extends ADR-0118, ADR-0069, and ADR-0101.`
            targets.append(more.group(1))
            at = more.end()
        for target in targets:
            if not any(r is relation and t == target for r, t, _ in found):
                found.append((relation, target, line))
    if any(text.find(mark, offset) >= 0 for mark in _ENTRY_MARKS):
        for m in _ENTRY.finditer(text, offset):
            relation, target = _RELATIONS[m.group(1).lower()], m.group(2)
            if not any(r is relation and t == target for r, t, _ in found):
                found.append((relation, target, first_line + text.count("\n", offset, m.start())))
    return found


# A list entry whose verb has no subject, this record's (bitbybit-ar/bitbybit-cursa fe0a90794369 docs/architecture/
# decisions/0014-marketplace-open-to-all-logged-in-users.md, under `## References`: `- Supersedes ADR 0008
# (merchant-admin-dashboard) — the panel surface ...`). Looked for only when a verb stands before `ADR` (str.find).
_ENTRY_MARKS = ("upersedes ADR", "eplaces ADR", "mends ADR", "xtends ADR")
_ENTRY = re.compile(r"^[ \t]*[-*+][ \t]+(?:\*\*|__)?(Supersedes|Replaces|Amends|Extends)(?:\*\*|__)?[ \t]+ADR[-\s#]*(\d{1,5})\b",
                    re.MULTILINE)


# (45ck/Portarium docs/internal/adr/ADR-0142-approval-execution-atomic-claim-cas.md: "This ADR extends ADR-0118,
# ADR-0069, and ADR-0101.")
_MORE = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)ADR[-\s#]*(\d{1,5})\b")

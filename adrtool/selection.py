"""Which decisions a filter selects: `adrtool list`'s options, the MCP tool `list_decisions`.

One place, so the shell and an agent asking the same question get the same
decisions.  A bad value is a usage error naming the allowed ones.
"""

from __future__ import annotations

from adrtool.errors import AdrtoolError
from adrtool.model import Choice, Decision, Door, Status


def _check(value, allowed: list[str], name: str) -> None:
    if value is not None and value not in allowed:
        raise AdrtoolError(f"--{name} must be one of: {', '.join(allowed)}", code="usage")


def select(decisions: list[Decision], *, status: str | None = None, choice: str | None = None,
           door: str | None = None, tags: list[str] | None = None, kind: str | None = None) -> list[Decision]:
    """The decisions matching every filter given; `tags` must all be present (case-insensitive)."""
    _check(status, [s.value for s in Status], "status")
    _check(choice, [c.value for c in Choice] + ["untagged"], "choice")
    _check(door, [d.value for d in Door] + ["untagged"], "door")
    wanted_tags = {t.lower() for t in tags or []}
    out = []
    for d in decisions:
        if status and d.status.value != status:
            continue
        if choice and (d.choice.value if d.choice else "untagged") != choice:
            continue
        if door and (d.door.value if d.door else "untagged") != door:
            continue
        if wanted_tags and not wanted_tags <= {t.lower() for t in d.tags}:
            continue
        if kind and d.kind.value != kind:
            continue
        out.append(d)
    return out

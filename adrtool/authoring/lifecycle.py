"""The status lifecycle: proposed -> accepted | rejected; accepted -> deprecated | superseded.

Shared by `adrtool status` (which enforces it) and `adrtool review` (which
reports changes outside it on a branch).
"""

from __future__ import annotations

from adrtool.model import Status

ALLOWED: dict[Status, set[Status]] = {
    Status.PROPOSED: {Status.ACCEPTED, Status.REJECTED},
    Status.ACCEPTED: {Status.DEPRECATED, Status.SUPERSEDED},
    Status.REJECTED: set(),
    Status.DEPRECATED: set(),
    Status.SUPERSEDED: set(),
    # A legacy record with no readable status may be given any status.
    Status.UNKNOWN: {Status.PROPOSED, Status.ACCEPTED, Status.REJECTED, Status.DEPRECATED, Status.SUPERSEDED},
}


def is_allowed(old: Status, new: Status) -> bool:
    return old == new or new in ALLOWED.get(old, set())


def explain(old: Status, new: Status) -> str:
    nexts = sorted(s.value for s in ALLOWED.get(old, set()))
    if not nexts:
        return f"{old.value} is final; a {old.value} decision does not change status (use --force to override)"
    return f"{old.value} -> {new.value} is outside the lifecycle; from {old.value} a decision goes to {' or '.join(nexts)}"

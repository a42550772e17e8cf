"""Resolving many link targets at once.

`Repository.resolve_link` scans every decision per call, which is quadratic
for a digest of ten thousand records (and its first call builds the store's
lookup tables).  This resolver answers the three forms almost every link takes
(a relative `.md` path to an existing record, a bare or ADR-prefixed number,
and an exact id) from dictionaries built once, and hands every other form to
`resolve_link`, so the answers are the same.
"""

from __future__ import annotations

import posixpath
import re

from adrtool.model import Decision, Kind

_NUMBER = re.compile(r"(?:adr|ADR|Adr)?[-_ #]*0*(\d{1,5})")


class LinkResolver:
    def __init__(self, repo):
        self.repo = repo
        self.by_path: dict[str, Decision] = {}
        self.by_number: dict[int, list[Decision]] = {}
        self.by_id: dict[str, list[Decision]] = {}
        for d in repo.decisions:
            self.by_id.setdefault(d.id, []).append(d)
            if d.kind is Kind.RECORD:
                self.by_path[d.path] = d
                if d.number is not None:
                    self.by_number.setdefault(d.number, []).append(d)

    def resolve(self, source: Decision, target: str) -> Decision | None:
        clean = target.split("#", 1)[0]
        if clean.endswith((".md", ".rst")) and not target.startswith(("http://", "https://")):
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(source.path), clean))
            if joined in self.by_path:
                return self.by_path[joined]
        m = _NUMBER.fullmatch(clean.strip())
        # An id written exactly as some decision's id is looked up by id first in the store; leave those to it.
        if m and clean.strip() not in self.by_id:
            found = self.by_number.get(int(m.group(1)), [])
            return found[0] if len(found) == 1 else None
        if m and clean.strip() in self.by_id and len(self.by_number.get(int(m.group(1)), [])) == 1:
            only = self.by_number[int(m.group(1))][0]
            if only.id == clean.strip():
                return only
        # An exact id (no path, no file name): the store's third lookup, after path and path suffix,
        # which cannot match a target without a slash that is no record's path.
        ref = clean.strip()
        if ref and "/" not in ref and not clean.endswith((".md", ".rst")) and ref not in self.by_path:
            exact = self.by_id.get(ref)
            if exact:
                return exact[0] if len(exact) == 1 else None
        return self.repo.resolve_link(source, target)

"""How consequential a decision is, for ordering the load-bearing ones.

score = decisions that link to it (any relation)
      + governs patterns it declares
      + repository files those patterns match.
Ties: the older decision first (more has been built on it), then the id.
Each part is a count anyone can check by hand, which is why the score is a
plain sum rather than weighted.
"""

from __future__ import annotations

import bisect
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from adrtool.model import Decision

ORDERING_NOTE = ("Ordered by consequence: decisions linking to it + governs patterns + repository files "
                 "those patterns match; ties: older first.")
_SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache"}


@dataclass(frozen=True)
class Consequence:
    linked_from: int
    patterns: int
    files: int

    @property
    def score(self) -> int:
        return self.linked_from + self.patterns + self.files


def inbound_links(resolver, decisions: list[Decision]) -> dict[int, int]:
    """id(decision) -> how many other decisions link to it (each source counted once)."""
    sources: dict[int, set[int]] = {}
    for source in decisions:
        for link in source.links:
            target = resolver.resolve(source, link.target)
            if target is not None and target is not source:
                sources.setdefault(id(target), set()).add(id(source))
    return {key: len(value) for key, value in sources.items()}


class FileMatcher:
    """Counts the repository files a governs pattern matches (`adrtool.governs`, gitignore-style globs).

    The file list is walked once per digest; counts are remembered per pattern
    for this run only, because many decisions share a pattern.
    """

    def __init__(self, root: Path):
        self.root = root
        self._files: list[str] | None = None
        self._counts: dict[str, int] = {}

    @property
    def files(self) -> list[str]:
        if self._files is None:
            self._files = sorted(_walk(self.root))
        return self._files

    def count(self, patterns: list[str]) -> int:
        if not patterns:
            return 0
        key = "\n".join(sorted(patterns))
        if key not in self._counts:
            from adrtool import governs

            cleaned = governs.clean(patterns)
            self._counts[key] = sum(1 for _ in governs.spec(cleaned).match_files(self._candidates(cleaned)))
        return self._counts[key]

    def _candidates(self, patterns: list[str]) -> list[str]:
        """Only the files under the patterns' literal prefixes (the walk is sorted, so a bisect finds them).

        A gitignore pattern with a slash before its end is anchored at the root, so
        nothing outside its literal prefix can match; any other pattern needs every file.
        """
        files = self.files
        prefixes = set()
        for p in patterns:
            anchored = "/" in p.rstrip("/") and not p.startswith("!")
            prefix = re.split(r"[*?\[\\]", p, maxsplit=1)[0] if anchored else ""
            if not prefix:
                return files
            prefixes.add(prefix)
        out: list[str] = []
        for prefix in sorted(prefixes):
            start = bisect.bisect_left(files, prefix)
            end = bisect.bisect_left(files, prefix + "\U0010ffff")
            out.extend(files[start:end])
        return sorted(set(out))


def _walk(root: Path) -> list[str]:
    """The repository's files: git's own list where there is one, so ignored folders (build output,
    virtual environments, bench data) never count as governed; else every file under `root`."""
    try:
        done = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                              capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        done = None
    if done is not None and done.returncode == 0:
        return sorted({f for f in done.stdout.decode("utf-8", "surrogateescape").split("\0") if f})
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        out.extend(prefix + f for f in sorted(files))
    return out


def ranked(decisions: list[Decision], consequences: dict[int, Consequence]) -> list[Decision]:
    def key(d: Decision):
        c = consequences[id(d)]
        return (-c.score, d.date or "9999", d.id)

    return sorted(decisions, key=key)

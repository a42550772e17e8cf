"""Decision folders found by looking, when no setting and no usual place names one.

Of 420 real public decision folders (bench/reading, truth16 to truth41), 63 sit where none of
`config.DEFAULT_DIRS` is: `docs/architecture/adr/` (18 of them), `docs/ADR/`, `ADR/`, `backend/docs/adr/`,
`.claude/decisions/`, `docs/01_Architecture/adr/`, ...  So, as the last step of `config.discover`, the tree
under the repository's top is walked a few levels deep for folders named as decision folders are named that hold
numbered Markdown or reStructuredText files, largest first.  Nothing is cached: the walk is bounded (depth,
skipped folders) and runs only when every other step found nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

MAX_DEPTH = 4  # `docs/01_Architecture/adr`, `media-server/docs/decisions`: three levels down, and one to spare
# Folders a decision folder is never inside: dependencies, builds, environments, version control.
_SKIPPED = frozenset({".git", ".hg", ".svn", "node_modules", "vendor", "third_party", "third-party", "site-packages",
                      ".venv", "venv", "env", ".tox", "dist", "build", "target", "out", "__pycache__", ".cache",
                      ".next", ".idea", ".vscode", "bower_components", "Pods"})
# A decision folder's own name, any case: `adr`, `ADRs`, `decisions`, `adl` (architecture decision log),
# `architecture-decision-record(s)`, `adr-kaos`, `ADR-IM`, `decision-records`, `decision-log`.
_NAME = re.compile(r"(?:adrs?|adl|decisions|decision[-_ ]?(?:records?|log)|architecture[-_ ]decisions?"
                   r"|architecture[-_ ]decision[-_ ]records?(?:[-_ ]adrs?)?|adrs?[-_][\w-]+)$", re.IGNORECASE)
_RECORD_FILE = re.compile(r"\d.*\.(?:md|markdown|rst)$", re.IGNORECASE)


def find(top: Path) -> list[Path]:
    """Every folder under `top` (at most `MAX_DEPTH` down) named like a decision folder and holding numbered
    record files; the one with the most first, then by path."""
    found: list[tuple[int, str]] = []
    _walk(str(top), 0, found)
    found.sort(key=lambda item: (-item[0], item[1]))
    return [Path(path) for _, path in found]


def _walk(folder: str, depth: int, found: list[tuple[int, str]]) -> None:
    try:
        with os.scandir(folder) as entries:
            subfolders, records = [], 0
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name not in _SKIPPED:
                            subfolders.append(entry)
                    elif _RECORD_FILE.search(entry.name):
                        records += 1
                except OSError:
                    continue
    except OSError:
        return
    if depth and records and _NAME.match(os.path.basename(folder)):
        found.append((records, folder))
    if depth < MAX_DEPTH:
        for entry in subfolders:
            _walk(entry.path, depth + 1, found)

"""Choosing the next record number, and the record's file name.

Two branches that each add 0012 merge without a git conflict, and the log
then holds two 0012s.  So the next number must be unused in the working tree
AND on every local and remote-tracking branch.  Each branch's files are
listed with plain `git ls-tree` (one call per distinct commit): no cache, no
index, and no gitpython import on this path.  `new` and `renumber` start
those calls in a thread before the files are read (`prefetch`), so that git
lists the branches while the store parses.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from adrtool import record_names
from adrtool.config import git_root

RECENT = 25  # how many of the latest records decide the file-name style
_NUMBERED_NAME = re.compile(r"^(?P<prefix>[A-Za-z]*[-_]?)(?P<digits>\d{1,5})(?P<sep>[-_])")


@dataclass
class Numbering:
    number: int
    # numbers above the working tree's highest that a branch already uses -> the branches using them
    skipped: dict[int, list[str]] = field(default_factory=dict)


def _git(top: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=top, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


_PREFETCHED: dict[tuple, tuple[threading.Thread, list]] = {}  # (root, folders) -> the thread reading them, its box


def prefetch(config) -> None:
    """Start `branch_numbers` for `config`'s folders now, in a thread: the next call for them takes its result.

    Git lists the branches (0.04 s of wall time on the 10,000-record bench repository, 0.015 CPU-s)
    while the caller reads the files, instead of after.  The refs are read at the command's start,
    as a shell would run git just before it.
    """
    root, folders = config.root, list(config.dirs)
    box: list = []

    def read() -> None:
        try:
            box.append(_branch_numbers(root, folders))
        except BaseException as exc:  # the call that takes it computes the numbers again
            box.append(exc)

    worker = threading.Thread(target=read, name="adrtool-branch-numbers", daemon=True)
    worker.start()
    _PREFETCHED[_key(root, folders)] = (worker, box)


def forget() -> None:
    """Drop what `prefetch` started and no call took (a command that stopped early): a later call in this
    process lists the branches anew."""
    _PREFETCHED.clear()


def _key(root: Path, folders: list[Path]) -> tuple:
    return Path(root), tuple(Path(f) for f in folders)


def branch_numbers(root: Path, folders: list[Path]) -> dict[int, list[str]]:
    """number -> branches (local and remote-tracking) whose tree holds a record with that number."""
    pending = _PREFETCHED.pop(_key(root, folders), None) if _PREFETCHED else None
    if pending is not None:
        worker, box = pending
        worker.join()
        if box and not isinstance(box[0], BaseException):
            return box[0]
    return _branch_numbers(root, folders)


def _branch_numbers(root: Path, folders: list[Path]) -> dict[int, list[str]]:
    top = git_root(root)
    if top is None or shutil.which("git") is None:
        return {}
    rel_folders = []
    for folder in folders:
        try:
            rel_folders.append(folder.resolve().relative_to(top.resolve()).as_posix())
        except ValueError:
            continue
    if not rel_folders:
        return {}
    refs = _git(top, "for-each-ref", "--format=%(objectname) %(refname:short) %(symref)", "refs/heads", "refs/remotes")
    if not refs:
        return {}
    by_commit: dict[str, list[str]] = {}
    for line in refs.splitlines():
        parts = line.split(" ")
        if len(parts) < 2 or (len(parts) > 2 and parts[2]):
            continue  # origin/HEAD and other symbolic refs repeat a real branch
        by_commit.setdefault(parts[0], []).append(parts[1])
    found: dict[int, list[str]] = {}
    numbers_of: dict[str, int | None] = {}  # branches mostly share files: read each name once per call
    for commit, names in by_commit.items():
        listing = _git(top, "ls-tree", "-r", "--name-only", commit, "--", *rel_folders)
        numbers = set()
        for path in (listing or "").splitlines():
            if path not in numbers_of:
                name = path.rsplit("/", 1)[-1]
                stem = name.rsplit(".", 1)[0] if name.lower().endswith((".md", ".rst")) else None
                numbers_of[path] = record_names.file_number(stem) if stem else None
            if numbers_of[path] is not None:
                numbers.add(numbers_of[path])
        for number in numbers:
            found.setdefault(number, []).extend(names)
    return found


def next_number(repo) -> Numbering:
    """The lowest number above every number used in the working tree and on every branch."""
    local = repo.used_numbers()  # (a file the store could not read as a record still holds its number)
    top_local = max(local, default=0)
    on_branches = branch_numbers(repo.root, repo.config.dirs)
    highest = max([top_local, *on_branches], default=0)
    skipped = {n: sorted(on_branches[n]) for n in sorted(on_branches) if n > top_local}
    return Numbering(highest + 1, skipped)


def file_name(repo, number: int, slug: str, ext: str = ".md") -> str:
    """'0012-use-postgres.md', following the repository's own prefix and digit count when it has records."""
    styles = Counter()
    for d in repo.highest_numbered(RECENT):  # the style the log has now
        m = _NUMBERED_NAME.match(d.path.rsplit("/", 1)[-1])
        if m:
            styles[(m.group("prefix"), len(m.group("digits")), m.group("sep"))] += 1
    prefix, width, sep = styles.most_common(1)[0][0] if styles else ("", 4, "-")
    return f"{prefix}{number:0{width}d}{sep}{slug}{ext}"


def names_by_day(repo, folder: str) -> bool:
    """Whether the folder names its records by their day with dashes (`2025-09-04-use-go.md`) more often
    than by number: a new record then follows that style, as its neighbours do (such a record has no number)."""
    dated = numbered = 0
    prefix = folder.rstrip("/") + "/"
    for rel in repo.files:
        if not rel.startswith(prefix) or "/" in rel[len(prefix):]:
            continue
        stem = rel[len(prefix):].rsplit(".", 1)[0]
        if stem[4:5] == "-" and record_names.is_dated_name(stem):
            dated += 1
        elif _NUMBERED_NAME.match(stem):
            numbered += 1
    return dated > numbered


def dated_file_name(today: str, slug: str) -> str:
    """log4brains names records by date: '20240131-use-postgres.md'."""
    return f"{today.replace('-', '')}-{slug}.md"

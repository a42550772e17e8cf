"""Planned writes: every authoring operation returns a list of `Change`s, and `apply` writes them.

Planning first and writing second gives `--dry-run`, the TUI's diff views and
the command line one code path: the same Change list is either shown as a
diff or handed to `apply`.  A rename is a deletion plus a creation.
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from adrtool.store import ConflictError, StoreError, read_text


@dataclass(frozen=True)
class Change:
    """One file's planned change; `path` is repository-relative (POSIX separators)."""

    path: str
    before: str | None  # None when the file is created
    after: str | None  # None when the file is deleted

    @property
    def action(self) -> str:
        if self.before is None:
            return "created"
        if self.after is None:
            return "deleted"
        return "updated"

    def diff(self) -> str:
        """A unified diff, as `git diff` would show it (/dev/null for a created or deleted file)."""
        before = (self.before or "").splitlines(keepends=True)
        after = (self.after or "").splitlines(keepends=True)
        fromfile = "/dev/null" if self.before is None else f"a/{self.path}"
        tofile = "/dev/null" if self.after is None else f"b/{self.path}"
        lines = []
        for line in difflib.unified_diff(before, after, fromfile, tofile):
            lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(lines)


def merge(changes: list[Change]) -> list[Change]:
    """Fold several changes to one file into one (an operation may edit a file twice while planning)."""
    order: list[str] = []
    by_path: dict[str, Change] = {}
    for change in changes:
        earlier = by_path.get(change.path)
        if earlier is None:
            order.append(change.path)
            by_path[change.path] = change
        else:
            by_path[change.path] = Change(change.path, earlier.before, change.after)
    return [by_path[p] for p in order if by_path[p].before != by_path[p].after]


BOM = "\ufeff"


def _without_bom(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text


def _check(repo, change: Change) -> None:
    """Refuse before anything is written: a file changed on disk, or a folder we cannot write to."""
    path = Path(repo.root) / change.path
    if change.before is None:
        if path.exists():
            raise ConflictError(f"{change.path}: already exists; not overwritten")
    else:
        try:
            current = read_text(path)
        except FileNotFoundError:
            raise ConflictError(f"{change.path}: was deleted since it was read; nothing written") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"{change.path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        if _without_bom(current) != change.before:
            raise ConflictError(f"{change.path}: changed on disk since it was read; nothing written (run the command again)")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a folder to be created: its nearest existing parent must be writable
    if not os.access(folder, os.W_OK | os.X_OK):
        try:
            shown = folder.relative_to(Path(repo.root)).as_posix()
        except ValueError:
            shown = str(folder)
        raise StoreError(f"{shown}: folder is not writable; nothing written")


def apply(repo, changes: list[Change]) -> None:
    """Write `changes` through `repo.write` (atomic, conflict-checked).

    Every change is checked before the first is written, so a conflict or an
    unwritable folder leaves every file as it was.  New and changed files are
    written before deletions, so a rename never loses the only copy.
    """
    changes = merge(changes)
    for change in changes:
        _check(repo, change)
    for change in changes:
        if change.after is None:
            continue
        if change.before is None:
            repo.write(change.path, change.after, create=True)
            continue
        repo.texts[change.path] = change.before  # the text the plan was made from is what must be on disk
        repo.write(change.path, change.after)  # (a byte-order mark on disk is kept by the write path)
    for change in changes:
        if change.after is not None:
            continue
        path = Path(repo.root) / change.path
        if _without_bom(read_text(path)) != change.before:
            raise ConflictError(f"{change.path}: changed on disk since it was read; not deleted")
        try:
            os.unlink(path)
        except OSError as exc:
            raise StoreError(f"{change.path}: cannot delete: {exc.strerror}") from None
        repo.texts.pop(change.path, None)


def describe(changes: list[Change]) -> list[str]:
    """One line per file, e.g. 'created decisions/0012-use-x.md'."""
    return [f"{c.action} {c.path}" for c in merge(changes)]


def apply_or_show(repo, changes: list[Change], *, dry_run: bool, out: TextIO | None = None) -> None:
    """What every writing command does at the end: print the diff (--dry-run) or write and say what was written."""
    out = out or sys.stdout
    changes = merge(changes)
    if dry_run:
        for change in changes:
            out.write(change.diff())
        if not changes:
            out.write("nothing to change\n")
        return
    apply(repo, changes)
    for line in describe(changes):
        out.write(line + "\n")
    if not changes:
        out.write("nothing to change\n")

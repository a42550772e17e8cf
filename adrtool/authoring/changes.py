"""Planned writes: every authoring operation returns a list of `Change`s, and `apply` writes them.

Planning first and writing second gives `--dry-run`, the TUI's diff views and
the command line one code path: the same Change list is either shown as a
diff or handed to `apply`.  A rename is a deletion plus a creation.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from adrtool import locking, store_write
from adrtool.errors import ConflictError


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


Replan = Callable[[object], list[Change]]
MAX_PLANS = 5  # plans tried while the folders are held, before giving up (only editors can make a second one stale)


def apply(repo, changes: list[Change], *, replan: Replan | None = None) -> list[Change]:
    """Write `changes` through the store's one write path; returns the changes written.

    Under the locks of the folders written into (`locking.hold`), every file
    is compared with the text the plan was made from, and a created record's
    folder with the files read when the plan was made.  When something
    changed (another writer got there first), `replan(repo)` is run again on
    the repository brought up to date for those files (`refresh`), so the
    operation re-checks its own rules (lifecycle, cycles, the next free
    number) and makes its edit to the text as it is now; it may find nothing
    left to do.  Without `replan`, the writer refuses with one line.  Either
    way nothing is written until every file checks out, and the files are
    then written all or nothing as far as `store_write.commit` can make it.
    """
    changes = merge(changes)
    reason = "nothing to check"
    for _ in range(MAX_PLANS):
        folders = _folders(repo, changes)
        with locking.hold(folders) as held:
            for _ in range(MAX_PLANS):
                stale = _stale(repo, changes)
                if not stale:
                    store_write.commit(_writes(repo, changes))
                    for change in changes:
                        if change.after is None:
                            repo.texts.pop(change.path, None)
                        else:
                            repo.texts[change.path] = change.after
                    return changes
                reason = stale[0][1]
                if replan is None:
                    raise ConflictError(reason)
                refresh(repo, [path for path, _ in stale])
                changes = merge(replan(repo))
                if not {locking.folder_key(f) for f in _folders(repo, changes)} <= held | {None}:
                    break  # the new plan writes elsewhere: take those folders too, in order
    raise ConflictError(reason)


def _folders(repo, changes: list[Change]) -> set[Path]:
    return {(Path(repo.root) / c.path).parent for c in changes}


def _writes(repo, changes: list[Change]) -> list[store_write.Write]:
    root = Path(repo.root)
    return [store_write.Write(root / c.path, c.after, c.before, c.before is None, c.path) for c in changes]


def _stale(repo, changes: list[Change]) -> list[tuple[str, str]]:
    """(path, reason) for every file the plan did not see as it is now."""
    out = []
    for write in _writes(repo, changes):
        reason = store_write.conflict(write)
        if reason:
            out.append((write.shown, reason))
    created = [c.path for c in changes if c.before is None]
    out.extend(_added_since_read(repo, created))
    return out


def _added_since_read(repo, created: list[str]) -> list[tuple[str, str]]:
    """Decision files that appeared in the folder of a record to be created since the folder was read.

    A record's number is chosen from the files read: another `new` that wrote
    0042 in the meantime must make this one choose again.
    """
    from adrtool.store import is_decision_name

    out = []
    known = set(repo.files)
    dirs = [Path(d) for d in repo.config.dirs]
    for folder_rel in sorted({c.rpartition("/")[0] for c in created}):
        folder = Path(repo.root) / folder_rel
        if not any(folder == d or d in folder.parents for d in dirs):
            continue  # not a decision folder: nothing there is numbered from what was read
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        prefix = folder_rel + "/" if folder_rel else ""
        for name in names:
            rel = prefix + name
            if rel not in known and rel not in created and name.lower().endswith(".md") \
                    and not name.startswith(".") and is_decision_name(name):
                out.append((rel, f"{rel}: was added since the folder was read; nothing written (run the command again)"))
    return out


def refresh(repo, paths: list[str]) -> None:
    """Bring `repo` up to date with the files `paths` as they are on disk now (read, parsed, or gone).

    Every other file keeps what was read at load time; the decisions of a
    refreshed file take the place of its old ones in `repo.decisions`.
    """
    from adrtool import store

    wanted = set(paths)
    dirs = [Path(d) for d in repo.config.dirs]
    fresh: dict[str, list] = {}
    repo.problems = [p for p in repo.problems if p.path not in wanted]
    for rel in wanted:
        path = Path(repo.root) / rel
        try:
            data = path.read_bytes()
        except OSError:
            data = None
        repo.texts.pop(rel, None)
        if data is None:
            if rel in repo.files:
                repo.files.remove(rel)
            fresh[rel] = []
            continue
        if rel not in repo.files:
            repo.files.append(rel)
        in_dir = any(d in path.parents for d in dirs)
        text, record, inline, problem = store.load_file(rel, data, in_dir, repo.config.log4brains)
        if text is not None:
            repo.texts[rel] = text
        if problem is not None:
            repo.problems.append(problem)
        fresh[rel] = ([record] if record else []) + list(inline)
    decisions = []
    for d in repo.decisions:
        if d.path not in wanted:
            decisions.append(d)
        elif d.path in fresh:
            decisions.extend(fresh.pop(d.path))  # in the old one's place
    for rel in paths:
        decisions.extend(fresh.pop(rel, []))  # new files go last
    repo.decisions = decisions  # a new list: the store rebuilds its lookup tables for it


def describe(changes: list[Change]) -> list[str]:
    """One line per file, e.g. 'created decisions/0012-use-x.md'."""
    return [f"{c.action} {c.path}" for c in merge(changes)]


def apply_or_show(repo, changes: list[Change], *, dry_run: bool, out: TextIO | None = None,
                  replan: Replan | None = None) -> list[Change]:
    """What every writing command does at the end: print the diff (--dry-run) or write and say what was written.

    `replan` (the operation, as a function of the repository) lets a writer
    that lost a race with another make its edit again on the new text (see
    `apply`).  Returns what was written (or would be, with `dry_run`).
    """
    out = out or sys.stdout
    changes = merge(changes)
    if dry_run:
        for change in changes:
            out.write(change.diff())
        if not changes:
            out.write("nothing to change\n")
        return changes
    changes = apply(repo, changes, replan=replan)
    for line in describe(changes):
        out.write(line + "\n")
    if not changes:
        out.write("nothing to change\n")
    return changes

"""Decision history from git: who created and changed each decision file, and its status timeline.

The raw log of every commit that changes a decision folder (found by the
folder's tree id in each commit, then `git diff-tree --stdin --raw`; see
`git_log.log_changing` for why) gives each commit's changed files with the
blob it left behind; files outside the decision folders are dropped, and
renames are followed by walking the log newest-first and mapping each older
name to the file's name today.  The status at each commit is read from
those blobs with `git cat-file --batch`, only when a timeline is asked for,
and only for the files asked about (listing created/updated/authors needs
no blob at all).

Only the git binary is run (`git_log`); GitPython is imported by `git_repo`
alone, for the review's diff, so `adrtool list --history` never loads it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from adrtool.git_log import (HistoryError, Located, locate, log_changing, log_files,  # noqa: F401  (HistoryError:
                             log_touching, parse_log, read_blobs)  # raised through `load`; read_blobs: used by review)

SHALLOW_NOTICE = (
    "this is a shallow clone, so decision history is incomplete; "
    "fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` in GitHub Actions)"
)
_NO_BLOB = "0" * 40
# The whole history of decision folders holding at most this many files is read by one
# path-limited `git log` (`git_log.log_touching`): git then compares, in each commit, only
# the folders' trees, which costs about the commit walk when few commits touch them (record
# 0085).  Larger folders are read by `git_log.log_changing`: with a path limit, git matches
# every entry of a 10,000-file folder against it in every commit that changed it.
FEW_FILES = 1000


@dataclass(frozen=True)
class StatusEvent:
    """A commit where the decision's status changed (the first one is its creation)."""

    commit: str
    author: str
    date: datetime
    status: str  # the normalized category, e.g. "accepted"
    status_raw: str | None  # the status as written


@dataclass
class Touch:
    """One commit's change to one decision file (newest first in `History.touches`)."""

    commit: str
    author: str
    date: datetime
    change: str  # A, M, R, D, C, T
    blob: str  # the file's blob after the commit (all zeros when deleted)
    path: str  # the file's name in that commit, repository-relative
    reviewers: tuple[str, ...] = ()  # Reviewed-by: trailers of the commit


@dataclass
class History:
    path: str
    touches: list[Touch] = field(default_factory=list)  # newest first
    _loader: "_Loader | None" = field(default=None, repr=False, compare=False)
    _timeline: list[StatusEvent] | None = field(default=None, repr=False, compare=False)

    @property
    def created(self) -> datetime | None:
        return self.touches[-1].date if self.touches else None

    @property
    def created_by(self) -> str | None:
        return self.touches[-1].author if self.touches else None

    @property
    def updated(self) -> datetime | None:
        return self.touches[0].date if self.touches else None

    @property
    def updated_by(self) -> str | None:
        return self.touches[0].author if self.touches else None

    @property
    def authors(self) -> list[str]:
        """Everyone who changed the file, in the order they first did."""
        seen: list[str] = []
        for t in reversed(self.touches):
            if t.author not in seen:
                seen.append(t.author)
        return seen

    @property
    def reviewers(self) -> list[str]:
        """Everyone named in a `Reviewed-by:` trailer of a commit that changed the file."""
        seen: list[str] = []
        for t in reversed(self.touches):
            for r in t.reviewers:
                if r not in seen:
                    seen.append(r)
        return seen

    @property
    def timeline(self) -> list[StatusEvent]:
        """Oldest first; this file's old versions are read when first asked for (see `Histories.fill_timelines`)."""
        if self._timeline is None:
            if self._loader is None:
                self._timeline = []
            else:
                self._loader.fill_timelines([self])
        return self._timeline or []


class Histories(dict):
    """path -> History, plus whether the clone is shallow (history then starts at the graft)."""

    shallow: bool = False
    top: Path | None = None

    def fill_timelines(self, paths: list[str] | None = None) -> None:
        """Read the timelines of `paths` (default: every history) in one batch, for callers that show many."""
        chosen = list(self.values()) if paths is None else [self[p] for p in paths if p in self]
        loaders = {id(h._loader): h._loader for h in chosen if h._loader is not None}
        for loader in loaders.values():
            loader.fill_timelines([h for h in chosen if h._loader is loader])


# ---- finding the repository ---------------------------------------------------


def git_repo(path: Path):
    """The gitpython Repo around `path`, or None outside git (or without git installed)."""
    try:
        import git
    except ImportError:
        return None
    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandNotFound):
        return None


def is_shallow(path: Path) -> bool:
    """Whether the clone around `path` is shallow (its history stops at a graft)."""
    found = locate(path)
    return found is not None and found.shallow


def repo_is_shallow(gitrepo) -> bool:
    return Path(gitrepo.git_dir, "shallow").is_file()


def prefix_of(repo, top: Path) -> str:
    """The decision repository's root relative to git's top level ('' when they are the same)."""
    try:
        rel = Path(repo.root).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"


def pathspecs(repo, top: Path) -> list[str]:
    """The decision and design folders, relative to git's top level, for limiting git commands."""
    out = []
    for folder in list(repo.config.dirs) + list(repo.config.design_dirs):
        try:
            out.append(Path(folder).resolve().relative_to(top.resolve()).as_posix() or ".")
        except ValueError:
            continue
    return out


def load(repo, paths: list[str] | None = None, since: str | None = None) -> Histories | None:
    """History of every decision file of `repo` (a store.Repository), keyed by its path today.

    None outside git.  Renames are followed.  `paths` (repository-relative
    files, old names of renamed files included) limits the log to those
    files, and `since` (a commit) to the commits after it: a review needs
    only what the branch did to the files it changed.
    """
    found = locate(Path(repo.root))
    if found is None:
        return None
    top = found.top
    prefix = prefix_of(repo, top)
    out = Histories()
    out.shallow = found.shallow
    out.top = top
    folders = pathspecs(repo, top)
    if (paths is not None and not paths) or not folders or not found.has_head:
        return out
    wanted = tuple("" if f == "." else f + "/" for f in folders)
    revs = f"{since}..HEAD" if since else "HEAD"
    if paths is not None:
        logs = [log_files(top, [prefix + p for p in paths], "HEAD", since)]
    elif _at_most(repo.config, FEW_FILES):  # small folders: one path-limited `git log`
        logs = [parse_log(log_touching(top, revs, folders))]
    else:
        logs = (parse_log(raw) for raw in log_changing(top, revs, folders))
    loader = _Loader(repo, top)
    # Newest first: `alias` maps a file's older names to its name today, or to None
    # once the file's creation was seen (older commits there touched another file).
    alias: dict[str, str | None] = {}
    moved_in: list[tuple[str, str]] = []  # (older name outside the folders, commit that moved it in)
    seen: set[str] = set()
    for commits in logs:
        _collect(commits, alias, out, prefix, None if paths is not None else wanted, loader, moved_in)
        seen.update(c[0] for c in commits)
    # The whole-history read skipped commits outside the decision folders; a file moved in
    # from elsewhere has its older history there, read by name from before the move.
    for name, sha in moved_in:
        if alias.get(name) is not None:
            older = [c for c in log_files(top, [name], f"{sha}^", since) if c[0] not in seen]
            _collect(older, alias, out, prefix, None, loader, [])
    loader.histories = out
    return out


def begin(config) -> Callable[[object], Histories | None]:
    """Start reading the whole history of `config`'s folders now, in a thread; call the result with the repository.

    `adrtool list --json --history` starts git before it reads the decision
    files, so the two run at once: `begin(cfg)`, then `store.load(config=cfg)`,
    then `finish(repo)` waits for git and hands over the histories.
    """
    box: list = []
    where = SimpleNamespace(root=config.root, config=config)  # all `load` needs before the files are read

    def read() -> None:
        try:
            box.append(load(where))
        except BaseException as exc:  # re-raised in the caller's thread
            box.append(exc)

    worker = threading.Thread(target=read, name="adrtool-history", daemon=True)
    worker.start()

    def finish(repo) -> Histories | None:
        worker.join()
        result = box[0]
        if isinstance(result, BaseException):
            raise result
        if result is not None:
            for loader in {id(h._loader): h._loader for h in result.values() if h._loader}.values():
                loader.repo = repo  # timelines are parsed with the configuration the caller loaded
        return result

    return finish


def _at_most(config, limit: int) -> bool:
    """Whether the decision and design folders hold at most `limit` files (counting stops past it)."""
    import os

    count = 0
    todo = [str(f) for f in list(config.dirs) + list(config.design_dirs)]
    while todo:
        try:
            entries = os.scandir(todo.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != ".git":
                        todo.append(entry.path)
                else:
                    count += 1
                    if count > limit:
                        return False
    return True


def _collect(commits, alias: dict, out: Histories, prefix: str, wanted: tuple[str, ...] | None, loader,
             moved_in: list) -> None:
    """Add each commit's changes to decision files (newest first) to their histories in `out`."""
    for sha, author, date, reviewers, changes in commits:
        for change, blob, names in changes:
            if not names:
                continue
            name_then = names[-1]
            if name_then in alias:
                current = alias[name_then]
                if current is None:
                    continue
            elif wanted is not None and not name_then.startswith(wanted):
                continue  # outside the decision folders: the log lists code changes too
            else:
                current = name_then
            key = current[len(prefix):] if prefix and current.startswith(prefix) else current
            history = out.get(key)
            if history is None:
                history = out[key] = History(key, _loader=loader)
            history.touches.append(Touch(sha, author, date, change, blob, name_then, reviewers))
            if change == "R" and len(names) == 2:
                alias[names[0]] = current
                if wanted is not None and not names[0].startswith(wanted):
                    moved_in.append((names[0], sha))
            if change in ("A", "R"):
                alias[name_then] = None


class _Loader:
    """Reads the status at every commit of one history, or of many in one batch, when first asked."""

    def __init__(self, repo, top: Path):
        self.repo = repo
        self.top = top
        self.histories: Histories = Histories()
        self._statuses: dict[tuple[str, str], tuple[str, str | None] | None] = {}

    def fill_timelines(self, wanted: list["History"] | None = None) -> None:
        from adrtool import dialects

        todo = [h for h in (self.histories.values() if wanted is None else wanted) if h._timeline is None]
        blobs = {t.blob for h in todo for t in h.touches if t.blob != _NO_BLOB}
        texts = read_blobs(self.top, sorted(blobs))
        log4brains = self.repo.config.log4brains
        root = Path(self.repo.root).resolve()
        # The decision folders as path prefixes, resolved once rather than once per file.
        folders = tuple(_relative_prefix(Path(f).resolve(), root) for f in self.repo.config.dirs)
        for h in todo:
            in_dir = any(f is not None and h.path.startswith(f) for f in folders)
            events: list[StatusEvent] = []
            last = None
            for t in reversed(h.touches):
                if t.blob == _NO_BLOB or texts.get(t.blob) is None:
                    continue
                key = (t.blob, h.path)
                if key not in self._statuses:
                    self._statuses[key] = _status_of(dialects, h.path, texts[t.blob], in_dir, log4brains)
                found = self._statuses[key]
                if found is None:
                    continue
                if last is None or found[0] != last:
                    events.append(StatusEvent(t.commit, t.author, t.date, found[0], found[1]))
                    last = found[0]
            h._timeline = events


def _relative_prefix(folder: Path, root: Path) -> str | None:
    """`folder` as a prefix of repository-relative paths ('' for the root itself), None outside `root`."""
    try:
        rel = folder.relative_to(root).as_posix()
    except ValueError:
        return None
    return "" if rel == "." else rel + "/"


def inside(repo, rel: str, folders) -> bool:
    """Whether the repository-relative path `rel` lies in one of `folders` (absolute paths)."""
    path = (Path(repo.root) / rel).resolve()
    return any(Path(f).resolve() in path.parents for f in folders)


def _status_of(dialects, path: str, text: str | None, in_dir: bool, log4brains: bool = False):
    if text is None:
        return None
    try:
        record, _ = dialects.parse_file(path, text, in_dir, log4brains)
    except Exception:  # an old, malformed version: it simply has no readable status
        return None
    if record is None:
        return None
    return record.status.value, record.status_raw

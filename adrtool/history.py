"""Decision history from git: who created and changed each decision file, and its status timeline.

The raw log of every commit (`git diff-tree --stdin --raw`, in parallel over
consecutive blocks of `git rev-list`; see `_log_everything` for why) gives
each commit's changed files with the blob it left behind; files outside the
decision folders are dropped, and renames are followed by walking the log
newest-first and mapping each older name to the file's name today.  The
status at each commit is read from those blobs with `git cat-file --batch`,
only when a timeline is asked for, and only for the files asked about
(listing created/updated/authors needs no blob at all).

gitpython finds the repository; this module is imported only by commands
that need history, so `adrtool list` without `--history` never loads git.
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from adrtool.store import StoreError

SHALLOW_NOTICE = (
    "this is a shallow clone, so decision history is incomplete; "
    "fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` in GitHub Actions)"
)
_NO_BLOB = "0" * 40


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
    gitrepo = git_repo(path)
    return gitrepo is not None and repo_is_shallow(gitrepo)


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


# ---- reading the log -----------------------------------------------------------

_FORMAT = "%x1e%H%x1f%an%x1f%aI%x1f%(trailers:key=Reviewed-by,valueonly,separator=%x1d)"
_RAW = ["-r", "-z", "--raw", "--no-abbrev", "-M", "--no-color", f"--format={_FORMAT}"]
# Reading the whole history (see `_log_everything`): at most this many git processes at once,
# two blocks of commits for each (a shorter block pays git's start-up, which maps and reads the
# pack again, more often; a longer one leaves a core idle while the slowest block finishes), and
# never a block shorter than _MIN_BLOCK commits.
_MAX_WORKERS = 4
_BLOCKS_PER_WORKER = 2
_MIN_BLOCK = 1000
_MAX_RENAMES = 50  # renames followed back from one file named to `load` (a guard against cycles)


class HistoryError(StoreError):
    """git failed while reading the history (a damaged repository, say): one line, exit code 2."""

    code = "git"


def parse_log(raw: str) -> list[tuple[str, str, datetime, tuple[str, ...], list[tuple[str, str, list[str]]]]]:
    """`git log --raw -z --format=_FORMAT` -> (commit, author, date, reviewers, [(change, blob, paths)])."""
    commits = []
    for chunk in raw.split("\x1e"):
        if not chunk:
            continue
        header, _, rest = chunk.partition("\0")
        sha, author, date, trailers = (header.split("\x1f") + ["", "", ""])[:4]
        reviewers = tuple(r.strip() for r in trailers.split("\x1d") if r.strip())
        tokens = rest.lstrip("\n").split("\0")
        changes = []
        i = 0
        while i < len(tokens):
            meta = tokens[i].strip()
            if not meta.startswith(":"):
                i += 1
                continue
            parts = meta[1:].split()
            blob, change = parts[3], parts[4]
            letter = change[:1]
            count = 2 if letter in ("R", "C") else 1
            changes.append((letter, blob, tokens[i + 1 : i + 1 + count]))
            i += 1 + count
        commits.append((sha, author, datetime.fromisoformat(date), reviewers, changes))
    return commits


def load(repo, paths: list[str] | None = None, since: str | None = None) -> Histories | None:
    """History of every decision file of `repo` (a store.Repository), keyed by its path today.

    None outside git.  Renames are followed.  `paths` (repository-relative
    files, old names of renamed files included) limits the log to those
    files, and `since` (a commit) to the commits after it: a review needs
    only what the branch did to the files it changed.
    """
    gitrepo = git_repo(Path(repo.root))
    if gitrepo is None or gitrepo.working_tree_dir is None:
        return None
    top = Path(gitrepo.working_tree_dir)
    prefix = prefix_of(repo, top)
    out = Histories()
    out.shallow = repo_is_shallow(gitrepo)
    out.top = top
    folders = pathspecs(repo, top)
    if (paths is not None and not paths) or not folders or not gitrepo.head.is_valid():
        return out
    if paths is not None:
        logs = [_log_files(top, [prefix + p for p in paths], "HEAD", since)]
        wanted = None
    else:
        logs = (parse_log(raw) for raw in _log_everything(top, f"{since}..HEAD" if since else "HEAD"))
        wanted = tuple("" if f == "." else f + "/" for f in folders)
    loader = _Loader(repo, top)
    # Newest first: `alias` maps a file's older names to its name today, or to None
    # once the file's creation was seen (older commits there touched another file).
    alias: dict[str, str | None] = {}
    for commits in logs:
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
                    continue  # outside the decision folders: the whole log lists code changes too
                else:
                    current = name_then
                key = current[len(prefix):] if prefix and current.startswith(prefix) else current
                history = out.get(key)
                if history is None:
                    history = out[key] = History(key, _loader=loader)
                history.touches.append(Touch(sha, author, date, change, blob, name_then, reviewers))
                if change == "R" and len(names) == 2:
                    alias[names[0]] = current
                if change in ("A", "R"):
                    alias[name_then] = None
    loader.histories = out
    return out


def _log_files(top: Path, specs: list[str], head: str, since: str | None, depth: int = 0) -> list:
    """`parse_log` of one `git log` limited to a few files, followed back through renames.

    Limited to a file, git sees a rename as the file's creation.  So the
    commits where a file's oldest change is an addition are compared whole
    (one `diff-tree -M`), and where that was a rename, the older name is
    logged from the commit before.  (`git log --follow` takes a single file
    only, and looks for renames in every commit it walks: slower.)
    """
    revs = [head] + ([f"^{since}"] if since else [])
    commits = parse_log(_git(top, ["log", *_RAW, *revs, "--", *specs]))
    oldest: dict[str, tuple[int, int]] = {}  # path -> (commit index, change index) of its oldest change
    for ci, (_, _, _, _, changes) in enumerate(commits):
        for ji, (_, _, names) in enumerate(changes):
            if names:
                oldest[names[-1]] = (ci, ji)
    added = {name: (ci, ji) for name, (ci, ji) in oldest.items() if commits[ci][4][ji][0] == "A"}
    if not added or depth >= _MAX_RENAMES:
        return commits
    # Every commit that added one of the files, compared whole by one process.
    shas = sorted({commits[ci][0] for ci, _ in added.values()})
    whole = {sha: changes for sha, _, _, _, changes in parse_log(_git(top, ["diff-tree", "--stdin", *_RAW], _lines(shas)))}
    older: list = []
    for name, (ci, ji) in added.items():
        sha = commits[ci][0]
        renamed = next((names for change, _, names in whole.get(sha, []) if change == "R" and names[-1] == name), None)
        if renamed is not None:  # (a root commit has no diff here, so nothing is renamed in it)
            commits[ci][4][ji] = ("R", commits[ci][4][ji][1], renamed)
            older += _log_files(top, [renamed[0]], f"{sha}^", since, depth + 1)
    return commits + older


def _log_everything(top: Path, revs: str):
    """The raw log of every commit of `revs`, newest first, as consecutive chunks of text.

    Why not one `git log -- <decision folders>`: git compares each commit's
    tree with its parent's, and a decision folder holds thousands of files in
    one flat tree, so that comparison is the whole cost (about 0.2-0.5 ms a
    commit at 10,000 files).  A path limit makes it dearer, not cheaper (git
    matches every entry against it, and compares trees a second time to
    simplify history), so the log is read without one and other files are
    dropped here.  The commits are listed first (`rev-list`, cheap) and cut
    into consecutive blocks, each compared by its own `git diff-tree --stdin`
    on its own core.  Blocks are consecutive so that each process reads
    trees in the order their pack deltas were made.
    """
    commits = _git(top, ["rev-list", "--topo-order", revs]).split()
    if not commits:
        return []
    workers = max(1, min(_MAX_WORKERS, _cores(), len(commits) // (_MIN_BLOCK * _BLOCKS_PER_WORKER)))
    size = -(-len(commits) // (workers * _BLOCKS_PER_WORKER)) if workers > 1 else len(commits)
    blocks = [commits[i : i + size] for i in range(0, len(commits), size)]
    args = ["diff-tree", "--stdin", "--root", *_RAW]
    if workers <= 1:
        return (_git(top, args, _lines(block)) for block in blocks)
    pool = ThreadPoolExecutor(workers)  # threads only wait on git processes
    futures = [pool.submit(_git, top, args, _lines(block)) for block in blocks]
    pool.shutdown(wait=False)
    return (f.result() for f in futures)  # in order, each as soon as it is ready


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _lines(items: list[str]) -> str:
    return "".join(item + "\n" for item in items)


def _git(top: Path, args: list[str], stdin: str | None = None) -> str:
    proc = subprocess.run(["git", *args], cwd=top, input=None if stdin is None else stdin.encode(),
                          capture_output=True)
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(f"git {args[0]} failed in {top}: {message[-1] if message else 'exit code ' + str(proc.returncode)}")
    return proc.stdout.decode("utf-8", "surrogateescape")


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


def read_blobs(top: Path, specs: list[str]) -> dict[str, str | None]:
    """Object name (a sha, or `rev:path`) -> its text, all read by one `git cat-file --batch`.

    A missing object, or one that is not UTF-8 text, maps to None.
    """
    if not specs:
        return {}
    request = "".join(s + "\n" for s in specs).encode("utf-8")
    proc = subprocess.run(["git", "cat-file", "--batch"], cwd=top, input=request, capture_output=True)
    data = proc.stdout
    out: dict[str, str | None] = {}
    pos = 0
    for spec in specs:
        end = data.find(b"\n", pos)
        if end < 0:
            break
        header = data[pos:end].split(b" ")
        pos = end + 1
        if len(header) != 3 or header[-1] == b"missing":
            out[spec] = None
            continue
        size = int(header[2])
        body = data[pos : pos + size]
        pos += size + 1
        try:
            out[spec] = body.decode("utf-8") if header[1] == b"blob" else None
        except UnicodeDecodeError:
            out[spec] = None
    return out

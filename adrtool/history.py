"""Decision history from git: who created and changed each decision file, and its status timeline.

One `git log --raw` over the decision folders gives every commit that touched
a decision file, with the blob each commit left behind; renames are followed
by walking the log newest-first and mapping each older name to the file's
name today.  The status at each commit is read from those blobs, all of
them fed to one `git cat-file --batch` process, and only when a timeline is
asked for (listing created/updated/authors needs no blob at all).

gitpython finds the repository; this module is imported only by commands
that need history, so `adrtool list` without `--history` never loads git.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

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
        """Oldest first; the blobs of every history of the same `load` are read together, once."""
        if self._timeline is None:
            if self._loader is None:
                self._timeline = []
            else:
                self._loader.fill_timelines()
        return self._timeline or []


class Histories(dict):
    """path -> History, plus whether the clone is shallow (history then starts at the graft)."""

    shallow: bool = False
    top: Path | None = None


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
    return bool(gitrepo) and _is_shallow(gitrepo)


def _is_shallow(gitrepo) -> bool:
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

    None outside git.  One `git log` process; renames are followed.  `paths`
    (repository-relative files, old names of renamed files included) limits
    the log to those files, and `since` (a commit) to the commits after it:
    a review needs only what the branch did to the files it changed.
    """
    gitrepo = git_repo(Path(repo.root))
    if gitrepo is None or gitrepo.working_tree_dir is None:
        return None
    top = Path(gitrepo.working_tree_dir)
    prefix = prefix_of(repo, top)
    specs = [prefix + p for p in paths] if paths is not None else pathspecs(repo, top)
    out = Histories()
    out.shallow = _is_shallow(gitrepo)
    out.top = top
    if not specs or not gitrepo.head.is_valid():
        return out
    raw = gitrepo.git.log("--raw", "-z", "--no-abbrev", "-M", "--no-color", f"--format={_FORMAT}",
                          f"{since}..HEAD" if since else "HEAD", "--", *specs)
    loader = _Loader(repo, top, prefix)
    # Newest first: `alias` maps a file's older names to its name today, or to None
    # once the file's creation was seen (older commits there touched another file).
    alias: dict[str, str | None] = {}
    for sha, author, date, reviewers, changes in parse_log(raw):
        for change, blob, paths in changes:
            if not paths:
                continue
            name_then = paths[-1]
            current = alias.get(name_then, name_then)
            if current is None:
                continue
            key = current[len(prefix):] if prefix and current.startswith(prefix) else current
            history = out.get(key)
            if history is None:
                history = out[key] = History(key, _loader=loader)
            history.touches.append(Touch(sha, author, date, change, blob, name_then, reviewers))
            if change == "R" and len(paths) == 2:
                alias[paths[0]] = current
            if change in ("A", "R"):
                alias[name_then] = None
    loader.histories = out
    return out


class _Loader:
    """Reads the status at every commit of every history of one `load`, in one batch."""

    def __init__(self, repo, top: Path, prefix: str):
        self.repo = repo
        self.top = top
        self.prefix = prefix
        self.histories: Histories = Histories()

    def fill_timelines(self) -> None:
        from adrtool import dialects

        blobs = {t.blob for h in self.histories.values() for t in h.touches if t.blob != _NO_BLOB}
        texts = read_blobs(self.top, sorted(blobs))
        statuses: dict[tuple[str, str], tuple[str, str | None] | None] = {}
        for h in self.histories.values():
            in_dir = self._in_decision_dir(h.path)
            events: list[StatusEvent] = []
            last = None
            for t in reversed(h.touches):
                if t.blob == _NO_BLOB or t.blob not in texts:
                    continue
                key = (t.blob, h.path)
                if key not in statuses:
                    statuses[key] = _status_of(dialects, h.path, texts[t.blob], in_dir)
                found = statuses[key]
                if found is None:
                    continue
                if last is None or found[0] != last:
                    events.append(StatusEvent(t.commit, t.author, t.date, found[0], found[1]))
                    last = found[0]
            h._timeline = events

    def _in_decision_dir(self, rel: str) -> bool:
        path = (Path(self.repo.root) / rel).resolve()
        return any(Path(d).resolve() in path.parents for d in self.repo.config.dirs)


def _status_of(dialects, path: str, text: str | None, in_dir: bool):
    if text is None:
        return None
    try:
        record, _ = dialects.parse_file(path, text, in_dir)
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

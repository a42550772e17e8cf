"""Reading git's log for the decision history: which commits change the decision folders, and how.

Everything here runs the git binary (`rev-list`, `cat-file`, `diff-tree`,
`log`) and parses its output; nothing imports GitPython, so the history of
a repository costs git's own work plus one parse.  `history` turns the
commits into each file's history.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from adrtool import file_encoding
from adrtool.errors import StoreError

_FORMAT = "%x1e%H%x1f%an%x1f%aI%x1f%(trailers:key=Reviewed-by,valueonly,separator=%x1d)"
_RAW = ["-r", "-z", "--raw", "--no-abbrev", "-M", "--no-color", f"--format={_FORMAT}"]
# Reading the whole history (see `log_changing`): at most this many git processes at once,
# two blocks of commits for each (a shorter block pays git's start-up, which maps and reads the
# pack again, more often; a longer one leaves a core idle while the slowest block finishes), and
# never a block shorter than _MIN_BLOCK commits.
_MAX_WORKERS = 4
_BLOCKS_PER_WORKER = 2
_MIN_BLOCK = 1000
_MAX_RENAMES = 50  # renames followed back from one file named to `load` (a guard against cycles)
_SPAWNING = threading.Lock()  # held while a git process is started; no fork meanwhile (see `git`)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_SPAWNING.acquire, after_in_parent=_SPAWNING.release,
                        after_in_child=_SPAWNING.release)


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


@dataclass(frozen=True)
class Located:
    """The git repository around a folder, as `git rev-parse` tells it."""

    top: Path  # the working tree's top level
    git_dir: Path
    shallow: bool  # the history stops at a graft
    has_head: bool  # False in a repository with no commit yet


def locate(path: Path) -> Located | None:
    """The repository around `path`: one `git rev-parse`; None outside git, in a bare one, or without git."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel", "--absolute-git-dir", "--is-shallow-repository",
                               "--verify", "-q", "HEAD"], cwd=path, capture_output=True)
    except (OSError, ValueError):
        return None
    out = proc.stdout.decode("utf-8", "surrogateescape").splitlines()
    if proc.returncode not in (0, 1) or len(out) < 3:
        return None
    return Located(Path(out[0]), Path(out[1]), out[2] == "true", proc.returncode == 0 and len(out) > 3)


def log_files(top: Path, specs: list[str], head: str, since: str | None, depth: int = 0) -> list:
    """`parse_log` of one `git log` limited to a few files, followed back through renames.

    Limited to a file, git sees a rename as the file's creation.  So the
    commits where a file's oldest change is an addition are compared whole
    (one `diff-tree -M`), and where that was a rename, the older name is
    logged from the commit before.  (`git log --follow` takes a single file
    only, and looks for renames in every commit it walks: slower.)
    """
    revs = [head] + ([f"^{since}"] if since else [])
    commits = parse_log(git(top, ["log", *_RAW, *revs, "--", *specs]))
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
    whole = {sha: changes for sha, _, _, _, changes in parse_log(git(top, ["diff-tree", "--stdin", *_RAW], lines(shas)))}
    older: list = []
    for name, (ci, ji) in added.items():
        sha = commits[ci][0]
        renamed = next((names for change, _, names in whole.get(sha, []) if change == "R" and names[-1] == name), None)
        if renamed is not None:  # (a root commit has no diff here, so nothing is renamed in it)
            commits[ci][4][ji] = ("R", commits[ci][4][ji][1], renamed)
            older += log_files(top, [renamed[0]], f"{sha}^", since, depth + 1)
    return commits + older


def log_touching(top: Path, revs: str, folders: list[str]) -> str:
    """The raw log of every non-merge commit of `revs` that changed `folders`, newest first, in one `git log`.

    git selects the commits by the folders' trees (cheap when they are
    small), and `--full-diff` compares those commits whole, so that a file
    renamed into a folder from elsewhere shows as a rename, as in
    `log_changing`.  `--full-history`: no merged branch is simplified away.
    """
    return git(top, ["log", *_RAW, "--full-diff", "--full-history", "--no-merges", "--topo-order", revs, "--", *folders])


def log_changing(top: Path, revs: str, folders: list[str]):
    """The raw log of the commits of `revs` that change a decision folder, newest first, in chunks.

    Most commits of a real repository change code, not decisions, and
    comparing their trees is most of the cost.  So the commits are walked
    first with each folder's tree id in them (`walk`, about the cost of the
    walk itself), and only the commits whose folder trees differ from their
    parent's are compared.  Merges are never compared (git's `diff-tree`
    shows no diff for them either).  The comparison itself is `git diff-tree
    --stdin` without a path limit: in a folder of thousands of files,
    matching every entry against a pathspec costs more than dropping the
    other files here (record 0057).  When many commits remain, consecutive
    blocks of them go to parallel processes, so that each reads trees in the
    order their pack deltas were made.
    """
    commits = changing_commits(walk(top, revs, folders))
    if not commits:
        return []
    workers = max(1, min(_MAX_WORKERS, cores(), len(commits) // (_MIN_BLOCK * _BLOCKS_PER_WORKER)))
    size = -(-len(commits) // (workers * _BLOCKS_PER_WORKER)) if workers > 1 else len(commits)
    blocks = [commits[i : i + size] for i in range(0, len(commits), size)]
    args = ["diff-tree", "--stdin", "--root", *_RAW]
    if workers <= 1:
        return (git(top, args, lines(block)) for block in blocks)
    from concurrent.futures import ThreadPoolExecutor  # (imports logging: only when there is work to share)

    pool = ThreadPoolExecutor(workers)  # threads only wait on git processes
    futures = [pool.submit(git, top, args, lines(block)) for block in blocks]
    pool.shutdown(wait=False)
    return (f.result() for f in futures)  # in order, each as soon as it is ready


Walked = tuple[str, list[str], tuple[str, ...]]  # (commit, parents, tree id of each folder or "")


def changing_commits(rows: list[Walked]) -> list[str]:
    """The non-merge commits of `rows` whose folder trees differ from their parent's, in order."""
    trees = {sha: ids for sha, _, ids in rows}
    out = []
    for sha, parents, ids in rows:
        if len(parents) > 1:
            continue  # a merge
        parent = trees.get(parents[0]) if parents else None
        if parent is None:  # a root commit, or the first commit after `since` or a shallow graft
            if parents or any(ids):
                out.append(sha)
        elif ids != parent:
            out.append(sha)
    return out


def walk(top: Path, revs: str, folders: list[str]) -> list[Walked]:
    """Every commit of `revs`, newest first (topological order), with its parents and each folder's tree id.

    One pipe from `git rev-list --format` straight into `git cat-file
    --batch-check`: for every commit a line `<commit> <parents>` (cat-file
    echoes it) and a line `<root tree>:<first folder name>` (cat-file answers
    its id), so the walk and the first lookup run at once, in two processes,
    with no Python in between.  The rest of each folder's path is looked up
    one level at a time over the distinct trees found (`_descend`): `docs` in
    20,000 commits has only a few hundred versions.
    """
    anchors = sorted({_anchor(f) for f in folders})
    fmt = "%H %P" + "".join("%n%T" + (f":{a}" if a else "") for a in anchors)
    with _SPAWNING:
        walker = subprocess.Popen(["git", "rev-list", "--topo-order", "--no-commit-header", f"--format={fmt}", revs],
                                  cwd=top, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        checker = subprocess.Popen(["git", "cat-file", "--batch-check=%(objectname) %(rest)", "--buffer"], cwd=top,
                                   stdin=walker.stdout, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        walker.stdout.close()  # cat-file holds it now
    answered, _ = checker.communicate()
    failed = walker.stderr.read()
    walker.stderr.close()
    if walker.wait() != 0:
        raise HistoryError(f"git rev-list failed in {top}: {_first_error(failed, walker.returncode)}")
    out_lines = answered.decode("utf-8", "surrogateescape").split("\n")
    stride = 1 + len(anchors)
    count = len(out_lines) // stride
    heads = [line.split(" ") for line in out_lines[0 : count * stride : stride]]
    at = {anchor: [_tree_id(answer) for answer in out_lines[1 + j : count * stride : stride]]
          for j, anchor in enumerate(anchors)}
    per_folder = []
    for folder in folders:
        anchor = _anchor(folder)
        rest = [] if folder == "." else folder.split("/")[1 if anchor else 0:]
        per_folder.append(_descend(top, at[anchor], rest))
    return [(head[0], [p for p in head[1:] if p], ids) for head, ids in zip(heads, zip(*per_folder))]


def _tree_id(answer: str) -> str:
    """cat-file's answer: '<id> ' (the echoed rest is empty) or '<name> missing'."""
    return "" if answer.endswith(" missing") else answer.rstrip()


def _anchor(folder: str) -> str:
    """The first level looked up in the walk itself ('' for the root tree: cat-file's input is split at spaces)."""
    first = folder.split("/")[0]
    return "" if folder == "." or any(c.isspace() for c in first) else first


def _descend(top: Path, ids: list[str], names: list[str]) -> list[str]:
    """`ids` (one tree per commit) -> the id of `names` (a path) inside each, '' where absent."""
    for name in names:
        distinct = sorted(set(ids) - {""})
        answers = git(top, ["cat-file", "--batch-check=%(objectname)", "--buffer"],
                      "".join(f"{tree}:{name}\n" for tree in distinct)).splitlines()
        found = dict(zip(distinct, map(_tree_id, answers)))
        ids = [found.get(tree, "") for tree in ids]
    return ids


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def lines(items: list[str]) -> str:
    return "".join(item + "\n" for item in items)


def git(top: Path, args: list[str], stdin: str | None = None) -> str:
    """git's output as text; HistoryError (one line) when it fails.

    Input goes through an unnamed temporary file, not a pipe: a process
    forked meanwhile (the store's second parser, while `history.begin` runs
    git in a thread) would hold a pipe's write end open, and git would wait
    for the end of its input until that process exits.  For the same
    reason no fork happens while a git process is being started
    (`_SPAWNING`, taken before every fork by `os.register_at_fork`): the
    pipe ends meant for git exist in this process for that moment only.
    """
    with tempfile.TemporaryFile() if stdin is not None else open(os.devnull, "rb") as given:
        if stdin is not None:
            given.write(stdin.encode("utf-8", "surrogateescape"))
            given.seek(0)
        with _SPAWNING:
            proc = subprocess.Popen(["git", *args], cwd=top, stdin=given, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate()
    if proc.returncode != 0:
        raise HistoryError(f"git {args[0]} failed in {top}: {_first_error(err, proc.returncode)}")
    return out.decode("utf-8", "surrogateescape")


def _first_error(stderr: bytes, code: int) -> str:
    message = stderr.decode("utf-8", "replace").strip().splitlines()
    fatal = [line for line in message if line.startswith(("fatal:", "error:"))]  # not the usage text after it
    return (fatal or message or [f"exit code {code}"])[0 if fatal else -1]


def read_blobs(top: Path, specs: list[str]) -> dict[str, str | None]:
    """Object name (a sha, or `rev:path`) -> its text, all read by one `git cat-file --batch`.

    A missing object maps to None; one that is not UTF-8 is decoded as `file_encoding` decodes a file.
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
        # (a blob that is not UTF-8 is read by the store's legacy rule, as the same file in the working tree is)
        out[spec] = file_encoding.decode(body)[0] if header[1] == b"blob" else None
    return out

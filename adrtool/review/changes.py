"""Which decisions a branch (or the working tree) changed, against the merge base of the base ref.

The base ref defaults to the upstream branch, else main or master (local,
then origin's).  One `git diff --name-status` lists every changed file (code
too, for the governed-code rule); the base versions of changed decision
files come from one `git cat-file --batch`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from adrtool import dialects
from adrtool.history import SHALLOW_NOTICE, repo_is_shallow, git_repo, inside, prefix_of, read_blobs
from adrtool.model import Decision, Kind
from adrtool.store import StoreError

DEFAULT_BASES = ("main", "master", "origin/main", "origin/master")


class ReviewError(StoreError):
    """A review that cannot run (bad ref, no git): one line, exit code 2."""

    code = "git"


@dataclass
class Change:
    kind: str  # added | modified | renamed | deleted | unchanged (with --all)
    path: str  # repository-relative path today (the old path when deleted)
    decision: Decision | None  # as it is now; None when deleted
    before: Decision | None = None  # as on the merge base; None when added
    old_path: str | None = None  # renamed from


@dataclass
class Diff:
    base: str | None = None  # the ref as given or chosen
    base_commit: str | None = None
    merge_base: str | None = None
    head: str | None = None
    changes: list[Change] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every changed file, repository-relative
    notices: list[str] = field(default_factory=list)
    gitrepo: object | None = None
    shallow: bool = False
    prefix: str = ""  # the decision repository's root inside the git work tree ("" or "sub/dir/")


def _rev(gitrepo, ref: str) -> str | None:
    import git

    try:
        return gitrepo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}").strip() or None
    except git.GitCommandError:
        return None


def choose_base(gitrepo, base: str | None) -> tuple[str, str]:
    """(ref name, commit) of the base to review against."""
    import git

    if base:
        commit = _rev(gitrepo, base)
        if commit is None:
            raise ReviewError(f"unknown base ref '{base}' (try a branch name, e.g. --base origin/main)")
        return base, commit
    try:
        upstream = gitrepo.git.rev_parse("--abbrev-ref", "--symbolic-full-name", "@{upstream}").strip()
    except git.GitCommandError:
        upstream = ""
    for ref in ([upstream] if upstream else []) + list(DEFAULT_BASES):
        commit = _rev(gitrepo, ref)
        if commit:
            return ref, commit
    raise ReviewError("no base branch found (no upstream, main or master); pass --base REF")


def parse_name_status(raw: str) -> list[tuple[str, str | None, str]]:
    """`git diff --name-status -z` -> (change letter, old path or None, path)."""
    tokens = raw.split("\0")
    out = []
    i = 0
    while i < len(tokens):
        status = tokens[i].strip()
        if not status:
            i += 1
            continue
        letter = status[0]
        if letter in ("R", "C"):
            out.append((letter, tokens[i + 1], tokens[i + 2]))
            i += 3
        else:
            out.append((letter, None, tokens[i + 1]))
            i += 2
    return out


def diff(repo, base: str | None = None, worktree: bool = False) -> Diff:
    import git

    gitrepo = git_repo(Path(repo.root))
    if gitrepo is None or gitrepo.working_tree_dir is None:
        raise ReviewError("not a git repository; `adrtool review --all` reviews every decision without git")
    if not gitrepo.head.is_valid():
        raise ReviewError("the repository has no commits yet; commit first, or use --all")
    out = Diff(gitrepo=gitrepo, shallow=repo_is_shallow(gitrepo))
    if out.shallow:
        out.notices.append(SHALLOW_NOTICE)
    out.base, out.base_commit = choose_base(gitrepo, base)
    out.head = gitrepo.head.commit.hexsha
    try:
        out.merge_base = gitrepo.git.merge_base(out.base_commit, "HEAD").strip()
    except git.GitCommandError:
        if not out.shallow:
            raise ReviewError(f"'{out.base}' and HEAD share no history; pass another --base") from None
        out.merge_base = out.base_commit
        out.notices.append(f"the merge base with {out.base} is outside this shallow clone; comparing with {out.base} itself")
    top = Path(gitrepo.working_tree_dir)
    prefix = out.prefix = prefix_of(repo, top)
    args = ["--name-status", "-z", "-M", "--no-color", "--no-ext-diff", out.merge_base]
    if not worktree:
        args.append("HEAD")
    entries = parse_name_status(gitrepo.git.diff(*args))
    if worktree:
        untracked = gitrepo.git.ls_files("--others", "--exclude-standard", "-z")
        entries += [("A", None, p) for p in untracked.split("\0") if p]

    def rel(path: str | None) -> str | None:
        if path is None:
            return None
        if prefix and not path.startswith(prefix):
            return None
        return path[len(prefix):]

    decision_paths = set(repo.files)
    by_path: dict[str, list[Decision]] = {}
    for d in repo.decisions:
        by_path.setdefault(d.path, []).append(d)
    wanted: list[tuple[str, str | None, str | None, str]] = []  # letter, old rel, new rel, blob spec
    for letter, old, new in entries:
        new_rel, old_rel = rel(new), rel(old)
        if new_rel is None:
            continue
        out.files.append(new_rel)
        if letter == "D":
            if new_rel.lower().endswith((".md", ".rst")) and _under(repo, new_rel):
                wanted.append((letter, new_rel, None, f"{out.merge_base}:{new}"))
            continue
        if new_rel not in decision_paths:
            continue
        source = old if letter in ("R", "C") else new
        wanted.append((letter, old_rel if letter in ("R", "C") else new_rel, new_rel,
                       "" if letter == "A" else f"{out.merge_base}:{source}"))
    blobs = read_blobs(top, [w[3] for w in wanted if w[3]])
    for letter, old_rel, new_rel, spec in wanted:
        before_text = blobs.get(spec) if spec else None
        before_record, before_inline = _parse(repo, old_rel or new_rel, before_text)
        if letter == "D":
            if before_record is not None:
                out.changes.append(Change("deleted", old_rel, None, before_record))
            continue
        kind = {"A": "added", "R": "renamed", "C": "added"}.get(letter, "modified")
        for d in by_path.get(new_rel, []):
            if d.kind is Kind.RECORD:
                out.changes.append(Change(kind, d.path, d, before_record if kind != "added" else None,
                                          old_rel if letter == "R" else None))
            else:
                if any(b.body == d.body for b in before_inline):
                    continue  # an unchanged decision line (perhaps moved) in a changed design document
                # Only an explicit id (D7) names the same decision across versions; `doc#3` is a position.
                old = next((b for b in before_inline if b.id == d.id and "#" not in d.id), None)
                out.changes.append(Change("added" if old is None else "modified", d.path, d, old))
    return out


def _under(repo, rel: str) -> bool:
    return inside(repo, rel, list(repo.config.dirs) + list(repo.config.design_dirs))


def _parse(repo, rel: str, text: str | None) -> tuple[Decision | None, list[Decision]]:
    if text is None:
        return None, []
    in_dir = inside(repo, rel, repo.config.dirs)
    try:
        return dialects.parse_file(rel, text, in_dir, repo.config.log4brains)
    except Exception:  # the base version may be malformed; then there is nothing to compare with
        return None, []


def corrected_paths(d: Diff) -> set[str]:
    """Files (repository-relative) changed by a branch commit with a `Correction:` trailer."""
    if d.gitrepo is None or not d.merge_base:
        return set()
    raw = d.gitrepo.git.log("--format=%x1e%(trailers:key=Correction,valueonly,separator=%x1d)", "--name-only",
                            f"{d.merge_base}..HEAD")
    out: set[str] = set()
    for entry in raw.split("\x1e"):
        head, _, files = entry.partition("\n")
        if not head.strip():
            continue
        for name in files.splitlines():
            name = name.strip()
            if name and (not d.prefix or name.startswith(d.prefix)):
                out.add(name[len(d.prefix):])
    return out

"""Git from the UI: which decision files changed, a prefilled message, stage and commit (gitpython).

No Textual here; the screen calls these from worker threads.  `git` is
imported lazily so nothing else in adrtool pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass


DECISION_SUFFIXES = (".md", ".rst")  # the files the store reads (store.walk_markdown_paths)


class GitError(Exception):
    """Not a git repository, or git refused; one line for the user."""


@dataclass(frozen=True)
class FileState:
    path: str  # relative to the git work tree
    state: str  # modified | added | deleted | untracked | staged


def _first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _open(root):
    try:
        import git
    except ImportError as exc:  # gitpython refuses to import without a usable git binary
        raise GitError(f"git is not available: {_first_line(exc)}") from None
    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise GitError(f"{root}: not inside a git repository") from None


def _in_decision_dirs(repo, work_tree, rel: str) -> bool:
    absolute = (work_tree / rel).resolve()
    folders = [*repo.config.dirs, *repo.config.design_dirs]
    return absolute.suffix.lower() in DECISION_SUFFIXES and any(absolute.is_relative_to(f) for f in folders)


def changed_decision_files(repo) -> list[FileState]:
    """Decision and design files that differ from HEAD (staged or not) or are untracked."""
    from pathlib import Path

    g = _open(repo.root)
    work_tree = Path(g.working_tree_dir)
    states: dict[str, str] = {}
    try:
        has_head = g.head.is_valid()
        if has_head:
            for d in g.index.diff("HEAD", R=True):  # staged (R: HEAD -> index, so a new file is "new")
                states[d.b_path or d.a_path] = "added" if d.new_file else "staged"
        else:
            for (path, _stage) in g.index.entries:
                states[path] = "added"
        for d in g.index.diff(None):  # work tree vs index
            states[d.a_path or d.b_path] = "deleted" if d.deleted_file else "modified"
        for path in g.untracked_files:
            states[path] = "untracked"
    except Exception as exc:  # gitpython raises a zoo of errors; the user needs one line
        raise GitError(f"git status failed: {_first_line(exc)}") from None
    return [FileState(p, s) for p, s in sorted(states.items()) if _in_decision_dirs(repo, work_tree, p)]


NEW = ("untracked", "added")


def suggest_message(repo, files: list[FileState], actions: dict[str, str]) -> str:
    """`decisions: accept 0012 Commit with optimistic checks`; a file new to git is "add", whatever was
    done to it since; `actions` maps a path to the last verb done to it here."""
    from pathlib import Path

    g = _open(repo.root)
    work_tree = Path(g.working_tree_dir)
    parts = []
    for f in files:
        rel = repo.config.rel(work_tree / f.path)
        found = [d for d in repo.records if d.path == rel]
        verb = "add" if f.state in NEW else actions.get(rel, "update")
        parts.append(f"{verb} {found[0].id} {found[0].title}" if found else f"{verb} {rel}")
    if not parts:
        return "decisions: "
    return "decisions: " + "; ".join(parts)


def commit(repo, paths: list[str], message: str) -> str:
    """Stage `paths` (deletions too) and commit exactly them; returns the short sha.

    Through gitpython's git command rather than `index.commit`, so the user's hooks,
    signing and identity settings apply as they would on the command line.
    """
    if not message.strip():
        raise GitError("a commit needs a message")
    if not paths:
        raise GitError("nothing selected to commit")
    g = _open(repo.root)
    try:
        g.git.add("-A", "--", *paths)
        g.git.commit("-m", message, "--", *paths)
        sha = g.head.commit.hexsha
    except Exception as exc:  # a failing hook, no identity, ...: git's own last words
        detail = str(getattr(exc, "stderr", "") or exc).strip().removeprefix("stderr:").strip().strip("'")
        lines = [line.strip() for line in detail.splitlines() if line.strip()]
        raise GitError(f"commit failed: {lines[-1] if lines else exc}") from None
    return sha[:8]

"""Which decisions govern a repository path: the one matcher for `governs` globs.

A decision's `governs` patterns are read as gitignore patterns (pathspec):
`**` crosses folders, `*` does not, a pattern with no slash matches at any
depth, a trailing slash means a folder and everything in it, `./` is the
repository root.  The review's governed-change rule, the digest's
consequence count and `adrtool governs` (and the MCP server) all ask here,
so they can never disagree about what a pattern covers.
"""

from __future__ import annotations

from adrtool.model import Decision


def clean(patterns: list[str]) -> list[str]:
    """The patterns as pathspec reads them: trimmed, `./` dropped, empty ones gone."""
    return [p.strip().removeprefix("./") for p in patterns if p.strip()]


def spec(patterns: list[str]):
    """A matcher for `patterns`: `.match_file(path)` and `.match_files(paths)` on repository-relative paths."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(clean(patterns))


def governing(decisions: list[Decision], paths: list[str]) -> list[tuple[Decision, list[str]]]:
    """Each decision whose `governs` matches one of `paths` (repository-relative), with the paths it matches."""
    out = []
    for decision in decisions:
        if not decision.governs:
            continue
        matcher = spec(decision.governs)
        hits = [p for p in paths if matcher.match_file(p)]
        if hits:
            out.append((decision, hits))
    return out

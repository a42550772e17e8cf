"""`adrtool mcp`: the decisions, served to coding agents over the Model Context Protocol (stdio).

Built on the official `mcp` SDK (2.x: `mcp.server.mcpserver.MCPServer`); this
is the only module that imports it.  Every call reads the repository afresh
(no cache: the agent may have just edited a file).  Read-only unless started
with `--allow-write`; then `new_decision` and `tag_decision` write through
the same planned, atomic, conflict-checked path as the command line.

Errors the caller can fix come back as tool errors whose text is the JSON of
the command line's error contract (`{"error": CODE, "message": ..., "hint": ...}`);
nothing reaches the client as a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from mcp.types import Resource as MCPResource

from adrtool import __version__
from adrtool.errors import AdrtoolError, describe

DECISION_URI = "adrtool://decision/{id}"
DIGEST_URI = "adrtool://digest"
_REF = re.compile(r"^[A-Za-z0-9][\w./@{}~^-]*$")  # a git ref or revision, never an option

INSTRUCTIONS = """\
adrtool knows this repository's design decisions, each tagged deliberate or arbitrary and
one-way or two-way door. Before changing a file, call decisions_for_paths with the paths you
will touch: a deliberate one-way decision must be read (show_decision) and engaged with before
the change; an arbitrary two-way one may be changed when there is better data. An untagged
decision is treated as deliberate and one-way. Paths are relative to the repository root.
review_change reviews the decisions your change adds or edits. Writing tools (new_decision,
tag_decision) are offered only when the server runs with --allow-write."""

READ = ToolAnnotations(read_only_hint=True, open_world_hint=False)
WRITE = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)


class Server(MCPServer):
    """MCPServer whose resource list holds one entry per decision, read afresh on every request."""

    def __init__(self, load, **kwargs):
        super().__init__(**kwargs)
        self._load = load

    async def list_resources(self) -> list[MCPResource]:
        listed = await super().list_resources()
        repo = self._load()
        for d in repo.decisions:
            listed.append(MCPResource(uri=decision_uri(d.id), name=d.id, title=d.title,
                                      description=f"{d.status.value}; {_tags(d)}; {d.path}",
                                      mime_type="text/markdown"))
        return listed


def decision_uri(ident: str) -> str:
    return "adrtool://decision/" + quote(ident, safe="")


def _tags(d) -> str:
    from adrtool.agents.answers import tags_label

    return tags_label(d)


def _failure(exc: AdrtoolError) -> CallToolResult:
    """A tool error the model can read and act on: the command line's error contract, as JSON text."""
    code, message, hint = describe(exc)
    error = {"error": code, "message": message, "hint": hint}
    return CallToolResult(content=[TextContent(type="text", text=json.dumps(error, ensure_ascii=False))], is_error=True)


def build(start: Path, dirs: list[str] | None = None, allow_write: bool = False) -> Server:
    from adrtool import store

    def load():
        return store.load(start, dirs or None)

    server = Server(load, name="adrtool", version=__version__, instructions=INSTRUCTIONS,
                    warn_on_duplicate_resources=False, log_level="WARNING")

    def guarded(fn):
        try:
            return fn()
        except AdrtoolError as exc:
            return _failure(exc)

    @server.tool(annotations=READ)
    def list_decisions(status: str | None = None, choice: str | None = None, door: str | None = None,
                       tag: list[str] | None = None, kind: Literal["record", "inline"] | None = None) -> list[dict[str, Any]]:
        """Every decision, filtered as `adrtool list`: status (proposed, accepted, rejected, deprecated, superseded,
        unknown), choice (deliberate, arbitrary, untagged), door (one-way, two-way, untagged), tags (all must match),
        kind (record or inline). Each item is the JSON contract of `adrtool list --json`."""
        from adrtool.selection import select

        def run():
            chosen = select(load().decisions, status=status, choice=choice, door=door, tags=tag, kind=kind)
            return [d.to_json() for d in chosen]
        return guarded(run)

    @server.tool(annotations=READ)
    def show_decision(id: str) -> dict[str, Any]:
        """One decision by id (0012, ADR-12, 12, a file name, an inline id such as D7): its metadata, its text
        (`body`), a one-line `summary` and `advice` (what its tags mean for a change)."""
        from adrtool.agents import answers

        def run():
            repo = load()
            return answers.full(repo, _resolve(repo, id))
        return guarded(run)

    @server.tool(annotations=READ)
    def decisions_for_paths(paths: list[str], include_closed: bool = False) -> dict[str, Any]:
        """The decisions whose `governs` globs match these repository paths (relative to the repository root),
        most binding first, each with choice, door, status, a one-line summary and `advice`: what it means for a
        change ("deliberate, one-way: read the reasoning before changing this"). Decisions no longer in force are
        only counted (`not_in_force`) unless include_closed."""
        from adrtool.agents import answers
        from adrtool.agents.paths import confine

        def run():
            if not paths:
                raise AdrtoolError("give at least one path", code="usage", hint="e.g. [\"src/app.py\"]")
            repo = load()
            rel = [confine(repo.root, p) for p in paths]
            return answers.decisions_for_paths(repo, rel, include_closed=include_closed)
        return guarded(run)

    @server.tool(annotations=READ)
    def review_change(base: str | None = None, worktree: bool = True) -> dict[str, Any]:
        """The offline review (`adrtool review --format json`) of the decisions this change adds, edits, renames or
        deletes: against the merge base of `base` (default: the upstream branch, else main/master), with
        uncommitted and untracked files unless worktree is false. Findings carry severity, rule, message and
        recommendation."""
        from adrtool.review import formats, run_review

        def run():
            if base is not None and not _REF.match(base):
                raise AdrtoolError(f"'{base}' is not a git ref", code="usage", hint="e.g. main or origin/main")
            repo = load()
            return formats.report_json(run_review(repo, base=base, worktree=worktree))
        return guarded(run)

    @server.tool(annotations=READ)
    def search_decisions(query: str, limit: int = 10) -> list[dict[str, Any]]:
        """Decisions holding every word of `query` in their title, tags, id or text, best first (title matches
        rank highest), each with a one-line summary, advice and the matching line."""
        from adrtool.agents.search import search

        def run():
            if not query.strip():
                raise AdrtoolError("the query is empty", code="usage", hint="give a few words, e.g. \"storage keys\"")
            return search(load(), query, limit)
        return guarded(run)

    if allow_write:
        _add_write_tools(server, load, guarded)

    @server.resource(DIGEST_URI, name="digest", title="Decision digest", mime_type="text/markdown",
                     description="The newcomer digest: which decisions are load-bearing and which are free to change")
    def digest_resource() -> str:
        from adrtool import digest

        repo = load()
        return digest.render(digest.build(repo, dt.date.today()), "md")

    @server.resource(DECISION_URI, name="decision", title="A decision by id", mime_type="text/markdown",
                     description="A decision record as written (an inline decision: its line and where it is)")
    def decision_resource(id: str) -> str:
        from adrtool.agents.answers import resource_text

        repo = load()
        try:
            return resource_text(repo, _resolve(repo, id))
        except AdrtoolError as exc:
            raise ResourceNotFoundError(describe(exc)[1]) from None

    return server


def _resolve(repo, ref: str):
    """An id, or a path-like reference confined to the repository first."""
    if "/" in ref or "\\" in ref:
        from adrtool.agents.paths import confine

        ref = confine(repo.root, ref)
    return repo.resolve(ref)


def _add_write_tools(server: Server, load, guarded) -> None:
    @server.tool(annotations=WRITE)
    def new_decision(title: str, choice: Literal["deliberate", "arbitrary"] | None = None,
                     door: Literal["one-way", "two-way"] | None = None, status: str = "proposed",
                     supersedes: list[str] | None = None, dry_run: bool = False) -> dict[str, Any]:
        """Create a decision record (the next free number, the repository's dialect and template), as
        `adrtool new`. Tag it honestly: most choices are two-way doors and many are arbitrary. With dry_run, only
        the diff is returned."""
        from adrtool.authoring.operations import plan_new

        def plan(repo):
            return plan_new(repo, title, choice=choice, door=door, status=status, supersedes=list(supersedes or []))

        def run():
            repo = load()
            path, changes, _ = plan(repo)
            return _written(repo, changes, dry_run, created=path, replan=lambda r: plan(r)[1])
        return guarded(run)

    @server.tool(annotations=WRITE)
    def tag_decision(id: str, choice: Literal["deliberate", "arbitrary"] | None = None,
                     door: Literal["one-way", "two-way"] | None = None, revisit: str | None = None,
                     dry_run: bool = False) -> dict[str, Any]:
        """Set choice, door and revisit of a decision (a record, or an inline decision line), as `adrtool tag`;
        an empty revisit removes it. With dry_run, only the diff is returned."""
        from adrtool.authoring.operations import set_tags

        def plan(repo):
            return set_tags(repo, _resolve(repo, id), choice=choice, door=door, revisit=revisit)

        def run():
            repo = load()
            return _written(repo, plan(repo), dry_run, replan=plan)
        return guarded(run)


def _written(repo, changes, dry_run: bool, created: str | None = None, replan=None) -> dict[str, Any]:
    """Write (or only diff) `changes`; `replan(repo)` makes them again if another writer got there first."""
    from adrtool.authoring.changes import apply, merge

    changes = merge(changes)
    if not dry_run:
        changes = apply(repo, changes, replan=replan)
        created = next((c.path for c in changes if c.before is None), created) if created else None
    out: dict[str, Any] = {"dry_run": dry_run, "files": [{"action": c.action, "path": c.path} for c in changes]}
    if created:
        out["path"] = created
    if dry_run:
        out["diff"] = "".join(c.diff() for c in changes)
    return out


def serve(start: Path, dirs: list[str] | None = None, allow_write: bool = False) -> None:
    build(start, dirs, allow_write).run("stdio")

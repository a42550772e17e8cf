"""`adrtool governs PATH... | --changed`: which decisions govern these files, and what that means for a change.

The same answer as the MCP tool `decisions_for_paths`, for humans and hooks.
Always exit 0 when the question could be asked: being governed is information,
not a failure.
"""

from __future__ import annotations

from pathlib import Path


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files (relative to this folder, or absolute inside the repository)")
    p.add_argument("--changed", action="store_true",
                   help="the files this branch changes against the merge base of --base, committed or not")
    p.add_argument("--base", metavar="REF", help="with --changed: the base ref (default: upstream, else main/master)")
    p.add_argument("--all", action="store_true", help="also decisions no longer in force (superseded, deprecated, rejected)")
    p.add_argument("--json", action="store_true", help='{"paths": [...], "decisions": [...]}, as the MCP tool answers')


def run(args) -> int:
    from adrtool.agents import answers
    from adrtool.cli import UsageError
    from adrtool.cli.common import dump_json, load_repo

    if args.base and not args.changed:
        raise UsageError("--base goes with --changed")
    if bool(args.paths) == bool(args.changed):
        raise UsageError("give PATH... or --changed (not both)", hint="e.g. `adrtool governs src/app.py`")
    repo = load_repo(args, require=True)
    if args.changed:
        paths = answers.changed_paths(repo, args.base)
    else:
        paths = answers.relative_to_root(repo, args.paths, Path.cwd())
    answer = answers.decisions_for_paths(repo, paths, include_closed=args.all)
    if args.json:
        dump_json(answer)
    else:
        print(render(answer))
    return 0


def render(answer: dict) -> str:
    from adrtool.cli.common import paint, use_colour

    paths, found = answer["paths"], answer["decisions"]
    if not paths:
        return "no changed files"
    shown = ", ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
    closed = answer.get("not_in_force", 0)
    also = f" ({closed} more no longer in force: --all shows them)" if closed else ""
    if not found:
        return f"no decision in force governs {shown}{also}" if closed else f"no decision governs {shown}"
    colour = use_colour()
    out = [f"{len(found)} decision{'s' if len(found) != 1 else ''} govern{'s' if len(found) == 1 else ''} {shown}{also}:"]
    for d in found:
        status = paint(d["status"], d["status"], colour)
        where = d["path"] + (f":{d['line']}" if d["line"] else "")
        out.append("")
        out.append(f"{d['id']}  {d['title']}  [{status}]  {where}")
        out.append(f"  {d['advice']}")
        matches = ", ".join(d["matches"][:3]) + (f" and {len(d['matches']) - 3} more" if len(d["matches"]) > 3 else "")
        out.append(f"  governs {', '.join(d['governs'])} (matches {matches})")
        if d["summary"] and d["summary"] != d["title"]:
            out.append(f"  {d['summary']}")
    return "\n".join(out)

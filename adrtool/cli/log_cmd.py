"""`adrtool log ID`: one decision's history from git (created, changed, status timeline)."""

from __future__ import annotations

import sys

from adrtool.cli.common import dump_json, load_repo


def add_arguments(p) -> None:
    p.add_argument("id", help="the decision (id, number, file name or path)")
    p.add_argument("--json", action="store_true", help="print the history as JSON")


def run(args) -> int:
    from adrtool import history
    from adrtool.cli import UsageError

    repo = load_repo(args)
    decision = repo.resolve(args.id)
    histories = history.load(repo)  # the whole log, so that renames are followed
    if histories is None:
        raise UsageError("not a git repository, so there is no history")
    if histories.shallow:
        print(f"adrtool: note: {history.SHALLOW_NOTICE}", file=sys.stderr)
    h = histories.get(decision.path)
    if args.json:
        dump_json(_as_json(decision, h))
        return 0
    print(f"{decision.id}  {decision.title}  ({decision.path})")
    if h is None or not h.touches:
        print("not committed yet")
        return 0
    print(f"created  {h.created.date().isoformat()}  by {h.created_by}")
    print(f"updated  {h.updated.date().isoformat()}  by {h.updated_by}")
    print(f"authors  {', '.join(h.authors)}")
    if h.timeline:
        print("status timeline:")
        for e in h.timeline:
            print(f"  {e.date.date().isoformat()}  {e.commit[:7]}  {e.status:<10}  {e.author}")
    return 0


def _as_json(decision, h) -> dict:
    def when(value):
        return value.isoformat() if value else None

    return {
        "id": decision.id,
        "path": decision.path,
        "created": when(h.created) if h else None,
        "created_by": h.created_by if h else None,
        "updated": when(h.updated) if h else None,
        "updated_by": h.updated_by if h else None,
        "authors": h.authors if h else [],
        "timeline": [
            {"commit": e.commit, "author": e.author, "date": e.date.isoformat(), "status": e.status, "status_raw": e.status_raw}
            for e in (h.timeline if h else [])
        ],
    }

"""`adrtool status ID STATUS`: the lifecycle is enforced; --force overrides it, with a warning."""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("id", help="the decision")
    parser.add_argument("status", help="proposed, accepted, rejected, deprecated or superseded")
    parser.add_argument("--force", action="store_true", help="allow a change outside the lifecycle")
    parser.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")


def run(args) -> int:
    from adrtool.authoring import lifecycle
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import parse_status, set_status
    from adrtool.cli.common import load_repo

    def plan(repo):  # run again, lifecycle check included, if another writer changes the file first
        return set_status(repo, repo.resolve(args.id), args.status, force=args.force)

    repo = load_repo(args, require=True, lazy=True)
    decision = repo.resolve(args.id)
    changes = plan(repo)
    new = parse_status(args.status)
    if args.force and not lifecycle.is_allowed(decision.status, new):
        print(f"adrtool: warning: {decision.id}: {decision.status.value} -> {new.value} is outside the lifecycle; "
              "changed because of --force", file=sys.stderr)
    apply_or_show(repo, changes, dry_run=args.dry_run, replan=plan)
    return 0

"""`adrtool tag ID`: set choice, door and revisit (records and inline decisions)."""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("id", help="the decision (0012, ADR-12, a file name, an inline id such as D7)")
    parser.add_argument("--choice", help="deliberate or arbitrary")
    parser.add_argument("--door", help="one-way or two-way")
    parser.add_argument("--revisit", metavar="TEXT", help="when to look at it again ('' removes it)")
    parser.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")


def run(args) -> int:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import parse_door, set_tags
    from adrtool.cli.common import load_repo
    from adrtool.model import Door, Kind

    def plan(repo):  # run again on the new text if another writer changes the file first
        return set_tags(repo, repo.resolve(args.id), choice=args.choice, door=args.door, revisit=args.revisit)

    repo = load_repo(args, require=True)
    decision = repo.resolve(args.id)
    changes = apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    if decision.kind is Kind.INLINE and changes and parse_door(args.door) is Door.ONE_WAY:
        # A one-way door is owed real reasoning, which one line cannot hold: offer it a record.
        print(f"adrtool: note: {decision.id} is a one-way door; `adrtool promote {decision.id}` gives it a record "
              "with room for its reasoning", file=sys.stderr)
    return 0

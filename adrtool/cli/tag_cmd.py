"""`adrtool tag ID`: set choice, door and revisit (records and inline decisions)."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("id", help="the decision (0012, ADR-12, a file name, an inline id such as D7)")
    parser.add_argument("--choice", help="deliberate or arbitrary")
    parser.add_argument("--door", help="one-way or two-way")
    parser.add_argument("--revisit", metavar="TEXT", help="when to look at it again ('' removes it)")
    parser.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")


def run(args) -> int:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import set_tags
    from adrtool.cli.common import load_repo

    def plan(repo):  # run again on the new text if another writer changes the file first
        return set_tags(repo, repo.resolve(args.id), choice=args.choice, door=args.door, revisit=args.revisit)

    repo = load_repo(args, require=True)
    apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    return 0

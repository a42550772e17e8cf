"""`adrtool migrate --to native|madr4|nygard [IDS]`: convert records to another dialect, losslessly."""

from __future__ import annotations

from adrtool.cli.common import load_repo


def add_arguments(p) -> None:
    p.add_argument("--to", required=True, choices=["native", "madr4", "nygard"], help="the dialect to write")
    p.add_argument("ids", nargs="*", metavar="ID", help="records to convert (default: every record)")
    p.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")


def run(args) -> int:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.migrate import migrate

    def plan(repo):  # run again on the new texts if another writer changes a file first
        return migrate(repo, [repo.resolve(ref) for ref in args.ids] if args.ids else repo.records, args.to)

    repo = load_repo(args, require=True)
    apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    return 0

"""`adrtool renumber OLD NEW`: give a record a new number and fix every reference to it."""

from __future__ import annotations

import sys

from adrtool.cli.common import load_repo


def add_arguments(p) -> None:
    p.add_argument("old", metavar="OLD", help="the record: ADR-0012, 0012, 12 or its file (give the file when two records share a number)")
    p.add_argument("new", metavar="NEW", help="the new number")
    p.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")


def run(args) -> int:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.renumber import renumber, shared_number_note
    from adrtool.cli import UsageError

    try:
        new_number = int(args.new.strip().lstrip("#").removeprefix("ADR-").removeprefix("adr-"))
    except ValueError:
        raise UsageError(f"NEW must be a number, not '{args.new}'") from None
    def plan(repo):  # run again, every reference found anew, if another writer changes a file first
        return renumber(repo, repo.resolve(args.old), new_number)

    from adrtool.authoring import numbering

    try:
        repo = load_repo(args, require=True, before=numbering.prefetch, lazy=True)  # git lists the branches meanwhile
        decision = repo.resolve(args.old)
        changes = plan(repo)
    finally:
        numbering.forget()
    note = shared_number_note(repo, decision)
    if note:
        print(f"adrtool: warning: {note}", file=sys.stderr)
    apply_or_show(repo, changes, dry_run=args.dry_run, replan=plan)
    return 0

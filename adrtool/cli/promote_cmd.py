"""`adrtool promote ID [--dry-run]`: turn an inline decision into a full record, keeping its id.

The record gets the line's title, tags, status and revisit trigger, the
design document's section quoted as context and a link back; the line
becomes a tagged link to the record.  `--dry-run` shows both diffs.
"""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("id", help="the inline decision (D7, or design#3)")
    parser.add_argument("--template", metavar="NAME", help="full, quick, nygard, nygard-quick, or a template file")
    parser.add_argument("--dry-run", action="store_true", help="print both diffs; write nothing")


def run(args) -> int:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.promote import promote
    from adrtool.cli.common import load_repo

    def plan(repo):  # run again on the new text if another writer changes the document first
        return promote(repo, repo.resolve(args.id), template=args.template)

    repo = load_repo(args, require=True)
    apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    return 0

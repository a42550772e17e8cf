"""`adrtool supersede OLD NEW`: both files say so, each in its own dialect."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("old", help="the decision being superseded")
    parser.add_argument("new", help="the decision that supersedes it")
    parser.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")


def run(args) -> int:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import supersede
    from adrtool.cli.common import load_repo

    def plan(repo):  # run again, cycle check included, if another writer changes either file first
        return supersede(repo, repo.resolve(args.old), repo.resolve(args.new))

    repo = load_repo(args, require=True, lazy=True)
    apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    return 0

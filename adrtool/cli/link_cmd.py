"""`adrtool link SRC REL DST`: the link in SRC and its reverse in DST (amends / amended by, relates to)."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("words", nargs="+", metavar="SRC REL DST",
                        help="e.g. `5 amends 3` or `5 relates to 3`")
    parser.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")


def run(args) -> int:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import link
    from adrtool.cli import UsageError
    from adrtool.cli.common import load_repo

    if len(args.words) < 3:
        raise UsageError("expected SRC REL DST, e.g. `adrtool link 5 amends 3`")
    src, relation, dst = args.words[0], " ".join(args.words[1:-1]), args.words[-1]
    def plan(repo):  # run again on the new text if another writer changes either file first
        return link(repo, repo.resolve(src), relation, repo.resolve(dst))

    repo = load_repo(args, require=True)
    apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    return 0

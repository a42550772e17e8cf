"""`adrtool new TITLE`: the next free number, the repository's dialect and template."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys


def add_arguments(parser) -> None:
    parser.add_argument("title", nargs="+", help="the decision's title (quotes optional)")
    parser.add_argument("--choice", help="deliberate or arbitrary")
    parser.add_argument("--door", help="one-way or two-way")
    parser.add_argument("--status", default="proposed", help="initial status (default: proposed)")
    parser.add_argument("-s", "--supersedes", action="append", default=[], metavar="ID",
                        help="a decision this one supersedes (repeatable)")
    parser.add_argument("-l", "--link", action="append", default=[], metavar="REL:ID",
                        help="a link such as amends:12 or relates-to:0007 (repeatable)")
    parser.add_argument("--template", metavar="NAME", help="full, quick, nygard, nygard-quick, or a template file")
    parser.add_argument("--edit", action="store_true", help="open the new record in $VISUAL or $EDITOR")
    parser.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")


def _links(specs: list[str]) -> list[tuple[str, str]]:
    from adrtool.cli import UsageError

    out = []
    for spec in specs:
        relation, sep, ref = spec.rpartition(":")
        if not sep or not relation.strip() or not ref.strip():
            raise UsageError(f"--link '{spec}': expected REL:ID, e.g. amends:12")
        out.append((relation, ref))
    return out


def open_editor(path) -> None:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        print("adrtool: warning: --edit: neither $VISUAL nor $EDITOR is set", file=sys.stderr)
        return
    try:
        done = subprocess.run([*shlex.split(editor), str(path)])
    except OSError as exc:
        print(f"adrtool: warning: cannot run editor '{editor}': {exc.strerror}", file=sys.stderr)
        return
    if done.returncode != 0:
        print(f"adrtool: warning: editor '{editor}' exited with {done.returncode}", file=sys.stderr)


def _prefetch_numbers(config) -> None:
    """The branches' record numbers, listed by git while the files are read (log4brains names by date)."""
    from adrtool.authoring import numbering

    if not config.log4brains:
        numbering.prefetch(config)


def run(args) -> int:
    from adrtool.authoring import numbering
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import plan_new
    from adrtool.cli.common import load_repo

    links = _links(args.link)

    def plan(repo):
        return plan_new(repo, " ".join(args.title), choice=args.choice, door=args.door, status=args.status,
                        supersedes=args.supersedes, links=links, template=args.template)

    try:
        repo = load_repo(args, require=True, before=_prefetch_numbers, lazy=True)
        path, changes, skipped = plan(repo)
    finally:
        numbering.forget()
    for number, branches in skipped.items():
        print(f"adrtool: note: skipped {number:04d}: used on branch {', '.join(branches)}", file=sys.stderr)
    # Another `new` may take the number first: the plan is then made again, with the next one.
    written = apply_or_show(repo, changes, dry_run=args.dry_run, replan=lambda repo: plan(repo)[1])
    path = next((c.path for c in written if c.before is None), path)
    if args.edit and not args.dry_run:
        open_editor(repo.root / path)
    return 0

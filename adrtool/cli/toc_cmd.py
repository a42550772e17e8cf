"""`adrtool toc [--out FILE | --update FILE]`: a Markdown index of the decision records."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from adrtool.cli.common import load_repo


def add_arguments(p) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--out", metavar="FILE", help="write the index to FILE (created or replaced)")
    where.add_argument("--update", metavar="FILE",
                       help="replace only the text between <!-- adrtool-toc --> and <!-- adrtool-toc-end --> in FILE")
    p.add_argument("--link-prefix", default="", metavar="PREFIX", help="put PREFIX before every link (e.g. a site URL)")
    p.add_argument("--dry-run", action="store_true", help="with --out/--update: print the diff, write nothing")


def _repo_relative(repo, file: str) -> str:
    return Path(os.path.relpath(Path(file).resolve(), repo.root.resolve())).as_posix()


def run(args) -> int:
    from adrtool import toc
    from adrtool.authoring.changes import Change, apply_or_show
    from adrtool.store import StoreError, read_text

    repo = load_repo(args, require=True)
    target = args.out or args.update
    if target is None:
        # Printed: links relative to where the command runs, as for `adrtool toc > FILE`.
        base = _repo_relative(repo, ".")
        sys.stdout.write(toc.render(repo.records, base, args.link_prefix))
        return 0
    rel = _repo_relative(repo, target)

    def plan(repo) -> list:  # run again on the file as it is now if another writer changes it first
        path = repo.root / rel
        try:
            before = read_text(path)
        except FileNotFoundError:
            if args.update:
                raise StoreError(f"{target}: no such file (use --out to create it)") from None
            before = None
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"{target}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        if path.is_dir():
            raise StoreError(f"{target}: is a folder")
        newline = toc.newline_of(before) if before else "\n"
        table = toc.render(repo.records, Path(rel).parent.as_posix(), args.link_prefix, newline)
        after = toc.replace_block(before or "", table, target) if args.update else table
        return [Change(rel, before, after)]

    apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    return 0

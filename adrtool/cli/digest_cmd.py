"""`adrtool digest`: the newcomer digest as Markdown or one self-contained HTML file."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from adrtool.cli.common import load_repo, print_problems


def add_arguments(p) -> None:
    p.add_argument("--format", choices=["md", "html"], help="md (GitHub Markdown) or html; default from --out's extension, else md")
    p.add_argument("--out", metavar="PATH", help="write to PATH instead of standard output")
    p.add_argument("--since", metavar="DATE", help="recently changed: every change since DATE (default: the last 10 changes)")
    p.add_argument("--tag", metavar="T", help="only decisions tagged T")
    p.add_argument("--check", action="store_true", help="exit 1 when the file at --out differs from today's digest (for CI)")
    p.add_argument("--today", metavar="DATE", help="the date revisit dates are compared with (default: today)")


def _date(value: str | None, option: str) -> dt.date | None:
    from adrtool.cli import UsageError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} must be a date like 2026-01-31, not '{value}'") from None


def run(args) -> int:
    from adrtool import digest, store
    from adrtool.cli import UsageError

    if args.check and not args.out:
        raise UsageError("--check needs --out PATH (the digest file to compare)")
    since, today = _date(args.since, "--since"), _date(args.today, "--today") or dt.date.today()
    out = Path(args.out).resolve() if args.out else None
    fmt = args.format or ("html" if out and out.suffix.lower() in (".html", ".htm") else "md")
    repo = load_repo(args, require=True)
    # Links in the digest are relative to where it is written (even outside the repository).
    out_dir = Path(os.path.relpath(out.parent, repo.root.resolve())).as_posix() if out else ""
    text = digest.render(digest.build(repo, today, since=since, tag=args.tag, out_dir=out_dir), fmt)
    print_problems(repo.problems)  # files that could not be read are missing from the digest: say which
    if args.check:
        return _check(out, text, args)
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store.StoreError(f"{out.parent}: cannot create folder: {exc.strerror}") from None
    # A generated file: replaced whole, atomically (no user text in it to protect).
    existed = out.exists()
    store.write_atomic(out, text)
    print(f"{'updated' if existed else 'created'} {args.out}")
    return 0


def _check(out: Path, text: str, args) -> int:
    from adrtool.store import read_text

    again = "adrtool digest --out " + args.out + "".join(
        f" --{name} {value}" for name, value in (("format", args.format), ("tag", args.tag), ("since", args.since)) if value)
    try:
        current = read_text(out)
    except FileNotFoundError:
        print(f"{args.out}: missing; run `{again}`", file=sys.stderr)
        return 1
    if current != text:
        print(f"{args.out}: out of date with the decisions; run `{again}`", file=sys.stderr)
        return 1
    return 0

"""`adrtool review`: review the decisions changed on this branch (exit 1 when a finding reaches --fail-on)."""

from __future__ import annotations

import sys

from adrtool.cli.common import load_repo, paint_findings, use_colour


def add_arguments(p) -> None:
    p.add_argument("--base", metavar="REF", help="compare with the merge base of REF (default: upstream, else main/master)")
    p.add_argument("--format", choices=["text", "markdown", "json", "sarif", "github"], default="text")
    p.add_argument("--fail-on", choices=["error", "warning", "note"], default="error",
                   help="exit 1 when a finding is at least this severe (default: error)")
    p.add_argument("--worktree", action="store_true", help="include uncommitted and untracked changes")
    p.add_argument("--all", action="store_true", help="review every decision in the repository, not only changed ones")
    p.add_argument("--sarif", metavar="FILE", help="also write the report as SARIF 2.1.0 to FILE (for code-scanning upload)")


def run(args) -> int:
    from adrtool.cli import EXIT_FINDINGS, EXIT_OK, UsageError
    from adrtool.review import formats, run_review
    from adrtool.store import write_atomic

    if args.all and (args.base or args.worktree):
        raise UsageError("--all reviews every decision; it takes no --base or --worktree")
    repo = load_repo(args, require=True)
    report = run_review(repo, base=args.base, worktree=args.worktree, all=args.all)
    rendered = formats.render(report, args.format)
    sys.stdout.write(paint_findings(rendered, use_colour()) if args.format == "text" else rendered)
    if args.sarif:
        from pathlib import Path

        sarif = Path(args.sarif)
        existed = sarif.exists()
        try:
            sarif.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{sarif.parent}: cannot create folder: {exc.strerror}") from None
        write_atomic(sarif, formats.render(report, "sarif"))
        # On stderr: standard output is the report itself (JSON, annotations), which a line would break.
        print(f"{'updated' if existed else 'created'} {args.sarif}", file=sys.stderr)
    return EXIT_FINDINGS if report.fails(args.fail_on) else EXIT_OK

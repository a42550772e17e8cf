"""`adrtool review`: review the decisions changed on this branch (exit 1 when a finding reaches --fail-on).

`adrtool review ID...` reviews just those decisions; `--explain ID` prints
their reasoning cards.  Stored AI results are composed in here, on top of
the offline review, so that `adrtool.review` never imports `adrtool.ai`.
"""

from __future__ import annotations

import sys

from adrtool.cli.common import load_repo, paint_findings, use_colour


def add_arguments(p) -> None:
    p.add_argument("ids", nargs="*", metavar="ID", help="review just these decisions (default: those changed on the branch)")
    p.add_argument("--base", metavar="REF", help="compare with the merge base of REF (default: upstream, else main/master)")
    p.add_argument("--format", choices=["text", "markdown", "json", "sarif", "github"], default="text")
    p.add_argument("--fail-on", choices=["error", "warning", "note"], default="error",
                   help="exit 1 when a finding is at least this severe (default: error)")
    p.add_argument("--worktree", action="store_true", help="include uncommitted and untracked changes")
    p.add_argument("--all", action="store_true", help="review every decision in the repository, not only changed ones")
    p.add_argument("--changed", action="store_true", help="review the decisions changed on the branch (the default)")
    p.add_argument("--explain", metavar="ID", action="append", default=[],
                   help="print the reasoning card of ID: each essential and support, found/thin/absent, with its line")
    p.add_argument("--label", metavar="NAME", action="append", default=[],
                   help="a label of the pull request (comma-separated or repeated); the correction label lets a "
                        "typo fix to an accepted record through")
    p.add_argument("--sarif", metavar="FILE", help="also write the report as SARIF 2.1.0 to FILE (for code-scanning upload)")


def run(args) -> int:
    from adrtool.cli import EXIT_FINDINGS, EXIT_OK, UsageError
    from adrtool.review import formats, run_review
    from adrtool.store import write_atomic

    ids = list(args.ids) + list(args.explain)
    if args.all and (args.base or args.worktree or ids):
        raise UsageError("--all reviews every decision; it takes no --base, --worktree or ids")
    if args.changed and ids:
        raise UsageError("--changed reviews the branch's decisions; it takes no ids")
    if ids and (args.base or args.worktree):
        raise UsageError("reviewing decisions by id takes no --base or --worktree")
    repo = load_repo(args, require=True)
    labels = [part.strip() for value in args.label for part in value.split(",") if part.strip()]
    report = run_review(repo, base=args.base, worktree=args.worktree, all=args.all, ids=ids or None, labels=labels)
    add_stored_ai_results(repo, report)
    if args.explain:
        from adrtool.reasoning import render_card

        wanted = {repo.resolve(ref).id for ref in args.explain}
        cards = [c for i, c in report.cards.items() if i in wanted]
        sys.stdout.write("\n".join(render_card(c) for c in cards))
        findings = [f for f in report.findings if f.decision_id in wanted]
        if findings:
            sys.stdout.write("\n" + "".join(formats.finding_lines(findings)))
        return EXIT_FINDINGS if any(f.at_least(args.fail_on) for f in findings) else EXIT_OK
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


def add_stored_ai_results(repo, report) -> None:
    """Stored, verified AI verdicts clear or add findings (reasoning/merge.py); none stored: offline as is."""
    from adrtool.ai.verdicts import merge_into_report

    merge_into_report(repo, report)

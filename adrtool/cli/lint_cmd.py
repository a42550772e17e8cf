"""`adrtool lint`: the repository's decisions, checked for consistency."""

from __future__ import annotations

import json
import sys

from adrtool.cli.common import github_annotation, git_prefix, load_repo, paint_findings, use_colour


def add_arguments(p) -> None:
    p.add_argument("--json", action="store_true", help="findings as a JSON list")
    p.add_argument("--format", choices=["text", "json", "github"], default=None,
                   help="text (default), json (as --json) or github (workflow annotations for GitHub Actions)")
    p.add_argument("--severity", choices=["error", "warning", "note"], default="note",
                   help="only report findings at least this severe (default: all)")
    p.add_argument("paths", nargs="*", help="only findings in these files (e.g. staged files in a pre-commit hook)")


def run(args) -> int:
    from adrtool.lint import SEVERITY_RANK, lint

    repo = load_repo(args, require=True)
    findings = lint(repo)
    findings = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[args.severity]]
    if args.paths:
        wanted = {repo.config.rel(__import__("pathlib").Path(p).resolve()) for p in args.paths}
        findings = [f for f in findings if f.path in wanted]
    fmt = args.format or ("json" if args.json else "text")
    if fmt == "github":
        prefix = git_prefix(repo)
        for f in findings:
            print(github_annotation(f.severity, prefix + f.path, f.line, f"adrtool lint: {f.code}", f.message))
        print(f"adrtool lint: {len(findings)} finding(s) in {len(repo.decisions)} decision(s)")
    elif fmt == "json":
        json.dump([{"path": f.path, "line": f.line, "rule": f.code, "severity": f.severity, "message": f.message}
                   for f in findings], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        colour = use_colour()
        for f in findings:
            print(paint_findings(f"{f.severity}: {f} [{f.code}]", colour))
        n = len(repo.decisions)
        print(f"{len(findings)} finding(s) in {n} decision(s)", file=sys.stderr)
    return 1 if findings else 0

"""`adrtool paper summarize PATH [--for ID] [--offline]`: read the paper a decision rests on.

With AI (opt-in): a summary of claims, evidence, limits and bearing on the
decision, with page citations checked against the PDF's own text.
`--offline` needs no AI: title, abstract, conclusion and headings with pages.
"""

from __future__ import annotations

import sys

from adrtool.cli.ai_cmd import add_sending_arguments
from adrtool.cli.common import dump_json, load_repo


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="paper_action", metavar="ACTION", required=True)
    q = sub.add_parser("summarize", help="summarize a PDF", description="summarize a PDF")
    q.add_argument("path", metavar="PATH", help="the PDF (inside the repository, unless --offline)")
    q.add_argument("--for", dest="for_id", metavar="ID", help="the decision the paper bears on")
    q.add_argument("--offline", action="store_true", help="no AI: title, abstract, conclusion, headings with pages")
    add_sending_arguments(q)


def run(args) -> int:
    from adrtool.ai import AIError
    from adrtool.cli import UsageError

    try:
        if args.offline:
            return _offline(args)
        return _summarize(args)
    except AIError as exc:
        raise UsageError(str(exc), code=exc.code, hint=exc.hint) from None


def _offline(args) -> int:
    from pathlib import Path

    from adrtool.ai import paper
    from adrtool.cli import UsageError

    path = Path(args.path)
    if not path.is_file():
        raise UsageError(f"{args.path}: no such file")
    extract = paper.offline_extract(path)
    if args.json:
        dump_json({"title": extract.title, "abstract": extract.abstract, "conclusion": extract.conclusion,
                   "headings": [{"heading": h, "page": n} for h, n in extract.headings]})
        return 0
    print(f"Title: {extract.title or '(not found)'}")
    print(f"Abstract: {extract.abstract or '(not found)'}")
    print(f"Conclusion: {extract.conclusion or '(not found)'}")
    print("Sections:")
    for heading, page in extract.headings:
        print(f"  p. {page:<4} {heading}")
    print("(extracted locally, no AI: read the paper for its arguments)", file=sys.stderr)
    return 0


def _summarize(args) -> int:
    from adrtool.ai import config as ai_config
    from adrtool.ai import client, paper, runner, stored
    from adrtool.cli.ai_cmd import confirm_sending, progress_printer, show_payload

    repo = load_repo(args)
    settings = ai_config.load(repo.config)
    decision = repo.resolve(args.for_id) if args.for_id else None
    pdf, rel = paper.paper_path(repo, args.path)
    request = paper.request_for(repo, pdf, rel, decision, settings)
    warnings = paper.scan(pdf)
    for w in warnings:
        print(f"{rel}: warning: {w}", file=sys.stderr)
    if args.show_payload:
        return show_payload([request], settings, args.json)
    runner.require_enabled(repo)
    if stored.current(repo, request) is None or args.resume:
        client.api_key()
        if not args.resume:
            confirm_sending([request], settings, args, "paper")
    result = paper.summarize_paper(repo, args.path, decision, warnings=warnings, batch=args.batch,
                                   resume=args.resume, progress=progress_printer("paper summarize"))
    for c in result.dropped:
        print(f"{rel}: dropped a citation not found on {c.pages} of the PDF: \"{c.cited_text.strip()[:80]}\"",
              file=sys.stderr)
    if args.json:
        dump_json({"state": result.state, "stored": result.path, "text": result.text,
                   "citations": [c.__dict__ for c in result.kept], "dropped": [c.__dict__ for c in result.dropped],
                   "warnings": result.warnings})
        return 0
    print(result.text)
    if result.kept:
        print("\nPassages cited:")
        for c in result.kept:
            print(f"  {c.pages}: \"{c.cited_text.strip()}\"")
    print(f"paper summary {'reused' if result.state == 'reused' else 'stored'}: {result.path}", file=sys.stderr)
    return 0

"""`adrtool ai review|tags|summarize|status`: the optional AI pass (opt-in per repository).

Nothing is sent unless `[tool.adrtool.ai] enabled = true` and the user runs
one of these commands; `--show-payload` prints what would be sent without
sending; interactive runs ask before the first request (`--yes` for CI).
Exit codes: 0 done, 1 some items failed or were not done (the rest are
stored), 2 usage errors (AI off, no key, key refused).
"""

from __future__ import annotations

import sys

from adrtool.cli.common import dump_json, load_repo

FEATURES = ("review", "tags", "summarize")


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="ai_action", metavar="ACTION", required=True)
    for name, help_text in (
        ("review", "a second reader for the reasoning policy; verified quotes clear or add `adrtool review` findings"),
        ("tags", "suggest choice and door for decisions, with a reason for each"),
        ("summarize", "short newcomer summaries, used by the digest"),
    ):
        q = sub.add_parser(name, help=help_text, description=help_text)
        q.add_argument("ids", nargs="*", metavar="ID", help="decisions to process")
        q.add_argument("--all", action="store_true", help="every decision" + (
            " except closed ones (superseded, deprecated, rejected: name them to send them)" if name == "review" else ""))
        if name == "review":
            q.add_argument("--changed", action="store_true", help="decisions changed since --base")
            q.add_argument("--base", help="with --changed: compare with the merge base of this ref "
                                          "(default: upstream, else main/master)")
        if name == "tags":
            q.add_argument("--untagged", action="store_true", help="decisions missing choice or door")
            q.add_argument("--apply", action="store_true", help="write the suggested tags (asks for each, or --yes)")
        add_sending_arguments(q)
    q = sub.add_parser("status", help="list missing and stale AI results", description="list missing and stale AI results")
    q.add_argument("--json", action="store_true")


def add_sending_arguments(q) -> None:
    q.add_argument("--show-payload", action="store_true", help="print what would be sent, and its cost; send nothing")
    q.add_argument("--yes", "-y", action="store_true", help="do not ask before sending (for CI)")
    q.add_argument("--batch", action="store_true", help="send through the Message Batches API (half price, slower)")
    q.add_argument("--resume", action="store_true", help="collect a batch that was interrupted")
    q.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    from adrtool.ai import AIError

    repo = load_repo(args, require=True)
    try:
        if args.ai_action == "status":
            return _status(repo, args)
        return _feature(repo, args)
    except AIError as exc:
        from adrtool.cli import UsageError

        raise UsageError(str(exc), code=exc.code, hint=exc.hint) from None


# ---- selecting decisions ------------------------------------------------------------


def _select(repo, args) -> list:
    from adrtool.cli import UsageError

    if args.ids:
        return [repo.resolve(ref) for ref in args.ids]
    if args.all:
        return list(repo.decisions)
    if getattr(args, "untagged", False):
        return [d for d in repo.decisions if not d.is_tagged]
    if getattr(args, "changed", False):
        return _changed(repo, args.base)
    if args.resume:
        return list(repo.decisions)
    extra = {"review": ", --changed", "tags": ", --untagged"}.get(args.ai_action, "")
    raise UsageError(f"name the decisions to process (IDS{extra} or --all)")


def _changed(repo, base: str | None) -> list:
    """The decisions `adrtool review` would review on this branch (same base, same rules)."""
    from adrtool.review import changes

    return [c.decision for c in changes.diff(repo, base).changes if c.decision is not None]


def build_requests(repo, feature: str, decisions) -> list:
    from adrtool.ai import review, summarize, tags

    module = {"review": review, "tags": tags, "summarize": summarize}[feature]
    return [module.request_for(repo, d) for d in decisions]


def without_closed(requests) -> tuple[list, list]:
    """(requests to send, closed ones): superseded, deprecated and rejected records are history.

    The offline policy does not judge them, so `ai review --all` does not pay
    to have them judged; naming one by id still sends it.
    """
    open_, closed = [], []
    for r in requests:
        (closed if getattr(r.context, "closed", False) else open_).append(r)
    return open_, closed


def closed_note(closed) -> str:
    ids = ", ".join(r.key for r in closed)
    return (f"{len(closed)} closed record(s) (superseded, deprecated or rejected) not sent: history, not judged: "
            f"{ids}; name one to send it (`adrtool ai review {closed[0].key}`)")


# ---- the shared flow: show, confirm, send, report -------------------------------------------


def warn_refused(requests) -> None:
    for r in requests:
        for f in r.refused:
            where = r.decision.path if r.decision else r.key
            print(f"{where}: reference {f.path}: {f.refused}", file=sys.stderr)


def show_payload(requests, settings, as_json: bool, closed=()) -> int:
    """Print exactly what would be sent, with sizes, estimates and redaction counts; send nothing."""
    from adrtool.ai import payload

    totals = payload.estimate(requests, settings)
    if as_json:
        dump_json({"model": settings.model, "requests": [
            {"item": r.key, "feature": r.feature, "files": [f.__dict__ for f in r.files], "bytes": r.body_bytes,
             "estimated_input_tokens": r.input_tokens, "redactions": r.redactions, "input_sha256": r.input_hash,
             "body": r.params} for r in requests], "totals": totals.to_json(),
            "not_sent": [{"item": r.key, "path": r.decision.path, "status": r.decision.status.value,
                          "why": "closed: history, not judged; name it to send it"} for r in closed]})
        return 0
    shown_prompts: set[str] = set()
    for r in requests:
        print(f"=== request: {r.feature} {r.key} ({r.body_bytes} bytes, ~{r.input_tokens} tokens, "
              f"{r.redactions} redacted)")
        for f in r.files:
            state = f"not sent: {f.refused}" if f.refused else f"{f.size} bytes, {f.redactions} redacted"
            print(f"    file: {f.path} ({state})")
        if r.prompt.label not in shown_prompts:
            shown_prompts.add(r.prompt.label)
            print(f"--- system prompt {r.prompt.label} (cached prefix) ---")
            print(r.params["system"][0]["text"].rstrip())
        print("--- user message ---")
        content = r.params["messages"][0]["content"]
        print(content.rstrip() if isinstance(content, str) else _describe_blocks(content))
        if "output_config" in r.params:
            print("--- output: JSON schema (structured output) ---")
            import json

            print(json.dumps(r.params["output_config"]["format"]["schema"], indent=2))
    print(totals_text(totals, settings))
    if closed:
        print(f"=== {closed_note(closed)}")
    return 0


def _describe_blocks(blocks) -> str:
    out = []
    for b in blocks:
        if b.get("type") == "document":
            out.append(f"[PDF document: {b.get('title')}, {len(b['source']['data']) * 3 // 4} bytes, citations on]")
        else:
            out.append(b.get("text", "").rstrip())
    return "\n".join(out)


def _money(value) -> str:
    return "unknown (no list price for this model)" if value is None else f"${value:,.4f}"


def totals_text(t, settings) -> str:
    return "\n".join([
        f"=== total: {t.requests} requests to {settings.model}; nothing was sent",
        f"    bytes: {t.body_bytes}; input tokens: ~{t.input_tokens} (cached share ~{t.cached_share:.0%}); "
        f"output tokens: ~{t.output_tokens} (estimate)",
        f"    secrets redacted: {t.redactions}; references not sent: {t.refused}",
        f"    estimated cost at list price: direct {_money(t.cost_direct)} with prompt caching "
        f"({_money(t.cost_direct_no_cache)} without); batch {_money(t.cost_batch)}",
    ])


def confirm_sending(requests, settings, args, what: str) -> None:
    """Ask before the first request of an interactive run; a script must say --yes."""
    from adrtool.ai import client, payload
    from adrtool.cli import UsageError

    if args.yes or not requests:
        return
    t = payload.estimate(requests, settings)
    question = (f"Send {len(requests)} {what} request(s) (~{t.input_tokens} input tokens, "
                f"{_money(t.cost_batch if args.batch else t.cost_direct)}) to {settings.model} at {client.endpoint()}? [y/N] ")
    if not sys.stdin.isatty():
        raise UsageError(f"would send {len(requests)} request(s) to {settings.model}; add --yes to confirm "
                         f"(or --show-payload to see them first)")
    if input(question).strip().lower() not in ("y", "yes"):
        raise UsageError("nothing sent")


def progress_printer(label: str):
    stream = sys.stderr
    if not stream.isatty():
        return None

    def progress(done: int, total: int, item: str) -> None:
        stream.write(f"\r{label}: {done}/{total} {item}".ljust(60) + ("\n" if done == total else ""))
        stream.flush()

    return progress


def report_problems(run, stream=None) -> int:
    stream = stream or sys.stderr
    for o in run.problems:
        where = o.request.decision.path if o.request.decision else o.request.key
        verb = "failed" if o.state == "failed" else "not done"
        print(f"{where}: AI {run.feature} {verb}: {o.message}", file=stream)
    if run.problems:
        print(f"adrtool: AI {run.feature} not done for {len(run.problems)} of {len(run.outcomes)} item(s); "
              f"the offline `adrtool review` is unaffected", file=stream)
        return 1
    return 0


def _feature(repo, args) -> int:
    from adrtool.ai import config as ai_config
    from adrtool.ai import client, review, runner, summarize, tags

    settings = ai_config.load(repo.config)
    decisions = _select(repo, args)
    requests = build_requests(repo, args.ai_action, decisions)
    closed = []
    if args.ai_action == "review" and args.all:
        requests, closed = without_closed(requests)
    warn_refused(requests)
    if args.show_payload:
        return show_payload(requests, settings, args.json, closed)
    if closed:
        print(f"ai review: {closed_note(closed)}", file=sys.stderr)
    runner.require_enabled(repo)
    if getattr(args, "apply", False) and not args.yes and not sys.stdin.isatty():
        from adrtool.cli import UsageError

        raise UsageError("--apply asks before each change; add --yes to apply without asking")
    to_send = runner.pending(repo, requests)
    if to_send or args.resume:
        client.api_key()  # no key: say so now, not after the user confirmed
    if not args.resume:
        confirm_sending(to_send, settings, args, args.ai_action)
    module = {"review": review, "tags": tags, "summarize": summarize}[args.ai_action]
    if args.batch and to_send and not args.resume:
        print(f"ai {args.ai_action}: sending {len(to_send)} request(s) as a Message Batch; if interrupted, "
              f"`adrtool ai {args.ai_action} --resume` collects the results", file=sys.stderr)
    try:
        result = runner.run(repo, module.FEATURE, requests, progress=progress_printer(f"ai {args.ai_action}"),
                            batch=args.batch or args.resume, resume=args.resume)
    except KeyboardInterrupt:
        if args.batch:
            print("adrtool: the batch id is saved; `--resume` collects the results", file=sys.stderr)
        raise
    code = _print(repo, args, result)
    if getattr(args, "apply", False):
        _apply(repo, args, result)
    return max(code, report_problems(result))


def _print(repo, args, result) -> int:
    outcomes = [o for o in result.outcomes if o.data is not None]
    verdicts = {}
    if args.ai_action == "review":
        from adrtool.ai import review

        verdicts = {id(o): review.verified(o.request, o.data) for o in outcomes}
    if args.json:
        dump_json([{"id": o.request.key, "path": o.request.decision.path, "state": o.state, "result": o.data,
                    "stored": o.path, **({"verified": verdicts[id(o)].to_json()} if id(o) in verdicts else {})}
                   for o in result.outcomes])
        return 0
    for o in outcomes:
        d = o.request.decision
        print(f"{d.id}  {d.title}  [{'reused' if o.state == 'reused' else 'new'}: {o.path}]")
        if args.ai_action == "review":
            print_verdict(verdicts[id(o)])
        elif args.ai_action == "tags":
            print(f"  choice: {o.data['choice']}: {o.data['choice_reason']}")
            print(f"  door: {o.data['door']}: {o.data['door_reason']}")
        else:
            print(f"  {o.data['summary'].strip()}")
    print(f"ai {result.feature}: {sum(o.state == 'done' for o in result.outcomes)} new, "
          f"{sum(o.state == 'reused' for o in result.outcomes)} reused, {result.http_attempts} HTTP attempt(s)",
          file=sys.stderr)
    return 0


def print_verdict(verdict) -> None:
    """The judge's answer as verified: each essential with its quote, the findings kept, the quotes ignored."""
    from adrtool.reasoning.merge import shorten

    for c in verdict.claims:
        if c.state == "absent":
            evidence = c.why
        elif c.verified:
            evidence = f'line {c.line}: "{shorten(c.quote)}"'
        else:
            evidence = f'"{shorten(c.quote)}" (quote not verified: ignored)'
        print(f"  {c.essential:<13} {c.state:<7} {evidence}")
    for f in verdict.findings:
        print(f"  {f.severity} ai/{f.kind} (line {f.line}): {f.message}")
        print(f"    -> {f.recommendation}")
    for u in verdict.unverified:
        print(f"  quote ignored ({u.why}), for {u.where}: \"{shorten(u.quote)}\"")


def _apply(repo, args, result) -> None:
    from adrtool.ai import tags

    for o in result.outcomes:
        if o.data is None:
            continue
        d = o.request.decision
        wanted = tags.missing_tags(d, o.data)
        if not wanted:
            continue
        shown = ", ".join(f"{k}: {v}" for k, v in wanted.items())
        if not args.yes and input(f"Set {shown} on {d.path}? [y/N] ").strip().lower() not in ("y", "yes"):
            print(f"{d.path}: not changed")
            continue
        tags.apply_tags(repo, d, wanted)
        print(f"{d.path}: set {shown}")


def _status(repo, args) -> int:
    from adrtool.ai import stored

    requests = []
    for feature in FEATURES:
        # Tag suggestions matter only until a decision is tagged.
        wanted = [d for d in repo.decisions if feature != "tags" or not d.is_tagged]
        built = build_requests(repo, feature, wanted)
        requests += without_closed(built)[0] if feature == "review" else built  # as `ai review --all` sends
    rows = stored.status(repo, requests)
    usage = stored.usage_totals(repo, rows)
    if args.json:
        dump_json({"items": [r.__dict__ for r in rows], "usage": usage})
        return 0
    for r in rows:
        if r.state != "current":
            print(f"{r.state:<8} {r.feature:<10} {r.key:<12} {r.path}")
    counts = {s: sum(r.state == s for r in rows) for s in ("current", "stale", "missing")}
    print(f"ai status: {counts['current']} current, {counts['stale']} stale, {counts['missing']} missing; "
          f"tokens used by the current results: {usage['input_tokens']} input (+{usage['cache_read_input_tokens']} "
          f"read from cache), {usage['output_tokens']} output", file=sys.stderr)
    return 0

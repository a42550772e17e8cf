"""`adrtool tag ID`: set choice, door and revisit; `adrtool tag --suggest`: the estimated tags, written on request.

`--suggest` prints, for each decision with a tag missing, the estimated
choice and door with the lines they rest on (and a stored AI suggestion
beside them, when there is a current one).  With `--apply` it asks before
writing each record's tags (`--yes` writes without asking), through the
same surgical, atomic write as `adrtool tag`.  Nothing is written without
`--apply`: an estimate is never a tag by itself.
"""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("ids", nargs="*", metavar="ID",
                        help="the decision (0012, ADR-12, a file name, an inline id such as D7); with --suggest, any number")
    parser.add_argument("--choice", help="deliberate or arbitrary")
    parser.add_argument("--door", help="one-way or two-way")
    parser.add_argument("--revisit", metavar="TEXT", help="when to look at it again ('' removes it)")
    parser.add_argument("--suggest", action="store_true",
                        help="print the estimated tags of IDS (or of every untagged decision) with their evidence")
    parser.add_argument("--untagged", action="store_true", help="with --suggest: every decision with a tag missing")
    parser.add_argument("--apply", action="store_true", help="with --suggest: write the estimates, asking for each")
    parser.add_argument("--yes", action="store_true", help="with --apply: write without asking (for scripts)")
    parser.add_argument("--dry-run", action="store_true", help="print the diff; write nothing")


def run(args) -> int:
    from adrtool.cli import UsageError

    if args.suggest:
        if args.choice or args.door or args.revisit is not None:
            raise UsageError("--suggest estimates the tags; give --choice/--door/--revisit without it")
        if bool(args.ids) == bool(args.untagged):
            raise UsageError("--suggest needs decision ids or --untagged (not both)")
        return _suggest(args)
    if args.untagged or args.apply or args.yes:
        raise UsageError("--untagged, --apply and --yes go with --suggest")
    if len(args.ids) != 1:
        raise UsageError("give one decision id (or --suggest for several)")
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import parse_door, set_tags
    from adrtool.cli.common import load_repo
    from adrtool.model import Door, Kind

    def plan(repo):  # run again on the new text if another writer changes the file first
        return set_tags(repo, repo.resolve(args.ids[0]), choice=args.choice, door=args.door, revisit=args.revisit)

    repo = load_repo(args, require=True)
    decision = repo.resolve(args.ids[0])
    changes = apply_or_show(repo, plan(repo), dry_run=args.dry_run, replan=plan)
    if decision.kind is Kind.INLINE and changes and parse_door(args.door) is Door.ONE_WAY:
        # A one-way door is owed real reasoning, which one line cannot hold: offer it a record.
        print(f"adrtool: note: {decision.id} is a one-way door; `adrtool promote {decision.id}` gives it a record "
              "with room for its reasoning", file=sys.stderr)
    return 0


def _suggest(args) -> int:
    from adrtool.cli.common import load_repo
    from adrtool.reasoning import estimate_view
    from adrtool.reasoning.estimate import estimate, missing

    repo = load_repo(args, require=True)
    if args.untagged:
        decisions = [d for d in repo.decisions if not d.is_tagged]
    else:
        decisions = [repo.resolve(ref) for ref in args.ids]
    ai_reader = _ai_reader(repo)
    written = declined = 0
    for n, d in enumerate(decisions):
        if n:
            print()
        where = d.path if d.line is None else f"{d.path}:{d.line}"
        print(f"{d.id}  {d.title} ({where})")
        if d.is_tagged:
            print(f"  already tagged: {d.choice.value}, {d.door.value}; nothing to suggest")
            continue
        est = estimate(d, repo)
        for line in estimate_view.render(d, est, ai_reader(d) if ai_reader else None):
            print(line)
        if not args.apply:
            continue
        guesses = missing(d, est)
        answer = "y" if args.yes or args.dry_run else _ask(f"Set {estimate_view.tags_text(guesses)} on {where}? [y/N] ")
        if answer is None:
            print("adrtool: no answer (end of input): stopped; add --yes to write without asking", file=sys.stderr)
            _summary(written, declined, len(decisions) - n)
            return 1
        if answer not in ("y", "yes"):
            declined += 1
            continue
        _write(repo, d, guesses, args.dry_run)
        written += 1
    if not decisions:
        print("every decision is tagged; nothing to suggest")
    elif args.apply and not args.dry_run:
        _summary(written, declined, 0)
    elif not args.apply:
        print(f"\nEstimates only: nothing was written. `adrtool tag {'--untagged' if args.untagged else ' '.join(args.ids)} "
              "--suggest --apply` writes them, asking for each.")
    return 0


def _write(repo, decision, guesses: dict, dry_run: bool) -> None:
    from adrtool.authoring.changes import apply_or_show
    from adrtool.authoring.operations import set_tags

    values = {axis: guess.value for axis, guess in guesses.items()}

    def plan(repo):  # run again on the new text if another writer changes the file first
        return set_tags(repo, repo.resolve(decision.path if decision.line is None else decision.id), **values)

    apply_or_show(repo, plan(repo), dry_run=dry_run, replan=plan)


def _ask(question: str) -> str | None:
    try:
        return input(question).strip().lower()
    except EOFError:
        print()
        return None


def _summary(written: int, declined: int, left: int) -> None:
    parts = [f"{written} written", f"{declined} declined"] + ([f"{left} not asked"] if left else [])
    print(f"\n{', '.join(parts)}.")


def _ai_reader(repo):
    """A reader of current stored AI tag suggestions, or None when the AI pass is not installed or has none."""
    try:
        from adrtool.ai import tags
    except ImportError:
        return None
    return lambda d: tags.tag_suggestion_for(repo, d)

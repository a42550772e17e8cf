"""`adrtool list`: every decision, filtered, as a table or the JSON contract."""

from __future__ import annotations

import sys

from adrtool.cli.common import compact_json, load_repo, require_folder, table, tag_text, use_colour, write_json_lines
from adrtool.model import JSON_KEYS, Kind, json_line


def add_arguments(p) -> None:
    p.add_argument("--status", help="proposed, accepted, rejected, deprecated, superseded or unknown")
    p.add_argument("--choice", help="deliberate, arbitrary or untagged")
    p.add_argument("--door", help="one-way, two-way or untagged")
    p.add_argument("--tag", action="append", help="only decisions with this tag (repeatable)")
    p.add_argument("--kind", choices=["record", "inline", "document"],
                   help="only records, inline decisions, or the documents of a decision folder that hold none")
    p.add_argument("--json", action="store_true", help="print the JSON contract (see README)")
    p.add_argument("--history", action="store_true", help="with --json: add created, updated, authors from git")
    p.add_argument("--no-estimates", action="store_true",
                   help="with --json: leave out the estimated tags of untagged decisions (faster)")


def select(decisions, args):
    from adrtool.selection import select as matching

    return matching(decisions, status=args.status, choice=args.choice, door=args.door, tags=args.tag,
                    kind=getattr(args, "kind", None))


def run(args) -> int:
    select([], args)  # a bad filter value is the first thing to say, before looking for folders
    if args.json and not args.history and not _filtered(args):
        return _plain_json(args, estimates=not args.no_estimates)
    pending = None
    if args.json and args.history:  # git reads the history while the files are read and parsed
        repo, pending = _load_with_history(args)
        require_folder(repo)
    else:
        repo = load_repo(args, require=True)
    # The documents of a decision folder (no decision in them) are listed after the decisions, when
    # nothing filters by a decision's fields; they are never counted, reviewed or digested.
    shown = repo.decisions if any((args.status, args.choice, args.door, args.tag)) else repo.decisions + repo.documents
    decisions = select(shown, args)
    if args.json:
        # Each item is written as JSON text directly (`model.json_line`); what the estimates and the
        # history add comes after its fields, as `dict.update` would place them.
        if pending is None and not args.no_estimates:  # the estimates come encoded, from where they were made
            encoded = _encoded_estimates(repo, decisions)
            write_json_lines(_item_with(repo, d, fields) for d, fields in zip(decisions, encoded))
            return _problems(repo)
        extra: list[dict] = [{} for _ in decisions]
        if not args.no_estimates:
            _add_estimates(repo, decisions, extra)
        if pending is not None:
            _add_history(repo, decisions, extra, pending)
        write_json_lines(_item(repo, d, more) for d, more in zip(decisions, extra))
    else:
        rows = []
        for d in decisions:
            choice, door = tag_text(d)
            status = "document" if d.kind is Kind.DOCUMENT else d.status.value
            rows.append([d.id, status, "" if d.kind is Kind.DOCUMENT else choice,
                         "" if d.kind is Kind.DOCUMENT else door, d.date or "", d.title])
        if rows:
            print(table(rows, ["ID", "STATUS", "CHOICE", "DOOR", "DATE", "TITLE"], {0: 28},
                        paint_columns=(1, 2, 3) if use_colour() else ()))
    return _problems(repo)


def _filtered(args) -> bool:
    return any((args.status, args.choice, args.door, args.tag, getattr(args, "kind", None)))


def _plain_json(args, estimates: bool) -> int:
    """`list --json` of every decision: written as each file is parsed (`store_listing`), with the
    estimates made there too unless `--no-estimates`; the same bytes as `_item`/`_item_with` over a full load."""
    from pathlib import Path

    from adrtool import store_listing
    from adrtool.cli.common import without_collector
    from adrtool.config import discover

    config = discover(Path.cwd(), args.dir or None)
    listing = without_collector(lambda: store_listing.load(config, estimates))
    require_folder(listing)
    _write_runs(listing.json_lines())
    for p in listing.problems:
        print(str(p), file=sys.stderr)
    for said in listing.record_problems:
        print(said, file=sys.stderr)
    return 0


def _write_runs(texts) -> None:
    """`write_json_lines` for texts that may each hold several lines already joined by ",\n" (the
    listing's runs): written one at a time, so that the output is never joined whole."""
    out = sys.stdout
    first = True
    for text in texts:
        out.write(("[\n" if first else ",\n") + text)
        first = False
    out.write("[\n]\n" if first else "\n]\n")


def _problems(repo) -> int:
    for p in repo.problems:
        print(str(p), file=sys.stderr)
    for d in repo.records:  # broken front matter once dropped the record; it is read now, and still said
        if d.problems:
            for p in d.problems:
                if p.code == "front-matter":
                    print(str(p), file=sys.stderr)
    return 0


def _item_with(repo, decision, fields: str) -> str:
    """`_item` with the estimates' fields already encoded (as `compact_json` would encode their dict)."""
    ids = repo.link_ids(decision) if decision.links else None
    return json_line(decision, ids)[:-1] + ", " + fields[1:]


def _encoded_estimates(repo, decisions) -> list[str]:
    from adrtool.reasoning.estimate import estimate_all

    return estimate_all(repo, decisions, as_json=True)


def _item(repo, decision, more: dict) -> str:
    """One decision's JSON text: `decision.to_json()` with `more` added, as `json.dumps` writes it."""
    ids = repo.link_ids(decision) if decision.links else None
    if not more:
        return json_line(decision, ids)
    if JSON_KEYS.isdisjoint(more):
        return json_line(decision, ids)[:-1] + ", " + compact_json(more)[1:]
    return compact_json({**decision.to_json(ids), **more})


def _add_estimates(repo, decisions, data) -> None:
    """`choice_estimate`, `door_estimate` and `estimate_evidence` (null for what is tagged; README)."""
    from adrtool.reasoning.estimate import estimate_all

    for item, fields in zip(data, estimate_all(repo, decisions)):
        item.update(fields)


def _load_with_history(args):
    from pathlib import Path

    from adrtool import history
    from adrtool.config import discover

    config = discover(Path.cwd(), args.dir or None)
    pending = history.begin(config)  # before importing the store's readers: git starts sooner
    from adrtool import store
    from adrtool.cli.common import without_collector

    return without_collector(lambda: store.load(config=config)), pending


def _add_history(repo, decisions, data, pending) -> None:
    from adrtool import history

    hist = pending(repo)
    if hist is not None and getattr(hist, "shallow", False):
        print(f"adrtool: note: {history.SHALLOW_NOTICE}", file=sys.stderr)
    for d, item in zip(decisions, data):
        h = hist.get(d.path) if hist else None
        item["created"] = h.created.isoformat() if h and h.created else None
        item["updated"] = h.updated.isoformat() if h and h.updated else None
        item["authors"] = list(h.authors) if h else []

"""Helpers shared by the command modules: loading, resolving, printing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from adrtool.model import Decision


def load_repo(args, require: bool = False):
    """Load the repository for the command; `require` makes a missing folder a usage error."""
    from adrtool import store
    from adrtool.cli import UsageError

    repo = without_collector(lambda: store.load(Path.cwd(), args.dir or None))
    if require and not any(d.is_dir() for d in repo.config.dirs):
        dirs = ", ".join(repo.config.rel(d) for d in repo.config.dirs)
        raise UsageError(f"no decision folder found ({dirs}); run `adrtool init` or pass --dir")
    return repo


def without_collector(load):
    """`load()` with Python's cycle collector paused, and what it built frozen afterwards.

    Reading 10,000 records creates about a million objects, and the collector
    would walk the growing heap again and again while they are made (about
    0.06 s of a 0.7 s load), then again while `list --json` builds its
    output (half of that step).  Nothing the store builds is cyclic garbage,
    so pausing loses nothing; freezing moves the loaded objects out of every
    later collection.  An earlier freeze is undone first, so a long-lived
    process that loads again still gets the old objects collected.
    """
    import gc

    gc.unfreeze()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        repo = load()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return repo


def print_problems(problems, stream=None) -> None:
    stream = stream or sys.stderr
    for p in problems:
        print(f"{p}", file=stream)


def dump_json(data) -> None:
    """A list prints one compact object per line (fast C encoder, still diffable); other data indented."""
    if isinstance(data, list):
        encode = json.JSONEncoder(ensure_ascii=False).encode
        sys.stdout.write("[\n" + ",\n".join(encode(item) for item in data) + ("\n]\n" if data else "]\n"))
        return
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def tag_text(decision: Decision) -> tuple[str, str]:
    choice = decision.choice.value if decision.choice else "untagged"
    door = decision.door.value if decision.door else "untagged"
    return choice, door


def table(rows: list[list[str]], headers: list[str], max_widths: dict[int, int] | None = None) -> str:
    """A plain, aligned text table (stable and greppable; no colours when piped)."""
    max_widths = max_widths or {}
    cells = [headers] + rows
    widths = []
    for col in range(len(headers)):
        width = max(len(r[col]) for r in cells)
        widths.append(min(width, max_widths.get(col, width)))
    out = []
    for r in cells:
        parts = []
        for col, value in enumerate(r):
            if len(value) > widths[col]:
                value = value[: widths[col] - 1] + "…"
            parts.append(value.ljust(widths[col]) if col < len(r) - 1 else value)
        out.append("  ".join(parts).rstrip())
    return "\n".join(out)

"""Helpers shared by the command modules: loading, resolving, printing."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from adrtool.model import Decision


EAGER_LOAD = "ADRTOOL_EAGER_LOAD"  # set to 1: a writing command parses every file first, as before `store_lazy`


def load_repo(args, require: bool = False, before=None, lazy: bool = False):
    """Load the repository for the command; `require` makes a missing folder a usage error.

    `before(config)` runs once the configuration is known and before the files are read (to start
    work in a thread that the load then overlaps, such as `numbering.prefetch`).  `lazy`: every
    file read, each parsed only when the command needs it (`store_lazy`), unless $ADRTOOL_EAGER_LOAD
    asks for the full load (the differential test compares the two).
    """
    from adrtool import store

    if lazy and os.environ.get(EAGER_LOAD) != "1":
        from adrtool import store_lazy as store  # noqa: F811  (the same `load`, parsing on demand)

    if before is not None:
        from adrtool.config import discover

        config = discover(Path.cwd(), args.dir or None)
        before(config)
        repo = without_collector(lambda: store.load(config=config))
    else:
        repo = without_collector(lambda: store.load(Path.cwd(), args.dir or None))
    if require:
        require_folder(repo)
    return repo


def require_folder(repo) -> None:
    """A usage error when none of the repository's decision folders exists."""
    from adrtool.cli import UsageError

    if not any(d.is_dir() for d in repo.config.dirs):
        dirs = ", ".join(repo.config.rel(d) for d in repo.config.dirs)
        raise UsageError(f"no decision folder found ({dirs}); run `adrtool init` or pass --dir", code="no-decisions")


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


def compact_json(item) -> str:
    """One item as `dump_json` prints it in a list: compact, on one line, non-ASCII as written."""
    return _COMPACT(item)


_COMPACT = json.JSONEncoder(ensure_ascii=False).encode


def write_json_lines(items) -> None:
    """Items already encoded by `compact_json` (or written to match it), as `dump_json` prints a list.

    Written a few hundred at a time as they are made, so that the whole output never
    sits in memory at once (12 MB at 10,000 records, as a list and then joined).
    """
    out = sys.stdout
    chunk: list[str] = []
    first = True
    for item in items:
        chunk.append(item)
        if len(chunk) == 512:
            out.write(("[\n" if first else ",\n") + ",\n".join(chunk))
            chunk, first = [], False
    if chunk:
        out.write(("[\n" if first else ",\n") + ",\n".join(chunk))
        first = False
    out.write("[\n]\n" if first else "\n]\n")


def dump_json(data) -> None:
    """A list prints one compact object per line (fast C encoder, still diffable); other data indented."""
    if isinstance(data, list):
        write_json_lines([_COMPACT(item) for item in data])
        return
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def tag_text(decision: Decision) -> tuple[str, str]:
    choice = decision.choice.value if decision.choice else "untagged"
    door = decision.door.value if decision.door else "untagged"
    return choice, door


def table(rows: list[list[str]], headers: list[str], max_widths: dict[int, int] | None = None,
          paint_columns: tuple[int, ...] = ()) -> str:
    """A plain, aligned text table (stable and greppable).

    `paint_columns` are the columns whose words (statuses, tags) are painted;
    the caller passes them only on a terminal.  Padding is computed on the plain text.
    """
    max_widths = max_widths or {}
    cells = [headers] + rows
    widths = []
    for col in range(len(headers)):
        width = max(len(r[col]) for r in cells)
        widths.append(min(width, max_widths.get(col, width)))
    out = []
    for n, r in enumerate(cells):
        parts = []
        for col, value in enumerate(r):
            if len(value) > widths[col]:
                value = value[: widths[col] - 1] + "…"
            padded = value.ljust(widths[col]) if col < len(r) - 1 else value
            if n and col in paint_columns:
                padded = paint(value, value) + padded[len(value):]
            parts.append(padded)
        out.append("  ".join(parts).rstrip())
    return "\n".join(out)


# ---- colour on a terminal ------------------------------------------------------------
# Status and severity stand out on a terminal; piped output, NO_COLOR (https://no-color.org)
# and TERM=dumb get plain text, so scripts and greps never see escape codes.

_SGR = {
    "accepted": "32", "proposed": "33", "rejected": "31", "deprecated": "2", "superseded": "2", "unknown": "35",
    "error": "1;31", "warning": "33", "note": "36",
    "deliberate": "1", "arbitrary": "36", "one-way": "1;35", "two-way": "36", "untagged": "33",
}


def use_colour(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def paint(text: str, key: str, enabled: bool = True) -> str:
    """`text` in the colour of `key` (a status, severity or tag word); unchanged when disabled or unknown."""
    code = _SGR.get(key)
    return f"\x1b[{code}m{text}\x1b[0m" if enabled and code and text else text


_FINDING = re.compile(r"^(|\S.*?: )(error|warning|note)(?=[: ])", re.MULTILINE)


def paint_findings(text: str, enabled: bool) -> str:
    """The severity word of each finding line (`path:line: error rule: ...`, `error: ...`) in its colour."""
    if not enabled:
        return text
    return _FINDING.sub(lambda m: m.group(1) + paint(m.group(2), m.group(2)), text)


# ---- GitHub Actions workflow commands -----------------------------------------------------

_GITHUB_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def github_annotation(severity: str, file: str, line: int | None, title: str, message: str) -> str:
    """`::error file=...,line=...,title=...::message`, escaped as the runner reads workflow commands."""
    def data(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(value: str) -> str:
        return data(value).replace(":", "%3A").replace(",", "%2C")

    props = [f"file={prop(file)}"] + ([f"line={line}"] if line else []) + [f"title={prop(title)}"]
    return f"::{_GITHUB_COMMAND.get(severity, 'notice')} {','.join(props)}::{data(message)}"


def git_prefix(repo) -> str:
    """Where the repository's root is inside its git work tree ("" or "sub/dir/"), for annotations."""
    from adrtool.config import git_root

    top = git_root(repo.root.resolve())
    if top is None or top == repo.root.resolve():
        return ""
    return repo.root.resolve().relative_to(top).as_posix() + "/"

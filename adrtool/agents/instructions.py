"""The AGENTS.md section `adrtool init --agents` writes: how a coding agent asks adrtool first.

The section lives between two markers.  Run again, only the text between
them is replaced; everything the user wrote outside them stays byte for
byte.  Paths in it are repository-relative and nothing in it depends on the
machine (no absolute paths, no user names), so it can be committed.
"""

from __future__ import annotations

import re

from adrtool.authoring.changes import Change

FILE = "AGENTS.md"
START = "<!-- adrtool-agents: written by `adrtool init --agents`; edit outside these markers -->"
END = "<!-- adrtool-agents-end -->"
_START = re.compile(r"<!--\s*adrtool-agents\b(?!-end)[^>]*-->")
_END = re.compile(r"<!--\s*adrtool-agents-end\s*-->")


def section(dirs: list[str], design_dirs: list[str]) -> str:
    """The section's text (without the markers), for decision folders `dirs` and design folders."""
    where = ", ".join(f"`{d}/`" for d in dirs) or "`decisions/`"
    inline = f" and as one-line inline decisions in the design documents of {', '.join(f'`{d}/`' for d in design_dirs)}" \
        if design_dirs else " and as one-line inline decisions in design documents"
    return f"""## Design decisions (adrtool)

This repository records its design decisions with adrtool: as records in {where}{inline}.
Each is tagged **deliberate or arbitrary** and **one-way or two-way door**.

Before changing a file, ask which decisions govern it:

    adrtool governs path/to/file          # or, for everything this branch changes: adrtool governs --changed

- **deliberate, one-way**: read it first (`adrtool show ID`) and engage with its reasoning; a change
  against it needs a new decision that supersedes it (`adrtool new "Title" --supersedes ID`).
- **arbitrary, two-way**: free to change when there is better data; say so in the record.
- **untagged**: treat it as deliberate and one-way.

An MCP client gets the same answers from `adrtool mcp` (tools `decisions_for_paths`,
`show_decision`, `search_decisions`, `review_change`).

To record a small, reversible choice, add one line to the design document you are working in:

    - Decision (arbitrary, two-way): Flush the buffer every 100 ms; revisit with production latency data.

A one-way door needs real reasoning in a record: `adrtool new "Title" --choice deliberate --door one-way`,
or `adrtool promote ID` to turn an inline decision into one. Tag honestly: most choices are two-way
doors. Check the decisions your change touches with `adrtool review --worktree`.
"""


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def update(before: str | None, body: str) -> str:
    """The AGENTS.md text with the section set: replaced between the markers, else appended."""
    nl = _newline(before or "")
    block = START + nl + nl + body.rstrip("\n").replace("\n", nl) + nl + nl + END
    if not before:
        return block + nl
    start = _START.search(before)
    end = _END.search(before, start.end()) if start else None
    if start and end:
        return before[: start.start()] + block + before[end.end():]
    gap = "" if before.endswith(nl + nl) else (nl if before.endswith(nl) else nl + nl)
    return before + gap + block + nl


def plan(before: str | None, dirs: list[str], design_dirs: list[str]) -> list[Change]:
    """The change to AGENTS.md, or none when the section is already current."""
    after = update(before, section(dirs, design_dirs))
    return [] if after == before else [Change(FILE, before, after)]

"""A front-matter `statusHistory` list: a status log kept in YAML above a Markdown record.

    ---
    title: Architecture and Design Patterns
    statusHistory:
    - status: decided
      date: 2023-07-24
    - status: superseded
      date: 2024-02-16
    ---

(Letterbook/Letterbook 419ac4885881 Letterbook.Docs/_adr/02-architecture-design-patterns.md.)  As any status log, its
last entry that is a status counts, and its first entry dates the record when no Date line does.
Writing a status appends an entry in the list's own style; nothing else in the file changes.
"""

from __future__ import annotations

import re

from adrtool import frontmatter, vocabulary
from adrtool.model import Status

KEY = "statusHistory"
_ENTRY = re.compile(r"^(\s*)-(\s+)status:\s*(.*?)\s*$")


def read(log: object) -> tuple[str | None, str | None]:
    """(the status word of the last entry that is a status, the first entry's date) of a parsed log."""
    if log.__class__ is not list:
        return None, None
    entries = [e for e in log if e.__class__ is dict]
    status = next((e["status"] for e in reversed(entries) if e.get("status").__class__ is str
                   and vocabulary.status_entry(e["status"])[0] is not Status.UNKNOWN), None)
    first_date = next((str(e["date"]) for e in entries if e.get("date")), None)
    return status, first_date


def entry_lines(lines: list[str]) -> list[int]:
    """Indexes of the log's `- status:` lines inside the front matter."""
    end = frontmatter.find_block(lines)
    if end is None:
        return []
    start = next((i for i in range(1, end) if lines[i].startswith(KEY + ":")), None)
    if start is None:
        return []
    found = []
    for i in range(start + 1, end):
        if lines[i][:1] not in (" ", "-", "\t") and lines[i].strip():
            break  # the next top-level key: the log has ended
        if _ENTRY.match(lines[i]):
            found.append(i)
    return found


def holds_log(text: str) -> bool:
    return text.find(KEY + ":") >= 0 and bool(entry_lines(text.splitlines(keepends=True)))


def append(text: str, value: object | None, today: str | None = None) -> str:
    """The text with a new `- status:` entry (dated today) after the log's last entry.

    Clearing the status is refused: an entry cannot be removed from a history without losing it.
    """
    from datetime import date as _date

    from adrtool.errors import StoreError

    if value is None:
        raise StoreError(f"the status is kept in a front-matter {KEY} log; a log entry is not removed: "
                         "set a new status instead")
    lines = text.splitlines(keepends=True)
    entries = entry_lines(lines)
    last = entries[-1]
    end = frontmatter.find_block(lines)
    after = next((i for i in range(last + 1, end) if not lines[i].startswith((" ", "\t")) or not lines[i].strip()),
                 end)  # the first line past the last entry's keys
    indent, gap, written = _ENTRY.match(lines[last]).groups()
    if written.islower():
        value = str(value).lower()  # in the log's own style (`decided`, `superseded`)
    nl = lines[last][len(lines[last].rstrip("\r\n")):] or "\n"
    entry = [f"{indent}-{gap}status: {value}{nl}"]
    if any(lines[i].lstrip().startswith("date:") for i in range(last, after)):
        entry.append(f"{indent} {gap}date: {today or _date.today().isoformat()}{nl}")
    lines[after:after] = entry
    return "".join(lines)

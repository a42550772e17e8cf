"""Looking decisions up by what a user or a link calls them: the tables `Repository.find` reads, and the
tests of a path or a reference that both the full load and `store_lazy` use (so the two agree)."""

from __future__ import annotations

import posixpath
import re

from adrtool import record_names
from adrtool.model import Decision, Kind


def prefix_key(ref: str) -> str | tuple[str, str] | None:
    """What `resolve` compares the start of ids and stems with (`str.startswith` takes either), or None when too short."""
    key = ref.strip().lower()
    if re.fullmatch(r"(19|20)\d\d-\d\d-\d\d", key):
        # A log4brains stem starts with its date without dashes, a `2025-09-04-x.md` one with them.
        return key.replace("-", ""), key
    return key if len(key) >= 2 else None


def names_file(ref: str):
    """A test of a path: whether `ref` names that file (its path, name, stem or number)."""
    wanted = ref.strip().lower()
    m = re.fullmatch(r"(?:adr)?[-_ #]*0*(\d{1,5})", wanted)
    number = int(m.group(1)) if m else None

    def names(path: str) -> bool:
        name = path.rsplit("/", 1)[-1]
        stem = name.rsplit(".", 1)[0].lower()
        return wanted in (path.lower(), name.lower(), stem) or (number is not None and record_names.file_number(stem) == number)

    return names


def link_paths(source_path: str, clean: str) -> tuple[str, ...]:
    """The repository paths a link written as `clean` (no anchor) in `source_path` can name, if it names a file."""
    if not (clean.endswith((".md", ".rst")) or "/" in clean):
        return ()
    # posixpath on strings: `list --json` resolves every link, and a Path per link costs more.
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), clean))
    return (joined,) if clean.endswith((".md", ".rst")) else (joined + ".rst", joined + ".md")


class Tables(dict):
    """name -> {key: [decisions]} for `Repository.find`, made on first use.

    Resolving links by file name, id or number (what `list --json` does for every
    link) needs the path, id and number tables, made in one pass; the others
    (names, stems, RST labels, inline ids) only when a lookup gets that far.
    """

    def __init__(self, decisions: list[Decision]):
        super().__init__()
        self.decisions = decisions

    def __missing__(self, name: str) -> dict:
        record = Kind.RECORD
        if name in ("path", "id", "number"):
            paths: dict = {}
            ids: dict = {}
            numbers: dict = {}
            for d in self.decisions:
                ids.setdefault(d.id, []).append(d)
                if d.kind is record:
                    paths.setdefault(d.path, []).append(d)
                    if d.number is not None:
                        numbers.setdefault(d.number, []).append(d)
            self.update(path=paths, id=ids, number=numbers)
            return self[name]
        table: dict = {}
        for d in self.decisions:
            if d.kind is not record:
                if name == "inline":
                    table.setdefault(d.id.lower(), []).append(d)
            elif name == "inline":
                if d.inline_id:  # promoted from an inline decision: its old id still finds it
                    table.setdefault(d.inline_id.lower(), []).append(d)
            elif name == "name":
                table.setdefault(d.path[d.path.rfind("/") + 1 :], []).append(d)
            elif name == "stem":
                table.setdefault(d.stem, []).append(d)
            elif name == "label":
                for label in d.labels:
                    table.setdefault(label.lower(), []).append(d)
            elif name != "inline":
                raise KeyError(name)
        self[name] = table
        return table

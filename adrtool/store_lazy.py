"""A repository read in full and parsed on demand, for the commands that write one or two records.

`status`, `supersede`, `renumber` and `new` read every file (as `store.load` does: no cache, no
index file) but need only a few of them parsed: the records a reference names, the links along a
supersession chain, the files that mention a renumbered record.  Parsing is about 40 us a file and
most of a full load, so `LazyRepository` parses a file only when a question needs it:

- a lookup (`find`, `resolve`, `resolve_link`) parses the files that can hold an entry of the table
  it reads, known from the file's path (its name, stem and number: a record's id and number come from
  its file name whenever the name carries one) or from a substring test of its text (explicit inline
  ids, `inline-id` keys); files whose id or number the path cannot tell (no number or date in the name,
  RST in a decision folder) are parsed at the first lookup that needs ids;
- the questions a write asks of all records (`numbered`, `record_at`, `first_record`,
  `used_numbers`, `highest_numbered`) parse only the files that can change their answer;
- which dialect leads (`leading_dialects`, for `new`) is settled by the readers' first steps where
  they are sure (`store_dialects`);
- anything else (`decisions`, `records`, `problems`, `documents`, ...) parses the rest first, so that every other use sees exactly what `store.load` gives.

The answers are those of the full load, in its order (tests/test_lazy_store_differential.py runs every
writing command both ways, `ADRTOOL_EAGER_LOAD=1` being the full load, and compares output and bytes).
"""

from __future__ import annotations

import re
from pathlib import Path

from adrtool import record_names, store
from adrtool.config import Config, discover
from adrtool.model import Decision, Problem, format_id

# An explicit inline id follows "Decision" and blanks (dialects/inline.py `_LINE`'s `id` group is a prefix of
# this token): every file holding one is found by this one search, made once.
_EXPLICIT_ID = re.compile(r"Decision[ \t]+([A-Za-z]{0,12}[-_]?\d[\w.-]*)")


def _dialect_stem(name: str) -> str:
    """The stem the readers number and name a record by (`dialects._stem`)."""
    return name[:-3] if name.lower().endswith(".md") else name.rsplit(".", 1)[0]


def _model_stem(name: str) -> str:
    """`Decision.stem`, from the file name alone."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


class _PathTables(dict):
    """What each file's path says: {table: {key: [file indexes]}}, a table made the first time it is asked for."""

    def __init__(self, rels: list[str], names: list[tuple[str, int | None]]):
        super().__init__()
        self.rels, self.names = rels, names

    def __missing__(self, table: str) -> dict:
        out: dict = {}
        if table in ("id", "number"):
            ids: dict = {}
            for i, (dstem, number) in enumerate(self.names):
                if number is not None:
                    out.setdefault(number, []).append(i)
                    ids.setdefault(format_id(number), []).append(i)
                elif record_names.is_date_stem(dstem):
                    ids.setdefault(dstem, []).append(i)
            self["number"], self["id"] = out, ids
            return self[table]
        for i, rel in enumerate(self.rels):
            name = rel[rel.rfind("/") + 1:]
            key = name if table == "name" else _model_stem(name) if table == "stem" else self.names[i][0]
            out.setdefault(key, []).append(i)
        self[table] = out
        return out


class LazyRepository(store.Repository):
    """`store.Repository` whose files are all read at load and parsed when a question needs them."""

    def __init__(self, config: Config):  # (not the dataclass's: decisions, problems and documents are views here)
        self.config = config
        self.texts: dict[str, str] = {}
        self.files: list[str] = []
        self._walk_problems: list[Problem] = []
        self._rels: list[str] = []
        self._in_dir: list[bool] = []
        self._text: list[str | None] = []
        self._parsed: list[tuple | None] = []  # per file: (record, inline, problem) once parsed
        self._slot: dict[str, int] = {}
        self._names: list[tuple[str, int | None]] = []  # per file: (dialect stem, the number its name carries)
        self._uncertain: list[int] = []  # files whose records' ids and numbers the path cannot tell
        self._uncertain_done = False
        self._by: dict | None = None
        self._tokens: list[tuple[str, int]] | None = None
        self._inline_key: list[int] | None = None
        self._version = 0
        self._view_version = -1
        self._view: store.Repository | None = None
        self._full: store.Repository | None = None  # once everything is parsed: what `store.load` gives
        self._needed: set = set()
        self._legacy: dict = {}  # slot -> the `legacy-encoding` finding of a file not in UTF-8 (`file_encoding`)

    # ---- the views: parsed so far, or everything --------------------------------
    def _assemble(self, every: bool) -> store.Repository:
        out = store.Repository(config=self.config, texts=self.texts, files=self.files)
        out.problems.extend(self._walk_problems)
        for i, rel in enumerate(self._rels):
            if self._parsed[i] is None:
                if not every:
                    continue
                self._parse(i)
            record, inline, problem = self._parsed[i]
            store.add_parsed(out, rel, self._text[i], record, inline, problem, self._in_dir[i])
        return out

    def _everything(self) -> store.Repository:
        if self._full is None:
            self._full = self._assemble(every=True)
        return self._full

    def _partial(self) -> store.Repository:
        if self._full is not None:
            return self._full
        if self._view_version != self._version:
            self._view, self._view_version = self._assemble(every=False), self._version
        return self._view

    decisions = property(lambda self: self._everything().decisions,
                         lambda self, value: setattr(self._everything(), "decisions", value))
    problems = property(lambda self: self._everything().problems,
                        lambda self, value: setattr(self._everything(), "problems", value))
    documents = property(lambda self: self._everything().documents,
                         lambda self, value: setattr(self._everything(), "documents", value))

    def _lookup(self) -> dict:
        return self._partial()._lookup() if self._full is None else super()._lookup()

    def _known_records(self) -> list[Decision]:
        return self._partial().records

    def _known_problems(self) -> list[Problem]:
        return self._partial().problems

    # ---- parsing on demand ---------------------------------------------------------
    def _parse(self, i: int) -> None:
        if self._parsed[i] is None:
            parsed = store.parse_text(self._rels[i], self._text[i], self._in_dir[i], self.config.log4brains)
            legacy = self._legacy.get(i)
            _, record, inline, problem = parsed if legacy is None else store.with_encoding(parsed, legacy)
            if record is not None:
                store.relabel(self.config, record, self._text[i])
            self._parsed[i] = (record, inline, problem)
            self._version += 1

    def _parse_all(self, slots) -> None:
        for i in slots:
            self._parse(i)

    def _record(self, i: int) -> Decision | None:
        self._parse(i)
        return self._parsed[i][0]

    def _index(self) -> dict:
        """name, stem, dialect stem, id or number -> the files whose path says so; each table made on first use."""
        if self._by is None:
            self._by = _PathTables(self._rels, self._names)
        return self._by

    def _ids_from_content(self) -> None:
        """Parse the files whose records may take their number or id from their text (a title, RST)."""
        if not self._uncertain_done:
            self._uncertain_done = True
            self._parse_all(self._uncertain)

    def _explicit_ids(self) -> list[tuple[str, int]]:
        if self._tokens is None:
            self._tokens = [(m.group(1), i) for i, text in enumerate(self._text) if text and "Decision" in text
                            for m in _EXPLICIT_ID.finditer(text)]
        return self._tokens

    def _positional(self, ref: str) -> list[int]:
        """Files whose positional inline ids (`stem#3`, `0012#1`) can be `ref`."""
        prefixes = {ref[:at] for at in range(1, len(ref)) if ref[at] == "#"}
        if not prefixes:
            return []
        by = self._index()
        return [i for prefix in prefixes for table in (by["dstem"], by["id"]) for i in table.get(prefix, ())]

    def _need(self, name: str, key) -> None:
        """Parse every file that can hold an entry `key` of table `name` (see `store.Tables`)."""
        if self._full is not None or (name, key) in self._needed:
            return
        self._needed.add((name, key))
        by = self._index()
        if name in ("path", "name", "stem"):
            if name == "path":
                slot = self._slot.get(key)
                wanted = () if slot is None else (slot,)
            else:
                wanted = by[name].get(key, ())
            self._parse_all(wanted)
            return
        if name == "number":
            self._ids_from_content()
            self._parse_all(by["number"].get(key, ()))
            return
        self._ids_from_content()
        if name == "label":
            return  # RST labels: RST records are among the files parsed above
        if name == "id":
            self._parse_all(by["id"].get(key, ()))
            self._parse_all(i for token, i in self._explicit_ids() if token.startswith(key))
            self._parse_all(self._positional(key))
            return
        if not key.isascii():
            self._everything()  # (case folding beyond ASCII is not a substring test)
            return
        # "inline": ids compared in lower case, and records promoted from an inline decision (`inline-id`)
        self._parse_all(i for token, i in self._explicit_ids() if token.lower().startswith(key))
        self._parse_all(self._positional_lower(key))
        if self._inline_key is None:
            self._inline_key = [i for i, text in enumerate(self._text) if text and "inline" in text.lower()]
        self._parse_all(self._inline_key)

    def _positional_lower(self, key: str) -> list[int]:
        prefixes = {key[:at] for at in range(1, len(key)) if key[at] == "#"}
        if not prefixes:
            return []
        out = []
        for i, (dstem, number) in enumerate(self._names):
            own = format_id(number) if number is not None else dstem
            if dstem.lower() in prefixes or own.lower() in prefixes:
                out.append(i)
        return out

    def _table(self, name: str, key):
        self._need(name, key)
        return super()._table(name, key)

    def _by_prefix(self, ref: str) -> list[Decision]:
        key = store.prefix_key(ref)
        if key is not None and self._full is None:
            self._ids_from_content()
            by = self._index()
            self._parse_all(i for stems in (by["stem"], by["id"]) for k, slots in stems.items()
                            if k.lower().startswith(key) for i in slots)
        return super()._by_prefix(ref)

    def _explain_unread(self, ref: str) -> None:
        if self._full is None:
            names = store.names_file(ref)
            self._parse_all(i for i, rel in enumerate(self._rels) if names(rel))
        super()._explain_unread(ref)

    # ---- the questions a write asks of all records -----------------------------------
    def numbered(self, number: int) -> list[Decision]:
        if self._full is not None:
            return super().numbered(number)
        self._need("number", number)
        return [d for d in self._partial().records if d.number == number]

    def record_at(self, rel: str) -> Decision | None:
        if self._full is not None:
            return super().record_at(rel)
        slot = self._slot.get(rel)
        return None if slot is None else self._record(slot)

    def first_record(self, dialect: str | None = None, where=None) -> Decision | None:
        if self._full is not None:
            return super().first_record(dialect, where)
        for i, rel in enumerate(self._rels):
            if self._text[i] is None or (where is not None and not where(rel)):
                continue
            record = self._record(i)
            if record is not None and (dialect is None or record.dialect == dialect):
                return record
        return None

    def leading_dialects(self) -> list[str]:
        if self._full is None:
            from adrtool import store_dialects

            found = store_dialects.leader(self)
            if found is not None:
                return [found]
        return super().leading_dialects()

    def used_numbers(self) -> set[int]:
        if self._full is not None:
            return super().used_numbers()
        # A file whose name carries a number holds that number, as a record or not; any other file's
        # record takes its number from its text.
        self._ids_from_content()
        kept = set(self.files)
        numbers = {n for n, slots in self._index()["number"].items() if any(self._rels[i] in kept for i in slots)}
        numbers.update(d.number for d in self._partial().records if d.number is not None)
        return numbers

    def highest_numbered(self, count: int) -> list[Decision]:
        if self._full is not None:
            return super().highest_numbered(count)
        self._ids_from_content()
        # Every file that can hold a numbered record, by (number, order read): from the top until `count` are records.
        ranked = sorted((n, i) for n, slots in self._index()["number"].items() for i in slots)
        ranked += [(d.number, self._slot[d.path]) for d in self._partial().records
                   if d.number is not None and self._names[self._slot[d.path]][1] is None]
        ranked.sort()
        found: list[Decision] = []
        for _, i in reversed(ranked):
            record = self._record(i)
            if record is not None and record.number is not None:
                found.append(record)
                if len(found) == count:
                    break
        return sorted(found, key=lambda d: (d.number, self._slot[d.path]))


def load(start: Path | None = None, dirs: list[str] | None = None, config: Config | None = None) -> LazyRepository:
    """Read every file of the repository around `start`, as `store.load` does, and parse none yet."""
    cfg = config or discover(start, dirs)
    repo = LazyRepository(cfg)
    items = store.decision_files(cfg, repo._walk_problems)
    for i, (path, rel, in_dir) in enumerate(items):
        try:
            data = store._read_bytes(path)
        except OSError as exc:
            text, problem = None, Problem(rel, f"cannot read: {exc.strerror}", code="unreadable")
        else:
            text, problem = store.decode_file(rel, data)
        if store.keeps_file(text, problem):
            repo.files.append(rel)
        name = rel.rsplit("/", 1)[-1]
        stem = _dialect_stem(name)
        number = record_names.file_number(stem)
        repo._rels.append(rel)
        repo._in_dir.append(in_dir)
        repo._text.append(text)
        repo._names.append((stem, number))
        repo._slot[rel] = i
        if text is None:
            repo._parsed.append((None, [], problem))
            continue
        repo.texts[rel] = text
        repo._parsed.append(None)
        if problem is not None:  # (a file read in a legacy encoding: its finding, for when it is parsed)
            repo._legacy[i] = problem
        if name[-4:].lower() == ".rst":
            uncertain = in_dir
        else:
            may_have_front_matter = text.lstrip("\ufeff").startswith(("---", "<!--"))
            uncertain = (in_dir or may_have_front_matter) and number is None and not record_names.is_date_stem(stem)
        if uncertain:
            repo._uncertain.append(i)
    return repo

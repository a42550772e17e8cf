"""The decision model: plain dataclasses shared by every layer.

Data flows one way: files -> dialects -> these objects -> review, digest, ai, tui.
Nothing here reads or writes files; `adrtool.store` does that.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _json_str  # (the C encoder's string quoting, ensure_ascii=False)


class Choice(str, enum.Enum):
    """How much thought went into a decision."""

    DELIBERATE = "deliberate"
    ARBITRARY = "arbitrary"

    def __str__(self) -> str:
        return self.value


class Door(str, enum.Enum):
    """How expensive a decision is to undo."""

    ONE_WAY = "one-way"
    TWO_WAY = "two-way"

    def __str__(self) -> str:
        return self.value


class Status(str, enum.Enum):
    """The normalized status category; the text as written is kept in `status_raw`."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


class Relation(str, enum.Enum):
    SUPERSEDES = "supersedes"
    SUPERSEDED_BY = "superseded-by"
    AMENDS = "amends"
    AMENDED_BY = "amended-by"
    RELATES_TO = "relates-to"

    def __str__(self) -> str:
        return self.value

    @property
    def reverse(self) -> "Relation":
        return _REVERSE[self]


_REVERSE = {
    Relation.SUPERSEDES: Relation.SUPERSEDED_BY,
    Relation.SUPERSEDED_BY: Relation.SUPERSEDES,
    Relation.AMENDS: Relation.AMENDED_BY,
    Relation.AMENDED_BY: Relation.AMENDS,
    Relation.RELATES_TO: Relation.RELATES_TO,
}


@dataclass(frozen=True)
class Link:
    """A typed link to another decision, as written in the file.

    `target` is the reference as written (an id, a number, or a file name);
    `store.Repository.resolve` turns it into a decision.
    """

    relation: Relation
    target: str
    line: int | None = None


@dataclass(frozen=True)
class Problem:
    """Something wrong found while reading (or linting) a file."""

    path: str
    message: str
    line: int | None = None
    code: str = "parse-error"
    severity: str = "error"  # error | warning | note

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class Kind(str, enum.Enum):
    RECORD = "record"
    INLINE = "inline"
    # A file in a decision folder that is no decision (a how-to, an index): listed, never counted or reviewed.
    DOCUMENT = "document"

    def __str__(self) -> str:
        return self.value


@dataclass
class Decision:
    """One design decision: a record file, or one line inside a design document.

    `choice` and `door` are None when the decision is untagged; the tool says
    so rather than guessing.
    """

    id: str
    title: str
    path: str  # repository-relative, POSIX separators
    kind: Kind = Kind.RECORD
    dialect: str = "native"
    number: int | None = None
    status: Status = Status.UNKNOWN
    status_raw: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd when it could be read, else as written
    decision_makers: list[str] = field(default_factory=list)
    choice: Choice | None = None
    door: Door | None = None
    revisit: str | None = None
    tags: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    governs: list[str] = field(default_factory=list)
    body: str = ""
    problems: list[Problem] = field(default_factory=list)
    line: int | None = None  # inline decisions: the line in the design document
    inline_id: str | None = None  # a record promoted from an inline decision: the id it had (still finds it)
    # Line numbers of metadata fields in the file (1-based), for findings.
    field_lines: dict[str, int] = field(default_factory=dict)
    # Other names links may use for this record (RST `.. _ADR-2:` targets above its title); a tuple,
    # so that the many records without any share one empty value.
    labels: tuple[str, ...] = ()
    encoding: str | None = None  # a file that is not UTF-8: the encoding it was read in (`file_encoding`)

    # ---- derived views -------------------------------------------------
    def linked(self, relation: Relation) -> list[str]:
        return [link.target for link in self.links if link.relation is relation]

    @property
    def supersedes(self) -> list[str]:
        return self.linked(Relation.SUPERSEDES)

    @property
    def superseded_by(self) -> list[str]:
        return self.linked(Relation.SUPERSEDED_BY)

    @property
    def is_tagged(self) -> bool:
        return self.choice is not None and self.door is not None

    @property
    def stem(self) -> str:
        """The file name without its extension (as PurePosixPath.stem, without building one)."""
        name = self.path.rsplit("/", 1)[-1]
        dot = name.rfind(".")
        return name[:dot] if 0 < dot < len(name) - 1 else name

    @property
    def quadrant(self) -> str:
        """'deliberate/one-way', ..., or 'untagged' when either tag is missing."""
        if not self.is_tagged:
            return "untagged"
        return f"{self.choice.value}/{self.door.value}"

    def to_json(self, link_ids: list[str | None] | None = None) -> dict:
        """The stable JSON contract documented in the README.

        `link_ids` holds, for each of `links`, the id of the decision it resolves
        to (or None); `store.Repository.link_ids` computes it.  Called once per
        decision by `list --json` (12,000 times at 10,000 records), so it reads
        each enum's `_value_` directly (`.value` is a descriptor call) and walks
        the links only when there are some.
        """
        links = self.links
        if links:
            ids = link_ids if link_ids is not None else [None] * len(links)
            supersedes = [i or l.target for l, i in zip(links, ids) if l.relation is Relation.SUPERSEDES]
            superseded_by = [i or l.target for l, i in zip(links, ids) if l.relation is Relation.SUPERSEDED_BY]
            link_items = [{"relation": l.relation._value_, "target": l.target, "id": i} for l, i in zip(links, ids)]
        else:
            supersedes, superseded_by, link_items = [], [], []
        choice, door = self.choice, self.door
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "status": self.status._value_,
            "status_raw": self.status_raw,
            "choice": choice._value_ if choice is not None else None,
            "door": door._value_ if door is not None else None,
            "date": self.date,
            "path": self.path,
            "line": self.line,
            "kind": self.kind._value_,
            "dialect": self.dialect,
            "decision_makers": list(self.decision_makers),
            "tags": list(self.tags),
            "supersedes": supersedes,
            "superseded_by": superseded_by,
            "links": link_items,
            "revisit": self.revisit,
            "references": list(self.references),
            "governs": list(self.governs),
            "inline_id": self.inline_id,
            "problems": [str(p) for p in self.problems] if self.problems else [],
        }


def _json_list(values) -> str:
    return "[" + ", ".join(map(_json_str, values)) + "]" if values else "[]"


def _json_or_null(value: str | None) -> str:
    return "null" if value is None else _json_str(value)


def _json_int(value: int | None) -> str:
    return "null" if value is None else int.__repr__(value)


def json_line(decision: Decision, link_ids: list[str | None] | None = None) -> str:
    """`decision.to_json(link_ids)` as the compact JSON text `json.dumps(..., ensure_ascii=False)` gives.

    The same bytes, written directly: `list --json` prints 12,000 of these at 10,000
    records, and building each dict only to encode it took twice as long (issue 14).
    `tests/test_json_line.py` checks both agree on every decision of every dialect.
    """
    head, tail = json_halves(decision)
    links = decision.links
    if not links:
        return head + _NO_LINKS + tail
    return head + json_link_fields([(l.relation._value_, l.target) for l in links], link_ids) + tail


_NO_LINKS = '"supersedes": [], "superseded_by": [], "links": []'


def json_halves(decision: Decision) -> tuple[str, str]:
    """`json_line`'s text before and after its three link fields, which alone need the other decisions.

    `store_listing` writes these where the decision was parsed (in the forked child for half
    of them) and sends only them and the links as written to where the links are resolved.
    """
    d = decision
    # Each optional field tested here, not in a helper: most are null or empty, and a Python call a
    # field (fifteen a decision) cost more than the rest of this function (issue 14).
    choice, door, number, status_raw, date, line = d.choice, d.door, d.number, d.status_raw, d.date, d.line
    makers, tags, revisit, references, governs, inline_id = (d.decision_makers, d.tags, d.revisit, d.references,
                                                             d.governs, d.inline_id)
    head = (
        f'{{"id": {_json_str(d.id)}, "number": {"null" if number is None else int.__repr__(number)}, '
        f'"title": {_json_str(d.title)}, "status": "{d.status._value_}", '
        f'"status_raw": {"null" if status_raw is None else _json_str(status_raw)}, '
        f'"choice": {"null" if choice is None else _json_str(choice._value_)}, '
        f'"door": {"null" if door is None else _json_str(door._value_)}, '
        f'"date": {"null" if date is None else _json_str(date)}, "path": {_json_str(d.path)}, '
        f'"line": {"null" if line is None else int.__repr__(line)}, '
        f'"kind": "{d.kind._value_}", "dialect": {_json_str(d.dialect)}, '
        f'"decision_makers": {_json_list(makers) if makers else "[]"}, "tags": {_json_list(tags) if tags else "[]"}, '
    )
    tail = (
        f', "revisit": {"null" if revisit is None else _json_str(revisit)}, '
        f'"references": {_json_list(references) if references else "[]"}, '
        f'"governs": {_json_list(governs) if governs else "[]"}, '
        f'"inline_id": {"null" if inline_id is None else _json_str(inline_id)}, '
        f'"problems": {_json_list([str(p) for p in d.problems]) if d.problems else "[]"}}}'
    )
    return head, tail


def json_link_fields(links: list[tuple[str, str]], link_ids: list[str | None] | None) -> str:
    """The `supersedes`, `superseded_by` and `links` fields of `json_line` for (relation value, target) pairs."""
    ids = link_ids if link_ids is not None else [None] * len(links)
    pairs = list(zip(links, ids))
    supersedes = _json_list([i or target for (rel, target), i in pairs if rel == "supersedes"])
    superseded_by = _json_list([i or target for (rel, target), i in pairs if rel == "superseded-by"])
    items = ", ".join(f'{{"relation": "{rel}", "target": {_json_str(target)}, "id": {_json_or_null(i)}}}'
                      for (rel, target), i in pairs)
    return f'"supersedes": {supersedes}, "superseded_by": {superseded_by}, "links": [{items}]'


JSON_KEYS = frozenset(("id", "number", "title", "status", "status_raw", "choice", "door", "date", "path", "line",
                       "kind", "dialect", "decision_makers", "tags", "supersedes", "superseded_by", "links", "revisit",
                       "references", "governs", "inline_id", "problems"))


def _body(self: Decision) -> str:
    body = self._body
    if body.__class__ is str:
        return body
    text, start = body
    return text[start:]


def _set_body(self: Decision, value: str) -> None:
    self._body = value


# `body` stays a field (the constructor takes it, equality and repr see it), read through a
# property: a record's body is the tail of its file's text, which the store keeps anyway, so a
# record holds that text and an offset (`defer_body`) instead of a second copy of it (23 MB of
# the 10,000-record bench repository, and the join that made it).
Decision.body = property(_body, _set_body, doc="The text below the record's title (the line itself, inline).")


def defer_body(decision: Decision, text: str, start: int) -> None:
    """Make `decision.body` read `text[start:]` when asked, without copying it now."""
    decision._body = (text, start) if start else text


def format_id(number: int) -> str:
    """The canonical id of a numbered record: four digits, as adr-tools writes them."""
    return f"{number:04d}"

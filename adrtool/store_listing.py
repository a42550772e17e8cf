"""`list --json --no-estimates` from the files: each decision written as its JSON text as soon as it
is parsed, and only that text and its names kept.

`store.load` builds the whole repository, and at 10,000 records half of its `Decision` objects come
back pickled from the forked child (`parallel.map_in_two`) while the parent waits; `list --json`
then only turns each decision into one line of JSON, and only a record's links need the other
decisions (for the id each resolves to).  Here each decision is written as JSON text where it is
parsed (`model.json_line`), in the child for half of them, and what is kept of it, in both
processes, is that text, its names (`Named`: what `store_lookup.Tables` and `Repository.find` read)
and, for a decision with links, the text around its link fields (`model.json_halves`) and its links
as written: strings and tuples, which pickle in C, and the `Decision` and its file's text are freed
at once.  The parent resolves every link against all the names, as `Repository.link_ids` does, and
yields the same lines in the same order as `list --json --no-estimates` over a full load
(`bench/same_list.py`, `tests/test_store_listing.py`).  Inline decision in `docs/design/store.md`.
"""

from __future__ import annotations

from typing import NamedTuple

from adrtool import store
from adrtool.config import Config
from adrtool.model import Decision, Kind, json_halves, json_line, json_link_fields


class Named(NamedTuple):
    """What the lookup tables read of a decision: its names, nothing else."""

    id: str
    kind: Kind
    path: str
    number: int | None
    inline_id: str | None
    labels: tuple[str, ...]

    stem = Decision.stem


# One in every KEEP files of the child's half is parsed here instead: the child also pickles what it
# sends, and with even halves this process waited for it about 3% of its parse (0.076 of 2.63 billion
# instructions, valgrind's counts at 10,000 records; one in 25 overshot to the other side).
KEEP = 50
_named = tuple.__new__  # (a Named from its fields' tuple without a Python call)


class Listing:
    """The JSON lines of `list --json --no-estimates` in their order, and what that command says on stderr."""

    def __init__(self, config: Config):
        self.config = config
        self.problems: list = []  # the files that could not be read, as `store.Repository.problems`
        self.record_problems: list[str] = []  # records' front-matter problems, said after them
        # Each decision's JSON text, or (its Named, (head, tail, links)) for one with links.
        self.lines: list = []
        self.documents: list[str] = []  # listed after every decision
        self.named: list[Named] = []  # every decision's names, in the order read

    def json_lines(self):
        """Every line in order, each link's id resolved as `Repository.link_ids` resolves it."""
        repo = _NamesOnly(config=self.config, decisions=self.named)
        resolve = repo.resolve_link
        for line in self.lines:
            if line.__class__ is str:
                yield line
            else:
                source, (head, tail, links) = line
                ids = []
                for _, target in links:
                    found = resolve(source, target)
                    ids.append(found.id if found is not None else None)
                yield head + json_link_fields(links, ids) + tail
        yield from self.documents


class _NamesOnly(store.Repository):
    """The repository `json_lines` resolves links in: every decision by its names only."""

    def _in_full(self, decision):
        # A renumbered link is confirmed by what the other record says (`Repository._renumbered`): rare
        # (a link to an absent file whose number names another record), so that one file is read again.
        if isinstance(decision, Decision):
            return decision
        _, _, record, inline, _ = next(iter(store.read_and_parse_each(
            [(str(self.config.root / decision.path), decision.path, True)], self.config.log4brains)))
        return next((d for d in [record, *inline] if d is not None and d.id == decision.id), None)


def load(config: Config, estimates: bool = False) -> Listing:
    """Every file of the repository read and parsed (half in a forked child, as `store.load`), as JSON text.

    With `estimates`, each untagged decision's estimated tags are added to its line where it is parsed,
    while its `Decision` and its file's text are at hand (`list --json`): the same bytes as estimating
    after a full load (`reasoning.estimate.estimate_all`), in one pass and one fork instead of two.
    """
    listing = Listing(config)
    items = store.decision_files(config, listing.problems)
    lines, named, documents, said = listing.lines, listing.named, listing.documents, listing.record_problems
    estimated = _estimator() if estimates else None  # (imported here, before the fork)
    parsed = store.in_two(lambda part: _listed(config, part, estimated), items, keep=KEEP, light=True)
    for problem, document, record_problems, decisions in parsed:
        if problem is not None:
            listing.problems.append(problem)
        elif document is not None:
            documents.append(document)
        if record_problems:
            said.extend(record_problems)
        for names, written in decisions:
            decision = _named(Named, names)
            named.append(decision)
            lines.append(written if written.__class__ is str else (decision, written))
    return listing


def _estimator():
    """`fields(decision, file_text)`: the estimates' JSON fields of `list --json` (`estimate_all(as_json=True)`)."""
    from adrtool.reasoning.estimate import NO_ESTIMATE_JSON, _fields_json

    def fields(d: Decision, text: str) -> str:
        if d.choice is not None and d.door is not None:
            return NO_ESTIMATE_JSON
        return _fields_json(d, _OneFile(text))
    return fields


class _OneFile:
    """The one file a decision was parsed from, where the estimates ask a repository for its text."""

    __slots__ = ("_text",)

    def __init__(self, text: str):
        self._text = text

    def text(self, _decision) -> str:
        return self._text


def _with_fields(line: str, fields: str | None) -> str:
    """A decision's JSON object with the estimates' fields after its own (as `dict.update` places them)."""
    return line if fields is None else line[:-1] + ", " + fields[1:]


def _listed(cfg: Config, part: list[tuple[str, str, bool]], estimated=None) -> list[tuple]:
    """(problem, document's line, the record's front-matter problems, decisions) for each file of `part`,
    as `store.load` would add them: each decision as (the fields of its Named, `_written(decision)`)."""
    out = []
    parsed = store.read_and_parse_each(part, cfg.log4brains)
    for (_, _, in_decision_dir), (rel, text, record, inline, problem) in zip(part, parsed):
        document = said = None
        if record is None:
            if not inline and problem is None and in_decision_dir:
                doc = store.document(rel, text)
                document = _with_fields(json_line(doc), estimated and estimated(doc, text))
            found = inline
        else:
            store.relabel(cfg, record, text)
            if record.problems:
                said = [str(p) for p in record.problems if p.code == "front-matter"]
            found = [record, *inline]
        out.append((problem, document, said,
                    [((d.id, d.kind, d.path, d.number, d.inline_id, d.labels),
                      _written(d, estimated and estimated(d, text))) for d in found]))
    return out


def _written(d: Decision, fields: str | None = None):
    """A decision's JSON text, or for one with links the text around its link fields and its links as written
    (with the estimates' `fields` at the end, when given)."""
    if not d.links:
        return _with_fields(json_line(d), fields)
    head, tail = json_halves(d)
    return (head, _with_fields(tail, fields), [(link.relation._value_, link.target) for link in d.links])

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
        repo = store.Repository(config=self.config, decisions=self.named)
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


def load(config: Config) -> Listing:
    """Every file of the repository read and parsed (half in a forked child, as `store.load`), as JSON text."""
    listing = Listing(config)
    items = store.decision_files(config, listing.problems)
    lines, named, documents, said = listing.lines, listing.named, listing.documents, listing.record_problems
    parsed = store.in_two(lambda part: _listed(config, part), items, keep=KEEP, light=True)
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


def _listed(cfg: Config, part: list[tuple[str, str, bool]]) -> list[tuple]:
    """(problem, document's line, the record's front-matter problems, decisions) for each file of `part`,
    as `store.load` would add them: each decision as (the fields of its Named, `_written(decision)`)."""
    out = []
    parsed = store.read_and_parse_each(part, cfg.log4brains)
    for (_, _, in_decision_dir), (rel, text, record, inline, problem) in zip(part, parsed):
        document = said = None
        if record is None:
            if not inline and problem is None and in_decision_dir:
                document = json_line(store.document(rel, text))
            found = inline
        else:
            store.relabel(cfg, record, text)
            if record.problems:
                said = [str(p) for p in record.problems if p.code == "front-matter"]
            found = [record, *inline]
        out.append((problem, document, said,
                    [((d.id, d.kind, d.path, d.number, d.inline_id, d.labels), _written(d)) for d in found]))
    return out


def _written(d: Decision):
    """A decision's JSON text, or for one with links the text around its link fields and its links as written."""
    if not d.links:
        return json_line(d)
    return (*json_halves(d), [(link.relation._value_, link.target) for link in d.links])

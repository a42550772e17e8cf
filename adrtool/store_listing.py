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


# The files go to the two processes in blocks, alternately (as `parallel.map_in_two` deals items), so that
# each block's lines come back as one text: the child pickles a few hundred strings instead of 6,000, and
# this process merges, keeps and writes one piece a block instead of one a file (the serial part after
# the join: 271 -> 198 million instructions at 10,000 records, valgrind).  Blocks of 32 files keep both halves the
# same mix of folders and dialects (a folder holds hundreds); a few files go one at a time, as before.
BLOCK = 32
# One in every KEEP of the child's blocks parsed here instead, were the child's pickling to make it end late: none,
# since it pickles a few hundred texts (its half ended 0.4% before this one's, 2.104 against 2.114 billion).
KEEP = 0
_named = tuple.__new__  # (a Named from its fields' tuple without a Python call)


class Listing:
    """The JSON lines of `list --json --no-estimates` in their order, and what that command says on stderr."""

    def __init__(self, config: Config):
        self.config = config
        self.problems: list = []  # the files that could not be read, as `store.Repository.problems`
        self.record_problems: list[str] = []  # records' front-matter problems, said after them
        # Runs of decisions' JSON lines joined by ",\n" (as `cli.common.write_json_lines` joins them), and
        # (its Named, (head, tail, links)) for a decision with links.
        self.lines: list = []
        self.documents: list[str] = []  # listed after every decision
        self.named: list[Named] = []  # every decision's names, in the order read

    def json_lines(self):
        """Every line in order, each link's id resolved as `Repository.link_ids` resolves it; a run of
        lines without links comes as one text, its lines joined by ",\n" (no JSON line holds a newline)."""
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
    size = _block_size(len(items))
    blocks = [items[i:i + size] for i in range(0, len(items), size)]
    parsed = store.in_two(lambda part: [_listed(config, block, estimated) for block in part], blocks, keep=KEEP,
                          light=True, files=len(items))
    for problems, block_documents, block_said, names, pieces in parsed:
        if problems:
            listing.problems.extend(problems)
        if block_documents:
            documents.extend(block_documents)
        if block_said:
            said.extend(block_said)
        base = len(named)
        named.extend([_named(Named, names) for names in names])
        for piece in pieces:
            lines.append(piece if piece.__class__ is str else (named[base + piece[0]], piece[1]))
    return listing


def _block_size(files: int) -> int:
    """Files a block: BLOCK from 8,192 files, fewer below (one at a time under 512, each half a fair share)."""
    return max(1, min(BLOCK, files // 256))


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


def _listed(cfg: Config, part: list[tuple[str, str, bool]], estimated=None) -> tuple:
    """What `store.load` would add for the files of `part`: (problems, documents' lines, records' front-matter
    problems, each decision's names (the fields of its Named), pieces): a piece is a run of decisions' JSON
    lines joined by ",\n", or (its decision's index in the names, `_written(decision)`) for one with links."""
    problems, documents, said, names, pieces, run = [], [], [], [], [], []
    parsed = store.read_and_parse_each(part, cfg.log4brains)
    for (_, _, in_decision_dir), (rel, text, record, inline, problem) in zip(part, parsed):
        if problem is not None:
            problems.append(problem)
        if record is None:
            if not inline and problem is None and in_decision_dir:
                doc = store.document(rel, text)
                documents.append(_with_fields(json_line(doc), estimated and estimated(doc, text)))
            found = inline
        else:
            store.relabel(cfg, record, text)
            if record.problems:
                said.extend([str(p) for p in record.problems if p.code == "front-matter"])
            found = [record, *inline]
        for d in found:
            names.append((d.id, d.kind, d.path, d.number, d.inline_id, d.labels))
            written = _written(d, estimated and estimated(d, text))
            if written.__class__ is str and written.isascii():
                run.append(written)
                continue
            # A line with links goes alone, to be resolved; so does one with a letter beyond ASCII (one in eight
            # here): joined to a run, it would make the whole run's text wider, and its encoding for stdout three
            # times as slow.
            if run:
                pieces.append(",\n".join(run))
                run = []
            pieces.append(written if written.__class__ is str else (len(names) - 1, written))
    if run:
        pieces.append(",\n".join(run))
    return problems, documents, said, names, pieces


def _written(d: Decision, fields: str | None = None):
    """A decision's JSON text, or for one with links the text around its link fields and its links as written
    (with the estimates' `fields` at the end, when given)."""
    if not d.links:
        return _with_fields(json_line(d), fields)
    head, tail = json_halves(d)
    return (head, _with_fields(tail, fields), [(link.relation._value_, link.target) for link in d.links])

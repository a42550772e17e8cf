"""The decision store: find every decision file, load it, resolve ids, write safely.

There is no index and no cache: every command reads every file, every time.
Each file's text is kept as read, so that a write can check the file has
not changed on disk since (and refuse if it has), and edits can be made to
the exact bytes the user wrote.  Writing itself (locks, check, rename) lives
in `store_write`.
"""

from __future__ import annotations

import operator
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from adrtool import dialects, record_names, store_write
from adrtool.config import Config, discover
from adrtool.errors import ConflictError, StoreError  # noqa: F401  (imported from here by most modules)
from adrtool.model import Decision, Kind, Problem
from adrtool.store_lookup import Tables, link_paths, names_file, prefix_key
# One file read, decoded and parsed (`store_read`), imported from here by the other modules as before.
from adrtool.store_read import (MAX_BYTES, _read_and_parse, _read_bytes, decode_file, load_file,  # noqa: F401
                                parse_text, read_and_parse_each, with_encoding)  # noqa: F401
from adrtool.store_write import read_text, write_atomic  # noqa: F401  (the store's write path, as before)

_NOT_DECISIONS = re.compile(
    # (also a translation's: `README.en.md` beside `README.md`, testruction/adr 76c9d327fc60 docs/adrs)
    r"^(readme|index|_index|summary|toc|changelog|contributing|license|glossary|adr-log|decision-log)"
    r"(?:\.[a-z]{2}(?:[-_][a-z]{2})?)?\.(md|rst)$|^_",
    re.IGNORECASE,
)
# A template is named as one ("template.md", "adr-template.md", "ADR_Template.md", "0000-template.md",
# "template-full.md", French "gabarit.md": CQEN-QDCE/wiki-innovation Decisions/gabarit.md); a numbered record is a
# decision even when it is about templates ("0005-choose-a-template.md"),
# unless its name is only the word and the kind of template ("001-template-example.md" beside "000-template-general.md",
# lmaran/matemaraton 261a443d30e8 doc/architecture-decisions, whose README lists both as its templates).
_TEMPLATE_NAME = re.compile(
    r"^(?:(?!(?:adr[-_ ]?)?0*[1-9]\d*[-_. ])(?:0+[-_. ]+)?(?:(?:templates?|mod[eè]les?|vorlagen?|plantillas?|modelos?|gabarits?)\d*\b.*"
    r"|0+(?:[-_. ]+(?:samples?|examples?|beispiel|exemple|ejemplo|exemplo|esempio))+"  # `000-sample-example.md`
    r"|.*(?:\b|(?<=_))(?:template|mod[eè]le|vorlage|plantilla|modelo|gabarit)(?:[-_][a-z]+)?)"  # "adr-template-bare.md"
    r"|\d+[-_. ]+template[-_ ](?:example|sample|general|full|bare|minimal|short|long|basic|simple|default|blank))"
    r"\.(?:md|rst)$",
    re.IGNORECASE,
)
_by_name = operator.attrgetter("name")
_SKIP_DIRS = {"node_modules", "templates", "template", "_templates", ".git", "assets", "images", "img"}


_NUMBER_LEAD = re.compile(r"^(?:adr[-_ ]?)?\d+[-_. ]*")
_WORD = re.compile(r"[a-z]{3,}")


def _stem_of(clean: str) -> str:
    """'../x/0018-unify-api.md' -> '0018-unify-api' (lower case)."""
    return clean.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()


def _is_page_name(clean: str) -> bool:
    """Whether a target without an extension is a numbered page's name, `0002-tlo-surface` (an Obsidian wiki link
    names a file by its stem), not an id (`0002`, `ADR-0002`)."""
    return "/" not in clean and "." not in clean and clean[:1].isdigit() and bool(_WORD.search(_slug_of(clean.lower())))


def _slug_of(stem: str) -> str:
    """'0018-unify-api' -> 'unify-api': a numbered file name without its number."""
    return _NUMBER_LEAD.sub("", stem, count=1)


@dataclass
class Repository:
    config: Config
    decisions: list[Decision] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # files that could not be read at all
    texts: dict[str, str] = field(default_factory=dict)  # repo-relative path -> text as read
    files: list[str] = field(default_factory=list)  # every Markdown and RST file read, repo-relative
    # Files of a decision folder that hold no decision (a how-to, notes): listed, never counted or reviewed.
    documents: list[Decision] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def records(self) -> list[Decision]:
        return [d for d in self.decisions if d.kind is Kind.RECORD]

    @property
    def inline(self) -> list[Decision]:
        return [d for d in self.decisions if d.kind is Kind.INLINE]

    def all_problems(self) -> list[Problem]:
        out = list(self.problems)
        for d in self.decisions:
            out.extend(d.problems)
        return out

    def abspath(self, decision_or_path: Decision | str) -> Path:
        rel = decision_or_path.path if isinstance(decision_or_path, Decision) else decision_or_path
        return self.root / rel

    # ---- resolving references ---------------------------------------------
    def _lookup(self) -> dict:
        """Lookup tables for `find`, built once per set of decisions (in memory, never on disk).

        Resolving every link of 10,000 records by scanning the list would be quadratic.
        Each table is built the first time it is asked for: `list --json` resolving
        links to file names needs the path table alone.
        """
        key = (id(self.decisions), len(self.decisions))
        if getattr(self, "_lookup_key", None) != key:
            self._lookup_tables = Tables(self.decisions)
            self._lookup_key = key
        return self._lookup_tables

    def _table(self, name: str, key) -> list[Decision] | None:
        """One entry of one lookup table (`Tables`); `store_lazy` first parses every file that can be in it."""
        return self._lookup()[name].get(key)

    def _known_records(self) -> list[Decision]:
        return self.records

    def _known_problems(self) -> list[Problem]:
        return self.problems

    def find(self, ref: str) -> list[Decision]:
        """Every decision `ref` could mean: ADR-0012, 0012, 12, a stem, a file name or path, an RST label, an inline id.

        Every table is read through `_table`, one entry at a time and in this order, so that a
        repository parsed on demand (`store_lazy`) parses only what each step can find.
        """
        ref = ref.strip()
        if not ref:
            return []
        table = self._table
        clean = ref[2:] if ref.startswith("./") else ref
        by_path = table("path", clean)
        if by_path:
            return list(by_path)
        name = clean.rsplit("/", 1)[-1]
        has_ext = name.lower().endswith((".md", ".rst"))
        if "/" in clean:
            # A path from somewhere above, or a Sphinx :doc: path without its extension.
            for candidate, tail in ((name, clean),) if has_ext else ((name + ".rst", clean + ".rst"), (name + ".md", clean + ".md")):
                suffix = [d for d in table("name", candidate) or [] if d.path.endswith("/" + tail.lstrip("/"))]
                if suffix:
                    return suffix
        exact = table("id", ref)
        if exact:
            return list(exact)
        stem = name.rsplit(".", 1)[0] if has_ext else name
        m = re.fullmatch(r"(?:adr|ADR|Adr)?[-_ #]*0*(\d{1,5})", stem)
        if m:
            return list(table("number", int(m.group(1))) or [])
        if has_ext:
            by_name = table("name", name)
            if by_name:
                return list(by_name)
        by_stem = table("stem", stem)
        if by_stem:
            return list(by_stem)
        by_label = table("label", ref.lower())
        if by_label:
            return list(by_label)
        number = record_names.file_number(stem)
        if number is not None:
            return list(table("number", number) or [])
        return list(table("inline", ref.lower()) or [])

    def resolve(self, ref: str) -> Decision:
        """The one decision a user means by `ref`: as `find`, or else any unique start of an id or file stem.

        So a log4brains record `20200925-use-x` is `20200925` (or `2020-09-25`)
        when no other record starts so.
        """
        found = self.find(ref) or self._by_prefix(ref)
        if not found:
            self._explain_unread(ref)
            raise StoreError(f"no decision '{ref}' (try `adrtool list`)", code="not-found")
        if len(found) > 1:
            shown = ", ".join(f"{d.id} ({d.path})" if d.id != d.stem else d.path for d in found[:10])
            more = f" and {len(found) - 10} more" if len(found) > 10 else ""
            raise StoreError(f"'{ref}' is ambiguous: {shown}{more}; give more of it, or the file path", code="ambiguous")
        return found[0]

    def _by_prefix(self, ref: str) -> list[Decision]:
        key = prefix_key(ref)
        if key is None:
            return []
        return [d for d in self._known_records() if d.id.lower().startswith(key) or d.stem.lower().startswith(key)]

    def _explain_unread(self, ref: str) -> None:
        """`show 7` where 0007 could not be read says why, not 'no decision'."""
        names = names_file(ref)
        for p in self._known_problems():
            if names(p.path):
                raise StoreError(f"{p}: the file could not be read, so '{ref}' is not listed", code="unreadable")

    def resolve_link(self, source: Decision, target: str) -> Decision | None:
        """A link target as written in `source` (a relative file name, an id, an RST label) -> decision."""
        if target.startswith(("http://", "https://")):
            return None
        clean = target.split("#", 1)[0]
        for candidate in link_paths(source.path, clean):
            found = self._table("path", candidate)
            if found:
                return found[0]
        found = self.find(clean or target)
        if len(found) == 1 and found[0].stem.lower() != _stem_of(clean) and (
                clean[-3:] in (".md", "rst") or found[0] is not source and _is_page_name(clean)):
            return self._renumbered(source, clean, found[0])
        if len(found) == 1 and found[0] is source and _NUMBER_LEAD.match(written := _stem_of(clean.strip())) \
                and _slug_of(written) not in ("", _slug_of(source.stem.lower())):
            # A file name of another slug that only shares this record's number names no record, not this one
            # (benjamminj/portfolio 605282f14e9a docs/architecture/decisions/0014-migrate-to-remix.md: `Supercedes
            # [14. Migrate to SvelteKit](0014-migrate-to-sveltekit)`, no such file; DEFINITIONS, truth29).
            return None
        return found[0] if len(found) == 1 else None

    def _renumbered(self, source: Decision, clean: str, by_number: Decision) -> Decision | None:
        """A link to a file absent from the folder, whose number names another record (`by_number`).

        ministryofjustice/offender-management-architecture-decisions 478f3e5015ba decisions/0004-*.md: `Amended by [18. Unify API
        and Presentation layer](0018-unify-api-and-presentation-layer.md)`, 0018 being another record and
        `0020-unify-api-and-presentation-layer.md` saying `Amends [...](0004-...)`: the record was renumbered, the link
        names 0020. Without the slug's one record confirming the link from its side, it names nothing
        (PC1-23/Checkpoint2 cb815602ac94 docs/ADR/0015-*.md: `0018-upload-feedback.md`, 0018 being the rate limiting record).
        """
        slug = _slug_of(_stem_of(clean))
        if not slug or _slug_of(by_number.stem.lower()) == slug:
            return by_number  # (the same record, its path written from elsewhere)
        same = [d for d in self.records if d is not source and _slug_of(d.stem.lower()) == slug]
        source_stem = source.stem.lower()
        # (confirmed by a link back, or by naming this record's file, as a repository URL without `.md` does:
        # `Amends [Separate API ...](https://github.com/.../decisions/0004-separate-api-and-user-facing-applications)`)
        other = self._in_full(same[0]) if len(same) == 1 else None
        if other is not None and (any(_stem_of(l.target.split("#", 1)[0]) == source_stem for l in other.links)
                                  or source_stem in (other.body or "").lower()):
            return same[0]
        if _WORD.findall(slug) and set(_WORD.findall(slug)).isdisjoint(_WORD.findall(by_number.stem.lower())):
            return None  # the number names an unrelated record (no word of the written name in its own)
        return by_number  # a record renamed since (`0004-adr-result.md` for `0004-adr-support-tool.md`)

    def _in_full(self, decision) -> Decision | None:
        """The decision with its links and body (`store_listing` keeps only names, and reads the file again here)."""
        return decision

    def link_ids(self, decision: Decision) -> list[str | None]:
        """For each of the decision's links, the id of the decision it resolves to, or None."""
        out: list[str | None] = []
        for link in decision.links:
            found = self.resolve_link(decision, link.target)
            out.append(found.id if found is not None else None)
        return out

    def next_number(self) -> int:
        numbers = [d.number for d in self.records if d.number is not None]
        return max(numbers, default=0) + 1

    # ---- questions the writing commands ask of all records ---------------------
    # (`store_lazy.LazyRepository` answers each by parsing only the files that can change the answer.)
    def numbered(self, number: int) -> list[Decision]:
        """The records carrying `number`, in the order they were read."""
        return [d for d in self.records if d.number == number]

    def record_at(self, rel: str) -> Decision | None:
        """The record the file `rel` holds, if it holds one."""
        return next((d for d in self.records if d.path == rel), None)

    def first_record(self, dialect: str | None = None, where=None) -> Decision | None:
        """The first record read of `dialect` (any, when None) whose path passes `where(path)`."""
        return next((d for d in self.records if (dialect is None or d.dialect == dialect)
                     and (where is None or where(d.path))), None)

    def leading_dialects(self) -> list[str]:
        """The dialects with the most records, in the order each first appears (none without records)."""
        counts = Counter(d.dialect for d in self.records)
        best = max(counts.values(), default=0)
        return [name for name, n in counts.items() if n == best]

    def used_numbers(self) -> set[int]:
        """Every record number of the working tree, and the number in the name of each file that holds no record."""
        local = {d.number for d in self.records if d.number is not None}
        for rel in set(self.files).difference(d.path for d in self.records):
            n = record_names.file_number(rel.rsplit("/", 1)[-1].rsplit(".", 1)[0])
            if n is not None:
                local.add(n)
        return local

    def highest_numbered(self, count: int) -> list[Decision]:
        """The `count` numbered records of highest number, lowest first (ties in the order read)."""
        return sorted((d for d in self.records if d.number is not None), key=lambda d: d.number)[-count:]

    # ---- writing ------------------------------------------------------------
    def text(self, decision_or_path: Decision | str) -> str:
        rel = decision_or_path.path if isinstance(decision_or_path, Decision) else decision_or_path
        if rel not in self.texts:
            self.texts[rel] = read_text(self.root / rel)
        return self.texts[rel]

    def write(self, rel: str, new_text: str, *, create: bool = False) -> None:
        """Write through the one safe path (`store_write.commit`): refuses if the file changed since it was read."""
        expected = None if create else self.texts.get(rel)
        store_write.commit([store_write.Write(self.root / rel, new_text, expected, create, rel)])
        self.texts[rel] = new_text


# ---- discovery and loading --------------------------------------------------


def is_decision_name(name: str) -> bool:
    if _NOT_DECISIONS.match(name):  # (both branches start with `^`: `match` is `search`, without trying every place)
        return False
    if name.isascii():  # (then `lower` folds as IGNORECASE does; every template name holds one of the words)
        low = name.lower()
        if "templat" not in low and "mod" not in low and "vorlag" not in low and "plantill" not in low \
                and "gabarit" not in low and (name[:1] != "0" or "xampl" not in low and "sampl" not in low
                                              and "beispiel" not in low and "xempl" not in low and "jempl" not in low
                                              and "sempi" not in low):
            return True
    return not _TEMPLATE_NAME.match(name)


def walk_markdown_paths(folder: Path, problems: list[Problem], root: Path) -> list[str]:
    """Every .md and .rst file below `folder`, depth first, sorted; survives loops and locked folders.

    Plain path strings: building 10,000 Path objects costs more than the walk.
    """
    out: list[str] = []
    seen: set[tuple[int, int]] = set()

    def rel(p: str) -> str:
        try:
            return Path(p).relative_to(root).as_posix()
        except ValueError:
            return str(p)

    def visit(d: str) -> None:
        try:
            st = os.stat(d)
        except OSError as exc:
            problems.append(Problem(rel(d), f"cannot read folder: {exc.strerror}", code="unreadable"))
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            problems.append(Problem(rel(d), "symlink loop; folder skipped", code="symlink-loop", severity="warning"))
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(d), key=_by_name)
        except OSError as exc:
            problems.append(Problem(rel(d), f"cannot read folder: {exc.strerror}", code="unreadable"))
            return
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                is_dir = e.is_dir()
            except OSError:
                continue
            if is_dir:
                if e.name.lower() not in _SKIP_DIRS:
                    subdirs.append(e.path)
            elif e.name[-3:].lower() == ".md" or e.name[-4:].lower() == ".rst":
                out.append(e.path)
            elif e.name[:1].isdigit() and "." not in e.name and "-" in e.name:
                # A numbered record whose extension was forgotten (SmartBear/git-en-boite doc/adr at
                # 3e9dcdb1e537: `0016-handle-concurrent-git-operations`): read as Markdown.
                out.append(e.path)
        for s in subdirs:
            visit(s)

    if folder.is_dir():
        visit(str(folder))
    return out


# Above this many files, a forked child parses half of them on the second core.
PARALLEL_THRESHOLD = 3000


def _parse_in_two(items: list[tuple[str, str, bool]], log4brains: bool) -> list[tuple]:
    """Parse the second half in a forked child while this process parses the first (`adrtool.parallel`).

    The one module a reader imports lazily (PyYAML, for unusual front matter)
    is imported before forking when another thread runs (`parallel.map_in_two`).
    Below the threshold, or with no core to spare, everything is parsed here
    (and `adrtool.parallel` and `pickle` are not imported).
    """
    return in_two(lambda part: _read_and_parse(part, log4brains), items)


def in_two(work, items: list, keep: int = 0, light: bool = False, files: int | None = None) -> list:
    """`work(items)` (one result per file), half of it in a forked child when the files are many
    and a core is idle (`parallel.map_in_two`); `_parse_in_two` and `store_listing` read through this.

    `light`: the child sends back short strings (`store_listing`'s JSON lines), not decisions to
    unpickle, so the fork pays whenever there are two cores, busy or not: at 10,000 records, 0.42
    against 0.66 s at load 1.3, 0.78-0.85 against 0.90-1.08 s with two busy loops beside it
    (bench/README.md, issue 14), where the load rule below would have refused it.
    `files`: how many files `items` hold, when each item is a block of them (`store_listing`)."""
    if (len(items) if files is None else files) < PARALLEL_THRESHOLD \
            or not (_cores() >= 2 if light else spare_core()):
        return work(items)
    from adrtool.parallel import map_in_two

    return map_in_two(work, items, 2 if files is not None else PARALLEL_THRESHOLD, _import_yaml, keep)


def spare_core() -> bool:
    """Whether a second process would get a core of its own: more than one core, and on average
    at least one of them idle over the last minute.

    The child's half comes back pickled (about a fifth of the parse's CPU again); on a machine
    whose cores are all busy it shares a core instead of adding one, and the parent waits for it.
    Measured at 10,000 records with the load average at 4.5-6 on 2 cores: 0.60-0.64 s in one
    process, 0.71-0.85 s forked (bench/README.md, issue 14).
    """
    cores = _cores()
    if cores < 2:
        return False
    try:
        return os.getloadavg()[0] <= cores - 1
    except (AttributeError, OSError):
        return True


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _import_yaml() -> None:
    try:
        import yaml  # noqa: F401
    except ImportError:
        pass


def document(rel: str, text: str) -> Decision:
    """A decision folder's file that holds no decision, with a note saying why it is not one."""
    name = rel.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0]
    included = re.match(r"\s*\.\.\s+include::\s*(\S+)\s*$", text)
    why = (f"it only includes {included.group(1)}" if included
           else "no status, no metadata and no context or decision section")
    title = next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("# ")), stem)
    return Decision(id=stem, title=title, path=rel, kind=Kind.DOCUMENT, dialect="document",
                    problems=[Problem(rel, f"not a decision record ({why}); listed as a document", None,
                                      "document", "note")])


def decision_files(cfg: Config, problems: list[Problem]) -> list[tuple[str, str, bool]]:
    """(path, repository-relative path, in a decision folder) of every file to read, in the order read."""
    seen: set[str] = set()
    items: list[tuple[str, str, bool]] = []
    prefix = str(cfg.root) + os.sep
    sep_is_slash = os.sep == "/"
    decision_dirs = [(d, True) for d in cfg.dirs] + [(d, False) for d in cfg.design_dirs]
    for folder, is_decision_dir in decision_dirs:
        for path in walk_markdown_paths(folder, problems, cfg.root):
            if path in seen:
                continue
            seen.add(path)
            if is_decision_name(path[path.rfind(os.sep) + 1:]):
                rel = (path[len(prefix):] if sep_is_slash else path[len(prefix):].replace(os.sep, "/")) \
                    if path.startswith(prefix) else cfg.rel(Path(path))
                items.append((path, rel, is_decision_dir))
    return items


def keeps_file(text: str | None, problem: Problem | None) -> bool:
    """Whether a file read is one of `Repository.files` (everything but a file that could not be opened)."""
    return text is not None or problem is None or problem.code != "unreadable"


def add_parsed(repo: Repository, rel: str, text, record, inline, problem, in_decision_dir: bool) -> None:
    """One file's decisions, document or problem, added to `repo` (its `files` and `texts` are the caller's)."""
    if problem:
        repo.problems.append(problem)
    elif record is None and not inline and in_decision_dir:
        repo.documents.append(document(rel, text))
    if record:
        relabel(repo.config, record, text)
        repo.decisions.append(record)
    repo.decisions.extend(inline)


def relabel(cfg: Config, record: Decision, text: str) -> None:
    """An English log in a folder phodal's `.adr.json` configures is phodal's (done once; doing it again changes nothing)."""
    if cfg.phodal_language and record.dialect == "nygard" and dialects.phodal.is_phodal_record(
            record, text.splitlines(), configured=True):
        record.dialect = dialects.phodal.NAME


def load(start: Path | None = None, dirs: list[str] | None = None, config: Config | None = None) -> Repository:
    """Read every decision of the repository around `start`."""
    cfg = config or discover(start, dirs)
    repo = Repository(config=cfg)
    items = decision_files(cfg, repo.problems)
    in_dir = {rel: is_decision_dir for _, rel, is_decision_dir in items}
    for rel, text, record, inline, problem in _parse_in_two(items, cfg.log4brains):
        if keeps_file(text, problem):
            repo.files.append(rel)
        if text is not None:
            repo.texts[rel] = text
        add_parsed(repo, rel, text, record, inline, problem, in_dir[rel])
    return repo

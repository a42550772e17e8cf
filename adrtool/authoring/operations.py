"""The authoring operations: each plans its edits and returns them as `Change`s.

Nothing here writes a file; `adrtool.authoring.changes.apply` does.  So the
command line, `--dry-run` and the TUI's diff views all run the same code.
Bad input raises `StoreError` (or `LifecycleError`) with one line for the user.
Every edit is made by the dialect writers, in the file's own style.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from adrtool import dialects, record_names, vocabulary
from adrtool.authoring import lifecycle, numbering, templates
from adrtool.authoring.changes import Change, merge
from adrtool.dialects import inline, phodal
from adrtool.model import Choice, Decision, Door, Kind, Relation, Status, format_id
from adrtool.sections import headings
from adrtool.store import StoreError

MAX_TITLE = 200  # a file name and a table row must stay readable; longer text belongs in the record

_RELATIONS = {
    "supersedes": Relation.SUPERSEDES,
    "superseded-by": Relation.SUPERSEDED_BY,
    "amends": Relation.AMENDS,
    "amended-by": Relation.AMENDED_BY,
    "relates-to": Relation.RELATES_TO,
    "related-to": Relation.RELATES_TO,
    "relates": Relation.RELATES_TO,
}
_STATUSES = ", ".join(s.value for s in Status if s is not Status.UNKNOWN)


class LifecycleError(StoreError):
    """A status change outside proposed -> accepted | rejected; accepted -> deprecated | superseded."""

    code = "lifecycle"


# ---- parsing what the user typed ---------------------------------------------


def parse_relation(text: str | Relation) -> Relation:
    """'amends', 'Amends', 'relates to', 'relates-to', 'amended by' -> Relation."""
    if isinstance(text, Relation):
        return text
    key = re.sub(r"[\s_]+", "-", text.strip().lower())
    if key not in _RELATIONS:
        raise StoreError(f"unknown relation '{text}' (expected amends, amended-by, relates-to, supersedes or superseded-by)", code="invalid-value")
    return _RELATIONS[key]


def _parse_tag(value, kind, read, expected: str):
    if value is None or isinstance(value, kind):
        return value
    tag = read(value)
    if tag is None:
        raise StoreError(f"unknown {kind.__name__.lower()} '{value}' (expected {expected})", code="invalid-value")
    return tag


def parse_choice(value: str | Choice | None) -> Choice | None:
    return _parse_tag(value, Choice, vocabulary.parse_choice, "deliberate or arbitrary")


def parse_door(value: str | Door | None) -> Door | None:
    return _parse_tag(value, Door, vocabulary.parse_door, "one-way or two-way")


def parse_status(value: str | Status) -> Status:
    """Only the five lifecycle words are written (reading is lenient; writing is not)."""
    if isinstance(value, Status) and value is not Status.UNKNOWN:
        return value
    try:
        status = Status(str(value).strip().lower())
    except ValueError:
        status = Status.UNKNOWN
    if status is Status.UNKNOWN:
        raise StoreError(f"unknown status '{value}' (expected {_STATUSES})", code="invalid-value")
    return status


def clean_title(title: str) -> str:
    text = " ".join(title.split())
    if not text:
        raise StoreError("the title is empty", code="invalid-value")
    if not any(c.isalnum() for c in text):
        raise StoreError(f"the title '{text}' has no letters or digits", code="invalid-value")
    if len(text) > MAX_TITLE:
        raise StoreError(f"the title is {len(text)} characters long; at most {MAX_TITLE} (put the rest in the record)", code="invalid-value")
    return text


# ---- the repository's own style ---------------------------------------------


def repository_dialect(repo) -> str:
    """The dialect new records get: the most common among existing records, else what the setup implies."""
    tied = repo.leading_dialects()
    if tied:
        # On a tie prefer the tool-specific dialect the repository is set up for.
        for preferred in ("log4brains" if repo.config.log4brains else "", "nygard" if repo.config.source == ".adr-dir" else ""):
            if preferred in tied:
                return preferred
        return tied[0]
    if repo.config.log4brains:
        return "log4brains"
    if repo.config.phodal_language:
        return "phodal"
    if repo.config.source == ".adr-dir" or (repo.root / ".adr-dir").is_file():
        return "nygard"
    return "native"


def _display_status(status: Status, dialect: str) -> str:
    # adr-tools and Nygard write "Accepted"; front matter and bullets write "accepted".
    return status.value.capitalize() if dialect == "nygard" else status.value


def _link_label(dialect: str, target: Decision) -> str:
    """The link text each tool writes: '3. Use X' (adr-tools), 'ADR-0003' (MADR 2), the title otherwise."""
    if target.number is not None and dialect in ("nygard", "phodal"):
        return f"{target.number}. {target.title}"
    if target.number is not None and dialect == "madr2":
        return f"ADR-{format_id(target.number)}"
    return target.title


def _target_id(target: Decision) -> str:
    return format_id(target.number) if target.number is not None else target.id


def _relative_file(src_path: str, dst_path: str) -> str:
    return Path(os.path.relpath(dst_path, os.path.dirname(src_path) or ".")).as_posix()


# ---- planning edits ------------------------------------------------------------


class _Plan:
    """The texts an operation has planned so far, so that several edits to one file chain."""

    def __init__(self, repo):
        self.repo = repo
        self.before: dict[str, str | None] = {}
        self.after: dict[str, str] = {}

    def text(self, path: str) -> str:
        if path in self.after:
            return self.after[path]
        try:
            return self.repo.text(path)
        except OSError as exc:
            raise StoreError(f"{path}: cannot read: {exc.strerror}") from None

    def set(self, path: str, text: str) -> None:
        if path not in self.before:
            self.before[path] = self.repo.text(path)
        self.after[path] = text

    def create(self, path: str, text: str) -> None:
        self.before[path] = None
        self.after[path] = text

    def changes(self) -> list[Change]:
        return merge([Change(p, self.before[p], self.after[p]) for p in self.after])


def _resolve(repo, ref: Decision | str) -> Decision:
    return ref if isinstance(ref, Decision) else repo.resolve(ref)


def _record(repo, ref: Decision | str, what: str) -> Decision:
    decision = _resolve(repo, ref)
    if decision.kind is Kind.INLINE:
        raise StoreError(f"{decision.id} is an inline decision ({decision.path}:{decision.line}); "
                         f"only record files can {what}")
    return decision


def _edited(decision: Decision, edit) -> str:
    """`edit()`, the new text of the record; front matter that cannot be read is one line for the user, not a traceback."""
    from adrtool import frontmatter

    try:
        return edit()
    except frontmatter.FrontMatterError as exc:
        where = f"{decision.path}:{exc.line}" if exc.line else decision.path
        raise StoreError(f"{where}: {exc}; fix the front matter before editing this record", code="front-matter") from None


def _edit_field(plan: _Plan, decision: Decision, name: str, value) -> None:
    text = plan.text(decision.path)
    plan.set(decision.path, _edited(decision, lambda: dialects.writer_for(decision, text).set_field(text, name, value)))


def _add_link(plan: _Plan, src: Decision, relation: Relation, dst: Decision) -> None:
    if any(plan.repo.resolve_link(src, target) is dst for target in src.linked(relation)):
        return  # already linked, by another spelling (an RST label, an id, a file name)
    text = plan.text(src.path)
    plan.set(src.path, _edited(src, lambda: dialects.writer_for(src, text).add_link(
        text, relation, _target_id(dst), _link_label(src.dialect, dst), _relative_file(src.path, dst.path))))


def _edit_inline_line(plan: _Plan, decision: Decision, edit) -> None:
    text = plan.text(decision.path)
    lines = text.splitlines(keepends=True)
    index = (decision.line or 0) - 1
    if not 0 <= index < len(lines):
        raise StoreError(f"{decision.path}:{decision.line}: the decision line is gone; run the command again", code="conflict")
    try:
        lines[index] = edit(lines[index])
    except ValueError:
        raise StoreError(f"{decision.path}:{decision.line}: no longer an inline decision line; run the command again", code="conflict") from None
    plan.set(decision.path, "".join(lines))


def _reaches(repo, start: Decision, goal: Decision, relation: Relation) -> bool:
    """Whether following `relation` links from `start` (transitively) arrives at `goal`.

    Walks only the chain itself, so superseding stays fast in a log of ten thousand records.
    """
    seen: set[str] = set()
    todo = [start]
    while todo:
        node = todo.pop()
        if node.path == goal.path:
            return True
        if node.path in seen:
            continue
        seen.add(node.path)
        for target in node.linked(relation):
            found = repo.resolve_link(node, target)
            if found is not None and found.kind is Kind.RECORD:
                todo.append(found)
    return False


def _supersedes_transitively(repo, newer: Decision, older: Decision) -> bool:
    # Either side of each supersession may be the one written (adr-tools and lint keep both).
    return _reaches(repo, newer, older, Relation.SUPERSEDES) or _reaches(repo, older, newer, Relation.SUPERSEDED_BY)


def _plan_supersede(repo, plan: _Plan, old: Decision, new: Decision) -> None:
    if old.path == new.path:
        raise StoreError(f"{old.id} cannot supersede itself")
    if _supersedes_transitively(repo, old, new):
        raise StoreError(f"{new.id} cannot supersede {old.id}: {old.id} already supersedes {new.id} (that would be a cycle)")
    _add_link(plan, old, Relation.SUPERSEDED_BY, new)
    _add_link(plan, new, Relation.SUPERSEDES, old)


def _plan_link(repo, plan: _Plan, src: Decision, relation: Relation, dst: Decision) -> None:
    if relation is Relation.SUPERSEDES:
        return _plan_supersede(repo, plan, dst, src)
    if relation is Relation.SUPERSEDED_BY:
        return _plan_supersede(repo, plan, src, dst)
    if src.path == dst.path:
        raise StoreError(f"{src.id} cannot be linked to itself")
    _add_link(plan, src, relation, dst)
    _add_link(plan, dst, relation.reverse, src)


# ---- the operations ------------------------------------------------------------


def _decision_folder(repo) -> Path:
    for folder in repo.config.dirs:
        if folder.is_dir():
            return folder
    raise StoreError("no decision folder here; run `adrtool init` first (or pass --dir)", code="no-decisions")


def _set_title(text: str, heading: str) -> str:
    """Put `heading` on the template's first H1 (a repository template's title line is a placeholder)."""
    lines = text.splitlines(keepends=True)
    for index, level, _ in headings(lines):
        if level == 1:
            ending = lines[index][len(lines[index].rstrip("\r\n")):] or "\n"
            lines[index] = f"# {heading}{ending}"
            return "".join(lines)
    return f"# {heading}\n\n{text}"


def _bullet_writer(repo, dialect: str):
    """The bullet style the repository's records use ('* Status:' or '- Status:')."""
    d = repo.first_record(dialect)
    if d is not None:
        return dialects.writer_for(d, repo.text(d))
    return dialects.LOG4BRAINS if dialect == "log4brains" else dialects.MADR2


def _render(repo, folder: Path, rel: str, dialect: str, values: dict[str, str], choice, door, template: str | None):
    if template:
        label, text, is_ours = templates.named(template, repo.root)
    else:
        own = templates.repository_template(folder)
        if own is not None:
            label, is_ours = repo.config.rel(own), False
            try:
                text = own.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise StoreError(f"{label}: cannot read template: {exc}") from None
        elif dialect == "rst":
            # An RST folder gets an RST record, in the adornments its records already use.
            from adrtool.dialects import rst_write

            label, is_ours = "rst", False
            existing = repo.first_record("rst")
            styles = rst_write.folder_styles(repo.text(existing)) if existing else None
            number = int(values["number"]) if values["number"] else None
            text = rst_write.new_record(number, values["title"], values["status"], values["date"],
                                        quick=templates.is_quick(choice, door), styles=styles)
        elif dialect == "phodal":
            # phodal's own layout in the folder's language, so that its `adr list` and `adr logs` read it.
            label, is_ours = "phodal", False
            text = phodal.new_record(int(values["number"]), values["title"], _phodal_language(repo), values["date"])
        else:
            label = templates.our_name("nygard" if dialect == "nygard" else "native", choice, door)
            text, is_ours = templates.ours(label), True
    text = templates.fill(text, values)
    if is_ours and dialect in ("madr2", "log4brains") and text.startswith("---"):
        # Their metadata is bullets under the title, not front matter.
        bullets = _bullet_writer(repo, dialect)
        text = templates.strip_front_matter(text)
        text = bullets.set_field(text, "status", values["status"])
        text = bullets.set_field(text, "date", values["date"])
    if not is_ours and dialect != "rst":
        number = values.get("number")
        heading = f"{number}. {values['title']}" if dialect in ("nygard", "phodal") and number else values["title"]
        text = _set_title(text, heading)
    from adrtool import frontmatter

    try:
        record, _ = dialects.parse_file(rel, text, True, repo.config.log4brains)
    except frontmatter.FrontMatterError as exc:
        raise StoreError(f"{label}: the template's front matter cannot be read: {exc}") from None
    if record is None:
        raise StoreError(f"{label}: the template does not make a decision record (no status, no numbered title)")
    return record, text


def _phodal_language(repo):
    """`.adr.json`'s language, else the language the folder's phodal records are written in."""
    from adrtool import languages

    if repo.config.phodal_language:
        return languages.language(repo.config.phodal_language)
    d = repo.first_record("phodal")
    if d is not None:
        return phodal.language_of(repo.text(d))
    return languages.language(None)


def new_decision(repo, title: str, *, choice=None, door=None, status="proposed", supersedes=(), links=(),
                 template: str | None = None, today: str | None = None) -> tuple[str, list[Change]]:
    """Plan a new record: (its repository-relative path, the changes to write)."""
    path, changes, _ = plan_new(repo, title, choice=choice, door=door, status=status, supersedes=supersedes,
                                links=links, template=template, today=today)
    return path, changes


def plan_new(repo, title: str, *, choice=None, door=None, status="proposed", supersedes=(), links=(),
             template: str | None = None, today: str | None = None):
    """As `new_decision`, plus the numbers skipped because a branch uses them ({number: [branches]})."""
    title = clean_title(title)
    choice, door = parse_choice(choice), parse_door(door)
    state = parse_status(status)
    today = today or date.today().isoformat()
    # Resolve every reference first: a typo must not cost a git scan.
    olds = [_record(repo, ref, "be superseded") for ref in supersedes]
    targets = [(parse_relation(rel), _record(repo, ref, "be linked")) for rel, ref in links]
    folder = _decision_folder(repo)
    dialect = repository_dialect(repo)
    slug = record_names.slugify(title)
    if not slug:
        raise StoreError(f"the title '{title}' gives an empty file name")
    skipped: dict[int, list[str]] = {}
    if dialect == "log4brains":
        number, name = None, numbering.dated_file_name(today, slug)
    elif numbering.names_by_day(repo, repo.config.rel(folder)):
        number, name = None, f"{today}-{slug}{'.rst' if dialect == 'rst' else '.md'}"
    else:
        found = numbering.next_number(repo)
        ext = ".rst" if dialect == "rst" else ".md"
        number, skipped, name = found.number, found.skipped, numbering.file_name(repo, found.number, slug, ext)
    rel = repo.config.rel(folder / name)
    if (repo.root / rel).exists():
        raise StoreError(f"{rel} already exists; choose another title", code="conflict")
    values = {"title": title, "date": today, "status": _display_status(state, dialect),
              "number": str(number) if number is not None else ""}
    record, text = _render(repo, folder, rel, dialect, values, choice, door, template)
    writer = dialects.writer_for(record, text)
    if record.status is not state:
        text = writer.set_field(text, "status", values["status"])
    if record.date != today:
        text = writer.set_field(text, "date", today)
    if choice is not None:
        text = writer.set_field(text, "choice", choice.value)
    if door is not None:
        text = writer.set_field(text, "door", door.value)
    new = dialects.parse_file(rel, text, True, repo.config.log4brains)[0] or record
    plan = _Plan(repo)
    plan.create(rel, text)
    for old in olds:
        _plan_supersede(repo, plan, old, new)
    for relation, target in targets:
        _plan_link(repo, plan, new, relation, target)
    return rel, plan.changes(), skipped


def set_tags(repo, decision, *, choice=None, door=None, revisit=None) -> list[Change]:
    """Set choice, door and revisit; an empty `revisit` removes it.  Inline decisions get new parentheses."""
    decision = _resolve(repo, decision)
    choice, door = parse_choice(choice), parse_door(door)
    if choice is None and door is None and revisit is None:
        raise StoreError("nothing to set: give --choice, --door or --revisit")
    plan = _Plan(repo)
    if decision.kind is Kind.INLINE:
        def edit(line: str) -> str:
            line = inline.retag(line, choice, door)
            return inline.set_revisit(line, revisit.strip() or None) if revisit is not None else line
        _edit_inline_line(plan, decision, edit)
        return plan.changes()
    for name, value in (("choice", choice and choice.value), ("door", door and door.value)):
        if value is not None:
            _edit_field(plan, decision, name, value)
    if revisit is not None:
        _edit_field(plan, decision, "revisit", revisit.strip() or None)
    return plan.changes()


def set_status(repo, decision, status: str, *, force: bool = False, today: str | None = None) -> list[Change]:
    """Change the status within the lifecycle (or outside it with `force`); accepting sets the date."""
    decision = _resolve(repo, decision)
    new = parse_status(status)
    if not force and not lifecycle.is_allowed(decision.status, new):
        raise LifecycleError(f"{decision.id}: {lifecycle.explain(decision.status, new)}")
    if new is Status.SUPERSEDED and decision.status is not Status.SUPERSEDED and not force:
        raise StoreError(f"{decision.id}: say what supersedes it: `adrtool supersede {decision.id} NEW`")
    plan = _Plan(repo)
    if decision.kind is Kind.INLINE:
        _edit_inline_line(plan, decision, lambda line: inline.retag(line, status=new.value))
        return plan.changes()
    if decision.status is not new:
        _edit_field(plan, decision, "status", _display_status(new, decision.dialect))
    if new is Status.ACCEPTED and decision.status is not Status.ACCEPTED and decision.dialect != phodal.NAME \
            and "statusHistory" not in decision.field_lines:
        # (A phodal record's status log, or a front-matter statusHistory, dates the acceptance; its date stays
        # the day it was written.)
        _edit_field(plan, decision, "date", today or date.today().isoformat())
    return plan.changes()


def supersede(repo, old, new) -> list[Change]:
    """OLD is superseded by NEW: both files say so, each in its own dialect."""
    old, new = _record(repo, old, "be superseded"), _record(repo, new, "supersede")
    plan = _Plan(repo)
    _plan_supersede(repo, plan, old, new)
    return plan.changes()


def link(repo, src, relation, dst) -> list[Change]:
    """SRC RELATION DST, and the reverse relation written into DST."""
    relation = parse_relation(relation)
    src, dst = _record(repo, src, "be linked"), _record(repo, dst, "be linked")
    plan = _Plan(repo)
    _plan_link(repo, plan, src, relation, dst)
    return plan.changes()

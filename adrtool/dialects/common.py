"""What every record dialect shares: turning raw fields into a Decision, and titles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adrtool import dates, record_names, vocabulary
from adrtool.dialects import changes_section, front_matter_links, link_scope, prose, record_title, related, \
    relationship_table, this_record
from adrtool.dialects.self_status import stated_status
from adrtool.dialects.link_lines import relation_of_label
from adrtool.model import Decision, Kind, Link, Problem, Relation, Status, defer_body, format_id
from adrtool.sections import first_h1, headings, outside_fences
from adrtool.text_find import find_after

# The fields an edit can set, in the order they are written when inserted.
FIELDS = (
    "status",
    "date",
    "decision-makers",
    "choice",
    "door",
    "revisit",
    "tags",
    "governs",
    "references",
    "inline-id",  # a record promoted from an inline decision keeps its id (`adrtool promote`)
)
LIST_FIELDS = {"decision-makers", "tags", "governs", "references"}

# (Compiled once: `re.sub(pattern, ...)` looks each pattern up in the module's cache on every call.)
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")
_LIST_MARKS = re.compile(r"[,;\[\]`]")  # what `split_list` splits at or strips



def last_filled(lines: list[str], head: int, end: int, nl: str) -> int:
    """The index of the section's last non-blank line (`head`, its heading, when it has none), ended by `nl`:
    where a line appended to the section goes after."""
    last = head
    for i in range(head + 1, end):
        if lines[i].strip():
            last = i
    ensure_final_newline(lines, last, nl)
    return last


def _is_capitalised_document(target: str) -> bool:
    """Whether `target` is a file named in capitals with no number, as a project's own pages are (README.md,
    CHANGELOG.md, PROJECT_OPS_PROTOCOL.md): a document beside the records, not one of them."""
    name = target.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return bool(dot) and ext.lower() in ("md", "rst") and stem.isupper() and not any(ch.isdigit() for ch in stem)


def split_list(value: object) -> list[str]:
    """A list field as written: a YAML list, or 'a, b' / '[a] [b]' text."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        items = [v.strip() if v.__class__ is str else str(v).strip() for v in value]
        return [v for v in items if v]
    text = str(value).strip()
    if _LIST_MARKS.search(text) is None:  # one name (`Jonas Weber`): what the splitting below would give
        return [text] if text else []
    if text.startswith("[") and text.endswith("]") and "] [" in text:
        return [t.strip() for t in text[1:-1].split("] [") if t.strip()]
    text = text.strip("[]")
    parts = _LIST_SEPARATOR.split(text)
    return [p.strip().strip("`") for p in parts if p.strip()]


def as_text(value: object) -> str | None:
    if value.__class__ is str:  # the common case, first
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return None
    text = str(value).strip()
    return text or None


@dataclass(slots=True)
class RawRecord:
    """Fields of a record as a dialect found them, before normalization."""

    path: str
    dialect: str
    lines: list[str]
    fields: dict[str, object] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    body_start: int = 0
    problems: list[Problem] = field(default_factory=list)
    title: str | None = None
    title_line: int | None = None
    # The text prose links are read from, when not the lines themselves (RST, as Markdown links).
    prose_lines: list[str] | None = None
    # The file's text, when the reader has it ("".join(lines)): the record's body is its tail.
    text: str | None = None
    # The file's headings from where the reader began (`sections.headings(lines, start, text)`), when it found them.
    heads: list | None = None


def find_title(raw: RawRecord, start: int, heads=None) -> None:
    found = first_h1(raw.lines, start, heads)
    if found and (found[0] <= start + 1 or not any(l.startswith("##") for l in raw.lines[start : found[0]])
                  or not any(line.startswith("##") for _, line in outside_fences(raw.lines[start : found[0]]))):
        raw.title_line = found[0] + 1
        raw.title = found[1]
    # An H1 below the record's sections ("# Consequências" after "## Status") is not its title.


_METADATA_OPENING = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:status|date)\b", re.IGNORECASE)


def opens_file_over_metadata(lines: list[str], start: int, at: int) -> bool:
    """Whether the heading at `at` is the file's first line (from `start`) and a Status or Date line follows it."""
    if any(line.strip() for line in lines[start:at]):
        return False
    following = next((line for line in lines[at + 1:at + 4] if line.strip()), "")
    return _METADATA_OPENING.match(following) is not None




def _links_from(text: str, offset: int) -> bool:
    """Whether an inline or a reference-style link opens in `text` from `offset` (`](` or `][`): each `]` found by
    `str.find` (a `memchr`) and the character after it looked at, half the cost of searching a body with the
    pattern it replaces (`tests/test_reading_fast_paths.py` compares both)."""
    at = text.find("]", offset)
    while at >= 0 and text[at + 1:at + 2] not in _LINK_OPENERS:
        at = text.find("]", at + 1)
    return at >= 0


_LINK_OPENERS = ("(", "[")  # (a tuple: the "" past the text's end is in no tuple, and in every string)


def _names_adr(text: str, offset: int) -> bool:
    """Whether `text` holds " ADR", "'ADR" or "ADR" opening a line from `offset`: one search for "ADR" and a look at the
    character before it, instead of a search of the whole body for each (the second finds nothing in almost every
    record).  A line may open with the record it names (`ADR-0005 is amended.`; DEFINITIONS, truth30)."""
    at = text.find("ADR", offset + 1)
    while at >= 0 and text[at - 1] not in " '\n":
        at = text.find("ADR", at + 1)
    return at >= 0


_NUMERIC_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")


def _days_apart(iso: str, date_stem: str) -> int:
    from datetime import date as _date

    try:
        named = _date(int(date_stem[:4]), int(date_stem[4:6]), int(date_stem[6:8]))
    except ValueError:
        return 0
    return abs((_date.fromisoformat(iso) - named).days)




_LINK_FIELDS = (
    ("supersedes", Relation.SUPERSEDES),
    ("superseded-by", Relation.SUPERSEDED_BY),
    ("amends", Relation.AMENDS),
    ("amended-by", Relation.AMENDED_BY),
    ("relates-to", Relation.RELATES_TO),
)

_LINK_KEYS = frozenset(key for key, _ in _LINK_FIELDS)
# Enum members bound once: `Kind.RECORD` is an attribute lookup on the enum's class (about 90 ns, four
# times a plain name's), paid per record where it runs per record.
_RECORD, _UNKNOWN, _SUPERSEDED, _SUPERSEDED_BY = Kind.RECORD, Status.UNKNOWN, Status.SUPERSEDED, Relation.SUPERSEDED_BY


# A link field filled with "nothing" in words: no target.
_NO_TARGET = {"none", "n/a", "na", "nil", "null", "ninguno", "ninguna", "nenhum", "nenhuma", "keine", "keiner", "aucun",
              "aucune", "geen", "nessuno", "无", "なし"}


# A work item, not a decision: front matter `related: [epic-003]` (dreamlx/evolvai 995cac703b72
# docs/development/architecture/adrs/001-*.md) names the epic the record serves.
_WORK_ITEM = re.compile(r"(?:epic|story|issue|task|ticket|feature|bug|milestone)[-_ #]?\d", re.IGNORECASE)


def _distinct(targets: list[str]) -> list[str]:
    """Targets of one link line, a number left out where a linked file of the line has it: `[ADR-0011](./0011-x.md)
    — ...; the contract is now in ADR-0011.` names one record (ADORSYS-GIS/ai-helm c23aafc4258e docs/adr/0005-*.md)."""
    if len(targets) < 2:
        return targets
    linked = {record_names.file_number(t.rsplit("/", 1)[-1]) for t in targets if not t.isdigit()}
    return [t for t in targets if not t.isdigit() or int(t) not in linked]


_target_number = link_scope.target_number  # (a link target's record number, else the target as written)


# A title's closing parenthesis that names the records it supersedes.
_HEADING_SUPERSEDES = re.compile(r"\((?:supersedes|replaces)\s+([^()]+)\)\s*$", re.IGNORECASE)


def _body_headings(raw: RawRecord, body_start: int, text: str) -> list[tuple[int, int, str]]:
    """`headings(raw.lines, body_start, text)`, from the reader's when the body starts below a heading they hold: that
    line is outside fenced code, so both readings go on from it alike (a second walk of a long record saved)."""
    heads = raw.heads
    if heads is not None and body_start and any(h[0] == body_start - 1 for h in heads):
        return [h for h in heads if h[0] >= body_start]
    return headings(raw.lines, body_start, text)


def build(raw: RawRecord, stem: str) -> Decision:
    """Normalize a RawRecord into a Decision: id, number, status, tags, links.

    Runs once per record (10,000 times for `list` on the bench repository), so the
    fields most records leave out are tested for None before any normalizing call.
    """
    number = record_names.file_number(stem)
    fields = raw.fields
    get = fields.get
    title, title_number, number, disagrees, drafted = record_title.read(
        raw.title, as_text(get("title")), "title" in fields, raw.lines, stem, number)
    problems = raw.problems  # (the RawRecord is the reader's scratch: its lists become the decision's)
    if disagrees:  # the file name's number is the record's; a reader of the title sees another (`# 10.` in file 0013)
        problems.append(Problem(raw.path, f"the title numbers this record {title_number}, its file name {number}",
                                raw.title_line, "title-number", "warning"))
    field_lines = raw.field_lines
    value = get("status")
    status_raw = None if value is None else as_text(value)
    if drafted and status_raw is None:
        status_raw = "Draft"
    status = vocabulary.normalize_status(status_raw)
    links = raw.links
    if status_raw is not None:
        told = {l.relation for l in links}  # (a status naming two replacements gives both: onestreamer 0002, truth20)
        for relation, target in vocabulary.status_links(status_raw):
            if relation not in told:
                links.append(Link(relation, target, field_lines.get("status")))
        if "evised by" in status_raw or "xtended by" in status_raw:  # `Accepted (the ... model is revised by ADR-0007)`
            for target in link_scope.amended_by(status_raw, links):  # (MordechaiN/Cart-Optimizer 99ea50a11ff5 .../0006-*.md)
                links.append(Link(Relation.AMENDED_BY, target, field_lines.get("status")))
        if "xtends" in status_raw:  # a relation told in the status as anywhere else (`Accepted. Extends ADR 0004`)
            for target in vocabulary.extended_targets(status_raw):
                if not any(l.relation is Relation.AMENDS and l.target == target for l in links):
                    links.append(Link(Relation.AMENDS, target, field_lines.get("status")))
    for key, relation in () if _LINK_KEYS.isdisjoint(fields) else _LINK_FIELDS:  # (most records have none)
        value = get(key)
        if not value:
            continue
        # A YAML list or "a, b" holds targets; a line of prose ("ADR-0013 的语料 v1") names them.
        # (So does one in full-width punctuation without a blank: `ADR-0001（前端架構）、ADR-0003（路由／權限）`.)
        prose_value = isinstance(value, str) and ("[" in value or " " in value.strip() or not value.isascii())
        if prose_value and value.split(None, 1)[0].strip("*_.,;:()").lower() in _NO_TARGET:
            continue  # `**Supersedes:** None (extends ADR-0087)`: the remark after "None" names no target of this field
        for target in _distinct(vocabulary.reference_targets(value)) if prose_value else split_list(value):
            if not any(c.isalnum() for c in target) or target.lower() in _NO_TARGET or _WORK_ITEM.match(target):
                continue  # `**Supersedes:** —` (allancascante/cenfosoft-civisguard c246e5bd1d6e docs/adrs/0003-*.md)
            if target[:3] == "../" and relation is Relation.RELATES_TO and link_scope.beyond_decisions(raw.path, target):
                continue
            if "`" in value and link_scope.code_path_to_no_record(target):
                continue
            if relation is Relation.RELATES_TO and _is_capitalised_document(target):
                continue  # `**Related:** PROJECT_OPS_PROTOCOL.md` (Dmitriy-Bondarev/TimeWoven 72d6a4a609e6 docs/adr/ADR-008.md)
            if not any(l.relation is relation and l.target == target for l in links):
                links.append(Link(relation, target, field_lines.get(key)))
    if (listed := get("links")) is not None:  # MADR front matter's `links:` entries (`- type: relates-to`)
        for relation, target in front_matter_links.entries(listed):
            if not any(l.relation is relation and l.target == target for l in links):
                links.append(Link(relation, target, field_lines.get("links")))
    if "upersedes" in title and (paren := _HEADING_SUPERSEDES.search(title)):
        # `# ADR-0013: ytt Data Values for Talos Templating (Supersedes ADR-0011, ADR-0012)` (cpritchett/homelab
        # 1fbebc8ad64c docs/adr/ADR-0013-ytt-data-values.md): the title keeps its words, which type the links.
        named = {_target_number(l.target) for l in links if l.relation is Relation.SUPERSEDES}
        for target in _distinct(vocabulary.reference_targets(paren.group(1))):
            if _target_number(target) not in named:  # (the Status section may link the same record by its file)
                links.append(Link(Relation.SUPERSEDES, target, raw.title_line))
    lines, body_start = raw.lines, raw.body_start
    text = raw.text
    if text is None:
        text, offset = "".join(lines), sum(map(len, lines[:body_start]))
    else:
        offset = sum(map(len, lines[:body_start])) if body_start else 0
    known = {l.line for l in links} if links else frozenset()
    if raw.prose_lines is not None:
        prose_links = prose.links(raw.prose_lines, body_start, None, known, number)
    # (Most bodies hold no Markdown link and not the word "related" (a `Related:` label, a Related heading, a Links
    # entry `* [Related to] ADR-0007 - Domain Repository Pattern` in a body without a Markdown link, opendatahub-io/
    # odh-dashboard b9d09633b0ee packages/gen-ai/docs/adr/0012-external-vector-stores.md): a literal-prefix search and
    # a substring search, each far cheaper than one regular expression for both.)
    elif (linked := _links_from(text, offset)) or text.find("elated", offset) >= 0 \
            or text.find("相关", offset) >= 0 or text.find("elaci", offset) >= 0 \
            or text.find("# Relation", offset) >= 0:  # (`## 相关决策`, `## Relación con ...`, `## Relationship to ...`)
        body = text[offset:] if offset else text
        prose_links = labelled = []
        if linked:
            if body.find("][") >= 0:
                body = related.inline_references(body)
            prose_links = prose.links(lines, body_start, body, known, number)
            if any(body.find(end) >= 0 for end in related.BOLD_LABEL_ENDS):
                labelled = related.labelled_lists(body, body_start + 1, relation_of_label)
                prose_links = [*prose_links, *labelled]
            if body.find(changes_section.MARK) >= 0:  # `### 2026-07-04 — [0010](...)` under `## Changes`
                prose_links = [*prose_links, *changes_section.links(lines, _body_headings(raw, body_start, text))]
        if related.RELATED_HEADING.search(body):
            prose_links = [*prose_links, *related.related_section(lines, _body_headings(raw, body_start, text),
                                                                  bool(labelled))]
        if body.find("\nRelated ADRs\n") >= 0 or body.find("\nRelated ADRs\r\n") >= 0:
            prose_links = [*prose_links, *related.setext_related(body, body_start)]
        at = body.find("elated")  # a `Related:` / `Related decisions:` label
        while at > 0:
            if body[at - 1] in "Rr":
                first_line = body_start + body.count("\n", 0, at) + 1
                prose_links = [*prose_links, *related.related_label(body, at - 1, first_line)]
            at = body.find("elated", at + 1)
    else:
        prose_links = []
    if raw.prose_lines is None:  # (each str.find costs about 1 us a 2 KB body: the rarer looks nest under one they need)
        if text.find("upersed", offset) >= 0:
            if text.find("superseded", offset) >= 0:
                prose_links = [*prose_links, *related.superseded_here(text, offset, body_start + 1)]
            if find_after(text, relationship_table.REVISION_MARK, 0, offset) >= 0:  # `| Superseding ADR 0032 |`
                prose_links = [*prose_links, *relationship_table.revision_links(text, offset, body_start + 1)]
        if find_after(text, relationship_table.MARK, 0, offset) >= 0:  # `| Relates To | ADR-005 |`
            prose_links = [*prose_links, *relationship_table.table_links(text, offset, body_start + 1,
                                                                         relation_of_label)]
        # (`'ADR`: French elides the article, `modifié par l'ADR 0031`)
        if _names_adr(text, offset) and (
                sentences := [*this_record.links(text, offset, body_start + 1),
                              *this_record.passive_links(text, offset, body_start + 1)]):
            # `This supersedes ADR 0002's Decision 3`: a record this one links already, by file or number, once
            named = {(r, _target_number(t)) for r, t in [*((l.relation, l.target) for l in links),
                                                          *((r, t) for r, t, _ in prose_links)]}
            prose_links = [*prose_links, *(x for x in sentences if (x[0], int(x[1])) not in named)]
        if linked and (text.find(prose.IT_MARKS[0], offset) >= 0 or text.find(prose.IT_MARKS[1], offset) >= 0):
            prose_links = [*prose_links, *prose.pronoun_links(text, offset, body_start + 1)]  # `... [ADR-17](...). It amends`
        if text.find("によ", offset) >= 0 or linked and find_after(text, "(qu", 1, offset) >= 0:
            prose_links = [*prose_links, *prose.postfix_links(text, offset, body_start + 1)]
    for relation, target, line in prose_links:
        if target[:3] == "../" and relation is Relation.RELATES_TO and link_scope.beyond_decisions(raw.path, target):
            continue
        if not any(l.relation is relation and l.target == target for l in links):
            links.append(Link(relation, target, line))
    if status_raw is None and raw.prose_lines is None:
        stated = stated_status(text, offset)
        if stated:  # "This document is superseded by three different ADRs", "**Superseded:** ... kept for history"
            status = vocabulary.normalize_status(stated)
    # A record with no status (or no status word) but a superseded-by link, in any form, is superseded
    # (Ensembl/decisions 0005: `Superseded by [...](...).` then a `See [...]` sentence, under `## Status`).
    if (status_raw is None or status is _UNKNOWN) and any(l.relation is _SUPERSEDED_BY for l in links):
        status = _SUPERSEDED

    value = get("choice")
    choice_raw = None if value is None else as_text(value)
    value = get("door")
    door_raw = None if value is None else as_text(value)
    choice = None if choice_raw is None else vocabulary.parse_choice(choice_raw)
    door = None if door_raw is None else vocabulary.parse_door(door_raw)
    if choice_raw and choice is None:
        problems.append(
            Problem(raw.path, f"unknown choice '{choice_raw}' (expected deliberate or arbitrary)",
                    field_lines.get("choice"), "unknown-tag", "error")
        )
    if door_raw and door is None:
        problems.append(
            Problem(raw.path, f"unknown door '{door_raw}' (expected one-way or two-way)",
                    field_lines.get("door"), "unknown-tag", "error")
        )
    value = get("date")
    date, date_note = dates.read(None if value is None else as_text(value))
    if date_note:
        problems.append(Problem(raw.path, date_note, field_lines.get("date"), "date", "warning"))
    if date is not None and stem[:1] in "12" and record_names.is_date_stem(stem) and _NUMERIC_DATE.match(as_text(value)):
        # An ambiguous day-first reading: the file name's date settles the order, the reading nearer it wins
        # (`Date: 7/12/2022` in aws/aws-parallelcluster-ui decisions/20220713-use-github-actions-for-pipelines.md).
        swapped = dates.normalize(f"{date[:4]}-{date[8:10]}-{date[5:7]}")
        if swapped and swapped != date and _days_apart(swapped, stem) < _days_apart(date, stem):
            date = swapped
    if date is None and not value and status_raw:
        # No date line: the date written with the status ("**Accepted** 2023-05-11", "Provisional
        # (2023-04-07)"), or a dated status log's first entry ("2017-11-22 提议").
        logged = [d for d in (dates.leading(l) for l in status_raw.splitlines()) if d]
        if not logged and ("[x]" in status_raw or "[X]" in status_raw):  # a checklist log: its first ticked state's date
            logged = [d for d in (dates.within(l) for l in vocabulary.checked_lines(status_raw)[:1]) if d]
        entry = dates.without_update_notes(vocabulary.status_entry(status_raw)[1])
        date = logged[0] if logged else dates.within(entry) or dates.named_within(entry)
    if raw.title_line:
        field_lines["title"] = raw.title_line
    makers = get("decision-makers")
    if makers is None:
        makers = get("deciders")
    value = get("revisit")
    revisit = None if value is None else as_text(value)
    value = get("inline-id")
    inline_id = None if value is None else as_text(value)
    value = get("tags")
    tags = [] if value is None else split_list(value)
    value = get("references")
    references = [] if value is None else split_list(value)
    value = get("governs")
    governs = [] if value is None else split_list(value)
    # Positional (in `Decision`'s field order, checked below the function): keywords cost twice as much here.
    decision = Decision(
        format_id(number) if number is not None else stem,  # id
        title or stem,
        raw.path,
        _RECORD,
        raw.dialect,
        number,
        status,
        status_raw,
        date,
        [] if makers is None else split_list(makers),  # decision_makers
        choice,
        door,
        revisit,
        tags,
        links,
        references,
        governs,
        "",  # body: the file's tail, below
        problems,
        None,  # line (inline decisions only)
        inline_id,
        field_lines,
    )
    defer_body(decision, text, offset)
    return decision


_ORDER = ("id", "title", "path", "kind", "dialect", "number", "status", "status_raw", "date", "decision_makers", "choice",
          "door", "revisit", "tags", "links", "references", "governs", "body", "problems", "line", "inline_id",
          "field_lines")
assert tuple(Decision.__dataclass_fields__)[: len(_ORDER)] == _ORDER, "build() passes Decision's fields by position"


def newline_of(lines: list[str]) -> str:
    for line in lines:
        if line.endswith("\r\n"):
            return "\r\n"
        if line.endswith("\n"):
            return "\n"
    return "\n"


def ensure_final_newline(lines: list[str], index: int, nl: str) -> None:
    """Before inserting after lines[index], make sure that line ends."""
    if 0 <= index < len(lines) and not lines[index].endswith(("\n", "\r")):
        lines[index] += nl

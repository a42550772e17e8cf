"""Convert records between dialects without losing a field.

A record is taken apart into its title line, its fields as written, its
explicit links, any front-matter keys adrtool does not know, and its body
(the text after the title with every piece of metadata removed); then it is
written whole in the target dialect.  Before a conversion is planned, the
new text is read back with the store's own reader and compared with the
record field by field: a conversion that would change any field is refused,
so a migration is lossless by construction, not by hope.

Targets: `native` (front matter; MADR 4 plus adrtool's keys), `madr4` (the
same layout: MADR 4 readers ignore keys they do not know) and `nygard`
(adr-tools: `Key: value` lines under the title, a `## Status` section).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from adrtool import dialects, frontmatter, vocabulary
from adrtool.authoring.changes import Change
from adrtool.dialects import metadata_lines, native, nygard, phodal
from adrtool.dialects.common import FIELDS, LIST_FIELDS, as_text, newline_of, split_list
from adrtool.dialects.link_lines import LABEL_OF, parse_link_line
from adrtool.model import Decision, Kind, Relation
from adrtool.sections import first_h1, headings
from adrtool.store import StoreError

TARGETS = ("native", "madr4", "nygard")
FRONT_MATTER = ("native", "madr4")
_LINK_KEYS = {r: r.value for r in Relation}  # the front-matter keys are the relation names
# Front-matter keys a record's fields come from; any other key is carried over as it is.
_KNOWN_KEYS = set(FIELDS) | set(_LINK_KEYS.values()) | {"deciders", "title"}


@dataclass
class Parts:
    """A record taken apart."""

    title_line: str | None  # the H1 as written, without its line ending
    fields: dict[str, object]  # FIELDS -> str or list[str], as written; absent when empty
    links: list[tuple[Relation, str]]  # explicit links, targets as written
    body: str  # the text after the title, metadata removed, leading blank lines dropped
    newline: str = "\n"
    extra: list[tuple[str, object]] = field(default_factory=list)  # unknown front-matter keys


# ---- taking a record apart ---------------------------------------------------


def _explicit_links(d: Decision) -> list[tuple[Relation, str]]:
    """The links written as links; a 'superseded by X' status carries its own link and is not repeated."""
    derived = {(r, t) for r, t in vocabulary.status_links(d.status_raw)}
    status_line = d.field_lines.get("status")
    return [
        (l.relation, l.target) for l in d.links
        if not ((l.relation, l.target) in derived and l.line == status_line)
    ]


def _fields_from(raw: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in FIELDS:
        value = raw.get(name)
        if name == "decision-makers" and value in (None, "", []):
            value = raw.get("deciders")
        if name in LIST_FIELDS:
            items = split_list(value)
            if items:
                out[name] = items
        else:
            text = as_text(value) if not isinstance(value, str) else value.strip()
            if text:
                out[name] = text
    return out


def _without_lines(lines: list[str], drop: set[int]) -> list[str]:
    return [line for i, line in enumerate(lines) if i not in drop]


def _body(lines: list[str], trim_end: bool = False) -> str:
    """The remaining text without leading blank lines (and trailing ones, where metadata was cut out)."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    if trim_end:
        while lines and not lines[-1].strip():
            lines = lines[:-1]
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines = lines[:-1] + [lines[-1] + newline_of(lines)]
    return "".join(lines)


def _title(lines: list[str], start: int) -> tuple[str | None, int]:
    """(H1 as written, index of the first line after it)."""
    found = first_h1(lines, start)
    if not found:
        return None, start
    idx = found[0]
    return lines[idx].rstrip("\r\n"), idx + 1


def _from_front_matter(d: Decision, lines: list[str]) -> Parts:
    fm = frontmatter.parse(lines)
    title_line, after = _title(lines, fm.end_line + 1)
    raw = {k.lower(): v for k, v in fm.data.items()}
    if d.status_raw is not None:
        raw["status"] = d.status_raw
    extra = [(k, v) for k, v in fm.data.items() if k.lower() not in _KNOWN_KEYS or (k.lower() == "title" and title_line)]
    if title_line is None and fm.data.get("title"):
        extra = [(k, v) for k, v in extra if k.lower() != "title"]
        title_line = f"# {as_text(fm.data['title'])}"
    return Parts(title_line, _fields_from(raw), _explicit_links(d), _body(lines[after:]), newline_of(lines), extra)


def _links_section_lines(lines: list[str]) -> set[int]:
    """The link bullets of a MADR 2 `## Links` section, and its heading when nothing else is in it."""
    heads = headings(lines)
    for n, (idx, level, text) in enumerate(heads):
        if level >= 2 and text.strip().lower() in ("links", "related decisions", "related"):
            end = next((i for i, lv, _ in heads[n + 1 :] if lv <= level), len(lines))
            links = {i for i in range(idx + 1, end) if parse_link_line(lines[i])}
            rest = [i for i in range(idx + 1, end) if i not in links and lines[i].strip()]
            return links if rest else set(range(idx, end))
    return set()


def _from_bullets(d: Decision, lines: list[str], text: str) -> Parts:
    dialect = dialects.writer_for(d, text)
    title_line, after = _title(lines, 0)
    first, stop = dialect.metadata(lines)
    raw, where = metadata_lines.read(lines, first, stop, dialect.bullet)
    drop = {line - 1 for line in where.values()} | _links_section_lines(lines)
    rest = _without_lines(lines, drop)[after:] if title_line else _without_lines(lines, drop)
    if title_line is None:
        title_line = f"# {d.title}"
    return Parts(title_line, _fields_from(raw), _explicit_links(d), _body(rest, trim_end=True), newline_of(lines))


def _from_nygard(d: Decision, lines: list[str]) -> Parts:
    title_line, after = _title(lines, 0)
    first = nygard._first_section(lines, after)
    raw, where = metadata_lines.read(lines, after, first, "")
    drop = {line - 1 for line in where.values()}
    section = nygard._status_section(lines, max(after - 1, 0))
    if section:
        drop |= set(range(*section))
    raw["status"] = d.status_raw
    rest = _without_lines(lines[after:], {i - after for i in drop if i >= after})
    if title_line is None:
        title_line = f"# {d.title}"
    return Parts(title_line, _fields_from(raw), _explicit_links(d), _body(rest, trim_end=True), newline_of(lines))


def take_apart(d: Decision, text: str) -> Parts:
    lines = text.splitlines(keepends=True)
    if d.dialect in native.NAMES:
        return _from_front_matter(d, lines)
    if d.dialect in ("nygard", phodal.NAME):  # phodal's `adr` writes adr-tools' layout; its status log is kept
        return _from_nygard(d, lines)
    if d.dialect in ("madr2", "log4brains"):
        return _from_bullets(d, lines, text)
    raise StoreError(f"{d.path}: cannot migrate a {d.dialect} record")


# ---- link targets --------------------------------------------------------------


class Links:
    """Link targets -> records for one migration.

    The store's `resolve_link` looks at every record per call; converting a
    10,000-record log resolves thousands of links, so this keeps the records
    by path and by number for the length of one command (nothing is kept after).
    """

    def __init__(self, repo):
        self.repo = repo
        self.by_path = {d.path: d for d in repo.records}
        self.by_number: dict[int, list[Decision]] = {}
        for d in repo.records:
            if d.number is not None:
                self.by_number.setdefault(d.number, []).append(d)

    def resolve(self, source: Decision, target: str) -> Decision | None:
        clean = target.split("#", 1)[0]
        if clean.lower().endswith(".md") and "://" not in clean:
            joined = os.path.normpath(str(PurePosixPath(source.path).parent / clean)).replace(os.sep, "/")
            if joined in self.by_path:
                return self.by_path[joined]
        m = re.fullmatch(r"(?:adr|ADR|Adr)?[-_ #]*0*(\d{1,5})", clean)
        if m:
            found = self.by_number.get(int(m.group(1)), [])
            return found[0] if len(found) == 1 else None
        return self.repo.resolve_link(source, target)

    def unique_number(self, d: Decision) -> bool:
        return d.number is not None and len(self.by_number.get(d.number, [])) == 1


def _native_target(links: Links, d: Decision, target: str) -> str:
    """A number when it names the record unambiguously (as `supersedes: [12]`), else as written."""
    found = links.resolve(d, target)
    if found is not None and links.unique_number(found):
        return str(found.number)
    return target


def _nygard_link(links: Links, d: Decision, relation: Relation, target: str) -> str:
    """`Supersedes [12. Foo](0012-foo.md)`, the line `adr link` writes."""
    found = links.resolve(d, target)
    if found is None or found.kind is not Kind.RECORD:
        return f"{LABEL_OF[relation]} [{target}]({target})"
    dest = os.path.relpath(found.path, str(PurePosixPath(d.path).parent)).replace(os.sep, "/")
    label = f"{found.number}. {found.title}" if found.number is not None else found.title
    return f"{LABEL_OF[relation]} [{label}]({dest})"


# ---- writing a record whole ----------------------------------------------------


def _yaml_line(key: str, value: object, nl: str) -> str:
    if isinstance(value, str) and "\n" in value:
        # A multi-line value (a dated status log) as a literal block, one line per entry.
        return f"{key}: |-{nl}" + "".join(f"  {line}{nl}" for line in value.split("\n"))
    if isinstance(value, dict):
        raise ValueError(key)
    return f"{key}: {frontmatter.format_value(value)}{nl}"


def _join_body(head: list[str], body: str, nl: str) -> str:
    text = "".join(head)
    return text + (nl + body if body else "")


def render_front_matter(links: Links, d: Decision, parts: Parts) -> str:
    nl = parts.newline
    out = [f"---{nl}"]
    try:
        for name, value in parts.fields.items():
            out.append(_yaml_line(name, value, nl))
        for relation, key in _LINK_KEYS.items():
            targets = [_native_target(links, d, t) for r, t in parts.links if r is relation]
            if targets:
                out.append(_yaml_line(key, targets, nl))
        for key, value in parts.extra:
            out.append(_yaml_line(key, value, nl))
    except ValueError as exc:
        raise StoreError(f"{d.path}: front-matter key '{exc}' holds a nested mapping; migrate it by hand") from None
    out += [f"---{nl}", nl, f"{parts.title_line or '# ' + d.title}{nl}"]
    return _join_body(out, parts.body, nl)


def _extra_line(key: str, value: object) -> str:
    if isinstance(value, dict):
        raise StoreError(f"front-matter key '{key}' holds a nested mapping; migrate it by hand")
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return f"{key[:1].upper()}{key[1:]}: {text}"


def render_nygard(links: Links, d: Decision, parts: Parts) -> str:
    nl = parts.newline
    number = f"{d.number}. " if d.number is not None else ""
    out = [f"{parts.title_line or '# ' + number + d.title}{nl}", nl]
    meta = []
    for name, value in parts.fields.items():
        if name == "status":
            continue
        text = ", ".join(value) if isinstance(value, list) else value
        meta.append(f"{metadata_lines.display_name(name)}: {text}{nl}")
    try:
        meta += [_extra_line(k, v) + nl for k, v in parts.extra]
    except StoreError as exc:
        raise StoreError(f"{d.path}: {exc}") from None
    if meta:
        out += meta + [nl]
    # The Status section goes before the body's first section, where adr-tools puts it.
    body_lines = parts.body.splitlines(keepends=True)
    split = next((i for i, level, _ in headings(body_lines) if level <= 2), len(body_lines))
    preamble, rest = "".join(body_lines[:split]), "".join(body_lines[split:])
    if preamble:
        out.append(preamble if preamble.endswith(("\n", "\r")) else preamble + nl)
        if preamble.strip():
            out.append(nl)
    out += [f"## Status{nl}", nl]
    status = parts.fields.get("status")
    if status:
        out += [line + nl for line in str(status).split("\n")]
    # One paragraph per link, as `adr link` writes them.
    lines = [_nygard_link(links, d, r, t) + nl for r, t in parts.links]
    for n, line in enumerate(lines):
        out += ([nl] if status or n else []) + [line]
    if not status and not lines:
        out.pop()  # an empty Status section: just the heading
    return _join_body(out, rest, nl)


# ---- planning ------------------------------------------------------------------


def _resolved_links(links: Links, d: Decision) -> list[tuple[str, str]]:
    out = []
    for r, t in _explicit_links(d) + [(l.relation, l.target) for l in d.links]:
        found = links.resolve(d, t)
        out.append((r.value, found.path if found else t))
    return sorted(set(out))


_COMPARED = ("title", "number", "status", "status_raw", "date", "decision_makers", "choice", "door",
             "revisit", "tags", "references", "governs", "inline_id")


def _check_lossless(links: Links, d: Decision, new_text: str) -> None:
    """Read the converted text back and refuse the conversion if any field would change."""
    try:
        record, _ = dialects.parse_file(d.path, new_text, True, links.repo.config.log4brains)
    except frontmatter.FrontMatterError as exc:
        raise StoreError(f"{d.path}: cannot migrate losslessly: the converted front matter does not read back ({exc})") from None
    if record is None:
        raise StoreError(f"{d.path}: cannot migrate losslessly: the converted text is not read as a record")
    for name in _COMPARED:
        old, new = getattr(d, name), getattr(record, name)
        if name == "status_raw" and new is None and old and parse_link_line(old):
            continue  # 'superseded by [X](x.md)' becomes the link line it is, in the Status section
        if old != new:
            raise StoreError(f"{d.path}: cannot migrate losslessly: {name} would change from {old!r} to {new!r}")
    if _resolved_links(links, d) != _resolved_links(links, record):
        raise StoreError(f"{d.path}: cannot migrate losslessly: its links would change")


def _rename_deciders(text: str) -> str:
    """MADR 3's `deciders:` is MADR 4's `decision-makers:`; only the key changes."""
    lines = text.splitlines(keepends=True)
    fm = frontmatter.parse(lines)
    if "deciders" not in fm.key_lines or "decision-makers" in fm.key_lines:
        return text
    i = fm.key_lines["deciders"]
    lines[i] = re.sub(r"^deciders", "decision-makers", lines[i])
    return "".join(lines)


def convert(repo, d: Decision, to: str, links: Links | None = None) -> str:
    """The text of record `d` in dialect `to` (its current text when it is already there)."""
    links = links or Links(repo)
    text = repo.text(d)
    if d.dialect in native.NAMES and to in FRONT_MATTER:
        return _rename_deciders(text)
    if d.dialect == to:
        return text
    parts = take_apart(d, text)
    new = render_nygard(links, d, parts) if to == "nygard" else render_front_matter(links, d, parts)
    _check_lossless(links, d, new)
    return new


def migrate(repo, decisions: list[Decision], to: str) -> list[Change]:
    """The changes that convert `decisions` (records) to dialect `to`; unchanged records are left out."""
    if to not in TARGETS:
        raise StoreError(f"cannot migrate to '{to}' (choose {', '.join(TARGETS)})")
    rst = [d for d in decisions if d.dialect == "rst"]
    if rst:
        # decision 0094: RST bodies are not rewritten into Markdown; RST records are edited in place.
        more = f" and {len(rst) - 1} more" if len(rst) > 1 else ""
        raise StoreError(
            f"{rst[0].path}{more}: cannot migrate reStructuredText records: their bodies would have to be rewritten "
            "into Markdown; adrtool reads and edits RST records where they are (tag, status, supersede, renumber), "
            "so keep them in RST, or name the Markdown records to migrate only those")
    changes = []
    links = Links(repo)
    for d in decisions:
        if d.kind is not Kind.RECORD:
            raise StoreError(f"{d.path}:{d.line}: '{d.id}' is an inline decision; only records are migrated")
        if d.problems and any(p.severity == "error" and p.code == "front-matter" for p in d.problems):
            raise StoreError(f"{d.path}: fix its front matter before migrating it")
        before = repo.text(d)
        after = convert(repo, d, to, links)
        if after != before:
            changes.append(Change(d.path, before, after))
    return changes

"""Front-matter records: adrtool's native format (MADR 4 plus a few keys), MADR 3 and MADR 4.

They share one reader and one writer: metadata lives in YAML front matter,
the title in the first H1.  Edits go through `frontmatter.set_key`, which
changes only the lines of the key it sets.
"""

from __future__ import annotations

import re

from adrtool import dates, frontmatter, languages, vocabulary
from adrtool.dialects import metadata_lines, nygard
from adrtool.dialects.common import FIELDS, LIST_FIELDS, RawRecord, build, find_title
from adrtool.model import Decision, Relation, Status

NAMES = ("native", "madr4", "madr3")
# Keys only adrtool writes; their presence makes a file "native".
NATIVE_KEYS = {"choice", "door", "revisit", "governs", "references", "supersedes", "amends", "relates-to", "inline-id"}
RECORD_KEYS = {"status", "date", "deciders", "decision-makers", "choice", "door"}
# Front-matter translations metadata lines do not take (a `- Décideurs:` bullet is no MADR 2 record by itself).
_TRANSLATED = {"décideurs": "decision-makers", "decideurs": "decision-makers", **{k: "date" for k in languages.CREATED_KEYS}}
# The keys read as they are; any other is looked up as a translation (`statut` -> status).
_OWN_KEYS = {*FIELDS, "title", "deciders", "supersedes", "superseded-by", "amends", "amended-by", "relates-to"}
_LINK_KEYS = {
    Relation.SUPERSEDES: "supersedes",
    Relation.SUPERSEDED_BY: "superseded-by",
    Relation.AMENDS: "amends",
    Relation.AMENDED_BY: "amended-by",
    Relation.RELATES_TO: "relates-to",
}


# A static site's page keys (Hugo's `weight`, `draft`): front matter dated by the site, not by a record, unless it
# also holds a status (testruction/adr 76c9d327fc60 docs/adrs/process.md: `title`, `date`, `draft`, `weight`, `toc`
# over a process page). Such a page is read by its body, as any file without front matter.
_SITE_PAGE_KEYS = {"weight", "draft"}


def looks_like_record(fm: frontmatter.FrontMatter) -> bool:
    if not fm.present:
        return False
    if RECORD_KEYS.isdisjoint(fm.data) and not any(
            (k.__class__ is str and metadata_lines.field_name(k)) in RECORD_KEYS for k in fm.data):
        # (keys in any case, translated: `Date: 2023-01-30`, `Statut: Accepté`, CQEN-QDCE/wiki-innovation cbfcfaf55502
        # Decisions/2023-01-30-Gestion_des_acces_Github_CQEN.md)
        return False
    return "status" in fm.data or _SITE_PAGE_KEYS.isdisjoint(fm.data)


def dialect_name(fm: frontmatter.FrontMatter) -> str:
    if not NATIVE_KEYS.isdisjoint(fm.data):  # (a set's test against the dict's keys: no set built)
        return "native"
    if "deciders" in fm.data:
        return "madr3"
    return "madr4"


def parse(path: str, stem: str, lines: list[str], fm: frontmatter.FrontMatter, heads=None,
          text: str | None = None) -> Decision:
    """The record; `text`, when given, is "".join(lines) (its tail becomes the body, uncopied)."""
    raw = RawRecord(path=path, dialect=dialect_name(fm), lines=lines, text=text)
    data, key_lines, fields, field_lines = fm.data, fm.key_lines, raw.fields, raw.field_lines  # (once, not per key)
    for key, value in data.items():
        k = key.lower()
        if k not in _OWN_KEYS:
            # A translated key (`statut: proposé`, `décideurs:`) is the field it names, unless that is set too
            # (MTES-MCT/zero-logement-vacant docs/decisions/20240603162604-msw-pour-mocker-l-api-dans-les-tests-front.md).
            alias = _TRANSLATED.get(k) or metadata_lines.field_name(k)
            if alias is not None and alias not in data and alias in _OWN_KEYS:
                k = alias
        if k == "deciders" and "decision-makers" in data:
            continue
        if value.__class__ is dict and len(value) == 1 and next(iter(value.values())) in (None, ""):
            # `status: {proposed}`: the template's braces, filled in, which YAML reads as a mapping
            # (microsoft/semantic-kernel b39d95a34435 docs/decisions/0021-aiservice-metadata.md).
            value = "{" + str(next(iter(value))) + "}"
        fields[k] = value
        if key in key_lines:
            field_lines[k] = key_lines[key] + 1
    if "deciders" in field_lines:
        field_lines.setdefault("decision-makers", field_lines["deciders"])
    if _no_state(fields.get("status")):
        _section_status(raw, lines, fm.end_line + 1, heads)
    find_title(raw, fm.end_line + 1, heads)
    raw.body_start = raw.title_line if raw.title_line else fm.end_line + 1
    if "date" not in fields:
        _title_date_line(raw, lines)
    if "date" not in fields:
        nygard.section_date(raw, lines, fm.end_line + 1, text, heads)
    if "revisit" not in raw.fields and (text is None or "evisit" in text):
        _quick_form_revisit(raw)
    return build(raw, stem)


def _title_date_line(raw: RawRecord, lines: list[str]) -> None:
    """A `Date:` line under the title, where adr-tools writes it, for front matter that gives no date
    (VictorHueni/homemade-claude-kit f014fbaef661 docs/architecture/decisions/adr-0002-*.md: front matter with
    `status: active`, `last_reviewed:`, no date key, then `# Central Open-Items Plane ...` over `Date: 2026-06-03`).
    Only the first lines up to the next heading are looked at, and only one opening with `D` or a bullet."""
    if not raw.title_line:
        return
    first = raw.title_line  # (the line after the title, 0-based)
    stop = first
    while stop < len(lines) and stop < first + 8 and lines[stop][:1] != "#":
        stop += 1
    for i in range(first, stop):
        line = lines[i].lstrip(" \t-*")
        if line[:1] not in "Dd" or ":" not in line:
            continue
        bullet = lines[i].lstrip(" \t")[:1]
        fields, _ = metadata_lines.read(lines, i, i + 1, bullet if bullet in ("-", "*") else "")
        if fields.get("date").__class__ is str and dates.read(fields["date"])[0]:
            raw.fields["date"], raw.field_lines["date"] = fields["date"], i + 1
            return


# The states front matter opens with most often (`superseded by [ADR-8]...` too), passed over without a look-up.
_PLAIN_STATES = frozenset(s.value for s in Status if s is not Status.UNKNOWN)


def _no_state(status) -> bool:
    """Whether a front-matter `status:` holds text that is no decision state (`stable`, a page maturity)."""
    return status.__class__ is str and status.partition(" ")[0].lower() not in _PLAIN_STATES \
        and vocabulary.normalize_status(status) is Status.UNKNOWN


def _section_status(raw: RawRecord, lines: list[str], start: int, heads) -> None:
    """A front-matter `status:` that is no decision state (`status: stable`, a documentation tool's page
    maturity: mikevalstar/grimoire 4437db85c1a8 docs/adrs/0002-*.md, `generated: { by: okq/0.8.0 }`) gives way
    to the record's Status section (`## Status` over `Accepted.`), when it has one."""
    section = nygard._status_section(lines, start, heads)
    if section is None:
        return
    kept = raw.fields.pop("status"), raw.field_lines.pop("status", None)
    nygard.read_status_section(raw, lines, section)
    if "status" not in raw.fields or vocabulary.normalize_status(raw.fields["status"]) is Status.UNKNOWN:
        raw.fields["status"] = kept[0]
        if kept[1] is None:
            raw.field_lines.pop("status", None)
        else:
            raw.field_lines["status"] = kept[1]


# The quick form's line (templates/quick.md): `- **Revisit when:** when retries exceed 1% of calls`.
_QUICK_REVISIT = re.compile(r"^\s*[-*+]\s+\*\*Revisit when:?\*\*:?\s*(?P<when>.*?)\s*$", re.IGNORECASE)


def _quick_form_revisit(raw: RawRecord) -> None:
    """A filled-in quick-form "Revisit when" line is the revisit trigger (front matter's `revisit` wins)."""
    for index in range(raw.body_start, len(raw.lines)):
        line = raw.lines[index]
        if "evisit" not in line:
            continue
        m = _QUICK_REVISIT.match(line)
        when = m.group("when") if m else ""
        if when and not when.startswith("<!--"):
            raw.fields["revisit"] = when
            raw.field_lines["revisit"] = index + 1
            return


def _key_for(text: str, name: str) -> str:
    if name == "decision-makers":
        fm = frontmatter.parse(text.splitlines(keepends=True))
        if "deciders" in fm.data and "decision-makers" not in fm.data:
            return "deciders"
    return name


def set_field(text: str, name: str, value: object | None) -> str:
    if name == "status" and value is not None and _status_is_the_sections(text):
        # The reader takes this record's status from its Status section (`_section_status`): write it
        # there, and leave the front matter's `status: stable` as the documentation tool wrote it.
        from adrtool.dialects import nygard_write

        return nygard_write._set_status(text, value)
    if name in LIST_FIELDS and isinstance(value, str):
        value = [value]
    key = _key_for(text, name)
    before = FIELDS[: FIELDS.index(name)] if name in FIELDS else FIELDS
    anchors = tuple(before) + (("deciders",) if "decision-makers" in before else ())
    return frontmatter.set_key(text, key, value, after=anchors)


def _status_is_the_sections(text: str) -> bool:
    """Whether `parse` passes over the front matter's `status:` (no decision state) for the Status section's."""
    lines = text.splitlines(keepends=True)
    fm = frontmatter.parse(lines)
    status = fm.data.get("status")
    if not _no_state(status):
        return False
    raw = RawRecord(path="", dialect="native", lines=lines)
    raw.fields["status"] = status
    _section_status(raw, lines, fm.end_line + 1, None)
    return raw.fields["status"] is not status


def _current_list(text: str, key: str) -> list[str]:
    fm = frontmatter.parse(text.splitlines(keepends=True))
    value = fm.data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def add_link(text: str, relation: Relation, target_id: str, target_title: str, target_file: str) -> str:
    """Record a link in front matter; being superseded is said in the status, as MADR 4 does."""
    ref = target_id.lstrip("0") or "0" if target_id.isdigit() else target_id
    if relation is Relation.SUPERSEDED_BY:
        label = f"ADR-{target_id}" if target_id.isdigit() else target_id
        return set_field(text, "status", f"superseded by {label}")
    key = _LINK_KEYS[relation]
    current = _current_list(text, key)
    if ref in current or target_id in current:
        return text
    return frontmatter.set_key(text, key, current + [ref], after=FIELDS)


def remove_link(text: str, relation: Relation, targets: set[str]) -> str:
    key = _LINK_KEYS[relation]
    current = _current_list(text, key)
    kept = [t for t in current if t not in targets]
    if kept == current:
        return text
    return frontmatter.set_key(text, key, kept or None)

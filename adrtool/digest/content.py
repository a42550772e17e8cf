"""What the digest says, built from the repository; the renderers only format it.

Everything here is a pure function of the repository state, the git history
and `today` (given explicitly, so tests and `--check` are stable): there is
no "generated at" stamp, so the same repository renders the same bytes.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import tomllib
from dataclasses import dataclass, field

from adrtool import vocabulary
from adrtool.digest import chains as chains_mod
from adrtool.digest.consequence import Consequence, FileMatcher, inbound_links, ranked
from adrtool.digest.links import LinkResolver
from adrtool.digest.summary import Summary, stored_summary_reader, summarize
from adrtool.model import Choice, Decision, Door, Kind, Status
from adrtool.reasoning.estimate import Estimate, estimate_many, judged_quadrant

QUADRANTS = ("deliberate/one-way", "deliberate/two-way", "arbitrary/one-way", "arbitrary/two-way")
UNTAGGED = "untagged"
# Statuses that are history, not rules in force.
_PAST = {Status.SUPERSEDED, Status.DEPRECATED, Status.REJECTED}
RECENT_DEFAULT = 10  # without --since, "recently changed" lists the last N changes (stable across days)


@dataclass
class Entry:
    """One decision as the digest shows it."""

    decision: Decision
    link: str  # the record (or design document, with #L<line>) relative to the digest file
    summary: Summary = Summary("", "none")  # filled only for the sections that show one
    consequence: Consequence | None = None
    estimate: Estimate | None = None  # an untagged decision in force: its estimated tags, with their evidence
    changed: dt.date | None = None  # last change in git
    authors: list[str] = field(default_factory=list)

    @property
    def quadrant(self) -> str:
        return self.decision.quadrant

    @property
    def estimated_quadrant(self) -> str | None:
        """The quadrant with the decision's own tags and the estimate for each it lacks."""
        return judged_quadrant(self.decision, self.estimate) if self.estimate is not None else None


@dataclass
class Revisit:
    entry: Entry
    due: dt.date | None  # a passed date; None for a trigger to check
    text: str


@dataclass
class Digest:
    name: str
    tag: str | None
    since: dt.date | None
    counts: dict[str, int]  # quadrant or "untagged" -> decisions in force
    estimated: dict[str, int]  # quadrant -> untagged decisions in force estimated in it (all zero when none)
    total: int
    records: int
    inline: int
    load_bearing: list[Entry]
    danger_zone: list[Entry]
    considered: list[Entry]  # deliberate, two-way: thought through but cheap to undo
    free_records: list[Entry]
    free_inline: list[Entry]
    in_flight: list[Entry]
    due: list[Revisit]
    recent: list[Entry] | None  # None when there is no git history
    chains: list[chains_mod.Chain]
    entry_of: dict[int, Entry]  # id(decision) -> its entry (for the chains)
    timeline: list[tuple[str, list[Entry]]]  # (year, records of that year), oldest first
    untagged: list[Entry]
    likely_load_bearing: list[Entry]  # untagged, in force, estimated deliberate one-way; most consequential first
    untagged_past: int  # untagged decisions that are superseded, deprecated or rejected
    tags: list[str]


def in_force(d: Decision) -> bool:
    return d.status not in _PAST and d.status is not Status.PROPOSED


def build(repo, today: dt.date, *, since: dt.date | None = None, tag: str | None = None,
          out_dir: str = "", history=None, stored_summaries=True) -> Digest:
    """The digest of `repo`; `out_dir` (repository-relative) is where the file will live, for links.

    `history` is adrtool.history's map (path -> History) or None; pass
    `history=False` to skip git entirely.
    """
    decisions = [d for d in repo.decisions if tag is None or tag.lower() in (t.lower() for t in d.tags)]
    if history is None:
        history = load_history(repo)
    elif history is False:
        history = None
    stored = stored_summary_reader(repo) if stored_summaries else None
    relative = _relative_to(out_dir)
    entries = [_entry(d, relative, history) for d in decisions]
    entry_of = {id(e.decision): e for e in entries}
    live = [e for e in entries if in_force(e.decision)]

    counts = {q: 0 for q in (*QUADRANTS, UNTAGGED)}
    for e in live:
        counts[e.quadrant] += 1

    def quadrant(choice: Choice, door: Door) -> list[Entry]:
        return [e for e in live if e.decision.choice is choice and e.decision.door is door]

    load_bearing = quadrant(Choice.DELIBERATE, Door.ONE_WAY)
    resolver = LinkResolver(repo)
    inbound = inbound_links(resolver, repo.decisions)
    matcher = FileMatcher(repo.root)
    for e in load_bearing:
        d = e.decision
        e.consequence = Consequence(inbound.get(id(d), 0), len(d.governs), matcher.count(d.governs))
    order = ranked([e.decision for e in load_bearing], {id(e.decision): e.consequence for e in load_bearing})
    load_bearing = [entry_of[id(d)] for d in order]

    # Untagged decisions in force get estimates (never tags): drawn apart in the 2x2, and the likely load-bearing.
    untagged = [e for e in live if e.quadrant == UNTAGGED]
    for e, est in zip(untagged, estimate_many(repo, [e.decision for e in untagged])):
        e.estimate = est
    estimated = {q: 0 for q in QUADRANTS}
    for e in untagged:
        estimated[e.estimated_quadrant] += 1
    likely = [e for e in untagged if e.estimated_quadrant == "deliberate/one-way"]
    for e in likely:
        d = e.decision
        e.consequence = Consequence(inbound.get(id(d), 0), len(d.governs), matcher.count(d.governs))
    likely = [entry_of[id(d)] for d in ranked([e.decision for e in likely], {id(e.decision): e.consequence for e in likely})]

    free = quadrant(Choice.ARBITRARY, Door.TWO_WAY)
    danger_zone = quadrant(Choice.ARBITRARY, Door.ONE_WAY)
    considered = quadrant(Choice.DELIBERATE, Door.TWO_WAY)
    # Summaries only where the digest shows them: reading stored AI results costs a hash per decision.
    for e in (*load_bearing, *danger_zone, *considered, *free, *untagged):
        e.summary = summarize(repo, e.decision, stored)
    records = [e for e in entries if e.decision.kind is Kind.RECORD]
    return Digest(
        name=project_name(repo),
        tag=tag,
        since=since,
        counts=counts,
        estimated=estimated,
        total=len(entries),
        records=len(records),
        inline=len(entries) - len(records),
        load_bearing=load_bearing,
        danger_zone=_by_date(danger_zone),
        considered=_by_date(considered),
        free_records=_by_date([e for e in free if e.decision.kind is Kind.RECORD]),
        free_inline=[e for e in free if e.decision.kind is Kind.INLINE],
        in_flight=_by_date([e for e in entries if e.decision.status is Status.PROPOSED]),
        due=_due(live, today),
        recent=_recent(entries, since) if history is not None else None,
        chains=chains_mod.chains(resolver, decisions),
        entry_of=entry_of,
        timeline=_timeline(records),
        untagged=untagged,
        likely_load_bearing=likely,
        untagged_past=sum(1 for e in entries if e.quadrant == UNTAGGED and e.decision.status in _PAST),
        tags=sorted({t.lower() for d in decisions for t in d.tags}),
    )


def load_history(repo):
    """adrtool.history's map, or None when that module or git is unavailable."""
    try:
        from adrtool import history
    except ImportError:
        return None
    return history.load(repo)


def _relative_to(out_dir: str):
    """path -> the same path relative to `out_dir`; one relpath per folder, not per decision."""
    folders: dict[str, str] = {}

    def relative(path: str) -> str:
        folder, name = posixpath.split(path)
        if folder not in folders:
            folders[folder] = posixpath.relpath(folder or ".", out_dir or ".")
        return name if folders[folder] == "." else f"{folders[folder]}/{name}"

    return relative


def _entry(d: Decision, relative, history) -> Entry:
    target = relative(d.path)
    if d.kind is Kind.INLINE and d.line:
        target += f"#L{d.line}"
    e = Entry(d, target)
    h = history.get(d.path) if history is not None else None
    if h is not None:
        e.changed = _as_date(getattr(h, "updated", None))
        e.authors = list(getattr(h, "authors", None) or [])
    return e


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _by_date(entries: list[Entry]) -> list[Entry]:
    """Newest first; undated last; then by id, so the order never depends on the file system."""
    out = sorted(entries, key=lambda e: e.decision.id)
    out.sort(key=lambda e: e.decision.date or "", reverse=True)  # stable; "" (undated) sorts last
    return out


def revisit_date(text: str | None) -> dt.date | None:
    """A revisit written as a date (in any form vocabulary reads), else None: it is a trigger."""
    written = vocabulary.normalize_date(text)
    try:
        return dt.date.fromisoformat(written) if written else None
    except ValueError:
        return None


def _due(live: list[Entry], today: dt.date) -> list[Revisit]:
    """Passed revisit dates (oldest first), then every revisit trigger that is not a date."""
    dated, triggers = [], []
    for e in live:
        text = e.decision.revisit
        if not text:
            continue
        when = revisit_date(text)
        if when is None:
            triggers.append(Revisit(e, None, text))
        elif when <= today:
            dated.append(Revisit(e, when, text))
    dated.sort(key=lambda r: (r.due, r.entry.decision.id))
    triggers.sort(key=lambda r: r.entry.decision.id)
    return dated + triggers


def _recent(entries: list[Entry], since: dt.date | None) -> list[Entry]:
    changed = [e for e in entries if e.changed is not None and e.decision.kind is Kind.RECORD]
    changed.sort(key=lambda e: (e.changed, e.decision.id), reverse=True)
    if since is not None:
        return [e for e in changed if e.changed >= since]
    return changed[:RECENT_DEFAULT]


def _timeline(records: list[Entry]) -> list[tuple[str, list[Entry]]]:
    years: dict[str, list[Entry]] = {}
    for e in records:
        date = e.decision.date or ""
        year = date[:4] if re.fullmatch(r"\d{4}", date[:4]) else "undated"
        years.setdefault(year, []).append(e)
    for items in years.values():
        items.sort(key=lambda e: (e.decision.date or "", e.decision.id))
    return sorted(years.items(), key=lambda kv: (kv[0] == "undated", kv[0]))


def project_name(repo) -> str:
    """A name that does not depend on the checkout folder (so CI renders the same bytes)."""
    name = repo.config.settings.get("name") if isinstance(repo.config.settings, dict) else None
    if isinstance(name, str) and name.strip():
        return name.strip()
    pyproject = repo.root / "pyproject.toml"
    if pyproject.is_file():
        try:
            with open(pyproject, "rb") as fh:
                name = tomllib.load(fh).get("project", {}).get("name")
        except (OSError, tomllib.TOMLDecodeError):
            name = None
        if isinstance(name, str) and name.strip():
            return name.strip()
    return ""

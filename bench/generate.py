"""Deterministic generator of large decision repositories for the benchmarks.

    python bench/generate.py                       # every variant into bench/out/
    python bench/generate.py --sizes 1000 --variants mixed,adr-tools

Variants (each a folder under --out, plus `<name>.json`, the manifest of what was made):

- `mixed-<N>`: N decision records in every dialect adrtool reads (native,
  MADR 4, MADR 3, MADR 2 bullets, Nygard/adr-tools, log4brains), some in
  sub-folders, with supersessions and links written on both sides in each
  file's own style, plus design documents holding inline decisions (20% of
  N, five per document).  A git repository with one commit.
- `adr-tools-<N>`: N records exactly as adr-tools writes them (`doc/adr`,
  its template, `Supersedes`/`Superseded by` lines), so `adr generate toc`
  and `adr new` run on it.
- `log4brains-<N>`: N records in log4brains' format and layout
  (`.log4brains.yml`, `YYYYMMDD-slug.md`), committed, for `log4brains build`.
- `history-<N>`: the mixed repository grown through COMMITS commits (one per
  record created, then status changes, tag edits, typo fixes and renames),
  built with one `git fast-import`, plus a branch `bench-review` that touches
  20 decisions (5 new, 10 status changes, 5 edits) for `adrtool review`.
  Every commit changes the decision folder: the adversarial case.
- `realistic-<N>`: a code base of COMMITS commits, about 2% of them on N
  decisions (see `generate_realistic.py`), with the same `bench-review` branch.

Everything comes from one seeded `random.Random`, so the same seed gives
byte-identical repositories.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_OUT = BENCH / "out"
DECISION_DIR = "docs/decisions"
DESIGN_DIR = "docs/design"
INLINE_SHARE = 0.2  # inline decisions, as a share of the number of records
INLINE_PER_DOC = 5
FIRST_DAY = date(2016, 1, 4)
SPAN_DAYS = 3650  # records are spread over ten years

# Dialect mix of the mixed repository, by weight.
DIALECT_WEIGHTS = {"native": 30, "madr4": 10, "madr3": 10, "madr2": 15, "nygard": 25, "log4brains": 10}
CATEGORY_FOLDERS = ("storage", "api", "platform")

PEOPLE = ["Ana Lima", "Bo Chen", "Chidi Okafor", "Dana Kowalski", "Eun-ji Park", "Farid Haddad",
          "Greta Lund", "Hiro Tanaka", "Inés Ortega", "Jonas Weber"]
TAGS = ["storage", "api", "security", "frontend", "build", "observability", "data", "infra", "testing", "ux"]
TECH = ["PostgreSQL", "Redis", "Kafka", "gRPC", "GraphQL", "SQLite", "S3", "Terraform", "Bazel", "OpenTelemetry",
        "WebSockets", "protobuf", "JSON Schema", "Rust", "Go", "React", "HTMX", "Nginx", "Envoy", "ClickHouse",
        "DuckDB", "NATS", "Temporal", "Vault", "OAuth 2", "UUIDv7", "CRDTs", "event sourcing", "feature flags"]
AREA = ["the order service", "billing", "search", "the ingestion pipeline", "session storage", "audit logs",
        "the public API", "internal RPC", "the mobile client", "CI builds", "configuration", "the cache tier",
        "payments", "notifications", "the admin console", "metrics", "tracing", "user profiles", "exports",
        "the scheduler", "rate limiting", "secrets", "the data warehouse", "schema migrations"]
VERBS = ["Use", "Adopt", "Prefer", "Standardize on", "Move", "Keep", "Replace", "Introduce", "Drop", "Limit"]
WORDS = ("latency throughput consistency replica shard partition queue backlog retry timeout budget quorum "
         "lease snapshot checkpoint index schema migration rollout canary tenant quota cursor page batch "
         "stream buffer flush commit rollback conflict lock version contract client server gateway proxy "
         "cache eviction warmup cost license vendor team ownership oncall incident alert dashboard trace "
         "span metric sample error budget capacity peak load region failover backup restore encryption key "
         "rotation token audit compliance review operator runbook deploy pipeline artifact dependency upgrade "
         "compatibility format protocol payload field default limit window").split()
STATUS_WORD = {"proposed": "Proposed", "accepted": "Accepted", "rejected": "Rejected", "deprecated": "Deprecated"}


@dataclass
class Record:
    """One decision record to write: the state a dialect renderer needs."""

    index: int
    dialect: str
    title: str
    slug: str
    folder: str  # repository-relative folder
    number: int | None
    day: date
    status: str  # proposed | accepted | rejected | deprecated | superseded
    makers: list[str]
    choice: str | None
    door: str | None
    revisit: str | None
    tags: list[str]
    body_seed: int
    supersedes: list["Record"] = field(default_factory=list)
    superseded_by: "Record | None" = None
    relates: list["Record"] = field(default_factory=list)
    related_from: list["Record"] = field(default_factory=list)
    typo_fixes: int = 0  # bumped by history edits, changes the body slightly

    @property
    def stem(self) -> str:
        if self.number is None:
            return f"{self.day:%Y%m%d}-{self.slug}"
        return f"{self.number:04d}-{self.slug}"

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.stem}.md"

    @property
    def ident(self) -> str:
        """How other files refer to it: its number, or its stem when it has none."""
        return str(self.number) if self.number is not None else self.stem


@dataclass
class DesignDoc:
    path: str
    title: str
    inline: list[tuple[str | None, str | None, str, str | None, str | None]]  # id, tags, text, revisit, lead
    body_seed: int


@dataclass
class Plan:
    records: list[Record]
    docs: list[DesignDoc]

    @property
    def inline_count(self) -> int:
        return sum(len(d.inline) for d in self.docs)


# ---- planning -----------------------------------------------------------------


def slugify(title: str) -> str:
    """adr-tools' rule (lower case, runs of other characters become one dash), folded to ASCII."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def make_title(rng: random.Random) -> str:
    verb = rng.choice(VERBS)
    tech, area = rng.choice(TECH), rng.choice(AREA)
    if verb == "Move":
        return f"Move {area} to {tech}"
    if verb == "Replace":
        return f"Replace {rng.choice(TECH)} with {tech} in {area}"
    if verb == "Limit":
        return f"Limit {area} to {rng.randint(2, 500)} requests per second"
    if verb == "Drop":
        return f"Drop {tech} from {area}"
    return f"{verb} {tech} for {area}"


def _tags(rng: random.Random) -> tuple[str | None, str | None, str | None]:
    choice = rng.choice(["deliberate", "deliberate", "arbitrary"])
    door = rng.choice(["one-way", "two-way", "two-way"])
    revisit = None
    if choice == "arbitrary":
        revisit = rng.choice(["when p99 latency exceeds 200 ms", "with production load data",
                              f"{(FIRST_DAY + timedelta(days=rng.randint(0, SPAN_DAYS + 400))).isoformat()}",
                              "after the next reorg"])
    return choice, door, revisit


def _folder(rng: random.Random, dialect: str) -> str:
    if dialect == "log4brains":
        return f"{DECISION_DIR}/platform"
    if dialect in ("nygard", "madr2") and rng.random() < 0.5:
        return f"{DECISION_DIR}/legacy"
    if rng.random() < 0.15:
        return f"{DECISION_DIR}/{rng.choice(CATEGORY_FOLDERS[:2])}"
    return DECISION_DIR


def plan(n: int, seed: int = 7, dialects: dict[str, int] | None = None, inline_share: float = INLINE_SHARE) -> Plan:
    """N records and the design documents around them; the same seed gives the same plan."""
    rng = random.Random(seed)
    weights = dialects or DIALECT_WEIGHTS
    names, cum = list(weights), list(weights.values())
    records: list[Record] = []
    used_stems: set[str] = set()
    number = 0
    for i in range(n):
        dialect = rng.choices(names, cum)[0]
        title = make_title(rng)
        slug = slugify(title)
        day = FIRST_DAY + timedelta(days=i * SPAN_DAYS // max(n, 1))
        num = None
        if dialect != "log4brains":
            number += 1
            num = number
        else:
            while f"{day:%Y%m%d}-{slug}" in used_stems:
                slug += "-x"
            used_stems.add(f"{day:%Y%m%d}-{slug}")
        tagged = dialect == "native" or (dialect == "nygard" and rng.random() < 0.2)
        choice, door, revisit = _tags(rng) if tagged else (None, None, None)
        status = rng.choices(["accepted", "proposed", "rejected", "deprecated"], [75, 12, 8, 5])[0]
        records.append(Record(
            index=i, dialect=dialect, title=title, slug=slug, folder=_folder(rng, dialect), number=num, day=day,
            status=status, makers=rng.sample(PEOPLE, rng.randint(1, 3)), choice=choice, door=door,
            revisit=revisit, tags=rng.sample(TAGS, rng.randint(0, 2)), body_seed=rng.getrandbits(32),
        ))
    # Supersessions (8%) and relates-to links (5%), always to an earlier record.
    for rec in records[10:]:
        if rng.random() < 0.08:
            old = records[rng.randrange(rec.index)]
            if old.superseded_by is None and old.status == "accepted" and not _bare_madr(old, rec):
                old.superseded_by, old.status = rec, "superseded"
                rec.supersedes.append(old)
                rec.status = "accepted"
        if rng.random() < 0.05:
            other = records[rng.randrange(rec.index)]
            if other not in rec.supersedes and not _bare_madr(other, rec):
                rec.relates.append(other)
                other.related_from.append(rec)
    docs = plan_design_docs(rng, round(n * inline_share))
    return Plan(records, docs)


def _bare_madr(a: Record, b: Record) -> bool:
    """Plain MADR 3/4 front matter has no key for links; keep links to the dialects that write both sides."""
    return a.dialect in ("madr3", "madr4") or b.dialect in ("madr3", "madr4")


def plan_design_docs(rng: random.Random, inline_total: int) -> list[DesignDoc]:
    docs: list[DesignDoc] = []
    count = -(-inline_total // INLINE_PER_DOC) if inline_total else 0
    made = 0
    for k in range(count):
        area = slugify(rng.choice(AREA))
        # One in ten design documents lives beside the records, as teams do with notes.
        folder = f"{DECISION_DIR}/notes" if k % 10 == 1 else DESIGN_DIR
        lines = []
        for j in range(min(INLINE_PER_DOC, inline_total - made)):
            explicit = f"D{k + 1}-{j + 1}" if rng.random() < 0.3 else None
            tags = None if rng.random() < 0.1 else ", ".join(
                rng.sample([rng.choice(["arbitrary", "deliberate"]), rng.choice(["two-way", "one-way"])], 2))
            text = f"{rng.choice(VERBS)} {rng.choice(TECH)} for {rng.choice(AREA)}"
            revisit = rng.choice([None, "production latency data", "the first customer complaint"])
            lead = rng.choice(["- ", "", "> ", "1. "])
            lines.append((explicit, tags, text, revisit, lead))
            made += 1
        docs.append(DesignDoc(f"{folder}/{area}-design-{k + 1}.md", f"Design of {area.replace('-', ' ')} ({k + 1})",
                              lines, rng.getrandbits(32)))
    return docs


# ---- rendering ----------------------------------------------------------------


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def _href(src: Record, dst: Record) -> str:
    return posixpath.relpath(dst.path, src.folder)


def _link_label(dst: Record, style: str) -> str:
    if style == "nygard":
        return f"{dst.number}. {dst.title}" if dst.number is not None else dst.title
    return f"ADR-{dst.number:04d}" if dst.number is not None else dst.stem


def _link_lines(rec: Record, style: str, bullet: str = "") -> list[str]:
    out = []
    for old in rec.supersedes:
        out.append(f"{bullet}Supersedes [{_link_label(old, style)}]({_href(rec, old)})")
    for other in rec.relates:
        out.append(f"{bullet}Relates to [{_link_label(other, style)}]({_href(rec, other)})")
    for other in rec.related_from:
        out.append(f"{bullet}Relates to [{_link_label(other, style)}]({_href(rec, other)})")
    return out


def _status_text(rec: Record, style: str) -> str:
    if rec.status == "superseded" and rec.superseded_by is not None:
        new = rec.superseded_by
        word = "Superseded by" if style == "nygard" else "superseded by"
        return f"{word} [{_link_label(new, style)}]({_href(rec, new)})"
    return STATUS_WORD[rec.status] if style == "nygard" else rec.status


def body_sections(rec: Record) -> str:
    """The prose: the full form for one-way doors, the quick form for arbitrary two-way ones."""
    rng = random.Random(rec.body_seed)
    if rec.choice == "arbitrary" and rec.door == "two-way":
        text = (f"## What\n\n{_paragraph(rng, 2)}\n\n## Why this guess\n\n{_paragraph(rng, 2)}\n\n"
                f"## Revisit when\n\n{rec.revisit or _sentence(rng, 6)}\n")
    else:
        options = [make_title(rng) for _ in range(3)]
        text = (
            f"## Context and Problem Statement\n\n{_paragraph(rng, 4)}\n\n{_paragraph(rng, 3)}\n\n"
            f"## Decision Drivers\n\n" + "".join(f"* {_sentence(rng, 7)}\n" for _ in range(3)) +
            "\n## Considered Options\n\n" + "".join(f"* {o}\n" for o in options) +
            "\n## Pros and Cons of the Options\n\n" + "".join(
                f"### {o}\n\n* Good, because {_sentence(rng, 9).lower()}\n* Bad, because {_sentence(rng, 9).lower()}\n\n"
                for o in options) +
            f"## Decision Outcome\n\nChosen option: \"{options[0]}\", because {_sentence(rng, 14).lower()}\n\n"
            f"### Consequences\n\n* Good, because {_sentence(rng, 10).lower()}\n"
            f"* Bad, because {_sentence(rng, 10).lower()}\n\n"
            f"### Confirmation\n\n{_paragraph(rng, 2)}\n"
        )
    if rec.typo_fixes:
        text += "\n" + "Edited." * rec.typo_fixes + "\n"
    return text


def render(rec: Record) -> str:
    """The file text of a record, in its dialect."""
    return _RENDERERS[rec.dialect](rec)


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _front_matter(rec: Record, makers_key: str, native: bool) -> str:
    lines = ["---", f"status: {_quote(_status_text(rec, 'madr'))}", f"date: {rec.day.isoformat()}",
             f"{makers_key}: {_yaml_list(rec.makers)}"]
    if native:
        if rec.choice:
            lines += [f"choice: {rec.choice}", f"door: {rec.door}"]
        if rec.revisit:
            lines.append(f"revisit: {_quote(rec.revisit)}")
        if rec.tags:
            lines.append(f"tags: {_yaml_list(rec.tags)}")
        if rec.supersedes:
            lines.append(f"supersedes: {_yaml_list([o.ident for o in rec.supersedes])}")
        related = rec.relates + rec.related_from
        if related:
            lines.append(f"relates-to: {_yaml_list([o.ident for o in related])}")
        if rec.index % 7 == 0:
            lines.append(f'governs: ["src/{slugify(rec.tags[0] if rec.tags else "core")}/**"]')
    lines.append("---")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"' if re.search(r"[:\[\]#{}]|^\d", text) else text


def _render_front_matter(rec: Record) -> str:
    native = rec.dialect == "native"
    key = "deciders" if rec.dialect == "madr3" else "decision-makers"
    return f"{_front_matter(rec, key, native)}# {rec.title}\n\n{body_sections(rec)}"


def _render_bullets(rec: Record, bullet: str) -> str:
    meta = [f"{bullet} Status: {_status_text(rec, 'madr')}", f"{bullet} Deciders: {', '.join(rec.makers)}",
            f"{bullet} Date: {rec.day.isoformat()}"]
    if rec.tags and bullet == "-":
        meta.append(f"- Tags: {', '.join(rec.tags)}")
    text = f"# {rec.title}\n\n" + "\n".join(meta) + "\n\n" + body_sections(rec)
    links = _link_lines(rec, "madr", f"{bullet} ")
    if links:
        text += "\n## Links\n\n" + "\n".join(links) + "\n"
    return text


def _render_nygard(rec: Record) -> str:
    rng = random.Random(rec.body_seed)
    head = f"# {rec.number}. {rec.title}\n\nDate: {rec.day.isoformat()}\n"
    if rec.choice:
        head += f"Choice: {rec.choice}\nDoor: {rec.door}\n"
    status = [_status_text(rec, "nygard")] + _link_lines(rec, "nygard")
    return (f"{head}\n## Status\n\n" + "\n\n".join(status) + "\n\n"
            f"## Context\n\n{_paragraph(rng, 4)}\n\n{_paragraph(rng, 3)}\n\n"
            f"## Decision\n\n{_paragraph(rng, 3)}\n\n{_paragraph(rng, 3)}\n\n## Consequences\n\n{_paragraph(rng, 3)}\n"
            + ("\n" + "Edited." * rec.typo_fixes + "\n" if rec.typo_fixes else ""))


_RENDERERS = {
    "native": _render_front_matter,
    "madr4": _render_front_matter,
    "madr3": _render_front_matter,
    "madr2": lambda r: _render_bullets(r, "*"),
    "log4brains": lambda r: _render_bullets(r, "-"),
    "nygard": _render_nygard,
}


def render_design_doc(doc: DesignDoc) -> str:
    rng = random.Random(doc.body_seed)
    parts = [f"# {doc.title}\n\n{_paragraph(rng, 3)}\n"]
    for n, (explicit, tags, text, revisit, lead) in enumerate(doc.inline):
        parts.append(f"\n## Part {n + 1}\n\n{_paragraph(rng, 4)}\n\n")
        word = f"Decision {explicit}" if explicit else "Decision"
        tagged = f" ({tags})" if tags else ""
        tail = f"; revisit with {revisit}." if revisit else "."
        line = f"{word}{tagged}: {text}{tail}"
        parts.append(f"{lead}{'**' + line.split(':', 1)[0] + ':**' + line.split(':', 1)[1] if n % 3 == 2 else line}\n")
    return "".join(parts)


def mixed_files(p: Plan) -> dict[str, str]:
    files = {".adrtool.toml": f'dirs = ["{DECISION_DIR}"]\ndesign-dirs = ["{DESIGN_DIR}"]\n',
             f"{DECISION_DIR}/README.md": "# Decisions\n\nThe decision log of the benchmark project.\n"}
    files.update((r.path, render(r)) for r in p.records)
    files.update((d.path, render_design_doc(d)) for d in p.docs)
    return files


# ---- the other layouts --------------------------------------------------------


def adr_tools_plan(n: int, seed: int) -> Plan:
    """Records as adr-tools makes them: all Nygard, all in doc/adr, numbered from 1."""
    p = plan(n, seed, dialects={"nygard": 1}, inline_share=0)
    for rec in p.records:
        rec.folder, rec.choice, rec.door, rec.revisit = "doc/adr", None, None, None
    first = p.records[0]
    first.title, first.slug, first.status = "Record architecture decisions", "record-architecture-decisions", "accepted"
    return p


def adr_tools_files(p: Plan) -> dict[str, str]:
    return {r.path: render(r) for r in p.records}


def log4brains_plan(n: int, seed: int) -> Plan:
    p = plan(n, seed, dialects={"log4brains": 1}, inline_share=0)
    for rec in p.records:
        rec.folder = "docs/adr"
    return p


def log4brains_files(p: Plan) -> dict[str, str]:
    files = {
        ".log4brains.yml": "---\nproject:\n  name: Bench\n  tz: Etc/UTC\n  adrFolder: ./docs/adr\n",
        "docs/adr/README.md": "# Architecture knowledge base\n\nGenerated for the adrtool benchmarks.\n",
        "docs/adr/template.md": "# [short title of solved problem and solution]\n\n- Status: [draft | proposed | accepted]\n",
        "package.json": '{"name": "bench-log4brains", "private": true}\n',
    }
    files.update((r.path, render(r)) for r in p.records)
    return files


# ---- writing repositories -----------------------------------------------------

GIT_ENV = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.com"}


def _git(root: Path, *args: str, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, input=stdin,
                          env=dict(os.environ, **GIT_ENV))


def _fresh(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "commit.gpgsign", "false")


def _data(payload: bytes) -> bytes:
    return b"data %d\n%s\n" % (len(payload), payload)


class FastImport:
    """Writes commits straight into a repository through one `git fast-import` process."""

    def __init__(self, root: Path):
        self.root = root
        self.proc = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=root,
                                     stdin=subprocess.PIPE, env=dict(os.environ, **GIT_ENV))
        self.commits = 0
        self.marks: dict[str, int] = {}

    def commit(self, branch: str, author: str, when: int, message: str, changes: list[tuple],
               start_from: str | None = None) -> None:
        """changes: ("M", path, text) | ("D", path) | ("R", old, new)."""
        self.commits += 1
        email = slugify(author).replace("-", ".") + "@example.com"
        out = [b"commit refs/heads/%s\n" % branch.encode(), b"mark :%d\n" % self.commits,
               b"author %s <%s> %d +0000\n" % (author.encode(), email.encode(), when),
               b"committer %s <%s> %d +0000\n" % (author.encode(), email.encode(), when),
               _data(message.encode())]
        if start_from:
            out.append(b"from %s\n" % start_from.encode())
        for change in changes:
            if change[0] == "M":
                out.append(b"M 100644 inline %s\n" % change[1].encode() + _data(change[2].encode()))
            elif change[0] == "D":
                out.append(b"D %s\n" % change[1].encode())
            else:
                out.append(b"R %s %s\n" % (change[1].encode(), change[2].encode()))
        out.append(b"\n")
        self.proc.stdin.write(b"".join(out))
        self.marks[branch] = self.commits

    def close(self) -> None:
        self.proc.stdin.write(b"done\n")
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            raise RuntimeError("git fast-import failed")
        _git(self.root, "reset", "-q", "--hard", "main")


def write_files(root: Path, files: dict[str, str], git: bool = True, message: str = "Decisions") -> None:
    """A repository holding `files`, committed in one commit when `git` is true."""
    if git:
        _fresh(root)
        fi = FastImport(root)
        fi.commit("main", "Bench", _epoch(FIRST_DAY), message, [("M", p, t) for p, t in sorted(files.items())])
        fi.close()
        return
    if root.exists():
        shutil.rmtree(root)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def _epoch(day: date, seconds: int = 0) -> int:
    return (day - date(1970, 1, 1)).days * 86400 + 9 * 3600 + seconds


def write_history(root: Path, n: int, commits: int, seed: int) -> dict:
    """The mixed repository grown through `commits` commits, then the `bench-review` branch."""
    p = plan(n, seed)
    rng = random.Random(seed + 1)
    final_status = {r.index: r.status for r in p.records}
    superseder = {r.index: r.superseded_by for r in p.records}
    # Each record starts as a proposal without its supersession; both arrive in order below.
    for r in p.records:
        r.status, r.superseded_by = "proposed", None
    base = {".adrtool.toml": mixed_files(Plan([], []))[".adrtool.toml"]}
    base.update((d.path, render_design_doc(d)) for d in p.docs)
    _fresh(root)
    fi = FastImport(root)
    fi.commit("main", "Bench", _epoch(FIRST_DAY), "Start the decision log", [("M", k, v) for k, v in base.items()])
    events: list[tuple[int, int, str, Record]] = []  # (time, order, kind, record)
    for r in p.records:
        t = _epoch(r.day, r.index)
        events.append((t, len(events), "create", r))
        if final_status[r.index] != "proposed":
            events.append((t + rng.randint(1, 20) * 86400, len(events), "status", r))
    extra = commits - 1 - len(events)
    numbered = [r for r in p.records if r.number is not None]
    for _ in range(max(extra, 0)):
        r = rng.choice(numbered)
        kind = rng.choices(["typo", "tag", "rename"], [80, 15, 5])[0]
        events.append((_epoch(r.day) + rng.randint(30, 900) * 86400, len(events), kind, r))
    events.sort()
    created: set[int] = set()
    for when, _, kind, r in events:
        changes: list[tuple] = []
        if kind == "create":
            created.add(r.index)
            for old in r.supersedes:
                old.status, old.superseded_by = "superseded", r
                changes.append(("M", old.path, render(old)))
            message = f"decisions: propose {r.ident} {r.title}"
        elif kind == "status":
            if r.status == "superseded" or r.index not in created:
                r.typo_fixes += 1  # a superseded record keeps its status; touch the prose instead
                message = f"decisions: edit {r.ident}"
            else:
                r.status = final_status[r.index] if final_status[r.index] != "superseded" else "accepted"
                message = f"decisions: {r.status} {r.ident} {r.title}"
        elif kind == "rename" and r.index in created:
            old_path = r.path
            r.title = r.title + " (revised)"
            r.slug = slugify(r.title)
            changes.append(("R", old_path, r.path))
            message = f"decisions: retitle {r.ident}"
        elif kind == "tag" and r.index in created and r.dialect == "native":
            r.choice, r.door, r.revisit = _tags(rng)
            message = f"decisions: tag {r.ident}"
        else:
            r.typo_fixes += 1
            message = f"decisions: fix a typo in {r.ident}"
        if r.index in created:
            changes.append(("M", r.path, render(r)))
        fi.commit("main", r.makers[0], when, message, changes)
    _ = superseder  # the final supersessions are the ones made at creation time, as adr-tools does
    main_commits = fi.commits
    touched = _review_branch(fi, p, rng)
    fi.close()
    return {"records": n, "inline": p.inline_count, "commits_main": main_commits,
            "review_branch": "bench-review", "review_touches": touched}


def _review_branch(fi: FastImport, p: Plan, rng: random.Random) -> int:
    """Branch `bench-review` off main touching 20 decisions: 5 new records, 10 proposals
    accepted, 5 accepted records edited in place (more edits when there are fewer proposals)."""
    last = max(r.number for r in p.records if r.number is not None)
    when = _epoch(FIRST_DAY + timedelta(days=SPAN_DAYS + 1000))
    fi.commit("bench-review", "Bo Chen", when, "Branch off main", [], start_from="refs/heads/main")
    touched: list[Record] = []
    proposals = [r for r in p.records if r.status == "proposed" and r.number is not None][:10]
    # Small repositories have fewer than 10 proposals: in-place edits make up the 15 changed records.
    accepted = [r for r in p.records if r.status == "accepted" and r.number is not None][:15 - len(proposals)]
    for r in proposals:
        r.status = "accepted"
        touched.append(r)
    for r in accepted:
        r.typo_fixes += 3
        touched.append(r)
    for k in range(5):
        title = make_title(rng)
        touched.append(Record(index=len(p.records) + k, dialect="native", title=title, slug=slugify(title),
                              folder=DECISION_DIR, number=last + k + 1, day=FIRST_DAY + timedelta(days=SPAN_DAYS + 1000),
                              status="proposed", makers=["Bo Chen"], choice="deliberate", door="one-way",
                              revisit=None, tags=["api"], body_seed=rng.getrandbits(32)))
    for k, r in enumerate(touched):
        fi.commit("bench-review", "Bo Chen", when + 60 * (k + 1), f"decisions: change {r.ident}",
                  [("M", r.path, render(r))])
    return len(touched)


# ---- command line -------------------------------------------------------------


def generate(variant: str, n: int, out: Path, seed: int = 7, commits: int = 20000) -> tuple[Path, dict]:
    """Make one variant; returns its folder and manifest (also saved as `<folder>.json`)."""
    root = out / f"{variant}-{n}"
    if variant == "mixed":
        p = plan(n, seed)
        write_files(root, mixed_files(p))
        manifest = _manifest(p)
    elif variant == "adr-tools":
        p = adr_tools_plan(n, seed)
        write_files(root, adr_tools_files(p))
        manifest = _manifest(p)
    elif variant == "log4brains":
        p = log4brains_plan(n, seed)
        write_files(root, log4brains_files(p))
        manifest = _manifest(p)
    elif variant == "history":
        manifest = write_history(root, n, commits, seed)
    elif variant == "realistic":
        sys.path.insert(0, str(BENCH))
        from generate_realistic import write_realistic

        manifest = write_realistic(root, n, commits, seed)
    else:
        raise SystemExit(f"unknown variant {variant}")
    manifest.update(variant=variant, seed=seed, path=str(root))
    (out / f"{variant}-{n}.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return root, manifest


def _manifest(p: Plan) -> dict:
    by_dialect: dict[str, int] = {}
    for r in p.records:
        by_dialect[r.dialect] = by_dialect.get(r.dialect, 0) + 1
    return {
        "records": len(p.records),
        "inline": p.inline_count,
        "design_docs": len(p.docs),
        "dialects": dict(sorted(by_dialect.items())),
        "superseded": sum(1 for r in p.records if r.superseded_by is not None),
        "relates": sum(len(r.relates) for r in p.records),
        "folders": sorted({r.folder for r in p.records}),
        "tagged": sum(1 for r in p.records if r.choice),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--sizes", default="1000,10000", help="record counts, comma-separated")
    ap.add_argument("--variants", default="mixed,adr-tools,log4brains,history,realistic")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--commits", type=int, default=20000, help="commits of the history variant")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    # The peers' variants and the history are only needed at one size each.
    only = {"adr-tools": 1000, "log4brains": 1000, "history": 10000, "realistic": 300}
    for variant in args.variants.split(","):
        for n in [only[variant]] if variant in only and len(sizes) > 1 else sizes:
            root, manifest = generate(variant, n, args.out, args.seed, args.commits)
            print(f"{root}: {json.dumps({k: v for k, v in manifest.items() if k not in ('path', 'folders')})}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

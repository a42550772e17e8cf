"""Reading every dialect a team already has, and the messy cases real folders contain."""

from __future__ import annotations

import json

import pytest

from adrtool import store
from adrtool.model import Choice, Door, Kind, Relation, Status
from tests.conftest import write


def load(root, **kw):
    return store.load(root, **kw)


def by_id(repo):
    return {d.id: d for d in repo.decisions}


NATIVE = """---
status: accepted            # proposed | accepted | rejected
date: 2026-11-20
decision-makers: [Ana Lima, Bo Chen]
choice: deliberate
door: one-way
revisit: when write aborts exceed 5%
tags: [storage]
supersedes: [7]
governs: ["src/storage/**"]
references: [papers/calvin.pdf]
---
# Commit with optimistic checks instead of row locks

## Context and Problem Statement

Row locks serialise hot rows.
"""


def test_native_record_reads_every_field(tmp_path):
    write(tmp_path / "decisions/0012-optimistic-commit.md", NATIVE)
    write(tmp_path / "decisions/0007-row-locks.md", "---\nstatus: superseded by ADR-0012\n---\n# Row locks\n")
    d = by_id(load(tmp_path))["0012"]
    assert d.number == 12
    assert d.title == "Commit with optimistic checks instead of row locks"
    assert d.status is Status.ACCEPTED and d.status_raw == "accepted"
    assert d.date == "2026-11-20"
    assert d.decision_makers == ["Ana Lima", "Bo Chen"]
    assert d.choice is Choice.DELIBERATE and d.door is Door.ONE_WAY
    assert d.revisit == "when write aborts exceed 5%"
    assert d.tags == ["storage"] and d.governs == ["src/storage/**"] and d.references == ["papers/calvin.pdf"]
    assert d.supersedes == ["7"]
    assert d.dialect == "native"
    assert "Row locks serialise" in d.body and "status:" not in d.body
    old = by_id(load(tmp_path))["0007"]
    assert old.status is Status.SUPERSEDED and old.superseded_by == ["0012"]


@pytest.mark.parametrize("ref", ["ADR-0012", "0012", "12", "adr-12", "0012-optimistic-commit.md", "decisions/0012-optimistic-commit.md"])
def test_ids_resolve_every_way(tmp_path, ref):
    write(tmp_path / "decisions/0012-optimistic-commit.md", NATIVE)
    assert load(tmp_path).resolve(ref).number == 12


def test_madr3_and_madr4_front_matter(tmp_path):
    write(tmp_path / "docs/decisions/0001-use-madr.md",
          "---\nstatus: accepted\ndate: 2022-03-04\ndeciders: [Ana, Bo]\n---\n# Use MADR\n\n## Context and Problem Statement\n\nx\n")
    write(tmp_path / "docs/decisions/0002-use-madr4.md",
          "---\nstatus: proposed\ndate: 2024-01-01\ndecision-makers: Ana\n---\n\n# Use MADR 4\n")
    ds = by_id(load(tmp_path))
    assert ds["0001"].dialect == "madr3" and ds["0001"].decision_makers == ["Ana", "Bo"]
    assert ds["0002"].dialect == "madr4" and ds["0002"].title == "Use MADR 4" and ds["0002"].status is Status.PROPOSED


def test_madr2_bullets(tmp_path):
    write(tmp_path / "docs/adr/0005-use-plain-junit5.md",
          "# Use Plain JUnit5 for advanced test assertions\n\n* Status: superseded by [ADR-0006](0006-use-assertj.md)\n"
          "* Deciders: Ana, Bo\n* Date: 2017/11/22\n\nTechnical Story: none\n\n## Context and Problem Statement\n\nx\n")
    write(tmp_path / "docs/adr/0006-use-assertj.md",
          "# Use AssertJ\n\n* Status: accepted\n* Date: 2017-11-23\n\n## Links\n\n* Supersedes [ADR-0005](0005-use-plain-junit5.md)\n")
    repo = load(tmp_path)
    ds = by_id(repo)
    old, new = ds["0005"], ds["0006"]
    assert old.dialect == "madr2" and old.status is Status.SUPERSEDED and old.date == "2017-11-22"
    assert old.decision_makers == ["Ana", "Bo"]
    assert repo.resolve_link(old, old.superseded_by[0]) is new
    assert repo.resolve_link(new, new.supersedes[0]) is old


def test_log4brains(tmp_path):
    write(tmp_path / ".log4brains.yml", "project:\n  name: demo\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n"
          "  packages:\n    - name: backend\n      path: ./packages/backend\n      adrFolder: ./packages/backend/adr\n")
    write(tmp_path / "docs/adr/20200101-use-log4brains.md",
          "# Use Log4brains to manage the ADRs\n\n- Status: accepted\n- Deciders: Ana\n- Date: 2020-01-01\n- Tags: doc, tooling\n\n## Context and Problem Statement\n\nx\n")
    write(tmp_path / "packages/backend/adr/20200302-use-postgres.md",
          "# Use Postgres\n\n- Status: draft\n- Date: 2020-03-02\n")
    write(tmp_path / "docs/adr/template.md", "# [short title]\n\n- Status: [draft | proposed]\n")
    write(tmp_path / "docs/adr/README.md", "# Architecture knowledge base\n")
    ds = by_id(load(tmp_path))
    assert set(ds) == {"20200101-use-log4brains", "20200302-use-postgres"}
    d = ds["20200101-use-log4brains"]
    assert d.dialect == "log4brains" and d.number is None and d.tags == ["doc", "tooling"]
    assert ds["20200302-use-postgres"].status is Status.PROPOSED


def test_adr_tools_nygard(tmp_path):
    write(tmp_path / ".adr-dir", "doc/architecture\n")
    write(tmp_path / "doc/architecture/0001-record-architecture-decisions.md",
          "# 1. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n"
          "Amended by [3. Clarify](0003-clarify.md)\n\n## Context\n\nWe need to record.\n\n## Decision\n\nWe will.\n\n## Consequences\n\nSee Nygard.\n")
    write(tmp_path / "doc/architecture/0002-old.md",
          "# 2. Old\n\nDate: 2016-02-13\n\n## Status\n\nSuperceded by [4. New](0004-new.md)\n")
    write(tmp_path / "doc/architecture/0003-clarify.md",
          "# 3. Clarify\n\nDate: 2016-02-14\n\n## Status\n\nAccepted\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n")
    write(tmp_path / "doc/architecture/0004-new.md",
          "# 4. New\n\nDate: 2016-02-15\n\n## Status\n\nAccepted\n\nSupersedes [2. Old](0002-old.md)\n")
    repo = load(tmp_path)
    ds = by_id(repo)
    assert [ds[i].title for i in ("0001", "0002", "0003", "0004")] == ["Record architecture decisions", "Old", "Clarify", "New"]
    assert ds["0002"].status is Status.SUPERSEDED
    assert repo.resolve_link(ds["0002"], ds["0002"].superseded_by[0]) is ds["0004"]
    assert repo.resolve_link(ds["0003"], ds["0003"].linked(Relation.AMENDS)[0]) is ds["0001"]
    assert ds["0001"].linked(Relation.AMENDED_BY) == ["0003-clarify.md"]
    assert all(d.dialect == "nygard" for d in ds.values())


@pytest.mark.parametrize("written, category", [
    ("✅ Accepted", Status.ACCEPTED),
    ("Accepted. Tracking issue: #2803", Status.ACCEPTED),
    ("**Accepted**", Status.ACCEPTED),
    ("Rejected in favour of ADR 111", Status.REJECTED),
    ("Implemented", Status.ACCEPTED),
    ("Approved", Status.ACCEPTED),
    ("Draft", Status.PROPOSED),
    ("Pending", Status.PROPOSED),
    ("In Review", Status.PROPOSED),
    ("Declined", Status.REJECTED),
    ("Akzeptiert", Status.ACCEPTED),
    ("Accepté", Status.ACCEPTED),
    ("Aceptado", Status.ACCEPTED),
    ("Rechazado", Status.REJECTED),
    ("{Deprecated|Proposed|Accepted}", Status.UNKNOWN),
    ("[proposed | rejected | accepted]", Status.UNKNOWN),
    ("Flibbertigibbet", Status.UNKNOWN),
    ("Deprecated.", Status.DEPRECATED),
    ("Superseded by ADR-0009", Status.SUPERSEDED),
])
def test_status_vocabulary(tmp_path, written, category):
    write(tmp_path / "decisions/0001-x.md", f"# 1. X\n\n## Status\n\n{written}\n")
    d = load(tmp_path).decisions[0]
    assert d.status is category
    assert d.status_raw == written


def test_status_as_dated_log_takes_last_entry(tmp_path):
    write(tmp_path / "decisions/0001-x.md",
          "# 1. X\n\n## Status\n\n2020-01-02 Proposed\n2020-02-03 Accepted\n2021-05-06 Deprecated\n\n## Context\n")
    assert load(tmp_path).decisions[0].status is Status.DEPRECATED


def test_missing_status_is_unknown_not_accepted(tmp_path):
    write(tmp_path / "decisions/0001-x.md", "# 1. X\n\n## Context\n\nno status here\n")
    d = load(tmp_path).decisions[0]
    assert d.status is Status.UNKNOWN and d.status_raw is None


@pytest.mark.parametrize("heading, title, number", [
    ("# ADR 041: Foo", "Foo", 41),
    ("# 0014. Foo", "Foo", 14),
    ("# 34 EKS", "EKS", 34),
    ("# 1. Record architecture decisions", "Record architecture decisions", 1),
    ("# ADR-7: Bar baz", "Bar baz", 7),
])
def test_title_forms(tmp_path, heading, title, number):
    write(tmp_path / "decisions/notes-x.md", f"{heading}\n\n## Status\n\nAccepted\n")
    d = load(tmp_path).decisions[0]
    assert d.title == title and d.number == number


@pytest.mark.parametrize("name, number", [
    ("adr-036-empty-blocks.md", 36),
    ("ADR-0007-x.md", 7),
    ("001. Titre avec espaces.md", 1),
    ("0123-three-digits.md", 123),
    ("042-three.md", 42),
])
def test_file_name_forms(tmp_path, name, number):
    write(tmp_path / "decisions" / name, "# Something\n\n## Status\n\nAccepted\n")
    d = load(tmp_path).decisions[0]
    assert d.number == number and d.id == f"{number:04d}"


def test_dates_written_as_people_write_them(tmp_path):
    write(tmp_path / "decisions/0001-a.md", "# A\n\nDate: 13/02/2021\n\n## Status\n\nAccepted\n")
    write(tmp_path / "decisions/0002-b.md", "# B\n\n* Status: accepted\n* Date: 2017/11/22\n")
    write(tmp_path / "decisions/0003-c.md", "---\nstatus: accepted\ndate: 2021-02-03\n---\n# C\n")
    ds = by_id(load(tmp_path))
    assert (ds["0001"].date, ds["0002"].date, ds["0003"].date) == ("2021-02-13", "2017-11-22", "2021-02-03")


def test_yaml_traps_and_site_generator_keys(tmp_path):
    write(tmp_path / "decisions/0001-a.md",
          "---\nlayout: default\nparent: Decisions\nnav_order: 0042\ntitle: A\nstatus: accepted\ndate: 2021-02-03\n"
          "has_children: false\n---\n# A\n")
    d = load(tmp_path).decisions[0]
    assert d.date == "2021-02-03" and isinstance(d.date, str) and d.status is Status.ACCEPTED
    assert not d.problems


def test_yaml_fallback_keeps_strings(tmp_path):
    # Block scalars send the reader to PyYAML, which must still not turn 0042 or dates into numbers.
    write(tmp_path / "decisions/0001-a.md",
          "---\nstatus: accepted\nnav_order: 0042\ndate: 2021-02-03\nnote: |\n  multi\n  line\n---\n# A\n")
    d = load(tmp_path).decisions[0]
    assert d.date == "2021-02-03" and d.status is Status.ACCEPTED and not d.problems


def test_subfolders_gaps_non_ascii_and_no_final_newline(tmp_path):
    write(tmp_path / "decisions/backend/0003-caché-política.md", "# 3. Caché política\n\n## Status\n\nAccepted")
    write(tmp_path / "decisions/legacy/0001-old-series.md", "# 1. Old series\n\n## Status\n\nDeprecated\n")
    write(tmp_path / "decisions/0010-gap.md", "# 10. Gap\n\n## Status\n\nProposed\n")
    ds = by_id(load(tmp_path))
    assert ds["0003"].title == "Caché política" and ds["0003"].status is Status.ACCEPTED
    assert ds["0001"].path == "decisions/legacy/0001-old-series.md"
    assert ds["0010"].status is Status.PROPOSED


def test_readme_index_and_templates_are_not_decisions(tmp_path):
    for name in ("README.md", "index.md", "template.md", "adr-template.md", "0000-template.md", "templates/template.md"):
        write(tmp_path / "decisions" / name, "# Template\n\n## Status\n\n{proposed|accepted}\n")
    write(tmp_path / "decisions/0001-real.md", "# 1. Real\n\n## Status\n\nAccepted\n")
    assert [d.id for d in load(tmp_path).decisions] == ["0001"]


INLINE_DOC = """# Ingest design

We buffer writes.

- Decision (arbitrary, two-way): Flush the write buffer every 100 ms; revisit with production latency data.
> **Decision D7 (Deliberate, One-Way):** Keys are UUIDv7.
1. Decision (two-way, ARBITRARY): Batch size 500.
Decision: Use tabs in the config file.

```
Decision (arbitrary, two-way): inside a code fence, not a decision
```
The Decision: not at the start of a line is prose.
"""


def test_inline_decisions(tmp_path):
    write(tmp_path / "docs/design/ingest.md", INLINE_DOC)
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')
    (tmp_path / "decisions").mkdir()
    inline = load(tmp_path).inline
    assert [d.id for d in inline] == ["ingest#1", "D7", "ingest#3", "ingest#4"]
    first, d7, third, untagged = inline
    assert first.kind is Kind.INLINE and first.choice is Choice.ARBITRARY and first.door is Door.TWO_WAY
    assert first.title == "Flush the write buffer every 100 ms"
    assert first.revisit == "with production latency data"
    assert first.line == 5
    assert d7.choice is Choice.DELIBERATE and d7.door is Door.ONE_WAY and d7.title == "Keys are UUIDv7"
    assert third.choice is Choice.ARBITRARY and third.door is Door.TWO_WAY
    assert untagged.choice is None and untagged.door is None and not untagged.is_tagged


def test_list_json_contract(tmp_path, cli):
    write(tmp_path / "decisions/0012-optimistic-commit.md", NATIVE)
    result = cli(["list", "--json"], tmp_path)
    assert result.code == 0
    data = json.loads(result.out)
    required = {"id", "number", "title", "status", "status_raw", "choice", "door", "date", "path", "kind",
                "dialect", "tags", "supersedes", "superseded_by", "revisit", "references", "governs", "problems"}
    assert required <= set(data[0])
    assert data[0]["id"] == "0012" and data[0]["number"] == 12 and data[0]["kind"] == "record"
    assert data[0]["path"] == "decisions/0012-optimistic-commit.md"


def test_list_filters(tmp_path, cli):
    write(tmp_path / "decisions/0012-optimistic-commit.md", NATIVE)
    write(tmp_path / "decisions/0001-legacy.md", "# 1. Legacy\n\n## Status\n\nProposed\n")
    ids = lambda args: [d["id"] for d in json.loads(cli(["list", "--json", *args], tmp_path).out)]
    assert ids(["--status", "proposed"]) == ["0001"]
    assert ids(["--choice", "untagged"]) == ["0001"]
    assert ids(["--door", "one-way"]) == ["0012"]
    assert ids(["--tag", "storage"]) == ["0012"]
    bad = cli(["list", "--status", "maybe"], tmp_path)
    assert bad.code == 2 and "--status must be one of" in bad.err


def test_show_and_unknown_id(tmp_path, cli):
    write(tmp_path / "decisions/0012-optimistic-commit.md", NATIVE)
    shown = cli(["show", "ADR-12"], tmp_path)
    assert shown.code == 0 and "Commit with optimistic checks" in shown.out and "one-way" in shown.out
    missing = cli(["show", "99"], tmp_path)
    assert missing.code == 2 and "no decision '99'" in missing.err and "Traceback" not in missing.err


def test_parallel_parse_gives_the_same_repository(tmp_path, monkeypatch):
    """Large collections are parsed half in a forked child; the result must not depend on it."""
    import threading

    for i in range(1, 41):
        write(tmp_path / f"decisions/{i:04d}-r{i}.md", NATIVE.replace("# Commit", f"# Commit {i}") if i % 2
              else f"# {i}. Nygard {i}\n\nDate: 2020-01-{i % 28 + 1:02d}\n\n## Status\n\nAccepted\n")
    write(tmp_path / "decisions/0041-broken.md", "---\nstatus: [\n---\n# Broken\n")
    write(tmp_path / "decisions/design.md", INLINE_DOC)

    def snapshot(repo):
        return ([d.to_json() for d in repo.decisions], [str(p) for p in repo.problems], sorted(repo.texts))

    monkeypatch.setattr(store, "PARALLEL_THRESHOLD", 10**9)
    sequential = snapshot(load(tmp_path))
    monkeypatch.setattr(store, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(store, "spare_core", lambda: True)  # fork even on a busy machine
    forks = []
    real_fork = store.os.fork
    monkeypatch.setattr(store.os, "fork", lambda: forks.append(1) or real_fork())
    forked = {}
    assert snapshot(load(tmp_path)) == sequential
    # and from a worker thread, as the terminal UI loads
    worker = threading.Thread(target=lambda: forked.setdefault("repo", load(tmp_path)))
    worker.start()
    worker.join(timeout=60)
    assert snapshot(forked["repo"]) == sequential
    assert len(forks) == 2  # both loads really parsed half in a child
    # the broken front matter is the record's own problem (the rest of it is read), in both loads
    assert any("0041-broken.md" in p for d in sequential[0] for p in d["problems"])


@pytest.mark.parametrize("name", ["0017-ship-templates-as-a-package.md", "0005-choose-a-template.md", "adr-036-template.md"])
def test_numbered_records_about_templates_are_decisions(tmp_path, name):
    write(tmp_path / "decisions" / name, "# Templates\n\n## Status\n\nAccepted\n")
    write(tmp_path / "decisions/0000-template.md", "# Title\n\n## Status\n\n{proposed|accepted}\n")
    assert [d.path.rsplit("/", 1)[-1] for d in load(tmp_path).decisions] == [name]


def test_the_second_parser_is_forked_only_with_a_core_to_spare(monkeypatch):
    monkeypatch.setattr(store.os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(store.os, "getloadavg", lambda: (0.4, 0.5, 0.5))
    assert store.spare_core()
    monkeypatch.setattr(store.os, "getloadavg", lambda: (1.8, 0.5, 0.5))  # both cores busy already
    assert not store.spare_core()
    monkeypatch.setattr(store.os, "sched_getaffinity", lambda pid: {0})
    monkeypatch.setattr(store.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert not store.spare_core()  # one core: a child would only take turns with this process

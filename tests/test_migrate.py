"""`adrtool migrate`: every dialect to native, MADR 4 and Nygard, without losing a field."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adrtool import frontmatter, store
from adrtool.authoring.changes import apply
from adrtool.authoring.migrate import migrate
from adrtool.dialects.link_lines import parse_link_line
from adrtool.model import Choice, Door, Relation
from tests.conftest import make_read_only, require_tool, run_cli, write
from tests.record_samples import DIALECTS, make_log

FIELDS = ("title", "number", "status", "status_raw", "date", "decision_makers", "choice", "door",
          "revisit", "tags", "references", "governs")


def snapshot(root: Path) -> dict[str, dict]:
    """Every record's fields, and its links with targets resolved to files."""
    repo = store.load(root)
    out = {}
    for d in repo.records:
        fields = {name: getattr(d, name) for name in FIELDS}
        if d.status_raw and parse_link_line(d.status_raw):
            # MADR 2's 'Status: superseded by [X](x.md)' is, in Nygard, the link line it is;
            # the status category and the link are still compared.
            fields["status_raw"] = None
        fields["links"] = sorted(
            (l.relation.value, (repo.resolve_link(d, l.target) or d).path) for l in d.links
        )
        fields["dialect"] = d.dialect
        out[d.path] = fields
    return out


def without_dialect(snap: dict) -> dict:
    return {path: {k: v for k, v in fields.items() if k != "dialect"} for path, fields in snap.items()}


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("to", ["native", "madr4", "nygard"])
def test_every_dialect_converts_keeping_every_field(tmp_path, dialect, to):
    log = make_log(tmp_path, dialect)
    before = snapshot(tmp_path)
    result = run_cli(["migrate", "--to", to], tmp_path)
    assert result.code == 0, result.err
    after = snapshot(tmp_path)
    assert without_dialect(after) == without_dialect(before)
    expected = {"native": {"native", "madr4", "madr3"}, "madr4": {"native", "madr4", "madr3"}, "nygard": {"nygard"}}[to]
    assert {f["dialect"] for f in after.values()} <= expected
    # The body is carried over word for word.
    assert "We need one database." in log.path("A").read_text()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_round_trip_through_nygard_and_back_keeps_every_field(tmp_path, dialect):
    log = make_log(tmp_path, dialect)
    run_cli(["migrate", "--to", "native"], tmp_path)
    native_snapshot, native_texts = snapshot(tmp_path), texts(tmp_path)
    assert run_cli(["migrate", "--to", "nygard"], tmp_path).code == 0
    assert run_cli(["migrate", "--to", "native"], tmp_path).code == 0
    assert snapshot(tmp_path) == native_snapshot
    after = texts(tmp_path)
    if dialect in ("madr2", "log4brains"):
        # B's 'Status: superseded by [..](..)' came back as a superseded-by key (same status, same link).
        assert "superseded-by: [" in after.pop(log.rel("B")) and native_texts.pop(log.rel("B"))
    assert after == native_texts  # byte for byte


def texts(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*.*")) if p.suffix in (".md", ".rst")}


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path):
    log = make_log(tmp_path, "madr2")
    before = texts(tmp_path)
    result = run_cli(["migrate", "--to", "native", "--dry-run", "1"], tmp_path)
    assert result.code == 0
    assert f"--- a/{log.rel('A')}" in result.out and "+decision-makers: [Ana Lima, Bo Chen]" in result.out
    assert "-* Deciders: Ana Lima, Bo Chen" in result.out
    assert log.rel("B") not in result.out  # only the record asked for
    assert texts(tmp_path) == before


def test_madr3_to_madr4_renames_only_the_deciders_key(tmp_path):
    log = make_log(tmp_path, "madr3")
    before = log.path("A").read_text()
    result = run_cli(["migrate", "--to", "madr4"], tmp_path)
    assert result.code == 0 and f"updated {log.rel('A')}" in result.out
    assert log.path("A").read_text() == before.replace("deciders:", "decision-makers:")
    assert "nothing to change" in run_cli(["migrate", "--to", "madr4"], tmp_path).out


def migrate_for_adr_tools(root: Path, dialect: str):
    """A `dialect` log moved under adr-tools' `.adr-dir`, migrated to Nygard; returns (log, run adr)."""
    adr = require_tool("adr")
    log = make_log(root, dialect)
    os.remove(root / ".adrtool.toml")
    write(root / ".adr-dir", log.folder + "\n")
    assert run_cli(["migrate", "--to", "nygard"], root).code == 0

    def run_adr(*args: str) -> str:
        return subprocess.run([adr, *args], cwd=root, capture_output=True, text=True, check=True).stdout

    return log, run_adr


def test_migrated_nygard_records_work_with_adr_tools(tmp_path):
    log, run_adr = migrate_for_adr_tools(tmp_path, "madr4")
    assert [Path(line).name for line in run_adr("list").split()] == [log.names[k] for k in "ABC"]
    assert "_3 -> _2" not in run_adr("generate", "graph")  # MADR 4's C carries no 'supersedes'; B's status says it
    assert f"[Use tabs]({log.names['B']})" in run_adr("generate", "toc")


def test_links_written_for_nygard_are_the_ones_adr_generate_graph_reads(tmp_path):
    _, run_adr = migrate_for_adr_tools(tmp_path, "native")
    graph = run_adr("generate", "graph")
    assert '_3 -> _2 [label="Supersedes"' in graph
    assert '_3 -> _1 [label="Relates to"' in graph


def test_line_endings_and_a_dated_status_log_survive_the_round_trip(tmp_path):
    write(tmp_path / ".adr-dir", "doc/adr\n")
    text = ("# 1. Use Postgres\r\n\r\nDate: 2024-01-10\r\n\r\n## Status\r\n\r\n"
            "2024-01-10 proposed\r\n2024-02-01 accepted\r\n\r\n## Context\r\n\r\nWe need one database.\r\n")
    (tmp_path / "doc/adr").mkdir(parents=True)
    (tmp_path / "doc/adr/0001-use-postgres.md").write_bytes(text.encode())
    before = snapshot(tmp_path)
    assert run_cli(["migrate", "--to", "native"], tmp_path).code == 0
    native_text = (tmp_path / "doc/adr/0001-use-postgres.md").read_bytes().decode()
    assert native_text.startswith("---\r\nstatus: |-\r\n  2024-01-10 proposed\r\n  2024-02-01 accepted\r\n")
    assert "\n" not in native_text.replace("\r\n", "")
    assert without_dialect(snapshot(tmp_path)) == without_dialect(before)
    assert run_cli(["migrate", "--to", "nygard"], tmp_path).code == 0
    assert (tmp_path / "doc/adr/0001-use-postgres.md").read_bytes().decode() == text


def test_a_record_that_cannot_convert_losslessly_is_refused_and_nothing_is_touched(tmp_path):
    log = make_log(tmp_path, "native")
    text = log.path("A").read_text().replace("tags: [storage]\n", "tags: [storage]\nowner:\n  team: db\n")
    log.path("A").write_text(text)
    before = texts(tmp_path)
    result = run_cli(["migrate", "--to", "nygard"], tmp_path)
    assert result.code == 2
    assert result.err.strip() == (f"adrtool: error: {log.rel('A')}: front-matter key 'owner' holds a nested mapping; "
                                  "migrate it by hand")
    assert texts(tmp_path) == before


def test_unknown_front_matter_keys_are_carried_over(tmp_path):
    log = make_log(tmp_path, "madr4")
    log.path("A").write_text(log.path("A").read_text().replace("tags:", "consulted: [Cy]\ntags:"))
    assert run_cli(["migrate", "--to", "nygard", "1"], tmp_path).code == 0
    assert "Consulted: Cy\n" in log.path("A").read_text()


@pytest.mark.parametrize(
    "args, message",
    [
        (["migrate", "--to", "native", "99"], "no decision '99'"),
        (["migrate", "--to", "native", "overview#1"], "is an inline decision; only records are migrated"),
        (["migrate", "--to", "yaml"], "invalid choice: 'yaml'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    make_log(tmp_path, "nygard")
    before = texts(tmp_path)
    result = run_cli(args, tmp_path)
    assert result.code == 2 and message in result.err and len(result.err.strip().splitlines()) == 1
    assert texts(tmp_path) == before


def test_read_only_folder_is_refused_before_any_write(tmp_path):
    log = make_log(tmp_path, "nygard")
    before = texts(tmp_path)
    folder = tmp_path / log.folder
    undo = make_read_only(folder)
    try:
        result = run_cli(["migrate", "--to", "native"], tmp_path)
    finally:
        undo()
    assert result.code == 2 and "not writable" in result.err
    assert texts(tmp_path) == before


def test_a_file_changed_on_disk_after_planning_is_not_overwritten(tmp_path):
    log = make_log(tmp_path, "nygard")
    repo = store.load(tmp_path)
    changes = migrate(repo, repo.records, "native")
    log.path("B").write_text(log.path("B").read_text() + "\nEdited elsewhere.\n")
    with pytest.raises(store.ConflictError):
        apply(repo, changes)
    assert "Edited elsewhere." in log.path("B").read_text()
    assert log.path("A").read_text().startswith("# 1. Use Postgres")  # checked before anything was written


# ---- the round trip as a property ----------------------------------------------------

_word = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789"), min_size=1, max_size=8)
_phrase = st.lists(_word, min_size=1, max_size=4).map(" ".join)
_item = st.one_of(_phrase, st.builds(lambda w: f"https://example.com/{w}", _word), st.builds(lambda w: f"src/{w}.py", _word))
_items = st.lists(_item, max_size=3, unique=True)
_status = st.one_of(
    st.sampled_from(["proposed", "Accepted", "rejected", "deprecated", "superseded by ADR-0003", "in review"]),
    st.builds(lambda a, b: f"2024-01-0{a} proposed\n2024-02-0{b} accepted", st.integers(1, 9), st.integers(1, 9)),
    _phrase,
)
_heading_body = st.lists(st.tuples(_phrase, _phrase), max_size=3).map(
    lambda sections: "".join(f"\n## {h}\n\n{p}.\n" for h, p in sections)
)


@st.composite
def native_records(draw):
    fields = {
        "status": draw(st.one_of(st.none(), _status)),
        "date": draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
        "decision-makers": draw(_items),
        "choice": draw(st.sampled_from([None, *[c.value for c in Choice]])),
        "door": draw(st.sampled_from([None, *[d.value for d in Door]])),
        "revisit": draw(st.one_of(st.none(), _phrase)),
        "tags": draw(_items),
        "governs": draw(_items),
        "references": draw(_items),
    }
    links = draw(st.lists(st.tuples(st.sampled_from([Relation.SUPERSEDES, Relation.AMENDS, Relation.RELATES_TO]),
                                    st.sampled_from(["1", "3"])), max_size=3, unique=True))
    if not any(fields[k] for k in ("status", "date", "choice", "door")):
        fields["date"] = "2024-03-01"  # front matter with none of these is not a record
    title = draw(_phrase.map(lambda p: f"Use {p}"))  # a title opening with a number is read as numbered
    return fields, links, title, draw(_heading_body)


def _native_text(fields, links, title, body) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if value in (None, []):
            continue
        if isinstance(value, str) and "\n" in value:
            lines.append(f"{key}: |-\n" + "\n".join(f"  {v}" for v in value.split("\n")))
        else:
            lines.append(f"{key}: {frontmatter.format_value(value)}")
    for relation in (Relation.SUPERSEDES, Relation.AMENDS, Relation.RELATES_TO):
        targets = [t for r, t in links if r is relation]
        if targets:
            lines.append(f"{relation.value}: [{', '.join(targets)}]")
    return "\n".join(lines) + f"\n---\n\n# {title}\n{body}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(native_records())
def test_property_native_to_nygard_to_native_keeps_every_field(record):
    fields, links, title, body = record
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write(root / ".adrtool.toml", 'dirs = ["decisions"]\n')
        write(root / "decisions/0001-first.md", "---\nstatus: accepted\n---\n\n# First\n")
        write(root / "decisions/0003-third.md", "---\nstatus: accepted\n---\n\n# Third\n")
        original = _native_text(fields, links, title, body)
        write(root / "decisions/0002-generated.md", original)
        start = snapshot(root)
        d = start["decisions/0002-generated.md"]
        # The generated values are what the store reads (so the comparison below means something).
        assert d["status_raw"] == fields["status"] and d["tags"] == fields["tags"]
        assert d["decision_makers"] == fields["decision-makers"] and d["title"] == title
        for to in ("nygard", "native"):
            repo = store.load(root)
            apply(repo, migrate(repo, repo.records, to))
            if to == "nygard":
                assert store.load(root).resolve("2").dialect == "nygard"
        assert snapshot(root) == start
        assert (root / "decisions/0002-generated.md").read_text() == original


# ---- phodal and reStructuredText folders ----------------------------------------------------

# phodal/adr docs/adr/0001-编写完整的单元测试.md (the zh-cn template of phodal's `adr`): a dated status log.
PHODAL = ("# 1. 编写完整的单元测试\n\n日期: 2017/11/22\n\n## 状态\n\n2017-11-22 提议\n\n2017-11-26 完成\n\n"
          "## 上下文\n\n测试。\n\n## 决策\n\n写完整的测试。\n")


@pytest.mark.parametrize("to", ["native", "madr4", "nygard"])
def test_a_phodal_folder_converts_keeping_every_field(tmp_path, to):
    write(tmp_path / "docs/adr/0001-编写完整的单元测试.md", PHODAL)
    write(tmp_path / "docs/adr/0002-x.md", PHODAL.replace("1. 编写完整的单元测试", "2. X"))
    before = snapshot(tmp_path)
    assert {f["dialect"] for f in before.values()} == {"phodal"}
    result = run_cli(["migrate", "--to", to], tmp_path)
    assert result.code == 0, result.err
    assert without_dialect(snapshot(tmp_path)) == without_dialect(before)
    assert "写完整的测试。" in (tmp_path / "docs/adr/0001-编写完整的单元测试.md").read_text()


def test_an_rst_folder_is_refused_with_one_line_saying_why_and_what_to_do(tmp_path):
    # openedx/edx-toggles docs/decisions (an RST log)
    write(tmp_path / "docs/decisions/0001-purpose.rst", "1. Purpose\n==========\n\nStatus\n------\n\nAccepted\n")
    write(tmp_path / "docs/decisions/0002-toggles.rst", "2. Toggles\n==========\n\nStatus\n------\n\nProposed\n")
    write(tmp_path / "docs/decisions/0003-notes.md", "# 3. Notes\n\n## Status\n\nAccepted\n")
    before = texts(tmp_path)
    result = run_cli(["migrate", "--to", "native"], tmp_path)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err
    assert "docs/decisions/0001-purpose.rst and 1 more: cannot migrate reStructuredText records" in result.err
    assert "keep them in RST, or name the Markdown records" in result.err
    assert texts(tmp_path) == before
    assert run_cli(["migrate", "--to", "native", "3"], tmp_path).code == 0  # the Markdown one alone
    assert (tmp_path / "docs/decisions/0003-notes.md").read_text().startswith("---\nstatus: Accepted\n")

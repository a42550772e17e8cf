"""tag, status, supersede, link and init, on each dialect; MADR 4 stays MADR 4."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from adrtool import store
from adrtool.authoring import operations
from adrtool.model import Relation
from tests.conftest import write

MADR4_STATUS = re.compile(r"^(proposed|rejected|accepted|deprecated|superseded by ADR-\d{4})$")
MADR4_KEYS = {"status", "date", "decision-makers", "consulted", "informed"}
ADRTOOL_KEYS = {"choice", "door", "revisit", "tags", "governs", "references",
                "supersedes", "superseded-by", "amends", "amended-by", "relates-to"}


def assert_valid_madr4(path: Path) -> None:
    """MADR 4: YAML front matter with MADR 4's keys written its way, then the title as the first H1."""
    text = path.read_text()
    assert text.startswith("---\n"), path
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    assert set(meta) <= MADR4_KEYS | ADRTOOL_KEYS and "deciders" not in meta, meta
    assert MADR4_STATUS.match(str(meta["status"])), meta["status"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta["date"])), meta["date"]
    first = next(line for line in body.splitlines() if line.strip())
    assert first.startswith("# ") and not re.match(r"# \d", first), first


@pytest.fixture
def madr4(tmp_path: Path) -> Path:
    write(tmp_path / ".adrtool.toml", 'dirs = ["docs/decisions"]\n')
    write(tmp_path / "docs/decisions/0001-use-madr.md",
          "---\nstatus: accepted\ndate: 2024-01-10\ndecision-makers: [Ana, Bo]\n---\n\n# Use MADR 4\n\n"
          "## Context and Problem Statement\n\nWe want records.\n")
    write(tmp_path / "docs/decisions/0002-use-postgres.md",
          "---\nstatus: proposed\ndate: 2024-02-01\n---\n\n# Use Postgres\n\n## Context and Problem Statement\n\nX.\n")
    return tmp_path


def test_madr4_stays_madr4_after_every_command(madr4, cli):
    steps = [
        ["new", "Use Redis", "--choice", "deliberate", "--door", "one-way", "--link", "relates-to:1"],
        ["new", "Use tabs", "--choice", "arbitrary", "--door", "two-way"],
        ["tag", "1", "--choice", "deliberate", "--door", "one-way", "--revisit", "when we reach 100 records"],
        ["status", "2", "accepted"],
        ["link", "3", "amends", "2"],
        ["supersede", "1", "3"],
        ["status", "4", "rejected"],
    ]
    for step in steps:
        r = cli(step, madr4)
        assert r.code == 0, (step, r.err)
        for path in sorted((madr4 / "docs/decisions").glob("*.md")):
            assert_valid_madr4(path)
    repo = store.load(madr4)
    assert repo.resolve("1").status.value == "superseded"
    assert [p.code for p in __import__("adrtool.lint", fromlist=["lint"]).lint(repo) if p.severity == "error"] == []
    assert "decision-makers: [Ana, Bo]\n" in (madr4 / "docs/decisions/0001-use-madr.md").read_text()


def test_tag_rewrites_only_the_tag_lines(madr4, cli):
    path = madr4 / "docs/decisions/0002-use-postgres.md"
    before = path.read_text()
    r = cli(["tag", "ADR-2", "--choice", "arbitrary", "--door", "two-way"], madr4)
    assert r.out == "updated docs/decisions/0002-use-postgres.md\n"
    after = path.read_text()
    assert after.replace("choice: arbitrary\ndoor: two-way\n", "") == before
    cli(["tag", "2", "--door", "one-way", "--revisit", "Q3"], madr4)
    cli(["tag", "2", "--revisit", ""], madr4)
    d = store.load(madr4).resolve("2")
    assert (d.choice.value, d.door.value, d.revisit) == ("arbitrary", "one-way", None)


def test_tag_on_an_inline_decision_rewrites_its_parentheses(tmp_path, cli):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs"]\n')
    (tmp_path / "decisions").mkdir()
    doc = write(tmp_path / "docs/design.md",
                "# Design\n\n- Decision D1: Flush every 100 ms.\n- Decision D2 (arbitrary): Use tabs.\n")
    r = cli(["tag", "D1", "--choice", "arbitrary", "--door", "two-way", "--revisit", "with latency data"], tmp_path)
    assert r.code == 0, r.err
    cli(["tag", "D2", "--door", "two-way"], tmp_path)
    assert doc.read_text() == ("# Design\n\n- Decision D1 (arbitrary, two-way): Flush every 100 ms; revisit with latency data.\n"
                               "- Decision D2 (arbitrary, two-way): Use tabs.\n")
    d1 = store.load(tmp_path).resolve("D1")
    assert (d1.choice.value, d1.door.value, d1.revisit) == ("arbitrary", "two-way", "with latency data")


def test_status_enforces_the_lifecycle_and_force_warns(madr4, cli):
    r = cli(["status", "1", "proposed"], madr4)
    assert r.code == 2 and "accepted -> proposed is outside the lifecycle" in r.err
    r = cli(["status", "1", "proposed", "--force"], madr4)
    assert r.code == 0 and "warning" in r.err and "--force" in r.err
    assert store.load(madr4).resolve("1").status.value == "proposed"


def test_accepting_sets_the_date(madr4):
    repo = store.load(madr4)
    changes = operations.set_status(repo, repo.resolve("2"), "Accepted", today="2025-05-05")
    (change,) = changes
    assert "status: accepted\ndate: 2025-05-05\n" in change.after
    assert operations.set_status(repo, repo.resolve("2"), "rejected", today="2025-05-05")[0].after.count("2025") == 0


def test_status_on_nygard_and_inline(tmp_path, cli):
    write(tmp_path / ".adrtool.toml", 'dirs = ["doc/adr"]\ndesign-dirs = ["docs"]\n')
    rec = write(tmp_path / "doc/adr/0001-x.md", "# 1. X\n\nDate: 2020-01-01\n\n## Status\n\nProposed\n\n## Context\n")
    doc = write(tmp_path / "docs/design.md", "- Decision D4 (arbitrary, two-way, proposed): Use tabs.\n")
    assert cli(["status", "1", "accepted"], tmp_path).code == 0
    text = rec.read_text()
    assert "\n## Status\n\nAccepted\n" in text and "Date: 2020-01-01" not in text
    assert cli(["status", "D4", "rejected"], tmp_path).code == 0
    assert doc.read_text() == "- Decision D4 (arbitrary, two-way, rejected): Use tabs.\n"


def test_superseded_needs_a_successor_unless_forced(madr4, cli):
    r = cli(["status", "1", "superseded"], madr4)
    assert r.code == 2 and "adrtool supersede" in r.err


def test_supersede_writes_both_sides_in_each_files_dialect(tmp_path, cli):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    nygard = write(tmp_path / "decisions/0001-old.md", "# 1. Old\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nX.\n")
    native = write(tmp_path / "decisions/0002-new.md", "---\nstatus: accepted\ndate: 2021-01-01\n---\n\n# New\n")
    r = cli(["supersede", "1", "2"], tmp_path)
    assert r.code == 0, r.err
    assert "## Status\n\nSuperseded by [2. New](0002-new.md)\n\n## Context" in nygard.read_text()
    assert "supersedes: [1]" in native.read_text()
    repo = store.load(tmp_path)
    assert repo.resolve("1").status.value == "superseded" and repo.resolve("2").supersedes == ["1"]
    assert cli(["supersede", "1", "2"], tmp_path).out == "nothing to change\n"


def test_link_writes_the_reverse_and_accepts_spellings(madr4, cli):
    for words in (["2", "Amends", "1"], ["2", "relates", "to", "1"]):
        assert cli(["link", *words], madr4).code == 0
    repo = store.load(madr4)
    one, two = repo.resolve("1"), repo.resolve("2")
    assert two.linked(Relation.AMENDS) == ["1"] and one.linked(Relation.AMENDED_BY) == ["2"]
    assert two.linked(Relation.RELATES_TO) == ["1"] and one.linked(Relation.RELATES_TO) == ["2"]
    assert cli(["link", "2", "supersedes", "1"], madr4).code == 0
    assert store.load(madr4).resolve("1").status.value == "superseded"


def test_dry_run_prints_the_diff_and_writes_nothing(madr4, cli):
    before = {p: p.read_bytes() for p in madr4.rglob("*.md")}
    for step in (["supersede", "1", "2"], ["link", "1", "amends", "2"], ["tag", "1", "--door", "one-way"],
                 ["status", "2", "accepted"], ["new", "X"]):
        r = cli([*step, "--dry-run"], madr4)
        assert r.code == 0 and r.out.startswith("--- "), (step, r.out)
    assert {p: p.read_bytes() for p in madr4.rglob("*.md")} == before


def test_init_in_a_new_repository(git_repo, cli):
    r = cli(["init"], git_repo)
    assert r.out.splitlines() == ["created .adrtool.toml", "created decisions/0001-record-design-decisions-with-adrtool.md"]
    d = store.load(git_repo).resolve("1")
    assert (d.title, d.status.value, d.choice.value, d.door.value) == (
        "Record design decisions with adrtool", "accepted", "deliberate", "two-way")
    assert cli(["init"], git_repo).out.startswith("already set up")
    assert cli(["new", "Next"], git_repo).out == "created decisions/0002-next.md\n"


def test_init_with_a_folder(git_repo, cli):
    r = cli(["init", "docs/architecture"], git_repo)
    assert r.code == 0 and (git_repo / "docs/architecture/0001-record-design-decisions-with-adrtool.md").is_file()
    assert store.load(git_repo).config.dirs == [(git_repo / "docs/architecture").resolve()]


@pytest.mark.parametrize("setup", ["adr-tools", "log4brains", "madr"])
def test_init_adopts_an_existing_folder_and_changes_no_record(git_repo, cli, setup):
    if setup == "adr-tools":
        write(git_repo / ".adr-dir", "doc/arch\n")
        write(git_repo / "doc/arch/0001-x.md", "# 1. X\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n")
        folder = "doc/arch"
    elif setup == "log4brains":
        write(git_repo / ".log4brains.yml", "project:\n  adrFolder: ./docs/adr\n")
        write(git_repo / "docs/adr/20200101-x.md", "# X\n\n- Status: accepted\n- Date: 2020-01-01\n")
        folder = "docs/adr"
    else:
        write(git_repo / "docs/decisions/0001-x.md", "---\nstatus: accepted\ndate: 2020-01-01\n---\n\n# X\n")
        folder = "docs/decisions"
    before = {p: p.read_bytes() for p in git_repo.rglob("*") if p.is_file() and ".git" not in p.parts}
    r = cli(["init"], git_repo)
    assert r.out == "created .adrtool.toml\n", r.out
    after = {p: p.read_bytes() for p in git_repo.rglob("*") if p.is_file() and ".git" not in p.parts}
    assert after.pop(git_repo / ".adrtool.toml") == f'# adrtool settings: where this repository keeps its design decisions.\ndirs = ["{folder}"]\n'.encode()
    assert after == before
    repo = store.load(git_repo)
    assert len(repo.records) == 1 and repo.config.source == ".adrtool.toml"
    if setup == "log4brains":
        assert repo.config.log4brains and repo.records[0].dialect == "log4brains"


def test_init_leaves_a_pyproject_configuration_alone(git_repo, cli):
    pyproject = write(git_repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.adrtool]\ndirs = ["adr"]\n')
    (git_repo / "adr").mkdir()
    r = cli(["init"], git_repo)
    # configured but empty: the configuration stays as it is, and the log gets its first record
    assert r.code == 0 and r.out == "created adr/0001-record-design-decisions-with-adrtool.md\n"
    assert sorted(p.name for p in git_repo.iterdir()) == [".git", "adr", "pyproject.toml"]
    assert pyproject.read_text().endswith('dirs = ["adr"]\n')
    again = cli(["init"], git_repo)
    assert again.code == 0 and again.out.startswith("already set up")
    assert [p.name for p in (git_repo / "adr").iterdir()] == ["0001-record-design-decisions-with-adrtool.md"]


def test_new_in_a_folder_named_by_day_follows_its_names(git_repo, cli):
    # Records named by their day with dashes, as in Altinn/altinn-studio e049d2c021c4 docs/adr
    # (`2024-09-25-signing-configuration.md`): a new record is named by today, with no number in its title.
    write(git_repo / "docs/adr/2024-09-25-signing-configuration.md",
          "# Signing configuration\n\n## Status\n\nAccepted\n\n## Decision\n\nWe sign in the app.\n")
    write(git_repo / "docs/adr/2024-10-02-signing-transactions.md",
          "# Signing transactions\n\n## Status\n\nAccepted\n\nReplaces 2024-09-25-signing-configuration\n")
    r = cli(["new", "Use a signing service", "--choice", "arbitrary", "--door", "two-way"], git_repo)
    assert r.code == 0, r.err
    created = git_repo / "docs/adr" / f"{date.today().isoformat()}-use-a-signing-service.md"
    assert r.out == f"created {created.relative_to(git_repo)}\n"
    assert created.read_text().startswith("# Use a signing service\n")
    record = store.load(git_repo).resolve(created.stem)
    assert record.number is None and record.title == "Use a signing service" and record.choice.value == "arbitrary"
    # A folder numbered more often than named by day keeps numbering.
    write(git_repo / "docs/adr/0001-a.md", "# 1. A\n\n## Status\n\nAccepted\n")
    write(git_repo / "docs/adr/0002-b.md", "# 2. B\n\n## Status\n\nAccepted\n")
    write(git_repo / "docs/adr/0003-c.md", "# 3. C\n\n## Status\n\nAccepted\n")
    assert cli(["new", "Numbered again"], git_repo).out == "created docs/adr/0004-numbered-again.md\n"

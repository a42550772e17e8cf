"""`adrtool new`: numbering across branches, the repository's dialect and template, tags -> template."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from adrtool import store
from adrtool.authoring import operations
from tests.conftest import git, write

NYGARD_0001 = "# 1. Record architecture decisions\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nX.\n"


def native_repo(root: Path) -> Path:
    write(root / ".adrtool.toml", 'dirs = ["decisions"]\n')
    (root / "decisions").mkdir(parents=True, exist_ok=True)
    return root


def only_new_file(root: Path, out: str) -> Path:
    created = [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("created ")]
    assert len(created) == 1, out
    return root / created[0]


def test_new_in_a_native_repository_gets_number_slug_status_and_full_form(tmp_path, cli):
    native_repo(tmp_path)
    r = cli(["new", "Use", "Postgres", "for", "orders", "--choice", "deliberate", "--door", "one-way"], tmp_path)
    assert r.code == 0, r.err
    path = only_new_file(tmp_path, r.out)
    assert path.name == "0001-use-postgres-for-orders.md"
    record = store.load(tmp_path).resolve("1")
    assert (record.title, record.status.value, record.choice.value, record.door.value) == (
        "Use Postgres for orders", "proposed", "deliberate", "one-way")
    text = path.read_text()
    for section in ("## Context and Problem Statement", "## Decision Drivers", "## Considered Options",
                    "## Decision Outcome", "### Consequences", "### Confirmation"):
        assert section in text
    assert "Good, because" in text and "Bad, because" in text


def test_an_arbitrary_two_way_decision_gets_the_five_line_quick_form(tmp_path, cli):
    native_repo(tmp_path)
    r = cli(["new", "Use tabs", "--choice", "arbitrary", "--door", "two-way"], tmp_path)
    text = only_new_file(tmp_path, r.out).read_text()
    body = text.split("---\n", 2)[2].strip().splitlines()
    assert len(body) == 5 and body[0] == "# Use tabs"
    assert [line.split("**")[1] for line in body[2:]] == ["What:", "Why this guess:", "Revisit when:"]
    assert "## Considered Options" not in text


def test_non_ascii_titles_get_a_readable_slug_and_keep_the_title(tmp_path, cli):
    native_repo(tmp_path)
    r = cli(["new", "Café façade für Ünïcode"], tmp_path)
    path = only_new_file(tmp_path, r.out)
    assert path.name == "0001-cafe-facade-fur-unicode.md"
    assert store.load(tmp_path).resolve("1").title == "Café façade für Ünïcode"
    r = cli(["new", "Использовать Postgres"], tmp_path)
    assert only_new_file(tmp_path, r.out).name == "0002-использовать-postgres.md"


def test_numbering_follows_the_repository_prefix_and_width(tmp_path, cli):
    write(tmp_path / ".adrtool.toml", 'dirs = ["adr"]\n')
    write(tmp_path / "adr" / "ADR-007-old.md", "---\nstatus: accepted\n---\n\n# Old\n")
    r = cli(["new", "Next one"], tmp_path)
    assert only_new_file(tmp_path, r.out).name == "ADR-008-next-one.md"


def test_the_next_number_is_unused_on_every_local_and_remote_tracking_branch(tmp_path, git_repo, cli):
    native_repo(git_repo)
    write(git_repo / "decisions" / "0001-first.md", "---\nstatus: accepted\n---\n\n# First\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "first")
    git(git_repo, "checkout", "-qb", "feature/cache")
    write(git_repo / "decisions" / "0002-cache.md", "---\nstatus: proposed\n---\n\n# Cache\n")
    write(git_repo / "decisions" / "0003-more-cache.md", "---\nstatus: proposed\n---\n\n# More cache\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "cache")
    git(git_repo, "checkout", "-q", "main")
    teammate = tmp_path / "teammate"
    git(tmp_path, "clone", "-q", str(git_repo), str(teammate))
    git(teammate, "checkout", "-qb", "queue")
    write(teammate / "decisions" / "0004-queue.md", "---\nstatus: proposed\n---\n\n# Queue\n")
    git(teammate, "add", "-A")
    git(teammate, "commit", "-qm", "queue")
    git(git_repo, "remote", "add", "origin", str(teammate))
    git(git_repo, "fetch", "-q", "origin")

    r = cli(["new", "Use a CDN"], git_repo)
    assert r.code == 0, r.err
    assert only_new_file(git_repo, r.out).name == "0005-use-a-cdn.md"
    assert "skipped 0002: used on branch feature/cache" in r.err
    assert "skipped 0003: used on branch feature/cache" in r.err
    assert "skipped 0004: used on branch origin/queue" in r.err


def test_outside_git_only_the_working_tree_counts(tmp_path, cli):
    native_repo(tmp_path)
    write(tmp_path / "decisions" / "0009-x.md", "---\nstatus: accepted\n---\n\n# X\n")
    r = cli(["new", "Y"], tmp_path)
    assert only_new_file(tmp_path, r.out).name == "0010-y.md" and r.err == ""


def test_an_adr_tools_repository_gets_nygard_with_date_line_and_status_section(tmp_path, cli):
    write(tmp_path / ".adr-dir", "doc/adr\n")
    write(tmp_path / "doc/adr/0001-record-architecture-decisions.md", NYGARD_0001)
    r = cli(["new", "Use Kafka", "--choice", "deliberate", "--door", "two-way", "--dry-run"], tmp_path)
    assert "+# 2. Use Kafka" in r.out and not (tmp_path / "doc/adr/0002-use-kafka.md").exists()
    r = cli(["new", "Use Kafka", "--choice", "deliberate", "--door", "two-way"], tmp_path)
    text = (tmp_path / "doc/adr/0002-use-kafka.md").read_text()
    assert text.startswith("# 2. Use Kafka\n\nDate: ")
    assert "\n## Status\n\nProposed\n" in text and "Choice: deliberate\nDoor: two-way\n" in text
    record = store.load(tmp_path).resolve("2")
    assert (record.dialect, record.status.value, record.choice.value) == ("nygard", "proposed", "deliberate")


def test_the_repository_template_is_used_when_it_has_one(tmp_path, cli):
    write(tmp_path / ".adr-dir", "doc/adr\n")
    write(tmp_path / "doc/adr/0001-record-architecture-decisions.md", NYGARD_0001)
    write(tmp_path / "doc/adr/templates/template.md",
          "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Our own section\n\nTeam text.\n")
    cli(["new", "Update the DATE format"], tmp_path)
    text = (tmp_path / "doc/adr/0002-update-the-date-format.md").read_text()
    assert text.startswith("# 2. Update the DATE format\n\nDate: 2")
    assert "## Our own section\n\nTeam text.\n" in text and "\nProposed\n" in text


def test_madr_template_in_the_folder_is_used(tmp_path, cli):
    write(tmp_path / ".adrtool.toml", 'dirs = ["docs/decisions"]\n')
    write(tmp_path / "docs/decisions/adr-template.md",
          "---\nstatus: \"{proposed | accepted}\"\ndate: \"{YYYY-MM-DD}\"\n---\n\n# {short title}\n\n## Team Context\n")
    r = cli(["new", "Use gRPC", "--status", "accepted"], tmp_path)
    assert r.code == 0, r.err
    text = (tmp_path / "docs/decisions/0001-use-grpc.md").read_text()
    assert "# Use gRPC\n" in text and "## Team Context" in text and "status: accepted\n" in text


def test_log4brains_gets_dated_names_and_its_template(tmp_path, cli):
    write(tmp_path / ".log4brains.yml", "project:\n  name: x\n  adrFolder: ./docs/adr\n")
    write(tmp_path / "docs/adr/20240101-use-log4brains.md",
          "# Use Log4brains\n\n- Status: accepted\n- Date: 2024-01-01\n\n## Context\n\nX.\n")
    write(tmp_path / "docs/adr/template.md",
          "# [short title]\n\n- Status: [draft | proposed | accepted]\n- Date: [YYYY-MM-DD]\n\n## Context and Problem Statement\n")
    r = cli(["new", "Use Postgres", "--supersedes", "20240101-use-log4brains"], tmp_path)
    assert r.code == 0, r.err
    path = only_new_file(tmp_path, r.out)
    assert len(path.stem.split("-", 1)[0]) == 8 and path.name.endswith("-use-postgres.md")
    text = path.read_text()
    assert text.startswith("# Use Postgres\n\n- Status: proposed\n- Date: 2")
    assert f"- Supersedes [Use Log4brains](20240101-use-log4brains.md)" in text
    old = store.load(tmp_path).resolve("20240101-use-log4brains")
    assert old.status.value == "superseded" and f"]({path.name})" in (tmp_path / old.path).read_text()


def test_madr2_without_a_template_gets_our_form_with_star_bullets(tmp_path, cli):
    write(tmp_path / ".adrtool.toml", 'dirs = ["docs/adr"]\n')
    write(tmp_path / "docs/adr/0001-use-madr.md", "# Use MADR\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context\n")
    cli(["new", "Use Kotlin", "--door", "one-way"], tmp_path)
    text = (tmp_path / "docs/adr/0002-use-kotlin.md").read_text()
    assert text.startswith("# Use Kotlin\n\n* Status: proposed\n* Date: ") and "* Door: one-way" in text
    assert "---" not in text.splitlines()[0]
    assert store.load(tmp_path).resolve("2").dialect == "madr2"


def test_supersedes_and_links_are_written_on_both_sides(tmp_path, cli):
    native_repo(tmp_path)
    cli(["new", "Old way"], tmp_path)
    cli(["new", "Side note"], tmp_path)
    r = cli(["new", "New way", "-s", "1", "--link", "amends:2", "--link", "relates to:0002"], tmp_path)
    assert r.code == 0, r.err
    repo = store.load(tmp_path)
    new, old, side = repo.resolve("3"), repo.resolve("1"), repo.resolve("2")
    assert new.supersedes == ["1"] and old.status.value == "superseded" and old.superseded_by == ["0003"]
    assert new.linked(operations.Relation.AMENDS) == ["2"] and side.linked(operations.Relation.AMENDED_BY) == ["3"]
    assert side.linked(operations.Relation.RELATES_TO) == ["3"]
    assert r.out.splitlines() == ["created decisions/0003-new-way.md", "updated decisions/0001-old-way.md",
                                  "updated decisions/0002-side-note.md"]


def test_edit_opens_visual_before_editor(tmp_path, cli, monkeypatch):
    native_repo(tmp_path)
    seen = tmp_path / "seen.txt"
    for name in ("visual", "editor"):
        script = write(tmp_path / f"fake-{name}", f"#!/bin/sh\necho {name} \"$1\" >> '{seen}'\n")
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(tmp_path / "fake-editor"))
    cli(["new", "First", "--edit"], tmp_path)
    monkeypatch.setenv("VISUAL", str(tmp_path / "fake-visual"))
    cli(["new", "Second", "--edit"], tmp_path)
    cli(["new", "Third", "--edit", "--dry-run"], tmp_path)
    assert seen.read_text().splitlines() == [
        f"editor {tmp_path / 'decisions/0001-first.md'}",
        f"visual {tmp_path / 'decisions/0002-second.md'}",
    ]


def test_named_templates(tmp_path, cli):
    native_repo(tmp_path)
    cli(["new", "Forced quick", "--template", "quick"], tmp_path)
    assert "**What:**" in (tmp_path / "decisions/0001-forced-quick.md").read_text()
    write(tmp_path / "my-template.md", "---\nstatus: proposed\n---\n\n# T\n\n## Mine\n")
    cli(["new", "From file", "--template", "my-template.md"], tmp_path)
    assert "## Mine" in (tmp_path / "decisions/0002-from-file.md").read_text()


def test_new_scans_branches_without_importing_gitpython_textual_or_anthropic(git_repo):
    import subprocess
    import sys

    native_repo(git_repo)
    probe = ("import sys; from adrtool.cli import main; main(['new', 'X', '--dry-run']); "
             "print(sorted(m for m in ('git', 'textual', 'anthropic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=git_repo, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]" and "+# X" in out

"""`adrtool promote ID`: an inline decision becomes a record in the repository's own dialect, keeping its id."""

from __future__ import annotations

import json
import os

import pytest

from adrtool import store
from adrtool.authoring.changes import apply
from adrtool.authoring.promote import promote
from tests.conftest import write

DESIGN = """# Storage design

Intro.

## Keys

We need ids that sort by time.

- Decision (arbitrary, two-way): Batch 100 rows.
- Decision D7 (deliberate, one-way): Keys are UUIDv7; revisit when we shard.
- Decision: Use tabs.

More prose.

## Other

Elsewhere.
"""
D7_LINE = "- Decision D7 (deliberate, one-way): Keys are UUIDv7; revisit when we shard.\n"

# One existing record per dialect, as each tool writes it (adr-tools `adr new`, MADR 2's template,
# log4brains' template); the new record must come out in the same dialect.
DIALECTS = {
    "native": ("decisions", "0001-use-postgres.md",
               "---\nstatus: accepted\ndate: 2020-01-01\nchoice: deliberate\ndoor: one-way\n---\n# Use Postgres\n"),
    "nygard": ("doc/adr", "0001-use-postgres.md",
               "# 1. Use Postgres\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n"),
    "madr2": ("docs/adr", "0001-use-postgres.md",
              "# Use Postgres\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context and Problem Statement\n\nA database.\n"),
    "log4brains": ("docs/adr", "20200101-use-postgres.md",
                   "# Use Postgres\n\n- Status: accepted\n- Date: 2020-01-01\n\n## Context and Problem Statement\n\nA database.\n"),
}


def make(root, dialect: str):
    folder, name, text = DIALECTS[dialect]
    write(root / folder / name, text)
    write(root / "docs/design/storage.md", DESIGN)
    write(root / ".adrtool.toml", f'dirs = ["{folder}"]\ndesign-dirs = ["docs/design"]\n')
    if dialect == "nygard":
        write(root / ".adr-dir", folder + "\n")
    if dialect == "log4brains":
        write(root / ".log4brains.yml", f"project:\n  name: demo\n  adrFolder: ./{folder}\n")
    return folder


@pytest.mark.parametrize("dialect", list(DIALECTS))
def test_promote_in_every_record_dialect(git_repo, dialect):
    folder = make(git_repo, dialect)
    repo = store.load(git_repo)
    changes = promote(repo, "D7", today="2026-12-01")
    created = [c for c in changes if c.action == "created"]
    assert [c.action for c in changes] == ["created", "updated"] and created[0].path.startswith(folder + "/")
    apply(repo, changes)

    again = store.load(git_repo)
    found = again.find("D7")
    assert len(found) == 1 and found[0].path == created[0].path  # the id still finds it
    record = found[0]
    assert record.dialect == dialect
    assert record.title == "Keys are UUIDv7"
    assert (record.choice.value, record.door.value, record.status.value) == ("deliberate", "one-way", "accepted")
    assert record.revisit == "when we shard" and record.inline_id == "D7"
    assert record.problems == []
    assert "Promoted from inline decision D7 (deliberate, one-way) in [docs/design/storage.md](" in record.body
    assert '"Keys". Its context there:' in record.body and "> We need ids that sort by time." in record.body
    assert "Batch 100 rows" not in record.body  # other decision lines stay decisions of the document
    # The link back resolves to the design document.
    link = record.body.split("[docs/design/storage.md](", 1)[1].split(")", 1)[0]
    assert (git_repo / record.path).parent.joinpath(link).resolve() == (git_repo / "docs/design/storage.md").resolve()

    doc = (git_repo / "docs/design/storage.md").read_text(encoding="utf-8")
    label = f"{record.id}: Keys are UUIDv7" if record.number is not None else "Keys are UUIDv7"
    target = os.path.relpath(record.path, "docs/design")
    assert doc == DESIGN.replace(D7_LINE, f"- Decision D7 (deliberate, one-way) is recorded in [{label}]({target}).\n")
    # The other inline decisions keep their ids, and no inline D7 is left to collide with the record.
    assert {d.title: d.id for d in again.inline} == {"Batch 100 rows": "storage#1", "Use tabs": "storage#3"}


def test_a_positional_id_stays_stable(git_repo):
    make(git_repo, "native")
    repo = store.load(git_repo)
    before = {d.title: d.id for d in repo.inline}
    assert before == {"Batch 100 rows": "storage#1", "Keys are UUIDv7": "D7", "Use tabs": "storage#3"}
    apply(repo, promote(repo, "storage#1", today="2026-12-01"))
    again = store.load(git_repo)
    assert {d.title: d.id for d in again.inline} == {"Keys are UUIDv7": "D7", "Use tabs": "storage#3"}
    assert [d.title for d in again.find("storage#1")] == ["Batch 100 rows"]


def test_dry_run_shows_both_diffs_and_writes_nothing(cli, git_repo):
    make(git_repo, "native")
    result = cli(["promote", "D7", "--dry-run"], git_repo)
    assert result.code == 0, result.err
    assert "+++ b/decisions/0002-keys-are-uuidv7.md" in result.out and "+inline-id: D7" in result.out
    assert "--- a/docs/design/storage.md" in result.out
    assert "-- Decision D7 (deliberate, one-way): Keys are UUIDv7; revisit when we shard." in result.out
    assert not (git_repo / "decisions/0002-keys-are-uuidv7.md").exists()
    assert (git_repo / "docs/design/storage.md").read_text(encoding="utf-8") == DESIGN
    done = cli(["promote", "D7"], git_repo)
    assert done.out == "created decisions/0002-keys-are-uuidv7.md\nupdated docs/design/storage.md\n"
    shown = json.loads(cli(["show", "D7", "--json"], git_repo).out)
    assert shown["id"] == "0002" and shown["inline_id"] == "D7"


def test_stored_ai_results_follow_the_id(git_repo):
    make(git_repo, "native")
    write(git_repo / ".adrtool/ai/review/D7.md", "---\nfeature: review\nitem: D7\n---\n\nresult\n")
    repo = store.load(git_repo)
    changes = promote(repo, "D7", today="2026-12-01")
    assert {(c.action, c.path) for c in changes} >= {("created", ".adrtool/ai/review/0002.md"),
                                                     ("deleted", ".adrtool/ai/review/D7.md")}
    apply(repo, changes)
    assert (git_repo / ".adrtool/ai/review/0002.md").read_text() == "---\nfeature: review\nitem: D7\n---\n\nresult\n"
    assert not (git_repo / ".adrtool/ai/review/D7.md").exists()


def test_refusals(cli, git_repo, monkeypatch):
    make(git_repo, "native")
    monkeypatch.setenv("ADRTOOL_ERRORS", "json")
    record = cli(["promote", "1"], git_repo)
    assert record.code == 2 and json.loads(record.err)["error"] == "invalid-value"
    assert json.loads(cli(["promote", "D99"], git_repo).err)["error"] == "not-found"


def test_tagging_an_inline_decision_one_way_offers_promotion(cli, git_repo):
    make(git_repo, "native")
    offered = cli(["tag", "storage#1", "--door", "one-way"], git_repo)
    assert offered.code == 0 and "`adrtool promote storage#1`" in offered.err
    assert "promote" not in cli(["tag", "storage#1", "--door", "two-way"], git_repo).err

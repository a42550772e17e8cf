"""A small sample repository for the TUI tests (and a check that it reads as intended).

Fixed dates everywhere, so screenshots are deterministic.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

RECORDS = {
    "0001-use-postgresql.md": """---
status: accepted
date: 2026-01-10
choice: deliberate
door: one-way
tags: [storage]
---
# Use PostgreSQL for storage

## Context and Problem Statement

Orders need a durable, transactional store.

## Considered Options

* PostgreSQL
* SQLite

## Decision Outcome

Chosen option: PostgreSQL, because we need concurrent writers.
""",
    "0002-indent-with-tabs.md": """---
status: proposed
date: 2026-01-11
choice: arbitrary
door: two-way
---
# Indent with tabs

We indent with tabs.
""",
    "0003-commit-with-optimistic-checks.md": """---
status: proposed
date: 2026-01-12
---
# Commit with optimistic checks

## Context and Problem Statement

Writers may race.

## Decision Outcome

Compare the version before writing.
""",
    "0004-use-mysql.md": """---
status: superseded
date: 2025-11-02
choice: deliberate
door: one-way
superseded-by: ["0001"]
---
# Use MySQL

We used MySQL first.
""",
    "0005-queue-with-kafka.md": """---
status: accepted
date: 2026-01-05
choice: arbitrary
door: one-way
tags: [messaging]
---
# Queue events with Kafka

Kafka, because the last team used it.
""",
}
DESIGN_DOC = """# Cache design

The cache sits in front of the order store.

- Decision D1 (arbitrary, one-way): Keys are UUIDv7.
- Decision D2 (deliberate, two-way): Entries expire after 10 minutes.
- Decision: Flush the write buffer every 100 ms.
"""
# A file adrtool cannot read (bad front matter no longer is one: the rest of the record is read; nor is a file
# that is not UTF-8: it is read as cp1252 or latin-1, `file_encoding`).
BROKEN = b"---\nstatus: accepted\n---\n# Broken \x00 bytes\n"


def make_sample(root: Path, broken: bool = False) -> Path:
    """Write the sample decisions under `root` (a folder, typically a git repository) and return it."""
    write(root / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')
    for name, text in RECORDS.items():
        write(root / "decisions" / name, text)
    write(root / "docs" / "design" / "cache.md", DESIGN_DOC)
    if broken:
        (root / "decisions" / "0006-broken.md").write_bytes(BROKEN)
    return root


def test_sample_reads_as_intended(tmp_path):
    from adrtool import store

    repo = store.load(make_sample(tmp_path, broken=True))
    assert sorted(d.id for d in repo.records) == ["0001", "0002", "0003", "0004", "0005"]
    assert sorted(d.quadrant for d in repo.inline) == ["arbitrary/one-way", "deliberate/two-way", "untagged"]
    assert [p.path for p in repo.problems] == ["decisions/0006-broken.md"]

"""The writing commands give the same answer parsing on demand (`store_lazy`) as parsing every file first.

Each case runs `status`, `supersede`, `renumber` or `new` twice, on two copies of one folder: as the
commands run now (each file parsed only when needed) and with ADRTOOL_EAGER_LOAD=1 (every file parsed
first, as `store.load` does for every other command).  Exit code, stdout, stderr and every file's bytes
must be equal.  The folders hold the patterns that decide what a reference means: ids from file names
and from titles, ambiguous numbers, stems, prefixes, RST labels, inline ids (explicit, numeric,
positional, lower case, promoted), unreadable and broken files, documents, sub-folders, links both
ways, branches holding numbers; plus folders written by the real adr-tools and phodal's `adr`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from adrtool.cli.common import EAGER_LOAD
from tests.conftest import git, require_tool, run_cli, write

D = "docs/decisions"

# Our own files, each reproducing a pattern of the reading tests (tests/test_reading_*.py name their sources).
MIXED = {
    ".adrtool.toml": 'dirs = ["docs/decisions"]\ndesign-dirs = ["docs/design"]\n',
    f"{D}/README.md": "# Decisions\n\n* [1. Use Postgres](0001-use-postgres.md)\n* ADR-0004 replaced ADR-0003\n",
    f"{D}/0001-use-postgres.md": "---\nstatus: accepted\ndate: 2024-01-02\nchoice: deliberate\ndoor: one-way\n---\n"
                                 "# Use Postgres\n\nSee [the MADR 3 one](0002-madr3-style.md) and ADR-0004.\n",
    f"{D}/0002-madr3-style.md": "---\nstatus: proposed\ndate: 2024-01-03\ndeciders: [Ana]\n---\n# MADR 3 style\n\n"
                                "## Context and Problem Statement\n\nIt relates to [Postgres](0001-use-postgres.md).\n",
    f"{D}/0003-madr2-style.md": "# MADR 2 style\n\n* Status: accepted\n* Deciders: Bo\n* Date: 2024-01-04\n\n"
                                "## Links\n\n* Relates to [ADR-0001](0001-use-postgres.md)\n",
    f"{D}/0003-twin.md": "# 3. A twin\n\nDate: 2024-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nTwo branches merged.\n",
    f"{D}/0004-nygard-style.md": "# 4. Nygard style\n\nDate: 2024-01-06\n\n## Status\n\nAccepted\n\n"
                                 "Supersedes [3. MADR 2 style](0003-madr2-style.md)\n\n## Context\n\nADR-3 was slow.\n",
    f"{D}/20200925-use-log4brains.md": "# Use log4brains\n\n- Status: accepted\n- Date: 2020-09-25\n- Tags: docs\n",
    f"{D}/legacy/0005-old-one.md": "# 5. Old one\n\nDate: 2019-01-01\n\n## Status\n\nAccepted\n",
    f"{D}/numbered-in-title.md": "# 12. Numbered in the title\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n",
    f"{D}/0006-broken-front-matter.md": "---\nstatus: accepted\ndate: [2024-01-07\n---\n# Broken front matter\n",
    f"{D}/0009-how-to-install.md": "# How to install\n\nRun make.\n",
    f"{D}/0010-promoted.md": "---\nstatus: accepted\ndate: 2024-01-08\ninline-id: D7\n---\n# Keys are UUIDv7\n",
    f"{D}/0011-with-sub-decisions.md": "---\nstatus: accepted\ndate: 2024-01-09\n---\n# With sub-decisions\n\n"
                                       "- Decision (arbitrary, two-way): Use tabs.\n"
                                       "- Decision X12 (deliberate, one-way): Keep the wire format.\n",
    f"{D}/0013-rst-record.rst": ".. _ADR-13:\n\n13. Use RST\n===========\n\nStatus\n------\n\n**Accepted**\n\n"
                                "Context\n-------\n\nSee :doc:`0014-rst-other`.\n",
    f"{D}/0014-rst-other.rst": "14. Other RST\n=============\n\nStatus\n------\n\nProposed\n\nRelates to :ref:`ADR-13`.\n",
    "docs/design/storage.md": "# Storage\n\n- Decision D8 (arbitrary, two-way): Flush every 100 ms.\n"
                              "- Decision 26 (deliberate, one-way): Keys are UUIDv7.\n"
                              "- Decision (arbitrary, two-way): Batch writes; revisit with latency data.\n",
    "docs/design/front-matter-record.md": "---\nstatus: proposed\ndate: 2024-03-01\n---\n# A record among the designs\n",
    "docs/design/notes.md": "# Notes\n\nNothing decided; 0004 is mentioned.\n",
    "docs/design/Storage.md": "# Storage, again\n\n- Decision (deliberate, two-way): Shard by tenant.\n"
                              "- Decision (arbitrary, two-way): Retry twice.\n- Decision (proposed): Compact weekly.\n",
    f"{D}/0015-broken-notes.md": "---\ntitle: [unclosed\n---\nJust notes.\n",  # unreadable front matter, no record
    "docs/design/broken.md": "---\nstatus: [unclosed\n---\n# Broken design\n",
}
BAD = {f"{D}/0007-binary.md": b"\x89PNG\x00\x00binary", f"{D}/0008-bad-utf8.md": b"# Bad\n\n\xff\xfe\n"}

STATUS = ["1 deprecated", "0001 deprecated", "ADR-0001 deprecated", "docs/decisions/0001-use-postgres.md deprecated",
          "./docs/decisions/0002-madr3-style.md accepted", "3 deprecated", "0003-madr2-style deprecated",
          "0003-twin.md deprecated", "4 deprecated", "12 deprecated", "20200925 deprecated", "2020-09-25 deprecated",
          "2020 deprecated", "6 deprecated", "7 accepted", "0008 accepted", "9 accepted", "D7 rejected",
          "d8 rejected", "D8 rejected", "26 rejected", "storage#3 rejected", "STORAGE#3 rejected", "Storage#3 accepted", "Storage#1 rejected",
          "storage#1 rejected", "15 accepted", "0015-broken-notes accepted", "broken accepted", "BROKEN accepted",
          "DOCS/DESIGN/BROKEN.MD accepted", "aDr-15 accepted", "0011#1 rejected",
          "x12 rejected", "13 deprecated", "ADR-13 deprecated", "0014-rst-other accepted", "99 accepted",
          "legacy/0005-old-one.md deprecated", "5 superseded", "1 proposed --force", "front-matter-record accepted",
          "numbered rejected", "00 accepted", "1 bogus"]
SUPERSEDE = ["1 4", "4 1", "3 4", "0003-madr2-style 0004", "0003-twin 4", "D8 1", "13 14", "1 99", "1 1", "2 front-matter-record"]
RENUMBER = ["1 50", "0003-madr2-style.md 60", "0003-twin 61", "4 1", "13 70", "12 71", "20200925 5", "1 40",
            "legacy/0005-old-one.md 80", "1 abc"]
NEW = ["'Use Redis'", "'Use Redis' -s 1", "Cache --link amends:4", "X -s 3", "Y -s D8", "Z --link relates-to:13",
       "'W' -s 0003-twin --choice arbitrary --door two-way"]
CASES = ([f"status {c}" for c in STATUS] + [f"supersede {c}" for c in SUPERSEDE] + [f"renumber {c}" for c in RENUMBER]
         + [f"new {c}" for c in NEW])


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts}


def both_ways(folder: Path, tmp_path: Path, args: list[str], monkeypatch) -> None:
    results = {}
    for mode in ("lazy", "eager"):
        work = tmp_path / mode / folder.name
        shutil.copytree(folder, work, symlinks=True)
        if mode == "eager":
            monkeypatch.setenv(EAGER_LOAD, "1")
        else:
            monkeypatch.delenv(EAGER_LOAD, raising=False)
        r = run_cli(args, work)
        results[mode] = (r.code, r.out, r.err, files_of(work))
    lazy, eager = results["lazy"], results["eager"]
    assert lazy[:3] == eager[:3], (args, lazy[:3], eager[:3])
    assert lazy[3] == eager[3], (args, sorted(set(lazy[3].items()) ^ set(eager[3].items())))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mixed") / "repo"
    for rel, text in MIXED.items():
        write(root / rel, text)
    for rel, data in BAD.items():
        (root / rel).write_bytes(data)
    git(root.parent, "init", "-q", "-b", "main", str(root))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "decisions")
    git(root, "checkout", "-qb", "side")  # a branch that holds number 40: `new` skips it, `renumber 1 40` refuses
    write(root / D / "0040-on-a-branch.md", "---\nstatus: proposed\n---\n# On a branch\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "side")
    git(root, "checkout", "-q", "main")
    return root


@pytest.mark.parametrize("case", CASES)
def test_mixed_folder(mixed, tmp_path, monkeypatch, case):
    import shlex

    both_ways(mixed, tmp_path, shlex.split(case), monkeypatch)


def test_every_case_is_answered_both_ways_by_something(mixed, tmp_path, monkeypatch):
    # The cases above reach each kind of answer: written, refused as ambiguous, not found, unreadable, usage.
    import shlex

    codes = {}
    for case in ("status 1 deprecated", "status 3 deprecated", "status 99 accepted", "status 7 accepted"):
        r = run_cli(shlex.split(case), shutil.copytree(mixed, tmp_path / case.replace(" ", "_")))
        codes[case] = (r.code, (r.out + r.err).splitlines()[0])
    assert codes["status 1 deprecated"] == (0, "updated docs/decisions/0001-use-postgres.md")
    assert codes["status 3 deprecated"][0] == 2 and "ambiguous" in codes["status 3 deprecated"][1]
    assert codes["status 99 accepted"][0] == 2 and "no decision '99'" in codes["status 99 accepted"][1]
    assert codes["status 7 accepted"][0] == 2 and "could not be read" in codes["status 7 accepted"][1]


@pytest.fixture(scope="module")
def adr_tools(tmp_path_factory) -> Path:
    """A log written by the real adr-tools: init, new, new -s, link."""
    adr = require_tool("adr")
    root = tmp_path_factory.mktemp("adr-tools") / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    env = dict(os.environ, EDITOR="true", VISUAL="true")
    for args in (["init", "doc/architecture/decisions"], ["new", "Use PostgreSQL"], ["new", "Cache reads"],
                 ["new", "-s", "2", "Use CockroachDB"], ["link", "3", "Amends", "4", "Amended by"], ["new", "Log less"]):
        subprocess.run([adr, *args], cwd=root, env=env, check=True, capture_output=True)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "adr-tools")
    return root


@pytest.mark.parametrize("case", ["status 3 accepted", "status 2 deprecated", "status 5 rejected", "supersede 3 5",
                                  "supersede 5 2", "renumber 2 9", "renumber 4 1", "new 'Use Redis' -s 3",
                                  "new Cache --link amends:2", "status 0002-use-postgresql accepted"])
def test_adr_tools_folder(adr_tools, tmp_path, monkeypatch, case):
    import shlex

    both_ways(adr_tools, tmp_path, shlex.split(case), monkeypatch)


@pytest.fixture(scope="module")
def phodal(tmp_path_factory) -> Path:
    """A zh-cn log written by phodal's `adr` (installed as `phodal-adr`)."""
    import json

    tool = require_tool("phodal-adr")
    root = tmp_path_factory.mktemp("phodal") / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    subprocess.run([tool, "init", "zh-cn"], cwd=root, check=True, capture_output=True, timeout=60)
    config = json.loads((root / ".adr.json").read_text())
    config["editor"] = "true"
    (root / ".adr.json").write_text(json.dumps(config))
    for title in ("编写完整的单元测试", "添加目录生成", "使用 Kafka"):
        subprocess.run([tool, "new", title], cwd=root, check=True, capture_output=True, timeout=60)
    return root


@pytest.mark.parametrize("case", ["status 1 accepted", "status 2 rejected", "supersede 1 3", "renumber 2 7",
                                  "new 'Use Redis' -s 1", "status 4 accepted"])
def test_phodal_folder(phodal, tmp_path, monkeypatch, case):
    import shlex

    both_ways(phodal, tmp_path, shlex.split(case), monkeypatch)


# One record of each dialect, as the sure first steps (store_dialects) and the full parse see them.
ONE_OF = {
    "native": "---\nstatus: accepted\nchoice: deliberate\n---\n# N{n}\n",
    "madr3": "---\nstatus: accepted\ndeciders: [Ana]\n---\n# M3 {n}\n",
    "madr4": "---\nstatus: accepted\ndecision-makers: [Ana]\n---\n# M4 {n}\n",
    "madr2": "# M2 {n}\n\n* Status: accepted\n* Date: 2024-01-02\n",
    "dash": "# Dash {n}\n\n- Status: accepted\n- Date: 2024-01-02\n",
    "nygard": "# {n}. Ny\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n",
    "notes": "# {n}. How to install\n\nRun make.\n",  # no record: counted by no dialect
    "comment": "<!-- SPDX-License-Identifier: MIT -->\n---\nstatus: accepted\n---\n# C{n}\n",
}


@pytest.mark.parametrize("mix", ["native:3 nygard:2", "nygard:3 native:2", "native:2 nygard:2", "nygard:2 native:2",
                                 "madr2:2 dash:2 nygard:3", "dash:3 native:1 notes:4", "madr3:2 madr4:2 native:1",
                                 "comment:3 nygard:2", "notes:3", "dated:3 madr2:2", "dated:2 dash:2 madr2:3", "nygard:1 madr2:1 madr3:1 madr4:1 native:1"])
def test_new_takes_the_leading_dialect_both_ways(tmp_path, monkeypatch, mix):
    root = tmp_path / "repo"
    write(root / ".adrtool.toml", 'dirs = ["docs/decisions"]\n')
    n = 0
    for part in mix.split():
        kind, count = part.split(":")
        for _ in range(int(count)):
            n += 1
            name = f"202401{n:02d}-dated.md" if kind == "dated" else f"{n:04d}-{kind}.md"  # log4brains names by date
            write(root / D / name, ONE_OF["dash" if kind == "dated" else kind].format(n=n))
    both_ways(root, tmp_path, ["new", "Next one"], monkeypatch)


@pytest.mark.parametrize("text", [
    "# 3. Use tabs\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nPlain prose only.\n",
    "# Use tabs\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context and Problem Statement\n\nWhy.\n",
    "# Use tabs\n\n- Status: proposed\n- Date: 2020-01-01\n\n## Context and Problem Statement\n\nWhy.\n",
    "# Use tabs\n\n  * Status: accepted\n\n## Context and Problem Statement\n\nWhy.\n",
    "# 使用制表符\n\n* 状态：已接受\n\n## 上下文\n\n原因。\n",
    "# 3. Use tabs\n\n## Status\n\nAccepted\n\n## Consequences\n\n- Easier: reading\n* Harder: nothing\n",
])
def test_the_bullet_pre_check_never_changes_the_first_step(text):
    """store_dialects skips finding the headings of a file with no bullet line holding a colon; what it
    decides must be what the readers' full first steps decide (MADR 2 with `*` or `-`, indented,
    full-width colons; Nygard with and without bullets)."""
    from adrtool import store_dialects
    from adrtool.dialects import parse_file

    step = store_dialects.first_step(text, "0003-use-tabs", True, False)
    record, _ = parse_file("doc/adr/0003-use-tabs.md", text, True)
    if step == store_dialects.NYGARD_LIKE:
        assert record is None or record.dialect in ("nygard", "phodal")
    else:
        assert record is not None and record.dialect == step

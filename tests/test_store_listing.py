"""`list --json --no-estimates` is written as each file is parsed (`store_listing`), half in a forked
child that sends back text and names: it must print what the full load gives, `Decision.to_json` with
every link resolved by `Repository.link_ids`, byte for byte, forked or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import write
from tests.record_samples import DIALECTS, make_log
from tests.test_bench_generator import generate

from adrtool import store, store_listing


def _expected(root) -> tuple[str, str]:
    """stdout and stderr as the full load makes them (the JSON contract through `json.dumps`)."""
    repo = store.load(root)
    items = [json.dumps(d.to_json(repo.link_ids(d)), ensure_ascii=False) for d in repo.decisions + repo.documents]
    said = [str(p) for p in repo.problems]
    said += [str(p) for d in repo.records for p in d.problems if p.code == "front-matter"]
    return "[\n" + ",\n".join(items) + "\n]\n", "".join(f"{line}\n" for line in said)


def _awkward(root) -> None:
    """Every kind of file the listing treats apart, and links that resolve only across the two halves."""
    write(root / "docs/decisions/0901-broken.md", "---\nstatus: [\n---\n# Broken front matter\n")
    (root / "docs/decisions/0902-binary.md").write_bytes(b"\x00\x01binary")
    (root / "docs/decisions/0903-latin1.md").write_bytes("# Caf\u00e9\n\n## Status\n\nAccepted\n".encode("latin-1"))
    write(root / "docs/decisions/how-to-write-one.md", "# How to write a decision\n\nCopy the template.\n")
    for i in range(904, 912):  # two records numbered 0905, and links to each other, to the pair and by path
        number = 905 if i in (905, 906) else i
        write(root / f"docs/decisions/{number:04d}-r{i}.md",
              f"# {number}. Record {i}\n\nDate: 2021-02-03\n\n## Status\n\nAccepted\n\n"
              f"Supersedes [{i - 1}]({i - 1:04d}-r{i - 1}.md)\n\n## Context\n\nSee ADR-0905 and ADR-{i + 1:04d}.\n")
    write(root / "docs/design/storage.md", "# Storage\n\n- Decision: keep the log as files (arbitrary, two-way)\n"
          "- Decision: one writer at a time (deliberate, one-way); see [ADR 907](../decisions/0907-r907.md)\n")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("listing")
    made, _ = generate.generate("mixed", 90, root, seed=11)
    _awkward(made)
    return made


@pytest.mark.parametrize("forked", [False, True, "in blocks"])
def test_the_listing_is_the_full_loads_json(mixed, cli, monkeypatch, forked):
    want = _expected(mixed)
    assert '"0905"' in want[0] and "binary file" in want[1] and "0901-broken.md" in want[1]
    assert "read as latin-1" in want[0] or "read as cp1252" in want[0]  # (0903, not UTF-8, is listed)
    forks = []
    if forked == "in blocks":  # blocks of several files each way, as at 10,000 records (32 there)
        monkeypatch.setattr(store_listing, "_block_size", lambda files: 7)
    if forked:  # fork even for a few files, and on a busy machine
        monkeypatch.setattr(store, "PARALLEL_THRESHOLD", 2)
        monkeypatch.setattr(store, "spare_core", lambda: True)
        monkeypatch.setattr(store, "_cores", lambda: 2)
        real_fork = store.os.fork
        monkeypatch.setattr(store.os, "fork", lambda: forks.append(1) or real_fork())
    got = cli(["list", "--json", "--no-estimates"], mixed)
    assert got.code == 0
    assert (got.out, got.err) == want
    assert len(forks) == bool(forked)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_each_dialects_log_forked(tmp_path, cli, monkeypatch, dialect):
    log = make_log(tmp_path, dialect)
    want = _expected(tmp_path)
    monkeypatch.setattr(store, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(store, "spare_core", lambda: True)
    monkeypatch.setattr(store, "_cores", lambda: 2)
    got = cli(["list", "--json", "--no-estimates"], tmp_path)
    assert (got.code, got.out, got.err) == (0, *want)
    # B (parsed in the child) is superseded by C (parsed here): resolved here, against every name
    assert f'"id": "{log.ids["C"]}"}}' in got.out


def test_the_template_name_shortcut_reads_as_the_pattern():
    """`store.is_decision_name` skips the template pattern for ASCII names holding none of its words:
    on names built from those words, and the near misses, both readings agree."""
    import random

    words = ["template", "Templates", "TEMPLATE", "modele", "mod\u00e8les", "Vorlage", "plantillas", "modelo", "model",
             "adr", "ADR", "0000", "0001", "12", "-", "_", " ", ".", "example", "full", "bare", "x", "readme", "\u00e7"]
    rng = random.Random(5)
    names = {"".join(rng.choice(words) for _ in range(rng.randint(1, 5))) + rng.choice([".md", ".rst", ".MD"])
             for _ in range(20000)}
    slow = [not store._NOT_DECISIONS.search(n) and not store._TEMPLATE_NAME.match(n) for n in names]
    assert [store.is_decision_name(n) for n in names] == slow
    assert 1000 < sum(slow) < len(names) - 1000  # both answers are common among them


_FORKED_LIST = """
import sys
from adrtool import parallel, store
from adrtool.cli import main
store.PARALLEL_THRESHOLD, store.spare_core, store._cores = 2, lambda: True, lambda: 2
forks = []
real_fork = store.os.fork
store.os.fork = lambda: forks.append(1) or real_fork()
code = main(["list", "--json", "--no-estimates"])
print("yaml" in sys.modules, len(forks), file=sys.stderr)
sys.exit(code)
"""


def test_a_one_thread_command_lets_the_child_import_pyyaml(tmp_path):
    """No PyYAML import before the fork in a process with one thread: the child that meets front
    matter only PyYAML reads imports it itself, and the listing is the same."""
    import subprocess
    import sys

    for i in range(1, 9):  # block scalars go to PyYAML; from the second, every other file is the child's
        note = "" if i % 2 else "note: |\n  multi\n  line\n"
        write(tmp_path / f"decisions/{i:04d}-r{i}.md", f"---\nstatus: accepted\nnav_order: 00{i}\n{note}---\n# R {i}\n")
    want = _expected(tmp_path)
    env = {"PYTHONPATH": str(Path(store.__file__).resolve().parent.parent), "PATH": "/usr/bin:/bin"}
    got = subprocess.run([sys.executable, "-c", _FORKED_LIST], cwd=tmp_path, capture_output=True, text=True, env=env,
                         timeout=60)
    assert got.returncode == 0, got.stderr
    assert got.stdout == want[0]
    assert got.stderr == want[1] + "False 1\n"  # forked once, and this process never imported PyYAML


def _expected_with_estimates(root) -> str:
    """`list --json` as the full load and the estimates over it make it (dicts through `json.dumps`)."""
    from adrtool.reasoning.estimate import estimate_all

    repo = store.load(root)
    shown = repo.decisions + repo.documents
    items = [json.dumps({**d.to_json(repo.link_ids(d)), **fields}, ensure_ascii=False)
             for d, fields in zip(shown, estimate_all(repo, shown))]
    return "[\n" + ",\n".join(items) + "\n]\n"


@pytest.mark.parametrize("forked", [False, True])
def test_the_estimates_made_where_each_file_is_parsed_are_the_full_loads(mixed, cli, monkeypatch, forked):
    """`list --json` estimates each untagged decision in the listing's own processes, while its file is
    at hand: the same bytes as estimating after a full load (tagged, untagged, inline, documents)."""
    want = _expected_with_estimates(mixed)
    assert '"choice_estimate": "' in want and '"choice_estimate": null' in want
    if forked:
        monkeypatch.setattr(store, "PARALLEL_THRESHOLD", 2)
        monkeypatch.setattr(store, "_cores", lambda: 2)
    got = cli(["list", "--json"], mixed)
    assert got.code == 0 and got.out == want


def test_a_renumbered_link_is_confirmed_from_the_other_records_file(tmp_path, cli, monkeypatch):
    """The listing keeps only names; a link to an absent file whose number names another record is
    confirmed by what the record with the written slug says (`Repository._renumbered`), read again here.
    The pattern: ministryofjustice/offender-management-architecture-decisions 478f3e5015ba decisions/0004-*.md."""
    write(tmp_path / "decisions/0004-separate-api.md", "# 4. Separate API\n\n## Status\n\nAccepted\n\n"
          "Amended by [18. Unify API](0018-unify-api.md)\n")
    write(tmp_path / "decisions/0018-rate-limits.md", "# 18. Rate limits\n\n## Status\n\nAccepted\n")
    write(tmp_path / "decisions/0020-unify-api.md", "# 20. Unify API\n\n## Status\n\nAccepted\n\n"
          "Amends [4. Separate API](0004-separate-api.md)\n")
    want = _expected(tmp_path)
    assert '"target": "0018-unify-api.md", "id": "0020"' in want[0]
    for forked in (False, True):
        if forked:
            monkeypatch.setattr(store, "PARALLEL_THRESHOLD", 2)
            monkeypatch.setattr(store, "_cores", lambda: 2)
        got = cli(["list", "--json", "--no-estimates"], tmp_path)
        assert (got.code, got.out, got.err) == (0, *want)

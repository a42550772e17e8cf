"""The benchmark generator (bench/generate.py) makes what it claims, at a small size."""

from __future__ import annotations

import collections
import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT, require_tool

from adrtool import lint, store
from adrtool.model import Kind, Status

SIZE = 120


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="module")
def mixed(out):
    return generate.generate("mixed", SIZE, out, seed=3)


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_mixed_repository_reads_as_the_manifest_says(mixed):
    root, manifest = mixed
    repo = store.load(root)
    assert not repo.all_problems() or all(p.code == "untagged" for p in repo.all_problems())
    assert len(repo.records) == manifest["records"] == SIZE
    assert len(repo.inline) == manifest["inline"] == round(SIZE * generate.INLINE_SHARE)
    dialects = collections.Counter(d.dialect for d in repo.records)
    assert dict(dialects) == manifest["dialects"]
    assert set(dialects) == set(generate.DIALECT_WEIGHTS), "every dialect is represented"
    folders = {Path(d.path).parent.as_posix() for d in repo.records}
    assert set(manifest["folders"]) == folders and len(folders) > 1, "some records live in sub-folders"
    assert sum(1 for d in repo.records if d.status is Status.SUPERSEDED) == manifest["superseded"] > 0
    assert sum(1 for d in repo.records if d.is_tagged) == manifest["tagged"]
    assert any(d.kind is Kind.INLINE and d.path.startswith(generate.DESIGN_DIR) for d in repo.decisions)
    assert any(d.kind is Kind.INLINE and d.path.startswith(generate.DECISION_DIR) for d in repo.decisions)


def test_links_and_supersessions_resolve_on_both_sides(mixed):
    root, _ = mixed
    repo = store.load(root)
    findings = [f for f in lint.lint(repo) if f.code != "untagged"]
    assert findings == []
    superseded = [d for d in repo.records if d.status is Status.SUPERSEDED]
    for old in superseded:
        (target,) = old.superseded_by
        new = repo.resolve_link(old, target)
        assert new is not None, f"{old.path}: successor {target} does not resolve"
        if new.dialect not in ("madr3", "madr4"):
            assert any(repo.resolve_link(new, t) is old for t in new.supersedes), f"{new.path} does not name {old.path}"


def test_same_seed_same_bytes_other_seed_other_bytes(out, mixed):
    root, _ = mixed
    again, _ = generate.generate("mixed", SIZE, out / "again", seed=3)
    other, _ = generate.generate("mixed", SIZE, out / "other", seed=4)
    assert _digest(again) == _digest(root)
    assert _digest(other) != _digest(root)


def test_adr_tools_variant_is_read_by_adr_tools(out):
    adr = require_tool("adr")
    root, manifest = generate.generate("adr-tools", SIZE, out)
    toc = subprocess.run([adr, "generate", "toc"], cwd=root, capture_output=True, text=True, check=True).stdout
    entries = [line for line in toc.splitlines() if line.startswith("* [")]
    assert len(entries) == manifest["records"] == SIZE
    assert entries[0].startswith("* [1. Record architecture decisions](0001-record-architecture-decisions.md)")
    repo = store.load(root)
    assert {d.dialect for d in repo.records} == {"nygard"} and len(repo.records) == SIZE
    assert sum(1 for d in repo.records if d.status is Status.SUPERSEDED) == manifest["superseded"] > 0


def test_log4brains_variant_is_a_log4brains_repository(out):
    root, manifest = generate.generate("log4brains", SIZE, out)
    repo = store.load(root)
    assert repo.config.log4brains
    assert len(repo.records) == SIZE and {d.dialect for d in repo.records} == {"log4brains"}
    assert all(d.number is None and d.id == d.stem for d in repo.records)
    assert subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout == ""


def test_history_variant_has_the_commits_and_the_review_branch(out):
    root, manifest = generate.generate("history", 60, out, seed=5, commits=150)

    def git(*args):
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout

    assert int(git("rev-list", "--count", "main")) == manifest["commits_main"] == 150
    changed = [p for p in git("diff", "--name-only", "main...bench-review").splitlines() if p.endswith(".md")]
    assert len(changed) == manifest["review_touches"] == 20
    renames = git("log", "--diff-filter=R", "--name-status", "--format=", "main")
    assert renames.strip(), "some records were renamed in the history"
    repo = store.load(root)
    assert len(repo.records) == 60


def test_realistic_variant_touches_decisions_in_about_two_percent_of_commits(out):
    root, manifest = generate.generate("realistic", 30, out, seed=5, commits=2000)

    def git(*args):
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout

    assert int(git("rev-list", "--count", "main")) == manifest["commits_main"] == 2000
    on_decisions = git("rev-list", "main", "--", "docs/decisions", "docs/design").split()
    assert len(on_decisions) == manifest["decision_commits"] + 1 == 41  # and the first commit, which adds the folders
    code_files = git("ls-tree", "-r", "--name-only", "main", "src").split()
    assert len(code_files) == manifest["code_files"]
    changed = [p for p in git("diff", "--name-only", "main...bench-review").splitlines() if p.endswith(".md")]
    assert len(changed) == manifest["review_touches"] == 20
    assert len(store.load(root).records) == 30


def test_real_records_copies_real_folders_until_the_size_and_lists_every_copy(tmp_path):
    """bench/real_records.py: the reading truths' folders, copied whole until the size, each copy configured."""
    import json

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("bench_real_records", ROOT / "bench" / "real_records.py")
        real = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(real)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    first = json.loads((ROOT / "bench" / "reading" / "collections.json").read_text(encoding="utf-8"))[0]
    folder = tmp_path / "reading" / first["repo"].replace("/", "+") / first["dir"]
    folder.mkdir(parents=True)
    for n in (1, 2):
        (folder / f"000{n}-x.md").write_text(f"# {n}. X\n\nDate: 2024-01-0{n}\n\n## Status\n\nAccepted\n", encoding="utf-8")
    target = real.build(tmp_path, size=5)
    copies = sorted(p.relative_to(target).as_posix() for p in target.rglob("*.md"))
    assert len(copies) == 6 and copies[0].startswith("c0/reading/") and copies[-1].startswith("c2/reading/")
    config = (target / ".adrtool.toml").read_text(encoding="utf-8")
    assert config.count('"c') == 3
    loaded = store.load(target)
    assert len(loaded.records) == 6 and all(d.status is Status.ACCEPTED for d in loaded.records)


def test_a_held_out_reading_set_is_left_out_of_the_benches_that_run_adrtool(tmp_path):
    """bench/reading/truths.open_collections: a set in HELD_OUT is not offered to real_records, same_list or
    choice_agreement (they would time or print its records before it is scored once); the others are."""
    sys.path.insert(0, str(ROOT / "bench" / "reading"))
    try:
        import truths
    finally:
        sys.path.remove(str(ROOT / "bench" / "reading"))
    (tmp_path / "reading").mkdir()
    for suffix in ("", "2", "3"):
        (tmp_path / "reading" / f"collections{suffix}.json").write_text("[]", encoding="utf-8")
    held, truths.HELD_OUT = truths.HELD_OUT, {"truth2"}
    try:
        assert [s for s, _ in truths.open_collections(tmp_path)] == ["", "3"]
    finally:
        truths.HELD_OUT = held
    assert [s for s, _ in truths.open_collections(tmp_path)] == [""] + ["2"] * ("truth2" not in held) + ["3"]

"""Bad input: each gives one clear line naming the file (and line); everything else still loads."""

from __future__ import annotations

import os

import pytest

from adrtool import store
from tests.conftest import run_process, write

GOOD = "# 1. Good\n\n## Status\n\nAccepted\n"


def problems_for(repo, name):
    return [p for p in repo.problems + [q for d in repo.decisions for q in d.problems] if p.path.endswith(name)]


@pytest.fixture
def folder(tmp_path):
    write(tmp_path / "decisions/0001-good.md", GOOD)
    return tmp_path


def assert_one_clear_line(folder, name, words, line=None):
    repo = store.load(folder)
    assert [d.id for d in repo.decisions if d.path.endswith("0001-good.md")] == ["0001"], "other decisions still load"
    found = problems_for(repo, name)
    assert len(found) == 1, found
    text = str(found[0])
    assert name in text and words in text and "\n" not in text
    if line is not None:
        assert found[0].line == line
    # and the command line says it in one line, with no traceback, and writes nothing
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    result = run_process(["list"], folder)
    assert "Traceback" not in result.err
    assert any(name in l and words in l for l in result.err.splitlines())
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_malformed_yaml(folder):
    write(folder / "decisions/0002-bad.md", "---\nstatus: accepted\ntags: [a, b\ndate: {x\n---\n# Bad\n")
    assert_one_clear_line(folder, "0002-bad.md", "invalid YAML")


def test_a_reserved_character_opening_a_value_names_its_line_and_the_repair(folder):
    """MADR's `deciders: @alice, @bob` (the GitHub handles many folders write there) is not YAML: the
    problem names the line and says to quote; the rest of the record is still read."""
    write(folder / "decisions/0002-pg.md",
          "---\nstatus: accepted\ndeciders: @alice, @bob\n---\n# Use Postgres\n\n## Decision Outcome\n\nPostgres.\n")
    assert_one_clear_line(folder, "0002-pg.md", 'quote the value: key: "@..."', line=3)
    assert store.load(folder).resolve("0002").status.value == "accepted"


def test_duplicate_keys(folder):
    write(folder / "decisions/0002-dup.md", "---\nstatus: accepted\ndate: 2020-01-01\nstatus: rejected\n---\n# Dup\n")
    assert_one_clear_line(folder, "0002-dup.md", "duplicate key 'status'", line=4)


def test_duplicate_keys_in_yaml_fallback(folder):
    write(folder / "decisions/0002-dup.md", "---\nstatus: accepted\nnote: |\n  x\nstatus: rejected\n---\n# Dup\n")
    assert_one_clear_line(folder, "0002-dup.md", "duplicate key 'status'", line=5)


# A file that is not UTF-8 is read as cp1252 or latin-1, not skipped: tests/test_store_legacy_encoding.py.


def test_binary_file_with_md_name(folder):
    (folder / "decisions/0002-image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_clear_line(folder, "0002-image.md", "binary file")


def test_twenty_megabyte_file(folder):
    with open(folder / "decisions/0002-huge.md", "wb") as fh:
        fh.write(b"# 2. Huge\n\n")
        fh.write(b"lorem ipsum dolor sit amet\n" * (20 * 1024 * 1024 // 27))
    assert_one_clear_line(folder, "0002-huge.md", "too large")


def test_yaml_alias_bomb(folder):
    bomb = "---\nstatus: accepted\nnote: |\n  x\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    for i, (name, prev) in enumerate(zip("bcdefghi", "abcdefgh")):
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    bomb += "---\n# Bomb\n"
    write(folder / "decisions/0002-bomb.md", bomb)
    assert_one_clear_line(folder, "0002-bomb.md", "aliases are not allowed")


def test_symlink_loop(folder):
    os.symlink("..", folder / "decisions/loop")
    repo = store.load(folder)
    assert [d.id for d in repo.decisions] == ["0001"]
    assert any("symlink loop" in str(p) and "loop" in p.path for p in repo.problems)


def test_reference_and_link_escaping_the_repository(folder, cli):
    write(folder / "decisions/0002-escape.md",
          "---\nstatus: accepted\nreferences: [../../etc/passwd, /etc/hostname]\n---\n# Escape\n\n")
    write(folder / "decisions/0003-link-out.md", "# 3. Out\n\n## Status\n\nAccepted\n\nSupersedes [x](../../../outside.md)\n")
    result = cli(["lint"], folder)
    assert result.code == 1
    assert "reference '../../etc/passwd' resolves outside the repository" in result.out
    assert "reference '/etc/hostname' is an absolute path" in result.out
    assert "link '../../../outside.md' points outside the repository" in result.out


def test_folder_without_read_permission(folder, monkeypatch, cli):
    write(folder / "decisions/secret/0002-hidden.md", GOOD.replace("1. Good", "2. Hidden"))
    secret = folder / "decisions/secret"
    os.chmod(secret, 0)
    if os.geteuid() == 0:
        # root reads through any permission bits, so give the kernel's answer for this folder
        real_scandir = os.scandir

        def scandir(path):
            if os.fspath(path) == str(secret):
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(store.os, "scandir", scandir)
    try:
        result = cli(["list", "--json"], folder)
    finally:
        os.chmod(secret, 0o755)
    assert result.code == 0
    assert '"id": "0001"' in result.out and '"id": "0002"' not in result.out
    assert "decisions/secret: cannot read folder: Permission denied" in result.err


def test_unknown_tag_values_are_reported(folder, cli):
    write(folder / "decisions/0002-odd.md", "---\nstatus: accepted\nchoice: maybe\ndoor: revolving\n---\n# Odd\n")
    result = cli(["lint"], folder)
    assert "unknown choice 'maybe'" in result.out and "unknown door 'revolving'" in result.out
    assert "0002-odd.md:3" in result.out and "0002-odd.md:4" in result.out


def test_not_in_any_repository_is_usage_error(tmp_path):
    result = run_process(["show", "1"], tmp_path)
    assert result.code == 2 and "no decision folder found" in result.err and "Traceback" not in result.err

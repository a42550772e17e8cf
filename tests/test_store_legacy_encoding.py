"""A record saved in cp1252 or latin-1 (not UTF-8) is read, marked, and never damaged (issue 11).

Real files in a real git repository, and the CLI as a real process where exit codes and
tracebacks matter: listed with its title, status and date; shown; tagged and given a status with
every other byte kept; a write whose new text the file's encoding cannot hold refused in one
line, both files untouched; `lint` and `review` report the encoding.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adrtool import file_encoding, store, store_lazy, store_write
from tests.conftest import git, run_process, write
from tests.tui_support import anyio_backend  # noqa: F401  (the async test's event loop)

CAFE = ("# 2. Café à la carte – choix\n\nDate: 2024-03-04\n\n## Status\n\nAccepted\n\n## Context\n\n"
        "L'équipe préfère « simple ».\n\n## Decision\n\nNous gardons le café.\n")
# 0x81 is undefined in cp1252: this file can only be latin-1 (which decodes any byte).
LATIN1 = "# 3. Straße\x81\n\nDate: 2024-05-06\n\n## Status\n\nProposed\n\n## Context\n\nGrüße.\n"


def _folder(git_repo):
    write(git_repo / "decisions/0001-use-postgres.md", "# 1. Use Postgres\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n")
    (git_repo / "decisions/0002-cafe.md").write_bytes(CAFE.encode("cp1252"))
    (git_repo / "decisions/0003-strasse.md").write_bytes(LATIN1.encode("latin-1"))
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "records")
    return git_repo


def _lines_kept(before: bytes, after: bytes, added: list[bytes]) -> None:
    """`after` is `before` with exactly the lines `added` inserted (every other byte the same)."""
    rest = after.split(b"\n")
    for line in added:
        rest.remove(line)
    assert b"\n".join(rest) == before


def test_listed_with_title_status_and_date(git_repo):
    root = _folder(git_repo)
    r = run_process(["list", "--json", "--no-estimates"], root)
    assert r.code == 0 and "Traceback" not in r.err
    by_id = {d["id"]: d for d in json.loads(r.out)}
    assert (by_id["0002"]["title"], by_id["0002"]["status"], by_id["0002"]["date"]) == \
        ("Café à la carte – choix", "accepted", "2024-03-04")
    assert (by_id["0003"]["title"], by_id["0003"]["status"], by_id["0003"]["date"]) == \
        ("Straße\x81", "proposed", "2024-05-06")
    assert any("read as cp1252" in p for p in by_id["0002"]["problems"])
    assert any("read as latin-1" in p for p in by_id["0003"]["problems"])
    table = run_process(["list"], root)
    assert table.code == 0 and "Café à la carte – choix" in table.out and table.err == ""


def test_both_stores_mark_the_record_with_its_encoding(git_repo):
    root = _folder(git_repo)
    for repo in (store.load(root), store_lazy.load(root)):
        d = repo.resolve("0002")
        assert d.encoding == "cp1252" and repo.resolve("0003").encoding == "latin-1"
        assert repo.resolve("0001").encoding is None
        assert [(p.code, p.line, p.severity) for p in d.problems] == [("legacy-encoding", 1, "warning")]


def test_show_prints_it(git_repo):
    root = _folder(git_repo)
    r = run_process(["show", "2"], root)
    assert r.code == 0 and "Traceback" not in r.err
    assert "Café à la carte – choix" in r.out and "L'équipe préfère « simple »." in r.out


def test_tag_and_status_keep_every_other_byte_in_the_files_encoding(git_repo):
    root = _folder(git_repo)
    path = root / "decisions/0002-cafe.md"
    before = path.read_bytes()
    r = run_process(["tag", "2", "--choice", "deliberate", "--door", "two-way"], root)
    assert r.code == 0, r.err
    tagged = path.read_bytes()
    _lines_kept(before, tagged, [b"Choice: deliberate", b"Door: two-way"])
    r = run_process(["status", "2", "deprecated"], root)
    assert r.code == 0, r.err
    after = path.read_bytes()
    assert after == tagged.replace(b"\nAccepted\n", b"\nDeprecated\n")
    assert after.decode("cp1252").count("é") == CAFE.count("é")  # (still cp1252: no UTF-8 é crept in)
    latin = root / "decisions/0003-strasse.md"
    before = latin.read_bytes()
    assert run_process(["status", "3", "accepted"], root).code == 0
    changed = [(a, b) for a, b in zip(before.split(b"\n"), latin.read_bytes().split(b"\n")) if a != b]
    assert changed[-1] == (b"Proposed", b"Accepted") and [a for a, _ in changed[:-1]] in ([], [b"Date: 2024-05-06"])
    assert latin.read_bytes().count(b"\n") == before.count(b"\n") and b"Stra\xdfe\x81" in latin.read_bytes()


def test_new_text_the_encoding_cannot_hold_is_refused_in_one_line_nothing_written(git_repo):
    root = _folder(git_repo)
    write(root / "decisions/0004-tokyo.md", "# 4. Use the 東京 region\n\nDate: 2024-06-01\n\n## Status\n\nAccepted\n")
    before = {p: p.read_bytes() for p in (root / "decisions").iterdir()}
    r = run_process(["supersede", "2", "4"], root)  # 0002 would name 0004's title, which cp1252 cannot hold
    assert r.code == 2 and "Traceback" not in r.err
    assert len(r.err.strip().splitlines()) == 1
    assert "decisions/0002-cafe.md" in r.err and "cp1252" in r.err and "nothing written" in r.err
    assert {p: p.read_bytes() for p in (root / "decisions").iterdir()} == before  # neither file, no temp file
    assert not list((root / ".git").glob("adrtool-tmp/*"))


def test_a_write_into_a_utf8_record_from_a_legacy_one_stays_utf8(git_repo):
    root = _folder(git_repo)
    r = run_process(["supersede", "1", "2"], root)
    assert r.code == 0, r.err
    assert "Superseded by [2. Café à la carte – choix]" in (root / "decisions/0001-use-postgres.md").read_text("utf-8")
    cafe = (root / "decisions/0002-cafe.md").read_bytes()
    assert b"Supersedes [1. Use Postgres](0001-use-postgres.md)" in cafe and "é".encode("utf-8") not in cafe


def test_lint_reports_the_encoding_with_its_code_line_and_repair(git_repo):
    root = _folder(git_repo)
    r = run_process(["lint", "--json"], root)
    assert r.code == 1 and "Traceback" not in r.err
    found = {(f["path"], f["rule"]): f for f in json.loads(r.out)}
    cafe = found[("decisions/0002-cafe.md", "legacy-encoding")]
    assert cafe["severity"] == "warning" and cafe["line"] == 1 and "byte 0xe9" in cafe["message"]
    assert "iconv -f cp1252 -t utf-8 decisions/0002-cafe.md" in cafe["message"]
    assert "iconv -f latin-1" in found[("decisions/0003-strasse.md", "legacy-encoding")]["message"]
    assert ("decisions/0001-use-postgres.md", "legacy-encoding") not in found


def test_review_warns_of_a_changed_legacy_record_and_reads_its_base(git_repo):
    root = _folder(git_repo)
    git(root, "checkout", "-qb", "change")
    assert run_process(["status", "2", "deprecated"], root).code == 0
    git(root, "commit", "-qam", "deprecate")
    r = run_process(["review", "--base", "main", "--format", "json"], root)
    assert "Traceback" not in r.err
    findings = [f for f in json.loads(r.out)["findings"] if f["path"] == "decisions/0002-cafe.md"]
    assert [f["severity"] for f in findings if f["rule"] == "workflow/legacy-encoding"] == ["warning"]
    assert not [f for f in findings if f["rule"] in ("workflow/unreadable-file", "workflow/accepted-rewritten")]


@given(st.one_of(st.binary(max_size=200), st.binary(max_size=200).map(lambda b: b"\xef\xbb\xbf" + b)))
def test_any_bytes_decode_and_go_back_to_disk_exactly(data):
    text, _ = file_encoding.decode(data)
    assert store_write._on_disk(text, data, "f.md") == data


def test_a_byte_order_mark_opening_a_legacy_file_is_kept_once_and_not_read_as_text(git_repo):
    path = git_repo / "decisions/0001-cafe.md"
    write(path, "")
    path.write_bytes(b"\xef\xbb\xbf# 1. Caf\xe9\n\n## Status\n\nAccepted\n")
    assert store.load(git_repo).resolve("1").title == "Café"
    assert run_process(["tag", "1", "--choice", "arbitrary", "--door", "two-way"], git_repo).code == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf# 1. Caf\xe9\n") and after.count(b"\xef\xbb\xbf") == 1
    _lines_kept(b"\xef\xbb\xbf# 1. Caf\xe9\n\n## Status\n\nAccepted\n", after,
                [b"Choice: arbitrary", b"Door: two-way", b""])  # (the blank line the tag block ends with, as in UTF-8)


@pytest.mark.anyio
async def test_the_terminal_ui_loads_it(git_repo):
    from tests.tui_support import running, shown_ids

    root = _folder(git_repo)
    async with running(root) as (app, _):
        assert sorted(shown_ids(app)) == ["0001", "0002", "0003"]
        assert next(d for d in app.table.shown if d.id == "0002").title == "Café à la carte – choix"

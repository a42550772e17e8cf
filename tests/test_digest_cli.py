"""`adrtool digest` from the command line: files, formats, --check for CI, bad input."""

from __future__ import annotations

import pytest

from tests.conftest import run_process, write
from tests.digest_samples import TODAY, build_tagged, native


@pytest.fixture
def repo(tmp_path):
    return build_tagged(tmp_path / "repo")


def test_out_then_check_passes_until_a_decision_changes(cli, repo):
    assert cli(["digest", "--out", "docs/digest.md", "--today", TODAY], repo).code == 0
    text = (repo / "docs/digest.md").read_text(encoding="utf-8")
    assert text.startswith("# Decision digest: Ledger\n")
    assert "](../decisions/0001-use-postgres.md)" in text  # links are relative to the digest's folder
    assert cli(["digest", "--out", "docs/digest.md", "--check", "--today", TODAY], repo).code == 0
    write(repo / "decisions/0013-new.md", native("accepted", "2024-09-01", "arbitrary", "two-way", "Use Y"))
    r = cli(["digest", "--out", "docs/digest.md", "--check", "--today", TODAY], repo)
    assert r.code == 1
    assert r.err.strip() == "docs/digest.md: out of date with the decisions; run `adrtool digest --out docs/digest.md`"


def test_check_reports_a_missing_file(cli, repo):
    r = cli(["digest", "--out", "docs/nope.md", "--check"], repo)
    assert r.code == 1 and "docs/nope.md: missing" in r.err


def test_check_compares_against_today(cli, repo):
    # 0005's revisit date (2025-06-01) is due on TODAY but not a year earlier.
    assert cli(["digest", "--out", "d.md", "--today", "2024-06-01"], repo).code == 0
    assert cli(["digest", "--out", "d.md", "--check", "--today", "2024-06-02"], repo).code == 0
    assert cli(["digest", "--out", "d.md", "--check", "--today", TODAY], repo).code == 1


def test_html_format_from_the_extension(cli, repo):
    assert cli(["digest", "--out", "site/digest.html", "--tag", "storage"], repo).code == 0
    html = (repo / "site/digest.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<svg" in html and "<script>" in html
    assert 'href="../decisions/0001-use-postgres.md"' in html and "0003-retry-backoff" not in html


def test_stdout_markdown(cli, repo):
    r = cli(["digest", "--format", "md", "--since", "2020-01-01"], repo)
    assert r.code == 0 and "](decisions/0001-use-postgres.md)" in r.out


@pytest.mark.parametrize("args, message", [
    (["--since", "last week"], "--since must be a date like 2026-01-31, not 'last week'"),
    (["--check"], "--check needs --out PATH"),
    (["--format", "pdf"], "argument --format: invalid choice"),
])
def test_bad_input_is_one_line_and_exit_2(repo, args, message):
    r = run_process(["digest", *args], repo)
    assert r.code == 2 and message in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_no_decision_folder_is_a_usage_error(tmp_path):
    r = run_process(["digest"], tmp_path)
    assert r.code == 2 and "no decision folder found" in r.err


def test_digest_does_not_import_the_ai_sdk_or_the_tui(repo):
    code = ("import sys; from adrtool.cli import main; main(['digest', '--out', 'x.html']); "
            "bad = [m for m in ('anthropic', 'textual') if m in sys.modules]; print(bad)")
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines() == ["created x.html", "[]"]  # a command that writes a file says so


def test_unreadable_record_is_named_and_the_rest_still_digested(cli, repo):
    (repo / "decisions/0014-broken.md").write_bytes(b"# Broken \x00\n")
    r = cli(["digest"], repo)
    assert r.code == 0 and "0001 Use PostgreSQL" in r.out
    assert "decisions/0014-broken.md: binary file" in r.err

"""`adrtool toc`: the Markdown index, printed, written, or updated between markers."""

from __future__ import annotations

import subprocess

import pytest
from markdown_it import MarkdownIt

from tests.conftest import require_tool, run_cli, write
from tests.record_samples import DIALECTS, make_log


def table_rows(markdown: str) -> list[list[str]]:
    """The index as a Markdown renderer sees it: cells of each body row (links as 'text -> href')."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows, row, in_body = [], None, False
    for i, tok in enumerate(tokens):
        if tok.type == "tbody_open":
            in_body = True
        elif in_body and tok.type == "tr_open":
            row = []
        elif in_body and tok.type == "inline" and row is not None:
            link = next((c for c in tok.children if c.type == "link_open"), None)
            text = "".join(c.content for c in tok.children if c.type == "text")
            row.append(f"{text} -> {link.attrs['href']}" if link else text)
        elif in_body and tok.type == "tr_close":
            rows.append(row)
            row = None
    return rows


@pytest.mark.parametrize("dialect", DIALECTS)
def test_index_lists_number_title_status_choice_and_door(tmp_path, dialect):
    log = make_log(tmp_path, dialect)
    result = run_cli(["toc"], tmp_path)
    assert result.code == 0, result.err
    rows = table_rows(result.out)
    b_tags = ["arbitrary", "two-way"] if dialect in ("native", "nygard") else ["untagged", "untagged"]
    assert rows[1] == [log.ids["B"], f"Use tabs -> {log.rel('B')}", "superseded", *b_tags]
    assert [r[0] for r in rows] == [log.ids[k] for k in "ABC"]
    assert rows[2][2:] == ["proposed", "untagged", "untagged"]
    # Every link in the index opens the record it names.
    for row in rows:
        assert (tmp_path / row[1].split(" -> ")[1]).is_file()


def test_out_writes_links_relative_to_the_file(tmp_path):
    log = make_log(tmp_path, "nygard")
    result = run_cli(["toc", "--out", f"{log.folder}/index.md"], tmp_path)
    assert result.code == 0 and result.out == f"created {log.folder}/index.md\n"
    rows = table_rows((tmp_path / log.folder / "index.md").read_text())
    assert [r[1] for r in rows] == [f"Use Postgres -> {log.names['A']}", f"Use tabs -> {log.names['B']}",
                                    f"Use spaces -> {log.names['C']}"]
    again = run_cli(["toc", "--out", f"{log.folder}/index.md"], tmp_path)
    assert again.out == "nothing to change\n"


def test_update_replaces_only_the_marked_block(tmp_path):
    make_log(tmp_path, "native")
    readme = "# Project\r\n\r\nIntro.\r\n\r\n<!-- adrtool-toc -->\r\nstale\r\n<!-- adrtool-toc-end -->\r\n\r\nOutro.\r\n"
    (tmp_path / "README.md").write_bytes(readme.encode())
    result = run_cli(["toc", "--update", "README.md"], tmp_path)
    assert result.code == 0 and result.out == "updated README.md\n"
    text = (tmp_path / "README.md").read_bytes().decode()
    head, rest = text.split("<!-- adrtool-toc -->\r\n", 1)
    block, tail = rest.split("<!-- adrtool-toc-end -->", 1)
    assert head == "# Project\r\n\r\nIntro.\r\n\r\n" and tail == "\r\n\r\nOutro.\r\n"
    assert "stale" not in block and "\n" not in block.replace("\r\n", "")  # the file's line endings
    assert table_rows(block)[0][1] == "Use Postgres -> docs/decisions/0001-use-postgres.md"


def test_update_without_markers_is_an_error_and_touches_nothing(tmp_path):
    make_log(tmp_path, "native")
    write(tmp_path / "README.md", "# Project\n\n<!-- adrtool-toc -->\n")
    result = run_cli(["toc", "--update", "README.md"], tmp_path)
    assert result.code == 2
    assert result.err.startswith("adrtool: error: README.md: no '<!-- adrtool-toc-end -->' marker;")
    assert (tmp_path / "README.md").read_text() == "# Project\n\n<!-- adrtool-toc -->\n"
    missing = run_cli(["toc", "--update", "NOPE.md"], tmp_path)
    assert missing.code == 2 and "NOPE.md: no such file" in missing.err


def test_dry_run_prints_the_diff(tmp_path):
    make_log(tmp_path, "native")
    write(tmp_path / "README.md", "<!-- adrtool-toc -->\n<!-- adrtool-toc-end -->\n")
    result = run_cli(["toc", "--update", "README.md", "--dry-run"], tmp_path)
    assert result.code == 0 and "+| 0001 | [Use Postgres](docs/decisions/0001-use-postgres.md)" in result.out
    assert (tmp_path / "README.md").read_text() == "<!-- adrtool-toc -->\n<!-- adrtool-toc-end -->\n"


def test_titles_with_markdown_characters_stay_in_their_cell(tmp_path):
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / "decisions/0001-pipes and spaces.md", "---\nstatus: accepted\n---\n\n# Use a | b [beta]\n")
    rows = table_rows(run_cli(["toc"], tmp_path).out)
    assert rows == [["0001", "Use a | b [beta] -> decisions/0001-pipes%20and%20spaces.md", "accepted", "untagged", "untagged"]]


def test_printed_index_links_are_relative_to_the_current_folder(tmp_path):
    log = make_log(tmp_path, "native")
    rows = table_rows(run_cli(["toc"], tmp_path / "docs").out)
    assert rows[0][1] == f"Use Postgres -> decisions/{log.names['A']}"


def test_index_of_an_adr_tools_log_matches_adr_generate_toc(git_repo):
    adr = require_tool("adr")
    subprocess.run([adr, "init", "doc/adr"], cwd=git_repo, check=True, capture_output=True)
    subprocess.run([adr, "new", "Use Postgres"], cwd=git_repo, check=True, capture_output=True)
    theirs = subprocess.run([adr, "generate", "toc"], cwd=git_repo, check=True, capture_output=True, text=True).stdout
    ours = table_rows(run_cli(["toc"], git_repo / "doc/adr").out)
    # The same records, in the same order, linked to the same files.
    their_links = [line.split("](")[1].rstrip(")") for line in theirs.splitlines() if line.startswith("* [")]
    assert [row[1].split(" -> ")[1] for row in ours] == their_links

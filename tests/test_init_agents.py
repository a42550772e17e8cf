"""`adrtool init --agents`: the AGENTS.md section, written between markers; the user's text is never touched."""

from __future__ import annotations

from adrtool.agents import instructions
from tests.conftest import write

USER_BEFORE = "# Notes for agents\n\nRun `make test` before pushing.\n"
USER_AFTER = "\n## Style\n\nTabs, not spaces.\n"


def _setup(repo):
    write(repo / "decisions/0001-a.md", "---\nstatus: accepted\n---\n# A\n")
    write(repo / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')


def test_the_section_is_added_and_the_users_text_kept(cli, git_repo):
    _setup(git_repo)
    write(git_repo / "AGENTS.md", USER_BEFORE)
    result = cli(["init", "--agents"], git_repo)
    assert (result.code, result.out) == (0, "updated AGENTS.md\n"), result.err
    text = (git_repo / "AGENTS.md").read_text(encoding="utf-8")
    assert text.startswith(USER_BEFORE + "\n" + instructions.START)
    assert text.rstrip().endswith(instructions.END)
    assert "adrtool governs path/to/file" in text and "adrtool mcp" in text
    assert "`decisions/`" in text and "`docs/design/`" in text
    assert str(git_repo) not in text and "/tmp" not in text and "/root" not in text  # nothing machine-specific


def test_running_again_changes_only_the_text_between_the_markers(cli, git_repo):
    _setup(git_repo)
    write(git_repo / "AGENTS.md", USER_BEFORE)
    cli(["init", "--agents"], git_repo)
    path = git_repo / "AGENTS.md"
    again = cli(["init", "--agents"], git_repo)
    assert again.out == "already set up: adrtool finds its settings here and AGENTS.md is current; nothing to change\n"
    current = path.read_text(encoding="utf-8")
    # The user edits inside the section (lost on update, as the marker says) and adds text after it (kept).
    path.write_text(current.replace("Tag honestly", "Tag as you like") + USER_AFTER, encoding="utf-8")
    dry = cli(["init", "--agents", "--dry-run"], git_repo)
    assert "-or `adrtool promote ID` to turn an inline decision into one. Tag as you like" in dry.out
    assert "Tabs, not spaces" not in dry.out
    cli(["init", "--agents"], git_repo)
    assert path.read_text(encoding="utf-8") == current + USER_AFTER


def test_a_crlf_file_keeps_its_line_endings(cli, git_repo):
    _setup(git_repo)
    (git_repo / "AGENTS.md").write_bytes(USER_BEFORE.replace("\n", "\r\n").encode())
    cli(["init", "--agents"], git_repo)
    data = (git_repo / "AGENTS.md").read_bytes()
    assert data.startswith(USER_BEFORE.replace("\n", "\r\n").encode())
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_a_new_repository_gets_config_first_record_and_agents_md(cli, git_repo):
    result = cli(["init", "--agents"], git_repo)
    assert result.out.splitlines() == ["created .adrtool.toml", "created decisions/0001-record-design-decisions-with-adrtool.md",
                                       "created AGENTS.md"]
    text = (git_repo / "AGENTS.md").read_text(encoding="utf-8")
    assert text.startswith(instructions.START) and "`decisions/`" in text


def test_without_agents_init_leaves_agents_md_alone(cli, git_repo):
    _setup(git_repo)
    write(git_repo / "AGENTS.md", USER_BEFORE)
    cli(["init"], git_repo)
    assert (git_repo / "AGENTS.md").read_text(encoding="utf-8") == USER_BEFORE

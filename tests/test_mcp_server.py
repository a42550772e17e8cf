"""`adrtool mcp` as a real subprocess, driven by the mcp SDK's own stdio client, on a real git repository."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT, git, write

try:
    import anyio
    from mcp import ClientSession, StdioServerParameters, stdio_client
except ImportError:  # pragma: no cover - the test extra installs mcp
    if IN_CI:
        raise
    pytest.skip("the mcp SDK is not installed (pip install -e '.[test]')", allow_module_level=True)

READ_TOOLS = {"list_decisions", "show_decision", "decisions_for_paths", "review_change", "search_decisions"}

STORAGE = """---
status: accepted
date: 2026-01-10
choice: deliberate
door: one-way
governs: ["src/storage/**"]
---
# Commit with optimistic checks instead of row locks

## Context and Problem Statement

Writers contend on hot rows.

## Decision Outcome

Chosen option: optimistic checks, because contention is rare.
"""
CSS = """---
status: accepted
choice: arbitrary
door: two-way
governs: ["src/ui/*.css"]
---
# Use a 4 px spacing grid
"""
LEGACY = """# 3. Keep all source under src

Date: 2020-01-01

## Status

Accepted

## Context

Everything lived at the top level.
"""
DESIGN = """# Storage design

## Keys

- Decision D7 (deliberate, one-way): Keys are UUIDv7.
"""


@pytest.fixture
def repo(git_repo, tmp_path):
    write(git_repo / "decisions/0001-commit-with-optimistic-checks.md", STORAGE)
    write(git_repo / "decisions/0002-use-a-4-px-spacing-grid.md", CSS)
    write(git_repo / "decisions/0003-keep-all-source-under-src.md", LEGACY)
    write(git_repo / "docs/design/storage.md", DESIGN)
    write(git_repo / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')
    write(git_repo / "src/storage/commit.py", "x = 1\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "base")
    git(git_repo, "checkout", "-qb", "feature")
    write(git_repo / "src/storage/commit.py", "x = 2\n")
    write(git_repo / "decisions/0004-retry-commits-three-times.md",
          "---\nstatus: proposed\nchoice: arbitrary\ndoor: two-way\n---\n# Retry commits three times\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, git_repo / "escape")
    return git_repo


def _params(repo: Path, *extra: str) -> StdioServerParameters:
    return StdioServerParameters(command=sys.executable, args=["-m", "adrtool", "mcp", *extra], cwd=str(repo),
                                 env={"PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "/usr/bin:/bin")})


def _session(repo: Path, body, *extra: str):
    """Start `adrtool mcp` as a subprocess, initialize, and run `body(session, init_result)`."""
    async def main():
        with open(os.devnull, "w") as errlog:
            async with stdio_client(_params(repo, *extra), errlog=errlog) as (read, write_):
                async with ClientSession(read, write_) as session:
                    init = await session.initialize()
                    return await body(session, init)
    return anyio.run(main)


def _data(result):
    assert not result.is_error, result.content
    data = result.structured_content
    return data["result"] if set(data) == {"result"} else data


def _error(result) -> dict:
    assert result.is_error
    return json.loads(result.content[0].text)


def test_an_agent_can_list_read_search_and_ask_what_governs_a_path(repo):
    async def body(s, init):
        out = {"server": init.server_info.name}
        out["tools"] = {t.name for t in (await s.list_tools()).tools}
        out["one_way"] = await s.call_tool("list_decisions", {"door": "one-way"})
        out["bad_filter"] = await s.call_tool("list_decisions", {"status": "bogus"})
        out["show"] = await s.call_tool("show_decision", {"id": "1"})
        out["missing"] = await s.call_tool("show_decision", {"id": "99"})
        out["governs"] = await s.call_tool("decisions_for_paths", {"paths": ["src/storage/commit.py", "README.md"]})
        out["css"] = await s.call_tool("decisions_for_paths", {"paths": ["src/ui/main.css"]})
        out["review"] = await s.call_tool("review_change", {"base": "main"})
        out["bad_ref"] = await s.call_tool("review_change", {"base": "--output=/tmp/x"})
        out["search"] = await s.call_tool("search_decisions", {"query": "optimistic"})
        out["resources"] = [str(r.uri) for r in (await s.list_resources()).resources]
        out["record"] = (await s.read_resource("adrtool://decision/0001")).contents[0].text
        out["inline"] = (await s.read_resource("adrtool://decision/D7")).contents[0].text
        out["digest"] = (await s.read_resource("adrtool://digest")).contents[0].text
        return out

    out = _session(repo, body)
    assert out["server"] == "adrtool"
    assert out["tools"] == READ_TOOLS  # read-only by default: no writing tool is even offered
    assert [d["id"] for d in _data(out["one_way"])] == ["0001", "D7"]
    assert _error(out["bad_filter"])["error"] == "usage"
    shown = _data(out["show"])
    assert shown["id"] == "0001" and "Writers contend" in shown["body"]
    assert shown["advice"].startswith("deliberate, one-way: read the reasoning before changing this")
    assert _error(out["missing"]) == {"error": "not-found", "message": "no decision '99' (try `adrtool list`)",
                                      "hint": "run `adrtool list` for the ids"}
    governs = _data(out["governs"])
    assert [d["id"] for d in governs["decisions"]] == ["0001"]
    first = governs["decisions"][0]
    assert first["matches"] == ["src/storage/commit.py"] and first["choice"] == "deliberate"
    assert first["summary"].startswith("Chosen option: optimistic checks")
    css = _data(out["css"])["decisions"][0]
    assert css["id"] == "0002" and css["advice"] == "arbitrary, two-way: free to change with better data; say so in the record"
    review = _data(out["review"])
    assert any(c["path"] == "decisions/0004-retry-commits-three-times.md" for c in review["decisions"])
    assert any(f["rule"] == "workflow/governed-change" for f in review["findings"])
    assert _error(out["bad_ref"])["error"] == "usage"
    assert [d["id"] for d in _data(out["search"])][:1] == ["0001"]
    assert {"adrtool://digest", "adrtool://decision/0001", "adrtool://decision/D7"} <= set(out["resources"])
    assert out["record"] == STORAGE
    assert "Keys are UUIDv7" in out["inline"]
    assert "Decision digest" in out["digest"]


def test_an_untagged_decision_says_so(repo):
    write(repo / "decisions/0003-keep-all-source-under-src.md", LEGACY.replace("Date: 2020-01-01\n", "Date: 2020-01-01\nGoverns: src/**\n"))

    async def body(s, init):
        return await s.call_tool("decisions_for_paths", {"paths": ["src/storage/commit.py"]})

    found = _data(_session(repo, body))["decisions"]
    assert [d["id"] for d in found] == ["0001", "0003"]  # the deliberate one-way door first
    assert found[1]["advice"].startswith("untagged: ") and "treated as deliberate, one-way until tagged" in found[1]["advice"]


def test_paths_escaping_the_repository_are_refused(repo):
    async def body(s, init):
        out = []
        for path in ("../outside/x.py", "/etc/passwd", "escape/x.py", "src/../../x"):
            out.append(await s.call_tool("decisions_for_paths", {"paths": [path]}))
        out.append(await s.call_tool("show_decision", {"id": "../../etc/passwd"}))
        return out

    for result in _session(repo, body):
        error = _error(result)
        assert error["error"] == "outside-repository" and "refused" in error["message"], error


def test_writing_needs_allow_write(repo):
    async def read_only(s, init):
        return await s.call_tool("new_decision", {"title": "Use tabs", "choice": "arbitrary", "door": "two-way"})

    refused = _session(repo, read_only)
    assert refused.is_error
    assert not list((repo / "decisions").glob("*use-tabs*"))

    async def writable(s, init):
        tools = {t.name for t in (await s.list_tools()).tools}
        created = await s.call_tool("new_decision", {"title": "Use tabs", "choice": "arbitrary", "door": "two-way"})
        dry = await s.call_tool("tag_decision", {"id": "D7", "door": "two-way", "dry_run": True})
        tagged = await s.call_tool("tag_decision", {"id": "D7", "door": "two-way"})
        bad = await s.call_tool("tag_decision", {"id": "1", "choice": "maybe"})
        return tools, created, dry, tagged, bad

    tools, created, dry, tagged, bad = _session(repo, writable, "--allow-write")
    assert tools == READ_TOOLS | {"new_decision", "tag_decision"}
    made = _data(created)
    assert made["path"] == "decisions/0005-use-tabs.md" and made["files"] == [{"action": "created", "path": made["path"]}]
    assert "door: two-way" in (repo / made["path"]).read_text(encoding="utf-8")
    assert "-- Decision D7 (deliberate, one-way): Keys are UUIDv7." in _data(dry)["diff"]
    assert "+- Decision D7 (deliberate, two-way): Keys are UUIDv7." in _data(dry)["diff"]
    assert _data(tagged)["files"] == [{"action": "updated", "path": "docs/design/storage.md"}]
    assert "- Decision D7 (deliberate, two-way): Keys are UUIDv7." in (repo / "docs/design/storage.md").read_text()
    assert bad.is_error  # the SDK checks the argument against the tool's schema
    assert (repo / "decisions/0001-commit-with-optimistic-checks.md").read_text(encoding="utf-8") == STORAGE

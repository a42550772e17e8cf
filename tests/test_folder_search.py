"""Decision folders found by looking (`adrtool.folder_search`), when no setting and no usual place names one.

The shapes are those of real public repositories the reading bench holds (bench/reading/collections*.json):
Hopeful117/trading-os `docs/architecture/adr/`, TechWithHer/Enterprise-Amazon-S3-Platform `docs/ADR/`-like upper-case
names, backend subfolders, `.claude/decisions/`.
"""

from __future__ import annotations

import json

import pytest

from adrtool import config, folder_search
from tests.conftest import git, run_cli, write

RECORD = "# ADR-{n:03d} — Title {n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"


@pytest.mark.parametrize("folder", ["docs/architecture/adr", "docs/ADR", "ADR", "backend/docs/adr", ".claude/decisions",
                                    "docs/01_Architecture/adr", "docs/architecture-decision-records"])
def test_a_folder_in_no_usual_place_is_found_and_listed(git_repo, folder):
    for n in (1, 2):
        write(git_repo / folder / f"ADR-{n:03d}.md", RECORD.format(n=n))
    result = run_cli(["list", "--json"], git_repo)
    assert result.code == 0, result.err
    assert [d["path"] for d in json.loads(result.out)] == [f"{folder}/ADR-001.md", f"{folder}/ADR-002.md"]


def test_found_from_a_subfolder_too_and_new_writes_there(git_repo):
    write(git_repo / "docs/architecture/adr/ADR-001.md", RECORD.format(n=1))
    (git_repo / "src").mkdir()
    result = run_cli(["new", "Use a queue"], git_repo / "src")
    assert result.code == 0, result.err
    written = sorted(p.name for p in (git_repo / "docs/architecture/adr").iterdir())
    assert len(written) == 2 and any(name.startswith("0002-use-a-queue") for name in written), written


def test_several_folders_are_all_read_the_largest_first(git_repo):
    for n in (1, 2, 3):
        write(git_repo / "services/billing/adr" / f"{n:04d}-b{n}.md", RECORD.format(n=n))
    write(git_repo / "services/search/adr/0001-s1.md", RECORD.format(n=1))
    cfg = config.discover(git_repo)
    assert [d.relative_to(git_repo).as_posix() for d in cfg.dirs] == ["services/billing/adr", "services/search/adr"]
    assert cfg.source == "found services/billing/adr/, services/search/adr/"


@pytest.mark.parametrize("folder", ["node_modules/some-package/docs/adr", ".git/adr", "vendor/lib/decisions",
                                    "a/b/c/d/e/adr"])  # (a dependency's, version control's, or deeper than the walk)
def test_folders_that_are_not_the_projects_are_not_taken(git_repo, folder):
    write(git_repo / folder / "0001-x.md", RECORD.format(n=1))
    result = run_cli(["list"], git_repo)
    assert result.code == 2 and "no decision folder found" in result.err


def test_a_folder_named_like_one_without_numbered_files_is_not_one(git_repo):
    write(git_repo / "docs/architecture/adr/README.md", "# Decisions\n\nWe will write them here.\n")
    assert folder_search.find(git_repo) == []


def test_a_usual_place_still_wins_over_the_search(git_repo):
    write(git_repo / "docs/adr/0001-a.md", RECORD.format(n=1))
    write(git_repo / "docs/architecture/adr/ADR-001.md", RECORD.format(n=1))
    assert config.discover(git_repo).dirs == [(git_repo / "docs/adr").resolve()]
    git(git_repo, "add", "-A")  # (nothing about the search depends on what git tracks)
    assert config.discover(git_repo).source == "docs/adr/"

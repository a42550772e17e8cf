"""The digest's bulk link resolver answers exactly what `Repository.resolve_link` answers."""

from __future__ import annotations

import pytest

from adrtool import store
from adrtool.digest.links import LinkResolver
from tests.conftest import write
from tests.digest_samples import native

# Every form a link target takes: paths, numbers, exact ids (unique, ambiguous, inline), stems, misses.
TARGETS = [
    "0001-use-postgres.md", "../0001-use-postgres.md", "platform/20230315-limit-profiles.md",
    "0001", "1", "ADR-0001", "adr-1", "0001#context", "0002",
    "20230315-limit-profiles", "20230315-limit-profiles#decision-outcome", " 20230315-limit-profiles ",
    "20200101-split-queues", "a/20200101-split-queues.md", "D7", "d7", "api#1",
    "limit-profiles", "missing-record", "missing.md", "https://example.com/0001.md", "#top", "",
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("links")
    write(root / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["design"]\n')
    d = root / "decisions"
    write(d / "0001-use-postgres.md", native("accepted", "2024-01-01", "deliberate", "one-way", "Use Postgres"))
    write(d / "platform/20230315-limit-profiles.md",
          native("accepted", "2023-03-15", "arbitrary", "two-way", "Limit profiles"))
    # The same id in two folders: ambiguous, so resolved to nothing.
    write(d / "a/20200101-split-queues.md", native("accepted", "2020-01-01", "arbitrary", "two-way", "Split A"))
    write(d / "b/20200101-split-queues.md", native("accepted", "2020-01-01", "arbitrary", "two-way", "Split B"))
    write(root / "design/api.md", "# API\n\n- Decision D7 (arbitrary, two-way): Paginate with cursors.\n"
                                  "- Decision: Use tabs.\n")
    return store.load(root)


def test_fixture_has_every_kind_of_decision(repo):
    ids = sorted(d.id for d in repo.decisions)
    assert ids.count("20200101-split-queues") == 2
    assert {"0001", "20230315-limit-profiles", "D7"} <= set(ids)


@pytest.mark.parametrize("target", TARGETS)
def test_same_answer_as_the_store_from_every_source(repo, target):
    resolver = LinkResolver(repo)
    for source in repo.decisions:
        expected = repo.resolve_link(source, target)
        assert resolver.resolve(source, target) is expected, (source.path, target)


def test_exact_ids_resolve_without_the_store(repo, monkeypatch):
    """Ids (the common form in date-named collections) are answered from the resolver's own tables."""
    resolver = LinkResolver(repo)
    monkeypatch.setattr(repo, "resolve_link", lambda source, target: pytest.fail(f"fell back for {target}"))
    source = repo.decisions[0]
    assert resolver.resolve(source, "20230315-limit-profiles").path == "decisions/platform/20230315-limit-profiles.md"
    assert resolver.resolve(source, "D7").title.startswith("Paginate with cursors")
    assert resolver.resolve(source, "20200101-split-queues") is None  # ambiguous

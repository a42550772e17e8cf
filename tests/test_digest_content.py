"""What the digest says, on fixture repositories: tagged in every dialect, and untagged legacy."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from adrtool import digest, store
from adrtool.digest import summary
from tests.conftest import write
from tests.digest_samples import TODAY, build_legacy, build_tagged, legacy_sample_digest

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    root = build_tagged(tmp_path_factory.mktemp("tagged"))
    repo = store.load(root)
    return repo, digest.build(repo, DAY, out_dir="docs", history=False)


def ids(entries):
    return [e.decision.id for e in entries]


def test_counts_are_decisions_in_force_by_quadrant(tagged):
    _, d = tagged
    # 0006 is proposed and 0007 superseded: neither is counted; inline decisions are.
    assert d.counts == {"deliberate/one-way": 4, "deliberate/two-way": 1, "arbitrary/one-way": 1,
                        "arbitrary/two-way": 2, "untagged": 4}
    assert (d.total, d.records, d.inline) == (14, 12, 2)


def test_load_bearing_most_consequential_first(tagged):
    _, d = tagged
    assert ids(d.load_bearing) == ["0001", "0008", "0002", "D7"]
    first, second = d.load_bearing[:2]
    assert (first.consequence.linked_from, first.consequence.patterns, first.consequence.files) == (0, 1, 3)
    assert (second.consequence.linked_from, second.consequence.files) == (1, 1)  # 0007 links to it
    assert first.decision.decision_makers == ["Ana Lima", "Bo Chen"]


def test_ties_go_to_the_older_decision(tmp_path):
    from tests.digest_samples import native

    write(tmp_path / "decisions/0001-b.md", native("accepted", "2024-05-01", "deliberate", "one-way", "Later"))
    write(tmp_path / "decisions/0002-a.md", native("accepted", "2020-01-01", "deliberate", "one-way", "Earlier"))
    d = digest.build(store.load(tmp_path), DAY, history=False)
    assert ids(d.load_bearing) == ["0002", "0001"]


def test_quadrant_sections(tagged):
    _, d = tagged
    assert ids(d.danger_zone) == ["0003"]
    assert ids(d.considered) == ["0005"]
    assert ids(d.free_records) == ["0004"]
    assert [e.decision.title for e in d.free_inline] == ["Poll the queue every 2 s"]
    assert ids(d.in_flight) == ["0006"]


def test_due_for_revisit_uses_the_given_today(tmp_path, tagged):
    repo, d = tagged
    due = [(r.entry.decision.id, r.due) for r in d.due]
    assert due[0] == ("0005", dt.date(2025, 6, 1))  # the passed date first
    assert {i for i, when in due[1:]} == {"0004", "ingest#1"} and all(when is None for _, when in due[1:])
    before = digest.build(repo, dt.date(2025, 5, 31), history=False)
    assert "0005" not in [r.entry.decision.id for r in before.due]


def test_supersession_chain(tagged):
    _, d = tagged
    assert len(d.chains) == 1
    assert [(old.id, new.id) for old, new in d.chains[0].edges] == [("0007", "0008")]


def test_untagged_lists_every_dialect_with_an_extract(tagged):
    _, d = tagged
    assert {e.decision.dialect for e in d.untagged} == {"madr4", "madr2", "nygard", "log4brains"}
    nygard = next(e for e in d.untagged if e.decision.dialect == "nygard")
    assert nygard.summary.source == "extract"
    assert nygard.summary.text.startswith("We will use Architecture Decision Records")


def test_extract_takes_first_sentences_of_decision_then_context(tagged):
    _, d = tagged
    e = d.load_bearing[0]
    assert e.summary.label == "Extract"
    assert e.summary.text == "We store every ledger entry in PostgreSQL 16. We keep money movements for ten years."


def test_extract_skips_template_placeholders_and_markup():
    body = ("# T\n\n## Context and Problem Statement\n\n{Describe the context}\n\n"
            "Our **queue** is [full](x.md). Second sentence.\n\n## Decision Outcome\n\n<!-- note -->\n")
    assert summary.extract(body) == "Our queue is full."


@pytest.mark.parametrize("body, expected", [
    # A heading inside fenced code is code, not a section.
    ("## Context\n\nReal context.\n\n```\n## Decision\nnot this.\n```\n", "Real context."),
    # Only the first decision section with content counts; a later one does not replace it.
    ("## Decision\n\n{pick one}\n\n## Decision Outcome\n\nWe pick B.\n\n## Decision\n\nWe pick C.\n", "We pick B."),
    # A quote marker takes the blank line after it, so the quoted paragraphs read as one.
    ("## Decision:\n\n>\n> We use tabs. Always.\n", "We use tabs."),
    # A list marker goes; an emphasis star at a line start goes alone.
    ("## Decision\n\n- Use *tabs*. Really.\n", "Use tabs."),
    ("## Decision\n\n*Tabs* win. Then spaces.\n", "Tabs win."),
    # Windows line ends and a comment spanning paragraphs.
    ("## Decision\r\n\r\n<!-- a\r\n\r\nb -->\r\nWe use tabs.\r\n", "We use tabs."),
    ("# Title only\n\nNo sections here.\n", ""),
])
def test_extract_edge_cases(body, expected):
    assert summary.extract(body) == expected


def test_stored_ai_summary_wins_while_current(tmp_path):
    """A summary stored by `adrtool ai` is used while the decision is unchanged, then the extract again."""
    stored = pytest.importorskip("adrtool.ai.stored")
    from adrtool.ai import config as ai_config
    from adrtool.ai import summarize
    from tests.digest_samples import native

    path = write(tmp_path / "decisions/0001-a.md", native("accepted", "2024-01-01", "deliberate", "one-way", "Use X",
                                                         decision="X holds every order."))
    repo = store.load(tmp_path)
    decision = repo.decisions[0]
    request = summarize.request_for(repo, decision)
    rel = stored.path_for(ai_config.load(repo.config), summarize.NAME, decision.id)
    stored.save(repo, rel, stored.render(request, None, {"summary": " X is the store.\n It stays. "}, "# Summary"))

    d = digest.build(store.load(tmp_path), DAY, history=False)
    assert (d.load_bearing[0].summary.source, d.load_bearing[0].summary.text) == ("ai", "X is the store. It stays.")
    assert "AI summary: X is the store. It stays." in digest.render(d, "md")

    path.write_text(path.read_text().replace("every order", "every order and refund"))
    d = digest.build(store.load(tmp_path), DAY, history=False)
    assert d.load_bearing[0].summary.source == "extract"  # the stored summary is stale now
    assert d.load_bearing[0].summary.text.startswith("X holds every order and refund.")


def test_tag_filter(tmp_path_factory):
    root = build_tagged(tmp_path_factory.mktemp("t"))
    d = digest.build(store.load(root), DAY, tag="API", history=False)
    assert ids(d.load_bearing) == ["0002"] and ids(d.danger_zone) == ["0003"]
    assert d.total == 2 and "(tag: API)" in digest.render(d, "md")


def test_markdown_links_resolve_and_tables_render(tagged):
    repo, d = tagged
    md = digest.render(d, "md")
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", md)
    assert targets, "the digest links to its records"
    for target in targets:
        assert (repo.root / "docs" / unquote(target)).resolve().is_file(), target
    assert "| **Deliberate** | [4 load-bearing](#load-bearing) | *" in md  # tagged, then estimated, side by side
    assert "[1 considered, cheap to undo](#considered-cheap-to-undo) | *" in md
    assert "```mermaid\ngraph LR\n" in md and "d0 --> d1" in md
    assert "Ordered by consequence" in md


def test_same_repository_renders_the_same_bytes(tagged):
    repo, d = tagged
    again = digest.build(repo, DAY, out_dir="docs", history=False)
    assert digest.render(d, "md") == digest.render(again, "md")
    assert digest.render(d, "html") == digest.render(again, "html")


def test_legacy_collection_is_useful_without_tags(tmp_path):
    repo = store.load(build_legacy(tmp_path))
    d = digest.build(repo, DAY, history=False)
    assert d.counts["untagged"] == 5 and d.untagged_past == 1 and ids(d.in_flight) == ["0006"]
    assert [(o.id, n.id) for c in d.chains for o, n in c.edges] == [("0003", "0005")]
    md = digest.render(d, "md")
    # What the collection has comes first: the untagged section, with how to tag.
    assert md.index("## Untagged") < md.index("## Load-bearing")
    assert "5 decisions in force carry no tags yet" in md and "`adrtool ai tags --untagged`" in md
    assert "We will keep all services in one repository with one build." in md


def test_day_one_the_2x2_shows_estimates_apart_and_says_what_rests_on_them(tmp_path):
    repo = store.load(build_legacy(tmp_path))
    d = digest.build(repo, DAY, history=False)
    assert sum(d.counts.values()) == 5 and sum(d.estimated.values()) == 5  # every untagged decision in force
    assert d.counts["deliberate/one-way"] == 0 and d.estimated["deliberate/one-way"] == 2
    assert ids(d.likely_load_bearing) == ["0005", "0004"]  # linked from 0003 first, then older
    md = digest.render(d, "md")
    assert "| One-way door: tagged | One-way door: *estimated* |" in md
    assert "| **Deliberate** | [0 load-bearing](#load-bearing) | *[2 estimated](#likely-load-bearing)* |" in md
    assert "5 of the 5 decisions in force are untagged" in md and "rest on estimates, not tags" in md
    assert "5 in force." in md
    likely = md[md.index("## Likely load-bearing"):md.index("## Danger zone")]
    assert "Estimated, not tagged." in likely
    assert ('door (estimated): persisted data, format or schema: line 1: "# 4. Use PostgreSQL"' in likely)
    assert 'line 15: "We will use PostgreSQL for all persistent data, because it gives us transactions' in likely
    assert "`adrtool tag --suggest --untagged --apply`" in md
    html = digest.render(d, "html")
    assert 'id="likely-load-bearing"' in html and 'class="card estimated"' in html
    assert '<g class="est" data-estimated="2">' in html and "2 est.</text>" in html
    assert "rest on estimates, not tags" in html and "5 in force" in html
    again = digest.build(store.load(tmp_path), DAY, history=False)  # estimates are deterministic: --check holds
    assert digest.render(again, "md") == md and digest.render(again, "html") == html


def test_a_tagged_collection_has_no_estimates(tmp_path):
    from tests.digest_samples import native

    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / "decisions/0001-use-postgres.md", native("accepted", "2024-01-01", "deliberate", "one-way",
                                                              "Use Postgres"))
    d = digest.build(store.load(tmp_path), DAY, history=False)
    md, html = digest.render(d, "md"), digest.render(d, "html")
    assert "*estimated*" not in md and "Likely load-bearing" not in md and "est.</text>" not in html
    assert "| **Deliberate** | [1 load-bearing](#load-bearing) | [0 considered, cheap to undo]" in md


def test_readme_legacy_sample_is_current(tmp_path):
    """docs/legacy-sample-digest.md is what the README shows; regenerate with `python -m tests.digest_samples`."""
    expected = legacy_sample_digest(tmp_path)
    assert (ROOT / "docs/legacy-sample-digest.md").read_text(encoding="utf-8") == expected


def test_recently_changed_from_git(git_repo):
    pytest.importorskip("adrtool.history")
    from tests.digest_samples import commit_all, native

    write(git_repo / "decisions/0001-a.md", native("accepted", "2024-01-01", "deliberate", "one-way", "Use A"))
    commit_all(git_repo, "first", "2025-01-02")
    write(git_repo / "decisions/0002-b.md", native("accepted", "2024-01-01", "arbitrary", "two-way", "Use B"))
    commit_all(git_repo, "second", "2025-03-04")
    repo = store.load(git_repo)
    d = digest.build(repo, DAY)
    assert [(e.decision.id, e.changed) for e in d.recent] == [("0002", dt.date(2025, 3, 4)), ("0001", dt.date(2025, 1, 2))]
    assert d.recent[0].authors == ["Ana Lima"]
    since = digest.build(repo, DAY, since=dt.date(2025, 2, 1))
    assert ids(since.recent) == ["0002"]


def test_markdown_tables_survive_pipes_and_html_in_records(tmp_path):
    from markdown_it import MarkdownIt

    from tests.digest_samples import native

    write(tmp_path / "decisions/0001-a.md", native(
        "accepted", "2024-01-01", "arbitrary", "one-way", "Use A | B for <b>pipes</b>",
        decision='Pick A | B. <img src="https://cdn.example.com/x.png"> shows why.'))
    write(tmp_path / "decisions/0002-b.md", native("accepted", "2024-01-02", "arbitrary", "one-way", "Plain"))
    md = digest.render(digest.build(store.load(tmp_path), DAY, history=False), "md")
    html = MarkdownIt("commonmark").enable("table").render(md)
    danger = html.split('<h2>Danger zone</h2>', 1)[1].split("<h2>", 1)[0]
    rows = danger.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert rows.count("<tr>") == 2 and rows.count("<td>") == 2 * 4  # no cell split by the pipe
    assert "<img" not in html and "<b>pipes" not in html  # shown as text, never rendered


def test_supersession_cycles_and_branches_are_laid_out(tmp_path):
    from tests.digest_samples import native

    # 1 -> 2 -> 3 and 1 -> 4 (a branch), plus a hand-edited cycle 5 <-> 6.
    write(tmp_path / "decisions/0001-a.md", native("superseded", "2020-01-01", None, None, "A"))
    write(tmp_path / "decisions/0002-b.md", native("superseded", "2021-01-01", None, None, "B", supersedes=("1",)))
    write(tmp_path / "decisions/0003-c.md", native("accepted", "2022-01-01", None, None, "C", supersedes=("2",)))
    write(tmp_path / "decisions/0004-d.md", native("accepted", "2021-06-01", None, None, "D", supersedes=("1",)))
    write(tmp_path / "decisions/0005-e.md", native("accepted", "2023-01-01", None, None, "E", supersedes=("6",)))
    write(tmp_path / "decisions/0006-f.md", native("accepted", "2023-01-02", None, None, "F", supersedes=("5",)))
    d = digest.build(store.load(tmp_path), DAY, history=False)
    cycle, tree = d.chains  # newest group first
    assert {m.id for m in cycle.members} == {"0005", "0006"}
    assert {m.id: tree.column[id(m)] for m in tree.members} == {"0001": 0, "0002": 1, "0004": 1, "0003": 2}
    assert sorted(tree.row[id(m)] for m in tree.members if tree.column[id(m)] == 1) == [0, 1]
    assert "0001 A](decisions/0001-a.md) → [0002 B](decisions/0002-b.md) + [0004 D]" in digest.render(d, "md")


def test_governed_files_are_the_repositorys_not_ignored_folders(git_repo):
    """A governs glob counts the files git knows (tracked or untracked), not build output it ignores."""
    from adrtool.digest.consequence import FileMatcher

    write(git_repo / ".gitignore", "out/\n")
    write(git_repo / "src/a.py", "a\n")
    write(git_repo / "out/src/b.py", "b\n")
    write(git_repo / "src/new.py", "untracked, not ignored\n")
    matcher = FileMatcher(git_repo)
    assert matcher.count(["**/*.py"]) == 2
    assert "out/src/b.py" not in matcher.files

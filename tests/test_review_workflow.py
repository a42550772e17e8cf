"""`adrtool review` on real git repositories: each workflow rule, the diff modes, exit codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from adrtool import store
from adrtool.review import run_review
from adrtool.review.workflow import governs_spec, is_typo_sized
from tests.conftest import git, write
from tests.test_review_rubric import GOOD

TODAY = dt.date(2025, 12, 20)
WHEN = "2025-12-01T12:00:00+00:00"
FIRST = "decisions/0001-use-postgresql.md"


def commit(repo: Path, message: str, when: str = WHEN, author: str = "Ana Lima") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message,
        env={"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": author})


def review(repo: Path, **kw):
    return run_review(store.load(repo), today=TODAY, **kw)


def rules(report) -> dict[str, str]:
    return {f.rule: f.severity for f in report.findings}


def record(title: str, **fields) -> str:
    meta = {"status": "proposed", "date": "2025-12-01", "choice": "arbitrary", "door": "two-way",
            "revisit": "when it hurts"}
    meta.update(fields)
    lines = "".join(f"{k.replace('_', '-')}: {v}\n" for k, v in meta.items() if v is not None)
    return f"---\n{lines}---\n# {title}\n\nWe picked it.\n"


@pytest.fixture
def repo(git_repo: Path) -> Path:
    """main holds one accepted, complete record; the checkout is on branch `feature`."""
    write(git_repo / FIRST, GOOD.replace("revisit: 2099-01-01\n", "revisit: 2099-01-01\ngoverns: [src/db/**]\n"))
    write(git_repo / "docs/bench.md", "numbers\n")
    write(git_repo / "src/app.py", "print('hi')\n")
    commit(git_repo, "first decision")
    git(git_repo, "checkout", "-q", "-b", "feature")
    return git_repo


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_clean_branch_has_no_findings_and_lists_the_change(repo):
    write(repo / "decisions/0002-dots.md", record("Name topics with dots"))
    commit(repo, "second")
    report = review(repo)
    assert report.base == "main" and report.merge_base
    assert [(c.kind, c.path) for c in report.changes] == [("added", "decisions/0002-dots.md")]
    assert report.findings == []


def test_rewriting_an_accepted_body_is_an_error_unless_a_correction_says_so(repo):
    edit(repo / FIRST, "status: accepted", "status: accepted\ntags: [storage]")
    commit(repo, "a tag is metadata")
    assert "workflow/accepted-rewritten" not in rules(review(repo))
    edit(repo / FIRST, "the team knows it", "the team knwos it")
    commit(repo, "a typo, without a trailer")
    assert rules(review(repo))["workflow/accepted-rewritten"] == "error"
    assert "workflow/accepted-rewritten" not in rules(review(repo, labels=["correction"]))
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    edit(repo / FIRST, "the team knows it", "the team knwos it")
    commit(repo, "Fix a typo\n\nCorrection: typo")
    assert "workflow/accepted-rewritten" not in rules(review(repo))
    edit(repo / FIRST, 'Chosen option: "PostgreSQL"', 'Chosen option: "MongoDB"')
    commit(repo, "Rewrite\n\nCorrection: not really")
    assert rules(review(repo))["workflow/accepted-rewritten"] == "error"


def test_accepted_edits_can_be_relaxed_to_typo_fixes_or_switched_off(repo):
    edit(repo / FIRST, "the team knows it", "the team knwos it")
    commit(repo, "typo")
    write(repo / ".adrtool.toml", 'dirs = ["decisions"]\n[review]\naccepted-edits = "typo"\n')
    assert "workflow/accepted-rewritten" not in rules(review(repo))
    edit(repo / FIRST, "Orders need transactions", "Orders and refunds need transactions")
    assert rules(review(repo, worktree=True))["workflow/accepted-rewritten"] == "error"
    write(repo / ".adrtool.toml", 'dirs = ["decisions"]\n[review]\naccepted-edits = "any"\n')
    assert "workflow/accepted-rewritten" not in rules(review(repo, worktree=True))


def test_a_wrong_review_setting_is_one_line_and_exit_2(repo, cli):
    write(repo / ".adrtool.toml", 'dirs = ["decisions"]\n[review]\naccepted-edits = "sometimes"\n')
    result = cli(["review"], repo)
    assert result.code == 2 and "accepted-edits must be one of" in result.err and ".adrtool.toml" in result.err


def test_the_typo_threshold():
    assert is_typo_sized("We use PostgreSQL because teh team knows it.", "We use PostgreSQL, because the team knows it!")
    assert not is_typo_sized("We use PostgreSQL.", "We use MySQL.")
    assert not is_typo_sized("We use PostgreSQL.", "We do not use PostgreSQL.")
    assert not is_typo_sized("a b c d e", "aa bb cc dd e")


def test_deleting_a_record_is_an_error_unless_it_was_closed_first(repo):
    git(repo, "rm", "-q", FIRST)
    commit(repo, "delete")
    report = review(repo)
    assert [(c.kind, c.path) for c in report.changes] == [("deleted", FIRST)]
    assert rules(report)["workflow/deleted-record"] == "error"
    git(repo, "checkout", "-q", "main")
    edit(repo / FIRST, "status: accepted", "status: deprecated")
    commit(repo, "deprecate on main")
    git(repo, "checkout", "-q", "-b", "cleanup")
    git(repo, "rm", "-q", FIRST)
    commit(repo, "delete the deprecated record")
    assert rules(review(repo)) == {"workflow/deleted-closed-record": "note"}


@pytest.mark.parametrize("damage, line", [
    (lambda text: text.replace("status: accepted", "status: [accepted"), 2),  # the line that broke it
    (lambda text: text + "\x00", None),  # a binary file (one that is only not UTF-8 is read: `file_encoding`)
])
def test_an_unreadable_decision_file_in_the_branch_is_an_error_with_its_line(repo, cli, damage, line):
    broken = repo / "decisions/0007-broken.md"
    broken.write_bytes(damage(GOOD).encode("utf-8", "surrogateescape"))
    commit(repo, "broken record")
    report = review(repo)
    [found] = [f for f in report.findings if f.rule == "workflow/unreadable-file"]
    assert (found.severity, found.path, found.line) == ("error", "decisions/0007-broken.md", line)
    assert (report.files_read, report.files_unreadable) == (1, 1)
    result = cli(["review", "--base", "main"], repo)
    assert result.code == 1 and "1 decision file(s) read, 1 could not be read" in result.out


def test_review_all_counts_every_file_and_lists_closed_records_as_history(repo, cli):
    write(repo / "decisions/0002-old.md", GOOD.replace("status: accepted", "status: superseded by ADR-0003").replace(
        "* Bad, because sharding later is harder.\n", ""))
    (repo / "decisions/0003-bad.md").write_bytes(b"---\nstatus: accepted\n---\n# Bad\n\x00\xfe")
    result = cli(["review", "--all"], repo)
    assert "3 decision file(s) read, 1 could not be read" in result.out
    assert "history (closed, not judged on reasoning): 0002" in result.out
    assert "0002" not in "".join(l for l in result.out.splitlines() if "rubric/" in l)
    assert result.code == 1 and "workflow/unreadable-file" in result.out


def test_a_proposed_decision_may_be_kept_off_main(repo):
    write(repo / "decisions/0002-dots.md", record("Dots"))
    commit(repo, "proposal")
    assert "workflow/proposed-on-main" not in rules(review(repo))
    write(repo / ".adrtool.toml", 'dirs = ["decisions"]\n[review]\nproposed-on-main = true\n')
    assert rules(review(repo))["workflow/proposed-on-main"] == "error"
    git(repo, "branch", "-q", "develop", "main")
    assert "workflow/proposed-on-main" not in rules(review(repo, base="develop"))


def test_an_unknown_tag_is_an_error_of_the_change(repo):
    write(repo / "decisions/0002-dots.md", record("Dots", door="one way street"))
    commit(repo, "bad tag")
    assert rules(review(repo))["workflow/invalid-metadata"] == "error"


def test_review_ids_reviews_just_those(repo, cli):
    write(repo / "decisions/0002-dots.md", record("Dots", choice=None))
    commit(repo, "untagged")
    result = cli(["review", "1"], repo)
    assert result.code == 0 and "0001" in result.out and "0002" not in result.out
    result = cli(["review", "2", "0001-use-postgresql.md"], repo)
    assert "rubric/untagged" in result.out and "2 decisions" in result.out
    bad = cli(["review", "9"], repo)
    assert bad.code == 2 and bad.err.strip() == "adrtool: error: no decision '9' (try `adrtool list`)"
    assert cli(["review", "1", "--all"], repo).code == 2


def test_json_carries_the_card_of_each_decision(repo, cli):
    import json

    write(repo / "decisions/0002-dots.md", record("Dots"))
    commit(repo, "dots")
    report = json.loads(cli(["review", "--format", "json"], repo).out)
    [decision] = report["decisions"]
    card = decision["card"]
    assert card["id"] == "0002" and card["quadrant"] == "arbitrary/two-way"
    assert [i["name"] for i in card["items"]] == ["decision", "alternatives", "reason", "cost", "evidence",
                                                  "decision-makers", "plan"]
    assert report["files"] == {"read": 1, "unreadable": 0}


def test_renaming_is_not_deleting(repo):
    git(repo, "mv", FIRST, "decisions/0001-postgresql.md")
    commit(repo, "rename")
    report = review(repo)
    assert [(c.kind, c.old_path) for c in report.changes] == [("renamed", FIRST)]
    assert "workflow/deleted-record" not in rules(report)


def test_a_status_change_outside_the_lifecycle_is_an_error(repo):
    edit(repo / FIRST, "status: accepted", "status: superseded by ADR-0001")
    commit(repo, "allowed move")
    assert "workflow/status-outside-lifecycle" not in rules(review(repo))
    edit(repo / FIRST, "status: superseded by ADR-0001", "status: proposed")
    commit(repo, "back to proposed")
    assert rules(review(repo))["workflow/status-outside-lifecycle"] == "error"


def test_two_branches_adding_the_same_number(repo):
    git(repo, "checkout", "-q", "-b", "other", "main")
    write(repo / "decisions/0002-use-tabs.md", record("Use tabs"))
    commit(repo, "tabs")
    git(repo, "checkout", "-q", "feature")
    write(repo / "decisions/0002-use-spaces.md", record("Use spaces"))
    commit(repo, "spaces")
    found = [f for f in review(repo).findings if f.rule == "workflow/number-collision"]
    assert [(f.severity, f.path) for f in found] == [("error", "decisions/0002-use-spaces.md")]
    assert "decisions/0002-use-tabs.md on other" in found[0].message
    assert "`adrtool renumber decisions/0002-use-spaces.md 3`" in found[0].recommendation


def test_a_number_already_used_on_the_base_branch(repo):
    git(repo, "checkout", "-q", "main")
    write(repo / "decisions/0002-use-tabs.md", record("Use tabs"))
    commit(repo, "tabs on main")
    git(repo, "checkout", "-q", "feature")
    write(repo / "decisions/0002-use-spaces.md", record("Use spaces"))
    commit(repo, "spaces")
    assert rules(review(repo))["workflow/number-collision"] == "error"


def test_links_to_missing_decisions_and_missing_reference_files(repo):
    write(repo / "decisions/0002-dots.md", record("Dots", supersedes="[9]", references="[docs/nowhere.md]"))
    commit(repo, "broken")
    found = rules(review(repo))
    assert found["workflow/broken-link"] == "error"
    assert found["workflow/missing-reference"] == "warning"


def test_a_passed_revisit_date_and_an_old_proposal(repo):
    write(repo / "decisions/0002-dots.md", record("Dots", date="2025-01-01", revisit="2025-06-01"))
    commit(repo, "old", when="2025-01-01T12:00:00+00:00")
    found = rules(review(repo))
    assert found["workflow/revisit-due"] == "warning"
    assert found["workflow/stale-proposal"] == "note"
    edit(repo / "decisions/0002-dots.md", "revisit: 2025-06-01", "revisit: 2026-06-01")
    edit(repo / "decisions/0002-dots.md", "date: 2025-01-01", "date: 2025-12-15")
    commit(repo, "later", when="2025-12-15T12:00:00+00:00")
    found = rules(review(repo))
    assert "workflow/revisit-due" not in found
    assert "workflow/stale-proposal" in found  # git knows it was first proposed in January
    write(repo / "decisions/0003-fresh.md", record("Fresh", date="2025-12-15"))
    commit(repo, "fresh", when="2025-12-15T12:00:00+00:00")
    assert not [f for f in review(repo).findings if f.path.endswith("0003-fresh.md")]


def test_changing_governed_code_lists_the_decision(repo):
    write(repo / "src/app.py", "print('changed')\n")
    commit(repo, "ungoverned")
    assert "workflow/governed-change" not in rules(review(repo))
    write(repo / "src/db/schema.sql", "create table t();\n")
    commit(repo, "governed")
    [found] = [f for f in review(repo).findings if f.rule == "workflow/governed-change"]
    assert (found.severity, found.path, found.decision_id) == ("warning", FIRST, "0001")
    assert "src/db/schema.sql" in found.message


def test_governs_globs_read_as_gitignore_patterns():
    assert governs_spec(["src/db/**"]).match_file("src/db/a/b.sql")
    assert governs_spec(["**/*.proto"]).match_file("api/v1/x.proto") and governs_spec(["**/*.proto"]).match_file("x.proto")
    assert not governs_spec(["src/*.py"]).match_file("src/a/b.py")
    assert governs_spec(["./migrations/"]).match_file("migrations/001.sql")
    assert not governs_spec(["migrations/"]).match_file("migrations2/x")
    assert governs_spec([".github/**"]).match_file(".github/workflows/ci.yml")


def test_a_merge_from_main_does_not_review_mains_decisions(repo):
    write(repo / "decisions/0002-dots.md", record("Dots"))
    commit(repo, "feature decision")
    git(repo, "checkout", "-q", "main")
    write(repo / "decisions/0003-untagged.md", "---\nstatus: proposed\n---\n# Untagged\n\nText.\n")
    commit(repo, "main decision")
    git(repo, "checkout", "-q", "feature")
    git(repo, "merge", "-q", "--no-edit", "main", env={"GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN})
    report = review(repo)
    assert [c.path for c in report.changes] == ["decisions/0002-dots.md"]


def test_a_detached_head(repo):
    write(repo / "decisions/0002-dots.md", record("Dots", choice=None))
    commit(repo, "untagged")
    git(repo, "checkout", "-q", "--detach")
    report = review(repo)
    assert [c.path for c in report.changes] == ["decisions/0002-dots.md"]
    assert rules(report)["rubric/untagged"] == "warning"


def test_uncommitted_changes_count_only_with_worktree(repo):
    write(repo / "decisions/0002-dots.md", record("Dots", choice=None))
    edit(repo / FIRST, "status: accepted", "status: proposed")
    assert review(repo).changes == []
    report = review(repo, worktree=True)
    assert sorted((c.kind, c.path) for c in report.changes) == [("added", "decisions/0002-dots.md"), ("modified", FIRST)]
    assert {"rubric/untagged", "workflow/status-outside-lifecycle"} <= set(rules(report))


def test_a_shallow_clone_says_history_is_incomplete(repo, tmp_path):
    write(repo / "decisions/0002-dots.md", record("Dots"))
    commit(repo, "dots")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", f"file://{repo}", str(clone))
    report = review(clone, base="origin/main")
    assert any("fetch-depth: 0" in n for n in report.notices)
    from adrtool import history

    assert history.load(store.load(clone)).shallow


def test_ai_findings_are_merged_by_the_command_when_the_ai_package_has_them(repo, monkeypatch, cli):
    from adrtool.review.findings import Finding

    write(repo / "decisions/0002-dots.md", record("Dots"))
    commit(repo, "dots")
    from adrtool.ai import verdicts

    def merge_into_report(repo, report):  # what a stored AI verdict would add (tests/test_ai_review_merge.py)
        report.add([Finding("ai/weak-rationale", "warning", c.path, 1, "weak", "say more", c.decision.id, source="ai")
                    for c in report.changes])

    monkeypatch.setattr(verdicts, "merge_into_report", merge_into_report)
    assert review(repo).findings == []  # adrtool.review is offline: it never reads AI results
    result = cli(["review"], repo)
    assert "warning ai/weak-rationale [ai]: weak" in result.out


# ---- the command -------------------------------------------------------------------


def test_exit_codes_and_fail_on(repo, cli):
    write(repo / "decisions/0002-dots.md", record("Dots", revisit=None))
    commit(repo, "no revisit trigger: a note")
    assert cli(["review"], repo).code == 0
    assert cli(["review", "--fail-on", "note"], repo).code == 1
    git(repo, "rm", "-q", FIRST)
    commit(repo, "delete")
    result = cli(["review"], repo)
    assert result.code == 1 and "workflow/deleted-record" in result.out


def test_a_bad_ref_is_one_line_and_exit_2(repo, cli):
    result = cli(["review", "--base", "no-such-branch"], repo)
    assert result.code == 2
    assert result.err.strip() == "adrtool: error: unknown base ref 'no-such-branch' (try a branch name, e.g. --base origin/main)"


def test_outside_git_only_all_works(tmp_path, cli):
    write(tmp_path / "decisions/0001-dots.md", record("Dots", choice=None))
    result = cli(["review"], tmp_path)
    assert result.code == 2 and "not a git repository" in result.err and "\n" == result.err[-1]
    result = cli(["review", "--all"], tmp_path)
    assert result.code == 0 and "rubric/untagged" in result.out


def test_sarif_file_beside_annotations(repo, cli, tmp_path):
    write(repo / "decisions/0002-dots.md", record("Dots", choice=None))
    commit(repo, "untagged")
    out = tmp_path / "review.sarif"
    result = cli(["review", "--format", "github", "--sarif", out], repo)
    assert result.code == 0
    assert "::warning file=decisions/0002-dots.md,line=" in result.out
    assert '"ruleId": "rubric/untagged"' in out.read_text(encoding="utf-8")


def test_inline_decisions_in_a_changed_design_document(repo):
    doc = repo / "docs/design/buffer.md"
    write(repo / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')
    write(doc, "# Buffer\n\n- Decision (arbitrary, two-way): Flush every 100 ms; revisit with data.\n")
    commit(repo, "design")
    git(repo, "checkout", "-q", "-b", "more")
    edit(doc, "with data.\n", "with data.\n- Decision (arbitrary, one-way): Keep buffers in RAM only.\n")
    commit(repo, "second decision")
    report = review(repo, base="feature")
    assert [(c.kind, c.decision.title) for c in report.changes] == [("added", "Keep buffers in RAM only")]
    [found] = report.findings
    assert (found.rule, found.path, found.line) == ("rubric/arbitrary-one-way", "docs/design/buffer.md", 4)


def test_paths_in_annotations_are_relative_to_the_git_top_level(git_repo, cli):
    sub = git_repo / "services/billing"
    write(sub / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(sub / "decisions/0001-dots.md", record("Dots"))
    commit(git_repo, "first")
    git(git_repo, "checkout", "-q", "-b", "feature")
    write(sub / "decisions/0002-tabs.md", record("Tabs", choice=None))
    commit(git_repo, "untagged")
    result = cli(["review", "--format", "github"], sub)
    assert "::warning file=services/billing/decisions/0002-tabs.md," in result.out

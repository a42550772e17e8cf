"""Every output format of `adrtool review` against golden files; SARIF against the SARIF 2.1.0 schema.

Regenerate the golden files after a deliberate change with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from adrtool import __version__, store
from adrtool.review import formats, run_review
from tests.conftest import git, write
from tests.test_review_rubric import GOOD
from tests.test_review_workflow import TODAY, commit, record

GOLDEN = Path(__file__).parent / "golden" / "review"
SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json", "sarif": "sarif", "github": "github.txt"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    repo = tmp_path_factory.mktemp("formats") / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / "decisions/0001-use-postgresql.md", GOOD.replace("revisit: 2099-01-01\n", "revisit: 2099-01-01\ngoverns: [src/db/**]\n"))
    write(repo / "docs/bench.md", "numbers\n")
    commit(repo, "first")
    git(repo, "checkout", "-q", "-b", "feature")
    path = repo / "decisions/0001-use-postgresql.md"
    path.write_text(path.read_text(encoding="utf-8").replace('"PostgreSQL", because', '"MongoDB", because'), encoding="utf-8")
    write(repo / "decisions/0002-pick-a-queue.md", "---\nstatus: proposed\ndate: 2025-12-01\n---\n# Pick a queue | fast\n\n"
          "We use Kafka; it is the industry standard.\n")
    write(repo / "decisions/0003-name-topics.md", record("Name topics with dots", revisit=None))
    write(repo / "src/db/schema.sql", "create table orders();\n")
    commit(repo, "feature work")
    return run_review(store.load(repo), today=TODAY)


def normalized(report, fmt: str) -> str:
    text = formats.render(report, fmt)
    for sha, name in ((report.head, "HEAD"), (report.merge_base, "MERGE_BASE"), (report.base_commit, "BASE")):
        text = text.replace(sha, f"<{name}>").replace(sha[:7], f"<{name}>")
    return text.replace(f'"version": "{__version__}"', '"version": "<VERSION>"')


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_golden(report, fmt):
    golden = GOLDEN / f"report.{EXTENSIONS[fmt]}"
    text = normalized(report, fmt)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_golden_report_covers_every_severity_and_the_summary_table(report):
    assert report.counts()["error"] and report.counts()["warning"] and report.counts()["note"]
    md = formats.render(report, "markdown")
    assert "| [0002](decisions/0002-pick-a-queue.md) | Pick a queue \\| fast | added | proposed | untagged | untagged |" in md


def test_sarif_is_valid_sarif_2_1_0(report):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = json.loads(formats.render(report, "sarif"))
    jsonschema.validate(doc, schema, cls=jsonschema.Draft7Validator)
    results = doc["runs"][0]["results"]
    assert len(results) == len(report.findings)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_an_invalid_sarif_document_fails_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, schema, cls=jsonschema.Draft7Validator)


def test_github_annotations_escape_their_properties_and_data(report):
    lines = formats.render(report, "github").splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])
    from adrtool.review.findings import Finding
    from adrtool.review import ReviewReport

    tricky = ReviewReport("all", findings=[Finding("rubric/x", "error", "a,b:c.md", 3, "50%\nbad", "fix")])
    assert formats.render(tricky, "github").splitlines()[0] == "::error file=a%2Cb%3Ac.md,line=3,title=rubric/x::50%25%0Abad. fix"

"""The reasoning card on records written the way real collections write them.

Every fixture is our own text, reproducing a pattern seen in a public
collection (named above each one).  The card must find what a careful
reader finds, wherever the record puts it, and ignore template text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adrtool import store
from adrtool.reasoning import read_card, render_card
from adrtool.review import rubric
from tests.conftest import write

# Pattern: adr/madr 11807d877dbc5eb952591d54bc3124ddbc4c924c docs/decisions/0001-use-CC0-or-MIT-as-license.md:
# four licences weighed under "Pros and Cons of the Options" with Good/Bad items, each option a heading at
# the same level, and no Consequences section.
LICENCES = """\
# Dual-license the documents

## Context and Problem Statement

Everything we publish needs a licence, or default copyright law applies and nobody may change the text.

## Considered Options

* Public domain dedication
* BSD 3-clause
* MIT
* Dual licence with MIT and the public domain dedication

## Decision Outcome

Chosen option: "Dual licence", because readers can pick whichever of the two fits their work.

## Pros and Cons of the Options

## Public domain dedication

* Good, because it gives the text away as completely as the law allows.
* Bad, because it asks for no attribution, and attribution matters to the authors.

## BSD 3-clause

* Bad, because it is unclear whether it suits documentation at all.

## MIT

* Good, because it explicitly covers documentation.

## Dual licence with MIT and the public domain dedication

* Good, because it leaves the choice to the reader.
* Bad, because dual licensing is not widely understood.
"""

# Pattern: home-assistant/architecture be288928486f8539345b5be804778a4f24e55ca7 adr/0018-supported-databases.md:
# Nygard, the reason inside the Decision paragraph without "because", the cost as an obligation on users.
DATABASES = """\
# 18. Supported databases

Date: 2021-10-20

## Status

Accepted

## Context

We currently claim that any database the ORM supports will work, which is not true: features behave
differently on each, and the special handling makes every change hard to test.

## Decision

Support a limited set of databases and versions. This greatly reduces the maintenance effort, making it
easier to implement and test new features and giving users reliable upgrades.

## Consequences

Existing users of databases that are not in the supported list will have to move to a supported one.
"""

# Pattern: phodal/adr 4d66e05877948fd57bafad2a705e0dbfb987076a docs/adr/0009-提供多语言支持.md: phodal's `adr`
# Chinese template, 上下文/决策/结果, with its filler line left in the Consequences.
CHINESE = """\
# 9. 提供多语言支持

日期: 2017-11-23

## 状态

2017-11-23 通过

## 上下文

当前只支持中文模板，但是可以支持更多的语言

## 决策

添加英语支持，因为这样可以让更多的用户使用

## 结果

在这里记录结果...
"""

# Pattern: thomvaill/log4brains 37187fc8e0cd615c155eb27d6116e1e05681a918 docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md:
# log4brains (MADR 2.1.2 with dashes), a date-named file, the status quo rejected in the context.
LOG4BRAINS = """\
# Use the ADR slug as its unique ID

- Status: accepted
- Date: 2020-10-16

## Context and Problem Statement

Currently, ADRs are numbered, which causes merge conflicts when two branches add an ADR at the same time.

## Decision Outcome

We use the slug of the file name as the unique ID, because it stays unique without coordination.

### Negative Consequences

- Links break when a file is renamed.
"""

# Pattern: kumahq/kuma docs/madr/decisions (MADR 2 bullets, "Positive/Negative Consequences").
MADR2 = """\
# Use a sidecar for traffic

* Status: accepted
* Deciders: Ana, Bo

## Context and Problem Statement

Services need mTLS without code changes.

## Considered Options

* Sidecar proxy
* A library in every service - each team would have to upgrade it in step

## Decision Outcome

Chosen option: "Sidecar proxy", because it needs no change to the services.

### Positive Consequences

* No code change in the services.

### Negative Consequences

* Every pod runs one more container, which costs memory.
"""

# Pattern: alphagov/govuk-aws docs/architecture/decisions (prose only: no Options or Consequences headings).
PROSE = """\
# 3. Terraform state in S3

Date: 2017-06-01

## Status

Accepted

## Decision

We keep Terraform state in an S3 bucket instead of on laptops, because two people applying at once
corrupted the state twice last month. The downside is that every apply now needs network access to AWS.
"""


def load_one(tmp_path: Path, name: str, text: str, tags: str = "", **extra):
    folder = tmp_path / "decisions"
    write(folder / name, text)
    for rel, body in extra.items():
        write(tmp_path / rel, body)
    repo = store.load(tmp_path)
    [d] = [d for d in repo.decisions if d.path.endswith(name)]
    if tags:
        choice, door = tags.split("/")
        d.choice, d.door = __import__("adrtool.model").model.Choice(choice), __import__("adrtool.model").model.Door(door)
    return repo, d


def essentials(card) -> dict[str, str]:
    return {name: card.state(name) for name in ("decision", "alternatives", "reason", "cost")}


def test_pros_and_cons_only_downsides_count_without_a_consequences_section(tmp_path):
    repo, d = load_one(tmp_path, "0001-dual-license.md", LICENCES, "deliberate/one-way")
    card = read_card(d, repo)
    assert essentials(card) == {"decision": "found", "alternatives": "found", "reason": "found", "cost": "found"}
    assert "dual licensing is not widely understood" in card.get("cost").quotes[0].text
    rules = {f.rule for f in rubric.check(d, repo=repo)}
    assert not rules & {"rubric/missing-negative-consequence", "rubric/missing-options", "rubric/missing-rationale"}


def test_a_reason_without_because_and_an_obligation_as_the_cost(tmp_path):
    repo, d = load_one(tmp_path, "0018-supported-databases.md", DATABASES, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("reason") == "found"
    assert "greatly reduces the maintenance effort" in card.get("reason").quotes[0].text
    assert card.state("cost") in ("found", "thin")
    assert card.state("alternatives") == "thin"  # only the status quo is weighed
    errors = [f.rule for f in rubric.check(d, repo=repo) if f.severity == "error"]
    assert errors == [], errors


def test_a_chinese_record_of_phodals_template(tmp_path):
    repo, d = load_one(tmp_path, "0009-提供多语言支持.md", CHINESE, "deliberate/one-way")
    card = read_card(d, repo)
    assert card.state("decision") == "found" and card.state("reason") == "found"
    assert card.state("cost") == "absent"  # "在这里记录结果..." is the template's filler
    assert "rubric/missing-negative-consequence" in {f.rule for f in rubric.check(d, repo=repo)}


def test_log4brains_and_the_status_quo(tmp_path):
    repo, d = load_one(tmp_path, "20201016-use-the-adr-slug-as-its-unique-id.md", LOG4BRAINS, "deliberate/one-way")
    assert d.dialect == "log4brains"
    card = read_card(d, repo)
    assert essentials(card) == {"decision": "found", "alternatives": "thin", "reason": "found", "cost": "found"}
    assert {(f.rule, f.severity) for f in rubric.check(d, repo=repo) if f.severity != "note"} == {
        ("rubric/thin-options", "warning")}


def test_madr2_positive_and_negative_consequences(tmp_path):
    repo, d = load_one(tmp_path, "0004-use-a-sidecar.md", MADR2, "deliberate/one-way")
    card = read_card(d, repo)
    assert essentials(card) == {"decision": "found", "alternatives": "found", "reason": "found", "cost": "found"}
    assert card.get("alternatives").quotes[0].text.startswith("* A library in every service")
    assert "one more container" in card.get("cost").quotes[0].text


def test_prose_only_reasoning(tmp_path):
    repo, d = load_one(tmp_path, "0003-terraform-state-in-s3.md", PROSE, "deliberate/one-way")
    card = read_card(d, repo)
    assert essentials(card) == {"decision": "found", "alternatives": "found", "reason": "found", "cost": "found"}
    assert [f for f in rubric.check(d, repo=repo) if f.severity != "note"] == []


def test_an_inline_decision_is_judged_on_its_section_and_not_on_its_neighbours(tmp_path):
    doc = ("# Storage\n\nWe store events for years; three teams read them.\n\n"
           "- Decision (deliberate, one-way): Keys are UUIDv7 instead of serial numbers, because shards merge later. "
           "The downside is bigger indexes.\n"
           "- Decision (deliberate, one-way): Events are kept for ten years.\n\n# Other\n\nThe risk is high.\n")
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\ndesign-dirs = ["docs/design"]\n')
    write(tmp_path / "docs/design/storage.md", doc)
    repo = store.load(tmp_path)
    keys, kept = repo.inline
    assert essentials(read_card(keys, repo)) == {"decision": "found", "alternatives": "found", "reason": "found",
                                                 "cost": "found"}
    bare = read_card(kept, repo)
    assert bare.state("cost") == "absent" and bare.state("reason") == "absent"  # the neighbour's words are not its own
    assert bare.get("decision").quotes[0].line == 6


def test_closed_records_are_history_unless_the_change_rewrites_them(tmp_path):
    text = DATABASES.replace("Accepted", "Superseded by [19. Fewer databases](0019-fewer.md)").replace(
        "This greatly reduces the maintenance effort, making it\neasier to implement and test new features and giving users reliable upgrades.\n", "")
    repo, d = load_one(tmp_path, "0018-supported-databases.md", text, "deliberate/one-way")
    assert read_card(d, repo).closed
    assert rubric.check(d, repo=repo) == []
    # Rewritten on the branch, it is judged: its only reason left is the problem its context states.
    assert "rubric/thin-rationale" in {f.rule for f in rubric.check(d, repo=repo, changed=True)}


def test_explain_prints_every_essential_and_support_with_its_line(tmp_path, cli):
    load_one(tmp_path, "0004-use-a-sidecar.md", MADR2.replace("* Status: accepted", "* Status: accepted\n* Choice: deliberate\n* Door: one-way"))
    result = cli(["review", "--explain", "4"], tmp_path)
    assert result.code == 0, result.err
    for name in ("decision", "alternatives", "reason", "cost", "evidence", "decision-makers", "plan"):
        assert f"    {name}" in result.out
    assert "judged as deliberate/one-way (as tagged)" in result.out
    line = next(l for l in result.out.splitlines() if "one more container" in l)
    number = int(line.split(":")[0])
    assert MADR2.replace("* Status: accepted", "* Status: accepted\n* Choice: deliberate\n* Door: one-way").splitlines()[
        number - 1].startswith("* Every pod runs one more container")


def test_render_card_marks_absent_items(tmp_path):
    repo, d = load_one(tmp_path, "0009-提供多语言支持.md", CHINESE, "deliberate/one-way")
    text = render_card(read_card(d, repo))
    assert "cost             ABSENT" in text and "decision         found" in text


@pytest.mark.parametrize("template", ["full", "nygard"])
def test_a_record_still_equal_to_its_template_is_unfilled(tmp_path, cli, template):
    write(tmp_path / "decisions/.keep", "")
    result = cli(["new", "Cache payment tokens", "--choice", "deliberate", "--door", "one-way", "--template", template],
                 tmp_path)
    assert result.code == 0, result.err
    review = cli(["review", "1", "--format", "json"], tmp_path)
    import json

    report = json.loads(review.out)
    assert report["decisions"][0]["card"]["unfilled"] is True
    assert [f["rule"] for f in report["findings"] if f["severity"] == "error"] == ["rubric/unfilled"]
    assert review.code == 1


def test_a_repositorys_own_template_lines_never_count(tmp_path):
    own = "# NUMBER. TITLE\n\n## Status\n\nSTATUS\n\n## Context\n\nWrite the forces at play, and the risks you see.\n"
    text = own.replace("NUMBER. TITLE", "2. Use tabs").replace("STATUS", "Accepted")
    repo, d = load_one(tmp_path, "0002-use-tabs.md", text, "deliberate/one-way", **{"decisions/templates/template.md": own})
    card = read_card(d, repo)
    assert card.unfilled and card.state("cost") == "absent"


def test_a_template_edited_after_one_load_is_read_by_the_next(tmp_path):
    """The repository's templates are read once per load (a card a record would reread them all, which made
    `review --all` quadratic in folders): a load after the template changed reads the new one."""
    own = "# NUMBER. TITLE\n\n## Status\n\nSTATUS\n\n## Context\n\nWrite the forces at play, and the risks you see.\n"
    text = own.replace("NUMBER. TITLE", "2. Use tabs").replace("STATUS", "Accepted")
    repo, d = load_one(tmp_path, "0002-use-tabs.md", text, "deliberate/one-way", **{"decisions/templates/template.md": own})
    assert read_card(d, repo).unfilled and read_card(d, repo).unfilled  # the second card reads what the load kept
    write(tmp_path / "decisions/templates/template.md", own.replace("Write the forces at play", "Say what forces"))
    again = store.load(tmp_path)
    [d2] = [x for x in again.decisions if x.path.endswith("0002-use-tabs.md")]
    assert not read_card(d2, again).unfilled  # the context line is the author's now


def test_filling_only_context_options_and_decision_of_the_full_form_owes_the_cost(tmp_path, cli):
    """`adrtool new ... --door one-way`, then Context, Options and Decision filled in: the template's
    `* Bad, because <!-- ... -->` placeholder is no downside."""
    write(tmp_path / "decisions/.keep", "")
    assert cli(["new", "Cache payment tokens", "--choice", "deliberate", "--door", "one-way"], tmp_path).code == 0
    [path] = (tmp_path / "decisions").glob("0001-*.md")
    text = path.read_text(encoding="utf-8")
    for old, new in (("<!-- What problem does this decide, and why must it be decided now? -->",
                      "Checkout asks the payment provider for a token on every page, which adds 300 ms."),
                     ("* <!-- option 1 -->", "* Cache tokens in Redis for ten minutes"),
                     ("* <!-- option 2 -->", "* Ask the provider every time - too slow: it keeps the 300 ms on every page"),
                     ('"<!-- option -->", because <!-- why it beats the others on the drivers above -->',
                      '"Cache tokens in Redis for ten minutes", because it removes the 300 ms from every page')):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    result = cli(["review", "1"], tmp_path)
    assert result.code == 1
    errors = [l for l in result.out.splitlines() if ": error " in l]
    assert len(errors) == 1 and "rubric/missing-negative-consequence" in errors[0], result.out


def test_the_quick_forms_revisit_line_is_the_revisit_trigger(tmp_path, cli):
    write(tmp_path / "decisions/.keep", "")
    assert cli(["new", "Retry budget", "--choice", "arbitrary", "--door", "two-way"], tmp_path).code == 0
    [path] = (tmp_path / "decisions").glob("0001-*.md")
    text = path.read_text(encoding="utf-8")
    text = text.replace("<!-- the signal that should reopen it -->", "when retries exceed 1% of calls").replace(
        "<!-- the choice, in one sentence -->", "Retry each call at most twice.")
    path.write_text(text, encoding="utf-8")
    import json

    shown = json.loads(cli(["show", "1", "--json"], tmp_path).out)
    assert shown["revisit"] == "when retries exceed 1% of calls"
    result = cli(["review", "1"], tmp_path)
    assert result.code == 0 and "no findings" in result.out, result.out


def test_layers_review_never_imports_ai_and_reasoning_imports_neither(tmp_path):
    """`review/` stays offline; `reasoning/` sits below review, digest, ai and the TUI."""
    import ast

    root = Path(__file__).resolve().parent.parent / "adrtool"
    for package, banned in (("review", ("adrtool.ai", "adrtool.tui")),
                            ("reasoning", ("adrtool.review", "adrtool.ai", "adrtool.tui", "adrtool.authoring",
                                           "adrtool.digest", "adrtool.cli"))):
        for path in (root / package).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                assert not [n for n in names if n.startswith(banned)], (path, names)


def test_review_without_ai_results_imports_no_anthropic(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    write(tmp_path / "decisions/0001-a.md", MADR2)
    code = ("import sys, io, contextlib\nfrom adrtool.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['review', '--all'])\n"
            "print('anthropic' in sys.modules, 'adrtool.ai.client' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "False False"

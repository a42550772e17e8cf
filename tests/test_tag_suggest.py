"""`adrtool tag --suggest`: estimates printed with their evidence, written only on request, in every dialect."""

from __future__ import annotations

import json

import pytest

from adrtool import store
from tests.ai_support import fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import run_process, write
from tests.record_samples import DIALECTS, make_log

UNTAGGED_INLINE = "# Index\n\nThe search index.\n\n- Decision: Keys are UUIDv7 identifiers in every table.\n"


def listed(cli, root) -> dict[str, dict]:
    result = cli(["list", "--json"], root)
    assert result.code == 0, result.err
    return {item["id"]: item for item in json.loads(result.out)}


@pytest.mark.parametrize("dialect", DIALECTS)
def test_suggest_then_apply_writes_exactly_the_estimates_in_each_dialect(tmp_path, cli, dialect):
    log = make_log(tmp_path, dialect)
    write(tmp_path / "docs/design/search.md", UNTAGGED_INLINE)
    before = {p: p.read_text(encoding="utf-8") for p in (log.path("A"), log.path("B"), log.path("C"),
                                                           tmp_path / "docs/design/search.md",
                                                           tmp_path / "docs/design/overview.md")}
    items = listed(cli, tmp_path)
    inline = next(i for i in items.values() if i["path"] == "docs/design/search.md")
    untagged = [i for i in items.values() if i["choice"] is None or i["door"] is None]
    assert items[log.ids["C"]] in untagged and inline in untagged
    for item in items.values():
        if item in untagged:
            assert item["choice_estimate"] in ("deliberate", "arbitrary", None)
            assert item["door_estimate"] in ("one-way", "two-way", None)
            assert item["estimate_evidence"]["door" if item["door"] is None else "choice"]["reason"]
        else:
            assert item["estimate_evidence"] is None  # tagged: no estimate

    shown = cli(["tag", "--suggest", "--untagged"], tmp_path)
    assert shown.code == 0, shown.err
    c = items[log.ids["C"]]
    assert f"choice:  {c['choice_estimate']} (estimated)" in shown.out and "nothing was written" in shown.out
    assert {p: p.read_text(encoding="utf-8") for p in before} == before  # --suggest alone writes nothing

    applied = cli(["tag", "--suggest", "--untagged", "--apply", "--yes"], tmp_path)
    assert applied.code == 0, applied.err
    assert f"updated {log.rel('C')}" in applied.out and "updated docs/design/search.md" in applied.out
    after = store.load(tmp_path)
    for item in items.values():
        path = tmp_path / item["path"]
        if item not in untagged:
            assert path.read_text(encoding="utf-8") == before.get(path, path.read_text(encoding="utf-8"))
            continue
        if item["kind"] == "inline":
            continue
        new, old = path.read_text(encoding="utf-8").splitlines(), before[path].splitlines()
        assert all(line in new for line in old)  # surgical: only tag lines added, nothing the user wrote lost
        assert len(set(new) - set(old)) <= 2
        d = after.resolve(item["id"])
        assert d.choice.value == (item["choice"] or item["choice_estimate"])
        assert d.door.value == (item["door"] or item["door_estimate"])
    line = (tmp_path / "docs/design/search.md").read_text(encoding="utf-8").splitlines()[4]
    assert line == (f"- Decision ({inline['choice_estimate']}, {inline['door_estimate']}): "
                    "Keys are UUIDv7 identifiers in every table.")
    assert all(i["estimate_evidence"] is None for i in listed(cli, tmp_path).values())
    assert cli(["tag", "--suggest", "--untagged"], tmp_path).out.strip() == "every decision is tagged; nothing to suggest"


def test_a_real_process_answers_the_confirmation_per_record(tmp_path):
    log = make_log(tmp_path, "nygard")
    write(tmp_path / "docs/design/search.md", UNTAGGED_INLINE)
    result = run_process(["tag", "--suggest", "--untagged", "--apply"], tmp_path, input="y\nn\n")
    assert result.code == 0, result.err
    assert result.out.count("? [y/N]") == 2 and "1 written, 1 declined." in result.out
    assert store.load(tmp_path).resolve(log.ids["C"]).is_tagged  # yes to the record
    assert "Decision: Keys" in (tmp_path / "docs/design/search.md").read_text(encoding="utf-8")  # no to the line


def test_end_of_input_stops_asking_and_writes_nothing_more(tmp_path):
    log = make_log(tmp_path, "madr2")
    before = log.path("C").read_text(encoding="utf-8")
    result = run_process(["tag", "--suggest", log.ids["C"], "--apply"], tmp_path, input="")
    assert result.code == 1 and "end of input" in result.err and "--yes" in result.err
    assert "Traceback" not in result.err
    assert log.path("C").read_text(encoding="utf-8") == before


def test_dry_run_prints_the_diff(tmp_path, cli):
    log = make_log(tmp_path, "madr4")
    before = log.path("C").read_text(encoding="utf-8")
    result = cli(["tag", "--suggest", log.ids["C"], "--apply", "--dry-run"], tmp_path)
    assert result.code == 0 and "+choice:" in result.out and "+door:" in result.out
    assert log.path("C").read_text(encoding="utf-8") == before


@pytest.mark.parametrize("args, message", [
    (["tag", "--suggest"], "ids or --untagged"),
    (["tag", "--suggest", "3", "--untagged"], "not both"),
    (["tag", "--suggest", "3", "--choice", "deliberate"], "without it"),
    (["tag", "3", "--apply"], "go with --suggest"),
    (["tag", "1", "2", "--choice", "deliberate"], "one decision id"),
])
def test_usage_errors_are_one_line_and_exit_2(tmp_path, cli, args, message):
    make_log(tmp_path, "native")
    result = cli(args, tmp_path)
    assert result.code == 2 and message in result.err and len(result.err.strip().splitlines()) == 1


def test_show_prints_the_estimate_and_show_json_carries_it(tmp_path, cli):
    log = make_log(tmp_path, "nygard")
    text = cli(["show", log.ids["C"]], tmp_path)
    assert "estimated, not tags" in text.out and "choice:" in text.out and "(estimated)" in text.out
    data = json.loads(cli(["show", log.ids["C"], "--json"], tmp_path).out)
    assert data["door_estimate"] in ("one-way", "two-way") and data["estimate_evidence"]["choice"]["reason"]
    tagged = json.loads(cli(["show", log.ids["A"], "--json"], tmp_path).out)
    assert tagged["choice_estimate"] is None and tagged["estimate_evidence"] is None
    assert "estimated" not in cli(["show", log.ids["A"]], tmp_path).out


def test_list_without_estimates_leaves_the_keys_out(tmp_path, cli):
    make_log(tmp_path, "native")
    items = json.loads(cli(["list", "--json", "--no-estimates"], tmp_path).out)
    assert items and all("choice_estimate" not in item for item in items)


NYGARD = """# 3. Use UUIDs for order ids

Date: 2020-04-01

## Status

Accepted

## Context

Orders need ids before they reach the database.

## Decision

We will use UUIDv4 for order ids.
"""


def test_a_stored_ai_suggestion_is_shown_beside_the_estimate_and_a_disagreement_pointed_out(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo", records=0)
    write(repo / "decisions/0003-use-uuids.md", NYGARD)
    fake.reply = lambda body: {"choice": "deliberate", "choice_reason": "Options were weighed.",
                               "door": "one-way", "door_reason": "Ids are persisted and shared."}
    assert cli(["ai", "tags", "3", "--yes"], repo).code == 0  # stored, not applied
    requests = len(fake.requests)
    result = cli(["tag", "--suggest", "3"], repo)
    assert result.code == 0, result.err
    assert len(fake.requests) == requests  # reading the stored suggestion sends nothing
    assert "choice:  arbitrary (estimated): no reasoning visible" in result.out
    assert "AI suggests: choice deliberate, door one-way" in result.out
    assert "Options were weighed." in result.out
    assert "the AI and the estimate disagree on choice" in result.out


def phodal_records():
    """The 24 Chinese records phodal's `adr` package ships (docs/adr), found from its installed command."""
    import shutil
    from pathlib import Path

    from tests.conftest import require_tool

    cli_js = Path(require_tool("phodal-adr")).resolve()  # .../node_modules/adr/build/main/cli.js
    package = next(p for p in cli_js.parents if (p / "package.json").is_file() and (p / "docs/adr").is_dir())
    return package / "docs/adr", shutil


def test_a_real_untagged_chinese_folder_is_tagged_end_to_end(tmp_path):
    """phodal/adr's own records, as npm ships them: every one estimated, written, and read back in its dialect."""
    folder, shutil = phodal_records()
    repo = tmp_path / "repo"
    shutil.copytree(folder, repo / "docs/adr")
    before = {p.name: p.read_text(encoding="utf-8") for p in (repo / "docs/adr").glob("*.md")}
    items = json.loads(run_process(["list", "--json"], repo).out)
    records = [i for i in items if i["kind"] == "record"]
    assert len(records) >= 20 and all(i["choice"] is None and i["door"] is None for i in records)
    assert all(i["choice_estimate"] and i["door_estimate"] for i in records)
    assert {i["door_estimate"] for i in records} == {"one-way", "two-way"}  # the estimates tell them apart
    result = run_process(["tag", "--suggest", "--untagged", "--apply", "--yes"], repo, timeout=120)
    assert result.code == 0, result.err
    assert result.out.count("updated docs/adr/") == len(records)
    after = {i["id"]: i for i in json.loads(run_process(["list", "--json"], repo).out)}
    for item in records:
        tagged = after[item["id"]]
        assert (tagged["choice"], tagged["door"]) == (item["choice_estimate"], item["door_estimate"])
        assert tagged["estimate_evidence"] is None and tagged["dialect"] == item["dialect"]
        name = item["path"].rsplit("/", 1)[-1]
        new = (repo / item["path"]).read_text(encoding="utf-8").splitlines()
        assert all(line in new for line in before[name].splitlines())  # only tag lines were added

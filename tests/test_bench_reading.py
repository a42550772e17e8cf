"""The reading scorer (bench/reading/run.py) on a tiny truth of our own: it counts right, and names each miss."""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout

from tests.conftest import ROOT, write


def scorer():
    spec = importlib.util.spec_from_file_location("reading_run", ROOT / "bench/reading/run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(path, **fields):
    base = {"repo": "me/tiny", "commit": "0" * 40, "dir": "doc/adr", "path": path, "licence": "MIT",
            "dialect": "nygard", "language": "en", "is_record": True, "title": None, "status": None,
            "date": None, "links": [], "notes": ""}
    return {**base, **fields}


def score(tmp_path, out, truth: list[dict]) -> tuple[int, str]:
    """(exit code, printed text) of the scorer on `truth`, one collection me/tiny doc/adr materialized under `out`."""
    write(tmp_path / "truth.jsonl", "".join(json.dumps(r) + "\n" for r in truth))
    write(tmp_path / "collections.json", json.dumps([{"repo": "me/tiny", "commit": "0" * 40, "dir": "doc/adr"}]))
    printed = io.StringIO()
    with redirect_stdout(printed):
        code = scorer().main(["--truth", str(tmp_path / "truth.jsonl"), "--collections", str(tmp_path / "collections.json"),
                              "--out", str(out), "--misses", "-1"])
    return code, printed.getvalue()


def test_the_scorer_counts_fields_and_names_misses(tmp_path):
    out = tmp_path / "out"
    folder = out / "me+tiny"
    write(folder / "doc/adr/0001-old.md", "# 1. Old\n\nDate: 2020-01-02\n\n## Status\n\nSuperseded by [2. New](0002-new.md)\n")
    write(folder / "doc/adr/0002-new.md", "# 2. *New* one\n\nDate: 2020-02-03\n\n## Status\n\nAccepted\n\nSupersedes [1. Old](0001-old.md)\n")
    write(folder / "doc/adr/README.md", "# Decisions\n")
    truth = [
        row("doc/adr/0001-old.md", title="Old", status="superseded", date="2020-01-02",
            links=[{"relation": "superseded-by", "target": "doc/adr/0002-new.md"}]),
        # the title matches casefolded and without emphasis; the date below is deliberately wrong
        row("doc/adr/0002-new.md", title="new  ONE", status="accepted", date="2020-02-04",
            links=[{"relation": "supersedes", "target": "doc/adr/0001-old.md"}], language="de"),
        row("doc/adr/README.md", is_record=False),
    ]
    code, text = score(tmp_path, out, truth)
    assert code == 0
    overall = text.splitlines()[1].split()
    assert overall[0] == "all"
    assert overall[1:] == ["100.0%", "(3/3)", "100.0%", "(2/2)", "100.0%", "(2/2)", "50.0%", "(1/2)", "100.0%", "(2/2)"]
    assert "de        100.0% (1/1)  100.0% (1/1)  100.0% (1/1)  0.0% (0/1)" in text  # per language
    assert text.strip().endswith('1 misses\n  me/tiny:doc/adr/0002-new.md  date: expected "2020-02-04", got "2020-02-03"')


def test_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    write(tmp_path / "truth.jsonl", json.dumps(row("doc/adr/0001-x.md")) + "\n")
    write(tmp_path / "collections.json", json.dumps([{"repo": "me/tiny", "commit": "0" * 40, "dir": "doc/adr"}]))
    code = scorer().main(["--truth", str(tmp_path / "truth.jsonl"), "--collections", str(tmp_path / "collections.json"),
                          "--out", str(tmp_path / "nowhere")])
    assert code == 2 and "run bench/reading/extract.py first" in capsys.readouterr().err


def test_a_link_to_one_of_two_records_sharing_an_id_names_the_written_file(tmp_path):
    # douhuaa/Zss.BilliardHall b35cd8cf1cb0 docs/adr/constitutional holds `ADR-0004-Cpm-Final.md` and
    # `ADR-004-Cpm-Final.md` (both id 0004): each record links its own sibling by file.
    out = tmp_path / "out"
    folder = out / "me+tiny"
    for name in ("ADR-0004-cpm.md", "ADR-004-cpm.md"):
        write(folder / "doc/adr" / name, "# ADR-004: Cpm\n\n## Status\n\nAccepted\n")
    write(folder / "doc/adr/ADR-001-a.md", "# ADR-001: A\n\n## Status\n\nAccepted\n\nRelates to [ADR-004](./ADR-004-cpm.md)\n")
    write(folder / "doc/adr/ADR-0001-a.md", "# ADR-0001: A\n\n## Status\n\nAccepted\n\nRelates to [ADR-0004](./ADR-0004-cpm.md)\n")
    truth = [row(f"doc/adr/{name}", title="A", status="accepted",
                 links=[{"relation": "relates-to", "target": f"doc/adr/{target}"}])
             for name, target in (("ADR-001-a.md", "ADR-004-cpm.md"), ("ADR-0001-a.md", "ADR-0004-cpm.md"))]
    code, text = score(tmp_path, out, truth)
    assert code == 0
    assert text.splitlines()[1].split()[-2:] == ["100.0%", "(2/2)"], text


def test_a_link_to_a_file_absent_from_a_whole_folder_is_not_counted(tmp_path):
    # akonwi/ard docs/adrs/0015-*.md: a `## Related` entry naming `0008-...md`, absent at the commit. In a folder
    # written whole (it holds a file the truth has no line for) the link names no file, as the truth says; in one
    # holding the truth's files alone (fetched file by file) the file may exist at the commit, and the link counts.
    related = "# 2. New\n\nDate: 2020-02-03\n\n## Status\n\nAccepted\n\n## Related\n\n- `doc/adr/0008-gone.md`\n"
    truth = [row("doc/adr/0002-new.md", title="New", status="accepted", date="2020-02-03", links=[])]
    whole = tmp_path / "whole"
    write(whole / "me+tiny/doc/adr/0002-new.md", related)
    write(whole / "me+tiny/doc/adr/0003-unlabelled.md", "# 3. Unlabelled\n\n## Status\n\nAccepted\n")
    code, text = score(tmp_path, whole, truth)
    assert code == 0 and text.strip().endswith("0 misses")
    sliced = tmp_path / "sliced"
    write(sliced / "me+tiny/doc/adr/0002-new.md", related)
    code, text = score(tmp_path, sliced, truth)
    assert code == 0 and '["relates-to", "doc/adr/0008-gone.md"]' in text

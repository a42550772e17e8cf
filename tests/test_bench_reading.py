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
    write(tmp_path / "truth.jsonl", "".join(json.dumps(r) + "\n" for r in truth))
    write(tmp_path / "collections.json", json.dumps([{"repo": "me/tiny", "commit": "0" * 40, "dir": "doc/adr"}]))
    printed = io.StringIO()
    with redirect_stdout(printed):
        code = scorer().main(["--truth", str(tmp_path / "truth.jsonl"), "--collections", str(tmp_path / "collections.json"),
                              "--out", str(out), "--misses", "-1"])
    text = printed.getvalue()
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

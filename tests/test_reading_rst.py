"""reStructuredText records as Open edX writes them: read, listed, rendered, and edited in RST's own syntax.

The fixtures are our own files, each reproducing a layout seen in a real folder (named per fixture).
"""

from __future__ import annotations

import json

from adrtool import store
from adrtool.dialects import rst, rst_write
from adrtool.model import Kind, Relation, Status
from tests.conftest import run_cli, write

FOLDER = "docs/decisions"

# openedx/openedx-events docs/decisions (2025 head): a `.. _ADR-n:` label, an overlined title,
# a bold status with a date beside it, comments in the Status section, `:ref:` links to labels.
EVENTS = """.. _ADR-2:

##################################
2. Events naming and versioning
##################################

Status
******

**Accepted** *2023-06-09*

.. TODO: When ready, update the status from Draft to Provisional or Accepted.

.. Standard statuses
    - **Draft** if the decision is newly proposed and in active discussion
    - **Superseded** *(date)* with a reference to its replacement

Context
*******

The name of an event follows the `type format`_.

Decision
********

1. Names are strings.

.. _type format: https://example.org/oep-41
"""
# openedx/edx-django-utils 0006: "Provisional (2023-04-07)", `#`/`*` adornments.
PROVISIONAL = "6. Content-Security-Policy middleware\n#####################################\n\nStatus\n******\n\nProvisional (2023-04-07)\n\nContext\n*******\n\nWe want CSP.\n"
# openedx/enterprise-access 0002: the status is the title of a subsection of Status.
SUBHEADING = ("2. Automatically Enrolling Learners\n===================================\n\n\nStatus\n======\n\n"
              "Rejected April 2022\n-------------------\n\nWe decided to abandon this feature.\n\nContext\n=======\n\nx\n")
# A field list under the title (netresearch's RST decision log; openedx-learning has none at all).
FIELDS = """=========================================
ADR-153: A run's uuid is the correlation id
=========================================

:Status: Accepted
:Date: 2026-08-11
:Supersedes: :ref:`ADR-2`
:Authors: Netresearch DTT GmbH

Context
=======

An agent run made N provider calls.
"""
# openedx-learning 0002: no Status section at all, but Context and Decision.
NO_STATUS = "2. Approach to Content Flexibility\n==================================\n\nContext\n-------\n\nCourses are strict.\n\nDecision\n--------\n\nComponents.\n"
# edx-django-utils docs/monitoring/decisions: a file that only includes another record.
INCLUDE = ".. include:: ../../../edx_django_utils/monitoring/docs/decisions/0001-monitoring-by-code-owner.rst\n"


def folder(tmp_path):
    write(tmp_path / FOLDER / "0002-events-naming-and-versioning.rst", EVENTS)
    write(tmp_path / FOLDER / "0006-content-security-policy-middleware.rst", PROVISIONAL)
    write(tmp_path / FOLDER / "0007-auto-enrollment.rst", SUBHEADING)
    write(tmp_path / FOLDER / "0153-run-uuid.rst", FIELDS)
    write(tmp_path / FOLDER / "0008-content-flexibility.rst", NO_STATUS)
    write(tmp_path / FOLDER / "0009-monitoring-by-code-owner.rst", INCLUDE)
    write(tmp_path / FOLDER / "index.rst", "Decisions\n=========\n\n.. toctree::\n   :glob:\n\n   *\n")
    return store.load(tmp_path)


def test_open_edx_records_read_as_written(tmp_path):
    repo = folder(tmp_path)
    by_id = {d.id: d for d in repo.records}
    assert sorted(by_id) == ["0002", "0006", "0007", "0008", "0153"]  # index.rst is no decision
    events = by_id["0002"]
    assert (events.title, events.status, events.date, events.dialect) == (
        "Events naming and versioning", Status.ACCEPTED, "2023-06-09", "rst")
    assert events.labels == ("ADR-2",) and events.field_lines["status"] == 10
    assert "The name of an event" in events.body and "#####" not in events.body.splitlines()[0]
    assert (by_id["0006"].status, by_id["0006"].date) == (Status.PROPOSED, "2023-04-07")  # Provisional
    assert by_id["0007"].status is Status.REJECTED and by_id["0007"].status_raw == "Rejected April 2022"
    fields = by_id["0153"]
    assert (fields.title, fields.status, fields.date) == ("A run's uuid is the correlation id", Status.ACCEPTED, "2026-08-11")
    assert fields.supersedes == ["ADR-2"] and repo.resolve_link(fields, "ADR-2") is events
    assert by_id["0008"].status is Status.UNKNOWN and by_id["0008"].title == "Approach to Content Flexibility"
    (document,) = repo.documents
    assert document.kind is Kind.DOCUMENT and document.path.endswith("0009-monitoring-by-code-owner.rst")
    assert "only includes" in document.problems[0].message


def test_references_of_every_kind_resolve_both_ways(tmp_path):
    # :doc:, :ref: to a label, `text <file.rst>`_ and a named target: the links Open edX folders use.
    write(tmp_path / FOLDER / "0001-old.rst", ".. _old-naming:\n\n1. Old\n======\n\nStatus\n------\n\n**Superseded**\n\n"
                                              "Superseded by :doc:`0004-new`\n")
    write(tmp_path / FOLDER / "0002-older.rst", "2. Older\n========\n\nStatus\n------\n\nSuperseded by `4. New <0004-new.rst>`_\n")
    write(tmp_path / FOLDER / "0003-oldest.rst", "3. Oldest\n=========\n\nStatus\n------\n\nSuperseded by `New ADR`_\n\n"
                                                 ".. _New ADR: 0004-new.rst\n")
    write(tmp_path / FOLDER / "0004-new.rst", "4. New\n======\n\nStatus\n------\n\nAccepted\n\nSupersedes :ref:`old-naming`\n\n"
                                              "Supersedes :ref:`Older one <ADR-2>`\n")
    result = run_cli(["list", "--json"], tmp_path)
    data = {d["id"]: d for d in json.loads(result.out)}
    for old in ("0001", "0002", "0003"):
        assert data[old]["status"] == "superseded" and data[old]["superseded_by"] == ["0004"], data[old]
    assert data["0004"]["supersedes"] == ["0001", "0002"]
    assert data["0004"]["links"][0] == {"relation": "supersedes", "target": "old-naming", "id": "0001"}
    assert data["0003"]["links"] == [{"relation": "superseded-by", "target": "0004-new.rst", "id": "0004"}]


def test_sections_have_the_files_line_numbers(tmp_path):
    lines = EVENTS.splitlines(keepends=True)
    found = rst.sections(lines)
    assert [(s.heading, s.level, s.line) for s in found] == [
        ("", 0, 1), ("2. Events naming and versioning", 1, 4), ("Status", 2, 7), ("Context", 2, 18), ("Decision", 2, 23)]
    context = found[3]
    assert (context.start, context.end) == (19, 22) and context.text == "\nThe name of an event follows the `type format`_.\n\n"


def test_markdown_rendering_reads_like_the_record():
    md = rst.to_markdown(EVENTS)
    assert md.startswith("# 2. Events naming and versioning\n\n## Status\n\n**Accepted** *2023-06-09*\n")
    assert "[type format](https://example.org/oep-41)" in md  # the named target, resolved
    assert "TODO" not in md and "Standard statuses" not in md  # comments are not content
    assert "1. Names are strings." in md
    code = rst.to_markdown("Title\n=====\n\nExample::\n\n    x = 1\n\n.. note::\n\n   Careful.\n\n:ref:`ADR-2` and :doc:`0004-new`\n")
    assert "```\nx = 1\n```" in code and "> **Note:** Careful." in code and "ADR-2 and 0004-new" in code


def test_edits_are_surgical_and_in_rst_syntax(tmp_path):
    folder(tmp_path)
    path = tmp_path / FOLDER / "0002-events-naming-and-versioning.rst"
    before = path.read_text()
    assert run_cli(["tag", "2", "--choice", "deliberate", "--door", "one-way"], tmp_path).code == 0
    assert run_cli(["status", "6", "accepted"], tmp_path).code == 0
    assert run_cli(["supersede", "2", "153"], tmp_path).code == 0
    after = path.read_text()
    # A field list under the title (docutils' docinfo), the status keeps its bold, one link paragraph.
    assert after == before.replace("##################################\n\nStatus",
                                   "##################################\n\n:Choice: deliberate\n:Door: one-way\n\nStatus").replace(
        "**Accepted** *2023-06-09*\n", "**Superseded**\n\nSuperseded by :doc:`0153-run-uuid`\n")
    # 0153 already says `:Supersedes: :ref:\`ADR-2\``: that is 0002, by its label, so it is left alone
    assert (tmp_path / FOLDER / "0153-run-uuid.rst").read_text() == FIELDS
    provisional = (tmp_path / FOLDER / "0006-content-security-policy-middleware.rst").read_text()
    assert provisional == PROVISIONAL.replace("Provisional (2023-04-07)", "Accepted").replace(
        "#####\n\nStatus", f"#####\n\n:Date: {__import__('datetime').date.today().isoformat()}\n\nStatus")
    repo = store.load(tmp_path)
    old = repo.resolve("2")
    assert old.status is Status.SUPERSEDED and repo.resolve_link(old, old.superseded_by[0]).id == "0153"
    assert (old.choice.value, old.door.value) == ("deliberate", "one-way")
    assert rst_write.remove_link(after, Relation.SUPERSEDED_BY, {"0153-run-uuid.rst"}) == after.replace(
        "\n\nSuperseded by :doc:`0153-run-uuid`", "")
    # a record whose metadata is a field list gets its links as fields
    fields = rst_write.add_link(FIELDS, Relation.AMENDS, "0008", "x", "0008-content-flexibility.rst")
    assert fields == FIELDS.replace(":Authors: Netresearch DTT GmbH\n",
                                    ":Authors: Netresearch DTT GmbH\n:Amends: :doc:`0008-content-flexibility`\n")
    again = rst_write.add_link(fields, Relation.SUPERSEDES, "0009", "x", "0009-y.rst")
    assert ":Supersedes: :ref:`ADR-2`, :doc:`0009-y`\n" in again


def test_new_record_in_an_rst_folder_is_rst_in_the_folders_adornments(tmp_path):
    write(tmp_path / FOLDER / "0001-purpose-of-this-repo.rst",
          "0001 Purpose of This Repo\n#########################\n\nStatus\n******\n\n**Draft**\n")
    result = run_cli(["new", "Use Kafka", "--choice", "arbitrary", "--door", "two-way"], tmp_path)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == f"created {FOLDER}/0002-use-kafka.rst"
    text = (tmp_path / FOLDER / "0002-use-kafka.rst").read_text()
    assert text.startswith("2. Use Kafka\n############\n\n:Date: ") and "\nStatus\n******\n\nProposed\n" in text
    record = store.load(tmp_path).resolve("2")
    assert (record.dialect, record.status, record.choice.value, record.door.value) == ("rst", Status.PROPOSED, "arbitrary", "two-way")
    assert rst.sections(text.splitlines(keepends=True))[-1].heading == "Decision"  # the quick form for arbitrary two-way


def test_the_whole_tool_works_on_an_rst_folder(tmp_path):
    folder(tmp_path)
    for command in (["show", "2"], ["lint"], ["toc"], ["graph"], ["digest"], ["review", "--all"]):
        result = run_cli(command, tmp_path)
        assert result.code in (0, 1) and "Traceback" not in result.err, (command, result.err)
    assert "Events naming and versioning" in run_cli(["toc"], tmp_path).out
    assert "Extract: Names are strings." in run_cli(["digest"], tmp_path).out
    rows = [line.split() for line in run_cli(["list"], tmp_path).out.splitlines()]
    assert ["0009-monitoring-by-code-own…", "document", "0009-monitoring-by-code-owner"] in rows  # listed, as a document

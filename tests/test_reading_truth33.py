"""Reading misses seen on the thirty-third and thirty-fourth sets (bench/reading/truth33.jsonl, scored once at aa8d264,
and truth34.jsonl, at ef0766b; development sets since), each fixed by a general rule (bench/reading/DEFINITIONS.md,
"Added for truth33" and "Added for truth34"), and the writes that go with them: a status written where it is read
from.

Each fixture is our own file reproducing a pattern seen in a real public folder, named in its comment
(repository, commit, path).
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli, write
from tests.test_reading_truth6 import records
from tests.test_reading_truth27 import folder, linked

# Arbeidstilsynet/design 1c6a025d6dca docs/adr/adr-0002-pakkeversjonering.md: a status checklist ticked as each state
# was reached.
NORWEGIAN = ("- [x] Foreslått (dato: 2025-06-02)\n- [x] Akseptert (dato: 2025-06-10)\n- [ ] Avvist (dato: ÅÅÅÅ-MM-DD)\n"
             "- [ ] Erstattet (dato: ÅÅÅÅ-MM-DD) _lenke til ADR som erstatter denne_\n")
ENGLISH = "- [x] Proposed (date: 2025-06-02)\n- [x] Accepted (date: 2025-06-10)\n- [ ] Rejected (date: YYYY-MM-DD)\n"


def checklist_record(boxes: str, section: str = "Kontekst") -> str:
    return f"# 0002 - Pakkeversjonering\n\n## Status\n\n{boxes}\n## {section}\n\nHvorfor.\n"


@pytest.mark.parametrize("boxes, status, date", [
    (NORWEGIAN, "accepted", "2025-06-02"),
    (ENGLISH, "accepted", "2025-06-02"),
    ("- [x] Proposed (date: 2025-06-02)\n- [ ] Accepted\n- [ ] Rejected\n", "proposed", "2025-06-02"),
    ("- [ ] Proposed\n- [x] Accepted\n- [ ] Rejected\n", "accepted", None),  # one box ticked, as before
])
def test_a_checklist_ticked_as_states_were_reached_is_a_log(tmp_path, boxes, status, date):
    write(tmp_path / "docs/adr/adr-0002-pakkeversjonering.md", checklist_record(boxes))
    got = records(tmp_path)["adr-0002-pakkeversjonering.md"]
    assert (got["status"], got["date"]) == (status, date)


def test_a_status_set_on_a_checklist_log_ticks_its_box_and_unticks_the_later_ones(tmp_path):
    path = write(tmp_path / "docs/adr/adr-0002-pakkeversjonering.md", checklist_record(ENGLISH))
    assert run_cli(["status", "2", "rejected", "--force"], tmp_path).code == 0
    assert path.read_text(encoding="utf-8") == checklist_record(ENGLISH.replace("[ ] Rejected", "[x] Rejected"))
    assert records(tmp_path)["adr-0002-pakkeversjonering.md"]["status"] == "rejected"
    assert run_cli(["status", "2", "proposed", "--force"], tmp_path).code == 0
    assert path.read_text(encoding="utf-8") == checklist_record(ENGLISH.replace("[x] Accepted", "[ ] Accepted"))
    assert records(tmp_path)["adr-0002-pakkeversjonering.md"]["status"] == "proposed"


# greenriver/hmis-warehouse 2bb2a18d9449 docs/adr/0002-pii-management-strategy.md (`- Current Status: Accepted` in
# the Status section) and 0004-identity-management.md (`# ADR 0004 [Zitadel, Dex, and Oauth2-Proxy as ...]`).
def labelled_status(title: str, status_lines: str) -> str:
    return f"# {title}\n\n## Status\n\n{status_lines}\n## Context\n\nWhy.\n"


@pytest.mark.parametrize("lines, after", [
    ("- Current Status: Accepted\n- Date of last update: 2024-11-26\n- Decision-makers: OP team\n",
     "- Current Status: Deprecated\n- Date of last update: 2024-11-26\n- Decision-makers: OP team\n"),
    ("- Status: Accepted\n- Date: 2024-11-26\n", "- Status: Deprecated\n- Date: 2024-11-26\n"),
])
def test_a_labelled_status_line_is_read_and_written_in_place(tmp_path, lines, after):
    path = write(tmp_path / "docs/adr/0002-pii.md", labelled_status("ADR 0002: PII Management Strategy", lines))
    assert records(tmp_path)["0002-pii.md"]["status"] == "accepted"
    assert run_cli(["status", "2", "deprecated"], tmp_path).code == 0
    assert path.read_text(encoding="utf-8") == labelled_status("ADR 0002: PII Management Strategy", after)
    assert records(tmp_path)["0002-pii.md"]["status"] == "deprecated"


@pytest.mark.parametrize("title, expected, is_record", [
    ("ADR 0004 [Zitadel, Dex, and Oauth2-Proxy as a Single Authentication Mechanism]",
     "Zitadel, Dex, and Oauth2-Proxy as a Single Authentication Mechanism", True),
    ("ADR 0004: Use [Dex](https://dexidp.io) for login", "Use Dex for login", True),
    ("ADR-0004: [短いタイトル]", None, False),  # the folder's template, as before (truth11)
])
def test_a_title_in_the_templates_brackets_after_its_number(tmp_path, title, expected, is_record):
    write(tmp_path / "docs/adr/0004-identity.md", labelled_status(title, "- Current Status: Superseded\n"))
    got = records(tmp_path).get("0004-identity.md")
    assert (got is not None) == is_record
    assert got is None or got["title"] == expected


# DDGG0531/try_chatbot_mono b28f0ca2b88f docs/adr/0002-state-management.md: `- 關聯：ADR-0001（前端架構）、ADR-0003（路由／權限）`.
@pytest.mark.parametrize("label", ["關聯", "关联"])
def test_a_chinese_association_label_relates_each_record_it_names(tmp_path, label):
    folder(tmp_path, "Why.")
    write(tmp_path / "docs/decisions/0012-this.md", f"# ADR 0012：狀態管理\n\n- 狀態：提案（Proposed）\n- 日期：2025-09-07\n"
          f"- {label}：ADR-0005（前端架構）、ADR-0011（路由／權限）\n\n## Context\n\nWhy.\n")
    assert linked(tmp_path, "0012-this.md") == [("relates-to", "0005"), ("relates-to", "0011")]


# Aloews/sherlock-scholes- docs/ADR/0001-record-architecture-decisions.md: `- **Related:** [Engineering Constitution]
# (../ENGINEERING_CONSTITUTION.md)`, a page above an upper-case ADR folder; Arbeidstilsynet/design's
# `## Relaterte dokumenter` over `- [adr-0001-repo-init.md](adr-0001-repo-init.md)` and `- [RELEASE.md](../../RELEASE.md)`.
@pytest.mark.parametrize("folder_name", ["docs/ADR", "docs/adr"])
def test_a_related_page_above_the_adr_folder_is_no_record(tmp_path, folder_name):
    write(tmp_path / ".adrtool.toml", f'dirs = ["{folder_name}"]\n')
    write(tmp_path / f"{folder_name}/0002-other.md", "# 2. Other\n\n- **Status:** Accepted\n\n## Context\n\nWhy.\n")
    write(tmp_path / f"{folder_name}/0001-record.md", "# 1. Record\n\n- **Status:** Accepted\n- **Related:** "
          "[Engineering Constitution](../ENGINEERING_CONSTITUTION.md), [Other](0002-other.md)\n\n## Context\n\nWhy.\n")
    assert linked(tmp_path, "0001-record.md") == [("relates-to", "0002")]


def test_a_norwegian_related_documents_section_relates(tmp_path):
    write(tmp_path / "docs/adr/adr-0001-repo-init.md", "# 0001 - Repo init\n\n## Status\n\n- [x] Akseptert\n- [ ] Avvist\n")
    write(tmp_path / "docs/adr/adr-0002-pakkeversjonering.md", checklist_record(
        NORWEGIAN, "Relaterte dokumenter\n\n- [adr-0001-repo-init.md](adr-0001-repo-init.md)\n- [RELEASE.md](../../RELEASE.md)\n\n"
        "## Notater"))
    assert linked(tmp_path, "adr-0002-pakkeversjonering.md") == [("relates-to", "0001")]


# truth34 (scored once at ef0766b): LayeredCraft/compono 1fdae74bbc32 docs/adr/0013-*.md titles each record
# `# [ADR-0013] Collection Generation Semantics`; IvanFerroli/WatchDog 0db8aa08af79 docs/adr/ADR-001-*.md keeps its
# fields as a bulleted list under `## Metadata`.
@pytest.mark.parametrize("title, expected", [
    ("[ADR-0013] Collection Generation Semantics", "Collection Generation Semantics"),
    ("[0013]: Collection Generation Semantics", "Collection Generation Semantics"),
    ("[Superseded] Collection Generation Semantics", "Collection Generation Semantics"),
    ("[Collection Generation Semantics]", "Collection Generation Semantics"),
])
def test_a_bracketed_id_before_the_title_is_the_documents_number(tmp_path, title, expected):
    write(tmp_path / "docs/adr/0013-collection.md", f"# {title}\n\n**Status:** Accepted\n\n## Context\n\nWhy.\n")
    assert records(tmp_path)["0013-collection.md"]["title"] == expected


@pytest.mark.parametrize("block, status", [
    ("- status: accepted\n- owner: pipeline\n- last-updated: 2026-04-29\n", "accepted"),
    ("* Status: Proposed\n* Owner: pipeline\n", "proposed"),
    ("We keep no fields here: status is what the team says.\n", "unknown"),  # prose, no metadata block
])
def test_a_bulleted_metadata_section_under_the_title_gives_the_fields(tmp_path, block, status):
    write(tmp_path / "docs/adr/ADR-001-governanca.md", f"# ADR-001 - Governanca Documental\n\n## Metadata\n{block}\n"
          "## Contexto\n\nPor quê.\n")
    assert records(tmp_path)["ADR-001-governanca.md"]["status"] == status


# truth35 (scored once at 7f23bed): ArtheosClub/Bizzi_Project docs/adr/0007-*.md, `This ADR formally supersedes
# **ADR-0002**, whose Status header is updated to ...`.
@pytest.mark.parametrize("body, expected", [
    ("This ADR formally supersedes **ADR-0005**, whose status is updated.", [("supersedes", "0005")]),
    ("This decision also amends ADR-0005.", [("amends", "0005")]),
    ("This supply supersedes ADR-0005 in the plan.", []),  # a noun ending in -ly is no adverb of this record's verb
])
def test_an_adverb_before_this_records_verb(tmp_path, body, expected):
    folder(tmp_path, body)
    assert linked(tmp_path, "0012-this.md") == expected

"""Records in every language phodal's `adr` writes: read, and edited in the record's own language.

Each fixture reproduces what `adr new` writes from its template (npm `adr` 1.5.2,
lib/templates/<language>.md) after `adr status` added an entry, the status word
being the one its lib/helpers/i18n.js offers for that language.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from adrtool import store
from adrtool.model import Status
from tests.conftest import run_cli, write

# language, date label, status heading, first entry, second entry (accepted or done), word adrtool writes for "deprecated"
LANGUAGES = [
    ("zh-cn", "日期", "状态", "2017-11-22 提议", "2017-11-26 完成", "已弃用"),
    ("en", "Date", "Status", "2019-12-17 proposed", "2019-12-20 done", "deprecated"),
    ("pt-br", "Data", "Status", "2021-03-01 proposto", "2021-03-05 aceito", "descontinuado"),
    ("it-IT", "Data", "Stato", "2021-03-01 proposta", "2021-03-05 accettata", "deprecata"),
    ("fa", "تاریخ", "وضعیت", "2021-03-01 پیشنهاد شده", "2021-03-05 پذیرفته شده", "منسوخ"),
    ("fr", "Date", "Statut", "2021-03-01 proposé", "2021-03-05 accepté", "déprécié"),
    ("ru", "Дата", "Статус", "Предложено: 2021-03-01", "Принято: 2021-03-05", "Устарело"),
]


def first_date(entry: str) -> str:
    return entry[:10] if entry[0].isdigit() else entry[-10:]


def record(label: str, heading: str, *entries: str) -> str:
    log = "\n\n".join(entries)
    return f"# 1. Title\n\n{label}: {first_date(entries[0])}\n\n## {heading}\n\n{log}\n\n## Next\n\nx\n"


@pytest.mark.parametrize("language, label, heading, first, second, deprecated", LANGUAGES)
def test_every_language_reads_and_writes_in_its_own_words(tmp_path, language, label, heading, first, second, deprecated):
    write(tmp_path / ".adr.json", json.dumps({"language": language, "path": "docs/adr/"}))
    path = write(tmp_path / "docs/adr/0001-title.md", record(label, heading, first, second))
    repo = store.load(tmp_path)
    d = repo.resolve("1")
    assert (d.title, d.status, d.dialect) == ("Title", Status.ACCEPTED, "phodal")  # the last entry counts
    assert d.date == first_date(first)
    assert run_cli(["status", "1", "deprecated", "--force"], tmp_path).code == 0
    today = dt.date.today().isoformat()
    entry = f"{deprecated}: {today}" if language == "ru" else f"{today} {deprecated}"
    assert path.read_text() == record(label, heading, first, second, entry)  # a new paragraph, as `adr status` writes
    assert store.load(tmp_path).resolve("1").status is Status.DEPRECATED


def test_a_line_listing_the_values_is_not_an_entry(tmp_path):
    # phodal/adr 0009: "列表：提议/通过/完成/已弃用/已取代" above the log.
    write(tmp_path / "docs/adr/0009-x.md", "# 9. 提供多语言支持\n\n日期: 2017-11-23\n\n## 状态\n\n"
                                          "列表：提议/通过/完成/已弃用/已取代\n\n2017-11-23 提议\n\n2017-11-23 通过\n")
    d = store.load(tmp_path).resolve("9")
    assert (d.status, d.dialect, d.date) == (Status.ACCEPTED, "phodal", "2017-11-23")


def test_an_english_log_outside_a_phodal_folder_stays_adr_tools(tmp_path):
    # An adr-tools folder whose team writes dated entries: Nygard, edited as Nygard.
    write(tmp_path / ".adr-dir", "doc/adr\n")
    write(tmp_path / "doc/adr/0001-x.md", "# 1. X\n\nDate: 2024-01-10\n\n## Status\n\n2024-01-10 proposed\n")
    assert store.load(tmp_path).resolve("1").dialect == "nygard"

"""The words of the languages phodal's `adr` (npm package `adr`) writes records in.

Its templates (`lib/templates/<language>.md`) and `lib/helpers/i18n.js` give,
for each language, the heading of the status section, the date label, the
other section names and the five status words `adr status` offers.  Reading
uses them to recognise a record in any of these languages; writing uses them
so that a record adrtool edits or creates in such a folder stays one phodal's
`adr list` and `adr logs` read (it matches the status heading exactly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # as `.adr.json` spells it
    status_heading: str
    date_label: str
    # Heading of the context, decision and consequences sections of the template.
    sections: tuple[str, str, str]
    # proposed, accepted, done, deprecated, superseded: the words `adr status` writes.
    statuses: tuple[str, str, str, str, str]
    # The first status entry of a new record: "{date} proposed", or "Предложено: {date}" in Russian.
    word_first: bool = False


PHODAL: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "Status", "Date", ("Context", "Decision", "Consequences"),
                 ("proposed", "accepted", "done", "deprecated", "superseded")),
        Language("zh-cn", "状态", "日期", ("背景", "决策", "后果"), ("提议", "通过", "完成", "已弃用", "已取代")),
        Language("pt-br", "Status", "Data", ("Contexto", "Decisão", "Consequência"),
                 ("proposto", "aceito", "finalizado", "descontinuado", "cancelado")),
        Language("it-IT", "Stato", "Data", ("Contesto", "Decisione", "Conseguenze"),
                 ("proposta", "accettata", "implementata", "deprecata", "sostituita")),
        Language("fa", "وضعیت", "تاریخ", ("زمینه", "تصمیم", "نتایج"),
                 ("پیشنهاد شده", "پذیرفته شده", "پیاده شده", "منسوخ", "جایگزین شده")),
        Language("fr", "Statut", "Date", ("Contexte", "Décision", "Conséquences"),
                 ("proposé", "accepté", "terminé", "déprécié", "remplacé")),
        Language("ru", "Статус", "Дата", ("Контекст", "Решение", "Последствия"),
                 ("Предложено", "Принято", "Реализовано", "Устарело", "Изменено"), word_first=True),
    )
}
# The order of Language.statuses, as status categories (done is accepted: it was carried out).
STATUS_SLOTS = ("proposed", "accepted", "accepted", "deprecated", "superseded")


def language(code: str | None) -> Language:
    """The language `.adr.json` names (case-insensitive; 'chinese' is zh-cn as `adr init` has it), else English."""
    if code:
        wanted = code.strip().lower()
        if wanted in ("chinese", "zh", "zh_cn"):
            wanted = "zh-cn"
        for lang in PHODAL.values():
            if lang.code.lower() == wanted or lang.code.lower().split("-")[0] == wanted:
                return lang
    return PHODAL["en"]


def status_word(lang: Language, status: str) -> str:
    """The word `adr status` would write for a status category ('accepted' -> '通过')."""
    for slot, word in zip(STATUS_SLOTS, lang.statuses):
        if slot == status:
            return word
    return status


def from_status_heading(heading: str, date_label: str | None = None) -> Language | None:
    """The language whose status heading this is ('状态' -> zh-cn); 'Status' is English unless the date label is 'Data'."""
    text = heading.strip().strip("#").strip()
    found = [lang for lang in PHODAL.values() if lang.status_heading.lower() == text.lower()]
    if len(found) > 1 and date_label:
        narrowed = [lang for lang in found if lang.date_label.lower() == date_label.strip().lower()]
        found = narrowed or found
    return found[0] if found else None


def all_status_words() -> dict[str, str]:
    """Every language's status word (lower case) -> its category."""
    out: dict[str, str] = {}
    for lang in PHODAL.values():
        for slot, word in zip(STATUS_SLOTS, lang.statuses):
            out[word.lower()] = slot
    return out


# Labels of the day a record was made or decided, besides the Date label: Japanese 作成日 (created), 決定日 (decided).
# Created / decided: Japanese, and Chinese (dreamlx/evolvai 995cac703b72 docs/development/architecture/adrs/004-*.md:
# `**创建日期**: 2025-10-30` under the title, beside `**状态**:`).
# English too, as a closing footer after a rule: `**Decision Date**: 2026-01-19` over `**Review Date**:` (dylanmarriner/
# ATLAS-GATE-MCP e3fa03511455 adr/001-dual-role-governance.md; its front matter's `last_updated` is no decision date).
MADE_LABELS = ("作成日", "決定日", "创建日期", "創建日期", "Decision Date", "Decision date")
# A front-matter key saying when the record was made is its date, as `date:` is, unless `date:` is there too; the
# `updated:` beside it is no decision date (buenhyden/hy-home.docker d6cac43d7765 docs/02.architecture/decisions/adr-0001-*.md:
# `created: 2026-03-26`, `updated: 2026-08-10`). Front matter only: a `Created:` line in a body is read as it was.
# `timestamp:` too, a record's only date key beside `title:` and `tags:` (llevasseur/claude-proxy a29fb9089419
# docs/adrs/0003-allow-narrowly-scoped-writes-in-the-local-server.md: `timestamp: 2026-07-28`).
CREATED_KEYS = ("created", "timestamp", "creado", "fecha de creación", "criado", "creato", "erstellt", "créé", "создано", "作成日", "创建日期")
# Labels of hand-written records in languages phodal's `adr` has no template for.  Vietnamese (rflibrary/
# rf-library-meta-os fbebcc12badf docs/adrs/0001-*.md: `**Trạng thái:** Được chấp nhận (Accepted)`, `**Ngày:** 2026-06-14`
# under the title): the status, and the date with its decided / created forms (`Ngày cập nhật`, updated, is none).
# Japanese: ステータス and 状態 (status), 日付 (date), 承認日 (the day it was approved).
OTHER_STATUS_LABELS = ("trạng thái", "tình trạng", "ステータス", "状態")
OTHER_DATE_LABELS = ("ngày", "ngày quyết định", "ngày tạo", "ngày lập", "ngày ban hành", "日付", "承認日")
# Vietnamese statuses, phrases of several words (rflibrary/rf-library-meta-os fbebcc12badf docs/adrs/0001-*.md:
# `**Trạng thái:** Được chấp nhận (Accepted)`), by category.  "Thay thế" alone is none: `Thay thế ADR-0001` replaces
# another, the passive is `bị` / `được thay thế`.
STATUS_PHRASES = {
    "proposed": ("đề xuất", "đang đề xuất", "được đề xuất", "đề nghị", "dự thảo", "bản nháp", "đang xem xét",
                 "chờ duyệt", "chờ phê duyệt"),
    "accepted": ("được chấp nhận", "đã được chấp nhận", "đã chấp nhận", "chấp nhận", "được phê duyệt", "đã phê duyệt",
                 "phê duyệt", "đã duyệt", "đã thông qua", "thông qua", "đã triển khai", "hoàn thành", "đã hoàn thành"),
    "rejected": ("bị từ chối", "đã bị từ chối", "đã từ chối", "từ chối", "bị bác bỏ", "bác bỏ"),
    "deprecated": ("lỗi thời", "đã lỗi thời", "ngừng sử dụng", "đã ngừng sử dụng", "không còn sử dụng",
                   "không dùng nữa", "không còn dùng"),
    "superseded": ("bị thay thế", "đã bị thay thế", "được thay thế", "đã được thay thế"),
}
DATE_LABELS = sorted({lang.date_label.lower() for lang in PHODAL.values()})
STATUS_HEADINGS = sorted({lang.status_heading.lower() for lang in PHODAL.values()})


_TRANSLATION = re.compile(r"\s*[(（]([^()（）]+)[)）]\s*$")


def heading_names(text: str) -> tuple[str, ...]:
    """A bilingual heading's names, each lower-cased: `状态 (Status)` -> ('状态', 'status'), `背景（Context）` too.

    Teams writing in one language often give each heading its English name beside it (HaoranTong/ecommerce_platform
    126b8da8fe76 docs/adr/ADR-0001-调整功能需求和架构设计.md: `## 状态 (Status)`, `## 日期 (Date)`). A heading
    without a bracketed part is its one name.
    """
    m = _TRANSLATION.search(text) if ")" in text or "）" in text else None
    if m is None or m.start() == 0:
        return (text.strip().lower(),)
    return text[: m.start()].strip().lower(), m.group(1).strip().lower()

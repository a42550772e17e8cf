"""The words that name a status, in every language adrtool reads, folded as the status reader compares them.

Kept apart from `vocabulary` (which reads a status line with them) because the tables are long and grow with
each real folder in a new language; every entry names the folder it was seen in.
"""

from __future__ import annotations

import unicodedata

from adrtool import languages
from adrtool.model import Status


def strip_accents(text: str) -> str:
    if text.isascii():  # (NFKD leaves ASCII as it is, and no ASCII character combines: a loop a character saved)
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# ---- statuses ---------------------------------------------------------------

# First word(s) of a status, lower-cased and stripped of accents -> category.
# Other languages are listed only where the word is unambiguous.
STATUS_WORDS: dict[str, Status] = {}
for _category, _words in {
    Status.PROPOSED: (
        # (`Proprosed`, misspelt so under `## Status`: breakthrough-rc/wallchart dcf8705bacb8 doc/architecture/decisions/0004-*.md)
        "proposed proprosed draft pending in review inreview under review review wip open provisional incomplete "
        "hold deferred postponed vorschlag "
        # `- Status: trial`, a team trying ADRs out (fablabbcn/smartcitizen-api e813c667845d docs/adr/0000-*.md)
        "trial "
        "proposal suggested rfc new todo discussing discussion in progress "
        "vorgeschlagen entwurf propose proposee proposition brouillon propuesto propuesta borrador pendiente "
        "proposto proposta rascunho pendente bozza voorgesteld concept "
        "предложено предложен предложена черновик "
        "proponowany proponowana propozycja "  # (Polish)
        # Korean, written with spaces between words (KU-BIG/2026_SPRING-Fincoach f1b8ae89c285 docs/decisions/
        # 0001-*.md: `- 상태: 채택됨 (Accepted)`): proposed, and in the next lists adopted / approved, rejected,
        # deprecated, replaced.
        "제안됨 제안 "
        # Norwegian, Danish, Swedish (Arbeidstilsynet/design 1c6a025d6dca docs/adr/adr-0002-*.md: a `## Status` checklist,
        # `- [x] Foreslått (dato: ...)`, `- [x] Akseptert`, `- [ ] Avvist`, `- [ ] Erstattet`; DEFINITIONS, truth33)
        "foreslatt foreslaet foreslagen utkast"
    ),
    Status.ACCEPTED: (
        "accepted accept approved implemented adopted agreed done active decided "
        # (`**Status:** RESOLVED` over a stub whose open questions all moved to a record, as `Résolu`:
        # StefanMoCoAt/Meldestelle 76307ec79810 docs/01_Architecture/adr/000-PENDING-*.md.)
        "valid final ratified merged merge historical resolu resolved "
        # (`## Status` over `**FROZEN.** This decision is binding for future ... work`, FHoffarth/timonelo 74fb58c87a35
        # docs/adr/ADR-SA-001.md; DEFINITIONS, truth42: decided and closed to change, as Final.)
        "frozen "
        "akzeptiert angenommen genehmigt entscheid entschieden abgeschlossen umgesetzt "
        "accepte acceptee adopte termine aceptado aceptada "
        # Decided, to be implemented (`📋 **Planifié** - À implémenter`, dexteee-r/media-server-home 3e2ae1e703d2 013)
        "planifie geplant planificado planeado pianificato planejado "  # (not English `Planned`: a roadmap item's word)
        # (`## Statut` over `Implémenté et Validé le 29/01/2026.`, charchess/hAIrem fdd4c23d42d3
        # docs/architecture/decisions/001-*.md: implemented, as the English word is)
        "implemente implementee implementes implementado implementada "
        "aprobado aceito aceita aprovado finalizado accettato accettata approvato implementata implementato "
        "geaccepteerd aangenomen goedgekeurd "
        "принято принят принята реализовано утверждено "
        # Polish (IgorXDDD/HotPoll 1b92e9e58713 doc/adr/0002-modularny-monolit.md: `## Status` over `Zaakceptowany`).
        "zaakceptowany zaakceptowana zaakceptowano przyjety przyjeta zatwierdzony zatwierdzona "
        "채택됨 채택 승인됨 승인 "
        "akseptert godkjent vedtatt accepteret godkendt vedtaget accepterad godkand beslutad"
    ),
    Status.REJECTED: (
        "rejected declined refused abandoned dropped withdrawn discarded "
        "abgelehnt verworfen rejete refuse rechazado rejeitado recusado respinto "
        "rifiutato afgewezen afgekeurd отклонено отклонен odrzucony odrzucona 거부됨 기각됨 "
        "avvist avvisat afvist forkastet"
    ),
    Status.DEPRECATED: (
        "deprecated depreciated obsolete retired outdated archived revoked reverted "
        "veraltet abgekundigt obsolet deprecie obsolete obsoleto descontinuado "
        "deprecato deprecata verouderd устарело устарел przestarzały przestarzała 폐기됨"
    ),
    Status.SUPERSEDED: (
        "superseded superceded replaced ersetzt abgelost remplace remplacee "
        "reemplazado substituido substituida sustituido sustituida sostituito sostituita vervangen cancelado изменено заменено zastapiony zastapiona "
        # "Exceeded by <record>", one team's word for superseded by (Altinn/altinn-studio docs/adr/2025-09-04-*.md).
        "exceeded 대체됨 "
        "erstattet ersatt"
    ),
}.items():
    for _word in _words.split():
        STATUS_WORDS[_word] = _category
        # As _clean leaves it: NFKD splits a Hangul syllable into its letters (채택됨 -> jamo).
        STATUS_WORDS.setdefault(strip_accents(_word), _category)
# Every word phodal's `adr` writes, in each of its languages ("Cancelado" is its pt-br "superseded").
for _word, _slot in languages.all_status_words().items():
    STATUS_WORDS.setdefault(strip_accents(_word) if _word.isascii() else _word, Status(_slot))
# Multi-word phrases matched before single words.
STATUS_PHRASES = [
    ("in review", Status.PROPOSED),
    ("under review", Status.PROPOSED),
    ("in progress", Status.PROPOSED),
    ("in effect", Status.ACCEPTED),  # (a phrase: the word "in" alone once read as accepted, "In Arbeit" too)
    ("in arbeit", Status.PROPOSED),
    ("on hold", Status.PROPOSED),
    # Work stopped for now, as on hold (RDXFGXY1/OnyxGhostCam a0bdfdb8882a docs/decisions/0003-*.md: `Status: Paused
    # (steps 1a-1c done; 1d blocked)`; DEFINITIONS, truth26).
    ("paused", Status.PROPOSED),
    # Stopped, as paused; not approved, rejected (Chamonex/class-to-web doc/adr/0004-Backend.md `Stopped`,
    # 0003-DevContainer.md `Not Approved`, under `## Status`; DEFINITIONS, truth31).
    ("stopped", Status.PROPOSED),
    ("not approved", Status.REJECTED),
    # Decided, its implementation pending (`**Status:** To be implemented`, ActiDoo/actidoo-workflow-engine
    # fd7d9ac16c7d docs/adr/adr_010_*.md; DEFINITIONS, truth19): accepted, in the languages beside it too.
    ("to be implemented", Status.ACCEPTED),
    ("a implementer", Status.ACCEPTED),
    ("por implementar", Status.ACCEPTED),
    ("work in progress", Status.PROPOSED),
    # Still to be talked over or settled (`### Status` over `To be discussed with wider team`, DFE-Digital/find-information-
    # about-academies-and-trusts 0ab17cad649b docs/adrs/0008-release-notes.md; DEFINITIONS, truth23): proposed, as
    # `In active discussion` is; `to be implemented`, decided, is above.
    ("to be discussed", Status.PROPOSED),
    ("to be decided", Status.PROPOSED),
    ("to be agreed", Status.PROPOSED),
    ("to be reviewed", Status.PROPOSED),
    ("to be confirmed", Status.PROPOSED),
    ("to be approved", Status.PROPOSED),
]
# Statuses written as phrases of several words (Vietnamese: languages.STATUS_PHRASES), looked up by the text's first
# word, folded as _clean leaves it, so that a status of one English word pays one dict look-up for them.
PHRASES_BY_FIRST_WORD: dict[str, list[tuple[str, Status]]] = {}
for _slot, _phrases in languages.STATUS_PHRASES.items():
    for _phrase in map(strip_accents, _phrases):
        PHRASES_BY_FIRST_WORD.setdefault(_phrase.split()[0], []).append((_phrase, Status(_slot)))
for _list in PHRASES_BY_FIRST_WORD.values():
    _list.sort(key=lambda item: -len(item[0]))  # "đã bị từ chối" before "đã ..."
# Scripts written without spaces: a status is the start of the text ("已弃用，被 ADR-5 取代").
CJK_WORDS = sorted({
    **{w: Status.PROPOSED for w in "提议 已提议 提案 草案 草稿 讨论中 评审中 审核中 建议 提議 草稿 検討中 保留".split()},
    # Japanese beside the Chinese (kai-5908/harmony-study-app 7e08c5f6d508 docs/ADR/*.md: `提案中`, `承認`, `承認済み`):
    # awaiting approval or under review is proposed, not the 承認 it opens with; done, implemented, withdrawn, not adopted.
    **{w: Status.PROPOSED for w in "承認待ち 未承認 下書き レビュー中 審議中 議論中".split()},
    **{w: Status.ACCEPTED for w in "通过 已通过 通過 接受 已接受 采纳 已采纳 採用 批准 已批准 完成 已完成 实施 已实施 生效 已生效 承認 承认 決定 决定".split()},
    # Simplified 采用 ("adopted"), as traditional 採用 (3311930677/Intelligent-Input-Method-v2 docs/adr/0008-*.md: `- 状态：P3C 已采用`).
    **{w: Status.ACCEPTED for w in "采用 已采用".split()},
    **{w: Status.ACCEPTED for w in "採択 合意 完了 実装済み 適用済み 承諾".split()},
    **{w: Status.REJECTED for w in "拒绝 已拒绝 否决 已否决 拒絶 却下 驳回 不采纳 否認 不採用 不采用 未采用 非採用 取り下げ 撤回".split()},
    **{w: Status.DEPRECATED for w in "已弃用 弃用 废弃 已废弃 過時 过时 已过时 廃止 非推奨 作废 已作废 廃止済み 使用中止".split()},
    **{w: Status.SUPERSEDED for w in "已取代 取代 被取代 已替代 替代 被替代 已替换 被替换 置き換え 置換 置き換え済み 代替済み".split()},
}.items(), key=lambda item: -len(item[0]))
# As _clean leaves kana: NFKD splits the voiced mark off (レビュー中 -> レヒュー中, 取り下げ -> 取り下け).
CJK_WORDS = sorted({**{strip_accents(w): c for w, c in CJK_WORDS}, **dict(CJK_WORDS)}.items(), key=lambda item: -len(item[0]))

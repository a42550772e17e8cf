"""The reasoning card as plain text: what `adrtool review --explain ID` prints.

    0007 Use Kafka for events (decisions/0007-use-kafka.md)
    judged as deliberate/one-way (tags)
      decision         found   stated under "Decision"
                       12: We will use Kafka, because it keeps a replayable log.
      alternatives     thin    an alternative is dismissed only briefly
    ...
"""

from __future__ import annotations

from adrtool.reasoning.card import ESSENTIALS, SUPPORTS, Card

_BASIS = {"tags": "as tagged", "default": "untagged: judged as the quadrant that owes the most",
          "estimate": "by its estimated quadrant"}
_MARK = {"found": "found", "thin": "thin", "absent": "ABSENT"}
QUOTE_WIDTH = 110


def render(card: Card) -> str:
    title = f" {card.title}" if card.title else ""
    out = [f"{card.decision_id}{title} ({card.path})",
           f"judged as {card.quadrant} ({_BASIS.get(card.basis, card.basis)})"]
    if card.closed:
        out.append("closed (superseded, deprecated or rejected): history, not judged on its reasoning")
    if card.unfilled:
        out.append("unfilled: the record is still its template")
    for heading, names in (("essentials", ESSENTIALS), ("supports", SUPPORTS)):
        out.append(f"  {heading}:")
        for name in names:
            item = card.get(name)
            if item is None:
                continue
            ai = " [ai]" if item.source == "ai" else ""
            out.append(f"    {name:<16} {_MARK.get(item.state, item.state):<7} {item.summary}{ai}")
            for quote in item.quotes:
                out.append(f"    {'':<16} {'':<7} {quote.line}: {_clip(quote.text.strip())}")
    if card.remarks:
        out.append("  wording:")
        for remark in card.remarks:
            where = f" (line {remark.quotes[0].line})" if remark.quotes else ""
            out.append(f"    {remark.name:<16} \"{remark.summary}\"{where}")
    return "\n".join(out) + "\n"


def _clip(text: str) -> str:
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"

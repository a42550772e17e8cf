"""The one home of the reasoning verdict: what a decision's text shows of the thought behind it.

The offline rubric (`adrtool.review`) and the optional AI judge (`adrtool.ai`)
are two sources of one verdict.  Both feed and read the types here; this
package imports neither of them, so `review/` never needs `ai/`.

- `card`: the reasoning card (four essentials and the supports, each
  found / thin / absent with the quoted line it rests on);
- `read_card(decision, repo)`: the offline card for one decision (`essentials`,
  by strong and weak signals; the supports in `supports`), read from its lines
  (`record_text`, "Context: ..." paragraphs read as sections by `labelled_sections`)
  cut into sentences (`sentences`), options (`options`), cue
  words (`cues`) and section meanings (`meaning`), template text left out
  (`template_text`);
- `render_card(card)`: the card as text;
- `quadrant.judged_quadrant(decision)`: the quadrant a decision is judged in.
"""

from __future__ import annotations

from adrtool.reasoning.card import ABSENT, ESSENTIALS, FOUND, SUPPORTS, THIN, Card, Item, Quote

__all__ = ["ABSENT", "ESSENTIALS", "FOUND", "SUPPORTS", "THIN", "Card", "Item", "Quote", "read_card", "render_card"]


def read_card(decision, repo=None, history=None) -> Card:
    """The offline reasoning card of `decision` (its file text is read through `repo` when given;
    `history`, its `adrtool.history.History`, tells the author apart from the other decision-makers)."""
    from adrtool.reasoning import essentials

    return essentials.read_card(decision, repo, history)


def render_card(card: Card) -> str:
    """The card as plain text (what `adrtool review --explain ID` prints)."""
    from adrtool.reasoning import card_text

    return card_text.render(card)

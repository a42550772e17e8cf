"""The one home of the reasoning verdict: what a decision's text shows of the thought behind it.

The offline rubric (`adrtool.review`) and the optional AI judge (`adrtool.ai`)
are two sources of one verdict.  Both feed and read the types here; this
package imports neither of them, so `review/` never needs `ai/`.

- `card`: the reasoning card (four essentials and the supports, each
  found / thin / absent with the quoted line it rests on);
- `read_card(decision, repo)`: the offline card for one decision.
"""

from __future__ import annotations

from adrtool.reasoning.card import ABSENT, ESSENTIALS, FOUND, SUPPORTS, THIN, Card, Item, Quote

__all__ = ["ABSENT", "ESSENTIALS", "FOUND", "SUPPORTS", "THIN", "Card", "Item", "Quote", "read_card"]


def read_card(decision, repo=None) -> Card:
    """The offline reasoning card of `decision` (its file text is read through `repo` when given)."""
    from adrtool.reasoning import essentials

    return essentials.read_card(decision, repo)

"""A MADR front matter's `links:` list: entries that each name a relation and a record by its id.

    links:
      - type: relates-to
        target: 10

or the flow form `links: [{type: relates-to, target: 12}]` (Atypical-Consulting/Koine a408f7d3ec83 adr/0001-*.md).
Each entry is typed as its `type` says, in the words link lines take (`superseded-by`, `Superseded by`); a target is
kept as written (a number resolves to the folder's file later, as a `Related ADRs` line by number does).  Entries of
any other shape (a list of URLs, a social link's `name`/`url`) are no relation between records.
"""

from __future__ import annotations

from adrtool.dialects.link_lines import relation_of_label
from adrtool.model import Relation

_RELATION_KEYS = ("type", "relation", "rel", "kind")
_TARGET_KEYS = ("target", "id", "adr", "ref")


def entries(value: object) -> list[tuple[Relation, str]]:
    """The (relation, target) pairs of a front matter's `links:` value; [] when it holds none."""
    if value.__class__ is not list:
        return []
    found = []
    for entry in value:
        if entry.__class__ is not dict:
            continue
        kind = next((entry[k] for k in _RELATION_KEYS if k in entry), None)
        target = next((entry[k] for k in _TARGET_KEYS if k in entry), None)
        if not isinstance(kind, str) or target is None or isinstance(target, (dict, list, bool)):
            continue
        relation = relation_of_label(kind)
        target = str(target).strip()
        if relation is not None and target and (relation, target) not in found:
            found.append((relation, target))
    return found

"""Link lines: `Superseded by [2. Foo](0002-foo.md)`, `- **Amends:** [ADR 3](...)`, in every language the readers
know, and the labels writers put before a link (LABEL_OF). Shared by the readers and the writers of every dialect."""

from __future__ import annotations

import re

from adrtool import vocabulary
from adrtool.model import Relation

_LINK_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*)?([^\W\d_][\w \t-]*?)(?:\*\*)?\s*:?(?:\*\*)?\s+\[([^\]]*)\]\(([^)\s]*)\)\s*\.?\s*$")
_LABELS = {
    "supersedes": Relation.SUPERSEDES,
    "supercedes": Relation.SUPERSEDES,
    "superceeds": Relation.SUPERSEDES,  # (misspelt so: thoni56/c-xrefactory 79dcabe2b5bb doc/adr/0011-*.md)
    "replaces": Relation.SUPERSEDES,
    "superseded by": Relation.SUPERSEDED_BY,
    "superceded by": Relation.SUPERSEDED_BY,
    "replaced by": Relation.SUPERSEDED_BY,
    "amends": Relation.AMENDS,
    "amended by": Relation.AMENDED_BY,
    "extends": Relation.AMENDS,
    "expands": Relation.AMENDS,  # (saviorsoul/encrypt 83d74dcabde5 docs/adr/0010-*.md: `- **Expands:** [0009](...)`)
    "extended by": Relation.AMENDED_BY,  # digitalservicebund/ris-backend-service doc/adr/0014-error-handling-concept.md
    "relates to": Relation.RELATES_TO,
    # The verb alone, as a team's `adr link 3 Relates 2 Explains` writes it (customcommander/functionaut 827ed4969c1c
    # adr/0003-test-distributed-files-only.md: `Relates [2. Use Google Closure Compiler](0002-...md)`).
    "relates": Relation.RELATES_TO,
    "related to": Relation.RELATES_TO,
    "related adr": Relation.RELATES_TO,
    "related adrs": Relation.RELATES_TO,
    "related": Relation.RELATES_TO,
    "see also": Relation.RELATES_TO,
    # Other languages' labels (adr-tools lets a team name its own: `adr link 5 erweitert 4 "erweitert durch"`).
    "ersetzt": Relation.SUPERSEDES,
    "ersetzt durch": Relation.SUPERSEDED_BY,
    "erweitert": Relation.AMENDS,
    "erweitert durch": Relation.AMENDED_BY,
    "siehe auch": Relation.RELATES_TO,
    "remplace": Relation.SUPERSEDES,
    "remplacé par": Relation.SUPERSEDED_BY,
    "remplace par": Relation.SUPERSEDED_BY,
    "modifie": Relation.AMENDS,
    "modifié par": Relation.AMENDED_BY,
    "voir aussi": Relation.RELATES_TO,
    # "related ADR": `- **ADR lié :** [ADR-001 ...](./ADR-001-migration-ddd-cqrs.md)` (SandrineCipolla/stockhub_back
    # fb7863cdd36d docs/adr/ADR-002-choix-prisma-orm.md); `ADR précédent` (previous ADR) stays untyped.
    "adr lié": Relation.RELATES_TO,
    "adr liée": Relation.RELATES_TO,
    "adrs liés": Relation.RELATES_TO,
    "adr liés": Relation.RELATES_TO,
    "reemplaza": Relation.SUPERSEDES,
    "reemplazado por": Relation.SUPERSEDED_BY,
    "substitui": Relation.SUPERSEDES,
    "substituído por": Relation.SUPERSEDED_BY,
    "substituido por": Relation.SUPERSEDED_BY,
    "relacionado": Relation.RELATES_TO,
    "relacionados": Relation.RELATES_TO,
    "relacionada": Relation.RELATES_TO,
    "véase": Relation.RELATES_TO,
    "sostituisce": Relation.SUPERSEDES,
    "sostituito da": Relation.SUPERSEDED_BY,
    "取代": Relation.SUPERSEDES,
    "被取代": Relation.SUPERSEDED_BY,
    "替代": Relation.SUPERSEDES,
    "被替代": Relation.SUPERSEDED_BY,
    "相关": Relation.RELATES_TO,
}
# Labels of untyped references: not a relation between records, even beside a link to one.
# `Implements [4. Document old decisions](0004-...)`, an adr-tools link line with a custom label (ahitrin/SiebenApp
# e74816666503 doc/adr/0005-forever-alpha-version.md): carrying out a record is no relation between decisions.
_UNTYPED = {"depends on", "builds on", "builds upon", "enables", "refines", "consequence of", "highly linked to",
            "makes concrete", "see", "under", "implements", "implemented in", "implemented by", "depended by",
            "依赖", "被依赖"}
LABEL_OF = {
    Relation.SUPERSEDES: "Supersedes",
    Relation.SUPERSEDED_BY: "Superseded by",
    Relation.AMENDS: "Amends",
    Relation.AMENDED_BY: "Amended by",
    Relation.RELATES_TO: "Relates to",
}


_LABEL_GAPS = re.compile(r"[\s_-]+")


def relation_of_label(label: str) -> Relation | None:
    """'Superseded by', 'superseded-by', 'Superseded_By' -> superseded-by."""
    return _LABELS.get(_LABEL_GAPS.sub(" ", label.strip().lower()))


def has_link_line(lines: list[str], relation: Relation, target_file: str) -> bool:
    """Whether a line already says `Label [..](target_file)` for this relation (adding it again is a no-op)."""
    for line in lines:
        parsed = parse_link_line(line)
        if parsed and parsed[0] is relation and parsed[1] == target_file:
            return True
    return False


def parse_link_line(line: str) -> tuple[Relation | None, str, str] | None:
    """'Superseded by [2. Foo](0002-foo.md)' -> (superseded-by, '0002-foo.md', '2. Foo').

    adr-tools lets users invent labels (`adr link 3 Clarifies 1 "Clarified by"`): such a line is a link
    line whose relation is None (untyped); readers list no link for it.
    """
    m = _LINK_LINE.match(line)
    if not m:
        return None
    relation = relation_of_label(m.group(1))
    if m.group(3).startswith(("http://", "https://")) and not m.group(3).split("#", 1)[0].endswith((".md", ".rst")):
        # "Relates to [RFC-0016](https://...atlassian.net/...)": a page, not a decision file
        # (hyperledger/identus-cloud-agent docs/decisions/20220919-use-markdown-architectural-decision-records.md).
        return None
    if relation is None and _LABEL_GAPS.sub(" ", m.group(1).strip().lower()) in _UNTYPED:
        return None  # "Depends on `_0009 ...`" (openedx/enterprise-access docs/decisions/0011): a reference, no relation
    if relation is None:
        if len(m.group(1).split()) > 3:
            return None  # prose with a link in it, not a link line
        if vocabulary.normalize_status(m.group(1)) is not vocabulary.Status.UNKNOWN:
            # A status with a pointer: `deprecated - see [0013-deno-removal.md](./0013-deno-removal.md)`
            # (ionic-team/stencil 160c6ff4fc1a docs/adr/0010-deno-vendoring.md) is the status line.
            return None
        if m.group(3).startswith(("http://", "https://")):
            return None  # "Reverted by [discussion #1198](https://...)": not a link to a decision
        # A link line with a label of the team's own (`Testing [3. testing](0003-testing.md)`, Branchout/branchout
        # 4af9e2261ced doc/adr/0002-language.md): a link line still, typing no relation (DEFINITIONS: custom labels
        # stay untyped).
    return relation, m.group(3) or m.group(2), m.group(2)

"""Link rules of `common.build` and the Related reader: which `Related:` links lead to no decision, which paths
written from the repository root lie in a decision folder, and which records a status says revised part of this one."""

from __future__ import annotations

import posixpath
import re

from adrtool import record_names, vocabulary
from adrtool.dialects import prose
from adrtool.model import Relation

# A folder a decision record lives in, by a word of its name (`adr`, `docs/decisions`, `ADR-IM`, `Functional Decision
# Records`, `architecture-decisions`, `决策`).
_DECISION_DIR = re.compile(r"(?:^|/)[^/]*(?:\b[Aa][Dd][Rr][Ss]?\b|[Dd]ecision|[Ee]ntscheidung|[Dd]ecis[ãa]o|决策|決定)[^/]*/")


def beyond_decisions(path: str, target: str) -> bool:
    """Whether a `Related:` field's link leads up out of the record's folder to a file in no decision folder: an
    architecture page, not a decision (RobiBobi10/hiddenwing 7cc2515656d6 docs/architecture/adr/0002-*.md:
    `- **Related:** [Data Providers](../13-data-providers.md), [Backend](../07-backend-architecture.md)`).
    Told only of a record in a folder so named: elsewhere a folder's name says nothing of what it holds."""
    if _DECISION_DIR.search(path) is None:
        return False
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target.split("#", 1)[0]))
    return resolved.startswith("../") or _DECISION_DIR.search(resolved) is None


def decision_folder_path(path: str) -> bool:
    """Whether a path written from the repository root lies in a folder named for decisions (`docs/adrs/0015-x.md`,
    `docs/ADR/0007-x.md`), or names a file alone; `docs/2026-currency-audit.md` is a page beside them (ADORSYS-GIS/
    ai-helm docs/adr/0010-*.md, under `## Related`: ``- 2026 currency audit (`docs/2026-currency-audit.md`)``)."""
    folder = path.rpartition("/")[0]
    return not folder or _DECISION_DIR.search(folder.lower() + "/") is not None


# (`extended by` too: `Accepted (pipeline-clock-source choice extended by ADR-0027)`, NotUserFriendly/final-multiplex
# 5693625dfdc9 docs/decisions/0005-out-of-process-sources.md, as the `Extended by:` label.)
def path_names(path: str) -> list[str]:
    """The file name of `path` when it is a decision file in a folder named for decisions (`related.backticked_names`)."""
    name = path.rsplit("/", 1)[-1]
    return [name] if decision_folder_path(path) and prose.decision_file(name) else []


def code_path_to_no_record(target: str) -> bool:
    """Whether a relation field's target, written in code, is a path to a file that is no record (tangniyuqi/tm-stock
    0fec05e3944b docs/adr/0004-*.md: `- **相关**：`.claude/agents/backend-standards-go.md``)."""
    path = target.strip("`").split("`")[0]
    return "/" in path and not path_names(path)


_REVISED_BY = re.compile(r"\b(?:[Rr]evised|[Ee]xtended) by\b(.*?)(?:[.!?;)](?:\s|$)|$)", re.DOTALL)


def revised_by(status: str) -> list[str]:
    """The records a status says revised part of this one, each phrase's own (as `vocabulary.extended_targets`)."""
    found: list[str] = []
    for m in _REVISED_BY.finditer(status):
        found += [t for t in vocabulary.reference_targets(m.group(1)) if t not in found]
    return found


def amended_by(status: str, links) -> list[str]:
    """`revised_by`'s records not linked amended-by already, nor the record the status says superseded this one
    (`Superseded by [ADR-0025](...) ... in force except as extended by 0025`, itsamiitt/waterfall adr/0002-*.md, truth20)."""
    replaced = {target_number(l.target) for l in links if l.relation is Relation.SUPERSEDED_BY}
    return [t for t in revised_by(status) if target_number(t) not in replaced
            and not any(l.relation is Relation.AMENDED_BY and l.target == t for l in links)]


def target_number(target: str) -> int | str:
    """A link target's record number (`./ADR-0021-x.md`, `0021` -> 21), else the target as written."""
    stem = target.rsplit("/", 1)[-1].rsplit(".", 1)[0] if target.endswith((".md", ".rst")) else target
    number = record_names.file_number(stem)
    return target if number is None else number

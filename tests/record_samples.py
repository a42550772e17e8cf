"""One small decision log per dialect, for the renumber, migrate, toc and graph tests.

Every log has the same shape: A (tagged deliberate, one-way), B (arbitrary,
two-way; superseded by C) and C (untagged; supersedes B, relates to A), plus
a README index and a design document that mention B, so that an edit to B's
number or dialect has something to reach.  `ids` maps A, B, C to the ids the
store gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.conftest import write

DIALECTS = ("native", "madr4", "madr3", "madr2", "log4brains", "nygard")

_FRONT = {
    "native": ("decision-makers", "choice: deliberate\ndoor: one-way\n", "choice: arbitrary\ndoor: two-way\n"),
    "madr4": ("decision-makers", "", ""),
    "madr3": ("deciders", "", ""),
}


def _front_matter(dialect: str, names: dict[str, str]) -> dict[str, str]:
    makers, tags_a, tags_b = _FRONT[dialect]
    return {
        names["A"]: f"---\nstatus: accepted\ndate: 2024-01-10\n{makers}: [Ana Lima, Bo Chen]\n{tags_a}tags: [storage]\n---\n\n"
                    "# Use Postgres\n\n## Context and Problem Statement\n\nWe need one database.\n",
        names["B"]: f"---\nstatus: superseded by ADR-0003\ndate: 2024-01-11\n{tags_b}---\n\n"
                    "# Use tabs\n\n## Decision Outcome\n\nTabs, for now.\n",
        names["C"]: "---\nstatus: proposed\ndate: 2024-02-01\n"
                    + ("supersedes: [2]\nrelates-to: [1]\n" if dialect == "native" else "")
                    + "---\n\n# Use spaces\n\n## Decision Outcome\n\nSpaces; see [the tabs decision](0002-use-tabs.md)"
                    " and ADR-0002.\n",
    }


def _bullets(b: str, names: dict[str, str]) -> dict[str, str]:
    return {
        names["A"]: f"# Use Postgres\n\n{b} Status: accepted\n{b} Deciders: Ana Lima, Bo Chen\n{b} Date: 2024-01-10\n"
                    f"{b} Tags: storage\n\n## Context and Problem Statement\n\nWe need one database.\n",
        names["B"]: f"# Use tabs\n\n{b} Status: superseded by [Use spaces]({names['C']})\n{b} Date: 2024-01-11\n\n"
                    f"## Decision Outcome\n\nTabs, for now.\n",
        names["C"]: f"# Use spaces\n\n{b} Status: proposed\n{b} Date: 2024-02-01\n\n## Decision Outcome\n\n"
                    f"Spaces; see [the tabs decision]({names['B']}).\n\n## Links\n\n"
                    f"{b} Supersedes [Use tabs]({names['B']})\n{b} Relates to [Use Postgres]({names['A']})\n",
    }


def _nygard(names: dict[str, str]) -> dict[str, str]:
    return {
        names["A"]: "# 1. Use Postgres\n\nDate: 2024-01-10\nDeciders: Ana Lima, Bo Chen\nChoice: deliberate\n"
                    "Door: one-way\nTags: storage\n\n## Status\n\nAccepted\n\n## Context\n\nWe need one database.\n",
        names["B"]: "# 2. Use tabs\n\nDate: 2024-01-11\nChoice: arbitrary\nDoor: two-way\n\n## Status\n\n"
                    f"Superseded by [3. Use spaces]({names['C']})\n\n## Decision\n\nTabs, for now.\n",
        names["C"]: "# 3. Use spaces\n\nDate: 2024-02-01\n\n## Status\n\nProposed\n\n"
                    f"Supersedes [2. Use tabs]({names['B']})\n\nRelates to [1. Use Postgres]({names['A']})\n\n"
                    f"## Decision\n\nSpaces; see [the tabs decision]({names['B']}) and ADR-0002.\n",
    }


@dataclass
class SampleLog:
    root: Path
    folder: str  # repository-relative
    names: dict[str, str]  # A/B/C -> file name
    ids: dict[str, str]  # A/B/C -> id as the store gives it

    def path(self, key: str) -> Path:
        return self.root / self.folder / self.names[key]

    def rel(self, key: str) -> str:
        return f"{self.folder}/{self.names[key]}"


def make_log(root: Path, dialect: str) -> SampleLog:
    """Write the three-record log of `dialect` under `root` (a folder that exists)."""
    if dialect == "log4brains":
        names = {"A": "20240110-use-postgres.md", "B": "20240111-use-tabs.md", "C": "20240201-use-spaces.md"}
        folder = "docs/adr"
        write(root / ".log4brains.yml", "project:\n  name: demo\n  adrFolder: ./docs/adr\n")
        files = _bullets("-", names)
    else:
        names = {"A": "0001-use-postgres.md", "B": "0002-use-tabs.md", "C": "0003-use-spaces.md"}
        folder = "doc/adr" if dialect == "nygard" else "docs/decisions"
        if dialect == "nygard":
            write(root / ".adr-dir", "doc/adr\n")
            files = _nygard(names)
        elif dialect == "madr2":
            files = _bullets("*", names)
        else:
            files = _front_matter(dialect, names)
    for name, text in files.items():
        write(root / folder / name, text)
    write(root / folder / "README.md", f"# Decisions\n\n* [Use tabs]({names['B']})\n")
    write(root / "docs/design/overview.md",
          f"# Overview\n\nThe indentation rule is [here](../../{folder}/{names['B']}) (ADR-0002).\n\n"
          "- Decision (arbitrary, two-way): Log as JSON lines.\n")
    write(root / ".adrtool.toml", f'dirs = ["{folder}"]\ndesign-dirs = ["docs/design"]\n')
    if dialect == "log4brains":
        ids = {k: v[:-3] for k, v in names.items()}
    else:
        ids = {"A": "0001", "B": "0002", "C": "0003"}
    return SampleLog(root, folder, names, ids)

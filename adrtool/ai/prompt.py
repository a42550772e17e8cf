"""Prompts are versioned files inside the package: `prompts/<feature>.md`.

The `version` in each file's front matter is part of every stored result's
provenance: bumping it marks every result made with the old prompt as stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Prompt:
    feature: str
    version: int
    text: str

    @property
    def label(self) -> str:
        return f"{self.feature}@{self.version}"


@lru_cache(maxsize=None)  # package files do not change while a command runs
def load(feature: str) -> Prompt:
    raw = resources.files("adrtool.ai").joinpath("prompts", f"{feature}.md").read_text(encoding="utf-8")
    _, head, body = raw.split("---\n", 2)
    meta = yaml.safe_load(head) or {}
    return Prompt(feature, int(meta["version"]), body.strip() + "\n")

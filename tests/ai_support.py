"""Shared setup for the AI tests: the fake Messages API, a repository that opted in, small PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import write
from tests.fake_anthropic import KEY, FakeAnthropic

AI_SETTINGS = """
[tool.adrtool]
dirs = ["decisions"]

[tool.adrtool.ai]
enabled = {enabled}
max-retry-wait = 0
batch-poll-seconds = 0
timeout = {timeout}
"""

RECORD = """---
status: accepted
date: 2026-01-0{n}
choice: deliberate
door: one-way
---
# {title}

## Context

We need somewhere to keep {thing}.

## Decision

Use {title}.
"""


@pytest.fixture(scope="module")
def fake():
    server = FakeAnthropic().start()
    yield server
    server.stop()


# ---- a stand-in for the offline card, until adrtool/reasoning/essentials.py lands ---------------
# Only for these tests: it reads the card off today's rubric (an essential is absent when the rubric
# reports it missing), so that the AI judge can be built and tested before the real card exists.
# Remove it once `git log main -- adrtool/reasoning/essentials.py` shows the real one.

CARDS: dict[str, object] = {}  # decision id -> a Card a test wants read instead


def _standin_read_card(decision, repo=None):
    from adrtool.reasoning import card as c
    from adrtool.reasoning.merge import CLEARABLE
    from adrtool.review import rubric

    if decision.id in CARDS:
        return CARDS[decision.id]
    absent = {e for f in rubric.check(decision, repo=repo) if f.severity == "error" for e in CLEARABLE.get(f.rule, ())}
    items = tuple(c.Item(e, c.ABSENT if e in absent else c.FOUND, "stand-in") for e in c.ESSENTIALS)
    tagged = decision.is_tagged
    return c.Card(decision.id, decision.path, decision.quadrant if tagged else "deliberate/one-way",
                  "tags" if tagged else "estimate",
                  closed=decision.status.value in ("superseded", "deprecated", "rejected"), items=items)


def install_card_standin(monkeypatch) -> None:
    import importlib.util
    import sys
    import types

    if importlib.util.find_spec("adrtool.reasoning.essentials") is not None:
        return  # the real card is there
    module = types.ModuleType("adrtool.reasoning.essentials")
    module.read_card = _standin_read_card
    monkeypatch.setitem(sys.modules, "adrtool.reasoning.essentials", module)
    CARDS.clear()


# The same stand-in for a child Python process (prepend to its `-c` code).
STANDIN_CODE = (
    "import importlib.util, sys, types\n"
    "if importlib.util.find_spec('adrtool.reasoning.essentials') is None:\n"
    "    from tests.ai_support import _standin_read_card\n"
    "    sys.modules['adrtool.reasoning.essentials'] = types.ModuleType('adrtool.reasoning.essentials')\n"
    "    sys.modules['adrtool.reasoning.essentials'].read_card = _standin_read_card\n"
)


def standin_pythonpath(folder: Path) -> str:
    """A PYTHONPATH entry whose sitecustomize installs the stand-in in a child `python -m adrtool`."""
    write(folder / "sitecustomize.py", STANDIN_CODE)
    return str(folder)


@pytest.fixture(autouse=True)
def fake_env(request, monkeypatch):
    """Point the real SDK at the fake server with a valid key; a clean record of requests per test."""
    install_card_standin(monkeypatch)
    if "fake" not in request.fixturenames:
        return
    server = request.getfixturevalue("fake")
    server.reset()
    monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)


def make_repo(root: Path, *, enabled: bool = True, timeout: float = 5, records: int = 2) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    write(root / "pyproject.toml", AI_SETTINGS.format(enabled="true" if enabled else "false", timeout=timeout))
    for n in range(1, records + 1):
        write(root / "decisions" / f"000{n}-store-{n}.md",
              RECORD.format(n=n, title=f"Store {n}", thing=f"things of kind {n}"))
    return root


@pytest.fixture
def ai_repo(tmp_path) -> Path:
    return make_repo(tmp_path / "repo")


def make_pdf(path: Path, pages: list[list[tuple[str, dict]]], title: str | None = None) -> Path:
    """A PDF with fpdf2: each page a list of (text, style) lines; style keys: size, white."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    for lines in pages:
        pdf.add_page()
        for text, style in lines:
            pdf.set_font("Helvetica", size=style.get("size", 11))
            pdf.set_text_color(*((255, 255, 255) if style.get("white") else (0, 0, 0)))
            pdf.multi_cell(0, max(2, style.get("size", 11) * 0.6), text, new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path

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


@pytest.fixture(autouse=True)
def fake_env(request, monkeypatch):
    """Point the real SDK at the fake server with a valid key; a clean record of requests per test."""
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

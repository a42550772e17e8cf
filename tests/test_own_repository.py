"""adrtool's own decision log: written with adrtool, lint clean, honestly tagged, digest current.

(`tests/test_review_integration.py` reviews the same log with `adrtool review --all`.)
"""

from __future__ import annotations

from adrtool import store
from adrtool.model import Kind
from tests.conftest import ROOT, run_process


def test_the_checkout_opens_on_its_own_decisions():
    repo = store.load(ROOT)
    assert repo.config.dirs == [ROOT / "decisions"]
    records = [d for d in repo.decisions if d.kind is Kind.RECORD]
    inline = [d for d in repo.decisions if d.kind is Kind.INLINE]
    assert len(records) >= 12
    assert all(d.is_tagged for d in records), [d.id for d in records if not d.is_tagged]
    # a design document with at least five inline decisions for the small arbitrary choices
    by_doc: dict[str, int] = {}
    for d in inline:
        by_doc[d.path] = by_doc.get(d.path, 0) + 1
    assert max(by_doc.values()) >= 5
    assert not repo.all_problems()


def test_own_decisions_are_lint_clean():
    result = run_process(["lint"], ROOT)
    assert result.code == 0, result.out + result.err


def test_own_digest_is_current():
    result = run_process(["digest", "--out", "docs/digest.md", "--check"], ROOT)
    assert result.code == 0, result.out + result.err

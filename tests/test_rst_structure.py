"""The fast line scan of RST titles agrees with docutils wherever it answers, and answers for real records."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adrtool.dialects import rst_structure

STYLES = [("=",), ("-",), ("~",), ("*",), ("^",), ("#", "#"), ("=", "="), ("*", "*")]


@st.composite
def title(draw):
    text = draw(st.sampled_from(["Status", "Context", "Decision", "1. Purpose of this Repo", "0002 Löwe",
                                 "决策", "``code`` title", "\\0018 Escaped"]))
    style = draw(st.sampled_from(STYLES))
    width = rst_structure.column_width(text) + draw(st.sampled_from([0, 0, 0, 2, -1, -3]))
    if draw(st.booleans()) and draw(st.booleans()):
        width = draw(st.integers(1, 3))  # a short adornment
    width = max(width, 1)
    under = style[-1] * width
    if len(style) == 2:
        inset = " " if draw(st.booleans()) and draw(st.booleans()) else ""
        return [style[0] * width, inset + text, under]
    return [text, under]


BLOCKS = st.one_of(
    title(),
    st.sampled_from([
        ["A paragraph of words."], ["Two lines", "of one paragraph."], ["Ends with a literal block::"],
        ["- a bullet", "- another"], ["- a bullet", "  continued"], ["1. first", "2. second"], ["1. alone"],
        [":Status: Accepted", ":Date: 2024-01-01"], [":Amends: x", "   continued"],
        ["::", "", "    code", "    Fake title", "    ==========", "more"],
        [".. a comment", "   Not a title", "   ============"], [".. note::", "", "   A note."],
        [".. _ADR-2:"], ["----------"], ["::"], ["]"], ["--"], [">>> 1 + 1", "2"],
        ["=====  =====", "col 1  col 2", "=====  ====="], ["+-----+", "| a   |", "+-----+"],
        ["| line block"], ["Term", "    definition"], ["**Accepted**"], ["  indented quote"],
    ]),
)


@st.composite
def document(draw):
    lines: list[str] = []
    for n, block in enumerate(draw(st.lists(BLOCKS, min_size=1, max_size=12))):
        if lines and draw(st.integers(0, 4)):  # mostly a blank line between blocks, sometimes none
            lines.append("")
        if len(block) in (2, 3) and rst_structure._ADORNMENT.match(block[-1]) and block[-2].strip():
            # A title: a number makes its text unique, so each of docutils' titles maps to one line.
            block = [*block[:-2], f"{block[-2]} {n}", block[-1][:1] * max(len(block[-1]) + len(str(n)) + 1, 1)]
            if len(block) == 3:
                block[0] = block[0][:1] * len(block[2])
        lines.extend(block)
    return [line + "\n" for line in lines]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_the_scan_finds_what_docutils_finds_or_leaves_it_to_docutils(lines):
    fast = rst_structure.scan(lines)
    if fast is not None:
        assert fast == rst_structure.with_docutils(lines), "".join(lines)


def test_records_as_open_edx_writes_them_need_no_docutils():
    # The layouts of Open edX decision records (openedx/openedx-events, openedx/enterprise-access,
    # openedx/edx-django-utils at their 2025 heads): labels, over- and underlined titles, bold statuses,
    # comments with indented text, underlines a character short, escaped numbers, lists ending in "::".
    record = (
        ".. _ADR-2:\n\n"
        "####################################\n"
        "2. Open edX events naming\n"
        "####################################\n\n"
        "Status\n******\n\n**Accepted** *2023-06-09*\n\n"
        ".. Standard statuses\n    - **Draft** if the decision is newly proposed\n\n"
        "Context\n*******\n\nText::\n\n    {\"json\": 1}\n]\n\n"
        "- ``metadata`` (POST data): the new metadata\n::\n\n    code\n\n"
        "Decision\n=======\n\n"  # one short: docutils warns and keeps the title
        "\\0018 Escaped number\n*******************\n\n"
        "Pros\n====\n* one\nCons\n====\n* two\n"
    )
    lines = record.splitlines(keepends=True)
    fast = rst_structure.scan(lines)
    assert fast is not None
    assert [(t.text, t.level) for t in fast] == [
        ("2. Open edX events naming", 1), ("Status", 2), ("Context", 2), ("Decision", 3),
        ("\\0018 Escaped number", 2), ("Pros", 3), ("Cons", 3)]
    assert fast == rst_structure.with_docutils(lines)


def test_an_ambiguous_block_is_left_to_docutils():
    # Two lines of a paragraph, then an underline: docutils reads a paragraph, not a title.
    lines = ["Title\n", "=====\n", "\n", "line one\n", "line two\n", "--------\n"]
    assert rst_structure.scan(lines) is None
    assert [t.text for t in rst_structure.titles(lines)] == ["Title"]

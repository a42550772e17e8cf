"""Property tests: parse -> edit -> write changes nothing but the edited field."""

from __future__ import annotations

import difflib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adrtool import dialects, frontmatter, store
from adrtool.dialects import nygard_write
from adrtool.model import Choice, Door, Status
from tests.conftest import write

# Text a user might write around the metadata: any printable text, including
# Markdown, comments, CRLF line endings and non-ASCII.
line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n"), max_size=40
)
body = st.lists(line_text, max_size=8).map(lambda ls: [l for l in ls if not l.startswith(("#", "---", "```", "~~~"))])
newline = st.sampled_from(["\n", "\r\n"])
extra_key = st.tuples(
    st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True).filter(
        lambda k: k not in {"status", "date", "choice", "door", "revisit", "tags", "deciders", "decision-makers",
                            "governs", "references", "supersedes", "superseded-by", "amends", "amended-by", "relates-to", "title"}),
    st.sampled_from(["0042", "2021-02-03", "'quoted # not a comment'", '"double"', "[a, b]", "plain value # comment", "yes", "~"]),
)


def changed_lines(before: str, after: str) -> list[str]:
    return [l for l in difflib.ndiff(before.splitlines(True), after.splitlines(True)) if l[:1] in "+-"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(extras=st.lists(extra_key, max_size=5, unique_by=lambda kv: kv[0]), lines=body, nl=newline,
       comment=st.booleans(), new_status=st.sampled_from(["accepted", "rejected", "superseded by ADR-0003"]))
def test_front_matter_edit_changes_one_line(extras, lines, nl, comment, new_status):
    keys = [f"{k}: {v}" for k, v in extras]
    keys.insert(len(keys) // 2, "status: proposed" + ("  # lifecycle" if comment else ""))
    text = nl.join(["---", *keys, "---", "# Title", *lines]) + nl
    after = dialects.native.set_field(text, "status", new_status)
    diff = changed_lines(text, after)
    assert len(diff) == 2, diff  # one line out, one line in
    assert diff[0].startswith("- status: proposed") and diff[1].startswith("+ status: ")
    fm = frontmatter.parse(after.splitlines(keepends=True))
    assert fm.data["status"] == new_status
    for k, v in extras:
        assert frontmatter.parse(text.splitlines(keepends=True)).data[k] == fm.data[k]
    assert after.endswith(nl) and (nl == "\n" or "\n" not in after.replace("\r\n", ""))


@settings(max_examples=100)
@given(before=body, after_lines=body, nl=newline, choice=st.sampled_from(list(Choice)), door=st.sampled_from(list(Door)))
def test_nygard_tag_edit_adds_only_metadata_lines(before, after_lines, nl, choice, door):
    text = nl.join(["# 4. Title", "", "Date: 2020-01-01", "", "## Status", "", "Accepted", "", "## Context", *before, *after_lines]) + nl
    out = nygard_write.set_field(text, "choice", choice.value)
    out = nygard_write.set_field(out, "door", door.value)
    diff = changed_lines(text, out)
    assert all(l.startswith("+ ") for l in diff) and len(diff) == 2, diff
    d = dialects.nygard.parse("decisions/0004-title.md", "0004-title", out.splitlines(keepends=True))
    assert d.choice is choice and d.door is door and d.status is Status.ACCEPTED and d.date == "2020-01-01"


@settings(max_examples=100)
@given(lines=body, nl=newline, bullet=st.sampled_from(["*", "-"]))
def test_bullet_status_edit_rewrites_one_bullet(lines, nl, bullet):
    text = nl.join(["# Use X", "", f"{bullet} Status: proposed", f"{bullet} Deciders: Ana", "", "## Context", *lines]) + nl
    writer = dialects.MADR2 if bullet == "*" else dialects.MADR2_DASH
    out = writer.set_field(text, "status", "accepted")
    diff = changed_lines(text, out)
    assert diff == [f"- {bullet} Status: proposed{nl}", f"+ {bullet} Status: accepted{nl}"]


@settings(max_examples=100)
@given(prefix=st.sampled_from(["", "- ", "> ", "1. ", "> - "]), bold=st.booleans(), lines=body)
def test_inline_retag_rewrites_only_the_parentheses(prefix, bold, lines):
    head = "**Decision (arbitrary, Two-Way):**" if bold else "Decision (arbitrary, Two-Way):"
    line = f"{prefix}{head} Flush every 100 ms; revisit with data."
    out = dialects.inline.retag(line, choice=Choice.DELIBERATE)
    assert out == line.replace("(arbitrary, Two-Way)", "(deliberate, Two-Way)")


def test_write_is_atomic_and_refuses_changed_files(tmp_path):
    path = write(tmp_path / "decisions/0001-a.md", "---\nstatus: proposed\n---\n# A\n")
    repo = store.load(tmp_path)
    d = repo.resolve("1")
    new = dialects.native.set_field(repo.text(d), "status", "accepted")
    path.write_text("---\nstatus: proposed\n---\n# A\n\nedited elsewhere\n")
    try:
        repo.write(d.path, new)
    except store.ConflictError as exc:
        assert "changed on disk since it was read" in str(exc)
    else:
        raise AssertionError("a changed file was overwritten")
    assert path.read_text().endswith("edited elsewhere\n")
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    repo2 = store.load(tmp_path)
    repo2.write(d.path, dialects.native.set_field(repo2.text(d), "status", "accepted"))
    assert store.load(tmp_path).resolve("1").status is Status.ACCEPTED
    assert path.read_text().endswith("edited elsewhere\n")


def test_write_keeps_file_mode(tmp_path):
    path = write(tmp_path / "decisions/0001-a.md", "---\nstatus: proposed\n---\n# A\n")
    path.chmod(0o640)
    repo = store.load(tmp_path)
    repo.write("decisions/0001-a.md", repo.text("decisions/0001-a.md").replace("proposed", "accepted"))
    assert path.stat().st_mode & 0o777 == 0o640


md_line = st.one_of(
    st.from_regex(r"#{1,3}[ \t]?[A-Za-z #]{0,10}", fullmatch=True),
    line_text,
    st.sampled_from(["", "```", "~~~", " ```", "  ~~~", "## Status", "#", "# ", "text # not a heading"]),
)


@settings(max_examples=300)
@given(lines=st.lists(md_line, max_size=12), start=st.integers(0, 4))
def test_first_title_scan_agrees_with_the_full_heading_map(lines, start):
    """Native records find their title with an early-exit scan; it must agree with the full map."""
    from adrtool.sections import first_h1, headings

    split = "\n".join(lines).splitlines(keepends=True)
    assert first_h1(split, start) == first_h1(split, start, headings(split, start))


def test_a_byte_order_mark_survives_a_direct_write(tmp_path):
    path = tmp_path / "decisions/0001-a.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf---\nstatus: proposed\n---\n# A\n")
    repo = store.load(tmp_path)
    d = repo.resolve("1")
    assert d.status is Status.PROPOSED and not repo.text(d).startswith("\ufeff")
    repo.write(d.path, dialects.native.set_field(repo.text(d), "status", "accepted"))
    assert path.read_bytes() == b"\xef\xbb\xbf---\nstatus: accepted\n---\n# A\n"
    # and a second edit through the same repository still sees the file as unchanged
    repo.write(d.path, dialects.native.set_field(repo.text(d), "status", "rejected"))
    assert path.read_bytes() == b"\xef\xbb\xbf---\nstatus: rejected\n---\n# A\n"


def test_words_yaml_reads_as_no_string_are_quoted_when_written():
    # hypothesis found `status: null` written plain and read back empty (tests/test_migrate.py property test)
    for word in ("null", "Null", "~", "yes", "off", "true"):
        out = frontmatter.set_key("---\nstatus: proposed\n---\n\n# X\n", "status", word)
        assert frontmatter.parse(out.splitlines(keepends=True)).data["status"] == word, out

"""The tagging session and the estimates elsewhere in the UI, driven with Pilot on real files and real git.

The real untagged folder is phodal/adr's own 24 Chinese records, as its npm
package ships them (installed by .ci/run), copied into a temporary git repository.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment

from adrtool import store
from adrtool.reasoning.estimate import estimate, missing
from adrtool.tui import evidence, tagging_session
from adrtool.tui.screens.dialogs import ChoiceScreen, ConfirmScreen
from adrtool.tui.screens.git import GitScreen
from adrtool.tui.screens.reading import ReadingScreen
from adrtool.tui.screens.tagging import TaggingScreen
from tests.conftest import git, write
from tests.test_tag_suggest import phodal_records
from tests.tui_support import anyio_backend, choose, running, select, settle  # noqa: F401

pytestmark = pytest.mark.anyio


def phodal_repo(tmp_path):
    """phodal/adr's records (docs/adr, .adr.json as the package has it) in a fresh git repository."""
    folder, shutil = phodal_records()
    root = tmp_path / "repo"
    shutil.copytree(folder, root / "docs/adr")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "phodal/adr's records")
    return root


def texts(root) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "docs/adr").glob("*.md"))}


def title(app) -> str:
    return str(app.screen.query_one("#reading-title").render())


def highlighted(app, widget) -> list[str]:
    """The runs of text the body draws in the evidence style."""
    style = app.console.get_style(evidence.STYLE)
    runs, inside = [], False
    for segment in app.console.render(widget.content, app.console.options.update(width=100)):
        lit = isinstance(segment, Segment) and segment.style is not None and segment.style.bgcolor == style.bgcolor
        if lit and not inside:
            runs.append("")
        if lit:
            runs[-1] += segment.text
        inside = lit
    return runs


async def test_a_tagging_session_on_a_real_untagged_folder_end_to_end(tmp_path):
    root = phodal_repo(tmp_path)
    original = texts(root)
    repo = store.load(root)
    order = tagging_session.order(repo, lambda d: estimate(d, repo))
    assert len(order) == len(repo.records) >= 20  # every record is untagged
    async with running(root, size=(160, 45)) as (app, pilot):
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TaggingScreen)
        first = order[0]
        assert screen.decision.path == first.path and "1 of 24, 0 accepted as estimated" in title(app)
        # the estimate and its evidence: in the prompt, and highlighted in the text
        est = estimate(first, repo)
        prompt = str(screen.query_one("#tagging-prompt").render())
        assert f"choice ~{est.choice.value} (estimated)" in prompt and f"door ~{est.door.value} (estimated)" in prompt
        body = screen.query_one("#reading-text")
        evidence = [e for g in missing(first, est).values() for e in g.evidence]
        cues = {e.text[e.start:e.end] if e.start >= 0 else e.text.strip() for e in evidence}
        lit = highlighted(app, body)
        # a cue on the title line is quoted beside the text only (the title is drawn apart from the body)
        in_body = [e for e in evidence if not e.text.startswith("# ")]
        assert set(lit) <= cues and bool(lit) == bool(in_body), (lit, cues)

        # a: both estimates written, in phodal's layout, nothing else touched
        await pilot.press("a")
        await settle(pilot)
        tagged = store.load(root).resolve(first.path)
        assert (tagged.choice.value, tagged.door.value) == (est.choice.value, est.door.value)
        name = first.path.rsplit("/", 1)[-1]
        assert all(line in texts(root)[name].splitlines() for line in original[name].splitlines())
        assert "2 of 24, 1 accepted as estimated" in title(app)

        # c and d by hand: the picker opens on the estimate
        second = app.screen.decision
        est2 = estimate(second, repo)
        await pilot.press("c")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ChoiceScreen) and picker.current == est2.choice.value
        assert picker.query_one("#choices").highlighted == [v for v, _ in picker.options].index(est2.choice.value)
        other = "deliberate" if est2.choice.value == "arbitrary" else "arbitrary"
        await choose(pilot, other)
        assert f"choice {other} (written)" in str(app.screen.query_one("#tagging-prompt").render())
        assert "2 of 24" in title(app)  # the door is still to tag
        await pilot.press("a")  # the rest as estimated: the door only, the choice stays the one set by hand
        await settle(pilot)
        tagged = store.load(root).resolve(second.path)
        assert (tagged.choice.value, tagged.door.value) == (other, est2.door.value)
        assert "3 of 24, 1 accepted as estimated, 1 by hand" in title(app)

        # s skips, writing nothing
        third = app.screen.decision
        await pilot.press("s")
        await settle(pilot)
        assert "4 of 24, 1 accepted as estimated, 1 by hand, 1 skipped" in title(app)
        assert texts(root)[third.path.rsplit("/", 1)[-1]] == original[third.path.rsplit("/", 1)[-1]]

        # u, three times: each write reversed by a real write, back to the bytes that were there
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.decision.path == second.path and "2 of 24" in title(app)
        assert store.load(root).resolve(second.path).door is None
        await pilot.press("u", "u")
        await settle(pilot)
        assert texts(root) == original and "1 of 24, 0 accepted as estimated" in title(app)

        # walk to the end: the git screen is offered with a prefilled message, and commits
        await pilot.press("a")
        await settle(pilot)
        for _ in range(len(order) - 1):
            await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "Commit the tags now?" in str(
            app.screen.query_one(".question").render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GitScreen)
        message = app.screen.query_one("#git-message").value
        assert message == "decisions: tag 1 decision (1 as estimated, 0 by hand)"
        assert [f.path for f in app.screen.files] == [first.path]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert git(root, "log", "-1", "--format=%s").strip() == message
        await pilot.press("escape")
        await settle(pilot)
        assert "All 24 walked" in str(app.screen.query_one("#tagging-prompt").render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.home


async def test_a_concurrent_writer_is_kept_when_tagging_and_when_undoing(tmp_path):
    """Another writer changes the file after it was read: the tags are planned again on its text (not
    refused), and undo then takes out only the tag lines, keeping the other writer's line."""
    root = phodal_repo(tmp_path)
    async with running(root) as (app, pilot):  # no watcher: the app's text is the stale one
        await pilot.press("t")
        await settle(pilot)
        path = root / app.screen.decision.path
        write(path, path.read_text(encoding="utf-8") + "\n另一个作者的补充。\n")
        await pilot.press("a")
        await settle(pilot)
        text = path.read_text(encoding="utf-8")
        assert "另一个作者的补充。" in text and store.load(root).resolve(app.repo.config.rel(path)).is_tagged
        write(path, text.replace("另一个作者的补充。", "另一个作者的补充，又改了。"))
        await pilot.press("u")
        await settle(pilot)
        again = path.read_text(encoding="utf-8")
        assert "另一个作者的补充，又改了。" in again
        decision = store.load(root).resolve(app.repo.config.rel(path))
        assert decision.choice is None and decision.door is None


async def test_undo_restores_an_inline_decision_line(tmp_path):
    from tests.test_tui_sample import make_sample

    root = make_sample(tmp_path)
    document = root / "docs/design/cache.md"
    before = document.read_text(encoding="utf-8")
    async with running(root) as (app, pilot):
        await pilot.press("t")
        await settle(pilot)
        while app.screen.decision.path != "docs/design/cache.md":
            await pilot.press("s")
        await pilot.press("a")
        await settle(pilot)
        assert "- Decision (" in document.read_text(encoding="utf-8")
        await pilot.press("u")
        await settle(pilot)
        assert document.read_text(encoding="utf-8") == before


def test_the_order_is_the_digests_most_consequential_first(tmp_path):
    """Linked-to and governing decisions first, older first on a tie, in force before proposed; the
    digest's likely load-bearing list is the same ranking."""
    import datetime as dt

    from adrtool.digest.content import build

    body = "\n\n## Decision\n\nWe will keep the order schema, because every consumer reads it.\n"
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    write(tmp_path / "decisions/0001-a.md", "---\nstatus: accepted\ndate: 2020-01-01\n---\n# Store orders A" + body)
    write(tmp_path / "decisions/0002-b.md", "---\nstatus: accepted\ndate: 2021-01-01\ngoverns: [src/**]\n---\n# Store orders B" + body)
    write(tmp_path / "decisions/0003-c.md", "---\nstatus: proposed\ndate: 2019-01-01\n---\n# Store orders C" + body)
    write(tmp_path / "decisions/0004-d.md", "---\nstatus: accepted\ndate: 2022-01-01\nrelates-to: [\"0002\"]\n"
                                            "choice: arbitrary\ndoor: two-way\n---\n# D\n")
    write(tmp_path / "src/main.py", "")
    repo = store.load(tmp_path)
    assert [d.id for d in tagging_session.order(repo)] == ["0002", "0001", "0003"]
    likely = [e.decision.id for e in build(repo, dt.date(2026, 1, 1), history=False).likely_load_bearing]
    assert likely == [d for d in ["0002", "0001"] if d in likely] and likely


def test_the_order_walks_the_digests_sections_likely_load_bearing_first(tmp_path):
    """Nothing links to anything (a legacy folder on day one): the estimated deliberate one-way
    doors come first, then arbitrary one-way, deliberate two-way, arbitrary two-way, by number within
    each; a tag already written counts as itself, and a proposed decision still comes after those in force."""
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    cheap = "\n\n## Decision\n\nWe will use a batch size of 50.\n"
    picked_schema = "\n\n## Decision\n\nWe will store every order in the orders table schema.\n"
    weighed_schema = ("\n\n## Decision\n\nWe will keep the order schema, because every consumer reads it. "
                      "We considered a document store, rejected because no consumer can read it.\n")
    write(tmp_path / "decisions/0001-a.md", "---\nstatus: accepted\n---\n# Batch size" + cheap)
    write(tmp_path / "decisions/0002-b.md", "---\nstatus: accepted\n---\n# Orders table" + picked_schema)
    write(tmp_path / "decisions/0003-c.md", "---\nstatus: accepted\n---\n# Order schema" + weighed_schema)
    write(tmp_path / "decisions/0004-d.md", "---\nstatus: proposed\n---\n# Order schema again" + weighed_schema)
    write(tmp_path / "decisions/0005-e.md", "---\nstatus: accepted\ndoor: one-way\n---\n# Batch size again" + cheap)
    repo = store.load(tmp_path)
    quadrant = {d.id: estimate(d, repo).quadrant for d in repo.decisions}
    assert quadrant["0001"] == "arbitrary/two-way" and quadrant["0003"] == "deliberate/one-way", quadrant
    by_consequence = [d.id for d in tagging_session.order(repo)]
    assert by_consequence == ["0001", "0002", "0003", "0005", "0004"]  # the consequence alone: all tie
    walked = [d.id for d in tagging_session.order(repo, lambda d: estimate(d, repo))]
    from adrtool.reasoning.estimate import judged_quadrant

    def rank(i):
        d = next(x for x in repo.decisions if x.id == i)
        return tagging_session.QUADRANT_RANK[judged_quadrant(d, estimate(d, repo))]

    in_force = [i for i in walked if i != "0004"]
    assert walked[-1] == "0004" and walked[0] == "0003"
    assert [rank(i) for i in in_force] == sorted(rank(i) for i in in_force)
    assert in_force.index("0005") < in_force.index("0001")  # its one-way tag puts it before the two-way door


async def test_estimates_show_dimmed_and_marked_in_the_pane_the_reading_view_and_the_2x2(tmp_path):
    root = phodal_repo(tmp_path)
    async with running(root, size=(160, 45)) as (app, pilot):
        await select(app, pilot, "0001")
        decision = app.table.current()
        est = estimate(decision, app.repo)
        meta = str(app.detail.query_one("#detail-meta").render())
        assert f"~{est.choice.value} · ~{est.door.value} (estimated)" in meta
        assert f"line {est.choice.evidence[0].line}:" in meta and est.choice.reason in meta
        chart = app.home.query_one("QuadrantChart")
        assert chart.counts()["untagged"] == sum(chart.estimated_counts().values()) > 0
        assert "estimated" in str(app.home.query_one("#q-arbitrary-one-way").render()) or \
            "estimated" in str(app.home.query_one("#q-arbitrary-two-way").render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert "(estimated)" in str(app.screen.query_one("#reading-meta").render())
        assert highlighted(app, app.screen.query_one("#reading-text"))  # the evidence, in the text


def test_evidence_is_highlighted_without_changing_what_markdown_makes_of_the_text():
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.theme import Theme

    from adrtool.reasoning.estimate import Evidence

    body = "## Decision\n\n- We use Kafka, because the team knows it.\n- Nothing else.\n"
    line = "- We use Kafka, because the team knows it."
    console = Console(width=60, theme=Theme({evidence.STYLE: "reverse"}), color_system=None, record=True)

    def drawn(marked: str) -> tuple[str, list[str]]:
        segments = list(console.render(evidence.Highlighted(Markdown(marked)), console.options))
        lit = [s.text for s in segments if s.style is not None and s.style.reverse]
        return "".join(s.text for s in segments), lit

    plain, _ = drawn(body)
    cue = Evidence(5, line, "because", line.index("because"), line.index("because") + 7)
    text, lit = drawn(evidence.mark(body, [cue]))
    assert text == plain and lit == ["because"]  # the same cells, the bullet kept, the cue lit
    whole = Evidence(5, line)  # a line quoted whole: its text, not the list marker
    assert drawn(evidence.mark(body, [whole]))[1] == ["We use Kafka, because the team knows it."]
    elsewhere = Evidence(1, "# Use Kafka", "Kafka", 6, 11)  # the title, which the body does not hold
    assert evidence.mark(body, [elsewhere]) == body
    assert drawn(evidence.mark(body, [elsewhere], converted=True))[1] == ["Kafka"]  # RST: the cue alone


async def accept_the_first(app, pilot):
    """Open the tagging session and accept the first decision's estimate; that decision."""
    await pilot.press("t")
    await settle(pilot)
    first = app.screen.decision
    await pilot.press("a")
    await settle(pilot)
    return first


async def test_a_key_right_after_a_write_acts_on_the_file_as_written(tmp_path):
    """`u` then `a` at once, before the reload the undo started has landed: the accept is planned on
    the file as the undo left it (untagged), not on the decision as last loaded (tagged), so it is not
    dropped as "nothing to change"."""
    root = phodal_repo(tmp_path)
    async with running(root) as (app, pilot):
        first = await accept_the_first(app, pilot)
        app.screen.action_undo()  # the two keys handled back to back, as a busy machine may (Pilot's
        app.screen.action_accept()  # press waits for the app between keys, so the reload would land first)
        await settle(pilot)
        assert store.load(root).resolve(first.path).is_tagged
        assert "2 of 24, 1 accepted as estimated" in title(app)


async def test_a_load_that_lands_after_a_newer_one_is_not_shown(tmp_path):
    """A reload started before `u` can finish after the one `u` started (a thread worker cannot be
    stopped): its files, still tagged, must not replace the newer ones, or the next `a` is planned on
    them and dropped as "nothing to change" (seen in CI in the tmux tagging session)."""
    from adrtool.tui.loading import RepoLoaded
    from adrtool.tui.widgets import table_rows

    root = phodal_repo(tmp_path)
    async with running(root) as (app, pilot):
        first = await accept_the_first(app, pilot)
        tagged = store.load(root)  # what a load started now reads: the first decision tagged
        late = RepoLoaded(tagged, table_rows.prepare(tagged.decisions, None), None, app.loads_asked)
        await pilot.press("u")
        await settle(pilot)
        app.post_message(late)  # ...and lands only now, after the undo's own reload
        await settle(pilot)
        assert app.repo is not tagged
        await pilot.press("a")
        await settle(pilot)
        assert store.load(root).resolve(first.path).is_tagged
        assert "2 of 24, 1 accepted as estimated" in title(app)

"""The real program in a real terminal: `python -m adrtool` inside tmux at 80x24 and 160x45, keys sent,
screen read.  Each flow of the UI, end to end: read a decision, edit one, write a design document with
two inline decisions, tag one one-way (promotion is offered), promote it, commit from the git screen.

Uses its own tmux server (-L) so it never touches anyone's sessions.  Waiting
for the screen is a bounded poll of `capture-pane`: there is no event to wait on
from outside the process, and no assertion depends on how long anything took.
So each wait is for something that stays once reached (a file, a commit, a mark on screen), never a
toast: a toast leaves after 5 s, and a starved app or poller can miss it (a 6 s stop after the save did).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
import uuid

import pytest

from tests.conftest import ROOT, git, require_tool
from tests.test_tui_sample import make_sample


class Tmux:
    def __init__(self, tmux: str) -> None:
        self.tmux, self.socket, self.session = tmux, f"adrtool-test-{uuid.uuid4().hex[:8]}", "smoke"

    def __call__(self, *args: str) -> str:
        return subprocess.run([self.tmux, "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def screen(self, escapes: bool = False) -> str:
        """The pane's text; "" once the session has ended (the app quit and its shell closed the pane)."""
        done = subprocess.run([self.tmux, "-L", self.socket, "capture-pane", "-p", *(["-e"] if escapes else []),
                               "-t", self.session], capture_output=True, text=True)
        return done.stdout if done.returncode == 0 else ""

    def wait_for(self, predicate, what: str, limit: float = 90.0, state=lambda: "") -> str:
        """`state`: what else to report if it never comes (a file's text), to tell which step was lost.
        `limit` only bounds a lost step: 30 s was once too short for a step under a load of eight on two cores."""
        deadline = time.monotonic() + limit
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"tmux screen never showed {what} {state()}:\n{screen}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self("send-keys", "-t", self.session, *keys)

    def text(self, text: str) -> None:
        self("send-keys", "-t", self.session, "-l", text)

    def start(self, repo, width: int, height: int, **env: str) -> None:
        base = {"PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "HOME": str(repo.parent),
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_AUTHOR_NAME": "Ana Lima",
                "GIT_AUTHOR_EMAIL": "ana@example.com", "GIT_COMMITTER_NAME": "Ana Lima",
                "GIT_COMMITTER_EMAIL": "ana@example.com", **env}
        command = " ".join([*(f"{k}={shlex.quote(v)}" for k, v in base.items()), sys.executable, "-m", "adrtool"])
        self("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), "-c", str(repo), command)


@pytest.fixture
def tmux():
    session = Tmux(require_tool("tmux"))
    yield session
    subprocess.run([session.tmux, "-L", session.socket, "kill-server"], capture_output=True)


def committed_sample(root):
    repo = make_sample(root)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    return repo


def last_subject(repo) -> str:
    return git(repo, "log", "-1", "--format=%s").strip()


def promote_available() -> bool:
    try:
        import adrtool.authoring.promote  # noqa: F401
    except ModuleNotFoundError:
        return False
    return True


@pytest.mark.parametrize("width, height", [(80, 24), (160, 45)])
def test_every_flow_in_a_real_terminal(tmp_path, tmux, width, height):
    repo = committed_sample(tmp_path / "repo")
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "Edited in tmux." >> "$1"\n')
    editor.chmod(0o755)
    tmux.start(repo, width, height, EDITOR=str(editor))
    screen = tmux.wait_for(lambda s: "Use PostgreSQL" in s and "of 8 decisions" in s, "the decision table")
    assert "one-way" in screen and "in force" in screen  # both tags on screen, and the 2x2

    # read: Enter opens the reading view, rendered
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "reading 0001" in s and "Orders need a durable" in s, "the reading view")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "of 8 decisions" in s, "the table again")

    # edit: the built-in editor, saved; then $EDITOR with the app suspended
    tmux.keys("j", "e")
    # the editor's footer: it is mounted and focused (keys sent before that go to the table)
    tmux.wait_for(lambda s: "editing decisions/0002-indent-with-tabs.md" in s and "^s Save" in s, "the editor on 0002")
    # To the end of the text: few escape sequences, each in a write of its own (under load, a burst of
    # arrow sequences read in one go lost some of them), and ctrl+e (one byte) for the line's end.
    tmux.keys("PageDown")
    tmux.keys("PageDown")
    tmux.keys("C-e")
    tmux.text("Tabs render everywhere.")
    # The title's mark, not the "saved" toast: a toast leaves after 5 s, and on a loaded machine the poll
    # could come after it (the save reloads the repository).  The mark stays until the save clears it,
    # and waiting for it first tells a lost keystroke from a lost save.
    tmux.wait_for(lambda s: "Tabs render everywhere." in s and "● modified" in s, "the text typed, unsaved")
    tmux.keys("C-s")
    record = repo / "decisions/0002-indent-with-tabs.md"
    tmux.wait_for(lambda s: record.read_text().endswith("Tabs render everywhere.") and "● modified" not in s
                  and "editing decisions/0002-indent-with-tabs.md" in s, "the save",
                  state=lambda: f"the file ends {record.read_text()[-60:]!r}")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "of 8 decisions" in s, "the table after editing")
    tmux.keys("E")
    tmux.wait_for(lambda s: record.read_text().endswith("Edited in tmux.\n") and "of 8 decisions" in s,
                  "the app back after the external editor")

    # a design document with two inline decisions, written in the editor
    tmux.keys("D")
    tmux.wait_for(lambda s: "docs/design/cache.md" in s, "the documents screen")
    tmux.keys("n")
    tmux.wait_for(lambda s: "New design document" in s, "the name prompt")
    tmux.text("Queue retries")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "docs/design/queue-retries.md" in s and "0 inline decisions" in s, "the new document")
    tmux.keys("Down")
    tmux.keys("Down")
    tmux.keys("C-n")
    tmux.wait_for(lambda s: "which kind?" in s, "the kind of the new decision")
    tmux.keys("Enter")  # arbitrary, two-way
    tmux.wait_for(lambda s: "- Decision (arbitrary, two-way):" in s, "the new line")
    tmux.text("Retry three times")
    tmux.wait_for(lambda s: "1 inline decision" in s, "the first decision recognised as typed")
    tmux.keys("Enter")
    tmux.keys("C-n")
    tmux.wait_for(lambda s: "which kind?" in s, "the kind of the second decision")
    tmux.keys("Down")
    tmux.keys("Enter")  # deliberate, two-way
    tmux.wait_for(lambda s: "- Decision (deliberate, two-way):" in s, "the second new line")
    tmux.text("Back off exponentially")
    screen = tmux.wait_for(lambda s: "2 inline decisions" in s, "both decisions recognised")
    assert "A·2w" in screen and "D·2w" in screen  # the gutter marks

    # tag one one-way, on its line: promotion is offered
    for _ in range(3):  # up to the first decision's line (a long line wraps onto two rows at 80 columns)
        tmux.keys("Up")
        tmux.keys("C-o")
        if "door of queue-retries#1" in tmux.wait_for(lambda s: "door of queue-retries#" in s, "the door picker"):
            break
        tmux.keys("Escape")
        tmux.wait_for(lambda s: "door of" not in s, "the picker closed")
    tmux.keys("Up")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "A·1w" in s and "promotes" in s, "the one-way decision offered promotion")
    tmux.keys("C-s")
    doc = repo / "docs/design/queue-retries.md"
    tmux.wait_for(lambda s: doc.is_file() and "(arbitrary, one-way): Retry three times" in doc.read_text(), "the save")
    assert "- Decision (deliberate, two-way): Back off exponentially" in doc.read_text()

    # promote it: both diffs shown first
    tmux.keys("C-r")
    if promote_available():
        tmux.wait_for(lambda s: "Promote queue-retries#1" in s, "the promotion's confirmation")
        tmux.keys("Enter")
        tmux.wait_for(lambda s: any("retry-three-times" in p.name for p in (repo / "decisions").iterdir()),
                      "the promoted record")
    else:
        tmux.wait_for(lambda s: "promotion is not available" in s, "promotion's one line until it is built")

    # commit from the git screen, with the proposed message
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "design documents" in s, "the documents screen again")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: re.search(r"of 1[01] decisions", s), "the table again, with the document's decisions")
    tmux.keys("g")
    screen = tmux.wait_for(lambda s: "decisions: " in s and "queue-retries.md" in s, "the git screen")
    tmux.keys("C-s")
    # Not the "committed" toast (gone after 5 s): the commit itself, and the screen's list emptied after it
    tmux.wait_for(lambda s: last_subject(repo).startswith("decisions: ") and "No changed decision files." in s,
                  "the commit")
    subject = last_subject(repo)
    assert subject.startswith("decisions: ") and "add docs/design/queue-retries.md" in subject
    assert "edit 0002 Indent with tabs" in subject
    assert git(repo, "status", "--porcelain", "--", "docs", "decisions").strip() == ""

    tmux.keys("Escape")
    tmux.wait_for(lambda s: "in force" in s, "the table before quitting")
    tmux.keys("q")
    tmux.wait_for(lambda s: "in force" not in s, "the app to quit")


def test_no_color_draws_in_greys_only(tmp_path, tmux):
    repo = make_sample(tmp_path / "repo")
    tmux.start(repo, 80, 24, NO_COLOR="1", COLORTERM="truecolor")
    tmux.wait_for(lambda s: "of 8 decisions" in s, "the decision table")
    raw = tmux.screen(escapes=True)
    colours = re.findall(r"\x1b\[([0-9;]*)m", raw)
    rgb = [tuple(map(int, m.split(";")[i + 2:i + 5])) for m in colours for i, part in enumerate(m.split(";"))
           if part in ("38", "48") and m.split(";")[i + 1:i + 2] == ["2"]]
    indexed = [int(m.split(";")[i + 2]) for m in colours for i, part in enumerate(m.split(";"))
               if part in ("38", "48") and m.split(";")[i + 1:i + 2] == ["5"]]
    assert rgb or indexed  # it did draw
    assert all(r == g == b for r, g, b in rgb), sorted(set(rgb))[:5]
    assert all(i in (0, 7, 8, 15) or i >= 232 for i in indexed), sorted(set(indexed))  # 232-255: the grey ramp
    tmux.keys("q")


@pytest.mark.parametrize("width, height", [(80, 24), (160, 45)])
def test_a_tagging_session_on_a_real_untagged_folder(tmp_path, tmux, width, height):
    """phodal/adr's 24 Chinese records, as its npm package ships them, untagged: tag one as estimated,
    one by hand, undo, and commit from the git screen the session offers at the end."""
    from tests.test_tui_tagging import phodal_repo, texts

    repo = phodal_repo(tmp_path)
    original = texts(repo)
    tmux.start(repo, width, height, LANG="C.UTF-8")
    tmux.wait_for(lambda s: "of 24 decisions" in s and "~" in s, "the table with its estimates")
    tmux.keys("t")
    tmux.wait_for(lambda s: "1 of 24, 0 accepted as estimated" in s and "Tag it:" in s, "the tagging session")
    tmux.keys("a")
    tmux.wait_for(lambda s: "2 of 24, 1 accepted as estimated" in s, "the first decision tagged as estimated")
    assert sum(1 for name, text in texts(repo).items() if text != original[name]) == 1
    tmux.keys("d")
    tmux.wait_for(lambda s: "(estimated)" in s and "door of" in s, "the door picker, on the estimate")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "door " in s and "(written)" in s, "the door set by hand")
    tmux.keys("u")
    tmux.wait_for(lambda s: "(written)" not in s and "2 of 24" in s, "the door write undone")
    tmux.keys("u")
    tmux.wait_for(lambda s: "1 of 24, 0 accepted as estimated" in s, "the first write undone")
    assert texts(repo) == original
    tmux.keys("a")
    tmux.wait_for(lambda s: "2 of 24, 1 accepted as estimated" in s, "tagged again")
    for _ in range(23):
        tmux.keys("s")
    tmux.wait_for(lambda s: "Commit the tags now?" in s, "the git screen offered at the end")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: "decisions: tag 1 decision (1 as estimated, 0 by hand)" in s, "the prefilled message")
    tmux.keys("C-s")
    tmux.wait_for(lambda s: last_subject(repo) == "decisions: tag 1 decision (1 as estimated, 0 by hand)"
                  and "No changed decision files." in s, "the commit")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "All 24 walked" in s, "the session's summary")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "of 24 decisions" in s, "the table again")
    tmux.keys("q")

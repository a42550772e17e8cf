"""Smoke test of the real program in a real terminal: `python -m adrtool` inside tmux, keys sent, screen read.

Uses its own tmux server (-L) so it never touches anyone's sessions.  Waiting
for the screen is a bounded poll of `capture-pane`: there is no event to wait on
from outside the process, and no assertion depends on how long anything took.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest

from tests.conftest import ROOT, require_tool
from tests.test_tui_sample import make_sample

WIDTH, HEIGHT = 130, 36


class Tmux:
    def __init__(self, tmux: str) -> None:
        self.tmux, self.socket, self.session = tmux, f"adrtool-test-{uuid.uuid4().hex[:8]}", "smoke"

    def __call__(self, *args: str) -> str:
        return subprocess.run([self.tmux, "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        """The pane's text; "" once the session has ended (the app quit and its shell closed the pane)."""
        done = subprocess.run([self.tmux, "-L", self.socket, "capture-pane", "-p", "-t", self.session],
                              capture_output=True, text=True)
        return done.stdout if done.returncode == 0 else ""

    def wait_for(self, predicate, what: str, limit: float = 30.0) -> str:
        deadline = time.monotonic() + limit
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                try:
                    size = self("display", "-p", "-t", self.session, "#{window_width}x#{window_height}").strip()
                except subprocess.CalledProcessError:
                    size = "session ended"
                pytest.fail(f"tmux screen ({size}) never showed {what}:\n{screen}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self("send-keys", "-t", self.session, *keys)


@pytest.fixture
def tmux():
    session = Tmux(require_tool("tmux"))
    yield session
    subprocess.run([session.tmux, "-L", session.socket, "kill-server"], capture_output=True)


def test_adrtool_runs_in_a_real_terminal(tmp_path, tmux):
    repo = make_sample(tmp_path / "repo")
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "Edited in tmux." >> "$1"\n')
    editor.chmod(0o755)
    env = {"PYTHONPATH": str(ROOT), "EDITOR": str(editor), "TERM": "xterm-256color", "HOME": str(tmp_path),
           "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    command = " ".join([*(f"{k}={v}" for k, v in env.items()), sys.executable, "-m", "adrtool"])
    tmux("new-session", "-d", "-s", tmux.session, "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(repo), command)

    screen = tmux.wait_for(lambda s: "Use PostgreSQL" in s and "of 8 decisions" in s, "the decision table")
    assert "one-way" in screen and "deliberate" in screen and "untagged" in screen  # table and 2x2

    tmux.keys("/")
    tmux.wait_for(lambda s: "Back to table" in s, "the filter focused (its footer)")  # keys typed before focus moves go to the table
    tmux.keys("-l", "kafka")
    screen = tmux.wait_for(lambda s: "1 of 8 decisions" in s, "the filtered table")
    assert "Queue events with Kafka" in screen and "Use PostgreSQL" not in screen.split("Queue")[0].split("ID")[-1]

    tmux.keys("Escape")  # alone: an Escape followed at once by a key reads as alt+key in any terminal
    tmux.wait_for(lambda s: "n New" in s, "the table focused again (its footer)")
    tmux.keys("E")  # $EDITOR with the app suspended, then back
    record = repo / "decisions" / "0005-queue-with-kafka.md"
    tmux.wait_for(lambda s: record.read_text().endswith("Edited in tmux.\n") and "of 8 decisions" in s,
                  "the app back after the external editor")

    tmux.keys("q")
    tmux.wait_for(lambda s: "of 8 decisions" not in s, "the app to quit")

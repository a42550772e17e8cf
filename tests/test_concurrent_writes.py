"""No lost update between adrtool writers: 8 real processes editing the same records at once.

Each writer is its own long-lived Python process (`tests/concurrent_writer.py`)
running real CLI commands; every round sends all eight their command at the
same moment, then checks the files: every writer that printed "updated" has
its change in the file, and every file still parses.  Issue 14 reproduced
the lost update with two `adrtool tag` processes in 2 to 12 rounds of 30.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from adrtool import store
from adrtool.model import Relation, Status
from tests.conftest import ROOT, git, write

WRITERS = 8
ROUNDS = 200
NEW_ROUNDS = 25


def record(n: int) -> str:
    return (f"---\nstatus: proposed\ndate: 2024-01-0{1 + n % 9}\n---\n\n# Decision number {n}\n\n"
            f"## Context\n\nWhy {n} matters.\n\n## Decision\n\nWe do {n}.\n")


class Writers:
    """WRITERS adrtool processes, each answering one command at a time."""

    def __init__(self, count: int):
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.procs = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "concurrent_writer.py")],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
                                       bufsize=1) for _ in range(count)]

    def run(self, cwd: Path, commands: list[list[str]]) -> list[dict]:
        """Send every writer its command before reading any answer, so that they all run at once."""
        for proc, args in zip(self.procs, commands):
            proc.stdin.write(json.dumps({"cwd": str(cwd), "args": args}) + "\n")
            proc.stdin.flush()
        answers = []
        for proc in self.procs[: len(commands)]:
            line = proc.stdout.readline()
            assert line, f"writer {proc.pid} died"
            answers.append(json.loads(line))
        return answers

    def close(self) -> None:
        for proc in self.procs:
            proc.stdin.close()
        for proc in self.procs:
            proc.wait(timeout=30)


@pytest.fixture(scope="module")
def writers():
    pool = Writers(WRITERS)
    yield pool
    pool.close()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")  # a real repository: temporary files go to its git directory
    write(tmp_path / ".adrtool.toml", 'dirs = ["decisions"]\n')
    for n in range(1, 11):
        write(tmp_path / f"decisions/{n:04d}-decision-number-{n}.md", record(n))
    return tmp_path


def reset(root: Path) -> None:
    for n in range(1, 11):
        (root / f"decisions/{n:04d}-decision-number-{n}.md").write_text(record(n))


def load_clean(root: Path):
    repo = store.load(root)
    assert not repo.all_problems(), [str(p) for p in repo.all_problems()]
    assert len(repo.records) >= 10
    return repo


def linked_numbers(repo, number: int) -> set[int]:
    d = repo.resolve(str(number))
    return {repo.resolve_link(d, t).number for t in d.linked(Relation.RELATES_TO)}


def updated(answer: dict, rel: str) -> bool:
    return answer["code"] == 0 and f"updated {rel}\n" in answer["out"]


FIRST = "decisions/0001-decision-number-1.md"


def test_eight_writers_on_different_keys_of_one_record_lose_nothing(writers, repo):
    commands = [["tag", "1", "--choice", "deliberate"], ["tag", "1", "--door", "one-way"], None,
                ["status", "1", "accepted"]] + [["link", "1", "relates-to", str(n)] for n in range(2, 6)]
    for r in range(ROUNDS):
        reset(repo)
        commands[2] = ["tag", "1", "--revisit", f"round {r}"]
        answers = writers.run(repo, commands)
        # Nothing here can legitimately be refused: each writer either wins or re-applies its edit.
        assert all(updated(a, FIRST) for a in answers), (r, answers)
        loaded = load_clean(repo)
        d = loaded.resolve("1")
        assert (d.choice.value, d.door.value, d.revisit, d.status) == ("deliberate", "one-way", f"round {r}",
                                                                       Status.ACCEPTED), (r, answers)
        assert linked_numbers(loaded, 1) == {2, 3, 4, 5}, r
        assert all(linked_numbers(loaded, n) == {1} for n in range(2, 6)), r


def test_eight_writers_on_the_same_key_serialise(writers, repo):
    for r in range(ROUNDS):
        reset(repo)
        kind = r % 3
        if kind == 0:  # all eight add to the same link list: every one must be there
            commands = [["link", "1", "relates-to", str(n)] for n in range(2, 10)]
        elif kind == 1:  # all eight set the same key: the value left is one a writer that said "updated" set
            commands = [["tag", "1", "--revisit", f"writer {w} round {r}"] for w in range(WRITERS)]
        else:  # accept and reject race: the first wins, the lifecycle refuses the others
            commands = [["status", "1", "accepted" if w % 2 else "rejected"] for w in range(WRITERS)]
        answers = writers.run(repo, commands)
        loaded = load_clean(repo)
        d = loaded.resolve("1")
        winners = [cmd for cmd, a in zip(commands, answers) if updated(a, FIRST)]
        if kind == 0:
            assert len(winners) == WRITERS, answers
            assert linked_numbers(loaded, 1) == set(range(2, 10)), r
        elif kind == 1:
            assert len(winners) == WRITERS, answers
            assert d.revisit in {cmd[-1] for cmd in winners}, (r, d.revisit)
        else:
            assert len(winners) == 1, answers  # one transition from proposed; then the other is outside the lifecycle
            assert d.status.value == winners[0][-1], (r, answers)
            for cmd, a in zip(commands, answers):
                if cmd[-1] == winners[0][-1]:
                    assert a["code"] == 0, a  # the same status again: nothing to change
                else:
                    assert a["code"] == 2 and a["err"].count("\n") == 1, a
                    assert "outside the lifecycle" in a["err"] or "is final" in a["err"], a


def test_eight_new_records_at_once_get_eight_numbers(writers, repo):
    for r in range(NEW_ROUNDS):
        answers = writers.run(repo, [["new", f"Writer {w} round {r}"] for w in range(WRITERS)])
        assert all(a["code"] == 0 and a["out"].startswith("created ") for a in answers), answers
        paths = [a["out"].split()[1] for a in answers]
        loaded = load_clean(repo)
        numbers = sorted(loaded.resolve(p).number for p in paths)
        assert numbers == list(range(11 + r * WRITERS, 11 + (r + 1) * WRITERS)), (r, paths)
        for w, p in enumerate(paths):
            assert loaded.resolve(p).title == f"Writer {w} round {r}"
    assert not list((repo / "decisions").glob(".*"))
    assert not list((repo / ".git" / "adrtool-tmp").iterdir())

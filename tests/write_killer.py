"""Kill adrtool writers with SIGKILL at random moments while they rewrite a large record.

    python tests/write_killer.py ROOT ROUNDS SEED MAX_DELAY_MS

ROOT holds `decisions/0001-big.md` with text A or B (see `texts`).  Each
round forks a writer that loads the repository and rewrites the record
A -> B -> A ... through `changes.apply` (the one write path) as fast as it
can; once it has loaded, after a random delay, it is killed with SIGKILL
(a temporary file left behind shows the kill landed inside a write), and the record
is checked: it must be exactly A or exactly B, and the decision folder must
hold nothing but the record.  The last line printed is a JSON report the
test asserts on.  Forking from one warm process keeps hundreds of kills
within seconds; every writer is still a real process killed by the kernel.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

REL = "decisions/0001-big.md"


def texts(size: int = 1_000_000) -> tuple[str, str]:
    """Two valid records of about `size` bytes that differ at both ends (a torn write shows)."""
    line = "The quick brown fox decides to jump over the lazy dog, deliberately and reversibly.\n"
    body = "## Context\n\n" + line * (size // len(line))
    head = "---\nstatus: accepted\ndate: 2024-01-01\nchoice: arbitrary\ndoor: two-way\nrevisit: {}\n---\n\n# Big\n\n"
    return head.format("when A") + body + "End A.\n", head.format("when B") + body + "End B.\n"


def writer(root: Path, a: str, b: str, ready: int) -> None:
    from adrtool import store
    from adrtool.authoring.changes import Change, apply

    repo = store.load(root)
    os.write(ready, b"r")  # loaded: from now on the writer is always inside or between writes
    while True:
        text = repo.text(REL)
        apply(repo, [Change(REL, text, b if text == a else a)])


def main(argv: list[str]) -> int:
    root, rounds, seed, max_delay = Path(argv[0]), int(argv[1]), int(argv[2]), float(argv[3]) / 1000
    import adrtool.authoring.changes  # noqa: F401  (imported once, before forking)
    from adrtool import store  # noqa: F401
    from adrtool.store_write import staging_folder

    rng = random.Random(seed)
    a, b = texts()
    path, folder = root / REL, (root / REL).parent
    report = {"rounds": 0, "flips": 0, "inside": 0, "torn": [], "leftovers": []}
    last = path.read_bytes()
    n = 0
    # At least `rounds` kills, and more on a busy machine until enough landed inside a write.
    while n < rounds or (n < 5 * rounds and min(report["flips"], report["inside"]) < rounds // 10):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                writer(root, a, b, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        os.read(read_end, 1)
        os.close(read_end)
        time.sleep(rng.uniform(0, max_delay))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = path.read_bytes()
        if data not in (a.encode(), b.encode()):
            report["torn"].append({"round": n, "size": len(data)})
        report["flips"] += data != last
        last = data
        extra = sorted(p.name for p in folder.iterdir() if p.name != "0001-big.md")
        if extra:
            report["leftovers"].append({"round": n, "files": extra})
        area = staging_folder(folder)
        report["inside"] += any(p.name.endswith(".tmp") for p in area.iterdir())
        n += 1
    report["rounds"] = n
    # One more write by a live writer: it removes what the killed ones left behind.
    from adrtool import store as store_module
    from adrtool.authoring.changes import Change, apply

    repo = store_module.load(root)
    text = repo.text(REL)
    apply(repo, [Change(REL, text, b if text == a else a)])
    area = staging_folder(folder)
    report["after_next_write"] = sorted(p.name for p in area.iterdir() if p.name.endswith(".tmp"))
    report["problems"] = [str(p) for p in store_module.load(root).all_problems()]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

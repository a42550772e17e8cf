"""Start-up cost of a light command (issue 13): does shell completion, or any new command, slow `adrtool list`?

Runs `python -m adrtool list` on adrtool's own decisions N times as a real
process and reports the median and best wall time, and how long importing
the command line takes (`-X importtime`: adrtool.cli with every command
module `build_parser` loads).  Nothing is asserted; the figures go to
bench/README.md.

    python bench/startup_bench.py            # 20 runs
    python bench/startup_bench.py --runs 50
    python bench/startup_bench.py --code /tmp/old-checkout   # another version of the code, same decisions
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


CODE = ROOT  # whose adrtool runs (--code); the decisions listed are always this checkout's


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(CODE))


def wall(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "adrtool", "list"], cwd=ROOT, env=_env(), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return out


def floor(runs: int) -> list[float]:
    """The floor: a Python process that does nothing (`python -c pass`)."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        out.append(time.perf_counter() - start)
    return out


def parser_import_us(runs: int) -> list[int]:
    """Microseconds spent importing adrtool.cli and building the parser (every command module)."""
    code = "import adrtool.cli as c; c.build_parser()"
    out = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=ROOT, env=_env(),
                              capture_output=True, text=True, check=True)
        total = 0
        for line in done.stderr.splitlines():
            parts = line.split("|")
            # Top-level imports only (no leading spaces before the name): their cumulative time counts once.
            if len(parts) == 3 and parts[2].startswith(" adrtool") and not parts[2].startswith("  "):
                total += int(parts[1])
        out.append(total)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--code", type=Path, default=ROOT, help="the adrtool checkout to run (default: this one)")
    args = parser.parse_args()
    global CODE
    CODE = args.code.resolve()
    times = wall(args.runs)
    imports = parser_import_us(args.runs)
    empty = floor(args.runs)
    print(f"adrtool list (own decisions), {args.runs} runs: median {statistics.median(times) * 1000:.0f} ms, "
          f"best {min(times) * 1000:.0f} ms (floor, `python -c pass`: best {min(empty) * 1000:.0f} ms, "
          f"ratio {min(times) / min(empty):.1f})")
    print(f"importing adrtool.cli + every command module: median {statistics.median(imports) / 1000:.1f} ms, "
          f"best {min(imports) / 1000:.1f} ms")


if __name__ == "__main__":
    main()

"""Measuring whole processes: wall time and peak memory, best of N, and what machine it ran on.

Peak memory is the maximum resident set size GNU time reports for the
process: the largest of the process and of any child it waited for (not a
sum, so a command that forks a helper is measured by its bigger half).
"""

from __future__ import annotations

import os
import platform
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = "/usr/bin/time"


@dataclass
class Measurement:
    wall: float  # seconds, best run
    rss_mb: float  # MB, largest over the runs
    runs: int
    code: int  # exit code of the last run
    out: str  # standard output of the last run
    err: str
    load: str  # 1-minute load average when the measurement started

    @property
    def ok(self) -> bool:
        return self.code == 0


def run_once(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, int, str, str]:
    """(wall seconds, peak RSS MB, exit code, stdout, stderr) of one run of `cmd`."""
    wall, rss, _, code, out, err = run_with_cpu(cmd, cwd, env)
    return wall, rss, code, out, err


def run_with_cpu(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, float, int, str, str]:
    """(wall seconds, peak RSS MB, CPU seconds, exit code, stdout, stderr) of one run of `cmd`.

    CPU is user + system time of the process and of every process it waited
    for (git, a forked parser): Linux adds a reaped child's time to its parent's.

    The process is started through GNU time when it exists: Linux carries a
    process's peak RSS across fork and exec, so a child forked straight from
    this (large) Python process would report at least our own size.
    """
    full_env = dict(os.environ, **(env or {}))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        wrapped = [GNU_TIME, "-q", "-f", "%M", "-o", rss.name, *cmd] if os.path.exists(GNU_TIME) else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, env=full_env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        kb = usage.ru_maxrss
        if wrapped is not cmd:
            text = rss.read().strip().splitlines()
            kb = int(text[-1]) if text and text[-1].isdigit() else kb
        out.seek(0)
        err.seek(0)
        return (wall, kb / 1024, usage.ru_utime + usage.ru_stime, proc.returncode,
                out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def measure(cmd: list[str], cwd: Path, runs: int = 3, env: dict | None = None, before=None) -> Measurement:
    """Best wall time of `runs` runs; `before()` restores the repository before each run of a write."""
    load = load_average()
    best, peak, last = float("inf"), 0.0, (0, "", "")
    for _ in range(runs):
        if before:
            before()
        wall, rss, code, out, err = run_once(cmd, cwd, env)
        best, peak, last = min(best, wall), max(peak, rss), (code, out, err)
    return Measurement(best, peak, runs, last[0], last[1], last[2], load)


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f}/{five:.2f}"


def machine() -> str:
    """One line naming the CPU, cores, memory, OS and Python."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def tool_version(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"
    return (proc.stdout or proc.stderr).strip().splitlines()[0] if (proc.stdout or proc.stderr).strip() else "?"


def interleaved(cases: dict[str, tuple[list[str], Path]], runs: int = 5, env: dict | None = None,
                before=None) -> dict[str, list[tuple[float, float, float]]]:
    """(wall, peak MB, CPU seconds) of every run of each case, the cases taking turns run after run.

    A figure and its floor measured in turns see the same machine: on a
    shared machine whose load drifts, a ratio of medians taken this way is
    steadier than either figure alone.
    """
    out: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (cmd, cwd) in cases.items():
            if before:
                before(name)
            wall, rss, cpu, code, _, err = run_with_cpu(cmd, cwd, env)
            if code not in (0, 1):
                raise RuntimeError(f"{' '.join(cmd)} exited {code}: {(err.strip().splitlines() or [''])[-1]}")
            out[name].append((wall, rss, cpu))
    return out


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2

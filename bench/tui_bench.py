"""Time the terminal UI with Pilot, in the repository of the current directory; prints one JSON line.

    cd bench/out/mixed-10000 && BENCH_START=$(date +%s.%N) python ../../tui_bench.py
    python ../../tui_bench.py --profile filter     # cProfile of the filter keystrokes, top 30 to stderr

Two clocks, reported side by side:

- in the app: the bench runs a subclass of the app that takes a timestamp
  when the key event reaches the app (`on_event`, before bindings and the
  focused widget see it) and another at the end of the screen's first
  compositor refresh after the change is made (the table refilled, the
  pane's header or body updated), i.e. once the new rows / pane have been
  rendered into the frame.  (Headless, Textual skips only the last step, turning
  that frame into terminal escape codes.)  This is what a user waits for.
- Pilot round trip: from calling `pilot.press` until the same frame, as
  observed by the bench's own task; it adds Pilot's waits for idle and the
  test harness's scheduling, about 50-100 ms a key on a loaded machine.

Figures (seconds):
- first_paint: process start (BENCH_START, set by bench/run.py just before it
  starts this process; else this script's own start) to the app's first
  screen, i.e. when `run_test` hands over the Pilot;
- table_usable: process start to the frame that shows the table filled
  with every decision (in-app mark, as below);
- background_done: process start until the workers that follow the table
  (the links index, the git history) are done; the keystrokes and cursor
  moves below are timed after that, as a user types once the app is up;
- table_settled: process start until the process is idle after that
  (Pilot's `pause()`: what the app does in the background once the table
  is up, the detail pane's links and git history; at most 1 s more);
- filter_keystroke (Pilot round trip) / filter_keystroke_in_app: the slowest
  of the keystrokes typed into the filter box, until the table shows the
  rows for the text typed so far;
- cursor_detail / cursor_detail_in_app: the slowest of the cursor moves,
  until the detail pane shows the new decision with its rendered Markdown
  body (the body's debounce included);
- cursor_header_in_app: the slowest of the same moves until the pane shows
  the new decision's title, status and tags (painted at once, before the body);
- *_cpu: the same spans in CPU time of this process (time.process_time), which
  a busy shared machine does not stretch as it stretches the wall clock (the
  debounce's wait is not CPU time, so cursor_detail_cpu leaves it out).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

START = float(os.environ.get("BENCH_START") or time.time())
SIZE = (160, 48)
FILTER_TEXT = "redis"
MOVES = 5
GIVE_UP = 5.0  # seconds: a frame that never comes is reported, not waited for forever


def timed_app():
    """The app, plus the in-app clock: key arrival and 'this change is on screen' marks."""
    from textual import events

    from adrtool.tui import app as app_module
    from adrtool.tui.app import AdrApp
    from adrtool.tui.screens.home import HomeScreen

    class TimedHome(HomeScreen):
        """Marks the frame that shows a change: the screen's first compositor refresh after the
        call that made it (see on_mount)."""

        def __init__(self) -> None:
            super().__init__()
            self._pending: list[str] = []

        def _compositor_refresh(self) -> None:
            super()._compositor_refresh()
            app = self.app
            for what in self._pending:
                app._mark(what)
                if what == "table" and "filled" not in app.painted and app.table.row_count:
                    app.painted["filled"] = time.time()  # wall clock, like START
            self._pending.clear()

        def on_mount(self) -> None:
            # A change is on screen in the first frame after the call that makes it: the table's
            # refill, the pane's header (`show`) and body (`_render_body`).  Their messages (Filled,
            # Shown, Rested) may be handled after that frame: a keystroke's refill and a cursor
            # move's header are made inside the key's own handling, in the same frame as the key.
            self._after(self.table, "refill", "table")
            self._after(self.detail, "show", "header")
            self._after(self.detail, "_render_body", "body")

        def _after(self, widget, method: str, what: str) -> None:
            call = getattr(widget, method)

            def timed(*args, **kwargs):
                result = call(*args, **kwargs)
                self._pending.append(what)
                return result

            setattr(widget, method, timed)

    class TimedApp(AdrApp):
        CSS_PATH = str(Path(app_module.__file__).with_name(AdrApp.CSS_PATH))  # Textual resolves it beside the subclass

        def __init__(self) -> None:
            super().__init__(watch=False)
            self.key_at = 0.0
            self.key_cpu = 0.0
            self.painted: dict[str, float] = {}  # what -> perf_counter when its frame was rendered
            self.painted_cpu: dict[str, float] = {}  # what -> process CPU time then (the machine's load aside)

        def get_default_screen(self) -> HomeScreen:
            return TimedHome()

        async def on_event(self, event) -> None:
            if isinstance(event, events.Key):
                self.key_at = time.perf_counter()
                self.key_cpu = time.process_time()
            await super().on_event(event)

        def _mark(self, what: str) -> None:
            self.painted[what] = time.perf_counter()
            self.painted_cpu[what] = time.process_time()

    return TimedApp()


async def _until(condition, started: float) -> None:
    while not condition() and time.perf_counter() - started < GIVE_UP:
        await asyncio.sleep(0.001)


async def measure(profile: str | None = None) -> dict:
    app = timed_app()
    profiler = cProfile.Profile()
    figures: dict[str, float] = {}
    detail: list[str] = []  # per keystroke, to stderr
    async with app.run_test(size=SIZE) as pilot:
        figures["first_paint"] = time.time() - START
        await app.loaded.wait()
        await _until(lambda: "filled" in app.painted, time.perf_counter())
        figures["table_usable"] = app.painted.get("filled", float("inf")) - START
        await pilot.pause()  # waits for the whole process to idle (at most 1 s): the background work done
        figures["table_settled"] = time.time() - START
        await app.wait_idle()  # the links index and git history, read in workers once the table is up
        figures["background_done"] = time.time() - START
        await app.detail.flush_body()
        await pilot.pause()
        app.home.flush_review()  # the first row's review (it starts once the cursor has rested)
        await app.wait_idle()
        figures["rows"] = float(app.table.row_count)

        app.home.action_focus_filter()
        await pilot.pause()
        round_trip = in_app = cpu = 0.0
        typed = ""
        if profile == "filter":
            profiler.enable()
        for ch in FILTER_TEXT:
            typed += ch
            app.painted.pop("table", None)
            t = time.perf_counter()
            await pilot.press(ch)
            await _until(lambda: "table" in app.painted and app.table.query_text == typed, t)
            round_trip = max(round_trip, time.perf_counter() - t)
            in_app = max(in_app, app.painted.get("table", float("inf")) - app.key_at)
            cpu = max(cpu, app.painted_cpu.get("table", float("inf")) - app.key_cpu)
            detail.append(f"{typed!r}: {app.table.row_count} rows, in app {(app.painted.get('table', float('inf')) - app.key_at) * 1000:.0f} ms,"
                          f" round trip {(time.perf_counter() - t) * 1000:.0f} ms")
        profiler.disable()
        figures["filter_keystroke"] = round_trip
        figures["filter_keystroke_in_app"] = in_app
        figures["filter_keystroke_cpu"] = cpu
        figures["filtered_rows"] = float(app.table.row_count)
        for _ in FILTER_TEXT:  # back to the whole table
            await pilot.press("backspace")
        await _until(lambda: app.table.query_text == "", time.perf_counter())
        app.home.action_leave_filter()
        await pilot.pause()
        app.home.flush_detail()  # the pane waits for typing to pause: show it now, before the moves
        await pilot.pause()
        await app.detail.flush_body()
        await pilot.pause()

        round_trip = in_app = header = cpu = header_cpu = 0.0
        if profile == "cursor":
            profiler.enable()
        for _ in range(MOVES):
            before = app.detail.decision
            app.painted.pop("header", None)
            app.painted.pop("body", None)
            t = time.perf_counter()
            await pilot.press("down")
            await _until(lambda: app.detail.decision is not before and "body" in app.painted, t)
            round_trip = max(round_trip, time.perf_counter() - t)
            in_app = max(in_app, app.painted.get("body", float("inf")) - app.key_at)
            header = max(header, app.painted.get("header", float("inf")) - app.key_at)
            cpu = max(cpu, app.painted_cpu.get("body", float("inf")) - app.key_cpu)
            header_cpu = max(header_cpu, app.painted_cpu.get("header", float("inf")) - app.key_cpu)
            detail.append(f"down: header {(app.painted.get('header', float('inf')) - app.key_at) * 1000:.0f} ms,"
                          f" body {(app.painted.get('body', float('inf')) - app.key_at) * 1000:.0f} ms in app,"
                          f" round trip {(time.perf_counter() - t) * 1000:.0f} ms")
        profiler.disable()
        figures["cursor_detail"] = round_trip
        figures["cursor_detail_in_app"] = in_app
        figures["cursor_header_in_app"] = header
        figures["cursor_detail_cpu"] = cpu
        figures["cursor_header_cpu"] = header_cpu
    print("\n".join(detail), file=sys.stderr)
    if profile:
        profiler.dump_stats(f"tui-{profile}.prof")  # in the current directory, for pstats or snakeviz
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=("filter", "cursor"), help="cProfile one phase, report to stderr")
    args = parser.parse_args()
    print(json.dumps({k: round(v, 4) for k, v in asyncio.run(measure(args.profile)).items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time the terminal UI with Pilot, in the repository of the current directory; prints one JSON line.

    cd bench/out/mixed-10000 && BENCH_START=$(date +%s.%N) python ../../tui_bench.py

Figures (seconds):
- first_paint: process start (BENCH_START, set by bench/run.py just before it
  starts this process; else this script's own start) to the app's first
  screen, i.e. when `run_test` hands over the Pilot;
- table_usable: process start to the table filled with every decision
  (the app's `loaded` event) and that frame processed;
- filter_keystroke: the slowest of five keystrokes typed into the filter
  box, from the key press to the refilled table's frame;
- cursor_detail: the slowest of five cursor moves, from the key press until
  the detail pane shows the new decision's Markdown (its debounce included).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time

START = float(os.environ.get("BENCH_START") or time.time())
SIZE = (160, 48)
FILTER_TEXT = "redis"
MOVES = 5


async def measure() -> dict:
    from adrtool.tui.app import AdrApp

    app = AdrApp(watch=False)
    figures: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        figures["first_paint"] = time.time() - START
        await app.loaded.wait()
        await pilot.pause()
        figures["table_usable"] = time.time() - START
        figures["rows"] = float(app.table.row_count)

        app.action_focus_filter()
        await pilot.pause()
        slowest = 0.0
        for ch in FILTER_TEXT:
            t = time.perf_counter()
            await pilot.press(ch)
            await pilot.pause()
            slowest = max(slowest, time.perf_counter() - t)
        figures["filter_keystroke"] = slowest
        figures["filtered_rows"] = float(app.table.row_count)
        for _ in FILTER_TEXT:  # back to the whole table
            await pilot.press("backspace")
        await pilot.pause()
        app.action_leave_filter()
        await pilot.pause()

        await app.detail.flush_body()
        slowest = 0.0
        for _ in range(MOVES):
            t = time.perf_counter()
            await pilot.press("down")
            wanted = app.detail._pending_body  # what the pane was asked to render for the new row
            while app.detail._shown_body != wanted and time.perf_counter() - t < 5:
                await asyncio.sleep(0.002)
            await pilot.pause()
            slowest = max(slowest, time.perf_counter() - t)
        figures["cursor_detail"] = slowest
    return figures


def main() -> int:
    print(json.dumps(asyncio.run(measure())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

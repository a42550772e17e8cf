"""Make the README's screenshots of the terminal UI: Textual's own SVG export, on adrtool's decisions.

    python docs/tui_screenshots.py        # from the checkout: docs/tui-80x24.svg, docs/tui-home.svg

Headless (Pilot), so it runs anywhere; the pictures show whatever `decisions/` holds now.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = {"tui-80x24.svg": (80, 24), "tui-home.svg": (160, 45)}


async def shoot(name: str, size: tuple[int, int]) -> None:
    from adrtool.tui.app import AdrApp

    app = AdrApp(ROOT, watch=False)
    async with app.run_test(size=size) as pilot:
        await asyncio.wait_for(app.loaded.wait(), 60)
        for _ in range(3):  # the table, the detail pane's body, its review
            await pilot.pause()
            await app.wait_idle()
            await app.detail.flush_body()
            await pilot.pause()
            app.home.flush_review()
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / name))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    for name, size in SHOTS.items():
        asyncio.run(shoot(name, size))
        print(f"wrote docs/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

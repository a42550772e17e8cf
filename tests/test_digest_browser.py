"""The HTML digest in real headless Chromium, offline: nothing leaves the page, the 2x2
shows the right counts, the filters work, and it reads on a phone and in print."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

import pytest

from adrtool import digest, store
from tests.conftest import IN_CI, require_tool, write
from tests.digest_samples import TODAY, build_tagged, native

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  # Any request that did try to leave would go to a closed port on loopback.
                  "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


@contextmanager
def chromium(user_data_dir: Path):
    """Debian's Chromium driven by Playwright (never a downloaded browser), with a fresh profile."""
    executable = require_tool("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if IN_CI:
            pytest.fail("playwright is required in CI (pyproject's test extra installs it)")
        pytest.skip("playwright not installed")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=executable, args=CHROMIUM_FLAGS, offline=True,
            viewport={"width": 1200, "height": 900})
        try:
            yield context
        finally:
            context.close()


def build_page_repo(root: Path) -> Path:
    """The tagged sample plus a record whose text points at remote images (bait for requests)."""
    build_tagged(root)
    write(root / "decisions/0012-diagrams.md", native(
        "accepted", "2024-08-01", "arbitrary", "two-way", "Draw diagrams as PNG",
        context='See <img src="https://cdn.example.com/a.png"> and ![b](https://cdn.example.com/b.png) for why.',
        decision="Diagrams live at https://cdn.example.com/diagrams/ for now."))
    return root


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    root = build_page_repo(tmp / "repo")
    repo = store.load(root)
    html = root / "docs/digest.html"
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(digest.render(digest.build(repo, dt.date.fromisoformat(TODAY), out_dir="docs", history=False),
                                  "html"), encoding="utf-8")
    with chromium(tmp / "profile") as context:
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        pg = context.new_page()
        pg.goto(html.as_uri())
        pg.wait_for_load_state("load")
        pg.requests = requests
        pg.html_path = html
        yield pg


def visible_items(page, section: str) -> list[str]:
    return page.eval_on_selector_all(
        f"#{section} .item", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.quadrant)")


def test_no_request_leaves_the_page(page):
    assert page.requests == [page.html_path.as_uri()]
    assert "cdn.example.com" in page.content()  # the bait is on the page, as text


def test_every_link_opens_a_file_of_the_repository(page):
    from urllib.parse import unquote, urlparse

    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => new URL(e.getAttribute('href'), document.baseURI).href)")
    files = {unquote(urlparse(h).path) for h in hrefs if not h.startswith(page.html_path.as_uri() + "#")}
    assert len(files) >= 12 and all(Path(f).is_file() for f in files), files
    assert page.eval_on_selector_all("svg.chain a", "els => els.length") == 2  # 0007 -> 0008


def test_the_2x2_shows_the_counts(page):
    counts = {q: page.text_content(f'.quad[data-quadrant="{q}"] .count')
              for q in ("deliberate/one-way", "deliberate/two-way", "arbitrary/one-way", "arbitrary/two-way", "untagged")}
    assert counts == {"deliberate/one-way": "4", "deliberate/two-way": "1", "arbitrary/one-way": "1",
                      "arbitrary/two-way": "3", "untagged": "4"}


def test_estimates_are_drawn_apart_from_the_tagged_counts(page):
    """Each cell keeps its tagged count; the estimate sits in a dashed box of its own, labelled "est."."""
    boxes = {q: page.text_content(f'.quad[data-quadrant="{q}"] .est-count')
             for q in ("deliberate/one-way", "deliberate/two-way", "arbitrary/one-way", "arbitrary/two-way")}
    assert sum(int(v.split()[0]) for v in boxes.values()) == 4 and all(v.endswith(" est.") for v in boxes.values())
    count = page.locator('.quad[data-quadrant="deliberate/one-way"] .count').bounding_box()
    box = page.locator('.quad[data-quadrant="deliberate/one-way"] .est-box').bounding_box()
    apart = box["y"] + box["height"] <= count["y"] or box["x"] >= count["x"] + count["width"]
    assert apart, (count, box)
    assert page.is_visible("#likely-load-bearing") and "rest on estimates, not tags" in page.text_content(".glance")


def test_quadrant_filter(page):
    assert len(visible_items(page, "load-bearing")) == 4
    page.click('.quad[data-quadrant="arbitrary/two-way"]')
    try:
        assert visible_items(page, "free-to-change") == ["arbitrary/two-way"] * 3
        assert visible_items(page, "load-bearing") == []
        assert page.is_visible("#load-bearing .filtered-empty")
        assert set(visible_items(page, "history")) == {"arbitrary/two-way"}  # the timeline follows the filter
        assert page.text_content("#filter-status") == "Showing Free to change only."
    finally:
        page.click("#show-all")
    assert len(visible_items(page, "load-bearing")) == 4


def test_tag_filter(page):
    page.select_option("#tag-filter", "storage")
    try:
        titles = page.eval_on_selector_all("#load-bearing .item", "els => els.filter(e => e.offsetParent !== null)"
                                           ".map(e => e.querySelector('.id').textContent)")
        assert titles == ["0001", "0002"]
    finally:
        page.click("#show-all")


def test_readable_on_a_phone_and_screenshots(page, tmp_path):
    page.screenshot(path=str(tmp_path / "digest-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, "the page scrolls sideways on a phone"
        page.screenshot(path=str(tmp_path / "digest-phone.png"))
    finally:
        page.set_viewport_size({"width": 1200, "height": 900})
    for name in ("digest-desktop.png", "digest-phone.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_print_hides_the_controls(page):
    page.emulate_media(media="print")
    try:
        assert page.eval_on_selector(".filters", "e => getComputedStyle(e).display") == "none"
        assert page.eval_on_selector("#load-bearing", "e => getComputedStyle(e).display") != "none"
    finally:
        page.emulate_media(media="screen")


def save_screenshot(png: Path) -> None:
    """docs/digest-screenshot.png for the README: `python -m tests.test_digest_browser docs/digest-screenshot.png`."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = build_tagged(Path(tmp) / "repo")
        html = root / "digest.html"
        html.write_text(digest.render(digest.build(store.load(root), dt.date.fromisoformat(TODAY), history=False),
                                      "html"), encoding="utf-8")
        with chromium(Path(tmp) / "profile") as context:
            pg = context.new_page()
            pg.set_viewport_size({"width": 1200, "height": 1500})
            pg.goto(html.as_uri())
            pg.screenshot(path=str(png))


if __name__ == "__main__":
    import sys

    save_screenshot(Path(sys.argv[1]))

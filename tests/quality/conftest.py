"""Fixtures of the quality gates: the session's one build, one local server, one browser.

- The site is the session's ``real_site`` (tests/conftest.py): ``mkdocs build --strict``
  with SOURCE_DATE_EPOCH set to the commit time (``RR_SITE_DIR`` / ``RR_MKDOCS_CONFIG``
  choose another).
- The site is served from a thread on 127.0.0.1 (free port) under its site_url sub-path.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from . import browser as B
from . import checks
from .tools import ROOT, chromium_path, require_axe, require_playwright

SCREENSHOTS = ROOT / "test-output" / "screenshots"
# Viewport screenshots by default (fast); RR_FULL_PAGE_SCREENSHOTS=1 for whole pages
# (several seconds each on the long theme pages).
FULL_PAGE = os.environ.get("RR_FULL_PAGE_SCREENSHOTS", "") not in {"", "0"}


@pytest.fixture(scope="session")
def site_dir(real_site: Path) -> Path:
    return real_site


@pytest.fixture(scope="session")
def pages(site_dir) -> list[str]:
    found = checks.discover_pages(site_dir)
    assert found, f"no index.html pages in {site_dir}"
    return found


@pytest.fixture(scope="session")
def browser_pages(pages) -> list[str]:
    """Pages the browser sweep visits: every hand-written page, and an even sample of the
    generated fact and entity pages (one template each, hundreds of pages). The static
    gates (links, validity, weight) still cover every page; RR_BROWSER_ALL=1 sweeps all."""
    return checks.browser_sample(pages, per_kind=int(os.environ.get("RR_BROWSER_SAMPLE", "6")),
                                 everything=os.environ.get("RR_BROWSER_ALL") == "1")


@pytest.fixture(scope="session")
def served(site_dir):
    s = checks.serve(site_dir, checks.site_prefix(site_dir))  # kit.serve
    yield s
    s.close()


@pytest.fixture(scope="session")
def chromium() -> str:
    require_playwright()
    return chromium_path()


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = B.launch(p, chromium)
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return require_axe().read_text("utf-8")


@dataclass
class PageReport:
    page: str
    light: B.Visit
    schemes: tuple = ()
    axe: dict = field(default_factory=dict)  # palette -> violations
    screenshots: list[Path] = field(default_factory=list)
    error: str | None = None


HOMES = ("", "zh/")  # where the sweep runs every axe rule in the dark palette too


#: Browsers the sweep drives side by side (RR_SWEEP_WORKERS). One: a single Chromium
#: already keeps both cores of this machine busy (measured: two gave 90 s against 96 s).
SWEEP_WORKERS = int(os.environ.get("RR_SWEEP_WORKERS", "1"))


def _visit(tab: B.Tab, served, page_path: str, axe_source: str) -> PageReport:
    """Load, screenshot + axe in light, toggle, screenshot + axe in dark."""
    visit = tab.open(served.url(page_path))
    page = tab.page
    report = PageReport(page_path, visit)
    try:
        name = B.slug(page_path)
        shot = SCREENSHOTS / f"{name}-light.png"
        page.screenshot(path=str(shot), full_page=FULL_PAGE)
        report.screenshots.append(shot)
        report.axe["light"] = B.run_axe(page, axe_source)
        report.schemes = B.toggle_palette(page)
        shot = SCREENSHOTS / f"{name}-dark.png"
        page.screenshot(path=str(shot), full_page=FULL_PAGE)
        report.screenshots.append(shot)
        report.axe["dark"] = B.run_axe(
            page, axe_source, None if page_path in HOMES else B.PALETTE_RULES)
    except Exception as exc:  # reported by the tests, not a crash of the sweep
        report.error = f"{type(exc).__name__}: {exc}"
    return report


@pytest.fixture(scope="session")
def sweep(chromium, served, browser_pages, axe_source) -> list[PageReport]:
    """Visit every page once (see _visit), SWEEP_WORKERS browsers at a time, each in its
    own thread with its own Playwright (Playwright objects belong to one thread)."""
    from concurrent.futures import ThreadPoolExecutor

    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    chunks = [browser_pages[i::SWEEP_WORKERS] for i in range(SWEEP_WORKERS)]

    def work(chunk: list[str]) -> list[PageReport]:
        with sync_playwright() as p:
            browser = B.launch(p, chromium)
            tab = B.Tab(browser, served.origin)
            try:
                return [_visit(tab, served, page, axe_source) for page in chunk]
            finally:
                tab.close()
                browser.close()

    with ThreadPoolExecutor(SWEEP_WORKERS) as pool:
        done = {r.page: r for reports in pool.map(work, chunks) for r in reports}
    print(f"\n[quality] browser sweep of {len(browser_pages)} pages x 2 palettes in "
          f"{time.monotonic() - t0:.1f} s ({SWEEP_WORKERS} browsers)")
    return [done[page] for page in browser_pages]

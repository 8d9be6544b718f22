"""Fixtures of the quality gates: one strict build, one local server, one browser.

- ``RR_SITE_DIR=/path/to/site`` reuses an already built site instead of building.
- ``RR_MKDOCS_CONFIG=/path/to/mkdocs.yml`` builds another config than the repo's.
- The build runs ``mkdocs build --strict`` with SOURCE_DATE_EPOCH set to the commit time.
- The site is served from a thread on 127.0.0.1 (free port) under its site_url sub-path.
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def source_date_epoch() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=30).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    return "1700000000"


def config_path() -> Path:
    return Path(os.environ.get("RR_MKDOCS_CONFIG") or ROOT / "mkdocs.yml").resolve()


def mkdocs_build(config: Path, dest: Path, strict: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=source_date_epoch())
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)]
    if strict:
        cmd.insert(4, "--strict")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900,
                          cwd=str(config.parent))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    given = os.environ.get("RR_SITE_DIR")
    if given:
        path = Path(given).resolve()
        assert (path / "index.html").is_file(), f"RR_SITE_DIR={given} has no index.html"
        return path
    config = config_path()
    if not config.is_file():
        pytest.fail(f"{config} is missing: there is no site to check", pytrace=False)
    dest = tmp_path_factory.mktemp("site") / "site"
    t0 = time.monotonic()
    proc = mkdocs_build(config, dest)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}",
                    pytrace=False)
    print(f"\n[quality] built the site in {time.monotonic() - t0:.1f} s -> {dest}")
    return dest


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
    s = checks.serve(site_dir, checks.site_prefix(site_dir))
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


def origin_of(served) -> str:
    return served.base_url[: served.base_url.index("/", len("http://"))]


@dataclass
class PageReport:
    page: str
    light: B.Visit
    schemes: tuple = ()
    axe: dict = field(default_factory=dict)  # palette -> violations
    screenshots: list[Path] = field(default_factory=list)
    error: str | None = None


@pytest.fixture(scope="session")
def sweep(browser, served, browser_pages, axe_source) -> list[PageReport]:
    """Visit every page once: load, screenshot + axe in light, toggle, screenshot + axe in dark."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    origin = origin_of(served)
    reports = []
    t0 = time.monotonic()
    for page_path in browser_pages:
        ctx, page, visit = B.open_page(browser, origin, served.url(page_path))
        report = PageReport(page_path, visit)
        try:
            name = B.slug(page_path)
            shot = SCREENSHOTS / f"{name}-light.png"
            page.screenshot(path=str(shot), full_page=FULL_PAGE)
            report.screenshots.append(shot)
            report.axe["light"] = B.run_axe(page, axe_source)
            report.schemes = B.toggle_palette(page)
            page.wait_for_timeout(100)
            shot = SCREENSHOTS / f"{name}-dark.png"
            page.screenshot(path=str(shot), full_page=FULL_PAGE)
            report.screenshots.append(shot)
            report.axe["dark"] = B.run_axe(page, axe_source)
        except Exception as exc:  # reported by the tests, not a crash of the sweep
            report.error = f"{type(exc).__name__}: {exc}"
        finally:
            ctx.close()
        reports.append(report)
    print(f"\n[quality] browser sweep of {len(browser_pages)} pages x 2 palettes in {time.monotonic() - t0:.1f} s")
    return reports

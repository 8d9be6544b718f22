"""Fixtures every part of the suite shares, and the markers that let a maintainer choose.

* ``real_site``: ONE strict build of the real bilingual site per test session
  (``SOURCE_DATE_EPOCH`` = the commit time), shared by every test that reads built
  pages, and the first of the two builds the reproducibility gate compares.
  ``RR_SITE_DIR=site`` reuses a site built already (``make build``);
  ``RR_MKDOCS_CONFIG=path/to/mkdocs.yml`` builds another config.
* ``mini_factbase`` / ``factbase``: the checked fixture data and the real data.
* ``render``: a macro rendered over the fixture data, for a page URL and language.

Markers, set here: ``slow`` for every test in tests/site, tests/quality and tests/bench
(they build sites, serve them or run the benchmark), ``browser`` for a test that drives
Chromium (it uses one of BROWSER_FIXTURES). ``make test-fast`` runs
``-m "not slow and not browser"``: tests/evidence and tests/render.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kit import FIXTURE, ROOT, build, real_config

#: (seconds, directory) of every build of the real site in this session.
REAL_SITE_BUILDS: list[tuple[float, Path]] = []

SLOW_DIRS = {"site", "quality", "bench"}
BROWSER_FIXTURES = {"browser", "chromium", "sweep", "axe_source"}
TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        part = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else ""
        if part in SLOW_DIRS:
            item.add_marker(pytest.mark.slow)
        if set(getattr(item, "fixturenames", ())) & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if REAL_SITE_BUILDS:
        seconds = ", ".join(f"{s:.1f} s" for s, _ in REAL_SITE_BUILDS)
        terminalreporter.write_line(
            f"real site: built {len(REAL_SITE_BUILDS)} time(s) in this session ({seconds})")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole session (see the module docstring)."""
    given = os.environ.get("RR_SITE_DIR")
    if given:
        path = Path(given).resolve()
        assert (path / "index.html").is_file(), f"RR_SITE_DIR={given} has no index.html"
        return path
    dest = tmp_path_factory.mktemp("real") / "site"
    t0 = time.monotonic()
    proc = build(real_config(), dest)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout[-3000:]}\n"
                    f"{proc.stderr[-6000:]}", pytrace=False)
    REAL_SITE_BUILDS.append((time.monotonic() - t0, dest))
    return dest


@pytest.fixture(scope="session")
def mini_factbase():
    from macros.evidence.check import check_data

    report = check_data(FIXTURE)
    assert not report.problems, [str(p) for p in report.problems]
    return report.factbase


@pytest.fixture(scope="session")
def factbase():
    from macros.evidence.check import check_data

    report = check_data(ROOT / "data")
    assert report.factbase is not None and not report.problems, report.problems
    return report.factbase


#: A fixed date and address, so rendered output does not change with the day it runs.
RENDER_DATE = dt.date(2027, 1, 15)


@pytest.fixture(scope="session")
def mini_site_model(mini_factbase):
    """The renderers' Site over the fixture data, with fixed options."""
    from macros.evidence.freshness import Freshness
    from macros.render import Site, SiteOptions

    return Site(mini_factbase, SiteOptions("Mini", "https://example.org/mini/",
                                           Freshness(RENDER_DATE)))


@pytest.fixture()
def render(mini_site_model):
    """``render(name, *args, url='', lang='en')``: a macro's HTML over the fixture data,
    as the only macro call of a page (each call starts the page afresh)."""
    from macros.render import PageContext

    def run(name: str, *args, url: str = "", lang: str = "en", **kwargs) -> str:
        mini_site_model.begin_page(url)
        return mini_site_model.call(PageContext(url=url, lang=lang, src_path="t.md"),
                                    name, args, kwargs)

    return run


@pytest.fixture()
def page(mini_site_model):
    """``page(url='', lang='en')``: the macros' view of a page over the fixture data."""
    from macros.render import PageContext

    def make(url: str = "", lang: str = "en"):
        return mini_site_model.page(PageContext(url=url, lang=lang))

    return make

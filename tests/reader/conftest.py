"""Fixtures of the reader-feature tests (tests/reader)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "mini-data"
sys.path.insert(0, str(ROOT / "tests" / "site"))


@pytest.fixture(scope="session")
def mini_fb():
    from macros.evidence.check import check_data

    report = check_data(FIXTURE)
    assert not report.problems
    return report.factbase


@pytest.fixture(scope="session")
def real_fb():
    from macros.evidence.check import check_data

    report = check_data(ROOT / "data")
    assert not report.problems
    return report.factbase


@pytest.fixture()
def renderer(mini_fb):
    """A page renderer with the reader macros, for a page at ``url``."""
    from macros.render.freshness import Freshness
    from macros.render.reader import ReaderMacros, ReaderOptions
    from macros.render.site import PageContext, PageRenderer, Site

    cls = PageRenderer if issubclass(PageRenderer, ReaderMacros) else \
        type("R", (ReaderMacros, PageRenderer), {})
    site = Site(mini_fb)
    site.options = ReaderOptions("Mini", "https://example.org/mini/",
                                 Freshness(dt.date(2027, 6, 1)))

    def make(url: str = "facts/x/"):
        return cls(site, PageContext(url=url))

    return make

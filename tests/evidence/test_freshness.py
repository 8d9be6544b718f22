"""Freshness: the site marks exactly the facts the checker warns about, reproducibly."""

from __future__ import annotations

import datetime as dt

import pytest
from evidence_helpers import MINI_DATA

from kit import ROOT
from macros.evidence.check import check_data
from macros.evidence.freshness import Freshness


def test_date_from_settings_then_epoch_then_today():
    assert Freshness.from_settings(date="2026-01-02", environ={}).today == dt.date(2026, 1, 2)
    assert Freshness.from_settings(date=dt.date(2026, 1, 3), environ={}).today == \
        dt.date(2026, 1, 3)
    epoch = str(int(dt.datetime(2025, 5, 6, tzinfo=dt.UTC).timestamp()))
    assert Freshness.from_settings(environ={"SOURCE_DATE_EPOCH": epoch}).today == \
        dt.date(2025, 5, 6)
    assert Freshness.from_settings(environ={}).today == dt.date.today()
    assert Freshness.from_settings(environ={}).months == 18
    assert Freshness.from_settings(months=6, environ={}).months == 6


@pytest.mark.parametrize("today", [dt.date(2025, 1, 1), dt.date(2026, 11, 26),
                                   dt.date(2028, 1, 1)])
@pytest.mark.parametrize("months", [6, 18])
def test_pages_mark_what_the_checker_warns_about(today, months):
    fresh = Freshness(today, months)
    report = check_data(ROOT / "data", fresh)
    fb = report.factbase
    warned = {w.subject.removeprefix("fact ") for w in report.warnings
              if "months old" in w.message or "review was due" in w.message}
    marked = {f.id for f in fb.facts.values()
              if (v := fresh.judge(f, fb.sources[f.source])) and v.shown}
    assert marked == warned
    undated = {w.subject.removeprefix("fact ") for w in report.warnings
               if "no known date" in w.message}
    assert undated == {f.id for f in fb.facts.values()
                       if (v := fresh.judge(f, fb.sources[f.source])) and not v.shown}


def test_reasons():
    fb = check_data(MINI_DATA).factbase
    fact = fb.facts["china-ai-compute-share-2025"]  # current, review_by 2026-12
    assert Freshness(dt.date(2026, 12, 31)).judge(fact) is None
    assert Freshness(dt.date(2027, 1, 1)).judge(fact).reason == "review"
    aged = fact.model_copy(update={"review_by": None})
    # as_of 2025-06 means up to 30 Jun 2025; 18 months later is 30 Dec 2026.
    assert Freshness(dt.date(2026, 12, 30)).judge(aged) is None
    assert Freshness(dt.date(2026, 12, 31)).judge(aged).reason == "age"
    assert Freshness(dt.date(2027, 1, 1), 24).judge(aged) is None
    dated = fact.model_copy(update={"review_by": None, "current_state": False})
    assert Freshness(dt.date(2040, 1, 1)).judge(dated) is None
    undated = aged.model_copy(update={"as_of": "unknown"})
    verdict = Freshness(dt.date(2040, 1, 1)).judge(undated)
    assert verdict.reason == "undated" and not verdict.shown
    source = fb.sources[fact.source]  # an undated current state is as old as its source
    verdict = Freshness(dt.date(2040, 1, 1)).judge(undated, source)
    assert verdict.reason == "age" and verdict.from_source and verdict.when == source.published

"""Freshness: the site marks exactly the facts the checker warns about, reproducibly."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.render.freshness import Freshness

def test_date_from_config_then_epoch_then_today():
    assert Freshness.from_config({"freshness_date": "2026-01-02"}, {}).today == dt.date(2026, 1, 2)
    assert Freshness.from_config({"freshness_date": dt.date(2026, 1, 3)}, {}).today == \
        dt.date(2026, 1, 3)
    epoch = str(int(dt.datetime(2025, 5, 6, tzinfo=dt.timezone.utc).timestamp()))
    assert Freshness.from_config({}, {"SOURCE_DATE_EPOCH": epoch}).today == dt.date(2025, 5, 6)
    assert Freshness.from_config({}, {}).today == dt.date.today()
    assert Freshness.from_config({}, {}).months == 18
    assert Freshness.from_config({"stale_after_months": 6}, {}).months == 6


@pytest.mark.parametrize("today", [dt.date(2025, 1, 1), dt.date(2026, 11, 26),
                                   dt.date(2028, 1, 1)])
@pytest.mark.parametrize("months", [6, 18])
def test_same_rule_as_the_checker(today, months):
    from pathlib import Path

    ROOT = Path(__file__).resolve().parents[2]
    from macros.evidence.check import check_data

    report = check_data(ROOT / "data", today=today, max_age_months=months)
    fb = report.factbase
    warned = {w.format("w").split("fact ")[1].split(":")[0] for w in report.warnings
              if "months old" in w.format("w") or "review was due" in w.format("w")}
    fresh = Freshness(today, months)
    marked = {f.id for f in fb.facts.values() if fresh.stale_reason(f, fb.sources[f.source])}
    assert marked == warned


def test_reasons(mini_fb):
    fact = mini_fb.facts["china-ai-compute-share-2025"]  # current, review_by 2026-12
    assert Freshness(dt.date(2026, 12, 31)).stale_reason(fact) is None
    assert Freshness(dt.date(2027, 1, 1)).stale_reason(fact) == "review"
    aged = fact.model_copy(update={"review_by": None})
    # as_of 2025-06 means up to 30 Jun 2025; 18 months later is 30 Dec 2026.
    assert Freshness(dt.date(2026, 12, 30)).stale_reason(aged) is None
    assert Freshness(dt.date(2026, 12, 31)).stale_reason(aged) == "age"
    assert Freshness(dt.date(2027, 1, 1), 24).stale_reason(aged) is None
    dated = fact.model_copy(update={"review_by": None, "current_state": False})
    assert Freshness(dt.date(2040, 1, 1)).stale_reason(dated) is None

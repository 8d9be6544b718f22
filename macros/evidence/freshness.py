"""Is a fact possibly out of date? The one home of the rule. Plain Python, no MkDocs.

``make check`` warns about exactly the facts the pages mark, because both ask
:meth:`Freshness.judge`:

* ``review_by`` has passed ("review"); or
* ``current_state: true``, no pending ``review_by``, and the date it describes (``as_of``
  for a statistic, ``date`` otherwise, else its source's publication date) is more than
  ``months`` months old ("age"); or
* such a fact has no known date at all ("undated": the checker warns, the pages cannot
  say how old it is, so they mark nothing).

The answer depends on a date, and a build must not depend on when it runs: the date is
``freshness_date`` from the configuration, else ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention), else today.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from . import dates
from .model import Fact, FactKind, Source

DEFAULT_MAX_AGE_MONTHS = 18

Reason = Literal["review", "age", "undated"]


@dataclass(frozen=True)
class Staleness:
    """Why a fact may be out of date, and what date that was judged on."""

    reason: Reason
    field: str  # the fact's field the judgement rests on: review_by, as_of or date
    when: str = ""  # the date judged ('' when undated)
    from_source: bool = False  # the fact had no date: its source's date was used

    @property
    def shown(self) -> bool:
        """True when the pages mark the fact (an undated fact has no age to show)."""
        return self.reason != "undated"


@dataclass(frozen=True)
class Freshness:
    """The date staleness is judged against, and the allowed age in months."""

    today: dt.date
    months: int = DEFAULT_MAX_AGE_MONTHS

    @classmethod
    def from_settings(cls, *, months: int | None = None, date: Any = None,
                      environ: Mapping[str, str] | None = None) -> Freshness:
        """From configured settings: ``date`` (a date or 'YYYY-MM-DD'), else
        SOURCE_DATE_EPOCH from ``environ`` (default: the process environment), else today."""
        environ = os.environ if environ is None else environ
        if isinstance(date, dt.datetime):
            today = date.date()
        elif isinstance(date, dt.date):
            today = date
        elif date:
            today = dt.date.fromisoformat(str(date))
        elif environ.get("SOURCE_DATE_EPOCH"):
            today = dt.datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]),
                                              tz=dt.UTC).date()
        else:
            today = dt.date.today()
        return cls(today=today, months=DEFAULT_MAX_AGE_MONTHS if months is None else months)

    def judge(self, fact: Fact, source: Source | None = None) -> Staleness | None:
        """Why ``fact`` may be out of date, or None if it is not."""
        review_by = fact.review_by if dates.is_known(fact.review_by) else None
        if review_by:
            if dates.last_day(review_by) < self.today:
                return Staleness("review", "review_by", review_by)
            return None  # a pending review date vouches for the fact
        if not fact.current_state:
            return None
        field = "as_of" if fact.kind is FactKind.statistic else "date"
        when = getattr(fact, field)
        from_source = False
        if not dates.is_known(when) and source is not None:
            when, from_source = source.published, True
        if not dates.is_known(when):
            return Staleness("undated", field)
        end = dates.period_bounds(when)[1]
        if dates.add_months(dates.last_day(end), self.months) < self.today:
            return Staleness("age", field, when, from_source)
        return None

"""Is a fact possibly out of date? Plain Python, no MkDocs.

The answer depends on a date, and a build must not depend on when it runs: the date is
``extra.freshness_date`` from the config, else ``SOURCE_DATE_EPOCH`` (the reproducible-
builds convention), else today. The rule is the checker's (``macros.evidence.check``),
so a fact the site marks is exactly a fact ``make check`` warns about:

* ``review_by`` has passed; or
* ``current_state: true``, no pending ``review_by``, and the date it describes (``as_of``
  for a figure, ``date`` otherwise, else the source's date) is more than
  ``stale_after_months`` months old.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from ..evidence.check import DEFAULT_MAX_AGE_MONTHS, _add_months, _last_day
from ..evidence.model import Fact, FactKind, Source


@dataclass(frozen=True)
class Freshness:
    """The "as of" date staleness is judged against, and the allowed age."""

    today: dt.date
    months: int = DEFAULT_MAX_AGE_MONTHS

    @classmethod
    def from_config(cls, extra: Mapping[str, Any],
                    environ: Optional[Mapping[str, str]] = None) -> "Freshness":
        environ = os.environ if environ is None else environ
        months = int(extra.get("stale_after_months", DEFAULT_MAX_AGE_MONTHS))
        given = extra.get("freshness_date")
        if isinstance(given, dt.datetime):
            today = given.date()
        elif isinstance(given, dt.date):
            today = given
        elif given:
            today = dt.date.fromisoformat(str(given))
        elif environ.get("SOURCE_DATE_EPOCH"):
            today = dt.datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]),
                                              tz=dt.timezone.utc).date()
        else:
            today = dt.date.today()
        return cls(today=today, months=months)

    def stale_reason(self, fact: Fact, source: Optional[Source] = None) -> Optional[str]:
        """Why the fact may be out of date ('review', 'age'), or None."""
        review_by = fact.review_by if fact.review_by not in (None, "unknown") else None
        if review_by:
            return "review" if _last_day(review_by) < self.today else None
        if not fact.current_state:
            return None
        # By value: the engine's modules may be reloaded under `mkdocs serve`.
        when = fact.as_of if fact.kind.value == FactKind.statistic.value else fact.date
        if when in (None, "unknown") and source is not None:
            when = source.published
        if when in (None, "unknown"):
            return None  # the checker warns; nothing to date it by
        last = _last_day(str(when).split("..")[-1])
        return "age" if _add_months(last, self.months) < self.today else None

    def described_date(self, fact: Fact) -> str:
        """The date or period the fact describes, as in the data ('' when none)."""
        when = fact.as_of or fact.date or ""
        return "" if when == "unknown" else when

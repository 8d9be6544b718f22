"""Partial dates and periods: the one home of their rules. Plain Python, no MkDocs.

A date's precision is its form: ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month), ``YYYY``
(year), or ``unknown``. A period is ``START..END`` of two such dates. The model validates
with these functions, the checker ages facts with them, and the renderers sort and
format with them, so every part of the project reads a date the same way.
"""

from __future__ import annotations

import datetime as dt
import re

UNKNOWN = "unknown"

#: The loader's form of a date: four digits, then optionally -MM, then optionally -DD.
#: Whether it is a real day is checked separately (:func:`check_partial_date`).
DATE_PATTERN = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
DATE_RE = re.compile(DATE_PATTERN)
PERIOD_RE = re.compile(rf"({DATE_PATTERN})\.\.({DATE_PATTERN})")

# The same rules as one regular expression, so an editor (JSON Schema) and a reader of
# the CSV downloads (Table Schema) flag what the loader rejects. A date of fixed width
# can be checked against the calendar by a pattern: months 01-12, each month's length,
# 29 February only in a leap year (divisible by 4, centuries only by 400), no year 0000.
# What no pattern can check is order: that a period does not end before it starts.
# Written with plain groups only (no (?:...), no look-ahead), so the one pattern is read
# alike by ECMA-262 (editors), Python's re and XML Schema regular expressions (Table
# Schema's syntax, anchored implicitly).
_YEAR = r"([1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
_LEAP_YEAR = r"(\d{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_MONTH = r"(0[1-9]|1[0-2])"
_MONTH_DAY = (r"((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])"
              r"|(0[469]|11)-(0[1-9]|[12]\d|30)"
              r"|02-(0[1-9]|1\d|2[0-8]))")
_CALENDAR_DATE = rf"({_YEAR}(-{_MONTH_DAY}|-{_MONTH})?|{_LEAP_YEAR}-02-29)"
#: A partial date or 'unknown' (published, date, added…), unanchored (Table Schema).
PARTIAL_DATE_REGEX = rf"{_CALENDAR_DATE}|{UNKNOWN}"
#: A date, a period START..END or 'unknown' (as_of), unanchored (Table Schema).
PERIOD_REGEX = rf"{_CALENDAR_DATE}(\.\.{_CALENDAR_DATE})?|{UNKNOWN}"
#: The same, anchored, for the JSON Schemas.
PARTIAL_DATE_JSON_PATTERN = rf"^({PARTIAL_DATE_REGEX})$"
PERIOD_JSON_PATTERN = rf"^({PERIOD_REGEX})$"
#: What an editor shows instead of the pattern itself (VS Code's JSON Schema extension
#: keyword, read by yaml-language-server; other validators ignore it).
PARTIAL_DATE_PATTERN_MESSAGE = ("Write a real date as YYYY-MM-DD, YYYY-MM or YYYY, or "
                                "'unknown' (quote a bare year: \"2024\").")
PERIOD_PATTERN_MESSAGE = ("Write a real date as YYYY-MM-DD, YYYY-MM or YYYY, a period "
                          "START..END of two of them, or 'unknown'.")


def coerce_date_text(value: object) -> object:
    """A ``date`` (from Python callers; the YAML loader keeps dates as text) becomes its
    ISO text. A YAML number is refused: an unquoted ``2024`` is the integer 2024, which the
    JSON Schema (type string) flags too, so the loader says how to write it instead."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"{value} is a number, not a date: write it in quotes, "
                         f"\"{value}\"")
    return value


def check_partial_date(text: str) -> str:
    """``text`` if it is a real partial date, else ValueError saying how to write one."""
    if not DATE_RE.fullmatch(text):
        raise ValueError(
            f"'{text}' is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or 'unknown'"
        )
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a real date ({exc})") from None
    return text


def validate_partial_date(value: str) -> str:
    """A partial date or 'unknown'."""
    return value if value == UNKNOWN else check_partial_date(value)


def validate_period(value: str) -> str:
    """A partial date, a period START..END, or 'unknown'."""
    if value == UNKNOWN:
        return value
    m = PERIOD_RE.fullmatch(value)
    if m:
        start, end = check_partial_date(m.group(1)), check_partial_date(m.group(2))
        if sort_key(start) > sort_key(end):
            raise ValueError(f"period '{value}' ends before it starts")
        return value
    return check_partial_date(value)


def is_known(text: str | None) -> bool:
    return bool(text) and text != UNKNOWN


def precision(text: str) -> str:
    """'day', 'month', 'year' or 'unknown' for a partial date."""
    if text == UNKNOWN:
        return UNKNOWN
    return {1: "year", 2: "month", 3: "day"}[len(text.split("-"))]


def parts(partial_date: str) -> list[int]:
    """[year], [year, month] or [year, month, day] of a known partial date."""
    return [int(p) for p in partial_date.split("-")]


def year(partial_date: str) -> str:
    """The year of a known partial date or period start: '2024-02-22' -> '2024'."""
    return partial_date.split("..")[0].split("-")[0]


def period_bounds(text: str) -> tuple[str, str]:
    """(start, end) of a date or period; a single date is its own start and end."""
    start, _, end = text.partition("..")
    return start, end or start


def first_day(partial_date: str) -> dt.date:
    """The first day a partial date can mean: '2025' -> 2025-01-01."""
    ymd = parts(partial_date) + [1, 1]
    return dt.date(ymd[0], ymd[1], ymd[2])


def last_day(partial_date: str) -> dt.date:
    """The last day a partial date can mean: '2025' -> 2025-12-31, '2025-02' -> 2025-02-28."""
    ymd = parts(partial_date)
    if len(ymd) == 3:
        return dt.date(*ymd)
    if len(ymd) == 2:
        return add_months(dt.date(ymd[0], ymd[1], 1), 1) - dt.timedelta(days=1)
    return dt.date(ymd[0], 12, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (next_month - dt.timedelta(days=1)).day))


def sort_key(text: str | None) -> tuple[int, int, int, int]:
    """Chronological key of a date or period (by its start); a year-only date sorts
    before the months of its year, unknown dates last."""
    if not is_known(text):
        return (9999, 99, 99, 1)
    assert text is not None
    ymd = parts(period_bounds(text)[0])
    ymd += [0] * (3 - len(ymd))
    return (ymd[0], ymd[1], ymd[2], 0)

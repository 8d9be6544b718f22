"""Partial dates shown with exactly the precision we have. Plain Python, no MkDocs.

The rules of partial dates (what a form means, how they sort) live in
:mod:`macros.evidence.dates`; this module only writes them for readers.
"""

from __future__ import annotations

from ..evidence import dates
from .labels import LABELS, check_lang

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(text: str | None, lang: str = "en", *, flag_missing: bool = True) -> str:
    """'22 Feb 2024', 'Feb 2024', '2024 (month unknown)', 'date unknown'; zh likewise.

    ``flag_missing=False`` prints a bare year (for periods a figure describes, where a
    year is the natural precision rather than a gap in our knowledge).
    """
    labels = LABELS[check_lang(lang)]["date"]
    if not text or not dates.is_known(text):
        return labels["unknown"]
    ymd = dates.parts(text)
    year = str(ymd[0])
    if len(ymd) == 1:
        if not flag_missing:
            return year if lang == "en" else f"{year}年"
        return labels["month_unknown"].format(year=year)
    month = ymd[1]
    if len(ymd) == 2:
        return f"{_MONTHS_EN[month - 1]} {year}" if lang == "en" else f"{year}年{month}月"
    day = ymd[2]
    return (f"{day} {_MONTHS_EN[month - 1]} {year}" if lang == "en"
            else f"{year}年{month}月{day}日")


def format_period(text: str | None, lang: str = "en") -> str:
    """A figure's as_of: a date, or a period START..END shown as '2019–2022'."""
    if not text:
        return ""
    if ".." in text:
        start, end = dates.period_bounds(text)
        return LABELS[check_lang(lang)]["punct"]["range"].format(
            format_date(start, lang, flag_missing=False),
            format_date(end, lang, flag_missing=False))
    return format_date(text, lang, flag_missing=False)


def format_dated(text: str | None, basis: str | None, lang: str = "en", *,
                 not_after: str | None = None, period: bool = False) -> str:
    """A date (or, with ``period``, a figure's as_of) with its basis when that is not
    'printed': '2025 (inferred)', 'Dec 2025 (not from our sources)'; an unknown date
    with its upper bound: 'date unknown (no later than Oct 2024)'. '' for no date."""
    if not text:
        return ""
    labels = LABELS[check_lang(lang)]
    paren = labels["punct"]["paren"]
    if not dates.is_known(text):
        shown = labels["date"]["unknown"]
        if not_after and dates.is_known(not_after):
            bound = labels["basis"]["not_after"].format(date=format_date(not_after, lang))
            shown += paren.format(bound)
        return shown
    shown = format_period(text, lang) if period else format_date(text, lang)
    word = labels["basis"].get(basis or "printed", "")
    return shown + paren.format(word) if word else shown

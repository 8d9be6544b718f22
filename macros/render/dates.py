"""Partial dates shown with exactly the precision we have. Plain Python, no MkDocs."""

from __future__ import annotations

from typing import Optional

from ..evidence.model import date_precision
from .numbers import check_lang

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(text: Optional[str], lang: str = "en", *, flag_missing: bool = True) -> str:
    """'22 Feb 2024', 'Feb 2024', '2024 (month unknown)', 'date unknown'; zh likewise.

    ``flag_missing=False`` prints a bare year (for periods a figure describes, where a
    year is the natural precision rather than a gap in our knowledge).
    """
    check_lang(lang)
    if not text or text == "unknown":
        return "date unknown" if lang == "en" else "日期不详"
    parts = text.split("-")
    year = parts[0]
    if len(parts) == 1:
        if not flag_missing:
            return year if lang == "en" else f"{year}年"
        return f"{year} (month unknown)" if lang == "en" else f"{year}年（月份不详）"
    month = int(parts[1])
    if len(parts) == 2:
        return f"{_MONTHS_EN[month - 1]} {year}" if lang == "en" else f"{year}年{month}月"
    day = int(parts[2])
    return (f"{day} {_MONTHS_EN[month - 1]} {year}" if lang == "en"
            else f"{year}年{month}月{day}日")


def format_period(text: Optional[str], lang: str = "en") -> str:
    """A figure's as_of: a date, or a period START..END shown as '2019–2022'."""
    if not text:
        return ""
    if ".." in text:
        start, end = text.split("..", 1)
        a = format_date(start, lang, flag_missing=False)
        b = format_date(end, lang, flag_missing=False)
        return f"{a}–{b}" if lang == "en" else f"{a}至{b}"
    return format_date(text, lang, flag_missing=False)


def sort_key(text: Optional[str]) -> tuple[int, int, int, int]:
    """Chronological key; a year-only date sorts before the months of its year,
    unknown dates last."""
    if not text or text == "unknown":
        return (9999, 99, 99, 1)
    parts = [int(p) for p in text.split("..")[0].split("-")]
    parts += [0] * (3 - len(parts))
    return (parts[0], parts[1], parts[2], 0)


__all__ = ["format_date", "format_period", "sort_key", "date_precision"]

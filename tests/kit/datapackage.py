"""Reading the downloads back as a consumer would: frictionless' verdict on
datapackage.json, and the ISO period columns parsed without pandas."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

#: (first day, last day) column pairs of the CSV downloads.
PERIOD_PAIRS = (("period_start", "period_end"), ("published_start", "published_end"))


def package_errors(directory: Path) -> dict[str, list[str]]:
    """frictionless' verdict on ``directory/datapackage.json``: resource name -> the types
    of its errors (an empty list: valid). Fails on an invalid descriptor."""
    from frictionless import validate

    report = validate(str(directory / "datapackage.json"))
    assert not report.errors, [e.message for e in report.errors]
    return {task.name: sorted({e.type for e in task.errors}) for task in report.tasks}


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


def check_periods(directory: Path) -> int:
    """Every ISO period cell of every CSV under ``directory`` parses with
    datetime.date.fromisoformat, both ends of a pair are given or neither, and no period
    ends before it starts. Returns how many cells were checked."""
    checked = 0
    for path in sorted(directory.rglob("*.csv")):
        for row in csv_rows(path):
            for start, end in PERIOD_PAIRS:
                if start not in row:
                    continue
                assert (row[start] == "") == (row[end] == ""), (path.name, row)
                if row[start]:
                    first = dt.date.fromisoformat(row[start])
                    last = dt.date.fromisoformat(row[end])
                    assert first <= last, (path.name, row)
                    checked += 2
    return checked

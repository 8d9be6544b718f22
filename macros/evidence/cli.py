"""``rr-check``: check the data directory and print every problem, or a summary.

Exit status 0 when there are no problems (warnings allowed), 1 otherwise.
``make check`` runs it from the repository root, so the default data directory is ``data``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from .check import check_data
from .factbase import FactBase
from .freshness import DEFAULT_MAX_AGE_MONTHS, Freshness
from .model import FactKind, Theme
from .schema import write_schemas


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="rr-check", description="Check the Race & Reliance evidence base.")
    parser.add_argument("data_dir", nargs="?", type=Path, default=Path("data"),
                        help="the data directory (default: data)")
    parser.add_argument("--docs", type=Path, default=None,
                        help="the pages whose prose is checked too (default: docs/ beside "
                        "the data directory, if there is one)")
    parser.add_argument("--write-schemas", action="store_true",
                        help="regenerate DATA_DIR/schema/*.schema.json from the model and exit")
    parser.add_argument("--max-age-months", type=int, default=DEFAULT_MAX_AGE_MONTHS,
                        help="warn about current-state facts older than this "
                        f"(default: {DEFAULT_MAX_AGE_MONTHS})")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="the date to age facts against, YYYY-MM-DD (default: today)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    if args.write_schemas:
        for path in write_schemas(args.data_dir / "schema"):
            print(f"rr-check: wrote {path}")
        return 0
    freshness = Freshness(args.today or dt.date.today(), args.max_age_months)
    docs = args.docs if args.docs is not None else args.data_dir.resolve().parent / "docs"
    report = check_data(args.data_dir, freshness, docs if docs.is_dir() else None)
    for problem in report.problems:
        print(problem)
    for warning in report.warnings:
        print(warning.format("warning"))
    if not report.ok:
        print(f"rr-check: {_plural(len(report.problems), 'problem')}, "
              f"{_plural(len(report.warnings), 'warning')}")
        return 1
    assert report.factbase is not None  # no problems: the fact base exists
    print(summary(report.factbase))
    return 0


def summary(fb: FactBase) -> str:
    """One line: what the evidence base holds."""
    themes = Counter(fact.theme.value for fact in fb.facts.values())
    kinds = Counter(fact.kind.value for fact in fb.facts.values())
    by_theme = ", ".join(f"{theme.value} {themes[theme.value]}" for theme in Theme)
    by_kind = ", ".join(f"{kind.value} {kinds[kind.value]}" for kind in FactKind)
    counts = [_plural(len(fb.sources), "source"), _plural(len(fb.archives), "archive"),
              _plural(len(fb.entities), "entity", "entities"),
              _plural(len(fb.measures), "measure"), _plural(len(fb.questions), "question"),
              _plural(len(fb.glossary), "glossary term")]
    return (f"rr-check: ok: {', '.join(counts)}, {_plural(len(fb.facts), 'fact')} "
            f"({by_theme}; {by_kind})")


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


if __name__ == "__main__":
    sys.exit(main())

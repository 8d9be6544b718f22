"""Shared fixtures of the site tests (tests/site)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit import FIXTURE  # noqa: E402


@pytest.fixture(scope="session")
def mini_factbase():
    from macros.evidence.check import check_data

    report = check_data(FIXTURE)
    assert not report.problems, [str(p) for p in report.problems]
    return report.factbase

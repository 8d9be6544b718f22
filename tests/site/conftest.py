"""Shared fixtures of the site tests (tests/site)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit import FIXTURE, ROOT, build  # noqa: E402


@pytest.fixture(scope="session")
def mini_factbase():
    from macros.evidence.check import check_data

    report = check_data(FIXTURE)
    assert not report.problems, [str(p) for p in report.problems]
    return report.factbase


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """One strict build of the real site (both languages), shared by the site tests."""
    site = tmp_path_factory.mktemp("real") / "site"
    proc = build(ROOT / "mkdocs.yml", site)
    assert proc.returncode == 0, f"strict build failed:\n{proc.stdout[-2000:]}{proc.stderr[-6000:]}"
    return site


@pytest.fixture(scope="session")
def factbase():
    from macros.evidence.check import check_data

    report = check_data(ROOT / "data")
    assert report.factbase is not None and not report.problems
    return report.factbase

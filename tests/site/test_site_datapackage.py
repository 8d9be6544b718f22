"""The downloads of built sites, read as a consumer would: ``frictionless validate
downloads/datapackage.json`` passes (a mini-site over the fixture data and the real site),
the ISO period columns parse, README.md ships as a file (not a page), and the BAT total
is flagged as an aggregate of its members."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit import build, mini_site
from kit.datapackage import check_periods, csv_rows, package_errors


@pytest.fixture(scope="module")
def mini_downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mini-downloads")
    config = mini_site(root, {
        "index.md": "# Home\n",
        "downloads.md": "# Downloads\n\n{{ downloads() }}\n",
        "index.zh.md": "# 首页\n",
        "downloads.zh.md": "# 数据下载\n\n{{ downloads() }}\n",
    }, i18n=True)
    proc = build(config, root / "site")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site" / "downloads"


def test_the_mini_sites_package_validates(mini_downloads: Path) -> None:
    verdicts = package_errors(mini_downloads)
    assert len(verdicts) == len(list(mini_downloads.rglob("*.csv")))
    assert all(errors == [] for errors in verdicts.values()), verdicts
    assert check_periods(mini_downloads) > 0


def test_readme_ships_as_a_file_beside_the_downloads_page(mini_downloads: Path) -> None:
    """MkDocs would make a page of any .md file, and README.md would become
    downloads/index.html, replacing the downloads page: the plugin copies it as it is."""
    readme = (mini_downloads / "README.md").read_text("utf-8")
    assert readme.startswith("# Mini: the data\n")
    assert "rr-downloads" in (mini_downloads / "index.html").read_text("utf-8")
    assert not (mini_downloads / "README").exists()
    assert not (mini_downloads.parent / "zh" / "downloads" / "README.md").exists()


def test_the_real_sites_package_validates(real_site: Path) -> None:
    downloads = real_site / "downloads"
    verdicts = package_errors(downloads)
    assert len(verdicts) == len(list(downloads.rglob("*.csv"))) > 30
    assert all(errors == [] for errors in verdicts.values()), verdicts
    assert check_periods(downloads) > 100


def test_every_real_period_has_iso_bounds_unless_unknown(real_site: Path) -> None:
    downloads = real_site / "downloads"
    for path in sorted((downloads / "measures").glob("*.csv")):
        for row in csv_rows(path):
            known = row["as_of"] not in ("", "unknown")
            assert bool(row["period_start"]) == known, (path.name, row["fact"])


def test_the_bat_total_is_an_aggregate_of_its_members(real_site: Path, factbase) -> None:
    downloads = real_site / "downloads"
    members = factbase.entities["bat"].members
    assert members == ["baidu", "alibaba", "tencent"]
    entities = {r["id"]: r for r in csv_rows(downloads / "entities.csv")}
    assert entities["bat"]["aggregate"] == "true"
    assert all(entities[m]["aggregate"] == "false" for m in members)
    seen = 0
    for path in sorted((downloads / "measures").glob("*.csv")):
        for row in csv_rows(path):
            if row["subject"] == "bat":
                assert row["aggregate"] == "true" and row["subject_name_zh"].startswith("BAT")
                seen += 1
            elif row["subject"] in members:
                assert row["aggregate"] == "false"
    facts = [r for r in csv_rows(downloads / "facts.csv") if r["subject"] == "bat"]
    assert facts and all(r["aggregate"] == "true" for r in facts)
    assert seen >= len(facts)

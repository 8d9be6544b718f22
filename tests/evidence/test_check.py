"""check_data on the valid mini-data tree: the fact base, warnings, paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from evidence_helpers import MINI_DATA, TODAY, copy_mini_data

from macros.evidence import CheckReport, FactBase, Problem, check_data, normalize
from macros.evidence import check as check_module
from macros.evidence.freshness import Freshness


@pytest.fixture(scope="module")
def report() -> CheckReport:
    return check_data(MINI_DATA, Freshness(TODAY))


def test_mini_data_is_valid(report: CheckReport) -> None:
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.problems == [] and report.warnings == []
    assert isinstance(report.factbase, FactBase)


def test_fact_base_contents_in_file_order(report: CheckReport) -> None:
    fb = report.factbase
    assert list(fb.archives) == ["mini-daily-report", "mini-netease-digest"]
    assert list(fb.sources) == ["mini-daily-2025-report", "mini-netease-column"]
    assert len(fb.entities) == 9 and len(fb.measures) == 4 and len(fb.questions) == 2
    assert [fact.theme.value for fact in fb.facts.values()] == [
        "compute", "compute", "capital", "capital", "capital", "talent", "talent",
        "open-source", "open-source", "open-source"]
    assert {fact.kind.value for fact in fb.facts.values()} == {
        "statistic", "event", "report", "claim", "forecast", "opinion"}
    assert list(fb.retired) == ["qiming-downloads-2025-06"]
    assert [f.id for f in fb.by_measure["share-of-top-ai-researchers"]] == [
        "china-top-ai-researcher-share-2022"]
    assert len(fb.by_source["mini-netease-column"]) == 3


def test_problem_format() -> None:
    problem = Problem("data/facts/compute.yaml", 12, 5, "fact us-lead", "measure",
                      "unknown measure 'gpu-share'", "did you mean 'gpu-shares'?")
    assert str(problem) == ("data/facts/compute.yaml:12:5: fact us-lead: measure: unknown "
                            "measure 'gpu-share' (did you mean 'gpu-shares'?)")
    assert problem.format("warning").startswith("data/facts/compute.yaml:12:5: warning: fact")
    assert str(Problem("data/x.yaml", 1, 1, "YAML", "", "bad")) == "data/x.yaml:1:1: YAML: bad"


def test_paths_are_relative_to_the_data_directory_parent(tmp_path: Path, monkeypatch) -> None:
    data = copy_mini_data(tmp_path)
    (data / "facts" / "talent.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    for data_dir in ("data", data):
        report = check_data(data_dir, Freshness(TODAY))
        assert [str(p) for p in report.problems] == [
            "data/facts/talent.yaml:1:1: facts file: missing file"]
        assert report.factbase is None


def test_missing_data_directory(tmp_path: Path) -> None:
    report = check_data(tmp_path / "nowhere")
    assert not report.ok and report.factbase is None
    assert [str(p) for p in report.problems] == ["nowhere:1:1: data directory: not found"]


def test_stale_current_state_facts_and_overdue_reviews_are_warnings() -> None:
    report = check_data(MINI_DATA, Freshness(dt.date(2027, 3, 1)))
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        "mini-data/facts/compute.yaml:20:16: fact china-ai-compute-share-2025: review_by: "
        "review was due by 2026-12",
    ]
    report = check_data(MINI_DATA, Freshness(dt.date(2027, 3, 1), 12))
    assert [str(w) for w in report.warnings] == [
        "mini-data/facts/compute.yaml:20:16: fact china-ai-compute-share-2025: review_by: "
        "review was due by 2026-12",
        "mini-data/facts/open-source.yaml:34:12: fact qiming-downloads-2025-09: as_of: current "
        "state as of 2025-09 is more than 12 months old (update it, or set review_by)",
    ]


def test_undated_current_views_age_with_their_source(tmp_path: Path) -> None:
    data = copy_mini_data(tmp_path)
    talent = data / "facts" / "talent.yaml"
    talent.write_text(talent.read_text(encoding="utf-8").replace(
        "    date: 2025-07\n    date_basis: inferred\n", "    current_state: true\n")
        .replace("    basis_note: {en: \"The month of the report that quotes him; it does not "
                 "say when he spoke.\", zh: \"引述他的报道的月份；报道没有说他何时讲的话。\"}\n", ""),
        encoding="utf-8")
    report = check_data(data, Freshness(dt.date(2026, 8, 1), 12))
    assert [str(w) for w in report.warnings] == [
        "data/facts/talent.yaml:21:5: fact zhang-ming-talent-claim: date: current state as of "
        "2025-07-01 (the source's date) is more than 12 months old (update it, or set review_by)"]


def test_each_archive_and_quote_is_normalised_once(monkeypatch) -> None:
    calls = []
    original = normalize.normalise

    def counting(text: str) -> str:
        calls.append(text)
        return original(text)

    monkeypatch.setattr(normalize, "normalise", counting)
    monkeypatch.setattr(check_module, "normalise", counting)
    report = check_data(MINI_DATA, Freshness(TODAY))
    lines = [line for path in sorted((MINI_DATA / "articles").glob("*.txt"))
             for line in path.read_text("utf-8").split("\n") if line]
    assert [c for c in calls if c in lines] == lines  # every archive line once, in order
    quotes = [f.quote for f in report.factbase.facts.values()]
    assert all(calls.count(q) == 1 for q in quotes)  # every quote once

"""The bad-input corpus: each case breaks the mini-data tree one way, and the checker
must report exactly the expected lines (file, line, column, subject, field, message)."""

from __future__ import annotations

from pathlib import Path

import pytest
from evidence_helpers import TODAY, apply_patches, case_paths, copy_mini_data, load_case

from macros.evidence import check_data
from macros.evidence.cli import main
from macros.evidence.freshness import Freshness


@pytest.mark.parametrize("case_path", case_paths(), ids=lambda path: path.stem)
def test_bad_input_is_reported_exactly(case_path: Path, tmp_path: Path) -> None:
    case = load_case(case_path)
    data = copy_mini_data(tmp_path)
    apply_patches(data, case["patches"])

    docs = tmp_path / "docs"
    report = check_data(data, Freshness(TODAY), docs if docs.is_dir() else None)

    assert [str(problem) for problem in report.problems] == case["expect"]
    assert [str(warning) for warning in report.warnings] == case.get("warnings", [])
    assert report.ok == (not case["expect"])
    assert (report.factbase is not None) == (case["factbase"] == "built")


def test_corpus_has_at_least_25_distinct_cases() -> None:
    cases = [load_case(path) for path in case_paths()]
    assert len(cases) >= 25
    loud = [case for case in cases if not case.get("silent")]
    expectations = [tuple(case["expect"]) + tuple(case.get("warnings", [])) for case in loud]
    assert all(expectations), "every bad input must produce a problem or a warning"
    assert len(set(expectations)) == len(expectations), "cases must differ"
    for case in cases:
        if case.get("silent"):  # a case that must NOT fire: it expects nothing at all
            assert case["expect"] == [] and case.get("warnings", []) == [], case["description"]
    assert sum(1 for case in cases if case.get("silent")) >= 5


def test_many_problems_in_different_files_are_all_reported_in_one_run(tmp_path: Path) -> None:
    names = ["unknown-field-typo", "missing-nested-field", "unknown-speaker", "unit-mismatch",
             "line-range-past-end", "duplicate-entity-id", "quote-not-found",
             "number-as-text", "unknown-position"]
    cases = [load_case(case_paths()[0].parent / f"{name}.yaml") for name in names]
    data = copy_mini_data(tmp_path)
    for case in cases:
        apply_patches(data, case["patches"])

    report = check_data(data, Freshness(TODAY))

    expected = sorted((line for case in cases for line in case["expect"]), key=_position)
    assert [str(problem) for problem in report.problems] == expected


def test_yaml_error_in_one_file_does_not_hide_problems_in_others(tmp_path: Path) -> None:
    data = copy_mini_data(tmp_path)
    for name in ("yaml-syntax-error", "unknown-speaker", "quote-not-found"):
        apply_patches(data, load_case(case_paths()[0].parent / f"{name}.yaml")["patches"])

    problems = [str(problem) for problem in check_data(data, Freshness(TODAY)).problems]

    assert len(problems) == 3
    assert problems[0].startswith("data/facts/capital.yaml:27:12: fact us-ai-data-centre")
    assert problems[1].startswith("data/facts/compute.yaml:12:12: YAML: ")
    assert problems[2].startswith("data/facts/talent.yaml:30:14: fact zhang-ming-talent-claim")


def test_cli_prints_the_same_lines_and_fails(tmp_path: Path, capsys) -> None:
    case = load_case(case_paths()[0].parent / "unknown-source.yaml")
    data = copy_mini_data(tmp_path)
    apply_patches(data, case["patches"])

    assert main([str(data), "--today", TODAY.isoformat()]) == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines == case["expect"] + ["rr-check: 1 problem, 0 warnings"]


def _position(line: str) -> tuple:
    path, row, column = line.split(":")[:3]
    return (path, int(row), int(column))

"""rr-check: exit codes, output, --write-schemas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from evidence_helpers import MINI_DATA, TODAY, copy_mini_data

from macros.evidence.cli import main

SUMMARY = ("rr-check: ok: 2 sources, 2 archives, 9 entities, 4 measures, 2 questions, "
           "3 glossary terms, 10 facts "
           "(compute 2, capital 3, talent 2, open-source 3; "
           "statistic 4, event 2, report 1, claim 1, forecast 1, opinion 1)")


def test_valid_data_prints_a_one_line_summary(capsys) -> None:
    assert main([str(MINI_DATA), "--today", TODAY.isoformat()]) == 0
    assert capsys.readouterr().out == SUMMARY + "\n"


def test_warnings_are_printed_but_do_not_fail(capsys) -> None:
    assert main([str(MINI_DATA), "--today", "2027-03-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["mini-data/facts/compute.yaml:20:16: warning: fact "
                   "china-ai-compute-share-2025: review_by: review was due by 2026-12", SUMMARY]


def test_problems_fail_with_every_line_printed(tmp_path: Path, capsys) -> None:
    data = copy_mini_data(tmp_path)
    (data / "facts" / "talent.yaml").unlink()
    (data / "articles" / "extra.txt").write_text("多余\n", encoding="utf-8")
    assert main([str(data)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "data/articles/extra.txt:1:1: archive file: not listed under archives in sources.yaml",
        "data/facts/talent.yaml:1:1: facts file: missing file",
        "rr-check: 2 problems, 0 warnings",
    ]


def test_write_schemas(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "data"), "--write-schemas"]) == 0
    assert len(list((tmp_path / "data" / "schema").glob("*.schema.json"))) == 7
    assert capsys.readouterr().out.count("rr-check: wrote ") == 7


def test_console_script_defaults_to_data_in_the_current_directory(tmp_path: Path) -> None:
    copy_mini_data(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from macros.evidence.cli import main; "
         f"sys.exit(main(['--today', '{TODAY.isoformat()}']))"],
        cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == SUMMARY + "\n"
    (tmp_path / "data" / "entities.yaml").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "macros.evidence.cli"], cwd=tmp_path, capture_output=True,
        text=True, check=False)
    assert result.returncode == 1
    assert result.stdout.startswith("data/entities.yaml:1:1: entities file: missing file\n")

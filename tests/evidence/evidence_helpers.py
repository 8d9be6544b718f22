"""Shared by the fact-engine tests: the mini-data fixture and the bad-input corpus."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
MINI_DATA = TESTS / "fixtures" / "mini-data"
BAD_INPUTS = TESTS / "bad_inputs"
# Warnings depend on the date; the fixture's current-state facts are fresh on this day.
TODAY = dt.date(2026, 11, 26)


def copy_mini_data(tmp_path: Path) -> Path:
    """A writable copy named data/, so problems show paths like data/facts/compute.yaml."""
    data = tmp_path / "data"
    shutil.copytree(MINI_DATA, data)
    return data


def apply_patches(data: Path, patches: list[dict]) -> None:
    """Apply a bad-input case's patches: replace (exactly once), delete or create a file.
    Paths are relative to the data directory; ``../docs/<page>.md`` is a page whose
    prose the checker reads too."""
    for patch in patches:
        path = data / patch["file"]
        if patch.get("delete"):
            path.unlink()
        elif "create" in patch:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(patch["create"], encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            count = text.count(patch["replace"])
            if count != 1:
                raise AssertionError(f"{patch['file']}: text to replace occurs {count} times, "
                                     f"not once: {patch['replace']!r}")
            path.write_text(text.replace(patch["replace"], patch["with"]), encoding="utf-8")


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def case_paths() -> list[Path]:
    return sorted(BAD_INPUTS.glob("*.yaml"))

"""Where things are."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "mini-data"
GOLDEN = ROOT / "tests" / "render" / "golden"

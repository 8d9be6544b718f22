"""Smoke test of the benchmark (``make bench``): end to end on the smallest size, 1 run.

No timings are asserted — they depend on the machine. What is checked: the synthetic
data checks clean (zero problems) and holds what was asked for, every build variant
runs, live reload sees one edit, and the table and results.json come out complete.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))


def test_synthetic_data_is_valid_and_complete(tmp_path):
    import synth

    from macros.evidence.check import check_data

    stats = synth.generate(tmp_path / "data", 100)
    report = check_data(tmp_path / "data")
    assert report.problems == []
    fb = report.factbase
    assert len(fb.facts) == stats.facts
    synthetic = [f for f in fb.facts.values() if f.id.startswith("syn-fact-")]
    assert len(synthetic) == 100
    assert {f.theme.value for f in synthetic} == {"compute", "capital", "talent",
                                                  "open-source"}
    from macros.evidence.model import FactKind
    assert {f.kind for f in synthetic} == set(FactKind)  # every kind, reports included
    # Statistics sit on measures the pages chart, synthetic and real ones.
    measured = {f.measure for f in synthetic if f.measure}
    assert any(m.startswith("syn-measure-") for m in measured)
    assert any(fb.measures[m].chart == "bar" for m in measured)
    # Quotes come from generated archive text, and some of it needs normalising.
    assert any(fb.sources[f.source].archive.startswith("syn-archive-") for f in synthetic)
    assert any(s.lines for s in fb.sources.values() if s.id.startswith("syn-source-"))
    articles = "".join(p.read_text("utf-8") for p in (tmp_path / "data" / "articles")
                       .glob("syn-*.txt"))
    assert "(fā)" in articles or "(xiàn)" in articles or "（" in articles


def test_generation_is_deterministic(tmp_path):
    import synth

    synth.generate(tmp_path / "a", 50)
    synth.generate(tmp_path / "b", 50)
    for path in sorted((tmp_path / "a").rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")) \
                .read_bytes(), path


def _run_bench(out: Path, *extra: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--sizes", "100", "--runs", "1",
         "--out", str(out), *extra],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Load + check" in result.stdout and "mkdocs build" in result.stdout
    results = json.loads((out / "results.json").read_text())
    assert results["complete"] and results["machine"]["nproc"] >= 1
    assert (out / "results.md").read_text().count("|") > 20
    (row,) = results["sizes"]
    assert row["size"] == 100 and row["facts"] > 100
    assert row["check"]["problems"] == 0
    assert row["check"]["seconds"]["median"] > 0
    build = row["build"]
    assert build["full_s"]["min"] <= build["full_s"]["median"] <= build["full_s"]["max"]
    assert results["plain_build"]["median"] > 0
    assert build["full_peak_mb"]["median"] > 0 and build["overhead"] is not None
    assert build["pages"] > 100  # the synthetic facts have pages of their own
    return row


def test_benchmark_end_to_end(tmp_path):
    """Check, full and plain builds on the smallest size. A build of the bilingual site
    takes ~15-20 s here, so this skips the warm-up build (which times the layer's own
    work) and live reload; the whole pipeline is test_benchmark_everything
    (RR_BENCH_FULL=1)."""
    row = _run_bench(tmp_path / "out", "--no-warmup", "--no-reload")
    assert "reload" not in row


@pytest.mark.skipif(not os.environ.get("RR_BENCH_FULL"),
                    reason="slow (several minutes): set RR_BENCH_FULL=1 to run the whole "
                           "pipeline, layer timing and live reload included")
def test_benchmark_everything(tmp_path):
    out = tmp_path / "out"
    row = _run_bench(out, "--reload-sizes", "100", "--edits", "1")
    build = row["build"]
    assert row["layer"]["own_s"] > 0 and build["overhead"] is not None
    assert row["reload"]["visible_s"]["n"] == 1
    # The edited fact file was restored; the repository's data was never touched.
    served = out / "serve" / "n100" / "data" / "facts" / "compute.yaml"
    assert "rrbench" not in served.read_text("utf-8")
    assert (out / "projects" / "n100" / "site-full" / "compute" / "index.html").exists()
    assert row["layer"]["seconds"]["macro_calls"] > 0 and 0 < row["layer"]["share"] < 1

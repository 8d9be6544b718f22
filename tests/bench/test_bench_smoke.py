"""Smoke test of the benchmark (``make bench``): end to end on the smallest size, 1 run.

No timings are asserted — they depend on the machine. What is checked: the synthetic
data checks clean (zero problems) and holds what was asked for; the plain-Material floor
(bench/floor.py) reads a page's visible article text and writes Markdown that shows the
same words; on the real size, the floor project builds with one page per real page, at
the same URLs, each showing the real page's article text; the tables and results.json
come out complete. ``RR_BENCH_FULL=1`` adds live reload under ``make serve``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import markdown
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


# --------------------------------------------------------------------------- the floor

ARTICLE = """<html><body><nav>Not this</nav>
<article class="md-content__inner md-typeset">
<h1 id="t">Title *one*<a class="headerlink" href="#t">&para;</a></h1>
<p>A <a href="x/">link</a> and <code>code</code>, *stars*, _under_ [brackets] {braces}
&lt;b&gt; &amp;amp; back\\slash `tick`.</p>
<script>var hidden = "script";</script>
<p hidden>not shown</p>
<article class="rr-card" data-search-exclude><h2 id="c">Card #</h2>
<ul><li># not a heading</li><li>1. not a list</li><li>- nor this</li><li>&gt; nor a quote</li></ul>
<table><tr><th>a</th><td>b</td></tr></table>
<svg><title>tooltip</title><text>chart label</text></svg></article>
<dl><dt>Term</dt><dd>Definition<br>broken</dd></dl>
<h3>Heading ending ##</h3>
</article>
<footer>Nor this</footer></body></html>"""


def test_floor_reads_the_article_text():
    import floor

    blocks = floor.article_blocks(ARTICLE)
    assert blocks is not None
    assert blocks[0] == floor.Block(1, "Title *one*")
    texts = [b.text for b in blocks]
    assert "Not this" not in " ".join(texts) and "Nor this" not in " ".join(texts)
    assert not {"script", "not shown", "tooltip", "¶"} & set(" ".join(texts).split())
    assert "chart label" in texts and "a b" in texts and "Definition broken" in texts
    # The card the real search skips (data-search-exclude) is marked, the rest is not.
    assert [b.text for b in blocks if b.search_exclude] == [
        "Card #", "# not a heading", "1. not a list", "- nor this", "> nor a quote",
        "a b", "chart label"]
    assert floor.article_blocks("<article><p>no md-content__inner</p></article>") is None


def test_floor_markdown_shows_the_same_words():
    """Plain Markdown, no HTML: rendered by Python-Markdown (as MkDocs does), the floor's
    page reads back as the same text, headings as headings."""
    import floor

    blocks = floor.article_blocks(ARTICLE)
    for exclude in (True, False):
        text = floor.to_markdown(blocks, search_exclude=exclude)
        assert "<" not in text  # no HTML; "<" is written &lt;
        assert text.startswith("# Title \\*one\\*\n")
        html = markdown.markdown(text, extensions=["attr_list"] if exclude else [])
        page = f'<article class="md-content__inner">{html}</article>'
        assert floor.article_blocks(page) == (blocks if exclude else [
            floor.Block(b.level, b.text) for b in blocks])
        assert ("data-search-exclude" in html) is exclude
        assert html.count("<h2") == 1 and html.count("<h3") == 1 and "<li" not in html


def test_floor_paths_and_config():
    import floor

    nav = [{"Home": "index.md"}, {"Evidence": [{"All": "facts/index.md"},
                                               {"Entities": "entities/index.md"}]}]
    in_nav = floor.nav_files(nav)
    assert floor.source_path("", in_nav) == "index.md"
    assert floor.source_path("compute/", in_nav) == "compute.md"
    assert floor.source_path("facts/", in_nav) == "facts/index.md"
    assert floor.source_path("facts/some-id/", in_nav) == "facts/some-id.md"
    assert floor.source_path("zh/entities/", in_nav) == "zh/entities.md"
    config = floor.floor_config(floor.read_config(REPO / "mkdocs.yml"))
    real = floor.read_config(REPO / "mkdocs.yml")
    assert config["nav"] == real["nav"]
    assert [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == \
        ["search"]
    assert config["markdown_extensions"] == ["attr_list"]
    assert "custom_dir" not in config["theme"] and config["theme"]["name"] == "material"


# --------------------------------------------------------------------------- pipeline


def _run_bench(out: Path, *extra: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--sizes", "real", "--runs", "1",
         "--out", str(out), *extra],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Load + check" in result.stdout and "plain-Material floor" in result.stdout
    results = json.loads((out / "results.json").read_text())
    assert results["complete"] and results["machine"]["nproc"] >= 1
    assert (out / "results.md").read_text().count("|") > 20
    (row,) = results["sizes"]
    assert row["size"] == 0 and row["facts"] > 100
    assert row["check"]["problems"] == 0
    assert row["check"]["seconds"]["median"] > 0 and row["check"]["peak_mb"]["median"] > 0
    build = row["build"]
    assert build["real_s"]["n"] == build["floor_s"]["n"] == build["ratio"]["n"] == 1
    assert build["ratio"]["median"] > 0 and build["cpu_ratio"]["median"] > 0
    assert build["real_peak_mb"]["median"] > 0 and build["floor_peak_mb"]["median"] > 0
    assert build["pages"] == build["floor_pages"] > 800  # a page per fact and entity
    return row


def test_benchmark_end_to_end(tmp_path):
    """Check, then one real build and its floor built after it, on the real size (the
    floor must be made from a real build: no warm-up build here, and no live reload;
    test_benchmark_everything has both)."""
    import floor

    out = tmp_path / "out"
    row = _run_bench(out, "--no-warmup", "--no-reload")
    assert "reload" not in row and "layer" not in row
    real_site, floor_root = out / "projects" / "n0" / "site-full", out / "floors" / "n0"
    urls = floor.page_urls(real_site)
    assert floor.page_urls(floor_root / "site") == urls  # one page per real page, same URLs
    assert {"", "compute/", "zh/compute/", "entities/", "zh/entities/"} <= set(urls)
    assert any(u.startswith("zh/facts/") for u in urls)
    # The floor is plain Markdown: no HTML, no macro, in a plain project.
    docs = list((floor_root / "docs").rglob("*.md"))
    assert len(docs) == len(urls)
    for path in docs:
        text = path.read_text("utf-8")
        assert "<" not in text and "{{" not in text, path
    config = floor.read_config(floor_root / "mkdocs.yml")
    assert config["nav"] == floor.read_config(REPO / "mkdocs.yml")["nav"]
    assert len(config["plugins"]) == 1 and "i18n" not in str(config)
    # Every floor page shows the real page's article text, word for word.
    differ = [u for u in urls if floor.article_text(
        (floor_root / "site" / u / "index.html").read_text("utf-8")) != floor.article_text(
        (real_site / u / "index.html").read_text("utf-8"))]
    assert not differ, differ[:5]


@pytest.mark.skipif(not os.environ.get("RR_BENCH_FULL"),
                    reason="slow (several minutes): set RR_BENCH_FULL=1 to run the whole "
                           "pipeline, layer timing and live reload under make serve included")
def test_benchmark_everything(tmp_path):
    out = tmp_path / "out"
    row = _run_bench(out, "--reload-sizes", "real", "--edits", "1", "--broken", "1")
    layer = row["layer"]
    assert layer["own_s"] > 0 and 0 < layer["share"] < 1
    assert layer["seconds"]["macro_calls"] > 0 and layer["seconds"]["load_check"] > 0
    reload = row["reload"]
    for edit, pages in (("fact_edit", ("theme", "fact")), ("page_edit", ("page",))):
        for page in pages:
            assert reload[edit][page]["n"] == 1 and reload[edit][page]["median"] > 0
    assert set(reload["broken_save"]) == {"problems", "restored_theme", "restored_fact"}
    # The edited files were restored; the repository was never touched.
    served = out / "serve" / "n0"
    assert "rrbench" not in (served / "data" / "facts" / "compute.yaml").read_text("utf-8")
    assert "rrbench" not in (served / "docs" / "compute.md").read_text("utf-8")
    assert (served / "data" / "facts" / "compute.yaml").read_bytes() == \
        (REPO / "data" / "facts" / "compute.yaml").read_bytes()
    assert "Detected file changes" in Path(reload["log"]).read_text("utf-8")

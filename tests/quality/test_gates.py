"""Gates of the gates: each check catches the defect it exists for.

Every test plants one defect in a tiny hand-written site and asserts that the check
function the real gate uses reports it, next to a clean control that it does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import browser as B
from . import checks
from .tools import require_vnu


def page(body: str, head: str = "", title: str = "Planted") -> str:
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n<meta name=\"viewport\" content=\"width=device-width\">\n"
        f"{head}</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            f.write_bytes(content)
        else:
            f.write_text(content, "utf-8")
    return root


@pytest.fixture
def planted_server(tmp_path):
    """Serve a planted site under a sub-path; yields (site_dir, served)."""
    servers = []

    def make(files: dict[str, str | bytes]):
        site = write_site(tmp_path / f"site{len(servers)}", files)
        s = checks.serve(site, "/sub/path/")
        servers.append(s)
        return site, s

    yield make
    for s in servers:
        s.close()


# --------------------------------------------------------------------------- links


def test_link_check_catches_broken_links_and_anchors(tmp_path):
    good = write_site(tmp_path / "good", {
        "index.html": page('<a href="topic/">t</a> <a href="topic/#sec">s</a> <a href="#top">x</a>'
                           '<p id="top">top</p> <a href="https://example.org/">ext</a>'),
        "topic/index.html": page('<h2 id="sec">Sec</h2><a href="../">home</a>'
                                 '<img src="../img/a.png" alt="a">'),
        "img/a.png": b"\x89PNG\r\n",
    })
    assert checks.check_links(good, "/sub/path/") == []

    bad = write_site(tmp_path / "bad", {
        "index.html": page('<a href="missing/">m</a> <a href="topic/#no-such-anchor">a</a>'
                           ' <a href="/topic/">root-absolute</a> <a href="javascript:alert(1)">j</a>'),
        "topic/index.html": page('<img src="../img/gone.png" alt="gone">'),
    })
    problems = "\n".join(checks.check_links(bad, "/sub/path/"))
    assert "missing/" in problems
    assert "no-such-anchor" in problems
    assert "leaves the site's sub-path" in problems
    assert "javascript: URL" in problems
    assert "gone.png" in problems


# --------------------------------------------------------------------------- weight


def test_weight_budget_catches_an_oversized_page(tmp_path):
    files = {
        "index.html": page("<p>small</p>", head='<link rel="stylesheet" href="a.css">'
                           '<script src="app.js"></script>'),
        "a.css": "@font-face{font-family:x;src:url(font.woff2)}",
        "font.woff2": b"\0" * 10_000,
        "app.js": "//" + "x" * 10_000,
        "search/search_index.json": "x" * 5_000_000,  # not counted: loaded only on search
    }
    site = write_site(tmp_path / "ok", files)
    sizes, _ = checks.page_resources(site, "")
    assert "font.woff2" in sizes and "app.js" in sizes  # fonts found through the CSS
    assert checks.check_page_weight(site, "") == []

    files["app.js"] = "//" + "x" * (checks.PAGE_BUDGET_BYTES + 1)
    site = write_site(tmp_path / "big", files)
    problems = checks.check_page_weight(site, "")
    assert problems and "app.js" in problems[0]


def test_weight_check_reports_external_fonts(tmp_path):
    site = write_site(tmp_path / "s", {
        "index.html": page("<p>x</p>", head='<link rel="stylesheet" '
                           'href="https://fonts.googleapis.com/css?family=Roboto">'),
    })
    _, external = checks.page_resources(site, "")
    assert external == ["https://fonts.googleapis.com/css?family=Roboto"]


# --------------------------------------------------------------------------- reproducibility


def test_reproducibility_check_catches_a_difference(tmp_path):
    a = write_site(tmp_path / "a", {"index.html": "same", "x/y.txt": "1"})
    b = write_site(tmp_path / "b", {"index.html": "same", "x/y.txt": "1"})
    assert checks.compare_builds(a, b) == []
    (b / "x/y.txt").write_text("2")
    (b / "extra.html").write_text("")
    problems = checks.compare_builds(a, b)
    assert "differs: x/y.txt" in problems and "only in second build: extra.html" in problems


# --------------------------------------------------------------------------- injection (static)


def test_injection_scan_catches_unescaped_fields():
    escaped = page("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
                   " <a href=\"#fact-x\">javascript:alert(1)</a></p>")
    assert checks.raw_injection_hits(escaped) == []
    raw = page("<p><script>alert(1)</script><img src=x onerror=alert(1)>"
               "<a href=\"javascript:alert(1)\">x</a></p>")
    hits = checks.raw_injection_hits(raw)
    assert any("script" in h for h in hits) and any("javascript" in h for h in hits)


# --------------------------------------------------------------------------- HTML validity


def test_vnu_catches_invalid_html(tmp_path):
    java, jar = require_vnu()
    site = write_site(tmp_path / "s", {
        "ok/index.html": page('<p><img src="a.png" alt="A chart"></p>'),
        "bad/index.html": page('<p><img src="a.png"></p><div><span></div>'),
    })
    problems = checks.vnu_errors(checks.run_vnu(java, jar, site), site)
    assert problems and all(p.startswith("bad/") for p in problems), problems
    assert any("alt" in p for p in problems)


# --------------------------------------------------------------------------- browser


def test_browser_catches_external_font_request(browser, planted_server):
    _, s = planted_server({
        "index.html": page("<p>Text</p>", head=(
            '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">'
            '<style>@font-face{font-family:R;src:url(https://fonts.gstatic.com/r.woff2)}'
            "p{font-family:R}</style>")),
        "clean/index.html": page("<p>Text</p>"),
    })
    ctx, _, clean = B.open_page(browser, s.origin, s.url("clean/"))
    ctx.close()
    assert clean.external_requests == [] and clean.local_requests
    ctx, _, visit = B.open_page(browser, s.origin, s.url(""))
    ctx.close()
    assert any("fonts.googleapis.com" in u for u in visit.external_requests), visit


def test_browser_catches_console_errors_and_scripts(browser, planted_server):
    _, s = planted_server({
        "index.html": page("<p>x</p><script>throw new Error('planted')</script>"
                           "<script>console.error('planted console error')</script>"),
    })
    ctx, _, visit = B.open_page(browser, s.origin, s.url(""))
    ctx.close()
    assert any("planted" in e for e in visit.page_errors)
    assert any("planted console error" in e for e in visit.console_errors)


def test_browser_catches_unescaped_field(browser, planted_server):
    needle = "<script>alert(1)</script>"
    _, s = planted_server({
        "escaped/index.html": page("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        "raw/index.html": page(f"<p>{needle}<img src=x onerror=alert(1)></p>"),
    })
    ctx, p, visit = B.open_page(browser, s.origin, s.url("escaped/"))
    assert B.injected_markup(p) == [] and visit.dialogs == []
    assert B.text_shows_literally(p, [needle]) == []
    ctx.close()
    ctx, p, visit = B.open_page(browser, s.origin, s.url("raw/"))
    p.wait_for_timeout(200)
    assert visit.dialogs, "the planted script should have opened a dialog"
    assert B.injected_markup(p)
    assert B.text_shows_literally(p, [needle]) == [needle]
    ctx.close()


def test_axe_catches_image_without_alt(browser, planted_server, axe_source):
    _, s = planted_server({
        "ok/index.html": page('<p><img src="../a.png" alt="A chart" width="10" height="10"></p>'),
        "bad/index.html": page('<p><img src="../a.png" width="10" height="10"></p>'),
        "a.png": b"",
    })
    ctx, p, _ = B.open_page(browser, s.origin, s.url("ok/"))
    assert B.run_axe(p, axe_source) == []
    ctx.close()
    ctx, p, _ = B.open_page(browser, s.origin, s.url("bad/"))
    ids = [v["id"] for v in B.run_axe(p, axe_source)]
    ctx.close()
    assert "image-alt" in ids


def test_evidence_link_checks_catch_a_missing_target(browser, planted_server):
    _, s = planted_server({
        "index.html": page('<p>Share <a href="#fact-real">47%</a> and '
                           '<a href="#fact-missing">12%</a></p><div style="height:2000px"></div>'
                           '<section id="fact-real"><p>Evidence card</p></section>'),
    })
    ctx, p, _ = B.open_page(browser, s.origin, s.url(""))
    link = B.first_figure_link(p)
    assert B.tab_to(p, link) == 1
    p.keyboard.press("Enter")
    B.wait_for_hash(p, "fact-real")
    state = B.target_state(p, "fact-real")
    assert state["targeted"] and state["in_viewport"], state
    p.locator('a[href="#fact-missing"]').click()
    B.wait_for_hash(p, "fact-missing")
    assert B.target_state(p, "fact-missing") == {"exists": False}
    ctx.close()


def test_browser_sample_keeps_every_written_page_and_samples_generated_ones():
    pages = ["", "compute/", "zh/compute/", "facts/", "entities/"]
    pages += [f"facts/f{i:03d}/" for i in range(300)] + [f"entities/e{i:03d}/" for i in range(40)]
    pages += [f"zh/facts/f{i:03d}/" for i in range(300)]
    sample = checks.browser_sample(pages, per_kind=5)
    assert [p for p in sample if p.count("/") < 2 or p == "zh/compute/"] == \
        ["", "compute/", "zh/compute/", "facts/", "entities/"]
    for kind in ("facts/", "entities/", "zh/facts/"):
        picked = [p for p in sample if p.startswith(kind) and p != kind]
        assert 1 <= len(picked) <= 5, (kind, picked)
    assert checks.browser_sample(pages, everything=True) == pages


def test_chart_text_check_catches_a_scaled_down_svg_and_small_html(browser, planted_server):
    """An SVG chart whose 13px text is scaled down to fit a phone (the old charts'
    defect), and 10px HTML text, are both caught at 390px; legible text is not."""
    _, s = planted_server({
        "index.html": page(
            '<figure class="rr-chart" id="chart-old"><svg viewBox="0 0 720 100" width="100%">'
            '<text x="10" y="20" font-size="13">Label</text></svg></figure>'
            '<figure class="rr-chart" id="chart-small"><p style="font-size:10px">Note</p>'
            '</figure>'
            '<figure class="rr-chart" id="chart-ok"><p style="font-size:13px">Fine</p>'
            '<details><summary>Data</summary><p style="font-size:11px">Hidden row</p>'
            '</details></figure>'),
    })
    ctx, p, _ = B.open_page(browser, s.origin, s.url(""), viewport=B.PHONE)
    try:
        found = {c["id"]: c for c in B.chart_text_sizes(p)}
    finally:
        ctx.close()
    assert found["chart-old"]["small"] and found["chart-old"]["min"] < 8
    assert found["chart-small"]["small"] == ['10.0px "Note"']
    # A closed disclosure is opened before measuring: its rows count too.
    assert found["chart-ok"]["small"] == ['11.0px "Hidden row"']
    assert found["chart-ok"]["texts"] == 3
    assert found["chart-ok"]["bad_dots"] == 0


def test_chart_check_catches_a_filled_dot_drawn_hollow(browser, planted_server):
    """A change chart's later figure is its filled dot: a dot drawn hollow, or squashed,
    loses the key."""
    _, s = planted_server({
        "index.html": page(
            '<style>.d{display:inline-block;width:10px;height:10px;border-radius:50%;'
            'border:2px solid #000}</style>'
            '<figure class="rr-chart" id="chart-a"><p>x <span class="d rr-dot--to" '
            'style="background:#000"></span></p></figure>'
            '<figure class="rr-chart" id="chart-b"><p>x <span class="d rr-dot--to" '
            'style="background:#000;height:20px"></span></p></figure>'
            '<figure class="rr-chart" id="chart-c"><p>x <span class="d rr-change__dot--to" '
            'style="background:#fff"></span></p></figure>'),
    })
    ctx, p, _ = B.open_page(browser, s.origin, s.url(""), viewport=B.PHONE)
    try:
        found = {c["id"]: c["bad_dots"] for c in B.chart_text_sizes(p)}
    finally:
        ctx.close()
    assert found == {"chart-a": 0, "chart-b": 1, "chart-c": 1}

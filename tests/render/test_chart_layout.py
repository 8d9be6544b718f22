"""Chart geometry (macros/render/chart.py): labels are never clipped, CJK counts double,
ranges keep a solid outline, and the drawn chart carries its text alternative."""

from __future__ import annotations

import re

from macros.render import chart
from macros.render.chart import Bar, columns, fit, layout, text_width


def bar(label, value_text="10", low=10.0, high=None, sublabel="", tone="china"):
    return Bar(label=label, full_label=label, sublabel=sublabel, value_text=value_text,
               low=low, high=high, href="#x", tone=tone)


def test_cjk_counts_double():
    assert columns("abc") == 3
    assert columns("中国") == 4
    assert text_width("中国", 13) > text_width("ab", 13) * 1.5
    assert text_width("ab", 13, bold=True) > text_width("ab", 13)


def test_fit_counts_columns_and_keeps_short_labels_whole():
    assert fit("LLMs built on home-grown chips") == "LLMs built on home-grown chips"
    long_zh = "某项研究考察的一组大语言模型中依赖英伟达芯片构建的数量"
    short = fit(long_zh, 30)
    assert short.endswith("…") and columns(short) <= 30
    assert fit("依赖英伟达芯片的大语言模型数", 30) == "依赖英伟达芯片的大语言模型数"
    assert fit("a  b\n c") == "a b c"


def _fits(g):
    for b in g.bars:
        # Every label and sublabel fits between the left edge and the axis…
        assert text_width(b.label, chart.LABEL_SIZE, bold=True) <= g.label_x
        assert text_width(b.sublabel, chart.SUBLABEL_SIZE) <= g.label_x
        # …and every value fits between its bar's end and the right edge.
        assert b.value_x + text_width(b.value_text, chart.VALUE_SIZE, bold=True) <= g.width


def test_label_column_grows_with_the_longest_label():
    short = layout([bar("China"), bar("US", tone="us")])
    long = layout([bar("LLMs built on home-grown chips", sublabel="China · Oct 2024"),
                   bar("LLMs built on Nvidia chips", sublabel="China · Oct 2024")])
    assert short.label_w < long.label_w
    assert long.label_w > 220  # the old fixed column clipped this label
    _fits(short)
    _fits(long)


def test_chinese_labels_fit():
    g = layout([bar(fit("依赖英伟达芯片的大语言模型数（某项研究考察的一组）"), "17个模型",
                    sublabel="中国 · 2024年10月")])
    _fits(g)


def test_chart_widens_rather_than_clip_long_text():
    g = layout([bar(fit("x" * 80), value_text="10 models (of a leaderboard's top 10)")])
    assert g.plot_w >= chart.MIN_PLOT_W
    assert g.width >= chart.WIDTH
    _fits(g)


def test_range_has_a_solid_outline():
    g = layout([bar("A", "10–100×", low=10, high=100), bar("B", "5×", low=5)])
    ranged, plain = g.bars
    assert g.has_range and ranged.range_w > 0 and ranged.range_frame.startswith("M")
    assert plain.range_frame == ""
    # The outline starts where the solid bar ends and spans the range.
    x0 = float(re.match(r"M([\d.]+) ", ranged.range_frame).group(1))
    assert abs(x0 - (g.label_w + ranged.solid_w)) < 0.11


def test_drawn_chart_has_text_alternative_and_css_free_fallbacks(render):
    html = render("chart", "share-of-ai-compute", "share-of-top-ai-researchers",
                  url="compute/")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "<table" in html  # the data, readable without the picture
    # Sizes and colours the geometry assumed, even without the stylesheet.
    assert 'font-size="13"' in svg and 'fill="currentColor"' in svg
    assert re.search(r'<rect class="rr-chart__bar [^"]*"[^>]* fill="#[0-9a-f]{6}"', svg)
    assert "<script" not in html

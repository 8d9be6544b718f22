"""Charts (macros/render/chart.py, chart_macros.py, chart_files.py): each form draws what
its comparison needs, hedges and totals reach the labels, dates are no more precise than
their basis, every chart credits its source and producer, and its downloads hold the
same figures. Over a small synthetic world built on the fixture data, and over the real
data for what readers actually see."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kit import ROOT
from macros.evidence.charts import chart_problems
from macros.evidence.factbase import FactBase
from macros.evidence.freshness import Freshness
from macros.evidence.model import Chart, Entity, Fact, Measure
from macros.render import PageContext, Site, SiteOptions
from macros.render import chart as charts
from macros.render.chart_files import CSV_COLUMNS, MIN_TEXT, WIDTH, chart_files
from macros.render.html import make_environment
from macros.render.page import Page

OPTIONS = SiteOptions("Mini", "https://example.org/mini/", Freshness(dt.date(2026, 12, 1)))


# --------------------------------------------------------------------------- the world


def _stat(base: Fact, fact_id: str, subject: str, measure: str, unit: str, *,
          value: float | None = None, low: float | None = None, high: float | None = None,
          qualifier: str = "exact", of: int | None = None, as_of: str = "2024",
          basis: str | None = "printed", not_after: str | None = None,
          producer: str | None = None, unnamed: str | None = None) -> Fact:
    data = base.model_dump(mode="json", exclude_none=True)
    quantity = {"unit": unit, "qualifier": qualifier, "as_printed": f"{value or low}"}
    quantity.update({k: v for k, v in (("value", value), ("low", low), ("high", high))
                     if v is not None})
    if of is not None:
        quantity.update(of=of, of_printed=str(of))
    data.update(id=fact_id, subject=subject, measure=measure, quantity=quantity,
                as_of=as_of, entities=[subject])
    for key in ("as_of_basis", "not_after", "basis_note", "data_producer",
                "unnamed_producer", "note"):
        data.pop(key, None)
    if basis:
        data["as_of_basis"] = basis
    if basis in ("inferred", "outside"):
        data["basis_note"] = {"en": "From the context.", "zh": "据上下文。"}
    if not_after:
        data["not_after"] = not_after
    if producer:
        data["data_producer"] = producer
    if unnamed:
        data["unnamed_producer"] = {"en": unnamed, "zh": "一项未具名研究"}
    return Fact.model_validate(data)


def _measure(measure_id: str, unit: str, counted: str | None = None) -> Measure:
    data: dict = {"id": measure_id, "unit": unit,
                  "name": {"en": f"Measure {measure_id}", "zh": f"指标{measure_id}"},
                  "description": {"en": "A measure.", "zh": "一个指标。"}}
    if counted:
        data["counted"] = {"en": counted, "zh": "个模型"}
    return Measure.model_validate(data)


def _entity(entity_id: str, name: str, members: list[str] | None = None) -> Entity:
    return Entity.model_validate({"id": entity_id, "kind": "company",
                                  "name": {"en": name, "zh": name},
                                  "description": {"en": name, "zh": name},
                                  "members": members or []})


def _chart(chart_id: str, form: str, facts: list[str], **more) -> Chart:
    return Chart.model_validate({"id": chart_id, "form": form, "facts": facts,
                                 "finding": {"en": f"Finding of {chart_id}",
                                             "zh": f"{chart_id}的发现"}, **more})


@pytest.fixture(scope="module")
def world(mini_factbase) -> FactBase:
    fb = mini_factbase
    base = fb.facts["china-ai-compute-share-2025"]
    s = lambda *a, **k: _stat(base, *a, **k)  # noqa: E731
    facts = [
        # bars, each bound: exact, lower, upper, range
        s("b-us", "us", "money", "CNY", value=40e9),
        s("b-china", "china", "money", "CNY", value=50e9, qualifier="more-than"),
        s("b-alpha", "alpha", "money", "CNY", value=30e9, qualifier="at-most"),
        s("b-beta", "beta", "money", "CNY", low=10e9, high=20e9),
        # bars of a total
        s("t-us", "us", "top10", "count", value=5, of=10, basis=None, as_of="unknown",
          not_after="2024-10-09"),
        s("t-china", "china", "top10", "count", value=1, of=10, basis=None,
          as_of="unknown", not_after="2024-10-09"),
        # change: listed later-first, to check the order is by date
        s("c-china-22", "china", "share", "percent", value=26, as_of="2022",
          producer="farsight-institute"),
        s("c-china-19", "china", "share", "percent", value=10, as_of="2019",
          producer="farsight-institute"),
        s("c-us-19", "us", "share", "percent", value=35, as_of="2019",
          producer="farsight-institute"),
        s("c-us-22", "us", "share", "percent", value=28, as_of="2022",
          producer="farsight-institute"),
        # parts with a whole that is a lower bound
        s("p-all", "big-three", "money", "CNY", value=50e9, qualifier="more-than",
          as_of="2024-01..2024-06"),
        s("p-alpha", "alpha", "money", "CNY", value=23e9, as_of="2024-01..2024-06"),
        s("p-gamma", "gamma", "money", "CNY", value=4.2e9, as_of="2024-01..2024-06"),
        s("p-beta", "beta", "money", "CNY", value=23e9, as_of="2024-01..2024-06"),
        # parts of a total, by measure, not covering it
        s("o-nv", "china", "on-nvidia", "count", value=12, of=20, basis="inferred",
          unnamed="an unnamed study"),
        s("o-home", "china", "on-home", "count", value=3, of=20, basis="inferred",
          unnamed="an unnamed study"),
    ]
    charts_ = [
        _chart("bounds", "bars", ["b-us", "b-china", "b-alpha", "b-beta"]),
        _chart("totals", "bars", ["t-china", "t-us"]),
        _chart("shares", "change", ["c-china-22", "c-china-19", "c-us-19", "c-us-22"],
               note={"en": "By origin.", "zh": "按来源。"}),
        _chart("spend", "parts", ["p-all", "p-alpha", "p-gamma", "p-beta"],
               rows=[{"key": "big-three", "label": {"en": "All three", "zh": "三家合计"},
                      "country": "china"}]),
        _chart("chips", "parts", ["o-nv", "o-home"],
               rows=[{"key": "on-nvidia", "label": {"en": "On Nvidia (US) chips",
                                                     "zh": "依赖英伟达芯片"}, "country": "us"},
                     {"key": "on-home", "label": {"en": "On home-grown chips",
                                                   "zh": "使用国产芯片"}}]),
        _chart("ranks", "table", ["t-us", "t-china"]),
        Chart.model_validate({"id": "both", "form": "panels", "panels": ["shares", "chips"],
                              "finding": {"en": "Racing, yet relying", "zh": "追赶，却仍依赖"}}),
    ]
    entities = {**fb.entities, **{e.id: e for e in (
        _entity("alpha", "Alpha"), _entity("beta", "Beta"), _entity("gamma", "Gamma"),
        _entity("big-three", "The Big Three", ["alpha", "beta", "gamma"]))}}
    measures = {**fb.measures, **{m.id: m for m in (
        _measure("money", "CNY"), _measure("top10", "count", "papers"),
        _measure("share", "percent"), _measure("on-nvidia", "count", "models"),
        _measure("on-home", "count", "models"))}}
    return FactBase(archives=fb.archives, sources=fb.sources, entities=entities,
                    questions=fb.questions, measures=measures,
                    facts={**fb.facts, **{f.id: f for f in facts}}, retired=fb.retired,
                    charts={c.id: c for c in charts_})


def _page(fb: FactBase, lang: str = "en", url: str = "compute/") -> Page:
    return Page(fb, OPTIONS, make_environment(), PageContext(url, lang))


def _view(fb: FactBase, chart_id: str, lang: str = "en") -> charts.ChartView:
    page = _page(fb, lang, "zh/compute/" if lang == "zh" else "compute/")
    found, facts = charts.find_chart(page, [chart_id])
    return charts.chart_view(page, found, facts)


def _html(fb: FactBase, chart_id: str, lang: str = "en") -> str:
    url = "zh/compute/" if lang == "zh" else "compute/"
    return Site(fb, OPTIONS).call(PageContext(url, lang, "t.md"), "chart", [chart_id])


def test_the_world_passes_the_chart_rules(world):
    for chart in world.charts.values():
        assert chart_problems(chart, world.facts, world.measures, world.entities,
                              world.charts) == [], chart.id


# --------------------------------------------------------------------------- bars


def test_bars_are_sorted_by_value_and_draw_each_bound_as_such(world):
    c = _view(world, "bounds")
    assert [r.key for r in c.rows] == ["china", "us", "alpha", "beta"]
    marks = {r.key: r.mark for r in c.rows}
    assert marks["us"].bound == "exact" and marks["us"].extra == 0
    # More than 50 billion: solid to the bound, then an open tail; the label says so.
    lower = marks["china"]
    assert lower.bound == "lower" and lower.extra > 0
    assert lower.value_text == "more than 50 billion yuan"
    assert marks["alpha"].bound == "upper" and marks["alpha"].value_text.startswith("up to")
    ranged = marks["beta"]
    assert ranged.bound == "range" and ranged.extra == pytest.approx(ranged.size, abs=0.02)
    # The scale ends at a round number above the open tail, so nothing touches the edge.
    assert lower.size + lower.extra <= 100
    html = _html(world, "bounds")
    assert html.count("rr-mark--lower") == 1 and html.count("rr-mark--range") == 1
    assert "rr-mark--upper" in html
    assert "lower bound" in html and "range the source gives" in html  # what the styles mean


def test_a_count_with_a_total_says_of_and_is_drawn_in_cells(world):
    c = _view(world, "totals")
    assert [r.mark.value_text for r in c.rows] == ["5 of 10 papers", "1 of 10 papers"]
    assert all(r.of and r.units == 10 and r.track == 100 for r in c.rows)
    assert c.rows[0].mark.size == 50 and c.rows[1].mark.size == 10
    zh = _view(world, "totals", "zh")
    assert zh.rows[0].mark.value_text == "10个模型中的5个"
    html = _html(world, "totals")
    assert "rr-track--total rr-track--units" in html and "--units:10" in html


def test_an_undated_figure_says_so_with_its_bound(world):
    c = _view(world, "totals")
    assert c.subtitle == "Measure top10 · date unknown (no later than 9 Oct 2024)"
    assert "Oct 2024" not in c.rows[0].mark.period.replace("no later than 9 Oct 2024", "")


# --------------------------------------------------------------------------- change


def test_change_draws_each_subject_from_its_earlier_to_its_later_figure(world):
    c = _view(world, "shares")
    assert c.form == "change"
    assert [r.key for r in c.rows] == ["us", "china"]  # by the later figure
    china = c.rows[1]
    assert [m.period for m in china.marks] == ["2019", "2022"]
    assert [m.value for m in china.marks] == [10, 26]
    assert china.direction == "up" and c.rows[0].direction == "down"
    # One scale for all rows, ending at a round number (35 -> 40).
    assert c.rows[0].marks[0].size == pytest.approx(87.5)
    assert china.line_start == pytest.approx(25) and china.line_size == pytest.approx(40)
    html = _html(world, "shares")
    assert html.count("rr-change__dot--from") == 2 and html.count("rr-change__dot--to") == 2
    assert "2019: " in html and "Hollow dot: the earlier figure" in html
    assert "<li class=\"rr-change__row rr-tone--us" in html  # one colour per country


def test_bars_over_two_dates_are_refused(world):
    chart = _chart("interleaved", "bars", ["c-china-19", "c-china-22"])
    problems = chart_problems(chart, world.facts, world.measures, world.entities, {})
    assert [p.message for p in problems] == [
        "bars compare one date or period, but these facts are for 2019, 2022"]
    assert problems[0].hint == "for the same subjects at two dates use form: change"


# --------------------------------------------------------------------------- parts


def test_parts_draw_the_aggregate_as_the_whole_never_beside_its_parts(world):
    c = _view(world, "spend")
    assert c.whole is not None and c.whole.key == "big-three"
    assert c.whole.label == "All three" and c.whole.tone == "china"
    assert "big-three" not in [r.key for r in c.rows]
    assert [r.key for r in c.rows] == ["alpha", "beta", "gamma"]  # largest first
    # Stacked: each part starts where the one before it ends.
    assert c.rows[1].mark.start == pytest.approx(c.rows[0].mark.end)
    assert c.rows[2].mark.start == pytest.approx(c.rows[1].mark.end, abs=0.02)
    # The whole, a lower bound, is open-ended and labelled as one.
    assert c.whole.mark.bound == "lower" and c.whole.mark.extra > 0
    assert c.whole.mark.value_text == "more than 50 billion yuan"
    assert [r.align for r in c.rows] == ["start", "start", "end"]
    html = _html(world, "spend")
    assert html.count('class="rr-parts__seg ') == 3
    assert html.index("rr-parts__whole") < html.index("rr-parts__bar")


def test_parts_of_a_total_show_the_total_and_what_no_part_covers(world):
    c = _view(world, "chips")
    assert c.total == "Total: 20 models"
    assert [(r.label, r.tone, r.units) for r in c.rows] == [
        ("On Nvidia (US) chips", "us", 12), ("On home-grown chips", "china", 3)]
    assert c.rest is not None and c.rest.units == 5 and c.rest.mark.value_text == "5 models"
    assert c.rest.mark.start == pytest.approx(75) and c.units == 20
    assert [r.mark.value_text for r in c.rows] == ["12 of 20 models", "3 of 20 models"]
    assert c.data == "an unnamed study"
    assert c.subtitle == "2024 (inferred)"


def test_an_aggregate_is_refused_beside_its_members(world):
    """BAT beside Baidu, Alibaba and Tencent: the aggregate is an entity with members,
    and only form parts may draw it with them (as their whole)."""
    for form in ("bars", "table"):
        chart = _chart("side-by-side", form, ["p-all", "p-alpha", "p-beta"])
        messages = [p.message for p in chart_problems(chart, world.facts, world.measures,
                                                      world.entities, {})]
        assert messages == ["'big-three' groups 'alpha': an aggregate is never drawn "
                            "beside its members"], form


def test_a_chart_of_the_measure_alone_draws_the_aggregate_as_the_whole(world):
    page = _page(world)
    facts = [world.facts[f] for f in ("p-all", "p-alpha", "p-beta", "p-gamma")]
    view = charts.chart_view(page, None, facts, ["money"])
    assert view.form == "parts" and view.whole is not None and view.whole.key == "big-three"


@pytest.mark.parametrize("chart,message", [
    (_chart("x", "parts", ["b-us", "b-china"]),
     "parts need a whole: an aggregate subject among the facts (an entity whose members "
     "are the other subjects), or one total that every count is out of (quantity.of)"),
    (_chart("x", "parts", ["p-all", "p-alpha", "b-us"]),
     "'us' is not one of the members of 'big-three', so it is not a part of its whole"),
    (_chart("x", "change", ["c-china-19", "c-us-19", "c-us-22"]),
     "change draws each subject at two dates on one measure, but 'china' has 1 figure(s) "
     "for 1 date(s)"),
    (_chart("x", "bars", ["b-us", "t-us"]), "fact 't-us' is in count but 'b-us' in CNY"),
    (_chart("x", "bars", ["b-us"], rows=[{"key": "chin"}]), "no row 'chin' in this chart"),
])
def test_forms_that_do_not_fit_are_refused(world, chart, message):
    messages = [p.message for p in chart_problems(chart, world.facts, world.measures,
                                                  world.entities, {})]
    assert message in messages


def test_parts_cannot_add_up_to_more_than_an_exact_whole(world):
    facts = dict(world.facts)
    whole = facts["p-all"]
    assert whole.quantity is not None
    facts["p-all"] = whole.model_copy(update={"quantity": whole.quantity.model_copy(
        update={"qualifier": "exact", "value": 48e9})})
    chart = world.charts["spend"]
    messages = [p.message for p in chart_problems(chart, facts, world.measures,
                                                  world.entities, {})]
    assert messages == ["the parts add up to 5.02e+10, more than the whole (p-all): 4.8e+10"]


# --------------------------------------------------------------------------- credits, links


def test_every_chart_credits_its_outlet_and_producer_and_links_its_files(world):
    c = _view(world, "shares")
    assert [s.name for s in c.sources] == ["Mini Daily, 1 Jul 2025"]
    assert c.sources[0].href == "../sources/#source-mini-daily-2025-report"
    assert c.data == "Farsight Institute" and c.note == "By origin."
    assert c.permalink == "#chart-shares"
    assert c.csv == "../charts/shares.csv"
    assert c.svg == "../charts/shares.en.svg"
    assert _view(world, "shares", "zh").svg == "../../charts/shares.zh.svg"
    html = _html(world, "shares")
    assert '<a class="rr-chart__permalink" href="#chart-shares"' in html
    assert 'href="../charts/shares.csv" type="text/csv">Data (CSV)</a>' in html


def test_a_table_has_no_picture_and_its_figures_link_to_their_cards(world):
    c = _view(world, "ranks")
    assert not c.drawn and c.svg == "" and c.csv
    html = _html(world, "ranks")
    assert "<details" not in html and "rr-figures__row" in html
    assert 'href="#fact-t-us"' in html and "Chart (SVG)" not in html


def test_panels_hold_their_charts_under_one_finding(world):
    page = _page(world, "en", "")
    c = charts.chart_view(page, *charts.find_chart(page, ["both"]))
    assert c.title == "Racing, yet relying" and [p.id for p in c.panels] == ["shares", "chips"]
    assert c.panels[0].permalink == "compute/#chart-shares"  # the chart in full
    tones = {r.tone for p in c.panels for r in p.rows}
    assert {"us", "china"} <= tones
    html = _html(world, "both")
    assert html.count("<section class=\"rr-chart__panel") == 2
    assert 'id="chart-both"' in html and 'id="chart-shares"' not in html  # one anchor


def test_chinese_charts_are_in_chinese(world):
    c = _view(world, "spend", "zh")
    assert c.title == "spend的发现" and c.whole is not None
    assert c.whole.mark.value_text == "超过500亿元"
    assert c.subtitle.endswith("2024年1月至2024年6月")
    html = _html(world, "spend", "zh")
    assert "来源：" in html and "Source" not in html and "Data (CSV)" not in html


def test_hostile_text_is_escaped_in_the_page_and_the_picture(world):
    hostile = "<script>alert(1)</script> & {{ config }}"
    chart = world.charts["spend"].model_copy(update={"finding": world.charts[
        "spend"].finding.model_copy(update={"en": hostile})})
    fb = FactBase(archives=world.archives, sources=world.sources, entities=world.entities,
                  questions=world.questions, measures=world.measures, facts=world.facts,
                  charts={**world.charts, "spend": chart})
    html = _html(fb, "spend")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in html
    svg = chart_files(fb, OPTIONS)["charts/spend.en.svg"].decode()
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)  # well-formed


# --------------------------------------------------------------------------- files


def test_each_chart_has_its_csv_and_an_svg_per_language(world):
    files = chart_files(world, OPTIONS)
    for chart_id, chart in world.charts.items():
        assert f"charts/{chart_id}.csv" in files
        drawn = chart.form.value != "table"
        for lang in ("en", "zh"):
            assert (f"charts/{chart_id}.{lang}.svg" in files) == drawn


def test_the_csv_holds_each_figure_with_its_hedge_total_and_producer(world):
    rows = list(csv.DictReader(io.StringIO(
        chart_files(world, OPTIONS)["charts/chips.csv"].decode())))
    assert list(rows[0]) == [name for name, _ in CSV_COLUMNS]
    assert [(r["fact"], r["value"], r["of"], r["shown_en"], r["shown_zh"]) for r in rows] == [
        ("o-nv", "12", "20", "12 of 20 models", "20个模型中的12个"),
        ("o-home", "3", "20", "3 of 20 models", "20个模型中的3个")]
    assert rows[0]["period_en"] == "2024 (inferred)" and rows[0]["as_of_basis"] == "inferred"
    assert rows[0]["unnamed_producer_en"] == "an unnamed study"
    assert rows[0]["fact_url"] == "https://example.org/mini/facts/o-nv/"
    panels = list(csv.DictReader(io.StringIO(
        chart_files(world, OPTIONS)["charts/both.csv"].decode())))
    assert [r["chart"] for r in panels] == ["shares"] * 4 + ["chips"] * 2


@pytest.mark.parametrize("chart_id", ["bounds", "totals", "shares", "spend", "chips", "both"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_svg_stands_alone_with_title_source_and_legible_text(world, chart_id, lang):
    svg = chart_files(world, OPTIONS)[f"charts/{chart_id}.{lang}.svg"].decode()
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("width") == str(WIDTH) and root.get("viewBox", "").startswith("0 0 680 ")
    title = root.find(f"{ns}title")
    assert title is not None and title.text == _view(world, chart_id, lang).title
    texts = list(root.iter(f"{ns}text"))
    assert texts and all(float(t.get("font-size", 0)) >= MIN_TEXT for t in texts)
    words = " ".join("".join(t.itertext()) for t in texts)
    assert ("Source" if lang == "en" else "来源") in words
    assert "https://example.org/mini/" in words  # where it comes from
    height = float(root.get("height", 0))
    assert all(float(t.get("y", 0)) < height for t in texts)  # nothing drawn off the page


def test_svg_text_wraps_within_the_width():
    assert charts.wrap("a b c", 13, 1000) == ["a b c"]
    lines = charts.wrap("Deals for Chinese start-ups 'including US investors' fell 88% "
                        "between 2021 and 2023", 20, 300, bold=True)
    assert len(lines) > 1 and all(charts.text_width(x, 20, True) <= 300 for x in lines)
    zh = charts.wrap("一项未具名研究中的20个中国大语言模型，17个依赖英伟达芯片，只有3个使用国产芯片",
                     20, 200)
    assert len(zh) > 1 and not any(line.startswith("，") for line in zh)
    assert "".join(zh) == "一项未具名研究中的20个中国大语言模型，17个依赖英伟达芯片，只有3个使用国产芯片"


@pytest.mark.parametrize("value,expected", [(35, 40), (47e9, 50e9), (12_450, 15_000),
                                            (10, 10), (68, 80), (109, 120), (0.3, 0.3)])
def test_scales_end_at_a_round_number(value, expected):
    assert charts.nice(value) == pytest.approx(expected)


# --------------------------------------------------------------------------- the real site


def _charts_on_pages() -> list[tuple[str, list[str]]]:
    """(page, macro args) of every chart() call and theme_charts() theme in docs/."""
    calls = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        if path.stem.startswith("editing"):
            continue
        text = path.read_text("utf-8")
        for args in re.findall(r"\{\{\s*chart\(([^)]*)\)\s*\}\}", text):
            calls.append((path.name, re.findall(r"'([^']+)'", args)))
        for theme in re.findall(r"\{\{\s*theme_charts\('([^']+)'\)\s*\}\}", text):
            calls.append((path.name, ["theme:" + theme]))
    return calls


def _real_views(factbase, page_name: str, args: list[str], lang: str):
    page = _page(factbase, lang)
    if args[0].startswith("theme:"):
        theme = args[0][len("theme:"):]
        ids = [c for c, spec in factbase.charts.items() if spec.form.value != "panels"
               and any(factbase.facts[f].theme.value == theme for f in spec.facts)]
        return [charts.chart_view(page, *charts.find_chart(page, [i])) for i in ids]
    found, facts = charts.find_chart(page, args)
    return [charts.chart_view(page, found, facts)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_the_site_draws_states_a_finding(factbase, lang):
    calls = _charts_on_pages()
    assert calls, "no charts found in docs/"
    drafts = [(name, args) for name, args in calls
              for view in _real_views(factbase, name, args, lang) if not view.found]
    assert not drafts, f"charts titled with a measure's name, not a finding: {drafts}"
    # theme_charts draws no draft either: every measure with two figures of a theme is
    # drawn by a chart of the data, or deliberately by none.
    for theme in ("compute", "capital", "talent", "open-source"):
        html = Site(factbase, OPTIONS).call(PageContext(f"{theme}/", lang, "t.md"),
                                            "theme_charts", [theme])
        assert "rr-chart--draft" not in html, theme


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_findings_only_state_figures_their_facts_give(factbase, lang):
    """Every number in a chart's title is in one of its facts: its value as shown, its
    quote, its date, or its total. A finding never adds a figure of its own."""
    page = _page(factbase, lang)
    for chart in factbase.charts.values():
        ids = [f for p in chart.panels for f in factbase.charts[p].facts] or chart.facts
        view = charts.chart_view(page, chart, [factbase.facts[f] for f in chart.facts])
        known = set()
        for fact_id in ids:
            fact = factbase.facts[fact_id]
            known |= {n.replace(",", "") for n in _NUMBER.findall(
                " ".join([fact.quote, fact.as_of or "", fact.quantity.as_printed if
                          fact.quantity else "", str(fact.quantity.of or "") if
                          fact.quantity else ""]))}
        for p in ([view] + view.panels):
            shown = [t.value_text for t in p.table]
            known |= {n.replace(",", "") for text in shown for n in _NUMBER.findall(text)}
        stated = {n.replace(",", "") for n in _NUMBER.findall(view.title)}
        assert stated <= known, f"{chart.id} ({lang}): {sorted(stated - known)} not in its facts"


def test_the_home_chart_carries_the_thesis(factbase):
    view = charts.chart_view(_page(factbase, "en", ""), factbase.charts["race-and-reliance"],
                             [])
    assert [p.form for p in view.panels] == ["change", "parts"]
    tones = {r.tone for p in view.panels for r in p.rows}
    assert tones == {"us", "china"}
    assert "Racing, yet relying" in view.title


def test_the_real_charts_read_as_the_issue_asks(factbase):
    """The charts the issue names: the BAT total is the whole of its parts, largest
    first, open-ended; 17 of 20; 2019 against 2022 as change, not interleaved bars; and
    the undated study is not given a month."""
    bat = _view(factbase, "bat-ai-spending-h1-2024")
    assert bat.whole is not None and bat.whole.key == "bat"
    assert [r.key for r in bat.rows] == ["alibaba", "tencent", "baidu"]
    assert bat.whole.mark.bound == "lower"
    chips = _view(factbase, "llms-by-chip-origin")
    assert [r.mark.value_text for r in chips.rows] == ["17 of 20 models", "3 of 20 models"]
    assert [r.tone for r in chips.rows] == ["us", "china"]
    assert chips.subtitle == "Date unknown (no later than 9 Oct 2024)"
    assert _view(factbase, "elite-ai-researchers-2019-2022").form == "change"
    monthly = _view(factbase, "china-ai-financing-per-month-2023-2024")
    assert [m.period for m in monthly.rows[0].marks] == ["2023 (inferred)",
                                                          "Jan 2024–Aug 2024 (inferred)"]


def test_chart_text_is_never_under_13px_in_the_stylesheet():
    """The browser test measures the pages; this catches a small size at the source."""
    css = (ROOT / "docs/assets/stylesheets/charts.css").read_text("utf-8")
    sizes = [float(x) for x in re.findall(r"font-size:\s*([\d.]+)rem", css)]
    assert sizes and min(sizes) >= 0.65  # 13 px at Material's 20 px root
    assert not re.search(r"font-size:\s*[\d.]+(px|em)\b", css)


def test_no_chart_needs_javascript(world):
    for chart_id in world.charts:
        html = _html(world, chart_id)
        assert "<script" not in html and "<svg" not in html
        assert not re.search(r"\son[a-z]+=", html)  # no event handlers


@pytest.fixture(scope="module")
def real_files(factbase) -> dict[str, bytes]:
    return chart_files(factbase, OPTIONS)


def test_the_real_charts_files_are_all_made(factbase, real_files):
    assert {Path(name).name for name in real_files} >= {
        f"{c}.csv" for c in factbase.charts}
    svg = real_files["charts/llms-by-chip-origin.en.svg"].decode()
    assert "17 of 20 models" in svg and "recent study" in svg

"""Each chart's downloads: its data as CSV, and the chart as a standalone SVG in each
language. Plain Python, no MkDocs. Made at build time from the same views the pages
draw (:func:`.chart.chart_view`), byte for byte the same for the same data.

- ``charts/<id>.csv``: one row per figure, in both languages (labels, dates
  as readers see them, values with their hedges) beside the raw values, the fact, its
  source and who produced the data.
- ``charts/<id>.en.svg`` / ``.zh.svg``: the chart with its title (the
  finding), what it measures, its marks, its source line and note, at a fixed width of
  ``WIDTH`` px with no text under ``MIN_TEXT`` px. Built with ElementTree, so every text
  is escaped and the file is well-formed XML.

They sit in ``charts/``, not ``downloads/``: ``downloads/`` is the dataset (a Frictionless
Data Package describing every CSV in it), and a chart's CSV is a view of some of its
figures.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..evidence.charts import DRAWN
from ..evidence.factbase import FactBase
from ..evidence.model import Chart, ChartForm, Fact
from . import links
from .chart import ChartView, Mark, Row, chart_view, describe, text_width, wrap
from .html import make_environment
from .labels import LABELS, LANGS
from .page import Page, PageContext, SiteOptions

WIDTH = 680
PAD = 24
INNER = WIDTH - 2 * PAD
MIN_TEXT = 13  # px: the smallest text in a chart's SVG
SIZES = {"title": 20, "panel": 17, "subtitle": 14, "label": 15, "small": 13}
FONT = ('system-ui, -apple-system, "Segoe UI", Roboto, Arial, "PingFang SC", '
        '"Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif')
#: The light palette of charts.css: one colour per country, text colours.
TONES = {"us": "#0072b2", "china": "#d55e00", "other": "#6b7280"}
TEXT, MUTED, RULE, SURFACE = "#1f2328", "#4f5866", "#d5d9e0", "#ffffff"

#: Columns of charts/<id>.csv, in order, with what each holds.
CSV_COLUMNS: list[tuple[str, str]] = [
    ("chart", "Chart id (a panel's own id in a chart of panels)."),
    ("row", "The row: the subject's entity id, or the measure id."),
    ("label_en", "The row's label, English."),
    ("label_zh", "The row's label, Chinese."),
    ("fact", "Fact id; its page is facts/<id>/."),
    ("measure", "Measure id."),
    ("subject", "Entity id the figure is about."),
    ("as_of", "Date or period the figure describes: YYYY[-MM[-DD]], START..END or unknown."),
    ("as_of_basis", "Where as_of comes from: printed, inferred or outside."),
    ("not_after", "For an unknown as_of: the latest it can be."),
    ("period_en", "The date as the chart shows it, no more precise than its basis, English."),
    ("period_zh", "The same, Chinese."),
    ("value", "The figure in full units; empty for a range."),
    ("low", "Lower end of a range."),
    ("high", "Upper end of a range."),
    ("qualifier", "exact, about, more-than, at-least, less-than, at-most or nearly."),
    ("of", "For a count out of a total: the total."),
    ("unit", "Unit of value, low, high and of."),
    ("shown_en", "The figure as the chart shows it, hedge included, English."),
    ("shown_zh", "The same, Chinese."),
    ("as_printed", "The figure exactly as the source prints it."),
    ("source", "Source id (see sources.json)."),
    ("outlet_en", "Where the source was published, English."),
    ("data_producer", "Entity id of who produced the data, where the source names one."),
    ("unnamed_producer_en", "How the source refers to a producer it does not name."),
    ("fact_url", "The fact's page on this site."),
]


def chart_files(fb: FactBase, options: SiteOptions) -> dict[str, bytes]:
    """Path -> content of every chart's CSV and SVG files."""
    env = make_environment()
    pages = {lang: Page(fb, options, env, PageContext(f"{links.CHARTS_DIR}/", lang))
             for lang in LANGS}
    files: dict[str, bytes] = {}
    for chart in fb.charts.values():
        views = {lang: _view(page, chart) for lang, page in pages.items()}
        files[links.chart_file_url(chart.id, "csv")] = chart_csv(fb, chart, views, options)
        if has_svg(chart):
            for lang, view in views.items():
                files[links.chart_file_url(chart.id, f"{lang}.svg")] = chart_svg(
                    view, lang, options, _home(fb, chart, lang, options))
    return files


def has_svg(chart: Chart) -> bool:
    """Whether the chart has a picture (charts/<id>.<lang>.svg): it is drawn, or is a
    chart of panels; a table is not."""
    return chart.form is ChartForm.panels or chart.form in DRAWN


def _view(page: Page, chart: Chart) -> ChartView:
    return chart_view(page, chart, [page.fact(f) for f in chart.facts])


def chart_home(fb: FactBase, chart: Chart, lang: str) -> str:
    """The chart's place on the site, from the site root: its theme page's anchor (a
    chart of panels: the home page's), e.g. 'zh/compute/#chart-llms-by-chip-origin'."""
    if chart.form is ChartForm.panels or not chart.facts:
        return f"{links.lang_prefix(lang)}#chart-{chart.id}"
    theme = fb.facts[chart.facts[0]].theme
    return f"{links.theme_url(theme, lang)}#chart-{chart.id}"


def _home(fb: FactBase, chart: Chart, lang: str, options: SiteOptions) -> str:
    """The chart's place on the site, as an absolute address."""
    return options.absolute(chart_home(fb, chart, lang))


# --------------------------------------------------------------------------- CSV


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(getattr(value, "value", value))


def chart_csv(fb: FactBase, chart: Chart, views: dict[str, ChartView],
              options: SiteOptions) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=[c for c, _ in CSV_COLUMNS], lineterminator="\n")
    writer.writeheader()
    parts = ([(fb.charts[p], {lang: v.panels[i] for lang, v in views.items()})
              for i, p in enumerate(chart.panels)]
             if chart.form is ChartForm.panels else [(chart, views)])
    for spec, by_lang in parts:
        writer.writerows(_rows(fb, spec, by_lang, options))
    return out.getvalue().encode("utf-8")


def _rows(fb: FactBase, chart: Chart, views: dict[str, ChartView],
          options: SiteOptions) -> Iterable[dict[str, str]]:
    found = {lang: _marks(view) for lang, view in views.items()}
    for fact_id in chart.facts:
        fact: Fact = fb.facts[fact_id]
        q = fact.quantity
        en, zh = found["en"].get(fact_id), found["zh"].get(fact_id)
        source = fb.sources[fact.source]
        yield {
            "chart": chart.id,
            "row": en[0].key if en else "",
            "label_en": en[0].label if en else "",
            "label_zh": zh[0].label if zh else "",
            "fact": fact.id,
            "measure": fact.measure or "",
            "subject": fact.subject or "",
            "as_of": fact.as_of or "",
            "as_of_basis": _cell(fact.as_of_basis),
            "not_after": fact.not_after or "",
            "period_en": en[1].period if en else "",
            "period_zh": zh[1].period if zh else "",
            "value": _cell(q.value) if q else "",
            "low": _cell(q.low) if q else "",
            "high": _cell(q.high) if q else "",
            "qualifier": _cell(q.qualifier) if q else "",
            "of": _cell(q.of) if q else "",
            "unit": _cell(q.unit) if q else "",
            "shown_en": en[1].value_text if en else "",
            "shown_zh": zh[1].value_text if zh else "",
            "as_printed": q.as_printed if q else "",
            "source": fact.source,
            "outlet_en": source.outlet.en,
            "data_producer": fact.data_producer or "",
            "unnamed_producer_en": fact.unnamed_producer.en if fact.unnamed_producer else "",
            "fact_url": options.absolute(links.fact_url(fact.id, "en")),
        }


def _marks(view: ChartView) -> dict[str, tuple[Row, Mark]]:
    """Fact id -> (its row, its mark) in a chart view; a table's rows stand in for
    rows (a table has no marks, but has labels, periods and values)."""
    out: dict[str, tuple[Row, Mark]] = {}
    rows = list(view.rows) + ([view.whole] if view.whole else [])
    for row in rows:
        for mark in row.marks:
            out[mark.fact.id] = (row, mark)
    for t in view.table:
        if t.fact.id not in out:
            mark = Mark(fact=t.fact, value=0, high=None, value_text=t.value_text,
                        period=t.period, bound="exact")
            out[t.fact.id] = (Row(key=t.fact.id, label=t.label, tone="other",
                                  marks=[mark]), mark)
    return out


# --------------------------------------------------------------------------- SVG


class _Svg:
    """An SVG drawn top to bottom: ``y`` is where the next thing goes."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.y: float = PAD
        self.root = ET.Element("svg", {
            "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
            "lang": "en" if lang == "en" else "zh-Hans",
            "font-family": FONT, "role": "img",
        })
        self.defs = ET.SubElement(self.root, "defs")
        self.body = ET.SubElement(self.root, "g")
        self._made: set[str] = set()

    def text(self, text: str, x: float, y: float, size: int, *, bold: bool = False,
             fill: str = TEXT, anchor: str = "start", italic: bool = False) -> None:
        assert size >= MIN_TEXT
        attrs = {"x": _n(x), "y": _n(y), "font-size": str(size), "fill": fill}
        if bold:
            attrs["font-weight"] = "700"
        if italic:
            attrs["font-style"] = "italic"
        if anchor != "start":
            attrs["text-anchor"] = anchor
        ET.SubElement(self.body, "text", attrs).text = text

    def lines(self, text: str, size: int, *, bold: bool = False, fill: str = TEXT,
              italic: bool = False, width: float = INNER, x: float = PAD,
              lead: str = "") -> None:
        """``text`` wrapped to ``width``, each line below the last; ``lead`` (bold)
        opens the first line."""
        height = round(size * 1.4)
        whole = f"{lead}{text}"
        for i, line in enumerate(wrap(whole, size, width, bold)):
            self.y += height
            if i == 0 and lead and line.startswith(lead):
                t = ET.SubElement(self.body, "text", {"x": _n(x), "y": _n(self.y - size * 0.3),
                                                      "font-size": str(size), "fill": fill})
                ET.SubElement(t, "tspan", {"font-weight": "700"}).text = lead
                ET.SubElement(t, "tspan", {"font-style": "italic"} if italic else {}
                              ).text = line[len(lead):]
            else:
                self.text(line, x, self.y - size * 0.3, size, bold=bold, fill=fill,
                          italic=italic)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, **extra: str) -> None:
        if w <= 0:
            return
        ET.SubElement(self.body, "rect", {"x": _n(x), "y": _n(y), "width": _n(w),
                                          "height": _n(h), "fill": fill, **extra})

    def fade(self, tone: str) -> str:
        key = f"fade-{tone}"
        if key not in self._made:
            self._made.add(key)
            grad = ET.SubElement(self.defs, "linearGradient", {"id": key})
            ET.SubElement(grad, "stop", {"offset": "0", "stop-color": TONES[tone]})
            ET.SubElement(grad, "stop", {"offset": "1", "stop-color": TONES[tone],
                                         "stop-opacity": "0"})
        return f"url(#{key})"

    def hatch(self, tone: str) -> str:
        key = f"hatch-{tone}"
        if key not in self._made:
            self._made.add(key)
            pattern = ET.SubElement(self.defs, "pattern", {
                "id": key, "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
                "patternTransform": "rotate(45)"})
            ET.SubElement(pattern, "rect", {"width": "2", "height": "6",
                                            "fill": TONES[tone]})
        return f"url(#{key})"

    def done(self, title: str, desc: str) -> bytes:
        height = self.y + PAD
        self.root.set("width", str(WIDTH))
        self.root.set("height", _n(height))
        self.root.set("viewBox", f"0 0 {WIDTH} {_n(height)}")
        title_el = ET.Element("title")
        title_el.text = title
        desc_el = ET.Element("desc")
        desc_el.text = desc
        self.root.insert(0, desc_el)
        self.root.insert(0, title_el)
        background = ET.Element("rect", {"width": "100%", "height": "100%",
                                         "fill": SURFACE})
        self.root.insert(3, background)
        if not len(self.defs):
            self.root.remove(self.defs)
        ET.indent(self.root, space="")
        for text in self.root.iter("text"):  # whitespace in a text would show as a space
            if text.text is not None and not text.text.strip():
                text.text = None
            for span in text:
                span.tail = None
        body = ET.tostring(self.root, encoding="unicode")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _n(value: float) -> str:
    return f"{round(value, 1):g}"


def chart_svg(view: ChartView, lang: str, options: SiteOptions, home: str) -> bytes:
    """The chart as a standalone SVG, in ``lang``."""
    L = LABELS[lang]
    svg = _Svg(lang)
    svg.lines(view.title, SIZES["title"], bold=True)
    if view.subtitle:
        svg.lines(view.subtitle, SIZES["subtitle"], fill=MUTED)
    if view.panels:
        for panel in view.panels:
            svg.y += 14
            svg.rect(PAD, svg.y, INNER, 1, RULE)
            svg.y += 4
            svg.lines(panel.title, SIZES["panel"], bold=True)
            if panel.subtitle:
                svg.lines(panel.subtitle, SIZES["subtitle"], fill=MUTED)
            _body(svg, panel)
            _credit(svg, panel, L)
        if view.note:
            svg.lines(view.note, SIZES["small"], fill=MUTED, lead=L["chart"]["note"]
                      + L["punct"]["colon"])
    else:
        _body(svg, view)
        _credit(svg, view, L)
    svg.y += 6
    svg.lines(f"{options.name(lang)} · {home}", SIZES["small"], fill=MUTED)
    svg.lines(L["chart"]["licence"], SIZES["small"], fill=MUTED)
    desc = describe(view, lang, L) if not view.panels else (
        L["chart"]["list_sep"].join(describe(p, lang, L) for p in view.panels))
    return svg.done(view.title, desc)


def _credit(svg: _Svg, view: ChartView, L: dict[str, dict[str, str]]) -> None:
    colon = L["punct"]["colon"]
    for note in view.legend:
        svg.lines(note, SIZES["small"], fill=MUTED, italic=True)
    svg.y += 4
    key = L["chart"]["source" if len(view.sources) == 1 else "sources"] + colon
    svg.lines(L["chart"]["list_sep"].join(s.name for s in view.sources), SIZES["small"],
              fill=MUTED, lead=key)
    if view.data:
        svg.lines(view.data, SIZES["small"], fill=MUTED, lead=L["chart"]["data_by"] + colon)
    if view.note:
        svg.lines(view.note, SIZES["small"], fill=MUTED, lead=L["chart"]["note"] + colon)


def _body(svg: _Svg, view: ChartView) -> None:
    svg.y += 8
    if view.form == ChartForm.bars.value:
        for row in view.rows:
            _label_value(svg, row.label, row.mark.value_text)
            _track(svg, row.mark, row.tone, track=row.track)
            svg.y += 10
    elif view.form == ChartForm.change.value:
        colon = LABELS[svg.lang]["punct"]["colon"]
        for row in view.rows:
            svg.lines(row.label, SIZES["label"], bold=True)
            values = " → ".join(f"{m.period}{colon}{m.value_text}" for m in row.marks)
            svg.lines(values, SIZES["label"])
            _dumbbell(svg, row)
            svg.y += 8
    elif view.form == ChartForm.parts.value:
        _parts(svg, view)


def _label_value(svg: _Svg, label: str, value: str) -> None:
    size = SIZES["label"]
    if text_width(label, size, True) + text_width(value, size, True) + 16 <= INNER:
        svg.y += round(size * 1.4)
        svg.text(label, PAD, svg.y - size * 0.3, size, bold=True)
        svg.text(value, PAD + INNER, svg.y - size * 0.3, size, bold=True, anchor="end")
    else:
        svg.lines(label, size, bold=True)
        svg.lines(value, size, bold=True)


def _track(svg: _Svg, mark: Mark, tone: str, *, track: float = 100.0,
           start: float | None = None, height: float = 14) -> None:
    y, colour = svg.y + 4, TONES[tone]
    px = INNER / 100
    if track < 100:
        svg.rect(PAD, y, track * px, height, "none", stroke=colour, **{"stroke-width": "1"})
    x0 = PAD + (mark.start if start is None else start) * px
    solid = mark.size * px
    if mark.bound == "upper":
        svg.rect(x0 + 1, y + 1, solid - 2, height - 2, "none", stroke=colour,
                 **{"stroke-width": "2", "stroke-dasharray": "4 3"})
    else:
        svg.rect(x0, y, solid, height, colour)
    more = mark.extra * px
    if mark.bound == "lower" and more > 0:
        svg.rect(x0 + solid, y, more, height, svg.fade(tone))
        tip = x0 + solid + more
        ET.SubElement(svg.body, "polyline", {
            "points": f"{_n(tip - 6)},{_n(y + 1)} {_n(tip)},{_n(y + height / 2)} "
                      f"{_n(tip - 6)},{_n(y + height - 1)}",
            "fill": "none", "stroke": colour, "stroke-width": "2"})
    elif mark.bound == "range" and more > 0:
        svg.rect(x0 + solid, y, more, height, svg.hatch(tone), stroke=colour,
                 **{"stroke-width": "1.5"})
    svg.y = y + height


def _dumbbell(svg: _Svg, row: Row) -> None:
    colour = TONES[row.tone]
    inner = INNER - 16
    px = inner / 100
    y = svg.y + 12
    x = PAD + 8
    svg.rect(x, y - 0.5, inner, 1, RULE)
    svg.rect(x + row.line_start * px, y - 1.5, row.line_size * px, 3, colour)
    for i, mark in enumerate(row.marks):
        ET.SubElement(svg.body, "circle", {
            "cx": _n(x + mark.size * px), "cy": _n(y), "r": "6",
            "fill": colour if i == len(row.marks) - 1 else SURFACE,
            "stroke": colour, "stroke-width": "2.5"})
    svg.y = y + 10


def _parts(svg: _Svg, view: ChartView) -> None:
    px = INNER / 100
    if view.whole is not None:
        _label_value(svg, view.whole.label, view.whole.mark.value_text)
        _track(svg, view.whole.mark, view.whole.tone)
        svg.y += 8
    elif view.total:
        svg.lines(view.total, SIZES["label"], bold=True)
    segments = list(view.rows) + ([view.rest] if view.rest else [])
    y, height = svg.y + 6, 18
    if view.total:
        svg.rect(PAD, y, INNER, height, "none", stroke=RULE, **{"stroke-width": "1"})
    for row in segments:
        colour = TONES[row.tone]
        x0, w = PAD + row.mark.start * px, row.mark.size * px
        if row.key == "rest":
            svg.rect(x0 + 1, y + 1, w - 2, height - 2, "none", stroke=colour,
                     **{"stroke-width": "1.5", "stroke-dasharray": "4 3"})
        elif row.units:
            cell = w / row.units
            for i in range(row.units):
                svg.rect(x0 + i * cell, y, cell - 2, height, colour)
        else:
            svg.rect(x0, y, w - 2, height, colour)
    svg.y = y + height
    size = SIZES["label"]
    for row in segments:
        colour = TONES[row.tone]
        x0, w = PAD + row.mark.start * px, row.mark.size * px
        top = svg.y + 3
        ET.SubElement(svg.body, "polyline", {
            "points": f"{_n(x0 + 1)},{_n(top)} {_n(x0 + 1)},{_n(top + 6)} "
                      f"{_n(x0 + w - 3)},{_n(top + 6)} {_n(x0 + w - 3)},{_n(top)}",
            "fill": "none", "stroke": colour, "stroke-width": "2"})
        svg.y = top + 6
        text = f"{row.label} {row.mark.value_text}"
        if row.align == "start":
            svg.lines(text, size, x=x0, width=PAD + INNER - x0)
        else:
            right = x0 + w
            for line in wrap(text, size, right - PAD):
                svg.y += round(size * 1.4)
                svg.text(line, right, svg.y - size * 0.3, size, anchor="end")
        svg.y += 4

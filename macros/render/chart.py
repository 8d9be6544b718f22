"""Charts as readers see them: the view a chart partial draws, and its geometry.
Plain Python, no MkDocs, no JavaScript.

:func:`chart_view` turns a chart of the data (``charts:`` in data/measures.yaml) into a
:class:`ChartView` in the page's language: the finding as the title, a row per subject
(or per measure), each mark placed as a percentage of the chart's track, so the HTML
partials draw it with CSS widths (text stays text, at the page's size, at any width) and
the standalone SVG (:mod:`.chart_files`) draws the same numbers in pixels.

The forms (``macros.evidence.charts`` holds their rules):

- **bars**: one period; rows sorted by value, largest first. A count with a total
  (``quantity.of``) is drawn on a track as long as its total ("17 of 20").
- **change**: the same subjects at two dates, one dumbbell per subject: a hollow dot at
  the earlier figure, a filled one at the later, joined by a line.
- **parts**: parts of a whole in one stacked bar, largest first, each labelled under its
  segment; the whole (the figure of an aggregate subject, an entity whose members are
  the other subjects, such as BAT) drawn above it on the same scale, never beside its
  parts. Counts of a small total are drawn as one cell per unit.
- **table**: no picture. **panels**: other charts under one finding.

A lower bound ("more than 50") is drawn solid to the bound and open beyond it, fading
out; an upper bound ("up to 5") hollow; a range solid to its low end and hatched to its
high end. Every label carries the figure's hedge, and its date only as precisely as the
date's basis allows (``format_dated``).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..evidence import charts as rules
from ..evidence import dates
from ..evidence.model import Chart, ChartForm, ChartRowSpec, Fact, Qualifier, Quantity, Unit
from ..evidence.suggest import did_you_mean
from . import links
from .numbers import format_quantity, format_value, unit_label
from .page import Page
from .registry import MacroError
from .views import FactView, Link

TONES = ("us", "china", "other")
#: How far past a lower bound its open end fades out, as a share of the chart's scale.
OPEN_TAIL = 0.12
#: Counts out of a total up to this size are drawn one cell per unit.
MAX_UNITS = 50
#: Chinese measure words a count noun may open with (个模型, 篇论文).
_ZH_MEASURE_WORDS = set("个篇家名位款起项次台部条件只")


@dataclass(frozen=True)
class Mark:
    """One figure, placed on the chart's track (every position a percentage of it)."""

    fact: FactView
    value: float  # the value, a range's low end, or the bound
    high: float | None  # a range's high end
    value_text: str  # as readers see it, hedge included: 'more than 50 billion yuan'
    period: str  # its date, no more precise than its basis
    bound: str  # 'exact', 'lower' (more than, at least), 'upper' (less than, up to), 'range'
    start: float = 0.0  # where it starts (parts: after the parts before it)
    size: float = 0.0  # solid length: to the value, a range's low end or the bound
    extra: float = 0.0  # beyond it: to a range's high end, or a lower bound's open tail

    @property
    def end(self) -> float:
        return round(self.start + self.size, 2)


@dataclass(frozen=True)
class Row:
    key: str  # the subject's entity id, or the measure id
    label: str
    tone: str  # 'us', 'china' or 'other'
    marks: list[Mark]  # bars, parts: one; change: two, earlier first
    track: float = 100.0  # bars: the length of the total it is out of
    of: bool = False  # bars: drawn on the track of its total
    direction: str = ""  # change: 'up', 'down' or 'same'
    align: str = "start"  # parts: its label starts under its segment, or ends there
    units: int = 0  # cells to draw in (counts of a small total): parts, its segment's;
    # bars, its total's

    @property
    def mark(self) -> Mark:
        return self.marks[-1]

    @property
    def line_start(self) -> float:
        """change: where the line between the two dots starts (the one further left)."""
        return min(m.size for m in self.marks)

    @property
    def line_size(self) -> float:
        return round(max(m.size for m in self.marks) - self.line_start, 2)


@dataclass(frozen=True)
class TableRow:
    label: str
    period: str
    value_text: str
    as_printed: str
    fact: FactView


@dataclass(frozen=True)
class ChartView:
    id: str
    anchor: str  # chart-<id>
    form: str
    title: str  # the finding; a measure's name only for a chart not in the data
    found: bool  # the title is a finding written in the data
    subtitle: str  # what is measured, and the period all rows share
    rows: list[Row]
    table: list[TableRow]
    sources: list[Link]  # where the figures were published
    data: str  # who produced the data, named or not ('' when the sources do not say)
    note: str
    unit: str  # the unit, for the table's heading
    row_head: str  # the table's first column: subject or measure
    legend: list[str]  # what the marks' styles mean, where the chart uses them
    permalink: str
    csv: str  # '' for a chart not in the data (no files are made for it)
    svg: str
    whole: Row | None = None  # parts: the whole, drawn above its parts
    total: str = ""  # parts of a total: 'Total: 20 models'
    rest: Row | None = None  # parts: the share of the total no part covers
    units: int = 0  # parts: cells in the whole bar (counts of a small total)
    panels: list[ChartView] = field(default_factory=list)
    in_panel: bool = False  # drawn inside a chart of panels: its link leads to it in full

    @property
    def drawn(self) -> bool:
        return self.form in ("bars", "change", "parts")

    @property
    def marks(self) -> list[Mark]:
        return [m for r in self.rows for m in r.marks] + (
            self.whole.marks if self.whole else [])


# --------------------------------------------------------------------------- building


def find_chart(page: Page, ids: Sequence[str]) -> tuple[Chart | None, list[Fact]]:
    """The chart a page asks for: a chart id, or measure ids. Measures drawn together
    by a chart of the data get that chart; otherwise every fact on them, unchosen."""
    fb = page.fb
    if len(ids) == 1 and ids[0] in fb.charts:
        chart = fb.charts[ids[0]]
        return chart, [page.fact(f) for f in chart.facts]
    if ids and ids[0] in fb.charts:
        raise MacroError(f"chart {ids[0]!r} is a chart id: give it alone, without "
                         f"{', '.join(repr(i) for i in ids[1:])}.")
    measures = []
    for measure_id in ids:
        if measure_id not in fb.measures and measure_id not in fb.charts:
            near = [*fb.charts, *fb.measures]
            hint = did_you_mean(measure_id, near, n=3)
            raise MacroError(f"unknown chart or measure {measure_id!r}"
                             + (f" ({hint})" if hint else ""))
        measures.append(page.measure(measure_id))
    first = measures[0]
    for other in measures[1:]:
        if other.unit != first.unit:
            raise MacroError(f"measure {other.id!r} is in {other.unit.value} but "
                             f"{first.id!r} is in {first.unit.value}; "
                             "only measures in the same unit share a chart.")
    wanted = {m.id for m in measures}
    for chart in fb.charts.values():
        if {fb.facts[f].measure for f in chart.facts if f in fb.facts} == wanted:
            return chart, [page.fact(f) for f in chart.facts]
    facts = []
    for measure in measures:
        found = fb.by_measure.get(measure.id, [])
        if not found:
            raise MacroError(f"measure {measure.id!r} has no facts yet.")
        facts += sorted(found, key=lambda f: (dates.sort_key(f.as_of or f.date), f.id))
    for fact in facts:
        if fact.quantity is None:
            raise MacroError(f"fact {fact.id!r} is on measure {fact.measure!r} "
                             "but has no quantity.")
    return None, facts


def chart_view(page: Page, chart: Chart | None, facts: Sequence[Fact],
               measure_ids: Sequence[str] = ()) -> ChartView:
    """The view of ``chart`` (or, without one, of the facts on the measures named)."""
    if chart is not None and chart.form is ChartForm.panels:
        return _panels(page, chart)
    fb = page.fb
    form = chart.form if chart is not None else rules.infer_form(facts, fb.measures)
    if chart is None:
        form = _aggregate_form(page, facts, form)
    keys = rules.row_key(form, facts)
    specs = {s.key: s for s in chart.rows} if chart is not None else {}
    views = {f.id: page.fact_view(f) for f in facts}
    marks = {f.id: _mark(page, f, views[f.id]) for f in facts}
    labels = {f.id: _label(page, keys[f.id], specs.get(keys[f.id])) for f in facts}
    tones = {f.id: _tone(keys[f.id], f, specs.get(keys[f.id])) for f in facts}
    whole_id = rules.aggregate(facts, fb.entities)
    measures = list(dict.fromkeys(f.measure for f in facts if f.measure))
    periods = {views[f.id].as_of for f in facts}
    names = [page.text(fb.measures[m].name) for m in measures] if len(measures) == 1 else []
    common = next(iter(periods)) if len(periods) == 1 and form is not ChartForm.change else ""
    subtitle = " · ".join(x for x in (*names, common) if x)
    if page.lang == "en" and subtitle:
        subtitle = subtitle[0].upper() + subtitle[1:]
    chart_id = chart.id if chart is not None else "-".join(measure_ids or measures)
    by_measure = any(keys[f.id] == f.measure for f in facts) and len(measures) > 1
    view = ChartView(
        id=chart_id, anchor=f"chart-{chart_id}", form=form.value,
        title=page.text(chart.finding) if chart is not None else " · ".join(
            page.text(fb.measures[m].name) for m in measures),
        found=chart is not None, subtitle=subtitle, rows=[],
        table=[TableRow(labels[f.id], views[f.id].as_of, marks[f.id].value_text,
                        views[f.id].as_printed, views[f.id])
               for f in facts],
        sources=_sources(page, facts), data=_producers(page, facts),
        note=(page.text(chart.note) if chart is not None and chart.note else
              "" if chart is not None else _fact_notes(page, facts)),
        unit=_unit(page, facts),
        row_head=page.L["field"]["measure" if by_measure else "subject"],
        legend=[],
        permalink=f"#chart-{chart_id}",
        csv=page.rel(links.chart_file_url(chart_id, "csv")) if chart is not None else "",
        svg=(page.rel(links.chart_file_url(chart_id, f"{page.lang}.svg"))
             if chart is not None and form in rules.DRAWN else ""),
    )
    if form is ChartForm.bars:
        view = _bars(view, facts, marks, labels, tones, keys)
    elif form is ChartForm.change:
        view = _change(view, facts, marks, labels, tones, keys)
    elif form is ChartForm.parts:
        view = _parts(page, view, facts, marks, labels, tones, keys, whole_id)
    return replace(view, legend=_legend(page, view))


def _legend(page: Page, view: ChartView) -> list[str]:
    """What the styles of the chart's marks mean, for the ones it uses."""
    if not view.drawn:
        return []
    L = page.L["chart"]
    bounds = {m.bound for m in view.marks}
    out = [L["change_note"]] if view.form == ChartForm.change.value else []
    out += [L[key] for bound, key in (("lower", "open_note"), ("upper", "upper_note"),
                                      ("range", "range_note")) if bound in bounds]
    return out


def _panels(page: Page, chart: Chart) -> ChartView:
    inner = []
    for panel_id in chart.panels:
        panel = page.fb.charts[panel_id]
        facts = [page.fact(f) for f in panel.facts]
        view = chart_view(page, panel, facts)
        # A panel's link leads to the chart in full, on its theme's page.
        home = page.rel(f"{links.theme_url(facts[0].theme, page.lang)}#chart-{panel.id}")
        inner.append(replace(view, permalink=home, csv="", svg="", in_panel=True))
    sources = list({s.href: s for p in inner for s in p.sources}.values())
    return ChartView(
        id=chart.id, anchor=f"chart-{chart.id}", form=ChartForm.panels.value,
        title=page.text(chart.finding), found=True, subtitle="", rows=[], table=[],
        sources=sources, data="", note=page.text(chart.note) if chart.note else "",
        unit="", row_head="", legend=[], permalink=f"#chart-{chart.id}",
        csv=page.rel(links.chart_file_url(chart.id, "csv")),
        svg=page.rel(links.chart_file_url(chart.id, f"{page.lang}.svg")), panels=inner)


def _aggregate_form(page: Page, facts: Sequence[Fact], form: ChartForm) -> ChartForm:
    """Without a chart in the data: an aggregate and its members are parts of a whole."""
    grouped = rules.aggregate(facts, page.fb.entities) is not None
    return ChartForm.parts if form in rules.DRAWN and grouped else form


def _label(page: Page, key: str, spec: ChartRowSpec | None) -> str:
    if spec is not None and spec.label is not None:
        return page.text(spec.label)
    measure = page.fb.measures.get(key)
    if measure is not None:
        return page.text(measure.name)
    return page.entity_name(key)


def _tone(key: str, fact: Fact, spec: ChartRowSpec | None) -> str:
    if spec is not None and spec.country is not None:
        return spec.country
    return fact.subject if fact.subject in ("us", "china") else "other"


def _bound(q: Quantity) -> str:
    if q.high is not None:
        return "range"
    if q.qualifier in (Qualifier.more_than, Qualifier.at_least):
        return "lower"
    if q.qualifier in (Qualifier.less_than, Qualifier.at_most):
        return "upper"
    return "exact"


def _mark(page: Page, fact: Fact, view: FactView) -> Mark:
    q = fact.quantity
    assert q is not None  # find_chart and the checker see to it
    counted = page.counted(fact)
    low = float(q.value if q.value is not None else q.low or 0)
    high = float(q.high) if q.high is not None else None
    text = (of_text(q, page.lang, counted, page.L["chart"]["of"]) if q.of is not None
            else format_quantity(q, page.lang, counted))
    return Mark(fact=view, value=low, high=high, value_text=text, period=view.as_of,
                bound=_bound(q))


def of_text(q: Quantity, lang: str, counted: str | None, pattern: str) -> str:
    """A count out of its total: '17 of 20 models', '20个模型中的17个'."""
    assert q.of is not None
    low = float(q.value if q.value is not None else q.low or 0)
    high = float(q.high) if q.high is not None else None
    word = None
    if lang == "zh" and counted and counted[0] in _ZH_MEASURE_WORDS:
        word = counted[0]
    part = format_value(low, Unit.count, lang, high=high, qualifier=q.qualifier,
                        counted=word)
    total = format_value(float(q.of), Unit.count, lang, counted=counted)
    return pattern.format(part=part, total=total)


def _pct(value: float, domain: float) -> float:
    return round(max(value, 0) / domain * 100, 2) if domain > 0 else 0.0


_NICE = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice(value: float) -> float:
    """The round number at or above ``value`` a scale ends at (35 -> 40, 47e9 -> 50e9),
    so the largest figure does not always touch the chart's edge."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in _NICE if step * magnitude >= value * 0.999999)


def _domain(marks: Sequence[Mark], *also: float, rounded: bool = False) -> float:
    ends = [m.high if m.high is not None else m.value * (1 + OPEN_TAIL)
            if m.bound == "lower" else m.value for m in marks]
    found = max([*ends, *also, 0.0])
    if found <= 0:
        return 1.0
    return nice(found) if rounded else found


def _place(mark: Mark, domain: float, start: float = 0.0, room: float = 100.0) -> Mark:
    """``mark`` at ``start`` (a percentage), scaled to ``domain``; its open tail or
    range end stays within ``room``."""
    size = _pct(mark.value, domain)
    extra = 0.0
    if mark.high is not None:
        extra = _pct(mark.high, domain) - size
    elif mark.bound == "lower":
        extra = min(OPEN_TAIL * 100 * mark.value / domain, room - start - size)
    return replace(mark, start=round(start, 2), size=max(size, 0.4),
                   extra=round(max(extra, 0.0), 2))


def _bars(view: ChartView, facts: Sequence[Fact], marks: dict[str, Mark],
          labels: dict[str, str], tones: dict[str, str], keys: dict[str, str]) -> ChartView:
    totals = {f.id: float(f.quantity.of) for f in facts
              if f.quantity is not None and f.quantity.of is not None}
    domain = (_domain(list(marks.values()), *totals.values()) if totals
              else _domain(list(marks.values()), rounded=True))
    rows = []
    for fact in facts:
        track = _pct(totals[fact.id], domain) if fact.id in totals else 100.0
        rows.append(Row(key=keys[fact.id], label=labels[fact.id], tone=tones[fact.id],
                        marks=[_place(marks[fact.id], domain, room=track)], track=track,
                        of=fact.id in totals, units=_units(fact)))
    rows.sort(key=lambda r: (-(r.mark.high or r.mark.value), r.label))
    return replace(view, rows=rows)


def _units(fact: Fact) -> int:
    """Cells to draw a count of a small total in, one per unit (0: a plain bar)."""
    q = fact.quantity
    if q is None or q.of is None or q.unit is not Unit.count or q.of > MAX_UNITS:
        return 0
    whole = [v for v in (q.value, q.low, q.high, q.of) if v is not None]
    return int(q.of) if all(float(v).is_integer() for v in whole) else 0


def _change(view: ChartView, facts: Sequence[Fact], marks: dict[str, Mark],
            labels: dict[str, str], tones: dict[str, str], keys: dict[str, str]) -> ChartView:
    domain = _domain(list(marks.values()), rounded=True)
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        groups.setdefault(keys[fact.id], []).append(fact)
    rows = []
    for key, group in groups.items():
        group.sort(key=lambda f: dates.sort_key(f.as_of))
        placed = [_place(marks[f.id], domain) for f in group]
        a, b = placed[0].value, placed[-1].value
        rows.append(Row(key=key, label=labels[group[0].id], tone=tones[group[0].id],
                        marks=placed,
                        direction="up" if b > a else "down" if b < a else "same"))
    rows.sort(key=lambda r: (-(r.mark.high or r.mark.value), r.label))
    return replace(view, rows=rows)


def _parts(page: Page, view: ChartView, facts: Sequence[Fact], marks: dict[str, Mark],
           labels: dict[str, str], tones: dict[str, str], keys: dict[str, str],
           whole_id: str | None) -> ChartView:
    whole_fact = next((f for f in facts if f.subject == whole_id), None) if whole_id else None
    parts = [f for f in facts if f is not whole_fact]
    parts.sort(key=lambda f: (-rules.top(f), labels[f.id]))
    added = sum(rules.top(f) for f in parts)
    total = None
    if whole_fact is None:
        given = {f.quantity.of for f in parts if f.quantity is not None}
        total = float(next(iter(given)) or 0) if len(given) == 1 and None not in given else None
    if whole_fact is not None:
        domain = _domain([marks[whole_fact.id]], added)
    else:
        domain = max(total or 0.0, added) or 1.0
    small = (total is not None and total <= MAX_UNITS and float(total).is_integer()
             and all(float(rules.top(f)).is_integer() for f in parts)
             and all(f.quantity is not None and f.quantity.unit is Unit.count for f in parts))
    rows, start = [], 0.0
    for fact in parts:
        placed = _place(marks[fact.id], domain, start)
        rows.append(Row(key=keys[fact.id], label=labels[fact.id], tone=tones[fact.id],
                        marks=[placed], align="start" if placed.start < 50 else "end",
                        units=int(rules.top(fact)) if small else 0))
        start += _pct(rules.top(fact), domain)
    whole = rest = None
    total_text = ""
    if whole_fact is not None:
        whole = Row(key=keys[whole_fact.id], label=labels[whole_fact.id],
                    tone=tones[whole_fact.id], marks=[_place(marks[whole_fact.id], domain)])
    elif total is not None:
        counted = page.counted(parts[0]) if parts else None
        total_text = page.L["chart"]["total"].format(
            total=format_value(total, Unit.count, page.lang, counted=counted))
        if total - added > 0:
            left = total - added
            rest_mark = Mark(fact=rows[-1].mark.fact, value=left, high=None,
                             value_text=format_value(left, Unit.count, page.lang,
                                                     counted=counted),
                             period="", bound="exact")
            rest = Row(key="rest", label=page.L["chart"]["rest"], tone="other",
                       marks=[_place(rest_mark, domain, start)],
                       align="start" if start < 50 else "end",
                       units=int(left) if small else 0)
    return replace(view, rows=rows, whole=whole, rest=rest, total=total_text,
                   units=int(total) if small and total is not None else 0)


def _sources(page: Page, facts: Sequence[Fact]) -> list[Link]:
    out: dict[str, Link] = {}
    for fact in facts:
        if fact.source in out:
            continue
        source = page.source_view(fact.source)
        name = source.byline
        if source.published_iso:
            name += page.L["punct"]["comma"] + source.published
        out[fact.source] = Link(name, source.href)
    return list(out.values())


def _producers(page: Page, facts: Sequence[Fact]) -> str:
    names: list[str] = []
    for fact in facts:
        if fact.data_producer:
            names.append(page.entity_name(fact.data_producer))
        elif fact.unnamed_producer is not None:
            names.append(page.text(fact.unnamed_producer))
    names = list(dict.fromkeys(names))
    return page.L["chart"]["list_sep"].join(names)


def _fact_notes(page: Page, facts: Sequence[Fact]) -> str:
    notes = dict.fromkeys(page.text(f.note) for f in facts if f.note is not None)
    return " ".join(notes) if page.lang == "en" else "".join(notes)


def _unit(page: Page, facts: Sequence[Fact]) -> str:
    fact = facts[0] if facts else None
    if fact is None or fact.quantity is None:
        return ""
    return unit_label(fact.quantity.unit, page.lang, page.counted(fact))


def describe(c: ChartView, lang: str, labels: dict[str, dict[str, str]]) -> str:
    """The chart's figures as one sentence: the SVG's <desc>."""
    colon, sep = labels["punct"]["colon"], "; " if lang == "en" else "；"
    parts = []
    if c.whole is not None:
        parts.append(f"{c.whole.label}{colon}{c.whole.mark.value_text}")
    for row in c.rows:
        values = [f"{m.period}{colon}{m.value_text}" if len(row.marks) > 1 and m.period
                  else m.value_text for m in row.marks]
        parts.append(f"{row.label}{colon}{' → '.join(values)}")
    return sep.join(parts)


# --------------------------------------------------------------------------- text widths


def _char_em(ch: str) -> float:
    """Approximate advance width of a character in em, for a system sans-serif."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0  # CJK ideographs and full-width punctuation
    if ch in " .,:;'’|!()[]·ilj":
        return 0.34
    if ch in "ftrI-‐–":
        return 0.42
    if ch in "mwMW%@":
        return 0.92
    if ch.isupper() or ch in "$×−—…" or ch.isdigit():
        return 0.7
    return 0.58


def columns(text: str) -> int:
    """Display columns: CJK and full-width characters count 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated rendered width of ``text`` in px at font ``size``, erring on the wide
    side: calibrated on DejaVu Sans (the widest common system sans-serif; Arial, Roboto
    and Segoe UI are narrower). Bold widens Latin text, not CJK."""
    latin = sum(_char_em(ch) for ch in text if columns(ch) == 1)
    cjk = len(text) - sum(1 for ch in text if columns(ch) == 1)
    return (latin * (1.17 if bold else 1.08) + cjk * 1.02) * size


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width`` px at ``size``: at spaces in English,
    between any two characters in Chinese (never before closing punctuation)."""
    text = " ".join(text.split())
    if not text:
        return []
    lines: list[str] = []
    line = ""
    tokens = _tokens(text)
    for token in tokens:
        trial = line + token
        if line and text_width(trial.rstrip(), size, bold) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = trial
    if line.strip():
        lines.append(line.rstrip())
    return lines


_NO_BREAK_BEFORE = set("，。、；：？！）》」』”’,.;:?!)%")


def _tokens(text: str) -> list[str]:
    """Break opportunities: words with their trailing space; single CJK characters
    (closing punctuation kept with the character before it)."""
    out: list[str] = []
    word = ""
    for ch in text:
        wide = columns(ch) == 2
        if ch == " ":
            out.append(word + " ")
            word = ""
        elif wide and ch not in _NO_BREAK_BEFORE:
            if word:
                out.append(word)
            word = ch
        elif wide:
            word += ch
        else:
            if word and columns(word[-1]) == 2 and word[-1] not in _NO_BREAK_BEFORE:
                out.append(word)
                word = ""
            word += ch
    if word:
        out.append(word)
    return out

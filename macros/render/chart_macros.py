"""Macros that chart the figures on a measure. Plain Python, no MkDocs, no JavaScript."""

from __future__ import annotations

from ..evidence import dates
from ..evidence.model import Fact, Measure, Unit
from . import chart as geometry
from .numbers import format_quantity, format_value, unit_label
from .page import Page
from .registry import MacroError, macro
from .views import ChartRow


@macro
def chart(page: Page, measure_id: str, *more: str) -> str:
    """A bar chart comparing every fact on a measure, with the same data as a table.

    Inline SVG, no JavaScript; the SVG has a text alternative (title and desc), and
    the table below it links each figure to its evidence card. Ranges show solid to
    the low end and light to the high end.
    Measures marked `chart: none`, and ranks, show the table only. Give more measure
    ids (same unit) to compare several measures in one chart.

    Args:
        measure_id: id from data/measures.yaml.
        more: further measure ids in the same unit (optional).

    Example:
        {{ chart('llms-relying-on-nvidia-chips', 'llms-using-domestic-chips') }}
    """
    measures = [page.measure(m) for m in (measure_id, *more)]
    first = measures[0]
    for other in measures[1:]:
        if other.unit != first.unit:
            raise MacroError(f"measure {other.id!r} is in {other.unit.value} but "
                             f"{first.id!r} is in {first.unit.value}; "
                             "only measures in the same unit share a chart.")
    multi = len(measures) > 1
    L = page.L
    bars, rows = [], []
    for measure in measures:
        facts = page.fb.by_measure.get(measure.id, [])
        if not facts:
            raise MacroError(f"measure {measure.id!r} has no facts yet.")
        counted = page.text(measure.counted) if measure.counted else None
        name = page.text(measure.name)
        for fact in sorted(facts, key=lambda f: (dates.sort_key(f.as_of or f.date), f.id)):
            view = page.fact_view(fact)
            low, high, value_text, ours = _value(page, fact, measure, counted)
            tone = fact.subject if fact.subject in ("us", "china") else "other"
            label = name if multi else (view.subject or view.statement)
            sublabel = " · ".join(x for x in (view.subject if multi else "", view.as_of) if x)
            bars.append(geometry.Bar(
                label=geometry.fit(label), full_label=label,
                sublabel=geometry.fit(sublabel, 34), value_text=value_text,
                low=low, high=high, href=view.href, tone=tone))
            rows.append(ChartRow(fact=view, value_text=value_text, ours=ours, measure=name))
    layout = geometry.layout(bars)
    title = " · ".join(page.text(m.name) for m in measures)
    description = (" " if page.lang == "en" else "").join(
        page.text(m.description) for m in measures)
    desc = ("; " if page.lang == "en" else "；").join(
        f"{b.full_label}{L['punct']['paren'].format(b.sublabel) if b.sublabel else ''}"
        f"{L['punct']['colon']}{b.value_text}" for b in bars)
    counted = page.text(first.counted) if first.counted else None
    draw = all(m.chart == "bar" for m in measures) and first.unit is not Unit.rank
    return page.block(
        "_chart.html", id="-".join(m.id for m in measures), title=title,
        description=description, desc=desc,
        unit=unit_label(first.unit, page.lang, counted), g=layout, rows=rows,
        draw=draw, multi=multi)


@macro
def theme_charts(page: Page, theme: str) -> str:
    """A chart for every measure of this theme that compares two or more figures, in
    the order of data/measures.yaml. Prints nothing when there is none yet.

    Args:
        theme: compute, capital, talent or open-source.

    Example:
        {{ theme_charts('compute') }}
    """
    value = page.theme(theme).value
    ids = [m for m in page.fb.measures
           if len(page.fb.by_measure.get(m, [])) >= 2
           and any(f.theme.value == value for f in page.fb.by_measure[m])]
    return "".join(chart(page, m) for m in ids)


def _value(page: Page, fact: Fact, measure: Measure,
           counted: str | None) -> tuple[float, float | None, str, bool]:
    """(low, high or None, the value as shown, whether it is our conversion)."""
    q = fact.quantity
    if q is None:
        raise MacroError(f"fact {fact.id!r} is on measure {measure.id!r} "
                         "but has no quantity.")
    if q.unit == measure.unit:
        text = format_quantity(q, page.lang, counted)
        if q.value is not None:
            return float(q.value), None, text, False
        return float(q.low or 0), float(q.high or 0), text, False
    c = fact.conversion
    if c is not None and Unit(c.unit) == measure.unit:
        return float(c.value), None, "≈ " + format_value(c.value, c.unit, page.lang), True
    raise MacroError(f"fact {fact.id!r} is in {q.unit.value} but measure "
                     f"{measure.id!r} is in {measure.unit.value}, and there is no "
                     "conversion to it.")

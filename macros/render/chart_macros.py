"""Macros that chart the figures. Plain Python, no MkDocs, no JavaScript.

A chart is drawn in HTML and CSS (:mod:`.chart` places every mark as a percentage of
its track), so its text is the page's text, at the page's size on any screen; its
figures are also a table, and its data and picture are downloads
(:mod:`.chart_files`).
"""

from __future__ import annotations

from ..evidence.model import ChartForm
from . import chart as charts
from .page import Page
from .registry import macro


@macro
def chart(page: Page, chart_id: str, *more: str) -> str:
    """A chart from data/measures.yaml: its finding as the title, the figures drawn in
    the form that fits them, the source and data producer, caveats, and links to the
    chart itself and to its data (CSV) and picture (SVG).

    Forms: bars (one period), change (the same subjects at two dates, as dumbbells),
    parts (parts of a whole, stacked; the whole drawn above them, never beside them),
    table (ranks and figures that do not compare), panels (charts side by side). Lower
    bounds ("more than") are drawn open-ended, ranges hatched. No JavaScript; the
    figures are also a table linking each one to its evidence card.
    Give measure ids instead of a chart id to chart every fact on them (the chart of
    the data that draws exactly those measures, if there is one; else a chart titled
    with the measures' names, for a draft).

    Args:
        chart_id: id of a chart under `charts:` in data/measures.yaml (or a measure id).
        more: further measure ids in the same unit (only after a measure id).

    Example:
        {{ chart('llms-by-chip-origin') }}
    """
    found, facts = charts.find_chart(page, (chart_id, *more))
    view = charts.chart_view(page, found, facts, (chart_id, *more) if found is None else ())
    return page.block("_chart.html", c=view)


@macro
def theme_charts(page: Page, theme: str) -> str:
    """Every chart of data/measures.yaml whose figures belong to this theme, in file
    order (not panels), then a draft chart for each measure with two or more of the
    theme's figures that no chart draws. Prints nothing when there is none.

    Args:
        theme: compute, capital, talent or open-source.

    Example:
        {{ theme_charts('talent') }}
    """
    value = page.theme(theme).value
    fb = page.fb
    out, drawn = [], set()
    for chart_id, spec in fb.charts.items():
        if spec.form is ChartForm.panels:
            continue
        facts = [fb.facts[f] for f in spec.facts if f in fb.facts]
        drawn |= {f.measure for f in facts}
        if any(f.theme.value == value for f in facts):
            out.append(chart(page, chart_id))
    for measure_id in fb.measures:
        facts = fb.by_measure.get(measure_id, [])
        if measure_id not in drawn and len(facts) >= 2 and any(
                f.theme.value == value for f in facts):
            out.append(chart(page, measure_id))
    return "".join(out)

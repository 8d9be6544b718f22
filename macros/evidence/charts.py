"""What a chart may draw: the rules each chart form holds its facts to. Plain Python.

Shared by the checker (which reports a chart whose form does not fit its facts, at the
line of the chart) and the renderers (which need the same rows and the same form for a
chart a page asks for by measure, without a chart in the data). No MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Chart, ChartForm, Entity, Fact, Measure, Qualifier, Unit

#: Forms that draw a picture (the others are a table, or hold other charts).
DRAWN = (ChartForm.bars, ChartForm.change, ChartForm.parts)

#: A whole given exactly, or as an upper bound, cannot be less than its parts; a little
#: slack for the rounding of figures as printed.
_SLACK = 1.005


@dataclass(frozen=True)
class ChartProblem:
    loc: tuple[str | int, ...]  # where in the chart: ('form',), ('facts', 2)…
    message: str
    hint: str | None = None


def aggregate(facts: Sequence[Fact], entities: Mapping[str, Entity]) -> str | None:
    """The subject among ``facts`` that groups others among them (``Entity.members``, as
    BAT groups Baidu, Alibaba and Tencent), or None. A chart draws it as the whole of
    its members, never beside them."""
    subjects = {f.subject for f in facts if f.subject}
    for fact in facts:
        entity = entities.get(fact.subject or "")
        if entity is not None and subjects & set(entity.members):
            return entity.id
    return None


def top(fact: Fact) -> float:
    """The figure's largest value: the value, or a range's high end."""
    q = fact.quantity
    assert q is not None
    return float(q.high if q.high is not None else q.value if q.value is not None else 0)


def row_key(form: ChartForm, facts: Sequence[Fact]) -> dict[str, str]:
    """Fact id -> the row it is drawn in: its subject, or (in bars, parts and tables whose
    facts share a subject but not a measure) its measure. A change chart's rows are
    always subjects."""
    subjects = [f.subject or f.id for f in facts]
    by_measure = (form is not ChartForm.change and len(set(subjects)) < len(subjects)
                  and len({f.measure for f in facts}) > 1)
    return {f.id: (f.measure or f.id) if by_measure else (f.subject or f.id) for f in facts}


def infer_form(facts: Sequence[Fact], measures: Mapping[str, Measure]) -> ChartForm:
    """The form for facts charted without a chart in the data (a page naming measures)."""
    if not facts or any(_never_drawn(f, measures) for f in facts) or _units(facts) > 1:
        return ChartForm.table
    if len({f.as_of for f in facts}) == 1:
        return ChartForm.bars
    if not change_problems(facts):
        return ChartForm.change
    return ChartForm.table


def _never_drawn(fact: Fact, measures: Mapping[str, Measure]) -> bool:
    measure = measures.get(fact.measure or "")
    return (measure is not None and measure.chart == "none") or \
        fact.quantity is None or fact.quantity.unit is Unit.rank


def _units(facts: Iterable[Fact]) -> int:
    return len({f.quantity.unit for f in facts if f.quantity is not None})


def change_problems(facts: Sequence[Fact]) -> list[ChartProblem]:
    """A change chart draws each subject at exactly two dates, on one measure."""
    by_subject: dict[str, list[Fact]] = {}
    for fact in facts:
        by_subject.setdefault(fact.subject or fact.id, []).append(fact)
    problems = []
    for subject, group in by_subject.items():
        periods = {f.as_of for f in group}
        if len(group) != 2 or len(periods) != 2 or len({f.measure for f in group}) != 1:
            problems.append(ChartProblem(
                ("form",), f"change draws each subject at two dates on one measure, but "
                f"'{subject}' has {len(group)} figure(s) for {len(periods)} date(s)",
                "give each subject two facts, one per date, or use form: bars"))
    return problems


def chart_problems(chart: Chart, facts: Mapping[str, Fact], measures: Mapping[str, Measure],
                   entities: Mapping[str, Entity],
                   charts: Mapping[str, Chart]) -> list[ChartProblem]:
    """Everything wrong with ``chart`` given the loaded objects. Unknown ids are the
    checker's to report; they are skipped here."""
    problems: list[ChartProblem] = []
    if chart.form is ChartForm.panels:
        if chart.facts:
            problems.append(ChartProblem(("facts",), "a panels chart shows other charts, "
                                         "not facts", "list chart ids under panels"))
        if len(chart.panels) < 2:
            problems.append(ChartProblem(("panels",), "a panels chart needs two or more "
                                         "charts"))
        for i, panel in enumerate(chart.panels):
            inner = charts.get(panel)
            if inner is not None and inner.form is ChartForm.panels:
                problems.append(ChartProblem(("panels", i), f"chart '{panel}' is itself "
                                             "panels; a panel draws facts"))
            if panel == chart.id:
                problems.append(ChartProblem(("panels", i), "a chart cannot be its own panel"))
        return problems
    if chart.panels:
        problems.append(ChartProblem(("panels",), f"only form panels has panels, this "
                                     f"chart is {chart.form.value}"))
    if not chart.facts:
        problems.append(ChartProblem(("facts",), "a chart needs the facts it draws"))
    drawn: list[Fact] = []
    for i, fact_id in enumerate(chart.facts):
        fact = facts.get(fact_id)
        if fact is None:
            continue
        if fact.quantity is None or fact.measure is None:
            problems.append(ChartProblem(("facts", i), f"fact '{fact_id}' is a "
                                         f"{fact.kind.value} without a figure to chart"))
            continue
        if fact_id in (f.id for f in drawn):
            problems.append(ChartProblem(("facts", i), f"fact '{fact_id}' is listed twice"))
            continue
        drawn.append(fact)
    if not drawn:
        return problems
    units = {f.quantity.unit for f in drawn if f.quantity}
    if len(units) > 1:
        first = drawn[0]
        odd = next(f for f in drawn if f.quantity and first.quantity
                   and f.quantity.unit != first.quantity.unit)
        problems.append(ChartProblem(
            ("facts", chart.facts.index(odd.id)),
            f"fact '{odd.id}' is in {odd.quantity.unit.value if odd.quantity else '?'} but "
            f"'{first.id}' in {first.quantity.unit.value if first.quantity else '?'}",
            "one chart, one unit"))
    if chart.form in DRAWN:
        for fact in drawn:
            if _never_drawn(fact, measures):
                why = ("is a rank" if fact.quantity and fact.quantity.unit is Unit.rank
                       else f"is on measure '{fact.measure}', which is never drawn "
                       "(chart: none)")
                problems.append(ChartProblem(("form",), f"fact '{fact.id}' {why}",
                                             "use form: table"))
                break
    if chart.form is ChartForm.bars:
        periods = sorted({f.as_of or "" for f in drawn})
        if len(periods) > 1:
            problems.append(ChartProblem(
                ("form",), f"bars compare one date or period, but these facts are for "
                f"{', '.join(periods)}",
                "for the same subjects at two dates use form: change"))
    elif chart.form is ChartForm.change:
        problems += change_problems(drawn)
    elif chart.form is ChartForm.parts:
        problems += _parts_problems(drawn, entities)
    group = aggregate(drawn, entities)
    if group is not None and chart.form is not ChartForm.parts:
        inside = sorted({f.subject for f in drawn if f.subject} & set(entities[group].members))
        problems.append(ChartProblem(
            ("form",), f"'{group}' groups '{inside[0]}': an aggregate is never drawn "
            "beside its members", "use form: parts, which draws it as their whole"))
    keys = set(row_key(chart.form, drawn).values())
    for i, spec in enumerate(chart.rows):
        if spec.key not in keys:
            problems.append(ChartProblem(("rows", i, "key"), f"no row '{spec.key}' in this "
                                         "chart", "rows are " + ", ".join(sorted(keys))))
    return problems


def _parts_problems(drawn: list[Fact],
                    entities: Mapping[str, Entity]) -> list[ChartProblem]:
    """Parts need a whole: an aggregate subject whose members are the other subjects, or
    one total (quantity.of) that every count is out of. They cannot add up to more than
    a whole given exactly or as an upper bound."""
    problems: list[ChartProblem] = []
    group = aggregate(drawn, entities)
    if group is not None:
        wholes = [f for f in drawn if f.subject == group]
        if len(wholes) != 1:
            problems.append(ChartProblem(("facts",), f"the aggregate '{group}' has "
                                         f"{len(wholes)} figures here; a whole has one"))
            return problems
        whole = wholes[0]
        parts = [f for f in drawn if f is not whole]
        outside = [f.subject for f in parts if f.subject not in entities[group].members]
        if outside:
            problems.append(ChartProblem(
                ("facts",), f"'{outside[0]}' is not one of the members of '{group}', "
                "so it is not a part of its whole", "list only the aggregate and its members"))
        total, what = top(whole), f"the whole ({whole.id})"
        bounded_above = whole.quantity is not None and whole.quantity.qualifier in (
            Qualifier.exact, Qualifier.less_than, Qualifier.at_most)
    else:
        totals = {f.quantity.of for f in drawn if f.quantity is not None}
        if None in totals or len(totals) != 1:
            problems.append(ChartProblem(
                ("form",), "parts need a whole: an aggregate subject among the facts (an "
                "entity whose members are the other subjects), or one total that every "
                "count is out of (quantity.of)"))
            return problems
        parts, total, what = drawn, float(next(iter(totals)) or 0), "their total"
        bounded_above = True
    if not parts:
        problems.append(ChartProblem(("facts",), "parts need at least one part beside "
                                     "the whole"))
    added = sum(top(f) for f in parts)
    if bounded_above and added > total * _SLACK:
        problems.append(ChartProblem(("facts",), f"the parts add up to {added:g}, more than "
                                     f"{what}: {total:g}"))
    return problems

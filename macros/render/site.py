"""The macros, as plain Python: a :class:`Site` per build, a :class:`PageRenderer` per page.

Every public method of :class:`PageRenderer` marked ``@macro`` is a macro pages may call.
Its docstring is its documentation: ``macro_reference()`` prints it on the editing page,
so the editor's guide and the code cannot drift apart. Docstrings follow one shape::

    One-line summary.

    Longer description (optional).

    Args:
        name: what it is.

    Example:
        {{ name('id') }}

No MkDocs here: the glue (``macros/glue.py``) supplies the page context.
"""

from __future__ import annotations

import difflib
import inspect
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Sequence, TypeVar

from markupsafe import Markup

from ..evidence.factbase import FactBase
from ..evidence.model import Fact, FactKind, Measure, Source, Theme, Unit
from . import chart as chart_geometry
from .dates import format_date, format_period, sort_key
from .html import compact, make_environment, md_text, render_partial, safe_url
from .labels import KIND_FAMILY, LABELS, SOURCE_KINDS, THEMES, lang_prefix, theme_url
from .links import relative_url
from .numbers import check_lang, figure_note, format_quantity, format_value, unit_label
from .reader import READER_MACROS, ReaderMacros, ReaderOptions

F = TypeVar("F", bound=Callable[..., Any])

#: Macro names in the order the editor's guide documents them.
MACROS: list[str] = []


def macro(fn: F) -> F:
    """Mark a PageRenderer method as a page macro."""
    MACROS.append(fn.__name__)
    fn.__rr_macro__ = True  # type: ignore[attr-defined]
    return fn


class MacroError(ValueError):
    """A macro was called with something that does not exist or does not fit."""


@dataclass(frozen=True)
class PageContext:
    """Where a macro is being rendered."""

    url: str = ""  # site-root-relative page URL as MkDocs gives it: '' or 'compute/'
    lang: str = "en"
    src_path: str = "<string>"


def _call_text(name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> str:
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _did_you_mean(key: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(key), list(choices), n=3, cutoff=0.5)
    if not close:
        return ""
    return " Did you mean " + " or ".join(repr(c) for c in close) + "?"


class Site:
    """Everything one build renders from: the fact base and the HTML environment."""

    def __init__(self, factbase: FactBase, options: Optional[ReaderOptions] = None) -> None:
        self.fb = factbase
        self.options = options or ReaderOptions()
        self.env = make_environment()

    def page(self, ctx: PageContext) -> "PageRenderer":
        return PageRenderer(self, ctx)

    def call(self, ctx: PageContext, name: str, args: Sequence[Any] = (),
             kwargs: Optional[dict[str, Any]] = None) -> str:
        """Run macro ``name`` for a page; every failure names the page and the call."""
        kwargs = kwargs or {}
        call = _call_text(name, args, kwargs)
        if name not in MACROS:
            raise MacroError(f"{ctx.src_path}: {call}: no such macro."
                             f"{_did_you_mean(name, MACROS)}")
        method = getattr(self.page(ctx), name)
        try:
            inspect.signature(method).bind(*args, **kwargs)
        except TypeError as exc:
            raise MacroError(f"{ctx.src_path}: {call}: {exc}; "
                             f"expected {name}{_parse_doc(method)['signature']}") from None
        try:
            return method(*args, **kwargs)
        except MacroError as exc:
            raise MacroError(f"{ctx.src_path}: {call}: {exc}") from None
        except Exception as exc:  # a bug in a renderer: still name page and call
            raise MacroError(f"{ctx.src_path}: {call} failed: "
                             f"{type(exc).__name__}: {exc}") from exc


class PageRenderer(ReaderMacros):
    """The macros, bound to one page (for relative links and its language).

    Evidence links carry target="_self": should Material's instant navigation be turned
    on (mkdocs.yml leaves it off for the two-language site), it leaves them to the
    browser, so the card they point to becomes the :target and is highlighted (instant
    navigation moves to anchors with pushState, which never sets :target).
    """

    def __init__(self, site: Site, ctx: PageContext) -> None:
        self.site = site
        self.fb = site.fb
        self.ctx = ctx
        self.lang = check_lang(ctx.lang)
        self.L = LABELS[self.lang]

    # ------------------------------------------------------------------ lookups

    def _fact(self, fact_id: str) -> Fact:
        fact = self.fb.facts.get(fact_id)
        if fact is None:
            raise MacroError(f"unknown fact id {fact_id!r}."
                             f"{_did_you_mean(fact_id, self.fb.facts)}")
        return fact

    def _measure(self, measure_id: str) -> Measure:
        measure = self.fb.measures.get(measure_id)
        if measure is None:
            raise MacroError(f"unknown measure {measure_id!r}."
                             f"{_did_you_mean(measure_id, self.fb.measures)}")
        return measure

    def _theme(self, theme: str) -> Theme:
        try:
            return Theme(theme)
        except ValueError:
            values = [t.value for t in Theme]
            raise MacroError(f"unknown theme {theme!r}; themes are {', '.join(values)}."
                             f"{_did_you_mean(theme, values)}") from None

    def _text(self, bilingual: Any) -> str:
        return getattr(bilingual, self.lang)

    def _entity_name(self, entity_id: Optional[str]) -> str:
        if not entity_id:
            return ""
        entity = self.fb.entities.get(entity_id)
        return self._text(entity.name) if entity else entity_id

    # ------------------------------------------------------------------ links

    def _rel(self, target: str) -> str:
        return relative_url(target, self.ctx.url)

    def fact_href(self, fact: Fact) -> str:
        """Link to the fact's card on its theme page (same-page links are '#fact-…')."""
        return self._rel(f"{theme_url(fact.theme, self.lang)}#fact-{fact.id}")

    def source_href(self, source_id: str) -> str:
        return self._rel(f"{lang_prefix(self.lang)}sources/#source-{source_id}")

    # ------------------------------------------------------------------ view-models

    def _figure_text(self, fact: Fact) -> str:
        if fact.quantity is None:
            raise MacroError(f"fact {fact.id!r} is a {fact.kind.value} without a quantity; "
                             f"use fact({fact.id!r}) or cite({fact.id!r}) instead.")
        return format_quantity(fact.quantity, self.lang, self._counted(fact))

    def _counted(self, fact: Fact) -> Optional[str]:
        """What a count counts: the measure's noun, else the quantity's own."""
        measure = self.fb.measures.get(fact.measure) if fact.measure else None
        counted = (measure.counted if measure and measure.counted
                   else fact.quantity.counted if fact.quantity else None)
        return self._text(counted) if counted else None

    def _source_view(self, source_id: str) -> dict[str, Any]:
        source = self.fb.sources.get(source_id)
        if source is None:  # the checker prevents this; be explicit anyway
            raise MacroError(f"unknown source {source_id!r}.")
        return {
            "id": source.id,
            "title": source.title_en if self.lang == "en" else source.title_original,
            "title_original": source.title_original,
            "title_lang": "zh-Hant" if source.script.value == "Hant" else "zh-Hans",
            "title_en": source.title_en,
            "outlet": self._text(source.outlet),
            # Short attribution: the outlet, or the title when the outlet is not known.
            "byline": (self._text(source.outlet) if source.outlet.en.lower() != "unknown"
                       else (source.title_en if self.lang == "en" else source.title_original)),
            "authors": ", ".join(source.authors),
            "published": format_date(source.published, self.lang),
            "published_iso": "" if source.published == "unknown" else source.published,
            "published_note": source.published_note or "",  # English only, in the data
            "kind": SOURCE_KINDS[self.lang][source.kind],
            "kind_id": source.kind.value,
            "via": self._text(source.via),
            "url": safe_url(source.url),
            "url_text": source.url or "",
            "archive": f"data/articles/{source.archive}.txt",
            "errata": [self._text(e) for e in source.errata],
            "href": self.source_href(source.id),
        }

    def _fact_view(self, fact: Fact) -> dict[str, Any]:
        conversion = ""
        if fact.conversion is not None:
            c = fact.conversion
            conversion = "≈ " + format_value(c.value, c.unit, self.lang) + " (" + \
                self.L["conversion_rate"].format(
                    rate=f"{c.rate:g}", date=format_date(c.rate_date, self.lang)) + ")"
            if c.note:
                conversion += f" — {c.note}"
        also = [format_quantity(q, self.lang) + f" ({q.as_printed})" for q in fact.also_given_as]
        review = ""
        if fact.current_state:
            review = (self.L["current_state"].format(date=format_date(fact.review_by, self.lang))
                      if fact.review_by else self.L["current_state_nodate"])
        measure = self.fb.measures.get(fact.measure) if fact.measure else None
        return {
            "id": fact.id,
            "anchor": f"fact-{fact.id}",
            "kind": fact.kind.value,
            "family": KIND_FAMILY[fact.kind],
            "kind_label": self.L[f"kind.{fact.kind.value}"],
            "theme": fact.theme.value,
            "theme_name": THEMES[self.lang][fact.theme][0],
            "statement": self._text(fact.statement),
            "figure": self._figure_text(fact) if fact.quantity is not None else "",
            "figure_note": (figure_note(fact.quantity, self.lang, self._counted(fact))
                            if fact.quantity is not None else ""),
            "measure": self._text(measure.name) if measure else "",
            "subject": self._entity_name(fact.subject),
            "as_printed": fact.quantity.as_printed if fact.quantity else "",
            "also": also,
            "conversion": conversion,
            "as_of": format_period(fact.as_of, self.lang),
            "date": format_date(fact.date, self.lang) if fact.date else "",
            "date_iso": fact.date if fact.date and fact.date != "unknown" else "",
            "horizon": format_date(fact.horizon, self.lang) if fact.horizon else "",
            "speaker": self._entity_name(fact.speaker),
            "data_producer": self._entity_name(fact.data_producer),
            "quote": fact.quote,
            "quote_lang": "zh-Hant" if self.fb.sources[fact.source].script.value == "Hant"
            else "zh-Hans",
            "translation": fact.quote_en,
            "note": self._text(fact.note) if fact.note else "",
            "review": review,
            "href": self.fact_href(fact),
            "source": self._source_view(fact.source),
            **self._reader_view(fact),  # permalink, describes, stale
        }

    def _render(self, name: str, **context: Any) -> Markup:
        return render_partial(self.site.env, name, L=self.L, lang=self.lang, **context)

    def _block(self, name: str, **context: Any) -> str:
        """A block of HTML on its own, separated from surrounding Markdown."""
        return "\n\n" + compact(self._render(name, **context)) + "\n\n"

    def _inline(self, name: str, **context: Any) -> str:
        return compact(self._render(name, **context)).replace("\n", " ")

    # ------------------------------------------------------------------ inline macros

    @macro
    def figure(self, fact_id: str) -> str:
        """A figure inline in prose, formatted for the page language, linking to its evidence.

        Use it for every number in running text: the reader gets the value with its
        hedge (about, more than, a range) and one click to the quote and source.
        The fact must be a statistic (it needs a quantity).

        Args:
            fact_id: id of a fact with a quantity.

        Example:
            China trails by {{ figure('us-lead-years-insiders') }}.
        """
        fact = self._fact(fact_id)
        self._figure_text(fact)  # raises a clear error for a fact without a quantity
        return self._inline("_figure.html", f=self._fact_view(fact))

    @macro
    def cite(self, fact_id: str) -> str:
        """A small evidence link after a sentence that rests on a fact without a figure.

        Args:
            fact_id: id of any fact.

        Example:
            01.AI built on Meta's LLaMA.{{ cite('zero-one-ai-built-on-llama') }}
        """
        fact = self._fact(fact_id)
        return self._inline("_cite.html", f=self._fact_view(fact))

    @macro
    def quote(self, fact_id: str) -> str:
        """A fact's quote in our translation, in quotation marks, linking to its evidence.

        On the English site it prints the translation; on the Chinese site the original.

        Args:
            fact_id: id of any fact.

        Example:
            As one investor put it, {{ quote('sputnik-moment') }}.
        """
        fact = self._fact(fact_id)
        return self._inline("_quote.html", f=self._fact_view(fact))

    # ------------------------------------------------------------------ blocks

    @macro
    def fact(self, fact_id: str) -> str:
        """One evidence card: statement, quote in the original with our translation, source,
        date, caveat and kind (reporting, claim or opinion look different).

        The card carries the anchor `#fact-<id>`. Theme pages already show every card of
        their theme through theme_facts(); use fact() only on other pages.

        Args:
            fact_id: id of any fact.

        Example:
            {{ fact('zero-one-ai-valuation') }}
        """
        fact = self._fact(fact_id)
        return self._block("_fact_card.html", f=self._fact_view(fact), anchored=True)

    @macro
    def key_figures(self, fact_ids: Optional[Sequence[str]] = None) -> str:
        """A strip of headline figures, each linking to its evidence.

        Args:
            fact_ids: list of fact ids with quantities. Leave out to take the first
                statistic of each theme.

        Example:
            {{ key_figures(['zero-one-ai-valuation', 'us-lead-years-insiders']) }}
        """
        if fact_ids is None:
            facts = []
            for theme in Theme:
                first = next((f for f in self.fb.by_theme.get(theme.value, [])
                              if f.quantity is not None), None)
                if first is not None:
                    facts.append(first)
        else:
            if isinstance(fact_ids, str):
                raise MacroError("fact_ids must be a list, e.g. ['a', 'b'].")
            facts = [self._fact(i) for i in fact_ids]
        views = []
        for fact in facts:
            view = self._fact_view(fact)
            if not view["figure"]:
                raise MacroError(f"fact {fact.id!r} has no quantity to show as a key figure.")
            views.append(view)
        return self._block("_key_figures.html", facts=views)

    @macro
    def theme_cards(self) -> str:
        """The four theme cards for the home page: name, one line, and how much evidence.

        Example:
            {{ theme_cards() }}
        """
        cards = []
        for theme in Theme:
            facts = self.fb.by_theme.get(theme.value, [])
            sources = {f.source for f in facts}
            name, blurb = THEMES[self.lang][theme]
            cards.append({
                "id": theme.value, "name": name, "blurb": blurb,
                "href": self._rel(theme_url(theme, self.lang)),
                "facts": self._count(len(facts), "fact_count_one", "facts_count"),
                "sources": self._count(len(sources), "source_count_one", "sources_count"),
            })
        return self._block("_theme_cards.html", cards=cards)

    def _count(self, n: int, one: str, many: str) -> str:
        return self.L[one] if n == 1 else self.L[many].format(n=n)

    @macro
    def kind_legend(self) -> str:
        """How to read the evidence: the three kinds of card (reporting, claim, opinion)
        with the badge each carries.

        Example:
            {{ kind_legend() }}
        """
        return self._block("_kind_legend.html")

    @macro
    def chart(self, measure_id: str, *more: str) -> str:
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
        measures = [self._measure(m) for m in (measure_id, *more)]
        first = measures[0]
        for other in measures[1:]:
            if other.unit != first.unit:
                raise MacroError(f"measure {other.id!r} is in {other.unit.value} but "
                                 f"{first.id!r} is in {first.unit.value}; "
                                 "only measures in the same unit share a chart.")
        multi = len(measures) > 1
        bars, rows = [], []
        for measure in measures:
            facts = self.fb.by_measure.get(measure.id, [])
            if not facts:
                raise MacroError(f"measure {measure.id!r} has no facts yet.")
            counted = self._text(measure.counted) if measure.counted else None
            for fact in sorted(facts, key=lambda f: (sort_key(f.as_of or f.date), f.id)):
                view = self._fact_view(fact)
                low, high, value_text, ours = self._chart_value(fact, measure, counted)
                tone = fact.subject if fact.subject in ("us", "china") else "other"
                label = self._text(measure.name) if multi else (
                    view["subject"] or view["statement"])
                sublabel = " · ".join(x for x in (view["subject"] if multi else "",
                                                  view["as_of"]) if x)
                bars.append(chart_geometry.Bar(
                    label=chart_geometry.fit(label), full_label=label,
                    sublabel=chart_geometry.fit(sublabel, 34), value_text=value_text,
                    low=low, high=high, href=view["href"], tone=tone))
                rows.append({**view, "value_text": value_text, "ours": ours,
                             "measure": self._text(measure.name)})
        geometry = chart_geometry.layout(bars)
        title = " · ".join(self._text(m.name) for m in measures)
        description = (" " if self.lang == "en" else "").join(
            self._text(m.description) for m in measures)
        desc = ("; " if self.lang == "en" else "；").join(
            f"{b.full_label}{self.L['paren'].format(b.sublabel) if b.sublabel else ''}"
            f"{self.L['colon']}{b.value_text}" for b in bars)
        counted = self._text(first.counted) if first.counted else None
        draw = all(m.chart == "bar" for m in measures) and first.unit is not Unit.rank
        return self._block(
            "_chart.html", id="-".join(m.id for m in measures), title=title,
            description=description, desc=desc,
            unit=unit_label(first.unit, self.lang, counted), g=geometry, rows=rows,
            draw=draw, multi=multi)

    @macro
    def theme_charts(self, theme: str) -> str:
        """A chart for every measure of this theme that compares two or more figures, in
        the order of data/measures.yaml. Prints nothing when there is none yet.

        Args:
            theme: compute, capital, talent or open-source.

        Example:
            {{ theme_charts('compute') }}
        """
        value = self._theme(theme).value
        ids = [m for m in self.fb.measures
               if len(self.fb.by_measure.get(m, [])) >= 2
               and any(f.theme.value == value for f in self.fb.by_measure[m])]
        return "".join(self.chart(m) for m in ids)

    def _chart_value(self, fact: Fact, measure: Measure,
                     counted: Optional[str]) -> tuple[float, Optional[float], str, bool]:
        q = fact.quantity
        if q is None:
            raise MacroError(f"fact {fact.id!r} is on measure {measure.id!r} "
                             "but has no quantity.")
        if q.unit == measure.unit:
            text = format_quantity(q, self.lang, counted)
            if q.value is not None:
                return float(q.value), None, text, False
            return float(q.low or 0), float(q.high or 0), text, False
        c = fact.conversion
        if c is not None and Unit(c.unit) == measure.unit:
            return float(c.value), None, "≈ " + format_value(c.value, c.unit, self.lang), True
        raise MacroError(f"fact {fact.id!r} is in {q.unit.value} but measure "
                         f"{measure.id!r} is in {measure.unit.value}, and there is no "
                         "conversion to it.")

    @macro
    def claims(self, question_id: Optional[str] = None) -> str:
        """Who says what: claims, forecasts and opinions grouped by question, positions
        side by side, each with speaker, date and outlet.

        Without an argument it lists every question (each under its own heading) and
        then the views that answer none; with a question id it shows that question only.

        Args:
            question_id: id from data/questions.yaml (optional).

        Example:
            {{ claims('can-china-overtake-us') }}
        """
        views_kinds = (FactKind.claim, FactKind.forecast, FactKind.opinion)
        if question_id is not None:
            question = self.fb.questions.get(question_id)
            if question is None:
                raise MacroError(f"unknown question {question_id!r}."
                                 f"{_did_you_mean(question_id, self.fb.questions)}")
            return self._block("_claims.html", q=self._question_view(question.id), titled=True)
        out = []
        for qid in self.fb.questions:
            view = self._question_view(qid)
            out.append(f"\n\n## {md_text(view['text'])} {{#q-{qid}}}\n")
            out.append(self._block("_claims.html", q=view, titled=False))
        loose = [f for f in self.fb.facts.values()
                 if f.kind in views_kinds and not f.question]
        if loose:
            out.append(f"\n\n## {md_text(self.L['other_claims'])} {{#q-other}}\n")
            out.append(self._block("_claim_list.html",
                                   items=[self._fact_view(f) for f in loose]))
        return "".join(out)

    def _question_view(self, qid: str) -> dict[str, Any]:
        question = self.fb.questions[qid]
        facts = sorted(self.fb.by_question.get(qid, []), key=lambda f: sort_key(f.date))
        columns = []
        for position in question.positions:
            items = [self._fact_view(f) for f in facts if f.position == position.id]
            columns.append({"id": position.id, "label": self._text(position.label),
                            "views": items})
        unplaced = [self._fact_view(f) for f in facts
                    if f.position not in {p.id for p in question.positions}]
        if unplaced:
            columns.append({"id": "none", "label": self.L["no_position"], "views": unplaced})
        return {"id": qid, "text": self._text(question.text), "columns": columns,
                "count": len(facts)}

    @macro
    def timeline(self) -> str:
        """Every dated event in order, by year, with its date shown at the precision we
        have ('Feb 2024', '2024 (month unknown)'); undated events come last.

        Example:
            {{ timeline() }}
        """
        events = [f for f in self.fb.facts.values() if f.kind is FactKind.event]
        events.sort(key=lambda f: (sort_key(f.date), f.id))
        out: list[str] = []
        groups: dict[str, list[Fact]] = {}
        for fact in events:
            known = fact.date and fact.date != "unknown"
            year = fact.date.split("-")[0] if known and fact.date else "unknown"
            groups.setdefault(year, []).append(fact)
        for year, facts in groups.items():
            heading = self.L["undated"] if year == "unknown" else year
            slug = "undated" if year == "unknown" else year
            out.append(f"\n\n## {md_text(heading)} {{#y-{slug}}}\n")
            out.append(self._block("_timeline.html",
                                   items=[self._fact_view(f) for f in facts]))
        return "".join(out)

    @macro
    def sources(self) -> str:
        """Every source: what kind of writing it is, how it reached us, errata, and every
        fact citing it. Each source has the anchor `#source-<id>`.

        Example:
            {{ sources() }}
        """
        out = []
        for source in self.fb.sources.values():
            view = self._source_view(source.id)
            facts = [self._fact_view(f) for f in self.fb.by_source.get(source.id, [])]
            out.append(f"\n\n## {md_text(view['title'])} {{#source-{source.id}}}\n")
            out.append(self._block("_source.html", s=view, facts=facts))
        return "".join(out)

    @macro
    def theme_sources(self, theme: str) -> str:
        """The sources a theme page rests on, for the end of the page, each linking to its
        full entry on the Sources page.

        Args:
            theme: compute, capital, talent or open-source.

        Example:
            {{ theme_sources('compute') }}
        """
        value = self._theme(theme).value
        counts: dict[str, int] = {}
        for fact in self.fb.by_theme.get(value, []):
            counts[fact.source] = counts.get(fact.source, 0) + 1
        items = [{**self._source_view(sid),
                  "count": self._count(n, "fact_count_one", "facts_count")}
                 for sid, n in counts.items()]
        return self._block("_theme_sources.html", items=items)

    @macro
    def theme_facts(self, theme: str) -> str:
        """Every fact of a theme as an evidence card (anchor `#fact-<id>`), grouped into
        figures, events, and claims, forecasts and opinions.

        Every figure() and cite() in the theme's prose links to one of these cards.

        Args:
            theme: compute, capital, talent or open-source.

        Example:
            {{ theme_facts('compute') }}
        """
        value = self._theme(theme).value
        facts = self.fb.by_theme.get(value, [])
        groups = (
            ("figures", [f for f in facts if f.kind is FactKind.statistic]),
            ("events", sorted((f for f in facts if f.kind is FactKind.event),
                              key=lambda f: sort_key(f.date))),
            ("views", [f for f in facts if KIND_FAMILY[f.kind] != "reporting"]),
        )
        out = []
        for key, group in groups:
            if not group:
                continue
            out.append(f"\n\n### {md_text(self.L[key])} {{#{value}-{key}}}\n")
            out.append(self._block("_fact_list.html",
                                   facts=[self._fact_view(f) for f in group]))
        if not out:
            return self._block("_empty.html", text=self.L["none_yet"])
        return "".join(out)

    @macro
    def macro_reference(self) -> str:
        """This reference: every macro with its parameters and an example, read from the
        macros' own docstrings in macros/render/site.py.

        Example:
            {{ macro_reference() }}
        """
        out = []
        for name in MACROS:
            doc = _parse_doc(getattr(PageRenderer, name))
            out.append(f"\n\n### `{name}{doc['signature']}` {{#macro-{name}}}\n")
            out.append(self._block("_macro_reference.html", m=doc))
        return "".join(out)


MACROS.extend(READER_MACROS)

_SECTION = re.compile(r"^(Args|Example):\s*$")


def _parse_doc(fn: Callable[..., Any]) -> dict[str, Any]:
    """Summary, description, parameters and example from a macro docstring."""
    sig = inspect.signature(fn)
    params = [p for p in sig.parameters.values() if p.name != "self"]
    shown = "(" + ", ".join(
        f"*{p.name}" if p.kind is p.VAR_POSITIONAL
        else p.name if p.default is p.empty else f"{p.name}={p.default!r}"
        for p in params) + ")"
    lines = (inspect.getdoc(fn) or "").splitlines()
    sections: dict[str, list[str]] = {"body": [], "Args": [], "Example": []}
    current = "body"
    for line in lines:
        m = _SECTION.match(line)
        if m:
            current = m.group(1)
            continue
        sections[current].append(line)
    paragraphs = [" ".join(p.split()) for p in "\n".join(sections["body"]).split("\n\n")
                  if p.strip()]
    args: list[dict[str, str]] = []
    for line in sections["Args"]:
        m = re.match(r"^\s{4}(\w+):\s*(.*)$", line)
        if m:
            args.append({"name": m.group(1), "text": m.group(2)})
        elif args and line.strip():
            args[-1]["text"] += " " + line.strip()
    example = "\n".join(l[4:] if l.startswith("    ") else l
                        for l in sections["Example"]).strip()
    return {
        "name": fn.__name__,
        "signature": shown,
        "summary": paragraphs[0] if paragraphs else "",
        "details": paragraphs[1:],
        "args": args,
        "example": example,
    }

"""Macros that list evidence across the site: who says what, the timeline, the sources
and each theme's cards. Plain Python, no MkDocs.

Headings are written as Markdown (``## … {#anchor}``) so that they reach the page's
table of contents; text from the data in them goes through :func:`~.html.md_text`.
"""

from __future__ import annotations

from ..evidence import dates
from ..evidence.model import Fact, FactKind, Theme
from . import jsonld
from .html import md_text
from .labels import KIND_FAMILY
from .page import Page
from .registry import MacroError, macro
from .views import CountedSource, PositionColumn, QuestionView

VIEW_KINDS = (FactKind.claim, FactKind.forecast, FactKind.opinion)


def _heading(level: int, text: str, anchor: str) -> str:
    return f"\n\n{'#' * level} {md_text(text)} {{#{anchor}}}\n"


@macro
def claims(page: Page, question_id: str | None = None) -> str:
    """Who says what: claims, forecasts and opinions grouped by question, positions
    side by side, each with speaker, date and outlet.

    Without an argument it lists every question (each under its own heading) and
    then the views that answer none; with a question id it shows that question only.

    Args:
        question_id: id from data/questions.yaml (optional).

    Example:
        {{ claims('can-china-overtake-us') }}
    """
    if question_id is not None:
        question = page.question(question_id)
        return page.block("_claims.html", q=_question_view(page, question.id), titled=True)
    out = []
    for qid in page.fb.questions:
        view = _question_view(page, qid)
        out.append(_heading(2, view.text, f"q-{qid}"))
        out.append(page.block("_claims.html", q=view, titled=False))
    loose = [f for f in page.fb.facts.values() if f.kind in VIEW_KINDS and not f.question]
    if loose:
        out.append(_heading(2, page.L["claims"]["other"], "q-other"))
        out.append(page.block("_claim_list.html", items=[page.fact_view(f) for f in loose]))
    listed = [f for qid in page.fb.questions for f in _answers(page, qid)] + loose
    data = jsonld.claims_list(listed, page.fb, page.options, page.lang, page.ctx.title)
    out.append(page.block("_jsonld.html", script=jsonld.script(data)))
    return "".join(out)


def _answers(page: Page, qid: str) -> list[Fact]:
    """The views that answer a question, oldest first."""
    return sorted(page.fb.by_question.get(qid, []), key=lambda f: dates.sort_key(f.date))


def _question_view(page: Page, qid: str) -> QuestionView:
    question = page.fb.questions[qid]
    facts = _answers(page, qid)
    columns = [PositionColumn(id=p.id, label=page.text(p.label),
                              views=[page.fact_view(f) for f in facts if f.position == p.id])
               for p in question.positions]
    known = {p.id for p in question.positions}
    unplaced = [page.fact_view(f) for f in facts if f.position not in known]
    if unplaced:
        columns.append(PositionColumn(id="none", label=page.L["claims"]["no_position"],
                                      views=unplaced))
    return QuestionView(id=qid, text=page.text(question.text), columns=columns,
                        count=len(facts))


@macro
def timeline(page: Page) -> str:
    """Every dated event in order, by year, with its date shown at the precision we
    have ('Feb 2024', '2024 (month unknown)'); undated events come last.

    Example:
        {{ timeline() }}
    """
    events = sorted((f for f in page.fb.facts.values() if f.kind is FactKind.event),
                    key=lambda f: (dates.sort_key(f.date), f.id))
    groups: dict[str, list[Fact]] = {}
    for fact in events:
        year = dates.year(fact.date) if fact.date and dates.is_known(fact.date) else ""
        groups.setdefault(year, []).append(fact)
    out: list[str] = []
    for year, facts in groups.items():
        out.append(_heading(2, year or page.L["date"]["undated"],
                            f"y-{year or 'undated'}"))
        out.append(page.block("_timeline.html", items=[page.fact_view(f) for f in facts]))
    return "".join(out)


@macro
def sources(page: Page) -> str:
    """Every source: what kind of writing it is, how it reached us, errata, and every
    fact citing it. Each source has the anchor `#source-<id>`.

    Example:
        {{ sources() }}
    """
    out = []
    for source in page.fb.sources.values():
        view = page.source_view(source.id)
        facts = [page.fact_view(f) for f in page.fb.by_source.get(source.id, [])]
        out.append(_heading(2, view.title, f"source-{source.id}"))
        out.append(page.block("_source.html", s=view, facts=facts))
    return "".join(out)


@macro
def theme_sources(page: Page, theme: str) -> str:
    """The sources a theme page rests on, for the end of the page, each linking to its
    full entry on the Sources page.

    Args:
        theme: compute, capital, talent or open-source.

    Example:
        {{ theme_sources('compute') }}
    """
    value = page.theme(theme).value
    counts: dict[str, int] = {}
    for fact in page.fb.by_theme.get(value, []):
        counts[fact.source] = counts.get(fact.source, 0) + 1
    items = [CountedSource(page.source_view(sid), page.count(n, "facts"))
             for sid, n in counts.items()]
    article = jsonld.theme_article(Theme(value), page.fb, page.options, page.lang,
                                   page.ctx.title, page.ctx.description)
    return (page.block("_theme_sources.html", items=items)
            + page.block("_jsonld.html", script=jsonld.script(article)))


@macro
def theme_facts(page: Page, theme: str) -> str:
    """Every fact of a theme as an evidence card (anchor `#fact-<id>`), grouped into
    figures, events, reports, and claims, forecasts and opinions.

    Every figure() and cite() in the theme's prose links to one of these cards.

    Args:
        theme: compute, capital, talent or open-source.

    Example:
        {{ theme_facts('compute') }}
    """
    value = page.theme(theme).value
    facts = page.fb.by_theme.get(value, [])
    groups = (
        ("figures", [f for f in facts if f.kind is FactKind.statistic]),
        ("events", sorted((f for f in facts if f.kind is FactKind.event),
                          key=lambda f: dates.sort_key(f.date))),
        ("reports", [f for f in facts if f.kind is FactKind.report]),
        ("views", [f for f in facts if KIND_FAMILY[f.kind] != "reporting"]),
    )
    out = []
    for key, group in groups:
        if group:
            views = [page.fact_view(f) for f in group]
            for f in group:
                page.carded(f)
            out.append(_heading(3, page.L["theme"][key], f"{value}-{key}"))
            out.append(page.block("_fact_list.html", facts=views))
    return "".join(out) or page.block("_empty.html", text=page.L["theme"]["none_yet"])


@macro
def corrections(page: Page, section: str = "facts") -> str:
    """The corrections log: every error we found in a source and corrected beside its
    verbatim quote, with what the source says, what is right and how we know.

    Args:
        section: 'facts' (errors a fact's quote carries) or 'sources' (errors no one
            fact carries, recorded as a source's errata).

    Example:
        {{ corrections('facts') }}
    """
    if section not in ("facts", "sources"):
        raise MacroError(f"section must be 'facts' or 'sources', not {section!r}")
    on_facts = [(page.fact_view(f), page.fact_view(f).corrections)
                for f in page.fb.facts.values() if f.corrections]
    on_sources = [(view, view.errata) for s in page.fb.sources.values() if s.errata
                  for view in (page.source_view(s.id),)]
    return page.block("_corrections_log.html", on_facts=on_facts, on_sources=on_sources,
                      section=section)

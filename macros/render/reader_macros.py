"""Macros of the reader features: a page per fact and per entity, the entity index,
downloads and changes. Plain Python, no MkDocs."""

from __future__ import annotations

from ..evidence import dates
from ..evidence.suggest import did_you_mean
from . import chart_files, citations, exports, feed, jsonld, links
from .dates import format_date
from .generated import retired_title
from .html import pre_text
from .labels import THEMES
from .page import Page
from .registry import MacroError, macro
from .views import (
    ChangeItem,
    ChartDownloadItem,
    ColumnItem,
    ColumnsTable,
    CountedSource,
    DownloadItem,
    EntityGroup,
    EntityIndexItem,
    EntityView,
    Link,
    RetiredView,
)


@macro
def fact_page(page: Page, fact_id: str) -> str:
    """The whole page of one fact (its permalink, `facts/<id>/`): the statement in both
    languages, the quote with our translation, the source, who produced the data, the
    date or period it describes, related facts on the same measure, and how to cite it.

    The build makes one such page per fact; you do not need to call it yourself.

    Args:
        fact_id: id of any fact.

    Example:
        {{ fact_page('zero-one-ai-valuation') }}
    """
    fact = page.fact(fact_id)
    opts = page.options
    page_url = opts.absolute(links.fact_url(fact.id, page.lang))
    related = [page.fact_view(f) for f in sorted(
        page.fb.by_measure.get(fact.measure, []) if fact.measure else [],
        key=lambda f: (dates.sort_key(f.as_of or f.date), f.id)) if f.id != fact.id]
    entity_ids = sorted({*fact.entities, *(e for e in (fact.subject, fact.speaker,
                                                       fact.data_producer) if e)})
    entities = [Link(page.entity_name(e), page.entity_href(e))
                for e in entity_ids if e in page.fb.entities]
    data = jsonld.claim(fact, page.fb, opts, page.lang)
    return page.block(
        "_fact_page.html", f=page.fact_view(fact),
        statement=page.text(fact.statement),
        statement_en=fact.statement.en, statement_zh=fact.statement.zh,
        producer_href=page.entity_href(fact.data_producer) if fact.data_producer else "",
        related=related, entities=entities,
        cite={k: pre_text(v) for k, v in citations.citation(
            fact, page.fb, page_url, opts.name(page.lang), page.lang,
            opts.absolute(f"{exports.DOWNLOADS_DIR}/{citations.SOURCES_BIB}")).items()},
        sources_bib=page.rel(f"{exports.DOWNLOADS_DIR}/{citations.SOURCES_BIB}"),
        facts_bib=page.rel(f"{exports.DOWNLOADS_DIR}/{citations.FACTS_BIB}"),
        added=format_date(fact.added, page.lang),
        updated=format_date(fact.updated, page.lang) if fact.updated else "",
        jsonld=jsonld.script(data))


@macro
def retired_page(page: Page, fact_id: str) -> str:
    """The page at a retired fact's permalink (`facts/<id>/`): what became of the fact,
    when and why, and a link to the fact that now carries it.

    The build makes one such page per id in data/retired.yaml; you do not need to call
    it yourself.

    Args:
        fact_id: id from data/retired.yaml.

    Example:
        {{ retired_page('china-llms-on-nvidia-chips-count') }}
    """
    retired = page.fb.retired.get(fact_id)
    if retired is None:
        hint = did_you_mean(fact_id, page.fb.retired, n=3)
        raise MacroError(f"no retired fact {fact_id!r}" + (f" ({hint})" if hint else ""))
    page.shows(retired.retired)
    survivor = page.fb.facts.get(retired.merged_into) if retired.merged_into else None
    labels = page.L["retired"]
    when = format_date(retired.retired, page.lang)
    view = RetiredView(
        id=retired.id, title=retired_title(retired.merged_into is not None, page.lang),
        what=(labels["merged"] if survivor else labels["withdrawn"]).format(date=when),
        reason=page.text(retired.reason),
        merged_into=page.fact_view(survivor) if survivor else None)
    return page.block("_retired_page.html", r=view)


@macro
def entity_page(page: Page, entity_id: str) -> str:
    """The page of one entity (`entities/<id>/`): what it is, every fact and claim
    about it or by it, and the sources those rest on.

    The build makes one such page per entity; you do not need to call it yourself.

    Args:
        entity_id: id from data/entities.yaml.

    Example:
        {{ entity_page('nvidia') }}
    """
    entity = page.entity(entity_id)
    facts = page.fb.by_entity.get(entity_id, [])
    counts: dict[str, int] = {}
    for f in facts:
        counts[f.source] = counts.get(f.source, 0) + 1
    children = [Link(page.text(e.name), page.entity_href(e.id))
                for e in page.fb.entities.values() if e.parent == entity_id]
    parent = page.fb.entities.get(entity.parent) if entity.parent else None
    view = EntityView(
        id=entity.id, kind=page.L["entity"][entity.kind.value],
        name=page.text(entity.name), name_en=entity.name.en, name_zh=entity.name.zh,
        description=page.text(entity.description), aliases=entity.aliases,
        parent=Link(page.text(parent.name), page.entity_href(parent.id)) if parent else None,
        children=children)
    return page.block(
        "_entity_page.html", e=view,
        about=[page.fact_view(f) for f in facts if f.speaker != entity_id],
        said=[page.fact_view(f) for f in facts if f.speaker == entity_id],
        sources=[CountedSource(page.source_view(s), page.count(n, "facts"))
                 for s, n in counts.items()])


@macro
def entity_index(page: Page) -> str:
    """Every entity, by kind, each linking to its page with how many facts mention it.

    Example:
        {{ entity_index() }}
    """
    groups: dict[str, list[EntityIndexItem]] = {}
    for entity in sorted(page.fb.entities.values(), key=lambda e: e.name.en.lower()):
        n = len(page.fb.by_entity.get(entity.id, []))
        groups.setdefault(entity.kind.value, []).append(EntityIndexItem(
            id=entity.id, name=page.text(entity.name),
            other=entity.name.zh if page.lang == "en" else entity.name.en,
            href=page.entity_href(entity.id), count=page.count(n, "facts")))
    return page.block("_entity_index.html", groups=[
        EntityGroup(kind, page.L["entity"][kind], items)
        for kind, items in sorted(groups.items())])


@macro
def downloads(page: Page) -> str:
    """The downloadable data files, each with its row count, what it holds, its fields,
    every chart's data and picture, and the Dataset structured data for search engines.

    The files are made at build time from the same data as the pages.

    Example:
        {{ downloads() }}
    """
    opts = page.options
    files = exports.downloads(page.fb, opts.site_name, opts.site_url)
    base = f"{exports.DOWNLOADS_DIR}/"

    def item(d: exports.Download) -> DownloadItem:
        return DownloadItem(d.name, page.rel(base + d.name), d.rows, page.text(d.description))

    def column(c: exports.Field) -> ColumnItem:
        return ColumnItem(c.name, page.text(c.type_label), page.text(c.description))

    charts = [ChartDownloadItem(
        title=page.text(chart.finding),
        href=page.rel(chart_files.chart_home(page.fb, chart, page.lang)),
        csv=page.rel(links.chart_file_url(chart.id, "csv")),
        svg=(page.rel(links.chart_file_url(chart.id, f"{page.lang}.svg"))
             if chart_files.has_svg(chart) else ""))
        for chart in page.fb.charts.values()]

    data = jsonld.dataset(
        page.fb, opts, page.lang, opts.name(page.lang), page.L["downloads"]["dataset_description"],
        [(opts.absolute(base + d.name), exports.media_type(d.name), d.name) for d in files],
        keywords=[THEMES[page.lang][t][0] for t in THEMES[page.lang]]
        + [k.strip() for k in page.L["downloads"]["dataset_keywords"].split(",")])
    return page.block(
        "_downloads.html",
        main=[item(d) for d in files if "/" not in d.name],
        measures=[item(d) for d in files if "/" in d.name],
        charts=charts,
        tables=[ColumnsTable(anchor, page.L["downloads"][anchor.replace("-", "_")],
                             [column(c) for c in columns])
                for anchor, _, columns in exports.DICTIONARY],
        sources=[page.source_view(s) for s in page.fb.sources],
        jsonld=jsonld.script(data))


@macro
def download_count(page: Page, name: str) -> str:
    """How many rows (facts, sources, entities…) a download file holds, as a number.

    Args:
        name: file name under downloads/, e.g. 'facts.csv' or 'entities.json'.

    Example:
        {{ download_count('facts.csv') }} facts
    """
    found = exports.download_named(page.fb, name)
    if found is None or found.rows is None:
        tables = [d.name for d in exports.downloads(page.fb) if d.rows is not None]
        hint = did_you_mean(name, tables, n=3)
        what = "no download named" if found is None else "no rows to count in"
        raise MacroError(f"{what} {name!r}" + (f" ({hint})" if hint else ""))
    return str(found.rows)


@macro
def changes(page: Page) -> str:
    """Every fact added or updated, newest first, by the dates recorded in the data
    (never the build date). The same list is the Atom feed changes.xml.

    Example:
        {{ changes() }}
    """
    items = [ChangeItem(date=format_date(c.date, page.lang), date_iso=c.date,
                        action=page.L["changes"][c.action], fact=page.fact_view(c.fact))
             for c in feed.changes(page.fb)]
    return page.block("_changes.html", items=items,
                      feed_href=page.rel(feed.feed_path(page.lang)))

"""schema.org structured data (JSON-LD): fact pages, theme pages, the claims page and
the downloads page. Plain Python, no MkDocs.

Every node is written in the language of the page it is on (``inLanguage``, names and
text). Each entity is one node everywhere: :func:`entity_node` gives it the same
``@type`` (from its kind, :data:`SCHEMA_TYPE`) and the same ``@id`` (its page in the
default language) whether it appears as a claim's author, an article's author or what a
page is about. Absolute URLs all derive from the site URL in :class:`SiteOptions`.

:func:`script` is the only way JSON-LD reaches HTML: ``json.dumps`` and then every
``<``, ``>`` and ``&`` written as a JSON unicode escape, so text from the data can never
close the ``<script>`` element, whatever it contains.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from markupsafe import Markup

from ..evidence import dates
from ..evidence.factbase import FactBase
from ..evidence.model import Entity, EntityKind, Fact, Source, SourceKind, Theme
from ..evidence.normalize import strip_artifacts
from . import links
from .exports import LICENCE_URL, data_modified, latest_change
from .labels import DEFAULT_LANG, LANG_TAG, THEMES
from .page import SiteOptions

CONTEXT = "https://schema.org"

#: The one schema.org type of each kind of entity. Kinds that can speak or write
#: (everything but models, products and countries) map to Person or an Organization
#: subtype, so the same node is valid as an author wherever it appears.
SCHEMA_TYPE: dict[EntityKind, str] = {
    EntityKind.person: "Person",
    EntityKind.company: "Corporation",
    EntityKind.government_body: "GovernmentOrganization",
    EntityKind.investor: "Organization",
    EntityKind.organisation: "Organization",
    EntityKind.university: "CollegeOrUniversity",
    EntityKind.data_producer: "Organization",
    EntityKind.media: "NewsMediaOrganization",
    EntityKind.model: "SoftwareApplication",
    EntityKind.product: "Product",
    EntityKind.country: "Country",
}



def script(data: Any) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/ld+json">') + Markup(text) + \
        Markup("</script>")


def _text(bilingual: Any, lang: str) -> str:
    return str(getattr(bilingual, lang))


def _website(options: SiteOptions, lang: str) -> dict[str, Any]:
    url = options.absolute(links.lang_prefix(lang))
    return {"@type": "WebSite", "@id": url, "name": options.name(lang), "url": url,
            "inLanguage": LANG_TAG[lang]}


def _publisher(options: SiteOptions) -> dict[str, Any]:
    """Us, as the author and publisher of our pages and data."""
    return {"@type": "Organization", "@id": options.absolute("#editors"),
            "name": f"{options.site_name} editors", "url": options.absolute("")}


def entity_node(entity: Entity, options: SiteOptions, lang: str) -> dict[str, Any]:
    """The entity's node: one ``@type`` and one ``@id`` wherever it appears."""
    return {"@type": SCHEMA_TYPE[entity.kind],
            "@id": options.absolute(links.entity_url(entity.id, DEFAULT_LANG)),
            "name": _text(entity.name, lang),
            "url": options.absolute(links.entity_url(entity.id, lang))}


def _author_entity(name: str, fb: FactBase, source: Source) -> Entity | None:
    """The entity a printed byline names, among the source's own voices."""
    for entity_id in source.own_voice:
        entity = fb.entities.get(entity_id)
        if entity is not None and name in {entity.name.en, entity.name.zh, *entity.aliases,
                                           entity.name.en.split(" (")[0]}:
            return entity
    return None


def article(source: Source, fb: FactBase, options: SiteOptions,
            lang: str) -> dict[str, Any]:
    """The source article: its title as published, ours as the alternative headline,
    its bylines as people unless one is an entity of ours (then that entity's node)."""
    node: dict[str, Any] = {
        "@type": "NewsArticle" if source.kind is SourceKind.news_report else "Article",
        "@id": options.absolute(links.source_url(source.id, DEFAULT_LANG)),
        "headline": source.title_original,
        "alternativeHeadline": source.title_en,
        "inLanguage": source.script.lang_tag,
    }
    if source.url:
        node["url"] = source.url
    if dates.is_known(source.published):
        node["datePublished"] = source.published
    authors = []
    for name in source.authors:
        entity = _author_entity(name, fb, source)
        authors.append(entity_node(entity, options, lang) if entity is not None
                       else {"@type": "Person", "name": name})
    if authors:
        node["author"] = authors
    if source.outlet.en.lower() != "unknown":
        node["publisher"] = {"@type": "Organization", "name": _text(source.outlet, lang)}
    return node


def _period(fact: Fact) -> str | None:
    """The date or period a fact describes, ISO 8601 (an interval as START/END)."""
    value = fact.as_of if fact.as_of else fact.date
    if not value or not dates.is_known(value):
        return None
    return value.replace("..", "/")


def claim(fact: Fact, fb: FactBase, options: SiteOptions, lang: str) -> dict[str, Any]:
    """A fact page's schema.org Claim: our statement in the page's language, appearing
    in (and based on) the source article, whose verbatim quote it carries."""
    source = fb.sources[fact.source]
    page_url = options.absolute(links.fact_url(fact.id, lang))
    art = article(source, fb, options, lang)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Claim",
        "@id": page_url,
        "url": page_url,
        "name": _text(fact.statement, lang),
        "text": _text(fact.statement, lang),
        "inLanguage": LANG_TAG[lang],
        "appearance": {**art, "text": strip_artifacts(fact.quote)},
        "firstAppearance": {"@id": art["@id"]},  # the same article, named once above
        "isBasedOn": {"@id": art["@id"]},
        "dateCreated": fact.added,
        "license": LICENCE_URL,
        "publisher": _publisher(options),
        "isPartOf": _website(options, lang),
        "about": [entity_node(fb.entities[e], options, lang)
                  for e in sorted(set(fact.entities)) if e in fb.entities],
    }
    if fact.updated:
        data["dateModified"] = fact.updated
    period = _period(fact)
    if period:
        data["temporalCoverage"] = period
    if fact.corrections:  # schema.org: a correction to the work, as a CorrectionComment
        data["correction"] = [{"@type": "CorrectionComment",
                               "text": _text(c.correct, lang),
                               "citation": strip_artifacts(c.says)}
                              for c in fact.corrections]
    speaker = fb.entities.get(fact.speaker) if fact.speaker else None
    if speaker is not None:
        data["author"] = entity_node(speaker, options, lang)
    return data


def theme_article(theme: Theme, fb: FactBase, options: SiteOptions, lang: str,
                  title: str = "", description: str = "") -> dict[str, Any]:
    """A theme page as an Article: what it is about (the theme, and the entities its
    facts concern most) and the source articles it cites."""
    facts = fb.by_theme.get(theme.value, [])
    name, summary = THEMES[lang][theme]
    counts = Counter(e for f in facts for e in set(f.entities) if e in fb.entities)
    about = [{"@type": "Thing", "name": name, "description": summary}]
    about += [entity_node(fb.entities[e], options, lang)
              for e, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:12]]
    url = options.absolute(links.theme_url(theme, lang))
    sources = list(dict.fromkeys(f.source for f in facts))
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Article",
        "@id": url,
        "url": url,
        "headline": title or name,
        "inLanguage": LANG_TAG[lang],
        "about": about,
        "citation": [article(fb.sources[s], fb, options, lang) for s in sources],
        "author": _publisher(options),
        "publisher": _publisher(options),
        "isPartOf": _website(options, lang),
        "license": LICENCE_URL,
    }
    if description or summary:
        data["description"] = description or summary
    modified = latest_change(facts)
    if modified:
        data["dateModified"] = modified
    return data


def claims_list(facts: list[Fact], options: SiteOptions, lang: str,
                title: str = "") -> dict[str, Any]:
    """The claims page as an ItemList of its claims, forecasts and opinions, in the
    page's order: each item the URL of the fact's own page (schema.org's and search
    engines' form for a summary page whose items have pages of their own), where the
    fact is described in full as a ``Claim`` (:func:`claim`). Repeating each Claim
    here would double the page's weight for nothing a reader sees."""
    items = [{"@type": "ListItem", "position": position,
              "url": options.absolute(links.fact_url(fact.id, lang))}
             for position, fact in enumerate(facts, start=1)]
    return {"@context": CONTEXT, "@type": "ItemList",
            "@id": options.absolute(links.claims_url(lang)),
            **({"name": title} if title else {}),
            "inLanguage": LANG_TAG[lang], "numberOfItems": len(items),
            "itemListOrder": "https://schema.org/ItemListUnordered",
            "itemListElement": items}


def _coverage(fb: FactBase) -> str:
    """The span of dates the facts describe, as an ISO 8601 interval of years."""
    years = []
    for fact in fb.facts.values():
        for value in (fact.as_of, fact.date):
            if value and dates.is_known(value):
                start, end = dates.period_bounds(value)
                years += [dates.first_day(start).year, dates.last_day(end).year]
    return f"{min(years)}/{max(years)}" if years else ""


def dataset(fb: FactBase, options: SiteOptions, lang: str, name: str, description: str,
            files: list[tuple[str, str, str]], keywords: list[str]) -> dict[str, Any]:
    """A schema.org Dataset for the downloads page; ``files`` are (absolute URL,
    encoding format, file name)."""
    page_url = options.absolute(f"{links.lang_prefix(lang)}downloads/")
    modified = data_modified(fb)
    countries = [entity_node(e, options, lang) for e in fb.entities.values()
                 if e.kind is EntityKind.country and fb.by_entity.get(e.id)]
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": options.absolute("downloads/"),
        "identifier": options.absolute("downloads/"),
        "name": name,
        "description": description,
        "url": page_url,
        "inLanguage": LANG_TAG[lang],
        "keywords": keywords,
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "creator": _publisher(options),
        "publisher": _publisher(options),
        "isPartOf": _website(options, lang),
        "variableMeasured": [
            {"@type": "PropertyValue", "name": _text(m.name, lang), "propertyID": m.id,
             "description": _text(m.description, lang), "unitText": m.unit.value}
            for m in fb.measures.values() if fb.by_measure.get(m.id)],
        "distribution": [{"@type": "DataDownload", "contentUrl": url,
                          "encodingFormat": fmt, "name": fname}
                         for url, fmt, fname in files],
        "isBasedOn": [article(s, fb, options, lang) for s in fb.sources.values()],
    }
    if modified:
        data["dateModified"] = modified
        data["version"] = modified
    coverage = _coverage(fb)
    if coverage:
        data["temporalCoverage"] = coverage
    if countries:
        data["spatialCoverage"] = countries
    return data

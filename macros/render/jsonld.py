"""schema.org structured data (JSON-LD) for fact pages and the downloads page.

Plain Python. :func:`script` is the only way JSON-LD reaches HTML: ``json.dumps`` and
then every ``<``, ``>`` and ``&`` written as a JSON unicode escape, so text from the data
can never close the ``<script>`` element, whatever it contains.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..evidence.model import Entity, Fact, Source
from ..evidence.normalize import strip_artifacts
from .exports import LICENCE_URL


def script(data: Any) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/ld+json">') + Markup(text) + \
        Markup("</script>")


def _article(source: Source) -> dict[str, Any]:
    article: dict[str, Any] = {
        "@type": "NewsArticle" if source.kind.value == "news-report" else "Article",
        "headline": source.title_original,
        "alternativeHeadline": source.title_en,
        "inLanguage": source.script.lang_tag,
    }
    if source.url:
        article["url"] = source.url
    if source.published != "unknown":
        article["datePublished"] = source.published
    if source.authors:
        article["author"] = [{"@type": "Person", "name": a} for a in source.authors]
    if source.outlet.en.lower() != "unknown":
        article["publisher"] = {"@type": "Organization", "name": source.outlet.en}
    return article


def claim(fact: Fact, source: Source, page_url: str, site_name: str, site_url: str,
          speaker: Entity | None = None) -> dict[str, Any]:
    """A schema.org Claim: our statement, appearing in (and based on) the source article."""
    article = _article(source)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "@id": page_url,
        "url": page_url,
        "name": fact.statement.en,
        "text": fact.statement.en,
        "inLanguage": "en",
        "appearance": {**article, "text": strip_artifacts(fact.quote)},
        "isBasedOn": article,
        "firstAppearance": article,
        "dateCreated": fact.added,
        "license": LICENCE_URL,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
    }
    if fact.updated:
        data["dateModified"] = fact.updated
    if fact.date and fact.date != "unknown":
        data["temporalCoverage"] = fact.date
    if fact.as_of and fact.as_of != "unknown":
        data["temporalCoverage"] = fact.as_of.replace("..", "/")
    if fact.corrections:  # schema.org: a correction to the work, as a CorrectionComment
        data["correction"] = [{"@type": "CorrectionComment",
                               "text": f"{c.correct.en} (The source says: "
                                       f"{strip_artifacts(c.says)})"}
                              for c in fact.corrections]
    if speaker is not None:
        data["author"] = {"@type": "Person" if speaker.kind.value == "person"
                          else "Organization", "name": speaker.name.en}
    return data


def dataset(name: str, description: str, site_url: str, page_url: str,
            files: list[tuple[str, str, str]], modified: str,
            sources: list[Source]) -> dict[str, Any]:
    """A schema.org Dataset; ``files`` are (absolute URL, encoding format, name)."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": page_url,
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": f"{name} editors", "url": site_url},
        "dateModified": modified,
        "inLanguage": ["en", "zh"],
        "distribution": [{"@type": "DataDownload", "contentUrl": url,
                          "encodingFormat": fmt, "name": fname}
                         for url, fmt, fname in files],
        "isBasedOn": [_article(s) for s in sources],
    }

"""The pages and files a build makes from the data. Plain Python, no MkDocs.

A generated page is a page of Markdown that calls one macro by id (``{{ fact_page('x')
}}``), so no text from the data is ever part of a page template; its title, from the
data, is plain text for the glue to set (escaped) after the macros have run.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..evidence.factbase import FactBase
from . import chart_files, exports, feed, links
from .labels import LANGS
from .page import SiteOptions

TITLE_LIMIT = {"en": 90, "zh": 50}  # characters of a fact statement in a page title


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page is in the build: 'facts/<id>.md', 'zh/facts/<id>.md'
    markdown: str
    title: str  # plain text in the page's language
    lang: str

    @property
    def url(self) -> str:
        """The page's URL as MkDocs makes it (use_directory_urls): 'facts/<id>/'."""
        return self.src_uri[:-len(".md")] + "/"


def retired_title(merged: bool, lang: str) -> str:
    """The title of a retired fact's page."""
    return {("en", True): "Fact merged into another", ("en", False): "Fact withdrawn",
            ("zh", True): "已并入另一条的事实", ("zh", False): "已撤下的事实"}[(lang, merged)]


def _title(text: str, lang: str) -> str:
    """``text`` shortened to the language's limit, at a word or clause boundary (a cut
    inside a Chinese word leaves a stray character, in the tab and in search)."""
    limit = TITLE_LIMIT.get(lang, 90)
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    stops = " " if lang == "en" else "，、；：。 "
    cut = max(head.rfind(stop) for stop in stops)
    return (head[:cut] if cut > limit // 2 else head).rstrip(" ，、；：。,;:") + "…"


def generated_pages(fb: FactBase, lang: str) -> list[GeneratedPage]:
    """A page per fact and per entity, in ``lang``, under that language's prefix."""
    prefix = links.lang_prefix(lang)
    pages = [GeneratedPage(f"{prefix}facts/{fact_id}.md",
                           f"{{{{ fact_page('{fact_id}') }}}}\n",
                           _title(getattr(fact.statement, lang), lang), lang)
             for fact_id, fact in fb.facts.items()]
    pages += [GeneratedPage(f"{prefix}facts/{fact_id}.md",
                            f"{{{{ retired_page('{fact_id}') }}}}\n",
                            retired_title(retired.merged_into is not None, lang), lang)
              for fact_id, retired in fb.retired.items()]
    pages += [GeneratedPage(f"{prefix}entities/{entity_id}.md",
                            f"{{{{ entity_page('{entity_id}') }}}}\n",
                            getattr(entity.name, lang), lang)
              for entity_id, entity in fb.entities.items()]
    return pages


def generated_files(fb: FactBase, options: SiteOptions) -> dict[str, bytes]:
    """Path -> content of every data file made at build time (downloads, feed)."""
    files = {f"{exports.DOWNLOADS_DIR}/{d.name}": d.content
             for d in exports.downloads(fb, options.site_name, options.site_url)}
    for lang in LANGS:
        files[feed.feed_path(lang)] = feed.atom(fb, options.name(lang),
                                                options.site_url or "/", lang)
    # Each chart's data (CSV) and picture (SVG, per language): charts/.
    files.update(chart_files.chart_files(fb, options))
    return files

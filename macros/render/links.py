"""Where pages are, and relative links between them, so the site works under any sub-path.

Every site-root-relative URL the renderers make comes from a function here
(``'zh/facts/<id>/'``); :func:`relative_url` turns it into a link from the current page.
"""

from __future__ import annotations

import posixpath

from ..evidence.model import Theme
from .labels import DEFAULT_LANG


def lang_prefix(lang: str) -> str:
    """'' for the default language, 'zh/' for Chinese: where a language's pages live."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def theme_url(theme: Theme | str, lang: str) -> str:
    """A theme page ('compute/', 'zh/compute/')."""
    return f"{lang_prefix(lang)}{Theme(theme).value}/"


def fact_url(fact_id: str, lang: str) -> str:
    """A fact's own page ('facts/<id>/', 'zh/facts/<id>/')."""
    return f"{lang_prefix(lang)}facts/{fact_id}/"


def entity_url(entity_id: str, lang: str) -> str:
    """An entity's page ('entities/<id>/')."""
    return f"{lang_prefix(lang)}entities/{entity_id}/"


def glossary_url(lang: str) -> str:
    """The glossary ('glossary/', 'zh/glossary/'); a term's entry is '#term-<id>'."""
    return f"{lang_prefix(lang)}glossary/"


def source_url(source_id: str, lang: str) -> str:
    """A source's entry on the sources page ('sources/#source-<id>')."""
    return f"{lang_prefix(lang)}sources/#source-{source_id}"


#: Where each chart's downloads are: its data and picture, beside the dataset (downloads/),
#: which holds every figure; a chart's CSV is a view of some of them.
CHARTS_DIR = "charts"


def chart_file_url(chart_id: str, ext: str) -> str:
    """A chart's download: its data ('charts/<id>.csv') or its picture in a
    language ('charts/<id>.en.svg', '<id>.zh.svg')."""
    return f"{CHARTS_DIR}/{chart_id}.{ext}"


def strength_url(lang: str) -> str:
    """What a source's strength means: the legend on the Sources page."""
    return f"{lang_prefix(lang)}sources/#{STRENGTH_ANCHOR}"


#: The anchor of the source-strength legend (strength_legend()) on the Sources page.
STRENGTH_ANCHOR = "source-strength"


def claims_url(lang: str, by: str = "") -> str:
    """The claims page ('claims/', 'zh/claims/') or one of its arrangements
    ('claims/by-theme/', 'claims/by-speaker/')."""
    return f"{lang_prefix(lang)}claims/" + (f"by-{by}/" if by else "")


def relative_url(target: str, page_url: str) -> str:
    """URL of ``target`` relative to the page at ``page_url``; both site-root-relative,
    as MkDocs writes them with use_directory_urls ('' is the home page, 'compute/').

    >>> relative_url('compute/', 'claims/')
    '../compute/'
    >>> relative_url('', 'claims/')
    '../'
    >>> relative_url('sources/', '')
    'sources/'
    """
    path, _, fragment = target.partition("#")
    base = page_url.rsplit("/", 1)[0] if "/" in page_url else ""
    if path == page_url:
        rel = ""
    else:
        rel = _relpath(path or ".", base or ".")
        if rel == ".":
            rel = "./"
        elif path.endswith("/") or path == "":
            rel = rel.rstrip("/") + "/"
    return f"{rel}#{fragment}" if fragment else (rel or "./")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-root-relative URL paths, as plain string work.

    (``posixpath.relpath`` makes both paths absolute, asking the OS for the working
    directory each time: with a link per fact on every page it was a fifth of the time
    spent rendering.)
    """
    to = [part for part in posixpath.normpath("/" + path).split("/") if part]
    base = [part for part in posixpath.normpath("/" + start).split("/") if part]
    common = 0
    for a, b in zip(to, base, strict=False):  # up to the shorter path
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."

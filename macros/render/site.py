"""What one build renders from (:class:`Site`) and where a macro is rendered
(:class:`PageContext`). Plain Python, no MkDocs: the glue supplies both.

``Site(factbase, options).call(PageContext(url, lang, src_path), name, args)`` runs a
macro and returns its HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jinja2 import Environment

from ..evidence import dates
from ..evidence.factbase import FactBase
from . import registry
from .dependencies import Reads
from .html import DeferredHTML, make_environment
from .page import Page, PageContext, PageRefs, SiteOptions


class Site:
    """Everything one build renders from: the fact base, the options, the partials."""

    def __init__(self, factbase: FactBase, options: SiteOptions | None = None,
                 env: Environment | None = None, defer_html: bool = False,
                 reads: Reads | None = None) -> None:
        self.fb = factbase
        self.options = options or SiteOptions()
        self.env = env or make_environment()
        # What each page read from the data (dependencies.py); kept by the caller across
        # builds when given. Pages see the data through the recording view.
        self.reads = reads if reads is not None else Reads()
        self._view = self.reads.view(factbase)
        self._started: set[str] = set()  # pages whose macros ran in this build
        # defer_html: macros hand Markdown tokens, restore() puts their HTML back in
        # the page's HTML afterwards (html.DeferredHTML); page URL -> its HTML parts.
        self.defer_html = defer_html
        self._deferred: dict[str, DeferredHTML] = {}
        # page URL -> the 'added'/'updated' dates of every fact (and retired id) the
        # macros on that page showed: what the page's "last modified" rests on.
        self.shown: dict[str, set[str]] = {}
        # page URL -> the evidence its prose has cited so far (figure, cite, quote): the
        # numbers of its references, and the citations each card links back to.
        self.refs: dict[str, PageRefs] = {}

    def page(self, ctx: PageContext) -> Page:
        if ctx.url not in self._started:  # the page's first macro in this build
            self._started.add(ctx.url)
            self.reads.start(ctx.url)
        deferred = self._deferred.setdefault(ctx.url, DeferredHTML()) \
            if self.defer_html else None
        return Page(self._view, self.options, self.env, ctx,
                    shown=self.shown.setdefault(ctx.url, set()), deferred=deferred,
                    note=self.reads.note, refs=self.refs.setdefault(ctx.url, PageRefs()))

    def begin_page(self, url: str) -> None:
        """The page at ``url`` is about to be rendered (again): its citations start
        afresh, so numbers and back-links are those of this rendering only."""
        self.refs.pop(url, None)

    def restore(self, url: str, html: str) -> str:
        """The HTML of the page at ``url`` with its macros' HTML in place of their
        tokens (deferred mode); the page's parts are then let go."""
        deferred = self._deferred.pop(url, None)
        return deferred.restore(html) if deferred is not None else html

    def last_modified(self, url: str) -> str:
        """The newest date of what the page at ``url`` shows from the data, or '' when
        it shows nothing from it (or has not been rendered)."""
        return max((d for d in self.shown.get(url, ()) if dates.is_known(d)),
                   key=dates.sort_key, default="")

    def call(self, ctx: PageContext, name: str, args: Sequence[Any] = (),
             kwargs: dict[str, Any] | None = None) -> str:
        """Run macro ``name`` for a page; every failure names the page and the call."""
        return registry.run(self.page(ctx), ctx.src_path, name, args, kwargs)

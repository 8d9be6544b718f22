"""Renderers: plain Python that turns the fact base into HTML for pages. No MkDocs.

``Site(factbase).call(PageContext(url, lang, src_path), name, args, kwargs)`` runs a
macro; ``MACROS`` lists the macro names. See ``site.py`` for the macros themselves.
"""

from .site import MACROS, MacroError, PageContext, PageRenderer, Site

__all__ = ["MACROS", "MacroError", "PageContext", "PageRenderer", "Site"]

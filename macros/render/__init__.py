"""Renderers: plain Python that turns the fact base into HTML for pages. No MkDocs.

``Site(factbase, options).call(PageContext(url, lang, src_path), name, args)`` runs a
macro. The macros are registered (``@macro``) by the modules imported below, in the
order the editor's guide documents them; ``MACROS`` lists their names.
"""

# isort: off
# Importing a macro module registers its macros: this order is the editor's guide's.
from . import evidence_macros, chart_macros, list_macros, reference, reader_macros
from . import index_macros
# isort: on
from .generated import GeneratedPage, generated_files, generated_pages
from .page import Page, PageContext, SiteOptions
from .registry import REGISTRY, MacroError
from .site import Site

_MACRO_MODULES = (evidence_macros, chart_macros, list_macros, reference, reader_macros,
                  index_macros)

#: Every macro name, in the order the editor's guide documents them.
MACROS: list[str] = list(REGISTRY)

__all__ = ["MACROS", "REGISTRY", "GeneratedPage", "MacroError", "Page", "PageContext",
           "Site", "SiteOptions", "generated_files", "generated_pages"]

"""What the tests share: paths, site builds (real and mini), HTML parsing, a server.

One home for each helper: every test that builds a site, parses a page's links or
serves a site under a sub-path uses these. ``kit.cite`` reads citations as pybtex and
citeproc-py do (imported on its own: it needs the test extras).
"""

from .htmlparse import ParsedPage, parse_html
from .paths import FIXTURE, GOLDEN, ROOT, TEST_SITE_URL
from .serve import Served, serve
from .sites import (
    SEARCH_SEPARATOR,
    build,
    build_in_process,
    discover_pages,
    mini_site,
    page_html,
    real_config,
    source_date_epoch,
)

__all__ = ["FIXTURE", "GOLDEN", "ROOT", "SEARCH_SEPARATOR", "ParsedPage", "Served", "build", "build_in_process",
           "discover_pages", "mini_site", "page_html", "parse_html", "real_config", "serve",
           "source_date_epoch", "TEST_SITE_URL"]

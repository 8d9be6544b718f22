"""The page ``make serve`` shows while the site cannot be built. Plain Python, no MkDocs.

The glue writes it in place of every page when a save leaves the data or a page broken
(macros/glue.py, serve), so the browser shows what is wrong instead of waiting for a
build that cannot finish. Every problem is escaped: it may quote the data.
"""

from __future__ import annotations

from jinja2 import Environment

from .html import make_environment

TEMPLATE = "problems_page.html"


def problems_page(problems: list[str], site_name: str,
                  env: Environment | None = None) -> str:
    """The whole HTML page listing ``problems``, one line each."""
    template = (env or make_environment()).get_template(TEMPLATE)
    return template.render(problems=problems, site_name=site_name)

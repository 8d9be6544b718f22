"""The editor's reference of every macro, read from the registry. Plain Python."""

from __future__ import annotations

from .page import Page
from .registry import REGISTRY, macro


@macro
def macro_reference(page: Page) -> str:
    """This reference: every macro with its parameters and an example, read from the
    macros' own docstrings in macros/render/.

    Example:
        {{ macro_reference() }}
    """
    out = []
    for name, found in REGISTRY.items():
        doc = found.doc
        out.append(f"\n\n### `{name}{doc.signature}` {{#macro-{name}}}\n")
        out.append(page.block("_macro_reference.html", m=doc))
    return "".join(out)

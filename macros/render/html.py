"""The one Jinja environment that turns view-models into HTML. Plain Python, no MkDocs.

Autoescape is on for every partial, undefined variables are errors, and text from the
data is only ever passed in as *values*: it is never compiled as a template, so
``{{ config }}`` in a fact prints as those eleven characters.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

_BLANK_OR_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def make_environment(templates_dir: Path = TEMPLATES_DIR) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(enabled_extensions=("html", "svg"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["md"] = lambda text: Markup(md_text(str(text)))
    env.filters["inline"] = inline_text
    env.filters["code_spans"] = code_spans
    return env


def compact(html: str) -> str:
    """Remove indentation and blank lines so Python-Markdown keeps a block of HTML
    whole (an indented line would become a code block, a blank line ends the block)."""
    return _BLANK_OR_INDENT.sub("\n", html).strip()


def render_partial(env: Environment, name: str, /, **context: Any) -> Markup:
    """Render ``templates/<name>`` with autoescaped values; returns safe markup."""
    return Markup(env.get_template(name).render(**context))


def md_text(text: str) -> str:
    """Text from the data made safe for a Markdown heading: HTML-escaped, and Markdown
    punctuation backslash-escaped so it stays literal."""
    protected = re.sub(r"([\\`*_{}\[\]#!])", r"\\\1", text)
    return str(escape(protected))


_MD_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "[]()*_`\\!~"}


def inline_text(text: object) -> Markup:
    """Text for inline HTML placed in a Markdown paragraph (figure, cite, quote).

    Python-Markdown runs its inline patterns (links, emphasis) *before* it recognises
    inline HTML, even inside attribute values, so ``[x](javascript:…)`` in a title
    attribute would become a live link. HTML-escape, then write every Markdown-active
    character as a numeric entity: the browser shows the same text, Markdown sees none.
    """
    return Markup(str(escape(str(text))).translate(_MD_ENTITIES))


def code_spans(text: str) -> Markup:
    """Escape text, turning `backticked` parts into <code> (for docstrings)."""
    parts = str(text).split("`")
    out = []
    for i, part in enumerate(parts):
        out.append(Markup("<code>%s</code>") % part if i % 2 else escape(part))
    return Markup("").join(out)


def pre_text(text: str) -> Markup:
    """Escaped text for a <pre>, newlines as &#10; so the HTML block stays one line
    (:func:`compact` would otherwise strip the indentation inside it)."""
    return Markup(str(escape(text)).replace("\n", "&#10;"))


class DeferredHTML:
    """The HTML a page's macros hand back, kept out of Python-Markdown.

    Macros run before Markdown. Their output, whole cards and lists, used to go through
    Markdown as raw HTML, which it scans block by block and line by line: most of the
    time spent on a page. In deferred mode a macro hands Markdown a short token instead
    (a number between two private-use characters, which Markdown leaves alone), and
    :meth:`restore` puts the HTML in its place in Markdown's output: a block token that
    Markdown wrapped as a paragraph, ``<p>TOKEN</p>``, becomes the block; an inline token
    the HTML in its line.
    """

    OPEN, CLOSE = "\ue000", "\ue001"
    _BLOCK = re.compile(f"<p>{OPEN}([0-9a-f]+){CLOSE}</p>")
    _INLINE = re.compile(f"{OPEN}([0-9a-f]+){CLOSE}")

    def __init__(self) -> None:
        self._parts: list[str] = []

    def token(self, html: str) -> str:
        self._parts.append(html)
        return f"{self.OPEN}{len(self._parts) - 1:x}{self.CLOSE}"

    def restore(self, text: str) -> str:
        """``text`` (Markdown's HTML) with every token replaced by its HTML."""
        if self.OPEN not in text:
            return text
        text = self._BLOCK.sub(lambda m: self._parts[int(m.group(1), 16)], text)
        return self._INLINE.sub(lambda m: self._parts[int(m.group(1), 16)], text)


def safe_url(url: str | None) -> str:
    """Only http(s) addresses become links: never javascript: or data: from the data."""
    if url and re.match(r"^https?://[^\s\"'<>]+$", url):
        return url
    return ""

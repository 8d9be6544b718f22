"""The plain-Material floor (issue 14): the same pages' visible text, as plain Markdown,
built by plain MkDocs + Material with its search plugin only.

``make_floor(site_dir, config_file, root)`` reads a real build (``site_dir``: every
``index.html`` of it is a page) and writes a fresh MkDocs project under ``root``:

* one Markdown page per built page, at the path MkDocs turns into the same URL
  (``compute/`` → ``compute.md``, ``entities/`` → ``entities/index.md`` when the nav
  names that file, ``zh/facts/<id>/`` → ``zh/facts/<id>.md``);
* its text is the text inside the page's ``<article class="md-content__inner …">``:
  each heading as a Markdown heading (``#`` … ``######``, the page's title being its
  first ``<h1>``), each other block (paragraph, list item, table row, definition, quote,
  code block, chart label…) as one paragraph of text. No HTML, no links, no macros:
  characters Markdown would read as markup are escaped, so the floor's built article
  shows the same words (``article_text`` reads both back; the smoke test compares
  them). Left out: the heading permalinks (``¶``), ``<script>``/``<style>``/
  ``<template>``, SVG ``<title>``/``<desc>`` tooltips and elements marked ``hidden``.
  Text the real search skips (``data-search-exclude``) and collapsed ``<details>`` are
  visible on the page, so they are in;
* ``mkdocs.yml``: the real site's name, ``nav`` (verbatim), ``theme`` (Material with the
  real features, palette, language, icon and fonts setting, but no ``custom_dir``
  overrides and no favicon), ``search`` plugin with the real options, ``strict``, and
  nothing else: no other plugin (no mkdocs-macros, no fact layer, **no
  mkdocs-static-i18n**), no Markdown extension, no extra CSS or JavaScript.

The Chinese pages are plain pages under ``zh/`` of the one build. Without the i18n
plugin they are not a second build with its own translated nav: like the generated fact
and entity pages (and like the real site's pages outside ``nav``), they are pages that
the nav does not list, and every page renders the English nav. Each page thus renders a
nav of the same size as in the real site, the build writes one search index (jieba
segments the Chinese, as Material does whenever jieba is installed) instead of one per
language, and the page count and URLs are the real site's.

Run on its own: ``python bench/floor.py SITE_DIR MKDOCS_YML OUT_DIR``.
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

ARTICLE_CLASS = "md-content__inner"
_BLOCKS = {"address", "article", "aside", "blockquote", "caption", "details", "dd", "div",
           "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header",
           "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
           "tbody", "tfoot", "thead", "tr", "ul"}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_CELLS = {"td", "th"}
_SKIPPED = {"script", "style", "template", "title", "desc", "noscript"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr", "path", "circle", "rect", "line", "polyline",
         "polygon", "ellipse", "use", "stop"}


@dataclass(frozen=True)
class Block:
    level: int  # 1-6: a heading; 0: a paragraph
    text: str  # whitespace collapsed
    search_exclude: bool = False  # inside an element marked data-search-exclude


@dataclass
class _Open:
    tag: str
    skip: bool  # its text is left out
    exclude: bool  # the real site keeps it out of search


class _ArticleReader(HTMLParser):
    """The blocks of text inside the first ``<article class="md-content__inner">``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.found = False
        self._open: list[_Open] = []  # the elements open inside the article, itself first
        self._done = False
        self._buffer: list[str] = []
        self._heading = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        names = dict(attrs)
        classes = (names.get("class") or "").split()
        if not self._open:
            if tag == "article" and ARTICLE_CLASS in classes:
                self._open, self.found = [_Open(tag, False, False)], True
            return
        parent = self._open[-1]
        if tag in _VOID:
            if not parent.skip and tag in ("br", "hr"):
                self._buffer.append(" ")
            return
        skip = parent.skip or tag in _SKIPPED or "hidden" in names or "headerlink" in classes
        if not skip and (tag in _HEADINGS or tag in _BLOCKS):
            self._flush()
        self._open.append(_Open(tag, skip, parent.exclude or "data-search-exclude" in names))
        if skip:
            return
        if tag in _HEADINGS:
            self._heading = _HEADINGS[tag]
        elif tag in _CELLS:
            self._buffer.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:  # <div/> and the like: opened and closed at once
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._done or not self._open:
            return
        at = next((i for i in range(len(self._open) - 1, -1, -1)
                   if self._open[i].tag == tag), None)
        if at is None:  # a stray end tag
            return
        if not self._open[-1].skip:
            if tag in _HEADINGS or tag in _BLOCKS:
                self._flush()
            elif tag in _CELLS:
                self._buffer.append(" ")
        del self._open[at:]  # and any element left open inside it
        if not self._open:  # the end of the page's article
            self._done = True

    def handle_data(self, data: str) -> None:
        if self._open and not self._open[-1].skip:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text:
            self.blocks.append(Block(self._heading, text, self._open[-1].exclude))
        self._heading = 0


def article_blocks(html: str) -> list[Block] | None:
    """The article's blocks of visible text; None if the page has no such article."""
    reader = _ArticleReader()
    reader.feed(html)
    reader.close()
    return reader.blocks if reader.found else None


def article_text(html: str) -> str | None:
    """The article's visible text, whitespace collapsed (to compare two builds)."""
    blocks = article_blocks(html)
    return None if blocks is None else " ".join(b.text for b in blocks)


_INLINE_MARKUP = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"^(?:[#>+\-]|\d+\.)")


def escape(text: str) -> str:
    """Text Python-Markdown prints as it is: no emphasis, code, link, HTML or entity,
    and no list, quote or heading at the start of the line (``\\`` escapes, ``&amp;``
    and ``&lt;``; each paragraph is one line)."""
    text = _INLINE_MARKUP.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    match = _LINE_START.match(text)
    if match:  # "# ", "> ", "- ", "+ " and "1. " start a block: escape their mark
        end = match.end()
        text = text[:end - 1] + "\\" + text[end - 1:]
    return text


def _closing_hashes(heading: str) -> str:
    """A heading's trailing ``#`` are not part of it in Markdown: escape the last one."""
    return heading[:-1] + "\\#" if heading.endswith("#") else heading


def to_markdown(blocks: list[Block], *, search_exclude: bool = True) -> str:
    """A plain Markdown page: headings as ``#`` lines, every other block a paragraph.
    With ``search_exclude``, a block the real site keeps out of search carries
    attr_list's ``{ data-search-exclude }`` (Material's documented way in Markdown)."""
    lines = []
    for b in blocks:
        mark = search_exclude and b.search_exclude
        if b.level:
            line = "#" * b.level + " " + _closing_hashes(escape(b.text))
            lines.append(line + " { data-search-exclude }" if mark else line)
        else:
            text = escape(b.text)
            lines.append(text + "\n{ data-search-exclude }" if mark else text)
    return "\n\n".join(lines) + "\n"


# --------------------------------------------------------------------------- project


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing or rejecting its tags (!ENV, !!python/name)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/",
                                      lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader) or {}


def nav_files(nav: object) -> set[str]:
    """Every Markdown file the nav names."""
    found: set[str] = set()
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            found |= nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= nav_files(value)
    return found


def page_urls(site_dir: Path) -> list[str]:
    """The URL (``""``, ``compute/``, ``zh/facts/<id>/``) of every page of a build:
    every ``index.html`` (404.html is the theme's, not a page)."""
    return sorted("" if p.parent == site_dir else p.parent.relative_to(site_dir).as_posix()
                  + "/" for p in site_dir.rglob("index.html"))


def source_path(url: str, in_nav: set[str]) -> str:
    """The Markdown path MkDocs (``use_directory_urls``) turns into ``url``."""
    if not url:
        return "index.md"
    index = url + "index.md"
    return index if index in in_nav else url.rstrip("/") + ".md"


FLOOR_THEME_KEYS = ("name", "language", "font", "icon", "palette", "features")
SITE_URL = "http://127.0.0.1:8000/"  # the real site's default (its !ENV SITE_URL)


def floor_config(real: dict, *, search_exclude: bool = True) -> dict:
    """The floor's mkdocs.yml: Material and its search plugin only, the real nav; with
    ``search_exclude``, attr_list (the one Markdown extension) for the search marks."""
    theme = real.get("theme") or {"name": "material"}
    if isinstance(theme, str):
        theme = {"name": theme}
    search = next(({"search": dict(entry["search"] or {})} for entry in
                   real.get("plugins") or [] if isinstance(entry, dict) and "search" in entry),
                  "search")
    return {
        "site_name": real.get("site_name") or "floor",
        "site_url": SITE_URL,
        "use_directory_urls": True,
        "strict": True,
        "docs_dir": "docs",
        "nav": real.get("nav"),
        "theme": {key: theme[key] for key in FLOOR_THEME_KEYS if key in theme},
        "plugins": [search],
        "markdown_extensions": ["attr_list"] if search_exclude else [],
    }


@dataclass
class Floor:
    root: Path
    config: Path
    pages: int
    chars: int  # characters of Markdown written, all pages
    search_exclude: bool  # blocks the real search skips are marked so in the floor
    no_article: list[str]  # real pages without the article (written with no text)


def make_floor(site_dir: Path, config_file: Path, root: Path, *,
               search_exclude: bool = True) -> Floor:
    """Write the floor project for the real build in ``site_dir`` (config: the real
    ``mkdocs.yml``) under ``root``, replacing what was there."""
    real = read_config(config_file)
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    in_nav = nav_files(real.get("nav"))
    chars, missing, written = 0, [], set()
    urls = page_urls(site_dir)
    for url in urls:
        html = (site_dir / url / "index.html").read_text("utf-8", "replace")
        blocks = article_blocks(html)
        if blocks is None:
            missing.append(url)
            blocks = []
        src = source_path(url, in_nav)
        if src in written:
            raise ValueError(f"two pages would be written to {src}")
        written.add(src)
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        text = to_markdown(blocks, search_exclude=search_exclude)
        target.write_text(text, "utf-8")
        chars += len(text)
    absent = sorted(in_nav - written)
    if absent:
        raise ValueError(f"the nav names pages the build did not make: {absent}")
    config = root / "mkdocs.yml"
    config.write_text("# The plain-Material floor: written by bench/floor.py, see there.\n"
                      + yaml.safe_dump(floor_config(real, search_exclude=search_exclude), allow_unicode=True,
                                       sort_keys=False), "utf-8")
    return Floor(root, config, len(urls), chars, search_exclude, missing)


def main(argv: list[str]) -> int:
    search_all = "--search-all" in argv
    argv = [a for a in argv if a != "--search-all"]
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    floor = make_floor(Path(argv[0]), Path(argv[1]), Path(argv[2]),
                       search_exclude=not search_all)
    print(f"{floor.pages} pages, {floor.chars:,} characters: {floor.config}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

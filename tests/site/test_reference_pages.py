"""The reference pages and what they add to the others, read back from the built site:
the index of every fact (/facts/), the glossary, a glossary term's first use linked on
every page, and the bottom line at the top of each theme page. Both languages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kit import discover_pages, page_html
from macros.render.glossary import EXCLUDED
from macros.render.labels import THEMES

LANGS = {"en": "", "zh": "zh/"}
THEME_PAGES = ["compute", "capital", "talent", "open-source"]
TERM_LINK = re.compile(r'<a class="rr-term" href="([^"]*)">')


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    return real_site


class _Rows(HTMLParser):
    """The fact index's table: each row's cells as text and each cell's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict] = []
        self.groups: list[tuple[str, str]] = []  # (tbody's theme, heading row's id)
        self._group = ""
        self._row: dict | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tbody":
            self._group = a.get("data-rr-group") or ""
        elif tag == "tr" and "data-kind" in a:
            self._row = {"kind": a["data-kind"], "theme": a["data-theme"],
                         "group": self._group, "cells": [], "links": []}
        elif tag == "th" and a.get("scope") == "rowgroup":
            self.groups.append((self._group, a.get("id") or ""))
        elif tag == "td" and self._row is not None:
            self._cell = []
            self._row["sort"] = self._row.get("sort", []) + [a.get("data-sort")]
        elif tag == "a" and self._row is not None:
            self._row["links"].append(a["href"])

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row["cells"].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None


def _index(site: Path, lang: str) -> _Rows:
    parser = _Rows()
    parser.feed(page_html(site, LANGS[lang] + "facts/"))
    return parser


@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_index_lists_every_fact_once_in_its_theme(site, factbase, lang):
    index = _index(site, lang)
    ids = [row["links"][0].removesuffix("/") for row in index.rows]
    assert ids == list(factbase.facts), "every fact, once, in file (theme) order"
    for row, fact in zip(index.rows, factbase.facts.values(), strict=True):
        assert row["theme"] == row["group"] == fact.theme.value
        assert row["kind"] == fact.kind.value
        statement, kind, theme, source, date = row["cells"]
        assert statement == getattr(fact.statement, lang)
        assert theme == THEMES[lang][fact.theme][0]
        assert source and date, fact.id
        assert row["links"][1].startswith("../sources/#source-" if lang == "en"
                                          else "../sources/#source-"), row["links"]
        assert re.fullmatch(r"\d{8}\d", row["sort"][4] or ""), (fact.id, row["sort"])
    assert index.groups == [(t, f"facts-{t}") for t in THEME_PAGES]


@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_index_is_usable_without_javascript(site, lang):
    """The controls only the script can work start hidden; the jump links reach the
    theme groups; the page is in the navigation and not in the search index's table."""
    html = page_html(site, LANGS[lang] + "facts/")
    controls = re.search(r'<div class="rr-factindex__controls"[^>]*>', html)
    assert controls and " hidden" in controls.group(0)
    assert "<button" not in html.split('class="rr-factindex"', 1)[1].split("</table>")[0]
    for theme in THEME_PAGES:
        assert f'href="#facts-{theme}"' in html and f'id="facts-{theme}"' in html
    assert 'class="md-nav__link md-nav__link--active"' in html
    assert "facts-index.js" in html


def test_the_dates_keep_their_basis(site, factbase):
    index = {row["links"][0].removesuffix("/"): row for row in _index(site, "en").rows}
    inferred = next(f for f in factbase.facts.values()
                    if f.date_basis is not None and f.date_basis.value == "inferred")
    assert index[inferred.id]["cells"][4].endswith("(inferred)")
    bounded = next(f for f in factbase.facts.values() if f.not_after)
    assert "no later than" in index[bounded.id]["cells"][4]
    undated = next(f for f in factbase.facts.values() if not f.date and not f.as_of)
    assert index[undated.id]["cells"][4].startswith(("source dated", "date unknown"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_has_every_term_with_its_facts(site, factbase, lang):
    html = page_html(site, LANGS[lang] + "glossary/")
    for term in factbase.glossary.values():
        assert f'id="term-{term.id}"' in html
        entry = html.split(f'id="term-{term.id}"', 1)[1].split("<h2", 1)[0]
        assert getattr(term.definition, lang).replace("'", "&#39;") in entry
        for fact_id in term.facts:
            assert f'href="../facts/{fact_id}/"' in entry, (term.id, fact_id)
        for note in term.outside:
            assert note.reference.replace("'", "&#39;") in entry
    assert not TERM_LINK.search(html), "the glossary links no first use to itself"


class _Contexts(HTMLParser):
    """Each glossary link with the elements it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.found: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("class") == "rr-term":
            self.found.append((a["href"], list(self.stack)))
        if tag not in ("br", "img", "input", "hr", "meta", "link", "wbr", "source"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


@pytest.mark.parametrize("lang", LANGS)
def test_first_uses_link_to_the_glossary_once_and_only_in_running_text(site, factbase, lang):
    wanted = {"compute": {"export-controls", "training-and-inference", "h20-h200"},
              "open-source": {"superclue", "open-model"}, "capital": {"guidance-fund"}}
    for page in THEME_PAGES + [""]:
        parser = _Contexts()
        parser.feed(page_html(site, LANGS[lang] + (page + "/" if page else "")))
        terms = [href.rsplit("#term-", 1)[1] for href, _ in parser.found]
        assert len(terms) == len(set(terms)), f"/{page}: a term linked twice: {terms}"
        assert set(terms) <= set(factbase.glossary)
        assert wanted.get(page, set()) <= set(terms), (page, lang, terms)
        for href, stack in parser.found:
            assert href.startswith("../glossary/" if page else "glossary/"), href
            inside = set(stack) & EXCLUDED
            assert not inside, f"/{LANGS[lang]}{page}: {href} inside {inside}"


def test_every_page_but_the_glossary_may_link_terms(site):
    """Fact and entity pages get first-use links too; only the glossary has none."""
    pages = discover_pages(site)
    linked = [p for p in pages if TERM_LINK.search(page_html(site, p))]
    assert "glossary/" not in linked and "zh/glossary/" not in linked
    assert any(p.startswith("facts/") and p != "facts/" for p in linked)
    assert any(p.startswith("zh/facts/") for p in linked)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", THEME_PAGES)
def test_each_theme_page_opens_with_a_three_point_bottom_line(site, lang, page):
    html = page_html(site, f"{LANGS[lang]}{page}/")
    body = html.split("<h1", 1)[1]
    block = re.search(r'<div class="admonition bottom-line">(.*?)</div>', body, re.S)
    assert block, f"/{LANGS[lang]}{page}: no bottom line"
    assert body.index('class="admonition bottom-line"') < body.index("<h2"), "at the top"
    points = re.findall(r"<li>(.*?)</li>", block.group(1), re.S)
    assert len(points) == 3
    for point in points:
        assert re.search(r'class="rr-(?:cite|figure)[^"]*"[^>]* href="#fact-', point), point
        assert "<strong>" in point

"""Every built fact page's citation, as a reader pastes it, in both languages.

BibTeX: each page's block parsed by pybtex and formatted with the classic ``plain``
style; all of a language's blocks pasted into one file with downloads/sources.bib (no
key twice); facts.bib and sources.bib read back. CSL-JSON: every page's items rendered
with citeproc-py in APA and Chicago author-date (tests/kit/cite.py) and read for what a
careful person would object to. Plain text: in the page's language.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from kit.cite import CSL_STYLES, bib_problems, csl_problems, parse_bib, render_csl
from macros.render import citations
from macros.render.citations import fact_key, source_key

BLOCK = {k: re.compile(rf'<pre class="rr-citebox__{k}"><code>(.*?)</code></pre>', re.S)
         for k in ("text", "bibtex", "csl")}
LANGS = {"en": "", "zh": "zh/"}


@pytest.fixture(scope="module")
def cites(real_site: Path, factbase) -> dict[str, dict[str, dict[str, str]]]:
    """lang -> fact id -> {'text', 'bibtex', 'csl'} as each built page shows them."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for lang, prefix in LANGS.items():
        out[lang] = {}
        for fact_id in factbase.facts:
            page = (real_site / prefix / "facts" / fact_id / "index.html").read_text("utf-8")
            found = {k: rx.findall(page) for k, rx in BLOCK.items()}
            assert all(len(v) == 1 for v in found.values()), (lang, fact_id)
            out[lang][fact_id] = {k: html.unescape(v[0]) for k, v in found.items()}
    return out


@pytest.fixture(scope="module")
def downloads(real_site: Path) -> dict[str, str]:
    return {name: (real_site / "downloads" / name).read_text("utf-8")
            for name in (citations.SOURCES_BIB, citations.FACTS_BIB)}


def _statements(fact, lang: str) -> tuple[str, str]:
    en, zh = (citations.title_text(fact.statement.en),
              citations.title_text(fact.statement.zh))
    return (en, zh) if lang == "en" else (zh, en)


@pytest.mark.parametrize("lang", list(LANGS))
def test_every_fact_page_bibtex_parses_and_formats_in_plain(cites, downloads, factbase, lang):
    sources_bib = downloads[citations.SOURCES_BIB]
    problems = {}
    for fact_id, cite in cites[lang].items():
        found = bib_problems(cite["bibtex"])  # parsed, and formatted in plain
        bib = parse_bib(cite["bibtex"]) if not found else None
        if bib is not None and list(bib.entries) != [fact_key(fact_id)]:
            found.append(f"entries {list(bib.entries)}: the page should hold its fact's only")
        if found:
            problems[fact_id] = found
    assert problems == {}
    # Every page of the language pasted into one file with sources.bib: one valid file.
    whole = "\n\n".join(c["bibtex"] for c in cites[lang].values()) + "\n\n" + sources_bib
    assert bib_problems(whole) == []
    bib = parse_bib(whole)
    assert len(bib.entries) == len(factbase.facts) + len(factbase.sources)
    for fact in factbase.facts.values():
        assert bib.entries[fact_key(fact.id)].fields["related"] == source_key(fact.source)


def test_two_pages_and_sources_bib_paste_into_one_file(cites, downloads, factbase):
    """The careful user's paste: two pages (of two articles), then sources.bib once."""
    first = next(iter(factbase.facts.values()))
    other = next(f for f in factbase.facts.values() if f.source != first.source)
    whole = "\n\n".join([cites["en"][first.id]["bibtex"], cites["zh"][other.id]["bibtex"],
                         downloads[citations.SOURCES_BIB]])
    assert bib_problems(whole) == []
    assert {fact_key(first.id), fact_key(other.id)} <= set(parse_bib(whole).entries)


def test_bib_downloads_hold_every_entry_once(cites, downloads, factbase, real_site):
    sources_bib, facts_bib = downloads[citations.SOURCES_BIB], downloads[citations.FACTS_BIB]
    assert bib_problems(sources_bib) == []
    assert bib_problems(facts_bib, sources_bib=sources_bib) == []
    assert list(parse_bib(sources_bib).entries) == [source_key(s) for s in factbase.sources]
    assert list(parse_bib(facts_bib).entries) == [fact_key(f) for f in factbase.facts]
    # facts.bib holds each English page's entry as the page shows it.
    for fact_id, cite in cites["en"].items():
        entry = cite["bibtex"][cite["bibtex"].index("@misc{"):]
        assert entry in facts_bib, fact_id
    downloads_page = (real_site / "downloads" / "index.html").read_text("utf-8")
    for name in (citations.SOURCES_BIB, citations.FACTS_BIB):
        assert f'href="{name}"' in downloads_page


@pytest.mark.parametrize("lang", list(LANGS))
def test_every_fact_page_csl_renders_in_apa_and_chicago(cites, factbase, lang):
    pages = {fact_id: json.loads(c["csl"]) for fact_id, c in cites[lang].items()}
    items: dict[str, dict] = {}
    for fact_id, page_items in pages.items():
        for item in page_items:
            # An article's item is the same on every page that cites it.
            assert items.setdefault(item["id"], item) == item, (fact_id, item["id"])
    # One bibliography per style with every page's items (each rendered once).
    rendered = {style: render_csl(list(items.values()), style, lang) for style in CSL_STYLES}
    problems = {}
    for fact_id, page_items in pages.items():
        fact = factbase.facts[fact_id]
        ours, other = _statements(fact, lang)
        found = csl_problems(page_items, lang, statement=ours, avoid=[other],
                             rendered=rendered)
        if not page_items[0]["URL"].endswith(f"/{LANGS[lang]}facts/{fact_id}/"):
            found.append(f"URL {page_items[0]['URL']}")
        if found:
            problems[fact_id] = found
    assert problems == {}
    assert len(pages) == len(factbase.facts)


@pytest.mark.parametrize("lang", list(LANGS))
def test_plain_text_is_in_the_page_language(cites, factbase, lang):
    for fact_id, cite in cites[lang].items():
        fact = factbase.facts[fact_id]
        ours, other = _statements(fact, lang)
        text = cite["text"]
        assert ours in text and other not in text, fact_id
        assert "src-" not in text and ".." not in re.sub(r"https?://\S+", "", text)
        assert f"{LANGS[lang]}facts/{fact_id}/" in text

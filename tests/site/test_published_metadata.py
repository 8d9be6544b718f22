"""What the real site publishes for other tools, read back from the session's build
(made with SITE_URL = kit.TEST_SITE_URL): every absolute URL from the site URL, feeds
in both languages with autodiscovery links, JSON-LD in each page's language with one
type per entity, and sitemap dates from the data."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import feedparser
import pytest

from kit import ROOT, TEST_SITE_URL, discover_pages, page_html
from kit.linkeddata import atom_problems, jsonld_blocks, type_conflicts
from macros.evidence import dates
from macros.render import feed
from macros.render.labels import LANG_TAG

URL = re.compile(r"https?://([A-Za-z0-9.\-]+)")
TEXT_SUFFIXES = {".html", ".xml", ".json", ".csv", ".bib", ".md", ".txt", ".js", ".css"}
PLACEHOLDERS = ("example.github.io", "example.org", "example.com")
# XML/RDF namespaces, the schema.org vocabulary and our licence: names, not requests.
STANDARD_HOSTS = {"www.w3.org", "www.sitemaps.org", "schema.org", "creativecommons.org"}


def _text_files(site: Path):
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            yield path, path.read_text("utf-8", "replace")


def _hosts_we_write() -> set[str]:
    """Hosts in our own sources: the data (articles' and references' URLs) and pages."""
    hosts: set[str] = set()
    for folder, pattern in ((ROOT / "data", "*.yaml"), (ROOT / "docs", "*.md")):
        for path in folder.rglob(pattern):
            hosts |= set(URL.findall(path.read_text("utf-8")))
    return hosts - set(PLACEHOLDERS)


def test_every_absolute_url_derives_from_the_site_url(real_site):
    ours = urlsplit(TEST_SITE_URL).hostname
    allowed = {ours} | STANDARD_HOSTS | _hosts_we_write()
    placeholders, strangers = [], []
    for path, text in _text_files(real_site):
        rel = path.relative_to(real_site).as_posix()
        placeholders += [f"{rel}: {p}" for p in PLACEHOLDERS if p in text]
        if rel.startswith("assets/"):
            continue  # the theme's own scripts and styles name their projects' sites
        strangers += [f"{rel}: {h}" for h in set(URL.findall(text)) - allowed]
    assert not placeholders, placeholders[:10]
    assert not strangers, strangers[:10]
    home = page_html(real_site, "")
    assert f'<link rel="canonical" href="{TEST_SITE_URL}">' in home
    sitemap = (real_site / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{TEST_SITE_URL}facts/" in sitemap and f"<loc>{TEST_SITE_URL}zh/" in sitemap


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_language_has_a_complete_feed(real_site, factbase, lang):
    path = real_site / feed.feed_path(lang)
    xml = path.read_bytes()
    assert atom_problems(xml) == []
    parsed = feedparser.parse(xml)
    assert not parsed.bozo and parsed.feed.title_detail.language == LANG_TAG[lang]
    assert len(parsed.entries) == len(feed.changes(factbase))
    prefix = f"{TEST_SITE_URL}{'zh/' if lang == 'zh' else ''}facts/"
    assert all(e.link.startswith(prefix) for e in parsed.entries)
    for entry in parsed.entries:  # every entry links to a page the build made
        assert (real_site / entry.link[len(TEST_SITE_URL):] / "index.html").is_file()


_FEED_LINK = re.compile(r'<link rel="alternate feed" type="application/atom\+xml" '
                        r'title="[^"]+" href="([^"]+)">')


def test_every_page_links_to_its_language_feed(real_site):
    missing, wrong = [], []
    for page in discover_pages(real_site):
        found = _FEED_LINK.findall(page_html(real_site, page))
        if len(found) != 1:
            missing.append(page)
            continue
        lang = "zh" if page.startswith("zh/") else "en"
        target = urljoin(f"https://x/{page}", found[0])
        if target != f"https://x/{feed.feed_path(lang)}":
            wrong.append((page, found[0]))
    assert not missing, missing[:10]
    assert not wrong, wrong[:10]


def test_jsonld_is_in_the_page_language_with_one_type_per_entity(real_site):
    documents, wrong_language, counted = [], [], {"fact": 0, "theme": 0, "claims": 0}
    for page in discover_pages(real_site):
        html = page_html(real_site, page)
        lang = re.search(r'<html lang="([^"]+)"', html).group(1)
        for block in jsonld_blocks(html):
            documents.append(block)
            if block.get("inLanguage") not in (LANG_TAG.get(lang), [*LANG_TAG.values()]):
                wrong_language.append((page, block.get("@type"), block.get("inLanguage")))
            kind = {"Claim": "fact", "Article": "theme", "ItemList": "claims"}.get(
                block["@type"])
            if kind:
                counted[kind] += 1
    assert not wrong_language, wrong_language[:10]
    assert type_conflicts(documents) == {}
    assert counted["theme"] == 8 and counted["claims"] == 2 and counted["fact"] > 400


def test_zh_fact_pages_carry_chinese_jsonld(real_site, factbase):
    fact = next(iter(factbase.facts.values()))
    (block,) = jsonld_blocks(page_html(real_site, f"zh/facts/{fact.id}/"))
    assert block["name"] == fact.statement.zh and block["inLanguage"] == "zh-Hans"


def test_sitemap_dates_come_from_the_data(real_site, factbase):
    """A fact page's date is the newest change among the facts it shows (never the
    build clock); a page that shows nothing from the data has none."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(real_site / "sitemap.xml").getroot()
    lastmod = {u.findtext("s:loc", namespaces=ns)[len(TEST_SITE_URL):]:
               u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)}
    known = {d for f in factbase.facts.values() for d in (f.added, f.updated) if d}
    known |= {r.retired for r in factbase.retired.values()}
    assert {d for d in lastmod.values() if d} <= known
    for fact in factbase.facts.values():
        shown = [fact] + [f for f in factbase.by_measure.get(fact.measure, [])] \
            if fact.measure else [fact]
        newest = max((f.updated or f.added for f in shown), key=dates.sort_key)
        assert lastmod[f"facts/{fact.id}/"] == newest, fact.id
    assert lastmod["editing/"] is None

"""End to end: a strict build of the real site, read back.

Fact and entity pages exist for every fact and entity, the downloads read back into the
same facts as the YAML, JSON-LD parses with its required properties, the Atom feed
parses, and generated pages stay out of the navigation but in the search index.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from kit import page_html, parse_html

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    return real_site


def _html(site: Path, page: str) -> str:
    return page_html(site, page + "/" if page else "")


def test_a_page_per_fact_with_claim_jsonld(site, factbase):
    for fact in factbase.facts.values():
        html = _html(site, f"facts/{fact.id}")
        assert f'id="fact-{fact.id}"' in html
        (block,) = JSONLD.findall(html)
        data = json.loads(block)
        assert data["@type"] == "Claim" and data["@context"] == "https://schema.org"
        assert data["url"].endswith(f"/facts/{fact.id}/")
        source = factbase.sources[fact.source]
        assert data["appearance"]["headline"] == source.title_original
        assert data["isBasedOn"] == {"@id": data["appearance"]["@id"]}
        assert "@misc{" in html and "downloads/sources.bib" in html  # cite this


def test_theme_cards_link_to_permalinks(site, factbase):
    for fact in factbase.facts.values():
        html = _html(site, fact.theme.value)
        assert f'href="../facts/{fact.id}/"' in html, fact.id


def test_entity_pages_and_index(site, factbase):
    index = _html(site, "entities")
    for entity_id in factbase.entities:
        assert f'href="{entity_id}/"' in index
        html = _html(site, f"entities/{entity_id}")
        for fact in factbase.by_entity.get(entity_id, []):
            assert f'href="../../facts/{fact.id}/"' in html


def test_downloads_read_back(site, factbase):
    from macros.render.exports import facts_from_csv, facts_from_json

    d = site / "downloads"
    facts = [f.model_dump() for f in factbase.facts.values()]
    assert [f.model_dump() for f in facts_from_json((d / "facts.json").read_text("utf-8"))] \
        == facts
    assert [f.model_dump() for f in facts_from_csv((d / "facts.csv").read_text("utf-8"))] \
        == facts
    sources = json.loads((d / "sources.json").read_text("utf-8"))["sources"]
    assert [s["id"] for s in sources] == list(factbase.sources)
    entities = json.loads((d / "entities.json").read_text("utf-8"))["entities"]
    assert [e["id"] for e in entities] == list(factbase.entities)
    for measure_id, mfacts in factbase.by_measure.items():
        rows = list(csv.DictReader(io.StringIO(
            (d / "measures" / f"{measure_id}.csv").read_text("utf-8"))))
        assert [r["fact"] for r in rows] == [f.id for f in mfacts]


def test_downloads_page(site, factbase):
    html = _html(site, "downloads")
    links = {url for _, url in parse_html(html).links}
    for name in ("facts.csv", "facts.json", "sources.json", "entities.json"):
        assert name in links
        assert (site / "downloads" / name).is_file()
    (block,) = JSONLD.findall(html)
    data = json.loads(block)
    assert data["@type"] == "Dataset"
    for key in ("name", "description", "license", "distribution", "url"):
        assert data[key]
    assert f">{len(factbase.facts)}<" in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_downloads_page_links_every_chart_and_its_files(site, factbase, lang):
    """Each chart's row leads to the chart on the page that shows it, and to files the
    build wrote: its CSV, and its SVG in the page's language when it is drawn."""
    from macros.render.chart_files import has_svg

    here = f"{'zh/' if lang == 'zh' else ''}downloads/"
    table = re.search(r'<table class="rr-table rr-downloads__charts">(.*?)</table>',
                      _html(site, here.rstrip("/")), re.S)
    assert table
    rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)"[^>]*>.*?</a></th>'
                      r"<td>(.*?)</td></tr>", table.group(1))
    assert len(rows) == len(factbase.charts)
    for chart, (href, cell) in zip(factbase.charts.values(), rows, strict=True):
        target = posixpath.normpath(posixpath.join(here, href))
        page, anchor = target.split("#")
        page = page.rstrip("/")
        assert anchor == f"chart-{chart.id}"
        assert f'id="{anchor}"' in page_html(site, f"{page}/" if page else ""), target
        files = [posixpath.normpath(posixpath.join(here, h))
                 for h in re.findall(r'href="([^"]+)"', cell)]
        assert files == [f"charts/{chart.id}.csv"] + (
            [f"charts/{chart.id}.{lang}.svg"] if has_svg(chart) else []), chart.id
        assert all((site / f).is_file() for f in files), files


def test_changes_and_feed(site, factbase):
    root = ET.fromstring((site / "changes.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    entries = root.findall("a:entry", ns)
    assert entries and all(e.find("a:updated", ns).text for e in entries)
    html = _html(site, "changes")
    assert 'href="../changes.xml"' in html


def test_generated_pages_out_of_nav_but_searchable(site, factbase):
    home = _html(site, "")
    # The indexes of facts and entities are in the navigation, no fact's own page (the
    # evidence previews in the page's prose do link to facts' permalinks).
    home = re.sub(r'<span class="rr-pop\b.*?</span>', "", home, flags=re.S)
    assert not re.search(r'href="facts/[^"#]+/"', home), "a fact page in the navigation"
    assert 'href="facts/"' in home and 'href="entities/"' in home
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    some = next(iter(factbase.facts))
    assert f"facts/{some}/" in locations


def test_stale_facts_are_marked(site, factbase):
    from kit import source_date_epoch
    from macros.evidence.freshness import Freshness

    # The real config sets no freshness_date: the build judges by SOURCE_DATE_EPOCH.
    fresh = Freshness.from_settings(environ={"SOURCE_DATE_EPOCH": source_date_epoch()})
    for theme, facts in factbase.by_theme.items():
        html = _html(site, theme)
        stale = [f for f in facts
                 if (v := fresh.judge(f, factbase.sources[f.source])) and v.shown]
        assert html.count('class="rr-stale"') == len(stale), theme

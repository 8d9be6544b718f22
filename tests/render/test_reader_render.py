"""The reader macros render from the mini fixture (no MkDocs)."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from urllib.parse import urljoin

import pytest

from macros.render import PageContext, Site, generated_pages


def _jsonld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_fact_page(render, mini_factbase):
    fact = mini_factbase.facts["china-ai-compute-share-2025"]
    html = render("fact_page", fact.id, url=f"facts/{fact.id}/")
    for text in ("China had about 15%", "2025年年中", "截至2025年6月", "Our translation",
                 "News report", "1 Jul 2025", "Describes", "Jun 2025", "Cite this",
                 "@misc{", "downloads/sources.bib", "May be out of date", 'href="../../entities/china/"',
                 'href="../../compute/#fact-china-ai-compute-share-2025"'):
        assert text in html, text
    (claim,) = _jsonld(html)
    assert claim["@type"] == "Claim" and claim["url"].endswith(f"/facts/{fact.id}/")
    assert claim["appearance"]["url"] == mini_factbase.sources[fact.source].url
    assert "\n\n" not in html.strip()  # one HTML block for Markdown


def test_related_facts_on_the_same_measure(mini_site_model, mini_factbase):
    a = mini_factbase.facts["china-ai-compute-share-2025"]
    b = a.model_copy(update={"id": "china-ai-compute-share-2024", "as_of": "2024"})
    fb = type(mini_factbase)(**{f.name: getattr(mini_factbase, f.name) for f in
                                dataclasses.fields(mini_factbase) if f.init}
                             | {"facts": {**mini_factbase.facts, b.id: b}})
    site = Site(fb, mini_site_model.options)
    html = site.call(PageContext(f"facts/{a.id}/"), "fact_page", [a.id])
    assert f'href="../{b.id}/"' in html and "(2024)" in html


def test_entity_page_and_index(render, mini_factbase):
    for entity_id in mini_factbase.entities:
        html = render("entity_page", entity_id, url=f"entities/{entity_id}/")
        for fact in mini_factbase.by_entity.get(entity_id, []):
            assert f'href="../../facts/{fact.id}/"' in html
            assert f"#source-{fact.source}" in html
    index = render("entity_index", url="entities/")
    for entity_id in mini_factbase.entities:
        assert f'href="{entity_id}/"' in index


def test_downloads_page(render, mini_factbase):
    html = render("downloads", url="downloads/")
    for name in ("facts.csv", "facts.json", "sources.json", "entities.json"):
        assert f'href="{name}"' in html
    (data,) = _jsonld(html)
    assert data["@type"] == "Dataset" and data["license"].startswith("https://creativecommons")
    assert {d["contentUrl"].rsplit("/downloads/", 1)[1] for d in data["distribution"]} >= {
        "facts.csv", "facts.json", "sources.json", "entities.json"}
    assert render("download_count", "facts.csv") == str(len(mini_factbase.facts))


def _table(page: str, name: str) -> str:
    """The rows of the downloads page's tables of a kind (files, measures, charts,
    dictionary), one after the other."""
    found = re.findall(rf'<table class="rr-table rr-downloads__{name}">(.*?)</table>', page,
                       re.S)
    assert found, name
    return "".join(found)


def test_the_chinese_downloads_page_says_what_each_file_and_column_holds_in_chinese(
        render, mini_factbase):
    from macros.render import exports

    page = render("downloads", url="zh/downloads/", lang="zh")
    assert 'lang="en"' not in page  # no English cell marked as such
    for name in ("files", "measures", "dictionary"):
        for cell in re.findall(r"<td>(.*?)</td>", _table(page, name)):
            if cell != "—" and not cell.isdigit() and not cell.startswith("<code>"):
                assert re.search(r"[\u4e00-\u9fff]", cell), cell
    files = exports.downloads(mini_factbase, "Mini", "https://example.org/mini/")
    cells = {html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", page)}
    for text in ([d.description.zh for d in files]
                 + [c.description.zh for _, _, columns in exports.DICTIONARY for c in columns]
                 + [c.type_label.zh for _, _, columns in exports.DICTIONARY for c in columns]):
        assert text in cells, text
    english = {html.unescape(c) for c in re.findall(r"<td>(.*?)</td>",
                                                   render("downloads", url="downloads/"))}
    assert {d.description.en for d in files} <= english


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_downloads_page_lists_every_charts_files(render, mini_site_model, lang):
    from macros.render import links
    from macros.render.chart_files import chart_home, has_svg
    from macros.render.generated import generated_files

    fb = mini_site_model.fb
    url = f"{links.lang_prefix(lang)}downloads/"
    base = "https://site.example/"
    page = render("downloads", url=url, lang=lang)
    rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)" target="_self">(.*?)</a></th>'
                      r"<td>(.*?)</td></tr>", _table(page, "charts"))
    assert [html.unescape(title) for _, title, _ in rows] == [
        getattr(c.finding, lang) for c in fb.charts.values()]
    made = generated_files(fb, mini_site_model.options)
    for chart, (href, _, cell) in zip(fb.charts.values(), rows, strict=True):
        home = chart_home(fb, chart, lang)
        assert urljoin(base + url, href) == base + home
        home_page, anchor = home.split("#")
        assert f'id="{anchor}"' in render("chart", chart.id, url=home_page, lang=lang)
        files = [urljoin(base + url, h).removeprefix(base)
                 for h in re.findall(r'href="([^"]+)"', cell)]
        assert files == [links.chart_file_url(chart.id, "csv")] + (
            [links.chart_file_url(chart.id, f"{lang}.svg")] if has_svg(chart) else [])
        assert set(files) <= set(made)


def test_changes(render, mini_factbase):
    html = render("changes", url="changes/")
    assert 'href="../changes.xml"' in html
    for fact_id in mini_factbase.facts:
        assert f'href="../facts/{fact_id}/"' in html


def test_generated_pages_only_call_macros(mini_factbase):
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        pages = generated_pages(mini_factbase, lang)
        assert len(pages) == (len(mini_factbase.facts) + len(mini_factbase.retired)
                              + len(mini_factbase.entities))
        for page in pages:
            assert page.src_uri.startswith((prefix + "facts/", prefix + "entities/"))
            assert re.fullmatch(r"\{\{ \w+\(('[a-z0-9-]+')?\) \}\}\n", page.markdown)
            assert page.title and page.lang == lang
        retired = [p for p in pages if "retired_page" in p.markdown]
        assert [p.src_uri for p in retired] == [f"{prefix}facts/{i}.md" for i in
                                                mini_factbase.retired]

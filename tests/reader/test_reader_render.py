"""The reader macros render from the mini fixture (no MkDocs)."""

from __future__ import annotations

import json
import re


def _jsonld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_fact_page(renderer, mini_fb):
    fact = mini_fb.facts["china-ai-compute-share-2025"]
    html = renderer(f"facts/{fact.id}/").fact_page(fact.id)
    for text in ("China had about 15%", "2025年年中", "截至2025年6月", "Our translation",
                 "News report", "1 Jul 2025", "Describes", "Jun 2025", "Cite this",
                 "@misc{", "@article{", "May be out of date", 'href="../../entities/china/"',
                 'href="../../compute/#fact-china-ai-compute-share-2025"'):
        assert text in html, text
    (claim,) = _jsonld(html)
    assert claim["@type"] == "Claim" and claim["url"].endswith(f"/facts/{fact.id}/")
    assert claim["appearance"]["url"] == mini_fb.sources[fact.source].url
    assert "\n\n" not in html.strip()  # one HTML block for Markdown


def test_related_facts_on_the_same_measure(renderer, mini_fb):
    import dataclasses

    a = mini_fb.facts["china-ai-compute-share-2025"]
    b = a.model_copy(update={"id": "china-ai-compute-share-2024", "as_of": "2024"})
    facts = {**mini_fb.facts, b.id: b}
    fb = type(mini_fb)(**{f.name: getattr(mini_fb, f.name) for f in
                          dataclasses.fields(mini_fb) if f.init} | {"facts": facts})
    page = renderer(f"facts/{a.id}/")
    page.fb = fb
    html = page.fact_page(a.id)
    assert f'href="../{b.id}/"' in html and "(2024)" in html


def test_entity_page_and_index(renderer, mini_fb):
    for entity_id in mini_fb.entities:
        html = renderer(f"entities/{entity_id}/").entity_page(entity_id)
        for fact in mini_fb.by_entity.get(entity_id, []):
            assert f'href="../../facts/{fact.id}/"' in html
            assert f"#source-{fact.source}" in html
    index = renderer("entities/").entity_index()
    for entity_id in mini_fb.entities:
        assert f'href="{entity_id}/"' in index


def test_downloads_page(renderer, mini_fb):
    html = renderer("downloads/").downloads()
    for name in ("facts.csv", "facts.json", "sources.json", "entities.json"):
        assert f'href="{name}"' in html
    (data,) = _jsonld(html)
    assert data["@type"] == "Dataset" and data["license"].startswith("https://creativecommons")
    assert {d["contentUrl"].rsplit("/downloads/", 1)[1] for d in data["distribution"]} >= {
        "facts.csv", "facts.json", "sources.json", "entities.json"}
    assert renderer("downloads/").download_count("facts.csv") == str(len(mini_fb.facts))


def test_changes(renderer, mini_fb):
    html = renderer("changes/").changes()
    assert 'href="../changes.xml"' in html
    for fact_id in mini_fb.facts:
        assert f'href="../facts/{fact_id}/"' in html


def test_generated_pages_only_call_macros(mini_fb):
    from macros.render.reader import generated_pages

    pages = generated_pages(mini_fb)
    assert len(pages) == len(mini_fb.facts) + len(mini_fb.entities)
    for text in pages.values():
        assert re.fullmatch(r"\{\{ \w+\(('[a-z0-9-]+')?\) \}\}\n", text)

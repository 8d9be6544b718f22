"""JSON-LD and the Atom feed, from the data alone (the citations: test_citations.py)."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from macros.render import feed, jsonld
from macros.render.feed import ATOM


def test_jsonld_script_cannot_be_closed():
    out = str(jsonld.script({"t": "</script><script>alert(1)</script> & <!--"}))
    body = out[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["t"] == "</script><script>alert(1)</script> & <!--"


def test_claim_jsonld(factbase):
    for fact in factbase.facts.values():
        source = factbase.sources[fact.source]
        data = jsonld.claim(fact, source, "https://e/f/", "S", "https://e/")
        assert data["@type"] == "Claim" and data["@context"] == "https://schema.org"
        for key in ("appearance", "isBasedOn"):
            assert data[key]["headline"] == source.title_original
            assert data[key]["@type"] in ("NewsArticle", "Article")
        if source.url:
            assert data["isBasedOn"]["url"] == source.url


def test_feed_entries_come_from_the_data(mini_factbase):
    xml = feed.atom(mini_factbase, "Mini & co", "https://example.org/mini/")
    root = ET.fromstring(xml)
    ns = {"a": ATOM}
    entries = root.findall("a:entry", ns)
    expected = sum(1 + bool(f.updated) for f in mini_factbase.facts.values())
    assert len(entries) == expected
    links = {e.find("a:link", ns).get("href") for e in entries}
    assert links == {f"https://example.org/mini/facts/{i}/" for i in mini_factbase.facts}
    newest = max(f.updated or f.added for f in mini_factbase.facts.values())
    assert root.find("a:updated", ns).text.startswith(newest[:10])
    assert feed.atom(mini_factbase, "Mini & co", "https://example.org/mini/") == xml

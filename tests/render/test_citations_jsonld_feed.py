"""Cite-this blocks, JSON-LD and the Atom feed, from the data alone."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from macros.render import citations, feed, jsonld
from macros.render.feed import ATOM


def _balanced(text: str) -> bool:
    depth = 0
    for i, ch in enumerate(text):
        if ch in "{}" and (i == 0 or text[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            if depth < 0:
                return False
    return depth == 0


def test_citation_names_our_page_and_the_article(factbase):
    for fact in factbase.facts.values():
        source = factbase.sources[fact.source]
        url = f"https://example.org/facts/{fact.id}/"
        c = citations.citation(fact, source, url, "Race & Reliance")
        assert url in c["text"] and source.title_original in c["text"]
        assert c["bibtex"].count("@") == 2 and _balanced(c["bibtex"]), fact.id
        csl = json.loads(c["csl"])
        assert csl[0]["URL"] == url and csl[1]["title"] == source.title_original
        if source.url:
            assert csl[1]["URL"] == source.url


def test_bibtex_escapes_specials(mini_factbase):
    fact = next(iter(mini_factbase.facts.values()))
    hostile = fact.model_copy(update={"statement": fact.statement.model_copy(
        update={"en": "50% of {chips} & $5 _x_ #1 \\end"})})
    c = citations.citation(hostile, mini_factbase.sources[fact.source], "https://e/", "S")
    assert _balanced(c["bibtex"]) and r"50\% of \{chips\} \& \$5 \_x\_ \#1" in c["bibtex"]


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

"""Cite-this blocks, from the data alone (JSON-LD: test_jsonld.py; feeds: test_feed.py)."""

from __future__ import annotations

import json

from macros.render import citations


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

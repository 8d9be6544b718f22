"""JSON-LD from the data alone: in the page's language, one type per entity, theme
pages as articles, the claims page as a list, a complete Dataset."""

from __future__ import annotations

import json

import pytest

from kit.linkeddata import nodes, type_conflicts
from macros.evidence.model import FactKind, Theme
from macros.render import jsonld
from macros.render.labels import LANG_TAG, LANGS
from macros.render.page import SiteOptions

OPTIONS = SiteOptions("Mini", "https://example.org/mini/")


def every_document(fb) -> list:
    """The JSON-LD of every page that carries some, in both languages."""
    docs = []
    views = [f for f in fb.facts.values()
             if f.kind in (FactKind.claim, FactKind.forecast, FactKind.opinion)]
    for lang in LANGS:
        docs += [jsonld.claim(f, fb, OPTIONS, lang) for f in fb.facts.values()]
        docs += [jsonld.theme_article(t, fb, OPTIONS, lang) for t in Theme]
        docs.append(jsonld.claims_list(views, OPTIONS, lang))
        docs.append(jsonld.dataset(fb, OPTIONS, lang, "Mini", "d", [], ["k"]))
    return docs


def test_script_cannot_be_closed():
    out = str(jsonld.script({"t": "</script><script>alert(1)</script> & <!--"}))
    body = out[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["t"] == "</script><script>alert(1)</script> & <!--"


@pytest.mark.parametrize("lang", LANGS)
def test_claim_is_in_the_page_language(mini_factbase, lang):
    for fact in mini_factbase.facts.values():
        data = jsonld.claim(fact, mini_factbase, OPTIONS, lang)
        statement = getattr(fact.statement, lang)
        assert (data["name"], data["text"], data["inLanguage"]) == (
            statement, statement, LANG_TAG[lang])
        assert data["@id"].endswith(("zh/" if lang == "zh" else "") + f"facts/{fact.id}/")
        source = mini_factbase.sources[fact.source]
        assert data["appearance"]["headline"] == source.title_original
        assert data["isBasedOn"] == {"@id": data["appearance"]["@id"]}
        if fact.speaker:
            speaker = mini_factbase.entities[fact.speaker]
            assert data["author"]["name"] == getattr(speaker.name, lang)
            assert data["author"]["@type"] == jsonld.SCHEMA_TYPE[speaker.kind]


@pytest.mark.parametrize("data", ["mini_factbase", "factbase"])
def test_one_type_per_entity_everywhere(request, data):
    fb = request.getfixturevalue(data)
    assert type_conflicts(every_document(fb)) == {}


def test_type_conflicts_are_found():
    """The check above would see an entity typed two ways (the defect it guards)."""
    person = {"@id": "https://e/entities/x/", "@type": "Person", "name": "X"}
    docs = [{"@type": "Claim", "author": person},
            {"@type": "Article", "author": [{**person, "@type": "Organization"}]}]
    assert type_conflicts(docs) == {"https://e/entities/x/": {"Person", "Organization"}}


def test_every_entity_kind_has_one_type():
    from macros.evidence.model import EntityKind
    assert set(jsonld.SCHEMA_TYPE) == set(EntityKind)


@pytest.mark.parametrize("lang", LANGS)
def test_theme_article_names_its_subject_and_cites_its_sources(mini_factbase, lang):
    for theme in Theme:
        data = jsonld.theme_article(theme, mini_factbase, OPTIONS, lang, "T", "D")
        facts = mini_factbase.by_theme.get(theme.value, [])
        assert data["@type"] == "Article" and data["inLanguage"] == LANG_TAG[lang]
        assert (data["headline"], data["description"]) == ("T", "D")
        assert data["about"][0]["@type"] == "Thing"
        cited = {a["headline"] for a in data["citation"]}
        assert cited == {mini_factbase.sources[f.source].title_original for f in facts}
        about = [node["@id"].removeprefix(OPTIONS.absolute("entities/")).rstrip("/")
                 for node in data["about"][1:]]
        assert about and all(any(e in f.entities for f in facts) for e in about)


@pytest.mark.parametrize("lang", LANGS)
def test_claims_list_lists_each_view(mini_factbase, lang):
    """The claims page is a summary page: an ItemList of the facts' own pages, in the
    page's order, each of which describes its fact in full as a Claim."""
    views = [f for f in mini_factbase.facts.values()
             if f.kind in (FactKind.claim, FactKind.forecast, FactKind.opinion)]
    data = jsonld.claims_list(views, OPTIONS, lang, "谁说了什么")
    assert data["@type"] == "ItemList" and data["numberOfItems"] == len(views)
    assert data["inLanguage"] == LANG_TAG[lang] and data["name"] == "谁说了什么"
    assert data["@id"] == OPTIONS.absolute(("zh/" if lang == "zh" else "") + "claims/")
    items = data["itemListElement"]
    assert [i["position"] for i in items] == list(range(1, len(views) + 1))
    assert [i["url"] for i in items] == [jsonld.claim(f, mini_factbase, OPTIONS, lang)["@id"]
                                         for f in views]


def test_dataset_is_complete(factbase):
    data = jsonld.dataset(factbase, OPTIONS, "en", "RR", "About", [("https://e/f.csv",
                                                                   "text/csv", "f.csv")],
                          ["AI", "China"])
    for key in ("keywords", "temporalCoverage", "spatialCoverage", "version", "identifier",
                "variableMeasured", "dateModified", "license", "distribution", "isBasedOn"):
        assert data.get(key), key
    start, end = data["temporalCoverage"].split("/")
    assert int(start) <= int(end)
    assert {c["name"] for c in data["spatialCoverage"]} >= {"China", "United States"}
    measured = {v["propertyID"] for v in data["variableMeasured"]}
    assert measured == {m for m, facts in factbase.by_measure.items() if facts}
    assert len(data["isBasedOn"]) == len(factbase.sources)


def test_nodes_walks_nested_objects():
    assert len(list(nodes({"a": [{"b": {"c": 1}}, {"d": 2}]}))) == 4

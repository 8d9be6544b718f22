"""Which page shows what from the data (macros/render/dependencies.py): the pages an
edit reaches, over the fixture data, without a site build."""

from __future__ import annotations

from macros.evidence.factbase import FactBase
from macros.render import Site, SiteOptions
from macros.render.dependencies import Reads, changed_keys
from macros.render.page import PageContext

PAGES = {  # page URL -> the macro calls on it
    "compute/": [("theme_facts", ("compute",))],
    "open-source/": [("theme_facts", ("open-source",))],
    "timeline/": [("timeline", ())],
    "entities/": [("entity_index", ())],
    "home/": [("figure", ("china-ai-compute-share-2025",))],
}


def _render_all(fb: FactBase, reads: Reads) -> None:
    site = Site(fb, SiteOptions("Mini", "https://example.org/mini/"), reads=reads)
    for url, calls in PAGES.items():
        for name, args in calls:
            site.call(PageContext(url=url), name, args)


def _edited(fb: FactBase, fact_id: str, **update) -> FactBase:
    facts = dict(fb.facts)
    facts[fact_id] = facts[fact_id].model_copy(update=update)
    return FactBase(fb.archives, fb.sources, fb.entities, fb.questions, fb.measures, facts,
                    fb.retired)


def test_a_statement_edit_reaches_the_pages_that_show_the_fact(mini_factbase):
    reads = Reads()
    _render_all(mini_factbase, reads)
    fact = mini_factbase.facts["china-ai-compute-share-2025"]
    new = _edited(mini_factbase, fact.id, statement=fact.statement.model_copy(
        update={"en": "Edited."}))
    changed = changed_keys(mini_factbase, new)
    assert changed == {f"facts:{fact.id}"}
    assert reads.affected(changed) == {"compute/", "home/"}  # not the other theme's page


def test_a_change_of_kind_reaches_every_list(mini_factbase):
    reads = Reads()
    _render_all(mini_factbase, reads)
    fact = next(f for f in mini_factbase.facts.values() if f.kind.value == "claim")
    new = _edited(mini_factbase, fact.id, kind="opinion")
    changed = changed_keys(mini_factbase, new)
    assert "facts:*" in changed  # the timeline (every fact, filtered by kind) must look again
    assert "timeline/" in reads.affected(changed)


def test_an_entity_edit_reaches_the_index_and_its_facts(mini_factbase):
    reads = Reads()
    _render_all(mini_factbase, reads)
    entity = mini_factbase.entities["qiming-ai"]
    entities = {**mini_factbase.entities,
                "qiming-ai": entity.model_copy(update={"name": entity.name.model_copy(
                    update={"en": "Renamed"})})}
    new = FactBase(mini_factbase.archives, mini_factbase.sources, entities,
                   mini_factbase.questions, mini_factbase.measures, mini_factbase.facts,
                   mini_factbase.retired)
    changed = changed_keys(mini_factbase, new)
    assert {"entities:qiming-ai", "entities:*"} <= changed
    assert "entities/" in reads.affected(changed)


def test_the_same_data_changes_nothing(mini_factbase):
    reads = Reads()
    _render_all(mini_factbase, reads)
    assert changed_keys(mini_factbase, _edited(mini_factbase, "china-ai-compute-share-2025")
                        ) == set()


def test_the_downloads_are_made_once_per_fact_base_and_rest_on_all_of_it(mini_factbase,
                                                                         monkeypatch):
    """Each language's build sees the data through its own recording view; the download
    files are made once for the fact base behind them, and every page that shows them
    (the downloads page, a download count) still depends on the whole data."""
    from macros.render import exports

    made = []
    real = exports._make_downloads
    monkeypatch.setattr(exports, "_made", (None, {}))
    monkeypatch.setattr(exports, "_make_downloads",
                        lambda fb, name, url: made.append(fb) or real(fb, name, url))
    reads = Reads()
    views = [reads.view(mini_factbase), reads.view(mini_factbase)]
    for n, view in enumerate(views):
        reads.start(f"downloads-{n}/")
        exports.downloads(view, "Mini", "https://example.org/mini/")
        reads.start(f"count-{n}/")
        assert exports.download_named(view, "facts.csv") is not None
    assert len(made) == 1  # not once per view, nor again for a count
    # Each page went through every fact, source and entity (the whole data), made or not.
    for url in ("downloads-0/", "count-0/", "downloads-1/", "count-1/"):
        assert {"facts:*", "sources:*", "entities:*"} <= reads.by_page[url], url

"""The Atom feeds, one per language, from the data alone: every change, in the
feed's language, and everything RFC 4287 requires (checked by feedparser too)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import feedparser
import pytest

from kit.linkeddata import ATOM, XML_LANG, atom_problems
from macros.render import feed
from macros.render.labels import LANG_TAG, LANGS

SITE = "https://example.org/mini/"


@pytest.mark.parametrize("lang", LANGS)
def test_every_change_is_in_its_language_feed(mini_factbase, lang):
    xml = feed.atom(mini_factbase, "Mini & co", SITE, lang)
    root = ET.fromstring(xml)
    assert root.get(XML_LANG) == LANG_TAG[lang]
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(feed.changes(mini_factbase)) == sum(
        1 + bool(f.updated) for f in mini_factbase.facts.values())
    prefix = "zh/" if lang == "zh" else ""
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert links == {f"{SITE}{prefix}facts/{i}/" for i in mini_factbase.facts}
    statements = {getattr(f.statement, lang) for f in mini_factbase.facts.values()}
    for entry in entries:
        title = entry.findtext(f"{ATOM}title")
        assert any(title.endswith(s) for s in statements), title
    newest = max(f.updated or f.added for f in mini_factbase.facts.values())
    assert root.findtext(f"{ATOM}updated").startswith(newest[:10])
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == SITE + feed.feed_path(lang)
    assert atom_problems(xml) == []
    assert feed.atom(mini_factbase, "Mini & co", SITE, lang) == xml  # same data, same bytes


@pytest.mark.parametrize("lang", LANGS)
def test_feedparser_reads_the_feed(factbase, lang):
    parsed = feedparser.parse(feed.atom(factbase, "Race & Reliance", SITE, lang))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title_detail.language == LANG_TAG[lang]
    assert len(parsed.entries) == len(feed.changes(factbase))
    assert all(e.id and e.link and e.updated_parsed for e in parsed.entries)
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)


def test_the_chinese_feed_has_chinese_titles(mini_factbase):
    root = ET.fromstring(feed.atom(mini_factbase, "Mini", SITE, "zh"))
    assert "证据" in root.findtext(f"{ATOM}title")
    first = root.find(f"{ATOM}entry")
    assert first.findtext(f"{ATOM}title").startswith(("添加：", "更新："))


def test_atom_problems_finds_an_entry_without_an_id(mini_factbase):
    """A planted defect: the check above would fail on an entry without its id."""
    root = ET.fromstring(feed.atom(mini_factbase, "Mini", SITE, "en"))
    entry = root.find(f"{ATOM}entry")
    entry.remove(entry.find(f"{ATOM}id"))
    assert atom_problems(ET.tostring(root)) == ["entry 1 has no atom:id"]
    doubled = ET.fromstring(feed.atom(mini_factbase, "Mini", SITE, "en"))
    first, second = doubled.findall(f"{ATOM}entry")[:2]
    second.find(f"{ATOM}id").text = first.findtext(f"{ATOM}id")
    assert atom_problems(ET.tostring(doubled)) == [
        f"entry id {first.findtext(f'{ATOM}id')} is not unique"]

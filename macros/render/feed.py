"""Changes to the evidence: a list by date and an Atom feed per language. Plain Python,
no MkDocs.

Entries come from each fact's ``added`` and ``updated`` dates in the data, never from the
build time, so the feed is the same for the same data. Each language has its own feed
(``changes.xml``, ``zh/changes.xml``) holding every change, in that language
(``xml:lang``), linking to that language's pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..evidence import dates
from ..evidence.dates import sort_key
from ..evidence.factbase import FactBase
from ..evidence.model import Fact
from ..evidence.normalize import strip_artifacts
from . import links
from .exports import LICENCE
from .labels import LABELS, LANG_TAG, THEMES, check_lang

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Change:
    date: str     # partial date from the data
    action: str   # 'added' or 'updated'
    fact: Fact


def changes(fb: FactBase) -> list[Change]:
    """Newest first; on the same date, updates before additions, then by fact id."""
    out = []
    for fact in fb.facts.values():
        if fact.added != "unknown":
            out.append(Change(fact.added, "added", fact))
        if fact.updated and fact.updated != "unknown":
            out.append(Change(fact.updated, "updated", fact))
    out.sort(key=lambda c: (c.fact.id, c.action))
    out.sort(key=lambda c: sort_key(c.date), reverse=True)
    return out


def feed_path(lang: str) -> str:
    """Where a language's feed is, under the site root: 'changes.xml', 'zh/changes.xml'."""
    return f"{links.lang_prefix(check_lang(lang))}changes.xml"


def feed_title(site_name: str, lang: str) -> str:
    return LABELS[check_lang(lang)]["changes"]["feed_title"].format(site=site_name)


def rfc3339(partial: str) -> str:
    return f"{dates.first_day(partial).isoformat()}T00:00:00Z"


def atom(fb: FactBase, site_name: str, site_url: str, lang: str = "en") -> bytes:
    """The Atom feed (RFC 4287) of every change, in ``lang``."""
    lang = check_lang(lang)
    labels = LABELS[lang]["changes"]
    ET.register_namespace("", ATOM)
    entries = changes(fb)
    base = site_url if site_url.endswith("/") else site_url + "/"
    self_url = base + feed_path(lang)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: LANG_TAG[lang]})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = feed_title(site_name, lang)
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = labels["feed_subtitle"]
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}link", href=self_url, rel="self",
                  type="application/atom+xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base + links.lang_prefix(lang) + "changes/",
                  rel="alternate", type="text/html")
    for other in LANG_TAG:
        if other != lang:
            ET.SubElement(feed, f"{{{ATOM}}}link", href=base + feed_path(other),
                          rel="alternate", type="application/atom+xml",
                          hreflang=LANG_TAG[other])
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = (
        rfc3339(entries[0].date) if entries else "1970-01-01T00:00:00Z")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = labels["feed_author"].format(
        site=site_name)
    ET.SubElement(author, f"{{{ATOM}}}uri").text = base
    ET.SubElement(feed, f"{{{ATOM}}}rights").text = labels["feed_rights"].format(
        licence=LICENCE)
    for change in entries:
        fact = change.fact
        url = base + links.fact_url(fact.id, lang)
        statement = str(getattr(fact.statement, lang))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = labels["feed_entry"].format(
            action=labels[change.action], statement=statement)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{url}#{change.action}-{change.date}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=url, rel="alternate", type="text/html")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = rfc3339(change.date)
        if change.action == "updated" and fact.added != "unknown":
            ET.SubElement(entry, f"{{{ATOM}}}published").text = rfc3339(fact.added)
        ET.SubElement(entry, f"{{{ATOM}}}category", term=fact.theme.value,
                      label=THEMES[lang][fact.theme][0])
        summary = labels["feed_summary"].format(
            statement=statement, quote=strip_artifacts(fact.quote),
            translation=fact.quote_en)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8",
                                                                        xml_declaration=False) + b"\n"

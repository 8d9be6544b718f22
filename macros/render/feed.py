"""Changes to the evidence: a list by date and an Atom feed. Plain Python, no MkDocs.

Entries come from each fact's ``added`` and ``updated`` dates in the data, never from the
build time, so the feed is the same for the same data.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..evidence import dates
from ..evidence.dates import sort_key
from ..evidence.factbase import FactBase
from ..evidence.model import Fact
from ..evidence.normalize import strip_artifacts

ATOM = "http://www.w3.org/2005/Atom"


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


def rfc3339(partial: str) -> str:
    return f"{dates.first_day(partial).isoformat()}T00:00:00Z"


def atom(fb: FactBase, site_name: str, site_url: str, limit: int = 200) -> bytes:
    """The Atom feed (RFC 4287) of the newest ``limit`` changes."""
    ET.register_namespace("", ATOM)
    entries = changes(fb)[:limit]
    base = site_url if site_url.endswith("/") else site_url + "/"
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{site_name}: changes to the evidence"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = base + "changes.xml"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base + "changes.xml", rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base + "changes/", rel="alternate")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = (
        rfc3339(entries[0].date) if entries else "1970-01-01T00:00:00Z")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = f"{site_name} editors"
    ET.SubElement(feed, f"{{{ATOM}}}rights").text = "Our text and data: CC BY 4.0"
    for change in entries:
        fact = change.fact
        url = f"{base}facts/{fact.id}/"
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = (
            f"{'Added' if change.action == 'added' else 'Updated'}: {fact.statement.en}")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{url}#{change.action}-{change.date}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=url, rel="alternate")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = rfc3339(change.date)
        ET.SubElement(entry, f"{{{ATOM}}}category", term=fact.theme.value)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = (
            f"{fact.statement.en} Quote: {strip_artifacts(fact.quote)} ({fact.quote_en})")
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8",
                                                                        xml_declaration=False) + b"\n"

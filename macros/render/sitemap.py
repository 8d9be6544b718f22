"""The sitemap (sitemaps.org 0.9), with each page's counterparts in the other
languages (``xhtml:link hreflang``). Plain Python, no MkDocs: the glue lists the pages.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str  # absolute URL
    lastmod: str = ""  # YYYY-MM-DD, or '' when not known
    alternates: dict[str, str] = field(default_factory=dict)  # language -> absolute URL


def sitemap_xml(entries: list[SitemapEntry]) -> bytes:
    """The sitemap, entries in the order given."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    for entry in entries:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = entry.loc
        if entry.lastmod:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = entry.lastmod
        for lang, href in entry.alternates.items():
            ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=lang, href=href)
    ET.indent(urlset)
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(urlset, encoding="utf-8", xml_declaration=False) + b"\n")


def gzipped(data: bytes, mtime: int = 0) -> bytes:
    """``data`` gzipped with a fixed timestamp (0: none), so the same sitemap gives the
    same bytes."""
    return gzip.compress(data, mtime=mtime)

"""Checks on the published metadata that real consumers rely on: JSON-LD nodes and
Atom feeds (RFC 4287). Each returns the problems it finds, so a test can show it
catches a planted defect as well as pass on good output."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld_blocks(html: str) -> list[Any]:
    """Every JSON-LD block of a page, parsed."""
    return [json.loads(block) for block in _JSONLD.findall(html)]


def nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, nested ones included."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from nodes(value)


def type_conflicts(documents: list[Any]) -> dict[str, set[str]]:
    """@id -> the @types it is given, for every @id given more than one type."""
    types: dict[str, set[str]] = {}
    for document in documents:
        for node in nodes(document):
            if "@id" in node and "@type" in node:
                types.setdefault(node["@id"], set()).add(node["@type"])
    return {node_id: t for node_id, t in types.items() if len(t) > 1}


def atom_problems(xml: bytes) -> list[str]:
    """What RFC 4287 requires of a feed and its entries that this one lacks, and ids
    that are not unique."""
    problems = []
    root = ET.fromstring(xml)
    if root.tag != f"{ATOM}feed":
        return [f"root element is {root.tag}, not atom:feed"]
    for name in ("id", "title", "updated"):
        if root.find(f"{ATOM}{name}") is None:
            problems.append(f"feed has no atom:{name}")
    entries = root.findall(f"{ATOM}entry")
    feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for n, entry in enumerate(entries):
        where = f"entry {n + 1}"
        for name in ("id", "title", "updated"):
            element = entry.find(f"{ATOM}{name}")
            if element is None or not (element.text or "").strip():
                problems.append(f"{where} has no atom:{name}")
        ids.append((entry.findtext(f"{ATOM}id") or "").strip())
        if not feed_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
            problems.append(f"{where} has no author, and neither has the feed")
        alternate = [link for link in entry.findall(f"{ATOM}link")
                     if link.get("rel", "alternate") == "alternate"]
        if entry.find(f"{ATOM}content") is None and not alternate:
            problems.append(f"{where} has neither atom:content nor an alternate link")
        if entry.find(f"{ATOM}content") is None and entry.find(f"{ATOM}summary") is None:
            problems.append(f"{where} has neither atom:content nor atom:summary")
    duplicates = sorted({i for i in ids if i and ids.count(i) > 1})
    problems += [f"entry id {i} is not unique" for i in duplicates]
    return problems

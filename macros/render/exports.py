"""The downloadable data: facts, sources and entities as CSV and JSON. Plain Python.

Every file is made at build time from the same loaded :class:`FactBase` the pages are
rendered from (never committed), byte for byte the same for the same data: keys sorted,
rows in data order, ``\\n`` line ends, no build time anywhere.

``facts.json`` holds each fact exactly as the data model dumps it, so
``Fact.model_validate`` reads it back; ``facts.csv`` flattens a fact into one row (nested
parts as ``<field>_<part>`` columns, lists as JSON) and :func:`facts_from_csv` reads it
back into the same facts. The field lists below are also the data dictionary the
downloads page prints, so the page and the files cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..evidence.factbase import FactBase
from ..evidence.model import Fact

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class Field:
    name: str
    description: str


# --------------------------------------------------------------------------- facts.csv

#: Columns of facts.csv, in order, with what each holds (the data dictionary).
FACT_COLUMNS: list[Field] = [
    Field("id", "Stable fact id; the fact's page is facts/<id>/ on this site."),
    Field("theme", "compute, capital, talent or open-source."),
    Field("kind", "statistic, event, report, claim, forecast or opinion."),
    Field("statement_en", "The fact in our words, English."),
    Field("statement_zh", "The fact in our words, Simplified Chinese."),
    Field("measure", "Measure id (statistics); see the per-measure CSV files."),
    Field("subject", "Entity id the figure is about."),
    Field("quantity_value", "The figure in full units; empty for a range."),
    Field("quantity_low", "Lower end of a range."),
    Field("quantity_high", "Upper end of a range."),
    Field("quantity_qualifier", "How the source hedges it: exact, about, more-than, at-least, "
                                "less-than, at-most, nearly."),
    Field("quantity_unit", "Unit: USD, CNY, percent, count, multiple, years…"),
    Field("quantity_currency_year", "Price year of a currency amount, where known."),
    Field("quantity_as_printed", "The figure exactly as the article prints it."),
    Field("quantity_of", "For a count out of a total the source gives: the total."),
    Field("quantity_of_printed", "That total exactly as the article prints it."),
    Field("quantity_counted_en", "For a count without a measure: what is counted, English."),
    Field("quantity_counted_zh", "For a count without a measure: what is counted, Chinese."),
    Field("also_given_as", "JSON list of the same figure in other units, as the source gives it."),
    Field("conversion", "JSON object: our own conversion (value, unit, rate, rate_date, note)."),
    Field("as_of", "Date or period the figure describes: YYYY[-MM[-DD]], START..END or unknown."),
    Field("as_of_basis", "Where as_of comes from: printed, inferred or outside."),
    Field("date", "When the event happened or the claim was made (precision as form)."),
    Field("date_basis", "Where date comes from: printed, inferred or outside."),
    Field("basis_note_en", "How an inferred date was inferred, or where an outside one is "
                           "from, English."),
    Field("basis_note_zh", "The same, Chinese."),
    Field("not_after", "For an unknown date or as_of: the latest it can be."),
    Field("speaker", "Entity id of who asserts a claim, forecast or opinion."),
    Field("question", "Question id the view answers."),
    Field("position", "Position id within the question."),
    Field("horizon", "Forecast: the date it is about."),
    Field("source", "Source id; see sources.json."),
    Field("quote", "Verbatim excerpt of the source (at most 150 characters), in Chinese."),
    Field("quote_en", "Our English translation of the quote."),
    Field("data_producer", "Entity id of who produced the data the article cites."),
    Field("unnamed_producer_en", "How the source refers to a producer it does not name, "
                                 "English."),
    Field("unnamed_producer_zh", "The same, Chinese."),
    Field("entities", "JSON list of entity ids the fact concerns; see entities.json."),
    Field("note_en", "Caveats, from our sources only, English."),
    Field("note_zh", "Caveats, Chinese."),
    Field("corrections", "JSON list of corrections of the source: says, correct, basis, "
                         "reference."),
    Field("outside", "JSON list of what we add from outside our sources: text, reference."),
    Field("lint_ok", "JSON list of lint findings an editor checked: rule, term, why."),
    Field("current_state", "true when the fact describes a state that can go stale."),
    Field("review_by", "Date by which we review the fact."),
    Field("added", "Date the fact was added."),
    Field("updated", "Date the fact last changed."),
]

_NESTED = {"statement": ("en", "zh"), "note": ("en", "zh"), "basis_note": ("en", "zh"),
           "unnamed_producer": ("en", "zh"),
           "quantity": ("value", "low", "high", "qualifier", "unit", "currency_year",
                        "as_printed", "of", "of_printed")}
# quantity.counted is bilingual: two columns, quantity_counted_en / quantity_counted_zh.
_COUNTED_PARTS = {"counted_en": "en", "counted_zh": "zh"}
_JSON_COLUMNS = {"also_given_as", "conversion", "entities", "corrections", "outside", "lint_ok"}
_NUMBER_PARTS = {"value", "low", "high", "of"}

#: Columns of each measures/<measure>.csv (tidy: one row per fact on the measure).
MEASURE_COLUMNS: list[Field] = [
    Field("fact", "Fact id; the fact's page is facts/<id>/."),
    Field("subject", "Entity id the figure is about (see entities.json)."),
    Field("as_of", "Date or period the figure describes."),
    Field("value", "The figure in full units; empty for a range."),
    Field("low", "Lower end of a range."),
    Field("high", "Upper end of a range."),
    Field("qualifier", "exact, about, more-than, at-least, less-than, at-most or nearly."),
    Field("unit", "Unit of value/low/high, as the source gives it."),
    Field("source", "Source id (see sources.json)."),
    Field("quote", "Verbatim excerpt of the source, in Chinese."),
]

JSON_FILES: dict[str, str] = {
    "facts.json": "Every fact, field for field as in the data model (nested objects kept).",
    "sources.json": "Every source: titles, outlet, authors, date, kind, how it reached us, "
                    "errata.",
    "entities.json": "Every company, person, agency, model, country and data producer.",
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _split(name: str) -> tuple[str, str]:
    """A column name as (field, part): 'basis_note_en' -> ('basis_note', 'en'),
    'quantity_counted_en' -> ('quantity', 'counted_en'), 'as_of' -> ('as_of', '')."""
    for head, parts in _NESTED.items():
        if name.startswith(head + "_") and name[len(head) + 1:] in parts:
            return head, name[len(head) + 1:]
    if name.startswith("quantity_") and name[len("quantity_"):] in _COUNTED_PARTS:
        return "quantity", name[len("quantity_"):]
    return name, ""


def fact_row(fact: Fact) -> dict[str, str]:
    """One facts.csv row: every column as text, empty for a missing value."""
    data = fact.model_dump(mode="json")
    row: dict[str, str] = {}
    for column in FACT_COLUMNS:
        name = column.name
        head, part = _split(name)
        if head in _NESTED and part in _NESTED[head]:
            parent = data.get(head)
            row[name] = _cell(parent.get(part) if parent else None)
        elif head == "quantity" and part in _COUNTED_PARTS:
            counted = (data.get("quantity") or {}).get("counted")
            row[name] = _cell(counted.get(_COUNTED_PARTS[part]) if counted else None)
        elif name in _JSON_COLUMNS:
            value = data.get(name)
            row[name] = "" if value in (None, []) else json.dumps(
                value, ensure_ascii=False, sort_keys=True)
        else:
            row[name] = _cell(data.get(name))
    return row


def _number(text: str) -> Any:
    return int(text) if text.lstrip("-").isdigit() else float(text)


def fact_from_row(row: dict[str, str]) -> Fact:
    """Read one facts.csv row back into a validated :class:`Fact`."""
    data: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for column in FACT_COLUMNS:
        name, text = column.name, row.get(column.name, "")
        if text == "":
            continue
        head, part = _split(name)
        if head in _NESTED and part in _NESTED[head]:
            value: Any = text
            if head == "quantity" and part in _NUMBER_PARTS:
                value = _number(text)
            elif part == "currency_year":
                value = int(text)
            nested.setdefault(head, {})[part] = value
        elif head == "quantity" and part in _COUNTED_PARTS:
            nested.setdefault("quantity", {}).setdefault("counted", {})[_COUNTED_PARTS[part]] = text
        elif name in _JSON_COLUMNS:
            data[name] = json.loads(text)
        elif name == "current_state":
            data[name] = text == "true"
        else:
            data[name] = text
    data.update(nested)
    return Fact.model_validate(data)


def _csv(columns: Iterable[str], rows: Iterable[dict[str, str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def facts_csv(fb: FactBase) -> bytes:
    return _csv((c.name for c in FACT_COLUMNS), (fact_row(f) for f in fb.facts.values()))


def facts_from_csv(text: str) -> list[Fact]:
    return [fact_from_row(row) for row in csv.DictReader(io.StringIO(text, newline=""))]


# --------------------------------------------------------------------------- JSON


def _json(payload: Any) -> bytes:
    return (json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _envelope(kind: str, items: list[dict[str, Any]], site_name: str,
              site_url: str) -> dict[str, Any]:
    return {
        "dataset": site_name,
        "url": site_url,
        "kind": kind,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "attribution": "Quotes remain their publishers' and authors'; cite the source "
                       "article (sources.json) as well as this dataset.",
        "count": len(items),
        kind: items,
    }


def facts_from_json(text: str) -> list[Fact]:
    return [Fact.model_validate(item) for item in json.loads(text)["facts"]]


# --------------------------------------------------------------------------- per measure


def measure_rows(fb: FactBase, measure_id: str) -> list[dict[str, str]]:
    rows = []
    for fact in fb.by_measure.get(measure_id, []):
        q = fact.quantity
        rows.append({
            "fact": fact.id,
            "subject": fact.subject or "",
            "as_of": fact.as_of or "",
            "value": _cell(q.value) if q else "",
            "low": _cell(q.low) if q else "",
            "high": _cell(q.high) if q else "",
            "qualifier": q.qualifier.value if q else "",
            "unit": q.unit.value if q else "",
            "source": fact.source,
            "quote": fact.quote,
        })
    return rows


def measure_file(measure_id: str) -> str:
    return f"measures/{measure_id}.csv"


# --------------------------------------------------------------------------- all files


@dataclass(frozen=True)
class Download:
    name: str          # path under downloads/, e.g. 'facts.csv', 'measures/x.csv'
    content: bytes
    rows: int
    description: str


#: The downloads of the last fact base, per (site_name, site_url): a build asks for them
#: several times (the files, the downloads page, each download_count()), and making them
#: dumps every fact. Holding the last FactBase keeps one build's data alive, no more.
_made: tuple[FactBase | None, dict[tuple[str, str], list[Download]]] = (None, {})


def downloads(fb: FactBase, site_name: str = "Race & Reliance",
              site_url: str = "") -> list[Download]:
    """Every download file, in the order the downloads page lists them."""
    global _made
    if _made[0] is not fb:
        _made = (fb, {})
    cache = _made[1]
    key = (site_name, site_url)
    if key not in cache:
        cache[key] = _make_downloads(fb, site_name, site_url)
    return list(cache[key])


def _make_downloads(fb: FactBase, site_name: str, site_url: str) -> list[Download]:
    facts = [f.model_dump(mode="json", exclude_none=True) for f in fb.facts.values()]
    sources = [s.model_dump(mode="json", exclude_none=True) for s in fb.sources.values()]
    entities = [e.model_dump(mode="json", exclude_none=True) for e in fb.entities.values()]
    out = [
        Download("facts.csv", facts_csv(fb), len(facts),
                 "Every fact, one row each; nested parts flattened (see the columns below)."),
        Download("facts.json", _json(_envelope("facts", facts, site_name, site_url)),
                 len(facts), JSON_FILES["facts.json"]),
        Download("sources.json", _json(_envelope("sources", sources, site_name, site_url)),
                 len(sources), JSON_FILES["sources.json"]),
        Download("entities.json", _json(_envelope("entities", entities, site_name, site_url)),
                 len(entities), JSON_FILES["entities.json"]),
    ]
    for measure in fb.measures.values():
        rows = measure_rows(fb, measure.id)
        if not rows:
            continue
        out.append(Download(measure_file(measure.id),
                            _csv((c.name for c in MEASURE_COLUMNS), rows), len(rows),
                            measure.name.en))
    return out


#: The media type of each kind of download, by file extension.
MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json", ".bib": "application/x-bibtex",
               ".md": "text/markdown", ".xml": "application/atom+xml"}


def media_type(name: str) -> str:
    """The media type of a download file, from its name."""
    return next((t for ext, t in MEDIA_TYPES.items() if name.endswith(ext)),
                "application/octet-stream")


def download_named(fb: FactBase, name: str) -> Download | None:
    # Names and row counts do not depend on the site name or URL: reuse any made.
    made = next(iter(_made[1].values()), None) if _made[0] is fb else None
    return next((d for d in (made or downloads(fb)) if d.name == name), None)

"""The downloadable data: facts, sources and entities as CSV and JSON, a Frictionless
Data Package describing every CSV, and a README data dictionary. Plain Python.

Every file is made at build time from the same loaded :class:`FactBase` the pages are
rendered from (never committed), byte for byte the same for the same data: keys sorted,
rows in data order, ``\\n`` line ends, no build time anywhere (the package's version and
date are those of the latest change recorded in the data).

``facts.json`` holds each fact exactly as the data model dumps it, so
``Fact.model_validate`` reads it back; ``facts.csv`` flattens a fact into one row (nested
parts as ``<field>_<part>`` columns, lists as JSON, plus a few columns made for readers:
subject names, ISO period bounds, the aggregate flag) and :func:`facts_from_csv` reads it
back into the same facts. The column lists below are the one home of every CSV's
columns: the files are written from them, and the data dictionary (the downloads page,
``README.md``) and the Table Schemas in ``datapackage.json`` are generated from them, so
none of these can drift from the files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..evidence import dates
from ..evidence.factbase import FactBase
from ..evidence.model import (
    ID_PATTERN,
    QUOTE_MAX_CHARS,
    Basis,
    Channel,
    Entity,
    EntityKind,
    Fact,
    FactKind,
    Qualifier,
    Retelling,
    Script,
    Source,
    SourceKind,
    Theme,
    Unit,
)
from . import links

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_ID = "CC-BY-4.0"  # SPDX
LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
DOWNLOADS_DIR = "downloads"
#: The dataset's name in datapackage.json (the project's, not the site's title).
PACKAGE_NAME = "race-and-reliance"
DATASET_DESCRIPTION = ("Facts on the US–China AI contest, each backed by a verbatim quote "
                       "from a Chinese-language source, with sources and entities.")
QUOTES_NOTICE = ("Quotes (the quote columns) and the archived articles remain their "
                 "publishers' and authors'; they are short excerpts kept as evidence. "
                 "Cite the source article as well as this dataset.")
AGGREGATE_NOTE = ("true when the subject groups other entities (its members in "
                  "entities.csv), e.g. BAT for Baidu, Alibaba and Tencent: do not sum it "
                  "with its members' figures (the same money would count twice). Empty "
                  "without a subject.")

#: Table Schema patterns (XML Schema syntax, anchored implicitly), from the model's rules.
_ID = ID_PATTERN.removeprefix("^").removesuffix("$").replace("(?:", "(")
_DATE = dates.PARTIAL_DATE_REGEX
_PERIOD = dates.PERIOD_REGEX


@dataclass(frozen=True)
class Field:
    """One CSV column: its name, what it holds, and its Table Schema type and constraints.

    ``derived`` columns are made for readers from other fields (names, ISO period bounds,
    the aggregate flag); :func:`facts_from_csv` skips them.
    """

    name: str
    description: str
    type: str = "string"  # a Table Schema type: string, number, integer, boolean, date, array, object
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    required: bool = False
    unique: bool = False
    max_length: int | None = None
    derived: bool = False

    @property
    def type_label(self) -> str:
        """The type as the data dictionary prints it: 'number', 'date (YYYY-MM-DD)'…"""
        by_pattern = {_ID: "id", _DATE: "partial date", _PERIOD: "date or period"}
        if self.enum:
            return "choice"
        if self.pattern in by_pattern:
            return by_pattern[self.pattern]
        return {"date": "date (YYYY-MM-DD)", "array": "JSON list", "object": "JSON object",
                "boolean": "boolean (true/false)"}.get(self.type, self.type)

    def table_schema(self) -> dict[str, Any]:
        """This column as a Table Schema field descriptor."""
        field: dict[str, Any] = {"name": self.name, "type": self.type,
                                 "description": self.description}
        if self.type == "date":
            field["format"] = "default"  # ISO 8601 YYYY-MM-DD
        if self.type == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.max_length is not None:
            constraints["maxLength"] = self.max_length
        if constraints:
            field["constraints"] = constraints
        return field


def _values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _id(name: str, description: str, **kwargs: Any) -> Field:
    return Field(name, description, pattern=_ID, **kwargs)


def _choice(name: str, description: str, enum: type[Enum], **kwargs: Any) -> Field:
    return Field(name, description, enum=_values(enum), **kwargs)


def _partial_date(name: str, description: str, **kwargs: Any) -> Field:
    return Field(name, description, pattern=_DATE, **kwargs)


# --------------------------------------------------------------------------- facts.csv

_BASIS = "Where {} comes from: printed (the source prints it), inferred (from the " \
         "source's context; basis_note says how) or outside (basis_note names where)."

#: Columns of facts.csv, in order, with what each holds (the data dictionary).
FACT_COLUMNS: list[Field] = [
    _id("id", "Stable fact id; the fact's page is facts/<id>/ on this site.", required=True,
        unique=True),
    _choice("theme", "compute, capital, talent or open-source.", Theme, required=True),
    _choice("kind", "statistic, event, report, claim, forecast or opinion.", FactKind,
            required=True),
    Field("statement_en", "The fact in our words, English.", required=True),
    Field("statement_zh", "The fact in our words, Simplified Chinese.", required=True),
    _id("measure", "Measure id (statistics); see the per-measure CSV files."),
    _id("subject", "Entity id the figure is about (entities.csv)."),
    Field("subject_name_en", "The subject's name, English.", derived=True),
    Field("subject_name_zh", "The subject's name, Chinese.", derived=True),
    Field("aggregate", AGGREGATE_NOTE, type="boolean", derived=True),
    Field("quantity_value", "The figure in full units; empty for a range.", type="number"),
    Field("quantity_low", "Lower end of a range.", type="number"),
    Field("quantity_high", "Upper end of a range.", type="number"),
    _choice("quantity_qualifier", "How the source hedges it: exact, about, more-than, "
            "at-least, less-than, at-most, nearly.", Qualifier),
    _choice("quantity_unit", "Unit: USD, CNY, percent, count, multiple, years…", Unit),
    Field("quantity_currency_year", "Price year of a currency amount, where known.",
          type="integer"),
    Field("quantity_as_printed", "The figure exactly as the article prints it."),
    Field("quantity_of", "For a count out of a total the source gives: the total.",
          type="number"),
    Field("quantity_of_printed", "That total exactly as the article prints it."),
    Field("quantity_counted_en", "For a count without a measure: what is counted, English."),
    Field("quantity_counted_zh", "For a count without a measure: what is counted, Chinese."),
    Field("also_given_as", "JSON list of the same figure in other units, as the source "
          "gives it.", type="array"),
    Field("conversion", "JSON object: our own conversion (value, unit, rate, rate_date, "
          "note).", type="object"),
    Field("as_of", "Date or period the figure describes: YYYY, YYYY-MM, YYYY-MM-DD, a "
          "period START..END or unknown.", pattern=_PERIOD),
    _choice("as_of_basis", _BASIS.format("as_of"), Basis),
    _partial_date("date", "When the event happened or the claim was made (YYYY, YYYY-MM or "
                  "YYYY-MM-DD: the precision is the form)."),
    _choice("date_basis", _BASIS.format("date"), Basis),
    Field("period_start", "First day the as_of period (or, without as_of, the date) can "
          "mean, ISO 8601; empty when unknown.", type="date", derived=True),
    Field("period_end", "Last day the as_of period (or, without as_of, the date) can "
          "mean, ISO 8601; empty when unknown.", type="date", derived=True),
    Field("basis_note_en", "How an inferred date was inferred, or where an outside one is "
          "from, English."),
    Field("basis_note_zh", "The same, Chinese."),
    _partial_date("not_after", "For an unknown date or as_of: the latest it can be."),
    _id("speaker", "Entity id of who asserts a claim, forecast or opinion."),
    _id("question", "Question id the view answers."),
    _id("position", "Position id within the question."),
    _partial_date("horizon", "Forecast: the date it is about."),
    _id("source", "Source id (sources.csv).", required=True),
    Field("quote", f"Verbatim excerpt of the source (at most {QUOTE_MAX_CHARS} characters), "
          "in Chinese; it remains its publisher's.", required=True,
          max_length=QUOTE_MAX_CHARS),
    Field("quote_en", "Our English translation of the quote.", required=True),
    _id("data_producer", "Entity id of who produced the data the article cites."),
    Field("unnamed_producer_en", "How the source refers to a producer it does not name, "
          "English."),
    Field("unnamed_producer_zh", "The same, Chinese."),
    Field("entities", "JSON list of entity ids the fact concerns (entities.csv).",
          type="array"),
    Field("note_en", "Caveats, from our sources only, English."),
    Field("note_zh", "Caveats, Chinese."),
    Field("corrections", "JSON list of corrections of the source: says, correct, basis, "
          "reference.", type="array"),
    Field("outside", "JSON list of what we add from outside our sources: text, reference.",
          type="array"),
    Field("lint_ok", "JSON list of lint findings an editor checked: rule, term, why.",
          type="array"),
    Field("current_state", "true when the fact describes a state that can go stale.",
          type="boolean", required=True),
    _partial_date("review_by", "Date by which we review the fact."),
    _partial_date("added", "Date the fact was added.", required=True),
    _partial_date("updated", "Date the fact last changed."),
]

_NESTED = {"statement": ("en", "zh"), "note": ("en", "zh"), "basis_note": ("en", "zh"),
           "unnamed_producer": ("en", "zh"),
           "quantity": ("value", "low", "high", "qualifier", "unit", "currency_year",
                        "as_printed", "of", "of_printed")}
# quantity.counted is bilingual: two columns, quantity_counted_en / quantity_counted_zh.
_COUNTED_PARTS = {"counted_en": "en", "counted_zh": "zh"}
_JSON_COLUMNS = {c.name for c in FACT_COLUMNS if c.type in ("array", "object")}
_NUMBER_PARTS = {"value", "low", "high", "of"}

#: Columns of each measures/<measure>.csv (tidy: one row per fact on the measure).
MEASURE_COLUMNS: list[Field] = [
    _id("fact", "Fact id (facts.csv); the fact's page is facts/<id>/.", required=True,
        unique=True),
    _id("subject", "Entity id the figure is about (entities.csv)."),
    Field("subject_name_en", "The subject's name, English.", derived=True),
    Field("subject_name_zh", "The subject's name, Chinese.", derived=True),
    Field("aggregate", AGGREGATE_NOTE, type="boolean", derived=True),
    Field("as_of", "Date or period the figure describes: YYYY, YYYY-MM, YYYY-MM-DD, a "
          "period START..END or unknown.", pattern=_PERIOD),
    _choice("as_of_basis", _BASIS.format("as_of"), Basis),
    Field("period_start", "First day the as_of period can mean, ISO 8601; empty when "
          "unknown.", type="date", derived=True),
    Field("period_end", "Last day the as_of period can mean, ISO 8601; empty when unknown.",
          type="date", derived=True),
    Field("value", "The figure in full units; empty for a range.", type="number"),
    Field("low", "Lower end of a range.", type="number"),
    Field("high", "Upper end of a range.", type="number"),
    _choice("qualifier", "exact, about, more-than, at-least, less-than, at-most or nearly.",
            Qualifier, required=True),
    _choice("unit", "Unit of value/low/high, as the source gives it.", Unit, required=True),
    _id("source", "Source id (sources.csv).", required=True),
    Field("quote", "Verbatim excerpt of the source, in Chinese; it remains its publisher's.",
          required=True, max_length=QUOTE_MAX_CHARS),
]

#: Columns of sources.csv: one row per source (lists as JSON).
SOURCE_COLUMNS: list[Field] = [
    _id("id", "Source id, as facts cite it; its entry is sources/#source-<id> on this site.",
        required=True, unique=True),
    _id("archive", "Id of the archived file that holds its text.", required=True),
    Field("archive_sha256", "SHA-256 of the archived file's bytes.", required=True,
          pattern="[0-9a-f]{64}"),
    Field("lines", "JSON list of the line ranges of the archived file that are this "
          "source; empty for the whole file.", type="array"),
    Field("title_original", "Title as published, in the original language.", required=True),
    Field("title_en", "Our English rendering of the title.", required=True),
    Field("outlet_en", "Where it was first published, English.", required=True),
    Field("outlet_zh", "Where it was first published, Chinese.", required=True),
    Field("authors", "JSON list of the authors as printed; empty list when not stated.",
          type="array", required=True),
    _partial_date("published", "Publication date (YYYY, YYYY-MM or YYYY-MM-DD) or unknown.",
                  required=True),
    _choice("published_basis", _BASIS.format("published"), Basis),
    Field("published_start", "First day the publication date can mean, ISO 8601; empty "
          "when unknown.", type="date", derived=True),
    Field("published_end", "Last day the publication date can mean, ISO 8601; empty when "
          "unknown.", type="date", derived=True),
    Field("published_note_en", "How the date was established, or what the content "
          "suggests when it is unknown, English."),
    Field("published_note_zh", "The same, Chinese."),
    Field("language", "Language of the text: zh.", enum=("zh",), required=True),
    _choice("script", "Hans (Simplified) or Hant (Traditional Chinese).", Script,
            required=True),
    _choice("kind", "What kind of writing it is.", SourceKind, required=True),
    _choice("channel", "Where it was published: news-outlet, self-media (a WeChat "
            "official account, NetEase Hao…), blog or unknown.", Channel, required=True),
    _choice("retells", "first-hand, or whether it passes on another article: summary or "
            "translation.", Retelling, required=True),
    Field("original_en", "The article a summary or translation retells, as the text names "
          "it, English; empty when first-hand or not named (of unknown origin)."),
    Field("original_zh", "The same, Chinese."),
    Field("reposted_by_en", "Who reposted the copy we hold, when not its publisher, "
          "English."),
    Field("reposted_by_zh", "The same, Chinese."),
    Field("via_en", "How it reached us, English.", required=True),
    Field("via_zh", "How it reached us, Chinese.", required=True),
    Field("url", "Original URL, when the text gives one."),
    Field("own_voice", "JSON list of entity ids that speak in the source's own voice "
          "(author, outlet).", type="array", required=True),
    Field("errata", "JSON list of errors we found in the source: says, correct, basis, "
          "reference.", type="array"),
]

#: Columns of entities.csv: one row per entity.
ENTITY_COLUMNS: list[Field] = [
    _id("id", "Entity id, as facts name it; its page is entities/<id>/ on this site.",
        required=True, unique=True),
    _choice("kind", "company, person, government-body, investor, model, country, "
            "organisation, university, data-producer, media or product.", EntityKind,
            required=True),
    Field("name_en", "Display name, English.", required=True),
    Field("name_zh", "Display name, Chinese.", required=True),
    Field("aliases", "JSON list of other names or spellings found in the sources.",
          type="array"),
    Field("description_en", "One line, English.", required=True),
    Field("description_zh", "One line, Chinese.", required=True),
    _id("parent", "Id of the owning entity, if any (entities.csv)."),
    Field("members", "JSON list of the entity ids this one groups, for a shorthand like "
          "BAT; empty for any other entity.", type="array"),
    Field("aggregate", "true when the entity groups others (members): do not sum a figure "
          "about it with its members' figures.", type="boolean", required=True,
          derived=True),
]

#: The data dictionary, in order: (anchor, the files with these columns, the columns).
#: The downloads page and README.md both print it.
DICTIONARY: list[tuple[str, str, list[Field]]] = [
    ("fields-facts", "facts.csv, facts-excel.csv", FACT_COLUMNS),
    ("fields-measures", "measures/<measure>.csv", MEASURE_COLUMNS),
    ("fields-sources", "sources.csv", SOURCE_COLUMNS),
    ("fields-entities", "entities.csv", ENTITY_COLUMNS),
]

JSON_FILES: dict[str, str] = {
    "facts.json": "Every fact, field for field as in the data model (nested objects kept).",
    "sources.json": "Every source: titles, outlet, authors, date, kind, provenance (where "
                    "it was published, what it retells, whose copy we hold), how it reached "
                    "us, errata.",
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


def _json_cell(value: Any) -> str:
    return "" if value in (None, []) else json.dumps(value, ensure_ascii=False,
                                                     sort_keys=True)


def _split(name: str) -> tuple[str, str]:
    """A column name as (field, part): 'basis_note_en' -> ('basis_note', 'en'),
    'quantity_counted_en' -> ('quantity', 'counted_en'), 'as_of' -> ('as_of', '')."""
    for head, parts in _NESTED.items():
        if name.startswith(head + "_") and name[len(head) + 1:] in parts:
            return head, name[len(head) + 1:]
    if name.startswith("quantity_") and name[len("quantity_"):] in _COUNTED_PARTS:
        return "quantity", name[len("quantity_"):]
    return name, ""


def period_days(text: str | None) -> tuple[str, str]:
    """(first day, last day) a date or period can mean, ISO 8601: '2024-01..2024-08' ->
    ('2024-01-01', '2024-08-31'), '2023' -> ('2023-01-01', '2023-12-31'); empty for
    unknown or none."""
    if not dates.is_known(text):
        return "", ""
    assert text is not None
    start, end = dates.period_bounds(text)
    return dates.first_day(start).isoformat(), dates.last_day(end).isoformat()


def _subject_cells(subject: str | None, entities: Mapping[str, Entity]) -> dict[str, str]:
    entity = entities.get(subject) if subject else None
    return {"subject_name_en": entity.name.en if entity else "",
            "subject_name_zh": entity.name.zh if entity else "",
            "aggregate": _cell(bool(entity.members)) if entity else ""}


def fact_row(fact: Fact, entities: Mapping[str, Entity] | None = None) -> dict[str, str]:
    """One facts.csv row: every column as text, empty for a missing value. ``entities``
    (the fact base's) give the subject's names and aggregate flag."""
    data = fact.model_dump(mode="json")
    derived = _subject_cells(fact.subject, entities or {})
    derived["period_start"], derived["period_end"] = period_days(
        fact.as_of if fact.as_of is not None else fact.date)
    row: dict[str, str] = {}
    for column in FACT_COLUMNS:
        name = column.name
        head, part = _split(name)
        if column.derived:
            row[name] = derived[name]
        elif head in _NESTED and part in _NESTED[head]:
            parent = data.get(head)
            row[name] = _cell(parent.get(part) if parent else None)
        elif head == "quantity" and part in _COUNTED_PARTS:
            counted = (data.get("quantity") or {}).get("counted")
            row[name] = _cell(counted.get(_COUNTED_PARTS[part]) if counted else None)
        elif name in _JSON_COLUMNS:
            row[name] = _json_cell(data.get(name))
        else:
            row[name] = _cell(data.get(name))
    return row


def _number(text: str) -> Any:
    return int(text) if text.lstrip("-").isdigit() else float(text)


def fact_from_row(row: dict[str, str]) -> Fact:
    """Read one facts.csv row back into a validated :class:`Fact` (derived columns, made
    for readers from the other fields, are skipped)."""
    data: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for column in FACT_COLUMNS:
        name, text = column.name, row.get(column.name, "")
        if text == "" or column.derived:
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


def _csv(columns: Iterable[Field], rows: Iterable[dict[str, str]]) -> bytes:
    """A CSV file with exactly these columns: a row with a key more or less is a bug."""
    names = [c.name for c in columns]
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    for row in rows:
        if list(row) != names:
            raise ValueError(f"row columns {list(row)} are not the declared {names}")
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def facts_csv(fb: FactBase) -> bytes:
    return _csv(FACT_COLUMNS, (fact_row(f, fb.entities) for f in fb.facts.values()))


def facts_from_csv(text: str) -> list[Fact]:
    return [fact_from_row(row) for row in csv.DictReader(io.StringIO(text, newline=""))]


#: facts.csv for Excel: the same bytes after a UTF-8 byte-order mark, which Excel reads
#: as "this is UTF-8" (without it, a double-click garbles the Chinese).
EXCEL_FACTS = "facts-excel.csv"
UTF8_BOM = b"\xef\xbb\xbf"


# --------------------------------------------------------------------------- sources, entities


def source_row(source: Source, archive_sha256: str) -> dict[str, str]:
    published_start, published_end = period_days(source.published)
    note, prov = source.published_note, source.provenance
    return {
        "id": source.id, "archive": source.archive, "archive_sha256": archive_sha256,
        "lines": _json_cell(source.lines),
        "title_original": source.title_original, "title_en": source.title_en,
        "outlet_en": source.outlet.en, "outlet_zh": source.outlet.zh,
        "authors": json.dumps(source.authors, ensure_ascii=False),
        "published": source.published,
        "published_basis": _cell(source.published_basis.value if source.published_basis
                                 else None),
        "published_start": published_start, "published_end": published_end,
        "published_note_en": note.en if note else "", "published_note_zh": note.zh if note else "",
        "language": source.language, "script": source.script.value, "kind": source.kind.value,
        "channel": prov.channel.value, "retells": prov.retells.value,
        "original_en": prov.original.en if prov.original else "",
        "original_zh": prov.original.zh if prov.original else "",
        "reposted_by_en": prov.reposted_by.en if prov.reposted_by else "",
        "reposted_by_zh": prov.reposted_by.zh if prov.reposted_by else "",
        "via_en": source.via.en, "via_zh": source.via.zh, "url": _cell(source.url),
        "own_voice": json.dumps(source.own_voice, ensure_ascii=False),
        "errata": _json_cell([e.model_dump(mode="json", exclude_none=True)
                              for e in source.errata]),
    }


def sources_csv(fb: FactBase) -> bytes:
    return _csv(SOURCE_COLUMNS, (source_row(s, fb.archives[s.archive].sha256 if s.archive in
                                            fb.archives else "")
                                 for s in fb.sources.values()))


def entity_row(entity: Entity) -> dict[str, str]:
    return {
        "id": entity.id, "kind": entity.kind.value,
        "name_en": entity.name.en, "name_zh": entity.name.zh,
        "aliases": _json_cell(entity.aliases),
        "description_en": entity.description.en, "description_zh": entity.description.zh,
        "parent": _cell(entity.parent), "members": _json_cell(entity.members),
        "aggregate": _cell(bool(entity.members)),
    }


def entities_csv(fb: FactBase) -> bytes:
    return _csv(ENTITY_COLUMNS, (entity_row(e) for e in fb.entities.values()))


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
        period_start, period_end = period_days(fact.as_of)
        rows.append({
            "fact": fact.id,
            "subject": fact.subject or "",
            **_subject_cells(fact.subject, fb.entities),
            "as_of": fact.as_of or "",
            "as_of_basis": fact.as_of_basis.value if fact.as_of_basis else "",
            "period_start": period_start,
            "period_end": period_end,
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
    rows: int | None   # None for a file that is not a table (README.md, datapackage.json)
    description: str


#: The downloads of the last fact base, per (site_name, site_url): a build asks for them
#: several times (the files, the downloads page, each download_count()), and making them
#: dumps every fact. Holding the last FactBase keeps one build's data alive, no more.
_made: tuple[FactBase | None, dict[tuple[str, str], list[Download]]] = (None, {})


def downloads(fb: FactBase, site_name: str = "Race & Reliance",
              site_url: str = "") -> list[Download]:
    """Every download file, in the order the downloads page lists them: the README and
    datapackage.json (which describe all the others) first."""
    global _made
    if _made[0] is not fb:
        _made = (fb, {})
    cache = _made[1]
    key = (site_name, site_url)
    if key not in cache:
        made = _make_downloads(fb, site_name, site_url)
        cache[key] = _about(fb, made, site_name, site_url) + made
    return list(cache[key])


def _make_downloads(fb: FactBase, site_name: str, site_url: str) -> list[Download]:
    facts = [f.model_dump(mode="json", exclude_none=True) for f in fb.facts.values()]
    sources = [s.model_dump(mode="json", exclude_none=True) for s in fb.sources.values()]
    entities = [e.model_dump(mode="json", exclude_none=True) for e in fb.entities.values()]
    facts_table = facts_csv(fb)
    out = [
        Download("facts.csv", facts_table, len(facts),
                 "Every fact, one row each; nested parts flattened (see the columns below)."),
        Download(EXCEL_FACTS, UTF8_BOM + facts_table, len(facts),
                 "facts.csv for Excel: the same, UTF-8 with a byte-order mark, so a "
                 "double-click shows the Chinese."),
        Download("facts.json", _json(_envelope("facts", facts, site_name, site_url)),
                 len(facts), JSON_FILES["facts.json"]),
        Download("sources.csv", sources_csv(fb), len(sources),
                 "Every source, one row each (lists as JSON)."),
        Download("sources.json", _json(_envelope("sources", sources, site_name, site_url)),
                 len(sources), JSON_FILES["sources.json"]),
        Download("entities.csv", entities_csv(fb), len(entities),
                 "Every entity, one row each; members: what a group such as BAT stands for."),
        Download("entities.json", _json(_envelope("entities", entities, site_name, site_url)),
                 len(entities), JSON_FILES["entities.json"]),
    ]
    # BibTeX (macros/render/citations.py): every article once, every fact once.
    from . import citations
    out += [
        Download(citations.SOURCES_BIB,
                 citations.sources_bib(fb, site_name, site_url).encode("utf-8"), len(sources),
                 "Every article our facts quote, one BibTeX entry each (classic styles and "
                 "biblatex); the fact entries refer to these."),
        Download(citations.FACTS_BIB,
                 citations.facts_bib(fb, site_name, site_url).encode("utf-8"), len(facts),
                 "Every fact as a BibTeX entry, as on its page, each referring to its "
                 "article in sources.bib."),
    ]
    for measure in fb.measures.values():
        rows = measure_rows(fb, measure.id)
        if not rows:
            continue
        out.append(Download(measure_file(measure.id), _csv(MEASURE_COLUMNS, rows), len(rows),
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


# --------------------------------------------------------------------------- the package


@dataclass(frozen=True)
class Table:
    """A CSV download as a Tabular Data Resource: its columns, keys and encoding."""

    name: str            # the resource's name in datapackage.json
    title: str
    columns: list[Field]
    primary_key: str
    #: (column, resource, column): e.g. ('source', 'sources', 'id'); '' is this table.
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    encoding: str = "utf-8"


_FACT_KEYS = (("subject", "entities", "id"), ("speaker", "entities", "id"),
              ("data_producer", "entities", "id"), ("source", "sources", "id"))


def table(name: str, fb: FactBase) -> Table:
    """The Table Schema of a CSV download; ValueError for a CSV nobody described (a new
    CSV must say its columns here before it can ship)."""
    if name in ("facts.csv", EXCEL_FACTS):
        excel = name == EXCEL_FACTS
        return Table("facts-excel" if excel else "facts",
                     "Facts (for Excel: UTF-8 with BOM)" if excel else "Facts",
                     FACT_COLUMNS, "id", _FACT_KEYS, "utf-8-sig" if excel else "utf-8")
    if name == "sources.csv":
        return Table("sources", "Sources", SOURCE_COLUMNS, "id")
    if name == "entities.csv":
        return Table("entities", "Entities", ENTITY_COLUMNS, "id", (("parent", "", "id"),))
    measure_id = name.removeprefix("measures/").removesuffix(".csv")
    if name == measure_file(measure_id) and measure_id in fb.measures:
        return Table(f"measure-{measure_id}", fb.measures[measure_id].name.en,
                     MEASURE_COLUMNS, "fact",
                     (("fact", "facts", "id"), ("subject", "entities", "id"),
                      ("source", "sources", "id")))
    raise ValueError(f"{name}: a CSV download with no table described in exports.table()")


def data_modified(fb: FactBase) -> str:
    """The latest change recorded in the data (a fact's updated or added date): the
    package's version and date, never the build clock. '' when none is known."""
    return max((f.updated or f.added for f in fb.facts.values()
                if dates.is_known(f.updated or f.added)),
               key=dates.sort_key, default="")


def _version(modified: str) -> tuple[str, str | None]:
    """(version, created) from the latest change: '2026-12-01' -> ('2026.12.1',
    '2026-12-01T00:00:00Z'), a calendar version in semantic-version form; ('0.0.0', None)
    when the data records no date."""
    if not dates.is_known(modified):
        return "0.0.0", None
    day = dates.first_day(modified)
    return f"{day.year}.{day.month}.{day.day}", f"{day.isoformat()}T00:00:00Z"


def _resource(d: Download, t: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [c.table_schema() for c in t.columns],
        "missingValues": [""],
        "primaryKey": [t.primary_key],
    }
    if t.foreign_keys:
        schema["foreignKeys"] = [{"fields": [column],
                                  "reference": {"resource": resource, "fields": [target]}}
                                 for column, resource, target in t.foreign_keys]
    return {
        "name": t.name,
        "path": d.name,
        "profile": "tabular-data-resource",
        "title": t.title,
        "description": d.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": t.encoding,
        "bytes": len(d.content),
        "hash": "sha256:" + hashlib.sha256(d.content).hexdigest(),
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"',
                    "doubleQuote": True, "header": True},
        "schema": schema,
    }


def datapackage(fb: FactBase, made: list[Download], site_name: str,
                site_url: str) -> dict[str, Any]:
    """The Frictionless (Tabular) Data Package describing every CSV download: v1's
    ``profile`` and v2's ``$schema`` both given, every property common to both."""
    version, created = _version(data_modified(fb))
    sources = []
    for s in fb.sources.values():
        entry = {"title": f"{s.title_original} ({s.title_en}), {s.outlet.en}, "
                          f"{s.published}"}
        if s.url or site_url:
            entry["path"] = s.url or site_url + links.source_url(s.id, "en")
        sources.append(entry)
    package: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": site_name,
        "description": f"{DATASET_DESCRIPTION} {QUOTES_NOTICE} The data dictionary is "
                       "README.md.",
        "version": version,
        "keywords": ["AI", "China", "United States", "semiconductors", "venture capital",
                     "talent", "open source"],
        "licenses": [{"name": LICENCE_ID, "path": LICENCE_URL, "title": LICENCE_TITLE}],
        "sources": sources,
        "resources": [_resource(d, table(d.name, fb)) for d in made
                      if d.name.endswith(".csv")],
    }
    if created:
        package["created"] = created
    if site_url:
        package["homepage"] = site_url
    return package


def _about(fb: FactBase, made: list[Download], site_name: str,
           site_url: str) -> list[Download]:
    """README.md and datapackage.json, which describe the other downloads."""
    package = datapackage(fb, made, site_name, site_url)
    return [
        Download("README.md", readme(fb, made, package, site_name, site_url).encode(), None,
                 "Start here: the data dictionary (every file and column), dates and "
                 "periods, licence, how to cite, Excel."),
        Download("datapackage.json", _json(package), None,
                 "Frictionless Data Package: every CSV's columns, types, keys and licence, "
                 "for tools (frictionless, pandas, R…)."),
    ]


# --------------------------------------------------------------------------- README.md


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or heading (``<id>`` is not a tag)."""
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<")
            .replace("\n", " "))


def _dictionary(columns: list[Field]) -> list[str]:
    lines = ["| column | type | meaning |", "| --- | --- | --- |"]
    for c in columns:
        kind = c.type_label + (", required" if c.required else "")
        if c.enum and len(c.enum) <= 13:
            kind += ": one of " + ", ".join(f"`{v}`" for v in c.enum)
        lines.append(f"| `{c.name}` | {_md(kind)} | {_md(c.description)} |")
    return lines


def readme(fb: FactBase, made: list[Download], package: dict[str, Any], site_name: str,
           site_url: str) -> str:
    """downloads/README.md: a plain text data dictionary, generated from the same column
    lists as the files (a download, not a page of the site)."""
    home = site_url or "/"
    here = f"{home}{DOWNLOADS_DIR}/"
    modified = data_modified(fb) or "unknown"
    measures = [d for d in made if d.name.startswith("measures/")]
    groups = [e for e in fb.entities.values() if e.members]
    out = [
        f"# {site_name}: the data",
        "",
        f"{DATASET_DESCRIPTION} Made from the same data as the site ({home}) each time it "
        f"is built. Version {package['version']}: the date of the latest change in the "
        f"data, {modified}.",
        "",
        "`datapackage.json` describes every CSV file for tools (a Frictionless Data "
        "Package: column types, allowed values, keys, licence): "
        "`frictionless validate datapackage.json` checks the files against it. Validate "
        "the package rather than a lone CSV file, whose column types a tool can only "
        "guess from a sample of its rows.",
        "",
        "## Files",
        "",
        "| file | rows | what it holds |",
        "| --- | --- | --- |",
    ]
    out += ["| `README.md` | | This file. |",
            "| `datapackage.json` | | The same for tools: every CSV's columns, types, "
            "keys and licence (Frictionless Data Package). |"]
    out += [f"| `{d.name}` | {'' if d.rows is None else d.rows} | {_md(d.description)} |"
            for d in made if not d.name.startswith("measures/")]
    out += [
        "",
        f"`measures/<measure>.csv`: one tidy file per measure ({len(measures)} files), "
        "one row per figure:",
        "",
    ]
    out += [f"- `{d.name}` ({d.rows} {'row' if d.rows == 1 else 'rows'}): {d.description}"
            for d in measures]
    out += [
        "",
        "## Opening the CSV files in Excel",
        "",
        "Every CSV file is UTF-8. Excel opens a CSV file on a double-click in the "
        "computer's legacy code page and garbles the Chinese, except when the file starts "
        f"with a byte-order mark: `{EXCEL_FACTS}` is `facts.csv` with one, for exactly "
        "that. For any other file: Data > From Text/CSV (Excel for Mac: File > Import > "
        "CSV), choose the file, set File origin to 65001: Unicode (UTF-8), then Load. "
        "Excel may also turn `2024-03` or `2023` into dates or numbers: to keep the "
        "text, set those columns to Text in the same dialogue (Transform Data).",
        "",
        "在 Excel 中打开：所有 CSV 文件均为 UTF-8 编码。双击打开 "
        f"`{EXCEL_FACTS}`（带字节顺序标记的 UTF-8）即可正确显示中文；其他文件请使用"
        "“数据 > 从文本/CSV”，将“文件原始格式”设为“65001: Unicode (UTF-8)”后加载。",
        "",
        "## Dates and periods",
        "",
        "- A date's precision is its form: `YYYY` (a year), `YYYY-MM` (a month), "
        "`YYYY-MM-DD` (a day). `2024` means some time in 2024, not 1 January. Columns: "
        "`date`, `not_after`, `horizon`, `review_by`, `added`, `updated`, `published`.",
        "- `as_of` is a date or a period `START..END` of two such dates, both ends "
        "included at their precision: `2024-01..2024-08` is January to August 2024. This "
        "is the one period syntax of the data (the site's YAML and every file); it is not "
        "ISO 8601's `START/END`, nor EDTF, where `..` marks an open end.",
        "- `unknown`: the source does not say. `not_after` then gives the latest it can "
        "be (usually the source's publication date).",
        "- `period_start`, `period_end` (and `published_start`, `published_end`): the "
        "first and last day the period or date can mean, as ISO 8601 dates "
        "(`2024-03` -> `2024-03-01`, `2024-03-31`); empty when unknown. They parse with "
        "any date parser (`pandas.to_datetime`, `datetime.date.fromisoformat`); use them "
        "to sort, filter or plot. In facts.csv they come from `as_of` when the fact has "
        "one, else from `date`.",
        "",
        "## Where a date comes from",
        "",
        "`as_of_basis`, `date_basis`, `published_basis`: `printed` (the source prints it, "
        "at this precision), `inferred` (from the source's context; `basis_note_en`, or "
        "`published_note_en` for a source, says how) or `outside` (from outside our "
        "sources; the note names where). A date is never more precise than its basis.",
        "",
        "## Aggregates: do not sum with their members",
        "",
        "Some subjects are groups: a shorthand such as BAT stands for Baidu, Alibaba and "
        "Tencent taken together (`members` in entities.csv). A figure about a group can "
        "sit beside the figures of its members on the same measure; `aggregate` is "
        "`true` on its rows. Do not sum it with its members' figures: the same money "
        "would count twice. The groups in this version:",
        "",
        *([f"- `{e.id}` ({e.name.en}): " + ", ".join(f"`{m}`" for m in e.members)
           for e in groups] or ["- none"]),
        "",
        "## What a figure is",
        "",
        "A figure is what a source says, hedged as the source hedges it (`qualifier`), in "
        "the source's own units; conversions are ours and marked as such (`conversion`). "
        "Claims, forecasts and opinions (`kind`) record that someone said something, not "
        "that it is true.",
        "",
        "## Columns",
        "",
        "Empty cells are missing values. Lists and nested objects are JSON in one cell.",
        "",
        *(line for _, files, columns in DICTIONARY
          for line in (f"### {_md(files)}", "", *_dictionary(columns), "")),
        "The JSON files (facts.json, sources.json, entities.json) hold the same records "
        "field for field as the site's data model, nested objects kept.",
        "",
        "## Licence",
        "",
        f"Our text and data (statements, translations, notes, the structure of the files) "
        f"are licensed under {LICENCE_TITLE} ({LICENCE}, {LICENCE_URL}). {QUOTES_NOTICE}",
        "",
        "## How to cite",
        "",
        f"{site_name} (version {package['version']}), {here}, {LICENCE}. For a single "
        f"fact, cite its page ({home}facts/<id>/, which gives BibTeX and CSL-JSON) and the "
        "source article it quotes (sources.csv).",
        "",
    ]
    return "\n".join(out)

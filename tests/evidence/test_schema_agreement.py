"""The JSON Schema editors use and the loader agree on dates and periods.

The same values, written as YAML exactly as an editor would type them, go through both
the loader (our YAML reader, then the pydantic model) and a JSON Schema validator
(``jsonschema``) on the schema generated from the model, and must get the same verdict.

What a pattern can share: the form (YYYY, YYYY-MM, YYYY-MM-DD, START..END, 'unknown'),
the month range, each month's length and 29 February in leap years only (a date has a
fixed width, so the calendar fits in a regular expression: ``dates._CALENDAR_DATE``),
and the type: an unquoted ``2023`` is a YAML number, refused by both (the schema says
``type: string``, the loader says "write it in quotes").

What it cannot: the order of a period's ends. ``2024-01..2023-12`` matches the pattern
(a regular expression cannot compare two dates), so the schema accepts it and only the
loader rejects it ("ends before it starts"). ``ORDER_ONLY`` lists those values and the
test asserts exactly that split.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from pathlib import Path

import jsonschema
import pytest
from evidence_helpers import MINI_DATA, REPO
from pydantic import BaseModel, ValidationError

from macros.evidence import dates, model
from macros.evidence.model import FactsFile, PartialDate, Period
from macros.evidence.schema import SCHEMA_MODELS, render_schema
from macros.evidence.yamlload import load_yaml

#: (YAML as written, valid?) for a partial-date field (added, date, published…).
PARTIAL_DATES: list[tuple[str, bool]] = [
    ('"2024-02-22"', True), ("2024-02-22", True), ('"2024-03"', True), ("2024-03", True),
    ('"2024"', True), ('"unknown"', True), ("unknown", True),
    ('"2024-02-29"', True), ('"2000-02-29"', True), ('"2023-12-31"', True),
    ('"26 Nov 2026"', False), ('"H1 2024"', False), ("2023", False), ("2023.5", False),
    ('"2024-02-30"', False), ('"2023-02-29"', False), ('"1900-02-29"', False),
    ('"2024-04-31"', False), ('"2024-13"', False), ('"2024-00"', False),
    ('"2024-01-00"', False), ('"0000"', False), ('"24-01-01"', False), ('"2024-1-5"', False),
    ('"2024/02/22"', False), ('""', False), ('" 2024"', False), ('"Unknown"', False),
    ('"2024..2025"', False), ("true", False), ("null", False),
]

#: (YAML as written, valid?) for as_of: a date, a period START..END, or 'unknown'.
PERIODS: list[tuple[str, bool]] = [
    ('"2023"', True), ('"2024-03"', True), ('"2024-06-30"', True), ('"unknown"', True),
    ('"2024-01..2024-08"', True), ('"2019..2022"', True), ('"2024..2024-06"', True),
    ('"2024-02-29..2024-03-01"', True), ('"2024-03..2024-03"', True),
    ("2023", False), ('"H1 2024"', False), ('"26 Nov 2026"', False), ('"2024-13"', False),
    ('"2024-02-30"', False), ('"2023-02-29..2023-03"', False), ('"2024-01/2024-08"', False),
    ('"2024-01..unknown"', False), ('"unknown..2024"', False), ('"2024-01..2024-08..2025"', False),
    ('"2024-01 .. 2024-08"', False), ('"2024.."', False),
]

#: Values only the loader can reject: a period that ends before it starts.
ORDER_ONLY: list[str] = ['"2024-01..2023-12"', '"2022..2019"', '"2024-06-02..2024-06-01"']


def _fact_yaml(field: str, written: str) -> str:
    added = written if field == "added" else '"2026-11-26"'
    extra = "" if field == "added" else f"\n    {field}: {written}"
    return f"""theme: compute
facts:
  - id: a-fact
    theme: compute
    kind: statistic
    statement: {{en: "A figure.", zh: "一个数字。"}}
    source: a-source
    quote: "数字"
    quote_en: "figure"
    added: {added}{extra}
"""


def _loader_accepts(text: str) -> bool:
    loaded = load_yaml(text)
    assert loaded.error is None, loaded.error
    try:
        FactsFile.model_validate(loaded.data)
    except ValidationError:
        return False
    return True


@pytest.fixture(scope="module")
def facts_schema() -> jsonschema.Draft202012Validator:
    schema = json.loads(render_schema("facts"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _schema_accepts(validator: jsonschema.Draft202012Validator, text: str) -> bool:
    loaded = load_yaml(text)
    assert loaded.error is None, loaded.error
    return validator.is_valid(loaded.data)


@pytest.mark.parametrize("field", ["added", "date"])
@pytest.mark.parametrize(("written", "valid"), PARTIAL_DATES, ids=[w for w, _ in PARTIAL_DATES])
def test_partial_dates_get_the_same_verdict(facts_schema, field: str, written: str,
                                            valid: bool) -> None:
    text = _fact_yaml(field, written)
    if field == "date" and written == "null":
        valid = True  # date is optional: null is "not given", for both
    assert _loader_accepts(text) is valid
    assert _schema_accepts(facts_schema, text) is valid


@pytest.mark.parametrize(("written", "valid"), PERIODS, ids=[w for w, _ in PERIODS])
def test_periods_get_the_same_verdict(facts_schema, written: str, valid: bool) -> None:
    text = _fact_yaml("as_of", written)
    assert _loader_accepts(text) is valid
    assert _schema_accepts(facts_schema, text) is valid


@pytest.mark.parametrize("written", ORDER_ONLY)
def test_a_backwards_period_is_caught_by_the_loader_only(facts_schema, written: str) -> None:
    """A regular expression cannot compare a period's two ends: the schema lets it pass,
    the loader (``rr-check``, the build) rejects it with "ends before it starts"."""
    text = _fact_yaml("as_of", written)
    assert _schema_accepts(facts_schema, text)
    assert not _loader_accepts(text)
    with pytest.raises(ValueError, match="ends before it starts"):
        dates.validate_period(written.strip('"'))


def test_a_number_gets_a_message_saying_to_quote_it() -> None:
    loaded = load_yaml(_fact_yaml("as_of", "2023"))
    with pytest.raises(ValidationError, match=r'2023 is a number, not a date: write it in '
                                              r'quotes, "2023"'):
        FactsFile.model_validate(loaded.data)


def test_the_calendar_pattern_matches_the_loader_on_every_day() -> None:
    """Every YYYY-MM-DD of four whole centuries (leap rules for 1900, 2000, 2100, 2400)
    and impossible days and months around them: the pattern and the loader agree."""
    pattern = re.compile(dates.PARTIAL_DATE_JSON_PATTERN)

    def loader(text: str) -> bool:
        try:
            dates.validate_partial_date(text)
        except ValueError:
            return False
        return True

    years = [0, 1, 4, 100, 400, 999, 1000, 9999, *range(1896, 1905), *range(1996, 2005),
             *range(2096, 2105), *range(2396, 2405), *range(2020, 2031)]
    checked = 0
    for year in years:
        texts = [f"{year:04d}"] + [f"{year:04d}-{m:02d}" for m in range(0, 14)]
        texts += [f"{year:04d}-{m:02d}-{d:02d}" for m in range(0, 14) for d in range(0, 33)]
        for text in texts:
            assert bool(pattern.search(text)) is loader(text), text
            checked += 1
    assert checked > 20_000
    day = dt.date(1, 1, 1)  # and every real day from year 1 to 2200 matches
    while day.year < 2200:
        assert pattern.search(day.isoformat()), day
        day += dt.timedelta(days=1)


def _date_kind(hint: object) -> str | None:
    for inner in (hint, *typing.get_args(hint)):
        if inner == PartialDate:
            return "partial date"
        if inner == Period:
            return "period"
    return None


def test_every_date_field_of_every_schema_carries_its_pattern() -> None:
    expected = {"partial date": dates.PARTIAL_DATE_JSON_PATTERN,
                "period": dates.PERIOD_JSON_PATTERN}
    found = 0
    for name in SCHEMA_MODELS:
        schema = json.loads(render_schema(name))
        definitions = {name: schema, **schema.get("$defs", {})}
        for def_name, definition in definitions.items():
            cls = getattr(model, def_name, None) if def_name != name else SCHEMA_MODELS[name]
            if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
                continue
            hints = typing.get_type_hints(cls, include_extras=True)
            for field, prop in definition.get("properties", {}).items():
                kind = _date_kind(hints[field])
                if kind is None:
                    continue
                strings = [p for p in prop.get("anyOf", [prop]) if p.get("type") == "string"]
                assert [p.get("pattern") for p in strings] == [expected[kind]], \
                    f"{name}: {def_name}.{field}"
                found += 1
    assert found >= 10  # published, date, not_after, horizon, added, as_of, retired…


def _data_files() -> list[Path]:
    return sorted([*MINI_DATA.rglob("*.yaml"), *(REPO / "data").rglob("*.yaml")])


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_data_files_pass_the_schema_they_name(path: Path) -> None:
    """What check-jsonschema or an editor says of the files the loader accepts."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    schema = json.loads((REPO / "data" / "schema" / first.split("schema/")[1]).read_text(
        encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in
              jsonschema.Draft202012Validator(schema).iter_errors(
                  load_yaml(path.read_text(encoding="utf-8")).data)]
    assert errors == []

"""The pydantic data model: field rules that do not need other files."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from macros.evidence import dates
from macros.evidence.model import QUOTE_MAX_CHARS, Entity, Fact, GlossaryTerm, Quantity

FACT = {
    "id": "a-fact", "theme": "compute", "kind": "event",
    "statement": {"en": "Something happened.", "zh": "发生了一件事。"},
    "date": "2025-01-20", "source": "a-source", "quote": "发生了", "quote_en": "happened",
    "added": "2026-11-26",
}


def _errors(model, data) -> list[tuple]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(error["loc"], error["type"]) for error in caught.value.errors()]


def test_a_minimal_fact_is_valid() -> None:
    fact = Fact.model_validate(FACT)
    assert fact.kind.value == "event" and fact.entities == [] and not fact.current_state


@pytest.mark.parametrize("date", ["2025", "2025-02", "2025-02-28", "unknown"])
def test_partial_dates(date: str) -> None:
    assert Fact.model_validate({**FACT, "date": date}).date == date


def test_dates_are_kept_as_text_and_bare_years_must_be_quoted() -> None:
    import datetime as dt
    assert Fact.model_validate({**FACT, "date": dt.date(2025, 1, 2)}).date == "2025-01-02"
    # An unquoted YAML year is a number: the JSON Schema (type string) refuses it, so
    # the loader does too, saying how to write it (tests/evidence/test_schema_agreement.py).
    with pytest.raises(ValidationError, match=r'write it in quotes, "2025"'):
        Fact.model_validate({**FACT, "date": 2025})


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13", "25-01-01", "January 2025", ""])
def test_bad_dates(date: str) -> None:
    assert _errors(Fact, {**FACT, "date": date}) == [(("date",), "value_error")]


@pytest.mark.parametrize(("as_of", "ok"), [
    ("2019..2022", True), ("2023-06", True), ("unknown", True), (2022, False),
    ("2022..2019", False), ("2019-2022", False),
])
def test_as_of_periods(as_of, ok: bool) -> None:
    data = {**FACT, "as_of": as_of}
    if ok:
        assert Fact.model_validate(data).as_of == str(as_of)
    else:
        assert _errors(Fact, data) == [(("as_of",), "value_error")]


def test_date_precision() -> None:
    assert [dates.precision(d) for d in ("2025", "2025-06", "2025-06-01", "unknown")] == [
        "year", "month", "day", "unknown"]


def test_unknown_fields_are_errors() -> None:
    assert _errors(Fact, {**FACT, "qoute": "x"}) == [(("qoute",), "extra_forbidden")]


def test_ids_are_kebab_case() -> None:
    assert _errors(Fact, {**FACT, "id": "A_Fact"}) == [(("id",), "string_pattern_mismatch")]


def test_quote_length_is_limited() -> None:
    Fact.model_validate({**FACT, "quote": "字" * QUOTE_MAX_CHARS})
    assert _errors(Fact, {**FACT, "quote": "字" * (QUOTE_MAX_CHARS + 1)}) == [
        (("quote",), "string_too_long")]


QUANTITY = {"unit": "USD", "as_printed": "10亿美元"}


@pytest.mark.parametrize("shape", [{"value": 10}, {"value": 1.5}, {"low": 1, "high": 2}])
def test_quantity_shapes(shape: dict) -> None:
    Quantity.model_validate({**QUANTITY, **shape})


@pytest.mark.parametrize("shape", [{}, {"low": 1}, {"value": 1, "low": 1, "high": 2},
                                   {"low": 3, "high": 2}])
def test_bad_quantity_shapes(shape: dict) -> None:
    assert _errors(Quantity, {**QUANTITY, **shape}) == [((), "value_error")]


@pytest.mark.parametrize("value", ["10", True, float("nan"), [1]])
def test_numbers_are_numbers_with_one_error(value) -> None:
    assert _errors(Quantity, {**QUANTITY, "value": value}) == [(("value",), "value_error")]


def test_entity_kinds_are_an_enum() -> None:
    entity = {"id": "nvidia", "kind": "compnay", "name": {"en": "Nvidia", "zh": "英伟达"},
              "description": {"en": "Chips.", "zh": "芯片。"}}
    assert _errors(Entity, entity) == [(("kind",), "enum")]


TERM = {"id": "export-controls", "term": {"en": "Export controls", "zh": "出口管制"},
        "definition": {"en": "Rules on exports.", "zh": "出口规则。"}}


def test_a_glossary_term_is_matched_by_its_name_and_aliases_as_written() -> None:
    term = GlossaryTerm.model_validate(
        {**TERM, "aliases": {"en": ["export  control", "Export controls"]}})
    assert term.forms("en") == ["Export controls", "export controls", "export control"]
    assert term.forms("zh") == ["出口管制"]
    assert GlossaryTerm.model_validate({**TERM, "term": {"en": "GPU", "zh": "GPU"}}
                                       ).forms("en") == ["GPU"]


@pytest.mark.parametrize("change,loc", [
    ({"aliases": {"en": [""]}}, ("aliases", "en", 0)),
    ({"aliases": {"fr": ["x"]}}, ("aliases", "fr")),
    ({"definition": {"en": "Only English."}}, ("definition", "zh")),
    ({"facts": ["Not An Id"]}, ("facts", 0)),
    ({"outside": [{"text": {"en": "x", "zh": "x"}}]}, ("outside", 0, "reference")),
])
def test_a_glossary_term_rejects(change, loc) -> None:
    assert loc in [where for where, _ in _errors(GlossaryTerm, {**TERM, **change})]

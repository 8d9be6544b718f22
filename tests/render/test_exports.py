"""Downloads: facts.csv and facts.json read back into the same facts as the YAML."""

from __future__ import annotations

import csv
import io
import json

import pytest

from macros.render import exports


@pytest.mark.parametrize("fb_name", ["mini_factbase", "factbase"])
def test_facts_round_trip(request, fb_name):
    fb = request.getfixturevalue(fb_name)
    files = {d.name: d for d in exports.downloads(fb, "T", "https://example.org/")}
    facts = [f.model_dump() for f in fb.facts.values()]
    # Compared as dumps: other tests may reload the engine modules (new Fact classes).
    csv_facts = exports.facts_from_csv(files["facts.csv"].content.decode("utf-8"))
    json_facts = exports.facts_from_json(files["facts.json"].content.decode("utf-8"))
    assert [f.model_dump() for f in csv_facts] == facts
    assert [f.model_dump() for f in json_facts] == facts


def test_counts_and_envelope(factbase):
    files = {d.name: d for d in exports.downloads(factbase, "T", "https://example.org/")}
    assert files["facts.csv"].rows == len(factbase.facts)
    for name, items in (("sources.json", factbase.sources), ("entities.json", factbase.entities)):
        data = json.loads(files[name].content)
        key = name.split(".")[0]
        assert data["count"] == len(data[key]) == len(items) == files[name].rows
        assert [x["id"] for x in data[key]] == list(items)
        assert data["licence"] == "CC BY 4.0"


def test_measure_csvs_are_tidy(factbase):
    files = exports.downloads(factbase)
    measures = [d for d in files if d.name.startswith("measures/")]
    assert {d.name for d in measures} == {f"measures/{m}.csv" for m in factbase.by_measure}
    for d in measures:
        rows = list(csv.DictReader(io.StringIO(d.content.decode())))
        assert list(rows[0]) == [c.name for c in exports.MEASURE_COLUMNS]
        mid = d.name[len("measures/"):-4]
        facts = factbase.by_measure[mid]
        assert len(rows) == d.rows == len(facts)
        for row, fact in zip(rows, facts, strict=True):
            q = fact.quantity
            assert row["fact"] == fact.id and row["quote"] == fact.quote
            assert row["unit"] == q.unit.value and row["qualifier"] == q.qualifier.value
            for part in ("value", "low", "high"):
                got = getattr(q, part)
                assert (row[part] == "") if got is None else float(row[part]) == got


def test_deterministic(factbase):
    a = [(d.name, d.content) for d in exports.downloads(factbase, "T", "u")]
    b = [(d.name, d.content) for d in exports.downloads(factbase, "T", "u")]
    assert a == b
    assert all(b"\r\n" not in content for _, content in a)


def test_data_dictionary_covers_every_fact_field():
    from macros.evidence.model import Fact

    columns = {exports._split(c.name)[0] for c in exports.FACT_COLUMNS}
    assert set(Fact.model_fields) <= columns

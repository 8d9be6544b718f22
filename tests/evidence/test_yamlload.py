"""The marking YAML loader: values as safe_load gives them, plus line/column of everything."""

from __future__ import annotations

import pytest
import yaml
from evidence_helpers import MINI_DATA

from macros.evidence.yamlload import (
    PurePythonParser,
    YamlList,
    YamlMap,
    load_yaml,
    locate,
)

TEXT = """\
# comment
facts:
  - id: first
    quantity: {value: 15, unit: percent}
    entities: [china, us]
  - id: second
    statement:
      en: "Hello"
      zh: 你好
"""


@pytest.fixture(params=["libyaml", "pure-python"])
def load(request):
    if request.param == "libyaml":
        return load_yaml
    return lambda text: load_yaml(text, PurePythonParser)


def test_marks_of_mappings_keys_values_and_items(load) -> None:
    data = load(TEXT).data
    assert isinstance(data, YamlMap) and data.mark == (2, 1)
    facts = data["facts"]
    assert isinstance(facts, YamlList)
    assert data.key_marks["facts"] == (2, 1) and facts.mark == (3, 3)
    assert facts.item_marks == [(3, 5), (6, 5)]
    first, second = facts
    assert first.mark == (3, 5)
    assert first.key_marks["quantity"] == (4, 5)
    assert first.value_marks["quantity"] == (4, 15)
    assert first["quantity"].value_marks["unit"] == (4, 33)
    assert first["entities"].item_marks == [(5, 16), (5, 23)]
    assert second["statement"].value_marks["zh"] == (9, 11)


def test_locate_maps_pydantic_locs(load) -> None:
    data = load(TEXT).data
    assert locate(data, ("facts", 0, "quantity", "unit")) == (4, 33)  # a scalar: its value
    assert locate(data, ("facts", 0, "quantity")) == (4, 5)  # a container: its key
    assert locate(data, ("facts", 0, "entities", 1)) == (5, 23)
    assert locate(data, ("facts", 1, "quote")) == (6, 5)  # missing: the mapping
    assert locate(data, ("facts", 1, "statement", "zh")) == (9, 11)
    assert locate(data, ("facts", 1, "id"), key=True) == (6, 5)  # unknown field: its key
    assert locate(data, ("facts", 7)) == (2, 1)
    assert locate(data, ("facts", 0, "quantity", "value", "int")) == (4, 23)  # union tags


def test_values_equal_safe_load_except_dates_stay_text(load) -> None:
    class DatesAsText(yaml.SafeLoader):
        pass

    DatesAsText.add_constructor("tag:yaml.org,2002:timestamp",
                                lambda loader, node: loader.construct_scalar(node))
    for path in sorted(MINI_DATA.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert load(text).data == yaml.load(text, Loader=DatesAsText), path


def test_scalars_resolve_like_yaml_1_1(load) -> None:
    data = load("a: 12\nb: 1.5\nc: yes\nd: ~\ne: '12'\nf: 2024-02-22\ng: 2024-02-30\n"
                "h: 0x1f\ni:\nj: &x [1]\nk: *x\n").data
    assert data == {"a": 12, "b": 1.5, "c": True, "d": None, "e": "12", "f": "2024-02-22",
                    "g": "2024-02-30", "h": 31, "i": None, "j": [1], "k": [1]}


@pytest.mark.parametrize(("text", "line", "column", "message"), [
    ("a: 1\nb: c: d\n", 2, 5, "mapping values are not allowed"),
    ("a:\n  - x\n - y\n", 3, 2, "expected"),
    ("a: [1, 2\n", 2, 1, "expected ',' or ']'"),
    ("a: 'open\n", 2, 1, "found unexpected end of stream"),
    ("a: *missing\n", 1, 4, "found undefined alias"),
    ("a: 1\n---\nb: 2\n", 2, 1, "but found another document"),
    ("a: !!python/object/apply:os.system ['true']\n", 1, 4, "unsupported tag"),
    ("a: !!python/name:os.system ''\n", 1, 4, "could not determine a constructor"),
    ("<<: {a: 1}\n", 1, 1, "merge keys (<<) are not supported"),
    ("? [a]\n: 1\n", 1, 3, "non-scalar key"),
    ("a: '\x07'\n", 1, 5, "characters are not allowed"),
])
def test_errors_are_returned_with_their_position_never_raised(load, text, line, column,
                                                               message) -> None:
    loaded = load(text)
    assert loaded.data is None
    assert (loaded.error.line, loaded.error.column) == (line, column)
    assert message in loaded.error.message + (loaded.error.context or "")


def test_duplicate_keys_are_recorded(load) -> None:
    loaded = load("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert loaded.data == {"a": 1, "b": {"c": 2}}
    [duplicate] = loaded.duplicate_keys
    assert (duplicate.key, duplicate.mark, duplicate.first) == ("c", (4, 3), (3, 3))


def test_empty_document(load) -> None:
    assert load("").data is None and load("").error is None
    assert load("# only a comment\n").data is None

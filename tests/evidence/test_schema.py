"""The JSON Schemas in data/schema/ are generated from the model and must not drift."""

from __future__ import annotations

import json
from pathlib import Path

from evidence_helpers import MINI_DATA, REPO

from macros.evidence.schema import SCHEMA_MODELS, render_schema, stale_schemas, write_schemas

SCHEMA_DIR = REPO / "data" / "schema"


def test_committed_schemas_match_the_model() -> None:
    stale = [str(path.relative_to(REPO)) for path in stale_schemas(SCHEMA_DIR)]
    assert stale == [], f"schemas drifted from macros/evidence/model.py: {stale}; run " \
                        "`.venv/bin/rr-check --write-schemas`"


def test_write_schemas_writes_one_per_file_kind(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "schema")
    assert sorted(path.name for path in written) == sorted(
        f"{name}.schema.json" for name in ("sources", "entities", "questions", "measures",
                                           "facts", "retired", "glossary"))
    assert stale_schemas(tmp_path / "schema") == []
    (tmp_path / "schema" / "facts.schema.json").write_text("{}", encoding="utf-8")
    assert [p.name for p in stale_schemas(tmp_path / "schema")] == ["facts.schema.json"]


def test_schemas_carry_descriptions_and_examples_from_the_model() -> None:
    facts = json.loads(render_schema("facts"))
    fact = facts["$defs"]["Fact"]["properties"]
    assert "verbatim" in fact["quote"]["description"]
    assert fact["quote"]["maxLength"] == 150
    assert fact["id"]["examples"] == ["china-top-ai-researcher-share-2022"]
    assert facts["additionalProperties"] is False


def test_data_files_name_their_schema_on_the_first_line() -> None:
    for name in SCHEMA_MODELS:
        paths = sorted((MINI_DATA / "facts").glob("*.yaml")) if name == "facts" else [
            MINI_DATA / f"{name}.yaml"]
        for path in paths:
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first.endswith(f"schema/{name}.schema.json"), path

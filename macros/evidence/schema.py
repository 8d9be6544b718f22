"""JSON Schemas for the data files, generated from the model (never written by hand).

Editors' YAML language servers read them through each file's first line
(``# yaml-language-server: $schema=schema/facts.schema.json``) for completion, hover
help and red squiggles. ``rr-check --write-schemas`` regenerates them; a test fails when
the committed files drift from the model.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .model import (
    EntitiesFile,
    FactsFile,
    GlossaryFile,
    MeasuresFile,
    QuestionsFile,
    RetiredFile,
    SourcesFile,
)

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "sources": SourcesFile,
    "entities": EntitiesFile,
    "questions": QuestionsFile,
    "measures": MeasuresFile,
    "facts": FactsFile,
    "retired": RetiredFile,
    "glossary": GlossaryFile,
}
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_path(schema_dir: Path, name: str) -> Path:
    return schema_dir / f"{name}.schema.json"


def render_schema(name: str) -> str:
    """The schema file's exact text, so regeneration is byte-for-byte reproducible."""
    schema = {"$schema": JSON_SCHEMA_DIALECT, **SCHEMA_MODELS[name].model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(schema_dir: Path) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMA_MODELS:
        path = schema_path(schema_dir, name)
        path.write_text(render_schema(name), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(schema_dir: Path) -> list[Path]:
    """Schema files that are missing or differ from what the model generates."""
    stale = []
    for name in SCHEMA_MODELS:
        path = schema_path(schema_dir, name)
        if not path.is_file() or path.read_text(encoding="utf-8") != render_schema(name):
            stale.append(path)
    return stale

"""The loaded, validated evidence base with the indices renderers need.

Built once per build by the checker (``macros.evidence.check.check_data``) and handed to
renderers; nothing here reads files. Plain Python, no MkDocs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import (
    Archive,
    Entity,
    Fact,
    GlossaryTerm,
    Measure,
    Question,
    RetiredFact,
    Source,
    Theme,
)


@dataclass
class FactBase:
    archives: dict[str, Archive]
    sources: dict[str, Source]
    entities: dict[str, Entity]
    questions: dict[str, Question]
    measures: dict[str, Measure]
    facts: dict[str, Fact]  # in file order: compute, capital, talent, open-source
    retired: dict[str, RetiredFact] = field(default_factory=dict)  # ids no longer in use
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)  # in file order

    # Indices, derived once in __post_init__.
    by_theme: dict[str, list[Fact]] = field(init=False)
    by_measure: dict[str, list[Fact]] = field(init=False)
    by_source: dict[str, list[Fact]] = field(init=False)
    by_entity: dict[str, list[Fact]] = field(init=False)
    by_question: dict[str, list[Fact]] = field(init=False)

    def __post_init__(self) -> None:
        by_theme: dict[str, list[Fact]] = {t.value: [] for t in Theme}
        by_measure: dict[str, list[Fact]] = defaultdict(list)
        by_source: dict[str, list[Fact]] = defaultdict(list)
        by_entity: dict[str, list[Fact]] = defaultdict(list)
        by_question: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.facts.values():
            by_theme[fact.theme.value].append(fact)
            if fact.measure:
                by_measure[fact.measure].append(fact)
            by_source[fact.source].append(fact)
            if fact.question:
                by_question[fact.question].append(fact)
            related = {*fact.entities, fact.subject, fact.speaker, fact.data_producer}
            for entity_id in sorted(e for e in related if e):
                by_entity[entity_id].append(fact)
        self.by_theme = by_theme
        self.by_measure = dict(by_measure)
        self.by_source = dict(by_source)
        self.by_entity = dict(by_entity)
        self.by_question = dict(by_question)

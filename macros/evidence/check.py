"""``check_data``: load the data directory, validate it, and check every cross-file rule.

One pass over the files collects every problem (never stopping at the first), each
located at ``path:line:column``. Objects are validated one by one, so one broken fact
does not hide the problems of the others, and ids of broken objects still count as
known, so a typo in one entity does not make every fact citing it "unknown" too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import typing
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import charts, dates
from .factbase import FactBase
from .freshness import Freshness
from .lints import CarryOverIndex, Finding, hedge_findings_of, page_sentences, uncited
from .model import (
    ID_PATTERN,
    Archive,
    Basis,
    Chart,
    Correction,
    CorrectionBasis,
    EntitiesFile,
    Entity,
    Fact,
    FactKind,
    FactsFile,
    GlossaryFile,
    GlossaryTerm,
    Measure,
    MeasuresFile,
    Question,
    QuestionsFile,
    Retelling,
    RetiredFact,
    RetiredFile,
    Source,
    SourceKind,
    SourcesFile,
    Theme,
    Unit,
)
from .normalize import ArchiveIndex, normalise, parse_line_ranges
from .problems import Problem
from .suggest import closest, did_you_mean
from .yamlload import YamlMap, gc_paused, load_yaml, locate

FACT_THEMES = [theme.value for theme in Theme]  # file order: compute, capital, talent, open-source
ARTICLES_DIR = "articles"
MODELINE = "# yaml-language-server: $schema={}"


# --------------------------------------------------------------------------- the report


@dataclass
class CheckReport:
    factbase: FactBase | None  # None when a file is missing or unreadable
    problems: list[Problem]
    warnings: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_data(data_dir: Path | str, freshness: Freshness | None = None,
               docs_dir: Path | str | None = None) -> CheckReport:
    """Load and check everything under ``data_dir``; see the module docstring.

    ``freshness`` fixes the date and age the staleness warnings use (default: today,
    and the default age), the same the pages mark facts by. ``docs_dir``, when given,
    has its pages' prose checked too (carry-over, figures with nothing cited)."""
    freshness = freshness or Freshness(dt.date.today())
    with gc_paused():
        # The checker, and with it every raw YAML tree, is freed before the collector
        # resumes; otherwise its first pass would walk all of them once more.
        checker = _Checker(Path(data_dir), freshness,
                           Path(docs_dir) if docs_dir is not None else None)
        report = checker.run()
    return report


# --------------------------------------------------------------------------- file kinds


@dataclass(frozen=True)
class _FileSpec:
    name: str  # also the schema name: data/schema/<name>.schema.json
    model: type[BaseModel]
    lists: dict[str, tuple[str, type[BaseModel]]]  # list field -> (object kind, model)


SOURCES = _FileSpec("sources", SourcesFile, {"archives": ("archive", Archive),
                                             "sources": ("source", Source)})
ENTITIES = _FileSpec("entities", EntitiesFile, {"entities": ("entity", Entity)})
QUESTIONS = _FileSpec("questions", QuestionsFile, {"questions": ("question", Question)})
MEASURES = _FileSpec("measures", MeasuresFile, {"measures": ("measure", Measure),
                                                 "charts": ("chart", Chart)})
FACTS = _FileSpec("facts", FactsFile, {"facts": ("fact", Fact)})
RETIRED = _FileSpec("retired", RetiredFile, {"retired": ("retired fact", RetiredFact)})
GLOSSARY = _FileSpec("glossary", GlossaryFile, {"terms": ("term", GlossaryTerm)})
TOP_LEVEL_FILES = [SOURCES, ENTITIES, QUESTIONS, MEASURES, RETIRED, GLOSSARY]


@dataclass
class _File:
    path: Path
    shown: str  # as printed in problems: relative to the data directory's parent
    spec: _FileSpec
    root: Any = None  # YamlMap once loaded
    duplicate_keys: list = field(default_factory=list)

    @property
    def subject(self) -> str:
        return f"{self.spec.name} file"


@dataclass
class _Item:
    """One object as written in a file: raw data and, if it validated, the model."""

    kind: str
    id: str | None
    raw: object
    obj: typing.Any
    file: _File
    index: int
    label: str | None = None  # overrides the subject, e.g. "facts file"

    @property
    def subject(self) -> str:
        if self.label:
            return self.label
        return f"{self.kind} {self.id}" if self.id else f"{self.kind} #{self.index + 1}"

    @property
    def mark(self) -> tuple[int, int]:
        return getattr(self.raw, "mark", (1, 1))


# --------------------------------------------------------------------------- the checker


class _Checker:
    def __init__(self, data_dir: Path, freshness: Freshness,
                 docs_dir: Path | None = None) -> None:
        self.data_dir = data_dir
        self.docs_dir = docs_dir
        self.article_texts: list[str] = []  # as read, for the carry-over lint
        self.base = data_dir.resolve().parent
        self.freshness = freshness
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.usable = True
        self.items: dict[str, list[_Item]] = {kind: [] for kind in
                                               ("archive", "source", "entity", "question",
                                                "measure", "chart", "fact",
                                                "retired fact", "term")}
        self.known: dict[str, dict[str, _Item]] = {}  # kind -> id -> first item with it
        self.index = ArchiveIndex()
        self.unreadable_kinds: set[str] = set()  # kinds held in a file that did not load
        self._normalised: dict[str, str] = {}  # text -> normalise(text), see _normalise

    def run(self) -> CheckReport:
        if not self.data_dir.is_dir():
            missing = Problem(self._shown(self.data_dir), 1, 1, "data directory", "", "not found")
            return CheckReport(None, [missing], [])
        for spec in TOP_LEVEL_FILES:
            self._load(self._file(self.data_dir / f"{spec.name}.yaml", spec))
        self._load_fact_files()
        self._index_ids()
        self._check_references()
        self._check_fact_rules()
        self._check_charts()
        self._check_glossary()
        self._check_archives()
        self._check_quotes()
        self._check_corrections()
        self._check_editorial()
        if self.docs_dir is not None:
            self._check_pages(self.docs_dir)
        self._check_staleness()
        factbase = self._factbase() if self.usable else None
        self.problems.sort(key=lambda p: p.sort_key)
        self.warnings.sort(key=lambda p: p.sort_key)
        return CheckReport(factbase, self.problems, self.warnings)

    def _normalise(self, text: str) -> str:
        """``normalise``, remembered for the run: the total, quote and correction checks
        and the lints compare the same quotes, statements and errata, and NFKC costs by
        the character."""
        normalised = self._normalised.get(text)
        if normalised is None:
            normalised = self._normalised[text] = normalise(text)
        return normalised

    # ----------------------------------------------------------------- reporting

    def _file(self, path: Path, spec: _FileSpec) -> _File:
        return _File(path, self._shown(path), spec)

    def _shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.base).as_posix()
        except ValueError:
            return path.as_posix()

    def _report(self, item: _Item, loc: tuple, message: str, hint: str | None = None, *,
                key: bool = False, warning: bool = False) -> None:
        line, column = locate(item.raw, loc, key=key)
        problem = Problem(item.file.shown, line, column, item.subject, _field_name(loc),
                          message, hint)
        (self.warnings if warning else self.problems).append(problem)

    def _file_problem(self, file: _File, message: str, hint: str | None = None, *,
                      line: int = 1, column: int = 1, field: str = "") -> None:
        self.problems.append(Problem(file.shown, line, column, file.subject, field,
                                     message, hint))

    # ----------------------------------------------------------------- loading

    def _load_fact_files(self) -> None:
        facts_dir = self.data_dir / "facts"
        for theme in FACT_THEMES:
            self._load(self._file(facts_dir / f"{theme}.yaml", FACTS))
        for path in sorted(facts_dir.glob("*.yaml")):
            if path.stem not in FACT_THEMES:
                self._file_problem(self._file(path, FACTS), "not a theme, so not loaded",
                                   "facts files are " + ", ".join(f"{t}.yaml" for t in FACT_THEMES))

    def _load(self, file: _File) -> None:
        root = self._parse(file)
        if root is None:
            self.usable = False
            # Its ids are unknowable: references to them are not checked (no cascade).
            self.unreadable_kinds.update(kind for kind, _ in file.spec.lists.values())
            return
        file.root = root
        self._validate_file_fields(file)
        for list_field, (kind, model) in file.spec.lists.items():
            raw_items = root.get(list_field)
            if isinstance(raw_items, list):
                items = [self._validate_item(file, kind, model, raw, index)
                         for index, raw in enumerate(raw_items)]
                self.items[kind] += items
                if file.spec is FACTS:
                    self._check_themes(file, items)
        self._report_duplicate_keys(file)

    def _report_duplicate_keys(self, file: _File) -> None:
        """YAML keeps the last of two equal keys silently; say so, under the object."""
        items = [item for kind, _ in file.spec.lists.values() for item in self.items[kind]
                 if item.file is file]
        for duplicate in file.duplicate_keys:
            line, column = duplicate.mark
            # Top-level keys start in column 1; anything deeper is inside the last object
            # that starts before it.
            before = [item for item in items if item.mark <= duplicate.mark]
            owner = max(before, key=lambda item: item.mark) if column > 1 and before else None
            self.problems.append(Problem(
                file.shown, line, column, owner.subject if owner else file.subject,
                str(duplicate.key), f"duplicate key (first at line {duplicate.first[0]})",
                "YAML would silently keep only the last"))

    def _parse(self, file: _File) -> YamlMap | None:
        """The file's top-level mapping, or None after reporting why there is none."""
        try:
            data = file.path.read_bytes()
        except FileNotFoundError:
            self._file_problem(file, "missing file")
            return None
        except OSError as exc:
            self._file_problem(file, f"cannot be read: {exc.strerror}")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self._file_problem(file, f"not valid UTF-8 (byte {exc.start})", line=line)
            return None
        self._check_modeline(file, text)
        loaded = load_yaml(text)
        if loaded.error:
            error = loaded.error
            self.problems.append(Problem(file.shown, error.line, error.column, "YAML", "",
                                         error.message, error.context))
            return None
        file.duplicate_keys = loaded.duplicate_keys
        if not isinstance(loaded.data, YamlMap):
            keys = ", ".join(file.spec.model.model_fields)
            line, column = getattr(loaded.data, "mark", (1, 1))
            message = "is empty" if loaded.data is None else "should be a mapping"
            self._file_problem(file, f"{message}: write the keys {keys}", line=line,
                               column=column)
            return None
        return loaded.data

    def _check_modeline(self, file: _File, text: str) -> None:
        relative = "../schema" if file.spec is FACTS else "schema"
        expected = MODELINE.format(f"{relative}/{file.spec.name}.schema.json")
        if text.split("\n", 1)[0].rstrip() != expected:
            self._file_problem(file, "first line should name the schema, for editors",
                               f"write: {expected}")

    def _validate_file_fields(self, file: _File) -> None:
        """Top-level keys; the list items are validated one by one afterwards."""
        root = file.root
        shell = {key: ([] if key in file.spec.lists and isinstance(value, list) else value)
                 for key, value in root.items()}
        try:
            file.spec.model.model_validate(shell)
        except ValidationError as exc:
            self._report_validation(_file_item(file), file.spec.model, exc)

    def _validate_item(self, file: _File, kind: str, model: type[BaseModel], raw: object,
                       index: int) -> _Item:
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        item = _Item(kind, raw_id if isinstance(raw_id, str) else None, raw, None, file, index)
        try:
            item.obj = model.model_validate(raw)
        except ValidationError as exc:
            self._report_validation(item, model, exc)
        return item

    def _check_themes(self, file: _File, items: list[_Item]) -> None:
        """The file name is the authority: data/facts/<theme>.yaml."""
        theme = file.root.get("theme")
        stem = file.path.stem
        if isinstance(theme, str) and theme in FACT_THEMES and theme != stem:
            self._report(_file_item(file), ("theme",), f"'{theme}' does not match the file "
                         f"name {file.path.name}", f"did you mean '{stem}'?")
        for item in items:
            if item.obj and item.obj.theme.value != stem:
                self._report(item, ("theme",), f"'{item.obj.theme.value}' but the fact is in "
                             f"{file.path.name}", f"did you mean '{stem}'?")

    # ----------------------------------------------------------------- pydantic errors

    def _report_validation(self, item: _Item, model: type[BaseModel],
                           exc: ValidationError) -> None:
        errors = exc.errors(include_url=False)
        # An unknown field that is a typo of a missing one is reported once, as the typo.
        typo_of: dict[tuple, str] = {}
        for error in errors:
            if error["type"] == "extra_forbidden":
                loc = error["loc"]
                suggestion = next(iter(closest(str(loc[-1]), _field_names(model, loc[:-1]))), None)
                if suggestion:
                    typo_of[loc[:-1] + (suggestion,)] = str(loc[-1])
        for error in errors:
            loc = error["loc"]
            if error["type"] == "missing" and loc in typo_of:
                continue
            message, hint, key = _describe_error(model, error)
            self._report(item, loc, message, hint, key=key)

    # ----------------------------------------------------------------- ids

    def _index_ids(self) -> None:
        for kind, items in self.items.items():
            first: dict[str, _Item] = {}
            for item in items:
                if item.id is None:
                    continue
                if item.id in first:
                    earlier = first[item.id]
                    line, column = earlier.mark
                    self._report(item, ("id",), f"duplicate {kind} id '{item.id}'",
                                 f"first at {earlier.file.shown}:{line}:{column}")
                else:
                    first[item.id] = item
            self.known[kind] = first
        for item in self.items["question"]:
            self._check_position_ids(item)

    def _check_position_ids(self, item: _Item) -> None:
        if not item.obj:
            return
        seen: set[str] = set()
        for index, position in enumerate(item.obj.positions):
            if position.id in seen:
                self._report(item, ("positions", index, "id"),
                             f"duplicate position id '{position.id}'")
            seen.add(position.id)

    def _valid(self, kind: str) -> list[_Item]:
        """Validated objects of a kind, first of each id only."""
        return [item for item in self.known[kind].values() if item.obj]

    def _obj(self, kind: str, object_id: str | None):
        item = self.known[kind].get(object_id) if object_id else None
        return item.obj if item else None

    # ----------------------------------------------------------------- references

    def _ref(self, item: _Item, loc: tuple, value: str | None, kind: str) -> None:
        if value is None or value in self.known[kind] or kind in self.unreadable_kinds:
            return
        hint = did_you_mean(value, self.known[kind])
        self._report(item, loc, f"unknown {kind} '{value}'", hint)

    def _check_references(self) -> None:
        for item in self._valid("source"):
            self._ref(item, ("archive",), item.obj.archive, "archive")
        for item in self._valid("entity"):
            self._ref(item, ("parent",), item.obj.parent, "entity")
            if item.obj.parent == item.obj.id:
                self._report(item, ("parent",), "an entity cannot be its own parent")
            for index, member in enumerate(item.obj.members):
                self._ref(item, ("members", index), member, "entity")
        for item in self._valid("fact"):
            self._check_fact_references(item)
        for item in self._valid("chart"):
            self._check_chart_references(item)
        for item in self._valid("retired fact"):
            if item.id in self.known["fact"]:
                line, column = self.known["fact"][item.id].mark
                self._report(item, ("id",), f"'{item.id}' is retired but still a fact's id "
                             f"(at {self.known['fact'][item.id].file.shown}:{line}:{column})",
                             "retire it or keep it, not both")
            self._ref(item, ("merged_into",), item.obj.merged_into, "fact")
        for item in self._valid("term"):
            for index, fact_id in enumerate(item.obj.facts):
                retired = self._obj("retired fact", fact_id)
                if retired is not None and fact_id not in self.known["fact"]:
                    into = f": cite {retired.merged_into}" if retired.merged_into else ""
                    self._report(item, ("facts", index), f"fact '{fact_id}' is retired{into}")
                else:
                    self._ref(item, ("facts", index), fact_id, "fact")

    def _check_chart_references(self, item: _Item) -> None:
        chart: Chart = item.obj
        for index, fact_id in enumerate(chart.facts):
            self._ref(item, ("facts", index), fact_id, "fact")
        for index, chart_id in enumerate(chart.panels):
            self._ref(item, ("panels", index), chart_id, "chart")

    def _check_fact_references(self, item: _Item) -> None:
        fact: Fact = item.obj
        self._ref(item, ("source",), fact.source, "source")
        self._ref(item, ("measure",), fact.measure, "measure")
        for name in ("subject", "speaker", "data_producer"):
            self._ref(item, (name,), getattr(fact, name), "entity")
        for index, entity_id in enumerate(fact.entities):
            self._ref(item, ("entities", index), entity_id, "entity")
        self._ref(item, ("question",), fact.question, "question")
        question: Question | None = self._obj("question", fact.question)
        if question and fact.position:
            positions = [p.id for p in question.positions]
            if fact.position not in positions:
                self._report(item, ("position",), f"question '{question.id}' has no position "
                             f"'{fact.position}'", did_you_mean(fact.position, positions)
                             or "positions: " + ", ".join(positions))

    # ----------------------------------------------------------------- per-kind rules

    def _check_fact_rules(self) -> None:
        for item in self._valid("fact"):
            fact: Fact = item.obj
            for name in _REQUIRED_BY_KIND[fact.kind]:
                if getattr(fact, name) is None:
                    self._report(item, (name,), f"missing: {_a(fact.kind.value)} needs "
                                 f"{_REQUIRED_WHY[name]}")
            if fact.position and not fact.question:
                self._report(item, ("position",), "a position needs the question it answers")
            if fact.question and not fact.position:
                self._report(item, ("question",), "a question needs the position taken")
            self._check_unit(item, fact)
            self._check_total(item, fact)
            self._check_voice(item, fact)
            self._check_date_bases(item, fact)
        for item in self._valid("source"):
            source: Source = item.obj
            if dates.is_known(source.published) and source.published_basis is None:
                self._report(item, ("published",), "missing published_basis: every known "
                             "date says where it comes from", _BASIS_HINT)
            if source.published_basis in (Basis.inferred, Basis.outside) and \
                    source.published_note is None:
                self._report(item, ("published_basis",), f"'{source.published_basis.value}' "
                             "needs a published_note saying how or from where")
            for index, entity_id in enumerate(source.own_voice):
                self._ref(item, ("own_voice", index), entity_id, "entity")
            translated = source.provenance.retells is Retelling.translation
            if translated != (source.kind is SourceKind.translation):
                self._report(item, ("provenance", "retells"),
                             f"is '{source.provenance.retells.value}', but the source's kind "
                             f"is '{source.kind.value}'",
                             "a translation has kind: translation and retells: translation; "
                             "set both, or neither")

    def _check_charts(self) -> None:
        """Each chart's form fits its facts (see macros/evidence/charts.py)."""
        facts = {i.obj.id: i.obj for i in self._valid("fact")}
        measures = {i.obj.id: i.obj for i in self._valid("measure")}
        entities = {i.obj.id: i.obj for i in self._valid("entity")}
        all_charts = {i.obj.id: i.obj for i in self._valid("chart")}
        for item in self._valid("chart"):
            for problem in charts.chart_problems(item.obj, facts, measures, entities,
                                                 all_charts):
                self._report(item, problem.loc, problem.message, problem.hint)

    def _check_total(self, item: _Item, fact: Fact) -> None:
        """A count's total ('17 of 20') is a count too, and printed in the quote."""
        q = fact.quantity
        if q is None or q.of is None:
            return
        if q.unit is not Unit.count:
            self._report(item, ("quantity", "of"), f"a total 'of' is for counts, this "
                         f"figure is in {q.unit.value}")
        if q.of_printed and self._normalise(q.of_printed) not in self._normalise(fact.quote):
            self._report(item, ("quantity", "of_printed"), "not found in the quote",
                         "copy the total as the quote prints it, e.g. '20个大语言模型'")

    def _check_voice(self, item: _Item, fact: Fact) -> None:
        """A claim is a named third party's; the source's own voice reports or opines."""
        source: Source | None = self._obj("source", fact.source)
        if source is None or fact.speaker is None:
            return
        own = fact.speaker in source.own_voice
        if fact.kind is FactKind.claim and own:
            self._report(item, ("kind",), f"a claim is an assertion by a named third party, "
                         f"but '{fact.speaker}' is the source's own voice",
                         "use kind: report (what the source asserts as fact) or opinion "
                         "(its judgement)")
        elif fact.kind is FactKind.report and not own:
            self._report(item, ("speaker",), f"a report is in the source's own voice, but "
                         f"'{fact.speaker}' is not one of its own_voice "
                         f"({', '.join(source.own_voice) or 'none listed'})",
                         "use kind: claim for an assertion by a named third party, or drop "
                         "the speaker")

    def _check_date_bases(self, item: _Item, fact: Fact) -> None:
        """Every known date says where it comes from; no basis more than it may."""
        pairs = (("date", fact.date, "date_basis", fact.date_basis),
                 ("as_of", fact.as_of, "as_of_basis", fact.as_of_basis))
        for name, value, basis_name, basis in pairs:
            if value is None:
                if basis is not None:
                    self._report(item, (basis_name,), f"a basis for a {name} the fact lacks")
            elif dates.is_known(value) and basis is None:
                self._report(item, (name,), f"missing {basis_name}: every known date says "
                             "where it comes from", _BASIS_HINT)
            elif not dates.is_known(value) and basis is not None:
                self._report(item, (basis_name,), f"{name} is 'unknown', so it has no basis",
                             "give the latest it can be as not_after instead")
        needs_note = [b.value for b in (fact.date_basis, fact.as_of_basis)
                      if b in (Basis.inferred, Basis.outside)]
        if needs_note and fact.basis_note is None:
            self._report(item, ("date_basis" if fact.date_basis in (Basis.inferred, Basis.outside)
                                else "as_of_basis",),
                         f"'{needs_note[0]}' needs a basis_note",
                         "say how it was inferred, or name where it comes from")
        if fact.basis_note is not None and not needs_note:
            self._report(item, ("basis_note",), "a basis_note, but no date is inferred or "
                         "from outside", "drop it, or set the basis it explains")
        if fact.not_after is not None:
            unknown = [v for v in (fact.date, fact.as_of) if v == "unknown"]
            if not unknown:
                self._report(item, ("not_after",), "not_after bounds a date or as_of that "
                             "is 'unknown'; this fact has none")

    def _check_unit(self, item: _Item, fact: Fact) -> None:
        measure: Measure | None = self._obj("measure", fact.measure)
        if measure and fact.quantity and fact.quantity.unit != measure.unit:
            self._report(item, ("quantity", "unit"),
                         f"unit '{fact.quantity.unit.value}' differs from the unit of measure "
                         f"'{measure.id}'", f"the measure uses '{measure.unit.value}'")

    # ----------------------------------------------------------------- glossary

    def _check_glossary(self) -> None:
        """Each definition rests on facts or a named outside reference; no two terms
        share a form a page writes (which entry would its first use link to?)."""
        forms: dict[tuple[str, str], str] = {}  # (lang, form as matched) -> term id
        for item in self._valid("term"):
            term: GlossaryTerm = item.obj
            if not term.facts and not term.outside:
                self._report(item, ("definition",), "rests on nothing: list the facts it "
                             "rests on (facts:), or what it adds from outside our sources "
                             "with the reference (outside:)")
            for index, outside in enumerate(term.outside):
                if len(outside.reference.split()) < 3:
                    self._report(item, ("outside", index, "reference"), "an outside "
                                 "reference is named in full", "who, what and when, e.g. "
                                 "'Baidu, ERNIE Bot launch event, 16 March 2023'")
            for lang in ("en", "zh"):
                aliases = [" ".join(a.split()) for a in getattr(term.aliases, lang)]
                for form in term.forms(lang):
                    owner = forms.setdefault((lang, form), term.id)
                    if owner != term.id:
                        loc = (("aliases", lang, aliases.index(form)) if form in aliases
                               else ("term", lang))
                        self._report(item, loc, f"'{form}' is also a form of term '{owner}'",
                                     "a form links to one entry: keep it on one term")

    # ----------------------------------------------------------------- archives

    def _check_archives(self) -> None:
        articles = self.data_dir / ARTICLES_DIR
        for item in self._valid("archive"):
            self._index_archive(item, articles / f"{item.id}.txt")
        cited = [item.raw.get("archive") for item in self.items["source"]
                 if isinstance(item.raw, dict)]
        # A source naming an unknown archive probably means to name the unused one:
        # its "unknown archive" problem says it all.
        dangling = any(archive_id not in self.known["archive"] for archive_id in cited)
        for item in self._valid("archive"):
            if item.id not in cited and not dangling:
                self._report(item, ("id",), "no source uses this archive")
        declared = set(self.known["archive"])
        sources_loaded = "archive" not in self.unreadable_kinds
        for path in sorted(articles.glob("*.txt") if sources_loaded else []):
            if path.stem not in declared:
                self.problems.append(Problem(self._shown(path), 1, 1, "archive file", "",
                                             "not listed under archives in sources.yaml"))
        for item in self._valid("source"):
            self._index_source(item)

    def _index_archive(self, item: _Item, path: Path) -> None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self._report(item, ("id",), f"archive file {self._shown(path)} is missing")
            return
        except OSError as exc:
            self._report(item, ("id",), f"archive file {self._shown(path)} cannot be read: "
                         f"{exc.strerror}")
            return
        digest = hashlib.sha256(data).hexdigest()
        if digest != item.obj.sha256:
            self._report(item, ("sha256",), f"does not match {self._shown(path)}",
                         f"the file's sha256 is {digest}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self._report(item, ("id",), f"{self._shown(path)} is not valid UTF-8 "
                         f"(byte {exc.start})")
            return
        self.index.add_archive(item.obj.id, text)
        self.article_texts.append(text)

    def _index_source(self, item: _Item) -> None:
        source: Source = item.obj
        if not self.index.has_archive(source.archive):
            return  # reported already: unknown or unreadable archive
        if source.lines is None:
            self.index.add_source(source.id, source.archive)
            return
        line_count = self.index.line_count(source.archive)
        ranges = parse_line_ranges(source.lines)
        bad = False
        for index, (start, end) in enumerate(ranges):
            if start < 1 or start > end:
                self._report(item, ("lines", index), f"'{start}-{end}' is not a line range",
                             "write FIRST-LAST with 1 <= FIRST <= LAST")
                bad = True
            elif end > line_count:
                self._report(item, ("lines", index), f"'{start}-{end}' goes past the end of "
                             f"archive '{source.archive}' ({line_count} lines)")
                bad = True
        if not bad:
            self.index.add_source(source.id, source.archive, ranges)

    # ----------------------------------------------------------------- quotes

    def _check_quotes(self) -> None:
        self._quotes: dict[str, list[tuple[str, str]]] = {}  # source -> (fact, normalised quote)
        for item in self._valid("fact"):
            fact: Fact = item.obj
            if not self.index.has_source(fact.source):
                continue  # unknown source, or its archive could not be read: reported
            quote = self._normalise(fact.quote)
            self._quotes.setdefault(fact.source, []).append((fact.id, quote))
            if not quote:
                self._report(item, ("quote",), "is empty once whitespace is removed")
            elif not self.index.contains(fact.source, quote):
                self._report(item, ("quote",), f"not found in source '{fact.source}'",
                             self._quote_hint(fact, quote))

    def _quote_hint(self, fact: Fact, quote: str) -> str | None:
        """Where the quote is after all, or how much of it matches."""
        elsewhere = [sid for sid in self.index.sources_containing(quote) if sid != fact.source]
        if elsewhere:
            return f"it is in source '{elsewhere[0]}'"
        source: Source = self._obj("source", fact.source)
        line = self.index.archive_line_of(source.archive, quote)
        if line is not None:
            return (f"it is on line {line} of archive '{source.archive}', outside this "
                    f"source's lines {', '.join(source.lines or [])}")
        for archive_id in self.index.archives_containing(quote):
            line = self.index.archive_line_of(archive_id, quote)
            return f"it is on line {line} of archive '{archive_id}'"
        matched = self.index.longest_prefix_found(fact.source, quote)
        if matched >= 2:
            return f"the source matches up to '{quote[max(0, matched - 12):matched]}', then differs"
        return None

    # ----------------------------------------------------------------- corrections

    def _check_corrections(self) -> None:
        """What a correction says the source says is verbatim in it; its basis is real."""
        for kind, list_name in (("fact", "corrections"), ("source", "errata")):
            for item in self._valid(kind):
                source_id = item.obj.source if kind == "fact" else item.obj.id
                if not self.index.has_source(source_id):
                    continue  # unknown or unreadable: reported already
                for index, correction in enumerate(getattr(item.obj, list_name)):
                    self._check_correction(item, (list_name, index), source_id, correction)
        self._check_errata_homes()

    def _check_errata_homes(self) -> None:
        """A source's errata are the errors no one fact carries: an error inside a fact's
        quote is corrected on that fact, beside the quote readers see, and only there."""
        for item in self._valid("source"):
            for index, erratum in enumerate(item.obj.errata):
                says = self._normalise(erratum.says)
                carriers = [fid for fid, quote in self._quotes.get(item.obj.id, ())
                            if says and says in quote]
                if carriers:
                    self._report(item, ("errata", index, "says"),
                                 f"fact {carriers[0]}'s quote carries this error",
                                 f"record it as a correction on {carriers[0]}, beside the "
                                 "quote readers see, and drop it from errata")

    def _check_correction(self, item: _Item, loc: tuple, source_id: str,
                          correction: Correction) -> None:
        if not self.index.contains(source_id, self._normalise(correction.says)):
            self._report(item, (*loc, "says"), f"not found in source '{source_id}'",
                         "quote what the source says, verbatim")
        if correction.basis is CorrectionBasis.passage and not self.index.contains(
                source_id, normalise(correction.reference)):
            self._report(item, (*loc, "reference"), f"the passage is not found in source "
                         f"'{source_id}'", "quote the passage that shows it, verbatim")
        elif correction.basis is CorrectionBasis.source and \
                correction.reference not in self.known["source"]:
            self._report(item, (*loc, "reference"), f"unknown source '{correction.reference}'",
                         did_you_mean(correction.reference, self.known["source"]))
        elif correction.basis is CorrectionBasis.outside and len(correction.reference.split()) < 3:
            self._report(item, (*loc, "reference"), "an outside reference is named in full",
                         "who, what and when, e.g. 'Baidu, ERNIE Bot launch event, "
                         "16 March 2023'")

    # ----------------------------------------------------------------- editorial lints

    def _carry_over(self) -> CarryOverIndex:
        if not hasattr(self, "_carry_over_index"):
            self._carry_over_index = CarryOverIndex(self.index.normalised_texts(),
                                                    self.article_texts)
        return self._carry_over_index

    def _check_editorial(self) -> None:
        """Hedges kept, no intensifier added (warnings); no sentence carried over (errors)."""
        facts = self._valid("fact")
        findings = hedge_findings_of([(item.obj.quote, item.obj.statement.en,
                                       item.obj.statement.zh) for item in facts],
                                     self._normalise)
        for item, fact_findings in zip(facts, findings, strict=True):
            self._check_hedges(item, item.obj, fact_findings)
        # (item, where, text of ours, what the problem adds, hint): checked all at once.
        ours: list[tuple[_Item, tuple, str, str, str]] = []
        for item in facts:
            ours += [(item, loc, text, ": facts carry over, sentences do not",
                      "write it afresh in our own words (a verbatim excerpt belongs in quote)")
                     for loc, text in _our_texts(item.obj)]
        for item in self._valid("term"):
            ours += [(item, loc, text, ": definitions are ours, sentences do not carry over",
                      "write it afresh in our own words")
                     for loc, text in _term_texts(item.obj)]
        for item in self._valid("source"):
            ours += [(item, ("errata", i, "correct", lang), getattr(erratum.correct, lang), "",
                      "write it afresh")
                     for i, erratum in enumerate(item.obj.errata) for lang in ("en", "zh")]
        runs = self._carry_over().shared_runs([text for _, _, text, _, _ in ours],
                                              self._normalise)
        for (item, loc, _, why, hint), run in zip(ours, runs, strict=True):
            if run is not None:
                self._report(item, loc, f"shares '{run}' with an archived article{why}", hint)

    def _check_hedges(self, item: _Item, fact: Fact, findings: list[Finding]) -> None:
        checked = {(ok.rule.value, ok.term) for ok in fact.lint_ok}
        used: set[tuple[str, str]] = set()
        for finding in findings:
            key = (finding.rule, finding.term)
            if key in checked:
                used.add(key)
                continue
            loc = tuple(finding.field.split("."))
            self._report(item, loc, finding.message, finding.hint, warning=True)
        for index, ok in enumerate(fact.lint_ok):
            if (ok.rule.value, ok.term) not in used:
                self._report(item, ("lint_ok", index), f"no {ok.rule.value} finding for "
                             f"'{ok.term}' to silence", "drop this lint_ok", warning=True)

    def _check_pages(self, docs_dir: Path) -> None:
        """The pages' prose: no sentence carried over, no figure with nothing cited."""
        index = self._carry_over()
        for path in sorted(docs_dir.rglob("*.md")):
            if path.name.startswith("_"):
                continue
            shown = self._shown(path)
            page = path.relative_to(docs_dir).as_posix().split(".")[0]  # compute.zh.md
            prose = page in PROSE_PAGES
            for sentence in page_sentences(path.read_text("utf-8")):
                run = index.shared_run(sentence.text)
                if run:
                    self.problems.append(Problem(
                        shown, sentence.line, sentence.column, "page", "", f"shares '{run}' "
                        "with an archived article: facts carry over, sentences do not",
                        "write it afresh, or quote it with quote('<fact-id>')"))
                if prose and uncited(sentence):
                    self.problems.append(Problem(
                        shown, sentence.line, sentence.column, "page", "",
                        f"states a number or date with nothing cited in its paragraph: "
                        f"'{_clip(sentence.text)}'",
                        "cite the fact it rests on (figure/cite/quote), or say it without "
                        "the figure"))

    # ----------------------------------------------------------------- warnings

    def _check_staleness(self) -> None:
        """Warnings for the facts the pages mark as possibly out of date (and for
        current-state facts with no date to judge them by)."""
        months = self.freshness.months
        for item in self._valid("fact"):
            fact: Fact = item.obj
            verdict = self.freshness.judge(fact, self._obj("source", fact.source))
            if verdict is None:
                continue
            if verdict.reason == "review":
                message, hint = f"review was due by {verdict.when}", None
            elif verdict.reason == "undated":
                message, hint = ("current state with no known date, so its age cannot "
                                 "be checked"), None
            else:
                since = " (the source's date)" if verdict.from_source else ""
                message = (f"current state as of {verdict.when}{since} is more than "
                           f"{months} months old")
                hint = "update it, or set review_by"
            self._report(item, (verdict.field,), message, hint, warning=True)

    # ----------------------------------------------------------------- the fact base

    def _factbase(self) -> FactBase:
        objects = {kind: {item.obj.id: item.obj for item in self._valid(kind)}
                   for kind in self.items}
        return FactBase(archives=objects["archive"], sources=objects["source"],
                        entities=objects["entity"], questions=objects["question"],
                        measures=objects["measure"], facts=objects["fact"],
                        retired=objects["retired fact"], charts=objects["chart"],
                        glossary=objects["term"])


# --------------------------------------------------------------------------- per-kind rules

_REQUIRED_BY_KIND: dict[FactKind, tuple[str, ...]] = {
    FactKind.statistic: ("measure", "subject", "quantity", "as_of"),
    FactKind.event: ("date",),
    FactKind.report: (),
    FactKind.claim: ("speaker",),
    FactKind.forecast: ("speaker",),
    FactKind.opinion: ("speaker",),
}
_REQUIRED_WHY = {
    "measure": "a measure",
    "subject": "a subject (the entity the figure is about)",
    "quantity": "a quantity (the figure and its unit)",
    "as_of": "as_of (the date or period the figure describes)",
    "date": "a date (write 'unknown' if the source does not say)",
    "speaker": "a speaker (the entity who says it)",
}


#: The pages whose prose argues (the home page and the theme explainers): each of their
#: sentences with a number or a date needs a cited fact in its paragraph.
PROSE_PAGES = {"index", "compute", "capital", "talent", "open-source"}

_BASIS_HINT = "printed, inferred (basis_note says how) or outside (basis_note says where)"


def _our_texts(fact: Fact) -> list[tuple[tuple, str]]:
    """(location, text) of every text of ours on a fact: what must not be carried over."""
    texts: list[tuple[tuple, str]] = [(("statement", "en"), fact.statement.en),
                                      (("statement", "zh"), fact.statement.zh)]
    for name in ("note", "basis_note", "unnamed_producer"):
        value = getattr(fact, name)
        if value is not None:
            texts += [((name, lang), getattr(value, lang)) for lang in ("en", "zh")]
    for i, correction in enumerate(fact.corrections):
        texts += [(("corrections", i, "correct", lang), getattr(correction.correct, lang))
                  for lang in ("en", "zh")]
    for i, outside in enumerate(fact.outside):
        texts += [(("outside", i, "text", lang), getattr(outside.text, lang))
                  for lang in ("en", "zh")]
    return texts


def _term_texts(term: GlossaryTerm) -> list[tuple[tuple, str]]:
    """(location, text) of every text of ours on a glossary term (as _our_texts)."""
    texts: list[tuple[tuple, str]] = [(("definition", lang), getattr(term.definition, lang))
                                      for lang in ("en", "zh")]
    for i, outside in enumerate(term.outside):
        texts += [(("outside", i, "text", lang), getattr(outside.text, lang))
                  for lang in ("en", "zh")]
    return texts


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --------------------------------------------------------------------------- helpers


def _field_name(loc: tuple) -> str:
    """('quantity', 'unit') -> 'quantity.unit'; ('entities', 2) -> 'entities[2]'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _file_item(file: _File) -> _Item:
    """The file itself as the subject of a problem (its top-level keys)."""
    return _Item("", None, file.root, None, file, 0, label=file.subject)


def _describe_error(model: type[BaseModel], error: Any) -> tuple[str, str | None, bool]:
    """(message, hint, report-at-key) for one pydantic error."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    if kind == "missing":
        return "missing field", None, False
    if kind == "extra_forbidden":
        return "unknown field", did_you_mean(str(loc[-1]), _field_names(model, loc[:-1])), True
    if kind in ("enum", "literal_error"):
        choices = _choices(_annotation_at(model, loc))
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else None
        return f"{_show(value)} is not one of {', '.join(map(repr, choices))}", hint, False
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        return (f"{_show(value)} is not an id", "use lowercase letters, digits and single "
                "hyphens, e.g. 'nvidia-h20'", False)
    if kind == "string_too_long" and isinstance(value, str):
        return (f"is {len(value)} characters long; at most {error['ctx']['max_length']} "
                f"allowed", None, False)
    message = error["msg"].removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    if kind.endswith("_type") and (value is None or isinstance(value, (str, int, float))):
        message += f", got {_show(value)}"
    hint = None
    if isinstance(value, bool) and kind == "string_type":
        hint = "YAML reads unquoted yes/no/on/off/true/false as true/false: quote it"
    return message, hint, False


def _show(value: object) -> str:
    """A value as YAML would print it, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return "a mapping"
    return "a list" if isinstance(value, list) else f"a {type(value).__name__}"


def _inner_types(annotation) -> list:
    """The types inside Optional[...], list[...], Annotated[...], Union[...]."""
    if typing.get_origin(annotation) is typing.Literal:
        return [annotation]
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        args = args[:1]
    if not args:
        return [annotation]
    found = []
    for arg in args:
        found += _inner_types(arg)
    return found


def _annotation_at(model: type[BaseModel], loc: tuple):
    """The annotation of the field at ``loc`` (list indices skipped), or None."""
    annotation: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        models = [t for t in _inner_types(annotation)
                  if isinstance(t, type) and issubclass(t, BaseModel)]
        if not models or part not in models[0].model_fields:
            return None
        annotation = models[0].model_fields[part].annotation
    return annotation


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    annotation = _annotation_at(model, loc) if loc else model
    for inner in _inner_types(annotation):
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return list(inner.model_fields)
    return []


def _choices(annotation) -> list[str]:
    choices: list[str] = []
    if annotation is None:
        return choices
    for inner in _inner_types(annotation):
        if isinstance(inner, type) and issubclass(inner, Enum):
            choices += [member.value for member in inner]
        elif typing.get_origin(inner) is typing.Literal:
            choices += list(typing.get_args(inner))
    return choices

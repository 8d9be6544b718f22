"""Reader features: a page per fact and per entity, downloads, changes, freshness.

Plain Python. :class:`ReaderMacros` is mixed into :class:`~macros.render.site.PageRenderer`
(whose helpers it uses: ``_fact``, ``_fact_view``, ``_source_view``, ``_rel``, ``_block``…);
its ``@reader_macro`` methods are page macros like the others, documented by their
docstrings on the editing page. :func:`generated_pages` gives the Markdown of the pages
made at build time (``facts/<id>.md``, ``entities/<id>.md``); each
only calls a macro by id, so no text from the data is ever part of a page template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, TypeVar

from markupsafe import Markup

from ..evidence.factbase import FactBase
from ..evidence.model import Fact, FactKind
from . import citations, exports, feed, jsonld
from .dates import format_date, format_period, sort_key
from .freshness import Freshness
from .labels import lang_prefix

F = TypeVar("F", bound=Callable[..., Any])

#: Macro names this module adds, in the order the editor's guide documents them.
READER_MACROS: list[str] = []


def reader_macro(fn: F) -> F:
    READER_MACROS.append(fn.__name__)
    fn.__rr_macro__ = True  # type: ignore[attr-defined]
    return fn


@dataclass(frozen=True)
class ReaderOptions:
    """What the reader features need from the site configuration."""

    site_name: str = "Race & Reliance"
    site_url: str = ""  # absolute, ending in '/', or '' when unknown
    freshness: Freshness = field(default_factory=lambda: Freshness(dt.date.today()))

    def absolute(self, path: str) -> str:
        return (self.site_url or "/") + path


def fact_url(fact_id: str, lang: str = "en") -> str:
    """Site-root-relative URL of a fact's page in a language ('zh/facts/<id>/')."""
    return f"{lang_prefix(lang)}facts/{fact_id}/"


def entity_url(entity_id: str, lang: str = "en") -> str:
    return f"{lang_prefix(lang)}entities/{entity_id}/"


def generated_pages(fb: FactBase) -> dict[str, str]:
    """src_uri -> Markdown of every page made at build time."""
    pages: dict[str, str] = {}
    for fact_id in fb.facts:
        pages[f"facts/{fact_id}.md"] = f"{{{{ fact_page('{fact_id}') }}}}\n"
    for entity_id in fb.entities:
        pages[f"entities/{entity_id}.md"] = f"{{{{ entity_page('{entity_id}') }}}}\n"
    return pages


def generated_title(fb: FactBase, src_uri: str, lang: str = "en") -> Optional[str]:
    """Plain-text title of a generated page in its language (the glue escapes it), or
    None."""
    kind, _, rest = src_uri.partition("/")
    key = rest[:-3] if rest.endswith(".md") else rest
    if kind == "facts" and key in fb.facts:
        text = getattr(fb.facts[key].statement, lang)
        limit = 90 if lang == "en" else 50
        return text if len(text) <= limit else text[:limit - 2].rstrip() + "…"
    if kind == "entities" and key in fb.entities:
        return getattr(fb.entities[key].name, lang)
    return None


def generated_files(fb: FactBase, options: ReaderOptions) -> dict[str, bytes]:
    """Path -> content of every data file made at build time (downloads, feed)."""
    files = {f"{exports.DOWNLOADS_DIR}/{d.name}": d.content
             for d in exports.downloads(fb, options.site_name, options.site_url)}
    files["changes.xml"] = feed.atom(fb, options.site_name, options.site_url or "/")
    return files


RL: dict[str, dict[str, str]] = {
    "en": {
        "fact": "Fact", "statement_en": "In English", "statement_zh": "In Chinese",
        "quote_heading": "The quote", "source_heading": "Source",
        "describes": "Describes", "producer": "Original data from", "related": "Related "
        "facts on the same measure", "entities": "Entities", "on_theme": "On its theme page",
        "cite_heading": "Cite this", "cite_text": "Plain text", "cite_bibtex": "BibTeX",
        "cite_csl": "CSL-JSON", "cite_note": "Cite our page and the original article; "
        "the quote remains its publisher's.", "stale": "May be out of date",
        "stale.review": "Its review date has passed.", "stale.age":
        "It describes a current state more than {n} months old.", "permalink": "permalink",
        "added": "Added", "updated": "Updated", "no_related": "No other facts on this measure.",
        "entity": "Entity", "kind": "Kind", "aliases": "Also written", "parent": "Part of",
        "children": "Includes", "about": "Facts about it", "said": "What it says",
        "depends": "What this rests on", "no_facts": "No facts mention it yet.",
        "facts_n": "{n} facts", "fact_1": "1 fact", "sources_n": "{n} sources",
        "source_1": "1 source", "file": "File", "rows": "Rows", "about_file": "What it holds",
        "field": "Field", "meaning": "Meaning", "changes_none": "No changes recorded.",
        "action.added": "Added", "action.updated": "Updated", "all_entities": "All entities",
        "feed": "Atom feed (changes.xml)", "per_measure": "Per measure",
        "per_measure_note": "One tidy CSV per measure: one row per figure, columns below.",
        "fields_facts": "Fields of facts.csv",
        "fields_facts_note": "facts.json holds the same fields, with statement, note and "
        "quantity as nested objects and lists as lists.",
        "fields_measures": "Fields of the per-measure files",
        "attribution": "Sources to attribute",
        "entity.company": "Companies", "entity.person": "People",
        "entity.government-body": "Government bodies", "entity.investor": "Investors",
        "entity.model": "Models", "entity.country": "Countries",
        "entity.organisation": "Organisations", "entity.university": "Universities",
        "entity.data-producer": "Data producers", "entity.media": "Media",
        "entity.product": "Products",
    },
    "zh": {
        "fact": "事实", "statement_en": "英文", "statement_zh": "中文",
        "quote_heading": "引文", "source_heading": "来源", "describes": "所述时间",
        "producer": "原始数据来自", "related": "同一指标的其他事实", "entities": "相关实体",
        "on_theme": "在主题页中", "cite_heading": "引用本条", "cite_text": "纯文本",
        "cite_bibtex": "BibTeX", "cite_csl": "CSL-JSON",
        "cite_note": "请同时引用本页与原文；引文版权归原出版者。", "stale": "可能已过时",
        "stale.review": "已过复核日期。", "stale.age": "描述的当前状态已超过{n}个月。",
        "permalink": "永久链接", "added": "添加", "updated": "更新",
        "no_related": "此指标没有其他事实。", "entity": "实体", "kind": "类型",
        "aliases": "其他写法", "parent": "隶属", "children": "包括", "about": "相关事实",
        "said": "其言论", "depends": "依据", "no_facts": "尚无事实提及。",
        "facts_n": "{n}条事实", "fact_1": "1条事实", "sources_n": "{n}个来源",
        "source_1": "1个来源", "file": "文件", "rows": "行数", "about_file": "内容",
        "field": "字段", "meaning": "含义", "changes_none": "尚无更改记录。",
        "action.added": "添加", "action.updated": "更新", "all_entities": "全部实体",
        "feed": "Atom 订阅源（changes.xml）", "per_measure": "按指标",
        "per_measure_note": "每个指标一个整洁的 CSV 文件：每个数字一行，各列说明见下。",
        "fields_facts": "facts.csv 的字段",
        "fields_facts_note": "facts.json 含有相同的字段，其中 statement、note 和 quantity "
        "为嵌套对象，列表仍为列表。",
        "fields_measures": "各指标文件的字段", "attribution": "需署名的来源",
        "entity.company": "公司", "entity.person": "人物", "entity.government-body": "政府机构",
        "entity.investor": "投资方", "entity.model": "模型", "entity.country": "国家",
        "entity.organisation": "组织", "entity.university": "大学",
        "entity.data-producer": "数据提供方", "entity.media": "媒体", "entity.product": "产品",
    },
}


class ReaderMacros:
    """Macros for fact and entity pages, downloads and changes (mixed into PageRenderer)."""

    # Provided by PageRenderer.
    fb: FactBase
    lang: str
    site: Any

    @property
    def options(self) -> ReaderOptions:
        return getattr(self.site, "options", None) or ReaderOptions()

    @property
    def RL(self) -> dict[str, str]:
        return RL[self.lang]

    # ------------------------------------------------------------------ helpers

    def permalink_href(self, fact_id: str) -> str:
        return self._rel(fact_url(fact_id, self.lang))  # type: ignore[attr-defined]

    def entity_href(self, entity_id: str) -> str:
        return self._rel(entity_url(entity_id, self.lang))  # type: ignore[attr-defined]

    def _reader_view(self, fact: Fact) -> dict[str, Any]:
        """Extra fields of a fact view: permalink, what it describes, freshness."""
        reason = self.options.freshness.stale_reason(fact, self.fb.sources.get(fact.source))
        stale = ""
        if reason:
            stale = self.RL[f"stale.{reason}"].format(n=self.options.freshness.months)
        return {
            "permalink": self.permalink_href(fact.id),
            "describes": format_period(fact.as_of, self.lang) if fact.as_of else (
                format_date(fact.date, self.lang) if fact.date else ""),
            "stale": stale,
        }

    def _count_text(self, n: int, one: str, many: str) -> str:
        return self.RL[one] if n == 1 else self.RL[many].format(n=n)

    def _view(self, fact: Fact) -> dict[str, Any]:
        view = self._fact_view(fact)  # type: ignore[attr-defined]
        view.update(self._reader_view(fact))
        return view

    # ------------------------------------------------------------------ macros

    @reader_macro
    def fact_page(self, fact_id: str) -> str:
        """The whole page of one fact (its permalink, `facts/<id>/`): the statement in both
        languages, the quote with our translation, the source, who produced the data, the
        date or period it describes, related facts on the same measure, and how to cite it.

        The build makes one such page per fact; you do not need to call it yourself.

        Args:
            fact_id: id of any fact.

        Example:
            {{ fact_page('zero-one-ai-valuation') }}
        """
        fact = self._fact(fact_id)  # type: ignore[attr-defined]
        source = self.fb.sources[fact.source]
        opts = self.options
        page_url = opts.absolute(fact_url(fact.id, self.lang))
        related = [self._view(f) for f in sorted(
            self.fb.by_measure.get(fact.measure, []) if fact.measure else [],
            key=lambda f: (sort_key(f.as_of or f.date), f.id)) if f.id != fact.id]
        entity_ids = sorted({*fact.entities, *(e for e in (fact.subject, fact.speaker,
                                                           fact.data_producer) if e)})
        entities = [{"name": self._entity_name(e), "href": self.entity_href(e)}  # type: ignore
                    for e in entity_ids if e in self.fb.entities]
        speaker = self.fb.entities.get(fact.speaker) if fact.speaker else None
        data = jsonld.claim(fact, source, page_url, opts.site_name, opts.site_url or "/",
                            speaker)
        return self._block(  # type: ignore[attr-defined]
            "_fact_page.html", f=self._view(fact), RL=self.RL,
            statement=self._text(fact.statement),  # type: ignore[attr-defined]
            statement_en=fact.statement.en, statement_zh=fact.statement.zh,
            producer_href=self.entity_href(fact.data_producer) if fact.data_producer else "",
            related=related, entities=entities,
            cite={k: _pre(v) for k, v in
                  citations.citation(fact, source, page_url, opts.site_name).items()},
            added=format_date(fact.added, self.lang),
            updated=format_date(fact.updated, self.lang) if fact.updated else "",
            jsonld=jsonld.script(data))

    @reader_macro
    def entity_page(self, entity_id: str) -> str:
        """The page of one entity (`entities/<id>/`): what it is, every fact and claim
        about it or by it, and the sources those rest on.

        The build makes one such page per entity; you do not need to call it yourself.

        Args:
            entity_id: id from data/entities.yaml.

        Example:
            {{ entity_page('nvidia') }}
        """
        entity = self.fb.entities.get(entity_id)
        if entity is None:
            from .site import MacroError, _did_you_mean
            raise MacroError(f"unknown entity {entity_id!r}."
                             f"{_did_you_mean(entity_id, self.fb.entities)}")
        facts = self.fb.by_entity.get(entity_id, [])
        said = [f for f in facts if f.speaker == entity_id]
        about = [f for f in facts if f.speaker != entity_id]
        sources: dict[str, int] = {}
        for f in facts:
            sources[f.source] = sources.get(f.source, 0) + 1
        children = [{"name": self._text(e.name), "href": self.entity_href(e.id)}  # type: ignore
                    for e in self.fb.entities.values() if e.parent == entity_id]
        parent = self.fb.entities.get(entity.parent) if entity.parent else None
        return self._block(  # type: ignore[attr-defined]
            "_entity_page.html", RL=self.RL, e={
                "id": entity.id, "kind": self.RL[f"entity.{entity.kind.value}"],
                "name": self._text(entity.name),  # type: ignore[attr-defined]
                "name_en": entity.name.en, "name_zh": entity.name.zh,
                "description": self._text(entity.description),  # type: ignore
                "aliases": entity.aliases,
                "parent": ({"name": self._text(parent.name),  # type: ignore
                            "href": self.entity_href(parent.id)} if parent else None),
                "children": children},
            about=[self._view(f) for f in about], said=[self._view(f) for f in said],
            sources=[{**self._source_view(s),  # type: ignore[attr-defined]
                      "count": self._count_text(n, "fact_1", "facts_n")}
                     for s, n in sources.items()])

    @reader_macro
    def entity_index(self) -> str:
        """Every entity, by kind, each linking to its page with how many facts mention it.

        Example:
            {{ entity_index() }}
        """
        groups: dict[str, list[dict[str, Any]]] = {}
        for entity in sorted(self.fb.entities.values(), key=lambda e: e.name.en.lower()):
            n = len(self.fb.by_entity.get(entity.id, []))
            groups.setdefault(entity.kind.value, []).append({
                "id": entity.id, "name": self._text(entity.name),  # type: ignore
                "other": entity.name.zh if self.lang == "en" else entity.name.en,
                "href": self.entity_href(entity.id),
                "count": self._count_text(n, "fact_1", "facts_n")})
        return self._block("_entity_index.html", RL=self.RL,  # type: ignore[attr-defined]
                           groups=[(kind, self.RL[f"entity.{kind}"], items)
                                   for kind, items in sorted(groups.items())])

    @reader_macro
    def downloads(self) -> str:
        """The downloadable data files, each with its row count, what it holds, its fields,
        and the Dataset structured data for search engines.

        The files are made at build time from the same data as the pages.

        Example:
            {{ downloads() }}
        """
        opts = self.options
        files = exports.downloads(self.fb, opts.site_name, opts.site_url)
        main = [d for d in files if "/" not in d.name]
        measures = [d for d in files if "/" in d.name]
        base = f"{exports.DOWNLOADS_DIR}/"

        def item(d: exports.Download) -> dict[str, Any]:
            return {"name": d.name, "href": self._rel(base + d.name),  # type: ignore
                    "rows": d.rows, "description": d.description}

        modified = max((f.updated or f.added for f in self.fb.facts.values()
                        if (f.updated or f.added) != "unknown"), key=sort_key, default="")
        data = jsonld.dataset(
            opts.site_name, "Facts on the US–China AI contest, each backed by a verbatim "
            "quote from a Chinese-language source, with sources and entities.",
            opts.site_url or "/", opts.absolute(base),
            [(opts.absolute(base + d.name),
              "text/csv" if d.name.endswith(".csv") else "application/json", d.name)
             for d in files], modified, list(self.fb.sources.values()))
        return self._block(  # type: ignore[attr-defined]
            "_downloads.html", RL=self.RL, main=[item(d) for d in main],
            measures=[item(d) for d in measures],
            fact_columns=exports.FACT_COLUMNS, measure_columns=exports.MEASURE_COLUMNS,
            sources=[self._source_view(s) for s in self.fb.sources],  # type: ignore
            jsonld=jsonld.script(data))

    @reader_macro
    def download_count(self, name: str) -> str:
        """How many rows (facts, sources, entities…) a download file holds, as a number.

        Args:
            name: file name under downloads/, e.g. 'facts.csv' or 'entities.json'.

        Example:
            {{ download_count('facts.csv') }} facts
        """
        found = exports.download_named(self.fb, name)
        if found is None:
            from .site import MacroError, _did_you_mean
            names = [d.name for d in exports.downloads(self.fb)]
            raise MacroError(f"no download named {name!r}.{_did_you_mean(name, names)}")
        return str(found.rows)

    @reader_macro
    def changes(self) -> str:
        """Every fact added or updated, newest first, by the dates recorded in the data
        (never the build date). The same list is the Atom feed changes.xml.

        Example:
            {{ changes() }}
        """
        out: list[dict[str, Any]] = []
        for change in feed.changes(self.fb):
            view = self._view(change.fact)
            out.append({"date": format_date(change.date, self.lang),
                        "date_iso": change.date, "action": self.RL[f"action.{change.action}"],
                        "f": view})
        return self._block("_changes.html", RL=self.RL,  # type: ignore[attr-defined]
                           items=out, feed_href=self._rel("changes.xml"))  # type: ignore


def _pre(text: str) -> Markup:
    """Escaped text for a <pre>, newlines as &#10; so the HTML block stays one line
    (html.compact would otherwise strip the indentation inside it)."""
    return Markup(str(Markup.escape(text)).replace("\n", "&#10;"))


def is_view(fact: Fact) -> bool:
    return fact.kind in (FactKind.claim, FactKind.forecast, FactKind.opinion)


__all__ = ["READER_MACROS", "ReaderMacros", "ReaderOptions", "generated_pages",
           "generated_files", "generated_title", "fact_url", "entity_url", "Markup"]

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
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any

from ..evidence import dates
from ..evidence.factbase import FactBase
from ..evidence.model import (
    ID_PATTERN,
    QUOTE_MAX_CHARS,
    Basis,
    Bilingual,
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


def _t(en: str, zh: str) -> Bilingual:
    """A text of the data dictionary in both languages: the page prints its language's,
    README.md and datapackage.json (the files' interface) the English."""
    return Bilingual(en=en, zh=zh)


AGGREGATE_NOTE = _t(
    "true when the subject groups other entities (its members in entities.csv), e.g. BAT "
    "for Baidu, Alibaba and Tencent: do not sum it with its members' figures (the same "
    "money would count twice). Empty without a subject.",
    "主体是由其他实体合称的群体时为 true（其成员见 entities.csv），例如 BAT 指百度、阿里巴巴和"
    "腾讯：不要把它与其成员的数字相加（否则同一笔钱会被计算两次）。没有主体时为空。")

#: Table Schema patterns (XML Schema syntax, anchored implicitly), from the model's rules.
_ID = ID_PATTERN.removeprefix("^").removesuffix("$").replace("(?:", "(")
_DATE = dates.PARTIAL_DATE_REGEX
_PERIOD = dates.PERIOD_REGEX

#: How the data dictionary names a column's type, by its pattern or Table Schema type.
_TYPE_LABELS: dict[str, Bilingual] = {
    "choice": _t("choice", "固定选项"),
    _ID: _t("id", "标识符"),
    _DATE: _t("partial date", "日期（精确到年、月或日）"),
    _PERIOD: _t("date or period", "日期或时期"),
    "date": _t("date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
    "array": _t("JSON list", "JSON 列表"),
    "object": _t("JSON object", "JSON 对象"),
    "boolean": _t("boolean (true/false)", "布尔值（true/false）"),
    "string": _t("string", "文本"),
    "number": _t("number", "数字"),
    "integer": _t("integer", "整数"),
}


@dataclass(frozen=True)
class Field:
    """One CSV column: its name, what it holds (in both languages), and its Table Schema
    type and constraints.

    ``derived`` columns are made for readers from other fields (names, ISO period bounds,
    the aggregate flag); :func:`facts_from_csv` skips them.
    """

    name: str
    description: Bilingual
    type: str = "string"  # a Table Schema type: string, number, integer, boolean, date, array, object
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    required: bool = False
    unique: bool = False
    max_length: int | None = None
    derived: bool = False

    @property
    def type_label(self) -> Bilingual:
        """The type as the data dictionary prints it: 'number', 'date (YYYY-MM-DD)'…"""
        if self.enum:
            return _TYPE_LABELS["choice"]
        if self.pattern in _TYPE_LABELS:
            return _TYPE_LABELS[self.pattern]
        return _TYPE_LABELS.get(self.type) or _t(self.type, self.type)

    def table_schema(self) -> dict[str, Any]:
        """This column as a Table Schema field descriptor."""
        field: dict[str, Any] = {"name": self.name, "type": self.type,
                                 "description": self.description.en}
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


def _id(name: str, description: Bilingual, **kwargs: Any) -> Field:
    return Field(name, description, pattern=_ID, **kwargs)


def _choice(name: str, description: Bilingual, enum: type[Enum], **kwargs: Any) -> Field:
    return Field(name, description, enum=_values(enum), **kwargs)


def _partial_date(name: str, description: Bilingual, **kwargs: Any) -> Field:
    return Field(name, description, pattern=_DATE, **kwargs)


def _basis(column: str, note: str) -> Bilingual:
    """Where a date column comes from; ``note`` names the columns that say how or where."""
    return _t(f"Where {column} comes from: printed (the source prints it), inferred (from "
              f"the source's context; {note} says how) or outside ({note} names where).",
              f"{column} 的依据：printed（来源印出）、inferred（根据来源的上下文推断，{note} "
              f"说明如何推断）或 outside（来自我们的来源之外，{note} 指明出处）。")


# The texts facts.csv and the per-measure files share.
_SUBJECT = _t("Entity id the figure is about (entities.csv).",
              "数字所涉主体的实体标识符（见 entities.csv）。")
_SUBJECT_EN = _t("The subject's name, English.", "主体的名称，英文。")
_SUBJECT_ZH = _t("The subject's name, Chinese.", "主体的名称，中文。")
_VALUE = _t("The figure in full units; empty for a range.",
            "数字，写出全部位数（不以万、亿等缩写）；为区间时为空。")
_LOW = _t("Lower end of a range.", "区间的下限。")
_HIGH = _t("Upper end of a range.", "区间的上限。")
_AS_OF = _t("Date or period the figure describes: YYYY, YYYY-MM, YYYY-MM-DD, a period "
            "START..END or unknown.",
            "数字所描述的日期或时期：YYYY、YYYY-MM、YYYY-MM-DD、时期 START..END，或 unknown"
            "（不详）。")
_SOURCE = _t("Source id (sources.csv).", "来源的标识符（见 sources.csv）。")
_SAME_ZH = "同上，中文。"

# --------------------------------------------------------------------------- facts.csv

#: Columns of facts.csv, in order, with what each holds (the data dictionary).
FACT_COLUMNS: list[Field] = [
    _id("id", _t("Stable fact id; the fact's page is facts/<id>/ on this site.",
                 "事实的固定标识符；该事实在本站的页面是 facts/<id>/。"),
        required=True, unique=True),
    _choice("theme", _t("compute, capital, talent or open-source.",
                        "主题：compute（算力）、capital（资本）、talent（人才）或 open-source"
                        "（开源）。"), Theme, required=True),
    _choice("kind", _t("statistic, event, report, claim, forecast or opinion.",
                       "类型：statistic（数据）、event（事件）、report（报道）、claim（说法）、"
                       "forecast（预测）或 opinion（观点）。"), FactKind, required=True),
    Field("statement_en", _t("The fact in our words, English.", "我们对该事实的表述，英文。"),
          required=True),
    Field("statement_zh", _t("The fact in our words, Simplified Chinese.",
                             "我们对该事实的表述，简体中文。"), required=True),
    _id("measure", _t("Measure id (statistics); see the per-measure CSV files.",
                      "指标的标识符（数据类事实）；见按指标的 CSV 文件。")),
    _id("subject", _SUBJECT),
    Field("subject_name_en", _SUBJECT_EN, derived=True),
    Field("subject_name_zh", _SUBJECT_ZH, derived=True),
    Field("aggregate", AGGREGATE_NOTE, type="boolean", derived=True),
    Field("quantity_value", _VALUE, type="number"),
    Field("quantity_low", _LOW, type="number"),
    Field("quantity_high", _HIGH, type="number"),
    _choice("quantity_qualifier", _t(
        "How the source hedges it: exact, about, more-than, at-least, less-than, at-most, "
        "nearly.",
        "来源的限定方式：exact（确数）、about（约）、more-than（超过）、at-least（至少）、"
        "less-than（不到）、at-most（至多）、nearly（近）。"), Qualifier),
    _choice("quantity_unit", _t("Unit: USD, CNY, percent, count, multiple, years…",
                                "单位：USD（美元）、CNY（人民币）、percent（百分比）、count"
                                "（个数）、multiple（倍数）、years（年）等。"), Unit),
    Field("quantity_currency_year", _t("Price year of a currency amount, where known.",
                                       "货币金额的计价年份（已知时）。"), type="integer"),
    Field("quantity_as_printed", _t("The figure exactly as the article prints it.",
                                    "数字在文章中的原样写法。")),
    Field("quantity_of", _t("For a count out of a total the source gives: the total.",
                            "计数是来源所给总数中的一部分时：该总数。"), type="number"),
    Field("quantity_of_printed", _t("That total exactly as the article prints it.",
                                    "该总数在文章中的原样写法。")),
    Field("quantity_counted_en", _t(
        "For a count without a measure: what is counted, English.",
        "不属于任何指标的计数：所计的是什么，英文。")),
    Field("quantity_counted_zh", _t(
        "For a count without a measure: what is counted, Chinese.",
        "不属于任何指标的计数：所计的是什么，中文。")),
    Field("also_given_as", _t(
        "JSON list of the same figure in other units, as the source gives it.",
        "JSON 列表：来源以其他单位给出的同一数字。"), type="array"),
    Field("conversion", _t(
        "JSON object: our own conversion (value, unit, rate, rate_date, note).",
        "JSON 对象：我们自己做的换算（value、unit、rate、rate_date、note）。"), type="object"),
    Field("as_of", _AS_OF, pattern=_PERIOD),
    _choice("as_of_basis", _basis("as_of", "basis_note"), Basis),
    _partial_date("date", _t(
        "When the event happened or the claim was made (YYYY, YYYY-MM or YYYY-MM-DD: the "
        "precision is the form).",
        "事件发生或说法提出的时间（YYYY、YYYY-MM 或 YYYY-MM-DD：写法即精度）。")),
    _choice("date_basis", _basis("date", "basis_note"), Basis),
    Field("period_start", _t(
        "First day the as_of period (or, without as_of, the date) can mean, ISO 8601; empty "
        "when unknown.",
        "as_of 的日期或时期（没有 as_of 时为 date）可能指的第一天，ISO 8601 格式；不详时为空。"),
        type="date", derived=True),
    Field("period_end", _t(
        "Last day the as_of period (or, without as_of, the date) can mean, ISO 8601; empty "
        "when unknown.",
        "as_of 的日期或时期（没有 as_of 时为 date）可能指的最后一天，ISO 8601 格式；不详时为空。"),
        type="date", derived=True),
    Field("basis_note_en", _t(
        "How an inferred date was inferred, or where an outside one is from, English.",
        "推断的日期是如何推断的，或来自来源之外的日期出自何处，英文。")),
    Field("basis_note_zh", _t("The same, Chinese.", _SAME_ZH)),
    _partial_date("not_after", _t("For an unknown date or as_of: the latest it can be.",
                                  "date 或 as_of 不详时：它最晚可能是何时。")),
    _id("speaker", _t("Entity id of who asserts a claim, forecast or opinion.",
                      "提出说法、预测或观点者的实体标识符。")),
    _id("question", _t("Question id the view answers.", "该观点所回答的问题的标识符。")),
    _id("position", _t("Position id within the question.", "该问题下的立场的标识符。")),
    _partial_date("horizon", _t("Forecast: the date it is about.", "预测：所预测的日期。")),
    _id("source", _SOURCE, required=True),
    Field("quote", _t(
        f"Verbatim excerpt of the source (at most {QUOTE_MAX_CHARS} characters), in "
        "Chinese; it remains its publisher's.",
        f"来源的原文摘录（至多 {QUOTE_MAX_CHARS} 个字符），中文；版权仍归其发布者。"),
        required=True, max_length=QUOTE_MAX_CHARS),
    Field("quote_en", _t("Our English translation of the quote.",
                         "我们对原文摘录的英文翻译。"), required=True),
    _id("data_producer", _t("Entity id of who produced the data the article cites.",
                            "文章所引数据的提供方的实体标识符。")),
    Field("unnamed_producer_en", _t(
        "How the source refers to a producer it does not name, English.",
        "来源未点名数据提供方时对它的称呼，英文。")),
    Field("unnamed_producer_zh", _t("The same, Chinese.", _SAME_ZH)),
    Field("entities", _t("JSON list of entity ids the fact concerns (entities.csv).",
                         "JSON 列表：该事实所涉实体的标识符（见 entities.csv）。"),
          type="array"),
    Field("note_en", _t("Caveats, from our sources only, English.",
                        "注意事项，只依据我们的来源，英文。")),
    Field("note_zh", _t("Caveats, Chinese.", "注意事项，中文。")),
    Field("corrections", _t(
        "JSON list of corrections of the source: says, correct, basis, reference.",
        "JSON 列表：对来源的更正（says、correct、basis、reference）。"), type="array"),
    Field("outside", _t(
        "JSON list of what we add from outside our sources: text, reference.",
        "JSON 列表：我们从来源之外补充的内容（text、reference）。"), type="array"),
    Field("lint_ok", _t(
        "JSON list of lint findings an editor checked: rule, term, why.",
        "JSON 列表：编辑已核对过的自动检查提示（rule、term、why）。"), type="array"),
    Field("current_state", _t("true when the fact describes a state that can go stale.",
                              "事实描述的是可能过时的状态时为 true。"),
          type="boolean", required=True),
    _partial_date("review_by", _t("Date by which we review the fact.",
                                  "我们最晚在此日期前复核该事实。")),
    _partial_date("added", _t("Date the fact was added.", "事实添加的日期。"),
                  required=True),
    _partial_date("updated", _t("Date the fact last changed.", "事实最近一次更改的日期。")),
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
    _id("fact", _t("Fact id (facts.csv); the fact's page is facts/<id>/.",
                   "事实的标识符（见 facts.csv）；该事实的页面是 facts/<id>/。"),
        required=True, unique=True),
    _id("subject", _SUBJECT),
    Field("subject_name_en", _SUBJECT_EN, derived=True),
    Field("subject_name_zh", _SUBJECT_ZH, derived=True),
    Field("aggregate", AGGREGATE_NOTE, type="boolean", derived=True),
    Field("as_of", _AS_OF, pattern=_PERIOD),
    _choice("as_of_basis", _basis("as_of", "basis_note"), Basis),
    Field("period_start", _t(
        "First day the as_of period can mean, ISO 8601; empty when unknown.",
        "as_of 的日期或时期可能指的第一天，ISO 8601 格式；不详时为空。"),
        type="date", derived=True),
    Field("period_end", _t(
        "Last day the as_of period can mean, ISO 8601; empty when unknown.",
        "as_of 的日期或时期可能指的最后一天，ISO 8601 格式；不详时为空。"),
        type="date", derived=True),
    Field("value", _VALUE, type="number"),
    Field("low", _LOW, type="number"),
    Field("high", _HIGH, type="number"),
    _choice("qualifier", _t(
        "exact, about, more-than, at-least, less-than, at-most or nearly.",
        "来源的限定方式：exact（确数）、about（约）、more-than（超过）、at-least（至少）、"
        "less-than（不到）、at-most（至多）或 nearly（近）。"), Qualifier, required=True),
    _choice("unit", _t("Unit of value/low/high, as the source gives it.",
                       "value、low、high 的单位，按来源所给。"), Unit, required=True),
    _id("source", _SOURCE, required=True),
    Field("quote", _t(
        "Verbatim excerpt of the source, in Chinese; it remains its publisher's.",
        "来源的原文摘录，中文；版权仍归其发布者。"),
        required=True, max_length=QUOTE_MAX_CHARS),
]

#: Columns of sources.csv: one row per source (lists as JSON).
SOURCE_COLUMNS: list[Field] = [
    _id("id", _t("Source id, as facts cite it; its entry is sources/#source-<id> on this "
                 "site.",
                 "来源的标识符，事实以此引用它；它在本站的条目是 sources/#source-<id>。"),
        required=True, unique=True),
    _id("archive", _t("Id of the archived file that holds its text.",
                      "存有其文本的存档文件的标识符。"), required=True),
    Field("archive_sha256", _t("SHA-256 of the archived file's bytes.",
                               "存档文件内容（字节）的 SHA-256 哈希值。"), required=True,
          pattern="[0-9a-f]{64}"),
    Field("lines", _t(
        "JSON list of the line ranges of the archived file that are this source; empty for "
        "the whole file.",
        "JSON 列表：存档文件中属于该来源的行范围；整个文件都是该来源时为空。"), type="array"),
    Field("title_original", _t("Title as published, in the original language.",
                               "发表时的标题，原文。"), required=True),
    Field("title_en", _t("Our English rendering of the title.", "我们对标题的英文译名。"),
          required=True),
    Field("outlet_en", _t("Where it was first published, English.", "首发之处，英文。"),
          required=True),
    Field("outlet_zh", _t("Where it was first published, Chinese.", "首发之处，中文。"),
          required=True),
    Field("authors", _t("JSON list of the authors as printed; empty list when not stated.",
                        "JSON 列表：原文所署的作者；未署名时为空列表。"),
          type="array", required=True),
    _partial_date("published", _t(
        "Publication date (YYYY, YYYY-MM or YYYY-MM-DD) or unknown.",
        "发表日期（YYYY、YYYY-MM 或 YYYY-MM-DD），或 unknown（不详）。"), required=True),
    _choice("published_basis", _basis("published", "published_note"), Basis),
    Field("published_start", _t(
        "First day the publication date can mean, ISO 8601; empty when unknown.",
        "发表日期可能指的第一天，ISO 8601 格式；不详时为空。"), type="date", derived=True),
    Field("published_end", _t(
        "Last day the publication date can mean, ISO 8601; empty when unknown.",
        "发表日期可能指的最后一天，ISO 8601 格式；不详时为空。"), type="date", derived=True),
    Field("published_note_en", _t(
        "How the date was established, or what the content suggests when it is unknown, "
        "English.",
        "日期是如何确定的；日期不详时，内容所提示的时间，英文。")),
    Field("published_note_zh", _t("The same, Chinese.", _SAME_ZH)),
    Field("language", _t("Language of the text: zh.", "文本的语言：zh（中文）。"),
          enum=("zh",), required=True),
    _choice("script", _t("Hans (Simplified) or Hant (Traditional Chinese).",
                         "Hans（简体中文）或 Hant（繁体中文）。"), Script, required=True),
    _choice("kind", _t("What kind of writing it is.", "文章的类型。"), SourceKind,
            required=True),
    _choice("channel", _t(
        "Where it was published: news-outlet, self-media (a WeChat official account, "
        "NetEase Hao…), blog or unknown.",
        "发表渠道：news-outlet（新闻机构）、self-media（自媒体，如微信公众号、网易号）、blog"
        "（个人博客）或 unknown（不详）。"), Channel, required=True),
    _choice("retells", _t(
        "first-hand, or whether it passes on another article: summary or translation.",
        "first-hand（第一手），或转述另一篇文章的方式：summary（摘要）或 translation（翻译）。"),
        Retelling, required=True),
    Field("original_en", _t(
        "The article a summary or translation retells, as the text names it, English; "
        "empty when first-hand or not named (of unknown origin).",
        "摘要或翻译所转述的原文章，按文中的称呼，英文；第一手或未指明原文（来历不明）时为空。")),
    Field("original_zh", _t("The same, Chinese.", _SAME_ZH)),
    Field("reposted_by_en", _t(
        "Who reposted the copy we hold, when not its publisher, English.",
        "我们所存副本的转载者（不是其发布者时），英文。")),
    Field("reposted_by_zh", _t("The same, Chinese.", _SAME_ZH)),
    Field("via_en", _t("How it reached us, English.", "我们如何得到它，英文。"),
          required=True),
    Field("via_zh", _t("How it reached us, Chinese.", "我们如何得到它，中文。"),
          required=True),
    Field("url", _t("Original URL, when the text gives one.", "原始网址（文中给出时）。")),
    Field("own_voice", _t(
        "JSON list of entity ids that speak in the source's own voice (author, outlet).",
        "JSON 列表：以来源自身口吻说话的实体（作者、媒体）的标识符。"),
        type="array", required=True),
    Field("errata", _t(
        "JSON list of errors we found in the source: says, correct, basis, reference.",
        "JSON 列表：我们在来源中发现的错误（says、correct、basis、reference）。"),
        type="array"),
]

#: Columns of entities.csv: one row per entity.
ENTITY_COLUMNS: list[Field] = [
    _id("id", _t("Entity id, as facts name it; its page is entities/<id>/ on this site.",
                 "实体的标识符，事实以此指称它；它在本站的页面是 entities/<id>/。"),
        required=True, unique=True),
    _choice("kind", _t(
        "company, person, government-body, investor, model, country, organisation, "
        "university, data-producer, media or product.",
        "company（公司）、person（人物）、government-body（政府机构）、investor（投资方）、"
        "model（模型）、country（国家）、organisation（组织）、university（大学）、"
        "data-producer（数据提供方）、media（媒体）或 product（产品）。"), EntityKind,
        required=True),
    Field("name_en", _t("Display name, English.", "显示的名称，英文。"), required=True),
    Field("name_zh", _t("Display name, Chinese.", "显示的名称，中文。"), required=True),
    Field("aliases", _t("JSON list of other names or spellings found in the sources.",
                        "JSON 列表：来源中出现的其他名称或写法。"), type="array"),
    Field("description_en", _t("One line, English.", "一句话介绍，英文。"), required=True),
    Field("description_zh", _t("One line, Chinese.", "一句话介绍，中文。"), required=True),
    _id("parent", _t("Id of the owning entity, if any (entities.csv).",
                     "所属实体的标识符（如有；见 entities.csv）。")),
    Field("members", _t(
        "JSON list of the entity ids this one groups, for a shorthand like BAT; empty for "
        "any other entity.",
        "JSON 列表：BAT 这类合称所代表的实体的标识符；其他实体为空。"), type="array"),
    Field("aggregate", _t(
        "true when the entity groups others (members): do not sum a figure about it with "
        "its members' figures.",
        "该实体是其他实体（members）的合称时为 true：不要把关于它的数字与其成员的数字相加。"),
        type="boolean", required=True, derived=True),
]

#: The data dictionary, in order: (anchor, the files with these columns, the columns).
#: The downloads page and README.md both print it.
DICTIONARY: list[tuple[str, str, list[Field]]] = [
    ("fields-facts", "facts.csv, facts-excel.csv", FACT_COLUMNS),
    ("fields-measures", "measures/<measure>.csv", MEASURE_COLUMNS),
    ("fields-sources", "sources.csv", SOURCE_COLUMNS),
    ("fields-entities", "entities.csv", ENTITY_COLUMNS),
]

JSON_FILES: dict[str, Bilingual] = {
    "facts.json": _t("Every fact, field for field as in the data model (nested objects "
                     "kept).",
                     "全部事实，字段与数据模型一一对应（保留嵌套对象）。"),
    "sources.json": _t("Every source: titles, outlet, authors, date, kind, provenance "
                       "(where it was published, what it retells, whose copy we hold), how "
                       "it reached us, errata.",
                       "全部来源：标题、首发之处、作者、日期、类型、出处（发表于何处、转述了"
                       "什么、我们所存的是谁的副本）、我们如何得到它、勘误。"),
    "entities.json": _t("Every company, person, agency, model, country and data producer.",
                        "全部公司、人物、机构、模型、国家和数据提供方。"),
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
    description: Bilingual  # what it holds: the page prints its language's, README.md English


#: The downloads of the last fact base, per (site_name, site_url): a build asks for them
#: several times (the files, the downloads page, each download_count()), and making them
#: dumps every fact. Holding the last FactBase keeps one build's data alive, no more.
_made: tuple[FactBase | None, dict[tuple[str, str], list[Download]]] = (None, {})


def downloads(fb: FactBase, site_name: str = "Race & Reliance",
              site_url: str = "") -> list[Download]:
    """Every download file, in the order the downloads page lists them: the README and
    datapackage.json (which describe all the others) first."""
    global _made
    base = _read_everything(fb)
    if _made[0] is not base:
        _made = (base, {})
    cache = _made[1]
    key = (site_name, site_url)
    if key not in cache:
        made = _make_downloads(fb, site_name, site_url)
        cache[key] = _about(fb, made, site_name, site_url) + made
    return list(cache[key])


def _read_everything(fb: FactBase) -> FactBase:
    """The fact base ``fb`` is a view of (dependencies.RecordingFactBase), or ``fb``; a
    recording view is told that what is made from it rests on all of its data, as the
    downloads do, whether they are made now or were made from another view."""
    for f in fields(fb):
        value = getattr(fb, f.name)
        if isinstance(value, dict):
            len(value)  # a recording dict notes a read of the whole
    return getattr(fb, "base", fb)


def _make_downloads(fb: FactBase, site_name: str, site_url: str) -> list[Download]:
    facts = [f.model_dump(mode="json", exclude_none=True) for f in fb.facts.values()]
    sources = [s.model_dump(mode="json", exclude_none=True) for s in fb.sources.values()]
    entities = [e.model_dump(mode="json", exclude_none=True) for e in fb.entities.values()]
    facts_table = facts_csv(fb)
    out = [
        Download("facts.csv", facts_table, len(facts),
                 _t("Every fact, one row each; nested parts flattened (see the columns "
                    "below).",
                    "全部事实，每条一行；嵌套的部分展开成多列（见下方各列说明）。")),
        Download(EXCEL_FACTS, UTF8_BOM + facts_table, len(facts),
                 _t("facts.csv for Excel: the same, UTF-8 with a byte-order mark, so a "
                    "double-click shows the Chinese.",
                    "供 Excel 使用的 facts.csv：内容相同，保存为带字节顺序标记（BOM）的 "
                    "UTF-8，双击即可正确显示中文。")),
        Download("facts.json", _json(_envelope("facts", facts, site_name, site_url)),
                 len(facts), JSON_FILES["facts.json"]),
        Download("sources.csv", sources_csv(fb), len(sources),
                 _t("Every source, one row each (lists as JSON).",
                    "全部来源，每个一行（列表以 JSON 表示）。")),
        Download("sources.json", _json(_envelope("sources", sources, site_name, site_url)),
                 len(sources), JSON_FILES["sources.json"]),
        Download("entities.csv", entities_csv(fb), len(entities),
                 _t("Every entity, one row each; members: what a group such as BAT stands "
                    "for.",
                    "全部实体，每个一行；members 列：BAT 这类群体代表哪些实体。")),
        Download("entities.json", _json(_envelope("entities", entities, site_name, site_url)),
                 len(entities), JSON_FILES["entities.json"]),
    ]
    # BibTeX (macros/render/citations.py): every article once, every fact once.
    from . import citations
    out += [
        Download(citations.SOURCES_BIB,
                 citations.sources_bib(fb, site_name, site_url).encode("utf-8"), len(sources),
                 _t("Every article our facts quote, one BibTeX entry each (classic styles "
                    "and biblatex); the fact entries refer to these.",
                    "本站事实所引的每篇文章，各一个 BibTeX 条目（适用于传统样式和 "
                    "biblatex）；事实的条目指向这些条目。")),
        Download(citations.FACTS_BIB,
                 citations.facts_bib(fb, site_name, site_url).encode("utf-8"), len(facts),
                 _t("Every fact as a BibTeX entry, as on its page, each referring to its "
                    "article in sources.bib.",
                    "每条事实的 BibTeX 条目，与其页面上的相同，各自指向 sources.bib 中"
                    "所引的文章。")),
    ]
    for measure in fb.measures.values():
        rows = measure_rows(fb, measure.id)
        if not rows:
            continue
        out.append(Download(measure_file(measure.id), _csv(MEASURE_COLUMNS, rows), len(rows),
                            measure.name))
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
    made = next(iter(_made[1].values()), None) if _made[0] is _read_everything(fb) else None
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


def latest_change(facts: Iterable[Fact]) -> str:
    """The latest change recorded for ``facts`` (a fact's updated or added date), never
    the build clock. '' when none is known."""
    return max((f.updated or f.added for f in facts if dates.is_known(f.updated or f.added)),
               key=dates.sort_key, default="")


def data_modified(fb: FactBase) -> str:
    """The latest change recorded in the data: the package's version and date."""
    return latest_change(fb.facts.values())


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
        "description": d.description.en,
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
                 _t("Start here: the data dictionary (every file and column), dates and "
                    "periods, licence, how to cite, Excel.",
                    "从这里开始：数据字典（每个文件、每一列）、日期与时期、许可、引用方法、"
                    "在 Excel 中打开。")),
        Download("datapackage.json", _json(package), None,
                 _t("Frictionless Data Package: every CSV's columns, types, keys and "
                    "licence, for tools (frictionless, pandas, R…).",
                    "Frictionless 数据包：每个 CSV 文件的列、类型、键和许可，供工具使用"
                    "（frictionless、pandas、R 等）。")),
    ]


# --------------------------------------------------------------------------- README.md


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or heading (``<id>`` is not a tag)."""
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<")
            .replace("\n", " "))


def _dictionary(columns: list[Field]) -> list[str]:
    lines = ["| column | type | meaning |", "| --- | --- | --- |"]
    for c in columns:
        kind = c.type_label.en + (", required" if c.required else "")
        if c.enum and len(c.enum) <= 13:
            kind += ": one of " + ", ".join(f"`{v}`" for v in c.enum)
        lines.append(f"| `{c.name}` | {_md(kind)} | {_md(c.description.en)} |")
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
    out += [f"| `{d.name}` | {'' if d.rows is None else d.rows} | {_md(d.description.en)} |"
            for d in made if not d.name.startswith("measures/")]
    out += [
        "",
        f"`measures/<measure>.csv`: one tidy file per measure ({len(measures)} files), "
        "one row per figure:",
        "",
    ]
    out += [f"- `{d.name}` ({d.rows} {'row' if d.rows == 1 else 'rows'}): {d.description.en}"
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

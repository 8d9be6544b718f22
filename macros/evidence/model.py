"""The data model of the evidence base: one pydantic model per YAML file kind.

This module is the single source of truth for the data files. The checker validates
against it, the JSON Schemas in ``data/schema/`` are generated from it (a test fails
when they drift), and the renderers read the validated objects. Plain Python: it must
never import mkdocs or material.

Every field carries a description and an example, because both end up in the JSON
Schema that editors' YAML language servers use for autocompletion and hover help.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from . import dates

# Longest quote we publish: evidence, not reproduction.
QUOTE_MAX_CHARS = 150

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


# The loader validates dates in Python (dates.py); the JSON Schema gets the same rules as
# a pattern (json_schema_extra, so the loader keeps its own clearer messages). Both take
# text only: an unquoted YAML year is a number, refused by both (quote it).
PartialDate = Annotated[
    str,
    BeforeValidator(dates.coerce_date_text),
    AfterValidator(dates.validate_partial_date),
    Field(
        description=(
            "A date whose precision is its form: YYYY-MM-DD (day), YYYY-MM (month), "
            "YYYY (year), or 'unknown'. Never guess: write 'unknown'. Quote a bare year: "
            "\"2024\"."
        ),
        examples=["2024-02-22", "2024-10", "2025", "unknown"],
        json_schema_extra={"pattern": dates.PARTIAL_DATE_JSON_PATTERN,
                           "patternErrorMessage": dates.PARTIAL_DATE_PATTERN_MESSAGE},
    ),
]

Period = Annotated[
    str,
    BeforeValidator(dates.coerce_date_text),
    AfterValidator(dates.validate_period),
    Field(
        description=(
            "A date (YYYY-MM-DD, YYYY-MM or YYYY), a period START..END of two such dates "
            "(not ending before it starts), or 'unknown'. Quote a bare year: \"2024\"."
        ),
        examples=["2022", "2023-06", "2019..2022", "2024-01..2024-08", "unknown"],
        json_schema_extra={"pattern": dates.PERIOD_JSON_PATTERN,
                           "patternErrorMessage": dates.PERIOD_PATTERN_MESSAGE},
    ),
]


class _Strict(BaseModel):
    """Unknown fields are errors: a typo must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


_E = TypeVar("_E", bound=Enum)


def _meanings(meaning: Mapping[_E, str]) -> str:
    """An enum field's description from what each value means: 'value: meaning; …'."""
    return "; ".join(f"{k.value}: {v}" for k, v in meaning.items()) + "."


Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description="Stable kebab-case identifier; never change it once published.",
        examples=["nvidia", "us-compute-lead-estimate"],
    ),
]


class Bilingual(_Strict):
    """A text written by us in English and in Simplified Chinese."""

    en: str = Field(min_length=1, description="English text.", examples=["Nvidia"])
    zh: str = Field(min_length=1, description="Simplified Chinese text.", examples=["英伟达"])


# --------------------------------------------------------------------------- dates' bases


class Basis(str, Enum):
    """Where a date comes from. No label is more precise than its basis."""

    printed = "printed"
    inferred = "inferred"
    outside = "outside"


BASIS_DESCRIPTION = (
    "Where the date comes from: printed (the source prints it, at this precision), "
    "inferred (from the source's context: the basis_note says how), or outside (from "
    "outside our sources: the basis_note names where). Required for every known date."
)


# --------------------------------------------------------------------------- corrections


class CorrectionBasis(str, Enum):
    passage = "passage"
    source = "source"
    outside = "outside"


class Correction(_Strict):
    """An error in a source, shown as a correction beside the verbatim quote."""

    says: str = Field(
        min_length=1,
        description="What the source says, verbatim (the checker finds it in the source's text).",
        examples=["對沖基金高瓴資本(high-flyer)"])
    correct: Bilingual = Field(description="What is right, in our words.")
    basis: CorrectionBasis = Field(
        description="How we know: passage (another passage of the same source shows it), "
        "source (another of our sources), or outside (an outside reference, named in full).")
    reference: str = Field(
        min_length=1,
        description="passage: that passage, verbatim (the checker finds it); source: the "
        "other source's id; outside: the reference named in full (who, what, when).",
        examples=["高瓴資本", "nyt-2024-02-22-china-ai-race",
                  "Moonshot AI's announcement of the 2-million-character Kimi, 18 March 2024"])


class OutsideNote(_Strict):
    """Knowledge from outside our sources, kept apart and shown as such."""

    text: Bilingual = Field(description="What we add, in our words.")
    reference: str = Field(min_length=1,
                           description="Where it comes from, named in full (who, what, when).",
                           examples=["US Department of Commerce, proposed rule on IaaS "
                                     "customer identification, January 2024"])


class LintRule(str, Enum):
    hedge = "hedge"
    intensifier = "intensifier"


class LintOk(_Strict):
    """An editor has checked a lint finding and judged it right as written."""

    rule: LintRule = Field(description="The lint the finding comes from.")
    term: str = Field(min_length=1, description="The hedge or intensifier it is about.",
                      examples=["一些", "heavily"])
    why: str = Field(min_length=8, description="Why the statement is faithful as written.")


# --------------------------------------------------------------------------- sources


class SourceKind(str, Enum):
    news_report = "news-report"
    analysis = "analysis"
    opinion_column = "opinion-column"
    commentary = "commentary"
    translation = "translation"
    opinion = "opinion"


class Channel(str, Enum):
    """Where a piece of writing was published: how much editing stood between its
    author and its readers."""

    news_outlet = "news-outlet"
    self_media = "self-media"
    blog = "blog"
    unknown = "unknown"


CHANNEL_MEANING = {
    Channel.news_outlet: "a news organisation, publishing under its own name with editors",
    Channel.self_media: "an account on a self-media platform (a WeChat official account, "
                        "NetEase Hao), publishing without the platform's editors",
    Channel.blog: "a personal blog",
    Channel.unknown: "the text does not say where it was first published",
}


class Retelling(str, Enum):
    """Whether the writing is its author's own, or passes on another article."""

    first_hand = "first-hand"
    summary = "summary"
    translation = "translation"


class Provenance(_Strict):
    """How far a source stands from what it reports: where it was published, whether it
    retells another article, and whose copy we hold. Readers see it on every card as
    the source's strength ("Self-media analysis, reposted")."""

    channel: Channel = Field(
        description=_meanings(CHANNEL_MEANING),
        examples=["self-media"])
    retells: Retelling = Field(
        default=Retelling.first_hand,
        description="first-hand: the author's own writing; summary: it summarises another "
        "article; translation: it translates another article (kind: translation).",
        examples=["summary"])
    original: Bilingual | None = Field(
        default=None,
        description="The article a summary or translation retells, as the text names it "
        "(author, title, outlet). Leave out when the text does not name it: readers then "
        "see 'of unknown origin'. Only with retells: summary or translation.",
        examples=[{"en": "Megha Shrivastava, 'The Generative AI Rush and China's Fear of "
                         "Missing Out', The Geopolitics",
                   "zh": "Megha Shrivastava发表于The Geopolitics的《生成式人工智能热潮与中国"
                         "对错失良机的恐惧》"}])
    reposted_by: Bilingual | None = Field(
        default=None,
        description="Who reposted the copy we hold, when it is not where the writing was "
        "first published. Leave out for the publisher's own copy.",
        examples=[{"en": "Huxiu (虎嗅)", "zh": "虎嗅"}])

    @model_validator(mode="after")
    def _original_only_when_retold(self) -> Provenance:
        if self.original is not None and self.retells is Retelling.first_hand:
            raise ValueError("original names the article a summary or translation retells; "
                             "set retells: summary or translation, or drop original")
        return self


class Script(str, Enum):
    simplified = "Hans"
    traditional = "Hant"

    @property
    def lang_tag(self) -> str:
        """The BCP 47 tag of Chinese text in this script: 'zh-Hans' or 'zh-Hant'."""
        return f"zh-{self.value}"


class Archive(_Strict):
    """One archived file in data/articles/, kept byte for byte as collected."""

    id: Id = Field(description="Archive id; the file is data/articles/<id>.txt.",
                   examples=["nyt-reports-xie-xuanjun-repost"])
    collected_as: str = Field(description="The file name it arrived under.",
                              examples=["000_8e82a68349571489.txt"])
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$",
                        description="SHA-256 of the archived bytes; the checker verifies it.",
                        examples=["ed6468b37b14b4e5be7c82a0ee68939c6d048c3c2d119e084194372df588d197"])
    description: Bilingual = Field(description="What the file is, in a sentence.")
    artifacts: str | None = Field(
        default=None,
        description="Conversion artifacts in the text that quoting normalises away.",
        examples=["Traditional characters followed by their pinyin in parentheses: 發(fā)現(xiàn)"],
    )


class Source(_Strict):
    """One piece of writing we cite. An archive file may hold several sources."""

    id: Id = Field(description="Source id, cited by facts.", examples=["nyt-2024-02-22-china-ai-race"])
    archive: Id = Field(description="Id of the archive file that holds this source's text.",
                        examples=["nyt-reports-xie-xuanjun-repost"])
    lines: list[Annotated[str, Field(pattern=r"^\d+-\d+$")]] | None = Field(
        default=None,
        description="Line ranges of the archive file that belong to this source (1-based, "
        "inclusive). Quotes are searched only there. Omit when the whole file is this source.",
        examples=[["1-32"], ["33-33", "65-65"]],
    )
    title_original: str = Field(description="Title as published, in the original language.",
                                examples=["中国“AI大混战”背后:想超越美国,又离不开美国"])
    title_en: str = Field(description="Our English rendering of the title.",
                          examples=["Behind China's 'AI melee': racing the US, relying on it"])
    title_zh: str | None = Field(
        default=None,
        description="For a source without a title of its own ('（无标题）'): what it is, "
        "in our Chinese, shown in square brackets on Chinese pages where the title would "
        "be, so that two untitled sources are told apart.",
        examples=["谢选骏对两篇《纽约时报》转载报道的评论"])
    outlet: Bilingual = Field(description="Where it was first published; 'unknown' if the text does not say.")
    authors: list[str] = Field(
        description="Authors as printed (original script). Empty list when not stated.",
        examples=[["孟建国", "John Liu", "Cade Metz"]],
    )
    published: PartialDate = Field(description="Publication date, with its precision as its form.")
    published_basis: Basis | None = Field(default=None, description=BASIS_DESCRIPTION)
    published_note: Bilingual | None = Field(
        default=None,
        description="How the date was established, or what the content suggests when it is "
        "unknown; required when published_basis is inferred or outside.",
        examples=[{"en": "Not stated; events described point to January 2026.",
                   "zh": "文中未注明；所述事件指向2026年1月。"}],
    )
    language: Literal["zh"] = Field(description="Language code.", examples=["zh"])
    script: Script = Field(description="Hans (Simplified) or Hant (Traditional).")
    kind: SourceKind = Field(description="What kind of writing it is.")
    provenance: Provenance = Field(
        description="Where it was published, whether it retells another article, and "
        "whose copy we hold: what readers see as the source's strength.",
        examples=[{"channel": "self-media", "reposted_by": {"en": "Huxiu (虎嗅)",
                                                            "zh": "虎嗅"}}])
    via: Bilingual = Field(
        description="How it reached us.",
    )
    url: str | None = Field(default=None, description="Original URL if the text gives one.")
    own_voice: list[Id] = Field(
        description="Entities that speak in the source's own voice: its author(s) and "
        "outlet. What they assert is the source's report (or opinion), never a 'claim'.",
        examples=[["vc-popcorn"], ["nyt"]],
    )
    errata: list[Correction] = Field(
        default_factory=list,
        description="Errors we found in the source that no one fact carries "
        "(mistranslations, inconsistent names). Quotes stay verbatim.",
    )


class SourcesFile(_Strict):
    """data/sources.yaml: the archive files and the sources they hold."""

    archives: list[Archive]
    sources: list[Source]


# --------------------------------------------------------------------------- entities


class EntityKind(str, Enum):
    company = "company"
    person = "person"
    government_body = "government-body"
    investor = "investor"
    model = "model"
    country = "country"
    organisation = "organisation"
    university = "university"
    data_producer = "data-producer"
    media = "media"
    product = "product"


class Entity(_Strict):
    """A company, person, agency, investor, AI model, country or data producer."""

    id: Id = Field(examples=["nvidia", "deepseek", "us", "china", "macropolo"])
    kind: EntityKind
    name: Bilingual = Field(description="Display name in English and Chinese.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names or spellings found in the sources (e.g. Traditional script).",
        examples=[["輝達", "NVIDIA"]],
    )
    description: Bilingual = Field(description="One line in each language.")
    parent: Id | None = Field(default=None, description="Id of the owning entity, if any.",
                                 examples=["meta"])
    members: list[Id] = Field(
        default_factory=list,
        description="The entities this one groups, for a shorthand like BAT (Baidu, "
        "Alibaba, Tencent). A figure about it is an aggregate: never add it to its "
        "members' figures.",
        examples=[["baidu", "alibaba", "tencent"]],
    )


class EntitiesFile(_Strict):
    """data/entities.yaml."""

    entities: list[Entity]


# --------------------------------------------------------------------------- questions & measures


class Position(_Strict):
    id: Id = Field(examples=["yes", "no", "not-yet"])
    label: Bilingual


class Question(_Strict):
    """A question that claims, forecasts and opinions answer, so views line up."""

    id: Id = Field(examples=["can-china-overtake-us"])
    text: Bilingual = Field(examples=[{"en": "Can China overtake the US in AI?",
                                       "zh": "中国能在人工智能上超越美国吗？"}])
    positions: list[Position] = Field(min_length=2, description="The possible answers.")


class QuestionsFile(_Strict):
    """data/questions.yaml."""

    questions: list[Question]


class Unit(str, Enum):
    usd = "USD"
    cny = "CNY"
    percent = "percent"
    percentage_points = "percentage-points"
    count = "count"  # type: ignore[assignment]  # shadows str.count: a unit, never called
    multiple = "multiple"
    years = "years"
    months = "months"
    rank = "rank"
    score = "score"
    flops = "FLOPS"
    tokens = "tokens"
    parameters = "parameters"


class Measure(_Strict):
    """Something measured for several subjects or dates: one table, one chart."""

    id: Id = Field(examples=["share-of-top-ai-researchers"])
    name: Bilingual
    unit: Unit = Field(description="Unit every fact on this measure uses.")
    counted: Bilingual | None = Field(
        default=None, description="For unit 'count': what is counted.",
        examples=[{"en": "models", "zh": "个模型"}],
    )
    description: Bilingual
    chart: Literal["bar", "none"] = Field(
        default="bar",
        description="'none': its figures are never drawn, only tabled (a chart of them "
        "uses form: table), e.g. ranks, or counts that differ in what they count.")


class ChartForm(str, Enum):
    """How a chart draws its figures; the checker holds each form to its comparison."""

    bars = "bars"
    change = "change"
    parts = "parts"
    table = "table"
    panels = "panels"


CHART_FORM_MEANING: dict[ChartForm, str] = {
    ChartForm.bars: "one bar per row, all for one date or period",
    ChartForm.change: "the same subjects at two dates: one dumbbell per subject, from the "
                      "earlier figure to the later",
    ChartForm.parts: "parts of a whole, stacked in one bar: the whole is the figure of "
                     "an aggregate subject (an entity whose members are the other "
                     "subjects, such as BAT), drawn above its parts and never beside them, "
                     "or the total the counts are out of (quantity.of)",
    ChartForm.table: "no picture: the figures as a table (ranks, counts that differ in "
                     "what they count, periods that do not compare)",
    ChartForm.panels: "two or more of the charts above side by side, under one finding",
}


class ChartRowSpec(_Strict):
    """How one row of a chart is labelled and coloured, when its subject's name and
    colour are not right for it."""

    key: Id = Field(description="What the row stands for: the subject's entity id, or, "
                    "in a chart whose facts share one subject, the measure id.",
                    examples=["llms-relying-on-nvidia-chips", "alibaba"])
    label: Bilingual | None = Field(default=None, description="The row's label.",
                                    examples=[{"en": "Built on Nvidia (US) chips",
                                               "zh": "依赖英伟达（美国）芯片"}])
    country: Literal["us", "china", "other"] | None = Field(
        default=None,
        description="The country whose colour the row takes (China and the US keep one "
        "colour each on every chart); by default a subject 'us' or 'china' takes its own, "
        "anything else is neutral.")


class Chart(_Strict):
    """A chart a page draws: chosen facts, a form that fits the comparison, and the
    finding it shows as its title."""

    id: Id = Field(description="Stable id: the chart's anchor #chart-<id> and its "
                   "downloads charts/<id>.csv and .svg.",
                   examples=["llms-by-chip-origin"])
    form: ChartForm = Field(description=_meanings(CHART_FORM_MEANING))
    facts: list[Id] = Field(
        default_factory=list,
        description="The statistics it draws (all in one unit). Listed, not taken from "
        "the measure: a new figure must not change a chart whose finding was written "
        "without it.",
        examples=[["chinese-llms-relying-on-nvidia-chips",
                   "chinese-llms-using-domestic-chips"]])
    panels: list[Id] = Field(default_factory=list,
                             description="form panels: the ids of the charts it shows.",
                             examples=[["elite-ai-researchers-2019-2022",
                                        "llms-by-chip-origin"]])
    finding: Bilingual = Field(
        description="The title: what the figures show, in one sentence, with every hedge "
        "the facts have (about, more than, an unnamed study) and no louder than they are.",
        examples=[{"en": "Of 20 Chinese LLMs in an unnamed study, 17 relied on Nvidia "
                         "chips and only 3 used home-grown ones",
                   "zh": "一项未具名研究中的20个中国大语言模型，17个依赖英伟达芯片，"
                         "只有3个使用国产芯片"}])
    note: Bilingual | None = Field(
        default=None,
        description="Caveats a reader needs to read the chart (what is counted, how a "
        "period was inferred), shown under it.")
    rows: list[ChartRowSpec] = Field(default_factory=list,
                                     description="Labels and colours of rows that need them.")


class MeasuresFile(_Strict):
    """data/measures.yaml: the measures, and the charts drawn from their figures."""

    measures: list[Measure]
    charts: list[Chart] = Field(default_factory=list)


# --------------------------------------------------------------------------- facts


class Theme(str, Enum):
    compute = "compute"
    capital = "capital"
    talent = "talent"
    open_source = "open-source"


class FactKind(str, Enum):
    statistic = "statistic"
    event = "event"
    report = "report"
    claim = "claim"
    forecast = "forecast"
    opinion = "opinion"


#: What each kind means: the one definition, in the JSON Schema, the editor's guide
#: and the home page's "how to read the evidence".
KIND_MEANING: dict[FactKind, str] = {
    FactKind.statistic: "a figure the source reports (a number, with its unit and date)",
    FactKind.event: "a dated happening the source reports",
    FactKind.report: "something the source asserts as fact in its own voice that is "
                     "neither a figure nor an event",
    FactKind.claim: "an assertion by a named third party, not the source's own author or "
                    "outlet",
    FactKind.forecast: "a prediction, by anyone",
    FactKind.opinion: "a judgement or evaluation, by anyone, the source's author included",
}


class Qualifier(str, Enum):
    exact = "exact"
    about = "about"
    more_than = "more-than"
    at_least = "at-least"
    less_than = "less-than"
    at_most = "at-most"
    nearly = "nearly"


def _require_number(value: object) -> object:
    """One clear error instead of one per union member; YAML's true/false are not numbers."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(
            "should be a number: write digits without quotes or units, e.g. 1000000000")
    if not math.isfinite(value):
        raise ValueError("should be a finite number")
    return value


Number = Annotated[int | float, BeforeValidator(_require_number)]


class Quantity(_Strict):
    """A figure as the source gives it. Either ``value`` or ``low``+``high`` (a range)."""

    value: Number | None = Field(
        default=None,
        description="The number in full units (1000000000, not 1 billion). Omit for a range.",
        examples=[1000000000, 37.5],
    )
    low: Number | None = Field(default=None, description="Lower end of a range.", examples=[10])
    high: Number | None = Field(default=None, description="Upper end of a range.", examples=[100])
    qualifier: Qualifier = Field(default=Qualifier.exact,
                                 description="How the source hedges the figure.")
    unit: Unit
    counted: Bilingual | None = Field(
        default=None,
        description="For unit 'count' on a fact without a measure: what is counted "
        "(a measure's own 'counted' noun takes precedence).",
        examples=[{"en": "portfolio companies", "zh": "家被投公司"}],
    )
    currency_year: int | None = Field(
        default=None, description="Price year of a currency amount, where known.", examples=[2023]
    )
    as_printed: str = Field(
        min_length=1,
        description="The figure exactly as the article prints it.",
        examples=["10亿美元", "近4000亿元"],
    )
    of: Number | None = Field(
        default=None,
        description="For a count out of a total the source gives ('17 of 20 models'): "
        "the total. Charts draw the count against it and print '17 of 20'.",
        examples=[20, 10],
    )
    of_printed: str | None = Field(
        default=None,
        min_length=1,
        description="The total exactly as the article prints it; required with 'of' "
        "(the checker finds it in the quote).",
        examples=["20个大语言模型", "前十名"],
    )

    @model_validator(mode="after")
    def _one_shape(self) -> Quantity:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give either value, or both low and high")
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give value or low/high, not both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low is greater than high")
        if (self.of is None) != (self.of_printed is None):
            raise ValueError("give 'of' (the total) and 'of_printed' (it as printed) together")
        top = self.high if self.high is not None else self.value
        if self.of is not None and top is not None and top > self.of:
            raise ValueError(f"the figure ({top:g}) is greater than its total 'of' ({self.of:g})")
        return self


class Conversion(_Strict):
    """A conversion we made ourselves; always shown as ours."""

    value: Number = Field(examples=[5500000000])
    unit: Unit = Field(examples=["USD"])
    rate: Number = Field(description="Rate used: units of the target per unit of the source.",
                         examples=[0.1389])
    rate_date: PartialDate = Field(description="Date of the exchange rate used.")
    note: str | None = None


class Fact(_Strict):
    """One statistic, event, report, claim, forecast or opinion, backed by a verbatim quote."""

    id: Id = Field(description="Stable id; becomes the anchor #fact-<id>.",
                   examples=["china-top-ai-researcher-share-2022"])
    theme: Theme = Field(description="Must match the file the fact is in.")
    kind: FactKind = Field(description=_meanings(KIND_MEANING))
    statement: Bilingual = Field(description="The fact in our own words, both languages.")

    # statistic
    measure: Id | None = Field(default=None, description="Measure id (data/measures.yaml).")
    subject: Id | None = Field(default=None, description="Entity the figure is about.",
                                  examples=["china"])
    quantity: Quantity | None = Field(default=None, description="The figure (statistics).")
    also_given_as: list[Quantity] = Field(
        default_factory=list,
        description="The same figure as the source also gives it (e.g. in a second currency).",
    )
    conversion: Conversion | None = Field(
        default=None, description="Our own conversion, marked as ours with rate and date."
    )
    as_of: Period | None = Field(
        default=None,
        description="Date or period the figure describes: YYYY[-MM[-DD]], a period "
        "START..END, or 'unknown'.",
        examples=["2022", "2023-06", "2019..2022"],
    )
    as_of_basis: Basis | None = Field(default=None, description=BASIS_DESCRIPTION)

    # event / claim / forecast / opinion
    date: PartialDate | None = Field(
        default=None,
        description="When the event happened, or when the claim was made; precision as form.",
    )
    date_basis: Basis | None = Field(default=None, description=BASIS_DESCRIPTION)
    basis_note: Bilingual | None = Field(
        default=None,
        description="How an inferred date was inferred, or where an outside one comes from "
        "(named in full). Required when a basis is inferred or outside.",
    )
    not_after: PartialDate | None = Field(
        default=None,
        description="For a date or as_of that is 'unknown': the latest it can be (usually "
        "the source's publication date). Shown as 'no later than …', never as the date.",
    )
    speaker: Id | None = Field(
        default=None,
        description="Entity that asserts it: required for a claim, forecast or opinion; for "
        "a report, if given, the source's own voice.")
    question: Id | None = Field(default=None, description="Question id this view answers.")
    position: Id | None = Field(default=None, description="Position id within the question.")
    horizon: PartialDate | None = Field(default=None,
                                           description="Forecast: the date it is about.")

    # evidence
    source: Id = Field(description="Source id (data/sources.yaml).")
    quote: str = Field(
        min_length=1,
        max_length=QUOTE_MAX_CHARS,
        description=f"Short verbatim excerpt from the archived article (at most "
        f"{QUOTE_MAX_CHARS} characters). Whitespace, full/half-width punctuation and the "
        f"NetEase 發(fā) artifact are normalised when matching.",
    )
    quote_en: str = Field(min_length=1, description="Our English translation of the quote.")
    data_producer: Id | None = Field(
        default=None,
        description="Entity that produced the data the article cites (PitchBook, MacroPolo…).",
        examples=["macropolo"],
    )
    unnamed_producer: Bilingual | None = Field(
        default=None,
        description="When the source relays data or a finding from someone it does not "
        "name: how it refers to them.",
        examples=[{"en": "an unnamed 'recent study'", "zh": "一项未具名的“最近研究”"}],
    )
    entities: list[Id] = Field(default_factory=list, description="Entities the fact concerns.")
    note: Bilingual | None = Field(
        default=None,
        description="Caveats, in our words, from our sources only (outside knowledge goes "
        "in 'outside', source errors in 'corrections').")
    corrections: list[Correction] = Field(
        default_factory=list, description="Errors in the source that this fact's quote carries.")
    outside: list[OutsideNote] = Field(
        default_factory=list,
        description="What we add from outside our sources, each with its reference.")
    lint_ok: list[LintOk] = Field(
        default_factory=list,
        description="Lint findings an editor has checked and judged right as written.")
    current_state: bool = Field(
        default=False,
        description="True when the fact describes a state that can go stale (not a dated "
        "event or closed period).",
    )
    review_by: PartialDate | None = Field(default=None,
                                             description="Review the fact by this date.")
    added: PartialDate = Field(description="Date the fact was added.", examples=["2026-11-26"])
    updated: PartialDate | None = Field(default=None, description="Date last changed.")


class RetiredFact(_Strict):
    """A fact id taken out of use. Its permalink stays: the page says what became of it."""

    id: Id = Field(description="The retired fact's id: never reused.",
                   examples=["china-llms-on-nvidia-chips-count"])
    retired: PartialDate = Field(description="When it was taken out of use.",
                                 examples=["2026-12-01"])
    merged_into: Id | None = Field(
        default=None,
        description="The fact that now carries it, when the same figure or event was "
        "recorded twice.", examples=["chinese-llms-relying-on-nvidia-chips"])
    reason: Bilingual = Field(description="Why, in a sentence readers see on its page.")


class RetiredFile(_Strict):
    """data/retired.yaml: fact ids no longer in use, so their permalinks never break."""

    retired: list[RetiredFact]


# --------------------------------------------------------------------------- glossary


class GlossaryAliases(_Strict):
    """Other ways a page writes a term, per language: each is linked like the term."""

    en: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="English spellings, plurals and short forms (matched whole, any case).",
        examples=[["export control", "chip controls"]])
    zh: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="Chinese forms (matched as written; Latin-script names whole).",
        examples=[["管制"]])


class GlossaryTerm(_Strict):
    """A term readers may not know, defined in our own words.

    The definition rests on our sources (``facts``); what it adds from outside the five
    articles goes in ``outside``, with a reference named in full. Every page links a
    term's first use to its entry on the glossary page (``#term-<id>``).
    """

    id: Id = Field(description="Stable id; becomes the anchor #term-<id>.",
                   examples=["export-controls", "superclue"])
    term: Bilingual = Field(description="The term as the glossary lists it, both languages.",
                            examples=[{"en": "Export controls", "zh": "出口管制"}])
    aliases: GlossaryAliases = Field(
        default_factory=GlossaryAliases,
        description="Other forms of the term pages use; the term itself is always matched.")
    definition: Bilingual = Field(
        description="What it means, in our own words, faithful to the facts it rests on "
        "(their hedges kept); nothing from outside our sources.")
    facts: list[Id] = Field(
        default_factory=list,
        description="Ids of the facts the definition rests on; the glossary links each.",
        examples=[["us-export-controls-advanced-chips-2022-10"]])
    outside: list[OutsideNote] = Field(
        default_factory=list,
        description="What the entry adds from outside our sources, each with its "
        "reference named in full. An entry rests on facts, on outside notes, or on both.")

    def forms(self, lang: str) -> list[str]:
        """The ways a page in ``lang`` writes the term, each matched as written (case
        matters, runs of whitespace are one space): its name, the name with a lower-case
        first letter unless it starts with an acronym (running text writes 'export
        controls', never 'gPU'), then its aliases."""
        name = " ".join(str(getattr(self.term, lang)).split())
        lowered = name if name[1:2].isupper() else name[:1].lower() + name[1:]
        aliases = [" ".join(a.split()) for a in getattr(self.aliases, lang)]
        return list(dict.fromkeys([name, lowered, *aliases]))


class GlossaryFile(_Strict):
    """data/glossary.yaml: the terms the glossary page defines and pages link to."""

    terms: list[GlossaryTerm]


class FactsFile(_Strict):
    """data/facts/<theme>.yaml."""

    theme: Theme = Field(description="The theme of every fact in this file.")
    facts: list[Fact]

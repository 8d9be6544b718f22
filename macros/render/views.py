"""View models: what a partial is given, as typed, frozen dataclasses. Plain Python.

Every value is already in the page's language and already a link relative to the page;
the partials in ``macros/templates/`` only place and escape them. :class:`~.page.Page`
builds them (``page.fact_view(fact)``…).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceView:
    id: str
    title: str  # in the page language: our English title, or the original
    title_original: str
    title_lang: str  # BCP 47 tag of the original title: zh-Hans or zh-Hant
    title_en: str
    outlet: str
    byline: str  # short attribution: the outlet, or the title when the outlet is unknown
    authors: str
    published: str  # with its basis when that is not 'printed'
    published_iso: str  # '' when unknown
    published_note: str
    kind: str
    kind_id: str
    channel: str  # where it was published: news-outlet, self-media, blog or unknown
    standing: str  # its strength in a few words: "Self-media analysis, reposted"
    standing_note: str  # what that means for this source, in sentences
    strength_href: str  # the legend of source strength (the Sources page)
    via: str
    url: str  # '' unless it is a safe http(s) address
    url_text: str  # the address as written, shown as text when it is not safe to link
    archive: str
    errata: list[CorrectionView]
    href: str


@dataclass(frozen=True)
class CorrectionView:
    says: str  # verbatim, in the source's script
    says_lang: str
    correct: str
    basis: str  # passage, source or outside
    basis_label: str
    reference: str  # the passage, the other source's title, or the outside reference
    reference_lang: str  # the passage's script, or the page language
    reference_href: str  # the other source's entry ('' otherwise)


@dataclass(frozen=True)
class OutsideView:
    text: str
    reference: str


@dataclass(frozen=True)
class FactView:
    id: str
    anchor: str  # fact-<id>
    kind: str
    family: str  # reporting, claim or opinion: how the card looks
    kind_label: str
    theme: str
    theme_name: str
    statement: str
    figure: str  # '' for a fact without a quantity
    figure_note: str  # what a figure's title attribute adds (exact digits, wording)
    measure: str
    subject: str
    as_printed: str
    also: list[str]
    conversion: str
    as_of: str
    date: str
    date_iso: str
    horizon: str
    speaker: str
    data_producer: str
    quote: str
    quote_lang: str
    quote_simplified: str | None  # the quote in Simplified script; None unless Traditional
    translation: str
    note: str
    review: str
    href: str  # the card on its theme page
    permalink: str  # the fact's own page
    describes: str  # the date or period the fact describes
    basis_note: str  # how an inferred date was inferred, or where an outside one is from
    stale: str  # why it may be out of date, '' when it is not
    corrections: list[CorrectionView]
    outside: list[OutsideView]
    unnamed_producer: str  # how the source refers to a producer it does not name
    producer_status: str  # named, unnamed, unstated (a figure with neither), or ''
    producer_label: str  # "Producer named: PitchBook"…, '' when producer_status is ''
    producer_note: str  # what that status means
    number: int  # its evidence number on this page, 0 unless cited here and carded here
    cited_in: list[Link]  # back to each sentence of this page citing it, for its card here
    source: SourceView


@dataclass(frozen=True)
class RefView:
    """One place a page's prose cites a fact: a figure(), cite() or quote() call."""

    id: str  # ref-<fact-id>-<n>, the n-th citation of the fact on the page
    popover: str  # pop-<fact-id>-<n>: the id of its evidence preview
    number: int  # the fact's evidence number on the page (1, 2, 3 by first citation)
    name: str  # "Evidence 3"
    label: str  # "Evidence 3: <statement>", the accessible name of a marker


@dataclass(frozen=True)
class Link:
    name: str
    href: str


@dataclass(frozen=True)
class CountedSource:
    """A source with how many of the facts in question cite it."""

    source: SourceView
    count: str


@dataclass(frozen=True)
class ThemeCard:
    id: str
    name: str
    blurb: str
    href: str
    facts: str
    sources: str


@dataclass(frozen=True)
class ViewEntry:
    """A claim, forecast or opinion as the claims page lists it."""

    fact: FactView
    anchor: str  # view-<fact id>: the entry's stable id on the claims page
    speaker_id: str  # the speaker's entity id: the value the speaker filter matches
    speaker: str  # the name shown
    speaker_href: str  # the speaker's entity page ('' when there is no speaker entity)
    when: str  # whose date, and the date: 'Said 2023 (inferred)', 'Source published 22 Feb
    # 2024', 'Date unknown (source undated)'
    when_iso: str  # the date for <time datetime>, '' when none is known
    sort_key: tuple[int, int, int, int]  # chronological, by the date `when` gives
    question_id: str  # '' for a view that answers no question
    question: str  # the question's text ('Other claims and opinions' for none)
    question_href: str  # the question on the claims page (#q-<id>, #q-other)
    position: str  # the position's label ('' for none)


@dataclass(frozen=True)
class PositionColumn:
    id: str
    label: str
    views: list[ViewEntry]
    count: str  # '3 views'


@dataclass(frozen=True)
class QuestionView:
    id: str
    text: str
    columns: list[PositionColumn]
    count: int


@dataclass(frozen=True)
class FilterOption:
    """A theme or a speaker, as the claims page offers it to find views by."""

    value: str  # the theme or the speaker's entity id: what entries carry in data-*
    label: str  # the name with its count: 'Capital (31)'
    href: str  # its part of the arrangement by theme or by speaker


@dataclass(frozen=True)
class EntityView:
    id: str
    kind: str
    name: str
    name_en: str
    name_zh: str
    description: str
    aliases: list[str]
    parent: Link | None
    children: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class EntityIndexItem:
    id: str
    name: str
    other: str  # the name in the other language
    href: str
    count: str


@dataclass(frozen=True)
class EntityGroup:
    kind: str
    heading: str
    items: list[EntityIndexItem]


@dataclass(frozen=True)
class DownloadItem:
    name: str
    href: str
    rows: int | None  # None for a file that is not a table (README.md, datapackage.json)
    description: str


@dataclass(frozen=True)
class ColumnItem:
    """One column of the data dictionary, in the page's language."""

    name: str      # the column's name, as in the file
    type: str      # exports.Field.type_label
    meaning: str   # exports.Field.description


@dataclass(frozen=True)
class ColumnsTable:
    """One CSV's columns for the data dictionary (exports' column lists)."""

    id: str        # the heading's anchor
    heading: str   # which files have these columns, in the page's language
    columns: list[ColumnItem]


@dataclass(frozen=True)
class ChartDownloadItem:
    """A chart's downloads: its data as CSV and, for a drawn chart, its SVG."""

    title: str     # the finding, in the page's language
    href: str      # the chart on its page
    csv: str
    svg: str       # '' for a chart that is not drawn (a table)


@dataclass(frozen=True)
class ChangeItem:
    date: str
    date_iso: str
    action: str
    fact: FactView


@dataclass(frozen=True)
class RetiredView:
    id: str
    title: str
    what: str  # what became of it, with the date
    reason: str
    merged_into: FactView | None


@dataclass(frozen=True)
class FactIndexRow:
    """One fact in the index of every fact."""

    fact: FactView
    date: str  # the date or period it describes, with its basis; else its source's date
    source_dated: bool  # the date shown is the source's publication date
    date_sort: str  # sortable: YYYYMMDD, unknown last
    kind_sort: int  # the kind's place in the taxonomy
    theme_sort: int


@dataclass(frozen=True)
class FactIndexGroup:
    theme: str
    name: str
    anchor: str  # facts-<theme>
    count: str
    rows: list[FactIndexRow]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    anchor: str  # term-<id>
    term: str  # in the page language
    other: str  # in the other language ('' when written the same)
    other_lang: str  # BCP 47 tag of ``other``
    aliases: list[str]  # other forms pages use, in the page language
    definition: str
    facts: list[FactView]  # what it rests on
    outside: list[OutsideView]

"""Macros that put evidence into prose: inline figures, citations and quotes, cards,
headline figures, theme cards and the kind legend. Plain Python, no MkDocs."""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence.model import Channel, Fact, Retelling, Theme
from . import links
from .labels import KIND_FAMILY, THEMES
from .page import Page
from .registry import MacroError, macro
from .views import ThemeCard


@macro
def figure(page: Page, fact_id: str) -> str:
    """A figure inline in prose, formatted for the page language, with its evidence
    number, linking to its evidence.

    Use it for every number in running text: the reader gets the value with its
    hedge (about, more than, a range). Hovering, focusing or tapping it shows the
    quote, our translation, the source and its strength in place; following it goes
    to the fact's card (`#fact-<id>` on its theme page), which links back here.
    The fact must be a statistic (it needs a quantity).

    Evidence numbers count the facts a page cites, in order of first citation
    (figure, cite or quote); a fact cited again keeps its number. On a theme page,
    cite a fact above its card (the prose comes before theme_facts()).

    Args:
        fact_id: id of a fact with a quantity.

    Example:
        China trails by {{ figure('us-lead-years-insiders') }}.
    """
    fact = page.fact(fact_id)
    page.figure_text(fact)  # raises a clear error for a fact without a quantity
    return page.inline("_figure.html", f=page.fact_view(fact), r=page.cite_ref(fact))


@macro
def cite(page: Page, fact_id: str) -> str:
    """A numbered evidence marker after a sentence that rests on a fact without a
    figure: a small raised number (the fact's evidence number on the page) that shows
    the quote, our translation and the source when hovered, focused or tapped, and
    leads to the fact's card. Screen readers hear "Evidence 3: <statement>".

    Args:
        fact_id: id of any fact.

    Example:
        01.AI built on Meta's LLaMA.{{ cite('zero-one-ai-built-on-llama') }}
    """
    fact = page.fact(fact_id)
    return page.inline("_cite.html", f=page.fact_view(fact), r=page.cite_ref(fact))


@macro
def quote(page: Page, fact_id: str) -> str:
    """A fact's quote in our translation, in quotation marks, with its evidence number,
    linking to its evidence (preview in place, as for figure()).

    On the English site it prints the translation; on the Chinese site the original.

    Args:
        fact_id: id of any fact.

    Example:
        As one investor put it, {{ quote('sputnik-moment') }}.
    """
    fact = page.fact(fact_id)
    return page.inline("_quote.html", f=page.fact_view(fact), r=page.cite_ref(fact))


@macro
def fact(page: Page, fact_id: str) -> str:
    """One evidence card: statement, quote in the original with our translation, source,
    date, caveat and kind (reporting, claim or opinion look different).

    The card carries the anchor `#fact-<id>` and a line saying how strong its source
    is. Theme pages already show every card of their theme through theme_facts(); use
    fact() only on other pages.

    Args:
        fact_id: id of any fact.

    Example:
        {{ fact('zero-one-ai-valuation') }}
    """
    fact = page.fact(fact_id)
    view = page.fact_view(fact)
    page.carded(fact)
    return page.block("_fact_card.html", f=view, anchored=True)


@macro
def key_figures(page: Page, fact_ids: Sequence[str] | None = None) -> str:
    """A strip of headline figures, each linking to its evidence.

    Each shows who produced the figure when the source names them. Headline figures
    should rest on the strongest evidence: choose facts whose producer is named.

    Args:
        fact_ids: list of fact ids with quantities. Leave out to take, for each theme,
            its strongest figure: one whose producer is named first, then one from a
            news outlet before self-media, a blog or an unknown outlet, then a first-hand
            source before a summary or translation, then the first in its file.

    Example:
        {{ key_figures(['zero-one-ai-valuation', 'us-lead-years-insiders']) }}
    """
    if fact_ids is None:
        facts = [min(stats, key=lambda f: _strength_rank(page, f))
                 for theme in Theme
                 if (stats := [f for f in page.fb.by_theme.get(theme.value, [])
                               if f.quantity is not None])]
    else:
        if isinstance(fact_ids, str):
            raise MacroError("fact_ids must be a list, e.g. ['a', 'b'].")
        facts = [page.fact(i) for i in fact_ids]
    for f in facts:
        if f.quantity is None:
            raise MacroError(f"fact {f.id!r} has no quantity to show as a key figure.")
    return page.block("_key_figures.html", facts=[page.fact_view(f) for f in facts])


_CHANNEL_RANK = {Channel.news_outlet: 0, Channel.self_media: 1, Channel.blog: 2,
                 Channel.unknown: 3}


def _strength_rank(page: Page, fact: Fact) -> tuple[int, int, int]:
    """How strong a figure's evidence is, strongest lowest: producer named, then where
    its source was published, then whether the source is first-hand. (``min`` keeps
    the first in file order among equals.)"""
    prov = page.fb.sources[fact.source].provenance
    return (0 if fact.data_producer else 1, _CHANNEL_RANK[prov.channel],
            0 if prov.retells is Retelling.first_hand else 1)


@macro
def theme_cards(page: Page) -> str:
    """The four theme cards for the home page: name, one line, and how much evidence.

    Example:
        {{ theme_cards() }}
    """
    cards = []
    for theme in Theme:
        facts = page.fb.by_theme.get(theme.value, [])
        name, blurb = THEMES[page.lang][theme]
        cards.append(ThemeCard(
            id=theme.value, name=name, blurb=blurb,
            href=page.rel(links.theme_url(theme, page.lang)),
            facts=page.count(len(facts), "facts"),
            sources=page.count(len({f.source for f in facts}), "sources")))
    return page.block("_theme_cards.html", cards=cards)


@macro
def kind_legend(page: Page) -> str:
    """How to read the evidence: the three families of card (reporting, claims,
    opinion), the badge each carries, and what each kind of fact in them means.

    Example:
        {{ kind_legend() }}
    """
    families: dict[str, list[str]] = {}
    for kind, family in KIND_FAMILY.items():
        families.setdefault(family, []).append(kind.value)
    return page.block("_kind_legend.html", families=list(families.items()))


@macro
def strength_legend(page: Page) -> str:
    """What a source's strength line on a card means: where a source was published
    (news outlet, self-media, personal blog, not known), what it passes on (a summary
    or translation of another article, a repost), and whether the producer of what it
    relays is named. Every card's "What this means" link leads here (anchor
    `#source-strength`), so it belongs on the Sources page.

    Example:
        {{ strength_legend() }}
    """
    labels = page.L["strength"]
    channels = [(labels[f"channel_{c.value}"], labels[f"note_{c.value}"]) for c in Channel]
    retellings = [labels[k] for k in ("legend_summary", "legend_translation",
                                      "legend_reposted")]
    producers = [(status, labels[f"legend_{status}"])
                 for status in ("named", "unnamed", "unstated")]
    return page.block("_strength_legend.html", anchor=links.STRENGTH_ANCHOR,
                      channels=channels, retellings=retellings, producers=producers)

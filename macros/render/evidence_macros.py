"""Macros that put evidence into prose: inline figures, citations and quotes, cards,
headline figures, theme cards and the kind legend. Plain Python, no MkDocs."""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence.model import Theme
from . import links
from .labels import KIND_FAMILY, THEMES
from .page import Page
from .registry import MacroError, macro
from .views import ThemeCard


@macro
def figure(page: Page, fact_id: str) -> str:
    """A figure inline in prose, formatted for the page language, linking to its evidence.

    Use it for every number in running text: the reader gets the value with its
    hedge (about, more than, a range) and one click to the quote and source.
    The fact must be a statistic (it needs a quantity).

    Args:
        fact_id: id of a fact with a quantity.

    Example:
        China trails by {{ figure('us-lead-years-insiders') }}.
    """
    fact = page.fact(fact_id)
    page.figure_text(fact)  # raises a clear error for a fact without a quantity
    return page.inline("_figure.html", f=page.fact_view(fact))


@macro
def cite(page: Page, fact_id: str) -> str:
    """A small evidence link after a sentence that rests on a fact without a figure.

    Args:
        fact_id: id of any fact.

    Example:
        01.AI built on Meta's LLaMA.{{ cite('zero-one-ai-built-on-llama') }}
    """
    return page.inline("_cite.html", f=page.fact_view(page.fact(fact_id)))


@macro
def quote(page: Page, fact_id: str) -> str:
    """A fact's quote in our translation, in quotation marks, linking to its evidence.

    On the English site it prints the translation; on the Chinese site the original.

    Args:
        fact_id: id of any fact.

    Example:
        As one investor put it, {{ quote('sputnik-moment') }}.
    """
    return page.inline("_quote.html", f=page.fact_view(page.fact(fact_id)))


@macro
def fact(page: Page, fact_id: str) -> str:
    """One evidence card: statement, quote in the original with our translation, source,
    date, caveat and kind (reporting, claim or opinion look different).

    The card carries the anchor `#fact-<id>`. Theme pages already show every card of
    their theme through theme_facts(); use fact() only on other pages.

    Args:
        fact_id: id of any fact.

    Example:
        {{ fact('zero-one-ai-valuation') }}
    """
    return page.block("_fact_card.html", f=page.fact_view(page.fact(fact_id)), anchored=True)


@macro
def key_figures(page: Page, fact_ids: Sequence[str] | None = None) -> str:
    """A strip of headline figures, each linking to its evidence.

    Args:
        fact_ids: list of fact ids with quantities. Leave out to take the first
            statistic of each theme.

    Example:
        {{ key_figures(['zero-one-ai-valuation', 'us-lead-years-insiders']) }}
    """
    if fact_ids is None:
        facts = [first for theme in Theme
                 if (first := next((f for f in page.fb.by_theme.get(theme.value, [])
                                    if f.quantity is not None), None)) is not None]
    else:
        if isinstance(fact_ids, str):
            raise MacroError("fact_ids must be a list, e.g. ['a', 'b'].")
        facts = [page.fact(i) for i in fact_ids]
    for f in facts:
        if f.quantity is None:
            raise MacroError(f"fact {f.id!r} has no quantity to show as a key figure.")
    return page.block("_key_figures.html", facts=[page.fact_view(f) for f in facts])


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

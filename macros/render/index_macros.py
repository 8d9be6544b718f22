"""Macros of the pages readers look things up in: every fact in one table, and the
glossary. Plain Python, no MkDocs.

Both pages are complete without JavaScript: the fact index is one server-rendered table,
grouped by theme with an anchor per theme; ``docs/assets/javascripts/facts-index.js``
only adds sorting and filtering on top of it.
"""

from __future__ import annotations

from ..evidence import dates
from ..evidence.model import Fact, FactKind, Theme
from .html import md_text
from .labels import LANG_TAG, THEMES
from .page import Page
from .registry import macro
from .views import Choice, FactIndexGroup, FactIndexRow, GlossaryEntry, OutsideView

_KIND_ORDER = {kind: i for i, kind in enumerate(FactKind)}
_THEME_ORDER = {theme: i for i, theme in enumerate(Theme)}


def _date_sort(text: str | None) -> str:
    """A date or period as a string that sorts chronologically (unknown last)."""
    y, m, d, tie = dates.sort_key(text)
    return f"{y:04d}{m:02d}{d:02d}{tie}"


def _row(page: Page, fact: Fact) -> FactIndexRow:
    view = page.fact_view(fact)
    source = page.fb.sources[fact.source]
    own = fact.as_of or fact.date
    if view.describes:
        shown, from_source, when = view.describes, False, own
    elif dates.is_known(source.published):  # no date of its own: its source's, so labelled
        shown = page.L["facts_index"]["source_dated"].format(date=view.source.published)
        from_source, when = True, source.published
    else:
        shown, from_source, when = page.L["date"]["unknown"], False, None
    if not dates.is_known(when) and fact.not_after:
        when = fact.not_after  # 'no later than …' sorts by its bound
    return FactIndexRow(fact=view, date=shown, source_dated=from_source,
                        date_sort=_date_sort(when), kind_sort=_KIND_ORDER[fact.kind],
                        theme_sort=_THEME_ORDER[fact.theme])


@macro
def fact_index(page: Page) -> str:
    """Every fact in one table: statement (linking to the fact's own page), kind, theme,
    source and the date it describes with its basis, grouped by theme.

    Each theme's rows start with a heading row anchored `#facts-<theme>`, so the page is
    complete without JavaScript; with it, readers can also sort by any column and filter
    by kind, theme and words (docs/assets/javascripts/facts-index.js).

    Example:
        {{ fact_index() }}
    """
    labels = page.L["facts_index"]
    groups = []
    for theme in Theme:
        facts = page.fb.by_theme.get(theme.value, [])
        groups.append(FactIndexGroup(
            theme=theme.value, name=THEMES[page.lang][theme][0], anchor=f"facts-{theme.value}",
            count=page.count(len(facts), "facts"), rows=[_row(page, f) for f in facts]))
    kinds = [Choice(kind.value, page.L["kind"][kind.value]) for kind in FactKind]
    themes = [Choice(g.theme, g.name) for g in groups]
    total = sum(len(g.rows) for g in groups)
    return page.block("_fact_index.html", groups=groups, kinds=kinds, themes=themes,
                      total=total, shown=labels["shown"])


@macro
def glossary(page: Page) -> str:
    """The glossary: every term in data/glossary.yaml with its definition, what it adds
    from outside our sources (marked, with the reference), and the facts it rests on.

    Each term has a heading anchored `#term-<id>`; the build links a term's first use on
    every other page to it (macros/render/glossary.py).

    Example:
        {{ glossary() }}
    """
    other = "zh" if page.lang == "en" else "en"
    out = []
    for term in page.fb.glossary.values():
        name = page.text(term.term)
        other_name = str(getattr(term.term, other))
        entry = GlossaryEntry(
            id=term.id, anchor=f"term-{term.id}", term=name,
            other="" if other_name == name else other_name, other_lang=LANG_TAG[other],
            aliases=[a for a in getattr(term.aliases, page.lang)
                     if a.casefold() != name.casefold()],
            definition=page.text(term.definition),
            facts=[page.fact_view(page.fact(fact_id)) for fact_id in term.facts],
            outside=[OutsideView(page.text(o.text), o.reference) for o in term.outside])
        out.append(f"\n\n## {md_text(name)} {{#{entry.anchor}}}\n")
        out.append(page.block("_glossary_entry.html", t=entry))
    return "".join(out)


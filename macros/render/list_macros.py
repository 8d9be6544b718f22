"""Macros that list evidence across the site: who says what, the timeline, the sources
and each theme's cards. Plain Python, no MkDocs.

Headings are written as Markdown (``## … {#anchor}``) so that they reach the page's
table of contents; text from the data in them goes through :func:`~.html.md_text`.
"""

from __future__ import annotations

from ..evidence import dates
from ..evidence.model import Fact, FactKind, Theme
from ..evidence.suggest import did_you_mean
from . import jsonld, links
from .dates import format_date
from .html import md_text
from .labels import KIND_FAMILY, THEMES
from .page import Page
from .registry import MacroError, macro
from .views import (
    CountedSource,
    FilterOption,
    Link,
    PositionColumn,
    QuestionView,
    ViewEntry,
)

VIEW_KINDS = (FactKind.claim, FactKind.forecast, FactKind.opinion)


def _heading(level: int, text: str, anchor: str) -> str:
    return f"\n\n{'#' * level} {md_text(text)} {{#{anchor}}}\n"


@macro
def claims(page: Page, question_id: str | None = None, by: str | None = None) -> str:
    """Who says what: claims, forecasts and opinions grouped by the question they
    answer, each position a row of entries.

    An entry (anchor `#view-<fact-id>`) shows the statement, the speaker, a date (when
    it was said, else when its source was published, labelled which; "unknown" when
    neither is known), the outlet and a link to the fact's page; the original quote and
    our translation open on demand.

    Without an argument it makes the claims page: links to the arrangements by theme
    and by speaker, a filter form that a small script reveals (the page is whole
    without it), every question under its own heading (anchor `#q-<question-id>`) and
    the views that answer none (`#q-other`). `by='theme'` arranges every view by theme
    (`#<theme>`), then by question; `by='speaker'` by speaker (`#speaker-<entity-id>`),
    each entry naming the question and position it takes. With a question id it shows
    that question only.

    Args:
        question_id: id from data/questions.yaml (optional).
        by: 'theme' or 'speaker' (optional): the page of all views arranged that way.

    Example:
        {{ claims('can-china-overtake-us') }}
    """
    if question_id is not None:
        if by is not None:
            raise MacroError("give a question id or by=, not both")
        question = page.question(question_id)
        return page.block("_claims.html", q=_question_view(page, question.id),
                          titled=True, level=0)
    questions = [_question_view(page, qid) for qid in page.fb.questions]
    loose = sorted((_entry(page, f) for f in page.fb.facts.values()
                    if f.kind in VIEW_KINDS and not f.question), key=_entry_order)
    listed = [e for q in questions for c in q.columns for e in c.views] + loose
    if by == "theme":
        return _by_theme(page, questions, loose)
    if by == "speaker":
        return _by_speaker_page(page, listed)
    if by is not None:
        hint = did_you_mean(by, ["theme", "speaker"])
        raise MacroError(f"by must be 'theme' or 'speaker', not {by!r}"
                         + (f" ({hint})" if hint else ""))
    out = [page.block("_claims_find.html", **_finders(page, listed))]
    for view in questions:
        out.append(_heading(2, view.text, f"q-{view.id}"))
        out.append(page.block("_claims.html", q=view, titled=False, level=3))
    if loose:
        out.append(_heading(2, page.L["claims"]["other"], "q-other"))
        out.append(page.block("_claim_list.html", items=loose, on=False))
    facts = [page.fb.facts[e.fact.id] for e in listed]
    data = jsonld.claims_list(facts, page.options, page.lang, page.ctx.title)
    out.append(page.block("_jsonld.html", script=jsonld.script(data)))
    return "".join(out)


def _entry(page: Page, fact: Fact) -> ViewEntry:
    """A view as the claims pages list it, with the date it can honestly show: its own
    (with its basis), else its source's publication date, else 'unknown'."""
    view = page.fact_view(fact)
    labels = page.L["claims"]
    source = page.fb.sources[fact.source]
    if fact.date and dates.is_known(fact.date):
        when, iso = labels["said"].format(date=view.date), fact.date
    elif dates.is_known(source.published):
        when = labels["published"].format(date=view.source.published)
        iso = source.published
    elif fact.not_after and dates.is_known(fact.not_after):
        when = labels["said_by"].format(date=format_date(fact.not_after, page.lang))
        iso = ""
    else:
        when, iso = labels["undated"], ""
    key = dates.sort_key(iso or fact.not_after)
    question = page.fb.questions.get(fact.question) if fact.question else None
    position = next((p for p in question.positions if p.id == fact.position),
                    None) if question else None
    claims_page = links.claims_url(page.lang)
    return ViewEntry(
        fact=view, anchor=f"view-{fact.id}", speaker_id=fact.speaker or "",
        speaker=view.speaker or view.source.authors or view.source.byline,
        speaker_href=page.entity_href(fact.speaker) if fact.speaker else "",
        when=when, when_iso=iso, sort_key=key,
        question_id=question.id if question else "",
        question=page.text(question.text) if question else labels["other"],
        question_href=page.rel(f"{claims_page}#q-{question.id if question else 'other'}"),
        position=(page.text(position.label) if position
                  else labels["no_position"] if question else ""))


def _entry_order(entry: ViewEntry) -> tuple[tuple[int, int, int, int], str]:
    """Oldest first; undated last; then by id, so the order never depends on the file."""
    return entry.sort_key, entry.fact.id


def _question_view(page: Page, qid: str, theme: Theme | None = None) -> QuestionView:
    """A question with its positions (and 'position not stated' when a view gives one
    the question lacks); with ``theme``, only that theme's views and the positions
    they take."""
    question = page.fb.questions[qid]
    entries = sorted((_entry(page, f) for f in page.fb.by_question.get(qid, [])
                      if theme is None or f.theme is theme), key=_entry_order)
    known = {p.id for p in question.positions}
    by_position = [(p.id, page.text(p.label),
                    [e for e in entries if page.fb.facts[e.fact.id].position == p.id])
                   for p in question.positions]
    unplaced = [e for e in entries if page.fb.facts[e.fact.id].position not in known]
    if unplaced:
        by_position.append(("none", page.L["claims"]["no_position"], unplaced))
    columns = [PositionColumn(id=pid, label=label, views=views,
                              count=page.count(len(views), "views"))
               for pid, label, views in by_position if views or theme is None]
    return QuestionView(id=qid, text=page.text(question.text), columns=columns,
                        count=len(entries))


def _by_speaker(listed: list[ViewEntry]) -> list[tuple[str, str, list[ViewEntry]]]:
    """(speaker id, name, their entries in page order), the most often heard first,
    then by name."""
    groups: dict[str, list[ViewEntry]] = {}
    for entry in listed:
        groups.setdefault(entry.speaker_id or entry.speaker, []).append(entry)
    return sorted(((sid, group[0].speaker, group) for sid, group in groups.items()),
                  key=lambda g: (-len(g[2]), g[1].casefold(), g[0]))


def _finders(page: Page, listed: list[ViewEntry]) -> dict[str, object]:
    """What the top of the claims page offers: the themes and the speakers, with their
    counts, linking to the arrangements by theme and by speaker, and for the filter."""
    paren = page.L["punct"]["paren"]
    by_theme, by_speaker = links.claims_url(page.lang, "theme"), links.claims_url(
        page.lang, "speaker")
    themes = [FilterOption(t.value, THEMES[page.lang][t][0] + paren.format(n),
                           page.rel(f"{by_theme}#{t.value}"))
              for t in Theme if (n := sum(e.fact.theme == t.value for e in listed))]
    speakers = [FilterOption(sid, name + paren.format(len(group)),
                             page.rel(f"{by_speaker}#speaker-{sid}"))
                for sid, name, group in _by_speaker(listed)]
    return {"themes": themes, "speakers": speakers,
            "by_theme": page.rel(by_theme), "by_speaker": page.rel(by_speaker)}


def _by_theme(page: Page, questions: list[QuestionView], loose: list[ViewEntry]) -> str:
    """Every view by theme (anchor `#<theme>`), then by question
    (`#<theme>-q-<question-id>`), with only the positions the theme's views take."""
    labels = page.L["claims"]
    out = []
    for theme in Theme:
        views = [_question_view(page, q.id, theme) for q in questions]
        views = [v for v in views if v.count]
        others = [e for e in loose if e.fact.theme == theme.value]
        n = sum(v.count for v in views) + len(others)
        if not n:
            continue
        name, _blurb = THEMES[page.lang][theme]
        out.append(_heading(2, name, theme.value))
        out.append(page.block("_claims_group.html", count=page.count(n, "views"),
                              link=Link(labels["theme_page"].format(theme=name),
                                        page.rel(links.theme_url(theme, page.lang)))))
        for view in views:
            out.append(_heading(3, view.text, f"{theme.value}-q-{view.id}"))
            out.append(page.block("_claims.html", q=view, titled=False, level=4))
        if others:
            out.append(_heading(3, labels["other"], f"{theme.value}-q-other"))
            out.append(page.block("_claim_list.html", items=others, on=False))
    return "".join(out)


def _by_speaker_page(page: Page, listed: list[ViewEntry]) -> str:
    """Every view by speaker (anchor `#speaker-<entity-id>`), the most often heard
    first, each entry naming the question it answers and the position it takes."""
    labels = page.L["claims"]
    out = []
    for sid, name, group in _by_speaker(listed):
        out.append(_heading(2, name, f"speaker-{sid}"))
        href = group[0].speaker_href
        out.append(page.block("_claims_group.html", count=page.count(len(group), "views"),
                              link=Link(labels["entity_page"].format(name=name), href)
                              if href else None))
        out.append(page.block("_claim_list.html", items=group, on=True))
    return "".join(out)


@macro
def timeline(page: Page) -> str:
    """Every dated event in order, by year, with its date shown at the precision we
    have ('Feb 2024', '2024 (month unknown)'); undated events come last.

    Example:
        {{ timeline() }}
    """
    events = sorted((f for f in page.fb.facts.values() if f.kind is FactKind.event),
                    key=lambda f: (dates.sort_key(f.date), f.id))
    groups: dict[str, list[Fact]] = {}
    for fact in events:
        year = dates.year(fact.date) if fact.date and dates.is_known(fact.date) else ""
        groups.setdefault(year, []).append(fact)
    out: list[str] = []
    for year, facts in groups.items():
        out.append(_heading(2, year or page.L["date"]["undated"],
                            f"y-{year or 'undated'}"))
        out.append(page.block("_timeline.html", items=[page.fact_view(f) for f in facts]))
    return "".join(out)


@macro
def sources(page: Page) -> str:
    """Every source: what kind of writing it is, how it reached us, errata, and every
    fact citing it. Each source has the anchor `#source-<id>`.

    Example:
        {{ sources() }}
    """
    out = []
    for source in page.fb.sources.values():
        view = page.source_view(source.id)
        facts = [page.fact_view(f) for f in page.fb.by_source.get(source.id, [])]
        out.append(_heading(2, view.title, f"source-{source.id}"))
        out.append(page.block("_source.html", s=view, facts=facts))
    return "".join(out)


@macro
def theme_sources(page: Page, theme: str) -> str:
    """The sources a theme page rests on, for the end of the page, each linking to its
    full entry on the Sources page.

    Args:
        theme: compute, capital, talent or open-source.

    Example:
        {{ theme_sources('compute') }}
    """
    value = page.theme(theme).value
    counts: dict[str, int] = {}
    for fact in page.fb.by_theme.get(value, []):
        counts[fact.source] = counts.get(fact.source, 0) + 1
    items = [CountedSource(page.source_view(sid), page.count(n, "facts"))
             for sid, n in counts.items()]
    article = jsonld.theme_article(Theme(value), page.fb, page.options, page.lang,
                                   page.ctx.title, page.ctx.description)
    return (page.block("_theme_sources.html", items=items)
            + page.block("_jsonld.html", script=jsonld.script(article)))


@macro
def theme_facts(page: Page, theme: str) -> str:
    """Every fact of a theme as an evidence card (anchor `#fact-<id>`), grouped into
    figures, events, reports, and claims, forecasts and opinions.

    Every figure() and cite() in the theme's prose links to one of these cards.

    Args:
        theme: compute, capital, talent or open-source.

    Example:
        {{ theme_facts('compute') }}
    """
    value = page.theme(theme).value
    facts = page.fb.by_theme.get(value, [])
    groups = (
        ("figures", [f for f in facts if f.kind is FactKind.statistic]),
        ("events", sorted((f for f in facts if f.kind is FactKind.event),
                          key=lambda f: dates.sort_key(f.date))),
        ("reports", [f for f in facts if f.kind is FactKind.report]),
        ("views", [f for f in facts if KIND_FAMILY[f.kind] != "reporting"]),
    )
    out = []
    for key, group in groups:
        if group:
            views = [page.fact_view(f) for f in group]
            for f in group:
                page.carded(f)
            out.append(_heading(3, page.L["theme"][key], f"{value}-{key}"))
            out.append(page.block("_fact_list.html", facts=views))
    return "".join(out) or page.block("_empty.html", text=page.L["theme"]["none_yet"])


@macro
def corrections(page: Page, section: str = "facts") -> str:
    """The corrections log: every error we found in a source and corrected beside its
    verbatim quote, with what the source says, what is right and how we know.

    Args:
        section: 'facts' (errors a fact's quote carries) or 'sources' (errors no one
            fact carries, recorded as a source's errata).

    Example:
        {{ corrections('facts') }}
    """
    if section not in ("facts", "sources"):
        raise MacroError(f"section must be 'facts' or 'sources', not {section!r}")
    on_facts = [(page.fact_view(f), page.fact_view(f).corrections)
                for f in page.fb.facts.values() if f.corrections]
    on_sources = [(view, view.errata) for s in page.fb.sources.values() if s.errata
                  for view in (page.source_view(s.id),)]
    return page.block("_corrections_log.html", on_facts=on_facts, on_sources=on_sources,
                      section=section)

"""A page being rendered, as the macros see it. Plain Python, no MkDocs.

:class:`Page` knows the page's language and URL and gives the macros what they share:
lookups that fail with a "did you mean", links relative to the page, view models in the
page's language, and rendering of a partial.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..evidence import dates
from ..evidence.factbase import FactBase
from ..evidence.freshness import Freshness
from ..evidence.model import (
    Bilingual,
    Correction,
    CorrectionBasis,
    Entity,
    Fact,
    Measure,
    Question,
    Retelling,
    Source,
    Theme,
)
from ..evidence.normalize import strip_artifacts
from ..evidence.script import simplified_rendering
from ..evidence.suggest import did_you_mean
from . import links
from .dates import format_date, format_dated
from .html import DeferredHTML, compact, render_partial, safe_url
from .labels import DEFAULT_LANG, KIND_FAMILY, LABELS, THEMES, check_lang
from .numbers import figure_note, format_quantity, format_value
from .registry import MacroError
from .views import CorrectionView, FactView, Link, OutsideView, RefView, SourceView


@dataclass(frozen=True)
class SiteOptions:
    """What the renderers need from the site's configuration."""

    site_name: str = "Race & Reliance"
    site_url: str = ""  # absolute, ending in '/', or '' when unknown
    freshness: Freshness = field(default_factory=lambda: Freshness(dt.date.today()))
    #: The site's name in a language where it has one of its own ('zh': '竞逐与依赖'):
    #: what a citation, a feed or a chart made for that language is credited to.
    #: Pairs (language, name), so that the options stay hashable.
    site_names: tuple[tuple[str, str], ...] = ()

    def name(self, lang: str) -> str:
        """The site's name in ``lang`` (its default name where it has none)."""
        return dict(self.site_names).get(lang) or self.site_name

    def absolute(self, path: str) -> str:
        """An absolute URL for a site-root-relative path (root-relative without site_url)."""
        return (self.site_url or "/") + path


@dataclass(frozen=True)
class PageContext:
    """Where a macro is being rendered."""

    url: str = ""  # site-root-relative page URL as MkDocs gives it: '' or 'compute/'
    lang: str = DEFAULT_LANG
    src_path: str = "<string>"  # the page's file, for error messages
    title: str = ""  # the page's title and description (front matter), plain text
    description: str = ""


@dataclass
class PageRefs:
    """The evidence one page's prose has cited so far, kept across its macro calls
    (:class:`~.site.Site` keeps one per page URL, emptied when the page is rendered
    again): what numbers its references and lets a card link back to them."""

    numbers: dict[str, int] = field(default_factory=dict)  # fact id -> evidence number
    counts: dict[str, int] = field(default_factory=dict)  # fact id -> citations so far
    carded: set[str] = field(default_factory=set)  # facts whose card is already rendered


def _unknown(kind: str, value: str, choices: Any) -> MacroError:
    hint = did_you_mean(value, choices, n=3)
    return MacroError(f"unknown {kind} {value!r}" + (f" ({hint})" if hint else ""))


class Page:
    """The macros' view of one page: its language, its links, its view models.

    Evidence links carry target="_self": should Material's instant navigation be turned
    on (mkdocs.yml leaves it off for the two-language site), it leaves them to the
    browser, so the card they point to becomes the :target and is highlighted (instant
    navigation moves to anchors with pushState, which never sets :target).
    """

    def __init__(self, fb: FactBase, options: SiteOptions, env: Environment,
                 ctx: PageContext, shown: set[str] | None = None,
                 deferred: DeferredHTML | None = None,
                 note: Callable[[str], None] | None = None,
                 refs: PageRefs | None = None) -> None:
        self.fb = fb
        self.options = options
        self.env = env
        self.ctx = ctx
        self._shown = shown if shown is not None else set()
        self._deferred = deferred  # None: macros return their HTML itself
        self._note = note or (lambda key: None)  # a data key this page depends on
        self._refs = refs if refs is not None else PageRefs()
        self.lang = check_lang(ctx.lang)
        self.L = LABELS[self.lang]

    # ------------------------------------------------------------------ lookups

    def fact(self, fact_id: str) -> Fact:
        fact = self.fb.facts.get(fact_id)
        if fact is None:
            raise _unknown("fact id", fact_id, self.fb.facts)
        self.shows(fact.updated or fact.added)
        return fact

    def shows(self, date: str) -> None:
        """Record that this page shows something from the data last changed on ``date``
        (the sitemap's last-modified date of the page is the newest of these)."""
        self._shown.add(date)

    def measure(self, measure_id: str) -> Measure:
        measure = self.fb.measures.get(measure_id)
        if measure is None:
            raise _unknown("measure", measure_id, self.fb.measures)
        return measure

    def question(self, question_id: str) -> Question:
        question = self.fb.questions.get(question_id)
        if question is None:
            raise _unknown("question", question_id, self.fb.questions)
        return question

    def entity(self, entity_id: str) -> Entity:
        entity = self.fb.entities.get(entity_id)
        if entity is None:
            raise _unknown("entity", entity_id, self.fb.entities)
        return entity

    def theme(self, theme: str) -> Theme:
        try:
            return Theme(theme)
        except ValueError:
            values = [t.value for t in Theme]
            raise MacroError(f"unknown theme {theme!r}; themes are {', '.join(values)}"
                             + (f" ({h})" if (h := did_you_mean(theme, values)) else "")
                             ) from None

    # ------------------------------------------------------------------ words

    def text(self, bilingual: Bilingual) -> str:
        """A text of ours in the page language."""
        return str(getattr(bilingual, self.lang))

    def entity_name(self, entity_id: str | None) -> str:
        if not entity_id:
            return ""
        entity = self.fb.entities.get(entity_id)
        return self.text(entity.name) if entity else entity_id

    def count(self, n: int, key: str) -> str:
        """'1 fact', '12 facts' (``key`` 'facts', 'sources' or 'views')."""
        labels = self.L["count"]
        return labels[f"{key[:-1]}_one"] if n == 1 else labels[key].format(n=n)

    def counted(self, fact: Fact) -> str | None:
        """What a count counts: the measure's noun, else the quantity's own."""
        measure = self.fb.measures.get(fact.measure) if fact.measure else None
        counted = (measure.counted if measure and measure.counted
                   else fact.quantity.counted if fact.quantity else None)
        return self.text(counted) if counted else None

    def figure_text(self, fact: Fact) -> str:
        """The fact's figure as readers see it; a clear error for a fact without one."""
        if fact.quantity is None:
            raise MacroError(f"fact {fact.id!r} is a {fact.kind.value} without a quantity; "
                             f"use fact({fact.id!r}) or cite({fact.id!r}) instead.")
        return format_quantity(fact.quantity, self.lang, self.counted(fact))

    # ------------------------------------------------------------------ links

    def rel(self, target: str) -> str:
        """A link from this page to a site-root-relative URL."""
        return links.relative_url(target, self.ctx.url)

    def fact_href(self, fact: Fact) -> str:
        """The fact's card on its theme page (same-page links are '#fact-…')."""
        return self.rel(f"{links.theme_url(fact.theme, self.lang)}#fact-{fact.id}")

    def is_home(self, fact: Fact) -> bool:
        """Whether this page is the fact's theme page, where its card is what the
        page's citations of it link to."""
        return self.ctx.url == links.theme_url(fact.theme, self.lang)

    # ------------------------------------------------------------------ citations

    def cite_ref(self, fact: Fact) -> RefView:
        """Record one citation of ``fact`` in this page's prose and name it.

        The fact keeps the number of its first citation on the page (1, 2, 3…), and the
        n-th citation of it gets the anchor ``ref-<id>-<n>`` that its card links back to.
        A card lists the citations above it: a citation on the fact's theme page after
        its card has been rendered there is an error (cite in the prose, above
        theme_facts())."""
        refs = self._refs
        if fact.id in refs.carded:
            raise MacroError(
                f"fact {fact.id!r} is cited after its card on this page; a card links back "
                "to the sentences that cite it, so cite a fact above its card (on a theme "
                "page, in the prose before theme_facts())")
        number = refs.numbers.setdefault(fact.id, len(refs.numbers) + 1)
        n = refs.counts[fact.id] = refs.counts.get(fact.id, 0) + 1
        labels = self.L["ref"]
        return RefView(id=f"ref-{fact.id}-{n}", popover=f"pop-{fact.id}-{n}", number=number,
                       name=labels["evidence"].format(n=number),
                       label=labels["label"].format(n=number,
                                                    statement=self.text(fact.statement)))

    def carded(self, fact: Fact) -> None:
        """Record that ``fact``'s card has been rendered on this page (where it is the
        card the page's citations link to)."""
        if self.is_home(fact):
            self._refs.carded.add(fact.id)

    def _cited_in(self, fact: Fact) -> tuple[int, list[Link]]:
        """The fact's evidence number on this page and the links back to each citation
        of it, for its card; (0, []) where its card is not what the citations link to."""
        if not self.is_home(fact):
            return 0, []
        count = self._refs.counts.get(fact.id, 0)
        return (self._refs.numbers.get(fact.id, 0),
                [Link(str(n), f"#ref-{fact.id}-{n}") for n in range(1, count + 1)])

    # ------------------------------------------------------------------ strength

    def standing(self, source: Source) -> tuple[str, str]:
        """A source's strength in a few words, and what that means for it in sentences:
        its kind, qualified by where it was published, what it retells and whose copy
        we hold ("Self-media analysis, reposted")."""
        labels = self.L["strength"]
        prov = source.provenance
        kind = self.L["source_kind"][source.kind.value]
        standing = labels[f"standing_{prov.channel.value}"].format(kind=kind,
                                                                   kind_lc=kind.lower())
        notes = [labels[f"note_{prov.channel.value}"]]
        if prov.retells is not Retelling.first_hand:
            which = "named" if prov.original else "unnamed"
            key = f"{prov.retells.value}_{which}"
            standing = labels[key].format(standing=standing)
            original = self.text(prov.original) if prov.original else ""
            notes.append(labels[f"note_{key}"].format(original=original))
        if prov.reposted_by:
            standing = labels["reposted"].format(standing=standing)
            notes.append(labels["note_reposted"].format(by=self.text(prov.reposted_by)))
        return standing[:1].upper() + standing[1:], self.L["punct"]["space"].join(notes)

    def producer(self, fact: Fact) -> tuple[str, str, str]:
        """(status, label, note) of who produced what the fact relays: named, unnamed,
        unstated (a figure with no producer given), or ('', '', '') for a fact that
        is not a figure and names none."""
        labels = self.L["strength"]
        if fact.data_producer:
            status, name = "named", self.entity_name(fact.data_producer)
        elif fact.unnamed_producer:
            status, name = "unnamed", self.text(fact.unnamed_producer)
        elif fact.quantity is not None:
            status, name = "unstated", ""
        else:
            return "", "", ""
        return status, labels[status].format(producer=name), labels[f"note_{status}"]

    def permalink_href(self, fact_id: str) -> str:
        return self.rel(links.fact_url(fact_id, self.lang))

    def entity_href(self, entity_id: str) -> str:
        return self.rel(links.entity_url(entity_id, self.lang))

    def source_href(self, source_id: str) -> str:
        return self.rel(links.source_url(source_id, self.lang))

    # ------------------------------------------------------------------ view models

    def source_view(self, source_id: str) -> SourceView:
        source: Source | None = self.fb.sources.get(source_id)
        if source is None:  # the checker prevents this; be explicit anyway
            raise _unknown("source", source_id, self.fb.sources)
        # An untitled source is described in our words on Chinese pages (title_zh).
        original = f"［{source.title_zh}］" if self.lang == "zh" and source.title_zh \
            else source.title_original
        title = source.title_en if self.lang == "en" else original
        outlet = self.text(source.outlet)
        standing, standing_note = self.standing(source)
        return SourceView(
            id=source.id,
            title=title,
            title_original=original,
            title_lang="zh-Hans" if original != source.title_original
            else source.script.lang_tag,
            title_en=source.title_en,
            outlet=outlet,
            byline=outlet if source.outlet.en.lower() != "unknown" else title,
            authors=", ".join(self._byline(name, source) for name in source.authors),
            published=format_dated(source.published, _value(source.published_basis),
                                   self.lang),
            published_iso=source.published if dates.is_known(source.published) else "",
            published_note=self.text(source.published_note) if source.published_note else "",
            kind=self.L["source_kind"][source.kind.value],
            kind_id=source.kind.value,
            channel=source.provenance.channel.value,
            standing=standing,
            standing_note=standing_note,
            strength_href=self.rel(links.strength_url(self.lang)),
            via=self.text(source.via),
            url=safe_url(source.url),
            url_text=source.url or "",
            archive=f"data/articles/{source.archive}.txt",
            errata=[self.correction_view(c, source) for c in source.errata],
            href=self.source_href(source.id),
        )

    def _byline(self, name: str, source: Source) -> str:
        """An author as printed, or, when the byline is one of the source's own voices
        (VC Popcorn), that entity's name in the page's language."""
        for entity_id in source.own_voice:
            entity = self.fb.entities.get(entity_id)
            if entity is not None and name in {entity.name.en, entity.name.zh,
                                               entity.name.en.split(" (")[0], *entity.aliases}:
                return self.text(entity.name).split("（")[0].split(" (")[0]
        return name

    def correction_view(self, correction: Correction, source: Source) -> CorrectionView:
        """A correction of ``source``, as readers see it beside the verbatim quote."""
        labels = self.L["correction"]
        basis = correction.basis
        reference, lang, href = correction.reference, self.lang, ""
        if basis is CorrectionBasis.passage:
            lang = source.script.lang_tag
        elif basis is CorrectionBasis.source:
            other = self.source_view(correction.reference)
            reference, href = other.title, other.href
            lang = other.title_lang if self.lang != "en" else "en"
        elif self.lang != "en":
            lang = "en"  # an outside reference is named as published, in English here
        if basis is CorrectionBasis.passage:
            reference = strip_artifacts(reference)
        return CorrectionView(
            says=strip_artifacts(correction.says), says_lang=source.script.lang_tag,
            correct=self.text(correction.correct), basis=basis.value,
            basis_label=labels[basis.value], reference=reference, reference_lang=lang,
            reference_href=href)

    def fact_view(self, fact: Fact) -> FactView:
        self.shows(fact.updated or fact.added)
        self._note(f"facts:{fact.id}")  # handed over, not looked up: note what is shown
        L = self.L
        conversion = ""
        if fact.conversion is not None:
            c = fact.conversion
            conversion = "≈ " + format_value(c.value, c.unit, self.lang) + " (" + \
                L["card"]["conversion_rate"].format(
                    rate=f"{c.rate:g}", date=format_date(c.rate_date, self.lang)) + ")"
            if c.note:
                conversion += f" — {c.note}"
        review = ""
        if fact.current_state:
            review = (L["card"]["current_state"].format(
                date=format_date(fact.review_by, self.lang))
                if fact.review_by else L["card"]["current_state_nodate"])
        measure = self.fb.measures.get(fact.measure) if fact.measure else None
        source = self.fb.sources[fact.source]
        verdict = self.options.freshness.judge(fact, source)
        stale = (L["stale"][verdict.reason].format(n=self.options.freshness.months)
                 if verdict is not None and verdict.shown else "")
        q = fact.quantity
        producer_status, producer_label, producer_note = self.producer(fact)
        number, cited_in = self._cited_in(fact)
        return FactView(
            id=fact.id,
            anchor=f"fact-{fact.id}",
            kind=fact.kind.value,
            family=KIND_FAMILY[fact.kind],
            kind_label=L["kind"][fact.kind.value],
            theme=fact.theme.value,
            theme_name=THEMES[self.lang][fact.theme][0],
            statement=self.text(fact.statement),
            figure=self.figure_text(fact) if q is not None else "",
            figure_note=figure_note(q, self.lang, self.counted(fact)) if q is not None else "",
            measure=self.text(measure.name) if measure else "",
            subject=self.entity_name(fact.subject),
            as_printed=q.as_printed if q else "",
            also=[format_quantity(a, self.lang) + f" ({a.as_printed})"
                  for a in fact.also_given_as],
            conversion=conversion,
            as_of=format_dated(fact.as_of, _value(fact.as_of_basis), self.lang,
                               not_after=fact.not_after, period=True),
            date=format_dated(fact.date, _value(fact.date_basis), self.lang,
                              not_after=fact.not_after),
            date_iso=fact.date if fact.date and dates.is_known(fact.date) else "",
            horizon=format_date(fact.horizon, self.lang) if fact.horizon else "",
            speaker=self.entity_name(fact.speaker),
            data_producer=self.entity_name(fact.data_producer),
            quote=strip_artifacts(fact.quote),
            quote_lang=source.script.lang_tag,
            quote_simplified=simplified_rendering(fact.quote),
            translation=fact.quote_en,
            note=self.text(fact.note) if fact.note else "",
            review=review,
            href=self.fact_href(fact),
            permalink=self.permalink_href(fact.id),
            describes=(format_dated(fact.as_of, _value(fact.as_of_basis), self.lang,
                                    not_after=fact.not_after, period=True) if fact.as_of else
                       format_dated(fact.date, _value(fact.date_basis), self.lang,
                                    not_after=fact.not_after)),
            basis_note=self.text(fact.basis_note) if fact.basis_note else "",
            stale=stale,
            corrections=[self.correction_view(c, source) for c in fact.corrections],
            outside=[OutsideView(self.text(o.text), o.reference) for o in fact.outside],
            unnamed_producer=self.text(fact.unnamed_producer) if fact.unnamed_producer else "",
            producer_status=producer_status,
            producer_label=producer_label,
            producer_note=producer_note,
            number=number,
            cited_in=cited_in,
            source=self.source_view(fact.source),
        )

    # ------------------------------------------------------------------ HTML

    def render(self, name: str, **context: Any) -> Markup:
        """``templates/<name>`` filled with ``context``, the page's labels (``L``) and
        language (``lang``); autoescaped."""
        return render_partial(self.env, name, L=self.L, lang=self.lang, **context)

    def block(self, name: str, **context: Any) -> str:
        """A block of HTML on its own, separated from surrounding Markdown."""
        return "\n\n" + self._hand_over(compact(self.render(name, **context))) + "\n\n"

    def inline(self, name: str, **context: Any) -> str:
        """HTML inside a paragraph: one line."""
        return self._hand_over(compact(self.render(name, **context)).replace("\n", " "))

    def _hand_over(self, html: str) -> str:
        return self._deferred.token(html) if self._deferred is not None else html


def _value(basis: object) -> str | None:
    """An enum's value, or None."""
    return getattr(basis, "value", None)

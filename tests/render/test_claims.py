"""Who says what: every view placed under a question (the catch-all small), every entry
dated and saying whose date it is, the quote on demand, and the arrangements by theme and
by speaker complete and linked, over the real data and the fixture."""

from __future__ import annotations

import dataclasses
import re
from html import unescape

import pytest

from macros.evidence import dates
from macros.evidence.model import FactKind, Theme
from macros.render import PageContext, Site, SiteOptions
from macros.render.dates import format_dated
from macros.render.labels import LABELS, LANGS
from macros.render.registry import MacroError

VIEW_KINDS = (FactKind.claim, FactKind.forecast, FactKind.opinion)
ENTRY = re.compile(r'<li class="rr-view rr-view--(\w+)" id="view-([a-z0-9-]+)" '
                   r'data-theme="([a-z-]+)" data-speaker="([a-z0-9-]*)">(.*?)</li>', re.S)
DATE = re.compile(r'class="rr-view__date"(?: datetime="([^"]+)")?>([^<]*)<')


def _site(fb) -> Site:
    return Site(fb, SiteOptions("RR", "https://example.org/rr/"))


def _render(fb, url: str, lang: str, *args) -> str:
    return _site(fb).call(PageContext(url=url, lang=lang, src_path="t.md"), "claims",
                          list(args))


def _entries(html: str) -> dict[str, dict]:
    out = {}
    for family, fact_id, theme, speaker, body in ENTRY.findall(html):
        assert fact_id not in out, f"view-{fact_id} appears twice"
        date = DATE.search(body)
        out[fact_id] = {"family": family, "theme": theme, "speaker": speaker, "body": body,
                        "iso": date.group(1) if date else None,
                        "when": unescape(date.group(2)) if date else ""}
    return out


def _views(fb) -> list:
    return [f for f in fb.facts.values() if f.kind in VIEW_KINDS]


def _with(fb, **facts):
    """The fact base with some facts replaced."""
    fields = {f.name: getattr(fb, f.name) for f in dataclasses.fields(fb) if f.init}
    return type(fb)(**fields | {"facts": {**fb.facts, **facts}})


def _expected_when(fb, fact, lang: str) -> tuple[str, str | None]:
    """What the entry must say: the view's own date, else its source's, else unknown."""
    labels = LABELS[lang]["claims"]
    source = fb.sources[fact.source]
    if fact.date and dates.is_known(fact.date):
        shown = format_dated(fact.date, getattr(fact.date_basis, "value", None), lang)
        return labels["said"].format(date=shown), fact.date
    if dates.is_known(source.published):
        shown = format_dated(source.published, getattr(source.published_basis, "value", None),
                             lang)
        return labels["published"].format(date=shown), source.published
    return labels["undated"], None


# --------------------------------------------------------------------------- the real data


def test_the_catch_all_holds_at_most_a_tenth_of_the_views(factbase):
    html = _render(factbase, "claims/", "en")
    entries = _entries(html)
    assert set(entries) == {f.id for f in _views(factbase)}, "every view, once"
    other = _entries(html[html.index("{#q-other}"):])
    assert len(other) <= len(entries) / 10, (
        f"{len(other)} of {len(entries)} views answer no question: place them, or add a "
        "question where the sources argue one")


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_shows_a_date_and_whose_it_is(factbase, lang):
    entries = _entries(_render(factbase, f"{'zh/' if lang == 'zh' else ''}claims/", lang))
    for fact in _views(factbase):
        when, iso = _expected_when(factbase, fact, lang)
        entry = entries[fact.id]
        assert (entry["when"], entry["iso"]) == (when, iso), fact.id
    shown = {e["when"].split(" ")[0] for e in entries.values()} if lang == "en" else set()
    if lang == "en":  # the real data has all three kinds of date
        assert shown == {"Said", "Source", "Date"}, shown


def test_a_date_is_never_more_precise_than_its_basis(factbase):
    """An inferred or outside date says so; an unknown one never shows a made-up date."""
    entries = _entries(_render(factbase, "claims/", "en"))
    for fact in _views(factbase):
        entry = entries[fact.id]
        if fact.date and dates.is_known(fact.date) and fact.date_basis is not None \
                and fact.date_basis.value != "printed":
            assert entry["when"].endswith(")"), (fact.id, entry["when"])
        if entry["iso"] is None:
            assert not re.search(r"\d", entry["when"]), (fact.id, entry["when"])


@pytest.mark.parametrize("by,anchor", [("theme", None), ("speaker", "speaker-{speaker}")])
def test_the_arrangements_hold_every_view_once(factbase, by, anchor):
    html = _render(factbase, f"claims/by-{by}/", "en", None, by)
    entries = _entries(html)
    assert set(entries) == {f.id for f in _views(factbase)}
    if anchor:  # each entry under its speaker's heading
        for fact in _views(factbase):
            heading = html.rindex("{#speaker-", 0, html.index(f'id="view-{fact.id}"'))
            assert html.startswith("{#" + anchor.format(speaker=fact.speaker) + "}", heading)
    else:  # each entry under its theme's heading
        for fact in _views(factbase):
            before = html[:html.index(f'id="view-{fact.id}"')]
            last = max(((before.rfind("{#" + t.value + "}"), t) for t in Theme),
                       key=lambda pair: pair[0])
            assert last[1] is fact.theme, fact.id


def test_the_page_links_to_each_part_of_the_arrangements(factbase):
    main = _render(factbase, "claims/", "en")
    for by in ("theme", "speaker"):
        sub = _render(factbase, f"claims/by-{by}/", "en", None, by)
        anchors = set(re.findall(r"\{#([a-z0-9-]+)\}", sub))
        targets = re.findall(rf'href="by-{by}/#([a-z0-9-]+)"', main)
        assert targets and set(targets) <= anchors, set(targets) - anchors
        # and back: the questions they name are the main page's headings
        back = set(re.findall(r'href="\.\./#(q-[a-z0-9-]+)"', sub))
        assert back <= set(re.findall(r"\{#(q-[a-z0-9-]+)\}", main)), back


# --------------------------------------------------------------------------- the fixture


def test_question_anchors_stay_q_id(mini_factbase):
    html = _render(mini_factbase, "claims/", "en")
    for qid in mini_factbase.questions:
        assert "{#q-" + qid + "}" in html
    assert "{#q-other}" in html


def test_entries_carry_what_the_filter_matches(mini_factbase):
    entries = _entries(_render(mini_factbase, "claims/", "en"))
    for fact in _views(mini_factbase):
        entry = entries[fact.id]
        assert (entry["theme"], entry["speaker"]) == (fact.theme.value, fact.speaker)


@pytest.mark.parametrize("lang", LANGS)
def test_the_date_falls_back_to_the_source_and_says_so(mini_factbase, lang):
    fact = mini_factbase.facts["zhang-ming-talent-claim"]  # its source: printed 2025-07-01
    undated = fact.model_copy(update={"date": None, "date_basis": None, "basis_note": None})
    unknown = mini_factbase.facts["columnist-open-source-reliance"]  # source undated
    bounded = unknown.model_copy(update={"not_after": "2025-10"})
    fb = _with(mini_factbase, **{fact.id: undated, unknown.id: bounded})
    url = ("zh/" if lang == "zh" else "") + "claims/"
    entries = _entries(_render(fb, url, lang))
    labels = LABELS[lang]["claims"]
    published = {"en": "1 Jul 2025", "zh": "2025年7月1日"}[lang]
    assert entries[fact.id]["when"] == labels["published"].format(date=published)
    assert entries[fact.id]["iso"] == "2025-07-01"
    bound = {"en": "Oct 2025", "zh": "2025年10月"}[lang]
    assert entries[unknown.id]["when"] == labels["said_by"].format(date=bound)
    assert entries[unknown.id]["iso"] is None
    plain = _entries(_render(mini_factbase, url, lang))
    assert plain[unknown.id]["when"] == labels["undated"]


@pytest.mark.parametrize("lang", LANGS)
def test_quote_and_translation_open_on_demand(mini_factbase, lang):
    html = _render(mini_factbase, ("zh/" if lang == "zh" else "") + "claims/", lang)
    for fact in _views(mini_factbase):
        body = _entries(html)[fact.id]["body"]
        closed = body[body.index('<details class="rr-view__quote">'):]
        assert "<details " in closed and " open" not in closed.split(">")[0]
        quote = unescape(re.sub(r"<[^>]+>", "", body[:body.index("<details")]))
        assert fact.quote not in quote and fact.quote_en not in quote
        assert fact.quote in unescape(closed)
        assert (fact.quote_en in unescape(closed)) is (lang == "en")
        assert f'href="../facts/{fact.id}/"' in body  # the fact's page, in the language


def test_positions_are_rows_with_headings_and_the_empty_ones_say_so(mini_factbase):
    html = _render(mini_factbase, "claims/", "en")
    assert "rr-positions--" not in html  # no fixed column count
    assert html.count('<h3 class="rr-position__label">') == sum(
        len(q.positions) for q in mini_factbase.questions.values())
    assert LABELS["en"]["claims"]["empty_position"] in html
    single = _render(mini_factbase, "compute/", "en", "can-china-overtake-us")
    assert '<p class="rr-position__label">' in single and "<h3" not in single


def test_by_theme_shows_only_the_positions_taken(mini_factbase):
    html = _render(mini_factbase, "claims/by-theme/", "en", None, "theme")
    assert LABELS["en"]["claims"]["empty_position"] not in html
    assert "{#compute-q-can-china-overtake-us}" in html and "{#talent-q-other}" in html
    assert '<h4 class="rr-position__label">' in html


def test_by_speaker_names_the_question_and_position(mini_factbase):
    html = _render(mini_factbase, "claims/by-speaker/", "en", None, "speaker")
    body = _entries(html)["beichen-ceo-compute-forecast"]["body"]
    assert '<a href="../#q-can-china-overtake-us">Can China overtake the US in AI?</a>' in body
    assert "<strong>Yes</strong>" in body
    assert "Zhang Ming" not in body.split('rr-view__statement')[0]  # the heading names him
    assert html.index("{#speaker-zhang-ming}") < html.index("{#speaker-netease-columnist}")


def test_filter_form_is_hidden_without_script_and_lists_every_option(mini_factbase):
    html = _render(mini_factbase, "claims/", "en")
    form = html[html.index("<form"):html.index("</form>")]
    assert re.match(r'<form class="rr-claims-filter" hidden', form)
    speakers = {f.speaker for f in _views(mini_factbase)}
    assert set(re.findall(r'<option value="([a-z0-9-]+)">', form)) == speakers | {
        f.theme.value for f in _views(mini_factbase)}
    assert "<script" not in html.replace('<script type="application/ld+json">', "")


def test_jsonld_lists_the_entries_in_page_order(mini_factbase):
    html = _render(mini_factbase, "claims/", "en")
    listed = re.findall(r'"url": "https://example\.org/rr/facts/([a-z0-9-]+)/"', html)
    assert listed == list(_entries(html))


def test_bad_arrangement_is_named(mini_factbase):
    with pytest.raises(MacroError, match="by must be 'theme' or 'speaker'.*did you mean"):
        _render(mini_factbase, "claims/", "en", None, "speakers")
    with pytest.raises(MacroError, match="not both"):
        _render(mini_factbase, "claims/", "en", "can-china-overtake-us", "theme")

"""Evidence in one tap and source strength, as the renderers make them.

Numbered references (figure, cite, quote) share one numbering per page, each citation
has an anchor its card links back to, each carries its evidence preview; every card
and fact page says how strong its source is; the home page's key figures rest on
named producers.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from kit import ROOT
from macros.evidence.model import Channel, Retelling, SourceKind
from macros.render import MacroError, PageContext

COMPUTE, CAPITAL = "compute/", "capital/"
FIGURE, FORECAST = "china-ai-compute-share-2025", "beichen-ceo-compute-forecast"


@pytest.fixture()
def on_page(mini_site_model):
    """``on_page(url, [(macro, args)…], lang)``: the HTML of each call, made in order
    as one rendering of one page (the page's citations carry over between calls)."""

    def run(url: str, calls: list[tuple[str, list]], lang: str = "en") -> list[str]:
        mini_site_model.begin_page(url)
        ctx = PageContext(url=url, lang=lang, src_path="t.md")
        return [mini_site_model.call(ctx, name, args) for name, args in calls]

    return run


def _ids(html: str) -> list[str]:
    return re.findall(r' id="(ref-[^"]+)"', html)


def _numbers(html: str) -> list[str]:
    """The evidence number each citation shows, in page order."""
    return [unescape(n) for n in re.findall(
        r'class="rr-cite[^>]*>(\d+)</a>|<sup class="rr-ref"[^>]*><span class="rr-sr">'
        r'[^<]*</span>(\d+)<', html) for n in n if n]


# ------------------------------------------------------------------ numbering


def test_facts_are_numbered_by_first_citation_and_keep_their_number(on_page):
    html = "".join(on_page(COMPUTE, [("cite", [FORECAST]), ("figure", [FIGURE]),
                                     ("cite", [FORECAST]), ("quote", [FORECAST])]))
    assert _numbers(html) == ["1", "2", "1", "1"]
    assert _ids(html) == [f"ref-{FORECAST}-1", f"ref-{FIGURE}-1", f"ref-{FORECAST}-2",
                          f"ref-{FORECAST}-3"]
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "every citation and preview has its own id"


def test_a_new_rendering_of_a_page_numbers_afresh(on_page):
    first = on_page(COMPUTE, [("figure", [FIGURE]), ("cite", [FORECAST])])
    again = on_page(COMPUTE, [("figure", [FIGURE]), ("cite", [FORECAST])])
    assert first == again
    assert _numbers("".join(again)) == ["1", "2"]


def test_pages_number_independently(on_page, mini_site_model):
    on_page(COMPUTE, [("cite", [FORECAST])])
    ctx = PageContext(url=CAPITAL, lang="en")
    html = mini_site_model.call(ctx, "figure", [FIGURE])  # another page, mid-rendering
    assert _numbers(html) == ["1"]


def test_a_marker_is_named_evidence_n_and_its_statement(on_page, mini_site_model):
    fact = mini_site_model.fb.facts[FORECAST]
    en, = on_page(COMPUTE, [("cite", [FORECAST])])
    zh, = on_page("zh/" + COMPUTE, [("cite", [FORECAST])], lang="zh")
    assert f'aria-label="Evidence 1: {fact.statement.en}' in unescape(en)
    assert f'aria-label="证据1：{fact.statement.zh}' in unescape(zh)
    assert "[" not in re.sub(r"<[^>]+>", "", en.split("<span class=\"rr-pop")[0])
    assert en.startswith("&#8288;<a "), "a word joiner keeps the marker on its line"


# ------------------------------------------------------------------ the preview


def _preview(html: str) -> str:
    m = re.search(r'<span class="rr-pop[^"]*" id="([^"]+)" popover data-search-exclude>'
                  r"(.*?)</span>", html)
    assert m, html
    assert re.search(rf'interestfor="{m.group(1)}"', html), "the link invokes its preview"
    return m.group(2)


@pytest.mark.parametrize("macro,fact_id", [("figure", FIGURE), ("cite", FORECAST),
                                           ("quote", FORECAST)])
def test_the_preview_holds_quote_translation_source_and_permalink(on_page, mini_site_model,
                                                                  macro, fact_id):
    fact = mini_site_model.fb.facts[fact_id]
    en, = on_page(COMPUTE, [(macro, [fact_id])])
    zh, = on_page("zh/" + COMPUTE, [(macro, [fact_id])], lang="zh")
    pop_en, pop_zh = unescape(_preview(en)), unescape(_preview(zh))
    for pop in (pop_en, pop_zh):
        assert fact.quote in pop
        assert f'href="../facts/{fact_id}/"' in pop  # the permalink, in the page's language
        assert f'href="#fact-{fact_id}"' in pop  # the card, on this theme page
        assert "<span" not in pop, "a <span> in a preview would end its search exclusion"
    assert fact.quote_en in pop_en and "Our translation" in pop_en
    assert fact.quote_en not in pop_zh, "no translation on the Chinese site"
    assert "Mini Daily" in pop_en and "迷你日报" in pop_zh
    assert "News report" in pop_en and "新闻报道" in pop_zh


def test_a_figure_links_to_its_card_and_keeps_its_number_unbroken(on_page):
    html, = on_page(CAPITAL, [("figure", [FIGURE])])
    link = re.match(r'<a class="rr-figure[^"]*" id="[^"]+" href="([^"]+)"', html)
    assert link and link.group(1) == f"../compute/#fact-{FIGURE}"
    assert "&#8288;<sup class=\"rr-ref\"" in html
    assert 'title="' not in html.split("<span class=\"rr-pop")[0], "no tooltip over the preview"


# ------------------------------------------------------------------ back-links


def _cited_line(html: str, fact_id: str) -> str:
    card = html[html.index(f'id="fact-{fact_id}"'):]
    card = card[:card.index("</article>")]
    m = re.search(r'<p class="rr-card__cited">(.*?)</p>', card)
    return m.group(1) if m else ""


def test_a_card_links_back_to_each_citation_above_it(on_page):
    *prose, cards = on_page(COMPUTE, [("cite", [FORECAST]), ("figure", [FIGURE]),
                                      ("quote", [FORECAST]), ("theme_facts", ["compute"])])
    cited = _cited_line(cards, FORECAST)
    back = re.findall(r'href="#(ref-[^"]+)"', cited)
    assert back == [f"ref-{FORECAST}-1", f"ref-{FORECAST}-2"]
    assert set(back) <= set(_ids("".join(prose))), "every back-link has its citation"
    assert cited.startswith("Evidence 1 · Cited in the text:")
    assert 'aria-label="Back to citation 2 in the text"' in cited
    assert re.findall(r'href="#(ref-[^"]+)"', _cited_line(cards, FIGURE)) == [
        f"ref-{FIGURE}-1"]


def test_a_card_with_no_citation_on_the_page_has_no_back_links(on_page):
    cards, = on_page(COMPUTE, [("theme_facts", ["compute"])])
    assert "rr-card__cited" not in cards


def test_back_links_only_where_the_citations_link_to_the_card(on_page):
    """On another page the citations link to the theme page's card, not to a card
    shown here, so a card here does not claim them."""
    *_, card = on_page(CAPITAL, [("cite", [FORECAST]), ("fact", [FORECAST])])
    assert "rr-card__cited" not in card


def test_the_chinese_card_links_back_in_chinese(on_page):
    *_, cards = on_page("zh/" + COMPUTE, [("cite", [FORECAST]),
                                          ("theme_facts", ["compute"])], lang="zh")
    cited = _cited_line(cards, FORECAST)
    assert cited.startswith("证据1 · 正文引用处：")
    assert 'aria-label="回到正文第1处引用"' in cited


def test_citing_a_fact_below_its_card_on_its_theme_page_is_an_error(on_page):
    with pytest.raises(MacroError, match=rf"fact '{FORECAST}' is cited after its card"):
        on_page(COMPUTE, [("theme_facts", ["compute"]), ("cite", [FORECAST])])
    # Elsewhere a card is not what citations link to: citing after it is fine.
    on_page(CAPITAL, [("fact", [FORECAST]), ("cite", [FORECAST])])


# ------------------------------------------------------------------ source strength

# Every source of the real data, as its strength line reads in each language.
STANDING = {
    "huxiu-vc-popcorn-us-china-ai-tech": ("Self-media analysis, reposted", "自媒体分析（转载）"),
    "nyt-2024-02-22-china-ai-race": ("News report, reposted", "新闻报道（转载）"),
    "nyt-2024-02-21-vc-retreat": ("News report, reposted", "新闻报道（转载）"),
    "xie-xuanjun-blog-opinions": ("Opinion on a personal blog", "个人博客上的观点"),
    "translated-feature-china-ai-after-deepseek": ("Translation of unknown origin",
                                                   "来源不明的译文"),
    "netease-tsinghua-agi-summit": ("Self-media commentary", "自媒体评论"),
    "su-hezhong-genai-fomo-column": ("Opinion column summarising another author's article",
                                     "转述他人文章的评论专栏"),
}


@pytest.fixture(scope="module")
def real_site_model(factbase):
    from macros.render import Site

    return Site(factbase)


def test_every_source_says_how_strong_it_is_in_both_languages(real_site_model):
    assert set(STANDING) == set(real_site_model.fb.sources)
    for lang, i in (("en", 0), ("zh", 1)):
        page = real_site_model.page(PageContext(url="", lang=lang))
        for source_id, labels in STANDING.items():
            view = page.source_view(source_id)
            assert view.standing == labels[i], (source_id, lang)
            assert view.standing_note, (source_id, lang)
            if lang == "zh":
                assert not re.search(r"[A-Za-z]{4,}", view.standing + view.standing_note
                                     .replace("Megha Shrivastava", "").replace(
                                         "The Geopolitics", "")), view.standing_note


def test_the_strength_note_says_what_each_part_means(real_site_model):
    page = real_site_model.page(PageContext(url="", lang="en"))
    huxiu = page.source_view("huxiu-vc-popcorn-us-china-ai-tech").standing_note
    assert "self-media platform" in huxiu and "reposted by Huxiu" in huxiu
    su = page.source_view("su-hezhong-genai-fomo-column").standing_note
    assert "Megha Shrivastava" in su and "not say where it was first published" in su
    translated = page.source_view("translated-feature-china-ai-after-deepseek").standing_note
    assert "original article" in translated and "not named" in translated


def test_the_data_says_what_the_standing_is_built_from(factbase):
    sources = factbase.sources
    translations = [s for s in sources.values() if s.kind is SourceKind.translation]
    assert translations and all(s.provenance.retells is Retelling.translation
                                for s in translations)
    assert sources["nyt-2024-02-21-vc-retreat"].provenance.channel is Channel.news_outlet
    assert sources["netease-tsinghua-agi-summit"].provenance.channel is Channel.self_media


@pytest.mark.parametrize("fact_id,status,label", [
    ("china-vc-deals-with-us-investors-fall-88-percent-2021-2023", "named",
     "Producer named: PitchBook"),
    ("chinese-llms-relying-on-nvidia-chips", "unnamed",
     "Producer not named: an unnamed 'recent study' (最近一项研究)"),
    ("baidu-ai-investment-h1-2024", "unstated", "Producer not stated"),
    ("china-hundred-model-war", "", ""),
])
def test_a_fact_says_whether_its_producer_is_named(real_site_model, fact_id, status, label):
    view = real_site_model.page(PageContext(url="", lang="en")).fact_view(
        real_site_model.fb.facts[fact_id])
    assert (view.producer_status, view.producer_label) == (status, label)
    assert bool(view.producer_note) == bool(status)


def test_every_card_and_fact_page_carries_the_strength_line(render):
    for html in (render("fact", FIGURE), render("fact_page", FIGURE, url=f"facts/{FIGURE}/"),
                 render("fact", FORECAST, lang="zh", url="zh/")):
        line = re.search(r'<p class="rr-strength">(.*?)</p>', html)
        assert line, html
        assert '<span class="rr-strength--news-outlet">' in line.group(1)
        assert re.search(r'href="(\.\./)*(zh/)?sources/#source-strength"', line.group(1))
    assert "Producer not stated" in render("fact", FIGURE)
    assert "Producer named" in render("fact", "china-top-ai-researcher-share-2022")


def test_the_strength_legend_is_where_the_cards_point(render):
    html = render("strength_legend", url="sources/")
    assert 'id="source-strength"' in html
    for word in ("News outlet", "Self-media", "Personal blog", "Producer named",
                 "Producer not named", "Producer not stated", "A translation"):
        assert word in html, word


# ------------------------------------------------------------------ key figures


def test_key_figures_by_default_prefer_named_producers(real_site_model):
    html = real_site_model.call(PageContext(url=""), "key_figures")
    shown = re.findall(r'href="[^"]*#fact-([^"]+)"', html)
    facts = real_site_model.fb
    for fact_id in shown:
        theme = facts.facts[fact_id].theme.value
        named = [f for f in facts.by_theme[theme] if f.quantity and f.data_producer]
        assert not named or facts.facts[fact_id].data_producer, (theme, fact_id)
    assert "Producer named: PitchBook" in html  # capital: a news outlet's PitchBook figure


@pytest.mark.parametrize("page", ["index.md", "index.zh.md"])
def test_the_home_pages_key_figures_have_named_producers(factbase, page):
    text = (ROOT / "docs" / page).read_text("utf-8")
    call = re.search(r"key_figures\(\[([^\]]*)\]\)", text)
    assert call, f"docs/{page} names its key figures"
    ids = re.findall(r"'([^']+)'", call.group(1))
    assert ids and all(factbase.facts[i].data_producer for i in ids), ids

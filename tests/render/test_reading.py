"""How text reads on the page, without a site build: Chinese without stray spaces,
untitled sources told apart, bylines in the page's language."""

from __future__ import annotations

from macros.evidence.normalize import join_cjk_lines, strip_artifacts
from macros.render import Site, SiteOptions
from macros.render.html import join_cjk_lines_in_html
from macros.render.page import PageContext


def test_a_line_break_between_chinese_characters_leaves_no_space():
    assert strip_artifacts("完成了10亿元人民币融资， 投资方") == "完成了10亿元人民币融资，投资方"
    assert join_cjk_lines("由美国设计，\n早期资金") == "由美国设计，早期资金"
    assert join_cjk_lines("DeepSeek 模型 and 中国 AI") == "DeepSeek 模型 and 中国 AI"  # Latin keeps it


def test_code_and_preformatted_text_keep_their_lines():
    html = "<p>中文\n中文</p><pre><code>中文\n中文</code></pre><p>中\n文</p>"
    assert join_cjk_lines_in_html(html) == \
        "<p>中文中文</p><pre><code>中文\n中文</code></pre><p>中文</p>"


def _page(fb, lang):
    return Site(fb, SiteOptions()).page(PageContext(url="sources/", lang=lang))


def test_untitled_sources_are_told_apart_on_chinese_pages(factbase):
    page = _page(factbase, "zh")
    untitled = [s for s in factbase.sources.values() if "无标题" in s.title_original]
    assert len(untitled) >= 2
    titles = [page.source_view(s.id).title for s in untitled]
    assert len(set(titles)) == len(titles) and all(t.startswith("［") for t in titles)
    english = _page(factbase, "en")
    assert {english.source_view(s.id).title for s in untitled} == {s.title_en for s in untitled}


def test_a_byline_that_is_an_outlet_of_ours_reads_in_the_page_language(factbase):
    source = next(s for s in factbase.sources.values() if "VC Popcorn" in s.authors)
    assert _page(factbase, "zh").source_view(source.id).authors == "爆米花独角兽"
    assert _page(factbase, "en").source_view(source.id).authors == "VC Popcorn"

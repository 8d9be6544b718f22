"""A Traditional quote gets a Simplified rendering beside it, labelled, after the quote as
printed; a Simplified quote gets none. Over the fixture data and the real data."""

from __future__ import annotations

import re

import pytest

from macros.evidence.normalize import strip_artifacts
from macros.evidence.script import simplified_rendering, to_simplified
from macros.render import PageContext, Site
from macros.render.labels import LABELS

TRADITIONAL = "columnist-open-source-reliance"  # mini-netease-column, script: Hant
SIMPLIFIED = "zhang-ming-talent-claim"  # mini-daily-2025-report, script: Hans
ARTIFACT = "qiming-2-release"  # Traditional, with NetEase pinyin in its quote


def test_the_rule():
    assert simplified_rendering("依賴美國開源模型") == "依赖美国开源模型"
    assert simplified_rendering("依赖美国开源模型") is None
    assert simplified_rendering("Nvidia 2025") is None
    # converted as shown: no pinyin artifact, no space where a source line broke
    assert simplified_rendering("發(fā)布了 開源模型") == "发布了开源模型"
    # characters only, never words: 人工智慧 stays, 硬體 is not made 硬件
    assert simplified_rendering("人工智慧硬體") == "人工智慧硬体"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["fact", "fact_page"])
def test_a_traditional_quote_gets_a_simplified_line(render, mini_factbase, name, lang):
    fact = mini_factbase.facts[TRADITIONAL]
    html = render(name, TRADITIONAL, url=("zh/" if lang == "zh" else "") + "open-source/",
                  lang=lang)
    L = LABELS[lang]
    line = re.search(r'<p class="rr-card__simplified"><span class="rr-card__label" '
                     r'title="([^"]+)">([^<]+)</span>( ?)<span lang="zh-Hans">([^<]+)</span></p>',
                     html)
    assert line, html
    assert line.group(1) == L["field"]["simplified_note"]
    assert line.group(2) == L["field"]["simplified"] + L["punct"]["colon"].strip()
    assert line.group(3) == L["punct"]["space"]
    assert line.group(4) == to_simplified(strip_artifacts(fact.quote)) != fact.quote
    # the quote as printed comes first, then the Simplified line, then our translation
    original = html.index(f'<p class="rr-card__original" lang="zh-Hant">{fact.quote}</p>')
    assert original < line.start()
    if lang == "en":
        assert line.end() < html.index('class="rr-card__translation"')


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_popover_gets_one_too(render, mini_factbase, lang):
    html = render("quote", TRADITIONAL, url=("zh/" if lang == "zh" else "") + "claims/",
                  lang=lang)
    pop = html[html.index('<span class="rr-pop'):]
    label = LABELS[lang]["field"]["simplified"] + LABELS[lang]["punct"]["colon"]
    simplified = to_simplified(mini_factbase.facts[TRADITIONAL].quote)
    line = (f'<i class="rr-pop__simplified">{label}<bdi lang="zh-Hans">{simplified}</bdi></i>')
    assert line in pop
    assert pop.index('class="rr-pop__quote"') < pop.index(line)
    assert "<span" not in pop[1:]  # the search plugin's skip of the popover holds


def test_the_pinyin_artifact_is_gone_before_converting(render):
    html = render("fact", ARTIFACT, url="open-source/")
    assert '<span lang="zh-Hans">启明智能在2025年1月20日发布了开源模型「启明-2」</span>' in html


@pytest.mark.parametrize("name", ["fact", "fact_page", "quote"])
def test_a_simplified_quote_gets_none(render, name):
    html = render(name, SIMPLIFIED, url="zh/talent/", lang="zh")
    assert "simplified" not in html and LABELS["zh"]["field"]["simplified"] + "：" not in html


def test_the_simplified_line_is_escaped(mini_factbase):
    fact = mini_factbase.facts[TRADITIONAL]
    mini_factbase.facts[TRADITIONAL] = fact.model_copy(
        update={"quote": "<script>發現</script>[x](javascript:alert(1))"})
    try:
        ctx = PageContext("open-source/", "en", "x.md")
        for name in ("fact", "fact_page", "quote"):
            html = Site(mini_factbase).call(ctx, name, [TRADITIONAL])
            assert "<script>發" not in html and "<script>发" not in html
            assert "&lt;script&gt;发现&lt;/script&gt;" in html
        pop = Site(mini_factbase).call(ctx, "quote", [TRADITIONAL])
        assert "](javascript" not in pop  # |inline: Markdown sees no link
    finally:
        mini_factbase.facts[TRADITIONAL] = fact


def test_every_traditional_fact_of_the_real_data_gets_one(factbase):
    """Every fact whose source is Traditional gets a Simplified line; no other does."""
    page = Site(factbase).page(PageContext("compute/", "zh", "compute.zh.md"))
    problems = []
    for fact in factbase.facts.values():
        traditional = factbase.sources[fact.source].script.value == "Hant"
        view = page.fact_view(fact)
        if traditional and not view.quote_simplified:
            problems.append(f"{fact.id}: Traditional source, no Simplified line")
        if not traditional and view.quote_simplified is not None:
            problems.append(f"{fact.id}: Simplified source, yet a Simplified line")
    assert any(factbase.sources[f.source].script.value == "Hant"
               for f in factbase.facts.values()), "no Traditional source to check"
    assert not problems, "\n".join(problems)

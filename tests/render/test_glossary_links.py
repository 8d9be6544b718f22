"""A glossary term's first use on a page links to its entry (macros/render/glossary.py),
without a site build: what counts as a use, what is left alone, and that nothing else on
the page changes."""

from __future__ import annotations

import dataclasses
import re

import pytest

from macros.evidence.model import GlossaryTerm
from macros.render.glossary import link_first_uses

TERMS = [
    {"id": "export-controls", "term": {"en": "Export controls", "zh": "出口管制"},
     "aliases": {"en": ["export control"], "zh": ["出口限制"]}},
    {"id": "training-and-inference", "term": {"en": "Training and inference", "zh": "训练与推理"},
     "aliases": {"en": ["training", "inference"], "zh": ["训练", "推理"]}},
    {"id": "reasoning-model", "term": {"en": "Reasoning model", "zh": "推理模型"}},
    {"id": "benchmark", "term": {"en": "Benchmark test", "zh": "基准测试"},
     "aliases": {"en": ["benchmark", "benchmarks"]}},
    {"id": "h20-h200", "term": {"en": "H20 and H200", "zh": "H20与H200"},
     "aliases": {"en": ["H20", "H200"], "zh": ["H20", "H200"]}},
    {"id": "r-and-d", "term": {"en": "R&D", "zh": "研发"}},
]


@pytest.fixture(scope="module")
def fb(mini_factbase):
    terms = {t["id"]: GlossaryTerm.model_validate(
        {"definition": {"en": "x", "zh": "x"}, "facts": ["china-ai-compute-share-2025"], **t})
        for t in TERMS}
    return dataclasses.replace(mini_factbase, glossary=terms)


def links(html: str) -> list[tuple[str, str]]:
    """(term id, linked text) of every glossary link, in order."""
    return re.findall(r'<a class="rr-term" href="[^"]*#term-([^"]+)">(.*?)</a>', html, re.S)


def unlinked(html: str) -> str:
    return re.sub(r'<a class="rr-term" href="[^"]*">(.*?)</a>', r"\1", html, flags=re.S)


def test_the_first_use_is_linked_relative_to_the_page(fb):
    html = "<p>US export controls, and more export controls.</p><p>Export controls again.</p>"
    out = link_first_uses(html, fb, "en", "compute/")
    assert links(out) == [("export-controls", "export controls")]
    assert '<a class="rr-term" href="../glossary/#term-export-controls">export controls</a>' in out
    assert out.count("rr-term") == 1
    zh = link_first_uses("<p>美国的出口管制。</p>", fb, "zh", "zh/compute/")
    assert 'href="../glossary/#term-export-controls">出口管制</a>' in zh
    home = link_first_uses("<p>export controls</p>", fb, "en", "")
    assert 'href="glossary/#term-export-controls"' in home


def test_nothing_but_the_links_is_changed(fb):
    html = ('<h2 id="x">Heading</h2>\n<p class="a" title="training &amp; inference">Before '
            'training, <em>inference</em> &amp; <span>export\ncontrols</span> and R&amp;D.</p>'
            '<!-- training --><br/><img alt="training" src="x.png">')
    out = link_first_uses(html, fb, "en", "compute/")
    assert unlinked(out) == html
    assert links(out) == [("training-and-inference", "training"),
                          ("export-controls", "export\ncontrols"), ("r-and-d", "R&amp;D")]


@pytest.mark.parametrize("inside", [
    "<h1>{}</h1>", "<h3 id='a'>x <span>{}</span></h3>", "<a href='x'>{}</a>",
    "<code>{}</code>", "<pre><code>{}</code></pre>", "<blockquote><p>{}</p></blockquote>",
    "<q>{}</q>", "<figcaption>{}</figcaption>", "<table><caption>{}</caption></table>",
    "<table><tr><th>{}</th></tr></table>", "<summary>{}</summary>", "<button>{}</button>",
    "<label>{}</label>", "<select><option>{}</option></select>",
    "<p hidden>{}</p>", "<div popover id='p'>{}</div>", "<div aria-hidden='true'>{}</div>",
    "<p data-no-glossary>{}</p>", "<p lang='zh-Hans'>{}</p>",
    "<script>var a = '{}';</script>", "<style>/* {} */</style>",
    "<svg><text>{}</text></svg>", "<!-- {} -->", "<cite>{}</cite>", "<nav>{}</nav>",
])
def test_no_first_use_inside_headings_links_code_quotes_or_hidden_text(fb, inside):
    html = inside.format("export controls") + "<p>Then export controls in prose.</p>"
    out = link_first_uses(html, fb, "en", "compute/")
    assert links(out) == [("export-controls", "export controls")]
    assert out.startswith(inside.format("export controls")), out
    assert unlinked(out) == html


def test_exclusion_ends_with_its_element(fb):
    html = ("<h2>export controls <br> still a heading</h2><p>export controls</p>"
            "<blockquote><p>training</p><img src='x' alt=''></blockquote><p>training</p>")
    out = link_first_uses(html, fb, "en", "")
    assert links(out) == [("export-controls", "export controls"),
                          ("training-and-inference", "training")]
    assert out.index("rr-term") > out.index("</h2>")
    assert out.rindex("rr-term") > out.index("</blockquote>")


def test_the_glossary_page_itself_is_left_alone(fb):
    html = "<p>export controls</p>"
    assert link_first_uses(html, fb, "en", "glossary/") == html
    assert link_first_uses("<p>出口管制</p>", fb, "zh", "zh/glossary/") == "<p>出口管制</p>"


def test_the_longest_form_wins_and_shadows_the_shorter(fb):
    """推理模型 is the reasoning model, never a use of 推理 (inference): not the first
    time, and not once the reasoning model is linked."""
    html = "<p>深度求索发布了推理模型R1。</p><p>又一个推理模型。</p><p>用于推理。</p>"
    out = link_first_uses(html, fb, "zh", "zh/open-source/")
    assert links(out) == [("reasoning-model", "推理模型"), ("training-and-inference", "推理")]
    assert "又一个推理模型" in out


def test_case_matters_and_latin_forms_are_whole_words(fb):
    html = ("<p>Money from the US firm Benchmark.</p><p>H200-free retraining of H2000 chips"
            "</p><p>A benchmark and the H200.</p>")
    out = link_first_uses(html, fb, "en", "")
    assert links(out) == [("benchmark", "benchmark"), ("h20-h200", "H200")]
    zh = link_first_uses("<p>英伟达H200级芯片，不是H2000。</p>", fb, "zh", "zh/")
    assert links(zh) == [("h20-h200", "H200")]


def test_a_term_is_matched_only_in_its_page_language(fb):
    assert links(link_first_uses("<p>出口管制</p>", fb, "en", "")) == []
    assert links(link_first_uses("<p>export controls</p>", fb, "zh", "zh/")) == []
    # Latin-script aliases of the Chinese page match there.
    assert links(link_first_uses("<p>H20芯片</p>", fb, "zh", "zh/")) == [("h20-h200", "H20")]


def test_no_glossary_no_change(mini_factbase):
    bare = dataclasses.replace(mini_factbase, glossary={})
    html = "<p>computing power</p>"
    assert link_first_uses(html, bare, "en", "") == html


def test_the_fixture_glossary_links_rendered_cards(render, mini_factbase):
    """Over real macro output: the first use outside the card's quote is linked."""
    card = render("fact", "qiming-2-release", url="open-source/")
    out = link_first_uses(card, mini_factbase, "en", "open-source/")
    assert links(out) == [("open-weight-model", "open-weight model")]
    assert unlinked(out) == card
    quote = out[out.index("<blockquote"):out.index("</blockquote>")]
    assert "rr-term" not in quote


def test_an_excluded_element_ends_at_its_own_closing_tag(fb):
    """Same-named elements inside an excluded one are counted, so its end is its own."""
    html = ("<div hidden><div>inner</div><p>export controls</p></div>"
            "<div lang='en'><p>training</p></div><p>export controls</p>")
    out = link_first_uses(html, fb, "en", "")
    assert links(out) == [("training-and-inference", "training"),
                          ("export-controls", "export controls")]
    assert out.index('href="glossary/#term-export-controls"') > out.index("</div><div lang")
    assert unlinked(out) == html


def test_a_term_in_an_attribute_is_not_a_use(fb):
    html = '<p title="export controls">Text</p><img alt="export controls"><p>export controls</p>'
    out = link_first_uses(html, fb, "en", "")
    assert out.count("rr-term") == 1 and out.endswith('export controls</a></p>')

"""Renderers without MkDocs: formatting, links, errors, escaping, partial headers."""

from __future__ import annotations

import re
import sys

import pytest

from macros.evidence.model import Qualifier, Quantity, Unit
from macros.render import MACROS, MacroError, PageContext, Site
from macros.render.dates import format_date, format_period
from macros.render.html import md_text
from macros.render.links import relative_url
from macros.render.numbers import format_number, format_quantity, format_value
from macros.render.registry import Macro, doc_problems

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ config }}",
           "{% include 'x' %}"]


def test_renderers_do_not_import_mkdocs():
    import subprocess

    code = ("import sys, macros.render, macros.evidence.check; "
            "sys.exit(1 if any(m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros') "
            "for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.parametrize("value,unit,lang,kw,expected", [
    (1e9, Unit.usd, "en", {}, "$1 billion"),
    (5.6e9, Unit.usd, "en", {}, "$5.6 billion"),
    (4.2e9, Unit.cny, "en", {}, "4.2 billion yuan"),
    (1e12, Unit.cny, "en", {}, "1 trillion yuan"),
    (6e6, Unit.usd, "en", {"qualifier": Qualifier.about}, "about $6 million"),
    (450000, Unit.usd, "en", {}, "$450,000"),
    (47, Unit.percent, "en", {}, "47%"),
    (-88, Unit.percent, "en", {}, "\u221288%"),
    (262, Unit.count, "en", {"qualifier": Qualifier.at_least, "counted": "start-ups"},
     "at least 262 start-ups"),
    (2, Unit.years, "en", {"high": 3}, "2–3 years"),
    (1, Unit.years, "en", {"qualifier": Qualifier.at_least}, "at least 1 year"),
    (10, Unit.multiple, "en", {"high": 100}, "10–100×"),
    (1e7, Unit.usd, "en", {"high": 1e9}, "$10 million to $1 billion"),
    (1e9, Unit.usd, "zh", {}, "10亿美元"),
    (4e11, Unit.cny, "zh", {"qualifier": Qualifier.nearly}, "近4000亿元"),
    (1e12, Unit.cny, "zh", {}, "1万亿元"),
    (3e5, Unit.count, "zh", {"counted": "次下载"}, "30万次下载"),
    (3e8, Unit.count, "zh", {"qualifier": Qualifier.more_than, "counted": "次下载"},
     "超过3亿次下载"),
    (2, Unit.years, "zh", {"high": 3}, "2至3年"),
    (15, Unit.percent, "zh", {"qualifier": Qualifier.about}, "约15%"),
    (1, Unit.rank, "en", {}, "No. 1"),
    (7.2e10, Unit.parameters, "en", {}, "72 billion parameters"),
])
def test_format_value(value, unit, lang, kw, expected):
    assert format_value(value, unit, lang, **kw) == expected


def test_format_quantity_range_and_number():
    q = Quantity(low=10, high=100, unit=Unit.usd, qualifier=Qualifier.about,
                 as_printed="10到100亿美元")
    assert format_quantity(q) == "about $10–100"
    assert format_number(1.25e9) == "1.25 billion"
    assert format_number(1.25e9, "zh") == "12.5亿"


@pytest.mark.parametrize("text,lang,expected", [
    ("2024-02-22", "en", "22 Feb 2024"), ("2024-02", "en", "Feb 2024"),
    ("2024", "en", "2024 (month unknown)"), ("unknown", "en", "date unknown"),
    ("2024-02-22", "zh", "2024年2月22日"), ("2024", "zh", "2024年（月份不详）"),
])
def test_format_date(text, lang, expected):
    assert format_date(text, lang) == expected


def test_format_period():
    assert format_period("2019..2022") == "2019–2022"
    assert format_period("2024-01..2024-06") == "Jan 2024–Jun 2024"
    assert format_period("2022") == "2022"


@pytest.mark.parametrize("target,page,expected", [
    ("compute/#fact-a", "compute/", "#fact-a"),
    ("compute/#fact-a", "claims/", "../compute/#fact-a"),
    ("compute/#fact-a", "", "compute/#fact-a"),
    ("sources/#source-b", "zh/compute/", "../../sources/#source-b"),
    ("", "claims/", "../"),
])
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


@pytest.mark.parametrize("call,needle", [
    (("figure", ["china-ai-compute-shar-2025"]),
     "figure('china-ai-compute-shar-2025'): unknown fact id"),
    (("figure", ["china-ai-compute-shar-2025"]), "(did you mean 'china-ai-compute-share-2025'"),
    (("figure", ["beichen-ceo-compute-forecast"]), "without a quantity"),
    (("chart", ["share-of-ai-compte"]), "(did you mean 'share-of-ai-compute'"),
    (("chart", ["share-of-ai-compute", "open-model-downloads"]), "same unit"),
    (("theme_facts", ["compte"]), "unknown theme 'compte'"),
    (("claims", ["can-china-overtake"]), "unknown question"),
    (("figure", []), "expected figure(fact_id)"),
    (("figur", ["x"]), "no such macro (did you mean 'figure'"),
    (("key_figures", ["china-ai-compute-share-2025"]), "must be a list"),
])
def test_errors_name_page_call_and_suggestion(mini_factbase, call, needle):
    with pytest.raises(MacroError) as info:
        Site(mini_factbase).call(PageContext("compute/", "en", "compute.md"), *call)
    assert str(info.value).startswith("compute.md: ")
    assert needle in str(info.value)


def test_hostile_text_is_escaped_in_renderer(mini_factbase):
    fact = next(iter(mini_factbase.facts.values()))
    patched = fact.model_copy(update={
        "statement": fact.statement.model_copy(update={"en": " ".join(HOSTILE)}),
        "quote_en": " ".join(HOSTILE)})
    mini_factbase.facts[fact.id] = patched
    try:
        site = Site(mini_factbase)
        for name in ("figure", "fact", "cite", "quote"):
            if name == "figure" and patched.quantity is None:
                continue
            html = site.call(PageContext("", "en", "x.md"), name, [fact.id])
            assert "<script" not in html and "<img" not in html
            assert "&lt;script&gt;" in html
    finally:
        mini_factbase.facts[fact.id] = fact


def test_md_text_keeps_markdown_literal():
    assert md_text("a *b* {#c} <i>") == r"a \*b\* \{\#c\} &lt;i&gt;"


def test_every_macro_is_documented(mini_factbase):
    """Every macro has a summary, Args that match its parameters, and an example that
    calls it; the editor's guide prints each one."""
    assert doc_problems() == []
    html = Site(mini_factbase).call(PageContext("editing/", "en", "editing.md"),
                                    "macro_reference")
    for name in MACROS:
        assert f"{{#macro-{name}}}" in html
    assert len(re.findall(r'class="rr-macro__example"', html)) == len(MACROS)


def test_the_macro_doc_check_catches_a_bad_docstring():
    def no_docs(page, fact_id):
        pass

    def wrong_args(page, fact_id):
        """Summary.

        Args:
            fact: the fact.

        Example:
            {{ wrong_args('x') }}
        """

    def other_example(page):
        """Summary.

        Example:
            {{ figure('x') }}
        """

    problems = doc_problems({m.name: m for m in (Macro("no_docs", no_docs),
                                                 Macro("wrong_args", wrong_args),
                                                 Macro("other_example", other_example))})
    assert problems == [
        "no_docs: no summary line in its docstring",
        "no_docs: no Example: section in its docstring",
        "no_docs: Args: documents [], the macro takes ['fact_id']",
        "wrong_args: Args: documents ['fact'], the macro takes ['fact_id']",
        "other_example: its example does not call other_example()",
    ]


def test_chart_is_a_named_figure_with_its_figures_as_text(mini_factbase):
    html = Site(mini_factbase).call(PageContext("compute/", "en", "c.md"), "chart",
                                    ["compute-share-2025"])
    assert '<figure class="rr-chart rr-chart--bars" id="chart-compute-share-2025" ' \
        'aria-labelledby="chart-compute-share-2025-title"' in html
    assert "about 15%" in html and 'class="rr-figures"' in html
    assert "<script" not in html and "<svg" not in html


def test_inline_macros_survive_markdown(mini_factbase):
    """Python-Markdown applies link/emphasis patterns inside inline HTML attributes;
    inline macro output must leave it nothing to act on."""
    import markdown

    fact = mini_factbase.facts["china-ai-compute-share-2025"]
    hostile = "[x](javascript:alert(1)) *em* _u_ `c` " + " ".join(HOSTILE)
    mini_factbase.facts[fact.id] = fact.model_copy(update={
        "statement": fact.statement.model_copy(update={"en": hostile}), "quote_en": hostile})
    try:
        site = Site(mini_factbase)
        for name in ("figure", "cite", "quote"):
            inline = site.call(PageContext("", "en", "x.md"), name, [fact.id])
            html = markdown.markdown(f"Text {inline} text.", extensions=["attr_list", "md_in_html"])
            assert "javascript:alert(1)\"" not in html and 'href="javascript' not in html
            assert "<em>" not in html and "<code>" not in html and "<script" not in html
    finally:
        mini_factbase.facts[fact.id] = fact

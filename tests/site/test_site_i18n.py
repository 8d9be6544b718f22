"""The Simplified-Chinese edition (/zh/), built by mkdocs-static-i18n from docs/*.zh.md:
every page in both languages, a language switcher to the same page, Chinese number and
date formats, quotes in the original, one search index per language."""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import escape

from kit import ROOT, SEARCH_SEPARATOR, discover_pages, parse_html
from macros.evidence.normalize import strip_artifacts

ZH = "zh/"


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


def _lang(html: str) -> str:
    m = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html)
    return m.group(1) if m else ""


def _switcher(html: str) -> dict[str, str]:
    """hreflang -> href of Material's language selector entries."""
    return {lang: href for href, lang in re.findall(
        r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"', html)}


def _split(real_site: Path) -> tuple[list[str], list[str]]:
    pages = discover_pages(real_site)
    return ([p for p in pages if not p.startswith(ZH)],
            [p[len(ZH):] for p in pages if p.startswith(ZH)])


def test_every_page_has_a_counterpart_in_the_other_language(real_site):
    english, chinese = _split(real_site)
    assert len(english) >= 9
    assert sorted(english) == sorted(chinese), (
        f"English only: {sorted(set(english) - set(chinese))}; "
        f"Chinese only: {sorted(set(chinese) - set(english))}")


def test_every_source_page_has_a_chinese_file():
    """docs/<page>.md and docs/<page>.zh.md come in pairs (a missing one fails here
    before the build)."""
    docs = ROOT / "docs"
    english = {p.relative_to(docs).as_posix()[:-3] for p in docs.rglob("*.md")
               if not p.name.endswith(".zh.md") and not p.name.startswith("_")}
    chinese = {p.relative_to(docs).as_posix()[:-6] for p in docs.rglob("*.zh.md")}
    assert english == chinese, (f"no Chinese page for {sorted(english - chinese)}; "
                                f"no English page for {sorted(chinese - english)}")


def test_language_switcher_goes_to_the_same_page(real_site):
    problems = []
    for page in discover_pages(real_site):
        html = _html(real_site, page)
        links = _switcher(html)
        chinese = page.startswith(ZH)
        counterpart = page[len(ZH):] if chinese else ZH + page
        here = "/" + page
        expected = {"zh": "/" + (page if chinese else counterpart),
                    "en": "/" + (counterpart if chinese else page)}
        for lang, target in expected.items():
            if lang not in links:
                problems.append(f"{here}: no '{lang}' entry in the language selector")
            elif urljoin(here, links[lang]) != target:
                problems.append(f"{here}: '{lang}' goes to {urljoin(here, links[lang])}, "
                                f"not {target}")
    assert not problems, "\n".join(problems[:40])


def test_html_lang_is_the_page_language(real_site):
    wrong = [f"/{p}: lang={_lang(_html(real_site, p))!r}" for p in discover_pages(real_site)
             if _lang(_html(real_site, p)) != ("zh" if p.startswith(ZH) else "en")]
    assert not wrong, "\n".join(wrong[:20])
    assert _lang((real_site / "404.html").read_text("utf-8")) == "en"


def test_chinese_pages_have_chinese_navigation_and_site_name(real_site):
    html = _html(real_site, ZH + "compute/")
    assert "<title>算力 - 竞逐与依赖</title>" in html
    for label in ("首页", "主题", "证据", "谁说了什么", "时间线", "来源"):
        assert re.search(rf">\s*{label}\s*<", html), label
    assert "<title>Compute - Race & Reliance</title>" in _html(real_site, "compute/")


def test_chinese_pages_link_to_chinese_pages(real_site):
    """Evidence, source and in-text links of a Chinese page stay in the Chinese edition
    (only the language selector leads out)."""
    problems = []
    for page in discover_pages(real_site):
        if not page.startswith(ZH):
            continue
        html = _html(real_site, page).split('<div class="md-content"', 1)[1]
        for _tag, url in parse_html(html).links:
            if url.startswith(("http:", "https:", "mailto:", "#")) or not url:
                continue
            target = urljoin("/" + page, url).split("#")[0]
            if not target.startswith("/" + ZH) and "/assets/" not in target \
                    and not target.endswith((".csv", ".json", ".xml", ".txt", ".md", ".bib",
                                             ".svg")):
                problems.append(f"/{page}: {url} -> {target}")
    assert not problems, "\n".join(problems[:30])


def test_chinese_figures_use_wan_and_yi_with_the_exact_value(real_site):
    html = _html(real_site, ZH + "capital/")
    # Each figure is followed by its evidence preview, which gives the exact value.
    figures = []
    for m in re.finditer(r'<a class="rr-figure[^"]*"[^>]*>([^<&]*)', html):
        start = html.index('<span class="rr-pop', m.end())
        preview = html[start:html.index("</span>", start)]  # no <span> inside a preview
        exact = re.search(r'<small class="rr-pop__exact">([^<]*)</small>', preview)
        figures.append((exact.group(1) if exact else "", m.group(1)))
    assert figures
    scaled = [(title, text) for title, text in figures if re.search(r"[万亿]", text)]
    assert scaled, "no figure in 万/亿 on /zh/capital/"
    for title, text in scaled:
        assert re.match(r"\S*?\d{1,3}(,\d{3})+", html_lib.unescape(title)), (text, title)
    assert not re.search(r"\d\s*(billion|million)", " ".join(t for _, t in figures))
    # And the English page keeps English scale words.
    assert re.search(r'class="rr-figure[^>]*>\$?[\d.]+ (billion|million)',
                     _html(real_site, "capital/"))


def test_chinese_dates_are_in_chinese_format(real_site):
    html = _html(real_site, ZH + "timeline/")
    assert re.search(r"<time[^>]*>\d{4}年\d{1,2}月(\d{1,2}日)?</time>", html)
    assert not re.search(r"<time[^>]*>\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
                         r"|Dec) \d{4}</time>", html)


def test_quotes_in_the_original_and_english_translation_only_in_english(real_site, factbase):
    problems = []
    for fact in factbase.facts.values():
        theme = fact.theme.value + "/"
        zh_html, en_html = _html(real_site, ZH + theme), _html(real_site, theme)
        # A quote is shown as strip_artifacts() gives it (no pinyin artifact, no space
        # where a line of the source broke), and as written otherwise.
        quote = str(escape(strip_artifacts(fact.quote)))
        translation = str(escape(fact.quote_en))
        if quote not in zh_html:
            problems.append(f"/zh/{theme}: quote of {fact.id} not shown in the original")
        if quote not in en_html or translation not in en_html:
            problems.append(f"/{theme}: {fact.id} lacks its original quote or translation")
    for page in discover_pages(real_site):
        if page.startswith(ZH) and "rr-card__translation" in _html(real_site, page):
            problems.append(f"/{page}: shows an English translation of a quote")
    assert not problems, "\n".join(problems[:30])


def test_traditional_quotes_stay_traditional(real_site, factbase):
    hant = [f for f in factbase.facts.values()
            if factbase.sources[f.source].script.value == "Hant"]
    assert hant, "the data has no Traditional-script source to check"
    fact = hant[0]
    html = _html(real_site, ZH + fact.theme.value + "/")
    assert (f'<p class="rr-card__original" lang="zh-Hant">'
            f'{escape(fact.quote)}</p>') in html


def test_statements_are_in_the_page_language(real_site, factbase):
    fact = next(iter(factbase.facts.values()))
    zh_html = _html(real_site, ZH + fact.theme.value + "/")
    assert str(escape(fact.statement.zh)) in zh_html
    assert str(escape(fact.statement.en)) not in zh_html


def _index(real_site: Path, prefix: str) -> dict:
    return json.loads((real_site / prefix / "search" / "search_index.json").read_text("utf-8"))


def test_one_search_index_per_language(real_site):
    english, chinese = _index(real_site, ""), _index(real_site, ZH)
    assert english["docs"] and chinese["docs"]
    assert not [d for d in english["docs"] if d["location"].startswith(ZH)]
    # Chinese locations are relative to zh/, where the Chinese pages point Material.
    assert {d["location"].split("#")[0] for d in chinese["docs"]} <= {
        p[len(ZH):] for p in discover_pages(real_site) if p.startswith(ZH)}
    for page in ("", "compute/"):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           _html(real_site, ZH + page), re.S)
        assert config is not None
        base = json.loads(config.group(1))["base"]
        assert urljoin(f"/{ZH}{page}", base) == f"/{ZH}", (page, base)


def test_a_chinese_word_is_found_on_chinese_pages(real_site):
    """Chinese text is segmented by jieba (zero-width spaces around words), and the
    Chinese index holds the Chinese pages' words."""
    chinese = _index(real_site, ZH)
    text = {d["location"]: d["text"] for d in chinese["docs"]}
    hits = [loc for loc, t in text.items() if "\u200b算力\u200b" in t]
    assert any(loc.startswith("compute/") for loc in hits), hits[:10]
    assert chinese["config"]["separator"] == SEARCH_SEPARATOR
    assert chinese["config"]["lang"] == ["en"]  # lunr.zh would need a native jieba

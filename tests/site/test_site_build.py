"""End to end: the strict build of the real site (the session's one build), read back.

Internal links and anchors are checked once, by the links gate
(tests/quality/test_static.py), for every page under the site's sub-path.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

from kit import ROOT, SEARCH_SEPARATOR, discover_pages, page_html, parse_html

PAGES = ["", "compute/", "capital/", "talent/", "open-source/", "claims/",
         "claims/by-theme/", "claims/by-speaker/", "timeline/", "sources/", "editing/"]
PAGES += ["zh/" + page for page in PAGES]  # the Chinese edition (test_site_i18n.py)

# A figure with a unit typed in a page instead of asked for with figure().
TYPED_FIGURE = re.compile(
    r"(?:[$¥€£]\s?\d)"
    r"|(?:\d[\d,.]*\s*(?:%|per ?cent\b|percentage points?\b|billion\b|million\b|trillion\b"
    r"|bn\b|亿|万))",
    re.IGNORECASE,
)


def _html(site: Path, page: str) -> str:
    return page_html(site, page)


def test_every_page_exists(real_site):
    missing = [p or "/" for p in PAGES if not (real_site / p / "index.html").is_file()]
    assert not missing


def test_every_fact_has_an_anchored_card(real_site, factbase):
    anchors = collections.Counter()
    for page in discover_pages(real_site):
        anchors.update(i for i in parse_html(_html(real_site, page)).ids if i.startswith("fact-"))
    missing = [f for f in factbase.facts if f"fact-{f}" not in anchors]
    assert not missing, f"facts without a card on any page: {missing}"


def test_every_fact_is_on_its_theme_page(real_site, factbase):
    for fact in factbase.facts.values():
        for prefix in ("", "zh/"):
            assert f'id="fact-{fact.id}"' in _html(real_site, f"{prefix}{fact.theme.value}/"), (
                prefix + fact.id)


def test_theme_pages_link_figures_to_their_cards(real_site, factbase):
    """Every figure() and cite() in a theme's prose links to a card on that page (the
    links gate checks that each such #fact-… anchor exists)."""
    for theme in ("compute", "capital", "talent", "open-source"):
        for prefix in ("", "zh/"):
            links = [url for _tag, url in parse_html(_html(real_site, prefix + theme + "/"))
                     .links if url.startswith("#fact-")]
            assert links, f"/{prefix}{theme}/ has no evidence links"
            assert {u[len("#fact-"):] for u in links} <= set(factbase.facts)


def _strip_non_prose(text: str) -> str:
    text = re.sub(r"\{% raw %\}.*?\{% endraw %\}", "", text, flags=re.S)
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    text = re.sub(r"\{\{.*?\}\}|\{#.*?#\}|\{%.*?%\}", "", text, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def typed_figures(text: str) -> list[str]:
    return [m.group(0) for m in TYPED_FIGURE.finditer(_strip_non_prose(text))]


def test_typed_figure_detector_works():
    assert typed_figures("China has 47% of them and $5 billion, 10亿美元, 3 million.") == [
        "47%", "$5", "10亿", "3 million"]
    assert typed_figures("{{ figure('a') }} and `50%` and\n```\n5 billion\n```\n") == []


def test_no_figure_is_typed_in_pages():
    problems = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        for hit in typed_figures(md.read_text("utf-8")):
            problems.append(f"{md.relative_to(ROOT)}: '{hit}' — use figure('<fact-id>')")
    assert not problems, "\n".join(problems)


def test_no_raw_html_in_pages():
    problems = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        for m in re.finditer(r"<[A-Za-z!/][^>]*>", _strip_non_prose(md.read_text("utf-8"))):
            problems.append(f"{md.relative_to(ROOT)}: {m.group(0)}")
    assert not problems, "pages call macros instead of writing HTML:\n" + "\n".join(problems)


def test_chinese_words_are_segmented_in_search_index(real_site, factbase):
    import jieba

    words = collections.Counter(
        w for f in factbase.facts.values() for w in jieba.cut(f.quote)
        if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w))
    word = words.most_common(1)[0][0]
    index = json.loads((real_site / "search" / "search_index.json").read_text("utf-8"))
    text = "".join(doc["text"] for doc in index["docs"])
    assert f"\u200b{word}\u200b" in text, f"'{word}' is not segmented in the search index"
    assert index["config"]["separator"] == SEARCH_SEPARATOR


def test_no_third_party_requests(real_site):
    problems = []
    for page in discover_pages(real_site):
        html = _html(real_site, page)
        for m in re.finditer(r"<(script|link|img|iframe|source|video|audio)\b[^>]*>", html):
            tag = m.group(0)
            if re.search(r"""\b(src|href)=["']?(https?:)?//""", tag) and "canonical" not in tag:
                problems.append(f"/{page}: {tag[:120]}")
        if "api.github.com" in html or "fonts.googleapis" in html:
            problems.append(f"/{page}: calls a third-party service")
    assert not problems, "\n".join(problems)

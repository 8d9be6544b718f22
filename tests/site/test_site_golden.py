"""Golden HTML for every macro over tests/fixtures/mini-data.

Run ``UPDATE_GOLDEN=1 pytest tests/site/test_site_golden.py`` to rewrite
tests/site/golden/*.html after an intended change, then review the diff.
"""

from __future__ import annotations

import os

import pytest

import datetime as dt

from macros.render import MACROS, PageContext, Site
from macros.render.freshness import Freshness
from macros.render.reader import ReaderOptions
from sitekit import GOLDEN

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# (golden name, macro, args, page URL, language)
CASES = [
    ("figure", "figure", ["china-ai-compute-share-2025"], "compute/", "en"),
    ("figure-other-page", "figure", ["us-ai-data-centre-spending-2025"], "", "en"),
    ("figure-zh", "figure", ["us-ai-data-centre-spending-2025"], "zh/capital/", "zh"),
    ("cite", "cite", ["beichen-ceo-compute-forecast"], "compute/", "en"),
    ("quote", "quote", ["columnist-open-source-reliance"], "claims/", "en"),
    ("fact-statistic", "fact", ["china-ai-compute-share-2025"], "", "en"),
    ("fact-forecast", "fact", ["beichen-ceo-compute-forecast"], "", "en"),
    ("fact-opinion", "fact", ["columnist-open-source-reliance"], "", "en"),
    ("fact-zh", "fact", ["qiming-funding-round-2025"], "zh/", "zh"),
    ("key-figures", "key_figures", [], "", "en"),
    ("key-figures-chosen", "key_figures",
     [["china-top-ai-researcher-share-2022", "qiming-downloads-2025-09"]], "", "en"),
    ("theme-cards", "theme_cards", [], "", "en"),
    ("kind-legend", "kind_legend", [], "", "en"),
    ("chart", "chart", ["share-of-ai-compute"], "compute/", "en"),
    ("chart-two-measures", "chart", ["share-of-ai-compute", "share-of-top-ai-researchers"],
     "compute/", "en"),
    ("chart-table-only", "chart", ["open-model-downloads"], "open-source/", "en"),
    ("theme-charts", "theme_charts", ["compute"], "compute/", "en"),
    ("claims", "claims", [], "claims/", "en"),
    ("claims-one-question", "claims", ["can-china-overtake-us"], "compute/", "en"),
    ("timeline", "timeline", [], "timeline/", "en"),
    ("timeline-zh", "timeline", [], "zh/timeline/", "zh"),
    ("sources", "sources", [], "sources/", "en"),
    ("theme-sources", "theme_sources", ["open-source"], "open-source/", "en"),
    ("theme-facts", "theme_facts", ["compute"], "compute/", "en"),
    ("macro-reference", "macro_reference", [], "editing/", "en"),
    ("fact-page", "fact_page", ["china-ai-compute-share-2025"],
     "facts/china-ai-compute-share-2025/", "en"),
    ("fact-page-forecast", "fact_page", ["beichen-ceo-compute-forecast"],
     "facts/beichen-ceo-compute-forecast/", "en"),
    ("entity-page", "entity_page", ["china"], "entities/china/", "en"),
    ("entity-index", "entity_index", [], "entities/", "en"),
    ("downloads", "downloads", [], "downloads/", "en"),
    ("download-count", "download_count", ["facts.csv"], "downloads/", "en"),
    ("changes", "changes", [], "changes/", "en"),
    # The Chinese edition: quotes in the original only, 万/亿 with the exact value,
    # Chinese dates and labels, original titles, Chinese permalinks (zh/facts/<id>/).
    ("quote-zh", "quote", ["columnist-open-source-reliance"], "zh/claims/", "zh"),
    ("claims-zh", "claims", ["can-china-overtake-us"], "zh/compute/", "zh"),
    ("key-figures-zh", "key_figures", [], "zh/", "zh"),
    ("theme-sources-zh", "theme_sources", ["open-source"], "zh/open-source/", "zh"),
    ("sources-zh", "sources", [], "zh/sources/", "zh"),
    ("chart-zh", "chart", ["share-of-ai-compute"], "zh/compute/", "zh"),
    ("fact-page-zh", "fact_page", ["qiming-funding-round-2025"],
     "zh/facts/qiming-funding-round-2025/", "zh"),
    ("entity-page-zh", "entity_page", ["china"], "zh/entities/china/", "zh"),
    ("entity-index-zh", "entity_index", [], "zh/entities/", "zh"),
    ("downloads-zh", "downloads", [], "zh/downloads/", "zh"),
    ("changes-zh", "changes", [], "zh/changes/", "zh"),
]
# A fixed date and address, so the goldens do not change with the day they run.
OPTIONS = ReaderOptions("Mini", "https://example.org/mini/",
                        Freshness(dt.date(2027, 1, 15)))


def test_every_macro_has_a_golden_case():
    assert set(MACROS) <= {case[1] for case in CASES}


@pytest.mark.parametrize("golden,name,args,url,lang", CASES, ids=[c[0] for c in CASES])
def test_golden(mini_factbase, golden, name, args, url, lang):
    html = Site(mini_factbase, OPTIONS).call(PageContext(url=url, lang=lang, src_path="t.md"), name, args)
    path = GOLDEN / f"{golden}.html"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(html.strip() + "\n", encoding="utf-8")
        return
    assert path.is_file(), f"{path} missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert html.strip() + "\n" == path.read_text(encoding="utf-8"), (
        f"{name}{tuple(args)} changed; if intended: UPDATE_GOLDEN=1 pytest {__file__}")

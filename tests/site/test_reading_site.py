"""What a reader meets in the built site's chrome: page titles, the search dialog's
name, Chinese heading anchors, the editors' guide outside the readers' sections."""

from __future__ import annotations

import html
import re

from kit import page_html


def _title(site, page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page_html(site, page), re.S)  # the head's
    return html.unescape(found.group(1).strip()) if found else ""


def test_the_home_pages_are_not_titled_twice(real_site):
    assert _title(real_site, "") == "Race & Reliance"
    assert _title(real_site, "zh/") == "竞逐与依赖"
    assert _title(real_site, "compute/") == "Compute - Race & Reliance"


def test_the_search_dialog_has_a_name(real_site):
    for page in ("", "zh/", "compute/"):
        assert re.search(r'role="dialog" aria-label="[^"]+"', page_html(real_site, page)), page


def test_chinese_headings_are_anchored_by_their_words(real_site):
    html = page_html(real_site, "zh/talent/")
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    assert ids and not [i for i in ids if re.fullmatch(r"_\d*", i)], ids
    assert any(re.search(r"[\u4e00-\u9fff]", i) for i in ids), ids


def test_the_editors_guide_is_under_about(real_site):
    html = page_html(real_site, "")
    tabs = re.findall(r'class="md-tabs__link"[^>]*>\s*([^<]+?)\s*<', html)
    assert "Editing" not in tabs and "About" in tabs, tabs

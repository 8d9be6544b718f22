"""End to end: a strict build of the real site, and checks on the built pages."""

from __future__ import annotations

import collections
import functools
import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest

from sitekit import ROOT, build, pages_of, parse

PAGES = ["", "compute/", "capital/", "talent/", "open-source/", "claims/", "timeline/",
         "sources/", "editing/"]
PAGES += ["zh/" + page for page in PAGES]  # the Chinese edition (test_site_i18n.py)
SUBPATH = "/race-and-reliance/"

# A figure with a unit typed in a page instead of asked for with figure().
TYPED_FIGURE = re.compile(
    r"(?:[$¥€£]\s?\d)"
    r"|(?:\d[\d,.]*\s*(?:%|per ?cent\b|percentage points?\b|billion\b|million\b|trillion\b"
    r"|bn\b|亿|万))",
    re.IGNORECASE,
)


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


def test_every_page_exists(real_site):
    missing = [p or "/" for p in PAGES if not (real_site / p / "index.html").is_file()]
    assert not missing


def test_every_fact_has_an_anchored_card(real_site, factbase):
    anchors = collections.Counter()
    for page in pages_of(real_site):
        anchors.update(i for i in parse(_html(real_site, page)).ids if i.startswith("fact-"))
    missing = [f for f in factbase.facts if f"fact-{f}" not in anchors]
    assert not missing, f"facts without a card on any page: {missing}"


def test_every_fact_is_on_its_theme_page(real_site, factbase):
    for fact in factbase.facts.values():
        for prefix in ("", "zh/"):
            assert f'id="fact-{fact.id}"' in _html(real_site, f"{prefix}{fact.theme.value}/"), (
                prefix + fact.id)


def test_every_in_site_fragment_link_resolves(real_site):
    """Evidence links (#fact-…), source links (#source-…) and every other #anchor."""
    ids = {page: parse(_html(real_site, page)).ids for page in pages_of(real_site)}
    broken, evidence_links = [], 0
    for page in ids:
        for _tag, url in parse(_html(real_site, page)).links:
            if "#" not in url or urlsplit(url).scheme:
                continue
            target = urljoin("/" + page, url)
            path, fragment = target.split("#", 1)
            target_page = path.lstrip("/")
            if not fragment or target_page not in ids:
                if fragment and target_page not in ids:
                    broken.append(f"/{page}: {url} (no such page)")
                continue
            evidence_links += fragment.startswith("fact-")
            if fragment not in ids[target_page]:
                broken.append(f"/{page}: {url}")
    assert evidence_links > 0
    assert not broken, "\n".join(broken[:50])


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
    assert index["config"]["separator"] == r"[\s\u200b\-]+"


def test_no_third_party_requests(real_site):
    problems = []
    for page in pages_of(real_site):
        html = _html(real_site, page)
        for m in re.finditer(r"<(script|link|img|iframe|source|video|audio)\b[^>]*>", html):
            tag = m.group(0)
            if re.search(r"""\b(src|href)=["']?(https?:)?//""", tag) and "canonical" not in tag:
                problems.append(f"/{page}: {tag[:120]}")
        if "api.github.com" in html or "fonts.googleapis" in html:
            problems.append(f"/{page}: calls a third-party service")
    assert not problems, "\n".join(problems)


class _SubpathHandler(SimpleHTTPRequestHandler):
    """Serves the site only under SUBPATH, like a GitHub Pages project site."""

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__not_here__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def log_message(self, *args) -> None:
        pass


def test_site_works_under_a_sub_path(real_site):
    handler = functools.partial(_SubpathHandler, directory=str(real_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        todo, seen, broken = [origin + SUBPATH], set(), []
        while todo:
            url = todo.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urlopen(url, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get("Content-Type", "")
            except HTTPError as exc:
                broken.append(f"{url} -> {exc.code}")
                continue
            if "html" not in kind:
                continue
            for _tag, link in parse(body.decode("utf-8")).links:
                absolute = urljoin(url, link).split("#", 1)[0]
                if absolute.startswith(origin) and absolute not in seen:
                    todo.append(absolute)
        assert len(seen) > len(PAGES)
        assert not broken, "\n".join(broken)
    finally:
        server.shutdown()
        server.server_close()

"""Browser gates: every page in headless Chromium (one browser for the session).

The `sweep` fixture (conftest.py) visits each page once, light then dark, taking a
screenshot and running axe-core in each palette; the tests below judge what it saw.
Needs Debian's chromium and `npm ci` (axe-core); skipped without them, failed with CI=true.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from . import browser as B
from . import checks

# Terms the search must find (override for another site: RR_SEARCH_EN / RR_SEARCH_ZH).
SEARCH_EN = os.environ.get("RR_SEARCH_EN", "China")
SEARCH_ZH = os.environ.get("RR_SEARCH_ZH", "中国")


def test_pages_load_without_errors(sweep):
    problems = []
    for r in sweep:
        where = "/" + r.page
        if r.error:
            problems.append(f"{where}: sweep failed: {r.error}")
        problems += [f"{where}: console error: {e}" for e in r.light.console_errors]
        problems += [f"{where}: uncaught exception: {e}" for e in r.light.page_errors]
        problems += [f"{where}: dialog opened: {e}" for e in r.light.dialogs]
    assert not problems, "\n".join(problems)


def test_no_request_leaves_the_local_server(sweep):
    problems = [f"/{r.page}: external request {u}" for r in sweep for u in r.light.external_requests]
    assert not problems, "\n".join(problems)


def test_accessibility_wcag21_aa_light_and_dark(sweep):
    """axe-core: no WCAG 2.1 A/AA violations (exclusions: browser.AXE_DISABLED_RULES)."""
    problems = []
    for r in sweep:
        for palette in ("light", "dark"):
            if palette not in r.axe:
                problems.append(f"/{r.page} [{palette}]: axe did not run ({r.error})")
                continue
            problems += B.format_axe(f"/{r.page} [{palette}]", r.axe[palette])
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def test_palette_toggle_switches_scheme(sweep):
    problems = []
    for r in sweep:
        before, after = r.schemes or (None, None)
        if not before or not after or before == after:
            problems.append(f"/{r.page}: data-md-color-scheme {before!r} -> {after!r} after the toggle")
    assert not problems, "\n".join(problems)


def test_screenshots_light_and_dark(sweep):
    missing = [str(p) for r in sweep for p in r.screenshots if not p.is_file() or p.stat().st_size == 0]
    count = sum(len(r.screenshots) for r in sweep)
    assert count == 2 * len(sweep) and not missing, f"missing screenshots: {missing}"


def test_loaded_page_weight(sweep, site_dir, served):
    """What the browser actually fetched per page (minus the search index) is under budget."""
    problems = []
    for r in sweep:
        total, seen = 0, set()
        for url in r.light.local_requests:
            path = url.split("?")[0].split("#")[0]
            rel = path[len(served.base_url):]
            f = site_dir / rel
            f = f / "index.html" if (rel == "" or rel.endswith("/")) else f
            if rel in seen or not f.is_file() or checks.WEIGHT_EXCLUDED.search(rel):
                continue
            seen.add(rel)
            total += f.stat().st_size
        if total > checks.PAGE_BUDGET_BYTES:
            problems.append(f"/{r.page}: loaded {total:,} bytes > {checks.PAGE_BUDGET_BYTES:,}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("term", [SEARCH_EN, SEARCH_ZH], ids=["english", "chinese"])
def test_search_finds(term, browser, served, pages):
    ctx, page, visit = B.open_page(browser, served.origin, served.url(""))
    try:
        results = B.search(page, term)
    finally:
        ctx.close()
    assert results, f"search for {term!r} gave no results"
    assert not visit.external_requests, visit.external_requests


@pytest.mark.parametrize("home,term,inside", [("", SEARCH_EN, ""), ("zh/", SEARCH_ZH, "zh/")],
                         ids=["english-site", "chinese-site"])
def test_search_results_stay_in_the_page_language(home, term, inside, browser, served, pages):
    """Each edition searches its own index: a search on the Chinese site lists Chinese
    pages (under /zh/), best first; one on the English site lists no /zh/ page."""
    if home not in pages:
        pytest.fail(f"no /{home} page to search from", pytrace=False)
    ctx, page, visit = B.open_page(browser, served.origin, served.url(home))
    try:
        links = B.search_links(page, term)
    finally:
        ctx.close()
    assert links, f"search for {term!r} on /{home} gave no results"
    zh_root = served.url("zh/")
    wrong = [u for u in links if u.startswith(zh_root) != bool(inside)]
    assert not wrong, f"/{home}: results for {term!r} outside the edition: {wrong[:5]}"
    assert not visit.external_requests, visit.external_requests


@pytest.fixture(scope="session")
def figure_page(site_dir, pages) -> str:
    """The first page that has a figure (evidence) link."""
    for page in pages:
        html = checks.page_file(site_dir, page).read_text("utf-8")
        if "#fact-" in html:
            return page
    pytest.fail("no page has a figure link (a[href*='#fact-']) to an evidence card", pytrace=False)


def _assert_landed(page, frag: str, how: str) -> None:
    B.wait_for_hash(page, frag)
    state = B.target_state(page, frag)
    assert state.get("exists"), f"{how}: no element #{frag} after following the link"
    assert state["visible"] and state["in_viewport"], f"{how}: #{frag} not visible: {state}"
    assert state["targeted"], f"{how}: #{frag} is not the :target: {state}"


def test_evidence_link_by_click(browser, served, figure_page):
    ctx, page, visit = B.open_page(browser, served.origin, served.url(figure_page))
    try:
        link = B.first_figure_link(page)
        assert link is not None, f"/{figure_page}: no visible figure link"
        frag = B.fragment_of(link.get_attribute("href"))
        link.click()
        _assert_landed(page, frag, f"/{figure_page} click")
    finally:
        ctx.close()


def test_evidence_link_by_keyboard(browser, served, figure_page):
    ctx, page, visit = B.open_page(browser, served.origin, served.url(figure_page))
    try:
        link = B.first_figure_link(page)
        assert link is not None, f"/{figure_page}: no visible figure link"
        frag = B.fragment_of(link.get_attribute("href"))
        presses = B.tab_to(page, link)
        assert presses > 0, f"/{figure_page}: Tab never reaches the figure link to #{frag}"
        page.keyboard.press("Enter")
        _assert_landed(page, frag, f"/{figure_page} Tab x{presses} + Enter")
    finally:
        ctx.close()


@pytest.fixture(scope="session")
def chart_pages(site_dir, pages) -> list[str]:
    """Every page that draws a chart."""
    return [p for p in pages
            if 'class="rr-chart ' in checks.page_file(site_dir, p).read_text("utf-8")]


def test_chart_text_is_legible_on_a_phone(browser, served, chart_pages):
    """At 390 CSS px wide, in both languages, no text of any chart renders under 12 CSS
    px (an SVG's text counts at the size it is drawn, after the SVG is scaled to fit),
    no chart is wider than the screen, and the dots that tell a change chart's later
    figure from its earlier one are drawn."""
    assert any(p.startswith("zh/") for p in chart_pages), "no Chinese page draws a chart"
    assert any(not p.startswith("zh/") for p in chart_pages), "no English page draws a chart"
    problems, measured = [], []
    for path in chart_pages:
        ctx, page, visit = B.open_page(browser, served.origin, served.url(path),
                                       viewport=B.PHONE)
        try:
            found = B.chart_text_sizes(page)
        finally:
            ctx.close()
        for chart in found:
            measured.append(f"/{path}#{chart['id']}: {chart['texts']} texts, "
                            f"smallest {chart['min']:.1f}px")
            if not chart["texts"]:
                problems.append(f"/{path}#{chart['id']}: no visible text at 390px")
            problems += [f"/{path}#{chart['id']}: {s}" for s in chart["small"]]
            if chart["overflow"]:
                problems.append(f"/{path}#{chart['id']}: wider than the screen at 390px")
            if chart["bad_dots"]:
                problems.append(f"/{path}#{chart['id']}: {chart['bad_dots']} filled dots "
                                "are not drawn round and filled")
    print("\n".join(measured))
    assert measured, "no chart measured"
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- who says what

CLAIMS_PAGES = ["claims/", "zh/claims/", "claims/by-theme/", "claims/by-speaker/"]
MIN_TEXT_COLUMN_PX = 260  # the narrowest an entry's text may be (issue 12: ~140 px before)
MIN_TEXT_PX = 12

# The content width of each entry's text (its statement paragraph), and the smallest
# computed font size of any visible text in the article.
_CLAIMS_LAYOUT_JS = """() => {
    const widths = [...document.querySelectorAll('li.rr-view .rr-view__statement')]
        .filter(p => p.offsetParent !== null)
        .map(p => { const s = getComputedStyle(p);
                    return p.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); });
    let smallest = Infinity, where = '';
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (!walker.currentNode.textContent.trim() || !el || el.offsetParent === null) continue;
        if (el.closest('details:not([open])') && !el.closest('summary')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < smallest) { smallest = size; where = el.tagName + '.' + el.className; }
    }
    return {n: widths.length, narrowest: Math.min(...widths), smallest, where,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


def _claims_page(pages, page_path: str) -> None:
    if page_path not in pages:
        pytest.fail(f"no /{page_path} page in the built site", pytrace=False)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("page_path", CLAIMS_PAGES)
def test_claims_text_columns_are_wide_enough(browser, served, pages, page_path, width):
    """Who says what: at 1280 and 390 px wide no entry's text column is narrower than
    MIN_TEXT_COLUMN_PX, no text is under MIN_TEXT_PX, nothing scrolls sideways."""
    _claims_page(pages, page_path)
    ctx, page, visit = B.open_page(browser, served.origin, served.url(page_path))
    try:
        page.set_viewport_size({"width": width, "height": 900})
        layout = page.evaluate(_CLAIMS_LAYOUT_JS)
    finally:
        ctx.close()
    print(f"/{page_path} at {width} px: {layout}")
    assert layout["n"] > 0, f"/{page_path}: no entries"
    assert layout["narrowest"] >= MIN_TEXT_COLUMN_PX, (
        f"/{page_path} at {width} px: an entry's text is {layout['narrowest']:.0f} px wide")
    assert layout["smallest"] >= MIN_TEXT_PX, (
        f"/{page_path} at {width} px: {layout['where']} text is {layout['smallest']} px")
    assert layout["overflow"] <= 0, f"/{page_path} at {width} px scrolls sideways"


def _shown_views(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('li.rr-view')]
        .filter(li => li.offsetParent !== null)
        .map(li => ({id: li.id, theme: li.dataset.theme, speaker: li.dataset.speaker}))""")


def test_claims_page_is_whole_without_script(browser, served, pages):
    """Without JavaScript: every entry shows, with its date; the filter form stays
    hidden; the quote is closed and opens from its summary."""
    _claims_page(pages, "claims/")
    ctx, page, visit = B.open_page(browser, served.origin, served.url("claims/"),
                                   java_script_enabled=False)
    try:
        shown = _shown_views(page)
        total = page.locator("li.rr-view").count()
        assert shown and len(shown) == total
        assert not page.locator("form.rr-claims-filter").is_visible()
        dates = page.locator("li.rr-view .rr-view__date")
        assert dates.count() == total
        assert all(t.strip() for t in dates.all_inner_texts())
        first = page.locator("li.rr-view details.rr-view__quote").first
        quote = first.locator("q").first
        assert not quote.is_visible()
        first.locator("summary").click()
        assert quote.is_visible()
    finally:
        ctx.close()


def test_claims_filter_by_speaker_and_theme(browser, served, pages):
    """With JavaScript the form appears and filters in place, keeps the choice in the
    address, and 'Show all' brings every entry back."""
    _claims_page(pages, "claims/")
    ctx, page, visit = B.open_page(browser, served.origin, served.url("claims/"))
    try:
        form = page.locator("form.rr-claims-filter")
        assert form.is_visible()
        everything = _shown_views(page)
        speaker = form.locator("select[name=speaker] option").nth(1).get_attribute("value")
        form.locator("select[name=speaker]").select_option(speaker)
        shown = _shown_views(page)
        assert shown and {v["speaker"] for v in shown} == {speaker}
        assert len(shown) == sum(v["speaker"] == speaker for v in everything)
        status = form.locator(".rr-claims-filter__status").inner_text()
        assert str(len(shown)) in status and str(len(everything)) in status
        assert f"speaker={speaker}" in page.url
        # Empty questions go, with their headings.
        hidden_heads = page.evaluate("""() => [...document.querySelectorAll('h2[id^="q-"]')]
            .filter(h => h.hidden).length""")
        assert hidden_heads > 0
        form.locator("select[name=speaker]").select_option("")
        theme = "capital"
        form.locator("select[name=theme]").select_option(theme)
        shown = _shown_views(page)
        assert shown and {v["theme"] for v in shown} == {theme}
        form.locator("button[type=reset]").click()
        page.wait_for_function("() => !location.search")
        assert len(_shown_views(page)) == len(everything)
    finally:
        ctx.close()
    assert not visit.console_errors and not visit.page_errors, visit


# --------------------------------------------------------------------------- the fact index

FACT_INDEX = "facts/"
_ROWS = "tr[data-kind]"


def _visible_rows(page) -> list[dict]:
    """The fact index's visible rows, in the order shown: kind, theme, text, sort keys."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('tr[data-kind]'))
        .filter(tr => tr.offsetParent !== null)
        .map(tr => ({kind: tr.dataset.kind, theme: tr.dataset.theme,
                     text: tr.textContent.toLowerCase(),
                     statement: tr.cells[0].textContent.trim(),
                     date: tr.cells[4].dataset.sort}))""")


def _status(page) -> str:
    return page.locator("[data-rr-status]").inner_text()


def _fact_index(pages) -> str:
    if FACT_INDEX not in pages:
        pytest.fail(f"no /{FACT_INDEX} page", pytrace=False)
    return FACT_INDEX


def test_fact_index_sorts_and_filters(browser, served, pages):
    """With JavaScript: column headings sort (aria-sort says how), filters by kind and
    words hide the other rows and say how many are shown, a theme link restores the
    groups; all by mouse and keyboard, with no request off the server."""
    ctx, page, visit = B.open_page(browser, served.origin, served.url(_fact_index(pages)))
    try:
        total = int(page.get_attribute("[data-rr-factindex]", "data-total"))
        assert page.locator(_ROWS).count() == total > 0
        assert page.is_visible("[data-rr-controls]")
        assert str(total) in _status(page)

        date = page.locator("th", has=page.locator("button")).nth(4)
        date.locator("button").click()
        assert date.get_attribute("aria-sort") == "ascending"
        keys = [r["date"] for r in _visible_rows(page)]
        known = [k for k in keys if not k.startswith("9999")]
        assert len(keys) == total and known == sorted(known)
        assert keys[len(known):] == [k for k in keys if k.startswith("9999")], "unknown last"
        assert not page.is_visible("tbody[data-rr-group]"), "a sorted list has no groups"

        date.locator("button").press("Enter")  # the keyboard reverses it
        assert date.get_attribute("aria-sort") == "descending"
        known = [r["date"] for r in _visible_rows(page) if not r["date"].startswith("9999")]
        assert known == sorted(known, reverse=True)

        page.select_option("[data-rr-filter=kind]", "claim")
        shown = _visible_rows(page)
        claims = page.locator("tr[data-kind=claim]").count()
        assert 0 < len(shown) == claims < total
        assert {r["kind"] for r in shown} == {"claim"}
        assert f"{claims}" in _status(page)

        page.select_option("[data-rr-filter=kind]", "")
        page.fill("[data-rr-filter=q]", "nvidia")
        shown = _visible_rows(page)
        assert 0 < len(shown) < total and all("nvidia" in r["text"] for r in shown)
        page.fill("[data-rr-filter=q]", "zzzz-no-such-fact")
        assert _visible_rows(page) == [] and _status(page) == page.get_attribute(
            "[data-rr-factindex]", "data-none")
        page.fill("[data-rr-filter=q]", "")

        page.select_option("[data-rr-filter=theme]", "compute")
        page.click(".rr-factindex__jump a[href='#facts-talent']")
        assert page.input_value("[data-rr-filter=theme]") == "", "the theme link shows it"
        assert page.is_visible("#facts-talent")
        assert page.locator("th[aria-sort]").count() == 0
        assert len(_visible_rows(page)) == total
        assert not visit.console_errors and not visit.page_errors
        assert not visit.external_requests, visit.external_requests
    finally:
        ctx.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["no-javascript", "javascript"])
def test_fact_index_is_complete_and_readable_on_a_phone(browser, served, pages, javascript):
    """Without JavaScript every fact is listed, grouped by theme, and no dead control
    shows; at 390 px wide (either way) nothing of the table reaches past the screen and
    none of its text is under 12 CSS px."""
    ctx, page, visit = B.open_page(browser, served.origin, served.url(_fact_index(pages)),
                                   java_script_enabled=javascript)
    try:
        total = int(page.get_attribute("[data-rr-factindex]", "data-total"))
        assert len(_visible_rows(page)) == total
        assert page.is_visible("[data-rr-controls]") == javascript
        assert (page.locator(".rr-factindex__sort").count() > 0) == javascript
        assert page.locator("tbody[data-rr-group]").count() == 4
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(100)
        wide = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.rr-factindex, .rr-factindex *')).filter(e => e.offsetParent !== null &&
            e.getBoundingClientRect().right > 390.5).map(e => e.tagName + '.' + e.className)""")
        assert not wide, f"wider than the 390 px screen: {wide[:5]}"
        smallest = page.evaluate("""() => Math.min(...Array.from(
            document.querySelectorAll('.rr-factindex *'))
            .filter(e => e.offsetParent !== null && e.childNodes.length &&
                    Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
        assert smallest >= 12, f"table text at {smallest} px"
        assert len(_visible_rows(page)) == total
    finally:
        ctx.close()


# --------------------------------------------------------------------------- evidence in one tap

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="session")
def preview_pages(site_dir, pages) -> dict[str, str]:
    """For each edition, the first page with an inline figure whose card is on the same
    page (a theme page): where hover, focus and tap are tried."""
    found: dict[str, str] = {}
    for page in pages:
        lang = "zh" if page.startswith("zh/") else "en"
        if lang not in found and re.search(
                r'class="rr-figure[^"]*" id="ref-[^"]+" href="#fact-[^"]+" target="_self" '
                r'interestfor="pop-',
                checks.page_file(site_dir, page).read_text("utf-8")):
            found[lang] = page
    missing = {"en", "zh"} - set(found)
    if missing:
        pytest.fail(f"no page with an inline figure and its card in {missing}", pytrace=False)
    return found


def _assert_preview(page, link, how: str, lang: str) -> dict:
    """The preview of ``link`` is open, in view, and shows its own fact's quote (the
    card's), with our translation on the English site only."""
    assert B.wait_for_preview(page, link), f"{how}: the preview did not open"
    state = B.preview_state(page, link)
    assert state["visible"] and state["in_viewport"], f"{how}: preview not in view: {state}"
    assert state["quote"] and state["quote"].strip("“”\"") == state["card_quote"], \
        f"{how}: the preview's quote is not its card's: {state}"
    if lang == "en":
        assert state["translation"] and state["translation"].startswith("Our translation:"), state
    else:
        assert state["translation"] is None, f"{how}: an English translation on /zh/"
    assert any(h and h.startswith("#fact-") for h in state["links"]), state["links"]
    assert any(h and "facts/" in h for h in state["links"]), "no permalink in the preview"
    assert state["min_font_px"] >= 12, f"{how}: text under 12 px in the preview: {state}"
    return state


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_evidence_preview_by_hover_focus_and_tap(lang, browser, served, preview_pages,
                                                 axe_source):
    """An inline figure's preview shows its quote in place: by hovering it, by reaching
    it with Tab, and by tapping it on a phone (which does not leave the page; a second
    tap closes it). axe finds nothing with the preview open, in light and dark."""
    url = served.url(preview_pages[lang])
    where = f"/{preview_pages[lang]}"

    ctx, page, _ = B.open_page(browser, served.origin, url)
    try:  # hover
        link = B.first_preview_link(page)
        assert link is not None, f"{where}: no visible inline figure"
        link.scroll_into_view_if_needed()
        link.hover()
        state = _assert_preview(page, link, f"{where} hover", lang)
        assert not state["covers_link"], f"{where}: the preview hides its figure: {state}"
        violations = B.run_axe(page, axe_source)
        assert not violations, "\n".join(B.format_axe(f"{where} [light, preview]", violations))
        page.mouse.move(1, 1)
        assert B.wait_for_preview(page, link, is_open=False), f"{where}: stays open after hover"
    finally:
        ctx.close()

    ctx, page, _ = B.open_page(browser, served.origin, url)
    try:  # keyboard focus
        link = B.first_preview_link(page)
        presses = B.tab_to(page, link)
        assert presses > 0, f"{where}: Tab never reaches the figure"
        _assert_preview(page, link, f"{where} Tab x{presses}", lang)
        page.keyboard.press("Escape")
        assert B.wait_for_preview(page, link, is_open=False), f"{where}: Escape left it open"
    finally:
        ctx.close()

    ctx, page, _ = B.open_page(browser, served.origin, url, color_scheme="dark", **PHONE)
    try:  # tap, on a phone, in the dark palette
        link = B.first_preview_link(page)
        link.scroll_into_view_if_needed()
        link.tap()
        state = _assert_preview(page, link, f"{where} tap (390 px)", lang)
        assert state["hash"] == "", f"{where}: the tap left for {state['hash']}"
        assert not state["covers_link"], f"{where}: the sheet hides the tapped figure: {state}"
        violations = B.run_axe(page, axe_source)
        assert not violations, "\n".join(B.format_axe(f"{where} [dark, preview]", violations))
        for selector in (".rr-ref", ".rr-cite", ".rr-strength", ".rr-card__cited"):
            size = B.min_font_px(page, selector)
            assert size >= 12, f"{where}: {selector} text at {size} px on a 390 px phone"
        link.tap()
        assert B.wait_for_preview(page, link, is_open=False), f"{where}: a second tap left it open"
        assert B.preview_state(page, link)["hash"] == ""
    finally:
        ctx.close()


def test_evidence_preview_needs_no_script(browser, served, preview_pages):
    """With JavaScript off, hovering a figure still shows its preview (interestfor), and
    following it still reaches its card."""
    url = served.url(preview_pages["en"])
    ctx, page, _ = B.open_page(browser, served.origin, url, java_script_enabled=False)
    try:
        link = B.first_preview_link(page)
        link.scroll_into_view_if_needed()
        link.hover()
        _assert_preview(page, link, "no script: hover", "en")
        frag = B.fragment_of(link.get_attribute("href"))
        page.mouse.move(1, 1)
        link.click()
        _assert_landed(page, frag, "no script: click")
    finally:
        ctx.close()


def test_evidence_preview_where_the_browser_lacks_interestfor(browser, served, preview_pages):
    """Where a browser has popover but not interestfor, evidence.js opens the preview on
    hover and on keyboard focus, and closes it when the pointer leaves."""
    url = served.url(preview_pages["en"])
    visit = B.Visit(url)
    ctx = B.new_context(browser, served.origin, visit)
    ctx.add_init_script(B.WITHOUT_INTEREST_FOR)
    page = ctx.new_page()
    try:
        page.goto(url, wait_until="load")
        page.add_style_tag(content=B.NATIVE_INTEREST_OFF)
        assert not page.evaluate("'interestForElement' in HTMLAnchorElement.prototype")
        link = B.first_preview_link(page)
        link.scroll_into_view_if_needed()
        link.hover()
        _assert_preview(page, link, "script: hover", "en")
        page.mouse.move(1, 1)
        assert B.wait_for_preview(page, link, is_open=False), "script: stays open after hover"
        presses = B.tab_to(page, link)
        _assert_preview(page, link, f"script: Tab x{presses}", "en")
    finally:
        ctx.close()


def test_a_card_links_back_to_the_sentence(browser, served, preview_pages):
    """A card's "↩ 1" returns to the sentence citing it: the citation is the :target,
    in view."""
    ctx, page, _ = B.open_page(browser, served.origin, served.url(preview_pages["en"]))
    try:
        back = page.locator("a.rr-card__back").first
        frag = B.fragment_of(back.get_attribute("href"))
        assert frag.startswith("ref-"), frag
        back.scroll_into_view_if_needed()
        back.click()
        _assert_landed(page, frag, "back-link")
    finally:
        ctx.close()


# --------------------------------------------------------------------------- deferred layout

# The long pages whose cards or (on a phone) index rows are laid out only as they near the
# screen (content-visibility: auto), in both languages.
DEFERRED_PAGES = [f"{lang}{page}" for lang in ("", "zh/") for page in (
    "compute/", "capital/", "talent/", "open-source/", "facts/")]

# Each unit laid out on demand: the height its placeholder gives it (contain-intrinsic-size)
# and the height it has once laid out.
_DEFERRED_JS = """() => {
  const units = [...document.querySelectorAll('article *')]
    .filter(e => getComputedStyle(e).contentVisibility === 'auto');
  const held = units.map(e => parseFloat(getComputedStyle(e).containIntrinsicHeight
    .split(' ').pop()));
  const style = document.createElement('style');
  style.textContent = 'article * { content-visibility: visible !important; }';
  document.head.append(style);
  return units.map((e, i) => ({unit: e.id || e.className, placeholder: held[i],
                               height: e.getBoundingClientRect().height}));
}"""


# The narrowest width of each band the placeholders are set for (where units are tallest).
@pytest.mark.parametrize("width", [320, 480, 960])
def test_deferred_layout_placeholders_are_taller_than_their_units(browser, served, pages,
                                                                   width):
    """Each card and phone index row laid out only as it nears the screen has a
    placeholder height above its own: a unit not yet shown is still measured by
    whoever asks for its boxes (axe's target-size and color-contrast among them), and one
    taller than its placeholder overlaps the next unit there."""
    problems, counted = [], 0
    for path in DEFERRED_PAGES:
        if path not in pages:
            problems.append(f"/{path}: not in the built site")
            continue
        ctx, page, visit = B.open_page(browser, served.origin, served.url(path),
                                       viewport={"width": width, "height": 800})
        try:
            units = page.evaluate(_DEFERRED_JS)
        finally:
            ctx.close()
        counted += len(units)
        tallest = max(units, key=lambda u: u["height"] - u["placeholder"], default=None)
        if tallest and tallest["height"] > tallest["placeholder"]:
            problems.append(f"/{path} at {width} px: {tallest['unit']} is "
                            f"{tallest['height']:.0f} px, its placeholder "
                            f"{tallest['placeholder']:.0f} px")
    assert counted, "no unit is laid out on demand"


# --------------------------------------------------------------------------- reader pages

#: The pages a reader meets first, one of each template, in both languages (issue 12's
#: screenshot set): the home page, a theme page, the claims map, a fact page, the index.
READER_PAGES = ["", "capital/", "claims/", "facts/deepseek-v3-final-training-run-cost-6m/",
                "facts/"]
READER_WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": B.PHONE}
READER_SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots" / "reader"

# Widths that run past the viewport (a horizontal scroll), and whether the header's site
# name is cut (Material ellipsises it when the header is short of room). The text's own
# width is measured with a Range: scrollWidth rounds, and a cut of a pixel or less
# already replaces the last letters with "…".
_LAYOUT_JS = """() => {
  const title = document.querySelector('.md-header__topic .md-ellipsis');
  let cut = null;
  if (title) {
    const range = document.createRange();
    range.selectNodeContents(title);
    cut = range.getBoundingClientRect().width > title.getBoundingClientRect().width + 0.25;
  }
  return {scroll: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
          title: title ? title.textContent.trim() : null, titleCut: cut};
}"""


def test_reader_pages_at_desktop_and_phone_in_both_palettes(browser, served, pages):
    """The five reader pages in both languages at 1280 and 390 CSS px, light and dark:
    a screenshot of each is saved under test-output/screenshots/reader/ (to be looked
    at), and none scrolls sideways or cuts the site name in the header."""
    READER_SHOTS.mkdir(parents=True, exist_ok=True)
    problems, saved = [], []
    paths = [p for base in READER_PAGES for p in (base, "zh/" + base)]
    assert not [p for p in paths if p not in pages], "a reader page is not built"
    for width_name, viewport in READER_WIDTHS.items():
        tab = B.Tab(browser, served.origin)  # each page starts in the light palette
        tab.page.set_viewport_size(viewport)
        try:
            for path in paths:
                tab.open(served.url(path))
                layout = tab.page.evaluate(_LAYOUT_JS)
                for scheme in ("light", "dark"):
                    if scheme == "dark":
                        B.toggle_palette(tab.page)
                    shot = READER_SHOTS / f"{B.slug(path)}-{width_name}-{scheme}.png"
                    tab.page.screenshot(path=str(shot))
                    saved.append(shot)
                if layout["scroll"] > layout["view"]:
                    problems.append(f"/{path} at {viewport['width']}px: {layout['scroll']}px "
                                    f"wide, scrolls sideways")
                if layout["titleCut"]:
                    problems.append(f"/{path} at {viewport['width']}px: the header cuts the "
                                    f"site name {layout['title']!r}")
        finally:
            tab.close()
    assert len(saved) == 4 * len(paths) and all(s.stat().st_size > 0 for s in saved)
    assert not problems, "\n".join(problems)

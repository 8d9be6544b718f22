"""Browser-side checks (Playwright for Python driving Debian's Chromium).

Every function takes Playwright objects and returns data or problem lists; the tests
decide what is a failure. One browser serves the whole session; each page gets a fresh
context, so its palette starts at the default and nothing leaks between pages.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .tools import CHROMIUM_ARGS

# WCAG 2.1 A and AA, as the issue asks.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# axe rules we do not run, each with its reason. This is the ONE place for exclusions;
# theme problems are fixed in docs/assets/stylesheets/quality-fixes.css instead.
AXE_DISABLED_RULES: dict[str, str] = {}

# Elements axe should not look at, each with its reason (CSS selectors).
AXE_EXCLUDE: dict[str, str] = {}

VIEWPORT = {"width": 1280, "height": 900}


def launch(playwright, executable_path: str):
    # Belt and braces: besides route interception, no host name resolves except the
    # loopback, so nothing can leave the machine even if a request slipped past a route.
    args = CHROMIUM_ARGS + ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
    return playwright.chromium.launch(executable_path=executable_path, args=args)


@dataclass
class Visit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    local_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


class _Recorder:
    """Where a context's and a page's handlers record: the current Visit."""

    def __init__(self, visit: Visit) -> None:
        self.visit = visit


def new_context(browser, origin: str, visit: Visit | _Recorder, **kwargs):
    """A context that records and blocks every request not to `origin` (scheme://host:port)."""
    rec = visit if isinstance(visit, _Recorder) else _Recorder(visit)
    ctx = browser.new_context(**{"viewport": VIEWPORT, "reduced_motion": "reduce",
                                 "service_workers": "block", **kwargs})

    def route(r):
        url = r.request.url
        parts = urlsplit(url)
        if url.startswith(("data:", "blob:", "about:")):
            return r.continue_()
        if f"{parts.scheme}://{parts.netloc}" == origin:
            rec.visit.local_requests.append(url)
            return r.continue_()
        rec.visit.external_requests.append(url)
        return r.abort("blockedbyclient")

    ctx.route("**/*", route)
    return ctx


def watch(page, visit: Visit | _Recorder) -> None:
    rec = visit if isinstance(visit, _Recorder) else _Recorder(visit)

    def on_console(msg):
        if msg.type == "error":
            loc = msg.location or {}
            rec.visit.console_errors.append(
                f"{msg.text} ({loc.get('url', '')}:{loc.get('lineNumber', '')})")

    def on_dialog(d):
        rec.visit.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda exc: rec.visit.page_errors.append(str(exc)))
    page.on("dialog", on_dialog)


def _settle(page, in_flight: set) -> None:
    """Wait until no request has been in flight for QUIET_MS (at most SETTLE_TIMEOUT_MS).

    After the load event the search worker fetches the index; Playwright's "networkidle"
    waits a fixed 500 ms window instead, most of a page's time in the sweep."""
    quiet = 0
    for _ in range(int(SETTLE_TIMEOUT_MS / POLL_MS)):
        quiet = quiet + POLL_MS if not in_flight else 0
        if quiet >= QUIET_MS:
            return
        page.wait_for_timeout(POLL_MS)


QUIET_MS, POLL_MS, SETTLE_TIMEOUT_MS = 150, 25, 5000


def _track_requests(page) -> set:
    in_flight: set = set()
    page.on("request", lambda r: in_flight.add(r))
    page.on("requestfinished", lambda r: in_flight.discard(r))
    page.on("requestfailed", lambda r: in_flight.discard(r))
    return in_flight


def open_page(browser, origin: str, url: str, settle: bool = True, **ctx_kwargs):
    """(context, page, visit) in a fresh context, with the page loaded and (if `settle`)
    its requests done."""
    visit = Visit(url)
    ctx = new_context(browser, origin, visit, **ctx_kwargs)
    page = ctx.new_page()
    watch(page, visit)
    in_flight = _track_requests(page)
    page.goto(url, wait_until="load")
    if settle:
        _settle(page, in_flight)
    return ctx, page, visit


class Tab:
    """One tab that visits page after page, each visit recorded as its own Visit.

    Cheaper than a context per page (no new renderer process each time) and as clean:
    every document starts with empty web storage (an init script), so each page starts
    in the default palette, and service workers are blocked."""

    def __init__(self, browser, origin: str) -> None:
        self._rec = _Recorder(Visit(""))
        self.context = new_context(browser, origin, self._rec)
        self.context.add_init_script("try { localStorage.clear(); sessionStorage.clear() } "
                                     "catch (e) {}")
        self.page = self.context.new_page()
        watch(self.page, self._rec)
        self._in_flight = _track_requests(self.page)

    def open(self, url: str) -> Visit:
        self.page.goto("about:blank")  # the previous page's late events stay its own
        self._rec.visit = visit = Visit(url)
        self.page.goto(url, wait_until="load")
        _settle(self.page, self._in_flight)
        return visit

    def close(self) -> None:
        self.context.close()


# --------------------------------------------------------------------------- axe


# The rules whose verdict depends on the colour palette. Toggling the palette changes
# CSS colour variables, and in the DOM only which of the header's two toggle labels is
# hidden; the other WCAG 2.1 A/AA rules give the same answer in both palettes on a
# page's content. The sweep runs every rule in the light palette, and in the dark one
# these on every page and every rule on each language's home page (for the header).
PALETTE_RULES = ["color-contrast", "link-in-text-block"]


def run_axe(page, axe_source: str, rules: list[str] | None = None) -> list[dict]:
    """axe-core violations of WCAG 2.1 A/AA on the page as it is now (only ``rules``,
    when given)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    run_only = ({"type": "rule", "values": [r for r in rules if r not in AXE_DISABLED_RULES]}
                if rules else {"type": "tag", "values": AXE_TAGS})
    options = {
        "runOnly": run_only,
        "rules": {rule: {"enabled": False} for rule in AXE_DISABLED_RULES},
        "resultTypes": ["violations"],
    }
    context = {"exclude": [[sel] for sel in AXE_EXCLUDE]} if AXE_EXCLUDE else None
    result = page.evaluate(
        """async ([context, options]) => {
            const r = await axe.run(context || document, options);
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => ({
                    target: n.target.join(' '), html: n.html.slice(0, 200),
                    summary: (n.failureSummary || '').slice(0, 300)})),
                count: v.nodes.length}));
        }""",
        [context, options],
    )
    return result


def format_axe(where: str, violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        nodes = "; ".join(f"{n['target']} {n['html']!r}" for n in v["nodes"][:3])
        out.append(f"{where}: {v['id']} ({v['impact']}, {v['count']} nodes): {v['help']} -- {nodes}")
    return out


# --------------------------------------------------------------------------- palette


def color_scheme(page) -> str | None:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def toggle_palette(page) -> tuple[str | None, str | None]:
    """Click Material's palette toggle; returns (scheme before, scheme after)."""
    before = color_scheme(page)
    label = page.locator("form[data-md-component=palette] label:not([hidden])").first
    label.click()
    with contextlib.suppress(Exception):  # the caller judges before and after
        page.wait_for_function(
            "b => document.body.getAttribute('data-md-color-scheme') !== b", arg=before,
            timeout=3000)
    return before, color_scheme(page)


# --------------------------------------------------------------------------- search


def search(page, term: str, timeout: float = 15000) -> list[str]:
    """Type `term` into Material's search box; return the result titles."""
    query = page.locator("input[data-md-component=search-query]")
    if not query.is_visible():
        page.locator("label[for=__search]").first.click()
    query.click()
    query.fill("")
    query.press_sequentially(term, delay=20)
    # Non-ASCII text arrives as inserted text (as from an IME), which fires no keyup;
    # Material's search listens to keyup, so end the input with a key, as a person does.
    query.press("End")
    items = page.locator(".md-search-result__item")
    try:
        items.first.wait_for(state="attached", timeout=timeout)
    except Exception:
        return []
    page.wait_for_timeout(200)
    return [t.strip() for t in items.all_inner_texts()]


def search_links(page, term: str, timeout: float = 15000) -> list[str]:
    """Type `term` into Material's search box; return the result links (absolute URLs),
    best first."""
    if not search(page, term, timeout):
        return []
    return page.eval_on_selector_all(".md-search-result__item > a, .md-search-result__link",
                                     "els => els.map(a => a.href)")


# --------------------------------------------------------------------------- evidence links

FIGURE_SELECTOR = 'a[href*="#fact-"]'


def first_figure_link(page):
    links = page.locator(FIGURE_SELECTOR)
    for i in range(links.count()):
        link = links.nth(i)
        if link.is_visible():
            return link
    return None


def target_state(page, frag: str) -> dict:
    return page.evaluate(
        """frag => {
            const el = document.getElementById(frag);
            if (!el) return {exists: false};
            const r = el.getBoundingClientRect();
            const t = document.querySelector(':target');
            return {exists: true, hash: decodeURIComponent(location.hash),
                    targeted: t === el,
                    visible: r.width > 0 && r.height > 0 &&
                             getComputedStyle(el).visibility !== 'hidden',
                    in_viewport: r.top < innerHeight && r.bottom > 0,
                    top: r.top};
        }""",
        frag,
    )


def wait_for_hash(page, frag: str, timeout: float = 5000) -> None:
    page.wait_for_function(
        "f => decodeURIComponent(location.hash) === '#' + f", arg=frag, timeout=timeout
    )
    page.wait_for_timeout(150)  # let scrolling finish


def tab_to(page, link, max_tabs: int = 600) -> int:
    """Press Tab until `link` has focus; returns the number of presses (-1 if never)."""
    handle = link.element_handle()
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for i in range(1, max_tabs + 1):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            return i
    return -1


def fragment_of(href: str) -> str:
    return urlsplit(href).fragment


# --------------------------------------------------------------------------- evidence previews

PREVIEW_LINK = "a.rr-figure[interestfor]"

# What a browser without interest invokers (interestfor) sees: no native support, as
# evidence.js detects it, and a native delay too long to matter during a test, so that
# only the script can open a preview on hover or focus.
WITHOUT_INTEREST_FOR = """
for (let p = HTMLAnchorElement.prototype; p; p = Object.getPrototypeOf(p))
  if (Object.prototype.hasOwnProperty.call(p, 'interestForElement')) delete p.interestForElement;
"""
NATIVE_INTEREST_OFF = "a[interestfor] { interest-delay: 1000s !important; }"


def first_preview_link(page, selector: str = PREVIEW_LINK):
    """The first visible inline figure whose card is on the page (href '#fact-…')."""
    links = page.locator(f'{selector}[href^="#fact-"]')
    for i in range(links.count()):
        link = links.nth(i)
        if link.is_visible():
            return link
    return None


def preview_state(page, link) -> dict:
    """The preview ``link`` opens, as the reader sees it now: open or not, its box, its
    quote and translation, the quote on the card the link leads to, the smallest text
    in it, whether it covers the link, and the page's hash."""
    return page.evaluate(
        """a => {
            const pop = document.getElementById(a.getAttribute('interestfor'));
            if (!pop) return {exists: false};
            const r = pop.getBoundingClientRect(), l = a.getBoundingClientRect();
            const card = document.getElementById(
                decodeURIComponent(new URL(a.href).hash.slice(1)));
            const text = el => el ? el.textContent.trim() : null;
            const sizes = [pop, ...pop.querySelectorAll('*')]
                .filter(e => e.textContent.trim() && e.getClientRects().length)
                .map(e => parseFloat(getComputedStyle(e).fontSize));
            return {
                exists: true, open: pop.matches(':popover-open'),
                visible: r.width > 0 && r.height > 0,
                in_viewport: r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 &&
                             r.right <= innerWidth + 1,
                covers_link: !(l.bottom <= r.top || l.top >= r.bottom ||
                               l.right <= r.left || l.left >= r.right),
                quote: text(pop.querySelector('.rr-pop__quote')),
                translation: text(pop.querySelector('.rr-pop__translation')),
                card_quote: card ? text(card.querySelector('.rr-card__original')) : null,
                links: [...pop.querySelectorAll('a')].map(x => x.getAttribute('href')),
                min_font_px: sizes.length ? Math.min(...sizes) : 0,
                hash: decodeURIComponent(location.hash),
            };
        }""",
        link.element_handle(),
    )


def wait_for_preview(page, link, is_open: bool = True, timeout: float = 3000) -> bool:
    """Wait until the link's preview is open (or closed); False if it never is. Polled
    from here, not in the page: a page with JavaScript off runs no timers."""
    handle = link.element_handle()
    for _ in range(int(timeout / POLL_MS)):
        if page.evaluate("""a => {
                const pop = document.getElementById(a.getAttribute('interestfor'));
                return !!pop && pop.matches(':popover-open');
            }""", handle) == is_open:
            return True
        page.wait_for_timeout(POLL_MS)
    return False


def min_font_px(page, selector: str) -> float:
    """The smallest computed font size of visible text in the elements ``selector``
    matches (and their descendants); 0 when none is visible."""
    return page.evaluate(
        """sel => {
            const els = [...document.querySelectorAll(sel)]
                .flatMap(e => [e, ...e.querySelectorAll('*')])
                .filter(e => e.textContent.trim() && e.getClientRects().length &&
                             getComputedStyle(e).clip !== 'rect(0px, 0px, 0px, 0px)' &&
                             !e.closest('.rr-sr'));
            return els.length ? Math.min(...els.map(
                e => parseFloat(getComputedStyle(e).fontSize))) : 0;
        }""",
        selector,
    )


# --------------------------------------------------------------------------- injection


def text_shows_literally(page, needles: list[str]) -> list[str]:
    """Needles that do not appear as visible text on the page."""
    text = page.evaluate("document.body.innerText")
    return [n for n in needles if n not in text]


def injected_markup(page) -> list[str]:
    """Live DOM elements/attributes that hostile text would have created."""
    return page.evaluate(
        """() => {
            const out = [];
            for (const s of document.querySelectorAll('script:not([src])')) {
                if (s.type === 'application/ld+json') {
                    // Data, never run; safe while it stays whole JSON.
                    try { JSON.parse(s.textContent); } catch (e) { out.push('ld+json that is not JSON'); }
                } else if (/alert\\(1\\)/.test(s.textContent)) out.push('inline <script> with alert(1)');
            }
            for (const el of document.querySelectorAll('*'))
                for (const a of el.attributes)
                    if (/^on/i.test(a.name) && /alert\\(1\\)/.test(a.value))
                        out.push(`${el.tagName.toLowerCase()}[${a.name}]`);
            for (const a of document.querySelectorAll('a[href], area[href], iframe[src], form[action]')) {
                const v = (a.getAttribute('href') || a.getAttribute('src') || a.getAttribute('action') || '');
                if (/^\\s*javascript:/i.test(v)) out.push(`${a.tagName.toLowerCase()} -> ${v}`);
            }
            for (const img of document.querySelectorAll('img[src="x"]')) out.push('<img src=x> element');
            return out;
        }"""
    )


def slug(page_path: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", page_path).strip("-")
    return s or "home"


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- charts

#: A phone's width, for the chart-legibility gate.
PHONE = {"width": 390, "height": 844}

_CHART_TEXT_JS = """() => {
  const out = [];
  document.querySelectorAll('.rr-chart details').forEach(d => { d.open = true; });
  for (const chart of document.querySelectorAll('.rr-chart')) {
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    let sizes = [], small = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const el = node.parentElement;
      if (!text || !el || !el.getClientRects().length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('.rr-visually-hidden')) continue;
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGElement && el.getScreenCTM) {
        const m = el.getScreenCTM();  // SVG text is drawn at its font size times the scale
        size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      }
      sizes.push(size);
      if (size < 12 - 1e-6) small.push(`${size.toFixed(1)}px "${text.slice(0, 40)}"`);
    }
    // The filled dots of a change chart (in its values line and on its track): round,
    // and filled with the colour of their ring, or the earlier/later key is lost.
    const dots = [...chart.querySelectorAll('.rr-dot--to, .rr-change__dot--to')].filter(d => {
      const r = d.getBoundingClientRect(), s = getComputedStyle(d);
      return Math.abs(r.width - r.height) > 0.5 || s.backgroundColor !== s.borderTopColor;
    }).length;
    const box = chart.getBoundingClientRect();
    out.push({id: chart.id, texts: sizes.length, bad_dots: dots,
              min: sizes.length ? Math.min(...sizes) : null, small: small.slice(0, 5),
              overflow: chart.scrollWidth > chart.clientWidth + 1 ||
                        box.right > document.documentElement.clientWidth + 1});
  }
  return out;
}"""


def chart_text_sizes(page) -> list[dict]:
    """Per chart on the page (details opened): how many texts it shows, the smallest
    rendered size in CSS px (an SVG text at its drawn size), those under 12 px, whether
    the chart is wider than its box or the screen, and how many of its filled dots
    (change charts) are not round and filled."""
    return page.evaluate(_CHART_TEXT_JS)

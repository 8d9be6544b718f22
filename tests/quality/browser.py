"""Browser-side checks (Playwright for Python driving Debian's Chromium).

Every function takes Playwright objects and returns data or problem lists; the tests
decide what is a failure. One browser serves the whole session; each page gets a fresh
context, so its palette starts at the default and nothing leaks between pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
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


def new_context(browser, origin: str, visit: Visit, **kwargs):
    """A context that records and blocks every request not to `origin` (scheme://host:port)."""
    ctx = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce",
                              service_workers="block", **kwargs)

    def route(r):
        url = r.request.url
        parts = urlsplit(url)
        if url.startswith(("data:", "blob:", "about:")):
            return r.continue_()
        if f"{parts.scheme}://{parts.netloc}" == origin:
            visit.local_requests.append(url)
            return r.continue_()
        visit.external_requests.append(url)
        return r.abort("blockedbyclient")

    ctx.route("**/*", route)
    return ctx


def watch(page, visit: Visit) -> None:
    def on_console(msg):
        if msg.type == "error":
            loc = msg.location or {}
            visit.console_errors.append(f"{msg.text} ({loc.get('url', '')}:{loc.get('lineNumber', '')})")

    def on_dialog(d):
        visit.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda exc: visit.page_errors.append(str(exc)))
    page.on("dialog", on_dialog)


def open_page(browser, origin: str, url: str, settle: bool = True, **ctx_kwargs):
    """(context, page, visit) with the page loaded and (if `settle`) the network idle."""
    visit = Visit(url)
    ctx = new_context(browser, origin, visit, **ctx_kwargs)
    page = ctx.new_page()
    watch(page, visit)
    page.goto(url, wait_until="load")
    if not settle:
        return ctx, page, visit
    try:
        page.wait_for_load_state("networkidle", timeout=5000)
    except Exception:  # a page that keeps polling is not our concern here
        pass
    return ctx, page, visit


# --------------------------------------------------------------------------- axe


def run_axe(page, axe_source: str) -> list[dict]:
    """axe-core violations of WCAG 2.1 A/AA on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
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
    try:
        page.wait_for_function(
            "b => document.body.getAttribute('data-md-color-scheme') !== b", arg=before, timeout=3000
        )
    except Exception:
        pass
    page.wait_for_timeout(50)
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
            for (const s of document.querySelectorAll('script:not([src])'))
                if (/alert\\(1\\)/.test(s.textContent)) out.push('inline <script> with alert(1)');
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

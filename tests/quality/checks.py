"""The quality gates' check functions: plain Python over a built site directory.

Each function returns a list of problems (empty = pass) so the tests can both assert
that the real site is clean and that a planted defect is caught (test_gates.py).
Nothing here needs a browser; the browser side is in browser.py.
"""

from __future__ import annotations

import filecmp
import gzip
import json
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from kit import ParsedPage, discover_pages, parse_html, serve  # noqa: F401  (re-exported)

# --------------------------------------------------------------------------- budgets

# Page weight budget: a page's HTML plus the CSS, JS, fonts and images it loads, without
# the search index (search_index.json, loaded only when someone searches). Material itself
# needs about 260 KB (main CSS ~130 KB, bundle JS ~115 KB, palette CSS ~15 KB, favicon) and
# its search worker ~40 KB; our pages add their HTML and our CSS. A theme page carries
# its evidence twice, by design: every card, and beside each citation in its prose an
# evidence preview that opens in place with no script (quote, translation, source: ~1 KB
# each, ~60 KB on the capital page with its 100 cards and 61 citations, which weighs
# ~700 KB in all, ~65 KB of HTML as served compressed). 800 KB leaves room for that
# while staying well under 1 MB.
PAGE_BUDGET_BYTES = 800_000

# Files that are not part of any page's weight.
WEIGHT_EXCLUDED = re.compile(r"(^|/)search/search_index\.json$")

# Paths (relative to the site) allowed to differ between two builds of the same commit.
# MkDocs honours SOURCE_DATE_EPOCH for the sitemap's <lastmod> and writes sitemap.xml.gz
# with a fixed mtime, so with SOURCE_DATE_EPOCH set nothing legitimately differs; the
# list stays here, in one place, should that ever change.
REPRODUCIBLE_EXCEPTIONS: dict[str, str] = {}


# --------------------------------------------------------------------------- pages


# Generated pages: one per fact and per entity, each from a single template.
_GENERATED_PAGE = re.compile(r"^(?:zh/)?(facts|entities)/[^/]+/$")


def browser_sample(pages: list[str], per_kind: int = 6, everything: bool = False) -> list[str]:
    """Every hand-written page plus an evenly spaced sample of each kind of generated page."""
    if everything:
        return list(pages)
    written = [p for p in pages if not _GENERATED_PAGE.match(p)]
    generated: dict[str, list[str]] = {}
    for p in pages:
        m = _GENERATED_PAGE.match(p)
        if m:
            generated.setdefault(p[: m.start(1)] + m.group(1), []).append(p)
    sample = []
    for group in generated.values():
        step = max(1, len(group) // per_kind)
        sample += group[::step][:per_kind]
    return written + sample


def page_file(site_dir: Path, page: str) -> Path:
    return site_dir / page / "index.html" if (page == "" or page.endswith("/")) else site_dir / page


def site_prefix(site_dir: Path) -> str:
    """The sub-path the site is built for (from site_url via the sitemap / 404 page).

    404.html uses absolute URLs under site_url's path, so serving the site under that
    path is what a real deployment does. Without a site_url path we still serve under a
    sub-path, to catch root-absolute links that would break on a project site.
    """
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        m = re.search(r"<loc>\s*(https?://[^<\s]+)", sitemap.read_text("utf-8"))
        if m:
            path = urlsplit(m.group(1)).path
            # The first loc is the home page (or a page under it): take the common prefix
            locs = re.findall(r"<loc>\s*(https?://[^<\s]+)", sitemap.read_text("utf-8"))
            paths = [urlsplit(x).path for x in locs]
            path = os.path.commonprefix(paths)
            path = path[: path.rfind("/") + 1] if "/" in path else "/"
            if path and path != "/":
                return path
    return "/rr-sub/path/"


_EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "ftp:", "//")


def _is_external(url: str) -> bool:
    return url.lower().startswith(_EXTERNAL_SCHEMES)


# --------------------------------------------------------------------------- links


class _SiteIndex:
    """Caches parsed pages and answers 'does this site path / anchor exist?'."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._parsed: dict[Path, ParsedPage] = {}

    def parsed(self, path: Path) -> ParsedPage:
        if path not in self._parsed:
            self._parsed[path] = parse_html(path.read_text("utf-8", errors="replace"))
        return self._parsed[path]

    def resolve(self, rel_path: str) -> Path | None:
        """Site-relative URL path -> file served for it, as a static host would."""
        rel_path = unquote(rel_path)
        target = (self.site_dir / rel_path).resolve()
        try:
            target.relative_to(self.site_dir.resolve())
        except ValueError:
            return None
        if rel_path == "" or rel_path.endswith("/"):
            target = target / "index.html"
            return target if target.is_file() else None
        if target.is_file():
            return target
        if target.is_dir() and (target / "index.html").is_file():
            return target / "index.html"  # a host would redirect to the slash form
        return None


def check_links(site_dir: Path, prefix: str | None = None, html_files: list[Path] | None = None
                ) -> list[str]:
    """Every internal href/src (and its #anchor) in every HTML file resolves under `prefix`.

    URLs are resolved as the browser would, from the page's URL with the site mounted at
    `prefix` (a sub-path): a root-absolute link that escapes the sub-path is broken.
    External URLs (http:, https:, mailto: ...) are not fetched; `javascript:` URLs are
    always a problem.
    """
    site_dir = site_dir.resolve()
    prefix = prefix or site_prefix(site_dir)
    origin = "http://site.invalid"
    index = _SiteIndex(site_dir)
    files = html_files if html_files is not None else sorted(site_dir.rglob("*.html"))
    problems: list[str] = []
    for f in files:
        rel = f.relative_to(site_dir).as_posix()
        page_url = origin + prefix + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        parsed = index.parsed(f)
        for tag, attr, raw, rel_attr in parsed.urls:
            url = raw.strip()
            where = f"{rel}: <{tag} {attr}={raw!r}>"
            if url.lower().replace(" ", "").startswith("javascript:"):
                problems.append(f"{where}: javascript: URL")
                continue
            if not url or _is_external(url):
                continue
            if tag == "link" and rel_attr in {"canonical", "alternate"}:
                continue
            absolute = urljoin(page_url, url)
            parts = urlsplit(absolute)
            if parts.scheme + "://" + parts.netloc != origin:
                continue
            if not parts.path.startswith(prefix):
                problems.append(f"{where}: leaves the site's sub-path {prefix!r} ({parts.path})")
                continue
            target = index.resolve(parts.path[len(prefix):])
            if target is None:
                problems.append(f"{where}: no such file ({parts.path[len(prefix):] or '/'})")
                continue
            frag = unquote(parts.fragment)
            if frag and target.suffix == ".html" and frag not in index.parsed(target).ids:
                problems.append(
                    f"{where}: no element with id {frag!r} in {target.relative_to(site_dir).as_posix()}"
                )
    return problems


# --------------------------------------------------------------------------- page weight

_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


def _css_refs(css_text: str) -> list[str]:
    out = []
    for m in _CSS_URL.finditer(css_text):
        u = m.group(2) or m.group(4)
        if u and not u.startswith(("data:", "#")):
            out.append(u)
    return out


def page_resources(site_dir: Path, page: str, prefix: str = "/p/") -> tuple[dict[str, int], list[str]]:
    """Files (site-relative path -> bytes) a page loads: itself, CSS (+ fonts/images in it),
    scripts, the search worker, images, icons. Returns (sizes, external URLs found)."""
    site_dir = site_dir.resolve()
    origin = "http://site.invalid"
    index = _SiteIndex(site_dir)
    f = page_file(site_dir, page)
    sizes: dict[str, int] = {}
    external: list[str] = []

    def add(url: str, base: str, css_ok: bool) -> None:
        if _is_external(url):
            if not url.startswith("data:"):
                external.append(url)
            return
        absolute = urljoin(base, url)
        path = urlsplit(absolute).path
        if not path.startswith(prefix):
            return
        target = index.resolve(path[len(prefix):])
        if target is None:
            return
        key = target.relative_to(site_dir).as_posix()
        if key in sizes or WEIGHT_EXCLUDED.search(key):
            return
        sizes[key] = target.stat().st_size
        if css_ok and target.suffix == ".css":
            for ref in _css_refs(target.read_text("utf-8", errors="replace")):
                add(ref, absolute, True)

    page_url = origin + prefix + page
    sizes[f.relative_to(site_dir).as_posix()] = f.stat().st_size
    parsed = index.parsed(f)
    for tag, _attr, raw, rel in parsed.urls:
        if tag in {"a", "area", "form"}:
            continue
        if tag == "link" and not ({"stylesheet", "icon", "preload", "modulepreload",
                                   "shortcut", "apple-touch-icon", "manifest"} & set(rel.split())):
            continue
        add(raw.strip(), page_url, True)
    if parsed.config_json:
        try:
            cfg = json.loads(parsed.config_json)
        except ValueError:
            cfg = {}
        worker = cfg.get("search")  # the search worker script, relative to the page
        if worker:
            add(worker, page_url, False)
    return sizes, external


def check_page_weight(site_dir: Path, page: str, budget: int = PAGE_BUDGET_BYTES) -> list[str]:
    sizes, _ = page_resources(site_dir, page)
    total = sum(sizes.values())
    if total <= budget:
        return []
    top = sorted(sizes.items(), key=lambda kv: -kv[1])[:6]
    detail = ", ".join(f"{k} {v // 1024} KB" for k, v in top)
    return [f"{page or '/'}: {total:,} bytes > budget {budget:,} ({detail})"]


def site_size(site_dir: Path) -> tuple[int, int]:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# --------------------------------------------------------------------------- reproducibility


def compare_builds(a: Path, b: Path) -> list[str]:
    """Files that differ between two build directories (missing on one side included)."""
    fa = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    fb = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    problems = [f"only in first build: {x}" for x in sorted(fa - fb)]
    problems += [f"only in second build: {x}" for x in sorted(fb - fa)]
    for rel in sorted(fa & fb):
        if rel in REPRODUCIBLE_EXCEPTIONS:
            continue
        if not filecmp.cmp(a / rel, b / rel, shallow=False):
            why = ""
            if rel.endswith(".gz"):
                same = gzip.decompress((a / rel).read_bytes()) == gzip.decompress((b / rel).read_bytes())
                why = " (gzip header only)" if same else ""
            problems.append(f"differs: {rel}{why}")
    return problems


# --------------------------------------------------------------------------- HTML validity

# Nu validator messages that are caused by the theme (mkdocs-material) and that we cannot
# change from our templates or CSS. Each entry: (regex on the message, regex on the
# message's extract, i.e. the offending markup, why). Keep it short and specific; anything
# in our own markup is fixed instead.
VNU_IGNORED: list[tuple[str, str, str]] = [
    (
        r"^Attribute “autocomplete” is only allowed when the input type is",
        r'class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        "Material's base.html puts autocomplete=off on its hidden drawer/search toggle "
        "checkboxes (outside any template block, so an override cannot drop it); it stops "
        "Firefox restoring their state and is harmless.",
    ),
    (
        r"^Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        "Material's partials/nav-item.html writes tabindex=\"\" on the label of a section "
        "(navigation.sections) instead of leaving the attribute out; browsers ignore it. "
        "Fixing it means forking that whole partial, which we do not want to maintain.",
    ),
    (
        r"^Attribute “interestfor” not allowed on element “a” at this point\.$",
        r'#fact-[a-z0-9-]+" target="_self" interestfor="pop-[a-z0-9-]+-[0-9]+"',
        "Ours, on purpose: interestfor (interest invokers, shipped in Chromium 142) opens an "
        "inline figure's evidence preview on hover and keyboard focus with no script; the "
        "validator's schema does not know the attribute yet. Only on our evidence links, "
        "pointing at their own preview; browsers without it ignore it (evidence.js then "
        "does the same) and the link still goes to the card.",
    ),
]


def run_vnu(java: str, jar: Path, target: Path) -> list[dict]:
    """Run the Nu validator over a file or directory; returns its JSON messages."""
    proc = subprocess.run(
        [java, "-Xss4m", "-jar", str(jar), "--format", "json", "--skip-non-html", str(target)],
        capture_output=True, text=True, timeout=600,
    )
    out = proc.stderr.strip() or proc.stdout.strip()
    try:
        return json.loads(out)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"vnu gave no JSON (exit {proc.returncode}): {out[:2000]}") from None


def vnu_errors(messages: list[dict], site_dir: Path | None = None) -> list[str]:
    problems = []
    for m in messages:
        if m.get("type") not in {"error", "non-document-error"} and m.get("subType") != "fatal":
            continue
        url = unquote(m.get("url", "")).removeprefix("file:")
        if site_dir is not None and url.startswith(str(site_dir)):
            url = url[len(str(site_dir)):].lstrip("/")
        msg = m.get("message", "")
        extract = m.get("extract", "")
        if any(re.search(mp, msg) and re.search(ep, extract) for mp, ep, _ in VNU_IGNORED):
            continue
        problems.append(f"{url}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: {msg} "
                        f"[{m.get('extract', '').strip()[:120]!r}]")
    return problems


# --------------------------------------------------------------------------- injection

# Hostile text planted in every text field of the fixture data (test_injection.py).
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ config }}",
    "{% include 'x' %}",
    "[x](javascript:alert(1))",
]


class _InjectionScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hits: list[str] = []
        self._script: str | None = None  # the type of the <script> being read
        self._data: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert(1)" in value:
                self.hits.append(f"<{tag} {name}=...alert(1)>: live event-handler attribute")
            if name in {"href", "src", "action", "formaction", "data", "xlink:href"} and \
                    re.match(r"\s*javascript:", value, re.I):
                self.hits.append(f"<{tag} {name}={value!r}>: javascript: URL")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.hits.append("<img src=x>: injected image element")
        if tag == "script":
            self._script, self._data = dict(attrs).get("type") or "", []

    def handle_data(self, data):
        if self._script is not None:
            self._data.append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self._script is None:
            return
        text = "".join(self._data)
        if self._script == "application/ld+json":
            # Data, not code: it is safe while it stays whole JSON (the element cannot be
            # closed early from the data: every '<' in it is written \u003c).
            try:
                json.loads(text)
            except ValueError:
                self.hits.append("<script type=application/ld+json> that is not whole JSON")
        elif "alert(1)" in text:
            self.hits.append("<script> with alert(1): injected script element")
        self._script = None


def raw_injection_hits(html: str) -> list[str]:
    """Hostile text that became live markup (elements, attributes, URLs) in the HTML."""
    scan = _InjectionScan()
    scan.feed(html)
    scan.close()
    return scan.hits

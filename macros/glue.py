"""The only MkDocs-aware module: connects mkdocs-macros to the evidence engine and renderers.

Per build (``mkdocs build``, and every rebuild under ``mkdocs serve``, because MkDocs
reloads the config and mkdocs-macros calls ``define_env`` from ``on_config``):

1. reload ``macros.evidence*`` and ``macros.render*`` if their files changed, so an edit
   to a renderer takes effect under ``mkdocs serve`` without a restart;
2. load and check ``extra.data_dir`` (relative to mkdocs.yml), and fail the build listing
   every problem the checker found. mkdocs-static-i18n runs one MkDocs build per language
   (each calling ``define_env`` again), so the checked fact base is kept, keyed by a
   fingerprint of the data files: the data is loaded once per ``mkdocs build`` whatever
   the number of languages, and again only when a file in it changed (``mkdocs serve``);
3. register one macro per name in ``macros.render.MACROS``; each call passes the current
   page (URL, language, source path) to the renderer, and any error names page and call.
   The language is the page file's locale as mkdocs-static-i18n sets it
   (``compute.zh.md`` is 'zh'), or ``lang:`` in the page's front matter;
4. as MkDocs hooks (``hooks: [macros/glue.py]`` in mkdocs.yml), add the pages and files
   made from the data: a page per fact (``facts/<id>/``) and per entity
   (``entities/<id>/``) in each language (``zh/facts/<id>/``…), the downloads
   (``downloads/…``) and the Atom feed (``changes.xml``). Generated pages only call a
   macro by id; they are kept out of the navigation but not out of search;
5. keep the two editions apart where MkDocs and Material assume one language per site:
   language links, one search index per language, the 404 page (see "languages").

Everything else lives in plain Python: ``macros/evidence`` and ``macros/render``.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

if TYPE_CHECKING:  # pragma: no cover
    from mkdocs_macros.plugin import MacrosPlugin

    from macros.evidence.factbase import FactBase

log = logging.getLogger("mkdocs.plugins.race_and_reliance")

PACKAGE_DIR = Path(__file__).resolve().parent
_RELOADED_PACKAGES = ("macros.evidence", "macros.render")

#: How many times the data has been loaded (checked from disk) in this process: once
#: per build with new or changed data, whatever the number of languages built.
LOAD_COUNT = 0
#: (cache key, fact base) of the last load; the key fingerprints the data files.
_loaded: tuple[tuple[Any, ...], "FactBase"] | None = None
#: The current build's Site, for the build hooks below (see on_files).
_BUILD: dict[str, Any] = {}
#: What one language's build keeps for the next (the default language's 404 page).
_KEPT: dict[str, str] = {}
_fingerprint: tuple[tuple[str, int, int], ...] | None = None


def define_env(env: "MacrosPlugin") -> None:
    """mkdocs-macros hook, called from the plugin's ``on_config``: once per build, and
    once more for each further language mkdocs-static-i18n builds."""
    _reload_changed_modules()
    from macros.render import MACROS, Site
    from macros.render.freshness import Freshness
    from macros.render.reader import ReaderOptions

    config = env.conf
    data_dir = (Path(config.config_file_path).resolve().parent
                / config.extra.get("data_dir", "data"))
    freshness = Freshness.from_config(config.extra)
    factbase = cached_factbase(data_dir, freshness)

    site = Site(factbase, ReaderOptions(
        site_name=str(config.site_name), site_url=_site_url(config),
        freshness=freshness))
    _BUILD.clear()
    _BUILD.update(site=site)
    default_lang = str(config.extra.get("lang", "en"))
    for name in MACROS:
        env.macro(_bind(env, site, name, default_lang), name)


def cached_factbase(data_dir: Path, freshness: Any = None) -> "FactBase":
    """The checked fact base of ``data_dir``, loaded only if no file in it changed since
    the last load (and the staleness date and age are the same)."""
    global LOAD_COUNT, _loaded
    key = (str(data_dir), _tree_fingerprint(data_dir), repr(freshness))
    if _loaded is not None and _loaded[0] == key:
        return _loaded[1]
    factbase = load_factbase(data_dir, freshness)
    LOAD_COUNT += 1
    _loaded = (key, factbase)
    log.info("Race & Reliance: %d facts, %d sources from %s (load %d)",
             len(factbase.facts), len(factbase.sources), data_dir, LOAD_COUNT)
    return factbase


def load_factbase(data_dir: Path, freshness: Any = None) -> "FactBase":
    """Check ``data_dir`` with the evidence checker; a PluginError lists every problem.

    ``freshness`` (a :class:`~macros.render.freshness.Freshness`) fixes the date and
    age the staleness warnings use, the same the pages mark facts by."""
    from macros.evidence.check import check_data

    if freshness is None:
        report = check_data(data_dir)
    else:
        report = check_data(data_dir, today=freshness.today,
                            max_age_months=freshness.months)
    for warning in report.warnings:
        log.debug("data: %s", warning.format("warning"))
    if report.warnings:
        log.info("Race & Reliance: %d data warning(s); `make check` lists them",
                 len(report.warnings))
    if report.problems or report.factbase is None:
        lines = "\n".join(f"  {p.format('error')}" for p in report.problems)
        raise PluginError(
            f"Race & Reliance: the data in {data_dir} has {len(report.problems)} "
            f"problem(s); fix them (or run `make check`):\n{lines}"
        )
    return report.factbase


def _bind(env: "MacrosPlugin", site: Any, name: str, default_lang: str) -> Callable[..., str]:
    """The macro as pages call it: the page context comes from mkdocs-macros."""
    from macros.render import PageContext, PageRenderer

    def call(*args: Any, **kwargs: Any) -> str:
        page = env.page
        meta = getattr(page, "meta", None) or {}
        src_path = page.file.src_path
        lang = (meta.get("lang") or getattr(page.file, "locale", None)
                or ("zh" if src_path.startswith("zh/") else default_lang))
        ctx = PageContext(url=page.url, lang=str(lang), src_path=src_path)
        return site.call(ctx, name, args, kwargs)

    call.__name__ = name
    call.__doc__ = getattr(PageRenderer, name).__doc__
    return call


def _reload_changed_modules() -> None:
    """Drop and re-import the engine and renderers when any of their files changed."""
    global _fingerprint, _loaded
    current = _source_fingerprint()
    if _fingerprint is not None and current != _fingerprint:
        _loaded = None  # a fact base made by the old classes must not meet the new ones
        stale = [m for m in sys.modules
                 if any(m == p or m.startswith(p + ".") for p in _RELOADED_PACKAGES)]
        for module_name in stale:
            del sys.modules[module_name]
        importlib.import_module("macros.evidence.check")
        importlib.import_module("macros.render")
        log.info("Race & Reliance: reloaded %d changed macro modules", len(stale))
    _fingerprint = current


def _tree_fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``root`` with its modification time and size."""
    files = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            stat = path.stat()
            files.append((str(path.relative_to(root)), stat.st_mtime_ns, stat.st_size))
    return tuple(files)


def _source_fingerprint() -> tuple[tuple[str, int, int], ...]:
    files = []
    for package in ("evidence", "render"):
        for path in sorted((PACKAGE_DIR / package).rglob("*.py")):
            stat = path.stat()
            files.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(files)


# --------------------------------------------------------------------------- build hooks
# MkDocs loads this file a second time as a hook module (under the name of its path);
# both copies share the canonical ``macros.glue`` module's state, set by define_env above,
# which the macros plugin runs from on_config, before these events.


def _state() -> dict[str, Any]:
    return importlib.import_module("macros.glue")._BUILD


def _site_url(config: Any) -> str:
    url = str(config.site_url or "")
    return url if not url or url.endswith("/") else url + "/"


#: The MkDocs command this process runs ('build', 'serve', 'gh-deploy'); set at startup.
_COMMAND = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _COMMAND
    _COMMAND = command


def _generate_pages() -> bool:
    """Under ``mkdocs serve`` skip the ~850 generated fact and entity pages: they are most
    of a rebuild's time, and an editor previews the pages they write. RR_SERVE_ALL_PAGES=1
    serves them too; ``mkdocs build`` always makes them."""
    return _COMMAND != "serve" or os.environ.get("RR_SERVE_ALL_PAGES") == "1"


@event_priority(-110)  # after mkdocs-static-i18n (-100) has sorted docs/ by language
def on_files(files: Any, config: Any) -> Any:
    """Add the generated fact and entity pages, downloads and feed to the build.

    Under mkdocs-static-i18n each language's build gets its own fact and entity pages
    (``zh/facts/<id>/`` in the Chinese one), rendered in that language; the data files
    are made once, at the site root, in the default language's build."""
    from mkdocs.structure.files import File, InclusionLevel

    site = _state().get("site")
    if site is None:  # the macros plugin is not configured: nothing to generate
        return files
    from macros.render.reader import generated_files, generated_pages

    lang, default, langs = _languages(config)
    pages = []
    generated = generated_pages(site.fb) if _generate_pages() else {}
    for src_uri, markdown in generated.items():
        if files.get_file_from_path(src_uri) is None:  # a real page of that name wins
            file = File.generated(config, src_uri, content=markdown,
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            if _i18n(config) is not None:
                _localize(file, lang, default, langs, config)
            files.append(file)
            pages.append(file)
    if lang == default:
        for src_uri, content in generated_files(site.fb, site.options).items():
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=content))
    i18n = _i18n(config)
    if i18n is not None:  # list them in the sitemap, which i18n makes from its own list
        i18n.i18n_files_per_language.setdefault(lang, []).extend(pages)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Title generated pages from the data in their language, HTML-escaped (themes
    print it unescaped)."""
    site = _state().get("site")
    if site is not None and "title" not in page.meta:
        from markupsafe import escape

        from macros.render.reader import generated_title

        src_uri = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
        lang = getattr(page.file, "locale", None) or str(config.extra.get("lang", "en"))
        title = generated_title(site.fb, src_uri, lang)
        if title is not None:
            page.meta["title"] = str(escape(title))
    return markdown


# --------------------------------------------------------------------------- mkdocs serve
# Live reload = noticing the save + rebuilding the whole site (the server answers no
# request until the rebuild is done). Two settings MkDocs does not expose:

#: Seconds between polls of the ``watch:`` paths (data/, macros/); MkDocs polls every 0.5 s.
WATCH_POLL_SECONDS = 0.1


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Poll for saved files every WATCH_POLL_SECONDS instead of every 0.5 s."""
    observer = getattr(server, "observer", None)  # watchdog's PollingObserver
    if observer is not None and hasattr(observer, "_timeout"):  # private: best effort
        observer._timeout = min(observer._timeout, WATCH_POLL_SECONDS)
        for emitter in getattr(observer, "emitters", ()):  # docs/ and mkdocs.yml
            if hasattr(emitter, "_timeout"):
                emitter._timeout = min(emitter._timeout, WATCH_POLL_SECONDS)
    return server


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Keep the theme's compiled templates across rebuilds of one ``mkdocs serve``.

    Every rebuild loads the configuration afresh, so the theme's Jinja environment is
    new and Material's templates would be parsed and compiled again each time. The
    cache lives in the canonical module (this file is also loaded as a hook module,
    anew for every build); Jinja checks each template's source against it, so an
    edited template is compiled again.
    """
    if env.bytecode_cache is None:
        env.bytecode_cache = importlib.import_module("macros.glue")._theme_bytecode()
    return env


_THEME_BYTECODE: list[Any] = []


def _theme_bytecode() -> Any:
    if not _THEME_BYTECODE:
        import jinja2

        class MemoryBytecodeCache(jinja2.BytecodeCache):
            def __init__(self) -> None:
                self.store: dict[str, bytes] = {}

            def load_bytecode(self, bucket: Any) -> None:
                if bucket.key in self.store:
                    bucket.bytecode_from_string(self.store[bucket.key])

            def dump_bytecode(self, bucket: Any) -> None:
                self.store[bucket.key] = bucket.bytecode_to_string()

        _THEME_BYTECODE.append(MemoryBytecodeCache())
    return _THEME_BYTECODE[0]


# --------------------------------------------------------------------------- languages
# mkdocs-static-i18n builds the default language (English) and then each other language
# (Chinese, under zh/) into the same site directory, one MkDocs build each. These hooks
# keep the editions apart where MkDocs and Material assume one language per site.


def _i18n(config: Any) -> Any:
    return config.plugins.get("i18n")


def _languages(config: Any) -> tuple[str, str, list[str]]:
    """(language being built, default language, every language built)."""
    i18n = _i18n(config)
    if i18n is None:
        lang = str(config.extra.get("lang", "en"))
        return lang, lang, [lang]
    return (str(i18n.current_language or i18n.default_language), str(i18n.default_language),
            [str(lang) for lang in i18n.build_languages])


def _localize(file: Any, lang: str, default: str, langs: list[str], config: Any) -> None:
    """Give a generated page what mkdocs-static-i18n gives a page in docs/: its
    language's URL (zh/facts/<id>/), its locale, and its counterparts in the other
    languages (for the language selector and the sitemap)."""
    import os

    from mkdocs.structure.files import File

    def place(f: Any, locale: str) -> Any:
        if locale != default:
            f.dest_uri = f"{locale}/{f.dest_uri}"
            f.url = f._get_url(config.use_directory_urls)
            f.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, f.dest_uri))
        f.locale = f.locale_alternate_of = locale
        f.localization = None if locale == default else locale
        f.norm_src_uri = f.src_uri
        return f

    place(file, lang)
    file.alternates = {lang: file}
    for other in langs:
        if other != lang:
            file.alternates[other] = place(File.generated(config, file.src_uri, content=""),
                                           other)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Two fixes to each page of a two-language build:

    * no ``<link rel="alternate" hreflang>`` in <head>: Material's alternate-language
      script fetches the sitemap.xml of every such link on every page load (hundreds of
      kilobytes with a page per fact in two languages). The sitemap lists each page's
      counterpart instead, and the header's language selector goes to it
      (overrides/partials/alternate.html);
    * a non-default language's pages point Material at that language's own search index
      (``zh/search/search_index.json``, written by on_post_build): Material fetches the
      index from, and resolves result links against, ``base`` in its ``__config``.
    """
    if _i18n(config) is None:
        return output
    output = _drop_language_links(output)
    lang, default, _ = _languages(config)
    locale = getattr(page.file, "locale", None) or lang
    return output if locale == default else _rebase_config(output, locale)


def _drop_language_links(html: str) -> str:
    import re

    # Material writes them in <head>: searching only there keeps this from scanning
    # every page body (a pass over each 100-300 KB page was ~7 % of a build).
    end = html.find("</head>")
    end = len(html) if end < 0 else end
    return re.sub(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">', "",
                  html[:end]) + html[end:]


def _rebase_config(html: str, locale: str) -> str:
    import json
    import re

    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                      html, re.S)
    if match is None:
        return html
    data = json.loads(match.group(1))
    base = str(data.get("base") or ".").rstrip("/")
    data["base"] = f"{base}/{locale}/"
    return html[:match.start(1)] + json.dumps(data, ensure_ascii=False) + html[match.end(1):]


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """Keep the default language's 404 page: each language's build writes 404.html to
    the site root, and the last one would otherwise win."""
    lang, default, _ = _languages(config)
    if template_name != "404.html" or _i18n(config) is None:
        return output
    kept = importlib.import_module("macros.glue")._KEPT  # across the languages' builds
    if lang == default:
        kept["404"] = _drop_language_links(output)
    return kept.get("404", output)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: Any) -> None:
    """One search index per language: ``search/search_index.json`` keeps the default
    language's pages; ``<lang>/search/search_index.json`` holds that language's pages,
    located relative to ``<lang>/`` (see on_post_page), so a search on the Chinese site
    finds Chinese pages and leads to them."""
    import json

    i18n = _i18n(config)
    if i18n is None or i18n.building:  # one language's build, inside i18n's loop
        return
    site_dir = Path(config.site_dir)
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text("utf-8"))
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    prefixes = tuple(f"{lang}/" for lang in others)
    for lang in others:
        prefix = f"{lang}/"
        docs = [{**doc, "location": doc["location"][len(prefix):]}
                for doc in index["docs"] if doc["location"].startswith(prefix)]
        _write_json(site_dir / lang / "search" / "search_index.json", {**index, "docs": docs})
    _write_json(path, {**index, "docs": [doc for doc in index["docs"]
                                         if not doc["location"].startswith(prefixes)]})


def _write_json(path: Path, data: dict[str, Any]) -> None:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":"), default=str), "utf-8")

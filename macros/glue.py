"""The only MkDocs-aware module: connects mkdocs-macros to the evidence engine and renderers.

Per build (``mkdocs build``, and every rebuild under ``mkdocs serve``, because MkDocs
reloads the config and mkdocs-macros calls ``define_env`` from ``on_config``):

1. reload ``macros.evidence*`` and ``macros.render*`` if their files changed, so an edit
   to a renderer takes effect under ``mkdocs serve`` without a restart;
2. load and check ``extra.data_dir`` (relative to mkdocs.yml) exactly once, and fail
   the build listing every problem the checker found;
3. register one macro per name in ``macros.render.MACROS``; each call passes the current
   page (URL, language, source path) to the renderer, and any error names page and call;
4. as MkDocs hooks (``hooks: [macros/glue.py]`` in mkdocs.yml), add the pages and files
   made from the data: a page per fact (``facts/<id>/``) and per entity
   (``entities/<id>/``), the downloads (``downloads/…``) and the Atom feed
   (``changes.xml``). Generated pages only call a macro by id; they are kept out of
   the navigation but not out of search.

Everything else lives in plain Python: ``macros/evidence`` and ``macros/render``.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:  # pragma: no cover
    from mkdocs_macros.plugin import MacrosPlugin

    from macros.evidence.factbase import FactBase

log = logging.getLogger("mkdocs.plugins.race_and_reliance")

PACKAGE_DIR = Path(__file__).resolve().parent
_RELOADED_PACKAGES = ("macros.evidence", "macros.render")

#: How many times the data has been loaded in this process: once per build.
LOAD_COUNT = 0
#: The current build's Site, for the build hooks below (see on_files).
_BUILD: dict[str, Any] = {}
_fingerprint: tuple[tuple[str, int, int], ...] | None = None


def define_env(env: "MacrosPlugin") -> None:
    """mkdocs-macros hook, called once per build from the plugin's ``on_config``."""
    global LOAD_COUNT
    _reload_changed_modules()
    from macros.render import MACROS, Site
    from macros.render.freshness import Freshness
    from macros.render.reader import ReaderOptions

    config = env.conf
    data_dir = (Path(config.config_file_path).resolve().parent
                / config.extra.get("data_dir", "data"))
    freshness = Freshness.from_config(config.extra)
    factbase = load_factbase(data_dir, freshness)
    LOAD_COUNT += 1
    log.info("Race & Reliance: %d facts, %d sources from %s (load %d)",
             len(factbase.facts), len(factbase.sources), data_dir, LOAD_COUNT)

    site = Site(factbase, ReaderOptions(
        site_name=str(config.site_name), site_url=_site_url(config),
        freshness=freshness))
    _BUILD.clear()
    _BUILD.update(site=site)
    default_lang = str(config.extra.get("lang", "en"))
    for name in MACROS:
        env.macro(_bind(env, site, name, default_lang), name)


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
        lang = meta.get("lang") or ("zh" if src_path.startswith("zh/") else default_lang)
        ctx = PageContext(url=page.url, lang=str(lang), src_path=src_path)
        return site.call(ctx, name, args, kwargs)

    call.__name__ = name
    call.__doc__ = getattr(PageRenderer, name).__doc__
    return call


def _reload_changed_modules() -> None:
    """Drop and re-import the engine and renderers when any of their files changed."""
    global _fingerprint
    current = _source_fingerprint()
    if _fingerprint is not None and current != _fingerprint:
        stale = [m for m in sys.modules
                 if any(m == p or m.startswith(p + ".") for p in _RELOADED_PACKAGES)]
        for module_name in stale:
            del sys.modules[module_name]
        importlib.import_module("macros.evidence.check")
        importlib.import_module("macros.render")
        log.info("Race & Reliance: reloaded %d changed macro modules", len(stale))
    _fingerprint = current


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


def on_files(files: Any, config: Any) -> Any:
    """Add the generated fact and entity pages, downloads and feed to the build."""
    from mkdocs.structure.files import File, InclusionLevel

    site = _state().get("site")
    if site is None:  # the macros plugin is not configured: nothing to generate
        return files
    from macros.render.reader import generated_files, generated_pages

    for src_uri, markdown in generated_pages(site.fb).items():
        if files.get_file_from_path(src_uri) is None:  # a real page of that name wins
            files.append(File.generated(config, src_uri, content=markdown,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
    for src_uri, content in generated_files(site.fb, site.options).items():
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Title generated pages from the data, HTML-escaped (themes print it unescaped)."""
    site = _state().get("site")
    if site is not None and "title" not in page.meta:
        from markupsafe import escape

        from macros.render.reader import generated_title

        title = generated_title(site.fb, page.file.src_uri)
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

"""The only MkDocs-aware module: connects mkdocs-macros to the evidence engine and renderers.

Per build (``mkdocs build``, and every rebuild under ``mkdocs serve``, because MkDocs
reloads the config and mkdocs-macros calls ``define_env`` from ``on_config``):

1. reload ``macros.evidence*`` and ``macros.render*`` if their files changed, so an edit
   to a renderer takes effect under ``mkdocs serve`` without a restart;
2. load and check ``extra.data_dir`` (relative to mkdocs.yml) exactly once, and fail
   the build listing every problem the checker found;
3. register one macro per name in ``macros.render.MACROS``; each call passes the current
   page (URL, language, source path) to the renderer, and any error names page and call.

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
_fingerprint: tuple[tuple[str, int, int], ...] | None = None


def define_env(env: "MacrosPlugin") -> None:
    """mkdocs-macros hook, called once per build from the plugin's ``on_config``."""
    global LOAD_COUNT
    _reload_changed_modules()
    from macros.render import MACROS, Site

    config = env.conf
    data_dir = (Path(config.config_file_path).resolve().parent
                / config.extra.get("data_dir", "data"))
    factbase = load_factbase(data_dir)
    LOAD_COUNT += 1
    log.info("Race & Reliance: %d facts, %d sources from %s (load %d)",
             len(factbase.facts), len(factbase.sources), data_dir, LOAD_COUNT)

    site = Site(factbase)
    default_lang = str(config.extra.get("lang", "en"))
    for name in MACROS:
        env.macro(_bind(env, site, name, default_lang), name)


def load_factbase(data_dir: Path) -> "FactBase":
    """Check ``data_dir`` with the evidence checker; a PluginError lists every problem."""
    from macros.evidence.check import check_data

    report = check_data(data_dir)
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

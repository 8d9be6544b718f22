"""Benchmark instrumentation, loaded as an extra MkDocs hook by ``bench/run.py``'s
"timed" build (``mkdocs.timed.yml``): how much of a build is the fact layer's own work?

It wraps, for the life of the process, and adds up wall-clock seconds of:

* ``macros_config`` — mkdocs-macros' ``on_config`` (its own set-up; the macros are
  registered by the glue);
* ``macros_pages`` — mkdocs-macros' ``on_page_markdown``: every page's Markdown run as
  a Jinja template, i.e. every macro call (``macro_calls``, ``Site.call``, also counted
  on its own) plus the plugin's per-page templating;
* ``glue_hooks`` — the events of the ``race-and-reliance`` plugin (``macros/glue.py``):
  loading and checking the data in ``on_config`` (``load_check``, also counted on its
  own), the generated fact and entity pages and files, the macros' HTML put back after
  Markdown, per-page fixes, the search indexes and the sitemap.

and writes them, with the glue's seconds per event (``glue_events``) and the total
seconds from loading this hook to the end of the process, to the JSON file named by
``RR_BENCH_TIMINGS``. Everything else — Markdown,
the theme's templates, search indexing — is MkDocs' and Material's work on the pages.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import time

import mkdocs_macros.plugin
from mkdocs.plugins import event_priority

STARTED = time.perf_counter()
T: dict[str, float] = {"macros_config": 0.0, "macros_pages": 0.0, "glue_hooks": 0.0,
                       "load_check": 0.0, "macro_calls": 0.0}
COUNTS: dict[str, int] = {key: 0 for key in T}
_depth: dict[str, int] = {key: 0 for key in T}


EVENTS: dict[str, float] = {}  # the glue's seconds per event ("on_page_content"…)
_event_depth: dict[str, int] = {}


def _timed(key: str, fn, event: str | None = None):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        _depth[key] += 1
        if event:
            _event_depth[event] = _event_depth.get(event, 0) + 1
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - started
            _depth[key] -= 1
            if not _depth[key]:  # count nested (recursive) calls once
                T[key] += elapsed
                COUNTS[key] += 1
            if event:
                _event_depth[event] -= 1
                if not _event_depth[event]:
                    EVENTS[event] = EVENTS.get(event, 0.0) + elapsed
    wrapper.__rr_bench_timed__ = True
    return wrapper


def _wrap(owner, name: str, key: str) -> None:
    fn = getattr(owner, name)
    if not getattr(fn, "__rr_bench_timed__", False):
        setattr(owner, name, _timed(key, fn))


# The project's own fact layer (the build runs with the project as working directory).
import macros.evidence.check  # noqa: E402
import macros.glue  # noqa: E402
import macros.render.site  # noqa: E402

_wrap(macros.evidence.check, "check_data", "load_check")
# The glue calls the name it imported (``from macros.evidence.check import check_data``).
if hasattr(macros.glue, "check_data"):
    _wrap(macros.glue, "check_data", "load_check")
_wrap(macros.render.site.Site, "call", "macro_calls")


_MACROS_EVENTS = {"config": "macros_config", "page_markdown": "macros_pages"}


@event_priority(100)
def on_config(config):
    """Time mkdocs-macros' events and every event of the glue's hook module, as MkDocs
    registered them (bound methods and functions, before this hook was loaded)."""
    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            if getattr(method, "__rr_bench_timed__", False):
                continue
            owner = getattr(method, "__self__", None)
            module = getattr(method, "__module__", "") or ""
            if isinstance(owner, mkdocs_macros.plugin.MacrosPlugin):
                if event not in _MACROS_EVENTS:
                    continue
                methods[index] = _timed(_MACROS_EVENTS[event], method)
            elif module.replace("\\", "/").endswith(("glue.py", ".glue")):
                methods[index] = _timed("glue_hooks", method, f"on_{event}")
            else:
                continue
            origins = getattr(config.plugins, "_event_origins", None)
            if isinstance(origins, dict) and method in origins:  # for MkDocs' messages
                origins[methods[index]] = origins[method]
    return config


@atexit.register
def _write() -> None:
    path = os.environ.get("RR_BENCH_TIMINGS")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"seconds": T, "calls": COUNTS, "glue_events": EVENTS,
                       "total": time.perf_counter() - STARTED}, out)

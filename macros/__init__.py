"""Race & Reliance site code.

``macros.evidence`` (data model, loader, checker) and ``macros.render`` (HTML renderers)
are plain Python. Only ``macros.glue`` knows MkDocs; it is imported lazily here, so
``import macros.evidence`` never imports mkdocs.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """mkdocs-macros entry point (``module_name: macros`` in mkdocs.yml)."""
    from . import glue

    glue.define_env(env)

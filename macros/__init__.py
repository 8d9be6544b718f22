"""Race & Reliance site code.

``macros.evidence`` (data model, loader, checker) and ``macros.render`` (HTML renderers)
are plain Python. Only ``macros.glue``, the ``race-and-reliance`` MkDocs plugin, knows
MkDocs; nothing here imports it, so ``import macros.evidence`` never imports mkdocs.
"""

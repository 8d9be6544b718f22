"""Queries against a built search index with Material's own search code, in Node.

:func:`search` runs ``search_worker.js``: the worker script of the Material version
installed, the one browsers load, on the site's ``search_index.json``. So a test sees
what a reader's browser finds, tokenised the same way.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

HARNESS = Path(__file__).with_name("search_worker.js")


def worker_script(site_dir: Path) -> Path:
    """The built site's copy of Material's search worker."""
    found = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not found:
        raise FileNotFoundError(f"no Material search worker under {site_dir}/assets")
    return found[0]


def node() -> str | None:
    return shutil.which("node")


def search(site_dir: Path, index: Path, queries: list[str]) -> dict[str, list[str]]:
    """Each query's result pages (their locations, best first), as the browser finds
    them."""
    exe = node()
    if exe is None:
        raise FileNotFoundError("node is not installed")
    proc = subprocess.run([exe, str(HARNESS), str(worker_script(site_dir)), str(index),
                           *queries], capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"search worker failed: {proc.stderr[-2000:]}")
    groups: dict[str, list[list[str]]] = json.loads(proc.stdout)
    return {q: [group[0].split("#")[0] for group in found if group]
            for q, found in groups.items()}

"""Which external tools the quality gates need, and what to do when one is missing.

On a developer machine a missing tool skips the tests that need it, with a message that
says what to install. With ``CI=true`` (as ``.ci/run`` runs) a missing tool is a failure:
CI installs everything, so a missing tool there means the install step is broken.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")

# Debian's Chromium, run headless and kept off the network except our local server.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def missing(reason: str, install: str) -> None:
    """Skip (developer machine) or fail (CI) because a tool is missing."""
    msg = f"{reason}; install it with: {install}"
    if in_ci():
        pytest.fail(f"CI=true and {msg}", pytrace=False)
    pytest.skip(msg)


def chromium_path() -> str:
    env = os.environ.get("RR_CHROMIUM")  # an explicit choice: no fallback
    candidates = [env] if env else list(CHROMIUM_CANDIDATES) + [shutil.which("chromium")]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    missing("Chromium is not installed (the browser gates need Debian's /usr/bin/chromium)",
            "apt-get update && apt-get install -y chromium")
    raise AssertionError("unreachable")


def require_playwright() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("the Playwright Python package is not installed",
                ".venv/bin/pip install -e '.[test]'")


def require_axe() -> Path:
    if not shutil.which("node") and not AXE_JS.is_file():
        missing("Node/npm is not installed (axe-core comes from npm)",
                "apt-get install -y nodejs npm && npm ci")
    if not AXE_JS.is_file():
        missing(f"axe-core is not installed ({AXE_JS.relative_to(ROOT)} is missing)", "npm ci")
    return AXE_JS


def require_vnu() -> tuple[str, Path]:
    java = shutil.which("java")
    if not java:
        missing("Java is not installed (the W3C Nu validator needs it)",
                "apt-get install -y default-jre-headless")
    if not VNU_JAR.is_file():
        missing(f"vnu-jar is not installed ({VNU_JAR.relative_to(ROOT)} is missing)", "npm ci")
    return java, VNU_JAR

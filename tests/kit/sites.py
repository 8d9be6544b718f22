"""Building sites: the real one (``build(ROOT / 'mkdocs.yml', dest)``) and mini-sites.

Mini-sites follow mkdocs-macros-plugin's ``test/<case>/`` layout, made on the fly in a
tmp dir: a mkdocs.yml, a docs/ folder with the scenario's pages, and the plugin's
``data_dir`` pointing at the data to use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .paths import FIXTURE, ROOT, TEST_SITE_URL


def source_date_epoch() -> str:
    """The commit time (what the publish workflow builds with), for reproducible builds."""
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=30).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    return "1700000000"


def real_config() -> Path:
    """The real site's mkdocs.yml, or ``RR_MKDOCS_CONFIG`` to check another."""
    return Path(os.environ.get("RR_MKDOCS_CONFIG") or ROOT / "mkdocs.yml").resolve()


def build_env(**extra: str) -> dict[str, str]:
    """The environment of a test build: the commit time, and the test site URL."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=source_date_epoch(),
                SITE_URL=TEST_SITE_URL, **extra)


def build(config: Path, site_dir: Path, strict: bool = True,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build`` in a subprocess, as ``make build`` runs it."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, capture_output=True, text=True, env=env or build_env(),
                          cwd=str(config.parent), timeout=900)


def build_in_process(config: Path, site_dir: Path, command: str = "build") -> Any:
    """Build in this process, as the ``mkdocs`` command does; returns the config (its
    plugins, e.g. the race-and-reliance plugin's load counter, stay inspectable)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cfg = load_config(config_file=str(config), site_dir=str(site_dir), strict=True)
    cfg.plugins.on_startup(command=command, dirty=False)
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return cfg


#: The search separator mkdocs.yml sets (the real site's index must carry it): whitespace,
#: the zero-width space jieba's segmentation writes, the word joiner before an evidence
#: number, hyphens and Chinese punctuation.
SEARCH_SEPARATOR = r"[\s\u200b\u2060\-·・，。、；：！？“”‘’《》「」『』（）【】]+"

PLUGINS = [
    {"search": {"separator": SEARCH_SEPARATOR}},
    "race-and-reliance",
    {"macros": {"on_error_fail": True, "on_undefined": "strict"}},
]
I18N = {"i18n": {"docs_structure": "suffix", "fallback_to_default": False,
                 "reconfigure_search": False,
                 "languages": [{"locale": "en", "name": "English", "default": True},
                               {"locale": "zh", "name": "中文"}]}}


def mini_site(root: Path, pages: dict[str, str], data_dir: Path = FIXTURE,
              nav: list | None = None, i18n: bool = False, **extra_config: Any) -> Path:
    """Write a mini-site under ``root``; returns its mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    plugins: list[Any] = [p if p != "race-and-reliance" else
                          {"race-and-reliance": {"data_dir": str(data_dir)}} for p in PLUGINS]
    if i18n:
        plugins.append(I18N)
    config = {
        "site_name": "Mini",
        "site_url": "https://example.org/mini/",
        "strict": True,
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False, "custom_dir": str(ROOT / "overrides")},
        "plugins": plugins,
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", "tables",
                                {"toc": {"permalink": True}}],
        "extra": {"generator": False},
        **extra_config,
    }
    if nav is not None:
        config["nav"] = nav
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def discover_pages(site_dir: Path, include_404: bool = False) -> list[str]:
    """Every page of a built site as its URL relative to the site root ('' = home)."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).parent.as_posix()
        pages.append("" if rel == "." else rel + "/")
    if include_404 and (site_dir / "404.html").is_file():
        pages.append("404.html")
    return pages


def page_html(site_dir: Path, page: str) -> str:
    """The HTML of a built page ('' is the home page, 'compute/', '404.html')."""
    path = site_dir / page / "index.html" if page == "" or page.endswith("/") \
        else site_dir / page
    return path.read_text("utf-8")

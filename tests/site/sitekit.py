"""Helpers for the site tests: fixture fact base, mini-sites, builds, HTML link parsing.

Mini-sites follow mkdocs-macros-plugin's test/<case>/ layout, made on the fly in a tmp
dir: a mkdocs.yml, a docs/ folder with the scenario's pages, a `macros` symlink to the
real package, and `extra.data_dir` pointing at the data to use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "mini-data"
GOLDEN = Path(__file__).resolve().parent / "golden"
MKDOCS_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def mini_site(root: Path, pages: dict[str, str], data_dir: Path = FIXTURE,
              nav: list | None = None, **extra_config) -> Path:
    """Write a mini-site under ``root``; returns its mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    link = root / "macros"
    if not link.exists():
        link.symlink_to(ROOT / "macros", target_is_directory=True)
    config = {
        "site_name": "Mini",
        "site_url": "https://example.org/mini/",
        "strict": True,
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False},
        "plugins": [
            {"search": {"separator": r"[\s\u200b\-]+"}},
            {"macros": {"module_name": "macros", "on_error_fail": True,
                        "on_undefined": "strict"}},
        ],
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", "tables",
                                {"toc": {"permalink": True}}],
        "extra": {"data_dir": str(data_dir), "generator": False},
        **extra_config,
    }
    if nav is not None:
        config["nav"] = nav
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def build(config: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """``mkdocs build`` in a subprocess (as `make build` runs it)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, capture_output=True, text=True, env=MKDOCS_ENV,
                          cwd=str(config.parent), timeout=600)


def build_in_process(config: Path, site_dir: Path) -> None:
    """Build in this process, as the `mkdocs build` command does (for the load counter)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cfg = load_config(config_file=str(config), site_dir=str(site_dir), strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def pages_of(site_dir: Path) -> list[str]:
    """Every page as its URL relative to the site root ('' is the home page)."""
    out = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).parent.as_posix()
        out.append("" if rel == "." else rel + "/")
    return out


@dataclass
class Parsed:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.out.ids.add(a["id"] or "")
        for key in ("href", "src"):
            if a.get(key) is not None and not (tag == "link" and a.get("rel") == "canonical"):
                self.out.links.append((tag, a[key] or ""))

    handle_startendtag = handle_starttag


def parse(html: str) -> Parsed:
    collector = _Collector()
    collector.feed(html)
    return collector.out

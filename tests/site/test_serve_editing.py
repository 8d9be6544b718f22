"""The editor's loop under ``make serve``, on a scratch copy of the real project: every
page the build makes is served; an edited fact shows on every page that shows it, and
no page shows it stale; a broken save answers with the problems and a good save brings
the pages back. (How fast: ``make bench``. These tests wait, they do not time.)"""

from __future__ import annotations

import html
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from kit import ROOT
from kit.serving import MakeServe, copy_code

FACT = "lin-junyang-china-ai-20-percent-chance-to-surpass-us"  # a compute forecast


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project's site sources: config, pages, data, theme overrides."""
    root = tmp_path_factory.mktemp("serve") / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


@pytest.fixture(scope="module")
def server(project, tmp_path_factory):
    code = copy_code(tmp_path_factory.mktemp("code"))
    with MakeServe(project / "mkdocs.yml", code, project.parent / "serve.log") as served:
        served.wait_for("", lambda status, body: status == 200 and "Race" in body,
                        timeout=600, what="the first build")
        yield served


def _pages(server: MakeServe) -> list[str]:
    """Every page the served sitemap lists, as paths under the site root."""
    _, sitemap = server.get("sitemap.xml")
    return [loc.split("/", 3)[3] for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


@pytest.mark.parametrize("path", [f"facts/{FACT}/", f"zh/facts/{FACT}/", "entities/nvidia/",
                                  "zh/entities/nvidia/", "downloads/facts.csv",
                                  "downloads/datapackage.json", "changes.xml",
                                  "zh/changes.xml"])
def test_every_page_and_file_the_build_makes_is_served(server, path):
    status, _ = server.get(path)
    assert status == 200, path


def test_an_edited_fact_shows_on_every_page_that_shows_it(server, project):
    facts_file = project / "data" / "facts" / "compute.yaml"
    original = facts_file.read_text("utf-8")
    fact = next(f for f in yaml.safe_load(original)["facts"] if f["id"] == FACT)
    old = {lang: fact["statement"][lang] for lang in ("en", "zh")}
    new = {"en": "Edited under serve, " + old["en"][12:], "zh": "编辑测试，" + old["zh"][6:]}
    pages = _pages(server)
    showing = {lang: {p for p in pages if old[lang] in _text(server, p)} for lang in old}
    # the theme page, the fact's own page, its entities' pages, the lists, in English
    assert {"compute/", f"facts/{FACT}/"} <= showing["en"] and len(showing["en"]) >= 5
    edited = original
    for lang in old:
        edited = edited.replace(f"{lang}: {old[lang]}", f"{lang}: {new[lang]}", 1)
    assert edited != original
    try:
        facts_file.write_text(edited, "utf-8")
        for lang in old:
            for page in sorted(showing[lang]):
                server.wait_for(page, lambda status, body, lang=lang: status == 200 and
                                new[lang] in html.unescape(body), timeout=120,
                                what=f"the edited statement ({lang})")
        stale = [p for p in pages for lang in old if old[lang] in _text(server, p)]
        assert not stale, stale
    finally:
        facts_file.write_text(original, "utf-8")
    server.wait_for("compute/", lambda status, body: old["en"] in html.unescape(body),
                    timeout=120, what="the statement restored")


def _text(server: MakeServe, page: str) -> str:
    return html.unescape(server.get(page)[1])


def _problems_page(status: int, body: str) -> bool:
    return "cannot be built" in body


def test_a_broken_save_shows_the_problems_until_a_good_save(server, project):
    facts_file = project / "data" / "facts" / "compute.yaml"
    original = facts_file.read_text("utf-8")
    broken = original.replace("    kind: forecast", "    kind: forcast", 1)
    line = original[:original.index("    kind: forecast")].count("\n") + 1
    try:
        time.sleep(1)  # a save the server's file watcher tells apart from the last one
        facts_file.write_text(broken, "utf-8")
        for page in ("compute/", f"facts/{FACT}/", "zh/talent/"):
            _, body = server.wait_for(page, _problems_page, timeout=60,
                                      what="the problems page")
            assert f"data/facts/compute.yaml:{line}:" in body
            assert "did you mean &#39;forecast&#39;?" in body
    finally:
        facts_file.write_text(original, "utf-8")
    for page in ("compute/", f"facts/{FACT}/", "zh/talent/"):
        server.wait_for(page, lambda status, body: status == 200
                        and not _problems_page(status, body) and "md-content" in body,
                        timeout=120, what="the page back")


def test_a_broken_page_shows_the_failed_macro_until_a_good_save(server, project):
    page_file = project / "docs" / "capital.md"
    original = page_file.read_text("utf-8")
    try:
        time.sleep(1)
        page_file.write_text(original + "\n\n{{ figure('no-such-fact') }}\n", "utf-8")
        _, body = server.wait_for("capital/", _problems_page, timeout=60,
                                  what="the problems page")
        assert "capital.md: figure(&#39;no-such-fact&#39;): unknown fact id" in body
    finally:
        page_file.write_text(original, "utf-8")
    server.wait_for("capital/", lambda status, body: status == 200
                    and not _problems_page(status, body) and "md-content" in body,
                    timeout=120, what="the page back")

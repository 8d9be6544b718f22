"""Mini-sites per scenario (like mkdocs-macros-plugin's test/<case>/), over the fixture data:
hostile text, unknown ids, broken macros, broken data, one data load per build, reloads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kit import FIXTURE, build, build_in_process, discover_pages, mini_site

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ config }}",
           "{% include 'x' %}"]
HOSTILE_TEXT = " ".join(HOSTILE) + " [x](javascript:alert(1)) *em*"

ALL_MACROS_PAGE = """# All

Figure {{ figure('china-ai-compute-share-2025') }}, cite {{ cite('beichen-ceo-compute-forecast') }},
quote {{ quote('columnist-open-source-reliance') }}.

{{ key_figures() }}

{{ theme_cards() }}

{{ chart('share-of-ai-compute') }}

{{ claims() }}

{{ timeline() }}

{{ sources() }}
"""


def theme_page(theme: str) -> str:
    return f"# {theme}\n\n{{{{ theme_facts('{theme}') }}}}\n\n{{{{ theme_sources('{theme}') }}}}\n"


THEME_PAGES = {f"{t}.md": theme_page(t) for t in ("compute", "capital", "talent", "open-source")}


def _rewrite(path: Path, change) -> None:
    """Load a YAML data file, change it, write it back with its schema modeline."""
    text = path.read_text("utf-8")
    modeline = text.split("\n", 1)[0]
    data = yaml.safe_load(text)
    change(data)
    path.write_text(modeline + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    "utf-8")


def hostile_copy(dst: Path) -> Path:
    shutil.copytree(FIXTURE, dst)

    def facts(data):
        for fact in data["facts"]:
            fact["statement"]["en"] = f"{fact['statement']['en']} {HOSTILE_TEXT}"
            fact["quote_en"] = HOSTILE_TEXT
            fact["note"] = {"en": HOSTILE_TEXT, "zh": HOSTILE_TEXT}
            for correction in fact.get("corrections", []):
                correction["correct"] = {"en": HOSTILE_TEXT, "zh": HOSTILE_TEXT}
            for outside in fact.get("outside", []):
                outside["text"] = {"en": HOSTILE_TEXT, "zh": HOSTILE_TEXT}

    for theme_file in (dst / "facts").glob("*.yaml"):
        _rewrite(theme_file, facts)

    def sources(data):
        for source in data["sources"]:
            source["title_en"] = HOSTILE_TEXT
            source["outlet"]["en"] = HOSTILE_TEXT
            source["url"] = "javascript:alert(1)"
            for erratum in source.get("errata", []):  # 'says' stays verbatim: checked
                erratum["correct"] = {"en": HOSTILE_TEXT, "zh": HOSTILE_TEXT}

    _rewrite(dst / "sources.yaml", sources)

    def entities(data):
        for entity in data["entities"]:
            entity["name"]["en"] = HOSTILE_TEXT

    _rewrite(dst / "entities.yaml", entities)

    def questions(data):
        for question in data["questions"]:
            question["text"]["en"] = HOSTILE_TEXT
            for position in question["positions"]:
                position["label"]["en"] = HOSTILE_TEXT

    _rewrite(dst / "questions.yaml", questions)
    return dst


def _live_markup(html: str) -> list[str]:
    """Elements or attributes that would run: script/img/iframe tags, on* handlers,
    javascript: links (parsed as a browser would, not by string search)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            data_block = tag == "script" and dict(attrs).get("type") == "application/ld+json"
            if tag in ("script", "img", "iframe", "object", "embed") and not data_block:
                found.append(f"<{tag}>")  # JSON-LD is data, never run (jsonld.script)
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"{tag} {name}=")
                if name in ("href", "src") and (value or "").strip().lower().startswith(
                        "javascript:"):
                    found.append(f"{tag} {name}={value}")

    P().feed(html)
    return found


def test_hostile_text_renders_inert_and_literal(tmp_path):
    data = hostile_copy(tmp_path / "data")
    config = mini_site(tmp_path / "site-src", {"index.md": ALL_MACROS_PAGE, **THEME_PAGES},
                       data_dir=data)
    proc = build(config, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr[-4000:]
    for page in discover_pages(tmp_path / "site"):
        html = (tmp_path / "site" / page / "index.html").read_text("utf-8")
        body = html.split('<div class="md-content"', 1)[1].split('</article>', 1)[0]
        live = _live_markup(body)
        assert not live, (page, live)
        assert "{{ config }}" in body, f"/{page}: '{{{{ config }}}}' not shown literally"
        assert "{% include &#39;x&#39; %}" in body or "{% include 'x' %}" in body, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, page
        assert "config_file_path" not in body and "site_name" not in body, page


def test_unknown_fact_id_fails_naming_page_and_call(tmp_path):
    config = mini_site(tmp_path, {"index.md": "# Home\n",
                                  "bad-page.md": "# Bad\n\nAbout "
                                  "{{ figure('china-ai-compute-share-2052') }}.\n"})
    proc = build(config, tmp_path / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "bad-page.md" in log
    assert "figure('china-ai-compute-share-2052')" in log
    assert "(did you mean 'china-ai-compute-share-2025'" in log


@pytest.mark.parametrize("page,needle", [
    ("{{ chart('share-of-ai-compute', 'open-model-downloads') }}", "same unit"),
    ("{{ figure() }}", "expected figure(fact_id)"),
    ("{{ figure('china-ai-compute-share-2025' }}", "Syntax Error"),
    ("{{ no_such_macro('x') }}", "no_such_macro"),
    ("{{ theme_facts('compute', 'extra') }}", "too many positional arguments"),
])
def test_broken_macro_fails_the_build(tmp_path, page, needle):
    config = mini_site(tmp_path, {"index.md": "# Home\n", "broken.md": f"# B\n\n{page}\n"})
    proc = build(config, tmp_path / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, log[-2000:]
    assert "broken.md" in log and needle in log, log[-3000:]


def test_bad_data_fails_listing_every_problem(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)

    def break_two(d):
        d["facts"][0]["measure"] = "no-such-measure"
        d["facts"][-1]["source"] = "no-such-source"

    _rewrite(data / "facts" / "compute.yaml", break_two)
    config = mini_site(tmp_path / "src", {"index.md": "# Home\n"}, data_dir=data)
    proc = build(config, tmp_path / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "2 problem(s)" in log
    assert "unknown measure 'no-such-measure'" in log and "unknown source 'no-such-source'" in log
    assert "compute.yaml:" in log


def test_data_is_loaded_once_per_build(tmp_path):
    """mkdocs-static-i18n runs one MkDocs build per language, each with its own
    on_config; the plugin keeps the checked fact base while no data file changes. So
    one `mkdocs build` of both languages loads the data once, a rebuild with unchanged
    data (mkdocs serve after a page edit: MkDocs keeps the plugin, which defines
    on_startup) loads it not at all, and a rebuild after a data file changed loads it
    once more."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    pages = {"index.md": ALL_MACROS_PAGE, **THEME_PAGES,
             "more.md": "# More\n\n" + "{{ figure('china-ai-compute-share-2025') }}\n" * 20}
    pages.update({name[:-3] + ".zh.md": text for name, text in pages.items()})
    config = mini_site(tmp_path / "src", pages, data_dir=data, i18n=True)
    plugin = build_in_process(config, tmp_path / "site1").plugins["race-and-reliance"]
    before = plugin.loads
    assert before >= 1
    site1 = tmp_path / "site1"
    assert 'id="fact-china-ai-compute-share-2025"' in (
        site1 / "zh" / "compute" / "index.html").read_text("utf-8")
    assert "约15%" in (site1 / "zh" / "more" / "index.html").read_text("utf-8")
    assert "about 15%" in (site1 / "more" / "index.html").read_text("utf-8")
    assert (site1 / "zh" / "facts" / "china-ai-compute-share-2025" / "index.html").is_file()

    again = build_in_process(config, tmp_path / "site2").plugins["race-and-reliance"]
    assert again is plugin, "MkDocs keeps a plugin that defines on_startup"
    assert plugin.loads == before, "unchanged data is not loaded again"

    changed = data / "measures.yaml"
    changed.write_text(changed.read_text("utf-8") + "\n", "utf-8")
    build_in_process(config, tmp_path / "site3")
    assert plugin.loads == before + 1, "changed data is loaded again, once"
    assert 'id="fact-china-ai-compute-share-2025"' in (
        tmp_path / "site3" / "compute" / "index.html").read_text("utf-8")

"""Injection gate: hostile text in every text field of the data is shown, never run.

Builds a small site over a hostile copy of tests/fixtures/mini-data (see injection.py):
the build must succeed, no hostile text may become live markup (script, event handler,
javascript: link, <img>), templates in data ({{ config }}, {% include %}) must not be
evaluated, and in the browser no script runs, no dialog opens and every hostile string
shows literally as text.
"""

from __future__ import annotations

import pytest

from kit import FIXTURE, build

from . import browser as B
from . import checks
from . import injection as I


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    if not FIXTURE.is_dir():
        pytest.fail(f"{FIXTURE} is missing: the injection gate needs the mini fixture data",
                    pytrace=False)
    root = tmp_path_factory.mktemp("hostile")
    ids = I.hostile_data(FIXTURE, root / "data")
    config = I.write_site(root, root / "data", ids)
    proc = build(config, root / "site")
    assert proc.returncode == 0, (
        "the site over hostile (but valid) data must build:\n" + proc.stderr[-5000:])
    return root / "site"


@pytest.fixture(scope="module")
def hostile_served(hostile_site):
    s = checks.serve(hostile_site, checks.site_prefix(hostile_site))
    yield s
    s.close()


def test_hostile_text_never_becomes_markup(hostile_site):
    problems = []
    for page in checks.discover_pages(hostile_site, include_404=True):
        html = checks.page_file(hostile_site, page).read_text("utf-8")
        hits = checks.raw_injection_hits(html)
        if hits:
            problems.append(f"/{page}: {len(hits)} x " + "; ".join(sorted(set(hits))))
    assert not problems, "hostile data text became live HTML:\n" + "\n".join(problems)


def test_hostile_templates_are_not_evaluated(hostile_site):
    """`{{ config }}` in data must not dump the config (mkdocs-macros must not re-render)."""
    problems = []
    for page in checks.discover_pages(hostile_site):
        html = checks.page_file(hostile_site, page).read_text("utf-8")
        if "{{ config }}" not in html:
            problems.append(f"/{page}: '{{{{ config }}}}' does not appear literally")
        if "&#39;x&#39; %}" not in html and "'x' %}" not in html:
            problems.append(f"/{page}: '{{% include 'x' %}}' does not appear literally")
        if "config_file_path" in html or "'site_name'" in html:
            problems.append(f"/{page}: the MkDocs config was dumped into the page")
    assert not problems, "\n".join(problems)


def test_hostile_text_in_browser(browser, hostile_site, hostile_served):
    """No dialog, no script, no injected element; every hostile string shows as text."""
    problems = []
    origin = hostile_served.origin
    seen_text = ""
    # Every page written by hand, and one fact and one entity page per language (each
    # generated kind is one template over different data).
    for page in checks.browser_sample(checks.discover_pages(hostile_site), per_kind=1):
        ctx, p, visit = B.open_page(browser, origin, hostile_served.url(page), settle=False)
        try:
            p.wait_for_timeout(250)  # give a planted handler or timer a chance
            live = B.injected_markup(p)
            text = p.evaluate("document.body.innerText")
            seen_text += text
            missing = [n for n in I.HOSTILE_PARTS if n not in text]
        finally:
            ctx.close()
        where = f"/{page}"
        problems += [f"{where}: dialog opened: {d}" for d in visit.dialogs]
        problems += [f"{where}: live hostile markup ({live.count(m)}x): {m}" for m in sorted(set(live))]
        problems += [f"{where}: uncaught exception: {e}" for e in visit.page_errors]
        problems += [f"{where}: external request: {u}" for u in visit.external_requests]
        if missing:
            problems.append(f"{where}: not shown literally: {missing}")
    assert not problems, "\n".join(problems)

"""Gates that read the built files: links and anchors, page weight, HTML validity,
reproducibility. Only the validity gate needs a tool (Java + vnu-jar from npm)."""

from __future__ import annotations

from kit import build, real_config

from . import checks
from .tools import require_vnu


def test_no_broken_internal_links_or_anchors(site_dir):
    """Every href/src and #anchor in every HTML file resolves, with the site under its sub-path."""
    problems = checks.check_links(site_dir)
    assert not problems, f"{len(problems)} broken internal links/anchors:\n" + "\n".join(problems[:80])


def test_page_weight_budget(site_dir, pages):
    """Each page (HTML + CSS/JS/fonts/images it loads, no search index) is under budget."""
    problems, lines = [], []
    for page in pages:
        sizes, external = checks.page_resources(site_dir, page)
        lines.append(f"  {sum(sizes.values()):>9,}  /{page}")
        problems += checks.check_page_weight(site_dir, page)
        problems += [f"{page or '/'}: loads external {u}" for u in external]
    total, count = checks.site_size(site_dir)
    print(f"\n[quality] page weight (budget {checks.PAGE_BUDGET_BYTES:,} bytes):\n" + "\n".join(lines))
    print(f"[quality] total site size: {total:,} bytes in {count} files")
    assert not problems, "\n".join(problems)


def test_html_is_valid(site_dir):
    """The W3C Nu validator reports no errors on any page (filters: checks.VNU_IGNORED)."""
    java, jar = require_vnu()
    messages = checks.run_vnu(java, jar, site_dir)
    problems = checks.vnu_errors(messages, site_dir)
    assert not problems, f"{len(problems)} HTML errors:\n" + "\n".join(problems[:80])


def test_two_builds_are_identical(site_dir, tmp_path):
    """A second strict build of the same tree (SOURCE_DATE_EPOCH = commit time, another
    output directory) is byte-identical to the session's build."""
    second = tmp_path / "b"
    proc = build(real_config(), second)
    assert proc.returncode == 0, proc.stderr[-4000:]
    problems = checks.compare_builds(site_dir, second)
    assert not problems, "builds differ:\n" + "\n".join(problems[:80]) + (
        f"\nknown exceptions: {checks.REPRODUCIBLE_EXCEPTIONS}")

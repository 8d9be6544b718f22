"""Partials are checked against their callers.

Each partial in macros/templates/ opens with a header naming its parameters (``@param
name …``). The header must say exactly what the partial uses (read from its Jinja syntax
tree), and the renderers must pass exactly what the header names (recorded while every
macro renders over the fixture data, as the golden cases call them). A partial included
by another gets its parameters from the includer's context. ``L`` and ``lang``, which
every partial gets, are not parameters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from jinja2 import Environment, meta, nodes

from kit.macro_cases import CASES
from macros.render import page as page_module
from macros.render.html import TEMPLATES_DIR, make_environment

GLOBALS = {"L", "lang"}
PARAM = re.compile(r"^\s*@param\s+(\w+)", re.M)


def header_params(source: str) -> list[str]:
    head = source[: source.index("#}")] if source.lstrip().startswith("{#") else ""
    return PARAM.findall(head)


def bound_names(ast: nodes.Template) -> set[str]:
    """Names a template binds itself: loop targets, {% set %}s and {% with %}s."""
    names: set[str] = set()
    for node in ast.find_all((nodes.For, nodes.Assign, nodes.With)):
        targets = node.targets if isinstance(node, nodes.With) else [node.target]
        for target in targets:
            names |= {n.name for n in target.find_all(nodes.Name)} | (
                {target.name} if isinstance(target, nodes.Name) else set())
    return names


def partial_problems(templates_dir: Path, calls: dict[str, list[set[str]]]) -> list[str]:
    """Every mismatch between partials' headers, their bodies, their includes and what
    the renderers passed (``calls``: template name -> the context keys of each render)."""
    env: Environment = make_environment(templates_dir)
    problems: list[str] = []
    parsed = {}
    for path in sorted(templates_dir.glob("_*.html")):
        source = path.read_text("utf-8")
        parsed[path.name] = (header_params(source), env.parse(source))
    included: dict[str, set[str]] = defaultdict(set)  # partial -> names its includers have
    for params, ast in parsed.values():
        available = set(params) | bound_names(ast) | GLOBALS
        for inc in ast.find_all(nodes.Include):
            if isinstance(inc.template, nodes.Const):
                included[inc.template.value] |= available
    for name, (params, ast) in parsed.items():
        used = meta.find_undeclared_variables(ast) - GLOBALS
        for p in sorted(set(params) - used):
            problems.append(f"{name}: @param {p} is never used")
        for v in sorted(used - set(params)):
            problems.append(f"{name}: uses {v!r}, which its header does not name")
        if name in included:
            for p in sorted(set(params) - included[name]):
                problems.append(f"{name}: @param {p} is not in the context of the partial "
                                "that includes it")
        for keys in calls.get(name, []):
            passed = keys - GLOBALS
            for p in sorted(set(params) - passed):
                problems.append(f"{name}: the renderer does not pass @param {p}")
            for k in sorted(passed - set(params)):
                problems.append(f"{name}: the renderer passes {k!r}, which the header "
                                "does not name")
        if name not in calls and name not in included:
            problems.append(f"{name}: no renderer renders it and no partial includes it")
    return sorted(set(problems))


@pytest.fixture(scope="module")
def recorded_calls(mini_site_model, monkeypatch_module) -> dict[str, list[set[str]]]:
    calls: dict[str, list[set[str]]] = defaultdict(list)
    original = page_module.render_partial

    def spy(env, name, /, **context):
        calls[name].append(set(context))
        return original(env, name, **context)

    monkeypatch_module.setattr(page_module, "render_partial", spy)
    from macros.evidence.factbase import FactBase
    from macros.render import PageContext, Site

    for _golden, macro, args, url, lang in CASES:
        mini_site_model.begin_page(url)
        mini_site_model.call(PageContext(url=url, lang=lang), macro, args)
    # A theme with no evidence yet (every theme of the fixture has some).
    fb = mini_site_model.fb
    empty = Site(FactBase(archives=fb.archives, sources=fb.sources, entities=fb.entities,
                          questions=fb.questions, measures=fb.measures, facts={}))
    empty.call(PageContext(url="talent/"), "theme_facts", ["talent"])
    return dict(calls)


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_partials_match_their_headers_and_callers(recorded_calls):
    assert partial_problems(TEMPLATES_DIR, recorded_calls) == []


def test_every_partial_opens_with_a_header_and_an_example():
    for path in sorted(TEMPLATES_DIR.glob("*.html")):
        text = path.read_text("utf-8").lstrip()
        assert text.startswith("{#"), path.name
        assert "@example" in text[: text.index("#}")], path.name


def test_the_check_catches_each_kind_of_drift(tmp_path):
    (tmp_path / "_a.html").write_text(
        "{#\n  @param items  x\n  @param unused  y\n  @example <p>\n#}\n"
        "{% for f in items %}{{ f.x }}{{ extra }}{% include '_b.html' %}{% endfor %}")
    (tmp_path / "_b.html").write_text("{#\n  @param f  x\n  @param g  y\n  @example <p>\n#}\n"
                                      "{{ f }}{{ g }}")
    (tmp_path / "_orphan.html").write_text("{#\n  @example <p>\n#}\n<p></p>")
    calls = {"_a.html": [{"items", "L", "lang", "views"}]}
    assert partial_problems(tmp_path, calls) == sorted([
        "_a.html: @param unused is never used",
        "_a.html: uses 'extra', which its header does not name",
        "_a.html: the renderer does not pass @param unused",
        "_a.html: the renderer passes 'views', which the header does not name",
        "_b.html: @param g is not in the context of the partial that includes it",
        "_orphan.html: no renderer renders it and no partial includes it",
    ])

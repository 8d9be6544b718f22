"""Golden HTML for every macro over tests/fixtures/mini-data.

Run ``UPDATE_GOLDEN=1 pytest tests/render/test_golden.py`` to rewrite
tests/render/golden/*.html after an intended change, then review the diff.
"""

from __future__ import annotations

import os

import pytest

from kit import GOLDEN
from kit.macro_cases import CASES
from macros.render import MACROS

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

def test_every_macro_has_a_golden_case():
    assert set(MACROS) <= {case[1] for case in CASES}


@pytest.mark.parametrize("golden,name,args,url,lang", CASES, ids=[c[0] for c in CASES])
def test_golden(render, golden, name, args, url, lang):
    html = render(name, *args, url=url, lang=lang)
    path = GOLDEN / f"{golden}.html"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(html.strip() + "\n", encoding="utf-8")
        return
    assert path.is_file(), f"{path} missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert html.strip() + "\n" == path.read_text(encoding="utf-8"), (
        f"{name}{tuple(args)} changed; if intended: UPDATE_GOLDEN=1 pytest {__file__}")

"""The fact engine is plain Python: importing and running it never loads MkDocs."""

from __future__ import annotations

import json
import subprocess
import sys

from evidence_helpers import MINI_DATA, REPO

SCRIPT = f"""
import json, sys
import macros.evidence
from macros.evidence import check_data
import macros.evidence.cli, macros.evidence.schema
report = check_data({str(MINI_DATA)!r})
assert report.factbase is not None
print(json.dumps(sorted(m for m in sys.modules
                        if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros'))))
"""


def test_macros_evidence_imports_neither_mkdocs_nor_material() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert json.loads(result.stdout) == []

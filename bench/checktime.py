"""Time one ``check_data`` in a fresh process: ``python bench/checktime.py DATA_DIR``.

Prints one JSON object: seconds for the imports and for ``check_data`` (load, validate,
cross-check, index archives, match quotes, build the FactBase), the counts found, and
the process's peak resident memory. ``bench/run.py`` runs it once per timed run, so
every measurement starts cold, as ``make check`` and every ``mkdocs build`` do.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    data_dir = Path(sys.argv[1])
    sys.path.insert(0, str(REPO))
    started = time.perf_counter()
    from macros.evidence.check import check_data

    imported = time.perf_counter()
    cpu = time.process_time()
    report = check_data(data_dir)
    done = time.perf_counter()
    cpu = time.process_time() - cpu
    fb = report.factbase
    print(json.dumps({
        "import_s": imported - started,
        "check_s": done - imported,
        "check_cpu_s": cpu,  # this process's CPU time: less sensitive to a busy machine
        "facts": len(fb.facts) if fb else None,
        "sources": len(fb.sources) if fb else None,
        "problems": len(report.problems),
        "warnings": len(report.warnings),
        "first_problems": [p.format("error") for p in report.problems[:5]],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

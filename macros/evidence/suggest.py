""""Did you mean …?": the one home of suggestions for a mistyped name. Plain Python.

The checker (for ids and field names in the data) and the renderers (for ids in macro
calls) both use :func:`did_you_mean`, so an editor sees the same wording wherever a name
is wrong: ``unknown measure 'gpu-share' (did you mean 'gpu-shares'?)``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6  # difflib's similarity ratio a suggestion needs


def closest(value: str, choices: Iterable[str], n: int = 1) -> list[str]:
    """Up to ``n`` choices most like ``value``, best first."""
    return difflib.get_close_matches(str(value), list(choices), n=n, cutoff=CUTOFF)


def did_you_mean(value: str, choices: Iterable[str], n: int = 1) -> str | None:
    """"did you mean 'x'?" (or "'x' or 'y'" for ``n`` > 1), or None when nothing is close."""
    matches = closest(value, choices, n)
    if not matches:
        return None
    return "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"

"""What the checker reports: one Problem per thing an editor has to fix.

Rendered like a compiler message so editors and terminals can jump to it:
``data/facts/compute.yaml:12:5: fact us-lead: measure: unknown measure 'gpu-share' (did you mean 'gpu-shares'?)``
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the data directory's parent, e.g. data/facts/compute.yaml
    line: int  # 1-based
    column: int  # 1-based
    subject: str  # what it is about: "fact us-lead", "source nyt-…", "facts file"
    field: str  # dotted path inside the subject: "quantity.unit", "entities[2]"; may be ""
    message: str
    hint: str | None = None

    def format(self, severity: str | None = None) -> str:
        parts = [f"{self.path}:{self.line}:{self.column}"]
        if severity:
            parts.append(severity)
        parts += [part for part in (self.subject, self.field) if part]
        text = ": ".join(parts) + f": {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def __str__(self) -> str:
        return self.format()

    @property
    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.column)

"""Geometry for an inline SVG bar chart. Plain Python, no MkDocs, no JavaScript.

The chart is computed here as numbers and strings; ``templates/_chart.html`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

WIDTH = 720
LABEL_W = 220
VALUE_W = 170
ROW_H = 34
BAR_H = 18
PAD_TOP = 10
PAD_BOTTOM = 12


@dataclass(frozen=True)
class Bar:
    label: str
    full_label: str
    sublabel: str
    value_text: str
    low: float
    high: Optional[float]
    href: str
    tone: str  # 'us', 'china' or 'other': colour class
    # Geometry, filled in by layout()
    y: float = 0
    solid_w: float = 0
    range_w: float = 0


@dataclass(frozen=True)
class ChartLayout:
    width: int
    height: int
    label_w: int
    plot_w: int
    row_h: int
    bar_h: int
    bars: list[Bar]
    has_range: bool


def layout(bars: list[Bar]) -> ChartLayout:
    """Scale bars to the largest value; a range draws solid to ``low`` and light to ``high``."""
    plot_w = WIDTH - LABEL_W - VALUE_W
    top = max((b.high if b.high is not None else b.low) for b in bars) if bars else 1
    top = top if top > 0 else 1
    placed = []
    for i, b in enumerate(bars):
        solid = max(b.low, 0) / top * plot_w
        rng = (max(b.high, 0) - max(b.low, 0)) / top * plot_w if b.high is not None else 0
        placed.append(Bar(**{**b.__dict__, "y": PAD_TOP + i * ROW_H,
                             "solid_w": round(max(solid, 1.5), 1), "range_w": round(rng, 1)}))
    height = PAD_TOP + len(bars) * ROW_H + PAD_BOTTOM
    return ChartLayout(WIDTH, height, LABEL_W, plot_w, ROW_H, BAR_H, placed,
                       any(b.high is not None for b in bars))


def fit(text: str, limit: int = 30) -> str:
    """Shorten a label for the SVG (the table and the link title keep it whole)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

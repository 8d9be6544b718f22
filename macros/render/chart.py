"""Geometry for an inline SVG bar chart. Plain Python, no MkDocs, no JavaScript.

The chart is computed here as numbers and strings; ``templates/_chart.html`` draws it.
The label column and the value column are as wide as their longest text (estimated from
character widths, CJK counting as a full em), so nothing is clipped at the chart's edges;
the plot keeps at least ``MIN_PLOT_W`` and the chart grows when the text needs more room
(the SVG scales to the page width).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

WIDTH = 720  # the chart's usual width; wider only when its text needs it
MIN_PLOT_W = 240
ROW_H = 34
BAR_H = 18
PAD_TOP = 10
PAD_BOTTOM = 12
# Text sizes in px; the template writes them as presentation attributes too, so the
# estimate holds without the site's CSS (which sets the same sizes).
LABEL_SIZE = 13  # bold
SUBLABEL_SIZE = 11
VALUE_SIZE = 12.5  # bold
LABEL_GAP = 12  # label's right end to the axis
VALUE_GAP = 8  # bar's end to the value
EDGE = 4  # spare room at the outer edges

# Light-palette colours (extra.css) as fallback fills when the stylesheet is absent.
TONE_FILLS = {"us": "#1f5fae", "china": "#b3261e", "other": "#5b6573"}


@dataclass(frozen=True)
class Bar:
    label: str
    full_label: str
    sublabel: str
    value_text: str
    low: float
    high: float | None
    href: str
    tone: str  # 'us', 'china' or 'other': colour class
    # Geometry, filled in by layout()
    y: float = 0
    solid_w: float = 0
    range_w: float = 0
    value_x: float = 0
    range_frame: str = ""  # SVG path: a solid outline around the light range part

    @property
    def fill(self) -> str:
        """Fallback fill for the stylesheet-less case (CSS classes override it)."""
        return TONE_FILLS.get(self.tone, TONE_FILLS["other"])


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
    value_w: int = 0
    label_x: int = 0  # right end of the labels (text-anchor="end")


def _char_em(ch: str) -> float:
    """Approximate advance width of a character in em, for a system sans-serif."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0  # CJK ideographs and full-width punctuation
    if ch in " .,:;'’|!()[]·ilj":
        return 0.34
    if ch in "ftrI-‐–":
        return 0.42
    if ch in "mwMW%@":
        return 0.92
    if ch.isupper() or ch in "$×−—…" or ch.isdigit():
        return 0.7
    return 0.58


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated rendered width of ``text`` in px at font ``size``, erring on the wide
    side: calibrated on DejaVu Sans (the widest common system sans-serif; Arial, Roboto
    and Segoe UI are narrower). Bold widens Latin text, not CJK."""
    latin = sum(_char_em(ch) for ch in text if columns(ch) == 1)
    cjk = len(text) - sum(1 for ch in text if columns(ch) == 1)
    return (latin * (1.17 if bold else 1.08) + cjk * 1.02) * size


def columns(text: str) -> int:
    """Display columns: CJK and full-width characters count 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def layout(bars: list[Bar]) -> ChartLayout:
    """Scale bars to the largest value; a range draws solid to ``low`` and light to ``high``."""
    label_text = max((max(text_width(b.label, LABEL_SIZE, bold=True),
                          text_width(b.sublabel, SUBLABEL_SIZE)) for b in bars), default=0)
    value_text = max((text_width(b.value_text, VALUE_SIZE, bold=True) for b in bars),
                     default=0)
    label_w = max(60, math.ceil(label_text + LABEL_GAP + EDGE))
    value_w = max(40, math.ceil(value_text + VALUE_GAP + EDGE))
    plot_w = max(MIN_PLOT_W, WIDTH - label_w - value_w)
    width = label_w + plot_w + value_w
    top = max((b.high if b.high is not None else b.low) for b in bars) if bars else 1
    top = top if top > 0 else 1
    placed = []
    for i, b in enumerate(bars):
        y = PAD_TOP + i * ROW_H
        solid = round(max(max(b.low, 0) / top * plot_w, 1.5), 1)
        rng = round((max(b.high, 0) - max(b.low, 0)) / top * plot_w, 1) \
            if b.high is not None else 0
        placed.append(Bar(**{**b.__dict__, "y": y, "solid_w": solid, "range_w": rng,
                             "value_x": round(label_w + solid + rng + VALUE_GAP, 1),
                             "range_frame": _frame(label_w + solid, y + 4, rng, BAR_H)}))
    height = PAD_TOP + len(bars) * ROW_H + PAD_BOTTOM
    return ChartLayout(width, height, label_w, plot_w, ROW_H, BAR_H, placed,
                       any(b.high is not None for b in bars), value_w, label_w - LABEL_GAP)


def _frame(x: float, y: float, w: float, h: float, stroke: float = 1.5) -> str:
    """An outline of a w×h box as one even-odd path, to fill with the bar's colour: the
    light range fill alone is below 3:1 contrast against the chart background."""
    if w <= 0:
        return ""
    n = lambda v: f"{round(v, 1):g}"  # noqa: E731
    outer = f"M{n(x)} {n(y)}h{n(w)}v{n(h)}h{n(-w)}z"
    if w <= 2 * stroke:
        return outer
    return (outer + f"M{n(x + stroke)} {n(y + stroke)}v{n(h - 2 * stroke)}"
            f"h{n(w - 2 * stroke)}v{n(-(h - 2 * stroke))}z")


def fit(text: str, limit: int = 30) -> str:
    """Shorten a label for the SVG to ``limit`` display columns, CJK characters counting
    two (the row's <title>, the <desc> and the table keep it whole)."""
    text = " ".join(text.split())
    if columns(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = columns(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"

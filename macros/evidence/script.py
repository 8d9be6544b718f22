"""Chinese script: Traditional to Simplified through OpenCC, one converter for the whole
site. Plain Python, no MkDocs.

The conversion is OpenCC's ``t2s``: characters and the standard phrase table, nothing
regional. ``tw2s`` also turns Taiwan's 著 into 着 where it is the aspect particle (隨著 ->
随着), but it changes Simplified text too (显著 -> 显着) and mistakes words (土著 ->
土着); ``tw2sp`` goes further and swaps vocabulary (人工智慧 -> 人工智能, 硬體 -> 硬件),
which rewords the source, and gets words wrong (核心 -> 内核, 执行力 -> 运行力). A
Simplified rendering changes the script of what the source printed, never its words.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

from .normalize import strip_artifacts


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in Simplified script (OpenCC ``t2s``), otherwise as written."""
    return _t2s().convert(text)


def to_simplified_all(texts: list[str]) -> list[str]:
    """Each text in Simplified script, converted in one OpenCC call: a call costs far
    more than the characters in it (about 10 µs), and no OpenCC phrase holds a line
    break, so texts joined by line breaks convert exactly as each would alone."""
    convert = _t2s().convert
    if len(texts) > 1 and not any("\n" in text for text in texts):
        converted = convert("\n".join(texts)).split("\n")
        if len(converted) == len(texts):
            return converted
    return [convert(text) for text in texts]


def simplified_rendering(quote: str) -> str | None:
    """The quote as it is shown (:func:`~.normalize.strip_artifacts`), in Simplified
    script; ``None`` when it is not Traditional. This is the rule: a quote is Traditional
    when its Simplified rendering differs from it."""
    shown = strip_artifacts(quote)
    converted = to_simplified(shown)
    return converted if converted != shown else None

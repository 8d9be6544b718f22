"""Number, unit and quantity formatting per page language. Plain Python, no MkDocs.

English uses thousand/million/billion/trillion words; Chinese uses 万 (10^4),
亿 (10^8) and 万亿 (10^12), as Chinese sources print them. Every function takes ``lang``.
"""

from __future__ import annotations

from typing import Optional

from ..evidence.model import Qualifier, Quantity, Unit

LANGS = ("en", "zh")

_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))

_QUALIFIERS = {
    "en": {
        Qualifier.exact: "{}",
        Qualifier.about: "about {}",
        Qualifier.more_than: "more than {}",
        Qualifier.at_least: "at least {}",
        Qualifier.less_than: "less than {}",
        Qualifier.at_most: "up to {}",
        Qualifier.nearly: "nearly {}",
    },
    "zh": {
        Qualifier.exact: "{}",
        Qualifier.about: "约{}",
        Qualifier.more_than: "超过{}",
        Qualifier.at_least: "至少{}",
        Qualifier.less_than: "不到{}",
        Qualifier.at_most: "最多{}",
        Qualifier.nearly: "近{}",
    },
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return lang


def _plain(value: float, lang: str, decimals: int = 2) -> str:
    """A number without scale words: 1,234.5 in English, 1234.5 in Chinese; a true
    minus sign for negatives."""
    if value < 0:
        return "\u2212" + _plain(-value, lang, decimals)
    if float(value).is_integer():
        text = f"{int(value):,}" if lang == "en" else str(int(value))
    else:
        text = f"{value:,.{decimals}f}" if lang == "en" else f"{value:.{decimals}f}"
        text = text.rstrip("0").rstrip(".")
    return text


def _scale_for(value: float, lang: str) -> tuple[float, str]:
    scales = _EN_SCALES if lang == "en" else _ZH_SCALES
    for factor, word in scales:
        if abs(value) >= factor:
            return factor, word
    return 1.0, ""


def format_number(value: float, lang: str = "en") -> str:
    """A bare number with a scale word: ``1.5 billion`` / ``15亿``; ``450,000`` / ``45万``."""
    check_lang(lang)
    factor, word = _scale_for(value, lang)
    if not word:
        return _plain(value, lang)
    scaled = _plain(value / factor, lang)
    return f"{scaled} {word}" if lang == "en" else f"{scaled}{word}"


def _format_span(low: float, high: Optional[float], lang: str) -> str:
    """One number, or a range sharing one scale word where possible (10–100 billion)."""
    if high is None:
        return format_number(low, lang)
    f_low, w_low = _scale_for(low, lang)
    f_high, w_high = _scale_for(high, lang)
    if lang == "en":
        if w_low == w_high:
            joined = f"{_plain(low / f_low, lang)}–{_plain(high / f_high, lang)}"
            return f"{joined} {w_high}" if w_high else joined
        return f"{format_number(low, lang)} to {format_number(high, lang)}"
    if w_low == w_high and not w_high:
        return f"{_plain(low, lang)}至{_plain(high, lang)}"
    return f"{format_number(low, lang)}至{format_number(high, lang)}"


def _plural(n: float, one: str, many: str) -> str:
    return one if n == 1 else many


def format_value(
    low: float,
    unit: Unit,
    lang: str = "en",
    *,
    high: Optional[float] = None,
    qualifier: Qualifier = Qualifier.exact,
    counted: Optional[str] = None,
) -> str:
    """A value or range in a unit, hedged by a qualifier, in the page language.

    >>> format_value(1e9, Unit.usd)
    '$1 billion'
    >>> format_value(4e11, Unit.cny, "zh", qualifier=Qualifier.nearly)
    '近4000亿元'
    >>> format_value(2, Unit.years, high=3)
    '2–3 years'
    """
    check_lang(lang)
    unit = Unit(unit)
    span = _format_span(low, high, lang)
    top = high if high is not None else low
    text: str
    if lang == "en":
        if unit is Unit.usd:
            text = f"${span}"
        elif unit is Unit.cny:
            text = f"{span} yuan"
        elif unit is Unit.percent:
            text = f"{span}%"
        elif unit is Unit.percentage_points:
            text = f"{span} {_plural(top, 'percentage point', 'percentage points')}"
        elif unit is Unit.count:
            text = f"{span} {counted}" if counted else span
        elif unit is Unit.multiple:
            text = f"{span}×"
        elif unit is Unit.years:
            text = f"{span} {_plural(top, 'year', 'years')}"
        elif unit is Unit.months:
            text = f"{span} {_plural(top, 'month', 'months')}"
        elif unit is Unit.rank:
            text = f"No. {span}"
        elif unit is Unit.score:
            text = span
        else:  # FLOPS, tokens, parameters
            text = f"{span} {unit.value}"
    else:
        if unit is Unit.usd:
            text = f"{span}美元"
        elif unit is Unit.cny:
            text = f"{span}元"
        elif unit is Unit.percent:
            text = f"{span}%" if high is None else f"{_plain(low, lang)}%至{_plain(high, lang)}%"
        elif unit is Unit.percentage_points:
            text = f"{span}个百分点"
        elif unit is Unit.count:
            text = f"{span}{counted}" if counted else span
        elif unit is Unit.multiple:
            text = f"{span}倍"
        elif unit is Unit.years:
            text = f"{span}年"
        elif unit is Unit.months:
            text = f"{span}个月"
        elif unit is Unit.rank:
            text = f"第{span}名"
        elif unit is Unit.score:
            text = f"{span}分"
        elif unit is Unit.parameters:
            text = f"{span}参数"
        else:
            text = f"{span} {unit.value}"
    return _QUALIFIERS[lang][Qualifier(qualifier)].format(text)


def format_quantity(quantity: Quantity, lang: str = "en", counted: Optional[str] = None) -> str:
    """A :class:`Quantity` as a reader-facing figure in the page language."""
    if quantity.value is not None:
        low, high = quantity.value, None
    else:
        assert quantity.low is not None and quantity.high is not None
        low, high = quantity.low, quantity.high
    return format_value(
        low, quantity.unit, lang, high=high, qualifier=quantity.qualifier, counted=counted
    )


def unit_label(unit: Unit, lang: str = "en", counted: Optional[str] = None) -> str:
    """The unit as a column or axis label: 'US dollars', '美元', 'per cent'…"""
    labels = {
        "en": {
            Unit.usd: "US dollars", Unit.cny: "yuan", Unit.percent: "per cent",
            Unit.percentage_points: "percentage points", Unit.count: counted or "count",
            Unit.multiple: "times", Unit.years: "years", Unit.months: "months",
            Unit.rank: "rank", Unit.score: "score", Unit.flops: "FLOPS",
            Unit.tokens: "tokens", Unit.parameters: "parameters",
        },
        "zh": {
            Unit.usd: "美元", Unit.cny: "元", Unit.percent: "百分比",
            Unit.percentage_points: "百分点", Unit.count: counted or "数量",
            Unit.multiple: "倍", Unit.years: "年", Unit.months: "月",
            Unit.rank: "排名", Unit.score: "分数", Unit.flops: "FLOPS",
            Unit.tokens: "token", Unit.parameters: "参数",
        },
    }
    return labels[check_lang(lang)][Unit(unit)]

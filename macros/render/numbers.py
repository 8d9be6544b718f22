"""Number, unit and quantity formatting per page language. Plain Python, no MkDocs.

English uses million/billion/trillion words; Chinese uses 万 (10^4), 亿 (10^8) and
万亿 (10^12), as Chinese sources print them -- but only where the scaled number is exact
(5.892亿, never a rounded 5.89亿); figure_note() gives the full digits for a title
attribute. Negatives take a true minus sign (U+2212). English count nouns are stored
plural and made singular for one. Every function takes ``lang``.
"""

from __future__ import annotations

from ..evidence.model import Qualifier, Quantity, Unit
from .labels import LABELS, check_lang

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


def _plain(value: float, lang: str, decimals: int = 2, *, group: bool | None = None) -> str:
    """A number without scale words: 1,234.5 in English, 1234.5 in Chinese; a true
    minus sign (U+2212) for negatives. At most ``decimals`` decimals, and never more than
    the value has (33.3 stays 33.3). ``group`` forces thousands separators on or off."""
    if value < 0:
        return "\u2212" + _plain(-value, lang, decimals, group=group)
    grouped = (lang == "en") if group is None else group
    comma = "," if grouped else ""
    if float(value).is_integer():
        return f"{int(value):{comma}}"
    text = f"{value:{comma}.{decimals}f}".rstrip("0").rstrip(".")
    return text


def _decimals_needed(value: float, limit: int) -> int | None:
    """The fewest decimals (at most ``limit``) that show ``value`` exactly, else None."""
    for d in range(limit + 1):
        if abs(round(value, d) - value) <= 1e-9 * max(1.0, abs(value)):
            return d
    return None


# A scale word is used only when it shows the value exactly with at most this many
# decimals: 5.892亿 and $589.2 million, but 12450 rather than a rounded 1.25万, and
# 1,234,567 rather than 1.23 million. The exact value is in figure_note() either way.
_SCALE_DECIMALS = {"万": 1}
_MAX_SCALE_DECIMALS = 3


def _scale_for(value: float, lang: str) -> tuple[float, str]:
    scales = _EN_SCALES if lang == "en" else _ZH_SCALES
    for factor, word in scales:
        if abs(value) >= factor and _decimals_needed(
                abs(value) / factor, _SCALE_DECIMALS.get(word, _MAX_SCALE_DECIMALS)) is not None:
            return factor, word
    return 1.0, ""


def format_number(value: float, lang: str = "en") -> str:
    """A bare number with a scale word: ``1.5 billion`` / ``15亿``; ``450,000`` / ``45万``."""
    check_lang(lang)
    factor, word = _scale_for(value, lang)
    if not word:
        return _plain(value, lang)
    scaled = _plain(value / factor, lang, _MAX_SCALE_DECIMALS)
    return f"{scaled} {word}" if lang == "en" else f"{scaled}{word}"


def _format_span(low: float, high: float | None, lang: str, prefix: str = "",
                 *, scale: bool = True) -> str:
    """One number, or a range sharing one scale word where possible (10–100 billion).
    ``prefix`` (a currency sign) goes before each number; ``scale=False`` writes every
    digit (1,000,000,000) for the exact value."""
    if not scale:
        one = lambda v: _signed(prefix, _plain(v, lang, 6, group=True))  # noqa: E731
        if high is None:
            return one(low)
        return f"{one(low)}–{one(high)}" if lang == "en" else f"{one(low)}至{one(high)}"
    if high is None:
        return _signed(prefix, format_number(low, lang))
    f_low, w_low = _scale_for(low, lang)
    f_high, w_high = _scale_for(high, lang)
    if lang == "en":
        if w_low == w_high:
            dec = _MAX_SCALE_DECIMALS if w_high else 2
            joined = (_signed(prefix, _plain(low / f_low, lang, dec)) + "–"
                      + _plain(high / f_high, lang, dec))
            return f"{joined} {w_high}" if w_high else joined
        return (f"{_signed(prefix, format_number(low, lang))} to "
                f"{_signed(prefix, format_number(high, lang))}")
    if w_low == w_high and not w_high:
        return f"{_signed(prefix, _plain(low, lang))}至{_plain(high, lang)}"
    return f"{_signed(prefix, format_number(low, lang))}至{format_number(high, lang)}"


def _signed(prefix: str, number: str) -> str:
    """A currency sign after the minus sign: −$1.5 billion."""
    if prefix and number.startswith("\u2212"):
        return "\u2212" + prefix + number[1:]
    return prefix + number


def _plural(n: float, one: str, many: str) -> str:
    return one if n == 1 else many


# English count nouns are stored in the plural in data/measures.yaml ("papers", "models
# or services", "deals per month"); singular() derives the form used for exactly one.
_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman",
              "movies": "movie", "series": "series", "species": "species", "data": "data"}
# Words that end a noun phrase's head: "deals | per month", "models | (of the top 10)".
_HEAD_ENDS = {"per", "of", "in", "on", "at", "from", "with", "for", "by", "to", "that"}


def _singular_word(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        return word[0] + _IRREGULAR[lower][1:]
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"  # companies → company
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]  # processes → process, switches → switch, boxes → box
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]  # papers → paper, start-ups → start-up
    return word


def singular(noun: str) -> str:
    """The singular of a plural English count noun or noun phrase: the head nouns change,
    qualifiers after 'per', 'of', '(' … do not.

    >>> singular("models or services"), singular("deals per month")
    ('model or service', 'deal per month')
    >>> singular("models (of a leaderboard's top 10)")
    "model (of a leaderboard's top 10)"
    """
    words = noun.split(" ")
    end = next((i for i, w in enumerate(words)
                if w.lower() in _HEAD_ENDS or w.startswith("(")), len(words))
    out = list(words)
    for i in range(end):
        if i == end - 1 or words[i + 1].lower() in ("or", "and", "/"):
            out[i] = _singular_word(words[i])
    return " ".join(out)


def count_noun(counted: str, n: float, lang: str = "en") -> str:
    """``counted`` (plural in English) for ``n`` things; Chinese has no plural."""
    return singular(counted) if check_lang(lang) == "en" and n == 1 else counted


def format_value(
    low: float,
    unit: Unit,
    lang: str = "en",
    *,
    high: float | None = None,
    qualifier: Qualifier = Qualifier.exact,
    counted: str | None = None,
    scale: bool = True,
) -> str:
    """A value or range in a unit, hedged by a qualifier, in the page language.

    ``counted`` names what a count counts (English plural: 'papers'; Chinese with its
    measure word: '篇论文'). ``scale=False`` writes the exact value in full digits.

    >>> format_value(1e9, Unit.usd)
    '$1 billion'
    >>> format_value(4e11, Unit.cny, "zh", qualifier=Qualifier.nearly)
    '近4000亿元'
    >>> format_value(2, Unit.years, high=3)
    '2–3 years'
    >>> format_value(1, Unit.count, counted="papers")
    '1 paper'
    """
    check_lang(lang)
    unit = Unit(unit)
    prefix = "$" if unit is Unit.usd and lang == "en" else ""
    span = _format_span(low, high, lang, prefix, scale=scale)
    top = high if high is not None else low
    text: str
    if lang == "en":
        if unit is Unit.usd:
            text = span
        elif unit is Unit.cny:
            text = f"{span} yuan"
        elif unit is Unit.percent:
            text = f"{span}%"
        elif unit is Unit.percentage_points:
            text = f"{span} {_plural(top, 'percentage point', 'percentage points')}"
        elif unit is Unit.count:
            text = f"{span} {count_noun(counted, top)}" if counted else span
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
        elif unit is Unit.tokens:
            text = f"{span} {_plural(top, 'token', 'tokens')}"
        else:  # FLOPS, parameters
            text = f"{span} {unit.value}"
    else:
        if unit is Unit.usd:
            text = f"{span}美元"
        elif unit is Unit.cny:
            text = f"{span}元"
        elif unit is Unit.percent:
            text = f"{span}%" if high is None else (
                f"{_format_span(low, None, lang, scale=scale)}%至"
                f"{_format_span(high, None, lang, scale=scale)}%")
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
        elif unit is Unit.tokens:
            text = f"{span}个token"
        else:  # FLOPS
            text = f"{span} {unit.value}"
    return _QUALIFIERS[lang][Qualifier(qualifier)].format(text)


def format_quantity(quantity: Quantity, lang: str = "en", counted: str | None = None,
                    *, scale: bool = True) -> str:
    """A :class:`Quantity` as a reader-facing figure in the page language."""
    if quantity.value is not None:
        low, high = quantity.value, None
    else:
        assert quantity.low is not None and quantity.high is not None
        low, high = quantity.low, quantity.high
    return format_value(low, quantity.unit, lang, high=high, qualifier=quantity.qualifier,
                        counted=counted, scale=scale)


_NOTE_WORDS = {
    "en": {"price_year": "in {year} prices", "sep": "; ", "colon": ": "},
    "zh": {"price_year": "按{year}年价格计", "sep": "；", "colon": "："},
}


def printed_in_words(as_printed: str) -> bool:
    """True when the source gives the figure without digits (三分之一以上, 一半, 六家)."""
    return not any(ch.isdigit() for ch in as_printed)


def figure_note(quantity: Quantity, lang: str = "en", counted: str | None = None) -> str:
    """What a figure's ``title`` attribute should add to the figure shown, or '':
    the exact value when the display uses 亿/万 or million/billion
    (10亿美元 → 1,000,000,000美元), the price year of a currency amount, and the
    source's wording when it gave the figure in words (more than 33.3% → 三分之一以上).
    """
    words = _NOTE_WORDS[check_lang(lang)]
    parts = []
    exact = format_quantity(quantity, lang, counted, scale=False)
    if exact.replace(",", "") != format_quantity(quantity, lang, counted).replace(",", ""):
        parts.append(exact)  # the display used a scale word
    if quantity.currency_year and quantity.unit in (Unit.usd, Unit.cny):
        parts.append(words["price_year"].format(year=quantity.currency_year))
    if printed_in_words(quantity.as_printed):
        parts.append(f"{LABELS[lang]['field']['as_printed']}{words['colon']}{quantity.as_printed}")
    return words["sep"].join(parts)


# Chinese measure words that may open a ``counted`` noun (个模型, 篇论文, 家公司).
_ZH_MEASURE_WORDS = set("个篇家名位款起项次台部条件只")


def unit_label(unit: Unit, lang: str = "en", counted: str | None = None) -> str:
    """The unit as a column or axis label: 'US dollars', '美元', 'per cent', 'models',
    '模型' (a Chinese count noun loses its measure word)…"""
    if counted and check_lang(lang) == "zh" and len(counted) > 1 \
            and counted[0] in _ZH_MEASURE_WORDS and counted[1] not in "/（(":
        counted = counted[1:]
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

"""Number formatting (macros/render/numbers.py): plurals, minus signs, no false or lost
precision, Chinese 万/亿 with the exact value in a note; and every real statistic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.evidence.model import Qualifier, Quantity, Unit
from macros.render.numbers import (
    count_noun,
    figure_note,
    format_number,
    format_quantity,
    format_value,
    printed_in_words,
    singular,
    unit_label,
)

ROOT = Path(__file__).resolve().parents[2]
MINUS = "\u2212"


# ------------------------------------------------------------------ plurals

@pytest.mark.parametrize("plural,one", [
    ("papers", "paper"),
    ("models", "model"),
    ("start-ups", "start-up"),
    ("companies", "company"),
    ("deals per month", "deal per month"),
    ("models or services", "model or service"),
    ("models (of a leaderboard's top 10)", "model (of a leaderboard's top 10)"),
    ("Chinese start-ups", "Chinese start-up"),
    ("processes", "process"),
    ("people", "person"),
    ("users of the app", "user of the app"),
])
def test_singular(plural, one):
    assert singular(plural) == one


@pytest.mark.parametrize("value,kw,expected", [
    (1, {}, "1 paper"),
    (0, {}, "0 papers"),
    (2, {}, "2 papers"),
    (1, {"qualifier": Qualifier.at_least}, "at least 1 paper"),
    (1, {"high": 2}, "1–2 papers"),
    (1.5, {}, "1.5 papers"),
])
def test_english_count_agrees_with_the_number(value, kw, expected):
    assert format_value(value, Unit.count, "en", counted="papers", **kw) == expected


def test_chinese_count_has_no_plural():
    assert format_value(1, Unit.count, "zh", counted="篇论文") == "1篇论文"
    assert format_value(5, Unit.count, "zh", counted="篇论文") == "5篇论文"
    assert count_noun("篇论文", 1, "zh") == "篇论文"


def test_count_without_a_noun_is_bare():
    assert format_value(20, Unit.count, "en") == "20"
    assert format_value(20, Unit.count, "zh") == "20"


def test_unit_label_drops_the_chinese_measure_word():
    assert unit_label(Unit.count, "zh", "个模型") == "模型"
    assert unit_label(Unit.count, "zh", "篇论文") == "论文"
    assert unit_label(Unit.count, "zh", "起（月均）") == "起（月均）"  # a measure word alone stays
    assert unit_label(Unit.count, "en", "models") == "models"


# ------------------------------------------------------------------ minus sign

@pytest.mark.parametrize("args,expected", [
    ((-88, Unit.percent, "en"), f"{MINUS}88%"),
    ((-88, Unit.percent, "zh"), f"{MINUS}88%"),
    ((-10.5, Unit.percent, "en"), f"{MINUS}10.5%"),
    ((-1.5e9, Unit.usd, "en"), f"{MINUS}$1.5 billion"),
    ((-6e6, Unit.usd, "zh"), f"{MINUS}600万美元"),
    ((-1.5e9, Unit.cny, "zh"), f"{MINUS}15亿元"),
    ((-3, Unit.percentage_points, "en"), f"{MINUS}3 percentage points"),
])
def test_negative_values_use_a_true_minus_sign(args, expected):
    assert format_value(*args) == expected


def test_negative_range_and_number():
    assert format_value(-10, Unit.percent, "en", high=-5) == f"{MINUS}10–{MINUS}5%"
    assert format_number(-450000) == f"{MINUS}450,000"
    assert format_number(-4.5e5, "zh") == f"{MINUS}45万"


# ------------------------------------------------------------------ precision

@pytest.mark.parametrize("value,lang,expected", [
    (33.3, "en", "33.3%"),
    (19.25, "en", "19.25%"),
    (47, "en", "47%"),
    (47.0, "zh", "47%"),
])
def test_percent_keeps_the_decimals_it_has_and_adds_none(value, lang, expected):
    assert format_value(value, Unit.percent, lang) == expected


@pytest.mark.parametrize("value,unit,lang,expected", [
    (1e9, Unit.usd, "zh", "10亿美元"),
    (4e11, Unit.cny, "zh", "4000亿元"),
    (5.892e8, Unit.usd, "zh", "5.892亿美元"),  # not a rounded 5.89亿
    (5.892e8, Unit.usd, "en", "$589.2 million"),
    (1.25e6, Unit.cny, "zh", "125万元"),
    (1.5e4, Unit.count, "zh", "1.5万"),
    (12450, Unit.count, "zh", "12450"),  # not 1.25万: 万 only when it is exact
    (12450, Unit.count, "en", "12,450"),
    (1234567, Unit.usd, "en", "$1,234,567"),  # not $1.23 million
    (1e12, Unit.usd, "zh", "1万亿美元"),
    (2.5e12, Unit.usd, "en", "$2.5 trillion"),
])
def test_scale_words_never_round_the_value(value, unit, lang, expected):
    assert format_value(value, unit, lang) == expected


def test_currency_ranges_repeat_the_sign():
    assert format_value(1e7, Unit.usd, "en", high=1e9) == "$10 million to $1 billion"
    assert format_value(1e9, Unit.usd, "en", high=2e9) == "$1–2 billion"
    assert format_value(1e9, Unit.usd, "zh", high=2e9) == "10亿至20亿美元"


def test_exact_value_in_full_digits():
    q = Quantity(value=1e9, unit=Unit.usd, as_printed="10亿美元")
    assert format_quantity(q, "en", scale=False) == "$1,000,000,000"
    assert format_quantity(q, "zh", scale=False) == "1,000,000,000美元"


# ------------------------------------------------------------------ figure notes (title)

def test_note_gives_the_exact_value_behind_scale_words():
    q = Quantity(value=4e11, unit=Unit.cny, qualifier=Qualifier.nearly, as_printed="近4000亿元")
    assert format_quantity(q, "zh") == "近4000亿元"
    assert figure_note(q, "zh") == "近400,000,000,000元"
    assert figure_note(q, "en") == "nearly 400,000,000,000 yuan"


def test_note_is_empty_when_the_figure_is_already_exact():
    q = Quantity(value=47, unit=Unit.percent, as_printed="47%")
    assert figure_note(q, "en") == figure_note(q, "zh") == ""
    q = Quantity(value=12450, unit=Unit.count, as_printed="约12,450篇")
    assert figure_note(q, "zh", "篇论文") == ""  # 12450 vs 12,450: only a separator


def test_note_gives_a_figure_printed_in_words():
    q = Quantity(value=33.3, unit=Unit.percent, qualifier=Qualifier.more_than,
                 as_printed="三分之一以上")
    assert printed_in_words(q.as_printed)
    assert format_quantity(q, "en") == "more than 33.3%"
    assert figure_note(q, "en") == "As printed: 三分之一以上"
    assert figure_note(q, "zh") == "原文写法：三分之一以上"
    assert not printed_in_words("约12,450篇")


def test_note_gives_the_price_year():
    q = Quantity(value=1e9, unit=Unit.usd, currency_year=2023, as_printed="10亿美元")
    assert figure_note(q, "en") == "$1,000,000,000; in 2023 prices"
    assert figure_note(q, "zh") == "1,000,000,000美元；按2023年价格计"


# ------------------------------------------------------------------ the real data

def _real():
    from macros.evidence.check import check_data

    report = check_data(ROOT / "data")
    assert report.factbase is not None, [str(p) for p in report.problems]
    return report.factbase


@pytest.fixture(scope="module")
def real():
    return _real()


def test_every_count_measure_names_what_it_counts():
    measures = yaml.safe_load((ROOT / "data" / "measures.yaml").read_text("utf-8"))["measures"]
    counts = [m for m in measures if m["unit"] == "count"]
    assert counts
    for m in counts:
        counted = m.get("counted") or {}
        assert counted.get("en") and counted.get("zh"), f"{m['id']}: counted en and zh"
        # English is stored plural, so the singular is derivable from it.
        assert singular(counted["en"]) != counted["en"], f"{m['id']}: plural noun"
        assert re.search(r"[\u4e00-\u9fff]", counted["zh"]), f"{m['id']}: Chinese noun"


_ZH_NUMBER = re.compile(r"([\d.,]+)(万亿|亿|万)?")
_EN_NUMBER = re.compile(r"([\d.,]+)(?: (trillion|billion|million))?")
_FACTORS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "trillion": 1e12, "billion": 1e9,
            "million": 1e6, None: 1}


def _read_back(text: str, pattern: re.Pattern) -> float:
    m = pattern.search(text)
    assert m, text
    return float(m.group(1).replace(",", "")) * _FACTORS[m.group(2)]


def test_every_real_statistic_reads_well_in_both_languages(real):
    seen = 0
    for fact in real.facts.values():
        quantities = ([fact.quantity] if fact.quantity else []) + list(fact.also_given_as)
        measure = real.measures.get(fact.measure) if fact.measure else None
        for q in quantities:
            counted = measure.counted if measure and measure.counted else None
            en = format_quantity(q, "en", counted.en if counted else None)
            zh = format_quantity(q, "zh", counted.zh if counted else None)
            seen += 1
            for text in (en, zh):
                assert "None" not in text and "e+" not in text, (fact.id, text)
                assert not re.search(r"-\d", text), (fact.id, text)  # U+2212, not '-'
            assert not re.search(r"USD|CNY|yuan|billion|million|trillion", zh), (fact.id, zh)
            assert not re.search(r"[\u4e00-\u9fff]", en), (fact.id, en)
            if counted:
                assert not re.search(r"\b1 \w+s\b", en), (fact.id, en)  # "1 papers"
            # Nothing rounded away: the displayed number reads back as the value.
            if q.value is not None and q.unit is not Unit.rank:
                for text, pattern in ((en, _EN_NUMBER), (zh, _ZH_NUMBER)):
                    assert _read_back(text, pattern) == pytest.approx(abs(q.value)), \
                        (fact.id, text)
    assert seen > 50


def test_the_reported_figures(real):
    def show(fact_id, lang):
        fact = real.facts[fact_id]
        m = real.measures.get(fact.measure) if fact.measure else None
        counted = (m.counted.en if lang == "en" else m.counted.zh) if m and m.counted else None
        return format_quantity(fact.quantity, lang, counted)

    assert show("china-top10-cited-genai-papers", "en") == "1 paper"
    assert show("china-top10-cited-genai-papers", "zh") == "1篇论文"
    assert show("china-vc-deals-with-us-investors-fall-88-percent-2021-2023", "en") == \
        f"{MINUS}88%"
    assert show("01-ai-valuation-2023-11", "zh") == "10亿美元"
    assert show("china-genai-papers-to-2023", "zh") == "约12450篇论文"
    tesla = real.facts["tesla-china-share-of-global-sales"].quantity
    assert figure_note(tesla, "en") == "As printed: 三分之一以上"

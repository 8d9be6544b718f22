"""Quote normalisation and the archive index."""

from __future__ import annotations

import pytest
from evidence_helpers import REPO

from macros.evidence import normalize
from macros.evidence.normalize import ArchiveIndex, normalise, parse_line_ranges


@pytest.mark.parametrize(("written", "archived"), [
    ("截至2025年6月,中国", "截至2025年6月，中国"),  # full-width comma
    ("他说:“好”", "他说：“好”"),  # full-width colon
    ("２０２５年", "2025年"),  # full-width digits
    ("ＡＩ", "AI"),  # full-width letters
    ("(本文)", "（本文）"),  # full-width parentheses
])
def test_full_and_half_width_forms_match(written: str, archived: str) -> None:
    assert normalise(written) == normalise(archived)


@pytest.mark.parametrize("text", [
    "中国 拥有", "中国\n拥有", "中国\r\n  拥有", "中国\t拥有", "中国\u3000拥有", "中国\u200b拥有",
])
def test_all_whitespace_is_removed(text: str) -> None:
    assert normalise(text) == "中国拥有"


@pytest.mark.parametrize(("artifacted", "clean"), [
    ("發(fā)現(xiàn)", "發現"),
    ("發（fā）現（xiàn）", "發現"),  # full-width parentheses
    ("創(chuàng)始人", "創始人"),  # a six-letter syllable
    ("累計(jì)下載", "累計下載"),
    ("我發(fā) 現(xiàn)", "我發現"),
])
def test_netease_pinyin_artifact_is_stripped(artifacted: str, clean: str) -> None:
    assert normalise(artifacted) == clean


@pytest.mark.parametrize("text", [
    "珍妮·肖(音)说",  # "(transliterated)": real text, not the artifact
    "中美AI(一)技术篇",  # a part number
    "大模型(LLM)",  # an abbreviation
    "算力(10到100倍)",
    "AI(ai)",  # pinyin-like, but after a Latin letter
])
def test_other_parentheses_are_kept(text: str) -> None:
    assert normalise(text) == text


def test_quote_without_artifact_matches_archive_with_it() -> None:
    archive = "最近我發(fā)現(xiàn)一個現(xiàn)象:中國開源模型"
    assert normalise("我發現一個現象:中國") in normalise(archive)
    assert normalise("我發(fā)現(xiàn)一個現(xiàn)象：中國") in normalise(archive)


def test_matching_is_exact_never_fuzzy() -> None:
    assert normalise("投资约4000亿美元") not in normalise("投入约4000亿美元")


def test_real_netease_archive_quote_matches() -> None:
    path = REPO / "data" / "articles" / "netease-tsinghua-agi-summit.txt"
    if not path.exists():
        pytest.skip("real archive not present")
    index = ArchiveIndex()
    index.add_archive("netease", path.read_text(encoding="utf-8"))
    index.add_source("netease", "netease")
    assert index.contains("netease", normalise("中國AI未來超過美國的概率，大概只有20%"))
    assert index.line_of("netease", "清華大學AGI峰會") == 3


LINES = "第一行。\n第二行，接着\n第三行。\n广告\n广告\n第六行\n第七行。\n"


def _index() -> ArchiveIndex:
    index = ArchiveIndex()
    index.add_archive("archive", LINES)
    index.add_source("whole", "archive")
    index.add_source("cut", "archive", parse_line_ranges(["1-3", "6-7"]))
    return index


def test_line_ranges_restrict_where_quotes_are_found() -> None:
    index = _index()
    assert index.line_count("archive") == 7
    assert index.contains("whole", normalise("广告"))
    assert not index.contains("cut", normalise("广告"))
    assert index.contains("cut", normalise("第六行"))


def test_a_quote_may_span_lines_inside_a_range_but_not_a_gap() -> None:
    index = _index()
    assert index.contains("cut", normalise("接着\n第三行"))
    assert index.contains("whole", normalise("第三行。广告"))
    assert not index.contains("cut", normalise("第三行。第六行"))  # lines 3 and 6 are not adjacent


def test_line_of_and_hints() -> None:
    index = _index()
    assert index.line_of("cut", "第七行") == 7
    assert index.line_of("whole", "第 二 行") == 2
    assert index.line_of("cut", "广告") is None
    assert index.sources_containing(normalise("广告")) == ["whole"]
    assert index.archives_containing(normalise("广告")) == ["archive"]
    assert index.archive_line_of("archive", normalise("广告")) == 4
    assert index.longest_prefix_found("whole", normalise("第二行，接下来")) == 5


def test_archives_are_normalised_once_not_per_quote(monkeypatch) -> None:
    calls = []
    original = normalize.normalise
    monkeypatch.setattr(normalize, "normalise", lambda text: calls.append(text) or original(text))
    index = _index()
    assert len(calls) == 7  # one per archive line
    quote = original("第六行")
    for _ in range(1000):
        assert index.contains("cut", quote)
    assert len(calls) == 7

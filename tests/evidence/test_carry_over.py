"""The carry-over index: sampled for speed, but exact (a shared run of CARRY_OVER_HAN
Han characters is found wherever it sits in an article, and a shorter one never)."""

from __future__ import annotations

from macros.evidence.lints import (
    CARRY_OVER_HAN,
    CarryOverIndex,
    hedge_findings,
    hedge_findings_of,
)
from macros.evidence.normalize import normalise
from macros.evidence.script import to_simplified_all

FILLER = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"  # 24 characters no run below uses
RUN = "中国的人工智能企业正在加速追赶美国同行的脚步"  # 22 Han characters


def _index(*articles: str) -> CarryOverIndex:
    return CarryOverIndex([normalise(a) for a in articles], list(articles))


def test_a_shared_run_is_found_at_every_offset_in_the_article() -> None:
    for offset in range(8):  # every position modulo the sampling stride, and more
        index = _index(FILLER[:offset] + RUN + FILLER)
        assert index.shared_run(f"我们写道：{RUN[:CARRY_OVER_HAN]}。") == RUN[:CARRY_OVER_HAN]
        assert index.shared_run(f"我们写道：{RUN}。") == RUN  # shown whole


def test_a_run_one_character_short_is_not_shared() -> None:
    index = _index(FILLER + RUN + FILLER)
    assert index.shared_run(RUN[:CARRY_OVER_HAN - 1] + "。") is None
    assert index.shared_run(RUN[:CARRY_OVER_HAN - 1] + "很" + RUN[CARRY_OVER_HAN:]) is None


def test_a_run_whose_start_was_first_seen_elsewhere_is_still_found() -> None:
    # The first article holds the run's first 13 characters with another ending, at a
    # sampled position; the second holds the whole run.
    first = RUN[:13] + "乙乙乙乙乙乙"
    index = _index(first, "丙" + RUN)
    assert index.shared_run(RUN[:CARRY_OVER_HAN]) == RUN[:CARRY_OVER_HAN]


def test_batches_give_what_one_at_a_time_gives() -> None:
    index = _index(FILLER + RUN + FILLER, "Mini Daily reports that the eight words are here.")
    texts = [RUN, "不相干", "", "Mini Daily reports that the eight words are here, too",
             "發(fā)現(xiàn)" + RUN[:CARRY_OVER_HAN], "《" + RUN + "》 cites a title"]
    assert index.shared_runs(texts) == [index.shared_run(text) for text in texts]
    traditional = ["這裡有發現", "", "简体字", "臺灣的軟體"]
    assert to_simplified_all(traditional) == [to_simplified_all([t])[0] for t in traditional]
    facts = [("约有一些模型", "About some models", "约有一些模型"),
             ("全部", "All of them heavily rely", "全部严重依赖")]
    assert hedge_findings_of(facts) == [hedge_findings(*fact) for fact in facts]

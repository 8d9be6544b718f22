"""Synthetic evidence bases for the benchmark: the real ``data/`` plus N generated facts.

``generate(out_dir, n)`` copies the real data directory and adds ``n`` synthetic facts
with everything they need, so the result is *valid*: ``check_data`` reports zero
problems on it (a test and ``bench/run.py`` both verify that). Keeping the real data in
means every page still finds the fact ids, measures and questions it names.

What is generated, in proportion to ``n`` and shaped like the real data:

* archived article text (``data/articles/syn-*.txt``), about 50 facts per archive, ~60
  lines each of Chinese-like text with full-width punctuation, ideographic indentation,
  Latin words, full-width digits and the NetEase ``發(fā)`` pinyin artifact, so the
  quote check normalises and searches real volumes of text;
* sources (one per archive, or two cutting the archive into line ranges, one of them
  with two non-adjacent ranges), with correct SHA-256s;
* entities (n/10, some with a parent), measures (n/50, each with a home theme, most
  charted as bars) and questions (n/200, 2-4 positions each);
* facts spread over the four themes and the five kinds (statistics 25 %, events 15 %,
  claims 35 %, forecasts 5 %, opinions 20 %): statistics on the synthetic measures and
  on the real charted ones, ranges and qualifiers, conversions and also_given_as,
  claims answering questions with positions, notes, and a few current-state facts
  (some stale, so the checker also produces warnings, as it does on the real data).

Every quote is a run of whole tokens cut from a line of its source's text, so it is a
real substring of the archive (never cutting a pinyin artifact in half).

Output is deterministic for a given ``n``, seed and real data. The real fact files are
kept byte for byte and the synthetic facts appended; the four top-level files are
re-dumped with the synthetic objects added.

Run on its own: ``python bench/synth.py OUT_DIR N``.
"""

from __future__ import annotations

import hashlib
import math
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
REAL_DATA = REPO / "data"
THEMES = ["compute", "capital", "talent", "open-source"]
MODELINE = "# yaml-language-server: $schema={}\n"
ADDED = "2026-11-26"
FACTS_PER_ARCHIVE = 50
LINES_PER_ARCHIVE = 60

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Common simplified characters, and traditional ones with the pinyin NetEase adds.
_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器"
    "压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打白教速花带安场"
    "芯片算力模型投资人才开源创业美元亿万元研究数据训练推理公司市场融资估值")
_ARTIFACTS = [("發", "fā"), ("現", "xiàn"), ("這", "zhè"), ("國", "guó"), ("們", "men"),
              ("為", "wèi"), ("說", "shuō"), ("後", "hòu"), ("產", "chǎn"), ("業", "yè")]
_LATIN = ["AI", "GPU", "NVIDIA", "DeepSeek", "Qwen", "H20", "LLM", "OpenAI", "Llama",
          "PitchBook", "CUDA", "A100", "Transformer"]
_PUNCT = ["，", "。", "、", "：", "；", "“", "”", ",", "."]
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

_UNITS = ["count", "percent", "CNY", "USD", "years", "rank", "score", "multiple",
          "parameters"]
_ENTITY_KINDS = ["company", "person", "government-body", "investor", "model", "country",
                 "organisation", "university", "data-producer", "media", "product"]
_QUALIFIERS = ["exact", "about", "more-than", "at-least", "less-than", "at-most", "nearly"]
_SOURCE_KINDS = ["news-report", "analysis", "opinion-column", "commentary", "translation",
                 "opinion"]
_CHANNELS = ["news-outlet", "self-media", "blog", "unknown"]  # where each was published
_OUTLETS = 17  # synthetic outlets, shared by the synthetic sources
_KINDS = ["statistic"] * 25 + ["event"] * 15 + ["report"] * 10 + ["claim"] * 25 + \
    ["forecast"] * 5 + ["opinion"] * 20


@dataclass
class _Archive:
    id: str
    lines: list[list[str]]  # each line as its tokens
    text: str


@dataclass
class _SourceRef:
    id: str
    archive: _Archive
    line_numbers: list[int]  # 1-based lines quotes may come from


@dataclass
class _Real:
    entities: list[str]
    charted_measures: dict[str, str]  # id -> unit (real measures with chart: bar)
    fact_count: int


@dataclass
class Stats:
    """What one generated base holds."""

    synthetic_facts: int
    facts: int
    archives: int
    sources: int
    entities: int
    measures: int
    questions: int
    archive_chars: int
    by_theme: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)


def generate(out_dir: Path | str, n: int, *, seed: int = 1,
             real_data: Path | str = REAL_DATA) -> Stats:
    """Write the real data plus ``n`` synthetic facts to ``out_dir`` (replaced)."""
    out = Path(out_dir)
    real_data = Path(real_data)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(real_data, out)
    real = _read_real(real_data)
    if n <= 0:
        return _stats(0, real.fact_count, out, 0, 0, 0, 0, 0, 0)
    return _Generator(out, n, seed, real).write()


def _read_real(real_data: Path) -> _Real:
    def load(name: str) -> dict:
        return yaml.load((real_data / name).read_text("utf-8"), Loader=_Loader) or {}

    entities = [e["id"] for e in load("entities.yaml").get("entities", [])]
    measures = {m["id"]: m["unit"] for m in load("measures.yaml").get("measures", [])
                if m.get("chart", "bar") == "bar"}
    count = 0
    for theme in THEMES:
        path = real_data / "facts" / f"{theme}.yaml"
        if path.exists():
            count += len((yaml.load(path.read_text("utf-8"), Loader=_Loader) or {})
                         .get("facts") or [])
    return _Real(entities, measures, count)


def _stats(n: int, real_facts: int, out: Path, archives: int, sources: int, entities: int,
           measures: int, questions: int, chars: int) -> Stats:
    return Stats(synthetic_facts=n, facts=real_facts + n, archives=archives,
                 sources=sources, entities=entities, measures=measures,
                 questions=questions, archive_chars=chars)


class _Generator:
    def __init__(self, out: Path, n: int, seed: int, real: _Real) -> None:
        self.out = out
        self.n = n
        self.rng = random.Random(f"race-and-reliance-bench-{seed}-{n}")
        self.real = real

    # ------------------------------------------------------------------ text

    def _token(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.70:
            return "".join(rng.choice(_HANZI) for _ in range(rng.randint(1, 4)))
        if roll < 0.76:  # NetEase artifact: 發(fā)現(xiàn) — kept whole inside one token
            parts = []
            for _ in range(rng.randint(1, 2)):
                char, pinyin = rng.choice(_ARTIFACTS)
                paren = ("(", ")") if rng.random() < 0.7 else ("（", "）")
                parts.append(f"{char}{paren[0]}{pinyin}{paren[1]}")
            return "".join(parts)
        if roll < 0.82:
            return f" {rng.choice(_LATIN)} "
        if roll < 0.88:
            number = str(rng.randint(1, 2000))
            return number.translate(_FULLWIDTH_DIGITS) if rng.random() < 0.3 else number
        if roll < 0.90:
            return "（" + "".join(rng.choice(_HANZI) for _ in range(2)) + "）"
        return rng.choice(_PUNCT)

    def _line(self) -> list[str]:
        rng = self.rng
        if rng.random() < 0.08:
            return []  # blank line between paragraphs
        tokens = ["\u3000\u3000"] if rng.random() < 0.5 else []
        length = rng.randint(20, 140)
        size = 0
        while size < length:
            token = self._token()
            tokens.append(token)
            size += len(token)
        tokens.append("。")
        return tokens

    def _archive(self, index: int) -> _Archive:
        lines = [self._line() for _ in range(LINES_PER_ARCHIVE)]
        lines[0] = ["标题：合成文章", str(index), "号"]  # never empty: a title line
        text = "\n".join("".join(t) for t in lines) + "\n"
        return _Archive(f"syn-archive-{index:05d}", lines, text)

    def _quote(self, source: _SourceRef) -> str:
        rng = self.rng
        for _ in range(100):
            number = rng.choice(source.line_numbers)
            tokens = source.archive.lines[number - 1]
            words = [i for i, t in enumerate(tokens) if t.strip() and t not in _PUNCT]
            if len(words) < 3:
                continue
            start = rng.choice(words[:-1])
            quote, end = "", start
            target = rng.randint(8, 60)
            while end < len(tokens) and len(quote) < target:
                quote += tokens[end]
                end += 1
            quote = quote.strip()
            if 4 <= len(quote) <= 150 and quote[0] not in "，。、：；,.":
                return quote
        raise RuntimeError(f"no quotable line in {source.id}")  # pragma: no cover

    # ------------------------------------------------------------------ objects

    def write(self) -> Stats:
        rng, n = self.rng, self.n
        n_archives = max(1, math.ceil(n / FACTS_PER_ARCHIVE))
        n_entities = max(5, n // 10)
        n_measures = max(2, n // 50)
        n_questions = max(1, n // 200)

        # Archives and sources.
        archives_yaml, sources_yaml, sources = [], [], []
        articles = self.out / "articles"
        chars = 0
        for index in range(n_archives):
            archive = self._archive(index)
            data = archive.text.encode("utf-8")
            (articles / f"{archive.id}.txt").write_bytes(data)
            chars += len(archive.text)
            archives_yaml.append({
                "id": archive.id, "collected_as": f"{index:03d}_{data[:8].hex()}.txt",
                "sha256": hashlib.sha256(data).hexdigest(),
                "description": {"en": f"Synthetic archived article {index}.",
                                "zh": f"合成存档文章{index}。"},
                **({"artifacts": "Pinyin after some characters, e.g. 發(fā)現(xiàn)."}
                   if index % 3 == 0 else {}),
            })
            if index % 4 == 1:  # two sources, cut by line ranges
                cut = LINES_PER_ARCHIVE // 2
                parts = [(["1-" + str(cut)], list(range(1, cut + 1))),
                         ([f"{cut + 1}-{cut + 10}", f"{cut + 15}-{LINES_PER_ARCHIVE}"],
                          list(range(cut + 1, cut + 11))
                          + list(range(cut + 15, LINES_PER_ARCHIVE + 1)))]
            else:
                parts = [(None, list(range(1, LINES_PER_ARCHIVE + 1)))]
            for part, (ranges, numbers) in enumerate(parts):
                source_id = f"syn-source-{index:05d}-{part}"
                sources.append(_SourceRef(source_id, archive, numbers))
                sources_yaml.append(self._source_yaml(source_id, archive.id, ranges, index))

        # Entities, measures, questions.
        entity_ids = [f"syn-entity-{i:05d}" for i in range(n_entities)]
        entities_yaml = []
        for i, entity_id in enumerate(entity_ids):
            entity = {
                "id": entity_id, "kind": rng.choice(_ENTITY_KINDS),
                "name": {"en": f"Synthetic Entity {i}", "zh": f"合成实体{i}"},
                "aliases": [f"SE{i}"] if i % 3 == 0 else [],
                "description": {"en": f"Generated entity number {i} for the benchmark.",
                                "zh": f"基准测试生成的第{i}个实体。"},
            }
            if i % 10 == 9:
                entity["parent"] = entity_ids[rng.randrange(i)]
            entities_yaml.append(entity)
        # The synthetic outlets, each the own voice of its sources (never a claim's
        # speaker: what an outlet says in its own voice is its report).
        entities_yaml += [{"id": f"syn-outlet-{k:02d}", "kind": "media",
                           "name": {"en": f"Synthetic Outlet {k}", "zh": f"合成媒体{k}"},
                           "description": {"en": "A generated outlet.", "zh": "生成的媒体。"}}
                          for k in range(_OUTLETS)]
        all_entities = self.real.entities + entity_ids
        prominent = [e for e in ("china", "us") if e in self.real.entities]

        measures_yaml, measure_units, measure_theme = [], {}, {}
        for i in range(n_measures):
            measure_id = f"syn-measure-{i:04d}"
            unit = _UNITS[i % len(_UNITS)]
            measure = {
                "id": measure_id,
                "name": {"en": f"Synthetic measure {i}", "zh": f"合成指标{i}"},
                "unit": unit,
                "description": {"en": f"Generated measure {i}.", "zh": f"生成的指标{i}。"},
            }
            if unit == "count":
                measure["counted"] = {"en": "items", "zh": "个"}
            if i % 7 == 6:
                measure["chart"] = "none"
            measures_yaml.append(measure)
            measure_units[measure_id] = unit
            measure_theme[measure_id] = THEMES[i % len(THEMES)]

        questions_yaml, positions = [], {}
        for i in range(n_questions):
            question_id = f"syn-question-{i:04d}"
            ids = ["yes", "no", "partly", "too-early"][: 2 + i % 3]
            positions[question_id] = ids
            questions_yaml.append({
                "id": question_id,
                "text": {"en": f"Synthetic question {i}?", "zh": f"合成问题{i}？"},
                "positions": [{"id": p, "label": {"en": f"Answer {p}", "zh": f"回答{p}"}}
                              for p in ids],
            })

        # Facts.
        facts: dict[str, list[dict]] = {t: [] for t in THEMES}
        by_kind: dict[str, int] = {}
        home_measures = {t: [m for m, h in measure_theme.items() if h == t] for t in THEMES}
        real_measures = sorted(self.real.charted_measures)
        for i in range(n):
            theme = THEMES[i % 4] if rng.random() < 0.6 else rng.choice(THEMES)
            kind = rng.choice(_KINDS)
            by_kind[kind] = by_kind.get(kind, 0) + 1
            source = rng.choice(sources)
            fact_id = f"syn-fact-{i:05d}"
            fact: dict = {
                "id": fact_id, "theme": theme, "kind": kind,
                "statement": {"en": f"Synthetic {kind} {i}: a generated statement for the "
                              f"{theme} theme.",
                              "zh": f"合成{i}号事实：为{theme}主题生成的陈述。"},
            }
            if kind == "statistic":
                self._statistic(fact, theme, home_measures, real_measures, measure_units,
                                prominent, all_entities)
            elif kind == "event":
                fact["date"] = self._date()
            elif kind == "report":
                pass  # the source's own voice: no speaker, no question
            else:
                fact["speaker"] = rng.choice(all_entities)
                if rng.random() < 0.5:
                    fact["date"] = self._date()
                if rng.random() < 0.7:
                    question_id = rng.choice(list(positions))
                    fact["question"] = question_id
                    fact["position"] = rng.choice(positions[question_id])
                if kind == "forecast":
                    fact["horizon"] = str(rng.randint(2027, 2040))
            fact["source"] = source.id
            fact["quote"] = self._quote(source)
            fact["quote_en"] = f"Synthetic translation of quote {i}."
            if rng.random() < 0.3 and kind == "statistic":
                fact["data_producer"] = rng.choice(all_entities)
            fact["entities"] = rng.sample(all_entities, rng.randint(0, 3))
            if rng.random() < 0.4:
                fact["note"] = {"en": f"Caveat for fact {i}.", "zh": f"第{i}条事实的说明。"}
            if rng.random() < 0.05:
                fact["current_state"] = True
                if kind == "statistic":
                    fact["as_of"] = rng.choice(["2026-09", fact["as_of"]])
                else:
                    fact.setdefault("date", "2026-10")
                if rng.random() < 0.5:
                    fact["review_by"] = "2027-06"
            for key, basis in (("date", "date_basis"), ("as_of", "as_of_basis")):
                if fact.get(key) not in (None, "unknown"):  # a known date says where it is from
                    fact[basis] = "printed"
            fact["added"] = ADDED
            facts[theme].append(fact)

        self._write_top_level("sources.yaml", {"archives": archives_yaml,
                                               "sources": sources_yaml})
        self._write_top_level("entities.yaml", {"entities": entities_yaml})
        self._write_top_level("measures.yaml", {"measures": measures_yaml})
        self._write_top_level("questions.yaml", {"questions": questions_yaml})
        for theme, items in facts.items():
            self._append_facts(theme, items)
        stats = _stats(n, self.real.fact_count, self.out, n_archives, len(sources),
                       n_entities, n_measures, n_questions, chars)
        stats.by_theme = {t: len(items) for t, items in facts.items()}
        stats.by_kind = dict(sorted(by_kind.items()))
        return stats

    def _source_yaml(self, source_id: str, archive_id: str, ranges, index: int) -> dict:
        rng = self.rng
        year = rng.randint(2018, 2026)
        source = {
            "id": source_id, "archive": archive_id,
            **({"lines": ranges} if ranges else {}),
            "title_original": f"合成文章{index}：中美人工智能竞争",
            "title_en": f"Synthetic article {index}: the US-China AI contest",
            "outlet": {"en": f"Synthetic Outlet {index % _OUTLETS}",
                       "zh": f"合成媒体{index % _OUTLETS}"},
            "own_voice": [f"syn-outlet-{index % _OUTLETS:02d}"],
            "authors": [f"作者{index % 31}"] if index % 5 else [],
            "published": rng.choice([str(year), f"{year}-{rng.randint(1, 12):02d}",
                                     f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]),
            "published_basis": "printed",
            "language": "zh",
            "script": "Hant" if index % 3 == 0 else "Hans",
            "kind": (kind := _SOURCE_KINDS[index % len(_SOURCE_KINDS)]),
            "provenance": {"channel": _CHANNELS[index % len(_CHANNELS)],
                           **({"retells": "translation"} if kind == "translation" else {})},
            "via": {"en": "Generated for the benchmark.", "zh": "为基准测试生成。"},
        }
        if index % 2 == 0:
            source["url"] = f"https://example.com/synthetic/{index}"

        return source

    def _date(self) -> str:
        rng = self.rng
        year = rng.randint(2015, 2026)
        roll = rng.random()
        if roll < 0.05:
            return "unknown"
        if roll < 0.3:
            return str(year)
        if roll < 0.6:
            return f"{year}-{rng.randint(1, 12):02d}"
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def _statistic(self, fact: dict, theme: str, home_measures: dict, real_measures: list,
                   units: dict, prominent: list, all_entities: list) -> None:
        rng = self.rng
        if real_measures and (rng.random() < 0.3 or not home_measures[theme]):
            measure = rng.choice(real_measures)
            unit = self.real.charted_measures[measure]
        else:
            measure = rng.choice(home_measures[theme] or list(units))
            unit = units[measure]
        fact["measure"] = measure
        fact["subject"] = rng.choice(prominent) if prominent and rng.random() < 0.5 \
            else rng.choice(all_entities)
        scale = {"percent": 100, "years": 20, "rank": 50, "score": 100, "multiple": 10}
        top = scale.get(unit, 10 ** rng.randint(2, 11))
        quantity: dict = {}
        if rng.random() < 0.15:
            low = round(rng.uniform(0, top / 2), 1)
            quantity.update(low=low, high=round(low + rng.uniform(0.1, top / 2), 1))
        else:
            quantity["value"] = rng.randint(1, top) if rng.random() < 0.7 \
                else round(rng.uniform(0.1, top), 2)
        if rng.random() < 0.4:
            quantity["qualifier"] = rng.choice(_QUALIFIERS)
        quantity["unit"] = unit
        shown = quantity.get("value", quantity.get("low"))
        quantity["as_printed"] = f"约{shown}{ {'percent': '%', 'CNY': '元', 'USD': '美元'}.get(unit, '')}"
        fact["quantity"] = quantity
        if unit == "CNY" and rng.random() < 0.2 and "value" in quantity:
            fact["conversion"] = {"value": round(quantity["value"] * 0.1389, 2), "unit": "USD",
                                  "rate": 0.1389, "rate_date": "2024-06-30"}
        if unit == "CNY" and rng.random() < 0.1 and "value" in quantity:
            fact["also_given_as"] = [{"value": round(quantity["value"] / 7.2, 2),
                                      "qualifier": "about", "unit": "USD",
                                      "as_printed": "约若干美元"}]
        year = rng.randint(2015, 2025)
        fact["as_of"] = rng.choice([str(year), f"{year}-{rng.randint(1, 12):02d}",
                                    f"{year}..{year + rng.randint(1, 3)}"])

    # ------------------------------------------------------------------ files

    def _write_top_level(self, name: str, extra: dict) -> None:
        path = self.out / name
        text = path.read_text("utf-8")
        data = yaml.load(text, Loader=_Loader) or {}
        for key, items in extra.items():
            data[key] = list(data.get(key) or []) + items
        first = text.split("\n", 1)[0]
        body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                         width=1_000_000)
        path.write_text(first + "\n" + body, "utf-8")

    def _append_facts(self, theme: str, items: list[dict]) -> None:
        """Append to the real file as it is: its facts list is its last key."""
        if not items:
            return
        path = self.out / "facts" / f"{theme}.yaml"
        text = path.read_text("utf-8")
        data = yaml.load(text, Loader=_Loader) or {}
        if list(data)[-1:] != ["facts"]:
            raise RuntimeError(f"{path}: 'facts' is not the last key; cannot append")
        body = yaml.dump(items, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                         width=1_000_000)
        indented = "".join("  " + line if line.strip() else line
                           for line in body.splitlines(keepends=True))
        if not data.get("facts"):  # 'facts: []' or 'facts:' with nothing
            lines = text.rstrip("\n").split("\n")
            lines[-1] = "facts:"
            text = "\n".join(lines)
        path.write_text(text.rstrip("\n") + "\n\n" + indented, "utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: synth.py OUT_DIR N", file=sys.stderr)
        return 2
    stats = generate(Path(argv[0]), int(argv[1]))
    print(stats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

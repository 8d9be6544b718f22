"""Editorial lints: what we say must match what our sources say. Plain Python, no MkDocs.

* **Hedges** (warnings): a quote that hedges (可能, 一些, 约, 超过, 据报道…) must keep an
  equivalent hedge in both statements; an editor who has checked a case silences it
  with ``lint_ok`` on the fact.
* **Intensifiers** (warnings): a statement must not add an intensifier (heavily, all,
  严重, 完全…) that its quote lacks.
* **Carry-over** (errors): facts carry over from the articles, sentences do not. Any
  text of ours (a statement, note, correction or outside note, in either language, and
  every sentence of the pages in ``docs/``) that shares a run of
  :data:`CARRY_OVER_HAN` Han characters with an archived article is copied wording.
* **Uncited figures** (errors): a sentence of a page that states a number, a year or a
  month, in a paragraph with no macro, rests on nothing the reader can check.

Texts are compared in one form: the quote normaliser's (NFKC, no whitespace, no NetEase
pinyin) and then Simplified script (OpenCC ``t2s``), so a Traditional source copied into
a Simplified statement is still found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from .normalize import HAN, normalise
from .script import to_simplified, to_simplified_all

# --------------------------------------------------------------------------- one form


def simplified(text: str) -> str:
    """``text`` normalised as quotes are, in Simplified script."""
    return to_simplified(normalise(text))


_HAN = re.compile(f"[{HAN}]")
_NUMERAL = "0-9０-９一二两兩三四五六七八九十百千万萬亿億半"

# --------------------------------------------------------------------------- hedges


@dataclass(frozen=True)
class Hedge:
    """One kind of hedge: how a quote says it, and how each statement may say it."""

    name: str
    quote: tuple[tuple[str, str], ...]  # (term, regex on the quote in Simplified script)
    en: tuple[str, ...]  # English words that keep it (regexes, word-bounded, any case)
    zh: tuple[str, ...]  # Chinese words that keep it (regexes, on Simplified text)


_N = f"[{_NUMERAL}]"  # a numeral: the approximations and bounds below qualify numbers
_NEAR = "[^，。,.;；]"  # within a clause

HEDGES: tuple[Hedge, ...] = (
    Hedge("possibility",
          (("可能", "可能"), ("或许", "或许"), ("也许", "也许"), ("或将", "或将"),
           ("恐怕", "恐怕")),
          ("may", "might", "could", "possibly", "perhaps", "probably", "likely",
           "potentially", "would"),
          ("可能", "或许", "也许", "或将", "或会", "恐怕", "有望")),
    Hedge("some",
          (("一些", "一些"), ("部分", "(?<!大)部分"), ("某些", "某些"), ("有些", "(?<!所)有些"),
           ("有的", "(?<![所具拥持固特独既现原享占])有的")),
          ("some", "several", "certain", "a few", "part", "parts", "partly", "a number of",
           "not all"),
          ("一些", "(?<!大)部分", "某些", "(?<!所)有些", "(?<![所具拥持固特独既现原享占])有的",
           "若干", "一批")),
    Hedge("most",
          (("大部分", "大部分"), ("大多数", "大多数"), ("大多", "大多(?!数)"),
           ("多数", "(?<!大)多数")),
          ("most", "majority", "the bulk", "mostly", "largely"),
          ("大部分", "大多", "多数", "绝大")),
    Hedge("approximate",
          (("约", f"大?约{_N}"), ("近", f"(?<![最附将接])近{_N}"), ("将近", f"将近{_N}"),
           ("接近", f"接近{_N}"), ("左右", f"{_N}{_NEAR}{{0,3}}左右")),
          ("about", "around", "roughly", "approximately", "nearly", "almost", "close to",
           "some", "or so", "~"),
          ("约", "左右", "近", "接近", "大概", "上下")),
    Hedge("lower bound",
          (("超过", f"超过{_N}"), ("逾", f"逾{_N}"), ("至少", f"至少{_N}"),
           ("多于", f"多于{_N}"), ("不止", f"不止{_N}"), ("以上", f"{_N}{_NEAR}{{0,3}}以上"),
           ("多", f"{_N}{_NEAR}{{0,2}}多(?![元美])")),
          ("more than", "over", "above", "at least", "exceeding", "exceeds", "upwards of",
           "in excess of", "or more", "plus", r"\+"),
          ("超过", "逾", "以上", "至少", "多于", "不止", "余", "多")),
    Hedge("reported",
          (("据称", "据称"), ("据报道", "据报[道导]"), ("据悉", "据悉"), ("据说", "据说"),
           ("传闻", "传闻"), ("报道称", "报道称")),
          ("reportedly", "reports? say", "is said", "are said", "was said", "allegedly",
           "according to reports", "reported"),
          ("据称", "据报道", "据悉", "据说", "报道称", "传")),
)


_LOOKAROUND = re.compile(r"\(\?<?[!=][^)]*\)")


def _shown(terms: Iterable[str], count: int = 4) -> str:
    """The first few words of a list of regexes, as an editor would read them."""
    return ", ".join(_LOOKAROUND.sub("", t).replace("\\", "") for t in list(terms)[:count])


# An intensifier in a statement needs a counterpart in its quote.
@dataclass(frozen=True)
class Intensifier:
    name: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    quote: tuple[str, ...]  # what in a quote licenses it


INTENSIFIERS: tuple[Intensifier, ...] = (
    Intensifier("heavily", (r"heavily", r"severely", r"seriously", r"deeply"),
                (r"严重", r"高度", r"极度", r"深度(?!求索|学习)"),
                (r"严重", r"高度", r"极度", r"深度", r"重度", r"非常依赖", r"大量")),
    Intensifier("largely", (r"largely", r"mostly", r"chiefly"),
                (r"很大程度", r"基本上"),
                (r"大部分", r"大多", r"主要", r"很大程度", r"基本", r"多数")),
    Intensifier("entirely", (r"entirely", r"completely", r"totally", r"wholly", r"fully",
                             r"utterly"),
                (r"完全", r"彻底", r"全然", r"全面"),
                (r"完全", r"彻底", r"全面", r"全然", r"全部", r"几乎")),
    Intensifier("all", (r"all", r"every", r"each and every"),
                (r"所有", r"全部", r"全都", r"一切", r"每个", r"每一"),
                (r"所有", r"全部", r"都", r"一切", r"每", r"全", r"皆", r"均", r"无一",
                 r"整个", r"各")),
    Intensifier("always", (r"always", r"never", r"invariably"),
                (r"一直", r"总是", r"始终", r"从未", r"从来"),
                (r"一直", r"总是", r"始终", r"从未", r"从来", r"向来", r"一向", r"长期")),
    Intensifier("hugely", (r"hugely", r"vastly", r"massively", r"enormously", r"dramatically",
                           r"overwhelmingly", r"extremely"),
                (r"极其", r"极大", r"大幅", r"巨大", r"绝对"),
                (r"巨大", r"极", r"大幅", r"大大", r"非常", r"显著", r"远远", r"急剧", r"猛",
                 r"暴", r"绝对", r"惊人")),
)


def _en_re(terms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(terms) + r")(?![\w-])", re.I)


def _zh_re(terms: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(terms))


@dataclass(frozen=True)
class Finding:
    rule: str  # 'hedge' or 'intensifier'
    term: str  # the hedge found in the quote, or the intensifier added
    field: str  # 'statement.en' or 'statement.zh'
    message: str
    hint: str


@cache
def _compiled() -> tuple:
    hedges = [(h, [(term, re.compile(rx)) for term, rx in h.quote], _en_re(h.en), _zh_re(h.zh))
              for h in HEDGES]
    intensifiers = [(i, _en_re(i.en), _zh_re(i.zh), _zh_re(i.quote)) for i in INTENSIFIERS]
    # Most quotes carry no hedge and most statements no intensifier: one search each
    # says so, before the term-by-term searches that name what was found.
    any_hedge = _zh_re(rx for h in HEDGES for _, rx in h.quote)
    any_en = _en_re(t for i in INTENSIFIERS for t in i.en)
    any_zh = _zh_re(t for i in INTENSIFIERS for t in i.zh)
    return hedges, intensifiers, any_hedge, any_en, any_zh


def hedge_findings(quote: str, statement_en: str, statement_zh: str) -> list[Finding]:
    """Hedges of the quote that a statement drops, and intensifiers a statement adds."""
    return hedge_findings_of([(quote, statement_en, statement_zh)])[0]


def hedge_findings_of(facts: list[tuple[str, str, str]],
                      normalised: Callable[[str], str] = normalise) -> list[list[Finding]]:
    """``hedge_findings`` of many (quote, statement_en, statement_zh) at once;
    ``normalised`` may remember what the other checks normalised already."""
    quotes = to_simplified_all([normalised(quote) for quote, _, _ in facts])
    statements_zh = to_simplified_all([normalised(zh) for _, _, zh in facts])
    return [_hedge_findings(q, en, zh)
            for q, (_, en, _), zh in zip(quotes, facts, statements_zh, strict=True)]


def _hedge_findings(q: str, statement_en: str, zh: str) -> list[Finding]:
    """``hedge_findings``, the quote and the Chinese statement already simplified."""
    hedges, intensifiers, any_hedge, any_en, any_zh = _compiled()
    found: list[Finding] = []
    if not any_hedge.search(q):
        hedges = []
    if not any_en.search(statement_en) and not any_zh.search(zh):
        intensifiers = []
    for hedge, in_quote, in_en, in_zh in hedges:
        term = next((t for t, rx in in_quote if rx.search(q)), None)
        if term is None:
            continue
        if not in_en.search(statement_en):
            found.append(Finding("hedge", term, "statement.en",
                                 f"the quote hedges with '{term}' ({hedge.name}); the English "
                                 "statement does not",
                                 f"say it as the quote does ({_shown(hedge.en)}…), or set "
                                 "lint_ok with why"))
        if not in_zh.search(zh):
            found.append(Finding("hedge", term, "statement.zh",
                                 f"the quote hedges with '{term}' ({hedge.name}); the Chinese "
                                 "statement does not",
                                 f"keep a hedge ({_shown(hedge.zh)}…), or set lint_ok with why"))
    for _intensifier, in_en, in_zh, licensed in intensifiers:
        if licensed.search(q):
            continue
        for text, pattern, field in ((statement_en, in_en, "statement.en"),
                                     (zh, in_zh, "statement.zh")):
            m = pattern.search(text)
            if m:
                found.append(Finding("intensifier", m.group(0).lower(), field,
                                     f"adds '{m.group(0)}', which the quote does not say",
                                     "drop it, or say it as the quote does, or set lint_ok "
                                     "with why"))
    return found


# --------------------------------------------------------------------------- carry-over

#: The longest run of Han characters ours may share with an article. Measured on our
#: data (Dec 2026): below 16 the shared runs were names, titles and stock phrases
#: (美国国家安全委员会前中国事务主任 is 16, the longest such); at 16 and more they were
#: copied clauses. A 16-character run is a clause, not a name.
CARRY_OVER_HAN = 16
#: The same for English text, in words (the articles hold English titles and names).
CARRY_OVER_WORDS = 8

_BOOK_TITLE = re.compile(r"《[^》]*》")  # a title is a name: ours may cite it whole
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def _as_written(run: str, text: str) -> str:
    """The stretch of ``text`` that a run of Han characters (its skeleton) came from."""
    pattern = f"[^{_HAN.pattern[1:-1]}]*".join(map(re.escape, run))
    m = re.search(pattern, text)
    return m.group(0) if m else run


def _words(text: str) -> list[str]:
    folded = text if text.isascii() else unicodedata.normalize("NFKC", text)
    return _WORD.findall(folded.lower())


def _skeletons(normalised_texts: list[str]) -> list[str]:
    """The Han characters of each already-normalised text in Simplified script, titles
    in 《》 left out."""
    untitled = [_BOOK_TITLE.sub("", text) if "《" in text else text
                for text in normalised_texts]
    return ["".join(_HAN.findall(text)) for text in to_simplified_all(untitled)]


#: The articles' runs are indexed at every _STRIDE-th position only, by their first
#: _SAMPLED characters: any run of CARRY_OVER_HAN holds one of those (a quarter of the
#: set to build), and a run that holds one is then compared in full.
_STRIDE = 4
_SAMPLED = CARRY_OVER_HAN - _STRIDE + 1


class CarryOverIndex:
    """Every run of CARRY_OVER_HAN Han characters (and CARRY_OVER_WORDS English words)
    in the archived articles, for a test of any of our texts in a few lookups per run.

    Han runs come from the articles as the quote normaliser already made them
    (``ArchiveIndex.normalised_texts``: no article is normalised twice); English words
    from the articles as written (normalising removes the spaces between words)."""

    def __init__(self, normalised_articles: Iterable[str], articles: Iterable[str]) -> None:
        self._skeleton_list = _skeletons(list(normalised_articles))
        # Where each sampled run was first seen: (article, position).
        self._sampled: dict[str, tuple[int, int]] = {}
        m, k = _SAMPLED, _STRIDE
        for number, han in enumerate(self._skeleton_list):
            for i in range(0, len(han) - m + 1, k):
                self._sampled.setdefault(han[i:i + m], (number, i))
        self._all_skeletons = "\n".join(self._skeleton_list)  # runs cannot cross "\n"
        self._words: set[tuple[str, ...]] = set()
        w = CARRY_OVER_WORDS
        for text in articles:
            words = _words(text)
            self._words.update(tuple(words[i:i + w]) for i in range(len(words) - w + 1))

    def _in_an_article(self, run: str) -> bool:
        """Whether an article holds ``run`` (CARRY_OVER_HAN Han characters)."""
        first_seen = None
        for offset in range(_STRIDE):  # one of these sub-runs starts at a sampled position
            first_seen = self._sampled.get(run[offset:offset + _SAMPLED])
            if first_seen is not None:
                number, at = first_seen
                start = at - offset
                if start >= 0 and self._skeleton_list[number][start:start + len(run)] == run:
                    return True
                break
        # Seen, but not where first seen: search them all (names and stock phrases).
        return first_seen is not None and run in self._all_skeletons

    def shared_run(self, text: str) -> str | None:
        """The first run ``text`` (ours, not normalised) shares with an article."""
        return self.shared_runs([text])[0]

    def shared_runs(self, texts: list[str],
                    normalised_form: Callable[[str], str] = normalise) -> list[str | None]:
        """``shared_run`` of each text, with one script conversion for all (and
        ``normalised_form`` as in ``hedge_findings_of``)."""
        han_texts = [index for index, text in enumerate(texts) if _HAN.search(text)]
        normalised = {index: normalised_form(texts[index]) for index in han_texts}
        skeletons = dict(zip(han_texts, _skeletons(list(normalised.values())), strict=True))
        return [self._shared_run(text, skeletons.get(index, ""), normalised.get(index, ""))
                for index, text in enumerate(texts)]

    def _shared_run(self, text: str, han: str, normalised: str) -> str | None:
        n, w = CARRY_OVER_HAN, CARRY_OVER_WORDS
        in_article = self._in_an_article
        for i in range(len(han) - n + 1):
            if in_article(han[i:i + n]):
                j = i + n  # extend while the next window is shared too: show the whole run
                while j < len(han) and in_article(han[j - n + 1:j + 1]):
                    j += 1
                return _as_written(han[i:j], to_simplified(normalised))
        words = _words(text)
        for i in range(len(words) - w + 1):
            if tuple(words[i:i + w]) in self._words:
                return " ".join(words[i:i + w])
        return None


# --------------------------------------------------------------------------- pages' prose


@dataclass(frozen=True)
class Sentence:
    line: int  # 1-based, in the page file
    column: int
    text: str  # the sentence, macro calls removed
    raw: str  # the sentence as written
    paragraph_cites: bool  # the sentence's paragraph calls a macro


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’)）]*\s+|(?<=[。！？])")
_FENCE = re.compile(r"^(```|~~~)")
# A digit, an English month, a Chinese month (三月) or a Chinese-numeral quantity that
# states a size, a multiple or a span (两倍, 三十亿, 十年); not 一个, 一家 ("a", "one").
_CHECKABLE = re.compile(
    r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|(?<![一统])[一二三四五六七八九十]+月(?!份)"
    r"|[两二三四五六七八九十百千]+(?:倍|亿|万|年)")


def page_sentences(markdown: str) -> Iterator[Sentence]:
    """The sentences of a page's prose: paragraphs and list items, not headings, code,
    tables or front matter; each with where it starts and whether its paragraph cites."""
    front = _FRONT_MATTER.match(markdown)
    offset_lines = markdown[: front.end()].count("\n") if front else 0
    body = markdown[front.end():] if front else markdown
    lines = body.split("\n")
    paragraph: list[tuple[int, str, int]] = []  # (line number, text, its indent)
    fenced = False

    def flush() -> Iterator[Sentence]:
        if not paragraph:
            return
        text = " ".join(line for _, line, _ in paragraph)
        starts, at = [], 0  # where each source line begins in the joined text
        for _, line, _ in paragraph:
            starts.append(at)
            at += len(line) + 1
        cites = bool(_MACRO.search(text))
        position = 0
        for part in _SENTENCE_END.split(text):
            lead = len(part) - len(part.lstrip())
            if part.strip():
                k = max(i for i, start in enumerate(starts) if start <= position + lead)
                number, _, indent = paragraph[k]
                yield Sentence(number + offset_lines, position + lead - starts[k] + indent + 1,
                               _MACRO.sub("", part).strip(), part.strip(), cites)
            position += len(part)
        paragraph.clear()

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if _FENCE.match(stripped):
            fenced = not fenced
            yield from flush()
            continue
        if fenced:
            continue
        if not stripped or stripped.startswith(("#", "|", "<", ":::", "!!!", "???")) \
                or re.fullmatch(r"[-*_]{3,}", stripped):
            yield from flush()
            continue
        indent = len(line) - len(line.lstrip())
        item = re.match(r"^([-*+]|\d+\.)\s+", stripped)
        if item:  # a list item is a paragraph of its own
            yield from flush()
            stripped, indent = stripped[item.end():], indent + item.end()
        paragraph.append((number, stripped, indent))
    yield from flush()


def uncited(sentence: Sentence) -> bool:
    """A sentence that states a number, a year or a month with no macro in its paragraph."""
    return not sentence.paragraph_cites and bool(_CHECKABLE.search(sentence.text))

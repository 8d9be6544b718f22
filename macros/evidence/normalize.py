"""Quote matching: normalise quote and archive text the same way, then exact substring.

Normalising removes only differences that are not differences of wording:

* Unicode NFKC, so full-width and half-width forms match (``，`` = ``,``, ``１`` = ``1``);
* all whitespace (line breaks, indentation, ideographic spaces, zero-width spaces);
* the NetEase conversion artifact: a Chinese character followed by its pinyin in
  parentheses, ASCII or full-width, e.g. ``發(fā)現(xiàn)`` -> ``發現``.

Matching is never fuzzy. ``ArchiveIndex`` normalises each archive once, so checking
many quotes costs one substring search each.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence

# After NFKC, full-width parentheses are ASCII ones, so the patterns need only those.
_WHITESPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
#: The Han (CJK ideograph) code points, for character classes: `[{HAN}]`.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_PINYIN_VOWELS = "aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# One pinyin syllable: optional initial, 1-3 vowels, optional nasal/r ending.
_PINYIN_SYLLABLE = rf"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[{_PINYIN_VOWELS}]{{1,3}}(?:ng|n|r)?"
_NETEASE_ARTIFACT = re.compile(rf"(?<=[{HAN}])\({_PINYIN_SYLLABLE}\)")

# Separates non-adjacent line ranges of a source; normalised quotes never contain it,
# so a quote cannot match across the gap.
_GAP = "\n"


_RAW_ARTIFACT = re.compile(rf"(?<=[{HAN}])[(（]{_PINYIN_SYLLABLE}[)）]")


#: Full-width punctuation and Han characters: between two of them a space is a line
#: break of the archived page (or a copy-paste), never the author's.
_CJK_TIGHT = f"{HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d"
_SPACE_IN_CJK = re.compile(f"(?<=[{_CJK_TIGHT}])[ \t\n\u3000]+(?=[{_CJK_TIGHT}])")


def join_cjk_lines(text: str) -> str:
    """``text`` without spaces between Chinese characters and punctuation (where a line
    of the source broke): the form Chinese is read in. Words in Latin script keep
    theirs."""
    return _SPACE_IN_CJK.sub("", text)


def strip_artifacts(text: str) -> str:
    """``text`` without the NetEase artifact (a character's pinyin in parentheses) and
    without the spaces a line break left between Chinese characters, and otherwise as
    written: the form a quote is shown in. Neither is the author's; neither is
    published."""
    if "(" in text or "（" in text:
        text = _RAW_ARTIFACT.sub("", text)
    return join_cjk_lines(text)


def normalise(text: str) -> str:
    """The form quotes and archives are compared in."""
    text = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))
    if "(" in text:  # cheap test first: most text has no artifact
        text = _NETEASE_ARTIFACT.sub("", text)
    return text


LineRange = tuple[int, int]  # 1-based, inclusive


def parse_line_ranges(ranges: Iterable[str]) -> list[LineRange]:
    """["1-32", "65-65"] -> [(1, 32), (65, 65)]; the model has checked the pattern."""
    parsed = []
    for text in ranges:
        start, end = text.split("-")
        parsed.append((int(start), int(end)))
    return parsed


class _SearchText:
    """One normalised text to search, and which archive line each position came from."""

    __slots__ = ("text", "_starts", "_line_numbers")

    def __init__(self, lines: Sequence[str], ranges: Sequence[LineRange]) -> None:
        pieces: list[str] = []
        starts: list[int] = []
        line_numbers: list[int] = []
        offset = 0
        for index, (start, end) in enumerate(ranges):
            if index:
                pieces.append(_GAP)
                offset += len(_GAP)
            for number in range(start, end + 1):
                starts.append(offset)
                line_numbers.append(number)
                pieces.append(lines[number - 1])
                offset += len(lines[number - 1])
        self.text = "".join(pieces)
        self._starts = starts
        self._line_numbers = line_numbers

    def line_of(self, normalised_quote: str) -> int | None:
        position = self.text.find(normalised_quote)
        if position < 0:
            return None
        return self._line_numbers[bisect_right(self._starts, position) - 1]


class ArchiveIndex:
    """Normalised archive texts and the sources that cut them into line ranges.

    ``add_archive`` normalises a file once (line by line, so matches can be traced
    back to a line); ``add_source`` builds the text a source's quotes are searched in.
    """

    def __init__(self) -> None:
        self._archive_lines: dict[str, list[str]] = {}
        self._archives: dict[str, _SearchText] = {}
        self._sources: dict[str, _SearchText] = {}
        self._source_archive: dict[str, str] = {}

    def add_archive(self, archive_id: str, text: str) -> None:
        raw_lines = text.split("\n")  # "\n" only: line numbers as editors count them
        if raw_lines and raw_lines[-1] == "":
            raw_lines.pop()
        lines = [normalise(line) for line in raw_lines]
        self._archive_lines[archive_id] = lines
        self._archives[archive_id] = _SearchText(lines, [(1, len(lines))] if lines else [])

    def normalised_texts(self) -> list[str]:
        """Every archive's text as normalised, lines joined by newlines."""
        return ["\n".join(lines) for lines in self._archive_lines.values()]

    def line_count(self, archive_id: str) -> int:
        return len(self._archive_lines[archive_id])

    def has_archive(self, archive_id: str) -> bool:
        return archive_id in self._archives

    def add_source(self, source_id: str, archive_id: str,
                   ranges: Sequence[LineRange] | None = None) -> None:
        """Register a source; ``ranges`` must lie inside the archive (checked by caller)."""
        if ranges is None:
            self._sources[source_id] = self._archives[archive_id]
        else:
            self._sources[source_id] = _SearchText(self._archive_lines[archive_id], ranges)
        self._source_archive[source_id] = archive_id

    def has_source(self, source_id: str) -> bool:
        return source_id in self._sources

    def contains(self, source_id: str, normalised_quote: str) -> bool:
        return normalised_quote in self._sources[source_id].text

    def line_of(self, source_id: str, quote: str) -> int | None:
        """The archive line where ``quote`` (not yet normalised) starts, if it is there."""
        return self._sources[source_id].line_of(normalise(quote))

    def sources_containing(self, normalised_quote: str) -> list[str]:
        return [sid for sid, text in self._sources.items() if normalised_quote in text.text]

    def archive_line_of(self, archive_id: str, normalised_quote: str) -> int | None:
        return self._archives[archive_id].line_of(normalised_quote)

    def archives_containing(self, normalised_quote: str) -> list[str]:
        return [aid for aid, text in self._archives.items() if normalised_quote in text.text]

    def longest_prefix_found(self, source_id: str, normalised_quote: str) -> int:
        """How many leading characters of the quote occur in the source (for hints)."""
        text = self._sources[source_id].text
        low, high = 0, len(normalised_quote)
        while low < high:  # prefixes that occur are closed downwards: binary search
            middle = (low + high + 1) // 2
            if normalised_quote[:middle] in text:
                low = middle
            else:
                high = middle - 1
        return low

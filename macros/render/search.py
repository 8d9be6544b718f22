"""What the site search must keep whole: names and glossary terms from the data. Plain Python, no MkDocs.

Material's search plugin splits Chinese text into words with jieba at build time, and
the browser matches a query against those words. Two things split names we use:

* jieba's own dictionary splits many of them (英伟达 into 英 + 伟达, 深度求索 into 深度 +
  求索), so a search for a name found every page with any of its parts.
  :func:`user_dictionary` lists every run of Chinese characters in an entity's Chinese
  name and aliases, and in a glossary term's Chinese name and aliases (出口管制,
  引导基金), in jieba's user-dictionary format, for the glue to load before any page is
  indexed;
* the plugin marks a word boundary wherever Chinese meets Latin script, so a name such
  as 智谱AI was indexed as 智谱 + AI, which a search for 智谱AI (one word in the
  browser) never matches. :func:`keep_names_whole` joins such names again in the
  built index.
"""

from __future__ import annotations

import re

from ..evidence.factbase import FactBase
from ..evidence.lints import simplified
from ..evidence.normalize import HAN

BOUNDARY = "\u200b"  # the zero-width space the search plugin writes between words
# A longer run (北京蝴蝶效应科技有限公司) is left to jieba, which splits it into words a
# reader searches for; kept whole, it would be found only by its first characters.
_HAN_RUN = re.compile(f"(?<![{HAN}])[{HAN}]{{2,6}}(?![{HAN}])")
_SCRIPT_CHANGE = re.compile(f"(?<=[{HAN}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{HAN}])")


def _names(fb: FactBase) -> list[str]:
    """Every entity's Chinese name and aliases and every glossary term's, and each in
    Simplified script too (the pages are in Simplified; quotes from Traditional sources
    are not)."""
    names = [text for entity in fb.entities.values()
             for text in (entity.name.zh, *entity.aliases)]
    names += [text for term in fb.glossary.values()
              for text in (term.term.zh, *term.aliases.zh)]
    return list(dict.fromkeys(names + [simplified(name) for name in names]))


def search_terms(fb: FactBase) -> list[str]:
    """Every run of two to six Chinese characters in a name, to be kept as one word:
    sorted, once."""
    return sorted({run for text in _names(fb) for run in _HAN_RUN.findall(text)})


def user_dictionary(fb: FactBase) -> str:
    """jieba's user-dictionary format: one word per line (jieba picks a frequency that
    keeps the word whole)."""
    return "".join(f"{term}\n" for term in search_terms(fb))


def mixed_script_names(fb: FactBase) -> list[str]:
    """Names that run Chinese and Latin script together, with no space: 智谱AI, IT桔子."""
    return sorted({word for text in _names(fb) for word in text.split()
                   if _SCRIPT_CHANGE.search(word) and not re.search(r"[^\w·]", word)})


class NameJoiner:
    """Joins each of ``names`` into one word again in text from the search index (one
    compiled pattern for all of them: the index holds thousands of sections)."""

    def __init__(self, names: list[str]) -> None:
        self._whole = {_SCRIPT_CHANGE.sub(BOUNDARY, name): name for name in names}
        # longest first, so a name that contains another is joined whole
        alternatives = "|".join(map(re.escape, sorted(self._whole, key=len, reverse=True)))
        self._pattern = re.compile(rf"(?<![^\s{BOUNDARY}])(?:{alternatives})(?![A-Za-z0-9])"
                                   ) if self._whole else None

    def __call__(self, text: str) -> str:
        if self._pattern is None or BOUNDARY not in text:
            return text
        return self._pattern.sub(lambda m: self._whole[m.group(0)], text)


def keep_names_whole(text: str, names: list[str]) -> str:
    """``text`` from the search index with each of ``names`` one word again."""
    return NameJoiner(names)(text)

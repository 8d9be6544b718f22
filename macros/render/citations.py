"""How to cite a fact: plain text, BibTeX and CSL-JSON. Plain Python, no MkDocs.

A citation names two works: our page for the fact (our statement and translation, CC BY
4.0) and the original article the quote comes from. Dates come from the data (the fact's
``updated``/``added`` date, the article's ``published``), never from the build, so the
same data always gives the same citation.

BibTeX. Each article has ONE entry, in ``downloads/sources.bib`` (key ``src-<source id>``);
each fact has one, ``rr-<fact id>``, in ``downloads/facts.bib`` and on its page. A fact's
entry refers to its article's with biblatex's ``related`` field (classic BibTeX ignores
it) and says in its note that the article's entry is in sources.bib, with the address.
So any set of pasted fact entries plus sources.bib is one file with no key twice. Every
entry carries what classic styles need (``author``/``title``/``journal`` or
``howpublished``/``year``/``month``/``note``/``url``) and what biblatex uses (``date``,
``urldate``, ``langid``). Titles brace-protect names and acronyms (entity names from the
data, all-caps and CamelCase words, words with digits, capitalised words after the first:
titles are written in sentence case), so a style that lowercases titles keeps them.

CSL-JSON. Written to come out as a careful person would write the reference in APA or
Chicago author-date: person authors as names (family, given), organisations as literals;
the original title followed by our English one in brackets, no trailing full stop;
untitled works described in brackets; the outlet, dates, our page's URL and the date we
last changed it as the accessed date. No internal id is put in a field a style prints.
Chinese pages give the Chinese rendering (our Chinese statement, Chinese labels,
``language: zh-Hans``).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..evidence import dates
from ..evidence.factbase import FactBase
from ..evidence.model import Entity, EntityKind, Fact, Source, SourceKind
from . import links
from .html import safe_url
from .labels import LABELS, check_lang

DOWNLOADS_DIR = "downloads"  # the same as exports.DOWNLOADS_DIR (a test holds them equal)
SOURCES_BIB = "sources.bib"
FACTS_BIB = "facts.bib"
LICENCE = "CC BY 4.0"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
               "nov", "dec")
#: BCP 47 tags of our own text and of the sources' scripts.
_LANG_TAG = {"en": "en", "zh": "zh-Hans"}
_BIB_LANGID = {"en": "english", "zh": "chinese"}
_SCRIPT_TAG = {"Hans": "zh-Hans", "Hant": "zh-Hant"}

_CJK = r"\u2e80-\u2fff\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_NAME = re.compile(rf"^[{_CJK}][{_CJK}·・]{{1,9}}$")
_LATIN_NAME = re.compile(r"^[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){1,3}$")
_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9'’.]*[A-Za-z0-9])?")  # 'US-China': two words
_UNTITLED = re.compile(r"^[（(]([^（）()]*(?:无标题|無標題)[^（）()]*)[）)]$")
_UNTITLED_EN_HEAD = re.compile(r"^\((untitled[^)]*)\)\s*(.*)$", re.I | re.S)
_UNTITLED_EN_TAIL = re.compile(r"^(.*?)\s*\((untitled[^)]*)\)$", re.I | re.S)


# --------------------------------------------------------------------------- shared parts


def fact_date(fact: Fact) -> str:
    """The date our page for the fact was last changed."""
    return fact.updated or fact.added


def fact_key(fact_id: str) -> str:
    """The BibTeX key and CSL id of our page for a fact."""
    return _key(f"rr-{fact_id}")


def source_key(source_id: str) -> str:
    """The BibTeX key and CSL id of an article (its entry is in sources.bib)."""
    return _key(f"src-{source_id}")


def _key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def _labels(lang: str) -> dict[str, str]:
    return dict(LABELS[check_lang(lang)]["citation"])


def editors(site_name: str, lang: str) -> str:
    """Who wrote our pages: 'Race & Reliance editors', 'Race & Reliance 编辑部',
    '竞逐与依赖编辑部' (no space between Chinese words)."""
    text = _labels(lang)["editors"].format(site=site_name)
    return re.sub(rf"(?<=[{_CJK}]) (?=[{_CJK}])", "", text)


def _date_parts(text: str | None) -> list[int] | None:
    if not text or not dates.is_known(text):
        return None
    return dates.parts(text)


def title_text(text: str) -> str:
    """Text as a title: no trailing full stop (a style adds its own punctuation)."""
    return re.sub(r"[.。．]+$", "", text.strip()).strip()


def _sentence(text: str, stop: str = ".") -> str:
    """``text`` ending in one stop: none added after ? ! or a stop already there."""
    text = text.rstrip()
    return text if re.search(r"[.?!。？！]$", text) else text + stop


def is_untitled(source: Source) -> bool:
    """Whether the article has no title of its own ('（无标题）' in the data)."""
    return bool(_UNTITLED.match(source.title_original.strip()))


def _untitled_description(source: Source, lang: str) -> str:
    """'[Untitled translated feature: <our title>]' (APA's bracketed description)."""
    if lang == "zh":
        match = _UNTITLED.match(source.title_original.strip())
        return f"[{match.group(1).strip() if match else '无标题'}]"
    title = title_text(source.title_en)
    head, tail = _UNTITLED_EN_HEAD.match(title), _UNTITLED_EN_TAIL.match(title)
    if head:
        marker, rest = head.group(1), head.group(2)
    elif tail:
        rest, marker = tail.group(1), tail.group(2)
    else:
        marker, rest = "untitled", title
    marker = marker.strip()
    marker = marker[:1].upper() + marker[1:]
    rest = _no_brackets(rest.strip())
    return f"[{marker}: {rest}]" if rest else f"[{marker}]"


def _no_brackets(text: str) -> str:
    """Square brackets inside a bracketed part become parentheses."""
    return text.replace("[", "(").replace("]", ")")


def source_title(source: Source, lang: str) -> str:
    """The article's title as cited: '原题 [Our English title]' in English, the original
    alone in Chinese; an untitled article's description in brackets."""
    if is_untitled(source):
        return _untitled_description(source, lang)
    original = title_text(source.title_original)
    if lang == "zh":
        return original
    return f"{original} [{_no_brackets(title_text(source.title_en))}]"


def _outlet(source: Source, lang: str) -> str:
    text = source.outlet.en if lang == "en" else source.outlet.zh
    known = source.outlet.en.strip().lower() not in ("unknown", "")
    return text.strip() if known else ""


def source_accessed(fb: FactBase, source: Source) -> str | None:
    """When we had the article in hand: the first day a fact quoting it was added."""
    added = sorted((f.added for f in fb.by_source.get(source.id, [])
                    if dates.is_known(f.added)), key=dates.sort_key)
    return added[0] if added else None


# --------------------------------------------------------------------------- authors


@dataclass(frozen=True)
class Author:
    """One author as the citation formats need it: a person (family, given) or an
    organisation (literal)."""

    literal: str = ""
    family: str = ""
    given: str = ""

    @property
    def is_person(self) -> bool:
        return bool(self.family)


def entity_index(entities: Iterable[Entity]) -> dict[str, Entity]:
    """Every name an entity goes by (casefolded) -> the entity."""
    index: dict[str, Entity] = {}
    for e in entities:
        for name in (e.name.en, e.name.zh, *e.aliases):
            index.setdefault(" ".join(name.split()).casefold(), e)
    return index


#: (entities dict, its name index, its protected phrases) of the last fact base: a build
#: cites every fact twice (en, zh) from the same entities.
_lookups: tuple[dict[str, Entity] | None, dict[str, Entity], tuple[str, ...]] = (None, {}, ())


def lookups(fb: FactBase) -> tuple[dict[str, Entity], tuple[str, ...]]:
    """(every entity's names -> the entity, the phrases titles keep as written)."""
    global _lookups
    if _lookups[0] is not fb.entities:
        _lookups = (fb.entities, entity_index(fb.entities.values()),
                    protect_phrases(fb.entities.values()))
    return _lookups[1], _lookups[2]


def author(name: str, names: dict[str, Entity]) -> Author:
    """An author as printed, as a person or an organisation.

    ``names``: every entity's names (``entity_index``). An author named in
    data/entities.yaml is a person exactly when the entity is one;
    any other name is taken for a person when it looks like one (two to four capitalised
    words, or a name in Chinese characters), else for an organisation. Names in Chinese
    characters are written family name first with no space, so the whole name is the
    family part: it prints as written everywhere (CSL processors differ on splitting
    such names, and citeproc-py would initialise the given part) and sorts under the
    family name, which comes first.
    """
    name = " ".join(name.split())
    entity = names.get(name.casefold())
    if entity is not None:
        person = entity.kind == EntityKind.person
    else:
        person = bool(_CJK_NAME.match(name) or _LATIN_NAME.match(name))
    if not person:
        return Author(literal=name)
    if _CJK_NAME.match(name) or " " not in name:
        return Author(family=name)
    given, _, family = name.rpartition(" ")
    return Author(family=family, given=given)


def _initials(given: str) -> str:
    parts = [p for p in re.split(r"(-)|\s+", given) if p]
    out = ""
    for part in parts:
        out += "-" if part == "-" else (part[0] + ". " if part[0].isupper() else part + " ")
    return out.replace(" -", "-").strip()


def _apa_names(authors: Sequence[Author]) -> str:
    """APA's author list: 'Liu, J., & Metz, C.'; organisations as written."""
    names = [(f"{a.family}, {_initials(a.given)}" if a.given else a.family)
             if a.is_person else a.literal for a in authors]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


# --------------------------------------------------------------------------- BibTeX


_TEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def tex(text: str) -> str:
    """Text made safe for a braced BibTeX field: TeX's specials escaped, braces always
    balanced (a brace from the data becomes \\textbraceleft{} / \\textbraceright{})."""
    return "".join(_TEX_SPECIALS.get(ch, ch) for ch in re.sub(r"\s+", " ", text))


def bib_url(url: str) -> str:
    """A URL for a ``url`` field: as it is, but for the characters BibTeX cannot carry
    (braces, backslash, spaces), percent-encoded."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group(0)):02X}", url)


def _note_url(url: str) -> str:
    """A URL in running text (a note): percent-encoded where TeX would need a command,
    then escaped."""
    return tex(re.sub(r"[~^{}\\\s]", lambda m: f"%{ord(m.group(0)):02X}", url))


@functools.lru_cache(maxsize=8)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])")


def protect_phrases(entities: Iterable[Entity]) -> tuple[str, ...]:
    """The names a title keeps as written: every entity's English name and its aliases
    in Latin letters, longest first."""
    names = {n.strip() for e in entities for n in (e.name.en, *e.aliases)
             if re.search(r"[A-Za-z]", n) and len(n.strip()) > 1}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _needs_braces(word: str, at_start: bool) -> bool:
    """Whether a word of a title keeps its case: names and acronyms do. A style that
    lowercases titles keeps only the title's first character, so only a word there
    may go unbraced."""
    if not re.search(r"[A-Za-z]", word):
        return False
    if re.search(r"\d", word) or re.search(r"[A-Z]", word[1:]):
        return True  # 01.AI, R1, GPT-4, AI, US, DeepSeek
    return word[0].isupper() and not at_start  # a proper noun in a sentence-case title


def bib_title(text: str, phrases: tuple[str, ...]) -> str:
    """A title for BibTeX: escaped, with names and acronyms in braces so that a style
    that changes case (classic ``plain`` lowercases all but the first letter) keeps them:
    '{01.AI} was valued …', '中美{AI}(一) [{US}–{China} {AI} …]'."""
    pattern = _phrase_pattern(phrases)
    spans: list[tuple[int, int]] = []
    if pattern is not None:
        spans = [m.span() for m in pattern.finditer(text)]
    taken = [False] * len(text)
    for start, end in spans:
        for i in range(start, end):
            taken[i] = True
    for m in _WORD.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        if _needs_braces(m.group(0), at_start=m.start() == 0):
            spans.append(m.span())
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(tex(text[pos:start]))
        out.append("{" + tex(text[start:end]) + "}")
        pos = end
    out.append(tex(text[pos:]))
    return "".join(out)


def _bib_names(authors: Sequence[Author]) -> str:
    names = []
    for a in authors:
        if not a.is_person:
            names.append("{" + tex(a.literal) + "}")
        elif a.given:
            names.append(f"{tex(a.family)}, {tex(a.given)}")
        else:
            names.append("{" + tex(a.family) + "}")
    return " and ".join(names)


def _bib_date_fields(text: str | None) -> list[tuple[str, str]]:
    ymd = _date_parts(text)
    if not ymd:
        return []
    assert text is not None
    fields = [("year", "{" + str(ymd[0]) + "}")]
    if len(ymd) > 1:
        fields.append(("month", _BIB_MONTHS[ymd[1] - 1]))  # the standard month macros
    fields.append(("date", "{" + text + "}"))
    return fields


def _bib_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in fields)
    return f"@{kind}{{{key},\n{body},\n}}"


def _braced(text: str) -> str:
    return "{" + text + "}"


def source_bibtex(source: Source, fb: FactBase) -> str:
    """The article's one BibTeX entry (it lives in sources.bib)."""
    entities, _ = lookups(fb)
    authors = [author(a, entities) for a in source.authors]
    outlet = _outlet(source, "en")
    known = dates.is_known(source.published)
    kind = "article" if authors and outlet and known else "misc"
    fields: list[tuple[str, str]] = []
    if authors:
        fields.append(("author", _braced(_bib_names(authors))))
    fields.append(("title", _braced(bib_title(source_title(source, "en"),
                                              lookups(fb)[1]))))
    if outlet:
        fields.append(("journal" if kind == "article" else "howpublished",
                       _braced(tex(outlet))))
    fields += _bib_date_fields(source.published)
    if safe_url(source.url):
        fields.append(("url", _braced(bib_url(safe_url(source.url)))))
        accessed = source_accessed(fb, source)
        if accessed:
            fields.append(("urldate", _braced(accessed)))
    fields.append(("langid", _braced(_BIB_LANGID["zh"])))
    fields.append(("language", _braced("Chinese")))
    notes = ["In Chinese" + (" (Traditional characters)" if source.script.value == "Hant"
                             else "")]
    notes.append("untitled; the description in brackets is ours" if is_untitled(source)
                 else "the English title in brackets is ours")
    if not known:
        notes.append("date of publication not stated")
    fields.append(("note", _braced(tex(_sentence("; ".join(notes))))))
    return _bib_entry(kind, source_key(source.id), fields)


def fact_bibtex(fact: Fact, fb: FactBase, page_url: str, site_name: str, lang: str,
                sources_bib_url: str) -> str:
    """Our page's BibTeX entry for a fact, in the page's language, referring to its
    article's entry in sources.bib (which it does not repeat)."""
    labels = _labels(lang)
    source = fb.sources[fact.source]
    statement = fact.statement.en if lang == "en" else fact.statement.zh
    ours = fact_date(fact)
    fields: list[tuple[str, str]] = [
        ("author", _braced(_braced(tex(editors(site_name, lang))))),
        ("title", _braced(bib_title(title_text(statement),
                                    lookups(fb)[1]))),
        ("howpublished", _braced(tex(site_name))),
        *_bib_date_fields(ours),
        ("url", _braced(bib_url(page_url))),
    ]
    if dates.is_known(ours):
        fields.append(("urldate", _braced(ours)))
    fields.append(("langid", _braced(_BIB_LANGID[lang])))
    if lang != "en":
        fields.append(("language", _braced("Chinese")))
    quoted = _source_short(source, fb, lang)
    note = labels["bib_note"].format(licence=LICENCE, source=tex(quoted),
                                     file=SOURCES_BIB, url=_note_url(sources_bib_url))
    fields.append(("note", _braced(note)))
    fields.append(("related", _braced(source_key(source.id))))
    return _bib_entry("misc", fact_key(fact.id), fields)


def _source_short(source: Source, fb: FactBase, lang: str) -> str:
    """'大国竞争之中美AI(一) [US–China AI …] (VC Popcorn, 2024)': the article, briefly."""
    labels = _labels(lang)
    entities, _ = lookups(fb)
    names = [a.family or a.literal for a in (author(x, entities) for x in source.authors)]
    who = names[0] if names else ""
    if len(names) == 2:
        who = labels["two_authors"].format(*names)
    elif len(names) > 2:
        who = labels["et_al"].format(names[0])
    year = dates.year(source.published) if dates.is_known(source.published) else labels["nd"]
    when = LABELS[lang]["punct"]["comma"].join(p for p in (who, year) if p)
    return labels["source_short"].format(title=source_title(source, lang), when=when)


def _comment(lines: Iterable[str]) -> str:
    """BibTeX comment lines (text outside entries), with no '@' that would start one."""
    return "\n".join("% " + line.replace("@", "(at)") for line in lines)


def bibtex_block(fact: Fact, fb: FactBase, page_url: str, site_name: str, lang: str,
                 sources_bib_url: str) -> str:
    """What a fact page shows under BibTeX: a comment saying where the article's entry
    is, then our page's entry."""
    labels = _labels(lang)
    head = labels["bib_comment"].format(key=source_key(fact.source), file=SOURCES_BIB,
                                        url=sources_bib_url)
    return _comment(head.split("\n")) + "\n" + fact_bibtex(fact, fb, page_url, site_name,
                                                           lang, sources_bib_url)


def _file_header(title: str, site_name: str, site_url: str) -> str:
    return _comment([f"{site_name}: {title}", site_url or "/",
                     f"Our statements and translations: {LICENCE}. Quotes remain their "
                     "publishers' and authors'.",
                     "Generated from the data; UTF-8; for BibTeX (classic styles) and "
                     "biblatex."]) + "\n"


def sources_bib(fb: FactBase, site_name: str, site_url: str) -> str:
    """downloads/sources.bib: every article once."""
    entries = [source_bibtex(s, fb) for s in fb.sources.values()]
    return _file_header("the articles our facts quote", site_name, site_url) + "\n" + \
        "\n\n".join(entries) + "\n"


def facts_bib(fb: FactBase, site_name: str, site_url: str) -> str:
    """downloads/facts.bib: every fact's entry once (as on its English page), each
    referring to its article in sources.bib."""
    root = site_url or "/"
    at = f"{root}{DOWNLOADS_DIR}/{SOURCES_BIB}"
    entries = [fact_bibtex(f, fb, root + links.fact_url(f.id, "en"), site_name, "en", at)
               for f in fb.facts.values()]
    return _file_header(f"every fact, each referring to its article in {SOURCES_BIB}",
                        site_name, site_url) + "\n" + "\n\n".join(entries) + "\n"


# --------------------------------------------------------------------------- CSL-JSON


#: A news report is a newspaper article; everything else reached us as an online post
#: (a WeChat account, NetEase Hao, a blog, a column's repost).
_CSL_TYPE = {SourceKind.news_report: "article-newspaper"}


def csl_names(authors: Sequence[Author]) -> list[dict[str, str]]:
    out = []
    for a in authors:
        if not a.is_person:
            out.append({"literal": a.literal})
        elif a.given:
            out.append({"family": a.family, "given": a.given})
        else:
            out.append({"family": a.family})
    return out


def _csl_date(text: str | None) -> dict[str, Any] | None:
    ymd = _date_parts(text)
    return {"date-parts": [ymd]} if ymd else None


def source_csl(source: Source, fb: FactBase, lang: str) -> dict[str, Any]:
    """The article as a CSL-JSON item, in the page's language."""
    entities, _ = lookups(fb)
    item: dict[str, Any] = {
        "id": source_key(source.id),
        "type": _CSL_TYPE.get(source.kind, "post-weblog"),
        "title": source_title(source, lang),
        "language": _SCRIPT_TAG.get(source.script.value, "zh"),
    }
    if source.authors:
        item["author"] = csl_names([author(a, entities) for a in source.authors])
    outlet = _outlet(source, lang)
    if outlet:
        item["container-title"] = outlet
    issued = _csl_date(source.published)
    if issued:
        item["issued"] = issued
    if safe_url(source.url):
        item["URL"] = safe_url(source.url)
        accessed = _csl_date(source_accessed(fb, source))
        if accessed:
            item["accessed"] = accessed
    return item


def fact_csl(fact: Fact, page_url: str, site_name: str, lang: str) -> dict[str, Any]:
    """Our page for the fact as a CSL-JSON item, in the page's language."""
    statement = fact.statement.en if lang == "en" else fact.statement.zh
    item: dict[str, Any] = {
        "id": fact_key(fact.id),
        "type": "webpage",
        "author": [{"literal": editors(site_name, lang)}],
        "title": title_text(statement),
        "container-title": site_name,
        "URL": page_url,
        "language": _LANG_TAG[lang],
    }
    ours = _csl_date(fact_date(fact))
    if ours:
        item["issued"] = ours
        item["accessed"] = ours
    return item


def csl_items(fact: Fact, fb: FactBase, page_url: str, site_name: str,
              lang: str) -> list[dict[str, Any]]:
    """Our page for the fact and the article it quotes, as CSL-JSON items."""
    return [fact_csl(fact, page_url, site_name, lang),
            source_csl(fb.sources[fact.source], fb, lang)]


# --------------------------------------------------------------------------- plain text


def _plain_date(text: str | None, lang: str) -> str:
    ymd = _date_parts(text)
    if not ymd:
        return _labels(lang)["nd"]
    if lang == "zh":
        return "".join(f"{n}{unit}" for n, unit in zip(ymd, "年月日", strict=False))
    out = str(ymd[0])
    if len(ymd) > 1:
        out += f", {_MONTHS[ymd[1] - 1]}" + (f" {ymd[2]}" if len(ymd) > 2 else "")
    return out


def _plain_reference(who: str, when: str, title: str, rest: Sequence[str],
                     lang: str) -> str:
    """One APA-like reference: 'Who. (When). Title. Rest.'; without an author, the title
    takes its place: 'Title. (When). Rest.' Chinese uses full-width punctuation:
    'Who（When）。Title。Rest。', 'Title（When）。Rest。'"""
    if lang == "zh":
        head = [f"{who}（{when}）。", _sentence(title, "。")] if who else [
            f"{title_text(title)}（{when}）。"]
        return "".join(head + [_sentence(r, "。") for r in rest if r])
    head = [f"{_sentence(who)} ({when}).", _sentence(title)] if who else [
        f"{_sentence(title)} ({when})."]
    return " ".join(head + [_sentence(r) for r in rest if r])


def plain_text(fact: Fact, fb: FactBase, page_url: str, site_name: str, lang: str) -> str:
    """The citation as plain text, APA-like, in the page's language."""
    labels = _labels(lang)
    source = fb.sources[fact.source]
    statement = fact.statement.en if lang == "en" else fact.statement.zh
    ours = _plain_reference(editors(site_name, lang),
                            _plain_date(fact_date(fact), lang), title_text(statement),
                            [site_name], lang)
    entities, _ = lookups(fb)
    authors = [author(a, entities) for a in source.authors]
    rest = [_outlet(source, lang)]
    theirs = _plain_reference(_apa_names(authors), _plain_date(source.published, lang),
                              source_title(source, lang), rest, lang)
    if safe_url(source.url):
        theirs += ("" if lang == "zh" else " ") + safe_url(source.url)
    return labels["plain"].format(ours=ours, url=page_url, licence=LICENCE, source=theirs)


# --------------------------------------------------------------------------- all three


def citation(fact: Fact, fb: FactBase, page_url: str, site_name: str, lang: str = "en",
             sources_bib_url: str = "") -> dict[str, str]:
    """{'text', 'bibtex', 'csl'} for a fact whose page is at absolute ``page_url``, in
    the page's language; ``sources_bib_url`` is where sources.bib is."""
    lang = check_lang(lang)
    bib_at = sources_bib_url or f"/{DOWNLOADS_DIR}/{SOURCES_BIB}"
    return {
        "text": plain_text(fact, fb, page_url, site_name, lang),
        "bibtex": bibtex_block(fact, fb, page_url, site_name, lang, bib_at),
        "csl": json.dumps(csl_items(fact, fb, page_url, site_name, lang),
                          ensure_ascii=False, indent=2),
    }

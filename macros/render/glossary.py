"""Glossary terms linked from their first use on a page. Plain Python, no MkDocs.

:func:`link_first_uses` takes a page's HTML (what Python-Markdown made of it, macros
included) and links the first occurrence of each glossary term, in the page's language,
to the term's entry on the glossary page (``glossary/#term-<id>``). It only ever wraps
text it finds in an ``<a>``: every other byte of the page is left as it was.

A first use is looked for in running text only: never inside a heading, a link, code, a
quote, a table or figure caption, a form control, an element that is hidden or in
another language (``lang``), or anything marked ``data-no-glossary``; and not at all on
the glossary page itself. A term is matched by its name and its aliases as written (case
matters: the firm Benchmark is not the word benchmark), its name also with a lower-case
first letter, and a Latin-script form only as a whole word. Where forms overlap the
longest wins, so 推理模型 (reasoning model) is never taken for a use of 推理.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import escape

from ..evidence.factbase import FactBase
from ..evidence.model import GlossaryTerm
from . import links

#: Elements whose text is never a first use (besides hidden and other-language ones).
EXCLUDED = frozenset({
    "a", "abbr", "blockquote", "button", "caption", "cite", "code", "dfn", "figcaption",
    "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label", "math", "nav", "noscript",
    "option", "pre", "q", "samp", "script", "select", "style", "summary", "svg",
    "template", "textarea", "th", "time", "title", "var",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
# Elements whose content is skipped whole (raw text, or excluded with everything inside).
_SKIP_WHOLE = ("script", "style", "svg", "pre", "textarea", "template", "math")

_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_EXCLUDING = "|".join(sorted(EXCLUDED, key=lambda n: (-len(n), n)))
# Where an excluded stretch of the page may begin: a comment, an element excluded by its
# name, or any element with an attribute that may exclude it (hidden, lang…).
_OPENING = re.compile(
    r"<!--"
    rf"|<(?P<name>{_EXCLUDING})(?=[\s>/]){_ATTRS}>"
    r"|<(?P<other>[A-Za-z][A-Za-z0-9-]*)(?=[^>]*\s(?:hidden|popover|inert|"
    rf"data-no-glossary|aria-hidden|lang)\b){_ATTRS}>",
    re.I)
_HIDING = re.compile(r"""\s(?:hidden|popover|inert|data-no-glossary)(?=[\s=/>])"""
                     r"""|\saria-hidden\s*=\s*["']?true""", re.I)
_LANG = re.compile(r"""\slang\s*=\s*["']?([A-Za-z]+)""", re.I)
_ASCII_WORD = "A-Za-z0-9_-"


@dataclass(frozen=True)
class Matcher:
    """The forms of every term in one language, as one pattern, longest first."""

    pattern: re.Pattern[str] | None
    term_of: dict[str, str]  # form as written in HTML -> term id


def _form_pattern(form: str) -> str:
    """A form as a regex on HTML text: whitespace as any run of it; a form that starts
    or ends with a Latin letter or digit only as a whole word there (H20 is not in
    H200, nor training in retraining; 英伟达H200级 still holds H200)."""
    text = str(escape(" ".join(form.split())))
    body = r"\s+".join(re.escape(part) for part in text.split(" "))
    head = f"(?<![{_ASCII_WORD}])" if re.match(r"[A-Za-z0-9]", text) else ""
    tail = f"(?![{_ASCII_WORD}])" if re.search(r"[A-Za-z0-9]$", text) else ""
    return head + body + tail


def _key(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=512)
def _compile(entries: tuple[tuple[str, str], ...]) -> Matcher:
    """(term id, form) pairs, as one pattern. Cached: every page of a build asks.

    The pattern opens with a look-ahead for the characters a form can start with, so
    the engine passes over every other position without trying each form there."""
    term_of: dict[str, str] = {}
    for term_id, form in entries:
        term_of.setdefault(_key(str(escape(form))), term_id)
    ordered = sorted({form for _, form in entries}, key=lambda f: (-len(f), f))
    if not ordered:
        return Matcher(None, term_of)
    starts = "".join(sorted({str(escape(f))[0] for f in ordered}))
    alternatives = "|".join(_form_pattern(f) for f in ordered)
    return Matcher(re.compile(f"(?=[{re.escape(starts)}])(?:{alternatives})"), term_of)


def matcher(terms: Iterable[GlossaryTerm], lang: str, html: str | None = None) -> Matcher:
    """The forms of ``terms`` in ``lang`` as one pattern; with ``html``, only the forms
    whose first word is somewhere in it (a quick test that leaves a small pattern)."""
    by_head = _forms_by_head(tuple((t.id, tuple(t.forms(lang))) for t in terms))
    if html is None:
        return _compile(tuple(e for entries in by_head.values() for e in entries))
    return _compile(tuple(e for head, entries in by_head.items() if head in html
                          for e in entries))


@lru_cache(maxsize=8)
def _forms_by_head(terms: tuple[tuple[str, tuple[str, ...]], ...]
                   ) -> dict[str, tuple[tuple[str, str], ...]]:
    """(term id, form) pairs by what a page must contain for the form to be in it: its
    first word, as HTML."""
    heads: dict[str, list[tuple[str, str]]] = {}
    for term_id, forms in terms:
        for form in forms:
            heads.setdefault(str(escape(form.split()[0])), []).append((term_id, form))
    return {head: tuple(entries) for head, entries in heads.items()}


@lru_cache(maxsize=64)
def _same_name(name: str) -> re.Pattern[str]:
    """An opening or closing tag of elements named ``name``."""
    return re.compile(rf"<(/?){re.escape(name)}(?=[\s>/]){_ATTRS}>", re.I)


def _excluded_spans(html: str, lang: str) -> list[tuple[int, int]]:
    """Where in ``html`` no first use may be, in order: comments, and every element
    that excludes its content (by name, by hiding it, or by another language), from its
    opening tag to its closing one (same-named elements inside counted)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for m in _OPENING.finditer(html):
        if m.start() < at:  # inside a stretch already excluded
            continue
        if m.group(0) == "<!--":
            end = html.find("-->", m.end())
            at = len(html) if end < 0 else end + 3
            spans.append((m.start(), at))
            continue
        tag = m.group(0)
        name = (m.group("name") or m.group("other")).lower()
        if m.group("other"):
            other_lang = (found := _LANG.search(tag)) is not None and \
                found.group(1).lower() != lang
            if not (other_lang or _HIDING.search(tag)):
                continue
        if name in _VOID or tag.endswith("/>"):
            continue
        depth, end = 1, len(html)
        for t in _same_name(name).finditer(html, m.end()):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                end = t.end()
                break
        spans.append((m.start(), end))
        at = end
    return spans


class _Context:
    """Whether a place on the page is running text: outside every tag and every
    excluded stretch (:func:`_excluded_spans`). Asked about places in order."""

    def __init__(self, html: str, lang: str) -> None:
        self._html = html
        self._spans = _excluded_spans(html, lang)
        self._next = 0  # the first span that does not end before the last place asked

    def allows(self, start: int) -> bool:
        spans = self._spans
        while self._next < len(spans) and spans[self._next][1] <= start:
            self._next += 1
        if self._next < len(spans) and spans[self._next][0] <= start:
            return False
        return self._html.rfind("<", 0, start) <= self._html.rfind(">", 0, start)


def link_first_uses(html: str, fb: FactBase, lang: str, page_url: str) -> str:
    """``html`` with the first use of each glossary term linked to its entry.

    ``page_url`` is the page's site-root-relative URL ('compute/', 'zh/compute/'); the
    links are relative to it, and the glossary page itself is returned unchanged.

    Every occurrence of a form is found in one pass over the page, the longest form at
    each place, and counts when it is in running text: outside every tag, comment and
    excluded element (found once per page). A form of a term already linked is passed
    over, not shortened to a shorter form inside it. (On the real site's 918 pages:
    1.1 s, against 1.7 s for a regular-expression pass over each text node.)"""
    glossary_url = links.glossary_url(lang)
    if not fb.glossary or page_url == glossary_url:
        return html
    found = matcher(fb.glossary.values(), lang, html)
    if found.pattern is None:
        return html
    href = str(escape(links.relative_url(glossary_url, page_url)))
    wanted = len(set(found.term_of.values()))
    context = _Context(html, lang)
    linked: set[str] = set()
    out: list[str] = []
    at = 0
    for m in found.pattern.finditer(html):
        term_id = found.term_of.get(_key(m.group(0)))
        if term_id is None or term_id in linked or not context.allows(m.start()):
            continue
        linked.add(term_id)
        out += [html[at:m.start()], f'<a class="rr-term" href="{href}#term-{escape(term_id)}">',
                m.group(0), "</a>"]
        at = m.end()
        if len(linked) == wanted:
            break
    return "".join(out) + html[at:] if out else html

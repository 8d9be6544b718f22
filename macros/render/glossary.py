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
_TOKEN = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<skip>{'|'.join(_SKIP_WHOLE)})\b{_ATTRS}>.*?</(?P=skip)\s*>"
    rf"|<!?/?[A-Za-z]{_ATTRS}>",
    re.S | re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
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


@lru_cache(maxsize=8)
def _compile(entries: tuple[tuple[str, str], ...]) -> Matcher:
    """(term id, form) pairs, as one pattern. Cached: every page of a build asks."""
    term_of: dict[str, str] = {}
    for term_id, form in entries:
        term_of.setdefault(_key(str(escape(form))), term_id)
    ordered = sorted({form for _, form in entries}, key=lambda f: (-len(f), f))
    if not ordered:
        return Matcher(None, term_of)
    return Matcher(re.compile("|".join(_form_pattern(f) for f in ordered)), term_of)


def matcher(terms: Iterable[GlossaryTerm], lang: str) -> Matcher:
    return _compile(tuple((t.id, form) for t in terms for form in t.forms(lang)))


def link_first_uses(html: str, fb: FactBase, lang: str, page_url: str) -> str:
    """``html`` with the first use of each glossary term linked to its entry.

    ``page_url`` is the page's site-root-relative URL ('compute/', 'zh/compute/'); the
    links are relative to it, and the glossary page itself is returned unchanged."""
    glossary_url = links.glossary_url(lang)
    if not fb.glossary or page_url == glossary_url:
        return html
    found = matcher(fb.glossary.values(), lang)
    if found.pattern is None:
        return html
    href = links.relative_url(glossary_url, page_url)
    linked: set[str] = set()
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, excluded)
    excluded = 0  # how many of them exclude their content
    at = 0
    for token in _TOKEN.finditer(html):
        if token.start() > at:
            text = html[at:token.start()]
            out.append(text if excluded else _link(text, found, linked, href))
        at = token.end()
        out.append(token.group(0))
        if token.group("skip") or token.group(0).startswith(("<!", "<?")):
            continue
        tag = _TAG.match(token.group(0))
        if tag is None:
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if closing:
            names = [n for n, _ in stack]
            if name in names:
                while stack:
                    popped, was_excluded = stack.pop()
                    excluded -= was_excluded
                    if popped == name:
                        break
            continue
        if name in _VOID or token.group(0).endswith("/>"):
            continue
        lang_attr = _LANG.search(token.group(0))
        other_lang = lang_attr is not None and lang_attr.group(1).lower() != lang
        excludes = name in EXCLUDED or other_lang or bool(_HIDING.search(token.group(0)))
        stack.append((name, excludes))
        excluded += excludes
    tail = html[at:]
    out.append(tail if excluded else _link(tail, found, linked, href))
    return "".join(out)


def _link(text: str, found: Matcher, linked: set[str], href: str) -> str:
    """``text`` (HTML text, no tags) with each term not yet linked on the page linked at
    its first use. A form of a term already linked is passed over, not shortened to a
    shorter form inside it."""
    if found.pattern is None or len(linked) == len(set(found.term_of.values())):
        return text

    def replace(m: re.Match[str]) -> str:
        term_id = found.term_of.get(_key(m.group(0)))
        if term_id is None or term_id in linked:
            return m.group(0)
        linked.add(term_id)
        return (f'<a class="rr-term" href="{escape(href)}#term-{escape(term_id)}">'
                f"{m.group(0)}</a>")

    return found.pattern.sub(replace, text)

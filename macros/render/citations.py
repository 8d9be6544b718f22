"""How to cite a fact: plain text, BibTeX and CSL-JSON. Plain Python, no MkDocs.

A citation names two works: our page for the fact (our statement and translation, CC BY
4.0) and the original article the quote comes from. Dates come from the data (the fact's
``updated``/``added`` date, the article's ``published``), never from the build, so the
same data always gives the same citation.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..evidence import dates
from ..evidence.model import Fact, Source

SITE_AUTHOR = "Race & Reliance editors"


def _date_parts(text: str | None) -> list[int] | None:
    if not text or text == "unknown":
        return None
    return dates.parts(text)


def _bib_escape(text: str) -> str:
    """BibTeX-safe text: braces and specials escaped."""
    text = text.replace("\\", r"\textbackslash{}")
    text = re.sub(r"([{}&%$#_])", r"\\\1", text)
    return text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def _bib_key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def fact_date(fact: Fact) -> str:
    """The date our page for the fact was last changed."""
    return fact.updated or fact.added


def citation(fact: Fact, source: Source, page_url: str, site_name: str) -> dict[str, str]:
    """{'text', 'bibtex', 'csl'} for a fact whose page is at absolute ``page_url``."""
    ours_date = fact_date(fact)
    year = dates.year(ours_date)
    authors = ", ".join(source.authors) if source.authors else ""
    outlet = source.outlet.en if source.outlet.en.lower() != "unknown" else ""
    published = "n.d." if source.published == "unknown" else source.published

    original = (f"{authors + '. ' if authors else ''}“{source.title_original}” "
                f"[{source.title_en}]. {outlet + ', ' if outlet else ''}{published}."
                f"{' ' + source.url if source.url else ''}")
    text = (f"{SITE_AUTHOR}. “{fact.statement.en}” {site_name}, fact {fact.id}, "
            f"{ours_date}. {page_url}. Licence CC BY 4.0. Quoting: {original}")

    ours_key = _bib_key(f"rr-{fact.id}")
    src_key = _bib_key(f"src-{source.id}")
    bib_ours = [f"@misc{{{ours_key},",
                f"  author = {{{{{_bib_escape(SITE_AUTHOR)}}}}},",
                f"  title = {{{_bib_escape(fact.statement.en)}}},",
                f"  howpublished = {{{_bib_escape(site_name)}}},",
                f"  year = {{{year}}},",
                f"  date = {{{ours_date}}},",
                f"  url = {{{page_url}}},",
                f"  note = {{Fact {_bib_escape(fact.id)}; CC BY 4.0. Quotes "
                f"\\cite{{{src_key}}}}},",
                "}"]
    bib_src = [f"@article{{{src_key},"]
    if source.authors:
        bib_src.append(f"  author = {{{_bib_escape(' and '.join(source.authors))}}},")
    bib_src.append(f"  title = {{{_bib_escape(source.title_original)}}},")
    bib_src.append(f"  titleaddon = {{{_bib_escape(source.title_en)}}},")
    if outlet:
        bib_src.append(f"  journaltitle = {{{_bib_escape(outlet)}}},")
    if source.published != "unknown":
        bib_src.append(f"  date = {{{source.published}}},")
    bib_src.append(f"  language = {{{source.language}}},")
    if source.url:
        bib_src.append(f"  url = {{{source.url}}},")
    bib_src.append("}")
    bibtex = "\n".join(bib_ours) + "\n\n" + "\n".join(bib_src)

    csl_ours: dict[str, Any] = {
        "id": ours_key, "type": "dataset",
        "author": [{"literal": SITE_AUTHOR}],
        "title": fact.statement.en,
        "container-title": site_name,
        "issued": {"date-parts": [_date_parts(ours_date)]},
        "URL": page_url,
        "license": "CC BY 4.0",
        "note": f"Fact {fact.id}",
        "references": src_key,
    }
    csl_src: dict[str, Any] = {
        "id": src_key, "type": "article-newspaper",
        "title": source.title_original,
        "original-title": source.title_original,
        "title-short": source.title_en,
        "language": source.language,
    }
    if source.authors:
        csl_src["author"] = [{"literal": a} for a in source.authors]
    if outlet:
        csl_src["container-title"] = outlet
    if _date_parts(source.published):
        csl_src["issued"] = {"date-parts": [_date_parts(source.published)]}
    if source.url:
        csl_src["URL"] = source.url
    csl = json.dumps([csl_ours, csl_src], ensure_ascii=False, indent=2)
    return {"text": text, "bibtex": bibtex, "csl": csl}

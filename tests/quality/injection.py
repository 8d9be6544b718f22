"""A hostile copy of the mini fixture data, and a small site that renders all of it.

``hostile_data(src, dest)`` copies ``tests/fixtures/mini-data`` and puts hostile text in
every free-text field (statements, names, descriptions, titles, notes, quotes and their
translations, authors, aliases, figures as printed, URLs; glossary terms, aliases and
definitions). Quotes must stay verbatim, so
the hostile quote is also written into the archived article (and its sha256 updated).
``write_site(root, data_dir)`` writes a mini-site (``kit.mini_site``) whose pages
call every macro, in English and Chinese, over every fact, theme, source and question.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml

from kit import mini_site

HOSTILE_PARTS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                 "javascript:alert(1)", "{{ config }}", "{% include 'x' %}",
                 "[x](javascript:alert(1))", "![y](javascript:alert(1))"]
# One string with every trick, appended to every free-text field. A word between the
# tricks keeps our texts from sharing eight words in a row with the hostile quote written
# into the articles: the checker would rightly call that copied wording.
HOSTILE = " then ".join(HOSTILE_PARTS)
# Quotes are at most 150 characters: the same tricks minus the bare javascript: text.
HOSTILE_QUOTE = ("<script>alert(1)</script> <img src=x onerror=alert(1)> {{ config }} "
                 "{% include 'x' %} [x](javascript:alert(1)) ![y](javascript:alert(1))")
assert len(HOSTILE_QUOTE) <= 150
HOSTILE_URL = "javascript:alert(1)"

# Keys whose string value (or list of strings) is free text we write or copy.
TEXT_KEYS = {"en", "zh", "title_original", "title_en", "published_note", "artifacts",
             "as_printed", "quote_en", "note", "authors", "aliases", "collected_as"}
BILINGUAL_KEYS = {"description", "name", "statement", "outlet", "via", "text", "label",
                  "counted", "note", "errata"}

THEMES = ["compute", "capital", "talent", "open-source"]


def _mutate(node, key: str | None = None):
    if isinstance(node, dict):
        return {k: _mutate(v, k) for k, v in node.items()}
    if isinstance(node, list):
        if key in {"authors", "aliases"}:
            return [f"{x} {HOSTILE}" for x in node] + [HOSTILE]
        return [_mutate(x, key) for x in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        return f"{node} {HOSTILE}"
    return node


def _load(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


def _dump(path: Path, data) -> None:
    """Rewrite `path` with `data`, keeping its leading comment lines (the schema line)."""
    header = []
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text("\n".join(header + [body]), "utf-8")


def hostile_data(src: Path, dest: Path) -> dict:
    """Copy the data tree `src` to `dest` with hostile text in every text field.

    Returns {'facts': [...], 'sources': [...], 'questions': [...], 'measures': [...]} ids.
    """
    shutil.copytree(src, dest)
    ids: dict[str, list[str]] = {"facts": [], "statistics": [], "sources": [], "questions": [],
                                 "measures": [], "events": []}
    for name in ("entities.yaml", "measures.yaml", "questions.yaml", "glossary.yaml"):
        if (dest / name).is_file():
            _dump(dest / name, _mutate(_load(dest / name)))
    ids["questions"] = [q["id"] for q in (_load(dest / "questions.yaml") or {}).get("questions", [])]
    ids["measures"] = [m["id"] for m in (_load(dest / "measures.yaml") or {}).get("measures", [])]

    sources = _load(dest / "sources.yaml")
    first_line: dict[str, set[int]] = {}
    for s in sources["sources"]:
        start = int(s["lines"][0].split("-")[0]) if s.get("lines") else 1
        first_line.setdefault(s["archive"], set()).add(start)
        ids["sources"].append(s["id"])
    sources = _mutate(sources)
    for s in sources["sources"]:
        if s.get("url"):
            s["url"] = HOSTILE_URL
        else:
            s["url"] = HOSTILE_URL
    # Quotes stay verbatim: put the hostile quote into each source's first line.
    for archive in sources["archives"]:
        path = dest / "articles" / f"{archive['id']}.txt"
        lines = path.read_bytes().decode("utf-8").split("\n")
        for n in sorted(first_line.get(archive["id"], {1})):
            lines[n - 1] = HOSTILE_QUOTE + lines[n - 1]
        data = "\n".join(lines).encode("utf-8")
        path.write_bytes(data)
        archive["sha256"] = hashlib.sha256(data).hexdigest()
    _dump(dest / "sources.yaml", sources)

    for path in sorted((dest / "facts").glob("*.yaml")):
        doc = _mutate(_load(path))
        for fact in doc.get("facts", []):
            fact["quote"] = HOSTILE_QUOTE
            ids["facts"].append(fact["id"])
            if fact.get("quantity"):
                ids["statistics"].append(fact["id"])
            if fact.get("kind") == "event":
                ids["events"].append(fact["id"])
        _dump(path, doc)
    return ids


def write_site(root: Path, data_dir: Path, ids: dict) -> Path:
    """A mini site (kit.mini_site) in English and Chinese over `data_dir` whose pages call
    every macro over every fact, theme, source and question; returns its mkdocs.yml."""
    stats = ids["statistics"]
    body = ["# Home", "",
            "Figures: " + " ".join(f"{{{{ figure('{f}') }}}}" for f in stats), "",
            "Cites: " + " ".join(f"{{{{ cite('{f}') }}}}" for f in ids["facts"]), "",
            "Quotes: " + " ".join(f"{{{{ quote('{f}') }}}}" for f in ids["facts"]), "",
            "{{ key_figures() }}", "", "{{ theme_cards() }}", ""]
    body += [f"{{{{ chart('{m}') }}}}" for m in ids["measures"]]
    pages = {"index.md": "\n".join(body)}
    for theme in THEMES:
        pages[f"{theme}.md"] = (f"# {theme}\n\n{{{{ theme_facts('{theme}') }}}}\n\n"
                                f"{{{{ theme_sources('{theme}') }}}}\n")
    pages["sources.md"] = "# Sources\n\n{{ sources() }}\n"
    pages["claims.md"] = "# Claims\n\n{{ claims() }}\n" + "".join(
        f"\n{{{{ claims('{q}') }}}}\n" for q in ids["questions"][:1])
    pages["claims/by-theme.md"] = "# By theme\n\n{{ claims(by='theme') }}\n"
    pages["claims/by-speaker.md"] = "# By speaker\n\n{{ claims(by='speaker') }}\n"
    pages["timeline.md"] = "# Timeline\n\n{{ timeline() }}\n"
    pages["glossary.md"] = "# Glossary\n\n{{ glossary() }}\n"
    pages["facts/index.md"] = "# Facts\n\n{{ fact_index() }}\n"
    pages["cards.md"] = "# Cards\n\n" + "".join(
        f"\n{{{{ fact('{f}') }}}}\n" for f in ids["facts"][:3])
    pages.update({name[:-3] + ".zh.md": text for name, text in list(pages.items())})
    return mini_site(root, pages, data_dir=data_dir, i18n=True,
                     site_name="Injection fixture", site_url="https://example.org/rr/")



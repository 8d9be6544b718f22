"""One HTML parser for every test that reads a built page: ids, URLs, inline scripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_URL_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    # (tag, attr, value, rel) for every URL-carrying attribute
    urls: list[tuple[str, str, str, str]] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)
    config_json: str | None = None

    @property
    def links(self) -> list[tuple[str, str]]:
        """(tag, URL) of every href/src, the canonical link left out."""
        return [(tag, url) for tag, attr, url, rel in self.urls
                if attr in ("href", "src") and not (tag == "link" and rel == "canonical")]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._in_script: str | None = None
        self._script_buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        for attr in _URL_ATTRS.get(tag, ()):
            if attr in a:
                rel = a.get("rel", "").lower()
                if attr == "srcset":
                    for part in a[attr].split(","):
                        part = part.strip().split(" ")[0]
                        if part:
                            self.page.urls.append((tag, attr, part, rel))
                else:
                    self.page.urls.append((tag, attr, a[attr], rel))
        if tag == "script" and "src" not in a:
            self._in_script = a.get("id", "") or "-"
            self._script_buf = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._in_script is not None:
            self._script_buf.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            text = "".join(self._script_buf)
            if self._in_script == "__config":
                self.page.config_json = text
            else:
                self.page.inline_scripts.append(text)
            self._in_script = None


def parse_html(text: str) -> ParsedPage:
    c = _Collector()
    c.feed(text)
    c.close()
    return c.page

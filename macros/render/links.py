"""Relative links between pages, so the site works under any sub-path."""

from __future__ import annotations

import posixpath


def relative_url(target: str, page_url: str) -> str:
    """URL of ``target`` relative to the page at ``page_url``; both site-root-relative,
    as MkDocs writes them with use_directory_urls ('' is the home page, 'compute/').

    >>> relative_url('compute/', 'claims/')
    '../compute/'
    >>> relative_url('', 'claims/')
    '../'
    >>> relative_url('sources/', '')
    'sources/'
    """
    path, _, fragment = target.partition("#")
    base = page_url.rsplit("/", 1)[0] if "/" in page_url else ""
    if path == page_url:
        rel = ""
    else:
        rel = _relpath(path or ".", base or ".")
        if rel == ".":
            rel = "./"
        elif path.endswith("/") or path == "":
            rel = rel.rstrip("/") + "/"
    return f"{rel}#{fragment}" if fragment else (rel or "./")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-root-relative URL paths, as plain string work.

    (``posixpath.relpath`` makes both paths absolute, asking the OS for the working
    directory each time: with a link per fact on every page it was a fifth of the time
    spent rendering.)
    """
    to = [part for part in posixpath.normpath("/" + path).split("/") if part]
    base = [part for part in posixpath.normpath("/" + start).split("/") if part]
    common = 0
    for a, b in zip(to, base):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."

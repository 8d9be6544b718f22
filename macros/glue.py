"""The only MkDocs-aware module: the ``race-and-reliance`` MkDocs plugin.

It connects MkDocs, mkdocs-macros and mkdocs-static-i18n to the plain-Python evidence
engine (``macros.evidence``) and renderers (``macros.render``), through their
documented mechanisms only:

* ``on_config`` loads and checks the data (once per build, whatever the number of
  languages: the checked fact base is kept while no data file changes) and registers
  one macro per name with mkdocs-macros' ``register_macros``. A data problem fails the
  build, listing every problem the checker found;
* ``on_files`` adds what is made from the data: a page per fact and per entity in the
  language being built (``facts/<id>/``, ``zh/facts/<id>/``…), kept out of the
  navigation, and, in the default language's build, the downloads and the Atom feed;
* ``on_page_markdown`` titles the generated pages from the data, after the macros have
  run (so a title is never read as a template);
* ``on_post_template`` and ``on_post_build`` keep the two editions apart where MkDocs and
  Material assume one language per site: the default language's 404 page, and one
  search index per language.

The rest of the two-language work is done by template overrides (``overrides/``): the
language selector and the ``<head>`` links, and the search base of each language's
pages. The plugin defines ``on_startup``, so ``mkdocs serve`` keeps one instance across
rebuilds (MkDocs' documented behaviour): the fact base survives an edit to a page, and
a code change needs a new process, which ``make serve`` starts by itself.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, cast

import jieba
import jinja2
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from macros.evidence.check import check_data
from macros.evidence.factbase import FactBase
from macros.evidence.freshness import DEFAULT_MAX_AGE_MONTHS, Freshness
from macros.render import REGISTRY, PageContext, Site, SiteOptions
from macros.render.feed import feed_path, feed_title
from macros.render.generated import generated_files, generated_pages
from macros.render.links import relative_url
from macros.render.search import NameJoiner, mixed_script_names, user_dictionary
from macros.render.sitemap import SitemapEntry, gzipped, sitemap_xml

log = get_plugin_logger("race_and_reliance")


class DataFile(File):
    """A data file made at build time, copied byte for byte: never a page, even when it
    is Markdown (``downloads/README.md`` is a text file to download, not a page)."""

    def is_documentation_page(self) -> bool:
        return False

Command = Literal["build", "gh-deploy", "serve"]


class RaceAndRelianceConfig(base.Config):
    """The plugin's options in mkdocs.yml."""

    #: The evidence base, relative to mkdocs.yml.
    data_dir = c.Type(str, default="data")
    #: Facts with ``current_state: true`` older than this are marked "may be out of date".
    stale_after_months = c.Type(int, default=DEFAULT_MAX_AGE_MONTHS)
    #: The date staleness is judged against; unset: SOURCE_DATE_EPOCH, else today.
    freshness_date = c.Optional(c.Type((str, dt.date)))


@dataclass(frozen=True)
class Languages:
    current: str  # the language this build renders
    default: str  # the language at the site root
    built: tuple[str, ...]


class RaceAndReliancePlugin(BasePlugin[RaceAndRelianceConfig]):
    """Loads the evidence base, registers the macros, adds the generated pages."""

    def __init__(self) -> None:
        self.command: Command = "build"
        self.loads = 0  # data loads in this process: once per build with new data
        self.site: Site | None = None
        self._data_key: tuple[Any, ...] | None = None
        self._titles: dict[str, str] = {}  # generated page src_uri -> plain-text title
        self._open_builds = 0  # mkdocs-static-i18n runs one build inside another
        self._kept_404: str | None = None
        self._sitemap: dict[str, SitemapEntry] = {}  # page URL -> entry, both languages
        self._scope_set = False
        self._theme_bytecode = _MemoryBytecodeCache()

    # ----------------------------------------------------------------- setup

    def on_startup(self, *, command: Command, dirty: bool) -> None:
        self.command = command

    @event_priority(-10)  # after mkdocs-macros' on_config: its macro table exists
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._open_builds += 1
        data_dir = Path(config.config_file_path).resolve().parent / self.config.data_dir
        freshness = Freshness.from_settings(months=self.config.stale_after_months,
                                            date=self.config.freshness_date)
        factbase = self._factbase(data_dir, freshness, Path(config.docs_dir))
        _teach_jieba_the_names(factbase)
        self.site = Site(factbase, SiteOptions(site_name=str(config.site_name),
                                               site_url=_with_slash(config.site_url),
                                               freshness=freshness), defer_html=True)
        macros = config.plugins.get("macros")
        if macros is None:
            raise PluginError("race-and-reliance: the 'macros' plugin (mkdocs-macros) must "
                              "be listed in mkdocs.yml: the pages call its macros")
        macros.register_macros({name: self._macro(name, macros, config)
                                for name in REGISTRY})
        return config

    def _factbase(self, data_dir: Path, freshness: Freshness, docs_dir: Path) -> FactBase:
        """The checked fact base (and the pages' prose checked), loaded again only when a
        file under data/ or docs/ changed."""
        key = (str(data_dir), _tree_fingerprint(data_dir), _tree_fingerprint(docs_dir),
               freshness)
        if self.site is not None and key == self._data_key:
            return self.site.fb
        report = check_data(data_dir, freshness, docs_dir)
        if report.warnings:
            for warning in report.warnings:
                log.debug("data: %s", warning.format("warning"))
            log.info("%d data warning(s); `make check` lists them", len(report.warnings))
        if report.problems or report.factbase is None:
            lines = "\n".join(f"  {p.format('error')}" for p in report.problems)
            raise PluginError(f"the data in {data_dir} has {len(report.problems)} "
                              f"problem(s); fix them (or run `make check`):\n{lines}")
        self.loads += 1
        self._data_key = key
        log.info("%d facts, %d sources from %s (load %d)", len(report.factbase.facts),
                 len(report.factbase.sources), data_dir, self.loads)
        return report.factbase

    def _macro(self, name: str, macros: Any, config: MkDocsConfig) -> Callable[..., str]:
        """Macro ``name`` as pages call it: the page comes from mkdocs-macros (``page``)."""

        def call(*args: Any, **kwargs: Any) -> str:
            assert self.site is not None
            page: MkDocsPage = macros.page
            lang = getattr(page.file, "locale", None) or _languages(config).current
            meta = page.meta or {}
            ctx = PageContext(url=page.url, lang=str(lang), src_path=page.file.src_path,
                              title=str(meta.get("title") or ""),
                              description=str(meta.get("description") or ""))
            return self.site.call(ctx, name, args, kwargs)

        call.__name__ = name
        call.__doc__ = REGISTRY[name].fn.__doc__
        return call

    # ----------------------------------------------------------------- generated pages

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has sorted docs/ by language
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated fact and entity pages of the language being built and, in
        the default language's build, the data files (at the site root).

        mkdocs-static-i18n cannot localise these pages itself (it rebuilds each page's
        File from docs/, where they are not), so they are made in place: a Chinese page
        is ``zh/facts/<id>.md`` and carries the attributes mkdocs-static-i18n gives the
        pages it sorts (``locale``, ``alternates``), which the language selector reads.
        """
        assert self.site is not None
        langs = _languages(config)
        for page in generated_pages(self.site.fb, langs.current):
            if files.get_file_from_path(page.src_uri) is not None:
                log.warning("docs/%s hides the page the data makes there", page.src_uri)
                continue
            file = File.generated(config, page.src_uri, content=page.markdown,
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            self._titles[page.src_uri] = page.title
            if len(langs.built) > 1:
                _set_alternates(file, page.src_uri, langs, config)
            files.append(file)
        self._list_in_sitemap(files, config)
        if langs.current == langs.default:
            for path, content in generated_files(self.site.fb, self.site.options).items():
                if files.get_file_from_path(path) is None:
                    files.append(DataFile.generated(config, path, content=content))
                else:
                    log.warning("docs/%s hides the file the data makes there", path)
        return files

    def _list_in_sitemap(self, files: Files, config: MkDocsConfig) -> None:
        """Every page of this language's build, with its counterparts, for the sitemap
        written after the last build (overrides/sitemap.xml stops MkDocs writing its
        own, which lists one language and no generated page)."""
        site_url = _with_slash(config.site_url)
        for file in files.documentation_pages():
            alternates = getattr(file, "alternates", None) or {}
            self._sitemap[file.url] = SitemapEntry(
                loc=site_url + _page_url(file),
                alternates={lang: site_url + _page_url(alt)
                            for lang, alt in sorted(alternates.items())})

    def on_pre_page(self, page: MkDocsPage, *, config: MkDocsConfig,
                    files: Files) -> MkDocsPage | None:
        """Before the macros render a page: its citations (evidence numbers, the
        sentences its cards link back to) start afresh."""
        if self.site is not None:
            self.site.begin_page(page.url)
        return page

    @event_priority(-50)  # after mkdocs-macros has rendered the page
    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig,
                         files: Files) -> str:
        """Title a generated page from the data in its language, HTML-escaped (themes
        print the title unescaped)."""
        title = self._titles.get(page.file.src_uri)
        if title is not None and "title" not in page.meta:
            page.meta["title"] = str(escape(title))
        return markdown

    @event_priority(100)  # first: every other plugin sees the page's whole HTML
    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str:
        """The macros' HTML, kept out of Markdown as tokens, put back in place."""
        return self.site.restore(page.url, html) if self.site is not None else html

    # ----------------------------------------------------------------- theme

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        """Keep the theme's compiled templates across rebuilds of one ``mkdocs serve``
        (each rebuild makes a new Jinja environment; Jinja checks every template's
        source against the cache, so an edited template is compiled again)."""
        if env.bytecode_cache is None:
            env.bytecode_cache = self._theme_bytecode
        return env

    # ----------------------------------------------------------------- two languages

    def on_page_context(self, context: TemplateContext, *, page: MkDocsPage,
                        config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """A page of a non-default language points Material at its language's search
        index: Material fetches the index from, and resolves results against, the
        template's ``base_url``. Material also scopes stored preferences (the palette)
        by ``extra.scope``, else ``base_url``: the scope stays the site root for the
        page's render, so both editions share the reader's preferences."""
        langs = _languages(config)
        lang = getattr(page.file, "locale", None) or langs.current
        # The feed autodiscovery link of the page's language (overrides/main.html); a
        # template variable of ours, which MkDocs' TemplateContext type does not list.
        cast(dict[str, Any], context)["rr_feed"] = {
            "href": relative_url(feed_path(str(lang)), page.url),
            "title": feed_title(str(config.site_name), str(lang))}
        if lang != langs.default:
            base = str(context.get("base_url") or ".")
            if "scope" not in config.extra:
                config.extra["scope"] = base
                self._scope_set = True
            context["base_url"] = f"{base.rstrip('/')}/{lang}/"
        return context

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """The page's sitemap date: the newest change to what its macros showed from
        the data (none for a page that shows nothing from it), never the build clock."""
        if self._scope_set:  # set for this page only, in on_page_context
            del config.extra["scope"]
            self._scope_set = False
        entry = self._sitemap.get(page.file.url)
        if entry is not None and self.site is not None:
            self._sitemap[page.file.url] = replace(
                entry, lastmod=self.site.last_modified(page.url))
        return output

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """Keep the default language's 404 page: each language's build writes 404.html
        to the site root, and the last one would otherwise win."""
        langs = _languages(config)
        if template_name != "404.html" or len(langs.built) == 1:
            return output_content
        if langs.current == langs.default:
            self._kept_404 = output_content
        return self._kept_404 or output_content

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """After the last language's build: the search index finished (one per
        language) and the sitemap of every page."""
        self._open_builds -= 1
        if self._open_builds > 0:  # a language built inside another's build
            return
        langs = _languages(config)
        site_dir = Path(config.site_dir)
        if self.site is not None:
            _finish_search_index(site_dir, langs, mixed_script_names(self.site.fb))
        sitemap = sitemap_xml(list(self._sitemap.values()))
        (site_dir / "sitemap.xml").write_bytes(sitemap)
        (site_dir / "sitemap.xml.gz").write_bytes(gzipped(sitemap, mtime=0))
        self._sitemap = {}

    def on_build_error(self, *, error: Exception) -> None:
        self._open_builds = 0
        self._sitemap = {}


# --------------------------------------------------------------------------- helpers


def _teach_jieba_the_names(factbase: FactBase) -> None:
    """Teach jieba, which Material's search plugin uses to split Chinese into words when
    it indexes a page, the names in the data (macros/render/search.py): loaded before
    any page is indexed, and again (harmlessly) on each rebuild."""
    jieba.load_userdict(io.StringIO(user_dictionary(factbase)))


def _languages(config: MkDocsConfig) -> Languages:
    """The language being built, the default one, and all built, from the theme's
    language (which mkdocs-static-i18n sets for each build) and the i18n plugin's
    ``languages`` option."""
    current = str(config.theme.get("language") or "en")
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return Languages(current, current, (current,))
    languages = i18n.config.languages
    default = next((str(lang.locale) for lang in languages if lang.default), current)
    built = tuple(str(lang.locale) for lang in languages if lang.build)
    return Languages(current, default, built)


def _set_alternates(file: File, src_uri: str, langs: Languages, config: MkDocsConfig) -> None:
    """The attributes mkdocs-static-i18n gives the pages it sorts, which its language
    selector and ours (``overrides/partials/alternate.html``) read: the page's locale,
    and its counterpart in each language (made only for its URL)."""
    prefix = "" if langs.current == langs.default else f"{langs.current}/"
    plain = src_uri[len(prefix):]
    i18n_attributes = {
        "locale": langs.current, "locale_alternate_of": langs.current,
        "localization": None if langs.current == langs.default else langs.current,
        "norm_src_uri": plain,
        "alternates": {lang: file if lang == langs.current else File.generated(
            config, plain if lang == langs.default else f"{lang}/{plain}", content="")
            for lang in langs.built},
    }
    for name, value in i18n_attributes.items():
        setattr(file, name, value)


def _finish_search_index(site_dir: Path, langs: Languages, names: list[str]) -> None:
    """Rewrite the search index Material wrote: names that run Chinese and Latin script
    together made one word again (macros/render/search.py), and one index per language.

    ``search/search_index.json`` keeps the default language's pages; each other
    language gets ``<lang>/search/search_index.json``, its locations relative to
    ``<lang>/``, where that language's pages point Material's search (on_page_context).
    A search on the Chinese site finds Chinese pages."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        log.warning("no search index at %s to finish: is the search plugin configured?",
                    path)
        return
    index = json.loads(path.read_text("utf-8"))
    join = NameJoiner(names)
    index["docs"] = [{**doc, "title": join(doc["title"]), "text": join(doc["text"])}
                     for doc in index["docs"]]
    others = [lang for lang in langs.built if lang != langs.default]
    prefixes = tuple(f"{lang}/" for lang in others)
    for lang in others:
        prefix = f"{lang}/"
        docs = [{**doc, "location": doc["location"][len(prefix):]}
                for doc in index["docs"] if doc["location"].startswith(prefix)]
        if not docs:
            log.warning("the search index has no pages in '%s'", lang)
        _write_json(site_dir / lang / "search" / "search_index.json", {**index, "docs": docs})
    _write_json(path, {**index, "docs": [doc for doc in index["docs"]
                                         if not doc["location"].startswith(prefixes)]})


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # UTF-8 as is: Chinese written as \uXXXX escapes would double the index size.
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False,
                               default=str), "utf-8")


def _page_url(file: File) -> str:
    """A page's URL under the site root: '' for the home page."""
    return "" if file.url in ("./", ".") else file.url


def _with_slash(url: str | None) -> str:
    url = str(url or "")
    return url if not url or url.endswith("/") else url + "/"


def _tree_fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``root`` with its modification time and size."""
    return tuple((str(path.relative_to(root)), stat.st_mtime_ns, stat.st_size)
                 for path in sorted(root.rglob("*")) if path.is_file()
                 for stat in (path.stat(),))


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, in memory, for the life of the process."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

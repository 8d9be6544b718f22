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
* ``on_page_content`` puts the macros' HTML back in place of their tokens, then links
  each glossary term's first use on the page to its entry;
* ``on_post_template`` and ``on_post_build`` keep the two editions apart where MkDocs and
  Material assume one language per site: the default language's 404 page, and one
  search index per language;
* with the ``stylesheet`` option, ``on_config`` and ``on_files`` join the site's own
  style sheets (``extra_css``) into that one file, so that a page waits for one request
  of ours before its first paint instead of one per file.

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
import logging
import re
import shutil
import tempfile
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
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from macros.evidence.check import check_data
from macros.evidence.factbase import FactBase
from macros.evidence.freshness import DEFAULT_MAX_AGE_MONTHS, Freshness
from macros.render import REGISTRY, PageContext, Site, SiteOptions, links
from macros.render.dependencies import Reads, changed_keys
from macros.render.feed import feed_path, feed_title
from macros.render.generated import generated_files, generated_pages
from macros.render.glossary import link_first_uses
from macros.render.html import join_cjk_lines_in_html, make_environment
from macros.render.labels import LANGS
from macros.render.links import relative_url
from macros.render.problems import problems_page
from macros.render.search import NameJoiner, mixed_script_names, user_dictionary
from macros.render.sitemap import SitemapEntry, gzipped, sitemap_xml

log = get_plugin_logger("race_and_reliance")
# What `make serve` says of a failed rebuild: outside MkDocs' logger (MkDocs' strict
# mode counts its errors), printed by Python's last-resort handler.
_serve_log = logging.getLogger("race_and_reliance.serve")


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
    #: Where the site's own style sheets (the ``extra_css`` files in docs/) are joined,
    #: in their order, into one file; unset: each is linked on its own.
    stylesheet = c.Optional(c.Type(str))


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
        self._taught: FactBase | None = None  # the fact base jieba last learnt names from
        self._partials = make_environment()  # compiled once per process, not per build
        self.reads = Reads()  # what each page read from the data, across rebuilds
        self.serve: _Rebuilds | None = None  # `mkdocs serve --dirty`: page by page
        self._css_parts: list[str] = []  # the extra_css files joined into `stylesheet`

    # ----------------------------------------------------------------- setup

    def on_startup(self, *, command: Command, dirty: bool) -> None:
        """Under ``mkdocs serve --dirty`` (``make serve``) a rebuild renders only the
        pages an edit changed (see _Rebuilds)."""
        self.command = command
        if command == "serve" and dirty:
            self.serve = _Rebuilds()
            # MkDocs warns on every dirty build that navigation may be inaccurate, and
            # --strict turns that warning into a failed build: it says nothing here,
            # where a rebuild renders exactly the pages the edit changed.
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyBuildNotice())

    @event_priority(-10)  # after mkdocs-macros' on_config: its macro table exists
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._open_builds += 1
        data_dir = Path(config.config_file_path).resolve().parent / self.config.data_dir
        freshness = Freshness.from_settings(months=self.config.stale_after_months,
                                            date=self.config.freshness_date)
        if self.serve is not None and self._open_builds == 1:
            self.serve.start(Path(config.site_dir))
        # One fact base for every language of a build: a file saved while the first
        # language builds is read by the next build (the server sees the save), never
        # by the second language of this one.
        factbase = self.site.fb if self._open_builds > 1 and self.site is not None else \
            self._factbase(data_dir, freshness, Path(config.docs_dir))
        if self.serve is not None and self.serve.problems and self.serve.fb is None:
            config.nav = None  # nothing can be built yet: no page for the nav to name
        if factbase is not self._taught:
            _teach_jieba_the_names(factbase)
            self._taught = factbase
        if self.serve is not None and self._open_builds == 1:  # once per rebuild
            self.serve.plan(factbase, self.reads, _config_fingerprint(config))
        self.site = Site(factbase, SiteOptions(site_name=str(config.site_name),
                                               site_url=_with_slash(config.site_url),
                                               freshness=freshness,
                                               site_names=_site_names(config)),
                         defer_html=True,
                         reads=self.reads, env=self._partials)
        macros = config.plugins.get("macros")
        if macros is None:
            raise PluginError("race-and-reliance: the 'macros' plugin (mkdocs-macros) must "
                              "be listed in mkdocs.yml: the pages call its macros")
        macros.register_macros({name: self._macro(name, macros, config)
                                for name in REGISTRY})
        self._join_stylesheets(config)
        return config

    def _join_stylesheets(self, config: MkDocsConfig) -> None:
        """Link one style sheet of ours in place of the extra_css files it joins (each
        of which would be a render-blocking request of its own); the file is written by
        on_files. Each language's build sees the same list."""
        joined = self.config.stylesheet
        if not joined or joined in config.extra_css:
            return
        docs = Path(config.docs_dir)
        self._css_parts = [path for path in config.extra_css if (docs / path).is_file()]
        if self._css_parts:
            at = config.extra_css.index(self._css_parts[0])
            rest = [path for path in config.extra_css if path not in self._css_parts]
            config.extra_css = [*rest[:at], joined, *rest[at:]]

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
            if self.serve is not None:  # the browser shows them; the server keeps going
                # Not on MkDocs' logger: --strict would count the line and fail the build.
                _serve_log.error("the data has %d problem(s):\n%s",
                                 len(report.problems), lines)
                self.serve.problems = [p.format("error") for p in report.problems]
                return self.site.fb if self.site is not None else _EMPTY_FACTBASE
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

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """Watch a directory of the plugin's own: a rebuild that leaves pages to the
        next touches a file there, and the server starts that rebuild."""
        if self.serve is not None:
            signals = Path(tempfile.mkdtemp(prefix="rr-serve-"))
            self.serve.signal = signals / "next-rebuild"
            server.watch(str(signals))
            server.builder = self._builder(server.builder, config)
        return server

    def _builder(self, build: Callable[[], None], config: MkDocsConfig) -> Callable[[], None]:
        """The server's rebuild, which shows why it failed instead of failing.

        When a rebuild raises (a page's macro fails, a strict-mode warning), MkDocs'
        server logs it and then holds every request until a build succeeds: the
        browser waits with no word. Here the problems page takes every page's place,
        the server sees a finished build, and the browser reloads into the problems;
        the next good save brings the pages back (on_config)."""
        serve, site_dir, partials = self.serve, Path(config.site_dir), self._partials
        assert serve is not None

        def rebuild() -> None:
            try:
                build()
            # Every failure is shown, none raised; mkdocs-macros ends a build whose macro
            # fails with sys.exit (its on_error_fail), which must not end the server.
            except (Exception, SystemExit) as error:
                self._open_builds = 0  # not reset by MkDocs when a plugin exits
                serve.failed(self.reads, error)
                problems = serve.errors
                _serve_log.error("the build failed; the browser shows why:\n  %s",
                                 "\n  ".join(problems))
                serve.show(site_dir, problems_page(problems, str(config.site_name),
                                                   partials))

        return rebuild

    def on_shutdown(self) -> None:
        if self.serve is not None and self.serve.signal is not None:
            shutil.rmtree(self.serve.signal.parent, ignore_errors=True)

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
        if self.serve is not None and self.serve.problems:
            # The pages on disk stay as the last good build left them; the problems
            # page covers them (on_post_build). Before any good build, there are none.
            return files if self.serve.fb is not None else \
                Files([f for f in files if not f.is_documentation_page()])
        if self._css_parts:
            files = self._joined_stylesheet(files, config)
        plan = self.serve.pages if self.serve is not None else None
        for page in generated_pages(self.site.fb, langs.current):
            if files.get_file_from_path(page.src_uri) is not None:
                log.warning("docs/%s hides the page the data makes there", page.src_uri)
                continue
            if plan is not None and page.url not in plan:
                continue  # a dirty rebuild: its page on disk shows nothing that changed
            file = File.generated(config, page.src_uri, content=page.markdown,
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            self._titles[page.src_uri] = page.title
            if len(langs.built) > 1:
                _set_alternates(file, page.src_uri, langs, config)
            files.append(file)
        if self.serve is not None:
            self.serve.mark(files, Path(config.site_dir))
        self._list_in_sitemap(files, config)
        data_files = self.serve is None or self.serve.data_changed
        if langs.current == langs.default and data_files:
            made = generated_files(self.site.fb, self.site.options)
            for path, content in made.items():
                if files.get_file_from_path(path) is None:
                    files.append(DataFile.generated(config, path, content=content))
                else:
                    log.warning("docs/%s hides the file the data makes there", path)
            if self.serve is not None:
                self.serve.data_files = list(made)
        return files

    def _joined_stylesheet(self, files: Files, config: MkDocsConfig) -> Files:
        """The extra_css files, in their order, as one file (each headed by its name, so
        a rule is found in its source); the parts themselves are not published."""
        assert self.config.stylesheet is not None
        docs = Path(config.docs_dir)
        text = "\n".join(f"/* ---- {path} ---- */\n" + (docs / path).read_text("utf-8")
                         for path in self._css_parts)
        for file in [f for f in files if f.src_uri in (*self._css_parts,
                                                        self.config.stylesheet)]:
            files.remove(file)
        files.append(DataFile.generated(config, self.config.stylesheet, content=text))
        return files

    def _list_in_sitemap(self, files: Files, config: MkDocsConfig) -> None:
        """Every page of this language's build, with its counterparts, for the sitemap
        written after the last build (overrides/sitemap.xml stops MkDocs writing its
        own, which lists one language and no generated page)."""
        site_url = _with_slash(config.site_url)
        for file in files.documentation_pages():
            alternates = getattr(file, "alternates", None) or {}
            known = self._sitemap.get(file.url)  # a page a dirty rebuild does not render
            self._sitemap[file.url] = SitemapEntry(
                loc=site_url + _page_url(file), lastmod=known.lastmod if known else "",
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
        """The macros' HTML, kept out of Markdown as tokens, put back in place; then each
        glossary term's first use linked to its entry (the rules of what counts as a use
        are in macros/render/glossary.py)."""
        if self.site is None:
            return html
        html = join_cjk_lines_in_html(self.site.restore(page.url, html))
        lang = getattr(page.file, "locale", None) or _languages(config).current
        return link_first_uses(html, self.site.fb, str(lang), page.url)

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
            "title": feed_title(self.site.options.name(str(lang)) if self.site is not None
                                else str(config.site_name), str(lang))}
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
        if self.serve is not None:
            self.serve.rebuilt.add(page.url)
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
        if self.serve is not None and self.serve.problems:
            self.serve.show(site_dir, problems_page(self.serve.problems,
                                                    str(config.site_name), self._partials))
            return
        if self.site is not None:
            kept = self.serve.search_docs if self.serve is not None else None
            rebuilt = self.serve.rebuilt if self.serve is not None else None
            docs = _finish_search_index(site_dir, langs, mixed_script_names(self.site.fb),
                                        kept, rebuilt)
            if self.serve is not None:
                self.serve.built(self.site.fb, docs, site_dir, self._sitemap, self.reads)
                _forget_search_index(config)
        sitemap = sitemap_xml(list(self._sitemap.values()))
        (site_dir / "sitemap.xml").write_bytes(sitemap)
        (site_dir / "sitemap.xml.gz").write_bytes(gzipped(sitemap, mtime=0))
        if self.serve is None:
            self._sitemap = {}

    def on_build_error(self, *, error: Exception) -> None:
        self._open_builds = 0
        if self.serve is None:
            self._sitemap = {}
        else:
            self.serve.failed(self.reads, error)


# --------------------------------------------------------------------------- serve


class _Rebuilds:
    """What ``mkdocs serve --dirty`` keeps between rebuilds, so that a rebuild renders
    only the pages an edit changed, the ones the editor looks at first.

    MkDocs' dirty build renders a page when its source is newer than its output. The
    plugin steers that from the data: before a rebuild, ``plan`` compares the new fact
    base with the one the pages were built from (dependencies.changed_keys) and picks
    the pages whose macros read something that changed (Reads.affected), plus the pages
    of new facts and entities; ``mark`` removes their outputs (a docs page is then built
    again; a generated page is added to the build only when picked). A page not picked
    showed nothing that changed. An edit to mkdocs.yml or overrides/ renders every page.

    An edited fact shows first where an editor looks for it: this rebuild renders the
    theme pages that card the changed facts and the facts' own pages, in each language;
    the other pages that show them (entity pages, lists) and the data files come in a
    second rebuild, started at once by a file the plugin touches in a directory the
    server watches (on_serve). Until then their outputs are gone, never stale.
    """

    def __init__(self) -> None:
        self.fb: FactBase | None = None  # what the pages on disk were built from
        self.config_key: tuple[Any, ...] | None = None
        self.pages: set[str] | None = None  # URLs this rebuild renders; None: every page
        self.later: set[str] = set()  # URLs the next rebuild renders (gone until then)
        self.data_changed = True  # this rebuild writes the data files
        self.data_later = False  # the next rebuild writes them
        self.data_files: list[str] = []  # the data files' paths, as last written
        self.rebuilt: set[str] = set()
        self.gone: set[str] = set()  # pages the data no longer makes
        self.retry: set[str] = set()  # pages a failed rebuild left half done
        self.search_docs: list[dict[str, Any]] | None = None
        self.signal: Path | None = None  # touched to start the next rebuild (on_serve)
        self.problems: list[str] = []  # the data's problems in this rebuild
        self.errors: list[str] = []  # what made this rebuild fail
        self.covered: list[Path] = []  # pages the problems page covers
        self.warnings = _Warnings()  # MkDocs' warnings in this rebuild (strict fails on one)
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def start(self, site_dir: Path) -> None:
        """A rebuild begins: the pages come back from under the problems page."""
        self.problems, self.errors = [], []
        self.warnings.records.clear()
        for page in self.covered:
            kept = page.with_name(page.name + _KEPT)
            if kept.exists():
                kept.replace(page)
            else:
                page.unlink(missing_ok=True)  # made only to show the problems
        self.covered = []

    def show(self, site_dir: Path, html: str) -> None:
        """The problems page in place of every page (each kept aside for ``start``), and
        at the home pages and 404 page when none was built yet."""
        pages = {*site_dir.rglob("index.html"), site_dir / "404.html",
                 site_dir / "index.html", *(site_dir / lang / "index.html" for lang in LANGS
                                            if lang != LANGS[0])}
        for page in sorted(pages):
            if page.exists():
                page.replace(page.with_name(page.name + _KEPT))
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(html, "utf-8")
            self.covered.append(page)

    def plan(self, fb: FactBase, reads: Reads, config_key: tuple[Any, ...]) -> None:
        self.rebuilt = set()
        reads.started.clear()
        if self.problems:  # nothing is built; what is pending stays pending
            self.pages, self.data_changed = set(), False
            return
        if self.fb is None or config_key != self.config_key:
            self.pages, self.data_changed, self.search_docs = None, True, None
            self.later, self.data_later = set(), False
        else:
            wanted, first, data = set(self.later), set(), self.data_later
            if fb is not self.fb:
                changed = changed_keys(self.fb, fb)
                before, after = _generated_urls(self.fb), _generated_urls(fb)
                made = after - before
                self.gone |= before - after
                wanted |= reads.affected(changed) | made
                first = _first_shown(changed, fb) & wanted
                data = True
                log.info("data changed: %d key(s), %d page(s) to build again",
                         len(changed), len(wanted))
            wanted |= self.retry
            if first and wanted - first:  # the rest, and the data files, next
                self.pages, self.later = first, wanted - first
                self.data_changed, self.data_later = False, data
            else:
                self.pages, self.later = wanted, set()
                self.data_changed, self.data_later = data, False
        self.retry = set()
        self.config_key = config_key

    def mark(self, files: Files, site_dir: Path) -> None:
        """Remove the outputs of this language's docs pages the rebuild must render, and
        of every page (and data file) it leaves to the next rebuild."""
        if self.fb is None:
            return
        for file in files.documentation_pages():
            if (self.pages is None or file.url in self.pages) and file.abs_dest_path:
                Path(file.abs_dest_path).unlink(missing_ok=True)
        for url in self.later:
            (site_dir / url / "index.html").unlink(missing_ok=True)
        if self.data_later:
            for path in self.data_files:
                (site_dir / path).unlink(missing_ok=True)

    def built(self, fb: FactBase, search_docs: list[dict[str, Any]], site_dir: Path,
              sitemap: dict[str, SitemapEntry], reads: Reads) -> None:
        for url in self.gone:  # a removed fact's page must not linger, stale
            (site_dir / url / "index.html").unlink(missing_ok=True)
            sitemap.pop(url, None)
            reads.forget(url)
        self.fb, self.search_docs, self.gone = fb, search_docs, set()
        if (self.later or self.data_later) and self.signal is not None:
            self.signal.write_text(str(len(self.later)), "utf-8")  # the server rebuilds

    def failed(self, reads: Reads, error: BaseException) -> None:
        """After a failed rebuild: the next renders the pages this one meant to and
        every page it started (their outputs may be gone, their keys half written)."""
        if self.errors:
            return  # noted already (MkDocs' build error event, then the server's builder)
        self.retry = (self.pages or set()) | reads.started | self.retry
        why = f"the build stopped (exit status {error.code})" \
            if isinstance(error, SystemExit) else str(error) or type(error).__name__
        self.errors = [*self.warnings.records, why]


_KEPT = ".rr-kept"  # a page's name while the problems page covers it
_EMPTY_FACTBASE = FactBase({}, {}, {}, {}, {}, {})  # before the data ever loaded


def _first_shown(changed: set[str], fb: FactBase) -> set[str]:
    """Where an editor looks first for the changed facts: the theme page that cards
    each, and its own page, in every language."""
    ids = [key.split(":", 1)[1] for key in changed if key.startswith("facts:")]
    return {url for fact_id in ids if fact_id in fb.facts for lang in LANGS
            for url in (links.theme_url(fb.facts[fact_id].theme, lang),
                        links.fact_url(fact_id, lang))}


def _generated_urls(fb: FactBase) -> set[str]:
    return {page.url for lang in LANGS for page in generated_pages(fb, lang)}


def _config_fingerprint(config: MkDocsConfig) -> tuple[Any, ...]:
    """mkdocs.yml and the theme overrides: an edit to either changes every page."""
    config_file = Path(config.config_file_path)
    overrides = config_file.parent / "overrides"
    return (config_file.stat().st_mtime_ns,
            _tree_fingerprint(overrides) if overrides.is_dir() else ())


def _forget_search_index(config: MkDocsConfig) -> None:
    """Let Material's search plugin start its next dirty build with no index of its own.

    In a dirty build it keeps its previous index and swaps in one page's new entries,
    assuming one page per rebuild (its own comment calls this a hack); with several
    pages per rebuild its index grows by their old entries each time. The plugin merges
    the rebuilt pages' entries itself (_merge_search_docs), so Material need only write
    those: it does when it has no previous index."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None


class _Warnings(logging.Handler):
    """The warnings and errors MkDocs and the plugins log during a rebuild: what a
    failed rebuild shows in the browser (in strict mode one warning fails it)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # mkdocs-macros writes its errors as Markdown with the traceback in a fenced
        # block: the first part says what failed, and where.
        message = record.getMessage().split("```", 1)[0]
        message = re.sub(r"(?<!\w)_([A-Za-z ]+)_(?!\w)", r"\1", message)
        lines = [line.strip() for line in message.splitlines() if line.strip()]
        self.records.append(f"{record.levelname.lower()}: " + " — ".join(lines))


class _DirtyBuildNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


# --------------------------------------------------------------------------- helpers


def _teach_jieba_the_names(factbase: FactBase) -> None:
    """Teach jieba, which Material's search plugin uses to split Chinese into words when
    it indexes a page, the names in the data (macros/render/search.py): loaded before
    any page is indexed, and again (harmlessly) on each rebuild."""
    jieba.load_userdict(io.StringIO(user_dictionary(factbase)))


def _site_names(config: MkDocsConfig) -> tuple[tuple[str, str], ...]:
    """Each language's own site name, from the i18n plugin's ``languages`` option
    (``site_name`` of a language; the default language has ``config.site_name``)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ()
    return tuple((str(lang.locale), str(lang.site_name)) for lang in i18n.config.languages
                 if getattr(lang, "site_name", None))


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


def _finish_search_index(site_dir: Path, langs: Languages, names: list[str],
                         kept: list[dict[str, Any]] | None = None,
                         rebuilt: set[str] | None = None) -> list[dict[str, Any]]:
    """Rewrite the search index Material wrote: names that run Chinese and Latin script
    together made one word again (macros/render/search.py), and one index per language.

    ``search/search_index.json`` keeps the default language's pages; each other
    language gets ``<lang>/search/search_index.json``, its locations relative to
    ``<lang>/``, where that language's pages point Material's search (on_page_context).
    A search on the Chinese site finds Chinese pages.

    After a dirty rebuild (``kept``: every page's entries after the last build;
    ``rebuilt``: the pages this build rendered), the index is ``kept`` with each rebuilt
    page's entries replaced by its new ones. Returns every page's entries, both
    languages, for the next rebuild."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        log.warning("no search index at %s to finish: is the search plugin configured?",
                    path)
        return []
    index = json.loads(path.read_text("utf-8"))
    join = NameJoiner(names)
    docs = [{**doc, "title": join(doc["title"]), "text": join(doc["text"])}
            for doc in index["docs"]]
    index["docs"] = docs if kept is None or rebuilt is None else \
        _merge_search_docs(kept, docs, rebuilt)
    every_page = list(index["docs"])
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
    return every_page


def _merge_search_docs(kept: list[dict[str, Any]], written: list[dict[str, Any]],
                       rebuilt: set[str]) -> list[dict[str, Any]]:
    """``kept`` with each page in ``rebuilt`` given its entries from ``written``.

    Material's search plugin, in a dirty build, appends the rebuilt pages' entries to
    its previous index (and drops only the first page's old ones): each rebuilt page's
    new entries are the last run of entries for it, starting at its own location."""
    fresh: list[dict[str, Any]] = []
    for url in sorted(rebuilt):
        starts = [i for i, doc in enumerate(written) if doc["location"] == url]
        if not starts:
            continue
        i = starts[-1]
        fresh.append(written[i])
        i += 1
        while i < len(written) and written[i]["location"].startswith(url + "#"):
            fresh.append(written[i])
            i += 1
    return [doc for doc in kept if _page_of(doc) not in rebuilt] + fresh


def _page_of(doc: dict[str, Any]) -> str:
    return str(doc["location"]).split("#", 1)[0]


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

"""Which page shows what from the data, and which pages an edit to the data changes.
Plain Python, no MkDocs.

Every page's macros read the fact base through a :class:`RecordingFactBase`: each
lookup is written down as a *key* (``facts:<id>``, ``entities:<id>``,
``by_theme:<theme>``, and ``facts:*`` for a page that went through every fact). After
an edit, :func:`changed_keys` compares the old and the new fact base and names the keys
whose answer changed; a page must be built again when its keys and the changed keys
meet (:meth:`Reads.affected`). A page that is not built again showed nothing that
changed: that is what lets ``make serve`` rebuild a handful of pages, not all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from ..evidence.factbase import FactBase
from ..evidence.model import Fact

#: The fact base's mappings, looked up by id, and its indices, by group.
MAPPINGS = ("archives", "sources", "entities", "questions", "measures", "facts", "retired")
INDICES = ("by_theme", "by_measure", "by_source", "by_entity", "by_question")

#: Fact fields that only carry words: a change to one of them changes what the pages that
#: show the fact say, never which facts a page lists or in what order. A change to any
#: other field (kind, theme, dates, entities, corrections…) may change every list.
WORDS_ONLY = frozenset({"statement", "quote", "quote_en", "note", "basis_note", "lint_ok"})

ALL = "*"


class _Log:
    """Where lookups are written: the set of the page being rendered."""

    def __init__(self) -> None:
        self.current: set[str] = set()

    def add(self, key: str) -> None:
        self.current.add(key)


class _RecordingDict(dict[str, Any]):
    """A mapping of the fact base that writes down each lookup in the log."""

    def __init__(self, name: str, data: dict[str, Any], log: _Log) -> None:
        super().__init__(data)
        self._name, self._log = name, log

    def __getitem__(self, key: str) -> Any:
        self._log.add(f"{self._name}:{key}")
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._log.add(f"{self._name}:{key}")
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._log.add(f"{self._name}:{key}")
        return super().__contains__(key)

    def _whole(self) -> None:
        self._log.add(f"{self._name}:{ALL}")

    def __iter__(self) -> Iterator[str]:
        self._whole()
        return super().__iter__()

    def __len__(self) -> int:
        self._whole()
        return super().__len__()

    # The views dict itself returns (dict_keys…), so callers keep their fast paths.
    def keys(self):
        self._whole()
        return super().keys()

    def values(self):
        self._whole()
        return super().values()

    def items(self):
        self._whole()
        return super().items()


class RecordingFactBase(FactBase):
    """The fact base as pages see it: the same data, every lookup written down."""

    def __init__(self, fb: FactBase, log: _Log) -> None:  # no __post_init__: indices given
        #: The fact base this view records reads of: what a cache of things made from
        #: the whole data (the downloads) is keyed on, so that every view shares it.
        self.base = fb
        for f in fields(FactBase):
            value = getattr(fb, f.name)
            setattr(self, f.name, _RecordingDict(f.name, value, log)
                    if isinstance(value, dict) else value)


class Reads:
    """Every page's keys, kept across builds: a page not built again keeps its keys."""

    def __init__(self) -> None:
        self.by_page: dict[str, set[str]] = {}
        self.started: set[str] = set()  # pages whose macros ran since the last clear()
        self._log = _Log()

    def view(self, fb: FactBase) -> RecordingFactBase:
        return RecordingFactBase(fb, self._log)

    def start(self, url: str) -> None:
        """The page at ``url`` is being built (again): its keys start afresh."""
        self.by_page[url] = self._log.current = set()
        self.started.add(url)

    def note(self, key: str) -> None:
        """A key the current page depends on without a lookup (a fact handed over)."""
        self._log.add(key)

    def affected(self, changed: set[str]) -> set[str]:
        """The pages whose keys meet ``changed``."""
        return {url for url, keys in self.by_page.items() if not keys.isdisjoint(changed)}

    def forget(self, url: str) -> None:
        self.by_page.pop(url, None)


def _fact_changes(old: Fact, new: Fact) -> bool:
    """True when a fact changed in more than its words (see WORDS_ONLY)."""
    return any(getattr(old, name) != getattr(new, name)
               for name in type(old).model_fields if name not in WORDS_ONLY)


def changed_keys(old: FactBase, new: FactBase) -> set[str]:
    """The keys whose answer differs between two fact bases."""
    changed: set[str] = set()
    for name in MAPPINGS:
        before, after = getattr(old, name), getattr(new, name)
        for key in before.keys() | after.keys():
            if before.get(key) != after.get(key):
                changed.add(f"{name}:{key}")
        if before.keys() != after.keys() or list(before) != list(after):
            changed.add(f"{name}:{ALL}")
    for key in old.facts.keys() & new.facts.keys():
        if old.facts[key] != new.facts[key] and _fact_changes(old.facts[key], new.facts[key]):
            changed.add(f"facts:{ALL}")  # a list that goes through every fact may change
            break
    for name in INDICES:
        before, after = getattr(old, name), getattr(new, name)
        for key in before.keys() | after.keys():
            if [f.id for f in before.get(key, [])] != [f.id for f in after.get(key, [])]:
                changed.add(f"{name}:{key}")
        if before.keys() != after.keys():
            changed.add(f"{name}:{ALL}")
    # A page that went through a whole mapping (the entity index, the theme cards) shows
    # what changed in it. Facts are the exception: a page that goes through every fact
    # hands each one it shows to the view builder, which notes its key (Page.fact_view),
    # so a change to a fact's words reaches exactly the pages that show them.
    for name in (*MAPPINGS, *INDICES):
        if name != "facts" and any(key.startswith(f"{name}:") for key in changed):
            changed.add(f"{name}:{ALL}")
    return changed

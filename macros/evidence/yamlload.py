"""Safe YAML loading that remembers where everything was written.

Mappings and lists come back as ``YamlMap``/``YamlList`` (dict/list subclasses that
pydantic accepts as they are) carrying the 1-based (line, column) of themselves, of each
key, each value and each list item. ``locate`` turns a pydantic error ``loc`` into the
position to report.

Why not ``yaml.load(..., CSafeLoader)``: its node graph and generator-based constructor
cost about twice as much as the tree itself, and a later issue needs 10,000 facts
loaded and checked in under a second. So the tree is built straight from libyaml's
parser events (pure-Python parser as fallback); scalars are still resolved and
constructed by PyYAML's own ``Resolver`` and ``SafeConstructor``, so values are exactly
what ``safe_load`` gives, except:

* dates stay text (YAML would turn 2024-02-22 into a ``date`` and crash on 2024-02-30);
  the model validates them and gives a useful message instead;
* merge keys (``<<``) and non-scalar keys are reported as unsupported: data files spell
  every field out.

Only safe constructors exist here: no tag can run code.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner


class PurePythonParser(Reader, Scanner, Parser):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


try:  # libyaml's parser is many times faster; the pure-Python one behaves the same
    from yaml import cyaml as _cyaml
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _cyaml = None  # type: ignore[assignment]
DefaultParser: Any = getattr(_cyaml, "CParser", None) or PurePythonParser

Mark = tuple[int, int]  # (line, column), both 1-based

_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAGS = (None, "!", "tag:yaml.org,2002:map")
_SEQ_TAGS = (None, "!", "tag:yaml.org,2002:seq")
_TEXT_TAGS = (_STR_TAG, "tag:yaml.org,2002:timestamp")  # dates stay text
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NO_KEY = object()  # a mapping waiting for its next key


class YamlMap(dict):
    """A mapping that knows where it, its keys and its values were written."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[object, Mark] = {}
        self.value_marks: dict[object, Mark] = {}


class YamlList(list):
    """A list that knows where it and each of its items were written."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


@dataclass(frozen=True)
class DuplicateKey:
    key: object
    mark: Mark
    first: Mark


class _ScalarMaker:
    """Resolves and constructs scalars with PyYAML's own safe resolver and constructor."""

    def __init__(self) -> None:
        self._resolver = Resolver()
        self._constructor = SafeConstructor()
        # First characters that may start a non-string plain scalar (digits, y/n, ~, …);
        # every other plain scalar is a string without asking the resolver.
        self.special_starts = frozenset(Resolver.yaml_implicit_resolvers)

    def make(self, event: Any) -> object:  # a ScalarEvent from either parser
        tag, value = event.tag, event.value
        if tag is None or tag == "!":
            if tag == "!" or not event.implicit[0]:
                return value  # quoted: always a string
            tag = self._resolver.resolve(ScalarNode, value, event.implicit)
        if tag in _TEXT_TAGS:
            return value
        if tag == _MERGE_TAG:
            raise ConstructorError(None, None, "merge keys (<<) are not supported in data "
                                   "files: write the fields out", event.start_mark)
        node = ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
        return self._constructor.construct_object(node, deep=True)


class _TreeBuilder:
    """Turns one document's parser events into YamlMap/YamlList/scalars."""

    def __init__(self) -> None:
        self.scalars = _ScalarMaker()
        self.duplicate_keys: list[DuplicateKey] = []

    def build(self, parser) -> object:
        parser.get_event()  # StreamStart
        if parser.check_event(StreamEndEvent):
            return None  # an empty file
        parser.get_event()  # DocumentStart
        root = self._build_document(parser.get_event)
        parser.get_event()  # DocumentEnd
        if not parser.check_event(StreamEndEvent):
            raise ComposerError("expected a single document in the stream", None,
                                "but found another document", parser.peek_event().start_mark)
        return root

    def _build_document(self, get_event) -> object:
        """One loop over the events, the hot path kept inline: it runs once per scalar."""
        anchors: dict[str, object] = {}
        stack: list[tuple] = []  # enclosing containers, each with its pending key
        # The hot loop: plain names, typed loosely on purpose (checked by the tests).
        container: Any = None
        key: Any = _NO_KEY
        key_mark: Any = None
        finished: Any
        in_mapping = False
        make_scalar, special_starts = self.scalars.make, self.scalars.special_starts
        while True:
            event = get_event()
            kind = type(event)
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            if kind is ScalarEvent:
                value = event.value
                if event.tag is not None or event.implicit[0] and (
                        not value or value[0] in special_starts):
                    value = make_scalar(event)
                if event.anchor:
                    anchors[event.anchor] = value
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if in_mapping and key is _NO_KEY:
                    raise ConstructorError("while constructing a mapping", None, "found a "
                                           "non-scalar key, which data files do not use", start)
                value = _open_container(event, mark, kind is MappingStartEvent)
                if event.anchor:
                    anchors[event.anchor] = value
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                finished = container
                container, key, key_mark = stack.pop()
                if container is None:
                    return finished
                in_mapping = type(container) is YamlMap
                key = _NO_KEY  # the finished container was stored when it opened
                continue
            elif kind is AliasEvent:
                if event.anchor not in anchors:
                    raise ConstructorError(None, None, f"found undefined alias "
                                           f"'{event.anchor}'", start)
                value = anchors[event.anchor]
            else:  # pragma: no cover - the parser emits no other events inside a document
                raise ConstructorError(None, None, f"unexpected {kind.__name__}", start)

            if container is None and not isinstance(value, (YamlMap, YamlList)):
                return value  # the document is a single scalar
            if in_mapping and key is _NO_KEY:
                try:
                    duplicate = value in container
                except TypeError:  # an alias to a list or mapping used as a key
                    raise ConstructorError("while constructing a mapping", None,
                                           "found an unhashable key", start) from None
                if duplicate:
                    self.duplicate_keys.append(DuplicateKey(value, mark,
                                                            container.key_marks[value]))
                key, key_mark = value, mark
                continue
            if in_mapping:
                container[key] = value
                container.key_marks[key] = key_mark
                container.value_marks[key] = mark
                key = _NO_KEY
            elif container is not None:
                container.append(value)
                container.item_marks.append(mark)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                stack.append((container, key, key_mark))
                container, key, key_mark = value, _NO_KEY, None
                in_mapping = kind is MappingStartEvent


def _open_container(event, mark: Mark, is_mapping: bool) -> YamlMap | YamlList:
    if event.tag not in (_MAP_TAGS if is_mapping else _SEQ_TAGS):
        raise ConstructorError(None, None, f"unsupported tag '{event.tag}'", event.start_mark)
    return YamlMap(mark) if is_mapping else YamlList(mark)


@dataclass(frozen=True)
class YamlError:
    """A file that is not valid YAML: where, what, and PyYAML's context."""

    line: int
    column: int
    message: str
    context: str | None = None


@dataclass
class LoadedYaml:
    data: object  # None for an empty document or when `error` is set
    error: YamlError | None
    duplicate_keys: list[DuplicateKey]


def load_yaml(text: str, parser_class: type = DefaultParser) -> LoadedYaml:
    """Parse one YAML document; syntax errors are returned, never raised."""
    builder = _TreeBuilder()
    parser = None
    try:
        parser = parser_class(text)  # the pure-Python reader checks characters right here
        with gc_paused():
            data = builder.build(parser)
    except yaml.MarkedYAMLError as exc:
        return LoadedYaml(None, _marked_error(exc), [])
    except yaml.YAMLError as exc:  # reader errors (e.g. control characters) carry no mark
        return LoadedYaml(None, _reader_error(exc, text), [])
    finally:
        if parser is not None:
            parser.dispose()
    return LoadedYaml(data, None, builder.duplicate_keys)


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector (nestable).

    A loaded data tree is hundreds of thousands of acyclic objects, freed by reference
    counting; while it is being built and checked the collector would only rescan it
    again and again (about a third of the run time with 10,000 facts).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _marked_error(exc: yaml.MarkedYAMLError) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context = exc.context
    if context and exc.context_mark and exc.context_mark is not mark:
        context += f" at line {exc.context_mark.line + 1}"
    return YamlError(line, column, exc.problem or str(exc), context)


def _reader_error(exc: yaml.YAMLError, text: str) -> YamlError:
    position = getattr(exc, "position", 0) or 0
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    reason = getattr(exc, "reason", None) or str(exc)
    return YamlError(line, column, reason)


def locate(root: object, loc: tuple, *, key: bool = False) -> Mark:
    """Where the thing at pydantic ``loc`` inside ``root`` was written.

    Follows ``loc`` as far as the data goes: for a missing field that is the mapping it
    is missing from. Containers are reported at their key (``quantity:``), scalars at
    their value; ``key=True`` asks for the key even for scalars (unknown fields).
    """
    node, mark = root, getattr(root, "mark", (1, 1))
    last = len(loc) - 1
    for depth, part in enumerate(loc):
        if isinstance(node, YamlMap) and _has_key(node, part):
            child = node[part]
            want_key = (key and depth == last) or isinstance(child, (YamlMap, YamlList))
            mark = node.key_marks[part] if want_key else node.value_marks[part]
            node = child
        elif isinstance(node, YamlList) and isinstance(part, int) and 0 <= part < len(node):
            mark = node.item_marks[part]
            node = node[part]
        else:
            break
    return mark


def _has_key(mapping: YamlMap, part: object) -> bool:
    try:
        return part in mapping
    except TypeError:  # pydantic loc parts are always hashable, but be safe
        return False

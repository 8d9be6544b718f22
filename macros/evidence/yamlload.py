"""Safe YAML loading that remembers where everything was written.

Mappings and lists come back as ``YamlMap``/``YamlList`` (dict/list subclasses that
pydantic accepts as they are) carrying the 1-based (line, column) of themselves, of each
key, each value and each list item. ``locate`` turns a pydantic error ``loc`` into the
position to report. Only the safe constructor is used: no tag can run code.

Dates stay text (YAML would turn 2024-02-22 into a ``date`` and crash on 2024-02-30);
the model validates them and gives a useful message instead.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

try:  # libyaml's parser is many times faster; the pure-Python one behaves the same
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    CParser = None


class _PurePythonParser(Reader, Scanner, Parser, Composer):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)


Mark = tuple[int, int]  # (line, column), both 1-based
_MERGE_TAG = "tag:yaml.org,2002:merge"


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

    def __init__(self, mark: Mark, item_marks: list[Mark]) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks = item_marks


def _mark(node: yaml.Node) -> Mark:
    start = node.start_mark
    return (start.line + 1, start.column + 1)


@dataclass(frozen=True)
class DuplicateKey:
    key: object
    mark: Mark
    first: Mark


class _MarkingConstructor(SafeConstructor):
    """SafeConstructor that builds YamlMap/YamlList and notes duplicate keys."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicate_keys: list[DuplicateKey] = []

    def construct_marked_mapping(self, node: yaml.MappingNode):
        data = YamlMap(_mark(node))
        yield data  # yielded empty first so recursive (anchored) structures work
        # With a merge key, later keys legitimately override merged ones.
        check_duplicates = not any(k.tag == _MERGE_TAG for k, _ in node.value)
        self.flatten_mapping(node)
        key_marks, value_marks = data.key_marks, data.value_marks
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise ConstructorError("while constructing a mapping", node.start_mark,
                                       "found an unhashable key", key_node.start_mark)
            key_mark = _mark(key_node)
            if check_duplicates and key in data:
                self.duplicate_keys.append(DuplicateKey(key, key_mark, key_marks[key]))
            data[key] = self.construct_object(value_node, deep=False)
            key_marks[key] = key_mark
            value_marks[key] = _mark(value_node)

    def construct_marked_sequence(self, node: yaml.SequenceNode):
        data = YamlList(_mark(node), [_mark(child) for child in node.value])
        yield data
        data.extend(self.construct_object(child, deep=False) for child in node.value)

    def construct_timestamp_as_text(self, node: yaml.ScalarNode) -> str:
        return self.construct_scalar(node)


_MarkingConstructor.add_constructor("tag:yaml.org,2002:map", _MarkingConstructor.construct_marked_mapping)
_MarkingConstructor.add_constructor("tag:yaml.org,2002:seq", _MarkingConstructor.construct_marked_sequence)
_MarkingConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _MarkingConstructor.construct_timestamp_as_text
)


class PurePythonMarkingLoader(_PurePythonParser, _MarkingConstructor, Resolver):
    def __init__(self, stream: str) -> None:
        _PurePythonParser.__init__(self, stream)
        _MarkingConstructor.__init__(self)
        Resolver.__init__(self)


if CParser is not None:
    class MarkingLoader(CParser, _MarkingConstructor, Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _MarkingConstructor.__init__(self)
            Resolver.__init__(self)
else:  # pragma: no cover
    MarkingLoader = PurePythonMarkingLoader  # type: ignore[misc]


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


def load_yaml(text: str, loader_class: type = MarkingLoader) -> LoadedYaml:
    """Parse one YAML document; syntax errors are returned, never raised."""
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        return LoadedYaml(None, _marked_error(exc), [])
    except yaml.YAMLError as exc:  # reader errors (e.g. control characters) carry no mark
        return LoadedYaml(None, _reader_error(exc, text), [])
    finally:
        loader.dispose()
    return LoadedYaml(data, None, loader.duplicate_keys)


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

"""YAML loading that remembers where every value came from, for error messages that name the
file and the line (a municipal editor must be able to find and fix a mistake without us).

YAML is parsed with PyYAML's *safe* loader only: definition files are data, never code.
Mappings become `LocatedDict` and sequences `LocatedList`; both carry the 1-based line of the
node itself and of each key / item, so a validator can say "regel 42: ...".
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from desktop_app.messages import Message, MessageError

T = TypeVar("T")


class ParsedCache(Generic[T]):
    """Definitions already parsed, by a key holding their content hash: opening an intake
    parsed the same form and protocol bytes again every time (about 80-90 ms each). Parsed
    definitions are frozen, so sharing one is safe; only successes are kept, and only the few
    newest (a changed file has a new hash)."""

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, T] = OrderedDict()

    def get(self, key: Hashable, parse: Callable[[], T]) -> T:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = parse()
        self._items[key] = value
        while len(self._items) > self._size:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        self._items.clear()


class DefinitionError(MessageError, ValueError):
    """A definition file is wrong: `.source` (file name), `.line` (1-based, or None) and
    `.problem` (what is wrong there). `str()` gives 'file, regel N: problem' in Dutch."""

    def __init__(self, source: str, line: int | None, problem: Message) -> None:
        self.source = source
        self.line = line
        self.problem = problem
        message = (Message("definition.error_at_line", file=source, line=line, problem=problem)
                   if line else Message("definition.error", file=source, problem=problem))
        super().__init__(message, Message("definition.error.advice"))

    def __str__(self) -> str:
        where = f"{self.source}, regel {self.line}" if self.line else self.source
        return f"{where}: {self.problem}"


class LocatedDict(dict):  # type: ignore[type-arg]
    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):  # type: ignore[type-arg]
    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class _LocatingLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LocatingLoader, node: yaml.MappingNode) -> LocatedDict:
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise DefinitionError(
                "", key_node.start_mark.line + 1,
                Message("definition.key_not_text", key=repr(key)))
        if key in result:
            raise DefinitionError(
                "", key_node.start_mark.line + 1, Message("definition.key_twice", key=key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LocatingLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)
_LocatingLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence
)


def load_yaml_text(text: str, source: str) -> Any:
    """Parse YAML text; syntax errors become DefinitionError with the file name and line."""
    try:
        return yaml.load(text, Loader=_LocatingLoader)  # a SafeLoader subclass
    except DefinitionError as err:
        raise DefinitionError(source, err.line, err.problem) from None
    except yaml.MarkedYAMLError as err:
        # PyYAML's own explanation is English and technical; it is kept as it is.
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = err.problem or err.context or ""
        raise DefinitionError(source, line, Message("definition.yaml_invalid",
                                                    detail=problem)) from None
    except yaml.YAMLError as err:
        raise DefinitionError(source, None, Message("definition.yaml_invalid",
                                                    detail=str(err))) from None


def load_yaml_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(str(path), None, Message("definition.not_utf8")) from None
    except OSError as err:
        raise DefinitionError(str(path), None, Message("definition.unreadable",
                                                       reason=err.strerror or "")) from None
    return load_yaml_text(text, str(path))

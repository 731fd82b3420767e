"""YAML loading that remembers where every value came from, for error messages that name the
file and the line (a municipal editor must be able to find and fix a mistake without us).

YAML is parsed with PyYAML's *safe* loader only: definition files are data, never code.
Mappings become `LocatedDict` and sequences `LocatedList`; both carry the 1-based line of the
node itself and of each key / item, so a validator can say "regel 42: ...".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class DefinitionError(ValueError):
    """A definition file is wrong. `str()` gives 'file, regel N: message' in Dutch."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}, regel {line}" if line else source
        super().__init__(f"{where}: {message}")


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
                "", key_node.start_mark.line + 1, f"sleutel {key!r} moet tekst zijn"
            )
        if key in result:
            raise DefinitionError(
                "", key_node.start_mark.line + 1, f"sleutel '{key}' staat er twee keer"
            )
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
        raise DefinitionError(source, err.line, err.message) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = err.problem or err.context or "onleesbare YAML"
        raise DefinitionError(source, line, f"YAML klopt niet: {problem}") from None
    except yaml.YAMLError as err:
        raise DefinitionError(source, None, f"YAML klopt niet: {err}") from None


def load_yaml_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(str(path), None, "het bestand is geen UTF-8-tekst") from None
    except OSError as err:
        message = f"kan het bestand niet lezen ({err.strerror})"
        raise DefinitionError(str(path), None, message) from None
    return load_yaml_text(text, str(path))

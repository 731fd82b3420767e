"""Strict loader for form definitions (YAML) written by municipal editors.

Strict on purpose: a typo such as `requird: true` must stop the load with a message that names
the file and the line, not be silently ignored and leave a required field optional. Every
message is Dutch and says what is wrong and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from desktop_app.domain.forms_model import (
    COLUMN_TYPES,
    CONSTRAINTS_FOR_TYPE,
    SUPPORTED_LANGUAGES,
    AllOf,
    AnyOf,
    Choice,
    Column,
    Condition,
    ConditionOp,
    Constraint,
    ConstraintKind,
    Field,
    FieldCondition,
    FieldType,
    FormDefinition,
    NotCondition,
    Section,
    Text,
)
from desktop_app.domain.yaml_source import (
    DefinitionError,
    LocatedDict,
    LocatedList,
    load_yaml_text,
)

_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
_CHOICE_VALUE_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")

_TOP_KEYS = ("id", "version", "title", "description", "languages", "sections")
_SECTION_KEYS = ("id", "title", "help", "relevance", "fields")
_FIELD_KEYS = (
    "id",
    "type",
    "label",
    "help",
    "placeholder",
    "required",
    "required_message",
    "constraints",
    "relevance",
    "choices",
    "columns",
    "birth_date",
)
_COLUMN_KEYS = ("id", "type", "label", "help", "required", "choices", "birth_date")
_CHOICE_KEYS = ("value", "label", "help")
_CONSTRAINT_KEYS = ("value", "message")
_COMBINATOR_KEYS = ("all", "any", "not")
_OP_KEYS = tuple(op.value for op in ConditionOp)

_PLACEHOLDER_TYPES = frozenset(
    {FieldType.TEXT, FieldType.LONG_TEXT, FieldType.NUMBER, FieldType.BSN, FieldType.DATE}
)

# Which relevance tests make sense on which field type. Free text only supports `answered`:
# a condition on the exact words a worker typed would be fragile.
_OPS_FOR_TYPE: dict[FieldType, frozenset[ConditionOp]] = {
    FieldType.CHOICE: frozenset({ConditionOp.EQUALS, ConditionOp.IN, ConditionOp.ANSWERED}),
    FieldType.MULTI_CHOICE: frozenset(
        {ConditionOp.CONTAINS, ConditionOp.AT_LEAST, ConditionOp.AT_MOST, ConditionOp.ANSWERED}
    ),
    FieldType.YES_NO: frozenset({ConditionOp.EQUALS, ConditionOp.ANSWERED}),
    FieldType.NUMBER: frozenset(
        {ConditionOp.EQUALS, ConditionOp.AT_LEAST, ConditionOp.AT_MOST, ConditionOp.ANSWERED}
    ),
    FieldType.PERSON_LIST: frozenset(
        {ConditionOp.AT_LEAST, ConditionOp.AT_MOST, ConditionOp.ANSWERED}
    ),
    FieldType.TEXT: frozenset({ConditionOp.ANSWERED}),
    FieldType.LONG_TEXT: frozenset({ConditionOp.ANSWERED}),
    FieldType.DATE: frozenset({ConditionOp.ANSWERED}),
    FieldType.BSN: frozenset({ConditionOp.ANSWERED}),
}


def parse_form_definition(text: str, source: str) -> FormDefinition:
    """Parse and validate a form definition. Raises DefinitionError (Dutch, with line)."""
    return _parse(text, text.encode("utf-8"), source)


def load_form_definition(path: Path) -> FormDefinition:
    """Load a form definition file. The content hash is taken over the bytes on disk."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DefinitionError(
            source, None, f"kan het bestand niet lezen ({err.strerror})"
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(
            source, None, "het bestand is geen UTF-8-tekst. Sla het op als UTF-8."
        ) from None
    return _parse(text, raw, source)


def _parse(text: str, raw: bytes, source: str) -> FormDefinition:
    document = load_yaml_text(text, source)
    return _Loader(source).form(document, hashlib.sha256(raw).hexdigest())


# ---------------------------------------------------------------------------------------------


def _describe(value: Any) -> str:
    """How a YAML value looks to an editor, for 'you wrote X' messages."""
    if value is None:
        return "niets (een lege waarde)"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {str(value).lower()}"
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"de tekst '{shown}'"
    if isinstance(value, dt.date):
        return f"de datum {value.isoformat()}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met sleutels"
    return "een onbekende waarde"


_BOOL_HINT = (
    " Let op: YAML leest ja/nee-woorden zoals yes, no, on en off zonder aanhalingstekens als "
    'true/false; zet zulke tekst tussen aanhalingstekens, bijvoorbeeld "No".'
)


def _listing(options: Iterable[str]) -> str:
    return ", ".join(sorted(options))


@dataclass
class _PendingField:
    """A field whose relevance is parsed once all field ids are known (it may look forward)."""

    section_index: int
    kwargs: dict[str, Any]
    relevance_node: Any
    relevance_line: int
    line: int


class _Loader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.languages: tuple[str, ...] = ("nl",)

    def fail(self, line: int | None, message: str) -> NoReturn:
        raise DefinitionError(self.source, line, message)

    # -- generic checks -------------------------------------------------------------------------

    def mapping(self, node: Any, line: int, what: str) -> LocatedDict:
        if not isinstance(node, LocatedDict):
            self.fail(
                line, f"{what} moet een blok met sleutels zijn, maar er staat {_describe(node)}."
            )
        return node

    def check_keys(self, node: LocatedDict, allowed: tuple[str, ...], what: str) -> None:
        for key in node:
            if key not in allowed:
                hint = ""
                close = difflib.get_close_matches(key, allowed, n=1)
                if close:
                    hint = f" Bedoelt u '{close[0]}'?"
                self.fail(
                    node.line_of(key),
                    f"onbekende sleutel '{key}' bij {what}.{hint} "
                    f"Toegestaan zijn: {_listing(allowed)}.",
                )

    def require(self, node: LocatedDict, key: str, what: str) -> Any:
        if key not in node or node[key] is None:
            line = node.line_of(key) if key in node else node.line
            self.fail(line, f"bij {what} ontbreekt '{key}'. Vul '{key}:' in.")
        return node[key]

    def identifier(self, node: LocatedDict, what: str) -> str:
        value = self.require(node, "id", what)
        if not isinstance(value, str) or not _ID_PATTERN.fullmatch(value):
            self.fail(
                node.line_of("id"),
                f"'id' van {what} is {_describe(value)}. Een id bestaat uit kleine letters "
                "(a-z), cijfers en _, begint met een letter en is hoogstens 64 tekens.",
            )
        return value

    def boolean(self, node: LocatedDict, key: str, what: str) -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.fail(
                node.line_of(key),
                f"'{key}' bij {what} moet true of false zijn, maar er staat {_describe(value)}.",
            )
        return value

    def text(self, node: LocatedDict, key: str, what: str, *, required: bool) -> Text | None:
        if key not in node or node[key] is None:
            if required:
                self.require(node, key, what)
            return None
        return self.text_value(node[key], node.line_of(key), f"'{key}' bij {what}")

    def text_value(self, value: Any, line: int, what: str) -> Text:
        example = ", ".join(f"{lang}: ..." for lang in self.languages)
        if isinstance(value, str):
            if not value.strip():
                self.fail(line, f"{what} is leeg. Schrijf een tekst.")
            if self.languages != ("nl",):
                self.fail(
                    line,
                    f"{what} staat in één taal, maar dit formulier belooft de talen "
                    f"{', '.join(self.languages)}. Schrijf het als {{{example}}}.",
                )
            return Text(nl=value)
        if isinstance(value, LocatedDict):
            self.check_keys(value, SUPPORTED_LANGUAGES, f"{what} (talen)")
            texts: dict[str, str] = {}
            for lang in SUPPORTED_LANGUAGES:
                if lang not in value:
                    continue
                item = value[lang]
                item_line = value.line_of(lang)
                if not isinstance(item, str):
                    hint = _BOOL_HINT if isinstance(item, bool) else ""
                    self.fail(
                        item_line,
                        f"{what} in taal '{lang}' moet tekst zijn, maar er staat "
                        f"{_describe(item)}.{hint}",
                    )
                if not item.strip():
                    self.fail(item_line, f"{what} in taal '{lang}' is leeg. Schrijf een tekst.")
                texts[lang] = item
            for lang in self.languages:
                if lang not in texts:
                    self.fail(
                        value.line,
                        f"{what} mist de taal '{lang}'. Dit formulier belooft de talen "
                        f"{', '.join(self.languages)}: schrijf {{{example}}}.",
                    )
            return Text(nl=texts["nl"], en=texts.get("en"))
        hint = _BOOL_HINT if isinstance(value, bool) else ""
        self.fail(
            line,
            f"{what} moet tekst zijn, of een blok met {{{example}}}; er staat "
            f"{_describe(value)}.{hint}",
        )

    def sequence(self, node: LocatedDict, key: str, what: str) -> LocatedList:
        value = node[key]
        if not isinstance(value, LocatedList):
            self.fail(
                node.line_of(key),
                f"'{key}' bij {what} moet een lijst zijn (regels die met '- ' beginnen), "
                f"maar er staat {_describe(value)}.",
            )
        return value

    # -- the form -------------------------------------------------------------------------------

    def form(self, document: Any, content_hash: str) -> FormDefinition:
        if document is None:
            self.fail(
                None,
                "het bestand is leeg. Een formulier begint met id, version, title en sections.",
            )
        top = self.mapping(document, 1, "het formulier")
        self.check_keys(top, _TOP_KEYS, "het formulier")
        form_id = self.identifier(top, "het formulier")
        version = self.require(top, "version", "het formulier")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.fail(
                top.line_of("version"),
                f"'version' moet een heel getal van 1 of hoger zijn, maar er staat "
                f"{_describe(version)}. Verhoog het bij elke wijziging.",
            )
        self.languages = self.language_list(top)
        title = self.text(top, "title", "het formulier", required=True)
        assert title is not None
        description = self.text(top, "description", "het formulier", required=False)

        self.require(top, "sections", "het formulier")
        section_nodes = self.sequence(top, "sections", "het formulier")
        if not section_nodes:
            self.fail(top.line_of("sections"), "'sections' is leeg. Voeg minstens één sectie toe.")

        section_headers: list[dict[str, Any]] = []
        pending: list[_PendingField] = []
        field_lines: dict[str, tuple[int, str]] = {}
        section_lines: dict[str, int] = {}
        for index, raw_section in enumerate(section_nodes):
            section_node = self.mapping(raw_section, section_nodes.line_of(index), "een sectie")
            header, fields = self.section(section_node, index, field_lines)
            if header["id"] in section_lines:
                self.fail(
                    section_node.line_of("id"),
                    f"sectie-id '{header['id']}' bestaat al (regel "
                    f"{section_lines[header['id']]}). Geef elke sectie een eigen id.",
                )
            section_lines[header["id"]] = section_node.line_of("id")
            section_headers.append(header)
            pending.extend(fields)

        field_types = {p.kwargs["id"]: p for p in pending}
        built_fields: list[list[Field]] = [[] for _ in section_headers]
        field_relevance: dict[str, Condition | None] = {}
        for p in pending:
            relevance = None
            if p.relevance_node is not None:
                relevance = self.condition(p.relevance_node, p.relevance_line, field_types)
            field_relevance[p.kwargs["id"]] = relevance
            built_fields[p.section_index].append(Field(relevance=relevance, **p.kwargs))

        sections: list[Section] = []
        for header, fields_of_section in zip(section_headers, built_fields, strict=True):
            relevance = None
            if header["relevance_node"] is not None:
                relevance = self.condition(
                    header["relevance_node"], header["relevance_line"], field_types
                )
            sections.append(
                Section(
                    id=header["id"],
                    title=header["title"],
                    help=header["help"],
                    relevance=relevance,
                    fields=tuple(fields_of_section),
                )
            )

        order = self.evaluation_order(sections, section_headers, pending)
        return FormDefinition(
            id=form_id,
            version=version,
            title=title,
            description=description,
            languages=self.languages,
            sections=tuple(sections),
            content_hash=content_hash,
            source=self.source,
            evaluation_order=order,
        )

    def language_list(self, top: LocatedDict) -> tuple[str, ...]:
        if "languages" not in top:
            return ("nl",)
        value = top["languages"]
        line = top.line_of("languages")
        allowed = f"Toegestaan zijn: {', '.join(SUPPORTED_LANGUAGES)}; nl is altijd nodig."
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(line, f"'languages' moet een lijst van talen zijn, zoals [nl, en]. {allowed}")
        unknown = [v for v in value if v not in SUPPORTED_LANGUAGES]
        if unknown or "nl" not in value or len(set(value)) != len(value):
            self.fail(line, f"'languages' klopt niet: {value}. {allowed}")
        return tuple(lang for lang in SUPPORTED_LANGUAGES if lang in value)

    def section(
        self, node: LocatedDict, index: int, field_lines: dict[str, tuple[int, str]]
    ) -> tuple[dict[str, Any], list[_PendingField]]:
        self.check_keys(node, _SECTION_KEYS, "een sectie")
        section_id = self.identifier(node, "een sectie")
        what = f"sectie '{section_id}'"
        header: dict[str, Any] = {
            "id": section_id,
            "title": self.text(node, "title", what, required=True),
            "help": self.text(node, "help", what, required=False),
            "relevance_node": node.get("relevance"),
            "relevance_line": node.line_of("relevance"),
            "id_line": node.line_of("id"),
        }
        if "fields" not in node or node["fields"] is None:
            self.fail(
                node.line_of("fields") if "fields" in node else node.line,
                f"{what} heeft geen velden. Voeg onder 'fields:' minstens één veld toe, of haal "
                "de sectie weg.",
            )
        field_nodes = self.sequence(node, "fields", what)
        if not field_nodes:
            self.fail(
                node.line_of("fields"),
                f"{what} heeft geen velden. Voeg onder 'fields:' minstens één veld toe, of haal "
                "de sectie weg.",
            )
        pending: list[_PendingField] = []
        for i, raw in enumerate(field_nodes):
            field_node = self.mapping(raw, field_nodes.line_of(i), f"een veld in {what}")
            pending.append(self.field(field_node, index, section_id, field_lines))
        return header, pending

    def field(
        self,
        node: LocatedDict,
        section_index: int,
        section_id: str,
        field_lines: dict[str, tuple[int, str]],
    ) -> _PendingField:
        self.check_keys(node, _FIELD_KEYS, f"een veld in sectie '{section_id}'")
        field_id = self.identifier(node, f"een veld in sectie '{section_id}'")
        if field_id in field_lines:
            earlier_line, earlier_section = field_lines[field_id]
            self.fail(
                node.line_of("id"),
                f"veld-id '{field_id}' bestaat al (regel {earlier_line}, sectie "
                f"'{earlier_section}'). Elk veld in het formulier moet een eigen id hebben.",
            )
        field_lines[field_id] = (node.line_of("id"), section_id)
        what = f"veld '{field_id}'"
        field_type = self.field_type(node, what, allowed=tuple(FieldType))

        required = self.boolean(node, "required", what)
        required_message = self.text(node, "required_message", what, required=False)
        if required_message is not None and not required:
            self.fail(
                node.line_of("required_message"),
                f"{what} heeft een 'required_message', maar is niet verplicht. Zet "
                "'required: true' erbij, of haal de 'required_message' weg.",
            )
        placeholder = self.text(node, "placeholder", what, required=False)
        if placeholder is not None and field_type not in _PLACEHOLDER_TYPES:
            self.fail(
                node.line_of("placeholder"),
                f"'placeholder' past niet bij {what} van type {field_type.value}. Het kan bij: "
                f"{_listing(t.value for t in _PLACEHOLDER_TYPES)}.",
            )
        birth_date = self.boolean(node, "birth_date", what)
        if birth_date and field_type is not FieldType.DATE:
            self.fail(
                node.line_of("birth_date"),
                f"'birth_date' kan alleen bij een veld van type date; {what} is "
                f"{field_type.value}.",
            )
        choices = self.choices(node, what, field_type)
        columns = self.columns(node, what, field_type)
        constraints = self.constraints(node, what, field_type)
        return _PendingField(
            section_index=section_index,
            kwargs={
                "id": field_id,
                "type": field_type,
                "label": self.text(node, "label", what, required=True),
                "help": self.text(node, "help", what, required=False),
                "placeholder": placeholder,
                "required": required,
                "required_message": required_message,
                "constraints": constraints,
                "choices": choices,
                "columns": columns,
                "birth_date": birth_date,
            },
            relevance_node=node.get("relevance"),
            relevance_line=node.line_of("relevance"),
            line=node.line,
        )

    def field_type(self, node: LocatedDict, what: str, allowed: Iterable[FieldType]) -> FieldType:
        raw = self.require(node, "type", what)
        allowed_values = [t.value for t in allowed]
        if not isinstance(raw, str) or raw not in allowed_values:
            hint = ""
            if isinstance(raw, str):
                close = difflib.get_close_matches(raw, allowed_values, n=1)
                hint = f" Bedoelt u '{close[0]}'?" if close else ""
            shown = f"'{raw}'" if isinstance(raw, str) else f"({_describe(raw)})"
            self.fail(
                node.line_of("type"),
                f"onbekend type {shown} bij {what}.{hint} Kies uit: {', '.join(allowed_values)}.",
            )
        return FieldType(raw)

    def choices(self, node: LocatedDict, what: str, field_type: FieldType) -> tuple[Choice, ...]:
        needs = field_type in (FieldType.CHOICE, FieldType.MULTI_CHOICE)
        if "choices" not in node or node["choices"] is None:
            if needs:
                self.fail(
                    node.line_of("choices") if "choices" in node else node.line,
                    f"{what} is van type {field_type.value} maar heeft geen 'choices'. Voeg een "
                    "lijst toe met per keuze 'value' en 'label'.",
                )
            return ()
        if not needs:
            self.fail(
                node.line_of("choices"),
                f"'choices' hoort alleen bij type choice of multi_choice; {what} is "
                f"{field_type.value}. Haal 'choices' weg of kies een ander type.",
            )
        items = self.sequence(node, "choices", what)
        if not items:
            self.fail(
                node.line_of("choices"),
                f"'choices' bij {what} is leeg. Geef minstens één keuze met 'value' en 'label'.",
            )
        result: list[Choice] = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(items):
            item = self.mapping(raw, items.line_of(i), f"een keuze bij {what}")
            self.check_keys(item, _CHOICE_KEYS, f"een keuze bij {what}")
            value = self.choice_value(item, what)
            if value in seen:
                self.fail(
                    item.line_of("value"),
                    f"keuze '{value}' staat twee keer bij {what} (ook op regel {seen[value]}). "
                    "Elke keuze heeft een eigen 'value'.",
                )
            seen[value] = item.line_of("value")
            choice_what = f"keuze '{value}' bij {what}"
            label = self.text(item, "label", choice_what, required=True)
            assert label is not None
            result.append(
                Choice(
                    value=value,
                    label=label,
                    help=self.text(item, "help", choice_what, required=False),
                )
            )
        return tuple(result)

    def choice_value(self, item: LocatedDict, what: str) -> str:
        raw = self.require(item, "value", f"een keuze bij {what}")
        # A plain number (a score 1..5) is accepted and stored as text: answers are text.
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            raw = str(raw)
        if not isinstance(raw, str) or not _CHOICE_VALUE_PATTERN.fullmatch(raw):
            hint = _BOOL_HINT if isinstance(raw, bool) else ""
            self.fail(
                item.line_of("value"),
                f"de 'value' van een keuze bij {what} is {_describe(raw)}. Een value bestaat "
                f"uit kleine letters, cijfers, - en _ (hoogstens 64 tekens).{hint}",
            )
        return raw

    def columns(self, node: LocatedDict, what: str, field_type: FieldType) -> tuple[Column, ...]:
        needs = field_type is FieldType.PERSON_LIST
        if "columns" not in node or node["columns"] is None:
            if needs:
                self.fail(
                    node.line_of("columns") if "columns" in node else node.line,
                    f"{what} is een personenlijst maar heeft geen 'columns'. Geef de kolommen, "
                    "bijvoorbeeld naam, relatie en geboortedatum.",
                )
            return ()
        if not needs:
            self.fail(
                node.line_of("columns"),
                f"'columns' hoort alleen bij type person_list; {what} is {field_type.value}.",
            )
        items = self.sequence(node, "columns", what)
        if not items:
            self.fail(node.line_of("columns"), f"'columns' bij {what} is leeg. Geef kolommen.")
        result: list[Column] = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(items):
            item = self.mapping(raw, items.line_of(i), f"een kolom bij {what}")
            self.check_keys(item, _COLUMN_KEYS, f"een kolom bij {what}")
            column_id = self.identifier(item, f"een kolom bij {what}")
            if column_id in seen:
                self.fail(
                    item.line_of("id"),
                    f"kolom '{column_id}' staat twee keer bij {what} (ook op regel "
                    f"{seen[column_id]}).",
                )
            seen[column_id] = item.line_of("id")
            column_what = f"kolom '{column_id}' bij {what}"
            column_type = self.field_type(
                item, column_what, allowed=[t for t in FieldType if t in COLUMN_TYPES]
            )
            birth_date = self.boolean(item, "birth_date", column_what)
            if birth_date and column_type is not FieldType.DATE:
                self.fail(
                    item.line_of("birth_date"),
                    f"'birth_date' kan alleen bij een kolom van type date ({column_what}).",
                )
            label = self.text(item, "label", column_what, required=True)
            assert label is not None
            result.append(
                Column(
                    id=column_id,
                    type=column_type,
                    label=label,
                    help=self.text(item, "help", column_what, required=False),
                    required=self.boolean(item, "required", column_what),
                    choices=self.choices(item, column_what, column_type),
                    birth_date=birth_date,
                )
            )
        return tuple(result)

    # -- constraints ----------------------------------------------------------------------------

    def constraints(
        self, node: LocatedDict, what: str, field_type: FieldType
    ) -> tuple[Constraint, ...]:
        if "constraints" not in node or node["constraints"] is None:
            return ()
        block = self.mapping(
            node["constraints"], node.line_of("constraints"), f"'constraints' bij {what}"
        )
        allowed = CONSTRAINTS_FOR_TYPE[field_type]
        result: dict[ConstraintKind, Constraint] = {}
        lines: dict[ConstraintKind, int] = {}
        for key in block:
            line = block.line_of(key)
            if key not in {k.value for k in ConstraintKind}:
                close = difflib.get_close_matches(key, [k.value for k in allowed], n=1)
                hint = f" Bedoelt u '{close[0]}'?" if close else ""
                self.fail(
                    line,
                    f"onbekende regel '{key}' bij {what}.{hint} Bij type {field_type.value} "
                    f"kan: {_listing(k.value for k in allowed) or 'geen enkele regel'}.",
                )
            kind = ConstraintKind(key)
            if kind not in allowed:
                self.fail(
                    line,
                    f"de regel '{key}' past niet bij {what} van type {field_type.value}. Bij "
                    f"dit type kan: {_listing(k.value for k in allowed) or 'geen enkele regel'}.",
                )
            raw = block[key]
            message: Text | None = None
            value_line = line
            if isinstance(raw, LocatedDict):
                self.check_keys(raw, _CONSTRAINT_KEYS, f"regel '{key}' bij {what}")
                message = self.text(raw, "message", f"regel '{key}' bij {what}", required=False)
                value_line = raw.line_of("value")
                raw = self.require(raw, "value", f"regel '{key}' bij {what}")
            result[kind] = self.constraint(kind, raw, message, value_line, what)
            lines[kind] = line
        self.check_pair(result, lines, ConstraintKind.MIN_LENGTH, ConstraintKind.MAX_LENGTH, what)
        self.check_pair(result, lines, ConstraintKind.MIN, ConstraintKind.MAX, what)
        self.check_pair(result, lines, ConstraintKind.MIN_ITEMS, ConstraintKind.MAX_ITEMS, what)
        self.check_pair(result, lines, ConstraintKind.NOT_BEFORE, ConstraintKind.NOT_AFTER, what)
        return tuple(result.values())

    def constraint(
        self, kind: ConstraintKind, raw: Any, message: Text | None, line: int, what: str
    ) -> Constraint:
        def wrong(expected: str) -> NoReturn:
            hint = _BOOL_HINT if isinstance(raw, bool) and "tekst" in expected else ""
            self.fail(
                line,
                f"'{kind.value}' bij {what} moet {expected} zijn, maar er staat "
                f"{_describe(raw)}.{hint}",
            )

        if kind in (
            ConstraintKind.MIN_LENGTH,
            ConstraintKind.MAX_LENGTH,
            ConstraintKind.MIN_ITEMS,
            ConstraintKind.MAX_ITEMS,
        ):
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                wrong("een heel getal van 0 of hoger")
            if kind in (ConstraintKind.MAX_LENGTH, ConstraintKind.MAX_ITEMS) and raw < 1:
                wrong("een heel getal van 1 of hoger")
            return Constraint(kind, raw, message)
        if kind in (ConstraintKind.MIN, ConstraintKind.MAX):
            if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
                wrong("een getal")
            return Constraint(kind, raw, message)
        if kind in (ConstraintKind.INTEGER, ConstraintKind.NOT_IN_FUTURE):
            if not isinstance(raw, bool):
                wrong("true of false")
            return Constraint(kind, raw, message)
        if kind is ConstraintKind.PATTERN:
            if not isinstance(raw, str) or not raw:
                wrong("een reguliere expressie (tekst)")
            try:
                compiled = re.compile(raw)
            except re.error as err:
                self.fail(
                    line,
                    f"het patroon bij {what} is geen geldige reguliere expressie ({err.msg}, "
                    f"positie {err.pos}). Zet het patroon tussen enkele aanhalingstekens en "
                    "controleer haakjes en \\-tekens.",
                )
            return Constraint(kind, raw, message, compiled=compiled)
        # not_before / not_after: YAML turns an unquoted 2000-01-01 into a date already.
        if isinstance(raw, dt.datetime):
            wrong("een datum zonder tijd (jjjj-mm-dd)")
        if isinstance(raw, str):
            try:
                raw = dt.date.fromisoformat(raw)
            except ValueError:
                wrong("een bestaande datum als jjjj-mm-dd")
        if not isinstance(raw, dt.date):
            wrong("een datum als jjjj-mm-dd")
        return Constraint(kind, raw, message)

    def check_pair(
        self,
        found: dict[ConstraintKind, Constraint],
        lines: dict[ConstraintKind, int],
        low: ConstraintKind,
        high: ConstraintKind,
        what: str,
    ) -> None:
        if low in found and high in found:
            low_value, high_value = found[low].value, found[high].value
            # Both are numbers or both are dates: the loader checked each value's type.
            if (
                isinstance(low_value, dt.date)
                and isinstance(high_value, dt.date)
                and low_value > high_value
            ) or (
                not isinstance(low_value, dt.date)
                and not isinstance(high_value, dt.date)
                and found[low].number() > found[high].number()
            ):
                self.fail(
                    lines[low],
                    f"bij {what} is '{low.value}' ({_plain(low_value)}) groter dan "
                    f"'{high.value}' ({_plain(high_value)}). Dan kan geen enkel antwoord goed "
                    "zijn; maak de ondergrens kleiner of de bovengrens groter.",
                )

    # -- relevance ------------------------------------------------------------------------------

    def condition(self, raw: Any, line: int, fields: dict[str, _PendingField]) -> Condition:
        example = "{field: ..., equals: ...}, {all: [...]}, {any: [...]} of {not: {...}}"
        if not isinstance(raw, LocatedDict):
            self.fail(
                line,
                f"een voorwaarde (relevance) moet een blok zijn zoals {example}; er "
                f"staat {_describe(raw)}.",
            )
        node = raw
        combinators = [k for k in node if k in _COMBINATOR_KEYS]
        if combinators:
            if len(node) != 1:
                self.fail(
                    node.line,
                    f"'{combinators[0]}' staat in een voorwaarde altijd alleen. Zet de andere "
                    f"sleutels ({', '.join(k for k in node if k != combinators[0])}) in een "
                    "eigen voorwaarde in de lijst.",
                )
            key = combinators[0]
            key_line = node.line_of(key)
            if key == "not":
                return NotCondition(self.condition(node["not"], key_line, fields))
            items = node[key]
            if not isinstance(items, LocatedList) or not items:
                self.fail(
                    key_line,
                    f"'{key}' heeft een lijst van voorwaarden nodig, met minstens één voorwaarde.",
                )
            parts = tuple(
                self.condition(item, items.line_of(i), fields) for i, item in enumerate(items)
            )
            return AllOf(parts) if key == "all" else AnyOf(parts)

        self.check_keys(node, ("field", *_OP_KEYS), "een voorwaarde (relevance)")
        target = self.require(node, "field", "een voorwaarde (relevance)")
        ops = [k for k in node if k in _OP_KEYS]
        if len(ops) != 1:
            self.fail(
                node.line,
                "een voorwaarde heeft precies één toets nodig; er staat "
                f"{', '.join(ops) if ops else 'geen'}. Kies één van: {', '.join(_OP_KEYS)}. "
                "Combineer met 'all' of 'any'.",
            )
        op = ConditionOp(ops[0])
        if not isinstance(target, str) or target not in fields:
            hint = ""
            if isinstance(target, str):
                close = difflib.get_close_matches(target, list(fields), n=1)
                hint = f" Bedoelt u '{close[0]}'?" if close else ""
            self.fail(
                node.line_of("field"),
                f"de voorwaarde verwijst naar veld {_quoted(target)}, maar dat veld bestaat "
                f"niet in dit formulier.{hint} Gebruik de 'id' van een bestaand veld.",
            )
        target_field = fields[target]
        field_type: FieldType = target_field.kwargs["type"]
        if op not in _OPS_FOR_TYPE[field_type]:
            self.fail(
                node.line_of(op.value),
                f"de toets '{op.value}' werkt niet op veld '{target}' van type "
                f"{field_type.value}. Bij dit type kan: "
                f"{_listing(o.value for o in _OPS_FOR_TYPE[field_type])}.",
            )
        value = self.condition_value(
            op, node[op.value], node.line_of(op.value), target, target_field
        )
        return FieldCondition(field=target, op=op, value=value)

    def condition_value(
        self, op: ConditionOp, raw: Any, line: int, target: str, target_field: _PendingField
    ) -> str | bool | int | float | tuple[str, ...]:
        field_type: FieldType = target_field.kwargs["type"]
        choices: tuple[Choice, ...] = target_field.kwargs["choices"]
        values = [c.value for c in choices]

        def as_choice(item: Any) -> str:
            if isinstance(item, int) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or item not in values:
                hint = _BOOL_HINT if isinstance(item, bool) else ""
                self.fail(
                    line,
                    f"{_quoted(item)} is geen keuze van veld '{target}'. Mogelijke keuzes: "
                    f"{', '.join(values)}.{hint}",
                )
            return item

        if op is ConditionOp.ANSWERED:
            if not isinstance(raw, bool):
                self.fail(line, f"'answered' moet true of false zijn; er staat {_describe(raw)}.")
            return raw
        if op is ConditionOp.IN:
            if not isinstance(raw, list) or not raw:
                self.fail(line, "'in' heeft een lijst van keuzes nodig, zoals [a, b].")
            return tuple(as_choice(item) for item in raw)
        if op is ConditionOp.CONTAINS:
            return as_choice(raw)
        if op is ConditionOp.EQUALS:
            if field_type is FieldType.CHOICE:
                return as_choice(raw)
            if field_type is FieldType.YES_NO:
                if not isinstance(raw, bool):
                    self.fail(
                        line,
                        f"veld '{target}' is ja/nee: 'equals' moet true of false zijn; er "
                        f"staat {_describe(raw)}.",
                    )
                return raw
        # equals on a number, at_least, at_most
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            self.fail(line, f"'{op.value}' moet een getal zijn; er staat {_describe(raw)}.")
        if field_type in (FieldType.MULTI_CHOICE, FieldType.PERSON_LIST) and (
            not isinstance(raw, int) or raw < 0
        ):
            self.fail(line, f"'{op.value}' telt het aantal; gebruik een heel getal van 0 of hoger.")
        return raw

    # -- cycles ---------------------------------------------------------------------------------

    def evaluation_order(
        self,
        sections: list[Section],
        headers: list[dict[str, Any]],
        pending: list[_PendingField],
    ) -> tuple[str, ...]:
        """Topological order of fields by relevance dependencies; a cycle is a load error.

        A field depends on the fields its own relevance looks at and on those its section's
        relevance looks at: a hidden section hides its fields.
        """
        relevance_line = {p.kwargs["id"]: p.relevance_line for p in pending}
        edges: dict[str, list[tuple[str, int]]] = {}
        for section, header in zip(sections, headers, strict=True):
            section_refs = (
                sorted(section.relevance.referenced_fields()) if section.relevance else []
            )
            for f in section.fields:
                deps: list[tuple[str, int]] = []
                if f.relevance is not None:
                    for ref in sorted(f.relevance.referenced_fields()):
                        if ref == f.id:
                            self.fail(
                                relevance_line[f.id],
                                f"veld '{f.id}' hangt in zijn eigen voorwaarde (relevance) van "
                                "zichzelf af. Dan kan het nooit verschijnen; verwijs naar een "
                                "ander veld.",
                            )
                        deps.append((ref, relevance_line[f.id]))
                for ref in section_refs:
                    if ref in {g.id for g in section.fields}:
                        self.fail(
                            header["relevance_line"],
                            f"sectie '{section.id}' hangt af van veld '{ref}', maar dat veld "
                            "staat in dezelfde sectie: zolang de sectie verborgen is, kan het "
                            "niet worden ingevuld. Verwijs naar een veld in een andere sectie.",
                        )
                    deps.append((ref, header["relevance_line"]))
                edges[f.id] = deps

        order: list[str] = []
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        path: list[str] = []

        def visit(node: str) -> None:
            state[node] = 1
            path.append(node)
            for dep, line in edges[node]:
                if state.get(dep) == 1:
                    cycle = [*path[path.index(dep) :], dep]
                    self.fail(
                        line,
                        "de voorwaarden (relevance) draaien in een kring: "
                        f"{' → '.join(cycle)}. Een veld kan niet via andere velden van zichzelf "
                        "afhangen; laat één van deze voorwaarden naar een ander veld verwijzen.",
                    )
                if state.get(dep) is None:
                    visit(dep)
            path.pop()
            state[node] = 2
            order.append(node)

        for f_id in edges:
            if f_id not in state:
                visit(f_id)
        return tuple(order)


def _quoted(value: Any) -> str:
    """A name as the editor typed it: quoted text, or a description of a non-text value."""
    return f"'{value}'" if isinstance(value, str) else _describe(value)


def _plain(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)

"""Strict loader for form definitions (YAML) written by municipal editors.

Strict on purpose: a typo such as `requird: true` must stop the load with a message that names
the file and the line, not be silently ignored and leave a required field optional. Every
problem is a Message (keys `definition.form.*`, Dutch and English) that says what is wrong and
what is allowed; the names from the YAML (keys, types, ids) are quoted as the editor wrote them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
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
    RequiredAt,
    RowCondition,
    Section,
    Signal,
)
from desktop_app.domain.texts import Text
from desktop_app.domain.yaml_source import (
    DefinitionError,
    LocatedDict,
    LocatedList,
    ParsedCache,
    load_yaml_text,
)
from desktop_app.messages import Message

_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
_CHOICE_VALUE_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")

_TOP_KEYS = ("id", "version", "title", "description", "languages", "reference_date",
             "sections")
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
    "signal",
)
_COLUMN_KEYS = ("id", "type", "label", "help", "required", "choices", "birth_date",
                "only_when")
_CHOICE_KEYS = ("value", "label", "help")
_CONSTRAINT_KEYS = ("value", "message")
_COMBINATOR_KEYS = ("all", "any", "not")
_OP_KEYS = tuple(op.value for op in ConditionOp)

_PLACEHOLDER_TYPES = frozenset(
    {FieldType.TEXT, FieldType.LONG_TEXT, FieldType.NUMBER, FieldType.BSN, FieldType.DATE}
)

_AGE_OPS = frozenset({ConditionOp.AGE_AT_LEAST, ConditionOp.AGE_BELOW})
# An age in whole years: anything above this is a typo, not a rule.
_MAX_AGE = 130

# How `required:` is written: true (needed during the conversation), false, or overdracht
# (needed only when the intake is marked klaar voor overdracht).
_REQUIRED_TRANSFER = "overdracht"

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
        {ConditionOp.AT_LEAST, ConditionOp.AT_MOST, ConditionOp.ANSWERED, ConditionOp.HAS_ROW}
    ),
    FieldType.TEXT: frozenset({ConditionOp.ANSWERED}),
    FieldType.LONG_TEXT: frozenset({ConditionOp.ANSWERED}),
    # Ages only on a birth date (checked separately: `birth_date: true`).
    FieldType.DATE: frozenset(
        {ConditionOp.ANSWERED, ConditionOp.AGE_AT_LEAST, ConditionOp.AGE_BELOW}
    ),
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
            source, None, Message("definition.unreadable", reason=err.strerror or "")
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(source, None, Message("definition.form.not_utf8")) from None
    return _parse(text, raw, source)


_PARSED: ParsedCache[FormDefinition] = ParsedCache()


def _parse(text: str, raw: bytes, source: str) -> FormDefinition:
    content_hash = hashlib.sha256(raw).hexdigest()
    return _PARSED.get((source, content_hash), lambda: _Loader(source).form(
        load_yaml_text(text, source), content_hash))


# ---------------------------------------------------------------------------------------------


def _describe(value: Any) -> Message:
    """How a YAML value looks to an editor, for 'you wrote X' messages. The value itself is
    shown as YAML spells it (true, 1.5, 2020-01-01), not as a sentence would."""
    if value is None:
        return Message("definition.form.value.nothing")
    if isinstance(value, bool):
        return Message("definition.form.value.yes_no", value=str(value).lower())
    if isinstance(value, int | float):
        return Message("definition.form.value.number", value=str(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return Message("definition.form.value.text", text=shown)
    if isinstance(value, dt.date):
        return Message("definition.form.value.date", date=value.isoformat())
    if isinstance(value, list):
        return Message("definition.form.value.list")
    if isinstance(value, dict):
        return Message("definition.form.value.block")
    return Message("definition.form.value.unknown")


def _bool_hint(value: Any) -> Message | None:
    """YAML reads yes/no/on/off as true/false: say so where text was expected."""
    return Message("definition.form.bool_hint") if isinstance(value, bool) else None


def _close_match(word: str, options: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1)
    return close[0] if close else None


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
        self.reference_date: str | None = None

    def fail(self, line: int | None, problem: Message, hint: Message | None = None) -> NoReturn:
        if hint is not None:
            problem = Message("definition.form.with_hint", problem=problem, hint=hint)
        raise DefinitionError(self.source, line, problem)

    def example(self) -> str:
        """How a text in every promised language is written: {nl: ..., en: ...}."""
        return "{" + ", ".join(f"{lang}: ..." for lang in self.languages) + "}"

    # -- generic checks -------------------------------------------------------------------------

    def mapping(self, node: Any, line: int, what: Message) -> LocatedDict:
        if not isinstance(node, LocatedDict):
            self.fail(line, Message("definition.form.not_a_block", what=what,
                                    value=_describe(node)))
        return node

    def check_keys(self, node: LocatedDict, allowed: tuple[str, ...], what: Message) -> None:
        for key in node:
            if key not in allowed:
                close = _close_match(key, allowed)
                self.fail(
                    node.line_of(key),
                    Message("definition.form.unknown_key.close", key=key, what=what,
                            close=close, allowed=_listing(allowed)) if close
                    else Message("definition.form.unknown_key", key=key, what=what,
                                 allowed=_listing(allowed)),
                )

    def require(self, node: LocatedDict, key: str, what: Message) -> Any:
        if key not in node or node[key] is None:
            line = node.line_of(key) if key in node else node.line
            self.fail(line, Message("definition.form.missing_key", key=key, what=what))
        return node[key]

    def identifier(self, node: LocatedDict, what: Message) -> str:
        value = self.require(node, "id", what)
        if not isinstance(value, str) or not _ID_PATTERN.fullmatch(value):
            self.fail(node.line_of("id"), Message("definition.form.bad_id", what=what,
                                                  value=_describe(value)))
        return value

    def boolean(self, node: LocatedDict, key: str, what: Message) -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.fail(node.line_of(key), Message("definition.form.not_true_or_false", key=key,
                                                 what=what, value=_describe(value)))
        return value

    def text(self, node: LocatedDict, key: str, what: Message, *,
             required: bool) -> Text | None:
        if key not in node or node[key] is None:
            if required:
                self.require(node, key, what)
            return None
        return self.text_value(node[key], node.line_of(key),
                               Message("definition.form.what.key", key=key, what=what))

    def text_value(self, value: Any, line: int, what: Message) -> Text:
        languages = ", ".join(self.languages)
        if isinstance(value, str):
            if not value.strip():
                self.fail(line, Message("definition.form.text_empty", what=what))
            if self.languages != ("nl",):
                self.fail(line, Message("definition.form.text_one_language", what=what,
                                        languages=languages, example=self.example()))
            return Text(nl=value)
        if isinstance(value, LocatedDict):
            self.check_keys(value, SUPPORTED_LANGUAGES,
                            Message("definition.form.what.languages", what=what))
            texts: dict[str, str] = {}
            for lang in SUPPORTED_LANGUAGES:
                if lang not in value:
                    continue
                item = value[lang]
                item_line = value.line_of(lang)
                if not isinstance(item, str):
                    self.fail(item_line, Message("definition.form.text_in_language_not_text",
                                                 what=what, lang=lang, value=_describe(item)),
                              _bool_hint(item))
                if not item.strip():
                    self.fail(item_line, Message("definition.form.text_in_language_empty",
                                                 what=what, lang=lang))
                texts[lang] = item
            for lang in self.languages:
                if lang not in texts:
                    self.fail(value.line, Message("definition.form.text_language_missing",
                                                  what=what, lang=lang, languages=languages,
                                                  example=self.example()))
            return Text(nl=texts["nl"], en=texts.get("en"))
        self.fail(line, Message("definition.form.not_text", what=what, example=self.example(),
                                value=_describe(value)), _bool_hint(value))

    def sequence(self, node: LocatedDict, key: str, what: Message) -> LocatedList:
        value = node[key]
        if not isinstance(value, LocatedList):
            self.fail(node.line_of(key), Message("definition.form.not_a_list", key=key,
                                                 what=what, value=_describe(value)))
        return value

    # -- the form -------------------------------------------------------------------------------

    def form(self, document: Any, content_hash: str) -> FormDefinition:
        if document is None:
            self.fail(None, Message("definition.form.empty_file"))
        the_form = Message("definition.form.what.form")
        top = self.mapping(document, 1, the_form)
        self.check_keys(top, _TOP_KEYS, the_form)
        form_id = self.identifier(top, the_form)
        version = self.require(top, "version", the_form)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.fail(top.line_of("version"), Message("definition.form.bad_version",
                                                      value=_describe(version)))
        self.languages = self.language_list(top)
        title = self.text(top, "title", the_form, required=True)
        assert title is not None
        description = self.text(top, "description", the_form, required=False)

        self.require(top, "sections", the_form)
        section_nodes = self.sequence(top, "sections", the_form)
        if not section_nodes:
            self.fail(top.line_of("sections"), Message("definition.form.no_sections"))

        section_headers: list[dict[str, Any]] = []
        pending: list[_PendingField] = []
        field_lines: dict[str, tuple[int, str]] = {}
        section_lines: dict[str, int] = {}
        for index, raw_section in enumerate(section_nodes):
            section_node = self.mapping(raw_section, section_nodes.line_of(index),
                                        Message("definition.form.what.a_section"))
            header, fields = self.section(section_node, index, field_lines)
            if header["id"] in section_lines:
                self.fail(section_node.line_of("id"), Message(
                    "definition.form.duplicate_section", id=header["id"],
                    line=section_lines[header["id"]]))
            section_lines[header["id"]] = section_node.line_of("id")
            section_headers.append(header)
            pending.extend(fields)

        field_types = {p.kwargs["id"]: p for p in pending}
        self.reference_date = self.reference_field(top, field_types)
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
            reference_date=self.reference_date,
        )

    def reference_field(self, top: LocatedDict, fields: dict[str, _PendingField]) -> str | None:
        """`reference_date:` names the date field that ages are computed on (the date of the
        conversation); without it, ages are computed on today's date."""
        if "reference_date" not in top:
            return None
        value = top["reference_date"]
        target = fields.get(value) if isinstance(value, str) else None
        if target is None or target.kwargs["type"] is not FieldType.DATE or (
            target.kwargs["birth_date"]
        ):
            self.fail(top.line_of("reference_date"), Message(
                "definition.form.reference_date_wrong", value=_describe(value)))
        assert isinstance(value, str)
        return value

    def language_list(self, top: LocatedDict) -> tuple[str, ...]:
        if "languages" not in top:
            return ("nl",)
        value = top["languages"]
        line = top.line_of("languages")
        allowed = ", ".join(SUPPORTED_LANGUAGES)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(line, Message("definition.form.languages_not_a_list",
                                    example=f"[{allowed}]", allowed=allowed))
        unknown = [v for v in value if v not in SUPPORTED_LANGUAGES]
        if unknown or "nl" not in value or len(set(value)) != len(value):
            self.fail(line, Message("definition.form.languages_wrong", value=str(value),
                                    allowed=allowed))
        return tuple(lang for lang in SUPPORTED_LANGUAGES if lang in value)

    def section(
        self, node: LocatedDict, index: int, field_lines: dict[str, tuple[int, str]]
    ) -> tuple[dict[str, Any], list[_PendingField]]:
        self.check_keys(node, _SECTION_KEYS, Message("definition.form.what.a_section"))
        section_id = self.identifier(node, Message("definition.form.what.a_section"))
        what = Message("definition.form.what.section", id=section_id)
        header: dict[str, Any] = {
            "id": section_id,
            "title": self.text(node, "title", what, required=True),
            "help": self.text(node, "help", what, required=False),
            "relevance_node": node.get("relevance"),
            "relevance_line": node.line_of("relevance"),
            "id_line": node.line_of("id"),
        }
        if "fields" not in node or node["fields"] is None:
            self.fail(node.line_of("fields") if "fields" in node else node.line,
                      Message("definition.form.no_fields", what=what))
        field_nodes = self.sequence(node, "fields", what)
        if not field_nodes:
            self.fail(node.line_of("fields"), Message("definition.form.no_fields", what=what))
        pending: list[_PendingField] = []
        for i, raw in enumerate(field_nodes):
            field_node = self.mapping(raw, field_nodes.line_of(i),
                                      Message("definition.form.what.a_field", section=section_id))
            pending.append(self.field(field_node, index, section_id, field_lines))
        return header, pending

    def field(
        self,
        node: LocatedDict,
        section_index: int,
        section_id: str,
        field_lines: dict[str, tuple[int, str]],
    ) -> _PendingField:
        a_field = Message("definition.form.what.a_field", section=section_id)
        self.check_keys(node, _FIELD_KEYS, a_field)
        field_id = self.identifier(node, a_field)
        if field_id in field_lines:
            earlier_line, earlier_section = field_lines[field_id]
            self.fail(node.line_of("id"), Message(
                "definition.form.duplicate_field", id=field_id, line=earlier_line,
                section=earlier_section))
        field_lines[field_id] = (node.line_of("id"), section_id)
        what = Message("definition.form.what.field", id=field_id)
        field_type = self.field_type(node, what, allowed=tuple(FieldType))

        required, required_at = self.required(node, what)
        required_message = self.text(node, "required_message", what, required=False)
        if required_message is not None and not required:
            self.fail(node.line_of("required_message"),
                      Message("definition.form.required_message_not_required", what=what))
        placeholder = self.text(node, "placeholder", what, required=False)
        if placeholder is not None and field_type not in _PLACEHOLDER_TYPES:
            self.fail(node.line_of("placeholder"), Message(
                "definition.form.placeholder_wrong_type", what=what, type=field_type.value,
                allowed=_listing(t.value for t in _PLACEHOLDER_TYPES)))
        birth_date = self.boolean(node, "birth_date", what)
        if birth_date and field_type is not FieldType.DATE:
            self.fail(node.line_of("birth_date"), Message(
                "definition.form.birth_date_not_date", what=what, type=field_type.value))
        signal: Signal | None = None
        if "signal" in node:
            try:
                signal = Signal(node["signal"])
            except ValueError:
                self.fail(node.line_of("signal"), Message(
                    "definition.form.unknown_signal", what=what, signal=str(node["signal"]),
                    allowed=_listing(s.value for s in Signal)))
            if field_type is not FieldType.YES_NO:
                self.fail(node.line_of("signal"), Message(
                    "definition.form.signal_not_yes_no", what=what, type=field_type.value))
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
                "signal": signal,
                "required_at": required_at,
            },
            relevance_node=node.get("relevance"),
            relevance_line=node.line_of("relevance"),
            line=node.line,
        )

    def required(self, node: LocatedDict, what: Message) -> tuple[bool, RequiredAt]:
        value = node.get("required", False)
        if value == _REQUIRED_TRANSFER:
            return True, RequiredAt.TRANSFER
        if not isinstance(value, bool):
            self.fail(node.line_of("required"), Message(
                "definition.form.required_wrong", what=what, value=_describe(value)))
        return value, RequiredAt.CONVERSATION

    def field_type(self, node: LocatedDict, what: Message,
                   allowed: Iterable[FieldType]) -> FieldType:
        raw = self.require(node, "type", what)
        allowed_values = [t.value for t in allowed]
        if not isinstance(raw, str) or raw not in allowed_values:
            close = _close_match(raw, allowed_values) if isinstance(raw, str) else None
            shown: str | Message = (f"'{raw}'" if isinstance(raw, str) else
                                    Message("definition.form.in_brackets", value=_describe(raw)))
            self.fail(
                node.line_of("type"),
                Message("definition.form.unknown_type.close", type=shown, what=what,
                        close=close, allowed=", ".join(allowed_values)) if close
                else Message("definition.form.unknown_type", type=shown, what=what,
                             allowed=", ".join(allowed_values)),
            )
        return FieldType(raw)

    def choices(self, node: LocatedDict, what: Message,
                field_type: FieldType) -> tuple[Choice, ...]:
        needs = field_type in (FieldType.CHOICE, FieldType.MULTI_CHOICE)
        if "choices" not in node or node["choices"] is None:
            if needs:
                self.fail(node.line_of("choices") if "choices" in node else node.line, Message(
                    "definition.form.choices_missing", what=what, type=field_type.value))
            return ()
        if not needs:
            self.fail(node.line_of("choices"), Message(
                "definition.form.choices_not_allowed", what=what, type=field_type.value))
        items = self.sequence(node, "choices", what)
        if not items:
            self.fail(node.line_of("choices"), Message("definition.form.choices_empty",
                                                       what=what))
        result: list[Choice] = []
        seen: dict[str, int] = {}
        a_choice = Message("definition.form.what.a_choice", what=what)
        for i, raw in enumerate(items):
            item = self.mapping(raw, items.line_of(i), a_choice)
            self.check_keys(item, _CHOICE_KEYS, a_choice)
            value = self.choice_value(item, what)
            if value in seen:
                self.fail(item.line_of("value"), Message(
                    "definition.form.duplicate_choice", value=value, what=what,
                    line=seen[value]))
            seen[value] = item.line_of("value")
            choice_what = Message("definition.form.what.choice", value=value, what=what)
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

    def choice_value(self, item: LocatedDict, what: Message) -> str:
        raw = self.require(item, "value", Message("definition.form.what.a_choice", what=what))
        # A plain number (a score 1..5) is accepted and stored as text: answers are text.
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            raw = str(raw)
        if not isinstance(raw, str) or not _CHOICE_VALUE_PATTERN.fullmatch(raw):
            self.fail(item.line_of("value"), Message("definition.form.bad_choice_value",
                                                     what=what, value=_describe(raw)),
                      _bool_hint(raw))
        return raw

    def columns(self, node: LocatedDict, what: Message,
                field_type: FieldType) -> tuple[Column, ...]:
        needs = field_type is FieldType.PERSON_LIST
        if "columns" not in node or node["columns"] is None:
            if needs:
                self.fail(node.line_of("columns") if "columns" in node else node.line,
                          Message("definition.form.columns_missing", what=what))
            return ()
        if not needs:
            self.fail(node.line_of("columns"), Message(
                "definition.form.columns_not_allowed", what=what, type=field_type.value))
        items = self.sequence(node, "columns", what)
        if not items:
            self.fail(node.line_of("columns"), Message("definition.form.columns_empty",
                                                       what=what))
        result: list[Column] = []
        seen: dict[str, int] = {}
        only_when: list[tuple[int, LocatedDict, Message]] = []
        a_column = Message("definition.form.what.a_column", what=what)
        for i, raw in enumerate(items):
            item = self.mapping(raw, items.line_of(i), a_column)
            self.check_keys(item, _COLUMN_KEYS, a_column)
            column_id = self.identifier(item, a_column)
            if column_id in seen:
                self.fail(item.line_of("id"), Message(
                    "definition.form.duplicate_column", id=column_id, what=what,
                    line=seen[column_id]))
            seen[column_id] = item.line_of("id")
            column_what = Message("definition.form.what.column", id=column_id, what=what)
            column_type = self.field_type(
                item, column_what, allowed=[t for t in FieldType if t in COLUMN_TYPES]
            )
            birth_date = self.boolean(item, "birth_date", column_what)
            if birth_date and column_type is not FieldType.DATE:
                self.fail(item.line_of("birth_date"), Message(
                    "definition.form.column_birth_date_not_date", what=column_what))
            label = self.text(item, "label", column_what, required=True)
            assert label is not None
            if "only_when" in item:
                only_when.append((len(result), item, column_what))
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
        # Resolved once every column is known: `only_when` may look at a later column.
        by_id = {c.id: c for c in result}
        for index, item, column_what in only_when:
            condition = self.row_condition(
                item["only_when"], item.line_of("only_when"), by_id, "only_when", column_what,
                own=result[index].id)
            result[index] = replace(result[index], only_when=condition)
        return tuple(result)

    def row_condition(self, raw: Any, line: int, columns: dict[str, Column], key: str,
                      what: Message, own: str | None = None) -> RowCondition:
        """`{<column id>: [values…]}` on a choice column of a person list (for `only_when`
        and `has_row`)."""
        choice_columns = {c.id: c for c in columns.values()
                          if c.type is FieldType.CHOICE and c.id != own}
        if not isinstance(raw, LocatedDict) or len(raw) != 1:
            self.fail(line, Message("definition.form.row_test_shape", key=key, what=what,
                                    value=_describe(raw)))
        column_id, values = next(iter(raw.items()))
        value_line = raw.line_of(column_id)
        if column_id not in choice_columns:
            self.fail(value_line, Message(
                "definition.form.row_test_column", key=key, what=what, column=column_id,
                allowed=_listing(choice_columns) or Message("definition.form.none")))
        column = choice_columns[column_id]
        if not isinstance(values, list) or not values:
            self.fail(value_line, Message("definition.form.row_test_shape", key=key,
                                          what=what, value=_describe(values)))
        known = column.choice_values()
        result: list[str] = []
        for item in values:
            if isinstance(item, int) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or item not in known:
                self.fail(value_line, Message(
                    "definition.form.not_a_choice_of", value=_quoted(item), field=column_id,
                    choices=", ".join(known)), _bool_hint(item))
            result.append(item)
        return RowCondition(column=column_id, values=tuple(result))

    # -- constraints ----------------------------------------------------------------------------

    def constraints(
        self, node: LocatedDict, what: Message, field_type: FieldType
    ) -> tuple[Constraint, ...]:
        if "constraints" not in node or node["constraints"] is None:
            return ()
        block = self.mapping(node["constraints"], node.line_of("constraints"),
                             Message("definition.form.what.key", key="constraints", what=what))
        allowed = CONSTRAINTS_FOR_TYPE[field_type]
        result: dict[ConstraintKind, Constraint] = {}
        lines: dict[ConstraintKind, int] = {}
        for key in block:
            line = block.line_of(key)
            possible: str | Message = (_listing(k.value for k in allowed)
                                       or Message("definition.form.no_rule"))
            if key not in {k.value for k in ConstraintKind}:
                close = _close_match(key, (k.value for k in allowed))
                self.fail(
                    line,
                    Message("definition.form.unknown_rule.close", key=key, what=what,
                            close=close, type=field_type.value, allowed=possible) if close
                    else Message("definition.form.unknown_rule", key=key, what=what,
                                 type=field_type.value, allowed=possible),
                )
            kind = ConstraintKind(key)
            if kind not in allowed:
                self.fail(line, Message("definition.form.rule_wrong_type", key=key, what=what,
                                        type=field_type.value, allowed=possible))
            raw = block[key]
            message: Text | None = None
            value_line = line
            if isinstance(raw, LocatedDict):
                rule = Message("definition.form.what.rule", key=key, what=what)
                self.check_keys(raw, _CONSTRAINT_KEYS, rule)
                message = self.text(raw, "message", rule, required=False)
                value_line = raw.line_of("value")
                raw = self.require(raw, "value", rule)
            result[kind] = self.constraint(kind, raw, message, value_line, what)
            lines[kind] = line
        self.check_pair(result, lines, ConstraintKind.MIN_LENGTH, ConstraintKind.MAX_LENGTH, what)
        self.check_pair(result, lines, ConstraintKind.MIN, ConstraintKind.MAX, what)
        self.check_pair(result, lines, ConstraintKind.MIN_ITEMS, ConstraintKind.MAX_ITEMS, what)
        self.check_pair(result, lines, ConstraintKind.NOT_BEFORE, ConstraintKind.NOT_AFTER, what)
        return tuple(result.values())

    def constraint(
        self, kind: ConstraintKind, raw: Any, message: Text | None, line: int, what: Message
    ) -> Constraint:
        def wrong(expected: str) -> NoReturn:
            self.fail(line, Message("definition.form.rule_wrong_value", key=kind.value,
                                    what=what, expected=Message(
                                        f"definition.form.expected.{expected}"),
                                    value=_describe(raw)),
                      _bool_hint(raw) if expected == "regex" else None)

        if kind in (
            ConstraintKind.MIN_LENGTH,
            ConstraintKind.MAX_LENGTH,
            ConstraintKind.MIN_ITEMS,
            ConstraintKind.MAX_ITEMS,
        ):
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                wrong("count_from_0")
            if kind in (ConstraintKind.MAX_LENGTH, ConstraintKind.MAX_ITEMS) and raw < 1:
                wrong("count_from_1")
            return Constraint(kind, raw, message)
        if kind in (ConstraintKind.MIN, ConstraintKind.MAX):
            if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
                wrong("number")
            return Constraint(kind, raw, message)
        if kind in (ConstraintKind.INTEGER, ConstraintKind.NOT_IN_FUTURE):
            if not isinstance(raw, bool):
                wrong("true_or_false")
            return Constraint(kind, raw, message)
        if kind is ConstraintKind.PATTERN:
            if not isinstance(raw, str) or not raw:
                wrong("regex")
            try:
                compiled = re.compile(raw)
            except re.error as err:
                # Python's own explanation is English and technical; it is kept as it is.
                self.fail(line, Message("definition.form.bad_regex", what=what, error=err.msg,
                                        position=err.pos if err.pos is not None else "?"))
            return Constraint(kind, raw, message, compiled=compiled)
        # not_before / not_after: YAML turns an unquoted 2000-01-01 into a date already.
        if isinstance(raw, dt.datetime):
            wrong("date_without_time")
        if isinstance(raw, str):
            try:
                raw = dt.date.fromisoformat(raw)
            except ValueError:
                wrong("existing_date")
        if not isinstance(raw, dt.date):
            wrong("date")
        return Constraint(kind, raw, message)

    def check_pair(
        self,
        found: dict[ConstraintKind, Constraint],
        lines: dict[ConstraintKind, int],
        low: ConstraintKind,
        high: ConstraintKind,
        what: Message,
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
                self.fail(lines[low], Message(
                    "definition.form.limits_crossed", what=what, low=low.value,
                    low_value=_plain(low_value), high=high.value,
                    high_value=_plain(high_value)))

    # -- relevance ------------------------------------------------------------------------------

    def condition(self, raw: Any, line: int, fields: dict[str, _PendingField]) -> Condition:
        if not isinstance(raw, LocatedDict):
            self.fail(line, Message("definition.form.condition_not_a_block",
                                    value=_describe(raw)))
        node = raw
        combinators = [k for k in node if k in _COMBINATOR_KEYS]
        if combinators:
            if len(node) != 1:
                self.fail(node.line, Message(
                    "definition.form.combinator_not_alone", key=combinators[0],
                    others=", ".join(k for k in node if k != combinators[0])))
            key = combinators[0]
            key_line = node.line_of(key)
            if key == "not":
                return NotCondition(self.condition(node["not"], key_line, fields))
            items = node[key]
            if not isinstance(items, LocatedList) or not items:
                self.fail(key_line, Message("definition.form.combinator_needs_list", key=key))
            parts = tuple(
                self.condition(item, items.line_of(i), fields) for i, item in enumerate(items)
            )
            return AllOf(parts) if key == "all" else AnyOf(parts)

        a_condition = Message("definition.form.what.condition")
        self.check_keys(node, ("field", *_OP_KEYS), a_condition)
        target = self.require(node, "field", a_condition)
        ops = [k for k in node if k in _OP_KEYS]
        if len(ops) != 1:
            self.fail(node.line, Message(
                "definition.form.condition_needs_one_test",
                found=", ".join(ops) if ops else Message("definition.form.none"),
                allowed=", ".join(_OP_KEYS)))
        op = ConditionOp(ops[0])
        if not isinstance(target, str) or target not in fields:
            close = _close_match(target, fields) if isinstance(target, str) else None
            self.fail(
                node.line_of("field"),
                Message("definition.form.unknown_field.close", field=_quoted(target),
                        close=close) if close
                else Message("definition.form.unknown_field", field=_quoted(target)),
            )
        target_field = fields[target]
        field_type: FieldType = target_field.kwargs["type"]
        if op not in _OPS_FOR_TYPE[field_type]:
            self.fail(node.line_of(op.value), Message(
                "definition.form.test_wrong_type", test=op.value, field=target,
                type=field_type.value,
                allowed=_listing(o.value for o in _OPS_FOR_TYPE[field_type])))
        op_line = node.line_of(op.value)
        if op in _AGE_OPS:
            if not target_field.kwargs["birth_date"]:
                self.fail(op_line, Message("definition.form.age_needs_birth_date",
                                           test=op.value, field=target))
            age = node[op.value]
            if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= _MAX_AGE:
                self.fail(op_line, Message("definition.form.age_not_years", test=op.value,
                                           limit=_MAX_AGE, value=_describe(age)))
            return FieldCondition(field=target, op=op, value=age,
                                  reference=self.reference_date)
        if op is ConditionOp.HAS_ROW:
            columns = {c.id: c for c in target_field.kwargs["columns"]}
            row = self.row_condition(node[op.value], op_line, columns, op.value,
                                     Message("definition.form.what.field", id=target))
            return FieldCondition(field=target, op=op, value=row.values, row=row)
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
                self.fail(line, Message("definition.form.not_a_choice_of", value=_quoted(item),
                                        field=target, choices=", ".join(values)),
                          _bool_hint(item))
            return item

        if op is ConditionOp.ANSWERED:
            if not isinstance(raw, bool):
                self.fail(line, Message("definition.form.answered_not_true_or_false",
                                        value=_describe(raw)))
            return raw
        if op is ConditionOp.IN:
            if not isinstance(raw, list) or not raw:
                self.fail(line, Message("definition.form.in_needs_list"))
            return tuple(as_choice(item) for item in raw)
        if op is ConditionOp.CONTAINS:
            return as_choice(raw)
        if op is ConditionOp.EQUALS:
            if field_type is FieldType.CHOICE:
                return as_choice(raw)
            if field_type is FieldType.YES_NO:
                if not isinstance(raw, bool):
                    self.fail(line, Message("definition.form.equals_yes_no", field=target,
                                            value=_describe(raw)))
                return raw
        # equals on a number, at_least, at_most
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            self.fail(line, Message("definition.form.test_not_a_number", test=op.value,
                                    value=_describe(raw)))
        if field_type in (FieldType.MULTI_CHOICE, FieldType.PERSON_LIST) and (
            not isinstance(raw, int) or raw < 0
        ):
            self.fail(line, Message("definition.form.test_counts", test=op.value))
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
                            self.fail(relevance_line[f.id],
                                      Message("definition.form.depends_on_itself", field=f.id))
                        deps.append((ref, relevance_line[f.id]))
                for ref in section_refs:
                    if ref in {g.id for g in section.fields}:
                        self.fail(header["relevance_line"], Message(
                            "definition.form.section_depends_on_own_field", section=section.id,
                            field=ref))
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
                    self.fail(line, Message("definition.form.cycle", cycle=" → ".join(cycle)))
                if state.get(dep) is None:
                    visit(dep)
            path.pop()
            state[node] = 2
            order.append(node)

        for f_id in edges:
            if f_id not in state:
                visit(f_id)
        return tuple(order)


def _quoted(value: Any) -> str | Message:
    """A name as the editor typed it: quoted text, or a description of a non-text value."""
    return f"'{value}'" if isinstance(value, str) else _describe(value)


def _plain(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)

"""The form definition model: what a conversation form (gespreksformulier) consists of.

Definitions are written in YAML by a municipality (see `forms_loader.py`) and turned into the
frozen objects below. They are immutable so that a draft can safely keep a reference to the
exact definition it was started with (DESIGN.md: a changed definition never rewrites a draft).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from desktop_app.domain.people import age_on, parse_date
from desktop_app.domain.texts import Text
from desktop_app.messages import Message

SUPPORTED_LANGUAGES: tuple[str, ...] = ("nl", "en")


# Text lives in domain/texts.py (one type for every definition file).


class FieldType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    NUMBER = "number"
    BSN = "bsn"
    PERSON_LIST = "person_list"

    @property
    def label(self) -> Message:
        """Its plain name ("korte tekst", "short text"), for messages to workers."""
        return Message(f"field.type.{self.value}")


# Column types a person list may use: one line per person keeps the table readable.
COLUMN_TYPES: frozenset[FieldType] = frozenset(
    {FieldType.TEXT, FieldType.DATE, FieldType.CHOICE, FieldType.YES_NO}
)


class ConstraintKind(StrEnum):
    MIN_LENGTH = "min_length"
    MAX_LENGTH = "max_length"
    PATTERN = "pattern"
    MIN = "min"
    MAX = "max"
    INTEGER = "integer"
    NOT_IN_FUTURE = "not_in_future"
    NOT_BEFORE = "not_before"
    NOT_AFTER = "not_after"
    MIN_ITEMS = "min_items"
    MAX_ITEMS = "max_items"


# Which constraints make sense for which field type. Patterns are only for single-line text:
# a regex over a pasted megabyte of long text is a needless risk of catastrophic backtracking.
CONSTRAINTS_FOR_TYPE: dict[FieldType, frozenset[ConstraintKind]] = {
    FieldType.TEXT: frozenset(
        {ConstraintKind.MIN_LENGTH, ConstraintKind.MAX_LENGTH, ConstraintKind.PATTERN}
    ),
    FieldType.LONG_TEXT: frozenset({ConstraintKind.MIN_LENGTH, ConstraintKind.MAX_LENGTH}),
    FieldType.DATE: frozenset(
        {ConstraintKind.NOT_IN_FUTURE, ConstraintKind.NOT_BEFORE, ConstraintKind.NOT_AFTER}
    ),
    FieldType.NUMBER: frozenset({ConstraintKind.MIN, ConstraintKind.MAX, ConstraintKind.INTEGER}),
    FieldType.MULTI_CHOICE: frozenset({ConstraintKind.MIN_ITEMS, ConstraintKind.MAX_ITEMS}),
    FieldType.PERSON_LIST: frozenset({ConstraintKind.MIN_ITEMS, ConstraintKind.MAX_ITEMS}),
    FieldType.CHOICE: frozenset(),
    FieldType.YES_NO: frozenset(),
    FieldType.BSN: frozenset(),
}


@dataclass(frozen=True, slots=True)
class Constraint:
    """One rule an answer must meet. `message` None means: use the built-in message."""

    kind: ConstraintKind
    value: int | float | bool | str | dt.date
    message: Text | None = None
    # Compiled once at load time, so an invalid regex is a load error, not a runtime crash.
    compiled: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def number(self) -> float:
        """The numeric limit of a length, count or min/max constraint."""
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise TypeError(f"constraint {self.kind.value} has no numeric value")
        return self.value


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text
    help: Text | None = None


@dataclass(frozen=True, slots=True)
class RowCondition:
    """`{<column id>: [values…]}`: a row whose choice column holds one of the values."""

    column: str
    values: tuple[str, ...]

    def matches(self, row: Any) -> bool:
        return isinstance(row, Mapping) and row.get(self.column) in self.values


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a person list (e.g. name, relation, birth date, holds custody)."""

    id: str
    type: FieldType
    label: Text
    help: Text | None = None
    required: bool = False
    choices: tuple[Choice, ...] = ()
    birth_date: bool = False
    # Asked only for the rows that match (e.g. a birth date only for children): collect no
    # more than needed (AVG art. 5(1)(c)).
    only_when: RowCondition | None = None

    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def asked_for(self, row: Mapping[str, Any]) -> bool:
        """Whether this column is asked for this row (always, unless `only_when` says not)."""
        return self.only_when is None or self.only_when.matches(row)


# ---------------------------------------------------------------------------------------------
# Relevance conditions
# ---------------------------------------------------------------------------------------------


class ConditionOp(StrEnum):
    EQUALS = "equals"
    IN = "in"
    CONTAINS = "contains"
    ANSWERED = "answered"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    # On a birth date: the age in whole years on the reference date (see FieldCondition).
    AGE_AT_LEAST = "age_at_least"
    AGE_BELOW = "age_below"
    # On a person list: at least one row matches (a RowCondition).
    HAS_ROW = "has_row"


_AGE_OPS = frozenset({ConditionOp.AGE_AT_LEAST, ConditionOp.AGE_BELOW})


def is_empty_answer(value: Any) -> bool:
    """No answer: missing, blank text or an empty list. False and 0 *are* answers."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return len(value) == 0
    return False


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _same(answer: Any, expected: Any) -> bool:
    # In Python True == 1; a yes/no answer must never match a number and vice versa.
    if isinstance(answer, bool) or isinstance(expected, bool):
        return isinstance(answer, bool) and isinstance(expected, bool) and answer == expected
    return bool(answer == expected)


def _as_date(value: Any) -> dt.date | None:
    """A date answer (stored as jjjj-mm-dd; dd-mm-jjjj read too) as a date, or None when it
    is not one."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class FieldCondition:
    """`{field: x, <op>: value}`: a test on one answer.

    `age_at_least` / `age_below` take the age on the answer of `reference` (the form's
    `reference_date` field, the date of the conversation) when that is a valid date, else on
    today's date. `has_row` tests the rows of a person list with `row`."""

    field: str
    op: ConditionOp
    value: str | bool | int | float | tuple[str, ...]
    reference: str | None = None
    row: RowCondition | None = None

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        answer = answers.get(self.field)
        empty = is_empty_answer(answer)
        if self.op is ConditionOp.ANSWERED:
            return (not empty) is self.value
        if empty:
            return False
        if self.op in _AGE_OPS:
            return self._age_test(answer, answers)
        if self.op is ConditionOp.HAS_ROW:
            return (isinstance(answer, list) and self.row is not None
                    and any(self.row.matches(r) for r in answer))
        if self.op is ConditionOp.EQUALS:
            return _same(answer, self.value)
        if self.op is ConditionOp.IN:
            assert isinstance(self.value, tuple)
            return isinstance(answer, str) and answer in self.value
        if self.op is ConditionOp.CONTAINS:
            return isinstance(answer, list) and self.value in answer
        # at_least / at_most: a number, or the number of items of a list.
        if isinstance(answer, list):
            amount: float = len(answer)
        elif isinstance(answer, int | float) and _is_number(answer):
            amount = answer
        else:
            return False
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            return False  # the loader never builds this; a number is checked at load time
        limit = float(self.value)
        return amount >= limit if self.op is ConditionOp.AT_LEAST else amount <= limit

    def _age_test(self, answer: Any, answers: Mapping[str, Any]) -> bool:
        birth = _as_date(answer)
        if birth is None or isinstance(self.value, bool) or not isinstance(self.value, int):
            return False
        on = _as_date(answers.get(self.reference)) if self.reference else None
        # The only clock in the model: without a valid date of the conversation, today.
        on = on or dt.date.today()
        if on < birth:
            return False
        age = age_on(birth, on)
        return age >= self.value if self.op is ConditionOp.AGE_AT_LEAST else age < self.value

    def referenced_fields(self) -> frozenset[str]:
        if self.op in _AGE_OPS and self.reference is not None:
            return frozenset({self.field, self.reference})
        return frozenset({self.field})


@dataclass(frozen=True, slots=True)
class AllOf:
    conditions: tuple[Condition, ...]

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        return all(c.evaluate(answers) for c in self.conditions)

    def referenced_fields(self) -> frozenset[str]:
        return frozenset().union(*(c.referenced_fields() for c in self.conditions))


@dataclass(frozen=True, slots=True)
class AnyOf:
    conditions: tuple[Condition, ...]

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        return any(c.evaluate(answers) for c in self.conditions)

    def referenced_fields(self) -> frozenset[str]:
        return frozenset().union(*(c.referenced_fields() for c in self.conditions))


@dataclass(frozen=True, slots=True)
class NotCondition:
    condition: Condition

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        return not self.condition.evaluate(answers)

    def referenced_fields(self) -> frozenset[str]:
        return self.condition.referenced_fields()


Condition = FieldCondition | AllOf | AnyOf | NotCondition


# ---------------------------------------------------------------------------------------------
# Fields, sections, the form
# ---------------------------------------------------------------------------------------------


class RequiredAt(StrEnum):
    """When a required field must be answered. `CONVERSATION` (`required: true`): shown as
    open during the conversation. `TRANSFER` (`required: overdracht`): never a problem during
    the conversation, but needed before the intake is *klaar voor overdracht*."""

    CONVERSATION = "gesprek"
    TRANSFER = "overdracht"


class Signal(StrEnum):
    """What a "ja" on a yes/no field sets in motion (issue 15)."""

    # Concerns about safety: the Meldcode steps and the exception paths of the weighing
    # (ZW-3, ZU-A4A, ZU-A4B), with Veilig Thuis as recipient.
    SAFETY = "veiligheid"


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    type: FieldType
    label: Text
    help: Text | None = None
    placeholder: Text | None = None
    required: bool = False
    required_message: Text | None = None
    constraints: tuple[Constraint, ...] = ()
    relevance: Condition | None = None
    choices: tuple[Choice, ...] = ()
    columns: tuple[Column, ...] = ()
    birth_date: bool = False  # a date field holding a birth date: checked as one
    # A "ja" here means something beyond the form: the program offers the next step.
    signal: Signal | None = None
    # Only meaningful when `required`: from when on the answer is needed.
    required_at: RequiredAt = RequiredAt.CONVERSATION

    def required_by(self, stage: RequiredAt) -> bool:
        """Whether an answer is needed at `stage`: at the conversation only the fields required
        then; at transfer every required field."""
        return self.required and (
            stage is RequiredAt.TRANSFER or self.required_at is RequiredAt.CONVERSATION
        )

    def constraint(self, kind: ConstraintKind) -> Constraint | None:
        for c in self.constraints:
            if c.kind is kind:
                return c
        return None

    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def choice(self, value: str) -> Choice | None:
        for c in self.choices:
            if c.value == value:
                return c
        return None


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    fields: tuple[Field, ...]
    help: Text | None = None
    relevance: Condition | None = None


@dataclass(frozen=True)
class FormDefinition:
    """A loaded, validated form. `content_hash` identifies the exact file a draft used."""

    id: str
    version: int
    title: Text
    sections: tuple[Section, ...]
    content_hash: str  # SHA-256 hex of the file's exact UTF-8 bytes
    source: str  # file name, for messages
    description: Text | None = None
    languages: tuple[str, ...] = ("nl",)
    # The date field ages are computed on (`reference_date:`, the date of the conversation).
    reference_date: str | None = None
    # Field ids in an order where every field comes after the fields its relevance (and its
    # section's relevance) looks at; computed by the loader, which also rejects cycles.
    evaluation_order: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def _field_index(self) -> dict[str, tuple[Section, Field]]:
        return {f.id: (s, f) for s in self.sections for f in s.fields}

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)

    def iter_fields(self) -> Iterator[tuple[Section, Field]]:
        for section in self.sections:
            for f in section.fields:
                yield section, f

    def field(self, field_id: str) -> Field:
        """The field with this id; KeyError when there is none."""
        return self._field_index[field_id][1]

    def has_field(self, field_id: str) -> bool:
        return field_id in self._field_index

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def section_of(self, field_id: str) -> Section:
        return self._field_index[field_id][0]

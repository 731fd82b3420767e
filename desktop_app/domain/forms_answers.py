"""Answers to a form: validation, relevance, progress, and what a newer definition changes.

Answers are JSON-compatible values keyed by field id:
- text, long_text, bsn: str (stored exactly as typed: no Unicode normalisation, no trimming)
- date: ISO date string jjjj-mm-dd (dd-mm-jjjj is accepted too, see `normalise_answer`)
- choice: str (a choice value); multi_choice: list[str]
- yes_no: bool; number: int or float
- person_list: list of rows, each a dict column id -> str (text, date, choice) or bool (yes_no)
Problems are Messages (messages/texts/forms.py, keys `field.*`); the GUI renders them in the
worker's language.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.bsn import bsn_problem, normalise_bsn
from desktop_app.domain.forms_model import (
    Column,
    Constraint,
    ConstraintKind,
    Field,
    FieldType,
    FormDefinition,
    RequiredAt,
    Section,
    is_empty_answer,
)
from desktop_app.domain.people import DateProblem, birth_date_problem, parse_date
from desktop_app.messages import Joined, Message

# Text above this size is refused whatever the form says: it protects the store and the PDF
# writer from a runaway paste, while a pasted 1 MB report still fits comfortably.
HARD_TEXT_LIMIT = 5_000_000
# Patterns (editor-written regexes) are only run on input of sane length, so a long paste can
# never trigger catastrophic backtracking.
PATTERN_INPUT_LIMIT = 1_000
# Longer than any date anyone types: such a value is not echoed back in the message.
_DATE_INPUT_LIMIT = 40



def _custom(constraint: Constraint) -> Message | None:
    """The form's own message for a broken rule (its text in both languages), if it has one."""
    return Message("field.custom", text=constraint.message) if constraint.message else None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: float) -> int | float:
    # Whole numbers without a trailing ",0"; the message renders a decimal comma in Dutch.
    return int(value) if float(value).is_integer() else value


def _wrong_shape(expected: str) -> Message:
    return Message("field.wrong_shape", expected=Message(f"field.expected.{expected}"))


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def normalise_answer(field: Field, value: Any) -> Any:
    """The canonical stored form: dates as ISO jjjj-mm-dd, a BSN as its 9 digits.

    Anything that cannot be normalised is returned unchanged so `validate_answer` can say what
    is wrong. Text is never changed (names keep their exact characters)."""
    if (
        field.type is FieldType.DATE
        and isinstance(value, str)
        and value.strip()
        and len(value) <= _DATE_INPUT_LIMIT
    ):
        try:
            return parse_date(value).isoformat()
        except ValueError:
            return value
    if field.type is FieldType.BSN and isinstance(value, str) and value.strip():
        digits = normalise_bsn(value)
        if bsn_problem(digits) is None:
            return digits.zfill(9)
    return value


def validate_answer(
    field: Field, value: Any, today: dt.date, stage: RequiredAt = RequiredAt.CONVERSATION
) -> list[Message]:
    """Problems with `value` as an answer to `field`; an empty list when it is fine.

    An empty answer is only a problem when the field is required at `stage` (its
    required_message): a field with `required: overdracht` is never a problem during the
    conversation, only at RequiredAt.TRANSFER."""
    if is_empty_answer(value):
        if field.required_by(stage):
            return [Message("field.custom", text=field.required_message)
                    if field.required_message else Message("field.required")]
        return []
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.LONG_TEXT):
        return _text_problems(field, value)
    if kind is FieldType.DATE:
        return _date_problems(value, today, birth_date=field.birth_date, field=field)
    if kind is FieldType.CHOICE:
        if not isinstance(value, str):
            return [_wrong_shape("choice")]
        return [] if value in field.choice_values() else [Message("field.not_a_choice")]
    if kind is FieldType.MULTI_CHOICE:
        return _multi_choice_problems(field, value)
    if kind is FieldType.YES_NO:
        return [] if isinstance(value, bool) else [_wrong_shape("yes_no")]
    if kind is FieldType.NUMBER:
        return _number_problems(field, value)
    if kind is FieldType.BSN:
        if not isinstance(value, str):
            return [_wrong_shape("bsn")]
        problem = bsn_problem(value)
        return [] if problem is None else [problem]
    return _person_list_problems(field, value, today)


def _text_problems(field: Field, value: Any) -> list[Message]:
    if not isinstance(value, str):
        return [_wrong_shape("text")]
    count = len(value)
    if count > HARD_TEXT_LIMIT:
        return [Message("field.hard_limit", count=count, limit=HARD_TEXT_LIMIT)]
    problems: list[Message] = []
    max_length = field.constraint(ConstraintKind.MAX_LENGTH)
    if max_length is not None and count > max_length.number():
        problems.append(_custom(max_length) or Message(
            "field.max_length", limit=_number(max_length.number()), count=count))
    min_length = field.constraint(ConstraintKind.MIN_LENGTH)
    if min_length is not None and len(value.strip()) < min_length.number():
        problems.append(_custom(min_length) or Message(
            "field.min_length", limit=_number(min_length.number()), count=len(value.strip())))
    pattern = field.constraint(ConstraintKind.PATTERN)
    if pattern is not None and pattern.compiled is not None:
        candidate = value.strip()
        if len(candidate) > PATTERN_INPUT_LIMIT:
            problems.append(Message("field.pattern_too_long", limit=PATTERN_INPUT_LIMIT))
        elif pattern.compiled.fullmatch(candidate) is None:
            problems.append(_custom(pattern) or Message("field.pattern"))
    return problems


def _parse_answer_date(value: Any) -> tuple[dt.date | None, Message | None]:
    if not isinstance(value, str):
        return None, _wrong_shape("date")
    if len(value) > _DATE_INPUT_LIMIT:
        return None, Message("field.not_a_date")
    try:
        return parse_date(value), None
    except DateProblem as err:
        # A non-existent date (31-02) is told apart from text that is no date at all; the
        # field's message does not repeat what was typed (it is right above it).
        if err.message.key == "date.impossible":
            return None, Message("field.impossible_date")
        return None, Message("field.not_a_date")


def _date_problems(
    value: Any, today: dt.date, *, birth_date: bool, field: Field | None
) -> list[Message]:
    parsed, problem = _parse_answer_date(value)
    if parsed is None:
        return [problem or Message("field.not_a_date")]
    problems: list[Message] = []
    if birth_date:
        birth = birth_date_problem(parsed, today)
        if birth is not None:
            problems.append(birth)
    if field is None:
        return problems
    future = field.constraint(ConstraintKind.NOT_IN_FUTURE)
    if (
        future is not None
        and future.value is True
        and parsed > today
        and not (birth_date and problems)
    ):
        problems.append(_custom(future) or Message("field.not_in_future"))
    before = field.constraint(ConstraintKind.NOT_BEFORE)
    if before is not None and isinstance(before.value, dt.date) and parsed < before.value:
        problems.append(_custom(before) or Message("field.not_before", limit=before.value))
    after = field.constraint(ConstraintKind.NOT_AFTER)
    if after is not None and isinstance(after.value, dt.date) and parsed > after.value:
        problems.append(_custom(after) or Message("field.not_after", limit=after.value))
    return problems


def _count_problems(field: Field, count: int) -> list[Message]:
    problems: list[Message] = []
    low = field.constraint(ConstraintKind.MIN_ITEMS)
    if low is not None and count < low.number():
        problems.append(_custom(low) or Message("field.min_items", limit=_number(low.number())))
    high = field.constraint(ConstraintKind.MAX_ITEMS)
    if high is not None and count > high.number():
        problems.append(_custom(high) or Message("field.max_items", limit=_number(high.number())))
    return problems


def _multi_choice_problems(field: Field, value: Any) -> list[Message]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return [_wrong_shape("choices")]
    problems: list[Message] = []
    allowed = set(field.choice_values())
    if any(v not in allowed for v in value):
        problems.append(Message("field.not_a_choice"))
    if len(set(value)) != len(value):
        problems.append(Message("field.duplicate_choice"))
    return problems + _count_problems(field, len(value))


def _number_problems(field: Field, value: Any) -> list[Message]:
    if not _is_number(value) or not math.isfinite(value):
        return [Message("field.not_a_number")]
    problems: list[Message] = []
    integer = field.constraint(ConstraintKind.INTEGER)
    if integer is not None and integer.value is True and not float(value).is_integer():
        problems.append(_custom(integer) or Message("field.integer"))
    low = field.constraint(ConstraintKind.MIN)
    if low is not None and value < low.number():
        problems.append(_custom(low) or Message("field.min", limit=_number(low.number())))
    high = field.constraint(ConstraintKind.MAX)
    if high is not None and value > high.number():
        problems.append(_custom(high) or Message("field.max", limit=_number(high.number())))
    return problems


def _cell_problems(
    column: Column, cell: Any, today: dt.date, row: Mapping[str, Any], field: Field
) -> list[Message]:
    if not column.asked_for(row):
        if is_empty_answer(cell):
            return []
        condition = column.only_when
        assert condition is not None
        by_id = {c.id: c for c in field.columns}
        decisive = by_id[condition.column]
        labels = [c.label for c in decisive.choices if c.value in condition.values]
        return [Message("field.only_when", column=decisive.label, values=Joined(labels))]
    if is_empty_answer(cell):
        return [Message("field.required")] if column.required else []
    if column.type is FieldType.TEXT:
        if not isinstance(cell, str):
            return [_wrong_shape("text")]
        if len(cell) > HARD_TEXT_LIMIT:
            return [Message("field.hard_limit", count=len(cell), limit=HARD_TEXT_LIMIT)]
        return []
    if column.type is FieldType.DATE:
        return _date_problems(cell, today, birth_date=column.birth_date, field=None)
    if column.type is FieldType.CHOICE:
        if isinstance(cell, str) and cell in column.choice_values():
            return []
        return [Message("field.not_a_choice")]
    # yes_no
    return [] if isinstance(cell, bool) else [_wrong_shape("yes_no")]


def _person_list_problems(field: Field, value: Any, today: dt.date) -> list[Message]:
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        return [_wrong_shape("people")]
    problems: list[Message] = []
    known = {c.id for c in field.columns}
    for number, row in enumerate(value, start=1):
        if any(key not in known for key in row):
            problems.append(Message("field.row_unknown_column", row=number))
            continue
        if all(is_empty_answer(row.get(c.id)) for c in field.columns):
            problems.append(Message("field.row_empty", row=number))
            continue
        for column in field.columns:
            for problem in _cell_problems(column, row.get(column.id), today, row, field):
                problems.append(Message("field.row_problem", row=number, column=column.label,
                                        problem=problem))
    return problems + _count_problems(field, len(value))


# ---------------------------------------------------------------------------------------------
# Relevance and progress
# ---------------------------------------------------------------------------------------------


def effective_answers(form: FormDefinition, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers that count: answers to fields that are hidden are left out.

    A draft keeps what was typed into a field that later became hidden (the worker may change
    their mind back), but a hidden answer must not make other fields appear."""
    result = dict(answers)
    for field_id in form.evaluation_order:
        section = form.section_of(field_id)
        field = form.field(field_id)
        shown = (section.relevance is None or section.relevance.evaluate(result)) and (
            field.relevance is None or field.relevance.evaluate(result)
        )
        if not shown:
            result.pop(field_id, None)
    return result


def is_relevant(
    item: Section | Field, answers: Mapping[str, Any], form: FormDefinition | None = None
) -> bool:
    """Whether a section or field is shown for these answers.

    Without `form` only the item's own condition is tested on `answers` as given. With `form`,
    hidden fields count as unanswered and a field in a hidden section is hidden too."""
    if form is None:
        return item.relevance is None or item.relevance.evaluate(answers)
    effective = effective_answers(form, answers)
    if isinstance(item, Field):
        section = form.section_of(item.id)
        if section.relevance is not None and not section.relevance.evaluate(effective):
            return False
    return item.relevance is None or item.relevance.evaluate(effective)


def visible_sections(form: FormDefinition, answers: Mapping[str, Any]) -> list[Section]:
    effective = effective_answers(form, answers)
    return [s for s in form.sections if s.relevance is None or s.relevance.evaluate(effective)]


def visible_fields(
    form: FormDefinition, answers: Mapping[str, Any], section: Section | None = None
) -> list[Field]:
    """Fields shown for these answers, in form order (only of `section` when given)."""
    effective = effective_answers(form, answers)
    result: list[Field] = []
    for s in form.sections if section is None else (section,):
        if s.relevance is not None and not s.relevance.evaluate(effective):
            continue
        result.extend(f for f in s.fields if f.relevance is None or f.relevance.evaluate(effective))
    return result


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field_id: str
    message: Message


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """How far a section is. Hidden fields do not count; a wrong answer does not count as
    answered (it is listed in `problems`)."""

    required_total: int
    required_answered: int
    problems: tuple[FieldProblem, ...]
    missing: tuple[str, ...] = ()  # ids of required, visible fields without an answer

    @property
    def complete(self) -> bool:
        return self.required_answered == self.required_total and not self.problems


def section_progress(
    form: FormDefinition,
    section: Section,
    answers: Mapping[str, Any],
    today: dt.date | None = None,
    stage: RequiredAt = RequiredAt.CONVERSATION,
) -> SectionProgress:
    """Progress of one section. During the conversation (the default) only fields required
    then count; with `stage=RequiredAt.TRANSFER` the fields with `required: overdracht` count
    too (the *klaar voor overdracht* check)."""
    today = today or dt.date.today()
    fields = visible_fields(form, answers, section)
    required_total = 0
    required_answered = 0
    problems: list[FieldProblem] = []
    missing: list[str] = []
    for f in fields:
        value = answers.get(f.id)
        empty = is_empty_answer(value)
        messages = [] if empty else validate_answer(f, value, today, stage)
        problems.extend(FieldProblem(f.id, m) for m in messages)
        if f.required_by(stage):
            required_total += 1
            if empty:
                missing.append(f.id)
            elif not messages:
                required_answered += 1
    return SectionProgress(required_total, required_answered, tuple(problems), tuple(missing))


def progress_by_section(
    form: FormDefinition,
    answers: Mapping[str, Any],
    today: dt.date | None = None,
    stage: RequiredAt = RequiredAt.CONVERSATION,
) -> dict[str, SectionProgress]:
    """`section_progress` of every visible section, by section id, in form order: with
    `stage=RequiredAt.TRANSFER` it lists what is still open before *klaar voor overdracht*."""
    return {s.id: section_progress(form, s, answers, today, stage)
            for s in visible_sections(form, answers)}


# ---------------------------------------------------------------------------------------------
# Comparing definitions (should an existing draft move to a newer version?)
# ---------------------------------------------------------------------------------------------


# Notes added to a change.
FILLED_NOTE = Message("form.change.note.filled")
REQUIRED_NOTE = Message("form.change.note.required")
REQUIRED_AT_TRANSFER_NOTE = Message("form.change.note.required_at_transfer")


def _required_note(field: Field) -> Message:
    return (REQUIRED_AT_TRANSFER_NOTE if field.required_at is RequiredAt.TRANSFER
            else REQUIRED_NOTE)
LOST_NOTE = Message("form.change.note.lost")


@dataclass(frozen=True)
class DefinitionChange:
    """One thing that changes for a draft when it moves to a newer definition: what changes
    (`change`, a message whose values are the form's own texts in both languages) and notes on
    what it means for this draft (FILLED_NOTE, REQUIRED_NOTE, LOST_NOTE)."""

    change: Message
    notes: tuple[Message, ...] = ()

    @property
    def message(self) -> Message:
        """The change with its notes, as one message for the worker."""
        if not self.notes:
            return self.change
        return Message("form.change.with_notes", change=self.change,
                       notes=Joined(self.notes, " "))

    def __str__(self) -> str:
        return str(self.message)


def compare_definitions(
    old: FormDefinition, new: FormDefinition, answers: Mapping[str, Any] | None = None
) -> list[DefinitionChange]:
    """What changes for a draft made with `old` when it moves to `new` (str() gives plain
    Dutch).

    With the draft's `answers`, a change to a field that was filled in says so, because that
    is what the worker must weigh before migrating."""
    if old.content_hash == new.content_hash:
        return []
    answers = answers or {}
    changes: list[DefinitionChange] = []
    if old.id != new.id:
        changes.append(DefinitionChange(
            Message("form.change.other_form", old=old.id, new=new.id)))
    old_sections = {s.id: s for s in old.sections}
    new_sections = {s.id: s for s in new.sections}
    for s in new.sections:
        if s.id not in old_sections:
            changes.append(DefinitionChange(Message("form.change.section_added",
                                                    section=s.title)))
        elif s.title.nl != old_sections[s.id].title.nl:
            changes.append(DefinitionChange(Message("form.change.section_renamed",
                                                    old=old_sections[s.id].title, new=s.title)))
    for s in old.sections:
        if s.id not in new_sections:
            changes.append(DefinitionChange(Message("form.change.section_removed",
                                                    section=s.title)))

    def filled(field_id: str) -> tuple[Message, ...]:
        return (FILLED_NOTE,) if not is_empty_answer(answers.get(field_id)) else ()

    for section, f in new.iter_fields():
        if not old.has_field(f.id):
            changes.append(DefinitionChange(
                Message("form.change.field_added", field=f.label, section=section.title),
                (_required_note(f),) if f.required else ()))
            continue
        changes.extend(_field_changes(old.field(f.id), f, filled(f.id)))
        if old.section_of(f.id).id != section.id:
            changes.append(DefinitionChange(Message("form.change.field_moved", field=f.label,
                                                    section=section.title)))
    for f in old.fields:
        if not new.has_field(f.id):
            notes = filled(f.id)
            changes.append(DefinitionChange(Message("form.change.field_removed", field=f.label),
                                            notes + ((LOST_NOTE,) if notes else ())))
    return changes


def _field_changes(old: Field, new: Field, filled: tuple[Message, ...]) -> list[DefinitionChange]:
    changes: list[DefinitionChange] = []
    name = new.label

    def change(message: Message, notes: tuple[Message, ...] = ()) -> None:
        changes.append(DefinitionChange(message, notes))

    if old.label.nl != new.label.nl:
        change(Message("form.change.field_renamed", old=old.label, new=new.label))
    if old.type is not new.type:
        change(Message("form.change.field_type", field=name, old=old.type.label,
                       new=new.type.label), filled)
    if old.required != new.required:
        change(Message("form.change.now_required", field=name) if new.required
               else Message("form.change.no_longer_required", field=name))
        if new.required and new.required_at is RequiredAt.TRANSFER:
            change(Message("form.change.required_at_transfer", field=name))
    elif new.required and old.required_at is not new.required_at:
        change(Message("form.change.required_at_transfer", field=name)
               if new.required_at is RequiredAt.TRANSFER
               else Message("form.change.required_at_conversation", field=name))
    old_choices = {c.value: c for c in old.choices}
    new_choices = {c.value: c for c in new.choices}
    added = [c.label for v, c in new_choices.items() if v not in old_choices]
    removed = [c.label for v, c in old_choices.items() if v not in new_choices]
    if added:
        change(Message("form.change.choices_added", field=name, choices=Joined(added)))
    if removed:
        change(Message("form.change.choices_removed", field=name, choices=Joined(removed)),
               filled)
    for v, c in new_choices.items():
        if v in old_choices and old_choices[v].label.nl != c.label.nl:
            change(Message("form.change.choice_renamed", field=name, old=old_choices[v].label,
                           new=c.label))
    old_columns = {c.id: c for c in old.columns}
    new_columns = {c.id: c for c in new.columns}
    if old_columns.keys() != new_columns.keys() or any(
        old_columns[k] != new_columns[k] for k in new_columns
    ):
        change(Message("form.change.columns", field=name), filled)
    if set(old.constraints) != set(new.constraints):
        change(Message("form.change.rules", field=name), filled)
    if old.relevance != new.relevance:
        change(Message("form.change.relevance", field=name))
    return changes

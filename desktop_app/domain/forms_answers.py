"""Answers to a form: validation, relevance, progress, and what a newer definition changes.

Answers are JSON-compatible values keyed by field id:
- text, long_text, bsn: str (stored exactly as typed: no Unicode normalisation, no trimming)
- date: ISO date string jjjj-mm-dd (dd-mm-jjjj is accepted too, see `normalise_answer`)
- choice: str (a choice value); multi_choice: list[str]
- yes_no: bool; number: int or float
- person_list: list of rows, each a dict column id -> str (text, date, choice) or bool (yes_no)
Messages are plain Dutch (B1) by default; pass lang="en" for English.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
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
    Section,
    Text,
    is_empty_answer,
)
from desktop_app.domain.people import birth_date_problem, parse_date

# Text above this size is refused whatever the form says: it protects the store and the PDF
# writer from a runaway paste, while a pasted 1 MB report still fits comfortably.
HARD_TEXT_LIMIT = 5_000_000
# Patterns (editor-written regexes) are only run on input of sane length, so a long paste can
# never trigger catastrophic backtracking.
PATTERN_INPUT_LIMIT = 1_000
# Longer than any date anyone types: such a value is not echoed back in the message.
_DATE_INPUT_LIMIT = 40

_MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("Dit is verplicht. Vul het in.", "This is required. Please fill it in."),
    "wrong_shape": (
        "Dit antwoord heeft niet de goede vorm (verwacht: {expected}). Vul het opnieuw in.",
        "This answer does not have the right form (expected: {expected}). Please fill it in again.",
    ),
    "hard_limit": (
        "Deze tekst is te lang ({count} tekens). Het kan hoogstens {limit} tekens zijn. Zet "
        "alleen de belangrijke delen erin.",
        "This text is too long ({count} characters). At most {limit} characters are allowed. "
        "Keep only the important parts.",
    ),
    "max_length": (
        "Gebruik hoogstens {limit} tekens. Nu zijn het er {count}.",
        "Use at most {limit} characters. There are {count} now.",
    ),
    "min_length": (
        "Gebruik minstens {limit} tekens. Nu zijn het er {count}.",
        "Use at least {limit} characters. There are {count} now.",
    ),
    "pattern": (
        "Dit heeft niet de goede vorm. Controleer wat u typte.",
        "This does not have the right form. Please check what you typed.",
    ),
    "pattern_too_long": (
        "Dit is te lang voor dit veld (hoogstens {limit} tekens).",
        "This is too long for this field (at most {limit} characters).",
    ),
    "not_a_date": (
        "Dit is geen datum. Schrijf de datum als dd-mm-jjjj.",
        "This is not a date. Write the date as dd-mm-yyyy.",
    ),
    "impossible_date": (
        "Deze datum bestaat niet. Controleer dag en maand.",
        "This date does not exist. Please check the day and month.",
    ),
    "not_in_future": (
        "Deze datum ligt in de toekomst. Dat kan hier niet.",
        "This date is in the future. That is not possible here.",
    ),
    "not_before": (
        "De datum mag niet vóór {limit} liggen.",
        "The date must not be before {limit}.",
    ),
    "not_after": (
        "De datum mag niet na {limit} liggen.",
        "The date must not be after {limit}.",
    ),
    "birth_future": (
        "De geboortedatum ligt in de toekomst.",
        "The date of birth is in the future.",
    ),
    "birth_old": (
        "De geboortedatum ligt meer dan 125 jaar terug. Controleer het jaar.",
        "The date of birth is more than 125 years ago. Please check the year.",
    ),
    "not_a_choice": (
        "Kies een van de mogelijkheden uit de lijst.",
        "Please pick one of the options in the list.",
    ),
    "duplicate_choice": (
        "Een keuze staat er twee keer in.",
        "An option was picked twice.",
    ),
    "min_items": (
        "Kies of vul minstens {limit} in.",
        "Pick or fill in at least {limit}.",
    ),
    "max_items": (
        "Kies of vul hoogstens {limit} in.",
        "Pick or fill in at most {limit}.",
    ),
    "not_a_number": ("Vul een getal in.", "Please enter a number."),
    "integer": ("Vul een heel getal in, zonder komma.", "Please enter a whole number."),
    "min": ("Het getal mag niet kleiner zijn dan {limit}.", "The number must be {limit} or more."),
    "max": ("Het getal mag niet groter zijn dan {limit}.", "The number must be {limit} or less."),
    "bsn_en": (
        "This is not a valid BSN (citizen service number). Check the digits, or leave it empty.",
        "This is not a valid BSN (citizen service number). Check the digits, or leave it empty.",
    ),
    "row_empty": (
        "Persoon {row} is leeg. Vul iets in, of haal de regel weg.",
        "Person {row} is empty. Fill something in, or remove the row.",
    ),
    "row_prefix": ("Persoon {row}, {column}: {message}", "Person {row}, {column}: {message}"),
    "row_unknown_column": (
        "Persoon {row} heeft gegevens die niet bij deze lijst horen.",
        "Person {row} has data that do not belong to this list.",
    ),
}


def _msg(key: str, lang: str, **values: object) -> str:
    nl, en = _MESSAGES[key]
    return (en if lang == "en" else nl).format(**values)


def _custom(constraint: Constraint, lang: str) -> str | None:
    return constraint.message.get(lang) if constraint.message is not None else None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _format_number(value: float, lang: str) -> str:
    # Dutch writes a decimal comma, English a point; whole numbers without a trailing ",0".
    if float(value).is_integer():
        return str(int(value))
    return str(value) if lang == "en" else str(value).replace(".", ",")


def _format_date(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y")


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


def validate_answer(field: Field, value: Any, today: dt.date, lang: str = "nl") -> list[str]:
    """Problems with `value` as an answer to `field`; an empty list when it is fine.

    An empty answer is only a problem when the field is required (its required_message)."""
    if is_empty_answer(value):
        if field.required:
            return [
                field.required_message.get(lang)
                if field.required_message
                else _msg("required", lang)
            ]
        return []
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.LONG_TEXT):
        return _text_problems(field, value, lang)
    if kind is FieldType.DATE:
        return _date_problems(value, today, lang, birth_date=field.birth_date, field=field)
    if kind is FieldType.CHOICE:
        if not isinstance(value, str):
            return [_msg("wrong_shape", lang, expected="een keuze")]
        return [] if value in field.choice_values() else [_msg("not_a_choice", lang)]
    if kind is FieldType.MULTI_CHOICE:
        return _multi_choice_problems(field, value, lang)
    if kind is FieldType.YES_NO:
        return [] if isinstance(value, bool) else [_msg("wrong_shape", lang, expected="ja/nee")]
    if kind is FieldType.NUMBER:
        return _number_problems(field, value, lang)
    if kind is FieldType.BSN:
        if not isinstance(value, str):
            return [_msg("wrong_shape", lang, expected="BSN")]
        problem = bsn_problem(value)
        if problem is None:
            return []
        return [problem if lang == "nl" else _msg("bsn_en", lang)]
    return _person_list_problems(field, value, today, lang)


def _text_problems(field: Field, value: Any, lang: str) -> list[str]:
    if not isinstance(value, str):
        return [_msg("wrong_shape", lang, expected="tekst")]
    count = len(value)
    if count > HARD_TEXT_LIMIT:
        return [_msg("hard_limit", lang, count=count, limit=HARD_TEXT_LIMIT)]
    problems: list[str] = []
    max_length = field.constraint(ConstraintKind.MAX_LENGTH)
    if max_length is not None and count > max_length.number():
        problems.append(
            _custom(max_length, lang)
            or _msg("max_length", lang, limit=max_length.value, count=count)
        )
    min_length = field.constraint(ConstraintKind.MIN_LENGTH)
    if min_length is not None and len(value.strip()) < min_length.number():
        problems.append(
            _custom(min_length, lang)
            or _msg("min_length", lang, limit=min_length.value, count=len(value.strip()))
        )
    pattern = field.constraint(ConstraintKind.PATTERN)
    if pattern is not None and pattern.compiled is not None:
        candidate = value.strip()
        if len(candidate) > PATTERN_INPUT_LIMIT:
            problems.append(_msg("pattern_too_long", lang, limit=PATTERN_INPUT_LIMIT))
        elif pattern.compiled.fullmatch(candidate) is None:
            problems.append(_custom(pattern, lang) or _msg("pattern", lang))
    return problems


def _parse_answer_date(value: Any, lang: str) -> tuple[dt.date | None, str | None]:
    if not isinstance(value, str):
        return None, _msg("wrong_shape", lang, expected="datum")
    if len(value) > _DATE_INPUT_LIMIT:
        return None, _msg("not_a_date", lang)
    try:
        return parse_date(value), None
    except ValueError as err:
        # parse_date tells a non-existent date (31-02) apart from text that is no date at all.
        if "bestaat niet" in str(err):
            return None, _msg("impossible_date", lang)
        return None, _msg("not_a_date", lang)


def _date_problems(
    value: Any, today: dt.date, lang: str, *, birth_date: bool, field: Field | None
) -> list[str]:
    parsed, problem = _parse_answer_date(value, lang)
    if parsed is None:
        return [problem or _msg("not_a_date", lang)]
    problems: list[str] = []
    if birth_date:
        birth = birth_date_problem(parsed, today)
        if birth is not None:
            problems.append(_msg("birth_future" if parsed > today else "birth_old", lang))
    if field is None:
        return problems
    future = field.constraint(ConstraintKind.NOT_IN_FUTURE)
    if (
        future is not None
        and future.value is True
        and parsed > today
        and not (birth_date and problems)
    ):
        problems.append(_custom(future, lang) or _msg("not_in_future", lang))
    before = field.constraint(ConstraintKind.NOT_BEFORE)
    if before is not None and isinstance(before.value, dt.date) and parsed < before.value:
        problems.append(
            _custom(before, lang) or _msg("not_before", lang, limit=_format_date(before.value))
        )
    after = field.constraint(ConstraintKind.NOT_AFTER)
    if after is not None and isinstance(after.value, dt.date) and parsed > after.value:
        problems.append(
            _custom(after, lang) or _msg("not_after", lang, limit=_format_date(after.value))
        )
    return problems


def _count_problems(field: Field, count: int, lang: str) -> list[str]:
    problems: list[str] = []
    low = field.constraint(ConstraintKind.MIN_ITEMS)
    if low is not None and count < low.number():
        problems.append(_custom(low, lang) or _msg("min_items", lang, limit=low.value))
    high = field.constraint(ConstraintKind.MAX_ITEMS)
    if high is not None and count > high.number():
        problems.append(_custom(high, lang) or _msg("max_items", lang, limit=high.value))
    return problems


def _multi_choice_problems(field: Field, value: Any, lang: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return [_msg("wrong_shape", lang, expected="een lijst van keuzes")]
    problems: list[str] = []
    allowed = set(field.choice_values())
    if any(v not in allowed for v in value):
        problems.append(_msg("not_a_choice", lang))
    if len(set(value)) != len(value):
        problems.append(_msg("duplicate_choice", lang))
    return problems + _count_problems(field, len(value), lang)


def _number_problems(field: Field, value: Any, lang: str) -> list[str]:
    if not _is_number(value) or not math.isfinite(value):
        return [_msg("not_a_number", lang)]
    problems: list[str] = []
    integer = field.constraint(ConstraintKind.INTEGER)
    if integer is not None and integer.value is True and not float(value).is_integer():
        problems.append(_custom(integer, lang) or _msg("integer", lang))
    low = field.constraint(ConstraintKind.MIN)
    if low is not None and value < low.number():
        problems.append(
            _custom(low, lang) or _msg("min", lang, limit=_format_number(low.number(), lang))
        )
    high = field.constraint(ConstraintKind.MAX)
    if high is not None and value > high.number():
        problems.append(
            _custom(high, lang) or _msg("max", lang, limit=_format_number(high.number(), lang))
        )
    return problems


def _cell_problems(column: Column, cell: Any, today: dt.date, lang: str) -> list[str]:
    if is_empty_answer(cell):
        return [_msg("required", lang)] if column.required else []
    if column.type is FieldType.TEXT:
        if not isinstance(cell, str):
            return [_msg("wrong_shape", lang, expected="tekst")]
        if len(cell) > HARD_TEXT_LIMIT:
            return [_msg("hard_limit", lang, count=len(cell), limit=HARD_TEXT_LIMIT)]
        return []
    if column.type is FieldType.DATE:
        return _date_problems(cell, today, lang, birth_date=column.birth_date, field=None)
    if column.type is FieldType.CHOICE:
        if isinstance(cell, str) and cell in column.choice_values():
            return []
        return [_msg("not_a_choice", lang)]
    # yes_no
    return [] if isinstance(cell, bool) else [_msg("wrong_shape", lang, expected="ja/nee")]


def _person_list_problems(field: Field, value: Any, today: dt.date, lang: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        return [_msg("wrong_shape", lang, expected="een lijst van personen")]
    problems: list[str] = []
    known = {c.id for c in field.columns}
    for number, row in enumerate(value, start=1):
        if any(key not in known for key in row):
            problems.append(_msg("row_unknown_column", lang, row=number))
            continue
        if all(is_empty_answer(row.get(c.id)) for c in field.columns):
            problems.append(_msg("row_empty", lang, row=number))
            continue
        for column in field.columns:
            for message in _cell_problems(column, row.get(column.id), today, lang):
                problems.append(
                    _msg(
                        "row_prefix",
                        lang,
                        row=number,
                        column=column.label.get(lang),
                        message=message,
                    )
                )
    return problems + _count_problems(field, len(value), lang)


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
    message: str


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
    lang: str = "nl",
) -> SectionProgress:
    today = today or dt.date.today()
    fields = visible_fields(form, answers, section)
    required_total = 0
    required_answered = 0
    problems: list[FieldProblem] = []
    missing: list[str] = []
    for f in fields:
        value = answers.get(f.id)
        empty = is_empty_answer(value)
        messages = [] if empty else validate_answer(f, value, today, lang)
        problems.extend(FieldProblem(f.id, m) for m in messages)
        if f.required:
            required_total += 1
            if empty:
                missing.append(f.id)
            elif not messages:
                required_answered += 1
    return SectionProgress(required_total, required_answered, tuple(problems), tuple(missing))


# ---------------------------------------------------------------------------------------------
# Comparing definitions (should an existing draft move to a newer version?)
# ---------------------------------------------------------------------------------------------


# Fixed sentences added to a change (translated by the GUI like the templates).
FILLED_NOTE = "U had dit al ingevuld."
REQUIRED_NOTE = "Het is verplicht."
LOST_NOTE = "Dat antwoord staat niet op het nieuwe formulier."


@dataclass(frozen=True)
class DefinitionChange:
    """One thing that changes for a draft when it moves to a newer definition.

    Kept as a Dutch template with its values rather than as finished text, so the GUI can show
    it in the worker's language: form texts carry both languages, and the template, the notes
    and the type names are fixed Dutch texts the GUI translates
    (gui/shared/message_catalogue.py)."""

    template: str  # "Veld '{old}' heet nu '{new}'."
    values: tuple[tuple[str, Text | str], ...] = ()  # Text: form text; str: fixed Dutch word
    notes: tuple[str, ...] = ()  # FILLED_NOTE, REQUIRED_NOTE, LOST_NOTE

    def render(self, lang: str = "nl", translate: Callable[[str], str] = str) -> str:
        """The change in `lang`; `translate` turns a fixed Dutch text into that language."""
        values = {key: value.get(lang) if isinstance(value, Text) else translate(value)
                  for key, value in self.values}
        return " ".join([translate(self.template).format(**values),
                         *(translate(note) for note in self.notes)])

    def __str__(self) -> str:
        return self.render()


def _joined(texts: list[Text]) -> Text:
    """A list of choice labels as one text, in both languages."""
    return Text(", ".join(t.nl for t in texts),
                ", ".join(t.get("en") for t in texts) if any(t.en for t in texts) else None)


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
            "Dit is een ander formulier ({old} → {new}). Antwoorden komen alleen mee bij "
            "velden met dezelfde id.", (("old", Text(old.id)), ("new", Text(new.id)))))
    old_sections = {s.id: s for s in old.sections}
    new_sections = {s.id: s for s in new.sections}
    for s in new.sections:
        if s.id not in old_sections:
            changes.append(DefinitionChange("Nieuw onderdeel: '{section}'.",
                                            (("section", s.title),)))
        elif s.title.nl != old_sections[s.id].title.nl:
            changes.append(DefinitionChange("Onderdeel '{old}' heet nu '{new}'.",
                                            (("old", old_sections[s.id].title),
                                             ("new", s.title))))
    for s in old.sections:
        if s.id not in new_sections:
            changes.append(DefinitionChange("Onderdeel '{section}' is vervallen.",
                                            (("section", s.title),)))

    def filled(field_id: str) -> tuple[str, ...]:
        return (FILLED_NOTE,) if not is_empty_answer(answers.get(field_id)) else ()

    for section, f in new.iter_fields():
        if not old.has_field(f.id):
            changes.append(DefinitionChange(
                "Nieuw veld: '{field}' (onderdeel '{section}').",
                (("field", f.label), ("section", section.title)),
                (REQUIRED_NOTE,) if f.required else ()))
            continue
        changes.extend(_field_changes(old.field(f.id), f, filled(f.id)))
        if old.section_of(f.id).id != section.id:
            changes.append(DefinitionChange("Veld '{field}' staat nu in onderdeel '{section}'.",
                                            (("field", f.label), ("section", section.title))))
    for f in old.fields:
        if not new.has_field(f.id):
            notes = filled(f.id)
            changes.append(DefinitionChange("Veld '{field}' is vervallen.", (("field", f.label),),
                                            notes + ((LOST_NOTE,) if notes else ())))
    return changes


def _field_changes(old: Field, new: Field, filled: tuple[str, ...]) -> list[DefinitionChange]:
    changes: list[DefinitionChange] = []
    name = ("field", new.label)

    def change(template: str, *values: tuple[str, Text | str],
               notes: tuple[str, ...] = ()) -> None:
        changes.append(DefinitionChange(template, (name, *values), notes))

    if old.label.nl != new.label.nl:
        changes.append(DefinitionChange("Veld '{old}' heet nu '{new}'.",
                                        (("old", old.label), ("new", new.label))))
    if old.type is not new.type:
        change("Veld '{field}' is veranderd van {old} naar {new}.",
               ("old", old.type.dutch), ("new", new.type.dutch), notes=filled)
    if old.required != new.required:
        change("Veld '{field}' is nu verplicht." if new.required
               else "Veld '{field}' is niet meer verplicht.")
    old_choices = {c.value: c for c in old.choices}
    new_choices = {c.value: c for c in new.choices}
    added = [c.label for v, c in new_choices.items() if v not in old_choices]
    removed = [c.label for v, c in old_choices.items() if v not in new_choices]
    if added:
        change("Bij '{field}' zijn keuzes bijgekomen: {choices}.", ("choices", _joined(added)))
    if removed:
        change("Bij '{field}' zijn keuzes vervallen: {choices}.", ("choices", _joined(removed)),
               notes=filled)
    for v, c in new_choices.items():
        if v in old_choices and old_choices[v].label.nl != c.label.nl:
            change("Bij '{field}': '{old}' heet nu '{new}'.", ("old", old_choices[v].label),
                   ("new", c.label))
    old_columns = {c.id: c for c in old.columns}
    new_columns = {c.id: c for c in new.columns}
    if old_columns.keys() != new_columns.keys() or any(
        old_columns[k] != new_columns[k] for k in new_columns
    ):
        change("De kolommen van '{field}' zijn veranderd.", notes=filled)
    if set(old.constraints) != set(new.constraints):
        change("De regels voor '{field}' zijn veranderd.", notes=filled)
    if old.relevance != new.relevance:
        change("Veld '{field}' verschijnt nu in andere gevallen dan eerst.")
    return changes

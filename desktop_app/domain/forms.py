"""Form definitions (the gespreksformulier and any form a municipality adds): the public API.

The GUI and the services import from here only; the work is split over
`forms_model` (the frozen objects), `forms_loader` (strict YAML loading) and `forms_answers`
(validation, relevance, progress, comparing versions).
"""

from __future__ import annotations

from desktop_app.domain.forms_answers import (
    HARD_TEXT_LIMIT,
    DefinitionChange,
    FieldProblem,
    SectionProgress,
    compare_definitions,
    effective_answers,
    is_relevant,
    normalise_answer,
    progress_by_section,
    section_progress,
    validate_answer,
    visible_fields,
    visible_sections,
)
from desktop_app.domain.forms_loader import load_form_definition, parse_form_definition
from desktop_app.domain.forms_model import (
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
    is_empty_answer,
)
from desktop_app.domain.texts import Text
from desktop_app.domain.yaml_source import DefinitionError

__all__ = [
    "HARD_TEXT_LIMIT",
    "SUPPORTED_LANGUAGES",
    "AllOf",
    "AnyOf",
    "Choice",
    "Column",
    "Condition",
    "ConditionOp",
    "Constraint",
    "ConstraintKind",
    "DefinitionChange",
    "DefinitionError",
    "Field",
    "FieldCondition",
    "FieldProblem",
    "FieldType",
    "FormDefinition",
    "NotCondition",
    "RequiredAt",
    "RowCondition",
    "Section",
    "SectionProgress",
    "Text",
    "compare_definitions",
    "effective_answers",
    "is_empty_answer",
    "is_relevant",
    "load_form_definition",
    "normalise_answer",
    "parse_form_definition",
    "progress_by_section",
    "section_progress",
    "untranslated_texts",
    "validate_answer",
    "visible_fields",
    "visible_sections",
]


def untranslated_texts(form: FormDefinition, lang: str = "en") -> list[str]:
    """Where a text the worker can see lacks `lang`, as 'section/field: what' paths.

    The loader already enforces the languages a form declares; this lets a check (or the
    `doctor` command) report on a form that declares Dutch only."""
    missing: list[str] = []

    def check(text: Text | None, where: str) -> None:
        if text is not None and not text.has(lang):
            missing.append(where)

    check(form.title, "title")
    check(form.description, "description")
    for section in form.sections:
        check(section.title, f"{section.id}: title")
        check(section.help, f"{section.id}: help")
        for f in section.fields:
            base = f"{section.id}/{f.id}"
            for name in ("label", "help", "placeholder", "required_message"):
                check(getattr(f, name), f"{base}: {name}")
            for c in f.constraints:
                check(c.message, f"{base}: {c.kind.value}.message")
            for choice in f.choices:
                check(choice.label, f"{base}: choice {choice.value}")
                check(choice.help, f"{base}: choice {choice.value} help")
            for column in f.columns:
                check(column.label, f"{base}: column {column.id}")
                check(column.help, f"{base}: column {column.id} help")
                for choice in column.choices:
                    check(choice.label, f"{base}: column {column.id} choice {choice.value}")
                    check(choice.help, f"{base}: column {column.id} choice {choice.value} help")
    return missing

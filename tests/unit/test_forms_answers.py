"""Answers to a form: validation (Dutch and English messages), relevance, progress and the
comparison of two definition versions. All names and numbers are fictional."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.forms import (
    HARD_TEXT_LIMIT,
    FieldProblem,
    FieldType,
    FormDefinition,
    compare_definitions,
    effective_answers,
    is_relevant,
    normalise_answer,
    parse_form_definition,
    section_progress,
    validate_answer,
    visible_fields,
    visible_sections,
)
from desktop_app.messages import Message, render

TODAY = dt.date(2026, 3, 15)

FORM_TEXT = """\
id: proef
version: 1
title: Proef
sections:
  - id: inwoner
    title: Inwoner
    fields:
      - id: naam
        type: text
        label: Naam
        required: true
        required_message: Vul de naam in.
        constraints:
          max_length: 40
      - id: notitie
        type: long_text
        label: Notitie
      - id: kort
        type: long_text
        label: Kort verhaal
        constraints:
          max_length: {value: 1000, message: Houd het kort (hoogstens 1000 tekens).}
          min_length: 3
      - id: postcode
        type: text
        label: Postcode
        constraints:
          pattern: {value: '[1-9][0-9]{3} ?[A-Za-z]{2}', message: Schrijf een postcode.}
      - id: geboren
        type: date
        label: Geboortedatum
        birth_date: true
      - id: gesprek
        type: date
        label: Datum gesprek
        constraints:
          not_in_future: true
          not_before: 2015-01-01
      - id: bsn
        type: bsn
        label: BSN
      - id: kind
        type: yes_no
        label: Gaat het om een kind?
        required: true
      - id: aantal
        type: number
        label: Aantal kinderen
        constraints: {min: 0, max: 12.5, integer: true}
      - id: plaats
        type: choice
        label: Plaats
        choices:
          - {value: thuis, label: Thuis}
          - {value: elders, label: Elders}
      - id: gebieden
        type: multi_choice
        label: Leefgebieden
        constraints: {min_items: 1, max_items: 2}
        choices:
          - {value: geld, label: Geld}
          - {value: wonen, label: Wonen}
          - {value: werk, label: Werk}
      - id: gezin
        type: person_list
        label: Gezin
        constraints: {max_items: 3}
        columns:
          - {id: naam, type: text, label: Naam, required: true}
          - id: relatie
            type: choice
            label: Relatie
            choices: [{value: kind, label: Kind}, {value: partner, label: Partner}]
          - {id: geboren, type: date, label: Geboortedatum, birth_date: true}
          - {id: gezag, type: yes_no, label: Heeft gezag}
  - id: jeugd
    title: Jeugd
    relevance: {field: kind, equals: true}
    fields:
      - id: gezag_wie
        type: choice
        label: Wie heeft gezag?
        required: true
        choices:
          - {value: ouders, label: Ouders}
          - {value: voogd, label: Voogd}
      - id: voogd_naam
        type: text
        label: Naam voogd
        required: true
        relevance: {field: gezag_wie, equals: voogd}
      - id: voogd_sinds
        type: date
        label: Voogd sinds
        relevance: {field: voogd_naam, answered: true}
  - id: overig
    title: Overig
    fields:
      - id: veel
        type: text
        label: Veel kinderen
        relevance: {any: [{field: aantal, at_least: 4}, {field: gezin, at_least: 3}]}
      - id: weinig_gebieden
        type: text
        label: Weinig gebieden
        relevance:
          all:
            - {field: gebieden, at_most: 1}
            - {not: {field: gebieden, contains: werk}}
      - id: niet_thuis
        type: text
        label: Waarom niet thuis
        relevance: {field: plaats, in: [elders]}
"""


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return parse_form_definition(FORM_TEXT, "proef.yaml")


def problems(form: FormDefinition, field_id: str, value: Any, lang: str = "nl") -> list[str]:
    """The problems as the worker reads them in `lang`."""
    return [render(m, lang) for m in validate_answer(form.field(field_id), value, TODAY)]


# -- empty and required -----------------------------------------------------------------------


@pytest.mark.parametrize("empty", [None, "", "   \n\t", []])
def test_empty_required_field_gets_its_required_message(form: FormDefinition, empty: Any) -> None:
    assert problems(form, "naam", empty) == ["Vul de naam in."]
    assert problems(form, "notitie", empty) == []


def test_required_without_own_message_gets_builtin_message_in_both_languages(
    form: FormDefinition,
) -> None:
    assert problems(form, "kind", None) == ["Dit is verplicht. Vul het in."]
    assert problems(form, "kind", None, "en") == ["This is required. Please fill it in."]


def test_no_is_an_answer_for_a_required_yes_no(form: FormDefinition) -> None:
    assert problems(form, "kind", False) == []
    assert problems(form, "kind", "ja") == [
        "Dit antwoord heeft niet de goede vorm (verwacht: ja/nee). Vul het opnieuw in."
    ]


# -- BSN ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["999993847", "999992077", "111222333", "123456782"])
def test_valid_public_test_bsns_pass(form: FormDefinition, value: str) -> None:
    assert problems(form, "bsn", value) == []


def test_invalid_bsns_are_refused_with_messages_in_both_languages(form: FormDefinition) -> None:
    assert problems(form, "bsn", "123456789") == [
        "Dit is geen geldig BSN (de elfproef klopt niet). Controleer de cijfers."
    ]
    assert problems(form, "bsn", "000000000") == ["000000000 is geen BSN."]
    assert problems(form, "bsn", "12345") == ["Een BSN heeft 9 cijfers; je typte er 5."]
    assert problems(form, "bsn", "12345678a") == [
        "Een BSN bestaat alleen uit cijfers. Dit hoort er niet in: a."]
    assert problems(form, "bsn", "٩٩٩٩٩٣٨٤٧") == []  # Arabic-Indic digits are digits
    assert problems(form, "bsn", "123456789", "en") == [
        "This is not a valid BSN (the eleven test fails). Check the digits."
    ]
    assert problems(form, "bsn", "12345", "en") == ["A BSN has 9 digits; you typed 5."]


def test_bsn_messages_never_repeat_the_number(form: FormDefinition) -> None:
    for value in ("123456789", "999993848", "1234567890123"):
        for lang in ("nl", "en"):
            assert all(value not in message for message in problems(form, "bsn", value, lang))


def test_bsn_is_optional_and_normalised_to_digits(form: FormDefinition) -> None:
    assert problems(form, "bsn", "") == []
    field = form.field("bsn")
    assert problems(form, "bsn", "9999.93.847") == []
    assert normalise_answer(field, "9999 93 847") == "999993847"
    # Digits of other scripts are stored as ASCII digits (and 8 digits get their leading 0).
    assert normalise_answer(field, "٩٩٩٩ ٩٣ ٨٤٧") == "999993847"
    assert normalise_answer(field, "１２３４５６７２") == "012345672"
    assert normalise_answer(field, "123456789") == "123456789"  # invalid stays as typed


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["31-02-2020", "2020-02-31", "29-02-2023", "00-01-2020"])
def test_impossible_dates_are_refused(form: FormDefinition, value: str) -> None:
    assert problems(form, "geboren", value) == ["Deze datum bestaat niet. Controleer dag en maand."]


@pytest.mark.parametrize("value", ["29-02-2024", "2024-02-29", "01-01-1950"])
def test_real_dates_in_both_notations_pass(form: FormDefinition, value: str) -> None:
    assert problems(form, "geboren", value) == []


def test_text_that_is_no_date_is_refused_without_echo(form: FormDefinition) -> None:
    assert problems(form, "geboren", "gisteren") == [
        "Dit is geen datum. Schrijf de datum als dd-mm-jjjj."
    ]
    huge = "1" * 1_000_000
    assert problems(form, "geboren", huge) == [
        "Dit is geen datum. Schrijf de datum als dd-mm-jjjj."
    ]
    assert problems(form, "geboren", "gisteren", "en") == [
        "This is not a date. Write the date as dd-mm-yyyy."
    ]


def test_birth_date_in_the_future_or_too_long_ago(form: FormDefinition) -> None:
    assert problems(form, "geboren", "2026-03-16") == ["De geboortedatum ligt in de toekomst."]
    assert problems(form, "geboren", "2026-03-15") == []  # born today is possible
    assert problems(form, "geboren", "1890-01-01") == [
        "De geboortedatum ligt meer dan 125 jaar terug. Controleer het jaar."
    ]
    assert problems(form, "geboren", "2030-01-01", "en") == ["The date of birth is in the future."]


def test_date_constraints(form: FormDefinition) -> None:
    assert problems(form, "gesprek", "2026-03-16") == [
        "Deze datum ligt in de toekomst. Dat kan hier niet."
    ]
    assert problems(form, "gesprek", "2014-12-31") == ["De datum mag niet vóór 01-01-2015 liggen."]
    assert problems(form, "gesprek", "2014-12-31", "en") == [
        "The date must not be before 01-01-2015."
    ]
    assert problems(form, "gesprek", "15-03-2026") == []


def test_dates_are_normalised_to_iso(form: FormDefinition) -> None:
    field = form.field("gesprek")
    assert normalise_answer(field, "05-03-2026") == "2026-03-05"
    assert normalise_answer(field, "31-02-2026") == "31-02-2026"
    assert normalise_answer(field, "1" * 1000) == "1" * 1000


# -- text --------------------------------------------------------------------------------------


def test_a_pasted_megabyte_is_accepted_without_max_length_and_quickly(
    form: FormDefinition,
) -> None:
    text = ("Dit is een lange notitie over de situatie thuis. " * 21_000)[:1_048_576]
    started = time.perf_counter()
    assert problems(form, "notitie", text) == []
    assert time.perf_counter() - started < 1.0


def test_a_pasted_megabyte_gets_a_clear_message_when_max_length_says_so(
    form: FormDefinition,
) -> None:
    text = "a" * 1_048_576
    assert problems(form, "naam", text) == ["Gebruik hoogstens 40 tekens. Nu zijn het er 1048576."]
    assert problems(form, "kort", text) == ["Houd het kort (hoogstens 1000 tekens)."]
    # Patterns are not run on huge input (no catastrophic backtracking); the message is clear.
    started = time.perf_counter()
    assert problems(form, "postcode", "1" * 1_048_576) == [
        "Dit is te lang voor dit veld (hoogstens 1000 tekens)."
    ]
    assert time.perf_counter() - started < 1.0


def test_text_beyond_the_hard_limit_is_refused(form: FormDefinition) -> None:
    text = "x" * (HARD_TEXT_LIMIT + 1)
    assert problems(form, "notitie", text) == [
        f"Deze tekst is te lang ({HARD_TEXT_LIMIT + 1} tekens). Het kan hoogstens "
        f"{HARD_TEXT_LIMIT} tekens zijn. Zet alleen de belangrijke delen erin."
    ]


def test_min_length_and_pattern(form: FormDefinition) -> None:
    assert problems(form, "kort", "ok") == ["Gebruik minstens 3 tekens. Nu zijn het er 2."]
    assert problems(form, "postcode", "8011 AB") == []
    assert problems(form, "postcode", " 8011ab ") == []
    assert problems(form, "postcode", "0801 AB") == ["Schrijf een postcode."]
    # The form's own message has only Dutch: English falls back to it.
    assert problems(form, "postcode", "0801 AB", "en") == ["Schrijf een postcode."]
    assert problems(form, "notitie", 12) == [
        "Dit antwoord heeft niet de goede vorm (verwacht: tekst). Vul het opnieuw in."
    ]


NAMES = [
    "Agnieszka Wiśniewska-Łęcka",  # Polish
    "Zoë Żółtowska",
    "Çağrı Yılmaz-İnce",  # Turkish dotted and dotless i
    "Nguyễn Thị Ánh Tuyết",  # Vietnamese, precomposed
    "Nguye\u0302\u0303n Thi\u0323",  # Vietnamese, combining marks (NFD): must stay NFD
    "محمد عبد الله",  # Arabic, right to left
    "שרה כהן-לוי",  # Hebrew, right to left
    "\u202bמיכל\u202c (tolk)",  # explicit bidi embedding characters kept as typed
]


@pytest.mark.parametrize("name", NAMES)
def test_names_in_many_scripts_are_valid_and_kept_exactly(form: FormDefinition, name: str) -> None:
    field = form.field("naam")
    assert problems(form, "naam", name) == []
    stored = normalise_answer(field, name)
    assert stored == name
    assert stored.encode("utf-8") == name.encode("utf-8")  # not even Unicode normalisation
    assert json.loads(json.dumps({"naam": stored}, ensure_ascii=False))["naam"] == name
    rows = [{"naam": name, "relatie": "kind", "geboren": "2015-06-01", "gezag": False}]
    assert problems(form, "gezin", rows) == []


def test_max_length_counts_characters_not_bytes(form: FormDefinition) -> None:
    assert problems(form, "naam", "ş" * 40) == []  # 80 bytes in UTF-8, 40 characters
    assert problems(form, "naam", "ş" * 41) == ["Gebruik hoogstens 40 tekens. Nu zijn het er 41."]


# -- choices and numbers ------------------------------------------------------------------------


def test_choice_and_multi_choice(form: FormDefinition) -> None:
    assert problems(form, "plaats", "thuis") == []
    assert problems(form, "plaats", "kantoor") == ["Kies een van de mogelijkheden uit de lijst."]
    assert problems(form, "gebieden", ["geld"]) == []
    assert problems(form, "gebieden", ["geld", "geld"]) == ["Een keuze staat er twee keer in."]
    assert problems(form, "gebieden", ["geld", "wonen", "werk"]) == ["Kies of vul hoogstens 2 in."]
    assert problems(form, "gebieden", ["hobby"]) == ["Kies een van de mogelijkheden uit de lijst."]
    assert problems(form, "gebieden", "geld") == [
        "Dit antwoord heeft niet de goede vorm (verwacht: een lijst van keuzes). Vul het "
        "opnieuw in."
    ]


def test_numbers(form: FormDefinition) -> None:
    assert problems(form, "aantal", 3) == []
    assert problems(form, "aantal", 3.0) == []
    assert problems(form, "aantal", 2.5) == ["Vul een heel getal in, zonder komma."]
    assert problems(form, "aantal", -1) == ["Het getal mag niet kleiner zijn dan 0."]
    assert problems(form, "aantal", 13) == ["Het getal mag niet groter zijn dan 12,5."]
    assert problems(form, "aantal", 13, "en") == ["The number must be 12.5 or less."]
    assert problems(form, "aantal", True) == ["Vul een getal in."]
    assert problems(form, "aantal", float("nan")) == ["Vul een getal in."]
    assert problems(form, "aantal", "3") == ["Vul een getal in."]


# -- person lists --------------------------------------------------------------------------------


def test_person_list_rows_are_checked_per_person(form: FormDefinition) -> None:
    good = [
        {"naam": "Jan Janssen", "relatie": "partner", "geboren": "1980-01-01", "gezag": True},
        {"naam": "Pim Janssen", "relatie": "kind", "geboren": "12-05-2018"},
    ]
    assert problems(form, "gezin", good) == []
    bad = [
        {"relatie": "kind"},
        {"naam": "Lotte", "geboren": "31-02-2019"},
        {"naam": "Tim", "geboren": "2027-01-01", "gezag": "ja"},
        {"naam": "", "relatie": ""},
    ]
    assert problems(form, "gezin", bad) == [
        "Regel 1, Naam: Dit is verplicht. Vul het in.",
        "Regel 2, Geboortedatum: Deze datum bestaat niet. Controleer dag en maand.",
        "Regel 3, Geboortedatum: De geboortedatum ligt in de toekomst.",
        "Regel 3, Heeft gezag: Dit antwoord heeft niet de goede vorm (verwacht: ja/nee). Vul "
        "het opnieuw in.",
        "Regel 4 is leeg. Vul iets in, of haal de regel weg.",
        "Kies of vul hoogstens 3 in.",
    ]
    assert problems(form, "gezin", [{"naam": "X", "schoenmaat": "42"}]) == [
        "Regel 1 heeft gegevens die niet bij deze lijst horen."
    ]
    assert problems(form, "gezin", [{"relatie": "kind"}], "en") == [
        "Row 1, Naam: This is required. Please fill it in."
    ]


# -- robustness (generated) ----------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(value=json_values, field_index=st.integers(min_value=0, max_value=200))
def test_validation_never_crashes_on_any_json_value(
    form: FormDefinition, value: Any, field_index: int
) -> None:
    field = form.fields[field_index % len(form.fields)]
    result = validate_answer(field, value, TODAY)
    assert isinstance(result, list)
    assert all(isinstance(m, Message) for m in result)
    for lang in ("nl", "en"):
        assert all(render(m, lang).strip() for m in result)
    normalise_answer(field, value)


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1).filter(lambda t: t.strip()))
def test_any_unicode_text_is_valid_long_text_and_unchanged(form: FormDefinition, text: str) -> None:
    field = form.field("notitie")
    assert validate_answer(field, text, TODAY) == []
    assert normalise_answer(field, text) == text


# -- relevance -----------------------------------------------------------------------------------


def ids(fields: list[Any]) -> list[str]:
    return [f.id for f in fields]


def test_section_relevance_and_chained_field_relevance(form: FormDefinition) -> None:
    answers = {"kind": True, "gezag_wie": "voogd", "voogd_naam": "Mr. De Vries"}
    jeugd = form.section("jeugd")
    assert ids(visible_fields(form, answers, jeugd)) == ["gezag_wie", "voogd_naam", "voogd_sinds"]
    # Changing an earlier answer hides the chain, even though later answers are still stored.
    answers["gezag_wie"] = "ouders"
    assert ids(visible_fields(form, answers, jeugd)) == ["gezag_wie"]
    assert not is_relevant(form.field("voogd_sinds"), answers, form)
    # Without the form only the field's own condition on the raw answers is tested.
    assert is_relevant(form.field("voogd_sinds"), answers)
    answers["kind"] = False
    assert ids(visible_fields(form, answers, jeugd)) == []
    assert jeugd not in visible_sections(form, answers)
    assert not is_relevant(form.field("gezag_wie"), answers, form)
    assert "voogd_naam" not in effective_answers(form, answers)
    assert effective_answers(form, answers)["kind"] is False


def test_yes_no_condition_never_matches_a_number(form: FormDefinition) -> None:
    # In Python True == 1: a corrupt answer 1 must not open the youth section.
    assert not is_relevant(form.section("jeugd"), {"kind": 1})
    assert is_relevant(form.section("jeugd"), {"kind": True})


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, False),
        ({"aantal": 4}, True),
        ({"aantal": 3}, False),
        ({"gezin": [{"naam": "a"}, {"naam": "b"}, {"naam": "c"}]}, True),
        ({"gezin": [{"naam": "a"}]}, False),
    ],
)
def test_at_least_on_numbers_and_list_lengths(
    form: FormDefinition, answers: dict[str, Any], expected: bool
) -> None:
    assert is_relevant(form.field("veel"), answers, form) is expected


@pytest.mark.parametrize(
    ("gebieden", "expected"),
    [(None, False), (["geld"], True), (["werk"], False), (["geld", "wonen"], False)],
)
def test_all_not_contains_and_at_most(
    form: FormDefinition, gebieden: list[str] | None, expected: bool
) -> None:
    assert is_relevant(form.field("weinig_gebieden"), {"gebieden": gebieden}, form) is expected


def test_in_condition(form: FormDefinition) -> None:
    field = form.field("niet_thuis")
    assert is_relevant(field, {"plaats": "elders"})
    assert not is_relevant(field, {"plaats": "thuis"})
    assert not is_relevant(field, {})


# -- progress --------------------------------------------------------------------------------------


def test_progress_counts_visible_required_fields_only(form: FormDefinition) -> None:
    inwoner = form.section("inwoner")
    progress = section_progress(form, inwoner, {}, TODAY)
    assert (progress.required_total, progress.required_answered) == (2, 0)
    assert progress.missing == ("naam", "kind")
    assert progress.problems == ()
    assert not progress.complete

    answers = {"naam": "Fatma Yılmaz", "kind": False, "bsn": "123456789"}
    progress = section_progress(form, inwoner, answers, TODAY)
    assert (progress.required_total, progress.required_answered) == (2, 2)
    assert progress.problems == (
        FieldProblem("bsn", Message("bsn.eleven_test")),
    )
    assert str(progress.problems[0].message) == (
        "Dit is geen geldig BSN (de elfproef klopt niet). Controleer de cijfers.")
    assert not progress.complete
    answers["bsn"] = "999993847"
    assert section_progress(form, inwoner, answers, TODAY).complete


def test_progress_ignores_hidden_fields_and_does_not_count_wrong_answers(
    form: FormDefinition,
) -> None:
    jeugd = form.section("jeugd")
    hidden = section_progress(form, jeugd, {"kind": False, "gezag_wie": "fout"}, TODAY)
    assert (hidden.required_total, hidden.required_answered, hidden.problems) == (0, 0, ())
    assert hidden.complete

    shown = section_progress(form, jeugd, {"kind": True, "gezag_wie": "voogd"}, TODAY)
    assert (shown.required_total, shown.required_answered) == (2, 1)
    assert shown.missing == ("voogd_naam",)

    wrong = section_progress(form, jeugd, {"kind": True, "gezag_wie": "fout"}, TODAY)
    assert (wrong.required_total, wrong.required_answered) == (1, 0)
    assert wrong.problems == (
        FieldProblem("gezag_wie", Message("field.not_a_choice")),
    )
    assert render(wrong.problems[0].message, "en") == "Please pick one of the options in the list."
    assert wrong.missing == ()


# -- comparing definition versions ----------------------------------------------------------------

OLD = """\
id: gesprek
version: 1
title: Gesprek
sections:
  - id: a
    title: Algemeen
    fields:
      - id: naam
        type: text
        label: Naam
      - id: plaats
        type: choice
        label: Plaats
        choices:
          - {value: thuis, label: Thuis}
          - {value: kantoor, label: Kantoor}
          - {value: elders, label: Elders}
      - id: leeftijd
        type: text
        label: Leeftijd
      - id: hobby
        type: text
        label: Hobby
      - id: telefoon
        type: text
        label: Telefoon
        constraints: {max_length: 20}
  - id: oud
    title: Oud onderdeel
    fields:
      - id: opmerking
        type: long_text
        label: Opmerking
"""

NEW = """\
id: gesprek
version: 2
title: Gesprek
sections:
  - id: a
    title: Algemene gegevens
    fields:
      - id: naam
        type: text
        label: Volledige naam
        required: true
      - id: plaats
        type: choice
        label: Plaats
        choices:
          - {value: thuis, label: Bij de inwoner thuis}
          - {value: kantoor, label: Kantoor}
          - {value: telefoon, label: Telefonisch}
      - id: leeftijd
        type: number
        label: Leeftijd
      - id: telefoon
        type: text
        label: Telefoon
        constraints: {max_length: 15}
        relevance: {field: plaats, equals: telefoon}
  - id: nieuw
    title: Nieuw onderdeel
    fields:
      - id: opmerking
        type: long_text
        label: Opmerking
      - id: email
        type: text
        label: E-mail
        required: true
"""


def test_compare_identical_definitions_gives_nothing() -> None:
    old = parse_form_definition(OLD, "v1.yaml")
    assert compare_definitions(old, parse_form_definition(OLD, "kopie.yaml")) == []


def test_compare_lists_every_change_in_plain_dutch() -> None:
    old = parse_form_definition(OLD, "v1.yaml")
    new = parse_form_definition(NEW, "v2.yaml")
    answers = {"plaats": "elders", "hobby": "vissen", "leeftijd": "zestig", "naam": ""}
    assert [str(c) for c in compare_definitions(old, new, answers)] == [
        "Onderdeel 'Algemeen' heet nu 'Algemene gegevens'.",
        "Nieuw onderdeel: 'Nieuw onderdeel'.",
        "Onderdeel 'Oud onderdeel' is vervallen.",
        "Veld 'Naam' heet nu 'Volledige naam'.",
        "Veld 'Volledige naam' is nu verplicht.",
        "Bij 'Plaats' zijn keuzes bijgekomen: Telefonisch.",
        "Bij 'Plaats' zijn keuzes vervallen: Elders. Je had dit al ingevuld.",
        "Bij 'Plaats': 'Thuis' heet nu 'Bij de inwoner thuis'.",
        "Veld 'Leeftijd' is veranderd van korte tekst naar getal. Je had dit al ingevuld.",
        "De regels voor 'Telefoon' zijn veranderd.",
        "Veld 'Telefoon' verschijnt nu in andere gevallen dan eerst.",
        "Veld 'Opmerking' staat nu in onderdeel 'Nieuw onderdeel'.",
        "Nieuw veld: 'E-mail' (onderdeel 'Nieuw onderdeel'). Het is verplicht.",
        "Veld 'Hobby' is vervallen. Je had dit al ingevuld. Dat antwoord staat niet op het "
        "nieuwe formulier.",
    ]


def test_compare_lists_every_change_in_english_with_the_forms_own_english() -> None:
    """Our sentences and notes in English; the form's labels in English where the file gives
    them ('Leeftijd' → 'Age'), otherwise as the file has them."""
    def bilingual(source: str) -> str:
        return source.replace("label: Leeftijd", "label: {nl: Leeftijd, en: Age}")

    old = parse_form_definition(bilingual(OLD), "v1.yaml")
    new = parse_form_definition(bilingual(NEW), "v2.yaml")
    answers = {"plaats": "elders", "hobby": "vissen", "leeftijd": "zestig"}
    changes = compare_definitions(old, new, answers)
    assert [render(c.message, "en") for c in changes][:3] == [
        "Section 'Algemeen' is now called 'Algemene gegevens'.",
        "New section: 'Nieuw onderdeel'.",
        "Section 'Oud onderdeel' has been removed.",
    ]
    english = {render(c.message, "en") for c in changes}
    assert "Field 'Age' has changed from short text to number. You had already filled this in." \
        in english
    assert "Field 'Hobby' has been removed. You had already filled this in. That answer is not " \
        "on the new form." in english
    assert "New field: 'E-mail' (section 'Nieuw onderdeel'). It is required." in english
    kinds = {c.change.key for c in changes}
    assert len(kinds) == 14, kinds
    assert all(str(c) == render(c.message, "nl") for c in changes)


def test_compare_without_answers_does_not_claim_anything_was_filled_in() -> None:
    old = parse_form_definition(OLD, "v1.yaml")
    new = parse_form_definition(NEW, "v2.yaml")
    changes = [str(c) for c in compare_definitions(old, new)]
    assert "Veld 'Hobby' is vervallen." in changes
    assert not any("ingevuld" in change for change in changes)


def test_compare_person_list_columns() -> None:
    base = """\
id: g
version: 1
title: G
sections:
  - id: a
    title: A
    fields:
      - id: gezin
        type: person_list
        label: Gezin
        columns:
          - {id: naam, type: text, label: Naam}
"""
    old = parse_form_definition(base, "v1.yaml")
    new = parse_form_definition(
        base + "          - {id: gezag, type: yes_no, label: Gezag}\n", "v2.yaml"
    )
    assert [str(c) for c in compare_definitions(old, new, {"gezin": [{"naam": "Ali"}]})] == [
        "De kolommen van 'Gezin' zijn veranderd. Je had dit al ingevuld."
    ]


STAGES = """\
id: g
version: {version}
title: G
sections:
  - id: a
    title: A
    fields:
      - id: score
        type: choice
        label: Score
        required: {score}
        choices: [{{value: 1, label: Een}}, {{value: 2, label: Twee}}]
      - id: plan
        type: long_text
        label: Plan
        required: {plan}
"""


def test_compare_says_when_a_field_is_only_needed_at_the_transfer() -> None:
    old = parse_form_definition(STAGES.format(version=1, score="true", plan="false"), "v1.yaml")
    new = parse_form_definition(STAGES.format(version=2, score="overdracht", plan="overdracht"),
                                "v2.yaml")
    changes = compare_definitions(old, new)
    assert [str(c) for c in changes] == [
        "Veld 'Score' hoeft pas ingevuld te zijn als je de intake klaarzet voor overdracht.",
        "Veld 'Plan' is nu verplicht.",
        "Veld 'Plan' hoeft pas ingevuld te zijn als je de intake klaarzet voor overdracht.",
    ]
    back = [render(c.message, "en") for c in compare_definitions(new, old)]
    assert back == [
        "Field 'Score' is now required during the conversation, not only at transfer.",
        "Field 'Plan' is no longer required.",
    ]


def test_progress_at_the_transfer_stage_counts_the_transfer_fields() -> None:
    from desktop_app.domain.forms import RequiredAt

    form = parse_form_definition(STAGES.format(version=1, score="overdracht", plan="true"),
                                 "v1.yaml")
    section = form.sections[0]
    during = section_progress(form, section, {}, TODAY)
    assert (during.required_total, during.missing) == (1, ("plan",))
    at_transfer = section_progress(form, section, {}, TODAY, stage=RequiredAt.TRANSFER)
    assert (at_transfer.required_total, at_transfer.missing) == (2, ("score", "plan"))
    # A wrong answer is a problem at both stages; only an empty one waits for the transfer.
    wrong = section_progress(form, section, {"score": "9"}, TODAY)
    assert [p.field_id for p in wrong.problems] == ["score"]


AGES = """\
id: g
version: 1
title: G
reference_date: gesprek
sections:
  - id: a
    title: A
    fields:
      - {id: gesprek, type: date, label: Gesprek}
      - {id: geboren, type: date, birth_date: true, label: Geboren}
  - id: jong
    title: Jong
    relevance: {field: geboren, age_below: 18}
    fields:
      - {id: x, type: text, label: X}
"""


def test_an_age_without_a_valid_date_of_the_conversation_counts_on_today() -> None:
    form = parse_form_definition(AGES, "ages.yaml")
    jong = form.section("jong")
    born = (dt.date.today() - dt.timedelta(days=17 * 366)).isoformat()  # 17 today
    assert jong in visible_sections(form, {"geboren": born})
    assert jong in visible_sections(form, {"geboren": born, "gesprek": "31-02-2026"})
    # On a conversation ten years later the resident is an adult.
    later = (dt.date.today() + dt.timedelta(days=3650)).isoformat()
    assert jong not in visible_sections(form, {"geboren": born, "gesprek": later})
    # Born after the conversation (a typo): no age, so the condition does not hold.
    assert jong not in visible_sections(form, {"geboren": "2030-01-01", "gesprek": "2026-01-01"})


@pytest.mark.parametrize("field_type", list(FieldType))
def test_every_field_type_has_a_plain_name_in_both_languages(field_type: FieldType) -> None:
    dutch, english = render(field_type.label, "nl"), render(field_type.label, "en")
    assert dutch.strip() and english.strip()
    assert field_type.label.key == f"field.type.{field_type.value}"

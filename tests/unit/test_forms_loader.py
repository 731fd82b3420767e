"""The form definition loader: every kind of editor mistake names the file, the line and what
is allowed; valid forms load with both languages and an exact content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

from desktop_app.domain.forms import (
    AllOf,
    ConditionOp,
    ConstraintKind,
    DefinitionError,
    FieldCondition,
    FieldType,
    RequiredAt,
    RowCondition,
    Text,
    load_form_definition,
    parse_form_definition,
    untranslated_texts,
)
from desktop_app.messages import render

SOURCE = "proef.yaml"

# Each case: a broken definition, the exact line of the mistake, the exact Dutch message.
MISTAKES = [
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
       label: X
""",
        10,
        ("de YAML klopt niet (expected <block end>, but found '<block mapping start>')"),
        id="yaml_syntax",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        label: X
        label: Y
""",
        11,
        ("de sleutel 'label' staat er twee keer"),
        id="duplicate_key",
    ),
    pytest.param(
        """\
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        label: X
""",
        1,
        ("bij het formulier ontbreekt 'id'. Vul 'id:' in."),
        id="missing_id",
    ),
    pytest.param(
        """\
id: proef
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        label: X
""",
        1,
        ("bij het formulier ontbreekt 'version'. Vul 'version:' in."),
        id="missing_version",
    ),
    pytest.param(
        """\
id: proef
version: een
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        label: X
""",
        2,
        (
            "'version' moet een heel getal van 1 of hoger zijn, maar er staat de tekst 'een'. "
            "Verhoog het bij elke wijziging."
        ),
        id="version_wrong_type",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: naam
        type: text
        label: Naam
  - id: b
    title: B
    fields:
      - id: naam
        type: text
        label: Naam partner
""",
        14,
        (
            "veld-id 'naam' bestaat al (regel 8, sectie 'a'). Elk veld in het formulier moet een "
            "eigen id hebben."
        ),
        id="duplicate_field_id",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: txt
        label: X
""",
        9,
        (
            "onbekend type 'txt' bij veld 'x'. Bedoel je 'text'? Kies uit: text, long_text, date,"
            " choice, multi_choice, yes_no, number, bsn, person_list."
        ),
        id="unknown_type",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        lable: X
""",
        10,
        (
            "onbekende sleutel 'lable' bij een veld in sectie 'a'. Bedoel je 'label'? Toegestaan "
            "zijn: birth_date, choices, columns, constraints, help, id, label, placeholder, "
            "relevance, required, required_message, signal, type."
        ),
        id="unknown_key",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: plaats
        type: choice
        label: Plaats
""",
        8,
        (
            "veld 'plaats' is van type choice maar heeft geen 'choices'. Voeg een lijst toe met "
            "per keuze 'value' en 'label'."
        ),
        id="choice_without_choices",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: plaats
        type: choice
        label: Plaats
        choices:
          - {value: thuis, label: Thuis}
          - {value: kantoor, label: Kantoor}
          - {value: thuis, label: Bij de inwoner}
""",
        14,
        (
            "keuze 'thuis' staat twee keer bij veld 'plaats' (ook op regel 12). Elke keuze heeft "
            "een eigen 'value'."
        ),
        id="duplicate_choice",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: kind
        type: yes_no
        label: Kind?
      - id: gezag
        type: text
        label: Gezag
        relevance: {field: kinderen, equals: true}
""",
        14,
        (
            "de voorwaarde verwijst naar veld 'kinderen', maar dat veld bestaat niet in dit "
            "formulier. Bedoel je 'kind'? Gebruik de 'id' van een bestaand veld."
        ),
        id="relevance_unknown_field",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: plaats
        type: choice
        label: Plaats
        choices:
          - {value: thuis, label: Thuis}
          - {value: elders, label: Elders}
      - id: waar
        type: text
        label: Waar?
        relevance:
          field: plaats
          equals: anders
""",
        19,
        ("'anders' is geen keuze van veld 'plaats'. Mogelijke keuzes: thuis, elders."),
        id="relevance_value_not_a_choice",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: postcode
        type: text
        label: Postcode
        constraints:
          pattern: '[1-9][0-9]{3} ?([A-Z]{2'
""",
        12,
        (
            "het patroon bij veld 'postcode' is geen geldige reguliere expressie (missing ), "
            "unterminated subpattern, positie 15). Zet het patroon tussen enkele aanhalingstekens"
            " en controleer haakjes en \\-tekens."
        ),
        id="invalid_regex",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: kinderen
        type: number
        label: Aantal kinderen
        constraints:
          min: 10
          max: 5
""",
        12,
        (
            "bij veld 'kinderen' is 'min' (10) groter dan 'max' (5). Dan kan geen enkel antwoord "
            "goed zijn; maak de ondergrens kleiner of de bovengrens groter."
        ),
        id="min_greater_than_max",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        label: X
        required_message: Vul X in.
""",
        11,
        (
            "veld 'x' heeft een 'required_message', maar is niet verplicht. Zet 'required: true' "
            "erbij, of haal de 'required_message' weg."
        ),
        id="required_message_not_required",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields: []
""",
        7,
        (
            "sectie 'a' heeft geen velden. Voeg onder 'fields:' minstens één veld toe, of haal de"
            " sectie weg."
        ),
        id="empty_section",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        label: X
        required: ja
""",
        11,
        ("'required' bij veld 'x' moet true, false of overdracht zijn, maar er staat de tekst "
         "'ja'. Met overdracht is het veld pas verplicht als de intake klaar is voor "
         "overdracht."),
        id="wrong_value_type",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: p
        type: yes_no
        label: P
        relevance: {field: q, answered: true}
      - id: q
        type: yes_no
        label: Q
        relevance: {field: r, equals: true}
      - id: r
        type: yes_no
        label: R
        relevance: {field: p, equals: false}
""",
        19,
        (
            "de voorwaarden (relevance) draaien in een kring: p → q → r → p. Een veld kan niet "
            "via andere velden van zichzelf afhangen; laat één van deze voorwaarden naar een "
            "ander veld verwijzen."
        ),
        id="relevance_cycle",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: p
        type: yes_no
        label: P
        relevance: {not: {field: p, answered: true}}
""",
        11,
        (
            "veld 'p' hangt in zijn eigen voorwaarde (relevance) van zichzelf af. Dan kan het "
            "nooit verschijnen; verwijs naar een ander veld."
        ),
        id="relevance_self",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    relevance: {field: p, equals: true}
    fields:
      - id: p
        type: yes_no
        label: P
""",
        7,
        (
            "sectie 'a' hangt af van veld 'p', maar dat veld staat in dezelfde sectie: zolang de "
            "sectie verborgen is, kan het niet worden ingevuld. Verwijs naar een veld in een "
            "andere sectie."
        ),
        id="section_depends_on_own_field",
    ),
    pytest.param(
        """\
id: proef
version: 1
languages: [nl, en]
title: {nl: Proef, en: Test}
sections:
  - id: a
    title: {nl: A, en: A}
    fields:
      - id: x
        type: text
        label:
          nl: Naam
""",
        12,
        (
            "'label' bij veld 'x' mist de taal 'en'. Dit formulier belooft de talen nl, en: "
            "schrijf {nl: ..., en: ...}."
        ),
        id="missing_english",
    ),
    pytest.param(
        """\
id: proef
version: 1
languages: [nl, en]
title: Proef
sections:
  - id: a
    title: {nl: A, en: A}
    fields:
      - id: x
        type: text
        label: {nl: X, en: X}
""",
        4,
        (
            "'title' bij het formulier staat in één taal, maar dit formulier belooft de talen nl,"
            " en. Schrijf het als {nl: ..., en: ...}."
        ),
        id="plain_string_when_two_languages",
    ),
    pytest.param(
        """\
id: proef
version: 1
languages: [nl, en]
title: {nl: Proef, en: Test}
sections:
  - id: a
    title: {nl: A, en: A}
    fields:
      - id: x
        type: choice
        label: {nl: X, en: X}
        choices:
          - value: nee
            label: {nl: Nee, en: No}
""",
        14,
        (
            "'label' bij keuze 'nee' bij veld 'x' in taal 'en' moet tekst zijn, maar er staat de "
            "ja/nee-waarde false. Let op: YAML leest ja/nee-woorden zoals yes, no, on en off "
            "zonder aanhalingstekens als true/false; zet zulke tekst tussen aanhalingstekens, "
            'bijvoorbeeld "No".'
        ),
        id="yaml_bool_trap",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: d
        type: date
        label: Datum
        constraints:
          max_length: 10
""",
        12,
        (
            "de regel 'max_length' past niet bij veld 'd' van type date. Bij dit type kan: "
            "not_after, not_before, not_in_future."
        ),
        id="constraint_wrong_type",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: naam
        type: text
        label: Naam
      - id: x
        type: text
        label: X
        relevance: {field: naam, equals: Jan}
""",
        14,
        ("de toets 'equals' werkt niet op veld 'naam' van type text. Bij dit type kan: answered."),
        id="op_wrong_for_type",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: d
        type: date
        label: Datum
        constraints:
          not_before: '2020-02-31'
""",
        12,
        (
            "'not_before' bij veld 'd' moet een bestaande datum als jjjj-mm-dd zijn, maar er "
            "staat de tekst '2020-02-31'."
        ),
        id="not_before_impossible_date",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: gezin
        type: person_list
        label: Gezin
""",
        8,
        (
            "veld 'gezin' is een personenlijst maar heeft geen 'columns'. Geef de kolommen, "
            "bijvoorbeeld naam, relatie en geboortedatum."
        ),
        id="person_list_without_columns",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: n
        type: number
        label: N
      - id: x
        type: text
        label: X
        relevance: {field: n, at_least: 1, at_most: 3}
""",
        14,
        (
            "een voorwaarde heeft precies één toets nodig; er staat at_least, at_most. Kies één "
            "van: equals, in, contains, answered, at_least, at_most, age_at_least, age_below, "
            "has_row. Combineer met 'all' of 'any'."
        ),
        id="two_ops_in_condition",
    ),
    pytest.param(
        """\
# alleen commentaar
""",
        None,
        ("het bestand is leeg. Een formulier begint met id, version, title en sections."),
        id="empty_file",
    ),
    pytest.param(
        """\
- id: proef
""",
        1,
        ("het formulier moet een blok met sleutels zijn, maar er staat een lijst."),
        id="top_level_list",
    ),
    pytest.param(
        """\
id: proef
version: 1
title: Proef
sections: []
""",
        4,
        ("'sections' is leeg. Voeg minstens één sectie toe."),
        id="no_sections",
    ),
    pytest.param(
        """\
id: Proef Formulier
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: x
        type: text
        label: X
""",
        1,
        (
            "'id' van het formulier is de tekst 'Proef Formulier'. Een id bestaat uit kleine "
            "letters (a-z), cijfers en _, begint met een letter en is hoogstens 64 tekens."
        ),
        id="bad_id",
    ),
]


# The keys of form version 4 (issue 19): required: overdracht, age_at_least / age_below,
# has_row, only_when and reference_date, each used wrongly.
_PEOPLE = """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: geboren
        type: date
        birth_date: true
        label: Geboren
      - id: datum
        type: date
        label: Datum
      - id: leden
        type: person_list
        label: Leden
        columns:
          - id: naam
            type: text
            label: Naam
          - id: relatie
            type: choice
            label: Relatie
            choices:
              - {value: kind, label: Kind}
              - {value: partner, label: Partner}
"""

MISTAKES += [
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        required: bij_overdracht
""",
        31,
        ("'required' bij veld 'x' moet true, false of overdracht zijn, maar er staat de tekst "
         "'bij_overdracht'. Met overdracht is het veld pas verplicht als de intake klaar is "
         "voor overdracht."),
        id="required_stage_misspelt",
    ),
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        relevance: {field: datum, age_below: 18}
""",
        31,
        ("'age_below' werkt alleen op een geboortedatum; zet 'birth_date: true' bij veld "
         "'datum', of verwijs naar een ander veld."),
        id="age_on_a_date_that_is_no_birth_date",
    ),
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        relevance: {field: geboren, age_at_least: 17.5}
""",
        31,
        ("'age_at_least' moet een leeftijd in hele jaren zijn, van 0 tot en met 130; er staat "
         "het getal 17.5."),
        id="age_not_whole_years",
    ),
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        relevance: {field: naam_x, age_below: 18}
""",
        31,
        ("de voorwaarde verwijst naar veld 'naam_x', maar dat veld bestaat niet in dit "
         "formulier. Gebruik de 'id' van een bestaand veld."),
        id="age_on_an_unknown_field",
    ),
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        relevance: {field: leden, has_row: {naam: [kind]}}
""",
        31,
        ("'has_row' bij veld 'leden' noemt kolom 'naam', maar die lijst heeft geen andere "
         "keuzekolom met die id. Keuzekolommen: relatie."),
        id="has_row_on_a_text_column",
    ),
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        relevance: {field: leden, has_row: {relatie: [kinderen]}}
""",
        31,
        ("'kinderen' is geen keuze van veld 'relatie'. Mogelijke keuzes: kind, partner."),
        id="has_row_with_an_unknown_choice",
    ),
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        relevance: {field: leden, has_row: kind}
""",
        31,
        ("'has_row' bij veld 'leden' moet één kolom met een lijst van keuzes zijn, zoals "
         "{relatie: [kind, pleegkind]}; er staat de tekst 'kind'."),
        id="has_row_not_a_block",
    ),
    pytest.param(
        _PEOPLE + """\
      - id: x
        type: text
        label: X
        relevance: {field: datum, has_row: {relatie: [kind]}}
""",
        31,
        ("de toets 'has_row' werkt niet op veld 'datum' van type date. Bij dit type kan: "
         "age_at_least, age_below, answered."),
        id="has_row_on_a_date",
    ),
    pytest.param(
        _PEOPLE.replace("""\
            label: Naam
""", """\
            label: Naam
            only_when: {relatie: kind}
"""),
        22,
        ("'only_when' bij kolom 'naam' bij veld 'leden' moet één kolom met een lijst van "
         "keuzes zijn, zoals {relatie: [kind, pleegkind]}; er staat de tekst 'kind'."),
        id="only_when_without_a_list",
    ),
    pytest.param(
        _PEOPLE.replace("""\
            label: Naam
""", """\
            label: Naam
            only_when: {relatie: [kind], naam: [x]}
"""),
        22,
        ("'only_when' bij kolom 'naam' bij veld 'leden' moet één kolom met een lijst van "
         "keuzes zijn, zoals {relatie: [kind, pleegkind]}; er staat een blok met sleutels."),
        id="only_when_two_columns",
    ),
    pytest.param(
        _PEOPLE.replace("""\
            label: Relatie
""", """\
            label: Relatie
            only_when: {relatie: [kind]}
"""),
        25,
        ("'only_when' bij kolom 'relatie' bij veld 'leden' noemt kolom 'relatie', maar die "
         "lijst heeft geen andere keuzekolom met die id. Keuzekolommen: geen."),
        id="only_when_on_itself",
    ),
    pytest.param(
        _PEOPLE.replace("version: 1\n", "version: 1\nreference_date: geboren\n"),
        3,
        ("'reference_date' moet de id zijn van een datumveld (geen geboortedatum) waarop "
         "leeftijden worden berekend, zoals bezoek_datum; er staat de tekst 'geboren'."),
        id="reference_date_a_birth_date",
    ),
    pytest.param(
        _PEOPLE.replace("version: 1\n", "version: 1\nreference_date: bezoek\n"),
        3,
        ("'reference_date' moet de id zijn van een datumveld (geen geboortedatum) waarop "
         "leeftijden worden berekend, zoals bezoek_datum; er staat de tekst 'bezoek'."),
        id="reference_date_unknown",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), MISTAKES)
def test_mistake_names_file_line_and_message(text: str, line: int | None, message: str) -> None:
    with pytest.raises(DefinitionError) as caught:
        parse_form_definition(text, SOURCE)
    err = caught.value
    assert err.source == SOURCE
    assert err.line == line
    assert str(err.problem) == message
    where = f"{SOURCE}, regel {line}" if line else SOURCE
    assert str(err) == f"{where}: {message}"


# Words that give Dutch away in an English sentence (as in tests/unit/test_messages.py).
DUTCH_WORDS = {"de", "het", "een", "niet", "je", "bij", "van", "met", "moet", "staat", "er",
               "sleutel", "veld", "sectie", "keuze", "regel", "voorwaarde", "toets", "leeg",
               "tekst", "getal", "blok", "lijst", "kies", "vul", "geen", "bestaat", "talen"}


@pytest.mark.parametrize(("text", "line", "message"), MISTAKES)
def test_mistake_reads_in_english(text: str, line: int | None, message: str) -> None:
    """Every problem, with its nested parts (which part of the file, how the value looks,
    hints), renders without Dutch; what the editor typed ('een') is quoted and left out."""
    with pytest.raises(DefinitionError) as caught:
        parse_form_definition(text, SOURCE)
    english = render(caught.value.problem, "en")
    assert english != message
    words = set(re.findall(r"[a-zà-ÿ]+", re.sub(r"'[^']*'", "", english).lower()))
    assert not words & DUTCH_WORDS, english
    where = f"{SOURCE}, line {line}" if line else SOURCE
    assert caught.value.render("en").startswith(f"There is a mistake in {where}: ")


def test_english_of_a_typo_with_a_suggestion_and_of_the_yes_no_trap() -> None:
    typo = MINIMAL.replace("type: date", "type: dat")
    with pytest.raises(DefinitionError) as caught:
        parse_form_definition(typo, SOURCE)
    assert render(caught.value.problem, "en") == (
        "unknown type 'dat' in field 'datum'. Did you mean 'date'? Choose from: text, "
        "long_text, date, choice, multi_choice, yes_no, number, bsn, person_list.")
    trap = MINIMAL.replace("label: Datum", "label: {nl: Datum, en: no}").replace(
        "version: 3", "version: 3\nlanguages: [nl, en]").replace(
        "title: Minimaal formulier", "title: {nl: Minimaal, en: Minimal}").replace(
        "title: Gesprek", "title: {nl: Gesprek, en: Conversation}")
    with pytest.raises(DefinitionError) as caught:
        parse_form_definition(trap, SOURCE)
    assert render(caught.value.problem, "en") == (
        "'label' of field 'datum' in language 'en' must be text, but it is the yes/no value "
        "false. Note: YAML reads yes/no words such as yes, no, on and off without quotation "
        'marks as true/false; put such text between quotation marks, for example "No".')


def test_there_are_at_least_ten_distinct_mistakes() -> None:
    assert len({p.id for p in MISTAKES}) >= 10


MINIMAL = """\
id: minimaal
version: 3
title: Minimaal formulier
sections:
  - id: gesprek
    title: Gesprek
    fields:
      - id: datum
        type: date
        label: Datum
"""


def test_minimal_form_loads_with_defaults() -> None:
    form = parse_form_definition(MINIMAL, SOURCE)
    assert form.id == "minimaal"
    assert form.version == 3
    assert form.title == Text(nl="Minimaal formulier")
    assert form.languages == ("nl",)
    assert form.source == SOURCE
    assert form.description is None
    field = form.field("datum")
    assert field.type is FieldType.DATE
    assert field.required is False
    assert field.relevance is None
    assert form.section_of("datum").id == "gesprek"
    assert form.evaluation_order == ("datum",)


def test_content_hash_is_sha256_of_exact_bytes() -> None:
    form = parse_form_definition(MINIMAL, SOURCE)
    assert form.content_hash == hashlib.sha256(MINIMAL.encode("utf-8")).hexdigest()
    # A change that does not change the meaning (a comment) still changes the hash: the hash
    # identifies the exact file a draft was started with.
    other = parse_form_definition(MINIMAL + "# opmerking\n", SOURCE)
    assert other.content_hash != form.content_hash


def test_load_from_file_hashes_bytes_on_disk_including_crlf(tmp_path: Path) -> None:
    raw = MINIMAL.replace("\n", "\r\n").encode("utf-8")
    path = tmp_path / "formulier.yaml"
    path.write_bytes(raw)
    form = load_form_definition(path)
    assert form.content_hash == hashlib.sha256(raw).hexdigest()
    assert form.source == str(path)
    assert form.field("datum").label.nl == "Datum"


def test_file_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINIMAL.replace("Datum", "Datum café").encode("latin-1"))
    with pytest.raises(DefinitionError) as caught:
        load_form_definition(path)
    assert caught.value.source == str(path)
    assert caught.value.line is None
    assert str(caught.value.problem) == "het bestand is geen UTF-8-tekst. Sla het op als UTF-8."


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bestaat-niet.yaml"
    with pytest.raises(DefinitionError) as caught:
        load_form_definition(path)
    assert caught.value.source == str(path)
    assert str(caught.value.problem).startswith("het bestand kan niet worden gelezen")


BILINGUAL = """\
id: tweetalig
version: 1
languages: [nl, en]
title: {nl: Tweetalig, en: Bilingual}
description:
  nl: Een proef.
  en: A test.
sections:
  - id: gesprek
    title: {nl: Gesprek, en: Conversation}
    help: {nl: Hulp, en: Help}
    fields:
      - id: plaats
        type: choice
        label: {nl: Plaats, en: Place}
        required: true
        required_message: {nl: Kies een plaats., en: Choose a place.}
        choices:
          - value: thuis
            label: {nl: Thuis, en: At home}
          - value: 1
            label: {nl: Kantoor, en: Office}
            help: {nl: Het wijkteamkantoor, en: The team's office}
      - id: naam
        type: text
        label: {nl: Naam, en: Name}
        placeholder: {nl: Voornaam en achternaam, en: First and last name}
        relevance: {field: plaats, in: [thuis, 1]}
        constraints:
          max_length:
            value: 50
            message: {nl: Te lang., en: Too long.}
          pattern: '[^0-9]+'
      - id: geboren
        type: date
        birth_date: true
        label: {nl: Geboren, en: Born}
        constraints:
          not_before: 1900-01-01
          not_after: '2100-12-31'
          not_in_future: true
"""


def test_both_languages_are_kept_and_get_falls_back_to_dutch() -> None:
    form = parse_form_definition(BILINGUAL, SOURCE)
    assert form.languages == ("nl", "en")
    assert form.title.get("nl") == "Tweetalig"
    assert form.title.get("en") == "Bilingual"
    assert form.description == Text("Een proef.", "A test.")
    field = form.field("plaats")
    assert field.required_message == Text("Kies een plaats.", "Choose a place.")
    assert [c.label.get("en") for c in field.choices] == ["At home", "Office"]
    assert untranslated_texts(form) == []
    # An unsupported language, or a text without translation, falls back to Dutch.
    assert form.title.get("de") == "Tweetalig"
    assert Text("Alleen Nederlands").get("en") == "Alleen Nederlands"


def test_numeric_choice_values_become_text_and_conditions_follow() -> None:
    form = parse_form_definition(BILINGUAL, SOURCE)
    assert form.field("plaats").choice_values() == ("thuis", "1")
    relevance = form.field("naam").relevance
    assert relevance == FieldCondition("plaats", ConditionOp.IN, ("thuis", "1"))


def test_constraints_are_parsed_and_regex_compiled_at_load_time() -> None:
    form = parse_form_definition(BILINGUAL, SOURCE)
    naam = form.field("naam")
    max_length = naam.constraint(ConstraintKind.MAX_LENGTH)
    assert max_length is not None and max_length.value == 50
    assert max_length.message == Text("Te lang.", "Too long.")
    pattern = naam.constraint(ConstraintKind.PATTERN)
    assert pattern is not None and pattern.compiled is not None
    assert pattern.compiled.fullmatch("Anna") is not None
    geboren = form.field("geboren")
    assert geboren.birth_date is True
    before = geboren.constraint(ConstraintKind.NOT_BEFORE)
    after = geboren.constraint(ConstraintKind.NOT_AFTER)
    assert before is not None and before.value == dt.date(1900, 1, 1)
    assert after is not None and after.value == dt.date(2100, 12, 31)


def test_dutch_only_form_reports_untranslated_texts() -> None:
    form = parse_form_definition(MINIMAL, SOURCE)
    assert untranslated_texts(form) == ["title", "gesprek: title", "gesprek/datum: label"]


def test_forward_reference_without_cycle_is_allowed_and_ordered() -> None:
    text = """\
id: vooruit
version: 1
title: Vooruit
sections:
  - id: a
    title: A
    relevance: {all: [{field: kind, equals: true}, {not: {field: aantal, at_most: 0}}]}
    fields:
      - id: toelichting
        type: long_text
        label: Toelichting
  - id: b
    title: B
    fields:
      - id: kind
        type: yes_no
        label: Kind?
      - id: aantal
        type: number
        label: Aantal
        relevance: {field: kind, answered: true}
"""
    form = parse_form_definition(text, SOURCE)
    order = form.evaluation_order
    assert order.index("kind") < order.index("aantal") < order.index("toelichting")
    relevance = form.section("a").relevance
    assert isinstance(relevance, AllOf)
    assert relevance.referenced_fields() == {"kind", "aantal"}


def test_a_signal_belongs_to_a_yes_no_field_and_must_be_known() -> None:
    """Issue 15: `signal: veiligheid` makes a "ja" offer the Meldcode and Veilig Thuis."""
    from desktop_app.domain.forms_model import Signal

    base = """\
id: proef
version: 1
title: Proef
sections:
  - id: a
    title: A
    fields:
      - id: zorgen
        type: {type}
        label: Zorgen?
        signal: {signal}
"""
    form = parse_form_definition(base.format(type="yes_no", signal="veiligheid"), SOURCE)
    assert form.field("zorgen").signal is Signal.SAFETY
    with pytest.raises(DefinitionError) as caught:
        parse_form_definition(base.format(type="yes_no", signal="brand"), SOURCE)
    assert caught.value.line == 11 and "signaal 'brand' bestaat niet" in str(caught.value)
    with pytest.raises(DefinitionError) as caught:
        parse_form_definition(base.format(type="text", signal="veiligheid"), SOURCE)
    assert caught.value.line == 11 and "ja/nee-vraag" in str(caught.value)


def test_the_version_4_keys_load() -> None:
    with_reference = _PEOPLE.replace("version: 1\n", "version: 1\nreference_date: datum\n")
    form = parse_form_definition(with_reference.replace(
        """\
            label: Naam
""", """\
            label: Naam
            only_when: {relatie: [partner]}
""") + """\
      - id: x
        type: text
        label: X
        required: overdracht
        required_message: Vul X in.
        relevance:
          all:
            - {field: geboren, age_at_least: 18}
            - {field: leden, has_row: {relatie: [kind]}}
""", SOURCE)
    assert form.reference_date == "datum"
    x = form.field("x")
    assert x.required and x.required_at is RequiredAt.TRANSFER
    assert form.field("geboren").required_at is RequiredAt.CONVERSATION
    assert x.relevance == AllOf((
        FieldCondition("geboren", ConditionOp.AGE_AT_LEAST, 18, reference="datum"),
        FieldCondition("leden", ConditionOp.HAS_ROW, ("kind",),
                       row=RowCondition("relatie", ("kind",))),
    ))
    naam = form.field("leden").columns[0]
    assert naam.only_when == RowCondition("relatie", ("partner",))
    assert naam.asked_for({"relatie": "partner"}) and not naam.asked_for({"relatie": "kind"})
    # The reference date is evaluated before the field that computes an age with it.
    assert form.evaluation_order.index("datum") < form.evaluation_order.index("x")
    adult = {"geboren": "2000-01-01", "datum": "2026-01-01",
             "leden": [{"naam": "K", "relatie": "kind"}]}
    assert x.relevance.evaluate(adult)
    assert not x.relevance.evaluate({**adult, "datum": "2017-12-31"})  # then 17
    assert not x.relevance.evaluate({**adult, "leden": [{"naam": "P", "relatie": "partner"}]})
    assert not x.relevance.evaluate({**adult, "geboren": "31-02-2000"})  # no real date

"""The shipped gespreksformulier: it loads, is complete in Dutch and English, covers the 13
life domains of the Zelfredzaamheid-Matrix, and its relevance rules behave as a worker expects."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.forms import (
    ConditionOp,
    FieldCondition,
    FieldType,
    FormDefinition,
    Text,
    is_relevant,
    load_form_definition,
    section_progress,
    untranslated_texts,
    visible_fields,
    visible_sections,
)

FORM_PATH = Path(__file__).resolve().parents[2] / "forms" / "gespreksformulier.yaml"
TODAY = dt.date(2026, 3, 15)

DOMAINS = [
    "financien",
    "werk_opleiding",
    "tijdsbesteding",
    "huisvesting",
    "huiselijke_relaties",
    "geestelijke_gezondheid",
    "lichamelijke_gezondheid",
    "middelengebruik",
    "basale_adl",
    "instrumentele_adl",
    "sociaal_netwerk",
    "maatschappelijke_participatie",
    "justitie",
]


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return load_form_definition(FORM_PATH)


def all_texts(form: FormDefinition) -> list[tuple[str, Text]]:
    """Every text a worker can see, with where it is."""
    found: list[tuple[str, Text | None]] = [
        ("title", form.title),
        ("description", form.description),
    ]
    for section in form.sections:
        found += [(f"{section.id}.title", section.title), (f"{section.id}.help", section.help)]
        for f in section.fields:
            where = f"{section.id}/{f.id}"
            found += [
                (f"{where}.label", f.label),
                (f"{where}.help", f.help),
                (f"{where}.placeholder", f.placeholder),
                (f"{where}.required_message", f.required_message),
            ]
            found += [(f"{where}.{c.kind.value}", c.message) for c in f.constraints]
            for choice in f.choices:
                found += [(f"{where}:{choice.value}", choice.label), ("", choice.help)]
            for column in f.columns:
                found += [(f"{where}#{column.id}", column.label), ("", column.help)]
                found += [(f"{where}#{column.id}:{c.value}", c.label) for c in column.choices]
    return [(where, text) for where, text in found if text is not None]


def test_the_shipped_form_loads(form: FormDefinition) -> None:
    assert form.id == "gespreksformulier"
    assert form.version == 4
    assert form.languages == ("nl", "en")
    assert len(form.content_hash) == 64
    assert form.content_hash == hashlib.sha256(FORM_PATH.read_bytes()).hexdigest()


def test_every_visible_text_has_dutch_and_english(form: FormDefinition) -> None:
    assert untranslated_texts(form, "en") == []
    texts = all_texts(form)
    assert len(texts) > 200
    for where, text in texts:
        assert text.nl.strip(), where
        assert text.en is not None and text.en.strip(), where


def test_the_sections_of_an_intake_are_there_in_order(form: FormDefinition) -> None:
    section_ids = [s.id for s in form.sections]
    expected_order = [
        "bezoek",
        "inwoner",
        "huishouden",
        "hulpvraag",
        "leefgebieden",
        *(f"leefgebied_{d}" for d in DOMAINS),
        "eigen_kracht",
        "voorzieningen",
        "doelen",
        "ondersteuningsplan",
        "gegevens_toestemming",
        "vervolg",
        "notities",
    ]
    assert section_ids == expected_order


def test_it_has_the_13_life_domains_each_with_score_and_notes(form: FormDefinition) -> None:
    picker = form.field("leefgebieden")
    assert picker.type is FieldType.MULTI_CHOICE
    assert list(picker.choice_values()) == DOMAINS
    for domain in DOMAINS:
        section = form.section(f"leefgebied_{domain}")
        assert section.relevance == FieldCondition("leefgebieden", ConditionOp.CONTAINS, domain)
        score = form.field(f"{domain}_score")
        assert score.type is FieldType.CHOICE
        assert score.required
        assert score.choice_values() == ("1", "2", "3", "4", "5")
        assert [c.label.nl for c in score.choices] == [
            "1 – acute problematiek",
            "2 – niet zelfredzaam",
            "3 – beperkt zelfredzaam",
            "4 – voldoende zelfredzaam",
            "5 – volledig zelfredzaam",
        ]
        assert form.field(f"{domain}_toelichting").type is FieldType.LONG_TEXT
        assert section.help is not None and "Bij 1" in section.help.nl


def test_domain_sections_appear_only_when_ticked(form: FormDefinition) -> None:
    assert not any(s.id.startswith("leefgebied_") for s in visible_sections(form, {}))
    answers: dict[str, Any] = {"leefgebieden": ["financien", "justitie"]}
    shown = [s.id for s in visible_sections(form, answers) if s.id.startswith("leefgebied_")]
    assert shown == ["leefgebied_financien", "leefgebied_justitie"]
    financien = form.section("leefgebied_financien")
    progress = section_progress(form, financien, answers, TODAY)
    assert progress.missing == ("financien_score",)
    answers["financien_score"] = "2"
    assert section_progress(form, financien, answers, TODAY).complete
    # Unticking hides the section and its required score no longer counts anywhere.
    answers["leefgebieden"] = ["justitie"]
    assert not is_relevant(form.field("financien_score"), answers, form)
    hidden = section_progress(form, financien, answers, TODAY)
    assert (hidden.required_total, hidden.required_answered) == (0, 0)


def test_bsn_is_optional_and_explains_why_it_is_asked(form: FormDefinition) -> None:
    bsn = form.field("inwoner_bsn")
    assert bsn.type is FieldType.BSN
    assert not bsn.required
    assert bsn.help is not None
    assert "ZW-5" in bsn.help.nl and "ZW-5" in bsn.help.en
    assert "verwisseld" in bsn.help.nl


def test_household_list_records_custody(form: FormDefinition) -> None:
    household = form.field("huishouden_leden")
    assert household.type is FieldType.PERSON_LIST
    columns = {c.id: c for c in household.columns}
    assert list(columns) == ["naam", "relatie", "geboortedatum", "gezag"]
    assert columns["naam"].required
    assert columns["geboortedatum"].birth_date
    assert columns["gezag"].type is FieldType.YES_NO
    assert form.field("inwoner_geboortedatum").birth_date


def test_custody_questions_only_for_a_child_and_follow_up_when_not_checked(
    form: FormDefinition,
) -> None:
    section = form.section("huishouden")
    adult = {"kind_betrokken": False}
    assert [f.id for f in visible_fields(form, adult, section)] == [
        "huishouden_leden",
        "kind_betrokken",
        "vertegenwoordiging",
        "huishouden_notities",
    ]
    child: dict[str, Any] = {"kind_betrokken": True, "gezag_wie": "onbekend"}
    visible = [f.id for f in visible_fields(form, child, section)]
    assert "gezag_gecontroleerd" in visible and "gezag_namen" not in visible
    child.update(gezag_wie="beide_ouders", gezag_gecontroleerd="nog_niet")
    visible = [f.id for f in visible_fields(form, child, section)]
    assert {"gezag_namen", "gezag_vervolg"} <= set(visible)
    progress = section_progress(form, section, child, TODAY)
    assert progress.missing == ("gezag_namen", "gezag_vervolg")


@pytest.mark.parametrize(
    ("value", "shown"),
    [("geen", False), ("curatele", True), ("mentorschap", True), ("onbekend", False)],
)
def test_curator_name_asked_for_representation(
    form: FormDefinition, value: str, shown: bool
) -> None:
    field = form.field("vertegenwoordiger_naam")
    assert is_relevant(field, {"vertegenwoordiging": value}, form) is shown


def test_consent_section_follows_zw4(form: FormDefinition) -> None:
    section = form.section("gegevens_toestemming")
    no_data = [f.id for f in visible_fields(form, {"gegevens_nodig": False}, section)]
    assert no_data == ["privacy_uitgelegd", "gegevens_nodig"]
    refused = {"gegevens_nodig": True, "mondelinge_toestemming": "nee"}
    assert [f.id for f in visible_fields(form, refused, section)] == [
        "privacy_uitgelegd",
        "gegevens_nodig",
        "gegevens_welke",
        "mondelinge_toestemming",
        "toestemming_toelichting",
        "beroepsgeheim",
    ]
    beroepsgeheim = form.field("beroepsgeheim")
    assert beroepsgeheim.help is not None and "ZW-4" in beroepsgeheim.help.nl


def test_help_texts_cite_the_rules(form: FormDefinition) -> None:
    cited = set()
    for _, text in all_texts(form):
        cited |= set(re.findall(r"Z[WU]-[A-Z0-9]+", text.nl))
        assert set(re.findall(r"Z[WU]-[A-Z0-9]+", text.nl)) == set(
            re.findall(r"Z[WU]-[A-Z0-9]+", text.en or "")
        ), text.nl
    assert {"ZW-1", "ZW-2", "ZW-3", "ZW-4", "ZW-5", "ZW-6", "ZU-V5", "ZU-A4A", "ZU-A4C"} <= cited


def test_notes_can_be_written_beside_the_structure(form: FormDefinition) -> None:
    notes = form.field("notities")
    assert notes.type is FieldType.LONG_TEXT
    assert form.section_of("notities").id == "notities"
    assert notes.help is None or "ZW-6" in notes.help.nl
    section_help = form.section("notities").help
    assert section_help is not None and "ZW-6" in section_help.nl


def test_a_complete_synthetic_intake_passes_every_visible_section(form: FormDefinition) -> None:
    answers: dict[str, Any] = {
        "bezoek_datum": "2026-03-14",
        "bezoek_plaats": "thuis",
        "aanwezig": ["inwoner", "tolk"],
        "aanwezig_wie": "Tolk Turks (telefonisch)",
        "gesprekstaal": "met_hulp",
        "inwoner_naam": "Ayşe Yılmaz-Öztürk",
        "inwoner_geboortedatum": "12-07-1958",
        "inwoner_postcode": "8011 AB",
        "inwoner_telefoon": "+31 6 00000000",
        "inwoner_bsn": "999993847",
        "huishouden_leden": [
            {"naam": "Mehmet Yılmaz", "relatie": "partner", "geboortedatum": "1955-01-30"}
        ],
        "kind_betrokken": False,
        "vertegenwoordiging": "geen",
        "hulpvraag": "Ik kan de trap niet meer op en het huishouden lukt niet meer.",
        "zorgen_veiligheid": False,
        "leefgebieden": ["instrumentele_adl", "lichamelijke_gezondheid"],
        "instrumentele_adl_score": "2",
        "lichamelijke_gezondheid_score": "3",
        "eigen_kracht": "Kookt zelf, dochter doet boodschappen.",
        "doelen": "Weer zelf naar boven kunnen.",
        "afspraken": "Aanvraag traplift bespreken.",
        "privacy_uitgelegd": True,
        "gegevens_nodig": True,
        "gegevens_welke": "Medische informatie van de huisarts over de knie.",
        "mondelinge_toestemming": "ja",
        "beroepsgeheim": True,
        "wie_doet_wat": "Medewerker vraagt toestemmingsverklaring aan; dochter belt huisarts.",
    }
    for section in visible_sections(form, answers):
        progress = section_progress(form, section, answers, TODAY)
        assert progress.complete, (section.id, progress)


def test_the_form_addresses_the_worker_with_je() -> None:
    # The form is read by the worker ("je"); only the paper for the resident says "u".
    text = FORM_PATH.read_text(encoding="utf-8")
    dutch = [line for line in text.splitlines() if not line.lstrip().startswith(("en:", "#"))]
    offending = [line.strip() for line in dutch
                 if re.search(r"(?<![\w'-])(u|uw|U|Uw)(?![\w'-])", line)]
    assert offending == []

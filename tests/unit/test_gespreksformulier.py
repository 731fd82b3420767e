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
    RequiredAt,
    Text,
    is_relevant,
    load_form_definition,
    progress_by_section,
    section_progress,
    untranslated_texts,
    validate_answer,
    visible_fields,
    visible_sections,
)
from desktop_app.messages import render

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
        "veiligheid",
        "jeugd",
        "wmo_onderzoek",
        "leefgebieden",
        *(f"leefgebied_{d}" for d in DOMAINS),
        "eigen_kracht",
        "voorzieningen",
        "betrokkenen",
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
        # Scored after the conversation: needed for the transfer, not during the talk.
        assert score.required and score.required_at is RequiredAt.TRANSFER
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
    assert progress.missing == () and progress.complete
    at_transfer = section_progress(form, financien, answers, TODAY, stage=RequiredAt.TRANSFER)
    assert at_transfer.missing == ("financien_score",) and not at_transfer.complete
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
    only_when = columns["geboortedatum"].only_when
    assert only_when is not None and only_when.column == "relatie"
    assert set(only_when.values) == {"kind", "pleegkind", "broer_zus"}
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
    # Oral consent and professional secrecy are derived from the data requests (issue 19): the
    # form no longer asks them, so they can never contradict the requests.
    needed = [f.id for f in visible_fields(form, {"gegevens_nodig": True}, section)]
    assert needed == ["privacy_uitgelegd", "gegevens_nodig"]
    for removed in ("gegevens_welke", "mondelinge_toestemming", "toestemming_toelichting",
                    "beroepsgeheim"):
        assert not form.has_field(removed)
    gegevens_nodig = form.field("gegevens_nodig")
    assert gegevens_nodig.help is not None and "Gegevensverzoeken" in gegevens_nodig.help.nl


def test_help_texts_cite_the_rules(form: FormDefinition) -> None:
    cited = set()
    for _, text in all_texts(form):
        cited |= set(re.findall(r"Z[WU]-[A-Z0-9]+", text.nl))
        assert set(re.findall(r"Z[WU]-[A-Z0-9]+", text.nl)) == set(
            re.findall(r"Z[WU]-[A-Z0-9]+", text.en or "")
        ), text.nl
    assert {"ZW-1", "ZW-2", "ZW-3", "ZW-5", "ZW-6", "ZU-V2", "ZU-V5", "ZU-A4A"} <= cited


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
        "melding_datum": "2026-03-02",
        "identiteit_vastgesteld": "document",
        "identiteit_document": "identiteitskaart",
        "bezoek_plaats": "thuis",
        "aanwezig": ["inwoner", "tolk"],
        "aanwezig_wie": "Tolk Turks (telefonisch)",
        "gesprekstaal": "met_hulp",
        "inwoner_naam": "Ayşe Yılmaz-Öztürk",
        "inwoner_geboortedatum": "12-07-1958",
        "contact_noteren": True,
        "contact_reden": "Nieuw telefoonnummer, nog niet in het dossier.",
        "inwoner_postcode": "8011 AB",
        "inwoner_telefoon": "+31 6 00000000",
        "inwoner_bsn": "999993847",
        "huishouden_leden": [
            {"naam": "Mehmet Yılmaz", "relatie": "partner"}
        ],
        "kind_betrokken": False,
        "vertegenwoordiging": "geen",
        "hulpvraag": "Ik kan de trap niet meer op en het huishouden lukt niet meer.",
        "hulpvraag_wet": ["wmo"],
        "spoed": False,
        "zorgen_veiligheid": False,
        "clientondersteuning_verteld": True,
        "clientondersteuning_antwoord": "denkt_na",
        "persoonlijk_plan_verteld": True,
        "persoonlijk_plan_antwoord": "wil_niet",
        "mantelzorger_betrokken": "ja",
        "voorkeur_vorm": "natura",
        "gebruikelijke_hulp": "Haar man kan niet meer tillen; de dochter woont niet thuis.",
        "eigen_bijdrage_verteld": True,
        "leefgebieden": ["instrumentele_adl", "lichamelijke_gezondheid"],
        "instrumentele_adl_score": "2",
        "lichamelijke_gezondheid_score": "3",
        "eigen_kracht": "Kookt zelf, dochter doet boodschappen.",
        "doelen_lijst": [{"doel": "Weer zelf naar boven kunnen.", "evaluatie": "2026-06-01"}],
        "afspraken": "Aanvraag traplift bespreken.",
        "privacy_uitgelegd": True,
        "gegevens_nodig": True,
        "wie_doet_wat": "Medewerker vraagt toestemmingsverklaring aan; dochter belt huisarts.",
    }
    for section in visible_sections(form, answers):
        progress = section_progress(form, section, answers, TODAY)
        assert progress.complete, (section.id, progress)
        at_transfer = section_progress(form, section, answers, TODAY, stage=RequiredAt.TRANSFER)
        assert at_transfer.complete, (section.id, at_transfer)
    # Without the scores and the goals it is complete for the conversation, not for the
    # transfer: the readiness check lists exactly those.
    del answers["instrumentele_adl_score"], answers["doelen_lijst"]
    during = progress_by_section(form, answers, TODAY)
    assert all(p.complete for p in during.values())
    transfer = progress_by_section(form, answers, TODAY, RequiredAt.TRANSFER)
    assert {k: p.missing for k, p in transfer.items() if not p.complete} == {
        "leefgebied_instrumentele_adl": ("instrumentele_adl_score",),
        "doelen": ("doelen_lijst",)}


def test_the_form_addresses_the_worker_with_je() -> None:
    # The form is read by the worker ("je"); only the paper for the resident says "u".
    text = FORM_PATH.read_text(encoding="utf-8")
    dutch = [line for line in text.splitlines() if not line.lstrip().startswith(("en:", "#"))]
    offending = [line.strip() for line in dutch
                 if re.search(r"(?<![\w'-])(u|uw|U|Uw)(?![\w'-])", line)]
    assert offending == []


# -- version 4 (issue 19) ---------------------------------------------------------------------

ADULT = "1985-05-01"
FOURTEEN = "2011-09-01"  # 14 on the date of the conversation below


def household(*relations: str) -> list[dict[str, Any]]:
    return [{"naam": f"Persoon {n}", "relatie": r} for n, r in enumerate(relations, start=1)]


def shown(form: FormDefinition, answers: dict[str, Any]) -> set[str]:
    return {f.id for f in visible_fields(form, answers)}


@pytest.mark.parametrize(
    ("birth", "members", "asked"),
    [
        (ADULT, household("partner", "kind"), True),
        (ADULT, household("pleegkind"), True),
        (ADULT, household("partner", "ouder"), False),  # an adult without children
        (ADULT, [], False),
        (FOURTEEN, household("ouder", "broer_zus"), False),  # the child itself
        (FOURTEEN, household("kind"), False),  # even with a "kind" row: not an adult
        ("", household("kind"), False),  # no birth date: no age, so no kindcheck
    ],
)
def test_the_kindcheck_is_asked_of_an_adult_with_children_in_the_household(
    form: FormDefinition, birth: str, members: list[dict[str, Any]], asked: bool
) -> None:
    answers = {"bezoek_datum": "2026-03-14", "inwoner_geboortedatum": birth,
               "huishouden_leden": members}
    assert ("kindcheck_zorgen" in shown(form, answers)) is asked
    # The explanation only follows a "ja".
    assert "kindcheck_toelichting" not in shown(form, answers)
    if asked:
        answers["kindcheck_zorgen"] = True
        assert "kindcheck_toelichting" in shown(form, answers)
        assert form.field("kindcheck_zorgen").signal is not None


def test_the_age_counts_on_the_date_of_the_conversation(form: FormDefinition) -> None:
    # 18 on 2 March 2026: a conversation on 1 March was with a minor, on 2 March an adult.
    answers: dict[str, Any] = {"inwoner_geboortedatum": "2008-03-02",
                               "huishouden_leden": household("kind")}
    answers["bezoek_datum"] = "2026-03-01"
    assert "kindcheck_zorgen" not in shown(form, answers)
    assert form.section("jeugd") in visible_sections(form, answers)
    answers["bezoek_datum"] = "2026-03-02"
    assert "kindcheck_zorgen" in shown(form, answers)
    assert form.section("jeugd") not in visible_sections(form, answers)


def test_the_youth_section_appears_for_a_14_year_old_or_the_youth_act(
    form: FormDefinition,
) -> None:
    jeugd = form.section("jeugd")
    child = {"bezoek_datum": "2026-03-14", "inwoner_geboortedatum": FOURTEEN}
    assert jeugd in visible_sections(form, child)
    adult = {"bezoek_datum": "2026-03-14", "inwoner_geboortedatum": ADULT}
    assert jeugd not in visible_sections(form, adult)
    # A parent asking for help for their child: the request is under the Youth Act.
    assert jeugd in visible_sections(form, {**adult, "hulpvraag_wet": ["jeugdwet"]})
    progress = section_progress(form, jeugd, child, TODAY)
    assert progress.missing == ("kind_gesproken", "familiegroepsplan",
                                "vertrouwenspersoon_verteld")
    child["kind_gesproken"] = "met_ouders"
    at_transfer = section_progress(form, jeugd, child, TODAY, stage=RequiredAt.TRANSFER)
    assert at_transfer.missing[0] == "kind_eigen_woorden"
    child["kind_gesproken"] = "nee"
    assert "kind_niet_gesproken_reden" in section_progress(form, jeugd, child, TODAY).missing


def test_the_youth_section_appears_when_the_request_is_about_a_child(
    form: FormDefinition,
) -> None:
    # A parent asks for help for a child but the law is not chosen yet: the child's own view
    # is still asked.
    adult = {"bezoek_datum": "2026-03-14", "inwoner_geboortedatum": ADULT}
    assert form.section("jeugd") not in visible_sections(form, {**adult, "kind_betrokken": False})
    assert form.section("jeugd") in visible_sections(form, {**adult, "kind_betrokken": True})


def test_the_law_is_required_at_the_transfer(form: FormDefinition) -> None:
    # Left empty, it hides the Wmo onderzoek and the youth part: so it must be chosen before
    # the intake is klaar voor overdracht, but not during the conversation.
    law = form.field("hulpvraag_wet")
    assert law.required and law.required_at is RequiredAt.TRANSFER
    assert validate_answer(law, [], TODAY) == []
    assert [m.key for m in validate_answer(law, [], TODAY, RequiredAt.TRANSFER)] == [
        "field.custom"]
    assert validate_answer(law, ["onbekend"], TODAY, RequiredAt.TRANSFER) == []


@pytest.mark.parametrize(("spoken", "asked"), [
    (None, False), ("nee", False), ("alleen", True), ("met_ouders", True)])
def test_the_childs_own_words_only_when_someone_spoke_with_the_child(
    form: FormDefinition, spoken: str | None, asked: bool,
) -> None:
    child: dict[str, Any] = {"bezoek_datum": "2026-03-14", "inwoner_geboortedatum": FOURTEEN,
                             "kind_gesproken": spoken}
    assert ("kind_eigen_woorden" in shown(form, child)) is asked
    transfer = section_progress(form, form.section("jeugd"), child, TODAY,
                                stage=RequiredAt.TRANSFER).missing
    assert ("kind_eigen_woorden" in transfer) is asked
    # The question comes after the one it depends on.
    ids = [f.id for f in form.section("jeugd").fields]
    assert ids.index("kind_gesproken") < ids.index("kind_eigen_woorden")


def test_the_wmo_section_appears_for_a_wmo_request(form: FormDefinition) -> None:
    wmo = form.section("wmo_onderzoek")
    assert wmo not in visible_sections(form, {})
    assert wmo not in visible_sections(form, {"hulpvraag_wet": ["jeugdwet"]})
    answers: dict[str, Any] = {"hulpvraag_wet": ["wmo", "participatiewet"]}
    assert wmo in visible_sections(form, answers)
    fields = [f.id for f in visible_fields(form, answers, wmo)]
    assert "clientondersteuning_antwoord" not in fields
    answers.update(clientondersteuning_verteld=True, persoonlijk_plan_verteld=True)
    fields = [f.id for f in visible_fields(form, answers, wmo)]
    assert {"clientondersteuning_antwoord", "persoonlijk_plan_antwoord"} <= set(fields)
    # Preferences and usual help are weighed after the talk: only at the transfer.
    during = section_progress(form, wmo, answers, TODAY).missing
    assert "voorkeur_vorm" not in during and "gebruikelijke_hulp" not in during
    at_transfer = section_progress(form, wmo, answers, TODAY, stage=RequiredAt.TRANSFER).missing
    assert {"voorkeur_vorm", "gebruikelijke_hulp"} <= set(at_transfer)


def test_required_at_transfer_is_no_problem_during_the_conversation(
    form: FormDefinition,
) -> None:
    goals = form.field("doelen_lijst")
    assert goals.required and goals.required_at is RequiredAt.TRANSFER
    assert validate_answer(goals, [], TODAY) == []
    assert [m.key for m in validate_answer(goals, [], TODAY, RequiredAt.TRANSFER)] == [
        "field.custom"]
    doelen = form.section("doelen")
    assert section_progress(form, doelen, {}, TODAY).complete
    at_transfer = section_progress(form, doelen, {}, TODAY, stage=RequiredAt.TRANSFER)
    assert at_transfer.missing == ("doelen_lijst",) and not at_transfer.complete
    # The free text is no longer required; a goal row needs its goal.
    assert not form.field("doelen").required
    rows = [{"resultaat": "Zelf naar boven"}]
    assert [m.key for m in validate_answer(goals, rows, TODAY)] == ["field.row_problem"]


def test_a_birth_date_only_for_children_in_the_household(form: FormDefinition) -> None:
    leden = form.field("huishouden_leden")
    fine = [{"naam": "Kim", "relatie": "kind", "geboortedatum": "2015-04-01"},
            {"naam": "Sam", "relatie": "partner"}]
    assert validate_answer(leden, fine, TODAY) == []
    too_much = [{"naam": "Sam", "relatie": "partner", "geboortedatum": "1980-04-01"}]
    problems = validate_answer(leden, too_much, TODAY)
    assert len(problems) == 1
    text = str(problems[0])
    assert text.startswith("Regel 1, Geboortedatum (alleen bij kinderen): Vul dit alleen")
    assert "Kind, Pleegkind, Broer of zus" in text
    assert "Child, Foster child, Brother or sister" in render(problems[0], "en")


def test_contact_details_only_with_a_reason(form: FormDefinition) -> None:
    contact = {"inwoner_adres", "inwoner_postcode", "inwoner_woonplaats", "inwoner_telefoon"}
    assert not contact & shown(form, {})
    answers: dict[str, Any] = {"contact_noteren": True}
    assert contact | {"contact_reden"} <= shown(form, answers)
    missing = section_progress(form, form.section("inwoner"), answers, TODAY).missing
    assert "contact_reden" in missing


def test_identity_and_the_melding_are_asked_without_collecting_the_document(
    form: FormDefinition,
) -> None:
    assert form.field("melding_datum").required
    identity = form.field("identiteit_vastgesteld")
    assert identity.choice_values() == ("document", "eerder", "nee")
    assert "identiteit_document" in shown(form, {"identiteit_vastgesteld": "document"})
    assert "identiteit_document" not in shown(form, {"identiteit_vastgesteld": "eerder"})
    assert identity.help is not None and "BSN" in identity.help.nl
    assert "2.3.2" in identity.help.nl and "identificatieplicht" in identity.help.nl


def test_no_religious_examples_and_a_reminder_about_belief(form: FormDefinition) -> None:
    for where, text in all_texts(form):
        for word in ("kerk", "moskee", "church", "mosque"):
            assert word not in (text.nl + (text.en or "")).lower(), where
    for field_or_section in (form.field("netwerk").help,
                             form.section("leefgebied_sociaal_netwerk").help,
                             form.section("leefgebied_maatschappelijke_participatie").help):
        assert field_or_section is not None
        assert "vereniging of gemeenschap" in field_or_section.nl
        assert "AVG art. 9" in field_or_section.nl
    justitie = form.section("leefgebied_justitie").help
    assert justitie is not None and "AVG art. 10" in justitie.nl


def test_safety_fields_moved_to_their_own_section(form: FormDefinition) -> None:
    assert form.section_of("zorgen_veiligheid").id == "veiligheid"
    assert form.section_of("veiligheid_toelichting").id == "veiligheid"
    section = form.section("veiligheid")
    assert [f.id for f in visible_fields(form, {}, section)] == ["zorgen_veiligheid"]
    concerns: dict[str, Any] = {"zorgen_veiligheid": True, "meldcode_overleg": "nog_niet"}
    missing = section_progress(form, section, concerns, TODAY).missing
    assert missing == ("veiligheid_toelichting", "afweging_acuut", "afweging_structureel")
    concerns["meldcode_overleg"] = "beide"
    assert "meldcode_overleg_datum" in section_progress(form, section, concerns, TODAY).missing
    transfer = section_progress(form, section, concerns, TODAY, stage=RequiredAt.TRANSFER)
    assert {"meldcode_gesprek", "meldcode_besluit"} <= set(transfer.missing)


MELDCODE_STEPS = ("meldcode_overleg", "meldcode_gesprek", "afweging_acuut",
                  "afweging_structureel", "meldcode_besluit")


def test_a_kindcheck_ja_leads_to_the_meldcode_steps(form: FormDefinition) -> None:
    parent: dict[str, Any] = {"bezoek_datum": "2026-03-14", "inwoner_geboortedatum": ADULT,
                              "huishouden_leden": household("kind"), "zorgen_veiligheid": False,
                              "kindcheck_zorgen": False}
    assert not set(MELDCODE_STEPS) & set(shown(form, parent))
    parent["kindcheck_zorgen"] = True
    assert set(MELDCODE_STEPS) <= set(shown(form, parent))
    parent["meldcode_overleg"] = "veilig_thuis"
    assert "meldcode_overleg_datum" in shown(form, parent)
    section = form.section("veiligheid")
    transfer = section_progress(form, section, parent, TODAY, stage=RequiredAt.TRANSFER).missing
    assert {"meldcode_gesprek", "meldcode_besluit", "meldcode_overleg_datum"} <= set(transfer)
    # The kindcheck is asked before the steps it can lead to.
    ids = [f.id for f in section.fields]
    assert ids.index("kindcheck_toelichting") < ids.index("meldcode_overleg")
    # A stale "ja" on a kindcheck that is no longer asked (no children in the household any
    # more) does not keep the steps.
    parent["huishouden_leden"] = household("partner")
    assert not set(MELDCODE_STEPS) & set(shown(form, parent))


def test_the_wlz_is_cited_as_article_2_3_5(form: FormDefinition) -> None:
    # Wmo 2015 art. 2.3.2 lid 4 onder f is about working with the Zvw; the Wlz goes first by
    # art. 2.3.5.
    help_text = form.field("andere_voorzieningen").help
    assert help_text is not None
    assert "art. 2.3.5" in help_text.nl and "art. 2.3.5" in help_text.en

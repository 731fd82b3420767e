"""The gespreksverslag as a narrative per section (issue 19): two realistic intakes (an adult
and a 14-year-old, tests/report_samples.py) stored in a real SQLCipher store, made into the
report and its PDF, and read back with pdftotext: the sections read as sentences, unanswered
and hidden fields are left out, nothing answered is lost, and a field the phrases do not know
(a municipality's own) is written as "Label: antwoord.".

The pages are rendered to artifacts/screenshots/gespreksverslag-*.png (pdftoppm) to look at.
All people are fictional.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.documents.report_pdf import build_gespreksverslag_pdf
from desktop_app.domain.bsn import mask_bsn
from desktop_app.domain.consent import format_date_long, format_date_short
from desktop_app.domain.forms import (
    Field,
    FieldType,
    FormDefinition,
    effective_answers,
    is_empty_answer,
    parse_form_definition,
    visible_fields,
    visible_sections,
)
from desktop_app.domain.people import parse_date
from desktop_app.domain.report import Gespreksverslag, ReportList, ReportTable, ReportText
from desktop_app.messages import Message, render
from desktop_app.messages.catalogue import TEXTS
from desktop_app.resources import forms_dir
from desktop_app.services.forms import FormRegistry
from desktop_app.services.intakes import IntakeService
from desktop_app.services.report import gespreksverslag_for
from desktop_app.services.report_narrative import narrative_sections
from desktop_app.services.session import Session
from desktop_app.services.transfer import report_sections
from tests.conftest import require_system_part, which
from tests.integration.test_consent_service import setup_intake
from tests.report_samples import ADULT, ADULT_NAME, YOUTH, YOUTH_NAME

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def session(profile: Any) -> Session:
    return Session(profile)


def flat(text: str) -> str:
    return " ".join(text.split())


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")


def make(session: Session, name: str, answers: dict[str, Any], tag: str,
         intake_id: str | None = None) -> tuple[Gespreksverslag, str]:
    """The stored intake's report, and the flattened text of its PDF (pages saved as PNG)."""
    require_system_part(which("pdftotext") and which("pdftoppm"),
                        "pdftotext and pdftoppm (poppler-utils) are not installed")
    intakes = IntakeService(session)
    if intake_id is None:
        intake_id = intakes.start_intake(name, parse_date(answers["inwoner_geboortedatum"]))
    intakes.save_answers(intake_id, answers)
    report = gespreksverslag_for(session, intake_id)
    pdf = build_gespreksverslag_pdf(report)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"gespreksverslag-{tag}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-", str(SCREENSHOTS / f"gespreksverslag-"
                                                               f"{tag}")], input=pdf, check=True)
    return report, flat(pdftotext(pdf))


def phrase(key: str) -> str:
    return render(Message(key), "nl")


def answered(form: FormDefinition, answers: dict[str, Any]) -> Iterator[tuple[Field, Any]]:
    effective = effective_answers(form, answers)
    for section in visible_sections(form, answers):
        for fld in visible_fields(form, answers, section):
            if not is_empty_answer(effective.get(fld.id)):
                yield fld, effective[fld.id]


def what_the_report_must_say(fld: Field, value: Any) -> list[str]:
    """The words of one answer as the report must carry them: the text as typed, a date, the
    statement or the choice's words."""
    def choice(key: str, label: str) -> str:
        return phrase(key) if key in TEXTS else label

    if fld.type in (FieldType.TEXT, FieldType.LONG_TEXT):
        return [flat(part) for part in str(value).split("\n\n")]
    if fld.type is FieldType.DATE:
        return [format_date_long(parse_date(value))]
    if fld.type is FieldType.BSN:
        return [mask_bsn(value)]
    if fld.type is FieldType.YES_NO:
        word = "ja" if value else "nee"
        if fld.id.endswith("_hulp_gewenst"):  # a life domain
            return [phrase(f"report.domain.help.{word}")]
        return [phrase(f"report.phrase.{fld.id}.{word}")]
    if fld.type is FieldType.CHOICE:
        label = fld.choice(str(value)).label.get("nl")  # type: ignore[union-attr]
        if fld.id.endswith("_score"):  # "2 – niet zelfredzaam" is printed "2 (niet zelfredzaam)"
            return label.split(" – ")
        if fld.id == "bezoek_plaats":  # inside the sentence with the date
            return [choice(f"report.place.{value}", label)]
        return [choice(f"report.phrase.{fld.id}.{value}", label)]
    if fld.type is FieldType.MULTI_CHOICE:
        return [choice(f"report.phrase.{fld.id}.{v}",
                       fld.choice(v).label.get("nl")) for v in value]  # type: ignore[union-attr]
    assert fld.type is FieldType.PERSON_LIST
    out: list[str] = []
    for row in value:
        for column in fld.columns:
            cell = row.get(column.id)
            if is_empty_answer(cell) or not column.asked_for(row):
                continue
            key = f"report.column.{fld.id}.{column.id}"
            if column.type is FieldType.DATE:
                out.append(format_date_short(parse_date(cell)))
            elif column.type is FieldType.YES_NO:
                out.append(phrase(f"{key}.{'ja' if cell else 'nee'}"))
            elif column.type is FieldType.CHOICE:
                out.append(choice(f"{key}.{cell}", next(c.label.get("nl") for c in column.choices
                                                        if c.value == cell)))
            else:
                out.append(str(cell))
    return out


def assert_nothing_lost(report: Gespreksverslag, pdf_text: str, answers: dict[str, Any]) -> None:
    """Every answered, visible field's content is in the copy text and in the PDF."""
    form = FormRegistry().current()
    copy = flat("\n".join(s.text for s in report_sections(report)))
    pdf_words = set(pdf_text.split())
    tables = {cell for s in report.sections for b in s.blocks if isinstance(b, ReportTable)
              for row in b.rows for cell in row}
    checked = 0
    for fld, value in answered(form, answers):
        for fragment in what_the_report_must_say(fld, value):
            assert fragment in copy, (fld.id, fragment)
            if fragment in tables:  # table cells wrap beside each other: word by word
                assert set(fragment.split()) <= pdf_words, (fld.id, fragment)
            else:
                assert fragment in pdf_text, (fld.id, fragment)
            checked += 1
    assert checked > 60


def test_the_adult_intake_reads_as_sentences(session: Session) -> None:
    report, text = make(session, ADULT_NAME, ADULT, "volwassene")
    for sentence in (
        "Het gesprek was op 20 november 2026 bij de inwoner thuis.",
        "De melding kwam binnen op 9 november 2026.",
        "Aanwezig: de inwoner, de partner en een tolk.",
        "Het gesprek in het Nederlands lukte met hulp (uitleg, tolk of familie).",
        "De identiteit is vastgesteld met een identiteitsbewijs. Dat was een rijbewijs.",
        "Geboren op 2 april 1959.",
        "BSN: ••••••847.",
        "• Ineke van Dijk (fictief): partner",
        "• Sem van Dijk (fictief): kind, geboren 15-06-2011",
        "De hulpvraag, in de woorden van de inwoner: Sinds mijn beroerte in augustus",
        "Wet (eerste inschatting): Wmo.",
        "Kindcheck: geen zorgen over de veiligheid of de ontwikkeling van de kinderen in huis.",
        "De inwoner en de mantelzorger weten dat er gratis, onafhankelijke "
        "cliëntondersteuning is. De inwoner denkt nog na over cliëntondersteuning.",
        "Voorkeur: zorg in natura.",
        "Andere voorzieningen buiten de Wmo: wijkverpleging (Zvw).",
        "• Huisvesting — 2 (niet zelfredzaam): Eengezinswoning met een steile trap; de "
        "badkamer is boven. Hulp gewenst.",
        "• Sociaal netwerk — 4 (voldoende zelfredzaam): Geen hulp gewenst.",
        "De inwoner krijgt mantelzorg. Mantelzorger: Ineke van Dijk (partner): huishouden, "
        "boodschappen, helpt bij aankleden. De mantelzorger vindt het zwaar.",
        "Besproken algemene voorzieningen: ondersteuning voor mantelzorgers en vervoer of "
        "boodschappenhulp.",
        "De inwoner is het eens met deze doelen.",
        "De volgende afspraak is op 4 december 2026.",
    ):
        assert sentence in text, sentence
    # The goals are a small table with short headers.
    goals = next(b for s in report.sections for b in s.blocks
                 if isinstance(b, ReportTable) and b.lead.startswith("De doelen"))
    assert goals.columns == ("Doel", "Wat is er anders als het lukt", "Evalueren op",
                             "Wie doet wat")
    assert goals.rows[0] == ("Zelf douchen", "Ik kan twee keer per week zelf douchen",
                             "01-03-2027", "Wijkteam onderzoekt aanpassing badkamer")
    # Questions are not repeated: yes/no answers are statements, life domains one list.
    for question in ("Krijgt de inwoner mantelzorg?", "Wil de inwoner hier hulp bij?",
                     "Score financiën", "Leefgebied: Financiën", "Wie waren er bij het gesprek?",
                     "Is er nu meteen hulp nodig"):
        assert question not in text, question
    # Unanswered and hidden fields are left out: no street, no postcode, no youth section, no
    # safety steps when there are no concerns, no empty section.
    for absent in ("Straat en huisnummer", "Postcode", "Het kind of de jongere",
                   "Datum van het overleg", "Besluit:", "Niets ingevuld", "(geen naam)"):
        assert absent not in text, absent
    assert_nothing_lost(report, text, ADULT)


def test_the_youth_intake_reads_as_sentences(session: Session) -> None:
    # With two weighed data requests (the huisarts, the school): the weighings stay as they were.
    intake_id, _huisarts, _school = setup_intake(session)
    report, text = make(session, YOUTH_NAME, YOUTH, "jeugd-14", intake_id)
    assert len(report.data_requests) == 2
    assert "Gegevensverzoeken en afwegingen Verzoek 1 van 2: Gegevens opvragen bij" in text
    assert all(" → " in step for r in report.data_requests for step in r.weighing_steps)
    for sentence in (
        "Het gesprek was op 20 november 2026 ergens anders (Op school, in de kamer van de "
        "mentor).",
        "De identiteit was al eerder vastgesteld.",
        "Adres en telefoon staan in het centrale dossier en zijn hier niet genoteerd.",
        "• Sanne Meijer (fictief): ouder, heeft gezag",
        "• Daan Meijer (fictief): broer of zus, geboren 01-09-2016",
        "Beide ouders hebben het gezag. Gezag bij: Sanne Meijer en Erik Meijer (fictief). Het "
        "gezag is gecontroleerd in het gezagsregister.",
        "Er zijn zorgen over de veiligheid van de inwoner of van een kind.",
        "Welke signalen er zijn: Lotte vertelt dat ze online wordt uitgescholden.",
        "Er is overlegd met de aandachtsfunctionaris. Datum van het overleg: 20 november 2026. "
        "Er is met de inwoner over de zorgen gepraat. Er is geen acute onveiligheid. Er is geen "
        "structurele onveiligheid. Besluit: hulp bieden of organiseren en de veiligheid volgen.",
        # Whether someone spoke with the child comes first: the child's own words follow it.
        "Er is met het kind of de jongere gesproken, ook alleen. Wat het kind of de jongere "
        "zelf zegt: Ik wil wel naar school, maar in de klas voel ik me alleen.",
        "De familie wil eerst zelf een plan maken (familiegroepsplan).",
        "• Werk en opleiding — 2 (niet zelfredzaam): Verzuimt sinds september zo'n drie dagen "
        "per week. Hulp gewenst.",
        "• Huiselijke relaties — 4 (voldoende zelfredzaam): Goed contact met beide ouders; ruzie "
        "met broertje over de telefoon.",
        "De inwoner is het niet helemaal eens met deze doelen.",
        "Waar de inwoner het niet mee eens is: Lotte wil zelf bepalen wanneer de telefoon weg "
        "gaat.",
    ):
        assert sentence in text, sentence
    # A 14-year-old: no kindcheck and no Wmo onderzoek (the law is the Jeugdwet).
    for absent in ("Kindcheck", "Het onderzoek voor de Wmo", "cliëntondersteuning",
                   "Overige notities"):
        assert absent not in text, absent
    assert_nothing_lost(report, text, YOUTH)


def test_the_copy_sections_are_the_same_narrative(session: Session) -> None:
    report, _text = make(session, ADULT_NAME, ADULT, "volwassene")
    copied = {part.title: part.text for part in report_sections(report)}
    assert copied["Het gesprek"].startswith(
        "Het gesprek was op 20 november 2026 bij de inwoner thuis. De melding kwam binnen op "
        "9 november 2026.")
    assert "\n\nNotities over het gesprek: Het gesprek duurde anderhalf uur." in copied[
        "Het gesprek"]
    assert copied["Leefgebieden"].splitlines()[1] == (
        "- Financiën — 4 (voldoende zelfredzaam): AOW en een klein pensioen. Geen schulden. "
        "Geen hulp gewenst.")
    assert ("- Doel: Zelf douchen; Wat is er anders als het lukt: Ik kan twee keer per week "
            "zelf douchen; Evalueren op: 01-03-2027; Wie doet wat: Wijkteam onderzoekt "
            "aanpassing badkamer") in copied["Doelen"]
    assert "Gegevens van het verslag" in copied  # the heading part is unchanged


# A municipality's own fields: no phrase knows them, so they are written "Label: antwoord.".
_OWN_FIELDS = """\
      - id: buurtcoach
        type: yes_no
        label: {nl: 'Is de buurtcoach ingeschakeld?', en: 'Is the coach involved?'}
      - id: buurtcoach_naam
        type: text
        label: {nl: Naam van de buurtcoach, en: Name of the coach}
      - id: buurtcoach_vorm
        type: choice
        label: {nl: 'Vorm:', en: 'Form:'}
        choices:
          - value: huisbezoek
            label: {nl: Huisbezoek, en: Home visit}
      - id: buurtcoach_datum
        type: date
        label: {nl: Startdatum, en: Start date}
      - id: buurtcoach_verslag
        type: long_text
        label: {nl: Verslag van de buurtcoach, en: Report of the coach}
      - id: buurtcoach_activiteiten
        type: person_list
        label: {nl: Activiteiten, en: Activities}
        columns:
          - id: activiteit
            type: text
            label: {nl: Activiteit, en: Activity}
          - id: wanneer
            type: date
            label: {nl: Wanneer, en: When}
"""


def test_a_field_without_a_phrase_is_written_label_colon_answer() -> None:
    source = (forms_dir() / "gespreksformulier.yaml").read_text(encoding="utf-8")
    anchor = "      - id: wie_doet_wat\n"
    assert anchor in source
    form = parse_form_definition(source.replace(anchor, _OWN_FIELDS + anchor), "eigen.yaml")
    answers = {"buurtcoach": True, "buurtcoach_naam": "Piet Pietersen (fictief).",
               "buurtcoach_vorm": "huisbezoek", "buurtcoach_datum": "2026-12-01",
               "buurtcoach_verslag": "Eerste kennismaking ging goed.",
               "buurtcoach_activiteiten": [{"activiteit": "Wandelen", "wanneer": "2026-12-08"}],
               "volgende_afspraak": "2026-12-04"}
    (vervolg,) = [s for s in narrative_sections(form, answers) if s.title == "Vervolg"]
    assert vervolg.plain_text() == "\n\n".join([
        "De volgende afspraak is op 4 december 2026. Is de buurtcoach ingeschakeld: ja. "
        "Naam van de buurtcoach: Piet Pietersen (fictief). Vorm: Huisbezoek. "
        "Startdatum: 1 december 2026.",
        "Verslag van de buurtcoach: Eerste kennismaking ging goed.",
        "Activiteiten:\n- Activiteit: Wandelen; Wanneer: 08-12-2026",
    ])
    table = next(b for b in vervolg.blocks if isinstance(b, ReportTable))
    assert table.columns == ("Activiteit", "Wanneer")
    text = next(b for b in vervolg.blocks if isinstance(b, ReportText))
    assert text.lead == "Verslag van de buurtcoach"


def test_every_phrase_belongs_to_a_field_and_choice_of_the_form() -> None:
    """A phrase for a field, choice or column the form does not have is a typo: it would never
    be used and the field would silently fall back to "Label: antwoord."."""
    form = FormRegistry().current()
    fields = {f.id: f for f in form.fields}
    # Fields removed in version 4: a version-3 draft keeps them (written with the fallback).
    for key in TEXTS:
        parts = key.split(".")
        if parts[:2] == ["report", "phrase"]:
            fld = fields.get(parts[2])
            assert fld is not None, key
            if len(parts) == 4:
                allowed = {"ja", "nee"} if fld.type is FieldType.YES_NO else set(
                    fld.choice_values())
                assert parts[3] in allowed | {"met_plaats"}, key
        elif parts[:2] == ["report", "column"]:
            fld = fields.get(parts[2])
            assert fld is not None and fld.type is FieldType.PERSON_LIST, key
            (column,) = [c for c in fld.columns if c.id == parts[3]]
            if len(parts) == 5:
                allowed = {"ja", "nee"} if column.type is FieldType.YES_NO else set(
                    column.choice_values())
                assert parts[4] in allowed, key
        elif parts[:2] == ["report", "place"]:
            assert parts[2] in fields["bezoek_plaats"].choice_values(), key
    # Every choice of a yes/no or choice field with phrases has one for each answer.
    for fld in form.fields:
        if fld.type in (FieldType.YES_NO, FieldType.CHOICE) and any(
                k.startswith(f"report.phrase.{fld.id}.") for k in TEXTS):
            values = ("ja", "nee") if fld.type is FieldType.YES_NO else fld.choice_values()
            for value in values:
                assert f"report.phrase.{fld.id}.{value}" in TEXTS, (fld.id, value)


def test_a_long_free_text_is_its_own_paragraphs_and_lists_keep_their_order() -> None:
    form = FormRegistry().current()
    answers = {"hulpvraag": "Eerste alinea.\n\nTweede alinea.",
               "leefgebieden": ["justitie", "financien"], "financien_score": "1"}
    sections = {s.title: s for s in narrative_sections(form, answers)}
    (text,) = sections["De hulpvraag"].blocks
    assert isinstance(text, ReportText) and text.text == "Eerste alinea.\n\nTweede alinea."
    (domains,) = sections["Leefgebieden"].blocks
    assert isinstance(domains, ReportList)
    # In the order of the form; a ticked domain without anything in it still says so.
    assert [(i.lead, i.text) for i in domains.items] == [
        ("Financiën — 1 (acute problematiek)", ""),
        ("Justitie", "Besproken, zonder score of toelichting."),
    ]


def test_a_draft_on_form_version_3_is_still_written_whole() -> None:
    """A draft started on version 3 is reported with the definition it was started with: its
    fields that version 4 removed have no phrase any more and are written "Label: antwoord."."""
    source = Path(__file__).resolve().parents[1] / "unit" / "data" / "gespreksformulier_v3.yaml"
    form = parse_form_definition(source.read_text(encoding="utf-8"), source.name)
    assert form.version == 3
    answers = {"bezoek_datum": "2026-11-20", "bezoek_plaats": "kantoor",
               "doelen": "Weer zelf douchen.", "gegevens_nodig": True,
               "gegevens_welke": "Medicatieoverzicht van de huisarts.",
               "mondelinge_toestemming": "gedeeltelijk",
               "toestemming_toelichting": "Geen verslagen van de psycholoog.",
               "beroepsgeheim": True}
    text = {s.title: s.plain_text() for s in narrative_sections(form, answers)}
    assert text["Het gesprek"] == ("Het gesprek was op 20 november 2026 op het kantoor van het "
                                   "wijkteam.")
    assert text["Doelen"] == "Doelen van de inwoner: Weer zelf douchen."
    assert text["Gegevens en toestemming"] == "\n\n".join([
        "Er zijn gegevens van anderen nodig.",
        "Welke gegevens, van wie, en waarvoor? Medicatieoverzicht van de huisarts.",
        "Geeft de inwoner mondeling toestemming: Voor een deel.",
        "Waar zegt de inwoner nee tegen, en wat heb je besproken? Geen verslagen van de "
        "psycholoog.",
        "Komen gegevens van een huisarts, psycholoog, specialist of andere hulpverlener met "
        "beroepsgeheim: ja.",
    ])


def test_a_cell_not_asked_for_its_row_is_left_out() -> None:
    """Version 4 asks a birth date only for children in the household: one typed for a parent
    anyway (a problem on screen) does not go into the dossier."""
    form = FormRegistry().current()
    answers = {"huishouden_leden": [
        {"naam": "Ouder Een (fictief)", "relatie": "ouder", "geboortedatum": "1980-02-01"},
        {"naam": "Kind Twee (fictief)", "relatie": "kind", "geboortedatum": "2015-03-04"},
    ]}
    (household,) = [s for s in narrative_sections(form, answers)
                    if s.title.startswith("Huishouden")]
    assert household.plain_text().splitlines()[1:] == [
        "- Ouder Een (fictief): ouder",
        "- Kind Twee (fictief): kind, geboren 04-03-2015",
    ]

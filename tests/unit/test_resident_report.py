"""The verslag voor de inwoner: the domain model and its PDF, read back with pdftotext.

What must be in it (the request, the goals, the agreements, how to react) and what must never be
(a household member's name, the BSN, the free notes, the safety answers), for an adult with a
Wmo request and a 14-year-old with two parents with custody; the fixed texts read for B1."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.documents.resident_report_pdf import build_resident_report_pdf
from desktop_app.domain.consent import DocumentKind, format_document_number
from desktop_app.domain.consent_screen import ScreenSignature, ScreenSigning
from desktop_app.domain.forms import FormDefinition, load_form_definition
from desktop_app.domain.resident_report import (
    TEXTS,
    ConsentAsked,
    ReportFrame,
    ResidentReport,
    WeighedRequest,
    build_resident_report,
    sentences,
)
from desktop_app.domain.vocabulary import Direction
from tests.conftest import require_system_part
from tests.unit import resident_report_cases as case

FORM_PATH = Path(__file__).resolve().parents[2] / "forms" / "gespreksformulier.yaml"
NUMBER = format_document_number(DocumentKind.VERSLAG_INWONER, 2026, 7)
ZIGZAG = (((10.0, 60.0), (40.0, 20.0), (70.0, 70.0), (110.0, 25.0), (150.0, 65.0)),)


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return load_form_definition(FORM_PATH)


def frame(signers: tuple) -> ReportFrame:  # type: ignore[type-arg]
    return ReportFrame(NUMBER, "Gemeente Voorbeeldstad", "Sociaal wijkteam Noord",
                       "Fictieve Sanne Werker", "0000 000 000, wijkteam@example.org", case.TODAY,
                       signers)


def adult(form: FormDefinition) -> ResidentReport:
    return build_resident_report(frame(case.adult_signers()), case.adult_answers(),
                                 case.adult_requests(), form)


def youth(form: FormDefinition) -> ResidentReport:
    return build_resident_report(frame(case.youth_signers()), case.youth_answers(), [], form)


def pdftotext(pdf: bytes) -> str:
    require_system_part(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils)")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def test_adult_report_has_the_request_goals_agreements_and_how_to_react(
        form: FormDefinition) -> None:
    words = pdftotext(build_resident_report_pdf(adult(form))[0])
    for expected in (case.HULPVRAAG, case.GOAL, case.AGREEMENT, case.WHO_DOES_WHAT,
                     "Reageren op dit verslag", "Uw opmerkingen", "bezwaar maken",
                     "beschikking", "22 december 2026",  # melding 10 november + six weeks
                     "cliëntondersteuner", "persoonlijk plan", "eigen bijdrage",
                     case.GP, case.GP_PURPOSE, "U zei ja", "1 februari 2027",
                     "15 december 2026", "Fictieve Sanne Werker", NUMBER):
        assert expected in words, expected


def test_adult_report_leaves_out_others_bsn_notes_safety_and_scores(
        form: FormDefinition) -> None:
    report = adult(form)
    words = pdftotext(build_resident_report_pdf(report)[0])
    for forbidden in (case.PARTNER, case.BSN, "123 456 782", *case.NOTES, *case.SAFETY,
                      "meldcode", "Meldcode", "Veilig Thuis", "kindcheck",
                      "Fictieve Els Zorg"):
        assert forbidden not in words, forbidden
    # How heavy the care is for the mantelzorger is about someone else.
    assert not re.search(r"\bzwaar\b", words, re.IGNORECASE)
    # No ZRM score: the form's score labels ("2 – niet zelfredzaam") never appear.
    assert "zelfredzaam" not in words
    assert "Thuiszorg Fictief Noord: helpt bij het douchen" in words


def test_youth_report_addresses_and_is_signed_by_the_young_person_and_both_parents(
        form: FormDefinition) -> None:
    report = youth(form)
    words = pdftotext(build_resident_report_pdf(report)[0])
    assert report.addressed_to == (case.CHILD, *case.PARENTS)
    assert f"Beste {case.CHILD}, {case.PARENTS[0]} en {case.PARENTS[1]}," in words
    assert case.CHILD_WORDS in words and "familiegroepsplan" in words.lower()
    assert "vertrouwenspersoon" in words
    assert words.count("Ouder met gezag") == 2 and "Jongere" in words
    # The brother lives in the household but is no one the report is for.
    assert case.BROTHER not in words
    # No Wmo term for a Jeugdwet request.
    assert "zes weken" not in words and "cliëntondersteuner" not in words


def test_a_request_shows_what_the_resident_chose() -> None:
    for asked in ConsentAsked:
        request = WeighedRequest("Fictieve School (school)", Direction.GIVE_TO, "Fictief doel",
                                 asked)
        report = build_resident_report(frame(case.adult_signers()), case.adult_answers(),
                                       [request])
        text = " ".join(b.text for p in report.parts for b in p.blocks)
        assert TEXTS[f"asked.{asked.value}"].nl in text
        assert "Wij geven gegevens aan Fictieve School (school)." in text


def test_signed_version_carries_the_remarks_and_the_signature(form: FormDefinition) -> None:
    report = youth(form)
    signing = ScreenSigning(dt.datetime(2026, 11, 21, 14, 5).astimezone(), "Voorbeeldstad",
                            report.content_hash(),
                            tuple(ScreenSignature(i, {}, ZIGZAG, 200.0, 100.0)
                                  for i in range(len(report.signers))))
    remarks = "Het klopt niet dat ik elke dag bang ben. Alleen op maandag."
    pdf, sha = build_resident_report_pdf(report, signing=signing, remarks=remarks)
    words = pdftotext(pdf)
    assert remarks in words and "op het scherm getekend op 21 november 2026 om 14:05" in words
    assert report.content_hash() in words and "Voorbeeldstad" in words
    from desktop_app.documents.pdf_common import SIGNATURE_PEN
    from tests.integration.test_consent_screen import signature_paths

    assert signature_paths(pdf) == len(report.signers) == 3
    assert len(sha) == 64
    # A signing of another text is refused: what is signed is what was read.
    with pytest.raises(ValueError):
        build_resident_report_pdf(adult(form), signing=signing, remarks=remarks)
    assert SIGNATURE_PEN > 0


def test_reading_pages_hold_the_same_text_as_the_paper(form: FormDefinition) -> None:
    report = adult(form)
    shown = " ".join(f"{p.title} {b.heading} {b.text} {b.quote}"
                     for p in report.reading_parts() for b in p.blocks)
    assert case.HULPVRAAG in shown and case.GOAL in shown and case.AGREEMENT in shown


# -- B1: short sentences, no rule codes, complete English ---------------------------------------

_RULE_CODE = re.compile(r"\b(?:ZW|ZU)-|\bart(?:ikel)?\.? ?\d|\blid \d|AVG|WGBO|Awb")


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_fixed_texts_are_b1(key: str) -> None:
    text = TEXTS[key]
    assert text.en, f"{key}: no English"
    for lang in ("nl", "en"):
        for sentence in sentences(text.get(lang)):
            assert len(sentence.split()) <= 20, (key, lang, sentence)
        assert not _RULE_CODE.search(text.get(lang)), (key, lang)
    # The resident is "u"; never the worker's "je" or "jij".
    assert not re.search(r"\b(je|jij|jouw)\b", text.nl, re.IGNORECASE), key


def test_answers_of_hidden_questions_stay_out(form: FormDefinition) -> None:
    """An answer kept in the draft for a question that is hidden now (the youth part for an
    adult with a Wmo request) is no part of the onderzoek, so not of the report."""
    answers = case.adult_answers() | {"kind_eigen_woorden": "VERBORGEN-KIND",
                                      "spoed_wat": "VERBORGEN-SPOED"}
    report = build_resident_report(frame(case.adult_signers()), answers, [], form)
    words = " ".join(f"{b.text} {b.quote}" for p in report.parts for b in p.blocks)
    assert "VERBORGEN" not in words and case.HULPVRAAG in words


# -- privacy: the child's words, the private life domains -------------------------------------


def test_the_childs_words_are_never_led_by_a_name(form: FormDefinition) -> None:
    # A 14-year-old reads "Dit vertelde u zelf"; the words were said with the parents there.
    words = pdftotext(build_resident_report_pdf(youth(form))[0])
    assert "Dit vertelde u zelf:" in words and case.CHILD_WORDS in words
    assert f"Dit vertelde {case.CHILD}" not in words
    # A parent asks for help about a child: the child's words are the child's, not the
    # parent's.
    parent = case.adult_answers() | {"kind_betrokken": True, "kind_gesproken": "met_ouders",
                                     "kind_eigen_woorden": case.CHILD_WORDS}
    report = build_resident_report(frame(case.adult_signers()), parent, [], form)
    words = pdftotext(build_resident_report_pdf(report)[0])
    assert "Dit vertelde het kind zelf:" in words and case.CHILD_WORDS in words
    assert f"Dit vertelde {case.ADULT}" not in words


@pytest.mark.parametrize("resident", ["youth", "parent"])
def test_the_childs_words_stay_out_when_the_child_also_spoke_alone(
        form: FormDefinition, resident: str) -> None:
    # The paper goes to the parents and is signed by them: nothing of a talk alone with the
    # child, not even that it took place.
    answers = (case.youth_answers() if resident == "youth"
               else case.adult_answers() | {"kind_betrokken": True,
                                            "kind_eigen_woorden": case.CHILD_WORDS})
    answers["kind_gesproken"] = "alleen"
    signers = case.youth_signers() if resident == "youth" else case.adult_signers()
    report = build_resident_report(frame(signers), answers, [], form)
    words = pdftotext(build_resident_report_pdf(report)[0])
    assert case.CHILD_WORDS not in words
    assert TEXTS["child.title"].nl not in words and "alleen" not in words.lower().split()
    assert "vertrouwenspersoon" in words  # the rest of the youth part is still there


def test_private_domains_and_safety_requests_stay_off_the_paper(form: FormDefinition) -> None:
    answers = case.adult_answers() | {
        "leefgebieden": ["huisvesting", "huiselijke_relaties", "justitie"],
        "huiselijke_relaties_toelichting": "Jan slaat soms.",
        "huiselijke_relaties_hulp_gewenst": True,
        "justitie_toelichting": "Fictief: een taakstraf in 2025.",
    }
    report = build_resident_report(frame(case.adult_signers()), answers, [], form)
    words = pdftotext(build_resident_report_pdf(report)[0])
    for forbidden in ("Jan slaat soms.", "taakstraf"):
        assert forbidden not in words, forbidden
    # Only that they were discussed.
    assert "Thuis en gezin We hebben hierover gepraat." in words
    assert "Politie en justitie We hebben hierover gepraat." in words
    assert "De slaapkamer is boven." in words  # an ordinary domain keeps its note


def test_the_texts_on_paper_read_as_sentences(form: FormDefinition) -> None:
    words = pdftotext(build_resident_report_pdf(adult(form))[0])
    # Who was there: a sentence in lower case, not the form's labels.
    assert "u zelf, uw partner en Fictieve Sanne Werker van het wijkteam" in words
    assert "De inwoner zelf" not in words and "Partner," not in words
    # The knees: no help wanted now, which is not the same as no help needed.
    assert "U wilt hier nu geen hulp bij." in words
    assert "Uw handtekening" in words and "Voor gezien" not in words
    youth_words = pdftotext(build_resident_report_pdf(youth(form))[0])
    assert ("de vertrouwenspersoon van het AKJ, het Advies- en Klachtenbureau Jeugdzorg"
            in youth_words and "akj.nl" in youth_words)
    assert "u zelf, uw ouder of ouders en" in youth_words

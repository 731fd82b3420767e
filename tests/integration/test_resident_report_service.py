"""The verslag voor de inwoner through the real service on a real encrypted store: who signs,
the weighed requests, the remarks kept over a lock and an unlock, signing on the screen (the
signed PDF with remarks and signatures), the export for the dossier, and the destruction that
takes it all. All people are fictional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.consent_screen import ScreenSignature, ScreenSigning
from desktop_app.domain.protocols import OutcomeKind
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.messages import render
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.destruction import DestructionService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.resident_report import ResidentReportProblem, ResidentReportService
from desktop_app.services.session import Session
from desktop_app.services.transfer import TransferChecklist, TransferError, TransferService
from desktop_app.vault.profiles import unlock_profile
from tests.conftest import PASSPHRASE
from tests.gui.consent_setup import GP_NAME, add_request, fill_settings, start, walk
from tests.integration.test_consent_screen import signature_paths
from tests.integration.test_destruction_forensic import force_ready
from tests.unit import resident_report_cases as case
from tests.unit.test_resident_report import pdftotext

ZIGZAG = (((10.0, 60.0), (40.0, 20.0), (70.0, 70.0), (110.0, 25.0), (150.0, 65.0)),)
REMARKS = "Ik wil ook graag hulp bij de tuin.\nDe huisarts heet anders."


@pytest.fixture
def session(profile: Any) -> Session:
    return Session(profile)


def adult_intake(session: Session) -> str:
    fill_settings(session)
    answers = case.adult_answers()
    intake_id = start(session, case.ADULT, dt.date(1958, 4, 2), answers)
    add_request(session, intake_id, "huisarts", GP_NAME)
    return intake_id


def youth_intake(session: Session) -> str:
    fill_settings(session)
    return start(session, case.CHILD, dt.date(2012, 5, 3), case.youth_answers())


def sign_all(session: Session, service: ResidentReportService, intake_id: str,
             remarks: str = REMARKS) -> None:
    screen = service.prepare_screen_signing(intake_id)
    signing = ScreenSigning(session.now().astimezone(), "Voorbeeldstad", screen.text_hash,
                            tuple(ScreenSignature(s.index, {}, ZIGZAG, 200.0, 100.0)
                                  for s in screen.signers))
    service.sign_on_screen(intake_id, signing, remarks)


def test_adult_report_from_the_store(session: Session) -> None:
    intake_id = adult_intake(session)
    service = ResidentReportService(session)
    state = service.state(intake_id)
    assert state.document_number.startswith("VI-") and not state.signed
    assert state.sign_problem is None and len(state.signers) == 1
    words = pdftotext(service.pdf(intake_id))
    assert case.HULPVRAAG in words and case.GOAL in words and GP_NAME in words
    assert "U moet nog tekenen" in words  # the GP (BIG) needs a signed statement
    for forbidden in (case.PARTNER, case.BSN, *case.NOTES, *case.SAFETY):
        assert forbidden not in words
    # The same number the next time.
    assert service.state(intake_id).document_number == state.document_number


def test_youth_signers_follow_who_signs(session: Session) -> None:
    service = ResidentReportService(session)
    intake_id = youth_intake(session)
    screen = service.prepare_screen_signing(intake_id)
    assert [s.name for s in screen.signers] == [case.CHILD, *case.PARENTS]
    assert screen.items == ()
    # Without the custody: the paper has a blank parent's block, the screen says what to fill.
    other = start(session, "Fictieve Lotte Bos", dt.date(2012, 1, 1), {})
    state = service.state(other)
    assert state.sign_problem is not None
    with pytest.raises(ResidentReportProblem):
        service.prepare_screen_signing(other)
    assert "Ouder met gezag" in pdftotext(service.pdf(other))


def test_an_unchecked_custody_refuses_signing_on_the_screen(session: Session) -> None:
    """As for the toestemmingsverklaring: a parent signs as holder of custody only once the
    worker checked the custody; "nog niet" is not assumed to be right."""
    service = ResidentReportService(session)
    intake_id = youth_intake(session)
    intakes = IntakeService(session)
    intakes.save_answers(intake_id, {"gezag_gecontroleerd": "nog_niet",
                                     "gezag_vervolg": "Volgende week in het register."})
    state = service.state(intake_id)
    assert state.sign_problem is not None
    assert render(state.sign_problem, "nl").startswith(
        "Je hebt nog niet gecontroleerd wie het gezag heeft.")
    with pytest.raises(ResidentReportProblem) as caught:
        service.prepare_screen_signing(intake_id)
    assert "gezag" in caught.value.render("nl")
    # The paper still names who signs: the worker can print it and check first.
    assert case.PARENTS[0] in pdftotext(service.pdf(intake_id))
    intakes.save_answers(intake_id, {"gezag_gecontroleerd": "document"})
    assert service.state(intake_id).sign_problem is None
    assert [s.name for s in service.prepare_screen_signing(intake_id).signers] == [
        case.CHILD, *case.PARENTS]


def test_remarks_survive_lock_and_unlock_and_go_into_the_signed_pdf(session: Session,
                                                                     data_home: Path) -> None:
    intake_id = adult_intake(session)
    service = ResidentReportService(session)
    service.save_remarks(intake_id, REMARKS)
    folder = session.profile.paths.folder
    session.profile.close()
    again = Session(unlock_profile(folder, PASSPHRASE, clock=session.profile.clock))
    service = ResidentReportService(again)
    assert service.remarks(intake_id) == REMARKS
    sign_all(again, service, intake_id)
    state = service.state(intake_id)
    assert state.signed and not state.changed_since_signing
    pdf = service.signed_pdf(intake_id)
    assert pdf is not None
    words = pdftotext(pdf)
    assert "Ik wil ook graag hulp bij de tuin." in words and "De huisarts heet anders." in words
    assert "op het scherm getekend" in words and signature_paths(pdf) == 1
    # A change in the intake afterwards shows: the signed paper is of the older text.
    IntakeService(again).save_answers(intake_id, {"afspraken": "Nieuwe fictieve afspraak."})
    assert service.state(intake_id).changed_since_signing
    again.lock()


def test_signing_needs_everyone_a_place_and_the_text_shown(session: Session) -> None:
    service = ResidentReportService(session)
    intake_id = youth_intake(session)
    screen = service.prepare_screen_signing(intake_id)
    only_child = ScreenSigning(session.now().astimezone(), "Voorbeeldstad", screen.text_hash,
                               (ScreenSignature(0, {}, ZIGZAG, 200.0, 100.0),))
    with pytest.raises(ResidentReportProblem):
        service.sign_on_screen(intake_id, only_child, "")
    everyone = tuple(ScreenSignature(s.index, {}, ZIGZAG, 200.0, 100.0) for s in screen.signers)
    with pytest.raises(ResidentReportProblem):
        service.sign_on_screen(intake_id, ScreenSigning(session.now().astimezone(), " ",
                                                        screen.text_hash, everyone), "")
    IntakeService(session).save_answers(intake_id, {"afspraken": "Iets anders, fictief."})
    with pytest.raises(ResidentReportProblem):
        service.sign_on_screen(intake_id, ScreenSigning(session.now().astimezone(), "Hier",
                                                        screen.text_hash, everyone), "")
    with pytest.raises(ResidentReportProblem):
        service.save_remarks(intake_id, "x" * 5000)
    assert service.signed_pdf(intake_id) is None


def test_transfer_exports_it_and_destruction_takes_it(session: Session, tmp_path: Path) -> None:
    intake_id = adult_intake(session)
    # Transfer only from klaar voor overdracht; the GP's consent is not the point here.
    force_ready(session, intake_id)
    service = ResidentReportService(session)
    sign_all(session, service, intake_id)
    transfer = TransferService(session)
    assert transfer.state(intake_id).signed_pdfs >= 1
    number = service.state(intake_id).document_number
    written = transfer.export_screen_signed(intake_id, tmp_path)
    target = tmp_path / f"{number}-getekend.pdf"
    assert target in [w.path for w in written] and target.read_bytes().startswith(b"%PDF")
    assert target in transfer.exported_files(intake_id)  # registered: destruction removes it
    titles = [s.title for s in transfer.sections(intake_id)]
    assert f"Opmerkingen van de inwoner bij verslag {number}" in titles
    # No consent statement signed, but the report was: "it is in the dossier" must be ticked,
    # or destruction could take the only signed copy.
    state = transfer.state(intake_id)
    assert state.signed_statements == 0 and state.signed_documents == 1
    with pytest.raises(TransferError) as caught:
        transfer.confirm_transfer(intake_id,
                                  TransferChecklist("TOP-2026-00417", True, False, True))
    assert [m.key for m in caught.value.problems] == ["transfer.check.consent_scanned"]
    transfer.confirm_transfer(intake_id, TransferChecklist("TOP-2026-00417", True, True, True))
    result = DestructionService(session).destroy(intake_id)
    # The receipt counts the signed report among the PDFs, its row among the rest.
    assert result.receipt.item_counts["pdf_bestanden"] == 1
    assert result.receipt.item_counts["overig"] >= 1
    store = session.profile.store
    assert store.scalar("SELECT count(*) FROM resident_reports") == 0
    assert not target.exists()


def test_requests_on_a_safety_path_stay_out_also_after_telling(session: Session) -> None:
    """A report to Veilig Thuis, and any request weighed on an exception path, never reach
    the paper on the kitchen table: not before the resident was told (the weighing chose not
    to tell, to protect someone), and not after either (it may be read by the person the
    worry is about). An ordinary request still shows."""
    intake_id = adult_intake(session)
    requests = DataRequestService(session)
    veilig_thuis = requests.catalogue().get("veilig_thuis")
    school = requests.catalogue().get("school")
    assert veilig_thuis is not None and school is not None
    vt_purpose = "Fictieve melding: zorgen over de veiligheid thuis"
    vt_id = requests.create_request(
        intake_id, direction=Direction.GIVE_TO, organisation=veilig_thuis, purpose=vt_purpose,
        items=("Fictieve zorgen",), basis=Basis.VERDIEPING,
        organisation_named="Veilig Thuis Fictief")
    requests.record_weighing(vt_id, walk(
        requests, vt_id, lambda p: OutcomeKind.SHARE_WITHOUT_INFORMING in p.effect_kinds))
    school_purpose = "Fictief: de school weet wat er thuis speelt"
    school_id = requests.create_request(
        intake_id, direction=Direction.GIVE_TO, organisation=school, purpose=school_purpose,
        items=("Fictieve zorgen",), basis=Basis.VERDIEPING,
        organisation_named="Fictieve Basisschool De Es")
    requests.record_weighing(school_id, walk(
        requests, school_id, lambda p: OutcomeKind.SHARE_DESPITE_OBJECTION in p.effect_kinds))
    service = ResidentReportService(session)
    hidden = ("Veilig Thuis", vt_purpose, "Fictieve Basisschool De Es", school_purpose)
    words = pdftotext(service.pdf(intake_id))
    for forbidden in hidden:
        assert forbidden not in words, forbidden
    assert GP_NAME in words  # the ordinary request is still on the paper
    requests.record_informed_afterwards(vt_id)
    words = pdftotext(service.pdf(intake_id))
    for forbidden in hidden:
        assert forbidden not in words, forbidden

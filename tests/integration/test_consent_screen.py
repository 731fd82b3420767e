"""Signing a consent statement on the screen and "print later" through the real service, on a
real encrypted store: the signed PDF (read back with pypdf and pdftotext), the records and
events compared with the paper route, the data requests that follow, the refusals, and
finding a printed paper by its document number or QR text. All people are fictional."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.documents.pdf_common import SIGNATURE_PEN
from desktop_app.domain.consent import Choice, SignerRecord, qr_payload
from desktop_app.domain.consent_screen import ScreenSignature, ScreenSigning
from desktop_app.domain.data_requests import ConsentState, Status
from desktop_app.domain.vocabulary import Basis
from desktop_app.messages import Message, MessageError, render
from desktop_app.services.consent import ConsentProblem, ConsentService, SignerChoices
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService
from tests.gui.consent_setup import (
    CHILD,
    GP_NAME,
    PARENTS,
    add_request,
    fill_settings,
    intake_14,
    start,
)
from tests.integration.test_consent_service import pdftotext

ADULT = "Fictieve Noor Ōkawa"
PLACE = "Voorbeeldstad"
# A short zigzag: enough to count as a signature, in the pad's own units.
ZIGZAG = (((10.0, 60.0), (40.0, 20.0), (70.0, 70.0), (110.0, 25.0), (150.0, 65.0)),
          ((30.0, 80.0), (140.0, 78.0)))


@pytest.fixture
def session(profile: Any) -> Session:
    return Session(profile)


def intake_adult_alone(session: Session) -> tuple[str, str]:
    """An adult who decides alone, with one request to the GP (verdieping)."""
    fill_settings(session)
    intake_id = start(session, ADULT, dt.date(1980, 6, 1), {"aanwezig": ["inwoner"]})
    return intake_id, add_request(session, intake_id, "huisarts", GP_NAME)


def adult_statement(service: ConsentService, intake_id: str) -> str:
    """A statement the adult signs alone (able to judge it: WGBO 7:465 lid 2)."""
    return service.create(intake_id, service.compose(intake_id,
                                                     choices=SignerChoices(capable=True)))


def signature(signer: int, choices: dict[int, Choice]) -> ScreenSignature:
    return ScreenSignature(signer, choices, ZIGZAG, 200.0, 100.0)


def signing(session: Session, service: ConsentService, statement_id: str,
            *signatures: ScreenSignature, place: str = PLACE) -> ScreenSigning:
    return ScreenSigning(session.now().astimezone(), place,
                         service.stored_hashes(statement_id)[0], signatures)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def signature_paths(pdf: bytes) -> int:
    """How many signatures are drawn: each one sets the signature pen once before its
    strokes (no other line on the statement uses that width)."""
    reader = PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        data = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
        count += data.count(f"{SIGNATURE_PEN:g} w")
    return count


def test_adult_signs_on_the_screen_and_the_gp_request_may_go(session: Session) -> None:
    intake_id, gp = intake_adult_alone(session)
    service = ConsentService(session)
    statement_id = adult_statement(service, intake_id)
    requests = DataRequestService(session)
    assert not requests.get(gp).can_send
    # From concept: no printer needed.
    screen = service.prepare_screen_signing(statement_id)
    assert screen.statement_id == statement_id and not screen.new_version
    assert [s.name for s in screen.signers] == [ADULT]
    assert screen.items[0].deciders == (0,)
    text = " ".join(b.text for p in screen.pages for b in p.blocks)
    assert "intrekken" in text.lower() and GP_NAME in " ".join(p.title for p in screen.pages)
    content_hash = service.stored_hashes(statement_id)[0]
    assert screen.text_hash == content_hash

    outcomes = service.sign_on_screen(statement_id, signing(
        session, service, statement_id, signature(0, {0: Choice.JA})))
    assert {k: v.value for k, v in outcomes.items()} == {0: "gegeven"}
    summary = service.summary(statement_id)
    assert summary.state is ConsentState.GETEKEND and summary.signed_on_screen
    row = requests.get(gp)
    assert row.status is Status.TOESTEMMING_GEGEVEN and row.can_send

    pdf = service.signed_pdf(statement_id)
    assert pdf is not None and pdf.startswith(b"%PDF")
    words = pdf_text(pdf)
    today = session.now().astimezone()
    assert ADULT in words and PLACE in words and content_hash in words
    assert "op het scherm getekend" in words and f"{today:%H:%M}" in words
    layout = pdftotext(pdf)
    assert str(today.year) in layout and GP_NAME in layout
    assert signature_paths(pdf) == 1
    # The paper statement is kept as it was; the event names the signed PDF by its hash.
    event = summary.events[-1]
    assert event["signed_pdf_sha256"] == hashlib.sha256(pdf).hexdigest()
    # The same shape as the paper route, plus where and how.
    paper_keys = {"event", "on", "by", "records", "at"}
    assert set(event) == paper_keys | {"route", "place", "time", "signed_pdf_sha256"}
    assert event["route"] == "scherm" and event["place"] == PLACE
    assert event["records"] == [SignerRecord(0, True, today.date(), {0: Choice.JA}).to_dict()]
    assert event["by"] == [ADULT]
    history = " ".join(render(line, "nl") for line in summary.history)
    assert f"op het scherm, in {PLACE} om {today:%H:%M}" in history
    actions = [e.action for e in session.audit_entries() if e.object == statement_id]
    assert actions == ["verklaring.maken", "verklaring.tekenen"]


def test_paper_and_screen_give_the_same_records(session: Session) -> None:
    """The paper route's event for the same choices has the same keys but the route's."""
    intake_id, _gp = intake_adult_alone(session)
    service = ConsentService(session)
    paper = adult_statement(service, intake_id)
    service.mark_printed(paper)
    day = session.now().astimezone().date()
    service.record_signed(paper, [SignerRecord(0, True, day, {0: Choice.JA})])
    screen_id = service.create(intake_id, service.compose(
        intake_id, [r.request_id for r in service.candidates(intake_id)],
        choices=SignerChoices(capable=True)))
    service.sign_on_screen(screen_id, signing(session, service, screen_id,
                                              signature(0, {0: Choice.JA})))
    on_paper = service.summary(paper).events[-1]
    on_screen = service.summary(screen_id).events[-1]
    assert on_screen["records"] == on_paper["records"]
    assert {k: v for k, v in on_screen.items()
            if k not in ("route", "place", "time", "signed_pdf_sha256")}.keys() == on_paper.keys()
    assert service.signed_pdf(paper) is None


def test_fourteen_year_old_and_two_parents_one_parent_says_no(session: Session) -> None:
    intake_id, requests = intake_14(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    service.mark_printed(statement_id)  # from geprint too
    screen = service.prepare_screen_signing(statement_id)
    names = [s.name for s in screen.signers]
    assert names == [CHILD, *PARENTS]
    choosing = [i for i in screen.items if i.deciders]
    assert len(choosing) == 2 and all(i.deciders == (0, 1, 2) for i in choosing)
    gp_item = next(i.index for i in choosing if GP_NAME in i.organisation)
    youth_item = next(i.index for i in choosing if i.index != gp_item)
    everything_yes = {gp_item: Choice.JA, youth_item: Choice.JA}
    father = {gp_item: Choice.NEE, youth_item: Choice.JA}
    outcomes = service.sign_on_screen(statement_id, signing(
        session, service, statement_id, signature(0, everything_yes),
        signature(1, everything_yes), signature(2, father)))
    assert outcomes[gp_item].value == "geweigerd"
    assert outcomes[youth_item].value == "gegeven"
    data = DataRequestService(session)
    assert not data.get(requests["huisarts"]).can_send
    assert data.get(requests["jeugd"]).can_send
    pdf = service.signed_pdf(statement_id)
    assert pdf is not None
    assert signature_paths(pdf) == 3
    words = pdf_text(pdf)
    for name in (CHILD, *PARENTS):
        assert name in words


def test_refusals_of_the_screen_route(session: Session, clock: Any) -> None:
    intake_id, _requests = intake_14(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    screen = service.prepare_screen_signing(statement_id)
    gp_item = next(i.index for i in screen.items if i.deciders)

    def refused(*signatures: ScreenSignature, place: str = PLACE,
                text_hash: str | None = None) -> Message:
        with pytest.raises(MessageError) as caught:
            service.sign_on_screen(statement_id, ScreenSigning(
                session.now().astimezone(), place,
                text_hash or screen.text_hash, signatures))
        return caught.value.message

    no_strokes = ScreenSignature(1, {gp_item: Choice.JA}, (((5.0, 5.0),),), 200, 100)
    assert refused(signature(0, {gp_item: Choice.JA}), no_strokes) == Message(
        "consent.screen.no_signature", name=PARENTS[0])
    assert refused(signature(0, {5: Choice.JA})) == Message("consent.signed.not_a_decider")
    # Everyone on the statement signs on the screen (nothing is printed for later).
    assert refused(signature(0, {gp_item: Choice.JA})).key == "consent.screen.everyone"
    assert refused(signature(7, {})) == Message("consent.signed.unknown_signer")
    assert refused() == Message("consent.signed.nobody")
    assert refused(signature(0, {}), place="  ") == Message("consent.screen.no_place")
    assert refused(signature(0, {}), text_hash="0" * 64) == Message(
        "consent.screen.text_changed")
    # Nothing was recorded by any of them.
    assert service.summary(statement_id).state is ConsentState.CONCEPT
    assert service.signed_pdf(statement_id) is None
    # A signed statement is not signed again on the screen; nor a refused one.
    service.record_refused(statement_id, session.now().astimezone().date(), "Wil niet")
    with pytest.raises(ConsentProblem) as caught:
        service.prepare_screen_signing(statement_id)
    assert caught.value.message == Message("consent.screen.not_allowed")
    assert refused(*(signature(i, {gp_item: Choice.JA}) for i in range(3))) == Message(
        "consent.screen.not_allowed")


def test_a_changed_statement_is_shown_as_a_new_version(session: Session) -> None:
    """Like a reprint: what changed since the statement was made is a new version, and the
    old one can no longer be signed."""
    intake_id, _gp = intake_adult_alone(session)
    service = ConsentService(session)
    statement_id = adult_statement(service, intake_id)
    assert SettingsService(session).save({"team_naam": "Sociaal wijkteam Zuid"}) == []
    screen = service.prepare_screen_signing(statement_id)
    assert screen.new_version and screen.statement_id != statement_id
    with pytest.raises(ConsentProblem) as caught:
        service.sign_on_screen(statement_id, signing(session, service, statement_id,
                                                     signature(0, {0: Choice.JA})))
    assert caught.value.message == Message("consent.screen.replaced")
    service.sign_on_screen(screen.statement_id, signing(
        session, service, screen.statement_id, signature(0, {0: Choice.JA})))
    assert service.summary(screen.statement_id).state is ConsentState.GETEKEND


def test_print_later_found_by_number_and_by_qr_text(session: Session) -> None:
    intake_id, gp = intake_adult_alone(session)
    service = ConsentService(session)
    statement_id = adult_statement(service, intake_id)
    summary = service.summary(statement_id)
    assert summary.ready_to_print and summary.can_sign_on_screen
    number = summary.document_number
    # Left ready: the paper cannot be recorded before it was printed with the program.
    with pytest.raises(ConsentProblem) as caught:
        service.paper_to_record(intake_id, number)
    assert caught.value.message == Message("consent.find.not_printed", number=number)
    # Later, at the office.
    job = service.prepare_print(statement_id)
    service.mark_printed(job.statement_id)
    assert service.paper_to_record(intake_id, f"  {number.lower()} ").id == statement_id
    qr = qr_payload(number, service.stored_hashes(statement_id)[0])
    found = service.paper_to_record(intake_id, qr)
    assert found.id == statement_id and found.can_record_signatures
    service.record_signed(found.id, [SignerRecord(0, True, session.now().astimezone().date(),
                                                  {0: Choice.JA})])
    assert DataRequestService(session).get(gp).can_send
    with pytest.raises(ConsentProblem) as caught:
        service.paper_to_record(intake_id, number)
    assert caught.value.message.key == "consent.find.nothing_to_record"


def test_unknown_foreign_and_mistyped_numbers_say_what_is_wrong(session: Session) -> None:
    intake_id, _gp = intake_adult_alone(session)
    service = ConsentService(session)
    statement_id = adult_statement(service, intake_id)
    number = service.summary(statement_id).document_number
    other_intake = start(session, "Fictieve Anna Bos", dt.date(1990, 1, 1),
                         {"aanwezig": ["inwoner"]})
    add_request(session, other_intake, "huisarts", GP_NAME, basis=Basis.VERDIEPING)
    year = int(number.split("-")[1])
    from desktop_app.domain.consent import format_document_number

    unknown = format_document_number("TV", year, 999)

    def problem(intake: str, typed: str) -> Message:
        with pytest.raises(MessageError) as caught:
            service.find_statement(intake, typed)
        return caught.value.message

    assert problem(intake_id, unknown) == Message("consent.find.unknown", number=unknown)
    assert problem(other_intake, number) == Message("consent.find.other_intake", number=number)
    assert problem(intake_id, number[:-1] + ("A" if number[-1] != "A" else "B")) == Message(
        "consent.document_number.check")
    assert problem(intake_id, "hallo").key == "consent.document_number.format"
    assert problem(intake_id, f"WI1:{number}:{'AB' * 32}") == Message(
        "consent.find.other_version", number=number)
    assert problem(intake_id, "XYZ:1:2").key in ("consent.document_number.format",
                                                  "consent.qr.foreign")

"""The demo profile (`wijkteam-intake demo`): fictional residents, a fictional municipality
whose settings let a consent statement be printed (AVG art. 13 needs the FG, the privacy
statement and the retention periods on the paper), and a showcase of data requests and consent
statements in every state a worker meets. Every state is read back through the services, as the
screens read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.domain.consent import ItemOutcome
from desktop_app.domain.data_requests import (
    ConsentState,
    DataRequestProblem,
    OrganisationResponse,
    RequestConsent,
    ResidentAnswer,
    Status,
)
from desktop_app.domain.protocols import RecordKind
from desktop_app.domain.signers import SignerRole
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.services.consent import ConsentService, StatementSummary
from desktop_app.services.data_requests import DataRequestRow, DataRequestService
from desktop_app.services.demo import (
    DEMO_SETTINGS,
    fill_demo,
    fill_demo_profile,
    fill_demo_settings,
)
from desktop_app.services.destruction import DestructionService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService
from desktop_app.services.transfer import TransferService


def test_demo_settings_fill_everything_the_statement_needs(profile: Any) -> None:
    session = Session(profile)
    fill_demo_settings(session)
    settings = SettingsService(session)
    assert all(settings.text(key) == value for key, value in DEMO_SETTINGS.items())
    assert all("fictief" in value or "example" in value or value[0].isdigit()
               or value.startswith(("Postbus", "tot ", "zolang"))
               for value in DEMO_SETTINGS.values())
    controller, notices = ConsentService(session).controller()
    assert notices == ()
    assert controller.dpo_email and controller.privacy_statement
    assert controller.retention_data and controller.retention_statement


def test_demo_residents_are_fictional(profile: Any) -> None:
    session = Session(profile)
    fill_demo(session, count=6)
    names = [row.resident_name for row in IntakeService(session).caseload()]
    assert len(names) == 6 and all(name.endswith("(fictief)") for name in names)


def test_demo_transferred_intakes_have_a_dossier_number_and_can_be_destroyed(
        profile: Any) -> None:
    session = Session(profile)
    fill_demo(session, count=6)
    transferred = [row for row in IntakeService(session).caseload()
                   if row.status == "overgedragen"]
    assert transferred
    transfer, destruction = TransferService(session), DestructionService(session)
    for row in transferred:
        state = transfer.state(row.intake_id)
        assert state.dossier_reference and state.dossier_reference.startswith("DEMO-")
        assert "None" not in state.dossier_reference
        assert state.transferred_at is not None
        assert destruction.problem(row.intake_id) is None
    reference = transfer.state(transferred[0].intake_id).dossier_reference
    result = destruction.destroy(transferred[0].intake_id)
    assert result.receipt.dossier_reference == reference
    assert result.receipt.completed


# ---------------------------------------------------------------------------------------------
# The showcase: data requests and consent statements, built as `wijkteam-intake demo` builds them


@pytest.fixture
def demo(profile: Any) -> Iterator[Session]:
    session = Session(profile)
    fill_demo_profile(session)
    yield session


def all_requests(session: Session) -> list[DataRequestRow]:
    service = DataRequestService(session)
    return [row for intake in IntakeService(session).caseload()
            for row in service.list_requests(intake.intake_id)]


def all_statements(session: Session) -> list[tuple[str, StatementSummary]]:
    service = ConsentService(session)
    return [(intake.intake_id, statement) for intake in IntakeService(session).caseload()
            for statement in service.statements(intake.intake_id)]


def today(session: Session) -> dt.date:
    return session.now().astimezone().date()


def test_demo_shows_a_data_request_in_every_state(demo: Session) -> None:
    rows = all_requests(demo)
    by_status: dict[Status, list[DataRequestRow]] = {}
    for row in rows:
        by_status.setdefault(row.status, []).append(row)
    assert set(by_status) >= {Status.CONCEPT, Status.TOESTEMMING_NODIG,
                              Status.TOESTEMMING_GEGEVEN, Status.VERSTUURD, Status.GEWEIGERD,
                              Status.NIET_DELEN}
    # Still to be weighed.
    assert all(row.request.valid_weighing is None for row in by_status[Status.CONCEPT])
    # Waiting for a signature on a statement that is being made.
    assert any(row.consent is RequestConsent.PENDING
               for row in by_status[Status.TOESTEMMING_NODIG])
    # Sendable because the paper is signed.
    assert any(row.can_send and row.consent is RequestConsent.GIVEN
               for row in by_status[Status.TOESTEMMING_GEGEVEN])
    # Sent, with what the organisation answered (everything, and only a part).
    responses = {row.request.response for row in by_status[Status.VERSTUURD]}
    assert {OrganisationResponse.SHARED, OrganisationResponse.PARTLY} <= responses
    # The resident's no: ticked on the paper, withdrawn later, and said at the table (then the
    # weighing ends in "niet delen").
    refused = {row.consent for row in by_status[Status.GEWEIGERD]}
    assert {RequestConsent.REFUSED, RequestConsent.WITHDRAWN} <= refused
    assert any(row.request.valid_weighing is not None
               and row.request.valid_weighing.records_of(RecordKind.CLIENT_ARGUMENTS)
               for row in by_status[Status.NIET_DELEN])
    # Toetsing: the statutory task, the resident informed, no consent asked (AVG art. 7 lid 4).
    toetsing = [row for row in rows if row.request.basis is Basis.TOETSING]
    assert toetsing and all(
        row.request.informing is not None
        and row.request.informing.answer is ResidentAnswer.GEINFORMEERD for row in toetsing)
    assert any(row.can_send and row.consent is RequestConsent.NOT_NEEDED for row in toetsing)
    # An exception path (ZU-A4B): shared without telling the resident first, for her
    # protection, and told afterwards on a date that has now come.
    exceptions = [row for row in rows if row.request.valid_weighing is not None
                  and row.request.valid_weighing.is_exception]
    assert exceptions and all(row.request.informing is not None
                              and not row.request.informing.informed for row in exceptions)
    assert any(row.request.inform_after_due(today(demo)) for row in exceptions)
    # Both directions.
    assert {row.request.direction for row in rows} == set(Direction)


def test_demo_statements_agree_with_the_requests(demo: Session) -> None:
    consent, requests = ConsentService(demo), DataRequestService(demo)
    statements = all_statements(demo)
    states = {summary.state for _intake, summary in statements}
    assert {ConsentState.CONCEPT, ConsentState.GETEKEND} <= states
    concept = [s for _i, s in statements if s.state is ConsentState.CONCEPT]
    assert all(item.outcome is ItemOutcome.OPEN for s in concept for item in s.items)
    # Printed and signed on paper, on days in the past of the demo's today: the service route
    # (made, printed, signed), one parent a few days after the others.
    signed = [s for _i, s in statements
              if s.state is ConsentState.GETEKEND
              and [e["event"] for e in s.events][:3] == ["gemaakt", "geprint", "getekend"]]
    assert signed
    for summary in signed:
        dates = [dt.date.fromisoformat(e["on"]) for e in summary.events if "on" in e]
        assert dates and all(day < today(demo) for day in dates)
    # A 14-year-old with two parents who both hold custody: three signatures (WGBO 7:450).
    youth = [s for s in signed if s.signer_roles.count(SignerRole.PARENT_WITH_CUSTODY) == 2]
    assert youth and SignerRole.YOUNG_PERSON in youth[0].signer_roles
    assert len({r.signed_on for r in youth[0].records.values()}) == 2
    # Signed, then withdrawn for one item: that item is withdrawn, the other still holds.
    withdrawn = [s for _i, s in statements
                 if any(e["event"] == "ingetrokken" for e in s.events)]
    assert withdrawn
    outcomes = {item.outcome for s in withdrawn for item in s.items}
    assert {ItemOutcome.WITHDRAWN, ItemOutcome.GIVEN} <= outcomes
    # Every item's outcome is what its request's consent says (one model for both screens).
    expected = {ItemOutcome.OPEN: RequestConsent.PENDING, ItemOutcome.GIVEN: RequestConsent.GIVEN,
                ItemOutcome.REFUSED: RequestConsent.REFUSED,
                ItemOutcome.WITHDRAWN: RequestConsent.WITHDRAWN,
                ItemOutcome.NOT_NEEDED: RequestConsent.NOT_NEEDED}
    seen = set()
    for intake_id, summary in statements:
        assert set(consent.covered_requests(summary.id)) == {
            item.request_id for item in summary.items}
        for item in summary.items:
            assert item.request_id is not None
            row = requests.get(item.request_id)
            assert row.intake_id == intake_id
            assert row.consent is expected[item.outcome], (item.outcome, row.consent)
            seen.add(item.outcome)
    assert seen == set(expected)


def test_nothing_in_the_demo_breaks_the_rules(demo: Session) -> None:
    """Every request can be sent exactly when the service says so; the refused ones stay
    locked; every statement can still be read and the concept printed; the log is intact."""
    requests, consent = DataRequestService(demo), ConsentService(demo)
    rows = all_requests(demo)
    assert len(rows) >= 10
    for row in rows:
        if row.can_send:
            requests.mark_sent(row.id)
            assert requests.get(row.id).status is Status.VERSTUURD
        else:
            with pytest.raises(DataRequestProblem):
                requests.mark_sent(row.id)
            assert requests.get(row.id).status is row.status
    for _intake, summary in all_statements(demo):
        if summary.state is ConsentState.CONCEPT:
            job = consent.prepare_print(summary.id)
            assert not job.new_version and job.pdf.startswith(b"%PDF")
    names = {row.request.organisation_named for row in rows}
    assert all(name.endswith("(fictief)") for name in names)
    assert all(row.resident_name.endswith("(fictief)")
               for row in IntakeService(demo).caseload())
    assert demo.verify_audit_log().ok

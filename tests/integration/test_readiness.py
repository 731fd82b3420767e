"""Klaar voor overdracht means something (issue 19), with the real store and keyring: the
status refuses an incomplete intake with the list of what is missing, accepts a complete one;
transfer only from klaar voor overdracht; the six-week deadline of the onderzoek on the
caseload; the consent summary derived from the data requests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.domain.consent_overview import ConsentShown
from desktop_app.domain.readiness import Where
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.messages import render
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.demo import (
    complete_answers,
    fill_demo_settings,
    fill_demo_showcase,
    make_ready,
)
from desktop_app.services.intakes import IntakeService, NotReadyForTransfer
from desktop_app.services.readiness import consent_overview_for
from desktop_app.services.session import Session
from desktop_app.services.transfer import (
    TransferChecklist,
    TransferNotReady,
    TransferService,
)
from desktop_app.vault import audit
from desktop_app.vault.migrations import current_version, latest_version
from desktop_app.vault.profiles import unlock_profile
from tests.conftest import PASSPHRASE
from tests.integration.test_destruction_forensic import force_ready

CHECKLIST = TransferChecklist("TOP-2026-00417", True, True, True)
WMO = {"hulpvraag_wet": ["wmo"]}  # the six-week term is the Wmo's (art. 2.3.2 lid 1)


@pytest.fixture
def session(profile) -> Session:
    return Session(profile)


def _request_from_gp(session: Session, intake_id: str) -> str:
    requests = DataRequestService(session)
    organisation = requests.catalogue().get("huisarts")
    assert organisation is not None
    return requests.create_request(intake_id, direction=Direction.REQUEST_FROM,
                                   organisation=organisation,
                                   purpose="Passende hulp kiezen (fictief).",
                                   items=("Medicatielijst",), basis=Basis.VERDIEPING,
                                   organisation_named="Huisartsenpraktijk De Linde (fictief)")


def test_incomplete_intake_is_refused_with_the_list(session: Session) -> None:
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Sanne Jansen (fictief)", dt.date(1980, 5, 1))
    intakes.save_answers(intake_id, {"bezoek_datum": "2026-10-02", "gegevens_nodig": True})
    with pytest.raises(NotReadyForTransfer) as caught:
        intakes.set_status(intake_id, "klaar_voor_overdracht")
    readiness = caught.value.readiness
    form = intakes.open_intake(intake_id).form
    titles = [render(g.title, "nl") for g in readiness.groups]
    # Grouped by section title, in the form's order; the data requests are not a section.
    assert titles[0] == form.section("bezoek").title.nl
    assert form.section("hulpvraag").title.nl in titles
    lines = [render(m, "nl") for m in readiness.messages]
    hulpvraag = form.field("hulpvraag").label.nl
    assert f"{form.section('hulpvraag').title.nl} — Nog niet ingevuld: {hulpvraag}" in lines
    # Each item points at the field to fix.
    by_field = {i.field_id: i for i in readiness.items if i.where is Where.FIELD}
    assert by_field["hulpvraag"].section_id == "hulpvraag"
    assert "inwoner_naam" not in by_field and "bezoek_datum" not in by_field  # answered
    # "Ja" to data from others, but no request recorded.
    assert render(by_field["gegevens_nodig"].message, "nl").startswith(
        "Je schreef dat er gegevens van anderen nodig zijn")
    # The error carries the same list after what to do, in both languages.
    assert caught.value.details == readiness.messages
    assert "nog niet klaar voor overdracht" in caught.value.render("nl")
    assert "not ready for transfer" in caught.value.render("en")
    assert intakes.open_intake(intake_id).status == "concept"
    refused = [e for e in audit.entries(session.profile.store, obj=intake_id)
               if e.action == "intake.status_wijzigen"]
    assert [e.result for e in refused] == ["geweigerd"]


def test_data_requests_weighed_and_consistent_before_ready(session: Session) -> None:
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Kees Bakker (fictief)", dt.date(1966, 2, 3))
    form = intakes.forms.current()
    today = session.now().astimezone().date()
    base = {"inwoner_naam": "Kees Bakker (fictief)", "inwoner_geboortedatum": "1966-02-03",
            "gegevens_nodig": False}
    intakes.save_answers(intake_id, complete_answers(form, base, today))
    assert intakes.readiness(intake_id).ready
    request_id = _request_from_gp(session, intake_id)
    # "Nee" to data from others while a request for them exists; the request not weighed.
    items = intakes.readiness(intake_id).items
    messages = {render(i.message, "nl") for i in items}
    assert any(m.startswith("Je schreef dat er geen gegevens van anderen nodig zijn, maar er "
                            "is een verzoek") for m in messages)
    unweighed = [i for i in items if i.where is Where.DATA_REQUEST]
    assert [i.request_id for i in unweighed] == [request_id]
    assert render(unweighed[0].message, "nl") == (
        "Huisartsenpraktijk De Linde (fictief): Maak eerst de afweging voor dit "
        "verzoek.")
    intakes.save_answers(intake_id, {"gegevens_nodig": True})
    items = intakes.readiness(intake_id).items
    assert "gegevens_nodig" not in {i.field_id for i in items}
    assert [i.request_id for i in items if i.where is Where.DATA_REQUEST] == [request_id]


def test_complete_intake_is_accepted_and_can_go_back(session: Session) -> None:
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Dewi Pattiasina (fictief)", dt.date(1990, 7, 7))
    make_ready(intakes, intake_id)
    assert intakes.open_intake(intake_id).status == "klaar_voor_overdracht"
    assert session.profile.store.scalar("SELECT ready_at FROM intakes WHERE id = ?",
                                        (intake_id,)) is not None
    intakes.set_status(intake_id, "concept")  # going back stays possible
    assert intakes.open_intake(intake_id).status == "concept"


def test_transfer_only_from_klaar_voor_overdracht(session: Session, tmp_path: Path) -> None:
    intakes = IntakeService(session)
    transfer = TransferService(session)
    intake_id = intakes.start_intake("Milan de Boer (fictief)", dt.date(1975, 1, 9))
    with pytest.raises(TransferNotReady) as caught:
        transfer.confirm_transfer(intake_id, CHECKLIST)
    assert "nog een concept" in caught.value.render("nl")
    assert "Klaar voor overdracht" in caught.value.render("nl")  # the way to fix it
    with pytest.raises(TransferNotReady):
        transfer.export_report_pdf(intake_id, tmp_path / "verslag.pdf")
    with pytest.raises(TransferNotReady):
        transfer.export_screen_signed(intake_id, tmp_path)
    assert not (tmp_path / "verslag.pdf").exists()
    assert transfer.exported_files(intake_id) == []
    assert not transfer.state(intake_id).ready
    make_ready(intakes, intake_id)
    state = transfer.confirm_transfer(intake_id, CHECKLIST)
    assert state.transferred and state.dossier_reference == "TOP-2026-00417"


def test_six_week_deadline_on_the_caseload(session: Session, clock) -> None:
    intakes = IntakeService(session)
    today = session.now().astimezone().date()
    soon = intakes.start_intake("Ilse Visser (fictief)")
    late = intakes.start_intake("Emre Demir (fictief)")
    fine = intakes.start_intake("Grete Mulder (fictief)")
    unknown = intakes.start_intake("Oscar Okafor (fictief)")
    done = intakes.start_intake("Chidi Osei (fictief)")
    for intake_id in (soon, late, fine, unknown, done):
        intakes.save_answers(intake_id, WMO)
    intakes.save_answers(soon, {"melding_datum": (today - dt.timedelta(days=37)).isoformat()})
    intakes.save_answers(late, {"melding_datum": (today - dt.timedelta(days=50)).strftime(
        "%d-%m-%Y")})  # typed the Dutch way: stored as an ISO date
    intakes.save_answers(fine, {"melding_datum": today.isoformat()})
    intakes.save_answers(unknown, {"melding_datum": "31-02-2026"})  # no date: no deadline
    intakes.save_answers(done, {"melding_datum": today.isoformat()})
    make_ready(intakes, done)
    TransferService(session).confirm_transfer(done, CHECKLIST)
    rows = {r.intake_id: r for r in intakes.caseload()}
    assert rows[soon].assessment_due == today + dt.timedelta(days=5)
    assert rows[soon].due_in_days == 5 and rows[soon].deadline_near
    assert rows[late].due_in_days == -8 and rows[late].deadline_near
    assert rows[fine].assessment_due == today + dt.timedelta(weeks=6)
    assert not rows[fine].deadline_near
    assert rows[unknown].assessment_due is None and not rows[unknown].deadline_near
    assert rows[done].assessment_due is None  # transferred: not the worker's term here
    # Emptying the answer takes the deadline away.
    intakes.save_answers(fine, {"melding_datum": ""})
    assert {r.intake_id: r for r in intakes.caseload()}[fine].assessment_due is None


def test_the_deadline_is_for_the_wmo_only(session: Session) -> None:
    intakes = IntakeService(session)
    today = session.now().astimezone().date()
    melding = {"melding_datum": today.isoformat()}
    youth = intakes.start_intake("Lotte Smit (fictief)")
    adult = intakes.start_intake("Kees Bakker (fictief)")
    both = intakes.start_intake("Sem de Wit (fictief)")
    intakes.save_answers(youth, {**melding, "hulpvraag_wet": ["jeugdwet"]})
    intakes.save_answers(adult, {**melding, **WMO})
    intakes.save_answers(both, {"hulpvraag_wet": ["jeugdwet", "wmo"]})
    intakes.save_answers(both, melding)  # the date after the law: both answers count

    def due(intake_id: str) -> dt.date | None:
        return {r.intake_id: r for r in intakes.caseload()}[intake_id].assessment_due

    six_weeks = today + dt.timedelta(weeks=6)
    assert due(youth) is None
    assert due(adult) == six_weeks and due(both) == six_weeks
    # Switching the law (without touching the date) moves the deadline with it.
    intakes.save_answers(youth, WMO)
    intakes.save_answers(adult, {"hulpvraag_wet": ["jeugdwet"]})
    assert due(youth) == six_weeks and due(adult) is None
    intakes.save_answers(youth, {"hulpvraag_wet": []})  # emptied: no law, no term
    assert due(youth) is None


def test_migration_7_fills_the_melding_date_from_the_answers(profile, clock) -> None:
    session = Session(profile)
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Zoë Güneş (fictief)")
    other = intakes.start_intake("Jasper Kovač (fictief)")
    youth = intakes.start_intake("Lotte Smit (fictief)")
    intakes.save_answers(intake_id, {"melding_datum": "2026-09-01", **WMO})
    intakes.save_answers(other, WMO)
    intakes.save_answers(youth, {"melding_datum": "2026-09-01", "hulpvraag_wet": ["jeugdwet"]})
    store = profile.store
    with store.transaction():  # what version 6 had: no column; the answer only
        store.execute("ALTER TABLE intakes DROP COLUMN melding_datum")
        store.execute("INSERT INTO answers(intake_id, field_id, value, updated_at) VALUES"
                      " (?, 'melding_datum', ?, '2026-09-02T10:00:00.000+00:00')",
                      (other, json.dumps("niet ingevuld")))
    store.execute("PRAGMA user_version = 6")
    folder = profile.paths.folder
    profile.close()
    again = unlock_profile(folder, PASSPHRASE, clock=clock)
    try:
        assert current_version(again.store.raw_connection) == latest_version() >= 7
        rows = {r.intake_id: r for r in IntakeService(Session(again)).caseload()}
        assert rows[intake_id].assessment_due == dt.date(2026, 10, 13)
        assert rows[other].assessment_due is None  # not a date: left empty
        assert rows[youth].assessment_due is None  # Jeugdwet only: no six-week term
    finally:
        again.close()


def test_consent_summary_agrees_with_the_requests(session: Session) -> None:
    fill_demo_settings(session)
    showcase = fill_demo_showcase(session)
    ids = showcase.requests
    rows = {}
    for intake_id in showcase.intakes.values():
        rows.update({line.request_id: line for line in consent_overview_for(session, intake_id)})
    requests = DataRequestService(session)
    for request_id, line in rows.items():
        row = requests.get(request_id)
        assert line.status is row.status
        assert line.direction is row.request.direction and line.basis is row.request.basis
    # Lotte's own "Nee" to the psychologist on the signed paper shows as refused.
    assert rows[ids["youth_psychologist"]].consent is ConsentShown.REFUSED
    assert rows[ids["youth_psychologist"]].consent.refused
    # Signed by her and both parents: given; the GP holds medical secrecy.
    assert rows[ids["youth_gp"]].consent is ConsentShown.SIGNED
    assert rows[ids["youth_gp"]].holder_has_secrecy
    # The school, for the statutory task: no consent asked, she is informed.
    school = rows[ids["youth_school"]]
    assert school.consent is ConsentShown.NOT_ASKED_TASK and not school.holder_has_secrecy
    assert render(school.consent.label, "nl").startswith("niet gevraagd: wettelijke taak")
    # Kees: withdrawn for the nurse, not weighed yet for debt help, nothing shared with the
    # housing corporation, a statement not signed yet for the physiotherapist.
    assert rows[ids["adult_nurse"]].consent is ConsentShown.WITHDRAWN
    assert rows[ids["adult_debt"]].consent is ConsentShown.NOT_YET
    assert render(rows[ids["adult_debt"]].outcome, "nl") == "nog niet afgewogen"
    assert rows[ids["adult_housing"]].consent is ConsentShown.NOTHING_SHARED
    assert rows[ids["adult_physio"]].consent is ConsentShown.PENDING
    # Nadia: the report to Veilig Thuis without telling her first; giving data, so the
    # holder is the team, not someone with secrecy.
    report = rows[ids["safety_report"]]
    assert report.consent is ConsentShown.WITHOUT_INFORMING
    assert report.direction is Direction.GIVE_TO and not report.holder_has_secrecy
    sentence = render(rows[ids["youth_gp"]].message, "nl")
    assert sentence.startswith("Huisartsenpraktijk De Linde (fictief), opvragen bij")
    assert "ja, getekend" in sentence and "medisch beroepsgeheim (BIG)" in sentence
    assert "ja, signed" not in render(rows[ids["youth_gp"]].message, "en")


def test_a_change_after_ready_sends_the_intake_back_to_concept(session: Session) -> None:
    """Readiness is checked when the status is set; a later change would slip past it, so
    any change makes the intake a concept again (logged), and it is checked once more."""
    intakes = IntakeService(session)
    transfer = TransferService(session)
    intake_id = intakes.start_intake("Dewi Pattiasina (fictief)", dt.date(1990, 7, 7))
    make_ready(intakes, intake_id)
    answer = intakes.open_intake(intake_id).answers["hulpvraag"]
    intakes.save_answers(intake_id, {"hulpvraag": answer})  # the same text: no change
    assert intakes.status(intake_id) == ("klaar_voor_overdracht", False)
    intakes.save_answers(intake_id, {"hulpvraag": ""})  # emptied: no longer complete
    draft = intakes.open_intake(intake_id)
    assert draft.status == "concept" and draft.changed_after_ready
    assert render(draft.status_text, "nl").startswith(
        "Concept — gewijzigd na klaar voor overdracht")
    logged = [e for e in audit.entries(session.profile.store, obj=intake_id)
              if e.action == "intake.status_wijzigen"]
    assert logged[-1].reason == "gewijzigd na klaar voor overdracht"
    assert logged[-1].result == "ok"
    with pytest.raises(TransferNotReady):
        transfer.confirm_transfer(intake_id, CHECKLIST)
    with pytest.raises(NotReadyForTransfer):  # checked again: the empty question is listed
        intakes.set_status(intake_id, "klaar_voor_overdracht")
    intakes.save_answers(intake_id, {"hulpvraag": answer})
    intakes.set_status(intake_id, "klaar_voor_overdracht")
    assert intakes.status(intake_id) == ("klaar_voor_overdracht", False)
    # A new data request (not weighed) sends it back too.
    request_id = _request_from_gp(session, intake_id)
    assert intakes.status(intake_id) == ("concept", True)
    assert [i.request_id for i in intakes.readiness(intake_id).items
            if i.where is Where.DATA_REQUEST] == [request_id]
    # Going back to concept by choice is no "changed after".
    intakes.set_status(intake_id, "concept")
    assert intakes.status(intake_id) == ("concept", False)
    assert render(intakes.open_intake(intake_id).status_text, "nl") == "Concept"


def test_a_consent_change_after_ready_sends_the_intake_back(session: Session) -> None:
    from desktop_app.services.consent import ConsentService

    fill_demo_settings(session)
    showcase = fill_demo_showcase(session)
    request_id = showcase.requests["youth_gp"]
    intake_id = DataRequestService(session).get(request_id).intake_id
    force_ready(session, intake_id)  # the showcase is not complete; the change is the point
    today = session.now().astimezone().date()
    ConsentService(session).withdraw([request_id], today, "Mondeling, bij het gesprek.")
    assert IntakeService(session).status(intake_id) == ("concept", True)


def test_a_draft_on_an_older_form_version_moves_first(session: Session, tmp_path: Path) -> None:
    from desktop_app.services.forms import FormRegistry
    from tests.gui.test_intake_flow import newer_form_folder

    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Dewi Pattiasina (fictief)", dt.date(1990, 7, 7))
    make_ready(intakes, intake_id)
    # The municipality publishes version 5.
    newer = IntakeService(session, FormRegistry(newer_form_folder(tmp_path)))
    items = newer.readiness(intake_id).items
    assert [i.where for i in items] == [Where.FORM_VERSION]
    assert "Stap eerst over op versie 5" in render(items[0].message, "nl")
    with pytest.raises(NotReadyForTransfer):
        newer.set_status(intake_id, "klaar_voor_overdracht")
    # Moving it is a change too: back to concept, checked again on the new version.
    draft = newer.open_intake(intake_id)
    assert draft.newer_form is not None
    newer.migrate_draft(intake_id, draft.newer_form)
    assert newer.status(intake_id) == ("concept", True)
    assert newer.readiness(intake_id).ready
    newer.set_status(intake_id, "klaar_voor_overdracht")

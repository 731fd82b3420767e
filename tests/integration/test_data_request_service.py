"""DataRequestService with the real SQLCipher store and keyring: versioned weighings, the
consent lock (ZW-4, ZU-A4C), custom organisations, the protocol setting, and an audit log
without names or content. Weighings come from generated protocol paths, not hand-picked ones."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Callable

import pytest

from desktop_app.domain.consent import Choice, SignerRecord
from desktop_app.domain.data_requests import (
    DataRequestProblem,
    Informing,
    RequestConsent,
    ResidentAnswer,
    Status,
    weighing_context,
)
from desktop_app.domain.organisations import Organisation, OrganisationProblem
from desktop_app.domain.protocols import (
    OutcomeKind,
    Prefill,
    ProtocolGraph,
    ProtocolPath,
    Weighing,
    enumerate_paths,
)
from desktop_app.domain.vocabulary import Basis, Direction, Registration, SecrecyRegime
from desktop_app.messages import Message
from desktop_app.services.consent import ConsentService, SignerChoices
from desktop_app.services.data_requests import (
    DataRequestService,
)
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.settings import (
    CUSTOM_ORGANISATIONS,
    PROFESSIONAL_REGISTRATION,
    PROTOCOL,
    SettingsService,
)
from desktop_app.vault import audit
from desktop_app.vault.profiles import unlock_profile
from tests.conftest import PASSPHRASE

RESIDENT = "Fictieve Ayşe Yılmaz"
PURPOSE = "Fictief doel MARKER-doel-7Q: beter beeld van de zorg"
ITEMS = ["Verslag van het laatste consult MARKER-item-3F", "Medicatieoverzicht"]
RECORD = "Fictieve motivatie MARKER-record-5K"
SAMPLES = {"reason_not_informing": "bescherming_betrokkene", "legal_ground": "vitaal_belang",
           "anonymised_consultation": "nee", "inform_after": "2027-01-15"}
# What a toestemmingsverklaring needs from the settings (contact, FG, privacy, retention).
CONSENT_SETTINGS = {
    "team_telefoon": "0000 000 000", "fg_email": "fg@example.org",
    "privacyverklaring": "www.example.org/privacy",
    "bewaartermijn_dossier": "15 jaar", "bewaartermijn_verklaring": "15 jaar",
}


@pytest.fixture
def session(profile) -> Session:
    return Session(profile)


@pytest.fixture
def service(session: Session) -> DataRequestService:
    return DataRequestService(session)


@pytest.fixture
def intake_id(session: Session) -> str:
    return IntakeService(session).start_intake(RESIDENT)


def organisation(service: DataRequestService, organisation_id: str) -> Organisation:
    found = service.catalogue().get(organisation_id)
    assert found is not None
    return found


def create(service: DataRequestService, intake_id: str, organisation_id: str,
           basis: Basis = Basis.VERDIEPING) -> str:
    return service.create_request(intake_id, direction=Direction.REQUEST_FROM,
                                  organisation=organisation(service, organisation_id),
                                  purpose=PURPOSE, items=ITEMS, basis=basis)


def walk(service: DataRequestService, request_id: str,
         wanted: Callable[[ProtocolPath], bool]) -> Weighing:
    """Walk the first generated path (for this request's facts) that satisfies `wanted`."""
    request = service.get(request_id).request
    graph: ProtocolGraph = service.protocol().for_direction(request.direction)
    context = service.context_of(request)
    for path in enumerate_paths(graph, context):
        if not wanted(path):
            continue
        state = Weighing.start(graph)
        for node_id, answer_id in path.steps:
            answer = graph.node(node_id).answer(answer_id)
            assert answer is not None
            records = {r.kind.value: SAMPLES.get(r.kind.value, RECORD) for r in answer.records}
            for r in answer.records:
                if r.prefill is Prefill.PURPOSE:
                    records[r.kind.value] = request.purpose  # typed once, in the request
                elif r.kind.value == "narrowed_items":
                    records[r.kind.value] = request.items[0] if len(request.items) > 1 else (
                        "Alleen: " + request.items[0])
            state = state.answer(node_id, answer_id, records)
        assert state.is_complete
        return state
    raise AssertionError("no generated path matches")


def verdict(kind: OutcomeKind) -> Callable[[ProtocolPath], bool]:
    return lambda p: p.outcome.kind is kind


def actions_for(session: Session, request_id: str) -> list[tuple[str, str]]:
    return [(e.action, e.result) for e in audit.entries(session.profile.store, obj=request_id)]


# --------------------------------------------------------------------------------------------


def test_create_weigh_and_reweigh_keeps_both_versions_and_logs_both(
        session: Session, service: DataRequestService, intake_id: str, clock) -> None:
    request_id = create(service, intake_id, "school")
    row = service.get(request_id)
    assert row.status is Status.CONCEPT and not row.can_send
    assert [r.id for r in service.list_requests(intake_id)] == [request_id]

    first = walk(service, request_id, verdict(OutcomeKind.DO_NOT_SHARE))
    recorded = service.record_weighing(request_id, first)
    assert recorded.number == 1
    assert service.get(request_id).status is Status.NIET_DELEN

    clock.advance(600)
    second = walk(service, request_id, verdict(OutcomeKind.PROCEED_WITH_CONSENT))
    service.record_weighing(request_id, second)

    history = service.weighing_history(request_id)
    assert [h.version for h in history] == [1, 2]
    assert history[0].recorded.outcome_kind is OutcomeKind.DO_NOT_SHARE  # the old one, intact
    assert history[1].recorded.outcome_kind is OutcomeKind.PROCEED_WITH_CONSENT
    assert history[1].created_at > history[0].created_at
    assert history[0].recorded.data == first.to_dict()
    # The payload tells the same history as the table.
    payload = service.get(request_id).request
    assert [w.number for w in payload.weighings] == [1, 2]
    assert service.get(request_id).status is Status.GEWOGEN  # waiting for the oral consent
    # The exact protocol text is stored and replays the weighing.
    graph = service.protocol()
    kind, text = session.profile.store.query(
        "SELECT kind, source_text FROM form_definitions WHERE content_hash = ?",
        (graph.content_hash,))[0]
    assert kind == "protocol" and "id: zutphen" in text
    assert Weighing.from_dict(history[1].recorded.data, graph).outcome is not None

    assert actions_for(session, request_id) == [
        ("verzoek.aanmaken", "ok"), ("verzoek.wegen", "ok"), ("verzoek.wegen_gewijzigd", "ok")]

    service.record_informing(request_id, Informing(informed=True, answer=ResidentAnswer.JA))
    assert service.get(request_id).status is Status.TOESTEMMING_GEGEVEN
    sent = service.mark_sent(request_id)
    assert sent.sent_at is not None and service.get(request_id).status is Status.VERSTUURD
    with pytest.raises(DataRequestProblem, match="al verstuurd"):
        service.record_weighing(request_id, second)
    assert len(service.weighing_history(request_id)) == 2  # the refused one left no trace


def test_changed_request_needs_a_new_weighing(service: DataRequestService,
                                              intake_id: str) -> None:
    request_id = create(service, intake_id, "school")
    service.record_weighing(request_id, walk(service, request_id,
                                             verdict(OutcomeKind.PROCEED_WITH_CONSENT)))
    assert service.get(request_id).status is Status.GEWOGEN
    service.update_request(request_id, items=["Alleen het rapport"])
    row = service.get(request_id)
    assert row.status is Status.CONCEPT
    assert row.reason == Message("data_request.reason.changed_after_weighing")
    assert row.summary == row.reason and "opnieuw" in str(row.reason)
    # A weighing walked for a BIG organisation cannot be stored on a request without secrecy:
    # the context answers would contradict the request.
    huisarts_request = create(service, intake_id, "huisarts")
    big_walk = walk(service, huisarts_request, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED))
    with pytest.raises(DataRequestProblem, match="veranderd"):
        service.record_weighing(request_id, big_walk)


@pytest.mark.parametrize("organisation_id", ["huisarts", "pedagoog"])
def test_secrecy_request_is_locked_until_a_signed_statement_and_relocked_by_withdrawal(
        session: Session, service: DataRequestService, intake_id: str,
        organisation_id: str) -> None:
    """ZW-4 / ZU-A4C through the real consent service: printed is not signed, a signed "Ja"
    unlocks, a withdrawal locks again, and a new signed statement unlocks once more."""
    assert SettingsService(session).save(CONSENT_SETTINGS) == []
    IntakeService(session).save_answers(intake_id, {"inwoner_geboortedatum": "1980-04-01"})
    request_id = create(service, intake_id, organisation_id)
    service.update_request(request_id, organisation_named="Praktijk Fictief")
    service.record_weighing(request_id, walk(
        service, request_id, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)))
    service.record_informing(request_id, Informing(informed=True, answer=ResidentAnswer.JA))
    row = service.get(request_id)
    assert row.status is Status.TOESTEMMING_NODIG and not row.can_send
    assert row.consent is RequestConsent.NONE
    with pytest.raises(DataRequestProblem, match="getekende toestemmingsverklaring"):
        service.mark_sent(request_id)
    assert actions_for(session, request_id)[-1] == ("verzoek.versturen", "geweigerd")

    consent = ConsentService(session)
    capable = SignerChoices(capable=True)  # WGBO 7:465: asked on every statement
    today = session.now().astimezone().date()
    composition = consent.compose(intake_id, [request_id], choices=capable)
    assert composition.ready, composition.problems
    statement = consent.create(intake_id, composition)
    consent.mark_printed(statement)
    row = service.get(request_id)
    assert row.status is Status.TOESTEMMING_NODIG and row.consent is RequestConsent.PENDING
    consent.record_signed(statement, [SignerRecord(0, True, today, {0: Choice.JA})])
    row = service.get(request_id)
    assert row.status is Status.TOESTEMMING_GEGEVEN and row.can_send
    assert row.consent is RequestConsent.GIVEN
    assert service.consents_of(request_id) is RequestConsent.GIVEN

    consent.withdraw([request_id], today, "Fictief: belde het team")  # locks it again
    row = service.get(request_id)
    assert row.status is Status.GEWEIGERD and not row.can_send
    assert row.reason == Message("data_request.reason.consent_withdrawn")
    with pytest.raises(DataRequestProblem, match="ingetrokken"):
        service.mark_sent(request_id)

    again = consent.create(intake_id, consent.compose(intake_id, [request_id], choices=capable))
    consent.mark_printed(again)
    assert service.get(request_id).status is Status.TOESTEMMING_NODIG  # asked again
    consent.record_signed(again, [SignerRecord(0, True, today, {0: Choice.JA})])
    service.mark_sent(request_id)
    assert service.get(request_id).status is Status.VERSTUURD
    assert actions_for(session, request_id)[-1] == ("verzoek.versturen", "ok")


def test_custom_organisation_persists_per_profile(session: Session, service: DataRequestService,
                                                  intake_id: str, clock) -> None:
    added = service.add_custom_organisation("Buurtpraktijk De Linde", SecrecyRegime.BIG, "arts")
    assert added.custom and added.id.startswith("eigen:")
    # A name already in the catalogue is refused: a "Huisarts" without BIG would dodge ZW-4.
    with pytest.raises(OrganisationProblem, match="staat al"):
        service.add_custom_organisation("huisarts", SecrecyRegime.NONE)
    with pytest.raises(OrganisationProblem, match="beroep"):
        service.add_custom_organisation("Praktijk Zonder Beroep", SecrecyRegime.BIG)
    request_id = service.create_request(intake_id, direction=Direction.GIVE_TO,
                                        organisation=added, purpose=PURPOSE, items=ITEMS,
                                        basis=Basis.TOETSING)
    # Lock, unlock again: the organisation is still there, and the request still needs consent.
    folder = session.profile.paths.folder
    session.lock()
    again = Session(unlock_profile(folder, PASSPHRASE, clock=clock))
    try:
        reopened = DataRequestService(again)
        names = [o.name.nl for o in reopened.custom_organisations()]
        assert names == ["Buurtpraktijk De Linde"]
        assert reopened.organisation(added.id).regime is SecrecyRegime.BIG
        assert again.stored_setting(CUSTOM_ORGANISATIONS)[0]["profession"] == "arts"
        request = reopened.get(request_id).request
        assert request.organisation == added
        # Given to the practice: its secrecy is no reason for a signature (ZU-A4C is about
        # whoever shares); asked from it, it is.
        assert weighing_context(request)["sharer_secrecy"] == "geen"
        asked = request.with_details(direction=Direction.REQUEST_FROM)
        assert weighing_context(asked)["sharer_secrecy"] == "organisatie"
    finally:
        again.lock()


def test_protocol_setting_is_respected(session: Session, service: DataRequestService,
                                       intake_id: str) -> None:
    assert service.protocol().id == "zutphen"  # the default
    request_id = create(service, intake_id, "huisarts")
    assert service.new_weighing(request_id).current_node.id == "a1_bij_mij"
    service.set_protocol("zwolle")
    assert session.stored_setting(PROTOCOL) == "zwolle"
    assert service.new_weighing(request_id).current_node.id == "zw1_behoefte"
    service.record_weighing(request_id, walk(service, request_id,
                                             verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)))
    stored = service.weighing_history(request_id)[0]
    assert stored.recorded.protocol_id == "zwolle"
    assert stored.protocol_hash == service.protocols()["zwolle"].content_hash
    with pytest.raises(DataRequestProblem, match="bestaat niet"):
        service.set_protocol("amsterdam")
    # e.g. a file removed from forms/
    session.store_settings({PROTOCOL: "amsterdam"}, "instelling.wijzigen")
    with pytest.raises(DataRequestProblem, match="zutphen, zwolle") as caught:
        service.protocol()
    assert caught.value.render("en") == (
        "The chosen privacy protocol 'amsterdam' does not exist. In Settings, choose one of "
        "these protocols: zutphen, zwolle.")


def test_audit_entries_carry_no_names_or_content(session: Session, service: DataRequestService,
                                                  intake_id: str) -> None:
    custom = service.add_custom_organisation("Stichting Fictief MARKER-org-8W", "geen")
    for org in (organisation(service, "huisarts"), custom):
        request_id = service.create_request(intake_id, direction=Direction.REQUEST_FROM,
                                            organisation=org, purpose=PURPOSE, items=ITEMS,
                                            basis=Basis.VERDIEPING)
        weighing = walk(service, request_id, lambda p: p.passes("a4a_conflict", "ja"))
        service.record_weighing(request_id, weighing)
        service.record_weighing(request_id, weighing)
        suggestion = service.suggested_informing(request_id)
        assert suggestion is not None and suggestion.answer is ResidentAnswer.NEE
        service.record_informing(request_id, suggestion)
        # The huisarts stays locked without a statement; that refused attempt is logged too.
        with contextlib.suppress(DataRequestProblem):
            service.mark_sent(request_id)
    entries = audit.entries(session.profile.store)
    actions = {e.action for e in entries}
    assert {"verzoek.aanmaken", "verzoek.wegen", "verzoek.wegen_gewijzigd",
            "verzoek.informeren", "verzoek.versturen", "organisatie.toevoegen"} <= actions
    dumped = json.dumps([dataclasses.astuple(e) for e in entries], ensure_ascii=False)
    for secret in ("MARKER", "Yılmaz", "Huisarts", "huisarts", "Fictie", "Stichting"):
        assert secret not in dumped
    for entry in entries:
        assert entry.object == "-" or entry.object.split("-")[0] in (
            "verzoek", "intake", "profiel")


# ---------------------------------------------------------------------------------------------
# Issue 15 through the service: the worker's registration, the answer asked once, the
# exception paths that finish, the reminder to inform afterwards, the organisation's answer,
# and "niet delen" kept off the statement.


def test_zu_a4c_an_skj_registered_worker_gives_under_the_own_code(
        session: Session, service: DataRequestService, intake_id: str) -> None:
    request_id = service.create_request(intake_id, direction=Direction.GIVE_TO,
                                        organisation=organisation(service, "school"),
                                        purpose=PURPOSE, items=ITEMS, basis=Basis.VERDIEPING)
    request = service.get(request_id).request
    assert service.context_of(request)["sharer_secrecy"] == "geen"
    SettingsService(session).set(PROFESSIONAL_REGISTRATION, "skj")
    assert service.registration() is Registration.SKJ
    assert service.context_of(request)["sharer_secrecy"] == "medewerker"
    weighing = walk(service, request_id,
                    lambda p: p.outcome.kind is OutcomeKind.PROCEED_WITH_CONSENT
                    and OutcomeKind.SHARE_MINIMUM not in p.effect_kinds)
    assert weighing.graph.direction is Direction.GIVE_TO  # the texts for giving
    recorded = service.record_weighing(request_id, weighing, answer_from_path=True)
    assert OutcomeKind.OWN_CODE in recorded.effect_kinds
    row = service.get(request_id)
    # Asked once: the path's "ja" is stored with the weighing.
    assert row.request.informing is not None and row.request.informing.answer.value == "ja"
    assert row.can_send and row.status is Status.TOESTEMMING_GEGEVEN
    assert actions_for(session, request_id)[-2:] == [("verzoek.wegen", "ok"),
                                                     ("verzoek.informeren", "ok")]


def test_zu_a4b_a_gp_asked_without_informing_is_sent_and_the_reminder_follows(
        session: Session, service: DataRequestService, intake_id: str, clock) -> None:
    request_id = create(service, intake_id, "huisarts")
    weighing = walk(service, request_id, lambda p: p.passes("a4b_reden", "ja"))
    service.record_weighing(request_id, weighing, answer_from_path=True)
    row = service.get(request_id)
    assert row.request.informing is not None and not row.request.informing.informed
    assert row.can_send, row.reason  # no signature: the GP decides under its own code
    assert service.inform_after_due(intake_id) == []
    service.mark_sent(request_id)
    service.record_response(request_id, "deels", "Alleen de medicatie")
    clock.advance(60 * 24 * 3600)  # past 15-01-2027
    assert [r.id for r in service.inform_after_due(intake_id)] == [request_id]
    service.record_informed_afterwards(request_id)
    assert service.inform_after_due(intake_id) == []
    request = service.get(request_id).request
    assert request.response is not None and request.response.value == "deels"
    summary = str(service.get(request_id).summary)
    assert "Antwoord van de organisatie: een deel gegeven." in summary
    assert "achteraf geïnformeerd" in summary
    assert [a for a, _r in actions_for(session, request_id)][-3:] == [
        "verzoek.versturen", "verzoek.antwoord", "verzoek.achteraf_informeren"]
    # The log holds no content: not the answer's note, not the reason.
    for entry in session.audit_entries():
        assert "medicatie" not in json.dumps(dataclasses.asdict(entry)).casefold()


def test_niet_delen_is_not_offered_for_a_statement(
        session: Session, service: DataRequestService, intake_id: str) -> None:
    settings = SettingsService(session)
    for key, value in CONSENT_SETTINGS.items():
        settings.set(key, value)
    stopped = create(service, intake_id, "huisarts")
    service.record_weighing(stopped, walk(service, stopped,
                                          lambda p: p.passes("a2_weten", "nee")))
    asked = create(service, intake_id, "huisarts")
    service.record_weighing(asked, walk(
        service, asked, lambda p: p.outcome.kind is OutcomeKind.WRITTEN_CONSENT_REQUIRED
        and OutcomeKind.SHARE_MINIMUM not in p.effect_kinds), answer_from_path=True)
    consent = ConsentService(session)
    assert [c.request_id for c in consent.candidates(intake_id)] == [asked]
    composition = consent.compose(intake_id, [stopped, asked])
    assert Message("consent.compose.weighed_not_to_share", n=1) in composition.problems
    assert composition.statement is None or len(composition.statement.items) == 1

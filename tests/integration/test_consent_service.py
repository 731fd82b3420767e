"""ConsentService and gespreksverslag_for on a real SQLCipher store (issue 5).

Data requests are stored the way the data-request service stores them (payload =
`DataRequest.to_dict()`), with weighings walked along generated protocol paths. All people and
organisations are fictional. PDFs are read back with pypdf and `pdftotext -` (stdin, no file).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.documents.report_pdf import build_gespreksverslag_pdf_with_hash
from desktop_app.domain.consent import (
    Choice,
    ItemOutcome,
    SignerRecord,
    check_document_number,
    parse_document_number,
)
from desktop_app.domain.data_requests import (
    ConsentState,
    DataRequest,
    Informing,
    RequestConsent,
    ResidentAnswer,
    Status,
    new_data_request,
    status_of,
    weighing_context,
)
from desktop_app.domain.organisations import Organisation, load_catalogue
from desktop_app.domain.protocols import (
    OutcomeKind,
    Prefill,
    ProtocolGraph,
    ProtocolPath,
    Weighing,
    enumerate_paths,
    load_protocol,
)
from desktop_app.domain.signers import CustodyHolder, SignerRole, SignerRule
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.messages import Message, render
from desktop_app.services.consent import (
    CONSENT_STATE_LABELS,
    SIGNER_ROLE_WORDS,
    ConsentProblem,
    ConsentService,
    SignerChoices,
    StatementNotReady,
)
from desktop_app.services.intakes import IntakeService, new_id
from desktop_app.services.report import gespreksverslag_for
from desktop_app.services.session import Session
from desktop_app.services.settings import ReadOnlySource, SettingsService
from tests.conftest import require_system_part, which

FORMS = Path(__file__).resolve().parents[2] / "forms"
ZUTPHEN = load_protocol(FORMS / "protocols" / "zutphen.yaml")
CATALOGUE = load_catalogue(FORMS / "organisaties.yaml")
HUISARTS = CATALOGUE.get("huisarts")
SCHOOL = CATALOGUE.get("school")
assert HUISARTS is not None and SCHOOL is not None

CHILD = "Zoë Ğüneş"
PARENTS = ("Ayşe Yılmaz", "François Cœur")
RECORD = {
    "motivation": "Fictieve motivatie: zonder medische informatie geen passende hulp",
    "consulted": "Collega A (gedragswetenschapper), teamleider B",
    "findings": "Fictieve bevindingen",
    "client_arguments": "Fictief bezwaar",
    "reason_not_informing": "bescherming_betrokkene",
    "legal_ground": "conflict_van_plichten",
    "anonymised_consultation": "ja",
    "inform_after": "2027-01-15",
}
SETTINGS = {
    "gemeente_naam": "Gemeente Voorbeeldstad",
    "team_naam": "Sociaal wijkteam Noord",
    "team_telefoon": "0000 000 000",
    "team_email": "wijkteam.noord@example.org",
    "team_adres": "Postbus 1, 9999 ZZ Voorbeeldstad",
    "medewerker_functie": "wijkteammedewerker Jeugd",
    # AVG art. 13: the FG, the privacy statement and the retention periods are printed.
    "fg_email": "fg@example.org",
    "privacyverklaring": "www.example.org/privacy",
    "bewaartermijn_dossier": "15 jaar na het einde van de hulp",
    "bewaartermijn_verklaring": "zo lang als het dossier",
}
# The real names typed on the requests: consent is specific to a practice or school.
NAMED = {"huisarts": "Huisartsenpraktijk De Linde (fictief)",
         "school": "OBS De Regenboog (fictief)"}


# ---------------------------------------------------------------------------------------------
# Helpers shared with tests/gui/test_consent_panel.py


def walk(graph: ProtocolGraph, path: ProtocolPath, request: DataRequest | None = None) -> Weighing:
    """Walk `path`. With the request, the fields the wizard prefills get the request's purpose
    and items ("share less" keeps the first item)."""
    state = Weighing.start(graph)
    for node_id, answer_id in path.steps:
        answer = graph.node(node_id).answer(answer_id)
        assert answer is not None
        records = {}
        for r in answer.records:
            if request is not None and r.prefill is Prefill.PURPOSE:
                records[r.kind.value] = request.purpose
            elif r.kind.value == "narrowed_items":
                assert request is not None and len(request.items) > 1
                records[r.kind.value] = request.items[0]
            else:
                records[r.kind.value] = RECORD[r.kind.value]
        state = state.answer(node_id, answer_id, records)
    assert state.is_complete
    return state


def weighed(request: DataRequest, wanted: Callable[[ProtocolPath], bool],
            at: dt.datetime) -> DataRequest:
    """The request with the first generated path (for its facts) that `wanted` accepts."""
    for path in enumerate_paths(ZUTPHEN, weighing_context(request)):
        if wanted(path):
            return request.with_weighing(
                walk(ZUTPHEN.for_direction(request.direction), path, request), at)
    raise AssertionError("no generated path matches")


def _plain_yes(kind: OutcomeKind) -> Callable[[ProtocolPath], bool]:
    unwanted = {OutcomeKind.SHARE_DESPITE_OBJECTION, OutcomeKind.SHARE_WITHOUT_INFORMING}
    return lambda p: p.outcome.kind is kind and not (p.effect_kinds & unwanted)


def store_request(session: Session, intake_id: str, request: DataRequest) -> None:
    """As the data-request service stores one: the domain object's JSON in `payload`."""
    now = session.now().isoformat()
    with session.profile.store.transaction() as store:
        store.execute(
            "INSERT INTO data_requests(id, intake_id, status, payload, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET payload = excluded.payload,"
            " updated_at = excluded.updated_at",
            (request.id, intake_id, status_of(request, RequestConsent.NONE).value,
             json.dumps(request.to_dict(), ensure_ascii=False), now, now))


def make_request(organisation: Organisation, purpose: str, items: list[str],
                 direction: Direction = Direction.REQUEST_FROM, *,
                 basis: Basis = Basis.VERDIEPING, named: str | None = None) -> DataRequest:
    return new_data_request(request_id=new_id("verzoek"), direction=direction,
                            organisation=organisation, purpose=purpose, items=items,
                            basis=basis,
                            organisation_named=NAMED.get(organisation.id, "") if named is None
                            else named)


def signed(signer: int, on: dt.date, choices: dict[int, Choice] | None = None,
           ) -> SignerRecord:
    """One signer's record: signed on `on`, with the Ja/Nee per item index."""
    return SignerRecord(signer, True, on, choices or {})


def all_yes(signers: int, on: dt.date, items: int = 1) -> list[SignerRecord]:
    return [signed(i, on, dict.fromkeys(range(items), Choice.JA)) for i in range(signers)]


def setup_intake(session: Session, *, birth: dt.date = dt.date(2012, 5, 3),
                 settings: bool = True, household: bool = True
                 ) -> tuple[str, DataRequest, DataRequest]:
    """An intake about a 14-year-old with two parents holding custody, a request to the
    huisarts (BIG: written consent) and one to the school (no secrecy)."""
    if settings:
        assert SettingsService(session).save(SETTINGS) == []
    intakes = IntakeService(session)
    intake_id = intakes.start_intake(CHILD, birth)
    answers: dict[str, Any] = {
        "bezoek_datum": "2026-11-20",
        "bezoek_plaats": "thuis",
        "aanwezig": ["inwoner", "ouders"],
        "aanwezig_wie": "Ayşe Yılmaz (moeder)",
        "inwoner_woonplaats": "Voorbeeldstad",
        "inwoner_bsn": "999993847",
        "hulpvraag": "Zoë wil weer naar school kunnen zonder buikpijn.",
        "zorgen_veiligheid": False,
        "leefgebieden": ["lichamelijke_gezondheid"],
        "doelen": "Binnen drie maanden weer vier dagen per week naar school.",
        "afspraken": "Moeder belt de huisarts; wijkteam spreekt de mentor.",
        "kind_betrokken": True,
    }
    if household:
        answers |= {
            "huishouden_leden": [
                {"naam": PARENTS[0], "relatie": "ouder", "gezag": True},
                {"naam": PARENTS[1], "relatie": "ouder", "gezag": True},
            ],
            "gezag_wie": "beide_ouders",
            "gezag_namen": f"{PARENTS[0]} en {PARENTS[1]}",
            "gezag_gecontroleerd": "gezagsregister",
        }
    intakes.save_answers(intake_id, answers)
    at = session.now()
    huisarts = weighed(make_request(HUISARTS, "Fictief doel: passende hulp bij buikpijn",
                                    ["Klachten en diagnose", "Medicijnen"]),
                       _plain_yes(OutcomeKind.WRITTEN_CONSENT_REQUIRED), at)
    huisarts = huisarts.with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
    school = weighed(make_request(SCHOOL, "Fictief doel: samen met school helpen",
                                  ["Aanwezigheid en verzuim"]),
                     _plain_yes(OutcomeKind.PROCEED_WITH_CONSENT), at)
    school = school.with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
    store_request(session, intake_id, huisarts)
    store_request(session, intake_id, school)
    return intake_id, huisarts, school


def pdftotext(pdf: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf,
                            capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    """pypdf's text, with whitespace folded (lines may break anywhere)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def today(session: Session) -> dt.date:
    """The worker's local date, as the service uses it."""
    return session.now().astimezone().date()


def actions_for(session: Session, obj: str) -> list[str]:
    return [e.action for e in session.audit_entries() if e.object == obj]


# ---------------------------------------------------------------------------------------------


@pytest.fixture
def session(profile: Any) -> Session:
    return Session(profile)


def test_compose_picks_the_requests_that_need_written_consent(session: Session) -> None:
    intake_id, huisarts, school = setup_intake(session)
    service = ConsentService(session)
    candidates = {c.request_id: c for c in service.candidates(intake_id)}
    assert candidates[huisarts.id].needs_written and candidates[huisarts.id].suggested
    assert candidates[huisarts.id].named == NAMED["huisarts"]
    assert not candidates[school.id].needs_written and not candidates[school.id].suggested

    composition = service.compose(intake_id)
    assert composition.ready, composition.problems
    statement = composition.statement
    assert statement is not None
    assert [i.organisation_name for i in statement.items] == [HUISARTS.name.nl]
    assert [i.organisation_named for i in statement.items] == [NAMED["huisarts"]]
    assert statement.items[0].data_items == ("Klachten en diagnose", "Medicijnen")
    assert composition.item_requests == (huisarts.id,)
    # 14 years old: the young person and both parents with custody (checked in the register),
    # each a signer of their own (WGBO 7:450).
    assert composition.age == 14
    assert statement.signers.rule is SignerRule.FROM_12_TO_15
    assert [(s.role, s.name) for s in statement.signers.signers] == [
        (SignerRole.YOUNG_PERSON, CHILD),
        (SignerRole.PARENT_WITH_CUSTODY, PARENTS[0]),
        (SignerRole.PARENT_WITH_CUSTODY, PARENTS[1]),
    ]
    assert statement.signers.custody_checked
    # What the intake's answers filled in, for the composer to show.
    assert composition.choices.custody_holders == tuple(CustodyHolder(p) for p in PARENTS)
    assert composition.choices.custody_checked is True
    assert statement.controller.municipality == "Gemeente Voorbeeldstad"
    assert statement.controller.worker_name == "Test Medewerker"
    assert statement.controller.dpo_email == SETTINGS["fg_email"]
    assert statement.resident.bsn is None  # setting bsn_op_verklaring is off
    # The day it was made; the date and place of signing are written by hand.
    assert statement.composed_on == today(session)
    assert statement.valid_until == dt.date(2027, 11, 22)  # default 12 months
    assert "place" not in statement.canonical_content()

    # Chosen by hand: the school as well.
    both = service.compose(intake_id, [huisarts.id, school.id])
    assert both.statement is not None
    assert len(both.statement.items) == 2


def test_bsn_and_validity_follow_the_settings(session: Session) -> None:
    intake_id, _huisarts, _school = setup_intake(session)
    # Decisions of the municipality (its policy; read-only for the worker).
    session.policy = ReadOnlySource({"bsn_op_verklaring": True,
                                     "toestemming_geldig_maanden": 6})
    composition = ConsentService(session).compose(intake_id)
    assert composition.ready, composition.problems
    assert composition.statement is not None
    assert composition.statement.resident.bsn is not None
    assert composition.statement.resident.bsn.digits == "999993847"
    assert composition.statement.valid_until == dt.date(2027, 5, 22)


def test_avg_13_fg_privacy_statement_and_retention_are_required(session: Session) -> None:
    intake_id, _huisarts, _school = setup_intake(session)
    store = SettingsService(session)
    for key in ("fg_email", "privacyverklaring", "bewaartermijn_dossier",
                "bewaartermijn_verklaring"):
        store.set(key, "")
    composition = ConsentService(session).compose(intake_id)
    assert not composition.ready
    whats = {p.values["what"].key for p in composition.problems
             if p.key == "consent.problem.setting_missing"}
    assert whats == {"consent.what.fg", "consent.what.privacyverklaring",
                     "consent.what.bewaartermijn", "consent.what.bewaartermijn_verklaring"}
    store.set("fg_telefoon", "0000 123 456")  # a phone number is enough for the FG
    composition = ConsentService(session).compose(intake_id)
    whats = {p.values["what"].key for p in composition.problems
             if p.key == "consent.problem.setting_missing"}
    assert "consent.what.fg" not in whats


def test_missing_custody_is_asked(session: Session) -> None:
    intake_id, _huisarts, _school = setup_intake(session, household=False)
    service = ConsentService(session)
    composition = service.compose(intake_id)
    assert not composition.ready
    assert "gezag" in composition.missing
    assert Message("signer.custody_missing") in composition.problems
    assert any("gezag" in str(p) for p in composition.problems)
    with pytest.raises(StatementNotReady):
        service.create(intake_id, composition)
    holders = tuple(CustodyHolder(p) for p in PARENTS)
    # Custody given but not checked: still not ready, and the UI is told what to ask.
    unchecked = service.compose(intake_id, choices=SignerChoices(custody_holders=holders,
                                                                  custody_checked=False))
    assert "gezag_gecontroleerd" in unchecked.missing
    assert any("Controleer wie het gezag heeft" in str(p) for p in unchecked.problems)
    assert Message("consent.problem.custody_not_checked") in unchecked.problems
    fixed = service.compose(intake_id, choices=SignerChoices(custody_holders=holders,
                                                              custody_checked=True))
    assert fixed.ready, fixed.problems


def test_both_parents_with_custody_means_two_signers(session: Session) -> None:
    """'Beide ouders' in the form, but one name: each parent with custody signs (divorced
    parents usually both keep custody; never trust one parent's word)."""
    intake_id, _huisarts, _school = setup_intake(session)
    IntakeService(session).save_answers(intake_id, {
        "huishouden_leden": [{"naam": PARENTS[0], "relatie": "ouder", "gezag": True}],
        "gezag_namen": PARENTS[0]})
    service = ConsentService(session)
    composition = service.compose(intake_id)
    assert Message("consent.compose.both_parents") in composition.problems
    assert "gezag" in composition.missing and not composition.ready
    # The other parent does not live in the household: typed at 'wie heeft het gezag'.
    IntakeService(session).save_answers(intake_id, {
        "gezag_namen": f"{PARENTS[0]} en {PARENTS[1]}"})
    composition = service.compose(intake_id)
    assert composition.ready, composition.problems
    assert [h.name for h in composition.choices.custody_holders or ()] == list(PARENTS)


def test_prefill_guardian_and_certified_institution_from_the_form(session: Session) -> None:
    intake_id, _huisarts, _school = setup_intake(session, birth=dt.date(2016, 1, 10))
    intakes = IntakeService(session)
    intakes.save_answers(intake_id, {
        "huishouden_leden": [], "gezag_wie": "gecertificeerde_instelling",
        "gezag_namen": "Jeugdbescherming & Jeugdreclassering Fictief en Partners"})
    service = ConsentService(session)
    heard = SignerChoices(child_view="Fictief: het kind vindt het goed")
    composition = service.compose(intake_id, choices=heard)
    assert composition.ready, composition.problems
    assert composition.statement is not None
    # One institution: its name is not split at "&" or "en".
    assert [(s.role, s.name) for s in composition.statement.signers.signers] == [
        (SignerRole.CERTIFIED_INSTITUTION,
         "Jeugdbescherming & Jeugdreclassering Fictief en Partners")]
    intakes.save_answers(intake_id, {"gezag_wie": "voogd", "gezag_namen": "Voogd Fictief"})
    composition = service.compose(intake_id)
    assert composition.statement is not None
    assert [(s.role, s.name) for s in composition.statement.signers.signers] == [
        (SignerRole.GUARDIAN, "Voogd Fictief")]
    # What the worker chooses goes before the answers.
    own = service.compose(intake_id, choices=SignerChoices(
        custody_holders=(CustodyHolder("Ander Fictief", SignerRole.GUARDIAN),)))
    assert own.statement is not None
    assert [s.name for s in own.statement.signers.signers] == ["Ander Fictief"]


def test_defaults_are_used_and_reported_when_settings_are_missing(session: Session) -> None:
    intake_id, _h, _s = setup_intake(session, settings=False)
    service = ConsentService(session)
    notices = " ".join(str(n) for n in service.setting_notices())
    assert "naam van de gemeente" in notices and "logo" in notices
    assert service.setting_notices()[0] == Message(
        "consent.notice.default_used", what=Message("consent.what.gemeente"), value="Gemeente")
    assert render(service.setting_notices()[0], "en") == (
        "The settings do not have the name of the municipality yet. The statement now shows "
        "'Gemeente'.")
    composition = service.compose(intake_id)
    assert composition.statement is not None
    assert composition.statement.controller.municipality == "Gemeente"
    # No contact details cannot be defaulted: the resident must know how to withdraw.
    assert Message("consent.problem.contact_missing") in composition.problems


def test_numbers_hashes_and_stored_pdf(session: Session) -> None:
    intake_id, huisarts, school = setup_intake(session)
    service = ConsentService(session)
    first = service.create(intake_id, service.compose(intake_id))
    second = service.create(intake_id, service.compose(intake_id, [school.id]))
    numbers = [s.document_number for s in service.statements(intake_id)]
    assert len(set(numbers)) == 2
    assert all(check_document_number(n) for n in numbers)
    assert [parse_document_number(n).seq for n in numbers] == [1, 2]

    for statement_id in (first, second):
        content_hash, pdf_sha256 = service.stored_hashes(statement_id)
        pdf = service.pdf(statement_id)
        assert hashlib.sha256(pdf).hexdigest() == pdf_sha256
        assert pdf.startswith(b"%PDF")
        # The QR payload printed on every page carries the number and the content hash.
        summary = service.summary(statement_id)
        assert len(content_hash) == 64
        assert summary.state is ConsentState.CONCEPT
    assert service.covered_requests(first) == [huisarts.id]
    text = pdf_text(service.pdf(first))
    assert numbers[0] in text
    for name in (CHILD, *PARENTS, NAMED["huisarts"], "Klachten en diagnose", "Medicijnen"):
        assert name in text
    # The template text is stored with the statement's template hash.
    kind = session.profile.store.scalar(
        "SELECT kind FROM form_definitions WHERE content_hash ="
        " (SELECT template_hash FROM consent_statements WHERE id = ?)", (first,))
    assert kind == "toestemmingstekst"


def test_lifecycle_signed_unlocks_and_withdrawal_relocks(session: Session) -> None:
    intake_id, huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    on = today(session)

    def status() -> Status:
        return status_of(huisarts, service.consents_for(huisarts.id))

    assert status() is Status.TOESTEMMING_NODIG
    with pytest.raises(ConsentProblem, match="geprinte"):
        service.record_signed(statement_id, all_yes(3, on))
    job = service.prepare_print(statement_id)
    assert job.statement_id == statement_id and not job.new_version
    service.mark_printed(statement_id)
    assert service.summary(statement_id).state is ConsentState.GEPRINT
    assert service.consents_for(huisarts.id) is RequestConsent.PENDING
    assert status() is Status.TOESTEMMING_NODIG
    # Two of the three signed: not complete, still locked.
    outcomes = service.record_signed(statement_id, all_yes(2, on))
    assert outcomes == {0: ItemOutcome.INCOMPLETE}
    assert service.consents_for(huisarts.id) is RequestConsent.INCOMPLETE
    assert status() is Status.TOESTEMMING_NODIG
    assert service.summary(statement_id).can_record_signatures
    outcomes = service.record_signed(statement_id, [signed(2, on, {0: Choice.JA})])
    assert outcomes == {0: ItemOutcome.GIVEN}
    assert service.summary(statement_id).state is ConsentState.GETEKEND
    assert not service.summary(statement_id).can_record_signatures
    assert status() is Status.TOESTEMMING_GEGEVEN
    with pytest.raises(ConsentProblem):
        service.prepare_print(statement_id)  # a signed paper is never reprinted as is
    service.record_withdrawn(statement_id, on, "Moeder belde het team")
    assert service.summary(statement_id).state is ConsentState.INGETROKKEN
    assert service.consents_for(huisarts.id) is RequestConsent.WITHDRAWN
    assert status() is Status.GEWEIGERD

    assert actions_for(session, statement_id) == [
        "verklaring.maken", "verklaring.printen", "verklaring.tekenen", "verklaring.tekenen",
        "verklaring.intrekken"]
    events = [e["event"] for e in service.summary(statement_id).events]
    assert events == ["gemaakt", "geprint", "getekend", "getekend", "ingetrokken"]
    assert service.summary(statement_id).events[2]["by"] == [CHILD, PARENTS[0]]
    assert service.summary(statement_id).events[3]["by"] == [PARENTS[1]]
    assert session.verify_audit_log().ok
    # Audit entries never carry the typed reason or names.
    assert not any("Moeder" in e.reason or CHILD in e.reason for e in session.audit_entries())


def test_record_signed_refuses_what_the_paper_cannot_say(session: Session, clock: Any) -> None:
    intake_id, _huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    service.mark_printed(statement_id)
    on = today(session)
    refusals = {
        "unknown_signer": [signed(3, on)],
        "no_date": [SignerRecord(0, True, None, {0: Choice.JA})],
        "choice_without_signature": [SignerRecord(0, False, None, {0: Choice.JA})],
        "not_a_decider": [signed(0, on, {5: Choice.JA})],
        "nobody": [SignerRecord(0, False, None)],
    }
    for key, records in refusals.items():
        with pytest.raises(ConsentProblem) as caught:
            service.record_signed(statement_id, records)
        assert caught.value.message == Message(f"consent.signed.{key}"), key
    with pytest.raises(ConsentProblem) as caught:
        service.record_signed(statement_id, [signed(0, on + dt.timedelta(days=1))])
    assert caught.value.message == Message("consent.date.future")
    with pytest.raises(ConsentProblem) as caught:
        service.record_signed(statement_id, [signed(0, on - dt.timedelta(days=1))])
    assert caught.value.message == Message("consent.date.before_created")
    assert service.summary(statement_id).state is ConsentState.GEPRINT  # nothing recorded
    assert "verklaring.tekenen" not in actions_for(session, statement_id)


def test_state_labels_and_role_words_read_in_both_languages() -> None:
    assert set(CONSENT_STATE_LABELS) == set(ConsentState)
    assert set(SIGNER_ROLE_WORDS) == set(SignerRole)
    for label in (*CONSENT_STATE_LABELS.values(), *SIGNER_ROLE_WORDS.values()):
        dutch, english = render(label, "nl"), render(label, "en")
        assert dutch and english and dutch != label.key and english != label.key
    assert render(CONSENT_STATE_LABELS[ConsentState.GEPRINT], "en") == (
        "Printed, waiting for signature")


def test_summary_history_and_problems_read_in_both_languages(session: Session) -> None:
    """What the panel shows of a statement: state, signers, why they sign, its history; and a
    refused step, as the worker reads it in English."""
    intake_id, _huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    composition = service.compose(intake_id)
    who = ConsentService.who_signs_text(composition)
    assert who is not None
    assert render(who, "en") == (
        f"The young person is 14 years old. From 12 to 16, the young person and each parent "
        f"with parental authority (or the guardian) decide. Each chooses yes or no and signs. "
        f"Signing: {CHILD} (young person), {PARENTS[0]} (parent with parental authority), "
        f"{PARENTS[1]} (parent with parental authority).")
    assert str(who).startswith("De jongere is 14 jaar.") and "Tekenen: " in str(who)
    statement_id = service.create(intake_id, composition)
    service.mark_printed(statement_id)
    on = today(session)
    with pytest.raises(ConsentProblem) as info:
        service.record_signed(statement_id, [signed(0, on + dt.timedelta(days=3))])
    assert info.value.render("en") == "The date is in the future. Check the date."
    service.record_signed(statement_id, [signed(0, on, {0: Choice.JA})])
    assert render(service.summary(statement_id).state_text, "en") == (
        "Signed, not complete yet")
    service.record_signed(statement_id, [signed(1, on, {0: Choice.JA}),
                                         signed(2, on, {0: Choice.NEE})])
    summary = service.summary(statement_id)
    assert render(summary.state_text, "en") == "Signed"
    assert [render(s, "en") for s in summary.signers] == [
        f"{CHILD} (young person)", *(f"{p} (parent with parental authority)" for p in PARENTS)]
    assert [str(s) for s in summary.signers][1] == f"{PARENTS[0]} (ouder met gezag)"
    assert summary.signer_roles == (SignerRole.YOUNG_PERSON, SignerRole.PARENT_WITH_CUSTODY,
                                    SignerRole.PARENT_WITH_CUSTODY)
    assert [i.deciders for i in summary.items] == [(0, 1, 2)]
    assert [i.outcome for i in summary.items] == [ItemOutcome.REFUSED]
    assert summary.withdrawable == ()  # nothing given, nothing to withdraw
    # The explanation shown is the one printed (stored in the statement's content).
    stored = json.loads(session.profile.store.scalar(
        "SELECT payload FROM consent_statements WHERE id = ?", (statement_id,)))
    assert str(summary.signer_explanation) == stored["content"]["signers"]["explanation"]
    english = [render(line, "en") for line in summary.history]
    dutch = [str(line) for line in summary.history]
    assert english[0].startswith(f"{summary.document_number}: The young person is 14 years old.")
    assert [line.split(" ", 2)[2] for line in english[1:-1]] == [
        "created", "printed",
        f"signed (date {on:%d-%m-%Y}) by {CHILD}",
        f"signed (date {on:%d-%m-%Y}) by {PARENTS[0]}, {PARENTS[1]} — {PARENTS[1]} says no "
        f"to: {NAMED['huisarts']} (general practitioner)"]
    # Per item, what the signatures mean; the kind of organisation in the reader's language.
    assert english[-1] == f"{NAMED['huisarts']} (general practitioner): refused"
    assert dutch[4].endswith(f"getekend (datum {on:%d-%m-%Y}) door {PARENTS[0]}, "
                             f"{PARENTS[1]} — {PARENTS[1]} zegt nee tegen: "
                             f"{NAMED['huisarts']}")


def test_refused_statement_keeps_the_request_locked(session: Session) -> None:
    intake_id, huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    service.mark_printed(statement_id)
    with pytest.raises(ConsentProblem, match="waarom"):
        service.record_refused(statement_id, today(session), "  ")
    service.record_refused(statement_id, today(session), "Wil eerst met de huisarts praten")
    summary = service.summary(statement_id)
    assert summary.state is ConsentState.GEWEIGERD
    assert summary.events[-1]["reason"] == "Wil eerst met de huisarts praten"
    assert [i.outcome for i in summary.items] == [ItemOutcome.REFUSED]
    assert service.consents_for(huisarts.id) is RequestConsent.REFUSED
    assert status_of(huisarts, service.consents_for(huisarts.id)) is Status.GEWEIGERD
    with pytest.raises(ConsentProblem):
        service.record_withdrawn(statement_id, today(session), "brief")
    with pytest.raises(ConsentProblem):
        service.record_signed(statement_id, all_yes(3, today(session)))
    assert actions_for(session, statement_id)[-1] == "verklaring.weigeren"


def test_reprint_after_change_makes_version_two_and_keeps_version_one(
        session: Session, clock: Any) -> None:
    intake_id, huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    v1 = service.create(intake_id, service.compose(intake_id))
    service.mark_printed(v1)
    v1_number = service.summary(v1).document_number
    v1_hashes = service.stored_hashes(v1)

    # Same content: the reprint keeps number and hashes, also on another day (the date of
    # signing is not printed; the statement keeps the day it was made).
    clock.advance(2 * 24 * 3600)
    same = service.prepare_print(v1)
    assert (same.statement_id, same.new_version) == (v1, False)
    assert hashlib.sha256(same.pdf).hexdigest() == v1_hashes[1]
    service.mark_printed(v1)
    assert [e["event"] for e in service.summary(v1).events][-1] == "opnieuw_geprint"

    # The team's phone number changes: what would be printed differs → version 2.
    SettingsService(session).set("team_telefoon", "0000 111 222")
    clock.advance(60)
    job = service.prepare_print(v1)
    assert job.new_version and job.statement_id != v1
    v2 = service.summary(job.statement_id)
    assert v2.version == 2 and v2.previous_id == v1
    assert v2.document_number != v1_number
    assert v2.state is ConsentState.CONCEPT
    assert "0000 111 222" in pdf_text(job.pdf)
    old = service.summary(v1)
    assert old.replaced and old.state is ConsentState.GEPRINT
    assert not old.can_record_signatures
    assert service.stored_hashes(v1) == v1_hashes  # version 1 kept as it was
    assert service.covered_requests(job.statement_id) == [huisarts.id]
    assert "verklaring.nieuwe_versie" in actions_for(session, job.statement_id)
    with pytest.raises(ConsentProblem, match="nieuwere versie"):
        service.prepare_print(v1)
    with pytest.raises(ConsentProblem):
        service.record_signed(v1, all_yes(3, today(session)))
    # The replaced version no longer counts; the request waits for version 2.
    assert service.consents_for(huisarts.id) is RequestConsent.PENDING


def test_deels_only_the_consented_items_go_on_the_statement(session: Session) -> None:
    """A *deels* oral answer: only what the resident agreed to is on the paper (and sent)."""
    intake_id, _huisarts, _school = setup_intake(session)
    at = session.now()
    request = weighed(make_request(HUISARTS, "Fictief doel: medicatie afstemmen",
                                   ["Medicatieoverzicht", "Verslag van het consult"]),
                      _plain_yes(OutcomeKind.WRITTEN_CONSENT_REQUIRED), at)
    request = request.with_informing(Informing(
        informed=True, answer=ResidentAnswer.DEELS, arguments="Fictief: verslag is privé",
        consented_items=("Medicatieoverzicht",)))
    store_request(session, intake_id, request)
    service = ConsentService(session)
    composition = service.compose(intake_id, [request.id])
    assert composition.ready, composition.problems
    assert composition.statement is not None
    assert composition.statement.items[0].data_items == ("Medicatieoverzicht",)
    statement_id = service.create(intake_id, composition)
    text = " ".join(pdftotext(service.pdf(statement_id)).split())
    assert "Medicatieoverzicht" in text and "Verslag van het consult" not in text


def test_gespreksverslag_content(session: Session) -> None:
    require_system_part(which("pdftotext"), "pdftotext (poppler-utils) is not installed")
    intake_id, _huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    service.mark_printed(statement_id)
    service.record_signed(statement_id, all_yes(3, today(session)))
    number = service.summary(statement_id).document_number

    report = gespreksverslag_for(session, intake_id)
    again = gespreksverslag_for(session, intake_id)
    assert report.document_number == again.document_number  # one GV number per intake
    titles = [s.title for s in report.sections]
    assert "Het gesprek" in titles and "Doelen" in titles
    assert "Leefgebied: Financiën" not in titles  # hidden sections are left out
    entries = {e.label: e.value for s in report.sections for e in s.entries}
    assert entries["Datum van het gesprek"] == "20-11-2026"
    assert entries["Geboortedatum"] == "03-05-2012"
    assert entries["Waar was het gesprek?"] == "Bij de inwoner thuis"
    assert entries["Wie waren er bij het gesprek?"] == "De inwoner zelf, Ouder of ouders"
    assert entries["BSN (niet verplicht)"] == "••••••847"
    assert entries["Gaat de hulpvraag (ook) over een kind of jongere onder de 18?"] == "Ja"
    household = entries["Wie wonen er in huis (naast de inwoner)?"].splitlines()
    assert household[0].startswith(f"{PARENTS[0]} — Relatie tot de inwoner: Ouder")
    # Form version 4 asks a birth date only for children in the household (collect less).
    assert "Geboortedatum" not in household[0]

    printed_name = f"{NAMED['huisarts']}"
    request = next(r for r in report.data_requests if r.organisation == printed_name)
    assert request.consent_status == "toestemming gegeven"
    assert request.consent_document_number == number
    assert request.weighing_steps and all(" → " in s for s in request.weighing_steps)

    pdf, sha = build_gespreksverslag_pdf_with_hash(report)
    assert hashlib.sha256(pdf).hexdigest() == sha
    for text in (pdftotext(pdf), pdf_text(pdf)):
        folded = " ".join(text.split())
        for expected in ("Het gesprek", "Bij de inwoner thuis", "20-11-2026", "••••••847",
                         "Binnen drie maanden weer vier dagen per week naar school.",
                         "Moeder belt de huisarts; wijkteam spreekt de mentor.",
                         NAMED["huisarts"], "Klachten en diagnose", number, CHILD):
            assert expected in folded, expected
        assert "999993847" not in folded
    # Every weighing step's question is printed (the first words survive any line wrap).
    folded = " ".join(pdftotext(pdf).split())
    for step in request.weighing_steps:
        assert " ".join(step.split()[:3]) in folded
    assert "verslag.maken" in actions_for(session, intake_id)


def test_gespreksverslag_shows_full_bsn_only_with_the_setting(session: Session) -> None:
    intake_id, _h, _s = setup_intake(session)
    session.policy = ReadOnlySource({"bsn_in_verslag": True})
    report = gespreksverslag_for(session, intake_id)
    entries = {e.label: e.value for s in report.sections for e in s.entries}
    assert entries["BSN (niet verplicht)"] == "999993847"


def test_gespreksverslag_unknown_intake(session: Session) -> None:
    with pytest.raises(KeyError):
        gespreksverslag_for(session, "intake-0000000000000000")


def test_with_the_data_request_service_signed_unlocks_and_withdrawal_relocks(
        session: Session) -> None:
    """The same rule through the data-request service (issue 4) as the overview shows it."""
    from desktop_app.services.data_requests import DataRequestService

    intake_id, _h, _s = setup_intake(session)
    requests = DataRequestService(session)
    request_id = requests.create_request(
        intake_id, direction=Direction.REQUEST_FROM, organisation=HUISARTS,
        purpose="Fictief doel: medicatie afstemmen", items=["Medicatieoverzicht"],
        basis=Basis.VERDIEPING, organisation_named=NAMED["huisarts"])
    draft = requests.get(request_id).request
    graph = requests.protocol().for_direction(draft.direction)
    wanted = _plain_yes(OutcomeKind.WRITTEN_CONSENT_REQUIRED)
    path = next(p for p in enumerate_paths(graph, weighing_context(draft)) if wanted(p))
    requests.record_weighing(request_id, walk(graph, path, draft))
    requests.record_informing(request_id, Informing(informed=True, answer=ResidentAnswer.JA))
    assert requests.get(request_id).status is Status.TOESTEMMING_NODIG

    service = ConsentService(session)
    composition = service.compose(intake_id, [request_id])
    assert composition.ready, composition.problems
    statement_id = service.create(intake_id, composition)
    service.mark_printed(statement_id)
    service.record_signed(statement_id, all_yes(3, today(session)))
    row = requests.get(request_id)
    assert row.status is Status.TOESTEMMING_GEGEVEN and row.can_send
    assert row.consent is RequestConsent.GIVEN
    stored = session.profile.store.scalar("SELECT status FROM data_requests WHERE id = ?",
                                          (request_id,))
    assert stored == Status.TOESTEMMING_GEGEVEN.value

    service.record_withdrawn(statement_id, today(session), "Per brief")
    row = requests.get(request_id)
    assert row.status is Status.GEWEIGERD and not row.can_send
    assert row.consent is RequestConsent.WITHDRAWN
    # The weighing stored by that service shows up, step by step, in the gespreksverslag.
    report = gespreksverslag_for(session, intake_id)
    printed = next(r for r in report.data_requests if r.purpose.endswith("medicatie afstemmen"))
    assert len(printed.weighing_steps) == len(path.steps)
    assert printed.consent_status == "ingetrokken"


def test_composed_on_decides_the_age_and_the_validity(session: Session) -> None:
    """A statement made on an earlier day (`composed_on`): the signer rule is taken on that day
    and it is valid for the set months from then; signed later, after that date, it no longer
    unlocks anything."""
    intake_id, huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    made = dt.date(2025, 10, 1)  # 13 years old then
    composition = service.compose(intake_id, [huisarts.id], composed_on=made)
    assert composition.ready, composition.problems
    assert composition.statement is not None
    assert composition.age == 13 and composition.statement.signers.age == 13
    assert composition.statement.composed_on == made
    assert composition.statement.valid_until == dt.date(2026, 10, 1)
    statement_id = service.create(intake_id, composition)
    service.mark_printed(statement_id)
    assert service.record_signed(statement_id, all_yes(3, today(session))) == {
        0: ItemOutcome.EXPIRED}
    assert service.consents_for(huisarts.id) is RequestConsent.EXPIRED
    assert status_of(huisarts, service.consents_for(huisarts.id)) is Status.TOESTEMMING_NODIG

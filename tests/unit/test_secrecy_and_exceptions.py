"""Issue 15 in the domain: professional secrecy has a subject and a direction (ZU-A4C, ZW-4),
the exception paths finish without a signature (ZW-3, ZU-A4A, ZU-A4B), "share less" narrows
the request (ZW-2, ZU-A3), the purpose is typed once, and what the organisation answered is
recorded. Weighings are walked on the graph of the request's direction with the facts the
service gives (`weighing_context`), as the wizard does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.domain.consent import ItemKind
from desktop_app.domain.data_requests import (
    DataRequest,
    DataRequestProblem,
    OrganisationResponse,
    RequestConsent,
    ResidentAnswer,
    Status,
    can_mark_sent,
    needs_written_consent,
    new_data_request,
    plain_dutch_summary,
    status_of,
    suggested_informing,
    weighing_context,
)
from desktop_app.domain.organisations import Organisation, load_catalogue
from desktop_app.domain.protocols import (
    LegalGround,
    OutcomeKind,
    Prefill,
    ProtocolGraph,
    ProtocolPath,
    RecordKind,
    RecordRequirement,
    Weighing,
    enumerate_paths,
    load_protocol,
)
from desktop_app.domain.vocabulary import Basis, Direction, Registration

FORMS = Path(__file__).resolve().parents[2] / "forms"
PROTOCOLS = {name: load_protocol(FORMS / "protocols" / f"{name}.yaml")
             for name in ("zutphen", "zwolle")}
CATALOGUE = load_catalogue(FORMS / "organisaties.yaml")
HUISARTS = CATALOGUE.get("huisarts")
SCHOOL = CATALOGUE.get("school")
VEILIG_THUIS = CATALOGUE.get("veilig_thuis")
WONINGCORPORATIE = CATALOGUE.get("woningcorporatie")
assert HUISARTS and SCHOOL and VEILIG_THUIS and WONINGCORPORATIE
T0 = dt.datetime(2026, 12, 1, 10, 0)
NONE = RequestConsent.NONE
RECORDS = {
    "motivation": "Fictieve motivatie",
    "consulted": "Collega A (gedragswetenschapper), teamleider B",
    "findings": "Fictieve bevindingen",
    "client_arguments": "Fictief bezwaar",
    "reason_not_informing": "bescherming_betrokkene",
    "legal_ground": "vitaal_belang,meldrecht",
    "anonymised_consultation": "ja",
    "inform_after": "2026-12-15",
    "narrowed_items": "Diagnose",
}


def request(organisation: Organisation, direction: Direction,
            basis: Basis = Basis.VERDIEPING) -> DataRequest:
    return new_data_request(request_id="verzoek-1", direction=direction,
                            organisation=organisation, purpose="Fictief doel",
                            items=["Diagnose", "Medicatieoverzicht"], basis=basis)


def replay(graph: ProtocolGraph, path: ProtocolPath, context: dict[str, object],
           value: Callable[[RecordRequirement], str]) -> Weighing:
    """Answer `path` as the wizard does: context questions from the request's facts, the
    others with `value(requirement)` for each record."""
    state = Weighing.start(graph)
    for node_id, answer_id in path.steps:
        node = graph.node(node_id)
        if node.context is not None:
            state = state.answer_from_context(context)
            continue
        answer = node.answer(answer_id)
        assert answer is not None
        state = state.answer(node_id, answer_id, {r.kind.value: value(r) for r in answer.records})
    return state


def weigh(req: DataRequest, protocol: str, wanted: Callable[[ProtocolPath], bool],
          registration: Registration = Registration.NONE) -> DataRequest:
    """Walk the first path that `wanted` picks for this request's facts, as the wizard does,
    and record it."""
    graph: ProtocolGraph = PROTOCOLS[protocol].for_direction(req.direction)
    context = weighing_context(req, registration)
    for path in enumerate_paths(graph, context):
        if not wanted(path):
            continue
        state = replay(graph, path, context, lambda r: (
            req.purpose if r.prefill is Prefill.PURPOSE else RECORDS[r.kind.value]))
        return req.with_weighing(state, T0)
    raise AssertionError("no path")


def agreed(path: ProtocolPath) -> bool:
    return (path.outcome.kind in (OutcomeKind.PROCEED_WITH_CONSENT,
                                  OutcomeKind.WRITTEN_CONSENT_REQUIRED)
            and OutcomeKind.SHARE_MINIMUM not in path.effect_kinds)


def with_path_answer(req: DataRequest) -> DataRequest:
    """The wizard stores the answer the path gives (asked once)."""
    assert req.current_weighing is not None
    informing = suggested_informing(req.current_weighing)
    assert informing is not None
    return req.with_informing(informing)


@pytest.mark.parametrize("protocol", ["zutphen", "zwolle"])
def test_zw4_request_from_a_gp_needs_the_signed_statement(protocol: str) -> None:
    req = with_path_answer(weigh(request(HUISARTS, Direction.REQUEST_FROM), protocol, agreed))
    assert req.current_weighing.outcome_kind is OutcomeKind.WRITTEN_CONSENT_REQUIRED  # type: ignore[union-attr]
    assert needs_written_consent(req)
    assert status_of(req, NONE) is Status.TOESTEMMING_NODIG
    assert not can_mark_sent(req, NONE)[0]
    assert can_mark_sent(req, RequestConsent.GIVEN)[0]


@pytest.mark.parametrize("protocol", ["zutphen", "zwolle"])
def test_zu_a4c_give_to_a_gp_needs_no_signature(protocol: str) -> None:
    """The receiver's secrecy is no reason for a signature: the resident's oral yes."""
    req = with_path_answer(weigh(request(HUISARTS, Direction.GIVE_TO), protocol, agreed))
    assert req.current_weighing.outcome_kind is OutcomeKind.PROCEED_WITH_CONSENT  # type: ignore[union-attr]
    assert OutcomeKind.OWN_CODE not in req.current_weighing.effect_kinds  # type: ignore[union-attr]
    assert not needs_written_consent(req)
    assert req.informing is not None and req.informing.answer is ResidentAnswer.JA
    assert status_of(req, NONE) is Status.TOESTEMMING_GEGEVEN and can_mark_sent(req, NONE)[0]
    # A "Nee" on a statement the worker made anyway still stops it (issue 14).
    assert not can_mark_sent(req, RequestConsent.REFUSED)[0]


@pytest.mark.parametrize("registration", [Registration.SKJ, Registration.BIG])
@pytest.mark.parametrize("protocol", ["zutphen", "zwolle"])
def test_zu_a4c_give_as_a_registered_worker_follows_the_own_code(
        protocol: str, registration: Registration) -> None:
    req = request(SCHOOL, Direction.GIVE_TO)
    assert weighing_context(req, registration)["sharer_secrecy"] == "medewerker"
    req = with_path_answer(weigh(req, protocol, agreed, registration))
    weighing = req.current_weighing
    assert weighing is not None and OutcomeKind.OWN_CODE in weighing.effect_kinds
    assert not needs_written_consent(req)
    assert can_mark_sent(req, NONE)[0]
    assert "Je eigen beroepscode geldt" in plain_dutch_summary(req)
    # Requesting is not about the worker's registration: the GP's secrecy decides.
    asked = request(HUISARTS, Direction.REQUEST_FROM)
    assert weighing_context(asked, registration)["sharer_secrecy"] == "organisatie"


EXCEPTION_PATHS = [
    ("zwolle", "zw3_bespreken", "ja", OutcomeKind.SHARE_DESPITE_OBJECTION),
    ("zutphen", "a4a_conflict", "ja", OutcomeKind.SHARE_DESPITE_OBJECTION),
    ("zutphen", "a4b_reden", "ja", OutcomeKind.SHARE_WITHOUT_INFORMING),
]


@pytest.mark.parametrize(("protocol", "node", "answer", "kind"), EXCEPTION_PATHS,
                         ids=["zw3-abuse", "zu-a4a-conflict", "zu-a4b-not-informing"])
@pytest.mark.parametrize("basis", list(Basis))
def test_exception_path_with_a_gp_ends_sendable_without_a_signature(
        protocol: str, node: str, answer: str, kind: OutcomeKind, basis: Basis) -> None:
    """DOMAIN.md: the resident refused or is not told, so no signature will come; the GP
    decides under its own code or a right to report. What was asked, on which ground, who was
    consulted: recorded."""
    req = request(HUISARTS, Direction.REQUEST_FROM, basis)
    req = with_path_answer(weigh(req, protocol, lambda p: p.passes(node, answer)))
    weighing = req.current_weighing
    assert weighing is not None and weighing.outcome_kind is kind
    assert OutcomeKind.WRITTEN_CONSENT_REQUIRED not in weighing.effect_kinds
    assert not needs_written_consent(req)
    allowed, reason = can_mark_sent(req, NONE)
    assert allowed, reason
    assert weighing.legal_grounds == (LegalGround.VITAL_INTEREST, LegalGround.RIGHT_TO_REPORT)
    assert weighing.records_of(RecordKind.CONSULTED) == (RECORDS["consulted"],)
    summary = plain_dutch_summary(req)
    assert "Grond: vitaal belang" in summary and "meldrecht" in summary
    if kind is OutcomeKind.SHARE_DESPITE_OBJECTION:
        assert req.informing is not None and req.informing.override is not None
        assert weighing.records_of(RecordKind.ANONYMISED) == ("ja",)
    else:
        assert req.informing is not None and not req.informing.informed
        assert req.inform_after == dt.date(2026, 12, 15)
    # What the GP then answered is part of the dossier.
    sent = req.mark_sent(NONE, T0)
    answered = sent.with_response(OrganisationResponse.DECLINED, "Huisarts deelt niets", T0)
    assert "Antwoord van de organisatie: niets gegeven." in plain_dutch_summary(answered)
    assert DataRequest.from_dict(answered.to_dict()) == answered


def test_veilig_thuis_report_despite_objection_records_the_right_to_report() -> None:
    req = request(VEILIG_THUIS, Direction.GIVE_TO)
    req = with_path_answer(weigh(req, "zutphen", lambda p: p.passes("a4a_conflict", "ja")))
    assert can_mark_sent(req, NONE)[0]
    assert LegalGround.RIGHT_TO_REPORT in req.current_weighing.legal_grounds  # type: ignore[union-attr]


def test_a_response_needs_a_sent_request() -> None:
    req = with_path_answer(weigh(request(SCHOOL, Direction.GIVE_TO), "zutphen", agreed))
    with pytest.raises(DataRequestProblem, match="nadat het verzoek verstuurd"):
        req.with_response(OrganisationResponse.SHARED, "", T0)


def shares_less(path: ProtocolPath) -> bool:
    return (OutcomeKind.SHARE_MINIMUM in path.effect_kinds
            and path.outcome.kind is OutcomeKind.PROCEED_WITH_CONSENT)


@pytest.mark.parametrize("protocol", ["zutphen", "zwolle"])
def test_share_less_narrows_the_request_to_what_remains(protocol: str) -> None:
    req = weigh(request(SCHOOL, Direction.GIVE_TO), protocol, shares_less)
    assert req.items == ("Diagnose",)  # what is sent, and what the statement shows
    assert req.current_weighing is not None and req.current_weighing.items == ("Diagnose",)
    assert req.current_weighing.narrowed == ("Diagnose",)
    assert with_path_answer(req).shared_items == ("Diagnose",)


def test_share_less_that_removes_nothing_is_refused() -> None:
    graph = PROTOCOLS["zutphen"].for_direction(Direction.GIVE_TO)
    req = request(SCHOOL, Direction.GIVE_TO)
    context = weighing_context(req)
    path = next(p for p in enumerate_paths(graph, context) if shares_less(p))
    for kept, refused in (("Diagnose\nMedicatieoverzicht", True),
                          ("Diagnose\nMedicatieoverzicht\nRapport", True),
                          ("Alleen de diagnose van 2026\nMedicatieoverzicht", False)):
        state = replay(graph, path, context, lambda r, kept=kept: (
            kept if r.kind is RecordKind.NARROWED_ITEMS
            else req.purpose if r.prefill is Prefill.PURPOSE else RECORDS[r.kind.value]))
        if refused:
            with pytest.raises(DataRequestProblem, match="niets weggehaald"):
                req.with_weighing(state, T0)
        else:
            narrowed = req.with_weighing(state, T0)
            assert narrowed.items == ("Alleen de diagnose van 2026", "Medicatieoverzicht")


def test_an_old_share_less_weighing_that_did_not_narrow_blocks_sending() -> None:
    """Weighed before issue 15: 'kan met minder' changed nothing then; weigh again."""
    req = with_path_answer(weigh(request(SCHOOL, Direction.GIVE_TO), "zutphen", shares_less))
    data = req.to_dict()
    for step in data["weighings"][0]["weighing"]["steps"]:
        step["records"].pop("narrowed_items", None)
    data["items"] = data["weighings"][0]["items"] = ["Diagnose", "Medicatieoverzicht"]
    old = DataRequest.from_dict(data)
    assert status_of(old, NONE) is Status.CONCEPT
    allowed, reason = can_mark_sent(old, NONE)
    assert not allowed and "opnieuw" in str(reason)


def test_the_purpose_is_typed_once_and_a_sharpened_purpose_becomes_the_requests() -> None:
    graph = PROTOCOLS["zutphen"].for_direction(Direction.GIVE_TO)
    req = request(SCHOOL, Direction.GIVE_TO)
    context = weighing_context(req)
    path = next(p for p in enumerate_paths(graph, context) if agreed(p))
    asked: list[str] = []

    def sharpened(r: RecordRequirement) -> str:
        if r.prefill is Prefill.PURPOSE:
            asked.append(r.kind.value)
            return "Fictief doel, scherper: alleen voor de klas"
        return RECORDS[r.kind.value]

    state = replay(graph, path, context, sharpened)
    assert asked == ["motivation"]  # one purpose field on the path (ZU-A2 doel)
    weighed = req.with_weighing(state, T0)
    assert weighed.purpose == "Fictief doel, scherper: alleen voor de klas"
    assert weighed.valid_weighing is not None  # made for the request as it now is


def test_toetsing_from_the_housing_corporation_is_informing_not_consent() -> None:
    req = request(WONINGCORPORATIE, Direction.REQUEST_FROM, Basis.TOETSING)
    for protocol in PROTOCOLS:
        weighed = weigh(req, protocol, lambda p: p.outcome.kind is OutcomeKind.PROCEED_INFORMED
                        and OutcomeKind.SHARE_MINIMUM not in p.effect_kinds)
        answered = with_path_answer(weighed)
        assert answered.informing.answer is ResidentAnswer.GEINFORMEERD  # type: ignore[union-attr]
        assert answered.kind is ItemKind.INFORMATION and can_mark_sent(answered, NONE)[0]


def test_prefill_comes_from_the_request_and_the_ground_is_in_dutch() -> None:
    from desktop_app.domain.data_requests import narrowing_problem, prefill_value

    asked = request(HUISARTS, Direction.REQUEST_FROM)
    assert prefill_value(Prefill.PURPOSE, asked) == "Fictief doel"
    assert prefill_value(Prefill.ITEMS, asked) == "Diagnose\nMedicatieoverzicht"
    assert prefill_value(Prefill.ITEMS, asked, ["Diagnose"]) == "Diagnose"
    assert prefill_value(Prefill.PURPOSE_AND_ITEMS, asked) == (
        "Fictief doel\nDiagnose\nMedicatieoverzicht")
    # The dossier is Dutch, whatever the screen's language.
    assert prefill_value(Prefill.GROUND, asked) == "Toestemming van de inwoner."
    toetsing = request(WONINGCORPORATIE, Direction.REQUEST_FROM, Basis.TOETSING)
    assert (prefill_value(Prefill.GROUND, toetsing) or "").startswith("Wettelijke taak")
    assert prefill_value(None, asked) is None
    assert narrowing_problem(["A", "B"], ["a ", "B"]) is not None  # nothing taken away
    assert narrowing_problem(["A", "B"], ["A"]) is None
    assert narrowing_problem(["A"], ["Alleen A uit 2026"]) is None  # made narrower
    assert narrowing_problem(["A"], ["  "]) is not None  # nothing left: then do not share

"""Data requests: status rules, the consent lock (ZW-4, ZU-A4C), versioned weighings and the
override of a resident's "nee" (ZW-3, ZU-A4A). Weighings come from generated protocol paths.
What the worker reads (reasons, summaries, labels, refusals) are messages in both languages."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.domain.consent import ItemKind, ItemOutcome, load_consent_template
from desktop_app.domain.data_requests import (
    ConsentState,
    CoveringStatement,
    DataRequest,
    DataRequestProblem,
    Informing,
    Override,
    RequestConsent,
    ResidentAnswer,
    Status,
    can_mark_sent,
    needs_written_consent,
    new_data_request,
    override_from_weighing,
    plain_dutch_summary,
    request_consent,
    status_of,
    suggested_informing,
    summary_message,
    weighing_context,
)
from desktop_app.domain.organisations import (
    BigProfession,
    Organisation,
    custom_organisation,
    load_catalogue,
)
from desktop_app.domain.protocols import (
    JustifiedReason,
    OutcomeKind,
    Prefill,
    ProtocolGraph,
    ProtocolPath,
    Weighing,
    enumerate_paths,
    load_protocol,
    parse_protocol,
)
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.messages import Joined, Message, MessageError, render
from desktop_app.messages.catalogue import TEXTS

FORMS = Path(__file__).resolve().parents[2] / "forms"
ZUTPHEN = load_protocol(FORMS / "protocols" / "zutphen.yaml")
ZWOLLE = load_protocol(FORMS / "protocols" / "zwolle.yaml")
CATALOGUE = load_catalogue(FORMS / "organisaties.yaml")
HUISARTS = CATALOGUE.get("huisarts")
SCHOOL = CATALOGUE.get("school")
PEDAGOOG = CATALOGUE.get("pedagoog")
assert HUISARTS and SCHOOL and PEDAGOOG
T0 = dt.datetime(2026, 3, 2, 10, 0)
NONE = RequestConsent.NONE
MARKER = "Fictief-geheim-9Z"
SAMPLE = {
    "motivation": "Fictieve motivatie",
    "consulted": "Collega A (gedragswetenschapper), teamleider B",
    "findings": "Fictieve bevindingen",
    "client_arguments": "Fictief bezwaar",
    "reason_not_informing": "bescherming_betrokkene",
    "legal_ground": "conflict_van_plichten",
    "anonymised_consultation": "ja",
    "inform_after": "2026-03-20",
    "narrowed_items": "Medicatieoverzicht",
}


def request_to(organisation: Organisation, basis: Basis = Basis.VERDIEPING) -> DataRequest:
    return new_data_request(
        request_id="verzoek-1",
        direction=Direction.REQUEST_FROM,
        organisation=organisation,
        purpose="Fictief doel: beter beeld van de ondersteuning",
        items=["Verslag van het laatste consult", "Medicatieoverzicht"],
        basis=basis,
    )


def walk(graph: ProtocolGraph, path: ProtocolPath,
         request: DataRequest | None = None) -> Weighing:
    """Walk `path`; a record the wizard prefills from the request gets the request's value
    (the purpose typed once), the others a sample."""
    state = Weighing.start(graph)
    for node_id, answer_id in path.steps:
        node = graph.node(node_id)
        answer = node.answer(answer_id)
        assert answer is not None
        records = {r.kind.value: (request.purpose if request is not None
                                  and r.prefill is Prefill.PURPOSE else SAMPLE[r.kind.value])
                   for r in answer.records}
        state = state.answer(node_id, answer_id, records)
    assert state.is_complete
    return state


def weigh(
    request: DataRequest,
    graph: ProtocolGraph,
    wanted: Callable[[ProtocolPath], bool],
) -> Weighing:
    """The first generated path, for this request's facts, that satisfies `wanted`."""
    for path in enumerate_paths(graph, weighing_context(request)):
        if wanted(path):
            return walk(graph, path, request)
    raise AssertionError("no generated path matches")


def verdict(kind: OutcomeKind) -> Callable[[ProtocolPath], bool]:
    return lambda p: p.outcome.kind is kind and OutcomeKind.SHARE_MINIMUM not in p.effect_kinds


def keys_of(message: Message) -> set[str]:
    """The keys of a message and of every message inside its values."""
    found = {message.key}
    pending = list(message.values.values())
    while pending:
        value = pending.pop()
        if isinstance(value, Message):
            found.add(value.key)
            pending.extend(value.values.values())
        elif isinstance(value, Joined):
            pending.extend(value.parts)
    return found


# --------------------------------------------------------------------------------------------
# Creating a request


@pytest.mark.parametrize(
    ("purpose", "items", "message"),
    [
        ("", ["Rapport"], "welk doel"),
        ("Doel", [], "precies welke gegevens"),
        ("Doel", ["  ", ""], "precies welke gegevens"),
        ("Doel", ["Rapport", "rapport "], "twee keer"),
        ("Doel", ["x" * 201], "te lang"),
        ("Doel", [f"gegeven {i}" for i in range(41)], "te veel"),
        ("d" * 1001, ["Rapport"], "te lang"),
    ],
)
def test_new_request_is_validated(purpose: str, items: list[str], message: str) -> None:
    with pytest.raises(DataRequestProblem, match=message):
        new_data_request(
            request_id="r",
            direction=Direction.GIVE_TO,
            organisation=SCHOOL,
            purpose=purpose,
            items=items,
            basis=Basis.TOETSING,
        )


def test_new_request_is_a_concept_that_cannot_be_sent() -> None:
    request = request_to(SCHOOL)
    assert request.items == ("Verslag van het laatste consult", "Medicatieoverzicht")
    assert status_of(request, NONE) is Status.CONCEPT
    allowed, reason = can_mark_sent(request, NONE)
    assert not allowed and reason == Message("data_request.reason.not_weighed")
    assert summary_message(request) == reason
    assert plain_dutch_summary(request) == str(reason) == "Maak eerst de afweging voor dit verzoek."
    with pytest.raises(DataRequestProblem, match="eerst af"):
        request.with_weighing(Weighing.start(ZUTPHEN).answer("a1_bij_mij", "ja"), T0)
    assert weighing_context(request) == {"professional_secrecy": False, "basis": "verdieping",
                                         "sharer_secrecy": "geen", "direction": "opvragen"}
    assert weighing_context(request_to(HUISARTS))["sharer_secrecy"] == "organisatie"


# --------------------------------------------------------------------------------------------
# Outcomes that stop the request


def test_refer_and_do_not_share() -> None:
    request = request_to(SCHOOL)
    referred = request.with_weighing(weigh(request, ZUTPHEN, verdict(OutcomeKind.REFER)), T0)
    assert status_of(referred, NONE) is Status.DOORVERWEZEN
    assert not can_mark_sent(referred, RequestConsent.GIVEN)[0]
    assert plain_dutch_summary(referred).startswith("Niet opvragen. Laat het over")

    stopped = request.with_weighing(
        weigh(request, ZWOLLE, lambda p: p.passes("zw2_noodzaak", "nee")), T0
    )
    assert status_of(stopped, NONE) is Status.NIET_DELEN
    assert not can_mark_sent(stopped, RequestConsent.GIVEN)[0]
    assert (
        plain_dutch_summary(stopped) == "Niet opvragen. De gegevens zijn niet nodig voor het doel."
    )


# --------------------------------------------------------------------------------------------
# The consent lock


@pytest.mark.parametrize("graph", [ZUTPHEN, ZWOLLE], ids=["zutphen", "zwolle"])
@pytest.mark.parametrize("organisation", [HUISARTS, PEDAGOOG], ids=["big", "skj"])
def test_secrecy_needs_a_signed_statement_and_withdrawal_relocks(
    graph: ProtocolGraph, organisation: Organisation
) -> None:
    request = request_to(organisation)
    weighing = weigh(request, graph, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED))
    request = request.with_weighing(weighing, T0).with_informing(
        Informing(informed=True, answer=ResidentAnswer.JA)
    )
    assert needs_written_consent(request)
    assert request.kind is ItemKind.CONSENT
    waiting = {RequestConsent.NONE: "not_signed", RequestConsent.PENDING: "not_signed",
               RequestConsent.INCOMPLETE: "consent_incomplete",
               RequestConsent.EXPIRED: "consent_expired"}
    for consent, key in waiting.items():
        assert status_of(request, consent) is Status.TOESTEMMING_NODIG
        allowed, reason = can_mark_sent(request, consent)
        assert not allowed and reason.key == f"data_request.reason.{key}"
        with pytest.raises(DataRequestProblem):
            request.mark_sent(consent, T0)
    with pytest.raises(DataRequestProblem, match="getekende"):
        request.mark_sent(NONE, T0)
    signed = RequestConsent.GIVEN
    assert status_of(request, signed) is Status.TOESTEMMING_GEGEVEN
    assert can_mark_sent(request, signed) == (True, Message("data_request.reason.signed"))
    for stopped, key in ((RequestConsent.WITHDRAWN, "consent_withdrawn"),
                         (RequestConsent.REFUSED, "consent_refused")):
        assert status_of(request, stopped) is Status.GEWEIGERD
        allowed, reason = can_mark_sent(request, stopped)
        assert not allowed and reason == Message(f"data_request.reason.{key}")
    sent = request.mark_sent(signed, T0 + dt.timedelta(hours=1))
    assert status_of(sent, signed) is Status.VERSTUURD and sent.sent_at is not None
    assert not can_mark_sent(sent, signed)[0]
    assert plain_dutch_summary(sent, signed).endswith("Verstuurd op 02-03-2026.")


def covering(*entries: tuple[ConsentState, ItemOutcome | None]) -> RequestConsent:
    return request_consent(CoveringStatement(state, outcome) for state, outcome in entries)


def test_request_consent_the_newest_signed_statement_decides() -> None:
    """All statements covering one request together, oldest first (AVG art. 7 lid 3: a
    withdrawal or a "Nee" on the newest paper ends what an older one gave)."""
    signed, printed = ConsentState.GETEKEND, ConsentState.GEPRINT
    given, refused = (signed, ItemOutcome.GIVEN), (signed, ItemOutcome.REFUSED)
    assert covering() is RequestConsent.NONE
    assert covering((ConsentState.CONCEPT, None)) is RequestConsent.PENDING
    assert covering(given) is RequestConsent.GIVEN
    assert covering(given, refused) is RequestConsent.REFUSED
    assert covering(refused, given) is RequestConsent.GIVEN  # asked again, and now a yes
    assert covering(given, (signed, ItemOutcome.WITHDRAWN)) is RequestConsent.WITHDRAWN
    assert covering(given, (ConsentState.INGETROKKEN, ItemOutcome.WITHDRAWN)) is (
        RequestConsent.WITHDRAWN)
    assert covering(given, (ConsentState.GEWEIGERD, ItemOutcome.REFUSED)) is (
        RequestConsent.REFUSED)
    # An expired or incomplete newer paper lets an older valid one count.
    assert covering(given, (signed, ItemOutcome.INCOMPLETE)) is RequestConsent.GIVEN
    assert covering(given, (signed, ItemOutcome.EXPIRED)) is RequestConsent.GIVEN
    assert covering((signed, ItemOutcome.EXPIRED)) is RequestConsent.EXPIRED
    assert covering((signed, ItemOutcome.INCOMPLETE)) is RequestConsent.INCOMPLETE
    assert covering((signed, ItemOutcome.EXPIRED), (signed, ItemOutcome.INCOMPLETE)) is (
        RequestConsent.INCOMPLETE)
    # A paper waiting for signatures does not lock a consent that still holds...
    assert covering(given, (printed, None)) is RequestConsent.GIVEN
    # ...and after a refusal or withdrawal it means: asked again, waiting for the signatures.
    assert covering(refused, (printed, None)) is RequestConsent.PENDING
    assert covering((ConsentState.INGETROKKEN, None), (printed, None)) is (
        RequestConsent.PENDING)
    assert covering((printed, None), refused) is RequestConsent.REFUSED
    assert covering((signed, ItemOutcome.NOT_NEEDED)) is RequestConsent.NOT_NEEDED
    for consent in RequestConsent:
        assert render(consent.label, "nl") != render(consent.label, "en")


def test_a_new_statement_after_a_withdrawal_waits_for_the_signature_again() -> None:
    request = request_to(HUISARTS)
    request = request.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)), T0
    ).with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
    withdrawn = covering((ConsentState.INGETROKKEN, ItemOutcome.WITHDRAWN))
    assert status_of(request, withdrawn) is Status.GEWEIGERD
    again = covering((ConsentState.INGETROKKEN, ItemOutcome.WITHDRAWN),
                     (ConsentState.GEPRINT, None))
    assert status_of(request, again) is Status.TOESTEMMING_NODIG
    assert not can_mark_sent(request, again)[0]


def test_summary_of_the_huisarts_says_why_in_plain_dutch() -> None:
    request = request_to(HUISARTS)
    request = request.with_weighing(
        weigh(request, ZWOLLE, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)), T0
    )
    summary = plain_dutch_summary(request)
    assert summary.startswith(
        "Schriftelijke toestemming nodig: de huisarts heeft een medisch beroepsgeheim (BIG)."
    )
    assert "nog geen getekende toestemmingsverklaring" in summary
    custom = custom_organisation("Praktijk Fictief", "big", "arts")
    other = request_to(custom)
    other = other.with_weighing(
        weigh(other, ZWOLLE, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)), T0
    )
    assert plain_dutch_summary(other).startswith(
        "Schriftelijke toestemming nodig: Praktijk Fictief heeft een medisch beroepsgeheim"
    )


def test_summary_and_reason_of_the_huisarts_in_english() -> None:
    """The catalogue's English name of the organisation goes into the English sentence, also
    at the start of a sentence; the Dutch documents get the same message in Dutch."""
    request = request_to(HUISARTS)
    request = request.with_weighing(
        weigh(request, ZWOLLE, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)), T0
    ).with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
    summary = summary_message(request)
    assert render(summary, "en") == (
        "Written consent needed: the general practitioner has medical professional secrecy "
        "(BIG). The resident gives verbal consent. There is no signed consent statement yet."
    )
    assert plain_dutch_summary(request) == render(summary, "nl") == (
        "Schriftelijke toestemming nodig: de huisarts heeft een medisch beroepsgeheim (BIG). "
        "De inwoner geeft mondeling toestemming. Er is nog geen getekende "
        "toestemmingsverklaring."
    )
    reason = can_mark_sent(request, NONE)[1]
    assert render(reason, "en") == (
        "There is no signed consent statement yet. The general practitioner has medical "
        "professional secrecy (BIG)."
    )
    assert str(reason).endswith("De huisarts heeft een medisch beroepsgeheim (BIG).")
    pedagoog = request_to(PEDAGOOG)
    pedagoog = pedagoog.with_weighing(
        weigh(pedagoog, ZWOLLE, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)), T0)
    assert "(SKJ register)" in render(can_mark_sent(pedagoog, NONE)[1], "en")
    assert "(SKJ-register)" in plain_dutch_summary(pedagoog)


PROTOCOL_PATHS = [(ZUTPHEN, p) for p in enumerate_paths(ZUTPHEN)] + [
    (ZWOLLE, p) for p in enumerate_paths(ZWOLLE)
]
EXCEPTIONS = frozenset({OutcomeKind.SHARE_WITHOUT_INFORMING, OutcomeKind.SHARE_DESPITE_OBJECTION})


def fits(path: ProtocolPath, request: DataRequest) -> bool:
    """The path assumes the facts this request gives the weighing."""
    context = weighing_context(request)
    return all(context[key] == value for key, value in path.context.items())
INFORMINGS = [
    None,
    Informing(informed=True),
    Informing(informed=True, answer=ResidentAnswer.JA),
    Informing(informed=True, answer=ResidentAnswer.NEE, arguments="Fictief"),
    Informing(
        informed=True,
        answer=ResidentAnswer.NEE,
        arguments="Fictief",
        override=Override("Fictieve reden", "Collega A, teamleider B"),
    ),
    Informing(
        informed=True,
        answer=ResidentAnswer.DEELS,
        arguments="Fictief",
        consented_items=("Medicatieoverzicht",),
    ),
    Informing(informed=True, answer=ResidentAnswer.GEINFORMEERD),
]


@pytest.mark.parametrize("organisation", [HUISARTS, PEDAGOOG, SCHOOL], ids=["big", "skj", "geen"])
def test_generated_the_lock_holds_on_every_path_informing_and_consent_state(
    organisation: Organisation,
) -> None:
    """For every path of both protocols (matching the organisation), every oral answer and
    every combination of statement states: sending is only possible when the rules allow."""
    checked = 0
    for graph, path in PROTOCOL_PATHS:
        base = request_to(organisation, Basis(path.context.get("basis", "verdieping")))
        if not fits(path, base):
            continue
        weighed = base.with_weighing(walk(graph, path, base), T0)
        for informing, consents in itertools.product(INFORMINGS, RequestConsent):
            try:
                request = weighed if informing is None else weighed.with_informing(informing)
            except DataRequestProblem:
                # Toetsing informs and never asks (AVG art. 7 lid 4): no "ja" or "deels";
                # verdieping asks: "geinformeerd" is no answer there.
                assert informing is not None
                if (informing.answer is ResidentAnswer.DEELS
                        and OutcomeKind.SHARE_MINIMUM in path.effect_kinds):
                    continue  # narrowed to the one item "deels" names: that is all of them
                asks = informing.answer in (ResidentAnswer.JA, ResidentAnswer.DEELS)
                assert (base.basis is Basis.TOETSING) is asks or (
                    base.basis is Basis.VERDIEPING
                    and informing.answer is ResidentAnswer.GEINFORMEERD)
                continue
            status = status_of(request, consents)
            allowed, reason = can_mark_sent(request, consents)
            summary = summary_message(request, consents)
            # Every message the rules make is in the catalogue, in both languages.
            for message in (reason, summary):
                assert keys_of(message) <= TEXTS.keys(), keys_of(message) - TEXTS.keys()
                assert render(message, "nl").strip() and render(message, "en").strip()
            assert render(reason, "en") != render(reason, "nl")
            checked += 1
            if path.outcome.kind.ends_request:
                assert not allowed
                assert status in (Status.NIET_DELEN, Status.DOORVERWEZEN)
                continue
            if allowed and request.kind.needs_choice and (
                organisation.needs_written_consent
                or OutcomeKind.WRITTEN_CONSENT_REQUIRED in path.effect_kinds
            ) and not path.effect_kinds & EXCEPTIONS:
                # Requesting from secrecy needs the paper; the exception paths never wait for
                # a signature a resident who refused or is not told will not give (DOMAIN.md).
                assert consents is RequestConsent.GIVEN
            if allowed and informing is not None and informing.answer is ResidentAnswer.NEE:
                # Only a weighing that decided to share despite the objection, plus the
                # recorded override, can send against a "nee".
                assert OutcomeKind.SHARE_DESPITE_OBJECTION in path.effect_kinds
                assert informing.override is not None
            if allowed and OutcomeKind.SHARE_DESPITE_OBJECTION in path.effect_kinds:
                assert informing is not None and informing.override is not None
            if allowed and not path.effect_kinds & {
                OutcomeKind.SHARE_WITHOUT_INFORMING,
                OutcomeKind.SHARE_DESPITE_OBJECTION,
            }:
                # Otherwise the resident must have said yes (orally or by signing), or, for
                # the statutory task, have been informed (AVG art. 6 lid 1 onder e).
                assert (informing is not None and informing.answer in ("ja", "deels")) or (
                    consents is RequestConsent.GIVEN) or (
                    request.kind is ItemKind.INFORMATION and informing is not None
                    and informing.answer is ResidentAnswer.GEINFORMEERD)
            if allowed:
                assert status in (Status.TOESTEMMING_GEGEVEN, Status.GEWOGEN)
            if status in (Status.TOESTEMMING_NODIG, Status.GEWEIGERD, Status.CONCEPT):
                assert not allowed
    assert checked > 500


# --------------------------------------------------------------------------------------------
# Toetsing: the statutory task, informed not asked (AVG art. 6 lid 1 onder e, art. 7 lid 4)


def test_wgbo_7_457_toetsing_from_a_gp_needs_the_signed_release() -> None:
    request = request_to(HUISARTS, Basis.TOETSING)
    assert request.kind is ItemKind.RELEASE
    request = request.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)), T0)
    with pytest.raises(DataRequestProblem) as caught:
        request.with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
    assert caught.value.message == Message("data_request.informing.toetsing_informs")
    informed = request.with_informing(
        Informing(informed=True, answer=ResidentAnswer.GEINFORMEERD))
    assert needs_written_consent(informed)
    assert status_of(informed, NONE) is Status.TOESTEMMING_NODIG
    summary = plain_dutch_summary(informed)
    assert summary.startswith("Schriftelijke vrijgave van het beroepsgeheim nodig: de huisarts")
    assert "De inwoner is geïnformeerd" in summary
    # After a "Nee": the GP gives nothing, and the municipality decides on what it knows.
    assert status_of(informed, RequestConsent.REFUSED) is Status.GEWEIGERD
    allowed, reason = can_mark_sent(informed, RequestConsent.REFUSED)
    assert not allowed and reason == Message("data_request.reason.release_refused")
    assert "beslist op wat zij wel weet" in str(reason)
    allowed, reason = can_mark_sent(informed, RequestConsent.GIVEN)
    assert allowed and reason == Message("data_request.reason.released")
    assert plain_dutch_summary(informed, RequestConsent.GIVEN).endswith(
        "De vrijgave van het beroepsgeheim is getekend.")


@pytest.mark.parametrize("direction", list(Direction))
def test_toetsing_without_secrecy_needs_no_statement_only_informing(direction: Direction) -> None:
    request = new_data_request(request_id="r", direction=direction, organisation=SCHOOL,
                               purpose="Fictief doel", items=["Aanwezigheid"],
                               basis=Basis.TOETSING)
    assert request.kind is ItemKind.INFORMATION
    request = request.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.PROCEED_INFORMED)), T0)
    assert not needs_written_consent(request)
    allowed, reason = can_mark_sent(request, NONE)
    assert not allowed and reason == Message("data_request.reason.record_informed")
    informed = request.with_informing(
        Informing(informed=True, answer=ResidentAnswer.GEINFORMEERD))
    assert can_mark_sent(informed, NONE) == (True, Message("data_request.reason.informed"))
    assert status_of(informed, NONE) is Status.GEWOGEN
    # Verdieping asks; "geinformeerd" is no answer to a question.
    verdieping = request_to(SCHOOL)
    with pytest.raises(DataRequestProblem):
        verdieping.with_informing(Informing(informed=True, answer=ResidentAnswer.GEINFORMEERD))


def test_toetsing_given_to_a_gp_is_information_too() -> None:
    # Giving data for the statutory task is not the GP's secrecy: nothing to release.
    given = new_data_request(request_id="r", direction=Direction.GIVE_TO, organisation=HUISARTS,
                             purpose="Fictief doel", items=["Fictief"], basis=Basis.TOETSING)
    assert given.kind is ItemKind.INFORMATION and not needs_written_consent(given)
    assert request_to(HUISARTS).kind is ItemKind.CONSENT


def test_deels_only_the_consented_items_are_shared_and_the_real_name_is_kept() -> None:
    request = new_data_request(request_id="r", direction=Direction.REQUEST_FROM,
                               organisation=HUISARTS, purpose="Fictief doel",
                               items=["Medicatieoverzicht", "Verslag", "Diagnose"],
                               basis=Basis.VERDIEPING,
                               organisation_named="  Huisartsenpraktijk   De Linde ")
    assert request.organisation_named == "Huisartsenpraktijk De Linde"
    assert request.shared_items == request.items
    part = request.with_informing(Informing(True, ResidentAnswer.DEELS, "Fictief bezwaar",
                                            consented_items=("Verslag",)))
    assert part.shared_items == ("Verslag",)
    assert DataRequest.from_dict(json.loads(json.dumps(part.to_dict()))) == part
    with pytest.raises(DataRequestProblem):
        request.with_details(organisation_named="x" * 201)


# --------------------------------------------------------------------------------------------
# Oral consent (ZW-3, ZW-4)


def test_without_secrecy_the_oral_answer_decides() -> None:
    request = request_to(SCHOOL)
    request = request.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.PROCEED_WITH_CONSENT)), T0
    )
    assert status_of(request, NONE) is Status.GEWOGEN
    allowed, reason = can_mark_sent(request, NONE)
    assert not allowed and reason == Message("data_request.reason.record_oral_consent")
    yes = request.with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
    assert status_of(yes, NONE) is Status.TOESTEMMING_GEGEVEN and can_mark_sent(yes, NONE)[0]
    assert "De inwoner geeft mondeling toestemming." in plain_dutch_summary(yes)
    # Put on a statement anyway, and a "Nee" or a withdrawal there: the paper decides.
    for paper, key in ((RequestConsent.REFUSED, "consent_refused"),
                       (RequestConsent.WITHDRAWN, "consent_withdrawn")):
        assert status_of(yes, paper) is Status.GEWEIGERD
        assert can_mark_sent(yes, paper) == (False, Message(f"data_request.reason.{key}"))
    assert can_mark_sent(yes, RequestConsent.PENDING)[0]  # the oral yes stands meanwhile
    # Signed on paper, the paper holds: past its date, or while a decider has not signed yet,
    # the oral yes does not stand in for it (AVG art. 7 lid 1: provable as given).
    for paper, key in ((RequestConsent.EXPIRED, "consent_expired"),
                       (RequestConsent.INCOMPLETE, "consent_incomplete")):
        assert status_of(yes, paper) is Status.TOESTEMMING_NODIG
        assert can_mark_sent(yes, paper) == (False, Message(f"data_request.reason.{key}"))
    no = request.with_informing(
        Informing(informed=True, answer=ResidentAnswer.NEE, arguments="Fictief")
    )
    assert status_of(no, NONE) is Status.GEWEIGERD and not can_mark_sent(no, NONE)[0]
    part = request.with_informing(
        Informing(
            informed=True,
            answer=ResidentAnswer.DEELS,
            arguments="Fictief",
            consented_items=("Medicatieoverzicht",),
        )
    )
    assert status_of(part, NONE) is Status.TOESTEMMING_GEGEVEN
    assert "alleen toestemming voor: Medicatieoverzicht" in plain_dutch_summary(part)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"informed": False, "answer": ResidentAnswer.JA}, "Vertel de inwoner eerst"),
        ({"informed": True, "answer": ResidentAnswer.NEE}, "bezwaar"),
        ({"informed": True, "answer": ResidentAnswer.NEE, "arguments": "   "}, "bezwaar"),
        ({"informed": True, "answer": ResidentAnswer.JA, "arguments": "x"}, "alleen bij"),
        ({"informed": True, "answer": ResidentAnswer.DEELS, "arguments": "x"}, "wel mee instemt"),
        (
            {"informed": True, "answer": ResidentAnswer.JA, "consented_items": ("a",)},
            "alleen bij 'deels'",
        ),
        (
            {
                "informed": True,
                "answer": ResidentAnswer.JA,
                "override": Override("Reden", "Collega, leidinggevende"),
            },
            "toch te delen",
        ),
    ],
)
def test_informing_is_validated(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(DataRequestProblem, match=message):
        Informing(**kwargs)  # type: ignore[arg-type]


def test_partial_consent_must_name_a_real_proper_part() -> None:
    request = request_to(SCHOOL)
    with pytest.raises(DataRequestProblem, match="in het verzoek staan"):
        request.with_informing(
            Informing(True, ResidentAnswer.DEELS, "Fictief", consented_items=("Iets anders",))
        )
    with pytest.raises(DataRequestProblem, match="Kies dan 'ja'"):
        request.with_informing(
            Informing(True, ResidentAnswer.DEELS, "Fictief", consented_items=request.items)
        )


@pytest.mark.parametrize(
    ("justification", "consulted"), [("", "Collega, leidinggevende"), ("Reden", "  ")]
)
def test_override_requires_justification_and_consultation(
    justification: str, consulted: str
) -> None:
    with pytest.raises(DataRequestProblem, match="Vul in"):
        Override(justification, consulted)


@pytest.mark.parametrize(
    ("graph", "node"), [(ZWOLLE, "zw3_bespreken"), (ZUTPHEN, "a4a_conflict")], ids=["zw", "zu"]
)
def test_sharing_despite_nee_needs_the_weighing_and_the_recorded_override(
    graph: ProtocolGraph, node: str
) -> None:
    request = request_to(SCHOOL)
    despite = weigh(request, graph, lambda p: p.passes(node, "ja"))
    assert despite.outcome.kind is OutcomeKind.SHARE_DESPITE_OBJECTION  # type: ignore[union-attr]
    weighed = request.with_weighing(despite, T0)
    refused = Informing(informed=True, answer=ResidentAnswer.NEE, arguments="Fictief")
    no_decision = weighed.with_informing(refused)
    assert status_of(no_decision, NONE) is Status.GEWOGEN
    allowed, reason = can_mark_sent(no_decision, NONE)
    assert not allowed and reason == Message("data_request.reason.no_then_record_decision")

    prefill = override_from_weighing(weighed.current_weighing)  # type: ignore[arg-type]
    assert prefill == Override(SAMPLE["motivation"], SAMPLE["consulted"])
    decided = weighed.with_informing(
        Informing(True, ResidentAnswer.NEE, "Fictief", override=prefill)
    )
    assert status_of(decided, NONE) is Status.GEWOGEN and can_mark_sent(decided, NONE)[0]
    summary = plain_dutch_summary(decided)
    assert "Delen ondanks bezwaar" in summary and "Vertel de inwoner" in summary

    # The same override does not count when the weighing said "proceed with consent".
    plain = request.with_weighing(
        weigh(request, graph, verdict(OutcomeKind.PROCEED_WITH_CONSENT)), T0
    )
    assert override_from_weighing(plain.current_weighing) is None  # type: ignore[arg-type]
    ignored = plain.with_informing(Informing(True, ResidentAnswer.NEE, "Fictief", override=prefill))
    assert status_of(ignored, NONE) is Status.GEWEIGERD
    allowed, reason = can_mark_sent(ignored, NONE)
    assert not allowed and reason == Message("data_request.reason.no_then_weigh_again")


def test_zu_a4b_share_without_informing_needs_no_consent_and_no_signature() -> None:
    """Issue 15: not informing first, then waiting for a signature, dead-ends. The GP decides
    under its own code; the program records the ground and reminds to inform afterwards."""
    def without(p: ProtocolPath) -> bool:
        return p.outcome.kind is OutcomeKind.SHARE_WITHOUT_INFORMING

    school = request_to(SCHOOL)
    school = school.with_weighing(weigh(school, ZUTPHEN, without), T0)
    assert status_of(school, NONE) is Status.GEWOGEN and can_mark_sent(school, NONE)[0]
    assert "in het belang van de bescherming van de betrokkene" in plain_dutch_summary(school)
    assert "(to protect the person concerned)" in render(summary_message(school), "en")
    doctor = request_to(HUISARTS)
    doctor = doctor.with_weighing(weigh(doctor, ZUTPHEN, without), T0)
    assert not needs_written_consent(doctor)
    assert status_of(doctor, NONE) is Status.GEWOGEN and can_mark_sent(doctor, NONE)[0]
    summary = plain_dutch_summary(doctor)
    assert "Grond: conflict van plichten." in summary
    assert "Informeer de inwoner achteraf, uiterlijk op 20-03-2026." in summary
    assert doctor.inform_after == dt.date(2026, 3, 20)
    assert not doctor.inform_after_due(dt.date(2026, 3, 19))
    assert doctor.inform_after_due(dt.date(2026, 3, 20))
    told = doctor.with_informed_afterwards(T0 + dt.timedelta(days=18))
    assert told.inform_after is None and not told.inform_after_due(dt.date(2026, 4, 1))
    assert "achteraf geïnformeerd op 20-03-2026" in plain_dutch_summary(told)
    with pytest.raises(DataRequestProblem):
        told.with_informed_afterwards(T0)


def test_written_consent_can_come_from_the_weighing_alone() -> None:
    graph = parse_protocol(
        """\
id: klein
version: 1
title: Klein
start: q
nodes:
  - id: q
    question: Vraag?
    answers:
      - {id: ja, label: Ja, next: schriftelijk}
outcomes:
  - {id: schriftelijk, kind: schriftelijke_toestemming, text: Schriftelijk.}
""",
        "klein.yaml",
    )
    request = request_to(SCHOOL)
    request = request.with_weighing(Weighing.start(graph).answer("q", "ja"), T0)
    assert needs_written_consent(request)
    assert status_of(request, NONE) is Status.TOESTEMMING_NODIG
    assert can_mark_sent(request, NONE)[1] == Message(
        "data_request.reason.not_signed",
        reason=Message("data_request.written_reason.weighing"))
    assert str(can_mark_sent(request, NONE)[1]).endswith(
        "De afweging zegt dat schriftelijke toestemming nodig is.")
    assert status_of(request, RequestConsent.GIVEN) is Status.TOESTEMMING_GEGEVEN


# --------------------------------------------------------------------------------------------
# Versions, changes, storage


def test_weighing_again_appends_a_version_and_keeps_the_old_one() -> None:
    request = request_to(SCHOOL)
    first = request.with_weighing(weigh(request, ZUTPHEN, verdict(OutcomeKind.DO_NOT_SHARE)), T0)
    old = first.weighings[0]
    old_json = json.dumps(old.to_dict(), sort_keys=True)
    second = first.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.PROCEED_WITH_CONSENT)),
        T0 + dt.timedelta(minutes=5),
    )
    assert [w.number for w in second.weighings] == [1, 2]
    assert second.weighings[0] is old and json.dumps(old.to_dict(), sort_keys=True) == old_json
    assert first.weighings == (old,)  # the earlier request value is untouched
    assert status_of(first, NONE) is Status.NIET_DELEN and status_of(second, NONE) is Status.GEWOGEN
    assert second.current_weighing.outcome_kind is OutcomeKind.PROCEED_WITH_CONSENT  # type: ignore[union-attr]
    restored = DataRequest.from_dict(json.loads(json.dumps(second.to_dict())))
    assert restored == second


def test_changing_the_request_after_weighing_means_weighing_again() -> None:
    request = request_to(SCHOOL)
    weighed = request.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.PROCEED_WITH_CONSENT)), T0
    )
    weighed = weighed.with_informing(Informing(True, ResidentAnswer.JA))
    assert can_mark_sent(weighed, NONE)[0]
    changed = weighed.with_details(items=["Medicatieoverzicht", "Ontslagbrief"])
    assert status_of(changed, NONE) is Status.CONCEPT
    allowed, reason = can_mark_sent(changed, NONE)
    assert not allowed and reason == Message("data_request.reason.changed_after_weighing")
    assert len(changed.weighings) == 1  # history stays
    moved = weighed.with_details(organisation=HUISARTS)
    assert status_of(moved, NONE) is Status.CONCEPT
    again = changed.with_weighing(
        weigh(changed, ZUTPHEN, verdict(OutcomeKind.PROCEED_WITH_CONSENT)), T0
    )
    assert status_of(again, NONE) is Status.TOESTEMMING_GEGEVEN and len(again.weighings) == 2


def test_a_sent_request_is_frozen() -> None:
    request = request_to(SCHOOL)
    request = request.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.PROCEED_WITH_CONSENT)), T0
    )
    sent = request.with_informing(Informing(True, ResidentAnswer.JA)).mark_sent(NONE, T0)
    for change in (
        lambda: sent.with_details(purpose="Ander doel"),
        lambda: sent.with_informing(Informing(True)),
        lambda: sent.with_weighing(walk(ZUTPHEN, next(enumerate_paths(ZUTPHEN))), T0),
        lambda: sent.mark_sent(NONE, T0),
    ):
        with pytest.raises(DataRequestProblem):
            change()


def test_personal_text_stays_out_of_reprs() -> None:
    request = new_data_request(
        request_id="r",
        direction=Direction.GIVE_TO,
        organisation=SCHOOL,
        purpose=f"Doel {MARKER}",
        items=[f"Gegeven {MARKER}"],
        basis=Basis.VERDIEPING,
    )
    request = request.with_weighing(
        weigh(request, ZUTPHEN, verdict(OutcomeKind.PROCEED_WITH_CONSENT)), T0
    )
    request = request.with_informing(
        Informing(True, ResidentAnswer.NEE, arguments=MARKER, override=None)
    )
    assert MARKER not in repr(request)
    assert MARKER not in repr(Override(MARKER, MARKER))


def test_generated_suggested_informing_agrees_with_every_path() -> None:
    """The prefill from the weighing never contradicts it: applying it to the request gives a
    status that follows from the path (for an organisation without secrecy)."""
    checked_toetsing = 0
    for (graph, path), basis in itertools.product(PROTOCOL_PATHS, Basis):
        request = request_to(SCHOOL, basis)
        if not fits(path, request):
            continue
        request = request.with_weighing(walk(graph, path, request), T0)
        suggestion = suggested_informing(request.current_weighing)  # type: ignore[arg-type]
        if path.outcome.kind.ends_request:
            assert suggestion is None
            continue
        assert suggestion is not None
        applied = request.with_informing(suggestion)
        allowed, reason = can_mark_sent(applied, NONE)
        assert allowed, (path.steps, reason)
        if path.outcome.kind is OutcomeKind.SHARE_DESPITE_OBJECTION:
            assert suggestion.answer is ResidentAnswer.NEE and suggestion.override is not None
            assert suggestion.arguments == SAMPLE["client_arguments"]
        elif path.outcome.kind is OutcomeKind.SHARE_WITHOUT_INFORMING:
            assert not suggestion.informed
        elif basis is Basis.TOETSING:
            # Toetsing: informed, not asked; the "ja" of the path is no consent (AVG 7 lid 4).
            assert suggestion.answer is ResidentAnswer.GEINFORMEERD
            assert applied.kind is ItemKind.INFORMATION
            assert reason == Message("data_request.reason.informed")
            checked_toetsing += 1
        else:
            assert suggestion.answer is ResidentAnswer.JA
    assert checked_toetsing > 0


# --------------------------------------------------------------------------------------------
# Words on the screen: labels and refusals in both languages


LABELLED = [
    *[(f"status {s.value}", s.label) for s in Status],
    *[(f"direction {d.value}", d.label) for d in Direction],
    *[(f"direction phrase {d.value}", d.phrase) for d in Direction],
    *[(f"basis {b.value}", b.label) for b in Basis],
    *[(f"basis phrase {b.value}", b.phrase) for b in Basis],
    *[(f"refusal {b.value}", b.refusal) for b in Basis],
    *[(f"secrecy {r.value}", r.label) for r in SecrecyRegime],
    *[(f"outcome {k.value}", k.message) for k in OutcomeKind],
    *[(f"reason {r.value}", r.message) for r in JustifiedReason],
]


@pytest.mark.parametrize(("what", "message"), LABELLED, ids=[w for w, _m in LABELLED])
def test_every_label_renders_in_both_languages(what: str, message: Message) -> None:
    assert message.key in TEXTS, what
    dutch, english = render(message, "nl"), render(message, "en")
    assert dutch.strip() and english.strip() and dutch != english, what


def test_big_professions_have_labels_in_both_languages() -> None:
    for profession in BigProfession:
        assert profession.label.key in TEXTS
        assert render(profession.label, "nl").strip() and render(profession.label, "en").strip()
    assert render(BigProfession.ARTS.label, "en") == "doctor"


def test_the_documents_get_the_same_words_in_dutch() -> None:
    """One owner of the words: the Dutch documents render the screen's messages in Dutch."""
    assert Direction.REQUEST_FROM.dutch == render(Direction.REQUEST_FROM.phrase, "nl") == (
        "opvragen bij")
    assert Direction.GIVE_TO.dutch == "verstrekken aan"
    assert OutcomeKind.REFER.dutch == "Verwijs door" and OutcomeKind.REFER.label("en") == "Refer"
    assert JustifiedReason.PROTECT_PERSON_CONCERNED.label("en") == (
        "to protect the person concerned")
    # What the paper says to the resident ("u") is in the template, per kind of item, and is
    # not a screen message. Toetsing: the municipality decides on what it knows (never "then
    # we cannot decide": AVG art. 6 lid 1 onder e, not consent).
    template = load_consent_template(FORMS / "toestemmingsverklaring.yaml")
    assert "U mag nee zeggen" in template.refusal_text(ItemKind.CONSENT)
    for kind in (ItemKind.RELEASE, ItemKind.INFORMATION):
        text = " ".join(template.refusal_text(kind).split())
        assert "beslist dan op wat zij wel weet" in text or "beslist de gemeente op wat" in text
        assert "niet beslissen" not in text
    assert "beslist de gemeente op wat zij wel weet" in str(Basis.TOETSING.refusal)


def test_a_refusal_is_a_message_error_in_both_languages() -> None:
    with pytest.raises(DataRequestProblem) as caught:
        new_data_request(request_id="r", direction=Direction.GIVE_TO, organisation=SCHOOL,
                         purpose="Doel", items=[f"gegeven {i}" for i in range(41)],
                         basis=Basis.TOETSING)
    err = caught.value
    assert isinstance(err, MessageError)
    assert err.message == Message("data_request.items.too_many", max=40)
    assert err.render("en") == (
        "More than 40 items in one request is too many. Ask only for what is needed.")
    with pytest.raises(DataRequestProblem) as caught:
        Override("", "Collega, leidinggevende")
    assert caught.value.render("en") == "Fill in: why you share anyway."
    assert str(caught.value) == "Vul in: waarom je toch deelt."

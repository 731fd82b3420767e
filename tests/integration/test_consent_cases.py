"""The cases of issue 14's "Done means", each on a real SQLCipher store through the services.

Every case: an intake (IntakeService) with its data requests (DataRequestService, weighed along
a generated protocol path), a statement composed and printed (ConsentService: compose, create,
prepare_print, mark_printed), the printed PDF read back with pdftotext (the signers' names and
their own Ja/Nee rows are on the paper), the signatures recorded per signer (`record_signed`),
and then: who signs (roles, names, competence), who decides on which item, the item outcomes,
and which requests can be sent (`DataRequestService.get(id).can_send` / `mark_sent`).

The law that decides a case is in its name: WGBO (Burgerlijk Wetboek boek 7) art. 7:447
(16 and older decide), 7:450 (12-15: the young person and each parent with custody), 7:457
(a professional's secrecy: released only by the resident), 7:465 (who decides for someone
who cannot: curator, mentor, else the lid 3 representative); BW 1:438 (bewindvoerder: money)
and 1:453 (mentor: care, not money); AVG art. 6 lid 1 onder e and art. 7 lid 4 (the statutory
task is no consent), art. 7 lid 1 and 3 (provable, withdrawable). All people are fictional.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.consent import (
    Choice,
    ItemKind,
    ItemOutcome,
    SignerRecord,
    StatementNotReady,
    load_consent_template,
)
from desktop_app.domain.data_requests import (
    DataRequestProblem,
    Informing,
    RequestConsent,
    ResidentAnswer,
    Status,
)
from desktop_app.domain.protocols import (
    OutcomeKind,
    Prefill,
    ProtocolPath,
    Weighing,
    enumerate_paths,
)
from desktop_app.domain.signers import Competence, Relation, SignerRole, SignerRule
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.messages import Message, render
from desktop_app.services.consent import (
    Composition,
    ConsentProblem,
    ConsentService,
    SignerChoices,
)
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService
from tests.conftest import require_system_part, which
from tests.integration.test_consent_service import SETTINGS, pdftotext

FORMS = Path(__file__).resolve().parents[2] / "forms"
TEMPLATE = load_consent_template(FORMS / "toestemmingsverklaring.yaml")
LABEL = {key: label.nl for key, label in TEMPLATE.labels.items()}
RECORDS = {
    "motivation": "Fictieve motivatie",
    "consulted": "Collega A (gedragswetenschapper), teamleider B",
    "findings": "Fictieve bevindingen",
    "client_arguments": "Fictief bezwaar",
    "reason_not_informing": "bescherming_betrokkene",
}
DAY = 24 * 3600


def fold(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# One case: an intake, its requests, its statements


@dataclass
class Case:
    session: Session
    intake_id: str
    requests: DataRequestService
    consent: ConsentService

    @property
    def today(self) -> dt.date:
        return self.session.now().astimezone().date()

    def request(self, organisation_id: str, named: str, *, basis: Basis = Basis.VERDIEPING,
                direction: Direction = Direction.REQUEST_FROM,
                items: Sequence[str] = ("Fictief verslag",),
                informing: Informing | None = None) -> str:
        """A weighed request with the resident informed (toetsing) or asked (verdieping)."""
        organisation = self.requests.catalogue().get(organisation_id)
        assert organisation is not None, organisation_id
        request_id = self.requests.create_request(
            self.intake_id, direction=direction, organisation=organisation,
            purpose=f"Fictief doel bij {named}", items=list(items), basis=basis,
            organisation_named=named)
        secrecy = (organisation.regime.needs_written_consent
                   and direction is Direction.REQUEST_FROM)
        wanted = (OutcomeKind.WRITTEN_CONSENT_REQUIRED if secrecy
                  else OutcomeKind.PROCEED_INFORMED if basis is Basis.TOETSING
                  else OutcomeKind.PROCEED_WITH_CONSENT)
        self.requests.record_weighing(request_id, self._walk(request_id, wanted))
        if informing is None:
            informing = Informing(informed=True, answer=(
                ResidentAnswer.GEINFORMEERD if basis is Basis.TOETSING else ResidentAnswer.JA))
        self.requests.record_informing(request_id, informing)
        return request_id

    def _walk(self, request_id: str, wanted: OutcomeKind) -> Weighing:
        request = self.requests.get(request_id).request
        graph = self.requests.protocol().for_direction(request.direction)
        context = self.requests.context_of(request)
        unwanted = {OutcomeKind.SHARE_DESPITE_OBJECTION, OutcomeKind.SHARE_WITHOUT_INFORMING,
                    OutcomeKind.SHARE_MINIMUM}

        def fits(path: ProtocolPath) -> bool:
            return path.outcome.kind is wanted and not (path.effect_kinds & unwanted)

        path = next(p for p in enumerate_paths(graph, context) if fits(p))
        state = Weighing.start(graph)
        for node_id, answer_id in path.steps:
            answer = graph.node(node_id).answer(answer_id)
            assert answer is not None
            state = state.answer(node_id, answer_id,
                                 {r.kind.value: (request.purpose if r.prefill is Prefill.PURPOSE
                                                 else RECORDS[r.kind.value])
                                  for r in answer.records})
        return state

    def compose(self, request_ids: Sequence[str], **choices: Any) -> Composition:
        if choices.get("capable") is False:
            # The paper says the resident's own view was discussed (WGBO 7:465 lid 5).
            choices.setdefault("own_view", "Fictief: de inwoner vindt het goed")
        return self.consent.compose(self.intake_id, list(request_ids),
                                    choices=SignerChoices(**choices))

    def printed(self, composition: Composition) -> tuple[str, Paper]:
        """Store, print (as the print dialog does) and read the paper back."""
        assert composition.ready, [str(p) for p in composition.problems]
        statement_id = self.consent.create(self.intake_id, composition)
        job = self.consent.prepare_print(statement_id)
        assert job.statement_id == statement_id and not job.new_version
        self.consent.mark_printed(statement_id)
        return statement_id, Paper(fold(pdftotext(job.pdf)))

    def sign(self, statement_id: str, *records: SignerRecord) -> dict[int, ItemOutcome]:
        return self.consent.record_signed(statement_id, list(records))

    def can_send(self, request_id: str) -> bool:
        return self.requests.get(request_id).can_send

    def sendable(self, *request_ids: str) -> list[bool]:
        return [self.can_send(r) for r in request_ids]


def yes(signer: int, on: dt.date, *items: int) -> SignerRecord:
    return SignerRecord(signer, True, on, dict.fromkeys(items or (0,), Choice.JA))


def choices(signer: int, on: dt.date, **by_item: Choice) -> SignerRecord:
    """choices(1, on, i0=Choice.JA, i1=Choice.NEE)"""
    return SignerRecord(signer, True, on, {int(k[1:]): v for k, v in by_item.items()})


@dataclass(frozen=True)
class Paper:
    """The printed statement as pdftotext reads it (whitespace folded)."""

    text: str

    def items(self) -> list[str]:
        """The text of each item box ("Onderdeel 1 van 2 …"), up to the next box; the last
        one up to the signatures (item texts may quote headings, so those cannot end a box)."""
        pattern = re.compile(rf"{LABEL['onderdeel']} \d+ van \d+")
        starts = [m.start() for m in pattern.finditer(self.text)]
        end_of_items = self.text.rfind(TEMPLATE.sections["ondertekening"].heading)
        return [self.text[start:starts[n + 1] if n + 1 < len(starts) else end_of_items]
                for n, start in enumerate(starts)]

    def choosers(self, item: int, names: Sequence[str]) -> list[str]:
        """Of `names`, who has a Ja/Nee row of their own in the item's box (in printed order)."""
        block = self.items()[item]
        rows = block.split(LABEL["keuze_van"])[1:]
        return [n for row in rows for n in names if row.lstrip().startswith(f"{n} ")]

    def yes_boxes(self, item: int) -> int:
        block = self.items()[item]
        return block.count(LABEL["ja"]) + block.count(LABEL["vrijgave_ja"])

    def signing(self) -> str:
        """Everything from the 'Ondertekening' heading on: the signature blocks."""
        start = self.text.rfind(TEMPLATE.sections["ondertekening"].heading)
        assert start >= 0
        return self.text[start:]


def signer_view(composition: Composition) -> list[tuple[SignerRole, str, Competence]]:
    assert composition.statement is not None
    return [(s.role, s.name, s.competence) for s in composition.statement.signers.signers]


def deciders_of(composition: Composition) -> list[tuple[int, ...]]:
    assert composition.statement is not None
    return [d["deciders"] for d in composition.statement.canonical_content()["items"]]


@pytest.fixture
def session(profile: Any) -> Session:
    require_system_part(which("pdftotext"), "pdftotext (poppler-utils) is not installed")
    session = Session(profile)
    assert SettingsService(session).save(SETTINGS) == []
    return session


def new_case(session: Session, name: str, birth: dt.date,
             answers: dict[str, Any] | None = None) -> Case:
    intakes = IntakeService(session)
    intake_id = intakes.start_intake(name, birth)
    intakes.save_answers(intake_id, {"bezoek_datum": "2026-11-20", **(answers or {})})
    return Case(session, intake_id, DataRequestService(session), ConsentService(session))


def minor_answers(*holders: str, who: str = "beide_ouders",
                  living_with: Sequence[str] = ()) -> dict[str, Any]:
    """Custody as the gespreksformulier records it: household members ticked 'heeft gezag',
    the names typed at 'wie heeft het gezag', checked in the register."""
    return {
        "kind_betrokken": True,
        "huishouden_leden": [{"naam": n, "relatie": "ouder", "gezag": True}
                             for n in living_with],
        "gezag_wie": who,
        "gezag_namen": " en ".join(holders),
        "gezag_gecontroleerd": "gezagsregister",
    }


def representation(kind: str, name: str) -> dict[str, Any]:
    return {"vertegenwoordiging": kind, "vertegenwoordiger_naam": name}


ADULT_BIRTH = dt.date(1980, 4, 1)
PRACTICE = "Huisartsenpraktijk De Linde (fictief)"
PSYCHOLOGIST = "Praktijk Zielsrust (fictief)"
YOUTH_CARE = "Jeugdhulp De Brug (fictief)"
DEBT_HELP = "Schuldhulp Oost (fictief)"


# ---------------------------------------------------------------------------------------------
# Adults who can judge this themselves


def test_wgbo_7_465_adult_who_can_judge_it_signs_alone(session: Session) -> None:
    case = new_case(session, "Inwoner Jansen", ADULT_BIRTH, {"vertegenwoordiging": "geen"})
    gp = case.request("huisarts", PRACTICE)
    assert case.consent.candidates(case.intake_id)[0].suggested
    # The capacity question is asked on every statement (WGBO 7:465 lid 2).
    unasked = case.compose([gp])
    assert not unasked.ready and "wilsbekwaam" in unasked.missing
    assert Message("signer.capacity_question") in unasked.problems

    composition = case.compose([gp], capable=True)
    assert composition.statement is not None
    assert composition.statement.signers.rule is SignerRule.ADULT
    assert signer_view(composition) == [(SignerRole.RESIDENT, "Inwoner Jansen", Competence.ALL)]
    assert deciders_of(composition) == [[0]]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, ["Inwoner Jansen"]) == ["Inwoner Jansen"]
    assert paper.yes_boxes(0) == 1
    assert "Inwoner Jansen" in paper.signing()
    assert not case.can_send(gp)  # printed is not signed

    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.requests.get(gp).consent is RequestConsent.GIVEN
    case.requests.mark_sent(gp)
    assert case.requests.get(gp).status is Status.VERSTUURD


# ---------------------------------------------------------------------------------------------
# Minors


def test_wgbo_7_450_each_parent_with_custody_decides_per_item(session: Session) -> None:
    """14 years old, divorced parents who both keep custody (only the mother lives with her),
    and the father says no to one item: that item is refused and stays locked; the other,
    with three yeses, can be sent."""
    child, mother, father = "Zoë Fictief", "Ayşe Moeder", "François Vader"
    case = new_case(session, child, dt.date(2012, 5, 3),
                    minor_answers(mother, father, living_with=[mother]))
    gp = case.request("huisarts", PRACTICE)
    youth = case.request("jeugdzorgaanbieder", YOUTH_CARE)
    suggested = case.consent.compose(case.intake_id)  # both need a signature
    assert set(suggested.item_requests) == {gp, youth}
    composition = case.compose([gp, youth])
    assert composition.statement is not None
    assert composition.statement.signers.rule is SignerRule.FROM_12_TO_15
    assert signer_view(composition) == [
        (SignerRole.YOUNG_PERSON, child, Competence.ALL),
        (SignerRole.PARENT_WITH_CUSTODY, mother, Competence.ALL),
        (SignerRole.PARENT_WITH_CUSTODY, father, Competence.ALL)]
    assert deciders_of(composition) == [[0, 1, 2], [0, 1, 2]]

    statement_id, paper = case.printed(composition)
    names = [child, mother, father]
    for item in (0, 1):
        # Each of the three has an own Ja/Nee row in each item box.
        assert paper.choosers(item, names) == names
        assert paper.yes_boxes(item) == 3
    signing = paper.signing()
    assert all(name in signing for name in names)

    on = case.today
    outcomes = case.sign(statement_id, yes(0, on, 0, 1), yes(1, on, 0, 1),
                         choices(2, on, i0=Choice.JA, i1=Choice.NEE))
    assert outcomes == {0: ItemOutcome.GIVEN, 1: ItemOutcome.REFUSED}
    assert case.sendable(gp, youth) == [True, False]
    refused = case.requests.get(youth)
    assert refused.status is Status.GEWEIGERD and refused.consent is RequestConsent.REFUSED
    assert refused.reason == Message("data_request.reason.consent_refused")
    case.requests.mark_sent(gp)
    with pytest.raises(DataRequestProblem):
        case.requests.mark_sent(youth)
    summary = case.consent.summary(statement_id)
    assert [i.outcome for i in summary.items] == [ItemOutcome.GIVEN, ItemOutcome.REFUSED]
    assert any(f"{father} zegt nee tegen: {YOUTH_CARE}" in str(line) for line in summary.history)


def test_wgbo_7_450_second_parent_who_signs_a_week_later(session: Session, clock: Any) -> None:
    child, mother, father = "Zoë Fictief", "Ayşe Moeder", "François Vader"
    case = new_case(session, child, dt.date(2012, 5, 3),
                    minor_answers(mother, father, living_with=[mother]))
    gp = case.request("huisarts", PRACTICE)
    statement_id, _paper = case.printed(case.compose([gp]))
    first_day = case.today
    outcomes = case.sign(statement_id, yes(0, first_day), yes(1, first_day),
                         SignerRecord(2, False))
    assert outcomes == {0: ItemOutcome.INCOMPLETE}
    row = case.requests.get(gp)
    assert not row.can_send and row.consent is RequestConsent.INCOMPLETE
    assert row.reason == Message("data_request.reason.consent_incomplete")
    summary = case.consent.summary(statement_id)
    assert summary.can_record_signatures
    assert str(summary.state_text) == "Getekend, nog niet compleet"

    clock.advance(7 * DAY)
    week_later = case.today
    assert week_later == first_day + dt.timedelta(days=7)
    assert case.sign(statement_id, yes(2, week_later)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(gp)
    summary = case.consent.summary(statement_id)
    assert {i: r.signed_on for i, r in summary.records.items()} == {
        0: first_day, 1: first_day, 2: week_later}
    assert not summary.can_record_signatures


def test_wgbo_7_450_lid_2_exception_the_young_person_decides_without_the_parents(
        session: Session) -> None:
    child, mother, father = "Zoë Fictief", "Ayşe Moeder", "François Vader"
    reason = "Fictief: de jongere blijft het na goed nadenken willen"
    case = new_case(session, child, dt.date(2012, 5, 3),
                    minor_answers(mother, father, living_with=[mother]))
    youth = case.request("jeugdzorgaanbieder", YOUTH_CARE)
    composition = case.compose([youth], exception_reason=reason)
    assert composition.statement is not None
    assert composition.statement.signers.rule is SignerRule.FROM_12_TO_15_WITHOUT_PARENTS
    assert composition.statement.signers.exception_reason == reason  # recorded, for the FG
    assert signer_view(composition) == [(SignerRole.YOUNG_PERSON, child, Competence.ALL)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, [child, mother, father]) == [child]
    assert "7:450 lid 2" in paper.text  # the paper says why the parents do not sign
    assert mother not in paper.text and father not in paper.text
    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(youth)


def test_wgbo_7_465_guardian_decides_for_a_10_year_old_and_the_child_is_heard(
        session: Session) -> None:
    child, guardian = "Noor Fictief", "Voogd Fictief"
    view = "Fictief: Noor vindt het goed als de dokter het vertelt"
    case = new_case(session, child, dt.date(2016, 6, 1),
                    minor_answers(guardian, who="voogd") | {"gezag_gecontroleerd": "document"})
    gp = case.request("huisarts", PRACTICE)
    composition = case.compose([gp], child_view=view)
    assert composition.age == 10
    assert composition.statement is not None
    assert composition.statement.signers.rule is SignerRule.UNDER_12
    assert signer_view(composition) == [(SignerRole.GUARDIAN, guardian, Competence.ALL)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, [child, guardian]) == [guardian]  # the child has no row
    assert view not in paper.text and "Noor vindt" not in paper.text  # recorded, not printed
    stored = json.loads(session.profile.store.scalar(
        "SELECT payload FROM consent_statements WHERE id = ?", (statement_id,)))
    assert stored["inputs"]["child_view"] == view
    assert view not in json.dumps(stored["content"], ensure_ascii=False)

    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(gp)


def test_wgbo_7_447_a_16_year_old_decides_alone(session: Session) -> None:
    young, mother, father = "Sem Fictief", "Moeder Fictief", "Vader Fictief"
    case = new_case(session, young, dt.date(2010, 1, 15),
                    minor_answers(mother, father, living_with=[mother, father]))
    gp = case.request("huisarts", PRACTICE)
    composition = case.compose([gp])
    assert composition.age == 16
    assert composition.statement is not None
    assert composition.statement.signers.rule is SignerRule.FROM_16_TO_17
    assert signer_view(composition) == [(SignerRole.YOUNG_PERSON, young, Competence.ALL)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, [young, mother, father]) == [young]
    assert mother not in paper.text and father not in paper.text  # not on the paper at all
    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(gp)
    # The parents are no signers: a record for them is refused.
    with pytest.raises(ConsentProblem):
        case.sign(statement_id, yes(1, case.today))


def test_wgbo_7_447_a_15_year_old_who_signs_on_the_16th_birthday_needs_a_new_statement(
        session: Session, clock: Any) -> None:
    young, mother, father = "Sem Fictief", "Moeder Fictief", "Vader Fictief"
    birth = dt.date(2010, 11, 25)  # 16 three days after composing (22 November 2026)
    case = new_case(session, young, birth,
                    minor_answers(mother, father, living_with=[mother, father]))
    gp = case.request("huisarts", PRACTICE)
    composition = case.compose([gp])
    assert composition.age == 15
    assert composition.statement is not None
    assert composition.statement.signers.rule is SignerRule.FROM_12_TO_15
    statement_id, _paper = case.printed(composition)
    clock.advance(3 * DAY)
    birthday = dt.date(2026, 11, 25)
    assert case.today == birthday
    # The day before the birthday the young person and the mother signed: that counts.
    eve = birthday - dt.timedelta(days=1)
    assert case.sign(statement_id, yes(0, eve), yes(1, eve)) == {0: ItemOutcome.INCOMPLETE}
    # The father signs on the 16th birthday: from then the young person decides alone.
    with pytest.raises(ConsentProblem) as caught:
        case.sign(statement_id, yes(2, birthday))
    assert caught.value.message == Message("consent.problem.rule_changed_at_signing",
                                           date=birthday, age=16, name=young)
    assert str(caught.value) == (
        f"Op 25-11-2026 is {young} 16 jaar. Dan moeten andere mensen tekenen dan op deze "
        "verklaring staan. Maak een nieuwe verklaring.")
    assert render(caught.value.message, "en").endswith("Make a new statement.")
    assert not case.can_send(gp)
    # A new statement on the birthday: the young person alone.
    again = case.compose([gp])
    assert signer_view(again) == [(SignerRole.YOUNG_PERSON, young, Competence.ALL)]


# ---------------------------------------------------------------------------------------------
# Adults who cannot judge this themselves (WGBO 7:465 lid 2 and 3)


def test_wgbo_7_465_lid_2_curatele_with_capacity_the_resident_signs_alone(
        session: Session) -> None:
    case = new_case(session, "Inwoner Bakker", ADULT_BIRTH,
                    representation("curatele", "Curator Fictief"))
    gp = case.request("huisarts", PRACTICE)
    composition = case.compose([gp], capable=True)
    assert composition.choices.curator == "Curator Fictief"  # known, but does not act
    assert signer_view(composition) == [(SignerRole.RESIDENT, "Inwoner Bakker", Competence.ALL)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, ["Inwoner Bakker", "Curator Fictief"]) == ["Inwoner Bakker"]
    assert "Curator Fictief" not in paper.text
    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(gp)


def test_wgbo_7_465_lid_2_curatele_without_capacity_the_curator_signs(
        session: Session) -> None:
    view = "Fictief: de inwoner wil dat de huisarts meedenkt"
    case = new_case(session, "Inwoner Bakker", ADULT_BIRTH,
                    representation("curatele", "Curator Fictief"))
    gp = case.request("huisarts", PRACTICE)
    composition = case.compose([gp], capable=False, own_view=view)
    assert composition.statement is not None
    assert composition.statement.signers.rule is SignerRule.ADULT_REPRESENTED
    assert signer_view(composition) == [(SignerRole.CURATOR, "Curator Fictief", Competence.ALL)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, ["Inwoner Bakker", "Curator Fictief"]) == ["Curator Fictief"]
    assert "Curator Fictief" in paper.signing()
    assert view not in paper.text  # the resident's own view is recorded, not printed
    stored = json.loads(session.profile.store.scalar(
        "SELECT payload FROM consent_statements WHERE id = ?", (statement_id,)))
    assert stored["inputs"]["own_view"] == view and stored["inputs"]["capable"] is False
    # The resident is no signer here: a record for anyone else is refused.
    with pytest.raises(ConsentProblem):
        case.sign(statement_id, yes(1, case.today))
    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(gp)


def test_bw_1_453_mentor_decides_on_care_and_a_financial_item_has_nobody(
        session: Session) -> None:
    case = new_case(session, "Inwoner Visser", dt.date(1950, 2, 2),
                    representation("mentorschap", "Mentor Fictief"))
    gp = case.request("huisarts", PRACTICE)
    debt = case.request("schuldhulpverlening", DEBT_HELP)
    candidates = {c.request_id: c for c in case.consent.candidates(case.intake_id)}
    assert candidates[debt].financial and not candidates[gp].financial
    both = case.compose([gp, debt], capable=False)
    assert not both.ready
    # The debt item (number 2) may be decided by nobody on the statement: a mentor does not
    # decide on money.
    assert Message("consent.problem.item", number=2,
                   problem=Message("consent.problem.item.nobody_decides")) in both.problems
    assert "Onderdeel 2: niemand op de verklaring mag hierover beslissen" in " ".join(
        str(p) for p in both.problems)
    with pytest.raises(StatementNotReady):
        case.consent.create(case.intake_id, both)

    composition = case.compose([gp], capable=False)
    assert signer_view(composition) == [
        (SignerRole.MENTOR, "Mentor Fictief", Competence.NON_FINANCIAL)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, ["Inwoner Visser", "Mentor Fictief"]) == ["Mentor Fictief"]
    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(gp)


def test_bw_1_438_bewindvoerder_decides_only_the_financial_item(session: Session) -> None:
    case = new_case(session, "Inwoner de Groot", dt.date(1960, 3, 3),
                    representation("beschermingsbewind", "Bewindvoerder Fictief"))
    gp = case.request("huisarts", PRACTICE)
    debt = case.request("schuldhulpverlening", DEBT_HELP)
    # The bewindvoerder alone cannot decide on the GP's item (not money).
    nobody = case.compose([gp, debt], capable=False)
    assert Message("consent.problem.item", number=1,
                   problem=Message("consent.problem.item.nobody_decides")) in nobody.problems

    composition = case.compose([debt], capable=False)
    assert composition.statement is not None
    assert composition.statement.items[0].financial
    assert signer_view(composition) == [
        (SignerRole.BEWINDVOERDER, "Bewindvoerder Fictief", Competence.FINANCIAL)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, ["Inwoner de Groot", "Bewindvoerder Fictief"]) == [
        "Bewindvoerder Fictief"]
    assert case.can_send(debt)  # no secrecy: the oral answer counted until the paper decides
    assert case.sign(statement_id, choices(0, case.today, i0=Choice.NEE)) == {
        0: ItemOutcome.REFUSED}
    # The bewindvoerder's "Nee" on paper locks it, although no signature was required.
    row = case.requests.get(debt)
    assert not row.can_send and row.status is Status.GEWEIGERD


def test_bw_1_438_and_1_453_mentor_and_bewindvoerder_each_decide_their_own(
        session: Session) -> None:
    case = new_case(session, "Inwoner de Groot", dt.date(1960, 3, 3),
                    representation("beschermingsbewind", "Bewindvoerder Fictief"))
    gp = case.request("huisarts", PRACTICE)
    debt = case.request("schuldhulpverlening", DEBT_HELP)
    composition = case.compose([gp, debt], capable=False, mentor="Mentor Fictief")
    assert signer_view(composition) == [
        (SignerRole.MENTOR, "Mentor Fictief", Competence.NON_FINANCIAL),
        (SignerRole.BEWINDVOERDER, "Bewindvoerder Fictief", Competence.FINANCIAL)]
    assert deciders_of(composition) == [[0], [1]]
    statement_id, paper = case.printed(composition)
    names = ["Inwoner de Groot", "Mentor Fictief", "Bewindvoerder Fictief"]
    assert paper.choosers(0, names) == ["Mentor Fictief"]
    assert paper.choosers(1, names) == ["Bewindvoerder Fictief"]
    assert all(n in paper.signing() for n in names[1:])
    on = case.today
    # A mentor's choice on money is no choice: refused, nothing recorded.
    with pytest.raises(ConsentProblem) as caught:
        case.sign(statement_id, choices(0, on, i0=Choice.JA, i1=Choice.JA))
    assert caught.value.message == Message("consent.signed.not_a_decider")
    assert case.sign(statement_id, yes(0, on, 0)) == {0: ItemOutcome.GIVEN,
                                                      1: ItemOutcome.INCOMPLETE}
    assert case.sign(statement_id, yes(1, on, 1)) == {0: ItemOutcome.GIVEN,
                                                      1: ItemOutcome.GIVEN}
    assert case.sendable(gp, debt) == [True, True]


def test_wgbo_7_465_lid_3_without_representative_then_a_partner_with_the_relation(
        session: Session) -> None:
    case = new_case(session, "Inwoner Smit", dt.date(1940, 7, 7), {"vertegenwoordiging": "geen"})
    gp = case.request("huisarts", PRACTICE)
    nobody = case.compose([gp], capable=False)
    assert not nobody.ready and "vertegenwoordiger" in nobody.missing
    assert Message("signer.representative_missing") in nobody.problems
    no_relation = case.compose([gp], capable=False, representative="Partner Fictief")
    assert Message("signer.relation_missing") in no_relation.problems
    composition = case.compose([gp], capable=False, representative="Partner Fictief",
                               representative_relation=Relation.PARTNER)
    assert composition.statement is not None
    assert [(s.role, s.name, s.competence, s.relation)
            for s in composition.statement.signers.signers] == [
        (SignerRole.REPRESENTATIVE, "Partner Fictief", Competence.NON_FINANCIAL,
         Relation.PARTNER)]
    statement_id, paper = case.printed(composition)
    assert paper.choosers(0, ["Inwoner Smit", "Partner Fictief"]) == ["Partner Fictief"]
    summary = case.consent.summary(statement_id)
    assert [(s.role, s.relation) for s in summary.signer_list] == [
        (SignerRole.REPRESENTATIVE, Relation.PARTNER)]
    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(gp)


# ---------------------------------------------------------------------------------------------
# What an item asks: consent, a release from secrecy, or nothing (information)


def test_wgbo_7_457_toetsing_with_a_gp_is_a_release_not_consent(session: Session) -> None:
    case = new_case(session, "Inwoner Mulder", ADULT_BIRTH, {"vertegenwoordiging": "geen"})
    gp = case.request("huisarts", PRACTICE, basis=Basis.TOETSING)
    school = case.request("school", "OBS De Regenboog (fictief)", basis=Basis.TOETSING)
    assert case.requests.get(gp).request.informing == Informing(
        informed=True, answer=ResidentAnswer.GEINFORMEERD)
    # Toetsing from an organisation without secrecy: informed, nothing to sign (AVG art. 6
    # lid 1 onder e, art. 7 lid 4); sendable without any statement.
    assert case.can_send(school)
    assert case.requests.get(school).reason == Message("data_request.reason.informed")
    candidates = {c.request_id: c for c in case.consent.candidates(case.intake_id)}
    assert candidates[gp].kind is ItemKind.RELEASE and candidates[gp].suggested
    assert candidates[school].kind is ItemKind.INFORMATION and not candidates[school].suggested
    assert not case.can_send(gp)

    composition = case.compose([gp, school], capable=True)
    assert composition.statement is not None
    assert [i.kind for i in composition.statement.items] == [ItemKind.RELEASE,
                                                            ItemKind.INFORMATION]
    assert deciders_of(composition) == [[0], []]
    statement_id, paper = case.printed(composition)
    release, information = paper.items()
    assert LABEL["vrijgave_ja"] in release and LABEL["vrijgave_nee"] in release
    assert LABEL["ja"] not in release
    # Never "U beslist zelf" about the municipality's task: only release and information.
    assert TEMPLATE.sections["vrijwillig"].heading not in paper.text
    assert fold(TEMPLATE.refusal_text(ItemKind.RELEASE).replace("{organisatie}", PRACTICE)) \
        in release
    assert TEMPLATE.sections["vrijgave"].heading in paper.text
    assert LABEL["geen_keuze"] in information and paper.yes_boxes(1) == 0
    assert paper.choosers(1, ["Inwoner Mulder"]) == []

    # "Nee": the GP gives nothing; the municipality decides on what it knows.
    assert case.sign(statement_id, choices(0, case.today, i0=Choice.NEE)) == {
        0: ItemOutcome.REFUSED, 1: ItemOutcome.NOT_NEEDED}
    row = case.requests.get(gp)
    assert row.status is Status.GEWEIGERD and not row.can_send
    assert row.reason == Message("data_request.reason.release_refused")
    assert "De gemeente beslist op wat zij wel weet" in str(row.reason)
    assert case.can_send(school)  # information only: the paper changes nothing

    # Asked again on a new paper, and released: the newest statement decides.
    again = case.consent.compose(case.intake_id, choices=SignerChoices(capable=True))
    assert again.item_requests == (gp,)
    second, _paper = case.printed(again)
    assert case.sign(second, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    row = case.requests.get(gp)
    assert row.can_send and row.reason == Message("data_request.reason.released")


def test_give_to_a_youth_care_provider_prints_the_direction_and_the_real_name(
        session: Session) -> None:
    young = "Sem Fictief"
    case = new_case(session, young, dt.date(2010, 1, 15),
                    minor_answers("Moeder Fictief", living_with=["Moeder Fictief"],
                                  who="een_ouder"))
    youth = case.request("jeugdzorgaanbieder", YOUTH_CARE, direction=Direction.GIVE_TO)
    composition = case.compose([youth])
    assert composition.statement is not None
    assert composition.statement.items[0].direction is Direction.GIVE_TO
    statement_id, paper = case.printed(composition)
    (block,) = paper.items()
    assert YOUTH_CARE in block and "Jeugdzorgaanbieder" not in block.split(YOUTH_CARE)[0]
    assert LABEL["verstrekken_aan"] in block and LABEL["opvragen_bij"] not in block
    give = TEMPLATE.secrecy_text(Direction.GIVE_TO, SecrecyRegime.SKJ)
    assert give is not None
    assert fold(give.replace("{organisatie}", YOUTH_CARE)) in block
    assert "ons niets vertellen" not in block  # that is the other direction's text
    assert case.sign(statement_id, yes(0, case.today)) == {0: ItemOutcome.GIVEN}
    assert case.can_send(youth)


# ---------------------------------------------------------------------------------------------
# Over time: several statements, expiry, withdrawal


def test_avg_7_an_expired_statement_no_longer_unlocks(session: Session, clock: Any) -> None:
    case = new_case(session, "Inwoner Jansen", ADULT_BIRTH, {"vertegenwoordiging": "geen"})
    gp = case.request("huisarts", PRACTICE)
    composition = case.compose([gp], capable=True)
    assert composition.statement is not None
    valid_until = composition.statement.valid_until
    statement_id, paper = case.printed(composition)
    assert "22 november 2027" in paper.text
    case.sign(statement_id, yes(0, case.today))
    assert case.can_send(gp)

    clock.advance((valid_until - case.today).days * DAY)
    assert case.today == valid_until and case.can_send(gp)  # valid through that day
    clock.advance(DAY)
    row = case.requests.get(gp)
    assert row.consent is RequestConsent.EXPIRED and not row.can_send
    assert row.reason == Message("data_request.reason.consent_expired")
    summary = case.consent.summary(statement_id)
    assert summary.expired and str(summary.state_text) == "Getekend, verlopen"
    assert [i.outcome for i in summary.items] == [ItemOutcome.EXPIRED]
    # A new statement is suggested and, signed, unlocks again.
    assert case.consent.candidates(case.intake_id)[0].suggested
    second, _paper = case.printed(case.compose([gp], capable=True))
    case.sign(second, yes(0, case.today))
    assert case.can_send(gp)


def test_avg_7_the_newest_statement_decides_and_an_incomplete_one_does_not_undo(
        session: Session) -> None:
    child, mother, father = "Zoë Fictief", "Ayşe Moeder", "François Vader"
    case = new_case(session, child, dt.date(2012, 5, 3),
                    minor_answers(mother, father, living_with=[mother]))
    gp = case.request("huisarts", PRACTICE)
    first, _paper = case.printed(case.compose([gp]))
    on = case.today
    case.sign(first, yes(0, on), yes(1, on), yes(2, on))
    assert case.can_send(gp)
    # A second paper for the same request, so far signed by the young person only.
    second, _paper = case.printed(case.compose([gp]))
    assert case.can_send(gp)  # printed, waiting: the first still holds
    case.sign(second, yes(0, on))
    assert case.consent.summary(second).items[0].outcome is ItemOutcome.INCOMPLETE
    assert case.can_send(gp)  # the older valid statement still counts
    # Then the father ticks Nee on the newer paper: that decides.
    case.sign(second, choices(2, on, i0=Choice.NEE))
    row = case.requests.get(gp)
    assert row.consent is RequestConsent.REFUSED and not row.can_send


def test_avg_7_lid_3_withdrawing_one_item_locks_only_that_request_on_every_statement(
        session: Session) -> None:
    case = new_case(session, "Inwoner Jansen", ADULT_BIRTH, {"vertegenwoordiging": "geen"})
    gp = case.request("huisarts", PRACTICE)
    psy = case.request("psycholoog", PSYCHOLOGIST)
    older, _paper = case.printed(case.compose([gp, psy], capable=True))
    on = case.today
    case.sign(older, yes(0, on, 0, 1))
    newer, _paper = case.printed(case.compose([gp], capable=True))
    case.sign(newer, yes(0, on))
    assert case.sendable(gp, psy) == [True, True]
    summary = case.consent.summary(newer)
    assert [i.request_id for i in summary.withdrawable] == [gp]

    changed = case.consent.record_withdrawn(newer, on, "Fictief: belde het team", items=[0])
    assert sorted(changed) == sorted([older, newer])  # the older paper too
    assert case.sendable(gp, psy) == [False, True]
    assert case.requests.get(gp).consent is RequestConsent.WITHDRAWN
    old = case.consent.summary(older)
    assert old.state.value == "getekend"  # the psychologist's consent still holds
    assert [i.outcome for i in old.items] == [ItemOutcome.WITHDRAWN, ItemOutcome.GIVEN]
    assert case.consent.summary(newer).state.value == "ingetrokken"
    with pytest.raises(ConsentProblem):  # nothing left to withdraw for the GP
        case.consent.withdraw([gp], on, "nog eens")
    # Per request as well: the psychologist, through the same rule.
    assert case.consent.withdraw([psy], on, "Fictief: per brief") == [older]
    assert case.sendable(gp, psy) == [False, False]
    assert case.consent.summary(older).state.value == "ingetrokken"


def test_a_withdrawal_does_not_reach_a_statement_made_after_it(
        session: Session, clock: Any) -> None:
    """The resident withdrew on Monday, the worker records it on Friday; a statement made and
    signed on Wednesday is a new consent."""
    case = new_case(session, "Inwoner Jansen", ADULT_BIRTH, {"vertegenwoordiging": "geen"})
    gp = case.request("huisarts", PRACTICE)
    older, _paper = case.printed(case.compose([gp], capable=True))
    monday = case.today
    case.sign(older, yes(0, monday))
    clock.advance(2 * DAY)
    newer, _paper = case.printed(case.compose([gp], capable=True))
    case.sign(newer, yes(0, case.today))
    clock.advance(2 * DAY)
    assert case.consent.withdraw([gp], monday, "Fictief: belde maandag") == [older]
    assert case.can_send(gp)
    assert case.consent.summary(newer).items[0].outcome is ItemOutcome.GIVEN


def test_avg_4_11_a_request_changed_after_signing_needs_a_new_signature(
        session: Session) -> None:
    """Consent is specific: a paper that names other data than the request now asks for
    does not cover it, whatever was weighed again since."""
    case = new_case(session, "Inwoner Jansen", ADULT_BIRTH, {"vertegenwoordiging": "geen"})
    gp = case.request("huisarts", PRACTICE, items=("Medicatieoverzicht",))
    first, _paper = case.printed(case.compose([gp], capable=True))
    case.sign(first, yes(0, case.today))
    assert case.can_send(gp)
    case.requests.update_request(gp, items=["Medicatieoverzicht", "Verslag van de specialist"])
    case.requests.record_weighing(gp, case._walk(gp, OutcomeKind.WRITTEN_CONSENT_REQUIRED))
    row = case.requests.get(gp)
    assert row.consent is RequestConsent.NONE and not row.can_send
    assert row.status is Status.TOESTEMMING_NODIG
    assert case.consent.candidates(case.intake_id)[0].suggested  # ask again
    second, paper = case.printed(case.compose([gp], capable=True))
    assert "Verslag van de specialist" in paper.items()[0]
    case.sign(second, yes(0, case.today))
    assert case.can_send(gp)
    # The real name is part of what was signed too.
    case.requests.update_request(gp, organisation_named="Huisartsenpost Noord (fictief)")
    assert not case.can_send(gp)


def test_wgbo_7_465_lid_5_the_represented_residents_or_childs_view_is_asked_for(
        session: Session) -> None:
    # The paper says the view was discussed: the composer does not let that go unrecorded.
    case = new_case(session, "Henk Fictief", dt.date(1950, 3, 1), {})
    gp = case.request("huisarts", PRACTICE)
    silent = case.compose([gp], capable=False, curator="Curator Fictief", own_view="")
    assert not silent.ready and "mening" in silent.missing
    assert Message("consent.compose.own_view_missing") in silent.problems
    heard = case.compose([gp], capable=False, curator="Curator Fictief")
    assert heard.ready, [str(p) for p in heard.problems]

    child = new_case(session, "Noor Fictief", dt.date(2016, 6, 1),
                     minor_answers("Voogd Fictief", who="voogd")
                     | {"gezag_gecontroleerd": "document"})
    gp = child.request("huisarts", PRACTICE)
    unheard = child.compose([gp])
    assert Message("consent.compose.child_view_missing") in unheard.problems


def test_wgbo_7_447_a_statement_for_a_15_year_old_holds_until_the_day_before_16(
        session: Session) -> None:
    # At 16 the young person decides alone: the paper signed with the parents holds until the
    # day before, and the composer says so.
    today = session.now().astimezone().date()
    birth = dt.date(today.year - 16, today.month, 1) + dt.timedelta(days=40)  # 16 in ~40 days
    case = new_case(session, "Sem Fictief", birth,
                    minor_answers("Ouder Een Fictief", "Ouder Twee Fictief")
                    | {"gezag_gecontroleerd": "gezagsregister"})
    gp = case.request("huisarts", PRACTICE)
    composition = case.compose([gp])
    assert composition.statement is not None
    sixteenth = birth.replace(year=birth.year + 16)
    assert composition.statement.valid_until == sixteenth - dt.timedelta(days=1)
    assert Message("consent.notice.valid_until_birthday",
                   date=sixteenth - dt.timedelta(days=1), age=16) in composition.notices

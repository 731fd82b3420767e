"""Synthetic, clearly fictional residents and intakes for `wijkteam-intake demo` and `bench`.

Every name is invented and the BSNs are the public test numbers; nothing here is a real person.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import random
from collections.abc import Iterator, Mapping
from typing import Any

from desktop_app.domain.consent import Choice, SignerRecord
from desktop_app.domain.data_requests import OrganisationResponse, prefill_value
from desktop_app.domain.forms import (
    ConstraintKind,
    Field,
    FieldType,
    FormDefinition,
    is_empty_answer,
    visible_fields,
)
from desktop_app.domain.protocols import OutcomeKind, Weighing, enumerate_paths
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.services.consent import ConsentService, SignerChoices
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.intakes import (
    RESIDENT_BIRTH_FIELD,
    RESIDENT_NAME_FIELD,
    IntakeService,
)
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService
from desktop_app.services.transfer import TransferChecklist, TransferService

FIRST_NAMES = (
    "Ayşe", "Agnieszka", "Jan", "Fatima", "Noah", "Sanne", "Mohammed", "Łukasz", "Nguyễn Thị",
    "Zoë", "Kees", "Aaliyah", "Björn", "Chidi", "Dewi", "Emre", "François", "Grete", "Hüseyin",
    "Ilse", "Jasper", "Khadija", "Lotte", "Milan", "Nadia", "Oscar", "Priya", "Ruud", "Siham",
)
LAST_NAMES = (
    "Yılmaz", "Wiśniewska", "de Vries", "El Amrani", "Bakker", "Jansen", "Bouzid", "Nowak",
    "Ánh", "Güneş", "van Dijk", "Osei", "Lindqvist", "Okafor", "Pattiasina", "Demir", "Cœur",
    "Visser", "Şahin", "de Boer", "Mulder", "Benali", "Smit", "Kovač", "Haddad", "Meijer",
)
TEST_BSNS = ("999993847", "999992077", "111222333", "123456782")
REQUESTS = (
    "Ik kan mijn rekeningen niet meer betalen en de post stapelt zich op.",
    "Mijn moeder woont bij ons en de zorg wordt mij te zwaar.",
    "Onze zoon gaat al weken niet naar school.",
    "Sinds mijn operatie kom ik de trap niet meer op.",
    "Ik voel me eenzaam sinds mijn vrouw is overleden.",
)


# A fictional municipality, so the demo can print a complete toestemmingsverklaring (which needs
# the team's contact details, the FG and the retention periods, AVG art. 13).
DEMO_SETTINGS = {
    "gemeente_naam": "Gemeente Voorbeeldstad (fictief)",
    "team_naam": "Sociaal wijkteam Noord (fictief)",
    "team_telefoon": "0000 000 000",
    "team_email": "wijkteam.noord@example.org",
    "team_adres": "Postbus 1, 9999 ZZ Voorbeeldstad",
    "fg_naam": "Functionaris gegevensbescherming (fictief)",
    "fg_email": "fg@example.org",
    "fg_telefoon": "0000 000 001",
    "privacyverklaring": "www.example.org/privacy",
    "bewaartermijn_dossier": "tot 15 jaar na het einde van de hulp",
    "bewaartermijn_verklaring": "zolang het dossier bestaat",
}


def fill_demo_settings(session: Session) -> None:
    problems = SettingsService(session).save(DEMO_SETTINGS)
    if problems:
        raise ValueError(problems)


def fictional_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} (fictief)"


# A fictional answer for a required question, per field type: what a worker would have typed
# by the time the intake is klaar voor overdracht.
_SAMPLE_TEXT = "Besproken met de inwoner (fictief)."
# Answers that the readiness check reads beyond "filled in" (domain/readiness.py): the first
# choice is not always one that is ready (identity "nee" is first in no form, but a form
# could list it first), so these are given.
_READY_CHOICES = {"identiteit_vastgesteld": "document", "meldcode_besluit": "melden"}


def _sample_answer(field: Field, today: dt.date) -> Any:
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.LONG_TEXT):
        low = field.constraint(ConstraintKind.MIN_LENGTH)
        text = _SAMPLE_TEXT
        if low is not None and len(text) < low.number():
            text = (text + " ") * (int(low.number()) // len(text) + 1)
        return text.strip()
    if kind is FieldType.DATE:
        return (today - dt.timedelta(days=int(40 * 365.25) if field.birth_date else 3)
                ).isoformat()
    if kind is FieldType.CHOICE:
        wanted = _READY_CHOICES.get(field.id)
        return wanted if wanted in field.choice_values() else field.choices[0].value
    if kind is FieldType.MULTI_CHOICE:
        return [field.choices[0].value]
    if kind is FieldType.YES_NO:
        return False  # "nee" asks no follow-up questions
    if kind is FieldType.NUMBER:
        low = field.constraint(ConstraintKind.MIN)
        return int(low.number()) if low is not None else 1
    if kind is FieldType.BSN:
        return TEST_BSNS[0]
    row: dict[str, Any] = {}
    for column in field.columns:
        if not column.required:
            continue
        if column.type is FieldType.CHOICE:
            row[column.id] = column.choices[0].value
        elif column.type is FieldType.YES_NO:
            row[column.id] = False
        elif column.type is FieldType.DATE:
            row[column.id] = today.isoformat()
        else:
            row[column.id] = _SAMPLE_TEXT
    return [row or {field.columns[0].id: _SAMPLE_TEXT}]


def complete_answers(form: FormDefinition, answers: Mapping[str, Any],
                     today: dt.date) -> dict[str, Any]:
    """`answers` with a fictional answer added for every required question still empty,
    including those required only at transfer (`required: overdracht`), until no new question
    appears: what the readiness check (domain/readiness.py) asks of a form filled in. A "nee"
    where a yes/no question is required, so few follow-up questions open. Answers given are
    kept; the rules beyond "filled in" (data requests, the Meldcode) stay the caller's."""
    result = dict(answers)
    for _round in range(len(form.fields)):
        added = False
        for field in visible_fields(form, result):
            if field.required and is_empty_answer(result.get(field.id)):
                result[field.id] = _sample_answer(field, today)
                added = True
        if not added:
            break
    # The melding comes before the conversation (the readiness check lists it otherwise):
    # a sampled date of the two moves to the given one.
    with contextlib.suppress(KeyError, ValueError, TypeError):  # not both, or no date
        melding = dt.date.fromisoformat(result["melding_datum"])
        visit = dt.date.fromisoformat(result["bezoek_datum"])
        if melding > visit and "melding_datum" not in answers:
            result["melding_datum"] = visit.isoformat()
        elif melding > visit and "bezoek_datum" not in answers:
            result["bezoek_datum"] = melding.isoformat()
    return result


def make_ready(intakes: IntakeService, intake_id: str) -> None:
    """Fill the intake's empty required questions with fictional answers (`complete_answers`)
    and mark it *klaar voor overdracht*: for the demo, the bench and tests that need an intake
    that may be transferred. "Gegevens nodig" follows the requests recorded."""
    from desktop_app.services.readiness import requests_with_consent

    draft = intakes.open_intake(intake_id)
    today = intakes.session.now().astimezone().date()
    given = dict(draft.answers)
    if draft.form.has_field("gegevens_nodig") and "gegevens_nodig" not in given:
        given["gegevens_nodig"] = any(
            r.direction is Direction.REQUEST_FROM
            for r, _c in requests_with_consent(intakes.session, intake_id))
    filled = complete_answers(draft.form, given, today)
    intakes.save_answers(intake_id, {k: v for k, v in filled.items()
                                     if k not in draft.answers})
    intakes.set_status(intake_id, "klaar_voor_overdracht")


@contextlib.contextmanager
def _clock_shifted(session: Session, days_back: int) -> Iterator[None]:
    """Start some demo drafts in the past, so the caseload shows old drafts too."""
    profile = session.profile
    real = profile.clock
    profile.clock = lambda: real() - dt.timedelta(days=days_back)
    try:
        yield
    finally:
        profile.clock = real


def fill_demo_profile(session: Session) -> Showcase:
    """Everything `wijkteam-intake demo` shows: the fictional municipality, 24 residents with
    intakes in every status, and the showcase of data requests and consent statements. One
    IntakeService for both, so the form is read once (the demo must start fast)."""
    fill_demo_settings(session)
    intakes = IntakeService(session)
    fill_demo(session, intakes=intakes)
    return fill_demo_showcase(session, intakes=intakes)


@contextlib.contextmanager
def _on_day(session: Session, days_back: int, hour: int = 10) -> Iterator[None]:
    """The showcase's steps at a working hour of a day in the past (a visit at ten, the office
    in the afternoon), not at whatever time the demo happens to start; the clock still runs,
    so steps on one day keep their order."""
    profile = session.profile
    real = profile.clock
    started = real()
    local = started.astimezone()
    day = local.date() - dt.timedelta(days=days_back)
    moment = dt.datetime.combine(day, dt.time(hour), tzinfo=local.tzinfo)
    if days_back < 1:
        moment = started  # today: now, never a time still to come
    profile.clock = lambda: moment + (real() - started)
    try:
        yield
    finally:
        profile.clock = real


def fill_demo(session: Session, count: int = 24, seed: int = 2026,
              answers_per_intake: int | None = None, *,
              intakes: IntakeService | None = None) -> list[str]:
    """Create `count` fictional residents with intakes in all states. Returns intake ids."""
    rng = random.Random(seed)
    service = intakes or IntakeService(session)
    today = session.now().date()
    form = service.forms.current()
    long_texts = [f.id for f in form.fields if f.type.value == "long_text"]
    ids: list[str] = []
    for index in range(count):
        age_years = rng.choice((9, 13, 15, 17, 34, 45, 58, 71, 83))
        birth = today - dt.timedelta(days=int(age_years * 365.25) + rng.randint(0, 300))
        days_back = rng.choice((0, 1, 3, 8, 20)) if answers_per_intake is None else 0
        with _clock_shifted(session, days_back):
            name = fictional_name(rng)
            intake_id = service.start_intake(name, birth)
            answers: dict[str, object] = {
                "bezoek_datum": (today - dt.timedelta(days=days_back)).isoformat(),
                # Form version 4: the melding starts the six weeks (Wmo 2015 art. 2.3.2); a
                # spread of deadlines on the caseload: some passed, some this week. Address
                # and phone stay in the central dossier (collect less).
                "melding_datum": (today - dt.timedelta(days=days_back + rng.randint(2, 48))
                                  ).isoformat(),
                # The six weeks run for the Wmo only: a child here asks Jeugdwet help.
                "hulpvraag_wet": ["jeugdwet"] if age_years < 18 else ["wmo"],
                "bezoek_plaats": "thuis",
                "hulpvraag": rng.choice(REQUESTS),
                "identiteit_vastgesteld": "eerder",
            }
            if index % 3 == 0:
                answers["inwoner_bsn"] = TEST_BSNS[index % len(TEST_BSNS)]
            if answers_per_intake:
                extra = [f for f in long_texts if f not in answers]
                for field_id in extra[: max(0, answers_per_intake - len(answers) - 2)]:
                    answers[field_id] = f"Aantekening: {rng.choice(REQUESTS)}"
            state = index % 6
            if state in (4, 5):
                # Klaar voor overdracht only when nothing is missing (domain/readiness.py).
                known = {RESIDENT_NAME_FIELD: name, RESIDENT_BIRTH_FIELD: birth.isoformat()}
                answers = {k: v for k, v in complete_answers(form, known | answers,
                                                             today).items() if k not in known}
            service.save_answers(intake_id, answers)
            if state in (4, 5):
                service.set_status(intake_id, "klaar_voor_overdracht")
            if state == 5:
                # Transferred through the checklist, as a worker does: a dossier number and a
                # transfer moment, so the demo can show destruction (ZW-6) end to end.
                TransferService(session).confirm_transfer(intake_id, TransferChecklist(
                    f"DEMO-{today.year}-{index + 1:04d}", report_transferred=True,
                    consent_scanned=True, paper_notes_shredded=True))
        ids.append(intake_id)
    return ids


# ---------------------------------------------------------------------------------------------
# The showcase: three residents whose data requests and consent statements show the whole job,
# each state reached through the same service calls the screens make (so every rule applies).

# A record the worker types in the weighing, per kind (protocols.RecordKind); the ground and
# the reason are ids from the protocol's lists, the rest free text in the dossier's Dutch.
_RECORDS = {
    "motivation": "Besproken in het teamoverleg (fictief).",
    "consulted": "Gedragswetenschapper A. Smit en teamleider B. Mulder (fictief)",
    "findings": "Besproken zonder namen; zie het verslag van het overleg (fictief).",
    "client_arguments": "De inwoner noemt geen reden (fictief).",
    "reason_not_informing": "bescherming_betrokkene",
    "legal_ground": "meldrecht",
    "anonymised_consultation": "ja",
}
YOUTH, ADULT, SAFETY = ("Lotte Meijer (fictief)", "Kees van Dijk (fictief)",
                        "Nadia Haddad (fictief)")
# The weighing's own outcomes that the chosen path may pass only when asked for: sharing less
# needs a narrowed list, and the exception paths need their own records.
_SPECIAL = frozenset({OutcomeKind.SHARE_MINIMUM, OutcomeKind.SHARE_DESPITE_OBJECTION,
                      OutcomeKind.SHARE_WITHOUT_INFORMING})


@dataclasses.dataclass(frozen=True)
class Showcase:
    """What `fill_demo_showcase` made: intake ids, request ids and statement ids by role, and
    the residents' names (the demo points newcomers to them)."""

    intakes: dict[str, str]
    requests: dict[str, str]
    statements: dict[str, str]
    names: tuple[str, ...]


def _weigh(requests: DataRequestService, request_id: str, verdict: OutcomeKind, *,
           through: tuple[tuple[str, str], ...] = (),
           records: dict[str, str] | None = None) -> Weighing:
    """Walk the municipality's protocol as the wizard does: the first path to `verdict` that
    passes the answers in `through`, with the records the worker would type there (the
    purpose and the ground prefilled from the request, as the wizard does)."""
    request = requests.get(request_id).request
    graph = requests.protocol().for_direction(request.direction)
    wanted = frozenset({verdict}) & _SPECIAL
    values = _RECORDS | (records or {})
    for path in enumerate_paths(graph, requests.context_of(request)):
        if (path.outcome.kind is not verdict or (path.effect_kinds & _SPECIAL) - wanted
                or not all(path.passes(node, answer) for node, answer in through)):
            continue
        state = Weighing.start(graph).answer_from_context(requests.context_of(request))
        for node_id, answer_id in path.steps:
            node = graph.node(node_id)
            if node.context is not None:
                continue  # the program answers it from the request
            answer = node.answer(answer_id)
            assert answer is not None
            state = state.answer(node_id, answer_id, {
                r.kind.value: prefill_value(r.prefill, request) or values[r.kind.value]
                for r in answer.records})
            state = state.answer_from_context(requests.context_of(request))
        return state
    raise ValueError(f"the protocol has no path to {verdict.value} through {through}")


def _request(requests: DataRequestService, intake_id: str, organisation_id: str, named: str,
             purpose: str, items: tuple[str, ...], *,
             direction: Direction = Direction.REQUEST_FROM,
             basis: Basis = Basis.VERDIEPING) -> str:
    organisation = requests.catalogue().get(organisation_id)
    if organisation is None:
        raise ValueError(organisation_id)
    return requests.create_request(intake_id, direction=direction, organisation=organisation,
                                   purpose=purpose, items=items, basis=basis,
                                   organisation_named=named)


def _sharing_verdict(requests: DataRequestService, request_id: str) -> OutcomeKind:
    """Where a plain "yes" ends for this request: a signature (BIG/SKJ, ZW-4), informed only
    (toetsing), or the resident's oral consent."""
    request = requests.get(request_id).request
    if (request.direction is Direction.REQUEST_FROM
            and request.organisation.regime.needs_written_consent):
        return OutcomeKind.WRITTEN_CONSENT_REQUIRED
    if request.basis is Basis.TOETSING:
        return OutcomeKind.PROCEED_INFORMED
    return OutcomeKind.PROCEED_WITH_CONSENT


def _weigh_yes(requests: DataRequestService, request_id: str) -> None:
    """Weighed with the wizard, the resident said yes (or was informed, for toetsing): the
    wizard stores that answer with the weighing (`answer_from_path`)."""
    verdict = _sharing_verdict(requests, request_id)
    requests.record_weighing(request_id, _weigh(requests, request_id, verdict),
                             answer_from_path=True)


def _signed(signer: int, on: dt.date, choices: dict[int, Choice]) -> SignerRecord:
    return SignerRecord(signer, True, on, choices)


def _printed(consent: ConsentService, intake_id: str, request_ids: list[str],
             choices: SignerChoices) -> tuple[str, dict[str, int]]:
    """A statement made and printed as the screen does (prepare_print, then mark_printed once
    the printer took it); returns its id and the item index of each request."""
    statement_id = _made(consent, intake_id, request_ids, choices)
    job = consent.prepare_print(statement_id)
    consent.mark_printed(job.statement_id)
    items = consent.summary(job.statement_id).items
    return job.statement_id, {item.request_id: item.index for item in items
                              if item.request_id is not None}


def _made(consent: ConsentService, intake_id: str, request_ids: list[str],
          choices: SignerChoices) -> str:
    composition = consent.compose(intake_id, request_ids, choices=choices)
    if not composition.ready:
        raise ValueError([str(problem) for problem in composition.problems])
    return consent.create(intake_id, composition)


def _start(intakes: IntakeService, name: str, birth: dt.date, visit: dt.date,
           answers: dict[str, object]) -> str:
    intake_id = intakes.start_intake(name, birth)
    intakes.save_answers(intake_id, {
        "bezoek_datum": visit.isoformat(), "bezoek_plaats": "thuis",
        "melding_datum": (visit - dt.timedelta(days=6)).isoformat(),
        "identiteit_vastgesteld": "document", "identiteit_document": "identiteitskaart",
        "spoed": False, "zorgen_veiligheid": False, **answers})
    return intake_id


def fill_demo_showcase(session: Session, *, intakes: IntakeService | None = None) -> Showcase:
    """Three residents whose requests and statements are in every state a worker meets; needs
    `fill_demo_settings` first (a statement names the team and the FG). Dates lie in the past
    of the demo's today, each step on its own day, so the history reads like a real case."""
    intakes = intakes or IntakeService(session)
    requests = DataRequestService(session)
    consent = ConsentService(session)
    today = session.now().astimezone().date()  # the worker's calendar day, as the services use
    ids: dict[str, str] = {}
    statements: dict[str, str] = {}

    def day(days_back: int) -> dt.date:
        return today - dt.timedelta(days=days_back)

    # -- Lotte, 14: two divorced parents who both keep custody (WGBO 7:450: the young person
    # and each parent sign). Requests to the GP, youth care and a psychologist (verdieping)
    # and to the school (toetsing: the Jeugdwet decision, she is informed, not asked).
    child, mother, father = YOUTH, "Siham Benali (fictief)", "Ruud Meijer (fictief)"
    with _on_day(session, 12, hour=10):
        youth = _start(intakes, child, day(12) - dt.timedelta(days=int(14.4 * 365.25)),
                       day(12), {
            "aanwezig": ["inwoner", "ouders"],
            "hulpvraag": "Lotte gaat al weken niet naar school en slaapt slecht.",
            "hulpvraag_wet": ["jeugdwet"],
            "huishouden_leden": [{"naam": mother, "relatie": "ouder", "gezag": True}],
            "kind_betrokken": True,
            "gezag_wie": "beide_ouders",
            "gezag_namen": f"{mother} en {father}",
            "gezag_gecontroleerd": "gezagsregister",
            "kind_eigen_woorden": "Ik lig 's nachts wakker en dan kan ik 's ochtends niet "
                                  "naar school. Ik wil wel weer gaan (fictief).",
            "kind_gesproken": "alleen",
            "familiegroepsplan": "wil_maken",
            "vertrouwenspersoon_verteld": True,
        })
        purpose = "Passende hulp kiezen bij schoolverzuim en slaapproblemen."
        ids["youth_gp"] = _request(requests, youth, "huisarts",
                                   "Huisartsenpraktijk De Linde (fictief)", purpose,
                                   ("Behandeling van de slaapproblemen",
                                    "Verwijzingen van het afgelopen jaar"))
        ids["youth_care"] = _request(requests, youth, "jeugdzorgaanbieder",
                                     "Jeugdhulp De Brug (fictief)", purpose,
                                     ("Verslag van de eerdere begeleiding",))
        ids["youth_psychologist"] = _request(requests, youth, "psycholoog",
                                             "Praktijk Zielsrust (fictief)", purpose,
                                             ("Verslag van de gesprekken",))
        ids["youth_school"] = _request(
            requests, youth, "school", "Het Voorbeeld College (fictief)",
            "Beslissen over jeugdhulp bij schoolverzuim (Jeugdwet).",
            ("Verzuimoverzicht van dit schooljaar",), basis=Basis.TOETSING)
        for key in ("youth_gp", "youth_care", "youth_psychologist", "youth_school"):
            _weigh_yes(requests, ids[key])
        youth_paper, item = _printed(
            consent, youth, [ids["youth_gp"], ids["youth_care"], ids["youth_psychologist"],
                             ids["youth_school"]], SignerChoices())
        # Lotte and her mother sign at the table; Lotte says no to the psychologist.
        asked = [item[ids[k]] for k in ("youth_gp", "youth_care", "youth_psychologist")]
        lotte = dict.fromkeys(asked, Choice.JA) | {item[ids["youth_psychologist"]]: Choice.NEE}
        consent.record_signed(youth_paper, [_signed(0, day(12), lotte),
                                            _signed(1, day(12), dict.fromkeys(asked, Choice.JA))])
    statements["signed"] = youth_paper
    with _on_day(session, 9, hour=15):  # the father signs three days later, at the office
        consent.record_signed(youth_paper, [_signed(2, day(9), dict.fromkeys(asked, Choice.JA))])
    with _on_day(session, 8, hour=11):
        requests.mark_sent(ids["youth_gp"])
    with _on_day(session, 3, hour=9):
        requests.record_response(ids["youth_gp"], OrganisationResponse.SHARED,
                                 "Brief van de huisarts ontvangen (fictief).")

    # -- Kees, 58: after an operation he cannot climb the stairs, and the post piles up. He
    # signs alone (an adult who can judge this, WGBO 7:465 asked per statement).
    adult_choices = SignerChoices(capable=True)
    with _on_day(session, 13, hour=10):
        adult = _start(intakes, ADULT, day(13) - dt.timedelta(days=21300),
                       day(13), {
            "aanwezig": ["inwoner"],
            "inwoner_bsn": TEST_BSNS[0],
            "hulpvraag": "Sinds mijn operatie kom ik de trap niet meer op, en de rekeningen "
                         "stapelen zich op.",
            "hulpvraag_wet": ["wmo"],
            "vertegenwoordiging": "geen",
            "clientondersteuning_verteld": True,
            "clientondersteuning_antwoord": "denkt_na",
            "persoonlijk_plan_verteld": True,
            "persoonlijk_plan_antwoord": "wil_niet",
            "mantelzorger_betrokken": "geen_mantelzorger",
            "voorkeur_vorm": "natura",
            "gebruikelijke_hulp": "Kees woont alleen; er zijn geen huisgenoten (fictief).",
            "andere_voorzieningen": ["zvw_wijkverpleging"],
            "eigen_bijdrage_verteld": True,
            "betrokken_hulpverleners": [
                {"organisatie": "Wijkverpleging Thuis Noord (fictief)",
                 "wat": "Wondzorg na de operatie", "contact": "Team Noord"},
            ],
            "doelen_lijst": [
                {"doel": "Weer veilig boven kunnen slapen",
                 "resultaat": "Hij slaapt weer in zijn eigen slaapkamer",
                 "evaluatie": (today + dt.timedelta(days=42)).isoformat(),
                 "wie": "Kees en het wijkteam"},
            ],
        })
        care = "Zorg en hulp thuis afstemmen na de operatie."
        ids["adult_debt"] = _request(requests, adult, "schuldhulpverlening",
                                     "Schuldhulp Voorbeeldstad (fictief)",
                                     "Zien of schuldhulp de rekeningen kan overnemen.",
                                     ("Lopende schuldregeling",))
        ids["adult_gp"] = _request(requests, adult, "huisarts",
                                   "Huisartsenpraktijk Oost (fictief)", care,
                                   ("Medicatielijst", "Brief van de specialist"))
        ids["adult_nurse"] = _request(requests, adult, "wijkverpleegkundige",
                                      "Wijkverpleging Thuis Noord (fictief)", care,
                                      ("Zorgplan van de wijkverpleging",))
        ids["adult_housing"] = _request(
            requests, adult, "woningcorporatie", "Woonstichting Voorbeeldstad (fictief)",
            "Voorrang vragen voor een woning zonder trap.", ("Beperkingen bij traplopen",
                                                             "Betaalachterstand huur"),
            direction=Direction.GIVE_TO)
        for key in ("adult_gp", "adult_nurse"):
            _weigh_yes(requests, ids[key])
        # He says no to telling the housing corporation, with a good reason: not shared.
        requests.record_weighing(ids["adult_housing"], _weigh(
            requests, ids["adult_housing"], OutcomeKind.DO_NOT_SHARE,
            through=(("a4_client_zegt", "nee"), ("a4a_argumenten", "ja")),
            records={"client_arguments": "Hij wil niet dat de woningcorporatie van de "
                                         "huurachterstand hoort (fictief)."}),
            answer_from_path=True)
        adult_paper, item = _printed(consent, adult, [ids["adult_gp"], ids["adult_nurse"]],
                                     adult_choices)
        consent.record_signed(adult_paper, [_signed(0, day(13), dict.fromkeys(
            item.values(), Choice.JA))])
    statements["withdrawn"] = adult_paper
    with _on_day(session, 12, hour=10):
        requests.mark_sent(ids["adult_gp"])
    with _on_day(session, 7, hour=14):
        requests.record_response(ids["adult_gp"], OrganisationResponse.PARTLY,
                                 "Alleen de medicatielijst; de brief volgt niet (fictief).")
    with _on_day(session, 2, hour=16):
        consent.record_withdrawn(adult_paper, day(2), "Telefonisch, door de inwoner zelf.",
                                 [item[ids["adult_nurse"]]])
    with _on_day(session, 1, hour=11):
        ids["adult_physio"] = _request(requests, adult, "fysiotherapeut",
                                       "Fysiotherapie Het Anker (fictief)", care,
                                       ("Oefenplan na de operatie",))
        _weigh_yes(requests, ids["adult_physio"])
        statements["concept"] = _made(consent, adult, [ids["adult_physio"]], adult_choices)

    # -- Nadia, 34: worries about her safety at home. The report to Veilig Thuis goes without
    # telling her first, to protect her (ZU-A4B), on the right to report (Wmo 2015 art.
    # 5.2.6); she is told afterwards, today.
    with _on_day(session, 4, hour=13):
        safety = _start(intakes, SAFETY, day(4) - dt.timedelta(days=12500),
                        day(4), {
            "aanwezig": ["inwoner"],
            "hulpvraag": "Ik wil hulp bij het vinden van werk.",
            "hulpvraag_wet": ["participatiewet"],
            "vertegenwoordiging": "geen",
            "zorgen_veiligheid": True,
            "veiligheid_toelichting": "Blauwe plekken gezien; overlegd met een collega "
                                      "volgens de meldcode (fictief).",
            "meldcode_overleg": "beide",
            "meldcode_overleg_datum": day(4).isoformat(),
            "meldcode_gesprek": "nee_onveilig",
            "afweging_acuut": False,
            "afweging_structureel": True,
            "meldcode_besluit": "melden",
        })
        ids["safety_report"] = _request(
            requests, safety, "veilig_thuis", "Veilig Thuis Voorbeeldregio (fictief)",
            "Melding van zorgen over huiselijk geweld.", ("Wat ik zag en hoorde bij het "
                                                          "huisbezoek",),
            direction=Direction.GIVE_TO)
        requests.record_weighing(ids["safety_report"], _weigh(
            requests, ids["safety_report"], OutcomeKind.SHARE_WITHOUT_INFORMING,
            records={"inform_after": today.isoformat(),
                     "motivation": "Hoort haar partner van de melding, dan is zij thuis niet "
                                   "veilig (fictief)."}), answer_from_path=True)
    with _on_day(session, 3, hour=9):
        requests.mark_sent(ids["safety_report"])
    return Showcase({"youth": youth, "adult": adult, "safety": safety}, ids, statements,
                    (YOUTH, ADULT, SAFETY))

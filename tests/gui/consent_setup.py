"""Intakes for the consent screens, made through the real services on a real encrypted store:
the settings a statement needs (team, FG, privacy statement, retention), residents of each age
group with their household answers, and data requests weighed along a generated path of the
municipality's protocol. All people and organisations are fictional.

Used by tests/gui/test_consent_*.py, tests/gui/test_weighing_wizard.py and the screenshot
script tests/gui/consent_shots.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from desktop_app.domain.data_requests import Informing, ResidentAnswer
from desktop_app.domain.protocols import (
    OutcomeKind,
    Prefill,
    ProtocolPath,
    RecordKind,
    RecordRequirement,
    Weighing,
    enumerate_paths,
)
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService

# What a statement needs from the settings (AVG art. 13: controller, FG, privacy statement,
# retention), all fictional.
SETTINGS = {
    "gemeente_naam": "Gemeente Voorbeeldstad",
    "team_naam": "Sociaal wijkteam Noord",
    "team_telefoon": "0000 000 000",
    "team_email": "wijkteam.noord@example.org",
    "team_adres": "Postbus 1, 9999 ZZ Voorbeeldstad",
    "medewerker_functie": "wijkteammedewerker Jeugd",
    "fg_naam": "Fictieve FG A. de Wit",
    "fg_email": "fg@example.org",
    "fg_telefoon": "0000 000 001",
    "privacyverklaring": "www.example.org/privacy",
    "bewaartermijn_dossier": "15 jaar na het einde van de hulp",
    "bewaartermijn_verklaring": "zo lang als het dossier",
}

CHILD = "Zoë Ğüneş"
PARENTS = ("Ayşe Yılmaz", "François Cœur")
ADULT = "Fictieve Wim Wiśniewski"
MENTOR = "Fictieve mentor Els de Vries"
BEWINDVOERDER = "Fictief Bewindbureau Noord, J. Jansen"
GP_NAME = "Huisartsenpraktijk De Linde"
YOUTH_CARE_NAME = "Jeugdhulp Het Anker"
SCHOOL_NAME = "Basisschool De Regenboog"
DEBT_NAME = "Schuldhulp Voorbeeldstad"
PURPOSE = "Fictief doel: passende hulp kiezen"


def fill_settings(session: Session) -> None:
    assert SettingsService(session).save(SETTINGS) == []


def today(session: Session) -> dt.date:
    """The worker's local date, as the services use it."""
    return session.now().astimezone().date()


def record_value(requirement: RecordRequirement, items: tuple[str, ...], day: dt.date) -> str:
    """A valid record of each kind, for a generated path."""
    values = {
        RecordKind.REASON_NOT_INFORMING: "bescherming_betrokkene",
        RecordKind.LEGAL_GROUND: "conflict_van_plichten",
        RecordKind.ANONYMISED: "ja",
        RecordKind.INFORM_AFTER: day.isoformat(),
        RecordKind.NARROWED_ITEMS: items[0],  # "share less" must take something away
    }
    return values.get(requirement.kind, "Fictief")


def walk(service: DataRequestService, request_id: str,
         wanted: Callable[[ProtocolPath], bool]) -> Weighing:
    """The first generated path of the chosen protocol, for this request (in the texts of its
    direction, with the worker's registration), that fits."""
    request = service.get(request_id).request
    graph = service.protocol().for_direction(request.direction)
    for path in enumerate_paths(graph, service.context_of(request)):
        if wanted(path):
            state = Weighing.start(graph)
            for node_id, answer_id in path.steps:
                answer = graph.node(node_id).answer(answer_id)
                assert answer is not None
                records = {r.kind.value: (request.purpose if r.prefill is Prefill.PURPOSE
                                          else record_value(r, request.items,
                                                            today(service.session)))
                           for r in answer.records}  # the purpose typed once, in the request
                state = state.answer(node_id, answer_id, records)
            return state
    raise AssertionError("no generated path matches")


def plain(kind: OutcomeKind) -> Callable[[ProtocolPath], bool]:
    """A path to `kind` without sharing despite an objection or without informing."""
    unwanted = {OutcomeKind.SHARE_DESPITE_OBJECTION, OutcomeKind.SHARE_WITHOUT_INFORMING}
    return lambda p: p.outcome.kind is kind and not (p.effect_kinds & unwanted)


def add_request(session: Session, intake_id: str, organisation_id: str, named: str, *,
                basis: Basis = Basis.VERDIEPING,
                direction: Direction = Direction.REQUEST_FROM,
                items: tuple[str, ...] = ("Fictieve gegevens A", "Fictieve gegevens B"),
                informed: bool = True) -> str:
    """A weighed request (the first generated path that shares), the resident informed: "ja"
    for verdieping, "geïnformeerd" for toetsing."""
    service = DataRequestService(session)
    organisation = service.catalogue().get(organisation_id)
    assert organisation is not None, organisation_id
    request_id = service.create_request(intake_id, direction=direction,
                                        organisation=organisation, purpose=PURPOSE,
                                        items=items, basis=basis, organisation_named=named)
    # Toetsing ends in "informed" (the statutory task), verdieping in consent.
    for kind in (OutcomeKind.WRITTEN_CONSENT_REQUIRED, OutcomeKind.PROCEED_WITH_CONSENT,
                 OutcomeKind.PROCEED_INFORMED):
        try:
            weighing = walk(service, request_id, plain(kind))
        except AssertionError:
            continue
        service.record_weighing(request_id, weighing)
        break
    else:
        raise AssertionError(f"no sharing path for {organisation_id}")
    if informed:
        answer = (ResidentAnswer.GEINFORMEERD if basis is Basis.TOETSING
                  else ResidentAnswer.JA)
        service.record_informing(request_id, Informing(informed=True, answer=answer))
    return request_id


def start(session: Session, name: str, birth: dt.date, answers: dict[str, Any]) -> str:
    intakes = IntakeService(session)
    intake_id = intakes.start_intake(name, birth)
    base: dict[str, Any] = {
        "bezoek_datum": "2026-11-20",
        "bezoek_plaats": "thuis",
        "inwoner_woonplaats": "Voorbeeldstad",
        "hulpvraag": "Fictieve hulpvraag.",
        "zorgen_veiligheid": False,
    }
    intakes.save_answers(intake_id, base | answers)
    return intake_id


def intake_14(session: Session, *, birth: dt.date = dt.date(2012, 5, 3),
              settings: bool = True, custody: bool = True) -> tuple[str, dict[str, str]]:
    """A 14-year-old whose divorced parents both hold custody (checked in the register; one
    lives in the household, the other is named), with a request to the GP (BIG) and to a
    youth-care provider (SKJ), both verdieping, and a toetsing request to the school
    (information only). `custody` False: the household part was not filled in."""
    if settings:
        fill_settings(session)
    answers: dict[str, Any] = {"aanwezig": ["inwoner", "ouders"], "kind_betrokken": True}
    if custody:
        answers |= {
            "huishouden_leden": [
                {"naam": PARENTS[0], "relatie": "ouder", "gezag": True},
            ],
            "gezag_wie": "beide_ouders",
            "gezag_namen": f"{PARENTS[0]} en {PARENTS[1]}",
            "gezag_gecontroleerd": "gezagsregister",
        }
    intake_id = start(session, CHILD, birth, answers)
    requests = {
        "huisarts": add_request(session, intake_id, "huisarts", GP_NAME),
        "jeugd": add_request(session, intake_id, "jeugdzorgaanbieder", YOUTH_CARE_NAME),
        "school": add_request(session, intake_id, "school", SCHOOL_NAME, basis=Basis.TOETSING),
    }
    return intake_id, requests


def intake_adult(session: Session, *, representation: str = "mentorschap",
                 representative: str = MENTOR) -> tuple[str, dict[str, str]]:
    """An adult with a mentor (from the intake's answers) and a debt: a request to the GP
    (BIG, verdieping) and one to the debt counselling (about money, verdieping)."""
    fill_settings(session)
    intake_id = start(session, ADULT, dt.date(1961, 3, 14), {
        "aanwezig": ["inwoner"],
        "vertegenwoordiging": representation,
        "vertegenwoordiger_naam": representative,
    })
    requests = {
        "huisarts": add_request(session, intake_id, "huisarts", GP_NAME),
        "schulden": add_request(session, intake_id, "schuldhulpverlening", DEBT_NAME),
    }
    return intake_id, requests

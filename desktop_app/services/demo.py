"""Synthetic, clearly fictional residents and intakes for `wijkteam-intake demo` and `bench`.

Every name is invented and the BSNs are the public test numbers; nothing here is a real person.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Iterator

from desktop_app.services.intakes import IntakeService
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


def fill_demo(session: Session, count: int = 24, seed: int = 2026,
              answers_per_intake: int | None = None) -> list[str]:
    """Create `count` fictional residents with intakes in all states. Returns intake ids."""
    rng = random.Random(seed)
    service = IntakeService(session)
    today = session.now().date()
    form = service.forms.current()
    long_texts = [f.id for f in form.fields if f.type.value == "long_text"]
    ids: list[str] = []
    for index in range(count):
        age_years = rng.choice((9, 13, 15, 17, 34, 45, 58, 71, 83))
        birth = today - dt.timedelta(days=int(age_years * 365.25) + rng.randint(0, 300))
        days_back = rng.choice((0, 1, 3, 8, 20)) if answers_per_intake is None else 0
        with _clock_shifted(session, days_back):
            intake_id = service.start_intake(fictional_name(rng), birth)
            answers: dict[str, object] = {
                "bezoek_datum": (today - dt.timedelta(days=days_back)).isoformat(),
                "bezoek_plaats": "thuis",
                "hulpvraag": rng.choice(REQUESTS),
                "inwoner_woonplaats": "Zwolle",
                "inwoner_telefoon": "06-12345678",
            }
            if index % 3 == 0:
                answers["inwoner_bsn"] = TEST_BSNS[index % len(TEST_BSNS)]
            if answers_per_intake:
                extra = [f for f in long_texts if f not in answers]
                for field_id in extra[: max(0, answers_per_intake - len(answers) - 2)]:
                    answers[field_id] = f"Aantekening: {rng.choice(REQUESTS)}"
            service.save_answers(intake_id, answers)
            state = index % 6
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

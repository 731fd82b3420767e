"""The demo profile (`wijkteam-intake demo`): fictional residents, and a fictional
municipality whose settings let a consent statement be printed (AVG art. 13 needs the FG, the
privacy statement and the retention periods on the paper)."""

from __future__ import annotations

from typing import Any

from desktop_app.services.consent import ConsentService
from desktop_app.services.demo import DEMO_SETTINGS, fill_demo, fill_demo_settings
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

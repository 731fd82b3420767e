"""Issue 15: the keys and clicks a worker needs for the three example requests (huisarts,
school, woningcorporatie) in both protocols, walked with the keyboard only (tests/gui/
typing_effort.py). Each walk must end where the request waits for a signature or can be marked
as sent, with what was typed stored; the counts are printed as a table (no bounds yet: they
come after the redesign)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.domain.protocols import RecordKind
from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel
from desktop_app.gui.shared.style import apply_style
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from tests.gui.typing_effort import (
    WalkResult,
    all_walks,
    table,
    walk,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def session(profile) -> Iterator[Session]:
    apply_style(QApplication.instance())
    session = Session(profile)
    yield session
    session.lock()


def check_end_state(service: DataRequestService, result: WalkResult) -> None:
    """The status the example must reach, and the request and weighing hold what was typed."""
    example = result.example
    row = service.get(result.request_id)
    where = f"{example.key}) {result.protocol}"
    assert row.status is example.status, f"{where}: {row.status}"
    assert row.can_send is example.can_send, f"{where}: can_send {row.can_send}"
    request = row.request
    assert request.organisation.id == example.organisation_id
    assert request.direction is example.direction and request.basis is example.basis
    assert request.organisation_named == example.named
    assert request.purpose == example.purpose
    assert request.items == example.items
    weighing = request.valid_weighing
    assert weighing is not None and weighing.protocol_id == result.protocol
    # Every text typed in the wizard is in the recorded weighing.
    assert set(result.effort.records_typed) <= set(weighing.records_of(RecordKind.MOTIVATION))
    assert request.informing is not None and request.informing.answer is example.resident
    assert result.effort.dialogs == 2 and result.effort.finish_presses == 2, where


def test_keyboard_walks_of_the_three_examples(qtbot, session: Session, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    service = DataRequestService(session)
    results: list[WalkResult] = []
    for protocol, example in all_walks():
        service.set_protocol(protocol)
        intake_id = IntakeService(session).start_intake(f"Fictieve inwoner {example.key}")
        panel = DataRequestsPanel(session, intake_id, "nl", service=service)
        qtbot.addWidget(panel)
        panel.resize(1240, 780)
        panel.show()
        panel.activateWindow()
        qtbot.waitUntil(panel.isActiveWindow)
        result = walk(qtbot, panel, example, protocol)
        check_end_state(service, result)
        results.append(result)
        panel.close()

    report = table(results, "Keys and clicks per example request (keyboard only)")
    (tmp_path / "typing_effort.md").write_text(report, encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "typing_effort.md").write_text(report, encoding="utf-8")
    with capsys.disabled():
        print("\n" + report)

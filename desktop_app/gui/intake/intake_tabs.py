"""The tabs of an intake after the conversation itself. Each panel is a QWidget built as
`Panel(session, intake_id, lang)` with `refresh()` (called when its tab is shown) and a
`changed` signal (so the other tabs refresh: e.g. a signed statement unlocks a data request).
A panel may also have `destroyed_intake` (Signal(str)): the intake no longer exists and the
whole intake view must close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop_app.services.session import Session

PanelFactory = Callable[[Session, str, str], QWidget]


def panel_factories() -> list[tuple[str, str, PanelFactory]]:
    """(tab title, English tab title, factory) in tab order. Imported here, when an intake
    opens, not at start-up. The view shows `QCoreApplication.translate("IntakeView", title)`
    (the .ts holds the English; the second item is only a readable reminder of it)."""
    from desktop_app.gui.consent.consent_panel import ConsentPanel
    from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel
    from desktop_app.gui.resident_report.resident_report_panel import ResidentReportPanel
    from desktop_app.gui.transfer.transfer_panel import TransferPanel

    return [
        (QT_TRANSLATE_NOOP("IntakeView", "Gegevensver&zoeken"), "Data re&quests",
         DataRequestsPanel),
        (QT_TRANSLATE_NOOP("IntakeView", "&Toestemming"), "C&onsent", ConsentPanel),
        (QT_TRANSLATE_NOOP("IntakeView", "Verslag &inwoner"), "Report for the &resident",
         ResidentReportPanel),
        (QT_TRANSLATE_NOOP("IntakeView", "&Overdracht"), "&Transfer", TransferPanel),
    ]

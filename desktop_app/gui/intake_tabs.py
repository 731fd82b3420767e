"""The tabs of an intake after the conversation itself. Each panel is a QWidget built as
`Panel(session, intake_id, lang)` with `refresh()` (called when its tab is shown) and a
`changed` signal (so the other tabs refresh: e.g. a signed statement unlocks a data request).
A panel may also have `destroyed_intake` (Signal(str)): the intake no longer exists and the
whole intake view must close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.services.session import Session

PanelFactory = Callable[[Session, str, str], QWidget]


def panel_factories() -> list[tuple[str, str, PanelFactory]]:
    """(tab title nl, tab title en, factory) in tab order. Imported here, when an intake opens,
    not at start-up."""
    from desktop_app.gui.consent_panel import ConsentPanel
    from desktop_app.gui.data_requests_panel import DataRequestsPanel
    from desktop_app.gui.transfer_panel import TransferPanel

    return [
        ("Gegevensver&zoeken", "Data re&quests", DataRequestsPanel),
        ("&Toestemming", "C&onsent", ConsentPanel),
        ("&Overdracht", "&Transfer", TransferPanel),
    ]

"""The consent part of the conversation, read-only, as the data requests say it (issue 19): in
the section "Gegevens en toestemming" of the intake screen, one block per request with the
organisation, the direction, the basis, the weighing's outcome, the consent, and whether the
holder of the data has professional secrecy (services/readiness.consent_overview_for). The
worker changes it on the data requests tab, never here: typed twice, it could contradict."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.consent_overview import ConsentLine
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.disposal import empty_layout
from desktop_app.gui.shared.i18n import current_language, text
from desktop_app.messages import MessageError
from desktop_app.services.readiness import consent_overview_for
from desktop_app.services.session import Session

# The section of the gespreksformulier (version 4) the summary belongs to.
CONSENT_SECTION = "gegevens_toestemming"


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ConsentSummary(QFrame):
    open_requests = Signal()  # the worker wants to change it: the data requests tab

    def __init__(self, session: Session, intake_id: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.session = session
        self.intake_id = intake_id
        self.lines: tuple[ConsentLine, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        title = wrapped_label(self.tr("Toestemming en beroepsgeheim, volgens de "
                                      "gegevensverzoeken"), "sectionTitle")
        hint = wrapped_label(self.tr(
            "Dit volgt uit de gegevensverzoeken en de toestemmingsverklaringen. Je vult het "
            "hier niet in. Klopt er iets niet? Pas het verzoek aan."), "hint")
        layout.addWidget(title)
        layout.addWidget(hint)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(8)
        layout.addLayout(self.rows)
        self.button = QPushButton(self.tr("Naar de &gegevensverzoeken"))
        self.button.setAccessibleName(self.tr("Naar de gegevensverzoeken"))
        self.button.clicked.connect(self.open_requests.emit)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.lines = consent_overview_for(self.session, self.intake_id)
        except (MessageError, KeyError):
            self.lines = ()  # a destroyed or unreadable intake: the view says so elsewhere
        empty_layout(self.rows)
        if not self.lines:
            self.rows.addWidget(wrapped_label(self.tr(
                "Er zijn nog geen gegevensverzoeken. Er is dus ook geen toestemming nodig."),
                "hint"))
            return
        for line in self.lines:
            self.rows.addWidget(self._block(line))

    def _block(self, line: ConsentLine) -> QWidget:
        secrecy = (self.tr("ja, {0}").format(text(line.secrecy.label))
                   if line.holder_has_secrecy else self.tr("nee"))
        facts = (
            (self.tr("Richting en grond"),
             f"{text(line.direction.label)} · {text(line.basis.label)}"),
            (self.tr("Afweging"), text(line.outcome)),
            (self.tr("Toestemming"), text(line.consent.label)),
            (self.tr("Beroepsgeheim bij wie de gegevens heeft"), secrecy),
        )
        shown = "".join(f"<br>{_escape(name)}: <b>{_escape(value)}</b>" for name, value in facts)
        organisation = line.organisation.get(current_language())
        label = QLabel(f"<b>{_escape(organisation)}</b>{shown}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Screen readers get the whole line as one sentence.
        label.setAccessibleName(text(line.message))
        label.setProperty("consentLine", line.request_id)
        if line.consent.refused:
            label.setStyleSheet("border-left: 3px solid #a4262c; padding-left: 6px;")
        else:
            label.setStyleSheet("border-left: 3px solid #c8ced6; padding-left: 6px;")
        return label

"""Signing a consent statement on the screen, when there is no printer at the kitchen table.

The worker hands the laptop to the resident (and the parents). The dialog shows the statement's
own text page by page in large type (the text the statement's hash covers, from the service),
then one page per signer: Ja/Nee per item that signer decides on, and a signature field for
mouse, pen or finger. The last page is the worker's: check, place of signing, save. The service
records the choices exactly as for paper and stores the signed PDF, built in memory.

Ja/Nee, Volgende and Vorige work with the keyboard; only the signature needs a pointer. The
resident is "u" on the pages the resident reads; the worker is "je".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.consent import Choice, ItemOutcome, format_date_long
from desktop_app.domain.consent_screen import ScreenPage, ScreenSignature, ScreenSigning
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.flow_layout import flow_row
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.messages import MessageError
from desktop_app.services.consent import (
    ConsentService,
    ScreenItem,
    ScreenStatement,
    SignerInfo,
)

# The statement's text at this many times the dialog's font: large enough to read from a
# laptop on the kitchen table without leaning in.
_READING_SCALE = 1.35


class SignaturePad(QWidget):
    """A field to sign in with the mouse, a pen (QTabletEvent) or a finger (touch). The
    strokes are kept as vector points in memory, in the pad's own pixels; nothing is saved.
    `changed` is emitted after every stroke and after `clear()`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(320, 130)
        self.setMaximumHeight(300)  # a signature is wide, not tall; the rest stays in view
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[QPointF]] = []
        self._drawing = False
        self.hint = self.tr("Teken hier uw handtekening")

    # -- what was drawn ----------------------------------------------------------------------
    def strokes(self) -> tuple[tuple[tuple[float, float], ...], ...]:
        return tuple(tuple((p.x(), p.y()) for p in stroke) for stroke in self._strokes)

    def has_signature(self) -> bool:
        return any(len(stroke) >= 2 for stroke in self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    # -- input ---------------------------------------------------------------------------------
    def _begin(self, point: QPointF) -> None:
        self._strokes.append([self._inside(point)])
        self._drawing = True
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append(self._inside(point))
            self.update()

    def _end(self, point: QPointF) -> None:
        if self._drawing:
            self._extend(point)
            self._drawing = False
            self.changed.emit()

    def _inside(self, point: QPointF) -> QPointF:
        return QPointF(min(max(point.x(), 0.0), float(self.width())),
                       min(max(point.y(), 0.0), float(self.height())))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the same movement as mouse events.
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel) and isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                # One finger signs; a second one (the palm) is ignored.
                where = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(where)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(where)
                else:
                    self._end(where)
            event.accept()
            return True
        return super().event(event)

    # -- drawing -------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        room = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(room, QColor("#FFFFFF"))
        painter.setPen(QPen(QColor("#1F3A5F"), 2 if self.hasFocus() else 1))
        painter.drawRect(room)
        line = self.fontMetrics().height()
        base = self.height() - line - 10
        painter.setPen(QPen(QColor("#9AA7B8"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(16, base, self.width() - 16, base)
        if not self._strokes:
            painter.setPen(QColor("#5A6472"))
            painter.drawText(QRectF(16, base + 4, self.width() - 32, line + 4),
                             Qt.AlignmentFlag.AlignLeft, self.hint)
        painter.setPen(QPen(QColor("#1A1A1A"), 2.4, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)
        painter.end()


class _SignerPage(QWidget):
    """One signer: Ja/Nee per item this signer decides on, then the signature."""

    changed = Signal()

    def __init__(self, signer: SignerInfo, items: tuple[ScreenItem, ...], when: str,
                 place: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signer = signer
        self.groups: dict[int, QButtonGroup] = {}
        self.buttons: dict[int, tuple[QRadioButton, QRadioButton]] = {}
        name = text(signer.label)
        title = wrapped_label(self.tr("Nu kiest en tekent: {0}").format(name), "readingTitle")
        lead = QLabel(self.tr("Kies bij elk onderdeel ja of nee. Zet daarna uw handtekening in "
                              "het vak. Alleen {0} kiest en tekent op deze pagina.")
                      .format(signer.name))
        lead.setWordWrap(True)
        choices = QGridLayout()
        choices.setHorizontalSpacing(16)
        choices.setVerticalSpacing(18)  # one item clearly apart from the next
        row = 0
        for item in items:
            if signer.index not in item.deciders:
                continue
            label = QLabel(item.organisation)
            label.setWordWrap(True)
            # The printed (Dutch) words; in the English UI the English beside them.
            english = current_language() == "en" and item.yes_en
            yes = QRadioButton((f"{item.yes}\n({item.yes_en})" if english else item.yes)
                               .replace("&", "&&"))
            no = QRadioButton((f"{item.no}\n({item.no_en})" if english else item.no)
                              .replace("&", "&&"))
            yes.setAccessibleName(f"{item.organisation}: {item.yes}")
            no.setAccessibleName(f"{item.organisation}: {item.no}")
            group = QButtonGroup(self)
            group.addButton(yes)
            group.addButton(no)
            group.buttonToggled.connect(lambda *_a: self.changed.emit())
            self.groups[item.index] = group
            self.buttons[item.index] = (yes, no)
            choices.addWidget(label, row, 0)
            # Wraps under each other at a large font instead of widening the page.
            choices.addWidget(flow_row([yes, no], spacing=16), row, 1)
            row += 1
        choices.setColumnStretch(0, 2)
        choices.setColumnStretch(1, 3)
        self.pad = SignaturePad()
        self.pad.setAccessibleName(self.tr("Handtekening van {0}").format(signer.name))
        self.pad.changed.connect(self.changed)
        self.again = QPushButton(self.tr("&Opnieuw"))
        self.again.setToolTip(self.tr("Veeg de handtekening uit en teken opnieuw"))
        self.again.clicked.connect(self.pad.clear)
        self.when = wrapped_label(name="hint")
        self.set_when(when, place)
        foot = QHBoxLayout()
        foot.addWidget(self.when, 1)
        foot.addWidget(self.again)

        if not row:
            # Nothing to choose (also the verslag voor de inwoner): only the signature.
            title.setText(self.tr("Nu tekent: {0}").format(name))
            lead.setText(self.tr("U hoeft hier niets te kiezen. Zet uw handtekening in het "
                                 "vak. Alleen {0} tekent op deze pagina.").format(signer.name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(lead)
        if row:
            layout.addLayout(choices)
        sign_label = QLabel(self.tr("Uw handtekening:"))
        sign_label.setBuddy(self.again)
        layout.addWidget(sign_label)
        layout.addWidget(self.pad, 1)
        layout.addLayout(foot)

    def set_when(self, when: str, place: str) -> None:
        self.when.setText(self.tr("Datum en tijd: {0}. Plaats: {1}.").format(
            when, place or self.tr("nog niet ingevuld")))

    def choices(self) -> dict[int, Choice]:
        chosen: dict[int, Choice] = {}
        for index, (yes, no) in self.buttons.items():
            if yes.isChecked():
                chosen[index] = Choice.JA
            elif no.isChecked():
                chosen[index] = Choice.NEE
        return chosen

    def missing(self) -> str | None:
        """What this signer still has to do, said to the signer ("u")."""
        if len(self.choices()) < len(self.buttons):
            return self.tr("Kies bij elk onderdeel ja of nee.")
        if not self.pad.has_signature():
            return self.tr("Zet uw handtekening in het vak.")
        return None

    def signature(self) -> ScreenSignature:
        return ScreenSignature(self.signer.index, self.choices(), self.pad.strokes(),
                               float(self.pad.width()), float(self.pad.height()))

    def first_field(self) -> QWidget:
        for yes, _no in self.buttons.values():
            return yes
        return self.again


class SignOnScreenDialog(QDialog):
    """`SignOnScreenDialog(service, screen, now, parent)`: `now` gives the worker's local time
    (the session clock). Accepted after the service recorded the signatures; `outcomes` then
    holds what each item now allows."""

    def __init__(self, service: ConsentService, screen: ScreenStatement,
                 now: Callable[[], dt.datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signOnScreen")
        self.service = service
        self.screen_statement = screen
        self.now = now
        self.outcomes: dict[int, ItemOutcome] = {}
        self.setWindowTitle(self.tr("Verklaring {0} tekenen op het scherm").format(
            screen.document_number))

        self.worker_note = wrapped_label(self.tr(
            "Geef de laptop aan de inwoner. Lees zo nodig samen. Ieder die tekent kiest op een "
            "eigen pagina ja of nee en tekent met muis, pen of vinger. Op de laatste pagina "
            "controleer je alles en sla je op."), "hint")

        self.stack = QStackedWidget()
        self.text_pages = [self._text_page(page) for page in screen.pages]
        for page in self.text_pages:
            self.stack.addWidget(page)
        when = self._when()
        self.signer_pages = [_SignerPage(s, screen.items, when, screen.place)
                             for s in screen.signers]
        for page in self.signer_pages:
            page.changed.connect(self._clear_problem)
            self.stack.addWidget(self._reading(page))
        self.check_page = self._check_page()
        self.stack.addWidget(self.check_page)

        self.page_label = QLabel()
        self.page_label.setObjectName("hint")
        self.problem = wrapped_label(name="error")
        self.problem.hide()
        self.back_button = QPushButton(self.tr("&Vorige"))
        self.next_button = QPushButton(self.tr("Vol&gende"))
        self.next_button.setObjectName("primary")
        self.save_button = QPushButton(self.tr("Op&slaan"))
        self.save_button.setObjectName("primary")
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.forward)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.page_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.worker_note)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self._fit()
        self._show(0)

    # -- layout ------------------------------------------------------------------------------
    def _fit(self) -> None:
        """As large as the screen allows, never beyond it: the buttons always in view."""
        screen = self.screen()
        if screen is None:
            self.resize(1000, 700)
            return
        room = screen.availableGeometry()
        # A title bar and frame take some room the available geometry does not count.
        width, height = min(1100, room.width() - 24), room.height() - 64
        self.resize(width, height)
        self.move(room.x() + (room.width() - width) // 2, room.y() + 24)

    def _reading_sheet(self) -> str:
        """Large type for what the signers read and tick, relative to the worker's own text
        size (a style sheet: the application's sheet would win over a font set in code)."""
        size = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10.0
        body, title = round(size * _READING_SCALE, 1), round(size * _READING_SCALE * 1.3, 1)
        box = round(size * _READING_SCALE * 1.5)
        return (f"QLabel, QRadioButton {{ font-size: {body:g}pt; }}"
                f" QRadioButton::indicator {{ width: {box}px; height: {box}px; }}"
                f" QLabel#readingTitle {{ font-size: {title:g}pt; font-weight: 600;"
                f" color: #143a5c; }}")

    def _reading(self, body: QWidget) -> QScrollArea:
        """A page in large type that scrolls when it is long."""
        body.setStyleSheet(self._reading_sheet())
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(body)
        return area

    def _text_page(self, page: ScreenPage) -> QScrollArea:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(10)
        title = wrapped_label(page.title, "readingTitle")
        layout.addWidget(title)
        for block in page.blocks:
            parts = []
            if block.heading:
                parts.append(f"<b>{_html(block.heading)}</b>")
            if block.text:
                parts.append(_html(block.text))
            if block.bullets:
                parts.append("<ul style='margin:0'>" + "".join(
                    f"<li>{_html(b)}</li>" for b in block.bullets) + "</ul>")
            label = QLabel("<br/>".join(parts) if not block.bullets else " ".join(parts))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)
        layout.addStretch(1)
        return self._reading(body)

    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(10)
        title = QLabel(self.tr("Voor jou: controleer en sla op"))
        title.setObjectName("sectionTitle")
        self.check_lead = lead = QLabel(self.tr(
            "Neem de laptop terug. Kijk of iedereen heeft gekozen en getekend. Vul de plaats "
            "in als die leeg is. Na 'Opslaan' maakt het programma de getekende verklaring; die "
            "kun je daarna bekijken met 'Voorbeeld bekijken'."))
        lead.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        place_label = QLabel(self.tr("&Plaats van ondertekening"))
        self.place_edit = QLineEdit(self.screen_statement.place)
        self.place_edit.setAccessibleName(self.tr("Plaats van ondertekening"))
        self.place_edit.setMaxLength(60)
        place_label.setBuddy(self.place_edit)
        self.place_edit.textChanged.connect(self._update_when)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(self.summary)
        layout.addWidget(place_label)
        layout.addWidget(self.place_edit)
        layout.addStretch(1)
        return page

    # -- moving through the pages ------------------------------------------------------------
    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        last = index == self.stack.count() - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.save_button.setVisible(last)
        (self.save_button if last else self.next_button).setDefault(True)
        self.page_label.setText(self.tr("Pagina {0} van {1}").format(index + 1,
                                                                    self.stack.count()))
        self._clear_problem()
        signer = self._signer_at(index)
        if signer is not None:
            signer.set_when(self._when(), self.place_edit.text().strip())
            signer.first_field().setFocus()
        elif last:
            self.summary.setText(self._summary_html())
            self.place_edit.setFocus()
        else:
            self.next_button.setFocus()

    def _signer_at(self, index: int) -> _SignerPage | None:
        first = len(self.text_pages)
        if first <= index < first + len(self.signer_pages):
            return self.signer_pages[index - first]
        return None

    def forward(self) -> None:
        index = self.stack.currentIndex()
        signer = self._signer_at(index)
        if signer is not None:
            missing = signer.missing()
            if missing:
                self._say(missing)
                return
        if index < self.stack.count() - 1:
            self._show(index + 1)

    def back(self) -> None:
        index = self.stack.currentIndex()
        if index > 0:
            self._show(index - 1)

    def go_to_signer(self, number: int) -> None:
        """Straight to a signer's page (tests, and after a refusal names one)."""
        self._show(len(self.text_pages) + number)

    # -- the end -------------------------------------------------------------------------------
    def _when(self) -> str:
        moment = self.now()
        day = (f"{moment.day} {_MONTHS_EN[moment.month - 1]} {moment.year}"
               if current_language() == "en" else format_date_long(moment.date()))
        return f"{day}, {moment:%H:%M}"

    def _update_when(self) -> None:
        for page in self.signer_pages:
            page.set_when(self._when(), self.place_edit.text().strip())

    def _summary_html(self) -> str:
        lines = []
        names = {i.index: i.organisation for i in self.screen_statement.items}
        for page in self.signer_pages:
            chosen = page.choices()
            words = [f"{_html(names[i])}: "
                     + (self.tr("ja") if c is Choice.JA else self.tr("nee"))
                     for i, c in sorted(chosen.items())]
            signed = (self.tr("heeft getekend") if page.pad.has_signature()
                      else self.tr("heeft nog niet getekend"))
            lines.append(f"<b>{_html(text(page.signer.label))}</b> {signed}"
                         + (f"<br/>{'; '.join(words)}" if words else ""))
        lines.append(self.tr("Datum en tijd: {0}").format(self._when()))
        return "<br/><br/>".join(lines)

    def signing(self) -> ScreenSigning:
        return ScreenSigning(self.now(), self.place_edit.text(),
                             self.screen_statement.text_hash,
                             tuple(page.signature() for page in self.signer_pages))

    def save(self) -> None:
        for number, page in enumerate(self.signer_pages):
            missing = page.missing()
            if missing:
                self.go_to_signer(number)
                self._say(missing)
                return
        try:
            self.outcomes = self.service.sign_on_screen(self.screen_statement.statement_id,
                                                        self.signing())
        except MessageError as err:  # ConsentProblem: say why; the dialog stays open
            self._say(error_text(err))
            return
        self.accept()

    def _say(self, words: str) -> None:
        self.problem.setText(words)
        self.problem.show()

    def _clear_problem(self) -> None:
        self.problem.hide()


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def _html(words: str) -> str:
    # A line break in the text (the verslag voor de inwoner has them) stays a line break.
    return (words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>"))


__all__ = ["SignOnScreenDialog", "SignaturePad"]

"""Caseload: the worker's residents and their intakes, searchable as you type."""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import operator
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.people import birth_date_problem, parse_date
from desktop_app.domain.text import fold
from desktop_app.gui.shared.dialog_parts import buddy_form, error_label, ok_cancel, wrapped_label
from desktop_app.gui.shared.i18n import error_text, text
from desktop_app.gui.shared.style import ERROR, WARNING
from desktop_app.messages import Message, MessageError
from desktop_app.services.intakes import (
    STATUS_LABELS,
    CaseloadRow,
    IntakeService,
    resident_name_checked,
)

Index = QModelIndex | QPersistentModelIndex
COLUMN_COUNT = 6
DEADLINE_COLUMN, AGE_COLUMN = 3, 4
_DISPLAY, _ACCESSIBLE_TEXT, _FOREGROUND, _USER = (
    Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.AccessibleTextRole.value,
    Qt.ItemDataRole.ForegroundRole.value, Qt.ItemDataRole.UserRole.value)
_ROLES = frozenset((_DISPLAY, _ACCESSIBLE_TEXT, _FOREGROUND, _USER))
# Read in C for every row at unlocking (a generator expression costs a Python step a row).
_SEARCH_NAME, _NAME = operator.attrgetter("search_name"), operator.attrgetter("resident_name")


def column_titles() -> tuple[str, ...]:
    """Translated when asked for (not at import: the language is chosen after start-up)."""
    return (QCoreApplication.translate("CaseloadModel", "Naam"),
            QCoreApplication.translate("CaseloadModel", "Geboortedatum"),
            QCoreApplication.translate("CaseloadModel", "Status"),
            # Wmo 2015 art. 2.3.2 lid 1: six weeks after the melding.
            QCoreApplication.translate("CaseloadModel", "Onderzoek klaar vóór"),
            QCoreApplication.translate("CaseloadModel", "Concept sinds"),
            QCoreApplication.translate("CaseloadModel", "Laatst gewijzigd"))


def _dutch_date(iso: str | None) -> str:
    if not iso:
        return "—"
    try:
        return dt.date.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return iso


def _age_text(row: CaseloadRow) -> str:
    days = row.age_days
    shown = (QCoreApplication.translate("CaseloadModel", "vandaag") if days == 0
             else QCoreApplication.translate("CaseloadModel", "1 dag") if days == 1
             else QCoreApplication.translate("CaseloadModel", "{n} dagen").format(n=days))
    if row.too_old:
        shown += QCoreApplication.translate("CaseloadModel", " — te oud, zet over naar het dossier")
    return shown


def _deadline_text(row: CaseloadRow) -> str:
    """"20-01-2027", or with a mark when it has passed or is at most a week away: in words,
    not only in colour."""
    due = row.assessment_due
    if due is None or row.due_in_days is None:
        return "—"
    if row.due_in_days < 0:
        return text(Message("intake.deadline.overdue", date=due))
    if row.deadline_near:
        return text(Message("intake.deadline.soon", date=due, n=row.due_in_days))
    return due.strftime("%d-%m-%Y")


def _deadline_text_sample() -> str:
    return text(Message("intake.deadline.soon", date=dt.date(2026, 12, 30), n=7))


def _age_text_sample() -> str:
    return (QCoreApplication.translate("CaseloadModel", "{n} dagen").format(n=120)
            + QCoreApplication.translate("CaseloadModel",
                                         " — te oud, zet over naar het dossier"))


class CaseloadModel(QAbstractTableModel):
    """All of the worker's rows. A row's display strings are made when the view first asks for
    them and then kept: the view asks only for the rows on screen (a few dozen), but for each
    of them hundreds of times, and every call crosses into Python. Making them for every row
    at unlocking cost 40 µs a row (0.4 s for 10,000 residents) for rows nobody scrolls to."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CaseloadRow] = []
        self._display: list[tuple[str, ...] | None] = []
        self.titles = column_titles()

    def set_rows(self, rows: list[CaseloadRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._display = [None] * len(rows)
        self.endResetModel()

    def display(self, row: int) -> tuple[str, ...]:
        shown = self._display[row]
        if shown is None:
            r = self.rows[row]
            shown = self._display[row] = (
                r.resident_name,
                _dutch_date(r.birth_date),
                text(r.status_label),
                _deadline_text(r),
                _age_text(r) if r.status != "overgedragen" else "—",
                r.updated_at.astimezone().strftime("%d-%m-%Y %H:%M"),
            )
        return shown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = {
            0: lambda r: r.search_name,
            1: lambda r: r.birth_date or "",
            2: lambda r: r.status,
            # Without a deadline (none known, or transferred) after every date.
            3: lambda r: (r.assessment_due is None, r.assessment_due or dt.date.min),
            4: lambda r: r.age_days,
            5: lambda r: r.updated_at,
        }
        key = keys.get(column, keys[0])
        self.layoutAboutToBeChanged.emit()
        paired = sorted(zip(self.rows, self._display, strict=True), key=lambda p: key(p[0]),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [p[0] for p in paired]
        self._display = [p[1] for p in paired]
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> Any:
        # Roles as plain numbers: most calls are for roles we leave to the style (font,
        # alignment, background, ...), answered after one set look-up.
        if role not in _ROLES:
            return None
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            shown = self._display[row]
            return (shown or self.display(row))[column]
        if role == _FOREGROUND:
            if column == AGE_COLUMN and self.rows[row].too_old:
                return QColor(WARNING)
            if column == DEADLINE_COLUMN and self.rows[row].deadline_near:
                return QColor(ERROR if (self.rows[row].due_in_days or 0) < 0 else WARNING)
            return None
        return self.rows[row]  # _USER


def matching_rows(folded: list[str], words: list[str], among: Iterable[int]) -> list[int]:
    """The rows (of `among`) whose folded name holds every word: one pass in Python per
    keystroke, instead of a call from Qt into Python for each row."""
    if not words:
        return list(among)
    if len(words) == 1:
        word = words[0]
        return [i for i in among if word in folded[i]]
    return [i for i in among if all(w in folded[i] for w in words)]


def narrows(old: list[str], new: list[str]) -> bool:
    """Whether every name the `new` words match was matched by the `old` ones: each old word
    lies within a new word (typing one more letter, or another word). Then only the rows
    shown now need checking."""
    return bool(old) and all(any(o in n for n in new) for o in old)


class CaseloadFilter(QAbstractTableModel):
    """The rows shown: the caseload's rows whose name holds every word typed, ignoring case
    and diacritics ("yilmaz" finds "Yılmaz", "jan de v" finds "Jan de Vries").

    Not a QSortFilterProxyModel: that asks Python, row by row, whether each row passes (a
    median 11 ms a keystroke at 10,000 residents, 43 ms at 50,000). Here the match is one list
    comprehension over the names folded once at unlocking, narrowed to the rows already shown
    while the worker types on, and the view is given the new list in a reset; it then asks
    only for the rows on screen. Sorting is the source model's (one Python sort)."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.shown: list[int] = []  # source rows, in the source's order
        self._source: CaseloadModel | None = None
        self._folded: list[str] = []

    def sourceModel(self) -> CaseloadModel:
        assert self._source is not None
        return self._source

    def setSourceModel(self, model: CaseloadModel) -> None:
        self._source = model
        # Announced before the source changes, so the view can note its selection while the
        # rows are still where they were.
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.layoutAboutToBeChanged.connect(lambda *_: self.beginResetModel())
        model.modelReset.connect(self._source_changed)
        model.layoutChanged.connect(self._source_changed)
        self.beginResetModel()
        self._source_changed()

    def _source_changed(self) -> None:
        model = self.sourceModel()
        self._folded = list(map(_SEARCH_NAME, model.rows))
        self.shown = matching_rows(self._folded, self.words, range(len(self._folded)))
        self.endResetModel()

    def set_query(self, query: str) -> bool:
        """Show the rows matching `query`; False when that changed nothing (a space typed)."""
        words = fold(query).split()
        if words == self.words:
            return False
        among: Iterable[int] = (self.shown if narrows(self.words, words)
                                else range(len(self._folded)))
        shown = matching_rows(self._folded, words, among)
        self.words = words
        if shown == self.shown:
            return False
        self.beginResetModel()
        self.shown = shown
        self.endResetModel()
        return True

    def source_row(self, row: int) -> int:
        return self.shown[row]

    def row_of(self, source_row: int) -> int | None:
        """Where a source row is shown, or None when the search hides it."""
        found = bisect.bisect_left(self.shown, source_row)
        return found if found < len(self.shown) and self.shown[found] == source_row else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.sourceModel().headerData(section, orientation, role)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ROLES:
            return None
        return self.sourceModel().cell(self.shown[index.row()], index.column(), role)


class NewIntakeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe intake"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Naam van de inwoner"))
        self.birth_edit = QLineEdit()
        self.birth_edit.setPlaceholderText(self.tr("dd-mm-jjjj (mag leeg)"))
        # Wide enough for the whole hint, in either language.
        self.birth_edit.setMinimumWidth(
            self.birth_edit.fontMetrics().horizontalAdvance(self.birth_edit.placeholderText())
            + 24)
        self.birth_edit.setAccessibleName(self.tr("Geboortedatum van de inwoner"))
        # Wide enough for a long name and for the whole hint in either language (the hint
        # was cut to "dd-mm-yyyy (may…"): text plus the field's padding, border and margins.
        metrics = self.fontMetrics()
        self.name_edit.setMinimumWidth(metrics.horizontalAdvance("x" * 34))
        self.birth_edit.setMinimumWidth(
            metrics.horizontalAdvance(self.birth_edit.placeholderText()) + 32)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(buddy_form([(self.tr("&Naam van de inwoner:"), self.name_edit),
                                     (self.tr("&Geboortedatum:"), self.birth_edit)]))
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.tr("Intake &starten"), self.tr("&Annuleren"),
                                   self._check, self.reject))
        self.birth_date: dt.date | None = None

    def _check(self) -> None:
        try:
            # The service's own check (empty, a control or invisible character from a paste).
            resident_name_checked(self.name_edit.text())
        except MessageError as err:
            self._fail(self.tr("Fout: {problem}").format(problem=error_text(err)))
            return
        typed = self.birth_edit.text().strip()
        self.birth_date = None
        if typed:
            try:
                birth = parse_date(typed)
            except MessageError as err:  # DateProblem: no date, or one that cannot exist
                self._fail(self.tr("Fout: {problem}").format(problem=error_text(err)))
                return
            problem = birth_date_problem(birth, dt.date.today())
            if problem:
                self._fail(self.tr("Fout: {problem}").format(problem=text(problem)))
                return
            self.birth_date = birth
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class CaseloadView(QWidget):
    open_intake = Signal(str)

    def __init__(self, intakes: IntakeService) -> None:
        super().__init__()
        self.intakes = intakes
        self.setObjectName("caseload")
        title = QLabel(self.tr("Mijn &inwoners"))
        title.setObjectName("sectionTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Zoek op naam…"))
        self.search.setAccessibleName(self.tr("Zoek op naam"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        search_label = QLabel(self.tr("&Zoeken:"))
        search_label.setBuddy(self.search)
        self.new_button = QPushButton(self.tr("&Nieuwe intake"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_intake)
        self.model = CaseloadModel()
        self.proxy = CaseloadFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Inwoners en hun intakes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        title.setBuddy(self.table)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.viewport().installEventFilter(self)
        self.table.activated.connect(self._activated)
        # The search and sorting give the view a new list (a reset): the selected resident
        # stays selected when still shown, as the keyboard user expects.
        self._kept: tuple[int, CaseloadRow] | None = None
        self.proxy.modelAboutToBeReset.connect(self._keep_selection)
        self.proxy.modelReset.connect(self._restore_selection)
        self._longest_names: list[str] = []
        self.warning = wrapped_label(name="notice")
        self.warning.hide()
        self.empty_hint = QLabel(self.tr(
            "Je hebt nog geen intakes. Kies ‘Nieuwe intake’ om te beginnen."))
        self.empty_hint.setObjectName("hint")
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F), self,
                  activated=self.search.setFocus)
        self.search.returnPressed.connect(self._open_first)
        self.refresh()

    def clear(self) -> None:
        """At locking: no resident's name may stay in the list, the filter or the widths."""
        self.model.set_rows([])
        self._longest_names = []
        self.search.clear()

    def refresh(self) -> None:
        try:
            rows = self.intakes.caseload()  # already sorted by name
        except MessageError:
            # Not even the list could be read (a damaged store: the main window's banner says
            # what to do). An empty list, never a window that does not open.
            rows = []
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # the rows are sorted already; do not sort them again
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        old = [r for r in rows if r.too_old]
        if old:
            limit = self.intakes.draft_age_limit_days()
            # The same reminder as after unlocking (the main window leaves that one out: one
            # banner per fact), but live: it goes when the drafts are transferred.
            self.warning.setText(self.tr("Let op: ") + text(Message(
                "pending.old_drafts", n=len(old), limit=Message("pending.days", n=limit),
                oldest=Message("pending.days", n=max(r.age_days for r in old)))))
            self.warning.show()
        else:
            self.warning.hide()
        self.empty_hint.setVisible(not rows)
        # For the name column's width; once per refresh, not at every resize.
        self._longest_names = heapq.nlargest(20, map(_NAME, rows), key=len)
        self._update_count()
        # As wide as the longest count it can show, so a keystroke changes its text but not
        # the layout: otherwise every letter typed resizes the search field and the table
        # and repaints the whole screen.
        widest = self.tr("{shown} van {total}").format(shown=len(rows), total=len(rows))
        self.count_label.setMinimumWidth(
            self.count_label.fontMetrics().horizontalAdvance(widest) + 8)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Column widths from the font, not from all contents (measuring 2,000 rows is slow),
        so they grow with a large system font. The name column takes the room that is left,
        but never less than the longest names need: then the table scrolls sideways."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        samples = ("", "00-00-0000", text(STATUS_LABELS["klaar_voor_overdracht"]),
                   _deadline_text_sample(), _age_text_sample(), "00-00-0000 00:00")
        used = 0
        for column in range(1, COLUMN_COUNT):
            width = max(metrics.horizontalAdvance(samples[column]),
                        header.fontMetrics().horizontalAdvance(self.model.titles[column]) + 24)
            header.resizeSection(column, width + 24)
            used += width + 24
        need = max([metrics.horizontalAdvance(n) for n in self._longest_names]
                   + [metrics.horizontalAdvance("M" * 12)]) + 24
        need = max(need, header.fontMetrics().horizontalAdvance(self.model.titles[0]) + 36)
        header.resizeSection(0, max(need, self.table.viewport().width() - used))
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 12)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _filter(self, query: str) -> None:
        if self.proxy.set_query(query):
            self._update_count()

    def _keep_selection(self) -> None:
        current = self.table.currentIndex()
        self._kept = None
        if current.isValid() and self.table.selectionModel().isSelected(current):
            source_row = self.proxy.source_row(current.row())
            self._kept = (source_row, self.model.rows[source_row])

    def _restore_selection(self) -> None:
        if self._kept is None:
            return
        source_row, kept = self._kept
        self._kept = None
        rows = self.model.rows
        if source_row >= len(rows) or rows[source_row] is not kept:  # sorted, or refreshed
            source_row = next((i for i, r in enumerate(rows) if r is kept), -1)
        row = self.proxy.row_of(source_row) if source_row >= 0 else None
        if row is not None:
            self.table.selectRow(row)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{shown} van {total}").format(shown=shown, total=total)
                                 if shown != total else str(total))

    def _activated(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(row, CaseloadRow):
            self.open_intake.emit(row.intake_id)

    def _open_first(self) -> None:
        if self.proxy.rowCount() == 1:
            self._activated(self.proxy.index(0, 0))
        elif self.proxy.rowCount() > 1:
            self.table.setFocus()
            self.table.selectRow(0)

    def new_intake(self) -> None:
        dialog = NewIntakeDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            intake_id = self.intakes.start_intake(dialog.name_edit.text(), dialog.birth_date)
        except MessageError as err:  # e.g. a broken gespreksformulier (file, line, what)
            QMessageBox.warning(self, self.tr("Nieuwe intake"), error_text(err))
            return
        self.refresh()
        self.open_intake.emit(intake_id)

"""Editors for each field type of a form definition. Every editor has an accessible name (the
field's label), reports changes with `changed`, and shows its own inline message."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.bsn import mask_bsn
from desktop_app.domain.forms import Column, Field, FieldType, RequiredAt, Text


def text_of(text: Text | None, lang: str) -> str:
    return text.get(lang) if text is not None else ""


class FieldEditor(QWidget):
    changed = Signal(str, object)  # field id, value
    focused = Signal(str)  # field id

    def __init__(self, field: Field, lang: str) -> None:
        super().__init__()
        self.field = field
        self.lang = lang
        self.setObjectName(f"field_{field.id}")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._loading = False

    @property
    def label_text(self) -> str:
        label = text_of(self.field.label, self.lang)
        if not self.field.required:
            return label
        if self.field.required_at is RequiredAt.TRANSFER:
            # May stay empty during the conversation; needed before the transfer.
            return label + QCoreApplication.translate("FieldEditor", " (nodig voor overdracht)")
        return label + " *"

    def focus_target(self) -> QWidget:
        return self

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._set(value)
        finally:
            self._loading = False

    def _set(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def _emit(self) -> None:
        if not self._loading:
            self.changed.emit(self.field.id, self.value())

    def _watch_focus(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        widget.setAccessibleName(text_of(self.field.label, self.lang))
        if self.field.help is not None:
            widget.setAccessibleDescription(text_of(self.field.help, self.lang))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self.field.id)
        return False


class TextEditor(FieldEditor):
    def __init__(self, field: Field, lang: str) -> None:
        super().__init__(field, lang)
        self.edit = QLineEdit()
        if field.placeholder is not None:
            self.edit.setPlaceholderText(text_of(field.placeholder, lang))
        if field.type is FieldType.DATE and not self.edit.placeholderText():
            self.edit.setPlaceholderText(QCoreApplication.translate("FieldEditor", "dd-mm-jjjj"))
        self.edit.textEdited.connect(lambda _t: self._emit())
        self._watch_focus(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def focus_target(self) -> QWidget:
        return self.edit

    def _set(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.field.type is FieldType.DATE and len(text) == 10 and text[4] == "-":
            text = f"{text[8:10]}-{text[5:7]}-{text[0:4]}"  # show ISO dates the Dutch way
        self.edit.setText(text)

    def value(self) -> Any:
        text = self.edit.text()
        if self.field.type is FieldType.NUMBER:
            stripped = text.strip().replace(",", ".")
            try:
                return int(stripped) if stripped.lstrip("-").isdigit() else float(stripped)
            except ValueError:
                return text  # kept as typed; validation says what is wrong
        return text


class LongTextEditor(FieldEditor):
    def __init__(self, field: Field, lang: str) -> None:
        super().__init__(field, lang)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)  # keyboard users move on with Tab
        self.edit.setMinimumHeight(90)
        self.edit.setMaximumHeight(220)
        if field.placeholder is not None:
            self.edit.setPlaceholderText(text_of(field.placeholder, lang))
        self.edit.textChanged.connect(self._emit)
        self._watch_focus(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def focus_target(self) -> QWidget:
        return self.edit

    def _set(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def value(self) -> Any:
        return self.edit.toPlainText()


class ChoiceEditor(FieldEditor):
    def __init__(self, field: Field, lang: str) -> None:
        super().__init__(field, lang)
        self.combo = QComboBox()
        self.combo.addItem(QCoreApplication.translate("FieldEditor", "— kies —"), None)
        if field.type is FieldType.YES_NO:
            self.combo.addItem(QCoreApplication.translate("FieldEditor", "Ja"), True)
            self.combo.addItem(QCoreApplication.translate("FieldEditor", "Nee"), False)
        else:
            for choice in field.choices:
                self.combo.addItem(text_of(choice.label, lang), choice.value)
        self.combo.currentIndexChanged.connect(lambda _i: self._emit())
        self._watch_focus(self.combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)

    def focus_target(self) -> QWidget:
        return self.combo

    def items(self) -> list[tuple[str, Any]]:
        """(label, value) of every choice in the order shown, the placeholder first."""
        return [(self.combo.itemText(i), self.combo.itemData(i))
                for i in range(self.combo.count())]

    def put_first(self, preferred: frozenset[Any]) -> None:
        """Show each `preferred` choice before the choices that start with the same letter, so
        typing that letter (the list's type-ahead) picks it; without `preferred` the form's
        own order. Nothing is chosen or changed by this."""
        original = self._original_items()
        order = list(original[1:])
        for item in [i for i in order if i[1] in preferred]:
            order.remove(item)
            first = item[0][:1].casefold()
            at = next((n for n, other in enumerate(order)
                       if other[0][:1].casefold() == first and other[1] not in preferred),
                      len(order))
            order.insert(at, item)
        order.insert(0, original[0])
        if order == self.items():
            return
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        for label, value in order:
            self.combo.addItem(label, value)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.blockSignals(False)

    def _original_items(self) -> list[tuple[str, Any]]:
        if not hasattr(self, "_form_order"):
            self._form_order = self.items()
        return self._form_order

    def _set(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def value(self) -> Any:
        return self.combo.currentData()


class MultiChoiceEditor(FieldEditor):
    def __init__(self, field: Field, lang: str) -> None:
        super().__init__(field, lang)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for choice in field.choices:
            box = QCheckBox(text_of(choice.label, lang))
            box.toggled.connect(lambda _c: self._emit())
            box.installEventFilter(self)
            box.setAccessibleDescription(text_of(field.label, lang))
            layout.addWidget(box)
            self.boxes.append((choice.value, box))

    def focus_target(self) -> QWidget:
        return self.boxes[0][1] if self.boxes else self

    def _set(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for choice_value, box in self.boxes:
            box.setChecked(choice_value in chosen)

    def value(self) -> Any:
        return [v for v, box in self.boxes if box.isChecked()]


class BsnEditor(FieldEditor):
    """The BSN stays hidden (ZW-5) unless the worker asks; each reveal is logged."""

    reveal_requested = Signal(str)

    def __init__(self, field: Field, lang: str) -> None:
        super().__init__(field, lang)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(20)
        self.edit.textEdited.connect(lambda _t: (self._update_mask(), self._emit()))
        self._watch_focus(self.edit)
        self.mask_label = QLabel()
        self.mask_label.setObjectName("hint")
        self.reveal_button = QPushButton(QCoreApplication.translate("FieldEditor", "Toon BSN"))
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.mask_label)
        layout.addWidget(self.reveal_button)

    def focus_target(self) -> QWidget:
        return self.edit

    def _toggle(self, shown: bool) -> None:
        if shown:
            self.reveal_requested.emit(self.field.id)
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown
                              else QLineEdit.EchoMode.Password)
        self.reveal_button.setText(
            QCoreApplication.translate("FieldEditor", "Verberg BSN") if shown
            else QCoreApplication.translate("FieldEditor", "Toon BSN"))

    def hide_value(self) -> None:
        self.reveal_button.setChecked(False)

    def _update_mask(self) -> None:
        text = self.edit.text()
        self.mask_label.setText(mask_bsn(text) if text else "")

    def _set(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))
        self._update_mask()

    def value(self) -> Any:
        return self.edit.text()


class _PersonCellDelegate(QStyledItemDelegate):
    """Choice and yes/no columns get a drop-down (keyboard: F2 or typing opens it, arrows
    choose, Enter keeps); text and date columns a line edit."""

    def __init__(self, editor: PersonListEditor) -> None:
        super().__init__(editor.table)
        self.owner = editor

    def _options(self, column: Column) -> list[tuple[str, Any]]:
        lang = self.owner.lang
        if column.type is FieldType.YES_NO:
            return [(QCoreApplication.translate("FieldEditor", "Ja"), True),
                    (QCoreApplication.translate("FieldEditor", "Nee"), False)]
        return [(text_of(c.label, lang), c.value) for c in column.choices]

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        column = self.owner.columns[index.column()]
        if column.type in (FieldType.CHOICE, FieldType.YES_NO):
            combo = QComboBox(parent)
            combo.addItem("—", None)
            for label, value in self._options(column):
                combo.addItem(label, value)
            combo.setAccessibleName(text_of(column.label, self.owner.lang))
            return combo
        edit = QLineEdit(parent)
        edit.setAccessibleName(text_of(column.label, self.owner.lang))
        if column.type is FieldType.DATE:
            edit.setPlaceholderText("dd-mm-jjjj")
        return edit

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        value = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(editor, QComboBox):
            position = editor.findData(value) if value is not None else 0
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        column = self.owner.columns[index.column()]
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        else:
            value = self.owner._cell_value(column, editor.text())
        model.setData(index, value, Qt.ItemDataRole.UserRole)
        model.setData(index, self.owner._cell_text(column, value), Qt.ItemDataRole.DisplayRole)


class WrappingHeader(QHeaderView):
    """A horizontal header whose titles wrap onto more lines instead of being cut off
    ("Heeft gezag over een kind in huis" in a quarter of the page), as tall as the longest
    title needs at the columns' current widths; no column narrower than its longest word."""

    PADDING = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                 | Qt.TextFlag.TextWordWrap)
        self._measuring = False
        self.sectionResized.connect(self._measure_again)

    def set_titles(self, titles: list[str]) -> None:
        metrics = self.fontMetrics()
        widest_word = max((metrics.horizontalAdvance(word) for title in titles
                           for word in title.split()), default=0)
        self.setMinimumSectionSize(widest_word + self.PADDING)

    def _measure_again(self, *_args: object) -> None:
        # QHeaderView caches its height: a narrower column may need another line.
        if not self._measuring and self.count():
            self._measuring = True
            try:
                self.headerDataChanged(Qt.Orientation.Horizontal, 0, self.count() - 1)
            finally:
                self._measuring = False

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        size = super().sectionSizeFromContents(logical_index)
        model = self.model()
        if model is None:
            return size
        title = str(model.headerData(logical_index, self.orientation()) or "")
        width = max(self.sectionSize(logical_index) - self.PADDING, 1)
        need = self.fontMetrics().boundingRect(QRect(0, 0, width, 10_000),
                                               int(Qt.TextFlag.TextWordWrap), title).height()
        return QSize(size.width(), max(size.height(), need + 10))


class PersonListEditor(FieldEditor):
    def __init__(self, field: Field, lang: str) -> None:
        super().__init__(field, lang)
        self.columns: tuple[Column, ...] = field.columns
        self.table = QTableWidget(0, len(self.columns))
        header = WrappingHeader(self.table)
        self.table.setHorizontalHeader(header)
        titles = [text_of(c.label, lang) for c in self.columns]
        self.table.setHorizontalHeaderLabels(titles)
        for number, column in enumerate(self.columns):
            if column.help is not None:
                header_item = self.table.horizontalHeaderItem(number)
                if header_item is not None:
                    header_item.setToolTip(text_of(column.help, lang))
        header.set_titles(titles)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(130)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # wrapping rows grow, never shrink
        self.table.setItemDelegate(_PersonCellDelegate(self))
        self.table.itemChanged.connect(self._item_changed)
        self._watch_focus(self.table)
        add = QPushButton(QCoreApplication.translate("FieldEditor", "Regel toevoegen"))
        add.setObjectName("addPerson")
        add.clicked.connect(self._add_row)
        remove = QPushButton(
            QCoreApplication.translate("FieldEditor", "Gekozen regel verwijderen"))
        remove.clicked.connect(self._remove_row)
        has_date = any(c.type is FieldType.DATE for c in self.columns)
        hint = QLabel(QCoreApplication.translate(
            "FieldEditor",
            "Typ in een vakje of druk op F2 om het te wijzigen; datum als dd-mm-jjjj.")
            if has_date else QCoreApplication.translate(
                "FieldEditor", "Typ in een vakje of druk op F2 om het te wijzigen."))
        hint.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    def focus_target(self) -> QWidget:
        return self.table

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        self._apply_only_when()
        self.table.resizeRowsToContents()  # a long goal wraps instead of being cut off
        self._emit()

    def _only_when_tip(self, column: Column) -> str:
        condition = column.only_when
        assert condition is not None
        decisive = next(c for c in self.columns if c.id == condition.column)
        values = ", ".join(text_of(c.label, self.lang) for c in decisive.choices
                           if c.value in condition.values)
        return QCoreApplication.translate(
            "FieldEditor", "Vul dit alleen in bij: {values} (kolom '{column}').").format(
            values=values, column=text_of(decisive.label, self.lang))

    def _apply_only_when(self) -> None:
        """A column asked only for some rows (a birth date only for children): its cell is
        disabled for the other rows, with the reason in its tooltip. A cell that already holds
        a value stays editable, so the worker can clear it (validation names the problem)."""
        limited = [(c, column) for c, column in enumerate(self.columns)
                   if column.only_when is not None]
        if not limited:
            return
        self.table.blockSignals(True)
        try:
            for r in range(self.table.rowCount()):
                row = self._row_value(r)
                for c, column in limited:
                    item = self.table.item(r, c)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(r, c, item)
                    asked = column.asked_for(row)
                    editable = asked or column.id in row
                    flags = item.flags()
                    on = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled
                    item.setFlags(flags | on if editable else flags & ~on)
                    item.setToolTip("" if asked else self._only_when_tip(column))
                    # Greyed like the window behind it: "not asked here", not "still empty".
                    item.setData(Qt.ItemDataRole.BackgroundRole, None if editable else
                                 self.table.palette().brush(QPalette.ColorRole.Midlight))
        finally:
            self.table.blockSignals(False)

    def _add_row(self) -> None:
        self.table.insertRow(self.table.rowCount())
        self._apply_only_when()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.setFocus()
        self._emit()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._emit()

    def _cell_text(self, column: Column, value: Any) -> str:
        if column.type is FieldType.YES_NO and isinstance(value, bool):
            return (QCoreApplication.translate("FieldEditor", "ja") if value
                    else QCoreApplication.translate("FieldEditor", "nee"))
        if column.type is FieldType.CHOICE:
            for choice in column.choices:
                if choice.value == value:
                    return text_of(choice.label, self.lang)
        if column.type is FieldType.DATE and isinstance(value, str) and len(value) == 10 \
                and value[4] == "-":
            return f"{value[8:10]}-{value[5:7]}-{value[0:4]}"
        return "" if value is None else str(value)

    def _cell_value(self, column: Column, text: str) -> Any:
        stripped = text.strip()
        if not stripped:
            return None
        if column.type is FieldType.YES_NO:
            lowered = stripped.lower()
            if lowered in ("ja", "j", "yes", "y"):
                return True
            if lowered in ("nee", "n", "no"):
                return False
            return stripped
        if column.type is FieldType.CHOICE:
            for choice in column.choices:
                if stripped.lower() in (choice.value.lower(), text_of(choice.label,
                                                                       self.lang).lower()):
                    return choice.value
            return stripped
        if column.type is FieldType.DATE:
            from desktop_app.domain.people import parse_date

            try:
                return parse_date(stripped).isoformat()
            except ValueError:
                return stripped
        return text

    def _set(self, value: Any) -> None:
        rows = value if isinstance(value, list) else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, column in enumerate(self.columns):
                cell = row.get(column.id) if isinstance(row, dict) else None
                item = QTableWidgetItem(self._cell_text(column, cell))
                item.setData(Qt.ItemDataRole.UserRole, cell)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self._apply_only_when()
        self.table.resizeRowsToContents()

    def _row_value(self, r: int) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for c, column in enumerate(self.columns):
            item = self.table.item(r, c)
            cell = None if item is None else item.data(Qt.ItemDataRole.UserRole)
            if cell is None and item is not None and item.text():
                cell = self._cell_value(column, item.text())
            if cell is not None and cell != "":
                row[column.id] = cell
        return row

    def value(self) -> Any:
        return [self._row_value(r) for r in range(self.table.rowCount())]


def make_editor(field: Field, lang: str) -> FieldEditor:
    if field.type in (FieldType.TEXT, FieldType.DATE, FieldType.NUMBER):
        return TextEditor(field, lang)
    if field.type is FieldType.LONG_TEXT:
        return LongTextEditor(field, lang)
    if field.type in (FieldType.CHOICE, FieldType.YES_NO):
        return ChoiceEditor(field, lang)
    if field.type is FieldType.MULTI_CHOICE:
        return MultiChoiceEditor(field, lang)
    if field.type is FieldType.BSN:
        return BsnEditor(field, lang)
    if field.type is FieldType.PERSON_LIST:
        return PersonListEditor(field, lang)
    raise ValueError(f"no editor for {field.type}")



"""Issue 18: emptying a layout that is filled again and again (the consent summary, the
transfer report) leaves neither its widgets nor the layout items that held them."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSpacerItem, QVBoxLayout, QWidget

from desktop_app.gui.shared.disposal import empty_layout


def test_empty_layout_deletes_widgets_rows_and_items(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    labels = [QLabel(f"regel {n}") for n in range(3)]
    for label in labels:
        layout.addWidget(label)
    row = QHBoxLayout()
    inner = [QLabel("links"), QLabel("rechts")]
    for label in inner:
        row.addWidget(label)
    layout.addLayout(row)
    layout.addItem(QSpacerItem(10, 10))
    items = [layout.itemAt(n) for n in range(layout.count())]
    assert len(items) == 5

    empty_layout(layout)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert layout.count() == 0
    assert not any(shiboken6.isValid(w) for w in (*labels, *inner))
    assert not any(shiboken6.isValid(item) for item in items)  # the items themselves too
    assert not shiboken6.isValid(row)
    layout.addWidget(QLabel("opnieuw"))  # it can be filled again
    assert layout.count() == 1

"""No information by colour alone (issue 8, item 3): statuses, the draft-age warning, the
autosave indicator and error/notice boxes carry their meaning in text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from desktop_app.services.demo import make_ready
from desktop_app.services.intakes import IntakeService
from tests.gui import a11y
from tests.gui.a11y_screens import Ctx, build
from tests.gui.keyboard import type_text

COLOUR_ROLES = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                Qt.ItemDataRole.DecorationRole)
# An error box says in words that it is one (CONVENTIONS: "Let op: …", never colour alone).
ERROR_WORDS = ("fout", "let op")


def coloured_cells_without_text(view: QAbstractItemView) -> list[str]:
    model: QAbstractItemModel = view.model()
    problems = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if not any(model.data(index, role) is not None for role in COLOUR_ROLES):
                continue
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "").strip()
            if not text:
                problems.append(f"row {row}, column {column}: colour without text in "
                                f"{a11y.describe(view)}")
    return problems


def column_texts(view: QAbstractItemView, header_text: str) -> list[str]:
    model = view.model()
    columns = [c for c in range(model.columnCount())
               if header_text.lower() in str(model.headerData(
                   c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)).lower()]
    assert columns, f"no column {header_text!r} in {a11y.describe(view)}"
    return [str(model.data(model.index(r, columns[0]), Qt.ItemDataRole.DisplayRole) or "")
            for r in range(model.rowCount())]


def error_boxes_without_words(window: QWidget) -> list[str]:
    problems = []
    for label in window.findChildren(QLabel):
        if label.objectName() != "error" or not a11y.shown(label, window):
            continue
        text = label.text().strip().lower()
        if not text.startswith(ERROR_WORDS):
            problems.append(f"error box does not say it is one: {label.text()!r} "
                            f"{a11y.describe(label)}")
        if not a11y.accessible_name(label):
            problems.append(f"error box has no accessible name: {a11y.describe(label)}")
    return problems


def test_caseload_status_and_age_warning_are_text(ctx: Ctx) -> None:
    intakes = IntakeService(ctx.session)
    old = intakes.start_intake("Fictief: Oud Concept")
    ctx.clock.advance(120 * 24 * 3600)  # far past any draft-age limit
    ready = intakes.start_intake("Fictief: Klaar Inwoner")
    make_ready(intakes, ready)
    intakes.start_intake("Fictief: Nieuw Concept")
    window = build("caseload", ctx)
    table = window.caseload.table
    assert table.model().rowCount() == 5  # and the screen's two sample residents
    assert not coloured_cells_without_text(table)
    statuses = column_texts(table, "status")
    assert all(s.strip() for s in statuses), statuses
    assert len(set(statuses)) == 2, statuses  # concept and klaar voor overdracht
    ages = dict(zip(column_texts(table, "naam"), column_texts(table, "concept sinds"),
                    strict=True))
    too_old = [text for name, text in ages.items() if "Oud" in name]
    assert too_old and "te oud" in too_old[0], ages
    assert all("te oud" not in text for name, text in ages.items() if "Oud" not in name)
    # The warning above the table says it in words too.
    assert window.caseload.warning.isVisible()
    assert window.caseload.warning.text().startswith("Let op")
    assert old in {r.intake_id for r in window.caseload.model.rows if r.too_old}


def test_data_request_statuses_are_text(ctx: Ctx) -> None:
    from desktop_app.services.data_requests import DataRequestService
    from tests.gui.test_weighing_wizard import every_status

    intake_id = IntakeService(ctx.session).start_intake("Fictieve Zoë Wiśniewska")
    made = every_status(ctx.session, DataRequestService(ctx.session), intake_id)
    # The panel on its own: every_status's stand-in statements are not full statements.
    from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel

    panel = DataRequestsPanel(ctx.session, intake_id, "nl")
    ctx.qtbot.addWidget(panel)
    panel.resize(1240, 780)
    panel.show()
    panel.refresh()
    QApplication.processEvents()
    assert panel.table.rowCount() == len(made) == 8
    assert not coloured_cells_without_text(panel.table)
    statuses = column_texts(panel.table, "status")
    assert len(set(statuses)) == 8 and all(s.strip() for s in statuses), statuses


def test_consent_status_is_text(ctx: Ctx) -> None:
    from desktop_app.services.consent import ConsentService
    from tests.gui.a11y_screens import consent_intake

    intake_id = consent_intake(ctx)
    service = ConsentService(ctx.session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    service.mark_printed(statement_id)
    window = build("caseload", ctx)
    window.open_intake(intake_id)
    view = window.intake_view
    view.tabs.setCurrentIndex(2)
    panel = view.panels[1]
    panel.refresh()
    QApplication.processEvents()
    assert panel.table.rowCount() == 1
    assert not coloured_cells_without_text(panel.table)
    statuses = column_texts(panel.table, "status")
    assert statuses[0].strip(), statuses


def test_autosave_indicator_says_saved_in_words(ctx: Ctx) -> None:
    qtbot = ctx.qtbot
    window = build("gesprek", ctx)
    view = window.intake_view
    indicator = view.save_indicator
    assert indicator.text().strip() and a11y.accessible_name(indicator)
    editor = next(e for e in view.editors.values()
                  if e.focus_target().__class__.__name__ in ("QLineEdit", "QPlainTextEdit")
                  and e.focus_target().isVisible())
    editor.focus_target().setFocus()
    type_text(qtbot, editor.focus_target(), " Fictief")
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)
    qtbot.waitUntil(lambda: indicator.text().startswith("Opgeslagen"), timeout=5000)


def test_error_boxes_say_what_they_are(ctx: Ctx) -> None:
    """Trigger the error box of each dialog and check its words (not only its red colour)."""
    qtbot = ctx.qtbot
    problems: list[str] = []
    # New intake: no name, then a date that does not exist.
    dialog = build("nieuwe_intake", ctx)
    dialog._check()
    problems += error_boxes_without_words(dialog)
    type_text(qtbot, dialog.name_edit, "Fictief: Test")
    type_text(qtbot, dialog.birth_edit, "31-02-2020")
    dialog._check()
    problems += error_boxes_without_words(dialog)
    dialog.close()
    # New profile: the two passphrases differ.
    create = build("profiel_aanmaken", ctx)
    type_text(qtbot, create.name_edit, "Fictief: Medewerker")
    type_text(qtbot, create.new_passphrase_edit, "groene-kikker-zwemt-in-sloot")
    type_text(qtbot, create.repeat_edit, "groene-kikker-zwemt-in-vijver")
    create._create()
    qtbot.waitUntil(lambda: create.create_error.isVisible(), timeout=10000)
    problems += error_boxes_without_words(create)
    create.close()
    # Change passphrase: the repeat does not match.
    dialog = build("wachtwoordzin", ctx)
    from tests.conftest import PASSPHRASE

    type_text(qtbot, dialog.old_edit, PASSPHRASE)
    type_text(qtbot, dialog.new_edit, "blauwe-vlinder-danst-op-dak")
    type_text(qtbot, dialog.repeat_edit, "iets-anders-dan-hierboven")
    dialog._change()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10000)  # a worker thread
    problems += error_boxes_without_words(dialog)
    dialog.close()
    assert not problems, "\n".join(problems)

"""A whole intake driven with the keyboard: start it from the caseload, fill every section that
the form shows (values generated from the definition), leave, reopen: everything is there."""

from __future__ import annotations

import datetime as dt
import random
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop_app.domain.forms import (
    Field,
    FieldType,
    is_empty_answer,
    section_progress,
    visible_fields,
)
from desktop_app.domain.text import fold
from desktop_app.gui.caseload.caseload_view import CaseloadFilter, CaseloadModel, NewIntakeDialog
from desktop_app.gui.intake.fields import (
    BsnEditor,
    ChoiceEditor,
    LongTextEditor,
    MultiChoiceEditor,
    PersonListEditor,
    TextEditor,
)
from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.services.demo import fictional_name, make_ready
from desktop_app.services.intakes import CaseloadRow
from desktop_app.services.session import Session
from desktop_app.vault.profiles import unlock_profile
from tests.conftest import PASSPHRASE
from tests.gui.keyboard import type_text

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _text_for(field: Field) -> str:
    if field.type is FieldType.DATE:
        return "12-03-1984" if field.birth_date else "02-11-2026"
    if field.type is FieldType.NUMBER:
        return "3"
    if field.type is FieldType.BSN:
        return "999993847"
    if "postcode" in field.id:
        return "8011 AB"
    if "telefoon" in field.id:
        return "06-12345678"
    if "email" in field.id:
        return "test@example.org"
    return f"Antwoord {field.id} — Łódź, Yılmaz, Nguyễn"


def _fill(qtbot, editor: Any) -> None:
    field = editor.field
    target = editor.focus_target()
    target.setFocus()
    if isinstance(editor, TextEditor | BsnEditor | LongTextEditor):
        type_text(qtbot, target, _text_for(field))
    elif isinstance(editor, ChoiceEditor):
        qtbot.keyClick(target, Qt.Key.Key_Down)  # first real choice / "Ja"
    elif isinstance(editor, MultiChoiceEditor):
        for _value, box in editor.boxes:  # tick every choice with Space
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Space)
    elif isinstance(editor, PersonListEditor):
        table = editor.table
        editor.findChild(QPushButton, "addPerson").setFocus()
        qtbot.keyClick(editor.findChild(QPushButton, "addPerson"), Qt.Key.Key_Space)
        for column_index, column in enumerate(editor.columns):
            item = table.item(0, column_index)
            if item is not None and not item.flags() & Qt.ItemFlag.ItemIsEditable:
                # Asked only for other rows (a birth date only for a child): F2 does nothing.
                assert column.only_when is not None and item.toolTip()
                continue
            table.setCurrentCell(0, column_index)
            qtbot.keyClick(table, Qt.Key.Key_F2)  # open the cell editor
            # The delegate's editor lives on the table's viewport while the cell is edited.
            editors = [w for w in table.viewport().findChildren(QWidget)
                       if isinstance(w, QLineEdit | QComboBox) and w.isVisible()]
            assert len(editors) == 1, editors
            cell_editor = editors[0]
            if column.type in (FieldType.CHOICE, FieldType.YES_NO):
                qtbot.keyClick(cell_editor, Qt.Key.Key_Down)
            else:
                text = "05-05-2014" if column.type is FieldType.DATE else "Noah Bakker"
                type_text(qtbot, cell_editor, text)
            qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    else:
        raise AssertionError(f"no keyboard fill for {type(editor).__name__}")


@pytest.fixture
def window(qtbot, profile, clock) -> MainWindow:
    apply_style(QApplication.instance())
    session = Session(profile)
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    yield win
    session.lock()


def test_whole_intake_by_keyboard_then_reopen(qtbot, window: MainWindow) -> None:
    # New intake with Ctrl+N; the modal dialog is filled with the keyboard while it runs.
    seen: dict[str, object] = {}

    def fill_dialog(tries: int = 100) -> None:
        dialog = QApplication.activeModalWidget()
        # On a loaded machine the dialog may not be shown and focused yet when the timer fires:
        # look again shortly (an assert here would leave the modal dialog open: a hang).
        if not isinstance(dialog, NewIntakeDialog) or QApplication.focusWidget() is not (
                dialog.name_edit):
            if tries:
                QTimer.singleShot(50, lambda: fill_dialog(tries - 1))
            elif dialog is not None:
                dialog.reject()
            return
        type_text(qtbot, dialog.name_edit, "Fatma Yılmaz")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
        seen["focus_after_tab"] = QApplication.focusWidget().accessibleName()
        type_text(qtbot, dialog.birth_edit, "12-03-1984")
        qtbot.keyClick(dialog.birth_edit, Qt.Key.Key_Return)  # the default button

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTimer.singleShot(50, fill_dialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen["focus_after_tab"] == "Geboortedatum van de inwoner"
    view = window.intake_view
    assert view is not None and view.title.text() == "Fatma Yılmaz"
    form = view.form
    filled: set[str] = set()
    # Fill until nothing new appears: answers make further sections/fields relevant.
    for _round in range(6):
        todo = [f for f in visible_fields(form, view.answers)
                if f.id not in filled and is_empty_answer(view.answers.get(f.id))]
        if not todo:
            break
        for field in todo:
            section_row = [s.id for s in form.sections].index(form.section_of(field.id).id)
            view.section_list.setCurrentRow(section_row)
            _fill(qtbot, view.editors[field.id])
            filled.add(field.id)
    assert len(filled) > 60, len(filled)
    view.section_list.setFocus()  # leaving a table cell commits its editor, as for a person
    QApplication.processEvents()
    expected = dict(view.answers)
    assert expected["huishouden_leden"][0]["naam"] == "Noah Bakker"
    # Every section that is shown is complete or filled, none has a problem.
    for row in range(view.section_list.count()):
        if not view.section_list.isRowHidden(row):
            section = form.section(view.section_list.item(row).data(Qt.ItemDataRole.UserRole))
            progress = section_progress(form, section, view.answers)
            assert "controleer" not in view.section_list.item(row).text(), progress.problems
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)
    # The "saved" signal crosses from the writer thread to the UI thread a moment later.
    qtbot.waitUntil(lambda: view.save_indicator.text().startswith("Opgeslagen om"),
                    timeout=5000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    view.section_list.setCurrentRow(1)
    window.grab().save(str(SCREENSHOTS / "intake.png"))
    # Leave with Alt+Left, back on the caseload.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.section_list.setFocus()
    qtbot.keyClick(view.section_list, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.intake_view is None
    window.grab().save(str(SCREENSHOTS / "caseload.png"))
    # Lock completely, unlock (a new session), reopen: everything is there.
    folder = window.session.profile.paths.folder
    clock = window.session.profile.clock
    window.session.lock()
    again = Session(unlock_profile(folder, PASSPHRASE, clock=clock))
    window2 = MainWindow(again)
    qtbot.addWidget(window2)
    rows = window2.caseload.model.rows
    assert [r.resident_name for r in rows] == ["Fatma Yılmaz"]
    window2.caseload.table.setFocus()
    window2.caseload.table.selectRow(0)
    qtbot.keyClick(window2.caseload.table, Qt.Key.Key_Return)
    reopened = window2.intake_view
    assert reopened is not None
    assert reopened.answers == expected
    assert reopened.editors["inwoner_naam"].value() == "Fatma Yılmaz"
    again.lock()


def test_caseload_search_as_you_type(qtbot, window: MainWindow) -> None:
    for name in ("Ayşe Yılmaz", "Agnieszka Wiśniewska", "Jan de Vries", "Łukasz Nowak"):
        window.intakes.start_intake(name)
    window.caseload.refresh()
    search = window.caseload.search
    search.setFocus()
    type_text(qtbot, search, "yilmaz")
    assert window.caseload.proxy.rowCount() == 1
    search.clear()
    type_text(qtbot, search, "lukasz")
    assert window.caseload.proxy.rowCount() == 1
    search.clear()
    assert window.caseload.proxy.rowCount() == 4
    type_text(qtbot, search, "Jan")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # one hit: Enter opens it
    assert window.intake_view is not None
    assert window.intake_view.title.text() == "Jan de Vries"


def test_caseload_search_any_word_order_keeps_the_selection_and_the_layout(
        qtbot, window: MainWindow) -> None:
    for name in ("Ayşe Yılmaz", "Jan de Vries", "Janneke Vos", "Łukasz Nowak", "Kees van Dijk"):
        window.intakes.start_intake(name)
    window.caseload.refresh()
    view = window.caseload
    table, search = view.table, view.search
    row_of = {view.proxy.data(view.proxy.index(r, 0)): r for r in range(view.proxy.rowCount())}
    table.selectRow(row_of["Jan de Vries"])
    label_width = view.count_label.width()
    search.setFocus()
    type_text(qtbot, search, "vries jan")  # every word, in any order
    assert view.proxy.rowCount() == 1 and view.count_label.text() == "1 van 5"
    assert table.selectionModel().selectedRows()[0].data() == "Jan de Vries"
    assert view.count_label.width() == label_width  # the count never moves the layout
    for _ in "vries jan":
        qtbot.keyClick(search, Qt.Key.Key_Backspace)
    assert view.proxy.rowCount() == 5 and view.count_label.text() == "5"
    assert table.selectionModel().selectedRows()[0].data() == "Jan de Vries"
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the header, by keyboard or mouse
    assert view.proxy.data(view.proxy.index(0, 0)) == "Łukasz Nowak"  # ł sorts as l
    assert table.selectionModel().selectedRows()[0].data() == "Jan de Vries"
    type_text(qtbot, search, "ayse")
    assert view.proxy.rowCount() == 1 and not table.selectionModel().selectedRows()


def _synthetic_rows(count: int) -> list[CaseloadRow]:
    """Rows as the service makes them (without a store: the model and filter are tested)."""
    rng = random.Random(count)
    moment = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    names = sorted((f"{fictional_name(rng)} {n}" for n in range(count)), key=fold)
    return [CaseloadRow(f"intake-{n}", f"inwoner-{n}", name, "1980-05-01", "concept", moment,
                        moment, 2, False, fold(name)) for n, name in enumerate(names)]


def test_caseload_search_narrowed_while_typing_equals_a_full_search(qapp) -> None:
    """Typing on searches only the rows shown; erasing or changing a word searches all."""
    model, proxy = CaseloadModel(), CaseloadFilter()
    proxy.setSourceModel(model)
    model.set_rows(_synthetic_rows(600))
    folded = [r.search_name for r in model.rows]
    rng = random.Random(7)
    typed = ""
    for _ in range(400):
        step = rng.random()
        if step < 0.55:
            typed += rng.choice("aeijklnosuvwyz ")
        elif step < 0.8:
            typed = typed[:-1]
        elif step < 0.9:
            typed += rng.choice(["ş", "Ł", "é", "1", "de v"])
        else:
            typed = rng.choice(["", "jan", "vries jan", "van"])
        proxy.set_query(typed)
        words = fold(typed).split()
        assert proxy.shown == [i for i, name in enumerate(folded)
                               if all(w in name for w in words)], typed
        assert proxy.rowCount() == len(proxy.shown)


def test_caseload_text_is_made_only_for_rows_on_screen(qtbot) -> None:
    """At unlocking nothing is formatted for rows nobody sees; a row's texts are made when
    the view first asks, and are the same as made up front."""
    model, proxy = CaseloadModel(), CaseloadFilter()
    proxy.setSourceModel(model)
    model.set_rows(_synthetic_rows(3000))
    assert all(shown is None for shown in model._display)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(proxy)
    table.resize(900, 400)
    table.show()
    qtbot.waitUntil(lambda: model._display[0] is not None)  # painted
    made = [n for n, shown in enumerate(model._display) if shown is not None]
    assert 0 < len(made) < 40 and made == list(range(len(made)))  # the top of the list
    proxy.set_query("jan")
    table.viewport().repaint()
    last = proxy.source_row(proxy.rowCount() - 1)
    assert model._display[last] is None
    assert proxy.data(proxy.index(proxy.rowCount() - 1, 1)) == "01-05-1980"
    assert model.display(last)[0] == model.rows[last].resident_name
    assert sum(shown is not None for shown in model._display) < 80


def test_invalid_input_gets_inline_message(qtbot, window: MainWindow) -> None:
    intake_id = window.intakes.start_intake("Kim Jansen")
    window.open_intake(intake_id)
    view = window.intake_view
    bsn = view.editors["inwoner_bsn"]
    type_text(qtbot, bsn.focus_target(), "123456789")
    assert "elfproef" in view.messages["inwoner_bsn"].text()
    assert bsn.mask_label.text().endswith("789") and "123456" not in bsn.mask_label.text()
    birth = view.editors["inwoner_geboortedatum"].focus_target()
    assert isinstance(birth, QLineEdit)
    birth.clear()
    type_text(qtbot, birth, "31-02-2020")
    assert not view.messages["inwoner_geboortedatum"].isHidden()
    assert "bestaat niet" in view.messages["inwoner_geboortedatum"].text()
    birth.clear()
    future = (dt.date.today() + dt.timedelta(days=40)).strftime("%d-%m-%Y")
    type_text(qtbot, birth, future)
    assert "toekomst" in view.messages["inwoner_geboortedatum"].text()
    # What was typed is kept (saved) even while it is not valid yet.
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)
    assert window.intakes.open_intake(intake_id).answers["inwoner_bsn"] == "123456789"


def test_bsn_field_names_an_invisible_character_and_takes_arabic_digits(
        qtbot, window: MainWindow) -> None:
    intake_id = window.intakes.start_intake("Kim Jansen")
    window.open_intake(intake_id)
    view = window.intake_view
    edit = view.editors["inwoner_bsn"].focus_target()
    assert isinstance(edit, QLineEdit)
    edit.insert("9999\u200b93847")  # pasted from a web page with a zero-width space
    message = view.messages["inwoner_bsn"]
    assert not message.isHidden()
    assert "ZERO WIDTH SPACE (U+200B)" in message.text()
    edit.selectAll()
    edit.insert("٩٩٩٩٩٣٨٤٧")  # Arabic-Indic digits are digits
    assert view.editors["inwoner_bsn"].mask_label.text() == "••••••847"
    assert message.isHidden() or not message.text()
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)
    assert window.intakes.open_intake(intake_id).answers["inwoner_bsn"] == "999993847"


def test_new_intake_dialog_says_what_is_wrong(qtbot) -> None:
    dialog = NewIntakeDialog()
    qtbot.addWidget(dialog)
    dialog._check()
    assert dialog.error.text() == "Fout: Vul de naam van de inwoner in."
    dialog.name_edit.setText("Fictief: Kim Jansen")
    for typed, expected in (
        ("31-02-2020", "Fout: 31-02-2020 bestaat niet als datum. Controleer dag en maand."),
        ("gisteren", "Fout: 'gisteren' is geen datum. Schrijf de datum als dd-mm-jjjj."),
        ("01-01-2999", "Fout: De geboortedatum ligt in de toekomst."),
    ):
        dialog.birth_edit.setText(typed)
        dialog._check()
        assert dialog.error.text() == expected
        assert dialog.result() != NewIntakeDialog.DialogCode.Accepted
    dialog.birth_edit.setText("12-03-1984")
    dialog._check()
    assert dialog.birth_date == dt.date(1984, 3, 12)


def newer_form_folder(tmp_path: Path) -> Path:
    """A copy of forms/ with version 2 of the gespreksformulier: a field renamed (in both
    languages) and made optional."""
    import shutil

    from desktop_app.resources import forms_dir

    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    path = folder / "gespreksformulier.yaml"
    text = path.read_text(encoding="utf-8").replace("version: 4\n", "version: 5\n", 1)
    text = text.replace("nl: Datum van het gesprek", "nl: Datum van het huisbezoek", 1)
    text = text.replace("en: Date of the conversation", "en: Date of the home visit", 1)
    path.write_text(text, encoding="utf-8")
    return folder


def migration_question(qtbot, window: MainWindow, tmp_path: Path) -> str:
    """Start a draft, publish version 2, open the draft: the question's list of changes
    (read while it is open; the worker keeps version 2)."""
    from desktop_app.services.forms import FormRegistry

    intake_id = window.intakes.start_intake("Fictief: Noor Visser")
    window.intakes.forms = FormRegistry(newer_form_folder(tmp_path))
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["changes"] = box.informativeText()
        box.defaultButton().click()  # go on with version 2

    QTimer.singleShot(50, answer)
    window.open_intake(intake_id)
    assert window.intake_view is not None and window.intake_view.form.version == 4
    return seen["changes"]


def test_a_newer_form_asks_before_moving_the_draft(qtbot, window: MainWindow,
                                                   tmp_path: Path) -> None:
    changes = migration_question(qtbot, window, tmp_path)
    assert "• Veld 'Datum van het gesprek' heet nu 'Datum van het huisbezoek'." in changes


def test_while_the_intake_is_destroyed_nothing_else_of_it_can_change(qtbot,
                                                                      window: MainWindow) -> None:
    """The transfer tab destroys on a worker thread: meanwhile the other tabs are closed and
    what was still waiting to be saved is dropped; the main window refuses to open other
    screens that would read the store while it is rewritten."""
    from desktop_app.gui.shared.jobs import STORE, runner
    from desktop_app.gui.transfer.transfer_panel import TransferPanel
    from desktop_app.services.intakes import IntakeService

    intake_id = IntakeService(window.session).start_intake("Fictief: Anna Jansen")
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    transfer = next(p for p in view.panels if isinstance(p, TransferPanel))
    view.tabs.setCurrentWidget(transfer)
    view.writer.submit(intake_id, "hulpvraag", "nog niet bewaard")
    release = threading.Event()
    runner().start({STORE}, lambda _p: release.wait(5))  # a re-key in progress
    try:
        transfer.destroying.emit(True)
        current = view.tabs.currentIndex()
        assert all(not view.tabs.isTabEnabled(i) for i in range(view.tabs.count())
                   if i != current)
        assert view.tabs.isTabEnabled(current)
        assert not view.writer.has_pending(intake_id)
        window.logbook_action.trigger()
        assert window.side_view is None  # refused while the store is rewritten
        assert "opnieuw versleuteld" in window.statusBar().currentMessage()
        transfer.destroying.emit(False)
        assert all(view.tabs.isTabEnabled(i) for i in range(view.tabs.count()))
    finally:
        release.set()
        assert runner().wait_all(5)


def test_opening_an_intake_destroyed_meanwhile_says_so(qtbot, window: MainWindow) -> None:
    """The list on screen can be older than the store (a destruction finished in the
    background): opening a row that is gone tells the worker and reads the list again."""
    from desktop_app.services.intakes import IntakeService

    intakes = IntakeService(window.session)
    intake_id = intakes.start_intake("Fictief: Anna Jansen")
    window.caseload.refresh()
    with window.session.profile.store.transaction() as store:  # as a destruction deletes it
        store.execute("DELETE FROM answers WHERE intake_id = ?", (intake_id,))
        store.execute("DELETE FROM intakes WHERE id = ?", (intake_id,))
    window.open_intake(intake_id)
    assert window.intake_view is None
    assert "bestaat niet meer" in window.statusBar().currentMessage()
    assert window.caseload.model.rowCount() == 0


def test_autosave_tells_the_worker_when_saving_fails_and_when_text_was_repaired(
        qtbot, window: MainWindow) -> None:
    """Issue 17 (7): the store refuses writes for a while (SQLite's read-only switch): the
    intake screen says it is not saved and why, the writer keeps the value and saves it once
    the store takes writes again. A damaged character (half of a UTF-16 pair) is saved as �
    and the screen says so."""
    from desktop_app.gui.shared.i18n import text
    from desktop_app.messages import Message

    intake_id = window.intakes.start_intake("Fictief: Sanne Bakker")
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    connection = window.session.profile.store.raw_connection
    connection.execute("PRAGMA query_only = ON")
    window.writer.retry_after = 0.2
    window.writer.submit(intake_id, "hulpvraag", "tijdens de storing getypt")
    qtbot.waitUntil(lambda: view.save_indicator.text().startswith("Niet opgeslagen"),
                    timeout=5000)
    assert view.save_indicator.toolTip()  # what went wrong and what to do
    assert window.writer.has_pending(intake_id)
    connection.execute("PRAGMA query_only = OFF")
    qtbot.waitUntil(lambda: view.save_indicator.text().startswith("Opgeslagen om"),
                    timeout=5000)
    assert window.intakes.open_intake(intake_id).answers["hulpvraag"] == (
        "tijdens de storing getypt")

    # As the editor would pass on a broken paste (Qt itself may already repair it).
    window.writer.submit(intake_id, "hulpvraag", "kapot \ud800 teken")
    qtbot.waitUntil(
        lambda: view.save_indicator.text() == text(Message("autosave.text_repaired.short")),
        timeout=5000)
    assert view.save_indicator.toolTip() == text(Message("autosave.text_repaired"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    view.save_indicator.parentWidget().grab().save(str(SCREENSHOTS / "autosave-repaired.png"))
    assert window.intakes.open_intake(intake_id).answers["hulpvraag"] == "kapot \ufffd teken"
    assert window.writer._thread.is_alive()


def test_the_other_tabs_are_built_when_first_shown(qtbot, window: MainWindow) -> None:
    """Issue 18: opening an intake built the data-request, consent and transfer tabs at once
    (the transfer tab lays out the whole report). They are built when first shown; the same
    panel stays after that, and one built later still reads a change made meanwhile."""
    from desktop_app.gui.transfer.transfer_panel import TransferPanel

    main = window
    intake_id = main.intakes.start_intake("Fictieve Inwoner Tabblad")
    main.open_intake(intake_id)
    view = main.intake_view
    assert view.findChildren(TransferPanel) == [] and view._built == {}
    main.intakes.save_answers(intake_id, {"hulpvraag": "Hulp bij de administratie."})
    make_ready(main.intakes, intake_id)  # the transfer tab shows the report from then on
    view.tabs.setCurrentIndex(4)
    QApplication.processEvents()
    panel = view.tabs.currentWidget()
    assert isinstance(panel, TransferPanel) and set(view._built) == {3}
    assert "Hulp bij de administratie." in " ".join(s.text for s in panel._sections)
    assert view.tabs.tabText(4) == "&Overdracht"
    view.tabs.setCurrentIndex(0)
    view.tabs.setCurrentIndex(4)
    assert view.tabs.currentWidget() is panel  # built once


def test_closing_intakes_leaves_no_dead_placeholders_nor_cached_images(
        qtbot, window: MainWindow) -> None:
    """Issue 18 (memory after a working day): each opened intake whose tabs were looked at
    left three dead Python wrappers of the tabs' placeholders behind (deleted while the view
    lived, in an event loop), and the style's images of its scroll bars
    stayed in Qt's pixmap cache (keyed by palettes no other widget has). Opening and closing
    intakes again and again keeps neither."""
    import gc

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QPixmap, QPixmapCache

    from desktop_app.services.demo import fill_demo

    intake_id = fill_demo(window.session, count=1, seed=18)[0]  # with requests and statements

    def open_look_close() -> int:
        window.open_intake(intake_id)
        view = window.intake_view
        for tab in (*range(1, view.tabs.count()), 0):
            view.tabs.setCurrentIndex(tab)
            qtbot.wait(5)  # an event loop: the replaced placeholder is deleted
        marker = QPixmap(4, 4)
        QPixmapCache.insert("wi-test-marker", marker)
        window.show_caseload()
        del view
        qtbot.waitUntil(lambda: window.intake_view is None)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the view is gone
        gc.collect()
        assert QPixmapCache.find("wi-test-marker") is None  # the cache went with the screen
        return sum(1 for o in gc.get_objects() if type(o) is QWidget)

    counts = [open_look_close() for _ in range(4)]
    assert counts[-1] == counts[1], counts  # the first may load what stays for good


def test_section_pages_are_built_when_first_shown(qtbot, window: MainWindow) -> None:
    """Issue 18: all 25 section pages and 95 fields were built when an intake opened. Only the
    page shown is built; another is built when chosen, or when one of its fields is asked for
    (restoring a place after unlocking), with the stored answer in it and the rows the
    answers hide hidden."""
    intake_id = window.intakes.start_intake("Fictieve Inwoner Pagina")
    window.intakes.save_answers(intake_id, {"hulpvraag": "Eerder getypt."})
    window.open_intake(intake_id)
    view = window.intake_view
    built = [section_id for section_id, page in view.pages.items() if page.built]
    first = view.section_list.item(0).data(Qt.ItemDataRole.UserRole)
    assert built == [first]
    assert set(dict(view.editors)) == {f.id for f in view.form.section(first).fields}
    assert first != view.form.section_of("hulpvraag").id

    # Asked for by id: its page is built, with what was stored.
    notes = view.form.section_of("hulpvraag")
    assert not view.pages[notes.id].built
    assert view.editors["hulpvraag"].value() == "Eerder getypt."
    assert view.pages[notes.id].built
    with pytest.raises(KeyError):
        view.editors["geen_veld"]

    # Chosen in the list: built and shown.
    rows = [view.section_list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(view.section_list.count())]
    other = next(s for s in rows if not view.pages[s].built
                 and not view.section_list.isRowHidden(rows.index(s)))
    view.section_list.setCurrentRow(rows.index(other))
    assert view.pages[other].built and view.stack.currentWidget() is view.pages[other]

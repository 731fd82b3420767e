"""The rough edges of issue 16 a worker hit, each checked on a real screen: how drop-down
lists, spin boxes, long questions, table headers and dialogs are drawn, keyboard traps, and
the words on screen."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QWidget,
)

from desktop_app.gui.shared.style import ACCENT, apply_style
from desktop_app.services.session import Session
from tests.gui.a11y_screens import Ctx, build


def _shot(widget: QWidget, name: str) -> None:
    """A screenshot to look at, when asked for (GLITCH_SHOTS=folder)."""
    folder = os.environ.get("GLITCH_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


# -- drop-down lists ------------------------------------------------------------------------
def test_the_current_item_of_a_drop_down_list_is_drawn(ctx: Ctx) -> None:
    """Fusion's menu-style popup delegate ignored the style sheet's item colours: the current
    row was an empty white bar. Every combo of the intake form now draws its rows with the
    styled delegate, the current row in the accent colour with its text readable."""
    window = build("gesprek", ctx)
    combos = [c for c in window.findChildren(QComboBox)]
    assert combos, "the form has drop-down lists"
    for combo in combos:
        assert isinstance(combo.itemDelegate(), QStyledItemDelegate), combo.objectName()
    combo = next(c for c in combos if c.count() > 2)
    combo.setCurrentIndex(1)
    combo.showPopup()
    view = combo.view()
    ctx.qtbot.waitUntil(view.isVisible, timeout=2000)
    rect = view.visualRect(view.currentIndex())
    row = view.viewport().grab(rect).toImage()
    colours = {row.pixelColor(x, y).name() for y in range(row.height())
               for x in range(row.width())}
    assert ACCENT.lower() in colours, "the current row is not highlighted"
    light_text = sum(1 for y in range(row.height()) for x in range(row.width())
                     if row.pixelColor(x, y).lightness() > 200)
    assert 0 < light_text < row.width() * row.height() / 2, "no text on the current row"
    combo.hidePopup()


# -- spin boxes -----------------------------------------------------------------------------
ARROWS = ("arrow-up.svg", "arrow-down.svg", "arrow-up-disabled.svg", "arrow-down-disabled.svg")


def _arrow_rows(image, x0: int, y0: int, y1: int) -> list[int]:
    """Per pixel row of the button area: how many dark pixels (the arrow's width there)."""
    rows = []
    for y in range(y0, y1):
        dark = sum(1 for x in range(x0, image.width())
                   if image.pixelColor(x, y).lightness() < 110)
        if dark:
            rows.append(dark)
    return rows


def test_spin_boxes_show_their_arrows(ctx: Ctx) -> None:
    """CSS triangles do not work in Qt: the arrows are SVG files in resources/icons (shipped by
    the bundle spec's resources/ rule) named by the style sheet. An arrow is a triangle: its
    dark rows get wider (up) or narrower (down), unlike the lines Fusion drew instead."""
    from desktop_app.resources import resources_dir

    for name in ARROWS:
        assert (resources_dir() / "icons" / name).is_file(), name
        assert f"icons/{name}" in QApplication.instance().styleSheet()
    window = build("instellingen", ctx)
    spins = window.findChildren(QSpinBox)
    assert spins
    for spin in spins:
        if not spin.isVisible():
            continue
        spin.setValue((spin.minimum() + spin.maximum()) // 2)
        image = spin.grab().toImage()
        x0, middle = image.width() - 18, image.height() // 2
        up = _arrow_rows(image, x0, 3, middle)
        down = _arrow_rows(image, x0, middle, image.height() - 3)
        assert len(up) >= 3 and up == sorted(up) and len(set(up)) >= 3, (spin.accessibleName(), up)
        assert len(down) >= 3 and down == sorted(down, reverse=True) and len(set(down)) >= 3, \
            (spin.accessibleName(), down)


# -- long questions -------------------------------------------------------------------------
def test_a_long_question_wraps_instead_of_scrolling_sideways(ctx: Ctx) -> None:
    """At 1280 px the page "Gegevens en toestemming" has no horizontal scroll bar, with its
    longest question made longer still (a municipality's own form may have one): the
    question labels wrap."""
    window = build("gesprek", ctx)
    window.resize(1280, 800)
    view = window.intake_view
    page = view.pages["gegevens_toestemming"]
    row = next(r for r in range(view.section_list.count())
               if view.section_list.item(r).data(Qt.ItemDataRole.UserRole) == page.section.id)
    view.section_list.setCurrentRow(row)
    QApplication.processEvents()
    assert view.stack.currentWidget() is page
    longest = max((f for f in page.section.fields if view.labels[f.id].isVisible()),
                  key=lambda f: len(view.labels[f.id].text()))
    label = view.labels[longest.id]
    label.setText(label.text() + " " + label.text())  # longer than any line
    # Wholly shown once the layout has settled (height-for-width takes a second pass).
    ctx.qtbot.waitUntil(lambda: label.heightForWidth(label.width()) <= label.height() + 1)
    _shot(page, "long-question")
    assert not page.horizontalScrollBar().isVisible()
    assert label.width() <= page.viewport().width()


# -- household table ------------------------------------------------------------------------
def test_household_table_headers_are_readable(ctx: Ctx) -> None:
    """Every column title of the household table is shown whole at 1280 px: wrapped onto
    more lines where the column is narrow, never cut off."""
    window = build("gesprek", ctx)
    window.resize(1280, 800)
    view = window.intake_view
    editor = view.editors["huishouden_leden"]
    row = next(r for r in range(view.section_list.count())
               if view.section_list.item(r).data(Qt.ItemDataRole.UserRole) == "huishouden")
    view.section_list.setCurrentRow(row)
    QApplication.processEvents()
    table = editor.table
    assert table.isVisible()
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        title = table.horizontalHeaderItem(column).text()
        width = header.sectionSize(column) - 8
        assert all(metrics.horizontalAdvance(word) <= width for word in title.split()), title
        need = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap),
                                    title).height()
        assert need <= header.height(), (title, need, header.height())
    _shot(editor, "household-table")


# -- the "getekend" dialog ------------------------------------------------------------------
def test_signed_dialog_shows_its_boxes_and_whole_error(ctx: Ctx) -> None:
    """The check boxes keep their natural height and the error text is shown whole (wrapped),
    also in a dialog no taller than a 1366×768 laptop leaves."""
    dialog = build("verklaring_getekend", ctx)
    dialog.resize(640, 330)
    for column in dialog.columns:
        if column.date is not None:
            column.date.setDate(column.date.minimumDate())
    for column in dialog.columns:
        if column.signed is not None:
            column.signed.setChecked(False)
    dialog._record()
    QApplication.processEvents()
    _shot(dialog, "signed-dialog")
    error = dialog.error
    assert error.isVisible() and error.text()
    assert error.heightForWidth(error.width()) <= error.height() + 1, "error text cut off"
    for column in dialog.columns:
        box = column.signed
        if box is not None:
            assert box.height() >= box.sizeHint().height(), "check box squashed"
    for button in dialog.findChildren(QPushButton):
        if button.isVisible():
            assert button.height() >= button.sizeHint().height()


# -- Nieuwe intake --------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_new_intake_placeholder_is_shown_whole(qtbot, lang: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.gui.caseload.caseload_view import NewIntakeDialog
    from desktop_app.gui.shared import i18n

    apply_style(QApplication.instance())
    monkeypatch.setenv(i18n.ENV_LANG, lang)
    try:
        assert i18n.install_language(i18n.system_language()) == lang
        dialog = NewIntakeDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        _shot(dialog, f"new-intake-{lang}")
        edit = dialog.birth_edit
        hint = edit.placeholderText()
        assert hint.startswith("dd-mm-")
        # Padding 5 px and a 1 px border on each side (style sheet), Qt's 2 px text margin.
        room = edit.width() - 2 * (5 + 1 + 2)
        assert edit.fontMetrics().horizontalAdvance(hint) <= room, (hint, room)
    finally:
        i18n.reset_language()


# -- banners on the caseload ----------------------------------------------------------------
def test_one_banner_per_fact_on_the_caseload(qtbot, profile, clock) -> None:
    """Two drafts older than the limit used to be told three times: the reminder after
    unlocking (once from the unlock's notices, once from the work after unlocking) and the
    caseload's own warning. Now once, by the caseload (which updates it)."""
    import datetime as dt

    from desktop_app.gui.shell.main_window import MainWindow
    from desktop_app.services import after_unlock
    from desktop_app.services.intakes import IntakeService

    apply_style(QApplication.instance())
    session = Session(profile)
    try:
        intakes = IntakeService(session)
        for name in ("Fictief: Anna Jansen", "Fictief: Mehmet Yılmaz"):
            intakes.start_intake(name, dt.date(1980, 5, 17))
        clock.advance(60 * 86400)
        result = after_unlock.after_unlock(session)  # the reminders join the unlock's notices
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.after_unlock_done(result)
        window.after_unlock_done(result)  # told again: still once
        QApplication.processEvents()
        _shot(window, "caseload-banners")
        banners = [label.text() for label in window.findChildren(QLabel)
                   if label.isVisible() and label.objectName() in ("notice", "error")]
        about_old = [b for b in banners if "ouder dan 14 dagen" in b]
        assert len(about_old) == 1, banners
        assert about_old[0].startswith("Let op: 2 concepten zijn ouder dan 14 dagen (het "
                                       "oudste 60 dagen).")
        assert "ZW-" not in about_old[0]  # a rule code belongs in an explanation
        assert len(banners) == len(set(banners)), banners
    finally:
        session.lock()


# -- keyboard -------------------------------------------------------------------------------
def test_type_ahead_picks_the_jeugdwet_for_a_child(ctx: Ctx) -> None:
    """"Is er misschien een maatwerkvoorziening nodig?": typing J picked "Ja, Wmo" for a
    14-year-old. For a child "Ja, Jeugdwet" now comes first; Wmo stays offered (a home
    adaptation for a child is Wmo), a second J reaches it. For an adult the form's order."""
    window = build("gesprek", ctx)  # the intake of a fictional 14-year-old
    view = window.intake_view
    editor = view.editors["maatwerk_nodig"]
    combo = editor.combo
    combo.setFocus()
    ctx.qtbot.keyClicks(combo, "J")
    assert combo.currentData() == "jeugdwet"
    values = [value for _label, value in editor.items()]
    assert values == [None, "nee", "jeugdwet", "wmo", "nog_onbekend"]
    combo.setCurrentIndex(0)
    QApplication.processEvents()
    assert view.answers.get("maatwerk_nodig") in (None, "")

    # The same intake with an adult's birth date: the form's order, J is "Ja, Wmo" again.
    birth = view.editors["inwoner_geboortedatum"]
    birth.set_value("12-03-1984")
    view._on_changed("inwoner_geboortedatum", "12-03-1984")
    assert [value for _label, value in editor.items()] == [
        None, "nee", "wmo", "jeugdwet", "nog_onbekend"]


def test_alt_letter_of_a_disabled_button_types_nothing(ctx: Ctx) -> None:
    """Alt+M (the disabled "Mondelinge toestemming vastleggen") typed an "m" into the field
    with focus. An Alt+letter no enabled shortcut takes is now dropped; a mnemonic that is
    there still works, and plain typing and Shift are untouched."""
    from PySide6.QtWidgets import QLineEdit, QListWidget

    window = build("gesprek", ctx)
    view = window.intake_view
    qtbot = ctx.qtbot
    name = view.editors["inwoner_naam"].focus_target()
    assert isinstance(name, QLineEdit)
    name.setFocus()
    before = name.text()
    for key in (Qt.Key.Key_M, Qt.Key.Key_Q, Qt.Key.Key_5):
        qtbot.keyClick(name, key, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(name, key, Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    assert name.text() == before
    qtbot.keyClicks(name, "x")
    assert name.text() == before + "x"
    # An enabled mnemonic: Alt+L is "Onderde&len", the section list.
    qtbot.keyClick(name, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert isinstance(QApplication.focusWidget(), QListWidget)

    # The button of the issue: on the Gegevensverzoeken tab, disabled without a request.
    view.tabs.setCurrentIndex(1)
    panel = view.tabs.currentWidget()
    consent = next(b for b in panel.findChildren(QPushButton)
                   if b.text().startswith("&Mondelinge"))
    consent.setEnabled(False)
    table = next(t for t in panel.findChildren(QAbstractItemView) if t.isVisible())
    table.setFocus()
    current = table.currentIndex()
    qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert table.currentIndex() == current


# -- words ----------------------------------------------------------------------------------
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "wijkteam_en.ts"
FORMS = Path(__file__).resolve().parents[2] / "forms"
RULE_CODE = re.compile(r"\b(?:ZW|ZU)-[A-Z]?\d")
# "in het scherm 'X'", "op het tabblad Overdracht", "the 'Data requests' tab", "the Transfer tab"
NAMED_NL = re.compile(r"\b(?:scherm|tabblad|menu)\s+(?:['‘\"]([^'’\"]+)['’\"]|([A-Z]\w+))")
NAMED_EN = re.compile(r"\bthe\s+(?:['‘\"]([^'’\"]+)['’\"]|([A-Z]\w+))\s+(?:screen|tab|menu)\b")


def _ts_pairs() -> list[tuple[str, str, str]]:
    """(context, Dutch source, English) of every GUI string."""
    root = ET.parse(TS).getroot()
    return [(context.findtext("name") or "", m.findtext("source") or "",
             m.findtext("translation") or "")
            for context in root.iter("context") for m in context.iter("message")]


def _form_texts(lang: str) -> list[str]:
    """Every text of the shipped definitions in one language (YAML `nl:` / `en:` values)."""
    import yaml

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(FORMS.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


# One voice ("je" for the worker, "u" only on the resident's signing pages) is checked over
# every GUI string by tests/unit/test_translations.py::test_the_gui_addresses_the_worker_with_je.


def test_no_rule_codes_in_instructions() -> None:
    """Rule codes (ZW-…, ZU-…) belong in the explanation panes (the guidance beside the form,
    the weighing's explanations), not in the hints and labels that tell the worker what to
    do; nor does the program tell the worker a question was "automatisch beantwoord"."""
    coded = [f"{context}: {dutch!r}" for context, dutch, _en in _ts_pairs()
             if RULE_CODE.search(dutch) or "automatisch beantwoord" in dutch.casefold()]
    assert not coded, coded


def test_a_section_hint_on_the_page_has_no_rule_codes(ctx: Ctx) -> None:
    """The form's section help cites the rules; on the page it is the instruction and shows
    without them, the guidance pane beside it (the explanation) keeps them."""
    window = build("gesprek", ctx)
    view = window.intake_view
    cited = [page for page in view.pages.values()
             if page.section.help is not None and RULE_CODE.search(page.section.help.nl)]
    assert cited, "the shipped form cites rules in its section help"
    for page in cited:
        view.editors[page.section.fields[0].id]  # the page is built when first needed
        hints = [label.text() for label in page.findChildren(QLabel)
                 if label.objectName() == "hint"]
        assert hints and not any(RULE_CODE.search(h) for h in hints), hints
        assert "(" not in hints[0][-3:] and "  " not in hints[0]
    page = cited[0]
    row = next(r for r in range(view.section_list.count())
               if view.section_list.item(r).data(Qt.ItemDataRole.UserRole) == page.section.id)
    view.section_list.setCurrentRow(row)
    QApplication.processEvents()
    assert RULE_CODE.search(" ".join(label.text() for label in
                                     view.guidance.findChildren(QLabel)))


def test_texts_name_screens_and_tabs_that_exist(ctx: Ctx) -> None:
    """"Maak die in het scherm 'Toestemmingsverklaring'" while the tab is Toestemming: every
    screen, tab or menu a text names (GUI strings, messages, the forms, in both languages) is
    one the worker can find: an intake tab, a menu or a menu item."""
    from desktop_app.messages.catalogue import TEXTS

    window = build("gesprek", ctx)
    view = window.intake_view

    def clean(title: str) -> str:
        return title.replace("&", "").rstrip("…").rstrip(".").strip()

    dutch = {clean(view.tabs.tabText(i)) for i in range(view.tabs.count())}
    for menu_action in window.menuBar().actions():
        dutch.add(clean(menu_action.text()))
        menu = menu_action.menu()
        if menu is not None:
            dutch |= {clean(a.text()) for a in menu.actions() if a.text()}
    english_of = {dutch_text: english for _c, dutch_text, english in _ts_pairs()}
    english = {clean(english_of.get(name, "")) for name in dutch} | {
        clean(english_of.get(source, "")) for source in
        ("Gegevensver&zoeken", "&Toestemming", "&Overdracht", "&Gesprek")}
    texts_nl = [d for _c, d, _e in _ts_pairs()] + [d for d, _e in TEXTS.values()]
    texts_nl += _form_texts("nl")
    texts_en = [e for _c, _d, e in _ts_pairs()] + [e for _d, e in TEXTS.values()]
    texts_en += _form_texts("en")
    wrong = [f"{name!r} in {text[:90]!r}" for pattern, texts, names in (
        (NAMED_NL, texts_nl, dutch), (NAMED_EN, texts_en, english))
        for text in texts for match in pattern.finditer(text)
        for name in [match.group(1) or match.group(2)] if clean(name) not in names]
    assert not wrong, wrong


# -- file dialogs ---------------------------------------------------------------------------
def test_file_dialog_starts_in_documents_and_speaks_dutch(qtbot, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The save dialog started in the program's folder and spoke English in the Dutch UI. It
    starts in the Documents folder (or the folder used last this session), and when the
    system's own dialog would speak another language than the program, Qt's own dialog is used
    with Qt's Dutch translation."""
    from PySide6.QtCore import QLocale, QStandardPaths, QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from desktop_app.gui.shared import file_dialogs, i18n

    file_dialogs.forget_folder()
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    assert file_dialogs.start_folder() == expected
    assert file_dialogs.start_folder() != Path.cwd()

    monkeypatch.setenv(i18n.ENV_LANG, "nl")
    # An English system: its own dialog would be English, so Qt's (translated) one is used.
    monkeypatch.setattr(file_dialogs.QLocale, "system",
                        staticmethod(lambda: QLocale(QLocale.Language.English)))
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen["native"] = not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen["buttons"] = sorted(b.text() for b in dialog.findChildren(QPushButton)
                                 if b.isVisible())
        seen["labels"] = {label.text() for label in dialog.findChildren(QLabel)
                          if label.isVisible()}
        _shot(dialog, "file-dialog-nl")
        name = next(e for e in dialog.findChildren(QLineEdit) if e.isVisible())
        name.setText("verslag.pdf")
        dialog.accept()

    try:
        assert i18n.install_language(i18n.system_language()) == "nl"
        monkeypatch.setattr(file_dialogs, "_last_folder", tmp_path)
        QTimer.singleShot(100, answer)
        chosen = file_dialogs.save_file_name(None, "Verslag opslaan als pdf",
                                             "gespreksverslag.pdf", "PDF-bestanden (*.pdf)")
    finally:
        i18n.reset_language()
    assert seen["native"] is False
    assert seen["folder"] == tmp_path
    assert seen["buttons"] == ["Annuleren", "Op&slaan"], seen["buttons"]
    assert {"Kijk &in:", "Bestands&naam:", "Bestands&type:"} <= seen["labels"], seen["labels"]
    assert Path(chosen) == tmp_path / "verslag.pdf"
    assert not (tmp_path / "verslag.pdf").exists()  # only a name was chosen
    assert file_dialogs.start_folder() == tmp_path  # remembered for this session
    file_dialogs.forget_folder()
    assert file_dialogs.start_folder() == expected

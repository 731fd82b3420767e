"""Accessibility of every screen (issue 8, item 3): accessible names through Qt's accessibility
API with a label buddy for every input; a keyboard-only Tab walk per screen (everything
reached, visual order, no trap, visible focus, every action by keyboard); menus by keyboard.

Failures list each widget as Class#objectName['text'] › parent › … so the fix is findable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from tests.gui import a11y
from tests.gui.a11y_screens import ALL_SCREENS, Ctx, build


def _section_rows(window: QWidget) -> list[int]:
    view = window.intake_view
    return [r for r in range(view.section_list.count())
            if not view.section_list.isRowHidden(r)]


def _pages(name: str, window: QWidget) -> Iterator[str]:
    """The states of a screen to check: the Gesprek tab once per section (every generated
    field of the form is on one of them); other screens as they open."""
    if name != "gesprek":
        yield name
        return
    view = window.intake_view
    for row in _section_rows(window):
        view.section_list.setCurrentRow(row)
        view.section_list.setFocus()
        QApplication.processEvents()
        yield f"gesprek/{view.section_list.item(row).text()}"


def _stylesheet(window: QWidget) -> str:
    sheets = [QApplication.instance().styleSheet(), window.styleSheet()]
    sheets += [w.styleSheet() for w in window.findChildren(QWidget) if w.styleSheet()]
    return "\n".join(sheets)


# -- 1. accessible names --------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL_SCREENS)
def test_every_control_has_an_accessible_name_and_label(ctx: Ctx, name: str) -> None:
    window = build(name, ctx)
    problems: list[str] = []
    seen: set[str] = set()
    checked = 0
    for page in _pages(name, window):
        widgets = a11y.controls(window)
        checked += len(widgets)
        for problem in a11y.name_violations(window, widgets):
            if problem not in seen:  # the intake header repeats on every section
                seen.add(problem)
                problems.append(f"[{page}] {problem}")
    assert checked >= 3, f"{name}: only {checked} controls found; the screen did not build"
    assert not problems, f"{name}: {len(problems)} problem(s)\n" + "\n".join(problems)


def test_every_generated_field_of_the_form_has_name_and_buddy(ctx: Ctx) -> None:
    """All fields of the gespreksformulier, including ones shown only after an answer."""
    window = build("gesprek", ctx)
    view = window.intake_view
    for field in view.form.fields:  # pages are built when first needed: every one now
        view.editors[field.id]
    problems = []
    labelled = a11y.buddies(window)
    for field_id, editor in view.editors.items():
        target = editor.focus_target()
        if not a11y.accessible_name(target):
            problems.append(f"{field_id}: no accessible name: {a11y.describe(target)}")
        if id(target) not in labelled:
            problems.append(f"{field_id}: no label buddy: {a11y.describe(target)}")
        for inner in a11y.controls(editor, include_hidden_pages=True):
            if not a11y.accessible_name(inner):
                problems.append(f"{field_id}: no accessible name: {a11y.describe(inner)}")
    assert len(view.editors) > 30
    assert not problems, "\n".join(problems)


# -- 2. keyboard-only walk ------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL_SCREENS)
def test_keyboard_only_walk(ctx: Ctx, name: str) -> None:
    qtbot = ctx.qtbot
    window = build(name, ctx)
    sheet = _stylesheet(window)
    problems: list[str] = []
    seen: set[str] = set()
    for page in _pages(name, window):
        start = QApplication.focusWidget()
        assert start is not None and window.isAncestorOf(start), \
            f"[{page}] the screen opens without keyboard focus"
        walk = a11y.tab_walk(qtbot, window)
        found = ([f"trap: {t}" for t in walk.trapped]
                 + ([] if walk.cycled or walk.trapped else
                    ["Tab never came back to the first widget"])
                 + [f"unreachable: {u}" for u in a11y.unreached(walk, window)]
                 + [f"order: {o}" for o in a11y.order_violations(walk, window)]
                 + [f"focus: {f}" for f in a11y.invisible_focus(walk, sheet)]
                 + [f"mnemonic: {m}" for m in a11y.duplicate_mnemonics(window)])
        for problem in found:
            if problem not in seen:
                seen.add(problem)
                problems.append(f"[{page}] {problem}")
        assert len(walk.chain) >= 2, f"[{page}] Tab reaches only {walk.chain}"
    assert not problems, f"{name}: {len(problems)} problem(s)\n" + "\n".join(problems)


@pytest.mark.parametrize("name", ["caseload", "gesprek"])
def test_every_menu_action_has_a_mnemonic_and_menus_open_by_keyboard(ctx: Ctx,
                                                                      name: str) -> None:
    qtbot = ctx.qtbot
    window = build(name, ctx)
    assert isinstance(window, QMainWindow)
    problems = []
    letters: dict[str, str] = {}
    for action in window.menuBar().actions():
        letter = a11y.mnemonic_of(action.text())
        if letter is None:
            problems.append(f"menu {action.text()!r} has no &-letter")
        elif letter in letters:
            problems.append(f"menus {letters[letter]!r} and {action.text()!r} share Alt+{letter}")
        else:
            letters[letter] = action.text()
        menu = action.menu()
        assert isinstance(menu, QMenu)
        inner: dict[str, str] = {}
        for item in menu.actions():
            if item.isSeparator():
                continue
            item_letter = a11y.mnemonic_of(item.text())
            if item_letter is None:
                problems.append(f"{action.text()!r} › {item.text()!r} has no &-letter")
            elif item_letter in inner:
                problems.append(f"{action.text()!r}: {inner[item_letter]!r} and "
                                f"{item.text()!r} share the letter {item_letter}")
            else:
                inner[item_letter] = item.text()
    # Alt+B opens the Bestand menu from the keyboard.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = window.menuBar().actions()[0]
    letter = a11y.mnemonic_of(first.text())
    assert letter is not None
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key(ord(letter.upper())),
                   Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    popup = QApplication.activePopupWidget()
    assert popup is first.menu()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not problems, "\n".join(problems)


def test_main_screens_reached_by_shortcut_or_menu_letter(ctx: Ctx) -> None:
    """New intake, overview, lock, logboek and settings have shortcuts; handover and the
    passphrase change are in a menu with a letter."""
    window = build("caseload", ctx)
    actions = window.findChildren(type(window.lock_action))
    for needs_shortcut in (window.lock_action, window.logbook_action, window.settings_action):
        assert not needs_shortcut.shortcut().isEmpty(), needs_shortcut.text()
    for action in (window.handover_action, window.passphrase_action):
        assert a11y.mnemonic_of(action.text()), action.text()
    new_intake = [a for a in actions if a.shortcut().matches(
        QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N)) == QKeySequence.SequenceMatch.ExactMatch]
    assert len(new_intake) == 1 and a11y.mnemonic_of(new_intake[0].text())


def test_focus_classes_covered_by_style(ctx: Ctx) -> None:
    """Every control class that takes Tab focus somewhere in the program has a :focus rule
    in gui/shared/style.py (Fusion's own focus rectangle on check boxes is one dotted pixel
    line)."""
    from desktop_app.gui.shared.style import STYLESHEET

    ruled = a11y.classes_with_focus_rule(STYLESHEET)
    needed = {"QLineEdit", "QPlainTextEdit", "QTextEdit", "QComboBox", "QSpinBox", "QDateEdit",
              "QPushButton", "QCheckBox", "QRadioButton", "QTableView",
              "QListView", "QTabBar"}
    # item:focus styles an item, not the view that has focus.
    missing = sorted(needed - ruled)
    assert not missing, f"no :focus rule in style.py for {missing}"

"""The English user interface shows no Dutch: every screen is opened with English selected and
every text a worker can see or hear (labels, buttons, titles, tabs, menus, headers,
placeholders, accessible names) is compared with the Dutch source texts of the translation.

Screenshots of each main screen in both languages go to artifacts/screenshots/{en,nl}-*.png.
The screens are built by tests/gui/a11y_screens.py (shared with the accessibility tests), so
both walk the same windows. Also here: how the language is chosen (environment, setting,
after unlocking) and the display-time translation of messages from services and vault.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop_app.domain.settings import validate
from desktop_app.gui.shared import i18n
from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.shell.app import AppController
from desktop_app.messages import Message, MessageError
from desktop_app.messages.catalogue import TEXTS as CATALOGUE
from desktop_app.services import settings as st
from desktop_app.services.demo import make_ready
from desktop_app.services.session import ProfileService, Session
from desktop_app.vault.errors import UnlockDelayed, WrongPassphrase
from tests.conftest import PASSPHRASE
from tests.gui.a11y_screens import ALL_SCREENS, Ctx, activate, build, main_window
from tests.gui.keyboard import type_text

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wijkteam_en.ts"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# Long source texts are also looked for inside bigger texts (a message with a prefix, a
# sentence joined to another); short ones only as the whole text, or "Status" would match
# anything with that word.
SUBSTRING_MIN = 25


def _pairs() -> dict[str, str]:
    """Dutch source → English, for every text whose translation differs (names such as
    "Logo" or "Status" are the same in both languages and prove nothing)."""
    pairs: dict[str, str] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        english = message.findtext("translation") or ""
        if english and english != source:
            pairs[source] = english
    return pairs


PAIRS = _pairs()
# Messages from services, vault and domain: their own catalogue (desktop_app/messages).
PAIRS.update({dutch: english for dutch, english in CATALOGUE.values() if dutch != english})


def _plain(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def _is_template(text: str) -> bool:
    return bool(re.search(r"\{\w*\}|%[vm]", text))


DUTCH_WHOLE = {_plain(s) for s in PAIRS if not _is_template(s)}
DUTCH_PARTS = {_plain(s) for s in PAIRS if not _is_template(s) and len(s) >= SUBSTRING_MIN}
# Templates: the fixed text before the first placeholder, when long enough to be telling.
DUTCH_PARTS |= {_plain(re.split(r"\{\w*\}|%[vm]", s)[0]) for s in PAIRS if _is_template(s)
                and len(re.split(r"\{\w*\}|%[vm]", s)[0].strip()) >= SUBSTRING_MIN}
ENGLISH_WHOLE = {_plain(e) for s, e in PAIRS.items() if not _is_template(e)
                 and _plain(e) not in {_plain(x) for x in PAIRS}}


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what the worker can see or a screen reader says in `window`."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget | QMenu, kind: str, text: str | None) -> None:
        if text and text.strip():
            found.append((f"{type(where).__name__}({where.objectName()}).{kind}", text))

    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.property("documentText"):
            continue  # hidden, or document content that stays in the dossier's language
        if widget.isWindow():
            add(widget, "windowTitle", widget.windowTitle())
        add(widget, "accessibleName", widget.accessibleName())
        add(widget, "toolTip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QLineEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            add(widget, "placeholder", widget.placeholderText())
            if widget.isReadOnly():  # read-only text views show program text (rules, details)
                add(widget, "text", widget.toPlainText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, f"item{index}", widget.itemText(index))
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, f"tab{index}", widget.tabText(index))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            for column in range(columns):
                add(widget, f"header{column}", str(model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""))
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(columns):
                    add(widget, f"cell{row},{column}",
                        str(model.data(model.index(row, column)) or ""))
    if isinstance(window, QMainWindow):
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        for action in window.menuBar().actions():
            add(window.menuBar(), "menu", action.text())
        for menu in menus:
            assert isinstance(menu, QMenu)
            for action in menu.actions():
                add(menu, "action", action.text())
                add(menu, "statusTip", action.statusTip())
    return found


def dutch_among(texts: list[tuple[str, str]]) -> list[str]:
    problems = []
    for where, text in texts:
        plain = _plain(text)
        lines = [_plain(line) for line in text.split("\n")]
        if plain in DUTCH_WHOLE or any(line in DUTCH_WHOLE for line in lines):
            problems.append(f"{where}: {text!r}")
        elif any(part in plain for part in DUTCH_PARTS):
            problems.append(f"{where}: {text!r} (contains Dutch)")
    return problems


@pytest.fixture
def language(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """Each test chooses its language; afterwards the source texts again (other tests)."""
    yield
    i18n.reset_language()


# Every test here chooses its language (the shared `ctx` of tests/gui/conftest.py follows).
pytestmark = pytest.mark.usefixtures("language")


def _use(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, lang)
    assert i18n.install_language(i18n.system_language()) == lang


def _screenshot(window: QWidget, lang: str, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{lang}-{name}.png"
    QApplication.processEvents()
    assert window.grab().save(str(path)), path
    return path


def _walk_wizard(wizard: QWidget) -> list[tuple[str, str]]:
    """Every page of the weighing wizard up to its outcome: the first answer each time, record
    fields filled with fictional text (the outcome page has texts the first page lacks)."""
    texts: list[tuple[str, str]] = []
    for _ in range(15):
        page = wizard.current_page()  # type: ignore[attr-defined]
        if page is None or not wizard.next_button.isVisible():  # type: ignore[attr-defined]
            break
        first = next(iter(page.buttons))
        page.buttons[first].click()
        for widget in page.fields[first].values():
            if hasattr(widget, "boxes"):
                widget.boxes[0][1].setChecked(True)
            else:
                widget.set_text("Fictieve toelichting voor de test.")
        wizard.next_button.click()  # type: ignore[attr-defined]
        QApplication.processEvents()
        texts += visible_texts(wizard)
    reached = wizard.current_page() is None  # type: ignore[attr-defined]
    assert reached, "the wizard did not reach its outcome"
    _screenshot(wizard, "en", "weging-uitkomst")
    return texts


@pytest.mark.parametrize("name", ALL_SCREENS)
def test_english_screen_shows_no_dutch(name: str, ctx: Ctx,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, "en")
    window = build(name, ctx)
    texts = visible_texts(window)
    assert len(texts) >= 3, f"{name}: too few texts found to judge ({texts})"
    if name == "weging":
        # Closing a half-done weighing asks "stop?" in a modal box: answer it at teardown.
        monkeypatch.setattr(QMessageBox, "question", staticmethod(
            lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes))
        texts += _walk_wizard(window)
    if name == "gesprek":
        view = window.intake_view  # type: ignore[attr-defined]
        for row in range(view.section_list.count()):
            view.section_list.setCurrentRow(row)
            texts += visible_texts(window)
    _screenshot(window, "en", name)
    problems = dutch_among(texts)
    assert not problems, f"Dutch in the English '{name}' screen:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", ALL_SCREENS)
def test_dutch_screen_is_dutch(name: str, ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Dutch counterpart: the same screen shows Dutch source texts and none of the
    English translations (so the English check above cannot pass by showing nothing)."""
    _use(monkeypatch, "nl")
    window = build(name, ctx)
    texts = visible_texts(window)
    _screenshot(window, "nl", name)
    assert dutch_among(texts), f"{name}: no Dutch source text visible in the Dutch UI"
    english = [f"{w}: {t!r}" for w, t in texts if _plain(t) in ENGLISH_WHOLE]
    assert not english, f"English in the Dutch '{name}' screen:\n" + "\n".join(english)


def test_forms_follow_the_ui_language(ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts from forms/ (section titles, rules of thumb) use the same language as the UI."""
    _use(monkeypatch, "en")
    window = build("gesprek", ctx)
    view = window.intake_view  # type: ignore[attr-defined]
    assert view.lang == "en"
    assert "The 10 rules of thumb" in view.guidance.rules.toPlainText()
    for panel in view.panels:
        assert panel.lang == "en"


# -- choosing the language ------------------------------------------------------------------
def test_environment_override_and_setting_values(monkeypatch: pytest.MonkeyPatch,
                                                 language: None) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "en")
    assert i18n.system_language() == "en"
    assert i18n.resolve_language("systeem") == "en"
    assert i18n.resolve_language("nl") == "nl"
    monkeypatch.setenv(i18n.ENV_LANG, "NL")
    assert i18n.system_language() == "nl"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("klingon") == "nl"  # unknown values follow the system
    assert i18n.install_language("en") == "en"
    assert i18n.current_language() == "en"
    assert QApplication.translate("MainWindow", "&Bestand") == "&File"
    assert i18n.install_language("nl") == "nl"
    assert QApplication.translate("MainWindow", "&Bestand") == "&Bestand"


def test_language_setting_is_validated(profile, language: None) -> None:
    service = st.SettingsService(Session(profile))
    assert service.language() == "systeem"
    assert service.values()[st.LANGUAGE] == "systeem"
    with pytest.raises(st.SettingRejected) as err:
        service.validate(st.LANGUAGE, "fr")
    assert str(err.value.message) == "Taal: kies een waarde uit de lijst."
    assert err.value.render("en") == "Language: choose a value from the list."
    assert service.save({st.LANGUAGE: "en"}) == []
    assert service.language() == "en"


def test_settings_screen_saves_the_language(ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, "nl")
    window = build("instellingen", ctx)
    view = window.side_view  # type: ignore[attr-defined]
    combo = view.language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["systeem", "nl", "en"]
    combo.setCurrentIndex(combo.findData("en"))
    assert view.save()
    assert st.SettingsService(ctx.session).language() == "en"


def test_setting_applies_after_unlock_and_to_the_unlock_window(
        qtbot, real_keyring, data_home: Path, clock, monkeypatch: pytest.MonkeyPatch,
        language: None) -> None:
    """Before unlocking only the system language is known (here: Dutch by the override);
    after unlocking the setting `taal` = en gives an English main window, and after locking
    the unlock window is English too."""
    _use(monkeypatch, "nl")
    apply_style(QApplication.instance())
    ctrl = AppController(ProfileService(data_home, clock), idle_check_ms=20)
    ctrl.start()
    try:
        w = ctrl.unlock_window
        assert w.create_button.text() == "Profiel &aanmaken"
        w.name_edit.setFocus()
        type_text(qtbot, w.name_edit, "Fictief: Sanne de Boer")
        type_text(qtbot, w.new_passphrase_edit, PASSPHRASE)
        type_text(qtbot, w.repeat_edit, PASSPHRASE)
        qtbot.keyClick(w.repeat_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        assert ctrl.main_window.menuBar().actions()[0].text() == "&Bestand"
        assert ctrl.session is not None
        # English chosen during the session: the lock window follows at once.
        st.SettingsService(ctrl.session).set(st.LANGUAGE, "en")
        ctrl.main_window.lock_action.trigger()
        english_unlock = ctrl.unlock_window
        assert english_unlock.isVisible()
        assert english_unlock.unlock_notice.text() == "Locked. Your data has been saved."
        assert english_unlock.unlock_button.text() == "&Unlock"
        assert not dutch_among(visible_texts(english_unlock))
        type_text(qtbot, english_unlock.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(english_unlock.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        assert i18n.current_language() == "en"
        assert ctrl.main_window.menuBar().actions()[0].text() == "&File"
        assert ctrl.main_window.lang == "en"
        assert ctrl.unlock_window is not english_unlock
        # The idle lock too, with its reason in English.
        ctrl.idle.set_minutes(1)
        clock.advance(30)
        qtbot.waitUntil(lambda: ctrl.lock_warning is not None)
        assert ctrl.lock_warning.label.text() == (
            "The program locks in 30 seconds. Move the mouse or press a key to carry on.")
        main = ctrl.main_window
        main.resize(1366, 768)
        # Placed again at the next tick: centred over the wider window.
        qtbot.waitUntil(lambda: abs(ctrl.lock_warning.geometry().center().x()
                                    - main.width() // 2) <= 2)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        main.grab().save(str(SCREENSHOTS / "vergrendel-waarschuwing-en.png"))
        clock.advance(30)
        qtbot.waitUntil(lambda: ctrl.session is None, timeout=2000)
        assert ctrl.unlock_window.isVisible()
        assert ctrl.unlock_window.unlock_notice.text() == (
            "Locked because nothing happened for 1 minute. Your data has been saved.")
        assert not dutch_among(visible_texts(ctrl.unlock_window))
        # Dutch chosen again: the next lock window is Dutch.
        type_text(qtbot, ctrl.unlock_window.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(ctrl.unlock_window.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        st.SettingsService(ctrl.session).set(st.LANGUAGE, "nl")
        ctrl.main_window.lock_action.trigger()
        assert ctrl.unlock_window.unlock_notice.text() == (
            "Vergrendeld. Je gegevens zijn opgeslagen.")
    finally:
        ctrl.dispose()


# -- messages from services and vault, translated when shown ---------------------------------
def test_service_messages_are_translated_for_display(monkeypatch: pytest.MonkeyPatch,
                                                    language: None) -> None:
    _use(monkeypatch, "en")
    assert i18n.error_text(WrongPassphrase()) == (
        "The passphrase is not correct.\n"
        "Watch out for capital letters and the Caps Lock key, and try again.")
    assert i18n.error_text(UnlockDelayed(4.6)) == (
        "You have typed a wrong passphrase too often.\n"
        "Wait another 5 seconds and then try again.")
    with pytest.raises(st.SettingRejected) as err:
        validate(st.BY_KEY[st.AUTOLOCK_MINUTES], 99)
    assert i18n.error_text(err.value) == (
        "Lock automatically: choose a number from 1 up to and including 60.")
    assert i18n.text(Message("receipt.dossier_reference", reference="TOP-2026-00417")) == (
        "Case file number: TOP-2026-00417")
    assert i18n.text(Message("receipt.key_replaced")) == "Key replaced: yes"
    assert i18n.text(Message("intake.status.klaar_voor_overdracht")) == "Ready for transfer"
    # Plain text (a name, a value from a form) is shown as it is.
    assert i18n.text("Fictief: Anna Jansen") == "Fictief: Anna Jansen"
    # Anything unexpected reads as the general message, never as its technical text.
    assert i18n.error_text(RuntimeError("/home/x/Anna Jansen.pdf")) == (
        "Something went wrong that the program did not expect.\n"
        "Nothing has been lost. Try again; if that does not work, contact the service desk.")


def test_who_signs_is_shown_in_english(monkeypatch: pytest.MonkeyPatch,
                                       language: None) -> None:
    """Made by the domain itself (not hand-written here): who signs at 16, 14 and 9 and for a
    represented adult, as the composer shows it (explanation, then every signer with the role
    word; a representative with his competence), and the Dutch that is printed."""
    import datetime as dt

    from desktop_app.domain.signers import (
        AdultSituation,
        CustodyHolder,
        MinorSituation,
        SignerRole,
        who_signs,
    )
    from desktop_app.gui.consent.consent_dialogs import ComposeDialog
    from desktop_app.messages import render
    from desktop_app.services.consent import (
        SIGNER_ROLE_WORDS,
        Composition,
        ConsentService,
        signer_label,
    )

    _use(monkeypatch, "en")
    signing = dt.date(2026, 11, 24)
    expected = {
        16: "The young person is 16 years old. From 16, the young person decides and signs "
            "alone.",
        14: "The young person is 14 years old. From 12 to 16, the young person and each parent "
            "with parental authority (or the guardian) decide. Each chooses yes or no and "
            "signs.",
        9: "The child is 9 years old. Under 12, the parents with parental authority or the "
           "guardian decide. Each chooses and signs. The child's own view has been discussed.",
    }
    dutch_words = {render(word, "nl") for word in SIGNER_ROLE_WORDS.values()}
    minor = MinorSituation(custody_holders=(CustodyHolder("Fictief: Ouder"),),
                           custody_checked=True)
    for age, english in expected.items():
        requirement = who_signs(resident_name="Fictief: Kim", birth_date=dt.date(2026 - age, 1, 1),
                                signing_date=signing, minor=minor)
        assert i18n.text(requirement.reason) == english
        assert requirement.explanation != english  # the printed explanation stays Dutch
        composition = Composition(None, (), requirement, frozenset(), (), {})
        line = i18n.text(ConsentService.who_signs_text(composition))
        assert line.startswith(f"{english} Signing: Fictief: ")
        assert not set(re.findall(r"\(([^)]*)\)", line.removeprefix(english))) & dutch_words, line
    # An adult who cannot judge this (WGBO 7:465): the curator, with what he decides on.
    requirement = who_signs(resident_name="Fictief: Kim", birth_date=dt.date(1960, 1, 1),
                            signing_date=signing,
                            adult=AdultSituation(capable=False, curator="Fictief: Curator"))
    line = i18n.text(ComposeDialog.who_signs(Composition(None, (), requirement, frozenset(),
                                                         (), {})))
    assert line.endswith("Signing: Fictief: Curator (curator; decides on all items).")
    english_roles = {role: i18n.text(signer_label("Fictief: Kim", role)) for role in SignerRole}
    assert english_roles[SignerRole.YOUNG_PERSON] == "Fictief: Kim (young person)"
    assert english_roles[SignerRole.PARENT_WITH_CUSTODY] == (
        "Fictief: Kim (parent with parental authority)")
    assert all(label != f"Fictief: Kim ({render(SIGNER_ROLE_WORDS[role], 'nl')})"
               for role, label in english_roles.items()
               if role not in (SignerRole.CURATOR, SignerRole.MENTOR))


def test_consent_errors_are_shown_in_english(monkeypatch: pytest.MonkeyPatch,
                                             language: None) -> None:
    """A statement that is not ready and a refused step, as the consent panel shows them."""
    from desktop_app.domain.consent import StatementNotReady
    from desktop_app.messages import Message
    from desktop_app.services.consent import ConsentProblem

    _use(monkeypatch, "en")
    err = StatementNotReady([Message("consent.problem.custody_not_checked"),
                             Message("consent.problem.item", number=2, problem=Message(
                                 "consent.problem.item.too_many_data", n=16, max=15))])
    assert i18n.error_text(err) == (
        "The consent statement is not ready yet.\n"
        "Check who has parental authority over the young person and tick that you have done "
        "so. Part 2: there are 16 data items; the maximum is 15. Name only what is needed.")
    assert i18n.error_text(ConsentProblem(Message("consent.print.signed"))) == (
        "This statement has already been signed. To ask for consent again, make a new "
        "statement.")


def test_domain_messages_with_numbers_are_translated(
        monkeypatch: pytest.MonkeyPatch, language: None) -> None:
    """Made by the domain itself (not hand-written here): the length limits of a data request
    and an organisation name."""
    from desktop_app.domain import data_requests, organisations

    _use(monkeypatch, "en")
    problems = []
    for attempt in (
        lambda: data_requests._clean_items(["x" * (data_requests.MAX_ITEM_LENGTH + 1)]),
        lambda: data_requests._clean_items([f"gegeven {n}" for n in
                                            range(data_requests.MAX_ITEMS + 1)]),
        lambda: data_requests._clean_purpose("x" * (data_requests.MAX_PURPOSE_LENGTH + 1)),
        lambda: organisations._validate_name("x" * (organisations.MAX_NAME_LENGTH + 1)),
    ):
        with pytest.raises(MessageError) as err:
            attempt()
        problems.append(err.value)
    for problem in problems:
        dutch, english = str(problem), i18n.error_text(problem)
        assert english != dutch and "tekens" not in english and "gegevens" not in english, dutch
        assert re.search(r"\d+", english)[0] == re.search(r"\d+", dutch)[0]


def test_changes_of_a_newer_form_definition_are_shown_in_english(
        monkeypatch: pytest.MonkeyPatch, language: None) -> None:
    """Every kind of change compare_definitions makes (the unit test's old and new definition,
    plus a different form id) reads in English: our template, the notes and type names
    translated, the form's own labels in their English version where the file gives one."""
    from desktop_app.domain.forms import compare_definitions, parse_form_definition
    from tests.unit.test_forms_answers import NEW, OLD

    _use(monkeypatch, "en")
    def bilingual(source: str) -> str:
        return source.replace("label: Leeftijd", "label: {nl: Leeftijd, en: Age}")

    old = parse_form_definition(bilingual(OLD), "v1.yaml")
    new = parse_form_definition(bilingual(NEW), "v2.yaml")
    other = parse_form_definition(NEW.replace("id: gesprek", "id: ander", 1), "v3.yaml")
    answers = {"plaats": "elders", "hobby": "vissen", "leeftijd": "zestig"}
    changes = compare_definitions(old, new, answers) + compare_definitions(old, other)
    kinds = {c.change.key for c in changes}
    assert len(kinds) >= 14, kinds
    for change in changes:
        english = i18n.text(change.message)
        dutch = str(change)
        assert english != dutch, dutch
        for word in ("Veld", "Onderdeel", "heet nu", "vervallen", "ingevuld", "verplicht",
                     "korte tekst", "keuzes", "formulier"):
            assert word not in english, english
    rendered = [i18n.text(c.message) for c in changes]
    assert "Field 'Age' has changed from short text to number. You had already filled this in." \
        in rendered, rendered


# -- transfer, destruction, logboek and hand-over in English ---------------------------------
def test_transfer_panel_in_english_from_checklist_to_receipt(
        ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    """The states the screen test does not reach: a refused checklist, a saved PDF, the
    progress and the receipt after destruction, all in English."""
    from desktop_app.gui.system.clipboard import QtClipboardGuard
    from desktop_app.gui.transfer.transfer_panel import TransferPanel
    from desktop_app.services.intakes import IntakeService

    _use(monkeypatch, "en")
    intake_id = IntakeService(ctx.session).start_intake("Fictief: Sanne de Boer")
    make_ready(IntakeService(ctx.session), intake_id)
    panel = TransferPanel(ctx.session, intake_id, clipboard=QtClipboardGuard(lambda: 1000.0))
    window = QMainWindow()
    window.setCentralWidget(panel)
    window.resize(1280, 860)
    ctx.qtbot.addWidget(window)
    window.show()
    panel.choose_pdf_path = lambda: ctx.tmp_path / "report.pdf"
    panel.save_pdf()
    ctx.qtbot.waitUntil(lambda: not panel.busy, timeout=20000)
    panel.reference_edit.setText("999993847")  # a BSN typed by mistake
    panel.confirm_transfer()
    assert panel.check_error.text() == (
        "Please note: This looks like a BSN (8 or 9 digits). Fill in the case file number, "
        "not the resident's BSN. Tick that the report is in the case file. Tick that the paper "
        "notes have been destroyed (shredded).")
    texts = visible_texts(window)
    panel.reference_edit.setText("TOP-2026-00417")
    panel.report_check.setChecked(True)
    panel.paper_check.setChecked(True)
    panel.ask_destroy = lambda: None  # type: ignore[method-assign]  # no modal question here
    panel.confirm_transfer()
    texts += visible_texts(window)
    panel.destroy_now()
    ctx.qtbot.waitUntil(lambda: panel.result is not None, timeout=30000)
    assert panel.result is not None and panel.result.key_rotated
    receipt = panel.receipt_label.text().splitlines()
    assert "Case file number: TOP-2026-00417" in receipt
    assert "Key replaced: yes" in receipt and receipt[-1].startswith("Finished: ")
    assert "Saved files: 1" in receipt and "Answers and notes: 0" not in receipt
    assert panel.receipt_files.text() == f"Wiped and removed: {ctx.tmp_path / 'report.pdf'}"
    assert panel.progress_label.text() == "Done."
    texts += visible_texts(window)
    _screenshot(window, "en", "overdracht-bewijs")
    problems = dutch_among(texts)
    assert not problems, "\n".join(problems)
    receipt_dutch = [str(line) for line in panel.result.receipt.summary_lines()]
    assert not set(receipt_dutch) & set(receipt), "the receipt must not stay Dutch"


def test_logbook_and_handover_in_english_show_words_not_codes(
        ctx: Ctx, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop_app.services.intakes import IntakeService
    from tests.unit.test_transfer_logbook_messages import LOGGED

    _use(monkeypatch, "en")
    intakes = IntakeService(ctx.session)
    first = intakes.start_intake("Fictief: Anna Jansen")
    make_ready(intakes, first)
    intakes.reveal_bsn(first)
    window = main_window(ctx)
    activate(ctx.qtbot, window)
    view = window.show_logbook()
    assert view.verify()
    assert view.result_label.text().startswith("The log is in order: ")
    # Tampering, as a privacy officer could find it: the lines name the entry in English.
    raw = ctx.session.profile.store.raw_connection
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET object = 'intake-ffffff' WHERE seq = 2")
    raw.commit()
    assert not view.verify()
    lines = view.result_label.text().splitlines()
    assert lines[0].startswith("Please note: the log has been changed. 1 problem found in ")
    assert "• entry 2: the content of this entry has been changed" in lines
    assert lines[-1] == "Report this to the privacy officer of your municipality."
    texts = visible_texts(window)
    assert not view.export_to(tmp_path / "no-such-folder" / "log.csv")
    assert view.result_label.text().startswith("The log could not be saved (")
    assert view.result_label.text().endswith(
        "Choose another folder, for example on an encrypted USB stick of the municipality.")
    texts += visible_texts(window)
    shown = {text for where, text in texts if ".cell" in where or ".item" in where}
    assert {"Show BSN", "Start intake", "Check log", "Export log", "succeeded",
            "failed"} <= shown, shown
    assert not shown & set(LOGGED), "a raw action code is shown"
    _screenshot(window, "en", "logboek-controle")

    handover = window.show_handover()
    assert handover.status_label.text().splitlines()[1:] == [
        "0 draft(s), 1 ready for transfer, 0 transferred but not yet destroyed",
        "0 data request(s), 0 consent statement(s), 0 file(s) outside the storage"]
    texts += visible_texts(window)
    problems = dutch_among(texts)
    assert not problems, "\n".join(problems)


def test_data_requests_in_english_in_every_status(ctx: Ctx,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview of data requests with one request in each status: statuses, outcomes,
    reasons and details in English (the organisation's English name from the catalogue inside
    the sentences), and a refusal of the weighing wizard in English."""
    from desktop_app.domain.data_requests import Status
    from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel
    from desktop_app.gui.data_requests.weighing_wizard import WeighingWizard
    from desktop_app.messages import render
    from desktop_app.services.data_requests import DataRequestService
    from desktop_app.services.intakes import IntakeService
    from tests.gui.test_weighing_wizard import every_status

    _use(monkeypatch, "en")
    service = DataRequestService(ctx.session)
    intake_id = IntakeService(ctx.session).start_intake("Fictief: Kim de Vries")
    made = every_status(ctx.session, service, intake_id)
    panel = DataRequestsPanel(ctx.session, intake_id, service=service)
    ctx.qtbot.addWidget(panel)
    panel.resize(1240, 780)
    panel.show()
    panel.refresh()
    texts: list[tuple[str, str]] = []
    for request_id in made.values():
        panel.select_request(request_id)
        QApplication.processEvents()
        texts += visible_texts(panel)
    problems = dutch_among(texts)
    assert not problems, "\n".join(problems)
    rows = range(panel.table.rowCount())
    assert {panel.table.item(r, 3).text() for r in rows} == {
        render(status.label, "en") for status in Status}
    panel.select_request(made[Status.TOESTEMMING_NODIG])
    assert panel.reason.text() == (
        "Do not send yet: There is no signed consent statement yet. The general practitioner "
        "has medical professional secrecy (BIG).")
    assert "Request:</b> request from the general practitioner. " in panel.details.text()
    _screenshot(panel, "en", "gegevensverzoeken-statussen")

    # The wizard refuses "next" without the motivation, in English. (Closing it at teardown
    # would ask "stop?": answer yes.)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes))
    wizard = WeighingWizard(service, made[Status.CONCEPT])
    ctx.qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.current_page()
    assert page is not None
    answer = next(a for a in page.node.answers if a.records)
    page.buttons[answer.id].click()
    wizard.next_button.click()
    assert wizard.error.isVisible()
    assert wizard.error.text().startswith("Please note: First fill in: "), wizard.error.text()
    assert not dutch_among([("error", wizard.error.text())])


# -- caseload, intake and form changes in English ---------------------------------------------
def test_intake_problems_and_the_new_intake_dialog_are_english(
        ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems made by the domain (a BSN that fails the eleven test, a date that does not
    exist, a birth date in the future) and the status of the intake read in English."""
    from desktop_app.gui.caseload.caseload_view import NewIntakeDialog

    _use(monkeypatch, "en")
    dialog = NewIntakeDialog()
    ctx.qtbot.addWidget(dialog)
    dialog._check()
    assert dialog.error.text() == "Error: Fill in the name of the resident."
    dialog.name_edit.setText("Fictief: Kim\x00 Jansen")  # a NUL from a paste
    dialog._check()
    assert dialog.error.text() == ("Error: The name contains a control character (U+0000). "
                                   "Clear the name and type it again.")
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.name_edit.setText("Fictief: Kim Jansen")
    dialog.birth_edit.setText("31-02-2020")
    dialog._check()
    assert dialog.error.text() == (
        "Error: 31-02-2020 does not exist as a date. Check the day and the month.")
    dialog.birth_edit.setText("01-01-2999")
    dialog._check()
    assert dialog.error.text() == "Error: The date of birth is in the future."

    window = build("gesprek", ctx)
    view = window.intake_view  # type: ignore[attr-defined]
    assert view.status_label.text() == "Draft"
    view._on_changed("inwoner_bsn", "123456789")
    assert view.messages["inwoner_bsn"].text().endswith(
        "This is not a valid BSN (the eleven test fails). Check the digits.")
    view._on_changed("inwoner_geboortedatum", "31-02-2020")
    assert view.messages["inwoner_geboortedatum"].text().endswith(
        "This date does not exist. Please check the day and month.")
    problems = dutch_among(visible_texts(window))
    assert not problems, problems


def test_caseload_statuses_are_english(ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.services.intakes import IntakeService

    _use(monkeypatch, "en")
    intakes = IntakeService(ctx.session)
    ready = intakes.start_intake("Fictief: Anna Jansen")
    make_ready(intakes, ready)
    intakes.start_intake("Fictief: Mehmet Yılmaz")
    window = build("caseload", ctx)
    model = window.caseload.model  # type: ignore[attr-defined]
    statuses = {model.data(model.index(row, 2)) for row in range(model.rowCount())}
    assert {"Draft", "Ready for transfer"} <= statuses, statuses


def test_the_question_about_a_newer_form_is_english(ctx: Ctx, monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    from tests.gui.test_intake_flow import migration_question

    _use(monkeypatch, "en")
    window = main_window(ctx)
    changes = migration_question(ctx.qtbot, window, tmp_path)
    assert "• Field 'Date of the conversation' is now called 'Date of the home visit'." \
        in changes, changes
    assert "Veld" not in changes and "heet nu" not in changes

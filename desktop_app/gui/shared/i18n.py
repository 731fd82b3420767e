"""Language of the user interface.

The GUI's own texts are Dutch source texts (`self.tr("…")`) with their English in Qt Linguist's
resources/translations/wijkteam_en.ts (.qm). What the services, the vault and the domain tell
the worker comes as messages — keys with values (desktop_app/messages) — which `text()` and
`error_text()` render here in the language in use.

Choosing the language: the setting `taal` ('nl', 'en' or 'systeem') lives in the encrypted
vault, so before unlocking only the system language (or WIJKTEAM_INTAKE_LANG=nl|en, for tests
and administrators) can be used. After unlocking the setting is applied.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.messages import Message, MessageError, render
from desktop_app.resources import resources_dir

ENV_LANG = "WIJKTEAM_INTAKE_LANG"
LANGUAGES = ("nl", "en")
SYSTEM = "systeem"

_installed: list[QTranslator] = []
_current = "nl"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    """'nl' when the environment override or the system locale says Dutch (or says nothing),
    otherwise 'en' (a colleague whose computer is Polish or English reads English better)."""
    override = os.environ.get(ENV_LANG, "").strip().lower()
    if override in LANGUAGES:
        return override
    language = QLocale.system().language()
    # The C/POSIX locale states no language at all: then the program's own language, Dutch.
    if language in (QLocale.Language.Dutch, QLocale.Language.C, QLocale.Language.AnyLanguage):
        return "nl"
    return "en"


def resolve_language(setting: object) -> str:
    """The UI language for a value of the setting `taal` (unknown values follow the system)."""
    return setting if isinstance(setting, str) and setting in LANGUAGES else system_language()


def current_language() -> str:
    """The language installed last ('nl' or 'en'); the `lang` for texts from forms/."""
    return _current


def install_language(lang: str, app: QCoreApplication | None = None) -> str:
    """Install the translators for `lang` (replacing earlier ones) and return the language
    actually in use: English without a readable .qm falls back to the Dutch source text."""
    global _current
    app = app or QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else "nl"
    if app is None:
        _current = lang
        return lang
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == "en":
        translator = QTranslator(app)
        if translator.load(str(translations_dir() / "wijkteam_en.qm")):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            lang = "nl"
    if lang == "nl":
        # Qt's own texts (buttons of QMessageBox, QPrintDialog, QFileDialog) in Dutch too; Qt's
        # built-in source texts are already English.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load("qtbase_nl", qt_dir):
            app.installTranslator(translator)
            _installed.append(translator)
    _current = lang
    return lang


def reset_language(app: QCoreApplication | None = None) -> None:
    """Remove our translators: back to the Dutch source texts and Qt's own English (tests)."""
    global _current
    app = app or QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
    _installed.clear()
    _current = "nl"


def text(message: Message | str) -> str:
    """A message from the services (a key with values) in the UI language; a plain string (a
    name, text the worker typed) as it is."""
    return render(message, _current)


def error_text(err: BaseException) -> str:
    """What went wrong and what to do: a MessageError as its message, advice and details; any
    other exception as the general message (its text may be technical or hold personal data,
    so it is not shown)."""
    if isinstance(err, MessageError):
        return err.render(_current)
    return MessageError(Message("error.unexpected"), Message("error.unexpected.advice")).render(
        _current)


"""Language of the user interface: one mechanism, Qt Linguist (.ts → .qm).

Dutch is the source language of every visible text (`self.tr("…")`); English comes from
resources/translations/wijkteam_en.qm. Messages made outside the GUI (vault errors, status
labels, settings problems, …) stay Dutch in their own layer and are translated here, at display
time, in the context "Meldingen" (listed for pyside6-lupdate in gui/shared/message_catalogue.py).

Choosing the language: the setting `taal` ('nl', 'en' or 'systeem') lives in the encrypted
vault, so before unlocking only the system language (or WIJKTEAM_INTAKE_LANG=nl|en, for tests
and administrators) can be used. After unlocking the setting is applied.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.messages import Message, MessageError, render
from desktop_app.resources import resources_dir

ENV_LANG = "WIJKTEAM_INTAKE_LANG"
LANGUAGES = ("nl", "en")
SYSTEM = "systeem"
MESSAGES = "Meldingen"  # translation context of messages from services, vault and domain

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


def tr_message(text: str | Message) -> str:
    """A fixed Dutch message from services/vault/domain in the UI language."""
    if isinstance(text, Message):
        return render(text, _current)
    return QCoreApplication.translate(MESSAGES, text) if text else text


def tr_signer(name: str, role_word: str) -> str:
    """'Ayşe Yılmaz (ouder met gezag)' in the UI language: the role word is a fixed message."""
    return f"{name} ({tr_message(role_word)})"


def tr_who_signs(explanation: str, signers: Iterable[tuple[str, str]]) -> str:
    """Why these people sign and who they are: "De jongere is 13 jaar. … Tekenen: …"."""
    names = ", ".join(tr_signer(name, role) for name, role in signers)
    signing = QCoreApplication.translate(MESSAGES, "Tekenen: {names}.").format(names=names)
    return f"{tr_variable(explanation)} {signing}" if explanation else signing


def tr_lines(text: str) -> str:
    """Translate a text made of fixed messages joined by new lines."""
    return "\n".join(tr_message(line) for line in text.split("\n"))


def _template_pattern(template: str) -> re.Pattern[str]:
    """'Wacht nog {n} seconden…' → a regex with a named group per placeholder."""
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                    for i, part in enumerate(parts))
    return re.compile(f"^{regex}$", re.S)


_patterns: list[tuple[re.Pattern[str], str]] = []
# Templates general enough to match unrelated text: used only when this part is a known message.
_MUST_BE_KNOWN = {"{label}: {value}": "label", "{subject} heeft {secrecy}.": "secrecy"}


def _templates() -> list[tuple[re.Pattern[str], str]]:
    if not _patterns:
        from desktop_app.gui.shared.message_catalogue import TEMPLATES

        _patterns.extend((_template_pattern(t), t) for t in TEMPLATES)
    return _patterns


def tr_variable(text: str | Message) -> str:
    """A Dutch message from services/vault/domain, also when it has numbers, names or paths in
    it: matched against the templates of the catalogue, the English template is filled with the
    same values (each value translated too when it is itself a known message, like a label).
    Text that matches nothing stays as it is."""
    if isinstance(text, Message):
        return render(text, _current)
    translated = tr_message(text)
    if translated != text or not text:
        return translated
    for pattern, template in _templates():
        match = pattern.match(text)
        if match is None:
            continue
        english = QCoreApplication.translate(MESSAGES, template)
        known = _MUST_BE_KNOWN.get(template)
        if known is not None and tr_message(match[known]) == match[known]:
            continue  # too general a form to take apart text whose key part we do not know
        # The values are shorter than the text, so this recursion ends.
        return english.format(**{k: tr_variable(v) for k, v in match.groupdict().items()})
    # Summaries are several messages in a row: translate them one sentence at a time.
    sentences = _SENTENCE_END.split(text)
    if len(sentences) > 1:
        return " ".join(tr_variable(sentence) for sentence in sentences)
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

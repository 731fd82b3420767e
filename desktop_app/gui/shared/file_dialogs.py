"""Choosing a file to save or open.

The dialogs start where the worker keeps documents: the folder used last in this session (in
memory only, never stored: a folder name can say whose file it was), else the Documents
folder; never the program's own folder, where a relative name would land.

The operating system's own dialog speaks the system's language. When the worker chose another
language for the program (an English Windows, a Dutch program), Qt's own dialog is used, in
the program's language (Qt's translations, installed by i18n.install_language)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.gui.shared.i18n import current_language

_last_folder: Path | None = None


def start_folder() -> Path:
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def forget_folder() -> None:
    """At locking: the next worker does not start in this one's folder."""
    global _last_folder
    _last_folder = None


def _remember(chosen: str) -> None:
    global _last_folder
    if chosen:
        _last_folder = Path(chosen).parent


def _options() -> QFileDialog.Option:
    system = "nl" if QLocale.system().language() == QLocale.Language.Dutch else "en"
    if system != current_language():
        return QFileDialog.Option.DontUseNativeDialog
    return QFileDialog.Option(0)


def _ask(parent: QWidget | None, title: str, start: Path, file_filter: str,
         mode: QFileDialog.AcceptMode) -> str:
    dialog = QFileDialog(parent, title, str(start), file_filter)
    dialog.setAcceptMode(mode)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if mode is QFileDialog.AcceptMode.AcceptSave
                       else QFileDialog.FileMode.ExistingFile)
    dialog.setOptions(_options())
    # Two labels Qt's own Dutch translation leaves in English.
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn,
                        QCoreApplication.translate("FileDialogs", "Kijk &in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType,
                        QCoreApplication.translate("FileDialogs", "Bestands&type:"))
    if mode is QFileDialog.AcceptMode.AcceptSave:
        dialog.selectFile(start.name if start.suffix else "")
    chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    dialog.deleteLater()
    _remember(chosen)
    return chosen


def save_file_name(parent: QWidget | None, title: str, suggested_name: str,
                   file_filter: str) -> str:
    """The chosen path ('' when cancelled); `suggested_name` is a bare file name."""
    return _ask(parent, title, start_folder() / suggested_name, file_filter,
                QFileDialog.AcceptMode.AcceptSave)


def open_file_name(parent: QWidget | None, title: str, file_filter: str) -> str:
    return _ask(parent, title, start_folder(), file_filter, QFileDialog.AcceptMode.AcceptOpen)


def folder_name(parent: QWidget | None, title: str) -> str:
    """A folder to write several files into ('' when cancelled)."""
    dialog = QFileDialog(parent, title, str(start_folder()))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOptions(_options() | QFileDialog.Option.ShowDirsOnly)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn,
                        QCoreApplication.translate("FileDialogs", "Kijk &in:"))
    chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    dialog.deleteLater()
    if chosen:
        global _last_folder
        _last_folder = Path(chosen)
    return chosen

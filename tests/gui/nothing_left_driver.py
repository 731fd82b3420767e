"""A worker's sessions in a program of its own, for tests/gui/test_nothing_left_after_lock.py:
two sessions (unlock, open intakes, type, read and copy their reports, lock) in one process, as
a day with a coffee break goes. After each lock it prints what still shows or holds a marker
from the residents' names and notes, as one JSON object.

    python -m tests.gui.nothing_left_driver   (in a test session: keyring, Qt offscreen)

A throwaway profile (real store, the keyring of the test session). The marker is built at run
time, so the driver's own code holds no copy of the marked texts."""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("WIJKTEAM_INTAKE_KDF_MEMORY_KIB", str(8 * 1024))
os.environ.setdefault("WIJKTEAM_INTAKE_KDF_TIME_COST", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "paarse-olifant-fietst-naar-zee"
_PIECES = ("Qzv", "Merk", "Wrd")


def shown_texts(widget: Any) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName(),
             widget.accessibleDescription()]
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        texts.append(widget.text())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        texts.append(widget.toPlainText())
    return texts


def python_holders(needle: str) -> list[str]:
    """The reachable objects that hold a string containing `needle` in any case (a search
    keeps names folded to lower case): type and text."""
    folded = needle.casefold()
    found = []
    for holder in gc.get_objects():
        for value in gc.get_referents(holder):
            if type(value) is str and value is not needle and folded in value.casefold():
                found.append(f"{type(holder).__name__}: {value[:60]!r}")
    return found


def live_pdfs() -> list[str]:
    """PDF documents still in the program: in Qt's object tree, or held from Python."""
    import shiboken6
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    found = [f"tree: {type(d).__name__}" for d in app.findChildren(QPdfDocument)]
    found += [f"tree: {type(d).__name__}" for w in QApplication.topLevelWidgets()
              for d in w.findChildren(QPdfDocument)]
    found += [f"gc: {type(o).__name__}" for o in gc.get_objects()
              if isinstance(o, QPdfDocument) and shiboken6.isValid(o)]
    return found


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from desktop_app.gui.shared.pdf_preview import PdfPreviewDialog
    from desktop_app.gui.shell.app import AppController, create_application
    from desktop_app.gui.system.lock_monitor import UnavailableLockMonitor
    from desktop_app.services.demo import make_ready
    from desktop_app.services.resident_report import ResidentReportService
    from desktop_app.services.session import ProfileService
    from desktop_app.vault.profiles import create_profile

    app = create_application([sys.argv[0]])
    needle = "".join(_PIECES)

    def wait(condition: Callable[[], bool], seconds: float = 10.0) -> None:
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        if not condition():
            raise TimeoutError

    def settle() -> None:  # as the event loop runs: queued calls, deleteLater
        for _ in range(5):
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="wi-nothing-left-") as folder:
        home = Path(folder)
        create_profile("Fictieve Medewerker", PASSPHRASE, root=home).close()
        ctrl = AppController(ProfileService(home), lock_monitor=UnavailableLockMonitor("test"),
                             idle_check_ms=600_000, monitor_delay_ms=0)
        ctrl.start()
        for session in (1, 2):
            ctrl.unlock_window.passphrase_edit.setText(PASSPHRASE)
            ctrl.unlock_window._unlock()
            wait(lambda: ctrl.main_window is not None)
            main = ctrl.main_window
            for number in range(3):
                marked = f"{needle}{session}{number}"
                intake_id = main.intakes.start_intake(f"Inwoner {marked}naam")
                main.intakes.save_answers(intake_id, {
                    "hulpvraag": f"Hulp bij {marked}geldzaken.",
                    "inwoner_notities": f"Notitie {marked}notitie"})
                main.open_intake(intake_id)
                view = main.intake_view
                editor = view.editors["bezoek_notities"]
                editor.set_value(f"Getypt {marked}getypt")
                editor.changed.emit("bezoek_notities", f"Getypt {marked}getypt")
                view.writer.flush()
                # After the typing: a change sends a ready intake back to concept, and the
                # Overdracht tab opens from klaar voor overdracht on.
                make_ready(main.intakes, intake_id)
                view.tabs.setCurrentIndex(4)  # Overdracht: the report as text, one copied
                settle()
                copy = next(b for b in view.findChildren(QAbstractButton)
                            if b.text() == "Kopieer")
                copy.click()
                settle()
                if number == 2:  # a paper previewed (its view stays open until the lock)
                    preview = PdfPreviewDialog(
                        ResidentReportService(main.session).pdf(intake_id), "Voorbeeld", view)
                    preview.show()
                    settle()
                    preview.reject()  # closed, and kept by its parent, as the panels do
                    del preview
            out[f"before_lock_{session}"] = bool(python_holders(needle)) and any(
                needle in t for w in QApplication.allWidgets() for t in shown_texts(w))
            out[f"pdfs_before_lock_{session}"] = len(live_pdfs())
            main.show_caseload()  # and look a resident up, as the worker does
            main.caseload.search.setText(f"{needle}{session}".lower())
            settle()
            out[f"found_{session}"] = main.caseload.table.model().rowCount()
            del main, view, editor, copy
            ctrl.main_window.lock_action.trigger()
            wait(lambda: ctrl.session is None)
            settle()
            gc.collect()
            out[f"shown_after_lock_{session}"] = [
                f"{type(w).__name__}: {t[:60]!r}" for w in QApplication.allWidgets()
                for t in shown_texts(w) if needle.casefold() in t.casefold()]
            out[f"held_after_lock_{session}"] = python_holders(needle)
            out[f"pdfs_after_lock_{session}"] = live_pdfs()
        ctrl.dispose()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

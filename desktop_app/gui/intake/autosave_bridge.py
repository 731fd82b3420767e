"""Carries autosave results from the writer thread to the UI thread.

The main window owns one bridge and one writer for the whole day; every intake view listens to
the bridge while it is open. It lives with the intake screen (its only listener) so that the
main window and the intake view do not import each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AutosaveBridge(QObject):
    """Queued signals: the writer thread emits, the UI thread receives."""

    saved = Signal(str, object, object)  # intake id, datetime, field ids
    failed = Signal(str, object)  # intake id, the error (a message error from the services)

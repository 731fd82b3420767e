"""Autosave: answers are committed within about a second of typing, off the UI thread.

The UI thread only puts the newest value of a field into a dict (microseconds) and returns.
A writer thread waits `debounce` seconds after the first unsaved change (not after the last
keystroke, so steady typing is still saved every `debounce` seconds), then commits everything
pending in one durable transaction (WAL + synchronous=FULL). A value typed while a commit runs
stays pending and goes in the next one. On failure (a full disk) nothing is dropped: the values
stay pending, the error is reported, and the writer retries. Values for an intake that no
longer exists (destroyed in the background meanwhile) are dropped, never written back; and no
error, expected or not, ends the writer thread: what is typed afterwards is still saved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

from desktop_app.messages import Message, MessageError
from desktop_app.services.intakes import IntakeGone
from desktop_app.vault.errors import StoreCorrupt

SaveFunction = Callable[[str, dict[str, Any]], dt.datetime]
SavedCallback = Callable[[str, dt.datetime, frozenset[str]], None]
ErrorCallback = Callable[[str, MessageError], None]


class AutosaveWriter:
    def __init__(
        self,
        save: SaveFunction,
        *,
        on_saved: SavedCallback | None = None,
        on_error: ErrorCallback | None = None,
        debounce: float = 0.3,
        retry_after: float = 3.0,
    ) -> None:
        self._save = save
        self._on_saved = on_saved
        self._on_error = on_error
        self.debounce = debounce
        self.retry_after = retry_after
        self._pending: dict[str, dict[str, Any]] = {}
        self._first_pending_at: float | None = None
        self._in_flight = False
        self._failed = False
        # Set when the store turned out damaged: nothing is saved any more.
        self.halted = False
        self._stopping = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    # -- called from the UI thread ----------------------------------------------------------
    def submit(self, intake_id: str, field_id: str, value: Any) -> None:
        with self._cond:
            self._pending.setdefault(intake_id, {})[field_id] = value
            if self._first_pending_at is None:
                self._first_pending_at = time.monotonic()
            self._cond.notify()

    def discard(self, intake_id: str) -> None:
        """Drop unsaved values of an intake that no longer exists (destroyed): writing them
        would fail, and must not bring content back."""
        with self._cond:
            self._pending.pop(intake_id, None)
            if not self._pending:
                self._first_pending_at = None
                self._failed = False
            self._cond.notify_all()

    def has_pending(self, intake_id: str | None = None) -> bool:
        """Whether anything (of `intake_id`, when given) still waits to be saved."""
        with self._cond:
            if intake_id is not None:
                return intake_id in self._pending
            return bool(self._pending) or self._in_flight

    def flush(self, timeout: float = 10.0) -> bool:
        """Commit everything now (lock, close, leaving an intake). True when all is saved."""
        deadline = time.monotonic() + timeout
        with self._cond:
            if self.halted:  # a damaged store: nothing more is saved, no waiting for it
                return not self._pending and not self._in_flight
            self._first_pending_at = 0.0  # due now
            self._failed = False
            self._cond.notify_all()
            while (self._pending or self._in_flight) and time.monotonic() < deadline:
                self._cond.wait(0.05)
                if (self._failed or self.halted) and not self._in_flight:
                    return False
            return not self._pending and not self._in_flight

    def stop(self, timeout: float = 10.0) -> bool:
        saved = self.flush(timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return saved

    # -- the writer thread ------------------------------------------------------------------
    def _next_batch(self) -> tuple[str, dict[str, Any]] | None:
        with self._cond:
            while True:
                if self._stopping:
                    return None
                if self.halted:
                    self._cond.wait()
                    continue
                if self._pending and self._first_pending_at is not None:
                    delay = self.retry_after if self._failed else self.debounce
                    wait = self._first_pending_at + delay - time.monotonic()
                    if wait <= 0:
                        intake_id = next(iter(self._pending))
                        batch = dict(self._pending[intake_id])
                        self._in_flight = True
                        return intake_id, batch
                    self._cond.wait(wait)
                else:
                    self._cond.wait()

    def _run(self) -> None:
        while True:
            job = self._next_batch()
            if job is None:
                return
            intake_id, batch = job
            try:
                saved_at = self._save(intake_id, batch)
            except IntakeGone:  # destroyed meanwhile: nothing may be written back
                self.discard(intake_id)
                with self._cond:
                    self._in_flight = False
                    self._cond.notify_all()
                continue
            except StoreCorrupt as caught:
                # A damaged store is never written again (vault/store.py): no retries. The
                # values stay in memory and the worker is told (the damage banner says what to
                # do); nothing more is written for the rest of the session.
                with self._cond:
                    self._in_flight = False
                    self._failed = True
                    self.halted = True
                    self._cond.notify_all()
                self._report(self._on_error, intake_id, caught)
                continue
            except Exception as caught:  # a full disk, anything else: retry
                err = caught if isinstance(caught, MessageError) else MessageError(
                    Message("autosave.failed"), Message("autosave.failed.advice"),
                    detail=type(caught).__name__)
                with self._cond:
                    self._in_flight = False
                    self._failed = True
                    self._first_pending_at = time.monotonic()
                    # Another intake's values go first next time: one that keeps failing must
                    # not hold back what is typed elsewhere.
                    if intake_id in self._pending and len(self._pending) > 1:
                        self._pending[intake_id] = self._pending.pop(intake_id)
                    self._cond.notify_all()
                self._report(self._on_error, intake_id, err)
                continue
            with self._cond:
                pending = self._pending.get(intake_id, {})
                for field_id, value in batch.items():
                    # Keep a newer value typed during the commit; drop what was saved.
                    if field_id in pending and pending[field_id] is value:
                        del pending[field_id]
                if not pending:
                    self._pending.pop(intake_id, None)
                self._in_flight = False
                self._failed = False
                self._first_pending_at = time.monotonic() if self._pending else None
                self._cond.notify_all()
            self._report(self._on_saved, intake_id, saved_at, frozenset(batch))

    @staticmethod
    def _report(callback: Callable[..., None] | None, *args: Any) -> None:
        """Tell the listener; a listener that fails (a window being deleted) must not end the
        writer thread, or everything typed afterwards would be lost without a word."""
        if callback is None:
            return
        with contextlib.suppress(Exception):
            callback(*args)

"""Slow work off the UI thread: destruction, passphrase change, secret rotation, PDF builds.

One small mechanism for all of them. `JobRunner.start(subjects, work, …)` runs `work(progress)`
on a worker thread and delivers its progress, its result or its error on the UI thread (queued
Qt signals), so the window keeps painting and answering while a 200 MB store is rewritten.

- **One action per subject at a time.** A job names what it works on: an intake id, and
  `STORE` when it rewrites or re-keys the whole store. A job cannot start while another holds
  one of its subjects (`start` returns None and the caller says so): no second destruction of
  the same intake, no passphrase change during a destruction.
- **Cancel-safe.** The screen that started a job may be closed before it ends (the worker went
  back to the caseload): its callbacks are then dropped, the job itself runs to its end. Locking
  waits for running jobs (`wait_all`) before the store is closed and then drops every callback
  still on its way (`forget_all`): nothing of a job may reach the screen after the lock (no
  print dialog over the unlock window). The protocols behind these jobs are crash-safe at every
  step, so there is nothing half-done to undo.
- **Errors as messages.** A `MessageError` reaches `on_error` as it is; any other exception is
  wrapped in the general "something unexpected" message (its own text may be technical or hold
  personal data, so it is not shown), and its traceback — without the exception's text — goes
  to standard error for support.

The worker threads are Python threads: SQLCipher, Argon2 and file writes release the GIL, and
Python code yields it every few milliseconds, so the UI thread keeps its turns.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop_app.messages import Message, MessageError

STORE = "store"  # the subject of jobs that rewrite or re-key the whole store

Progress = Callable[[Any], None]


class _Relay(QObject):
    """Lives on the UI thread; the worker thread emits, Qt queues the calls to this thread."""

    progress = Signal(object, object)  # job, value
    ended = Signal(object, object, object)  # job, result, error


class Job:
    def __init__(self, subjects: frozenset[str], owner: QObject | None,
                 on_done: Callable[[Any], object] | None,
                 on_error: Callable[[MessageError], object] | None,
                 on_progress: Callable[[Any], object] | None) -> None:
        self.subjects = subjects
        self.owner = owner
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.thread: threading.Thread | None = None
        self.finished = threading.Event()
        self.generation = 0

    def owner_alive(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)


def _as_message_error(err: BaseException) -> MessageError:
    if isinstance(err, MessageError):
        return err
    # The text of an unexpected exception is left out: it may hold a path or a name.
    print(f"Wijkteam Intake: unexpected {type(err).__name__} in a background job",
          file=sys.stderr)
    print("".join(traceback.format_tb(err.__traceback__)), file=sys.stderr)
    return MessageError(Message("error.unexpected"), Message("error.unexpected.advice"),
                        detail=type(err).__name__)


class JobRunner(QObject):
    """The program's one runner (see `runner()`); tests may make their own."""

    busy_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.progress.connect(self._deliver_progress)
        self._relay.ended.connect(self._deliver_end)
        self._jobs: list[Job] = []
        self._lock = threading.Lock()
        self._generation = 0  # raised by forget_all(): older jobs' ends are not delivered

    # -- asking ---------------------------------------------------------------------------
    def busy(self, subject: str | None = None) -> bool:
        with self._lock:
            return any(subject is None or subject in job.subjects or STORE in job.subjects
                       for job in self._jobs)

    def store_busy(self) -> bool:
        """Whether a job is rewriting or re-keying the whole store right now."""
        with self._lock:
            return any(STORE in job.subjects for job in self._jobs)

    def holds(self, subject: str) -> bool:
        """Whether a running job names exactly this subject (e.g. an intake it destroys)."""
        with self._lock:
            return any(subject in job.subjects for job in self._jobs)

    def start(self, subjects: Iterable[str], work: Callable[[Progress], Any], *,
              owner: QObject | None = None,
              on_done: Callable[[Any], object] | None = None,
              on_error: Callable[[MessageError], object] | None = None,
              on_progress: Callable[[Any], object] | None = None) -> Job | None:
        """Run `work(progress)` on a worker thread. None when one of `subjects` is busy (or
        the whole store is). The callbacks run on the UI thread, and only while `owner` (the
        widget that asked) still exists."""
        wanted = frozenset(subjects)
        job = Job(wanted, owner, on_done, on_error, on_progress)
        with self._lock:
            for running in self._jobs:
                if (wanted & running.subjects or STORE in running.subjects
                        or (STORE in wanted)):
                    return None
            job.generation = self._generation
            self._jobs.append(job)
        relay = self._relay

        def body() -> None:
            result: Any = None
            error: MessageError | None = None
            try:
                result = work(lambda value: relay.progress.emit(job, value))
            except BaseException as err:  # reported as a message, never lost
                error = _as_message_error(err)
            with self._lock:
                if job in self._jobs:
                    self._jobs.remove(job)
            # The end is queued for the UI thread before the job counts as finished, so a
            # `wait_all` that returns has every end on its way (and `forget_all` catches it).
            relay.ended.emit(job, result, error)
            job.finished.set()

        job.thread = threading.Thread(target=body, name="wijkteam-job", daemon=True)
        job.thread.start()
        self.busy_changed.emit()
        return job

    def wait_all(self, timeout: float | None = None) -> bool:
        """Block until every running job has ended (used when locking: the store is closed
        only after them). True when none is left."""
        with self._lock:
            running = list(self._jobs)
        return all(job.finished.wait(timeout) for job in running)

    def forget_all(self) -> None:
        """Deliver nothing more of the jobs started so far (locking: the screens that asked
        are gone, and the session is closed)."""
        with self._lock:
            self._generation += 1
            for job in self._jobs:
                job.on_done = job.on_error = job.on_progress = None

    def forget_owner(self, owner: QObject) -> None:
        """`owner` is going away (a view closes): its callbacks are dropped."""
        with self._lock:
            for job in self._jobs:
                if job.owner is owner:
                    job.on_done = job.on_error = job.on_progress = None

    # -- delivering (UI thread) -------------------------------------------------------------
    def _current(self, job: Job) -> bool:
        return job.generation == self._generation and job.owner_alive()

    def _deliver_progress(self, job: Job, value: Any) -> None:
        if job.on_progress is not None and self._current(job):
            job.on_progress(value)

    def _deliver_end(self, job: Job, result: Any, error: MessageError | None) -> None:
        self.busy_changed.emit()
        if not self._current(job):
            return
        if error is not None:
            if job.on_error is not None:
                job.on_error(error)
        elif job.on_done is not None:
            job.on_done(result)


_runner: JobRunner | None = None


def runner() -> JobRunner:
    """The program's runner, made on first use (on the UI thread)."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = JobRunner()
    return _runner

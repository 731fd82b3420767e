"""Slow work off the UI thread (gui/shared/jobs.py): the work runs on a worker thread and its
progress, result or error arrive on the UI thread; one action per subject at a time, a job on
the whole store excludes every other; errors arrive as messages (an unexpected one without its
text); the callbacks of a screen that was closed are dropped; locking can wait for jobs."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from desktop_app.gui.shared.jobs import STORE, JobRunner
from desktop_app.messages import Message, MessageError, render


@pytest.fixture
def jobs(qapp: Any) -> JobRunner:
    return JobRunner()


def test_work_runs_on_a_worker_thread_and_reports_on_the_ui_thread(qtbot: Any,
                                                                   jobs: JobRunner) -> None:
    ui_thread = threading.current_thread()
    seen: dict[str, Any] = {"progress": []}

    def work(progress: Any) -> str:
        seen["worker"] = threading.current_thread()
        for step in ("een", "twee", "drie"):
            progress(step)
        return "klaar"

    def done(result: str) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    def progressed(value: str) -> None:
        seen["progress"].append((value, threading.current_thread()))

    assert jobs.start({"intake-1"}, work, on_done=done, on_progress=progressed) is not None
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["worker"] is not ui_thread
    assert seen["result"] == "klaar" and seen["done_thread"] is ui_thread
    assert [v for v, _t in seen["progress"]] == ["een", "twee", "drie"]
    assert all(t is ui_thread for _v, t in seen["progress"])
    assert not jobs.busy()


def test_one_action_per_subject_and_the_whole_store_excludes_all(qtbot: Any,
                                                                 jobs: JobRunner) -> None:
    release = threading.Event()
    ended: list[str] = []
    first = jobs.start({"intake-1"}, lambda _p: release.wait(5),
                       on_done=lambda _r: ended.append("first"))
    assert first is not None
    assert jobs.busy("intake-1") and jobs.holds("intake-1") and not jobs.holds("intake-2")
    assert jobs.start({"intake-1"}, lambda _p: None) is None  # the same intake: refused
    assert jobs.start({STORE}, lambda _p: None) is None  # a re-key waits for everything
    other = jobs.start({"intake-2"}, lambda _p: None, on_done=lambda _r: ended.append("other"))
    assert other is not None  # another intake may go on
    release.set()
    qtbot.waitUntil(lambda: sorted(ended) == ["first", "other"], timeout=5000)

    release.clear()
    store_job = jobs.start({STORE, "intake-3"}, lambda _p: release.wait(5),
                           on_done=lambda _r: ended.append("store"))
    assert store_job is not None
    assert jobs.busy("intake-9")  # while the store is re-keyed, every intake is busy
    assert jobs.start({"intake-9"}, lambda _p: None) is None
    release.set()
    qtbot.waitUntil(lambda: "store" in ended, timeout=5000)
    assert not jobs.busy()


def test_errors_arrive_as_messages_and_hide_an_unexpected_text(
        qtbot: Any, jobs: JobRunner, capfd: pytest.CaptureFixture[str]) -> None:
    errors: list[MessageError] = []
    refusal = MessageError(Message("vault.disk_full"), Message("vault.disk_full.advice"))

    def refuse(_progress: Any) -> None:
        raise refusal

    surname = "Jan" + "sen"  # built at run time: the traceback shows source lines, not values

    def crash(_progress: Any) -> None:
        raise RuntimeError(f"/home/anna/Fictief {surname}.pdf")

    jobs.start({"a"}, refuse, on_error=errors.append)
    jobs.start({"b"}, crash, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    by_key = {e.message.key: e for e in errors}
    assert by_key["vault.disk_full"] is refusal
    unexpected = by_key["error.unexpected"]
    assert unexpected.detail == "RuntimeError"
    assert "Jansen" not in unexpected.render("nl") + unexpected.render("en")
    assert render(unexpected.message, "en") == (
        "Something went wrong that the program did not expect.")
    captured = capfd.readouterr()
    assert "RuntimeError" in captured.err and "Jansen" not in captured.err


def test_the_callbacks_of_a_closed_screen_are_dropped(qtbot: Any, jobs: JobRunner) -> None:
    release = threading.Event()
    screen = QWidget()
    called: list[str] = []
    jobs.start({"intake-1"}, lambda _p: release.wait(5), owner=screen,
               on_done=lambda _r: called.append("done"))
    screen.deleteLater()  # the worker went back to the caseload
    qtbot.waitUntil(lambda: not _alive(screen), timeout=5000)
    release.set()
    assert jobs.wait_all(5)
    qtbot.wait(100)  # the queued end would be delivered by now
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_wait_all_blocks_until_every_job_has_ended(jobs: JobRunner) -> None:
    finished = threading.Event()

    def slow(_progress: Any) -> None:
        threading.Event().wait(0.3)
        finished.set()

    jobs.start({STORE}, slow)
    assert jobs.wait_all(10)
    assert finished.is_set() and not jobs.busy()


def test_forget_all_drops_what_is_still_on_its_way(qtbot: Any, jobs: JobRunner) -> None:
    """Locking: wait for the jobs, then nothing of them reaches a screen, even one that still
    exists; a job started afterwards (the next unlock) is delivered again."""
    screen = QWidget()
    called: list[str] = []
    release = threading.Event()
    jobs.start({"intake-1"}, lambda _p: release.wait(5), owner=screen,
               on_done=lambda _r: called.append("old"))
    release.set()
    assert jobs.wait_all(5)
    jobs.forget_all()
    qtbot.wait(100)
    assert called == []
    jobs.start({"intake-1"}, lambda _p: None, owner=screen,
               on_done=lambda _r: called.append("new"))
    qtbot.waitUntil(lambda: called == ["new"], timeout=5000)

"""`bench` rows for a worker's whole day (issue 18): opening an intake, and memory after a day
of opening intakes, weighing and previewing statements.

Both run the real main window on a real profile filled through the services (the demo's
fictional residents). Opening is measured in this process, memory in a child process of its
own (resident set size is only meaningful for a whole process).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from desktop_app.commands.bench_row import Row

_PASSPHRASE = "werkdag-fietst-langs-de-vecht-18"
_NOTE_FIELD = "bezoek_notities"


@contextlib.contextmanager
def _demo_session(count: int) -> Iterator[tuple[Any, list[str]]]:
    """A throwaway profile with `count` fictional intakes (with data requests and statements,
    as the demo makes them); removed with its keyring entries afterwards."""
    from desktop_app.services.demo import fill_demo, fill_demo_settings
    from desktop_app.services.destruction_bench import throwaway_profile

    with throwaway_profile("wi-bench-day-", _PASSPHRASE) as (session, _folder):
        fill_demo_settings(session)
        yield session, fill_demo(session, count=count, seed=18)


def _shown(app: Any, window: Any) -> None:
    """Until the window has laid out and painted what is on it now, and what was closed is
    deleted (the event loop does that when it runs; processEvents alone does not)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.repaint()


def bench_open_intake(repeat: int) -> list[Row]:
    """From 'open' to the intake painted in the main window (1366×768), with every section's
    answers stored; and the same with a pasted note of 1 MB. Targets: ≤ 150 ms and ≤ 300 ms."""
    from desktop_app.gui.shell.app import create_application
    from desktop_app.gui.shell.main_window import MainWindow
    from desktop_app.services.intakes import IntakeService

    app = create_application([])
    with _demo_session(4) as (session, ids):
        intakes = IntakeService(session)
        full = ids[0]
        big = ids[1]
        note = ("Aantekening van het gesprek, fictief. " * 30 + "\n\n") * 880  # about 1 MB
        intakes.save_answers(big, {_NOTE_FIELD: note[:1_000_000]})
        window = MainWindow(session, "nl")
        window.resize(1366, 768)
        window.show()
        _shown(app, window)

        def open_once(intake_id: str) -> float:
            window.show_caseload()
            _shown(app, window)
            gc.collect()
            start = time.perf_counter()
            window.open_intake(intake_id, ask_migration=False)
            _shown(app, window)
            return time.perf_counter() - start

        open_once(full)  # first: the form code and definitions load once
        open_once(big)
        plain = [open_once(full) for _ in range(repeat)]
        with_note = [open_once(big) for _ in range(repeat)]
        window.close()
    rows = []
    for what, key, samples, limit in (
            ("Intake openen (alle onderdelen ingevuld)", "open_intake_ms", plain, 0.150),
            ("Intake openen met een aantekening van 1 MB", "open_intake_1mb_ms", with_note,
             0.300)):
        value = statistics.median(samples)
        rows.append(Row(what, f"≤ {limit * 1000:.0f} ms", f"{value * 1000:.0f} ms", "—", None,
                        None, value <= limit,
                        f"mediaan van {len(samples)}; tot het venster is getekend",
                        key=key, value=round(value * 1000, 1)))
    return rows


# -- a working day, in a child process -------------------------------------------------------
def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _release() -> None:
    """What a long-running program gets back: collected garbage and freed heap pages."""
    import ctypes

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _day(opens: int) -> dict[str, int]:
    """`opens` intake opens; at every twelfth one the other tabs are looked at, a weighing is
    opened and a statement previewed (600 opens: 50 of each, the measured day of issue 18)."""
    from desktop_app.gui.shared.pdf_preview import PdfPreviewDialog
    from desktop_app.gui.shell.app import create_application
    from desktop_app.gui.shell.main_window import MainWindow
    from desktop_app.services.consent import ConsentService
    from desktop_app.services.data_requests import DataRequestService

    app = create_application([])
    with _demo_session(12) as (session, ids):
        window = MainWindow(session, "nl")
        window.resize(1366, 768)
        window.show()
        _shown(app, window)
        consent = ConsentService(session)
        requests = DataRequestService(session)
        statements = [s.id for i in ids for s in consent.statements(i)]
        request_ids = {i: [r.id for r in requests.list_requests(i)] for i in ids}

        def visit(number: int) -> None:
            intake_id = ids[number % len(ids)]
            window.open_intake(intake_id, ask_migration=False)
            _shown(app, window)
            if number % 12:
                return
            view = window.intake_view
            for tab in (*range(1, view.tabs.count()), 0):  # every tab, whatever their number
                view.tabs.setCurrentIndex(tab)
                _shown(app, window)
            if request_ids[intake_id]:
                wizard = view.panel(0).wizard(request_ids[intake_id][0])
                wizard.show()
                _shown(app, wizard)
                wizard.reject()
                wizard.deleteLater()
            if statements:
                statement = statements[number // 12 % len(statements)]
                preview = PdfPreviewDialog(consent.pdf(statement), "Voorbeeld", window)
                preview.show()
                _shown(app, preview)
                preview.reject()
                preview.deleteLater()
            window.show_caseload()
            _shown(app, window)

        for number in range(min(12, opens)):  # warm-up: code, definitions and fonts load once
            visit(number * 12)
        _release()
        after_warm_up = _rss_kib()
        for number in range(opens):
            visit(number)
        window.show_caseload()
        _shown(app, window)
        _release()
        at_end = _rss_kib()
        window.close()
    return {"after_warm_up_kib": after_warm_up, "at_end_kib": at_end}


def bench_working_day(quick: bool, opens: int | None = None) -> Row:
    """Issue 18: memory after a working day, in a fresh process (target: the end ≤ 1.1 × after
    the warm-up; a leak of 130-190 KiB per opened intake gave 3 ×). `opens` for tests."""
    opens = opens or (60 if quick else 600)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, "-c",
         f"import json; from desktop_app.commands.bench_day import _day; "
         f"print(json.dumps(_day({opens})))"],
        env=env, check=True, capture_output=True, text=True)
    found: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    start, end = found["after_warm_up_kib"], found["at_end_kib"]
    ratio = end / start
    return Row(f"Geheugen na een werkdag ({opens} keer een intake openen)", "≤ 1,1 × begin",
               f"{end / 1024:.0f} MB", f"na opwarmen {start / 1024:.0f} MB", round(ratio, 2),
               1.1, ratio <= 1.1,
               f"elke 12e keer: alle tabbladen, een afweging en een voorbeeld van een "
               f"verklaring ({opens // 12} keer)",
               key="working_day_memory_ratio", value=round(ratio, 3))


def day_rows(repeat: int, quick: bool) -> list[Row]:
    rows: list[Row] = []
    steps: tuple[Callable[[], object], ...] = (
        lambda: rows.extend(bench_open_intake(repeat)),
        lambda: rows.append(bench_working_day(quick)),
    )
    for step in steps:
        step()
    return rows

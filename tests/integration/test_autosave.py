"""Autosave: coalescing, flushing, retry after a failure, and SIGKILL during a burst."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from desktop_app.messages import MessageError, render
from desktop_app.services.autosave import AutosaveWriter
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.vault.errors import DiskFull
from desktop_app.vault.profiles import create_profile, unlock_profile
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def test_coalesces_and_commits_within_a_second(profile) -> None:
    service = IntakeService(Session(profile))
    intake_id = service.start_intake("Kim Jansen")
    commits: list[frozenset[str]] = []
    writer = AutosaveWriter(service.save_answers, on_saved=lambda i, t, f: commits.append(f),
                            debounce=0.2)
    start = time.monotonic()
    text = ""
    for ch in "Ik wil graag hulp bij mijn administratie.":
        text += ch
        writer.submit(intake_id, "hulpvraag", text)
        time.sleep(0.005)
    while writer.has_pending() and time.monotonic() - start < 5:
        time.sleep(0.01)
    elapsed = time.monotonic() - start
    assert elapsed < 1.5
    assert len(commits) < 10  # coalesced, not one commit per keystroke
    assert service.open_intake(intake_id).answers["hulpvraag"] == text
    writer.stop()


def test_failure_keeps_values_and_retry_saves(profile) -> None:
    service = IntakeService(Session(profile))
    intake_id = service.start_intake("Kim Jansen")
    failures = {"left": 2}
    errors: list[str] = []
    saved = threading.Event()

    def flaky_save(intake: str, answers: dict) -> dt.datetime:
        if failures["left"]:
            failures["left"] -= 1
            raise DiskFull()
        return service.save_answers(intake, answers)

    writer = AutosaveWriter(flaky_save, on_error=lambda i, e: errors.append(str(e.message)),
                            on_saved=lambda i, t, f: saved.set(), debounce=0.05,
                            retry_after=0.1)
    writer.submit(intake_id, "hulpvraag", "niet verloren")
    assert saved.wait(5)
    assert len(errors) == 2 and "vol" in errors[0]
    assert service.open_intake(intake_id).answers["hulpvraag"] == "niet verloren"
    writer.stop()


def test_flush_saves_everything_now(profile) -> None:
    service = IntakeService(Session(profile))
    intake_id = service.start_intake("Kim Jansen")
    writer = AutosaveWriter(service.save_answers, debounce=30)  # would wait 30 s
    writer.submit(intake_id, "hulpvraag", "direct bewaard bij vergrendelen")
    assert writer.flush(timeout=5)
    assert service.open_intake(intake_id).answers["hulpvraag"].startswith("direct")
    writer.stop()


def test_kill_during_autosave_burst_loses_no_committed_answer(real_keyring,
                                                              data_home: Path) -> None:
    p = create_profile("Kill Test", PASSPHRASE, root=data_home)
    intake_id = IntakeService(Session(p)).start_intake("Ayşe Yılmaz")
    folder = p.paths.folder
    p.close()
    fields = ["hulpvraag", "inwoner_notities", "bezoek_notities", "hulpvraag_notities"]
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from desktop_app.services.autosave import AutosaveWriter
        from desktop_app.services.intakes import IntakeService
        from desktop_app.services.session import Session
        from desktop_app.vault.profiles import unlock_profile
        service = IntakeService(Session(unlock_profile(Path({str(folder)!r}), {PASSPHRASE!r})))
        fields = {fields!r}
        sent = {{}}
        def saved(intake, at, ids):
            for f in ids:
                sys.stdout.write(f"saved {{f}} {{sent_at_save[f]}}\\n")
            sys.stdout.flush()
        sent_at_save = {{}}
        def save(intake, answers):
            result = service.save_answers(intake, answers)
            for f, v in answers.items():
                sent_at_save[f] = int(v.rsplit(' ', 1)[1])
            return result
        writer = AutosaveWriter(save, on_saved=saved, debounce=0.02)
        print("ready", flush=True)
        n = 0
        while True:
            n += 1
            f = fields[n % len(fields)]
            writer.submit({intake_id!r}, f, "tekst Łódź " * 50 + f"volgnummer {{n}}")
            time.sleep(0.0005)
    """)
    rng = random.Random(42)
    kills = 0
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, env=dict(os.environ),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready", child.stderr.read()[-3000:]
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        kills += 1
        reported: dict[str, int] = {}
        for line in out.splitlines():
            if line.startswith("saved "):
                _, field, seq = line.split()
                reported[field] = max(reported.get(field, 0), int(seq))
        opened = unlock_profile(folder, PASSPHRASE)
        try:
            assert opened.store.scalar("PRAGMA integrity_check") == "ok"
            answers = IntakeService(Session(opened)).open_intake(intake_id).answers
            for field, seq in reported.items():
                stored = int(answers[field].rsplit(" ", 1)[1])
                # Everything reported as committed is there (or something typed later).
                assert stored >= seq, (field, stored, seq)
        finally:
            opened.close()
    assert kills == 12


def test_discard_drops_values_of_a_destroyed_intake(profile) -> None:
    service = IntakeService(Session(profile))
    intake_id = service.start_intake("Kim Jansen")
    writer = AutosaveWriter(service.save_answers, debounce=30)
    writer.submit(intake_id, "hulpvraag", "mag niet terugkomen")
    writer.discard(intake_id)
    assert not writer.has_pending()
    assert writer.flush(timeout=2)
    assert "hulpvraag" not in service.open_intake(intake_id).answers
    writer.stop()


def test_an_intake_destroyed_meanwhile_or_an_unexpected_error_never_stops_saving(
        profile) -> None:
    """While a destruction runs in the background the worker may still type in that intake:
    those values are dropped (never written back), and everything typed afterwards, in any
    intake, is still saved. An unexpected error is reported as a message and retried; it does
    not end the writer thread either."""
    session = Session(profile)
    service = IntakeService(session)
    gone = service.start_intake("Fictief: Anna Jansen")
    other = service.start_intake("Fictief: Piet de Vries")
    with session.profile.store.transaction() as store:  # as a destruction deletes it
        store.execute("DELETE FROM answers WHERE intake_id = ?", (gone,))
        store.execute("DELETE FROM intakes WHERE id = ?", (gone,))
    failures = {"left": 1}

    def save(intake_id: str, answers: dict) -> dt.datetime:
        if intake_id == other and failures["left"]:
            failures["left"] -= 1
            raise RuntimeError("something nobody expected")
        return service.save_answers(intake_id, answers)

    errors: list = []
    saved: list[str] = []
    writer = AutosaveWriter(save, on_error=lambda i, e: errors.append(e),
                            on_saved=lambda i, t, f: saved.append(i), debounce=0.05,
                            retry_after=0.1)
    writer.submit(gone, "hulpvraag", "getypt tijdens het vernietigen")
    writer.submit(other, "hulpvraag", "na de fout nog bewaard")
    deadline = time.monotonic() + 5
    while writer.has_pending() and time.monotonic() < deadline:  # the retry comes by itself
        time.sleep(0.02)
    assert not writer.has_pending()
    writer.submit(other, "aanvullend", "en dit ook")
    assert writer.flush(5)
    writer.stop()
    assert [e.message.key for e in errors] == ["autosave.failed"]
    assert saved and set(saved) == {other}
    answers = service.open_intake(other).answers
    assert answers["hulpvraag"] == "na de fout nog bewaard"
    assert answers["aanvullend"] == "en dit ook"
    assert session.profile.store.scalar(
        "SELECT count(*) FROM answers WHERE intake_id = ?", (gone,)) == 0


def test_a_lone_surrogate_is_stored_as_a_replacement_character(profile) -> None:
    """Issue 17 (7): half of a UTF-16 pair (a broken paste) cannot be written as UTF-8. The
    service stores U+FFFD in its place, so the save succeeds and nothing else is lost; a pair
    that arrived as two halves is joined."""
    service = IntakeService(Session(profile))
    intake_id = service.start_intake("Fictief: Sanne Bakker")
    service.save_answers(intake_id, {"hulpvraag": "hulp \ud800bij geld",
                                     "aanvullend": "blij \ud83d\ude00"})
    answers = service.open_intake(intake_id).answers
    assert answers["hulpvraag"] == "hulp \ufffdbij geld"
    assert answers["aanvullend"] == "blij \U0001f600"


def test_the_writer_saves_a_lone_surrogate_and_everything_typed_with_it(profile) -> None:
    service = IntakeService(Session(profile))
    intake_id = service.start_intake("Fictief: Sanne Bakker")
    errors: list = []
    writer = AutosaveWriter(service.save_answers, on_error=lambda i, e: errors.append(e),
                            debounce=0.05, retry_after=0.1)
    writer.submit(intake_id, "hulpvraag", "kapot \udfff teken")
    writer.submit(intake_id, "aanvullend", "gewone tekst")
    assert writer.flush(5)
    writer.submit(intake_id, "aanvullend", "daarna getypt")
    assert writer.flush(5)
    assert writer._thread.is_alive()
    writer.stop()
    assert errors == []
    answers = service.open_intake(intake_id).answers
    assert answers["hulpvraag"] == "kapot \ufffd teken"
    assert answers["aanvullend"] == "daarna getypt"


def test_a_store_that_refuses_writes_for_a_while_loses_nothing(profile) -> None:
    """A real failure at the store level (SQLite's read-only switch, as an unwritable store
    behaves), then the store takes writes again: the values stay pending, the worker is told,
    the writer retries by itself and saves them; the thread is still alive afterwards. A
    listener that itself fails does not end the thread either."""
    session = Session(profile)
    service = IntakeService(session)
    intake_id = service.start_intake("Fictief: Sanne Bakker")
    connection = session.profile.store.raw_connection
    connection.execute("PRAGMA query_only = ON")
    failed = threading.Event()
    errors: list = []

    def on_error(intake: str, error) -> None:
        errors.append(error)
        failed.set()
        raise RuntimeError("a listener that fails")

    writer = AutosaveWriter(service.save_answers, on_error=on_error, debounce=0.05,
                            retry_after=0.2)
    writer.submit(intake_id, "hulpvraag", "eerst niet opgeslagen")
    assert failed.wait(5)
    assert writer.has_pending(intake_id)  # kept, not dropped
    assert isinstance(errors[0], MessageError) and render(errors[0].message, "nl")  # told
    assert writer._thread.is_alive()
    writer.submit(intake_id, "aanvullend", "tijdens de storing getypt")
    connection.execute("PRAGMA query_only = OFF")
    deadline = time.monotonic() + 5
    while writer.has_pending() and time.monotonic() < deadline:  # the retry comes by itself
        time.sleep(0.02)
    assert not writer.has_pending()
    assert writer._thread.is_alive()
    writer.submit(intake_id, "hulpvraag", "en daarna nog")
    assert writer.flush(5)
    writer.stop()
    answers = service.open_intake(intake_id).answers
    assert answers["hulpvraag"] == "en daarna nog"
    assert answers["aanvullend"] == "tijdens de storing getypt"


def test_an_intake_that_keeps_failing_does_not_hold_back_another(profile) -> None:
    session = Session(profile)
    service = IntakeService(session)
    broken = service.start_intake("Fictief: Anna Jansen")
    fine = service.start_intake("Fictief: Piet de Vries")

    def save(intake_id: str, answers: dict) -> dt.datetime:
        if intake_id == broken:
            raise RuntimeError("this one always fails")
        return service.save_answers(intake_id, answers)

    writer = AutosaveWriter(save, debounce=0.05, retry_after=0.05)
    writer.submit(broken, "hulpvraag", "blijft bewaard in het geheugen")
    writer.submit(fine, "hulpvraag", "wordt opgeslagen")
    deadline = time.monotonic() + 5
    while writer.has_pending(fine) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not writer.has_pending(fine)
    assert writer.has_pending(broken)
    assert writer._thread.is_alive()
    writer.discard(broken)
    writer.stop()
    assert service.open_intake(fine).answers["hulpvraag"] == "wordt opgeslagen"

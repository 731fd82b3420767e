"""Forensic proof of the destruction protocol (ZW-6, DESIGN "The destruction protocol").

A unique marker goes into every field of the form, a data request, a weighing, a consent
statement (text and PDF blob) and an exported file. After destruction the marker is found
nowhere: not in any file under the program's folders or the temp folder (UTF-8 and UTF-16-LE),
not in the decrypted store (every row, and a plaintext sqlcipher_export), and a copy of the
store files taken before destruction cannot be opened with anything that exists afterwards.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.forms import FieldType
from desktop_app.messages import Message, render
from desktop_app.services.destruction import (
    DestructionRefused,
    DestructionService,
    pending_overview,
    pending_report,
    receipts,
    resume_pending_destructions,
)
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.transfer import TransferChecklist, TransferError, TransferService
from desktop_app.vault import audit
from desktop_app.vault import secrets as device_secrets
from desktop_app.vault.errors import DeviceSecretMissing, VaultError
from desktop_app.vault.header import read_header
from desktop_app.vault.keys import combine_keys, derive_passphrase_key
from desktop_app.vault.migrations import migrate
from desktop_app.vault.paths import ProfilePaths, program_folders
from desktop_app.vault.profiles import unlock_profile
from desktop_app.vault.store import Store
from tests.conftest import PASSPHRASE

MAX_SCAN_BYTES = 256 * 1024 * 1024


def new_marker() -> str:
    # Made at run time, so it is in no source file, compiled file or earlier test's leftovers.
    return f"ZW6MARK{secrets.token_hex(10).upper()}"


def marked_value(field: Any, marker: str) -> Any:
    """A value carrying the marker for every field type (stored even when not valid)."""
    text = f"{marker} {field.id} Łódź"
    if field.type is FieldType.PERSON_LIST:
        return [{column.id: f"{marker} {column.id}" for column in field.columns}]
    if field.type is FieldType.MULTI_CHOICE:
        return [text]
    return text


def fill_every_field(service: IntakeService, intake_id: str, marker: str) -> int:
    form = service.open_intake(intake_id).form
    answers = {f.id: marked_value(f, marker) for f in form.fields}
    service.save_answers(intake_id, answers)
    return len(answers)


def add_request_and_statement(session: Session, intake_id: str, marker: str,
                              pdf_text: str | None = None) -> None:
    """A data request, its weighing, and a signed consent statement with a PDF, written the
    way the other services store them (payload JSON, pdf BLOB)."""
    store = session.profile.store
    now = session.now().isoformat()
    tag = secrets.token_hex(4)
    request_id, statement_id = f"verzoek-{tag}aa", f"verklaring-{tag}bb"
    pdf = ("%PDF-1.4\n" + (pdf_text or f"BT ({marker} handtekening) Tj ET") + "\n%%EOF").encode(
        "utf-8")
    with store.transaction():
        definition = store.scalar("SELECT content_hash FROM form_definitions LIMIT 1")
        store.execute(
            "INSERT INTO data_requests(id, intake_id, status, payload, created_at, updated_at)"
            " VALUES (?, ?, 'concept', ?, ?, ?)",
            (request_id, intake_id, json.dumps({"doel": f"{marker} doel huisarts",
                                                "gegevens": [f"{marker} medicatie"]}),
             now, now))
        store.execute(
            "INSERT INTO weighings(data_request_id, version, protocol_hash, payload, created_at)"
            " VALUES (?, 1, ?, ?, ?)",
            (request_id, definition, json.dumps({"motivatie": f"{marker} afweging"}), now))
        store.execute(
            "INSERT INTO consent_statements(id, intake_id, document_number, version,"
            " template_hash, status, payload, content_hash, pdf, pdf_sha256, events,"
            " created_at, updated_at) VALUES (?, ?, ?, 1, ?, 'getekend', ?, ?, ?, ?, ?, ?, ?)",
            (statement_id, intake_id, f"TV-2026-{tag}", definition,
             json.dumps({"inwoner": f"{marker} verklaring"}), "0" * 64, pdf, "0" * 64,
             json.dumps([{"event": "getekend", "reden": f"{marker} event"}]), now, now))
        store.execute("INSERT INTO consent_coverage(statement_id, data_request_id)"
                      " VALUES (?, ?)", (statement_id, request_id))


def sign_on_screen_with_marker(session: Session, intake_id: str, marker: str) -> None:
    """A real statement signed on the screen (issue 16): the marker is in the resident's name
    and the organisation on the statement, in the place of signing, and so in the signed PDF
    built in memory and stored in the store."""
    from desktop_app.domain.consent import Choice
    from desktop_app.domain.consent_screen import ScreenSignature, ScreenSigning
    from desktop_app.services.consent import ConsentService, SignerChoices
    from tests.gui.consent_setup import add_request, fill_settings

    fill_settings(session)
    # A birth date the statement can use; every other answer keeps the marker.
    IntakeService(session).save_answers(intake_id, {"inwoner_geboortedatum": "1980-06-01",
                                                    "vertegenwoordiging": "geen"})
    add_request(session, intake_id, "huisarts", f"{marker} huisartsenpraktijk")
    service = ConsentService(session)
    composition = service.compose(intake_id, choices=SignerChoices(capable=True))
    statement_id = service.create(intake_id, composition)
    screen = service.prepare_screen_signing(statement_id)
    strokes = (((10.0, 50.0), (60.0, 10.0), (110.0, 55.0)),)
    service.sign_on_screen(statement_id, ScreenSigning(
        session.now().astimezone(), f"{marker} plaats", screen.text_hash,
        (ScreenSignature(0, {0: Choice.JA}, strokes, 200.0, 80.0),)))
    assert service.signed_pdf(statement_id) is not None


def force_ready(session: Session, intake_id: str) -> None:
    """Klaar voor overdracht without the readiness check, for the tests about what comes after
    it: they fill fields with marker text and write raw rows (not valid data requests) to look
    for leftovers, which the check would rightly refuse. The check itself is tested in
    tests/integration/test_readiness.py."""
    with session.profile.store.transaction() as store:
        store.execute("UPDATE intakes SET status = 'klaar_voor_overdracht', ready_at = ?"
                      " WHERE id = ?", (session.now().isoformat(), intake_id))


def checklist(reference: str = "TOP-2026-00417") -> TransferChecklist:
    return TransferChecklist(reference, True, True, True)


def scan_files(roots: Iterable[Path], needles: list[bytes],
               newer_than: float | None = None) -> list[Path]:
    """Every regular file under the roots that contains one of the needles."""
    hits: list[Path] = []
    for root in roots:
        if not root.exists():
            continue
        for folder, _dirs, names in os.walk(root, onerror=lambda _e: None):
            for name in names:
                path = Path(folder) / name
                try:
                    info = path.lstat()
                    if not path.is_file() or path.is_symlink():
                        continue
                    if info.st_size > MAX_SCAN_BYTES:
                        continue
                    if newer_than is not None and info.st_mtime < newer_than:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                if any(n in data for n in needles):
                    hits.append(path)
    return hits


def marker_needles(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le")]


def all_rows_text(store: Store) -> str:
    parts: list[str] = []
    for (table,) in store.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in store.query(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, bytes):
                    parts.append(value.decode("latin-1"))
                    parts.append(value.decode("utf-16-le", "ignore"))
                else:
                    parts.append(str(value))
    return "\n".join(parts)


def plaintext_export_contains(store: Store, needles: list[bytes]) -> bool:
    """sqlcipher_export the whole store to an unencrypted file, search it, shred it."""
    folder = Path(tempfile.mkdtemp(prefix="wi-forensic-"))
    plain = folder / "klaartekst.db"
    try:
        with store.lock:
            conn = store.raw_connection
            conn.execute(f"ATTACH DATABASE '{plain}' AS klaartekst KEY ''")
            try:
                conn.execute("SELECT sqlcipher_export('klaartekst')")
            finally:
                conn.execute("DETACH DATABASE klaartekst")
        data = plain.read_bytes()
        assert data.startswith(b"SQLite format 3\x00")  # really plaintext, so the search counts
        return any(n in data for n in needles)
    finally:
        # The export holds everything in plaintext: overwrite, then remove it.
        for leftover in folder.iterdir():
            size = leftover.stat().st_size
            with leftover.open("r+b") as handle:
                handle.write(b"\0" * size)
            leftover.unlink()
        folder.rmdir()


PAGE_SIZE, RESERVE, IV_LENGTH = 4096, 80, 16  # SQLCipher 4 defaults (AES-256-CBC, HMAC-SHA512)


def decrypted_pages(path: Path, db_key: bytes) -> bytes:
    """Every page of a SQLCipher 4 file decrypted with the raw key, *including* free pages and
    the unused space inside pages, which a logical export never shows. (With a raw key the
    32 bytes are the AES key; each page carries its IV in the reserved tail; page 1 starts
    with the 16-byte salt.) Also decrypts the frames of a -wal file."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    def page(raw: bytes, first: bool) -> bytes:
        start = 16 if first else 0
        iv = raw[PAGE_SIZE - RESERVE:PAGE_SIZE - RESERVE + IV_LENGTH]
        body = raw[start:PAGE_SIZE - RESERVE]
        decryptor = Cipher(algorithms.AES(db_key), modes.CBC(iv)).decryptor()
        return decryptor.update(body) + decryptor.finalize()

    out: list[bytes] = []
    data = path.read_bytes()
    for number, offset in enumerate(range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE), start=1):
        plain = page(data[offset:offset + PAGE_SIZE], number == 1)
        if number == 1:
            # Sanity: a right key gives the SQLite header fields (page size 4096 at 16..17).
            assert plain[:2] == PAGE_SIZE.to_bytes(2, "big"), "raw decryption failed"
        out.append(plain)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        frames = wal.read_bytes()
        for offset in range(32, len(frames) - 24 - PAGE_SIZE + 1, 24 + PAGE_SIZE):
            number = int.from_bytes(frames[offset:offset + 4], "big")
            out.append(page(frames[offset + 24:offset + 24 + PAGE_SIZE], number == 1))
    return b"".join(out)


def current_db_key(paths: ProfilePaths, passphrase: str) -> bytes:
    header, _ = read_header(paths.header, paths.header_backup)
    secret = device_secrets.load_secret(header.current.secret_entry)
    return combine_keys(derive_passphrase_key(passphrase, header.current.kdf), secret)


def copy_store_files(paths: ProfilePaths, target: Path) -> Path:
    target.mkdir(parents=True)
    for source in (paths.store, paths.store_wal, paths.header, paths.header_backup):
        if source.exists():
            shutil.copy2(source, target / source.name)
    return target


def entry_names_ever(profile_id: str, headers: list[Any], extra: int = 3) -> set[str]:
    names: set[str] = set()
    top = 1
    for header in headers:
        names.add(header.current.secret_entry)
        names.update(header.retired_secret_entries)
        if header.pending is not None:
            names.add(header.pending.material.secret_entry)
        top = max(top, header.secret_generation)
    names.update(f"{profile_id}/apparaatgeheim/{g}" for g in range(1, top + extra + 1))
    return names


def old_copy_opens(copy: Path, current_paths: ProfilePaths, passphrase: str) -> list[str]:
    """Try every key that can be built from the passphrase and whatever the keyring holds now,
    for every keyring entry name the profile ever used; return those that open the copy."""
    old_header, _ = read_header(copy / "profiel.json", copy / "profiel.reserve.json")
    new_header, _ = read_header(current_paths.header, current_paths.header_backup)
    opened: list[str] = []
    kdfs = {old_header.current.kdf, new_header.current.kdf}
    for entry in sorted(entry_names_ever(new_header.profile_id, [old_header, new_header])):
        try:
            secret = device_secrets.load_secret(entry)
        except DeviceSecretMissing:
            continue
        for params in kdfs:
            key = combine_keys(derive_passphrase_key(passphrase, params), secret)
            trial = Path(tempfile.mkdtemp(prefix="wi-oldcopy-"))
            try:
                shutil.copy2(copy / "store.db", trial / "store.db")
                if (copy / "store.db-wal").exists():
                    shutil.copy2(copy / "store.db-wal", trial / "store.db-wal")
                try:
                    store = Store.open(trial / "store.db", key)
                except VaultError:
                    continue
                store.close()
                opened.append(entry)
            finally:
                shutil.rmtree(trial, ignore_errors=True)
    return opened


def assert_forensically_gone(session: Session, marker: str, copy: Path, passphrase: str,
                             data_home: Path, extra_roots: Iterable[Path] = (),
                             newer_than: float | None = None) -> None:
    needles = marker_needles(marker)
    store = session.profile.store
    store.checkpoint()
    roots = [*program_folders(data_home), *extra_roots]
    assert scan_files(roots, needles) == []
    assert scan_files([Path(tempfile.gettempdir())], needles, newer_than) == []
    assert marker not in all_rows_text(store)
    assert not plaintext_export_contains(store, needles)
    raw = decrypted_pages(session.profile.paths.store, current_db_key(session.profile.paths,
                                                                       passphrase))
    assert not any(n in raw for n in needles)
    assert old_copy_opens(copy, session.profile.paths, passphrase) == []
    for entry in audit.entries(store):
        assert marker not in repr(entry)
    assert audit.verify(store).ok


@pytest.fixture
def session(profile) -> Session:
    return Session(profile)


def test_marker_is_gone_everywhere_after_destruction(session: Session, data_home: Path,
                                                     tmp_path: Path) -> None:
    marker, other_marker = new_marker(), new_marker()
    started = time.time() - 1
    intakes = IntakeService(session)
    transfer = TransferService(session)
    target = intakes.start_intake(f"{marker} Ayşe Yılmaz")
    fields = fill_every_field(intakes, target, marker)
    assert fields > 40  # the whole gespreksformulier, not a sample
    # The other intake of the same resident-less worker must survive untouched.
    keep = intakes.start_intake("Jan de Vries")
    intakes.save_answers(keep, {"hulpvraag": f"{other_marker} hulp bij schulden"})
    exports = tmp_path / "verkenner"
    exports.mkdir()
    pdf_path = exports / f"verslag {marker}.pdf"
    force_ready(session, target)
    exported = transfer.export_report_pdf(target, pdf_path)
    assert pdf_path.read_bytes()[:5] == b"%PDF-" and exported.size > 1000
    from pypdf import PdfReader

    assert marker in "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    # Real services first: the hand-written rows below are not readable as a data request.
    sign_on_screen_with_marker(session, target, marker)
    force_ready(session, target)  # the new statement sent it back to concept (as it should)
    # The PDF signed on the screen goes to the dossier as a file, registered like the report.
    (signed_file,) = transfer.export_screen_signed(target, exports)
    assert signed_file.path.name.endswith("-getekend.pdf") and marker not in signed_file.path.name
    assert marker in "".join(p.extract_text() for p in PdfReader(signed_file.path).pages)
    add_request_and_statement(session, target, marker)
    transfer.confirm_transfer(target, checklist())
    state = transfer.state(target)
    assert state.transferred and state.dossier_reference == "TOP-2026-00417"
    assert state.exported_files == 2 and state.signed_statements == 2
    assert state.screen_signed == 1

    session.profile.store.checkpoint()
    copy = copy_store_files(session.profile.paths, tmp_path / "kopie-voor-vernietiging")
    # The copy is a real, openable store before destruction (so the later check means something).
    assert old_copy_opens(copy, session.profile.paths, PASSPHRASE) != []
    # The searches work: before destruction they do find the marker.
    assert marker in all_rows_text(session.profile.store)
    assert plaintext_export_contains(session.profile.store, marker_needles(marker))
    raw = decrypted_pages(session.profile.paths.store, current_db_key(session.profile.paths,
                                                                       PASSPHRASE))
    assert marker.encode() in raw

    steps: list[str] = []
    result = DestructionService(session).destroy(target, steps.append)
    assert steps == ["inhoud_verwijderd", "bestanden_verwijderd", "wal_leeggemaakt",
                     "opgeschoond", "sleutel_vervangen"]
    assert [f.state for f in result.files] == ["verwijderd", "verwijderd"]
    assert not pdf_path.exists() and not signed_file.path.exists()
    assert list(exports.iterdir()) == []  # no renamed leftover either
    assert result.key_rotated and result.receipt.completed
    counts = result.receipt.item_counts
    assert counts["antwoorden"] == fields and counts["gegevensverzoeken"] == 2
    assert counts["afwegingen"] == 2 and counts["toestemmingsverklaringen"] == 2
    # The printable statement and the one signed on the screen are two PDFs.
    assert counts["pdf_bestanden"] == 3 and counts["dekking"] == 2
    assert counts["exportbestanden"] == 2 and counts["inwoner"] == 1

    assert_forensically_gone(session, marker, copy, PASSPHRASE, data_home, [exports],
                             newer_than=started)
    # The other intake is intact.
    reopened = intakes.open_intake(keep)
    assert reopened.answers["hulpvraag"] == f"{other_marker} hulp bij schulden"
    assert other_marker in all_rows_text(session.profile.store)
    assert session.profile.store.scalar("PRAGMA integrity_check") == "ok"
    # The receipt: content-free, in the logboek, and shown in the list.
    [stored] = receipts(session)
    assert stored.intake_pseudonym == target and stored.dossier_reference == "TOP-2026-00417"
    assert marker not in repr(stored) and "Yılmaz" not in repr(stored)
    for lang in ("nl", "en"):
        assert marker not in "\n".join(render(line, lang) for line in stored.summary_lines())
    assert any(str(line) == "Sleutel vervangen: ja" for line in stored.summary_lines())
    assert Message("receipt.dossier_reference", reference="TOP-2026-00417") in (
        stored.summary_lines())
    actions = {e.action for e in audit.entries(session.profile.store, obj=target)}
    assert {"overdracht.bevestigen", "intake.vernietigen",
            "intake.vernietigen_afgerond"} <= actions
    # And a fresh unlock works with what exists now.
    folder = session.profile.paths.folder
    session.lock()
    again = unlock_profile(folder, PASSPHRASE)
    try:
        assert again.store.scalar("SELECT count(*) FROM intakes") == 1
    finally:
        again.close()


def test_destruction_needs_a_confirmed_transfer(session: Session) -> None:
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Fatima el Amrani")
    service = DestructionService(session)
    assert service.problem(intake_id) == Message("destruction.problem.not_transferred")
    with pytest.raises(DestructionRefused) as not_yet:
        service.destroy(intake_id)
    assert not_yet.value.parts() == (Message("destruction.refused"),
                                     Message("destruction.problem.not_transferred"))
    assert service.problem("intake-000000") == Message("destruction.problem.no_intake")
    assert session.profile.store.scalar("SELECT count(*) FROM intakes") == 1
    transfer = TransferService(session)
    force_ready(session, intake_id)
    with pytest.raises(TransferError) as refused:
        transfer.confirm_transfer(intake_id, TransferChecklist("TOP-1", True, True, False))
    assert refused.value.problems == [Message("transfer.check.paper_shredded")]
    assert "versnipperd" in str(refused.value)  # the Dutch rendering names what to do
    assert transfer.state(intake_id).status == "klaar_voor_overdracht"
    results = {e.result for e in audit.entries(session.profile.store, obj=intake_id,
                                                 action="overdracht.bevestigen")}
    assert results == {"geweigerd"}


@pytest.mark.parametrize("reference", ["123-45-6782", "12345672", "999993847"])
def test_a_bsn_as_dossier_reference_is_refused_and_not_stored(session: Session,
                                                               reference: str) -> None:
    intake_id = IntakeService(session).start_intake("Piet Jansen")
    transfer = TransferService(session)
    force_ready(session, intake_id)
    with pytest.raises(TransferError) as refused:
        transfer.confirm_transfer(intake_id, checklist(reference))
    assert refused.value.problems == [Message("transfer.reference.looks_like_bsn")]
    state = transfer.state(intake_id)
    assert (state.status, state.dossier_reference) == ("klaar_voor_overdracht", None)
    with pytest.raises(DestructionRefused):  # so no receipt can ever hold it
        DestructionService(session).destroy(intake_id)
    digits = reference.replace("-", "")
    assert not any(digits in " ".join((e.object, e.result, e.reason))
                   for e in audit.entries(session.profile.store))


@pytest.mark.parametrize(("reference", "ok"), [
    ("TOP-2026-00417", True), ("Z/2026/12", True), ("  ZAAK 77  ", True),
    ("", False), ("12", False), ("Jan de Vries", False), ("999993847", False),
    ("TOP 123 45 6782", False), ("dossier 1234.56.782", False), ("X" * 41 + "1", False),
    ("<script>1", False), ("2026000123", True),
    # BSN-like: separators - and /, and 8 digits (a BSN with its leading zero dropped), when
    # they pass the 11-proef; real numbers with a year keep working.
    ("123-45-6782", False), ("12345672", False), ("1234/56/782", False), ("1234 5672", False),
    ("TOP 123-45-6782", False), ("Z 123/456/782", False),
    ("12345678", True), ("TOP 123-45-6789", True), ("ZAAK 2026-12-345", True),
    ("TOP-2026-00418", True), ("00417-2026", True),
])
def test_dossier_reference_rules(reference: str, ok: bool) -> None:
    from desktop_app.services.transfer import dossier_reference_problem

    problem = dossier_reference_problem(reference)
    assert (problem is None) is ok
    if problem is not None:  # every problem has a sentence in both languages
        assert problem.key.startswith("transfer.reference.")
        assert render(problem, "nl") != render(problem, "en") and problem.key not in (
            render(problem, "nl") + render(problem, "en"))


def test_resident_kept_while_another_intake_needs_them(session: Session) -> None:
    intakes = IntakeService(session)
    first = intakes.start_intake("Piet Jansen")
    resident = session.profile.store.scalar("SELECT resident_id FROM intakes WHERE id = ?",
                                            (first,))
    second = intakes.start_intake("Piet Jansen")
    with session.profile.store.transaction() as store:  # a second intake of the same resident
        store.execute("UPDATE intakes SET resident_id = ? WHERE id = ?", (resident, second))
    force_ready(session, first)
    TransferService(session).confirm_transfer(first, checklist())
    result = DestructionService(session).destroy(first)
    assert result.receipt.item_counts["inwoner"] == 0
    assert session.profile.store.scalar("SELECT count(*) FROM residents WHERE id = ?",
                                        (resident,)) == 1


def test_unremovable_export_is_reported_and_retried(session: Session, tmp_path: Path) -> None:
    intakes = IntakeService(session)
    transfer = TransferService(session)
    intake_id = intakes.start_intake("Nguyễn Thị Ánh")
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    path = stick / "verslag.pdf"
    force_ready(session, intake_id)
    transfer.export_report_pdf(intake_id, path)
    transfer.confirm_transfer(intake_id, checklist())
    parked = tmp_path / "uitgetrokken"
    stick.rename(parked)  # the stick is pulled out before destruction
    result = DestructionService(session).destroy(intake_id)
    [outcome] = result.files
    assert outcome.state == "mislukt"
    assert outcome.reason == Message("destruction.file.folder_missing")
    assert str(outcome.message) == f"Let op: niet verwijderd: {path}. {outcome.reason}"
    assert render(outcome.message, "en").startswith(f"Please note: not removed: {path}. ")
    assert result.receipt.completed and result.key_rotated
    overview = pending_overview(session)
    assert overview.failed_files == 1
    assert Message("pending.failed_files", n=1) in overview.messages()
    assert "1 opgeslagen verslag kon" in "\n".join(map(str, overview.messages()))
    parked.rename(stick)  # plugged in again: the next unlock finishes it
    notices = resume_pending_destructions(session)
    assert notices == [] and not path.exists()
    assert pending_overview(session).failed_files == 0


def test_pending_overview_and_admin_report_without_unlocking(session: Session, clock,
                                                             data_home: Path) -> None:
    intakes = IntakeService(session)
    old = intakes.start_intake("Oude Concept")
    clock.advance(20 * 86400)
    intakes.start_intake("Nieuw Concept")
    moved = intakes.start_intake("Overgedragen Inwoner")
    force_ready(session, moved)
    TransferService(session).confirm_transfer(moved, checklist())
    clock.advance(2 * 86400)
    overview = pending_overview(session)
    assert [i.intake_id for i in overview.old_drafts] == [old]
    assert overview.old_drafts[0].age_days == 22
    assert [(i.intake_id, i.age_days) for i in overview.transferred_not_destroyed] == [
        (moved, 2)]
    reminders = overview.messages()
    assert [m.key for m in reminders] == ["pending.old_drafts",
                                          "pending.transferred_not_destroyed"]
    assert str(reminders[0]).startswith("1 concept is ouder dan 14 dagen (22 dagen).")
    assert render(reminders[1], "en").startswith(
        "1 transferred draft has not been destroyed yet (transferred 2 days ago).")
    folder = session.profile.paths.folder
    session.lock()
    today = clock.now.date()
    lines = pending_report(data_home, today=today)
    assert len(lines) == 1
    line = lines[0]
    assert "NIET klaar" in line and "2 concepten niet overgedragen (oudste 22 dagen)" in line
    assert "1 overgedragen maar niet vernietigd (2 dagen geleden)" in line
    assert "0 vernietigingen niet af" in line and "0 opgeslagen bestanden niet" in line
    queue = (folder / "wachtrij.json").read_text(encoding="utf-8")
    for forbidden in ("Concept", "Inwoner", moved, old, "TOP-"):
        assert forbidden not in queue and forbidden not in line


def test_migration_v3_from_v2_keeps_receipts(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store.db", bytes(range(32)), create=True)
    migrate(store.raw_connection, target=2)
    store.execute("INSERT INTO destruction_receipts(id, intake_pseudonym, dossier_reference,"
                  " item_counts, confirmed_at, destroyed_at, actor) VALUES"
                  " ('vernietiging-00aa11', 'intake-00bb22', 'TOP-1', '{}', 'x', 'y', 'a')")
    assert migrate(store.raw_connection, target=3) == [3]
    store.execute("INSERT INTO destruction_files(receipt_id, seq, path, sha256)"
                  " VALUES ('vernietiging-00aa11', 1, '/x', 'h')")
    assert store.scalar("SELECT count(*) FROM destruction_files") == 1
    assert store.scalar("PRAGMA foreign_key_check") is None
    store.close()


def test_writes_during_a_background_destruction_are_not_lost(session: Session) -> None:
    """The GUI destroys on a worker thread while the worker goes on typing in another intake
    (the autosave thread writes meanwhile). The store is rewritten into a new file under a new
    key: every write made during that time must end up in the new file, none in the old one
    that is thrown away."""
    intakes = IntakeService(session)
    target = intakes.start_intake("Fictief: Anna Jansen")
    intakes.save_answers(target, {"hulpvraag": "x" * 20000})
    force_ready(session, target)
    TransferService(session).confirm_transfer(target, checklist())
    busy = intakes.start_intake("Fictief: Piet de Vries")
    session.prepare_keyring()
    outcome: dict[str, Any] = {}

    def destroy() -> None:
        outcome["result"] = DestructionService(session).destroy(target)

    worker = threading.Thread(target=destroy)
    worker.start()
    written = 0
    while worker.is_alive() or written < 20:
        written += 1  # every save its own answer, so a lost one is missed
        intakes.save_answers(busy, {f"notitie_{written}": f"versie {written}"})
    worker.join()
    assert outcome["result"].key_rotated
    assert written > 20
    # All of them are in the new file (read with the new key, from a fresh connection).
    session.profile.store.checkpoint()
    again = Store.open(session.profile.paths.store,
                       current_db_key(session.profile.paths, PASSPHRASE))
    try:
        stored = dict(again.query("SELECT field_id, value FROM answers WHERE intake_id = ?"
                                  " AND field_id LIKE 'notitie_%'", (busy,)))
    finally:
        again.close()
    assert {k: json.loads(v) for k, v in stored.items()} == {
        f"notitie_{n}": f"versie {n}" for n in range(1, written + 1)}


def test_a_custom_organisation_goes_with_the_intake_that_used_it(session: Session,
                                                                  data_home: Path,
                                                                  tmp_path: Path) -> None:
    """An organisation the worker adds can be a person's name (a private practice): after the
    intake that used it is destroyed, the name is nowhere, not in the settings either. One that
    a remaining intake uses stays in the list."""
    from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
    from desktop_app.services.data_requests import DataRequestService
    from tests.gui.consent_setup import PURPOSE

    marker, other_marker = new_marker(), new_marker()
    started = time.time() - 1
    intakes, transfer = IntakeService(session), TransferService(session)
    requests = DataRequestService(session)
    target = intakes.start_intake("Ayşe Yılmaz")
    keep = intakes.start_intake("Jan de Vries")
    gone = requests.add_custom_organisation(f"Praktijk {marker} Jansen", SecrecyRegime.SKJ)
    stays = requests.add_custom_organisation(f"Praktijk {other_marker}", SecrecyRegime.NONE)
    for intake_id, organisation in ((target, gone), (keep, stays)):
        requests.create_request(intake_id, direction=Direction.REQUEST_FROM,
                                organisation=organisation, purpose=PURPOSE,
                                items=("Fictieve gegevens",), basis=Basis.VERDIEPING)
    assert {o.id for o in requests.custom_organisations()} == {gone.id, stays.id}
    force_ready(session, target)
    transfer.confirm_transfer(target, checklist())
    session.profile.store.checkpoint()
    copy = copy_store_files(session.profile.paths, tmp_path / "kopie-voor-vernietiging")
    assert marker in all_rows_text(session.profile.store)  # the search finds it before

    DestructionService(session).destroy(target)

    assert_forensically_gone(session, marker, copy, PASSPHRASE, data_home,
                             newer_than=started)
    # A fresh service (no cached list): only the organisation still in use is offered.
    assert [o.id for o in DataRequestService(session).custom_organisations()] == [stays.id]
    assert other_marker in all_rows_text(session.profile.store)


def test_a_typed_reason_is_kept_with_the_intake_and_only_referenced_in_the_log(
        session: Session, data_home: Path, tmp_path: Path) -> None:
    """The worker's own words as the reason of a logged action are personal text: they live
    with the intake, the logboek holds a random reference; the screen and the CSV show the words
    while the intake exists and "(vernietigd)" after, and the words are nowhere any more."""
    from desktop_app.services import audit_export
    from desktop_app.services.records import log_with_reason

    marker = new_marker()
    started = time.time() - 1
    intakes, transfer = IntakeService(session), TransferService(session)
    target = intakes.start_intake("Ayşe Yılmaz")
    keep = intakes.start_intake("Jan de Vries")
    store = session.profile.store
    words = f"{marker} gebeld door mevrouw Jansen"
    ref = log_with_reason(session, store, "bsn.tonen", target, words)
    with store.transaction():  # inside a caller's transaction too
        kept_ref = log_with_reason(session, store, "bsn.tonen", keep, "op verzoek van de inwoner")
    raw = {e.reason for e in audit.entries(store)}
    assert ref in raw and kept_ref in raw and all(marker not in r for r in raw)
    shown = {e.reason for e in audit_export.entries(session)}
    assert words in shown and "op verzoek van de inwoner" in shown
    assert words in audit_export.csv_text(audit_export.entries(session))
    force_ready(session, target)
    transfer.confirm_transfer(target, checklist())
    store.checkpoint()
    copy = copy_store_files(session.profile.paths, tmp_path / "kopie-voor-vernietiging")
    assert marker in all_rows_text(store)  # the search finds it before

    DestructionService(session).destroy(target)

    assert_forensically_gone(session, marker, copy, PASSPHRASE, data_home, newer_than=started)
    by_object = {(e.object, e.reason) for e in audit_export.entries(session)
                 if e.action == "bsn.tonen"}
    assert by_object == {(target, "(vernietigd)"), (keep, "op verzoek van de inwoner")}
    exported = audit_export.csv_text(audit_export.entries(session))
    assert "(vernietigd)" in exported and marker not in exported
    assert audit.verify(session.profile.store).ok

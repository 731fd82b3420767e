"""Session security services with the real SQLCipher store and keyring: settings, opening an
intake as the worker's own (ZW-7 is the central dossier's), the logboek (content-free,
tamper-evident, exportable), handover counts, reminders, and separation of worker profiles."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import random
import struct
import zlib
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.commands.doctor import _check_capture_protection, _check_pending
from desktop_app.gui.system.capture import capture_protection_status
from desktop_app.messages import Message, render
from desktop_app.services import audit_export
from desktop_app.services import settings as st
from desktop_app.services.audit_export import AuditFilter
from desktop_app.services.demo import make_ready
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import ProfileService, Session
from desktop_app.services.session_security import (
    IdleTracker,
    handover_count_lines,
    handover_overview,
    passphrase_reminder_due,
)
from desktop_app.vault import audit
from desktop_app.vault import secrets as device_secrets
from desktop_app.vault.errors import WrongPassphrase
from desktop_app.vault.keys import combine_keys, derive_passphrase_key
from desktop_app.vault.profiles import create_profile, unlock_profile
from desktop_app.vault.store import Store
from tests.conftest import PASSPHRASE

OTHER_ACTOR = "profiel-a1b2c3d4e5f6"  # a worker profile that is not this store's


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + b"\xff\x80\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                             0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _bsn(rng: random.Random) -> str:
    """A random number passing the 11-proef (synthetic: not checked against real people)."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


@pytest.fixture
def session(profile) -> Session:
    s = Session(profile)
    yield s
    s.lock()


# -- settings -------------------------------------------------------------------------------
def test_settings_defaults_validation_and_logo(session: Session, tmp_path: Path) -> None:
    service = st.SettingsService(session)
    assert service.autolock_minutes() == 5
    assert service.clipboard_seconds() == 30
    assert service.reminder_days() == 90
    assert service.draft_age_days() == 14
    assert service.capture_blocking() is True
    assert service.protocol() == "zutphen"
    assert st.available_protocols() == ("zutphen", "zwolle")
    problems = service.save({st.AUTOLOCK_MINUTES: 0, st.TEAM_EMAIL: "geen-adres",
                             st.PROTOCOL: "amsterdam"})
    assert {p.key for p in problems} == {st.AUTOLOCK_MINUTES, st.TEAM_EMAIL, st.PROTOCOL}
    assert service.autolock_minutes() == 5  # nothing stored when anything is wrong
    assert service.save({st.AUTOLOCK_MINUTES: 2, st.PROTOCOL: "zwolle",
                         st.TEAM_EMAIL: "wijkteam@zutphen.example",
                         st.TEAM_ADDRESS: "  Postbus 15 \n\n 7200 AA  Zutphen ",
                         st.CAPTURE_BLOCKING: False}) == []
    assert service.autolock_minutes() == 2
    assert session.stored_setting(st.AUTOLOCK_MINUTES) == 2
    assert service.protocol() == "zwolle"
    assert service.text(st.TEAM_ADDRESS) == "Postbus 15\n7200 AA Zutphen"
    assert service.capture_blocking() is False

    logo_file = tmp_path / "logo.png"
    logo_file.write_bytes(_png(40, 20))
    logo = st.read_logo_file(logo_file)
    assert (logo.mime, logo.width, logo.height) == ("image/png", 40, 20)
    service.set(st.MUNICIPALITY_LOGO, logo)
    stored = service.logo()
    assert stored is not None and stored.data == logo_file.read_bytes()
    assert base64.b64decode(session.stored_setting(st.MUNICIPALITY_LOGO)) == logo.data
    not_image = tmp_path / "logo.png.txt"
    not_image.write_text("geen plaatje")
    with pytest.raises(st.SettingRejected, match="geen PNG"):
        st.read_logo_file(not_image)
    with pytest.raises(st.SettingRejected, match="te groot"):
        st.parse_logo(_png(1, 1) + b"\0" * st.MAX_LOGO_BYTES)
    jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            b"\xff\xc0\x00\x11\x08\x00\x30\x00\x50\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01")
    assert (st.parse_logo(jpeg).width, st.parse_logo(jpeg).height) == (0x50, 0x30)


# -- ZW-7: no stand-in access in a personal store -------------------------------------------
def test_opening_an_intake_is_logged_as_the_workers_own_without_a_reason(
        session: Session) -> None:
    """Stand-in access (ZW-7) is requested and registered in the central dossier: this store
    holds only its own worker's drafts, so nothing opens an intake on another worker's behalf.
    Every opening is logged (NEN 7513) with the worker as actor and on whose behalf, and no
    reason is asked or kept."""
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Anna de Vries (fictief)")
    intakes.open_intake(intake_id)
    intakes.open_intake(intake_id)
    me = session.profile.actor
    opened = session.audit_entries(obj=intake_id, action="intake.openen")
    assert [(e.actor, e.on_behalf_of, e.reason) for e in opened] == [(me, me, "")] * 2
    assert [e.action for e in session.audit_entries(obj=intake_id)] == [
        "intake.starten", "intake.openen", "intake.openen"]
    assert all(e.on_behalf_of == e.actor == me for e in session.audit_entries())


def test_second_profile_cannot_open_first_profiles_store(real_keyring, data_home: Path,
                                                         clock) -> None:
    a = create_profile("Worker A (fictief)", PASSPHRASE, root=data_home, clock=clock)
    a_store = a.paths.store
    a.close()
    b_passphrase = "groene-giraffe-zwemt-in-meer"
    b = create_profile("Worker B (fictief)", b_passphrase, root=data_home, clock=clock)
    try:
        assert b.paths.store != a_store
        assert b.header.current.secret_entry.split("/")[0] == b.profile_id
        # B's own factors (passphrase through B's KDF + B's device secret) do not open A.
        b_key = combine_keys(derive_passphrase_key(b_passphrase, b.header.current.kdf),
                             device_secrets.load_secret(b.header.current.secret_entry))
        with pytest.raises(WrongPassphrase):
            store = Store.open(a_store, b_key)
            store.close()
        # Nor does B's passphrase through A's own KDF salt with B's secret.
        a_header = unlock_profile(a.paths.folder, PASSPHRASE, clock=clock)
        a_kdf = a_header.header.current.kdf
        a_header.close()
        mixed = combine_keys(derive_passphrase_key(b_passphrase, a_kdf),
                             device_secrets.load_secret(b.header.current.secret_entry))
        with pytest.raises(WrongPassphrase):
            store = Store.open(a_store, mixed)
            store.close()
    finally:
        b.close()
    # And B's passphrase through the normal unlock of A is refused.
    with pytest.raises(WrongPassphrase):
        unlock_profile(a.paths.folder, b_passphrase, clock=clock)


# -- logboek --------------------------------------------------------------------------------
def test_log_and_export_contain_no_personal_values(session: Session, tmp_path: Path,
                                                   clock, monkeypatch) -> None:
    rng = random.Random(7)
    intakes = IntakeService(session)
    personal: list[str] = []
    names = ["Zoë Çelik-Ørsted", "Иван Петров", "محمد العلي", "王小明", "Νίκος Παπαδόπουλος",
             "Nguyễn Thị Lan", "Yılmaz Şahin"]
    for i, name in enumerate(names):
        birth = dt.date(1950 + rng.randint(0, 60), rng.randint(1, 12), rng.randint(1, 28))
        bsn = _bsn(rng)
        address = f"{rng.choice(['Kerkstraat', 'Molenweg', 'Ulica Długa'])} {rng.randint(1, 300)}"
        note = f"Notitie {i}: {name} vertelt over schulden en de buurman ({rng.random():.6f})"
        personal += [name, *name.split(), bsn, birth.isoformat(), birth.strftime("%d-%m-%Y"),
                     address, note, note.split(":")[1].strip()[:25]]
        intake_id = intakes.start_intake(name, birth)
        intakes.save_answers(intake_id, {"inwoner_bsn": bsn, "contact_noteren": True,
                                         "inwoner_adres": address,
                                         "inwoner_notities": note, "bezoek_notities": note})
        intakes.open_intake(intake_id)
        assert intakes.reveal_bsn(intake_id) == bsn
        make_ready(intakes, intake_id)
        clock.advance(60)
    # An entry as an earlier version logged it (the removed stand-in path, before reasons were
    # checked): it still reads as words in the export. Today's check is lifted for it alone.
    monkeypatch.setattr(audit, "allowed_reason", lambda reason: True)
    audit.append(session.profile.store, at=clock.now, actor=session.profile.actor,
                 action="intake.waarnemen", obj=intake_id, on_behalf_of=OTHER_ACTOR,
                 reason="Overdracht van het dossier aan mij: overdracht na verlof")
    monkeypatch.undo()
    st.SettingsService(session).save({st.MUNICIPALITY_NAME: "Gemeente Voorbeeld",
                                      st.TEAM_ADDRESS: "Kerkplein 1"})
    assert session.verify_audit_log().ok
    export = tmp_path / "logboek.csv"
    count = audit_export.export_csv(session, export)
    rows = list(csv.reader(io.StringIO(export.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(audit_export.CSV_COLUMNS)
    assert len(rows) - 1 == count >= len(names) * 4 + 1
    # The action and result columns are words (Dutch, for the privacy officer); the codes are in
    # the machine-readable columns at the end.
    column = {name: i for i, name in enumerate(rows[0])}
    by_code = {row[column["actiecode"]]: row for row in rows[1:]}
    assert by_code["bsn.tonen"][column["actie"]] == "BSN tonen"
    old = by_code["intake.waarnemen"]
    assert old[column["actie"]] == "Inkijken als waarnemer"
    assert old[column["reden"]] == "Overdracht van het dossier aan mij: overdracht na verlof"
    assert by_code["bsn.tonen"][column["resultaat"]] == "gelukt"
    assert {row[column["resultaatcode"]] for row in rows[1:]} == {"ok"}
    assert not {row[column["actie"]] for row in rows[1:]} & set(by_code)
    assert all(audit_export.action_label(e.action).key == f"audit.action.{e.action}"
               for e in session.audit_entries())  # every action logged here has its label
    everything = [value for e in session.audit_entries() for value in (
        e.at, e.actor, e.action, e.object, e.on_behalf_of, e.result, e.reason)]
    everything.append(export.read_text("utf-8-sig"))
    haystack = "\n".join(everything).casefold()
    personal = [p for p in personal if len(p) >= 3]
    found = [p for p in personal if p.casefold() in haystack]
    assert found == []
    # The log is not empty of meaning: every intake's reveal and reason is there.
    assert sum(1 for e in session.audit_entries(action="bsn.tonen")) == len(names)


def test_verify_detects_raw_sql_tampering(session: Session) -> None:
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Test Inwoner (fictief)")
    for _ in range(3):
        intakes.open_intake(intake_id)
    assert session.verify_audit_log().ok
    raw = session.profile.store.raw_connection
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET action = 'intake.starten' WHERE seq = 3")
    raw.commit()
    result = audit.verify(session.profile.store)
    assert not result.ok
    assert any(p.seq == 3 and p.description == Message("audit.problem.changed")
               for p in result.problems)
    lines = [str(line) for line in audit_export.verification_lines(result)]
    assert lines[0].startswith("Let op: het logboek is gewijzigd. 1 probleem gevonden")
    assert "• regel 3: de inhoud van deze regel is gewijzigd" in lines
    assert lines[-1] == "Meld dit bij de privacyfunctionaris van jouw gemeente."
    english = [render(line, "en") for line in audit_export.verification_lines(result)]
    assert "• entry 3: the content of this entry has been changed" in english
    raw.execute("DROP TRIGGER audit_log_no_delete")
    raw.execute("DELETE FROM audit_log WHERE seq = 2")
    raw.commit()
    result = audit.verify(session.profile.store)
    assert Message("audit.problem.missing_one", first=2) in [p.description
                                                             for p in result.problems]
    assert "3 problemen gevonden" in str(audit_export.verification_lines(result)[0])


def test_audit_filter_by_period_action_and_intake(session: Session, clock) -> None:
    intakes = IntakeService(session)
    first = intakes.start_intake("Een (fictief)")
    clock.advance(3 * 86400)
    second = intakes.start_intake("Twee (fictief)")
    intakes.open_intake(second)
    day = clock.now.date()
    assert {e.object for e in audit_export.entries(session, AuditFilter(obj=first))} == {first}
    opened = audit_export.entries(session, AuditFilter(action="intake.openen"))
    assert [e.object for e in opened] == [second]
    today = audit_export.entries(session, AuditFilter(since=day, until=day))
    assert first not in {e.object for e in today} and second in {e.object for e in today}
    assert "intake.starten" in audit_export.known_actions(session)


def test_cli_audit_verify_and_export(profile, data_home: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    profile.close()
    target = tmp_path / "export.csv"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert cli.main(["audit", "verify", "--wachtwoordzin-stdin"]) == 0
    assert "in orde" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert cli.main(["audit", "export", str(target), "--wachtwoordzin-stdin",
                     "--profiel", "Test Medewerker"]) == 0
    assert target.read_text("utf-8-sig").startswith(";".join(audit_export.CSV_COLUMNS))
    monkeypatch.setattr("sys.stdin", io.StringIO("verkeerd-wachtwoord-hier\n"))
    assert cli.main(["audit", "verify", "--wachtwoordzin-stdin"]) == 1
    assert "klopt niet" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert cli.main(["audit", "verify", "--wachtwoordzin-stdin", "--profiel", "Niemand"]) == 2


# -- handover, reminder, idle, doctor -----------------------------------------------------------
def test_handover_overview_counts_everything_still_here(session: Session) -> None:
    intakes = IntakeService(session)
    assert handover_overview(session).clear
    a = intakes.start_intake("Alfa (fictief)")
    b = intakes.start_intake("Bravo (fictief)")
    intakes.start_intake("Charlie (fictief)")
    make_ready(intakes, a)
    intakes.set_status(b, "overgedragen")
    overview = handover_overview(session)
    assert overview.counts["concept"] == 1
    assert overview.counts["klaar_voor_overdracht"] == 1
    assert overview.counts["overgedragen_niet_vernietigd"] == 1
    assert {i.resident_name for i in overview.intakes} == {"Alfa (fictief)", "Bravo (fictief)",
                                                          "Charlie (fictief)"}
    check = _check_pending(Path("/nonexistent"), [session])[0]
    assert not check.ok and "fictief" not in check.detail
    assert check.detail == ("1 concept(en), 1 klaar voor overdracht, 1 overgedragen maar nog "
                            "niet vernietigd; 0 gegevensverzoek(en), 0 "
                            "toestemmingsverklaring(en), 0 bestand(en) buiten de opslag")
    english = [render(line, "en") for line in handover_count_lines(overview)]
    assert english[0] == "1 draft(s), 1 ready for transfer, 1 transferred but not yet destroyed"


def test_passphrase_reminder_due_after_configured_days(session: Session, clock) -> None:
    assert passphrase_reminder_due(session) is None
    clock.advance(89 * 86400)
    assert passphrase_reminder_due(session) is None
    clock.advance(86400)
    assert passphrase_reminder_due(session) == 90
    st.SettingsService(session).set(st.REMINDER_DAYS, 120)
    assert passphrase_reminder_due(session) is None


def test_idle_tracker_uses_injected_clock(clock) -> None:
    tracker = IdleTracker(clock, 5)
    clock.advance(299)
    assert not tracker.due()
    tracker.touch()
    clock.advance(299)
    assert not tracker.due()
    clock.advance(1)
    assert tracker.due() and tracker.idle_seconds() == 300


def test_idle_warning_comes_a_minute_before_or_halfway_for_one_minute(clock) -> None:
    tracker = IdleTracker(clock, 5)
    clock.advance(239)
    assert not tracker.warning_due() and tracker.seconds_left() == 61
    clock.advance(1)
    assert tracker.warning_due() and tracker.seconds_left() == 60
    clock.advance(60)
    assert tracker.due() and not tracker.warning_due() and tracker.seconds_left() == 0
    short = IdleTracker(clock, 1)
    assert short.warning_seconds() == 30
    clock.advance(29)
    assert not short.warning_due()
    clock.advance(1)
    assert short.warning_due()


def test_capture_protection_is_honest_on_this_platform() -> None:
    status = capture_protection_status(enabled=True)
    check = _check_capture_protection()
    import sys

    if sys.platform.startswith("linux"):
        assert (status.available, status.detail) == (False, "niet beschikbaar op dit platform")
        assert check.line() == "INFO Schermopname blokkeren: niet beschikbaar op dit platform"
    else:
        assert check.detail == capture_protection_status().detail


def test_profile_service_is_unchanged_for_listing(profile, data_home: Path, clock) -> None:
    # The CLI helpers find the profile by name or id through the normal service.
    names = [p.worker_name for p in ProfileService(data_home, clock).profiles()]
    assert names == ["Test Medewerker"]

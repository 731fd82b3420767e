"""Every migration is applied to a store at the version before it, with data in it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.vault.migrations import MIGRATIONS, current_version, latest_version, migrate
from desktop_app.vault.store import Store

KEY = bytes(range(32))


def test_versions_are_numbered_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


@pytest.mark.parametrize("start", range(0, len(MIGRATIONS)))
def test_migrate_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / "store.db"
    store = Store.open(path, KEY, create=True)
    migrate(store.raw_connection, target=start)
    assert current_version(store.raw_connection) == start
    if start >= 1:
        store.execute("INSERT INTO settings(key, value) VALUES ('kept', '\"ja\"')")
    store.close()
    store = Store.open(path, KEY)
    applied = migrate(store.raw_connection)
    assert applied == list(range(start + 1, latest_version() + 1))
    assert current_version(store.raw_connection) == latest_version()
    if start >= 1:
        assert store.scalar("SELECT value FROM settings WHERE key='kept'") == '"ja"'
    assert store.scalar("PRAGMA foreign_key_check") is None
    assert store.scalar("PRAGMA integrity_check") == "ok"
    store.close()


def test_failed_migration_leaves_store_at_previous_version(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.vault import migrations

    newest = latest_version()
    broken = migrations.Migration(newest + 1, "kapot", "CREATE TABLE x (a); SELEC;")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, broken])
    store = Store.open(tmp_path / "store.db", KEY, create=True)
    with pytest.raises(Exception):  # noqa: B017 - any SQL error
        migrations.migrate(store.raw_connection)
    assert current_version(store.raw_connection) == newest
    assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name='x'") == 0
    store.close()


# ---------------------------------------------------------------------------------------------
# Migration 4: statements printed before the per-signer model (issue 14)

OLD_MADE = "2026-11-15T09:00:00.000+00:00"
OLD_SIGNED = dt.date(2026, 11, 16)


def old_content(number: str, items: list[tuple[str, str]], names: list[str],
                signing_date: str) -> dict[str, Any]:
    """The canonical content as the code before issue 14 stored it (schema WI-TV-1): signers as
    [role, name], a pre-printed place and signing date, one Ja/Nee column for all."""
    return {
        "schema": "WI-TV-1",
        "document_number": number,
        "statement_version": 1,
        "template": {"id": "toestemmingsverklaring", "version": 1, "hash": OLD_TEMPLATE_HASH},
        "controller": {"municipality": "Gemeente Voorbeeldstad", "team": "Sociaal wijkteam Noord",
                       "worker_name": "Test Medewerker", "worker_role": "wijkteammedewerker",
                       "team_phone": "0000 000 000", "team_email": "", "team_address": ""},
        "resident": {"name": names[0], "birth_date": "2012-05-03", "bsn": None},
        "items": [{"purpose": purpose, "data_items": ["Fictief verslag"],
                   "organisation": organisation, "direction": "opvragen_bij",
                   "basis": "verdieping", "secrecy": "big"}
                  for organisation, purpose in items],
        "valid_until": "2027-11-15",
        "place": "Voorbeeldstad",
        "signing_date": signing_date,
        "signers": {"rule": "12_tot_16", "age": 14,
                    "explanation": "De jongere is 14 jaar. Van 12 tot 16 jaar tekenen de "
                                   "jongere en de ouder(s) met gezag.",
                    "signers": [["jongere", names[0]],
                                *(["ouder_met_gezag", n] for n in names[1:])]},
    }


OLD_TEMPLATE_HASH = "a" * 64


def insert_old_statement(store: Store, intake_id: str, number: str, status: str,
                         request_ids: list[str], items: list[tuple[str, str]],
                         events: list[dict[str, Any]], names: list[str]) -> str:
    from desktop_app.domain.consent import canonical_json, sha256_hex
    from desktop_app.services.intakes import new_id

    statement_id = new_id("verklaring")
    content = old_content(number, items, names, "2026-11-15")
    payload = {"content": json.loads(canonical_json(content)), "custody_checked": True,
               "inputs": {"request_ids": request_ids, "custody_holders": None,
                          "custody_role": "ouder_met_gezag", "custody_checked": None,
                          "curator_name": None, "place": None}}
    pdf = b"%PDF-1.4 oude verklaring " + number.encode()
    with store.transaction():
        store.execute(
            "INSERT INTO consent_statements(id, intake_id, document_number, version,"
            " template_hash, status, payload, content_hash, pdf, pdf_sha256, events,"
            " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (statement_id, intake_id, number, OLD_TEMPLATE_HASH, status,
             json.dumps(payload, ensure_ascii=False), sha256_hex(canonical_json(content)), pdf,
             sha256_hex(pdf),
             json.dumps([{"event": "gemaakt", "at": OLD_MADE, "version": 1}, *events]),
             OLD_MADE, OLD_MADE))
        for request_id in request_ids:
            store.execute("INSERT INTO consent_coverage(statement_id, data_request_id)"
                          " VALUES (?, ?)", (statement_id, request_id))
    return statement_id


def test_v3_and_v4_have_the_same_schema(tmp_path: Path) -> None:
    """Migration 4 changes data only: a store at version 4 set back to 3 is a store at 3."""
    schemas = []
    for target in (3, 4):
        store = Store.open(tmp_path / f"s{target}.db", KEY, create=True)
        migrate(store.raw_connection, target=target)
        schemas.append(store.query("SELECT type, name, sql FROM sqlite_master ORDER BY name"))
        store.close()
    assert schemas[0] == schemas[1]


def test_v4_old_statements_keep_their_print_and_wait_for_the_shared_choices(
        profile: Any, clock: Any) -> None:
    """From the schema before issue 14 (version 3), with statements stored the old way: the
    printed content and hashes stay; a signed paper's requests are locked until the worker
    records what its one shared Ja/Nee column says (a "Nee" may be on it); a withdrawn one
    stays withdrawn; a concept is made again in the new form when it is printed."""
    from desktop_app.domain.consent import (
        LEGACY_SHARED,
        Choice,
        ItemOutcome,
        SignerRecord,
        format_document_number,
    )
    from desktop_app.domain.data_requests import (
        ConsentState,
        Informing,
        RequestConsent,
        ResidentAnswer,
        Status,
    )
    from desktop_app.domain.organisations import load_catalogue
    from desktop_app.domain.protocols import OutcomeKind
    from desktop_app.services.consent import ConsentService, StatementNotReady
    from desktop_app.services.data_requests import DataRequestService
    from desktop_app.services.session import Session
    from desktop_app.services.settings import SettingsService
    from desktop_app.vault.profiles import unlock_profile
    from tests.conftest import PASSPHRASE
    from tests.integration.test_consent_service import (
        CHILD,
        HUISARTS,
        PARENTS,
        SETTINGS,
        _plain_yes,
        make_request,
        setup_intake,
        store_request,
        weighed,
    )

    session = Session(profile)
    intake_id, _huisarts, _school = setup_intake(session)
    catalogue = load_catalogue(Path(__file__).resolve().parents[2] / "forms" / "organisaties.yaml")
    store = profile.store

    def old_request(organisation_id: str) -> str:
        """A request as the code before issue 14 stored it: no real name of the organisation."""
        organisation = catalogue.get(organisation_id) if organisation_id != "huisarts" else HUISARTS
        assert organisation is not None
        request = weighed(make_request(organisation, f"Fictief doel {organisation_id}",
                                       ["Fictief verslag"], named=""),
                          _plain_yes(OutcomeKind.WRITTEN_CONSENT_REQUIRED), session.now())
        request = request.with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
        store_request(session, intake_id, request)
        payload = json.loads(store.scalar("SELECT payload FROM data_requests WHERE id = ?",
                                          (request.id,)))
        del payload["organisation_named"]
        with store.transaction():
            store.execute("UPDATE data_requests SET payload = ? WHERE id = ?",
                          (json.dumps(payload, ensure_ascii=False), request.id))
        return request.id

    def item(organisation_id: str) -> tuple[str, str]:
        """(organisation, purpose) as the old statement printed them for that request."""
        found = catalogue.get(organisation_id)
        assert found is not None
        return found.name.nl, f"Fictief doel {organisation_id}"

    gp, psy, skj, youth = (old_request(o) for o in
                           ("huisarts", "psycholoog", "pedagoog", "jeugdzorgaanbieder"))
    names = [CHILD, *PARENTS]
    signed_event = {"event": "getekend", "on": OLD_SIGNED.isoformat(), "by": names,
                    "at": "2026-11-16T10:00:00.000+00:00"}
    with store.transaction():
        store.execute("INSERT INTO form_definitions(content_hash, kind, form_id, version,"
                      " source_name, source_text) VALUES (?, 'toestemmingstekst',"
                      " 'toestemmingsverklaring', 1, 'toestemmingsverklaring.yaml', 'oud')",
                      (OLD_TEMPLATE_HASH,))
        store.execute("INSERT INTO meta(key, value) VALUES ('volgnummer_TV_2026', '3')")
    signed = insert_old_statement(
        store, intake_id, format_document_number("TV", 2026, 1), "getekend", [gp, psy],
        [item("huisarts"), item("psycholoog")],
        [{"event": "geprint", "at": OLD_MADE}, signed_event], names)
    withdrawn = insert_old_statement(
        store, intake_id, format_document_number("TV", 2026, 2), "ingetrokken", [skj],
        [item("pedagoog")],
        [{"event": "geprint", "at": OLD_MADE}, signed_event,
         {"event": "ingetrokken", "on": "2026-11-18", "how": "Fictief: per brief",
          "at": "2026-11-18T10:00:00.000+00:00"}], names)
    concept = insert_old_statement(
        store, intake_id, format_document_number("TV", 2026, 3), "concept", [youth],
        [item("jeugdzorgaanbieder")], [], names)
    with store.transaction():
        for request_id, status in ((gp, "toestemming_gegeven"), (psy, "toestemming_gegeven"),
                                   (skj, "geweigerd"), (youth, "toestemming_nodig")):
            store.execute("UPDATE data_requests SET status = ? WHERE id = ?",
                          (status, request_id))
    before = {row[0]: row[1:] for row in store.query(
        "SELECT id, content_hash, pdf, pdf_sha256, json_extract(payload, '$.content')"
        " FROM consent_statements")}
    store.execute("PRAGMA user_version = 3")
    folder = profile.paths.folder
    profile.close()

    # Unlocking runs migration 4.
    profile = unlock_profile(folder, PASSPHRASE, clock=clock)
    try:
        store = profile.store
        assert current_version(store.raw_connection) == latest_version()  # and on to the newest
        after = {row[0]: row[1:] for row in store.query(
            "SELECT id, content_hash, pdf, pdf_sha256, json_extract(payload, '$.content')"
            " FROM consent_statements")}
        assert after == before  # what was printed and its hashes: untouched
        session = Session(profile)
        assert SettingsService(session).save(SETTINGS) == []
        consent = ConsentService(session)
        requests = DataRequestService(session)

        # The old signed paper: its signers stay, but nobody knows yet what the shared Ja/Nee
        # column says: its requests are locked (also in the status column the lists read).
        summary = consent.summary(signed)
        assert summary.state is ConsentState.GETEKEND and summary.legacy_shared_choice
        assert [s.name for s in summary.signer_list] == names
        assert all(summary.records[i].signed for i in range(3))
        assert [i.deciders for i in summary.items] == [(LEGACY_SHARED,), (LEGACY_SHARED,)]
        assert [i.request_id for i in summary.items] == [gp, psy]
        assert [i.outcome for i in summary.items] == [ItemOutcome.INCOMPLETE] * 2
        assert summary.can_record_signatures
        assert str(summary.state_text) == "Getekend, nog niet compleet"
        for request_id in (gp, psy):
            row = requests.get(request_id)
            assert not row.can_send and row.status is Status.TOESTEMMING_NODIG
            assert row.consent is RequestConsent.INCOMPLETE
        assert store.scalar("SELECT status FROM data_requests WHERE id = ?", (gp,)) == (
            "toestemming_nodig")
        # The worker reads the scan: Ja for the GP, Nee for the psychologist.
        outcomes = consent.record_signed(signed, [SignerRecord(
            LEGACY_SHARED, True, OLD_SIGNED, {0: Choice.JA, 1: Choice.NEE})])
        assert outcomes == {0: ItemOutcome.GIVEN, 1: ItemOutcome.REFUSED}
        history = [str(line) for line in consent.summary(signed).history]
        assert any("de gezamenlijke kolom van de oude verklaring zegt nee tegen: Psycholoog"
                   in line for line in history)
        assert requests.get(gp).can_send
        assert requests.get(psy).status is Status.GEWEIGERD and not requests.get(psy).can_send

        # The old withdrawn paper stays withdrawn.
        old = consent.summary(withdrawn)
        assert old.state is ConsentState.INGETROKKEN
        assert [i.outcome for i in old.items] == [ItemOutcome.WITHDRAWN]
        assert requests.get(skj).consent is RequestConsent.WITHDRAWN
        assert not requests.get(skj).can_send

        # The old concept is made again in the new form when printed: first the real name of
        # the organisation is asked (consent is specific to it).
        assert requests.get(youth).consent is RequestConsent.PENDING
        with pytest.raises(StatementNotReady) as caught:
            consent.prepare_print(concept)
        assert any(p.values.get("problem") is not None and
                   p.values["problem"].key == "consent.problem.item.real_name"
                   for p in caught.value.problems)
        requests.update_request(youth, organisation_named="Jeugdhulp De Brug (fictief)")
        job = consent.prepare_print(concept)
        assert job.new_version and job.statement_id != concept
        assert consent.summary(concept).replaced
        fresh = json.loads(store.scalar("SELECT payload FROM consent_statements WHERE id = ?",
                                        (job.statement_id,)))
        assert fresh["content"]["schema"] == "WI-TV-2"
        assert "place" not in fresh["content"] and fresh["content"]["composed_on"] == (
            "2026-11-15")
        assert fresh["item_requests"] == [youth]
        assert [s["name"] for s in fresh["content"]["signers"]["signers"]] == names
        assert fresh["content"]["items"][0]["deciders"] == [0, 1, 2]
        consent.mark_printed(job.statement_id)
        today = session.now().astimezone().date()
        consent.record_signed(job.statement_id, [SignerRecord(i, True, today, {0: Choice.JA})
                                                 for i in range(3)])
        assert requests.get(youth).can_send
    finally:
        profile.close()


def test_v5_a_store_from_before_signing_on_screen_opens_and_signs_on_screen(
        profile: Any, clock: Any) -> None:
    """A store of version 4 (no signed PDF columns) with a statement in it: unlocking adds the
    columns, the statement reads as before, and it can then be signed on the screen."""
    from desktop_app.domain.consent import Choice
    from desktop_app.domain.consent_screen import ScreenSignature, ScreenSigning
    from desktop_app.services.consent import ConsentService
    from desktop_app.services.session import Session
    from desktop_app.vault.profiles import unlock_profile
    from tests.conftest import PASSPHRASE
    from tests.integration.test_consent_service import setup_intake

    session = Session(profile)
    intake_id, _huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    store = profile.store
    with store.transaction():
        # What version 4 had: no columns for a signed PDF.
        store.execute("ALTER TABLE consent_statements DROP COLUMN signed_pdf")
        store.execute("ALTER TABLE consent_statements DROP COLUMN signed_pdf_sha256")
    store.execute("PRAGMA user_version = 4")
    folder = profile.paths.folder
    profile.close()

    profile = unlock_profile(folder, PASSPHRASE, clock=clock)
    try:
        store = profile.store
        assert current_version(store.raw_connection) == latest_version() >= 5
        columns = {r[1] for r in store.query("PRAGMA table_info(consent_statements)")}
        assert {"signed_pdf", "signed_pdf_sha256"} <= columns
        service = ConsentService(Session(profile))
        summary = service.summary(statement_id)
        assert not summary.signed_on_screen and service.signed_pdf(statement_id) is None
        screen = service.prepare_screen_signing(statement_id)
        strokes = (((1.0, 1.0), (20.0, 9.0)),)
        service.sign_on_screen(statement_id, ScreenSigning(
            Session(profile).now().astimezone(), "Voorbeeldstad", screen.text_hash,
            tuple(ScreenSignature(s.index, dict.fromkeys(
                (i.index for i in screen.items if s.index in i.deciders), Choice.JA),
                strokes, 40.0, 10.0) for s in screen.signers)))
        assert service.summary(statement_id).signed_on_screen
    finally:
        profile.close()

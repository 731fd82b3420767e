"""The hash-chained logboek: append-only, and verify() catches edits, insertions, removals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from desktop_app.messages import Message, render
from desktop_app.vault import audit
from desktop_app.vault.audit import AuditProblem
from desktop_app.vault.errors import VaultError
from desktop_app.vault.migrations import migrate
from desktop_app.vault.store import Store

KEY = bytes(range(32))
T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
ACTOR = "profiel-a1b2c3d4e5f6"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "store.db", KEY, create=True)
    migrate(s.raw_connection)
    for i in range(6):
        audit.append(s, at=T0 + dt.timedelta(minutes=i), actor=ACTOR,
                     action="intake.openen", obj=f"intake-{i:06x}")
    yield s
    s.close()


def _raw(store: Store, sql: str, params: tuple = ()) -> None:
    conn = store.raw_connection
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    conn.execute(sql, params)


def test_intact_chain_verifies(store: Store) -> None:
    result = audit.verify(store)
    assert result.ok
    assert result.entries_checked == 6
    assert result.problems == ()


def test_program_cannot_update_or_delete(store: Store) -> None:
    with pytest.raises(VaultError):
        store.execute("UPDATE audit_log SET action='x' WHERE seq=1")
    with pytest.raises(VaultError):
        store.execute("DELETE FROM audit_log WHERE seq=1")


def test_edited_entry_is_detected(store: Store) -> None:
    _raw(store, "UPDATE audit_log SET object='intake-ffffff' WHERE seq=3")
    result = audit.verify(store)
    assert not result.ok
    assert [p.seq for p in result.problems] == [3]
    assert result.problems[0].description == Message("audit.problem.changed")
    assert str(result.problems[0].description) == "de inhoud van deze regel is gewijzigd"


def test_edit_with_recomputed_hash_breaks_the_chain(store: Store) -> None:
    entry = audit.entries(store)[2]
    fields = (entry.at, entry.actor, entry.action, "intake-ffffff", entry.on_behalf_of,
              entry.result, entry.reason)
    forged = audit._hash(entry.prev_hash, entry.seq, fields)
    _raw(store, "UPDATE audit_log SET object='intake-ffffff', entry_hash=? WHERE seq=3", (forged,))
    result = audit.verify(store)
    assert not result.ok
    assert AuditProblem(4, Message("audit.problem.chain_broken")) in result.problems


def test_removed_entry_is_detected(store: Store) -> None:
    _raw(store, "DELETE FROM audit_log WHERE seq=2")
    result = audit.verify(store)
    assert not result.ok
    assert AuditProblem(3, Message("audit.problem.missing_one", first=2)) in result.problems
    assert render(Message("audit.problem.missing_one", first=2), "en") == "entry 2 is missing"


def test_removed_entries_are_named_as_a_range(store: Store) -> None:
    _raw(store, "DELETE FROM audit_log WHERE seq IN (2, 3, 4)")
    result = audit.verify(store)
    missing = Message("audit.problem.missing_range", first=2, last=4)
    assert AuditProblem(5, missing) in result.problems
    assert str(missing) == "regels 2 tot en met 4 ontbreken"


def test_removed_last_entry_is_detected(store: Store) -> None:
    _raw(store, "DELETE FROM audit_log WHERE seq=6")
    result = audit.verify(store)
    assert not result.ok
    assert result.problems == (AuditProblem(None, Message("audit.problem.tail_removed")),)


def test_inserted_entry_is_detected(store: Store) -> None:
    _raw(store, "INSERT INTO audit_log VALUES (100, ?, ?, 'intake.openen', 'intake-abcdef', ?,"
                " 'ok', '', ?, ?)", (T0.isoformat(), ACTOR, ACTOR, "0" * 64, "1" * 64))
    result = audit.verify(store)
    assert not result.ok


def test_entry_written_in_callers_transaction_rolls_back_with_it(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        audit.append(store, at=T0, actor=ACTOR, action="intake.wijzigen", obj="intake-000001")
        raise RuntimeError("change failed")
    assert len(audit.entries(store)) == 6
    assert audit.verify(store).ok


@pytest.mark.parametrize(
    "kwargs",
    [
        {"obj": "Jan de Vries"},  # names never
        {"obj": "999993847"},  # BSN never
        {"reason": "BSN 999993847 gecontroleerd"},
        # Free text never: it would outlive the intake in the append-only log (ZW-6).
        {"reason": "Jan de Vries belde over zijn schulden"},
        {"reason": "reden-abc"},  # not a reference's shape
        {"reason": "OSError, Jansen"},  # error names only from the known list
        {"action": "Iets met spaties"},
        {"result": "misschien"},
    ],
)
def test_entries_that_could_hold_personal_data_are_refused(store: Store, kwargs: dict) -> None:
    params = {"obj": "intake-000001", "action": "intake.openen"}
    params.update(kwargs)
    with pytest.raises(audit.AuditRejected):
        audit.append(store, at=T0, actor=ACTOR, **params)


def test_filters(store: Store) -> None:
    assert [e.object for e in audit.entries(store, obj="intake-000002")] == ["intake-000002"]
    since = (T0 + dt.timedelta(minutes=4)).isoformat()
    assert len(audit.entries(store, since=since)) == 2
    assert len(audit.entries(store, action="intake.openen")) == 6


def test_raw_sql_update_also_blocked_by_trigger(store: Store) -> None:
    with pytest.raises(dbapi2.IntegrityError):
        store.raw_connection.execute("UPDATE audit_log SET reason='x' WHERE seq=1")


@pytest.mark.parametrize("reason", ["", "reden-" + "q" * 26, "hoofdbestand hersteld",
                                    "reservekopie hersteld", "OSError, StoreCorrupt, NotSaved"])
def test_allowed_reasons_are_references_fixed_phrases_or_error_names(store: Store,
                                                                   reason: str) -> None:
    entry = audit.append(store, at=T0, actor=ACTOR, action="intake.openen", obj="intake-000001",
                         reason=reason)
    assert audit.entries(store)[-1].reason == entry.reason == reason
    assert audit.verify(store).ok

"""Every migration is applied to a store at the version before it, with data in it."""

from __future__ import annotations

from pathlib import Path

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

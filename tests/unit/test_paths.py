"""Where the program keeps its data on each platform (vault/paths.py): the per-user,
non-roaming folders platformdirs would give (user_data_dir with roaming=False), written out so
the start-up does not import it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.vault import paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "LOCALAPPDATA",
                 paths.HOME_ENV):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_linux_follows_xdg(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = paths.APP_DIR_NAME
    assert paths.user_folder("data", "linux") == home / ".local/share" / app
    assert paths.user_folder("config", "linux") == home / ".config" / app
    assert paths.user_folder("cache", "linux") == home / ".cache" / app
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/data")
    monkeypatch.setenv("XDG_CONFIG_HOME", "  ")  # empty counts as not set
    assert paths.user_folder("data", "linux") == Path("/srv/data") / app
    assert paths.user_folder("config", "linux") == home / ".config" / app


def test_windows_uses_local_not_roaming_appdata(home: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    app = paths.APP_DIR_NAME
    monkeypatch.setenv("LOCALAPPDATA", str(home / "Lokaal"))
    assert paths.user_folder("data", "win32") == home / "Lokaal" / app
    assert paths.user_folder("config", "win32") == home / "Lokaal" / app
    assert paths.user_folder("cache", "win32") == home / "Lokaal" / app / "Cache"
    monkeypatch.delenv("LOCALAPPDATA")
    assert paths.user_folder("data", "win32") == home / "AppData" / "Local" / app


def test_macos_application_support_and_caches(home: Path) -> None:
    app = paths.APP_DIR_NAME
    assert paths.user_folder("data", "darwin") == home / "Library/Application Support" / app
    assert paths.user_folder("config", "darwin") == home / "Library/Application Support" / app
    assert paths.user_folder("cache", "darwin") == home / "Library/Caches" / app


def test_override_for_tests_and_administrators(home: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.data_root() == paths.user_folder("data")
    monkeypatch.setenv(paths.HOME_ENV, str(home / "versleuteld-volume"))
    assert paths.data_root() == home / "versleuteld-volume"
    assert paths.program_folders() == [home / "versleuteld-volume"]

"""Where profiles live. One folder per worker profile:

    <data root>/profiles/<profile id>/profiel.json   non-secret header (salt, KDF, key check)
    <data root>/profiles/<profile id>/store.db       SQLCipher 4 store (+ -wal, -shm)
    <data root>/profiles/<profile id>/profiel.lock   single-instance lock

The data root is the platform's app-data folder (platformdirs: %LOCALAPPDATA% on Windows,
~/Library/Application Support on macOS, $XDG_DATA_HOME on Linux), or WIJKTEAM_INTAKE_HOME
when set (tests, administrators who keep data on an encrypted volume).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "WijkteamIntake"
HOME_ENV = "WIJKTEAM_INTAKE_HOME"


def data_root() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def profiles_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "profiles"


def program_folders(root: Path | None = None) -> list[Path]:
    """Every folder the program may write to: searched by the forensic destruction tests."""
    base = root or data_root()
    if os.environ.get(HOME_ENV):
        return [base]
    return [
        base,
        Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)),
    ]


class ProfilePaths:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.header = folder / "profiel.json"
        self.header_backup = folder / "profiel.reserve.json"
        self.store = folder / "store.db"
        self.lock = folder / "profiel.lock"

    @property
    def store_wal(self) -> Path:
        return self.store.with_name(self.store.name + "-wal")

    @property
    def store_new(self) -> Path:
        """A compacted copy under a new key, before it replaces the store (compacting
        rotation); a leftover means the rotation was interrupted and is deleted at unlock."""
        return self.store.with_name(self.store.name + ".nieuw")

    @property
    def store_shm(self) -> Path:
        return self.store.with_name(self.store.name + "-shm")

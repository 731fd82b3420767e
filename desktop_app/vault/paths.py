"""Where profiles live. One folder per worker profile:

    <data root>/profiles/<profile id>/profiel.json   non-secret header (salt, KDF, key check)
    <data root>/profiles/<profile id>/store.db       SQLCipher 4 store (+ -wal, -shm)
    <data root>/profiles/<profile id>/profiel.lock   single-instance lock

The data root is the platform's per-user, non-roaming app-data folder (%LOCALAPPDATA% on
Windows, ~/Library/Application Support on macOS, $XDG_DATA_HOME or ~/.local/share on Linux),
or WIJKTEAM_INTAKE_HOME when set (tests, administrators who keep data on an encrypted volume).
These three rules are written here rather than taken from platformdirs: its import is a
measurable part of showing the unlock window (DESIGN: start ≤ 1.3 × a bare window), and the
folders are the same as platformdirs gives (user_data_dir with roaming=False).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "WijkteamIntake"
HOME_ENV = "WIJKTEAM_INTAKE_HOME"
# The header file's format marker (vault/header.py writes it; profile_list.py reads it).
HEADER_FORMAT = "wijkteam-intake-profiel"
HEADER_FORMAT_VERSION = 1


def user_folder(kind: str, platform: str = sys.platform) -> Path:
    """The per-user folder of `kind` ("data", "config" or "cache") for this program."""
    home = Path.home()
    if platform == "win32":
        # Not the roaming profile: the store and its keys must stay on this laptop.
        local = os.environ.get("LOCALAPPDATA", "").strip()
        base = Path(local) if local else home / "AppData" / "Local"
        return base / APP_DIR_NAME / "Cache" if kind == "cache" else base / APP_DIR_NAME
    if platform == "darwin":
        library = home / "Library"
        base = library / "Caches" if kind == "cache" else library / "Application Support"
        return base / APP_DIR_NAME
    variable, default = {"data": ("XDG_DATA_HOME", home / ".local" / "share"),
                         "config": ("XDG_CONFIG_HOME", home / ".config"),
                         "cache": ("XDG_CACHE_HOME", home / ".cache")}[kind]
    given = os.environ.get(variable, "").strip()
    return (Path(given) if given else default) / APP_DIR_NAME


def data_root() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    return user_folder("data")


def profiles_dir(root: Path | None = None) -> Path:
    return (root or data_root()) / "profiles"


def program_folders(root: Path | None = None) -> list[Path]:
    """Every folder the program may write to: searched by the forensic destruction tests."""
    base = root or data_root()
    if os.environ.get(HOME_ENV):
        return [base]
    return [
        base,
        user_folder("config"),
        user_folder("cache"),
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

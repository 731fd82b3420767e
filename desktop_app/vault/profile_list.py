"""The profiles on this laptop and their unlock delay, read from the non-secret headers only.
Kept free of keyring, Argon2 and SQLCipher imports: the unlock window needs this before
anything else, and start-up time matters (DESIGN: ≤ 1.3 × a bare window)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.text import sort_key
from desktop_app.vault.errors import HeaderDamaged
from desktop_app.vault.header import read_header
from desktop_app.vault.paths import ProfilePaths, profiles_dir

Clock = Callable[[], dt.datetime]
MAX_DELAY_SECONDS = 300.0


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def unlock_delay_seconds(failures: int) -> float:
    """Growing delay after wrong passphrases: 1, 2, 4, ... seconds, at most five minutes."""
    if failures <= 0:
        return 0.0
    return float(min(MAX_DELAY_SECONDS, 2 ** (failures - 1)))


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    profile_id: str
    worker_name: str
    folder: Path
    problem: str | None = None  # Dutch, when the header cannot be read


def list_profiles(root: Path | None = None) -> list[ProfileSummary]:
    folder = profiles_dir(root)
    if not folder.is_dir():
        return []
    result: list[ProfileSummary] = []
    for child in sorted(folder.iterdir()):
        if not child.is_dir():
            continue
        paths = ProfilePaths(child)
        if not paths.header.exists() and not paths.header_backup.exists():
            continue
        try:
            header, _ = read_header(paths.header, paths.header_backup)
        except HeaderDamaged as err:
            result.append(ProfileSummary(child.name, child.name, child, err.message))
            continue
        result.append(ProfileSummary(header.profile_id, header.worker_name, child))
    return sorted(result, key=lambda p: sort_key(p.worker_name))



"""The profiles on this laptop and their unlock delay, read from the non-secret headers only.
Kept free of keyring, Argon2 and SQLCipher imports: the unlock window needs this before
anything else, and start-up time matters (DESIGN: ≤ 1.3 × a bare window). For the same reason
the headers are read here as plain JSON (name, id, failed attempts), without making the
header classes: the full check of a header (key material, KDF limits) and its restoration
from the reserve copy happen when unlocking (vault/header.py), with a clear message there.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.domain.text import sort_key
from desktop_app.messages import Message
from desktop_app.vault.errors import HeaderDamaged
from desktop_app.vault.paths import (
    HEADER_FORMAT,
    HEADER_FORMAT_VERSION,
    ProfilePaths,
    profiles_dir,
)

Clock = Callable[[], dt.datetime]
MAX_DELAY_SECONDS = 300.0


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def unlock_delay_seconds(failures: int) -> float:
    """Growing delay after wrong passphrases: 1, 2, 4, ... seconds, at most five minutes."""
    if failures <= 0:
        return 0.0
    return float(min(MAX_DELAY_SECONDS, 2 ** (failures - 1)))


class ProfileSummary(NamedTuple):
    profile_id: str
    worker_name: str
    folder: Path
    problem: Message | None = None  # when the header cannot be read


def header_fields(paths: ProfilePaths) -> dict[str, Any]:
    """The header as plain JSON, from the reserve copy when the header itself is unreadable;
    HeaderDamaged when neither names a profile."""
    problem: str | None = None
    for path in (paths.header, paths.header_backup):
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            problem = problem or f"{path.name} ontbreekt"
            continue
        except (OSError, ValueError, UnicodeDecodeError) as err:
            problem = problem or f"{path.name}: {type(err).__name__}"
            continue
        if (isinstance(data, dict) and data.get("format") == HEADER_FORMAT
                and data.get("format_version") == HEADER_FORMAT_VERSION
                and isinstance(data.get("profile_id"), str)
                and isinstance(data.get("worker_name"), str)):
            return data
        problem = problem or f"{path.name}: not a profile header"
    raise HeaderDamaged(problem)


def seconds_until_retry(failures: int, last_failed_at: object, now: dt.datetime) -> float:
    """How long the growing delay after `failures` wrong passphrases still runs."""
    if failures <= 0 or not isinstance(last_failed_at, str) or not last_failed_at:
        return 0.0
    until = dt.datetime.fromisoformat(last_failed_at) + dt.timedelta(
        seconds=unlock_delay_seconds(failures))
    return max(0.0, (until - now).total_seconds())


def unlock_delay_remaining(paths: ProfilePaths, now: dt.datetime) -> float:
    """Seconds before the next unlock attempt is allowed (growing delay, persisted)."""
    try:
        data = header_fields(paths)
        return seconds_until_retry(int(data.get("failed_unlocks") or 0),
                                   data.get("last_failed_unlock_at"), now)
    except (HeaderDamaged, ValueError, TypeError):
        return 0.0  # unlocking itself reports the damage


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
            if paths.store.exists():
                # A store without any header cannot be opened: listed as damaged (with who to
                # call), not hidden, so the worker does not think the data are simply gone.
                result.append(ProfileSummary(child.name, child.name, child,
                                             Message("vault.headers_missing")))
            continue
        try:
            header = header_fields(paths)
        except HeaderDamaged as err:
            result.append(ProfileSummary(child.name, child.name, child, err.message))
            continue
        result.append(ProfileSummary(header["profile_id"], header["worker_name"], child))
    return sorted(result, key=lambda p: sort_key(p.worker_name))



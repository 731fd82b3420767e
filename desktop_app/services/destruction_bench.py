"""`bench`: destroying one intake (the whole protocol, incl. VACUUM and re-key) in stores of about
10 / 50 / 200 MB, against `sqlcipher_export` of the same store (DESIGN target: ≤ 2× at 50 MB).

Each size gets a throwaway profile in a temporary folder with synthetic, clearly fictional
intakes; its keyring entries are deleted afterwards. Needs a usable OS keyring (the rotation
is part of what is measured).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.services.demo import make_ready
from desktop_app.services.destruction import DestructionService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.transfer import TransferChecklist, TransferService
from desktop_app.vault import secrets as device_secrets
from desktop_app.vault.profiles import create_profile, secret_entry_name

BENCH_PASSPHRASE = "zeeuwse-knoop-vouwt-zeilen-bij-storm"
_ROW_BYTES = 3000
_ANSWERS_PER_INTAKE = 40


@contextlib.contextmanager
def throwaway_profile(prefix: str,
                      passphrase: str = BENCH_PASSPHRASE) -> Iterator[tuple[Session, Path]]:
    """A profile of its own in a temporary folder, for one bench row: (session, folder).
    Afterwards it is locked, the keyring entries of every key generation it had are deleted
    (a destruction or key change makes a new one) and the folder is removed."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    profile = create_profile("Bench Medewerker", passphrase, root=folder)
    session = Session(profile)
    try:
        yield session, folder
    finally:
        top_generation = profile.header.secret_generation
        with contextlib.suppress(Exception):
            session.lock()
        for generation in range(1, top_generation + 2):
            with contextlib.suppress(Exception):
                device_secrets.delete_secret(secret_entry_name(profile.profile_id, generation))
        shutil.rmtree(folder, ignore_errors=True)


def fill_store(session: Session, megabytes: int) -> str:
    """Synthetic intakes until the store is about `megabytes`; returns one transferred intake
    of ordinary size to destroy."""
    intakes = IntakeService(session)
    store = session.profile.store
    # ~4.8 kB of store per 3 kB answer (JSON quoting, b-tree and SQLCipher page overhead),
    # measured here: 10 MB asked gave 15.4 MB with the naive estimate.
    rows_needed = megabytes * 1024 * 1024 // 4800
    intake_count = max(1, rows_needed // _ANSWERS_PER_INTAKE)
    ids = [intakes.start_intake(f"Bench Inwoner {n}") for n in range(min(intake_count, 50))]
    stamp = session.now().isoformat()
    with store.transaction():
        for n in range(intake_count):
            intake_id = ids[n % len(ids)]
            for f in range(_ANSWERS_PER_INTAKE):
                # Random text: like real notes, nothing repeats between pages.
                text = secrets.token_hex(_ROW_BYTES // 2)
                store.execute(
                    "INSERT OR REPLACE INTO answers(intake_id, field_id, value, updated_at)"
                    " VALUES (?, ?, ?, ?)",
                    (intake_id, f"bench_{n}_{f}", json.dumps(text), stamp))
    target = intakes.start_intake("Bench Te Vernietigen")
    intakes.save_answers(target, {f"bench_doel_{f}": secrets.token_hex(400) for f in range(30)})
    # Transfer only from klaar voor overdracht (issue 19): the form's questions answered too.
    make_ready(intakes, target)
    TransferService(session).confirm_transfer(
        target, TransferChecklist("BENCH-2026-001", True, True, True))
    store.checkpoint()
    return target


def _export_seconds(session: Session, folder: Path) -> float:
    """sqlcipher_export of the whole store into a new encrypted file with a fresh key."""
    target = folder / "export.db"
    key = secrets.token_hex(32)
    conn = session.profile.store.raw_connection
    with session.profile.store.lock:
        started = time.perf_counter()
        conn.execute(f"ATTACH DATABASE '{target}' AS bench_export KEY \"x'{key}'\"")
        try:
            conn.execute("SELECT sqlcipher_export('bench_export')")
        finally:
            conn.execute("DETACH DATABASE bench_export")
        elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def bench_destruction(sizes_mb: tuple[int, ...] = (10, 50, 200)) -> list[dict[str, Any]]:
    """One row per size: store size, destroy seconds, export seconds, ratio, step seconds."""
    results: list[dict[str, Any]] = []
    for size in sizes_mb:
        with throwaway_profile("wi-bench-vernietigen-") as (session, folder):
            target = fill_store(session, size)
            store_bytes = session.profile.paths.store.stat().st_size
            export = _export_seconds(session, folder)
            marks: list[tuple[str, float]] = []

            def mark(step: str, marks: list[tuple[str, float]] = marks) -> None:
                marks.append((step, time.perf_counter()))

            # As in the program: the confirmation question pre-starts the keyring helper.
            session.prepare_keyring()
            device_secrets.wait_until_ready()
            started = time.perf_counter()
            result = DestructionService(session).destroy(target, mark)
            destroy = time.perf_counter() - started
            previous = started
            steps: dict[str, float] = {}
            for step, moment in marks:
                steps[step] = round(moment - previous, 4)
                previous = moment
            results.append({
                "size_mb_target": size,
                "store_mb": round(store_bytes / 1024 / 1024, 1),
                "destroy_s": round(destroy, 4),
                "export_s": round(export, 4),
                "ratio": round(destroy / export, 2) if export else None,
                "steps_s": steps,
                "key_rotated": result.key_rotated,
            })
    return results


def format_bench(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["vernietigen van één intake (incl. VACUUM en nieuwe sleutel) vs sqlcipher_export"]
    for row in rows:
        target = "  (doel ≤ 2×)" if row["size_mb_target"] == 50 else ""
        lines.append(
            f"  {row['store_mb']:>7.1f} MB: vernietigen {row['destroy_s']:.3f} s, export "
            f"{row['export_s']:.3f} s, verhouding {row['ratio']}×{target}")
    return lines


if __name__ == "__main__":  # manual run: python -m desktop_app.services.destruction_bench
    sizes = tuple(int(s) for s in os.environ.get("WI_BENCH_SIZES", "10,50,200").split(","))
    print("\n".join(format_bench(bench_destruction(sizes))))

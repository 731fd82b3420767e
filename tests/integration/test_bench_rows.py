"""`wijkteam-intake bench` still measures what DESIGN.md asks, on a small profile: every row is
made, with a measured value and a baseline from the same run. No timing is asserted here
(performance is judged by the bench table, never by the test suite)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from desktop_app.commands import bench
from desktop_app.vault import secrets as device_secrets


@pytest.fixture
def bench_home(real_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "bench"
    home.mkdir()
    # build_profile sets the data folder and drops the tests' fast KDF settings (the bench
    # measures the real KDF): both come back after the test.
    monkeypatch.setenv("WIJKTEAM_INTAKE_HOME", str(home))
    for name in ("WIJKTEAM_INTAKE_KDF_MEMORY_KIB", "WIJKTEAM_INTAKE_KDF_TIME_COST"):
        monkeypatch.delenv(name, raising=False)
    bench.build_profile(home, residents=20, answers_per_intake=2)
    yield home
    bench._cleanup_keyring(home)
    device_secrets.release()


def test_bench_rows_on_a_small_profile(bench_home: Path, qapp) -> None:
    rows = [bench.bench_start(bench_home, 1), bench.bench_unlock_to_caseload(bench_home, 1)[0],
            bench.bench_memory(bench_home, repeat=1)]
    start, unlock, memory = rows
    assert start.measured.endswith(" ms") and start.baseline.startswith("kaal venster")
    assert start.ratio is not None and start.ratio > 0 and start.ok is not None
    assert "20 inwoners" in unlock.note and "hulpproces" in unlock.note
    assert memory.measured.endswith(" MB") and memory.ratio is not None and memory.ratio > 1
    table = bench.format_table(rows)
    assert all(row.what in table for row in rows)
    json.dumps([asdict(row) for row in rows])  # the --json form


def test_bench_row_report_pdf_with_a_1_mb_note() -> None:
    row = bench.bench_report_pdf_1mb(1)
    assert row.what in bench.format_table([row]) and row.target == "≤ 2 s"
    assert row.measured.endswith(" ms") and row.ok is not None
    assert int(row.note.split()[0]) > 100  # a megabyte of text fills hundreds of pages
    json.dumps(asdict(row))


def test_bench_rows_quick_check(tmp_path: Path) -> None:
    """Issue 17: the quick_check rows, on a small store here (the bench uses 50 and 200 MB)."""
    rows = bench.bench_quick_check(tmp_path, sizes=(2,), repeat=1)
    [row] = rows
    assert row.what == "Controle van de opslag (quick_check, 2 MB)"
    assert row.target == "≤ 3 s (op de achtergrond)" and row.ok is True
    assert row.baseline.startswith("bestand lezen ") and row.ratio is not None
    assert "bij ontgrendelen" in row.note  # 2 MB is checked inline
    assert row.what in bench.format_table(rows)
    assert not list(tmp_path.glob("quick-check-*"))  # the synthetic store is removed


def test_bench_rows_of_a_working_day(real_keyring: None, qapp) -> None:
    """Issue 18: the rows for opening an intake and memory after a day, on a tiny day here
    (the bench opens intakes 600 times). Only their shape and names: never timings."""
    from desktop_app.commands import bench_day

    plain, with_note = bench_day.bench_open_intake(1)
    assert (plain.key, with_note.key) == ("open_intake_ms", "open_intake_1mb_ms")
    assert plain.target == "≤ 150 ms" and with_note.target == "≤ 300 ms"
    assert plain.value is not None and plain.value > 0 and plain.ok is not None
    day = bench_day.bench_working_day(quick=True, opens=2)
    assert day.key == "working_day_memory_ratio" and day.limit == 1.1
    assert day.value is not None and day.value > 0 and day.baseline.startswith("na opwarmen")
    table = bench.format_table([plain, with_note, day])
    assert all(row.what in table for row in (plain, with_note, day))
    assert json.loads(json.dumps({r.key: r.value for r in (plain, with_note, day)}))


def test_bench_rows_search_and_unlock_with_a_grown_caseload(bench_home: Path, qapp) -> None:
    """The rows of issue 18 (10,000 residents in the bench), here on a profile grown to 80:
    keystrokes typed and painted in ours and in Qt's own filter, values named for scripts."""
    search, unlock = bench.bench_caseload_scale(bench_home, 1, quick=True, sizes=(80,))
    assert search.key == "search_p95_ms_80" and search.value is not None and search.value > 0
    assert search.baseline.startswith("Qt's eigen filter") and search.ok is not None
    painted = re.search(r"96 toetsaanslagen, (\d+) keer getekend", search.note)
    assert painted and int(painted.group(1)) > 0, search.note
    assert "(80 inwoners)" in unlock.what and unlock.key == "unlock_caseload_ms_80"
    assert "80 inwoners" in unlock.note and unlock.value is not None
    json.dumps([asdict(row) for row in (search, unlock)])

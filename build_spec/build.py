"""Build the one-folder bundle `dist/wijkteam-intake/` with PyInstaller, then check it.

Usage (from the repository root, with the project venv, same on Windows, macOS and Linux):

    .venv/bin/python -m pip install -e ".[build]"        # once (Windows: .venv\\Scripts\\python)
    .venv/bin/python build_spec/build.py                  # build + check
    .venv/bin/python build_spec/build.py --measure-baseline   # also build without exclusions

Steps: PyInstaller with build_spec/wijkteam-intake.spec (clean build), size of the folder,
on Linux a check that every shared library in the bundle finds its dependencies, and
`wijkteam-intake --version` from the bundle. Exit code 0 only when all of that worked.
`--json` prints the measurements as one JSON object on the last line (for CI logs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_spec" / "wijkteam-intake.spec"
NAME = "wijkteam-intake"


def exe_name(name: str = NAME) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def run_pyinstaller(dist: Path, work: Path, *, slim: bool) -> float:
    """Run PyInstaller into `dist`; return the wall time in seconds."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
               "WARN", "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if not slim:
        command += ["--", "--no-slim"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"PyInstaller failed (exit {done.returncode}); see the output above.")
    return elapsed


def unresolved_libraries(bundle: Path) -> list[str]:
    """Linux: shared libraries that a file in the bundle needs and that are neither in the
    bundle nor left to the system on purpose (libc, libGL, ... : PyInstaller's own rule).

    The spec drops Qt plugins, Qt libraries and the system libraries only the gtk3 theme
    needed; if something we keep still needs one of them, it shows up here and the build fails,
    instead of the program failing on a laptop that lacks the library. ldd runs with the
    bundle's folder on LD_LIBRARY_PATH, as the PyInstaller bootloader does at run time.
    """
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    from PyInstaller.depend.dylib import include_library

    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    problems: list[str] = []
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink() or not _is_elf(path):
            continue
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env,
                              check=False)
        for line in done.stdout.splitlines():
            name, arrow, target = line.strip().partition(" => ")
            if not arrow:
                continue
            resolved = target.split(" (")[0].strip()
            inside = resolved.startswith(str(bundle))
            if resolved == "not found" or (not inside and include_library(name)):
                problems.append(f"{path.relative_to(bundle)} needs {name} ({resolved})")
    return problems


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def check_version(bundle: Path) -> tuple[str, float]:
    exe = bundle / exe_name()
    start = time.perf_counter()
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=120,
                          check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{exe} --version failed: {done.stderr.strip()[-400:]}")
    return done.stdout.strip(), elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="output folder (the bundle is <dist>/wijkteam-intake)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder")
    parser.add_argument("--measure-baseline", action="store_true",
                        help="first build without the Qt exclusions, to report what they save")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    work: Path = args.work.resolve()
    os.environ.setdefault("PYTHONHASHSEED", "0")  # reproducible .pyc ordering
    report: dict[str, object] = {"platform": sys.platform,
                                 "python": sys.version.split()[0]}

    if args.measure_baseline:
        base_dist = dist.parent / (dist.name + "-baseline")
        seconds = run_pyinstaller(base_dist, work.parent / (work.name + "-baseline"), slim=False)
        size = folder_size(base_dist / NAME)
        report.update(baseline_build_seconds=round(seconds, 1), baseline_bytes=size,
                      baseline_files=sum(1 for _ in (base_dist / NAME).rglob("*")))
        print(f"baseline (no exclusions): {mib(size)}, built in {seconds:.0f} s "
              f"({base_dist / NAME})")

    seconds = run_pyinstaller(dist, work, slim=True)
    bundle = dist / NAME
    size = folder_size(bundle)
    report.update(build_seconds=round(seconds, 1), bytes=size, bundle=str(bundle),
                  files=sum(1 for _ in bundle.rglob("*")))
    print(f"bundle: {bundle}: {mib(size)}, built in {seconds:.0f} s")

    problems = unresolved_libraries(bundle)
    if problems:
        print("Missing shared libraries in the bundle:", *problems, sep="\n  ")
        return 1
    version, elapsed = check_version(bundle)
    report.update(version=version, version_seconds=round(elapsed, 3))
    print(f"{exe_name()} --version: {version} ({elapsed * 1000:.0f} ms)")
    if args.json:
        print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The installed app: its size (before and after leaving out what it does not use) and its start-up time.

    python -m benchmarks.installer_bench [--runs 5]

Builds, with PyInstaller, (a) the app with nothing left out, (b) the app as shipped (build_installer.spec
plus stripping), and (c) a minimal PySide6 window frozen the same way; then times process start to the
first painted window for the frozen app, the app run from source, and the frozen minimal window.
Every start uses a fresh data folder that already holds the built store, so what is timed is opening.
It also times the first run's choice: building the bundled seeds versus copying a store built in advance.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _mb(n: float) -> str:
    return f"{n / 1048576:6.1f} MB"


def _pyinstaller(args: list[str], cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", *args],
        cwd=cwd,
        check=True,
    )


def _first_paint(cmd: list[str], data: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        env = dict(
            os.environ,
            ARCHIVE_VIEWER_DATA=str(data),
            ARCHIVE_VIEWER_EXIT_AFTER_PAINT="1",
            QT_QPA_PLATFORM="offscreen",
        )
        started = time.time()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120).stdout
        painted = [
            float(line.split()[1]) for line in out.splitlines() if line.startswith("first-page-painted")
        ]
        if painted:
            times.append(painted[0] - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # (a) everything PyInstaller finds, no exclusions, no stripping
        _pyinstaller(
            [
                "--onedir",
                "--name",
                "plain",
                "--distpath",
                str(work / "plain"),
                "--workpath",
                str(work / "build-plain"),
                "--specpath",
                str(work),
                "--add-data",
                f"{ROOT / 'resources'}:resources",
                "--add-data",
                f"{ROOT / 'seeds'}:seeds",
                "--add-data",
                f"{ROOT / 'desktop/store/migrations'}:desktop/store/migrations",
                "--collect-data",
                "py3langid",
                str(ROOT / "desktop" / "__main__.py"),
            ],
            ROOT,
        )
        plain = _size(work / "plain" / "plain")
        # (b) as shipped
        env = dict(os.environ, DIST=str(work / "dist"), WORK=str(work / "build"), PYTHON=sys.executable)
        subprocess.run(
            [str(ROOT / "scripts" / "build_release.sh")], env=env, check=True, stdout=subprocess.DEVNULL
        )
        app = work / "dist" / "archive-viewer"
        shipped = _size(app)
        tarball = next((work / "dist").glob("*.tar.gz"))
        # (c) the minimal window
        _pyinstaller(
            [
                "--onedir",
                "--name",
                "minimal",
                "--distpath",
                str(work / "minimal"),
                "--workpath",
                str(work / "build-min"),
                "--specpath",
                str(work),
                str(ROOT / "benchmarks" / "minimal_window.py"),
            ],
            ROOT,
        )
        minimal = work / "minimal" / "minimal"
        print(f"app size, nothing left out:          {_mb(plain)}")
        print(f"app size as shipped:                 {_mb(shipped)}  ({shipped / plain:.2f}× of that)")
        print(f"release archive (.tar.gz):           {_mb(tarball.stat().st_size)}")
        print(f"minimal PySide6 window, frozen:      {_mb(_size(minimal))}")

        data = work / "data"
        data.mkdir()
        started = time.perf_counter()
        subprocess.run(
            [str(app / "archive-viewer"), "build"],
            env=dict(os.environ, ARCHIVE_VIEWER_DATA=str(data)),
            check=True,
            capture_output=True,
        )
        build_first = time.perf_counter() - started
        started = time.perf_counter()
        shutil.copyfile(data / "archive.sqlite", work / "copy.sqlite")
        copy_first = time.perf_counter() - started
        print(
            f"first run, building the bundled seeds (frozen, process included): {build_first * 1000:7.0f} ms"
        )
        print(
            f"first run, copying a store built in advance:                      {copy_first * 1000:7.1f} ms"
        )

        results = {
            "frozen app": _first_paint([str(app / "archive-viewer"), "gui"], data, args.runs),
            "app from source": _first_paint([sys.executable, "-m", "desktop", "gui"], data, args.runs),
            "minimal window, frozen": _first_paint([str(minimal / "minimal")], data, args.runs),
        }
        base = (
            statistics.median(results["minimal window, frozen"]) if results["minimal window, frozen"] else 0
        )
        for name, times in results.items():
            if not times:
                print(f"{name:24s}: did not paint")
                continue
            median = statistics.median(times)
            ratio = f"{median / base:4.2f}× the minimal window" if base else ""
            print(f"start to first painted page, {name:24s}: median {median * 1000:6.0f} ms  {ratio}")


if __name__ == "__main__":
    main()

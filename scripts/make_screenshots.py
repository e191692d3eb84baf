"""Render the window's screenshots in docs/screenshots/: each size × appearance × interface language, and the map.

    QT_QPA_PLATFORM=offscreen python scripts/make_screenshots.py [--out docs/screenshots] [--only main-800x600-dark-zh]

The archive is built afresh from seeds/ in a temporary folder, and each picture is taken by a process of its own
(the language and the appearance are chosen once per process, as the window does at its start). Names say what
each shows: ``main-1280x800-light-ru.png``, ``map-1280x800.png``. Look at every one before committing them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1280, 800), (1024, 640), (800, 600))
APPEARANCES = ("light", "dark")
LANGUAGES = ("en", "ru", "zh")
# A conference reported by a Chinese page's English version: translation notes, names, dates inferred.
EVENT = "evt.2025-06-04.local-academies-international-conference"


def shots() -> list[tuple[str, tuple[int, int], str, str, bool]]:
    """(name, size, appearance, language, map shown) of every picture."""
    out = [
        (f"main-{w}x{h}-{appearance}-{language}", (w, h), appearance, language, False)
        for (w, h) in SIZES
        for appearance in APPEARANCES
        for language in LANGUAGES
    ]
    out.append(("map-1280x800", (1280, 800), "light", "en", True))
    out.append(("map-1280x800-dark-zh", (1280, 800), "dark", "zh", True))
    return out


def take(
    store: Path, path: Path, size: tuple[int, int], appearance: str, language: str, show_map: bool
) -> None:
    """One picture, in this process (called by the child processes the main run starts)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.gui.app import make_app
    from desktop.gui.window import MainWindow
    from desktop.services import Archive

    app = make_app()
    archive = Archive.open(store)
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("window/language", language)
        settings.setValue("window/appearance", appearance)
        settings.setValue("window/map", "true" if show_map else "false")
        window = MainWindow(archive, settings)
        window.resize(*size)
        window.show()
        window.start()
        for _ in range(6):
            window.runner.wait_idle()
            QApplication.processEvents()
        window.select_event_key(EVENT)
        for _ in range(8):
            window.runner.wait_idle()
            QApplication.processEvents()
        if not window.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        window.close()
        window.runner.wait_idle(10000)
        window.deleteLater()
        app.processEvents()
    archive.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", action="append", default=[], help="a picture's name (repeatable)")
    parser.add_argument("--take", nargs=6, help=argparse.SUPPRESS)  # store path size appearance language map
    args = parser.parse_args()
    if args.take:
        store, path, size, appearance, language, show_map = args.take
        w, h = (int(x) for x in size.split("x"))
        take(Path(store), Path(path), (w, h), appearance, language, show_map == "map")
        return 0
    from desktop.services import Archive

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="archive-shots-") as scratch:
        store = Path(scratch) / "archive.sqlite"
        seeds = Path(scratch) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)  # the build is the bundled archive's, on a copy
        archive = Archive.open(store)
        archive.build(seeds)
        archive.close()
        for name, (w, h), appearance, language, show_map in shots():
            if args.only and name not in args.only:
                continue
            path = args.out / f"{name}.png"
            command = [
                sys.executable,
                __file__,
                "--take",
                str(store),
                str(path),
                f"{w}x{h}",
                appearance,
                language,
            ]
            subprocess.run([*command, "map" if show_map else "list"], check=True, env=env, cwd=ROOT)
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

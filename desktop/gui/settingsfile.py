"""The window's settings file (``settings.ini`` in the data folder): a damaged one never stops the app.

Qt's INI reader accepts almost anything — random bytes come back as odd keys with no error — so the file is
checked here first: readable, UTF-8 without NUL bytes, of a sane size, and every line a section, a
``key=value`` pair, a comment or blank. A file that fails is moved aside (``settings-damaged-<time>.ini``,
never deleted) and the app starts with the defaults; the caller tells the reader, in one line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_SETTINGS_BYTES = 1024 * 1024
_LINE = re.compile(r"^\s*(?:\[[^\]]*\]|[;#].*|[^=\[\]]+=.*)?\s*$")


def settings_problem(path: Path) -> str | None:
    """Why this settings file cannot be trusted, or None (a missing file is fine: defaults)."""
    if not path.exists() and not path.is_symlink():
        return None
    if not path.is_file():
        return "it is not a file"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    if len(raw) > MAX_SETTINGS_BYTES:
        return f"it is far too large ({len(raw):,} bytes)"
    if b"\x00" in raw:
        return "it contains binary data"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "it is not UTF-8 text"
    for number, line in enumerate(text.splitlines(), 1):
        if not _LINE.match(line):
            return f"line {number} is not a setting"
    return None


def open_settings(path: Path) -> tuple[QSettings, str | None]:
    """The settings at ``path``, or fresh defaults and a one-line message saying what happened."""
    problem = settings_problem(path)
    if problem is None:
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        if settings.status() == QSettings.Status.NoError:
            return settings, None
        problem = "Qt could not read it"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    try:
        os.replace(path, aside)
        kept = f"the old file is kept as {aside.name}"
        fresh = path
    except OSError:
        # It cannot even be moved (a read-only folder): leave it untouched and keep new settings beside it.
        kept = "the old file was left as it is"
        fresh = path.with_name(f"{path.stem}-recovered{path.suffix}")
    settings = QSettings(str(fresh), QSettings.Format.IniFormat)
    settings.clear()
    return settings, (
        f"The settings file {path.name} could not be used ({problem}): started with the default "
        f"settings; {kept}."
    )

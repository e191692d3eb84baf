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

from desktop.gui.i18n import N_, tr

MAX_SETTINGS_BYTES = 1024 * 1024
_LINE = re.compile(r"^\s*(?:\[[^\]]*\]|[;#].*|[^=\[\]]+=.*)?\s*$")


class Said(str):
    """A message in English (the text compared and kept) that remembers its words and values: the settings
    are opened before the window's language is known (it is one of them), so the window says it again in
    its language with :func:`in_language`."""

    source: str
    values: dict[str, object]

    def __new__(cls, source: str, **values: object) -> Said:
        said = super().__new__(cls, source.format(**values))
        said.source, said.values = source, values
        return said


def in_language(message: str) -> str:
    """``message`` in the window's language when it is a :class:`Said` (its parts too), else as it is."""
    if not isinstance(message, Said):
        return message
    values = {k: in_language(v) if isinstance(v, str) else v for k, v in message.values.items()}
    return tr(message.source).format(**values)


def settings_problem(path: Path) -> str | None:
    """Why this settings file cannot be trusted, or None (a missing file is fine: defaults)."""
    if not path.exists() and not path.is_symlink():
        return None
    if not path.is_file():
        return Said(N_("it is not a file"))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Said(N_("it cannot be read ({reason})"), reason=exc.strerror)
    if len(raw) > MAX_SETTINGS_BYTES:
        return Said(N_("it is far too large ({size:,} bytes)"), size=len(raw))
    if b"\x00" in raw:
        return Said(N_("it contains binary data"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Said(N_("it is not UTF-8 text"))
    for number, line in enumerate(text.splitlines(), 1):
        if not _LINE.match(line):
            return Said(N_("line {number} is not a setting"), number=number)
    return None


def open_settings(path: Path) -> tuple[QSettings, str | None]:
    """The settings at ``path``, or fresh defaults and a one-line message saying what happened."""
    problem = settings_problem(path)
    if problem is None:
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        if settings.status() == QSettings.Status.NoError:
            return settings, None
        problem = Said(N_("Qt could not read it"))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    try:
        os.replace(path, aside)
        kept = Said(N_("the old file is kept as {name}"), name=aside.name)
        fresh = path
    except OSError:
        # It cannot even be moved (a read-only folder): leave it untouched and keep new settings beside it.
        kept = Said(N_("the old file was left as it is"))
        fresh = path.with_name(f"{path.stem}-recovered{path.suffix}")
    settings = QSettings(str(fresh), QSettings.Format.IniFormat)
    settings.clear()
    return settings, Said(
        N_(
            "The settings file {name} could not be used ({problem}): started with the default settings; "
            "{kept}."
        ),
        name=path.name,
        problem=problem,
        kept=kept,
    )

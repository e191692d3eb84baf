"""The window in its readers' languages (issue 19): English, Russian and Chinese, with Qt's translation
system — ``tr()`` over the window's own words, ``resources/i18n/archive_viewer_<lang>.ts`` sources (edited
with Qt Linguist, updated by ``scripts/update_translations.py``) compiled to the ``.qm`` files shipped.

The language is the reader's choice (View › Language, kept in the settings) or else the system's; it takes
effect at the next start (the window is built in it). The archive's own texts — titles, documents, notes —
are never translated: they are evidence, shown in the languages they were written in.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.gui.localdates import set_language as set_date_language
from desktop.paths import resources_dir

CONTEXT = "ArchiveViewer"
LANGUAGES = {"en": "English", "ru": "Русский", "zh": "中文"}
# Qt's own translations (its standard buttons and dialogs) where their file names differ from ours.
QT_TRANSLATIONS = {"zh": "zh_CN"}
_installed: list[QTranslator] = []
_current: list[tuple[QCoreApplication, str]] = []  # the application and language installed last


def plain(text: str) -> str:
    """A menu text without its accelerator: "&File" → "File", "文件(&F)" → "文件"."""
    return re.sub(r"\(&\w\)$", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def N_(text: str) -> str:
    """Marks a literal for translation where it is written; it is translated where it is shown, by tr()."""
    return text


def tr(text: str) -> str:
    """``text`` in the window's language (itself when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text)


def numerus_source(word: str) -> str:
    """The message a count of ``word`` is translated by: ``%n event(s)``, with a plural form for each
    count (Russian has three: 1 событие, 2 события, 5 событий; Chinese one)."""
    return f"%n {word}(s)"


def tr_count(n: int, word: str) -> str | None:
    """``n`` of ``word`` in the window's language, or None when it has no translation (English)."""
    source = numerus_source(word)
    text = QCoreApplication.translate(CONTEXT, source, None, n)
    if text == source.replace("%n", str(n)):
        return None
    return text


def language_of(setting: object) -> str:
    """The language to show: the one chosen, else the system's when the window has it, else English."""
    chosen = str(setting or "")
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install(app: QCoreApplication, language: str) -> bool:
    """Load the window's translation (and Qt's own, for its standard dialogs); False when there is none."""
    if _current and _current[0] == (app, language):
        return True  # the fast start installed it before the first paint: the window finds it there
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current.clear()
    set_date_language(language)
    if language == "en":
        _current.append((app, language))
        return True
    ours = QTranslator(app)
    if not ours.load(str(resources_dir() / "i18n" / f"archive_viewer_{language}.qm")):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    qt_name = QT_TRANSLATIONS.get(language, language)
    if qt.load(f"qtbase_{qt_name}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    _current.append((app, language))
    return True

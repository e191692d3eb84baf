"""The bundled fonts: registered at start so that Latin, Cyrillic, Devanagari and Chinese always render."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from desktop.paths import resources_dir

# Tried in this order for every character: Noto Sans (Latin, Cyrillic), Noto Sans Devanagari (Hindi),
# Droid Sans Fallback (Chinese), then Armenian and Georgian (native names in the authority) and Noto Sans
# Math (arrows and set signs in notes). Listing them explicitly works even with no system fonts at all.
FAMILIES = [
    "Noto Sans",
    "Noto Sans Devanagari",
    "Droid Sans Fallback",
    "Noto Sans Armenian",
    "Noto Sans Georgian",
    "Noto Sans Math",
]


def register_fonts() -> list[str]:
    """Register every bundled font file; returns the families that loaded."""
    loaded: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(loaded))


def apply_app_font(app: QGuiApplication, point_size: float | None = None) -> QFont:
    font = QFont(app.font())
    font.setFamilies(FAMILIES)
    if point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return font


def css_families() -> str:
    """The same fallback list for HTML shown in text browsers."""
    return ", ".join(f"'{family}'" for family in FAMILIES)

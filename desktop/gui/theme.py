"""Light and dark palettes that follow the system's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

APPEARANCES = ("system", "light", "dark")
_chosen = "system"  # the reader's choice (View › Appearance); "system" follows the desktop


def is_dark() -> bool:
    if _chosen != "system":
        return _chosen == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def set_appearance(app: QApplication, choice: str) -> None:
    """Light, dark, or the system's scheme, for the whole window at once."""
    global _chosen
    _chosen = choice if choice in APPEARANCES else "system"
    apply_theme(app)


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(222, 224, 227)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor(37, 38, 41))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, window)
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(53, 116, 240))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, window)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Link, QColor(110, 160, 255))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(140, 142, 146))
        # The shades Fusion draws frames and check boxes with (left at their light defaults, a box
        # in a list was all but invisible on the dark base).
        p.setColor(group, QPalette.ColorRole.Light, QColor(96, 98, 102))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor(72, 74, 78))
        p.setColor(group, QPalette.ColorRole.Mid, QColor(120, 122, 126))
        p.setColor(group, QPalette.ColorRole.Dark, QColor(150, 152, 156))
        p.setColor(group, QPalette.ColorRole.Shadow, QColor(12, 12, 14))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 122, 126))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(120, 122, 126))
    return p


def apply_theme(app: QApplication) -> None:
    """Fusion everywhere (consistent on every desktop), coloured for the current system scheme."""
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if is_dark() else app.style().standardPalette())


def follow_system_scheme(app: QApplication) -> None:
    apply_theme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))


def mark_colours() -> dict[str, str]:
    """Highlight colours for the detail pane, readable in both schemes."""
    if is_dark():
        return {
            "mention": "#2d3f5c",
            "note": "#2f5a3a",
            "selected": "#3f8a4e",
            "match": "#8a6d00",
            "debris": "#3a3b3e",
            "muted": "#9a9ca0",
        }
    # Search hits yellow, translation notes green, names blue: three hues, told apart in both schemes and
    # named in the legend under the text.
    return {
        "mention": "#e3edfd",
        "note": "#ddf2d8",
        "selected": "#a6dc9c",
        "match": "#ffe94d",
        "debris": "#eeeeee",
        "muted": "#6b6e73",
    }

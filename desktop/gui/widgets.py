"""Small widget helpers shared by the window's panes."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton


def tool_button(text: str, *, checked: bool | None = None) -> QToolButton:
    """A tool button with its text; checkable (and in that state) when ``checked`` is given."""
    button = QToolButton()
    button.setText(text)
    if checked is not None:
        button.setCheckable(True)
        button.setChecked(checked)
    return button

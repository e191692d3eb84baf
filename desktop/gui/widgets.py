"""Small widget helpers shared by the window's panes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QToolButton


def plural(n: int, word: str) -> str:
    """``1 event``, ``2 events``, ``1,234 events`` (English plurals in -s; the words here all take one)."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def tool_button(text: str, *, checked: bool | None = None) -> QToolButton:
    """A tool button with its text; checkable (and in that state) when ``checked`` is given."""
    button = QToolButton()
    button.setText(text)
    if checked is not None:
        button.setCheckable(True)
        button.setChecked(checked)
    return button


def searchable_combo(
    candidates: Sequence[tuple[str, Any]], name: str, none: str | None = None, current: Any = None
) -> QComboBox:
    """A list of (label, value) to choose from by typing any part of a label (a name in any script, a key):
    an editable combo box whose completer matches anywhere, case-insensitively; ``none`` adds a first choice
    whose value is None."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setAccessibleName(name)
    if none is not None:
        box.addItem(none, None)
    for label, value in candidates:
        box.addItem(label, value)
    completer = QCompleter([box.itemText(i) for i in range(box.count())], box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    box.setCompleter(completer)
    box.setCurrentIndex(box.findData(current) if current is not None or none is not None else -1)
    return box

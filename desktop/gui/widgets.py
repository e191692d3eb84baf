"""Small widget helpers shared by the window's panes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLayout, QLayoutItem, QToolButton, QWidget

from desktop.gui.i18n import tr_count


def plural(n: int, word: str) -> str:
    """``1 event``, ``2 events``, ``1,234 events`` (English plurals in -s; the words here all take one), or
    the count in the window's language with its plural form (``word`` a literal: the translations'
    message is ``%n word(s)``, collected by scripts/update_translations.py)."""
    translated = tr_count(n, word)
    if translated is not None:
        return translated
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


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to new lines (Qt's flow-layout example, trimmed): the
    filters' chips, the document's tool bar in a narrow detail pane."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()

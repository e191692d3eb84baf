"""Dialogs for an event's place among the others (issue 18): choosing another event (to merge into this
one, or to be part of), splitting one in two, and the documents that report it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop.gui.editor import _FormDialog

_ID = Qt.ItemDataRole.UserRole


class EventChooser(_FormDialog):
    """Choose one event among many, by typing part of its title or id (``none``: a "(none)" choice)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        candidates: Sequence[tuple[str, str]],
        submit: Callable[[str | None], None],
        none: str | None = None,
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(600)
        self._submit = submit
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.setAccessibleName("Event")
        if none is not None:
            self.choice.addItem(none, None)
        for label, key in candidates:
            self.choice.addItem(label, key)
        self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
        completer = QCompleter([label for label, _key in candidates], self.choice)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.choice.setCompleter(completer)
        said = QLabel(prompt)
        said.setWordWrap(True)
        form = QFormLayout()
        form.addRow(said)
        form.addRow("&Event", self.choice)
        self._layout(form, "One step: Ctrl+Z takes it back.")

    def _save(self) -> None:
        index = self.choice.findText(self.choice.currentText())
        if index < 0:
            self.show_error("event: choose one from the list (type part of its title or id)")
            return
        self.buttons.setEnabled(False)
        self._submit(self.choice.itemData(index))


class SourcesDialog(_FormDialog):
    """The documents that report an event: untick one to detach it, name another to attach it."""

    def __init__(
        self,
        parent: QWidget | None,
        event_title: str,
        sources: Sequence[tuple[int, str]],
        submit: Callable[[list[int], str], None],
        split: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Split the event" if split else "Sources of the event")
        self.setMinimumWidth(560)
        self._submit = submit
        self.split = split
        self.list = QListWidget()
        self.list.setAccessibleName("Documents")
        for doc_id, name in sources:
            item = QListWidgetItem(name)
            item.setData(_ID, doc_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if split else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.setMaximumHeight(160)
        self.extra = QLineEdit()
        form = QFormLayout()
        form.addRow(QLabel(f"“{event_title}”"))
        if split:
            self.extra.setText(f"{event_title} (part)")
            self.extra.setAccessibleName("Title of the new event")
            form.addRow("New event's &title", self.extra)
            form.addRow("&Moves to it", self.list)
            hint = "The new event takes this one's type, dates and place; ticked sources move to it."
        else:
            self.extra.setPlaceholderText("Another document: its file name or SHA-256")
            self.extra.setAccessibleName("Document to attach")
            form.addRow("&Reported by", self.list)
            form.addRow("&Attach", self.extra)
            hint = "Untick a document to detach it. One step: Ctrl+Z takes it back."
        self._layout(form, hint)

    def ticked(self) -> list[int]:
        return [
            int(item.data(_ID))
            for i in range(self.list.count())
            if (item := self.list.item(i)) is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def _save(self) -> None:
        if self.split and not self.extra.text().strip():
            self.show_error("title: the new event needs a title")
            return
        self.buttons.setEnabled(False)
        self._submit(self.ticked(), self.extra.text().strip())

"""Dialogs for an event's place among the others (issue 18): choosing another event (to merge into this
one, or to be part of), splitting one in two, the documents that report it; and the list of what is
flagged for review."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.editor import _FormDialog
from desktop.gui.i18n import tr
from desktop.gui.widgets import plural, searchable_combo

_ID = Qt.ItemDataRole.UserRole
Mode = QHeaderView.ResizeMode


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
        self.choice = searchable_combo(candidates, tr("Event"), none=none, current=current)
        self.choice.setCurrentIndex(max(0, self.choice.currentIndex()))
        said = QLabel(prompt)
        said.setWordWrap(True)
        form = QFormLayout()
        form.addRow(said)
        form.addRow(tr("&Event"), self.choice)
        self._layout(form, tr("One step: Ctrl+Z takes it back."))

    def _save(self) -> None:
        index = self.choice.findText(self.choice.currentText())
        if index < 0:
            self.show_error(tr("event: choose one from the list (type part of its title or id)"))
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
        self.setWindowTitle(tr("Split the event") if split else tr("Sources of the event"))
        self.setMinimumWidth(560)
        self._submit = submit
        self.split = split
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Documents"))
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
            self.extra.setAccessibleName(tr("Title of the new event"))
            form.addRow(tr("New event's &title"), self.extra)
            form.addRow(tr("&Moves to it"), self.list)
            hint = tr("The new event takes this one's type, dates and place; ticked sources move to it.")
        else:
            self.extra.setPlaceholderText(tr("Another document: its file name or SHA-256"))
            self.extra.setAccessibleName(tr("Document to attach"))
            form.addRow(tr("&Reported by"), self.list)
            form.addRow(tr("&Attach"), self.extra)
            hint = tr("Untick a document to detach it. One step: Ctrl+Z takes it back.")
        self._layout(form, hint)

    def ticked(self) -> list[int]:
        return [
            int(item.data(_ID))
            for i in range(self.list.count())
            if (item := self.list.item(i)) is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def _save(self) -> None:
        if self.split and not self.extra.text().strip():
            self.show_error(tr("title: the new event needs a title"))
            return
        self.buttons.setEnabled(False)
        self._submit(self.ticked(), self.extra.text().strip())


class FlagsDialog(QDialog):
    """Everything flagged for review, oldest first; Enter or a double-click on a passage opens its event."""

    def __init__(
        self,
        parent: QWidget | None,
        flags: Sequence[dict[str, Any]],
        go: Callable[[str], None],
        clear: Callable[[dict[str, Any]], None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Flagged for review"))
        self.setMinimumSize(640, 320)
        self._go, self._clear = go, clear
        self.flags = list(flags)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [
                tr("Flagged"),
                tr("Entity or document"),
                tr("Name or words"),
                tr("Why"),
                tr("Who"),
                tr("When (UTC)"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(tr("Flags"))
        for n, f in enumerate(flags):
            item = QTreeWidgetItem(
                [f["kind"], f["key"], f.get("name") or f.get("quote") or "", f.get("reason") or "",
                 f["author"], f["at"][:16].replace("T", " ")]
            )  # fmt: skip
            item.setData(0, _ID, n)
            item.setToolTip(3, f.get("reason") or "")
            self.list.addTopLevelItem(item)
        self.list.itemActivated.connect(self._open)
        header = self.list.header()
        header.setStretchLastSection(False)
        fit, fixed = Mode.ResizeToContents, Mode.Interactive
        for column, mode in enumerate(
            (fit, fixed, fixed, Mode.Stretch, fit, fit)
        ):  # the reason takes the room
            header.setSectionResizeMode(column, mode)
        self.list.setColumnWidth(1, 190)
        self.list.setColumnWidth(2, 170)
        said = QLabel(
            tr("{flags}. Enter opens a passage's event; Clear the flag once it has been looked at.").format(
                flags=plural(len(flags), "flag")
            )
            if flags
            else tr(
                "Nothing is flagged. Flag an entity in its Names and merge…, or selected words in the link "
                "dialog (Ctrl+Shift+L), when nothing in the authority fits."
            )
        )
        said.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.clear_button = buttons.addButton(tr("C&lear the flag"), QDialogButtonBox.ButtonRole.ActionRole)
        self.clear_button.clicked.connect(self._clear_selected)
        self.clear_button.setEnabled(bool(flags))
        layout = QVBoxLayout(self)
        layout.addWidget(said)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def _chosen(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return self.flags[int(item.data(0, _ID))] if item is not None else None

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        events = self.flags[int(item.data(0, _ID))].get("events") or []
        if events:
            self._go(str(events[0]))

    def _clear_selected(self) -> None:
        flag = self._chosen()
        if flag is not None:
            self.clear_button.setEnabled(False)
            self._clear(flag)

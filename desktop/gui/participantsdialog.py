"""An event's participants in the window (issue 18): who took part, in what role, with the title they held;
a person, organisation or place added from the authority (typed in any script: its names in every script
are searched), a role or title changed, a participant removed — each one undoable step, the list shown
again after each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.valuenames import fill_choices, role_name
from desktop.gui.widgets import searchable_combo
from desktop.services import ROLES


class ParticipantsDialog(QDialog):
    """The participants of one event. ``write(entity_key, role or None, title)`` is the window's write;
    ``candidates`` are (label with every name, key) of the people, organisations and places."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        people: dict[str, dict[str, Any]],
        labels: dict[str, str],
        candidates: Sequence[tuple[str, str]],
        write: Callable[[str, str | None, str | None], None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Participants — {title}").format(title=title))
        self.setMinimumSize(640, 420)
        self._write = write
        self._labels = labels
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Participant"), tr("Role"), tr("Title held")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A role is a word or two in any language ("принимающая сторона"): shown whole.
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(tr("Participants"))
        self.table.itemSelectionChanged.connect(self._picked)
        self.remove_button = QPushButton(tr("&Remove the selected participant"))
        self.remove_button.clicked.connect(self._remove)
        self.entity = searchable_combo(candidates, tr("Person, organisation or place"))
        edit = self.entity.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(tr("Type any of its names, in any script"))
        self.role = QComboBox()
        fill_choices(self.role, ROLES, role_name, "participant")
        self.role.setAccessibleName(tr("Role"))
        self.held = QLineEdit()
        self.held.setPlaceholderText(tr("Title held at the time (Ambassador, rector…)"))
        self.held.setAccessibleName(tr("Title held"))
        save = QPushButton(tr("&Add or change"))
        save.clicked.connect(self._save)
        row = QHBoxLayout()
        row.addWidget(self.entity, 3)
        row.addWidget(self.role, 1)
        row.addWidget(self.held, 2)
        row.addWidget(save)
        box = QGroupBox(tr("Add a participant, or change one's role or title"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(row)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(tr("Each change is one step: Edit › Undo (Ctrl+Z) takes it back.")))
        layout.addWidget(close)
        self.show_people(people)

    def show_people(self, people: dict[str, dict[str, Any]], labels: dict[str, str] | None = None) -> None:
        """The participants as they now are (after each change)."""
        if labels is not None:
            self._labels = labels
        self.keys = list(people)
        self.table.setRowCount(len(people))
        for row, (key, value) in enumerate(people.items()):
            role = value.get("role") or ""
            for col, text in enumerate(
                (self._labels.get(key, key), role_name(role), value.get("title") or "")
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(key if col == 0 else text)
                if col == 1:
                    item.setData(Qt.ItemDataRole.UserRole, role)  # the catalogue's word, for the form
                self.table.setItem(row, col, item)
        self.remove_button.setEnabled(bool(people))
        self.error.hide()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _picked(self) -> None:
        """A participant selected: the form below takes it, to change its role or title."""
        row = self.table.currentRow()
        if 0 <= row < len(self.keys):
            self.entity.setCurrentIndex(self.entity.findData(self.keys[row]))
            role, held = self.table.item(row, 1), self.table.item(row, 2)
            word = role.data(Qt.ItemDataRole.UserRole) if role else None
            if self.role.findData(word or "participant") < 0:  # a role the catalogue no longer lists
                self.role.addItem(role_name(word), word)
            self.role.setCurrentIndex(self.role.findData(word or "participant"))
            self.held.setText(held.text() if held else "")

    def _save(self) -> None:
        index = self.entity.findText(self.entity.currentText())
        if index < 0:
            self.show_error(tr("participant: choose a person, organisation or place from the list"))
            return
        self._write(
            str(self.entity.itemData(index)), str(self.role.currentData()), self.held.text().strip() or None
        )

    def _remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.keys):
            self._write(self.keys[row], None, None)

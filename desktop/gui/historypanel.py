"""An event's edit history in the detail pane (issue 18): what people changed of it and of its documents —
fields, participants, proposals decided, notes and links on passages — newest first, who and when, undone
steps greyed (Ctrl+Shift+Z brings them back); and, above it, every field a rebuilt catalogue now says
otherwise than the person who edited it, with both values (the person's is the one shown)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.gui.i18n import tr
from desktop.services.shapes import edit_value_text


def describe(target_type: str, field: str) -> str:
    """What an edit changed, in words (the window's; an event's field by its own name, as stored)."""
    if target_type == "suggestion":
        return tr("proposal decided")
    if field.startswith("participant:"):
        return tr("participant")
    if field.startswith("link:"):
        return tr("passage linked")
    if field.startswith("flag"):
        return tr("flagged for review")
    if field.startswith("note:"):
        return tr("translation note")
    if field.startswith("alias:"):
        return tr("name")
    if field == "merged_into":
        return tr("merged into")
    if field == "created":
        return tr("created")
    return field


class HistoryPanel(QWidget):
    """The history list, with the conflicts above it."""

    def __init__(self) -> None:
        super().__init__()
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts.setStyleSheet(
            "QLabel { background: #fff3c4; color: #3a2f00; padding: 4px 8px; border: 1px solid #d9b84a; }"
        )
        self.conflicts.setAccessibleName(tr("Conflicts with the catalogue"))
        self.conflicts.setVisible(False)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([tr("When (UTC)"), tr("Who"), tr("Change"), tr("Was"), tr("Now")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(tr("Edit history"))
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.list.setColumnWidth(2, 140)
        for column in (3, 4):  # what it was and what it is now share the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            tr("Nobody has edited this event yet: what you change is listed here, who and when.")
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def show_history(self, rows: Sequence[Any], conflicts: Sequence[tuple[str, Any, Any]]) -> None:
        self.list.clear()
        grey = QBrush(QColor("#8a8a8a"))
        undone = tr("{change} (undone)")
        for r in reversed(rows):
            change = describe(r.target_type, r.field)
            item = QTreeWidgetItem(
                [
                    r.at[:16].replace("T", " "),
                    r.author,
                    undone.format(change=change) if r.undone else change,
                    edit_value_text(r.old),
                    edit_value_text(r.new),
                ]
            )
            item.setToolTip(2, f"{r.target_type} {r.target_key}: {r.field}")  # which record, exactly
            for column, value in ((3, r.old), (4, r.new)):
                item.setToolTip(column, edit_value_text(value))
            if r.undone:
                for column in range(5):
                    item.setForeground(column, grey)
            self.list.addTopLevelItem(item)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        nothing = tr("nothing")
        conflict = tr("{field}: the catalogue now says “{catalogue}”; yours, “{yours}”, is shown")
        said = [
            conflict.format(
                field=field,
                catalogue=edit_value_text(built) or nothing,
                yours=edit_value_text(mine) or nothing,
            )
            for field, built, mine in conflicts
        ]
        heading = tr("Changed under your edit by a rebuild:")
        self.conflicts.setText(heading + "\n" + "\n".join(said) if said else "")
        self.conflicts.setVisible(bool(said))

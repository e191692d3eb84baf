"""Help at hand (issue 19): every keyboard shortcut of the window in one list (F1, Ctrl+/), and a box to go
straight to an event by its id (Ctrl+G), as calibre and Zotero readers expect."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import N_, plain, tr

# Keys that belong to one pane, not to a menu action (translated where they are shown; keys named by the
# letters on the keyboard stay as they are).
PANE_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", N_("Move between the panes: search, filters, timeline, list, detail")),
    (N_("Up, Down, Page Up, Page Down, Home, End"), N_("Move in the event list")),
    (
        "Esc",
        N_("In the search box: clear it · in the timeline: clear its range · in a note: give up the edit"),
    ),
    ("A / R", N_("Proposals tab: accept / reject the selected proposal")),
    ("Shift+A", N_("Proposals tab: accept every open proposal of the selected one's kind")),
    ("Enter", N_("Proposals tab: show the passage it was read from · Flagged for review: open the event")),
    (N_("Space"), N_("Filters: tick or untick the value under the cursor")),
)


class ShortcutsDialog(QDialog):
    """Every shortcut: the window's actions (what each does) and the keys of its panes."""

    def __init__(self, parent: QWidget | None, actions: Sequence[QAction]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setMinimumSize(560, 480)
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for act in actions:
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name = plain(act.text())
            if keys and name not in seen:
                seen.add(name)
                rows.append((keys, name))
        rows.sort(key=lambda r: r[1].casefold())
        rows += [(tr(keys), tr(what)) for keys, what in PANE_KEYS]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([tr("Keys"), tr("What they do")])
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            item = QTableWidgetItem(what)
            item.setToolTip(what)
            self.table.setItem(row, 1, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Every menu item is also reached with Alt and its underlined letter.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def rows(self) -> list[tuple[str, str]]:
        return [
            (k.text(), w.text())
            for r in range(self.table.rowCount())
            if (k := self.table.item(r, 0)) is not None and (w := self.table.item(r, 1)) is not None
        ]


def ask_event_id(parent: QWidget, go: Callable[[str], None]) -> None:
    """Ask for an event's id (as `events` prints it, or pasted) and go to it."""
    key, ok = QInputDialog.getText(
        parent, tr("Go to event"), tr("Event id (evt.…, doc.…, or its number):"), QLineEdit.EchoMode.Normal
    )
    if ok and key.strip():
        go(key.strip())

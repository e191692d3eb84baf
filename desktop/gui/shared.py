"""The window on a shared archive (issue 21): others' changes as they come, the role's limits, the server
going away and coming back, and File › Open shared archive….

- Others' changes arrive from the service's :meth:`~desktop.services.Archive.watch_changes` on a thread
  of its own; they are handed to the GUI thread by a queued signal and applied as the window applies its
  own writes (``Operations.changed``): the list is read again where the reader is, never reset to the top.
- What the person's role may not do is disabled, with the role that may in its tooltip (the server refuses
  it anyway: this only spares a refusal).
- A server that stops answering is said once in the status bar, with a permanent "offline" mark; what is
  on screen stays readable, and the window refreshes when the server is back.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import N_, tr
from desktop.services import Change

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from desktop.services import ChangeWatcher

# The role each kind of action needs (issue 21); a file's owner has them all.
NEEDS = {
    "cataloguer": (
        "undo_action", "redo_action", "edit_event_action", "participants_action", "passage_note_action",
        "passage_link_action", "new_event_action", "merge_event_action", "split_event_action",
        "sources_action", "parent_action",
    ),
    "archivist": (
        "import_files_action", "import_folder_action", "import_catalogue_action", "export_catalogue_action",
    ),
}  # fmt: skip


# The roles' names as the window shows them (the server's own names are English).
ROLE_WORDS = {"reader": N_("reader"), "cataloguer": N_("cataloguer"), "archivist": N_("archivist"),
              "admin": N_("admin")}  # fmt: skip


def role_word(role: str) -> str:
    return tr(ROLE_WORDS[role]) if role in ROLE_WORDS else role


class SharedLink(QObject):
    """Keeps one window in step with its shared archive until the window closes."""

    changed = Signal(object)  # frozenset of table names, emitted on the listener's thread
    status = Signal(object)  # a problem (str) or None when the server answers again

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.offline = QLabel(tr("Server unreachable"))
        self.offline.setStyleSheet("QLabel { color: #a33; padding: 0 6px; }")
        self.offline.setVisible(False)
        window.statusBar().addPermanentWidget(self.offline)
        self.changed.connect(self._changed)
        self.status.connect(self._status)
        self.watcher: ChangeWatcher | None = window.archive.watch_changes(self.changed.emit, self.status.emit)

    def _changed(self, _tables: frozenset[str]) -> None:
        """Others committed: refresh as after one's own write (the list keeps the reader's place)."""
        self.window.ops.changed.emit(Change(catalogue=True, notes=True))

    def _status(self, problem: str | None) -> None:
        self.offline.setVisible(problem is not None)
        bar = self.window.statusBar()
        if problem is not None:
            self.offline.setToolTip(
                tr("{problem}. The window refreshes when the server is back.").format(problem=problem)
            )
            bar.showMessage(
                tr("Server unreachable ({problem}); what is shown stays readable.").format(problem=problem),
                15000,
            )
        else:
            bar.showMessage(tr("Connected to the server again; the list is up to date."), 6000)

    def close(self) -> None:
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None


def apply_role(window: Any) -> None:
    """Disable what the person's role may not do, and say in the title where and as what they work."""
    archive = window.archive
    if archive.on_server:
        from desktop.gui.detail import SHARED_NOTE_PLACEHOLDER

        window.detail.note_placeholder = SHARED_NOTE_PLACEHOLDER
    if not archive.on_server and archive.role is None:
        return
    role = archive.role or "reader"
    for needs, names in NEEDS.items():
        if archive.may(needs):
            continue
        for name in names:
            act: QAction = getattr(window, name)
            act.setEnabled(False)
            act.setToolTip(
                tr("Needs the {needs} role (yours: {role})").format(
                    needs=role_word(needs), role=role_word(role)
                )
            )
    if not archive.may("cataloguer"):
        window.detail.set_catalogue_read_only(
            tr("your role is {role}: you can read and keep your own notes").format(role=role_word(role))
        )
    where = archive.location if archive.on_server else tr("offline copy")
    window.setWindowTitle(f"{window.windowTitle()} — {where} ({role_word(role)})")


class OpenSharedDialog(QDialog):
    """File › Open shared archive…: the server's address; the archive opens in a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Open shared archive"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "The address of a team's archive on a PostgreSQL server, as its administrator gave it. "
                "The password comes from your pgpass file or the system keyring, never from here."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.address = QLineEdit()
        self.address.setPlaceholderText("postgresql://name@server.example.org/archive")
        self.address.setAccessibleName(tr("Server address"))
        layout.addWidget(self.address)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { color: #a33; }")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _open(self) -> None:
        from desktop.store.address import carries_password, is_server_address

        address = self.address.text().strip()
        if not is_server_address(address):
            self.problem.setText(tr("Write it as postgresql://name@server/archive."))
            return
        if carries_password(address):
            self.problem.setText(
                tr("Leave the password out of the address: put it in your pgpass file or the keyring.")
            )
            return
        launch_window(address)
        self.accept()


def launch_window(address: str) -> bool:
    """Open the archive at ``address`` in a new window of its own (a process of its own: one archive per
    window, as the app is built); whether it started."""
    if getattr(sys, "frozen", False):
        program, args = sys.executable, ["gui", "--db", address]
    else:
        program, args = sys.executable, ["-m", "desktop", "gui", "--db", address]
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)

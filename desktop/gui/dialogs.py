"""Dialogs: choosing export columns and file, reporting an import, and the About box."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.gui.i18n import N_, tr
from desktop.services import COLUMNS, DEFAULT_COLUMNS, BuildReport
from desktop.services.recovery import Choice, Damage

# The descriptions of the CSV columns (desktop.export.csv_export.COLUMNS), marked here for translation: the
# dialog shows each in the window's language (the column names written to the file stay as they are).
_COLUMN_DESCRIPTIONS = (
    N_("the event's stable id"),
    N_("start date (YYYY-MM-DD, YYYY-MM, YYYY; XXXX when the year is unknown)"),
    N_("end date"),
    N_("precision of the start date: day, month, year, unknown"),
    N_("certainty of the start date: stated, inferred, unknown"),
    N_("English title"),
    N_("event type"),
    N_("place"),
    N_("countries involved"),
    N_("people taking part"),
    N_("organisations taking part"),
    N_("languages of the source documents"),
    N_("source documents with their SHA-256"),
    N_("yes for a provisional event made from an uncatalogued document"),
    N_("the date as the list shows it"),
    N_("number of source documents"),
    N_("your own notes on the event (only when chosen)"),
)


class ExportDialog(QDialog):
    """Pick the columns and the file for a CSV export."""

    def __init__(
        self,
        parent: QWidget | None,
        count: int | None,
        what: str,
        default_path: Path,
        checked: Sequence[str] | None = None,
    ) -> None:
        """``checked``: the columns ticked (the ones chosen last time; else the default set)."""
        super().__init__(parent)
        self.setWindowTitle(tr("Export {what}").format(what=what))
        self.columns = QListWidget()
        self.columns.setAccessibleName(tr("Columns"))
        ticked = {c for c in (checked or ()) if c in COLUMNS} or set(DEFAULT_COLUMNS)
        for name, description in COLUMNS.items():
            item = QListWidgetItem(f"{name} — {tr(description)}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        self.path = QLineEdit(str(default_path))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # None: the list is still being counted (a big archive's count follows its first page).
        many = (
            tr("{n:,} event(s) to a CSV file (UTF-8, opens in Excel and LibreOffice).").format(n=count)
            if count is not None
            else tr("Every shown event to a CSV file (UTF-8, opens in Excel and LibreOffice).")
        )
        layout.addWidget(QLabel(many))
        layout.addWidget(QLabel(tr("Columns:")))
        layout.addWidget(self.columns, 1)
        layout.addWidget(QLabel(tr("File:")))
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def chosen_columns(self) -> list[str]:
        return [
            self.columns.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.columns.count())
            if self.columns.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_path(self) -> Path:
        return Path(self.path.text()).expanduser()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Export to"), self.path.text(), tr("CSV files (*.csv)")
        )
        if path:
            self.path.setText(path if path.lower().endswith(".csv") else path + ".csv")

    def _accept(self) -> None:
        if not self.chosen_columns():
            QMessageBox.warning(self, tr("Export"), tr("Choose at least one column."))
            return
        if not self.path.text().strip():
            QMessageBox.warning(self, tr("Export"), tr("Choose a file to write."))
            return
        self.accept()


def _name(text: str) -> str:
    """A file name or reason as HTML, its control and bidi characters made visible (never executed)."""
    from desktop.safetext import display_title

    return html.escape(display_title(text))


def _section(title: str, items: list[str], most: int | None = 200) -> list[str]:
    """A titled list of the report (items already HTML), the first ``most`` of them; nothing if empty."""
    if not items:
        return []
    return [f"<p>{title}</p><ul>", *(f"<li>{item}</li>" for item in items[:most]), "</ul>"]


def show_import_report(parent: QWidget | None, report: BuildReport) -> QDialog:
    """What was added, unchanged, skipped and rejected, each left-out file with its reason (not modal)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Import finished"))
    counts = tr(
        "<b>{added}</b> document(s) added, <b>{updated}</b> updated, <b>{unchanged}</b> already in the "
        "archive, <b>{skipped}</b> skipped, <b>{rejected}</b> rejected."
    ).format(
        added=len(report.added),
        updated=len(report.updated),
        unchanged=len(report.unchanged),
        skipped=len(report.skipped),
        rejected=len(report.rejected),
    )
    parts = [f"<p>{counts}</p>"]
    added = [_name(Path(name).name) for name in report.added]
    parts += _section(tr("Added (each is listed as an uncatalogued event):"), added)
    parts += _section(
        tr("Rejected:"), [f"<b>{_name(r.name)}</b>: {_name(r.reason)}" for r in report.rejected], None
    )
    skipped = [f"<b>{_name(r.name)}</b>: {_name(r.reason)}" for r in report.skipped]
    parts += _section(tr("Skipped on purpose (not imported, nothing went wrong):"), skipped)
    same = [
        tr("<b>{name}</b>: the same content as {other}").format(name=_name(Path(n).name), other=_name(o))
        for n, o in report.same_as.items()
    ]
    parts += _section(tr("Already in the archive under another name:"), same)
    browser = QTextBrowser()
    browser.setHtml("".join(parts))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(560, 380)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.browser = browser  # type: ignore[attr-defined]
    dialog.show()
    return dialog


def recovery_box(parent: QWidget | None, damage: Damage) -> QMessageBox:
    """The store was damaged and set aside: offer the newest verified backup (by its date), or a fresh start.

    The chosen button is ``box.clickedButton()``; ``box.choices`` maps each button to its
    :class:`~desktop.services.recovery.Choice` (see :func:`ask_recovery`).
    """
    damaged = tr("The archive <b>{name}</b> is damaged ({problem}).").format(
        name=html.escape(damage.path.name), problem=html.escape(damage.problem)
    )
    moved = tr("It was moved aside, not deleted: <code>{moved}</code> in {folder}.").format(
        moved=html.escape(damage.moved_to.name), folder=html.escape(str(damage.path.parent))
    )
    if damage.backup is not None:
        backup = tr(
            "The newest verified backup is from <b>{day}</b> (taken before {reason}). Changes made after it "
            "are not in it."
        ).format(day=html.escape(damage.backup.long_day), reason=html.escape(damage.backup.reason))
    elif damage.can_start_fresh:
        backup = tr("There is no verified backup. The archive can be built again from the bundled documents.")
    else:
        backup = tr("There is no verified backup of this archive.")
    text = f"<p>{damaged}</p><p>{moved}</p><p>{backup}</p>"
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    choices: dict[object, Choice] = {}
    for choice in damage.choices:
        if choice is Choice.RESTORE and damage.backup is not None:
            button = box.addButton(
                tr("Restore the backup of {day}").format(day=damage.backup.day),
                QMessageBox.ButtonRole.AcceptRole,
            )
        elif choice is Choice.FRESH:
            button = box.addButton(
                tr("Start again from the bundled documents"), QMessageBox.ButtonRole.ActionRole
            )
        else:
            button = box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        choices[button] = choice
    box.choices = choices  # type: ignore[attr-defined]
    return box


def ask_recovery(damage: Damage) -> Choice:
    """Ask the reader what to do about a damaged store (the window's side of the one recovery flow)."""
    box = recovery_box(None, damage)
    box.exec()
    return box.choices.get(box.clickedButton(), Choice.STOP)  # type: ignore[attr-defined]


def show_about(parent: QWidget | None, data_location: Path) -> None:
    about = tr("An offline viewer for a multilingual archive of China–Belarus cooperation events.")
    data = tr("Data: {path}").format(path=f"<code>{html.escape(str(data_location))}</code>")
    licences = tr(
        "Licences: the application, MIT. Qt / PySide6, LGPLv3. SQLAlchemy and Alembic, MIT. "
        "Noto Sans and Noto Sans Devanagari, SIL Open Font License 1.1. Droid Sans Fallback, Apache 2.0. "
        "py3langid, BSD. charset-normalizer and platformdirs, MIT. "
        "Licence texts are in the resources folder."
    )
    QMessageBox.about(
        parent,
        tr("About {app}").format(app=APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3><p>{about}</p><p>{data}</p><p>{licences}</p>",
    )

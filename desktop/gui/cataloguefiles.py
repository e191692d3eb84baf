"""The catalogue shared as files, from the window (issue 18): File › Export catalogue… writes it into a
folder; File › Import catalogue… shows what another archivist's folder would change — record by record,
field by field — and builds from it only when asked.

A mixin of :class:`~desktop.gui.window.MainWindow`, like the other long jobs: the export reads in the
background, the preview is a read, the import a write with progress and Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.jobs import LongJobs
from desktop.gui.tasks import Job
from desktop.services import Archive

_SHOWN = 120  # characters of a field's value shown in the preview (the whole value in its tooltip)


def _short(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class CataloguePreview(QDialog):
    """What building from a catalogue folder would change: each record added, removed or changed, with the
    fields that differ (was → now) under it; the problems that keep it from being built, if any."""

    def __init__(self, parent: QWidget | None, preview: dict[str, Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a catalogue")
        self.setMinimumSize(560, 360)
        changes, problems = preview["changes"], preview["problems"]
        head = QLabel(
            f"Building from <b>{_short(preview['folder'])}</b> would make {len(changes)} change(s). "
            "Your own edits stay over it (a field it says otherwise is shown as a conflict); a backup is "
            "taken first."
            if changes
            else f"<b>{_short(preview['folder'])}</b> says what the archive says: nothing would change."
        )
        head.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Change", "Record", "Was", "Now"])
        self.tree.setAccessibleName("Changes")
        self.tree.setUniformRowHeights(True)
        for c in changes:
            item = QTreeWidgetItem([c["change"], f"{c['record']} {c['key']}", "", ""])
            item.setToolTip(1, c["key"])
            for name, values in c["fields"].items():
                was, now = values["was"], values["now"]
                child = QTreeWidgetItem([name, "", _short(was), _short(now)])
                child.setToolTip(2, str(was))
                child.setToolTip(3, str(now))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        for column, width in enumerate((90, 260, 200)):
            self.tree.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.tree, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setStyleSheet("QLabel { color: #a4000f; }")
        if problems:
            shown = problems[:5] + ([f"… and {len(problems) - 5} more"] if len(problems) > 5 else [])
            self.problems.setText(
                "It cannot be built until these are fixed (archive-viewer check --seeds FOLDER):\n"
                + "\n".join(shown)
            )
        self.problems.setVisible(bool(problems))
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply = self.buttons.addButton("&Build from it", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply.setEnabled(bool(changes) and not problems)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 480)


class CatalogueFiles(LongJobs):
    """Export and import of the catalogue as files."""

    catalogue_preview: CataloguePreview | None = None

    def export_catalogue(self) -> None:
        start = str(self.settings.value("catalogue/folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, "Export the catalogue into a folder", start)
        if folder:
            self.export_catalogue_to(Path(folder))

    def export_catalogue_to(self, folder: Path) -> Job:
        self.settings.setValue("catalogue/folder", str(folder))

        def work(archive: Archive, _job: Job) -> Any:
            return archive.export_catalogue(folder)

        def done(result: dict[str, Any]) -> None:
            self.last_catalogue_export = result
            said = (
                f"Wrote the catalogue to {folder}: {result['documents']} documents, {result['entities']} "
                f"entities, {result['events']} events"
            )
            if result["problems"]:
                QMessageBox.warning(
                    self,
                    "Export the catalogue",
                    said + ".\n\nLeft out:\n" + "\n".join(result["problems"][:10]),
                )
            self.statusBar().showMessage(said, 10000)

        return self._run_job("Exporting the catalogue", f"Writing the catalogue to {folder}…", work, done,
                             write=False)  # fmt: skip

    def import_catalogue(self) -> None:
        start = str(self.settings.value("catalogue/folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, "Import a catalogue folder", start)
        if folder:
            self.preview_catalogue(Path(folder))

    def preview_catalogue(self, folder: Path) -> None:
        """Show what the folder would change; build from it if the reader says so."""

        def load(archive: Archive, _cancel: object) -> dict[str, Any]:
            return archive.catalogue_changes(folder)

        def shown(preview: dict[str, Any]) -> None:
            dialog = CataloguePreview(self, preview)
            dialog.accepted.connect(lambda: self.import_catalogue_from(folder))
            dialog.finished.connect(lambda _result: setattr(self, "catalogue_preview", None))
            self.catalogue_preview = dialog
            dialog.open()

        self.ops.query(load, shown, key="catalogue-preview")

    def import_catalogue_from(self, folder: Path) -> Job:
        self.settings.setValue("catalogue/folder", str(folder))

        def work(archive: Archive, job: Job) -> Any:
            return archive.import_catalogue(folder, progress=job.report, should_cancel=lambda: job.cancelled)

        def done(report: Any) -> None:
            self.statusBar().showMessage(
                f"Built from {folder}: {report.documents} documents, {report.events} events "
                "(the archive follows that folder now)",
                10000,
            )

        return self._run_job("Importing a catalogue", f"Building the archive from {folder}…", work, done)

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

from desktop.gui.i18n import N_, tr
from desktop.gui.jobs import LongJobs
from desktop.gui.tasks import Job
from desktop.services import Archive

_SHOWN = 120  # characters of a field's value shown in the preview (the whole value in its tooltip)
# The words of a change and of a record's kind (desktop.catalogue.diff), shown in the window's language.
_CHANGES = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed")}
_RECORDS = {"entity": N_("entity"), "event": N_("event"), "document": N_("document"), "file": N_("file")}


def _short(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class CataloguePreview(QDialog):
    """What building from a catalogue folder would change: each record added, removed or changed, with the
    fields that differ (was → now) under it; the problems that keep it from being built, if any."""

    def __init__(self, parent: QWidget | None, preview: dict[str, Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import a catalogue"))
        self.setMinimumSize(560, 360)
        changes, problems = preview["changes"], preview["problems"]
        folder = _short(preview["folder"])
        head = QLabel(
            tr(
                "Building from <b>{folder}</b> would make {n} change(s). Your own edits stay over it "
                "(a field it says otherwise is shown as a conflict); a backup is taken first."
            ).format(folder=folder, n=len(changes))
            if changes
            else tr("<b>{folder}</b> says what the archive says: nothing would change.").format(folder=folder)
        )
        head.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Change"), tr("Record"), tr("Was"), tr("Now")])
        self.tree.setAccessibleName(tr("Changes"))
        self.tree.setUniformRowHeights(True)
        for c in changes:
            change = tr(_CHANGES[c["change"]]) if c["change"] in _CHANGES else c["change"]
            record = tr(_RECORDS[c["record"]]) if c["record"] in _RECORDS else c["record"]
            item = QTreeWidgetItem([change, f"{record} {c['key']}", "", ""])
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
            more = [tr("… and {n} more").format(n=len(problems) - 5)] if len(problems) > 5 else []
            self.problems.setText(
                tr("It cannot be built until these are fixed (archive-viewer check --seeds FOLDER):")
                + "\n"
                + "\n".join(problems[:5] + more)
            )
        self.problems.setVisible(bool(problems))
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply = self.buttons.addButton(tr("&Build from it"), QDialogButtonBox.ButtonRole.AcceptRole)
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
        folder = QFileDialog.getExistingDirectory(self, tr("Export the catalogue into a folder"), start)
        if folder:
            self.export_catalogue_to(Path(folder))

    def export_catalogue_to(self, folder: Path) -> Job:
        self.settings.setValue("catalogue/folder", str(folder))

        def work(archive: Archive, _job: Job) -> Any:
            return archive.export_catalogue(folder)

        def done(result: dict[str, Any]) -> None:
            self.last_catalogue_export = result
            said = tr(
                "Wrote the catalogue to {folder}: {documents} documents, {entities} entities, {events} events"
            ).format(
                folder=folder,
                documents=result["documents"],
                entities=result["entities"],
                events=result["events"],
            )
            if result["problems"]:
                QMessageBox.warning(
                    self,
                    tr("Export the catalogue"),
                    tr("{said}.\n\nLeft out:\n{problems}").format(
                        said=said, problems="\n".join(result["problems"][:10])
                    ),
                )
            self.statusBar().showMessage(said, 10000)

        label = tr("Writing the catalogue to {folder}…").format(folder=folder)
        return self._run_job(tr("Exporting the catalogue"), label, work, done, write=False)

    def import_catalogue(self) -> None:
        start = str(self.settings.value("catalogue/folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, tr("Import a catalogue folder"), start)
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
                tr(
                    "Built from {folder}: {documents} documents, {events} events (the archive follows that "
                    "folder now)"
                ).format(folder=folder, documents=report.documents, events=report.events),
                10000,
            )

        label = tr("Building the archive from {folder}…").format(folder=folder)
        return self._run_job(tr("Importing a catalogue"), label, work, done)

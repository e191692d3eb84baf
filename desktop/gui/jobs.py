"""Long work with a progress dialog the reader can cancel: the first build, importing, exporting.

A mixin of :class:`~desktop.gui.window.MainWindow`; each job is an operation (``ops.job``) whose write
broadcasts its change, so the list and the filters refresh themselves when documents came in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop.gui.dialogs import ExportDialog, show_import_report
from desktop.gui.host import WindowParts
from desktop.gui.i18n import tr
from desktop.gui.tasks import Job
from desktop.services import Archive, export_path


class LongJobs(WindowParts):
    """Build, import and export, each with progress and Cancel."""

    def _progress_dialog(self, title: str, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def _run_job(self, title: str, label: str, work: Any, done: Any, *, write: bool = True) -> Job:
        dialog = self._progress_dialog(title, label)

        def progress(n: int, total: int, what: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(n, max(total, 1)))
            if what:
                dialog.setLabelText(f"{label}\n{what}")

        def finished(result: Any) -> None:
            dialog.close()
            done(result)

        def failed(exc: BaseException) -> None:
            dialog.close()
            self._failed(exc)

        job = self.ops.job(work, finished, failed, progress, write=write)
        dialog.canceled.connect(job.cancel)
        return job

    def _build_first(self) -> None:
        def work(archive: Archive, job: Job) -> Any:
            return archive.build(progress=job.report, should_cancel=lambda: job.cancelled)

        def done(report: Any) -> None:
            self.statusBar().showMessage(
                tr("Archive built: {documents} documents, {events} events, {rejected} rejected").format(
                    documents=report.documents, events=report.events, rejected=len(report.rejected)
                ),
                8000,
            )
            if report.change.empty:
                self.apply_filter(self.filter)  # nothing changed: the change did not show the list

        self._run_job(
            tr("Building the archive"), tr("Building the archive from the bundled documents…"), work, done
        )

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            # Every file by default: a page saved as .html, .md or with no extension is a document too.
            self,
            tr("Import documents"),
            str(Path.home()),
            tr("All files (*)") + ";;" + tr("Text (*.txt)"),
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Import a folder of documents"), str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> Job:
        def work(archive: Archive, job: Job) -> Any:
            return archive.import_paths(paths, progress=job.report, should_cancel=lambda: job.cancelled)

        def done(report: Any) -> None:
            # The list, counts and facets were refreshed by the import's change (when it changed anything).
            self.import_report = show_import_report(self, report)

        return self._run_job(tr("Importing"), tr("Importing documents…"), work, done)

    def export_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, tr("Export"), tr("Select one or more events first (Ctrl+click, Shift+click).")
            )
            return
        self._export(ids=ids, count=len(ids), what=tr("selected events"))

    def export_all(self) -> None:
        count = None if self.model.counting else self.model.count
        self._export(ids=None, count=count, what=tr("all shown events"))

    def _export(self, ids: list[int] | None, count: int | None, what: str) -> None:
        # Named after the search when there is one; whatever was typed, the name stays inside the folder.
        search = self.filter.text or ""
        folder = Path(str(self.settings.value("export/folder", str(Path.home()))))
        default = export_path(folder, f"events {search}" if search.strip() else "events")
        dialog = self.export_dialog(count, what, default)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        self.export_to(dialog.chosen_path(), dialog.chosen_columns(), ids)

    def export_dialog(self, count: int | None, what: str, default: Path) -> ExportDialog:
        """The export dialog with the columns chosen last time ticked."""
        try:
            last = json.loads(str(self.settings.value("export/columns", "[]")))
        except ValueError:
            last = []
        return ExportDialog(self, count, what, default, [c for c in last if isinstance(c, str)])

    def export_to(self, path: Path, columns: list[str], ids: list[int] | None) -> Job:
        f, sort, desc = self.filter, self.model.sort_key, self.model.descending
        self.settings.setValue("export/folder", str(path.parent))
        self.settings.setValue("export/columns", json.dumps(columns))

        def work(archive: Archive, job: Job) -> Any:
            return archive.export_csv(
                path,
                ids=ids,
                event_filter=None if ids else f,
                sort=sort,
                descending=desc,
                columns=columns,
                progress=lambda n, total: job.report(n, total, ""),
                should_cancel=lambda: job.cancelled,
            )

        def done(result: Any) -> None:
            self.last_export = result
            self.statusBar().showMessage(
                tr("Wrote {n:,} event(s) to {path}").format(n=result.count, path=result.path), 10000
            )

        return self._run_job(
            tr("Exporting"), tr("Writing {name}…").format(name=path.name), work, done, write=False
        )

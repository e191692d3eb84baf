"""CSV export of events: opens correctly in Excel and LibreOffice in every script, and runs no formulas.

- UTF-8 with a byte-order mark (Excel needs it to read Cyrillic, Devanagari or Chinese), RFC 4180 quoting,
  CRLF line ends.
- A cell that starts with ``=``, ``+``, ``-``, ``@``, tab, CR or LF is prefixed with ``'`` so that a
  spreadsheet shows it as text instead of evaluating it (OWASP CSV injection).
- Several values in one cell are joined with `` | `` (space, vertical bar, space); the catalogue check
  guarantees no name contains it, so a comma inside an organisation's name is never ambiguous.
- The file is written to a temporary file beside the target and moved into place only when complete: a
  failed or cancelled export leaves no half file and never destroys an existing one.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from desktop.export.rows import Batches, Cells, filtered_rows, selected_rows
from desktop.store.ownfiles import own_file_reason, read_only_file, sqlite_file_reason
from desktop.store.queries import EventFilter

COLUMNS: dict[str, str] = {
    "id": "the event's stable id",
    "start": "start date (YYYY-MM-DD, YYYY-MM, YYYY; XXXX when the year is unknown)",
    "end": "end date",
    "precision": "precision of the start date: day, month, year, unknown",
    "certainty": "certainty of the start date: stated, inferred, unknown",
    "title": "English title",
    "type": "event type",
    "place": "place",
    "countries": "countries involved",
    "people": "people taking part",
    "organisations": "organisations taking part",
    "languages": "languages of the source documents",
    "documents": "source documents with their SHA-256",
    "uncatalogued": "yes for a provisional event made from an uncatalogued document",
    "date": "the date as the list shows it",
    "sources": "number of source documents",
    "user_notes": "your own notes on the event (only when chosen)",
}
DEFAULT_COLUMNS: tuple[str, ...] = (
    "id",
    "start",
    "end",
    "precision",
    "certainty",
    "title",
    "type",
    "place",
    "countries",
    "people",
    "organisations",
    "languages",
    "documents",
    "uncatalogued",
)
_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# A dangerous first character of any cell, in a batch's cells joined with NUL and led by one.
_DANGER_AFTER_NUL = re.compile("\x00[" + re.escape("".join(_DANGEROUS_START)) + "]")
ProgressFn = Callable[[int, int], None]
# Rows between progress reports.
_PROGRESS_EVERY = 500


class ExportError(Exception):
    """An export that failed; the message names the file and what to do. Nothing was left half-written."""


class ExportCancelled(ExportError):
    """The reader cancelled; the target file was not touched."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


def _file_mode(out: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 less the umask, like ``open()``."""
    try:
        return out.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def neutralise(value: str) -> str:
    """Make a cell safe to open in a spreadsheet (OWASP): formulas become text."""
    return "'" + value if value.startswith(_DANGEROUS_START) else value


def _neutralised(rows: list[Cells]) -> list[Cells] | list[list[str]]:
    """The batch with every cell made safe by :func:`neutralise`; the batch itself when none needs it.

    Every cell's first character follows a NUL in the joined text, so one scan in C finds any cell that
    needs the guard (a NUL inside a cell can only cause a needless slow pass, never a missed cell). Most
    batches have none: this spares a Python call for every cell of the file.
    """
    if _DANGER_AFTER_NUL.search("\x00" + "\x00".join([v for row in rows for v in row])) is None:
        return rows
    return [[neutralise(v) for v in row] for row in rows]


def target_problem(out: Path, store: Path | None) -> str | None:
    """Why an export must not be written to ``out`` (an existing file it would replace), or None.

    Never over the archive store, its ``-wal``/``-shm``/lock files or backups, nor over any SQLite
    database (another archive, another application's data): ``export --out archive.sqlite`` once
    replaced the reader's archive with a CSV. Nor over a file marked read-only: its owner said so.
    """
    if store is not None:
        reason = own_file_reason(out, store)
        if reason is not None:
            return (
                f"{out}: {reason}; an export never writes over the archive's own files: choose another name"
            )
    if out.exists():
        reason = sqlite_file_reason(out)
        if reason is not None:
            return f"{out}: {reason}; an export never writes over a database: choose another file name"
        if read_only_file(out):
            return (
                f"{out} is read-only; an export does not replace a read-only file: choose another name, "
                "or make the file writable first"
            )
    return None


# ``.<target>.<pid>.<random>.part``, as export_events names its temporary file.
_PART = re.compile(r"^\..+\.(\d+)\.[a-z0-9_]{8}\.part$")


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove temporary files left in ``folder`` by exports that were killed (their process is gone)."""
    removed: list[Path] = []
    try:
        names = [e.name for e in os.scandir(folder) if e.name.endswith(".part") and e.name.startswith(".")]
    except OSError:
        return removed
    for name in names:
        m = _PART.match(name)
        if m is None or _alive(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another export of this process, still writing
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: alive, and not ours to judge
    return True


def export_events(
    conn: Connection,
    out: Path,
    *,
    ids: Sequence[int] | None = None,
    event_filter: EventFilter | None = None,
    sort: str = "date",
    descending: bool = False,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    progress: ProgressFn | None = None,
    should_cancel: Callable[[], bool] | None = None,
    total: int | None = None,
    store: Path | None = None,
) -> ExportResult:
    """Write the given events (in the given order) or every event matching a filter to ``out``.

    ``store``: the archive being exported, whose own files (and any SQLite database) are never written
    over (:func:`target_problem`).
    """
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise ExportError(f"unknown column(s): {', '.join(unknown)}; choose from {', '.join(COLUMNS)}")
    if not columns:
        raise ExportError("choose at least one column to export")
    out = Path(out)
    if out.is_dir():
        raise ExportError(f"{out} is a folder: give a file name ending in .csv")
    if out.exists() and not out.is_file():
        # Moving the finished file into place would replace the device itself (as root, /dev/null).
        raise ExportError(f"{out} is not a regular file (a device, pipe or socket): choose a file name")
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent}: no such folder; choose an existing folder for the CSV file")
    problem = target_problem(out, store)
    if problem is not None:
        raise ExportError(problem)
    remove_stale_parts(out.parent)
    columns = list(columns)
    if ids is not None:
        batches: Batches = selected_rows(conn, list(ids), columns)
        total = len(ids)
    else:
        batches = filtered_rows(conn, event_filter or EventFilter(), sort, descending, columns)
    try:
        # The process id in the name tells a later export whether the file's writer is still alive.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.{os.getpid()}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise ExportError(
            f"{out}: cannot write in {out.parent} ({exc.strerror}); choose another folder"
        ) from exc
    tmp = Path(tmp_name)
    count = 0
    try:
        # closing(): a cancelled or failed export ends its statement now, not when the generator is collected.
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh, contextlib.closing(batches):
            writer = csv.writer(fh, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
            writer.writerow(columns)
            for rows in batches:
                # Checked once a batch (500 rows, a few tens of milliseconds), not for every row.
                if should_cancel is not None and should_cancel():
                    raise ExportCancelled(f"export to {out} cancelled; no file was written")
                writer.writerows(_neutralised(rows))
                reported, count = count // _PROGRESS_EVERY, count + len(rows)
                if progress is not None and count // _PROGRESS_EVERY > reported:
                    progress(count, total or 0)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates the file private (0600); give it the mode a normally saved file would have.
        os.chmod(tmp, _file_mode(out))
        os.replace(tmp, out)
    except ExportError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise ExportError(
                f"{out}: the disk is full; nothing was written (any existing file is unchanged)"
            ) from exc
        raise ExportError(
            f"{out}: cannot write the file ({exc.strerror}); any existing file is unchanged"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(count, total or count)
    return ExportResult(out, count)

"""Know your own files: what is an Archive Viewer store, and which files belong to one.

An archive marks itself when it is created: SQLite's ``PRAGMA application_id`` (four bytes at offset 68 of
the file's header) holds :data:`APPLICATION_ID`, and ``PRAGMA user_version`` the schema revision. With
that mark the app can refuse to migrate, write, rename or set aside anything that is not an archive —
another application's database given as ``--db``, a text file, a folder, a device — and an export or an
import can recognise the store's own files (its ``-wal``/``-shm``/``-journal``, its lock, its backups and
the copies set aside) and leave them alone.

Stores created before the mark existed (schema revisions 0001-0005) carry no application id; they are
recognised by their Alembic revision and tables, and marked at their next open for writing.

No SQLAlchemy and no Qt here: the window's fast start and the export use it too.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop.store.revision import APPLICATION_ID

# APPLICATION_ID ("CBAV") lives in desktop.store.revision, which the fast start imports: a 32-bit value no
# known format uses (the SQLite project keeps a list, magic.txt), positive, so it reads the same as a
# signed PRAGMA value.
SQLITE_MAGIC = b"SQLite format 3\x00"
# Every schema revision this app has ever created: a store at one of these without the mark is ours.
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005", "0006"})
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# Files beside a store that only this app makes (engine.check_marker, restore, the first-run copy).
OWN_SUFFIXES = (*SIDE_SUFFIXES, ".lock", ".check-needed", ".restoring", ".part")
BACKUPS_FOLDER = "backups"
# What engine.set_aside names a store it moves aside.
SET_ASIDE_WHY = ("damaged", "replaced")


class NotAnArchive(Exception):
    """The path is not an Archive Viewer store, and nothing was done to it; the message says what it is.

    Subclassed by ``engine.NotAnArchiveStore`` (a ``StoreError``) where the command line and the window
    catch store errors; here it stays free of the engine so the fast start can use it.
    """


@dataclass(frozen=True)
class Identity:
    """What a path holds, as far as the store is concerned.

    ``kind``: ``missing``, ``empty`` (0 bytes), ``blank`` (an SQLite file with no tables: a store whose
    creation never committed), ``archive`` (marked), ``legacy`` (an unmarked store of an older version),
    ``foreign`` (another application's SQLite database), ``not-sqlite`` (anything else in a regular file:
    damage, if the store was ours). ``detail`` says in words what was found.
    """

    kind: str
    detail: str = ""


def read_header(path: Path, size: int = 100) -> bytes:
    with path.open("rb") as fh:
        return fh.read(size)


def header_application_id(head: bytes) -> int | None:
    """The application id written in an SQLite header (None when the header is not SQLite's)."""
    if len(head) < 72 or head[:16] != SQLITE_MAGIC:
        return None
    return int.from_bytes(head[68:72], "big", signed=False)


def is_sqlite_file(path: Path) -> bool:
    try:
        return read_header(path, 16) == SQLITE_MAGIC
    except OSError:
        return False


def _describe_bytes(head: bytes) -> str:
    """A few words on what a non-SQLite file seems to be, for the message."""
    if not head.strip(b"\x00"):
        return "it begins with zero bytes"
    sample = head[:64]
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        return "it is not an SQLite database"
    if all(ch.isprintable() or ch.isspace() for ch in text):
        return "it is a text file, not an SQLite database"
    return "it is not an SQLite database"


def _probe(path: Path, live_wal: bool) -> tuple[int, str | None, list[str]]:
    """Application id, Alembic revision and table names of an SQLite file, touching nothing.

    ``immutable=1`` reads the file as it is, without locks and without creating ``-wal``/``-shm`` files
    beside another application's database. When a ``-wal`` with content is there, the newest pages
    (the application id, new tables) may be only in it, so it is read the ordinary read-only way.
    """
    mode = "mode=ro" if live_wal else "immutable=1"
    con = sqlite3.connect(f"file:{quote(str(path.resolve()))}?{mode}", uri=True, timeout=1.0)
    try:
        app_id = int(con.execute("PRAGMA application_id").fetchone()[0]) & 0xFFFFFFFF
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return app_id, revision, tables
    finally:
        con.close()


def identify(path: Path) -> Identity:
    """What ``path`` holds (see :class:`Identity`); raises :class:`NotAnArchive` for a folder or device.

    Cheap: one ``stat`` and a 100-byte read for a marked store; an unmarked SQLite file costs one
    read-only query of its schema.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return Identity("missing")
    except OSError as exc:
        raise NotAnArchive(f"{path}: cannot be read ({exc.strerror}); nothing was changed.") from exc
    if stat.S_ISDIR(st.st_mode):
        raise NotAnArchive(
            f"{path} is a folder, not an archive store: give a file, e.g. {path / 'archive.sqlite'}"
        )
    if not stat.S_ISREG(st.st_mode):
        raise NotAnArchive(
            f"{path} is not a regular file (a device, pipe or socket): an archive store is a .sqlite "
            "file; nothing was changed"
        )
    if st.st_size == 0:
        return Identity("empty", "the file is empty (0 bytes)")
    try:
        head = read_header(path)
    except OSError as exc:
        raise NotAnArchive(f"{path}: cannot be read ({exc.strerror}); nothing was changed.") from exc
    if head[:16] != SQLITE_MAGIC:
        return Identity("not-sqlite", _describe_bytes(head))
    if header_application_id(head) == APPLICATION_ID:
        return Identity("archive")
    wal = path.with_name(path.name + "-wal")
    live_wal = wal.exists() and wal.stat().st_size > 0
    try:
        app_id, revision, tables = _probe(path, live_wal)
    except sqlite3.DatabaseError as exc:
        # An SQLite header over unreadable pages: damage if the file was ours, the caller decides.
        return Identity("not-sqlite", f"its pages cannot be read ({exc})")
    if app_id == APPLICATION_ID:
        return Identity("archive")
    if app_id == 0 and revision in KNOWN_REVISIONS and {"documents", "events"} <= set(tables):
        return Identity("legacy", f"an archive at schema revision {revision}, not yet marked")
    if not tables and app_id == 0:
        return Identity("blank", "an SQLite file with no tables")
    shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
    what = f"application id {app_id:#x}" if app_id else f"tables {shown}" if tables else "no tables"
    return Identity("foreign", f"another application's SQLite database ({what})")


def has_history(path: Path) -> bool:
    """Whether an archive has lived at ``path``: its lock file, a check request or backups are there.

    A store's lock file is never deleted (emptied on a clean close), so any store opened for writing
    once leaves it; backups are named after the store. Used to tell damage (a store that was ours and is
    now zeroed, empty or overwritten) from a file that was never an archive.
    """
    if any(path.with_name(path.name + s).exists() for s in (".lock", ".check-needed")):
        return True
    return bool(backup_names(path))


def backup_pattern(path: Path) -> re.Pattern[str]:
    """How ``engine.backup_store`` names a backup of ``path``: ``<stem>-<date>-<time>[-<µs>]-<reason>.sqlite``
    (groups: date-time, microseconds, reason)."""
    return re.compile(rf"^{re.escape(path.stem)}-(\d{{8}}-\d{{6}})(?:-(\d{{6}}))?-(.+)\.sqlite$")


def backup_names(path: Path) -> list[Path]:
    folder = path.parent / BACKUPS_FOLDER
    if not folder.is_dir():
        return []
    pattern = backup_pattern(path)
    try:
        return [p for p in folder.iterdir() if pattern.match(p.name)]
    except OSError:
        return []


def own_file_reason(candidate: Path, store: Path) -> str | None:
    """Why ``candidate`` is one of the store's own files (never to be imported or overwritten), or None."""
    try:
        cand = candidate.resolve()
        home = store.resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): read and rejected
        return None
    if cand == home:
        return "it is the archive store itself"
    if cand.parent == home.parent:
        for suffix in OWN_SUFFIXES:
            if cand.name == home.name + suffix:
                return f"it is the archive store's own {suffix.lstrip('-.')} file"
        aside = re.compile(
            rf"^{re.escape(home.stem)}-(?:{'|'.join(SET_ASIDE_WHY)})-\d{{8}}-\d{{6}}.*{re.escape(home.suffix)}"
            rf"(?:{'|'.join(re.escape(s) for s in SIDE_SUFFIXES)})?$"
        )
        if aside.match(cand.name):
            return "it is a copy of the archive store set aside after damage or a restore"
    if cand.parent == home.parent / BACKUPS_FOLDER and cand.name.startswith(home.stem + "-"):
        return "it is one of the archive store's backups"
    return None


def sqlite_file_reason(candidate: Path) -> str | None:
    """Why ``candidate`` belongs to some SQLite database (its file or a side file of one), or None."""
    if is_sqlite_file(candidate):
        return "it is an SQLite database (an archive or another application's data)"
    for suffix in SIDE_SUFFIXES:
        if candidate.name.endswith(suffix):
            base = candidate.with_name(candidate.name[: -len(suffix)])
            if is_sqlite_file(base):
                return f"it is the {suffix.lstrip('-')} file of the SQLite database {base.name}"
    return None


def read_only_file(path: Path) -> bool:
    """Whether an existing file is marked read-only (no write bit), even for root, who may write anyway."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)

"""Opening the store: checks, the engine, SQLite pragmas, migrations, backups and the writer's lock.

- Before a migration changes an existing store, and before every rebuild, a verified copy is taken with
  SQLite's backup API (never a file copy: it reads a consistent snapshot of a live WAL store); the newest
  :data:`BACKUPS_KEPT` of them are kept.
- On open the store is checked. The 100-byte header always (microseconds: catches a zeroed header or a
  truncated file); ``PRAGMA quick_check`` when the store is small enough for it to be cheap, or when the
  last session did not close cleanly (measured: 0.9-1.05 s on a 100,000-event, 784 MB store, 6.3 s for
  ``integrity_check``; under 0.05 s on the bundled archive). A damaged store is moved aside under a
  timestamped name, never deleted, and :class:`CorruptStore` names the newest verified backup.
- A store whose file or folder is not writable, or that another process is writing, opens read-only
  (``mode=ro``; ``immutable=1`` when not even the ``-wal``/``-shm`` files can be created).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop.store.firstpage import CHECK_MARKER_SUFFIX, READ_ONLY_ENV

# The schema head lives in a module of its own that the window's fast start reads without SQLAlchemy.
from desktop.store.ownfiles import (
    APPLICATION_ID,
    BACKUPS_FOLDER,
    SQLITE_MAGIC,
    NotAnArchive,
    backup_names,
    backup_pattern,
    has_history,
    identify,
)
from desktop.store.revision import SCHEMA_HEAD
from desktop.storelock import StoreLock, acquire_shared, release_shared

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Backups kept in tiers, so that a reader's older state is never rotated away by a few busy days: the
# newest BACKUPS_KEPT, then the newest of each of the last 7 days, of each of the last 5 weeks and of each
# of the last 12 months (see keep_backups).
BACKUPS_KEPT = 5
BACKUP_TIERS = (("day", 7), ("week", 5), ("month", 12))
# Up to this size quick_check runs at every open (about 1.3 ms per MB measured); above it, only after a
# session that did not close cleanly, so a large archive still opens at once.
QUICK_CHECK_ALWAYS_BYTES = 64 * 1024 * 1024
# Set to 1 to open every store read-only (tests, and readers who want to browse without changing anything).
_SIDE_FILES = ("-wal", "-shm", "-journal")


class StoreError(Exception):
    """The store cannot be opened or written; the message says which file and what to do."""


class ReadOnlyStore(StoreError):
    """A write was asked of a store opened read-only; the message says why it is read-only."""


class NotAnArchiveStore(StoreError):
    """The path is not an Archive Viewer store (another application's database, a text file, a folder, a
    device): it was neither migrated, written, renamed nor set aside."""


@dataclass(frozen=True)
class Backup:
    """One verified-on-creation copy of a store in the ``backups`` folder beside it."""

    path: Path
    taken: dt.datetime
    reason: str

    @property
    def label(self) -> str:
        return f"{self.taken:%Y-%m-%d %H:%M:%S} (before {self.reason})"


class CorruptStore(StoreError):
    """The store was damaged: it has been moved aside; ``backup`` is the newest verified one, if any."""

    def __init__(self, path: Path, problem: str, moved_to: Path, backup: Backup | None) -> None:
        self.path, self.problem, self.moved_to, self.backup = path, problem, moved_to, backup
        if backup is not None:
            todo = (
                f"the newest verified backup is from {backup.label}: restore it with "
                f"`archive-viewer restore` (or pick one: `archive-viewer backups`)"
            )
        else:
            todo = "there is no verified backup: run the command again to start a new archive"
        super().__init__(
            f"{path}: the archive store is damaged ({problem}); it was moved aside to {moved_to.name} "
            f"in the same folder, nothing was deleted; {todo}."
        )


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA journal_mode = WAL")
    # WAL + NORMAL: commits are atomic across application crashes; an OS crash may lose the last ones.
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA query_only = ON")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine


def make_read_only_engine(path: Path, immutable: bool) -> Engine:
    from urllib.parse import quote

    mode = "immutable=1" if immutable else "mode=ro"
    uri = f"file:{quote(str(path.resolve()))}?{mode}"
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    )
    event.listen(engine, "connect", _on_connect_read_only)
    return engine


def current_revision(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        got = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return got[0] if got else None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a readable archive store ({exc}).") from exc
    finally:
        con.close()


# ---------------------------------------------------------------------------------------- checks


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's 100-byte SQLite header or its length, or None (cheap: one read)."""
    size = path.stat().st_size
    if size == 0:
        return None  # a new, empty store
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100:
        return f"the file is cut short: {size} bytes"
    if head[:16] != SQLITE_MAGIC:
        return "its header is not an SQLite header (zeroed or overwritten)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"its header gives an impossible page size ({page_size})"
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # A checkpoint killed half-way leaves the file shorter than its header says, yet sound: the WAL
        # still holds every page and SQLite finishes the job on open. quick_check judges such a store.
        return None
    pages = int.from_bytes(head[28:32], "big")
    # The page count in the header is valid only when it was written with the current change counter.
    expected = pages * page_size if head[92:96] == head[24:28] and pages else None
    if expected is not None and size > expected:
        return (
            f"{size - expected:,} bytes follow its last page: something was appended to the file "
            f"({size:,} bytes where its header gives {expected:,})"
        )
    if expected is not None and size < expected:
        return f"the file is cut short: {size:,} of {expected:,} bytes"
    if size % page_size:
        return (
            f"the file's length ({size:,} bytes) is not a whole number of {page_size}-byte pages: it was "
            "cut short or appended to"
        )
    return None


def quick_check(path: Path) -> str | None:
    """``PRAGMA quick_check`` on the file (read-only): the first problem it reports, or None."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()
    if rows == [("ok",)]:
        return None
    return "; ".join(str(r[0]) for r in rows[:3])


def check_store(path: Path, deep: bool) -> str | None:
    """The store's problem, or None: always the header, and quick_check when ``deep``."""
    problem = header_problem(path)
    if problem is None and deep:
        problem = quick_check(path)
    return problem


def check_marker(path: Path) -> Path:
    """A file beside the store asking the next open to run quick_check whatever the store's size."""
    return path.with_name(path.name + CHECK_MARKER_SUFFIX)


def request_check(path: Path) -> None:
    """Ask the next open to check the store (a background check found damage, say)."""
    # In a read-only folder this fails, and nothing could be set aside there anyway.
    with contextlib.suppress(OSError):
        check_marker(path).touch()


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _move_with_side_files(path: Path, target: Path) -> None:
    # A store's -wal belongs to that store alone: left behind, SQLite could replay it into another file.
    os.replace(path, target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))


def set_aside(path: Path, why: str) -> Path:
    """Move a store (with its -wal/-shm) to ``<stem>-<why>-<timestamp><suffix>`` beside it; never delete."""
    target = path.with_name(f"{path.stem}-{why}-{_stamp()}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}-{why}-{_stamp()}-{n}{path.suffix}")
    _move_with_side_files(path, target)
    return target


# ---------------------------------------------------------------------------------------- backups


def backup_dir(path: Path) -> Path:
    return path.parent / BACKUPS_FOLDER


def list_backups(path: Path) -> list[Backup]:
    """This store's backups, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    pattern = backup_pattern(path)
    found: list[tuple[str, int, Backup]] = []
    for candidate in folder.iterdir():
        m = pattern.match(candidate.name)
        if m is None or not candidate.is_file():
            continue
        micro = int(m.group(2) or 0)
        taken = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(microsecond=micro % 1_000_000)
        found.append((m.group(1), micro, Backup(candidate, taken, m.group(3))))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [b for _, _, b in found]


def newest_verified_backup(path: Path) -> Backup | None:
    """The newest backup that passes quick_check now (a backup can rot on disk like anything else)."""
    for backup in list_backups(path):
        if check_store(backup.path, deep=True) is None:
            return backup
    return None


def copy_store_file(source: Path, target: Path) -> None:
    """Copy a store nobody is writing, read-only, with SQLite's backup API (never a file copy)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backup_store(path: Path, reason: str) -> Path:
    """Copy a live store with SQLite's backup API, verify the copy, keep the newest few, return its path."""
    folder = backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    # Microseconds in the name keep backups taken within one second in order, even after rotation.
    now = dt.datetime.now()
    target = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
    while target.exists():
        now += dt.timedelta(microseconds=1)
        target = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
    # Written under a temporary name: a crash mid-copy never leaves something that looks like a backup.
    partial = target.with_name(target.name + ".part")
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(partial))
    try:
        src.backup(dst)
        ok = dst.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        ok = str(exc)
    finally:
        dst.close()
        src.close()
    if ok != "ok":
        partial.unlink(missing_ok=True)
        raise StoreError(f"{path}: the backup before {reason} failed its check ({ok}); nothing was changed.")
    os.replace(partial, target)
    backups = list_backups(path)
    keep = keep_backups(backups, now)
    for old in backups:
        if old not in keep:
            old.path.unlink(missing_ok=True)
    return target


def keep_backups(backups: list[Backup], now: dt.datetime) -> set[Backup]:
    """The backups rotation keeps (newest first in ``backups``): the newest :data:`BACKUPS_KEPT`, and the
    newest of each day, week and month within :data:`BACKUP_TIERS` of ``now``.

    Five rebuilds in an afternoon no longer rotate away the state of last week (they did when only the
    newest five were kept): the reader's older notes stay restorable for a year.
    """
    keep = set(backups[:BACKUPS_KEPT])
    for tier, count in BACKUP_TIERS:
        seen: set[tuple[int, int]] = set()
        for b in backups:  # newest first: the first of each period is its newest
            if tier == "day":
                period, age = (b.taken.toordinal(), 0), (now.date() - b.taken.date()).days
            elif tier == "week":
                year, week, _ = b.taken.isocalendar()
                period, age = (year, week), (now.date() - b.taken.date()).days // 7
            else:
                period = (b.taken.year, b.taken.month)
                age = (now.year - b.taken.year) * 12 + now.month - b.taken.month
            if age < count and period not in seen:
                seen.add(period)
                keep.add(b)
    return keep


def restore_backup(path: Path, backup: Path | None = None) -> tuple[Backup, Path | None]:
    """Put a verified backup in place of the store; the current store, if any, is moved aside first.

    Returns the backup restored and where the replaced store went. Refuses while another process has the
    store open.
    """
    if backup is None:
        chosen = newest_verified_backup(path)
        if chosen is None:
            raise StoreError(f"{path}: there is no verified backup in {backup_dir(path)} to restore")
    else:
        backup = Path(backup)
        if not backup.is_file():
            raise StoreError(f"{backup}: no such backup file (see `archive-viewer backups`)")
        problem = check_store(backup, deep=True)
        if problem is not None:
            raise StoreError(f"{backup}: this backup is damaged too ({problem}); choose another one")
        known = {b.path.resolve(): b for b in list_backups(path)}
        taken = dt.datetime.fromtimestamp(backup.stat().st_mtime)
        chosen = known.get(backup.resolve(), Backup(backup, taken, "a restore"))
    # Only an archive (or what is left of one) is replaced: never another application's file.
    _identity_problem(path)
    lock = acquire_shared(path)
    if not lock.held:
        raise StoreError(_busy_message(path, lock))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".restoring")
        copy_store_file(chosen.path, partial)
        replaced = set_aside(path, "replaced") if path.exists() else None
        os.replace(partial, path)
    finally:
        release_shared(lock)
    return chosen, replaced


# ---------------------------------------------------------------------------------------- opening


def migrate(engine: Engine, path: Path) -> None:
    """Bring the schema to the newest revision, backing up an existing store first."""
    revision = current_revision(path)
    if revision == SCHEMA_HEAD:
        if _application_id(path) != APPLICATION_ID:
            _mark(path)  # a store of this schema made before stores were marked
        return
    if revision is not None:
        backup_store(path, f"migrate-from-{revision}")
    # The whole upgrade is one SQLite transaction, DDL included, so a kill or a failure half-way leaves the
    # store exactly as it was (Python's sqlite3 would otherwise commit before every CREATE/DROP: a store
    # killed while being created was left with tables but no revision, and never opened again).
    migrating = _transactional_engine(path)
    try:
        with migrating.begin() as conn:
            upgrade_schema(conn)
            _mark_in(conn)  # in the same transaction: a store is never created without its mark
    finally:
        migrating.dispose()


def upgrade_schema(conn: Any) -> None:
    """Run the migrations to the head on ``conn`` (in its transaction), a file's or a server's."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
    if cfg.attributes.get("rebuild_search_index"):
        # Migrations are frozen and never run today's tokeniser: a revision that (re)made the full-text
        # index asks for it here, and today's code fills it, in the same transaction.
        from desktop.store.search_index import rebuild_search_index

        rebuild_search_index(conn)


def _mark_in(conn: Any) -> None:
    """Mark the store as an Archive Viewer store at the schema head (``desktop.store.ownfiles``)."""
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {int(SCHEMA_HEAD)}")


def _mark(path: Path) -> None:
    engine = _transactional_engine(path)
    try:
        with engine.begin() as conn:
            _mark_in(conn)
    finally:
        engine.dispose()


def _application_id(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute("PRAGMA application_id").fetchone()[0]) & 0xFFFFFFFF
    finally:
        con.close()


def _transactional_engine(path: Path) -> Engine:
    """An engine whose transactions are SQLite's own (``BEGIN IMMEDIATE`` … ``COMMIT``), DDL included."""
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False, "isolation_level": None}
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


class Store:
    """An open archive store: one engine, one session factory, one file.

    ``read_only`` is None for the writer, else the reason the store is read-only (shown to the reader).
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        read_only: str | None = None,
        lock: StoreLock | None = None,
        checked: bool = False,
        location: str | None = None,
        address: str | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        # What the reader is shown: the file's path, or a server's address without its password.
        self.location = location or str(path)
        # What opens it again (a server's address as given, password included if it was): never shown.
        self.address: Path | str = address or path
        # What the person may change (issue 21): None for one's own file (everything); on a server the
        # role the server grants ("reader", "cataloguer", "archivist", "admin"), which it enforces itself.
        self.role: str | None = None
        # On a server (issue 21) there is no file: ``path`` is then this machine's folder for that archive.
        self.server = engine.dialect.name != "sqlite"
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.read_only = read_only
        self.lock = lock
        # Whether quick_check ran on this open (the header is always checked).
        self.checked = checked

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error."""
        if self.read_only:
            raise ReadOnlyStore(f"{self.location} is open read-only ({self.read_only}); changes are disabled")
        with self.sessions() as s, s.begin():
            yield s

    def close(self) -> None:
        self.engine.dispose()
        lock, self.lock = self.lock, None
        if lock is not None:
            release_shared(lock)


def _busy_message(path: Path, lock: StoreLock) -> str:
    who = f"process {lock.holder}" if lock.holder else "another process"
    return f"another Archive Viewer ({who}) has {path.name} open for changes; close it first"


def _writable(path: Path) -> str | None:
    """Why this store cannot be written here, or None."""
    if os.environ.get(READ_ONLY_ENV, "") not in ("", "0"):
        return f"{READ_ONLY_ENV} is set"
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return "it is on a read-only disk or mount"
    except (OSError, AttributeError):
        pass  # no statvfs (Windows): the access checks below still apply
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is not writable"
    if not os.access(path.parent, os.W_OK):
        return "its folder is not writable"
    return None


def _identity_problem(path: Path) -> str | None:
    """Damage found by identifying the file (an emptied or overwritten store), or None.

    Raises :class:`NotAnArchiveStore` when the path holds something that never was an archive: another
    application's database, a text file, a folder, a device. Such a file is not migrated, written,
    renamed or set aside: only a file that was ours (marked, or with a lock file or backups beside it,
    which every store opened for writing leaves) is treated as a damaged store.
    """
    try:
        found = identify(path)
    except NotAnArchive as exc:
        raise NotAnArchiveStore(str(exc)) from None
    if found.kind == "foreign":
        raise NotAnArchiveStore(
            f"{path} is not an Archive Viewer archive: it is {found.detail}. Nothing was changed; give a "
            "new file name to create an archive, or the path of an archive's .sqlite file"
        )
    if found.kind == "not-sqlite":
        if has_history(path) or _is_default_store(path):
            return f"it no longer holds an SQLite database ({found.detail}): overwritten or zeroed"
        raise NotAnArchiveStore(
            f"{path} is not an Archive Viewer archive ({found.detail}). Nothing was changed; give a new "
            "file name to create an archive, or the path of an archive's .sqlite file"
        )
    if found.kind == "empty" and backup_names(path):
        # An archive emptied by a failed copy or a full disk: the same recovery as any damage, so that a
        # verified backup with the reader's notes is offered instead of a silent fresh start.
        return "the file is empty (0 bytes)"
    return None


def _is_default_store(path: Path) -> bool:
    """The reader's own store in the app's data folder: whatever is found there was an archive."""
    from desktop.paths import default_store_path

    try:
        return path.resolve() == default_store_path().resolve()
    except OSError:
        return False


def open_store(path: Path, *, read_only: bool = False) -> Store:
    """Open (creating, checking and migrating as needed) the store at ``path``.

    Read-only when asked, when the file or folder is not writable, or when another process is writing it.
    """
    path = Path(path)
    # Before anything is created beside it, locked, migrated or moved: is this an archive at all?
    damage = _identity_problem(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if not path.exists():
            raise StoreError(f"{path.parent}: cannot create the data folder ({exc.strerror}).") from exc
    reason = "as requested" if read_only else _writable(path)
    lock: StoreLock | None = None
    unclean = False
    if reason is None:
        try:
            lock = acquire_shared(path)
        except OSError as exc:
            reason = f"cannot take the lock beside it ({exc.strerror})"
        else:
            if lock.held:
                unclean = lock.unclean
            else:
                reason = _busy_message(path, lock).replace("; close it first", "")
                lock = None
    if reason is not None and not path.exists():
        raise StoreError(f"{path}: no archive store there, and it cannot be created ({reason}).")

    checked = False
    if path.exists():
        size = path.stat().st_size
        # Another writer may be mid-transaction: only the header is ours to judge then.
        asked = check_marker(path).exists()
        deep = lock is not None and size > 0 and (unclean or asked or size <= QUICK_CHECK_ALWAYS_BYTES)
        problem = damage or check_store(path, deep)
        checked = deep
        if asked and lock is not None:
            check_marker(path).unlink(missing_ok=True)  # answered, one way or the other
        if problem is not None:
            if lock is None:
                raise StoreError(
                    f"{path}: the archive store is damaged ({problem}); it cannot be set aside here "
                    f"({reason}). Restore a backup from {backup_dir(path)} where the folder is writable."
                )
            try:
                moved = set_aside(path, "damaged")
            finally:
                release_shared(lock)
            raise CorruptStore(path, problem, moved, newest_verified_backup(path))

    if reason is not None:
        # immutable=1 when not even the -wal/-shm files can be made (read-only media): SQLite then reads
        # the file as it is, without locks.
        engine = make_read_only_engine(path, immutable=not os.access(path.parent, os.W_OK))
        try:
            with engine.connect() as conn:
                has_version = conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                ).first()
                revision = (
                    conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                    if has_version
                    else None
                )
        except Exception as exc:
            engine.dispose()
            raise StoreError(f"{path}: cannot open the archive store read-only ({exc}).") from exc
        if revision != SCHEMA_HEAD:
            engine.dispose()
            raise StoreError(
                f"{path}: this archive needs an upgrade to open, which needs write access ({reason})."
            )
        return Store(path, engine, read_only=reason, checked=checked)

    engine = make_engine(path)
    try:
        migrate(engine, path)
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        release_shared(lock)  # type: ignore[arg-type]
        raise StoreError(f"{path}: cannot open the archive store ({exc}).") from exc
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        engine.dispose()
        release_shared(lock)  # type: ignore[arg-type]
        if isinstance(exc, DBAPIError):
            raise StoreError(f"{path}: cannot open the archive store ({exc.orig}).") from exc
        raise
    _remove_leftovers(path)
    return Store(path, engine, lock=lock, checked=checked)


def _remove_leftovers(path: Path) -> None:
    """Remove what a killed restore or backup left half-written (the writer's lock is held, so no other
    process of ours is writing them): they are never a store, and would only take space."""
    leftovers = [path.with_name(path.name + ".restoring")]
    folder = backup_dir(path)
    if folder.is_dir():
        with contextlib.suppress(OSError):
            leftovers += folder.glob(f"{glob_escape(path.stem)}-*.sqlite.part")
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)

"""Opening the store: the engine, SQLite pragmas, and migrations run on open.

Before a migration changes an existing store, a verified copy is taken with SQLite's backup API
(SQLite DDL is not transactional under pysqlite, so a failed migration must have something to go back to).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

# The newest migration's revision id. A test checks it against Alembic's head, so that opening an
# up-to-date store never has to import Alembic (a third of a second on the start-up path).
SCHEMA_HEAD = "0003"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened or written; the message says which file and what to do."""


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA journal_mode = WAL")
    # WAL + NORMAL: commits are atomic across application crashes; an OS crash may lose the last ones.
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
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


def backup_store(path: Path, reason: str) -> Path:
    """Copy a live store with SQLite's backup API, verify the copy, and return its path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup_dir = path.parent / "backups"
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{path.stem}-{stamp}-{reason}.sqlite"
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
        ok = dst.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if ok != "ok":
        target.unlink(missing_ok=True)
        raise StoreError(f"{path}: the backup before {reason} failed its check ({ok}); nothing was changed.")
    return target


def migrate(engine: Engine, path: Path) -> None:
    """Bring the schema to the newest revision, backing up an existing store first."""
    revision = current_revision(path)
    if revision == SCHEMA_HEAD:
        return
    if revision is not None:
        backup_store(path, f"migrate-from-{revision}")
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """An open archive store: one engine, one session factory, one file."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error."""
        with self.sessions() as s, s.begin():
            yield s

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path) -> Store:
    """Open (creating and migrating as needed) the store at ``path``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot create the data folder ({exc.strerror}).") from exc
    engine = make_engine(path)
    try:
        migrate(engine, path)
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise StoreError(f"{path}: cannot open the archive store ({exc}).") from exc
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        engine.dispose()
        if isinstance(exc, DBAPIError):
            raise StoreError(f"{path}: cannot open the archive store ({exc.orig}).") from exc
        raise
    return Store(path, engine)

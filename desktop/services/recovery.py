"""Opening an archive, and the one recovery flow for a damaged store: the window's and the command line's.

The core has already set a damaged store aside (nothing is deleted) when :class:`Damage` reaches the caller.
What can be done is decided here, once: restore the newest verified backup (named by its date), start
again from the bundled documents (the reader's default store only), or stop. The window asks the reader
with a dialog; the command line, which cannot ask, stops with the same facts and the command that restores
(``archive-viewer restore``). Backups, restoring one and the integrity check are here too, so that neither
front end reaches the store's engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from desktop.services.archive import Archive
from desktop.store import engine


class Choice(Enum):
    """What to do about a damaged store."""

    RESTORE = "restore"  # put the newest verified backup in its place
    FRESH = "fresh"  # start again (the default store is rebuilt from the bundled documents)
    STOP = "stop"  # open nothing; the damaged file stays set aside


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup beside a store: when it was taken, before what, and whether it checks out now."""

    path: Path
    taken: str  # "YYYY-MM-DD HH:MM:SS", local time
    reason: str
    label: str  # "2026-12-06 18:44:25 (before build)"
    day: str  # "06 Dec 2026", for a button
    long_day: str  # "06 December 2026, 18:44", for a sentence
    verified: bool | None = None  # None: not checked (listing with ``verify=False``)


@dataclass(frozen=True, slots=True)
class Damage:
    """A damaged store found on opening: what was wrong, where it was moved, and what can be done."""

    path: Path
    problem: str
    moved_to: Path
    backup: BackupInfo | None
    can_start_fresh: bool
    message: str  # one paragraph naming the file, the problem and the command that restores

    @property
    def choices(self) -> tuple[Choice, ...]:
        offered = [Choice.RESTORE] if self.backup is not None else []
        if self.can_start_fresh:
            offered.append(Choice.FRESH)
        return (*offered, Choice.STOP)


@dataclass(frozen=True, slots=True)
class Opened:
    """An archive opened for a front end, with what it should tell the reader once it is up."""

    archive: Archive
    notices: tuple[str, ...]


class RecoveryStopped(engine.StoreError):
    """The store was damaged and nothing was opened (the reader chose to stop, or nobody could be asked)."""


Decide = Callable[[Damage], Choice]
ROUNDS = 3  # a restored backup is checked on open like any store; three rounds end a loop of bad backups


def open_archive(
    path: Path | None,
    *,
    read_only: bool = False,
    decide: Decide | None = None,
    first_error: BaseException | None = None,
) -> Opened:
    """Open a store (``None``: the reader's default store), recovering from damage as ``decide`` chooses.

    ``decide`` is asked once per damaged open; without it (the command line) the damage is reported as
    :class:`RecoveryStopped` carrying :attr:`Damage.message`. Any other problem (locked, not an archive,
    no permission) raises the core's ``StoreError`` with its message. ``first_error``: what an earlier
    attempt to open it raised (the fast start's), handled as if this first attempt had raised it.
    """
    notices: list[str] = []
    for _round in range(ROUNDS):
        try:
            if first_error is not None:
                error, first_error = first_error, None
                raise error
            return Opened(Archive.open(path, read_only=read_only), tuple(notices))
        except engine.CorruptStore as exc:
            damage = _damage(exc, can_start_fresh=path is None)
            choice = decide(damage) if decide is not None else Choice.STOP
            if choice is Choice.RESTORE and damage.backup is not None:
                restored, _replaced = engine.restore_backup(exc.path, damage.backup.path)
                notices.append(
                    f"Restored the backup of {restored.label}; the damaged file is kept as "
                    f"{exc.moved_to.name}."
                )
            elif choice is Choice.FRESH and damage.can_start_fresh:
                notices.append(
                    f"Started again from the bundled documents; the damaged file is kept as "
                    f"{exc.moved_to.name}."
                )
            else:
                raise RecoveryStopped(damage.message) from None
    raise RecoveryStopped(f"{path}: the restored backups were damaged too; nothing was opened")


def _damage(exc: engine.CorruptStore, can_start_fresh: bool) -> Damage:
    backup = _info(exc.backup, verified=True) if exc.backup is not None else None
    return Damage(exc.path, exc.problem, exc.moved_to, backup, can_start_fresh, str(exc))


def _info(b: engine.Backup, verified: bool | None) -> BackupInfo:
    return BackupInfo(
        path=b.path,
        taken=f"{b.taken:%Y-%m-%d %H:%M:%S}",
        reason=b.reason,
        label=b.label,
        day=f"{b.taken:%d %b %Y}",
        long_day=f"{b.taken:%d %B %Y, %H:%M}",
        verified=verified,
    )


def store_path(path: Path | None) -> Path:
    """The store a command means: the one named, else the reader's default store."""
    from desktop.paths import default_store_path

    return Path(path) if path is not None else default_store_path()


def backups(path: Path, *, verify: bool = True) -> list[BackupInfo]:
    """The backups beside a store, oldest first; each checked (header and quick_check) when ``verify``."""
    return [
        _info(b, engine.check_store(b.path, deep=True) is None if verify else None)
        for b in engine.list_backups(path)
    ]


def backups_folder(path: Path) -> Path:
    return engine.backup_dir(path)


def restore(path: Path, backup: Path | None = None) -> tuple[BackupInfo, Path | None]:
    """Put a verified backup (the newest when ``backup`` is None) in place of the store; the store it
    replaces is set aside, never deleted. Returns the backup restored and where the replaced store went."""
    restored, replaced = engine.restore_backup(path, backup)
    return _info(restored, verified=True), replaced


def integrity_problem(path: Path) -> str | None:
    """The store's first problem by ``PRAGMA quick_check`` (read-only; seconds at a million events)."""
    return engine.quick_check(path)


def check_at_next_open(path: Path) -> None:
    """Have the next open check the store whatever its size (and set it aside if it is damaged)."""
    engine.request_check(path)


def damage_in(exc: BaseException) -> str | None:
    """SQLite's words when a read met a damaged page ("database disk image is malformed"), else None.

    For a front end deciding how to report a failed read: damage is not the reader's mistake, and the
    next open must set the file aside (:func:`check_at_next_open`).
    """
    import sqlite3

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.DatabaseError):
            words = str(seen)
            if "malformed" in words or "not a database" in words:
                return words
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None

"""One writer per store, across processes (no Qt here, so the command line and the window share it).

The lock is ``<store>.lock`` beside the store, held with ``flock`` for as long as the store is open for
writing. The kernel drops a ``flock`` when its process dies, however it dies, so a lock left by a crashed or
killed session never blocks the next one (a stale lock recovers itself). The file also records the
holder's process id; it is emptied on a clean close, so a pid still in it when the next session takes the
lock means the last session did not close cleanly — the cue to check the store's pages
(``PRAGMA quick_check``) before trusting them.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; the store opens as the only writer, as before this lock existed
    fcntl = None  # type: ignore[assignment]


class StoreLock:
    """The writer's lock on one store file."""

    def __init__(self, store: Path) -> None:
        self.path = store.with_name(store.name + ".lock")
        self._fd: int | None = None
        # Set by acquire(): the pid another live process holds the lock with, and whether the previous
        # holder left without a clean close.
        self.holder: int | None = None
        self.unclean = False
        self._no_flock = False  # a platform without flock: this process counts as the only writer

    @property
    def held(self) -> bool:
        return self._fd is not None or self._no_flock

    def acquire(self) -> bool:
        """Take the lock without waiting; False (with ``holder`` set) when another process has it.

        Raises OSError when the lock file cannot be created (a read-only folder).
        """
        if fcntl is None:
            self._no_flock = True
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.holder = _read_pid(fd)
            os.close(fd)
            return False
        except OSError:
            os.close(fd)
            raise
        self.unclean = _read_pid(fd) is not None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        os.fsync(fd)
        self._fd = fd
        return True

    def release(self) -> None:
        """Mark a clean close (empty the file) and let go. The file stays: unlinking races a new holder."""
        self._no_flock = False
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
            os.fsync(fd)
        except OSError:
            pass  # the next session will just check the store once more
        finally:
            os.close(fd)  # closing the descriptor releases the flock


# Stores this process holds, shared by every Store it opens on the same file: flock conflicts between two
# descriptors even in one process, and the window, its self-test and the tests open a store more than once.
_held: dict[Path, tuple[StoreLock, int]] = {}
_held_guard = threading.Lock()


def acquire_shared(store: Path) -> StoreLock:
    """This process's lock on ``store`` (taken now, or shared with an earlier opener); check ``held``."""
    key = store.resolve()
    with _held_guard:
        if key in _held:
            lock, count = _held[key]
            _held[key] = (lock, count + 1)
            return lock
        lock = StoreLock(store)
        if lock.acquire():
            _held[key] = (lock, 1)
        return lock


def release_shared(lock: StoreLock) -> None:
    """Let go of one share; the last one releases the lock itself."""
    with _held_guard:
        for key, (held, count) in list(_held.items()):
            if held is lock:
                if count > 1:
                    _held[key] = (held, count - 1)
                    return
                del _held[key]
                break
    lock.release()


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(raw) if raw.isdigit() else None

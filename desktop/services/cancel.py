"""Cancellation of long reads: a token the caller cancels from any thread, honoured inside the service.

A superseded read's answer is dropped anyway; stopping its SQLite statement (``sqlite3.Connection.interrupt``,
effective within milliseconds) frees its worker at once instead of after the seconds a broad facet count
can take at a million events. The connection never leaves the service layer: the service registers it
with the token while a statement runs, and the token interrupts only a connection registered with it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Cancelled(Exception):
    """A read gave up because its token was cancelled (a newer read replaced it); nobody waits for it."""


class _Interruptible(Protocol):
    def interrupt(self) -> None: ...


class CancelToken:
    """Cancelled once, from any thread; the read holding it stops at its next statement or at once.

    Thread-safe: the lock makes "register the connection" and "cancel" exclusive, so a connection is
    interrupted only while the read that registered it is still running on it (never after it went back
    to the pool, where the interrupt would hit whichever read took it next).
    """

    __slots__ = ("_cancelled", "_lock", "_running", "interrupted")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._running: list[_Interruptible] = []
        self.interrupted = 0  # statements stopped mid-way (a benchmark reads it)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            for connection in self._running:
                connection.interrupt()
                self.interrupted += 1

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @contextmanager
    def running_on(self, connection: _Interruptible) -> Iterator[None]:
        """For the service: while its statements run on ``connection`` (raises :class:`Cancelled` first when
        the token was cancelled before it started)."""
        with self._lock:
            if self._cancelled:
                raise Cancelled()
            self._running.append(connection)
        try:
            yield
        finally:
            with self._lock:
                self._running.remove(connection)


class ServerInterrupt:
    """Stops a PostgreSQL statement as ``interrupt()`` stops SQLite's: the server is asked to cancel it
    (psycopg's ``cancel_safe``), from a thread of its own, so that the caller — the window's thread — never
    waits for the network."""

    __slots__ = ("_connection",)

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def interrupt(self) -> None:
        connection = self._connection
        threading.Thread(target=self._cancel, args=(connection,), name="archive-cancel", daemon=True).start()

    @staticmethod
    def _cancel(connection: Any) -> None:
        with contextlib.suppress(Exception):  # the statement may have ended, or the server gone
            connection.cancel_safe(timeout=5.0)

"""Others' changes to a shared archive, as they commit (issue 21): PostgreSQL's LISTEN/NOTIFY.

Every data table of a server's archive notifies ``archive_changes`` with its name when a statement changes
it (migration 0013; sent at commit, once per table and transaction). A :class:`ChangeWatcher` holds one
connection of its own listening on that channel, in a thread of its own, and hands the window the set of
tables that changed once the notices pause (a quarter second), so a burst — an import, a merge — is one
refresh, not hundreds.

When the connection is lost (the server restarts, the network goes) it says so through ``on_status`` and
tries again every few seconds; what the window shows stays readable meanwhile. Back online, it reports one
change of everything, since notices sent while it was away are lost.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import URL

if TYPE_CHECKING:
    import psycopg

CHANNEL = "archive_changes"
QUIET_S = 0.25  # notices closer than this are one change
RETRY_S = 3.0
EVERYTHING = frozenset({"*"})


class ChangeWatcher:
    """Listens for others' changes to one server's archive until :meth:`close`."""

    def __init__(
        self,
        url: URL,
        connect_args: dict[str, object],
        on_change: Callable[[frozenset[str]], None],
        on_status: Callable[[str | None], None] | None = None,
    ) -> None:
        self._url, self._args = url, connect_args
        self._on_change, self._on_status = on_change, on_status
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="archive-listen", daemon=True)
        self._thread.start()

    def close(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg

        params: dict[str, Any] = {
            "host": self._url.host or None,
            "port": self._url.port or None,
            "dbname": self._url.database,
            "user": self._url.username,
            "password": self._url.password,
            **self._args,
        }
        return psycopg.connect(autocommit=True, **{k: v for k, v in params.items() if v is not None})

    def _run(self) -> None:
        import psycopg

        lost: str | None = None
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except psycopg.Error as exc:
                lost = _first_line(exc)
                self._status(lost)
                self._stop.wait(RETRY_S)
                continue
            if lost is not None:  # back: what was missed meanwhile is unknown, so everything
                lost = None
                self._status(None)
                self._on_change(EVERYTHING)
            try:
                self._listen(conn)
            except psycopg.Error as exc:
                lost = _first_line(exc)
                self._status(lost)
                self._stop.wait(RETRY_S)
            finally:
                with contextlib.suppress(psycopg.Error):
                    conn.close()

    def _listen(self, conn: psycopg.Connection[Any]) -> None:
        conn.execute(f"LISTEN {CHANNEL}")
        pending: set[str] = set()
        last = 0.0
        while not self._stop.is_set():
            # Wakes at least every QUIET_S to see whether to stop or to hand over what has come.
            for notice in conn.notifies(timeout=QUIET_S, stop_after=64):
                pending.add(notice.payload or "*")
                last = time.monotonic()
            if pending and time.monotonic() - last >= QUIET_S:
                tables, pending = frozenset(pending), set()
                self._on_change(tables)

    def _status(self, problem: str | None) -> None:
        if self._on_status is not None:
            self._on_status(problem)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__

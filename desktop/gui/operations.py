"""The window's reads and writes as small operations on the task runner (after Anki's ``QueryOp`` and
``CollectionOp``): the work runs on a worker against the service API, its success or failure comes back on
the GUI thread, and every write's :class:`~desktop.services.Change` is broadcast on :attr:`Operations.changed`
so that each pane refreshes only what changed.

A read started under a *key* replaces the one before it with that key: the older one's token is cancelled
(its SQLite statement is interrupted inside the service) and its result is dropped, so a fast typist never
sees an old answer land after the new one and a worker never grinds on seconds of superseded counting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.gui.tasks import Job, TaskRunner
from desktop.services import Archive, Cancelled, CancelToken, Change

T = TypeVar("T")


class Operations(QObject):
    """Runs the window's operations against one archive and broadcasts what writes changed."""

    changed = Signal(object)  # a Change, on the GUI thread, after a write that changed something

    def __init__(
        self, archive: Archive, runner: TaskRunner, on_error: Callable[[BaseException], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = runner
        self._on_error = on_error
        self._tokens: dict[str, CancelToken] = {}
        self.interrupted = 0  # statements stopped because a newer read replaced theirs (a benchmark reads it)

    # ------------------------------------------------------------------ reads

    def query(
        self,
        work: Callable[[Archive, CancelToken], T],
        on_done: Callable[[T], None],
        *,
        key: str | None = None,
        lane: str = "read",
        on_error: Callable[[BaseException], None] | None = None,
    ) -> CancelToken:
        """Run a read on a worker; ``on_done(result)`` on the GUI thread unless a newer read of ``key``
        replaced it. A cancelled read ends quietly; any other failure goes to ``on_error`` (else the
        window's error handler)."""
        token = self.supersede(key) if key else CancelToken()
        archive = self.archive

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                (on_error or self._on_error)(exc)

        self.runner.run(lambda: work(archive, token), on_done, failed, key=key, lane=lane)
        return token

    def supersede(self, key: str) -> CancelToken:
        """Cancel the running read of ``key``, if any, and return the token for the one replacing it."""
        old = self._tokens.get(key)
        if old is not None and not old.cancelled:
            old.cancel()
            self.interrupted += old.interrupted
        token = self._tokens[key] = CancelToken()
        return token

    def cancel_all(self) -> None:
        """At window close: stop every running read (their workers are then joined at once)."""
        for token in self._tokens.values():
            token.cancel()

    # ------------------------------------------------------------------ writes

    def write(
        self,
        work: Callable[[Archive], T],
        on_done: Callable[[T], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run a write on the write worker (one at a time); broadcast its change, then ``on_done``."""
        archive = self.archive

        def done(result: T) -> None:
            self._broadcast(result)
            on_done(result)

        self.runner.run(lambda: work(archive), done, on_error or self._on_error, write=True)

    def job(
        self,
        work: Callable[[Archive, Job], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None],
        *,
        write: bool = True,
    ) -> Job:
        """A long operation with progress that the reader can cancel (build, import, export)."""
        archive = self.archive

        def done(result: T) -> None:
            if write:
                self._broadcast(result)
            on_done(result)

        return self.runner.job(lambda job: work(archive, job), done, on_error, on_progress, write=write)

    def _broadcast(self, result: Any) -> None:
        change = result if isinstance(result, Change) else getattr(result, "change", None)
        if isinstance(change, Change) and not change.empty:
            self.changed.emit(change)

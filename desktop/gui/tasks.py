"""Work off the GUI thread, results back on it (after Anki's ``CollectionOp``/``QueryOp``).

Reads run on a small pool; writes (build, import) run one at a time. A task started under a *key*
supersedes any earlier task with that key: when the earlier one finishes, its result is dropped, so a
fast typist never sees the answer to an old query land after the new one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits on it and Qt queues the calls to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class Job:
    """A cancellable long task's handle: the worker reports progress and polls ``cancelled``."""

    def __init__(self, relay: _Relay) -> None:
        self._cancel = threading.Event()
        self._relay = relay

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> None:
        self._relay.progress.emit(done, total, what)


class TaskRunner(QObject):
    """Runs functions on worker threads and calls back on the GUI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._generation: dict[str, int] = {}
        self._live: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        write: bool = False,
        on_progress: Callable[[int, int, str], None] | None = None,
        relay: _Relay | None = None,
    ) -> _Relay:
        generation = self._generation.get(key, 0) + 1 if key else 0
        if key:
            self._generation[key] = generation
        relay = relay or _Relay(self)
        was_idle = not self._live
        self._live.add(relay)

        def current() -> bool:
            return not key or self._generation.get(key) == generation

        def finish() -> None:
            self._live.discard(relay)
            relay.deleteLater()
            if not self._live:
                self.busyChanged.emit(False)

        def done(result: Any) -> None:
            finish()
            if current():
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if current() and on_error is not None:
                on_error(exc)

        relay.done.connect(done)
        relay.failed.connect(failed)
        if on_progress is not None:
            relay.progress.connect(on_progress)
        (self._writes if write else self._reads).start(_Runnable(fn, relay))
        if was_idle:
            self.busyChanged.emit(True)
        return relay

    def job(
        self,
        fn: Callable[[Job], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None],
        *,
        write: bool = True,
    ) -> Job:
        """A cancellable task with progress; ``fn`` receives the :class:`Job` handle."""
        # The handle exists before the worker starts: a fast worker must never find it missing.
        relay = _Relay(self)
        job = Job(relay)
        self.run(lambda: fn(job), on_done, on_error, write=write, on_progress=on_progress, relay=relay)
        return job

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Block until all work has finished and its callbacks ran (for tests and screenshots)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QThread

        deadline = QDeadlineTimer(timeout_ms)
        while self._live and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(5)
        QCoreApplication.processEvents()
        return not self._live

"""Work off the GUI thread, results back on it (after Anki's ``CollectionOp``/``QueryOp``).

Reads run on a small pool; writes (build, import, export) run one at a time, as in Anki's
``ThreadPoolExecutor(max_workers=1)``. A task started under a *key* supersedes any earlier task with that
key: when the earlier one finishes, its result is dropped, so a fast typist never sees the answer to an
old query land after the new one.

Why plain Python threads and one long-lived relay rather than ``QRunnable``s with a relay each: a
``QRunnable`` written in Python is destroyed by Qt on its worker thread, and with it the last references to
whatever its closure held (a job whose ``cancel`` is connected to a dialog, a relay). Shiboken then
disconnects those signals on the worker, holding Qt's connection mutex while it waits for the GIL — and
the GUI thread, holding the GIL, waits for that mutex (seen as a frozen first run, once in ~30 starts
under load). Here every Python object a task refers to is held by the GUI thread until its callback has
run there, so its last reference always goes away on the GUI thread; workers only emit on one relay that
lives as long as the runner and is never disconnected.
"""

from __future__ import annotations

import itertools
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.errorlog import log_exception
from desktop.services.cancel import Cancelled


def process_events() -> None:
    """Handle the GUI thread's pending events, like ``QCoreApplication.processEvents()``.

    PySide6 6.12's static void functions (``QCoreApplication.processEvents``, ``QThread.msleep``,
    ``QCoreApplication.sendPostedEvents``) each drop one reference to ``None`` per call: a few thousand
    calls in a waiting loop and the interpreter aborts ("none_dealloc"). ``QEventLoop.processEvents`` on
    an instance does the same work without that bug.
    """
    from PySide6.QtCore import QEventLoop

    QEventLoop().processEvents()


SWITCH_INTERVAL = 0.0005  # seconds; see TaskRunner.__init__


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it and Qt queues the calls to the GUI thread."""

    finished = Signal(int)
    progress = Signal(int, int, int, str)


class Job:
    """A cancellable long task's handle: the worker reports progress and polls ``cancelled``."""

    def __init__(self, relay: _Relay, task_id: int) -> None:
        self._cancel = threading.Event()
        self._relay = relay
        self._task_id = task_id

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> None:
        self._relay.progress.emit(self._task_id, done, total, what)


@dataclass
class _Task:
    """What the GUI thread keeps of a running task until its callback has run."""

    fn: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    key: str | None
    generation: int


class TaskRunner(QObject):
    """Runs functions on worker threads and calls back on the GUI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Qt calls into Python (data(), paint, slots) hundreds of times a frame, taking the GIL each time.
        # While a worker runs Python code (building rows, compiling SQL) each of those calls may wait out
        # the interpreter's switch interval (5 ms by default): a frame of 300 calls then stalls for a
        # second. At 0.5 ms a worker hands the GIL back to the GUI thread ten times sooner.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self._reads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="archive-read")
        # The event list's count, first page and blocks have a worker of their own, so that they never
        # wait behind facet counts (seconds at a million events) — the reader sees the list first.
        self._list = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archive-list")
        # The list's count has one too: the first page is shown without it, and counting a broad filter
        # at a million events (seconds) must not hold up the blocks and the detail behind it.
        self._count = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archive-count")
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archive-write")
        self._closed = False  # shut down with its window: later work is not started
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.progress.connect(self._progress)
        self._generation: dict[str, int] = {}
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        self._results: dict[int, tuple[bool, Any]] = {}
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        write: bool = False,
        on_progress: Callable[[int, int, str], None] | None = None,
        task_id: int | None = None,
        lane: str = "read",
    ) -> int:
        """Run ``fn`` on a worker and ``on_done(result)`` on the GUI thread.

        ``lane``: "read" (the shared pool), "list" (the event list's own worker), "count" (the list's
        count) or "write" (one at a time; the same as ``write=True``). After :meth:`shutdown` (the window
        closed) nothing is started and the id of a task that never runs is returned.
        """
        if self._closed:
            return task_id or next(self._ids)
        generation = self._generation.get(key, 0) + 1 if key else 0
        if key:
            self._generation[key] = generation
        task_id = task_id or next(self._ids)
        was_idle = not self._tasks
        self._tasks[task_id] = _Task(fn, on_done, on_error, on_progress, key, generation)
        relay, box, results, lock = self._relay, [fn], self._results, self._lock

        def work() -> None:
            # The worker lets go of everything before it signals, so that the GUI thread, which still
            # holds the task, drops the last references there.
            call = box.pop()
            try:
                outcome: tuple[bool, Any] = (True, call())
            except BaseException as exc:
                if not isinstance(exc, Cancelled):  # a superseded read: nothing went wrong
                    log_exception(exc, "background task")
                # No traceback travels: its frames would keep this worker's locals alive in a cycle.
                outcome = (False, exc.with_traceback(None))
            del call
            with lock:
                results[task_id] = outcome
            del outcome
            relay.finished.emit(task_id)

        if write:
            lane = "write"
        lanes = {"read": self._reads, "list": self._list, "count": self._count, "write": self._writes}
        lanes[lane].submit(work)
        if was_idle:
            self.busyChanged.emit(True)
        return task_id

    def later(self, delay_ms: int, fn: Callable[[], None]) -> None:
        """Call ``fn`` on the GUI thread after ``delay_ms``; the runner counts as busy until it has run.

        For work that should wait for a paint (a new list's counts) without :meth:`wait_idle` — tests,
        screenshots — returning in the gap.
        """
        task_id = next(self._ids)
        was_idle = not self._tasks
        self._tasks[task_id] = _Task(fn, lambda _result: None, None, None, None, 0)
        if was_idle:
            self.busyChanged.emit(True)

        def fire() -> None:
            try:
                fn()  # first: the work it starts keeps the runner busy without a flicker to idle
            finally:
                self._take(task_id)

        QTimer.singleShot(delay_ms, self, fire)

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
        task_id = next(self._ids)
        job = Job(self._relay, task_id)
        self.run(lambda: fn(job), on_done, on_error, write=write, on_progress=on_progress, task_id=task_id)
        return job

    def _current(self, task: _Task) -> bool:
        return not task.key or self._generation.get(task.key) == task.generation

    def _take(self, task_id: int) -> _Task | None:
        task = self._tasks.pop(task_id, None)
        if task is not None and not self._tasks:
            self.busyChanged.emit(False)
        return task

    def _finished(self, task_id: int) -> None:
        with self._lock:
            ok, value = self._results.pop(task_id)
        task = self._take(task_id)
        if task is None or not self._current(task):
            return
        if ok:
            task.on_done(value)
        elif task.on_error is not None:
            task.on_error(value)

    def _progress(self, task_id: int, done: int, total: int, what: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.on_progress is not None:
            task.on_progress(done, total, what)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Block until all work has finished and its callbacks ran (for tests and screenshots)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            # Events first: a pending zero-delay timer (snippets the view asked for) may start more work.
            process_events()
            if not self._tasks or time.monotonic() >= deadline:
                return not self._tasks
            time.sleep(0.001)

    def shutdown(self) -> None:
        """Let running work finish and stop the worker threads (at window close)."""
        self._closed = True
        self._reads.shutdown(wait=True, cancel_futures=True)
        self._list.shutdown(wait=True, cancel_futures=True)
        self._count.shutdown(wait=True, cancel_futures=True)
        self._writes.shutdown(wait=True, cancel_futures=True)

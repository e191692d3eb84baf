"""Full garbage collections moved to moments the reader is not using the window.

A full collection walks every tracked object and holds every thread while it does, the GUI's included.
CPython starts one when enough objects have been made — that is, while the reader is filtering or
scrolling, on whichever thread happened to allocate: at a million events the longest stalls of the window
(57-76 ms of a 2 ms timer's gaps) were full collections, on the GUI thread and on the query workers alike.

So the window turns automatic full collections off and runs them itself, on a timer, when the window has
been left alone for a while: no query running, no button held, nothing scrolled, selected or reloaded for
two seconds. Young generations are still collected as usual (a millisecond or two each), and objects freed
by their reference count — nearly all of them — go at once as always; only cyclic garbage waits for the
idle moment. Start-up's objects are frozen out of every collection's reach first: they live as long as the
app. After each collection the freed memory goes back to the system (see :mod:`desktop.memory`).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop.memory import give_back_memory

# Larger than any count of young collections a session reaches: the oldest generation is never collected
# by CPython's own trigger (it compares the young collections since the last full one with this).
_NEVER = 1 << 30
IDLE_AFTER_S = 2.0  # nothing done in the window for this long: the reader is reading, not acting
CHECK_EVERY_MS = 5000


class IdleCollector(QObject):
    """Runs full garbage collections while the window is idle (see the module's doc)."""

    def __init__(self, window: QObject, busy: object, views: list[QAbstractItemView]) -> None:
        super().__init__(window)
        self._busy = busy  # anything with a ``busy`` attribute: the window's task runner
        self._last_activity = time.monotonic()
        self.collections = 0
        for view in views:
            view.verticalScrollBar().valueChanged.connect(self.note_activity)
            model = view.model()
            if model is not None:
                model.modelReset.connect(self.note_activity)
            selection = view.selectionModel()
            if selection is not None:
                selection.currentChanged.connect(self.note_activity)
        gc.freeze()  # start-up's objects: out of every collection's reach for good
        threshold = gc.get_threshold()
        gc.set_threshold(threshold[0], threshold[1], _NEVER)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_if_idle)
        self._timer.start()

    def note_activity(self, *_args: object) -> None:
        self._last_activity = time.monotonic()

    def idle(self) -> bool:
        return (
            not bool(getattr(self._busy, "busy", False))
            and QApplication.mouseButtons() == Qt.MouseButton.NoButton
            and time.monotonic() - self._last_activity >= IDLE_AFTER_S
        )

    def collect_if_idle(self) -> bool:
        """One full collection if the window is idle and young collections have happened since the last."""
        if gc.get_count()[2] == 0 or not self.idle():
            return False
        gc.collect()
        give_back_memory()  # what the collection and the burst of work before it freed
        self.collections += 1
        return True

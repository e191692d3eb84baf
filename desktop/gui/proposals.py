"""The proposals panel (issue 18): the first pass's proposals for an uncatalogued event, decided by key.

The habits of the annotation tools (INCEpTION, Recogito, YEDDA): one list, each proposal with its value,
confidence and reason; **A** accepts, **R** rejects, **Shift+A** accepts every undecided proposal of the
selected one's kind, **Enter** shows the passage it was read from; the same as buttons for the mouse.
Rejected proposals leave the list (Ctrl+Z brings them back); accepted ones stay, marked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.widgets import FlowLayout

_ID = Qt.ItemDataRole.UserRole


class _ProposalList(QTreeWidget):
    """The list, with its keys (a QTreeWidget would search for the typed letter instead)."""

    def __init__(self, keys: Callable[[QKeyEvent], bool]) -> None:
        super().__init__()
        self._keys = keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._keys(event):
            super().keyPressEvent(event)


class ProposalsPanel(QWidget):
    """Proposals with accept / reject / accept all of a kind; emits what the person decided."""

    decided = Signal(list, str)  # proposal numbers, "accepted" or "rejected"
    passageRequested = Signal(int, int, int)  # document id, start, end
    eventRequested = Signal(str)  # the other event of a same-event proposal

    def __init__(self, labels: dict[str, str]) -> None:
        """``labels``: each kind of proposal's name, in English (marked with N_), in the order listed."""
        super().__init__()
        self._labels = labels
        self._doc_id: int | None = None
        self._proposals: list[Any] = []
        self.read_only = False
        self.list = _ProposalList(self._key)
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([tr("Proposal"), tr("Value"), tr("Conf."), tr("Why")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(False)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.list.setColumnWidth(1, 200)
        self.list.itemActivated.connect(lambda _item, _col: self.show_passage())
        self.list.setToolTip(
            tr("A accept · R reject · Shift+A accept all of this kind · Enter show the passage")
        )
        self.accept_button = QPushButton(tr("&Accept"))
        self.reject_button = QPushButton(tr("&Reject"))
        self.accept_kind_button = QPushButton(tr("Accept all of this &kind"))
        self.accept_button.clicked.connect(lambda: self.decide("accepted"))
        self.reject_button.clicked.connect(lambda: self.decide("rejected"))
        self.accept_kind_button.clicked.connect(self.accept_kind)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # The buttons wrap in a narrow pane instead of widening it; the summary goes under them.
        tools = QWidget()
        buttons = FlowLayout(tools, 6)
        for b in (self.accept_button, self.reject_button, self.accept_kind_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list, 1)
        layout.addWidget(tools)
        layout.addWidget(self.summary)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self._enable()

    # ------------------------------------------------------------------ showing

    def show_proposals(self, doc_id: int | None, proposals: Sequence[Any]) -> None:
        """The proposals of one document (rejected ones left out); the selection kept where it can be."""
        current = self.current()
        self._doc_id = doc_id
        self._proposals = [p for p in proposals if p.decision != "rejected"]
        rejected = len(proposals) - len(self._proposals)
        self.list.clear()
        order = list(self._labels)
        for p in sorted(self._proposals, key=lambda p: order.index(p.kind) if p.kind in order else 99):
            label = tr(self._labels[p.kind]) if p.kind in self._labels else p.kind
            mark = "• " if p.decision == "accepted" else ""  # accepted (the bundled fonts have •)
            item = QTreeWidgetItem(
                [f"{mark}{label}", " ".join(p.value.split()), f"{p.confidence:.0%}", p.reason]
            )
            item.setData(0, _ID, p.id)
            item.setToolTip(1, p.value)
            item.setToolTip(3, p.reason)
            if p.decision == "accepted":
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.list.addTopLevelItem(item)
        undecided = sum(1 for p in self._proposals if p.decision is None)
        summary = tr("{n} to decide").format(n=undecided)
        if rejected:
            summary += " · " + tr("{n} rejected (Ctrl+Z brings one back)").format(n=rejected)
        self.summary.setText(summary)
        self._select(current)
        self._enable()

    def count(self) -> int:
        return len(self._proposals)

    def _select(self, proposal_id: int | None) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, _ID) == proposal_id:
                self.list.setCurrentItem(item)
                return
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)

    def current(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(0, _ID)) if item is not None else None

    def _proposal(self, proposal_id: int | None) -> Any:
        return next((p for p in self._proposals if p.id == proposal_id), None)

    def _enable(self) -> None:
        chosen = self._proposal(self.current())
        can = chosen is not None and not self.read_only
        self.accept_button.setEnabled(can and chosen.decision != "accepted")
        self.reject_button.setEnabled(can)
        self.accept_kind_button.setEnabled(can and len(self._undecided_of(chosen.kind)) > 1)

    def _undecided_of(self, kind: str) -> list[int]:
        return [p.id for p in self._proposals if p.kind == kind and p.decision is None]

    # ------------------------------------------------------------------ deciding

    def decide(self, decision: str) -> None:
        chosen = self._proposal(self.current())
        if chosen is None or self.read_only:
            return
        self._move_on()
        self.decided.emit([chosen.id], decision)

    def accept_kind(self) -> None:
        chosen = self._proposal(self.current())
        if chosen is None or self.read_only:
            return
        ids = self._undecided_of(chosen.kind)
        if ids:
            self.decided.emit(ids, "accepted")

    def _move_on(self) -> None:
        """The next proposal becomes current, so that A, A, R… walks down the list."""
        item = self.list.currentItem()
        if item is None:
            return
        following = self.list.topLevelItem(self.list.indexOfTopLevelItem(item) + 1)
        if following is not None:
            self.list.setCurrentItem(following)

    def show_passage(self) -> None:
        """The passage a proposal was read from (or, for a same-event one, the other event)."""
        chosen = self._proposal(self.current())
        if chosen is None:
            return
        if getattr(chosen, "event", None):
            self.eventRequested.emit(chosen.event)
        elif self._doc_id is not None and chosen.start is not None:
            self.passageRequested.emit(self._doc_id, chosen.start, chosen.end)

    def _key(self, event: QKeyEvent) -> bool:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        shift = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_A and plain:
            self.decide("accepted")
        elif event.key() == Qt.Key.Key_A and shift:
            self.accept_kind()
        elif event.key() == Qt.Key.Key_R and plain:
            self.decide("rejected")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.show_passage()
        else:
            return False
        return True

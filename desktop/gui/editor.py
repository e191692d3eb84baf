"""The event editor (issue 18): an event's title, type, dates with their certainty, place and summary.

A form over :meth:`Archive.event_fields`; only the fields changed are sent, as one undoable step. The
dialog stays open until the write succeeds, so a refused value (an end before its start) is shown in it,
naming the field, with everything typed still there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.valuenames import certainty_name, fill_choices, kind_name, note_kind_name, type_name
from desktop.gui.widgets import searchable_combo
from desktop.services import EVENT_TYPES, NOTE_CERTAINTIES, NOTE_KINDS, EditError, date_value

_CERTAINTIES = ("stated", "inferred", "unknown")


class _DateRow(QWidget):
    """A date as typed (YYYY, YYYY-MM, YYYY-MM-DD or nothing), its certainty and the reason for it."""

    def __init__(self, value: dict[str, Any], names: tuple[str, str, str]) -> None:
        """``names``: what a screen reader calls the date, its certainty and its reason."""
        super().__init__()
        self.date = QLineEdit(value.get("date") or "")
        self.date.setPlaceholderText(tr("YYYY, YYYY-MM or YYYY-MM-DD; empty: unknown"))
        self.date.setAccessibleName(names[0])
        self.certainty = QComboBox()
        # A proposed date (the first pass's) becomes a person's once edited: inferred unless they say so.
        current = value.get("certainty")
        fill_choices(
            self.certainty, _CERTAINTIES, certainty_name, current if current in _CERTAINTIES else "inferred"
        )
        self.certainty.setAccessibleName(names[1])
        self.reason = QLineEdit(value.get("reason") or "")
        self.reason.setPlaceholderText(tr("why (needed for an inferred date)"))
        self.reason.setCursorPosition(0)  # the reason reads from its start
        self.reason.setToolTip(self.reason.text())
        self.reason.setAccessibleName(names[2])
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date, 2)
        row.addWidget(self.certainty)
        row.addWidget(self.reason, 3)
        self._shown = self._typed()

    def _typed(self) -> tuple[str, str, str]:
        return self.date.text().strip(), str(self.certainty.currentData()), self.reason.text().strip()

    def touched(self) -> bool:
        """Whether the person changed anything in this row (an untouched proposed date stays proposed)."""
        return self._typed() != self._shown

    def value(self) -> dict[str, Any]:
        return date_value(self.date.text(), str(self.certainty.currentData()), self.reason.text())


class _FormDialog(QDialog):
    """A form whose Save hands the values to the window's write: ``done_ok`` closes it once written,
    ``show_error`` keeps it open with the reason and everything typed (both editors below)."""

    def _layout(self, form: QFormLayout, hint: str | None = None) -> None:
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if hint:
            layout.addWidget(QLabel(hint))
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        raise NotImplementedError

    def done_ok(self) -> None:
        self.accept()

    def show_error(self, message: str) -> None:
        """The write was refused: say why, in the dialog, and let the person correct it."""
        self.buttons.setEnabled(True)
        self.error.setText(message)
        self.error.show()


class EventEditor(_FormDialog):
    """Edit one event's fields; ``submit`` (changes) is called on Save."""

    def __init__(
        self,
        parent: QWidget | None,
        event_key: str,
        fields: dict[str, Any],
        places: Sequence[tuple[str, str]],
        submit: Callable[[dict[str, Any]], None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit event — {event}").format(event=event_key))
        self.setMinimumWidth(560)
        self.event_key, self.initial, self._submit = event_key, fields, submit
        self.title = QLineEdit(fields.get("title") or "")
        self.type = QComboBox()
        fill_choices(self.type, EVENT_TYPES, type_name, fields.get("type") or "other")
        self.start = _DateRow(
            fields.get("start") or {}, (tr("Start date"), tr("Start certainty"), tr("Start reason"))
        )
        self.end = _DateRow(fields.get("end") or {}, (tr("End date"), tr("End certainty"), tr("End reason")))
        self.place = searchable_combo(places, tr("Place"), none=tr("(none)"), current=fields.get("place"))
        self.summary = QPlainTextEdit(fields.get("summary") or "")
        self.summary.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(tr("&Title"), self.title)
        form.addRow(tr("T&ype"), self.type)
        form.addRow(tr("&Start"), self.start)
        form.addRow(tr("&End"), self.end)
        form.addRow(tr("&Place"), self.place)
        form.addRow(tr("Su&mmary"), self.summary)
        self._layout(form, tr("Saved as one step: Edit › Undo (Ctrl+Z) takes it back."))

    def changes(self) -> dict[str, Any]:
        """The fields that differ from what the event showed (EditError for a date that is none)."""
        place_index = self.place.findText(self.place.currentText())
        place = self.place.itemData(place_index) if place_index >= 0 else self.place.currentText() or None
        now: dict[str, Any] = {
            "title": " ".join(self.title.text().split()),
            "type": self.type.currentData(),
            "place": place,
            "summary": self.summary.toPlainText().strip() or None,
        }
        for name, row in (("start", self.start), ("end", self.end)):
            if row.touched():
                now[name] = row.value()
        return {field: value for field, value in now.items() if value != self.initial.get(field)}

    def _save(self) -> None:
        try:
            changes = self.changes()
        except EditError as exc:
            self.show_error(str(exc))
            return
        if not changes:
            self.accept()
            return
        self.buttons.setEnabled(False)
        self._submit(changes)


class PassageNoteDialog(_FormDialog):
    """A translation note on a passage of the original: its kind, how certain, and what it says."""

    def __init__(
        self,
        parent: QWidget | None,
        quote: str,
        submit: Callable[[str, str, str | None], None],
        kind: str = "gloss",
        body: str = "",
        certainty: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Translation note"))
        self.setMinimumWidth(480)
        self._submit = submit
        shown = quote if len(quote) <= 300 else quote[:297] + "…"
        passage = QLabel(f"“{shown}”")
        passage.setWordWrap(True)
        passage.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = QComboBox()
        fill_choices(self.kind, NOTE_KINDS, note_kind_name, kind)
        self.certainty = QComboBox()
        self.certainty.addItem(tr("(not said)"), None)
        for c in NOTE_CERTAINTIES:
            self.certainty.addItem(certainty_name(c), c)
        self.certainty.setCurrentIndex(max(0, self.certainty.findData(certainty)))
        self.body = QPlainTextEdit(body)
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(tr("What a reader should know about these words"))
        form = QFormLayout()
        form.addRow(tr("Passage"), passage)
        form.addRow(tr("&Kind"), self.kind)
        form.addRow(tr("&Certainty"), self.certainty)
        form.addRow(tr("&Note"), self.body)
        self._layout(form)
        self.body.setFocus()

    def _save(self) -> None:
        if not self.body.toPlainText().strip():
            self.show_error(tr("note: write what a reader should know about these words"))
            return
        self.buttons.setEnabled(False)
        self._submit(str(self.kind.currentData()), self.body.toPlainText(), self.certainty.currentData())


class LinkDialog(_FormDialog):
    """Link selected words of the original to an entity — the ones whose names match the words first — or
    make a new person, organisation or place of them when none fits (linked to the words in one step).

    ``submit`` gets ``{"entity": key}`` or ``{"new": {"type", "name", "native"}}``."""

    def __init__(
        self,
        parent: QWidget | None,
        quote: str,
        candidates: Sequence[tuple[str, str]],
        submit: Callable[[dict[str, Any]], None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Link to an entity"))
        self.setMinimumWidth(520)
        self._submit = submit
        passage = QLabel(f"“{quote if len(quote) <= 200 else quote[:197] + '…'}”")
        passage.setWordWrap(True)
        passage.setTextFormat(Qt.TextFormat.PlainText)
        self.existing = QRadioButton(tr("&Link to an entity of the authority"))
        self.make_new = QRadioButton(tr("Create a &new entity from these words"))
        self.existing.setChecked(bool(candidates))
        self.make_new.setChecked(not candidates)
        self.entity = searchable_combo(candidates, tr("Entity"))
        self.entity.setCurrentIndex(0 if candidates else -1)
        self.new_type = QComboBox()
        for kind in ("person", "organisation", "place"):
            self.new_type.addItem(kind_name(kind), kind)
        self.new_type.setAccessibleName(tr("Type of the new entity"))
        latin = all(ord(c) < 0x250 for c in quote)
        words = " ".join(quote.split())
        # The selected words are the name as the source writes it: English where they are Latin, the native
        # name otherwise (the English form is the person's to give).
        self.new_name = QLineEdit(words if latin else "")
        self.new_name.setPlaceholderText(tr("Name in English (where one is established)"))
        self.new_name.setAccessibleName(tr("Name of the new entity"))
        self.new_native = QLineEdit("" if latin else words)
        self.new_native.setPlaceholderText(tr("Name in its own language and script"))
        self.new_native.setAccessibleName(tr("Native name of the new entity"))
        self.flag = QRadioButton(tr("Nothing fits: &flag the words for review"))
        self.flag_reason = QLineEdit()
        self.flag_reason.setPlaceholderText(tr("Why: what they might be, what is missing"))
        self.flag_reason.setAccessibleName(tr("Why the words are flagged"))
        form = QFormLayout()
        form.addRow(tr("Passage"), passage)
        form.addRow(self.existing)
        form.addRow(tr("&Names"), self.entity)
        form.addRow(self.make_new)
        form.addRow(tr("&Type"), self.new_type)
        form.addRow(tr("Name (&English)"), self.new_name)
        form.addRow(tr("Name (n&ative)"), self.new_native)
        form.addRow(self.flag)
        form.addRow(tr("&Why"), self.flag_reason)
        self._layout(form, tr("The event is found by the entity at once; Ctrl+Z takes the link back."))
        for button in (self.existing, self.make_new, self.flag):
            button.toggled.connect(self._mode)
        self._mode()

    def _mode(self) -> None:
        linking, making, flagging = (
            self.existing.isChecked(),
            self.make_new.isChecked(),
            self.flag.isChecked(),
        )
        self.entity.setEnabled(linking)
        for w in (self.new_type, self.new_name, self.new_native):
            w.setEnabled(making)
        self.flag_reason.setEnabled(flagging)
        (self.entity if linking else self.new_name if making else self.flag_reason).setFocus()

    def _save(self) -> None:
        if self.flag.isChecked():
            reason = " ".join(self.flag_reason.text().split())
            if not reason:
                self.show_error(tr("why: say what the words might be, so that the review can start there"))
                return
            self.buttons.setEnabled(False)
            self._submit({"flag": reason})
            return
        if self.make_new.isChecked():
            name = " ".join(self.new_name.text().split())
            if not name:
                self.show_error(tr("name: give the new entity's name in English (its native name below)"))
                return
            self.buttons.setEnabled(False)
            native = " ".join(self.new_native.text().split()) or None
            self._submit({"new": {"type": self.new_type.currentData(), "name": name, "native": native}})
            return
        index = self.entity.findText(self.entity.currentText())
        if index < 0:
            self.show_error(tr("entity: choose one from the list (type part of any of its names)"))
            return
        self.buttons.setEnabled(False)
        self._submit({"entity": str(self.entity.itemData(index))})

"""An entity's names and merges in the window (issue 18): the names it is known by, with their language,
kind and source; a name added or removed; another entity merged into it after a side-by-side preview.

Every change is one step the window writes (and Ctrl+Z undoes); the dialog shows the entity again after
each, so a person sees what their change did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.widgets import plural, searchable_combo

ALIAS_KINDS = ("variant", "translation", "transliteration", "abbreviation", "short form", "misspelling")


class EntityDialog(QDialog):
    """Names and merges of one entity. ``actions`` are the window's writes: ``add(name, lang, kind)``,
    ``remove(name)``, ``preview(other_key)`` and ``merge(other_key)``."""

    def __init__(
        self,
        parent: QWidget | None,
        entity: dict[str, Any],
        candidates: Sequence[tuple[str, str]],
        actions: dict[str, Callable[..., object]],
    ) -> None:
        super().__init__(parent)
        self.setMinimumSize(760, 660)
        self._actions = actions
        self.key = str(entity["key"])
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: 600")
        self.names = QTableWidget(0, 4)
        self.names.setHorizontalHeaderLabels([tr("Name"), tr("Language"), tr("Kind"), tr("Source")])
        self.names.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.names.verticalHeader().setVisible(False)
        self.names.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.names.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.remove_button = QPushButton(tr("&Remove the selected name"))
        self.remove_button.clicked.connect(self._remove)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(tr("Another name, as a source writes it"))
        self.new_lang = QLineEdit()
        self.new_lang.setPlaceholderText(tr("lang (ru, zh…)"))
        self.new_lang.setMaximumWidth(110)
        self.new_kind = QComboBox()
        self.new_kind.addItems(ALIAS_KINDS)
        add = QPushButton(tr("&Add name"))
        add.clicked.connect(self._add)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.new_lang)
        adding.addWidget(self.new_kind)
        adding.addWidget(add)
        # The canonical (English) and native names themselves; the former ones stay names of it.
        self.canonical_edit = QLineEdit()
        self.canonical_edit.setAccessibleName(tr("Canonical name"))
        self.native_edit = QLineEdit()
        self.native_edit.setAccessibleName(tr("Native name"))
        self.native_edit.setPlaceholderText(tr("In its own language and script"))
        rename = QPushButton(tr("&Save these names"))
        rename.clicked.connect(self._rename)
        renaming = QHBoxLayout()
        renaming.addWidget(QLabel(tr("Name")))
        renaming.addWidget(self.canonical_edit, 1)
        renaming.addWidget(QLabel(tr("Native")))
        renaming.addWidget(self.native_edit, 1)
        renaming.addWidget(rename)
        names_box = QGroupBox(tr("Names (the documents that write a name are linked at once)"))
        names_layout = QVBoxLayout(names_box)
        names_layout.addLayout(renaming)
        names_layout.addWidget(self.names, 1)
        names_layout.addWidget(self.remove_button)
        names_layout.addLayout(adding)

        self.other = searchable_combo([c for c in candidates if c[1] != self.key], tr("Duplicate"))
        edit = self.other.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(tr("The duplicate to merge into this one"))
        preview = QPushButton(tr("&Preview"))
        preview.clicked.connect(self._preview)
        self.merge_button = QPushButton(tr("&Merge into this one"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self._merge)
        choosing = QHBoxLayout()
        choosing.addWidget(self.other, 1)
        choosing.addWidget(preview)
        choosing.addWidget(self.merge_button)
        self.comparison = QTextBrowser()
        self.comparison.setOpenLinks(False)
        merge_box = QGroupBox(tr("Merge a duplicate into this entity"))
        merge_layout = QVBoxLayout(merge_box)
        merge_layout.addLayout(choosing)
        merge_layout.addWidget(self.comparison, 1)

        # A flag for later review, when something about the entity is not settled (Recogito's habit).
        self.flag_reason = QLineEdit()
        self.flag_reason.setPlaceholderText(tr("Why it needs another look"))
        self.flag_reason.setAccessibleName(tr("Why the entity is flagged"))
        self.flag_button = QPushButton(tr("&Flag for review"))
        self.flag_button.clicked.connect(self._flag)
        self.clear_flag_button = QPushButton(tr("C&lear the flag"))
        self.clear_flag_button.clicked.connect(lambda: self._actions["flag"](None))
        flagging = QHBoxLayout()
        flagging.addWidget(self.flag_reason, 1)
        flagging.addWidget(self.flag_button)
        flagging.addWidget(self.clear_flag_button)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(names_box, 1)
        layout.addWidget(merge_box, 1)
        layout.addLayout(flagging)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(tr("Each change is one step: Edit › Undo (Ctrl+Z) takes it back.")))
        layout.addWidget(close)
        self.show_entity(entity)

    # ------------------------------------------------------------------ showing

    def show_entity(self, entity: dict[str, Any]) -> None:
        """The entity as it now is (after each change)."""
        self.key = str(entity["key"])
        self.canonical = str(entity["name"])
        self.setWindowTitle(tr("Names and merges — {name}").format(name=self.canonical))
        self.canonical_edit.setText(self.canonical)
        self.native_edit.setText(str(entity.get("native") or ""))
        self._shown_native = self.native_edit.text()
        flag = entity.get("flag")
        said = dict(name=self.canonical, key=self.key, type=entity["type"], reason=flag)
        self.title.setText(
            tr("{name}   ({key}, {type})   — flagged for review: {reason}").format(**said)
            if flag is not None
            else "{name}   ({key}, {type})".format(**said)
        )
        self.flag_reason.setText(flag or "")
        self.clear_flag_button.setEnabled(flag is not None)
        names = entity.get("names", [])
        self.names.setRowCount(len(names))
        for row, n in enumerate(names):
            for col, value in enumerate(
                (n["text"], n.get("lang") or "", n.get("kind") or "", n.get("source") or "")
            ):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.names.setItem(row, col, item)
        self.error.hide()

    def show_preview(self, preview: dict[str, Any]) -> None:
        """Both side by side, as the merge would combine them; the Merge button becomes available."""
        keep, dup = preview["keep"], preview["duplicate"]

        def cell(side: dict[str, Any]) -> str:
            names = "<br>".join(_escape(n) for n in side["names"][:30])
            more = (
                "<br>" + tr("… and {n} more").format(n=len(side["names"]) - 30)
                if len(side["names"]) > 30
                else ""
            )
            counted = f"{plural(side['mentions'], 'mention')} · {plural(side['events'], 'event')}"
            return (
                f"<b>{_escape(side['name'])}</b><br><small>{_escape(side['key'])}</small><br>"
                f"{counted}<br><br>{names}{more}"
            )

        after = tr(
            "After the merge {name} has both columns' names (the duplicate's as kind <i>merged</i>), "
            "{mentions}, and every event of both."
        ).format(name=_escape(keep["name"]), mentions=plural(keep["mentions"] + dup["mentions"], "mention"))
        self.comparison.setHtml(
            "<table width='100%' cellspacing='0' cellpadding='6'><tr>"
            f"<th align='left'>{tr('Stays (this one)')}</th>"
            f"<th align='left'>{tr('Merged into it, then removed')}</th></tr>"
            f"<tr><td valign='top'>{cell(keep)}</td><td valign='top'>{cell(dup)}</td></tr></table>"
            f"<p>{after}</p>"
        )
        self.merge_button.setEnabled(True)
        self._previewed = dup["key"]

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # ------------------------------------------------------------------ asking the window

    def _add(self) -> None:
        if self.new_name.text().strip():
            self._actions["add"](
                self.new_name.text(), self.new_lang.text().strip() or None, self.new_kind.currentText()
            )
            self.new_name.clear()

    def _rename(self) -> None:
        name = " ".join(self.canonical_edit.text().split())
        native = " ".join(self.native_edit.text().split())
        if not name:
            self.show_error(tr("name: an entity needs a name (in English where one is established)"))
            return
        changed_native = native if native != self._shown_native else None
        if name == self.canonical and changed_native is None:
            return
        self._actions["rename"](name if name != self.canonical else None, changed_native)

    def _flag(self) -> None:
        reason = " ".join(self.flag_reason.text().split())
        if not reason:
            self.show_error(tr("flag: say why the entity needs another look"))
            return
        self._actions["flag"](reason)

    def _remove(self) -> None:
        row = self.names.currentRow()
        item = self.names.item(row, 0) if row >= 0 else None
        if item is not None:
            self._actions["remove"](item.text())

    def _chosen(self) -> str | None:
        index = self.other.findText(self.other.currentText())
        return str(self.other.itemData(index)) if index >= 0 else None

    def _preview(self) -> None:
        key = self._chosen()
        self.merge_button.setEnabled(False)
        if key is None:
            self.show_error(tr("merge: choose the duplicate from the list"))
            return
        self._actions["preview"](key)

    def _merge(self) -> None:
        key = getattr(self, "_previewed", None)
        if key is not None and key == self._chosen():
            self.merge_button.setEnabled(False)
            self._actions["merge"](key)


def _escape(text: object) -> str:
    import html

    return html.escape(str(text))

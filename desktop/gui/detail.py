"""The detail pane: what the archive knows about one event, beside the original text exactly as received."""

from __future__ import annotations

import html
from collections import defaultdict

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dates import display_range
from desktop.gui.fonts import css_families
from desktop.gui.richtext import Marks, notes_html, render_side_by_side, render_text, search_spans
from desktop.gui.theme import mark_colours
from desktop.store.detail import DocumentDetail, EventDetail

ROLE_ORDER = (
    "organiser",
    "co-organiser",
    "host",
    "sponsor",
    "supervisor",
    "speaker",
    "signatory",
    "visitor",
    "presenter",
    "participant",
    "accompanying",
    "subject",
)
NOTE_PLACEHOLDER = "Add your own note on this event: searchable, kept across rebuilds"
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "be": "Belarusian", "hi": "Hindi", "zh": "Chinese"}


def _browser(min_height: int = 60) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    browser.setMinimumHeight(min_height)
    browser.document().setDocumentMargin(8)
    return browser


class DetailPane(QWidget):
    """Event summary, participants (links that filter), the original text with notes, and provenance."""

    entityClicked = Signal(int)
    eventClicked = Signal(str)
    message = Signal(str)
    # The reader's own notes: the window writes them off the GUI thread and shows the event again.
    noteAddRequested = Signal(str, str)
    noteEditRequested = Signal(int, str)
    noteDeleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: EventDetail | None = None
        self.document: DocumentDetail | None = None
        self.query: str | None = None
        self.search_entities: frozenset[int] = frozenset()
        self.selected_note: int | None = None
        self.expanded_debris: set[int] = set()
        self.side_by_side = False
        # What each browser was last given (by id), so that the same HTML is never parsed and laid out again.
        self._shown_html: dict[int, str] = {}

        self.header = _browser(80)
        self.header.anchorClicked.connect(self._link)

        self.doc_picker = QComboBox()
        self.doc_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_picker.setMinimumContentsLength(12)
        self.doc_picker.currentIndexChanged.connect(self._pick_document)
        self.original_button = QToolButton(text="Original", checkable=True, checked=True)
        self.side_button = QToolButton(text="Side by side", checkable=True)
        self.side_button.setToolTip(
            "The original beside the archive's English rendering, paragraph by paragraph"
        )
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.original_button)
        group.addButton(self.side_button)
        self.side_button.toggled.connect(self._set_side_by_side)
        self.debris_box = QCheckBox("Show debris")
        self.debris_box.setToolTip(
            "Navigation, metadata and unrelated headlines: kept, but not part of the article"
        )
        self.debris_box.toggled.connect(self._toggle_all_debris)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.doc_picker, 1)
        bar.addWidget(self.original_button)
        bar.addWidget(self.side_button)
        bar.addWidget(self.debris_box)

        self.text = _browser(120)
        self.text.anchorClicked.connect(self._link)
        self.notes = _browser(80)
        self.notes.anchorClicked.connect(self._link)
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        self.provenance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.provenance.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.provenance.linkActivated.connect(lambda href: self._link(QUrl(href)))

        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_title = QLabel("<b>Translation notes</b>")
        notes_layout.addWidget(notes_title)
        notes_layout.addWidget(self.notes)
        self.text_split = QSplitter(Qt.Orientation.Horizontal)
        self.text_split.addWidget(self.text)
        self.text_split.addWidget(notes_box)
        self.text_split.setStretchFactor(0, 3)
        self.text_split.setStretchFactor(1, 2)
        self.text_split.setChildrenCollapsible(False)

        doc_area = QWidget()
        doc_layout = QVBoxLayout(doc_area)
        doc_layout.setContentsMargins(0, 4, 0, 0)
        doc_layout.addLayout(bar)
        doc_layout.addWidget(self.text_split, 1)
        doc_layout.addWidget(self.provenance)

        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.header)
        self.split.addWidget(self._user_notes_box())
        self.split.addWidget(doc_area)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 2)
        self.split.setStretchFactor(2, 5)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        self._apply_styles()
        self.show_event(None)

    def sizeHint(self) -> QSize:
        return QSize(520, 600)

    def _set_html(self, browser: QTextBrowser, body: str) -> bool:
        """Show ``body`` unless the browser shows exactly that already; True when it was set.

        Parsing the HTML and laying the document out again is most of what the pane costs on the GUI
        thread, and many events leave a browser as it was ("No translation notes for this document.",
        no notes of yours); a search re-shown with the same words changes nothing either.
        """
        if self._shown_html.get(id(browser)) == body:
            return False
        browser.setHtml(body)
        self._shown_html[id(browser)] = body
        return True

    def _user_notes_box(self) -> QWidget:
        """'Your notes': the reader's notes on this event, each with edit and delete, and a box to add one."""
        self.editing_note: int | None = None
        self.read_only_reason: str | None = None
        self.user_notes = _browser(52)
        self.user_notes.anchorClicked.connect(self._link)
        self.note_editor = QPlainTextEdit()
        self.note_editor.setPlaceholderText(NOTE_PLACEHOLDER)
        self.note_editor.setMaximumHeight(self.fontMetrics().height() * 3)
        self.note_editor.setTabChangesFocus(True)
        self.note_save = QPushButton("Add note")
        self.note_save.clicked.connect(self._save_note)
        self.note_cancel = QPushButton("Cancel")
        self.note_cancel.clicked.connect(self._cancel_note_edit)
        self.note_cancel.setVisible(False)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.note_save)
        buttons.addWidget(self.note_cancel)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note_editor, 1)
        row.addLayout(buttons)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.user_notes_title = QLabel("<b>Your notes</b>")
        layout.addWidget(self.user_notes_title)
        layout.addWidget(self.user_notes, 1)
        layout.addLayout(row)
        return box

    def set_read_only(self, reason: str | None) -> None:
        """A read-only store: notes are shown but cannot be added, edited or deleted (and say why)."""
        self.read_only_reason = reason
        self._cancel_note_edit()
        self._render_user_notes()

    def _render_user_notes(self) -> None:
        d = self.detail
        muted = self._colours["muted"]
        can_write = d is not None and self.read_only_reason is None
        self.note_editor.setEnabled(can_write)
        self.note_save.setEnabled(can_write)
        if self.read_only_reason:
            self.note_editor.setPlaceholderText(f"Read-only: {self.read_only_reason}")
        elif d is not None:
            self.note_editor.setPlaceholderText(NOTE_PLACEHOLDER)
        if d is None:
            self._set_html(self.user_notes, "")
            return
        if not d.user_notes:
            self._set_html(
                self.user_notes, f"<p style='color:{muted}'>No notes of yours on this event yet.</p>"
            )
            return
        parts = []
        for n in d.user_notes:
            when = html.escape(n.updated[:16].replace("T", " "))
            actions = (
                f" · <a href='unote-edit:{n.id}'>edit</a> · <a href='unote-delete:{n.id}'>delete</a>"
                if can_write
                else ""
            )
            parts.append(
                f"<p style='margin:0 0 6px 0'><span style='white-space:pre-wrap'>{html.escape(n.text)}</span>"
                f"<br><span style='color:{muted}'>{when} UTC{actions}</span></p>"
            )
        self._set_html(self.user_notes, "".join(parts))

    def _save_note(self) -> None:
        body = self.note_editor.toPlainText().strip()
        if self.detail is None or self.read_only_reason:
            return
        if not body:
            self.message.emit("Type the note first; to remove a note, use its delete link.")
            return
        if self.editing_note is not None:
            self.noteEditRequested.emit(self.editing_note, body)
        else:
            self.noteAddRequested.emit(self.detail.row.key, body)
        self._cancel_note_edit()
        self.note_editor.clear()

    def edit_note(self, note_id: int) -> None:
        """Load a note into the box below the list; Save replaces it, Cancel leaves it as it was."""
        note = next((n for n in self.detail.user_notes if n.id == note_id), None) if self.detail else None
        if note is None:
            return
        self.editing_note = note_id
        self.note_editor.setPlainText(note.text)
        self.note_save.setText("Save")
        self.note_cancel.setVisible(True)
        self.note_editor.setFocus()

    def _cancel_note_edit(self) -> None:
        if self.editing_note is not None:
            self.note_editor.clear()
        self.editing_note = None
        self.note_save.setText("Add note")
        self.note_cancel.setVisible(False)

    def delete_note(self, note_id: int, confirm: bool = True) -> None:
        """Ask first (a note is the reader's own work, not something the archive can rebuild)."""
        if not confirm:
            self.noteDeleteRequested.emit(note_id)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete note",
            "Delete this note? It cannot be brought back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda result: (
                self.noteDeleteRequested.emit(note_id) if result == QMessageBox.StandardButton.Yes else None
            )
        )
        self.delete_box = box
        box.open()

    def _apply_styles(self) -> None:
        colours = mark_colours()
        sheet = (
            f"body {{ font-family: {css_families()}; }} "
            f"a.m {{ text-decoration: none; color: palette(text); }} "
            f"h3 {{ margin: 0 0 4px 0; }}"
        )
        for browser in (self.header, self.text, self.notes, self.user_notes):
            browser.document().setDefaultStyleSheet(sheet)
        self._colours = colours

    # ------------------------------------------------------------------ public

    def show_event(self, detail: EventDetail | None) -> None:
        same_event = detail is not None and self.detail is not None and detail.row.id == self.detail.row.id
        self.detail = detail
        if not same_event:
            self.selected_note = None
            self.expanded_debris = set()
            # A note half-typed for another event must not be saved on this one.
            self._cancel_note_edit()
            self.note_editor.clear()
        self._colours = mark_colours()
        self._set_html(self.header, self._header_html())
        self._render_user_notes()
        self.doc_picker.blockSignals(True)
        self.doc_picker.clear()
        if detail:
            for doc in detail.documents:
                lang = LANGUAGE_NAMES.get(doc.language, doc.language)
                self.doc_picker.addItem(f"{doc.filename} · {lang}", doc.id)
        self.doc_picker.blockSignals(False)
        self.doc_picker.setEnabled(bool(detail and len(detail.documents) > 1))
        self.document = detail.documents[0] if detail and detail.documents else None
        self._render_document()

    def set_search(self, query: str | None, entities: frozenset[int] = frozenset()) -> None:
        """Mark a search's words, and the mentions of the entities it names, in what the pane shows."""
        entities = entities if query else frozenset()
        if query == self.query and entities == self.search_entities:
            return  # the window sets the search after every event it shows: the document is drawn already
        self.query = query
        self.search_entities = entities
        self._render_document()

    def select_note(self, index: int | None) -> None:
        """Highlight a note's passage in the original and scroll to it."""
        self.selected_note = index
        if index is not None and self.document is not None:
            note = self.document.notes[index]
            # A passage inside collapsed debris is opened so the reader sees what the note is about.
            for i, d in enumerate(self.document.debris):
                if d.start <= note.start < d.end:
                    self.expanded_debris.add(i)
        self._render_document()
        if index is not None and self.document is not None:
            self._scroll_to(self.document.notes[index].quote, self.document.notes[index].start)

    def _scroll_to(self, quote: str, start: int) -> None:
        """Bring a passage into view: find the same occurrence of its first line in the rendered text."""
        assert self.document is not None
        needle = quote.split("\n", 1)[0]
        occurrence = self.document.text.count(needle, 0, start) + 1
        document = self.text.document()
        cursor = QTextCursor(document)
        for _ in range(occurrence):
            found = document.find(needle, cursor)
            if found.isNull():
                break
            cursor = found
        if not cursor.isNull() and cursor.hasSelection():
            cursor.clearSelection()
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def original_text(self) -> str:
        return self.document.text if self.document else ""

    # ------------------------------------------------------------------ rendering

    def _header_html(self) -> str:
        d = self.detail
        muted = self._colours["muted"]
        if d is None:
            return f"<p style='color:{muted}'>Select an event to see what the archive knows about it.</p>"
        r = d.row
        parts = [f"<h3>{html.escape(r.title)}</h3>"]
        facts = [html.escape(r.type), html.escape(display_range(d.start, d.end))]
        if d.mode and d.mode != "unknown":
            facts.append(html.escape(d.mode))
        if d.place:
            facts.append(f"<a href='entity:{d.place.id}'>{html.escape(d.place.name)}</a>")
        parts.append(" · ".join(facts))
        if r.uncatalogued:
            parts.append(
                f"<p style='color:{muted}'><i>Uncatalogued: made automatically from an imported document "
                "(title "
                "from its headline, date from its publication date). Not yet checked by an archivist.</i></p>"
            )
        certainty = {"stated": "stated in the source", "inferred": "inferred", "unknown": "unknown"}
        date_line = f"Date {certainty.get(d.start.certainty, d.start.certainty)}"
        if d.start.reason:
            date_line += f": {html.escape(d.start.reason)}"
        parts.append(f"<p style='color:{muted}'>{date_line}</p>")
        if d.summary:
            parts.append(f"<p>{html.escape(d.summary)}</p>")
        by_role: dict[str, list[str]] = defaultdict(list)
        for p in d.participants:
            title = f" <span style='color:{muted}'>({html.escape(p.title)})</span>" if p.title else ""
            by_role[p.role].append(f"<a href='entity:{p.entity.id}'>{html.escape(p.entity.name)}</a>{title}")
        if by_role:
            rows = []
            for role in sorted(by_role, key=lambda x: ROLE_ORDER.index(x) if x in ROLE_ORDER else 99):
                rows.append(
                    f"<tr><td valign='top' style='color:{muted}; padding-right:8px'>{role}</td>"
                    f"<td>{'; '.join(by_role[role])}</td></tr>"
                )
            parts.append("<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>")
        if d.parent:
            parts.append(
                f"<p>Part of: <a href='event:{html.escape(d.parent[0])}'>{html.escape(d.parent[1])}</a></p>"
            )
        if d.children:
            links = "; ".join(f"<a href='event:{html.escape(k)}'>{html.escape(t)}</a>" for k, t in d.children)
            parts.append(f"<p>Includes: {links}</p>")
        others: dict[str, str] = {}
        for doc in d.documents:
            others.update({k: t for k, t in doc.other_events if k not in {c for c, _ in d.children}})
        if others:
            links = "; ".join(
                f"<a href='event:{html.escape(k)}'>{html.escape(t)}</a>" for k, t in others.items()
            )
            parts.append(f"<p>The same source also reports: {links}</p>")
        for e in d.evidence:
            parts.append(
                f"<p style='color:{muted}'>Evidence ({html.escape(e.document)}): "
                f"<i>“{html.escape(e.quote)}”</i></p>"
            )
        return "".join(parts)

    def _render_document(self) -> None:
        doc = self.document
        if doc is None:
            self._set_html(self.text, "")
            self._set_html(self.notes, "")
            self.provenance.setText("")
            return
        named = [(m.start, m.end) for m in doc.mentions if m.entity.id in self.search_entities]
        matches = sorted({*search_spans(doc.text, self.query), *named})
        marks = Marks(
            mentions=doc.mentions,
            notes=doc.notes,
            debris=doc.debris,
            matches=matches,
            selected_note=self.selected_note,
            expanded_debris=frozenset(self.expanded_debris),
        )
        colours = self._colours
        dir_attr = ""
        if self.side_by_side:
            body = render_side_by_side(doc.text, marks, doc.renderings, colours, self.query)
            if not doc.renderings:
                body = (
                    f"<p style='color:{colours['muted']}'>The archive has no English rendering of this "
                    "document (it is in English, or not yet translated).</p>" + body
                )
        else:
            body = (
                f"<div style='white-space:pre-wrap'{dir_attr}>{render_text(doc.text, marks, colours)}</div>"
            )
        scroll = self.text.verticalScrollBar().value()
        if self._set_html(self.text, body):
            self.text.verticalScrollBar().setValue(scroll)
        self._set_html(self.notes, notes_html(doc.notes, self.selected_note, self.query, colours))
        self.provenance.setText(self._provenance_html(doc))
        self.provenance.setToolTip(f"SHA-256 {doc.sha256}\n{doc.path}")

    def _provenance_html(self, doc: DocumentDetail) -> str:
        muted = self._colours["muted"]
        lang = LANGUAGE_NAMES.get(doc.language, doc.language)
        detected = f" (detected: {doc.detected_language})" if doc.detected_language != doc.language else ""
        published = (
            "; ".join(f"{p.date} ({html.escape(p.label)})" if p.label else p.date for p in doc.published)
            or "not stated"
        )
        translation = ""
        if doc.is_translation:
            translation = (
                f" · translation from {LANGUAGE_NAMES.get(doc.translated_from or '', doc.translated_from)}"
                f" ({doc.translation_kind})"
            )
        return (
            f"<span style='color:{muted}'>{html.escape(doc.filename)} · {lang}{detected} · {doc.scripts} · "
            f"{doc.encoding} · {doc.size:,} bytes{translation} · published {html.escape(published)}<br>"
            f"SHA-256 <span style='font-family:monospace'>{doc.sha256[:16]}…{doc.sha256[-8:]}</span> "
            f"<a href='copy:sha256'>copy</a></span>"
        )

    # ------------------------------------------------------------------ interaction

    def _link(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "entity":
            self.entityClicked.emit(int(value))
        elif scheme == "event":
            self.eventClicked.emit(value)
        elif scheme == "note":
            self.select_note(int(value))
        elif scheme == "copy" and self.document is not None:
            QGuiApplication.clipboard().setText(self.document.sha256)
            self.message.emit(f"Copied the SHA-256 of {self.document.filename}")
        elif scheme == "debris":
            self.expanded_debris.add(int(value))
            self._render_document()
        elif scheme == "unote-edit":
            self.edit_note(int(value))
        elif scheme == "unote-delete":
            self.delete_note(int(value))

    def _pick_document(self, index: int) -> None:
        if self.detail and 0 <= index < len(self.detail.documents):
            self.document = self.detail.documents[index]
            self.selected_note = None
            self.expanded_debris = set()
            self._render_document()

    def _set_side_by_side(self, on: bool) -> None:
        self.side_by_side = on
        self._render_document()

    def _toggle_all_debris(self, on: bool) -> None:
        self.expanded_debris = set(range(len(self.document.debris))) if on and self.document else set()
        self._render_document()

    def text_font(self) -> QFont:
        return self.text.font()

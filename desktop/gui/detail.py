"""The detail pane: what the archive knows about one event, beside the original text exactly as received."""

from __future__ import annotations

import html
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.dates import display_range
from desktop.gui.fonts import css_families
from desktop.gui.historypanel import HistoryPanel
from desktop.gui.i18n import N_, tr
from desktop.gui.localdates import local_date
from desktop.gui.proposals import ProposalsPanel
from desktop.gui.richtext import (
    SIDE_TABLE,
    MarkRenderer,
    Marks,
    grouped_debris,
    notes_html,
    render_side_by_side,
    render_text,
    search_spans,
    side_by_side_rows,
    side_header,
)
from desktop.gui.tasks import TaskRunner
from desktop.gui.theme import mark_colours
from desktop.gui.valuenames import language_name, mode_name, role_name, translation_kind_name, type_name
from desktop.gui.widgets import FlowLayout, plural, tool_button
from desktop.safetext import display_title
from desktop.services import DebrisInfo, DocumentDetail, EventDetail, MentionInfo, NoteInfo, RenderingInfo
from desktop.textdigest import ALTERED_WARNING

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
NOTE_PLACEHOLDER = N_("Add your own note on this event: searchable, kept across rebuilds")
# On a shared archive (issue 21) a note is private to its writer: theirs to read and search, no one else's.
SHARED_NOTE_PLACEHOLDER = N_("Add a private note on this event: only you can see and search it")
# How sure the archive is of an event's date, as the header says it (the data keeps its own words).
DATE_CERTAINTY = {
    "stated": N_("Date stated in the source"),
    "inferred": N_("Date inferred"),
    "proposed": N_("Date proposed by the first pass"),
    "unknown": N_("Date unknown"),
}
# The warning of desktop/textdigest.py (the command line prints it as it is), marked for the window's
# translations: the altered banner shows tr(ALTERED_WARNING).
N_(
    "This text does not match the SHA-256 recorded when it was stored: it was changed in the store "
    "after it was received. It is NOT the original. Restore a backup, or import the file again."
)


# A document up to this many characters is marked and shown at once on the GUI thread, as always (the seeds
# are 3–11 kB: a few milliseconds). A longer one is marked on a worker and shown in slices, so that the
# pane never holds the GUI thread for long: a 2 MB name-dense document once gave no frame for minutes.
SYNC_CHARS = 20_000
# While a long document's marks are worked out, its beginning is shown as plain text at once.
PREVIEW_CHARS = 30_000
# The first slice of a long document is about this much HTML (~8 ms of setHtml on the benchmark
# machine); every later one is sized from the time the one before took, to take about SLICE_SECONDS.
FIRST_SLICE = 40_000
MIN_SLICE, MAX_SLICE = 2_000, 400_000
SLICE_SECONDS = 0.010
_PRE = "<div style='white-space:pre-wrap'>"
# The side-by-side button's tips: with the archive's English rendering of the document, and without.
SIDE_BY_SIDE_TIP = N_("The original beside the archive's English rendering, paragraph by paragraph")
NO_RENDERING = N_(
    "The archive has no English rendering of this document (it is in English, or not yet translated)"
)

# How the first pass's proposals are named (translated where the panel shows them) and ordered in the
# detail pane.
_SUGGESTION_LABELS = {
    "title": N_("Headline"),
    "derived_title": N_("Title (from the lead)"),
    "published": N_("Published"),
    "captured": N_("Page saved"),
    "event_start": N_("Event from"),
    "event_end": N_("Event until"),
    "place": N_("Place"),
    "type": N_("Type"),
    "dateline": N_("Filed from"),
    "same_event": N_("Same event as"),
    "new_person": N_("New person?"),
    "new_organisation": N_("New organisation?"),
    "new_place": N_("New place?"),
    "alias_of": N_("Another name of?"),
    "context_link": N_("Short name of?"),
}


@dataclass(frozen=True, slots=True)
class ProposalRow:
    """A proposal as the Proposals panel lists it (``event``: the other event of a same-event one)."""

    id: int
    kind: str
    value: str
    confidence: float
    reason: str
    decision: str | None
    start: int | None
    end: int | None
    event: str | None = None


@dataclass(frozen=True)
class _Request:
    """One render of the document pane: results for any other (an older one) are dropped."""

    number: int
    event_id: int | None
    document_id: int


@dataclass(frozen=True)
class _Rendered:
    """A long document's HTML, worked out off the GUI thread for one request, to be shown in slices.

    The first slice is ``first`` (opening, closing) around the first of ``pieces``, each later one
    ``more`` around the next; ``body`` is the same HTML in one string, what the pane would show at once.
    """

    request: _Request
    first: tuple[str, str]
    more: tuple[str, str]
    pieces: list[str]
    body: str
    lines: bool  # the pieces are running text (cut slices at line ends), not table rows


def _split_at_line(piece: str) -> tuple[str, str] | None:
    """A piece of running text cut before its first line break: (before, from the break on), or None.

    A piece is escaped text or one element around escaped text (a mark); a mark cut in two becomes two
    of the same mark. Escaped text has no "<" or ">", so the first ">" ends the opening tag.
    """
    if not piece.startswith("<"):
        at = piece.find("\n")
        return None if at < 0 else (piece[:at], piece[at:])
    opened = piece.find(">") + 1
    closing = piece.rfind("</")
    at = piece.find("\n", opened, closing)
    if at < 0:
        return None
    head, tail = piece[opened:at], piece[at:closing]
    return (piece[:opened] + head + piece[closing:] if head else "", piece[:opened] + tail + piece[closing:])


def _slice_end(pieces: list[str], index: int, budget: int, lines: bool) -> int:
    """Where the slice of ``pieces`` starting at ``index`` ends: about ``budget`` characters of HTML on,
    then (running text) at the next line break, which the next slice begins with.

    Qt lays a paragraph out again whenever text is added to it: slices appended to one long paragraph
    cost quadratic time (a 0.8 MB document without line breaks took 86 s), so every slice after the
    first begins a paragraph. The piece the break is in is cut in two there (``pieces`` is changed).
    A line longer than the budget is shown in one slice, as setPlainText would lay it out at once.
    """
    end, size = index, 0
    while end < len(pieces) and (size < budget or end == index):
        size += len(pieces[end])
        end += 1
    if not lines:
        return end
    while end < len(pieces):
        cut = _split_at_line(pieces[end])
        if cut is not None:
            head, tail = cut
            if head:
                pieces[end : end + 1] = [head, tail]
                end += 1
            return end
        end += 1
    return end


@dataclass
class _Progress:
    """Where the slices of a long document have got to, and what to do once the last one is in."""

    rendered: _Rendered
    keep_scroll: int | None  # re-rendering the document already shown: keep the reader's place
    then: Callable[[], None] | None  # e.g. scroll to a selected note
    index: int = 0
    budget: int = FIRST_SLICE
    slices: int = 0
    timings: list[float] = field(default_factory=list)


def _render_long(
    request: _Request,
    text: str,
    mentions: Sequence[MentionInfo],
    notes: Sequence[NoteInfo],
    debris: Sequence[DebrisInfo],
    renderings: Sequence[RenderingInfo],
    search_entities: frozenset[int],
    query: str | None,
    selected_note: int | None,
    expanded_debris: frozenset[int],
    side_by_side: bool,
    colours: dict[str, str],
) -> _Rendered:
    """On a worker: a long document's search matches and marked HTML, in whole elements (no Qt here)."""
    named = [(m.start, m.end) for m in mentions if m.entity.id in search_entities]
    marks = Marks(
        mentions=mentions,
        notes=notes,
        debris=debris,
        matches=sorted({*search_spans(text, query), *named}),
        selected_note=selected_note,
        expanded_debris=expanded_debris,
    )
    if side_by_side:
        no_rendering = tr(
            "The archive has no English rendering of this document (it is in English, or not yet translated)."
        )
        notice = "" if renderings else f"<p style='color:{colours['muted']}'>{html.escape(no_rendering)}</p>"
        pieces = side_by_side_rows(text, marks, renderings, colours, query, "<td width='50%' valign='top'")
        first = (notice + SIDE_TABLE + side_header(), "</table>")
        more = (SIDE_TABLE, "</table>")  # a table of its own per slice: rows cannot be added to one
        return _Rendered(request, first, more, pieces, first[0] + "".join(pieces) + first[1], False)
    pieces = MarkRenderer(marks, colours).pieces(text)
    first = (_PRE, "</div>")
    # Later slices are spans: each begins with the line break that ends the slice before (see
    # _slice_end), and a <div> would add a paragraph break of its own.
    more = ("<span style='white-space:pre-wrap'>", "</span>")
    return _Rendered(request, first, more, pieces, first[0] + "".join(pieces) + first[1], True)


class _Foot(QScrollArea):
    """The legend and the provenance under the text: whole where they fit; in a narrow pane (a long Russian
    provenance wraps to seven lines at 800 px) at most ``LINES`` lines that scroll, so that neither the
    document's tools above nor the text is squeezed out of sight."""

    LINES = 6  # the legend and a provenance of four lines and its SHA-256 read whole at 1280×800

    def __init__(self, *labels: QLabel) -> None:
        super().__init__()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for label in labels:
            layout.addWidget(label)
        self.setWidget(box)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("The marks' legend and the document's provenance"))

    def _whole(self) -> int:
        """The legend's and the provenance's height, wrapped to the width there is."""
        box = self.widget()
        layout = box.layout() if box is not None else None
        return (
            max(0, layout.totalHeightForWidth(max(1, self.viewport().width()))) if layout is not None else 0
        )

    def _height(self) -> int:
        return min(self._whole(), self.fontMetrics().lineSpacing() * self.LINES + 4)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._height())

    def refit(self) -> None:
        """After new text or a new width: the box as tall as its wrapped lines (a scroll bar shows when
        they are more than fit), and this area as tall as they need up to ``LINES``."""
        box = self.widget()
        if box is not None:
            box.setMinimumHeight(self._whole())
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.refit()


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
    # Proposal numbers and "accepted" or "rejected" (issue 18).
    suggestionsDecided = Signal(list, str)
    # A translation note on a passage: (document id, start, end, the words) to add; (document id, note key)
    # to edit or delete a reader's note.
    passageNoteAdd = Signal(int, int, int, str)
    passageNoteEdit = Signal(int, str)
    passageNoteDelete = Signal(int, str)
    passageLinkRequested = Signal(int, int, int, str)  # document id, start, end, the words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: EventDetail | None = None
        self.document: DocumentDetail | None = None
        self.query: str | None = None
        self.search_entities: frozenset[int] = frozenset()
        self.selected_note: int | None = None
        self.expanded_debris: set[int] = set()
        self._grouped: tuple[int, list[DebrisInfo]] | None = None  # (document id, its debris as shown)
        self.side_by_side = False
        # What each browser was last given (by id), so that the same HTML is never parsed and laid out again.
        self._shown_html: dict[int, str] = {}
        # Long documents: the worker runner (the window's, found when first needed), the current request
        # (a result or slice for an older one is dropped), the slices still to show, and which document
        # the text browser shows or is being given (event id, document id).
        self.runner: TaskRunner | None = None
        self._request = _Request(0, None, 0)
        self._long: _Request | None = None  # the long document being marked or shown, until it all is
        self._progress: _Progress | None = None
        self._text_shows: tuple[int | None, int] | None = None
        self._query_shown: tuple[int | None, int, str] | None = None  # the search last scrolled to
        self.slice_times: list[float] = []  # what each slice of the last long document took (benchmark)

        self.header = _browser(80)
        self.header.setAccessibleName(tr("Event"))
        self.header.anchorClicked.connect(self._link)

        self.doc_picker = QComboBox()
        self.doc_picker.setAccessibleName(tr("Source document"))
        self.doc_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_picker.setMinimumContentsLength(20)
        self.doc_picker.currentIndexChanged.connect(self._pick_document)
        self.original_button = tool_button(tr("Original"), checked=True)
        self.side_button = tool_button(tr("Side by side"), checked=False)
        self.side_button.setToolTip(tr(SIDE_BY_SIDE_TIP))
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.original_button)
        group.addButton(self.side_button)
        self.side_button.toggled.connect(self._set_side_by_side)
        self.debris_box = QCheckBox(tr("Show debris"))
        self.debris_box.setToolTip(
            tr("Navigation, metadata and unrelated headlines: kept, but not part of the article")
        )
        self.debris_box.toggled.connect(self._toggle_all_debris)

        # The document's tools wrap to a second line in a narrow pane instead of widening it.
        self.doc_picker.setMinimumContentsLength(20)
        self.doc_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_bar = QWidget()
        bar = FlowLayout(self.doc_bar, 6)
        for tool in (self.doc_picker, self.original_button, self.side_button, self.debris_box):
            bar.addWidget(tool)

        self.text = _browser(120)
        self.text.setAccessibleName(tr("Original text"))
        self.text.anchorClicked.connect(self._link)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._text_menu)
        self.notes = _browser(80)
        self.notes.setAccessibleName(tr("Translation notes"))
        self.notes.anchorClicked.connect(self._link)
        # What the marks in the text mean (issue 19: search hits and note passages looked alike).
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(tr("What the marks in the text mean"))
        self.provenance = QLabel()
        self.provenance.setAccessibleName(tr("Provenance of the document"))
        self.provenance.setWordWrap(True)
        self.provenance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.provenance.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.provenance.linkActivated.connect(lambda href: self._link(QUrl(href)))

        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_title = QLabel("<b>" + tr("Translation notes") + "</b>")
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
        doc_layout.addWidget(self.doc_bar)
        # Shown only when the stored text no longer matches its SHA-256: never presented as the original.
        self.altered = QLabel(tr(ALTERED_WARNING))
        self.altered.setWordWrap(True)
        self.altered.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.altered.setStyleSheet(
            "QLabel { background-color: #b3261e; color: white; font-weight: 600; padding: 6px; }"
        )
        self.altered.setVisible(False)
        doc_layout.addWidget(self.altered)
        doc_layout.addWidget(self.text_split, 1)
        self.foot = _Foot(self.legend, self.provenance)
        doc_layout.addWidget(self.foot)

        # The reader's notes and the first pass's proposals share the middle: an uncatalogued event opens on
        # its proposals (issue 18), any other on the notes.
        self.proposals = ProposalsPanel(_SUGGESTION_LABELS)
        self.proposals.decided.connect(self.suggestionsDecided)
        self.proposals.passageRequested.connect(self._show_passage)
        self.proposals.eventRequested.connect(self.eventClicked)
        self.tabs = QTabWidget()
        self.tabs.tabBar().setUsesScrollButtons(True)  # a narrow pane scrolls its tabs, never widens for them
        self.tabs.setAccessibleName(tr("Your notes, proposals and history"))
        self.tabs.tabBar().setAccessibleName(tr("Tabs: your notes, proposals, history"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._user_notes_box(), tr("Your notes"))
        self.tabs.addTab(self.proposals, tr("Proposals"))
        self.history = HistoryPanel()
        self.tabs.addTab(self.history, tr("History"))
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.header)
        self.split.addWidget(self.tabs)
        self.split.addWidget(doc_area)
        # The event's header reads whole at 1280×800 before the tabs take room (an empty notes box took
        # more than the header, which then scrolled).
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 2)
        self.split.setStretchFactor(2, 7)
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
        # Why the catalogue cannot be changed here while one's own notes can (a reader's role, issue 21).
        self.catalogue_reason: str | None = None
        self.user_notes = _browser(52)
        # Asks for no more than its least height: the pane's first layout then gives the room to the
        # document (a browser's usual wish, ~190 px, left a short window three lines of the original).
        self.user_notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.user_notes.setAccessibleName(tr("Your notes"))
        self.user_notes.anchorClicked.connect(self._link)
        self.note_editor = QPlainTextEdit()
        self.note_editor.setAccessibleName(tr("New note"))
        self.note_placeholder = NOTE_PLACEHOLDER  # SHARED_NOTE_PLACEHOLDER on a shared archive
        self.note_editor.setPlaceholderText(tr(NOTE_PLACEHOLDER))
        self.note_editor.setMaximumHeight(self.fontMetrics().height() * 3)
        self.note_editor.setTabChangesFocus(True)
        # Esc in the note being edited gives up the edit (the note stays as it was).
        cancel_edit = QAction(tr("Cancel the note edit"), self.note_editor)
        cancel_edit.setShortcut(QKeySequence("Esc"))
        cancel_edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        cancel_edit.triggered.connect(self._escape_note)
        self.note_editor.addAction(cancel_edit)
        self.note_save = QPushButton(tr("Add note"))
        self.note_save.clicked.connect(self._save_note)
        self.note_cancel = QPushButton(tr("Cancel"))
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
        layout.addWidget(self.user_notes, 1)
        layout.addLayout(row)
        return box

    def _render_proposals(self, same_event: bool) -> None:
        d = self.detail
        doc = d.documents[0] if d is not None and d.documents and d.row.uncatalogued else None
        rows = self.proposal_rows(doc) if doc is not None else []
        self.proposals.show_proposals(doc.id if doc is not None else None, rows)
        open_ = sum(1 for r in rows if r.decision is None)
        self.tabs.setTabText(1, f"{tr('Proposals')} ({open_})" if rows else tr("Proposals"))
        self.tabs.setTabEnabled(1, bool(rows))
        notes = len(d.user_notes) if d is not None else 0
        self.tabs.setTabText(0, f"{tr('Your notes')} ({notes})" if notes else tr("Your notes"))
        history, conflicts = (d.history, d.conflicts) if d is not None else ([], [])
        self.history.show_history(history, conflicts)
        label = f"{tr('History')} ({len(history)})" if history else tr("History")
        self.tabs.setTabText(2, f"{label} • {plural(len(conflicts), 'conflict')}" if conflicts else label)
        if not same_event:  # open on what asks for a decision: proposals, then conflicts, else the notes
            self.tabs.setCurrentIndex(1 if open_ else 2 if conflicts else 0)

    def set_catalogue_read_only(self, reason: str | None) -> None:
        """The person may keep notes but not change the catalogue: proposals and passages say why."""
        self.catalogue_reason = reason
        self.proposals.read_only = reason is not None or self.read_only_reason is not None

    def set_read_only(self, reason: str | None) -> None:
        """A read-only store: notes are shown but cannot be added, edited or deleted (and say why)."""
        self.read_only_reason = reason
        self.proposals.read_only = reason is not None
        self._cancel_note_edit()
        self._render_user_notes()

    def _render_user_notes(self) -> None:
        d = self.detail
        muted = self._colours["muted"]
        can_write = d is not None and self.read_only_reason is None
        self.note_editor.setEnabled(can_write)
        self.note_save.setEnabled(can_write)
        if self.read_only_reason:
            self.note_editor.setPlaceholderText(
                tr("Read-only: {reason}").format(reason=self.read_only_reason)
            )
        elif d is not None:
            self.note_editor.setPlaceholderText(tr(self.note_placeholder))
        if d is None:
            self._set_html(self.user_notes, "")
            return
        if not d.user_notes:
            empty = html.escape(tr("No notes of yours on this event yet."))
            self._set_html(self.user_notes, f"<p style='color:{muted}'>{empty}</p>")
            return
        # The words around the notes, translated once for the list.
        edited = html.escape(tr("edited {time} UTC"))
        edit, delete = html.escape(tr("edit")), html.escape(tr("delete"))
        parts = []
        for n in d.user_notes:
            # Written, and edited when it was: an edit within the same minute still says so.
            when = html.escape(n.created[:16].replace("T", " ")) + " UTC"
            if n.updated != n.created:
                when += " · " + edited.format(time=html.escape(n.updated[:16].replace("T", " ")))
            actions = (
                f" · <a href='unote-edit:{n.id}'>{edit}</a> · <a href='unote-delete:{n.id}'>{delete}</a>"
                if can_write
                else ""
            )
            parts.append(
                f"<p style='margin:0 0 6px 0'><span style='white-space:pre-wrap'>{html.escape(n.text)}</span>"
                f"<br><span style='color:{muted}'>{when}{actions}</span></p>"
            )
        self._set_html(self.user_notes, "".join(parts))

    def _save_note(self) -> None:
        body = self.note_editor.toPlainText().strip()
        if self.detail is None or self.read_only_reason:
            return
        if not body:
            self.message.emit(tr("Type the note first; to remove a note, use its delete link."))
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
        self.note_save.setText(tr("Save"))
        self.note_cancel.setVisible(True)
        self.note_editor.setFocus()

    def _escape_note(self) -> None:
        if self.editing_note is not None:
            self._cancel_note_edit()
        else:
            self.note_editor.clear()

    def _cancel_note_edit(self) -> None:
        if self.editing_note is not None:
            self.note_editor.clear()
        self.editing_note = None
        self.note_save.setText(tr("Add note"))
        self.note_cancel.setVisible(False)

    def delete_note(self, note_id: int, confirm: bool = True) -> None:
        """Ask first (a note is the reader's own work, not something the archive can rebuild)."""
        if not confirm:
            self.noteDeleteRequested.emit(note_id)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Delete note"),
            tr("Delete this note? It cannot be brought back."),
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
        self._render_proposals(same_event)
        self.doc_picker.blockSignals(True)
        self.doc_picker.clear()
        if detail:
            for doc in detail.documents:
                lang = language_name(doc.language)
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
        then: Callable[[], None] | None = None
        if index is not None and self.document is not None:
            note = self.document.notes[index]
            # A passage inside collapsed debris is opened so the reader sees what the note is about.
            for i, d in enumerate(self._debris(self.document)):
                if d.start <= note.start < d.end:
                    self.expanded_debris.add(i)

            def then() -> None:
                self._scroll_to(note.quote, note.start)

        # A long document is scrolled once it is all shown: the passage may be in its last slice.
        self._render_document(then)

    def _scroll_to(self, quote: str, start: int) -> None:
        """Bring a passage into view, selected: the same occurrence of its first line in the rendered text."""
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
            # Left selected: the passage a proposal or a note points at is highlighted where it is.
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    # ------------------------------------------------------------------ rendering

    def _header_html(self) -> str:
        d = self.detail
        muted = self._colours["muted"]
        if d is None:
            empty = html.escape(tr("Select an event to see what the archive knows about it."))
            return f"<p style='color:{muted}'>{empty}</p>"
        r = d.row
        parts = [f"<h3>{html.escape(display_title(r.title))}</h3>"]
        facts = [html.escape(type_name(r.type)), html.escape(local_date(display_range(d.start, d.end)))]
        if d.mode and d.mode != "unknown":
            facts.append(html.escape(mode_name(d.mode)))
        if d.place:
            facts.append(f"<a href='entity:{d.place.id}'>{html.escape(d.place.name)}</a>")
        elif r.place:  # a place the first pass proposed that the authority does not have
            facts.append(html.escape(r.place))
        parts.append(" · ".join(facts))
        if r.uncatalogued:
            parts.append(self._first_pass_html(d))
        certainty = d.start.certainty
        date_line = html.escape(
            tr(DATE_CERTAINTY[certainty])
            if certainty in DATE_CERTAINTY
            else tr("Date {certainty}").format(certainty=certainty)
        )
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
                    f"<tr><td valign='top' style='color:{muted}; padding-right:8px'>"
                    f"{html.escape(role_name(role))}</td>"
                    f"<td>{'; '.join(by_role[role])}</td></tr>"
                )
            parts.append("<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>")
        if d.parent:
            link = f"<a href='event:{html.escape(d.parent[0])}'>{html.escape(d.parent[1])}</a>"
            parts.append(f"<p>{html.escape(tr('Part of: {event}')).format(event=link)}</p>")
        if d.children:
            links = "; ".join(f"<a href='event:{html.escape(k)}'>{html.escape(t)}</a>" for k, t in d.children)
            parts.append(f"<p>{html.escape(tr('Includes: {events}')).format(events=links)}</p>")
        others: dict[str, str] = {}
        for doc in d.documents:
            others.update({k: t for k, t in doc.other_events if k not in {c for c, _ in d.children}})
        if others:
            links = "; ".join(
                f"<a href='event:{html.escape(k)}'>{html.escape(t)}</a>" for k, t in others.items()
            )
            also = html.escape(tr("The same source also reports: {events}"))
            parts.append(f"<p>{also.format(events=links)}</p>")
        evidence = html.escape(tr("Evidence ({document}): {quote}"))
        for e in d.evidence:
            line = evidence.format(document=html.escape(e.document), quote=f"<i>“{html.escape(e.quote)}”</i>")
            parts.append(f"<p style='color:{muted}'>{line}</p>")
        return "".join(parts)

    def _first_pass_html(self, d: EventDetail) -> str:
        """An uncatalogued event's note: made by the first pass, not yet checked; its proposals are listed,
        and decided, in the Proposals panel below."""
        muted = self._colours["muted"]
        uncatalogued = tr(
            "Uncatalogued: made automatically from an imported document and not yet checked by an archivist."
        )
        head = f"<p style='color:{muted}'><i>{html.escape(uncatalogued)}</i>"
        doc = d.documents[0] if d.documents else None
        if doc is None or not doc.suggestions:
            return head + "</p>"
        open_ = sum(1 for s in doc.suggestions if s.decision is None)
        proposes = html.escape(
            tr(
                "The first pass proposes {n} things ({open} to decide): see {proposals} below — "
                "{a} accepts, {r} rejects, {enter} shows the passage."
            )
        ).format(
            n=len(doc.suggestions),
            open=open_,
            proposals=f"<a href='proposals:'>{html.escape(tr('Proposals'))}</a>",
            a="<b>A</b>",
            r="<b>R</b>",
            enter="<b>Enter</b>",
        )
        return f"{head}<br>{proposes}</p>"

    def proposal_rows(self, doc: DocumentDetail) -> list[ProposalRow]:
        """The document's proposals as the panel lists them: the words read for another name or a short
        name (the entity is in the reason), another event's title for a same-event proposal."""
        rows = []
        for s in doc.suggestions:
            value, reason, event = s.value, s.reason, None
            if s.kind in ("alias_of", "context_link") and s.start is not None and s.end is not None:
                value = doc.text[s.start : s.end]
            if s.kind == "same_event":
                title, _, reason = s.reason.rpartition(": ")
                value, event = title or s.value, s.value
            rows.append(
                ProposalRow(s.id, s.kind, value, s.confidence, reason, s.decision, s.start, s.end, event)
            )
        return rows

    def _debris(self, doc: DocumentDetail) -> list[DebrisInfo]:
        """The document's debris as shown (runs joined: one placeholder for a page's menus and bylines);
        ``expanded_debris`` counts in this list."""
        if self._grouped is None or self._grouped[0] != doc.id:
            self._grouped = (doc.id, grouped_debris(doc.text, doc.debris))
        return self._grouped[1]

    def _show_passage(self, doc_id: int, start: int, end: int) -> None:
        """Open the document a proposal was read from and bring its passage into view."""
        if self.detail is None:
            return
        doc = next((x for x in self.detail.documents if x.id == doc_id), None)
        if doc is None or not 0 <= start < end <= len(doc.text):
            return
        if self.document is None or self.document.id != doc_id:
            self.document = doc
            self.doc_picker.setCurrentIndex(self.detail.documents.index(doc))
        for i, debris in enumerate(self._debris(doc)):  # a passage in collapsed debris is opened first
            if debris.start < end and start < debris.end:
                self.expanded_debris.add(i)
        self._render_document(lambda: self._scroll_to(doc.text[start:end], start))

    def _render_document(self, then: Callable[[], None] | None = None) -> None:
        """Show the current document with its marks; ``then`` runs once it is all shown."""
        doc = self.document
        # Every render supersedes the one before: its worker result and its remaining slices are dropped.
        event_id = self.detail.row.id if self.detail is not None else None
        self._request = _Request(self._request.number + 1, event_id, doc.id if doc is not None else 0)
        self._long = self._progress = None
        altered = doc is not None and doc.verified is False
        self.altered.setVisible(altered)
        self.original_button.setText(tr("Altered copy") if altered else tr("Original"))
        if doc is None:
            self._text_shows = None
            self._set_html(self.text, "")
            self._set_html(self.notes, "")
            self.provenance.setText("")
            return
        if len(doc.text) > SYNC_CHARS:
            self._render_long(doc, then)
            return
        # The reader's place is kept when the same document of the same event is shown again (a note
        # selected, a search typed); another one opens at its top.
        same_text = self._text_shows == (event_id, doc.id)
        self._text_shows = (event_id, doc.id)
        named = [(m.start, m.end) for m in doc.mentions if m.entity.id in self.search_entities]
        matches = sorted({*search_spans(doc.text, self.query), *named})
        marks = Marks(
            mentions=doc.mentions,
            notes=doc.notes,
            debris=self._debris(doc),
            matches=matches,
            selected_note=self.selected_note,
            expanded_debris=frozenset(self.expanded_debris),
        )
        colours = self._colours
        dir_attr = ""
        # Side by side only where there is something to put beside the original (an English page has no
        # rendering: an empty column would be all it showed).
        self.side_button.setEnabled(bool(doc.renderings))
        self.side_button.setToolTip(tr(SIDE_BY_SIDE_TIP) if doc.renderings else tr(NO_RENDERING))
        if self.side_by_side and doc.renderings:
            body = render_side_by_side(doc.text, marks, doc.renderings, colours, self.query)
        else:
            body = (
                f"<div style='white-space:pre-wrap'{dir_attr}>{render_text(doc.text, marks, colours)}</div>"
            )
        scroll = self.text.verticalScrollBar().value() if same_text else 0
        kept = self.text.textCursor()
        selection = None
        if same_text and kept.hasSelection():
            selection = (kept.selectionStart(), kept.selectionEnd())
        changed = self._set_html(self.text, body)
        if changed and selection is not None:
            # The same text marked anew (the names a search found arrived): the match shown stays selected.
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(min(selection[0], self.text.document().characterCount() - 1))
            cursor.setPosition(
                min(selection[1], self.text.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            self.text.setTextCursor(cursor)
        if changed or not same_text:
            self.text.verticalScrollBar().setValue(scroll)
        self._show_legend()
        if self.query and (changed or not same_text) and self._query_shown != (event_id, doc.id, self.query):
            self._query_shown = (event_id, doc.id, self.query)
            self.next_match(from_start=True)  # a new search, or a new text: its first hit in view
        self._show_notes_and_provenance(doc)
        if then is not None:
            then()

    def _show_legend(self) -> None:
        c = self._colours

        def swatch(colour: str, label: str) -> str:
            return f"<span style='background-color:{colour}'>&nbsp;{label}&nbsp;</span>"

        parts = [swatch(c["mention"], tr("name")), swatch(c["note"], tr("translation note"))]
        if self.query:
            parts.append(swatch(c["match"], tr("search match (F3 next, Shift+F3 previous)")))
        parts.append(f"<span style='color:{c['muted']}'>{tr('[+ page chrome: click to show]')}</span>")
        self.legend.setText(" ".join(parts))
        self.foot.refit()

    def match_spans(self) -> list[tuple[int, int]]:
        """Where the search matches are in the text shown (positions in its QTextDocument), in order."""
        colour = QColor(self._colours["match"])
        spans: list[tuple[int, int]] = []
        block = self.text.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().background().color() == colour:
                    start, end = fragment.position(), fragment.position() + fragment.length()
                    if spans and spans[-1][1] == start:
                        spans[-1] = (spans[-1][0], end)  # one hit split across formats
                    else:
                        spans.append((start, end))
                it += 1
            block = block.next()
        return spans

    def next_match(self, forward: bool = True, from_start: bool = False) -> int | None:
        """Select the next (or previous) search match after the cursor, wrapping round, and scroll it into
        view; its number (1-based), or None when the text shown has none."""
        spans = self.match_spans()
        if not spans:
            return None
        at = -1 if from_start else self.text.textCursor().selectionStart()
        if forward:
            index = next((i for i, (s, _e) in enumerate(spans) if s > at), 0)
        else:
            index = next((i for i in range(len(spans) - 1, -1, -1) if spans[i][0] < at), len(spans) - 1)
        start, end = spans[index]
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        self.message.emit(tr("Match {n} of {total}").format(n=index + 1, total=len(spans)))
        return index + 1

    def _show_notes_and_provenance(self, doc: DocumentDetail) -> None:
        self._set_html(self.notes, notes_html(doc.notes, self.selected_note, self.query, self._colours))
        self.provenance.setText(self._provenance_html(doc))
        self.foot.refit()
        self.provenance.setToolTip(f"SHA-256 {doc.sha256}\n{doc.path}")

    # ------------------------------------------------------------------ long documents

    def _runner(self) -> TaskRunner | None:
        """The window's worker runner (the pane is made before it is put in the window)."""
        if self.runner is None:
            found = getattr(self.window(), "runner", None)
            self.runner = found if isinstance(found, TaskRunner) else None
        return self.runner

    def _render_long(self, doc: DocumentDetail, then: Callable[[], None] | None) -> None:
        """Mark a long document on a worker, then show it in slices (see SYNC_CHARS).

        A different document is previewed at once as plain text; the one already shown stays as it is
        until its new marks are ready, and the reader's place in it is kept.
        """
        request = self._long = self._request
        shows = (request.event_id, doc.id)
        keep_scroll: int | None = None
        if self._text_shows == shows:
            keep_scroll = self.text.verticalScrollBar().value()
        else:
            self._text_shows = shows
            cut = doc.text.rfind("\n", 0, PREVIEW_CHARS)
            cut = cut if cut > 0 else PREVIEW_CHARS
            marking = tr("Marking names in the rest of this document ({n:,} characters)…")
            self._set_html(
                self.text,
                f"{_PRE}{html.escape(doc.text[:cut])}</div><p style='color:{self._colours['muted']}'>"
                f"{html.escape(marking).format(n=len(doc.text))}</p>",
            )
        self._show_notes_and_provenance(doc)
        args = (
            request,
            doc.text,
            doc.mentions,
            doc.notes,
            self._debris(doc),
            doc.renderings,
            self.search_entities,
            self.query,
            self.selected_note,
            frozenset(self.expanded_debris),
            self.side_by_side,
            dict(self._colours),
        )

        def done(rendered: _Rendered) -> None:
            self._start_slices(rendered, keep_scroll, then)

        runner = self._runner()
        if runner is None:  # a pane on its own (no window): work it out here, show it in slices still
            done(_render_long(*args))
            return
        runner.run(
            lambda: _render_long(*args),
            done,
            lambda exc: self._render_failed(request, exc),
            key="detail-html",
        )

    def _render_failed(self, request: _Request, exc: BaseException) -> None:
        if request == self._request:  # the runner has logged it
            self._long = None
            failed = html.escape(tr("This document could not be shown: {error}"))
            self._set_html(self.text, f"<p>{failed.format(error=html.escape(str(exc)))}</p>")

    def _start_slices(
        self, rendered: _Rendered, keep_scroll: int | None, then: Callable[[], None] | None
    ) -> None:
        if rendered.request != self._request:
            return  # asked for another event, document or marks since: a newer result is on its way
        if self._shown_html.get(id(self.text)) == rendered.body:
            self._long = None  # the same marks as shown already
            if then is not None:
                then()
            return
        self._shown_html.pop(id(self.text), None)  # shown in part until the last slice is in
        self._progress = _Progress(rendered, keep_scroll, then)
        self._next_slice(rendered.request)

    def _schedule_slice(self, request: _Request) -> None:
        # A zero timer: paints and input are handled between slices. Through the runner when there is
        # one, so that it counts as busy (tests and screenshots wait for the whole document).
        runner = self._runner()
        if runner is not None:
            runner.later(0, lambda: self._next_slice(request))
        else:
            QTimer.singleShot(0, self, lambda: self._next_slice(request))

    def _next_slice(self, request: _Request) -> None:
        """Show the next slice of a long document, as much as takes about SLICE_SECONDS."""
        progress = self._progress
        if progress is None or request != self._request:
            return  # another event or document was selected: the rest of this one is not shown
        rendered, pieces = progress.rendered, progress.rendered.pieces
        started = time.perf_counter()
        end = _slice_end(pieces, progress.index, progress.budget, rendered.lines)
        fragment = "".join(pieces[progress.index : end])
        if progress.index == 0:
            self.text.setHtml(rendered.first[0] + fragment + rendered.first[1])
        else:
            if end == len(pieces) and rendered.lines and fragment.endswith("\n"):
                # Qt drops the last line break of a whole document given at once, not of one added to it.
                fragment = fragment[:-1]
            cursor = QTextCursor(self.text.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertHtml(rendered.more[0] + fragment + rendered.more[1])
        progress.index = end
        progress.slices += 1
        elapsed = time.perf_counter() - started
        progress.timings.append(elapsed)
        # Size the next slice from this one's time per character (bounded: one slow slice under load
        # must not shrink the rest to nothing).
        scale = SLICE_SECONDS / max(elapsed, 1e-4)
        progress.budget = int(min(MAX_SLICE, max(MIN_SLICE, progress.budget * min(4.0, max(0.25, scale)))))
        bar = self.text.verticalScrollBar()
        if progress.keep_scroll is not None and bar.maximum() >= progress.keep_scroll:
            bar.setValue(progress.keep_scroll)  # the reader's place is shown already: keep it there
        if end < len(pieces):
            self._schedule_slice(request)
            return
        self._long = self._progress = None
        self._shown_html[id(self.text)] = rendered.body
        self.slice_times = progress.timings
        if progress.keep_scroll is not None:
            bar.setValue(progress.keep_scroll)
        if progress.then is not None:
            progress.then()

    @property
    def rendering(self) -> bool:
        """Whether a long document is still being marked or shown (for tests and benchmarks)."""
        return self._long is not None

    def _provenance_html(self, doc: DocumentDetail) -> str:
        muted = self._colours["muted"]
        lang = language_name(doc.language)
        if doc.detected_language != doc.language:
            lang = tr("{language} (detected: {detected})").format(
                language=lang, detected=doc.detected_language
            )
        lang = html.escape(lang)
        proposed = next((s for s in doc.suggestions if s.kind == "published"), None)
        published = "; ".join(
            f"{p.date} ({html.escape(p.label)})" if p.label else p.date for p in doc.published
        ) or (
            tr("{value}? (read by the first pass)").format(value=proposed.value)
            if proposed
            else tr("not stated")
        )
        altered = (
            " <b style='color:#b3261e'>· "
            + html.escape(tr("the stored text no longer matches: not the original"))
            + "</b>"
            if doc.verified is False
            else ""
        )
        translation = ""
        if doc.is_translation:
            kind = doc.translation_kind
            translation = " · " + html.escape(
                tr("translation from {language} ({kind})").format(
                    language=language_name(doc.translated_from),
                    kind=translation_kind_name(kind),
                )
            )
        size = html.escape(tr("{n:,} bytes").format(n=doc.size))
        published = html.escape(tr("published {date}")).format(date=html.escape(published))
        return (
            f"<span style='color:{muted}'>{html.escape(doc.filename)} · {lang} · {doc.scripts} · "
            f"{doc.encoding} · {size}{translation} · {published}<br>"
            f"SHA-256 <span style='font-family:monospace'>{doc.sha256[:16]}…{doc.sha256[-8:]}</span> "
            f"<a href='copy:sha256'>{html.escape(tr('copy'))}</a></span>{altered}"
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
            self.message.emit(tr("Copied the SHA-256 of {file}").format(file=self.document.filename))
        elif scheme == "passage":
            doc_id, start, end = (int(x) for x in value.split(":"))
            self._show_passage(doc_id, start, end)
        elif scheme == "debris":
            self.expanded_debris.add(int(value))
            self._render_document()
        elif scheme == "proposals":
            self.tabs.setCurrentWidget(self.proposals)
            self.proposals.list.setFocus()
        elif scheme == "unote-edit":
            self.edit_note(int(value))
        elif scheme == "unote-delete":
            self.delete_note(int(value))
        elif scheme in ("tnote-edit", "tnote-delete") and self.document is not None:
            signal = self.passageNoteEdit if scheme == "tnote-edit" else self.passageNoteDelete
            signal.emit(self.document.id, value)

    # ------------------------------------------------------------------ notes on a selected passage

    def selected_passage(self) -> tuple[int, int] | None:
        """Where the words selected in the original lie in the document's text: the same occurrence of the
        same words outside the debris shown collapsed; None when nothing of the original is selected."""
        doc = self.document
        cursor = self.text.textCursor()
        if doc is None or not cursor.hasSelection():
            return None
        words = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        if not words.strip():
            return None
        shown = self.text.document().toPlainText()
        occurrence = shown.count(words, 0, cursor.selectionStart())
        collapsed = [d for i, d in enumerate(self._debris(doc)) if i not in self.expanded_debris]
        at, seen = doc.text.find(words), 0
        while at >= 0:
            end = at + len(words)
            if not any(d.start < end and at < d.end for d in collapsed):
                if seen == occurrence:
                    return at, end
                seen += 1
            at = doc.text.find(words, at + 1)
        return None

    def request_passage_note(self) -> None:
        """Add a translation note on the selected words of the original (what the menu and the key do)."""
        if self.read_only_reason or self.catalogue_reason:
            why = self.read_only_reason or self.catalogue_reason
            self.message.emit(tr("Read-only: {reason}").format(reason=why))
            return
        span = self.selected_passage()
        if span is None or self.document is None:
            self.message.emit(tr("Select words of the original text first, then add a note on them."))
            return
        self.passageNoteAdd.emit(self.document.id, span[0], span[1], self.document.text[span[0] : span[1]])

    def request_passage_link(self) -> None:
        """Link the selected words of the original to an entity (what the menu and the key do)."""
        if self.read_only_reason or self.catalogue_reason:
            why = self.read_only_reason or self.catalogue_reason
            self.message.emit(tr("Read-only: {reason}").format(reason=why))
            return
        span = self.selected_passage()
        if span is None or self.document is None:
            self.message.emit(tr("Select the words of the original that name the entity first."))
            return
        self.passageLinkRequested.emit(
            self.document.id, span[0], span[1], self.document.text[span[0] : span[1]]
        )

    def _text_menu(self, at: QPoint) -> None:
        menu = self.text.createStandardContextMenu(at)
        menu.addSeparator()
        can = self.text.textCursor().hasSelection() and not self.read_only_reason
        add = menu.addAction(tr("Add translation note on the selection…"))
        add.setEnabled(can)
        add.triggered.connect(self.request_passage_note)
        linking = menu.addAction(tr("Link the selection to an entity…"))
        linking.setEnabled(can)
        linking.triggered.connect(self.request_passage_link)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.text.viewport().mapToGlobal(at))

    def _pick_document(self, index: int) -> None:
        if self.detail and 0 <= index < len(self.detail.documents):
            self.document = self.detail.documents[index]
            self.selected_note = None
            self.expanded_debris = set()
            self._render_document()

    def _set_side_by_side(self, on: bool) -> None:
        self.side_by_side = on
        # Two columns of text need the pane's whole width: the translation notes go under them (beside
        # them, each column was a word or two wide and long Russian words broke in the middle).
        orientation = Qt.Orientation.Vertical if on else Qt.Orientation.Horizontal
        if self.text_split.orientation() != orientation:
            self.text_split.setOrientation(orientation)
            total = self.text_split.height() if on else self.text_split.width()
            self.text_split.setSizes(
                [total * 3 // 4, total - total * 3 // 4] if on else [total * 3 // 5, total * 2 // 5]
            )
        self._render_document()

    def _toggle_all_debris(self, on: bool) -> None:
        self.expanded_debris = set(range(len(self._debris(self.document)))) if on and self.document else set()
        self._render_document()

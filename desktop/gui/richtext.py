"""HTML for the detail pane: the original text exactly as received, with its marks (no Qt here but tr(), the
window's words in its language: thread-safe, so a worker may render too).

Everything shown is the original's own characters; marks only colour spans of it. Debris is collapsed to a
labelled placeholder the reader can expand — marked, never removed.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from heapq import heappop, heappush
from itertools import pairwise

from desktop.gui.i18n import N_, tr
from desktop.gui.valuenames import certainty_name, note_kind_name
from desktop.services import (
    DebrisInfo,
    MentionInfo,
    NoteInfo,
    Query,
    QueryError,
    RenderingInfo,
    match_spans,
    parse_query,
)
from desktop.textspans import SpanSet, paragraphs

# The kinds of page chrome (catalogue DEBRIS_KINDS), named in the window's language where they are shown; the
# data keeps its own words.
CHROME_KINDS = {
    "navigation": N_("navigation"),
    "metadata": N_("metadata"),
    "headline-list": N_("headline-list"),
    "duplicate-title": N_("duplicate-title"),
    "credit": N_("credit"),
    "other": N_("other"),
}


def chrome_kind(kind: str) -> str:
    """A debris span's kind as shown: each of a grouped run's kinds ("navigation, metadata") in the window's
    language (a kind the window does not know is shown as it is)."""
    return ", ".join(tr(CHROME_KINDS[k]) if k in CHROME_KINDS else k for k in kind.split(", "))


def grouped_debris(text: str, debris: Sequence[DebrisInfo]) -> list[DebrisInfo]:
    """Debris as the pane shows it: a run of spans with only white space between them (a page's menu bar,
    its date line, its credits, one line each) is one span with one placeholder, not a placeholder a line."""
    out: list[DebrisInfo] = []
    for d in sorted(debris, key=lambda d: (d.start, d.end)):
        last = out[-1] if out else None
        if last is not None and not text[last.end : d.start].strip():
            kinds = last.kind.split(", ")
            kind = last.kind if d.kind in kinds else f"{last.kind}, {d.kind}"
            out[-1] = replace(last, end=max(last.end, d.end), kind=kind)
        else:
            out.append(d)
    return out


@dataclass(frozen=True)
class Marks:
    """What to colour in one document."""

    mentions: Sequence[MentionInfo] = ()
    notes: Sequence[NoteInfo] = ()
    debris: Sequence[DebrisInfo] = ()
    matches: Sequence[tuple[int, int]] = ()
    selected_note: int | None = None
    expanded_debris: frozenset[int] = frozenset()


def search_spans(
    text: str, query: str | Query | None, fields: Iterable[str] = ("original",)
) -> list[tuple[int, int]]:
    """Where a search matches in a text of the given index fields, by the full-text index's own rules."""
    return match_spans(text, query, fields)


# What each kind of span is to the sweep below.
_MENTION, _NOTE, _MATCH, _DEBRIS = range(4)


class MarkRenderer:
    """Renders windows of one document with its marks, in one sweep over their sorted boundaries.

    The old renderer cut the text at every mark's ends and then, for every piece, scanned every mark for
    those covering it: quadratic, 81 s on the GUI thread for a 1.1 MB name-dense document. Here the marks
    are sorted by start once; going left to right, each piece adds the marks that start at or before it to
    heaps and drops, lazily, those that end before it, so a document costs O((text + marks) log marks).
    The HTML is byte for byte the old renderer's (``tests/reliability/test_hostile_perf.py`` compares them).

    Windows (``render``) must come in order and not overlap — paragraphs, or the slices of a document
    rendered progressively: the heaps carry over from one to the next.
    """

    def __init__(self, marks: Marks, colours: dict[str, str]) -> None:
        self.marks = marks
        self.colours = colours
        # Every mark as (start, end, kind, ref) in four flat lists of ints, not a tuple each: tens of
        # thousands of live containers would set off a full garbage collection, which holds the GIL and so
        # the GUI thread (60-70 ms with a 2 MB document's detail in memory).
        starts = [m.start for m in marks.mentions]
        ends = [m.end for m in marks.mentions]
        kinds = [_MENTION] * len(starts)
        refs = list(range(len(starts)))
        starts += [n.start for n in marks.notes]
        ends += [n.end for n in marks.notes]
        kinds += [_NOTE] * len(marks.notes)
        refs += range(len(marks.notes))
        starts += [s for s, _e in marks.matches]
        ends += [e for _s, e in marks.matches]
        kinds += [_MATCH] * len(marks.matches)
        refs += [0] * len(marks.matches)
        starts += [d.start for d in marks.debris]
        ends += [d.end for d in marks.debris]
        kinds += [_DEBRIS] * len(marks.debris)
        refs += range(len(marks.debris))
        # Sorted by start (stable: ties keep their order, which never matters since each kind has its heap).
        order = sorted(range(len(starts)), key=starts.__getitem__)
        self._starts = [starts[i] for i in order]
        self._ends = [ends[i] for i in order]
        self._kinds = [kinds[i] for i in order]
        self._refs = [refs[i] for i in order]
        self._bounds = sorted({*starts, *ends})
        self._next = 0  # the first mark not yet added
        self._mention_end = [m.end for m in marks.mentions]
        self._debris_end = [d.end for d in marks.debris]
        # Active marks, each heap lazily rid of those that ended before the current piece:
        self._mentions: list[int] = []  # refs: the first mention covering a piece is the smallest
        self._notes: list[int] = []  # ends of notes other than the selected one
        self._matches: list[int] = []  # ends of search matches
        self._debris: list[int] = []  # ends of every debris span
        self._collapsed: list[int] = []  # refs of debris not expanded: the first one's placeholder shows
        self._selected: tuple[int, int] | None = None
        # The collapsed debris's placeholder, translated once per renderer (not once per placeholder), and
        # each kind's name as shown (a document has few kinds, and many placeholders of the same).
        self._placeholder = html.escape(
            tr("[+ {kind} — {n:,} characters, not part of the article: show]"), quote=False
        )
        self._kind_names: dict[str, str] = {}
        if marks.selected_note is not None and 0 <= marks.selected_note < len(marks.notes):
            note = marks.notes[marks.selected_note]
            self._selected = (note.start, note.end)

    def _add_until(self, a: int) -> None:
        starts, i = self._starts, self._next
        while i < len(starts) and starts[i] <= a:
            kind, ref, e = self._kinds[i], self._refs[i], self._ends[i]
            if kind == _MENTION:
                heappush(self._mentions, ref)
            elif kind == _NOTE:
                if ref != self.marks.selected_note:
                    heappush(self._notes, e)
            elif kind == _MATCH:
                heappush(self._matches, e)
            else:
                heappush(self._debris, e)
                if ref not in self.marks.expanded_debris:
                    heappush(self._collapsed, ref)
            i += 1
        self._next = i

    def render(self, text: str, start: int = 0, end: int | None = None, shown: set[int] | None = None) -> str:
        """HTML for ``text[start:end]``; ``shown``: debris whose placeholder was shown already (else new)."""
        return "".join(self.pieces(text, start, end, shown))

    def pieces(
        self, text: str, start: int = 0, end: int | None = None, shown: set[int] | None = None
    ) -> list[str]:
        """The HTML of ``text[start:end]`` as a list of whole elements (a progressive render's slices)."""
        end = len(text) if end is None else end
        if start < end:
            inner = self._bounds[bisect_right(self._bounds, start) : bisect_left(self._bounds, end)]
            bounds = [start, *inner, end]
        else:
            bounds = sorted({start, end})
        marks, colours = self.marks, self.colours
        shown_placeholder = set() if shown is None else shown
        mentions, notes, matches = self._mentions, self._notes, self._matches
        debris_heap, collapsed_heap, selected = self._debris, self._collapsed, self._selected
        mention_end, debris_end = self._mention_end, self._debris_end
        out: list[str] = []
        for a, b in pairwise(bounds):
            if a >= b:
                continue
            # A mark covers the piece [a, b) when it starts at or before a and ends at or after b (no mark
            # ends inside a piece: every end is a cut).
            self._add_until(a)
            for heap in (notes, matches, debris_heap):
                while heap and heap[0] < b:
                    heappop(heap)
            while mentions and mention_end[mentions[0]] < b:
                heappop(mentions)
            while collapsed_heap and debris_end[collapsed_heap[0]] < b:
                heappop(collapsed_heap)
            # No <a name> anchors: Qt puts an anchor's name on the first character only, which gives it a
            # format of its own and breaks Devanagari clusters apart. The pane scrolls by finding text
            # instead.
            if collapsed_heap:
                ref = collapsed_heap[0]
                if ref not in shown_placeholder:
                    shown_placeholder.add(ref)
                    d = marks.debris[ref]
                    kind = self._kind_names.get(d.kind)
                    if kind is None:
                        kind = self._kind_names[d.kind] = html.escape(chrome_kind(d.kind))
                    label = self._placeholder.format(kind=kind, n=d.end - d.start)
                    out.append(
                        f'<a href="debris:{ref}" style="color:{colours["muted"]}; text-decoration:none">'
                        f"{label}</a>"
                    )
                continue
            chunk = html.escape(text[a:b])
            is_selected = selected is not None and selected[0] <= a and b <= selected[1]
            if is_selected:
                background = colours["selected"]
            elif matches:
                background = colours["match"]
            elif notes:
                background = colours["note"]
            elif mentions:
                background = colours["mention"]
            elif debris_heap:
                background = colours["debris"]
            else:
                background = ""
            style = f"background-color:{background};" if background else ""
            if debris_heap:
                style += f"color:{colours['muted']};"
            if is_selected:
                style += "font-weight:600;"
            if mentions:
                entity = marks.mentions[mentions[0]].entity
                chunk = f'<a class="m" href="entity:{entity.id}" style="{style}">{chunk}</a>'
            elif style:
                chunk = f'<span style="{style}">{chunk}</span>'
            out.append(chunk)
        return out


def render_text(
    text: str, marks: Marks, colours: dict[str, str], start: int = 0, end: int | None = None
) -> str:
    """HTML for ``text[start:end]`` with every mark; offsets stay those of the whole original."""
    return MarkRenderer(marks, colours).render(text, start, end)


SIDE_TABLE = "<table width='100%' cellspacing='0' cellpadding='6' style='border-collapse:collapse'>"


def side_header() -> str:
    """The header row of the side-by-side table, in the window's language."""
    original = html.escape(tr("Original"))
    english = html.escape(tr("English — the archive's translation"), quote=False)
    return f"<tr><th align='left' width='50%'>{original}</th><th align='left' width='50%'>{english}</th></tr>"


def side_by_side_rows(
    text: str,
    marks: Marks,
    renderings: Iterable[RenderingInfo],
    colours: dict[str, str],
    query: str | None = None,
    cell: str = "<td valign='top'",
) -> list[str]:
    """The rows of :func:`render_side_by_side`, one per paragraph (a long document's are shown in slices).

    ``cell`` opens each cell: the slices of a long document are tables of their own, without the header
    row that sets the columns' widths, so their cells say it themselves.
    """
    by_paragraph = {r.paragraph: r for r in renderings}
    debris = SpanSet((d.start, d.end) for d in marks.debris)
    renderer = MarkRenderer(marks, colours)  # one sweep over the paragraphs, in order
    parsed = _parsed(query)  # once, not once per paragraph
    untranslated = html.escape(tr("(debris — not translated)"))
    rows = []
    for number, (start, end) in enumerate(paragraphs(text), start=1):
        left = renderer.render(text, start, end)
        rendering = by_paragraph.get(number)
        if rendering is not None:
            right = _highlight(rendering.text, parsed, colours, ("translation",))
        elif debris.covers(start, end):
            right = f"<span style='color:{colours['muted']}'>{untranslated}</span>"
        else:
            right = f"<span style='color:{colours['muted']}'>—</span>"
        rows.append(
            f"<tr>{cell} style='white-space:pre-wrap'>{left}</td>"
            f"{cell} style='border-left:1px solid {colours['muted']}'>{right}</td></tr>"
        )
    return rows


def render_side_by_side(
    text: str,
    marks: Marks,
    renderings: Iterable[RenderingInfo],
    colours: dict[str, str],
    query: str | None = None,
) -> str:
    """A two-column table: each paragraph of the original beside the archive's English rendering."""
    rows = side_by_side_rows(text, marks, renderings, colours, query)
    return SIDE_TABLE + side_header() + "".join(rows) + "</table>"


def notes_html(
    notes: Sequence[NoteInfo], selected: int | None, query: str | None, colours: dict[str, str]
) -> str:
    """The translation notes as a clickable list; the selected one highlighted, search words marked."""
    if not notes:
        empty = html.escape(tr("No translation notes for this document."))
        return f"<p style='color:{colours['muted']}'>{empty}</p>"
    # The words around the notes, translated once for the list.
    likely = html.escape(tr("likely original: {original}"), quote=False)
    by, a_reader = html.escape(tr("by {author}"), quote=False), tr("a reader")
    edit, delete = html.escape(tr("edit")), html.escape(tr("delete"))
    parts = []
    for i, n in enumerate(notes):
        background = f"background-color:{colours['selected']};" if i == selected else ""
        quote = n.quote if len(n.quote) <= 90 else n.quote[:87] + "…"
        certainty = f" · {html.escape(certainty_name(n.certainty))}" if n.certainty else ""
        kind = html.escape(note_kind_name(n.kind))
        original = f"<br>{likely.format(original=html.escape(n.original))}" if n.original else ""
        body = _highlight(n.text, query, colours)
        # A reader's own note (issue 18) says whose it is, and can be edited or deleted here.
        author = by.format(author=html.escape(n.author or a_reader))
        mine = (
            f"<br><span style='color:{colours['muted']}'>{author} · "
            f"<a href='tnote-edit:{html.escape(n.key)}'>{edit}</a> · "
            f"<a href='tnote-delete:{html.escape(n.key)}'>{delete}</a></span>"
            if n.key
            else ""
        )
        parts.append(
            f"<div style='{background} margin-bottom:6px'><a href='note:{i}'><b>{kind}</b></a>"
            f"<span style='color:{colours['muted']}'>{certainty}</span><br>"
            f"<i>“{html.escape(quote)}”</i><br>{body}{original}{mine}</div>"
        )
    return "".join(parts)


def _parsed(query: str | None) -> Query | None:
    """A search parsed once for the many texts it marks (a query that does not parse marks nothing)."""
    if not query:
        return None
    try:
        return parse_query(query)
    except QueryError:
        return None


def _highlight(
    text: str, query: str | Query | None, colours: dict[str, str], fields: Iterable[str] = ("notes",)
) -> str:
    spans = search_spans(text, query, fields)
    if not spans:
        return html.escape(text)
    out, pos = [], 0
    for s, e in spans:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<span style='background-color:{colours['match']}'>{html.escape(text[s:e])}</span>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)

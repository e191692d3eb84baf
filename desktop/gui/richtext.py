"""HTML for the detail pane: the original text exactly as received, with its marks (no Qt here).

Everything shown is the original's own characters; marks only colour spans of it. Debris is collapsed to a
labelled placeholder the reader can expand — marked, never removed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from desktop.search import match_spans
from desktop.store.detail import DebrisInfo, MentionInfo, NoteInfo, RenderingInfo
from desktop.textspans import paragraphs


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
    text: str, query: str | None, fields: Iterable[str] = ("original",)
) -> list[tuple[int, int]]:
    """Where a search matches in a text of the given index fields, by the full-text index's own rules."""
    return match_spans(text, query, fields)


def render_text(
    text: str, marks: Marks, colours: dict[str, str], start: int = 0, end: int | None = None
) -> str:
    """HTML for ``text[start:end]`` with every mark; offsets stay those of the whole original."""
    end = len(text) if end is None else end
    cuts = {start, end}
    spans: list[tuple[int, int, str, int]] = []
    for i, m in enumerate(marks.mentions):
        spans.append((m.start, m.end, "mention", i))
    for i, n in enumerate(marks.notes):
        spans.append((n.start, n.end, "selected" if i == marks.selected_note else "note", i))
    for s, e in marks.matches:
        spans.append((s, e, "match", 0))
    for i, d in enumerate(marks.debris):
        spans.append((d.start, d.end, "debris", i))
    for s, e, _kind, _ref in spans:
        cuts.update(x for x in (s, e) if start < x < end)
    out: list[str] = []
    shown_placeholder: set[int] = set()
    bounds = sorted(cuts)
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        active = [(kind, ref) for s, e, kind, ref in spans if s <= a and b <= e]
        debris = [ref for kind, ref in active if kind == "debris"]
        collapsed = [ref for ref in debris if ref not in marks.expanded_debris]
        # No <a name> anchors: Qt puts an anchor's name on the first character only, which gives it a
        # format of its own and breaks Devanagari clusters apart. The pane scrolls by finding text instead.
        if collapsed:
            ref = collapsed[0]
            if ref not in shown_placeholder:
                shown_placeholder.add(ref)
                d = marks.debris[ref]
                out.append(
                    f'<a href="debris:{ref}" style="color:{colours["muted"]}; text-decoration:none">'
                    f"[+ {html.escape(d.kind)} — {d.end - d.start:,} characters, not part of the article: "
                    f"show]</a>"
                )
            continue
        chunk = html.escape(text[a:b])
        kinds = {kind for kind, _ref in active}
        background = next(
            (colours[k] for k in ("selected", "match", "note", "mention", "debris") if k in kinds), ""
        )
        style = f"background-color:{background};" if background else ""
        if "debris" in kinds:
            style += f"color:{colours['muted']};"
        if "selected" in kinds:
            style += "font-weight:600;"
        mention = next((ref for kind, ref in active if kind == "mention"), None)
        if mention is not None:
            entity = marks.mentions[mention].entity
            chunk = f'<a class="m" href="entity:{entity.id}" style="{style}">{chunk}</a>'
        elif style:
            chunk = f'<span style="{style}">{chunk}</span>'
        out.append(chunk)
    return "".join(out)


def render_side_by_side(
    text: str,
    marks: Marks,
    renderings: Iterable[RenderingInfo],
    colours: dict[str, str],
    query: str | None = None,
) -> str:
    """A two-column table: each paragraph of the original beside the archive's English rendering."""
    by_paragraph = {r.paragraph: r for r in renderings}
    debris = [(d.start, d.end) for d in marks.debris]
    rows = [
        "<table width='100%' cellspacing='0' cellpadding='6' style='border-collapse:collapse'>",
        "<tr><th align='left' width='50%'>Original</th><th align='left' width='50%'>English — the archive's "
        "translation</th></tr>",
    ]
    for number, (start, end) in enumerate(paragraphs(text), start=1):
        left = render_text(text, marks, colours, start, end)
        rendering = by_paragraph.get(number)
        if rendering is not None:
            right = _highlight(rendering.text, query, colours, ("translation",))
        elif any(s <= start and end <= e for s, e in debris):
            right = f"<span style='color:{colours['muted']}'>(debris — not translated)</span>"
        else:
            right = f"<span style='color:{colours['muted']}'>—</span>"
        rows.append(
            f"<tr><td valign='top' style='white-space:pre-wrap'>{left}</td>"
            f"<td valign='top' style='border-left:1px solid {colours['muted']}'>{right}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def notes_html(
    notes: Sequence[NoteInfo], selected: int | None, query: str | None, colours: dict[str, str]
) -> str:
    """The translation notes as a clickable list; the selected one highlighted, search words marked."""
    if not notes:
        return f"<p style='color:{colours['muted']}'>No translation notes for this document.</p>"
    parts = []
    for i, n in enumerate(notes):
        background = f"background-color:{colours['selected']};" if i == selected else ""
        quote = n.quote if len(n.quote) <= 90 else n.quote[:87] + "…"
        certainty = f" · {html.escape(n.certainty)}" if n.certainty else ""
        original = f"<br>likely original: {html.escape(n.original)}" if n.original else ""
        body = _highlight(n.text, query, colours)
        parts.append(
            f"<div style='{background} margin-bottom:6px'><a href='note:{i}'><b>{html.escape(n.kind)}</b></a>"
            f"<span style='color:{colours['muted']}'>{certainty}</span><br>"
            f"<i>“{html.escape(quote)}”</i><br>{body}{original}</div>"
        )
    return "".join(parts)


def _highlight(
    text: str, query: str | None, colours: dict[str, str], fields: Iterable[str] = ("notes",)
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

"""One event's full detail, and one source document's, as the detail pane and ``show`` present them.

Two statements fetch an event: its row with everything hanging off the event (place, parent, parts,
participants, evidence, names, the reader's notes), then its documents with everything anchored to each
(publication dates, debris, mentions, translation notes, renderings, the other events they report). The
lists come back as JSON arrays built by correlated ``json_group_array`` sub-selects, so one round trip
returns them all instead of a query per table per document (there were 8 + 7 per document), and Python
only unpacks rows. Long texts (the original) stay plain columns: JSON would only copy them twice more.

The order of every list is the order its own query gave (``ORDER BY`` in the sub-select that feeds the
aggregate; SQLite aggregates a sub-query's rows in the order they come, and does not flatten an ordered
sub-query into an aggregate).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, TextClause, text

from desktop.dates import FuzzyDate
from desktop.store.dialect import spelled_for
from desktop.store.journal import SUGGESTION_KEY_SQL, EditRow
from desktop.store.queries import EntityRef, EventRow, _row
from desktop.textdigest import text_verified

# ------------------------------------------------------------------------------------------ results


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of a document's original text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """A name in the original, linked to its authority record."""

    start: int
    end: int
    text: str
    entity: EntityRef
    in_debris: bool


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """A translation note, anchored to the passage (``quote``) it is about."""

    kind: str
    text: str
    certainty: str | None
    original: str | None
    quote: str
    start: int
    end: int
    key: str | None = None  # a reader's note (issue 18): its key for editing and deleting
    author: str | None = None  # who wrote a reader's note; None for the archivists'


@dataclass(frozen=True, slots=True)
class SuggestionInfo:
    """A first-pass proposal for an uncatalogued document: a value, its span, how sure, why, which rule."""

    kind: str
    value: str
    start: int | None
    end: int | None
    confidence: float
    reason: str
    rule: str
    id: int = 0  # the number accepting or rejecting it takes
    decision: str | None = None  # accepted, rejected, or None: nobody has decided


@dataclass(frozen=True, slots=True)
class DebrisInfo:
    """Page debris (navigation, unrelated headlines): kept in the original, marked as not the article."""

    kind: str
    start: int
    end: int
    reason: str
    source: str


@dataclass(frozen=True, slots=True)
class RenderingInfo:
    """The archive's English rendering of one paragraph of the original."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PublishedInfo:
    """A publication date a document states (or that was inferred), with where it says so."""

    date: str
    precision: str
    certainty: str
    label: str
    start: int | None
    end: int | None


@dataclass
class DocumentDetail:
    """A source document as the detail pane shows it: the exact original and everything anchored to it."""

    id: int
    path: str
    filename: str
    sha256: str
    encoding: str
    size: int
    language: str
    detected_language: str | None
    script: str
    scripts: str
    title: str
    publisher: str | None
    summary: str | None
    is_translation: bool
    translated_from: str | None
    translation_kind: str | None
    translation_note: str | None
    catalogued: bool
    origin: str
    text: str
    published: list[PublishedInfo] = field(default_factory=list)
    debris: list[DebrisInfo] = field(default_factory=list)
    mentions: list[MentionInfo] = field(default_factory=list)
    notes: list[NoteInfo] = field(default_factory=list)
    renderings: list[RenderingInfo] = field(default_factory=list)
    other_events: list[tuple[str, str]] = field(default_factory=list)  # (key, title)
    suggestions: list[SuggestionInfo] = field(default_factory=list)  # the first pass's, when uncatalogued
    # Whether ``text`` still matches the digest recorded when it was stored (desktop.textdigest): False
    # means it was changed in the store and must never be presented as the original; None, no digest.
    verified: bool | None = None


@dataclass(frozen=True)
class ParticipantInfo:
    """Who took part in an event, in which role; ``document`` is the file that says so, if known."""

    entity: EntityRef
    role: str
    title: str | None
    document: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class EvidenceInfo:
    """A quote from a source document that supports the event as catalogued."""

    document: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class UserNoteInfo:
    """One of the reader's own notes on the event."""

    id: int
    text: str
    created: str
    updated: str


@dataclass
class EventDetail:
    """Everything the archive knows about one event."""

    row: EventRow
    summary: str | None
    mode: str
    start: FuzzyDate
    end: FuzzyDate
    place: EntityRef | None
    parent: tuple[str, str] | None
    children: list[tuple[str, str]]
    participants: list[ParticipantInfo]
    evidence: list[EvidenceInfo]
    documents: list[DocumentDetail]
    people: list[str]
    organisations: list[str]
    user_notes: list[UserNoteInfo]
    # What people changed of it (issue 18), newest last, and where a rebuild now says otherwise.
    history: list[EditRow] = field(default_factory=list)
    conflicts: list[tuple[str, Any, Any]] = field(default_factory=list)


# ------------------------------------------------------------------------------------------ SQL

# The event's row (the columns the list's EventRow is made of, named as queries._row reads them) and, as
# JSON arrays, what hangs off it. Related names are the people and organisations directly involved, by
# sort name (entity id breaks ties, as the primary key's order did before).
HISTORY_SHOWN = 200  # the newest edits the detail pane lists (the command line's `history` has them all)

_EVENT_SQL = """
SELECT e.id, e.key, e.title, e.type,
       e.start_date, e.start_precision, e.start_certainty, e.start_reason,
       e.end_date, e.end_precision, e.end_certainty, e.end_reason,
       e.place_name, e.countries, e.languages, e.source_count, e.uncatalogued,
       e.summary, e.mode,
       pl.id AS place_ref_id, pl.key AS place_ref_key, pl.type AS place_ref_type, pl.name AS place_ref_name,
       pa.key AS parent_key, pa.title AS parent_title,
       (SELECT json_group_array(json_array(c.key, c.title)) FROM (
            SELECT key, title FROM events WHERE parent_id = e.id ORDER BY sort_date, id) AS c
       ) AS children,
       (SELECT json_group_array(json_array(p.entity_id, p.key, p.type, p.name, p.role, p.title,
                                           p.document_id, p.start, p."end")) FROM (
            SELECT pt.entity_id, n.key, n.type, n.name, pt.role, pt.title, pt.document_id, pt.start, pt."end"
            FROM participants AS pt JOIN entities AS n ON n.id = pt.entity_id
            WHERE pt.event_id = e.id ORDER BY pt.ordinal, pt.id) AS p
       ) AS participants,
       (SELECT json_group_array(json_array(v.document_id, v.quote, v.start, v."end")) FROM (
            SELECT document_id, quote, start, "end" FROM evidence WHERE event_id = e.id ORDER BY id) AS v
       ) AS evidence,
       (SELECT json_group_array(json_array(r.type, r.name)) FROM (
            SELECT n.type, n.name FROM event_entities AS ee JOIN entities AS n ON n.id = ee.entity_id
            WHERE ee.event_id = e.id AND ee.direct AND n.type IN ('person', 'organisation')
            ORDER BY n.sort_name, ee.entity_id) AS r
       ) AS names,
       (SELECT json_group_array(json_array(u.id, u.text, u.created, u.updated)) FROM (
            SELECT id, text, created, updated FROM user_notes WHERE event_key = e.key ORDER BY id) AS u
       ) AS user_notes,
       (SELECT json_group_array(json_array(h.id, h.batch, h.target_type, h.target_key, h.field, h.old, h.new,
                                           h.author, h.at, h.undone)) FROM (
            SELECT * FROM (
                SELECT j.* FROM edits AS j WHERE j.target_type = 'event' AND j.target_key = e.key
                UNION ALL
                SELECT j.* FROM {SOURCES} JOIN edits AS j
                  ON j.target_type = 'document' AND j.target_key = s.p
                UNION ALL
                SELECT j.* FROM {SOURCES} JOIN edits AS j
                  ON j.target_type = 'suggestion' AND j.target_key > s.p || ':' AND j.target_key < s.p || ';'
                ORDER BY id DESC LIMIT {HISTORY_SHOWN}) AS recent ORDER BY id) AS h
       ) AS history,
       (SELECT json_group_array(json_array(c.field, c.built, c.edited)) FROM (
            SELECT field, built, edited FROM edit_conflicts
            WHERE target_type = 'event' AND target_key = e.key ORDER BY field) AS c
       ) AS conflicts
FROM events AS e
LEFT JOIN entities AS pl ON pl.id = e.place_id
LEFT JOIN events AS pa ON pa.id = e.parent_id
WHERE e.id = :event
""".replace("{HISTORY_SHOWN}", str(HISTORY_SHOWN)).replace(
    # The event's documents' keys (SHA-256 prefixes), which their notes, links and proposals are kept by.
    "{SOURCES}",
    "(SELECT substr(d.sha256, 1, 16) AS p FROM event_documents AS x "
    "JOIN documents AS d ON d.id = x.document_id WHERE x.event_id = e.id) AS s",
)

# A document's columns and, as JSON arrays, everything anchored to it. ``{where}`` picks the documents:
# one by id, or an event's by its links (in document id order). ``?`` number 1 is the event whose own
# title "the same source also reports" must leave out (NULL: none).
_DOCUMENTS_SQL = """
SELECT d.id, d.path, d.filename, d.sha256, d.encoding, d.size, d.language, d.detected_language,
       d.script, d.scripts, d.title, d.publisher, d.summary, d.is_translation, d.translated_from,
       d.translation_kind, d.translation_note, d.catalogued, d.origin, d.text, d.text_sha256,
       (SELECT json_group_array(json_array(x.date, x.precision, x.certainty, x.label, x.start, x."end"))
        FROM (
            SELECT date, precision, certainty, label, start, "end" FROM publication_dates
            WHERE document_id = d.id ORDER BY id) AS x
       ) AS published,
       (SELECT json_group_array(json_array(x.kind, x.start, x."end", x.reason, x.source)) FROM (
            SELECT kind, start, "end", reason, source FROM debris_spans
            WHERE document_id = d.id ORDER BY start, id) AS x
       ) AS debris,
       (SELECT json_group_array(json_array(x.kind, x.value, x.start, x."end", x.confidence, x.reason,
                                           x.rule, x.id, x.decision)) FROM (
            SELECT s.kind, s.value, s.start, s."end", s.confidence, s.reason, s.rule, s.id,
                   (SELECT json_extract(j.new, '$') FROM edits AS j
                     WHERE j.target_type = 'suggestion' AND NOT j.undone AND j.field = 'decision'
                       AND j.target_key = {SUGGESTION_KEY} ORDER BY j.id DESC LIMIT 1) AS decision
            FROM suggestions AS s WHERE s.document_id = d.id ORDER BY s.id) AS x
       ) AS suggestions,
       (SELECT json_group_array(json_array(x.start, x."end", x.text, x.in_debris,
                                           x.entity_id, x.key, x.type, x.name)) FROM (
            SELECT m.start, m."end", m.text, m.in_debris, m.entity_id, n.key, n.type, n.name
            FROM mentions AS m JOIN entities AS n ON n.id = m.entity_id
            WHERE m.document_id = d.id ORDER BY m.start, m.id) AS x
       ) AS mentions,
       (SELECT json_group_array(json_array(x.kind, x.text, x.certainty, x.original, x.quote,
                                           x.start, x."end", x.note_key, x.author)) FROM (
            SELECT kind, text, certainty, original, quote, start, "end", note_key, author
            FROM translation_notes WHERE document_id = d.id ORDER BY ordinal, id) AS x
       ) AS notes,
       (SELECT json_group_array(json_array(x.paragraph, x.start, x."end", x.text)) FROM (
            SELECT paragraph, start, "end", text FROM renderings
            WHERE document_id = d.id ORDER BY paragraph, id) AS x
       ) AS renderings,
       (SELECT json_group_array(json_array(x.key, x.title)) FROM (
            SELECT o.key, o.title FROM event_documents AS od JOIN events AS o ON o.id = od.event_id
            WHERE od.document_id = d.id AND (CAST(:exclude AS INTEGER) IS NULL OR o.id != :exclude)
            ORDER BY o.sort_date, o.id) AS x
       ) AS other_events
FROM {source}
""".replace("{SUGGESTION_KEY}", SUGGESTION_KEY_SQL)

_ONE_DOCUMENT_SQL = _DOCUMENTS_SQL.format(source="documents AS d WHERE d.id = :doc")
_EVENT_DOCUMENTS_SQL = _DOCUMENTS_SQL.format(
    source="event_documents AS ed JOIN documents AS d ON d.id = ed.document_id "
    "WHERE ed.event_id = :event ORDER BY ed.document_id"
)


# ------------------------------------------------------------------------------------------ reading


@functools.cache
def _text(sql: str) -> TextClause:
    return text(sql)


def _sql(conn: Connection, sql: str) -> TextClause:
    """The statement as the connection's database spells it (SQLite's JSON functions on a server: see
    ``desktop.store.dialect``), parsed once."""
    return _text(spelled_for(sql, conn.dialect.name))


def _ref(refs: dict[int, EntityRef], entity_id: int, key: str, kind: str, name: str) -> EntityRef:
    """One shared EntityRef per entity: a name-dense document names a few hundred entities in 60,000
    mentions, and every object more is work for the garbage collector, whose full passes over a 2 MB
    document's detail stalled every thread, the GUI's included, for 40-60 ms."""
    ref = refs.get(entity_id)
    if ref is None:
        ref = refs[entity_id] = EntityRef(entity_id, key, kind, name)
    return ref


def _document(d: Any) -> DocumentDetail:
    """A document's row, its JSON lists unpacked into the dataclasses the pane reads."""
    refs: dict[int, EntityRef] = {}
    return DocumentDetail(
        id=d.id,
        path=d.path,
        filename=d.filename,
        sha256=d.sha256,
        encoding=d.encoding,
        size=d.size,
        language=d.language,
        detected_language=d.detected_language,
        script=d.script,
        scripts=d.scripts,
        title=d.title,
        publisher=d.publisher,
        summary=d.summary,
        is_translation=bool(d.is_translation),
        translated_from=d.translated_from,
        translation_kind=d.translation_kind,
        translation_note=d.translation_note,
        catalogued=bool(d.catalogued),
        origin=d.origin,
        text=d.text,
        published=[PublishedInfo(*p) for p in json.loads(d.published)],
        debris=[DebrisInfo(*x) for x in json.loads(d.debris)],
        mentions=[
            MentionInfo(start, end, text, _ref(refs, entity_id, key, kind, name), bool(in_debris))
            for start, end, text, in_debris, entity_id, key, kind, name in json.loads(d.mentions)
        ],
        notes=[NoteInfo(*n) for n in json.loads(d.notes)],
        renderings=[RenderingInfo(*x) for x in json.loads(d.renderings)],
        other_events=[(k, t) for k, t in json.loads(d.other_events)],
        suggestions=[SuggestionInfo(*x) for x in json.loads(d.suggestions)],
        verified=text_verified(d.text, d.text_sha256),
    )


def document_detail(conn: Connection, doc_id: int, exclude_event: int | None = None) -> DocumentDetail | None:
    """One document with everything anchored to it; ``exclude_event`` is left out of its other events."""
    d = conn.execute(_sql(conn, _ONE_DOCUMENT_SQL), {"exclude": exclude_event, "doc": doc_id}).one_or_none()
    return _document(d) if d is not None else None


def event_detail(conn: Connection, event_id: int) -> EventDetail | None:
    """Everything the archive knows about one event (None when there is no such event)."""
    r = conn.execute(_sql(conn, _EVENT_SQL), {"event": event_id}).one_or_none()
    if r is None:
        return None
    found = conn.execute(_sql(conn, _EVENT_DOCUMENTS_SQL), {"exclude": event_id, "event": event_id})
    documents = [_document(d) for d in found]
    doc_names = {d.id: d.filename for d in documents}
    participants = [
        ParticipantInfo(
            EntityRef(entity_id, key, kind, name),
            role,
            title,
            # The file that names the participant, when it is one of this event's sources.
            doc_names.get(document_id) if document_id else None,
            start,
            end,
        )
        for entity_id, key, kind, name, role, title, document_id, start, end in json.loads(r.participants)
    ]
    evidence = [
        EvidenceInfo(doc_names.get(document_id, str(document_id)), quote, start, end)
        for document_id, quote, start, end in json.loads(r.evidence)
    ]
    people: list[str] = []
    organisations: list[str] = []
    for kind, name in json.loads(r.names):
        (people if kind == "person" else organisations).append(name)
    place = (
        EntityRef(r.place_ref_id, r.place_ref_key, r.place_ref_type, r.place_ref_name)
        if r.place_ref_id is not None
        else None
    )
    return EventDetail(
        row=_row(r, None),
        summary=r.summary,
        mode=r.mode,
        start=FuzzyDate(r.start_date, r.start_precision, r.start_certainty, r.start_reason),
        end=FuzzyDate(r.end_date, r.end_precision, r.end_certainty, r.end_reason),
        place=place,
        parent=(r.parent_key, r.parent_title) if r.parent_key is not None else None,
        children=[(k, t) for k, t in json.loads(r.children)],
        participants=participants,
        evidence=evidence,
        documents=documents,
        people=people,
        organisations=organisations,
        user_notes=[UserNoteInfo(*n) for n in json.loads(r.user_notes)],
        history=[
            EditRow(i, b, t, k, f, _json(old), _json(new), a, at, bool(u))
            for i, b, t, k, f, old, new, a, at, u in json.loads(r.history)
        ],
        conflicts=[(f, _json(b), _json(e)) for f, b, e in json.loads(r.conflicts)],
    )


def _json(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


__all__ = [
    "DebrisInfo",
    "DocumentDetail",
    "EventDetail",
    "EvidenceInfo",
    "MentionInfo",
    "NoteInfo",
    "ParticipantInfo",
    "PublishedInfo",
    "RenderingInfo",
    "Span",
    "UserNoteInfo",
    "document_detail",
    "event_detail",
]

"""What a search matched beyond the event list: the entities it names, and a line around its first match.

Apart from the lookups: these run a search (its limits, its errors) over the events of a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from desktop.search import MAX_NAME_MATCHES, match_spans, parse_query, snippet
from desktop.search.sql import compile_entities
from desktop.store.queries.errors import search_errors
from desktop.store.schema import Document, Event, EventDocument, Mention

_ev = Event.__table__.c


def matched_entities(conn: Connection, query_text: str) -> frozenset[int]:
    """The entities a search names (any alias, any script), as the index matches them: for highlighting.

    Each term is looked up as the search itself looks it up (in FTS5, or in a server's tsvector index:
    ``search.sql.compile_entities``).
    """
    found: set[int] = set()
    for term in parse_query(query_text).positive_terms:
        lookup = compile_entities(term)
        if lookup is None:
            continue
        with search_errors(query_text):
            ids = list(conn.execute(lookup.clause()).scalars())
        if len(ids) <= MAX_NAME_MATCHES:
            found.update(ids)
    return frozenset(found)


def search_snippets(conn: Connection, query_text: str, event_ids: Sequence[int]) -> dict[int, str]:
    """For each event, a line around the first match of a search: in an original, else its title or summary.

    A match is a word of the search, or a mention of an entity it names (Гусаков finds "Gusakov" in an
    English original through the authority). An event with neither in its texts gets no snippet.
    """
    query = parse_query(query_text)
    entities = matched_entities(conn, query_text)
    ids = list(event_ids)
    texts: dict[int, list[tuple[str, tuple[str, ...]]]] = {i: [] for i in ids}
    named: dict[str, list[tuple[int, int]]] = {}
    doc = Document.__table__.c
    ed = EventDocument.__table__.c
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        originals = (
            select(ed.event_id, doc.text)
            .join(Document.__table__, doc.id == ed.document_id)
            .where(ed.event_id.in_(chunk))
            .order_by(ed.event_id, doc.id)
        )
        for r in conn.execute(originals):
            texts[r.event_id].append((r.text, ("original",)))
        if entities:
            me = Mention.__table__.c
            mentioned = (
                select(doc.text, me.start, me.end)
                .join(Document.__table__, doc.id == me.document_id)
                .join(EventDocument.__table__, ed.document_id == me.document_id)
                .where(ed.event_id.in_(chunk), me.entity_id.in_(entities))
            )
            for m in conn.execute(mentioned):
                named.setdefault(m.text, []).append((m.start, m.end))
        for t in conn.execute(select(_ev.id, _ev.title, _ev.summary).where(_ev.id.in_(chunk))):
            texts[t.id].append((f"{t.title}. {t.summary or ''}", ("title",)))
    out: dict[int, str] = {}
    for event_id, candidates in texts.items():
        for body, kinds in candidates:
            # The search's own words first; a mention of a named entity when the text has none of them.
            spans = match_spans(body, query, kinds) or sorted(named.get(body, ()))
            if spans:
                out[event_id] = snippet(body, spans)
                break
        else:
            out[event_id] = ""
    return out

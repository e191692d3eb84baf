"""The query layer: filtering, facet counts, sorting and keyset paging (one event's detail: store.detail).

All of it runs in SQLite; plain dataclasses come out. The command line uses it now and the window's models
use it the same way (they hold a window of rows and ask for the next page by keyset, never by OFFSET).

The package, by what each module holds (the dependencies run one way, top to bottom):

* ``errors`` — :func:`search_errors`: SQLite refusing a search becomes a plain :class:`QueryError`;
* ``filters`` — :class:`EventFilter` and the SQL WHERE conditions built from it;
* ``listing`` — the event list: sort orders, keyset pages, counts, :class:`EventRow`, an event's row;
* ``facets`` — facet counts of the filter kinds (:class:`FacetValue`);
* ``matches`` — what a search matched: the entities it names, snippets around its matches;
* ``lookups`` — events, entities (:class:`EntityRef`), names and documents by id or name.
"""

from __future__ import annotations

from desktop.multivalue import split_multi
from desktop.store.queries.errors import search_errors
from desktop.store.queries.facets import FACET_KINDS, FacetValue, all_facets, facet_counts
from desktop.store.queries.filters import ENTITY_KINDS, EventFilter, _where, conditions
from desktop.store.queries.listing import (
    PAGE,
    RELEVANCE,
    SORT_COLUMNS,
    SORT_KEYS,
    EventRow,
    _row,
    count_events,
    iter_events,
    page_events,
    page_statement,
    probe_kinds,
    row_of_event,
    rows_by_ids,
    rows_in_date_order,
)
from desktop.store.queries.lookups import (
    EntityRef,
    alias_details,
    documents_of,
    entity_refs,
    filter_for_entities,
    find_event_id,
    first_pass_of,
    list_documents,
    list_entities,
    related_names,
    resolve_entity,
)
from desktop.store.queries.matches import matched_entities, search_snippets

__all__ = [
    "ENTITY_KINDS",
    "FACET_KINDS",
    "PAGE",
    "RELEVANCE",
    "SORT_COLUMNS",
    "SORT_KEYS",
    "EntityRef",
    "EventFilter",
    "EventRow",
    "FacetValue",
    "_row",
    "_where",
    "alias_details",
    "all_facets",
    "conditions",
    "count_events",
    "documents_of",
    "entity_refs",
    "facet_counts",
    "filter_for_entities",
    "find_event_id",
    "first_pass_of",
    "iter_events",
    "list_documents",
    "list_entities",
    "matched_entities",
    "page_events",
    "page_statement",
    "probe_kinds",
    "related_names",
    "resolve_entity",
    "row_of_event",
    "rows_by_ids",
    "rows_in_date_order",
    "search_errors",
    "search_snippets",
    "split_multi",
]

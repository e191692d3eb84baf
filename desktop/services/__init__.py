"""The archive's service API: the one way the window and the command line reach the store (no Qt here).

- :mod:`desktop.services.archive` — :class:`Archive`: an open store and every read and write asked of it.
  Reads return plain values (frozen dataclasses, tuples, str); no SQLAlchemy or DB-API object leaves it.
- :mod:`desktop.services.cancel` — :class:`CancelToken`: long reads stop when a newer one replaces them.
- :mod:`desktop.services.recovery` — opening, and the one flow for a damaged store; backups and restore.
- :mod:`desktop.services.shapes` — the public JSON shapes of ``--format json``.

Every write returns a :class:`~desktop.changes.Change` (or a report whose ``change`` says it), which the
window broadcasts so that each pane refreshes only what changed. The names below are the value types those
calls take and return, so that a front end imports them from here and never from the store.
"""

from desktop.catalogue.model import CERTAINTY as NOTE_CERTAINTIES
from desktop.catalogue.model import EVENT_TYPES, NOTE_KINDS, ROLES
from desktop.changes import Change, EditStep
from desktop.dates import DateError, parse_user_date
from desktop.editing.eventfields import EVENT_FIELDS, EditError, date_value
from desktop.export.csv_export import COLUMNS, DEFAULT_COLUMNS, ExportCancelled, ExportError
from desktop.export.filenames import export_path
from desktop.geo import outlines as map_outlines
from desktop.ingest.build import BuildReport
from desktop.ingest.build import Cancelled as BuildCancelled
from desktop.search import Query, QueryError, match_spans, parse_query
from desktop.services import recovery
from desktop.services.archive import Archive
from desktop.services.cancel import Cancelled, CancelToken
from desktop.store.detail import (
    DebrisInfo,
    DocumentDetail,
    EventDetail,
    MentionInfo,
    NoteInfo,
    RenderingInfo,
)
from desktop.store.engine import CorruptStore, ReadOnlyStore, StoreError
from desktop.store.queries import ENTITY_KINDS, EntityRef, EventFilter, EventRow, FacetValue
from desktop.store.timeline import Bucket, Timeline, period_label

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "ENTITY_KINDS",
    "EVENT_FIELDS",
    "EVENT_TYPES",
    "NOTE_CERTAINTIES",
    "NOTE_KINDS",
    "ROLES",
    "Archive",
    "Bucket",
    "BuildCancelled",
    "BuildReport",
    "CancelToken",
    "Cancelled",
    "Change",
    "CorruptStore",
    "DateError",
    "DebrisInfo",
    "DocumentDetail",
    "EditError",
    "EditStep",
    "EntityRef",
    "EventDetail",
    "EventFilter",
    "EventRow",
    "ExportCancelled",
    "ExportError",
    "FacetValue",
    "MentionInfo",
    "NoteInfo",
    "Query",
    "QueryError",
    "ReadOnlyStore",
    "RenderingInfo",
    "StoreError",
    "Timeline",
    "date_value",
    "export_path",
    "map_outlines",
    "match_spans",
    "parse_query",
    "parse_user_date",
    "period_label",
    "recovery",
]

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

# The names are loaded when first asked for (PEP 562): a command that only reads (``archive-viewer events``)
# then never imports the build, the first pass, the export or the catalogue checks, which cost most of
# its start (0.6 s of imports before; issue 20). Type checkers read the imports below as usual.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.catalogue.model import CERTAINTY as NOTE_CERTAINTIES
    from desktop.catalogue.model import EVENT_TYPES, NOTE_KINDS, ROLES
    from desktop.changes import Change, EditStep
    from desktop.dates import DateError, parse_user_date
    from desktop.editing.eventfields import EVENT_FIELDS, EditConflict, EditError, date_value
    from desktop.export.csv_export import COLUMNS, DEFAULT_COLUMNS, ExportCancelled, ExportError
    from desktop.export.filenames import export_path
    from desktop.geo import outlines as map_outlines
    from desktop.ingest.build import BuildReport
    from desktop.ingest.build import Cancelled as BuildCancelled
    from desktop.search import Query, QueryError, match_spans, parse_query
    from desktop.services import recovery
    from desktop.services.archive import Archive
    from desktop.services.cancel import Cancelled, CancelToken
    from desktop.shared.listen import ChangeWatcher
    from desktop.shared.setup import grant as grant_role
    from desktop.shared.setup import init_archive as init_server
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
    from desktop.store.server import ServerError, Unreachable
    from desktop.store.server import driver_version as server_driver
    from desktop.store.timeline import Bucket, Timeline, period_label

_LAZY: dict[str, tuple[str, str | None]] = {
    "NOTE_CERTAINTIES": ("desktop.catalogue.model", "CERTAINTY"),
    "EVENT_TYPES": ("desktop.catalogue.model", "EVENT_TYPES"),
    "NOTE_KINDS": ("desktop.catalogue.model", "NOTE_KINDS"),
    "ROLES": ("desktop.catalogue.model", "ROLES"),
    "Change": ("desktop.changes", "Change"),
    "EditStep": ("desktop.changes", "EditStep"),
    "DateError": ("desktop.dates", "DateError"),
    "parse_user_date": ("desktop.dates", "parse_user_date"),
    "EVENT_FIELDS": ("desktop.editing.eventfields", "EVENT_FIELDS"),
    "EditError": ("desktop.editing.eventfields", "EditError"),
    "EditConflict": ("desktop.editing.eventfields", "EditConflict"),
    "date_value": ("desktop.editing.eventfields", "date_value"),
    "COLUMNS": ("desktop.export.csv_export", "COLUMNS"),
    "DEFAULT_COLUMNS": ("desktop.export.csv_export", "DEFAULT_COLUMNS"),
    "ExportCancelled": ("desktop.export.csv_export", "ExportCancelled"),
    "ExportError": ("desktop.export.csv_export", "ExportError"),
    "export_path": ("desktop.export.filenames", "export_path"),
    "map_outlines": ("desktop.geo", "outlines"),
    "BuildReport": ("desktop.ingest.build", "BuildReport"),
    "BuildCancelled": ("desktop.ingest.build", "Cancelled"),
    "Query": ("desktop.search", "Query"),
    "QueryError": ("desktop.search", "QueryError"),
    "match_spans": ("desktop.search", "match_spans"),
    "parse_query": ("desktop.search", "parse_query"),
    "recovery": ("desktop.services.recovery", None),
    "Archive": ("desktop.services.archive", "Archive"),
    "Cancelled": ("desktop.services.cancel", "Cancelled"),
    "CancelToken": ("desktop.services.cancel", "CancelToken"),
    "DebrisInfo": ("desktop.store.detail", "DebrisInfo"),
    "DocumentDetail": ("desktop.store.detail", "DocumentDetail"),
    "EventDetail": ("desktop.store.detail", "EventDetail"),
    "MentionInfo": ("desktop.store.detail", "MentionInfo"),
    "NoteInfo": ("desktop.store.detail", "NoteInfo"),
    "RenderingInfo": ("desktop.store.detail", "RenderingInfo"),
    "CorruptStore": ("desktop.store.engine", "CorruptStore"),
    "ReadOnlyStore": ("desktop.store.engine", "ReadOnlyStore"),
    "StoreError": ("desktop.store.engine", "StoreError"),
    "ServerError": ("desktop.store.server", "ServerError"),
    "ChangeWatcher": ("desktop.shared.listen", "ChangeWatcher"),
    "init_server": ("desktop.shared.setup", "init_archive"),
    "grant_role": ("desktop.shared.setup", "grant"),
    "Unreachable": ("desktop.store.server", "Unreachable"),
    "server_driver": ("desktop.store.server", "driver_version"),
    "ENTITY_KINDS": ("desktop.store.queries", "ENTITY_KINDS"),
    "EntityRef": ("desktop.store.queries", "EntityRef"),
    "EventFilter": ("desktop.store.queries", "EventFilter"),
    "EventRow": ("desktop.store.queries", "EventRow"),
    "FacetValue": ("desktop.store.queries", "FacetValue"),
    "Bucket": ("desktop.store.timeline", "Bucket"),
    "Timeline": ("desktop.store.timeline", "Timeline"),
    "period_label": ("desktop.store.timeline", "period_label"),
}


def __getattr__(name: str) -> Any:
    import importlib

    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'desktop.services' has no attribute {name!r}") from None
    loaded = importlib.import_module(module)
    value = loaded if attr is None else getattr(loaded, attr)
    globals()[name] = value  # once: later lookups are ordinary
    return value


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
    "ChangeWatcher",
    "CorruptStore",
    "DateError",
    "DebrisInfo",
    "DocumentDetail",
    "EditConflict",
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
    "ServerError",
    "StoreError",
    "Timeline",
    "Unreachable",
    "date_value",
    "export_path",
    "grant_role",
    "init_server",
    "map_outlines",
    "match_spans",
    "parse_query",
    "parse_user_date",
    "period_label",
    "recovery",
    "server_driver",
]

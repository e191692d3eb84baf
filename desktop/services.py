"""The archive as a service: the one API the command line and the window both call (no Qt here).

Reads go through short-lived connections, so a worker thread can run a query while another waits;
writes (build, import) run one at a time per store, each document in its own transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from desktop.catalogue.check import CheckReport, check_seeds
from desktop.export.csv_export import DEFAULT_COLUMNS, ExportResult, export_events
from desktop.ingest.build import BuildReport, ProgressFn, build_from_seeds, import_paths
from desktop.paths import bundled_seeds_dir, bundled_store, default_store_path
from desktop.store import detail as dt
from desktop.store import queries as q
from desktop.store.engine import ReadOnlyStore, Store, backup_store, open_store
from desktop.store.verify import StoreReport, verify_store


class Archive:
    """An open archive store and everything that can be asked of it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._write_lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | None = None, *, read_only: bool = False) -> Archive:
        """Open a store; the reader's default store starts as a copy of the packaged one when there is one.

        Copying the store built at package time opens at once (0.5 ms); building the bundled seeds on a
        first run took 2.4 s in the installed app. The store opens read-only when asked, when it or its
        folder is not writable, or while another process writes it (``read_only`` then says why).
        """
        if path is None:
            path = default_store_path()
            if not path.exists() and bundled_store().exists() and not read_only:
                _copy_store(bundled_store(), path)
        return cls(open_store(path, read_only=read_only))

    @property
    def read_only(self) -> str | None:
        """None when this archive can be changed, else why not (to show the reader)."""
        return self.store.read_only

    def _writable(self, what: str) -> None:
        if self.store.read_only:
            raise ReadOnlyStore(
                f"{self.path} is read-only ({self.store.read_only}): cannot {what}; changes are disabled"
            )

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.store.engine.connect() as conn:
            yield conn

    # ------------------------------------------------------------------ writing

    def build(
        self,
        seeds_dir: Path | None = None,
        progress: ProgressFn | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> BuildReport:
        self._writable("rebuild it")
        with self._write_lock:
            # A rebuild rewrites most of the store: a verified backup is taken first (not of an empty store),
            # and only when the build will change something (a launch with nothing new takes none).
            empty = self.is_empty()

            def backup() -> None:
                if not empty:
                    backup_store(self.path, "build")

            return build_from_seeds(
                self.store, seeds_dir or bundled_seeds_dir(), progress, should_cancel, before_write=backup
            )

    def import_paths(
        self,
        paths: Iterable[Path],
        progress: ProgressFn | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> BuildReport:
        self._writable("import documents")
        with self._write_lock:
            return import_paths(self.store, paths, progress, should_cancel)

    def is_empty(self) -> bool:
        with self.connect() as conn:
            return conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM documents)")).scalar_one() == 1

    @staticmethod
    def check(seeds_dir: Path | None = None) -> CheckReport:
        return check_seeds(seeds_dir or bundled_seeds_dir())

    def verify(self, *, deep: bool = True) -> StoreReport:
        """Check the store itself: its pages, its links, and every original against its SHA-256."""
        with self.connect() as conn:
            return verify_store(conn, deep=deep)

    # ------------------------------------------------------------------ readers' notes

    def add_note(self, event: str | int, body: str) -> int:
        """Add a note to an event (by its public id or row id); returns the new note's id."""
        from desktop.notes import NoteError, add_note

        with self._write_lock, self.store.session() as s:
            event_id = q.find_event_id(s.connection(), event)
            if event_id is None:
                raise NoteError(f"no event with id {event!r} (see `archive-viewer events`)")
            key = s.execute(text("SELECT key FROM events WHERE id = :id"), {"id": event_id}).scalar_one()
            return add_note(s, key, body)

    def edit_note(self, note_id: int, body: str) -> None:
        from desktop.notes import edit_note

        with self._write_lock, self.store.session() as s:
            edit_note(s, note_id, body)

    def delete_note(self, note_id: int) -> None:
        from desktop.notes import delete_note

        with self._write_lock, self.store.session() as s:
            delete_note(s, note_id)

    def notes(self) -> list[Any]:
        """Every reader's note with its event's title, newest change first."""
        from desktop.notes import list_notes

        with self.connect() as conn:
            return list_notes(conn)

    # ------------------------------------------------------------------ reading

    def count(self, f: q.EventFilter) -> int:
        with self.connect() as conn:
            return q.count_events(conn, f)

    def page(
        self,
        f: q.EventFilter,
        sort: str = "date",
        descending: bool = False,
        after: tuple[Any, int] | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[q.EventRow]:
        with self.connect() as conn:
            return q.page_events(conn, f, sort, descending, after, limit, offset)

    def all_rows(self, f: q.EventFilter, sort: str = "date", descending: bool = False) -> list[q.EventRow]:
        with self.connect() as conn:
            return list(q.iter_events(conn, f, sort, descending))

    def facets(
        self, f: q.EventFilter, kind: str, limit: int | None = None, name_filter: str | None = None
    ) -> list[q.FacetValue]:
        with self.connect() as conn:
            return q.facet_counts(conn, f, kind, limit, name_filter)

    def all_facets(self, f: q.EventFilter, limit: int | None = None) -> dict[str, list[q.FacetValue]]:
        """Every kind's facet counts, as the window asks for them (kinds sharing a filter share a pass)."""
        with self.connect() as conn:
            return q.all_facets(conn, f, limit)

    def snippets(self, query: str, event_ids: Sequence[int]) -> dict[int, str]:
        """A line of context around each event's first match of a search (for the list while searching)."""
        with self.connect() as conn:
            return q.search_snippets(conn, query, event_ids)

    def matched_entities(self, query: str) -> frozenset[int]:
        """The entities a search names, to mark their mentions too."""
        with self.connect() as conn:
            return q.matched_entities(conn, query)

    def resolve_entity(self, name: str) -> list[q.EntityRef]:
        with self.connect() as conn:
            return q.resolve_entity(conn, name)

    def find_event(self, ident: str | int) -> int | None:
        with self.connect() as conn:
            return q.find_event_id(conn, ident)

    def row_of_event(self, f: q.EventFilter, sort: str, descending: bool, event_id: int) -> int | None:
        with self.connect() as conn:
            return q.row_of_event(conn, f, sort, descending, event_id)

    def entity_refs(self, ids: Iterable[int]) -> dict[int, q.EntityRef]:
        with self.connect() as conn:
            return q.entity_refs(conn, ids)

    def detail(self, event_id: int) -> dt.EventDetail | None:
        with self.connect() as conn:
            return dt.event_detail(conn, event_id)

    def documents(self) -> list[Any]:
        with self.connect() as conn:
            return q.list_documents(conn)

    def entities(self, kind: str | None = None) -> list[tuple[q.EntityRef, list[str]]]:
        with self.connect() as conn:
            return q.list_entities(conn, kind)

    def events_json(self, rows: Sequence[q.EventRow]) -> list[dict[str, Any]]:
        """The public JSON shape of events (``archive-viewer events --format json``)."""
        with self.connect() as conn:
            ids = [r.id for r in rows]
            names = q.related_names(conn, ids)
            docs = q.documents_of(conn, ids)
        return [
            {
                "id": r.key,
                "title": r.title,
                "type": r.type,
                "date": r.date,
                "start": r.start,
                "end": r.end,
                "date_precision": r.precision,
                "date_certainty": r.certainty,
                "place": r.place or None,
                "countries": q.split_multi(r.countries),
                "people": names[r.id]["person"],
                "organizations": names[r.id]["organisation"],
                "languages": q.split_multi(r.languages),
                "documents": [{"file": f, "sha256": s, "language": lang} for f, s, lang in docs[r.id]],
                "uncatalogued": r.uncatalogued,
            }
            for r in rows
        ]

    def detail_json(self, detail: dt.EventDetail) -> dict[str, Any]:
        """The public JSON shape of one event (``archive-viewer show ID --format json``)."""
        event = self.events_json([detail.row])[0]
        event.update(
            summary=detail.summary,
            mode=detail.mode,
            start_reason=detail.start.reason,
            end_reason=detail.end.reason,
            parent={"id": detail.parent[0], "title": detail.parent[1]} if detail.parent else None,
            children=[{"id": k, "title": t} for k, t in detail.children],
            participants=[
                {
                    "entity": p.entity.key,
                    "name": p.entity.name,
                    "type": p.entity.type,
                    "role": p.role,
                    "title": p.title,
                    "document": p.document,
                    "start": p.start,
                    "end": p.end,
                }
                for p in detail.participants
            ],
            evidence=[asdict(e) for e in detail.evidence],
            sources=[_document_json(d) for d in detail.documents],
            user_notes=[asdict(n) for n in detail.user_notes],
        )
        return event

    # ------------------------------------------------------------------ export

    def export_csv(
        self,
        out: Path,
        *,
        ids: Sequence[int] | None = None,
        event_filter: q.EventFilter | None = None,
        sort: str = "date",
        descending: bool = False,
        columns: Sequence[str] = DEFAULT_COLUMNS,
        progress: Callable[[int, int], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> ExportResult:
        with self.connect() as conn:
            return export_events(
                conn,
                out,
                ids=ids,
                event_filter=event_filter,
                sort=sort,
                descending=descending,
                columns=columns,
                progress=progress,
                should_cancel=should_cancel,
                store=self.path,
            )


def _document_json(d: dt.DocumentDetail) -> dict[str, Any]:
    return {
        "file": d.filename,
        "path": d.path,
        "sha256": d.sha256,
        "encoding": d.encoding,
        "size": d.size,
        "language": d.language,
        "detected_language": d.detected_language,
        "script": d.script,
        "scripts": d.scripts,
        "title": d.title,
        "publisher": d.publisher,
        "summary": d.summary,
        "is_translation": d.is_translation,
        "translated_from": d.translated_from,
        "translation_kind": d.translation_kind,
        "translation_note": d.translation_note,
        "catalogued": d.catalogued,
        "origin": d.origin,
        "published": [asdict(p) for p in d.published],
        "text": d.text,
        "debris": [asdict(x) for x in d.debris],
        "mentions": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "entity": m.entity.key,
                "name": m.entity.name,
                "type": m.entity.type,
                "in_debris": m.in_debris,
            }
            for m in d.mentions
        ],
        "translation_notes": [asdict(n) for n in d.notes],
        "renderings": [asdict(r) for r in d.renderings],
        "other_events": [{"id": k, "title": t} for k, t in d.other_events],
        # False: the stored text no longer matches its digest; it is not the original (see textdigest).
        "text_verified": d.verified,
    }


def _copy_store(source: Path, target: Path) -> None:
    """Copy a store with SQLite's backup API into place (a temporary name first, so no half file remains)."""
    import os

    from desktop.store.engine import copy_store_file

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    copy_store_file(source, partial)
    os.replace(partial, target)

"""The archive as a service: the one API the command line and the window both call (no Qt here).

Reads go through short-lived connections, so a worker thread can run a query while another waits;
writes (build, import) run one at a time per store, each document in its own transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

import desktop.services.shapes as shapes
from desktop.catalogue.diff import CatalogueError
from desktop.changes import Change, EditStep
from desktop.notes import NoteRow
from desktop.paths import bundled_seeds_dir, bundled_store, default_store_path
from desktop.services.cancel import Cancelled, CancelToken, ServerInterrupt
from desktop.store import detail as dt
from desktop.store import queries as q
from desktop.store import timeline as tl
from desktop.store.address import is_server_address
from desktop.store.engine import ReadOnlyStore, Store, backup_store, open_store
from desktop.store.landmarks import block_landmarks

if TYPE_CHECKING:  # the build, the export and the checks load when a command uses them (see services)
    from desktop.catalogue.check import CheckReport
    from desktop.export.csv_export import ExportResult
    from desktop.ingest.build import BuildReport, ProgressFn
    from desktop.shared.listen import ChangeWatcher
    from desktop.shared.publish import CopyReport
    from desktop.shared.push import PushReport
    from desktop.store.facetindex import FacetIndex, FacetIndexer, ServerFacetIndexer
    from desktop.store.verify import StoreReport


class Archive:
    """An open archive store and everything that can be asked of it."""

    def __init__(self, store: Store) -> None:
        self._store = store
        if not store.server and store.role is None:
            with store.engine.connect() as conn:
                origin = conn.execute(text("SELECT value FROM meta WHERE key = 'cloned_from'")).scalar()
            if origin is not None:
                # An offline copy of a shared archive: read, and write one's own notes (sent back by push).
                store.role = "reader"
        self._write_lock = threading.Lock()
        # Made at the first facet count (see facet_index): a file's, or a server's (issue 21).
        self._facet_indexer: FacetIndexer | ServerFacetIndexer | None = None

    @classmethod
    def open(cls, path: Path | str | None = None, *, read_only: bool = False) -> Archive:
        """Open a store; the reader's default store starts as a copy of the packaged one when there is one.

        Copying the store built at package time opens at once (0.5 ms); building the bundled seeds on a
        first run took 2.4 s in the installed app. The store opens read-only when asked, when it or its
        folder is not writable, or while another process writes it (``read_only`` then says why).
        """
        if isinstance(path, str):
            if is_server_address(path):  # a shared archive on a PostgreSQL server (issue 21)
                from desktop.store.server import open_server_store

                return cls(open_server_store(path, read_only=read_only))
            path = Path(path)
        if path is None:
            path = default_store_path()
            if not path.exists() and bundled_store().exists() and not read_only:
                _copy_store(bundled_store(), path)
        return cls(open_store(path, read_only=read_only))

    @property
    def read_only(self) -> str | None:
        """None when this archive can be changed, else why not (to show the reader)."""
        return self._store.read_only

    def _writable(self, what: str, needs: str = "cataloguer") -> None:
        """Refuse a change on a read-only archive, or one the person's role may not make (a server refuses
        it anyway; this says so before anything is sent, in words)."""
        if self._store.read_only:
            raise ReadOnlyStore(
                f"{self.location} is read-only ({self._store.read_only}): cannot {what}; changes are disabled"
            )
        if not self.may(needs):
            raise ReadOnlyStore(
                f"{self.location}: your role is {self.role}, and to {what} needs {needs}; ask the archive's "
                "admin for that role"
            )

    @property
    def role(self) -> str | None:
        """The person's role in a shared archive or an offline copy of one; None for one's own file."""
        return self._store.role

    def may(self, role: str) -> bool:
        """Whether the person holds ``role`` or a higher one (always, in one's own file)."""
        from desktop.store.server import ROLES

        held = self._store.role
        return held is None or ROLES.index(held) >= ROLES.index(role)

    @property
    def path(self) -> Path:
        return self._store.path

    def close(self) -> None:
        if self._facet_indexer is not None:
            self._facet_indexer.close()
        self._store.close()

    def facet_index(self, wait: bool = False) -> FacetIndex | None:
        """The facet index when it describes the store as it is (else None: the SQL counts, while it
        is read anew in the background); ``wait`` reads it now (benchmarks and tests)."""
        from desktop.store.facetindex import FacetIndexer, ServerFacetIndexer

        if self._facet_indexer is None:
            self._facet_indexer = (
                ServerFacetIndexer(self._store.engine) if self._store.server else FacetIndexer(self.path)
            )
        return self._facet_indexer.wait() if wait else self._facet_indexer.current()

    def _facet_index_if_read(self) -> FacetIndex | None:
        """The facet index if facet counts have already had it read, never starting a read: a command
        line's one page must not wait 3 s (a million events) for an index it will not use again."""
        indexer = self._facet_indexer
        return indexer.current(read=False) if indexer is not None else None

    @property
    def integrity_checked(self) -> bool:
        """Whether ``PRAGMA quick_check`` ran when it was opened (a large store skips it: 1.6 s at 100,000
        events; the window then runs :func:`~desktop.services.recovery.integrity_problem` in the background).
        """
        return self._store.checked

    @contextmanager
    def _connect(self, cancel: CancelToken | None = None) -> Iterator[Connection]:
        """A pooled connection for one read. Never handed out: the window and the command line get values.

        With a token, the read is stopped when the token is cancelled (SQLite's interrupt) and raises
        :class:`Cancelled`; a cancelled token stops it before it starts.
        """
        with self._store.engine.connect() as conn:
            if cancel is None:
                yield conn
                return
            raw: Any = conn.connection.dbapi_connection
            with cancel.running_on(raw if not self._store.server else ServerInterrupt(raw)):
                try:
                    yield conn
                except Exception:
                    # Whatever the interrupt surfaced as (the driver's error, or a QueryError the search
                    # layer made of it), a cancelled read ends as Cancelled: nobody waits for it.
                    if cancel.cancelled:
                        raise Cancelled() from None
                    raise

    # ------------------------------------------------------------------ writing

    def build(
        self,
        seeds_dir: Path | None = None,
        progress: ProgressFn | None = None,
        should_cancel: Callable[[], bool] | None = None,
        follow: bool = False,
    ) -> BuildReport:
        """Build or refresh the archive from a seeds folder: the one given, else the catalogue folder it
        follows (``catalogue import``), else the bundled seeds. ``follow``: follow ``seeds_dir`` from now on;
        a folder given without it stops the following."""
        self._writable("rebuild it", needs="archivist")
        with self._connect() as conn:
            followed = conn.execute(text("SELECT value FROM meta WHERE key = 'catalogue_folder'")).scalar()
        if seeds_dir is None and followed and Path(followed).is_dir():
            seeds_dir, follow = Path(followed), True
        report = self._build(seeds_dir or bundled_seeds_dir(), progress, should_cancel)
        if seeds_dir is not None and not self._store.read_only:
            with self._store.session() as s:
                if follow:
                    s.execute(
                        text("INSERT OR REPLACE INTO meta (key, value) VALUES ('catalogue_folder', :v)"),
                        {"v": str(seeds_dir.resolve())},
                    )
                else:
                    s.execute(text("DELETE FROM meta WHERE key = 'catalogue_folder'"))
        return report

    def _build(
        self, seeds_dir: Path, progress: ProgressFn | None, should_cancel: Callable[[], bool] | None
    ) -> BuildReport:
        with self._write_lock:
            # A rebuild rewrites most of the store: a verified backup is taken first (not of an empty store),
            # and only when the build will change something (a launch with nothing new takes none).
            from desktop.ingest.build import build_from_seeds

            empty = self.is_empty()

            def backup() -> None:
                if not empty:
                    backup_store(self.path, "build")

            return build_from_seeds(self._store, seeds_dir, progress, should_cancel, before_write=backup)

    # ------------------------------------------------------------------ a shared archive (issue 21)

    @property
    def location(self) -> str:
        """Where the archive is, as the reader is shown it: a file's path, or a server's address (no
        password)."""
        return self._store.location

    @property
    def address(self) -> Path | str:
        """What :meth:`open` takes to open this archive again: its file, or its server's address."""
        return self._store.address

    @property
    def on_server(self) -> bool:
        return self._store.server

    def publish(self, address: str, progress: Callable[[str, int], None] | None = None) -> CopyReport:
        """Upload this archive — readers' notes and edits included — into the empty archive at ``address``
        (made by ``server init``), in one transaction there."""
        from sqlalchemy.exc import DBAPIError

        from desktop.shared.publish import NotEmpty, copy_archive
        from desktop.store.server import ServerError, make_engine, redact, server_error, server_url

        try:
            target = make_engine(address, pool_size=1)
        except DBAPIError as exc:
            raise server_error(server_url(address), exc) from None
        try:
            return copy_archive(self._store.engine, target, progress)
        except NotEmpty:
            raise ServerError(
                f"{redact(address)} already holds an archive: publish into a new one "
                "(`archive-viewer server init` with another database name)"
            ) from None
        except DBAPIError as exc:
            raise server_error(server_url(address), exc) from None
        finally:
            target.dispose()

    def clone(self, target: Path, progress: Callable[[str, int], None] | None = None) -> CopyReport:
        """Copy this shared archive into a new local file for reading offline: what the person may read
        on the server, their own notes included. The copy remembers where it came from; it opens with
        a reader's rights (notes only), and ``push`` sends those notes back."""
        from desktop.shared.publish import copy_archive
        from desktop.shared.push import remember
        from desktop.store.engine import open_store
        from desktop.store.server import without_password

        if not self.on_server:
            raise ReadOnlyStore(f"{self.location} is a file: copy it, or publish it to a server first")
        local = open_store(target)
        try:
            report = copy_archive(self._store.engine, local.engine, progress)
            with local.engine.begin() as conn:
                remember(conn, without_password(str(self.address)), _now())
        finally:
            local.close()
        return report

    def watch_changes(
        self,
        on_change: Callable[[frozenset[str]], None],
        on_status: Callable[[str | None], None] | None = None,
    ) -> ChangeWatcher | None:
        """Call ``on_change`` (from a thread of its own) with the names of the tables others changed, about
        a quarter second after their commit; ``on_status`` with a problem when the server cannot be reached,
        and None when it can again. None for a file, which only this app writes. Close the watcher when
        done."""
        if not self.on_server:
            return None
        from desktop.shared.listen import ChangeWatcher
        from desktop.store.server import plan

        how = plan(str(self.address))
        return ChangeWatcher(how.url, how.args, on_change, on_status)

    def push(self, address: str | None = None) -> PushReport:
        """Send the notes written in this offline copy back to the shared archive it was cloned from (or
        ``address``): added, edited and deleted notes, and a report of the conflicts, whose both sides are
        kept (:mod:`desktop.shared.push`)."""
        from sqlalchemy.exc import DBAPIError

        from desktop.shared.push import no_origin, origin_of, push_notes
        from desktop.store.server import ServerError, make_engine, server_error, server_url

        with self._connect() as conn:
            origin = origin_of(conn)
        target = address or origin
        if target is None or self.on_server:
            raise ServerError(no_origin(self.location))
        try:
            remote = make_engine(target, pool_size=1)
        except DBAPIError as exc:
            raise server_error(server_url(target), exc) from None
        try:
            with self._write_lock:
                return push_notes(self._store.engine, remote, _now())
        except DBAPIError as exc:
            raise server_error(server_url(target), exc) from None
        finally:
            remote.dispose()

    def export_catalogue(self, folder: Path) -> dict[str, Any]:
        """Write the whole catalogue as it now is — the one the archive was built from with every edit —
        into ``folder`` as catalogue files (documents, SHA256SUMS, authority, events, document files),
        which ``check`` accepts and ``build`` turns into the same archive. What it wrote and left out."""
        from desktop.editing.snapshot import snapshot, write_snapshot

        if not self.may("archivist"):
            raise ReadOnlyStore(
                f"{self.location}: your role is {self.role}, and exporting the catalogue needs archivist"
            )
        with self._connect() as conn:
            snap = snapshot(conn)
        try:
            removed = write_snapshot(snap, folder)
        except OSError as exc:
            where = exc.filename or folder
            raise CatalogueError(f"{where}: cannot write the catalogue ({exc.strerror or exc})") from None
        return {"folder": str(folder), **snap.counts, "removed": removed, "problems": snap.problems}

    def catalogue_changes(self, folder: Path) -> dict[str, Any]:
        """What building from the catalogue files in ``folder`` would change, record by record and field
        by field (nothing is changed): ``changes``, and the ``problems`` ``check`` finds in the files."""
        import tempfile

        from desktop.catalogue.check import check_seeds, read_sums
        from desktop.catalogue.diff import catalogue_changes
        from desktop.catalogue.model import load_catalogue
        from desktop.editing.snapshot import snapshot

        if not (folder / "catalogue").is_dir():
            raise CatalogueError(f"{folder}: not a catalogue folder (it has no catalogue/ folder)")
        with self._connect() as conn:
            snap = snapshot(conn)
        with tempfile.TemporaryDirectory(prefix="archive-viewer-catalogue-") as tmp:
            for rel, data in snap.files.items():
                if rel.startswith("catalogue/") or rel == "SHA256SUMS":
                    (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
                    (Path(tmp) / rel).write_bytes(data)
            current, current_files = load_catalogue(Path(tmp)), read_sums(Path(tmp))
        report = check_seeds(folder)
        incoming_files = {rel: report.files[Path(rel).name].sha256 for rel in read_sums(folder)
                          if Path(rel).name in report.files}  # fmt: skip
        changes = catalogue_changes(current, report.catalogue, current_files, incoming_files)
        return {
            "folder": str(folder),
            "changes": [c.as_json() for c in changes],
            "problems": [str(p) for p in report.errors],
        }

    def import_catalogue(
        self,
        folder: Path,
        progress: ProgressFn | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> BuildReport:
        """Build the archive from the catalogue files in ``folder`` (refused while ``check`` finds errors in
        them), and follow that folder from now on: later builds and launches read it. People's edits lie over
        it as over any catalogue (a field it now says otherwise shows as a conflict); a backup is taken
        first."""
        from desktop.catalogue.check import check_seeds

        errors = check_seeds(folder).errors if (folder / "catalogue").is_dir() else None
        if errors is None:
            raise CatalogueError(f"{folder}: not a catalogue folder (it has no catalogue/ folder)")
        if errors:
            raise CatalogueError(
                f"{folder}: {len(errors)} problem(s) in the catalogue files, the first: {errors[0]} "
                f"(see `archive-viewer check --seeds {folder}`); nothing was changed"
            )
        report = self.build(folder, progress, should_cancel, follow=True)
        return report

    def import_paths(
        self,
        paths: Iterable[Path],
        progress: ProgressFn | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> BuildReport:
        from desktop.ingest.build import import_paths

        self._writable("import documents", needs="archivist")
        with self._write_lock:
            return import_paths(self._store, paths, progress, should_cancel)

    def is_empty(self) -> bool:
        with self._connect() as conn:
            return conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM documents)")).scalar_one() == 1

    @staticmethod
    def check(seeds_dir: Path | None = None) -> CheckReport:
        from desktop.catalogue.check import check_seeds

        return check_seeds(seeds_dir or bundled_seeds_dir())

    def verify(self, *, deep: bool = True) -> StoreReport:
        """Check the store itself: its pages, its links, and every original against its SHA-256."""
        from desktop.store.verify import verify_store

        with self._connect() as conn:
            return verify_store(conn, deep=deep)

    # ------------------------------------------------------------------ readers' notes

    def add_note(self, event: str | int, body: str) -> Change:
        """Add a note to an event (by its public id or row id); the change carries the new note's id."""
        from desktop.notes import NoteError, add_note

        with self._write_lock, self._store.session() as s:
            event_id = q.find_event_id(s.connection(), event)
            if event_id is None:
                raise NoteError(f"no event with id {event!r} (see `archive-viewer events`)")
            key = s.execute(text("SELECT key FROM events WHERE id = :id"), {"id": event_id}).scalar_one()
            note_id = add_note(s, key, body)
        return Change(events=frozenset({event_id}), notes=True, note=note_id)

    def edit_note(self, note_id: int, body: str) -> Change:
        from desktop.notes import edit_note

        with self._write_lock, self._store.session() as s:
            edit_note(s, note_id, body)
            return Change(events=self._events_of_note(s.connection(), note_id), notes=True)

    def delete_note(self, note_id: int) -> Change:
        from desktop.notes import delete_note

        with self._write_lock, self._store.session() as s:
            events = self._events_of_note(s.connection(), note_id)
            delete_note(s, note_id)
        return Change(events=events, notes=True)

    @staticmethod
    def _events_of_note(conn: Connection, note_id: int) -> frozenset[int]:
        rows = conn.execute(
            text("SELECT e.id FROM user_notes n JOIN events e ON e.key = n.event_key WHERE n.id = :id"),
            {"id": note_id},
        )
        return frozenset(int(r[0]) for r in rows)

    def notes(self) -> list[NoteRow]:
        """Every reader's note with its event's title, newest change first."""
        from desktop.notes import list_notes

        with self._connect() as conn:
            return list_notes(conn)

    # ------------------------------------------------------------------ editing the catalogue (issue 18)

    @contextmanager
    def _edit(self, what: str, needs: str = "cataloguer") -> Iterator[Connection]:
        """One edit: refused on a read-only store or to a role below ``needs``, one writer at a time, one
        transaction (all or nothing)."""
        from desktop.store.journal import pause_if_testing

        self._writable(what, needs)
        with self._write_lock, self._store.session() as s:
            yield s.connection()
            pause_if_testing()  # the reliability tests' kill point: everything written, nothing committed

    # Each edit is one transaction and one undoable step: validated first, recorded in the journal of
    # edits (kept across rebuilds, imports, upgrades and restores), the events it touches written again.

    def _event_key(self, conn: Connection, event: str | int) -> tuple[int, str]:
        from desktop.editing.operations import EditError, event_key

        event_id = q.find_event_id(conn, event)
        if event_id is None:
            raise EditError(f"no event with id {event!r} (see `archive-viewer events`)")
        return event_id, event_key(conn, event_id)

    def _event_ids(self, conn: Connection, keys: Iterable[str]) -> frozenset[int]:
        return frozenset(int(i) for key in keys if (i := q.find_event_id(conn, key)) is not None)

    def edit_event(self, event: str | int, *, seen: dict[str, Any] | None = None, **changes: Any) -> Change:
        """Set fields of an event (``title``, ``summary``, ``type``, ``start``, ``end``, ``place``): dates as
        ``{"date": "2024-05", "certainty": "stated", "reason": None}``, a place as an entity key. Raises
        EditError naming the field when a value cannot be taken; nothing is written then.

        ``seen``: the fields as the person read them (``event_fields``) when they began editing; a field
        someone else has changed since raises EditConflict with both values, and nothing is written."""
        from desktop.editing.operations import edit_event
        from desktop.store.journal import current_author

        with self._edit("edit it") as conn:
            event_id, key = self._event_key(conn, event)
            changed = edit_event(conn, key, changes, current_author(conn), seen)
        return Change(events=frozenset({event_id}), catalogue=True) if changed else Change()

    def create_event(
        self,
        fields: dict[str, Any],
        documents: Sequence[int] = (),
        passage: tuple[int, int, int] | None = None,
        parent: str | int | None = None,
    ) -> tuple[str, Change]:
        """A new event (one undoable step) reported by these documents, or by the document of a passage
        whose words become its evidence; ``fields`` as :meth:`edit_event` takes them (a title at least).
        A document an event reports has no provisional event of its own. Its key, and what changed."""
        from desktop.editing.eventops import create_event
        from desktop.store.journal import current_author

        with self._edit("make an event") as conn:
            parent_key = self._event_key(conn, parent)[1] if parent is not None else None
            key, events = create_event(
                conn, fields, list(documents), current_author(conn), passage, parent_key
            )
        return key, Change(events=events, catalogue=True)

    def merge_events(self, keep: str | int, other: str | int) -> Change:
        """Merge ``other`` into ``keep`` (one undoable step): its sources, participants and parts join the
        event that stays; it is marked removed (undo brings it back)."""
        from desktop.editing.eventops import merge_events
        from desktop.store.journal import current_author

        with self._edit("merge events") as conn:
            a, b = self._event_key(conn, keep)[1], self._event_key(conn, other)[1]
            events = merge_events(conn, a, b, current_author(conn))
        return Change(events=events, catalogue=True)

    def split_event(self, event: str | int, title: str, documents: Sequence[int] = ()) -> tuple[str, Change]:
        """A new event made from this one (its type, dates and place, the title given), reported by the
        documents chosen — detached from this one — or by its one source. Its key, and what changed."""
        from desktop.editing.eventops import split_event
        from desktop.store.journal import current_author

        with self._edit("split an event") as conn:
            key, events = split_event(
                conn, self._event_key(conn, event)[1], title, list(documents), current_author(conn)
            )
        return key, Change(events=events, catalogue=True)

    def set_sources(self, event: str | int, documents: Sequence[int]) -> Change:
        """The documents that report an event (attach, detach), one undoable step."""
        from desktop.editing.eventops import set_sources
        from desktop.store.journal import current_author

        with self._edit("change an event's sources") as conn:
            events = set_sources(conn, self._event_key(conn, event)[1], list(documents), current_author(conn))
        return Change(events=events, catalogue=True)

    def event_sources(self, event: str | int) -> list[int]:
        from desktop.editing.eventops import sources_of

        with self._connect() as conn:
            return sources_of(conn, self._event_key(conn, event)[1])

    def set_parent(self, event: str | int, parent: str | int | None) -> Change:
        """The event this one is part of (None: none), one undoable step."""
        from desktop.editing.eventops import set_parent
        from desktop.store.journal import current_author

        with self._edit("set an event's parent") as conn:
            key = self._event_key(conn, event)[1]
            parent_key = self._event_key(conn, parent)[1] if parent not in (None, "") else None
            events = set_parent(conn, key, parent_key, current_author(conn))
        return Change(events=events, catalogue=True)

    def find_document(self, document: str | int) -> int:
        """A document's id from its file name, number, SHA-256 (or a prefix of 8 or more), or path."""
        from desktop.editing.eventfields import EditError

        with self._connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT id, filename FROM documents WHERE filename = :d OR path = :d "
                    "OR CAST(id AS TEXT) = :d OR (length(:d) >= 8 AND sha256 LIKE :d || '%')"
                ),
                {"d": str(document)},
            ).all()
        if not rows:
            raise EditError(f"document: no document {document!r} (see `archive-viewer documents`)")
        if len(rows) > 1:
            names = ", ".join(r.filename for r in rows)
            raise EditError(f"document: {document!r} names {len(rows)} documents ({names}); give one")
        return int(rows[0].id)

    def edit_participant(
        self, event: str | int, entity: str, role: str | None, title: str | None = None
    ) -> Change:
        """Add a participant (a person, organisation or place, by key or any name) with a role, change its
        role or title, or remove it (``role`` None): one undoable step."""
        from desktop.editing.operations import edit_participant
        from desktop.store.journal import current_author

        with self._edit("edit its participants") as conn:
            event_id, key = self._event_key(conn, event)
            entity_key = self._entity_key(conn, entity)
            changed = edit_participant(conn, key, entity_key, role, title, current_author(conn))
        return Change(events=frozenset({event_id}), catalogue=True) if changed else Change()

    def participants(self, event: str | int) -> dict[str, dict[str, Any]]:
        """An event's participants: entity key → role and title."""
        from desktop.editing.operations import participants

        with self._connect() as conn:
            return participants(conn, self._event_key(conn, event)[1])

    def event_key(self, event: str | int) -> str:
        """An event's stable id (``evt.…``/``doc.…``) from its row id or any id the command line takes."""
        with self._connect() as conn:
            return self._event_key(conn, event)[1]

    def event_fields(self, event: str | int) -> dict[str, Any]:
        """An event's editable fields as it shows them (the editor's starting values)."""
        from desktop.editing.operations import event_fields

        with self._connect() as conn:
            return event_fields(conn, self._event_key(conn, event)[1])

    def suggestions(self, event: str | int | None = None, kind: str | None = None) -> list[Any]:
        """The first pass's proposals (of one event's documents), each with its number and decision."""
        from desktop.editing.operations import suggestions

        with self._connect() as conn:
            keys = None if event is None else [self._event_key(conn, event)[1]]
            return list(suggestions(conn, keys, kind))

    def decide_suggestions(self, ids: Sequence[int], decision: str) -> Change:
        """Accept or reject proposals by number, as one step (``decision``: accepted or rejected)."""
        from desktop.editing.operations import decide
        from desktop.store.journal import current_author

        with self._edit("decide proposals") as conn:
            touched = decide(conn, list(ids), decision, current_author(conn))
            return Change(events=self._event_ids(conn, touched), catalogue=bool(touched))

    def undo(self) -> EditStep:
        """Undo the newest edit step: its journal rows (none when there was none) and what changed."""
        from desktop.editing.operations import undo

        with self._edit("undo an edit") as conn:
            rows, events = undo(conn)
        return EditStep(tuple(rows), Change(events=events, catalogue=bool(rows)))

    def redo(self) -> EditStep:
        """Redo the step undone last (none after a new edit): its journal rows and what changed."""
        from desktop.editing.operations import redo

        with self._edit("redo an edit") as conn:
            rows, events = redo(conn)
        return EditStep(tuple(rows), Change(events=events, catalogue=bool(rows)))

    def can_undo_redo(self) -> tuple[bool, bool]:
        from desktop.store.journal import can_undo_redo

        with self._connect() as conn:
            return can_undo_redo(conn)

    def history(self, event: str | int | None = None, entity: str | None = None) -> list[Any]:
        """Every edit, oldest first (undone ones too): all; one event's (its fields, participants, and its
        documents' notes, links and proposals); or one entity's (with the duplicates merged into it)."""
        from desktop.store.journal import entity_history, event_history, history

        with self._connect() as conn:
            if entity is not None:
                return entity_history(conn, self._entity_key(conn, entity))
            if event is None:
                return history(conn)
            return event_history(conn, self._event_key(conn, event)[1])

    def add_passage_note(
        self, document_id: int, start: int, end: int, kind: str, body: str, certainty: str | None = None
    ) -> Change:
        """Anchor a translation note to ``start``–``end`` of a document's original (one undoable step)."""
        from desktop.editing.passagenotes import add_note
        from desktop.store.journal import current_author

        with self._edit("add a note") as conn:
            _key, events = add_note(
                conn, document_id, start, end, kind, body, certainty, current_author(conn)
            )
        return Change(events=events, notes=True)

    def edit_passage_note(
        self, document_id: int, key: str, body: str, kind: str | None = None, certainty: str | None = None
    ) -> Change:
        from desktop.editing.passagenotes import change_note
        from desktop.store.journal import current_author

        with self._edit("edit a note") as conn:
            events = change_note(conn, document_id, key, body, kind, certainty, current_author(conn))
        return Change(events=events, notes=True)

    def delete_passage_note(self, document_id: int, key: str) -> Change:
        """Delete a reader's translation note (the history keeps it; Ctrl+Z brings it back)."""
        from desktop.editing.passagenotes import change_note
        from desktop.store.journal import current_author

        with self._edit("delete a note") as conn:
            events = change_note(conn, document_id, key, None, None, None, current_author(conn))
        return Change(events=events, notes=True)

    def _entity_key(self, conn: Connection, entity: str) -> str:
        """An entity's key from its key or any of its names (one entity, or EditError naming them)."""
        from desktop.editing.eventfields import EditError

        if conn.execute(text("SELECT 1 FROM entities WHERE key = :k"), {"k": entity}).first():
            return entity
        from desktop.editing.entityrows import merged_into

        survivor = merged_into(conn).get(entity)  # a merged duplicate's key names its survivor
        if survivor is not None:
            return survivor
        refs = q.resolve_entity(conn, entity)
        if not refs:
            raise EditError(f"no entity is called {entity!r} (see `archive-viewer entities`)")
        if len(refs) > 1:
            found = ", ".join(r.key for r in refs)
            raise EditError(f"{entity!r} names {len(refs)} entities ({found}): give one key")
        return str(refs[0].key)

    def create_entity(
        self,
        type: str,
        name: str,
        native: str | None = None,
        native_lang: str | None = None,
        country: str | None = None,
        passage: tuple[int, int, int] | None = None,
    ) -> tuple[str, Change]:
        """A new person, organisation or place of the authority (one undoable step), linked to the words
        it was made from (document id, start, end) when given; the documents writing its names find it.
        Its key, and what changed."""
        from desktop.editing.entityops import create_entity
        from desktop.store.journal import current_author

        with self._edit("create an entity") as conn:
            country_key = self._entity_key(conn, country) if country else None
            key, events = create_entity(
                conn, type, name, native, native_lang, country_key, current_author(conn), passage
            )
        return key, Change(events=events, catalogue=True)

    def rename_entity(
        self, entity: str, name: str | None = None, native: str | None = None, native_lang: str | None = None
    ) -> Change:
        """Another canonical (English) or native name for an entity (``native`` "" removes it), one undoable
        step; its former names stay names of it."""
        from desktop.editing.entityops import rename
        from desktop.store.journal import current_author

        with self._edit("rename an entity") as conn:
            events = rename(
                conn, self._entity_key(conn, entity), name, native, native_lang, current_author(conn)
            )
        return Change(events=events, catalogue=True)

    def add_alias(self, entity: str, name: str, lang: str | None = None, kind: str = "variant") -> Change:
        """Give an entity another name (one step); the documents that write it are linked to it."""
        from desktop.editing.entityops import add_alias
        from desktop.store.journal import current_author

        with self._edit("add a name") as conn:
            events = add_alias(conn, self._entity_key(conn, entity), name, lang, kind, current_author(conn))
        return Change(events=events, catalogue=True)

    def remove_alias(self, entity: str, name: str) -> Change:
        from desktop.editing.entityops import remove_alias
        from desktop.store.journal import current_author

        with self._edit("remove a name") as conn:
            events = remove_alias(conn, self._entity_key(conn, entity), name, current_author(conn))
        return Change(events=events, catalogue=True)

    def merge_preview(self, keep: str, duplicate: str) -> dict[str, Any]:
        """Both entities side by side (names, mentions, events) as a merge would combine them."""
        from desktop.editing.entityops import merge_preview

        with self._connect() as conn:
            return merge_preview(conn, self._entity_key(conn, keep), self._entity_key(conn, duplicate))

    def merge_entities(self, keep: str, duplicate: str) -> Change:
        """Merge ``duplicate`` into ``keep`` as one undoable step: its names become aliases of the survivor
        and every mention, participation, place and filter row moves to it."""
        from desktop.editing.entityops import merge
        from desktop.store.journal import current_author

        with self._edit("merge entities", needs="archivist") as conn:
            a, b = self._entity_key(conn, keep), self._entity_key(conn, duplicate)
            events = merge(conn, a, b, current_author(conn))
        return Change(events=events, catalogue=True)

    def link_passage(self, document_id: int, start: int, end: int, entity: str | None) -> Change:
        """Link words of a document's original to an entity (a key or any name; None takes a reader's link
        away): the event is found by it at once; one undoable step."""
        from desktop.editing.operations import link_passage
        from desktop.store.journal import current_author

        with self._edit("link a passage") as conn:
            key = self._entity_key(conn, entity) if entity is not None else None
            events = link_passage(conn, document_id, start, end, key, current_author(conn))
        return Change(events=events, catalogue=True)

    def find_passage(self, document: str | int, quote: str, occurrence: int = 1) -> tuple[int, int, int]:
        """(document id, start, end) of the ``occurrence``-th time ``quote`` occurs in a document named by
        its file name, number, SHA-256 (or a prefix of it), or an event with one source."""
        from desktop.editing.eventfields import EditError
        from desktop.textspans import count_quote, find_quote

        with self._connect() as conn:
            ident = str(document)
            rows = conn.execute(
                text(
                    "SELECT id, filename, text FROM documents WHERE filename = :d OR path = :d "
                    "OR CAST(id AS TEXT) = :d OR (length(:d) >= 8 AND sha256 LIKE :d || '%')"
                ),
                {"d": ident},
            ).all()
            if not rows and (event_id := q.find_event_id(conn, ident)) is not None:
                rows = conn.execute(
                    text(
                        "SELECT d.id, d.filename, d.text FROM documents AS d JOIN event_documents AS ed "
                        "ON ed.document_id = d.id WHERE ed.event_id = :e"
                    ),
                    {"e": event_id},
                ).all()
            if not rows:
                raise EditError(f"document: no document or event {ident!r} (see `archive-viewer documents`)")
            if len(rows) > 1:
                names = ", ".join(r.filename for r in rows)
                raise EditError(f"document: {ident!r} names {len(rows)} documents ({names}); give one")
            row = rows[0]
            span = find_quote(row.text, quote, occurrence)
            if span is None:
                found = count_quote(row.text, quote)
                said = f"occurs {found} time(s)" if found else "is not in it (copy the words exactly)"
                raise EditError(f"passage: {quote!r} {said} in {row.filename}")
            return int(row.id), span[0], span[1]

    def flag_entity(self, entity: str, reason: str | None) -> Change:
        """Flag an entity for later review, saying why (``reason`` None clears the flag); one step."""
        from desktop.editing.flags import flag_entity
        from desktop.store.journal import current_author

        with self._edit("flag an entity") as conn:
            flag_entity(conn, self._entity_key(conn, entity), reason, current_author(conn))
        return Change(catalogue=True)

    def flag_passage(self, document_id: int, start: int, end: int, reason: str | None) -> Change:
        """Flag words of a document for later review when nothing in the authority fits them (``reason``
        None clears the flag); one step."""
        from desktop.editing.flags import flag_passage
        from desktop.store.journal import current_author

        with self._edit("flag a passage") as conn:
            keys = flag_passage(conn, document_id, start, end, reason, current_author(conn))
            return Change(events=self._event_ids(conn, keys))

    def flags(self) -> list[dict[str, Any]]:
        """Every flag for review not cleared: entities and passages, with reason, who and when."""
        from desktop.editing.flags import open_flags

        with self._connect() as conn:
            return open_flags(conn)

    def conflicts(self, event: str | int) -> list[tuple[str, Any, Any]]:
        """(field, what the catalogue now says, what a person gave) where a rebuild changed an edit."""
        from desktop.editing.operations import conflicts

        with self._connect() as conn:
            return conflicts(conn, self._event_key(conn, event)[1])

    # ------------------------------------------------------------------ reading

    # Reads that can take seconds at a million events take a ``cancel`` token (see desktop.services.cancel):
    # the window cancels a read a newer one replaces, and its SQLite statement stops within milliseconds.

    def count(self, f: q.EventFilter, cancel: CancelToken | None = None) -> int:
        with self._connect(cancel) as conn:
            return q.count_events(conn, f)

    def page(
        self,
        f: q.EventFilter,
        sort: str = "date",
        descending: bool = False,
        after: tuple[Any, int] | None = None,
        limit: int = 200,
        offset: int = 0,
        cancel: CancelToken | None = None,
    ) -> list[q.EventRow]:
        # A first page in date order comes from the facet index when it is current (the same rows as
        # the SQL: a test compares them); later pages continue after its last row by keyset in SQL.
        index = self._facet_index_if_read() if sort == "date" and after is None and not offset else None
        with self._connect(cancel) as conn:
            ids = index.first_page(conn, f, limit, descending) if index is not None else None
            if ids is not None:
                return q.rows_in_date_order(conn, ids)
            return q.page_events(conn, f, sort, descending, after, limit, offset)

    def all_rows(self, f: q.EventFilter, sort: str = "date", descending: bool = False) -> list[q.EventRow]:
        with self._connect() as conn:
            return list(q.iter_events(conn, f, sort, descending))

    def facets(
        self, f: q.EventFilter, kind: str, limit: int | None = None, name_filter: str | None = None
    ) -> list[q.FacetValue]:
        names = {kind: name_filter} if name_filter else None
        return self.all_facets(f, limit, (kind,), names)[kind]

    def all_facets(
        self,
        f: q.EventFilter,
        limit: int | None = None,
        kinds: Sequence[str] = q.FACET_KINDS,
        name_filters: dict[str, str] | None = None,
        cancel: CancelToken | None = None,
    ) -> dict[str, list[q.FacetValue]]:
        """Each kind's facet counts, as the window asks for them: from the facet index when it is
        current, else in SQL (kinds sharing a filter share a pass); a kind whose list is being searched by
        name is counted in SQL."""
        names = {k: v for k, v in (name_filters or {}).items() if v and v.strip()}
        index = self.facet_index()
        with self._connect(cancel) as conn:
            out = None
            if index is not None:
                with q.search_errors(f.text):
                    out = index.facets(conn, f, [k for k in kinds if k not in names], limit)
            if out is None:
                return q.all_facets(conn, f, limit, kinds, name_filters)
            if names:
                out.update(q.all_facets(conn, f, limit, [k for k in kinds if k in names], names))
            return {kind: out[kind] for kind in kinds}

    def map_points(self, f: q.EventFilter, cancel: CancelToken | None = None) -> list[dict[str, Any]]:
        """The places events under ``f`` are at or name, with their counts and coordinates (``id``,
        ``name``, ``count``, ``lat``, ``lon``), for the map; places the gazetteer cannot locate (regions,
        small places) are left out."""
        from desktop.geo import locate

        with self._connect(cancel) as conn:
            points = []
            for v in q.facet_counts(conn, f, "place", None, None):
                # Most places are found by their English name; the others by any of their names.
                where = locate([v.label]) or locate(
                    n["text"] for n in q.alias_details(conn, int(v.value)).get(int(v.value), [])
                )
                if where is not None:
                    lat, lon = where
                    points.append(
                        {"id": int(v.value), "name": v.label, "count": v.count, "lat": lat, "lon": lon}
                    )
        return points

    def timeline(self, f: q.EventFilter, cancel: CancelToken | None = None) -> tl.Timeline:
        """Events per month or year under ``f`` (all but its own date range, which the strip edits)."""
        with self._connect(cancel) as conn:
            return tl.timeline_counts(conn, f)

    def landmarks(
        self, f: q.EventFilter, sort: str, descending: bool, block: int, cancel: CancelToken | None = None
    ) -> dict[int, tuple[Any, int]] | None:
        """The keyset before each block of ``block`` rows, so a far jump needs no OFFSET (None: relevance)."""
        with self._connect(cancel) as conn:
            return block_landmarks(conn, f, sort, descending, block)

    def snippets(self, query: str, event_ids: Sequence[int]) -> dict[int, str]:
        """A line of context around each event's first match of a search (for the list while searching)."""
        with self._connect() as conn:
            return q.search_snippets(conn, query, event_ids)

    def matched_entities(self, query: str) -> frozenset[int]:
        """The entities a search names, to mark their mentions too."""
        with self._connect() as conn:
            return q.matched_entities(conn, query)

    def resolve_entity(self, name: str) -> list[q.EntityRef]:
        with self._connect() as conn:
            return q.resolve_entity(conn, name)

    def find_event(self, ident: str | int) -> int | None:
        with self._connect() as conn:
            return q.find_event_id(conn, ident)

    def row_of_event(self, f: q.EventFilter, sort: str, descending: bool, event_id: int) -> int | None:
        with self._connect() as conn:
            return q.row_of_event(conn, f, sort, descending, event_id)

    def entity_refs(self, ids: Iterable[int]) -> dict[int, q.EntityRef]:
        with self._connect() as conn:
            return q.entity_refs(conn, ids)

    def detail(self, event_id: int, cancel: CancelToken | None = None) -> dt.EventDetail | None:
        """Everything about one event, its documents' texts exactly as stored; ``row.id`` is ``event_id``."""
        with self._connect(cancel) as conn:
            return dt.event_detail(conn, event_id)

    def documents(self) -> list[shapes.DocumentSummary]:
        with self._connect() as conn:
            rows = q.list_documents(conn)
            proposed = q.first_pass_of(conn, document_ids=[r.id for r in rows if not r.catalogued])
        return [shapes.DocumentSummary(**row._asdict(), first_pass=proposed.get(row.id, {})) for row in rows]

    def entities(self, kind: str | None = None) -> list[tuple[q.EntityRef, list[str]]]:
        with self._connect() as conn:
            return q.list_entities(conn, kind)

    def entity_native(self, entity_id: int) -> tuple[str | None, str | None]:
        """An entity's native name and its language (None: none established)."""
        with self._connect() as conn:
            row = conn.execute(
                text("SELECT native, native_lang FROM entities WHERE id = :e"), {"e": entity_id}
            ).one_or_none()
        return (row.native, row.native_lang) if row is not None else (None, None)

    def entity_names(self, entity_id: int) -> list[dict[str, Any]]:
        """One entity's names, each with its language, kind and source (one indexed read)."""
        with self._connect() as conn:
            return q.alias_details(conn, entity_id).get(entity_id, [])

    def entities_json(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The public JSON shape of the authority (``archive-viewer entities --format json``)."""
        with self._connect() as conn:
            return shapes.entities_json(q.list_entities(conn, kind), q.alias_details(conn))

    def events_json(self, rows: Sequence[q.EventRow]) -> list[dict[str, Any]]:
        """The public JSON shape of events (``archive-viewer events --format json``)."""
        with self._connect() as conn:
            ids = [r.id for r in rows]
            names = q.related_names(conn, ids)
            docs = q.documents_of(conn, ids)
            proposed = q.first_pass_of(conn, event_ids=[r.id for r in rows if r.uncatalogued])
        return [shapes.event_json(r, names[r.id], docs[r.id], proposed.get(r.id, {})) for r in rows]

    def detail_json(self, detail: dt.EventDetail) -> dict[str, Any]:
        """The public JSON shape of one event (``archive-viewer show ID --format json``)."""
        return shapes.detail_json(self.events_json([detail.row])[0], detail)

    # ------------------------------------------------------------------ export

    def export_csv(
        self,
        out: Path,
        *,
        ids: Sequence[int] | None = None,
        event_filter: q.EventFilter | None = None,
        sort: str = "date",
        descending: bool = False,
        columns: Sequence[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """``columns``: the CSV's columns (None: the default set)."""
        from desktop.export.csv_export import DEFAULT_COLUMNS, export_events

        with self._connect() as conn:
            return export_events(
                conn,
                out,
                ids=ids,
                event_filter=event_filter,
                sort=sort,
                descending=descending,
                columns=DEFAULT_COLUMNS if columns is None else columns,
                progress=progress,
                should_cancel=should_cancel,
                store=self.path,
            )


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _copy_store(source: Path, target: Path) -> None:
    """Copy a store with SQLite's backup API into place (a temporary name first, so no half file remains)."""
    import os

    from desktop.store.engine import copy_store_file

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    copy_store_file(source, partial)
    os.replace(partial, target)

"""Looking at a store after a fault: is it sound, and is every document whole?

The store's content is compared by natural keys (a document's SHA-256, an entity's or event's key), never
by row ids, so that a store rebuilt after a kill compares equal to one built without interruption.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from pathlib import Path

# Surrogate ids, and what records *when* rather than *what*.
_VOLATILE_COLUMNS = {"id", "imported_at"}
_VOLATILE_META = {"built_at", "facet_log_floor"}
_NATURAL = {"documents": "sha256", "entities": "key", "events": "key"}
# The full-text indexes' rows are keyed by rowid: an event's (its id in the low 32 bits) or an entity's.
_INDEX_OWNER = {"event_index": "events", "entity_index": "entities"}
_ROWID_MASK = (1 << 32) - 1
# Before migration 0004: one search_index row per text, whose ref points at a document, event or entity.
_SEARCH_REF = {"document": "documents", "note": "documents", "rendering": "documents", "event": "events"}

Row = tuple[tuple[str, object], ...]


def connect_ro(path: Path) -> sqlite3.Connection:
    """A connection that changes no content. Not ``mode=ro``: after a kill, opening the store has to
    recover its write-ahead log first, exactly as the app's next start does."""
    return sqlite3.connect(str(path))


def soundness(path: Path) -> list[str]:
    """Problems found by integrity_check and foreign_key_check (empty when the store is sound)."""
    con = connect_ro(path)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in con.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        con.close()


def _tables(con: sqlite3.Connection) -> list[str]:
    rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    # FTS shadow tables hold the index's internal layout, which may differ for equal content; the facet
    # index's change log records which events were written, not what the archive holds.
    return sorted(
        name
        for name, _sql in rows
        if not name.startswith("sqlite_")
        and not any(name.startswith(v + "_") for v in virtual)
        and name != "facet_changes"
    )


class Snapshot:
    """A store's rows by table, keyed naturally, each assigned to the document it belongs to (or None).

    A row belongs to a document when it refers to it, or to an uncatalogued event made from it alone:
    those are the rows an import of that one document writes, and must all be there or none.
    """

    def __init__(self, path: Path, document_key: str = "sha256") -> None:
        # document_key="path": documents by where they are, so that an updated document still counts as
        # the same one (for the events of a refresh, which are rebuilt after the documents).
        self._natural = {**_NATURAL, "documents": document_key}
        con = connect_ro(path)
        try:
            self._read(con)
        finally:
            con.close()

    def _read(self, con: sqlite3.Connection) -> None:
        tables = _tables(con)
        if "event_documents" not in tables:
            tables = []  # killed before the schema was created: as good as no store at all
        keys = {
            table: dict(con.execute(f"SELECT id, {col} FROM {table}").fetchall()) if tables else {}
            for table, col in self._natural.items()
        }
        # An uncatalogued event linked to exactly one document belongs to that document.
        event_owner: dict[int, str] = {}
        for event_id, doc_id, uncatalogued in con.execute(
            "SELECT ed.event_id, min(ed.document_id), e.uncatalogued FROM event_documents ed "
            "JOIN events e ON e.id = ed.event_id GROUP BY ed.event_id HAVING count(*) = 1"
            if tables
            else "SELECT 1, 1, 0 WHERE 0"
        ):
            if uncatalogued:
                event_owner[event_id] = keys["documents"][doc_id]
        self.rows: dict[str | None, Counter[tuple[str, Row]]] = {}
        self.event_rows: Counter[tuple[str, Row]] = Counter()
        for table in tables:
            indexed = _INDEX_OWNER.get(table)
            cur = con.execute(f"SELECT {'rowid AS rowid_, ' if indexed else ''}* FROM {table}")
            cols = [d[0] for d in cur.description]
            fks = {r[3]: r[2] for r in con.execute(f"PRAGMA foreign_key_list({table})")}
            for raw in cur:
                values = dict(zip(cols, raw, strict=True))
                if table == "meta" and values.get("key") in _VOLATILE_META:
                    continue
                owner: str | None = None
                touches_event = table == "events"
                if table == "documents":
                    owner = values[self._natural["documents"]]
                if table == "events":
                    owner = event_owner.get(values["id"])
                row: list[tuple[str, object]] = []
                for col, value in values.items():
                    target = fks.get(col)
                    if table == "search_index" and col == "ref":
                        target = _SEARCH_REF.get(str(values.get("kind")), "entities")
                    if indexed and col == "rowid_":
                        target = indexed
                        value = int(value) & _ROWID_MASK  # type: ignore[call-overload]
                    if target in keys and value is not None:
                        if target == "documents":
                            owner = owner or keys["documents"].get(value)
                        if target == "events":
                            touches_event = True
                            owner = owner or event_owner.get(value)
                        value = (target, keys[target].get(value, f"dangling {value}"))
                    if col in _VOLATILE_COLUMNS:
                        continue
                    row.append((col, value))
                item = (table, tuple(row))
                self.rows.setdefault(owner, Counter())[item] += 1
                if touches_event:
                    self.event_rows[item] += 1

    @property
    def documents(self) -> set[str]:
        return {k for k in self.rows if k is not None}

    def all_rows(self) -> Counter[tuple[str, Row]]:
        total: Counter[tuple[str, Row]] = Counter()
        for rows in self.rows.values():
            total += rows
        return total

    def digest(self) -> str:
        h = hashlib.sha256()
        for item in sorted(repr(i) for i in self.all_rows().elements()):
            h.update(item.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def without_events(self, owner: str | None) -> Counter[tuple[str, Row]]:
        rows = self.rows.get(owner, Counter())
        return Counter({k: v for k, v in rows.items() if k not in self.event_rows})


def diff(a: Counter[tuple[str, Row]], b: Counter[tuple[str, Row]], limit: int = 3) -> str:
    """A short description of how two row sets differ (for assertion messages)."""
    only_a, only_b = a - b, b - a
    lines = [f"{len(only_a)} row(s) only in the first, {len(only_b)} only in the second"]
    lines += [f"  - {str(r)[:300]}" for r in list(only_a)[:limit]]
    lines += [f"  + {str(r)[:300]}" for r in list(only_b)[:limit]]
    return "\n".join(lines)


def half_imported(killed: Snapshot, references: list[Snapshot], *, events_whole: bool) -> list[str]:
    """Documents of ``killed`` whose rows differ from every clean state's (``references``); [] when none.

    The references are the store before the run and after a clean run: a refresh may be killed with some
    documents still in their old version, which must then be whole too. With ``events_whole`` (an import:
    each document and its event in one transaction) a document's event rows count; a build writes the
    events in one last transaction, checked by ``events_state``.
    """
    problems = []
    for sha in sorted(killed.documents):
        holders = [ref for ref in references if sha in ref.documents]
        if not holders:
            problems.append(f"{sha[:12]}: a document no clean state has")
            continue
        got = killed.rows[sha] if events_whole else killed.without_events(sha)
        wants = [ref.rows[sha] if events_whole else ref.without_events(sha) for ref in holders]
        if got not in wants:
            problems.append(f"{sha[:12]}: {diff(got, wants[-1])}")
    return problems


def events_state(killed: Snapshot, candidates: dict[str, Snapshot]) -> str | None:
    """Which of the candidate stores the event rows of ``killed`` equal in full, or None."""
    for name, snap in candidates.items():
        if killed.event_rows == snap.event_rows:
            return name
    return None

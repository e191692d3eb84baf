"""The catalogue as the archive now holds it — the catalogue it was built from with every edit people made —
written back as catalogue files (``archive-viewer catalogue export``, issue 18).

Read from the store's rows, not by replaying the journal over the catalogue: the rows are what the window
shows (merges folded in, created entities, names added and removed, events edited, notes and links on
passages). What people decided stays theirs and what the machine proposed stays a proposal: an
uncatalogued document's event is written only with the fields people gave (``first_pass = true``: a build
proposes the rest again), and its document file (``uncatalogued = true``) carries only their notes and
links. A document's bytes are copied from its file when it is still there and still the same, else
re-encoded from the stored text and checked against its SHA-256; one that cannot be reproduced exactly is
reported by name and left out, with the records that need it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from desktop.aliases import fold
from desktop.catalogue.model import FIRST_PASS_FIELDS, Catalogue
from desktop.catalogue.tomlwriter import Inline, dumps
from desktop.textspans import find_quote


@dataclass
class Snapshot:
    """The catalogue files to write: each file's path under the folder → its bytes; what was left out."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _quote(original: str, start: int, end: int) -> dict[str, Any]:
    """A span as the format points at it: the words, and which occurrence of them when not the first."""
    words = original[start:end]
    occurrence, pos = 1, original.find(words)
    while 0 <= pos < start:
        pos = original.find(words, pos + 1)
        occurrence += 1
    out: dict[str, Any] = {"quote": words}
    if occurrence > 1 and find_quote(original, words, occurrence) == (start, end):
        out["occurrence"] = occurrence
    return out


def _date(row: Any, end: str) -> dict[str, Any]:
    d = {
        "date": row[f"{end}_date"],
        "precision": row[f"{end}_precision"] or "unknown",
        "certainty": row[f"{end}_certainty"] or "unknown",
        "reason": row[f"{end}_reason"],
    }
    if d["certainty"] == "proposed":  # a first-pass date accepted as it was proposed is an inference
        d["certainty"] = "inferred"
    return d


def _bytes_of(row: Any, seeds_dir: Path | None) -> bytes | None:
    """A document's exact bytes: its file if still the same, else its text encoded as it was read."""
    candidates = []
    if row.origin == "seed" and seeds_dir is not None:
        candidates.append(seeds_dir / row.path)
    elif row.origin != "seed":
        candidates.append(Path(row.path))
    for path in candidates:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == row.sha256:
            return data
    for encoding in (row.encoding, "utf-8-sig"):
        try:
            data = row.text.encode(encoding)
        except (LookupError, UnicodeError):
            continue
        if hashlib.sha256(data).hexdigest() == row.sha256:
            return data
    return None


def snapshot(conn: Connection) -> Snapshot:
    """Every catalogue file of the archive as it now is (see the module's docstring)."""
    out = Snapshot()
    folder = conn.execute(text("SELECT value FROM meta WHERE key = 'seeds_dir'")).scalar()
    seeds_dir = Path(folder) if folder else None
    built = _built(seeds_dir)

    # Documents: their names in the folder (a seed keeps its own; an import's is made unique).
    docs = conn.execute(
        text(
            "SELECT id, path, filename, origin, sha256, encoding, text, language, title, publisher, summary, "
            "is_translation, translated_from, translation_kind, translation_note, catalogued "
            "FROM documents ORDER BY origin != 'seed', id"
        )
    ).all()
    names: dict[int, str] = {}
    texts: dict[int, str] = {}
    taken: set[str] = set()
    for d in docs:
        name = d.filename
        if name in taken or not name.strip() or "/" in name:
            stem, dot, suffix = name.rpartition(".")
            name = f"{stem or name}_{d.sha256[:12]}{dot}{suffix if stem else ''}"
        data = _bytes_of(d, seeds_dir)
        if data is None:
            out.problems.append(
                f"{d.path}: its file is gone or changed and its text does not give back its SHA-256; "
                "left out (import the original file again, then export)"
            )
            continue
        taken.add(name)
        names[d.id] = name
        texts[d.id] = d.text
        out.files[f"documents/{name}"] = data
    sums = "".join(
        f"{hashlib.sha256(out.files[f'documents/{names[d.id]}']).hexdigest()}  documents/{names[d.id]}\n"
        for d in docs
        if d.id in names
    )
    out.files["SHA256SUMS"] = sums.encode("utf-8")

    keys = {int(i): str(k) for i, k in conn.execute(text("SELECT id, key FROM entities"))}
    out.files["catalogue/authority.toml"] = _authority(conn, keys).encode("utf-8")
    events, first_pass_docs = _events(conn, keys, names, texts)
    out.files["catalogue/events.toml"] = dumps({"event": events}).encode("utf-8")
    documents = _documents(conn, docs, names, texts, keys, built, first_pass_docs)
    for name, body in documents.items():
        out.files[f"catalogue/documents/{Path(name).stem}.toml"] = body.encode("utf-8")
    out.counts = {
        "documents": len(names),
        "entities": len(keys),
        "events": len(events),
        "document_files": len(documents),
    }
    return out


def _built(seeds_dir: Path | None) -> Catalogue | None:
    """The catalogue the archive was built from, for what the store does not keep (a translation's
    certainty, an inferred publication date's reason)."""
    from desktop.catalogue.model import load_catalogue

    return load_catalogue(seeds_dir) if seeds_dir is not None and seeds_dir.is_dir() else None


def _authority(conn: Connection, keys: dict[int, str]) -> str:
    aliases: dict[int, list[Any]] = defaultdict(list)
    for a in conn.execute(
        text(
            "SELECT entity_id, text, lang, kind, match FROM aliases "
            "WHERE source IN ('catalogue', 'reader') ORDER BY id"
        )
    ):
        aliases[int(a.entity_id)].append(a)
    entities = []
    for e in conn.execute(
        text(
            "SELECT id, key, type, name, native, native_lang, country_id, within_id, certainty, note "
            "FROM entities ORDER BY key"
        )
    ):
        own = {fold(e.name), fold(e.native or "")}
        forms = Inline()
        for a in aliases[int(e.id)]:
            if fold(a.text) in own:
                continue
            own.add(fold(a.text))
            form: dict[str, Any] = {"text": a.text, "lang": a.lang}
            if a.kind and a.kind not in ("variant", "canonical"):
                form["kind"] = a.kind
            if not a.match:
                form["match"] = False
            forms.append(form)
        entities.append(
            {
                "id": e.key,
                "type": e.type,
                "name": e.name,
                "native": e.native,
                "native_lang": e.native_lang if e.native else None,
                "country": keys.get(e.country_id) if e.country_id else None,
                "within": keys.get(e.within_id) if e.within_id else None,
                "certainty": e.certainty if e.certainty != "certain" else None,
                "note": e.note,
                "aliases": forms or None,
            }
        )
    return dumps({"entity": entities})


def _events(
    conn: Connection, keys: dict[int, str], names: dict[int, str], texts: dict[int, str]
) -> tuple[list[dict[str, Any]], set[int]]:
    """The events' tables, and the documents whose (uncatalogued) events people gave fields."""
    sources: dict[int, list[int]] = defaultdict(list)
    for event_id, doc_id in conn.execute(
        text("SELECT event_id, document_id FROM event_documents ORDER BY document_id")
    ):
        sources[int(event_id)].append(int(doc_id))
    parts: dict[int, list[Any]] = defaultdict(list)
    for p in conn.execute(
        text(
            'SELECT event_id, entity_id, role, title, document_id, start, "end" FROM participants '
            "ORDER BY ordinal"
        )
    ):
        parts[int(p.event_id)].append(p)
    evidence: dict[int, list[Any]] = defaultdict(list)
    for v in conn.execute(text('SELECT event_id, document_id, start, "end" FROM evidence ORDER BY id')):
        evidence[int(v.event_id)].append(v)
    countries: dict[int, list[str]] = defaultdict(list)
    for event_id, entity_id in conn.execute(
        text("SELECT event_id, entity_id FROM event_entities WHERE kind = 'country' AND direct")
    ):
        countries[int(event_id)].append(keys[int(entity_id)])
    # Which fields of uncatalogued events people gave (their own edits, accepted proposals).
    given: dict[str, set[str]] = defaultdict(set)
    for key, fld in conn.execute(
        text("SELECT DISTINCT target_key, field FROM edits WHERE target_type = 'event' AND NOT undone")
    ):
        given[str(key)].add(str(fld))
    events: list[dict[str, Any]] = []
    first_pass_docs: set[int] = set()
    rows = conn.execute(
        text(
            "SELECT e.*, p.key AS place_key, par.key AS parent_key FROM events AS e "
            "LEFT JOIN entities AS p ON p.id = e.place_id LEFT JOIN events AS par ON par.id = e.parent_id "
            "ORDER BY e.uncatalogued, e.sort_date, e.key"
        )
    ).mappings()
    for e in rows:
        eid = int(e["id"])
        docs = [d for d in sources[eid] if d in names]
        if not docs:
            continue  # its documents could not be written
        multi = len(docs) > 1
        people = []
        for p in parts[eid]:
            person: dict[str, Any] = {"entity": keys[int(p.entity_id)], "role": p.role, "title": p.title}
            if p.document_id is not None and p.document_id in texts and p.start is not None:
                person.update(_quote(texts[p.document_id], p.start, p.end))
                if multi:
                    person["document"] = names[p.document_id]
            people.append(person)
        if e["uncatalogued"]:
            fields = given.get(str(e["key"]), set())
            named = {f for f in fields if f in FIRST_PASS_FIELDS}
            if not fields:
                continue  # nobody touched it: a build proposes it again as it is
            first_pass_docs.add(docs[0])
            table: dict[str, Any] = {"id": e["key"], "first_pass": True}
            full = _event_fields(e)
            table.update({f: full[f] for f in FIRST_PASS_FIELDS if f in named})
            table["sources"] = [names[docs[0]]]
            table["participant"] = people
            events.append(table)
            continue
        table = _event_fields(e)
        table = {
            "id": e["key"],
            "title": table["title"],
            "type": table["type"],
            "summary": table["summary"],
            "mode": e["mode"] if e["mode"] != "unknown" else None,
            "place": table["place"],
            "countries": sorted(set(countries[eid])),
            "parent": e["parent_key"],
            "sources": [names[d] for d in docs],
            "start": table["start"],
            "end": table["end"],
            "participant": people,
            "evidence": [
                {"document": names[v.document_id], **_quote(texts[v.document_id], v.start, v.end)}
                for v in evidence[eid]
                if v.document_id in texts
            ],
        }
        events.append(table)
    return events, first_pass_docs


def _event_fields(e: Any) -> dict[str, Any]:
    def date(end: str) -> dict[str, Any]:
        d = _date(e, end)
        return {
            k: v for k, v in d.items() if v is not None and not (k == "date" and d["precision"] == "unknown")
        }

    return {
        "title": e["title"],
        "type": e["type"],
        "summary": e["summary"],
        "start": date("start"),
        "end": date("end"),
        "place": e["place_key"],
    }


def _documents(
    conn: Connection,
    docs: Sequence[Any],
    names: dict[int, str],
    texts: dict[int, str],
    keys: dict[int, str],
    built: Catalogue | None,
    first_pass_docs: set[int],
) -> dict[str, str]:
    """Each document's file (by document name): a catalogued one's whole entry; an uncatalogued one's only
    when people added notes or links to it, or gave its event fields."""
    notes: dict[int, list[Any]] = defaultdict(list)
    for n in conn.execute(
        text(
            'SELECT document_id, kind, text, certainty, original, start, "end" FROM translation_notes '
            "ORDER BY document_id, ordinal"
        )
    ):
        notes[int(n.document_id)].append(n)
    links: dict[int, list[Any]] = defaultdict(list)
    for m in conn.execute(
        text(
            'SELECT document_id, entity_id, start, "end" FROM mentions WHERE linked IS NOT NULL '
            "ORDER BY start"
        )
    ):
        links[int(m.document_id)].append(m)
    out: dict[str, str] = {}
    for d in docs:
        if d.id not in names:
            continue
        original = texts[d.id]
        own_notes = [
            {
                "kind": n.kind,
                **_quote(original, n.start, n.end),
                "text": n.text,
                "certainty": n.certainty,
                "original": n.original,
            }
            for n in notes[d.id]
        ]
        own_links = [
            {**_quote(original, m.start, m.end), "entity": keys[int(m.entity_id)]} for m in links[d.id]
        ]
        debris = [
            {**_quote(original, s, e), "kind": kind, "reason": reason or None}
            for kind, s, e, reason in conn.execute(
                text(
                    'SELECT kind, start, "end", reason FROM debris_spans WHERE document_id = :d '
                    "AND source = 'catalogue' ORDER BY start"
                ),
                {"d": d.id},
            )
        ]
        if not d.catalogued:
            if not (own_notes or own_links or debris or d.id in first_pass_docs):
                continue
            out[names[d.id]] = dumps(
                {
                    "file": names[d.id],
                    "uncatalogued": True,
                    "debris": debris,
                    "note": own_notes,
                    "link": own_links,
                }
            )
            continue
        entry = built.documents.get(d.filename) if built is not None else None
        translation = None
        if d.is_translation:
            translation = {
                "from": d.translated_from,
                "kind": d.translation_kind,
                "certainty": entry.translation.certainty if entry and entry.translation else None,
                "note": d.translation_note,
            }
        reasons = {
            (p.date.value, p.label): p.date.reason
            for p in (entry.published if entry else [])
            if p.date.reason
        }
        published = []
        for date, precision, certainty, label, start, end in conn.execute(
            text(
                'SELECT date, precision, certainty, label, start, "end" FROM publication_dates '
                "WHERE document_id = :d AND source = 'catalogue' ORDER BY id"
            ),
            {"d": d.id},
        ):
            item: dict[str, Any] = {
                "date": date or None,
                "precision": precision,
                "certainty": certainty,
                "reason": reasons.get((date or None, label)),
                "label": label or None,
            }
            if start is not None:
                item.update(_quote(original, start, end))
            published.append(item)
        renderings = [
            {"paragraph": p, "text": t}
            for p, t in conn.execute(
                text("SELECT paragraph, text FROM renderings WHERE document_id = :d ORDER BY paragraph"),
                {"d": d.id},
            )
        ]
        out[names[d.id]] = dumps(
            {
                "file": names[d.id],
                "title": d.title,
                "language": d.language if d.language != "und" else None,
                "publisher": d.publisher,
                "summary": d.summary,
                "translation": translation,
                "published": published,
                "debris": debris,
                "note": own_notes,
                "link": own_links,
                "rendering": renderings,
            }
        )
    return out


def write_snapshot(snap: Snapshot, folder: Path) -> list[str]:
    """Write the files into ``folder``: a new or empty folder, or a former export (whose documents and
    document files the archive no longer has are removed — what version control then shows as deleted).
    Each file is written under a temporary name and moved into place: an interrupted export leaves no half
    file. Returns the paths removed."""
    if folder.exists() and any(folder.iterdir()) and not (folder / "catalogue").is_dir():
        raise FileExistsError(
            f"{folder} holds other files: export into a new or empty folder, or a former export"
        )
    removed = []
    for sub, pattern in (("documents", "*"), ("catalogue/documents", "*.toml")):
        for old in sorted((folder / sub).glob(pattern)) if (folder / sub).is_dir() else []:
            rel = f"{sub}/{old.name}"
            if old.is_file() and rel not in snap.files:
                old.unlink()
                removed.append(rel)
    for rel, data in snap.files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return removed


__all__ = ["Snapshot", "snapshot", "write_snapshot"]

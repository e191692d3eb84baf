"""The public JSON shapes of the command line's ``--format json`` output, in one place.

Scripts rely on these keys (README, "Command line"): a key may be added, never renamed or dropped. Each
function turns the services' plain values into the dicts ``json.dumps`` writes; nothing here reads the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.multivalue import split_multi
from desktop.notes import NoteRow
from desktop.store.detail import DocumentDetail, EventDetail
from desktop.store.queries import EntityRef, EventRow

if TYPE_CHECKING:  # the build loads only when a command builds (see desktop.services)
    from desktop.ingest.build import BuildReport


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One stored document as ``archive-viewer documents`` lists it."""

    id: int
    path: str
    filename: str
    sha256: str
    encoding: str
    language: str
    script: str
    published: str | None
    title: str
    catalogued: bool
    debris_chars: int
    origin: str
    # An uncatalogued document's first-pass proposals (kind → value, confidence, reason, start, end): its
    # title and publication date are the first pass's when it found them.
    first_pass: dict[str, dict[str, Any]] = field(default_factory=dict)


def build_json(report: BuildReport) -> dict[str, Any]:
    """``archive-viewer build --format json``."""
    return {
        "documents": report.documents,
        "events": report.events,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "removed": report.removed,
        "rejected": [{"file": r.name, "reason": r.reason} for r in report.rejected],
        "problems": [str(p) for p in report.problems if p.severity == "error"],
        "seconds": round(report.seconds, 3),
    }


def import_json(report: BuildReport) -> dict[str, Any]:
    """``archive-viewer import --format json``."""
    return {
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "rejected": [{"file": r.name, "reason": r.reason} for r in report.rejected],
        "skipped": [{"file": r.name, "reason": r.reason} for r in report.skipped],
    }


def event_json(
    r: EventRow,
    names: dict[str, list[str]],
    docs: Sequence[tuple[str, str, str]],
    first_pass: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One event of ``archive-viewer events --format json`` (``names``: its people and organisations;
    ``docs``: its documents' file, SHA-256 and language; ``first_pass``: an uncatalogued event's proposals,
    whose values its title, dates, place and type show — ``certainty`` says "proposed")."""
    return {
        "id": r.key,
        "title": r.title,
        "type": r.type,
        "date": r.date,
        "start": r.start,
        "end": r.end,
        "date_precision": r.precision,
        "date_certainty": r.certainty,
        "place": r.place or None,
        "countries": split_multi(r.countries),
        "people": names["person"],
        "organizations": names["organisation"],
        "languages": split_multi(r.languages),
        "documents": [{"file": f, "sha256": s, "language": lang} for f, s, lang in docs],
        "uncatalogued": r.uncatalogued,
        "certainty": "proposed" if r.uncatalogued else "catalogued",
        "first_pass": first_pass or {},
    }


def detail_json(event: dict[str, Any], detail: EventDetail) -> dict[str, Any]:
    """``archive-viewer show ID --format json``: the event's list shape (``event``) and its detail."""
    event = dict(event)
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
        sources=[document_json(d) for d in detail.documents],
        user_notes=[asdict(n) for n in detail.user_notes],
    )
    return event


def document_json(d: DocumentDetail) -> dict[str, Any]:
    """One source document inside ``show --format json``: its text exactly as stored, and every span."""
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
        # What the first pass proposes for an uncatalogued document: proposals, not the catalogue's facts.
        "suggestions": [asdict(x) for x in d.suggestions],
        # False: the stored text no longer matches its digest; it is not the original (see textdigest).
        "text_verified": d.verified,
    }


def documents_json(docs: Sequence[DocumentSummary]) -> list[dict[str, Any]]:
    """``archive-viewer documents --format json``."""
    return [
        {
            "id": d.id,
            "path": d.path,
            "sha256": d.sha256,
            "encoding": d.encoding,
            "language": d.language,
            "script": d.script,
            "published": d.published,
            "title": d.title,
            "catalogued": bool(d.catalogued),
            "debris_chars": d.debris_chars,
            "certainty": "catalogued" if d.catalogued else "proposed",
            "first_pass": d.first_pass,
        }
        for d in docs
    ]


def entities_json(
    rows: Sequence[tuple[EntityRef, list[str]]], names: dict[int, list[dict[str, Any]]] | None = None
) -> list[dict[str, Any]]:
    """``archive-viewer entities --format json``: ``aliases`` every name as text; ``names`` each with its
    language, kind and source (``catalogue``: typed by archivists; else the dataset it came from)."""
    return [
        {"id": e.key, "type": e.type, "name": e.name, "aliases": a, "names": (names or {}).get(e.id, [])}
        for e, a in rows
    ]


def notes_json(notes: Sequence[NoteRow]) -> list[dict[str, Any]]:
    """``archive-viewer notes --format json``."""
    return [
        {
            "id": n.id,
            "event": n.event_key,
            "event_title": n.event_title,
            "text": n.text,
            "created": n.created,
            "updated": n.updated,
        }
        for n in notes
    ]


def suggestions_json(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """The first pass's proposals as ``suggestions list --format json`` prints them: ``id`` (the number
    accept/reject take), ``key`` (stable across re-imports), ``event``, ``kind``, ``value``, ``start``,
    ``end``, ``confidence``, ``reason``, ``rule``, ``decision`` (accepted, rejected or null)."""
    return [asdict(r) for r in rows]


def history_json(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Edits as ``history``/``undo``/``redo --format json`` print them: ``id``, ``batch`` (one step),
    ``target_type`` (event, suggestion), ``target`` (its stable key), ``field``, ``old``, ``new``,
    ``author``, ``at`` (UTC), ``undone``."""
    return [
        {
            "id": r.id,
            "batch": r.batch,
            "target_type": r.target_type,
            "target": r.target_key,
            "field": r.field,
            "old": r.old,
            "new": r.new,
            "author": r.author,
            "at": r.at,
            "undone": r.undone,
        }
        for r in rows
    ]


def edit_value_text(value: Any) -> str:
    """A journal value as one line for people: a date with its certainty, a name's or a note's words."""
    if isinstance(value, dict) and "precision" in value:  # a date
        return " ".join(str(v) for v in (value.get("date") or "unknown", value.get("certainty")) if v)
    if isinstance(value, dict) and "role" in value:  # a participant: role, and title held
        return ", ".join(" ".join(str(v).split()) for v in (value["role"], value.get("title")) if v)
    if isinstance(value, dict):  # a name, a note, a link, a made event: its words
        said = (value.get(k) for k in ("text", "title", "quote", "name", "role"))
        words = next((w for w in said if w), value)
        return " ".join(str(words).split())
    return "" if value is None else " ".join(str(value).split())

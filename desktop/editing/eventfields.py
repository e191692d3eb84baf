"""An event's fields as people edit them: what each may hold, and how an edit lies over the built event.

Fields: ``title``, ``summary``, ``type``, ``start`` and ``end`` (a date with its precision, certainty and
reason, as the catalogue writes them), ``place`` (an entity key of the authority). Values are plain JSON
(strings, None, a date as a mapping), so the journal stores them as given and a history can show them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, text

from desktop.catalogue.model import EVENT_TYPES, ROLES, ParticipantEntry
from desktop.dates import CERTAINTIES, DateError, FuzzyDate
from desktop.ingest.analysis import event_row_values
from desktop.store.journal import Edited

EVENT_FIELDS = ("title", "summary", "type", "start", "end", "place")
MAX_TITLE = 500
MAX_SUMMARY = 20_000


class EditError(ValueError):
    """An edit that cannot be made as asked; the message names the field and says what to do."""


class EditConflict(EditError):
    """Someone else changed a field this edit changes since the person read it (issue 21): nothing was
    written. ``conflicts`` holds, per field, the value now stored and the one this edit gave."""

    def __init__(self, key: str, conflicts: list[tuple[str, Any, Any]]) -> None:
        self.key, self.conflicts = key, conflicts
        parts = "; ".join(
            f"{field} is now {_shown(now)} (yours: {_shown(mine)})" for field, now, mine in conflicts
        )
        super().__init__(
            f"{key}: changed by someone else while you edited it — {parts}. Nothing was saved: look at "
            "their change, then edit again"
        )


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("date") or "unknown"
    return repr(value) if value is not None else "empty"


def date_value(written: str | None, certainty: str = "stated", reason: str | None = None) -> dict[str, Any]:
    """A date as typed (``2024-05-14``, ``2024-05``, ``2024``, or nothing for unknown) with its certainty
    and reason, as a field value; refused with the reason when it is no date."""
    written = (written or "").strip()
    precision = "unknown"
    if written:
        precision = {10: "day", 7: "month", 4: "year"}.get(len(written), "")
        if not precision:
            raise EditError(f"{written!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    if certainty not in CERTAINTIES:
        raise EditError(f"certainty must be one of {', '.join(CERTAINTIES)}, not {certainty!r}")
    reason = (reason or "").strip() or None
    try:
        FuzzyDate.parse(written or None, precision, certainty, reason)
    except DateError as exc:
        raise EditError(str(exc)) from None
    return {"date": written or None, "precision": precision, "certainty": certainty, "reason": reason}


def fuzzy(value: Mapping[str, Any] | None) -> FuzzyDate:
    if not value:
        return FuzzyDate(None)
    precision, certainty = value.get("precision", "unknown"), value.get("certainty", "unknown")
    return FuzzyDate(value.get("date"), precision, certainty, value.get("reason"))


def stored_date(values: Mapping[str, object], end: str) -> dict[str, Any]:
    """The ``start`` or ``end`` of an event row's values as a field value."""
    return {
        "date": values.get(f"{end}_date"),
        "precision": values.get(f"{end}_precision") or "unknown",
        "certainty": values.get(f"{end}_certainty") or "unknown",
        "reason": values.get(f"{end}_reason"),
    }


def clean(field: str, value: Any, place_type: Callable[[str], str | None]) -> Any:
    """The value as stored, or EditError naming the field. ``place_type``: an entity key → its type."""
    if field not in EVENT_FIELDS:
        raise EditError(f"an event has no field {field!r}: use one of {', '.join(EVENT_FIELDS)}")
    if field == "title":
        title = " ".join(str(value or "").split())
        if not title:
            raise EditError("title: an event needs a title")
        if len(title) > MAX_TITLE:
            raise EditError(f"title: at most {MAX_TITLE} characters (this one has {len(title)})")
        return title
    if field == "summary":
        summary = str(value or "").strip()
        if len(summary) > MAX_SUMMARY:
            raise EditError(f"summary: at most {MAX_SUMMARY:,} characters (this one has {len(summary):,})")
        return summary or None
    if field == "type":
        if value not in EVENT_TYPES:
            raise EditError(f"type: {value!r} is not an event type; use one of {', '.join(EVENT_TYPES)}")
        return value
    if field in ("start", "end"):
        if not isinstance(value, Mapping):
            raise EditError(f"{field}: give a date (YYYY, YYYY-MM or YYYY-MM-DD) with its certainty")
        return date_value(value.get("date"), value.get("certainty", "stated"), value.get("reason"))
    # place
    if value in (None, ""):
        return None
    kind = place_type(str(value))
    if kind is None:
        raise EditError(f"place: no place is called {value!r} (see `archive-viewer entities --type place`)")
    if kind not in ("place", "country"):
        raise EditError(f"place: {value!r} is a {kind}, not a place")
    return str(value)


def check_order(start: Mapping[str, Any] | None, end: Mapping[str, Any] | None) -> None:
    """Refuse an end before its start (compared by the earliest day each may be)."""
    lo, hi = fuzzy(start).bounds(), fuzzy(end).bounds()
    if lo and hi and hi[1] < lo[0]:
        raise EditError(
            f"end: {fuzzy(end).value} is before the start {fuzzy(start).value}; give an end on or after it"
        )


def base_values(values: Mapping[str, object], place_key: str | None) -> dict[str, Any]:
    """What the build derived for each field, in the fields' own form (to compare with what a person saw)."""
    return {
        "title": values.get("title"),
        "summary": values.get("summary"),
        "type": values.get("type"),
        "start": stored_date(values, "start"),
        "end": stored_date(values, "end"),
        "place": place_key,
    }


def apply_edits(
    values: dict[str, object],
    edits: Mapping[str, Edited],
    place_key: str | None,
    place_id: Callable[[str], int | None],
) -> list[tuple[str, Any, Any]]:
    """Lay people's edits over an event row's derived ``values`` (in place); the conflicts, as (field,
    what the build now says, what the person gave), where the build says something else than the person
    saw when they edited: the person's value stays, and the conflict is shown."""
    base = base_values(values, place_key)
    conflicts = [
        (field, base[field], e.value)
        for field, e in edits.items()
        if field in base and base[field] not in (e.seen, e.value)
    ]
    for field in ("title", "summary", "type"):
        if field in edits:
            values[field] = edits[field].value
    if "start" in edits or "end" in edits:
        start = edits["start"].value if "start" in edits else base["start"]
        end = edits["end"].value if "end" in edits else base["end"]
        values.update(event_row_values(fuzzy(start), fuzzy(end)))
    if "place" in edits:
        key = edits["place"].value
        values["place_id"] = place_id(key) if key else None
        values.pop("proposed_place", None)
    return conflicts


# A participant edit's field: ``participant:<entity key>``, its value {"role", "title"} or None (removed).
PARTICIPANT = "participant:"
PARTICIPANT_TYPES = ("person", "organisation", "place")


def clean_participant(role: str, title: str | None) -> dict[str, Any]:
    if role not in ROLES:
        raise EditError(f"role: {role!r} is not a role an event has; use one of {', '.join(ROLES)}")
    title = " ".join((title or "").split()) or None
    return {"role": role, "title": title}


def edited_participants(
    people: list[ParticipantEntry], edits: Mapping[str, Edited]
) -> list[ParticipantEntry]:
    """The catalogue's participants (none for an uncatalogued event) with people's edits: a role or title
    changed, a participant removed, one added (after the others)."""
    changes = {f[len(PARTICIPANT) :]: e.value for f, e in edits.items() if f.startswith(PARTICIPANT)}
    if not changes:
        return people
    out: list[ParticipantEntry] = []
    for p in people:
        if p.entity not in changes:
            out.append(p)
        elif changes[p.entity] is not None:
            out.append(replace(p, role=changes[p.entity]["role"], title=changes[p.entity].get("title")))
    present = {p.entity for p in people}
    out += [
        ParticipantEntry(key, value["role"], value.get("title"))
        for key, value in changes.items()
        if value is not None and key not in present
    ]
    return out


def event_fields(conn: Connection, key: str) -> dict[str, Any]:
    """An event's editable fields as it shows them now (edits included)."""
    row = conn.execute(
        text(
            "SELECT e.title, e.summary, e.type, e.start_date, e.start_precision, e.start_certainty, "
            "e.start_reason, e.end_date, e.end_precision, e.end_certainty, e.end_reason, p.key AS place "
            "FROM events AS e LEFT JOIN entities AS p ON p.id = e.place_id WHERE e.key = :k"
        ),
        {"k": key},
    ).one()
    return base_values(dict(row._mapping), row.place)


def participants(conn: Connection, key: str) -> dict[str, dict[str, Any]]:
    """An event's participants as it shows them: entity key → role and title."""
    rows = conn.execute(
        text(
            "SELECT n.key, p.role, p.title FROM participants AS p JOIN entities AS n ON n.id = p.entity_id "
            "JOIN events AS e ON e.id = p.event_id WHERE e.key = :k ORDER BY p.ordinal"
        ),
        {"k": key},
    )
    out: dict[str, dict[str, Any]] = {}
    for entity, role, title in rows:
        out.setdefault(str(entity), {"role": role, "title": title})
    return out

"""The event index's layout: its text fields, the columns of their three forms, rowids in date order.

Plain names and numbers that the index's writers and its SQL share, apart from the text analysis and queries.
"""

from __future__ import annotations

# The index (migration 0004) has one row per event, its rowid ordered by the event's date, so the first
# page of any search in time order streams straight out of the index. Each field of the event has its
# three forms in three columns; ``names`` holds a token ``e<id>`` per entity the event involves.
TEXT_FIELDS = ("title", "original", "translation", "notes", "mine")
FORMS = ("w", "s", "t")
EVENT_COLUMNS = (*(f"{f}_{x}" for f in TEXT_FIELDS for x in FORMS), "names")
ENTITY_COLUMNS = FORMS
# rowid = date as YYYYMMDD × 2^32 + event id: ordered by (sort date, id) like the list's date order.
ROWID_SHIFT = 32
ROWID_MASK = (1 << ROWID_SHIFT) - 1


def event_rowid(sort_date: str | None, event_id: int) -> int:
    """The index row of an event: its date (YYYYMMDD, 0 when undated) above its id."""
    day = int(sort_date.replace("-", "")) if sort_date else 0
    return (day << ROWID_SHIFT) | event_id

"""What the reader asked for (EventFilter) and the SQL WHERE conditions built from it.

Apart because the list, the facets, the timeline and the landmarks all filter events the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, and_, column, false, literal_column, or_, select, true

from desktop.search import compile_events, parse_query
from desktop.store.schema import Event, EventEntity, EventLanguage

ENTITY_KINDS = ("person", "organisation", "place", "country")

_ev = Event.__table__.c
_ee = EventEntity.__table__.c
_el = EventLanguage.__table__.c


@dataclass(frozen=True)
class EventFilter:
    """What the reader asked for. Values of one kind are OR'ed, kinds are AND'ed, exclusions always apply.

    Entity kinds take entity ids; ``type`` takes event types; ``language`` takes language codes.
    """

    include: frozenset[tuple[str, Any]] = frozenset()
    exclude: frozenset[tuple[str, Any]] = frozenset()
    date_from: str | None = None
    date_to: str | None = None
    include_imprecise: bool = False
    text: str | None = None
    ids: frozenset[int] | None = None

    def values(self, kind: str) -> set[Any]:
        return {v for k, v in self.include if k == kind}

    def excluded(self, kind: str) -> set[Any]:
        return {v for k, v in self.exclude if k == kind}

    def with_value(self, kind: str, value: Any) -> EventFilter:
        return replace(self, include=self.include | {(kind, value)}, exclude=self.exclude - {(kind, value)})

    def with_excluded(self, kind: str, value: Any) -> EventFilter:
        return replace(self, exclude=self.exclude | {(kind, value)}, include=self.include - {(kind, value)})

    def without(self, kind: str, value: Any) -> EventFilter:
        return replace(self, include=self.include - {(kind, value)}, exclude=self.exclude - {(kind, value)})

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()


def conditions(
    f: EventFilter, skip_kind: str | None = None, probe: frozenset[str] = frozenset()
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter; ``skip_kind`` leaves out that kind's own values (for its facet).

    ``probe`` names the entity and language conditions (``"country"``, or ``"-country"`` for an exclusion)
    to test row by row with ``EXISTS`` instead of as a list of every matching event: see
    :func:`probe_kinds`.
    """
    out: list[ColumnElement[bool]] = []
    for kind in ENTITY_KINDS:
        values = f.values(kind)
        if values and kind != skip_kind:
            out.append(_involves(_ee.entity_id, values, kind in probe))
        excluded = f.excluded(kind)
        if excluded:
            out.append(~_involves(_ee.entity_id, excluded, f"-{kind}" in probe))
    types = f.values("type")
    if types and skip_kind != "type":
        out.append(_ev.type.in_(types))
    if f.excluded("type"):
        out.append(_ev.type.not_in(f.excluded("type")))
    languages = f.values("language")
    if languages and skip_kind != "language":
        out.append(_involves(_el.language, languages, "language" in probe))
    if f.excluded("language"):
        out.append(~_involves(_el.language, f.excluded("language"), "-language" in probe))
    if f.date_from or f.date_to:
        lo, hi = f.date_from or "0000-01-01", f.date_to or "9999-12-31"
        # Inside the range for certain: every day the event can have happened is in it.
        contained = and_(_ev.date_lo >= lo, _ev.date_hi <= hi)
        # sort_date is date_lo ('' when unknown), so these bounds follow from the conditions beside them;
        # stated, they let a page in date order seek the date index instead of walking it from one end.
        if f.include_imprecise:
            may_overlap = and_(_ev.date_lo <= hi, _ev.date_hi >= lo)
            out.append(or_(contained, may_overlap, _ev.date_lo.is_(None)))
            out.append(_ev.sort_date <= hi)
        else:
            out.append(contained)
            out.append(_ev.sort_date.between(lo, hi))
    if f.text and f.text.strip():
        compiled = compile_events(parse_query(f.text))
        matching = compiled.clause().columns(column("event_id"))
        out.append(_ev.id.not_in(matching) if compiled.negated else _ev.id.in_(matching))
    if f.ids is not None:
        out.append(_ev.id.in_(f.ids) if f.ids else false())
    return out


def _involves(key: Any, values: set[Any], probed: bool) -> ColumnElement[bool]:
    """Events linked to any of ``values`` in the link table of ``key`` (event_entities or event_languages).

    As a list (``id IN (SELECT …)``) SQLite first collects every linked event: right when they are few.
    Probed (``EXISTS``), each candidate row is looked up in the link table's primary key: right when they
    are many, since a page in order then stops after its rows instead of collecting half the archive.
    """
    link = key.table
    if not probed:
        return _ev.id.in_(select(link.c.event_id).where(key.in_(values)))
    probe = link.alias(f"probe_{link.name}")
    return (
        select(literal_column("1"))
        .where(probe.c.event_id == _ev.id, probe.c[key.name].in_(values))
        .correlate(Event.__table__)
        .exists()
    )


def _where(
    f: EventFilter, skip_kind: str | None = None, probe: frozenset[str] = frozenset()
) -> ColumnElement[bool]:
    conds = conditions(f, skip_kind, probe)
    return and_(true(), *conds) if conds else true()

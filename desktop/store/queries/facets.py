"""Facet counts: each value of a filter kind with the number of events it would give.

Apart from the list: the filter panel asks for these beside every page, several kinds in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, select, true

from desktop.aliases import fold
from desktop.store.dialect import instr
from desktop.store.queries.errors import search_errors
from desktop.store.queries.filters import ENTITY_KINDS, EventFilter, _where, conditions
from desktop.store.schema import Alias, Entity, Event, EventEntity, EventLanguage

FACET_KINDS = (*ENTITY_KINDS, "type", "language")

_ev = Event.__table__.c
_ee = EventEntity.__table__.c
_el = EventLanguage.__table__.c


@dataclass(frozen=True)
class FacetValue:
    kind: str
    value: Any
    label: str
    count: int


def facet_counts(
    conn: Connection, f: EventFilter, kind: str, limit: int | None = None, name_filter: str | None = None
) -> list[FacetValue]:
    """Each value of one filter kind with the number of events it would give under the rest of the filter.

    ``name_filter`` keeps the values with any alias (any script) containing the folded text.
    """
    unfiltered = not conditions(f, skip_kind=kind)
    where = _where(f, skip_kind=kind)
    needle = fold(name_filter) if name_filter and name_filter.strip() else None
    if kind in ENTITY_KINDS:
        ent = Entity.__table__.c
        # With nothing else chosen every event matches: counting straight from the kind index is far
        # cheaper than checking each row against a subquery of all events.
        matching = true() if unfiltered else _ee.event_id.in_(select(_ev.id).where(where))
        stmt = (
            select(_ee.entity_id, ent.name, func.count().label("n"))
            .join(Entity.__table__, ent.id == _ee.entity_id)
            .where(_ee.kind == kind, matching)
            # PostgreSQL shows an entity's name beside its count only when grouped by its primary key;
            # SQLite groups along the link index (kind, entity_id), which the extra column would defeat.
            .group_by(*((_ee.entity_id,) if conn.dialect.name == "sqlite" else (_ee.entity_id, ent.id)))
            .order_by(func.count().desc(), ent.sort_name)
        )
        if needle:
            al = Alias.__table__.c
            stmt = stmt.where(_ee.entity_id.in_(select(al.entity_id).where(instr(al.norm, needle) > 0)))
        make = lambda r: FacetValue(kind, r.entity_id, r.name, r.n)  # noqa: E731
    elif kind == "type":
        if needle:
            where = and_(where, instr(_ev.type, needle) > 0)
        stmt = select(_ev.type, func.count().label("n")).where(where).group_by(_ev.type)
        stmt = stmt.order_by(func.count().desc(), _ev.type)
        make = lambda r: FacetValue(kind, r.type, r.type, r.n)  # noqa: E731
    elif kind == "language":
        matching = true() if unfiltered else _el.event_id.in_(select(_ev.id).where(where))
        stmt = (
            select(_el.language, func.count().label("n"))
            .where(matching, instr(_el.language, needle or "") > 0)
            .group_by(_el.language)
            .order_by(func.count().desc(), _el.language)
        )
        make = lambda r: FacetValue(kind, r.language, r.language, r.n)  # noqa: E731
    else:
        raise ValueError(f"no facet {kind!r}: choose one of {', '.join(FACET_KINDS)}")
    if limit is not None:
        stmt = stmt.limit(limit)
    with search_errors(f.text):
        return [make(r) for r in conn.execute(stmt)]


def all_facets(
    conn: Connection,
    f: EventFilter,
    limit: int | None = None,
    kinds: Sequence[str] = FACET_KINDS,
    name_filters: dict[str, str] | None = None,
) -> dict[str, list[FacetValue]]:
    """:func:`facet_counts` for several kinds; the entity kinds that share one filter share one pass.

    A kind none of whose values is chosen counts under the whole filter, like every other such kind: their
    links to the matching events are read and grouped once instead of once per kind (four times fewer rows
    read; 100,000 events under a type: 400 → 90 ms).
    """
    names = name_filters or {}
    shared = [k for k in kinds if k in ENTITY_KINDS and not f.values(k) and not (names.get(k) or "").strip()]
    if len(shared) < 2 or not conditions(f):
        shared = []  # nothing to share, or unfiltered: each kind is counted straight from its own index
    out = {kind: facet_counts(conn, f, kind, limit, names.get(kind)) for kind in kinds if kind not in shared}
    if shared:
        out.update(_entity_facets(conn, f, shared, limit))
    return {kind: out[kind] for kind in kinds}


def _entity_facets(
    conn: Connection, f: EventFilter, kinds: Sequence[str], limit: int | None
) -> dict[str, list[FacetValue]]:
    """Facet counts of entity kinds under the whole filter, in one pass over the matching events' links."""
    ent = Entity.__table__.c
    counts = (
        select(_ee.entity_id, func.count().label("n"))
        .where(_ee.event_id.in_(select(_ev.id).where(_where(f))))
        .group_by(_ee.entity_id)
        .subquery("counts")
    )
    rank = func.row_number().over(partition_by=ent.type, order_by=(counts.c.n.desc(), ent.sort_name))
    ranked = (
        select(ent.type, counts.c.entity_id, ent.name, counts.c.n, rank.label("rank"))
        .join(Entity.__table__, ent.id == counts.c.entity_id)
        .where(ent.type.in_(kinds))
        .subquery("ranked")
    )
    stmt = select(ranked.c.type, ranked.c.entity_id, ranked.c.name, ranked.c.n).order_by(
        ranked.c.type, ranked.c.rank
    )
    if limit is not None:
        stmt = stmt.where(ranked.c.rank <= limit)
    out: dict[str, list[FacetValue]] = {kind: [] for kind in kinds}
    with search_errors(f.text):
        for r in conn.execute(stmt):
            out[r.type].append(FacetValue(r.type, r.entity_id, r.name, r.n))
    return out

"""Same event, another source: whether two reports (an imported document's first pass and an event already in
the archive, or two documents) tell of one event — their dates overlap, their places and kinds agree.

A proposal with a score and the reason, never a merge: the archivist links the document to the event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

THRESHOLD = 0.7
# Kinds one event is reported as: a forum where agreements were signed, a visit with talks.
_COMPATIBLE = {
    frozenset({"forum", "signing"}),
    frozenset({"conference", "signing"}),
    frozenset({"visit", "meeting"}),
    frozenset({"conference", "forum"}),
    frozenset({"opening", "ceremony"}),
    frozenset({"launch", "opening"}),
}


@dataclass(frozen=True, slots=True)
class EventSketch:
    """What the comparison needs of an event: its id, days, place (English name) and kind."""

    key: str
    start: dt.date
    end: dt.date
    place: str | None
    type: str | None


def same_event_score(a: EventSketch, b: EventSketch) -> tuple[float, str]:
    """0–1 and why: the days must overlap (or touch); place and kind raise or lower the score."""
    gap = max((b.start - a.end).days, (a.start - b.end).days, 0)
    if gap > 1:
        return 0.0, "different days"
    score = 0.5 if gap == 0 else 0.3
    reasons = ["the same days" if gap == 0 else "days a day apart"]
    if a.place and b.place:
        if a.place.casefold() == b.place.casefold():
            score += 0.3
            reasons.append(f"the same place ({a.place})")
        else:
            score -= 0.3
            reasons.append(f"different places ({a.place}, {b.place})")
    if a.type and b.type:
        if a.type == b.type:
            score += 0.2
            reasons.append(f"the same kind ({a.type})")
        elif frozenset({a.type, b.type}) in _COMPATIBLE:
            score += 0.1
            reasons.append(f"kinds one event is reported as ({a.type}, {b.type})")
    return max(0.0, min(1.0, score)), "; ".join(reasons)


def propose_same_event(sketch: EventSketch, others: list[EventSketch]) -> list[tuple[str, float, str]]:
    """The other events this one may be, best first, each with its score and reason."""
    found = []
    for other in others:
        if other.key == sketch.key:
            continue
        score, reason = same_event_score(sketch, other)
        if score >= THRESHOLD:
            found.append((other.key, score, reason))
    # Best first; among equals, the event whose days match most closely (a conference before the sessions
    # held on one of its days).
    span = {o.key: abs((o.start - sketch.start).days) + abs((o.end - sketch.end).days) for o in others}
    return sorted(found, key=lambda f: (-f[1], span[f[0]]))

"""What a write changed: the description every write returns and the window broadcasts to its panes.

Plain values only (no store, no Qt), so the write pipeline, the services and the window all share it. A
pane refreshes only what it shows of a change: the detail pane its event's notes, the list and the
filters only when events were added, changed or removed (after Anki's ``OpChanges``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Change:
    """One write's effect. ``events``: ids of events whose own record or notes changed; ``catalogue``:
    events, documents or entities were added, changed or removed (lists, counts, facets, timeline);
    ``notes``: readers' notes changed; ``note``: the id of a note the write created."""

    events: frozenset[int] = frozenset()
    catalogue: bool = False
    notes: bool = False
    note: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.events or self.catalogue or self.notes)

    def touches(self, event_id: int | None) -> bool:
        """Whether an event's detail (as a pane shows it) may be out of date after this change."""
        return self.catalogue or (event_id is not None and event_id in self.events)


@dataclass(frozen=True, slots=True)
class EditStep:
    """An undo or a redo: the journal rows of the step it took back or put back (none: there was no step),
    and its change."""

    rows: tuple[Any, ...]
    change: Change

    @property
    def label(self) -> str:
        """What the step changed, in a few words ("title, type of evt.…")."""
        if not self.rows:
            return ""
        fields = ", ".join(dict.fromkeys(r.field for r in self.rows))
        targets = list(dict.fromkeys(r.target_key for r in self.rows))
        more = f" and {len(targets) - 1} more" if len(targets) > 1 else ""
        return f"{fields} of {targets[0]}{more}"

"""Several values in one cell: the events table's countries and languages, and the CSV export's cells.

A module of its own (importing nothing) because the store, the catalogue, the build and the export all use
it, and the store must not depend on the catalogue's loader to know it.
"""

from __future__ import annotations

# Separates several values in one column or exported CSV cell; no name may contain it (the catalogue
# check enforces this), so a comma inside an organisation's name is never ambiguous.
MULTI_SEPARATOR = " | "


def split_multi(value: str | None) -> list[str]:
    """The values of a column joined with :data:`MULTI_SEPARATOR` (none for an empty or NULL column)."""
    return [v for v in value.split(MULTI_SEPARATOR) if v] if value else []

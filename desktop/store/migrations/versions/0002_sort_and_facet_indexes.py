"""Indexes for every sortable column of the event list and for facet counts by kind.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Without these, sorting by countries, languages or number of sources sorted the whole table for
    # every page, and facet counts scanned the filter index for every kind.
    op.create_index("ix_events_countries", "events", ["countries", "id"])
    op.create_index("ix_events_languages", "events", ["languages", "id"])
    op.create_index("ix_events_source_count", "events", ["source_count", "id"])
    op.create_index("ix_event_entities_kind", "event_entities", ["kind", "entity_id", "event_id"])
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_event_entities_kind", "event_entities")
    op.drop_index("ix_events_source_count", "events")
    op.drop_index("ix_events_languages", "events")
    op.drop_index("ix_events_countries", "events")

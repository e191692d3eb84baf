"""People's edits of the catalogue, kept as a journal over what a build derives (issue 18).

Revision ID: 0009
Revises: 0008

Each row is one change one person made to one field of one record — an event's title or date, a
suggestion's decision — keyed by the record's stable key (``evt.…``, ``doc.<sha256 prefix>``, an
entity's key), never by a row id, so that rebuilds and imports (which replace rows) never lose it. Rows are
never deleted: an undo marks its batch undone, and the history shows both. ``edit_conflicts`` holds, per
record and field, what the last build derived where it differs from what the person saw when editing (the
person's value stays; the window and ``history`` show both).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "edits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("batch", sa.Integer(), nullable=False),
        sa.Column("target_type", sa.String(16), nullable=False),
        sa.Column("target_key", sa.String(200), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_edits_target", "edits", ["target_type", "target_key"])
    op.create_index("ix_edits_batch", "edits", ["batch"])
    op.create_table(
        "edit_conflicts",
        sa.Column("target_type", sa.String(16), primary_key=True),
        sa.Column("target_key", sa.String(200), primary_key=True),
        sa.Column("field", sa.String(32), primary_key=True),
        sa.Column("built", sa.Text(), nullable=True),
        sa.Column("edited", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("edit_conflicts")
    op.drop_index("ix_edits_batch", table_name="edits")
    op.drop_index("ix_edits_target", table_name="edits")
    op.drop_table("edits")

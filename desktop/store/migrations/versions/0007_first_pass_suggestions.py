"""What the first pass proposes for an uncatalogued document, kept apart from the archivists' catalogue.

Revision ID: 0007
Revises: 0006

Each row is one proposal (a title, a publication or capture date, the event's first or last day, a place,
a type) with the span of the original it was read from, a confidence, the reason and the rule that made it.
The table starts empty: documents imported before it get their proposals when they are next imported.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(48), nullable=False),
    )
    op.create_index("ix_suggestions_document_id", "suggestions", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_suggestions_document_id", table_name="suggestions")
    op.drop_table("suggestions")

"""Translation notes written by readers in the window, beside the archivists' (issue 18).

Revision ID: 0010
Revises: 0009

A note a reader anchors to a passage is kept in the journal of edits (target ``document``, the document's
SHA-256 prefix) and written into ``translation_notes`` with every rebuild and import; ``note_key`` names it
(for editing and deleting), ``author`` says who wrote it. The archivists' notes have neither.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("translation_notes") as batch:
        batch.add_column(sa.Column("note_key", sa.String(60), nullable=True))
        batch.add_column(sa.Column("author", sa.String(120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("translation_notes") as batch:
        batch.drop_column("author")
        batch.drop_column("note_key")

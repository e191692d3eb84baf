"""Which mentions a person linked (issue 18): ``mentions.linked``.

Revision ID: 0011
Revises: 0010

NULL for a name the authority's aliases found; ``catalogue`` for words a document file's ``[[link]]`` says
name an entity (kept when the document's names are found again after an authority edit: they are in no
alias); ``reader`` for a link made in the window (from the journal of edits). A plain ``ADD COLUMN``: SQLite
adds it without rewriting the table, however many mentions it holds.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mentions", sa.Column("linked", sa.String(16), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        return  # a server archive is made at a later revision: no links from before this one to carry
    # The links readers made before this revision: their mentions are the journal's active link edits.
    op.execute(
        """
        UPDATE mentions SET linked = 'reader' WHERE id IN (
            SELECT m.id FROM edits AS x
            JOIN documents AS d ON substr(d.sha256, 1, 16) = x.target_key
            JOIN mentions AS m ON m.document_id = d.id
                AND m.start = json_extract(x.new, '$.start') AND m."end" = json_extract(x.new, '$.end')
            WHERE x.target_type = 'document' AND x.field LIKE 'link:%' AND NOT x.undone AND x.new IS NOT NULL
        )
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("linked")

"""Each document's stored text gets its own SHA-256, so a changed original is noticed.

Revision ID: 0006
Revises: 0005

``documents.sha256`` is the digest of the file's bytes as received; the text is what those bytes decoded
to. ``text_sha256`` is the digest of that text (UTF-8), recorded when the document is written, so the
detail pane, the export and ``archive-viewer check --store`` can tell in a millisecond per megabyte
whether the text in the store is still the text that was received. Existing documents get the digest of
their text as it is at this upgrade (nothing older can be known). The store is also marked as an
Archive Viewer store (``PRAGMA application_id``) by ``desktop.store.engine.migrate`` after every upgrade.
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def text_digest(text: str) -> str:
    """As desktop.textdigest.text_digest at this revision: a migration keeps its own copy (frozen)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy): a million-event store's documents are gigabytes.
    op.add_column("documents", sa.Column("text_sha256", sa.String(64), nullable=True))
    conn = op.get_bind()
    last = 0
    while True:
        # A thousand texts at a time: never the whole archive's text in memory.
        rows = conn.execute(
            sa.text("SELECT id, text FROM documents WHERE id > :last ORDER BY id LIMIT 1000"), {"last": last}
        ).fetchall()
        if not rows:
            break
        conn.execute(
            sa.text("UPDATE documents SET text_sha256 = :digest WHERE id = :id"),
            [{"digest": text_digest(t), "id": i} for i, t in rows],
        )
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("text_sha256")

"""A reader's own notes searchable on a server (issue 21): ``note_index``, one tsvector per author and event.

Revision ID: 0014
Revises: 0013

In a file, a reader's notes are the ``mine`` column of the event's row in the full-text index. On a
server the notes are private (row-level security on ``user_notes``) and the event index is everyone's,
so a note's tokens cannot go there: each author's notes on an event are one row here instead, with the
same tagged tokens (``mine_w:…``) the file's index holds, private by the same policy. A search joins the
searcher's rows to the event index (``desktop.search.sql``). Rows are keyed by the event's stable key, as
notes are, so an event's new date or a rebuild never strands them. Nothing changes in a file.
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE note_index ("
        'author VARCHAR(63) COLLATE "C" NOT NULL DEFAULT current_user, '
        'event_key VARCHAR COLLATE "C" NOT NULL, '
        "doc TSVECTOR NOT NULL, "
        "PRIMARY KEY (author, event_key))"
    )
    op.execute("ALTER TABLE note_index ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY own_note_index ON note_index "
        "USING (author = current_user) WITH CHECK (author = current_user)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS note_index")

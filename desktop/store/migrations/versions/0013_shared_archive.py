"""What a shared archive on a server needs (issue 21): whose note is whose, and news of others' changes.

Revision ID: 0013
Revises: 0012

``user_notes.author`` names the server role that wrote a note (NULL in a file: its notes are its
reader's). On PostgreSQL:

- the notes are private by row-level security: a role sees and changes only its own;
- every data table tells listening windows that it changed (``NOTIFY archive_changes``, sent at commit,
  once per table and transaction), so that others' edits appear in an open window;
- every text column takes the "C" collation, so text sorts and compares by code point as in SQLite,
  whatever locale the server's database was made with.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# The tables whose changes an open window shows (the search index and the change log follow them).
NOTIFYING = ("documents", "entities", "aliases", "events", "event_documents", "event_entities",
             "event_languages", "participants", "evidence", "mentions", "suggestions", "translation_notes",
             "user_notes", "edits", "edit_conflicts")  # fmt: skip


def upgrade() -> None:
    server = op.get_bind().dialect.name == "postgresql"
    op.add_column(
        "user_notes",
        sa.Column(
            "author", sa.String(63), nullable=True, server_default=sa.text("current_user") if server else None
        ),
    )
    if not server:
        return
    # Text compares and sorts as SQLite's BINARY does (by code point), whatever the database's locale:
    # the list's orders, keyset pages and facet ties are then the same on a server as in a file.
    columns = (
        op.get_bind()
        .exec_driver_sql(
            "SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod) "
            "FROM information_schema.columns AS c "
            "JOIN pg_attribute AS a ON a.attrelid = c.table_name::regclass AND a.attname = c.column_name "
            "WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying') "
            "AND c.table_name NOT IN ('alembic_version')"
        )
        .all()
    )
    for table, column, declared in columns:
        op.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE {declared} COLLATE "C"')
    op.execute("ALTER TABLE user_notes ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY own_notes ON user_notes "
        "USING (author = current_user) WITH CHECK (author = current_user)"
    )
    # A document's stored text against its recorded digest (desktop.textdigest), as the export checks it:
    # SQLite calls back into Python for it; PostgreSQL's text is UTF-8 already.
    op.execute(
        "CREATE FUNCTION text_altered(body text, recorded text) RETURNS boolean LANGUAGE sql IMMUTABLE AS "
        "$$ SELECT recorded IS NOT NULL AND encode(sha256(convert_to(body, 'UTF8')), 'hex') <> recorded $$"
    )
    op.execute(
        "CREATE FUNCTION archive_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN PERFORM pg_notify('archive_changes', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    for table in NOTIFYING:
        op.execute(
            f"CREATE TRIGGER notify_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION archive_changed()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFYING:
            op.execute(f"DROP TRIGGER IF EXISTS notify_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS archive_changed()")
        op.execute("DROP FUNCTION IF EXISTS text_altered(text, text)")
        op.execute("DROP POLICY IF EXISTS own_notes ON user_notes")
        op.execute("ALTER TABLE user_notes DISABLE ROW LEVEL SECURITY")
    with op.batch_alter_table("user_notes") as batch:
        batch.drop_column("author")

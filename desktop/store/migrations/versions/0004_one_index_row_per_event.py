"""Full-text index with one row per event, ordered by date, and a small index of entity names.

Revision ID: 0004
Revises: 0003

0003's index had a row per text (document, note, rendering, event, entity): a search's events had to be
gathered from all of them before the first page could be ordered — 0.1 s at 100,000 events for a common
word, ten times that at a million. Here each event's texts share one row whose rowid is its date, so the
first page in time order streams from the index, and AND / OR / NOT are FTS5's own operators.

Frozen: the columns are written out as they were at this revision, and the rows are not filled here. A
migration must not run today's tokeniser: the index is derived data, so this revision asks for it to be
rebuilt (``rebuild_search_index`` in the migration's config) and the engine fills it with the app's own
code once every revision has run (``desktop.store.engine.migrate``).
"""

from alembic import context, op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
# The index's columns at this revision: title, original, translation, notes and the reader's own text, each
# as words (w), stems (s) and transliteration keys (t); then the names of the event's entities.
EVENT_COLUMNS = (
    *(f"{field}_{form}" for field in ("title", "original", "translation", "notes", "mine") for form in "wst"),
    "names",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # A server's index: one tsvector per row, each token tagged with its column (``desktop.search.
        # server``), so that a search's AND, OR, NOT, phrases and column filters are one tsquery over one
        # GIN index, as they are one FTS5 MATCH here. The rowid is the same date-ordered number.
        for table in ("event_index", "entity_index"):
            op.execute(f"CREATE TABLE {table} (rowid BIGINT PRIMARY KEY, doc TSVECTOR NOT NULL)")
            op.execute(f"CREATE INDEX ix_{table}_doc ON {table} USING gin (doc)")
        context.config.attributes["rebuild_search_index"] = True
        return
    op.execute("DROP TABLE IF EXISTS search_index")
    columns = ", ".join(EVENT_COLUMNS)
    op.execute(f'CREATE VIRTUAL TABLE event_index USING fts5({columns}, tokenize = "{TOKENIZE}")')
    op.execute(f'CREATE VIRTUAL TABLE entity_index USING fts5(w, s, t, tokenize = "{TOKENIZE}")')
    context.config.attributes["rebuild_search_index"] = True


def downgrade() -> None:
    # 0003's table comes back empty: its rows were derived data (a downgrade is for tests, not readers).
    op.execute("DROP TABLE IF EXISTS entity_index")
    op.execute("DROP TABLE IF EXISTS event_index")
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(words, stems, translit, kind UNINDEXED, "
        f'ref UNINDEXED, tokenize = "{TOKENIZE}")'
    )

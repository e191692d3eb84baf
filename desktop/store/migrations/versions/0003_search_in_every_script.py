"""Full-text index in every script: words, stems and transliteration keys, tokenised by the app.

Revision ID: 0003
Revises: 0002

The text is cut into tokens and folded in Python (``desktop.search``) and stored as space-separated
tokens in three columns kept in step; SQLite's tokenizer only splits at the spaces. The categories keep a
token's combining marks (Devanagari vowel signs) inside it, and SQLite's own diacritic removal is off so
that the index agrees exactly with the highlighting done in Python.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5's table: a server's index is made by 0004
    # Left empty: 0004, which always follows, replaces this table and fills the index from the tables.
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(words, stems, translit, kind UNINDEXED, "
        f'ref UNINDEXED, tokenize = "{TOKENIZE}")'
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, ref UNINDEXED, "
        "tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\")"
    )

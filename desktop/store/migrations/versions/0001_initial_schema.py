"""Initial schema: documents, authority, events, notes, the filter index and the full-text index.

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("encoding", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("detected_language", sa.String(length=16), nullable=True),
        sa.Column("script", sa.String(length=16), nullable=False),
        sa.Column("scripts", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("is_translation", sa.Boolean(), nullable=False),
        sa.Column("translated_from", sa.String(length=16), nullable=True),
        sa.Column("translation_kind", sa.String(length=16), nullable=True),
        sa.Column("translation_note", sa.Text(), nullable=True),
        sa.Column("catalogued", sa.Boolean(), nullable=False),
        sa.Column("debris_chars", sa.Integer(), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("path"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.Text(), nullable=False),
        sa.Column("native", sa.Text(), nullable=True),
        sa.Column("native_lang", sa.String(length=16), nullable=True),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("within_id", sa.Integer(), nullable=True),
        sa.Column("certainty", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["country_id"], ["entities.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["within_id"], ["entities.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_type"), ["type"], unique=False)

    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "user_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_key", sa.String(length=160), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created", sa.String(length=32), nullable=False),
        sa.Column("updated", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("user_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_notes_event_key"), ["event_key"], unique=False)

    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=16), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("match", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aliases_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_aliases_norm"), ["norm"], unique=False)

    op.create_table(
        "debris_spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("debris_spans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_debris_spans_document_id"), ["document_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_sort", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("uncatalogued", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("start_precision", sa.String(length=8), nullable=False),
        sa.Column("start_certainty", sa.String(length=8), nullable=False),
        sa.Column("start_reason", sa.Text(), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.Column("end_precision", sa.String(length=8), nullable=False),
        sa.Column("end_certainty", sa.String(length=8), nullable=False),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("date_lo", sa.String(length=10), nullable=True),
        sa.Column("date_hi", sa.String(length=10), nullable=True),
        sa.Column("sort_date", sa.String(length=10), nullable=False),
        sa.Column("place_name", sa.Text(), nullable=False),
        sa.Column("countries", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["events.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["place_id"], ["entities.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_date_range", ["date_lo", "date_hi"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index("ix_events_place_name", ["place_name", "id"], unique=False)
        batch_op.create_index("ix_events_sort_date", ["sort_date", "id"], unique=False)
        batch_op.create_index("ix_events_title_sort", ["title_sort", "id"], unique=False)
        batch_op.create_index("ix_events_type", ["type", "id"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("in_debris", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_document_id"), ["document_id"], unique=False)
        batch_op.create_index("ix_mentions_entity", ["entity_id", "document_id"], unique=False)

    op.create_table(
        "publication_dates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("precision", sa.String(length=8), nullable=False),
        sa.Column("certainty", sa.String(length=8), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("publication_dates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publication_dates_document_id"), ["document_id"], unique=False)

    op.create_table(
        "renderings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("renderings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_renderings_document_id"), ["document_id"], unique=False)

    op.create_table(
        "translation_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("certainty", sa.String(length=16), nullable=True),
        sa.Column("original", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("translation_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_translation_notes_document_id"), ["document_id"], unique=False)

    op.create_table(
        "event_documents",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "document_id"),
    )
    with op.batch_alter_table("event_documents", schema=None) as batch_op:
        batch_op.create_index("ix_event_documents_doc", ["document_id", "event_id"], unique=False)

    op.create_table(
        "event_entities",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "entity_id"),
    )
    with op.batch_alter_table("event_entities", schema=None) as batch_op:
        batch_op.create_index("ix_event_entities_entity", ["entity_id", "event_id"], unique=False)

    op.create_table(
        "event_languages",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "language"),
    )
    with op.batch_alter_table("event_languages", schema=None) as batch_op:
        batch_op.create_index("ix_event_languages_lang", ["language", "event_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_event_id"), ["event_id"], unique=False)

    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participants_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_participants_event_id"), ["event_id"], unique=False)

    # Full-text index over originals, titles, summaries, notes and aliases. The text is folded in Python
    # before it is indexed (see desktop.search.textfold); unicode61 with these categories keeps Devanagari
    # vowel signs inside their words.
    if op.get_bind().dialect.name != "sqlite":
        return  # a server's full-text index is made by 0004 (tsvector columns)
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, ref UNINDEXED, "
        "tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\")"
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_event_id"))
        batch_op.drop_index(batch_op.f("ix_participants_entity_id"))

    op.drop_table("participants")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_event_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("event_languages", schema=None) as batch_op:
        batch_op.drop_index("ix_event_languages_lang")

    op.drop_table("event_languages")
    with op.batch_alter_table("event_entities", schema=None) as batch_op:
        batch_op.drop_index("ix_event_entities_entity")

    op.drop_table("event_entities")
    with op.batch_alter_table("event_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_event_documents_doc")

    op.drop_table("event_documents")
    with op.batch_alter_table("translation_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_translation_notes_document_id"))

    op.drop_table("translation_notes")
    with op.batch_alter_table("renderings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_renderings_document_id"))

    op.drop_table("renderings")
    with op.batch_alter_table("publication_dates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publication_dates_document_id"))

    op.drop_table("publication_dates")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_entity")
        batch_op.drop_index(batch_op.f("ix_mentions_document_id"))

    op.drop_table("mentions")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type")
        batch_op.drop_index("ix_events_title_sort")
        batch_op.drop_index("ix_events_sort_date")
        batch_op.drop_index("ix_events_place_name")
        batch_op.drop_index(batch_op.f("ix_events_parent_id"))
        batch_op.drop_index("ix_events_date_range")

    op.drop_table("events")
    with op.batch_alter_table("debris_spans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_debris_spans_document_id"))

    op.drop_table("debris_spans")
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aliases_norm"))
        batch_op.drop_index(batch_op.f("ix_aliases_entity_id"))

    op.drop_table("aliases")
    with op.batch_alter_table("user_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_notes_event_key"))

    op.drop_table("user_notes")
    op.drop_table("meta")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_type"))

    op.drop_table("entities")
    op.drop_table("documents")

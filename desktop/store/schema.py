"""The archive's tables, as SQLAlchemy 2.0 typed ORM classes.

The schema itself is created and upgraded by the Alembic migrations in ``migrations/``; these classes
describe it for queries. Offsets (``start``/``end``) are Python ``str`` indices, i.e. Unicode code points
into the decoded original text — the same unit SQLite's ``substr()`` uses.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every table in the store."""


class Document(Base):
    """One source document: its exact original text and everything known about the file."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Seeds: path relative to the seeds folder ("documents/000_….txt"); imports: the absolute path.
    path: Mapped[str] = mapped_column(Text, unique=True)
    filename: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16))  # "seed" | "import"
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    detected_language: Mapped[str | None] = mapped_column(String(16))
    script: Mapped[str] = mapped_column(String(16))
    scripts: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    publisher: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    is_translation: Mapped[bool] = mapped_column(Boolean, default=False)
    translated_from: Mapped[str | None] = mapped_column(String(16))
    translation_kind: Mapped[str | None] = mapped_column(String(16))
    translation_note: Mapped[str | None] = mapped_column(Text)
    catalogued: Mapped[bool] = mapped_column(Boolean, default=False)
    debris_chars: Mapped[int] = mapped_column(Integer, default=0)
    # Hash of everything the stored rows were derived from; a rebuild skips documents whose
    # signature is unchanged, which is what makes rebuilding cheap and idempotent.
    signature: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(String(32))
    # SHA-256 of ``text`` (UTF-8) when it was written: a text changed in the store since is noticed
    # (``desktop.textdigest``). None only for rows no version of the app has hashed.
    text_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class PublicationDate(Base):
    """A publication date the document states (a page may state several, and they may disagree)."""

    __tablename__ = "publication_dates"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    date: Mapped[str] = mapped_column(String(10))
    precision: Mapped[str] = mapped_column(String(8))
    certainty: Mapped[str] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # "catalogue" | "detected"


class DebrisSpan(Base):
    """A passage that is not part of the article (navigation, metadata, unrelated headlines…).

    Marked, never removed: the original text stays whole.
    """

    __tablename__ = "debris_spans"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(16))


class Suggestion(Base):
    """What the first pass proposes for an uncatalogued document (issue 16): a value read from a span of the
    original, how sure, why, and the rule that made it. A proposal, never an archivist's fact."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # title (or derived_title), published, captured, event_start, event_end, place, type
    kind: Mapped[str] = mapped_column(String(24))
    value: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    confidence: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text, default="")
    rule: Mapped[str] = mapped_column(String(48))


class Entity(Base):
    """An authority record: one person, organisation, place or country, however it is spelled."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(Text)
    sort_name: Mapped[str] = mapped_column(Text)
    native: Mapped[str | None] = mapped_column(Text)
    native_lang: Mapped[str | None] = mapped_column(String(16))
    country_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    within_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    certainty: Mapped[str] = mapped_column(String(16), default="certain")
    note: Mapped[str | None] = mapped_column(Text)


class Alias(Base):
    """One surface form of an entity, in any script; ``norm`` is the folded form used for lookups."""

    __tablename__ = "aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    norm: Mapped[str] = mapped_column(Text, index=True)
    lang: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(24), default="variant")
    match: Mapped[bool] = mapped_column(Boolean, default=True)
    # "catalogue" (typed by archivists) or the dataset a name came from (cldr, iso-codes, geonames…)
    source: Mapped[str] = mapped_column(String(24), default="catalogue", server_default="catalogue")


class Mention(Base):
    """A place in a document's original text where an entity is named."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_entity", "entity_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    in_debris: Mapped[bool] = mapped_column(Boolean, default=False)
    # None: found by the authority's names; "catalogue": a document file's link; "reader": a window link.
    linked: Mapped[str | None] = mapped_column(String(16), nullable=True)


class TranslationNote(Base):
    """What a reader should not take at face value, anchored to the passage it concerns."""

    __tablename__ = "translation_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text)
    certainty: Mapped[str | None] = mapped_column(String(16))
    original: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # A reader's note (issue 18): its key in the journal of edits and who wrote it; None for the catalogue's.
    note_key: Mapped[str | None] = mapped_column(String(60))
    author: Mapped[str | None] = mapped_column(String(120))


class Rendering(Base):
    """The archive's own English rendering of one paragraph of the original."""

    __tablename__ = "renderings"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    paragraph: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Event(Base):
    """An event, catalogued by archivists or provisional (one per uncatalogued document).

    The display columns (``place_name``, ``countries``, ``languages``, ``source_count``) and the sort keys
    are denormalised on purpose: the event list sorts and pages by them in SQL without joins.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_sort_date", "sort_date", "id"),
        Index("ix_events_title_sort", "title_sort", "id"),
        Index("ix_events_type", "type", "id"),
        Index("ix_events_type_date", "type", "sort_date", "id"),
        Index("ix_events_place_name", "place_name", "id"),
        Index("ix_events_date_range", "date_lo", "date_hi"),
        Index("ix_events_countries", "countries", "id"),
        Index("ix_events_languages", "languages", "id"),
        Index("ix_events_source_count", "source_count", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    title: Mapped[str] = mapped_column(Text)
    title_sort: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(24))
    summary: Mapped[str | None] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(16), default="unknown")
    place_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    uncatalogued: Mapped[bool] = mapped_column(Boolean, default=False)
    start_date: Mapped[str | None] = mapped_column(String(10))
    start_precision: Mapped[str] = mapped_column(String(8), default="unknown")
    start_certainty: Mapped[str] = mapped_column(String(8), default="unknown")
    start_reason: Mapped[str | None] = mapped_column(Text)
    end_date: Mapped[str | None] = mapped_column(String(10))
    end_precision: Mapped[str] = mapped_column(String(8), default="unknown")
    end_certainty: Mapped[str] = mapped_column(String(8), default="unknown")
    end_reason: Mapped[str | None] = mapped_column(Text)
    # The earliest and latest day the event can have happened (ISO dates); NULL when the year is unknown.
    date_lo: Mapped[str | None] = mapped_column(String(10))
    date_hi: Mapped[str | None] = mapped_column(String(10))
    sort_date: Mapped[str] = mapped_column(String(10), default="")
    place_name: Mapped[str] = mapped_column(Text, default="")
    countries: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(Text, default="")
    source_count: Mapped[int] = mapped_column(Integer, default=0)


class EventDocument(Base):
    """Which documents report which events (many to many)."""

    __tablename__ = "event_documents"
    __table_args__ = (Index("ix_event_documents_doc", "document_id", "event_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


class Participant(Base):
    """An entity's part in an event, with the title it held at the time."""

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(24))
    title: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)


class Evidence(Base):
    """A quoted passage of a source document that supports an event record."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)


class EventEntity(Base):
    """The filter index: every entity an event can be found by, with its kind.

    Holds participants, the place and the places it lies within, and the countries involved; for an
    uncatalogued event, the entities its document mentions outside debris; for a catalogued one, also the
    people, organisations and places its sources name outside debris (not ``direct``).
    """

    __tablename__ = "event_entities"
    __table_args__ = (
        Index("ix_event_entities_entity", "entity_id", "event_id"),
        # Facet counts group one kind's entities: this index answers them without touching the table.
        Index("ix_event_entities_kind", "kind", "entity_id", "event_id"),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    # False for what is implied rather than named: the city a venue lies in, a department's university.
    direct: Mapped[bool] = mapped_column(Boolean, default=True)


class EventLanguage(Base):
    """The languages an event is reported in (its source documents' languages)."""

    __tablename__ = "event_languages"
    __table_args__ = (Index("ix_event_languages_lang", "language", "event_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(16), primary_key=True)


class UserNote(Base):
    """A reader's own note on an event.

    Keyed by the event's stable ``key`` rather than a foreign key, so that rebuilding the archive from
    ``seeds/`` (which replaces events) never touches what a reader wrote.
    """

    __tablename__ = "user_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_key: Mapped[str] = mapped_column(String(160), index=True)
    text: Mapped[str] = mapped_column(Text)
    created: Mapped[str] = mapped_column(String(32))
    updated: Mapped[str] = mapped_column(String(32))
    # The server role that wrote it (issue 21; NULL in a file). On a server only that role sees it.
    author: Mapped[str | None] = mapped_column(String(63), nullable=True)


class Edit(Base):
    """One person's change to one field of one record (an event, a suggestion, an entity).

    A journal over what the build derives: keyed by the record's stable key, replayed over every rebuild
    and import, never deleted (an undo marks its whole ``batch`` undone). ``old`` is the value the person
    saw, ``new`` the value they gave, both JSON: a rebuild that changes the value underneath shows a
    conflict instead of silently taking either."""

    __tablename__ = "edits"
    __table_args__ = (Index("ix_edits_target", "target_type", "target_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[int] = mapped_column(Integer, index=True)
    target_type: Mapped[str] = mapped_column(String(16))
    target_key: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(32))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(120))
    at: Mapped[str] = mapped_column(String(32))
    undone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class EditConflict(Base):
    """A field a person edited that the last build derives differently from what they saw: both values
    (JSON), the person's kept. Rewritten with the record."""

    __tablename__ = "edit_conflicts"

    target_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    target_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    built: Mapped[str | None] = mapped_column(Text)
    edited: Mapped[str | None] = mapped_column(Text)


class Meta(Base):
    """Small key/value facts about the store (last build time, seeds folder, …)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FacetChange(Base):
    """One event whose facets changed — a link, a language, its type or dates — in the order of the
    changes; written by triggers (migration 0012), read by the facet index, trimmed by a build."""

    __tablename__ = "facet_changes"
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer)

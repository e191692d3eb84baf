"""Synthetic archives: a store shaped exactly like a real build, at any size, the same for the same seed."""

from __future__ import annotations

import ast
import hashlib
import re
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

import benchmarks.synth as synth
from desktop.aliases import fold
from desktop.catalogue.model import EVENT_TYPES, ROLES, EventEntry, EvidenceEntry, ParticipantEntry, Quote
from desktop.cli import main
from desktop.dates import FuzzyDate
from desktop.ingest.build import EntityGraph, _write_event
from desktop.multivalue import MULTI_SEPARATOR
from desktop.search import event_rowid
from desktop.services import Archive
from desktop.store import queries as q
from desktop.store.engine import SCHEMA_HEAD, open_store
from desktop.store.rows import insert_rows, insert_sql, table_columns
from desktop.store.schema import Event, EventDocument
from desktop.store.search_index import index_events, unindex_events
from desktop.textspans import covered_chars, overlaps, paragraphs
from tests.conftest import REPO

EVENTS = 300
SEED = 11


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "synth.sqlite"
    report = synth.synthesize(path, EVENTS, seed=SEED)
    assert report.events == EVENTS and report.documents >= EVENTS
    return path


@pytest.fixture(scope="module")
def archive(synth_db: Path) -> Iterator[Archive]:
    opened = Archive.open(synth_db)
    yield opened
    opened.close()


@pytest.fixture
def con(synth_db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{synth_db}?mode=ro", uri=True)
    yield connection
    connection.close()


def _dump(path: Path, tables: tuple[str, ...]) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        connection.close()


# ------------------------------------------------------------------------------------------ the store


def test_the_store_is_sound_and_a_current_archive(con: sqlite3.Connection, archive: Archive) -> None:
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    assert con.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0  # analysed
    assert archive.count(q.EventFilter()) == EVENTS
    assert not archive.is_empty()


def test_the_schema_is_exactly_the_migrations(con: sqlite3.Connection, tmp_path: Path) -> None:
    """Indexes are dropped while the rows go in and rebuilt after: every one must be back, unchanged."""
    fresh = tmp_path / "fresh.sqlite"
    open_store(fresh).close()
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
    with sqlite3.connect(fresh) as empty:
        assert sorted(con.execute(schema).fetchall()) == sorted(empty.execute(schema).fetchall())


def test_authority_names_every_entity_in_several_scripts(con: sqlite3.Connection) -> None:
    counts = dict(con.execute("SELECT type, count(*) FROM entities GROUP BY type").fetchall())
    assert counts["country"] >= 30 and counts["place"] >= 50
    assert counts["organisation"] >= 100 and counts["person"] >= 200
    langs: dict[int, set[str]] = {}
    for entity_id, lang, alias, norm, kind, match in con.execute(
        "SELECT entity_id, lang, text, norm, kind, match FROM aliases"
    ):
        assert norm == fold(alias) and match == 1
        assert kind in ("canonical", "native", "variant", "misspelling", "transliteration")
        langs.setdefault(entity_id, set()).add(lang)
    assert all({"en", "ru", "zh"} <= found for found in langs.values())
    assert sum("hi" in found for found in langs.values()) > 0.9 * len(langs)
    kinds = {k for (k,) in con.execute("SELECT DISTINCT kind FROM aliases")}
    assert kinds == {"canonical", "native", "variant", "misspelling", "transliteration"}
    # Every place lies within a chain that ends at its country.
    rows = con.execute("SELECT id, type, within_id, country_id FROM entities").fetchall()
    by_id = {r[0]: r for r in rows}
    for entity_id, etype, within, country in rows:
        if etype != "place":
            continue
        assert country is not None and by_id[country][1] == "country"
        current = within
        for _ in range(5):
            if by_id[current][1] == "country":
                break
            current = by_id[current][2]
        assert current == country, entity_id


# ------------------------------------------------------------------------------------------ documents


def test_documents_are_real_files_in_five_languages(con: sqlite3.Connection) -> None:
    rows = con.execute(
        "SELECT id, path, sha256, size, encoding, text, language, script, catalogued, debris_chars, published"
        " FROM documents"
    ).fetchall()
    scripts = {"en": "Latn", "ru": "Cyrl", "be": "Cyrl", "uk": "Cyrl", "zh": "Hani", "hi": "Deva"}
    for doc_id, _path, sha, size, encoding, body, language, script, _cat, debris_chars, published in rows:
        data = body.encode("utf-8")
        assert sha == hashlib.sha256(data).hexdigest() and size == len(data) and encoding == "utf-8"
        assert script == scripts[language]
        assert "\n\n" in body and len(body) >= 120
        spans = con.execute("SELECT start, end FROM debris_spans WHERE document_id = ?", (doc_id,)).fetchall()
        assert debris_chars == covered_chars(spans)
        day = con.execute(
            "SELECT date FROM publication_dates WHERE document_id = ? AND precision = 'day' ORDER BY id",
            (doc_id,),
        ).fetchone()
        assert published == (day[0] if day else None)
    assert len({r[1] for r in rows}) == len(rows)
    languages = {r[6] for r in rows if r[8]}
    assert languages == {"en", "ru", "zh", "hi", "be"}
    catalogued = sum(r[8] for r in rows) / len(rows)
    assert 0.85 < catalogued < 0.99
    assert sum(r[9] > 0 for r in rows) > 0.2 * len(rows)


def test_every_anchor_points_at_its_exact_text(con: sqlite3.Connection) -> None:
    texts = dict(con.execute("SELECT id, text FROM documents").fetchall())
    debris: dict[int, list[tuple[int, int]]] = {}
    for doc_id, start, end in con.execute("SELECT document_id, start, end FROM debris_spans"):
        debris.setdefault(doc_id, []).append((start, end))
    aliases: dict[int, set[str]] = {}
    for entity_id, norm in con.execute("SELECT entity_id, norm FROM aliases"):
        aliases.setdefault(entity_id, set()).add(norm)
    mentions = con.execute(
        "SELECT document_id, entity_id, start, end, text, in_debris FROM mentions"
    ).fetchall()
    assert len(mentions) > 5 * len(texts)
    for doc_id, entity_id, start, end, surface, in_debris in mentions:
        assert texts[doc_id][start:end] == surface
        assert fold(surface) in aliases[entity_id]
        assert bool(in_debris) == overlaps(start, end, debris.get(doc_id, []))
    assert any(m[5] for m in mentions) and not all(m[5] for m in mentions)
    for doc_id, start, end, quote in con.execute("SELECT document_id, start, end, quote FROM evidence"):
        assert texts[doc_id][start:end] == quote
    notes = con.execute("SELECT document_id, kind, start, end, quote FROM translation_notes").fetchall()
    assert notes
    for doc_id, _kind, start, end, quote in notes:
        assert texts[doc_id][start:end] == quote
    for doc_id, number, start, end in con.execute(
        "SELECT document_id, paragraph, start, end FROM renderings"
    ):
        assert paragraphs(texts[doc_id])[number - 1] == (start, end)
    for doc_id, date, start, end in con.execute(
        "SELECT document_id, date, start, end FROM publication_dates WHERE start IS NOT NULL"
    ):
        stated = texts[doc_id][start:end]
        assert stated in (date, f"{date[8:]}.{date[5:7]}.{date[:4]}")
    for doc_id, entity_id, start, end in con.execute(
        "SELECT document_id, entity_id, start, end FROM participants WHERE document_id IS NOT NULL"
    ):
        assert fold(texts[doc_id][start:end]) in aliases[entity_id]


def test_the_full_text_index_holds_what_the_build_would(con: sqlite3.Connection, synth_db: Path) -> None:
    """Every index row, recomputed from the stored rows the way the build (and an upgrade) writes them."""
    from sqlalchemy import create_engine

    from desktop.search import EVENT_COLUMNS
    from desktop.store.search_index import entity_rows, event_rows

    engine = create_engine(f"sqlite:///{synth_db}")
    with engine.connect() as conn:
        events = [(r["rowid"], *(r[c] for c in EVENT_COLUMNS)) for r in event_rows(conn)]
        entities = [(r["rowid"], r["w"], r["s"], r["t"]) for r in entity_rows(conn)]
    engine.dispose()
    indexed = con.execute(f"SELECT rowid, {', '.join(EVENT_COLUMNS)} FROM event_index").fetchall()
    assert (
        sorted(indexed) == sorted(events)
        and len(events) == con.execute("SELECT count(*) FROM events").fetchone()[0]
    )
    assert sorted(con.execute("SELECT rowid, w, s, t FROM entity_index").fetchall()) == sorted(entities)
    assert not Path(f"{synth_db}.fts-staging").exists()


# ------------------------------------------------------------------------------------------ events


def test_events_cover_every_kind_of_date_and_structure(con: sqlite3.Connection) -> None:
    rows = con.execute(
        "SELECT id, key, type, start_date, start_precision, start_certainty, start_reason, end_date,"
        " date_lo, date_hi, uncatalogued, parent_id, source_count, end_precision, end_certainty, end_reason"
        " FROM events"
    ).fetchall()
    precisions = {r[4] for r in rows}
    assert precisions == {"day", "month", "year", "unknown"}
    assert any(r[3] and r[3].startswith("XXXX") and r[8] is None for r in rows)
    assert {r[5] for r in rows} == {"stated", "inferred", "unknown"}
    for r in rows:  # every date is one the catalogue loader would accept
        FuzzyDate.parse(r[3], r[4], r[5], r[6])
        FuzzyDate.parse(r[7], r[13], r[14], r[15])
    assert any(r[7] and r[3] and r[7] > r[3] for r in rows)  # multi-day
    assert {r[2] for r in rows} <= set(EVENT_TYPES) and len({r[2] for r in rows}) > 10
    uncatalogued = [r for r in rows if r[10]]
    assert 0.01 * EVENTS < len(uncatalogued) < 0.12 * EVENTS
    assert all(r[1].startswith("doc.") and r[2] == "other" for r in uncatalogued)
    assert all(r[1] == f"evt.synth.{r[0]}" for r in rows if not r[10])
    parents = [r for r in rows if r[11]]
    assert parents and all(r[11] < r[0] for r in parents)
    assert any(r[12] >= 2 for r in rows)
    shared = con.execute(
        "SELECT count(*) FROM (SELECT document_id FROM event_documents GROUP BY 1 HAVING count(*) > 1)"
    ).fetchone()[0]
    assert shared > 0
    roles = {r for (r,) in con.execute("SELECT DISTINCT role FROM participants")}
    assert roles <= set(ROLES) and len(roles) > 6
    counts = con.execute("SELECT count(*) FROM participants GROUP BY event_id").fetchall()
    assert min(c for (c,) in counts) >= 2 and max(c for (c,) in counts) <= 8


def test_events_are_denormalised_exactly_as_the_build_writes_them(synth_db: Path, tmp_path: Path) -> None:
    """Rewrite a sample of events with the build's own _write_event and compare every derived value."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(synth_db, copy)
    store = open_store(copy)
    try:
        with store.session() as s:
            keys: dict[int, str] = dict(s.execute(text("SELECT id, key FROM entities")).all())  # type: ignore[arg-type]
            entity_ids = {key: eid for eid, key in keys.items()}
            graph = EntityGraph(s)
            sample = [
                *s.execute(text("SELECT id FROM events WHERE uncatalogued = 1 LIMIT 8")).scalars(),
                *s.execute(text("SELECT id FROM events WHERE uncatalogued = 0 LIMIT 25")).scalars(),
            ]
            for event_id in sample:
                before = _event_snapshot(s, event_id)
                row = s.get(Event, event_id)
                assert row is not None
                sources = select(EventDocument.document_id).where(EventDocument.event_id == event_id)
                doc_ids = list(s.execute(sources).scalars())
                entry = None if row.uncatalogued else _catalogue_entry(s, row, doc_ids, keys)
                unindex_events(s, [event_id])
                s.execute(delete(Event).where(Event.id == event_id))
                new_id = _write_event(s, graph, row.key, entry, doc_ids, entity_ids, None)
                index_events(s, [new_id])
                assert _event_snapshot(s, new_id) == before, row.key
    finally:
        store.close()


def _catalogue_entry(s: Session, row: Event, doc_ids: list[int], keys: dict[int, str]) -> EventEntry:
    """The catalogue entry a build would turn into this event, its participants' and evidence's quotes
    included (they say which paragraphs report it)."""
    filename = text("SELECT filename FROM documents WHERE id = :d")
    body = text("SELECT text FROM documents WHERE id = :d")
    people = text(
        'SELECT entity_id, role, title, document_id, start, "end" FROM participants WHERE event_id = :e '
        "ORDER BY ordinal"
    )
    proof = text('SELECT document_id, start, "end" FROM evidence WHERE event_id = :e ORDER BY id')

    def quote(doc_id: int, start: int, end: int) -> tuple[str, Quote]:
        whole = s.execute(body, {"d": doc_id}).scalar_one()
        words = whole[start:end]
        occurrence = 1 + sum(1 for i in range(start) if whole.startswith(words, i))
        return s.execute(filename, {"d": doc_id}).scalar_one(), Quote(words, occurrence)

    participants = []
    for e, role, title, doc_id, start, end in s.execute(people, {"e": row.id}):
        if doc_id is None:
            participants.append(ParticipantEntry(keys[e], role, title))
        else:
            name, q = quote(doc_id, start, end)
            participants.append(ParticipantEntry(keys[e], role, title, q, name))
    evidence = [EvidenceEntry(*quote(d, a, b)) for d, a, b in s.execute(proof, {"e": row.id})]
    return EventEntry(
        id=row.key,
        title=row.title,
        type=row.type,
        start=FuzzyDate(row.start_date, row.start_precision, row.start_certainty, row.start_reason),
        end=FuzzyDate(row.end_date, row.end_precision, row.end_certainty, row.end_reason),
        summary=row.summary,
        mode=row.mode,
        place=keys[row.place_id] if row.place_id else None,
        sources=[s.execute(filename, {"d": d}).scalar_one() for d in doc_ids],
        participants=participants,
        evidence=evidence,
    )


def _event_snapshot(s: Session, event_id: int) -> tuple[object, ...]:
    """Everything _write_event derives for an event, without its row id and parent."""
    one = {"e": event_id}
    columns = ", ".join(c for c in synth.TABLE_COLUMNS["events"] if c not in ("id", "parent_id"))
    row = s.execute(text(f"SELECT {columns} FROM events WHERE id = :e"), one).one()
    facets = s.execute(text("SELECT entity_id, kind, direct FROM event_entities WHERE event_id = :e"), one)
    langs = s.execute(text("SELECT language FROM event_languages WHERE event_id = :e"), one)
    parts = s.execute(
        text("SELECT entity_id, ordinal, role, title FROM participants WHERE event_id = :e ORDER BY ordinal"),
        one,
    )
    sort_date = s.execute(text("SELECT sort_date FROM events WHERE id = :e"), one).scalar()
    body = s.execute(
        text("SELECT * FROM event_index WHERE rowid = :r"), {"r": event_rowid(sort_date, event_id)}
    )
    return (
        tuple(row),
        sorted(tuple(f) for f in facets),
        sorted(lang for (lang,) in langs),
        [tuple(p) for p in parts],
        [tuple(b) for b in body],
    )


def test_denormalised_columns_agree_with_the_rows_they_summarise(con: sqlite3.Connection) -> None:
    names = dict(con.execute("SELECT id, name FROM entities").fetchall())
    for event_id, title, title_sort, place_id, place_name, countries, languages, sources in con.execute(
        "SELECT id, title, title_sort, place_id, place_name, countries, languages, source_count FROM events"
    ).fetchall():
        assert title_sort == fold(title)
        assert place_name == (names[place_id] if place_id else "")
        found = [n for (n,) in con.execute(
            "SELECT e.name FROM event_entities ee JOIN entities e ON e.id = ee.entity_id"
            " WHERE ee.event_id = ? AND ee.kind = 'country'", (event_id,)
        )]  # fmt: skip
        assert countries == MULTI_SEPARATOR.join(sorted(found, key=fold))
        langs = [lang for (lang,) in con.execute(
            "SELECT language FROM event_languages WHERE event_id = ? ORDER BY language", (event_id,)
        )]  # fmt: skip
        assert languages == MULTI_SEPARATOR.join(langs)
        assert (
            sources
            == con.execute("SELECT count(*) FROM event_documents WHERE event_id = ?", (event_id,)).fetchone()[
                0
            ]
        )


# ------------------------------------------------------------------------------------------ the query layer


def test_facets_work_for_every_kind(archive: Archive) -> None:
    for kind in q.FACET_KINDS:
        values = archive.facets(q.EventFilter(), kind)
        assert values, kind
        top = values[0]
        assert archive.count(q.EventFilter().with_value(kind, top.value)) == top.count > 0


def test_an_entity_resolves_by_a_cyrillic_alias_and_filters_events(
    archive: Archive, con: sqlite3.Connection
) -> None:
    alias, entity_id = con.execute(
        "SELECT a.text, a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id"
        " WHERE e.type = 'person' AND a.lang = 'ru' AND a.kind IN ('native', 'transliteration')"
        " AND a.entity_id IN (SELECT entity_id FROM participants) ORDER BY a.id LIMIT 1"
    ).fetchone()
    assert re.search("[а-яА-Я]", alias)
    refs = archive.resolve_entity(alias)
    assert entity_id in {r.id for r in refs}
    rows = archive.all_rows(q.filter_for_entities(q.EventFilter(), refs))
    assert rows
    linked = {
        e for (e,) in con.execute("SELECT event_id FROM event_entities WHERE entity_id = ?", (entity_id,))
    }
    assert linked <= {r.id for r in rows}


def test_full_text_search_finds_russian_and_chinese_words(archive: Archive, con: sqlite3.Connection) -> None:
    for language, pattern in (("ru", r"\b[А-ЯЁа-яё]{8,}\b"), ("zh", "[\u4e00-\u9fff]{2}")):
        doc_id, body = con.execute(
            "SELECT id, text FROM documents WHERE language = ? AND catalogued = 1 ORDER BY id LIMIT 1",
            (language,),
        ).fetchone()
        headline_end = body.index("\n\n", body.index(next(p for p in body.split("\n") if p)))
        word = re.search(pattern, body[headline_end:])
        assert word, body
        hits = {r.id for r in archive.all_rows(q.EventFilter(text=word.group()))}
        reporting = {
            e for (e,) in con.execute("SELECT event_id FROM event_documents WHERE document_id = ?", (doc_id,))
        }
        assert reporting and reporting <= hits, (word.group(), language)


@pytest.mark.parametrize("sort", list(q.SORT_COLUMNS))
def test_keyset_paging_joins_up_to_the_whole_list(archive: Archive, sort: str) -> None:
    for descending in (False, True):
        whole = [r.id for r in archive.page(q.EventFilter(), sort, descending, limit=EVENTS + 10)]
        assert len(whole) == EVENTS
        paged: list[int] = []
        after = None
        while True:
            page = archive.page(q.EventFilter(), sort, descending, after, limit=37)
            paged += [r.id for r in page]
            if len(page) < 37:
                break
            after = (page[-1].sort_value, page[-1].id)
        assert paged == whole, (sort, descending)


def test_event_detail_works_for_every_shape_of_event(archive: Archive, con: sqlite3.Connection) -> None:
    picks = [
        "SELECT id FROM events WHERE uncatalogued = 0 ORDER BY id LIMIT 1",
        "SELECT id FROM events WHERE uncatalogued = 1 ORDER BY id LIMIT 1",
        "SELECT id FROM events WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1",
        "SELECT id FROM events WHERE source_count > 1 ORDER BY id LIMIT 1",
        "SELECT id FROM events WHERE start_date LIKE 'XXXX%' ORDER BY id LIMIT 1",
        "SELECT event_id FROM event_documents WHERE document_id IN"
        " (SELECT document_id FROM event_documents GROUP BY 1 HAVING count(*) > 1) ORDER BY 1 LIMIT 1",
    ]
    for sql in picks:
        event_id = con.execute(sql).fetchone()[0]
        detail = archive.detail(event_id)
        assert detail is not None and detail.documents, sql
        texts = {d.filename: d.text for d in detail.documents}
        for e in detail.evidence:
            assert texts[e.document][e.start : e.end] == e.quote
        assert archive.detail_json(detail)["id"] == detail.row.key
    shared = archive.detail(con.execute(picks[-1]).fetchone()[0])
    assert shared is not None and any(d.other_events for d in shared.documents)


# ------------------------------------------------------------------------------------------ determinism


def test_the_same_seed_gives_the_same_archive(tmp_path: Path) -> None:
    tables = ("entities", "aliases", "documents", "mentions", "events", "event_entities", "event_index")
    first, second, other = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "c.sqlite"
    synth.synthesize(first, 120, seed=5)
    synth.synthesize(second, 120, seed=5)
    synth.synthesize(other, 120, seed=6)
    assert _dump(first, tables) == _dump(second, tables)
    assert _dump(first, ("documents",)) != _dump(other, ("documents",))


@pytest.mark.slow
def test_worker_processes_write_the_same_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(synth, "CHUNK_EVENTS", 50)
    here, pooled = tmp_path / "here.sqlite", tmp_path / "pooled.sqlite"
    synth.synthesize(here, 160, seed=3, workers=0)
    synth.synthesize(pooled, 160, seed=3, workers=2)
    tables = ("documents", "mentions", "events", "participants", "event_entities", "event_index")
    assert _dump(here, tables) == _dump(pooled, tables)


# ------------------------------------------------------------------------------------------ files and errors


def test_progress_only_grows_and_ends_when_the_store_is_done(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    synth.synthesize(tmp_path / "p.sqlite", 120, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 3 and len({total for _done, total in calls}) == 1
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)
    assert calls[-1][0] == calls[-1][1] and all(done < total for done, total in calls[:-1])


def test_an_existing_store_is_replaced_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"not empty")
    with pytest.raises(synth.TargetExists):
        synth.synthesize(path, 50)
    assert path.read_bytes() == b"not empty"
    # --force replaces only what synth generated: never a file that is not a synthetic archive.
    with pytest.raises(synth.SynthError, match="nothing was changed"):
        synth.synthesize(path, 50, force=True)
    assert path.read_bytes() == b"not empty"
    path.unlink()
    synth.synthesize(path, 30)
    stale = Path(f"{path}-wal")
    stale.write_bytes(b"stale")
    synth.synthesize(path, 50, force=True)
    assert not stale.exists()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM events").fetchone()[0] == 50
    with pytest.raises(synth.SynthError):
        synth.synthesize(tmp_path / "t.sqlite", 0)
    with pytest.raises(synth.SynthError):
        synth.synthesize(tmp_path, 10)


def test_a_failed_run_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(synth._ChunkGenerator, "run", broken)
    path = tmp_path / "s.sqlite"
    with pytest.raises(RuntimeError):
        synth.synthesize(path, 50)
    assert not path.exists()


def test_cli_synth_writes_once_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cli.sqlite"
    assert main(["synth", "--events", "200", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("synthesised 200 events, ") and str(path) in out
    assert main(["synth", "--events", "200", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err and "Traceback" not in err
    assert main(["synth", "--events", "100", "--db", str(path), "--force", "--seed", "2"]) == 0
    capsys.readouterr()
    assert main(["synth", "--events", "0", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert main(["synth", "--events", "10"]) == 2
    replaced = Archive.open(path)
    try:
        assert replaced.count(q.EventFilter()) == 100
    finally:
        replaced.close()


# ------------------------------------------------------------------------------------------ the row writer


def test_the_generator_writes_every_column_the_schema_has() -> None:
    # Its column lists come from the schema (less the ids SQLite numbers), never a copy kept by hand.
    for table, columns in {**synth._AUTHORITY_COLUMNS, **synth.TABLE_COLUMNS}.items():
        key = table in ("documents", "events", "entities")
        assert columns == table_columns(table, key=key)
        assert insert_sql(table, columns)[1] == ()  # nothing left to a default


def test_the_row_writer_names_what_the_schema_does_not_have() -> None:
    with pytest.raises(ValueError, match=r"'events' has no column 'colour'"):
        insert_sql("events", ("key", "colour"))
    with pytest.raises(ValueError, match=r"no table 'happenings'"):
        insert_sql("happenings", ("key",))
    with pytest.raises(ValueError, match="'nope'"):
        table_columns("nope")


def test_the_row_writer_fills_the_columns_a_row_leaves_to_their_defaults(tmp_path: Path) -> None:
    sql, defaults = insert_sql("entities", ["key", "type", "name", "sort_name"])  # any sequence of names
    assert sql.startswith('INSERT INTO "entities" ("key", "type", "name", "sort_name", "certainty")')
    assert defaults == ("certain",)
    assert table_columns("aliases", key=False)[0] == "entity_id" and table_columns("aliases")[0] == "id"
    assert table_columns("event_documents", key=False) == ("event_id", "document_id")  # no surrogate key
    store = open_store(tmp_path / "rows.sqlite")
    try:
        with store.engine.begin() as conn:
            insert_rows(conn, "entities", [])  # nothing to write
            insert_rows(
                conn,
                "entities",
                [
                    {"key": k, "type": "country", "name": k.title(), "sort_name": k}
                    for k in ("belarus", "china")
                ],
            )
            rows = conn.exec_driver_sql("SELECT key, certainty, note FROM entities ORDER BY id").all()
    finally:
        store.close()
    assert [tuple(r) for r in rows] == [("belarus", "certain", None), ("china", "certain", None)]


# ------------------------------------------------------------------------------------------ not in the app


def _benchmarks_imports(path: Path) -> tuple[list[int], list[tuple[int, str]]]:
    """Lines importing ``benchmarks`` in a module: at module (or class) level, and in functions (with the
    function's name)."""
    top: list[int] = []
    lazy: list[tuple[int, str]] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, getattr(child, "name", "<lambda>") if function is None else function)
                continue
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                names = [child.module]
            if any(n == "benchmarks" or n.startswith("benchmarks.") for n in names):
                if function is None:
                    top.append(child.lineno)
                else:
                    lazy.append((child.lineno, function))
            visit(child, function)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return top, lazy


def test_the_app_imports_the_generator_only_in_the_synth_command() -> None:
    package = REPO / "desktop"
    top: dict[str, list[int]] = {}
    lazy: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        name = str(path.relative_to(REPO))
        at_top, in_functions = _benchmarks_imports(path)
        if at_top:
            top[name] = at_top
        if in_functions:
            lazy[name] = sorted({f for _line, f in in_functions})
    assert top == {}, f"desktop/ imports benchmarks at module level: {top}"
    assert lazy == {"desktop/commands.py": ["cmd_synth"]}


def test_the_check_itself_sees_an_import_of_the_generator(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text(
        "import benchmarks.synth\nif True:\n    from benchmarks import synth\n"
        "def f():\n    from benchmarks.synth import synthesize\n",
        encoding="utf-8",
    )
    assert _benchmarks_imports(sample) == ([1, 3], [(5, "f")])


def _spec_excludes() -> set[str]:
    """The module names build_installer.spec passes to PyInstaller's Analysis as ``excludes``."""
    tree = ast.parse((REPO / "build_installer.spec").read_text(encoding="utf-8"))
    lists: dict[str, list[str]] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.List)
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.value.elts)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    lists[target.id] = [ast.literal_eval(e) for e in node.value.elts]
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Analysis"
    ]
    assert len(calls) == 1
    (excludes,) = (k.value for k in calls[0].keywords if k.arg == "excludes")
    names: set[str] = set()
    for node in ast.walk(excludes):
        if isinstance(node, ast.Name):
            names.update(lists[node.id])
        elif isinstance(node, ast.List):
            names.update(ast.literal_eval(node))
    return names


def test_the_installed_app_leaves_the_generator_out() -> None:
    # The frozen build: PyInstaller may follow the lazy import in cmd_synth, so the spec excludes it.
    assert {"benchmarks", "benchmarks.synth"} <= _spec_excludes()
    # The wheel: only the desktop package is found.
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    assert include and all(pattern.startswith("desktop") for pattern in include)


def test_cli_synth_without_the_checkout_says_it_is_a_development_command(tmp_path: Path) -> None:
    # The package alone, as installed: no benchmarks/ beside it.
    shutil.copytree(REPO / "desktop", tmp_path / "desktop", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "s.sqlite"
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))",
         "synth", "--events", "100", "--db", str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "synth is a development command: run it from a source checkout" in proc.stderr
    assert "Traceback" not in proc.stderr and not target.exists()

"""A shared archive on a real PostgreSQL server (issue 21): set up, publish, clone, roles the server
enforces, private notes, and two people editing one event."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from desktop.cli import main
from desktop.services import Archive, EditConflict, EventFilter, ReadOnlyStore, ServerError, Unreachable
from desktop.shared.localserver import LocalServer
from tests.pgserver import ServerArchives, Team


def _events(capsys: pytest.CaptureFixture[str], db: str) -> list[str]:
    assert main(["events", "--db", db, "--format", "json"]) == 0
    return [e["id"] for e in json.loads(capsys.readouterr().out)]


# ------------------------------------------------------------------------------------------ set-up


def test_init_then_publish_then_every_command_reads_the_server(
    mini_archive: Archive, server_archives: ServerArchives, capsys: pytest.CaptureFixture[str]
) -> None:
    address = server_archives.server.url(f"fresh_{id(capsys)}")
    assert main(["server", "init", address]) == 0
    said = capsys.readouterr()
    assert "created the database" in said.out and "_cataloguer" in said.out
    assert "next: archive-viewer publish" in said.err and server_archives.server.password not in said.err
    assert main(["server", "init", address]) == 0  # again: nothing to create, nothing broken
    assert "found the database" in capsys.readouterr().out
    file_events = _events(capsys, str(mini_archive.path))
    assert main(["publish", str(mini_archive.path), "--to", address]) == 0
    capsys.readouterr()
    assert _events(capsys, address) == file_events
    assert main(["show", "--db", address, file_events[0]]) == 0
    assert file_events[0] in capsys.readouterr().out
    # A second publish into the same archive is refused, naming it and what to do; nothing changes.
    assert main(["publish", str(mini_archive.path), "--to", address]) == 2
    err = capsys.readouterr().err
    assert "already holds an archive" in err and "server init" in err
    assert server_archives.server.password not in err
    assert _events(capsys, address) == file_events


def test_the_password_comes_from_pgpass_or_the_keyring_never_the_address_kept(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person types an address with no password; libpq's pgpass file or the system keyring gives it."""
    import types

    bare = team.url("rita").replace(":rita@", "@")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(ServerError, match="password"):
        Archive.open(bare).close()
    # The keyring (the `keyring` package's API, here an in-memory stand-in for the system's keyring).
    asked: list[tuple[str, str]] = []

    def get_password(service: str, user: str) -> str | None:
        asked.append((service, user))
        return "rita" if user == "rita" else None

    monkeypatch.setitem(sys.modules, "keyring", types.SimpleNamespace(get_password=get_password))
    archive = Archive.open(bare)
    try:
        assert archive.role == "reader"
        assert ":rita@" not in str(archive.address)  # the address kept (window, settings) holds none
    finally:
        archive.close()
    assert asked == [(f"archive-viewer:127.0.0.1:{team.server.port}", "rita")]
    # pgpass, as every libpq program reads it (mode 0600), when no keyring holds it.
    monkeypatch.delitem(sys.modules, "keyring")
    monkeypatch.setitem(sys.modules, "keyring", None)  # the package is not installed
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{team.server.port}:{team.database}:rita:rita\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    archive = Archive.open(bare)
    try:
        assert archive.role == "reader"
    finally:
        archive.close()


def test_an_unreachable_server_or_a_missing_archive_is_one_clear_line(
    pg_server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--db", "postgresql://someone:secret@127.0.0.1:1/nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be reached" in err and "secret" not in err
    assert "Traceback" not in err
    assert main(["events", "--db", pg_server.url("postgres")]) == 2  # a database with no archive in it
    err = capsys.readouterr().err
    assert "no archive in this database" in err and "server init" in err


# ------------------------------------------------------------------------------------------ roles


def test_a_reader_cannot_change_the_catalogue_by_any_way_in(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    reader = team.open("rita")
    try:
        assert reader.role == "reader" and not reader.may("cataloguer")
        with pytest.raises(ReadOnlyStore, match="your role is reader"):
            reader.edit_event("evt.undated.talk", title="Renamed by a reader")
    finally:
        reader.close()
    # The command line says so in one line.
    assert main(["event", "edit", "evt.undated.talk", "--title", "x", "--db", team.url("rita")]) == 2
    assert "your role is reader" in capsys.readouterr().err
    # And the server refuses it to any other program: its grants, not the window, decide.
    with team.sql("rita") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE events SET title = 'x'")
    with team.sql("rita") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM entities")
    owner = Archive.open(team.owner_url)
    try:
        assert owner.event_fields("evt.undated.talk")["title"] != "Renamed by a reader"
    finally:
        owner.close()


def test_a_cataloguer_edits_but_only_an_archivist_merges_entities(team: Team) -> None:
    cataloguer = team.open("cat")
    try:
        assert cataloguer.role == "cataloguer"
        cataloguer.edit_event("evt.undated.talk", title="A talk, retitled")
        assert cataloguer.event_fields("evt.undated.talk")["title"] == "A talk, retitled"
        with pytest.raises(ReadOnlyStore, match="needs archivist"):
            cataloguer.merge_entities("place.minsk", "place.jinan")
    finally:
        cataloguer.close()
    with team.sql("cat") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM entities WHERE key = 'place.jinan'")
    archivist = team.open("arch")
    try:
        assert archivist.role == "archivist" and archivist.may("cataloguer")
    finally:
        archivist.close()


def test_private_notes_are_seen_only_by_their_author(team: Team) -> None:
    rita, rob = team.open("rita"), team.open("rob")
    try:
        rita.add_note("evt.undated.talk", "Rita's own thought")
        rob.add_note("evt.undated.talk", "Rob's own thought")
        assert [n.text for n in rita.notes()] == ["Rita's own thought"]
        assert [n.text for n in rob.notes()] == ["Rob's own thought"]
        (event_id,) = [r.id for r in rob.all_rows(EventFilter()) if r.key == "evt.undated.talk"]
        detail = rob.detail(event_id)
        assert detail is not None and [n.text for n in detail.user_notes] == ["Rob's own thought"]
        own = rita.notes()[0].id
        other = rob.notes()[0].id
        with pytest.raises(Exception, match="note"):
            rita.edit_note(other, "Rita overwrites Rob")  # not even found: row security hides it
        rita.edit_note(own, "Rita, revised")
    finally:
        rita.close()
        rob.close()
    with team.sql("rita") as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM user_notes")]
        assert texts == ["Rita, revised"]
        conn.execute("UPDATE user_notes SET text = 'hijacked'")  # touches none of Rob's rows
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO user_notes (event_key, text, created, updated, author) "
                         "VALUES ('evt.undated.talk', 'forged', '', '', 'rob')")  # fmt: skip
    rob = team.open("rob")
    try:
        assert [n.text for n in rob.notes()] == ["Rob's own thought"]
    finally:
        rob.close()


def test_own_notes_are_searched_by_their_author_alone(team: Team) -> None:
    """A file's search reads the reader's notes; a server's reads the searcher's own, and no one else's."""

    def found(archive: Archive, search: str) -> list[str]:
        return [r.key for r in archive.all_rows(EventFilter(text=search))]

    talk = "evt.undated.talk"
    rita, rob = team.open("rita"), team.open("rob")
    try:
        note = rita.add_note(talk, "Zebrafish protocols discussed").note
        assert note is not None
        assert found(rita, "zebrafish") == [talk]
        assert found(rita, "mine:zebrafish") == found(rita, "notes:zebrafish") == [talk]
        assert found(rita, "zebra*") == found(rita, "protocol") == [talk]  # prefixes and stems
        assert found(rita, '"zebrafish protocols"') == [talk]
        assert found(rita, "title:zebrafish") == []
        # The note and the event's own text are one text: AND and NOT read across both.
        assert found(rita, "zebrafish talk") == [talk]
        assert talk not in found(rita, "talk -zebrafish")
        assert talk in found(rob, "talk -zebrafish")
        assert rita.count(EventFilter(text="zebrafish")) == 1
        ranked = rita.page(EventFilter(text="zebrafish"), "relevance", limit=10)
        assert [r.key for r in ranked] == [talk]
        # Another reader's search never finds it, nor does a cataloguer's.
        assert found(rob, "zebrafish") == []
        cat = team.open("cat")
        try:
            assert found(cat, "mine:zebrafish") == []
        finally:
            cat.close()
        # Edited, the old words are gone and the new found; deleted, nothing is.
        rita.edit_note(note, "Axolotl regeneration")
        assert found(rita, "zebrafish") == [] and found(rita, "axolotl") == [talk]
        rob.add_note(talk, "Axolotl too")
        rita.delete_note(note)
        assert found(rita, "axolotl") == [] and found(rob, "axolotl") == [talk]
    finally:
        rita.close()
        rob.close()
    with team.sql("rita") as conn:  # the index of notes is as private as the notes
        assert conn.execute("SELECT count(*) FROM note_index").fetchone() == (0,)
        conn.execute("DELETE FROM note_index")  # touches none of Rob's rows
    rob = team.open("rob")
    try:
        assert found(rob, "axolotl") == [talk]
    finally:
        rob.close()


# ------------------------------------------------------------------------------------------ two editors


def test_two_cataloguers_editing_one_field_get_a_conflict_and_nothing_is_lost(team: Team) -> None:
    cat, cal = team.open("cat"), team.open("cal")
    try:
        key = "evt.undated.talk"
        seen_by_cat = cat.event_fields(key)
        seen_by_cal = cal.event_fields(key)
        cat.edit_event(key, seen=seen_by_cat, title="Cat's title")
        with pytest.raises(EditConflict) as refused:
            cal.edit_event(key, seen=seen_by_cal, title="Cal's title")
        assert refused.value.conflicts == [("title", "Cat's title", "Cal's title")]
        assert "Cat's title" in str(refused.value) and "Cal's title" in str(refused.value)
        assert cal.event_fields(key)["title"] == "Cat's title"  # the first edit stands, not overwritten
        # Another field of the same event is no conflict: both edits are kept.
        cal.edit_event(key, seen=seen_by_cal, summary="Cal's summary")
        fields = cat.event_fields(key)
        assert fields["title"] == "Cat's title" and fields["summary"] == "Cal's summary"
        # Both are in the history, each under its author's login.
        authors = {(h.field, h.author) for h in cat.history(key)}
        assert {("title", "cat"), ("summary", "cal")} <= authors
    finally:
        cat.close()
        cal.close()


def test_simultaneous_edits_of_one_field_never_lose_one_silently(team: Team) -> None:
    """Two editors saving at the same moment: one is written, the other is told; never both "saved"."""
    key = "evt.undated.talk"
    people = ("cat", "cal")
    archives = {p: team.open(p) for p in people}
    seen = {p: archives[p].event_fields(key) for p in people}
    results: dict[str, object] = {}
    start = threading.Barrier(len(people))

    def save(person: str) -> None:
        start.wait()
        try:
            archives[person].edit_event(key, seen=seen[person], title=f"{person} was here")
            results[person] = "saved"
        except EditConflict as exc:
            results[person] = exc

    threads = [threading.Thread(target=save, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        saved = [p for p in people if results[p] == "saved"]
        assert len(saved) == 1
        assert archives["cat"].event_fields(key)["title"] == f"{saved[0]} was here"
    finally:
        for archive in archives.values():
            archive.close()


# ------------------------------------------------------------------------------------------ offline


def test_a_clone_reads_offline_and_keeps_notes_writable(team: Team, tmp_path: Path) -> None:
    copy = tmp_path / "offline.sqlite"
    assert main(["clone", team.url("rita"), "--to", str(copy)]) == 0
    offline = Archive.open(copy)
    online = team.open("rita")
    try:
        assert [r.key for r in offline.all_rows(EventFilter())] == [
            r.key for r in online.all_rows(EventFilter())
        ]
        assert offline.role == "reader"
        with pytest.raises(ReadOnlyStore, match="your role is reader"):
            offline.edit_event("evt.undated.talk", title="x")
        offline.add_note("evt.undated.talk", "written on the train")
        assert [n.text for n in offline.notes()] == ["written on the train"]
        assert offline.count(EventFilter(text="mine:train")) == 1  # a copy's search reads its notes
        assert offline.count(EventFilter(text="Minsk")) == online.count(EventFilter(text="Minsk"))
    finally:
        offline.close()
        online.close()
    assert main(["clone", team.url("rita"), "--to", str(copy)]) == 2  # never over an existing file


def test_push_sends_offline_notes_back_and_keeps_both_sides_of_a_conflict(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = "evt.undated.talk"
    online = team.open("rita")
    try:
        ids = [online.add_note(key, text).note for text in ("one", "two", "three")]
        copy = tmp_path / "offline.sqlite"
        assert main(["clone", team.url("rita"), "--to", str(copy)]) == 0
        online.edit_note(ids[2], "three, online")  # meanwhile, on the server
    finally:
        online.close()
    offline = Archive.open(copy)
    try:
        offline.add_note(key, "four")
        offline.edit_note(ids[0], "one, offline")
        offline.delete_note(ids[1])
        offline.edit_note(ids[2], "three, offline")  # changed on both sides: a conflict
    finally:
        offline.close()
    capsys.readouterr()
    # The password comes from wherever libpq finds it (here: the test gives the address again).
    assert main(["push", str(copy), "--to", team.url("rita")]) == 0
    said = capsys.readouterr().out
    assert "sent 1 new, 1 edited and 1 deleted note(s); 1 conflict(s)" in said
    assert f"note {ids[2]} on {key}" in said and "three, offline" in said
    both_kept = ["four", "one, offline", "three, offline", "three, online"]  # the conflict's two sides too
    online = team.open("rita")
    try:
        assert sorted(n.text for n in online.notes()) == both_kept
        # What was pushed is searched as notes written online are; what was deleted offline is not.
        for word, hits in (("four", 1), ("offline", 1), ("two", 0)):
            assert online.count(EventFilter(text=f"mine:{word}")) == hits, word
    finally:
        online.close()
    # The copy now holds the server's notes: a second push sends nothing again.
    assert main(["push", str(copy), "--to", team.url("rita")]) == 0
    assert "sent 0 new, 0 edited and 0 deleted note(s); 0 conflict(s)" in capsys.readouterr().out
    offline = Archive.open(copy)
    try:
        assert sorted(n.text for n in offline.notes()) == both_kept
    finally:
        offline.close()


# ------------------------------------------------------------------------------------------ live changes


def test_others_changes_are_heard_within_about_a_second(team: Team) -> None:
    heard: list[frozenset[str]] = []
    arrived = threading.Event()
    reader, cataloguer = team.open("rita"), team.open("cat")

    def on_change(tables: frozenset[str]) -> None:
        heard.append(tables)
        arrived.set()

    watcher = reader.watch_changes(on_change)
    assert watcher is not None
    try:
        time.sleep(0.3)  # listening
        started = time.monotonic()
        cataloguer.edit_event("evt.undated.talk", title="Heard across the network")
        assert arrived.wait(5), "no change was heard"
        assert time.monotonic() - started < 2.0
        assert "events" in set().union(*heard)
        assert reader.event_fields("evt.undated.talk")["title"] == "Heard across the network"
    finally:
        watcher.close()
        reader.close()
        cataloguer.close()


def test_a_file_has_no_one_else_to_hear(mini_archive: Archive) -> None:
    assert mini_archive.watch_changes(lambda _tables: None) is None


def test_a_server_gone_mid_session_is_reported_and_the_archive_works_again_when_it_is_back(
    mini_archive: Archive,
) -> None:
    """Its own server, stopped under an open archive: every read and write says so plainly, nothing is
    half-written, and once the server is back the same archive object reads and writes again."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="archive-viewer-pg-"))  # not under pytest's root-only folders
    server = LocalServer.start(folder, durable=False)
    address = server.url("gone")
    try:
        assert main(["server", "init", address]) == 0
        mini_archive.publish(address)
        archive = Archive.open(address)
        try:
            before = archive.count(EventFilter())
            server.stop()
            with pytest.raises(Unreachable, match="cannot be reached") as lost:
                archive.edit_event("evt.undated.talk", title="Saved while the server was down")
            assert server.password not in str(lost.value) and "Nothing was saved" in str(lost.value)
            with pytest.raises(Unreachable):
                archive.count(EventFilter())
            again = LocalServer.start(folder, durable=False)
            assert again.port == server.port  # the same address works after a restart
            assert archive.count(EventFilter()) == before
            assert archive.event_fields("evt.undated.talk")["title"] != "Saved while the server was down"
            archive.edit_event("evt.undated.talk", title="Saved once it was back")
            assert archive.event_fields("evt.undated.talk")["title"] == "Saved once it was back"
        finally:
            archive.close()
    finally:
        server.stop(remove=True)


# ------------------------------------------------------------------------------------------ TLS


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A certificate authority and a server certificate it signed for 127.0.0.1 (openssl)."""
    import subprocess

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test archive CA",
        "-keyout", "ca.key", "-out", "ca.crt")  # fmt: skip
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
        "-out", "server.csr")  # fmt: skip
    (folder / "san.ext").write_text("subjectAltName = IP:127.0.0.1\n", encoding="utf-8")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "2", "-extfile", "san.ext", "-out", "server.crt")  # fmt: skip
    return folder / "ca.crt", folder / "server.crt", folder / "server.key"


def test_tls_is_used_when_offered_and_never_unverified(mini_archive: Archive, tmp_path: Path) -> None:
    import tempfile

    import sqlalchemy as sa

    ca, cert, key = _certificates(tmp_path)
    folder = Path(tempfile.mkdtemp(prefix="archive-viewer-pg-"))
    server = LocalServer.start(folder, durable=False, tls=(cert, key))
    try:
        address = server.url("tls")
        # A certificate no authority this machine trusts signed: refused, and told why — never used anyway.
        with pytest.raises(ServerError, match="could not be verified"):
            Archive.open(address)
        trusted = f"{address}?sslrootcert={ca}"
        assert main(["server", "init", trusted]) == 0
        mini_archive.publish(trusted)
        archive = Archive.open(trusted)
        try:
            assert archive.count(EventFilter()) == mini_archive.count(EventFilter())
        finally:
            archive.close()
        engine = sa.create_engine(f"{trusted}&sslmode=verify-full")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar()
        engine.dispose()
    finally:
        server.stop(remove=True)


# ------------------------------------------------------------------------------------------ same answers


def test_every_order_is_the_files_even_in_a_database_made_with_another_locale(
    mini_archive: Archive, pg_server: LocalServer
) -> None:
    """A server's database made with a language's collation (ICU, English): text still sorts by code
    point, as in SQLite, so every list order and keyset page is the file's (an English collation would put
    "école" before "fabrique"; code points put it after "zoo")."""
    import sqlalchemy as sa

    from desktop.services import init_server

    for key, title in (("evt.2021-06-03.visit", "École d'été"), ("evt.2021.minsk-delegation", "Fabrique"),
                       ("evt.2022-03.signing", "zoo of Minsk"), ("evt.undated.talk", "Ärzte")):  # fmt: skip
        mini_archive.edit_event(key, title=title)
    name = f"icu_{os.getpid()}"
    engine = sa.create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        icu = "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE template0 {icu}")
    engine.dispose()
    address = pg_server.url(name)
    init_server(address)
    mini_archive.publish(address)
    server = Archive.open(address)
    try:
        titles = [r.title for r in server.all_rows(EventFilter(), "title")]
        assert titles.index("zoo of Minsk") < titles.index("École d'été")  # code points, not English
        for sort in ("date", "title", "type", "place", "countries", "languages", "sources"):
            for descending in (False, True):
                want = [r.key for r in mini_archive.all_rows(EventFilter(), sort, descending)]
                assert [r.key for r in server.all_rows(EventFilter(), sort, descending)] == want, sort
                page = server.page(EventFilter(), sort, descending, limit=2)
                rest = server.page(EventFilter(), sort, descending, after=(page[-1].sort_value, page[-1].id))
                assert [r.key for r in page + rest] == want, sort  # keyset pages join up
        assert server.all_facets(EventFilter(), limit=10) == mini_archive.all_facets(EventFilter(), limit=10)
    finally:
        server.close()

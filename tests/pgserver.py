"""Archives on a real PostgreSQL server for the tests (issue 21): one private server per session, one new
database per archive, each published from a file archive built as the other tests build theirs."""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass

import psycopg

from desktop.services import Archive
from desktop.shared.localserver import LocalServer
from desktop.shared.setup import init_archive

_TEMPLATE = "archive_template"


class ServerArchives:
    """Makes archives on the session's server: each in a database of its own, copied from a template that
    ``server init`` made once (a copy takes ~50 ms; running the migrations each time ~350 ms)."""

    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self._numbers = itertools.count(1)
        self._template_made = False
        self.opened: list[Archive] = []

    def new_database(self) -> str:
        """The superuser's address of a new, empty archive (schema at the head, no rows)."""
        import sqlalchemy as sa

        if not self._template_made:
            init_archive(self.server.url(_TEMPLATE))
            self._template_made = True
        name = f"t{os.getpid()}_{next(self._numbers)}"
        engine = sa.create_engine(self.server.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE {_TEMPLATE}')
        finally:
            engine.dispose()
        return self.server.url(name)

    def publish(self, archive: Archive) -> Archive:
        """The same archive on the server, opened through the service as a window opens it."""
        address = self.new_database()
        archive.publish(address)
        opened = Archive.open(address)
        self.opened.append(opened)
        return opened

    def close(self) -> None:
        while self.opened:
            self.opened.pop().close()


@dataclass
class Team:
    """One shared archive and a login per role (password: the name), as ``server grant`` makes them."""

    server: LocalServer
    database: str
    owner_url: str

    def url(self, person: str) -> str:
        return self.server.url(self.database, user=person, password=person)

    def open(self, person: str) -> Archive:
        return Archive.open(self.url(person))

    def sql(self, person: str) -> psycopg.Connection[tuple[object, ...]]:
        """A plain psycopg connection as that person: what any other program of theirs could do."""
        return psycopg.connect(
            host="127.0.0.1", port=self.server.port, dbname=self.database, user=person, password=person
        )


# Logins the team fixture makes (password: the name) and the role ``server grant`` gives each.
PEOPLE = {"rita": "reader", "rob": "reader", "cat": "cataloguer", "cal": "cataloguer", "arch": "archivist"}


def make_team(archive: Archive, archives: ServerArchives) -> Team:
    """``archive`` published to a new database, set up by ``server init``, with a login per role."""
    import sqlalchemy as sa

    from desktop.cli import main

    address = archives.new_database()
    archive.publish(address)
    init_archive(address)  # the roles of this database, as its owner sets it up
    database = address.rsplit("/", 1)[1]
    engine = sa.create_engine(archives.server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for person in PEOPLE:
            exists = conn.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = %(p)s", {"p": person}
            ).first()
            if not exists:
                conn.exec_driver_sql(f"CREATE ROLE {person} LOGIN PASSWORD '{person}'")
    engine.dispose()
    for person, role in PEOPLE.items():
        assert main(["server", "grant", address, person, role]) == 0
    return Team(archives.server, database, address)

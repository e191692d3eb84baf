"""``archive-viewer server init``: a server's archive made or upgraded in one command — the database, the
schema (the same Alembic migrations as a file) and the four roles whose grants the server enforces.

Roles are group roles (NOLOGIN) named after the database, so that one server can hold several archives
with different teams; people log in as their own roles, made members of one group:

- ``<db>_reader``: reads everything, writes only their own notes (row-level security hides the others');
- ``<db>_cataloguer``: a reader who also edits events, links, participants and decides suggestions;
- ``<db>_archivist``: a cataloguer who also imports documents, edits and merges entities;
- ``<db>_admin``: an archivist who may grant the three roles to people (``server grant``).

The database's owner — whoever ran ``init`` — keeps the schema; the window should be used with a member
role, not the owner (the owner bypasses row-level security, as PostgreSQL owners do).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from desktop.store import server
from desktop.store.server import ROLES

# Tables each role may change (beyond what the role below it may). Reading is everyone's.
_WRITES: dict[str, tuple[str, ...]] = {
    "reader": ("user_notes", "note_index"),
    "cataloguer": (
        "events", "event_documents", "event_entities", "event_languages", "participants", "evidence",
        "mentions", "suggestions", "edits", "edit_conflicts", "translation_notes", "facet_changes",
        "event_index", "meta",
    ),
    "archivist": (
        "documents", "renderings", "publication_dates", "debris_spans", "entities", "aliases",
        "entity_index",
    ),
}  # fmt: skip


@dataclass
class InitReport:
    """What ``init`` did: the database made or found, the revision before and after, the roles."""

    database: str
    created: bool
    revision_before: str | None
    revision_after: str
    roles: list[str]


def role_name(database: str, role: str) -> str:
    return f"{database}_{role}"


def _ident(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote_identifier(name))


def _create_database(url: URL) -> bool:
    """Create the database if it is missing (through the server's ``postgres`` database); whether it was."""
    admin = server.make_engine(
        url.set(database="postgres").render_as_string(hide_password=False), pool_size=1
    )
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            found = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": url.database}
            ).first()
            if found:
                return False
            conn.exec_driver_sql(
                f"CREATE DATABASE {_ident(conn, str(url.database))} ENCODING 'UTF8' TEMPLATE template0"
            )
            return True
    finally:
        admin.dispose()


def init_archive(address: str) -> InitReport:
    """Make or upgrade the archive at ``address`` and its roles; safe to run again (it then only upgrades)."""
    from desktop.store.engine import upgrade_schema

    url = server.server_url(address)
    where = server.redact(url)
    try:
        created = _create_database(url)
        engine = server.make_engine(address, pool_size=1)
    except DBAPIError as exc:
        raise server.server_error(url, exc) from None
    try:
        before = server.current_revision(engine)
        with engine.begin() as conn:
            # One transaction, DDL included: an init that fails half-way leaves the database as it was.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(21)")  # two inits at once wait in turn
            upgrade_schema(conn)
            roles = _grant_roles(conn, str(url.database))
        after = server.current_revision(engine)
    except DBAPIError as exc:
        said = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise server.ServerError(
            f"{where}: the archive could not be set up ({said}). `server init` needs the database's owner or "
            "a role that may create databases and roles"
        ) from None
    finally:
        engine.dispose()
    return InitReport(str(url.database), created, before, str(after), roles)


def _grant_roles(conn: Connection, database: str) -> list[str]:
    """Create the four group roles if missing and (re)grant what each may do: safe to repeat."""
    q = {r: _ident(conn, role_name(database, r)) for r in ROLES}
    existing = {
        name
        for (name,) in conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": [role_name(database, r) for r in ROLES]},
        )
    }
    for r in ROLES:
        if role_name(database, r) not in existing:
            conn.exec_driver_sql(f"CREATE ROLE {q[r]} NOLOGIN")
    # Each role holds the one below it, so a cataloguer can do all a reader can.
    for lower, upper in itertools.pairwise(ROLES):
        conn.exec_driver_sql(f"GRANT {q[lower]} TO {q[upper]}")
    for r in ROLES[:3]:
        conn.exec_driver_sql(f"GRANT {q[r]} TO {q['admin']} WITH ADMIN OPTION")
    db = _ident(conn, database)
    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {q['reader']}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {q['reader']}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {q['reader']}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {q['reader']}")
    for r, tables in _WRITES.items():
        for table in tables:
            conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {q[r]}")
    conn.exec_driver_sql(f"GRANT TRUNCATE ON event_index, entity_index, facet_changes TO {q['archivist']}")
    return [role_name(database, r) for r in ROLES]


def grant(address: str, person: str, role: str) -> None:
    """Make ``person`` (an existing login role) a member of this archive's ``role``, and of no other."""
    if role not in ROLES:
        raise server.ServerError(f"{role}: not a role; use one of {', '.join(ROLES)}")
    url = server.server_url(address)
    engine = server.make_engine(address, pool_size=1)
    try:
        with engine.begin() as conn:
            who = _ident(conn, person)
            for other in ROLES:
                conn.exec_driver_sql(f"REVOKE {_ident(conn, role_name(str(url.database), other))} FROM {who}")
            conn.exec_driver_sql(f"GRANT {_ident(conn, role_name(str(url.database), role))} TO {who}")
    except DBAPIError as exc:
        said = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise server.ServerError(f"{server.redact(url)}: cannot grant {role} to {person} ({said})") from None
    finally:
        engine.dispose()

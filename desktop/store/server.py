"""Opening an archive on a PostgreSQL server (issue 21): the address, the engine, TLS, the schema.

The store is the same SQLAlchemy schema and the same Alembic migrations as a local file (dialect-aware
where SQLite and PostgreSQL differ). What a file has and a server does not — the 100-byte header, the
writer's lock file, backups beside it — is the server's own business here: PostgreSQL checks its pages,
isolates writers and is backed up with ``pg_dump`` (README).

Passwords are never taken from the settings file: libpq reads them from the ``pgpass`` file
(``~/.pgpass``, or ``PGPASSFILE``), and :func:`password_from_keyring` from the system keyring when the
``keyring`` package is installed. TLS is used whenever the server offers it, and then verified against the
system's certificate authorities (or ``sslrootcert=`` in the address): a server offering a certificate
that does not verify is refused, never used unverified.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from desktop.store.address import SCHEMES
from desktop.store.address import redact as redact_text
from desktop.store.revision import SCHEMA_HEAD

if TYPE_CHECKING:
    from desktop.store.engine import Store

CONNECT_TIMEOUT_S = 5
APPLICATION_NAME = "archive-viewer"


class ServerError(Exception):
    """The server cannot be reached or used; the message names the server (never its password) and what to
    do."""


class Unreachable(ServerError):
    """The server did not answer (down, wrong address, network): what is on screen stays readable."""


def server_url(address: str) -> URL:
    """The SQLAlchemy URL of an address (``postgresql://user@host/db`` takes the psycopg driver)."""
    try:
        url = make_url(address)
    except ArgumentError as exc:
        raise ServerError(
            f"{redact(address)}: not a server address ({exc}); write postgresql://host/db"
        ) from None
    if url.get_backend_name() not in SCHEMES:
        raise ServerError(f"{redact(address)}: not a PostgreSQL address; write postgresql://host/db")
    if url.drivername in SCHEMES:
        url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise ServerError(f"{redact(address)}: the address names no database; write postgresql://host/db")
    return url


def without_password(address: str) -> str:
    """The address to keep (in an offline copy, a settings file): its password left out, to come from the
    pgpass file or the keyring when it is used."""
    return server_url(address).set(password=None).render_as_string(hide_password=False)


def redact(address: str | URL) -> str:
    """The address as it may be shown or logged: no password."""
    if isinstance(address, URL):
        return address.render_as_string(hide_password=True).replace("+psycopg", "")
    return redact_text(str(address))


def password_from_keyring(url: URL) -> str | None:
    """The password the system keyring holds for this server and user, when the ``keyring`` package is
    installed (service ``archive-viewer:HOST:PORT``); None otherwise."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        found = keyring.get_password(f"archive-viewer:{url.host}:{url.port or 5432}", url.username or "")
    except Exception:  # a locked or absent keyring backend: libpq's pgpass still applies
        return None
    return str(found) if found else None


def _tls_args(url: URL) -> dict[str, str]:
    """TLS as the address asks, else verified TLS whenever the server offers it (see :func:`make_engine`)."""
    if "sslmode" in url.query:
        return {}
    if url.host in (None, "") or str(url.host).startswith("/"):
        return {"sslmode": "disable"}  # a local socket: no network to protect
    return {"sslmode": "verify-full", "sslrootcert": str(url.query.get("sslrootcert", "system"))}


@dataclass(frozen=True)
class ConnectPlan:
    """How to connect to one server: its URL (the password from the address or the keyring) and the
    driver's arguments, TLS settled (see :func:`plan`). The engine and the change listener share it."""

    url: URL
    args: dict[str, object]


def plan(address: str) -> ConnectPlan:
    """Settle how to connect: TLS verified whenever the server offers it, plain only when it offers
    none. Raises :class:`ServerError` naming the server (no password) when it cannot be reached."""
    url = server_url(address)
    if url.password is None:
        secret = password_from_keyring(url)
        if secret is not None:
            url = url.set(password=secret)
    base: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME}
    tls = _tls_args(url)
    if tls.get("sslmode") != "verify-full":
        return ConnectPlan(url, {**base, **tls})
    probe = create_engine(url, connect_args={**base, **tls}, poolclass=NullPool)
    try:
        with probe.connect():
            return ConnectPlan(url, {**base, **tls})
    except OperationalError as exc:
        if "server does not support SSL" not in str(exc.orig):
            raise server_error(url, exc) from None
    finally:
        probe.dispose()
    # The server offers no TLS at all (a loopback or a private network's server): plain, as libpq's own
    # default ("prefer") would. A server that offers TLS never gets here unverified.
    return ConnectPlan(url, {**base, "sslmode": "disable"})


def make_engine(address: str, *, pool_size: int = 5) -> Engine:
    """An engine for the server: psycopg, a short connect timeout, connections checked before use (a
    server restarted under an open window is reconnected, not an error), TLS verified when offered."""
    how = plan(address)
    return _engine(how.url, how.args, pool_size)


def _engine(url: URL, connect_args: dict[str, object], pool_size: int) -> Engine:
    engine = create_engine(
        url, connect_args=connect_args, pool_pre_ping=True, pool_size=pool_size, max_overflow=10
    )
    where = redact(url)

    def lost(context: ExceptionContext) -> None:
        # A connection lost mid-statement, or none to be had: one error the window and the command line
        # say plainly. The transaction it was in is rolled back by the server, so a write is not half
        # made: it is reported, and the person saves again (an edit saved twice changes nothing more).
        if context.is_disconnect or (context.connection is None and context.original_exception is not None):
            said = str(context.original_exception).strip().splitlines()
            raise Unreachable(
                f"{where}: the server cannot be reached ({said[0] if said else 'connection lost'}). "
                "Nothing was saved by the step that failed; what is shown stays readable. Try again when "
                "the server is back"
            ) from context.original_exception

    event.listen(engine, "handle_error", lost)
    return engine


def server_error(url: URL | str, exc: DBAPIError) -> ServerError:
    """One line for a failure to connect: which server, what it said, what to do."""
    said = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    where = redact(url)
    if "password authentication failed" in said or "no password supplied" in said:
        return ServerError(
            f"{where}: the server refused the user name or password ({said}). Put the password in your "
            "pgpass file (~/.pgpass: host:port:database:user:password) or the system keyring"
        )
    if "certificate" in said or "SSL" in said:
        return ServerError(
            f"{where}: the server's TLS certificate could not be verified ({said}). Give its CA with "
            "?sslrootcert=FILE in the address, or ask the server's administrator"
        )
    if "does not exist" in said:
        return ServerError(f"{where}: {said}. Create it with `archive-viewer server init {where}`")
    return Unreachable(f"{where}: the server cannot be reached ({said}). Check the address and the network")


def driver_version() -> str:
    """The PostgreSQL driver this app carries and its libpq (the installed app's self-test shows it)."""
    import psycopg

    libpq = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {libpq // 10000}.{libpq % 100}"


def folder_name(url: URL) -> str:
    """A folder name for what this machine keeps of one server's archive (settings, offline copy)."""
    raw = f"{url.host or 'socket'}-{url.port or 5432}-{url.database}"
    return quote(raw, safe="-_.")


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the server's archive, or None if it has none (an empty database)."""
    with engine.connect() as conn:
        exists = conn.exec_driver_sql("SELECT to_regclass('alembic_version') IS NOT NULL").scalar()
        if not exists:
            return None
        found = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        return None if found is None else str(found)


def open_server_store(address: str, *, read_only: bool = False) -> Store:
    """Open the archive on a server: connect, check its schema, say what the connected role may do.

    A server's archive is upgraded by ``archive-viewer server init`` (its owner's command), never by a
    reader's window opening it: readers' roles cannot change the schema, and an upgrade under a team's
    open windows is the administrator's decision.
    """
    from desktop.paths import data_dir
    from desktop.store.engine import Store

    url = server_url(address)
    try:
        engine = make_engine(address)
        revision = current_revision(engine)
    except DBAPIError as exc:
        raise server_error(url, exc) from None
    where = redact(url)
    if revision is None:
        engine.dispose()
        raise ServerError(
            f"{where}: there is no archive in this database yet. Create it with "
            f"`archive-viewer server init {where}`, then `archive-viewer publish FILE --to {where}`"
        )
    if revision != SCHEMA_HEAD:
        engine.dispose()
        newer = revision > SCHEMA_HEAD
        raise ServerError(
            f"{where}: the archive there is at schema {revision}, this app at {SCHEMA_HEAD}: "
            + (
                "update the app"
                if newer
                else f"its owner upgrades it with `archive-viewer server init {where}`"
            )
        )
    reason = "as requested" if read_only else None
    folder = data_dir() / "servers" / folder_name(url)
    store = Store(folder, engine, read_only=reason, checked=True, location=where, address=address)
    try:
        store.role = role_of(engine)
    except DBAPIError as exc:
        store.close()
        raise server_error(url, exc) from None
    return store


ROLES = ("reader", "cataloguer", "archivist", "admin")


def role_of(engine: Engine) -> str:
    """The archive role of the connected person: the highest of the database's four group roles they
    are a member of; the database's owner and a superuser are its admin. A role that is none of these
    could not have connected (``server init`` grants CONNECT to the four only)."""
    with engine.connect() as conn:
        owner = conn.exec_driver_sql(
            "SELECT r.rolsuper OR pg_get_userbyid(d.datdba) = current_user "
            "FROM pg_roles AS r, pg_database AS d "
            "WHERE r.rolname = current_user AND d.datname = current_database()"
        ).scalar()
        if owner:
            return "admin"
        for role in reversed(ROLES):
            held = conn.exec_driver_sql(
                "SELECT to_regrole(current_database() || '_' || %(r)s) IS NOT NULL "
                "AND pg_has_role(current_user, current_database() || '_' || %(r)s, 'MEMBER')",
                {"r": role},
            ).scalar()
            if held:
                return role
    return "reader"

"""What SQLite or a server refusing a search becomes: a one-line QueryError, the original chained.

Apart because every query that runs a search (the list, facets, timeline, landmarks, export) wraps it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, OperationalError

from desktop.search import QueryError

# What SQLite and FTS5 say when the expression of a search itself cannot run: too deep for a parser
# stack or SQLITE_MAX_EXPR_DEPTH, too many terms or variables, or FTS5 cannot read it. The limits of
# desktop.search keep every search inside these; this is the net under them. Anything else (a locked or
# damaged store, an interrupt, a full disk) is not the search's fault and goes on as it is.
# ("no such module: fts5" is not among them: that store, or that SQLite, is the problem.)
_SEARCH_FAILURE = re.compile(
    r"fts5: |fts5 expression tree|expression tree is too large|parser stack overflow|"
    r"too many (?:SQL variables|arguments on function|terms)|malformed MATCH expression",
    re.IGNORECASE,
)
# The same net on a server (issue 21), where a search is one tsquery made in Python (desktop.search.sql):
# PostgreSQL's words when it cannot read a tsquery (``syntax error in tsquery``, ``no operand in
# tsquery``, ``word is too long in tsquery``…), when one is too large, or too deep for its stack. A
# cancelled statement, a lost connection or a refused permission are not the search's fault, and go on
# as they are (the window and the command line tell those as the server's problems).
_SERVER_SEARCH_FAILURE = re.compile(
    r"\bin tsquery\b|tsquery is too large|stack depth limit exceeded", re.IGNORECASE
)
_SERVER_SYNTAX_ERROR = "42601"  # SQLSTATE of what PostgreSQL cannot read (a tsquery's included)


@contextmanager
def search_errors(query_text: str | None) -> Iterator[None]:
    """While a search's SQL runs: the database refusing the search becomes a one-line :class:`QueryError`.

    The reader sees a plain sentence instead of SQLite's or PostgreSQL's words and the statement
    (kilobytes of SQL in an error box); the original error stays chained (``raise … from``), so the log
    still has it. Without a search nothing is caught.

    SQLite's refusals are OperationalErrors; PostgreSQL's come as other DB-API errors too (a tsquery it
    cannot read is a ProgrammingError), so every DB-API error is looked at, and only a search's own kept.
    """
    if not (query_text and query_text.strip()):
        yield
        return
    try:
        yield
    except (DBAPIError, sqlite3.OperationalError) as exc:
        # SQLAlchemy's error holds the DB-API one as .orig; its own text appends the SQL, never shown.
        original = getattr(exc, "orig", None) or exc
        words = str(original)
        if _on_server(original):
            if _SERVER_SEARCH_FAILURE.search(words) is None:
                raise
            unreadable = getattr(original, "sqlstate", None) == _SERVER_SYNTAX_ERROR
        else:
            if not isinstance(exc, (OperationalError, sqlite3.OperationalError)):
                raise
            if _SEARCH_FAILURE.search(words) is None:
                raise
            unreadable = "syntax error" in words
        if unreadable:
            message = "the search cannot be run as written: try it with simpler words"
        else:
            message = "the search is too complex to run: use fewer words, parentheses or NOTs"
        raise QueryError(message) from exc


def _on_server(error: BaseException) -> bool:
    """Whether a driver's error is PostgreSQL's (psycopg's) rather than sqlite3's.

    Told by the driver's module, not imported: psycopg is only loaded when a server archive is opened.
    """
    return type(error).__module__.split(".")[0] in ("psycopg", "psycopg2")

"""What SQLite refusing a search becomes: a one-line QueryError, the original chained.

Apart because every query that runs a search (the list, facets, timeline, landmarks, export) wraps it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError

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


@contextmanager
def search_errors(query_text: str | None) -> Iterator[None]:
    """While a search's SQL runs: SQLite refusing the search becomes a one-line :class:`QueryError`.

    The reader sees a plain sentence instead of SQLite's words and the statement (kilobytes of SQL in an
    error box); the original error stays chained (``raise … from``), so the log still has it. Without a
    search nothing is caught.
    """
    if not (query_text and query_text.strip()):
        yield
        return
    try:
        yield
    except (OperationalError, sqlite3.OperationalError) as exc:
        # SQLAlchemy's error holds the DB-API one as .orig; its own text appends the SQL, never shown.
        words = str(getattr(exc, "orig", None) or exc)
        if _SEARCH_FAILURE.search(words) is None:
            raise
        if "syntax error" in words:
            message = "the search cannot be run as written: try it with simpler words"
        else:
            message = "the search is too complex to run: use fewer words, parentheses or NOTs"
        raise QueryError(message) from exc

"""The full-text index on PostgreSQL (issue 21): the same tokens as FTS5's, in one ``tsvector`` per row.

The index's strings are made in Python (:func:`desktop.search.index_fields`): space-separated tokens that
are already folded, so SQLite's ``unicode61`` only splits them at the spaces. Here the same tokens are
written as a ``tsvector`` literal — never passed through a PostgreSQL text-search configuration, whose
parser and dictionaries would cut and fold them otherwise — with each token tagged by its column
(``original_w:минск``). One tsvector per row then answers a whole search in one ``@@`` over one GIN index
as FTS5's MATCH does: AND and NOT across columns, a column filter as a choice of tags, a phrase as
``<->`` between tokens of one column (each column's positions count from 1 on their own; tokens of two
columns never share a tag, so a phrase never spans them), a prefix as ``:*`` on the tagged token.

PostgreSQL keeps positions up to 16,383 and 256 of them per token: a phrase later than that in a long
text is found only by its words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

MAX_POSITION = 16_383
SEPARATOR = ":"


def lexeme(column: str, token: str) -> str:
    """A token as the server's index stores it: tagged with its column, quoted for a tsvector or tsquery."""
    tagged = f"{column}{SEPARATOR}{token}"
    return "'" + tagged.replace("\\", "\\\\").replace("'", "''") + "'"


def document(columns: Iterable[str], row: Mapping[str, object]) -> str:
    """The tsvector literal of one index row: every token of every column with its positions."""
    positions: dict[str, list[int]] = {}
    for column in columns:
        value = row.get(column)
        if not value:
            continue
        for at, token in enumerate(str(value).split(), start=1):
            positions.setdefault(lexeme(column, token), []).append(min(at, MAX_POSITION))
    return " ".join(f"{lex}:{','.join(map(str, spots[:256]))}" for lex, spots in positions.items())

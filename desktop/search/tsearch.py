"""The full-text index on PostgreSQL (issue 21): the same tokens as FTS5's, in one ``tsvector`` per row.

The index's strings are made in Python (:func:`desktop.search.index_fields`): space-separated tokens that
are already folded, so SQLite's ``unicode61`` only splits them at the spaces. Here the same tokens are
written as a ``tsvector`` literal — never passed through a PostgreSQL text-search configuration, whose
parser and dictionaries would cut and fold them otherwise — with each token tagged by its column
(``original_w:минск``). One tsvector per row then answers a whole search in one ``@@`` over one GIN index
as FTS5's MATCH does: AND and NOT across columns, a column filter as a choice of tags, a phrase as
``<->`` between tokens of one column (each column's positions count from 1 on their own; tokens of two
columns never share a tag, so a phrase never spans them), a prefix as ``:*`` on the tagged token.

A search is written here as a ``tsquery`` literal (:func:`phrase`, :data:`NOTHING`), cast as it is —
never through ``to_tsquery``, which would parse and fold its words again.

"Only splits them at the spaces" has one exception, kept here so that both indexes hold the same tokens:
the Indic blocks whose signs a Python token keeps (``desktop.search.words``) also hold punctuation and
symbols (the danda ``।`` after a Hindi word), which FTS5 drops as separators. :func:`split` drops them too,
in the index and in a search alike (``किया।`` is the token ``किया`` in both).

Limits of PostgreSQL's tsvector, none of which FTS5 has: positions up to 16,383 and 256 of them per token
(a phrase later than that in a long text is found only by its words); a token of at most 2,047 bytes with
its tag (longer ones are cut, in the index and in a search alike, so they still find each other).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from desktop.search.words import _MARKS

MAX_POSITION = 16_383
MAX_POSITIONS = 256  # per token
MAX_LEXEME_BYTES = 2_047
SEPARATOR = ":"
# ts_rank's weight classes, as a tsvector's positions carry them (D, the default, is written as nothing).
WEIGHT_CLASSES = ("D", "C", "B", "A")


def lexeme(column: str, token: str) -> str:
    """A token as the server's index stores it: tagged with its column, quoted for a tsvector or tsquery."""
    tagged = f"{column}{SEPARATOR}{token}"
    if len(tagged) * 4 > MAX_LEXEME_BYTES and len(tagged.encode()) > MAX_LEXEME_BYTES:
        tagged = tagged.encode()[:MAX_LEXEME_BYTES].decode("utf-8", "ignore")
    return "'" + tagged.replace("\\", "\\\\").replace("'", "''") + "'"


# A lexeme no row holds (no column has an empty name): a phrase left with no tokens matches nothing, as an
# empty phrase does in FTS5.
NOTHING = lexeme("", "")


@functools.cache
def _separators() -> re.Pattern[str]:
    """The characters a Python token may hold that FTS5's tokenizer (letters, digits, marks) drops.

    Computed on first use from the sign ranges of ``words`` (a few thousand characters' categories), not
    at import: the window's start imports this module.
    """
    dropped = []
    for span in re.finditer(r"(.)-(.)", _MARKS, re.DOTALL):
        for code in range(ord(span.group(1)), ord(span.group(2)) + 1):
            category = unicodedata.category(chr(code))
            if category[0] in "PSZ" or category in ("Cc", "Cf", "Cs"):
                dropped.append(re.escape(chr(code)))
    return re.compile(f"[{''.join(dropped)}]+")


def split(value: str) -> list[str]:
    """The tokens of an index string (or of a search's words) as FTS5 reads them; see the module."""
    return _separators().sub(" ", value).split()


def phrase(columns: Sequence[str], words: Sequence[str], prefix: bool = False) -> str:
    """A tsquery: the words in a row in any one of ``columns``, the last one a prefix if ``prefix``.

    What FTS5 reads in ``{a b} : "x y" *``: in each column, one token after the other (``<->``).
    """
    tokens = [token for word in words for token in split(word)]
    if not tokens or not columns:
        return NOTHING
    alternatives = []
    for column in columns:
        parts = [lexeme(column, token) for token in tokens]
        if prefix:
            parts[-1] += ":*"
        alternatives.append(parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")")
    return alternatives[0] if len(alternatives) == 1 else "(" + " | ".join(alternatives) + ")"


def document(
    columns: Iterable[str], row: Mapping[str, object], weights: Mapping[str, str] | None = None
) -> str:
    """The tsvector literal of one index row: every token of every column with its positions.

    ``weights``: a column's weight class (``A``..``D``, see :data:`WEIGHT_CLASSES`), for ``ts_rank``; a
    column not named has D. The class only ranks: a search finds a token whatever its class.
    """
    positions: dict[str, list[int]] = {}
    classes: dict[str, str] = {}
    for column in columns:
        value = row.get(column)
        if not value:
            continue
        weight = (weights or {}).get(column, "D")
        for at, token in enumerate(split(str(value)), start=1):
            lex = lexeme(column, token)
            spots = positions.get(lex)
            if spots is None:
                spots = positions[lex] = []
                classes[lex] = "" if weight == "D" else weight
            spots.append(min(at, MAX_POSITION))
    return " ".join(
        f"{lex}:{','.join(f'{at}{classes[lex]}' for at in spots[:MAX_POSITIONS])}"
        for lex, spots in positions.items()
    )

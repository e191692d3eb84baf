"""A parsed search as SQL: one FTS5 MATCH expression over the event index, its events, its bm25 scores.

Apart from the parser: only the store runs these; the window parses and highlights without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.search.fields import FORMS, ROWID_MASK, TEXT_FIELDS
from desktop.search.query import Expr, Node, Query, QueryError, Term

# Names of entities: more matches than this and a word is too common to stand for particular entities.
MAX_NAME_MATCHES = 300

# A term's own expression, plus — when it may be a name — the entities whose names it matches (looked up
# in the small entity index by SQLite itself, so the whole search stays one statement, also in the sqlite3
# shell): ``(term OR names : (e12 OR e40))``. A word matching too many entities adds none.
_NAMES_SQL = (
    "coalesce((SELECT CASE WHEN count(*) > {cap} THEN '' "
    "ELSE ' OR names : (' || group_concat('e' || rowid, ' OR ') || ')' END "
    "FROM (SELECT rowid FROM entity_index WHERE entity_index MATCH :{p} LIMIT {limit})), '')"
)


@dataclass
class CompiledQuery:
    """SQL built from a search: ``sql`` with its ``params``; ``negated``: it selects what to leave out."""

    sql: str
    params: dict[str, str]
    negated: bool = False


def compile_match(query: Query) -> CompiledQuery:
    """The FTS5 MATCH expression of a search over the event index, as an SQL expression.

    AND / OR / NOT become FTS5's own operators, so the event index answers the whole search in one scan.
    A search that only excludes (``-Moscow``) is returned ``negated``: the events it matches are left out.

    The expression is the FTS5 query text concatenated from its pieces (bound terms, name lookups, the
    operators and parentheses as string literals). The FTS5 parentheses are inside those literals, so
    the SQL's own nesting does not follow the search's: the pieces are joined as a balanced tree of
    ``||``, a few levels deep however the search nests (nested SQL overflowed SQLite's parser stack at
    ~25 levels, and a flat chain of ``||`` is as deep as it is long against SQLITE_MAX_EXPR_DEPTH).
    """
    params: dict[str, str] = {}
    pieces: list[str] = []  # SQL operands; FTS5 text as literals (adjacent ones merged), see _concat

    def emit(fts_text: str) -> None:
        pieces.append(fts_text)

    def emit_sql(sql: str) -> None:
        pieces.append(_SqlPiece(sql))

    def term(t: Term) -> None:
        name = f"t{len(params)}"
        params[name] = t.event_fts() or 'names : "e0"'  # a field of names only: no text of its own
        entity = t.entity_fts() if t.uses_names else None
        emit("(")
        emit_sql(f":{name}")
        if entity is not None:
            params[f"n{name}"] = entity
            emit_sql(_NAMES_SQL.format(cap=MAX_NAME_MATCHES, limit=MAX_NAME_MATCHES + 1, p=f"n{name}"))
        emit(")")

    def join(children: Sequence[Expr], op: str) -> None:
        # Every expression build() emits is parenthesised already: one child needs no more.
        if len(children) == 1:
            build(children[0])
            return
        emit("(")
        for i, child in enumerate(children):
            if i:
                emit(f" {op} ")
            build(child)
        emit(")")

    def build(e: Expr) -> None:
        if isinstance(e, Term):
            term(e)
            return
        if e.op == "or":
            if any(isinstance(c, Node) and c.op == "not" for c in e.children):
                raise QueryError(
                    "NOT cannot stand alone beside OR: write it after a word, as in Minsk NOT forum"
                )
            join(e.children, "OR")
            return
        if e.op == "not":
            raise QueryError("NOT needs a word to leave something out of, as in: Minsk NOT forum")
        positives = [c for c in e.children if not (isinstance(c, Node) and c.op == "not")]
        negatives = [c.children[0] for c in e.children if isinstance(c, Node) and c.op == "not"]
        if not positives:
            raise QueryError("NOT needs a word to leave something out of, as in: Minsk NOT forum")
        if not negatives:
            join(positives, "AND")
            return
        emit("(")
        join(positives, "AND")
        emit(" NOT ")
        join(negatives, "OR")
        emit(")")

    root = query.root
    negated = False
    if isinstance(root, Node) and root.op == "not":
        build(root.children[0])
        negated = True
    elif (
        isinstance(root, Node)
        and root.op == "and"
        and all(isinstance(c, Node) and c.op == "not" for c in root.children)
    ):
        join([c.children[0] for c in root.children], "OR")
        negated = True
    else:
        build(root)
    return CompiledQuery(_concat(pieces), params, negated)


class _SqlPiece(str):
    """A piece of a MATCH expression that is SQL (a parameter, a name lookup), not FTS5 text."""

    __slots__ = ()


def _concat(pieces: Sequence[str]) -> str:
    """One SQL expression concatenating ``pieces``: FTS5 text as string literals, :class:`_SqlPiece` as is.

    Adjacent texts become one literal; the operands are joined as a balanced tree of ``||``, so the
    expression is about log2(operands) deep: 64 terms (~200 operands) make 8 levels.
    """
    operands: list[str] = []
    text = ""
    for piece in pieces:
        if isinstance(piece, _SqlPiece):
            if text:
                operands.append("'" + text.replace("'", "''") + "'")
                text = ""
            operands.append(piece)
        else:
            text += piece
    if text:
        operands.append("'" + text.replace("'", "''") + "'")

    def tree(lo: int, hi: int) -> str:
        if hi - lo == 1:
            return operands[lo]
        mid = (lo + hi) // 2
        return f"({tree(lo, mid)} || {tree(mid, hi)})"

    return tree(0, len(operands))


def compile_events(query: Query) -> CompiledQuery:
    """SELECT event_id of the events a search matches (or, ``negated``, of those it leaves out)."""
    match = compile_match(query)
    sql = f"SELECT rowid & {ROWID_MASK} AS event_id FROM event_index WHERE event_index MATCH {match.sql}"
    return CompiledQuery(sql, match.params, match.negated)


# bm25 weights: the word as written counts most, its stem less, a transliteration least; titles double.
_FORM_WEIGHTS = {"w": 1.0, "s": 0.6, "t": 0.3}
RANK_WEIGHTS = (*((2.0 if f == "title" else 1.0) * _FORM_WEIGHTS[x] for f in TEXT_FIELDS for x in FORMS), 1.0)


def compile_scores(query: Query) -> CompiledQuery:
    """SELECT event_id, score: the event's bm25 for the search (lower is better)."""
    match = compile_match(query)
    w = ", ".join(str(x) for x in RANK_WEIGHTS)
    sql = (
        f"SELECT rowid & {ROWID_MASK} AS event_id, bm25(event_index, {w}) AS score "
        f"FROM event_index WHERE event_index MATCH {match.sql}"
    )
    return CompiledQuery(sql, match.params, match.negated)

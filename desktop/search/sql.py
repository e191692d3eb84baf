"""A parsed search as SQL: one FTS5 MATCH expression over the event index, its events, its bm25 scores —
and the same search over a server's tsvector index (issue 21), one tsquery where SQLite has one MATCH.

Apart from the parser: only the store runs these; the window parses and highlights without them.

Every statement here is made in both spellings at once (:class:`CompiledQuery` and its ``server``), and
:meth:`CompiledQuery.clause` hands the store one SQLAlchemy clause that each dialect compiles its own way.
The store builds its statements without a connection (a filter's WHERE clause, an export's SELECT, the
benchmarks' SQL), so the spelling is chosen where SQLAlchemy compiles the statement for a connection,
keyed on the dialect's name ("postgresql"), rather than at every place that builds one. SQLite's SQL is
exactly what it was before servers existed.

On a server (``desktop.search.tsearch`` has the index's design): a term's alternatives are a tsquery made
in Python from the same :class:`~desktop.search.query.Phrase` list FTS5's text is made from; AND, OR and
NOT become ``&``, ``|`` and ``& !``. The names of entities a term may stand for are looked up as SQLite
looks them up, inside the one statement: the entity index's matches are appended to the term as
``| 'names:e12' | 'names:e40'`` (none past :data:`MAX_NAME_MATCHES`). They cannot be looked up by a query
of their own first, as the statement is built with no connection to run one on; the server runs each
lookup once (an uncorrelated subquery, an InitPlan) and still answers the search from the GIN index.
A search that only excludes (``-Moscow``) is, as on SQLite, the events *not* among those ``doc @@`` finds.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.search import tsearch
from desktop.search.fields import EVENT_COLUMNS, FORMS, ROWID_MASK, ROWID_SHIFT, TEXT_FIELDS
from desktop.search.query import ENTITY_COLUMNS_BY_FORM, Expr, Node, Phrase, Query, QueryError, Term

if TYPE_CHECKING:
    from sqlalchemy import TextClause

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
# The same on a server: `` | 'names:e12' | 'names:e40'`` appended to the term's tsquery text, each id
# quoted as the index's lexeme (``\:`` keeps SQLAlchemy from reading ``:e`` as a parameter; it writes a
# plain colon).
_NAME_LEXEME_START = "'" + tsearch.lexeme("names", "e")[:-1].replace("'", "''").replace(":", "\\:") + "'"
_SERVER_NAMES_SQL = (
    f"coalesce((SELECT CASE WHEN count(*) > {MAX_NAME_MATCHES} THEN '' "
    f"ELSE ' | ' || string_agg({_NAME_LEXEME_START} || rowid || '''', ' | ') END "
    "FROM (SELECT rowid FROM entity_index WHERE doc @@ CAST(:{p} AS tsquery) "
    f"LIMIT {MAX_NAME_MATCHES + 1}) AS named), '')"
)
# A term limited to the names field has no text of its own: it stands for entity 0, which no event has.
_NO_TEXT_FTS = 'names : "e0"'
_NO_TEXT_TSQUERY = tsearch.lexeme("names", "e0")


@dataclass
class CompiledQuery:
    """SQL built from a search: ``sql`` with its ``params``; ``negated``: it selects what to leave out.

    ``sql`` is SQLite's (FTS5); ``server``, when there is one, the same statement for a server's tsvector
    index, with its own parameters. :meth:`clause` runs the one the connection needs.
    """

    sql: str
    params: dict[str, Any]
    negated: bool = False
    server: CompiledQuery | None = None

    def clause(self) -> TextClause:
        """The statement as one SQLAlchemy text clause: SQLite's SQL, or on PostgreSQL the server's."""
        from sqlalchemy import text

        if self.server is None:
            return text(self.sql).bindparams(**self.params)
        server = text(self.server.sql).bindparams(**self.server.params)
        return _search_clause()(self.sql, server).bindparams(**self.params)


@functools.cache
def _search_clause() -> Callable[[str, TextClause], TextClause]:
    """The clause type of a search in two spellings, made on first use: SQLAlchemy is imported by the
    store that runs a search, not by every importer of the parser.

    It is SQLite's text clause (so ``.columns()``, ``.subquery()`` and ``IN`` take it as any text) whose
    server spelling is a second text clause; compiled for PostgreSQL, the second is written instead. Both
    are part of the statement's cache key, their parameters included: a statement SQLAlchemy compiled
    once is reused for the next search of the same shape, each with its own words. SQLAlchemy gathers the
    parameters of both, by name: the server's are named apart (``tsq…``, ``tsn…``; SQLite's are ``t…``,
    ``nt…``, ``q``, ``n``), or one spelling's value would be bound in the other's place.
    """
    from sqlalchemy.ext.compiler import compiles
    from sqlalchemy.sql.compiler import SQLCompiler
    from sqlalchemy.sql.elements import TextClause
    from sqlalchemy.sql.visitors import InternalTraversal

    traversal = [*TextClause._traverse_internals, ("server", InternalTraversal.dp_clauseelement)]

    class SearchClause(TextClause):
        inherit_cache = True
        _traverse_internals = traversal

        def __init__(self, sql: str, server: TextClause) -> None:
            super().__init__(sql)
            self.server = server

    @compiles(SearchClause, "postgresql")
    def _on_server(element: SearchClause, compiler: SQLCompiler, **kw: Any) -> str:
        return compiler.process(element.server, **kw)

    return SearchClause


def _tsquery(phrases: Sequence[Phrase]) -> str:
    """A term's alternatives as a tsquery: any one of the phrases (``tsearch.phrase``)."""
    parts = [tsearch.phrase(p.columns, p.words, p.prefix) for p in phrases]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def term_tsquery(term: Term) -> str:
    """A term over the server's event index, as FTS5's :meth:`Term.event_fts` is over SQLite's."""
    phrases = term.phrases(term.event_columns())
    return _tsquery(phrases) if phrases is not None else _NO_TEXT_TSQUERY


def entity_tsquery(term: Term) -> str:
    """A term over the server's entity index (aliases), as :meth:`Term.entity_fts` is over SQLite's."""
    phrases = term.phrases(ENTITY_COLUMNS_BY_FORM)
    return _tsquery(phrases) if phrases is not None else tsearch.NOTHING


class _SqlPiece(str):
    """A piece of a MATCH expression that is SQL (a parameter, a name lookup), not FTS5 text."""

    __slots__ = ()


# How the operators between terms are written: FTS5's words, or a tsquery's signs. A NOT always follows
# the positive part and comes before a parenthesised group (see build in _pieces).
_FTS5_OPERATORS = {"AND": " AND ", "OR": " OR ", "NOT": " NOT "}
_TSQUERY_OPERATORS = {"AND": " & ", "OR": " | ", "NOT": " & !"}


def _pieces(query: Query, server: bool) -> tuple[list[str], dict[str, Any], bool]:
    """The search's expression as pieces of text (FTS5's or a tsquery's) and SQL (:class:`_SqlPiece`),
    with the parameters the SQL pieces name, and whether the search only excludes (``negated``)."""
    params: dict[str, Any] = {}
    pieces: list[str] = []  # SQL operands; query text as literals or parameters (see _concat)
    operators = _TSQUERY_OPERATORS if server else _FTS5_OPERATORS
    terms = 0

    def emit(query_text: str) -> None:
        pieces.append(query_text)

    def emit_sql(sql: str) -> None:
        pieces.append(_SqlPiece(sql))

    def term(t: Term) -> None:
        if server:
            nonlocal terms
            terms += 1
            emit("(" + term_tsquery(t))  # the words are text: bound as parameters by _concat_server
            if t.uses_names:
                params[f"tsn{terms}"] = entity_tsquery(t)
                emit_sql(_SERVER_NAMES_SQL.format(p=f"tsn{terms}"))
            emit(")")
            return
        name = f"t{len(params)}"
        params[name] = t.event_fts() or _NO_TEXT_FTS  # a field of names only: no text of its own
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
                emit(operators[op])
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
        emit(operators["NOT"])
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
    return pieces, params, negated


def compile_match(query: Query) -> CompiledQuery:
    """The FTS5 MATCH expression of a search over the event index, as an SQL expression.

    AND / OR / NOT become FTS5's own operators, so the event index answers the whole search in one scan.
    A search that only excludes (``-Moscow``) is returned ``negated``: the events it matches are left out.

    The expression is the FTS5 query text concatenated from its pieces (bound terms, name lookups, the
    operators and parentheses as string literals). The FTS5 parentheses are inside those literals, so
    the SQL's own nesting does not follow the search's: the pieces are joined as a balanced tree of
    ``||``, a few levels deep however the search nests (nested SQL overflowed SQLite's parser stack at
    ~25 levels, and a flat chain of ``||`` is as deep as it is long against SQLITE_MAX_EXPR_DEPTH).

    Its ``server`` is the search's tsquery (``CAST(… AS tsquery)``), made the same way: the tsquery text
    between name lookups is bound as parameters, so a search without any is one ``CAST(:tsq0 AS tsquery)``.
    """
    pieces, params, negated = _pieces(query, server=False)
    server_pieces, server_params, _ = _pieces(query, server=True)
    tsquery = f"CAST({_concat_server(server_pieces, server_params)} AS tsquery)"
    return CompiledQuery(_concat(pieces), params, negated, CompiledQuery(tsquery, server_params, negated))


def _tree(operands: Sequence[str]) -> str:
    """The operands joined by ``||`` as a balanced tree: about log2(operands) deep."""

    def tree(lo: int, hi: int) -> str:
        if hi - lo == 1:
            return operands[lo]
        mid = (lo + hi) // 2
        return f"({tree(lo, mid)} || {tree(mid, hi)})"

    return tree(0, len(operands))


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
    return _tree(operands)


def _concat_server(pieces: Sequence[str], params: dict[str, Any]) -> str:
    """As :func:`_concat`, the tsquery text between SQL pieces bound as parameters ``tsq0``, ``tsq1``…

    The text holds the reader's words (as quoted lexemes): bound, they stay out of the SQL, which is then
    the same for every search of one shape (one statement for SQLAlchemy's cache).
    """
    operands: list[str] = []
    texts: list[str] = [""]
    for piece in pieces:
        if isinstance(piece, _SqlPiece):
            operands.append(piece)
            texts.append("")
        else:
            if not texts[-1]:
                operands.append(f":tsq{len(texts) - 1}")
            texts[-1] += piece
    params.update({f"tsq{i}": t for i, t in enumerate(texts) if t})
    return _tree(operands)


# A server's search over the event index together with the searcher's own notes (``note_index``, migration
# 0014), which a file's index holds in the event's row (its ``mine`` column). An event the searcher has
# notes on is matched against its row and their notes as one tsvector (``||``), so that AND, NOT and a
# ``mine:`` filter read both as a file does; every other event against its row alone. The events with
# notes are an array computed once (an InitPlan; empty for most people), so the statements keep the shape
# they had before notes were searched, and with it their plans:
#
# - the set of events (and their scores) is two branches, UNION ALL: the GIN index's matches less the
#   noted events, and the noted events whose row and notes match. An OR of the two in one WHERE made the
#   server recheck every match's tsvector (2.3 s for a common word at 100,000 events, from 0.1 s);
# - a page in date order keeps ``doc @@`` whole in its condition (:func:`_server_row_matches`), so the
#   server still chooses between walking the index in date order and reading the GIN index.
#
# The rowid is ``search.event_rowid`` in SQL (an event's date above its id).
_ROWID_OF_EVENT = (
    f"((CAST(coalesce(nullif(replace(e.sort_date, '-', ''), ''), '0') AS bigint) << {ROWID_SHIFT}) | e.id)"
)
_OWN_NOTES = "note_index AS n JOIN events AS e ON e.key = n.event_key WHERE n.author = current_user"
_NOTED_ROWIDS = f"ARRAY(SELECT {_ROWID_OF_EVENT} FROM {_OWN_NOTES})"
_NOTED_ROWS = (
    "note_index AS n JOIN events AS e ON e.key = n.event_key "
    f"JOIN event_index AS m ON m.rowid = {_ROWID_OF_EVENT} WHERE n.author = current_user"
)


def _server_matches(tsquery: str, score: Callable[[str], str] | None = None) -> str:
    """SELECT event_id (and ``score``, made of a row's tsvector) of the events the search matches."""
    extra = "" if score is None else f", {score('doc')} AS score"
    noted = "" if score is None else f", {score('(m.doc || n.doc)')}"
    return (
        f"SELECT rowid & {ROWID_MASK} AS event_id{extra} FROM event_index "
        f"WHERE doc @@ {tsquery} AND NOT rowid = ANY({_NOTED_ROWIDS}) "
        f"UNION ALL SELECT m.rowid & {ROWID_MASK}{noted} FROM {_NOTED_ROWS} AND (m.doc || n.doc) @@ {tsquery}"
    )


def _server_row_matches(tsquery: str) -> str:
    """The condition on a row of ``event_index`` that the search matches it (its own notes included).

    Matched by its row or by its row with notes, and not a noted row the search does not match: written
    so that its first part is what the GIN index answers (``doc @@``, or a key in an array), leaving the
    server free to walk the index in date order or to read it by GIN, whichever it expects is cheaper.
    """

    def noted(test: str) -> str:
        return f"ARRAY(SELECT m.rowid FROM {_NOTED_ROWS} AND {test}(m.doc || n.doc) @@ {tsquery})"

    return (
        f"(event_index.doc @@ {tsquery} OR event_index.rowid = ANY({noted('')})) "
        f"AND NOT event_index.rowid = ANY({noted('NOT ')})"
    )


def compile_events(query: Query) -> CompiledQuery:
    """SELECT event_id of the events a search matches (or, ``negated``, of those it leaves out)."""
    match = compile_match(query)
    assert match.server is not None
    sql = f"SELECT rowid & {ROWID_MASK} AS event_id FROM event_index WHERE event_index MATCH {match.sql}"
    server = _server_matches(match.server.sql)
    return CompiledQuery(
        sql, match.params, match.negated, CompiledQuery(server, match.server.params, match.negated)
    )


def compile_condition(query: Query) -> CompiledQuery:
    """The search as a condition on the event index's rows, for a statement that reads the index itself
    (a page in date order walks it by rowid): ``event_index MATCH …``, or on a server ``event_index.doc
    @@ …`` with the searcher's notes (:func:`_server_row_matches`)."""
    match = compile_match(query)
    assert match.server is not None
    server = CompiledQuery(_server_row_matches(match.server.sql), match.server.params, match.negated)
    return CompiledQuery(f"event_index MATCH {match.sql}", match.params, match.negated, server)


def compile_entities(term: Term) -> CompiledQuery | None:
    """SELECT rowid of the entities a term names, up to one past :data:`MAX_NAME_MATCHES` (more is none:
    see :func:`compile_match`); None for a term kept to fields other than names."""
    if not term.uses_names:
        return None
    expression = term.entity_fts()
    if expression is None:
        return None
    limit = MAX_NAME_MATCHES + 1
    server = CompiledQuery(
        "SELECT rowid FROM entity_index WHERE doc @@ CAST(:tsq AS tsquery) LIMIT :tsn",
        {"tsq": entity_tsquery(term), "tsn": limit},
    )
    return CompiledQuery(
        "SELECT rowid FROM entity_index WHERE entity_index MATCH :q LIMIT :n",
        {"q": expression, "n": limit},
        server=server,
    )


# bm25 weights: the word as written counts most, its stem less, a transliteration least; titles double.
_FORM_WEIGHTS = {"w": 1.0, "s": 0.6, "t": 0.3}
RANK_WEIGHTS = (*((2.0 if f == "title" else 1.0) * _FORM_WEIGHTS[x] for f in TEXT_FIELDS for x in FORMS), 1.0)

# A server ranks with ts_rank, which knows four weight classes where bm25 has a weight per column: each
# column takes the class nearest its weight (by ratio), and the classes weigh what their columns do —
# the title's words most, then words and a title's stems, then stems and a title's keys, keys least.
_CLASS_WEIGHTS = {"A": 2.0, "B": 1.0, "C": 0.6, "D": 0.3}


def _weight_class(weight: float) -> str:
    return min(_CLASS_WEIGHTS, key=lambda c: abs(math.log(weight / _CLASS_WEIGHTS[c])))


SERVER_WEIGHTS = {column: _weight_class(w) for column, w in zip(EVENT_COLUMNS, RANK_WEIGHTS, strict=True)}
_TS_RANK_WEIGHTS = "{" + ",".join(f"{_CLASS_WEIGHTS[c] / 2.0:g}" for c in tsearch.WEIGHT_CLASSES) + "}"


def compile_scores(query: Query) -> CompiledQuery:
    """SELECT event_id, score: the event's bm25 for the search (lower is better).

    On a server the score is ``-ts_rank`` with the column weights of :data:`SERVER_WEIGHTS` and the rank
    divided by the log of the row's length (normalisation 1, as bm25 favours shorter texts): lower is
    better there too, and the events are exactly SQLite's, but their order is only close to bm25's —
    ts_rank counts the matches of each word with no regard to how rare the word is in the archive.
    Ties are broken by the list as on SQLite (the event's id after the score).
    """
    match = compile_match(query)
    assert match.server is not None
    w = ", ".join(str(x) for x in RANK_WEIGHTS)
    sql = (
        f"SELECT rowid & {ROWID_MASK} AS event_id, bm25(event_index, {w}) AS score "
        f"FROM event_index WHERE event_index MATCH {match.sql}"
    )
    tsquery = match.server.sql
    server = _server_matches(
        tsquery,
        score=lambda doc: (
            f"-CAST(ts_rank(CAST('{_TS_RANK_WEIGHTS}' AS real[]), {doc}, {tsquery}, 1) AS double precision)"
        ),
    )
    return CompiledQuery(
        sql, match.params, match.negated, CompiledQuery(server, match.server.params, match.negated)
    )

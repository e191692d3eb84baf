"""The query language: a reader's search parsed into a tree of terms, within limits, or a plain error.

A term also says what it matches, as alternatives of phrases over the index's columns (:class:`Phrase`),
and renders itself as FTS5 text from them; ``sql`` spells the same alternatives as a server's tsquery, and
the highlights (``highlight``) follow the same rules in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.search.fields import ENTITY_COLUMNS, FORMS, TEXT_FIELDS
from desktop.search.words import _CYRILLIC, _HAN, Token, tokens


class QueryError(ValueError):
    """A search query that cannot be run; the message says why in plain words.

    The message is one short line a reader can act on: it is shown as it is in the window's status bar
    and on the command line's stderr, so it never holds SQL, a traceback or an exception's repr.
    """


# Limits on a search, so that no query can exhaust Python's recursion, SQLite's parser stack or FTS5's
# (which overflow at ~30 levels of nested parentheses), or make one statement of thousands of terms. Each
# is far beyond what a reader types: a real search has a handful of words and two or three levels of
# parentheses. The largest search within all of them runs (tests/test_query_limits.py checks it).
MAX_QUERY_CHARS = 1000  # the whole search, as typed
MAX_QUERY_DEPTH = 16  # nesting of parentheses, NOT / -word and field: prefixes, counted together
MAX_QUERY_TERMS = 64  # words, prefixes and phrases (a phrase or a run of Chinese characters is one)
MIN_PREFIX_CHARS = 2  # letters before a trailing * (a one-letter prefix matches most of the vocabulary)
# How much of a reader's own text a message quotes back: enough to find it, never a wall of text.
_QUOTE_CHARS = 30


# Field names a reader can put before a word, and the fields of the index each covers.
FIELDS: dict[str, tuple[str, ...]] = {
    "original": ("original",),
    "text": ("original",),
    "translation": ("translation",),
    "notes": ("notes", "mine"),
    "mine": ("mine",),
    "title": ("title",),
    "summary": ("title",),
    "names": ("names",),
    "name": ("names",),
}


@dataclass(frozen=True)
class Term:
    """A word, a prefix (``acad*``) or a phrase (``"light industry"``), optionally limited to a field."""

    toks: tuple[Token, ...]
    prefix: bool = False
    phrase: bool = False
    fields: tuple[str, ...] | None = None

    @property
    def uses_names(self) -> bool:
        return self.fields is None or "names" in self.fields

    def text_fields(self) -> tuple[str, ...]:
        return tuple(f for f in (self.fields or TEXT_FIELDS) if f != "names")

    def phrases(self, columns: tuple[Sequence[str], Sequence[str], Sequence[str]]) -> list[Phrase] | None:
        """This term's alternatives over (word columns, stem columns, transliteration columns): any one of
        them found is the term found. None when there are no columns to look in (a field of names only).

        The one statement of what a term matches, which each index spells its own way: FTS5 as
        :meth:`fts`, PostgreSQL as ``desktop.search.sql``'s tsquery.
        """
        w_cols, s_cols, t_cols = (tuple(c) for c in columns)
        if not w_cols:
            return None
        words = tuple(t.word for t in self.toks)
        stems = tuple(t.stem for t in self.toks)
        if self.prefix:
            out = [Phrase(w_cols, words, True)]
            key = self.toks[-1].translit if len(self.toks) == 1 else None
            if key and len(key) >= 5:
                out.append(Phrase(t_cols, (_other_script(key),), True))
            return out
        out = [Phrase(w_cols, words), Phrase(s_cols, stems, _stem_prefix(self))]
        if len(self.toks) == 1 and self.toks[0].translit:
            # Keys are of stems, so Minsk finds Минске; see _translit_forms for names cut differently.
            key, prefix = _translit_forms(self.toks[0].translit)
            out.append(Phrase(t_cols, (key,), prefix))
        return out

    def fts(self, columns: tuple[Sequence[str], Sequence[str], Sequence[str]]) -> str | None:
        """This term as an FTS5 expression over (word columns, stem columns, transliteration columns)."""
        phrases = self.phrases(columns)
        if phrases is None:
            return None
        return "(" + " OR ".join(p.fts() for p in phrases) + ")"

    def event_columns(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The event index's columns this term looks in: its fields' words, stems and keys."""
        fields = self.text_fields()
        w, s, t = (tuple(f"{f}_{x}" for f in fields) for x in FORMS)
        return w, s, t

    def event_fts(self) -> str | None:
        return self.fts(self.event_columns())

    def entity_fts(self) -> str | None:
        return self.fts(ENTITY_COLUMNS_BY_FORM)


# The entity index's columns by form, as Term.phrases takes them: one column of each.
ENTITY_COLUMNS_BY_FORM = ((ENTITY_COLUMNS[0],), (ENTITY_COLUMNS[1],), (ENTITY_COLUMNS[2],))


@dataclass(frozen=True)
class Phrase:
    """One alternative of a term: these tokens one after the other in any one of these columns, the last
    a prefix if ``prefix`` (one token is a phrase of one)."""

    columns: tuple[str, ...]
    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """As FTS5 writes it: ``{a b} : "x y"``, with `` *`` after a prefix."""
        return f'{{{" ".join(self.columns)}}} : "{" ".join(self.words)}"' + (" *" if self.prefix else "")


def _translit_forms(key: str) -> tuple[str, bool]:
    """How a query word's key is looked up among the other script's keys: (key, as a prefix?).

    Two stemmers cut a name differently (Lukashenko / Лукашенк), so a long key drops its last two
    letters and matches as a prefix; a short one must match exactly (or ``min`` would find everything).
    """
    key = _other_script(key)
    return (key[:-2], True) if len(key) >= 7 else (key, False)


def _stem_prefix(term: Term) -> bool:
    """Russian surnames and nouns in -ов/-ев lose that ending only in some cases (Snowball stems
    ``Коржаков`` to ``коржак`` but ``Коржаковым`` to ``коржаков``), so a long Cyrillic stem is a prefix."""
    return (
        len(term.toks) == 1
        and not term.prefix
        and len(term.toks[0].stem) >= 5
        and bool(_CYRILLIC.match(term.toks[0].stem))
    )


def _other_script(key: str) -> str:
    """The key as it is stored for words of the *other* script: Latin queries look for Cyrillic words."""
    return ("c" if key[0] == "l" else "l") + key[1:]


@dataclass(frozen=True)
class Node:
    """A boolean combination of terms: ``op`` is "and", "or" or "not" (one child)."""

    op: str
    children: tuple[Any, ...] = field(default_factory=tuple)


Expr = Term | Node


@dataclass(frozen=True)
class Query:
    """A parsed search: its tree, and the terms that should be highlighted (the positive ones)."""

    text: str
    root: Expr

    @property
    def positive_terms(self) -> list[Term]:
        out: list[Term] = []

        def walk(e: Expr, negated: bool) -> None:
            if isinstance(e, Term):
                if not negated:
                    out.append(e)
                return
            for c in e.children:
                walk(c, negated ^ (e.op == "not"))

        walk(self.root, False)
        return out


# A minus directly before a group, a phrase or a field (``-(a b)``, ``-"a b"``, ``-title:a``) is a lexeme of
# its own: left in a word, it was read as a word of no letters (the group then found, not left out) or as
# the phrase "title a". Before a plain word (``-Minsk``) it stays the word's, as a hyphen inside one does.
_LEX = re.compile(
    r'\s*(?:(?P<lparen>\()|(?P<rparen>\))|(?P<minus>-)(?=[("]|[A-Za-z]+:)|(?P<field>[A-Za-z]+):|'
    r'(?P<quote>"[^"]*"?)|(?P<word>[^\s()\"]+))'
)


def _quoted(value: str) -> str:
    """A piece of the reader's search for a message: repr (no raw control characters), cut short."""
    return repr(value if len(value) <= _QUOTE_CHARS else value[: _QUOTE_CHARS - 1] + "…")


def _lex(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _LEX.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
    return out


class _Parser:
    """Recursive descent: or_expr := and_expr (OR and_expr)*; and_expr := unary+; unary := [NOT|-] atom."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lexemes = _lex(text)
        self.pos = 0
        self.depth = 0  # groups, NOT operands and field operands open around the current lexeme
        self.terms = 0

    def _enter(self) -> None:
        """One level deeper (a '(', NOT or field:): refused past the limit, before Python recurses."""
        self.depth += 1
        if self.depth > MAX_QUERY_DEPTH:
            raise QueryError(
                f"the search is too deeply nested: at most {MAX_QUERY_DEPTH} levels of (), NOT and fields"
            )

    def _term(self, term: Term) -> Term:
        """Count a term: each becomes its own part of the SQL statement (with a lookup of its names)."""
        self.terms += 1
        if self.terms > MAX_QUERY_TERMS:
            raise QueryError(f"the search has too many words: at most {MAX_QUERY_TERMS} words and phrases")
        return term

    def peek(self) -> tuple[str, str] | None:
        return self.lexemes[self.pos] if self.pos < len(self.lexemes) else None

    def take(self) -> tuple[str, str]:
        lex = self.lexemes[self.pos]
        self.pos += 1
        return lex

    def parse(self) -> Expr:
        if not self.lexemes:
            raise QueryError("nothing to search for: type a word")
        expr = self.or_expr()
        if self.peek() is not None:
            raise QueryError(f"unexpected {_quoted(self.peek()[1])} in the search: a ')' without its '('?")  # type: ignore[index]
        return expr

    def _is_or(self, lex: tuple[str, str] | None) -> bool:
        return lex is not None and lex[0] == "word" and lex[1] in ("OR", "|")

    def or_expr(self) -> Expr:
        parts = [self.and_expr()]
        while self._is_or(self.peek()):
            self.take()
            if self.peek() is None or self.peek()[0] == "rparen" or self._is_or(self.peek()):  # type: ignore[index]
                raise QueryError("OR needs a word on each side, as in: Minsk OR Vitebsk")
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Node("or", tuple(parts))

    def and_expr(self) -> Expr:
        parts: list[Expr] = []
        while True:
            lex = self.peek()
            if lex is None or lex[0] == "rparen" or self._is_or(lex):
                break
            if lex[0] == "word" and lex[1] == "AND":
                self.take()
                continue
            part = self.unary()
            if part is not None:
                parts.append(part)
        if not parts:
            after = self.peek()
            if after is None:
                raise QueryError("nothing to search for: type a word (letters or digits)")
            raise QueryError(f"a word is missing in the search before {_quoted(after[1])}")
        return parts[0] if len(parts) == 1 else Node("and", tuple(parts))

    def unary(self) -> Expr | None:
        lex = self.peek()
        assert lex is not None
        if lex[0] == "minus" or (
            lex[0] == "word" and (lex[1] == "NOT" or (lex[1].startswith("-") and len(lex[1]) > 1))
        ):
            self.take()
            if lex[0] == "minus":
                pass  # the group, phrase or field after it is the next lexeme already
            elif lex[1] == "NOT":
                if self.peek() is None or self.peek()[0] == "rparen":  # type: ignore[index]
                    raise QueryError("NOT needs a word after it, as in: Minsk NOT forum")
            else:
                self.lexemes.insert(self.pos, ("word", lex[1][1:]))
            self._enter()
            negated = self.atom(None)
            self.depth -= 1
            if negated is None:
                raise QueryError(f"{_quoted(lex[1])}: nothing to leave out after it")
            return Node("not", (negated,))
        return self.atom(None)

    def atom(self, fields: tuple[str, ...] | None) -> Expr | None:
        """A word, phrase, field or group; None for a word with no letters or digits (``-``, ``&``)."""
        if self.peek() is None:
            raise QueryError("the search ends too early: a word is missing")
        kind, value = self.take()
        if kind == "field":
            name = value.lower()
            if name not in FIELDS:
                raise QueryError(
                    f"no field {_quoted(value)} in the search: use one of {', '.join(sorted(set(FIELDS)))}"
                )
            self._enter()
            inner = self.atom(FIELDS[name]) if self.peek() is not None else None
            self.depth -= 1
            if inner is None:
                shown = value[:_QUOTE_CHARS]  # letters only (see _LEX): safe to show as it is
                raise QueryError(f"{shown}: needs a word after it, as in {shown}:Minsk")
            return inner
        if kind == "lparen":
            self._enter()
            inner = self.or_expr()
            if self.peek() is None or self.peek()[0] != "rparen":  # type: ignore[index]
                raise QueryError("a '(' is not closed in the search: add ')'")
            self.take()
            self.depth -= 1
            return _limit(inner, fields) if fields else inner
        if kind == "rparen":
            raise QueryError("a ')' has no '(' before it")
        if kind == "quote":
            if len(value) < 2 or not value.endswith('"'):
                raise QueryError('a quotation mark is not closed in the search: add the closing "')
            toks = tuple(tokens(value[1:-1]))
            if not toks:
                raise QueryError(f"nothing to search for inside {_quoted(value)}")
            return self._term(Term(toks, phrase=True, fields=fields))
        prefix = value.endswith("*")
        toks = tuple(tokens(value.rstrip("*")))
        if not toks:
            return None
        if len(toks) == 1 and not prefix and _HAN.fullmatch(toks[0].word) is None:
            return self._term(Term(toks, fields=fields))
        last = toks[-1].word
        if prefix and len(last) < MIN_PREFIX_CHARS and _HAN.fullmatch(last) is None:
            # ``a*`` stands for a good part of the whole vocabulary: 64 of them kept the window's worker
            # busy for minutes on 10,000 events. One Chinese character is a word of its own, so it may.
            raise QueryError(
                f"{_quoted(value)}: a word ending in * needs at least {MIN_PREFIX_CHARS} letters before the *"
            )
        # Several tokens in one word (中白工业园, COVID-19) are a phrase; a prefix applies to the last one.
        return self._term(Term(toks, prefix=prefix, phrase=len(toks) > 1, fields=fields))


def _limit(expr: Expr, fields: tuple[str, ...]) -> Expr:
    if isinstance(expr, Term):
        return Term(expr.toks, expr.prefix, expr.phrase, fields)
    return Node(expr.op, tuple(_limit(c, fields) for c in expr.children))


def parse_query(text: str) -> Query:
    """A reader's search as a tree; :class:`QueryError` with a plain message when it is malformed."""
    if not text or not text.strip():
        raise QueryError("nothing to search for: type a word")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the search is too long: at most {MAX_QUERY_CHARS:,} characters; shorten it")
    return Query(text, _Parser(text).parse())

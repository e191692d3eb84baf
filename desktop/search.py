"""Search in every script of the archive: one normalisation for the index, the query and the highlights.

A text is cut into tokens in Python, not by SQLite, so that the index, a user's query and the marks in the
detail pane all see the same words:

* a token is a run of letters, digits and combining marks, so a Devanagari word stays whole with its vowel
  signs (``भारत`` is not found inside ``भारतीय``);
* every Han character is a token of its own, and a run of them is searched as a phrase, so ``中白`` finds
  ``中白工业园`` (Chinese has no spaces; any sub-word is a sequence of characters);
* tokens are folded: NFKC, case-folded, ``ё`` → ``е``, and accents stripped from Latin letters only
  (``й`` stays ``й``; Devanagari signs are letters of their own);
* each token also has a *stem* (Snowball, Russian for Cyrillic and English for Latin: ``академии`` →
  ``академ``, ``signed`` → ``sign``) and, for whole-Latin and whole-Cyrillic tokens, a transliteration key
  tagged with the token's script, so ``Minsk`` finds ``Минске`` and ``Гусаков`` finds ``Gusakov`` —
  while a word mixing scripts (``Мinsk`` with a Cyrillic ``М``) gets no key and matches only itself.

The index (``event_index``, migration 0004) has one row per event, holding every text of the event —
title and summary, its documents' originals, the archive's renderings, translation notes, the reader's
own notes — each field in its three forms, plus the ids of its entities; its rowid orders it by date. A
small ``entity_index`` holds every alias of every entity. See ``desktop.store.search_index``.

Queries: words (all must appear, each anywhere in the event's texts), ``"phrases"``, ``prefix*``,
``OR`` / ``|``, ``NOT`` / ``-word``, parentheses, and fields — ``original:``, ``translation:``, ``notes:``,
``mine:``, ``title:``, ``names:``. Boolean logic applies to events: ``Minsk seminar`` finds an event whose
document says ``Минске`` and whose title says ``seminar``; a word that names an entity (any alias, any
script) also finds the events of that entity.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

# ------------------------------------------------------------------------------------------ tokens

# Combining marks of the scripts in the archive (and general ones): part of a word, never a break.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0dff"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_TOKEN = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_HAN = re.compile(rf"[{_HAN_CHARS}]")
_HAN_SPLIT = re.compile(rf"[{_HAN_CHARS}]|[^{_HAN_CHARS}]+")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff\u0500-\u052f]+$")
_LATIN = re.compile(r"^[a-z\u00df-\u00ff\u0100-\u024f]+$")


def _is_latin_base(ch: str) -> bool:
    return ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


@functools.lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """A token as the index stores it: NFKC, case-folded, ``ё`` → ``е``, accents off Latin letters."""
    word = unicodedata.normalize("NFKC", word).casefold().replace("ё", "е")
    if word.isascii():
        return word
    out: list[str] = []
    base_latin = False
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch):
            if base_latin:
                continue  # é → e, ü → u; marks on other scripts (й, Devanagari signs) are kept
        else:
            base_latin = _is_latin_base(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# A Snowball stemmer keeps the word it is working on in its own fields: one shared between the GUI thread
# and a worker gave "string index out of range", or another word's stem. Each thread has its own.
_THREAD = threading.local()


def _stemmer(language: str) -> Any:
    stemmers: dict[str, Any] | None = getattr(_THREAD, "stemmers", None)
    if stemmers is None:
        stemmers = _THREAD.stemmers = {}
    stemmer = stemmers.get(language)
    if stemmer is None:
        import snowballstemmer  # a pure-Python Snowball build, 100 kB; loaded on first use

        stemmer = stemmers[language] = snowballstemmer.stemmer(language)
    return stemmer


@functools.lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """The Snowball stem of a folded word: Russian for Cyrillic, English for Latin, else the word."""
    if len(word) < 3:
        return word
    if _CYRILLIC.match(word):
        return str(_stemmer("russian").stemWord(word))
    if _LATIN.match(word):
        return str(_stemmer("english").stemWord(word))
    return word


_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ў": "u", "ґ": "g", "ї": "i",
    "є": "e",
}  # fmt: skip


def _skeleton(latin: str) -> str:
    """Spelling variants of one transliterated name brought together: Gusakov/Gussakov, Yuri/Yuriy."""
    s = latin.replace("kh", "h").replace("ph", "f").replace("w", "v").replace("j", "y")
    s = s.replace("iy", "i").replace("yi", "i").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", s)


@functools.lru_cache(maxsize=200_000)
def translit_key(word: str) -> str | None:
    """A folded word's transliteration key, tagged with its script (``c`` Cyrillic, ``l`` Latin).

    None for words of other scripts, digits, and words that mix scripts (a look-alike letter inside a
    Latin word must not make it match a Cyrillic one).
    """
    if len(word) < 3:
        return None
    if _CYRILLIC.match(word):
        latin = "".join(_CYR_TO_LAT.get(ch, ch) for ch in word)
        return "c" + _skeleton(latin) if latin.isascii() else None
    if _LATIN.match(word):
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        return "l" + _skeleton(plain) if plain else None
    return None


@dataclass(frozen=True)
class Token:
    """One indexed word: where it stands in the original, and its three indexed forms."""

    start: int
    end: int
    word: str
    stem: str
    translit: str | None


@functools.lru_cache(maxsize=500_000)
def _forms(piece: str) -> tuple[str, str, str | None]:
    """A raw token's (folded word, stem, transliteration key): computed once per distinct spelling."""
    word = fold_word(piece)
    stem = stem_word(word)
    return word, stem, translit_key(stem)


def _pieces(raw: str) -> list[tuple[int, str]]:
    """A run of word characters cut into tokens: itself, or with every Han character on its own."""
    if _HAN.search(raw) is None:
        return [(0, raw)]
    return [(p.start(), p.group()) for p in _HAN_SPLIT.finditer(raw)]


def _token_forms(text: str) -> Iterator[tuple[int, int, tuple[str, str, str | None]]]:
    """Every token of ``text`` as (start, end, its (word, stem, key)) — ``tokens`` without the objects."""
    for m in _TOKEN.finditer(text):
        for offset, piece in _pieces(m.group()):
            forms = _forms(piece)
            if forms[0]:
                start = m.start() + offset
                yield start, start + len(piece), forms


def tokens(text: str) -> Iterator[Token]:
    """Every token of ``text`` with its offsets in ``text`` (Han characters one by one)."""
    for start, end, (word, stem, key) in _token_forms(text):
        yield Token(start, end, word, stem, key)


@dataclass(frozen=True)
class IndexRow:
    """The three columns of one full-text row."""

    words: str
    stems: str
    translit: str


def index_fields(text: str) -> IndexRow:
    """The three forms of a text as the index stores them (space-separated tokens)."""
    # The hot path of every build and import: no Token objects, one cached lookup per raw token.
    words: list[str] = []
    stems: list[str] = []
    keys: list[str] = []
    for raw in _TOKEN.findall(text):
        for _offset, piece in _pieces(raw):
            word, stem, key = _forms(piece)
            if word:
                words.append(word)
                stems.append(stem)
                if key:
                    keys.append(key)
    return IndexRow(" ".join(words), " ".join(stems), " ".join(keys))


# The index (migration 0004) has one row per event, its rowid ordered by the event's date, so the first
# page of any search in time order streams straight out of the index. Each field of the event has its
# three forms in three columns; ``names`` holds a token ``e<id>`` per entity the event involves.
TEXT_FIELDS = ("title", "original", "translation", "notes", "mine")
FORMS = ("w", "s", "t")
EVENT_COLUMNS = (*(f"{f}_{x}" for f in TEXT_FIELDS for x in FORMS), "names")
ENTITY_COLUMNS = FORMS
# rowid = date as YYYYMMDD × 2^32 + event id: ordered by (sort date, id) like the list's date order.
ROWID_SHIFT = 32
ROWID_MASK = (1 << ROWID_SHIFT) - 1


def event_rowid(sort_date: str | None, event_id: int) -> int:
    """The index row of an event: its date (YYYYMMDD, 0 when undated) above its id."""
    day = int(sort_date.replace("-", "")) if sort_date else 0
    return (day << ROWID_SHIFT) | event_id


# ------------------------------------------------------------------------------------------ queries


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
# Names of entities: more matches than this and a word is too common to stand for particular entities.
MAX_NAME_MATCHES = 300


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

    def fts(self, columns: tuple[Sequence[str], Sequence[str], Sequence[str]]) -> str | None:
        """This term as an FTS5 expression over (word columns, stem columns, transliteration columns)."""
        w_cols, s_cols, t_cols = (" ".join(c) for c in columns)
        if not w_cols:
            return None
        words = " ".join(t.word for t in self.toks)
        stems = " ".join(t.stem for t in self.toks)
        if self.prefix:
            parts = [f'{{{w_cols}}} : "{words}" *']
            key = self.toks[-1].translit if len(self.toks) == 1 else None
            if key and len(key) >= 5:
                parts.append(f'{{{t_cols}}} : "{_other_script(key)}" *')
            return "(" + " OR ".join(parts) + ")"
        parts = [f'{{{w_cols}}} : "{words}"', f'{{{s_cols}}} : "{stems}"']
        if _stem_prefix(self):
            parts[1] += " *"
        if len(self.toks) == 1 and self.toks[0].translit:
            # Keys are of stems, so Minsk finds Минске; see _translit_forms for names cut differently.
            key, prefix = _translit_forms(self.toks[0].translit)
            parts.append(f'{{{t_cols}}} : "{key}"' + (" *" if prefix else ""))
        return "(" + " OR ".join(parts) + ")"

    def event_fts(self) -> str | None:
        fields = self.text_fields()
        return self.fts(tuple([f"{f}_{x}" for f in fields] for x in FORMS))  # type: ignore[arg-type]

    def entity_fts(self) -> str | None:
        return self.fts(([ENTITY_COLUMNS[0]], [ENTITY_COLUMNS[1]], [ENTITY_COLUMNS[2]]))


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


_LEX = re.compile(
    r'\s*(?:(?P<lparen>\()|(?P<rparen>\))|(?P<field>[A-Za-z]+):|(?P<quote>"[^"]*"?)|'
    r"(?P<word>[^\s()\"]+))"
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
        if lex[0] == "word" and (lex[1] == "NOT" or (lex[1].startswith("-") and len(lex[1]) > 1)):
            self.take()
            if lex[1] == "NOT":
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


# ------------------------------------------------------------------------------------------ SQL

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


# ------------------------------------------------------------------------------------------ highlights


def _term_matches_at(term: Term, toks: Sequence[Token], i: int) -> bool:
    if i + len(term.toks) > len(toks):
        return False
    for k, want in enumerate(term.toks):
        got = toks[i + k]
        last = k == len(term.toks) - 1
        if term.prefix and last:
            if got.word.startswith(want.word):
                continue
            if (
                want.translit
                and got.translit
                and len(want.translit) >= 5
                and got.translit.startswith(_other_script(want.translit))
            ):
                continue
            return False
        if got.word == want.word or got.stem == want.stem:
            continue
        if _stem_prefix(term) and got.stem.startswith(want.stem):
            continue
        if len(term.toks) == 1 and want.translit and got.translit:
            key, prefix = _translit_forms(want.translit)
            if got.translit == key or (prefix and got.translit.startswith(key)):
                continue
        return False
    return True


def match_spans(
    text: str, query: Query | str | None, fields: Iterable[str] | None = None
) -> list[tuple[int, int]]:
    """Every place in ``text`` a positive term of the query matches, by the index's own rules.

    ``fields``: the fields ``text`` belongs to (a term limited to ``notes:`` is not marked in an
    original). Spans are sorted and do not overlap.
    """
    if query is None:
        return []
    if isinstance(query, str):
        try:
            query = parse_query(query)
        except QueryError:
            return []
    field_set = set(fields) if fields is not None else None
    terms = [
        t for t in query.positive_terms if t.fields is None or field_set is None or field_set & set(t.fields)
    ]
    if not terms or not text:
        return []
    # Whether a term matches at a token depends only on the forms of the tokens it spans, and a long text
    # repeats few of them: each distinct run of forms is judged once per term (a 2 MB document took a
    # second, judging every token with a Token object made for it; now a dictionary look-up each). The
    # tokens are kept in three flat lists, not an object or tuple each: hundreds of thousands of live
    # containers would set off a full garbage collection, which holds every thread (the GUI's too).
    starts: list[int] = []
    ends: list[int] = []
    forms: list[tuple[str, str, str | None]] = []
    for start, end, token_forms in _token_forms(text):
        starts.append(start)
        ends.append(end)
        forms.append(token_forms)
    spans: list[tuple[int, int]] = []
    for term in terms:
        width = len(term.toks)
        judged: dict[object, bool] = {}
        for i in range(len(forms) - width + 1):
            run: object = forms[i] if width == 1 else tuple(forms[i : i + width])
            hit = judged.get(run)
            if hit is None:
                window = [Token(0, 0, *f) for f in forms[i : i + width]]
                hit = judged[run] = _term_matches_at(term, window, 0)
            if hit:
                spans.append((starts[i], ends[i + width - 1]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, spans: Sequence[tuple[int, int]], width: int = 90) -> str:
    """A one-line excerpt of ``text`` around its first match, the match in «guillemets»."""
    if not spans:
        return ""
    s, e = spans[0]
    before = max(0, s - width // 3)
    after = min(len(text), e + width - (s - before))
    # Start and end on word boundaries where there is one nearby.
    space = text.find(" ", before, s) if before > 0 else -1
    before = space + 1 if space >= 0 else before
    out = text[before:s] + "«" + text[s:e] + "»" + text[e:after]
    out = re.sub(r"\s+", " ", out).strip()
    return ("…" if before > 0 else "") + out + ("…" if after < len(text) else "")

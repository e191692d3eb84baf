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

The package, by what each module holds (the dependencies run one way, top to bottom):

* ``fields`` — the index's layout: text fields, the columns of their forms, rowids in date order;
* ``words`` — tokens and their three forms (folded word, stem, transliteration key), and a text's index row;
* ``query`` — the query language: :func:`parse_query`, its limits and :class:`QueryError`;
* ``sql`` — a parsed search as the FTS5 MATCH expression and SELECTs the store runs;
* ``highlight`` — the spans of a text a search matches (:func:`match_spans`) and a snippet around them.
"""

from __future__ import annotations

from desktop.search.fields import (
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    FORMS,
    ROWID_MASK,
    ROWID_SHIFT,
    TEXT_FIELDS,
    event_rowid,
)
from desktop.search.highlight import _term_matches_at, match_spans, snippet
from desktop.search.query import (
    FIELDS,
    MAX_QUERY_CHARS,
    MAX_QUERY_DEPTH,
    MAX_QUERY_TERMS,
    MIN_PREFIX_CHARS,
    Expr,
    Node,
    Query,
    QueryError,
    Term,
    parse_query,
)
from desktop.search.sql import (
    MAX_NAME_MATCHES,
    RANK_WEIGHTS,
    CompiledQuery,
    compile_events,
    compile_match,
    compile_scores,
)
from desktop.search.words import IndexRow, Token, fold_word, index_fields, stem_word, tokens, translit_key

__all__ = [
    "ENTITY_COLUMNS",
    "EVENT_COLUMNS",
    "FIELDS",
    "FORMS",
    "MAX_NAME_MATCHES",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_DEPTH",
    "MAX_QUERY_TERMS",
    "MIN_PREFIX_CHARS",
    "RANK_WEIGHTS",
    "ROWID_MASK",
    "ROWID_SHIFT",
    "TEXT_FIELDS",
    "CompiledQuery",
    "Expr",
    "IndexRow",
    "Node",
    "Query",
    "QueryError",
    "Term",
    "Token",
    "_term_matches_at",
    "compile_events",
    "compile_match",
    "compile_scores",
    "event_rowid",
    "fold_word",
    "index_fields",
    "match_spans",
    "parse_query",
    "snippet",
    "stem_word",
    "tokens",
    "translit_key",
]

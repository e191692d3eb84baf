"""Text as the full-text index sees it, and user queries turned into FTS5 syntax.

The same folding runs at index time and at query time. Chinese has no spaces between words, so every Han
character is indexed as its own token and a Chinese query becomes a phrase of characters: ``中白`` finds
``中白工业园``.
"""

from __future__ import annotations

import re

from desktop.aliases import fold

_HAN = re.compile(r"([\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF])")
_TOKEN = re.compile(r"[\w\u0900-\u097F]+")


class QueryError(ValueError):
    """A search query that cannot be run; the message says why in plain words."""


def index_text(text: str) -> str:
    return _HAN.sub(r" \1 ", fold(text))


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must appear; a run of Chinese is a phrase."""
    words = _TOKEN.findall(index_text(text))
    if not words:
        raise QueryError(f"nothing to search for in {text!r}: type a word")
    terms: list[str] = []
    run: list[str] = []
    for word in words:
        if _HAN.fullmatch(word):
            run.append(word)
            continue
        if run:
            terms.append('"' + " ".join(run) + '"')
            run = []
        terms.append(f'"{word}"')
    if run:
        terms.append('"' + " ".join(run) + '"')
    return " AND ".join(terms)

"""Abbreviations of organisations' names, generated the way their own languages make them (issue 17).

"Belarusian State University" is BSU, «Белорусский государственный университет» БГУ, "Chinese Academy of
Sciences" CAS, «Национальная академия наук Беларуси» НАНБ: the first letters of the name's significant
words, in its script, function words (of, and, «и», «па», für…) and parenthesised parts left out. Only names
of three to five significant words get one (shorter ones make words, longer ones are not abbreviated so).
An abbreviation matches text only in capitals (``aliases.is_acronym``): "has" is not the HAS.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS_BY_LANGUAGE = {
    "en": "of the and for in at on to a an by with under",
    "ru": "и в во на по для при с со к у из от о об",
    "be": "і ў у па для пры з са да ад аб",
    "uk": "та й до від при з із про",
    "de": "und für der die das des den dem von vom zu zur zum im am in",
    "legal forms": "co ltd llc jsc ojsc cjsc inc",
}
FUNCTION_WORDS = frozenset(w for words in _FUNCTION_WORDS_BY_LANGUAGE.values() for w in words.split())
_PARENTHESES = re.compile(r"\([^)]*\)|（[^）]*）|«|»|\"|“|”")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MIN_WORDS, _MAX_WORDS = 3, 5


def acronym(name: str) -> str | None:
    """The abbreviation of an organisation's name, or None when it has none of its kind."""
    words = [w for w in _WORD.findall(_PARENTHESES.sub(" ", name)) if w.casefold() not in FUNCTION_WORDS]
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return None
    letters = "".join(w[0] for w in words).upper()
    scripts = {_script(ch) for ch in letters}
    if len(scripts) != 1 or None in scripts:
        return None  # mixed Latin and Cyrillic initials, or a script without capitals (Han, Devanagari)
    return letters


def _script(ch: str) -> str | None:
    if "A" <= ch <= "Z" or "\u00c0" <= ch <= "\u024f":
        return "Latn"
    if "\u0400" <= ch <= "\u04ff":
        return "Cyrl"
    return None

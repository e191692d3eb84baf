"""Words as the index sees them: folding, per-thread Snowball stems and transliteration keys of tokens.

Apart so that the index, a reader's query and the highlights all cut and fold text with this one code.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

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

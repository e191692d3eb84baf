"""A new name that may be an entity the authority has, under a spelling it lacks (issue 17).

"China-Belarus Industrial Park" is the authority's "China–Belarus Industrial Park “Great Stone”"; "Guiying
Wang" its "Wang Guiying". A found name is compared with the names of the authority's entities of its kind,
word by word (folded, without marks or function words): the entity whose name shares the most of its words
— all of the shorter name's, or a near-identical spelling in any order — is proposed as the one it names,
with the score and the name it resembles. An archivist confirms it (issue 18); nothing is linked silently.

The comparison is the token-set and token-sort similarity fuzzy matchers use (rapidfuzz's ``token_set_ratio``
and ``token_sort_ratio``), done with the standard library over the few entities that share a word with the
name: the authority is small, and rapidfuzz would add 12 MB to the installed app.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.ingest.acronyms import FUNCTION_WORDS

_WORD = re.compile(r"[^\W_]+")
_MIN_WORD = 3  # shorter words (of, de, 中) do not make two names alike
THRESHOLD = 0.88
# A park, a campus or a zone is an organisation to one source and a place to another.
_KINDS = {
    "person": {"person"},
    "organisation": {"organisation", "place"},
    "place": {"place", "country", "organisation"},
}


@dataclass(frozen=True, slots=True)
class Resemblance:
    """The authority's entity a found name may be: its key and name, the score, and its name it resembles."""

    key: str
    name: str
    score: float
    like: str


def words(name: str) -> tuple[str, ...]:
    """A name's significant words, folded and without marks (Qīngdǎo → qingdao); a run of Chinese characters
    gives its pairs of characters (明斯克汽车厂 → 明斯, 斯克, 克汽…), Chinese having no spaces."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(ch)
    )
    out: list[str] = []
    for w in _WORD.findall(plain):
        if _cjk(w):
            out += [w[i : i + 2] for i in range(max(1, len(w) - 1))]
        elif w not in FUNCTION_WORDS and len(w) >= _MIN_WORD:
            out.append(w)
    return tuple(out)


def _cjk(word: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in word)


class NameResolver:
    """The authority's names by their words, for finding the entity a new name may be."""

    def __init__(self, names: Iterable[tuple[str, str, str, str]]) -> None:
        """``names``: (entity key, entity type, entity name, one of its names)."""
        self._names: list[tuple[str, str, str, str, tuple[str, ...]]] = []
        self._by_word: dict[str, list[int]] = {}
        for key, kind, entity_name, text in names:
            ws = words(text)
            if not ws:
                continue
            self._by_word_add(len(self._names), ws)
            self._names.append((key, kind, entity_name, text, ws))

    def _by_word_add(self, index: int, ws: tuple[str, ...]) -> None:
        for w in set(ws):
            self._by_word.setdefault(w, []).append(index)

    def resemble(self, name: str, kind: str) -> Resemblance | None:
        """The entity of this kind a found name most resembles, when the resemblance is close enough."""
        ws = words(name)
        kinds = _KINDS.get(kind, {kind})
        candidates = {i for w in ws for i in self._by_word.get(w, ())}
        best: Resemblance | None = None
        for i in candidates:
            key, entity_kind, entity_name, text, theirs = self._names[i]
            if entity_kind not in kinds:
                continue
            score = similarity(ws, theirs)
            if score >= THRESHOLD and (best is None or score > best.score):
                best = Resemblance(key, entity_name, score, text)
        return best


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """0–1: 1 when the shorter name's words (two at least) are all the longer's; else how alike the two
    names are with their words in order (token-sort similarity)."""
    small, large = (set(a), set(b)) if len(set(a)) <= len(set(b)) else (set(b), set(a))
    if len(small) >= 2 and small <= large:
        return 0.95
    return SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio()

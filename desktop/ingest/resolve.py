"""A new name that may be an entity the authority has, under a spelling it lacks (issue 17).

"China-Belarus Industrial Park" is the authority's "China–Belarus Industrial Park “Great Stone”"; "Guiying
Wang" its "Wang Guiying". A found name is compared with the names of the authority's entities of its kind,
word by word (folded, without marks or function words): the entity whose name shares the most of its words
— all of the found name's words in the entity's name, or a near-identical spelling in any order — is
proposed as the one it names, with the score and the name it resembles. An archivist confirms it (issue
18); nothing is linked silently.

The comparison is the token-set and token-sort similarity fuzzy matchers use (rapidfuzz's ``token_set_ratio``
and ``token_sort_ratio``), done with the standard library over the few entities that share a word with the
name: the authority is small, and rapidfuzz would add 12 MB to the installed app.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.ingest.acronyms import FUNCTION_WORDS
from desktop.ingest.glossary import Glossary, english_concepts, specific

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
    evidence: str = ""  # why, when not the likeness of the two spellings

    @property
    def why(self) -> str:
        return self.evidence or f"like its name “{self.like}”"


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
        # A translated name is read into concepts (glossary) and compared with the entities' English names:
        # the places' one-word and Chinese names are words the glossary then knows.
        places: dict[str, tuple[str, ...]] = {}
        clashes: set[str] = set()
        self._by_concepts: dict[frozenset[str], dict[str, tuple[str, str]]] = {}
        self._place_concepts: dict[str, frozenset[str]] = {}
        self._place_names: dict[str, str] = {}
        meanings: dict[str, tuple[str, ...]] = {}  # an entity's name read once, not once per alias
        for key, kind, entity_name, text, _ws in self._names:
            meaning = meanings.get(entity_name)
            if meaning is None:
                meaning = meanings[entity_name] = tuple(sorted(english_concepts(entity_name)))
            if kind in ("place", "country"):
                self._place_concepts[key] = frozenset(meaning)
                self._place_names[key] = entity_name
                if " " not in text.strip() and places.setdefault(text.strip(), meaning) != meaning:
                    clashes.add(text.strip())
            self._by_concepts.setdefault(frozenset(meaning), {})[key] = (kind, entity_name)
        self._glossary = Glossary({k: v for k, v in places.items() if k not in clashes})

    def _by_word_add(self, index: int, ws: tuple[str, ...]) -> None:
        for w in set(ws):
            self._by_word.setdefault(w, []).append(index)

    def resemble(self, name: str, kind: str, near: Iterable[str] = ()) -> Resemblance | None:
        """The entity of this kind a found name most resembles, when the resemblance is close enough.
        ``near``: the keys of the entities the page names, which may say where a translated name that
        names no place belongs (省科技厅 on a page naming Shandong)."""
        kinds = _KINDS.get(kind, {kind})
        return self._spelled_like(name, kind) or self._translated(name, kinds, near)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one resolver per import: names recur from page to page)
    def _spelled_like(self, name: str, kind: str) -> Resemblance | None:
        """The entity of this kind whose name a found name's spelling resembles most, closely enough."""
        ws = words(name)
        kinds = _KINDS.get(kind, {kind})
        candidates = {i for w in ws for i in self._by_word.get(w, ())}
        best: Resemblance | None = None
        for i in candidates:
            key, entity_kind, entity_name, text, theirs = self._names[i]
            if entity_kind not in kinds:
                continue
            score = similarity(ws, theirs)
            # Equal scores go to the first key: the same answer whatever order the authority was loaded in.
            if score >= THRESHOLD and (best is None or (-score, key) < (-best.score, best.key)):
                best = Resemblance(key, entity_name, score, text)
        return best

    def _translated(self, name: str, kinds: set[str], near: Iterable[str]) -> Resemblance | None:
        """The one entity whose English name means what every word of this name means (白俄罗斯国家科学院 →
        National Academy of Sciences of Belarus), or the one whose name's meaning holds all of it when it
        says at least three things. A name that says no place (省科技厅: provincial department of science
        and technology) is read with each place the page names, and taken when exactly one fits."""
        meant = self._glossary.concepts(name)
        if meant is None:
            return None
        if specific(meant):
            return self._meaning(meant, kinds, "")
        fits = {
            found.key: found
            for key in near
            if key in self._place_concepts
            and (found := self._meaning(meant | self._place_concepts[key], kinds, self._place_names[key]))
        }
        return next(iter(fits.values())) if len(fits) == 1 else None

    def _meaning(self, meant: frozenset[str], kinds: set[str], place: str) -> Resemblance | None:
        said = ", ".join(sorted(meant))
        where = f" with {place}, which the page names" if place else ""

        def one(found: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
            fitting = [(k, n) for k, (kind, n) in found.items() if kind in kinds]
            return fitting[0] if len(fitting) == 1 else None

        same = one(self._by_concepts.get(meant, {}))
        if same:
            why = f"its words{where} mean {said}, as the name does"
            return Resemblance(same[0], same[1], 0.92, same[1], why)
        if len(meant) >= 3:
            wider: dict[str, tuple[str, str]] = {}
            for concepts, found in self._by_concepts.items():
                if meant < concepts:
                    wider.update(found)
            part = one(wider)
            if part:
                why = f"its words{where} mean {said}, all in the name"
                return Resemblance(part[0], part[1], 0.85, part[1], why)
        return None


def similarity(found: tuple[str, ...], theirs: tuple[str, ...]) -> float:
    """0–1: 1 when the found name's words (two at least) are all the entity name's (a short form of it:
    China-Belarus Industrial Park); else how alike the two names are with their words in order (token-sort
    similarity; 0 when it cannot reach ``THRESHOLD``). A found name holding all of an entity's name and
    more names something else after it: 明斯克汽车厂 (the Minsk Automobile Plant) is not 明斯克 (Minsk)."""
    if len(set(found)) >= 2 and set(found) <= set(theirs):
        return 0.95
    matcher = SequenceMatcher(None, " ".join(sorted(found)), " ".join(sorted(theirs)))
    # The quick upper bounds first: most candidates share a word and little else.
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
        return 0.0
    return matcher.ratio()

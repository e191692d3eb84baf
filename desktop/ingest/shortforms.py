"""Short, ambiguous names linked only when the page supports them (issue 17).

"Great Stone", «Великий камень» and 中白工业园 name the China–Belarus Industrial Park on a page about Belarus,
and a building firm or a boulder elsewhere: archivists mark such names not to be matched in every text
(``match = false``), and a name's quoted part («Великий камень» of «Китайско-Белорусский индустриальный парк
«Великий камень»») is such a short form too. Each is looked for in an uncatalogued page and proposed as a link
only when the page also names (outside its chrome) the entity's country or a place it lies within; the
proposal says which. A name that is only words for a kind of body ("Provincial Government"), a person's
name, a misspelling and a short word or abbreviation are never linked this way: the page cannot tell which
one it means.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.aliases import AliasMatcher, Match, is_acronym
from desktop.ingest.glossary import Glossary
from desktop.textspans import SpanSet

_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"]{3,60})[»”“\"]")
_GENERIC = Glossary({})
_MIN_HAN = 4  # 康采恩 ("concern") is a word, 中白工业园 a name


def quoted_short_forms(name: str) -> list[str]:
    """The quoted parts of a name that are names themselves (Great Stone, Великий камень, Belaruskaya
    Navuka): two or more words, one capitalised at least."""
    return [m.group(1).strip() for m in _QUOTED.finditer(name) if may_name_in_context(m.group(1), "")]


def may_name_in_context(alias: str, kind: str, entity_type: str = "organisation") -> bool:
    """Whether a name may be linked when its page supports it: a phrase with a capitalised word that is not
    only words for a kind of body, or four Chinese characters or more; never a person's, a misspelling or
    an abbreviation."""
    alias = alias.strip()
    if entity_type == "person" or kind == "misspelling" or is_acronym(alias):
        return False
    if alias and all("\u3400" <= ch <= "\u9fff" for ch in alias):
        return len(alias) >= _MIN_HAN
    words = alias.split()
    return len(words) >= 2 and any(w[:1].isupper() for w in words) and _GENERIC.concepts(alias) is None


@dataclass(frozen=True, slots=True)
class ContextLink:
    """A short name found in a page, with the entity named elsewhere on it that supports the link and how
    the two are related ("its country", "where it lies")."""

    match: Match
    support: object
    relation: str


class ShortForms:
    """The names linked only in context, with what supports each entity (its country, what it lies in)."""

    def __init__(
        self,
        names: Iterable[tuple[object, str]],
        support: Mapping[object, Sequence[tuple[object, str]]],
        labels: Mapping[object, tuple[str, str]] | None = None,
    ) -> None:
        """``names``: (entity key, name) — only those ``may_name_in_context`` admits; ``support``: entity key
        → (key, relation) of the entities whose mention on a page supports it; ``labels``: entity key →
        (its stable key, its name) when the keys are row ids."""
        self._matcher = AliasMatcher(names)
        self._support = support
        self._labels = labels or {}

    def label(self, key: object) -> tuple[str, str]:
        """(stable key, name) of an entity."""
        return self._labels.get(key) or (str(key), str(key))

    def __len__(self) -> int:
        return len(self._matcher)

    def find(self, text: str, linked: Collection[object], taken: SpanSet) -> list[ContextLink]:
        """The short names in ``text`` outside ``taken`` (chrome, names already matched) of entities not
        linked yet, each with the first of ``linked`` (the page's other links) that supports it."""
        out: list[ContextLink] = []
        seen: set[object] = set()  # each entity proposed once, at its first supported mention
        for m in self._matcher.find(text):
            if taken.overlaps(m.start, m.end) or m.key in linked or m.key in seen:
                continue
            backing = [(k, how) for k, how in self._support.get(m.key, ()) if k in linked]
            if backing:
                seen.add(m.key)
                out.append(ContextLink(m, *backing[0]))
        return out


def support_of(
    entities: Mapping[object, tuple[object | None, object | None]], keys: Iterable[object]
) -> dict[object, list[tuple[object, str]]]:
    """For each of ``keys``: the places it lies within, nearest first, then its country. ``entities``: key →
    (country key, within key) for every entity."""
    out: dict[object, list[tuple[object, str]]] = {}
    for key in keys:
        country, within = entities.get(key, (None, None))
        chain: list[tuple[object, str]] = []
        while within is not None and all(within != k for k, _ in chain) and within != key:
            chain.append((within, "its country" if within == country else "where it lies"))
            within = entities.get(within, (None, None))[1]
        if country is not None and all(country != k for k, _ in chain):
            chain.append((country, "its country"))
        out[key] = chain
    return out

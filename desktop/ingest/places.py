"""Places named in a text, from a gazetteer of cities in every script the archive reads (GeoNames, in
``resources/gazetteer/places.tsv``; made by ``scripts/make_gazetteer.py``), and the place an article's event
happened: the first place the article names, not its dateline's city nor an address block's.

Russian, Belarusian and Ukrainian names decline (Минск, в Минске, Мінску, Гомеля): a Cyrillic word matches a
name when it is the name with a case ending. Chinese names are matched as the longest name at each position.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from desktop.paths import resources_dir

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[\w\u0900-\u097f'’-]+")
# A capitalised word after a place that does not make it a person's name ("Minsk Region", "Минской области").
_PLACE_NEXT = re.compile(
    r"(?:Region|Oblast|Province|City|Area|District|Oblast|Stadt|Obl|Obl\.|Province)\b", re.IGNORECASE
)
# A two-character Chinese name is also often a common word (合作 is Hezuo, a town): only big cities count.
_SHORT_HAN_POPULATION = 1_000_000
_LATIN_ALIAS_POPULATION = 300_000
# Case endings of the East Slavic languages (longest first), for "в Минске", "з Мінску", "у Гомелі".
_VOWELS = set("аеёиоуыэюяіїєў")
_ENDINGS = ("ом", "ем", "ой", "ей", "ах", "ях", "е", "у", "ю", "а", "я", "і", "и", "ы")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: its English name, country (ISO code) and population."""

    name: str
    country: str
    population: int
    names: tuple[str, ...]
    region: bool = False  # a first-level region (oblast, province), not a city
    code: str = ""  # a region's ISO 3166-2 code


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    text: str


@functools.cache
def _gazetteer() -> tuple[dict[str, Place], int]:
    """Every name (folded) → its most populous place, cities before regions; and the longest Chinese
    name's length."""
    names: dict[str, Place] = {}
    longest = 1
    path = resources_dir() / "gazetteer" / "places.tsv"
    with path.open(encoding="utf-8") as tsv:
        for line in tsv:
            if line.startswith("#"):
                continue
            name, country, population, aliases = line.rstrip("\n").split("\t")
            place = Place(name, country, int(population), tuple(aliases.split("|")))
            for alias in aliases.split("|"):
                key = alias.casefold()
                if key not in names:  # the rows run from the most populous down
                    names[key] = place
                if _HAN.fullmatch(alias):
                    longest = max(longest, len(alias))
    # Regions (oblasts, provinces) after the cities: a name both have ("Brest", "Minsk") is the city's.
    for region in _regions():
        for alias in region.names:
            key = alias.casefold()
            if key not in names:
                names[key] = region
                if _HAN.fullmatch(alias):
                    longest = max(longest, len(alias))
    return names, longest


# The word an English region name takes, from what its standard name in the country's language says it is
# (CLDR's English names are bare: "Brest" for the Brest Region).
_REGION_WORDS = (
    ("вобласць", "Region"),
    ("область", "Region"),
    ("省", "Province"),
    ("自治区", "Autonomous Region"),
)


def _regions() -> list[Place]:
    """First-level regions from ``resources/authority/regions.tsv`` (CLDR, ISO 3166-2: see
    ``scripts/make_place_names.py``), each with its names in every language the data has."""
    rows: dict[str, list[tuple[str, str, str]]] = {}
    path = resources_dir() / "authority" / "regions.tsv"
    with path.open(encoding="utf-8") as tsv:
        for line in tsv:
            if line.startswith("#"):
                continue
            code, lang, name, kind, _source = line.rstrip("\n").split("\t")
            rows.setdefault(code, []).append((lang, name, kind))
    regions = []
    for code, names in rows.items():
        english = next((n for lang, n, kind in names if lang == "en" and kind == "standard"), code)
        standard = " ".join(n for _lang, n, kind in names if kind == "standard").casefold()
        display = english
        if not any(w in english for w in ("Region", "Oblast", "Province", "Krai", "Republic")):
            suffix = next((word for native, word in _REGION_WORDS if native in standard), None)
            display = f"{english} {suffix}" if suffix else english
        forms = tuple(dict.fromkeys([display, *(n for _lang, n, _kind in names)]))
        regions.append(Place(display, code.split("-")[0], 0, forms, region=True, code=code))
    return regions


def _declined(key: str, names: dict[str, Place]) -> Place | None:
    """A declined Cyrillic name: "минске" → Минск, "гомеля" → Гомель, "даляне" → Далянь (the most populous
    of the readings). An ending follows a consonant: "кітая" is not "Кіта" + "я"."""
    readings = []
    for ending in _ENDINGS:
        if not key.endswith(ending):
            continue
        stem = key[: -len(ending)]
        if len(stem) < 3 or stem[-1] in _VOWELS:
            continue
        readings += [p for p in (names.get(stem), names.get(stem + "ь")) if p is not None]
    return max(readings, key=lambda p: p.population) if readings else None


def place_named(name: str) -> Place | None:
    """The gazetteer's place (a city, else a region) one of whose names is ``name``."""
    return _gazetteer()[0].get(name.casefold())


def names_of(name: str) -> tuple[str, ...]:
    """Every name of the gazetteer's place called ``name`` (its English name), or just ``name``."""
    place = place_named(name)
    return place.names if place is not None else (name,)


def _phrase_key(words: list[str]) -> tuple[str, ...]:
    """A name of several words as it is looked up: each word folded and stemmed, so that a declined name
    ("Брестской области", "в Нижнем Новгороде") finds the gazetteer's ("Брестская область")."""
    from desktop.search.words import fold_word, stem_word

    # The Russian stemmer leaves Belarusian and Ukrainian endings (гомельскай, вобласці): the vowels and
    # soft signs it leaves at a Cyrillic word's end are cut as well, on both sides of the lookup.
    return tuple(stem_word(fold_word(w)).rstrip(_CYRILLIC_TAIL) for w in words)


_CYRILLIC_TAIL = "аяеёиіїоуўыэюєйь"


@functools.cache
def _phrases() -> tuple[dict[tuple[str, ...], Place], frozenset[str], int]:
    """Every name of two or more words (Latin, Cyrillic) by its key; the keys' first words (a name is only
    tried at a word that can begin one); and the most words a name has."""
    names, _longest = _gazetteer()
    phrases: dict[tuple[str, ...], Place] = {}
    for key, place in names.items():
        words = _WORD.findall(key)
        if 2 <= len(words) <= _PHRASE_WORDS:
            phrases.setdefault(_phrase_key(words), place)
    return phrases, frozenset(k[0] for k in phrases), max((len(k) for k in phrases), default=1)


_PHRASE_WORDS = 4


def _phrase_mentions(text: str, words: list[re.Match[str]]) -> list[PlaceMention]:
    """Names of several words: tried at each capitalised word, longest first, over words that only spaces or
    hyphens separate."""
    from desktop.search.words import fold_word, stem_word

    phrases, firsts, most = _phrases()
    found: list[PlaceMention] = []
    i = 0
    while i < len(words):
        first = words[i].group()
        if not first[:1].isupper() or stem_word(fold_word(first)).rstrip(_CYRILLIC_TAIL) not in firsts:
            i += 1
            continue
        run = 1
        while run < most and i + run < len(words):
            gap = text[words[i + run - 1].end() : words[i + run].start()]
            if not gap or gap.strip(" -") or len(gap) > 2:
                break
            run += 1
        for size in range(run, 1, -1):
            place = phrases.get(_phrase_key([w.group() for w in words[i : i + size]]))
            if place is not None:
                start, end = words[i].start(), words[i + size - 1].end()
                found.append(PlaceMention(start, end, place, text[start:end]))
                i += size
                break
        else:
            i += 1
    return found


def find_places(text: str) -> list[PlaceMention]:
    names, longest = _gazetteer()
    words = list(_WORD.finditer(text))
    found = _phrase_mentions(text, words)
    taken = {w.start() for m in found for w in words if m.start <= w.start() < m.end}
    for match in words:
        word = match.group()
        if word[:1].islower() or match.start() in taken:  # a place's name is capitalised (most words
            continue  # are not: asked first); a word of a longer name found already is not a place again
        key = word.casefold()
        place = names.get(key)
        if place is None and len(word) >= 5 and _CYRILLIC.search(word):
            place = _declined(key, names)
        if place is None:
            continue
        # A small place's other Latin names are often words of their own (Xinhua, a news agency, is also a
        # county's old name; Wei a surname): only its own name, or a big place's, counts.
        if (
            word.isascii()
            and key != place.name.casefold()
            and place.population < _LATIN_ALIAS_POPULATION
            and not place.region
        ):
            continue
        # "Vladimir Gusakov", "Владимир Гусаков": a first name that is also a town, then a surname.
        after = text[match.end() : match.end() + 2]
        if after[:1] == " " and after[1:2].isupper() and not _PLACE_NEXT.match(text, match.end() + 1):
            continue
        found.append(PlaceMention(match.start(), match.end(), place, word))
    for run in _HAN.finditer(text):
        s, i = run.group(), 0
        while i < len(s):
            for size in range(min(longest, len(s) - i), 1, -1):
                place = names.get(s[i : i + size])
                if place is not None and (size > 2 or place.population >= _SHORT_HAN_POPULATION):
                    start = run.start() + i
                    found.append(PlaceMention(start, start + size, place, s[i : i + size]))
                    i += size
                    break
            else:
                i += 1
    found.sort(key=lambda m: m.start)
    return found

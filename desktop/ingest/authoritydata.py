"""Names the authority's countries and places carry from field data, not typed alias by alias (issue 17).

A country's names in every language come from ``resources/authority/countries.tsv`` (Unicode CLDR,
iso-codes, countryinfo), a region's from ``regions.tsv`` (CLDR, iso-codes, iso3166-2) and a city's from the
GeoNames gazetteer (``resources/gazetteer/places.tsv``): see ``scripts/make_place_names.py`` and
``scripts/make_gazetteer.py``. An authority entry is matched to its dataset record by its English name (or
one of its English aliases) when exactly one record has it; its dataset names become aliases whose
``source`` says where they came from, apart from the archivists' own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.aliases import fold
from desktop.paths import resources_dir

# A name shorter than this (outside CJK) is a code or an abbreviation ("BY", "RB"): never matched in text.
_MIN_LETTERS = 3
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class DatasetName:
    """One name of an entity from a dataset: its text, language (None: not given), kind and source."""

    text: str
    lang: str | None
    kind: str
    source: str


def _rows(name: str) -> dict[str, list[DatasetName]]:
    out: dict[str, list[DatasetName]] = {}
    with (resources_dir() / "authority" / name).open(encoding="utf-8") as tsv:
        for line in tsv:
            if line.startswith("#"):
                continue
            code, lang, text, kind, source = line.rstrip("\n").split("\t")
            out.setdefault(code, []).append(DatasetName(text, None if lang == "und" else lang, kind, source))
    return out


@functools.cache
def _countries() -> tuple[dict[str, list[DatasetName]], dict[str, set[str]]]:
    """Country code → names; folded English name → the codes that have it."""
    names = _rows("countries.tsv")
    english: dict[str, set[str]] = {}
    for code, forms in names.items():
        for form in forms:
            if form.lang == "en":
                english.setdefault(fold(form.text), set()).add(code)
    return names, english


@functools.cache
def _regions() -> dict[str, list[DatasetName]]:
    return _rows("regions.tsv")


def dataset_names(
    entity_type: str, english: Iterable[str], native: Iterable[str] | None = None
) -> list[DatasetName]:
    """The dataset names of an authority entry of this type known by these English names (its canonical
    name first) or, for a place, by its native name: a country's from CLDR and iso-codes, a region's or a
    city's from CLDR and GeoNames."""
    wanted = [n for n in english if n]
    native = [n for n in native or () if n]
    if entity_type == "country":
        names, by_english = _countries()
        codes = {code for n in wanted for code in by_english.get(fold(n), ())}
        return _usable(names[codes.pop()]) if len(codes) == 1 else []
    if entity_type == "place":
        from desktop.ingest.places import place_named

        for n in [*wanted, *(native or [])]:
            place = place_named(n)
            if place is None or (fold(place.name) != fold(n) and n not in (native or [])):
                continue  # a place known by this very English (or native) name, not one of its other names
            if place.region:
                # A region's bare name ("Minsk" for the Minsk Region) is its city's: never the region's alias.
                return _usable([d for d in _regions().get(place.code, []) if not _a_city(d.text)])
            return _usable([DatasetName(t, None, "variant", "geonames") for t in place.names])
    return []


def _a_city(name: str) -> bool:
    from desktop.ingest.places import place_named

    found = place_named(name)
    return found is not None and not found.region


def _usable(names: list[DatasetName]) -> list[DatasetName]:
    """Names that can be looked for in text: not a code or an abbreviation of two letters."""
    return [
        n
        for n in names
        if _CJK.search(n.text)
        or (sum(ch.isalpha() for ch in n.text) >= _MIN_LETTERS and not n.text.isupper())
    ]

"""Where places are, for the map of places (issue 19): the countries' outlines (Natural Earth 1:110m, public
domain) and the gazetteer's cities' coordinates (GeoNames, CC BY 4.0), both in ``resources/map/`` (made by
``scripts/make_map_data.py``). A place of the authority is located by any of its names, the way the first
pass finds a city in a text (the gazetteer's most populous place of that name); a region or a place the
gazetteer lacks has no point (it is not guessed)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable

from desktop.paths import resources_dir

Ring = list[tuple[float, float]]  # (longitude, latitude) points


@functools.cache
def outlines() -> list[tuple[str, list[Ring]]]:
    """Each country's name and its outer rings."""
    data = json.loads((resources_dir() / "map" / "countries-110m.json").read_text(encoding="utf-8"))
    return [
        (c["name"], [[(float(x), float(y)) for x, y in ring] for ring in c["rings"]])
        for c in data["countries"]
    ]


@functools.cache
def _coordinates() -> dict[tuple[str, str], tuple[float, float]]:
    out: dict[tuple[str, str], tuple[float, float]] = {}
    with (resources_dir() / "map" / "places.tsv").open(encoding="utf-8") as tsv:
        for line in tsv:
            if not line.startswith("#"):
                name, country, lat, lon = line.rstrip("\n").split("\t")
                out[(name, country)] = (float(lat), float(lon))
    return out


def locate(names: Iterable[str]) -> tuple[float, float] | None:
    """(latitude, longitude) of the first of ``names`` the gazetteer knows as a city, or None."""
    from desktop.ingest.places import place_named

    coordinates = _coordinates()
    for name in names:
        place = place_named(name)
        if place is not None and not place.region and (place.name, place.country) in coordinates:
            return coordinates[(place.name, place.country)]
    return None

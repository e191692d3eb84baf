"""Make resources/authority/countries.tsv and regions.tsv: names of countries and first-level regions.

A development tool, run when the name lists should change; the app reads only the two TSV files it writes
(offline) and needs none of the packages below. Install them into a throwaway venv, never into the app's:

    python3 -m venv /tmp/namesvenv
    /tmp/namesvenv/bin/pip install babel==2.19.0 pycountry==26.2.16 countryinfo==1.0.1 iso3166-2==1.8.4
    (cd /tmp && npm pack cldr@8.0.0)     # optional: CLDR 48 XML (alt names, subdivision names), 34 MB
    /tmp/namesvenv/bin/python scripts/make_place_names.py --cldr-xml /tmp/cldr-8.0.0.tgz

Without --cldr-xml the files lose the CLDR short/variant country names and all CLDR subdivision names.
(`pip download --no-deps -d /tmp/wheels PACKAGE==VERSION` fetches the same wheels for inspection.)

Sources, each named in the `source` column:
- cldr: Unicode CLDR territory names via Babel (`babel.Locale(lang).territories`); Babel 2.19.0 carries
  CLDR 49. The standard name of a country in a language. Unicode License v3.
- cldr-xml: CLDR 48 XML as shipped inside the npm package `cldr` 8.0.0 (3rdparty/cldr/common): the
  `alt="short"`/`alt="variant"` territory names, which Babel drops, and common/subdivisions/*.xml, the
  CLDR subdivision names (outside English nearly all marked draft="provisional"). Unicode License v3.
- iso-codes: Debian iso-codes via pycountry 26.2.16: the ISO 3166-1 English name, official and common
  names, the ISO 3166-2 subdivision name (a romanized local name, written with lang `und`), and their
  gettext translations (zh_CN is written as `zh`, zh_TW as `zh-Hant`); ISO 3166-3 names of countries
  that were renamed as a whole (HISTORIC below) as `historical`. LGPL-2.1 (iso-codes data).
- countryinfo: countryinfo 1.0.1 (MIT; its README says the data come mostly from Wikipedia): the de, es,
  fr, pl, ru, zh, en `translations` (older common names such as Weißrussland) and `altSpellings`, which
  carry no language and are written with lang `und`.
- iso3166-2: the iso3166-2 package 1.8.4 (MIT; compiled from ISO's OBP and Wikipedia): `localOtherName`
  entries tagged with an ISO 639-3 code that maps to one of LANGS.
- manual: MANUAL below, names in common use that no dataset tags with a language: ru Белоруссия (BY;
  countryinfo lists it among its untagged altSpellings), ru Туркмения (TM), de Moldawien (MD).

Rules: rows are unique by (code, lang, name) ignoring case, the first source in the order above winning;
the first main name of a place in a language is `standard`, other sources' main names become `variant`,
and a variant that is the first word(s) of another name of the place in that language is `short`. A name
not written in its language's script (a romanization tagged `rus`) is skipped, as are ISO's inverted
forms ("Moldova, Republic of"), `und` names that some language already has, and `zh-Hant` names equal
to a `zh` name. A region name from iso-codes translations or iso3166-2 must pass Checker (it must be
spelled like a CLDR or ISO name of the same region: iso-codes' German file calls BY-VI "Brest", its
Chinese file calls IN-SK 泰米尔纳德邦); --dropped lists those that failed. REJECT drops known errors of
countryinfo's translations.
"""

from __future__ import annotations

import argparse
import gettext
import importlib.metadata
import importlib.resources
import json
import re
import sys
import tarfile
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from babel import Locale
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "authority"
LANGS = ("en", "ru", "be", "uk", "zh", "zh-Hant", "de", "hi", "pl", "fr", "es")
BABEL_LOCALE = {"zh": "zh_Hans", "zh-Hant": "zh_Hant"}
GETTEXT_LANG = {"zh": "zh_CN", "zh-Hant": "zh_TW"}
CLDR_FILE = {"zh-Hant": "zh_Hant"}
ISO639_3 = {
    "eng": "en", "rus": "ru", "bel": "be", "ukr": "uk", "zho": "zh", "deu": "de",
    "hin": "hi", "pol": "pl", "fra": "fr", "spa": "es",
}  # fmt: skip
REGION_COUNTRIES = ("BY", "CN", "RU", "UA", "KZ", "DE", "IN", "PL")
KINDS = ("standard", "short", "variant", "historical")
# ISO 3166-3 codes whose country was renamed as a whole (not split, merged or absorbed): the last two
# letters are the successor's ISO 3166-1 code.
HISTORIC = ("AIDJ", "BUMM", "BYAA", "DYBJ", "HVBF", "NHVU", "RHZW", "TPTL", "ZRCD")
MANUAL = (
    ("BY", "ru", "Белоруссия"),
    ("TM", "ru", "Туркмения"),
    ("MD", "de", "Moldawien"),
)
# countryinfo translations that are wrong: French Guiana's name for Guyana, a demonym, misspellings.
REJECT = {
    ("GY", "fr", "Guyane"),
    ("GF", "fr", "Guayane"),
    ("ME", "en", "Montenegrin"),
    ("MD", "de", "Moldawie"),
    ("HU", "es", "Hungria"),
}


SCRIPT = {
    "ru": "CYRILLIC",
    "be": "CYRILLIC",
    "uk": "CYRILLIC",
    "hi": "DEVANAGARI",
    "zh": "CJK",
    "zh-Hant": "CJK",
}
Row = tuple[str, str, str, str, str]


@dataclass
class Names:
    """Candidate rows (code, lang, name, kind, source) in the order of preference; settled() decides."""

    rows: list[Row] = field(default_factory=list)

    def add(self, code: str, lang: str, name: str | None, kind: str, source: str) -> None:
        name = clean(name)
        if name and (lang == "und" or script_of(name) == SCRIPT.get(lang, "LATIN")):
            self.rows.append((code, lang, name, kind, source))

    def settled(self) -> list[Row]:
        """One row per (code, lang, name) ignoring case, the first; the first main name of a (code, lang)
        is `standard`, later ones `variant`; `zh-Hant` names equal to a `zh` name and `und` names equal
        to a name in a language are dropped; a variant that begins another name of its place and
        language is `short`."""
        seen: set[tuple[str, str, str]] = set()
        standard: set[tuple[str, str]] = set()
        kept: list[Row] = []
        for code, lang, name, kind, source in self.rows:
            if (code, lang, name.casefold()) in seen:
                continue
            seen.add((code, lang, name.casefold()))
            if kind == "standard":
                if (code, lang) in standard:
                    kind = "variant"
                standard.add((code, lang))
            kept.append((code, lang, name, kind, source))
        names: dict[tuple[str, str], list[str]] = {}
        known: dict[str, set[str]] = {}
        for code, lang, name, _, _ in kept:
            names.setdefault((code, lang), []).append(name)
            if lang != "und":
                known.setdefault(code, set()).add(name.casefold())
        out = []
        for code, lang, name, kind, source in kept:
            if lang == "zh-Hant" and name in names.get((code, "zh"), ()):
                continue
            if lang == "und" and kind != "standard" and name.casefold() in known.get(code, ()):
                continue
            if kind == "variant" and any(begins(name, other) for other in names[(code, lang)]):
                kind = "short"
            out.append((code, lang, name, kind, source))
        order = {lang: i for i, lang in enumerate((*LANGS, "und"))}
        out.sort(key=lambda r: (r[0], order[r[1]], KINDS.index(r[3]), r[2]))
        return out


def clean(name: str | None) -> str:
    """NFC, single spaces, no trailing superscript digit (CLDR's de name of KZ-75 is "Almaty²")."""
    if not name:
        return ""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    return name.rstrip("".join(ch for ch in name if unicodedata.category(ch) == "No")).strip()


def is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def begins(name: str, other: str) -> bool:
    """True if name is the first word(s) of other (or its first characters, in Chinese)."""
    if other == name:
        return False
    return other.startswith(name) if is_cjk(name) else other.startswith((name + " ", name + "-"))


def script_of(text: str) -> str:
    """The Unicode script of the first letter (LATIN, CYRILLIC, CJK, DEVANAGARI, ...)."""
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split()[0]
    return "?"


def words(text: str) -> list[str]:
    """Casefolded words without diacritics, for comparing spellings; Devanagari is cut down to its
    consonants and independent vowels, since the vowel signs and nasals of a name vary."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    if script_of(text) == "DEVANAGARI":
        folded = "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LPZ")
    else:
        folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return [w for w in re.split(r"[\s\-\u2010-\u2015,;:()\[\]'\u2019\u02bc\"/.]+", folded) if w]


def common_run(a: str, b: str) -> int:
    """Length of the longest common substring."""
    best, prev = 0, [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


class Checker:
    """Accepts a region name if one of its distinctive words is spelled like a distinctive word of a
    trusted (CLDR or ISO) name of the same region in the same script: a common run of at least half its
    letters (two characters in Han or Devanagari, one in a name of two). Words found in the trusted
    names of four or more regions of a country ("oblast", "Republik", "край") are not distinctive. A
    name with no trusted name in its script cannot be checked and is accepted."""

    def __init__(self, anchors: dict[str, list[str]]) -> None:
        self.anchors = anchors
        spread: dict[tuple[str, str], set[str]] = {}
        for code, names in anchors.items():
            for name in names:
                for word in words(name):
                    spread.setdefault((code[:2], word), set()).add(code)
        self.generic = {key for key, codes in spread.items() if len(codes) >= 4}

    def distinctive(self, code: str, name: str) -> list[str]:
        return [w for w in words(name) if (code[:2], w) not in self.generic]

    def agrees(self, code: str, name: str) -> bool:
        script = script_of(name)
        trusted = [a for a in self.anchors[code] if script_of(a) == script]
        if not trusted:
            return True
        theirs = [w for a in trusted for w in self.distinctive(code, a)]
        for word in self.distinctive(code, name):
            dense = script in ("CJK", "DEVANAGARI")
            if len(word) < (1 if dense else 3):
                continue
            need = (1 if len(word) <= 2 else 2) if dense else max(3, -(-len(word) // 2))
            need = min(len(word), need)
            if any(common_run(word, other) >= need for other in theirs):
                return True
        return False


class CldrXml:
    """CLDR's XML files (common/main, common/subdivisions) from the npm `cldr` tarball or a directory."""

    def __init__(self, path: Path) -> None:
        self.files: dict[str, bytes] = {}
        self.package = "folder"
        wanted = re.compile(r"(?:^|/)common/(main|subdivisions|dtd)/([A-Za-z_]+\.(?:xml|dtd))$")
        if path.is_dir():
            for file in path.rglob("*"):
                m = wanted.search(file.as_posix())
                if m and "/test" not in file.as_posix():
                    self.files[f"{m[1]}/{m[2]}"] = file.read_bytes()
        else:
            with tarfile.open(path) as tar:
                for member in tar.getmembers():
                    m = wanted.search(member.name)
                    data = tar.extractfile(member) if member.isfile() else None
                    if data and m and "3rdparty/cldr/" in member.name:
                        self.files[f"{m[1]}/{m[2]}"] = data.read()
                    elif data and member.name == "package/package.json":
                        self.package = str(json.loads(data.read())["version"])
        dtd = self.files.get("dtd/ldml.dtd", b"").decode()
        found = re.search(r'cldrVersion CDATA #FIXED "([\d.]+)"', dtd)
        self.version = found[1] if found else "?"

    def _root(self, folder: str, lang: str) -> ET.Element | None:
        data = self.files.get(f"{folder}/{CLDR_FILE.get(lang, lang)}.xml")
        return ET.fromstring(data) if data else None

    def territory_alts(self, lang: str) -> list[tuple[str, str, str]]:
        root = self._root("main", lang)
        if root is None:
            return []
        return [
            (el.get("type", ""), el.get("alt", ""), el.text or "")
            for el in root.iter("territory")
            if el.get("alt") in ("short", "variant")
        ]

    def subdivisions(self, lang: str) -> dict[str, str]:
        root = self._root("subdivisions", lang)
        if root is None:
            return {}
        return {
            f"{el.get('type', '')[:2].upper()}-{el.get('type', '')[2:].upper()}": el.text or ""
            for el in root.iter("subdivision")
            if not el.get("alt")
        }


def catalog(domain: str, lang: str) -> dict[str, str]:
    """The translated strings of an iso-codes gettext domain (untranslated ones are absent)."""
    try:
        trans = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[GETTEXT_LANG.get(lang, lang)])
    except FileNotFoundError:
        return {}
    messages: dict[str, str] = getattr(trans, "_catalog", {})
    return {k: v for k, v in messages.items() if isinstance(k, str) and k and v and v != k}


def countries(cldr: CldrXml | None) -> Names:
    names = Names()
    codes = sorted(c.alpha_2 for c in pycountry.countries)
    for lang in LANGS:
        territories = Locale.parse(BABEL_LOCALE.get(lang, lang)).territories
        for code in codes:
            names.add(code, lang, territories.get(code), "standard", "cldr")
    if cldr:
        for lang in LANGS:
            for code, alt, name in cldr.territory_alts(lang):
                if code in codes:
                    names.add(code, lang, name, alt, "cldr-xml")
    for lang in LANGS:
        messages = catalog("iso3166-1", lang)
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                msgid: str | None = getattr(country, attr, None)
                if not msgid:
                    continue
                local = msgid if lang == "en" else messages.get(msgid)
                if local and ", " not in local:  # skip ISO's inverted forms ("Moldova, Republic of")
                    kind = "standard" if attr == "name" else "variant"
                    names.add(country.alpha_2, lang, local, kind, "iso-codes")
    for lang in LANGS:
        messages = catalog("iso3166-3", lang)
        for code in HISTORIC:
            old = pycountry.historic_countries.get(alpha_4=code)
            if old is None or old.alpha_4[2:] not in codes:
                continue
            local = old.name if lang == "en" else messages.get(old.name)
            if local and ", " not in local:  # skip ISO's inverted forms ("Upper Volta, Republic of")
                names.add(old.alpha_4[2:], lang, local, "historical", "iso-codes")
    data = importlib.resources.files("countryinfo") / "data"
    for file in sorted(data.iterdir(), key=lambda f: f.name):
        if not file.name.endswith(".json"):
            continue
        record = json.loads(file.read_text(encoding="utf-8"))
        iso = str((record.get("ISO") or {}).get("alpha2"))
        if iso not in codes:
            continue
        for lang, text in sorted((record.get("translations") or {}).items()):
            if lang in LANGS and (iso, lang, text) not in REJECT:
                names.add(iso, lang, text, "variant", "countryinfo")
        for text in record.get("altSpellings") or []:
            if len(text) > 3 and text.upper() != text:
                names.add(iso, "und", text, "variant", "countryinfo")
    for code, lang, name in MANUAL:
        names.add(code, lang, name, "variant", "manual")
    return names


def regions(cldr: CldrXml | None) -> tuple[Names, list[str]]:
    names, dropped = Names(), list[str]()
    subs = [
        s
        for cc in REGION_COUNTRIES
        for s in sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda s: s.code)
        if s.parent_code is None
    ]
    cldr_names = {lang: cldr.subdivisions(lang) if cldr else {} for lang in LANGS}
    anchors: dict[str, list[str]] = {s.code: [s.name] for s in subs}
    for lang in LANGS:
        for s in subs:
            name = cldr_names[lang].get(s.code)
            names.add(s.code, lang, name, "standard", "cldr-xml")
            if name:
                anchors[s.code].append(name)
    for s in subs:
        names.add(s.code, "und", s.name, "standard", "iso-codes")
    checker = Checker(anchors)

    def checked(code: str, lang: str, name: str, source: str) -> None:
        if script_of(name) != SCRIPT.get(lang, "LATIN"):
            return
        if checker.agrees(code, name):
            names.add(code, lang, name, "standard" if source == "iso-codes" else "variant", source)
        else:
            dropped.append(f"{code}\t{lang}\t{name}\t{source}")

    for lang in LANGS:
        messages = catalog("iso3166-2", lang)
        for s in subs:
            if s.name in messages:
                checked(s.code, lang, messages[s.name], "iso-codes")
    other = json.loads(
        (importlib.resources.files("iso3166_2") / "iso3166-2.json").read_text(encoding="utf-8")
    )
    for s in subs:
        entry = other.get(s.country_code, {}).get(s.code) or {}
        for part in re.split(r",\s*(?![^()]*\))", entry.get("localOtherName") or ""):
            found = re.fullmatch(r"(.+?)\s*\(([a-z]{3})\)", part.strip())
            if found and found[2] in ISO639_3 and not re.fullmatch(r"[A-Z]{1,4}", found[1]):
                checked(s.code, ISO639_3[found[2]], found[1], "iso3166-2")
    return names, dropped


def versions(cldr: CldrXml | None) -> dict[str, str]:
    found = {"babel": importlib.metadata.version("babel"), "cldr": get_cldr_version()}
    for package in ("pycountry", "countryinfo", "iso3166-2"):
        found[package] = importlib.metadata.version(package)
    if cldr:
        found["cldr-xml"], found["npm-cldr"] = cldr.version, cldr.package
    return found


def write(path: Path, header: list[str], key: str, rows: list[Row]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in header:
            out.write(f"# {line}\n")
        out.write(f"# {key}\tlang\tname\tkind\tsource\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} rows ({path.stat().st_size} bytes) to {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cldr-xml", type=Path, help="npm `cldr` tarball or a CLDR folder")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder for countries.tsv and regions.tsv")
    parser.add_argument("--dropped", type=Path, help="write region names that failed the check here")
    args = parser.parse_args(argv)
    cldr = CldrXml(args.cldr_xml) if args.cldr_xml else None
    v = versions(cldr)
    made = "made by scripts/make_place_names.py; do not edit by hand (see its docstring to rerun)"
    langs = "lang: " + ", ".join(LANGS) + "; und = a name the dataset gives without a language"
    kinds = "kind: standard (main name in that language) | short | variant | historical"
    sources = [
        f"cldr = Unicode CLDR {v['cldr']} via Babel {v['babel']} (Unicode License v3)",
        f"iso-codes = Debian iso-codes via pycountry {v['pycountry']} (LGPL-2.1 data)",
    ]
    if cldr:
        xml = (
            f"cldr-xml = Unicode CLDR {v['cldr-xml']} XML from npm cldr {v['npm-cldr']} (Unicode License v3)"
        )
        sources.insert(1, xml)
    country_names = countries(cldr).settled()
    write(
        args.out / "countries.tsv",
        [
            f"Names of ISO 3166-1 countries, {made}",
            *sources,
            f"countryinfo = countryinfo {v['countryinfo']} (MIT; data mostly from Wikipedia)",
            "manual = typed in the script, listed in its docstring",
            langs,
            kinds,
        ],
        "iso2",
        country_names,
    )
    region_names, dropped = regions(cldr)
    write(
        args.out / "regions.tsv",
        [
            f"Names of first-level ISO 3166-2 subdivisions of {' '.join(REGION_COUNTRIES)}, {made}",
            *sources,
            f"iso3166-2 = iso3166-2 package {v['iso3166-2']} localOtherName (MIT; ISO OBP, Wikipedia)",
            "cldr-xml subdivision names outside English are mostly CLDR draft=provisional",
            langs + " (the und standard name is ISO 3166-2's own romanized name)",
            kinds,
        ],
        "code",
        region_names.settled(),
    )
    if args.dropped:
        args.dropped.write_text("\n".join(dropped) + "\n", encoding="utf-8")
    print(f"{len(dropped)} region names failed the spelling check")
    return 0


if __name__ == "__main__":
    sys.exit(main())

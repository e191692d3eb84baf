"""Standard Latin and German spellings of Russian, Belarusian and Ukrainian names (issue 17).

An English or German page writes ``Lukashenko``, ``Lukaschenko``, ``Gussakow`` or ``Aliaksandr Lukashenka``;
the authority entry has ``Александр Лукашенко``/``Аляксандр Лукашэнка``. :func:`forms` lists the spellings
the standards below give a Cyrillic name, and the simplifications people actually type, so that the two
can be linked. :func:`transliterate` gives one system's spelling of a text.

The systems (keys of :data:`SYSTEMS`) and the standards they follow:

``bgn-pcgn``
    Russian: BGN/PCGN 1947 (US Board on Geographic Names 1944, UK Permanent Committee on Geographical Names
    1947). е/ё → ye/yë at the start of a word, after a vowel and after й, ъ, ь; ь → ʹ, ъ → ʺ. The optional
    middle dot (t·s, sh·ch, y·a) is not written. Belarusian: BGN/PCGN 1979 (г → h, ў → w, е → ye, ё → yo,
    ’ → ʺ). Ukrainian: BGN/PCGN 2019, the adoption of Ukraine's national system (Resolution No. 55 of the
    Cabinet of Ministers of Ukraine, 27 January 2010); the superseded BGN/PCGN 1965 system (Zelensʹkyy,
    Andriy) is kept among the variants of :func:`forms`, it is how most English texts before 2019 spell.
``icao``
    Russian: ICAO Doc 9303 Part 3 (7th edition, 2015), the machine-readable passport transliteration
    printed in Russian passports since 2014 (ц → ts, х → kh, щ → shch, ъ → ie, ь omitted, ю → iu, я → ia,
    е/ё → e, й → i). Belarusian: the Ministry of Internal Affairs' rules for passports (Instruction on the
    transliteration of citizens' names in the population register, Resolution No. 288 of 9 October 2008,
    applied without diacritics as the passport instruction, Resolution No. 200 of 28 June 2010, requires):
    Аляксандр → Aliaksandr, Лукашэнка → Lukashenka, Святлана → Sviatlana, Дзмітрый → Dzmitry. Ukrainian:
    the national system of 2010 (as above), which Ukrainian passports use.
``duden``
    German transcription. Russian: the Duden table (Die deutsche Rechtschreibung): ш/ж → sch, ч → tsch,
    щ → schtsch, з → s, с → ss between vowels, в → w, х → ch, ц → z, кс → x, е → je and ё → jo at the start
    of a word, after a vowel, ъ and ь (ё → o after ж, ч, ш, щ), й → i after a vowel before a consonant or at
    the end, j before a vowel, not written after и/ы at the end (Горький → Gorki), ы → y, ю → ju, я → ja.
    Belarusian and Ukrainian: the German transcriptions that follow the same principles (г → h, ў → u,
    й → j, и → y, ї → ji: Lukaschenka, Zichanouskaja, Kyjiw, Selenskyj), as in the German press and the
    German Wikipedia. The Duden's w for г in the genitive endings -ого/-его is not applied: names are in
    the nominative, and Живаго stays Schiwago.
``scholarly``
    Scientific transliteration, with diacritics. Russian and Ukrainian: DIN 1460 / ISO/R 9:1968 (ж → ž,
    ч → č, ш → š, щ → šč, х → ch, ц → c, й → j, э → ė, ю → ju, я → ja, ь → ʹ, ъ → ʺ): Лукашенко → Lukašenko.
    Belarusian: the national Latin system (Instruction on the transliteration of geographical names of the
    Republic of Belarus, 2000, as amended by Resolution No. 38 of the State Property Committee,
    11 June 2007; recommended by the UN for international use): ь marks the consonant (ĺ, ń, ś, ź, ć),
    е → ie/je, ў → ŭ: Гомель → Homieĺ. (Its replacement for signs and maps, State Property Committee
    Resolution No. 19 of 24 March 2023, with g, zh, ch, sh, w, is for places, not names, and is not
    generated.) ISO 9:1995 (х → h, щ → ŝ, э → è, ю → û, я → â) is among the variants of :func:`forms`.

Conventional or translated names (Alexander for Александр, Tchaikovsky, Peter) are not transliterations
and are not generated: they belong in an authority entry's aliases.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

__all__ = ["LANGS", "SYSTEMS", "forms", "transliterate"]

SYSTEMS: dict[str, str] = {
    "bgn-pcgn": (
        "BGN/PCGN: Russian 1947, Belarusian 1979, Ukrainian 2019 (= Ukraine's national system of 2010)"
    ),
    "icao": (
        "Passports: ICAO Doc 9303 for Russian (Russian passports since 2014); the Belarusian passport rules"
        " (MVD 2008/2010); Ukraine's national system of 2010"
    ),
    "duden": "German transcription of names as in the Duden and the German press (Lukaschenko, Gussakow)",
    "scholarly": (
        "Scientific transliteration with diacritics (DIN 1460 / ISO/R 9:1968; Belarusian national system"
        " of 2007): Lukašenko"
    ),
}
LANGS: tuple[str, ...] = ("ru", "be", "uk")

_VOWELS = frozenset("аеёиоуыэюяіїє")
# The apostrophe of Belarusian and Ukrainian as typed: ASCII, right quote, modifier letter, left quote.
_APOSTROPHES = frozenset("'’ʼ‘")
_STRESS = frozenset("\u0300\u0301")  # stress marks of dictionaries and textbooks: not part of the spelling
_HUSHING = frozenset("жчшщ")
# Sets, not strings, for the tests on a neighbour: it is "" at the edge of a word, and "" in "аб" is True.
_IOTATED_VOWELS = frozenset("ёюя")
_IOTATED_VOWELS_UK = frozenset("юяє")
_SOFT_OR_APOSTROPHE = frozenset("ь'")
_HARD_I = frozenset("иы")

Ending = Literal["", "y", "i"]


@dataclass(frozen=True)
class _Opts:
    """Choices within a system, for the variants :func:`forms` lists (the defaults are the standards).

    ``english``: BGN/PCGN Russian as English texts write it: ё → yo rather than ë (Pyotr, Fyodor; e after
    ж, ч, ш, щ, ц: Khrushchev), ь before и, о → y (Ilyich). ``ending``: the English short forms of
    word-final -ий/-ый, ``"y"`` (Gorky, Yury, Bely, Zelensky) or ``"i"`` (Gorki, Yuri); in ICAO spellings
    only for adjectival surnames, -кий and -ый (Dostoevsky, Navalny; not Iury). ``x``: the Duden's
    кс → x (Alexandr); without it кс → ks, as the German Wikipedia writes names that are not Greek or
    Latin (Aksjonow). ``final_j``: the German press's word-final й → j (Sergej, Alexej, Jurij) rather than
    the Duden's i or nothing. ``legacy``: Ukrainian BGN/PCGN 1965 rather than 2019.
    """

    english: bool = False
    ending: Ending = ""
    x: bool = True
    final_j: bool = False
    legacy: bool = False


# A system's rule for one language: the Latin for the letter at index i of a lower-cased word (apostrophes
# written '), or None for a character it has no rule for.
_Rule = Callable[[str, int, _Opts], str | None]


def _table(spec: str) -> dict[str, str]:
    """``"а a б b ь -"`` → {"а": "a", "б": "b", "ь": ""}: a letter, then its Latin ("-" for nothing)."""
    items = spec.split()
    return {items[k]: "" if items[k + 1] == "-" else items[k + 1] for k in range(0, len(items), 2)}


def _iotated(w: str, i: int, after: str) -> bool:
    """True at the start of a word, after a vowel letter and after the letters of ``after``."""
    return i == 0 or w[i - 1] in _VOWELS or w[i - 1] in after


def _around(w: str, i: int) -> tuple[str, str]:
    return (w[i - 1] if i else ""), (w[i + 1] if i + 1 < len(w) else "")


def _short_ending(w: str, i: int, o: _Opts) -> str | None:
    """Word-final -ий/-ый in the English short form asked for (Gorky, Yuri, Bely); None elsewhere."""
    if not o.ending or len(w) < 3 or w[-1] != "й" or w[-2] not in "иы" or i < len(w) - 2:
        return None
    if i == len(w) - 1:
        return ""
    return "i" if o.ending == "i" and w[-2] == "и" else "y"


# ----------------------------------------------------------------------------------------------- Russian

_BGN_RU = _table(
    "а a б b в v г g д d е e ё ë ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts "
    "ч ch ш sh щ shch ъ ʺ ы y ь ʹ э e ю yu я ya"
)
_ICAO_RU = _table(
    "а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts "
    "ч ch ш sh щ shch ъ ie ы y ь - э e ю iu я ia ґ g є ie і i ї i ў u"
)
_DUDEN_RU = _table(
    "а a б b в w г g д d ж sch з s к k л l м m н n о o п p р r т t у u ф f х ch ц z ч tsch ш sch "
    "щ schtsch ъ - ы y э e ю ju я ja"
)
_SCHOLARLY_RU = _table(
    "а a б b в v г g д d е e ё ë ж ž з z и i й j к k л l м m н n о o п p р r с s т t у u ф f х ch ц c "
    "ч č ш š щ šč ъ ʺ ы y ь ʹ э ė ю ju я ja"
)
# ISO 9:1995 is one table for every Cyrillic language (its System A: one letter for one letter).
_ISO9 = _table(
    "а a б b в v г g ґ g̀ д d е e ё ë є ê ж ž з z и i і ì ї ï й j к k л l м m н n о o п p р r с s т t "
    "у u ў ǔ ф f х h ц c ч č ш š щ ŝ ъ ʺ ы y ь ʹ э è ю û я â ' ’"
)


def _bgn_ru(w: str, i: int, o: _Opts) -> str | None:
    """BGN/PCGN 1947 for Russian: ye/yë at the start, after vowels and after й, ъ, ь."""
    short = _short_ending(w, i, o)
    if short is not None:
        return short
    c = w[i]
    if c == "е":
        return "ye" if _iotated(w, i, "йъь") else "e"
    if c == "ё":
        if not o.english:
            return "yë" if _iotated(w, i, "йъь") else "ë"
        if _iotated(w, i, "йъь"):
            return "yo"
        return "e" if w[i - 1] in "жчшщц" else "yo"
    if c == "ь" and o.english and i + 1 < len(w) and w[i + 1] in "ио":
        return "y"  # Ilyich
    return _BGN_RU.get(c)


def _icao_ru(w: str, i: int, o: _Opts) -> str | None:
    """ICAO Doc 9303 for Russian: one letter for one letter, no context."""
    if w.endswith(("кий", "ый")):
        short = _short_ending(w, i, o)
        if short is not None:
            return short
    return _ICAO_RU.get(w[i])


def _duden_ru(w: str, i: int, o: _Opts) -> str | None:
    """The Duden's German transcription of Russian."""
    c = w[i]
    p, n = _around(w, i)
    if c == "е":
        return "je" if _iotated(w, i, "ъь") else "e"
    if c == "ё":
        return "o" if p in _HUSHING else "jo"
    if c == "и":
        return "ji" if p == "ь" else "i"
    if c == "й":
        if n in _VOWELS:
            return "" if n in _IOTATED_VOWELS else "j"  # Майя → Maja: the vowel's j is the й
        if i == 0:
            return "j"
        if not n:
            return "j" if o.final_j else ("" if p in _HARD_I else "i")
        return "j" if p in _HARD_I else "i"  # Noworossijsk, but Tschaikowski
    if c == "к" and n == "с" and o.x:
        return "x"
    if c == "с":
        if p == "к" and o.x:
            return ""
        return "ss" if p in _VOWELS and n in _VOWELS else "s"
    if c == "ь":
        return "j" if n == "о" else ""
    return _DUDEN_RU.get(c)


def _scholarly_ru(w: str, i: int, o: _Opts) -> str | None:
    """DIN 1460 / ISO/R 9:1968 scientific transliteration of Russian."""
    return _SCHOLARLY_RU.get(w[i])


def _iso9(w: str, i: int, o: _Opts) -> str | None:
    """ISO 9:1995, for every language."""
    return _ISO9.get(w[i])


# ---------------------------------------------------------------------------------------------- Belarusian

_BGN_BE = _table(
    "а a б b в v г h ґ g д d е ye ё yo ж zh з z і i и i й y к k л l м m н n о o п p р r с s т t у u ў w "
    "ф f х kh ц ts ч ch ш sh щ shch ъ ʺ ы y ь ʹ э e ю yu я ya ' ʺ"
)
_ICAO_BE = _table(
    "а a б b в v г h ґ g д d ж zh з z і i и i й i к k л l м m н n о o п p р r с s т t у u ў u ф f х kh "
    "ц ts ч ch ш sh щ shch ъ - ы y ь - э e ' -"
)
# The MVD's y-forms of е, ё, ю, я: at the start and after these letters (not after і or ы: Марыя → Maryia).
_BE_PASSPORT_Y_AFTER = "аеёиоуэюяьў'"
_DUDEN_BE = _table(
    "а a б b в w г h ґ g д d ж sch з s к k л l м m н n о o п p р r т t у u ў u ф f х ch ц z ч tsch ш sch "
    "щ schtsch и i ъ - ы y э e ю ju я ja ' -"
)
_SCHOLARLY_BE = _table(
    "а a б b в v г h ґ g д d ж ž з z і i и i й j к k л l м m н n о o п p р r с s т t у u ў ŭ ф f х ch "
    "ц c ч č ш š щ šč ъ - ы y ь - э e ' -"
)
_BE_SOFT = {"з": "ź", "л": "ĺ", "н": "ń", "с": "ś", "ц": "ć"}


def _bgn_be(w: str, i: int, o: _Opts) -> str | None:
    """BGN/PCGN 1979 for Belarusian: one letter for one letter (е → ye everywhere: Vitsyebsk, Homyelʹ)."""
    short = _short_ending(w, i, o)
    if short is not None:
        return short
    return _BGN_BE.get(w[i])


def _icao_be(w: str, i: int, o: _Opts) -> str | None:
    """The Belarusian passport rules (MVD 2008/2010), without diacritics."""
    c = w[i]
    if c in "еёюя":
        vowel = {"е": "e", "ё": "o", "ю": "u", "я": "a"}[c]
        if i == 0 or w[i - 1] in _BE_PASSPORT_Y_AFTER:
            return "y" + vowel
        return vowel if c == "е" else "i" + vowel
    if c == "й" and len(w) > 2 and i == len(w) - 1 and w[i - 1] in _HARD_I:
        return ""  # Дзмітрый → Dzmitry, Юрый → Yury
    return _ICAO_BE.get(c)


def _duden_be(w: str, i: int, o: _Opts) -> str | None:
    """The German transcription of Belarusian (Lukaschenka, Zichanouskaja, Mahiljou, Wizebsk)."""
    c = w[i]
    p, n = _around(w, i)
    if c == "е":
        return "je" if _iotated(w, i, "ъьў'") else "e"
    if c == "ё":
        return "o" if p in _HUSHING else "jo"
    if c == "і":
        return "ji" if p in _SOFT_OR_APOSTROPHE else "i"
    if c == "й":
        return "" if n in _IOTATED_VOWELS else "j"
    if c == "с":
        return "ss" if p in _VOWELS and n in _VOWELS else "s"
    if c == "ь":
        return "j" if n == "о" else ""
    return _DUDEN_BE.get(c)


def _scholarly_be(w: str, i: int, o: _Opts) -> str | None:
    """The Belarusian national Latin system of 2007 (Homieĺ, Mahilioŭ, Viciebsk, Lukašenka)."""
    c = w[i]
    _, n = _around(w, i)
    if c in "еёюя":
        vowel = {"е": "e", "ё": "o", "ю": "u", "я": "a"}[c]
        return ("j" if _iotated(w, i, "ъьў'") else "i") + vowel
    if c == "і" and i and w[i - 1] in _SOFT_OR_APOSTROPHE:
        return "ji"
    if c in _BE_SOFT and n == "ь":
        return _BE_SOFT[c]
    return _SCHOLARLY_BE.get(c)


# ----------------------------------------------------------------------------------------------- Ukrainian

_NATIONAL_UK = _table(
    "а a б b в v г h ґ g д d е e ж zh з z и y і i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts "
    "ч ch ш sh щ shch ь - ' -"
)
_NATIONAL_UK_IOTATED = {
    "є": ("ye", "ie"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
_BGN_UK_1965 = _table(
    "а a б b в v г h ґ g д d е e є ye ж zh з z и y і i ї yi й y к k л l м m н n о o п p р r с s т t у u "
    "ф f х kh ц ts ч ch ш sh щ shch ь ʹ ю yu я ya ' ʺ"
)
_DUDEN_UK = _table(
    "а a б b в w г h ґ g д d е e є je ж sch з s и y і i ї ji к k л l м m н n о o п p р r т t у u ф f "
    "х ch ц z ч tsch ш sch щ schtsch ю ju я ja ' -"
)
_SCHOLARLY_UK = _table(
    "а a б b в v г h ґ g д d е e є je ж ž з z и y і i ї ji й j к k л l м m н n о o п p р r с s т t у u "
    "ф f х ch ц c ч č ш š щ šč ь ʹ ю ju я ja ' ʺ"
)


def _national_uk(w: str, i: int, o: _Opts) -> str | None:
    """Ukraine's national system of 2010 (= BGN/PCGN 2019), or with ``o.legacy`` BGN/PCGN 1965."""
    c = w[i]
    if o.legacy:
        return _BGN_UK_1965.get(c)
    if o.ending and len(w) >= 3 and w.endswith("ий") and i >= len(w) - 2:
        return "y" if i == len(w) - 2 else ""  # Zelensky
    pair = _NATIONAL_UK_IOTATED.get(c)
    if pair is not None:
        return pair[0] if i == 0 else pair[1]  # only at the start of a word: Мар'їне → Marine
    if c == "г" and i and w[i - 1] == "з":
        return "gh"  # Згорани → Zghorany, not Zhorany
    return _NATIONAL_UK.get(c)


def _duden_uk(w: str, i: int, o: _Opts) -> str | None:
    """The German transcription of Ukrainian (Kyjiw, Selenskyj, Charkiw, Saporischschja)."""
    c = w[i]
    p, n = _around(w, i)
    if c == "й":
        return "" if n in _IOTATED_VOWELS_UK else "j"
    if c == "с":
        return "ss" if p in _VOWELS and n in _VOWELS else "s"
    if c == "ь":
        return "j" if n == "о" else ""
    return _DUDEN_UK.get(c)


def _scholarly_uk(w: str, i: int, o: _Opts) -> str | None:
    """DIN 1460 / ISO/R 9:1968 scientific transliteration of Ukrainian (Kyjiv, Zelensʹkyj)."""
    return _SCHOLARLY_UK.get(w[i])


# ------------------------------------------------------------------------------------------------ engine

_RULES: dict[tuple[str, str], _Rule] = {
    ("bgn-pcgn", "ru"): _bgn_ru,
    ("bgn-pcgn", "be"): _bgn_be,
    ("bgn-pcgn", "uk"): _national_uk,
    ("icao", "ru"): _icao_ru,
    ("icao", "be"): _icao_be,
    ("icao", "uk"): _national_uk,
    ("duden", "ru"): _duden_ru,
    ("duden", "be"): _duden_be,
    ("duden", "uk"): _duden_uk,
    ("scholarly", "ru"): _scholarly_ru,
    ("scholarly", "be"): _scholarly_be,
    ("scholarly", "uk"): _scholarly_uk,
}


def _is_cyrillic_letter(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" and ch.isalpha()


def _convert(text: str, system: str, lang: str, opts: _Opts, rule: _Rule | None = None) -> str:
    """Transliterate each Cyrillic word of ``text``; everything between words is kept as it is."""
    main = rule or _RULES[(system, lang)]
    fallback = _RULES[(system, "ru")]  # a Russian letter in a Belarusian or Ukrainian name
    apostrophes = lang != "ru"  # in Russian an apostrophe is punctuation: Д'Артаньян → D'Artanʹyan
    out: list[str] = []
    i, size = 0, len(text)
    while i < size:
        if not _is_cyrillic_letter(text[i]):
            out.append(text[i])
            i += 1
            continue
        j = i + 1
        while j < size:
            c = text[j]
            in_word_apostrophe = (
                apostrophes and c in _APOSTROPHES and j + 1 < size and _is_cyrillic_letter(text[j + 1])
            )
            if not (_is_cyrillic_letter(c) or unicodedata.combining(c) or in_word_apostrophe):
                break
            j += 1
        out.append(_word(text[i:j], main, fallback, opts))
        i = j
    return "".join(out)


def _word(raw: str, rule: _Rule, fallback: _Rule, opts: _Opts) -> str:
    word = unicodedata.normalize("NFC", "".join(c for c in raw if c not in _STRESS))
    low = "".join("'" if c in _APOSTROPHES else c for c in word.lower())
    letters = [c for c in word if c.isalpha()]
    all_caps = len(letters) > 1 and all(c.isupper() for c in letters)
    parts: list[str] = []
    for k, original in enumerate(word):
        latin = rule(low, k, opts)
        if latin is None and low[k] != "'":
            latin = fallback(low, k, opts)
        if latin is None:
            parts.append(original)
        elif original.isupper():
            parts.append(latin.upper() if all_caps else latin[:1].upper() + latin[1:])
        else:
            parts.append(latin)
    return "".join(parts)


def _check(system: str | None, lang: str) -> None:
    if system is not None and system not in SYSTEMS:
        raise ValueError(f"unknown transliteration system {system!r}: one of {', '.join(SYSTEMS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGS)}")


def transliterate(text: str, system: str, lang: str = "ru") -> str:
    """``text`` in the Latin (or German) spelling of ``system`` for the language ``lang``.

    ``system`` is a key of :data:`SYSTEMS`, ``lang`` one of ``"ru"``, ``"be"``, ``"uk"``. Each run of
    Cyrillic letters (with the in-word apostrophe of Belarusian and Ukrainian) is a word: the rules for its
    start apply after a space, a hyphen or a full stop. A capital gives a capitalised spelling (Ж → Zh,
    Sch), a word in capitals stays in capitals (ЦИК → TSIK). Spaces, punctuation, hyphens, digits and
    characters of other scripts are kept as they are; stress marks are dropped.
    """
    _check(system, lang)
    return _convert(text, system, lang, _Opts())


_MARKS_PLAIN = str.maketrans("", "", "ʹʺ")
_MARKS_ASCII = str.maketrans({"ʹ": "'", "ʺ": '"'})
_MARKS_TYPOGRAPHIC = str.maketrans({"ʹ": "’", "ʺ": "”"})
_YO_PLAIN = str.maketrans("ëË", "eE")
_ACUTES_PLAIN = str.maketrans("ĺńśźćĹŃŚŹĆ", "lnszcLNSZC")


def _variants(name: str, system: str, lang: str) -> Iterator[str]:
    """The simplified spellings of ``system`` people type, beside its standard one."""
    if system == "bgn-pcgn":
        base = _convert(name, system, lang, _Opts())
        plain_yo = base.translate(_YO_PLAIN)
        yield plain_yo  # Khrushchëv → Khrushchev
        yield base.translate(_MARKS_PLAIN)  # Ilʹich → Ilich
        yield plain_yo.translate(_MARKS_ASCII)  # Yel'tsin
        yield plain_yo.translate(_MARKS_TYPOGRAPHIC)  # Yel’tsin
        endings: tuple[Ending, ...] = ("", "y", "i") if lang != "uk" else ("", "y")
        for english in (False, True):
            for ending in endings:
                spelled = _convert(name, system, lang, _Opts(english=english, ending=ending))
                yield spelled.translate(_MARKS_PLAIN).translate(_YO_PLAIN)  # Pyotr, Ilyich, Gorky, Yuri
        if lang == "uk":
            legacy = _convert(name, system, lang, _Opts(legacy=True))  # BGN/PCGN 1965
            yield legacy
            yield legacy.translate(_MARKS_PLAIN)  # Zelenskyy, Andriy
            yield legacy.translate(_MARKS_ASCII)
            yield legacy.translate(_MARKS_TYPOGRAPHIC)
    elif system == "icao" and lang == "ru":
        yield _convert(name, system, lang, _Opts(ending="y"))  # Dostoevsky, Aleksei Navalny
    elif system == "duden":
        for x in (True, False):
            for final_j in (False, True):
                yield _convert(name, system, lang, _Opts(x=x, final_j=final_j))  # Aleksandr, Sergej
    elif system == "scholarly":
        base = _convert(name, system, lang, _Opts())
        yield base.translate(_YO_PLAIN)  # Chruščev
        yield base.translate(_YO_PLAIN).translate(_MARKS_PLAIN)  # Elcin
        if lang == "be":
            yield base.translate(_ACUTES_PLAIN)  # Homieĺ → Homiel
        yield _convert(name, system, lang, _Opts(), rule=_iso9)  # ISO 9:1995: Hruŝëv


def forms(name: str, lang: str = "ru") -> list[tuple[str, str]]:
    """Every distinct spelling of ``name`` the systems give, as (form, system id), without duplicates.

    First the standard form of each system, in the order bgn-pcgn, icao, duden, scholarly; then, in the
    same order, the simplifications people actually type: BGN/PCGN without ʹ/ʺ (Ilʹich → Ilich), with
    ' or ’ for them (Yel'tsin), with ë written e (Khrushchev) or English yo, yi (Pyotr, Ilyich), with the
    English short -y/-i of -ий/-ый (Gorky, Yuri, Zelensky), Ukrainian in BGN/PCGN 1965 (Zelenskyy,
    Andriy); ICAO with the -y of adjectival surnames (Dostoevsky); the German press's ks and final j
    (Aleksandr, Sergej); scholarly without ë or marks, Belarusian scholarly without the acute (Homiel),
    and ISO 9:1995. A form two systems give is listed once, with the first: a system's standard form
    always carries its own id unless an earlier system's standard form is the same (Lukashenko is
    bgn-pcgn, not icao), and a simplification never takes a standard form's place (Ilich is icao).
    """
    _check(None, lang)
    standard = [(transliterate(name, system, lang), system) for system in SYSTEMS]
    simplified = [(form, system) for system in SYSTEMS for form in _variants(name, system, lang)]
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    for form, system in (*standard, *simplified):
        if form and form not in seen:
            seen.add(form)
            result.append((form, system))
    return result

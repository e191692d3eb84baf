"""The spellings other scripts give a person's name, generated from its native form (issue 17).

An authority entry «Владимир Григорьевич Гусаков» (ru) is written Vladimir Gusakov (BGN/PCGN), Wladimir
Gussakow (Duden), 弗拉基米尔·古萨科夫 (Xinhua's Russian–Chinese table) and, in running text, often by the
surname alone; 王桂英 (zh) is Wang Guiying or Guiying Wang, Wáng Guìyīng, Wang Kuei-ying and Ван Гуйин. Each
form is an alias of kind ``transliteration`` whose source names the system (``generated:bgn-pcgn``…), so it
is told apart from the archivists' names and the datasets'. The systems are in :mod:`desktop.translit`.
"""

from __future__ import annotations

# The language a system's forms are written in.
_SYSTEM_LANGUAGE = {
    "bgn-pcgn": "en",
    "icao": "en",
    "scholarly": "en",
    "duden": "de",
    "pinyin": "en",
    "pinyin-tones": "en",
    "wade-giles": "en",
    "palladius": "ru",
    "xinhua": "zh",
}
_CYRILLIC_LANGUAGES = ("ru", "be", "uk")
_MIN_SURNAME = 4  # a shorter surname alone (Ли, Ван) names too many people


def generated_forms(
    entity_type: str, native: str | None, native_lang: str | None
) -> list[tuple[str, str, str]]:
    """(form, language, source) for every generated spelling of a person's native name."""
    if entity_type != "person" or not native or not native_lang:
        return []
    if native_lang in _CYRILLIC_LANGUAGES:
        return _from_cyrillic(native, native_lang)
    if native_lang == "zh":
        return _from_chinese(native)
    return []


def _variants(native: str) -> list[str]:
    """The name as texts write it: in full, without the patronymic, the surname alone."""
    words = native.split()
    variants = [" ".join(words)]
    if len(words) == 3:  # given name, patronymic, surname
        variants.append(f"{words[0]} {words[2]}")
    if len(words) >= 2 and len(words[-1]) >= _MIN_SURNAME:
        variants.append(words[-1])
    return variants


def _from_cyrillic(native: str, lang: str) -> list[tuple[str, str, str]]:
    from desktop.translit.chinese import xinhua
    from desktop.translit.cyrillic import forms

    out: list[tuple[str, str, str]] = []
    for variant in _variants(native):
        if variant != native:
            out.append((variant, lang, "generated:short-form"))
        out += [(form, _language(system), f"generated:{system}") for form, system in forms(variant, lang)]
        if len(variant.split()) <= 2:  # Chinese writes the given name and surname (·), or the surname
            out.append((xinhua(variant), "zh", "generated:xinhua"))
    return out


def _from_chinese(native: str) -> list[tuple[str, str, str]]:
    from desktop.translit.chinese import name_forms

    return [(form, _language(system), f"generated:{system}") for form, system in name_forms(native)]


def _language(system: str) -> str:
    return _SYSTEM_LANGUAGE.get(system, "en")

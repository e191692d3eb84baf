"""Script (from Unicode ranges) and language (py3langid, loaded on first use) of a text.

py3langid was chosen over lingua (a 96 MB wheel) and langdetect (non-deterministic without seeding,
weaker on short texts): it is small enough to bundle, deterministic, and offline.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import lru_cache
from typing import Any

# (first, last, ISO 15924 code): enough to tell the archive's scripts apart.
_RANGES = (
    (0x0041, 0x024F, "Latn"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hang"),
    (0x3040, 0x30FF, "Jpan"),
    (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xAC00, 0xD7AF, "Hang"),
    (0xF900, 0xFAFF, "Hani"),
)
_lock = threading.Lock()


def _class(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"\\u{a:04X}-\\u{b:04X}" for a, b in ranges) + "]")


_SCRIPT_CLASSES: dict[str, re.Pattern[str]] = {
    name: _class([(a, b) for a, b, n in _RANGES if n == name])
    for name in dict.fromkeys(n for *_, n in _RANGES)
}
_NOT_LETTER = re.compile(r"[\W\d_]")


# What each character counts as: its script (or None), and whether it counts. Filled as characters are
# met; a text has a few hundred distinct characters, so classifying each once beats scanning the text once
# per script (measured: 0.5 ms instead of 1.9 ms a document for the seeds' 3–11 kB documents).
_CHAR_SCRIPT: dict[str, str | None] = {}
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_CHAR_CACHE_MAX = 50_000


def _char_script(ch: str) -> str | None:
    """The script a character is counted under: a letter of a script's range, or any Devanagari sign."""
    found = _CHAR_SCRIPT.get(ch, "")
    if found != "":
        return found
    result: str | None = None
    for name, pattern in _SCRIPT_CLASSES.items():
        if pattern.match(ch):
            # Devanagari vowel signs are not letters (\w) but spell the word: they count too.
            if name == "Deva" or not _NOT_LETTER.match(ch):
                result = name
            break
    if len(_CHAR_SCRIPT) < _CHAR_CACHE_MAX:  # bounded: a hostile file may hold any of Unicode's characters
        _CHAR_SCRIPT[ch] = result
    return result


def scripts(text: str) -> Counter[str]:
    """How many characters of each script the text has: letters, and every Devanagari character.

    Counted over the text's distinct characters (``Counter`` counts them at C speed), each classified once.
    """
    by_script: dict[str, int] = {}
    # Mostly-ASCII text (most Latin-script documents): its ASCII letters, all Latin, are counted by
    # bytes.translate at C speed, and only the rest character by character.
    ascii_part = text.encode("ascii", "ignore")
    if len(ascii_part) * 2 > len(text):
        letters = len(ascii_part.translate(None, _ASCII_NOT_LETTERS))
        if letters:
            by_script["Latn"] = letters
        chars = Counter(_NOT_ASCII.findall(text)) if len(ascii_part) < len(text) else Counter()
    else:
        chars = Counter(text)
    for ch, n in chars.items():
        name = _char_script(ch)
        if name is not None:
            by_script[name] = by_script.get(name, 0) + n
    # In the order of the script table, as ties in describe_scripts are broken by it.
    return Counter({name: by_script[name] for name in _SCRIPT_CLASSES if name in by_script})


def describe_scripts(counts: Counter[str]) -> tuple[str, str]:
    """The dominant script, and a summary such as 'Latn 97%, Hani 3%'."""
    total = sum(counts.values())
    if not total:
        return "Zyyy", ""
    ranked = counts.most_common()
    summary = ", ".join(f"{name} {round(100 * n / total)}%" for name, n in ranked if n / total >= 0.005)
    return ranked[0][0], summary


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, dominant_script: str) -> tuple[str | None, float]:
    """ISO 639-1 code and probability; scripts with one archive language short-cut the model."""
    if dominant_script == "Hani":
        return "zh", 1.0
    sample = text[:1500]  # a paragraph is plenty, and the cost grows with length
    with _lock:  # the identifier keeps scratch state; one caller at a time
        lang, prob = _identifier().classify(sample)
    return lang, float(prob)

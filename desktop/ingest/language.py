"""Script (from Unicode ranges) and language (py3langid, loaded on first use) of a text.

py3langid was chosen over lingua (a 96 MB wheel) and langdetect (non-deterministic without seeding,
weaker on short texts): it is small enough to bundle, deterministic, and offline.
"""

from __future__ import annotations

import threading
from collections import Counter
from functools import lru_cache

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


def script_of(ch: str) -> str | None:
    code = ord(ch)
    if not ch.isalpha() and not (0x0900 <= code <= 0x097F):
        return None
    for first, last, name in _RANGES:
        if first <= code <= last:
            return name
    return "Zyyy"


def scripts(text: str) -> Counter[str]:
    """How many letters of each script the text has."""
    counts: Counter[str] = Counter()
    for ch in text:
        name = script_of(ch)
        if name:
            counts[name] += 1
    return counts


def describe_scripts(counts: Counter[str]) -> tuple[str, str]:
    """The dominant script, and a summary such as 'Latn 97%, Hani 3%'."""
    total = sum(counts.values())
    if not total:
        return "Zyyy", ""
    ranked = counts.most_common()
    summary = ", ".join(f"{name} {round(100 * n / total)}%" for name, n in ranked if n / total >= 0.005)
    return ranked[0][0], summary


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
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
